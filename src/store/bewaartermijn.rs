//! Retention in the store: which closed dossiers are due for destruction,
//! and destroying one — all its records in one transaction, logged in the
//! audit log without personal data (the internal id and the counts only).
//!
//! The rules themselves are pure and live in `domain::bewaartermijn`.
//!
//! On both engines ([`Db`]): the check and the destruction are one
//! [`Db::transactie`] (on PostgreSQL under the register's write lock, so
//! another desktop cannot add to the dossier between them).

use std::collections::HashMap;

use super::StoreFout;
use super::audit::{self, Logregel, Resultaat};
use super::db::Db;
use crate::domain::Wet;
use crate::domain::bewaartermijn::{
    DossierFeiten, Grond, ToegekendeVoorziening, vernietigingsdatum,
};
use chrono::NaiveDate;

/// A dossier with its destruction date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verval {
    /// The resident's id (for the destruction; never shown).
    pub inwoner: String,
    /// The resident's name as people read it ("Jan de Vries").
    pub naam: String,
    /// The resident's date of birth, which tells two of one name apart.
    pub geboren: NaiveDate,
    /// The destruction date.
    pub datum: NaiveDate,
    /// Why that date.
    pub grond: Grond,
}

/// The retention facts of every resident with a melding or toekenning.
fn feiten(db: Db<'_>) -> Result<HashMap<String, DossierFeiten>, StoreFout> {
    let mut alle: HashMap<String, DossierFeiten> = HashMap::new();
    db.for_each(
        "SELECT inwoner, max(CASE WHEN afgesloten IS NULL THEN 1 ELSE 0 END), max(afgesloten)
         FROM melding GROUP BY inwoner",
        &[],
        |r| {
            let f = alle.entry(r.get(0)?).or_default();
            f.open_melding = r.get(1)?;
            f.laatste_afsluiting = r.get(2)?;
            Ok(())
        },
    )?;
    db.for_each(
        "SELECT t.inwoner, v.wet, t.eind FROM toekenning t JOIN voorziening v ON v.id = t.voorziening
         WHERE t.uitkomst = 'toegekend'",
        &[],
        |r| {
            // A maatwerk provision has a law; one without counts as Wmo (15 years).
            let wet = r.optie_lijst(1, Wet::parse)?.unwrap_or(Wet::Wmo);
            let eind = r.get(2)?;
            alle.entry(r.get(0)?)
                .or_default()
                .toegekend
                .push(ToegekendeVoorziening { wet, eind });
            Ok(())
        },
    )?;
    Ok(alle)
}

/// Closed dossiers whose destruction date is on or before `vandaag`, earliest first.
pub fn te_vernietigen<'a>(
    db: impl Into<Db<'a>>,
    vandaag: NaiveDate,
) -> Result<Vec<Verval>, StoreFout> {
    let db = db.into();
    let mut lijst = Vec::new();
    for (inwoner, f) in feiten(db)? {
        let Some((datum, grond)) = vernietigingsdatum(&f).filter(|(datum, _)| *datum <= vandaag)
        else {
            continue;
        };
        let (voornaam, achternaam, geboren): (String, String, NaiveDate) = db.query_one(
            "SELECT voornaam, achternaam, geboortedatum FROM inwoner WHERE id = ?1",
            &[&inwoner],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        // As SQLite's trim(): only spaces, so an empty first name leaves none.
        let naam = format!("{voornaam} {achternaam}")
            .trim_matches(' ')
            .to_owned();
        lijst.push(Verval {
            inwoner,
            naam,
            geboren,
            datum,
            grond,
        });
    }
    lijst.sort_by(|a, b| {
        a.datum
            .cmp(&b.datum)
            .then_with(|| a.naam.cmp(&b.naam))
            .then_with(|| a.inwoner.cmp(&b.inwoner))
    });
    Ok(lijst)
}

/// What a destruction removed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vernietigd {
    /// Meldingen removed.
    pub meldingen: usize,
    /// Referrals removed.
    pub verwijzingen: usize,
    /// Decisions removed.
    pub toekenningen: usize,
    /// AVE events removed (only when no other member of the household remains).
    pub ave: usize,
    /// Recoveries removed (those naming only this resident; a recovery that
    /// also names a provider keeps the provider and loses the resident).
    pub vorderingen: usize,
}

/// Destroys one resident's dossier after checking that it is due on
/// `vandaag`; one transaction with its audit row. `actor` is the beheerder,
/// `tijdstip` the moment (ISO 8601).
pub fn vernietig<'a>(
    db: impl Into<Db<'a>>,
    inwoner: &str,
    vandaag: NaiveDate,
    actor: &str,
    tijdstip: &str,
) -> Result<Vernietigd, StoreFout> {
    // The check and the destruction under one write lock: another instance
    // cannot add to the dossier between them.
    db.into().transactie(|tx| {
        let f = feiten(tx)?.remove(inwoner).unwrap_or_default();
        let grond = controleer_vervallen(inwoner, &f, vandaag)?;
        let v = vernietig_in(tx, inwoner, grond, actor, tijdstip)?;
        Ok(v)
    })
}

