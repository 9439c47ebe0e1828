//! Account management in the Beheer screen (beheerder only): list accounts,
//! add one for an existing medewerker, deactivate or activate, reset a
//! password. There is no delete: history refers to accounts.

use egui::RichText;

use crate::gateway::Loket;
use crate::store::accounts::{AccountFout, AccountRij};
use crate::store::medewerkers::MedewerkerRij;
use crate::ui::theme::{FOUT_KLEUR, GOED_KLEUR};

/// The state of the accounts section.
#[derive(Default)]
pub struct AccountsScherm {
    lijst: Option<Vec<AccountRij>>,
    medewerkers: Option<Vec<MedewerkerRij>>,
    /// The wijkteams' names by id (shown beside each medewerker).
    wijkteams: Vec<(String, String)>,
    nieuw_medewerker: Option<String>,
    nieuw_gebruikersnaam: String,
    nieuw_wachtwoord: String,
    nieuw_herhaling: String,
    /// The account whose password is being reset, with the two fields.
    reset: Option<(String, String, String)>,
    melding: Option<Result<String, String>>,
}

enum Wijziging {
    Toevoegen,
    Actief(String, bool),
    Deblokkeer(String),
    Reset,
}

impl AccountsScherm {
    fn laad(&mut self, loket: &Loket<'_>) {
        if self.lijst.is_none() {
            match loket.accounts() {
                Ok(l) => self.lijst = Some(l),
                Err(fout) => {
                    self.melding = Some(Err(format!(
                        "De accounts konden niet worden gelezen: {fout}"
                    )));
                    self.lijst = Some(Vec::new());
                }
            }
        }
        if self.medewerkers.is_none() {
            self.wijkteams = loket.wijkteams().unwrap_or_default();
            match loket.medewerkers() {
                Ok(l) => self.medewerkers = Some(l),
                Err(fout) => {
                    self.melding = Some(Err(format!(
                        "De medewerkers konden niet worden gelezen: {fout}"
                    )));
                    self.medewerkers = Some(Vec::new());
                }
            }
        }
    }

