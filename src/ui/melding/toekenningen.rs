//! The running toekenningen of the melding, with op- en afschalen and beëindigen.

use super::{BesluitForm, Formulier, Gegevens, MeldingScherm, andere_ui};
use crate::domain::datum::nl;
use crate::gateway::Loket;
use crate::ui::widgets::toekenning_einde::{EindeFormulier, EindeUitkomst, loopt};
use egui::RichText;

impl MeldingScherm {
    pub(super) fn toekenningen_ui(
        &mut self,
        ui: &mut egui::Ui,
        g: &Gegevens,
        loket: &Loket<'_>,
    ) -> bool {
        ui.separator();
        ui.label(
            RichText::new("Toekenningen van deze melding (maatwerk)")
                .strong()
                .size(17.0),
        );
        let eigen: Vec<_> = g
            .dossier
            .toekenningen
            .iter()
            .filter(|t| t.melding.as_deref() == Some(g.kern.id.as_str()))
            .collect();
        if eigen.is_empty() {
            ui.label("Geen toekenningen bij deze melding.");
        }
        let andere = g.dossier.toekenningen.len() - eigen.len();
        andere_ui(
            ui,
            andere,
            if andere == 1 {
                "toekenning (van een andere melding of zonder melding)"
            } else {
                "toekenningen (van andere meldingen of zonder melding)"
            },
        );
        for t in eigen {
            ui.horizontal(|ui| {
                ui.label(format!(
                    "{} – {} – besluit {} – {}",
                    t.voorziening,
                    t.aanbieder.as_deref().unwrap_or("geen aanbieder"),
                    nl(t.besluit),
                    t.status.label()
                ));
                if loopt(t)
                    && ui
                        .small_button(format!("Op- of afschalen: {}", t.voorziening))
                        .clicked()
                {
                    self.besluit = Some(BesluitForm::nieuw(g, loket.vandaag(), Some(t.id.clone())));
                    self.scroll_besluit = true;
                    self.focus_naar = Some(Formulier::Besluit);
                    self.einde = None;
                }
                if loopt(t)
                    && ui
                        .small_button(format!("Beëindigen: {}", t.voorziening))
                        .clicked()
                {
                    self.einde = Some(EindeFormulier::nieuw(t, loket.vandaag()));
                }
            });
        }
        if self.einde.is_none() {
            return false;
        }
        let enig = self.formulier_geteld();
        let focus = self.focus;
        let Some(e) = &mut self.einde else {
            return false;
        };
        match e.ui(ui, loket, focus, enig) {
            EindeUitkomst::Open => false,
            EindeUitkomst::Geannuleerd => {
                self.esc_gebruikt = true;
                self.einde = None;
                false
            }
            EindeUitkomst::Opgeslagen => {
                self.fouten.clear();
                self.algemeen = None;
                self.bericht = Some("Toekenning beëindigd.".to_owned());
                self.vernieuw(loket);
                true
            }
        }
    }
}
