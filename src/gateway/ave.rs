//! AVE through the gateway: the household view, op- en afschalen, the team
//! overview and the level texts. Thin calls into `store::ave`, each checked
//! against the session (`store::toegang`); each write is one store call,
//! which is one transaction, at the clock's moment.

use super::Loket;
use crate::domain::ave::{AveNiveauTekst, NieuweAveGebeurtenis};
use crate::store::StoreFout;
use crate::store::ave::{self, AveInvoer, AveRij, HuishoudenOverzicht, TeamOverzicht};
use crate::store::toegang::{self, Recht};

impl Loket<'_> {
    /// The household view on today: members, open meldingen, running provisions, level now.
    pub fn ave_huishouden(&self, huishouden: &str) -> Result<HuishoudenOverzicht, StoreFout> {
        toegang::huishouden(
            &*self.gw.lees()?,
            self.gebruiker()?,
            huishouden,
            self.vandaag,
        )
    }

    /// A household's AVE events, oldest first.
    pub fn ave_historie(&self, huishouden: &str) -> Result<Vec<AveRij>, StoreFout> {
        toegang::ave_historie(
            &*self.gw.lees()?,
            self.gebruiker()?,
            huishouden,
            self.vandaag,
        )
    }

    /// What the op/afschalen form of `huishouden` needs.
    pub fn ave_invoer(&self, huishouden: &str) -> Result<AveInvoer, StoreFout> {
        let conn = self.gw.lees()?;
        toegang::eis_huishouden(&conn, self.gebruiker()?, huishouden, self.vandaag)?;
        ave::invoer(&conn, huishouden)
    }

    /// The five level texts (reworded or default), level 0 first.
    pub fn ave_teksten(&self) -> Result<Vec<AveNiveauTekst>, StoreFout> {
        ave::niveau_teksten(&*self.gw.lees()?)
    }

    /// Records a change of level, recorded by the session's medewerker (an
    /// event in anyone else's name is refused); every rule is checked
    /// again. Returns the event's id.
    pub fn ave_registreer(&self, nieuw: &NieuweAveGebeurtenis) -> Result<String, StoreFout> {
        let g = self.eis_zelf(&nieuw.geregistreerd_door)?;
        let conn = self.gw.lees()?;
        toegang::eis_huishouden(&conn, g, &nieuw.huishouden, self.vandaag)?;
        ave::registreer(&conn, nieuw, self.vandaag, self.klok.nu().naive_utc())
    }

    /// Rewords the level texts (a beheerder).
    pub fn ave_herformuleer(&self, teksten: &[AveNiveauTekst]) -> Result<(), StoreFout> {
        let g = self.eis(Recht::Referentiegegevens)?;
        ave::herformuleer(
            &*self.gw.lees()?,
            &g.id,
            teksten,
            &self.klok.audit_tijdstip(),
        )
    }

    /// The team lead's AVE overview on today.
    pub fn ave_team_overzicht(&self) -> Result<TeamOverzicht, StoreFout> {
        toegang::ave_team_overzicht(&*self.gw.lees()?, self.gebruiker()?, self.vandaag)
    }
}