    /// The section "Accounts" for the session's beheerder.
    pub fn ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) {
        let Some(sessie) = loket.sessie() else {
            return;
        };
        let nu = loket.klok().lokaal_nu();
        self.laad(loket);
        let mut wijziging = None;
        let mut annuleer = false;
        ui.add_space(16.0);
        ui.label(crate::ui::theme::sectie("Accounts"));
        ui.label("Accounts worden nooit verwijderd (de geschiedenis verwijst ernaar); deactiveer een account dat niet meer mag inloggen.");
        ui.add_space(4.0);
        let lijst = self.lijst.clone().unwrap_or_default();
        egui::Grid::new("accounts")
            .striped(true)
            .num_columns(5)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                for kop in ["Naam", "Gebruikersnaam", "Rol", "Status", ""] {
                    ui.label(RichText::new(kop).strong());
                }
                ui.end_row();
                for a in &lijst {
                    ui.label(&a.naam);
                    ui.label(&a.gebruikersnaam);
                    ui.label(a.rol.label());
                    let geblokkeerd = a.geblokkeerd_tot.as_ref().filter(|tot| {
                        tot.as_str() > nu.format("%Y-%m-%dT%H:%M:%S").to_string().as_str()
                    });
                    let status = match (&a.actief, geblokkeerd) {
                        (false, _) => "Gedeactiveerd".to_owned(),
                        (true, Some(tot)) => {
                            format!("Geblokkeerd tot {}", tot.get(11..16).unwrap_or(tot))
                        }
                        (true, None) => "Actief".to_owned(),
                    };
                    ui.label(status);
                    ui.horizontal(|ui| {
                        if a.medewerker != sessie.medewerker() {
                            let (tekst, actief) = if a.actief {
                                ("Deactiveren", false)
                            } else {
                                ("Activeren", true)
                            };
                            if ui.button(tekst).clicked() {
                                wijziging = Some(Wijziging::Actief(a.medewerker.clone(), actief));
                            }
                        }
                        if geblokkeerd.is_some()
                            && ui
                                .button("Blokkering opheffen")
                                .on_hover_text("Laat deze medewerker meteen weer inloggen met het eigen wachtwoord")
                                .clicked()
                        {
                            wijziging = Some(Wijziging::Deblokkeer(a.medewerker.clone()));
                        }
                        if ui.button("Nieuw wachtwoord instellen").clicked() {
                            self.reset = Some((a.medewerker.clone(), String::new(), String::new()));
                        }
                    });
                    ui.end_row();
                }
            });

        if let Some((medewerker, ww, herhaling)) = &mut self.reset {
            let naam = lijst
                .iter()
                .find(|a| &a.medewerker == medewerker)
                .map_or(medewerker.as_str(), |a| a.naam.as_str());
            ui.add_space(8.0);
            ui.label(RichText::new(format!("Nieuw wachtwoord voor {naam}")).strong());
            ui.horizontal(|ui| {
                let l = ui.label("Nieuw wachtwoord");
                ui.add(
                    egui::TextEdit::singleline(ww)
                        .password(true)
                        .char_limit(crate::ui::widgets::lengte::WACHTWOORD),
                )
                .labelled_by(l.id);
                let l = ui.label("Herhalen");
                ui.add(
                    egui::TextEdit::singleline(herhaling)
                        .password(true)
                        .char_limit(crate::ui::widgets::lengte::WACHTWOORD),
                )
                .labelled_by(l.id);
                if ui.button("Wachtwoord opslaan").clicked() {
                    wijziging = Some(Wijziging::Reset);
                }
                if ui.button("Annuleren").clicked() {
                    annuleer = true;
                }
            });
        }
        if annuleer {
            self.reset = None;
        }

        ui.add_space(12.0);
        ui.label(RichText::new("Nieuw account").strong());
        let zonder: Vec<MedewerkerRij> = self
            .medewerkers
            .as_deref()
            .unwrap_or_default()
            .iter()
            .filter(|m| !lijst.iter().any(|a| a.medewerker == m.id))
            .cloned()
            .collect();
        // Each medewerker with role and wijkteam, so two namesakes are told
        // apart; letters typed on the focused choice find a name.
        let opties: Vec<(Option<String>, String)> = zonder
            .iter()
            .map(|m| {
                let team = m
                    .wijkteam
                    .as_ref()
                    .and_then(|id| self.wijkteams.iter().find(|(t, _)| t == id))
                    .map_or_else(|| "geen wijkteam".to_owned(), |(_, naam)| naam.clone());
                (
                    Some(m.id.clone()),
                    format!("{} ({}, {team})", m.naam, m.rol.label().to_lowercase()),
                )
            })
            .collect();
        ui.horizontal(|ui| {
            let l = ui.label("Medewerker");
            // One width whatever is chosen: the fields beside it stay put.
            ui.scope(|ui| {
                ui.set_max_width(crate::ui::widgets::KEUZE_BREEDTE);
                let salt = "account_medewerker";
                // The id the ComboBox gives its button (in this same ui).
                let knop = ui.make_persistent_id(egui::IdSalt::new(salt));
                let getypt = crate::ui::widgets::kies_met_toetsen(
                    ui,
                    knop,
                    &mut self.nieuw_medewerker,
                    &opties,
                );
                let open_nu = egui::ComboBox::is_open(ui.ctx(), knop);
                let gekozen = opties
                    .iter()
                    .find(|(id, _)| *id == self.nieuw_medewerker)
                    .map_or_else(|| "kies… (typ een naam)".to_owned(), |(_, t)| t.clone());
                egui::ComboBox::from_id_salt(salt)
                    .selected_text(gekozen)
                    .width(crate::ui::widgets::KEUZE_BREEDTE)
                    .truncate()
                    .show_ui(ui, |ui| {
                        for (id, tekst) in &opties {
                            let r =
                                ui.selectable_value(&mut self.nieuw_medewerker, id.clone(), tekst);
                            // The open list shows the chosen name, also when
                            // it opens again or the choice moved by typing.
                            if *id == self.nieuw_medewerker && (getypt || !open_nu) {
                                r.scroll_to_me(Some(egui::Align::Center));
                            }
                        }
                    })
                    .response
                    .labelled_by(l.id);
            });
            let l = ui.label("Gebruikersnaam voor het account");
            ui.add(
                egui::TextEdit::singleline(&mut self.nieuw_gebruikersnaam)
                    .desired_width(220.0)
                    .char_limit(crate::ui::widgets::lengte::NAAM),
            )
            .labelled_by(l.id);
        });
        ui.horizontal(|ui| {
            let l = ui.label("Wachtwoord");
            ui.add(
                egui::TextEdit::singleline(&mut self.nieuw_wachtwoord)
                    .password(true)
                    .char_limit(crate::ui::widgets::lengte::WACHTWOORD),
            )
            .labelled_by(l.id);
            let l = ui.label("Wachtwoord herhalen");
            let herhaling = ui
                .add(
                    egui::TextEdit::singleline(&mut self.nieuw_herhaling)
                        .password(true)
                        .char_limit(crate::ui::widgets::lengte::WACHTWOORD),
                )
                .labelled_by(l.id);
            // Enter in the last field adds the account, as the button does.
            let enter = herhaling.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui
                .add_enabled(
                    self.nieuw_medewerker.is_some(),
                    egui::Button::new("Account toevoegen"),
                )
                .clicked()
                || (enter && self.nieuw_medewerker.is_some())
            {
                wijziging = Some(Wijziging::Toevoegen);
            }
        });
        match &self.melding {
            Some(Ok(tekst)) => {
                ui.colored_label(GOED_KLEUR, tekst);
            }
            Some(Err(tekst)) => {
                ui.colored_label(FOUT_KLEUR, tekst);
            }
            None => {}
        }
        if let Some(w) = wijziging {
            self.voer_uit(w, loket);
        }
    }

    fn voer_uit(&mut self, w: Wijziging, loket: &Loket<'_>) {
        let uitkomst: Result<String, AccountFout> = match w {
            Wijziging::Toevoegen => {
                let Some(medewerker) = self.nieuw_medewerker.clone() else {
                    return;
                };
                let r = if self.nieuw_wachtwoord == self.nieuw_herhaling {
                    loket
                        .voeg_account_toe(
                            &medewerker,
                            &self.nieuw_gebruikersnaam,
                            &self.nieuw_wachtwoord,
                        )
                        .map(|()| {
                            format!("Account '{}' toegevoegd.", self.nieuw_gebruikersnaam.trim())
                        })
                } else {
                    Err(AccountFout::WachtwoordenVerschillen)
                };
                self.nieuw_wachtwoord.clear();
                self.nieuw_herhaling.clear();
                if r.is_ok() {
                    self.nieuw_medewerker = None;
                    self.nieuw_gebruikersnaam.clear();
                }
                r
            }
            Wijziging::Actief(medewerker, actief) => {
                loket.zet_account_actief(&medewerker, actief).map(|()| {
                    if actief {
                        "Account geactiveerd.".to_owned()
                    } else {
                        "Account gedeactiveerd.".to_owned()
                    }
                })
            }
            Wijziging::Deblokkeer(medewerker) => loket
                .deblokkeer_account(&medewerker)
                .map(|()| "Blokkering opgeheven: de medewerker kan weer inloggen.".to_owned()),
            Wijziging::Reset => {
                let Some((medewerker, ww, herhaling)) = self.reset.take() else {
                    return;
                };
                let r = if ww == herhaling {
                    loket
                        .reset_wachtwoord(&medewerker, &ww)
                        .map(|()| "Wachtwoord opnieuw ingesteld.".to_owned())
                } else {
                    Err(AccountFout::WachtwoordenVerschillen)
                };
                if r.is_err() {
                    // Keep the form open (empty) to try again.
                    self.reset = Some((medewerker, String::new(), String::new()));
                }
                r
            }
        };
        self.melding = Some(uitkomst.map_err(|f| f.to_string()));
        self.lijst = None;
    }
}
