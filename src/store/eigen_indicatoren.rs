//! The municipality's own indicators (`eigen_indicator`): added and removed
//! by a teamleider or beheerder (the gateway checks the right), each write
//! in one transaction with its audit row. See `domain::eigen_indicator`.

use crate::domain::catalogus::{self, Indicator};
use crate::domain::eigen_indicator::{EigenIndicator, eenheid_code, eenheid_van};
use crate::domain::{DomeinFout, Veldfout};

use super::StoreFout;
use super::db::{Db, Rij};
use super::klantreis::{Handeling, log};

fn rij(r: &Rij<'_, '_>) -> Result<EigenIndicator, StoreFout> {
    let code: String = r.get(0)?;
    let eenheid: String = r.get(2)?;
    Ok(EigenIndicator {
        eenheid: eenheid_van(&eenheid).ok_or_else(|| {
            StoreFout::Beschadigd(format!(
                "eigen indicator '{code}' heeft een onbekende eenheid '{eenheid}'"
            ))
        })?,
        code,
        naam: r.get(1)?,
        bron: r.get(3)?,
        doel: r.get(4)?,
        beleidslijn: r.get(5)?,
    })
}

/// Every own indicator, by code.
pub fn lees<'a>(db: impl Into<Db<'a>>) -> Result<Vec<EigenIndicator>, StoreFout> {
    db.into().query_map(
        "SELECT code, naam, eenheid, bron, doel, beleidslijn FROM eigen_indicator ORDER BY code",
        &[],
        rij,
    )
}

/// The own indicators as the report uses them, in code order.
pub fn indicatoren<'a>(db: impl Into<Db<'a>>) -> Result<Vec<&'static Indicator>, StoreFout> {
    lees(db)?
        .iter()
        .map(|e| {
            e.als_indicator().ok_or_else(|| {
                StoreFout::Beschadigd(format!(
                    "eigen indicator '{}' noemt een onbekend doel '{}'",
                    e.code, e.doel
                ))
            })
        })
        .collect()
}

/// The indicator with `code`: one of the catalogue's or an own one.
pub fn indicator<'a>(
    db: impl Into<Db<'a>>,
    code: &str,
) -> Result<Option<&'static Indicator>, StoreFout> {
    if let Some(i) = catalogus::indicator(code) {
        return Ok(Some(i));
    }
    let eigen = db.into().query_opt(
        "SELECT code, naam, eenheid, bron, doel, beleidslijn FROM eigen_indicator WHERE code = ?1",
        &[&code],
        rij,
    )?;
    Ok(eigen.and_then(|e| e.als_indicator()))
}

/// Adds an own indicator (checked by the domain; its code not yet taken).
pub fn voeg_toe<'a>(
    db: impl Into<Db<'a>>,
    h: Handeling<'_>,
    i: &EigenIndicator,
) -> Result<(), StoreFout> {
    i.valideer().map_err(StoreFout::Validatie)?;
    db.into().transactie(|tx| {
        let bestaat: bool = tx.query_one(
            "SELECT EXISTS (SELECT 1 FROM eigen_indicator WHERE code = ?1)",
            &[&i.code.trim()],
            |r| r.get(0),
        )?;
        if bestaat {
            return Err(StoreFout::Validatie(vec![Veldfout::new(
                "code",
                DomeinFout::CodeBestaat(i.code.trim().to_owned()),
            )]));
        }
        tx.execute(
            "INSERT INTO eigen_indicator (code, naam, eenheid, bron, doel, beleidslijn)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            &[
                &i.code.trim(),
                &i.naam.trim(),
                &eenheid_code(i.eenheid),
                &i.bron.trim(),
                &i.doel,
                &i.beleidslijn,
            ],
        )?;
        log(
            tx,
            h,
            "eigen-indicator-toevoegen",
            &format!("indicator:{}", i.code.trim()),
            None,
        )
    })
}

/// Removes an own indicator that has no values or targets recorded;
/// whether it existed.
pub fn verwijder<'a>(
    db: impl Into<Db<'a>>,
    h: Handeling<'_>,
    code: &str,
) -> Result<bool, StoreFout> {
    db.into().transactie(|tx| {
        let waarden: i64 = tx.query_one(
            "SELECT count(*) FROM indicatorwaarde WHERE indicator = ?1",
            &[&code],
            |r| r.get(0),
        )?;
        if waarden > 0 {
            return Err(StoreFout::Validatie(vec![Veldfout::new(
                "code",
                DomeinFout::InGebruik(format!(
                    "indicator {code} heeft {waarden} vastgelegde waarden; wis die eerst"
                )),
            )]));
        }
        let n = tx.execute("DELETE FROM eigen_indicator WHERE code = ?1", &[&code])?;
        if n > 0 {
            log(
                tx,
                h,
                "eigen-indicator-verwijderen",
                &format!("indicator:{code}"),
                None,
            )?;
        }
        Ok(n > 0)
    })
}
