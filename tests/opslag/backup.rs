//! Backups and restore: a copy is complete and consistent, the daily backup
//! keeps 14, restore refuses what is not a compatible register and keeps the
//! state it replaces.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::Connection;
use wijkregister::domain::{Record, Wijkteam};
use wijkregister::store::audit::{self, AuditFilter, Verificatie};
use wijkregister::store::{self, StoreFout, backup, bestanden};

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

/// Unpacks a (compressed) backup into a plain SQLite file beside it.
fn pak_uit(gz: &Path) -> PathBuf {
    let uit = gz.with_extension("uitgepakt");
    let mut invoer = flate2::read::GzDecoder::new(std::fs::File::open(gz).unwrap());
    let mut f = std::fs::File::create(&uit).unwrap();
    std::io::copy(&mut invoer, &mut f).unwrap();
    uit
}

/// Packs a plain SQLite file back into the backup `gz`.
fn pak_in(sqlite: &Path, gz: &Path) {
    let mut uit = flate2::write::GzEncoder::new(
        std::fs::File::create(gz).unwrap(),
        flate2::Compression::default(),
    );
    std::io::copy(&mut std::fs::File::open(sqlite).unwrap(), &mut uit).unwrap();
    uit.finish().unwrap();
}

/// Changes a backup with `sql` on a raw connection, as someone with the
/// file could.
fn bewerk_backup(gz: &Path, sql: &str) {
    let plat = pak_uit(gz);
    Connection::open(&plat).unwrap().execute_batch(sql).unwrap();
    pak_in(&plat, gz);
    std::fs::remove_file(plat).unwrap();
}

/// The files in `map` (names), sorted.
fn inhoud(map: &Path) -> Vec<String> {
    let mut namen: Vec<String> = std::fs::read_dir(map)
        .map(|l| {
            l.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    namen.sort();
    namen
}

#[test]
fn backup_en_herstel() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("register.sqlite");
    let mut conn = store::open(&db).expect("open");
    wijkteam(&mut conn, "WT-NOORD");
    let kopie = dir.path().join("kopie.sqlite.gz");
    let verslag = backup::maak_backup(&conn, &kopie, "MW-BEHEER").expect("backup");
    assert_eq!(verslag.pad, kopie);
    assert_eq!(
        backup::controleer_register(&kopie).expect("geldig"),
        store::migraties::schema_versie()
    );

    wijkteam(&mut conn, "WT-ZUID");
    assert_eq!(teams(&conn), ["WT-NOORD", "WT-ZUID"]);
    let veilig = dir.path().join("voor-herstel.sqlite.gz");
    backup::herstel(&mut conn, &kopie, &veilig, "MW-BEHEER").expect("herstel");
    assert_eq!(teams(&conn), ["WT-NOORD"]);
    // The replaced state is kept.
    let oud = Connection::open(pak_uit(&veilig)).expect("open veilig");
    assert_eq!(teams(&oud), ["WT-NOORD", "WT-ZUID"]);
    // The backup and the restore are in the restored register's log, and
    // its chain goes on intact.
    let acties: Vec<String> = audit::lees(&conn, &AuditFilter::default(), 10)
        .expect("lees")
        .into_iter()
        .map(|r| format!("{} {}", r.actor, r.actie))
        .collect();
    assert_eq!(acties[0], "MW-BEHEER restore", "{acties:?}");
    assert!(matches!(
        audit::verifieer(&conn).expect("v"),
        Verificatie::Intact { .. }
    ));
}

#[test]
fn herstel_weigert_vreemde_bestanden() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("register.sqlite");
    let mut conn = store::open(&db).expect("open");
    wijkteam(&mut conn, "WT-NOORD");
    let veilig = dir.path().join("veilig.sqlite.gz");

    let tekst = dir.path().join("tekst.sqlite");
    std::fs::write(&tekst, "geen database ".repeat(100)).expect("w");
    let ander = dir.path().join("ander.sqlite");
    Connection::open(&ander)
        .expect("o")
        .execute_batch("CREATE TABLE x (y)")
        .expect("t");
    let toekomst = dir.path().join("toekomst.sqlite.gz");
    backup::maak_backup(&conn, &toekomst, "MW-BEHEER").expect("b");
    bewerk_backup(
        &toekomst,
        &format!(
            "PRAGMA user_version = {}",
            store::migraties::schema_versie() + 1
        ),
    );

    assert!(matches!(
        backup::herstel(&mut conn, &tekst, &veilig, "MW-BEHEER"),
        Err(StoreFout::Openen { .. } | StoreFout::GeenRegister(_))
    ));
    assert!(matches!(
        backup::herstel(&mut conn, &ander, &veilig, "MW-BEHEER"),
        Err(StoreFout::GeenRegister(_))
    ));
    assert!(matches!(
        backup::herstel(&mut conn, &toekomst, &veilig, "MW-BEHEER"),
        Err(StoreFout::TeNieuw { .. })
    ));
    assert!(matches!(
        backup::herstel(
            &mut conn,
            &dir.path().join("bestaat-niet.sqlite"),
            &veilig,
            "MW-BEHEER"
        ),
        Err(StoreFout::NietGevonden(_))
    ));
    // Nothing changed.
    assert_eq!(teams(&conn), ["WT-NOORD"]);
    assert!(!veilig.exists());
}

