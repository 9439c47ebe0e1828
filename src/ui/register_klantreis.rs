//! The klantreis through the [`Register`]: thin calls into
//! `store::klantreis`, one store call (one transaction) per user action.
//!
//! Every write takes a [`Handeling`] (who, and when as ISO text); the screens
//! build it from the logged-in medewerker and the app's clock, so tests
//! pass a fixed moment. Every call is checked first (`store::toegang`): the
//! medewerker must be the one logged in and may only reach the residents
//! their role and wijkteam allow.

use chrono::NaiveDate;

use crate::domain::klantreis::{Afwegingsladder, Stap};
use crate::domain::{Bsn, RedenEinde, VerwijzingStatus};
use crate::store::StoreFout;
use crate::store::dossier::Dossier;
use crate::store::klantreis::{
    self as kr, CorrectieRij, Handeling, MeldingKern, MogelijkDubbel, NieuwBesluit, NieuweInwoner,
    NieuweMelding, NieuweStap, PassendeVoorziening, StapCorrectie, StapRij, ToekenningRij,
};
use crate::store::toegang::{self, Recht};
use crate::ui::register::Register;

impl Register {
    /// Refuses unless the logged-in medewerker may see the melding's resident.
    fn eis_melding(&self, melding: &str) -> Result<(), StoreFout> {
        toegang::eis_melding(self.conn(), self.gebruiker()?, melding, self.toegangsdag())
    }

    /// A new melding is recorded by the logged-in medewerker, for a
    /// resident they may see or one with nothing recorded yet (just added).
    fn eis_nieuwe_melding(&self, h: Handeling<'_>, m: &NieuweMelding) -> Result<(), StoreFout> {
        let g = self.eis_zelf(h.medewerker)?;
        toegang::eis_nieuwe_melding(self.conn(), g, &m.inwoner, self.toegangsdag())
    }

    /// Residents that may be the same person as the one being entered.
    pub fn mogelijke_dubbelen(
        &self,
        bsn: Option<&Bsn>,
        achternaam: &str,
        geboortedatum: NaiveDate,
    ) -> Result<Vec<MogelijkDubbel>, StoreFout> {
        self.eis(Recht::Dossiers)?;
        kr::mogelijke_dubbelen(self.conn(), bsn, achternaam, geboortedatum)
    }

    /// Adds a resident; returns the new id.
    pub fn inwoner_toevoegen(
        &self,
        h: Handeling<'_>,
        invoer: &NieuweInwoner,
        vandaag: NaiveDate,
    ) -> Result<String, StoreFout> {
        self.eis_zelf(h.medewerker)?;
        self.eis(Recht::Dossiers)?;
        kr::inwoner_toevoegen(self.conn(), h, invoer, vandaag)
    }

    /// Registers a melding; returns its id.
    pub fn melding_toevoegen(
        &self,
        h: Handeling<'_>,
        m: &NieuweMelding,
    ) -> Result<String, StoreFout> {
        self.eis_nieuwe_melding(h, m)?;
        kr::melding_toevoegen(self.conn(), h, m)
    }

    /// Registers a melding and closes it with informatie en advies.
    pub fn melding_informatie_advies(
        &self,
        h: Handeling<'_>,
        m: &NieuweMelding,
        notitie: &str,
    ) -> Result<String, StoreFout> {
        self.eis_nieuwe_melding(h, m)?;
        kr::melding_informatie_advies(self.conn(), h, m, notitie)
    }

    /// The melding's core columns.
    pub fn melding(&self, id: &str) -> Result<MeldingKern, StoreFout> {
        self.eis_melding(id)?;
        kr::melding(self.conn(), id)
    }

    /// The recorded steps of a melding.
    pub fn stappen(&self, melding: &str) -> Result<Vec<StapRij>, StoreFout> {
        self.eis_melding(melding)?;
        kr::stappen(self.conn(), melding)
    }

    /// The steps that may come next.
    pub fn nog_te_doen(&self, melding: &str) -> Result<Vec<Stap>, StoreFout> {
        self.eis_melding(melding)?;
        kr::nog_te_doen(self.conn(), melding)
    }

    /// The corrections of a step.
    pub fn correcties(&self, stap_id: i64) -> Result<Vec<CorrectieRij>, StoreFout> {
        toegang::eis_stap(self.conn(), self.gebruiker()?, stap_id, self.toegangsdag())?;
        kr::correcties(self.conn(), stap_id)
    }

    /// Records a step.
    pub fn stap_vastleggen(
        &self,
        h: Handeling<'_>,
        melding: &str,
        s: &NieuweStap,
    ) -> Result<i64, StoreFout> {
        self.eis_zelf(h.medewerker)?;
        self.eis_melding(melding)?;
        kr::stap_vastleggen(self.conn(), h, melding, s)
    }

