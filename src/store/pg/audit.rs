//! The audit log of a PostgreSQL register, verified as on SQLite: its rows
//! are loaded, in one snapshot, into an in-memory SQLite log under the
//! register's key and checked there by `store::audit::verifieer` (chain,
//! key, anchor), so both engines share one verification. On top of that
//! the server's own append-only triggers must be there, enabled and
//! unchanged.
//!
//! Not wired to `wijkregister audit verify` yet: the commands still run on
//! SQLite only.

use postgres::GenericClient;
use rusqlite::Connection;

use super::{PgFout, PgRegister, migraties};
use crate::store::audit::{self, Verificatie, normaliseer_sql};
use crate::store::{self, sleutel as sqlite_sleutel};

/// The append-only triggers of the PostgreSQL schema.
pub const TRIGGERS: [&str; 4] = [
    "audit_alleen_toevoegen_update",
    "audit_alleen_toevoegen_delete",
    "audit_alleen_toevoegen_truncate",
    "audit_alleen_toevoegen_insert",
];

/// Loads every audit row of `client` (in the caller's snapshot) into a
/// fresh in-memory SQLite log keyed with `sleutel`; returns it and the
/// number of rows.
pub(crate) fn laad_in_geheugen(
    client: &mut impl GenericClient,
    sleutel: &sqlite_sleutel::Sleutel,
) -> Result<(Connection, u64), PgFout> {
    let geheugen = store::open_in_memory()?;
    sqlite_sleutel::zet_op_verbinding(&geheugen, sleutel)?;
    let rijen = client.query(
        "SELECT volgnummer, tijdstip, actor, actie, object, doel, resultaat, details, vorige_hash, hash
         FROM audit ORDER BY volgnummer",
        &[],
    )?;
    let mut stmt = geheugen.prepare(
        "INSERT INTO audit (volgnummer, tijdstip, actor, actie, object, doel, resultaat, details, vorige_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for r in &rijen {
        stmt.execute(rusqlite::params![
            r.try_get::<_, i64>(0)?,
            r.try_get::<_, String>(1)?,
            r.try_get::<_, String>(2)?,
            r.try_get::<_, String>(3)?,
            r.try_get::<_, Option<String>>(4)?,
            r.try_get::<_, Option<String>>(5)?,
            r.try_get::<_, String>(6)?,
            r.try_get::<_, Option<String>>(7)?,
            r.try_get::<_, String>(8)?,
            r.try_get::<_, String>(9)?,
        ])?;
    }
    drop(stmt);
    Ok((geheugen, rijen.len() as u64))
}

/// Checks the whole log of the register: chain, key and anchor (as
/// `store::audit::verifieer`), then the server's triggers (a missing,
/// disabled or changed one as `volgnummer` 0, the log as a whole).
pub fn verifieer(register: &mut PgRegister) -> Result<Verificatie, PgFout> {
    verifieer_met(&mut register.client, &register.sleutel)
}

/// [`verifieer`] for an open register of the store's functions.
pub fn verifieer_verbinding(pg: &crate::store::db::PgVerbinding) -> Result<Verificatie, PgFout> {
    verifieer_met(&mut pg.client(), pg.sleutel())
}

fn verifieer_met(
    client: &mut postgres::Client,
    sleutel: &sqlite_sleutel::Sleutel,
) -> Result<Verificatie, PgFout> {
    let mut tx = client
        .build_transaction()
        .isolation_level(postgres::IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()?;
    let (geheugen, _) = laad_in_geheugen(&mut tx, sleutel)?;
    let uitkomst = match audit::verifieer(&geheugen)? {
        v @ Verificatie::Gebroken { .. } => v,
        intact => controleer_triggers(&mut tx)?.unwrap_or(intact),
    };
    tx.commit()?;
    Ok(uitkomst)
}

/// The trigger statements and the function body as the migrations wrote them.
fn verwacht() -> (Vec<String>, String) {
    let sql: String = migraties::MIGRATIES.iter().map(|m| m.sql).collect();
    let triggers = sql
        .split("CREATE TRIGGER ")
        .skip(1)
        .filter_map(|deel| {
            let eind = deel.find(';')?;
            Some(normaliseer_sql(&format!(
                "CREATE TRIGGER {}",
                &deel[..eind]
            )))
        })
        .filter(|t| t.contains(" ON audit "))
        .collect();
    let functie = sql
        .split_once("CREATE FUNCTION audit_alleen_toevoegen()")
        .and_then(|(_, rest)| rest.split_once("$$"))
        .and_then(|(_, rest)| rest.split_once("$$"))
        .map(|(lichaam, _)| normaliseer_sql(lichaam))
        .unwrap_or_default();
    (triggers, functie)
}

fn controleer_triggers(client: &mut impl GenericClient) -> Result<Option<Verificatie>, PgFout> {
    let (triggers, functie) = verwacht();
    let schema: String = client
        .query_one("SELECT current_schema()::text", &[])?
        .get(0);
    let gevonden = client.query(
        "SELECT t.tgname::text, t.tgenabled::text, pg_get_triggerdef(t.oid), p.prosrc
         FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
         WHERE t.tgrelid = 'audit'::regclass AND NOT t.tgisinternal",
        &[],
    )?;
    for naam in TRIGGERS {
        let klopt = gevonden.iter().any(|r| {
            let def = normaliseer_sql(&r.get::<_, String>(2))
                .replace(&format!(" ON {schema}.audit "), " ON audit ");
            r.get::<_, String>(0) == naam
                && r.get::<_, String>(1) == "O"
                && triggers.contains(&def)
                && normaliseer_sql(&r.get::<_, String>(3)) == functie
        });
        if !klopt {
            return Ok(Some(Verificatie::Gebroken {
                volgnummer: 0,
                reden: format!(
                    "de beveiliging van het auditlog ontbreekt, staat uit of is veranderd (trigger {naam}): het register is buiten wijkregister om bewerkt"
                ),
            }));
        }
    }
    Ok(None)
}
