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

use crate::ui::accounts::AccountsScherm;
use crate::ui::ave_overzicht::AveOverzichtScherm;
use crate::ui::beheer::BeheerScherm;
use crate::ui::dossier::DossierScherm;
use crate::ui::huishouden::HuishoudenScherm;
use crate::ui::inloggen::{Klok, Poort, TeOpenen};
use crate::ui::inwoners::InwonersScherm;
use crate::ui::melding::{MeldingScherm, Omgeving};
use crate::ui::melding_nieuw::MeldingNieuwScherm;
use crate::ui::rapportage::RapportageScherm;
use crate::ui::register::{Command, Register, Toegang, Uitkomst};
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
    register: Register,
    vandaag: NaiveDate,
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
    /// The medewerker the user works as (until accounts exist: chosen in the navigation).
    medewerker: Option<String>,
    medewerkers: Option<Vec<crate::store::medewerkers::MedewerkerRij>>,
    klantreis: Option<Klantreis>,
    /// A fixed clock for writes (tests); `None`: the system clock.
    klok: Option<String>,
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
        WijkregisterApp::met_register(Register::new(conn, None), vandaag)
    }

    /// The real app: nothing of the register is drawn before a login (or,
    /// on a register without accounts, the first beheerder); the window
    /// locks after 15 minutes without input by `klok`.
    #[must_use]
    pub fn met_inloggen(register: Register, vandaag: NaiveDate, klok: Klok) -> WijkregisterApp {
        WijkregisterApp {
            poort: Poort::verplicht(klok),
            ..WijkregisterApp::met_register(register, vandaag)
        }
    }

    /// An app on a register whose commands may run in the background,
    /// without a login (tests of screens, with "werken als").
    #[must_use]
    pub fn met_register(register: Register, vandaag: NaiveDate) -> WijkregisterApp {
        WijkregisterApp {
            register,
            vandaag,
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
            medewerker: None,
            medewerkers: None,
            poort: Poort::open(),
            accounts: AccountsScherm::default(),
            klantreis: None,
            klok: None,
            weggaan_naar: None,
        }
    }

    /// The register (tests read what a screen stored).
    #[must_use]
    pub fn register(&self) -> &Register {
        &self.register
    }

    /// Fixes the moment written with every action (tests), ISO 8601.
    pub fn zet_klok(&mut self, tijdstip: &str) {
        self.klok = Some(tijdstip.to_owned());
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

    fn omgeving(&self) -> Omgeving {
        Omgeving {
            vandaag: self.vandaag,
            medewerker: self.medewerker.clone(),
            klok: self.klok.clone(),
        }
    }

    /// The medewerker the user works as, if chosen.
    #[must_use]
    pub fn medewerker(&self) -> Option<&str> {
        match self.poort.sessie() {
            Some(sessie) => Some(sessie.medewerker.as_str()),
            None => self.medewerker.as_deref(),
        }
    }

    /// Chooses the medewerker the user works as (tests; the navigation offers it too).
    pub fn werk_als(&mut self, medewerker: &str) {
        self.medewerker = Some(medewerker.to_owned());
        self.zet_toegang();
    }

    /// The logged-in medewerker's session, if any.
    #[must_use]
    pub fn sessie(&self) -> Option<&crate::store::accounts::Sessie> {
        self.poort.sessie()
    }

    /// Lets the register work for the medewerker logged in (or chosen with
    /// "werken als" in tests): every read and write is checked against
    /// their role and wijkteam from here on.
    fn zet_toegang(&mut self) {
        let huidig = self.register.toegang().map(|t| t.gebruiker.id.as_str());
        if huidig == self.medewerker.as_deref() {
            return;
        }
        let toegang = match self
            .medewerker
            .as_deref()
            .map(|id| self.register.medewerker(id))
        {
            None => None,
            Some(Ok(gebruiker)) => Some(Toegang {
                gebruiker,
                vandaag: self.vandaag,
            }),
            Some(Err(fout)) => {
                self.fout = Some(format!("De medewerker kon niet worden gelezen: {fout}"));
                None
            }
        };
        self.register.zet_toegang(toegang);
        self.inwoners.vernieuw();
        self.werkvoorraad.vernieuw();
        self.ave_overzicht.vernieuw();
    }

    /// Clears every screen after a logout, so the next user sees nothing of it.
    fn na_afmelden(&mut self) {
        self.medewerker = None;
        self.register.zet_toegang(None);
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
            match self.register.medewerkers() {
                Ok(lijst) => self.medewerkers = Some(lijst),
                Err(fout) => {
                    self.fout = Some(format!("De medewerkers konden niet worden gelezen: {fout}"));
                    self.medewerkers = Some(Vec::new());
                }
            }
        }
    }

    /// The choice of medewerker in the navigation.
    fn werken_als_ui(&mut self, ui: &mut egui::Ui) {
        self.laad_medewerkers();
        let lijst = self.medewerkers.as_deref().unwrap_or_default();
        let gekozen = self
            .medewerker
            .as_deref()
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
                        .selectable_label(self.medewerker.as_deref() == Some(m.id.as_str()), tekst)
                        .clicked()
                    {
                        keuze = Some(m.id.clone());
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if let Some(id) = keuze {
            self.medewerker = Some(id);
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
        let leeg = match self.register.is_leeg() {
            Ok(l) => l,
            Err(fout) => {
                self.fout = Some(format!("Het register kon niet worden gelezen: {fout}"));
                false
            }
        };
        self.leeg = Some(leeg);
        leeg
    }

    fn verwerk_uitkomst(&mut self) {
        if let Some(uitkomst) = self.register.neem_uitkomst() {
            if matches!(
                uitkomst,
                Uitkomst::Geimporteerd { .. } | Uitkomst::DemoGeladen { .. }
            ) {
                self.leeg = None;
                self.medewerkers = None;
                self.inwoners.vernieuw();
                self.kaart.vernieuw();
                self.bericht = Some(match &uitkomst {
                    Uitkomst::Geimporteerd { records } => {
                        format!("Import gelukt: {records} records opgeslagen.")
                    }
                    _ if self.register.toegang().is_some_and(|t| {
                        !crate::store::toegang::heeft(
                            t.gebruiker.rol,
                            crate::store::toegang::Recht::Dossiers,
                        )
                    }) =>
                    {
                        "Demogegevens geladen. Een beheerder ziet geen dossiers: geef onder Beheer een medewerker een account en meld u daarmee aan.".to_owned()
                    }
                    _ => "Demogegevens geladen. Zoek hieronder een inwoner.".to_owned(),
                });
            }
            self.beheer.toon_uitkomst(uitkomst);
        }
    }

    fn voer_uit(&mut self, actie: Actie, ctx: &egui::Context) {
        match actie {
            Actie::OpenDossier(id) => {
                match self.register.mag_openen(&id, self.poort.nu()) {
                    Ok(true) => {}
                    Ok(false) => {
                        self.fout = Some(format!(
                            "Geen toegang tot het dossier van inwoner {id}: deze inwoner hoort niet bij uw wijkteam en is niet aan u toegewezen. De poging is vastgelegd."
                        ));
                        return;
                    }
                    Err(fout) => {
                        self.fout = Some(format!("Het dossier kan niet worden geopend: {fout}"));
                        return;
                    }
                }
                match self
                    .poort
                    .bij_openen(&TeOpenen::Dossier(id.clone()), &self.register)
                {
                    Ok(true) => {}
                    Ok(false) => return,
                    Err(fout) => {
                        self.fout = Some(fout);
                        return;
                    }
                }
                self.klantreis = None;
                self.huishouden = None;
                self.dossier = Some(DossierScherm::open(&self.register, &id, self.vandaag));
                self.scherm = Scherm::Inwoners;
            }
            Actie::TerugNaarLijst => {
                self.klantreis = None;
                self.dossier = None;
                self.inwoners.focus_op_zoeken();
            }
            Actie::NieuweMelding(inwoner) => {
                let omg = self.omgeving();
                self.klantreis = Some(Klantreis::Nieuw(Box::new(MeldingNieuwScherm::open(
                    &self.register,
                    inwoner.as_deref(),
                    &omg,
                ))));
                self.scherm = Scherm::Inwoners;
            }
            Actie::OpenMelding(id) => {
                // A new resident may have been added on the way here.
                self.inwoners.vernieuw();
                let omg = self.omgeving();
                self.klantreis = Some(Klantreis::Melding(Box::new(MeldingScherm::open(
                    &self.register,
                    &id,
                    &omg,
                ))));
                self.scherm = Scherm::Inwoners;
            }
            Actie::Herbeoordelen {
                melding,
                toekenning,
            } => {
                let omg = self.omgeving();
                self.klantreis = Some(Klantreis::Melding(Box::new(
                    MeldingScherm::open_herbeoordelen(&self.register, &melding, &toekenning, &omg),
                )));
                self.scherm = Scherm::Inwoners;
            }
            Actie::Command(command) => {
                self.register.voer_uit(command, ctx);
                self.verwerk_uitkomst();
            }
            Actie::OpenHuishouden(id) => {
                match self.register.mag_huishouden_openen(&id, self.poort.nu()) {
                    Ok(true) => {}
                    Ok(false) => {
                        self.fout = Some(format!(
                            "Geen toegang tot huishouden {id}: geen van de leden hoort bij uw wijkteam of is aan u toegewezen. De poging is vastgelegd."
                        ));
                        return;
                    }
                    Err(fout) => {
                        self.fout = Some(format!("Het huishouden kan niet worden geopend: {fout}"));
                        return;
                    }
                }
                match self
                    .poort
                    .bij_openen(&TeOpenen::Huishouden(id.clone()), &self.register)
                {
                    Ok(true) => {}
                    Ok(false) => return,
                    Err(fout) => {
                        self.fout = Some(fout);
                        return;
                    }
                }
                let scherm = HuishoudenScherm::open(&self.register, &id, self.vandaag);
                self.huishouden = Some((self.scherm, scherm));
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
            self.stijl_gezet = true;
        }
        self.verwerk_uitkomst();
        if !self.poort.toegang_ui(ui, &mut self.register) {
            return;
        }
        if let Some(sessie) = self.poort.sessie()
            && self.medewerker.as_deref() != Some(sessie.medewerker.as_str())
        {
            self.medewerker = Some(sessie.medewerker.clone());
        }
        self.zet_toegang();
        match self.poort.doel_ui(ui.ctx(), &self.register) {
            Some(Ok(TeOpenen::Dossier(id))) => {
                // The dossier asked for, not a klantreis form left open under it.
                self.klantreis = None;
                self.dossier = Some(DossierScherm::open(&self.register, &id, self.vandaag));
                self.scherm = Scherm::Inwoners;
            }
            Some(Ok(TeOpenen::Huishouden(id))) => {
                let scherm = HuishoudenScherm::open(&self.register, &id, self.vandaag);
                self.huishouden = Some((self.scherm, scherm));
            }
            Some(Err(fout)) => self.fout = Some(fout),
            None => {}
        }
        let mut afgemeld = false;
        let rol = self.register.toegang().map(|t| t.gebruiker.rol);
        if !self.scherm.zichtbaar_voor(rol)
            && let Some(eerste) = Scherm::ALLE.into_iter().find(|s| s.zichtbaar_voor(rol))
        {
            self.ga_naar(eerste);
        }
        let mag_importeren = rol
            .is_none_or(|r| crate::store::toegang::heeft(r, crate::store::toegang::Recht::Import));
        let leeg = self.is_leeg();
        let eind_jaar = self.vandaag.year();
        self.onderhoud.ui(ui, &mut self.register);

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
                    self.laad_medewerkers();
                    afgemeld = self.poort.navigatie_ui(ui, &self.register);
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

        let gekozen_medewerker = self.medewerker.as_deref().and_then(|id| {
            self.medewerkers
                .as_deref()
                .and_then(|lijst| lijst.iter().find(|m| m.id == id))
                .cloned()
        });
        let mut actie = None;
        let omg = self.omgeving();
        egui::CentralPanel::default().show(ui, |ui| {
            let bezig_eigen = self.register.bezig().map(|(t, n)| (t.to_owned(), n));
            let bezig = bezig_eigen.as_ref().map(|(t, n)| (t.as_str(), *n));
            actie = match self.scherm {
                Scherm::Beheer => {
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            let actie = self.beheer.ui(ui, bezig, eind_jaar);
                            if let Some(sessie) = self.poort.sessie()
                                && sessie.rol == crate::domain::Rol::Beheerder
                            {
                                ui.add_space(12.0);
                                let nu = self.poort.nu();
                                self.accounts.ui(ui, &mut self.register, sessie, nu);
                                let v = self.vandaag;
                                if self
                                    .beheer
                                    .beheerder_ui(ui, &mut self.register, sessie, v, nu)
                                {
                                    self.inwoners.vernieuw();
                                    self.leeg = None;
                                }
                            }
                            ui.add_space(12.0);
                            self.beheer.ave_teksten_ui(
                                ui,
                                &self.register,
                                gekozen_medewerker.as_ref(),
                            );
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
                        Some((_, h)) => h.ui(ui, &self.register, gekozen_medewerker.as_ref()),
                        None => None,
                    }
                }
                Scherm::AveOverzicht => self.ave_overzicht.ui(
                    ui,
                    &self.register,
                    self.vandaag,
                    gekozen_medewerker.as_ref(),
                ),
                Scherm::Werkvoorraad => self.werkvoorraad.ui(
                    ui,
                    &self.register,
                    self.vandaag,
                    gekozen_medewerker.as_ref(),
                ),
                Scherm::Rapportage => {
                    self.rapportage
                        .ui(ui, &mut self.register, gekozen_medewerker.as_ref());
                    None
                }
                Scherm::Inwoners => match (&mut self.klantreis, &mut self.dossier) {
                    (Some(Klantreis::Nieuw(s)), _) => s.ui(ui, &self.register, &omg),
                    (Some(Klantreis::Melding(s)), _) => s.ui(ui, &self.register, &omg),
                    (None, Some(dossier)) => dossier.ui(ui, &self.register, &omg),
                    (None, None) => self.inwoners.ui(ui, &self.register, self.vandaag),
                },
                Scherm::SocialeKaart => {
                    self.kaart.ui(
                        ui,
                        &self.register,
                        self.vandaag,
                        gekozen_medewerker.as_ref(),
                    );
                    None
                }
            };
        });
        if let Some(actie) = actie {
            let ctx = ui.ctx().clone();
            self.voer_uit(actie, &ctx);
        }
        if afgemeld {
            self.na_afmelden();
        }
    }
}

impl eframe::App for WijkregisterApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        WijkregisterApp::ui(self, ui);
    }
}
