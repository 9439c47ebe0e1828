//! Two app instances on one database file (issue #6, item 5): two
//! processes write at the same time — audit rows of openings (written
//! outside any transaction of the caller), new meldingen (a transaction with
//! its audit row) and indicator values. Every write is either committed or
//! reported as an error, never half; none fails with "database is locked"
//! (writes wait for each other: `IMMEDIATE` transactions and the busy
//! timeout); and the audit hash chain is intact afterwards.
//!
//! The test runs its own test binary twice as a child
//! ([`kind_schrijft`], ignored in a normal run).

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::steun::d;
use crate::steun::klantreis::{self, INTAKER, h, melding};
use rusqlite::Connection;
use wijkregister::store::accounts::{self, Doel};
use wijkregister::store::audit::{self, Verificatie};
use wijkregister::store::klantreis as kr;
use wijkregister::store::{self, indicatorwaarden};

const KIND_DB: &str = "WIJKREGISTER_TWEE_DB";
const KIND_NAAM: &str = "WIJKREGISTER_TWEE_NAAM";
const KIND_START: &str = "WIJKREGISTER_TWEE_START";
/// Rounds per instance; each round writes three times.
const RONDEN: u32 = 150;

/// What one instance reports: writes that succeeded and errors, per kind.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Telling {
    openingen: i64,
    meldingen: i64,
    waarden: i64,
    fouten: i64,
}

/// The child: waits for the start signal (so both write at the same time),
/// then writes [`RONDEN`] rounds and reports what it did. Every error is
/// reported on stderr and counted, not hidden.
#[test]
#[ignore = "run by twee_instanties_schrijven_tegelijk as a child process"]
fn kind_schrijft() {
    let (Ok(db), Ok(naam), Ok(start)) = (
        std::env::var(KIND_DB),
        std::env::var(KIND_NAAM),
        std::env::var(KIND_START),
    ) else {
        return;
    };
    let mut conn = store::open(Path::new(&db)).expect("open");
    std::fs::write(format!("{start}-{naam}"), b"").expect("ready");
    let tot = Instant::now() + Duration::from_secs(20);
    while !Path::new(&start).exists() && Instant::now() < tot {
        std::thread::sleep(Duration::from_millis(1));
    }
    let mut t = Telling::default();
    let fout = |wat: &str, e: &dyn std::fmt::Display, t: &mut Telling| {
        eprintln!("{naam} {wat}: {e}");
        t.fouten += 1;
    };
    for n in 0..RONDEN {
        // A breath between rounds, as between a user's clicks: on a busy
        // machine one process could otherwise finish before the other starts,
        // and the test would prove nothing about writing side by side.
        std::thread::sleep(Duration::from_millis(1));
        // An opening: the audit row alone, outside a transaction of the caller.
        match accounts::log_openen(
            &conn,
            &naam,
            &format!("inwoner:I-{naam}-{n}"),
            Doel::Intake,
            d(2026, 11, 26).and_hms_opt(10, 0, 0).unwrap(),
        ) {
            Ok(_) => t.openingen += 1,
            Err(e) => fout("openen", &e, &mut t),
        }
        // A new melding: one transaction with its audit row.
        match kr::melding_toevoegen(&conn, h(INTAKER), &melding("I-MIRIAM", d(2026, 3, 2), None)) {
            Ok(_) => t.meldingen += 1,
            Err(e) => fout("melding", &e, &mut t),
        }
        // An indicator value both instances overwrite.
        match indicatorwaarden::zet_begroot(&mut conn, "3.8.1", 2026, Some(f64::from(n)), None) {
            Ok(()) => t.waarden += 1,
            Err(e) => fout("waarde", &e, &mut t),
        }
    }
    println!(
        "\nKLAAR {} {} {} {}",
        t.openingen, t.meldingen, t.waarden, t.fouten
    );
}

fn tel(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).expect(sql)
}

