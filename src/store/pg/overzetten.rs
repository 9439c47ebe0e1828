//! `overzetten`: a whole register from SQLite to PostgreSQL or back.
//!
//! Every table is copied in the order of its foreign keys (the audit log
//! included, its rows as they are, in order), in one transaction on the
//! target, into a target without register data (a SQLite file that does
//! not exist yet; a PostgreSQL database that is empty or holds only the
//! empty schema). Only
//! `ave_niveau`, which a new register fills with the default texts, is
//! replaced by the source's; the tables the target's triggers keep
//! (`ave_stand`) are filled by them, not copied. Before the commit the copy is checked: the
//! row count of every table equals the source's, and the copied audit log
//! verifies under the register's key (on PostgreSQL by loading its rows
//! into an in-memory SQLite log and running `store::audit::verifieer`). The
//! key and anchor travel along (see [`super::sleutel`]). Any failure
//! leaves the target as it was: PostgreSQL rolls back, a new SQLite file
//! and its key folder are removed.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use postgres::Transaction as PgTransactie;
use rusqlite::Connection;
use rusqlite::types::{Value, ValueRef};

use super::{Bestemming, PgAdres, PgFout, migraties, sleutel, verbinding};
use crate::store::{self, audit, sleutel as sqlite_sleutel};

/// The table a new register fills itself; replaced, not counted as data.
const VOORGEVULD: &str = "ave_niveau";

/// Tables the target's triggers fill from the copied rows (schema v12,
/// PostgreSQL v3): not copied, but counted like every table, so a target
/// whose kept rows differ in number from the source's is refused.
const AFGELEID: &[&str] = &["ave_stand"];

/// What was copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verslag {
    /// Every table with its number of rows, in copy order.
    pub tabellen: Vec<(String, u64)>,
    /// Rows of the audit log verified after the copy.
    pub auditregels: u64,
    /// Where the target's audit key now is.
    pub sleutelmap: PathBuf,
}

impl Verslag {
    /// All rows copied.
    #[must_use]
    pub fn rijen(&self) -> u64 {
        self.tabellen.iter().map(|(_, n)| n).sum()
    }
}

/// Copies the register at `van` to the empty target `naar`. `sleutelmap`
/// is the PostgreSQL side's key folder (default: [`sleutel::standaard_map`]).
pub fn overzetten(
    van: &Bestemming,
    naar: &Bestemming,
    sleutelmap: Option<&Path>,
) -> Result<Verslag, PgFout> {
    match (van, naar) {
        (Bestemming::Sqlite(bron), Bestemming::Postgres(doel)) => {
            sqlite_naar_postgres(bron, doel, sleutelmap)
        }
        (Bestemming::Postgres(bron), Bestemming::Sqlite(doel)) => {
            postgres_naar_sqlite(bron, doel, sleutelmap)
        }
        _ => Err(PgFout::Overzetten(
            "overzetten gaat van een SQLite-bestand naar een PostgreSQL-database of terug; geef bij --van en --naar elk één van beide".to_owned(),
        )),
    }
}

