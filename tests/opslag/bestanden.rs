//! The register's files: owner-only whatever the umask, exports and
//! backups that exist only once they are logged, leftovers removed at the
//! next start, the right register or none, free space checked before an
//! import, and a closed pipe that is no panic.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use std::ffi::OsStr;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use rusqlite::Connection;
use wijkregister::store::{self, backup, bestanden, sleutel};

const BIN: &str = env!("CARGO_BIN_EXE_wijkregister");

/// Runs wijkregister with `args` under `umask 022`.
fn wr(args: &[&OsStr]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg("umask 022; exec \"$0\" \"$@\"")
        .arg(BIN)
        .args(args)
        .output()
        .expect("wijkregister")
}

fn gelukt(uit: &Output) {
    assert!(
        uit.status.success(),
        "{}",
        String::from_utf8_lossy(&uit.stderr)
    );
}

fn modus(pad: &Path) -> u32 {
    std::fs::metadata(pad)
        .unwrap_or_else(|e| panic!("{}: {e}", pad.display()))
        .permissions()
        .mode()
        & 0o777
}

/// A demo register made by the command line, under umask 022.
fn demo(db: &Path) {
    gelukt(&wr(&[
        "--db".as_ref(),
        db.as_os_str(),
        "demo".as_ref(),
        "--inwoners".as_ref(),
        "40".as_ref(),
        "--jaren".as_ref(),
        "1".as_ref(),
    ]));
}

/// Every file wijkregister writes is owner-only (0600, folders 0700)
/// under the usual umask 022; a register found with looser modes is
/// tightened with one warning.
#[test]
fn alles_alleen_voor_de_eigenaar_onder_umask_022() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("data").join("register.sqlite");
    demo(&db);
    assert_eq!(modus(db.parent().unwrap()), 0o700, "the folder it made");
    assert_eq!(modus(&db), 0o600);
    let sleutels = sleutel::map_van(&db);
    assert_eq!(modus(&sleutels), 0o700);
    assert_eq!(modus(&sleutels.join("sleutel")), 0o600);
    assert_eq!(modus(&sleutels.join("anker")), 0o600);

    let kopie = dir.path().join("kopie.sqlite.gz");
    let jsonl = dir.path().join("uit.jsonl");
    let csv = dir.path().join("monitoring.csv");
    let xlsx = dir.path().join("monitoring.xlsx");
    gelukt(&wr(&[
        "--db".as_ref(),
        db.as_os_str(),
        "backup".as_ref(),
        kopie.as_os_str(),
    ]));
    gelukt(&wr(&[
        "--db".as_ref(),
        db.as_os_str(),
        "export-jsonl".as_ref(),
        jsonl.as_os_str(),
    ]));
    for uit in [&csv, &xlsx] {
        gelukt(&wr(&[
            "--db".as_ref(),
            db.as_os_str(),
            "export".as_ref(),
            "--van".as_ref(),
            "2025".as_ref(),
            "--tot".as_ref(),
            "2025".as_ref(),
            "--uit".as_ref(),
            uit.as_os_str(),
        ]));
    }
    gelukt(&wr(&[
        "--db".as_ref(),
        db.as_os_str(),
        "restore".as_ref(),
        kopie.as_os_str(),
    ]));
    for pad in [&kopie, &jsonl, &csv, &xlsx] {
        assert_eq!(modus(pad), 0o600, "{}", pad.display());
    }
    let backups = backup::backup_map(&db);
    assert_eq!(modus(&backups), 0o700);
    let voor_herstel: Vec<PathBuf> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(voor_herstel.len(), 1, "{voor_herstel:?}");
    assert_eq!(modus(&voor_herstel[0]), 0o600);

    // The daily backup and the audit log's CSV export, in this process.
    let dag =
        backup::dagelijkse_backup(&db, chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
            .expect("dagelijks")
            .expect("nieuw");
    assert_eq!(modus(&dag), 0o600);
    let mut conn = store::open(&db).expect("open");
    // While a connection is open, SQLite keeps -wal and -shm with the
    // register's mode.
    conn.execute_batch("CREATE TEMP TABLE t (x); SELECT count(*) FROM instelling;")
        .unwrap();
    for bij in ["-wal", "-shm"] {
        let pad = PathBuf::from(format!("{}{bij}", db.display()));
        assert_eq!(modus(&pad), 0o600, "{}", pad.display());
    }
    let auditcsv = dir.path().join("auditlog.csv");
    wijkregister::report::auditlog::exporteer(
        &mut conn,
        &store::audit::AuditFilter::default(),
        &auditcsv,
        "MW-BEHEER",
        "2026-11-26T10:00:00",
    )
    .expect("export");
    assert_eq!(modus(&auditcsv), 0o600);
    drop(conn);

    // A register made loose by someone else: tightened, said once.
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let uit = wr(&[
        "--db".as_ref(),
        db.as_os_str(),
        "report".as_ref(),
        "--jaar".as_ref(),
        "2025".as_ref(),
    ]);
    gelukt(&uit);
    let fout = String::from_utf8_lossy(&uit.stderr);
    assert_eq!(fout.matches("leesbaar voor anderen").count(), 1, "{fout}");
    assert_eq!(modus(&db), 0o600);
    let uit = wr(&[
        "--db".as_ref(),
        db.as_os_str(),
        "report".as_ref(),
        "--jaar".as_ref(),
        "2025".as_ref(),
    ]);
    assert!(!String::from_utf8_lossy(&uit.stderr).contains("leesbaar"));
}

