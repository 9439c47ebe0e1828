//! What people read for the objects the audit log names by id
//! (`inwoner:I-005001`, `melding:M-17`, `voorziening:V-BEG`): a name and,
//! where a name alone does not tell records apart, a date. The log keeps
//! its ids; only the Beheer screen shows these names.
//!
//! On both engines ([`Db`]): the queries read the parts, and the text
//! (dates as dd-mm-jjjj) is made here in Rust, the same for each.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::StoreFout;
use super::db::Db;
use crate::domain::datum::nl;

/// A person's name as the screens show it: first and last name, the space
/// between them dropped when the first name is empty.
fn volle_naam(voornaam: &str, achternaam: &str) -> String {
    format!("{voornaam} {achternaam}")
        .trim_matches(' ')
        .to_owned()
}

/// The readable name of each object in `objecten` that still exists; an
/// object without a row (destroyed, or not a record) is left out.
pub fn namen<'a>(
    db: impl Into<Db<'a>>,
    objecten: &[&str],
) -> Result<HashMap<String, String>, StoreFout> {
    let db = db.into();
    let mut uit = HashMap::new();
    for object in objecten {
        if uit.contains_key(*object) {
            continue;
        }
        let Some((soort, id)) = object.split_once(':') else {
            continue;
        };
        let naam = match soort {
            "inwoner" => db.query_opt(
                "SELECT voornaam, achternaam, geboortedatum FROM inwoner WHERE id = ?1",
                &[&id],
                |r| {
                    let geboren: NaiveDate = r.get(2)?;
                    Ok(format!(
                        "{}, geboren {}",
                        volle_naam(&r.get::<String>(0)?, &r.get::<String>(1)?),
                        nl(geboren)
                    ))
                },
            )?,
            "huishouden" => {
                // Each surname once, in the order the members were registered.
                let achternamen: Vec<String> = db.query_map(
                    "SELECT achternaam FROM inwoner WHERE huishouden = ?1
                     GROUP BY achternaam ORDER BY min(id)",
                    &[&id],
                    |r| r.get(0),
                )?;
                (!achternamen.is_empty())
                    .then(|| format!("huishouden {}", achternamen.join(" / ")))
            }
            "melding" => db.query_opt(
                "SELECT i.voornaam, i.achternaam, m.datum
                 FROM melding m JOIN inwoner i ON i.id = m.inwoner WHERE m.id = ?1",
                &[&id],
                |r| {
                    let datum: NaiveDate = r.get(2)?;
                    Ok(format!(
                        "melding van {} van {}",
                        volle_naam(&r.get::<String>(0)?, &r.get::<String>(1)?),
                        nl(datum)
                    ))
                },
            )?,
            "toekenning" => db.query_opt(
                "SELECT v.naam, i.voornaam, i.achternaam
                 FROM toekenning t JOIN inwoner i ON i.id = t.inwoner
                 JOIN voorziening v ON v.id = t.voorziening WHERE t.id = ?1",
                &[&id],
                |r| {
                    Ok(format!(
                        "{} voor {}",
                        r.get::<String>(0)?,
                        volle_naam(&r.get::<String>(1)?, &r.get::<String>(2)?)
                    ))
                },
            )?,
            "medewerker" => db.query_opt(
                "SELECT naam FROM medewerker WHERE id = ?1",
                &[&id],
                |r| r.get(0),
            )?,
            "voorziening" => db.query_opt(
                "SELECT naam FROM voorziening WHERE id = ?1",
                &[&id],
                |r| Ok(format!("voorziening {}", r.get::<String>(0)?)),
            )?,
            "aanbieder" => db.query_opt(
                "SELECT naam FROM aanbieder WHERE id = ?1",
                &[&id],
                |r| Ok(format!("aanbieder {}", r.get::<String>(0)?)),
            )?,
            "contract" => db.query_opt(
                "SELECT a.naam, c.van FROM contract c JOIN aanbieder a ON a.id = c.aanbieder WHERE c.id = ?1",
                &[&id],
                |r| {
                    let van: NaiveDate = r.get(1)?;
                    Ok(format!("contract met {} vanaf {}", r.get::<String>(0)?, nl(van)))
                },
            )?,
            "bestand" => Some(format!("bestand {id}")),
            _ => None,
        };
        if let Some(naam) = naam {
            uit.insert((*object).to_owned(), naam);
        }
    }
    Ok(uit)
}
