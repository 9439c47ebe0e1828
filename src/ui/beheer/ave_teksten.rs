//! The AVE level texts in Beheer: a beheerder rewords the name, situation
//! and regie of the five levels (levels cannot be added or removed); others
//! read them. Saving is all or nothing through `store::ave::herformuleer`,
//! which checks the role and the texts again.

use egui::RichText;

use crate::domain::Veldfout;
use crate::domain::ave::AveNiveauTekst;
use crate::domain::waarden::Rol;
use crate::gateway::Loket;
use crate::store::StoreFout;
use crate::ui::theme::{FOUT_KLEUR, GOED_KLEUR};
use crate::ui::widgets::ave::ave_badge_ui;

/// State of the level-texts part of Beheer: the texts as being edited.
#[derive(Default)]
pub struct AveTekstenScherm {
    teksten: Option<Result<Vec<AveNiveauTekst>, String>>,
    fouten: Vec<Veldfout>,
    bericht: Option<String>,
}

impl AveTekstenScherm {
    /// Draws the texts; a beheerder may edit and save them.
    pub fn ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) {
        let medewerker = loket.sessie().map(crate::gateway::Sessie::gebruiker);
        ui.label(crate::ui::theme::sectie("Teksten van de AVE-niveaus"));
        ui.label(
            "De vijf niveaus (0 tot en met 4) liggen vast; hun naam, situatie en regie kunt u anders verwoorden.",
        );
        let beheerder = medewerker.filter(|m| m.rol == Rol::Beheerder);
        if beheerder.is_none() {
            ui.weak("Alleen een beheerder kan deze teksten aanpassen.");
        }
        let teksten = self.teksten.get_or_insert_with(|| {
            loket
                .ave_teksten()
                .map_err(|fout| format!("De teksten konden niet worden gelezen: {fout}"))
        });
        let teksten = match teksten {
            Ok(t) => t,
            Err(fout) => {
                ui.colored_label(FOUT_KLEUR, fout.as_str());
                return;
            }
        };
        let bewerkbaar = beheerder.is_some();
        egui::Grid::new("ave_teksten")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for t in teksten.iter_mut() {
                    ave_badge_ui(ui, t.niveau, &t.naam);
                    ui.vertical(|ui| {
                        for (veld, tekst, regels) in [
                            ("Naam", &mut t.naam, 1),
                            ("Situatie", &mut t.situatie, 2),
                            ("Regie", &mut t.regie, 1),
                        ] {
                            ui.horizontal(|ui| {
                                let label = ui.add_sized([70.0, 20.0], egui::Label::new(veld));
                                ui.add_enabled(
                                    bewerkbaar,
                                    egui::TextEdit::multiline(tekst)
                                        .char_limit(if veld == "Naam" {
                                            crate::ui::widgets::lengte::NAAM
                                        } else {
                                            crate::ui::widgets::lengte::LANGE_TEKST
                                        })
                                        .desired_rows(regels)
                                        .desired_width(480.0),
                                )
                                .labelled_by(label.id);
                            });
                        }
                        let niveau = format!("niveau {}", t.niveau);
                        for f in self.fouten.iter().filter(|f| f.veld.ends_with(&niveau)) {
                            ui.colored_label(
                                FOUT_KLEUR,
                                crate::ui::woorden::veldfout(f.veld, &f.fout.to_string()),
                            );
                        }
                    });
                    ui.end_row();
                }
            });
        for f in self.fouten.iter().filter(|f| !f.veld.contains("niveau ")) {
            ui.colored_label(
                FOUT_KLEUR,
                crate::ui::woorden::veldfout(f.veld, &f.fout.to_string()),
            );
        }
        if let Some(bericht) = &self.bericht {
            ui.colored_label(GOED_KLEUR, RichText::new(bericht).strong());
        }
        if beheerder.is_none() {
            return;
        }
        let (opslaan, weggooien) = ui
            .horizontal(|ui| {
                (
                    ui.button("Teksten opslaan").clicked(),
                    ui.button("Wijzigingen weggooien").clicked(),
                )
            })
            .inner;
        if opslaan {
            self.bericht = None;
            match loket.ave_herformuleer(teksten) {
                Ok(()) => {
                    self.fouten.clear();
                    self.bericht =
                        Some("De teksten van de AVE-niveaus zijn opgeslagen.".to_owned());
                }
                Err(StoreFout::Validatie(fouten)) => self.fouten = fouten,
                Err(fout) => {
                    self.fouten.clear();
                    self.teksten = Some(Err(format!("De teksten zijn niet opgeslagen: {fout}")));
                }
            }
        } else if weggooien {
            self.teksten = None;
            self.fouten.clear();
            self.bericht = None;
        }
    }
}
