//! Ending a running toekenning: the last day of delivery and the reason.
//! One form, drawn in two places — under the toekenningen of a melding and
//! under the toekenningen in the dossier (also those without a melding) —
//! so the rules and words are the same wherever a worker ends a provision.
//!
//! The form keeps its own typed input and errors; a refused save leaves
//! everything as typed, with the store's Dutch message beside the field.
//! Enter saves and Esc cancels while the focus is in the form (see
//! [`Focus`]).

use egui::RichText;

use crate::domain::datum::nl;
use crate::domain::{BesluitUitkomst, RedenEinde};
use crate::gateway::Loket;
use crate::store::dossier::{ToekenningRegel, ToekenningStatus};
use crate::ui::theme::FOUT_KLEUR;
use crate::ui::widgets::datum::{datumveld_ui, lees};
use crate::ui::widgets::{Focus, Fouten, fouten_uit, keuze_ui};

/// Whether a toekenning still runs (or waits to start), so it can be ended
/// or op- of afgeschaald: granted, no end reason, its end not passed.
#[must_use]
pub fn loopt(t: &ToekenningRegel) -> bool {
    t.uitkomst == BesluitUitkomst::Toegekend
        && t.reden_einde.is_none()
        && !matches!(
            t.status,
            ToekenningStatus::Afgewezen | ToekenningStatus::Beeindigd
        )
}

/// What became of the form this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EindeUitkomst {
    /// Still open.
    Open,
    /// Cancelled (button or Esc): close it.
    Geannuleerd,
    /// Saved: close it and read the data again.
    Opgeslagen,
}

/// The form "Toekenning beëindigen" for one toekenning.
pub struct EindeFormulier {
    /// The toekenning to end.
    pub id: String,
    /// Its provision's name, in the title.
    voorziening: String,
    eind: String,
    /// The end date as the form opened (to tell a change).
    eind_begin: String,
    reden: Option<RedenEinde>,
    fouten: Fouten,
    algemeen: Option<String>,
    /// Put the cursor in the first field once, when the form opens.
    focus_gezet: bool,
}

impl EindeFormulier {
    /// The form for toekenning `t`, the end date `vandaag`.
    #[must_use]
    pub fn nieuw(t: &ToekenningRegel, vandaag: chrono::NaiveDate) -> EindeFormulier {
        EindeFormulier {
            id: t.id.clone(),
            voorziening: t.voorziening.clone(),
            eind: nl(vandaag),
            eind_begin: nl(vandaag),
            reden: None,
            fouten: Fouten::new(),
            algemeen: None,
            focus_gezet: false,
        }
    }

    /// Whether something was typed or chosen that is not saved.
    #[must_use]
    pub fn gewijzigd(&self) -> bool {
        self.reden.is_some() || self.eind != self.eind_begin
    }

    /// Draws the form. `enig`: it is the only form on the screen (Enter and
    /// Esc then work without focus in it).
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        loket: &Loket<'_>,
        focus: Focus,
        enig: bool,
    ) -> EindeUitkomst {
        let mut opslaan = false;
        let mut annuleren = false;
        let groep = ui.group(|ui| {
            ui.label(
                RichText::new(format!("Toekenning beëindigen: {}", self.voorziening)).strong(),
            );
            egui::Grid::new(("einde", &self.id))
                .num_columns(3)
                .show(ui, |ui| {
                    let r = datumveld_ui(
                        ui,
                        "Einddatum levering:",
                        &mut self.eind,
                        self.fouten.get("eind"),
                        loket.vandaag(),
                    );
                    if !self.focus_gezet {
                        r.request_focus();
                        // The form opens below a long table: bring it into view.
                        r.scroll_to_me(Some(egui::Align::Center));
                        self.focus_gezet = true;
                    }
                    let redenen: Vec<(Option<RedenEinde>, String)> = RedenEinde::ALLE
                        .iter()
                        .filter(|r| **r != RedenEinde::Herbeoordeling)
                        .map(|r| (Some(*r), r.label().to_owned()))
                        .collect();
                    keuze_ui(
                        ui,
                        "Reden einde:",
                        &mut self.reden,
                        &redenen,
                        self.fouten.get("reden_einde"),
                    );
                });
            if let Some(a) = &self.algemeen {
                ui.colored_label(FOUT_KLEUR, RichText::new(a).strong());
            }
            // A refusal about the toekenning itself (it no longer runs).
            for (veld, f) in &self.fouten {
                if veld != "eind" && veld != "reden_einde" {
                    ui.colored_label(FOUT_KLEUR, RichText::new(format!("Fout: {f}")).strong());
                }
            }
            ui.horizontal(|ui| {
                opslaan = ui.button("Beëindigen opslaan").clicked();
                annuleren = ui.button("Annuleren").clicked();
                ui.weak("Enter = opslaan, Esc = annuleren");
            });
        });
        let rect = groep.response.rect;
        if annuleren || focus.esc_voor(ui, rect, enig) {
            return EindeUitkomst::Geannuleerd;
        }
        if !(opslaan || focus.enter_voor(ui, rect, enig)) {
            return EindeUitkomst::Open;
        }
        self.opslaan(loket)
    }

    fn opslaan(&mut self, loket: &Loket<'_>) -> EindeUitkomst {
        let Some(eind) = lees(&self.eind) else {
            self.fouten =
                Fouten::from([("eind".to_owned(), "typ de datum als dd-mm-jjjj".to_owned())]);
            return EindeUitkomst::Open;
        };
        match loket.toekenning_beeindigen(&self.id, eind, self.reden) {
            Ok(()) => EindeUitkomst::Opgeslagen,
            Err(fout) => {
                let (f, a) = fouten_uit(&fout);
                self.fouten = f;
                self.algemeen = a;
                EindeUitkomst::Open
            }
        }
    }
}
