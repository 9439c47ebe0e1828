//! One record of the sociale kaart as the beheer forms edit it: a provision
//! with its life domains, providers and end date, and a contract with its
//! provider's id. The lists in `store::sociale_kaart` are for reading; a
//! change form needs everything the change writes back, or a save would
//! silently drop the links.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};

use super::StoreFout;
use super::kolom;
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

/// The first column of every row of `sql` for `id`, read by `lees`.
fn eerste_kolom<T>(
    conn: &Connection,
    sql: &str,
    id: &str,
    lees: fn(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>, StoreFout> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rijen = stmt.query_map([id], lees)?;
    Ok(rijen.collect::<Result<_, _>>()?)
}

/// The provision `id` with its links, or `NietGevonden`.
pub fn voorziening_detail(conn: &Connection, id: &str) -> Result<VoorzieningDetail, StoreFout> {
    let rij = conn
        .query_row(
            "SELECT id, naam, soort, wet, categorie, beeindigd_op FROM voorziening WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    Voorziening {
                        id: r.get(0)?,
                        naam: r.get(1)?,
                        soort: kolom::lijst(r, 2, VoorzieningSoort::parse)?,
                        wet: kolom::optie_lijst(r, 3, Wet::parse)?,
                        categorie: r.get(4)?,
                        kenmerken: Vec::new(),
                    },
                    kolom::optie_datum(r, 5)?,
                ))
            },
        )
        .optional()?;
    let Some((mut voorziening, beeindigd_op)) = rij else {
        return Err(StoreFout::NietGevonden(format!("voorziening {id}")));
    };
    voorziening.kenmerken = eerste_kolom(
        conn,
        "SELECT kenmerk FROM voorziening_kenmerk WHERE voorziening = ?1 ORDER BY kenmerk",
        id,
        |r| r.get(0),
    )?;
    let leefgebieden = eerste_kolom(
        conn,
        "SELECT leefgebied FROM voorziening_leefgebied WHERE voorziening = ?1",
        id,
        |r| kolom::lijst(r, 0, Leefgebied::parse),
    )?;
    let aanbieders = eerste_kolom(
        conn,
        "SELECT aanbieder FROM voorziening_aanbieder WHERE voorziening = ?1 ORDER BY aanbieder",
        id,
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
pub fn contract(conn: &Connection, id: &str) -> Result<Contract, StoreFout> {
    conn.query_row(
        "SELECT id, aanbieder, wet, soort, van, tot FROM contract WHERE id = ?1",
        [id],
        |r| {
            Ok(Contract {
                id: r.get(0)?,
                aanbieder: r.get(1)?,
                wet: kolom::lijst(r, 2, Wet::parse)?,
                soort: kolom::lijst(r, 3, ContractSoort::parse)?,
                van: kolom::datum(r, 4)?,
                tot: kolom::optie_datum(r, 5)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| StoreFout::NietGevonden(format!("contract {id}")))
}

/// Every identifier in use in `tabel` (`voorziening`, `aanbieder`, `contract`),
/// for making a new one that is free.
pub fn ids(conn: &Connection, tabel: KaartTabel) -> Result<Vec<String>, StoreFout> {
    let sql = match tabel {
        KaartTabel::Voorziening => "SELECT id FROM voorziening",
        KaartTabel::Aanbieder => "SELECT id FROM aanbieder",
        KaartTabel::Contract => "SELECT id FROM contract",
    };
    let mut stmt = conn.prepare_cached(sql)?;
    let rijen = stmt.query_map([], |r| r.get(0))?;
    Ok(rijen.collect::<Result<_, _>>()?)
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
pub fn beeindigde_voorzieningen(conn: &Connection) -> Result<Vec<(String, NaiveDate)>, StoreFout> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, beeindigd_op FROM voorziening WHERE beeindigd_op IS NOT NULL ORDER BY id",
    )?;
    let rijen = stmt.query_map([], |r| Ok((r.get(0)?, kolom::datum(r, 1)?)))?;
    Ok(rijen.collect::<Result<_, _>>()?)
}
