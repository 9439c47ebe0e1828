//! The audit log's key and anchor: what lies outside the register file so
//! that whoever holds only the file cannot quietly rewrite the log.
//!
//! **Where.** Beside the register `<map>/<naam>.sqlite`, in the owner-only
//! folder `<map>/<naam>-sleutel/` (0700): `sleutel` (0600) holds a random
//! 256-bit HMAC-SHA256 key and the first row it covers (`vanaf`), `anker`
//! (0600) is an append-only list of chain heads, `restanten` lists
//! temporary files to remove after a crash. The folder is found from the
//! register's path, so a register moved with its folder stays verifiable;
//! the daily backups (`<naam>-backups/`) and any copy of the file alone do
//! not carry the key. README "Beveiliging en privacy" argues the choice.
//!
//! **Per connection.** [`stel_in`] puts the key in a `TEMP` table of the
//! connection (never in the file); `store::audit` reads it there, or, on a
//! connection opened without `store::open` (a raw one), from the folder
//! beside the connection's file. An in-memory register (tests) gets a
//! random key and keeps its anchor in a second `TEMP` table. A server
//! register (issue #17) would fill the same two things from the server.
//!
//! **Upgrade.** A register of an earlier version has a plain SHA-256
//! chain and no key folder: [`stel_in`] makes the key with `vanaf` = the
//! next row, and writes one keyed row (`auditlog-sleutel`) that chains onto
//! the old rows, so from then on any change to an old row breaks that keyed
//! link. The register is then marked (`PRAGMA application_id` =
//! [`TOEPASSING_ID`]): a marked register whose key folder is missing is
//! refused, never silently given a new key.
//!
//! **Anchor.** Each line is `volgnummer hash tijdstip soort[ naam]`: the
//! chain head at a start, a backup (with the backup's file name), an
//! export or a restore. Lines from the last restore on must all still be in
//! the log; see `store::audit::verifieer`.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use argon2::password_hash::rand_core::{OsRng, RngCore};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::{StoreFout, bestanden};

/// `PRAGMA application_id` of a register whose audit log is keyed ("WKRG").
pub const TOEPASSING_ID: i32 = 0x574B_5247;

/// First line of a key file.
const KOP: &str = "wijkregister-auditsleutel 1";

/// The key of one register.
#[derive(Clone)]
pub struct Sleutel {
    /// The HMAC-SHA256 secret.
    pub(crate) geheim: [u8; 32],
    /// The first `volgnummer` chained with the key; rows before it carry
    /// the plain SHA-256 of an earlier version.
    pub vanaf: i64,
    /// Where the anchor is: a file, or `None` for the connection's TEMP table.
    pub(crate) anker: Option<PathBuf>,
    /// How the rows before `vanaf` were chained.
    pub voor: Voor,
}

/// How the rows before a key's `vanaf` were chained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voor {
    /// The plain SHA-256 chain of an earlier version.
    Sha256,
    /// An in-memory register's public key ([`GEHEUGENSLEUTEL`]): a register
    /// made in memory (tests) and then copied to a file.
    Geheugen,
}

impl Voor {
    fn code(self) -> &'static str {
        match self {
            Voor::Sha256 => "sha256",
            Voor::Geheugen => "geheugen",
        }
    }

    fn van_code(code: &str) -> Option<Voor> {
        match code {
            "sha256" => Some(Voor::Sha256),
            "geheugen" => Some(Voor::Geheugen),
            _ => None,
        }
    }
}

/// The key of every in-memory register. Not a secret: an in-memory
/// register (tests, benchmarks) lives only as long as its process, and a
/// copy of one written to a file is sealed like an earlier version's log
/// when that file is first opened (its rows before `vanaf`).
pub const GEHEUGENSLEUTEL: [u8; 32] = *b"wijkregister: geen geheim (test)";

impl std::fmt::Debug for Sleutel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sleutel")
            .field("vanaf", &self.vanaf)
            .field("anker", &self.anker)
            .field("voor", &self.voor)
            .finish_non_exhaustive()
    }
}

