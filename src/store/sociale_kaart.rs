//! The sociale kaart, read-only: provisions, providers and contracts, with
//! the filters of the Sociale kaart screen (kind of provision, law).
//!
//! The catalogue is small (hundreds of rows), so these are plain queries;
//! the filters still follow `voorziening_soort` and `contract_wet`.

use chrono::NaiveDate;

use crate::domain::{ContractSoort, VoorzieningSoort, Wet};
use crate::store::StoreFout;
use crate::store::db::Db;

/// What to show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KaartFilter {
    /// Only provisions of this kind.
    pub soort: Option<VoorzieningSoort>,
    /// Only provisions and contracts under this law.
    pub wet: Option<Wet>,
}

/// A provision of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoorzieningRij {
    /// Record identifier.
    pub id: String,
    /// Name.
    pub naam: String,
    /// Algemeen, maatwerk or voorliggend.
    pub soort: VoorzieningSoort,
    /// The law, if any.
    pub wet: Option<Wet>,
    /// National product category code, if any.
    pub categorie: Option<String>,
    /// Tags, in alphabetical order.
    pub kenmerken: Vec<String>,
}

/// A provider with its number of contracts (under the filter's law).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AanbiederRij {
    /// Record identifier.
    pub id: String,
    /// Name.
    pub naam: String,
    /// Chamber of Commerce number.
    pub kvk: Option<String>,
    /// Number of contracts.
    pub contracten: u32,
}

/// A contract with its provider's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractRij {
    /// Record identifier.
    pub id: String,
    /// Provider's name.
    pub aanbieder: String,
    /// Law.
    pub wet: Wet,
    /// Raamcontract or maatwerkcontract.
    pub soort: ContractSoort,
    /// First day.
    pub van: NaiveDate,
    /// Last day, if it ends.
    pub tot: Option<NaiveDate>,
}

impl ContractRij {
    /// Whether the contract runs on `vandaag` (both ends inclusive).
    #[must_use]
    pub fn is_actief(&self, vandaag: NaiveDate) -> bool {
        self.van <= vandaag && self.tot.is_none_or(|t| t >= vandaag)
    }
}

/// Provisions matching the filter, by kind then name.
pub fn voorzieningen<'a>(
    db: impl Into<Db<'a>>,
    filter: KaartFilter,
) -> Result<Vec<VoorzieningRij>, StoreFout> {
    let scheiding = "\u{1f}";
    db.into().query_map(
        "SELECT v.id, v.naam, v.soort, v.wet, v.categorie,
                (SELECT group_concat(k.kenmerk, ?3 ORDER BY k.kenmerk)
                   FROM voorziening_kenmerk k WHERE k.voorziening = v.id)
         FROM voorziening v
         WHERE (CAST(?1 AS TEXT) IS NULL OR v.soort = ?1)
           AND (CAST(?2 AS TEXT) IS NULL OR v.wet = ?2)
         ORDER BY v.soort, v.naam",
        &[
            &filter.soort.map(VoorzieningSoort::code),
            &filter.wet.map(Wet::code),
            &scheiding,
        ],
        |r| {
            let kenmerken: Option<String> = r.get(5)?;
            Ok(VoorzieningRij {
                id: r.get(0)?,
                naam: r.get(1)?,
                soort: r.lijst(2, VoorzieningSoort::parse)?,
                wet: r.optie_lijst(3, Wet::parse)?,
                categorie: r.get(4)?,
                kenmerken: kenmerken
                    .map(|k| k.split(scheiding).map(str::to_owned).collect())
                    .unwrap_or_default(),
            })
        },
    )
}

/// Providers by name, with their number of contracts (under `wet` when given).
pub fn aanbieders<'a>(
    db: impl Into<Db<'a>>,
    wet: Option<Wet>,
) -> Result<Vec<AanbiederRij>, StoreFout> {
    db.into().query_map(
        "SELECT a.id, a.naam, a.kvk,
                (SELECT count(*) FROM contract c WHERE c.aanbieder = a.id AND (CAST(?1 AS TEXT) IS NULL OR c.wet = ?1))
         FROM aanbieder a ORDER BY a.naam",
        &[&wet.map(Wet::code)],
        |r| {
            Ok(AanbiederRij {
                id: r.get(0)?,
                naam: r.get(1)?,
                kvk: r.get(2)?,
                contracten: r.get(3)?,
            })
        },
    )
}

/// Contracts (under `wet` when given), by provider name then start.
pub fn contracten<'a>(
    db: impl Into<Db<'a>>,
    wet: Option<Wet>,
) -> Result<Vec<ContractRij>, StoreFout> {
    db.into().query_map(
        "SELECT c.id, a.naam, c.wet, c.soort, c.van, c.tot
         FROM contract c JOIN aanbieder a ON a.id = c.aanbieder
         WHERE (CAST(?1 AS TEXT) IS NULL OR c.wet = ?1)
         ORDER BY a.naam, c.van, c.id",
        &[&wet.map(Wet::code)],
        |r| {
            Ok(ContractRij {
                id: r.get(0)?,
                aanbieder: r.get(1)?,
                wet: r.lijst(2, Wet::parse)?,
                soort: r.lijst(3, ContractSoort::parse)?,
                van: r.get(4)?,
                tot: r.get(5)?,
            })
        },
    )
}
