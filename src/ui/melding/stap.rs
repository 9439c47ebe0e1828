//! The recorded steps with their corrections, and the form for the next step.

use super::{CorrectieForm, Formulier, Gegevens, MeldingScherm, vrij_vast_te_leggen};
use crate::domain::MeldingUitkomst;
use crate::domain::datum::nl;
use crate::domain::klantreis::Stap;
use crate::gateway::Loket;
use crate::store::klantreis::{CorrectieRij, NieuweStap, StapCorrectie};
use crate::ui::widgets::datum::{datumveld_ui, lees};
use crate::ui::widgets::{Fouten, fout_ui, keuze_ui, markeer_meerregelig, tekstvak_ui};
use egui::RichText;

impl MeldingScherm {
    pub(super) fn stappen_ui(
        &mut self,
        ui: &mut egui::Ui,
        g: &Gegevens,
        loket: &Loket<'_>,
    ) -> bool {
        let mut opnieuw = false;
        ui.separator();
        ui.label(RichText::new("Vastgelegde stappen").strong().size(17.0));
        if g.stappen.is_empty() {
            ui.label("Nog geen stappen in de app vastgelegd; de datums in de stappenbalk komen uit de registratie van de melding.");
        }
        egui::Grid::new("stappen")
            .num_columns(5)
            .striped(true)
            .spacing([14.0, 4.0])
            .show(ui, |ui| {
                for k in ["Stap", "Datum", "Medewerker", "Notitie", ""] {
                    ui.label(RichText::new(k).strong());
                }
                ui.end_row();
                for s in &g.stappen {
                    ui.label(s.stap.label());
                    ui.label(nl(s.datum));
                    ui.label(g.medewerker_naam(&s.medewerker));
                    ui.label(if s.notitie.is_empty() {
                        "–"
                    } else {
                        &s.notitie
                    });
                    if ui
                        .small_button(format!(
                            "Corrigeren: {} {}",
                            s.stap.label().to_lowercase(),
                            nl(s.datum)
                        ))
                        .clicked()
                    {
                        self.correctie = Some(CorrectieForm {
                            stap_id: s.id,
                            datum: nl(s.datum),
                            medewerker: Some(s.medewerker.clone()),
                            notitie: s.notitie.clone(),
                        });
                        self.focus_naar = Some(Formulier::Correctie);
                    }
                    ui.end_row();
                    for c in g.correcties.get(&s.id).into_iter().flatten() {
                        ui.label("");
                        ui.label(RichText::new(correctie_tekst(g, c)).italics());
                        ui.end_row();
                    }
                }
            });
        let mut sluit = false;
        let focus = self.focus;
        let enig = self.correctie.is_some() && self.formulier_geteld();
        let focus_zetten = self.focus_naar == Some(Formulier::Correctie);
        if focus_zetten {
            self.focus_naar = None;
        }
        if let Some(c) = &mut self.correctie {
            let groep = ui.group(|ui| {
                ui.label(RichText::new("Stap corrigeren (de correctie wordt bewaard)").strong());
                let f = if self.fouten_van == Some(Formulier::Correctie) {
                    self.fouten.clone()
                } else {
                    Fouten::new()
                };
                egui::Grid::new("correctie").num_columns(3).show(ui, |ui| {
                    let r = datumveld_ui(
                        ui,
                        "Juiste datum:",
                        &mut c.datum,
                        f.get("datum"),
                        loket.vandaag(),
                    );
                    if focus_zetten {
                        r.request_focus();
                    }
                    keuze_ui(
                        ui,
                        "Juiste medewerker:",
                        &mut c.medewerker,
                        &g.medewerkers,
                        f.get("medewerker"),
                    );
                    let r = tekstvak_ui(ui, "Juiste notitie:", &mut c.notitie, f.get("notitie"));
                    markeer_meerregelig(ui, &r);
                });
                ui.horizontal(|ui| {
                    if ui.button("Correctie opslaan").clicked() {
                        opnieuw = true;
                    }
                    if ui.button("Annuleren").clicked() {
                        sluit = true;
                    }
                    ui.weak("Enter = opslaan, Esc = annuleren");
                });
            });
            let rect = groep.response.rect;
            if focus.esc_voor(ui, rect, enig) {
                sluit = true;
                self.esc_gebruikt = true;
            } else if focus.enter_voor(ui, rect, enig) {
                opnieuw = true;
            }
        }
        if sluit {
            self.correctie = None;
            return false;
        }
        if opnieuw && let Some(c) = &self.correctie {
            let Some(datum) = lees(&c.datum) else {
                self.fouten =
                    Fouten::from([("datum".to_owned(), "typ de datum als dd-mm-jjjj".to_owned())]);
                self.fouten_van = Some(Formulier::Correctie);
                return false;
            };
            let r = loket.stap_corrigeren(
                c.stap_id,
                &StapCorrectie {
                    datum,
                    medewerker: c.medewerker.clone().unwrap_or_default(),
                    notitie: c.notitie.clone(),
                },
            );
            return self.na_opslaan(Formulier::Correctie, r, "Correctie opgeslagen.", loket);
        }
        false
    }

