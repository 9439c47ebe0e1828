//! The register's files on disk: created readable by their owner only,
//! written through a temporary file that is logged before it is renamed
//! into place, leftovers of a killed run removed, and free space checked.
//!
//! **Owner-only.** The register, its `-wal` and `-shm`, the key and anchor,
//! backups, `voor-herstel` copies and every export hold personal data, so
//! every file is created with mode 0600 and every folder wijkregister makes
//! with 0700, whatever the umask (the mode is given to `open(2)` and then
//! set explicitly; SQLite gives `-wal` and `-shm` the mode of the database
//! file). A register found with looser modes is tightened ([`scherp_aan`]).
//! On systems without Unix modes these functions do nothing beyond creating.
//!
//! **Logged before it exists.** An export or backup is written to a
//! [`Tijdelijk`] file beside its target: owner-only, locked while it is
//! written, with a name ending in [`TIJDELIJK_ACHTERVOEGSEL`]. The caller
//! logs the export, and only then calls [`Tijdelijk::zet_op_plaats`]; a
//! `Tijdelijk` dropped before that removes its file, so a failed log leaves
//! nothing behind. A killed process leaves its temporary file; the next
//! start removes every unlocked one it knows of ([`ruim_restanten_op`]).

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::StoreFout;

/// How the name of every temporary file ends.
pub const TIJDELIJK_ACHTERVOEGSEL: &str = ".wijkregister-tmp";

/// Mode of every file wijkregister writes.
#[cfg(unix)]
const BESTAND_MODUS: u32 = 0o600;
/// Mode of every folder wijkregister makes.
#[cfg(unix)]
const MAP_MODUS: u32 = 0o700;

/// A folder beside the register at `db`: `<naam>-<soort>` (`register-backups`,
/// `register-sleutel`).
#[must_use]
pub fn map_naast(db: &Path, soort: &str) -> PathBuf {
    let stam = db
        .file_stem()
        .map_or_else(|| "register".into(), |s| s.to_string_lossy().into_owned());
    db.parent()
        .unwrap_or(Path::new("."))
        .join(format!("{stam}-{soort}"))
}

/// Creates `map` (and missing parents) owner-only. A folder that already
/// exists is left as it is: it may be the user's own (Documents, a share).
pub fn maak_map(map: &Path) -> std::io::Result<()> {
    if map.as_os_str().is_empty() || map.is_dir() {
        return Ok(());
    }
    let mut bouwer = std::fs::DirBuilder::new();
    bouwer.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        bouwer.mode(MAP_MODUS);
    }
    bouwer.create(map)?;
    zet_modus(map, true)
}

/// Makes an existing folder of wijkregister's own (backups, key) owner-only.
pub fn maak_eigen_map(map: &Path) -> std::io::Result<()> {
    maak_map(map)?;
    zet_modus(map, true)
}

/// Sets the owner-only mode on `pad` (0700 for a folder, 0600 for a file).
#[cfg_attr(not(unix), allow(unused_variables))]
fn zet_modus(pad: &Path, map: bool) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let modus = if map { MAP_MODUS } else { BESTAND_MODUS };
        std::fs::set_permissions(pad, std::fs::Permissions::from_mode(modus))?;
    }
    Ok(())
}

/// Opens `pad` for writing, created new and owner-only (it must not exist).
pub fn maak_nieuw(pad: &Path) -> std::io::Result<File> {
    let mut opties = OpenOptions::new();
    opties.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opties.mode(BESTAND_MODUS);
    }
    let bestand = opties.open(pad)?;
    zet_modus(pad, false)?;
    Ok(bestand)
}

/// Whether others than the owner may read or write `pad`.
#[must_use]
pub fn is_te_open(pad: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(pad).is_ok_and(|m| m.permissions().mode() & 0o077 != 0)
    }
    #[cfg(not(unix))]
    {
        let _ = pad;
        false
    }
}

