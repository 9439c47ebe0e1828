//! The audit log (BIO 8.15.01, Logboek Dataverwerkingen): who opened or
//! changed what, when, why and with what result.
//!
//! The table is append-only — triggers make the database itself refuse
//! UPDATE and DELETE — and tamper-evident: each row carries a SHA-256 hash
//! over its own content and the previous row's hash, so an edited or removed
//! row breaks the chain from that row on. [`verifieer`] finds the first
//! broken row. (Removing the newest rows cannot be seen from the chain alone;
//! the daily backups hold earlier chain ends to compare with.)
//!
//! A row is written inside the caller's transaction, so the change and its
//! log row commit together or not at all. Called outside a transaction (an
//! opening, a logout), [`log`] opens its own `IMMEDIATE` one: reading the
//! last hash and appending then happen under the write lock, so two app
//! instances on one file never fork the chain or clash on a `volgnummer`.
//! For the same reason every writing transaction in the store is
//! `IMMEDIATE`: a deferred one that read first cannot wait for the lock.
//!
//! **Timestamps.** Every row written by this version stores `tijdstip` in
//! one form: UTC with a `Z`, whole seconds, RFC 3339 / ISO 8601
//! ([`TIJDSTIP_FORMAAT`], e.g. `2026-11-26T09:00:00Z`). [`log`] brings
//! whatever moment a writer passes (with an offset, with fractions, or as
//! local time without an offset) into that form, so all writers agree, the
//! text sorts in time order and the hour a clock goes back is unambiguous.
//! Rows written before keep their text (the hash covers it); they may hold
//! local time without an offset or an offset other than `Z`.

use std::fmt::Write as _;

use chrono::{DateTime, Duration, Local, NaiveDateTime, Offset, TimeZone, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};
use sha2::{Digest, Sha256};

use super::StoreFout;

/// The hash before the first row.
pub const BEGIN_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Outcome of a logged action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resultaat {
    /// It happened.
    Gelukt,
    /// Access was refused.
    Geweigerd,
    /// It failed.
    Mislukt,
}

impl Resultaat {
    /// The stored code.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Resultaat::Gelukt => "gelukt",
            Resultaat::Geweigerd => "geweigerd",
            Resultaat::Mislukt => "mislukt",
        }
    }
}

/// One row to log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logregel<'a> {
    /// When, ISO 8601 (the caller passes the clock's time; tests a fixed one).
    pub tijdstip: &'a str,
    /// Who: a medewerker id, or `systeem` / `opdrachtregel`.
    pub actor: &'a str,
    /// What, e.g. `openen-dossier`, `wijzigen`, `export`, `inloggen`, `inloggen-mislukt`.
    pub actie: &'a str,
    /// On what, e.g. `inwoner:I-000123`.
    pub object: Option<&'a str>,
    /// Why (purpose), for opening a dossier.
    pub doel: Option<&'a str>,
    /// With what result.
    pub resultaat: Resultaat,
    /// Extra facts without personal data.
    pub details: Option<&'a str>,
}

/// The form of every `tijdstip` written: UTC, whole seconds, `Z`.
pub const TIJDSTIP_FORMAAT: &str = "%Y-%m-%dT%H:%M:%SZ";

/// A moment as the log stores it ([`TIJDSTIP_FORMAAT`]).
#[must_use]
pub fn tijdstip<Tz: TimeZone>(moment: &DateTime<Tz>) -> String {
    moment
        .with_timezone(&Utc)
        .format(TIJDSTIP_FORMAAT)
        .to_string()
}

/// A local wall-clock moment (the app's clock) as the log stores it. In the
/// hour a clock goes back the earlier of the two moments is taken; a moment
/// the clock skips when it goes forward (no real clock gives one) is read
/// with the offset in force around it.
#[must_use]
pub fn tijdstip_lokaal(nu: NaiveDateTime) -> String {
    if let Some(moment) = Local.from_local_datetime(&nu).earliest() {
        tijdstip(&moment)
    } else {
        let verschil = Local.offset_from_utc_datetime(&nu).fix().local_minus_utc();
        tijdstip(&Utc.from_utc_datetime(&(nu - Duration::seconds(i64::from(verschil)))))
    }
}

/// Brings a moment given as text into the stored form: RFC 3339 with an
/// offset or `Z`, or local time without an offset (`2026-11-26T10:00:00`,
/// optionally with fractions of a second).
pub fn normaliseer_tijdstip(tekst: &str) -> Result<String, StoreFout> {
    if let Ok(moment) = DateTime::parse_from_rfc3339(tekst) {
        return Ok(tijdstip(&moment));
    }
    NaiveDateTime::parse_from_str(tekst, "%Y-%m-%dT%H:%M:%S%.f")
        .map(tijdstip_lokaal)
        .map_err(|_| StoreFout::Tijdstip(tekst.to_owned()))
}