/// Restore checks everything before it replaces: a backup with a table
/// dropped, without the audit triggers, with an altered audit row, with
/// its newest audit rows removed, or damaged pages is refused, and the
/// register is left exactly as it was (no `voor-herstel` copy either).
#[test]
fn herstel_weigert_elke_beschadigde_backup() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("register.sqlite");
    let mut conn = store::open(&db).expect("open");
    wijkteam(&mut conn, "WT-NOORD");
    for n in 1..=3 {
        audit::log(
            &conn,
            &audit::Logregel {
                tijdstip: "2026-11-26T09:00:00Z",
                actor: "MW-0001",
                actie: "inloggen",
                object: Some(&format!("medewerker:MW-000{n}")),
                doel: None,
                resultaat: audit::Resultaat::Gelukt,
                details: None,
            },
        )
        .expect("log");
    }
    let goed = dir.path().join("goed.sqlite.gz");
    backup::maak_backup(&conn, &goed, "MW-BEHEER").expect("backup");
    wijkteam(&mut conn, "WT-ZUID");

    let gevallen: [(&str, &str, &str); 5] = [
        (
            "tabel-weg",
            "DROP TABLE verwijzing;",
            "table verwijzing ontbreekt",
        ),
        (
            "zonder-triggers",
            "DROP TRIGGER audit_alleen_toevoegen_update; DROP TRIGGER audit_alleen_toevoegen_delete;",
            "audit_alleen_toevoegen",
        ),
        (
            "regel-gewijzigd",
            "DROP TRIGGER audit_alleen_toevoegen_update;
             UPDATE audit SET actor = 'MW-0666' WHERE volgnummer = 2;
             CREATE TRIGGER audit_alleen_toevoegen_update BEFORE UPDATE ON audit
             BEGIN SELECT RAISE(ABORT, 'het auditlog kan niet worden gewijzigd'); END;",
            "gebroken bij regel 2",
        ),
        (
            "extra-index",
            "CREATE INDEX sluip ON inwoner (bsn);",
            "index sluip hoort niet in een register",
        ),
        (
            "ingekort",
            "DROP TRIGGER audit_alleen_toevoegen_delete;
             DELETE FROM audit WHERE volgnummer = 3;
             CREATE TRIGGER audit_alleen_toevoegen_delete BEFORE DELETE ON audit
             BEGIN SELECT RAISE(ABORT, 'uit het auditlog kan niets worden verwijderd'); END;",
            "eindigde het bij regel 3",
        ),
    ];
    for (naam, sql, verwacht) in gevallen {
        // Under the name of the backup this register made (the anchor knows it).
        let pad = dir.path().join(naam).join("goed.sqlite.gz");
        std::fs::create_dir_all(pad.parent().unwrap()).unwrap();
        std::fs::copy(&goed, &pad).unwrap();
        bewerk_backup(&pad, sql);
        let veilig = dir.path().join(format!("veilig-{naam}.sqlite.gz"));
        let fout = backup::herstel(&mut conn, &pad, &veilig, "MW-BEHEER")
            .expect_err(naam)
            .to_string();
        assert!(fout.contains(verwacht), "{naam}: {fout}");
        assert!(
            fout.contains("het register is ongewijzigd"),
            "{naam}: {fout}"
        );
        assert_eq!(teams(&conn), ["WT-NOORD", "WT-ZUID"], "{naam}");
        assert!(!veilig.exists(), "{naam}");
    }
    // The unchanged backup is restored.
    backup::herstel(
        &mut conn,
        &goed,
        &dir.path().join("veilig.sqlite.gz"),
        "MW-BEHEER",
    )
    .expect("herstel");
    assert_eq!(teams(&conn), ["WT-NOORD"]);
    // No temporary copies are left anywhere.
    assert!(
        inhoud(&backup::backup_map(&db))
            .iter()
            .all(|n| !n.ends_with(bestanden::TIJDELIJK_ACHTERVOEGSEL)),
        "{:?}",
        inhoud(&backup::backup_map(&db))
    );
}

