//! The door of the app: the first start ("Eerste beheerder aanmaken"), the
//! login screen, the idle lock, "Ingelogd als …" with Afmelden, and the
//! question for the purpose (doel) when a dossier or a household is opened.
//!
//! [`Poort`] sits in front of every screen: while nobody is logged in or the
//! window is locked, the app draws nothing of the register. The idle lock
//! hides the screens without touching them, so a half-filled form is exactly
//! as it was after unlocking. Time comes from an injectable [`Klok`], so
//! tests move 15 minutes on without waiting.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};
use egui::RichText;

use crate::store::accounts::{Doel, InlogFout, Sessie};
use crate::ui::register::Register;
use crate::ui::theme::FOUT_KLEUR;

/// Minutes without input after which the window locks.
pub const INACTIEF_MINUTEN: i64 = 15;

/// The clock of the app: the local time now. Tests pass one they can move.
pub type Klok = Box<dyn Fn() -> NaiveDateTime>;

/// The system clock (local time).
#[must_use]
pub fn systeemklok() -> Klok {
    Box::new(|| chrono::Local::now().naive_local())
}

/// The fields of the login, first-start and unlock forms.
#[derive(Default)]
struct Formulier {
    naam: String,
    gebruikersnaam: String,
    wachtwoord: String,
    herhaling: String,
    melding: Option<String>,
    focus_gezet: bool,
}

impl Formulier {
    /// Empties the passwords (after every attempt: they stay in memory no longer than needed).
    fn wis_wachtwoorden(&mut self) {
        self.wachtwoord.clear();
        self.herhaling.clear();
    }
}

/// What is opened with a purpose (doel), logged as an audit row.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TeOpenen {
    /// A resident's dossier, by inwoner id.
    Dossier(String),
    /// A household's view (AVE), by huishouden id.
    Huishouden(String),
}

impl TeOpenen {
    /// The audit object: `inwoner:<id>` or `huishouden:<id>`.
    #[must_use]
    pub fn object(&self) -> String {
        match self {
            TeOpenen::Dossier(id) => format!("inwoner:{id}"),
            TeOpenen::Huishouden(id) => format!("huishouden:{id}"),
        }
    }

    /// The question in the purpose dialog.
    fn vraag(&self) -> &'static str {
        match self {
            TeOpenen::Dossier(_) => {
                "Waarom opent u dit dossier? Het doel wordt vastgelegd in het auditlog en \
                 wordt één keer per inwoner per sessie gevraagd."
            }
            TeOpenen::Huishouden(_) => {
                "Waarom opent u dit huishouden? Het doel wordt vastgelegd in het auditlog en \
                 wordt één keer per huishouden per sessie gevraagd."
            }
        }
    }
}

/// The question for the purpose of opening a dossier or household.
struct Doelvraag {
    wat: TeOpenen,
    keuze: Option<Doel>,
}

/// Login state, idle lock and purposes of this session.
pub struct Poort {
    klok: Klok,
    verplicht: bool,
    eerste_start: Option<bool>,
    sessie: Option<Sessie>,
    vergrendeld: bool,
    laatste_invoer: Option<NaiveDateTime>,
    formulier: Formulier,
    doelen: HashMap<TeOpenen, Doel>,
    doelvraag: Option<Doelvraag>,
}

impl Poort {
    /// A door that asks for a login (the real app).
    #[must_use]
    pub fn verplicht(klok: Klok) -> Poort {
        Poort {
            klok,
            verplicht: true,
            eerste_start: None,
            sessie: None,
            vergrendeld: false,
            laatste_invoer: None,
            formulier: Formulier::default(),
            doelen: HashMap::new(),
            doelvraag: None,
        }
    }

    /// No door: every screen is open and nothing is asked (tests of other
    /// screens, which choose a medewerker with "werken als").
    #[must_use]
    pub fn open() -> Poort {
        Poort {
            verplicht: false,
            ..Poort::verplicht(systeemklok())
        }
    }

    /// Whether this door asks for a login at all.
    #[must_use]
    pub fn is_verplicht(&self) -> bool {
        self.verplicht
    }

    /// The logged-in medewerker, if any.
    #[must_use]
    pub fn sessie(&self) -> Option<&Sessie> {
        self.sessie.as_ref()
    }

    /// Whether the idle lock is on.
    #[must_use]
    pub fn is_vergrendeld(&self) -> bool {
        self.vergrendeld
    }

    /// The clock's time.
    #[must_use]
    pub fn nu(&self) -> NaiveDateTime {
        (self.klok)()
    }

