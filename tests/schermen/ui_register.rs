//! The gateway's background helper on a database file: a command runs on a
//! background thread with its own connection and its outcome comes back
//! once.

#![allow(clippy::expect_used, reason = "tests may fail loudly")]

use std::time::{Duration, Instant};

use wijkregister::domain::Rol;
use wijkregister::gateway::beheer::{Command, Uitkomst};
use wijkregister::gateway::{Gateway, Klok, Loket, Sessie, Taak};
use wijkregister::store;
use wijkregister::store::medewerkers::MedewerkerRij;

/// A session for a medewerker with role `rol` (import and demo data are
/// the beheerder's).
fn als(rol: Rol) -> Sessie {
    Sessie::zonder_inloggen(MedewerkerRij {
        id: "mw-test".into(),
        naam: "Test".into(),
        rol,
        wijkteam: None,
    })
}

fn vandaag() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 6, 1).expect("datum")
}

/// Starts `command` through the one background helper, as the app does.
fn start(loket: &Loket<'_>, command: Command) -> Taak<Uitkomst> {
    loket.op_achtergrond(command.omschrijving(), move |l, voortgang| {
        l.voer_uit(&command, voortgang)
    })
}

fn wacht_op_uitkomst(taak: &mut Taak<Uitkomst>) -> Uitkomst {
    let begin = Instant::now();
    loop {
        if let Some(uitkomst) = taak.neem() {
            return uitkomst.expect("de taak geeft een uitkomst");
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
    let gateway = Gateway::new(conn, Some(db.clone()));
    let sessie = als(Rol::Beheerder);
    let klok = Klok::systeem();
    let loket = gateway.voor(Some(&sessie), vandaag(), &klok);

    let mut taak = start(&loket, Command::Importeer(bestand));
    let uitkomst = wacht_op_uitkomst(&mut taak);
    let Uitkomst::ImportMislukt(fouten) = uitkomst else {
        panic!("een kapot bestand hoort te mislukken, kreeg {uitkomst:?}");
    };
    assert!(!fouten.fouten.is_empty());
    assert!(taak.neem().is_none(), "de uitkomst komt maar één keer");
    assert!(
        gateway.is_leeg().expect("lezen"),
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
    let gateway = Gateway::new(conn, Some(db.clone()));
    let sessie = als(Rol::Beheerder);
    let klok = Klok::systeem();
    let loket = gateway.voor(Some(&sessie), vandaag(), &klok);
    let mut taak = start(&loket, Command::Importeer(bestand));
    assert!(matches!(
        wacht_op_uitkomst(&mut taak),
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
    let gateway = Gateway::new(conn, Some(db.clone()));
    let sessie = als(Rol::Beheerder);
    let klok = Klok::systeem();
    let loket = gateway.voor(Some(&sessie), vandaag(), &klok);

    let mut taak = start(&loket, Command::LaadDemo { eind_jaar: 2025 });
    match wacht_op_uitkomst(&mut taak) {
        // The app's own connection sees what the background connection wrote.
        Uitkomst::DemoGeladen { records } => {
            assert!(records > 0);
            assert!(!gateway.is_leeg().expect("lezen"));
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
    let gateway = Gateway::new(conn, Some(db.clone()));
    let klok = Klok::systeem();
    for rol in [None, Some(Rol::Intaker), Some(Rol::Teamleider)] {
        let sessie = rol.map(als);
        let loket = gateway.voor(sessie.as_ref(), vandaag(), &klok);
        let mut taak = start(&loket, Command::LaadDemo { eind_jaar: 2025 });
        match wacht_op_uitkomst(&mut taak) {
            Uitkomst::DemoMislukt(reden) => {
                assert!(reden.contains("geen toegang"), "{rol:?}: {reden}");
            }
            ander => panic!("{rol:?}: onverwachte uitkomst {ander:?}"),
        }
        assert!(
            gateway.is_leeg().expect("lezen"),
            "{rol:?}: niets opgeslagen"
        );
    }
}

#[test]
fn monitoringexport_van_de_teamleider_staat_in_het_auditlog() {
    let dir = tempfile::tempdir().expect("tijdelijke map");
    let db = dir.path().join("register.sqlite");
    let conn = store::open(&db).expect("register");
    let gateway = Gateway::new(conn, Some(db.clone()));
    let klok = Klok::systeem();
    let leider = als(Rol::Teamleider);
    let pad = dir.path().join("monitoring.csv");
    gateway
        .voor(Some(&leider), vandaag(), &klok)
        .schrijf_rapport_export(
            &pad,
            wijkregister::report::export::ExportOpties {
                van: 2025,
                tot: 2025,
                intern: false,
                gemaakt_op: vandaag(),
                per_wijkteam: false,
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
    let intaker = als(Rol::Intaker);
    let ander = dir.path().join("ander.csv");
    assert!(
        gateway
            .voor(Some(&intaker), vandaag(), &klok)
            .schrijf_rapport_export(
                &ander,
                wijkregister::report::export::ExportOpties {
                    van: 2025,
                    tot: 2025,
                    intern: false,
                    gemaakt_op: vandaag(),
                    per_wijkteam: false,
                },
                &mut |_, _| {},
            )
            .is_err()
    );
    assert!(!ander.exists());
}

/// The helper returns at once on a register file: the work runs on its own
/// thread, and its outcome is there only once the work is done.
#[test]
fn achtergrondwerk_op_een_bestand_houdt_de_aanroeper_niet_op() {
    let dir = tempfile::tempdir().expect("tijdelijke map");
    let db = dir.path().join("register.sqlite");
    let conn = store::open(&db).expect("register");
    let gateway = Gateway::new(conn, Some(db.clone()));
    let sessie = als(Rol::Beheerder);
    let klok = Klok::systeem();
    let loket = gateway.voor(Some(&sessie), vandaag(), &klok);
    let (start, wacht) = std::sync::mpsc::channel::<()>();
    let mut taak = loket.op_achtergrond("wacht op het teken", move |l, voortgang| {
        voortgang(1, 2);
        let _ = wacht.recv();
        l.wijkteams().map(|w| w.len()).map_err(|f| f.to_string())
    });
    // The caller is back while the work waits for its sign.
    for _ in 0..20 {
        assert!(taak.neem().is_none(), "geen uitkomst vóór het teken");
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(taak.voortgang(), (1, 2));
    start.send(()).expect("teken");
    let begin = Instant::now();
    let uitkomst = loop {
        if let Some(u) = taak.neem() {
            break u;
        }
        assert!(begin.elapsed() < Duration::from_secs(10), "geen uitkomst");
        std::thread::sleep(Duration::from_millis(5));
    };
    assert_eq!(uitkomst, Ok(Ok(0)));
    assert!(taak.neem().is_none(), "de uitkomst komt maar één keer");
}
