//! Round trip of the exchange format: fixture → import → export → import →
//! export. The two exports are byte-identical and hold the same records as
//! the fixture.
//!
//! "The same records" is semantic: a toekenning without `leveringsvorm` or
//! `doorbraak` reads as `natura` / `false`, and the export writes those
//! defaults out; tags of a voorziening come back sorted (the fixture lists
//! them sorted).
#![allow(
    clippy::expect_used,
    reason = "a test stops on the first broken assumption"
)]

use std::io::Cursor;

use wijkregister::domain::Record;
use wijkregister::store::import::{importeer, lees_regel_record};
use wijkregister::store::{self, INSTELLING_GEMEENTE, export};

const VOLLEDIG: &str = include_str!("../fixtures/import/volledig.jsonl");

/// The records of an exchange text (header skipped).
fn records(tekst: &str) -> Vec<Record> {
    tekst
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .skip(1)
        .map(|(i, l)| {
            lees_regel_record(i as u64 + 1, l).unwrap_or_else(|f| panic!("regel {}: {f:?}", i + 1))
        })
        .collect()
}

fn importeer_en_exporteer(tekst: &[u8]) -> Vec<u8> {
    let mut conn = store::open_in_memory().expect("db");
    importeer(&mut conn, Cursor::new(tekst), &mut |_| {}).expect("import");
    let mut uit = Vec::new();
    let aantal = export::exporteer(&conn, &mut uit).expect("export");
    assert_eq!(
        aantal,
        export::lees_records(&conn).expect("lezen").len() as u64
    );
    uit
}

#[test]
fn fixture_gebruikt_elk_type_en_elk_optioneel_veld() {
    let mut soorten: Vec<&str> = records(VOLLEDIG).iter().map(Record::soort).collect();
    soorten.dedup();
    assert_eq!(
        soorten,
        wijkregister::store::import::SOORTEN,
        "elk type, in afhankelijkheidsvolgorde"
    );
    // Every field of the specification appears somewhere in the fixture.
    for veld in [
        "kvk",
        "tot",
        "categorie",
        "kenmerken",
        "bsn",
        "geslacht",
        "gevraagde_voorziening",
        "gesprek",
        "onderzoek_klaar",
        "afgesloten",
        "uitkomst",
        "afgerond_op",
        "opgelost",
        "aanbieder",
        "contract",
        "aanvraag",
        "start",
        "eind",
        "leveringsvorm",
        "doorbraak",
        "reden_einde",
        "afweging",
        "casusregisseur",
        "procesregisseur",
        "waarde",
        "tekst",
        "bron",
    ] {
        assert!(
            VOLLEDIG.contains(&format!("\"{veld}\":")),
            "veld {veld} ontbreekt in de fixture"
        );
    }
}

#[test]
fn rondgang_is_byte_gelijk_en_semantisch_gelijk() {
    let eerste = importeer_en_exporteer(VOLLEDIG.as_bytes());
    let tweede = importeer_en_exporteer(&eerste);
    assert_eq!(
        String::from_utf8_lossy(&eerste),
        String::from_utf8_lossy(&tweede)
    );
    let eerste = String::from_utf8(eerste).expect("utf-8");
    assert!(eerste.starts_with(
        "{\"type\":\"header\",\"format\":\"wijkregister-jsonl\",\"version\":1,\"gemeente\":\"Almelo\"}\n"
    ));
    assert_eq!(records(&eerste), records(VOLLEDIG));
}

#[test]
fn standaardwaarden_worden_uitgeschreven() {
    let eerste = String::from_utf8(importeer_en_exporteer(VOLLEDIG.as_bytes())).expect("utf-8");
    let t2 = eerste
        .lines()
        .find(|l| l.contains("\"id\":\"T-2\""))
        .expect("T-2");
    assert!(
        t2.contains("\"leveringsvorm\":\"natura\",\"doorbraak\":false"),
        "{t2}"
    );
    assert!(
        !t2.contains("null"),
        "afwezige velden worden weggelaten: {t2}"
    );
    let vo = eerste
        .lines()
        .find(|l| l.contains("\"id\":\"VO-1\""))
        .expect("VO-1");
    assert!(vo.contains("\"bedrag\":1520.5,"), "{vo}");
}

#[test]
fn export_zonder_gemeente_noemt_onbekend() {
    let conn = store::open_in_memory().expect("db");
    assert_eq!(
        store::instelling(&conn, INSTELLING_GEMEENTE).expect("i"),
        None
    );
    let mut uit = Vec::new();
    assert_eq!(export::exporteer(&conn, &mut uit).expect("export"), 0);
    assert_eq!(
        String::from_utf8(uit).expect("utf-8"),
        format!(
            "{{\"type\":\"header\",\"format\":\"wijkregister-jsonl\",\"version\":1,\"gemeente\":\"{}\"}}\n",
            export::GEMEENTE_ONBEKEND
        )
    );
}

/// The demo generator's exchange file goes through the import path: it
/// imports cleanly, gives the same register as filling the database directly,
/// and its export imports again to the same bytes.
#[test]
fn demo_als_bestand_importeert_als_demo_in_de_database() {
    use wijkregister::demo::{self, DemoInstellingen};
    let inst = DemoInstellingen {
        inwoners: 800,
        jaren: 3,
        eind_jaar: 2025,
        seed: 11,
        peildatum: None,
    };
    let mut bestand = Vec::new();
    let verslag = demo::schrijf_jsonl(&mut bestand, &inst).expect("demo jsonl");

    let mut via_import = store::open_in_memory().expect("open");
    let import =
        importeer(&mut via_import, Cursor::new(&bestand), &mut |_| {}).unwrap_or_else(|f| {
            panic!(
                "demo file must import cleanly: {:?}",
                &f.fouten[..f.fouten.len().min(5)]
            )
        });
    assert_eq!(import.records, verslag.records);

    let mut direct = store::open_in_memory().expect("open");
    demo::vul_register(&mut direct, &inst).expect("demo db");

    let mut a = Vec::new();
    export::exporteer(&via_import, &mut a).expect("export a");
    let mut b = Vec::new();
    export::exporteer(&direct, &mut b).expect("export b");
    assert!(
        a == b,
        "the demo via the file and directly must be the same register"
    );
    assert_eq!(importeer_en_exporteer(&a), a);
}
