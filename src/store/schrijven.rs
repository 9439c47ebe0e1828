//! Writing records into the register: one `INSERT` per record type, through
//! cached prepared statements, inside a transaction the caller holds.
//!
//! The import (`store::import`), the demo generator and test fixtures all
//! write through [`voeg_in`], so a record lands the same way whichever road
//! it takes. Checks that need other records belong to the import; the
//! database's own constraints (foreign keys, CHECKs, unique ids) are the
//! last line.

use std::borrow::Cow;

use rusqlite::Connection;

use super::StoreFout;
use super::db::{Db, Param, Waarde};
use crate::domain::datum::iso;
use crate::domain::{Record, Voorziening};

/// One `INSERT` of a record: the statement and its values, the one place
/// the SQL of a record lives (both [`voeg_in`] and [`schrijf`] run it).
struct Invoeging<'r> {
    sql: &'static str,
    waarden: Vec<Waarde<'r>>,
}

fn t(s: &str) -> Waarde<'_> {
    Waarde::Tekst(Cow::Borrowed(s))
}

fn ot(s: Option<&str>) -> Waarde<'_> {
    s.map_or(Waarde::Null, t)
}

fn d(datum: chrono::NaiveDate) -> Waarde<'static> {
    Waarde::Tekst(Cow::Owned(iso(datum)))
}

fn od(datum: Option<chrono::NaiveDate>) -> Waarde<'static> {
    datum.map_or(Waarde::Null, d)
}

fn g(n: impl Into<i64>) -> Waarde<'static> {
    Waarde::Geheel(n.into())
}

/// The statements that insert `record`.
fn invoegingen(record: &Record) -> Vec<Invoeging<'_>> {
    let een = |sql, waarden| vec![Invoeging { sql, waarden }];
    match record {
        Record::Wijkteam(r) => een(
            "INSERT INTO wijkteam (id, naam) VALUES (?1, ?2)",
            vec![t(&r.id), t(&r.naam)],
        ),
        Record::Medewerker(r) => een(
            "INSERT INTO medewerker (id, naam, rol, wijkteam) VALUES (?1, ?2, ?3, ?4)",
            vec![t(&r.id), t(&r.naam), t(r.rol.code()), ot(r.wijkteam.as_deref())],
        ),
        Record::Aanbieder(r) => een(
            "INSERT INTO aanbieder (id, naam, kvk) VALUES (?1, ?2, ?3)",
            vec![t(&r.id), t(&r.naam), ot(r.kvk.as_deref())],
        ),
        Record::Contract(r) => een(
            "INSERT INTO contract (id, aanbieder, wet, soort, van, tot) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            vec![
                t(&r.id),
                t(&r.aanbieder),
                t(r.wet.code()),
                t(r.soort.code()),
                d(r.van),
                od(r.tot),
            ],
        ),
        Record::Voorziening(r) => voorziening(r),
        Record::Inwoner(r) => een(
            "INSERT INTO inwoner (id, bsn, voornaam, achternaam, geboortedatum, geslacht, huishouden, wijkteam, woonplaats)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            vec![
                t(&r.id),
                ot(r.bsn.as_ref().map(crate::domain::Bsn::as_str)),
                t(&r.voornaam),
                t(&r.achternaam),
                d(r.geboortedatum),
                ot(r.geslacht.map(|g| g.code())),
                t(&r.huishouden),
                ot(r.wijkteam.as_deref()),
                t(&r.woonplaats),
            ],
        ),
        Record::Melding(r) => een(
            "INSERT INTO melding (id, inwoner, datum, bron, wet, gevraagde_voorziening, medewerker,
                                  gesprek, onderzoek_klaar, afgesloten, uitkomst)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            vec![
                t(&r.id),
                t(&r.inwoner),
                d(r.datum),
                t(r.bron.code()),
                ot(r.wet.map(|w| w.code())),
                ot(r.gevraagde_voorziening.as_deref()),
                ot(r.medewerker.as_deref()),
                od(r.gesprek),
                od(r.onderzoek_klaar),
                od(r.afgesloten),
                ot(r.uitkomst.map(|u| u.code())),
            ],
        ),
        Record::Verwijzing(r) => een(
            "INSERT INTO verwijzing (id, melding, voorziening, datum, status, afgerond_op, opgelost)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            vec![
                t(&r.id),
                t(&r.melding),
                t(&r.voorziening),
                d(r.datum),
                t(r.status.code()),
                od(r.afgerond_op),
                r.opgelost.map_or(Waarde::Null, Waarde::Vlag),
            ],
        ),
        Record::Toekenning(r) => {
            let a = r.afweging.as_ref();
            een(
                "INSERT INTO toekenning (id, inwoner, voorziening, aanbieder, contract, melding, verwijzer,
                    aanvraag, besluit, uitkomst, start, eind, leveringsvorm, doorbraak, reden_einde,
                    afweging_eigen_kracht, afweging_netwerk, afweging_algemene_voorziening,
                    afweging_voorliggende_voorziening)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
                vec![
                    t(&r.id),
                    t(&r.inwoner),
                    t(&r.voorziening),
                    ot(r.aanbieder.as_deref()),
                    ot(r.contract.as_deref()),
                    ot(r.melding.as_deref()),
                    t(r.verwijzer.code()),
                    od(r.aanvraag),
                    d(r.besluit),
                    t(r.uitkomst.code()),
                    od(r.start),
                    od(r.eind),
                    t(r.leveringsvorm.code()),
                    Waarde::Vlag(r.doorbraak),
                    ot(r.reden_einde.map(|x| x.code())),
                    ot(a.map(|a| a.eigen_kracht.as_str())),
                    ot(a.map(|a| a.netwerk.as_str())),
                    ot(a.map(|a| a.algemene_voorziening.as_str())),
                    ot(a.map(|a| a.voorliggende_voorziening.as_str())),
                ],
            )
        }
        Record::Ave(r) => een(
            "INSERT INTO ave (id, huishouden, datum, niveau, reden, casusregisseur, procesregisseur)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            vec![
                t(&r.id),
                t(&r.huishouden),
                d(r.datum),
                g(r.niveau),
                t(&r.reden),
                ot(r.casusregisseur.as_deref()),
                ot(r.procesregisseur.as_deref()),
            ],
        ),
        Record::Vordering(r) => een(
            "INSERT INTO vordering (id, datum, bedrag_cent, soort, inwoner, aanbieder)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            vec![
                t(&r.id),
                d(r.datum),
                g(r.bedrag_cent),
                t(r.soort.code()),
                ot(r.inwoner.as_deref()),
                ot(r.aanbieder.as_deref()),
            ],
        ),
        Record::Bevolking(r) => een(
            "INSERT INTO bevolking (jaar, leeftijd_van, leeftijd_tot, aantal) VALUES (?1, ?2, ?3, ?4)",
            vec![
                g(r.jaar),
                g(r.leeftijd_van),
                g(r.leeftijd_tot),
                g(r.aantal),
            ],
        ),
        Record::Indicatorwaarde(r) => een(
            "INSERT INTO indicatorwaarde (indicator, jaar, soort, waarde, tekst, bron)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            vec![
                t(&r.indicator),
                g(r.jaar),
                t(r.soort.code()),
                r.waarde.map_or(Waarde::Null, Waarde::Reeel),
                ot(r.tekst.as_deref()),
                ot(r.bron.as_deref()),
            ],
        ),
    }
}

