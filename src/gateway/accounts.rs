//! The login door and account management: thin calls into
//! `store::accounts`. The door ([`Gateway::inloggen`], the first beheerder,
//! the idle lock) needs no session; managing accounts is the session's
//! beheerder's ([`Loket`]). The moment is the caller's clock.
//!
//! A login refused because the account is locked gets the very answer of an
//! unknown name or a wrong password, so the login screen tells nobody which
//! names exist; the beheerder sees the lock in the list of accounts, and the
//! audit log keeps the reason.

use chrono::NaiveDateTime;

use super::{Gateway, Loket, Sessie};
use crate::store::StoreFout;
use crate::store::accounts::{self, AccountFout, AccountRij, InlogFout};
use crate::store::medewerkers::MedewerkerRij;
use crate::store::toegang::Recht;

impl Gateway {
    /// Whether the register has any account.
    pub fn heeft_accounts(&self) -> Result<bool, StoreFout> {
        accounts::heeft_accounts(self.register()?.db())
    }

    /// The session of a login: the store's answer with the medewerker's wijkteam.
    fn sessie_van(&self, s: &accounts::Sessie) -> Result<Sessie, StoreFout> {
        let gebruiker = crate::store::medewerkers::een(self.register()?.db(), &s.medewerker)?;
        Ok(Sessie::ingelogd(gebruiker, s.gebruikersnaam.clone()))
    }

    /// Creates the first beheerder (first start) and logs them in.
    pub fn maak_eerste_beheerder(
        &self,
        naam: &str,
        gebruikersnaam: &str,
        wachtwoord: &str,
        nu: NaiveDateTime,
    ) -> Result<Sessie, AccountFout> {
        let s = accounts::maak_eerste_beheerder(
            self.register()?.db(),
            naam,
            gebruikersnaam,
            wachtwoord,
            nu,
        )?;
        Ok(self.sessie_van(&s)?)
    }

    /// Logs in (every attempt is audited). A locked account answers as an
    /// unknown name does.
    pub fn inloggen(
        &self,
        gebruikersnaam: &str,
        wachtwoord: &str,
        nu: NaiveDateTime,
    ) -> Result<Sessie, InlogFout> {
        let uitkomst = accounts::inloggen(self.register()?.db(), gebruikersnaam, wachtwoord, nu);
        match uitkomst {
            Ok(s) => Ok(self.sessie_van(&s)?),
            Err(InlogFout::Geblokkeerd { .. }) => Err(InlogFout::OnjuisteGegevens),
            Err(fout) => Err(fout),
        }
    }

    /// Unlocks the idle lock with the password of the session's own account
    /// (nobody else unlocks it). Here a lock is named: the lock screen
    /// already shows whose session it is.
    pub fn ontgrendelen(
        &self,
        sessie: &Sessie,
        wachtwoord: &str,
        nu: NaiveDateTime,
    ) -> Result<(), InlogFout> {
        accounts::ontgrendelen(self.register()?.db(), sessie.medewerker(), wachtwoord, nu)
            .map(|_| ())
    }

    /// Logs a logout.
    pub fn afmelden(&self, sessie: &Sessie, nu: NaiveDateTime) -> Result<(), StoreFout> {
        accounts::log_afmelden(self.register()?.db(), sessie.medewerker(), nu)
    }
}

impl Loket<'_> {
    /// Account management is the session's beheerder's (the store checks
    /// the role again).
    fn eis_beheer(&self) -> Result<&MedewerkerRij, AccountFout> {
        self.eis(Recht::Accounts).map_err(|fout| match fout {
            StoreFout::GeenToegang(_) => AccountFout::GeenBeheerder,
            fout => AccountFout::Store(fout),
        })
    }

    /// Every account (for the beheerder).
    pub fn accounts(&self) -> Result<Vec<AccountRij>, StoreFout> {
        self.eis(Recht::Accounts)?;
        accounts::lijst(self.gw.register()?.db())
    }

    /// The state of the session's own account now: whether it may still
    /// work (the front end ends a session that may not).
    pub fn werkstand(&self) -> Result<accounts::Werkstand, StoreFout> {
        match self.sessie {
            Some(s) if s.gebruikersnaam().is_some() => accounts::werkstand(
                self.gw.register()?.db(),
                s.medewerker(),
                self.klok.lokaal_nu(),
            ),
            Some(_) => Ok(accounts::Werkstand::Actief),
            None => Ok(accounts::Werkstand::GeenAccount),
        }
    }

    /// Adds an account for a medewerker.
    pub fn voeg_account_toe(
        &self,
        medewerker: &str,
        gebruikersnaam: &str,
        wachtwoord: &str,
    ) -> Result<(), AccountFout> {
        let g = self.eis_beheer()?;
        accounts::voeg_toe(
            self.gw.register()?.db(),
            &g.id,
            medewerker,
            gebruikersnaam,
            wachtwoord,
            self.klok.lokaal_nu(),
        )
    }

    /// Deactivates or activates an account.
    pub fn zet_account_actief(&self, medewerker: &str, actief: bool) -> Result<(), AccountFout> {
        let g = self.eis_beheer()?;
        accounts::zet_actief(
            self.gw.register()?.db(),
            &g.id,
            medewerker,
            actief,
            self.klok.lokaal_nu(),
        )
    }

    /// Lifts the lock of an account (too many wrong passwords).
    pub fn deblokkeer_account(&self, medewerker: &str) -> Result<(), AccountFout> {
        let g = self.eis_beheer()?;
        accounts::deblokkeer(
            self.gw.register()?.db(),
            &g.id,
            medewerker,
            self.klok.lokaal_nu(),
        )
    }

    /// Sets a new password for an account.
    pub fn reset_wachtwoord(&self, medewerker: &str, nieuw: &str) -> Result<(), AccountFout> {
        let g = self.eis_beheer()?;
        accounts::reset_wachtwoord(
            self.gw.register()?.db(),
            &g.id,
            medewerker,
            nieuw,
            self.klok.lokaal_nu(),
        )
    }
}
