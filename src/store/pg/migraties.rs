//! The PostgreSQL schema's numbered migrations (`migraties/postgres/NNN_*.sql`),
//! numbered on their own (PostgreSQL version 1 is SQLite schema version 10,
//! version 2 is 11, version 3 is 12).
//!
//! [`migreer`] runs in one transaction that first takes a transaction-level
//! advisory lock, so two desktops starting at once never both migrate: the
//! second waits and then finds the work done. Each applied migration is a
//! row of `schema_migratie` with the SHA-256 of its file; an applied
//! migration whose file changed since is refused (migrations are frozen; a
//! test pins each hash as for SQLite).

use postgres::Client;
use sha2::{Digest as _, Sha256};

use super::PgFout;

/// One numbered schema step of the PostgreSQL register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PgMigratie {
    /// The version after this step (the first is 1).
    pub versie: i32,
    /// Its name (the file name without number and extension).
    pub naam: &'static str,
    /// The SQL, run as one batch.
    pub sql: &'static str,
}

/// Every migration, in order.
pub const MIGRATIES: &[PgMigratie] = &[
    PgMigratie {
        versie: 1,
        naam: "schema",
        sql: include_str!("../migraties/postgres/001_schema.sql"),
    },
    PgMigratie {
        versie: 2,
        naam: "bron_ggd_verloskundige",
        sql: include_str!("../migraties/postgres/002_bron_ggd_verloskundige.sql"),
    },
    PgMigratie {
        versie: 3,
        naam: "ave_stand",
        sql: include_str!("../migraties/postgres/003_ave_stand.sql"),
    },
];

/// The key of the advisory lock that serialises migrations ("WKRG").
pub const MIGRATIESLOT: i64 = 0x574B_5247;

/// The version a database has after all migrations.
#[must_use]
pub fn schema_versie() -> i32 {
    MIGRATIES.last().map_or(0, |m| m.versie)
}

/// The SHA-256 of a migration's SQL, hex.
#[must_use]
pub fn hash(sql: &str) -> String {
    Sha256::digest(sql.as_bytes())
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            use std::fmt::Write as _;
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// The database's schema version: the highest applied migration, 0 when
/// `schema_migratie` does not exist.
pub fn versie(client: &mut Client) -> Result<i32, PgFout> {
    let bestaat: bool = client
        .query_one("SELECT to_regclass('schema_migratie') IS NOT NULL", &[])?
        .get(0);
    if !bestaat {
        return Ok(0);
    }
    Ok(client
        .query_one("SELECT coalesce(max(versie), 0) FROM schema_migratie", &[])?
        .get(0))
}

/// Brings the database to the current schema version and returns it. An
/// empty database gets every migration; a database with other tables but
/// no `schema_migratie` is not a register and is refused, untouched.
pub fn migreer(client: &mut Client) -> Result<i32, PgFout> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATIESLOT])?;
    let bestaat: bool = tx
        .query_one("SELECT to_regclass('schema_migratie') IS NOT NULL", &[])?
        .get(0);
    if !bestaat {
        let tabellen: i64 = tx
            .query_one(
                "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()",
                &[],
            )?
            .get(0);
        if tabellen > 0 {
            return Err(PgFout::Schema(
                "deze PostgreSQL-database bevat al tabellen maar is geen wijkregister-register; kies een lege database".to_owned(),
            ));
        }
        tx.batch_execute(
            "CREATE TABLE schema_migratie (
                 versie       integer PRIMARY KEY,
                 naam         text NOT NULL,
                 sha256       text NOT NULL,
                 toegepast_op timestamptz NOT NULL DEFAULT now()
             )",
        )?;
    }
    let toegepast: Vec<(i32, String)> = tx
        .query(
            "SELECT versie, sha256 FROM schema_migratie ORDER BY versie",
            &[],
        )?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    if let Some((hoogste, _)) = toegepast.last()
        && *hoogste > schema_versie()
    {
        return Err(PgFout::Schema(format!(
            "dit PostgreSQL-register heeft schemaversie {hoogste}, deze wijkregister kent versies tot en met {}; werk wijkregister bij",
            schema_versie()
        )));
    }
    for (versie, opgeslagen) in &toegepast {
        let m = MIGRATIES.iter().find(|m| m.versie == *versie);
        if m.map(|m| hash(m.sql)).as_ref() != Some(opgeslagen) {
            return Err(PgFout::Schema(format!(
                "migratie {versie} van dit PostgreSQL-register wijkt af van die van deze wijkregister (andere inhoud): het schema is buiten wijkregister om veranderd"
            )));
        }
    }
    for m in MIGRATIES
        .iter()
        .filter(|m| !toegepast.iter().any(|(v, _)| *v == m.versie))
    {
        tx.batch_execute(m.sql)?;
        tx.execute(
            "INSERT INTO schema_migratie (versie, naam, sha256) VALUES ($1, $2, $3)",
            &[&m.versie, &m.naam, &hash(m.sql)],
        )?;
    }
    tx.commit()?;
    Ok(schema_versie())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versies_lopen_door_vanaf_een() {
        for (i, m) in MIGRATIES.iter().enumerate() {
            assert_eq!(m.versie as usize, i + 1, "migratie {}", m.naam);
        }
    }
}