/// The register's tables in an order where every table comes after the
/// tables it refers to (self-references aside), from the SQLite schema.
pub fn tabellen_in_volgorde(conn: &Connection) -> Result<Vec<String>, PgFout> {
    let mut namen: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut verwijzingen = Vec::new();
    for naam in &namen {
        let doelen: Vec<String> = conn
            .prepare("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?1)")?
            .query_map([naam], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        verwijzingen.push((naam.clone(), doelen));
    }
    let mut volgorde = Vec::with_capacity(namen.len());
    while !namen.is_empty() {
        let klaar = namen.iter().position(|n| {
            verwijzingen
                .iter()
                .find(|(t, _)| t == n)
                .is_none_or(|(_, doelen)| doelen.iter().all(|d| d == n || volgorde.contains(d)))
        });
        let Some(i) = klaar else {
            return Err(PgFout::Overzetten(format!(
                "de tabellen {} verwijzen in een kring naar elkaar; overzetten kan geen volgorde kiezen",
                namen.join(", ")
            )));
        };
        volgorde.push(namen.remove(i));
    }
    Ok(volgorde)
}

/// The columns of a table, in order.
fn kolommen(conn: &Connection, tabel: &str) -> Result<Vec<String>, PgFout> {
    Ok(conn
        .prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?
        .query_map([tabel], |r| r.get(0))?
        .collect::<Result<_, _>>()?)
}

fn tel_sqlite(conn: &Connection, tabel: &str) -> Result<u64, PgFout> {
    let n: i64 = conn.query_row(&format!("SELECT count(*) FROM \"{tabel}\""), [], |r| {
        r.get(0)
    })?;
    Ok(n.unsigned_abs())
}

fn tel_pg(tx: &mut PgTransactie<'_>, tabel: &str) -> Result<u64, PgFout> {
    let n: i64 = tx
        .query_one(&format!("SELECT count(*) FROM \"{tabel}\""), &[])?
        .get(0);
    Ok(n.unsigned_abs())
}

/// `ORDER BY` that copies the audit log in its order, and the AVE events
/// in the order recorded (the tie-break of two events on one day: SQLite's
/// rowid, PostgreSQL's `volgnummer`), read from a PostgreSQL source when
/// `uit_pg`.
fn volgorde_van(tabel: &str, uit_pg: bool) -> &'static str {
    match (tabel, uit_pg) {
        ("audit", _) | ("ave", true) => " ORDER BY volgnummer",
        ("ave", false) => " ORDER BY rowid",
        _ => "",
    }
}

/// Refuses a PostgreSQL target that holds register data.
fn eis_leeg_pg(
    tx: &mut PgTransactie<'_>,
    tabellen: &[String],
    adres: &PgAdres,
) -> Result<(), PgFout> {
    for tabel in tabellen.iter().filter(|t| *t != VOORGEVULD) {
        let gevuld: bool = tx
            .query_one(&format!("SELECT EXISTS (SELECT 1 FROM \"{tabel}\")"), &[])?
            .get(0);
        if gevuld {
            return Err(PgFout::Overzetten(format!(
                "het doel {} is niet leeg (tabel {tabel} heeft al rijen); overzetten schrijft alleen naar een leeg register, er is niets veranderd",
                adres.tekst()
            )));
        }
    }
    Ok(())
}

/// One value as a field of COPY's text format.
fn copy_veld(
    uit: &mut Vec<u8>,
    waarde: ValueRef<'_>,
    tabel: &str,
    kolom: &str,
) -> Result<(), PgFout> {
    match waarde {
        ValueRef::Null => uit.extend_from_slice(b"\\N"),
        ValueRef::Integer(i) => uit.extend_from_slice(i.to_string().as_bytes()),
        // Rust prints the shortest text that reads back as the same f64.
        ValueRef::Real(f) => uit.extend_from_slice(format!("{f:?}").as_bytes()),
        ValueRef::Text(t) => {
            for &b in t {
                match b {
                    b'\\' => uit.extend_from_slice(b"\\\\"),
                    b'\n' => uit.extend_from_slice(b"\\n"),
                    b'\r' => uit.extend_from_slice(b"\\r"),
                    b'\t' => uit.extend_from_slice(b"\\t"),
                    _ => uit.push(b),
                }
            }
        }
        ValueRef::Blob(_) => {
            return Err(PgFout::Overzetten(format!(
                "kolom {tabel}.{kolom} bevat binaire gegevens, die het register niet kent; er is niets overgezet"
            )));
        }
    }
    Ok(())
}

