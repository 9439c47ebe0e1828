//! The door of the app: the first start ("Eerste beheerder aanmaken"), the
//! login screen, the idle lock, "Ingelogd als …" with Afmelden, and the
//! question for the purpose (doel) when a dossier or a household is opened.
//!
//! [`Poort`] sits in front of every screen: while nobody is logged in or the
//! window is locked, the app draws nothing of the register. The door holds
//! no session itself: a login hands the new `gateway::Sessie` to the app,
//! which makes the one session of the app (`ui::sessie::Sessie`) around it;
//! logging out drops that. The idle lock is the session's and hides its
//! screens without touching them, so a half-filled form is exactly as it
//! was after unlocking; only the same worker unlocks it. Time comes from
//! the app's [`Klok`], so tests move 15 minutes on without waiting.

use chrono::Duration;
use egui::RichText;

use crate::gateway::{Gateway, Klok, Sessie, TeOpenen};
use crate::store::accounts::{Doel, InlogFout};
use crate::ui::theme::FOUT_KLEUR;

/// Minutes without input after which the window locks.
pub const INACTIEF_MINUTEN: i64 = 15;

/// The fields of the login, first-start and unlock forms.
#[derive(Default)]
struct Formulier {
    naam: String,
    gebruikersnaam: String,
    wachtwoord: String,
    herhaling: String,
    melding: Option<String>,
    focus_gezet: bool,
    /// After a refused login: the password field takes the focus, so the
    /// worker types it again at once (the name stays).
    focus_wachtwoord: bool,
}

impl Formulier {
    /// Empties the passwords (after every attempt: they stay in memory no longer than needed).
    fn wis_wachtwoorden(&mut self) {
        self.wachtwoord.clear();
        self.herhaling.clear();
    }
}