/// A provision with its tags.
fn voorziening(r: &Voorziening) -> Vec<Invoeging<'_>> {
    let mut uit = vec![Invoeging {
        sql: "INSERT INTO voorziening (id, naam, soort, wet, categorie) VALUES (?1, ?2, ?3, ?4, ?5)",
        waarden: vec![
            t(&r.id),
            t(&r.naam),
            t(r.soort.code()),
            ot(r.wet.map(|w| w.code())),
            ot(r.categorie.as_deref()),
        ],
    }];
    uit.extend(r.kenmerken.iter().map(|k| Invoeging {
        sql: "INSERT OR IGNORE INTO voorziening_kenmerk (voorziening, kenmerk) VALUES (?1, ?2)",
        waarden: vec![t(&r.id), t(k)],
    }));
    uit
}

/// Inserts one record on SQLite, with SQLite's own error (the import
/// names the line of a refused record with it). The caller owns the
/// transaction (all or nothing).
pub fn voeg_in(conn: &Connection, record: &Record) -> rusqlite::Result<()> {
    for i in invoegingen(record) {
        conn.prepare_cached(i.sql)?
            .execute(rusqlite::params_from_iter(i.waarden.iter()))?;
    }
    Ok(())
}

/// Inserts one record on either engine (the klantreis, the sociale kaart).
/// The caller owns the transaction (all or nothing).
pub fn schrijf<'a>(db: impl Into<Db<'a>>, record: &Record) -> Result<(), StoreFout> {
    let db = db.into();
    for i in invoegingen(record) {
        let waarden: Vec<&dyn Param> = i.waarden.iter().map(|w| w as &dyn Param).collect();
        db.execute(i.sql, &waarden)?;
    }
    Ok(())
}
