//! Backups: consistent, compressed copies through SQLite's online backup,
//! the daily backup beside the database (the last 14 kept), restore after a
//! full check, and `PRAGMA quick_check`.
//!
//! **A backup** is copied page by page into an owner-only temporary SQLite
//! file, gzip-compressed into a second temporary file (a register is mostly
//! text and compresses to a fraction of its size), logged in the register's
//! audit log, anchored (its chain head and file name outside the register,
//! `store::sleutel`) and only then renamed to its name. A backup that
//! cannot be logged (read-only register, write lock busy) leaves nothing;
//! a killed one leaves a temporary file that the next start removes.
//!
//! **A restore** decompresses into a temporary file and checks it before
//! the register is touched: a register of a version this build knows,
//! `integrity_check`, its audit chain verified with this register's key
//! (and, for a backup this register made, its head as the anchor recorded
//! it), and after migrating the copy to the current version its schema
//! identical to a new register's (tables, columns, indexes, triggers).
//! Anything else is refused and the register is left as it was. Then the
//! current state is kept as a `voor-herstel` backup, the copy replaces the
//! register, and the restore is logged and anchored.

use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};

use super::audit::{self, Logregel, Resultaat, Verificatie};
use super::bestanden::{self, Tijdelijk};
use super::{StoreFout, migraties, sleutel};

/// How many daily backups are kept.
pub const BEWAAR_AANTAL: usize = 14;

/// The extension of a (compressed) backup.
pub const EXTENSIE: &str = ".sqlite.gz";

/// The first bytes of a gzip file.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Pages copied per backup step (the step yields between them to writers).
const PAGINAS_PER_STAP: std::ffi::c_int = 1024;

/// What a backup wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backupverslag {
    /// The backup file.
    pub pad: PathBuf,
    /// Its size on disk (compressed).
    pub bytes: u64,
    /// The size of the register it copied.
    pub register_bytes: u64,
    /// The audit log's last row in the copy.
    pub tot_regel: i64,
}