fn sqlite_naar_postgres(
    bron: &Path,
    doel: &PgAdres,
    sleutelmap: Option<&Path>,
) -> Result<Verslag, PgFout> {
    let conn = store::open_bestaand(bron)?;
    let bronsleutel = sqlite_sleutel::van(&conn)?;
    let bronmap = sqlite_sleutel::map_van(bron);
    let doelmap = sleutel::map_voor(doel, sleutelmap);
    let tabellen = tabellen_in_volgorde(&conn)?;

    let mut client = verbinding::verbind(doel)?;
    migraties::migreer(&mut client)?;
    let mut tx = client.transaction()?;
    eis_leeg_pg(&mut tx, &tabellen, doel)?;
    // One read transaction on the source: every table from one moment.
    let lees = conn.unchecked_transaction()?;
    tx.batch_execute(&format!("DELETE FROM {VOORGEVULD}"))?;
    let mut verslag = Verslag {
        tabellen: Vec::new(),
        auditregels: 0,
        sleutelmap: doelmap.clone(),
    };
    for tabel in &tabellen {
        if AFGELEID.contains(&tabel.as_str()) {
            verslag
                .tabellen
                .push((tabel.clone(), tel_sqlite(&lees, tabel)?));
            continue;
        }
        let kol = kolommen(&lees, tabel)?;
        let lijst = kol
            .iter()
            .map(|k| format!("\"{k}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let mut schrijver = tx.copy_in(&format!("COPY \"{tabel}\" ({lijst}) FROM STDIN"))?;
        let mut stmt = lees.prepare(&format!(
            "SELECT {lijst} FROM \"{tabel}\"{}",
            volgorde_van(tabel, false)
        ))?;
        let mut rijen = stmt.query([])?;
        let mut regel = Vec::with_capacity(256);
        while let Some(r) = rijen.next()? {
            regel.clear();
            for (i, k) in kol.iter().enumerate() {
                if i > 0 {
                    regel.push(b'\t');
                }
                copy_veld(&mut regel, r.get_ref(i)?, tabel, k)?;
            }
            regel.push(b'\n');
            schrijver.write_all(&regel)?;
        }
        schrijver.finish()?;
        verslag
            .tabellen
            .push((tabel.clone(), tel_sqlite(&lees, tabel)?));
    }
    // Identity columns go on after the copied numbers.
    for tabel in ["klantreis_stap", "klantreis_correctie"] {
        tx.batch_execute(&format!(
            "SELECT setval(pg_get_serial_sequence('{tabel}', 'id'), coalesce(max(id), 0) + 1, false) FROM {tabel}"
        ))?;
    }
    drop(lees);
    for (tabel, aantal) in &verslag.tabellen {
        let gekopieerd = tel_pg(&mut tx, tabel)?;
        if gekopieerd != *aantal {
            return Err(PgFout::Overzetten(format!(
                "na het kopiëren telt tabel {tabel} {gekopieerd} rijen in PostgreSQL en {aantal} in {}; er is niets overgezet",
                bron.display()
            )));
        }
    }
    // The key goes along before the audit check reads the anchor beside it;
    // a folder made here goes again when the copy fails.
    let nieuwe_map = !doelmap.join("sleutel").exists();
    let gecontroleerd = sleutel::kopieer(&bronmap, &doelmap).and_then(|()| {
        let doelsleutel = sqlite_sleutel::Sleutel {
            anker: Some(doelmap.join("anker")),
            ..bronsleutel
        };
        let (regels, geheugen) = controleer_pg_audit(&mut tx, &doelsleutel)?;
        verslag.auditregels = regels;
        tx.commit()?;
        // The copied head in the anchor, as at a start.
        let _ = sqlite_sleutel::veranker(&geheugen, "overzetten", None);
        Ok(())
    });
    if let Err(e) = gecontroleerd {
        if nieuwe_map {
            let _ = std::fs::remove_dir_all(&doelmap);
        }
        return Err(e);
    }
    Ok(verslag)
}

/// Verifies the audit log in the PostgreSQL transaction: its rows into an
/// in-memory SQLite log under `sleutel`, then `store::audit::verifieer`.
/// Returns the rows verified and that in-memory log (its head and key
/// anchor the copy after the commit).
fn controleer_pg_audit(
    tx: &mut PgTransactie<'_>,
    sleutel: &sqlite_sleutel::Sleutel,
) -> Result<(u64, Connection), PgFout> {
    let (geheugen, rijen) = super::audit::laad_in_geheugen(tx, sleutel)?;
    let regels = ketencontrole(&geheugen, rijen)?;
    Ok((regels, geheugen))
}

