//! Round trip of the exchange format: fixture → import → export → import →
//! export. The two exports are byte-identical and hold the same records as
//! the fixture. A full demo register (every table filled, accounts and
//! audit log included) exported and imported into an empty register gives
//! the same register, table for table; a table or column the field table
//! does not carry fails a test; `docs/uitwisselformaat.md` is the field
//! table's own description.
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
use wijkregister::store::{self, INSTELLING_GEMEENTE, export, uitwisseling};

const VOLLEDIG: &str = include_str!("../fixtures/import/volledig.jsonl");

/// The records of the v1 types in an exchange text (header skipped).
fn records(tekst: &str) -> Vec<Record> {
    tekst
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .skip(1)
        .filter(|(_, l)| {
            let obj: serde_json::Value = serde_json::from_str(l).expect("json");
            obj["type"]
                .as_str()
                .and_then(uitwisseling::recordsoort)
                .is_some_and(|s| s.sinds == 1)
        })
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
        uit.split(|b| *b == b'\n').filter(|r| !r.is_empty()).count() as u64 - 1,
        "het aantal is het aantal regels na de header"
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
    // Every v1 field of the field table appears on a line of its type.
    let regels: Vec<serde_json::Value> = VOLLEDIG
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    for soort in uitwisseling::RECORDSOORTEN.iter().filter(|s| s.sinds == 1) {
        for veld in soort.velden_van(1) {
            assert!(
                regels
                    .iter()
                    .any(|r| r["type"] == soort.naam && !r[veld.naam].is_null()),
                "veld {} van {} ontbreekt in de fixture",
                veld.naam,
                soort.naam
            );
        }
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
        "{\"type\":\"header\",\"format\":\"wijkregister-jsonl\",\"version\":2,\"gemeente\":\"Almelo\"}\n"
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
    // An empty register holds only the texts of the five AVE levels.
    assert_eq!(export::exporteer(&conn, &mut uit).expect("export"), 5);
    let uit = String::from_utf8(uit).expect("utf-8");
    assert_eq!(
        uit.lines().next().expect("header"),
        format!(
            "{{\"type\":\"header\",\"format\":\"wijkregister-jsonl\",\"version\":2,\"gemeente\":\"{}\"}}",
            export::GEMEENTE_ONBEKEND
        )
    );
    assert!(
        uit.lines()
            .skip(1)
            .all(|l| l.starts_with("{\"type\":\"ave_niveau\"")),
        "{uit}"
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

/// Every table of the schema (`sqlite_schema`, SQLite's own `sqlite_*`
/// tables aside) with its columns.
fn schema(conn: &rusqlite::Connection) -> Vec<(String, Vec<String>)> {
    let tabellen: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .expect("tabellen")
        .query_map([], |r| r.get(0))
        .expect("tabellen")
        .collect::<Result<_, _>>()
        .expect("tabellen");
    tabellen
        .into_iter()
        .map(|t| {
            let kolommen: Vec<String> = conn
                .prepare(&format!(
                    "SELECT name FROM pragma_table_info('{t}') ORDER BY cid"
                ))
                .expect("kolommen")
                .query_map([], |r| r.get(0))
                .expect("kolommen")
                .collect::<Result<_, _>>()
                .expect("kolommen");
            (t, kolommen)
        })
        .collect()
}

/// The field table carries every column of every table of the current
/// schema (or names it as not carried, with the reason), and names no
/// column that does not exist: a new table or column fails here until the
/// exchange format carries it.
#[test]
fn elke_tabel_en_kolom_wordt_meegenomen() {
    let conn = store::open_in_memory().expect("db");
    let gedragen = uitwisseling::gedragen_kolommen();
    let mut in_schema = Vec::new();
    for (tabel, kolommen) in schema(&conn) {
        for kolom in kolommen {
            assert!(
                gedragen.iter().any(|(t, k)| *t == tabel && *k == kolom),
                "kolom {tabel}.{kolom} wordt niet meegenomen in het uitwisselformaat"
            );
            in_schema.push((tabel.clone(), kolom));
        }
    }
    for (tabel, kolom) in &gedragen {
        assert!(
            in_schema.iter().any(|(t, k)| t == tabel && k == kolom),
            "het uitwisselformaat noemt {tabel}.{kolom}, maar die kolom bestaat niet"
        );
    }
}

/// A demo register with every table filled (accounts and audit log too),
/// exported and imported into an empty register, gives the same register,
/// table for table and row for row. The audit rows keep their numbers and
/// contents; their chain (`vorige_hash`, `hash`) is computed again under
/// the new register's own key, and verifies there.
#[test]
fn demo_rondgang_over_alle_tabellen() {
    use wijkregister::demo::{self, DemoInstellingen};
    use wijkregister::store::audit::{self, Verificatie};
    let inst = DemoInstellingen {
        inwoners: 300,
        jaren: 2,
        eind_jaar: 2025,
        seed: 5,
        peildatum: None,
    };
    let nu = chrono::NaiveDate::from_ymd_opt(2025, 12, 1)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("tijd");
    let mut bron = store::open_in_memory().expect("bron");
    demo::vul_register_met_accounts(&mut bron, &inst, nu).expect("demo");
    for (tabel, _) in schema(&bron) {
        let n: i64 = bron
            .query_row(&format!("SELECT count(*) FROM {tabel}"), [], |r| r.get(0))
            .expect("tel");
        assert!(
            n > 0,
            "de demo vult {tabel} niet, dus de rondgang dekt die tabel niet"
        );
    }
    let mut bestand = Vec::new();
    export::exporteer(&bron, &mut bestand).expect("export");

    let mut doel = store::open_in_memory().expect("doel");
    let verslag = importeer(&mut doel, Cursor::new(&bestand), &mut |_| {})
        .unwrap_or_else(|f| panic!("import: {:?}", &f.fouten[..f.fouten.len().min(5)]));
    assert_eq!(
        verslag.records,
        bestand
            .split(|b| *b == b'\n')
            .filter(|r| !r.is_empty())
            .count() as u64
            - 1
    );

    // The chain columns differ (another key); everything else is equal.
    let zonder_keten = |conn: &rusqlite::Connection| {
        let mut alles = crate::import::alle_tabellen(conn);
        for (tabel, rijen) in &mut alles {
            if tabel == "audit" {
                for rij in rijen.iter_mut() {
                    rij.truncate(8);
                }
            }
        }
        alles
    };
    let a = zonder_keten(&bron);
    let b = zonder_keten(&doel);
    assert_eq!(
        a.iter().map(|(t, _)| t).collect::<Vec<_>>(),
        b.iter().map(|(t, _)| t).collect::<Vec<_>>()
    );
    for ((tabel, rijen_a), (_, rijen_b)) in a.iter().zip(&b) {
        assert_eq!(rijen_a.len(), rijen_b.len(), "aantal rijen in {tabel}");
        assert!(rijen_a == rijen_b, "{tabel} verschilt na de rondgang");
    }
    let kolommen: Vec<String> = schema(&bron)
        .into_iter()
        .find(|(t, _)| t == "audit")
        .map(|(_, k)| k)
        .expect("audit");
    assert_eq!(&kolommen[8..], ["vorige_hash", "hash"]);
    assert!(matches!(
        audit::verifieer(&bron).expect("v"),
        Verificatie::Intact { .. }
    ));
    assert!(matches!(
        audit::verifieer(&doel).expect("v"),
        Verificatie::Intact { .. }
    ));

    // Its own export is the same file.
    let mut opnieuw = Vec::new();
    export::exporteer(&doel, &mut opnieuw).expect("export");
    assert!(
        opnieuw == bestand,
        "de export van het nieuwe register is hetzelfde bestand"
    );
}

/// `docs/uitwisselformaat.md` describes the record types exactly as the
/// field table has them. With `WIJKREGISTER_DOCS_SCHRIJVEN=1` the test
/// writes the generated part into the file instead.
#[test]
fn documentatie_volgt_de_veldtabel() {
    const BEGIN: &str =
        "<!-- veldtabel: begin (gegenereerd uit store::uitwisseling::RECORDSOORTEN) -->\n";
    const EIND: &str = "<!-- veldtabel: eind -->";
    let pad = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/uitwisselformaat.md");
    let tekst = std::fs::read_to_string(&pad).expect("docs/uitwisselformaat.md");
    let begin = tekst.find(BEGIN).expect("begin-markering") + BEGIN.len();
    let eind = tekst.find(EIND).expect("eind-markering");
    let verwacht = uitwisseling::beschrijving();
    if std::env::var_os("WIJKREGISTER_DOCS_SCHRIJVEN").is_some() {
        let nieuw = format!("{}{verwacht}{}", &tekst[..begin], &tekst[eind..]);
        std::fs::write(&pad, nieuw).expect("schrijven");
        return;
    }
    assert!(
        tekst[begin..eind] == verwacht,
        "docs/uitwisselformaat.md volgt de veldtabel niet; draai de test met WIJKREGISTER_DOCS_SCHRIJVEN=1"
    );
}

/// The real road, on register files with their keys, through the command
/// line: `export-jsonl` of a full demo register, `import` into a new file,
/// then `audit verify` on the new register says intact. The new register
/// holds every table as the old one; its audit log is the old one's rows up
/// to the export, then its own `import` row.
#[test]
fn opdrachtregel_export_en_import_naar_een_nieuw_register() {
    use std::process::Command;
    use wijkregister::demo::{self, DemoInstellingen};
    let map = tempfile::tempdir().expect("tmp");
    let oud = map.path().join("oud.sqlite");
    let nieuw = map.path().join("nieuw.sqlite");
    let bestand = map.path().join("register.jsonl");
    {
        let mut conn = store::open(&oud).expect("oud");
        let nu = chrono::NaiveDate::from_ymd_opt(2025, 12, 1)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .expect("tijd");
        demo::vul_register_met_accounts(
            &mut conn,
            &DemoInstellingen {
                inwoners: 150,
                jaren: 1,
                eind_jaar: 2025,
                seed: 9,
                peildatum: None,
            },
            nu,
        )
        .expect("demo");
    }
    let draai = |args: &[&std::ffi::OsStr]| {
        let uit = Command::new(env!("CARGO_BIN_EXE_wijkregister"))
            .args(args)
            .output()
            .expect("starten");
        assert!(
            uit.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&uit.stderr)
        );
        String::from_utf8_lossy(&uit.stdout).into_owned()
    };
    draai(&[
        "--db".as_ref(),
        oud.as_os_str(),
        "export-jsonl".as_ref(),
        bestand.as_os_str(),
    ]);
    draai(&[
        "--db".as_ref(),
        nieuw.as_os_str(),
        "import".as_ref(),
        bestand.as_os_str(),
    ]);
    let verify = draai(&[
        "--db".as_ref(),
        nieuw.as_os_str(),
        "audit".as_ref(),
        "verify".as_ref(),
    ]);
    assert!(verify.contains("intact"), "{verify}");

    let oud = store::open_bestaand(&oud).expect("oud");
    let nieuw = store::open_bestaand(&nieuw).expect("nieuw");
    let a = crate::import::alle_tabellen(&oud);
    let b = crate::import::alle_tabellen(&nieuw);
    for ((tabel, rijen_a), (tabel_b, rijen_b)) in a.iter().zip(&b) {
        assert_eq!(tabel, tabel_b);
        if tabel == "audit" {
            continue;
        }
        assert!(rijen_a == rijen_b, "{tabel} verschilt");
    }
    let inhoud = |conn: &rusqlite::Connection| -> Vec<(i64, String, String)> {
        conn.prepare("SELECT volgnummer, actor, actie FROM audit ORDER BY volgnummer")
            .expect("audit")
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .expect("audit")
            .collect::<Result<_, _>>()
            .expect("audit")
    };
    let (oud_log, nieuw_log) = (inhoud(&oud), inhoud(&nieuw));
    // The old log ends with its export; the file holds the rows before it.
    assert_eq!(oud_log.last().map(|r| r.2.as_str()), Some("export"));
    assert_eq!(nieuw_log[..oud_log.len() - 1], oud_log[..oud_log.len() - 1]);
    assert_eq!(nieuw_log.len(), oud_log.len());
    assert_eq!(nieuw_log.last().map(|r| r.2.as_str()), Some("import"));
}

/// A full disk during the import of a whole register (version 2: accounts,
/// audit log, klantreis steps…) stores nothing and says so once.
#[test]
fn volledig_register_op_volle_schijf_slaat_niets_op() {
    use wijkregister::demo::{self, DemoInstellingen};
    use wijkregister::store::audit::{self, Verificatie};
    use wijkregister::store::import::importeer_bestand_als;
    let mut bron = store::open_in_memory().expect("bron");
    let nu = chrono::NaiveDate::from_ymd_opt(2025, 12, 1)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("tijd");
    demo::vul_register_met_accounts(
        &mut bron,
        &DemoInstellingen {
            inwoners: 200,
            jaren: 1,
            eind_jaar: 2025,
            seed: 2,
            peildatum: None,
        },
        nu,
    )
    .expect("demo");
    let map = tempfile::tempdir().expect("tmp");
    let bestand = map.path().join("register.jsonl");
    let mut tekst = Vec::new();
    export::exporteer(&bron, &mut tekst).expect("export");
    std::fs::write(&bestand, &tekst).expect("schrijven");

    let mut conn = store::open(&map.path().join("nieuw.sqlite")).expect("nieuw");
    conn.execute_batch("VACUUM").expect("vacuum");
    let paginas: i64 = conn
        .pragma_query_value(None, "page_count", |r| r.get(0))
        .expect("pagina's");
    let _: i64 = conn
        .pragma_update_and_check(None, "max_page_count", paginas, |r| r.get(0))
        .expect("max");
    let voor = crate::import::alle_tabellen(&conn);
    let fouten = importeer_bestand_als(&mut conn, &bestand, Some("opdrachtregel"), &mut |_| {})
        .expect_err("de schijf is vol");
    assert_eq!(
        crate::import::alle_tabellen(&conn),
        voor,
        "het register is veranderd"
    );
    assert!(matches!(
        audit::verifieer(&conn).expect("verifieer"),
        Verificatie::Intact { .. }
    ));
    assert_eq!(fouten.fouten.len(), 1, "{:#?}", fouten.fouten);
    assert_eq!(
        fouten.fouten[0].reden,
        store::StoreFout::SchijfVol.to_string()
    );
}
