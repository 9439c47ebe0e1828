//! The Register's reads and writes for the Werkvoorraad screen and the
//! Sociale kaart beheer: thin wrappers over `store::werkvoorraad`,
//! `store::sociale_kaart_beheer` and `store::sociale_kaart_invoer`, so the
//! screens never hold a connection.
//!
//! Every beheer write is one store call, which is one transaction with its
//! audit row, by the logged-in beheerder only (`store::toegang`); the
//! medewerker is the logged-in one and the moment is
//! read here (the UI is the layer that may read a clock).

use chrono::NaiveDate;

use crate::domain::{Aanbieder, Contract};
use crate::store::StoreFout;
use crate::store::klantreis::Handeling;
use crate::store::sociale_kaart_beheer as beheer;
use crate::store::sociale_kaart_beheer::VoorzieningInvoer;
use crate::store::sociale_kaart_invoer::{self as invoer, KaartTabel, VoorzieningDetail};
use crate::store::toegang::{self, Recht};
use crate::store::werkvoorraad::{TeamWerkvoorraad, Werkvoorraad};
use crate::ui::register::Register;

/// The moment of a change for the audit log, ISO 8601 with offset.
fn nu() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// Runs a beheer write as `medewerker`, now.
fn als<T>(
    medewerker: &str,
    schrijf: impl FnOnce(Handeling<'_>) -> Result<T, StoreFout>,
) -> Result<T, StoreFout> {
    let tijdstip = nu();
    schrijf(Handeling {
        medewerker,
        tijdstip: &tijdstip,
    })
}

impl Register {
    /// Runs a sociale-kaart write as `medewerker`, who must be the
    /// logged-in beheerder.
    fn als_beheerder<T>(
        &self,
        medewerker: &str,
        schrijf: impl FnOnce(Handeling<'_>) -> Result<T, StoreFout>,
    ) -> Result<T, StoreFout> {
        self.eis_zelf(medewerker)?;
        self.eis(Recht::SocialeKaartBeheer)?;
        als(medewerker, schrijf)
    }

    /// The queue of `medewerker` on `vandaag`.
    pub fn werkvoorraad(
        &self,
        medewerker: &str,
        vandaag: NaiveDate,
    ) -> Result<Werkvoorraad, StoreFout> {
        toegang::werkvoorraad(self.conn(), self.gebruiker()?, medewerker, vandaag)
    }

    /// The queues of a wijkteam's medewerkers and the team totals.
    pub fn werkvoorraad_team(
        &self,
        wijkteam: &str,
        vandaag: NaiveDate,
    ) -> Result<TeamWerkvoorraad, StoreFout> {
        toegang::werkvoorraad_team(self.conn(), self.gebruiker()?, wijkteam, vandaag)
    }

    /// A provision with its links and end date, for the change form.
    pub fn voorziening_detail(&self, id: &str) -> Result<VoorzieningDetail, StoreFout> {
        invoer::voorziening_detail(self.conn(), id)
    }

    /// A contract with its provider's id, for the change form.
    pub fn contract(&self, id: &str) -> Result<Contract, StoreFout> {
        invoer::contract(self.conn(), id)
    }

    /// Identifiers in use in one table of the sociale kaart.
    pub fn kaart_ids(&self, tabel: KaartTabel) -> Result<Vec<String>, StoreFout> {
        invoer::ids(self.conn(), tabel)
    }

    /// The provisions that have been ended, with their last day.
    pub fn beeindigde_voorzieningen(&self) -> Result<Vec<(String, NaiveDate)>, StoreFout> {
        invoer::beeindigde_voorzieningen(self.conn())
    }

    /// Whether a provision is referenced (then it can only be ended).
    pub fn voorziening_in_gebruik(&self, id: &str) -> Result<bool, StoreFout> {
        beheer::voorziening_in_gebruik(self.conn(), id)
    }

    /// Adds a provision.
    pub fn voorziening_toevoegen(
        &self,
        medewerker: &str,
        v: &VoorzieningInvoer,
    ) -> Result<(), StoreFout> {
        self.als_beheerder(medewerker, |h| {
            beheer::voorziening_toevoegen(self.conn(), h, v)
        })
    }

    /// Changes a provision.
    pub fn voorziening_wijzigen(
        &self,
        medewerker: &str,
        v: &VoorzieningInvoer,
    ) -> Result<(), StoreFout> {
        self.als_beheerder(medewerker, |h| {
            beheer::voorziening_wijzigen(self.conn(), h, v)
        })
    }

    /// Ends a provision on `datum`.
    pub fn voorziening_beeindigen(
        &self,
        medewerker: &str,
        id: &str,
        datum: NaiveDate,
    ) -> Result<(), StoreFout> {
        self.als_beheerder(medewerker, |h| {
            beheer::voorziening_beeindigen(self.conn(), h, id, datum)
        })
    }

    /// Deletes an unused provision.
    pub fn voorziening_verwijderen(&self, medewerker: &str, id: &str) -> Result<(), StoreFout> {
        self.als_beheerder(medewerker, |h| {
            beheer::voorziening_verwijderen(self.conn(), h, id)
        })
    }

    /// Adds a provider.
    pub fn aanbieder_toevoegen(&self, medewerker: &str, a: &Aanbieder) -> Result<(), StoreFout> {
        self.als_beheerder(medewerker, |h| {
            beheer::aanbieder_toevoegen(self.conn(), h, a)
        })
    }

    /// Changes a provider.
    pub fn aanbieder_wijzigen(&self, medewerker: &str, a: &Aanbieder) -> Result<(), StoreFout> {
        self.als_beheerder(medewerker, |h| {
            beheer::aanbieder_wijzigen(self.conn(), h, a)
        })
    }

    /// Adds a contract.
    pub fn contract_toevoegen(&self, medewerker: &str, c: &Contract) -> Result<(), StoreFout> {
        self.als_beheerder(medewerker, |h| {
            beheer::contract_toevoegen(self.conn(), h, c)
        })
    }

    /// Changes a contract.
    pub fn contract_wijzigen(&self, medewerker: &str, c: &Contract) -> Result<(), StoreFout> {
        self.als_beheerder(medewerker, |h| beheer::contract_wijzigen(self.conn(), h, c))
    }

    /// Ends a contract on `tot`.
    pub fn contract_beeindigen(
        &self,
        medewerker: &str,
        id: &str,
        tot: NaiveDate,
    ) -> Result<(), StoreFout> {
        self.als_beheerder(medewerker, |h| {
            beheer::contract_beeindigen(self.conn(), h, id, tot)
        })
    }

    /// Ends a provider on `tot`: its running contracts end that day.
    /// Returns how many contracts were ended.
    pub fn aanbieder_beeindigen(
        &self,
        medewerker: &str,
        id: &str,
        tot: NaiveDate,
    ) -> Result<usize, StoreFout> {
        self.als_beheerder(medewerker, |h| {
            beheer::aanbieder_beeindigen(self.conn(), h, id, tot)
        })
    }
}