/// One line of the anchor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ankerpunt {
    /// The chain head's sequence number (0: the log was empty).
    pub volgnummer: i64,
    /// Its stored hash.
    pub hash: String,
    /// When (UTC, the log's form).
    pub tijdstip: String,
    /// `start`, `backup`, `export`, `herstel`, `sleutel`.
    pub soort: String,
    /// For a backup: its file name.
    pub naam: Option<String>,
}

/// The key folder of the register at `db`: `<naam>-sleutel` beside it.
#[must_use]
pub fn map_van(db: &Path) -> PathBuf {
    bestanden::map_naast(db, "sleutel")
}

/// The list of temporary files of the register at `db` (see
/// `bestanden::Tijdelijk`), when its key folder exists.
#[must_use]
pub fn restanten_van(db: &Path) -> Option<PathBuf> {
    let map = map_van(db);
    map.is_dir().then(|| map.join("restanten"))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn ontbreekt(map: &Path) -> StoreFout {
    StoreFout::SleutelOntbreekt(map.display().to_string())
}

/// Reads the key file in `map` (anchor beside it).
pub fn lees_map(map: &Path) -> Result<Sleutel, StoreFout> {
    let pad = map.join("sleutel");
    let tekst = std::fs::read_to_string(&pad).map_err(|_| ontbreekt(map))?;
    let kapot = || StoreFout::SleutelOngeldig(pad.display().to_string());
    let mut regels = tekst.lines();
    if regels.next() != Some(KOP) {
        return Err(kapot());
    }
    let mut geheim = None;
    let mut vanaf = None;
    let mut voor = Voor::Sha256;
    for regel in regels {
        match regel.split_once(' ') {
            Some(("hmac-sha256", h)) if h.len() == 64 => {
                let mut g = [0_u8; 32];
                for (i, b) in g.iter_mut().enumerate() {
                    *b = u8::from_str_radix(h.get(2 * i..2 * i + 2).ok_or_else(kapot)?, 16)
                        .map_err(|_| kapot())?;
                }
                geheim = Some(g);
            }
            Some(("vanaf", n)) => vanaf = Some(n.parse::<i64>().map_err(|_| kapot())?),
            Some(("voor", v)) => voor = Voor::van_code(v).ok_or_else(kapot)?,
            _ => return Err(kapot()),
        }
    }
    Ok(Sleutel {
        geheim: geheim.ok_or_else(kapot)?,
        vanaf: vanaf.filter(|v| *v >= 1).ok_or_else(kapot)?,
        anker: Some(map.join("anker")),
        voor,
    })
}

/// Writes the key file in `map` atomically. With `nieuw`, fails with
/// `AlreadyExists` when another process wrote one first.
fn schrijf_sleutelbestand(map: &Path, sleutel: &Sleutel, nieuw: bool) -> std::io::Result<()> {
    let tekst = format!(
        "{KOP}\nhmac-sha256 {}\nvanaf {}\nvoor {}\n",
        hex(&sleutel.geheim),
        sleutel.vanaf,
        sleutel.voor.code()
    );
    let tijdelijk = map.join(format!(".sleutel.{}", std::process::id()));
    let _ = std::fs::remove_file(&tijdelijk);
    {
        let mut f = bestanden::maak_nieuw(&tijdelijk)?;
        f.write_all(tekst.as_bytes())?;
        f.sync_all()?;
    }
    let doel = map.join("sleutel");
    let gedaan = if nieuw {
        std::fs::hard_link(&tijdelijk, &doel)
    } else {
        std::fs::rename(&tijdelijk, &doel)
    };
    let _ = std::fs::remove_file(&tijdelijk);
    gedaan
}

/// Puts `sleutel` on the connection (TEMP table, not in the file).
pub(crate) fn zet_op_verbinding(conn: &Connection, sleutel: &Sleutel) -> Result<(), StoreFout> {
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS wijkregister_sleutel (
             geheim BLOB NOT NULL, vanaf INTEGER NOT NULL, anker TEXT, voor TEXT NOT NULL);
         DELETE FROM temp.wijkregister_sleutel;",
    )?;
    conn.execute(
        "INSERT INTO temp.wijkregister_sleutel (geheim, vanaf, anker, voor) VALUES (?1, ?2, ?3, ?4)",
        params![
            sleutel.geheim.as_slice(),
            sleutel.vanaf,
            sleutel.anker.as_ref().map(|p| p.display().to_string()),
            sleutel.voor.code()
        ],
    )?;
    Ok(())
}

