//! The klantreis in the store: residents and meldingen, the recorded steps
//! and their corrections, the afwegingsladder, verwijzingen, aanvragen and
//! besluiten (with op- en afschalen and beëindigen), and the matched-care
//! query over the sociale kaart.
//!
//! One file per aggregate, all re-exported here (callers use
//! `store::klantreis::…`): `inwoner` (new residents, duplicates), `melding`,
//! `stap` (steps and corrections), `afweging`, `verwijzing`, `besluit`
//! (aanvraag, besluit, toekenningen) and `matched_care`. This file holds what
//! they share: [`Handeling`], the audit row, field errors, new ids and the
//! provision lookups.
//!
//! Every user action is one function that runs one transaction through
//! [`super::transactie::voer_uit`]: it checks the input (Dutch field errors,
//! [`StoreFout::Validatie`]), writes, appends an audit row
//! (`store::audit::log`: actor = the medewerker id, object `melding:M-…`, no
//! personal data in the details) and commits: all or nothing. Exchange
//! records are still inserted through `store::schrijven::voeg_in`; the
//! columns the exchange format lacks are set by an `UPDATE` in the same
//! transaction.
//!
//! Corrections of a step are kept in the table `klantreis_correctie` (old
//! and new date, medewerker and note; who and when), because old notes may
//! hold personal data that does not belong in the audit log; the audit log
//! gets a `stap-corrigeren` row naming only the changed fields.
//!
//! New identifiers are the prefix (`I-`, `M-`, `VW-`, `T-`) and six digits:
//! one more than the highest number among the ids of that table with that
//! prefix, skipping any that exist; computed inside the writing transaction,
//! so two saves cannot get the same id (the primary key is the last guard).

use super::StoreFout;
use super::audit::{self, Logregel, Resultaat};
use super::db::{Db, Motor};
use crate::domain::klantreis::KlantreisFout;
use crate::domain::records::MAX_TEKST;
use crate::domain::{DomeinFout, Veldfout, VoorzieningSoort, Wet};
use chrono::NaiveDate;

mod afweging;
mod besluit;
mod inwoner;
mod matched_care;
mod melding;
mod stap;
mod verwijzing;

pub use afweging::{afronden_volgens_ladder, afweging, afweging_opslaan};
pub use besluit::{
    NieuwBesluit, ToekenningRij, aanvraag_registreren, actief_contract, besluit_nemen,
    herbeoordelen, levering_gestart, toekenning, toekenning_beeindigen,
};
pub use inwoner::{
    DubbelReden, MogelijkDubbel, NieuweInwoner, inwoner_toevoegen, mogelijke_dubbelen,
};
pub use matched_care::{
    AanbiederOptie, PassendeVoorziening, koppel_voorziening, passende_voorzieningen,
    passende_voorzieningen_voor_melding,
};
pub use melding::{
    MeldingKern, NieuweMelding, melding, melding_informatie_advies, melding_toevoegen,
};
pub use stap::{
    CorrectieRij, NieuweStap, StapCorrectie, StapRij, correcties, nog_te_doen, stap_corrigeren,
    stap_vastleggen, stappen,
};
pub use verwijzing::{verwijzing_bijwerken, verwijzing_maken};

/// Who acts, and when: the medewerker id (audit actor, author of steps) and
/// the moment as ISO 8601 text (the caller reads the clock; tests pass a
/// fixed one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handeling<'a> {
    /// The medewerker id.
    pub medewerker: &'a str,
    /// When, ISO 8601.
    pub tijdstip: &'a str,
}

/// Refuses a record whose medewerker field names anyone but who acts:
/// every melding and step is stored in the name of the worker who does the
/// write (the gateway: the logged-in worker), so the audit row and the
/// record name the same person. The one exception the domain has is a
/// correction of a step ([`stap_corrigeren`]): it may name who really did
/// the step, and keeps who corrected it (the correction's `door` and the audit actor).
pub(crate) fn eis_eigen_naam(h: Handeling<'_>, medewerker: &str) -> Result<(), StoreFout> {
    if h.medewerker == medewerker {
        Ok(())
    } else {
        Err(StoreFout::GeenToegang(format!(
            "{} kan niet vastleggen namens {medewerker}; elke handeling staat op naam van wie is aangemeld",
            h.medewerker
        )))
    }
}

/// Appends the audit row of a successful action.
pub(crate) fn log<'a>(
    db: impl Into<Db<'a>>,
    h: Handeling<'_>,
    actie: &str,
    object: &str,
    details: Option<&str>,
) -> Result<(), StoreFout> {
    audit::log(
        db,
        &Logregel {
            tijdstip: h.tijdstip,
            actor: h.medewerker,
            actie,
            object: Some(object),
            doel: None,
            resultaat: Resultaat::Gelukt,
            details,
        },
    )?;
    Ok(())
}

/// One field error as a store error.
pub(crate) fn fout(veld: &'static str, f: impl Into<DomeinFout>) -> StoreFout {
    StoreFout::Validatie(vec![Veldfout::new(veld, f.into())])
}

/// The tables that get generated ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdSoort {
    /// `I-000001`.
    Inwoner,
    /// `M-000001`.
    Melding,
    /// `VW-000001`.
    Verwijzing,
    /// `T-000001`.
    Toekenning,
}

