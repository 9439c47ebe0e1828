//! The app: side navigation, the screens, and the loop that turns what a
//! screen asked for ([`Actie`]) into navigation or a [`Command`].
//!
//! [`WijkregisterApp`] is a plain library type: tests build it on an
//! in-memory register with a fixed "today" and draw it with `egui_kittest`,
//! no window needed. Screens draw and return an `Actie`; the app applies it
//! after the drawing pass, so no screen ever holds the connection.

use chrono::{Datelike, NaiveDate};
use egui::RichText;
use rusqlite::Connection;

use crate::gateway::beheer::{Command, Uitkomst};
use crate::gateway::{Gateway, Klok, Loket, Sessie, Taak, TeOpenen};

use crate::ui::accounts::AccountsScherm;
use crate::ui::ave_overzicht::AveOverzichtScherm;
use crate::ui::beheer::BeheerScherm;
use crate::ui::dossier::DossierScherm;
use crate::ui::huishouden::HuishoudenScherm;
use crate::ui::inloggen::{Deur, Poort};
use crate::ui::inwoners::InwonersScherm;
use crate::ui::melding::MeldingScherm;
use crate::ui::melding_nieuw::MeldingNieuwScherm;
use crate::ui::rapportage::RapportageScherm;
use crate::ui::sociale_kaart::SocialeKaartScherm;
use crate::ui::theme::{self, FOUT_KLEUR};
use crate::ui::werkvoorraad::WerkvoorraadScherm;

/// The screens of the side navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scherm {
    /// What is due and overdue for the medewerker one works as.
    Werkvoorraad,
    /// Search residents; a dossier opens from here.
    Inwoners,
    /// Provisions, providers, contracts.
    SocialeKaart,
    /// Households per AVE level, for team leads.
    AveOverzicht,
    /// Indicators per year with targets, and the monitoring export.
    Rapportage,
    /// Import and demo data.
    Beheer,
}

impl Scherm {
    /// All screens in navigation order.
    pub const ALLE: [Scherm; 6] = [
        Scherm::Werkvoorraad,
        Scherm::Inwoners,
        Scherm::SocialeKaart,
        Scherm::AveOverzicht,
        Scherm::Rapportage,
        Scherm::Beheer,
    ];

    /// Whether a medewerker with role `rol` sees this screen in the
    /// navigation (`None`: nobody chosen yet, in tests: every screen). The
    /// store refuses what a role may not do anyway (`store::toegang`).
    #[must_use]
    pub fn zichtbaar_voor(self, rol: Option<crate::domain::Rol>) -> bool {
        use crate::store::toegang::{Recht, heeft};
        let Some(rol) = rol else {
            return true;
        };
        match self {
            Scherm::Werkvoorraad | Scherm::Inwoners => heeft(rol, Recht::Dossiers),
            Scherm::SocialeKaart => true,
            Scherm::AveOverzicht => heeft(rol, Recht::AveOverzicht),
            Scherm::Rapportage => heeft(rol, Recht::Rapportage),
            Scherm::Beheer => heeft(rol, Recht::Import) || heeft(rol, Recht::Accounts),
        }
    }

    /// The name in the navigation.
    #[must_use]
    pub fn naam(self) -> &'static str {
        match self {
            Scherm::Werkvoorraad => "Werkvoorraad",
            Scherm::Inwoners => "Inwoners",
            Scherm::SocialeKaart => "Sociale kaart",
            Scherm::AveOverzicht => "AVE-overzicht",
            Scherm::Rapportage => "Rapportage",
            Scherm::Beheer => "Beheer",
        }
    }
}