/// A fresh random key from the operating system.
fn nieuw_geheim() -> [u8; 32] {
    let mut g = [0_u8; 32];
    OsRng.fill_bytes(&mut g);
    g
}

/// Gives an in-memory register its key ([`GEHEUGENSLEUTEL`]) and an
/// anchor in a TEMP table.
pub fn stel_in_geheugen(conn: &Connection) -> Result<(), StoreFout> {
    conn.execute_batch("CREATE TEMP TABLE IF NOT EXISTS wijkregister_anker (regel TEXT NOT NULL)")?;
    zet_op_verbinding(
        conn,
        &Sleutel {
            geheim: GEHEUGENSLEUTEL,
            vanaf: 1,
            anker: None,
            voor: Voor::Sha256,
        },
    )
}

/// The register's `application_id`.
fn toepassing_id(conn: &Connection) -> Result<i32, StoreFout> {
    Ok(conn.pragma_query_value(None, "application_id", |r| r.get(0))?)
}

/// Sets up the key of the file register at `db` on `conn`: reads it from
/// the key folder, or makes it for a new or upgraded register (see the
/// module documentation). A marked register without its key is refused.
pub fn stel_in(conn: &Connection, db: &Path) -> Result<(), StoreFout> {
    let map = map_van(db);
    if map.join("sleutel").is_file() {
        let sleutel = lees_map(&map)?;
        bestanden::maak_eigen_map(&map)?;
        for bestand in ["sleutel", "anker", "restanten"] {
            let pad = map.join(bestand);
            if pad.is_file() && bestanden::is_te_open(&pad) {
                bestanden::scherp_aan_bestand(&pad)?;
            }
        }
        zet_op_verbinding(conn, &sleutel)?;
        if toepassing_id(conn)? != TOEPASSING_ID && !conn.is_readonly("main")? {
            conn.pragma_update(None, "application_id", TOEPASSING_ID)?;
        }
        return Ok(());
    }
    if toepassing_id(conn)? == TOEPASSING_ID {
        return Err(ontbreekt(&map));
    }
    // A new register, or one of an earlier version: make the key, in one
    // transaction with the upgrade row and the mark.
    let gemaakt = super::transactie::voer_uit(conn, |tx| maak_sleutel(tx, &map))?;
    if !gemaakt {
        // Another instance made it a moment ago.
        zet_op_verbinding(conn, &lees_map(&map)?)?;
        return Ok(());
    }
    let _ = veranker(conn, "sleutel", None);
    Ok(())
}

/// Makes the key of a new, empty server register (issue #17) in `map`
/// (created owner-only), covering the log from its first row, with an
/// empty anchor beside it. Refuses a folder that already holds a key.
pub(crate) fn maak_voor_leeg_register(map: &Path) -> Result<Sleutel, StoreFout> {
    bestanden::maak_eigen_map(map)?;
    let sleutel = Sleutel {
        geheim: nieuw_geheim(),
        vanaf: 1,
        anker: Some(map.join("anker")),
        voor: Voor::Sha256,
    };
    schrijf_sleutelbestand(map, &sleutel, true)?;
    drop(bestanden::open_aanvullend(&map.join("anker"))?);
    Ok(sleutel)
}

