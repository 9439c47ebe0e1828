//! The store: the register's SQLite database.
//!
//! One module per aggregate of free functions over `&Connection` or
//! `&Transaction` (the shape of mozilla application-services). Every
//! connection is opened through [`open`] so it carries the same pragmas:
//! foreign keys on, WAL, and a busy timeout. No SQL lives outside `store`
//! and `report`.

pub mod accounts;
pub mod audit;
pub mod ave;
pub mod backup;
pub mod bestanden;
pub mod bewaartermijn;
pub mod db;
pub mod dossier;
pub mod eigen_indicatoren;
pub mod export;
pub mod import;
pub mod indicatorwaarden;
pub mod inwoners;
pub mod klantreis;
pub(crate) mod kolom;
pub mod medewerkers;
pub mod migraties;
pub mod objectnamen;
pub mod pg;
pub mod schrijven;
pub mod sleutel;
pub mod sociale_kaart;
pub mod sociale_kaart_beheer;
pub mod sociale_kaart_invoer;
pub mod toegang;
pub mod transactie;
pub mod uitwisseling;
pub mod werkvoorraad;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::domain::Veldfout;

/// How long a connection waits for a lock held by another instance.
pub const BUSY_TIMEOUT_MS: u64 = 5_000;

/// Setting key for the municipality whose register this is.
pub const INSTELLING_GEMEENTE: &str = "gemeente";

/// What can go wrong in the store, in words a beheerder understands.
#[derive(Debug, thiserror::Error)]
pub enum StoreFout {
    /// The database file could not be opened or created.
    #[error("de database {pad} kon niet worden geopend: {bron}")]
    Openen {
        /// The file.
        pad: String,
        /// Why.
        bron: rusqlite::Error,
    },
    /// The file was made by a newer wijkregister.
    #[error(
        "dit register heeft schemaversie {gevonden}, deze wijkregister kent versies tot en met {bekend}; werk wijkregister bij"
    )]
    TeNieuw {
        /// Version in the file.
        gevonden: u32,
        /// Newest version this build knows.
        bekend: u32,
    },
    /// The file is not a wijkregister database.
    #[error("{0} is geen wijkregister-database")]
    GeenRegister(String),
    /// No register at this path (only the window's first start, `import`
    /// and `demo` create one).
    #[error(
        "er is geen register op {0}: controleer het pad (--db). Er is niets aangemaakt; alleen het venster (bij de eerste start), import en demo maken een nieuw register"
    )]
    GeenBestand(String),
    /// An empty file where a register was expected.
    #[error(
        "{0} is een leeg bestand, geen register: controleer het pad (--db). Er is niets aangemaakt of gewijzigd"
    )]
    LeegBestand(String),
    /// The disk has too little room for an import; nothing was started.
    #[error(
        "Er is te weinig schijfruimte voor deze import: nodig is ongeveer {nodig_mb} MB (het register groeit en het logbestand (WAL) groeit tijdens de import even hard mee), vrij is {vrij_mb} MB op de schijf van {pad}. Er is niets opgeslagen; maak ruimte vrij of kies een register op een andere schijf"
    )]
    TeWeinigRuimte {
        /// The register's folder.
        pad: String,
        /// About how many MB the import needs.
        nodig_mb: u64,
        /// How many MB are free.
        vrij_mb: u64,
    },
    /// The audit log's key folder of a keyed register is missing.
    #[error(
        "de sleutel van het auditlog ontbreekt: verwacht in {0}. Zet die map terug naast het register (bijvoorbeeld uit de kopie van de machine waar het register is gemaakt); zonder sleutel kan het auditlog niet worden gecontroleerd of aangevuld"
    )]
    SleutelOntbreekt(String),
    /// The key or anchor file cannot be read.
    #[error(
        "de sleutel van het auditlog is onleesbaar: {0}. Zet de map met de sleutel terug uit een kopie"
    )]
    SleutelOngeldig(String),
    /// The anchor beside the key is missing.
    #[error(
        "het anker van het auditlog ontbreekt: {0}. Het hoort bij de sleutel; zonder anker is niet te zien of de nieuwste regels zijn verwijderd"
    )]
    AnkerOntbreekt(String),
    /// Demo data or another register would be mixed into a register that already holds residents.
    #[error(
        "het register bevat al inwoners; demogegevens komen alleen in een leeg register, zodat twee registers niet door elkaar raken"
    )]
    RegisterNietLeeg,
    /// A writing action was stopped before it could commit (see
    /// [`transactie`]): nothing of it is stored.
    #[error(
        "de handeling is afgebroken: {0}; er is niets opgeslagen en het register is ongewijzigd"
    )]
    Afgebroken(&'static str),
    /// A record failed validation.
    #[error("{}", veldfouten_tekst(.0))]
    Validatie(Vec<Veldfout>),
    /// A backup failed the checks before a restore; the register is unchanged.
    #[error("{0}")]
    HerstelGeweigerd(String),
    /// The database file is damaged.
    #[error("de database is beschadigd: {0}")]
    Beschadigd(String),
    /// A dossier is not (yet) due for destruction.
    #[error("{0}")]
    NietVervallen(String),
    /// A moment for the audit log that is not ISO 8601.
    #[error(
        "ongeldig tijdstip voor het auditlog: '{0}' (verwacht ISO 8601, bijvoorbeeld 2026-11-26T10:00:00+01:00)"
    )]
    Tijdstip(String),
    /// A record was not found.
    #[error("{0} is niet gevonden")]
    NietGevonden(String),
    /// The medewerker may not see or do this (see [`toegang`]).
    #[error("geen toegang: {0}")]
    GeenToegang(String),
    /// The disk (or the register's size limit) is full: SQLite rolled the
    /// transaction back, nothing of it is stored.
    #[error(
        "De schijf is vol: er is niets opgeslagen en het register is ongewijzigd. Maak ruimte vrij op de schijf van het register (of van de doelmap) en probeer het opnieuw."
    )]
    SchijfVol,
    /// The register (file, folder or disk) can only be read.
    #[error(
        "Het register is alleen-lezen: er is niets opgeslagen. Controleer of u schrijfrechten hebt op het registerbestand en zijn map, en of de schijf niet alleen-lezen is aangekoppeld."
    )]
    AlleenLezen,
    /// Another program (or another wijkregister window) held the register
    /// locked for longer than the busy timeout.
    #[error(
        "Het register is bezet door een ander programma of venster (langer dan {} seconden): er is niets opgeslagen. Wacht tot dat klaar is en probeer het opnieuw.",
        BUSY_TIMEOUT_MS / 1000
    )]
    Bezet,
    /// The disk reported a read or write error.
    #[error(
        "De schijf gaf een lees- of schrijffout ({0}): er is niets opgeslagen. Controleer de schijf (en of een netwerkschijf nog bereikbaar is) en probeer het opnieuw."
    )]
    Schijffout(String),
    /// Any other database error.
    #[error("databasefout: {0}")]
    Sqlite(rusqlite::Error),
    /// An error of the PostgreSQL server (the server's own message).
    #[error("databasefout (PostgreSQL): {0}")]
    Postgres(String),
    /// The connection with the shared register (PostgreSQL) failed or broke.
    #[error(
        "De verbinding met het gedeelde register is verbroken ({0}): wat niet was opgeslagen, is niet opgeslagen. Controleer het netwerk en of de databaseserver draait, en probeer het opnieuw."
    )]
    Verbinding(String),
    /// A part of the app that does not yet run on a shared register.
    #[error(
        "{0} werkt nog niet op een gedeeld register (PostgreSQL); er is niets gewijzigd. Gebruik hiervoor (nog) een register op deze computer (SQLite)"
    )]
    NogNietGedeeld(String),
    /// A file could not be read or written.
    #[error("bestandsfout: {0}")]
    Io(std::io::Error),
}