    /// Draws the first start, the login or the lock screen when one is
    /// needed, and keeps the idle timer. Returns whether the register may be
    /// drawn.
    pub fn toegang_ui(&mut self, ui: &mut egui::Ui, register: &mut Register) -> bool {
        if !self.verplicht {
            return true;
        }
        if self.sessie.is_none() {
            let eerste = match self.eerste_start {
                Some(e) => e,
                None => match register.heeft_accounts() {
                    Ok(heeft) => {
                        self.eerste_start = Some(!heeft);
                        !heeft
                    }
                    Err(fout) => {
                        egui::CentralPanel::default().show(ui, |ui| {
                            ui.colored_label(
                                FOUT_KLEUR,
                                format!("De accounts konden niet worden gelezen: {fout}"),
                            );
                        });
                        return false;
                    }
                },
            };
            egui::CentralPanel::default().show(ui, |ui| {
                if eerste {
                    self.eerste_start_ui(ui, register);
                } else {
                    self.inloggen_ui(ui, register);
                }
            });
            return false;
        }
        let nu = self.nu();
        let laatste = *self.laatste_invoer.get_or_insert(nu);
        if !self.vergrendeld {
            let stil = nu - laatste;
            if stil >= Duration::minutes(INACTIEF_MINUTEN) {
                self.vergrendel();
            } else {
                if ui.ctx().input(|i| i.events.iter().any(is_invoer)) {
                    self.laatste_invoer = Some(nu);
                }
                let rest = (Duration::minutes(INACTIEF_MINUTEN) - stil)
                    .to_std()
                    .unwrap_or_default();
                ui.ctx()
                    .request_repaint_after(rest + std::time::Duration::from_millis(500));
            }
        }
        if self.vergrendeld {
            egui::CentralPanel::default().show(ui, |ui| self.vergrendeld_ui(ui, register));
            return false;
        }
        true
    }

    fn vergrendel(&mut self) {
        self.vergrendeld = true;
        self.formulier = Formulier::default();
    }

    fn melding_ui(&self, ui: &mut egui::Ui) {
        if let Some(melding) = &self.formulier.melding {
            ui.add_space(6.0);
            ui.colored_label(FOUT_KLEUR, RichText::new(melding).strong());
        }
    }

    fn eerste_start_ui(&mut self, ui: &mut egui::Ui, register: &mut Register) {
        let mut verstuur = false;
        kader_ui(ui, |ui| {
            ui.heading("Eerste beheerder aanmaken");
            ui.add_space(4.0);
            ui.add(
                egui::Label::new(
                    "Dit register heeft nog geen accounts. Maak eerst het account van de beheerder aan; \
                     de beheerder maakt daarna in Beheer de accounts van de medewerkers.",
                )
                .wrap(),
            );
            ui.add_space(10.0);
            let f = &mut self.formulier;
            let naam = veld_ui(ui, "Naam", &mut f.naam, false);
            if !f.focus_gezet {
                naam.request_focus();
                f.focus_gezet = true;
            }
            veld_ui(ui, "Gebruikersnaam", &mut f.gebruikersnaam, false);
            veld_ui(
                ui,
                "Wachtwoord (minstens 12 tekens)",
                &mut f.wachtwoord,
                true,
            );
            let herhaling = veld_ui(ui, "Wachtwoord herhalen", &mut f.herhaling, true);
            verstuur |= enter_in(ui, &herhaling);
            ui.add_space(8.0);
            verstuur |= ui.button("Beheerder aanmaken").clicked();
            self.melding_ui(ui);
        });
        if !verstuur {
            return;
        }
        let f = &mut self.formulier;
        if f.wachtwoord != f.herhaling {
            f.melding =
                Some(crate::store::accounts::AccountFout::WachtwoordenVerschillen.to_string());
            f.wis_wachtwoorden();
            return;
        }
        let nu = (self.klok)();
        match register.maak_eerste_beheerder(&f.naam, &f.gebruikersnaam, &f.wachtwoord, nu) {
            Ok(sessie) => self.begin_sessie(sessie, nu),
            Err(fout) => {
                let f = &mut self.formulier;
                f.melding = Some(fout.to_string());
                f.wis_wachtwoorden();
            }
        }
    }

