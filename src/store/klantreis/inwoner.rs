//! A new resident from the intake form: the BSN and date-of-birth checks,
//! possible duplicates (same BSN, or same last name and date of birth).

use chrono::NaiveDate;

use crate::domain::datum::parse_iso;
use crate::domain::klantreis::KlantreisFout;
use crate::domain::{Bsn, DomeinFout, Geslacht, Inwoner, Record, Veldfout};
use crate::store::StoreFout;
use crate::store::db::Db;
use crate::store::inwoners::volle_naam;
use crate::store::schrijven::schrijf;

use super::{Handeling, IdSoort, bestaat, klaar, log, volgend_id};

/// A new resident as typed in the form (BSN and date of birth as text, so
/// the check can name what is wrong).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NieuweInwoner {
    /// BSN; empty when unknown.
    pub bsn: String,
    /// First name(s).
    pub voornaam: String,
    /// Last name.
    pub achternaam: String,
    /// Date of birth, `jjjj-mm-dd` or `dd-mm-jjjj`.
    pub geboortedatum: String,
    /// Gender.
    pub geslacht: Option<Geslacht>,
    /// Household identifier; `None` starts a new household (`H-` + the resident's id).
    pub huishouden: Option<String>,
    /// The wijkteam of the address.
    pub wijkteam: Option<String>,
    /// Place of residence.
    pub woonplaats: String,
}

/// Why an existing resident may be the same person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DubbelReden {
    /// Same BSN.
    Bsn,
    /// Same last name (case-insensitive) and date of birth.
    NaamEnGeboortedatum,
}

/// A resident that may be a duplicate of the one being entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MogelijkDubbel {
    /// The existing resident's id.
    pub id: String,
    /// "Voornaam Achternaam".
    pub naam: String,
    /// Date of birth.
    pub geboortedatum: NaiveDate,
    /// Why it matches.
    pub reden: DubbelReden,
}

/// Residents that may be the same person: same BSN, or same last name and
/// date of birth. Shown before saving a new resident.
pub fn mogelijke_dubbelen<'a>(
    db: impl Into<Db<'a>>,
    bsn: Option<&Bsn>,
    achternaam: &str,
    geboortedatum: NaiveDate,
) -> Result<Vec<MogelijkDubbel>, StoreFout> {
    let db = db.into();
    let sql = format!(
        "SELECT id, voornaam, achternaam, geboortedatum, bsn IS NOT NULL AND bsn = ?1 FROM inwoner
         WHERE (CAST(?1 AS TEXT) IS NOT NULL AND bsn = ?1)
            OR ({} = {} AND geboortedatum = ?3)
         ORDER BY {}, {}, id",
        db.nocase("achternaam"),
        db.nocase_param(2),
        db.nocase("achternaam"),
        db.nocase("voornaam")
    );
    db.query_map(
        &sql,
        &[&bsn.map(Bsn::as_str), &achternaam.trim(), &geboortedatum],
        |r| {
            // NULL (no BSN) is "not the same BSN".
            let zelfde_bsn: Option<bool> = r.get(4)?;
            Ok(MogelijkDubbel {
                id: r.get(0)?,
                naam: volle_naam(&r.get::<String>(1)?, &r.get::<String>(2)?),
                geboortedatum: r.get(3)?,
                reden: if zelfde_bsn == Some(true) {
                    DubbelReden::Bsn
                } else {
                    DubbelReden::NaamEnGeboortedatum
                },
            })
        },
    )
}

/// Parses a date typed as `jjjj-mm-dd` or `dd-mm-jjjj`.
fn datum_invoer(tekst: &str) -> Option<NaiveDate> {
    let t = tekst.trim();
    parse_iso(t).or_else(|| crate::domain::datum::parse_nl(t))
}

/// Adds a resident after checking BSN and date of birth (not after
/// `vandaag`). A BSN already in the register is refused; a resident with the
/// same last name and date of birth is not (the form shows
/// [`mogelijke_dubbelen`] first). Returns the new id.
pub fn inwoner_toevoegen<'a>(
    db: impl Into<Db<'a>>,
    h: Handeling<'_>,
    invoer: &NieuweInwoner,
    vandaag: NaiveDate,
) -> Result<String, StoreFout> {
    let mut fouten = Vec::new();
    let bsn = if invoer.bsn.trim().is_empty() {
        None
    } else {
        match Bsn::parse(invoer.bsn.trim()) {
            Ok(b) => Some(b),
            Err(e) => {
                fouten.push(Veldfout::new("bsn", DomeinFout::Bsn(e)));
                None
            }
        }
    };
    let geboortedatum = match datum_invoer(&invoer.geboortedatum) {
        // The domain's rule, shared with the import.
        Some(d) => match crate::domain::records::controleer_geboortedatum(d, vandaag) {
            Ok(()) => Some(d),
            Err(f) => {
                fouten.push(Veldfout::new("geboortedatum", f));
                None
            }
        },
        None if invoer.geboortedatum.trim().is_empty() => {
            fouten.push(Veldfout::new("geboortedatum", DomeinFout::Verplicht));
            None
        }
        None => {
            fouten.push(Veldfout::new(
                "geboortedatum",
                DomeinFout::Datum(invoer.geboortedatum.clone()),
            ));
            None
        }
    };
    db.into().transactie(|tx| {
        let id = volgend_id(tx, IdSoort::Inwoner)?;
        let record = Inwoner {
            id: id.clone(),
            bsn: bsn.clone(),
            voornaam: invoer.voornaam.trim().to_owned(),
            achternaam: invoer.achternaam.trim().to_owned(),
            geboortedatum: geboortedatum.unwrap_or(vandaag),
            geslacht: invoer.geslacht,
            huishouden: invoer
                .huishouden
                .clone()
                .unwrap_or_else(|| format!("H-{id}")),
            wijkteam: invoer.wijkteam.clone(),
            woonplaats: invoer.woonplaats.trim().to_owned(),
        };
        if let Err(f) = record.valideer() {
            fouten.extend(f);
        }
        if let Some(wijkteam) = &invoer.wijkteam
            && !bestaat(tx, "wijkteam", wijkteam)?
        {
            fouten.push(Veldfout::new(
                "wijkteam",
                KlantreisFout::Onbekend(wijkteam.clone()).into(),
            ));
        }
        if let (Some(bsn), Some(geboren)) = (&bsn, geboortedatum)
            && let Some(dubbel) = mogelijke_dubbelen(tx, Some(bsn), &record.achternaam, geboren)?
                .into_iter()
                .find(|d| d.reden == DubbelReden::Bsn)
        {
            fouten.push(Veldfout::new(
                "bsn",
                KlantreisFout::BsnBekend(dubbel.id).into(),
            ));
        }
        klaar(fouten)?;
        schrijf(tx, &Record::Inwoner(record))?;
        log(tx, h, "inwoner-toevoegen", &format!("inwoner:{id}"), None)?;
        Ok(id)
    })
}
