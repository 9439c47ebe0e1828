//! The session of one worker in the app: who works (`gateway::Sessie`)
//! and everything they opened — the lists of the navigation, the record
//! screen on top, the navigation stack, the purpose question, the idle
//! lock, the messages. A login makes a new one; logging out, a lock-out or a
//! deactivated account drops it whole, so nothing of one worker's session
//! can be seen or saved by the next.
//!
//! Navigation is by identity: the stack ([`Sessie::pad`]) holds places
//! ([`Plek`]) by record id, the bottom always a screen of the navigation.
//! Only the top has a screen object, built for exactly its record when it
//! becomes the top (access checked again, and the purpose asked, each
//! time); going back pops the stack and builds the screen below afresh.
//! Leaving a screen that holds typed input asks first.

use chrono::NaiveDateTime;
use egui::RichText;

use crate::gateway::{self, Loket, Opening, TeOpenen};
use crate::store::accounts::Doel;
use crate::ui::actie::{Actie, Plek, Scherm};
use crate::ui::ave_overzicht::AveOverzichtScherm;
use crate::ui::beheer::BeheerScherm;
use crate::ui::dossier::DossierScherm;
use crate::ui::huishouden::HuishoudenScherm;
use crate::ui::inwoners::InwonersScherm;
use crate::ui::melding::MeldingScherm;
use crate::ui::melding::nieuw::MeldingNieuwScherm;
use crate::ui::rapportage::RapportageScherm;
use crate::ui::scherm::SchermUi;
use crate::ui::sociale_kaart::SocialeKaartScherm;
use crate::ui::theme::{FOUT_KLEUR, GOED_KLEUR};
use crate::ui::werkvoorraad::WerkvoorraadScherm;

/// How often the app asks the gateway whether the session's account may
/// still work (besides at every navigation), in seconds.
const CONTROLE_SECONDEN: i64 = 30;

/// The screens of the navigation, opened once per session.
struct Lijsten {
    inwoners: InwonersScherm,
    werkvoorraad: WerkvoorraadScherm,
    kaart: SocialeKaartScherm,
    ave_overzicht: AveOverzichtScherm,
    rapportage: RapportageScherm,
    beheer: BeheerScherm,
}

impl Lijsten {
    fn van(&mut self, scherm: Scherm) -> &mut dyn SchermUi {
        match scherm {
            Scherm::Werkvoorraad => &mut self.werkvoorraad,
            Scherm::Inwoners => &mut self.inwoners,
            Scherm::SocialeKaart => &mut self.kaart,
            Scherm::AveOverzicht => &mut self.ave_overzicht,
            Scherm::Rapportage => &mut self.rapportage,
            Scherm::Beheer => &mut self.beheer,
        }
    }

    fn alle(&mut self) -> [&mut dyn SchermUi; 6] {
        [
            &mut self.werkvoorraad,
            &mut self.inwoners,
            &mut self.kaart,
            &mut self.ave_overzicht,
            &mut self.rapportage,
            &mut self.beheer,
        ]
    }
}

/// What waits for the user's answer to "Toch weggaan?".
#[derive(Debug, Clone, PartialEq, Eq)]
enum Wacht {
    /// An action of the screen on top.
    Actie(Actie),
    /// A screen of the navigation.
    Naar(Scherm),
    /// Logging out.
    Afmelden,
}

/// The open question for the purpose of opening a dossier or household.
struct Doelvraag {
    /// What is opened.
    plek: Plek,
    wat: TeOpenen,
    keuze: Option<Doel>,
    /// The place is already on top of the stack (going back to it): when
    /// the question is cancelled, it is dropped.
    bovenop: bool,
}

/// What the user decided this frame that the app carries out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Besluit {
    /// Nothing beyond the session.
    Niets,
    /// Log out (asked first when input would be lost).
    Afmelden,
}

/// One worker's session: who works, and all they opened.
pub struct Sessie {
    wie: gateway::Sessie,
    werk: Werk,
}

