//! Schuldhulp (Wgs) on its own path: the melding screen of a schuldhulp
//! melding shows where it stands — aanmelding, eerste gesprek (4 weeks, 3
//! working days with spoed), beschikking on toelating or afwijzing (8 weeks
//! after the eerste gesprek), the traject's phases (stabilisatie,
//! schuldregeling, nazorg) and afsluiting — each with its date or its
//! running deadline; and the form that records the start of a phase (a
//! *levering en evaluatie* step whose note names the phase,
//! [`TrajectFase::notitie`]).

use egui::RichText;

use super::{Formulier, Gegevens, MeldingScherm};
use crate::domain::datum::nl;
use crate::domain::klantreis::{Stap, TrajectFase, schuldhulp_pad};
use crate::domain::{BesluitUitkomst, Wet};
use crate::gateway::Loket;
use crate::store::klantreis::NieuweStap;
use crate::ui::theme::GOED_KLEUR;
use crate::ui::werkvoorraad::status_ui;
use crate::ui::widgets::datum::{datumveld_ui, lees};
use crate::ui::widgets::{Fouten, keuze_ui, markeer_meerregelig, tekstvak_ui};

/// The form for the start of a traject phase.
#[derive(Default)]
pub(super) struct FaseForm {
    fase: Option<TrajectFase>,
    datum: String,
    notitie: String,
}

impl MeldingScherm {
    /// The schuldhulp path of a Wgs melding; nothing for other laws. True
    /// when something was saved (the screen reads again).
    pub(super) fn schuldhulp_ui(
        &mut self,
        ui: &mut egui::Ui,
        g: &Gegevens,
        loket: &Loket<'_>,
    ) -> bool {
        if g.kern.wet != Some(Wet::Schuldhulp) {
            return false;
        }
        let vandaag = loket.vandaag();
        let beschikking = g
            .dossier
            .toekenningen
            .iter()
            .filter(|t| t.melding.as_deref() == Some(g.kern.id.as_str()))
            .min_by_key(|t| t.besluit)
            .map(|t| (t.besluit, t.uitkomst == BesluitUitkomst::Toegekend));
        let fasen: Vec<(TrajectFase, chrono::NaiveDate)> = g
            .stappen
            .iter()
            .filter(|s| s.stap == Stap::LeveringEvaluatie)
            .filter_map(|s| TrajectFase::uit_notitie(&s.notitie).map(|f| (f, s.datum)))
            .collect();
        let pad = schuldhulp_pad(
            g.kern.datum,
            g.kern.spoed,
            g.eerste(Stap::Gesprek).or(g.gesprek),
            beschikking,
            &fasen,
            g.kern.afgesloten,
            vandaag,
        );
        ui.separator();
        ui.label(
            RichText::new("Schuldhulp (Wgs): het pad van deze melding")
                .strong()
                .size(17.0),
        );
        egui::Grid::new("schuldhulp-pad")
            .num_columns(3)
            .spacing([14.0, 4.0])
            .striped(true)
            .show(ui, |ui| {
                for stap in &pad {
                    ui.label(&stap.naam);
                    match (stap.gedaan, stap.termijn) {
                        (Some(d), _) => {
                            ui.colored_label(GOED_KLEUR, format!("gedaan op {}", nl(d)));
                            ui.label("");
                        }
                        (None, Some(t)) => {
                            ui.label(format!(
                                "uiterlijk {} ({})",
                                nl(t.uiterste),
                                t.soort.grondslag()
                            ));
                            status_ui(ui, t.status);
                        }
                        (None, None) => {
                            ui.weak("nog niet");
                            ui.label("");
                        }
                    }
                    ui.end_row();
                }
            });
        let toegelaten = beschikking.is_some_and(|(_, ja)| ja);
        if !toegelaten
            || g.kern.afgesloten.is_some()
            || !g.nog_te_doen.contains(&Stap::LeveringEvaluatie)
        {
            return false;
        }
        let f = if self.fouten_van == Some(Formulier::Fase) {
            self.fouten.clone()
        } else {
            Fouten::new()
        };
        if self.fase.datum.is_empty() {
            self.fase.datum = nl(vandaag);
        }
        let mut opslaan = false;
        ui.add_space(4.0);
        ui.label(RichText::new("Trajectfase vastleggen").strong());
        egui::Grid::new("trajectfase")
            .num_columns(3)
            .show(ui, |ui| {
                let opties: Vec<(Option<TrajectFase>, String)> = TrajectFase::ALLE
                    .iter()
                    .map(|f| (Some(*f), f.label().to_owned()))
                    .collect();
                keuze_ui(ui, "Fase:", &mut self.fase.fase, &opties, f.get("fase"));
                datumveld_ui(
                    ui,
                    "Begonnen op:",
                    &mut self.fase.datum,
                    f.get("datum"),
                    vandaag,
                );
                let r = tekstvak_ui(
                    ui,
                    "Notitie bij de fase:",
                    &mut self.fase.notitie,
                    f.get("notitie"),
                );
                markeer_meerregelig(ui, &r);
            });
        if ui.button(RichText::new("Fase opslaan").strong()).clicked() {
            opslaan = true;
        }
        if !opslaan {
            return false;
        }
        let mut fouten = Fouten::new();
        let datum = lees(&self.fase.datum);
        if datum.is_none() {
            fouten.insert("datum".into(), "typ de datum als dd-mm-jjjj".into());
        }
        if self.fase.fase.is_none() {
            fouten.insert("fase".into(), "kies de fase".into());
        }
        let mw = loket.sessie().map(|s| s.medewerker().to_owned());
        let (Some(fase), Some(datum), Some(mw), true) =
            (self.fase.fase, datum, mw, fouten.is_empty())
        else {
            self.fouten = fouten;
            self.fouten_van = Some(Formulier::Fase);
            return false;
        };
        let r = loket.stap_vastleggen(
            &self.id,
            &NieuweStap {
                stap: Stap::LeveringEvaluatie,
                datum,
                medewerker: mw,
                notitie: fase.notitie(&self.fase.notitie),
                uitkomst: None,
            },
        );
        let tekst = format!("Trajectfase '{}' opgeslagen.", fase.label());
        let opnieuw = self.na_opslaan(Formulier::Fase, r, &tekst, loket);
        if opnieuw {
            self.fase = FaseForm::default();
        }
        opnieuw
    }
}
