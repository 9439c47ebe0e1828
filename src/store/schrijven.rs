//! Writing records into the register: one `INSERT` per record type, through
//! cached prepared statements, inside a transaction the caller holds.
//!
//! The import (`store::import`), the demo generator and test fixtures all
//! write through [`voeg_in`], so a record lands the same way whichever road
//! it takes. Checks that need other records belong to the import; the
//! database's own constraints (foreign keys, CHECKs, unique ids) are the
//! last line.

use rusqlite::{Transaction, params};

use crate::domain::datum::iso;
use crate::domain::{Record, Voorziening};

/// Inserts one record. The caller owns the transaction (all or nothing).
pub fn voeg_in(tx: &Transaction<'_>, record: &Record) -> rusqlite::Result<()> {
    match record {
        Record::Wijkteam(r) => {
            tx.prepare_cached("INSERT INTO wijkteam (id, naam) VALUES (?1, ?2)")?
                .execute(params![r.id, r.naam])?;
        }
        Record::Medewerker(r) => {
            tx.prepare_cached(
                "INSERT INTO medewerker (id, naam, rol, wijkteam) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![r.id, r.naam, r.rol.code(), r.wijkteam])?;
        }
        Record::Aanbieder(r) => {
            tx.prepare_cached("INSERT INTO aanbieder (id, naam, kvk) VALUES (?1, ?2, ?3)")?
                .execute(params![r.id, r.naam, r.kvk])?;
        }
        Record::Contract(r) => {
            tx.prepare_cached(
                "INSERT INTO contract (id, aanbieder, wet, soort, van, tot) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                r.id,
                r.aanbieder,
                r.wet.code(),
                r.soort.code(),
                iso(r.van),
                r.tot.map(iso)
            ])?;
        }
        Record::Voorziening(r) => voeg_voorziening_in(tx, r)?,
        Record::Inwoner(r) => {
            tx.prepare_cached(
                "INSERT INTO inwoner (id, bsn, voornaam, achternaam, geboortedatum, geslacht, huishouden, wijkteam, woonplaats)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                r.id,
                r.bsn.as_ref().map(crate::domain::Bsn::as_str),
                r.voornaam,
                r.achternaam,
                iso(r.geboortedatum),
                r.geslacht.map(|g| g.code()),
                r.huishouden,
                r.wijkteam,
                r.woonplaats
            ])?;
        }
        Record::Melding(r) => {
            tx.prepare_cached(
                "INSERT INTO melding (id, inwoner, datum, bron, wet, gevraagde_voorziening, medewerker,
                                      gesprek, onderzoek_klaar, afgesloten, uitkomst)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?
            .execute(params![
                r.id,
                r.inwoner,
                iso(r.datum),
                r.bron.code(),
                r.wet.map(|w| w.code()),
                r.gevraagde_voorziening,
                r.medewerker,
                r.gesprek.map(iso),
                r.onderzoek_klaar.map(iso),
                r.afgesloten.map(iso),
                r.uitkomst.map(|u| u.code())
            ])?;
        }
        Record::Verwijzing(r) => {
            tx.prepare_cached(
                "INSERT INTO verwijzing (id, melding, voorziening, datum, status, afgerond_op, opgelost)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                r.id,
                r.melding,
                r.voorziening,
                iso(r.datum),
                r.status.code(),
                r.afgerond_op.map(iso),
                r.opgelost
            ])?;
        }
        Record::Toekenning(r) => {
            let a = r.afweging.as_ref();
            tx.prepare_cached(
                "INSERT INTO toekenning (id, inwoner, voorziening, aanbieder, contract, melding, verwijzer,
                    aanvraag, besluit, uitkomst, start, eind, leveringsvorm, doorbraak, reden_einde,
                    afweging_eigen_kracht, afweging_netwerk, afweging_algemene_voorziening,
                    afweging_voorliggende_voorziening)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
            )?
            .execute(params![
                r.id,
                r.inwoner,
                r.voorziening,
                r.aanbieder,
                r.contract,
                r.melding,
                r.verwijzer.code(),
                r.aanvraag.map(iso),
                iso(r.besluit),
                r.uitkomst.code(),
                r.start.map(iso),
                r.eind.map(iso),
                r.leveringsvorm.code(),
                r.doorbraak,
                r.reden_einde.map(|x| x.code()),
                a.map(|a| a.eigen_kracht.as_str()),
                a.map(|a| a.netwerk.as_str()),
                a.map(|a| a.algemene_voorziening.as_str()),
                a.map(|a| a.voorliggende_voorziening.as_str())
            ])?;
        }
        Record::Ave(r) => {
            tx.prepare_cached(
                "INSERT INTO ave (id, huishouden, datum, niveau, reden, casusregisseur, procesregisseur)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                r.id,
                r.huishouden,
                iso(r.datum),
                r.niveau,
                r.reden,
                r.casusregisseur,
                r.procesregisseur
            ])?;
        }
        Record::Vordering(r) => {
            tx.prepare_cached(
                "INSERT INTO vordering (id, datum, bedrag_cent, soort, inwoner, aanbieder)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                r.id,
                iso(r.datum),
                r.bedrag_cent,
                r.soort.code(),
                r.inwoner,
                r.aanbieder
            ])?;
        }
        Record::Bevolking(r) => {
            tx.prepare_cached(
                "INSERT INTO bevolking (jaar, leeftijd_van, leeftijd_tot, aantal) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![r.jaar, r.leeftijd_van, r.leeftijd_tot, r.aantal])?;
        }
        Record::Indicatorwaarde(r) => {
            tx.prepare_cached(
                "INSERT INTO indicatorwaarde (indicator, jaar, soort, waarde, tekst, bron)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                r.indicator,
                r.jaar,
                r.soort.code(),
                r.waarde,
                r.tekst,
                r.bron
            ])?;
        }
    }
    Ok(())
}

/// A provision with its tags.
fn voeg_voorziening_in(tx: &Transaction<'_>, r: &Voorziening) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO voorziening (id, naam, soort, wet, categorie) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        r.id,
        r.naam,
        r.soort.code(),
        r.wet.map(|w| w.code()),
        r.categorie
    ])?;
    let mut kenmerk = tx.prepare_cached(
        "INSERT OR IGNORE INTO voorziening_kenmerk (voorziening, kenmerk) VALUES (?1, ?2)",
    )?;
    for k in &r.kenmerken {
        kenmerk.execute(params![r.id, k])?;
    }
    Ok(())
}