    /// Corrects a recorded step (the correction is logged).
    pub fn stap_corrigeren(
        &self,
        h: Handeling<'_>,
        stap_id: i64,
        c: &StapCorrectie,
    ) -> Result<(), StoreFout> {
        let g = self.eis_zelf(h.medewerker)?;
        toegang::eis_stap(self.conn(), g, stap_id, self.toegangsdag())?;
        kr::stap_corrigeren(self.conn(), h, stap_id, c)
    }

    /// The afwegingsladder as saved.
    pub fn afweging(&self, melding: &str) -> Result<Afwegingsladder, StoreFout> {
        self.eis_melding(melding)?;
        kr::afweging(self.conn(), melding)
    }

    /// Saves the afwegingsladder.
    pub fn afweging_opslaan(
        &self,
        h: Handeling<'_>,
        melding: &str,
        datum: NaiveDate,
        ladder: &Afwegingsladder,
    ) -> Result<(), StoreFout> {
        self.eis_zelf(h.medewerker)?;
        self.eis_melding(melding)?;
        kr::afweging_opslaan(self.conn(), h, melding, datum, ladder)
    }

    /// Closes the melding with the outcome of the rung that solves the need.
    pub fn afronden_volgens_ladder(
        &self,
        h: Handeling<'_>,
        melding: &str,
        datum: NaiveDate,
        voorziening: Option<&str>,
        notitie: &str,
    ) -> Result<Option<String>, StoreFout> {
        self.eis_zelf(h.medewerker)?;
        self.eis_melding(melding)?;
        kr::afronden_volgens_ladder(self.conn(), h, melding, datum, voorziening, notitie)
    }

    /// Refers the melding to an algemene or voorliggende voorziening.
    pub fn verwijzing_maken(
        &self,
        h: Handeling<'_>,
        melding: &str,
        voorziening: &str,
        datum: NaiveDate,
        notitie: &str,
    ) -> Result<String, StoreFout> {
        self.eis_zelf(h.medewerker)?;
        self.eis_melding(melding)?;
        kr::verwijzing_maken(self.conn(), h, melding, voorziening, datum, notitie)
    }

    /// Updates where a referral stands.
    pub fn verwijzing_bijwerken(
        &self,
        h: Handeling<'_>,
        id: &str,
        status: VerwijzingStatus,
        afgerond_op: Option<NaiveDate>,
        opgelost: Option<bool>,
    ) -> Result<(), StoreFout> {
        let g = self.eis_zelf(h.medewerker)?;
        toegang::eis_verwijzing(self.conn(), g, id, self.toegangsdag())?;
        kr::verwijzing_bijwerken(self.conn(), h, id, status, afgerond_op, opgelost)
    }

    /// Takes a decision on a maatwerkvoorziening; returns the toekenning's id.
    pub fn besluit_nemen(&self, h: Handeling<'_>, b: &NieuwBesluit) -> Result<String, StoreFout> {
        self.eis_zelf(h.medewerker)?;
        self.eis_melding(&b.melding)?;
        kr::besluit_nemen(self.conn(), h, b)
    }

    /// Op- of afschalen from `dag`; returns the new toekenning's id.
    pub fn herbeoordelen(
        &self,
        h: Handeling<'_>,
        oude: &str,
        dag: NaiveDate,
        nieuw: &NieuwBesluit,
    ) -> Result<String, StoreFout> {
        let g = self.eis_zelf(h.medewerker)?;
        toegang::eis_toekenning(self.conn(), g, oude, self.toegangsdag())?;
        self.eis_melding(&nieuw.melding)?;
        kr::herbeoordelen(self.conn(), h, oude, dag, nieuw)
    }

    /// Ends a granted toekenning.
    pub fn toekenning_beeindigen(
        &self,
        h: Handeling<'_>,
        id: &str,
        eind: NaiveDate,
        reden: Option<RedenEinde>,
    ) -> Result<(), StoreFout> {
        let g = self.eis_zelf(h.medewerker)?;
        toegang::eis_toekenning(self.conn(), g, id, self.toegangsdag())?;
        kr::toekenning_beeindigen(self.conn(), h, id, eind, reden)
    }

    /// A toekenning with what the store keeps beyond the exchange record.
    pub fn toekenning(&self, id: &str) -> Result<ToekenningRij, StoreFout> {
        toegang::eis_toekenning(self.conn(), self.gebruiker()?, id, self.toegangsdag())?;
        kr::toekenning(self.conn(), id)
    }

    /// Matched care for a melding on `dag`.
    pub fn passende_voorzieningen(
        &self,
        melding: &str,
        dag: NaiveDate,
    ) -> Result<Vec<PassendeVoorziening>, StoreFout> {
        self.eis_melding(melding)?;
        kr::passende_voorzieningen_voor_melding(self.conn(), melding, dag)
    }

    /// The dossier of the melding's resident (verwijzingen, toekenningen).
    pub fn dossier_van_melding(
        &self,
        kern: &MeldingKern,
        vandaag: NaiveDate,
    ) -> Result<Dossier, StoreFout> {
        self.dossier(&kern.inwoner, vandaag)
    }
}