/// The audit check of a copied log: intact, and every row counted.
fn ketencontrole(conn: &Connection, verwacht: u64) -> Result<u64, PgFout> {
    match audit::verifieer(conn)? {
        audit::Verificatie::Intact { regels } if regels == verwacht => Ok(regels),
        audit::Verificatie::Intact { regels } => Err(PgFout::Overzetten(format!(
            "het gekopieerde auditlog telt {regels} regels in plaats van {verwacht}; er is niets overgezet"
        ))),
        audit::Verificatie::Gebroken { volgnummer, reden } => Err(PgFout::Overzetten(format!(
            "het gekopieerde auditlog klopt niet bij regel {volgnummer}: {reden}. Er is niets overgezet (controleer de bron met 'wijkregister audit verify')"
        ))),
    }
}

/// How a PostgreSQL column is read for SQLite: dates and moments as the
/// ISO text SQLite keeps, booleans as 0/1.
fn pg_uitdrukking(kolom: &str, soort: &str) -> String {
    match soort {
        "boolean" => format!("\"{kolom}\"::int4"),
        "date" => format!("to_char(\"{kolom}\", 'YYYY-MM-DD')"),
        "timestamp without time zone" => format!("to_char(\"{kolom}\", 'YYYY-MM-DD HH24:MI:SS')"),
        _ => format!("\"{kolom}\""),
    }
}

/// One PostgreSQL value as a SQLite value.
fn sqlite_waarde(r: &postgres::Row, i: usize) -> Result<Value, PgFout> {
    use postgres::types::Type;
    let soort = r.columns()[i].type_().clone();
    Ok(if soort == Type::INT8 {
        r.try_get::<_, Option<i64>>(i)?
            .map_or(Value::Null, Value::Integer)
    } else if soort == Type::INT4 {
        r.try_get::<_, Option<i32>>(i)?
            .map_or(Value::Null, |v| Value::Integer(i64::from(v)))
    } else if soort == Type::FLOAT8 {
        r.try_get::<_, Option<f64>>(i)?
            .map_or(Value::Null, Value::Real)
    } else {
        r.try_get::<_, Option<String>>(i)?
            .map_or(Value::Null, Value::Text)
    })
}

