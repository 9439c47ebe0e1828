//! The Register's reads and writes for login, the idle lock, account
//! management and the audit of opening a dossier: thin wrappers over
//! `store::accounts`, so the screens never hold a connection. The moment is
//! passed in by the caller (the app's injectable clock).

use chrono::NaiveDateTime;

use crate::store::StoreFout;
use crate::store::accounts::{self, AccountFout, AccountRij, Doel, InlogFout, Sessie};
use crate::store::medewerkers::MedewerkerRij;
use crate::store::toegang::Recht;
use crate::ui::register::Register;

impl Register {
    /// Account management is done by the logged-in medewerker only (the
    /// store checks that they are a beheerder).
    fn eis_actor(&self, actor: &str) -> Result<(), AccountFout> {
        match self.eis_zelf(actor) {
            Ok(_) => Ok(()),
            Err(_) => Err(AccountFout::GeenBeheerder),
        }
    }

    /// The medewerker with this id (whom the register works for after a login).
    pub fn medewerker(&self, id: &str) -> Result<MedewerkerRij, StoreFout> {
        crate::store::medewerkers::een(self.conn(), id)
    }

    /// Whether the register has any account.
    pub fn heeft_accounts(&self) -> Result<bool, StoreFout> {
        accounts::heeft_accounts(self.conn())
    }

    /// Creates the first beheerder (first start).
    pub fn maak_eerste_beheerder(
        &mut self,
        naam: &str,
        gebruikersnaam: &str,
        wachtwoord: &str,
        nu: NaiveDateTime,
    ) -> Result<Sessie, AccountFout> {
        accounts::maak_eerste_beheerder(self.conn_mut(), naam, gebruikersnaam, wachtwoord, nu)
    }

    /// Logs in (every attempt is audited).
    pub fn inloggen(
        &mut self,
        gebruikersnaam: &str,
        wachtwoord: &str,
        nu: NaiveDateTime,
    ) -> Result<Sessie, InlogFout> {
        accounts::inloggen(self.conn_mut(), gebruikersnaam, wachtwoord, nu)
    }

    /// Unlocks the idle lock with the password of `medewerker`'s account.
    pub fn ontgrendelen(
        &mut self,
        medewerker: &str,
        wachtwoord: &str,
        nu: NaiveDateTime,
    ) -> Result<Sessie, InlogFout> {
        accounts::ontgrendelen(self.conn_mut(), medewerker, wachtwoord, nu)
    }

    /// Logs a logout.
    pub fn afmelden(&self, medewerker: &str, nu: NaiveDateTime) -> Result<(), StoreFout> {
        accounts::log_afmelden(self.conn(), medewerker, nu)
    }

    /// Every account (for the beheerder).
    pub fn accounts(&self) -> Result<Vec<AccountRij>, StoreFout> {
        self.eis(Recht::Accounts)?;
        accounts::lijst(self.conn())
    }

    /// Adds an account for a medewerker, as `actor`.
    pub fn voeg_account_toe(
        &mut self,
        actor: &str,
        medewerker: &str,
        gebruikersnaam: &str,
        wachtwoord: &str,
        nu: NaiveDateTime,
    ) -> Result<(), AccountFout> {
        self.eis_actor(actor)?;
        accounts::voeg_toe(
            self.conn_mut(),
            actor,
            medewerker,
            gebruikersnaam,
            wachtwoord,
            nu,
        )
    }

    /// Deactivates or activates an account, as `actor`.
    pub fn zet_account_actief(
        &mut self,
        actor: &str,
        medewerker: &str,
        actief: bool,
        nu: NaiveDateTime,
    ) -> Result<(), AccountFout> {
        self.eis_actor(actor)?;
        accounts::zet_actief(self.conn_mut(), actor, medewerker, actief, nu)
    }

    /// Sets a new password for an account, as `actor` (a beheerder).
    pub fn reset_wachtwoord(
        &mut self,
        actor: &str,
        medewerker: &str,
        nieuw: &str,
        nu: NaiveDateTime,
    ) -> Result<(), AccountFout> {
        self.eis_actor(actor)?;
        accounts::reset_wachtwoord(self.conn_mut(), actor, medewerker, nieuw, nu)
    }

    /// Logs the opening of a resident's dossier with its purpose.
    pub fn log_openen(
        &self,
        actor: &str,
        object: &str,
        doel: Doel,
        nu: NaiveDateTime,
    ) -> Result<i64, StoreFout> {
        self.eis_zelf(actor)?;
        accounts::log_openen(self.conn(), actor, object, doel, nu)
    }
}