/// Makes one existing file owner-only.
pub fn scherp_aan_bestand(pad: &Path) -> std::io::Result<()> {
    zet_modus(pad, false)
}

/// Tightens the register at `db`, its `-wal`, `-shm` and `-journal` files
/// to owner-only where they are looser; returns the files it changed.
pub fn scherp_aan(db: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut aangescherpt = Vec::new();
    for pad in bijbestanden(db) {
        if pad.is_file() && is_te_open(&pad) {
            zet_modus(&pad, false)?;
            aangescherpt.push(pad);
        }
    }
    Ok(aangescherpt)
}

/// The register file and the files SQLite keeps beside it.
fn bijbestanden(db: &Path) -> Vec<PathBuf> {
    let mut lijst = vec![db.to_path_buf()];
    for achter in ["-wal", "-shm", "-journal"] {
        let mut naam = db.as_os_str().to_owned();
        naam.push(achter);
        lijst.push(PathBuf::from(naam));
    }
    lijst
}

/// Distinguishes the temporary files of one process.
static VOLGNUMMER: AtomicU64 = AtomicU64::new(0);

/// A file being written beside its target, removed unless it is put in
/// place. See the module documentation.
#[derive(Debug)]
pub struct Tijdelijk {
    pad: PathBuf,
    doel: PathBuf,
    bestand: Option<File>,
}

impl Tijdelijk {
    /// Creates an owner-only, locked temporary file in the folder of
    /// `doel` (which must exist). `restanten` is a list file where its name
    /// is noted, so the next start can remove it if this process is killed.
    pub fn nieuw(doel: &Path, restanten: Option<&Path>) -> Result<Tijdelijk, StoreFout> {
        let naam = doel
            .file_name()
            .map_or_else(|| "bestand".into(), |n| n.to_string_lossy().into_owned());
        let map = doel
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let pad = map.join(format!(
            ".{naam}.{}-{}{TIJDELIJK_ACHTERVOEGSEL}",
            std::process::id(),
            VOLGNUMMER.fetch_add(1, Ordering::Relaxed)
        ));
        if let Some(lijst) = restanten {
            noteer_restant(lijst, &pad)?;
        }
        let bestand = maak_nieuw(&pad)?;
        // Held until the file is closed: the clean-up of another start
        // leaves a locked file alone.
        bestand.try_lock().map_err(|e| match e {
            std::fs::TryLockError::Error(e) => StoreFout::from(e),
            std::fs::TryLockError::WouldBlock => {
                StoreFout::Io(std::io::Error::other("tijdelijk bestand is vergrendeld"))
            }
        })?;
        Ok(Tijdelijk {
            pad,
            doel: doel.to_path_buf(),
            bestand: Some(bestand),
        })
    }

    /// The temporary file's path.
    #[must_use]
    pub fn pad(&self) -> &Path {
        &self.pad
    }

    /// The target the file will get.
    #[must_use]
    pub fn doel(&self) -> &Path {
        &self.doel
    }

    /// The open file, to write into.
    pub fn bestand(&mut self) -> Result<&mut File, StoreFout> {
        self.bestand.as_mut().ok_or_else(|| {
            StoreFout::Io(std::io::Error::other(
                "het tijdelijke bestand is al gesloten",
            ))
        })
    }

    /// Writes `inhoud` as the whole file.
    pub fn schrijf(&mut self, inhoud: &[u8]) -> Result<(), StoreFout> {
        self.bestand()?.write_all(inhoud)?;
        Ok(())
    }

    /// Flushes the file to disk (before it is logged).
    pub fn sync(&mut self) -> Result<(), StoreFout> {
        self.bestand()?.sync_all()?;
        Ok(())
    }