/// The folder of `pad`, or `.`.
fn map_van(pad: &Path) -> &Path {
    pad.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The register's file behind `conn`, if it is one.
fn db_van(conn: &Connection) -> Option<PathBuf> {
    conn.path().filter(|p| !p.is_empty()).map(PathBuf::from)
}

/// Writes a consistent, compressed copy of the open register to `doel`,
/// logged as `actor` before it gets its name. See the module documentation.
pub fn maak_backup(
    conn: &Connection,
    doel: &Path,
    actor: &str,
) -> Result<Backupverslag, StoreFout> {
    maak_backup_begrensd(conn, doel, actor, None)
}

/// [`maak_backup`] with the copy limited to `max_paginas` pages of the
/// register (`PRAGMA max_page_count`): how tests make the target disk "full".
#[doc(hidden)]
pub fn maak_backup_begrensd(
    conn: &Connection,
    doel: &Path,
    actor: &str,
    max_paginas: Option<u32>,
) -> Result<Backupverslag, StoreFout> {
    let object = format!("bestand:{}", doel.display());
    let log = |resultaat, details: Option<&str>| {
        audit::log(
            conn,
            &Logregel {
                tijdstip: &crate::klok::Klok::systeem().audit_tijdstip(),
                actor,
                actie: "backup",
                object: Some(&object),
                doel: None,
                resultaat,
                details,
            },
        )
        .map(|_| ())
    };
    let uitkomst = schrijf_kopie(conn, doel, max_paginas, |kopie| {
        log(
            Resultaat::Gelukt,
            Some(&format!(
                "auditlog tot en met regel {}; {} bytes gecomprimeerd van {}",
                kopie.tot_regel, kopie.bytes, kopie.register_bytes
            )),
        )
    });
    if let Err(fout) = &uitkomst
        && !fout.is_omgeving()
    {
        // The failure itself is logged where the log can still be written.
        let _ = log(Resultaat::Mislukt, None);
    }
    uitkomst
}

/// Copies, compresses, calls `log` (which must succeed), anchors and
/// renames. Nothing is left at `doel` or beside it when any step fails.
fn schrijf_kopie(
    conn: &Connection,
    doel: &Path,
    max_paginas: Option<u32>,
    log: impl FnOnce(&Backupverslag) -> Result<(), StoreFout>,
) -> Result<Backupverslag, StoreFout> {
    bestanden::maak_map(map_van(doel))?;
    let restanten = db_van(conn).and_then(|db| sleutel::restanten_van(&db));
    let ruw = Tijdelijk::nieuw(doel, restanten.as_deref())?;
    let (register_bytes, tot_regel, kop_hash) = {
        let mut kopie = Connection::open(ruw.pad())?;
        // A temporary file: no journal beside it to leave behind.
        kopie.pragma_update(None, "journal_mode", "OFF")?;
        if let Some(max) = max_paginas {
            kopie.pragma_update(None, "max_page_count", max)?;
        }
        {
            let backup = Backup::new(conn, &mut kopie)?;
            backup.run_to_completion(PAGINAS_PER_STAP, Duration::from_millis(5), None)?;
        }
        kopie.pragma_update(None, "journal_mode", "DELETE")?;
        let kop = audit::kop(&kopie)?;
        drop(kopie);
        let bytes = std::fs::metadata(ruw.pad())?.len();
        let (n, h) = kop.unwrap_or((0, audit::BEGIN_HASH.to_owned()));
        (bytes, n, h)
    };
    let mut gz = Tijdelijk::nieuw(doel, restanten.as_deref())?;
    {
        let mut invoer = BufReader::new(std::fs::File::open(ruw.pad())?);
        let mut uit = GzEncoder::new(BufWriter::new(gz.bestand()?), Compression::default());
        std::io::copy(&mut invoer, &mut uit)?;
        uit.finish()?.flush()?;
    }
    gz.sync()?;
    drop(ruw);
    let verslag = Backupverslag {
        pad: doel.to_path_buf(),
        bytes: std::fs::metadata(gz.pad())?.len(),
        register_bytes,
        tot_regel,
    };
    log(&verslag)?;
    let naam = doel.file_name().map(|n| n.to_string_lossy().into_owned());
    let _ = sleutel::veranker_kop(conn, tot_regel, &kop_hash, "backup", naam.as_deref());
    gz.zet_op_plaats()?;
    Ok(verslag)
}

/// Runs `PRAGMA quick_check`; `Ok(())` when the database is sound, otherwise
/// the problems SQLite reports.
pub fn snelle_controle(conn: &Connection) -> Result<(), StoreFout> {
    controle(conn, "quick_check")
}

fn controle(conn: &Connection, pragma: &str) -> Result<(), StoreFout> {
    let mut stmt = conn.prepare(&format!("PRAGMA {pragma}"))?;
    let regels: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    if regels.len() == 1 && regels[0] == "ok" {
        Ok(())
    } else {
        Err(StoreFout::Beschadigd(regels.join("; ")))
    }
}

/// Whether `pad` starts like a gzip file.
fn is_gzip(pad: &Path) -> Result<bool, StoreFout> {
    let mut kop = [0_u8; 2];
    let mut f = std::fs::File::open(pad)?;
    Ok(f.read(&mut kop)? == 2 && kop == GZIP_MAGIC)
}

/// Decompresses (or copies) the backup `bron` into an owner-only temporary
/// file beside `doel`.
fn pak_uit(bron: &Path, doel: &Path, restanten: Option<&Path>) -> Result<Tijdelijk, StoreFout> {
    let niet_gevonden = || StoreFout::NietGevonden(bron.display().to_string());
    if !bron.is_file() {
        return Err(niet_gevonden());
    }
    bestanden::maak_map(map_van(doel))?;
    let mut tijdelijk = Tijdelijk::nieuw(doel, restanten)?;
    {
        let invoer = BufReader::new(std::fs::File::open(bron)?);
        let mut uit = BufWriter::new(tijdelijk.bestand()?);
        if is_gzip(bron)? {
            std::io::copy(&mut GzDecoder::new(invoer), &mut uit).map_err(|e| {
                if e.kind() == std::io::ErrorKind::InvalidInput
                    || e.kind() == std::io::ErrorKind::InvalidData
                    || e.kind() == std::io::ErrorKind::UnexpectedEof
                {
                    StoreFout::Beschadigd(format!(
                        "{} is geen volledige gecomprimeerde backup ({e})",
                        bron.display()
                    ))
                } else {
                    StoreFout::from(e)
                }
            })?;
        } else {
            std::io::copy(&mut { invoer }, &mut uit)?;
        }
        uit.flush()?;
    }
    tijdelijk.sync()?;
    Ok(tijdelijk)
}

/// Checks that `pad` (a backup, compressed or not) is a sound register of a
/// version this build can open; returns its schema version. Reads only.
pub fn controleer_register(pad: &Path) -> Result<u32, StoreFout> {
    let tijdelijk = pak_uit(
        pad,
        &std::env::temp_dir().join("wijkregister-controle"),
        None,
    )?;
    controleer_kopie(tijdelijk.pad(), pad)
}

/// Version and soundness of an unpacked copy at `kopie` of `bron`.
fn controleer_kopie(kopie: &Path, bron: &Path) -> Result<u32, StoreFout> {
    let tekst = bron.display().to_string();
    let conn =
        Connection::open_with_flags(kopie, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|bron| {
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
           AND name IN ('instelling', 'inwoner', 'melding', 'toekenning', 'voorziening')",
        [],
        |r| r.get(0),
    )?;
    if tabellen != 5 {
        return Err(StoreFout::GeenRegister(tekst));
    }
    controle(&conn, "integrity_check")?;
    Ok(versie)
}

/// The schema as SQLite reports it, whitespace made uniform.
fn schema_van(conn: &Connection) -> Result<Vec<(String, String, String)>, StoreFout> {
    let mut stmt = conn.prepare(
        "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name",
    )?;
    let rijen = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                audit::normaliseer_sql(&r.get::<_, String>(2)?),
            ))
        })?
        .collect::<Result<_, _>>()?;
    Ok(rijen)
}