impl Sessie {
    /// A new session for `wie`, on the first screen of their role, with
    /// `jaar` proposed for the reports.
    #[must_use]
    pub fn nieuw(wie: gateway::Sessie, jaar: i32) -> Sessie {
        let werk = Werk::nieuw(wie.rol(), jaar);
        Sessie { wie, werk }
    }

    /// Who works.
    #[must_use]
    pub fn wie(&self) -> &gateway::Sessie {
        &self.wie
    }

    /// What they opened.
    #[must_use]
    pub fn werk(&self) -> &Werk {
        &self.werk
    }

    /// Who works (to bind the gateway to) and, apart, what they opened (to
    /// draw and change), borrowed at once.
    pub fn delen(&mut self) -> (&gateway::Sessie, &mut Werk) {
        (&self.wie, &mut self.werk)
    }
}

/// Everything a session opened: the lists, the stack, the screen on top,
/// the open questions, the idle lock and the messages.
pub struct Werk {
    /// The idle lock is on.
    pub(crate) vergrendeld: bool,
    /// The last input (the idle lock counts from it).
    pub(crate) laatste_invoer: Option<NaiveDateTime>,
    /// When the account was last checked.
    laatste_controle: Option<NaiveDateTime>,
    lijsten: Lijsten,
    pad: Vec<Plek>,
    open: Option<Box<dyn SchermUi>>,
    doelvraag: Option<Doelvraag>,
    wacht: Option<Wacht>,
    bericht: Option<String>,
    fout: Option<String>,
    /// The focused widget at the end of the last drawn screen.
    focus_nu: Option<egui::Id>,
    /// The focus to give back per depth of the stack: the widget that had
    /// it when the place above was opened (Enter on a row or a button).
    focus_terug: std::collections::HashMap<usize, egui::Id>,
    /// The focus to give back in the next frame, after Esc or "Terug".
    herstel_focus: Option<egui::Id>,
}

impl Werk {
    /// What a new session of role `rol` opens: the first screen of the role.
    fn nieuw(rol: crate::domain::Rol, jaar: i32) -> Werk {
        let rol = Some(rol);
        let eerste = [Scherm::Inwoners, Scherm::SocialeKaart]
            .into_iter()
            .chain(Scherm::ALLE)
            .find(|s| s.zichtbaar_voor(rol))
            .unwrap_or(Scherm::SocialeKaart);
        Werk {
            vergrendeld: false,
            laatste_invoer: None,
            laatste_controle: None,
            lijsten: Lijsten {
                inwoners: InwonersScherm::new(),
                werkvoorraad: WerkvoorraadScherm::default(),
                kaart: SocialeKaartScherm::default(),
                ave_overzicht: AveOverzichtScherm::default(),
                rapportage: RapportageScherm::new(jaar),
                beheer: BeheerScherm::default(),
            },
            pad: vec![Plek::Lijst(eerste)],
            open: None,
            doelvraag: None,
            wacht: None,
            bericht: None,
            fout: None,
            focus_nu: None,
            focus_terug: std::collections::HashMap::new(),
            herstel_focus: None,
        }
    }

    /// The places opened, bottom (a screen of the navigation) first.
    #[must_use]
    pub fn pad(&self) -> &[Plek] {
        &self.pad
    }

    /// The record the screen on top shows, if a record is on top.
    #[must_use]
    pub fn getoond(&self) -> Option<Plek> {
        self.open.as_ref().and_then(|s| s.plek())
    }

    /// The screen of the navigation the stack starts from.
    #[must_use]
    pub fn scherm(&self) -> Scherm {
        match self.pad.first() {
            Some(Plek::Lijst(s)) => *s,
            _ => Scherm::Inwoners,
        }
    }

    /// The Inwoners list (the benchmark selects a row in the middle).
    pub fn inwoners_mut(&mut self) -> &mut InwonersScherm {
        &mut self.lijsten.inwoners
    }

    /// Whether a search of the Inwoners list is running.
    #[must_use]
    pub fn zoekt(&self) -> bool {
        self.lijsten.inwoners.zoekt()
    }

