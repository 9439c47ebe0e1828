//! Backups: consistent copies through SQLite's online backup, the daily
//! backup beside the database (the last 14 kept), restore with a check that
//! the file is a register this build can open, and `PRAGMA quick_check`.
//!
//! A backup is written to a temporary file in the target folder and renamed
//! when complete, so a crash never leaves a half backup under the real name.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};

use super::{StoreFout, migraties};

/// How many daily backups are kept.
pub const BEWAAR_AANTAL: usize = 14;

/// Pages copied per backup step (the step yields between them to writers).
const PAGINAS_PER_STAP: std::ffi::c_int = 1024;

/// Writes a consistent copy of the open register to `doel`.
pub fn maak_backup(conn: &Connection, doel: &Path) -> Result<(), StoreFout> {
    let map = doel
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(map)?;
    let naam = doel
        .file_name()
        .map_or_else(|| "backup".into(), |n| n.to_string_lossy().into_owned());
    let tijdelijk = map.join(format!(".{naam}.bezig"));
    let _ = std::fs::remove_file(&tijdelijk);
    {
        let mut kopie = Connection::open(&tijdelijk)?;
        {
            let backup = Backup::new(conn, &mut kopie)?;
            backup.run_to_completion(PAGINAS_PER_STAP, Duration::from_millis(5), None)?;
        }
        // The copy is a self-contained file without WAL.
        kopie.pragma_update(None, "journal_mode", "DELETE")?;
    }
    std::fs::rename(&tijdelijk, doel)?;
    Ok(())
}

/// Runs `PRAGMA quick_check`; `Ok(())` when the database is sound, otherwise
/// the problems SQLite reports.
pub fn snelle_controle(conn: &Connection) -> Result<(), StoreFout> {
    let mut stmt = conn.prepare("PRAGMA quick_check")?;
    let regels: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    if regels.len() == 1 && regels[0] == "ok" {
        Ok(())
    } else {
        Err(StoreFout::Beschadigd(regels.join("; ")))
    }
}

/// Checks that `pad` is a sound register of a version this build can open;
/// returns its schema version.
pub fn controleer_register(pad: &Path) -> Result<u32, StoreFout> {
    let tekst = pad.display().to_string();
    if !pad.is_file() {
        return Err(StoreFout::NietGevonden(tekst));
    }
    let conn =
        Connection::open_with_flags(pad, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|bron| {
            StoreFout::Openen {
                pad: tekst.clone(),
                bron,
            }
        })?;
    let versie = migraties::versie(&conn).map_err(|_| StoreFout::GeenRegister(tekst.clone()))?;
    if versie == 0 {
        return Err(StoreFout::GeenRegister(tekst));
    }
    if versie > migraties::schema_versie() {
        return Err(StoreFout::TeNieuw {
            gevonden: versie,
            bekend: migraties::schema_versie(),
        });
    }
    let tabellen: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table'
           AND name IN ('instelling', 'inwoner', 'melding', 'toekenning', 'ave', 'voorziening')",
        [],
        |r| r.get(0),
    )?;
    if tabellen != 6 {
        return Err(StoreFout::GeenRegister(tekst));
    }
    snelle_controle(&conn)?;
    Ok(versie)
}

/// Replaces the content of the open register with the register in `bron`,
/// after checking it; a backup of the current state is written first to
/// `veiligheidskopie`. The restored register is migrated to the current version.
pub fn herstel(
    conn: &mut Connection,
    bron: &Path,
    veiligheidskopie: &Path,
) -> Result<(), StoreFout> {
    controleer_register(bron)?;
    maak_backup(conn, veiligheidskopie)?;
    let bron_conn = Connection::open_with_flags(bron, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    {
        let backup = Backup::new(&bron_conn, conn)?;
        backup.run_to_completion(PAGINAS_PER_STAP, Duration::from_millis(5), None)?;
    }
    migraties::migreer(conn)?;
    snelle_controle(conn)
}

/// The folder of the daily backups of the register at `db`: `<naam>-backups` beside it.
#[must_use]
pub fn backup_map(db: &Path) -> PathBuf {
    let stam = db
        .file_stem()
        .map_or_else(|| "register".into(), |s| s.to_string_lossy().into_owned());
    db.parent()
        .unwrap_or(Path::new("."))
        .join(format!("{stam}-backups"))
}

/// The daily backups of `db`, oldest first.
pub fn backups(db: &Path) -> Result<Vec<PathBuf>, StoreFout> {
    let map = backup_map(db);
    if !map.is_dir() {
        return Ok(Vec::new());
    }
    let mut lijst: Vec<PathBuf> = std::fs::read_dir(&map)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                n.starts_with("backup-") && n.ends_with(".sqlite")
            })
        })
        .collect();
    lijst.sort();
    Ok(lijst)
}

/// Writes today's backup of `db` unless one exists, then keeps only the
/// last [`BEWAAR_AANTAL`]. Returns the new backup's path, or `None` when
/// today's backup was already there. Opens its own connection, so it can run
/// on a background thread beside the app.
pub fn dagelijkse_backup(db: &Path, vandaag: NaiveDate) -> Result<Option<PathBuf>, StoreFout> {
    let doel = backup_map(db).join(format!("backup-{}.sqlite", vandaag.format("%Y-%m-%d")));
    if doel.exists() {
        return Ok(None);
    }
    let conn = super::open(db)?;
    maak_backup(&conn, &doel)?;
    let lijst = backups(db)?;
    if lijst.len() > BEWAAR_AANTAL {
        for oud in &lijst[..lijst.len() - BEWAAR_AANTAL] {
            std::fs::remove_file(oud)?;
        }
    }
    Ok(Some(doel))
}