    /// Renames the file to its target (after the caller logged it).
    pub fn zet_op_plaats(mut self) -> Result<PathBuf, StoreFout> {
        self.sync()?;
        std::fs::rename(&self.pad, &self.doel)?;
        // Renamed: nothing to remove on drop any more.
        self.bestand = None;
        self.pad = self.doel.clone();
        if let Some(map) = self.doel.parent().filter(|p| !p.as_os_str().is_empty())
            && let Ok(m) = File::open(map)
        {
            let _ = m.sync_all();
        }
        Ok(self.doel.clone())
    }
}

impl Drop for Tijdelijk {
    fn drop(&mut self) {
        if self.bestand.take().is_some() {
            let _ = std::fs::remove_file(&self.pad);
        }
    }
}

/// Opens `pad` to append to, created owner-only if it is not there.
pub fn open_aanvullend(pad: &Path) -> std::io::Result<File> {
    let mut opties = OpenOptions::new();
    opties.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opties.mode(BESTAND_MODUS);
    }
    opties.open(pad)
}

/// Notes a temporary file's path in the list `lijst` (created owner-only).
fn noteer_restant(lijst: &Path, pad: &Path) -> Result<(), StoreFout> {
    let volledig = std::path::absolute(pad)?;
    let mut f = open_aanvullend(lijst)?;
    writeln!(f, "{}", volledig.display())?;
    Ok(())
}

/// Removes leftover temporary files of killed runs: every file ending in
/// [`TIJDELIJK_ACHTERVOEGSEL`] in `mappen`, and every path noted in the
/// list `restanten` (which is then emptied), unless another process still
/// holds it locked. Returns how many were removed.
pub fn ruim_restanten_op(mappen: &[&Path], restanten: Option<&Path>) -> usize {
    let mut kandidaten: Vec<PathBuf> = Vec::new();
    for map in mappen {
        if let Ok(lijst) = std::fs::read_dir(map) {
            kandidaten.extend(
                lijst
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| is_tijdelijk(p)),
            );
        }
    }
    let mut bewaar = Vec::new();
    if let Some(lijst) = restanten
        && let Ok(tekst) = std::fs::read_to_string(lijst)
    {
        kandidaten.extend(tekst.lines().map(PathBuf::from).filter(|p| is_tijdelijk(p)));
    }
    let mut verwijderd = 0;
    kandidaten.sort();
    kandidaten.dedup();
    for pad in kandidaten {
        let Ok(f) = OpenOptions::new().write(true).open(&pad) else {
            continue;
        };
        if f.try_lock().is_ok() {
            drop(f);
            if std::fs::remove_file(&pad).is_ok() {
                verwijderd += 1;
            }
        } else {
            bewaar.push(pad);
        }
    }
    if let Some(lijst) = restanten
        && lijst.is_file()
    {
        let tekst = bewaar.iter().fold(String::new(), |mut t, p| {
            t.push_str(&p.display().to_string());
            t.push('\n');
            t
        });
        let _ = std::fs::write(lijst, tekst);
    }
    verwijderd
}

/// Whether `pad` names one of wijkregister's temporary files.
fn is_tijdelijk(pad: &Path) -> bool {
    pad.file_name()
        .is_some_and(|n| n.to_string_lossy().ends_with(TIJDELIJK_ACHTERVOEGSEL))
}

/// Bytes free for an ordinary user on the disk that holds `pad` (a file
/// or a folder; the nearest existing folder above it is asked). `None`
/// where the system cannot tell.
#[must_use]
pub fn vrije_ruimte(pad: &Path) -> Option<u64> {
    let mut map = if pad.is_dir() {
        pad.to_path_buf()
    } else {
        pad.parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    };
    while !map.as_os_str().is_empty() && !map.is_dir() {
        map = map.parent().map(Path::to_path_buf).unwrap_or_default();
    }
    if map.as_os_str().is_empty() {
        map = PathBuf::from(".");
    }
    #[cfg(unix)]
    {
        rustix::fs::statvfs(&map)
            .ok()
            .map(|s| s.f_bavail.saturating_mul(s.f_frsize))
    }
    #[cfg(not(unix))]
    {
        let _ = map;
        None
    }
}