/// The hash of a row: SHA-256 over its fields and the previous hash.
fn hash(volgnummer: i64, r: &Logregel<'_>, resultaat: &str, vorige: &str) -> String {
    let mut h = Sha256::new();
    for deel in [
        volgnummer.to_string().as_str(),
        r.tijdstip,
        r.actor,
        r.actie,
        r.object.unwrap_or("\u{0}"),
        r.doel.unwrap_or("\u{0}"),
        resultaat,
        r.details.unwrap_or("\u{0}"),
        vorige,
    ] {
        h.update((deel.len() as u64).to_le_bytes());
        h.update(deel.as_bytes());
    }
    h.finalize()
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// Appends a row and returns its `volgnummer`: inside the caller's
/// transaction (which must be `IMMEDIATE`), or outside one in its own
/// `IMMEDIATE` transaction. The moment is stored in [`TIJDSTIP_FORMAAT`].
pub fn log(conn: &Connection, regel: &Logregel<'_>) -> Result<i64, StoreFout> {
    let tijdstip = normaliseer_tijdstip(regel.tijdstip)?;
    let regel = Logregel {
        tijdstip: &tijdstip,
        ..regel.clone()
    };
    if conn.is_autocommit() {
        super::transactie::voer_uit(conn, |tx| voeg_toe(tx, &regel))
    } else {
        voeg_toe(conn, &regel)
    }
}

/// Reads the chain's end and appends the row after it (the caller holds the write lock).
fn voeg_toe(conn: &Connection, regel: &Logregel<'_>) -> Result<i64, StoreFout> {
    let laatste: Option<(i64, String)> = conn
        .query_row(
            "SELECT volgnummer, hash FROM audit ORDER BY volgnummer DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (volgnummer, vorige) = laatste.map_or((1, BEGIN_HASH.to_owned()), |(n, h)| (n + 1, h));
    let resultaat = regel.resultaat.code();
    let h = hash(volgnummer, regel, resultaat, &vorige);
    conn.prepare_cached(
        "INSERT INTO audit (volgnummer, tijdstip, actor, actie, object, doel, resultaat, details, vorige_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        volgnummer,
        regel.tijdstip,
        regel.actor,
        regel.actie,
        regel.object,
        regel.doel,
        resultaat,
        regel.details,
        vorige,
        h
    ])?;
    Ok(volgnummer)
}

/// The outcome of checking the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verificatie {
    /// Every row is intact.
    Intact {
        /// Rows checked.
        regels: u64,
    },
    /// The first row whose content or link does not match.
    Gebroken {
        /// Its sequence number.
        volgnummer: i64,
        /// What is wrong.
        reden: String,
    },
}

/// Walks the whole log in order and reports the first broken row.
pub fn verifieer(conn: &Connection) -> Result<Verificatie, StoreFout> {
    let mut stmt = conn.prepare(
        "SELECT volgnummer, tijdstip, actor, actie, object, doel, resultaat, details, vorige_hash, hash
         FROM audit ORDER BY volgnummer",
    )?;
    let mut rijen = stmt.query([])?;
    let mut vorige = BEGIN_HASH.to_owned();
    let mut verwacht_nummer = 1_i64;
    let mut regels = 0_u64;
    while let Some(r) = rijen.next()? {
        let volgnummer: i64 = r.get(0)?;
        let tijdstip: String = r.get(1)?;
        let actor: String = r.get(2)?;
        let actie: String = r.get(3)?;
        let object: Option<String> = r.get(4)?;
        let doel: Option<String> = r.get(5)?;
        let resultaat: String = r.get(6)?;
        let details: Option<String> = r.get(7)?;
        let vorige_hash: String = r.get(8)?;
        let opgeslagen: String = r.get(9)?;
        if volgnummer != verwacht_nummer {
            return Ok(Verificatie::Gebroken {
                volgnummer,
                reden: format!("regel {verwacht_nummer} ontbreekt"),
            });
        }
        if vorige_hash != vorige {
            return Ok(Verificatie::Gebroken {
                volgnummer,
                reden: "de verwijzing naar de vorige regel klopt niet (een regel is verwijderd of gewijzigd)".into(),
            });
        }
        let regel = Logregel {
            tijdstip: &tijdstip,
            actor: &actor,
            actie: &actie,
            object: object.as_deref(),
            doel: doel.as_deref(),
            resultaat: Resultaat::Gelukt,
            details: details.as_deref(),
        };
        if hash(volgnummer, &regel, &resultaat, &vorige_hash) != opgeslagen {
            return Ok(Verificatie::Gebroken {
                volgnummer,
                reden: "de inhoud van deze regel is gewijzigd na het vastleggen".into(),
            });
        }
        vorige = opgeslagen;
        verwacht_nummer += 1;
        regels += 1;
    }
    Ok(Verificatie::Intact { regels })
}

/// A row of the log as read back (for the beheerder's view and export).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRij {
    /// Sequence number.
    pub volgnummer: i64,
    /// When.
    pub tijdstip: String,
    /// Who.
    pub actor: String,
    /// What.
    pub actie: String,
    /// On what.
    pub object: Option<String>,
    /// Why.
    pub doel: Option<String>,
    /// Result code.
    pub resultaat: String,
    /// Extra facts.
    pub details: Option<String>,
}

