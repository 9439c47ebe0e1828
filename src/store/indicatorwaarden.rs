//! External indicator values (*realisatie*) and targets (*begroot*): one
//! row per (indicator, jaar, soort) in `indicatorwaarde`.
//!
//! Every write is checked against the catalogue and runs in its own
//! transaction: a target may be set for any indicator, a realisatie only
//! for an external one (the register computes the others).
//!
//! On both engines ([`Db`]).

use crate::domain::catalogus;
use crate::domain::{Indicatorwaarde, Veldfout, WaardeSoort};

use super::StoreFout;
use super::audit;
use super::db::Db;
use super::klantreis::Handeling;

/// What can go wrong when recording an indicator value.
#[derive(Debug, thiserror::Error)]
pub enum IndicatorwaardeFout {
    /// The code is neither in the catalogue nor an own indicator.
    #[error("'{0}' is geen indicator uit de catalogus en geen eigen indicator van de gemeente")]
    OnbekendeCode(String),
    /// A realisatie for an indicator the register computes.
    #[error(
        "indicator {0} wordt uit het register berekend; een gerealiseerde waarde kan alleen voor externe indicatoren worden vastgelegd"
    )]
    RealisatieVoorBerekend(String),
    /// Neither a number nor a text.
    #[error("vul een waarde of een tekst in voor indicator {0} (of wis de waarde)")]
    Leeg(String),
    /// A field is invalid.
    #[error("{}", super::veldfouten_tekst(.0))]
    Validatie(Vec<Veldfout>),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreFout),
}

impl From<rusqlite::Error> for IndicatorwaardeFout {
    fn from(e: rusqlite::Error) -> Self {
        IndicatorwaardeFout::Store(StoreFout::from(e))
    }
}

/// Checks a value against the catalogue and its own fields (an own
/// indicator: see [`valideer_in`]).
pub fn valideer(waarde: &Indicatorwaarde) -> Result<(), IndicatorwaardeFout> {
    valideer_voor(waarde, catalogus::indicator(&waarde.indicator))
}

/// Checks a value against the catalogue and the register's own
/// indicators, and its own fields.
pub fn valideer_in<'a>(
    db: impl Into<Db<'a>>,
    waarde: &Indicatorwaarde,
) -> Result<(), IndicatorwaardeFout> {
    let indicator = super::eigen_indicatoren::indicator(db, &waarde.indicator)?;
    valideer_voor(waarde, indicator)
}

fn valideer_voor(
    waarde: &Indicatorwaarde,
    indicator: Option<&'static catalogus::Indicator>,
) -> Result<(), IndicatorwaardeFout> {
    let Some(indicator) = indicator else {
        return Err(IndicatorwaardeFout::OnbekendeCode(waarde.indicator.clone()));
    };
    if waarde.soort == WaardeSoort::Realisatie && indicator.is_berekend() {
        return Err(IndicatorwaardeFout::RealisatieVoorBerekend(
            waarde.indicator.clone(),
        ));
    }
    waarde.valideer().map_err(IndicatorwaardeFout::Validatie)?;
    if waarde.waarde.is_none() && waarde.tekst.as_deref().is_none_or(|t| t.trim().is_empty()) {
        return Err(IndicatorwaardeFout::Leeg(waarde.indicator.clone()));
    }
    Ok(())
}

/// Records (inserts or replaces) a realisatie or begroot value.
pub fn zet<'a>(db: impl Into<Db<'a>>, waarde: &Indicatorwaarde) -> Result<(), IndicatorwaardeFout> {
    zet_als(db, waarde, None)
}

/// The audit row of a change to a value, when a medewerker made it (the app;
/// the command line and tests pass `None`).
fn log_wijziging(
    tx: Db<'_>,
    door: Option<Handeling<'_>>,
    actie: &str,
    indicator: &str,
    jaar: i32,
    soort: WaardeSoort,
) -> Result<(), StoreFout> {
    if let Some(h) = door {
        audit::log(
            tx,
            &audit::Logregel {
                tijdstip: h.tijdstip,
                actor: h.medewerker,
                actie,
                object: Some(&format!(
                    "indicatorwaarde:{indicator}:{jaar}:{}",
                    soort.code()
                )),
                doel: None,
                resultaat: audit::Resultaat::Gelukt,
                details: None,
            },
        )?;
    }
    Ok(())
}

