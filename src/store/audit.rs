//! The audit log (BIO 8.15.01, Logboek Dataverwerkingen): who opened or
//! changed what, when, why and with what result.
//!
//! The table is append-only — triggers make the database itself refuse
//! UPDATE, DELETE and any INSERT that is not the next row (so `INSERT OR
//! REPLACE` cannot replace one) — and tamper-evident: each row carries an
//! HMAC-SHA256 over its own content and the previous row's hash, keyed with
//! a secret kept outside the register file (`store::sleutel`), so an edited,
//! removed or inserted row breaks the chain from that row on, and whoever
//! holds only the file cannot compute a new chain. The chain's head is
//! anchored outside the file at each start, backup, export and restore, so
//! removing the newest rows or emptying the log is found too. [`verifieer`]
//! checks the triggers, the chain and the anchor and names the first broken
//! row. Rows from before the key (an earlier version's plain SHA-256 chain,
//! `volgnummer < vanaf`) are checked with SHA-256; the first keyed row
//! chains onto them, which seals them as they stood at the upgrade.
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
use hmac::{Hmac, Mac};
use rusqlite::{Connection, OptionalExtension, params};
use sha2::digest::Update;
use sha2::{Digest, Sha256};

use super::StoreFout;
use super::db::{Db, Motor, Param, Rij};
use super::sleutel::{self, Sleutel};

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

/// The fields of a row as the chain covers them.
struct Velden<'a> {
    volgnummer: i64,
    tijdstip: &'a str,
    actor: &'a str,
    actie: &'a str,
    object: Option<&'a str>,
    doel: Option<&'a str>,
    resultaat: &'a str,
    details: Option<&'a str>,
    vorige: &'a str,
}

impl Velden<'_> {
    /// Feeds the fields, each prefixed with its length, into `h`.
    fn voed(&self, h: &mut impl Update) {
        let mut nummer = itoa_buffer();
        let volgnummer = schrijf_getal(&mut nummer, self.volgnummer);
        for deel in [
            volgnummer,
            self.tijdstip,
            self.actor,
            self.actie,
            self.object.unwrap_or("\u{0}"),
            self.doel.unwrap_or("\u{0}"),
            self.resultaat,
            self.details.unwrap_or("\u{0}"),
            self.vorige,
        ] {
            h.update(&(deel.len() as u64).to_le_bytes());
            h.update(deel.as_bytes());
        }
    }
}

fn itoa_buffer() -> [u8; 24] {
    [0; 24]
}

/// Writes `n` in decimal into `buf` and returns it as text (no allocation
/// per row when a million rows are verified).
fn schrijf_getal(buf: &mut [u8; 24], n: i64) -> &str {
    let mut i = buf.len();
    let negatief = n < 0;
    let mut rest = n.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if negatief {
        i -= 1;
        buf[i] = b'-';
    }
    std::str::from_utf8(&buf[i..]).unwrap_or("0")
}

/// The keyed MACs of a register: its own key, and for the rows before
/// its `vanaf` of an in-memory register's copy the public in-memory key.
struct Macs {
    eigen: Hmac<Sha256>,
    oud: Option<Hmac<Sha256>>,
}

/// The chain's hash of a row: HMAC-SHA256 with the register's key from
/// `sleutel.vanaf` on; before it the plain SHA-256 of earlier versions (or
/// the in-memory key of a register copied from memory).
fn bereken(sleutel: &Sleutel, macs: &Macs, velden: &Velden<'_>) -> [u8; 32] {
    let mac = if velden.volgnummer >= sleutel.vanaf {
        Some(&macs.eigen)
    } else {
        macs.oud.as_ref()
    };
    if let Some(mac) = mac {
        let mut m = mac.clone();
        velden.voed(&mut m);
        m.finalize().into_bytes().into()
    } else {
        let mut h = Sha256::new();
        velden.voed(&mut h);
        h.finalize().into()
    }
}

