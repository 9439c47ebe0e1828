//! The werkvoorraad through the gateway: one's own queue, or for a
//! teamleider a worker of the team and the whole team (`store::toegang`).

use super::Loket;
use crate::store::StoreFout;
use crate::store::toegang;
use crate::store::werkvoorraad::{TeamWerkvoorraad, Werkvoorraad};

impl Loket<'_> {
    /// The queue of `medewerker` on today.
    pub fn werkvoorraad(&self, medewerker: &str) -> Result<Werkvoorraad, StoreFout> {
        toegang::werkvoorraad(
            &*self.gw.lees()?,
            self.gebruiker()?,
            medewerker,
            self.vandaag,
        )
    }

    /// The queues of a wijkteam's medewerkers and the team totals.
    pub fn werkvoorraad_team(&self, wijkteam: &str) -> Result<TeamWerkvoorraad, StoreFout> {
        toegang::werkvoorraad_team(&*self.gw.lees()?, self.gebruiker()?, wijkteam, self.vandaag)
    }
}