/// Holds the register's write lock, as another program might.
fn houd_slot(db: &Path) -> Connection {
    let c = Connection::open(db).unwrap();
    c.execute_batch("BEGIN IMMEDIATE").unwrap();
    c
}

/// With the write lock held elsewhere the log cannot be written: export-
/// jsonl, the monitoring export, a backup and the daily backup then fail,
/// say why, and leave no file (not even a temporary one).
#[test]
fn zonder_log_geen_bestand() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("register.sqlite");
    demo(&db);
    let uitmap = dir.path().join("uit");
    std::fs::create_dir(&uitmap).unwrap();
    let slot = houd_slot(&db);
    let jsonl = uitmap.join("uit.jsonl");
    let csv = uitmap.join("monitoring.csv");
    let kopie = uitmap.join("kopie.sqlite.gz");
    let opdrachten: [Vec<&OsStr>; 3] = [
        vec!["export-jsonl".as_ref(), jsonl.as_os_str()],
        vec![
            "export".as_ref(),
            "--van".as_ref(),
            "2025".as_ref(),
            "--tot".as_ref(),
            "2025".as_ref(),
            "--uit".as_ref(),
            csv.as_os_str(),
        ],
        vec!["backup".as_ref(), kopie.as_os_str()],
    ];
    for opdracht in opdrachten {
        let mut args: Vec<&OsStr> = vec!["--db".as_ref(), db.as_os_str()];
        args.extend(&opdracht);
        let uit = wr(&args);
        assert!(!uit.status.success(), "{opdracht:?}");
        let fout = String::from_utf8_lossy(&uit.stderr);
        assert!(
            fout.contains("bezet door een ander programma"),
            "{opdracht:?}: {fout}"
        );
        assert!(fout.contains("geen"), "{opdracht:?}: {fout}");
        let over: Vec<_> = std::fs::read_dir(&uitmap).unwrap().collect();
        assert!(over.is_empty(), "{opdracht:?} left {over:?}");
    }
    let fout =
        backup::dagelijkse_backup(&db, chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
            .expect_err("bezet");
    assert!(fout.to_string().contains("bezet"), "{fout}");
    let backups = backup::backup_map(&db);
    assert!(
        std::fs::read_dir(&backups).map_or(true, |mut l| l.next().is_none()),
        "the daily backup left a file"
    );
    drop(slot);
    // With the lock free the same export is written and logged.
    gelukt(&wr(&[
        "--db".as_ref(),
        db.as_os_str(),
        "export-jsonl".as_ref(),
        jsonl.as_os_str(),
    ]));
    assert!(jsonl.is_file());
}

