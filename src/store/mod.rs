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
pub mod bewaartermijn;
pub mod dossier;
pub mod export;
pub mod import;
pub mod indicatorwaarden;
pub mod inwoners;
pub mod klantreis;
pub(crate) mod kolom;
pub mod medewerkers;
pub mod migraties;
pub mod schrijven;
pub mod sociale_kaart;
pub mod sociale_kaart_beheer;
pub mod sociale_kaart_invoer;
pub mod toegang;
pub mod transactie;
pub mod uitwisseling;
pub mod werkvoorraad;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, params};

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
/// up to date.
pub fn open(pad: &Path) -> Result<Connection, StoreFout> {
    if let Some(map) = pad.parent()
        && !map.as_os_str().is_empty()
        && !map.exists()
    {
        std::fs::create_dir_all(map)?;
    }
    let mut conn = Connection::open(pad).map_err(|bron| StoreFout::Openen {
        pad: pad.display().to_string(),
        bron,
    })?;
    pragmas(&conn).map_err(|bron| match bron {
        rusqlite::Error::SqliteFailure(e, _) if e.code == rusqlite::ErrorCode::NotADatabase => {
            StoreFout::GeenRegister(pad.display().to_string())
        }
        bron => StoreFout::Openen {
            pad: pad.display().to_string(),
            bron,
        },
    })?;
    transactie::bewaak(&mut conn)?;
    migraties::migreer(&conn)?;
    Ok(conn)
}

/// Opens a fresh in-memory register (tests, benchmarks).
pub fn open_in_memory() -> Result<Connection, StoreFout> {
    let mut conn = Connection::open_in_memory()?;
    pragmas(&conn)?;
    transactie::bewaak(&mut conn)?;
    migraties::migreer(&conn)?;
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
pub fn instelling(conn: &Connection, sleutel: &str) -> Result<Option<String>, StoreFout> {
    Ok(conn
        .query_row(
            "SELECT waarde FROM instelling WHERE sleutel = ?1",
            params![sleutel],
            |r| r.get(0),
        )
        .optional()?)
}

/// Writes a setting.
pub fn zet_instelling(conn: &Connection, sleutel: &str, waarde: &str) -> Result<(), StoreFout> {
    conn.execute(
        "INSERT INTO instelling (sleutel, waarde) VALUES (?1, ?2)
         ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde",
        params![sleutel, waarde],
    )?;
    Ok(())
}

/// Whether the register holds no residents yet (the app then offers demo data or an import).
pub fn is_leeg(conn: &Connection) -> Result<bool, StoreFout> {
    let aantal: i64 = conn.query_row(
        "SELECT count(*) FROM (SELECT 1 FROM inwoner LIMIT 1)",
        [],
        |r| r.get(0),
    )?;
    Ok(aantal == 0)
}
