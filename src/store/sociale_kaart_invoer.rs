//! One record of the sociale kaart as the beheer forms edit it: a provision
//! with its life domains, providers and end date, and a contract with its
//! provider's id. The lists in `store::sociale_kaart` are for reading; a
//! change form needs everything the change writes back, or a save would
//! silently drop the links.
//!
//! On both engines ([`Db`]).

use chrono::NaiveDate;

use super::StoreFout;
use super::db::Db;
use super::sociale_kaart_beheer::VoorzieningInvoer;
use crate::domain::klantreis::Leefgebied;
use crate::domain::{Contract, ContractSoort, Voorziening, VoorzieningSoort, Wet};

/// A provision as the change form starts from, with its end date.
#[derive(Debug, Clone, PartialEq)]
pub struct VoorzieningDetail {
    /// What the form edits and saves.
    pub invoer: VoorzieningInvoer,
    /// Its last day, if it has been ended.
    pub beeindigd_op: Option<NaiveDate>,
}

/// The provision `id` with its links, or `NietGevonden`.
pub fn voorziening_detail<'a>(
    db: impl Into<Db<'a>>,
    id: &str,
) -> Result<VoorzieningDetail, StoreFout> {
    let db = db.into();
    let rij = db.query_opt(
        "SELECT id, naam, soort, wet, categorie, beeindigd_op FROM voorziening WHERE id = ?1",
        &[&id],
        |r| {
            Ok((
                Voorziening {
                    id: r.get(0)?,
                    naam: r.get(1)?,
                    soort: r.lijst(2, VoorzieningSoort::parse)?,
                    wet: r.optie_lijst(3, Wet::parse)?,
                    categorie: r.get(4)?,
                    kenmerken: Vec::new(),
                },
                r.get::<Option<NaiveDate>>(5)?,
            ))
        },
    )?;
    let Some((mut voorziening, beeindigd_op)) = rij else {
        return Err(StoreFout::NietGevonden(format!("voorziening {id}")));
    };
    voorziening.kenmerken = db.query_map(
        "SELECT kenmerk FROM voorziening_kenmerk WHERE voorziening = ?1 ORDER BY kenmerk",
        &[&id],
        |r| r.get(0),
    )?;
    let leefgebieden = db.query_map(
        "SELECT leefgebied FROM voorziening_leefgebied WHERE voorziening = ?1 ORDER BY leefgebied",
        &[&id],
        |r| r.lijst(0, Leefgebied::parse),
    )?;
    let aanbieders = db.query_map(
        "SELECT aanbieder FROM voorziening_aanbieder WHERE voorziening = ?1 ORDER BY aanbieder",
        &[&id],
        |r| r.get(0),
    )?;
    Ok(VoorzieningDetail {
        invoer: VoorzieningInvoer {
            voorziening,
            leefgebieden,
            aanbieders,
        },
        beeindigd_op,
    })
}

/// The contract `id` as a record (with its provider's id), or `NietGevonden`.
pub fn contract<'a>(db: impl Into<Db<'a>>, id: &str) -> Result<Contract, StoreFout> {
    db.into()
        .query_opt(
            "SELECT id, aanbieder, wet, soort, van, tot FROM contract WHERE id = ?1",
            &[&id],
            |r| {
                Ok(Contract {
                    id: r.get(0)?,
                    aanbieder: r.get(1)?,
                    wet: r.lijst(2, Wet::parse)?,
                    soort: r.lijst(3, ContractSoort::parse)?,
                    van: r.get(4)?,
                    tot: r.get(5)?,
                })
            },
        )?
        .ok_or_else(|| StoreFout::NietGevonden(format!("contract {id}")))
}

/// Every identifier in use in `tabel` (`voorziening`, `aanbieder`, `contract`),
/// for making a new one that is free.
pub fn ids<'a>(db: impl Into<Db<'a>>, tabel: KaartTabel) -> Result<Vec<String>, StoreFout> {
    let sql = match tabel {
        KaartTabel::Voorziening => "SELECT id FROM voorziening",
        KaartTabel::Aanbieder => "SELECT id FROM aanbieder",
        KaartTabel::Contract => "SELECT id FROM contract",
    };
    db.into().query_map(sql, &[], |r| r.get(0))
}

/// The tables of the sociale kaart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KaartTabel {
    /// Provisions.
    Voorziening,
    /// Providers.
    Aanbieder,
    /// Contracts.
    Contract,
}

/// The provisions that have been ended, with their last day.
pub fn beeindigde_voorzieningen<'a>(
    db: impl Into<Db<'a>>,
) -> Result<Vec<(String, NaiveDate)>, StoreFout> {
    db.into().query_map(
        "SELECT id, beeindigd_op FROM voorziening WHERE beeindigd_op IS NOT NULL ORDER BY id",
        &[],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}
