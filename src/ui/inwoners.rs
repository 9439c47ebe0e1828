//! The Inwoners screen: search as you type over every resident.
//!
//! The result rows live in a `Vec` that is re-queried only when the search
//! text or the wijkteam filter changes; the table draws only the visible rows
//! (`TableBody::rows`), so 75,000 residents scroll as smoothly as 75.

use std::sync::Arc;

use egui::{Key, RichText, Sense};
use egui_extras::{Column, TableBuilder};

use crate::domain::datum::{leeftijd, nl};
use crate::gateway::Loket;
use crate::store::inwoners::{InwonerRij, Zoekvraag};
use crate::ui::app::Actie;
use crate::ui::theme::FOUT_KLEUR;

/// State of the Inwoners screen.
#[derive(Default)]
pub struct InwonersScherm {
    zoektekst: String,
    wijkteam: Option<String>,
    wijkteams: Option<Vec<(String, String)>>,
    rijen: Arc<Vec<InwonerRij>>,
    geladen: Option<Zoekvraag>,
    /// The unfiltered list (per wijkteam filter), kept so clearing the search is instant.
    alle: Option<(Option<String>, Arc<Vec<InwonerRij>>)>,
    fout: Option<String>,
    geselecteerd: Option<usize>,
    scroll_naar: Option<usize>,
    focus_zoeken: bool,
}

impl InwonersScherm {
    /// A fresh screen; the search field gets focus when first drawn.
    #[must_use]
    pub fn new() -> InwonersScherm {
        InwonersScherm {
            focus_zoeken: true,
            ..InwonersScherm::default()
        }
    }

    /// Forget cached results (after an import), so the next draw re-queries.
    pub fn vernieuw(&mut self) {
        self.geladen = None;
        self.alle = None;
        self.wijkteams = None;
    }

    /// Selects row `index` of the current list and scrolls it into view on the
    /// next draw (keyboard navigation does the same; the benchmark uses it).
    pub fn selecteer(&mut self, index: usize) {
        self.geselecteerd = Some(index);
        self.scroll_naar = Some(index);
    }

    /// Number of rows in the current list.
    #[must_use]
    pub fn aantal_rijen(&self) -> usize {
        self.rijen.len()
    }

    /// Put the focus back in the search field on the next draw.
    pub fn focus_op_zoeken(&mut self) {
        self.focus_zoeken = true;
    }

    fn laad(&mut self, loket: &Loket<'_>) {
        if self.wijkteams.is_none() {
            match loket.wijkteams() {
                Ok(teams) => self.wijkteams = Some(teams),
                Err(fout) => {
                    self.wijkteams = Some(Vec::new());
                    self.fout = Some(format!("De wijkteams konden niet worden gelezen: {fout}"));
                }
            }
        }
        let vraag = Zoekvraag {
            tekst: self.zoektekst.clone(),
            wijkteam: self.wijkteam.clone(),
        };
        if self.geladen.as_ref() == Some(&vraag) {
            return;
        }
        let zonder_tekst = vraag.tekst.trim().is_empty();
        let bewaard = self
            .alle
            .as_ref()
            .filter(|(team, _)| zonder_tekst && *team == vraag.wijkteam);
        if let Some((_, alle)) = bewaard {
            self.rijen = Arc::clone(alle);
            self.fout = None;
        } else {
            match loket.zoek_inwoners(&vraag) {
                Ok(rijen) => {
                    self.rijen = Arc::new(rijen);
                    self.fout = None;
                    if zonder_tekst {
                        self.alle = Some((vraag.wijkteam.clone(), Arc::clone(&self.rijen)));
                    }
                }
                Err(fout) => {
                    self.rijen = Arc::new(Vec::new());
                    self.fout = Some(format!("Zoeken is mislukt: {fout}"));
                }
            }
        }
        self.geselecteerd = if self.rijen.is_empty() { None } else { Some(0) };
        self.scroll_naar = self.geselecteerd;
        self.geladen = Some(vraag);
    }

    /// Draws the screen; returns what the user asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> Option<Actie> {
        let vandaag = loket.vandaag();
        self.laad(loket);
        let mut actie = None;

