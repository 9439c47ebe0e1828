//! The Rapportage through the gateway: computing the indicators for a
//! range of years, recording targets and external values, and writing the
//! monitoring export. Reports hold counts only and are open to teamleider
//! and beheerder (`store::toegang`, [`Recht::Rapportage`]). Computing and
//! the export may take a moment: the screen runs them through the one
//! background helper ([`Loket::op_achtergrond`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::Loket;
use super::taak::Voortgang;
use crate::domain::Rol;
use crate::domain::{Indicatorwaarde, WaardeSoort};
use crate::report::berekening::bereken_jaren_met_voortgang_voor;
use crate::report::export::{ExportOpties, schrijf_export_gelogd};
use crate::report::{Jaarrapport, RapportFout};
use crate::store::StoreFout;
use crate::store::indicatorwaarden::{self, IndicatorwaardeFout};
use crate::store::klantreis::Handeling;
use crate::store::sociale_kaart::KaartFilter;
use crate::store::toegang::Recht;

impl Loket<'_> {
    /// The wijkteams (id, naam) whose report this session may ask for
    /// besides the municipality's: a teamleider their own team, a
    /// beheerder every team.
    pub fn rapport_wijkteams(&self) -> Result<Vec<(String, String)>, StoreFout> {
        let g = self.eis(Recht::Rapportage)?;
        let alle = crate::store::inwoners::wijkteams(&*self.gw.lees()?)?;
        Ok(if g.rol == Rol::Beheerder {
            alle
        } else {
            alle.into_iter()
                .filter(|(id, _)| g.wijkteam.as_deref() == Some(id))
                .collect()
        })
    }

    /// Refuses a team's report this session may not ask for.
    fn eis_rapport_voor(&self, wijkteam: Option<&str>) -> Result<(), StoreFout> {
        let g = self.eis(Recht::Rapportage)?;
        match wijkteam {
            Some(t) if g.rol != Rol::Beheerder && g.wijkteam.as_deref() != Some(t) => {
                Err(StoreFout::GeenToegang(format!(
                    "{} kan alleen het rapport van het eigen wijkteam en van de hele gemeente maken",
                    g.naam
                )))
            }
            _ => Ok(()),
        }
    }

    /// Computes every indicator for the years `van` to `tot` inclusive,
    /// reporting `(klaar, totaal)` years after each year.
    pub fn bereken_rapport(
        &self,
        van: i32,
        tot: i32,
        voortgang: Voortgang<'_>,
    ) -> Result<Vec<Jaarrapport>, RapportFout> {
        self.bereken_rapport_voor(van, tot, None, voortgang)
    }

    /// As [`Loket::bereken_rapport`], for one wijkteam (`None`: the
    /// municipality); a teamleider only for their own team.
    pub fn bereken_rapport_voor(
        &self,
        van: i32,
        tot: i32,
        wijkteam: Option<&str>,
        voortgang: Voortgang<'_>,
    ) -> Result<Vec<Jaarrapport>, RapportFout> {
        self.eis_rapport_voor(wijkteam)?;
        bereken_jaren_met_voortgang_voor(&*self.gw.lees()?, van, tot, wijkteam, &mut |k, t| {
            voortgang(k as u64, t as u64);
        })
    }

    /// Writes the monitoring export of `opties` to `pad` (CSV or XLSX by
    /// the extension); returns the path written. Logged, written or failed.
    pub fn schrijf_rapport_export(
        &self,
        pad: &Path,
        opties: ExportOpties,
        voortgang: Voortgang<'_>,
    ) -> Result<PathBuf, RapportFout> {
        let g = self.eis(Recht::Rapportage)?;
        if opties.per_wijkteam && g.rol != Rol::Beheerder {
            return Err(StoreFout::GeenToegang(format!(
                "{} kan de export per wijkteam niet maken: die bevat elk wijkteam; een beheerder maakt hem",
                g.naam
            ))
            .into());
        }
        let actor = g.id.clone();
        let conn = self.gw.lees()?;
        // Logged before the file gets its name (every export is in the audit log).
        schrijf_export_gelogd(
            &conn,
            pad,
            opties,
            &actor,
            &self.klok.audit_tijdstip(),
            &mut |k, t| voortgang(k as u64, t as u64),
        )
    }

    /// Writes the printable report for the gemeenteraad (PDF) of `opties`
    /// to `pad`; returns the path written. Logged, written or failed, as
    /// [`Loket::schrijf_rapport_export`]. A teamleider prints the
    /// municipality's report and the own team's, a beheerder every team's.
    pub fn schrijf_rapport_pdf(
        &self,
        pad: &Path,
        opties: &crate::report::pdf::PdfOpties,
        voortgang: Voortgang<'_>,
    ) -> Result<PathBuf, RapportFout> {
        self.eis_rapport_voor(opties.wijkteam.as_deref())?;
        let actor = self.eis(Recht::Rapportage)?.id.clone();
        let conn = self.gw.lees()?;
        crate::report::pdf::schrijf_pdf_gelogd(
            &conn,
            pad,
            opties,
            &actor,
            &self.klok.audit_tijdstip(),
            &mut |k, t| voortgang(k as u64, t as u64),
        )
    }

    /// Runs a write of the Rapportage as the session's medewerker (who must
    /// have the right), now, in the audit log's form of time.
    fn als_rapporteur<T, E: From<StoreFout>>(
        &self,
        schrijf: impl FnOnce(Handeling<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        let actor = self.eis(Recht::Rapportage)?.id.clone();
        let nu = self.klok.audit_tijdstip();
        schrijf(Handeling {
            medewerker: &actor,
            tijdstip: &nu,
        })
    }

    /// Records a target or an external realised value (one transaction).
    pub fn zet_indicatorwaarde(&self, waarde: &Indicatorwaarde) -> Result<(), IndicatorwaardeFout> {
        self.als_rapporteur(|door| {
            indicatorwaarden::zet_als(self.gw.register()?.db(), waarde, Some(door))
        })
    }

    /// Removes a target or an external realised value; whether it existed.
    pub fn wis_indicatorwaarde(
        &self,
        indicator: &str,
        jaar: i32,
        soort: WaardeSoort,
    ) -> Result<bool, IndicatorwaardeFout> {
        self.als_rapporteur(|door| {
            indicatorwaarden::wis_als(self.gw.register()?.db(), indicator, jaar, soort, Some(door))
        })
    }

    /// Every target and external value of the years `van` to `tot`.
    pub fn lees_indicatorwaarden(
        &self,
        van: i32,
        tot: i32,
    ) -> Result<Vec<Indicatorwaarde>, StoreFout> {
        self.eis(Recht::Rapportage)?;
        indicatorwaarden::lees(self.gw.register()?.db(), van, tot)
    }

    /// Adds an own indicator of the municipality (teamleider or beheerder),
    /// with its audit row.
    pub fn eigen_indicator_toevoegen(
        &self,
        indicator: &crate::domain::eigen_indicator::EigenIndicator,
    ) -> Result<(), StoreFout> {
        self.als_rapporteur(|h| {
            crate::store::eigen_indicatoren::voeg_toe(self.gw.register()?.db(), h, indicator)
        })
    }

    /// Removes an own indicator without recorded values; whether it existed.
    pub fn eigen_indicator_verwijderen(&self, code: &str) -> Result<bool, StoreFout> {
        self.als_rapporteur(|h| {
            crate::store::eigen_indicatoren::verwijder(self.gw.register()?.db(), h, code)
        })
    }

    /// The names a report shows for its breakdown keys (provisions,
    /// providers, referrers, laws, categories) and the wijkteams.
    pub fn rapport_namen(&self) -> Result<crate::report::export::Namen, RapportFout> {
        self.eis(Recht::Rapportage)?;
        crate::report::export::Namen::lees(&*self.gw.lees()?)
    }

    /// Names of provisions and providers by id, to show breakdown keys as
    /// a reader knows them.
    pub fn kaartnamen(&self) -> Result<HashMap<String, String>, StoreFout> {
        let mut namen = HashMap::new();
        for v in self.voorzieningen(KaartFilter::default())? {
            namen.insert(v.id, v.naam);
        }
        for a in self.aanbieders(None)? {
            namen.insert(a.id, a.naam);
        }
        Ok(namen)
    }
}
