//! Medewerkers as the app lists them (the "werken als" choice until accounts
//! exist, and pickers in forms).

use super::StoreFout;
use super::db::{Db, Rij};
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
fn rij(r: &Rij<'_, '_>) -> Result<MedewerkerRij, StoreFout> {
    Ok(MedewerkerRij {
        id: r.get(0)?,
        naam: r.get(1)?,
        rol: r.lijst(2, Rol::parse)?,
        wijkteam: r.get(3)?,
    })
}

/// Every medewerker, by name.
pub fn alle<'a>(db: impl Into<Db<'a>>) -> Result<Vec<MedewerkerRij>, StoreFout> {
    db.into().query_map(
        "SELECT id, naam, rol, wijkteam FROM medewerker ORDER BY naam, id",
        &[],
        rij,
    )
}

/// One medewerker by id (the user the app works for: [`crate::store::toegang`]).
pub fn een<'a>(db: impl Into<Db<'a>>, id: &str) -> Result<MedewerkerRij, StoreFout> {
    db.into()
        .query_opt(
            "SELECT id, naam, rol, wijkteam FROM medewerker WHERE id = ?1",
            &[&id],
            rij,
        )?
        .ok_or_else(|| StoreFout::NietGevonden(format!("medewerker {id}")))
}
