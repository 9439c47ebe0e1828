//! Retention in the Beheer screen (beheerder only): the closed dossiers
//! whose retention term has passed — the resident by name and date of
//! birth (as people tell residents apart, and as the audit log names them
//! to the same beheerder), the due date and the rule that set it, never the
//! dossier's contents or an internal number — and destroying one, or all
//! that are due, after an explicit confirmation.
//!
//! The rules live in `domain::bewaartermijn`, the destruction (one
//! transaction, logged without personal data) in `store::bewaartermijn`;
//! this screen only lists and asks. After a destruction the list is read
//! again and a message says what was removed.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use crate::domain::datum::nl;
use crate::gateway::Loket;
use crate::store::bewaartermijn::{Vernietigd, Verval};
use crate::ui::theme::{FOUT_KLEUR, GOED_KLEUR};
use crate::ui::widgets::getal::duizendtallen;

/// What the beheerder is asked to confirm.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Bevestiging {
    /// Destroy this resident's dossier: the id, and the name as shown.
    Een(String, String),
    /// Destroy every dossier due (this many, as listed).
    Alle(usize),
}

/// The state of the retention section.
#[derive(Default)]
pub struct BewaartermijnScherm {
    lijst: Option<Vec<Verval>>,
    bevestig: Option<Bevestiging>,
    /// The button that asked the question: the focus goes back to it when
    /// the question is cancelled.
    terug_naar: Option<egui::Id>,
    melding: Option<Result<String, String>>,
}

/// What a destruction removed, in words.
fn omvang(v: &Vernietigd) -> String {
    use crate::ui::woorden::aantal;
    format!(
        "{}, {}, {}, {} en {} verwijderd",
        aantal(v.meldingen as u64, "melding", "meldingen"),
        aantal(v.verwijzingen as u64, "verwijzing", "verwijzingen"),
        aantal(v.toekenningen as u64, "toekenning", "toekenningen"),
        aantal(v.ave as u64, "AVE-gebeurtenis", "AVE-gebeurtenissen"),
        aantal(v.vorderingen as u64, "vordering", "vorderingen")
    )
}

/// A resident as the beheerder reads it: "Jan de Vries (geboren 01-03-1980)".
fn benoem(v: &Verval) -> String {
    format!("{} (geboren {})", v.naam, nl(v.geboren))
}

impl BewaartermijnScherm {
    /// Forgets the list, so it is read again when next shown (after an import).
    pub fn vernieuw(&mut self) {
        self.lijst = None;
    }

    /// The section "Bewaartermijnen" (closed until the beheerder opens it).
    /// Returns whether dossiers were destroyed, so the app refreshes its lists.
    pub fn ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> bool {
        egui::CollapsingHeader::new(crate::ui::theme::sectie("Bewaartermijnen"))
            .id_salt("bewaartermijnen")
            .show(ui, |ui| self.inhoud_ui(ui, loket))
            .body_returned
            .unwrap_or(false)
    }

