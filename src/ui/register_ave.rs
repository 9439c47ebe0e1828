//! The Register's reads and writes for AVE: the household view, op- en
//! afschalen, the team overview and the level texts. Thin wrappers over
//! `store::ave`, so the screens never hold a connection.
//!
//! Every call is checked against the logged-in medewerker (`store::toegang`).
//! Each write is one store call, which is one transaction; the moment of
//! recording is read here (the UI is the layer that may read a clock).

use chrono::NaiveDate;

use crate::domain::ave::{AveNiveauTekst, NieuweAveGebeurtenis};
use crate::store::StoreFout;
use crate::store::ave::{self, AveInvoer, AveRij, HuishoudenOverzicht, TeamOverzicht};
use crate::store::toegang::{self, Recht};
use crate::ui::register::Register;

impl Register {
    /// The household resident `inwoner` belongs to.
    pub fn ave_huishouden_van(&self, inwoner: &str) -> Result<String, StoreFout> {
        toegang::eis_inwoner(self.conn(), self.gebruiker()?, inwoner, self.toegangsdag())?;
        ave::huishouden_van(self.conn(), inwoner)
    }

    /// The household view on `vandaag`: members, open meldingen, running provisions, level now.
    pub fn ave_huishouden(
        &self,
        huishouden: &str,
        vandaag: NaiveDate,
    ) -> Result<HuishoudenOverzicht, StoreFout> {
        toegang::huishouden(self.conn(), self.gebruiker()?, huishouden, vandaag)
    }

    /// A household's AVE events, oldest first.
    pub fn ave_historie(&self, huishouden: &str) -> Result<Vec<AveRij>, StoreFout> {
        toegang::ave_historie(
            self.conn(),
            self.gebruiker()?,
            huishouden,
            self.toegangsdag(),
        )
    }

    /// What the op/afschalen form of `huishouden` needs.
    pub fn ave_invoer(&self, huishouden: &str) -> Result<AveInvoer, StoreFout> {
        toegang::eis_huishouden(
            self.conn(),
            self.gebruiker()?,
            huishouden,
            self.toegangsdag(),
        )?;
        ave::invoer(self.conn(), huishouden)
    }

    /// The five level texts (reworded or default), level 0 first.
    pub fn ave_teksten(&self) -> Result<Vec<AveNiveauTekst>, StoreFout> {
        ave::niveau_teksten(self.conn())
    }

    /// Records a change of level, now; every rule is checked again. Returns the event's id.
    pub fn ave_registreer(
        &self,
        nieuw: &NieuweAveGebeurtenis,
        vandaag: NaiveDate,
    ) -> Result<String, StoreFout> {
        let g = self.eis_zelf(&nieuw.geregistreerd_door)?;
        toegang::eis_huishouden(self.conn(), g, &nieuw.huishouden, vandaag)?;
        let nu = chrono::Utc::now().naive_utc();
        ave::registreer(self.conn(), nieuw, vandaag, nu)
    }

    /// Rewords the level texts as `door` (a beheerder).
    pub fn ave_herformuleer(
        &self,
        door: &str,
        teksten: &[AveNiveauTekst],
    ) -> Result<(), StoreFout> {
        self.eis_zelf(door)?;
        self.eis(Recht::Referentiegegevens)?;
        let nu = crate::store::audit::tijdstip(&chrono::Utc::now());
        ave::herformuleer(self.conn(), door, teksten, &nu)
    }

    /// The team lead's AVE overview on `vandaag`.
    pub fn ave_team_overzicht(&self, vandaag: NaiveDate) -> Result<TeamOverzicht, StoreFout> {
        toegang::ave_team_overzicht(self.conn(), self.gebruiker()?, vandaag)
    }
}