impl IdSoort {
    fn tabel_en_prefix(self) -> (&'static str, &'static str) {
        match self {
            IdSoort::Inwoner => ("inwoner", "I-"),
            IdSoort::Melding => ("melding", "M-"),
            IdSoort::Verwijzing => ("verwijzing", "VW-"),
            IdSoort::Toekenning => ("toekenning", "T-"),
        }
    }
}

/// The next free identifier of `soort` (see the module documentation).
///
/// The highest number is sought per engine: SQLite matches the prefix and
/// a digit with `GLOB`, PostgreSQL the prefix and digits only with a
/// regular expression (an id like `M-12x` counts as 12 on SQLite and not
/// at all on PostgreSQL; the register makes only digits).
pub fn volgend_id<'a>(db: impl Into<Db<'a>>, soort: IdSoort) -> Result<String, StoreFout> {
    let db = db.into();
    let (tabel, prefix) = soort.tabel_en_prefix();
    let van = i64::try_from(prefix.len()).unwrap_or(0) + 1;
    let hoogste: i64 = match db.motor() {
        Motor::Sqlite => db.query_one(
            &format!(
                "SELECT coalesce(max(CAST(substr(id, ?2) AS INTEGER)), 0) FROM {tabel} WHERE id GLOB ?1"
            ),
            &[&format!("{prefix}[0-9]*"), &van],
            |r| r.get(0),
        )?,
        Motor::Postgres => db.query_one(
            &format!(
                "SELECT coalesce(max(CAST(substr(id, CAST(?2 AS INTEGER)) AS BIGINT)), 0) FROM {tabel}
                  WHERE id ~ ?1"
            ),
            &[&format!("^{prefix}[0-9]+$"), &van],
            |r| r.get(0),
        )?,
    };
    let mut n = hoogste + 1;
    loop {
        let id = format!("{prefix}{n:06}");
        if !bestaat(db, tabel, &id)? {
            return Ok(id);
        }
        n += 1;
    }
}

/// Whether `tabel` has a row with this `id`.
pub(super) fn bestaat<'a>(db: impl Into<Db<'a>>, tabel: &str, id: &str) -> Result<bool, StoreFout> {
    db.into().query_one(
        &format!("SELECT EXISTS (SELECT 1 FROM {tabel} WHERE id = ?1)"),
        &[&id],
        |r| r.get(0),
    )
}

/// A field error on `veld` unless `tabel` has a row with this `id`.
pub(super) fn moet_bestaan<'a>(
    db: impl Into<Db<'a>>,
    tabel: &str,
    veld: &'static str,
    id: &str,
) -> Result<(), StoreFout> {
    if bestaat(db, tabel, id)? {
        Ok(())
    } else {
        Err(fout(veld, KlantreisFout::Onbekend(id.to_owned())))
    }
}

/// Adds a field error when a text is empty (if required) or too long.
pub(super) fn tekst_controle(
    fouten: &mut Vec<Veldfout>,
    veld: &'static str,
    tekst: &str,
    verplicht: bool,
) {
    let lengte = tekst.chars().count();
    if verplicht && tekst.trim().is_empty() {
        fouten.push(Veldfout::new(veld, DomeinFout::Leeg));
    } else if lengte > MAX_TEKST {
        fouten.push(Veldfout::new(
            veld,
            DomeinFout::TeLang {
                lengte,
                max: MAX_TEKST,
            },
        ));
    } else if let Err(f) = crate::domain::records::controleer_tekens(tekst, true) {
        // The domain's rule, shared with the import.
        fouten.push(Veldfout::new(veld, f));
    }
}

/// The collected field errors as one error, or `Ok` when there are none.
pub(super) fn klaar(fouten: Vec<Veldfout>) -> Result<(), StoreFout> {
    if fouten.is_empty() {
        Ok(())
    } else {
        Err(StoreFout::Validatie(fouten))
    }
}

// ---------------------------------------------------------------- voorziening lookups

/// What the store knows of a provision for the checks.
pub(super) struct VoorzieningInfo {
    pub(super) naam: String,
    pub(super) soort: VoorzieningSoort,
    pub(super) wet: Option<Wet>,
    pub(super) beeindigd_op: Option<NaiveDate>,
}

/// A provision's name, kind, law and end; a field error on `veld` when unknown.
pub(super) fn voorziening_info<'a>(
    db: impl Into<Db<'a>>,
    veld: &'static str,
    id: &str,
) -> Result<VoorzieningInfo, StoreFout> {
    db.into()
        .query_opt(
            "SELECT naam, soort, wet, beeindigd_op FROM voorziening WHERE id = ?1",
            &[&id],
            |r| {
                Ok(VoorzieningInfo {
                    naam: r.get(0)?,
                    soort: r.lijst(1, VoorzieningSoort::parse)?,
                    wet: r.optie_lijst(2, Wet::parse)?,
                    beeindigd_op: r.get(3)?,
                })
            },
        )?
        .ok_or_else(|| fout(veld, KlantreisFout::Onbekend(id.to_owned())))
}

/// A field error when the provision ended before `dag`.
pub(super) fn niet_beeindigd(info: &VoorzieningInfo, dag: NaiveDate) -> Result<(), StoreFout> {
    match info.beeindigd_op {
        Some(eind) if eind < dag => Err(fout(
            "voorziening",
            KlantreisFout::VoorzieningBeeindigd {
                voorziening: info.naam.clone(),
                datum: eind,
            },
        )),
        _ => Ok(()),
    }
}
