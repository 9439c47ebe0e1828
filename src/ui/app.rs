//! The app: the door, the side navigation, and the one session that owns
//! every screen.
//!
//! [`WijkregisterApp`] is a plain library type: tests build it on an
//! in-memory register with a fixed "today" and draw it with `egui_kittest`,
//! no window needed. It holds the gateway (the only holder of the
//! connection), the clock, and at most one [`Sessie`]: who works and
//! everything they opened. Each frame it binds the gateway to that session,
//! today and the clock (a `gateway::Loket`, the one context every screen
//! gets), draws the screen on top, and carries out the [`Actie`] it
//! returned after the drawing pass. Logging out, a locked account or a
//! deactivated one drops the session whole.

use chrono::{Datelike, NaiveDate};
use egui::RichText;
use rusqlite::Connection;

use crate::gateway::{Gateway, Klok, Loket};
use crate::store::accounts::Werkstand;
use crate::ui::inloggen::{Deur, Poort};
use crate::ui::inwoners::InwonersScherm;
use crate::ui::sessie::{Besluit, Sessie};
use crate::ui::theme::{self, FOUT_KLEUR};

pub use crate::ui::actie::{Actie, Plek, Scherm};

/// The whole app.
pub struct WijkregisterApp {
    gateway: Gateway,
    vandaag: NaiveDate,
    /// The clock of every write and of the idle lock.
    klok: Klok,
    /// Who works and all they opened; the only record of the session.
    sessie: Option<Sessie>,
    /// Login forms (or, without a door, nothing).
    poort: Poort,
    /// Whether the register holds no residents (read once, again after an import).
    leeg: Option<bool>,
    /// The medewerkers to choose from under "Werken als" (no login door).
    medewerkers: Option<Vec<crate::store::medewerkers::MedewerkerRij>>,
    /// An error of the app itself (a medewerker that could not be read).
    fout: Option<String>,
    stijl_gezet: bool,
    /// The daily backup and integrity check running on start.
    onderhoud: crate::ui::onderhoud::Onderhoud,
}

impl WijkregisterApp {
    /// An app on an open connection (tests: in-memory; long work at once).
    #[must_use]
    pub fn new(conn: Connection, vandaag: NaiveDate) -> WijkregisterApp {
        WijkregisterApp::met_register(Gateway::new(conn, None), vandaag)
    }

    /// The real app: nothing of the register is drawn before a login (or,
    /// on a register without accounts, the first beheerder); the window
    /// locks after 15 minutes without input by `klok`.
    #[must_use]
    pub fn met_inloggen(gateway: Gateway, vandaag: NaiveDate, klok: Klok) -> WijkregisterApp {
        WijkregisterApp {
            poort: Poort::verplicht(),
            klok,
            ..WijkregisterApp::met_register(gateway, vandaag)
        }
    }

    /// An app without a login door (tests of screens, which choose a
    /// medewerker with "werken als").
    #[must_use]
    pub fn met_register(gateway: Gateway, vandaag: NaiveDate) -> WijkregisterApp {
        WijkregisterApp {
            gateway,
            vandaag,
            klok: Klok::systeem(),
            sessie: None,
            poort: Poort::open(),
            leeg: None,
            medewerkers: None,
            fout: None,
            stijl_gezet: false,
            onderhoud: crate::ui::onderhoud::Onderhoud::default(),
        }
    }

    /// Carries the background backup and integrity check started with the window.
    #[must_use]
    pub fn met_onderhoud(mut self, onderhoud: crate::ui::onderhoud::Onderhoud) -> WijkregisterApp {
        self.onderhoud = onderhoud;
        self
    }

