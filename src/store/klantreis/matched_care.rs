//! Matched care: the provisions of the sociale kaart that fit a melding,
//! algemene first, each with its providers and their active contract.

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use crate::domain::klantreis::Leefgebied;
use crate::domain::{VoorzieningSoort, Wet};
use crate::store::StoreFout;
use crate::store::db::{Db, Param};

use super::{actief_contract, melding};

/// A provider of a fitting provision and its contract on the day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AanbiederOptie {
    /// Provider id.
    pub aanbieder: String,
    /// Provider name.
    pub naam: String,
    /// The contract for the law active on the day; `None`: a maatwerkcontract must be confirmed.
    pub actief_contract: Option<String>,
}

/// A provision of the sociale kaart that fits the melding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassendeVoorziening {
    /// Provision id.
    pub id: String,
    /// Name.
    pub naam: String,
    /// Algemeen, voorliggend or maatwerk.
    pub soort: VoorzieningSoort,
    /// The law.
    pub wet: Option<Wet>,
    /// National category.
    pub categorie: Option<String>,
    /// How many of the asked life domains it answers.
    pub gedeelde_leefgebieden: u32,
    /// Its providers.
    pub aanbieders: Vec<AanbiederOptie>,
}

/// Matched care: the provisions (not ended on `dag`) that answer at least
/// one of `leefgebieden` (all, when none are given) and fall under `wet`
/// (an algemene or voorliggende voorziening without law fits any law).
/// Order: algemene voorzieningen first, then voorliggende, then maatwerk;
/// within a kind the most shared life domains first, then by name. Each
/// with its providers and whether a contract for the law runs on `dag`.
pub fn passende_voorzieningen<'a>(
    db: impl Into<Db<'a>>,
    wet: Option<Wet>,
    leefgebieden: &[Leefgebied],
    dag: NaiveDate,
) -> Result<Vec<PassendeVoorziening>, StoreFout> {
    let db = db.into();
    let codes: Vec<&str> = leefgebieden.iter().map(|l| l.code()).collect();
    // One parameter per life domain (a handful at most): ?3, ?4, …
    let lijst = (0..codes.len())
        .map(|i| format!("?{}", i + 3))
        .collect::<Vec<_>>()
        .join(", ");
    let gedeeld = if codes.is_empty() {
        "0".to_owned()
    } else {
        format!(
            "(SELECT count(*) FROM voorziening_leefgebied vl
               WHERE vl.voorziening = v.id AND vl.leefgebied IN ({lijst}))"
        )
    };
    let filter = if codes.is_empty() {
        ""
    } else {
        "WHERE gedeeld > 0"
    };
    let sql = format!(
        "SELECT id, naam, soort, wet, categorie, gedeeld FROM (
             SELECT v.id, v.naam, v.soort, v.wet, v.categorie, {gedeeld} AS gedeeld
             FROM voorziening v
             WHERE (v.beeindigd_op IS NULL OR v.beeindigd_op >= ?2)
               AND (CAST(?1 AS TEXT) IS NULL OR v.wet = ?1 OR (v.wet IS NULL AND v.soort <> 'maatwerk'))
         ) AS p {filter}
         ORDER BY CASE soort WHEN 'algemeen' THEN 0 WHEN 'voorliggend' THEN 1 ELSE 2 END,
                  gedeeld DESC, {}, id",
        db.nocase("naam")
    );
    let wet_code = wet.map(Wet::code);
    let mut param: Vec<&dyn Param> = vec![&wet_code, &dag];
    param.extend(codes.iter().map(|c| c as &dyn Param));
    let mut lijst: Vec<PassendeVoorziening> = db.query_map(&sql, &param, |r| {
        Ok(PassendeVoorziening {
            id: r.get(0)?,
            naam: r.get(1)?,
            soort: r.lijst(2, VoorzieningSoort::parse)?,
            wet: r.optie_lijst(3, Wet::parse)?,
            categorie: r.get(4)?,
            gedeelde_leefgebieden: r.get(5)?,
            aanbieders: Vec::new(),
        })
    })?;
    let aanbieders_sql = format!(
        "SELECT a.id, a.naam FROM voorziening_aanbieder va JOIN aanbieder a ON a.id = va.aanbieder
         WHERE va.voorziening = ?1 ORDER BY {}, a.id",
        db.nocase("a.naam")
    );
    for v in &mut lijst {
        let paren: Vec<(String, String)> =
            db.query_map(&aanbieders_sql, &[&v.id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        for (id, naam) in paren {
            let contract_wet = v.wet.or(wet);
            let actief_contract = match contract_wet {
                Some(w) => actief_contract(db, &id, w, dag)?,
                None => None,
            };
            v.aanbieders.push(AanbiederOptie {
                aanbieder: id,
                naam,
                actief_contract,
            });
        }
    }
    Ok(lijst)
}

/// Matched care for a melding: [`passende_voorzieningen`] for its law and
/// life domains on `dag`.
pub fn passende_voorzieningen_voor_melding<'a>(
    db: impl Into<Db<'a>>,
    melding: &str,
    dag: NaiveDate,
) -> Result<Vec<PassendeVoorziening>, StoreFout> {
    let db = db.into();
    let kern = self::melding(db, melding)?;
    passende_voorzieningen(db, kern.wet, &kern.leefgebieden, dag)
}

/// Links a provision to life domains and providers, keeping links that
/// exist (`INSERT OR IGNORE`, no audit row: used inside the transaction
/// that writes a demo register, as `koppel_geleverde_aanbieders` after an
/// import). A beheerder changes the links afterwards as usual.
pub fn koppel_voorziening(
    conn: &Connection,
    voorziening: &str,
    leefgebieden: &[Leefgebied],
    aanbieders: &[&str],
) -> Result<(), StoreFout> {
    let mut lg = conn.prepare_cached(
        "INSERT OR IGNORE INTO voorziening_leefgebied (voorziening, leefgebied) VALUES (?1, ?2)",
    )?;
    for l in leefgebieden {
        lg.execute(params![voorziening, l.code()])?;
    }
    let mut ab = conn.prepare_cached(
        "INSERT OR IGNORE INTO voorziening_aanbieder (voorziening, aanbieder) VALUES (?1, ?2)",
    )?;
    for a in aanbieders {
        ab.execute(params![voorziening, a])?;
    }
    Ok(())
}