/// Filter for reading the log; `None` fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Only this actor.
    pub actor: Option<String>,
    /// Only this object (e.g. `inwoner:I-000123`).
    pub object: Option<String>,
    /// From this moment (ISO, inclusive).
    pub van: Option<String>,
    /// Up to this moment (ISO, exclusive).
    pub tot: Option<String>,
    /// Only this action (e.g. `openen-dossier`).
    pub actie: Option<String>,
}

impl AuditFilter {
    /// The filter in words, for the details of an export row (no personal
    /// data: ids and dates only).
    #[must_use]
    pub fn omschrijving(&self) -> String {
        let delen: Vec<String> = [
            ("actor", &self.actor),
            ("object", &self.object),
            ("van", &self.van),
            ("tot", &self.tot),
            ("actie", &self.actie),
        ]
        .into_iter()
        .filter_map(|(naam, waarde)| waarde.as_ref().map(|w| format!("{naam}={w}")))
        .collect();
        if delen.is_empty() {
            "geen filter".to_owned()
        } else {
            delen.join(", ")
        }
    }

    /// The WHERE clause (with only the conditions that filter, so SQLite can
    /// use the `audit_actor` and `audit_object` indexes) and its parameters.
    fn waar(&self) -> (String, Vec<Value>) {
        let mut voorwaarden = Vec::new();
        let mut waarden = Vec::new();
        for (sql, waarde) in [
            ("actor = ?", &self.actor),
            ("object = ?", &self.object),
            ("tijdstip >= ?", &self.van),
            ("tijdstip < ?", &self.tot),
            ("actie = ?", &self.actie),
        ] {
            if let Some(w) = waarde {
                voorwaarden.push(sql);
                waarden.push(Value::Text(w.clone()));
            }
        }
        let waar = if voorwaarden.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", voorwaarden.join(" AND "))
        };
        (waar, waarden)
    }
}

const KOLOMMEN: &str = "volgnummer, tijdstip, actor, actie, object, doel, resultaat, details";

fn rij(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditRij> {
    Ok(AuditRij {
        volgnummer: r.get(0)?,
        tijdstip: r.get(1)?,
        actor: r.get(2)?,
        actie: r.get(3)?,
        object: r.get(4)?,
        doel: r.get(5)?,
        resultaat: r.get(6)?,
        details: r.get(7)?,
    })
}

/// Reads rows matching the filter, newest first, at most `limiet`.
pub fn lees(
    conn: &Connection,
    filter: &AuditFilter,
    limiet: u32,
) -> Result<Vec<AuditRij>, StoreFout> {
    pagina(conn, filter, 0, limiet)
}

/// One page of the rows matching the filter, newest first: `limiet` rows
/// after skipping the newest `overslaan`. Only that page is read, so a log
/// of hundreds of thousands of rows can be paged through.
pub fn pagina(
    conn: &Connection,
    filter: &AuditFilter,
    overslaan: u64,
    limiet: u32,
) -> Result<Vec<AuditRij>, StoreFout> {
    let (waar, mut waarden) = filter.waar();
    waarden.push(Value::Integer(i64::from(limiet)));
    waarden.push(Value::Integer(i64::try_from(overslaan).unwrap_or(i64::MAX)));
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {KOLOMMEN} FROM audit{waar} ORDER BY volgnummer DESC LIMIT ? OFFSET ?"
    ))?;
    let rijen = stmt.query_map(params_from_iter(waarden), rij)?;
    Ok(rijen.collect::<Result<_, _>>()?)
}

/// How many rows match the filter.
pub fn tel(conn: &Connection, filter: &AuditFilter) -> Result<u64, StoreFout> {
    let (waar, waarden) = filter.waar();
    let n: i64 = conn
        .prepare_cached(&format!("SELECT count(*) FROM audit{waar}"))?
        .query_row(params_from_iter(waarden), |r| r.get(0))?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// Every action that occurs in the log, alphabetically (for a filter list).
pub fn acties(conn: &Connection) -> Result<Vec<String>, StoreFout> {
    let mut stmt = conn.prepare("SELECT DISTINCT actie FROM audit ORDER BY actie")?;
    let rijen = stmt.query_map([], |r| r.get(0))?;
    Ok(rijen.collect::<Result<_, _>>()?)
}

/// Calls `f` for every row matching the filter, oldest first, streaming
/// (for an export); returns the number of rows.
pub fn voor_elke(
    conn: &Connection,
    filter: &AuditFilter,
    f: &mut dyn FnMut(&AuditRij),
) -> Result<u64, StoreFout> {
    let (waar, waarden) = filter.waar();
    let mut stmt = conn.prepare(&format!(
        "SELECT {KOLOMMEN} FROM audit{waar} ORDER BY volgnummer"
    ))?;
    let mut rijen = stmt.query(params_from_iter(waarden))?;
    let mut n = 0_u64;
    while let Some(r) = rijen.next()? {
        f(&rij(r)?);
        n += 1;
    }
    Ok(n)
}