    /// Whether anything of this session holds typed input that is not saved.
    #[must_use]
    pub fn gewijzigd(&self) -> bool {
        self.open.as_ref().is_some_and(|s| s.gewijzigd()) || self.lijsten.kaart.gewijzigd()
    }

    /// Whether leaving the place on top loses typed input: the record
    /// screen, or the list on top (the sociale kaart's form).
    fn bovenste_gewijzigd(&mut self) -> bool {
        if let Some(s) = &self.open {
            s.gewijzigd()
        } else {
            let scherm = self.scherm();
            self.lijsten.van(scherm).gewijzigd()
        }
    }

    /// Shows `tekst` as an error over every screen (bottom right), until
    /// closed.
    pub fn zet_fout(&mut self, tekst: String) {
        self.fout = Some(tekst);
    }

    /// Whether the account is due for a check at `nu` (every
    /// [`CONTROLE_SECONDEN`] seconds); remembers the check.
    pub fn controle_nodig(&mut self, nu: NaiveDateTime) -> bool {
        let nodig = self
            .laatste_controle
            .is_none_or(|t| (nu - t).num_seconds() >= CONTROLE_SECONDEN || nu < t);
        if nodig {
            self.laatste_controle = Some(nu);
        }
        nodig
    }

    /// A click on a screen of the navigation: asks first when typed input
    /// would be lost, then starts the stack anew from that screen.
    pub fn naar(&mut self, scherm: Scherm, loket: &Loket<'_>) {
        if self.bovenste_gewijzigd() {
            self.wacht = Some(Wacht::Naar(scherm));
            return;
        }
        self.ga_naar(scherm, loket);
    }

    fn ga_naar(&mut self, scherm: Scherm, loket: &Loket<'_>) {
        self.open = None;
        self.doelvraag = None;
        self.pad = vec![Plek::Lijst(scherm)];
        self.focus_terug.clear();
        self.lijst_bovenop(scherm, loket);
    }

    /// A list comes on top again: it reads what may have changed.
    fn lijst_bovenop(&mut self, scherm: Scherm, _loket: &Loket<'_>) {
        match scherm {
            Scherm::Inwoners => {
                self.lijsten.inwoners.vernieuw();
                self.lijsten.inwoners.focus_op_zoeken();
            }
            Scherm::Werkvoorraad | Scherm::AveOverzicht => self.lijsten.van(scherm).vernieuw(),
            Scherm::SocialeKaart | Scherm::Rapportage | Scherm::Beheer => {}
        }
    }

    /// Asks to log out: at once, or after the question when typed input
    /// would be lost. Returns whether the app may log out now.
    pub fn vraag_afmelden(&mut self) -> bool {
        if self.gewijzigd() {
            self.wacht = Some(Wacht::Afmelden);
            false
        } else {
            true
        }
    }

    /// Carries out what a screen asked for (after the drawing pass).
    pub fn voer_uit(&mut self, actie: Actie, loket: &Loket<'_>) {
        let navigeert = !matches!(actie, Actie::RegisterGewijzigd(_));
        if navigeert && self.open.as_ref().is_some_and(|s| s.gewijzigd()) {
            self.wacht = Some(Wacht::Actie(actie));
            return;
        }
        self.voer_uit_zonder_vragen(actie, loket);
    }

    fn voer_uit_zonder_vragen(&mut self, actie: Actie, loket: &Loket<'_>) {
        match actie {
            Actie::Terug => self.terug(loket),
            Actie::RegisterGewijzigd(bericht) => {
                for lijst in self.lijsten.alle() {
                    lijst.vernieuw();
                }
                if bericht.is_some() {
                    self.bericht = bericht;
                }
            }
            Actie::MeldingOpgeslagen { inwoner, melding } => {
                // The form gives way to the melding, with the dossier under it.
                if matches!(self.pad.last(), Some(Plek::NieuweMelding(_))) {
                    self.pad.pop();
                }
                if self.pad.last() != Some(&Plek::Dossier(inwoner.clone())) {
                    self.pad.push(Plek::Dossier(inwoner));
                }
                // A new resident may be in the list now.
                self.lijsten.inwoners.vernieuw();
                self.pad.push(Plek::Melding {
                    id: melding,
                    herbeoordelen: None,
                });
                self.bouw_bovenste(loket);
            }
            ander => {
                if let Some(plek) = ander.plek() {
                    self.open_plek(plek, loket);
                }
            }
        }
    }

