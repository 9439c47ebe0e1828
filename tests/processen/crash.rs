//! Crash safety (issue #6, item 5): the process is killed with SIGKILL in
//! the middle of a large import and in the middle of saving decisions.
//! Afterwards the database passes `integrity_check` and every write is
//! either wholly there or wholly absent — whenever the kill lands.
//!
//! The import runs as the real CLI (`wijkregister --db F import FILE`). For
//! decisions there is no CLI, so the test runs its own test binary again as
//! a child ([`kind_neemt_besluiten`], ignored in a normal run), which saves
//! decisions through `store::klantreis::besluit_nemen` as fast as it can.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::steun::d;
use crate::steun::klantreis::{self, INTAKER, WIJKCOACH, h, ladder, melding};
use chrono::NaiveDate;
use rusqlite::Connection;
use wijkregister::demo::{self, DemoInstellingen};
use wijkregister::domain::klantreis::Stap;
use wijkregister::domain::{BesluitUitkomst, Leveringsvorm, Wet};
use wijkregister::store::audit::{self, Verificatie};
use wijkregister::store::klantreis::{self as kr, NieuwBesluit, NieuweStap};
use wijkregister::store::{self};

/// The environment variable that hands the child its database.
const KIND_DB: &str = "WIJKREGISTER_CRASH_DB";
/// The environment variable that names the melding the child decides on.
const KIND_MELDING: &str = "WIJKREGISTER_CRASH_MELDING";

/// `PRAGMA integrity_check` on a raw connection (which also recovers the WAL
/// left by the killed process).
fn integriteit(db: &Path) -> String {
    let conn = Connection::open(db).expect("open");
    let regels: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    regels.join("; ")
}

/// Every table with its number of rows.
fn aantallen(db: &Path) -> BTreeMap<String, i64> {
    let conn = Connection::open(db).expect("open");
    let tabellen: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tabellen
        .into_iter()
        .map(|t| {
            let n = conn
                .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                .unwrap();
            (t, n)
        })
        .collect()
}

fn wal(db: &Path) -> PathBuf {
    let mut naam = db.as_os_str().to_owned();
    naam.push("-wal");
    PathBuf::from(naam)
}

fn wal_grootte(db: &Path) -> u64 {
    std::fs::metadata(wal(db)).map_or(0, |m| m.len())
}

fn start_import(db: &Path, bestand: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_wijkregister"))
        .arg("--db")
        .arg(db)
        .arg("import")
        .arg(bestand)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start import")
}

/// Kills with SIGKILL (`Child::kill` on Unix) and reaps the child.
fn dood(mut kind: Child) {
    // The child may have just finished; then there is nothing to kill.
    let _ = kind.kill();
    kind.wait().expect("wait");
}

/// A fresh register file with the current schema (so a kill never lands in
/// a migration: this test is about the import).
fn leeg_register(map: &Path, naam: &str) -> PathBuf {
    let db = map.join(naam);
    drop(store::open(&db).expect("open"));
    db
}

