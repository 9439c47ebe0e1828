//! A fresh PostgreSQL database per test: `CREATE DATABASE wr_test_<random>`
//! on the server of `WIJKREGISTER_PG` (default
//! `postgresql://postgres@127.0.0.1:5432/test`), dropped when the test
//! ends, also when it panics (`Drop` runs while unwinding).

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "test helpers panic on a broken fixture or an unreachable test server"
)]

use std::io::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};

use postgres::Client;
use wijkregister::store::pg::{PgAdres, verbinding};

/// The server used when `WIJKREGISTER_PG` is not set.
pub const STANDAARD: &str = "postgresql://postgres@127.0.0.1:5432/test";

/// The base URL (the database in it is only used to create others).
pub fn basis_url() -> String {
    std::env::var("WIJKREGISTER_PG")
        .ok()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| STANDAARD.to_owned())
}

/// `url` with its database replaced by `database`.
pub fn met_database(url: &str, database: &str) -> String {
    let schema_eind = url.find("://").map_or(0, |i| i + 3);
    let pad_begin = url[schema_eind..]
        .find('/')
        .map_or(url.len(), |i| schema_eind + i);
    let rest = &url[pad_begin..];
    let query = rest.find('?').map_or("", |i| &rest[i..]);
    format!("{}/{database}{query}", &url[..pad_begin])
}

/// A database of one test.
pub struct ProefDb {
    /// Its name.
    pub naam: String,
    /// Its URL (as the CLI takes it).
    pub url: String,
    /// Its address.
    pub adres: PgAdres,
    beheer: PgAdres,
}

static TELLER: AtomicU64 = AtomicU64::new(0);

impl ProefDb {
    /// Creates a fresh database. `None` only with `WIJKREGISTER_ZONDER_PG=1`
    /// (after printing loudly that the test is skipped); without a
    /// reachable server otherwise the test fails here.
    pub fn nieuw(test: &str) -> Option<ProefDb> {
        let basis = basis_url();
        if std::env::var("WIJKREGISTER_ZONDER_PG").is_ok_and(|v| v == "1") {
            // Straight to the process's stderr: the test harness does not
            // capture this, so the skip shows in every run.
            let _ = writeln!(
                std::io::stderr(),
                "\n!!! OVERGESLAGEN: {test} — WIJKREGISTER_ZONDER_PG=1, deze PostgreSQL-test is NIET uitgevoerd !!!\n"
            );
            return None;
        }
        let beheer = PgAdres::lees(&basis)
            .unwrap_or_else(|e| panic!("WIJKREGISTER_PG ({basis}) is geen geldig adres: {e}"));
        let mut client = verbinding::verbind(&beheer).unwrap_or_else(|e| {
            panic!(
                "PostgreSQL is niet bereikbaar ({e}).\nStart de server, bijvoorbeeld met\n    pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\nof wijs met WIJKREGISTER_PG=postgresql://gebruiker@host:poort/database een andere server aan. Alleen WIJKREGISTER_ZONDER_PG=1 slaat deze tests over."
            )
        });
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let naam = format!(
            "wr_test_{}_{}_{nanos:08x}",
            std::process::id(),
            TELLER.fetch_add(1, Ordering::Relaxed)
        );
        client
            .batch_execute(&format!("CREATE DATABASE {naam}"))
            .unwrap_or_else(|e| panic!("CREATE DATABASE {naam} mislukte: {e}"));
        let url = met_database(&basis, &naam);
        let adres = PgAdres::lees(&url).expect("adres van de proefdatabase");
        Some(ProefDb {
            naam,
            url,
            adres,
            beheer,
        })
    }

    /// A new connection to this database.
    pub fn client(&self) -> Client {
        verbinding::verbind(&self.adres).expect("verbinding met de proefdatabase")
    }
}

impl Drop for ProefDb {
    fn drop(&mut self) {
        match verbinding::verbind(&self.beheer) {
            Ok(mut c) => {
                if let Err(e) = c.batch_execute(&format!(
                    "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                    self.naam
                )) {
                    eprintln!("let op: {} kon niet worden verwijderd: {e}", self.naam);
                }
            }
            Err(e) => eprintln!("let op: {} kon niet worden verwijderd: {e}", self.naam),
        }
    }
}

/// A fresh database for this test, or return (loudly skipped, only with
/// `WIJKREGISTER_ZONDER_PG=1`).
#[macro_export]
macro_rules! proefdb {
    ($test:expr) => {
        match $crate::proefdb::ProefDb::nieuw($test) {
            Some(db) => db,
            None => return,
        }
    };
}

#[test]
fn database_in_het_adres_vervangen() {
    assert_eq!(
        met_database("postgresql://u:p@h:1/test?sslmode=require", "x"),
        "postgresql://u:p@h:1/x?sslmode=require"
    );
    assert_eq!(met_database("postgres://u@h/test", "y"), "postgres://u@h/y");
}

#[test]
fn de_proefdatabase_verdwijnt_ook_na_een_paniek() {
    let db = proefdb!("de_proefdatabase_verdwijnt_ook_na_een_paniek");
    let naam = db.naam.clone();
    let beheer = db.beheer.clone();
    let uitkomst = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let _db = db;
        panic!("opzettelijk");
    }));
    assert!(uitkomst.is_err());
    let mut c = verbinding::verbind(&beheer).expect("verbinding");
    let bestaat: bool = c
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)",
            &[&naam],
        )
        .expect("pg_database")
        .get(0);
    assert!(!bestaat, "{naam} staat er na de paniek nog");
}
