//! Verwijzingen: the list, the update form and the form for a new one.

use super::{
    BijwerkForm, Formulier, Gegevens, MeldingScherm, VerwijzingForm, andere_ui, leeg_aanbod_uitleg,
};
use crate::domain::datum::nl;
use crate::domain::klantreis::{DEELS, Stap, TredeSoort};
use crate::domain::{VerwijzingStatus, VoorzieningSoort};
use crate::gateway::Loket;
use crate::ui::theme::WAARSCHUWING_KLEUR;
use crate::ui::widgets::datum::{datumveld_ui, lees};
use crate::ui::widgets::{Fouten, keuze_ui, markeer_meerregelig, tekstvak_ui};
use egui::RichText;

impl MeldingScherm {
    pub(super) fn verwijzingen_ui(
        &mut self,
        ui: &mut egui::Ui,
        g: &Gegevens,
        loket: &Loket<'_>,
    ) -> bool {
        ui.separator();
        ui.horizontal(|ui| {
            ui.label(
                RichText::new("Verwijzingen van deze melding")
                    .strong()
                    .size(17.0),
            );
            let mag = g.kern.afgesloten.is_none() && g.nog_te_doen.contains(&Stap::Verwijzing);
            if ui
                .add_enabled(
                    mag && self.verwijzing.is_none(),
                    egui::Button::new("Nieuwe verwijzing"),
                )
                .on_disabled_hover_text("Verwijzen kan na de afweging")
                .clicked()
            {
                // When the ladder said a voorziening solves part of the
                // need, the verwijzing records which part it takes.
                let deel = [
                    TredeSoort::AlgemeneVoorziening,
                    TredeSoort::VoorliggendeVoorziening,
                ]
                .iter()
                .find_map(|t| g.ladder.trede(*t).deel())
                .map(|d| format!("{DEELS}{d}"))
                .unwrap_or_default();
                self.verwijzing = Some(VerwijzingForm {
                    datum: nl(loket.vandaag()),
                    notitie: deel,
                    ..VerwijzingForm::default()
                });
            }
        });
        let mut opnieuw = false;
        let eigen: Vec<_> = g
            .dossier
            .verwijzingen
            .iter()
            .filter(|v| v.melding == g.kern.id)
            .collect();
        if eigen.is_empty() {
            ui.label("Geen verwijzingen bij deze melding.");
        }
        let andere = g.dossier.verwijzingen.len() - eigen.len();
        andere_ui(
            ui,
            andere,
            if andere == 1 {
                "verwijzing (van een andere melding)"
            } else {
                "verwijzingen (van andere meldingen)"
            },
        );
        for v in eigen {
            ui.horizontal(|ui| {
                ui.label(format!(
                    "{} – verwezen {} – {}{}",
                    v.voorziening,
                    nl(v.datum),
                    v.status.label().to_lowercase(),
                    match v.opgelost {
                        Some(true) => ", opgelost",
                        Some(false) => ", niet opgelost",
                        None => "",
                    }
                ));
                if matches!(
                    v.status,
                    VerwijzingStatus::Verwezen | VerwijzingStatus::Gestart
                ) && ui
                    .small_button(format!("Status bijwerken: {}", v.voorziening))
                    .clicked()
                {
                    self.bijwerken = Some(BijwerkForm {
                        id: v.id.clone(),
                        ..BijwerkForm::default()
                    });
                    self.verwijzing = None;
                }
            });
        }
        if let Some(mut b) = self.bijwerken.take() {
            let mut opslaan = false;
            let mut annuleren = false;
            let f = if self.fouten_van == Some(Formulier::Bijwerken) {
                self.fouten.clone()
            } else {
                Fouten::new()
            };
            let enig = self.formulier_geteld();
            let groep = ui.group(|ui| {
                egui::Grid::new("bijwerken").num_columns(3).show(ui, |ui| {
                    let statussen: Vec<(Option<VerwijzingStatus>, String)> = [
                        VerwijzingStatus::Gestart,
                        VerwijzingStatus::Afgerond,
                        VerwijzingStatus::NietGestart,
                    ]
                    .iter()
                    .map(|s| (Some(*s), s.label().to_owned()))
                    .collect();
                    keuze_ui(
                        ui,
                        "Nieuwe status:",
                        &mut b.status,
                        &statussen,
                        f.get("status"),
                    );
                    if b.status == Some(VerwijzingStatus::Afgerond) {
                        datumveld_ui(
                            ui,
                            "Afgerond op:",
                            &mut b.afgerond_op,
                            f.get("afgerond_op"),
                            loket.vandaag(),
                        );
                        keuze_ui(
                            ui,
                            "Vraag opgelost:",
                            &mut b.opgelost,
                            &[
                                (Some(true), "ja".to_owned()),
                                (Some(false), "nee".to_owned()),
                            ],
                            f.get("opgelost"),
                        );
                    }
                });
                ui.horizontal(|ui| {
                    opslaan = ui.button("Status opslaan").clicked();
                    annuleren = ui.button("Annuleren").clicked();
                    ui.weak("Enter = opslaan, Esc = annuleren");
                });
            });
            if self.focus.esc_voor(ui, groep.response.rect, true) {
                annuleren = true;
                self.esc_gebruikt = true;
            } else if !annuleren && self.focus.enter_voor(ui, groep.response.rect, enig) {
                opslaan = true;
            }
            if !annuleren {
                self.bijwerken = Some(b);
            }
            if opslaan && let Some(b) = self.bijwerken.as_ref() {
                let b = BijwerkForm {
                    id: b.id.clone(),
                    status: b.status,
                    afgerond_op: b.afgerond_op.clone(),
                    opgelost: b.opgelost,
                };
                let Some(status) = b.status else {
                    self.fouten =
                        Fouten::from([("status".to_owned(), "kies de nieuwe status".to_owned())]);
                    self.fouten_van = Some(Formulier::Bijwerken);
                    return false;
                };
                let r = loket.verwijzing_bijwerken(
                    &b.id.clone(),
                    status,
                    lees(&b.afgerond_op),
                    b.opgelost,
                );
                opnieuw = self.na_opslaan(Formulier::Bijwerken, r, "Verwijzing bijgewerkt.", loket);
            }
        }
        let enig = self.verwijzing.is_some() && self.formulier_geteld();
        let focus = self.focus;
        if let Some(v) = &mut self.verwijzing {
            let mut opslaan = false;
            let mut annuleren = false;
            let f = if self.fouten_van == Some(Formulier::Verwijzing) {
                self.fouten.clone()
            } else {
                Fouten::new()
            };
            let groep = ui.group(|ui| {
                ui.label(RichText::new("Nieuwe verwijzing (passend bij wet en leefgebieden; algemene voorzieningen eerst)").strong());
                egui::Grid::new("verwijzing").num_columns(3).show(ui, |ui| {
                    let opties: Vec<(Option<String>, String)> = g
                        .passend
                        .iter()
                        .filter(|p| p.soort != VoorzieningSoort::Maatwerk)
                        .map(|p| (Some(p.id.clone()), format!("{} ({})", p.naam, p.soort.label().to_lowercase())))
                        .collect();
                    let leeg = opties.is_empty();
                    keuze_ui(ui, "Voorziening:", &mut v.voorziening, &opties, f.get("voorziening"));
                    if leeg && let Some(uitleg) = leeg_aanbod_uitleg(&g.kern, &g.passend, None, loket.vandaag()) {
                        ui.label("");
                        ui.add(egui::Label::new(RichText::new(uitleg).color(WAARSCHUWING_KLEUR)).wrap());
                        ui.label("");
                        ui.end_row();
                    }
                    datumveld_ui(ui, "Datum verwijzing:", &mut v.datum, f.get("datum"), loket.vandaag());
                    let r = tekstvak_ui(ui, "Notitie verwijzing:", &mut v.notitie, f.get("notitie"));
                    markeer_meerregelig(ui, &r);
                });
                ui.horizontal(|ui| {
                    opslaan = ui.button(RichText::new("Verwijzing opslaan").strong()).clicked();
                    annuleren = ui.button("Annuleren").clicked();
                    ui.weak("Enter = opslaan, Esc = annuleren");
                });
            });
            // Esc with nothing focused closes this sub-form only, not the
            // screen (other forms of the melding are open beside it).
            if focus.esc_voor(ui, groep.response.rect, true) {
                annuleren = true;
                self.esc_gebruikt = true;
            } else if !annuleren && focus.enter_voor(ui, groep.response.rect, enig) {
                opslaan = true;
            }
            if annuleren {
                self.verwijzing = None;
                return opnieuw;
            }
            if opslaan && let Some(v) = &self.verwijzing {
                let mut fouten = Fouten::new();
                if v.voorziening.is_none() {
                    fouten.insert("voorziening".into(), "kies de voorziening".into());
                }
                let datum = lees(&v.datum);
                if datum.is_none() {
                    fouten.insert("datum".into(), "typ de datum als dd-mm-jjjj".into());
                }
                let (Some(voorziening), Some(datum), true) =
                    (v.voorziening.clone(), datum, fouten.is_empty())
                else {
                    self.fouten = fouten;
                    self.fouten_van = Some(Formulier::Verwijzing);
                    return opnieuw;
                };
                let r = loket.verwijzing_maken(&self.id, &voorziening, datum, &v.notitie.clone());
                opnieuw =
                    self.na_opslaan(Formulier::Verwijzing, r, "Verwijzing opgeslagen.", loket);
            }
        }
        opnieuw
    }
}