    fn inloggen_ui(&mut self, ui: &mut egui::Ui, register: &mut Register) {
        let mut verstuur = false;
        kader_ui(ui, |ui| {
            ui.heading("Inloggen");
            ui.add_space(4.0);
            ui.label("Log in met uw gebruikersnaam en wachtwoord.");
            ui.add_space(10.0);
            let f = &mut self.formulier;
            let naam = veld_ui(ui, "Gebruikersnaam", &mut f.gebruikersnaam, false);
            if !f.focus_gezet {
                naam.request_focus();
                f.focus_gezet = true;
            }
            let ww = veld_ui(ui, "Wachtwoord", &mut f.wachtwoord, true);
            verstuur |= enter_in(ui, &ww);
            ui.add_space(8.0);
            verstuur |= ui.button("Inloggen").clicked();
            self.melding_ui(ui);
        });
        if !verstuur {
            return;
        }
        let nu = (self.klok)();
        let f = &mut self.formulier;
        let uitkomst = register.inloggen(&f.gebruikersnaam, &f.wachtwoord, nu);
        f.wis_wachtwoorden();
        match uitkomst {
            Ok(sessie) => self.begin_sessie(sessie, nu),
            Err(fout) => self.formulier.melding = Some(fout.to_string()),
        }
    }

    fn vergrendeld_ui(&mut self, ui: &mut egui::Ui, register: &mut Register) {
        let Some(sessie) = self.sessie.clone() else {
            return;
        };
        let mut verstuur = false;
        let mut afmelden = false;
        kader_ui(ui, |ui| {
            ui.heading("Wijkregister is vergrendeld");
            ui.add_space(4.0);
            ui.add(
                egui::Label::new(format!(
                    "Na {INACTIEF_MINUTEN} minuten zonder invoer is het venster vergrendeld. \
                     {} ({}), voer uw wachtwoord in om verder te werken; \
                     uw werk staat nog zoals u het liet.",
                    sessie.naam, sessie.gebruikersnaam
                ))
                .wrap(),
            );
            ui.add_space(10.0);
            let f = &mut self.formulier;
            let ww = veld_ui(ui, "Wachtwoord", &mut f.wachtwoord, true);
            if !f.focus_gezet {
                ww.request_focus();
                f.focus_gezet = true;
            }
            verstuur |= enter_in(ui, &ww);
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                verstuur |= ui.button("Ontgrendelen").clicked();
                afmelden = ui.button("Afmelden").clicked();
            });
            self.melding_ui(ui);
        });
        if afmelden {
            self.afmelden(register);
            return;
        }
        if !verstuur {
            return;
        }
        let nu = (self.klok)();
        let f = &mut self.formulier;
        let uitkomst = register.ontgrendelen(&sessie.medewerker, &f.wachtwoord, nu);
        f.wis_wachtwoorden();
        match uitkomst {
            Ok(_) => {
                self.vergrendeld = false;
                self.laatste_invoer = Some(nu);
                self.formulier = Formulier::default();
            }
            Err(fout) => {
                let tekst = match fout {
                    InlogFout::OnjuisteGegevens => "Wachtwoord onjuist.".to_owned(),
                    andere => andere.to_string(),
                };
                self.formulier.melding = Some(tekst);
            }
        }
    }

    fn begin_sessie(&mut self, sessie: Sessie, nu: NaiveDateTime) {
        self.sessie = Some(sessie);
        self.eerste_start = Some(false);
        self.vergrendeld = false;
        self.laatste_invoer = Some(nu);
        self.formulier = Formulier::default();
        self.doelen.clear();
        self.doelvraag = None;
    }

    /// Ends the session (logged); the purposes asked are forgotten.
    pub fn afmelden(&mut self, register: &Register) {
        if let Some(sessie) = self.sessie.take() {
            // A failed log row must not keep someone logged in; the next action reports the database.
            let _ = register.afmelden(&sessie.medewerker, self.nu());
        }
        self.vergrendeld = false;
        self.laatste_invoer = None;
        self.formulier = Formulier::default();
        self.doelen.clear();
        self.doelvraag = None;
    }

    /// "Ingelogd als NAAM (rol)" and Afmelden in the navigation. Returns
    /// true when the user logged out (the app then clears its screens).
    pub fn navigatie_ui(&mut self, ui: &mut egui::Ui, register: &Register) -> bool {
        let Some(sessie) = &self.sessie else {
            return false;
        };
        ui.label(format!(
            "Ingelogd als {} ({})",
            sessie.naam,
            sessie.rol.label().to_lowercase()
        ));
        if ui.button("Afmelden").clicked() {
            self.afmelden(register);
            return true;
        }
        false
    }

    /// A dossier or household is to be opened. With a session: if the
    /// purpose for it was asked before in this session, the opening is
    /// logged with it and `true` returned (open now); otherwise the question
    /// is put and `false` returned ([`Poort::doel_ui`] opens it once
    /// answered). Without a door (tests of other screens) it opens at once.
    pub fn bij_openen(&mut self, wat: &TeOpenen, register: &Register) -> Result<bool, String> {
        let Some(sessie) = &self.sessie else {
            return Ok(!self.verplicht);
        };
        if let Some(doel) = self.doelen.get(wat).copied() {
            register
                .log_openen(&sessie.medewerker, &wat.object(), doel, self.nu())
                .map_err(|fout| format!("Het openen kon niet worden vastgelegd: {fout}"))?;
            return Ok(true);
        }
        self.doelvraag = Some(Doelvraag {
            wat: wat.clone(),
            keuze: None,
        });
        Ok(false)
    }

    /// The question for the purpose, as a modal. Returns what may now be
    /// opened (the opening is logged), or an error text.
    pub fn doel_ui(
        &mut self,
        ctx: &egui::Context,
        register: &Register,
    ) -> Option<Result<TeOpenen, String>> {
        let vraag = self.doelvraag.as_mut()?;
        let mut bevestigd = false;
        let mut geannuleerd = false;
        // Keys are taken before the modal's widgets and the screen behind it see them
        // (a focused radio button or the resident list would act on Enter too).
        let cijfers = [
            egui::Key::Num1,
            egui::Key::Num2,
            egui::Key::Num3,
            egui::Key::Num4,
            egui::Key::Num5,
        ];
        ctx.input_mut(|i| {
            for (toets, doel) in cijfers.iter().zip(Doel::ALLE) {
                if i.consume_key(egui::Modifiers::NONE, *toets) {
                    vraag.keuze = Some(doel);
                }
            }
            if vraag.keuze.is_some() && i.consume_key(egui::Modifiers::NONE, egui::Key::Enter) {
                bevestigd = true;
            }
            if i.consume_key(egui::Modifiers::NONE, egui::Key::Escape) {
                geannuleerd = true;
            }
        });
        egui::Modal::new(egui::Id::unique("doel_van_openen")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading("Doel van het openen");
            ui.add_space(4.0);
            ui.add(egui::Label::new(vraag.wat.vraag()).wrap());
            ui.add_space(8.0);
            for (i, doel) in Doel::ALLE.iter().enumerate() {
                let toets = format!("{} ({})", doel.label(), i + 1);
                ui.radio_value(&mut vraag.keuze, Some(*doel), toets);
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                bevestigd |= ui
                    .add_enabled(vraag.keuze.is_some(), egui::Button::new("Openen"))
                    .clicked();
                geannuleerd |= ui.button("Annuleren").clicked();
            });
        });
        if geannuleerd {
            self.doelvraag = None;
            return None;
        }
        if !bevestigd {
            return None;
        }
        let vraag = self.doelvraag.take()?;
        let doel = vraag.keuze?;
        let sessie = self.sessie.as_ref()?;
        Some(
            register
                .log_openen(&sessie.medewerker, &vraag.wat.object(), doel, self.nu())
                .map(|_| {
                    self.doelen.insert(vraag.wat.clone(), doel);
                    vraag.wat
                })
                .map_err(|fout| format!("Het openen kon niet worden vastgelegd: {fout}")),
        )
    }
}