/// The question in the purpose dialog.
fn doelvraag_tekst(wat: &TeOpenen) -> &'static str {
    match wat {
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

/// What the door did to the session this frame.
#[derive(Debug)]
pub enum Deur {
    /// Nothing changed.
    Gelijk,
    /// A login (or the first beheerder) began this session.
    Begonnen(Sessie),
    /// The session ended (logout, or its account may no longer work); the
    /// text, if any, is shown on the login screen.
    Beeindigd(Option<String>),
}

/// The login forms (first start, login, unlock).
pub struct Poort {
    verplicht: bool,
    eerste_start: Option<bool>,
    formulier: Formulier,
    /// On the lock screen: Afmelden was clicked while input is not saved.
    vraag_afmelden: bool,
}

impl Poort {
    /// A door that asks for a login (the real app).
    #[must_use]
    pub fn verplicht() -> Poort {
        Poort {
            verplicht: true,
            eerste_start: None,
            formulier: Formulier::default(),
            vraag_afmelden: false,
        }
    }

    /// No door: every screen is open and nothing is asked (tests of other
    /// screens, which choose a medewerker with "werken als").
    #[must_use]
    pub fn open() -> Poort {
        Poort {
            verplicht: false,
            ..Poort::verplicht()
        }
    }

    /// Whether this door asks for a login at all.
    #[must_use]
    pub fn is_verplicht(&self) -> bool {
        self.verplicht
    }

    /// Forgets what was typed for the session that ended; `melding` is
    /// shown on the login screen.
    pub fn na_sessie(&mut self, melding: Option<String>) {
        self.formulier = Formulier {
            melding,
            ..Formulier::default()
        };
        self.vraag_afmelden = false;
    }

    /// Draws the first start, the login or the lock screen when one is
    /// needed, and keeps the session's idle timer. `sessie` is the app's
    /// session. Returns whether the register may be drawn, and what became
    /// of the session.
    pub fn toegang_ui(
        &mut self,
        ui: &mut egui::Ui,
        gateway: &Gateway,
        klok: &Klok,
        sessie: Option<&mut crate::ui::sessie::Sessie>,
    ) -> (bool, Deur) {
        if !self.verplicht {
            return (true, Deur::Gelijk);
        }
        let Some(sessie) = sessie else {
            let eerste = match self.eerste_start {
                Some(e) => e,
                None => match gateway.heeft_accounts() {
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
                        return (false, Deur::Gelijk);
                    }
                },
            };
            let mut deur = Deur::Gelijk;
            egui::CentralPanel::default().show(ui, |ui| {
                deur = if eerste {
                    self.eerste_start_ui(ui, gateway, klok)
                } else {
                    self.inloggen_ui(ui, gateway, klok)
                };
            });
            return (false, deur);
        };
        let nu = klok.lokaal_nu();
        let (_, werk) = sessie.delen();
        let laatste = *werk.laatste_invoer.get_or_insert(nu);
        if !werk.vergrendeld {
            let stil = nu - laatste;
            if stil >= Duration::minutes(INACTIEF_MINUTEN) {
                werk.vergrendeld = true;
                self.formulier = Formulier::default();
                self.vraag_afmelden = false;
            } else {
                if ui.ctx().input(|i| i.events.iter().any(is_invoer)) {
                    werk.laatste_invoer = Some(nu);
                }
                let rest = (Duration::minutes(INACTIEF_MINUTEN) - stil)
                    .to_std()
                    .unwrap_or_default();
                ui.ctx()
                    .request_repaint_after(rest + std::time::Duration::from_millis(500));
            }
        }
        if werk.vergrendeld {
            let mut deur = Deur::Gelijk;
            egui::CentralPanel::default().show(ui, |ui| {
                deur = self.vergrendeld_ui(ui, gateway, klok, sessie);
            });
            return (false, deur);
        }
        (true, Deur::Gelijk)
    }

    fn melding_ui(&self, ui: &mut egui::Ui) {
        if let Some(melding) = &self.formulier.melding {
            ui.add_space(6.0);
            ui.colored_label(FOUT_KLEUR, RichText::new(melding).strong());
        }
    }

    fn eerste_start_ui(&mut self, ui: &mut egui::Ui, gateway: &Gateway, klok: &Klok) -> Deur {
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
            return Deur::Gelijk;
        }
        let f = &mut self.formulier;
        if f.wachtwoord != f.herhaling {
            f.melding =
                Some(crate::store::accounts::AccountFout::WachtwoordenVerschillen.to_string());
            f.wis_wachtwoorden();
            return Deur::Gelijk;
        }
        let nu = klok.lokaal_nu();
        match gateway.maak_eerste_beheerder(&f.naam, &f.gebruikersnaam, &f.wachtwoord, nu) {
            Ok(sessie) => self.begin_sessie(sessie),
            Err(fout) => {
                let f = &mut self.formulier;
                f.melding = Some(fout.to_string());
                f.wis_wachtwoorden();
                Deur::Gelijk
            }
        }
    }

    fn inloggen_ui(&mut self, ui: &mut egui::Ui, gateway: &Gateway, klok: &Klok) -> Deur {
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
            if f.focus_wachtwoord {
                ww.request_focus();
                f.focus_wachtwoord = false;
            }
            verstuur |= enter_in(ui, &ww);
            ui.add_space(8.0);
            verstuur |= ui.button("Inloggen").clicked();
            self.melding_ui(ui);
            ui.add_space(6.0);
            ui.add(
                egui::Label::new(
                    RichText::new(format!(
                        "Na {} onjuiste wachtwoorden achter elkaar wordt een account {} minuten geblokkeerd.",
                        crate::store::accounts::MAX_MISLUKTE_POGINGEN,
                        crate::store::accounts::BLOKKEERDUUR_MINUTEN
                    ))
                    .weak(),
                )
                .wrap(),
            );
        });
        if !verstuur {
            return Deur::Gelijk;
        }
        let nu = klok.lokaal_nu();
        let f = &mut self.formulier;
        let uitkomst = gateway.inloggen(&f.gebruikersnaam, &f.wachtwoord, nu);
        f.wis_wachtwoorden();
        match uitkomst {
            Ok(sessie) => self.begin_sessie(sessie),
            Err(fout) => {
                self.formulier.melding = Some(fout.to_string());
                self.formulier.focus_wachtwoord = true;
                Deur::Gelijk
            }
        }
    }

    fn vergrendeld_ui(
        &mut self,
        ui: &mut egui::Ui,
        gateway: &Gateway,
        klok: &Klok,
        sessie: &mut crate::ui::sessie::Sessie,
    ) -> Deur {
        let mut verstuur = false;
        let mut afmelden = false;
        let mut zeker = false;
        let (sessie, werk) = sessie.delen();
        let onopgeslagen = werk.gewijzigd();
        kader_ui(ui, |ui| {
            ui.heading("Wijkregister is vergrendeld");
            ui.add_space(4.0);
            ui.add(
                egui::Label::new(format!(
                    "Na {INACTIEF_MINUTEN} minuten zonder invoer is het venster vergrendeld. \
                     {} ({}), voer uw wachtwoord in om verder te werken; \
                     uw werk staat nog zoals u het liet.",
                    sessie.naam(),
                    sessie.gebruikersnaam().unwrap_or_default()
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
            if self.vraag_afmelden {
                ui.add_space(6.0);
                ui.add(
                    egui::Label::new(
                        RichText::new(format!(
                            "Er staat niet-opgeslagen invoer van {} open. Afmelden gooit die weg. Toch afmelden?",
                            sessie.naam()
                        ))
                        .color(FOUT_KLEUR)
                        .strong(),
                    )
                    .wrap(),
                );
                ui.horizontal(|ui| {
                    zeker = ui.button("Ja, afmelden").clicked();
                    if ui.button("Nee").clicked() {
                        self.vraag_afmelden = false;
                    }
                });
            }
            self.melding_ui(ui);
        });
        if afmelden && onopgeslagen {
            self.vraag_afmelden = true;
        } else if afmelden || zeker {
            return self.afmelden(gateway, klok, sessie);
        }
        if !verstuur {
            return Deur::Gelijk;
        }
        let nu = klok.lokaal_nu();
        let f = &mut self.formulier;
        let uitkomst = gateway.ontgrendelen(sessie, &f.wachtwoord, nu);
        f.wis_wachtwoorden();
        match uitkomst {
            Ok(()) => {
                werk.vergrendeld = false;
                werk.laatste_invoer = Some(nu);
                self.formulier = Formulier::default();
                self.vraag_afmelden = false;
                Deur::Gelijk
            }
            Err(InlogFout::OnjuisteGegevens) => {
                self.formulier.melding = Some("Wachtwoord onjuist.".to_owned());
                Deur::Gelijk
            }
            // Locked or deactivated: the session ends, nothing of it stays.
            Err(fout @ (InlogFout::Geblokkeerd { .. } | InlogFout::Gedeactiveerd)) => {
                Deur::Beeindigd(Some(format!("{fout} U bent afgemeld.")))
            }
            Err(fout) => {
                self.formulier.melding = Some(fout.to_string());
                Deur::Gelijk
            }
        }
    }

    fn begin_sessie(&mut self, sessie: Sessie) -> Deur {
        self.eerste_start = Some(false);
        self.formulier = Formulier::default();
        self.vraag_afmelden = false;
        Deur::Begonnen(sessie)
    }

    /// Ends the session (logged).
    pub fn afmelden(&mut self, gateway: &Gateway, klok: &Klok, sessie: &Sessie) -> Deur {
        // A failed log row must not keep someone logged in; the next action reports the database.
        let _ = gateway.afmelden(sessie, klok.lokaal_nu());
        Deur::Beeindigd(None)
    }

    /// "Ingelogd als NAAM (rol)" and Afmelden in the navigation. Returns
    /// whether Afmelden was clicked (the app asks first when something
    /// typed is not saved).
    pub fn navigatie_ui(ui: &mut egui::Ui, sessie: &Sessie) -> bool {
        ui.label(format!(
            "Ingelogd als {} ({})",
            sessie.naam(),
            sessie.rol().label().to_lowercase()
        ));
        ui.button("Afmelden").clicked()
    }
}

/// The question for the purpose of opening `wat`, as a modal; `keuze` is
/// the purpose chosen so far. Digits 1–5 choose, Enter opens, Esc cancels.
/// Returns `(bevestigd, geannuleerd)`.
pub fn doel_ui(ctx: &egui::Context, wat: &TeOpenen, keuze: &mut Option<Doel>) -> (bool, bool) {
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
                *keuze = Some(doel);
            }
        }
        if keuze.is_some() && i.consume_key(egui::Modifiers::NONE, egui::Key::Enter) {
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
        ui.add(egui::Label::new(doelvraag_tekst(wat)).wrap());
        ui.add_space(8.0);
        for (i, doel) in Doel::ALLE.iter().enumerate() {
            let toets = format!("{} ({})", doel.label(), i + 1);
            ui.radio_value(keuze, Some(*doel), toets);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            bevestigd |= ui
                .add_enabled(keuze.is_some(), egui::Button::new("Openen"))
                .clicked();
            geannuleerd |= ui.button("Annuleren").clicked();
        });
    });
    (bevestigd && !geannuleerd, geannuleerd)
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
