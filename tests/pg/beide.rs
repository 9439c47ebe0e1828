//! One test list on both engines (issue #17): each test here runs once on
//! a SQLite register in memory and once on a fresh PostgreSQL database of
//! its own, through the same store functions ([`store::db::Db`]).
//!
//! `op_beide!(naam, |db| { … })` makes the module `naam` with the tests
//! `sqlite` and `postgres`. The PostgreSQL one fails without a server
//! (see [`crate::proefdb`]); only `WIJKREGISTER_ZONDER_PG=1` skips it,
//! loudly.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "test helpers panic on a broken fixture or an unreachable test server"
)]

use wijkregister::store::db::{Db, Motor, PgVerbinding};
use wijkregister::store::{self, pg};

/// A register on each engine for one test: the SQLite one in memory, the
/// PostgreSQL one in a fresh database (dropped afterwards) with its key
/// in a temporary folder.
#[allow(
    clippy::large_enum_variant,
    reason = "one register per test, never moved in a loop"
)]
pub enum Register {
    /// SQLite in memory.
    Sqlite(rusqlite::Connection),
    /// PostgreSQL, with what must live as long as it.
    Postgres {
        /// The connection.
        verbinding: PgVerbinding,
        /// The key folder's parent.
        _sleutels: tempfile::TempDir,
        /// The database (dropped last).
        proef: crate::proefdb::ProefDb,
    },
}

impl Register {
    /// A fresh, empty SQLite register in memory.
    pub fn sqlite() -> Register {
        Register::Sqlite(store::open_in_memory().expect("register in het geheugen"))
    }

    /// A fresh, empty PostgreSQL register, or `None` when skipped loudly.
    pub fn postgres(test: &str) -> Option<Register> {
        let proef = crate::proefdb::ProefDb::nieuw(test)?;
        let sleutels = tempfile::tempdir().expect("map voor de sleutel");
        let verbinding =
            pg::open_register(&proef.adres, Some(&sleutels.path().join("sleutel")), true)
                .expect("nieuw register op PostgreSQL");
        Some(Register::Postgres {
            verbinding,
            _sleutels: sleutels,
            proef,
        })
    }

    /// The register as the store's functions take it.
    pub fn db(&self) -> Db<'_> {
        match self {
            Register::Sqlite(c) => Db::Sqlite(c),
            Register::Postgres { verbinding, .. } => Db::Postgres(verbinding),
        }
    }

    /// A second connection to the same PostgreSQL register (another
    /// desktop), with the same key.
    pub fn tweede_verbinding(&self) -> PgVerbinding {
        match self {
            Register::Sqlite(_) => panic!("alleen voor PostgreSQL"),
            Register::Postgres {
                verbinding, proef, ..
            } => PgVerbinding::nieuw(
                pg::verbinding::verbind(&proef.adres).expect("tweede verbinding"),
                verbinding.sleutel().clone(),
            ),
        }
    }

    /// Checks the audit log as each engine does.
    pub fn verifieer(&self) -> store::audit::Verificatie {
        match self {
            Register::Sqlite(c) => store::audit::verifieer(c).expect("verifieer"),
            Register::Postgres { verbinding, .. } => {
                pg::audit::verifieer_verbinding(verbinding).expect("verifieer")
            }
        }
    }
}

/// Makes a test that runs on both engines.
#[macro_export]
macro_rules! op_beide {
    ($naam:ident, |$reg:ident| $lichaam:block) => {
        mod $naam {
            #[allow(unused_imports, reason = "not every test uses every name")]
            use super::*;

            fn test($reg: &$crate::beide::Register) $lichaam

            #[test]
            fn sqlite() {
                test(&$crate::beide::Register::sqlite());
            }

            #[test]
            fn postgres() {
                let Some(reg) = $crate::beide::Register::postgres(concat!(
                    module_path!(),
                    "::postgres"
                )) else {
                    return;
                };
                test(&reg);
            }
        }
    };
}

/// The engine of a register (for the few engine-specific lines of a test).
pub fn motor(reg: &Register) -> Motor {
    reg.db().motor()
}