/// What a screen asks the app to do after drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actie {
    /// Open a resident's dossier.
    OpenDossier(String),
    /// Back from the dossier to the list.
    TerugNaarLijst,
    /// Run a write.
    Command(Command),
    /// Open the Nieuwe melding form, for this resident or a new one.
    NieuweMelding(Option<String>),
    /// Open a melding's klantreis.
    OpenMelding(String),
    /// Open a melding with the op- en afschaalformulier of its running toekenning.
    Herbeoordelen {
        /// The melding the toekenning was decided on.
        melding: String,
        /// The running toekenning.
        toekenning: String,
    },
    /// Open a household's view (over the screen shown now).
    OpenHuishouden(String),
    /// Close the household view, back to what was under it.
    SluitHuishouden,
}

/// The klantreis screen shown over the dossier, if any.
enum Klantreis {
    Nieuw(Box<MeldingNieuwScherm>),
    Melding(Box<MeldingScherm>),
}

impl Klantreis {
    fn gewijzigd(&self) -> bool {
        match self {
            Klantreis::Nieuw(s) => s.gewijzigd(),
            Klantreis::Melding(s) => s.gewijzigd(),
        }
    }
}

/// The whole app.
pub struct WijkregisterApp {
    gateway: Gateway,
    vandaag: NaiveDate,
    /// The clock of every write and of the idle lock.
    klok: Klok,
    /// Who works: the only record of the session (the gateway holds none).
    sessie: Option<Sessie>,
    /// The import or demo data running in the background, if any.
    command: Option<Taak<Uitkomst>>,
    scherm: Scherm,
    leeg: Option<bool>,
    fout: Option<String>,
    /// A success message shown above every screen until closed.
    bericht: Option<String>,
    inwoners: InwonersScherm,
    dossier: Option<DossierScherm>,
    kaart: SocialeKaartScherm,
    werkvoorraad: WerkvoorraadScherm,
    beheer: BeheerScherm,
    /// The open household view and the screen it was opened on.
    huishouden: Option<(Scherm, HuishoudenScherm)>,
    ave_overzicht: AveOverzichtScherm,
    rapportage: RapportageScherm,
    stijl_gezet: bool,
    /// The daily backup and integrity check running on start.
    onderhoud: crate::ui::onderhoud::Onderhoud,
    /// The medewerkers to choose from under "Werken als" (no login door).
    medewerkers: Option<Vec<crate::store::medewerkers::MedewerkerRij>>,
    klantreis: Option<Klantreis>,
    /// The screen the user asked for while a klantreis form held unsaved input.
    weggaan_naar: Option<Scherm>,
    /// Login, idle lock and the purposes asked in this session.
    poort: Poort,
    accounts: AccountsScherm,
}

impl WijkregisterApp {
    /// An app on an open connection (tests: in-memory; commands run at once).
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

    /// An app on a register whose commands may run in the background,
    /// without a login (tests of screens, with "werken als").
    #[must_use]
    pub fn met_register(gateway: Gateway, vandaag: NaiveDate) -> WijkregisterApp {
        WijkregisterApp {
            gateway,
            vandaag,
            klok: Klok::systeem(),
            sessie: None,
            command: None,
            scherm: Scherm::Inwoners,
            leeg: None,
            fout: None,
            bericht: None,
            inwoners: InwonersScherm::new(),
            dossier: None,
            kaart: SocialeKaartScherm::default(),
            werkvoorraad: WerkvoorraadScherm::default(),
            beheer: BeheerScherm::default(),
            huishouden: None,
            ave_overzicht: AveOverzichtScherm::default(),
            rapportage: RapportageScherm::new(vandaag.year()),
            stijl_gezet: false,
            onderhoud: crate::ui::onderhoud::Onderhoud::default(),
            medewerkers: None,
            poort: Poort::open(),
            accounts: AccountsScherm::default(),
            klantreis: None,
            weggaan_naar: None,
        }
    }

