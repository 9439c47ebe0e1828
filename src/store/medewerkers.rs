//! Medewerkers as the app lists them (the "werken als" choice until accounts
//! exist, and pickers in forms).

use rusqlite::{Connection, OptionalExtension};

use super::{StoreFout, kolom};
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

/// A medewerker row (`id, naam, rol, wijkteam`). The schema's CHECK allows
/// only known roles; anything else is a conversion error, never a silent
/// default role (roles decide access).
fn rij(r: &rusqlite::Row<'_>) -> rusqlite::Result<MedewerkerRij> {
    Ok(MedewerkerRij {
        id: r.get(0)?,
        naam: r.get(1)?,
        rol: kolom::lijst(r, 2, Rol::parse)?,
        wijkteam: r.get(3)?,
    })
}

/// Every medewerker, by name.
pub fn alle(conn: &Connection) -> Result<Vec<MedewerkerRij>, StoreFout> {
    let mut stmt =
        conn.prepare_cached("SELECT id, naam, rol, wijkteam FROM medewerker ORDER BY naam, id")?;
    let rijen = stmt.query_map([], rij)?;
    Ok(rijen.collect::<Result<_, _>>()?)
}

/// One medewerker by id (the user the app works for: [`crate::store::toegang`]).
pub fn een(conn: &Connection, id: &str) -> Result<MedewerkerRij, StoreFout> {
    conn.prepare_cached("SELECT id, naam, rol, wijkteam FROM medewerker WHERE id = ?1")?
        .query_row([id], rij)
        .optional()?
        .ok_or_else(|| StoreFout::NietGevonden(format!("medewerker {id}")))
}