/// The keyed MACs, ready to clone per row.
fn mac_van(sleutel: &Sleutel) -> Result<Macs, StoreFout> {
    let maak = |geheim: &[u8]| {
        <Hmac<Sha256> as Mac>::new_from_slice(geheim).map_err(|_| {
            StoreFout::SleutelOngeldig("de sleutel heeft een onbruikbare lengte".into())
        })
    };
    Ok(Macs {
        eigen: maak(&sleutel.geheim)?,
        oud: match sleutel.voor {
            sleutel::Voor::Sha256 => None,
            sleutel::Voor::Geheugen => Some(maak(&sleutel::GEHEUGENSLEUTEL)?),
        },
    })
}

fn hex(bytes: &[u8; 32]) -> String {
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Whether the stored hex text equals `bytes` (no allocation).
fn gelijk_hex(tekst: &[u8], bytes: &[u8; 32]) -> bool {
    const CIJFERS: &[u8; 16] = b"0123456789abcdef";
    tekst.len() == 64
        && bytes.iter().enumerate().all(|(i, b)| {
            tekst[2 * i] == CIJFERS[usize::from(b >> 4)]
                && tekst[2 * i + 1] == CIJFERS[usize::from(b & 0x0f)]
        })
}

/// The last row's `volgnummer` and hash, if the log has rows.
pub(crate) fn kop<'a>(db: impl Into<Db<'a>>) -> Result<Option<(i64, String)>, StoreFout> {
    db.into().query_opt(
        "SELECT volgnummer, hash FROM audit ORDER BY volgnummer DESC LIMIT 1",
        &[],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// Appends a row and returns its `volgnummer`: inside the caller's
/// transaction (which must be `IMMEDIATE`), or outside one in its own
/// `IMMEDIATE` transaction. The moment is stored in [`TIJDSTIP_FORMAAT`].
///
/// On both engines ([`Db`]): on PostgreSQL the caller's transaction holds
/// the register's write lock ([`crate::store::db::SCHRIJFSLOT`]), so the
/// chain's end read here is still the end when the row is appended.
pub fn log<'a>(db: impl Into<Db<'a>>, regel: &Logregel<'_>) -> Result<i64, StoreFout> {
    let db = db.into();
    let tijdstip = normaliseer_tijdstip(regel.tijdstip)?;
    let regel = Logregel {
        tijdstip: &tijdstip,
        ..regel.clone()
    };
    if db.in_transactie() {
        voeg_toe(db, &regel)
    } else {
        db.transactie(|tx| voeg_toe(tx, &regel))
    }
}

/// Reads the chain's end and appends the row after it (the caller holds the write lock).
fn voeg_toe(db: Db<'_>, regel: &Logregel<'_>) -> Result<i64, StoreFout> {
    let (volgnummer, vorige) = kop(db)?.map_or((1, BEGIN_HASH.to_owned()), |(n, h)| (n + 1, h));
    schrijf_rij(
        db,
        &Velden {
            volgnummer,
            tijdstip: regel.tijdstip,
            actor: regel.actor,
            actie: regel.actie,
            object: regel.object,
            doel: regel.doel,
            resultaat: regel.resultaat.code(),
            details: regel.details,
            vorige: &vorige,
        },
    )?;
    Ok(volgnummer)
}

/// A row carried over from another register (an exchange file): its content
/// as that register wrote it, to be chained again under this register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OvergenomenRegel<'a> {
    /// Its number in this register: one after the chain's end.
    pub volgnummer: i64,
    /// When, as the other register wrote it (kept verbatim: rows of earlier
    /// versions hold other forms than [`TIJDSTIP_FORMAAT`]).
    pub tijdstip: &'a str,
    /// Who.
    pub actor: &'a str,
    /// What.
    pub actie: &'a str,
    /// On what.
    pub object: Option<&'a str>,
    /// Why.
    pub doel: Option<&'a str>,
    /// With what result: `gelukt`, `geweigerd` or `mislukt`.
    pub resultaat: &'a str,
    /// Extra facts.
    pub details: Option<&'a str>,
}