impl StoreFout {
    /// Whether this is an error of the register's surroundings (disk full,
    /// read-only, locked, I/O): nothing further can succeed now, so a
    /// writer stops at once instead of going on with the next statement.
    #[must_use]
    pub fn is_omgeving(&self) -> bool {
        matches!(
            self,
            StoreFout::SchijfVol
                | StoreFout::AlleenLezen
                | StoreFout::Bezet
                | StoreFout::Schijffout(_)
                | StoreFout::Verbinding(_)
        )
    }
}

/// The one place where SQLite's result codes become the store's errors:
/// every `?` on a `rusqlite::Error` in the store (and in `report`, which
/// maps through [`StoreFout`]) passes here, so a full disk, a read-only
/// register, a lock held too long or an I/O error is said once, in Dutch.
impl From<rusqlite::Error> for StoreFout {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match &e {
            rusqlite::Error::SqliteFailure(f, tekst) => match f.code {
                ErrorCode::DiskFull => StoreFout::SchijfVol,
                ErrorCode::ReadOnly => StoreFout::AlleenLezen,
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => StoreFout::Bezet,
                ErrorCode::SystemIoFailure => {
                    StoreFout::Schijffout(tekst.clone().unwrap_or_else(|| f.to_string()))
                }
                _ => StoreFout::Sqlite(e),
            },
            _ => StoreFout::Sqlite(e),
        }
    }
}