/// Tables before triggers before indexes, for naming the first difference.
fn soort_volgorde(soort: &str) -> u8 {
    match soort {
        "table" => 0,
        "trigger" => 1,
        "index" => 2,
        _ => 3,
    }
}

/// Refuses a restore: the register stays as it was.
fn geweigerd(bron: &Path, reden: impl std::fmt::Display) -> StoreFout {
    StoreFout::HerstelGeweigerd(format!(
        "{} wordt niet teruggezet: {reden}; het register is ongewijzigd",
        bron.display()
    ))
}

/// Checks the unpacked copy at `kopie` for a restore into `conn`: version,
/// integrity, audit chain with `conn`'s key and anchor, and (after
/// migrating the copy) the schema of a new register.
fn controleer_voor_herstel(conn: &Connection, kopie: &Path, bron: &Path) -> Result<u32, StoreFout> {
    let versie = controleer_kopie(kopie, bron)?;
    let sleutel = sleutel::van(conn)?;
    let k = Connection::open(kopie)?;
    k.pragma_update(None, "journal_mode", "MEMORY")?;
    sleutel::zet_op_verbinding(&k, &sleutel)?;
    match audit::verifieer_keten(&k, false)? {
        Verificatie::Intact { .. } => {}
        Verificatie::Gebroken { volgnummer, reden } => {
            return Err(geweigerd(
                bron,
                format!("het auditlog van de backup is gebroken bij regel {volgnummer} ({reden})"),
            ));
        }
    }
    let kop = audit::kop(&k)?;
    let (n, hash) = kop.clone().unwrap_or((0, audit::BEGIN_HASH.to_owned()));
    // A backup this register made: its head as the anchor recorded it.
    let naam = bron.file_name().map(|n| n.to_string_lossy().into_owned());
    if let Some(punt) = sleutel::ankers(conn, &sleutel)?
        .iter()
        .rev()
        .find(|a| a.soort == "backup" && a.naam == naam)
        && (punt.volgnummer, punt.hash.as_str()) != (n, hash.as_str())
    {
        return Err(geweigerd(
            bron,
            format!(
                "het auditlog van de backup eindigt bij regel {n}, maar toen de backup werd gemaakt eindigde het bij regel {} (regels zijn verwijderd of vervangen)",
                punt.volgnummer
            ),
        ));
    }
    // Rows from before the key are sealed in this register: a backup's
    // old rows must be the same.
    if n > 0
        && n < sleutel.vanaf
        && let Some(eigen) = audit::hash_van_regel(conn, n)?
        && eigen != hash
    {
        return Err(geweigerd(
            bron,
            format!("regel {n} van het auditlog van de backup verschilt van die in dit register"),
        ));
    }
    migraties::migreer(&k)?;
    let verwacht = schema_van(&super::open_in_memory()?)?;
    let gevonden = schema_van(&k)?;
    // Tables first: a dropped table also drops its indexes and triggers.
    let mut verschillen: Vec<(u8, String)> = verwacht
        .iter()
        .filter(|v| !gevonden.contains(v))
        .map(|(t, naam, _)| {
            (
                soort_volgorde(t),
                format!("{t} {naam} ontbreekt of is anders"),
            )
        })
        .chain(
            gevonden
                .iter()
                .filter(|g| !verwacht.iter().any(|v| v.0 == g.0 && v.1 == g.1))
                .map(|(t, naam, _)| {
                    (
                        soort_volgorde(t),
                        format!("{t} {naam} hoort niet in een register"),
                    )
                }),
        )
        .collect();
    verschillen.sort();
    if let Some((_, verschil)) = verschillen.into_iter().next() {
        return Err(geweigerd(
            bron,
            format!("het schema wijkt af van schemaversie {versie}: {verschil}"),
        ));
    }
    Ok(versie)
}