    /// The gateway bound to the session, today and the clock: what the
    /// screens read and write through (tests read what a screen stored).
    #[must_use]
    pub fn loket(&self) -> Loket<'_> {
        self.gateway
            .voor(self.sessie.as_ref(), self.vandaag, &self.klok)
    }

    /// Fixes the clock at `tijdstip` (tests), RFC 3339 with offset; a text
    /// that is not one leaves the clock as it is and says so.
    pub fn zet_klok(&mut self, tijdstip: &str) {
        match chrono::DateTime::parse_from_rfc3339(tijdstip) {
            Ok(moment) => self.klok = Klok::vast(moment),
            Err(fout) => self.fout = Some(format!("Ongeldig tijdstip '{tijdstip}': {fout}")),
        }
    }

    fn ga_naar(&mut self, scherm: Scherm) {
        self.scherm = scherm;
        if self.huishouden.as_ref().is_some_and(|(s, _)| *s == scherm) {
            self.huishouden = None;
        }
        if scherm == Scherm::AveOverzicht {
            self.ave_overzicht.vernieuw();
        }
        if scherm == Scherm::Werkvoorraad {
            self.werkvoorraad.vernieuw();
        }
        if scherm == Scherm::Inwoners {
            self.klantreis = None;
            self.dossier = None;
            self.inwoners.focus_op_zoeken();
        }
    }

    /// Whether going to `naar` would drop typed input outside the klantreis
    /// (a Sociale kaart form, the dossier's form that ends a toekenning).
    fn formulier_open(&self, naar: Scherm) -> bool {
        match self.scherm {
            // The kaart form is dropped on leaving (after the question).
            Scherm::SocialeKaart => naar != Scherm::SocialeKaart && self.kaart.gewijzigd(),
            // Inwoners again closes the dossier; other screens keep it.
            Scherm::Inwoners => {
                naar == Scherm::Inwoners
                    && self.dossier.as_ref().is_some_and(DossierScherm::gewijzigd)
            }
            _ => false,
        }
    }

    /// The medewerker the user works as, if anyone.
    #[must_use]
    pub fn medewerker(&self) -> Option<&str> {
        self.sessie.as_ref().map(Sessie::medewerker)
    }

    /// Works as `medewerker` without a login (tests, and the "Werken als"
    /// choice when the app has no login door); ignored behind a door.
    pub fn werk_als(&mut self, medewerker: &str) {
        if self.poort.is_verplicht() {
            return;
        }
        match self.gateway.sessie_zonder_inloggen(medewerker) {
            Ok(sessie) => self.begin_sessie(sessie),
            Err(fout) => {
                self.fout = Some(format!("De medewerker kon niet worden gelezen: {fout}"));
            }
        }
    }

    /// The session of whoever works now, if anyone.
    #[must_use]
    pub fn sessie(&self) -> Option<&Sessie> {
        self.sessie.as_ref()
    }

    /// A new session: every list is read again for its medewerker.
    fn begin_sessie(&mut self, sessie: Sessie) {
        self.sessie = Some(sessie);
        self.inwoners.vernieuw();
        self.werkvoorraad.vernieuw();
        self.ave_overzicht.vernieuw();
    }

    /// Clears every screen after a logout, so the next user sees nothing of it.
    fn na_afmelden(&mut self, melding: Option<String>) {
        self.sessie = None;
        self.poort.na_sessie(melding);
        self.dossier = None;
        self.inwoners = InwonersScherm::new();
        self.kaart = SocialeKaartScherm::default();
        self.werkvoorraad = WerkvoorraadScherm::default();
        self.beheer = BeheerScherm::default();
        self.accounts = AccountsScherm::default();
        self.scherm = Scherm::Inwoners;
        self.bericht = None;
        self.fout = None;
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
        let nu = self.sessie.as_ref().map(Sessie::medewerker);
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

    /// The Inwoners screen (the benchmark selects a row in the middle).
    pub fn inwoners_mut(&mut self) -> &mut InwonersScherm {
        &mut self.inwoners
    }

    /// Carries the background backup and integrity check started with the window.
    #[must_use]
    pub fn met_onderhoud(mut self, onderhoud: crate::ui::onderhoud::Onderhoud) -> WijkregisterApp {
        self.onderhoud = onderhoud;
        self
    }

    /// The screen shown now.
    #[must_use]
    pub fn scherm(&self) -> Scherm {
        self.scherm
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

    /// What the running import or demo data is doing, if anything.
    fn bezig(&self) -> Option<(String, u64)> {
        self.command
            .as_ref()
            .map(|t| (t.omschrijving().to_owned(), t.voortgang().0))
    }

    fn verwerk_uitkomst(&mut self) {
        let Some(uitkomst) = self.command.as_mut().and_then(Taak::neem) else {
            return;
        };
        self.command = None;
        let uitkomst = uitkomst.unwrap_or_else(Uitkomst::DemoMislukt);
        if matches!(
            uitkomst,
            Uitkomst::Geimporteerd { .. } | Uitkomst::DemoGeladen { .. }
        ) {
            self.leeg = None;
            self.medewerkers = None;
            self.inwoners.vernieuw();
            self.kaart.vernieuw();
            let ziet_dossiers = self.sessie.as_ref().is_none_or(|s| {
                crate::store::toegang::heeft(s.rol(), crate::store::toegang::Recht::Dossiers)
            });
            self.bericht = Some(match &uitkomst {
                Uitkomst::Geimporteerd { records } => {
                    format!("Import gelukt: {records} records opgeslagen.")
                }
                _ if !ziet_dossiers => {
                    "Demogegevens geladen. Een beheerder ziet geen dossiers: geef onder Beheer een medewerker een account en meld u daarmee aan.".to_owned()
                }
                _ => "Demogegevens geladen. Zoek hieronder een inwoner.".to_owned(),
            });
        }
        self.beheer.toon_uitkomst(uitkomst);
    }

    /// Opens what the purpose was asked for, or what needed none.
    fn open(&mut self, wat: TeOpenen) {
        let loket = self
            .gateway
            .voor(self.sessie.as_ref(), self.vandaag, &self.klok);
        match wat {
            TeOpenen::Dossier(id) => {
                self.klantreis = None;
                self.huishouden = None;
                self.dossier = Some(DossierScherm::open(&loket, &id));
                self.scherm = Scherm::Inwoners;
            }
            TeOpenen::Huishouden(id) => {
                let scherm = HuishoudenScherm::open(&loket, &id);
                self.huishouden = Some((self.scherm, scherm));
            }
        }
    }

    fn voer_uit(&mut self, actie: Actie) {
        let loket = self
            .gateway
            .voor(self.sessie.as_ref(), self.vandaag, &self.klok);
        match actie {
            Actie::OpenDossier(id) => {
                let wat = TeOpenen::Dossier(id);
                match self.poort.bij_openen(&wat, &loket) {
                    Ok(true) => self.open(wat),
                    Ok(false) => {}
                    Err(fout) => self.fout = Some(fout),
                }
            }
            Actie::TerugNaarLijst => {
                self.klantreis = None;
                self.dossier = None;
                self.inwoners.focus_op_zoeken();
            }
            Actie::NieuweMelding(inwoner) => {
                self.klantreis = Some(Klantreis::Nieuw(Box::new(MeldingNieuwScherm::open(
                    &loket,
                    inwoner.as_deref(),
                ))));
                self.scherm = Scherm::Inwoners;
            }
            Actie::OpenMelding(id) => {
                // A new resident may have been added on the way here.
                self.inwoners.vernieuw();
                self.klantreis = Some(Klantreis::Melding(Box::new(MeldingScherm::open(
                    &loket, &id,
                ))));
                self.scherm = Scherm::Inwoners;
            }
            Actie::Herbeoordelen {
                melding,
                toekenning,
            } => {
                self.klantreis = Some(Klantreis::Melding(Box::new(
                    MeldingScherm::open_herbeoordelen(&loket, &melding, &toekenning),
                )));
                self.scherm = Scherm::Inwoners;
            }
            Actie::Command(command) => {
                if self.command.is_none() {
                    self.command = Some(
                        loket.op_achtergrond(command.omschrijving(), move |l, voortgang| {
                            l.voer_uit(&command, voortgang)
                        }),
                    );
                }
                self.verwerk_uitkomst();
            }
            Actie::OpenHuishouden(id) => {
                let wat = TeOpenen::Huishouden(id);
                match self.poort.bij_openen(&wat, &loket) {
                    Ok(true) => self.open(wat),
                    Ok(false) => {}
                    Err(fout) => self.fout = Some(fout),
                }
            }
            Actie::SluitHuishouden => {
                self.huishouden = None;
                self.ave_overzicht.vernieuw();
            }
        }
    }

    /// Draws the whole app into `ui`.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        if !self.stijl_gezet {
            theme::stel_in(ui.ctx());
            let ctx = ui.ctx().clone();
            self.gateway
                .zet_herteken(std::sync::Arc::new(move || ctx.request_repaint()));
            self.stijl_gezet = true;
        }
        self.verwerk_uitkomst();
        let (open, deur) =
            self.poort
                .toegang_ui(ui, &self.gateway, &self.klok, self.sessie.as_ref());
        match deur {
            Deur::Gelijk => {}
            Deur::Begonnen(sessie) => self.begin_sessie(sessie),
            Deur::Beeindigd(melding) => self.na_afmelden(melding),
        }
        if !open {
            return;
        }
        let loket = self
            .gateway
            .voor(self.sessie.as_ref(), self.vandaag, &self.klok);
        match self.poort.doel_ui(ui.ctx(), &loket) {
            Some(Ok(wat)) => self.open(wat),
            Some(Err(fout)) => self.fout = Some(fout),
            None => {}
        }
        let mut afmelden = false;
        let rol = self.sessie.as_ref().map(Sessie::rol);
        if !self.scherm.zichtbaar_voor(rol)
            && let Some(eerste) = Scherm::ALLE.into_iter().find(|s| s.zichtbaar_voor(rol))
        {
            self.ga_naar(eerste);
        }
        let mag_importeren = rol
            .is_none_or(|r| crate::store::toegang::heeft(r, crate::store::toegang::Recht::Import));
        let leeg = self.is_leeg();
        let eind_jaar = self.vandaag.year();
        {
            let loket = self
                .gateway
                .voor(self.sessie.as_ref(), self.vandaag, &self.klok);
            self.onderhoud.ui(ui, &loket);
        }

        egui::Panel::left("navigatie")
            .resizable(false)
            .exact_size(190.0)
            .show(ui, |ui| {
                ui.add_space(10.0);
                ui.label(RichText::new("wijkregister").strong().size(20.0));
                ui.add_space(10.0);
                for scherm in Scherm::ALLE {
                    if !scherm.zichtbaar_voor(rol) {
                        continue;
                    }
                    let gekozen = self.scherm == scherm;
                    let knop =
                        egui::Button::selectable(gekozen, RichText::new(scherm.naam()).size(16.0))
                            .min_size(egui::vec2(ui.available_width(), 30.0));
                    if ui.add(knop).clicked() {
                        if self.klantreis.as_ref().is_some_and(Klantreis::gewijzigd)
                            || self.formulier_open(scherm)
                        {
                            self.weggaan_naar = Some(scherm);
                        } else {
                            self.ga_naar(scherm);
                        }
                    }
                }
                ui.add_space(16.0);
                if self.poort.is_verplicht() {
                    if let Some(sessie) = &self.sessie {
                        afmelden = Poort::navigatie_ui(ui, sessie);
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

        if let Some(bericht) = self.bericht.clone() {
            egui::Panel::top("bericht").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.colored_label(theme::GOED_KLEUR, RichText::new(bericht).strong());
                    if ui.button("Sluiten").clicked() {
                        self.bericht = None;
                    }
                });
            });
        }
        if let Some(naar) = self.weggaan_naar {
            egui::Panel::top("weggaan").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.colored_label(
                        FOUT_KLEUR,
                        RichText::new("Wijzigingen niet opgeslagen. Toch weggaan?").strong(),
                    );
                    if ui.button("Ja, naar ".to_owned() + naar.naam()).clicked() {
                        self.weggaan_naar = None;
                        if self.scherm == Scherm::SocialeKaart {
                            self.kaart.sluit_formulier();
                        }
                        // The user chose to drop what was typed: the form goes.
                        if self.scherm == Scherm::Inwoners {
                            self.klantreis = None;
                        }
                        self.ga_naar(naar);
                    }
                    if ui.button("Nee, blijven").clicked() {
                        self.weggaan_naar = None;
                    }
                });
            });
        }
        if let Some(fout) = self.fout.clone() {
            egui::Panel::top("foutmelding").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.colored_label(FOUT_KLEUR, RichText::new(fout).strong());
                    if ui.button("Sluiten").clicked() {
                        self.fout = None;
                    }
                });
            });
        }

        let mut actie = None;
        let bezig_eigen = self.bezig();
        let loket = self
            .gateway
            .voor(self.sessie.as_ref(), self.vandaag, &self.klok);
        let beheerder = self
            .sessie
            .as_ref()
            .is_some_and(|s| s.rol() == crate::domain::Rol::Beheerder);
        egui::CentralPanel::default().show(ui, |ui| {
            let bezig = bezig_eigen.as_ref().map(|(t, n)| (t.as_str(), *n));
            actie = match self.scherm {
                Scherm::Beheer => {
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            let actie = self.beheer.ui(ui, bezig, eind_jaar);
                            if beheerder {
                                ui.add_space(12.0);
                                self.accounts.ui(ui, &loket);
                                if self.beheer.beheerder_ui(ui, &loket) {
                                    self.inwoners.vernieuw();
                                    self.leeg = None;
                                }
                            }
                            ui.add_space(12.0);
                            self.beheer.ave_teksten_ui(ui, &loket);
                            actie
                        })
                        .inner
                }
                _ if leeg && mag_importeren => self.beheer.welkom_ui(ui, bezig, eind_jaar),
                _ if leeg => {
                    ui.add_space(24.0);
                    ui.heading("Het register is nog leeg");
                    ui.label(
                        "Er staan nog geen inwoners in. Een beheerder kan gegevens importeren.",
                    );
                    None
                }
                scherm if self.huishouden.as_ref().is_some_and(|(s, _)| *s == scherm) => {
                    match &mut self.huishouden {
                        Some((_, h)) => h.ui(ui, &loket),
                        None => None,
                    }
                }
                Scherm::AveOverzicht => self.ave_overzicht.ui(ui, &loket),
                Scherm::Werkvoorraad => self.werkvoorraad.ui(ui, &loket),
                Scherm::Rapportage => {
                    self.rapportage.ui(ui, &loket);
                    None
                }
                Scherm::Inwoners => match (&mut self.klantreis, &mut self.dossier) {
                    (Some(Klantreis::Nieuw(s)), _) => s.ui(ui, &loket),
                    (Some(Klantreis::Melding(s)), _) => s.ui(ui, &loket),
                    (None, Some(dossier)) => dossier.ui(ui, &loket),
                    (None, None) => self.inwoners.ui(ui, &loket),
                },
                Scherm::SocialeKaart => {
                    self.kaart.ui(ui, &loket);
                    None
                }
            };
        });
        if let Some(actie) = actie {
            self.voer_uit(actie);
        }
        if afmelden && let Some(sessie) = &self.sessie {
            let deur = self.poort.afmelden(&self.gateway, &self.klok, sessie);
            if let Deur::Beeindigd(melding) = deur {
                self.na_afmelden(melding);
            }
        }
    }
}

impl eframe::App for WijkregisterApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        WijkregisterApp::ui(self, ui);
    }
}