/// A killed backup or export leaves an owner-only temporary file; the next
/// start removes it (not one another instance is still writing).
#[test]
fn restanten_worden_bij_de_volgende_start_opgeruimd() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("register.sqlite");
    drop(store::open(&db).expect("open"));
    let backups = backup::backup_map(&db);
    std::fs::create_dir_all(&backups).unwrap();
    let elders = dir.path().join("documenten");
    std::fs::create_dir(&elders).unwrap();
    // Three leftovers of a killed run (its locks died with it): beside the
    // register, in the backup folder, and an export elsewhere (noted in the
    // key folder's list when it was started).
    let naam = |n: &str| format!(".{n}.999999-0{}", bestanden::TIJDELIJK_ACHTERVOEGSEL);
    let paden = [
        dir.path().join(naam("x.jsonl")),
        backups.join(naam("backup-x.sqlite.gz")),
        elders.join(naam("monitoring.xlsx")),
    ];
    for pad in &paden {
        std::fs::write(pad, "half geschreven persoonsgegevens").unwrap();
    }
    let lijst = sleutel::restanten_van(&db).expect("sleutelmap");
    std::fs::write(&lijst, format!("{}\n", paden[2].display())).unwrap();
    // A fourth one that another run is still writing (locked).
    let mut bezig =
        bestanden::Tijdelijk::nieuw(&elders.join("bezig.csv"), Some(lijst.as_path())).unwrap();
    bezig.schrijf(b"nog bezig").unwrap();

    drop(store::open(&db).expect("volgende start"));
    for pad in &paden {
        assert!(!pad.exists(), "left: {}", pad.display());
    }
    assert!(bezig.pad().is_file(), "a file being written is left alone");
    // Still listed, so a later start removes it if this run is killed.
    assert!(
        std::fs::read_to_string(&lijst)
            .unwrap()
            .contains("bezig.csv")
    );
    drop(bezig);
}

/// Every command but the window's first start, `import` and `demo` refuses
/// a path that does not exist or an empty file: it creates nothing (no
/// folder either) and exits non-zero with a Dutch message.
#[test]
fn verkeerd_of_leeg_pad_maakt_niets() {
    let dir = tempfile::tempdir().expect("dir");
    let bestaand = dir.path().join("bestaand.sqlite");
    demo(&bestaand);
    let kopie = dir.path().join("kopie.sqlite.gz");
    gelukt(&wr(&[
        "--db".as_ref(),
        bestaand.as_os_str(),
        "backup".as_ref(),
        kopie.as_os_str(),
    ]));
    let uitvoer = dir.path().join("uit");
    std::fs::create_dir(&uitvoer).unwrap();
    let jsonl = uitvoer.join("x.jsonl");
    let csv = uitvoer.join("x.csv");
    let b = uitvoer.join("b.sqlite.gz");
    let opdrachten: Vec<Vec<&OsStr>> = vec![
        vec!["report".as_ref(), "--jaar".as_ref(), "2025".as_ref()],
        vec![
            "export".as_ref(),
            "--van".as_ref(),
            "2025".as_ref(),
            "--tot".as_ref(),
            "2025".as_ref(),
            "--uit".as_ref(),
            csv.as_os_str(),
        ],
        vec!["export-jsonl".as_ref(), jsonl.as_os_str()],
        vec!["backup".as_ref(), b.as_os_str()],
        vec!["restore".as_ref(), kopie.as_os_str()],
        vec!["audit".as_ref(), "verify".as_ref()],
    ];
    let leeg = dir.path().join("leeg.sqlite");
    std::fs::write(&leeg, "").unwrap();
    for opdracht in &opdrachten {
        let getypt = dir.path().join("tikfout").join("register.sqlite");
        let mut args: Vec<&OsStr> = vec!["--db".as_ref(), getypt.as_os_str()];
        args.extend(opdracht);
        let uit = wr(&args);
        assert!(!uit.status.success(), "{opdracht:?}");
        let fout = String::from_utf8_lossy(&uit.stderr);
        assert!(
            fout.contains("er is geen register op"),
            "{opdracht:?}: {fout}"
        );
        assert!(
            !dir.path().join("tikfout").exists(),
            "{opdracht:?} made the folder"
        );

        let mut args: Vec<&OsStr> = vec!["--db".as_ref(), leeg.as_os_str()];
        args.extend(opdracht);
        let uit = wr(&args);
        assert!(!uit.status.success(), "{opdracht:?}");
        let fout = String::from_utf8_lossy(&uit.stderr);
        assert!(fout.contains("is een leeg bestand"), "{opdracht:?}: {fout}");
        assert_eq!(std::fs::metadata(&leeg).unwrap().len(), 0);
        assert_eq!(
            std::fs::read_dir(&uitvoer).unwrap().count(),
            0,
            "{opdracht:?} wrote output"
        );
    }
    let mut namen: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    namen.sort();
    assert!(
        !namen
            .iter()
            .any(|n| n.starts_with("leeg") && n != "leeg.sqlite"),
        "nothing beside the empty file: {namen:?}"
    );
}

