//! Maintenance on start: the integrity check and the daily backup run in the
//! background; a damaged database is said plainly with the latest backup offered.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use std::io::{Seek, SeekFrom, Write};
use std::time::{Duration, Instant};

use crate::steun::d;
use crate::steun::ui::harness_van;
use egui_kittest::kittest::Queryable;
use wijkregister::demo::{self, DemoInstellingen};
use wijkregister::gateway::Gateway;
use wijkregister::gateway::onderhoud::{Bevinding, controleer_en_backup};
use wijkregister::store;
use wijkregister::ui::app::WijkregisterApp;
use wijkregister::ui::onderhoud::Onderhoud;

fn register_met_demo(pad: &std::path::Path) {
    let mut conn = store::open(pad).expect("open");
    demo::vul_register(
        &mut conn,
        &DemoInstellingen {
            inwoners: 300,
            jaren: 1,
            eind_jaar: 2026,
            seed: 2,
            peildatum: None,
        },
    )
    .expect("demo");
    conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")
        .expect("checkpoint");
}

/// Overwrites the middle of the file with garbage, as a failing disk might.
fn beschadig(pad: &std::path::Path) {
    let lengte = std::fs::metadata(pad).expect("meta").len();
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .open(pad)
        .expect("open");
    // Whole pages from a page boundary: garbage in the free middle of a
    // nearly empty page is invisible to quick_check, and which pages sit in
    // the middle of the file changes with the schema.
    let eerste = lengte / 3 / 4096;
    for i in 0..8 {
        f.seek(SeekFrom::Start((eerste + i) * 4096)).expect("seek");
        f.write_all(&[0xA5; 4096]).expect("write");
    }
}

#[test]
fn gezond_register_krijgt_een_backup_per_dag() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("register.sqlite");
    register_met_demo(&db);
    match controleer_en_backup(&db, d(2026, 11, 26)) {
        Bevinding::Gezond { backup: Some(pad) } => assert!(pad.exists()),
        b => panic!("expected a fresh backup, got {b:?}"),
    }
    assert_eq!(
        controleer_en_backup(&db, d(2026, 11, 26)),
        Bevinding::Gezond { backup: None }
    );
}

#[test]
fn beschadigd_register_wordt_gemeld_met_de_laatste_backup() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("register.sqlite");
    register_met_demo(&db);
    assert!(matches!(
        controleer_en_backup(&db, d(2026, 11, 25)),
        Bevinding::Gezond { backup: Some(_) }
    ));
    beschadig(&db);
    match controleer_en_backup(&db, d(2026, 11, 26)) {
        Bevinding::Beschadigd {
            laatste_backup: Some(pad),
            ..
        } => {
            assert!(pad.ends_with("backup-2026-11-25.sqlite.gz"), "{pad:?}");
        }
        b => panic!("damage not found: {b:?}"),
    }
    // No backup of a damaged register was made.
    assert_eq!(store::backup::backups(&db).expect("lijst").len(), 1);
}

#[test]
fn het_venster_zegt_het_en_biedt_de_backup_aan() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("register.sqlite");
    register_met_demo(&db);
    assert!(matches!(
        controleer_en_backup(&db, d(2026, 11, 25)),
        Bevinding::Gezond { .. }
    ));
    let conn = store::open(&db).expect("open vóór de schade");
    beschadig(&db);
    let onderhoud = Onderhoud::start(db.clone(), d(2026, 11, 26), egui::Context::default());
    let app = WijkregisterApp::met_register(Gateway::new(conn, Some(db.clone())), d(2026, 11, 26))
        .met_onderhoud(onderhoud);
    let mut harness = harness_van(app, 1280.0, 800.0);
    let begin = Instant::now();
    while harness
        .query_by_label_contains("de database is beschadigd")
        .is_none()
    {
        assert!(
            begin.elapsed() < Duration::from_secs(20),
            "no banner within 20 s"
        );
        std::thread::sleep(Duration::from_millis(50));
        harness.step();
    }
    assert!(
        harness
            .query_by_label("Laatste backup terugzetten")
            .is_some()
    );
}