    /// Opens `plek` over what is shown: a dossier or household only after
    /// the access check and, once per session, the purpose.
    fn open_plek(&mut self, plek: Plek, loket: &Loket<'_>) {
        // Where the focus was, to give it back when this place closes
        // (also when the purpose is asked first: the question's own
        // widgets are not where the worker was).
        if let Some(id) = self.focus_nu {
            self.focus_terug.insert(self.pad.len(), id);
        }
        if let Some(wat) = te_openen(&plek) {
            match loket.open(&wat) {
                Ok(Opening::Open) => {}
                Ok(Opening::VraagDoel) => {
                    // A household opened from a member's dossier (or a
                    // member's dossier from the household) serves the same
                    // purpose: it is not asked twice; the opening is logged
                    // with that purpose.
                    let geerfd = self
                        .doel_van_verwant(&wat, loket)
                        .filter(|doel| loket.open_met_doel(&wat, *doel).is_ok());
                    if geerfd.is_none() {
                        self.doelvraag = Some(Doelvraag {
                            plek,
                            wat,
                            keuze: None,
                            bovenop: false,
                        });
                        return;
                    }
                }
                Ok(Opening::Geweigerd(tekst)) => {
                    self.fout = Some(tekst);
                    return;
                }
                Err(fout) => {
                    self.fout = Some(kan_niet_openen(&wat, &fout.to_string()));
                    return;
                }
            }
        }
        self.pad.push(plek);
        self.bouw_bovenste(loket);
    }

    /// The purpose already answered in this session for the place shown,
    /// when it is the dossier of a member of household `wat` or the household
    /// of dossier `wat`.
    fn doel_van_verwant(&self, wat: &TeOpenen, loket: &Loket<'_>) -> Option<Doel> {
        let sessie = loket.sessie()?;
        let (huishouden, inwoner, onder) = match (wat, self.pad.last()?) {
            (TeOpenen::Huishouden(hh), Plek::Dossier(inw)) => {
                (hh.clone(), inw.clone(), TeOpenen::Dossier(inw.clone()))
            }
            (TeOpenen::Dossier(inw), Plek::Huishouden(hh)) => {
                (hh.clone(), inw.clone(), TeOpenen::Huishouden(hh.clone()))
            }
            _ => return None,
        };
        let doel = sessie.doel(&onder)?;
        let leden = loket.ave_huishouden(&huishouden).ok()?.leden;
        leden.iter().any(|l| l.id == inwoner).then_some(doel)
    }

    /// Back along the stack: the place below is opened afresh (checked
    /// again); one that may not be opened any more is passed over.
    fn terug(&mut self, loket: &Loket<'_>) {
        if self.pad.len() > 1 {
            self.pad.pop();
        }
        // The focus goes back to where it was when the closed place opened.
        self.herstel_focus = self.focus_terug.remove(&self.pad.len());
        self.focus_terug
            .retain(|diepte, _| *diepte < self.pad.len());
        self.open = None;
        loop {
            let Some(boven) = self.pad.last().cloned() else {
                self.pad.push(Plek::Lijst(Scherm::Inwoners));
                continue;
            };
            if let Plek::Lijst(scherm) = boven {
                self.lijst_bovenop(scherm, loket);
                return;
            }
            let Some(wat) = te_openen(&boven) else {
                self.bouw_bovenste(loket);
                return;
            };
            match loket.open(&wat) {
                Ok(Opening::Open) => {
                    self.bouw_bovenste(loket);
                    return;
                }
                Ok(Opening::VraagDoel) => {
                    self.doelvraag = Some(Doelvraag {
                        plek: boven,
                        wat,
                        keuze: None,
                        bovenop: true,
                    });
                    return;
                }
                Ok(Opening::Geweigerd(tekst)) => self.fout = Some(tekst),
                Err(fout) => self.fout = Some(kan_niet_openen(&wat, &fout.to_string())),
            }
            self.pad.pop();
        }
    }

