//! `wijkregister meet [--json]` (issue #13): on a demo register file it
//! prints every figure, as JSON `{"figures": [{"name", "ms", "target_ms"}]}`
//! when asked. The times themselves are not checked (they depend on the
//! machine); the shape, the names and the targets are.

#![allow(clippy::expect_used, clippy::unwrap_used, reason = "tests fail loudly")]

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use serde_json::Value;
use wijkregister::demo::{self, DemoInstellingen};
use wijkregister::store;

/// Every figure `meet` prints on a register with all four roles, with its target.
const VERWACHT: &[(&str, f64)] = &[
    ("intaker: hele lijst, eerste scherm", 30.0),
    ("intaker: zoeken één letter", 30.0),
    ("intaker: zoeken twee letters", 30.0),
    ("intaker: zoeken naamprefix", 30.0),
    ("intaker: zoeken BSN", 30.0),
    ("intaker: werkvoorraad", 30.0),
    ("wijkcoach: hele lijst, eerste scherm", 30.0),
    ("wijkcoach: zoeken één letter", 30.0),
    ("wijkcoach: zoeken twee letters", 30.0),
    ("wijkcoach: zoeken naamprefix", 30.0),
    ("wijkcoach: zoeken BSN", 30.0),
    ("wijkcoach: werkvoorraad", 30.0),
    ("procesmanager: hele lijst, eerste scherm", 30.0),
    ("procesmanager: zoeken één letter", 30.0),
    ("procesmanager: zoeken twee letters", 30.0),
    ("procesmanager: zoeken naamprefix", 30.0),
    ("procesmanager: zoeken BSN", 30.0),
    ("procesmanager: werkvoorraad", 30.0),
    ("procesmanager: AVE-overzicht", 100.0),
    ("teamleider: hele lijst, eerste scherm", 30.0),
    ("teamleider: zoeken één letter", 30.0),
    ("teamleider: zoeken twee letters", 30.0),
    ("teamleider: zoeken naamprefix", 30.0),
    ("teamleider: zoeken BSN", 30.0),
    ("teamleider: werkvoorraad team", 30.0),
    ("teamleider: AVE-overzicht", 100.0),
    ("teamleider: jaarrapport", 200.0),
];

fn demo_register(db: &Path) {
    let mut conn = store::open(db).expect("open");
    demo::vul_register(
        &mut conn,
        &DemoInstellingen {
            inwoners: 700,
            jaren: 2,
            eind_jaar: chrono::Datelike::year(&chrono::Local::now().date_naive()),
            seed: 3,
            peildatum: None,
        },
    )
    .expect("demo");
}

fn meet(db: &Path, extra: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_wijkregister"))
        .args(["--db", db.to_str().expect("pad"), "meet", "--runs", "1"])
        .args(extra)
        .output()
        .expect("start")
}

#[test]
fn meet_json_heeft_elke_figuur() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("register.sqlite");
    demo_register(&db);
    let uit = meet(&db, &["--json"]);
    assert!(
        uit.status.success(),
        "{}",
        String::from_utf8_lossy(&uit.stderr)
    );
    let v: Value = serde_json::from_slice(&uit.stdout).expect("geldige JSON");
    let object = v.as_object().expect("een object");
    assert_eq!(
        object.keys().collect::<Vec<_>>(),
        ["figures"],
        "alleen 'figures'"
    );
    let figuren = v["figures"].as_array().expect("een lijst");
    let mut namen = BTreeSet::new();
    for f in figuren {
        let f = f.as_object().expect("elke figuur een object");
        let mut sleutels: Vec<&String> = f.keys().collect();
        sleutels.sort();
        assert_eq!(sleutels, ["ms", "name", "target_ms"], "{f:?}");
        let naam = f["name"].as_str().expect("name is tekst");
        let ms = f["ms"].as_f64().expect("ms is een getal");
        assert!(ms.is_finite() && ms >= 0.0, "{naam}: {ms}");
        let doel = f["target_ms"].as_f64().expect("target_ms is een getal");
        let verwacht = VERWACHT
            .iter()
            .find(|(n, _)| *n == naam)
            .unwrap_or_else(|| panic!("onverwachte figuur '{naam}'"));
        assert!(
            (doel - verwacht.1).abs() < f64::EPSILON,
            "{naam}: doel {doel}"
        );
        assert!(namen.insert(naam.to_owned()), "'{naam}' staat er twee keer");
    }
    let ontbreekt: Vec<&str> = VERWACHT
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| !namen.contains(*n))
        .collect();
    assert!(ontbreekt.is_empty(), "ontbreekt: {ontbreekt:?}");
}

#[test]
fn meet_zonder_json_drukt_een_tabel_af() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("register.sqlite");
    demo_register(&db);
    let uit = meet(&db, &[]);
    assert!(
        uit.status.success(),
        "{}",
        String::from_utf8_lossy(&uit.stderr)
    );
    let tekst = String::from_utf8(uit.stdout).expect("utf-8");
    let regels: Vec<&str> = tekst.lines().collect();
    assert_eq!(regels.len(), VERWACHT.len(), "{tekst}");
    for (naam, _) in VERWACHT {
        assert!(
            regels
                .iter()
                .any(|r| r.starts_with(naam) && r.contains(" ms")),
            "'{naam}' ontbreekt in:\n{tekst}"
        );
    }
}

#[test]
fn meet_zegt_wat_er_mis_is() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("register.sqlite");
    demo_register(&db);
    let uit = meet(&db, &["--snel"]);
    assert!(!uit.status.success());
    assert!(
        String::from_utf8_lossy(&uit.stderr).contains("meet kent '--snel' niet"),
        "{}",
        String::from_utf8_lossy(&uit.stderr)
    );
    // A register without anyone to measure as says so, in Dutch.
    let leeg = dir.path().join("leeg.sqlite");
    drop(store::open(&leeg).expect("open"));
    let uit = meet(&leeg, &["--json"]);
    assert!(!uit.status.success());
    assert!(
        String::from_utf8_lossy(&uit.stderr).contains("geen intaker, wijkcoach"),
        "{}",
        String::from_utf8_lossy(&uit.stderr)
    );
}
