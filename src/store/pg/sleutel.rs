//! The audit key of a PostgreSQL register: where it lives and how
//! `overzetten` carries it.
//!
//! The audit chain is keyed (HMAC-SHA256, see `store::sleutel`); the key
//! must lie outside the database, or whoever can write the database could
//! rewrite the log unseen. For a SQLite register it is the folder beside
//! the file. A PostgreSQL register has no file to stand beside, so its key
//! folder (the same two files: `sleutel` and `anker`, owner-only) is by
//! default `<config>/wijkregister/sleutels/<host>_<poort>_<database>/` in
//! the user's configuration folder (`~/.config` on Linux), or the folder
//! given with `--sleutel MAP`. `overzetten` copies the key and anchor along
//! with the register, both ways, so the copied log verifies under the same
//! key.
//!
//! Not yet settled (issue #17): how every desktop of a team gets the key
//! of the shared register (a folder on a protected share via `--sleutel`,
//! or a key held by the server's side); the foundation only moves it.

use std::path::{Path, PathBuf};

use crate::store::{bestanden, sleutel as sqlite_sleutel};

use super::{PgAdres, PgFout};

/// The default key folder of the PostgreSQL register at `adres`.
#[must_use]
pub fn standaard_map(adres: &PgAdres) -> PathBuf {
    let veilig = |t: &str| -> String {
        t.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '.' | '-') {
                    c
                } else {
                    '_'
                }
            })
            .collect()
    };
    dirs::config_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("wijkregister")
        .join("sleutels")
        .join(format!(
            "{}_{}_{}",
            veilig(&adres.host),
            adres.poort,
            veilig(&adres.database)
        ))
}

/// The key folder to use: the chosen one, else the default.
#[must_use]
pub fn map_voor(adres: &PgAdres, gekozen: Option<&Path>) -> PathBuf {
    gekozen.map_or_else(|| standaard_map(adres), Path::to_path_buf)
}

/// Copies the key and anchor from the key folder `van` into `naar`
/// (created owner-only). A folder `naar` that already holds the same key
/// (an earlier attempt of the same copy) is refreshed; one holding another
/// key is refused, and nothing is changed.
pub fn kopieer(van: &Path, naar: &Path) -> Result<(), PgFout> {
    let bron = sqlite_sleutel::lees_map(van)?;
    if naar.join("sleutel").exists() {
        let bestaand = sqlite_sleutel::lees_map(naar).map_err(|_| {
            PgFout::Overzetten(format!(
                "in {} staat al een sleutel die niet te lezen is; er is niets overgezet. Kies met --sleutel een andere map of verwijder die map als zij bij geen register meer hoort",
                naar.display()
            ))
        })?;
        if bestaand.geheim != bron.geheim {
            return Err(PgFout::Overzetten(format!(
                "in {} staat al de sleutel van een ander register; er is niets overgezet. Kies met --sleutel een andere map, of verwijder die map als zij bij geen register meer hoort",
                naar.display()
            )));
        }
    }
    bestanden::maak_eigen_map(naar)?;
    for bestand in ["sleutel", "anker"] {
        let inhoud = std::fs::read(van.join(bestand)).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound && bestand == "anker" {
                PgFout::Store(crate::store::StoreFout::AnkerOntbreekt(
                    van.join(bestand).display().to_string(),
                ))
            } else {
                PgFout::Io(e)
            }
        })?;
        let tijdelijk = naar.join(format!(".{bestand}.{}", std::process::id()));
        let _ = std::fs::remove_file(&tijdelijk);
        {
            use std::io::Write as _;
            let mut f = bestanden::maak_nieuw(&tijdelijk)?;
            f.write_all(&inhoud)?;
            f.sync_all()?;
        }
        std::fs::rename(&tijdelijk, naar.join(bestand))?;
    }
    Ok(())
}