#[test]
fn twee_instanties_schrijven_tegelijk() {
    let map = tempfile::tempdir().expect("dir");
    let db = map.path().join("gedeeld.sqlite");
    let geheugen = klantreis::register();
    geheugen
        .backup(
            rusqlite::MAIN_DB,
            &db,
            None::<fn(rusqlite::backup::Progress)>,
        )
        .expect("fixture to file");
    drop(geheugen);
    let voor = {
        let conn = store::open(&db).expect("open");
        (
            tel(&conn, "SELECT count(*) FROM audit"),
            tel(&conn, "SELECT count(*) FROM melding"),
        )
    };
    let start: PathBuf = map.path().join("start");
    let kinderen: Vec<_> = ["MW-A", "MW-B"]
        .into_iter()
        .map(|naam| {
            Command::new(std::env::current_exe().expect("exe"))
                .args([
                    "--exact",
                    "twee_instanties::kind_schrijft",
                    "--ignored",
                    "--nocapture",
                ])
                .env(KIND_DB, &db)
                .env(KIND_NAAM, naam)
                .env(KIND_START, &start)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("start child")
        })
        .collect();
    // Both have opened the register; now both write at once.
    let tot = Instant::now() + Duration::from_secs(20);
    while ["MW-A", "MW-B"]
        .iter()
        .any(|naam| !map.path().join(format!("start-{naam}")).exists())
        && Instant::now() < tot
    {
        std::thread::sleep(Duration::from_millis(1));
    }
    std::fs::write(&start, b"").expect("start");
    let mut totaal = Telling::default();
    for kind in kinderen {
        let uit = kind.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&uit.stderr).into_owned();
        assert!(uit.status.success(), "child failed: {stderr}");
        let regel = BufReader::new(uit.stdout.as_slice())
            .lines()
            .map(Result::unwrap)
            .find_map(|r| r.split_once("KLAAR ").map(|(_, g)| g.to_owned()))
            .unwrap_or_else(|| panic!("no report from the child: {stderr}"));
        let getallen: Vec<i64> = regel
            .split_whitespace()
            .map(|g| g.parse().unwrap())
            .collect();
        assert_eq!(
            getallen[3], 0,
            "no write may fail for a lock the other instance held: {stderr}"
        );
        totaal.openingen += getallen[0];
        totaal.meldingen += getallen[1];
        totaal.waarden += getallen[2];
        totaal.fouten += getallen[3];
    }
    let r = i64::from(RONDEN);
    assert_eq!(
        totaal,
        Telling {
            openingen: 2 * r,
            meldingen: 2 * r,
            waarden: 2 * r,
            fouten: 0
        }
    );

    let conn = store::open(&db).expect("open");
    // Every reported write is there, each whole: a melding with its audit row.
    assert_eq!(
        tel(
            &conn,
            "SELECT count(*) FROM audit WHERE actie = 'openen-dossier'"
        ),
        totaal.openingen
    );
    assert_eq!(
        tel(&conn, "SELECT count(*) FROM melding") - voor.1,
        totaal.meldingen
    );
    assert_eq!(
        tel(
            &conn,
            "SELECT count(*) FROM melding m WHERE m.id NOT IN
                 (SELECT substr(object, 9) FROM audit WHERE actie = 'melding-toevoegen')"
        ),
        0,
        "every melding has its audit row"
    );
    assert_eq!(
        tel(&conn, "SELECT count(*) FROM audit") - voor.0,
        totaal.openingen + totaal.meldingen
    );
    assert_eq!(
        tel(
            &conn,
            "SELECT count(*) FROM indicatorwaarde WHERE indicator = '3.8.1' AND jaar = 2026"
        ),
        1
    );
    // One chain, no fork, no gap: `audit verify` passes.
    let regels = u64::try_from(tel(&conn, "SELECT count(*) FROM audit")).unwrap();
    assert_eq!(
        audit::verifieer(&conn).expect("verifieer"),
        Verificatie::Intact { regels }
    );
    let uit = Command::new(env!("CARGO_BIN_EXE_wijkregister"))
        .arg("--db")
        .arg(&db)
        .args(["audit", "verify"])
        .output()
        .expect("audit verify");
    assert!(
        uit.status.success(),
        "{}",
        String::from_utf8_lossy(&uit.stderr)
    );
    // The two instances' rows interleave (they really wrote at the same time).
    let wissels = tel(
        &conn,
        "SELECT count(*) FROM (SELECT actor, lag(actor) OVER (ORDER BY volgnummer) AS vorige
                               FROM audit WHERE actie = 'openen-dossier')
         WHERE actor <> vorige",
    );
    assert!(
        wissels > 1,
        "the instances did not overlap: {wissels} switches"
    );
}

#[test]
fn mislukte_inlogpogingen_van_twee_instanties_tellen_allemaal() {
    let map = tempfile::tempdir().expect("dir");
    let db = map.path().join("gedeeld.sqlite");
    let nu = d(2026, 11, 26).and_hms_opt(10, 0, 0).unwrap();
    accounts::maak_eerste_beheerder(
        &mut store::open(&db).expect("open"),
        "Bea Beheer",
        "bea",
        "lange-zin-met-paard-7",
        nu,
    )
    .expect("beheerder");
    // Two instances (two connections in two threads) each try three wrong
    // passwords at once: all six count, so the account is locked after five.
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                let mut conn = store::open(&db).expect("open");
                for _ in 0..3 {
                    let fout = accounts::inloggen(&mut conn, "bea", "verkeerd-wachtwoord", nu)
                        .expect_err("wrong password");
                    assert!(
                        matches!(
                            fout,
                            accounts::InlogFout::OnjuisteGegevens
                                | accounts::InlogFout::Geblokkeerd { .. }
                        ),
                        "{fout}"
                    );
                }
            });
        }
    });
    let conn = store::open(&db).expect("open");
    assert_eq!(
        tel(
            &conn,
            "SELECT count(*) FROM audit WHERE actie = 'inloggen-mislukt'"
        ),
        6
    );
    assert_eq!(
        tel(
            &conn,
            "SELECT count(*) FROM account WHERE geblokkeerd_tot IS NOT NULL"
        ),
        1,
        "five failures lock the account, whichever instance counted them"
    );
    assert!(matches!(
        accounts::inloggen(
            &mut store::open(&db).expect("open"),
            "bea",
            "lange-zin-met-paard-7",
            nu
        ),
        Err(accounts::InlogFout::Geblokkeerd { .. })
    ));
}
