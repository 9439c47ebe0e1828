//! The klantreis through the gateway: thin calls into `store::klantreis`,
//! one store call (one transaction) per user action.
//!
//! Every call is checked first (`store::toegang`): the session may only
//! reach the residents its role and wijkteam allow. Every write is made as
//! the session's medewerker at the clock's moment (the store's
//! `Handeling`); a melding, a step or a decision whose own medewerker field
//! names anyone else is refused. The domain's one exception: a correction of
//! a step may name who really did the step — the correction row keeps who
//! corrected, so both are stored.

use chrono::NaiveDate;

use super::{Dubbel, Loket};
use crate::domain::klantreis::{Afwegingsladder, Stap};
use crate::domain::{Bsn, RedenEinde, VerwijzingStatus};
use crate::store::StoreFout;
use crate::store::klantreis::{
    self as kr, CorrectieRij, MeldingKern, NieuwBesluit, NieuweInwoner, NieuweMelding, NieuweStap,
    PassendeVoorziening, StapCorrectie, StapRij, ToekenningRij,
};
use crate::store::toegang::{self, Recht};

impl Loket<'_> {
    /// Refuses unless the session may see the melding's resident.
    fn eis_melding(&self, melding: &str) -> Result<(), StoreFout> {
        toegang::eis_melding(
            self.gw.register()?.db(),
            self.gebruiker()?,
            melding,
            self.vandaag,
        )
    }

    /// A new melding is the session's own (its intaker is the session's
    /// medewerker), for a resident the session may see or one with nothing
    /// recorded yet (just added).
    fn eis_nieuwe_melding(&self, m: &NieuweMelding) -> Result<(), StoreFout> {
        let g = self.eis_zelf(&m.medewerker)?;
        toegang::eis_nieuwe_melding(self.gw.register()?.db(), g, &m.inwoner, self.vandaag)
    }

    /// Residents that may be the same person as the one being entered. One
    /// the session may not see is named by its wijkteam only: no name, no
    /// date of birth.
    pub fn mogelijke_dubbelen(
        &self,
        bsn: Option<&Bsn>,
        achternaam: &str,
        geboortedatum: NaiveDate,
    ) -> Result<Vec<Dubbel>, StoreFout> {
        let g = self.eis(Recht::Dossiers)?;
        let register = self.gw.register()?;
        let conn = register.db();
        let mut uit = Vec::new();
        for d in kr::mogelijke_dubbelen(conn, bsn, achternaam, geboortedatum)? {
            if toegang::mag_inwoner(conn, g, &d.id, self.vandaag)? {
                uit.push(Dubbel::Zichtbaar(d));
            } else {
                let wijkteam = crate::store::inwoners::inwoner(conn, &d.id)?.wijkteam;
                uit.push(Dubbel::Elders {
                    reden: d.reden,
                    wijkteam,
                });
            }
        }
        Ok(uit)
    }

    /// Adds a resident; returns the new id.
    pub fn inwoner_toevoegen(&self, invoer: &NieuweInwoner) -> Result<String, StoreFout> {
        self.eis(Recht::Dossiers)?;
        self.als(|h| kr::inwoner_toevoegen(&*self.gw.lees()?, h, invoer, self.vandaag))
    }

    /// Registers a melding; returns its id.
    pub fn melding_toevoegen(&self, m: &NieuweMelding) -> Result<String, StoreFout> {
        self.eis_nieuwe_melding(m)?;
        self.als(|h| kr::melding_toevoegen(&*self.gw.lees()?, h, m))
    }

    /// Registers a melding and closes it with informatie en advies.
    pub fn melding_informatie_advies(
        &self,
        m: &NieuweMelding,
        notitie: &str,
    ) -> Result<String, StoreFout> {
        self.eis_nieuwe_melding(m)?;
        self.als(|h| kr::melding_informatie_advies(&*self.gw.lees()?, h, m, notitie))
    }

    /// The melding's core columns.
    pub fn melding(&self, id: &str) -> Result<MeldingKern, StoreFout> {
        self.eis_melding(id)?;
        kr::melding(self.gw.register()?.db(), id)
    }

    /// The recorded steps of a melding.
    pub fn stappen(&self, melding: &str) -> Result<Vec<StapRij>, StoreFout> {
        self.eis_melding(melding)?;
        kr::stappen(self.gw.register()?.db(), melding)
    }

    /// The steps that may come next.
    pub fn nog_te_doen(&self, melding: &str) -> Result<Vec<Stap>, StoreFout> {
        self.eis_melding(melding)?;
        kr::nog_te_doen(self.gw.register()?.db(), melding)
    }

    /// The corrections of a step.
    pub fn correcties(&self, stap_id: i64) -> Result<Vec<CorrectieRij>, StoreFout> {
        let register = self.gw.register()?;
        toegang::eis_stap(register.db(), self.gebruiker()?, stap_id, self.vandaag)?;
        kr::correcties(register.db(), stap_id)
    }

    /// Records a step done by the session's medewerker (a step recorded for
    /// a colleague is refused: they record it themselves).
    pub fn stap_vastleggen(&self, melding: &str, s: &NieuweStap) -> Result<i64, StoreFout> {
        self.eis_zelf(&s.medewerker)?;
        self.eis_melding(melding)?;
        self.als(|h| kr::stap_vastleggen(&*self.gw.lees()?, h, melding, s))
    }

    /// Corrects a recorded step (the correction, with who made it, is kept).
    pub fn stap_corrigeren(&self, stap_id: i64, c: &StapCorrectie) -> Result<(), StoreFout> {
        let g = self.gebruiker()?;
        toegang::eis_stap(&*self.gw.lees()?, g, stap_id, self.vandaag)?;
        self.als(|h| kr::stap_corrigeren(&*self.gw.lees()?, h, stap_id, c))
    }

    /// The afwegingsladder as saved.
    pub fn afweging(&self, melding: &str) -> Result<Afwegingsladder, StoreFout> {
        self.eis_melding(melding)?;
        kr::afweging(self.gw.register()?.db(), melding)
    }

    /// Saves the afwegingsladder.
    pub fn afweging_opslaan(
        &self,
        melding: &str,
        datum: NaiveDate,
        ladder: &Afwegingsladder,
    ) -> Result<(), StoreFout> {
        self.eis_melding(melding)?;
        self.als(|h| kr::afweging_opslaan(&*self.gw.lees()?, h, melding, datum, ladder))
    }

    /// Closes the melding with the outcome of the rung that solves the need.
    pub fn afronden_volgens_ladder(
        &self,
        melding: &str,
        datum: NaiveDate,
        voorziening: Option<&str>,
        notitie: &str,
    ) -> Result<Option<String>, StoreFout> {
        self.eis_melding(melding)?;
        self.als(|h| {
            kr::afronden_volgens_ladder(&*self.gw.lees()?, h, melding, datum, voorziening, notitie)
        })
    }

    /// Refers the melding to an algemene or voorliggende voorziening.
    pub fn verwijzing_maken(
        &self,
        melding: &str,
        voorziening: &str,
        datum: NaiveDate,
        notitie: &str,
    ) -> Result<String, StoreFout> {
        self.eis_melding(melding)?;
        self.als(|h| {
            kr::verwijzing_maken(&*self.gw.lees()?, h, melding, voorziening, datum, notitie)
        })
    }

    /// Updates where a referral stands.
    pub fn verwijzing_bijwerken(
        &self,
        id: &str,
        status: VerwijzingStatus,
        afgerond_op: Option<NaiveDate>,
        opgelost: Option<bool>,
    ) -> Result<(), StoreFout> {
        let g = self.gebruiker()?;
        toegang::eis_verwijzing(&*self.gw.lees()?, g, id, self.vandaag)?;
        self.als(|h| {
            kr::verwijzing_bijwerken(&*self.gw.lees()?, h, id, status, afgerond_op, opgelost)
        })
    }

    /// Takes a decision on a maatwerkvoorziening; returns the toekenning's id.
    pub fn besluit_nemen(&self, b: &NieuwBesluit) -> Result<String, StoreFout> {
        self.eis_melding(&b.melding)?;
        self.als(|h| kr::besluit_nemen(&*self.gw.lees()?, h, b))
    }

    /// Op- of afschalen from `dag`; returns the new toekenning's id.
    pub fn herbeoordelen(
        &self,
        oude: &str,
        dag: NaiveDate,
        nieuw: &NieuwBesluit,
    ) -> Result<String, StoreFout> {
        let g = self.gebruiker()?;
        toegang::eis_toekenning(&*self.gw.lees()?, g, oude, self.vandaag)?;
        self.eis_melding(&nieuw.melding)?;
        self.als(|h| kr::herbeoordelen(&*self.gw.lees()?, h, oude, dag, nieuw))
    }

    /// Ends a granted toekenning.
    pub fn toekenning_beeindigen(
        &self,
        id: &str,
        eind: NaiveDate,
        reden: Option<RedenEinde>,
    ) -> Result<(), StoreFout> {
        let g = self.gebruiker()?;
        toegang::eis_toekenning(&*self.gw.lees()?, g, id, self.vandaag)?;
        self.als(|h| kr::toekenning_beeindigen(&*self.gw.lees()?, h, id, eind, reden))
    }

    /// A toekenning with what the store keeps beyond the exchange record.
    pub fn toekenning(&self, id: &str) -> Result<ToekenningRij, StoreFout> {
        let register = self.gw.register()?;
        toegang::eis_toekenning(register.db(), self.gebruiker()?, id, self.vandaag)?;
        kr::toekenning(register.db(), id)
    }

    /// Matched care for a melding on `dag`.
    pub fn passende_voorzieningen(
        &self,
        melding: &str,
        dag: NaiveDate,
    ) -> Result<Vec<PassendeVoorziening>, StoreFout> {
        self.eis_melding(melding)?;
        kr::passende_voorzieningen_voor_melding(self.gw.register()?.db(), melding, dag)
    }
}
