//! Schema versions and migrations, keyed on `PRAGMA user_version`: every
//! schema step of the register lives here, nowhere else.
//!
//! A new database is created from `schema.sql` (always the complete current
//! schema) and gets the version [`schema_versie`]. An existing
//! database of an older version gets the numbered migrations after its
//! version ([`MIGRATIES`], one SQL file each in `migraties/sqlite/`), each in
//! one transaction. Migrations are append-only and frozen: a released one
//! never changes (a test pins the SHA-256 of each), a new step is a new file.
//! `tests/opslag/migraties.rs` also starts from a frozen copy of every
//! released schema (`tests/fixtures/schema_vN.sql`) and proves the result
//! equals a new database.

use rusqlite::{Connection, OptionalExtension as _};

use super::StoreFout;

/// The complete current schema.
pub const SCHEMA: &str = include_str!("../../../schema.sql");

/// One numbered schema step: it brings a database of version `versie - 1`
/// to `versie`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Migratie {
    /// The version the database has after this step.
    pub versie: u32,
    /// A short name (the file name without number and extension).
    pub naam: &'static str,
    /// The SQL, run as one batch.
    pub sql: &'static str,
}

/// Every migration after version 1, in order: `MIGRATIES[0]` brings version
/// 1 to 2. Each is a file in `migraties/sqlite/`; a released one is frozen
/// (`tests/opslag/migraties.rs` pins its SHA-256).
pub const MIGRATIES: &[Migratie] = &[
    Migratie {
        versie: 2,
        naam: "auditlog",
        sql: include_str!("sqlite/002_auditlog.sql"),
    },
    Migratie {
        versie: 3,
        naam: "klantreis",
        sql: include_str!("sqlite/003_klantreis.sql"),
    },
    Migratie {
        versie: 4,
        naam: "ave",
        sql: include_str!("sqlite/004_ave.sql"),
    },
    Migratie {
        versie: 5,
        naam: "indexen",
        sql: include_str!("sqlite/005_indexen.sql"),
    },
    Migratie {
        versie: 6,
        naam: "accounts",
        sql: include_str!("sqlite/006_accounts.sql"),
    },
    Migratie {
        versie: 7,
        naam: "rapport_indexen",
        sql: include_str!("sqlite/007_rapport_indexen.sql"),
    },
    Migratie {
        versie: 8,
        naam: "auditlog_sleutel",
        sql: include_str!("sqlite/008_auditlog_sleutel.sql"),
    },
    Migratie {
        versie: 9,
        naam: "toegang_indexen",
        sql: include_str!("sqlite/009_toegang_indexen.sql"),
    },
    Migratie {
        versie: 10,
        naam: "eigen_indicatoren",
        sql: include_str!("sqlite/010_eigen_indicatoren.sql"),
    },
    Migratie {
        versie: 11,
        naam: "bron_ggd_verloskundige",
        sql: include_str!("sqlite/011_bron_ggd_verloskundige.sql"),
    },
    Migratie {
        versie: 12,
        naam: "ave_stand",
        sql: include_str!("sqlite/012_ave_stand.sql"),
    },
];

/// The version a database has after all migrations.
#[must_use]
pub fn schema_versie() -> u32 {
    1 + MIGRATIES.len() as u32
}

/// The database's schema version (0 for a new, empty file).
pub fn versie(conn: &Connection) -> Result<u32, StoreFout> {
    let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    Ok(u32::try_from(v).unwrap_or(0))
}

/// Brings the database to the current schema version.
pub fn migreer(conn: &Connection) -> Result<(), StoreFout> {
    let huidig = versie(conn)?;
    let doel = schema_versie();
    if huidig > doel {
        return Err(StoreFout::TeNieuw {
            gevonden: huidig,
            bekend: doel,
        });
    }
    if huidig == doel {
        return Ok(());
    }
    if huidig == 0 {
        let tabellen: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if tabellen > 0 {
            return Err(StoreFout::GeenRegister(
                conn.path().unwrap_or("de database").to_owned(),
            ));
        }
        voer_uit(conn, SCHEMA, doel)?;
        return Ok(());
    }
    for m in MIGRATIES.iter().filter(|m| m.versie > huidig) {
        voer_uit(conn, m.sql, m.versie)?;
    }
    Ok(())
}

/// Runs one schema step and sets the version, in one immediate transaction:
/// a failure leaves the database as it was.
///
/// Foreign keys are off during the step, as SQLite advises for changing a
/// table's shape (a step that rebuilds a table drops the old one while
/// other tables refer to it; the pragma cannot change inside a
/// transaction), and the whole register is checked with
/// `foreign_key_check` before the commit: a step that leaves a reference
/// dangling is rolled back. They are on again afterwards, whatever the
/// outcome.
fn voer_uit(conn: &Connection, sql: &str, naar: u32) -> Result<(), StoreFout> {
    conn.pragma_update(None, "foreign_keys", false)?;
    let uitkomst = super::transactie::voer_uit(conn, |tx| {
        tx.execute_batch(sql)?;
        let los: Option<(String, i64, String)> = tx
            .query_row("PRAGMA foreign_key_check", [], |r| {
                Ok((
                    r.get(0)?,
                    r.get::<_, Option<i64>>(1)?.unwrap_or(0),
                    r.get(2)?,
                ))
            })
            .optional()?;
        if let Some((tabel, rij, naar_tabel)) = los {
            return Err(StoreFout::Beschadigd(format!(
                "na de schemastap naar versie {naar} verwijst rij {rij} van tabel {tabel} naar een {naar_tabel} die niet bestaat; de stap is niet uitgevoerd en het register is ongewijzigd"
            )));
        }
        tx.pragma_update(None, "user_version", naar)?;
        Ok(())
    });
    let aan = conn.pragma_update(None, "foreign_keys", true);
    uitkomst?;
    aan?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versies_lopen_door_vanaf_twee() {
        for (i, m) in MIGRATIES.iter().enumerate() {
            assert_eq!(m.versie as usize, i + 2, "migratie {}", m.naam);
        }
        assert_eq!(MIGRATIES.last().map(|m| m.versie), Some(schema_versie()));
    }
}