/// Appends a carried row to this register's chain, inside the caller's
/// (import) transaction: same content, chained after the last row with
/// this register's own key (the other register's key never travels). The
/// row's `volgnummer` must be the next one.
pub fn voeg_overgenomen_toe(
    tx: &rusqlite::Transaction<'_>,
    regel: &OvergenomenRegel<'_>,
) -> Result<(), StoreFout> {
    let (volgend, vorige) = kop(tx)?.map_or((1, BEGIN_HASH.to_owned()), |(n, h)| (n + 1, h));
    if regel.volgnummer != volgend {
        return Err(StoreFout::Validatie(vec![crate::domain::Veldfout::new(
            "volgnummer",
            crate::domain::DomeinFout::BuitenBereik {
                waarde: regel.volgnummer,
                van: volgend,
                tot: volgend,
            },
        )]));
    }
    schrijf_rij(
        tx,
        &Velden {
            volgnummer: volgend,
            tijdstip: regel.tijdstip,
            actor: regel.actor,
            actie: regel.actie,
            object: regel.object,
            doel: regel.doel,
            resultaat: regel.resultaat,
            details: regel.details,
            vorige: &vorige,
        },
    )
}

/// Writes one row, keyed with the register's key.
fn schrijf_rij<'a>(db: impl Into<Db<'a>>, v: &Velden<'_>) -> Result<(), StoreFout> {
    let db = db.into();
    let sleutel = db.sleutel()?;
    if v.volgnummer < sleutel.vanaf {
        return Err(StoreFout::SleutelOngeldig(format!(
            "de sleutel begint bij regel {}, het log staat bij regel {}",
            sleutel.vanaf, v.volgnummer
        )));
    }
    let h = hex(&bereken(&sleutel, &mac_van(&sleutel)?, v));
    db.execute(
        "INSERT INTO audit (volgnummer, tijdstip, actor, actie, object, doel, resultaat, details, vorige_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        &[
            &v.volgnummer,
            &v.tijdstip,
            &v.actor,
            &v.actie,
            &v.object,
            &v.doel,
            &v.resultaat,
            &v.details,
            &v.vorige,
            &h,
        ],
    )?;
    Ok(())
}