/// A file that is not a wijkregister register (another program's SQLite
/// database, a register of a future version) is refused before anything
/// is written to it: its bytes are unchanged, also by the window's
/// opening (`store::open`, which may create).
#[test]
fn vreemd_bestand_blijft_byte_voor_byte_gelijk() {
    let dir = tempfile::tempdir().expect("dir");
    let vreemd = dir.path().join("ander-programma.db");
    {
        let c = Connection::open(&vreemd).unwrap();
        c.execute_batch("CREATE TABLE notities (tekst TEXT); INSERT INTO notities VALUES ('x');")
            .unwrap();
    }
    let toekomst = dir.path().join("toekomst.sqlite");
    {
        let c = Connection::open(&toekomst).unwrap();
        c.execute_batch(store::migraties::SCHEMA).unwrap();
        c.pragma_update(None, "user_version", store::migraties::schema_versie() + 1)
            .unwrap();
    }
    for (pad, verwacht) in [
        (&vreemd, "geen wijkregister-database"),
        (&toekomst, "werk wijkregister bij"),
    ] {
        let voor = std::fs::read(pad).unwrap();
        let fout = store::open(pad).expect_err("geweigerd");
        assert!(fout.to_string().contains(verwacht), "{fout}");
        let uit = wr(&[
            "--db".as_ref(),
            pad.as_os_str(),
            "report".as_ref(),
            "--jaar".as_ref(),
            "2025".as_ref(),
        ]);
        assert!(!uit.status.success());
        assert!(String::from_utf8_lossy(&uit.stderr).contains(verwacht));
        assert_eq!(
            std::fs::read(pad).unwrap(),
            voor,
            "{} changed",
            pad.display()
        );
        for bij in ["-wal", "-shm", "-journal"] {
            assert!(!PathBuf::from(format!("{}{bij}", pad.display())).exists());
        }
        assert!(
            !sleutel::map_van(pad).exists(),
            "no key made for {}",
            pad.display()
        );
    }
}

/// Writing into a closed pipe (`wijkregister report --jaar 2025 | head
/// -c1`) after the work is done is no panic: the command ends quietly.
#[test]
fn gesloten_pijp_is_geen_paniek() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("register.sqlite");
    let jsonl = dir.path().join("demo.jsonl");
    gelukt(&wr(&[
        "demo".as_ref(),
        "--inwoners".as_ref(),
        "30".as_ref(),
        "--jaren".as_ref(),
        "1".as_ref(),
        "--jsonl".as_ref(),
        jsonl.as_os_str(),
    ]));
    let opdrachten: [Vec<&OsStr>; 3] = [
        vec!["import".as_ref(), jsonl.as_os_str()],
        vec!["report".as_ref(), "--jaar".as_ref(), "2025".as_ref()],
        vec!["audit".as_ref(), "verify".as_ref()],
    ];
    for opdracht in opdrachten {
        let mut kind = Command::new(BIN)
            .args(["--db".as_ref(), db.as_os_str()])
            .args(&opdracht)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before anything is written.
        drop(kind.stdout.take());
        let uit = kind.wait_with_output().unwrap();
        let fout = String::from_utf8_lossy(&uit.stderr);
        assert!(!fout.contains("panicked"), "{opdracht:?}: {fout}");
        assert!(
            uit.status.success(),
            "{opdracht:?}: {:?} {fout}",
            uit.status
        );
    }
    // The import was committed.
    assert!(!store::is_leeg(&store::open(&db).unwrap()).unwrap());
}

/// An import that would not fit on the disk says so before it starts:
/// nothing is created or stored.
#[test]
fn import_die_niet_past_begint_niet() {
    let dir = tempfile::tempdir().expect("dir");
    let groot = dir.path().join("groot.jsonl");
    // A sparse file as large as the free space: its size counts, its
    // blocks are not written. Register and WAL would need twice that.
    let vrij = bestanden::vrije_ruimte(dir.path()).expect("statvfs");
    std::fs::File::create(&groot)
        .unwrap()
        .set_len(vrij)
        .unwrap();
    let db = dir.path().join("nieuw").join("register.sqlite");
    let fout = store::past_import(&db, &groot).expect_err("past niet");
    assert!(
        matches!(fout, store::StoreFout::TeWeinigRuimte { .. }),
        "{fout:?}"
    );
    let uit = wr(&[
        "--db".as_ref(),
        db.as_os_str(),
        "import".as_ref(),
        groot.as_os_str(),
    ]);
    assert!(!uit.status.success());
    let tekst = String::from_utf8_lossy(&uit.stderr);
    assert!(tekst.contains("te weinig schijfruimte"), "{tekst}");
    assert!(!db.exists() && !db.parent().unwrap().exists());
    // A small file fits.
    let klein = dir.path().join("klein.jsonl");
    std::fs::write(&klein, "{}\n").unwrap();
    store::past_import(&db, &klein).expect("past");
}
