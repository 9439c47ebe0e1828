//! The JSON report: stable bytes, exact shape, external values, the CLI.

#![allow(clippy::expect_used, reason = "tests may panic")]

use std::process::Command;

use crate::steun::rapport::*;
use serde_json::{Value, json};
use wijkregister::domain::Record;
use wijkregister::report;
use wijkregister::store::indicatorwaarden;

fn klein_register() -> rusqlite::Connection {
    let mut c = register();
    let mut t = tk("T1", "I1", "V-HH", Some("2024-03-01"), None);
    t.aanbieder = Some("A-01".into());
    voeg(
        &mut c,
        vec![
            maatwerk("V-HH", "wmo", Some("01"), &[]),
            aanbieder("A-01"),
            inwoner("I1", "1950-05-05", "Almelo"),
            inwoner("I2", "1950-05-05", "Almelo"),
            Record::Toekenning(t),
            Record::Toekenning(tk("T2", "I2", "V-HH", Some("2024-03-01"), None)),
        ],
    );
    indicatorwaarden::zet_realisatie(
        &mut c,
        "1.12.1",
        2024,
        Some(12.5),
        None,
        Some("GGD Gezondheidsmonitor 2024"),
    )
    .expect("realisatie");
    indicatorwaarden::zet_begroot(&mut c, "3.8.1", 2024, Some(10.0), None).expect("begroot");
    c
}

#[test]
fn twee_keer_dezelfde_bytes() {
    let c = klein_register();
    let a = report::json::rapport_tekst(&report::bereken_jaar(&c, 2024).expect("1"));
    let b = report::json::rapport_tekst(&report::bereken_jaar(&c, 2024).expect("2"));
    assert_eq!(a, b);
    let v: Value = serde_json::from_str(&a).expect("json");
    let codes: Vec<&str> = v["indicatoren"]
        .as_array()
        .expect("lijst")
        .iter()
        .map(|i| i["code"].as_str().expect("code"))
        .collect();
    assert_eq!(codes, wijkregister::domain::catalogus::CODES);
}

#[test]
fn gouden_vorm() {
    let c = klein_register();
    let v = rapport(&c, 2024);
    assert_eq!(v["gemeente"], json!("Almelo"));
    assert_eq!(v["jaar"], json!(2024));
    let kies = |code: &str| serde_json::to_string(&entry(&v, code)).expect("tekst");
    assert_eq!(
        kies("3.3.1"),
        r#"{"code":"3.3.1","naam":"Aantal inwoners met een voorziening in het kader van de Wmo per voorziening per aanbieder uitgesplitst","eenheid":"aantal","uitsplitsing":[{"voorziening":"V-HH","aanbieder":"A-01","waarde":1},{"voorziening":"V-HH","aanbieder":null,"waarde":1}],"bron":"Eigen registratie (wijkregister)"}"#
    );
    assert_eq!(
        kies("3.8.1"),
        r#"{"code":"3.8.1","naam":"Totaal aantal personen met voorziening beschermd wonen","eenheid":"aantal","waarde":0,"bron":"Eigen registratie (wijkregister)","begroot":10.0}"#
    );
    assert_eq!(
        kies("bbv-wmo"),
        r#"{"code":"bbv-wmo","naam":"Cliënten met een maatwerkarrangement Wmo (per 10.000 inwoners)","eenheid":"per 10.000","waarde":null,"reden":"geen bevolking voor 2024","bron":"Eigen registratie (wijkregister); bevolking: CBS"}"#
    );
    assert_eq!(
        kies("1.12.1"),
        r#"{"code":"1.12.1","naam":"Percentage inwoners dat zich eenzaam voelt","eenheid":"%","waarde":12.5,"bron":"GGD Gezondheidsmonitor 2024"}"#
    );
    assert_eq!(entry(&v, "1.12.1")["waarde"], json!(12.5));
    assert_eq!(
        entry(&v, "1.10.1")["reden"],
        json!("geen waarde vastgelegd voor 2024")
    );
    assert_eq!(entry(&v, "tw-wmo")["waarde"], json!(2));
    assert_eq!(entry(&v, "3.3.2")["uitsplitsing"], json!([]));
}

#[test]
fn cli_report_drukt_json_af() {
    let map = tempfile::tempdir().expect("map");
    let db = map.path().join("r.sqlite");
    {
        let mut c = wijkregister::store::open(&db).expect("open");
        wijkregister::store::zet_instelling(&c, wijkregister::store::INSTELLING_GEMEENTE, "Almelo")
            .expect("g");
        voeg(
            &mut c,
            vec![
                maatwerk("V-HH", "wmo", Some("01"), &[]),
                inwoner("I1", "1950-05-05", "Almelo"),
                Record::Toekenning(tk("T1", "I1", "V-HH", Some("2024-03-01"), None)),
            ],
        );
    }
    let uit = Command::new(env!("CARGO_BIN_EXE_wijkregister"))
        .args([
            "--db",
            db.to_str().expect("pad"),
            "report",
            "--jaar",
            "2024",
        ])
        .output()
        .expect("start");
    assert!(
        uit.status.success(),
        "{}",
        String::from_utf8_lossy(&uit.stderr)
    );
    let v: Value = serde_json::from_slice(&uit.stdout).expect("geldige JSON");
    assert_eq!(v["jaar"], json!(2024));
    assert_eq!(entry(&v, "tw-wmo")["waarde"], json!(1));
    let opnieuw = Command::new(env!("CARGO_BIN_EXE_wijkregister"))
        .args([
            "--db",
            db.to_str().expect("pad"),
            "report",
            "--jaar",
            "2024",
        ])
        .output()
        .expect("start");
    assert_eq!(uit.stdout, opnieuw.stdout);
}
