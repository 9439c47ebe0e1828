//! Keeping the sociale kaart through the gateway: thin calls into
//! `store::sociale_kaart_beheer` and `store::sociale_kaart_invoer`, on
//! both engines. Every
//! write is one store call, which is one transaction with its audit row, by
//! the session's beheerder only (`store::toegang`), at the clock's moment.

use chrono::NaiveDate;

use super::Loket;
use crate::domain::{Aanbieder, Contract};
use crate::store::StoreFout;
use crate::store::db::Db;
use crate::store::klantreis::Handeling;
use crate::store::sociale_kaart_beheer as beheer;
use crate::store::sociale_kaart_beheer::VoorzieningInvoer;
use crate::store::sociale_kaart_invoer::{self as invoer, KaartTabel, VoorzieningDetail};
use crate::store::toegang::Recht;

impl Loket<'_> {
    /// Runs a sociale-kaart write as the session's beheerder.
    fn als_beheerder<T>(
        &self,
        schrijf: impl FnOnce(Db<'_>, Handeling<'_>) -> Result<T, StoreFout>,
    ) -> Result<T, StoreFout> {
        self.eis(Recht::SocialeKaartBeheer)?;
        self.als(|h| schrijf(self.gw.register()?.db(), h))
    }

    /// A provision with its links and end date, for the change form.
    pub fn voorziening_detail(&self, id: &str) -> Result<VoorzieningDetail, StoreFout> {
        self.gebruiker()?;
        invoer::voorziening_detail(self.gw.register()?.db(), id)
    }

    /// A contract with its provider's id, for the change form.
    pub fn contract(&self, id: &str) -> Result<Contract, StoreFout> {
        self.gebruiker()?;
        invoer::contract(self.gw.register()?.db(), id)
    }

    /// Identifiers in use in one table of the sociale kaart.
    pub fn kaart_ids(&self, tabel: KaartTabel) -> Result<Vec<String>, StoreFout> {
        self.gebruiker()?;
        invoer::ids(self.gw.register()?.db(), tabel)
    }

    /// The provisions that have been ended, with their last day.
    pub fn beeindigde_voorzieningen(&self) -> Result<Vec<(String, NaiveDate)>, StoreFout> {
        self.gebruiker()?;
        invoer::beeindigde_voorzieningen(self.gw.register()?.db())
    }

    /// Whether a provision is referenced (then it can only be ended).
    pub fn voorziening_in_gebruik(&self, id: &str) -> Result<bool, StoreFout> {
        self.gebruiker()?;
        beheer::voorziening_in_gebruik(self.gw.register()?.db(), id)
    }

    /// Adds a provision.
    pub fn voorziening_toevoegen(&self, v: &VoorzieningInvoer) -> Result<(), StoreFout> {
        self.als_beheerder(|c, h| beheer::voorziening_toevoegen(c, h, v))
    }

    /// Changes a provision.
    pub fn voorziening_wijzigen(&self, v: &VoorzieningInvoer) -> Result<(), StoreFout> {
        self.als_beheerder(|c, h| beheer::voorziening_wijzigen(c, h, v))
    }

    /// Ends a provision on `datum`.
    pub fn voorziening_beeindigen(&self, id: &str, datum: NaiveDate) -> Result<(), StoreFout> {
        self.als_beheerder(|c, h| beheer::voorziening_beeindigen(c, h, id, datum))
    }

    /// Deletes an unused provision.
    pub fn voorziening_verwijderen(&self, id: &str) -> Result<(), StoreFout> {
        self.als_beheerder(|c, h| beheer::voorziening_verwijderen(c, h, id))
    }

    /// Adds a provider.
    pub fn aanbieder_toevoegen(&self, a: &Aanbieder) -> Result<(), StoreFout> {
        self.als_beheerder(|c, h| beheer::aanbieder_toevoegen(c, h, a))
    }

    /// Changes a provider.
    pub fn aanbieder_wijzigen(&self, a: &Aanbieder) -> Result<(), StoreFout> {
        self.als_beheerder(|c, h| beheer::aanbieder_wijzigen(c, h, a))
    }

    /// Adds a contract.
    pub fn contract_toevoegen(&self, c: &Contract) -> Result<(), StoreFout> {
        self.als_beheerder(|conn, h| beheer::contract_toevoegen(conn, h, c))
    }

    /// Changes a contract.
    pub fn contract_wijzigen(&self, c: &Contract) -> Result<(), StoreFout> {
        self.als_beheerder(|conn, h| beheer::contract_wijzigen(conn, h, c))
    }

    /// Ends a contract on `tot`.
    pub fn contract_beeindigen(&self, id: &str, tot: NaiveDate) -> Result<(), StoreFout> {
        self.als_beheerder(|c, h| beheer::contract_beeindigen(c, h, id, tot))
    }

    /// Ends a provider on `tot`: its running contracts end that day.
    /// Returns how many contracts were ended.
    pub fn aanbieder_beeindigen(&self, id: &str, tot: NaiveDate) -> Result<usize, StoreFout> {
        self.als_beheerder(|c, h| beheer::aanbieder_beeindigen(c, h, id, tot))
    }
}