#[test]
fn sigkill_tijdens_grote_import_laat_alles_of_niets() {
    let map = tempfile::tempdir().expect("dir");
    let bestand = map.path().join("groot.jsonl");
    let inst = DemoInstellingen {
        inwoners: 2_000,
        jaren: 3,
        eind_jaar: 2025,
        peildatum: None,
        seed: 6,
    };
    let mut uit = BufWriter::new(std::fs::File::create(&bestand).expect("create"));
    let verslag = demo::schrijf_jsonl(&mut uit, &inst).expect("demo");
    uit.flush().expect("flush");
    drop(uit);
    assert!(verslag.records > 8_000, "{}", verslag.records);

    // The states a register may be in afterwards: untouched, or the whole import.
    let leeg = aantallen(&leeg_register(map.path(), "leeg.sqlite"));
    let vol_db = leeg_register(map.path(), "vol.sqlite");
    let begin = Instant::now();
    let status = start_import(&vol_db, &bestand).wait().expect("wait");
    let duur = begin.elapsed();
    assert!(status.success(), "the uninterrupted import succeeds");
    let vol = aantallen(&vol_db);
    assert_ne!(leeg, vol);
    assert!(vol["inwoner"] == 2_000, "{vol:?}");

    let oordeel = |db: &Path, moment: &str| -> &'static str {
        assert_eq!(integriteit(db), "ok", "integrity after a kill {moment}");
        let na = aantallen(db);
        if na == leeg {
            "niets"
        } else if na == vol {
            "alles"
        } else {
            panic!("a partial import after a kill {moment}: {na:?}\nexpected {leeg:?}\nor {vol:?}");
        }
    };

    let mut uitkomsten = Vec::new();
    // Kills spread over the import, up to its very end (the commit).
    for (i, deel) in [0.1, 0.4, 0.7, 0.9, 1.0, 1.2].into_iter().enumerate() {
        let db = leeg_register(map.path(), &format!("kill-{i}.sqlite"));
        let kind = start_import(&db, &bestand);
        std::thread::sleep(duur.mul_f64(deel));
        dood(kind);
        uitkomsten.push(oordeel(&db, &format!("at {deel} of the import time")));
    }
    // While the write-ahead log grows: pages of the transaction are being
    // written (at the latest, by the commit). Kill as it starts to grow and
    // once it holds about half of the import.
    let vol_grootte = std::fs::metadata(&vol_db).expect("size").len();
    for (i, drempel) in [1, vol_grootte / 2].into_iter().enumerate() {
        let db = leeg_register(map.path(), &format!("kill-wal-{i}.sqlite"));
        let drempel = wal_grootte(&db) + drempel;
        let mut kind = start_import(&db, &bestand);
        let grens = Instant::now() + duur * 3;
        while wal_grootte(&db) < drempel && Instant::now() < grens {
            if kind.try_wait().expect("try_wait").is_some() {
                break;
            }
            std::thread::sleep(Duration::from_micros(100));
        }
        dood(kind);
        uitkomsten.push(oordeel(
            &db,
            &format!("once the WAL grew by {drempel} bytes"),
        ));
    }
    eprintln!(
        "import: {:.2} s, after the kills: {uitkomsten:?}",
        duur.as_secs_f64()
    );
    // The kills landed in the middle at least once (else the test proves little).
    assert!(
        uitkomsten.contains(&"niets"),
        "no kill landed before the commit: {uitkomsten:?}"
    );
    // A register whose import was killed takes the import afterwards.
    let db = map.path().join("kill-0.sqlite");
    let status = start_import(&db, &bestand).wait().expect("wait");
    if uitkomsten[0] == "niets" {
        assert!(status.success());
        assert_eq!(aantallen(&db), vol);
    }
}

fn besluit(melding: &str, datum: NaiveDate) -> NieuwBesluit {
    NieuwBesluit {
        melding: melding.into(),
        voorziening: "V-BEGELEIDING".into(),
        aanbieder: Some("A-ZORG".into()),
        contract: None,
        aanvraag: None,
        besluit: datum,
        uitkomst: BesluitUitkomst::Toegekend,
        reden_afwijzing: None,
        start: None,
        eind: Some(d(2027, 6, 30)),
        leveringsvorm: Leveringsvorm::Natura,
        volume: Some(3.0),
        volume_eenheid: Some("uur per week".into()),
        doorbraak: false,
        maatwerkcontract_bevestigd: false,
        notitie: "besluit".into(),
    }
}

fn stap(stap: Stap, datum: NaiveDate) -> NieuweStap {
    NieuweStap {
        stap,
        datum,
        medewerker: INTAKER.into(),
        notitie: String::new(),
        uitkomst: None,
    }
}

/// The klantreis fixture in a file, with one melding ready for decisions.
fn register_met_melding(db: &Path) -> String {
    let geheugen = klantreis::register();
    geheugen
        .backup(
            rusqlite::MAIN_DB,
            db,
            None::<fn(rusqlite::backup::Progress)>,
        )
        .expect("fixture to file");
    drop(geheugen);
    let conn = store::open(db).expect("open");
    let m = kr::melding_toevoegen(
        &conn,
        h(INTAKER),
        &melding("I-MIRIAM", d(2026, 3, 2), Some(Wet::Wmo)),
    )
    .expect("melding");
    kr::stap_vastleggen(&conn, h(INTAKER), &m, &stap(Stap::Gesprek, d(2026, 3, 5)))
        .expect("gesprek");
    kr::stap_vastleggen(&conn, h(INTAKER), &m, &stap(Stap::Analyse, d(2026, 3, 9)))
        .expect("analyse");
    kr::afweging_opslaan(
        &conn,
        h(WIJKCOACH),
        &m,
        d(2026, 3, 12),
        &ladder(&[false; 4]),
    )
    .expect("afweging");
    kr::aanvraag_registreren(&conn, h(WIJKCOACH), &m, d(2026, 3, 13)).expect("aanvraag");
    m
}

