//! Medewerkers as the app lists them (the "werken als" choice until accounts
//! exist, and pickers in forms).

use rusqlite::Connection;

use super::StoreFout;
use crate::domain::Rol;

/// A medewerker in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MedewerkerRij {
    /// Identifier.
    pub id: String,
    /// Name.
    pub naam: String,
    /// Role.
    pub rol: Rol,
    /// Wijkteam id, if any.
    pub wijkteam: Option<String>,
}

/// Every medewerker, by name.
pub fn alle(conn: &Connection) -> Result<Vec<MedewerkerRij>, StoreFout> {
    let mut stmt =
        conn.prepare_cached("SELECT id, naam, rol, wijkteam FROM medewerker ORDER BY naam, id")?;
    let rijen = stmt.query_map([], |r| {
        let rol: String = r.get(2)?;
        Ok(MedewerkerRij {
            id: r.get(0)?,
            naam: r.get(1)?,
            rol: Rol::parse(&rol).unwrap_or(Rol::Intaker),
            wijkteam: r.get(3)?,
        })
    })?;
    Ok(rijen.collect::<Result<_, _>>()?)
}

/// One medewerker by id (the user the app works for: [`crate::store::toegang`]).
pub fn een(conn: &Connection, id: &str) -> Result<MedewerkerRij, StoreFout> {
    alle(conn)?
        .into_iter()
        .find(|m| m.id == id)
        .ok_or_else(|| StoreFout::NietGevonden(format!("medewerker {id}")))
}