/// [`zet`] by a medewerker: the value and its audit row in one transaction.
pub fn zet_als<'a>(
    db: impl Into<Db<'a>>,
    waarde: &Indicatorwaarde,
    door: Option<Handeling<'_>>,
) -> Result<(), IndicatorwaardeFout> {
    let db = db.into();
    valideer_in(db, waarde)?;
    db.transactie(|tx| {
        tx.execute(
            "INSERT INTO indicatorwaarde (indicator, jaar, soort, waarde, tekst, bron)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (indicator, jaar, soort) DO UPDATE SET
             waarde = excluded.waarde, tekst = excluded.tekst, bron = excluded.bron",
            &[
                &waarde.indicator,
                &waarde.jaar,
                &waarde.soort.code(),
                &waarde.waarde,
                &waarde.tekst,
                &waarde.bron,
            ],
        )?;
        log_wijziging(
            tx,
            door,
            "wijzigen",
            &waarde.indicator,
            waarde.jaar,
            waarde.soort,
        )?;
        Ok(())
    })
}

/// Records a realisatie of an external indicator.
pub fn zet_realisatie<'a>(
    db: impl Into<Db<'a>>,
    indicator: &str,
    jaar: i32,
    waarde: Option<f64>,
    tekst: Option<&str>,
    bron: Option<&str>,
) -> Result<(), IndicatorwaardeFout> {
    zet(
        db,
        &nieuw(
            indicator,
            jaar,
            WaardeSoort::Realisatie,
            waarde,
            tekst,
            bron,
        ),
    )
}

/// Records a target (*begroot*) for any indicator.
pub fn zet_begroot<'a>(
    db: impl Into<Db<'a>>,
    indicator: &str,
    jaar: i32,
    waarde: Option<f64>,
    tekst: Option<&str>,
) -> Result<(), IndicatorwaardeFout> {
    zet(
        db,
        &nieuw(indicator, jaar, WaardeSoort::Begroot, waarde, tekst, None),
    )
}

fn nieuw(
    indicator: &str,
    jaar: i32,
    soort: WaardeSoort,
    waarde: Option<f64>,
    tekst: Option<&str>,
    bron: Option<&str>,
) -> Indicatorwaarde {
    let schoon = |t: Option<&str>| {
        t.map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    };
    Indicatorwaarde {
        indicator: indicator.trim().to_owned(),
        jaar,
        soort,
        waarde,
        tekst: schoon(tekst),
        bron: schoon(bron),
    }
}

/// Removes a value; whether it existed is returned.
pub fn wis<'a>(
    db: impl Into<Db<'a>>,
    indicator: &str,
    jaar: i32,
    soort: WaardeSoort,
) -> Result<bool, IndicatorwaardeFout> {
    wis_als(db, indicator, jaar, soort, None)
}

/// [`wis`] by a medewerker: the removal and its audit row in one transaction.
pub fn wis_als<'a>(
    db: impl Into<Db<'a>>,
    indicator: &str,
    jaar: i32,
    soort: WaardeSoort,
    door: Option<Handeling<'_>>,
) -> Result<bool, IndicatorwaardeFout> {
    let db = db.into();
    if super::eigen_indicatoren::indicator(db, indicator)?.is_none() {
        return Err(IndicatorwaardeFout::OnbekendeCode(indicator.to_owned()));
    }
    db.transactie(|tx| {
        let n = tx.execute(
            "DELETE FROM indicatorwaarde WHERE indicator = ?1 AND jaar = ?2 AND soort = ?3",
            &[&indicator, &jaar, &soort.code()],
        )?;
        if n > 0 {
            log_wijziging(tx, door, "verwijderen", indicator, jaar, soort)?;
        }
        Ok(n > 0)
    })
}

/// Every value and target of the years `van` to `tot` inclusive, ordered by
/// year, indicator and soort.
pub fn lees<'a>(
    db: impl Into<Db<'a>>,
    van: i32,
    tot: i32,
) -> Result<Vec<Indicatorwaarde>, StoreFout> {
    db.into().query_map(
        "SELECT indicator, jaar, soort, waarde, tekst, bron FROM indicatorwaarde
         WHERE jaar BETWEEN ?1 AND ?2 ORDER BY jaar, indicator, soort",
        &[&van, &tot],
        |r| {
            let soort: String = r.get(2)?;
            Ok(Indicatorwaarde {
                indicator: r.get(0)?,
                jaar: r.get(1)?,
                soort: if soort == "begroot" {
                    WaardeSoort::Begroot
                } else {
                    WaardeSoort::Realisatie
                },
                waarde: r.get(3)?,
                tekst: r.get(4)?,
                bron: r.get(5)?,
            })
        },
    )
}