/// The stored hash of row `volgnummer`, if the log has it.
pub(crate) fn hash_van_regel<'a>(
    db: impl Into<Db<'a>>,
    volgnummer: i64,
) -> Result<Option<String>, StoreFout> {
    db.into().query_opt(
        "SELECT hash FROM audit WHERE volgnummer = ?1",
        &[&volgnummer],
        |r| r.get(0),
    )
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

/// The triggers that keep the log append-only, as the schema defines them.
pub const TRIGGERS: [&str; 3] = [
    "audit_alleen_toevoegen_update",
    "audit_alleen_toevoegen_delete",
    "audit_alleen_toevoegen_insert",
];

/// Checks the whole log: the append-only triggers, the chain (keyed with
/// the register's key from its `vanaf` row on) and the anchor kept outside
/// the file. Reports the first broken row, else a missing or changed
/// trigger (as `volgnummer` 0: the log as a whole, not one row). Fails when
/// the key is missing.
pub fn verifieer(conn: &Connection) -> Result<Verificatie, StoreFout> {
    match verifieer_keten(conn, true)? {
        v @ Verificatie::Gebroken { .. } => Ok(v),
        intact => Ok(controleer_triggers(conn)?.unwrap_or(intact)),
    }
}

/// Whether the three append-only triggers are there as the schema wrote them.
fn controleer_triggers(conn: &Connection) -> Result<Option<Verificatie>, StoreFout> {
    let verwacht = verwachte_triggers();
    for naam in TRIGGERS {
        let sql: Option<String> = conn
            .query_row(
                "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1 AND tbl_name = 'audit'",
                params![naam],
                |r| r.get(0),
            )
            .optional()?;
        let klopt = sql.is_some_and(|s| {
            let s = normaliseer_sql(&s);
            verwacht.contains(&s)
        });
        if !klopt {
            return Ok(Some(Verificatie::Gebroken {
                volgnummer: 0,
                reden: format!(
                    "de beveiliging van het auditlog ontbreekt of is veranderd (trigger {naam}): het register is buiten wijkregister om bewerkt"
                ),
            }));
        }
    }
    Ok(None)
}

/// SQL text with its whitespace made uniform, for comparing schemas.
#[must_use]
pub fn normaliseer_sql(sql: &str) -> String {
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The triggers' SQL as the schema and the migrations create them.
fn verwachte_triggers() -> Vec<String> {
    super::migraties::SCHEMA
        .split("CREATE TRIGGER")
        .skip(1)
        .map(|deel| {
            let eind = deel.find("END;").map_or(deel.len(), |i| i + 3);
            normaliseer_sql(&format!("CREATE TRIGGER{}", &deel[..eind]))
        })
        .collect()
}

/// A text column of a row, borrowed (no allocation per row).
fn tekst<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Option<&'r str>> {
    Ok(r.get_ref(i)?.as_str_or_null()?)
}

/// Walks the chain in order (and, `met_anker`, checks the anchor).
pub(crate) fn verifieer_keten(
    conn: &Connection,
    met_anker: bool,
) -> Result<Verificatie, StoreFout> {
    let sleutel = sleutel::van(conn)?;
    let mac = mac_van(&sleutel)?;
    let ankers = if met_anker {
        bindende_ankers(&sleutel::ankers(conn, &sleutel)?)
    } else {
        Vec::new()
    };
    let mut te_zien: std::collections::HashMap<i64, &str> = ankers
        .iter()
        .filter(|a| a.volgnummer > 0)
        .map(|a| (a.volgnummer, a.hash.as_str()))
        .collect();
    let mut stmt = conn.prepare(
        "SELECT volgnummer, tijdstip, actor, actie, object, doel, resultaat, details, vorige_hash, hash
         FROM audit ORDER BY volgnummer",
    )?;
    let mut rijen = stmt.query([])?;
    let mut vorige: Vec<u8> = BEGIN_HASH.as_bytes().to_vec();
    let mut verwacht_nummer = 1_i64;
    let mut regels = 0_u64;
    while let Some(r) = rijen.next()? {
        let volgnummer: i64 = r.get(0)?;
        if volgnummer != verwacht_nummer {
            return Ok(Verificatie::Gebroken {
                volgnummer,
                reden: format!("regel {verwacht_nummer} ontbreekt"),
            });
        }
        let vorige_hash = tekst(r, 8)?.unwrap_or_default();
        if vorige_hash.as_bytes() != vorige.as_slice() {
            return Ok(Verificatie::Gebroken {
                volgnummer,
                reden: "de verwijzing naar de vorige regel klopt niet (een regel is verwijderd of gewijzigd)".into(),
            });
        }
        let velden = Velden {
            volgnummer,
            tijdstip: tekst(r, 1)?.unwrap_or_default(),
            actor: tekst(r, 2)?.unwrap_or_default(),
            actie: tekst(r, 3)?.unwrap_or_default(),
            object: tekst(r, 4)?,
            doel: tekst(r, 5)?,
            resultaat: tekst(r, 6)?.unwrap_or_default(),
            details: tekst(r, 7)?,
            vorige: vorige_hash,
        };
        let opgeslagen = tekst(r, 9)?.unwrap_or_default();
        if !gelijk_hex(opgeslagen.as_bytes(), &bereken(&sleutel, &mac, &velden)) {
            return Ok(Verificatie::Gebroken {
                volgnummer,
                reden: if volgnummer >= sleutel.vanaf
                    && gelijk_hex(opgeslagen.as_bytes(), &{
                        let mut h = Sha256::new();
                        velden.voed(&mut h);
                        h.finalize().into()
                    }) {
                    "de inhoud van deze regel is gewijzigd na het vastleggen (de keten is zonder de sleutel van dit register opnieuw berekend)".into()
                } else {
                    "de inhoud van deze regel is gewijzigd na het vastleggen".into()
                },
            });
        }
        if let Some(h) = te_zien.remove(&volgnummer)
            && h != opgeslagen
        {
            return Ok(Verificatie::Gebroken {
                volgnummer,
                reden: "deze regel is anders dan het anker buiten het register vastlegde (de regel of de keten is vervangen)".into(),
            });
        }
        vorige.clear();
        vorige.extend_from_slice(opgeslagen.as_bytes());
        verwacht_nummer += 1;
        regels += 1;
    }
    if let Some(hoogste) = te_zien.keys().max() {
        return Ok(Verificatie::Gebroken {
            volgnummer: verwacht_nummer,
            reden: if verwacht_nummer == 1 {
                format!(
                    "het auditlog is leeggemaakt: het anker buiten het register kende al {hoogste} regels"
                )
            } else {
                format!(
                    "regels {verwacht_nummer} tot en met {hoogste} zijn verwijderd: het anker buiten het register kende ze al"
                )
            },
        });
    }
    Ok(Verificatie::Intact { regels })
}

/// The anchor lines that bind the current log: those from the last restore
/// on (a restore replaces the chain after the restored head).
fn bindende_ankers(ankers: &[sleutel::Ankerpunt]) -> Vec<sleutel::Ankerpunt> {
    let begin = ankers
        .iter()
        .rposition(|a| a.soort == "herstel")
        .unwrap_or(0);
    ankers[begin..].to_vec()
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
    ///
    /// Only the most selective condition may use its index: an object (a
    /// few rows) before a medewerker before an action before a period. On
    /// SQLite the others carry a unary `+`, which keeps SQLite from walking
    /// a large index (all `openen-dossier` rows) and looking up each row
    /// for a medewerker's few. PostgreSQL has no unary `+` on text and its
    /// planner weighs the indexes by their statistics itself, so there the
    /// conditions stand as they are.
    fn waar(&self, motor: Motor) -> (String, Vec<&str>) {
        let mut voorwaarden = Vec::new();
        let mut waarden = Vec::new();
        let condities = [
            ("object", "=", &self.object),
            ("actor", "=", &self.actor),
            ("actie", "=", &self.actie),
            ("tijdstip", ">=", &self.van),
            ("tijdstip", "<", &self.tot),
        ];
        let index_kolom = condities
            .iter()
            .find(|(_, _, w)| w.is_some())
            .map(|(k, _, _)| *k);
        for (kolom, op, waarde) in condities {
            if let Some(w) = waarde {
                let plus = if Some(kolom) == index_kolom || motor == Motor::Postgres {
                    ""
                } else {
                    "+"
                };
                voorwaarden.push(format!("{plus}{kolom} {op} ?"));
                waarden.push(w.as_str());
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

fn rij(r: &Rij<'_, '_>) -> Result<AuditRij, StoreFout> {
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

/// The filter's values followed by `extra`, as the parameters of a query.
fn parameters<'p>(waarden: &'p [&'p str], extra: &'p [i64]) -> Vec<&'p dyn Param> {
    waarden
        .iter()
        .map(|w| w as &dyn Param)
        .chain(extra.iter().map(|n| n as &dyn Param))
        .collect()
}

/// Reads rows matching the filter, newest first, at most `limiet`.
pub fn lees<'a>(
    db: impl Into<Db<'a>>,
    filter: &AuditFilter,
    limiet: u32,
) -> Result<Vec<AuditRij>, StoreFout> {
    pagina(db, filter, 0, limiet)
}

/// One page of the rows matching the filter, newest first: `limiet` rows
/// after skipping the newest `overslaan`. Only that page is read: without a
/// filter it is a range of `volgnummer`s (the numbers run without gaps: the
/// insert trigger allows only the next one); with one, a page in the older
/// half is read from the oldest end, so no page skips more than half of
/// the matching rows, and those only in an index.
pub fn pagina<'a>(
    db: impl Into<Db<'a>>,
    filter: &AuditFilter,
    overslaan: u64,
    limiet: u32,
) -> Result<Vec<AuditRij>, StoreFout> {
    let db = db.into();
    let (waar, waarden) = filter.waar(db.motor());
    if waarden.is_empty() {
        let hoogste = hoogste_volgnummer(db)?;
        let tot = hoogste - i64::try_from(overslaan).unwrap_or(i64::MAX);
        return db.query_map(
            &format!(
                "SELECT {KOLOMMEN} FROM audit WHERE volgnummer <= ?1 ORDER BY volgnummer DESC LIMIT ?2"
            ),
            &[&tot, &i64::from(limiet)],
            rij,
        );
    }
    let totaal = tel(db, filter)?;
    if overslaan > totaal / 2 && overslaan < totaal {
        // From the oldest end: skip the rows older than this page.
        let einde = totaal - overslaan;
        let begin = einde.saturating_sub(u64::from(limiet));
        let extra = [
            i64::try_from(einde - begin).unwrap_or(0),
            i64::try_from(begin).unwrap_or(0),
        ];
        let mut rijen = db.query_map(
            &format!("SELECT {KOLOMMEN} FROM audit{waar} ORDER BY volgnummer ASC LIMIT ? OFFSET ?"),
            &parameters(&waarden, &extra),
            rij,
        )?;
        rijen.reverse();
        return Ok(rijen);
    }
    let extra = [
        i64::from(limiet),
        i64::try_from(overslaan).unwrap_or(i64::MAX),
    ];
    db.query_map(
        &format!("SELECT {KOLOMMEN} FROM audit{waar} ORDER BY volgnummer DESC LIMIT ? OFFSET ?"),
        &parameters(&waarden, &extra),
        rij,
    )
}

/// The last row's number (0 for an empty log), read from the key's end.
fn hoogste_volgnummer(db: Db<'_>) -> Result<i64, StoreFout> {
    db.query_one("SELECT coalesce(max(volgnummer), 0) FROM audit", &[], |r| {
        r.get(0)
    })
}

/// How many rows match the filter. Without a filter: the last row's
/// number (the numbers run without gaps); with one, a count over the
/// filter's index range.
pub fn tel<'a>(db: impl Into<Db<'a>>, filter: &AuditFilter) -> Result<u64, StoreFout> {
    let db = db.into();
    let (waar, waarden) = filter.waar(db.motor());
    let n: i64 = if waarden.is_empty() {
        hoogste_volgnummer(db)?
    } else {
        db.query_one(
            &format!("SELECT count(*) FROM audit{waar}"),
            &parameters(&waarden, &[]),
            |r| r.get(0),
        )?
    };
    Ok(u64::try_from(n).unwrap_or(0))
}

/// Every action that occurs in the log, alphabetically (for a filter list):
/// one index seek per distinct action (`audit_actie`), never the whole log.
/// The list is in byte order on both engines: the walk visits every
/// distinct action in the engine's collation (a PostgreSQL database may
/// have a language's), and the codes are then sorted as SQLite compares.
pub fn acties<'a>(db: impl Into<Db<'a>>) -> Result<Vec<String>, StoreFout> {
    let mut acties: Vec<String> = db.into().query_map(
        "WITH RECURSIVE a(actie) AS (
             SELECT min(actie) FROM audit
             UNION ALL
             SELECT (SELECT min(actie) FROM audit WHERE actie > a.actie) FROM a WHERE a.actie IS NOT NULL
         )
         SELECT actie FROM a WHERE actie IS NOT NULL",
        &[],
        |r| r.get(0),
    )?;
    acties.sort_unstable();
    Ok(acties)
}

/// Calls `f` for every row matching the filter, oldest first (for an
/// export); returns the number of rows. Rows stream from SQLite; from
/// PostgreSQL they come as the server sends them (see [`Db::for_each`]).
pub fn voor_elke<'a>(
    db: impl Into<Db<'a>>,
    filter: &AuditFilter,
    f: &mut dyn FnMut(&AuditRij),
) -> Result<u64, StoreFout> {
    let db = db.into();
    let (waar, waarden) = filter.waar(db.motor());
    let mut n = 0_u64;
    db.for_each(
        &format!("SELECT {KOLOMMEN} FROM audit{waar} ORDER BY volgnummer"),
        &parameters(&waarden, &[]),
        |r| {
            f(&rij(r)?);
            n += 1;
            Ok(())
        },
    )?;
    Ok(n)
}