/// Makes the key of a new or upgraded register (see [`stel_in`]); `false`
/// when another instance wrote one first.
fn maak_sleutel(tx: &Transaction<'_>, map: &Path) -> Result<bool, StoreFout> {
    let kop = super::audit::kop(tx)?;
    let vanaf = kop.as_ref().map_or(1, |(n, _)| n + 1);
    bestanden::maak_eigen_map(map)?;
    // How the existing rows were chained: an earlier version's SHA-256, or
    // an in-memory register's public key (a copy written to a file).
    let mut sleutel = Sleutel {
        geheim: nieuw_geheim(),
        vanaf,
        anker: Some(map.join("anker")),
        voor: Voor::Sha256,
    };
    let mut oud = super::audit::Verificatie::Intact { regels: 0 };
    if kop.is_some() {
        for voor in [Voor::Sha256, Voor::Geheugen] {
            zet_op_verbinding(
                tx,
                &Sleutel {
                    voor,
                    ..sleutel.clone()
                },
            )?;
            let v = super::audit::verifieer_keten(tx, false)?;
            let intact = matches!(v, super::audit::Verificatie::Intact { .. });
            if intact || voor == Voor::Sha256 {
                sleutel.voor = voor;
                oud = v;
            }
            if intact {
                break;
            }
        }
    }
    match schrijf_sleutelbestand(map, &sleutel, true) {
        Ok(()) => {
            // The anchor exists from the key's first moment on.
            drop(bestanden::open_aanvullend(&map.join("anker"))?);
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Ok(false),
        Err(e) => return Err(e.into()),
    }
    zet_op_verbinding(tx, &sleutel)?;
    if let Some((laatste, _)) = kop {
        let oud = match oud {
            super::audit::Verificatie::Intact { regels } => {
                format!("de oude keten was bij het invoeren intact ({regels} regels)")
            }
            super::audit::Verificatie::Gebroken { volgnummer, reden } => format!(
                "de oude keten was bij het invoeren al gebroken bij regel {volgnummer}: {reden}"
            ),
        };
        let details = format!(
            "HMAC-SHA256 vanaf regel {vanaf}; regels 1 tot en met {laatste} zijn met de oude keten ({}) vastgelegd en vanaf nu door deze regel verzegeld; {oud}",
            if sleutel.voor == Voor::Sha256 {
                "SHA-256"
            } else {
                "sleutel van een register in het geheugen"
            }
        );
        super::audit::log(
            tx,
            &super::audit::Logregel {
                tijdstip: &crate::klok::Klok::systeem().audit_tijdstip(),
                actor: "systeem",
                actie: "auditlog-sleutel",
                object: Some("auditlog"),
                doel: None,
                resultaat: super::audit::Resultaat::Gelukt,
                details: Some(&details),
            },
        )?;
    }
    tx.pragma_update(None, "application_id", TOEPASSING_ID)?;
    Ok(true)
}

/// The key of the register behind `conn`: from the connection (set by
/// `store::open`), else from the folder beside the connection's file.
pub fn van(conn: &Connection) -> Result<Sleutel, StoreFout> {
    let op_verbinding: bool = conn
        .prepare_cached(
            "SELECT count(*) > 0 FROM sqlite_temp_schema WHERE name = 'wijkregister_sleutel'",
        )?
        .query_row([], |r| r.get(0))?;
    if op_verbinding
        && let Some((geheim, vanaf, anker, voor)) = conn
            .prepare_cached("SELECT geheim, vanaf, anker, voor FROM temp.wijkregister_sleutel")?
            .query_row([], |r| {
                Ok((
                    r.get::<_, Vec<u8>>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })
            .optional()?
    {
        let geheim: [u8; 32] = geheim
            .try_into()
            .map_err(|_| StoreFout::SleutelOngeldig("de sleutel op de verbinding".into()))?;
        return Ok(Sleutel {
            geheim,
            vanaf,
            anker: anker.map(PathBuf::from),
            voor: Voor::van_code(&voor).unwrap_or(Voor::Sha256),
        });
    }
    match conn.path().filter(|p| !p.is_empty()) {
        Some(pad) => lees_map(&map_van(Path::new(pad))),
        None => Err(StoreFout::SleutelOntbreekt(
            "(een register in het geheugen zonder sleutel)".into(),
        )),
    }
}

/// Lowers the key's `vanaf` to `vanaf` (after a restore of a backup from
/// before the key): rows from there on are keyed. Never raises it.
pub(crate) fn verlaag_vanaf(conn: &Connection, vanaf: i64) -> Result<(), StoreFout> {
    let mut sleutel = van(conn)?;
    if vanaf >= sleutel.vanaf {
        return Ok(());
    }
    sleutel.vanaf = vanaf.max(1);
    if let Some(anker) = &sleutel.anker
        && let Some(map) = anker.parent()
    {
        schrijf_sleutelbestand(map, &sleutel, false)?;
    }
    zet_op_verbinding(conn, &sleutel)
}

/// Appends the log's current head to the anchor, as `soort` (with the
/// backup's file name `naam`).
pub fn veranker(conn: &Connection, soort: &str, naam: Option<&str>) -> Result<(), StoreFout> {
    let (volgnummer, hash) =
        super::audit::kop(conn)?.unwrap_or((0, super::audit::BEGIN_HASH.to_owned()));
    veranker_kop(conn, volgnummer, &hash, soort, naam)
}

/// Appends a given head to the anchor.
pub fn veranker_kop(
    conn: &Connection,
    volgnummer: i64,
    hash: &str,
    soort: &str,
    naam: Option<&str>,
) -> Result<(), StoreFout> {
    let sleutel = van(conn)?;
    let mut regel = format!(
        "{volgnummer} {hash} {} {soort}",
        crate::klok::Klok::systeem().audit_tijdstip()
    );
    if let Some(n) = naam {
        regel.push(' ');
        regel.push_str(&n.replace(['\n', '\r'], " "));
    }
    match &sleutel.anker {
        Some(pad) => {
            let mut f = bestanden::open_aanvullend(pad)?;
            // One write per line: appends of two instances never interleave.
            f.write_all(format!("{regel}\n").as_bytes())?;
        }
        None => {
            conn.execute(
                "INSERT INTO temp.wijkregister_anker (regel) VALUES (?1)",
                params![regel],
            )?;
        }
    }
    Ok(())
}

/// Every line of the anchor, oldest first. A missing anchor file is an
/// error (it is made with the key); an unfinished last line (a crash
/// mid-write) is skipped.
pub fn ankers(conn: &Connection, sleutel: &Sleutel) -> Result<Vec<Ankerpunt>, StoreFout> {
    let regels: Vec<String> = if let Some(pad) = &sleutel.anker {
        let tekst = std::fs::read_to_string(pad).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                StoreFout::AnkerOntbreekt(pad.display().to_string())
            } else {
                StoreFout::from(e)
            }
        })?;
        let compleet = tekst.ends_with('\n');
        let mut regels: Vec<String> = tekst.lines().map(str::to_owned).collect();
        if !compleet {
            regels.pop();
        }
        regels
    } else {
        let mut stmt = conn.prepare("SELECT regel FROM temp.wijkregister_anker ORDER BY rowid")?;
        stmt.query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?
    };
    regels
        .iter()
        .map(|r| {
            let mut delen = r.splitn(5, ' ');
            let punt = (|| {
                Some(Ankerpunt {
                    volgnummer: delen.next()?.parse().ok()?,
                    hash: delen.next()?.to_owned(),
                    tijdstip: delen.next()?.to_owned(),
                    soort: delen.next()?.to_owned(),
                    naam: delen.next().map(str::to_owned),
                })
            })();
            punt.ok_or_else(|| {
                StoreFout::SleutelOngeldig(format!("het anker (regel '{r}' is onleesbaar)"))
            })
        })
        .collect()
}