/// Destroys every dossier due on `vandaag` (the list of [`te_vernietigen`])
/// in one transaction, each with its own audit row. Returns the residents
/// destroyed (ids, as listed) and what was removed in total.
pub fn vernietig_alle<'a>(
    db: impl Into<Db<'a>>,
    vandaag: NaiveDate,
    actor: &str,
    tijdstip: &str,
) -> Result<(Vec<String>, Vernietigd), StoreFout> {
    db.into().transactie(|tx| {
        let lijst = te_vernietigen(tx, vandaag)?;
        let mut totaal = Vernietigd::default();
        let mut ids = Vec::with_capacity(lijst.len());
        for verval in lijst {
            let v = vernietig_in(tx, &verval.inwoner, verval.grond, actor, tijdstip)?;
            totaal.meldingen += v.meldingen;
            totaal.verwijzingen += v.verwijzingen;
            totaal.toekenningen += v.toekenningen;
            totaal.ave += v.ave;
            totaal.vorderingen += v.vorderingen;
            ids.push(verval.inwoner);
        }
        Ok((ids, totaal))
    })
}

/// The ground of a dossier due on `vandaag`, or why it may not be destroyed.
fn controleer_vervallen(
    inwoner: &str,
    f: &DossierFeiten,
    vandaag: NaiveDate,
) -> Result<Grond, StoreFout> {
    let Some((datum, grond)) = vernietigingsdatum(f) else {
        return Err(StoreFout::NietVervallen(format!(
            "het dossier van inwoner {inwoner} is niet afgesloten of heeft geen bewaartermijn"
        )));
    };
    if datum > vandaag {
        return Err(StoreFout::NietVervallen(format!(
            "het dossier van inwoner {inwoner} mag pas op {} worden vernietigd",
            crate::domain::datum::nl(datum)
        )));
    }
    Ok(grond)
}

/// The number of rows a statement changed, as a count.
fn aantal(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// Removes one resident's records and logs it, inside the caller's transaction.
fn vernietig_in(
    tx: Db<'_>,
    inwoner: &str,
    grond: Grond,
    actor: &str,
    tijdstip: &str,
) -> Result<Vernietigd, StoreFout> {
    let huishouden: String = tx.query_one(
        "SELECT huishouden FROM inwoner WHERE id = ?1",
        &[&inwoner],
        |r| r.get(0),
    )?;
    let mut v = Vernietigd {
        verwijzingen: aantal(tx.execute(
            "DELETE FROM verwijzing WHERE melding IN (SELECT id FROM melding WHERE inwoner = ?1)",
            &[&inwoner],
        )?),
        ..Vernietigd::default()
    };
    // Links from other decisions to this resident's decisions, then the decisions.
    tx.execute(
        "UPDATE toekenning SET vorige = NULL
         WHERE vorige IN (SELECT id FROM toekenning WHERE inwoner = ?1)",
        &[&inwoner],
    )?;
    v.toekenningen = aantal(tx.execute("DELETE FROM toekenning WHERE inwoner = ?1", &[&inwoner])?);
    // The klantreis details of the meldingen.
    for sql in [
        "DELETE FROM klantreis_correctie WHERE stap IN (SELECT s.id FROM klantreis_stap s
             JOIN melding m ON m.id = s.melding WHERE m.inwoner = ?1)",
        "DELETE FROM klantreis_stap WHERE melding IN (SELECT id FROM melding WHERE inwoner = ?1)",
        "DELETE FROM afweging_trede WHERE melding IN (SELECT id FROM melding WHERE inwoner = ?1)",
        "DELETE FROM melding_leefgebied WHERE melding IN (SELECT id FROM melding WHERE inwoner = ?1)",
    ] {
        tx.execute(sql, &[&inwoner])?;
    }
    v.meldingen = aantal(tx.execute("DELETE FROM melding WHERE inwoner = ?1", &[&inwoner])?);
    v.vorderingen = aantal(tx.execute(
        "DELETE FROM vordering WHERE inwoner = ?1 AND aanbieder IS NULL",
        &[&inwoner],
    )?);
    tx.execute(
        "UPDATE vordering SET inwoner = NULL WHERE inwoner = ?1",
        &[&inwoner],
    )?;
    let anderen: i64 = tx.query_one(
        "SELECT count(*) FROM inwoner WHERE huishouden = ?1 AND id <> ?2",
        &[&huishouden, &inwoner],
        |r| r.get(0),
    )?;
    if anderen == 0 {
        v.ave = aantal(tx.execute("DELETE FROM ave WHERE huishouden = ?1", &[&huishouden])?);
    }
    tx.execute("DELETE FROM inwoner WHERE id = ?1", &[&inwoner])?;
    let details = format!(
        "grond: {}; vernietigd: {} meldingen, {} verwijzingen, {} toekenningen, {} AVE-gebeurtenissen, {} vorderingen",
        grond.tekst(),
        v.meldingen,
        v.verwijzingen,
        v.toekenningen,
        v.ave,
        v.vorderingen
    );
    let object = format!("inwoner:{inwoner}");
    audit::log(
        tx,
        &Logregel {
            tijdstip,
            actor,
            actie: "vernietigen",
            object: Some(&object),
            doel: Some("bewaartermijn verstreken"),
            resultaat: Resultaat::Gelukt,
            details: Some(&details),
        },
    )?;
    Ok(v)
}