/// Replaces the content of the open register with the backup `bron`
/// (compressed or not) after checking it; the current state is first kept
/// as a backup at `veiligheidskopie`. The restore is logged as `actor`.
/// Returns the backup's schema version.
pub fn herstel(
    conn: &mut Connection,
    bron: &Path,
    veiligheidskopie: &Path,
    actor: &str,
) -> Result<u32, StoreFout> {
    let db = db_van(conn);
    let werkmap = db.as_deref().map_or_else(std::env::temp_dir, backup_map);
    let restanten = db.as_deref().and_then(sleutel::restanten_van);
    let naam = bron
        .file_name()
        .map_or_else(|| "backup".into(), |n| n.to_string_lossy().into_owned());
    let kopie = pak_uit(bron, &werkmap.join(&naam), restanten.as_deref())?;
    let versie = controleer_voor_herstel(conn, kopie.pad(), bron)?;
    let huidig = schrijf_kopie(conn, veiligheidskopie, None, |_| Ok(()))?;
    let vanaf_nu = {
        let bron_conn = Connection::open_with_flags(kopie.pad(), OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let backup = Backup::new(&bron_conn, conn)?;
        backup.run_to_completion(PAGINAS_PER_STAP, Duration::from_millis(5), None)?;
        drop(backup);
        audit::kop(&*conn)?.map_or(1, |(n, _)| n + 1)
    };
    drop(kopie);
    // The restored chain goes on with this register's key.
    sleutel::verlaag_vanaf(conn, vanaf_nu)?;
    conn.pragma_update(None, "application_id", sleutel::TOEPASSING_ID)?;
    audit::log(
        &*conn,
        &Logregel {
            tijdstip: &crate::klok::Klok::systeem().audit_tijdstip(),
            actor,
            actie: "restore",
            object: Some(&format!("bestand:{}", bron.display())),
            doel: None,
            resultaat: Resultaat::Gelukt,
            details: Some(&format!(
                "schemaversie {versie}; de stand van daarvoor (auditlog tot en met regel {}) staat in {}",
                huidig.tot_regel,
                veiligheidskopie.display()
            )),
        },
    )?;
    sleutel::veranker(conn, "herstel", None)?;
    snelle_controle(conn)?;
    Ok(versie)
}

/// The folder of the daily backups of the register at `db`: `<naam>-backups` beside it.
#[must_use]
pub fn backup_map(db: &Path) -> PathBuf {
    bestanden::map_naast(db, "backups")
}

/// Where a restore keeps the state it replaces: `voor-herstel-<moment>`
/// in the backup folder of `db`.
#[must_use]
pub fn voor_herstel_pad(db: &Path) -> PathBuf {
    let nu = crate::klok::Klok::systeem().nu().format("%Y-%m-%d-%H%M%S");
    backup_map(db).join(format!("voor-herstel-{nu}{EXTENSIE}"))
}

/// The daily backups of `db` (compressed, and plain ones of earlier
/// versions), oldest first.
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
                n.starts_with("backup-") && (n.ends_with(".sqlite") || n.ends_with(EXTENSIE))
            })
        })
        .collect();
    lijst.sort();
    Ok(lijst)
}

