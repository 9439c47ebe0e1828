//! The shared register on PostgreSQL (issue #17): the foundation.
//!
//! What stands: the address ([`adres`]: a `postgresql://` URL read into a
//! `postgres::Config`, the password from the URL or a `.pgpass`), the
//! connection with TLS when the URL asks for it ([`verbinding`]), the
//! schema with its own frozen, numbered migrations ([`migraties`]), the
//! audit key of a server register ([`sleutel`]), an open register
//! ([`open_bestaand`]) whose audit log verifies as on SQLite ([`audit`]),
//! and `overzetten`, copying a whole register between SQLite and
//! PostgreSQL ([`overzetten`]). The store's other functions, the report and
//! the window still run on SQLite only.

pub mod adres;
pub mod audit;
pub mod migraties;
pub mod overzetten;
pub mod sleutel;
pub mod verbinding;

use std::path::{Path, PathBuf};

pub use adres::{PgAdres, TlsModus};

use super::StoreFout;
use super::sleutel::{Sleutel, lees_map};

/// An open PostgreSQL register: the connection, its address and the audit
/// key from its key folder ([`sleutel`]). The seam the store's functions
/// on PostgreSQL will take (issue #17); today [`audit::verifieer`] uses it.
pub struct PgRegister {
    /// The connection.
    pub client: postgres::Client,
    /// Where it is (for messages, without password).
    pub adres: PgAdres,
    /// The audit key, with the anchor file beside it.
    pub sleutel: Sleutel,
}

/// Opens the existing PostgreSQL register at `adres`: connects, brings the
/// schema up to date, reads the audit key from `sleutelmap` (default
/// [`sleutel::standaard_map`]). A database without the register's schema
/// is refused and left untouched, as is a register whose key is missing.
pub fn open_bestaand(adres: &PgAdres, sleutelmap: Option<&Path>) -> Result<PgRegister, PgFout> {
    let mut client = verbinding::verbind(adres)?;
    if migraties::versie(&mut client)? == 0 {
        return Err(PgFout::Schema(format!(
            "{} is (nog) geen wijkregister-register: er is geen schema. Zet er een register in met 'wijkregister overzetten'",
            adres.tekst()
        )));
    }
    migraties::migreer(&mut client)?;
    let sleutel = lees_map(&sleutel::map_voor(adres, sleutelmap))?;
    Ok(PgRegister {
        client,
        adres: adres.clone(),
        sleutel,
    })
}

/// Opens the PostgreSQL register at `adres` for the store's functions
/// ([`crate::store::db::Db::Postgres`]): connects, brings the schema up to
/// date and reads the audit key from `sleutelmap` (default
/// [`sleutel::standaard_map`]).
///
/// With `aanmaken` (the window's first start, `import`, `demo`) an empty
/// database becomes a new register: the schema, and a new audit key in
/// the key folder. Without it an empty database is refused, untouched. A
/// register whose key folder is missing is refused, never given a new key
/// (its log could then no longer be checked).
pub fn open_register(
    adres: &PgAdres,
    sleutelmap: Option<&Path>,
    aanmaken: bool,
) -> Result<crate::store::db::PgVerbinding, PgFout> {
    let mut client = verbinding::verbind(adres)?;
    if !aanmaken && migraties::versie(&mut client)? == 0 {
        return Err(PgFout::Schema(format!(
            "{} is (nog) geen wijkregister-register: er is geen schema. Zet er een register in met 'wijkregister overzetten', 'import' of 'demo'",
            adres.tekst()
        )));
    }
    migraties::migreer(&mut client)?;
    let map = sleutel::map_voor(adres, sleutelmap);
    let sleutel = if map.join("sleutel").is_file() {
        lees_map(&map)?
    } else {
        let regels: i64 = client.query_one("SELECT count(*) FROM audit", &[])?.get(0);
        if regels > 0 {
            return Err(PgFout::Store(StoreFout::SleutelOntbreekt(
                map.display().to_string(),
            )));
        }
        crate::store::sleutel::maak_voor_leeg_register(&map)?
    };
    Ok(crate::store::db::PgVerbinding::nieuw(client, sleutel))
}

/// Where a register lives: the `--db` argument (and `overzetten`'s
/// `--van`/`--naar`) read as a SQLite file or a PostgreSQL URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bestemming {
    /// A SQLite file.
    Sqlite(PathBuf),
    /// A PostgreSQL database.
    Postgres(PgAdres),
}

impl Bestemming {
    /// Whether `tekst` names a PostgreSQL database (`postgresql://` or
    /// `postgres://`); anything else is a path.
    #[must_use]
    pub fn is_postgres(tekst: &str) -> bool {
        adres::SCHEMAS.iter().any(|s| tekst.starts_with(s))
    }

    /// Reads an argument: a PostgreSQL URL (checked now, with a Dutch
    /// error naming what is wrong) or a path.
    pub fn lees(tekst: &str) -> Result<Bestemming, PgFout> {
        if Bestemming::is_postgres(tekst) {
            Ok(Bestemming::Postgres(PgAdres::lees(tekst)?))
        } else {
            Ok(Bestemming::Sqlite(PathBuf::from(tekst)))
        }
    }

    /// For messages: the path, or the URL without its password.
    #[must_use]
    pub fn tekst(&self) -> String {
        match self {
            Bestemming::Sqlite(p) => p.display().to_string(),
            Bestemming::Postgres(a) => a.tekst(),
        }
    }
}

/// What can go wrong with a PostgreSQL register, in Dutch. No message
/// carries a password.
#[derive(Debug, thiserror::Error)]
pub enum PgFout {
    /// The URL is not a usable PostgreSQL address.
    #[error(
        "ongeldig PostgreSQL-adres: {0}. Verwacht: postgresql://gebruiker[:wachtwoord]@host[:poort]/database[?sslmode=require|verify-full]"
    )]
    Adres(String),
    /// No connection could be made.
    #[error("geen verbinding met PostgreSQL op {adres}: {reden}")]
    Verbinden {
        /// The address without password.
        adres: String,
        /// Why.
        reden: String,
    },
    /// TLS could not be set up (certificates).
    #[error("TLS voor PostgreSQL kon niet worden ingesteld: {0}")]
    Tls(String),
    /// The database is not (or not yet) a wijkregister register.
    #[error("{0}")]
    Schema(String),
    /// The register cannot be moved as asked; nothing was changed.
    #[error("{0}")]
    Overzetten(String),
    /// An error of the server.
    #[error("databasefout (PostgreSQL): {}", pg_tekst(.0))]
    Database(#[from] postgres::Error),
    /// An error of the SQLite side or of the key files.
    #[error(transparent)]
    Store(#[from] StoreFout),
    /// A file could not be read or written.
    #[error("bestandsfout: {0}")]
    Io(#[from] std::io::Error),
}

impl From<rusqlite::Error> for PgFout {
    fn from(e: rusqlite::Error) -> Self {
        PgFout::Store(StoreFout::from(e))
    }
}

/// The server's own message (with detail) where it sent one.
fn pg_tekst(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => match db.detail() {
            Some(d) => format!("{} ({d})", db.message()),
            None => db.message().to_owned(),
        },
        None => e.to_string(),
    }
}
