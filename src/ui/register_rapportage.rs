//! The Register's reads and writes for the Rapportage screen: computing the
//! indicators for a range of years, recording targets and external values,
//! and writing the monitoring export.
//!
//! Reports hold counts only and are open to teamleider and beheerder
//! (`store::toegang`, [`Recht::Rapportage`]).
//!
//! Thin wrappers over `report` and `store::indicatorwaarden`, so the screen
//! never holds a connection. Long work (computing years, the export) runs
//! on a background thread with its own connection when the register is a
//! file ([`Register::db_pad`]); an in-memory register (tests) computes at
//! once.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::domain::{Indicatorwaarde, WaardeSoort};
use crate::report::export::{ExportOpties, schrijf_export_gelogd};
use crate::report::{Jaarrapport, RapportFout, bereken_jaren_met_voortgang};
use crate::store::StoreFout;
use crate::store::indicatorwaarden::{self, IndicatorwaardeFout};
use crate::store::klantreis::Handeling;
use crate::store::sociale_kaart::KaartFilter;
use crate::store::toegang::Recht;
use crate::ui::register::Register;

impl Register {
    /// Computes every indicator for the years `van` to `tot` inclusive,
    /// calling `voortgang(klaar, totaal)` after each year.
    pub fn bereken_rapport(
        &self,
        van: i32,
        tot: i32,
        voortgang: &mut dyn FnMut(usize, usize),
    ) -> Result<Vec<Jaarrapport>, RapportFout> {
        self.eis(Recht::Rapportage)?;
        bereken_jaren_met_voortgang(self.conn(), van, tot, voortgang)
    }

    /// Writes the monitoring export of `opties` to `pad` (CSV or XLSX by
    /// the extension); returns the path written.
    pub fn schrijf_rapport_export(
        &self,
        pad: &Path,
        opties: ExportOpties,
        voortgang: &mut dyn FnMut(usize, usize),
    ) -> Result<PathBuf, RapportFout> {
        let actor = self.eis(Recht::Rapportage)?.id.clone();
        // Logged before the file gets its name (every export is in the audit log).
        schrijf_export_gelogd(self.conn(), pad, opties, &actor, voortgang)
    }

    /// Records a target or an external realised value (one transaction).
    pub fn zet_indicatorwaarde(
        &mut self,
        waarde: &Indicatorwaarde,
    ) -> Result<(), IndicatorwaardeFout> {
        let actor = self
            .eis(Recht::Rapportage)
            .map_err(IndicatorwaardeFout::from)?
            .id
            .clone();
        let nu = crate::store::audit::tijdstip(&chrono::Utc::now());
        let door = Handeling {
            medewerker: &actor,
            tijdstip: &nu,
        };
        indicatorwaarden::zet_als(self.conn_mut(), waarde, Some(door))
    }

    /// Removes a target or an external realised value; whether it existed.
    pub fn wis_indicatorwaarde(
        &mut self,
        indicator: &str,
        jaar: i32,
        soort: WaardeSoort,
    ) -> Result<bool, IndicatorwaardeFout> {
        let actor = self
            .eis(Recht::Rapportage)
            .map_err(IndicatorwaardeFout::from)?
            .id
            .clone();
        let nu = crate::store::audit::tijdstip(&chrono::Utc::now());
        let door = Handeling {
            medewerker: &actor,
            tijdstip: &nu,
        };
        indicatorwaarden::wis_als(self.conn_mut(), indicator, jaar, soort, Some(door))
    }

    /// Every target and external value of the years `van` to `tot`.
    pub fn lees_indicatorwaarden(
        &self,
        van: i32,
        tot: i32,
    ) -> Result<Vec<Indicatorwaarde>, StoreFout> {
        self.eis(Recht::Rapportage)?;
        indicatorwaarden::lees(self.conn(), van, tot)
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