/// A backup on a full disk (the copy limited with `max_page_count`) stores
/// nothing and says why.
#[test]
fn backup_op_volle_schijf_laat_niets_achter() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("register.sqlite");
    let mut conn = store::open(&db).expect("open");
    wijkteam(&mut conn, "WT-NOORD");
    let doelmap = dir.path().join("doel");
    std::fs::create_dir(&doelmap).unwrap();
    let fout =
        backup::maak_backup_begrensd(&conn, &doelmap.join("b.sqlite.gz"), "MW-BEHEER", Some(3))
            .expect_err("vol");
    assert!(matches!(fout, StoreFout::SchijfVol), "{fout:?}");
    assert!(fout.to_string().starts_with("De schijf is vol"), "{fout}");
    assert_eq!(inhoud(&doelmap), Vec::<String>::new());
    // No backup row claims a backup that is not there.
    let rijen = audit::lees(&conn, &AuditFilter::default(), 10).expect("lees");
    assert!(
        rijen
            .iter()
            .all(|r| !(r.actie == "backup" && r.resultaat == "gelukt")),
        "{rijen:?}"
    );
}

/// A backup that cannot be logged (a read-only connection, the write lock
/// held by another program) leaves no file, and the error says why.
#[test]
fn backup_zonder_log_laat_niets_achter() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("register.sqlite");
    let mut conn = store::open(&db).expect("open");
    wijkteam(&mut conn, "WT-NOORD");
    let doelmap = dir.path().join("doel");
    std::fs::create_dir(&doelmap).unwrap();
    let alleen_lezen =
        Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let fout = backup::maak_backup(&alleen_lezen, &doelmap.join("a.sqlite.gz"), "MW-BEHEER")
        .expect_err("alleen lezen");
    assert!(matches!(fout, StoreFout::AlleenLezen), "{fout:?}");
    assert_eq!(inhoud(&doelmap), Vec::<String>::new());

    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    let ander = store::open(&db).expect("open");
    ander
        .busy_timeout(std::time::Duration::from_millis(100))
        .unwrap();
    let fout =
        backup::maak_backup(&ander, &doelmap.join("b.sqlite.gz"), "MW-BEHEER").expect_err("bezet");
    assert!(matches!(fout, StoreFout::Bezet), "{fout:?}");
    assert!(fout.to_string().contains("bezet"), "{fout}");
    assert_eq!(inhoud(&doelmap), Vec::<String>::new());
    conn.execute_batch("ROLLBACK").unwrap();
}

/// Backups take a fraction of the register, and Beheer can list their
/// number and total size.
#[test]
fn backups_zijn_gecomprimeerd_en_geteld() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("register.sqlite");
    let mut conn = store::open(&db).expect("open");
    wijkwijkteams(&mut conn);
    drop(conn);
    let eerste = backup::dagelijkse_backup(&db, NaiveDate::from_ymd_opt(2026, 11, 1).unwrap())
        .expect("b")
        .expect("nieuw");
    backup::dagelijkse_backup(&db, NaiveDate::from_ymd_opt(2026, 11, 2).unwrap())
        .expect("b")
        .expect("nieuw");
    let overzicht = backup::overzicht(&db).expect("overzicht");
    assert_eq!(overzicht.bestanden.len(), 2);
    assert_eq!(overzicht.bestanden[1].0, eerste, "newest first");
    let een = overzicht.bestanden[0].1;
    assert!(
        een * 4 < overzicht.register_bytes,
        "a backup of {een} bytes for a register of {}",
        overzicht.register_bytes
    );
    assert_eq!(
        overzicht.totaal_bytes,
        overzicht.bestanden.iter().map(|b| b.1).sum::<u64>()
    );
    // The daily backup is in the log, by the system.
    let conn = store::open(&db).expect("open");
    let rij = &audit::lees(
        &conn,
        &AuditFilter {
            actie: Some("backup".into()),
            ..AuditFilter::default()
        },
        10,
    )
    .expect("lees")[0];
    assert_eq!(
        (rij.actor.as_str(), rij.resultaat.as_str()),
        ("systeem", "gelukt")
    );
    assert!(
        rij.object
            .as_deref()
            .unwrap()
            .ends_with("backup-2026-11-02.sqlite.gz")
    );
}

/// A register with some content that compresses like a real one (text).
fn wijkwijkteams(conn: &mut Connection) {
    for i in 0..400 {
        wijkteam(conn, &format!("WT-{i:04}-{}", "wijk".repeat(20)));
    }
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
        lijst[0].ends_with("backup-2026-11-07.sqlite.gz"),
        "{:?}",
        lijst[0]
    );
    assert!(lijst[13].ends_with("backup-2026-11-20.sqlite.gz"));
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
    let kopie = dir.path().join("k.sqlite.gz");
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