    fn inhoud_ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> bool {
        if self.lijst.is_none() {
            match loket.te_vernietigen() {
                Ok(l) => self.lijst = Some(l),
                Err(fout) => {
                    self.melding = Some(Err(format!(
                        "De bewaartermijnen konden niet worden gelezen: {fout}"
                    )));
                    self.lijst = Some(Vec::new());
                }
            }
        }
        ui.label("Afgesloten dossiers waarvan de bewaartermijn is verstreken (Wmo: 15 jaar na de laatste voorziening; Jeugdwet: 20 jaar; geen voorziening: 5 jaar na afsluiting van de melding). U ziet alleen naam en geboortedatum van de inwoner, de datum en de grond, niet de inhoud van het dossier.");
        ui.label("Vernietigen verwijdert het hele dossier en kan niet ongedaan worden gemaakt. Het auditlog legt vast dat het gebeurde, zonder persoonsgegevens.");
        ui.add_space(6.0);
        let lijst = self.lijst.clone().unwrap_or_default();
        let mut vraag = None;
        if lijst.is_empty() {
            ui.label(format!(
                "Er zijn op {} geen dossiers te vernietigen.",
                nl(loket.vandaag())
            ));
        } else {
            ui.horizontal(|ui| {
                ui.label(if lijst.len() == 1 {
                    "1 dossier te vernietigen.".to_owned()
                } else {
                    format!("{} dossiers te vernietigen.", duizendtallen(lijst.len()))
                });
                if ui
                    .add_enabled(
                        self.bevestig.is_none(),
                        egui::Button::new(format!("Alle {} vernietigen…", lijst.len())),
                    )
                    .clicked()
                {
                    vraag = Some(Bevestiging::Alle(lijst.len()));
                }
            });
            TableBuilder::new(ui)
                .id_salt("bewaartermijnen_tabel")
                .striped(true)
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .min_scrolled_height(300.0)
                .max_scroll_height(300.0)
                .column(Column::initial(220.0).clip(true))
                .column(Column::initial(100.0))
                .column(Column::initial(150.0))
                .column(Column::initial(340.0).clip(true))
                .column(Column::remainder().at_least(110.0))
                .header(22.0, |mut kop| {
                    for t in ["Inwoner", "Geboren", "Te vernietigen sinds", "Grond", ""] {
                        kop.col(|ui| {
                            ui.label(RichText::new(t).strong());
                        });
                    }
                })
                .body(|body| {
                    body.rows(24.0, lijst.len(), |mut rij| {
                        let Some(v) = lijst.get(rij.index()) else {
                            return;
                        };
                        rij.col(|ui| {
                            ui.add(egui::Label::new(&v.naam).truncate());
                        });
                        rij.col(|ui| {
                            ui.label(nl(v.geboren));
                        });
                        rij.col(|ui| {
                            ui.label(nl(v.datum));
                        });
                        rij.col(|ui| {
                            ui.add(egui::Label::new(v.grond.tekst()).truncate());
                        });
                        rij.col(|ui| {
                            if ui
                                .add_enabled(
                                    self.bevestig.is_none(),
                                    egui::Button::new("Vernietigen…"),
                                )
                                .on_hover_text(format!("Dossier van {} vernietigen", benoem(v)))
                                .clicked()
                            {
                                vraag = Some(Bevestiging::Een(v.inwoner.clone(), benoem(v)));
                            }
                        });
                    });
                });
        }
        if vraag.is_some() {
            self.bevestig = vraag;
            self.melding = None;
            self.terug_naar = ui.memory(egui::Memory::focused);
        }
        let vernietigd = self.bevestiging_ui(ui, loket);
        match &self.melding {
            Some(Ok(tekst)) => {
                ui.colored_label(GOED_KLEUR, RichText::new(tekst).strong());
            }
            Some(Err(tekst)) => {
                ui.colored_label(FOUT_KLEUR, tekst);
            }
            None => {}
        }
        vernietigd
    }

    /// The confirmation asked before anything is destroyed; returns whether
    /// something was.
    fn bevestiging_ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> bool {
        let Some(bevestig) = self.bevestig.clone() else {
            return false;
        };
        let mut ja = false;
        let mut nee = false;
        // A dialog over the screen, so the question is where the eye is
        // (never below a long list, out of sight); Esc cancels.
        let modal = egui::Modal::new(egui::Id::unique("vernietigen_bevestigen")).show(
            ui.ctx(),
            |ui| {
                ui.set_max_width(560.0);
                let vraag = match &bevestig {
                    Bevestiging::Een(_, naam) => {
                        format!("Het dossier van {naam} definitief vernietigen?")
                    }
                    Bevestiging::Alle(n) => {
                        format!("Alle dossiers in de lijst ({n}) definitief vernietigen?")
                    }
                };
                ui.colored_label(FOUT_KLEUR, RichText::new(vraag).strong().size(16.0));
                ui.label("Alle meldingen, toekenningen, verwijzingen en stappen van de klantreis worden verwijderd. Dit kan niet ongedaan worden gemaakt.");
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    ja = ui.button("Ja, definitief vernietigen").clicked();
                    nee = ui.button("Annuleren").clicked();
                });
                ui.label("Esc = annuleren; Tab kiest een knop, Enter of spatie drukt die in.");
            },
        );
        nee |= modal.should_close();
        if nee {
            self.bevestig = None;
            if let Some(id) = self.terug_naar.take() {
                crate::ui::widgets::focus_straks(ui.ctx(), id);
            }
            return false;
        }
        if !ja {
            return false;
        }
        self.bevestig = None;
        self.lijst = None;
        let (melding, gelukt) = match bevestig {
            Bevestiging::Een(id, naam) => match loket.vernietig_dossier(&id) {
                Ok(v) => (
                    Ok(format!("Dossier van {naam} vernietigd: {}.", omvang(&v))),
                    true,
                ),
                Err(fout) => (Err(format!("Niet vernietigd: {fout}")), false),
            },
            Bevestiging::Alle(_) => match loket.vernietig_alle_vervallen() {
                Ok((ids, v)) => (
                    Ok(if ids.len() == 1 {
                        format!("1 dossier vernietigd: {}.", omvang(&v))
                    } else {
                        format!(
                            "{} dossiers vernietigd: {}.",
                            duizendtallen(ids.len()),
                            omvang(&v)
                        )
                    }),
                    !ids.is_empty(),
                ),
                Err(fout) => (Err(format!("Niets vernietigd: {fout}")), false),
            },
        };
        self.melding = Some(melding);
        gelukt
    }
}
