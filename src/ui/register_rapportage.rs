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
use crate::report::export::{ExportOpties, schrijf_export};
use crate::report::{Jaarrapport, RapportFout, bereken_jaren_met_voortgang};
use crate::store::StoreFout;
use crate::store::indicatorwaarden::{self, IndicatorwaardeFout};
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
        self.eis(Recht::Rapportage)?;
        schrijf_export(self.conn(), pad, opties, voortgang)
    }

    /// Records a target or an external realised value (one transaction).
    pub fn zet_indicatorwaarde(
        &mut self,
        waarde: &Indicatorwaarde,
    ) -> Result<(), IndicatorwaardeFout> {
        self.eis(Recht::Rapportage)
            .map_err(IndicatorwaardeFout::from)?;
        indicatorwaarden::zet(self.conn_mut(), waarde)
    }

    /// Removes a target or an external realised value; whether it existed.
    pub fn wis_indicatorwaarde(
        &mut self,
        indicator: &str,
        jaar: i32,
        soort: WaardeSoort,
    ) -> Result<bool, IndicatorwaardeFout> {
        self.eis(Recht::Rapportage)
            .map_err(IndicatorwaardeFout::from)?;
        indicatorwaarden::wis(self.conn_mut(), indicator, jaar, soort)
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
