//! Maintenance on start, for any front end: `PRAGMA quick_check` and the
//! daily backup of a register file, on a connection of its own (the window
//! runs it on a background thread, see `ui::onderhoud`). No egui here.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::store::{self, backup};

/// What the background check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bevinding {
    /// The database is sound; today's backup was written (or already there).
    Gezond {
        /// The backup written now, if one was due.
        backup: Option<PathBuf>,
    },
    /// `quick_check` found damage.
    Beschadigd {
        /// What SQLite reported.
        fout: String,
        /// The newest backup, if any.
        laatste_backup: Option<PathBuf>,
    },
    /// The backup could not be written (the database itself is sound).
    BackupMislukt(String),
}

/// Runs the check and the daily backup for the register at `db`.
#[must_use]
pub fn controleer_en_backup(db: &std::path::Path, vandaag: NaiveDate) -> Bevinding {
    let laatste = || backup::backups(db).ok().and_then(|l| l.last().cloned());
    let conn = match store::open(db) {
        Ok(c) => c,
        Err(fout) => {
            return Bevinding::Beschadigd {
                fout: fout.to_string(),
                laatste_backup: laatste(),
            };
        }
    };
    if let Err(fout) = backup::snelle_controle(&conn) {
        return Bevinding::Beschadigd {
            fout: fout.to_string(),
            laatste_backup: laatste(),
        };
    }
    drop(conn);
    match backup::dagelijkse_backup(db, vandaag) {
        Ok(pad) => Bevinding::Gezond { backup: pad },
        Err(fout) => Bevinding::BackupMislukt(fout.to_string()),
    }
}

/// What opening the register had to say once (file modes that were too
/// loose and were tightened), taken so it is said only once.
#[must_use]
pub fn neem_waarschuwingen() -> Vec<String> {
    store::neem_waarschuwingen()
}
