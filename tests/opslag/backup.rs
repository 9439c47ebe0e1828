//! Backups and restore: a copy is complete and consistent, the daily backup
//! keeps 14, restore refuses what is not a compatible register and keeps the
//! state it replaces.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use chrono::NaiveDate;
use rusqlite::Connection;
use wijkregister::domain::{Record, Wijkteam};
use wijkregister::store::{self, StoreFout, backup};

fn wijkteam(conn: &mut Connection, id: &str) {
    let tx = conn.transaction().expect("tx");
    store::schrijven::voeg_in(
        &tx,
        &Record::Wijkteam(Wijkteam {
            id: id.into(),
            naam: format!("Team {id}"),
        }),
    )
    .expect("insert");
    tx.commit().expect("commit");
}

fn teams(conn: &Connection) -> Vec<String> {
    let mut s = conn
        .prepare("SELECT id FROM wijkteam ORDER BY id")
        .expect("q");
    s.query_map([], |r| r.get(0))
        .expect("rows")
        .map(|r| r.expect("row"))
        .collect()
}

#[test]
fn backup_en_herstel() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("register.sqlite");
    let mut conn = store::open(&db).expect("open");
    wijkteam(&mut conn, "WT-NOORD");
    let kopie = dir.path().join("kopie.sqlite");
    backup::maak_backup(&conn, &kopie).expect("backup");
    assert_eq!(
        backup::controleer_register(&kopie).expect("geldig"),
        store::migraties::schema_versie()
    );

    wijkteam(&mut conn, "WT-ZUID");
    assert_eq!(teams(&conn), ["WT-NOORD", "WT-ZUID"]);
    let veilig = dir.path().join("voor-herstel.sqlite");
    backup::herstel(&mut conn, &kopie, &veilig).expect("herstel");
    assert_eq!(teams(&conn), ["WT-NOORD"]);
    // The replaced state is kept.
    let oud = store::open(&veilig).expect("open veilig");
    assert_eq!(teams(&oud), ["WT-NOORD", "WT-ZUID"]);
}

#[test]
fn herstel_weigert_vreemde_bestanden() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("register.sqlite");
    let mut conn = store::open(&db).expect("open");
    wijkteam(&mut conn, "WT-NOORD");
    let veilig = dir.path().join("veilig.sqlite");

    let tekst = dir.path().join("tekst.sqlite");
    std::fs::write(&tekst, "geen database ".repeat(100)).expect("w");
    let ander = dir.path().join("ander.sqlite");
    Connection::open(&ander)
        .expect("o")
        .execute_batch("CREATE TABLE x (y)")
        .expect("t");
    let toekomst = dir.path().join("toekomst.sqlite");
    backup::maak_backup(&conn, &toekomst).expect("b");
    Connection::open(&toekomst)
        .expect("o")
        .pragma_update(None, "user_version", store::migraties::schema_versie() + 1)
        .expect("v");

    assert!(matches!(
        backup::herstel(&mut conn, &tekst, &veilig),
        Err(StoreFout::Openen { .. } | StoreFout::GeenRegister(_))
    ));
    assert!(matches!(
        backup::herstel(&mut conn, &ander, &veilig),
        Err(StoreFout::GeenRegister(_))
    ));
    assert!(matches!(
        backup::herstel(&mut conn, &toekomst, &veilig),
        Err(StoreFout::TeNieuw { .. })
    ));
    assert!(matches!(
        backup::herstel(&mut conn, &dir.path().join("bestaat-niet.sqlite"), &veilig),
        Err(StoreFout::NietGevonden(_))
    ));
    // Nothing changed.
    assert_eq!(teams(&conn), ["WT-NOORD"]);
    assert!(!veilig.exists());
}

#[test]
fn dagelijkse_backup_eens_per_dag_en_veertien_bewaard() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("register.sqlite");
    let mut conn = store::open(&db).expect("open");
    wijkteam(&mut conn, "WT-NOORD");
    let start = NaiveDate::from_ymd_opt(2026, 11, 1).expect("d");
    let eerste = backup::dagelijkse_backup(&db, start)
        .expect("b")
        .expect("nieuw");
    assert!(eerste.exists());
    assert_eq!(
        backup::dagelijkse_backup(&db, start).expect("b"),
        None,
        "at most once a day"
    );
    for dag in 1..20 {
        let d = start + chrono::Days::new(dag);
        assert!(backup::dagelijkse_backup(&db, d).expect("b").is_some());
    }
    let lijst = backup::backups(&db).expect("lijst");
    assert_eq!(lijst.len(), backup::BEWAAR_AANTAL);
    assert!(
        lijst[0].ends_with("backup-2026-11-07.sqlite"),
        "{:?}",
        lijst[0]
    );
    assert!(lijst[13].ends_with("backup-2026-11-20.sqlite"));
    for b in &lijst {
        backup::controleer_register(b).expect("elke backup is een geldig register");
    }
}

#[test]
fn cli_backup_en_restore() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("register.sqlite");
    let mut conn = store::open(&db).expect("open");
    wijkteam(&mut conn, "WT-NOORD");
    drop(conn);
    let kopie = dir.path().join("k.sqlite");
    let bin = env!("CARGO_BIN_EXE_wijkregister");
    let uit = std::process::Command::new(bin)
        .args([
            "--db",
            db.to_str().expect("p"),
            "backup",
            kopie.to_str().expect("p"),
        ])
        .output()
        .expect("run");
    assert!(
        uit.status.success(),
        "{}",
        String::from_utf8_lossy(&uit.stderr)
    );
    let slecht = dir.path().join("slecht.sqlite");
    std::fs::write(&slecht, "x".repeat(2000)).expect("w");
    let uit = std::process::Command::new(bin)
        .args([
            "--db",
            db.to_str().expect("p"),
            "restore",
            slecht.to_str().expect("p"),
        ])
        .output()
        .expect("run");
    assert!(!uit.status.success());
    let fout = String::from_utf8_lossy(&uit.stderr);
    assert!(fout.contains("kan niet worden teruggezet"), "{fout}");
    let uit = std::process::Command::new(bin)
        .args([
            "--db",
            db.to_str().expect("p"),
            "restore",
            kopie.to_str().expect("p"),
        ])
        .output()
        .expect("run");
    assert!(
        uit.status.success(),
        "{}",
        String::from_utf8_lossy(&uit.stderr)
    );
}