fn postgres_naar_sqlite(
    bron: &PgAdres,
    doel: &Path,
    sleutelmap: Option<&Path>,
) -> Result<Verslag, PgFout> {
    let doelmap = sqlite_sleutel::map_van(doel);
    if doel.exists() {
        return Err(PgFout::Overzetten(format!(
            "{} bestaat al; overzetten schrijft alleen naar een nieuw bestand, er is niets veranderd",
            doel.display()
        )));
    }
    if doelmap.exists() {
        return Err(PgFout::Overzetten(format!(
            "naast {} staat al een sleutelmap ({}); die hoort bij een ander register. Kies een andere naam of verwijder die map; er is niets veranderd",
            doel.display(),
            doelmap.display()
        )));
    }
    let bronmap = sleutel::map_voor(bron, sleutelmap);
    let mut client = verbinding::verbind(bron)?;
    if migraties::versie(&mut client)? == 0 {
        return Err(PgFout::Schema(format!(
            "{} is (nog) geen wijkregister-register: er is geen schema",
            bron.tekst()
        )));
    }
    migraties::migreer(&mut client)?;
    // Read the key before anything is made.
    sqlite_sleutel::lees_map(&bronmap)?;
    let uitkomst = (|| {
        sleutel::kopieer(&bronmap, &doelmap)?;
        let conn = store::open(doel)?;
        let tabellen = tabellen_in_volgorde(&conn)?;
        let mut lees = client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()?;
        let verslag = store::transactie::voer_uit(&conn, |tx| -> Result<Verslag, PgFout> {
            // toekenning.vorige may point at a later row: check at commit.
            tx.pragma_update(None, "defer_foreign_keys", true)?;
            tx.execute_batch(&format!("DELETE FROM {VOORGEVULD}"))?;
            let mut verslag = Verslag {
                tabellen: Vec::new(),
                auditregels: 0,
                sleutelmap: doelmap.clone(),
            };
            for tabel in tabellen.iter().filter(|t| !AFGELEID.contains(&t.as_str())) {
                let kol = kolommen(tx, tabel)?;
                let soorten: Vec<(String, String)> = lees
                    .query(
                        "SELECT column_name::text, data_type::text FROM information_schema.columns
                         WHERE table_schema = current_schema() AND table_name = $1",
                        &[tabel],
                    )?
                    .iter()
                    .map(|r| (r.get(0), r.get(1)))
                    .collect();
                let mut uitdrukkingen = Vec::with_capacity(kol.len());
                for k in &kol {
                    let soort = soorten.iter().find(|(n, _)| n == k).ok_or_else(|| {
                        PgFout::Schema(format!(
                            "kolom {tabel}.{k} ontbreekt in het PostgreSQL-register"
                        ))
                    })?;
                    uitdrukkingen.push(pg_uitdrukking(k, &soort.1));
                }
                let lijst = kol
                    .iter()
                    .map(|k| format!("\"{k}\""))
                    .collect::<Vec<_>>()
                    .join(", ");
                let plaatsen = (1..=kol.len())
                    .map(|i| format!("?{i}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let mut invoegen = tx.prepare(&format!(
                    "INSERT INTO \"{tabel}\" ({lijst}) VALUES ({plaatsen})"
                ))?;
                let mut aantal = 0_u64;
                let mut rijen = lees.query_raw(
                    &format!(
                        "SELECT {} FROM \"{tabel}\"{}",
                        uitdrukkingen.join(", "),
                        volgorde_van(tabel, true)
                    ),
                    std::iter::empty::<&str>(),
                )?;
                while let Some(r) = postgres::fallible_iterator::FallibleIterator::next(&mut rijen)?
                {
                    let waarden = (0..kol.len())
                        .map(|i| sqlite_waarde(&r, i))
                        .collect::<Result<Vec<_>, _>>()?;
                    invoegen.execute(rusqlite::params_from_iter(waarden))?;
                    aantal += 1;
                }
                drop(rijen);
                let geteld = tel_sqlite(tx, tabel)?;
                if geteld != aantal {
                    return Err(PgFout::Overzetten(format!(
                        "na het kopiëren telt tabel {tabel} {geteld} rijen in {} en {aantal} in PostgreSQL; er is niets overgezet",
                        doel.display()
                    )));
                }
                verslag.tabellen.push((tabel.clone(), aantal));
            }
            // The kept tables, filled by the target's triggers, once every
            // table is in.
            for tabel in tabellen.iter().filter(|t| AFGELEID.contains(&t.as_str())) {
                let bron: i64 = lees
                    .query_one(&format!("SELECT count(*) FROM \"{tabel}\""), &[])?
                    .get(0);
                let geteld = tel_sqlite(tx, tabel)?;
                if geteld != bron.unsigned_abs() {
                    return Err(PgFout::Overzetten(format!(
                        "na het kopiëren telt tabel {tabel} {geteld} rijen in {} en {bron} in PostgreSQL; er is niets overgezet",
                        doel.display()
                    )));
                }
                verslag.tabellen.push((tabel.clone(), geteld));
            }
            // The report in copy order, as for the other direction.
            verslag
                .tabellen
                .sort_by_key(|(t, _)| tabellen.iter().position(|x| x == t));
            let audit = verslag
                .tabellen
                .iter()
                .find(|(t, _)| t == "audit")
                .map_or(0, |(_, n)| *n);
            verslag.auditregels = ketencontrole(tx, audit)?;
            Ok(verslag)
        })?;
        lees.commit()?;
        // The copied head in the anchor, as at a start.
        let _ = sqlite_sleutel::veranker(&conn, "overzetten", None);
        Ok(verslag)
    })();
    if uitkomst.is_err() {
        // Both were made here (refused above when they existed).
        ruim_op(doel, &doelmap);
    }
    uitkomst
}

/// Removes a SQLite target made by a failed copy, and its key folder.
fn ruim_op(doel: &Path, sleutelmap: &Path) {
    for achtervoegsel in ["", "-wal", "-shm"] {
        let mut pad = doel.as_os_str().to_owned();
        pad.push(achtervoegsel);
        let _ = std::fs::remove_file(PathBuf::from(pad));
    }
    let _ = std::fs::remove_dir_all(sleutelmap);
}