/// The child: saves decisions on the melding until it is killed, and
/// reports each one after its commit. Does nothing in a normal test run.
#[test]
#[ignore = "run by sigkill_tijdens_besluiten as a child process"]
fn kind_neemt_besluiten() {
    let (Ok(db), Ok(m)) = (std::env::var(KIND_DB), std::env::var(KIND_MELDING)) else {
        return;
    };
    let conn = store::open(Path::new(&db)).expect("open");
    let mut uit = std::io::stdout().lock();
    for n in 1.. {
        kr::besluit_nemen(&conn, h(WIJKCOACH), &besluit(&m, d(2026, 3, 20))).expect("besluit");
        writeln!(uit, "BESLUIT-OPGESLAGEN {n}").expect("stdout");
        uit.flush().expect("flush");
    }
}

/// What decisions on `m` are in the register, checked to be complete.
/// Returns their number.
fn besluiten_heel(db: &Path, m: &str, stappen_vooraf: i64) -> i64 {
    let conn = Connection::open(db).expect("open");
    let tel = |sql: &str| -> i64 { conn.query_row(sql, [m], |r| r.get(0)).expect(sql) };
    let toekenningen = tel("SELECT count(*) FROM toekenning WHERE melding = ?1");
    // The klantreis step of each decision.
    let stappen =
        tel("SELECT count(*) FROM klantreis_stap WHERE melding = ?1 AND stap = 'aanvraag-besluit'")
            - stappen_vooraf;
    // The audit row of each decision, naming its toekenning.
    let auditregels =
        tel("SELECT count(*) FROM audit WHERE actie = 'besluit' AND object = 'melding:' || ?1");
    assert_eq!(
        (stappen, auditregels),
        (toekenningen, toekenningen),
        "every decision has its step and its audit row"
    );
    // Row by row: each toekenning has the fields its second statement set,
    // and exactly one audit row naming it.
    let onvolledig = tel(
        "SELECT count(*) FROM toekenning t WHERE t.melding = ?1 AND (
             t.volume IS NOT 3.0 OR t.volume_eenheid IS NOT 'uur per week'
             OR (SELECT count(*) FROM audit a WHERE a.actie = 'besluit'
                 AND a.details = 'toekenning ' || t.id || ': toegekend') <> 1)",
    );
    assert_eq!(onvolledig, 0, "a decision is missing a part");
    // The melding's mirror columns follow the steps.
    let spiegel = tel(
        "SELECT count(*) FROM melding WHERE id = ?1 AND gesprek = '2026-03-05'
             AND onderzoek_klaar = '2026-03-12' AND aanvraag = '2026-03-13' AND afgesloten IS NULL",
    );
    assert_eq!(spiegel, 1, "the melding's fields are intact");
    assert_eq!(
        audit::verifieer(&conn).expect("verifieer"),
        Verificatie::Intact {
            regels: u64::try_from(
                conn.query_row("SELECT count(*) FROM audit", [], |r| r.get::<_, i64>(0))
                    .unwrap()
            )
            .unwrap()
        }
    );
    toekenningen
}

#[test]
fn sigkill_tijdens_besluiten_laat_elk_besluit_heel_of_weg() {
    let map = tempfile::tempdir().expect("dir");
    let db = map.path().join("besluiten.sqlite");
    let m = register_met_melding(&db);
    let stappen_vooraf: i64 = Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM klantreis_stap WHERE melding = ?1 AND stap = 'aanvraag-besluit'",
            [&m],
            |r| r.get(0),
        )
        .unwrap();
    let mut eerder = besluiten_heel(&db, &m, stappen_vooraf);
    assert_eq!(eerder, 0);
    // Each round: wait for the child's k-th committed decision, spin a
    // little longer (so the kill lands at varying points of the next), kill.
    for (k, wacht_us) in [(1, 0), (3, 150), (10, 400), (25, 50), (40, 900), (60, 250)] {
        let mut kind = Command::new(std::env::current_exe().expect("exe"))
            .args([
                "--exact",
                "crash::kind_neemt_besluiten",
                "--ignored",
                "--nocapture",
            ])
            .env(KIND_DB, &db)
            .env(KIND_MELDING, &m)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start child");
        let mut regels = BufReader::new(kind.stdout.take().expect("stdout")).lines();
        let mut gezien = 0;
        while gezien < k {
            let regel = regels
                .next()
                .expect("the child stopped before deciding")
                .expect("read");
            if regel.contains("BESLUIT-OPGESLAGEN ") {
                gezien += 1;
            }
        }
        let tot = Instant::now() + Duration::from_micros(wacht_us);
        while Instant::now() < tot {
            std::hint::spin_loop();
        }
        dood(kind);
        assert_eq!(integriteit(&db), "ok", "integrity after a kill (k = {k})");
        let nu = besluiten_heel(&db, &m, stappen_vooraf);
        // Every decision the child reported as saved is there.
        assert!(
            nu >= eerder + k,
            "k = {k}: {nu} decisions, expected at least {}",
            eerder + k
        );
        eerder = nu;
    }
}