/// Whether an event is input by the user (resets the idle timer).
fn is_invoer(event: &egui::Event) -> bool {
    matches!(
        event,
        egui::Event::Key { .. }
            | egui::Event::Text(_)
            | egui::Event::Paste(_)
            | egui::Event::PointerMoved(_)
            | egui::Event::PointerButton { .. }
            | egui::Event::MouseWheel { .. }
            | egui::Event::Touch { .. }
    )
}

/// A narrow centred card for the login forms.
fn kader_ui(ui: &mut egui::Ui, inhoud: impl FnOnce(&mut egui::Ui)) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.15);
        ui.label(RichText::new("wijkregister").strong().size(26.0));
        ui.add_space(12.0);
        egui::Frame::group(ui.style())
            .inner_margin(egui::Margin::same(20))
            .show(ui, |ui| {
                ui.set_width(380.0);
                ui.with_layout(egui::Layout::top_down(egui::Align::Min), inhoud);
            });
    });
}

/// A label with a single-line text field under it (masked for passwords).
fn veld_ui(ui: &mut egui::Ui, label: &str, tekst: &mut String, wachtwoord: bool) -> egui::Response {
    let l = ui.label(label);
    let r = ui
        .add(
            egui::TextEdit::singleline(tekst)
                .password(wachtwoord)
                .char_limit(if wachtwoord {
                    crate::ui::widgets::lengte::WACHTWOORD
                } else {
                    crate::ui::widgets::lengte::NAAM
                })
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
    ui.add_space(4.0);
    r
}

/// Whether Enter was pressed in this single-line field.
fn enter_in(ui: &egui::Ui, veld: &egui::Response) -> bool {
    veld.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
}
