//! What people read for the objects the audit log names by id
//! (`inwoner:I-005001`, `melding:M-17`, `voorziening:V-BEG`): a name and,
//! where a name alone does not tell records apart, a date. The log keeps
//! its ids; only the Beheer screen shows these names.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};

use super::StoreFout;

/// The readable name of each object in `objecten` that still exists; an
/// object without a row (destroyed, or not a record) is left out.
pub fn namen(conn: &Connection, objecten: &[&str]) -> Result<HashMap<String, String>, StoreFout> {
    let mut uit = HashMap::new();
    for object in objecten {
        if uit.contains_key(*object) {
            continue;
        }
        let Some((soort, id)) = object.split_once(':') else {
            continue;
        };
        let sql = match soort {
            "inwoner" => {
                "SELECT trim(voornaam || ' ' || achternaam) || ', geboren ' || strftime('%d-%m-%Y', geboortedatum)
                 FROM inwoner WHERE id = ?1"
            }
            "huishouden" => {
                "SELECT 'huishouden ' || group_concat(achternaam, ' / ') FROM
                 (SELECT DISTINCT achternaam FROM inwoner WHERE huishouden = ?1) HAVING count(*) > 0"
            }
            "melding" => {
                "SELECT 'melding van ' || trim(i.voornaam || ' ' || i.achternaam) || ' van ' || strftime('%d-%m-%Y', m.datum)
                 FROM melding m JOIN inwoner i ON i.id = m.inwoner WHERE m.id = ?1"
            }
            "toekenning" => {
                "SELECT v.naam || ' voor ' || trim(i.voornaam || ' ' || i.achternaam)
                 FROM toekenning t JOIN inwoner i ON i.id = t.inwoner
                 JOIN voorziening v ON v.id = t.voorziening WHERE t.id = ?1"
            }
            "medewerker" => "SELECT naam FROM medewerker WHERE id = ?1",
            "voorziening" => "SELECT 'voorziening ' || naam FROM voorziening WHERE id = ?1",
            "aanbieder" => "SELECT 'aanbieder ' || naam FROM aanbieder WHERE id = ?1",
            "contract" => {
                "SELECT 'contract met ' || a.naam || ' vanaf ' || strftime('%d-%m-%Y', c.van)
                 FROM contract c JOIN aanbieder a ON a.id = c.aanbieder WHERE c.id = ?1"
            }
            "bestand" => {
                uit.insert((*object).to_owned(), format!("bestand {id}"));
                continue;
            }
            _ => continue,
        };
        if let Some(naam) = conn
            .query_row(sql, [id], |r| r.get::<_, String>(0))
            .optional()?
        {
            uit.insert((*object).to_owned(), naam);
        }
    }
    Ok(uit)
}
