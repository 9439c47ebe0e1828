//! The app's command runner on a database file: a command runs on a
//! background thread with its own connection and its outcome comes back once.

#![allow(clippy::expect_used, reason = "tests may fail loudly")]

use std::time::{Duration, Instant};

use wijkregister::domain::Rol;
use wijkregister::store;
use wijkregister::store::medewerkers::MedewerkerRij;
use wijkregister::ui::register::{Command, Register, Toegang, Uitkomst};

/// Lets `register` work for a medewerker with role `rol` (import and demo
/// data are the beheerder's).
fn als(register: &mut Register, rol: Rol) {
    register.zet_toegang(Some(Toegang {
        gebruiker: MedewerkerRij {
            id: "mw-test".into(),
            naam: "Test".into(),
            rol,
            wijkteam: None,
        },
        vandaag: chrono::NaiveDate::from_ymd_opt(2025, 6, 1).expect("datum"),
    }));
}

fn wacht_op_uitkomst(register: &mut Register) -> Uitkomst {
    let begin = Instant::now();
    loop {
        if let Some(uitkomst) = register.neem_uitkomst() {
            return uitkomst;
        }
        assert!(
            begin.elapsed() < Duration::from_mins(2),
            "de achtergrondtaak eindigt niet"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn import_op_de_achtergrond_meldt_zijn_uitkomst_een_keer() {
    let dir = tempfile::tempdir().expect("tijdelijke map");
    let db = dir.path().join("register.sqlite");
    let bestand = dir.path().join("kapot.jsonl");
    std::fs::write(&bestand, "{\"type\":\"onzin\"}\n").expect("schrijven");
    let conn = store::open(&db).expect("register");
    let mut register = Register::new(conn, Some(db.clone()));
    als(&mut register, Rol::Beheerder);
    let ctx = egui::Context::default();

    register.voer_uit(Command::Importeer(bestand), &ctx);
    let uitkomst = wacht_op_uitkomst(&mut register);
    let Uitkomst::ImportMislukt(fouten) = uitkomst else {
        panic!("een kapot bestand hoort te mislukken, kreeg {uitkomst:?}");
    };
    assert!(!fouten.fouten.is_empty());
    assert!(register.bezig().is_none());
    assert!(
        register.neem_uitkomst().is_none(),
        "de uitkomst komt maar één keer"
    );
    assert!(
        register.is_leeg().expect("lezen"),
        "een mislukte import slaat niets op"
    );
    // The failed import is in the audit log, in the name of the beheerder.
    assert_eq!(
        auditregels(&db),
        [(
            "mw-test".to_owned(),
            "import".to_owned(),
            "mislukt".to_owned()
        )]
    );
}

/// The audit log's (actor, actie, resultaat), oldest first.
fn auditregels(db: &std::path::Path) -> Vec<(String, String, String)> {
    store::open(db)
        .expect("open")
        .prepare("SELECT actor, actie, resultaat FROM audit ORDER BY volgnummer")
        .expect("sql")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("rijen")
        .collect::<Result<_, _>>()
        .expect("rijen")
}

#[test]
fn geslaagde_import_staat_in_het_auditlog() {
    let dir = tempfile::tempdir().expect("tijdelijke map");
    let db = dir.path().join("register.sqlite");
    let bestand = dir.path().join("goed.jsonl");
    // A file made by the export of a small demo register.
    let mut bron = store::open_in_memory().expect("bron");
    wijkregister::demo::vul_register(
        &mut bron,
        &wijkregister::demo::DemoInstellingen {
            inwoners: 50,
            jaren: 1,
            eind_jaar: 2025,
            seed: 3,
            peildatum: None,
        },
    )
    .expect("demo");
    let mut tekst = Vec::new();
    store::export::exporteer(&bron, &mut tekst).expect("export");
    std::fs::write(&bestand, tekst).expect("schrijven");
    let conn = store::open(&db).expect("register");
    let mut register = Register::new(conn, Some(db.clone()));
    als(&mut register, Rol::Beheerder);
    register.voer_uit(Command::Importeer(bestand), &egui::Context::default());
    assert!(matches!(
        wacht_op_uitkomst(&mut register),
        Uitkomst::Geimporteerd { .. }
    ));
    assert_eq!(
        auditregels(&db),
        [(
            "mw-test".to_owned(),
            "import".to_owned(),
            "gelukt".to_owned()
        )]
    );
}

#[test]
fn demo_op_de_achtergrond_meldt_zijn_uitkomst() {
    let dir = tempfile::tempdir().expect("tijdelijke map");
    let db = dir.path().join("register.sqlite");
    let conn = store::open(&db).expect("register");
    let mut register = Register::new(conn, Some(db.clone()));
    als(&mut register, Rol::Beheerder);
    let ctx = egui::Context::default();

    register.voer_uit(Command::LaadDemo { eind_jaar: 2025 }, &ctx);
    // Until the outcome is collected the task counts as running.
    assert!(register.bezig().is_some());
    match wacht_op_uitkomst(&mut register) {
        // The app's own connection sees what the background connection wrote.
        Uitkomst::DemoGeladen { records } => {
            assert!(records > 0);
            assert!(!register.is_leeg().expect("lezen"));
        }
        Uitkomst::DemoMislukt(reden) => assert!(!reden.is_empty()),
        ander => panic!("onverwachte uitkomst {ander:?}"),
    }
}

#[test]
fn alleen_een_beheerder_importeert_of_laadt_demogegevens() {
    let dir = tempfile::tempdir().expect("tijdelijke map");
    let db = dir.path().join("register.sqlite");
    let conn = store::open(&db).expect("register");
    let mut register = Register::new(conn, Some(db.clone()));
    let ctx = egui::Context::default();
    for rol in [None, Some(Rol::Intaker), Some(Rol::Teamleider)] {
        match rol {
            Some(rol) => als(&mut register, rol),
            None => register.zet_toegang(None),
        }
        register.voer_uit(Command::LaadDemo { eind_jaar: 2025 }, &ctx);
        assert!(register.bezig().is_none(), "{rol:?}: refused at once");
        match register.neem_uitkomst() {
            Some(Uitkomst::DemoMislukt(reden)) => {
                assert!(reden.contains("geen toegang"), "{rol:?}: {reden}");
            }
            ander => panic!("{rol:?}: onverwachte uitkomst {ander:?}"),
        }
        assert!(
            register.is_leeg().expect("lezen"),
            "{rol:?}: niets opgeslagen"
        );
    }
}

#[test]
fn monitoringexport_van_de_teamleider_staat_in_het_auditlog() {
    let dir = tempfile::tempdir().expect("tijdelijke map");
    let db = dir.path().join("register.sqlite");
    let conn = store::open(&db).expect("register");
    let mut register = Register::new(conn, Some(db.clone()));
    als(&mut register, Rol::Teamleider);
    let pad = dir.path().join("monitoring.csv");
    register
        .schrijf_rapport_export(
            &pad,
            wijkregister::report::export::ExportOpties {
                van: 2025,
                tot: 2025,
                intern: false,
            },
            &mut |_, _| {},
        )
        .expect("export");
    assert!(pad.exists());
    assert_eq!(
        auditregels(&db),
        [(
            "mw-test".to_owned(),
            "export".to_owned(),
            "gelukt".to_owned()
        )]
    );
    // An intaker is refused, and nothing is written.
    als(&mut register, Rol::Intaker);
    let ander = dir.path().join("ander.csv");
    assert!(
        register
            .schrijf_rapport_export(
                &ander,
                wijkregister::report::export::ExportOpties {
                    van: 2025,
                    tot: 2025,
                    intern: false,
                },
                &mut |_, _| {},
            )
            .is_err()
    );
    assert!(!ander.exists());
}