/// The one place where PostgreSQL's errors become the store's: a full
/// disk, a read-only server, a lock held too long and a broken connection
/// are said as on SQLite; any other error carries the server's message.
impl From<postgres::Error> for StoreFout {
    fn from(e: postgres::Error) -> Self {
        let tekst = match e.as_db_error() {
            Some(db) => match db.detail() {
                Some(d) => format!("{} ({d})", db.message()),
                None => db.message().to_owned(),
            },
            None => e.to_string(),
        };
        let Some(code) = e.code() else {
            return if e.is_closed() || e.as_db_error().is_none() {
                StoreFout::Verbinding(tekst)
            } else {
                StoreFout::Postgres(tekst)
            };
        };
        match code.code() {
            "53100" => StoreFout::SchijfVol,
            "25006" => StoreFout::AlleenLezen,
            "55P03" | "57014" => StoreFout::Bezet,
            c if c.starts_with("08") || c.starts_with("57P") => StoreFout::Verbinding(tekst),
            "58030" => StoreFout::Schijffout(tekst),
            _ => StoreFout::Postgres(tekst),
        }
    }
}

/// File errors: a full disk and a read-only disk are said the same way as
/// SQLite's.
impl From<std::io::Error> for StoreFout {
    fn from(e: std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                StoreFout::SchijfVol
            }
            std::io::ErrorKind::ReadOnlyFilesystem => StoreFout::AlleenLezen,
            _ => StoreFout::Io(e),
        }
    }
}

/// Joins field errors into one line.
#[must_use]
pub fn veldfouten_tekst(fouten: &[Veldfout]) -> String {
    fouten
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Sets the pragmas every connection needs.
fn pragmas(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_millis(BUSY_TIMEOUT_MS))?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // In-memory databases answer "memory"; files switch to WAL.
    let _modus: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // 32 MB page cache: the report and the werkvoorraad read a large register at random.
    conn.pragma_update(None, "cache_size", -32_768)?;
    Ok(())
}

/// Opens (creating if needed) the register at `pad` and brings its schema
/// up to date. Only the window's first start, `import` and `demo` (and
/// tests) create a register; every other command uses [`open_bestaand`].
/// A file that is not a wijkregister register is refused before anything
/// is written to it. A new register and its folder are owner-only; an
/// existing one with looser modes is tightened, with a warning
/// ([`neem_waarschuwingen`]).
pub fn open(pad: &Path) -> Result<Connection, StoreFout> {
    open_met(pad, true)
}

/// Opens the existing register at `pad`; refuses, creating nothing (no
/// folder either), a path that does not exist or an empty file.
pub fn open_bestaand(pad: &Path) -> Result<Connection, StoreFout> {
    open_met(pad, false)
}