        ui.heading("Inwoners");
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let label = ui.label("Zoeken:");
            let zoekveld = ui
                .add(
                    egui::TextEdit::singleline(&mut self.zoektekst)
                        .char_limit(crate::ui::widgets::lengte::ZOEKTEKST)
                        .hint_text(
                            "achternaam (of voornaam en achternaam), BSN of geboortedatum dd-mm-jjjj",
                        )
                        .desired_width(560.0),
                )
                .labelled_by(label.id);
            if self.focus_zoeken {
                zoekveld.request_focus();
                self.focus_zoeken = false;
            }
            ui.add_space(12.0);
            let teams = self.wijkteams.clone().unwrap_or_default();
            let gekozen = self
                .wijkteam
                .as_ref()
                .and_then(|id| teams.iter().find(|(t, _)| t == id))
                .map_or("Alle wijkteams".to_owned(), |(_, naam)| naam.clone());
            let label = ui.label("Wijkteam:");
            egui::ComboBox::from_id_salt("wijkteam-filter")
                .selected_text(gekozen)
                .width(200.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.wijkteam, None, "Alle wijkteams");
                    for (id, naam) in &teams {
                        ui.selectable_value(&mut self.wijkteam, Some(id.clone()), naam);
                    }
                })
                .response
                .labelled_by(label.id);
        });
        // Apply a changed search at once, so the count below is right in this frame.
        self.laad(loket);

        if let Some(fout) = &self.fout {
            ui.colored_label(FOUT_KLEUR, fout);
        }
        let aantal = self.rijen.len();
        ui.label(match aantal {
            0 => "Geen inwoners gevonden.".to_owned(),
            1 => "1 inwoner gevonden.".to_owned(),
            n => format!("{} inwoners gevonden.", duizendtallen(n)),
        });
        ui.weak(
            "Pijltjes omhoog en omlaag kiezen een inwoner; Enter of een klik opent het dossier.",
        );
        ui.horizontal(|ui| {
            let gekozen = self.geselecteerd.and_then(|i| self.rijen.get(i));
            let knop = ui
                .add_enabled(gekozen.is_some(), egui::Button::new("Nieuwe melding"))
                .on_hover_text(
                    gekozen
                        .map_or_else(String::new, |r| format!("Nieuwe melding voor {}", r.naam())),
                );
            if knop.clicked()
                && let Some(r) = gekozen
            {
                actie = Some(Actie::NieuweMelding(Some(r.id.clone())));
            }
            if ui.button("Nieuwe inwoner + melding").clicked() {
                actie = Some(Actie::NieuweMelding(None));
            }
        });
        ui.add_space(4.0);

        // Keyboard: arrows move the selection, Enter opens it.
        if aantal > 0 && !egui::Popup::is_any_open(ui.ctx()) {
            let (omlaag, omhoog, enter) = ui.input(|i| {
                (
                    i.key_pressed(Key::ArrowDown),
                    i.key_pressed(Key::ArrowUp),
                    i.key_pressed(Key::Enter),
                )
            });
            let huidig = self.geselecteerd.unwrap_or(0);
            if omlaag {
                self.geselecteerd = Some((huidig + 1).min(aantal - 1));
                self.scroll_naar = self.geselecteerd;
            }
            if omhoog {
                self.geselecteerd = Some(huidig.saturating_sub(1));
                self.scroll_naar = self.geselecteerd;
            }
            if enter && let Some(rij) = self.geselecteerd.and_then(|i| self.rijen.get(i)) {
                actie = Some(Actie::OpenDossier(rij.id.clone()));
            }
        }

        let mut tabel = TableBuilder::new(ui)
            .id_salt("inwoners")
            .striped(true)
            .sense(Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(260.0).at_least(120.0).clip(true))
            .column(Column::initial(180.0).at_least(120.0))
            .column(Column::initial(110.0).at_least(90.0))
            .column(Column::initial(140.0).at_least(80.0).clip(true))
            .column(Column::remainder().at_least(100.0).clip(true))
            .min_scrolled_height(0.0);
        if let Some(rij) = self.scroll_naar.take() {
            tabel = tabel.scroll_to_row(rij, None);
        }
        let rijhoogte = 24.0;
        tabel
            .header(26.0, |mut kop| {
                for titel in [
                    "Naam",
                    "Geboortedatum (leeftijd)",
                    "BSN",
                    "Woonplaats",
                    "Wijkteam",
                ] {
                    kop.col(|ui| {
                        ui.label(RichText::new(titel).strong());
                    });
                }
            })
            .body(|body| {
                body.rows(rijhoogte, aantal, |mut rij| {
                    let i = rij.index();
                    let Some(inwoner) = self.rijen.get(i) else {
                        return;
                    };
                    rij.set_selected(self.geselecteerd == Some(i));
                    rij.col(|ui| {
                        ui.add(egui::Label::new(inwoner.naam()).selectable(false));
                    });
                    rij.col(|ui| {
                        let jaren = leeftijd(inwoner.geboortedatum, vandaag);
                        ui.add(
                            egui::Label::new(format!(
                                "{} ({jaren} jaar)",
                                nl(inwoner.geboortedatum)
                            ))
                            .selectable(false),
                        );
                    });
                    rij.col(|ui| {
                        ui.add(
                            egui::Label::new(inwoner.bsn.as_deref().unwrap_or("–"))
                                .selectable(false),
                        );
                    });
                    rij.col(|ui| {
                        ui.add(egui::Label::new(&inwoner.woonplaats).selectable(false));
                    });
                    rij.col(|ui| {
                        ui.add(
                            egui::Label::new(inwoner.wijkteam.as_deref().unwrap_or("–"))
                                .selectable(false),
                        );
                    });
                    let antwoord = rij.response();
                    if antwoord.clicked() || antwoord.double_clicked() {
                        self.geselecteerd = Some(i);
                        actie = Some(Actie::OpenDossier(inwoner.id.clone()));
                    }
                });
            });
        actie
    }
}

/// 75000 → "75.000".
#[must_use]
pub fn duizendtallen(n: usize) -> String {
    let cijfers = n.to_string();
    let mut uit = String::new();
    for (i, c) in cijfers.chars().enumerate() {
        if i > 0 && (cijfers.len() - i).is_multiple_of(3) {
            uit.push('.');
        }
        uit.push(c);
    }
    uit
}

#[cfg(test)]
mod tests {
    #[test]
    fn duizendtallen() {
        assert_eq!(super::duizendtallen(7), "7");
        assert_eq!(super::duizendtallen(1000), "1.000");
        assert_eq!(super::duizendtallen(75_000), "75.000");
        assert_eq!(super::duizendtallen(1_234_567), "1.234.567");
    }
}