    pub(super) fn volgende_stap_ui(
        &mut self,
        ui: &mut egui::Ui,
        g: &Gegevens,
        loket: &Loket<'_>,
    ) -> bool {
        let keuzes: Vec<(Option<Stap>, String)> = g
            .nog_te_doen
            .iter()
            .filter(|s| vrij_vast_te_leggen(**s))
            .map(|s| (Some(*s), s.label().to_owned()))
            .collect();
        if keuzes.is_empty() {
            return false;
        }
        ui.separator();
        ui.label(
            RichText::new("Volgende stap vastleggen")
                .strong()
                .size(17.0),
        );
        let mut opslaan = false;
        let f = if self.fouten_van == Some(Formulier::Stap) {
            self.fouten.clone()
        } else {
            Fouten::new()
        };
        let enig = self.formulier_geteld();
        let focus = self.focus;
        let wie = loket
            .sessie()
            .map_or_else(String::new, |s| format!("{} (aangemeld)", s.naam()));
        let s = &mut self.stap;
        let vorm = ui.scope(|ui| {
            egui::Grid::new("volgende-stap")
                .num_columns(3)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    keuze_ui(ui, "Stap:", &mut s.stap, &keuzes, f.get("stap"));
                    if s.stap == Some(Stap::Afsluiting) {
                        let uitkomsten: Vec<(Option<MeldingUitkomst>, String)> =
                            MeldingUitkomst::ALLE
                                .iter()
                                .map(|u| (Some(*u), u.label().to_owned()))
                                .collect();
                        keuze_ui(
                            ui,
                            "Uitkomst:",
                            &mut s.uitkomst,
                            &uitkomsten,
                            f.get("uitkomst"),
                        );
                    }
                    datumveld_ui(
                        ui,
                        "Datum stap:",
                        &mut s.datum,
                        f.get("datum"),
                        loket.vandaag(),
                    );
                    // A step is recorded by who did it: the one logged in.
                    ui.label("Medewerker:");
                    ui.label(&wie)
                        .on_hover_text("Een stap staat op naam van wie is aangemeld.");
                    fout_ui(ui, f.get("medewerker"));
                    ui.end_row();
                    let r = tekstvak_ui(ui, "Notitie:", &mut s.notitie, f.get("notitie"));
                    markeer_meerregelig(ui, &r);
                });
            ui.horizontal(|ui| {
                if ui.button(RichText::new("Stap opslaan").strong()).clicked() {
                    opslaan = true;
                }
                ui.weak("Enter = opslaan (niet in de notitie)");
            });
        });
        opslaan |= focus.enter_voor(ui, vorm.response.rect, enig);
        if !opslaan {
            return false;
        }
        let mut fouten = Fouten::new();
        let datum = lees(&self.stap.datum);
        if datum.is_none() {
            fouten.insert("datum".into(), "typ de datum als dd-mm-jjjj".into());
        }
        let mw = loket.sessie().map(|s| s.medewerker().to_owned());
        if mw.is_none() {
            fouten.insert(
                "medewerker".into(),
                "u bent niet (meer) aangemeld; meld u opnieuw aan".into(),
            );
        }
        if self.stap.stap.is_none() {
            fouten.insert("stap".into(), "kies welke stap je vastlegt".into());
        }
        let (Some(stap), Some(datum), Some(mw), true) =
            (self.stap.stap, datum, mw, fouten.is_empty())
        else {
            self.fouten = fouten;
            self.fouten_van = Some(Formulier::Stap);
            return false;
        };
        let r = loket.stap_vastleggen(
            &self.id,
            &NieuweStap {
                stap,
                datum,
                medewerker: mw,
                notitie: self.stap.notitie.clone(),
                uitkomst: self.stap.uitkomst,
            },
        );
        let tekst = format!("Stap '{}' opgeslagen.", stap.label());
        self.na_opslaan(Formulier::Stap, r, &tekst, loket)
    }
}

/// One logged correction in words: who, when, and only what changed.
fn correctie_tekst(g: &Gegevens, c: &CorrectieRij) -> String {
    let mut wat = Vec::new();
    if c.oude_datum != c.nieuwe_datum {
        wat.push(format!("datum was {}", nl(c.oude_datum)));
    }
    if c.oude_medewerker != c.nieuwe_medewerker {
        wat.push(format!(
            "medewerker was {}",
            g.medewerker_naam(&c.oude_medewerker)
        ));
    }
    if c.oude_notitie != c.nieuwe_notitie {
        wat.push(format!("notitie was '{}'", c.oude_notitie));
    }
    let wanneer = c
        .tijdstip
        .get(..10)
        .and_then(crate::domain::datum::parse_iso)
        .map_or_else(|| c.tijdstip.clone(), nl);
    format!(
        "gecorrigeerd door {} op {wanneer}: {}",
        g.medewerker_naam(&c.door),
        wat.join(", ")
    )
}