fn open_met(pad: &Path, aanmaken: bool) -> Result<Connection, StoreFout> {
    let tekst = || pad.display().to_string();
    let nieuw = match std::fs::metadata(pad) {
        Ok(m) if m.len() > 0 => false,
        Ok(_) if !aanmaken => return Err(StoreFout::LeegBestand(tekst())),
        Ok(_) => true,
        Err(_) if !aanmaken => return Err(StoreFout::GeenBestand(tekst())),
        Err(_) => {
            if let Some(map) = pad.parent() {
                bestanden::maak_map(map)?;
            }
            match bestanden::maak_nieuw(pad) {
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e.into()),
            }
            true
        }
    };
    let openen = |bron| StoreFout::Openen { pad: tekst(), bron };
    let mut conn = Connection::open_with_flags(
        pad,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(openen)?;
    conn.busy_timeout(Duration::from_millis(BUSY_TIMEOUT_MS))
        .map_err(openen)?;
    // Before anything is written (WAL changes the header): is this a register?
    if !nieuw {
        voorcontrole(&conn, pad)?;
    }
    pragmas(&conn).map_err(|bron| match bron {
        rusqlite::Error::SqliteFailure(e, _) if e.code == rusqlite::ErrorCode::NotADatabase => {
            StoreFout::GeenRegister(tekst())
        }
        bron => openen(bron),
    })?;
    let aangescherpt = bestanden::scherp_aan(pad).unwrap_or_default();
    if !aangescherpt.is_empty() {
        waarschuw(format!(
            "let op: {} was leesbaar voor anderen dan de eigenaar; de rechten zijn nu alleen voor de eigenaar (0600)",
            aangescherpt
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    transactie::bewaak(&mut conn)?;
    migraties::migreer(&conn)?;
    sleutel::stel_in(&conn, pad)?;
    // The chain head at every start, outside the file.
    let _ = sleutel::veranker(&conn, "start", None);
    // Partial copies of a killed backup or export (not those another
    // instance is writing now: they are locked).
    let backups = backup::backup_map(pad);
    let map = pad
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    bestanden::ruim_restanten_op(&[map, &backups], sleutel::restanten_van(pad).as_deref());
    Ok(conn)
}

/// Checks, reading only, that an existing file is a wijkregister register
/// of a version this build knows (or an empty SQLite database).
fn voorcontrole(conn: &Connection, pad: &Path) -> Result<(), StoreFout> {
    let geen = || StoreFout::GeenRegister(pad.display().to_string());
    let versie = migraties::versie(conn).map_err(|_| geen())?;
    let app: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|_| geen())?;
    if app != 0 && app != sleutel::TOEPASSING_ID {
        return Err(geen());
    }
    if versie > migraties::schema_versie() {
        return Err(StoreFout::TeNieuw {
            gevonden: versie,
            bekend: migraties::schema_versie(),
        });
    }
    let tabellen: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table'
               AND name IN ('instelling', 'inwoner', 'melding', 'toekenning', 'voorziening')",
            [],
            |r| r.get(0),
        )
        .map_err(|_| geen())?;
    let alles: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(|_| geen())?;
    match versie {
        0 if alles == 0 => Ok(()),
        0 => Err(geen()),
        _ if tabellen == 5 => Ok(()),
        _ => Err(geen()),
    }
}

/// How many bytes of register one byte of exchange file becomes, at most
/// (measured on demo registers: about 0.8; indexes included).
const REGISTER_PER_JSONL_BYTE: u64 = 1;

/// Checks, before an import starts, that the disk of the register at `db`
/// has room for importing `bestand`: the register grows by about the file's
/// size and the WAL by as much again until the checkpoint after the import,
/// plus a margin of 10 % and 16 MB. Where the system cannot tell the free
/// space, the import goes ahead (a full disk then still stores nothing).
pub fn past_import(db: &Path, bestand: &Path) -> Result<(), StoreFout> {
    let grootte = std::fs::metadata(bestand)?.len();
    let nodig = grootte
        .saturating_mul(2 * REGISTER_PER_JSONL_BYTE)
        .saturating_add(grootte / 10)
        .saturating_add(16 << 20);
    match bestanden::vrije_ruimte(db) {
        Some(vrij) if vrij < nodig => Err(StoreFout::TeWeinigRuimte {
            pad: db.display().to_string(),
            nodig_mb: nodig.div_ceil(1 << 20),
            vrij_mb: vrij >> 20,
        }),
        _ => Ok(()),
    }
}

/// Warnings of opening (modes tightened), until taken.
static WAARSCHUWINGEN: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

fn waarschuw(tekst: String) {
    if let Ok(mut lijst) = WAARSCHUWINGEN.lock() {
        lijst.push(tekst);
    }
}

/// Takes the warnings [`open`] gave since the last call (each is given
/// once): the command line prints them, the window shows them.
#[must_use]
pub fn neem_waarschuwingen() -> Vec<String> {
    WAARSCHUWINGEN
        .lock()
        .map(|mut l| std::mem::take(&mut *l))
        .unwrap_or_default()
}

/// Opens a fresh in-memory register (tests, benchmarks), with a random
/// audit key of its own.
pub fn open_in_memory() -> Result<Connection, StoreFout> {
    let mut conn = Connection::open_in_memory()?;
    pragmas(&conn)?;
    transactie::bewaak(&mut conn)?;
    migraties::migreer(&conn)?;
    sleutel::stel_in_geheugen(&conn)?;
    Ok(conn)
}

/// The default database: `register.sqlite` in the user's data directory.
#[must_use]
pub fn standaard_pad() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("wijkregister")
        .join("register.sqlite")
}

/// Reads a setting.
pub fn instelling<'a>(
    db: impl Into<db::Db<'a>>,
    sleutel: &str,
) -> Result<Option<String>, StoreFout> {
    db.into().query_opt(
        "SELECT waarde FROM instelling WHERE sleutel = ?1",
        &[&sleutel],
        |r| r.get(0),
    )
}

/// Writes a setting.
pub fn zet_instelling<'a>(
    db: impl Into<db::Db<'a>>,
    sleutel: &str,
    waarde: &str,
) -> Result<(), StoreFout> {
    db.into().execute(
        "INSERT INTO instelling (sleutel, waarde) VALUES (?1, ?2)
         ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde",
        &[&sleutel, &waarde],
    )?;
    Ok(())
}

/// Whether the register holds no residents yet (the app then offers demo data or an import).
pub fn is_leeg<'a>(db: impl Into<db::Db<'a>>) -> Result<bool, StoreFout> {
    let aantal: i64 = db.into().query_one(
        "SELECT count(*) FROM (SELECT 1 FROM inwoner LIMIT 1) AS eerste",
        &[],
        |r| r.get(0),
    )?;
    Ok(aantal == 0)
}