/// A size in bytes as a reader says it (`3,4 MB`, `12 kB`).
#[must_use]
pub fn grootte(bytes: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / MB).replace('.', ",")
    } else {
        format!("{} kB", bytes.div_ceil(1024))
    }
}

/// What the backup folder of a register holds, for Beheer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backupoverzicht {
    /// The folder.
    pub map: PathBuf,
    /// Every backup file in it (daily and `voor-herstel`), newest first,
    /// with its size in bytes.
    pub bestanden: Vec<(PathBuf, u64)>,
    /// Their total size in bytes.
    pub totaal_bytes: u64,
    /// The register's own size (with its WAL) in bytes.
    pub register_bytes: u64,
}

/// The backups beside the register at `db`: count, sizes and the
/// register's size to compare with.
pub fn overzicht(db: &Path) -> Result<Backupoverzicht, StoreFout> {
    let map = backup_map(db);
    let mut bestanden: Vec<(PathBuf, u64)> = Vec::new();
    if map.is_dir() {
        for e in std::fs::read_dir(&map)?.filter_map(Result::ok) {
            let pad = e.path();
            let naam = e.file_name().to_string_lossy().into_owned();
            if !naam.starts_with('.')
                && (naam.ends_with(".sqlite") || naam.ends_with(EXTENSIE))
                && let Ok(m) = e.metadata()
            {
                bestanden.push((pad, m.len()));
            }
        }
    }
    bestanden.sort_by(|a, b| b.0.cmp(&a.0));
    let register_bytes = [
        db.to_path_buf(),
        PathBuf::from(format!("{}-wal", db.display())),
    ]
    .iter()
    .filter_map(|p| std::fs::metadata(p).ok())
    .map(|m| m.len())
    .sum();
    Ok(Backupoverzicht {
        totaal_bytes: bestanden.iter().map(|(_, b)| b).sum(),
        map,
        bestanden,
        register_bytes,
    })
}

/// Writes today's backup of `db` unless one exists, logged as `systeem`,
/// then keeps only the last [`BEWAAR_AANTAL`]. Returns the new backup's
/// path, or `None` when today's backup was already there. Opens its own
/// connection, so it can run on a background thread beside the app.
pub fn dagelijkse_backup(db: &Path, vandaag: NaiveDate) -> Result<Option<PathBuf>, StoreFout> {
    let stam = format!("backup-{}", vandaag.format("%Y-%m-%d"));
    let map = backup_map(db);
    let doel = map.join(format!("{stam}{EXTENSIE}"));
    if doel.exists() || map.join(format!("{stam}.sqlite")).exists() {
        return Ok(None);
    }
    let conn = super::open_bestaand(db)?;
    bestanden::maak_eigen_map(&map)?;
    maak_backup(&conn, &doel, "systeem")?;
    let lijst = backups(db)?;
    if lijst.len() > BEWAAR_AANTAL {
        for oud in &lijst[..lijst.len() - BEWAAR_AANTAL] {
            std::fs::remove_file(oud)?;
        }
    }
    Ok(Some(doel))
}
