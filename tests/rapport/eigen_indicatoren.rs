//! (#16 point 5) The municipality's own indicators: added with a place in
//! the doelenboom, never a catalogue code, their targets and external
//! values recorded like the catalogue's, shown in the report, the export
//! and the exchange format.

#![allow(clippy::expect_used, clippy::panic, reason = "tests may panic")]

use std::io::Cursor;

use crate::steun::rapport::*;
use serde_json::json;
use wijkregister::domain::catalogus::Eenheid;
use wijkregister::domain::eigen_indicator::EigenIndicator;
use wijkregister::domain::{Indicatorwaarde, WaardeSoort};
use wijkregister::report::export::{self, ExportOpties};
use wijkregister::store::klantreis::Handeling;
use wijkregister::store::{StoreFout, eigen_indicatoren, indicatorwaarden};

const DOOR: Handeling<'static> = Handeling {
    medewerker: "MW-LEIDER",
    tijdstip: "2026-12-06T10:00:00Z",
};

fn poh() -> EigenIndicator {
    EigenIndicator {
        code: "tw-poh-jeugd".into(),
        naam: "Aantal jeugdigen begeleid door de POH-jeugd".into(),
        eenheid: Eenheid::Aantal,
        bron: "Registratie POH-jeugd".into(),
        doel: "1".into(),
        beleidslijn: Some("1.7A".into()),
    }
}

#[test]
fn eigen_indicator_in_rapport_en_export() {
    let mut c = register();
    eigen_indicatoren::voeg_toe(&c, DOOR, &poh()).expect("toevoegen");
    // A catalogue code and a code that exists are refused, in Dutch.
    let mut dubbel = poh();
    dubbel.code = "3.8.1".into();
    let fout = eigen_indicatoren::voeg_toe(&c, DOOR, &dubbel).expect_err("catalogus");
    assert!(matches!(fout, StoreFout::Validatie(_)), "{fout}");
    assert!(fout.to_string().contains("catalogus"), "{fout}");
    let fout = eigen_indicatoren::voeg_toe(&c, DOOR, &poh()).expect_err("bestaat");
    assert!(fout.to_string().contains("bestaat al"), "{fout}");
    // Its target and realised value are recorded like an external indicator's.
    for (soort, waarde) in [
        (WaardeSoort::Begroot, 40.0),
        (WaardeSoort::Realisatie, 37.0),
    ] {
        indicatorwaarden::zet(
            &mut c,
            &Indicatorwaarde {
                indicator: "tw-poh-jeugd".into(),
                jaar: 2024,
                soort,
                waarde: Some(waarde),
                tekst: None,
                bron: None,
            },
        )
        .expect("waarde");
    }
    // An unknown code is still refused.
    let fout = indicatorwaarden::zet(
        &mut c,
        &Indicatorwaarde {
            indicator: "onbekend-x".into(),
            jaar: 2024,
            soort: WaardeSoort::Begroot,
            waarde: Some(1.0),
            tekst: None,
            bron: None,
        },
    )
    .expect_err("onbekend");
    assert!(fout.to_string().contains("geen eigen indicator"), "{fout}");

    let r = rapport(&c, 2024);
    let e = entry(&r, "tw-poh-jeugd");
    assert_eq!(e["waarde"], json!(37.0));
    assert_eq!(e["begroot"], json!(40.0));
    assert_eq!(
        e["naam"],
        json!("Aantal jeugdigen begeleid door de POH-jeugd")
    );

    // In the export: under beleidslijn 1.7A, with target and value.
    let map = tempfile::tempdir().expect("map");
    let pad = map.path().join("m.csv");
    export::schrijf_export(
        &c,
        &pad,
        ExportOpties {
            van: 2024,
            tot: 2024,
            intern: true,
            gemaakt_op: d("2026-12-06"),
            per_wijkteam: false,
        },
        &mut |_, _| {},
    )
    .expect("export");
    let t = std::fs::read_to_string(&pad).expect("lees");
    let regels: Vec<&str> = t.lines().collect();
    let bl = regels
        .iter()
        .position(|l| l.starts_with("Beleidslijn 1.7A;"))
        .expect("1.7A");
    let poh = regels
        .iter()
        .position(|l| l.starts_with("tw-poh-jeugd;"))
        .expect("rij");
    let volgende_bl = regels[bl + 1..]
        .iter()
        .position(|l| l.starts_with("Beleidslijn "))
        .map_or(regels.len(), |i| bl + 1 + i);
    assert!(bl < poh && poh < volgende_bl, "onder beleidslijn 1.7A");
    assert_eq!(
        regels[poh],
        "tw-poh-jeugd;Aantal jeugdigen begeleid door de POH-jeugd;;40;37;Registratie POH-jeugd"
    );

    // Removing it is refused while it has values.
    let fout = eigen_indicatoren::verwijder(&c, DOOR, "tw-poh-jeugd").expect_err("in gebruik");
    assert!(fout.to_string().contains("wis die eerst"), "{fout}");
}

#[test]
fn twenterands_poh_jeugd_reist_in_het_uitwisselformaat() {
    let kop = r#"{"type":"header","format":"wijkregister-jsonl","version":2,"gemeente":"Almelo"}"#;
    let eigen = r#"{"type":"eigen_indicator","code":"tw-poh-jeugd","naam":"POH-jeugd","eenheid":"aantal","bron":"Twenterand","doel":"1"}"#;
    let waarde = r#"{"type":"indicatorwaarde","indicator":"tw-poh-jeugd","jaar":2024,"soort":"realisatie","waarde":12}"#;
    // Without its definition the value is refused, and nothing is stored.
    let mut c = register();
    let fout = wijkregister::store::import::importeer(
        &mut c,
        Cursor::new(format!("{kop}\n{waarde}\n")),
        &mut |_| {},
    )
    .expect_err("onbekend");
    assert!(
        format!("{fout:?}").contains("geen eigen indicator"),
        "{fout:?}"
    );
    // A definition with a catalogue code is refused too.
    let fout = wijkregister::store::import::importeer(
        &mut c,
        Cursor::new(format!(
            "{kop}\n{}\n",
            eigen.replace("tw-poh-jeugd", "3.8.1")
        )),
        &mut |_| {},
    )
    .expect_err("catalogus");
    assert!(
        format!("{fout:?}").contains("code uit de catalogus"),
        "{fout:?}"
    );
    assert!(eigen_indicatoren::lees(&c).expect("lees").is_empty());
    // With it, both are stored and the report shows the value.
    wijkregister::store::import::importeer(
        &mut c,
        Cursor::new(format!("{kop}\n{eigen}\n{waarde}\n")),
        &mut |_| {},
    )
    .expect("import");
    assert_eq!(waarde_van(&c), json!(12.0));
    // And it travels on: export-jsonl carries definition and value.
    let mut uit = Vec::new();
    wijkregister::store::export::exporteer(&c, &mut uit).expect("export");
    let tekst = String::from_utf8(uit).expect("utf-8");
    assert!(
        tekst.contains(r#""type":"eigen_indicator","code":"tw-poh-jeugd""#),
        "{tekst}"
    );
}

fn waarde_van(c: &rusqlite::Connection) -> serde_json::Value {
    waarde(c, 2024, "tw-poh-jeugd")
}