    /// Builds the screen for the record on top of the stack.
    fn bouw_bovenste(&mut self, loket: &Loket<'_>) {
        self.open = match self.pad.last() {
            None | Some(Plek::Lijst(_)) => None,
            Some(Plek::Dossier(id)) => Some(Box::new(DossierScherm::open(loket, id))),
            Some(Plek::Huishouden(id)) => Some(Box::new(HuishoudenScherm::open(loket, id))),
            Some(Plek::Melding {
                id,
                herbeoordelen: None,
            }) => Some(Box::new(MeldingScherm::open(loket, id))),
            Some(Plek::Melding {
                id,
                herbeoordelen: Some(toekenning),
            }) => Some(Box::new(MeldingScherm::open_herbeoordelen(
                loket, id, toekenning,
            ))),
            Some(Plek::NieuweMelding(inwoner)) => Some(Box::new(MeldingNieuwScherm::open(
                loket,
                inwoner.as_deref(),
            ))),
        };
        if let (Some(open), Some(onder)) = (&mut self.open, self.pad.iter().rev().nth(1)) {
            open.zet_onder(onder);
        }
    }

    /// The messages (over the screen, bottom right) and the open question (a
    /// modal in the middle): neither moves the screen. Returns
    /// [`Besluit::Afmelden`] when the user confirmed logging out.
    pub fn meldingen_ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> Besluit {
        let mut besluit = Besluit::Niets;
        if let Some(wacht) = self.wacht.clone() {
            // Asked in the middle, above the screen: a bar above it would
            // push the whole screen down under the cursor (issue 14 point 5).
            egui::Modal::new(egui::Id::unique("weggaan")).show(ui.ctx(), |ui| {
                ui.set_max_width(520.0);
                ui.horizontal_wrapped(|ui| {
                    let (vraag, ja) = match &wacht {
                        Wacht::Afmelden => (
                            "Wijzigingen niet opgeslagen. Toch afmelden? Wat u typte gaat verloren."
                                .to_owned(),
                            "Ja, afmelden".to_owned(),
                        ),
                        Wacht::Naar(scherm) => (
                            "Wijzigingen niet opgeslagen. Toch weggaan?".to_owned(),
                            format!("Ja, naar {}", scherm.naam()),
                        ),
                        Wacht::Actie(_) => (
                            "Wijzigingen niet opgeslagen. Toch weggaan?".to_owned(),
                            "Ja, weggaan".to_owned(),
                        ),
                    };
                    ui.colored_label(FOUT_KLEUR, RichText::new(vraag).strong());
                    if ui.button(ja).clicked() {
                        self.wacht = None;
                        self.gooi_weg();
                        match wacht {
                            Wacht::Afmelden => besluit = Besluit::Afmelden,
                            Wacht::Naar(scherm) => self.ga_naar(scherm, loket),
                            Wacht::Actie(actie) => self.voer_uit_zonder_vragen(actie, loket),
                        }
                    }
                    if ui.button("Nee, blijven").clicked() {
                        self.wacht = None;
                    }
                });
            });
        }
        let (bericht, fout) = (self.bericht.clone(), self.fout.clone());
        if bericht.is_some() || fout.is_some() {
            // Over the screen at the bottom right until closed, not a bar
            // above it: a bar pushed the whole screen down under the cursor
            // when a message came (issue 14 point 5).
            egui::Area::new(egui::Id::unique("sessie_berichten"))
                .anchor(egui::Align2::RIGHT_BOTTOM, [-16.0, -16.0])
                .order(egui::Order::Foreground)
                .show(ui.ctx(), |ui| {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.set_max_width(560.0);
                        if let Some(bericht) = bericht {
                            ui.horizontal_wrapped(|ui| {
                                ui.colored_label(GOED_KLEUR, RichText::new(bericht).strong());
                                if ui.button("Sluiten").clicked() {
                                    self.bericht = None;
                                }
                            });
                        }
                        if let Some(fout) = fout {
                            ui.horizontal_wrapped(|ui| {
                                ui.colored_label(FOUT_KLEUR, RichText::new(fout).strong());
                                if ui.button("Sluiten").clicked() {
                                    self.fout = None;
                                }
                            });
                        }
                    });
                });
        }
        besluit
    }

    /// The user chose to leave: the screen on top and the kaart's form drop
    /// what was typed.
    fn gooi_weg(&mut self) {
        if let Some(s) = &mut self.open {
            s.gooi_weg();
        }
        self.lijsten.kaart.gooi_weg();
    }

    /// Draws the screen on top: the record screen, or the list.
    pub fn scherm_ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> Option<Actie> {
        let actie = self.scherm_zelf_ui(ui, loket);
        // After the screen drew (and perhaps asked focus for its first
        // field): a closed place gives the focus back to where it was.
        if let Some(id) = self.herstel_focus.take() {
            ui.memory_mut(|m| m.request_focus(id));
        }
        self.focus_nu = ui.memory(egui::Memory::focused);
        actie
    }

    fn scherm_zelf_ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> Option<Actie> {
        if let Some(open) = &mut self.open {
            return open.ui(ui, loket);
        }
        if !matches!(self.pad.last(), Some(Plek::Lijst(_))) {
            // A record waits for its purpose: nothing of it is shown yet.
            return None;
        }
        let scherm = self.scherm();
        self.lijsten.van(scherm).ui(ui, loket)
    }

    /// The welcome of an empty register (Beheer's import and demo data).
    pub fn welkom_ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> Option<Actie> {
        self.lijsten.beheer.welkom_ui(ui, loket)
    }

    /// Collects the outcome of an import or demo data started in Beheer
    /// (also while another screen is shown).
    pub fn neem_uitkomst(&mut self, loket: &Loket<'_>) -> Option<Actie> {
        self.lijsten.beheer.neem_uitkomst(loket)
    }

    /// The question for the purpose, as a modal; opens the place once answered.
    pub fn doel_ui(&mut self, ctx: &egui::Context, loket: &Loket<'_>) {
        let Some(vraag) = self.doelvraag.as_mut() else {
            return;
        };
        let (bevestigd, geannuleerd) =
            crate::ui::inloggen::doel_ui(ctx, &vraag.wat, &mut vraag.keuze);
        if geannuleerd {
            let vraag = self.doelvraag.take();
            if vraag.is_some_and(|v| v.bovenop) {
                // Going back to it was asked: pass it over.
                self.terug(loket);
            }
            return;
        }
        if !bevestigd {
            return;
        }
        let Some(vraag) = self.doelvraag.take() else {
            return;
        };
        let Some(doel) = vraag.keuze else {
            return;
        };
        if let Err(fout) = loket.open_met_doel(&vraag.wat, doel) {
            self.fout = Some(format!("Het openen kon niet worden vastgelegd: {fout}"));
            if vraag.bovenop {
                self.terug(loket);
            }
            return;
        }
        if !vraag.bovenop {
            self.pad.push(vraag.plek);
        }
        self.bouw_bovenste(loket);
    }
}

/// What opening a place needs the purpose for, if anything.
fn te_openen(plek: &Plek) -> Option<TeOpenen> {
    match plek {
        Plek::Dossier(id) => Some(TeOpenen::Dossier(id.clone())),
        Plek::Huishouden(id) => Some(TeOpenen::Huishouden(id.clone())),
        Plek::Lijst(_) | Plek::Melding { .. } | Plek::NieuweMelding(_) => None,
    }
}

/// "Het dossier kan niet worden geopend: …" and the like.
fn kan_niet_openen(wat: &TeOpenen, fout: &str) -> String {
    match wat {
        TeOpenen::Dossier(_) => format!("Het dossier kan niet worden geopend: {fout}"),
        TeOpenen::Huishouden(_) => format!("Het huishouden kan niet worden geopend: {fout}"),
    }
}