    /// The gateway bound to the session, today and the clock: what the
    /// screens read and write through (tests read what a screen stored).
    #[must_use]
    pub fn loket(&self) -> Loket<'_> {
        self.gateway.voor(
            self.sessie.as_ref().map(Sessie::wie),
            self.vandaag,
            &self.klok,
        )
    }

    /// Fixes the clock at `tijdstip` (tests), RFC 3339 with offset; a text
    /// that is not one leaves the clock as it is and says so.
    pub fn zet_klok(&mut self, tijdstip: &str) {
        match chrono::DateTime::parse_from_rfc3339(tijdstip) {
            Ok(moment) => self.klok = Klok::vast(moment),
            Err(fout) => self.fout = Some(format!("Ongeldig tijdstip '{tijdstip}': {fout}")),
        }
    }

    /// The medewerker who works now, if anyone.
    #[must_use]
    pub fn medewerker(&self) -> Option<&str> {
        self.sessie.as_ref().map(|s| s.wie().medewerker())
    }

    /// The session of whoever works now, if anyone.
    #[must_use]
    pub fn sessie(&self) -> Option<&crate::gateway::Sessie> {
        self.sessie.as_ref().map(Sessie::wie)
    }

    /// The places the session opened, bottom first (empty without a session).
    #[must_use]
    pub fn pad(&self) -> Vec<Plek> {
        self.sessie
            .as_ref()
            .map_or_else(Vec::new, |s| s.werk().pad().to_vec())
    }

    /// The record the screen on top shows, if a record is on top.
    #[must_use]
    pub fn getoond(&self) -> Option<Plek> {
        self.sessie.as_ref().and_then(|s| s.werk().getoond())
    }

    /// The screen of the navigation the session's stack starts from.
    #[must_use]
    pub fn scherm(&self) -> Scherm {
        self.sessie
            .as_ref()
            .map_or(Scherm::Inwoners, |s| s.werk().scherm())
    }

    /// The Inwoners list of the session (the benchmark selects a row in the
    /// middle); `None` without a session.
    pub fn inwoners_mut(&mut self) -> Option<&mut InwonersScherm> {
        self.sessie.as_mut().map(|s| s.delen().1.inwoners_mut())
    }

    /// Whether a search of the Inwoners list runs in the background (tests
    /// on a register file wait for it).
    #[must_use]
    pub fn zoekt(&self) -> bool {
        self.sessie.as_ref().is_some_and(|s| s.werk().zoekt())
    }

    /// Works as `medewerker` without a login (tests, and the "Werken als"
    /// choice when the app has no login door): a new session, the old one
    /// dropped. Ignored behind a door.
    pub fn werk_als(&mut self, medewerker: &str) {
        if self.poort.is_verplicht() {
            return;
        }
        match self.gateway.sessie_zonder_inloggen(medewerker) {
            Ok(wie) => self.sessie = Some(Sessie::nieuw(wie, self.vandaag.year())),
            Err(fout) => {
                self.fout = Some(format!("De medewerker kon niet worden gelezen: {fout}"));
            }
        }
    }

    /// Ends the session: logged, and everything of it dropped.
    fn afmelden(&mut self, melding: Option<String>) {
        if let Some(sessie) = self.sessie.take() {
            // A failed log row must not keep someone logged in; the next
            // action reports the database.
            let _ = self.gateway.afmelden(sessie.wie(), self.klok.lokaal_nu());
        }
        self.poort.na_sessie(melding);
    }

    /// Ends a session whose account may no longer work (checked at every
    /// navigation and every half minute).
    fn controleer_account(&mut self, altijd: bool) {
        let nu = self.klok.lokaal_nu();
        let Some(sessie) = &mut self.sessie else {
            return;
        };
        let (wie, werk) = sessie.delen();
        if !werk.controle_nodig(nu) && !altijd {
            return;
        }
        let stand = self
            .gateway
            .voor(Some(wie), self.vandaag, &self.klok)
            .werkstand();
        let reden = match stand {
            Ok(Werkstand::Actief) => return,
            Ok(Werkstand::Gedeactiveerd) => {
                "Uw account is gedeactiveerd door een beheerder. U bent afgemeld; wat open stond is gesloten."
                    .to_owned()
            }
            Ok(Werkstand::Geblokkeerd(_)) => {
                "Uw account is geblokkeerd na te veel onjuiste wachtwoorden. U bent afgemeld; wat open stond is gesloten."
                    .to_owned()
            }
            Ok(Werkstand::GeenAccount) => {
                "Uw account bestaat niet meer. U bent afgemeld; wat open stond is gesloten."
                    .to_owned()
            }
            Err(fout) => {
                werk.zet_fout(format!("Uw account kon niet worden gecontroleerd: {fout}"));
                return;
            }
        };
        self.sessie = None;
        self.poort.na_sessie(Some(reden));
    }

    fn laad_medewerkers(&mut self) {
        if self.medewerkers.is_none() {
            match self.gateway.medewerkers() {
                Ok(lijst) => self.medewerkers = Some(lijst),
                Err(fout) => {
                    self.fout = Some(format!("De medewerkers konden niet worden gelezen: {fout}"));
                    self.medewerkers = Some(Vec::new());
                }
            }
        }
    }

    /// The choice of medewerker in the navigation (no login door).
    fn werken_als_ui(&mut self, ui: &mut egui::Ui) {
        self.laad_medewerkers();
        let lijst = self.medewerkers.as_deref().unwrap_or_default();
        let nu = self.medewerker();
        let gekozen = nu
            .and_then(|id| lijst.iter().find(|m| m.id == id))
            .map_or_else(
                || "kies…".to_owned(),
                |m| format!("{} ({})", m.naam, m.rol.label().to_lowercase()),
            );
        let label = ui.label("Werken als");
        let mut keuze = None;
        egui::ComboBox::from_id_salt("werken_als")
            .selected_text(gekozen)
            .width(ui.available_width())
            .show_ui(ui, |ui| {
                for m in lijst {
                    let tekst = format!("{} ({})", m.naam, m.rol.label().to_lowercase());
                    if ui
                        .selectable_label(nu == Some(m.id.as_str()), tekst)
                        .clicked()
                    {
                        keuze = Some(m.id.clone());
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if let Some(id) = keuze {
            self.werk_als(&id);
        }
    }

    fn is_leeg(&mut self) -> bool {
        if let Some(leeg) = self.leeg {
            return leeg;
        }
        let leeg = match self.gateway.is_leeg() {
            Ok(l) => l,
            Err(fout) => {
                self.fout = Some(format!("Het register kon niet worden gelezen: {fout}"));
                false
            }
        };
        self.leeg = Some(leeg);
        leeg
    }

    /// The side navigation; returns the screen clicked and whether
    /// Afmelden was clicked.
    fn navigatie_ui(&mut self, ui: &mut egui::Ui) -> (Option<Scherm>, bool) {
        let mut naar = None;
        let mut afmelden = false;
        let rol = self.sessie.as_ref().map(|s| s.wie().rol());
        let huidig = self.sessie.as_ref().map(|s| s.werk().scherm());
        egui::Panel::left("navigatie")
            .resizable(false)
            .exact_size(190.0)
            .show(ui, |ui| {
                ui.add_space(10.0);
                ui.label(RichText::new("wijkregister").strong().size(20.0));
                ui.add_space(10.0);
                if self.sessie.is_some() {
                    for scherm in Scherm::ALLE {
                        if !scherm.zichtbaar_voor(rol) {
                            continue;
                        }
                        let knop = egui::Button::selectable(
                            huidig == Some(scherm),
                            RichText::new(scherm.naam()).size(16.0),
                        )
                        .min_size(egui::vec2(ui.available_width(), 30.0));
                        if ui.add(knop).clicked() {
                            naar = Some(scherm);
                        }
                    }
                }
                ui.add_space(16.0);
                if self.poort.is_verplicht() {
                    if let Some(sessie) = &self.sessie {
                        afmelden = Poort::navigatie_ui(ui, sessie.wie());
                    }
                } else {
                    self.werken_als_ui(ui);
                }
                ui.with_layout(egui::Layout::bottom_up(egui::Align::Min), |ui| {
                    ui.add_space(8.0);
                    ui.small(format!(
                        "Vandaag: {}",
                        crate::domain::datum::nl(self.vandaag)
                    ));
                });
            });
        (naar, afmelden)
    }

    /// Draws the whole app into `ui`.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        crate::ui::widgets::geef_focus_straks(ui.ctx());
        theme::focus_in_beeld(ui.ctx());
        self.inhoud_ui(ui);
        // Last, over everything: the edge of the focused widget, whatever
        // kind of widget it is.
        theme::focusrand_ui(ui.ctx());
    }

    /// Everything the window shows (see [`Self::ui`]).
    fn inhoud_ui(&mut self, ui: &mut egui::Ui) {
        if !self.stijl_gezet {
            theme::stel_in(ui.ctx());
            let ctx = ui.ctx().clone();
            self.gateway
                .zet_herteken(std::sync::Arc::new(move || ctx.request_repaint()));
            self.stijl_gezet = true;
        }
        let (open, deur) =
            self.poort
                .toegang_ui(ui, &self.gateway, &self.klok, self.sessie.as_mut());
        match deur {
            Deur::Gelijk => {}
            Deur::Begonnen(wie) => {
                self.sessie = Some(Sessie::nieuw(wie, self.vandaag.year()));
            }
            Deur::Beeindigd(melding) => self.afmelden(melding),
        }
        if !open {
            return;
        }
        self.controleer_account(false);
        let leeg = self.is_leeg();
        {
            let loket = self.gateway.voor(
                self.sessie.as_ref().map(Sessie::wie),
                self.vandaag,
                &self.klok,
            );
            self.onderhoud.ui(ui, &loket);
        }
        let (naar, afmelden) = self.navigatie_ui(ui);
        if let Some(fout) = self.fout.clone() {
            egui::Panel::top("app_fout").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.colored_label(FOUT_KLEUR, RichText::new(fout).strong());
                    if ui.button("Sluiten").clicked() {
                        self.fout = None;
                    }
                });
            });
        }
        let Some(sessie) = self.sessie.as_mut() else {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.heading("Werken als");
                ui.add_space(8.0);
                ui.label(
                    RichText::new(
                        "Kies eerst links onder \"Werken als\" wie u bent. \
                         Dan ziet u hier uw meldingen, termijnen en wat verder op u wacht.",
                    )
                    .size(16.0),
                );
            });
            return;
        };
        let (wie, sessie) = sessie.delen();
        let loket = self.gateway.voor(Some(wie), self.vandaag, &self.klok);
        let mut besluit = if afmelden && sessie.vraag_afmelden() {
            Besluit::Afmelden
        } else {
            Besluit::Niets
        };
        if let Some(scherm) = naar {
            sessie.naar(scherm, &loket);
        }
        if let Some(actie) = sessie.neem_uitkomst(&loket) {
            self.leeg = None;
            self.medewerkers = None;
            sessie.voer_uit(actie, &loket);
        }
        sessie.doel_ui(ui.ctx(), &loket);
        if sessie.meldingen_ui(ui, &loket) == Besluit::Afmelden {
            besluit = Besluit::Afmelden;
        }
        let rol = wie.rol();
        let mag_importeren =
            crate::store::toegang::heeft(rol, crate::store::toegang::Recht::Import);
        let mut actie = None;
        egui::CentralPanel::default().show(ui, |ui| {
            actie = if sessie.scherm() == Scherm::Beheer || !leeg {
                sessie.scherm_ui(ui, &loket)
            } else if mag_importeren {
                sessie.welkom_ui(ui, &loket)
            } else {
                ui.add_space(24.0);
                ui.heading("Het register is nog leeg");
                ui.label("Er staan nog geen inwoners in. Een beheerder kan gegevens importeren.");
                None
            };
        });
        let navigeert = actie.is_some() || naar.is_some();
        if let Some(actie) = actie {
            if matches!(actie, Actie::RegisterGewijzigd(_)) {
                self.leeg = None;
                self.medewerkers = None;
            }
            sessie.voer_uit(actie, &loket);
        }
        if besluit == Besluit::Afmelden {
            self.afmelden(None);
        } else if navigeert {
            self.controleer_account(true);
        }
    }
}

impl eframe::App for WijkregisterApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        WijkregisterApp::ui(self, ui);
    }
}
