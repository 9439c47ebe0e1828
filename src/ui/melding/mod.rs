//! The Melding screen: one melding's klantreis. A header (who, when, the
//! question), the step indicator (done steps with date and who, what is
//! still to do), the legal deadline, the recorded steps with their
//! corrections, and the forms for the next step: the afwegingsladder, a
//! verwijzing, a besluit on maatwerk, op- en afschalen and beëindigen.
//!
//! The screen reads its data once per change ([`MeldingScherm::vernieuw`])
//! and writes through the gateway (`Loket`), one store call per button. The rules
//! (step order, ladder, matched care, contracts) live in the store and the
//! domain; a refused save shows their Dutch messages beside the fields.
//!
//! One file per part of the screen, each an `impl MeldingScherm` block on
//! the state kept here: [`kop`] (header, step bar, deadline), [`stap`] (the
//! recorded steps, corrections, the next step), [`afweging`] (the ladder),
//! [`verwijzing`], [`besluit`] (maatwerk, matched care, op- en afschalen),
//! [`toekenningen`]; [`nieuw`] is the screen *Nieuwe inwoner + melding*.
//! Which form the field errors and the cursor belong to is a [`Formulier`].

#![allow(
    clippy::many_single_char_names,
    reason = "form code: f = field errors, g = data, h = handeling, r = response, t = tijdstip"
)]

mod afweging;
mod besluit;
mod kop;
pub mod nieuw;
mod schuldhulp;
mod stap;
mod toekenningen;
mod verwijzing;

use kop::{kop_ui, stappenbalk_ui, termijn_ui};

use std::collections::BTreeMap;

use chrono::NaiveDate;
use egui::RichText;

use crate::domain::datum::nl;
use crate::domain::klantreis::{Afwegingsladder, Stap};
use crate::domain::{BesluitUitkomst, Leveringsvorm, MeldingUitkomst, VerwijzingStatus};
use crate::gateway::Loket;
use crate::store::StoreFout;
use crate::store::dossier::Dossier;
use crate::store::klantreis::{CorrectieRij, MeldingKern, PassendeVoorziening, StapRij};
use crate::ui::actie::{Actie, Plek};
use crate::ui::scherm::SchermUi;
use crate::ui::theme::{FOUT_KLEUR, GOED_KLEUR};
use crate::ui::widgets::toekenning_einde::{EindeFormulier, loopt};
use crate::ui::widgets::{Focus, FocusGeheugen, Fouten, fouten_uit};

/// Height of the reserved place for the outcome of the last action (two
/// lines; a longer message scrolls inside it).
const UITKOMST_HOOGTE: f32 = 40.0;

/// Everything the screen shows, read at once.
struct Gegevens {
    kern: MeldingKern,
    naam: String,
    bron: String,
    intaker: Option<String>,
    gevraagd: Option<String>,
    /// Dates on the melding itself (imported data has no step rows for them).
    gesprek: Option<NaiveDate>,
    onderzoek_klaar: Option<NaiveDate>,
    stappen: Vec<StapRij>,
    correcties: BTreeMap<i64, Vec<CorrectieRij>>,
    nog_te_doen: Vec<Stap>,
    ladder: Afwegingsladder,
    passend: Vec<PassendeVoorziening>,
    dossier: Dossier,
    medewerkers: Vec<(Option<String>, String)>,
}

impl Gegevens {
    fn lees(loket: &Loket<'_>, id: &str) -> Result<Gegevens, StoreFout> {
        let kern = loket.melding(id)?;
        let dossier = loket.dossier(&kern.inwoner)?;
        let regel = dossier.meldingen.iter().find(|m| m.id == id);
        let stappen = loket.stappen(id)?;
        let mut correcties = BTreeMap::new();
        for s in &stappen {
            let c = loket.correcties(s.id)?;
            if !c.is_empty() {
                correcties.insert(s.id, c);
            }
        }
        Ok(Gegevens {
            naam: dossier.inwoner.naam(),
            bron: regel.map_or_else(String::new, |m| m.bron.label().to_owned()),
            gevraagd: regel.and_then(|m| m.gevraagde_voorziening.clone()),
            gesprek: regel.and_then(|m| m.gesprek),
            onderzoek_klaar: regel.and_then(|m| m.onderzoek_klaar),
            intaker: regel.and_then(|m| m.medewerker.clone()),
            nog_te_doen: loket.nog_te_doen(id)?,
            ladder: loket.afweging(id)?,
            passend: loket.passende_voorzieningen(id, loket.vandaag())?,
            medewerkers: loket
                .medewerkers()?
                .into_iter()
                .map(|m| (Some(m.id), m.naam))
                .collect(),
            stappen,
            correcties,
            dossier,
            kern,
        })
    }

    fn medewerker_naam(&self, id: &str) -> String {
        self.medewerkers
            .iter()
            .find(|(m, _)| m.as_deref() == Some(id))
            .map_or_else(|| id.to_owned(), |(_, n)| n.clone())
    }

    fn eerste(&self, stap: Stap) -> Option<NaiveDate> {
        self.stappen
            .iter()
            .find(|s| s.stap == stap)
            .map(|s| s.datum)
    }
}

#[derive(Default)]
struct StapForm {
    stap: Option<Stap>,
    datum: String,
    notitie: String,
    uitkomst: Option<MeldingUitkomst>,
}

#[derive(Default)]
struct CorrectieForm {
    stap_id: i64,
    datum: String,
    medewerker: Option<String>,
    notitie: String,
}

#[derive(Default)]
struct LadderForm {
    ladder: Afwegingsladder,
    datum: String,
    voorziening: Option<String>,
    notitie: String,
}

#[derive(Default)]
struct VerwijzingForm {
    voorziening: Option<String>,
    datum: String,
    notitie: String,
}

#[derive(Default)]
struct BijwerkForm {
    id: String,
    status: Option<VerwijzingStatus>,
    afgerond_op: String,
    opgelost: Option<bool>,
}

struct BesluitForm {
    /// Op- of afschalen of this running toekenning (new decision from `vanaf`).
    vorige: Option<String>,
    vanaf: String,
    aanvraag: String,
    besluit: String,
    uitkomst: BesluitUitkomst,
    reden_afwijzing: String,
    voorziening: Option<String>,
    aanbieder: Option<String>,
    start: String,
    eind: String,
    leveringsvorm: Leveringsvorm,
    volume: String,
    eenheid: String,
    doorbraak: bool,
    notitie: String,
    vraag_bevestiging: bool,
    /// Matched care on the day it was read for.
    aanbod: Option<(NaiveDate, Result<Vec<PassendeVoorziening>, String>)>,
}

/// The forms of the Melding screen: which one the field errors and the
/// cursor belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Formulier {
    /// The next step (gesprek, analyse, …).
    Stap,
    /// A correction of a recorded step.
    Correctie,
    /// The afwegingsladder.
    Ladder,
    /// Closing the melding on the ladder's outcome.
    Afronden,
    /// Updating a verwijzing.
    Bijwerken,
    /// A new verwijzing.
    Verwijzing,
    /// The besluit on maatwerk (also op- en afschalen).
    Besluit,
    /// The start of a schuldhulp traject phase.
    Fase,
}

/// State of the Melding screen.
pub struct MeldingScherm {
    id: String,
    gegevens: Result<Gegevens, String>,
    stap: StapForm,
    correctie: Option<CorrectieForm>,
    ladder: LadderForm,
    verwijzing: Option<VerwijzingForm>,
    bijwerken: Option<BijwerkForm>,
    besluit: Option<BesluitForm>,
    einde: Option<EindeFormulier>,
    /// The start of a schuldhulp traject phase.
    fase: schuldhulp::FaseForm,
    fouten: Fouten,
    /// Which form `fouten` belong to.
    fouten_van: Option<Formulier>,
    algemeen: Option<String>,
    bericht: Option<String>,
    vraag_weggaan: bool,
    /// The user chose to leave without saving what was typed.
    weggegooid: bool,
    /// What *Terug* says (where it goes).
    terug: &'static str,
    /// The running toekenning whose op- en afschaalformulier was asked for on opening.
    herbeoordelen: Option<String>,
    /// Scroll the besluit form into view once it opens.
    scroll_besluit: bool,
    /// The form that just opened (the besluit, a correction): the cursor goes
    /// to its first field.
    focus_naar: Option<Formulier>,
    /// Where the keyboard was as this frame began (which form Enter or Esc is for).
    focus: Focus,
    focus_geheugen: FocusGeheugen,
    /// Forms drawn in the last frame and in this one (one form alone takes
    /// Enter and Esc without focus).
    formulieren_vorig: usize,
    formulieren: usize,
    /// A form took this frame's Esc (it was cancelled).
    esc_gebruikt: bool,
    /// Per open sub-form, the widget that had the focus when it opened
    /// (the button pressed): the focus goes back there when it closes.
    terug_naar: Vec<Option<egui::Id>>,
}

impl MeldingScherm {
    /// Opens melding `id`.
    #[must_use]
    pub fn open(loket: &Loket<'_>, id: &str) -> MeldingScherm {
        let mut s = MeldingScherm {
            id: id.to_owned(),
            gegevens: Err(String::new()),
            stap: StapForm::default(),
            correctie: None,
            ladder: LadderForm::default(),
            verwijzing: None,
            bijwerken: None,
            besluit: None,
            fase: schuldhulp::FaseForm::default(),
            einde: None,
            fouten: Fouten::new(),
            fouten_van: None,
            algemeen: None,
            bericht: None,
            vraag_weggaan: false,
            weggegooid: false,
            terug: "Terug naar het dossier",
            herbeoordelen: None,
            scroll_besluit: false,
            focus_naar: None,
            focus: Focus::default(),
            focus_geheugen: FocusGeheugen::default(),
            formulieren_vorig: 0,
            formulieren: 0,
            esc_gebruikt: false,
            terug_naar: Vec::new(),
        };
        s.vernieuw(loket);
        s
    }

    /// Opens melding `id` with the form "Op- of afschalen" of its running
    /// toekenning `toekenning` open (from a row in the dossier).
    #[must_use]
    pub fn open_herbeoordelen(loket: &Loket<'_>, id: &str, toekenning: &str) -> MeldingScherm {
        let mut s = MeldingScherm::open(loket, id);
        s.herbeoordelen = Some(toekenning.to_owned());
        if let Ok(g) = &s.gegevens
            && g.dossier
                .toekenningen
                .iter()
                .any(|t| t.id == toekenning && t.melding.as_deref() == Some(id) && loopt(t))
        {
            s.besluit = Some(BesluitForm::nieuw(
                g,
                loket.vandaag(),
                Some(toekenning.to_owned()),
            ));
            s.scroll_besluit = true;
            s.focus_naar = Some(Formulier::Besluit);
        }
        s
    }

    /// How many sub-forms are open (a correction, a verwijzing or its
    /// status update, a besluit, the end of a toekenning).
    fn open_subformulieren(&self) -> usize {
        [
            self.correctie.is_some(),
            self.verwijzing.is_some(),
            self.bijwerken.is_some(),
            self.besluit.is_some(),
            self.einde.is_some(),
        ]
        .into_iter()
        .filter(|open| *open)
        .count()
    }

    /// Keeps where the focus was when a sub-form opened (`open_voor` forms
    /// were open as the frame began) and gives it back there when the form
    /// closes: Esc or *Annuleren* in a sub-form returns the cursor to the
    /// button that opened it, not to the top of the window.
    fn focus_terug(&mut self, ui: &egui::Ui, open_voor: usize) {
        let open_na = self.open_subformulieren();
        for _ in open_voor..open_na {
            self.terug_naar.push(self.focus.id());
        }
        for _ in open_na..open_voor {
            if let Some(Some(id)) = self.terug_naar.pop() {
                ui.memory_mut(|m| m.request_focus(id));
            }
        }
    }

    /// Counts a form drawn this frame; true when it was the only one last frame.
    fn formulier_geteld(&mut self) -> bool {
        self.formulieren += 1;
        self.formulieren_vorig == 1
    }

    /// Reads the melding again and resets the forms to what is stored.
    pub fn vernieuw(&mut self, loket: &Loket<'_>) {
        self.gegevens = Gegevens::lees(loket, &self.id)
            .map_err(|f| format!("De melding kon niet worden gelezen: {f}"));
        let vandaag = nl(loket.vandaag());
        self.stap = StapForm {
            datum: vandaag.clone(),
            ..StapForm::default()
        };
        if let Ok(g) = &self.gegevens {
            // Only the obvious next step is chosen beforehand; a choice between
            // outcomes is left to the worker.
            self.stap.stap = g
                .nog_te_doen
                .iter()
                .copied()
                .find(|s| matches!(s, Stap::Gesprek | Stap::Analyse | Stap::LeveringEvaluatie));
            self.ladder = LadderForm {
                ladder: g.ladder.clone(),
                datum: g.eerste(Stap::Afweging).map_or(vandaag, nl),
                ..LadderForm::default()
            };
        }
        self.correctie = None;
        self.verwijzing = None;
        self.bijwerken = None;
        self.besluit = None;
        self.einde = None;
        self.vraag_weggaan = false;
    }

    /// Whether a form holds typed, unsaved input.
    #[must_use]
    pub fn gewijzigd(&self) -> bool {
        if self.weggegooid {
            return false;
        }
        let ladder_anders = self
            .gegevens
            .as_ref()
            .is_ok_and(|g| g.ladder != self.ladder.ladder);
        ladder_anders
            || !self.stap.notitie.trim().is_empty()
            || self.correctie.is_some()
            || self
                .verwijzing
                .as_ref()
                .is_some_and(|v| v.voorziening.is_some() || !v.notitie.is_empty())
            || self.besluit.is_some()
            || self.einde.as_ref().is_some_and(EindeFormulier::gewijzigd)
    }

    /// Handles a write's result: refresh on success, errors beside the fields otherwise.
    fn na_opslaan<T>(
        &mut self,
        form: Formulier,
        uitkomst: Result<T, StoreFout>,
        bericht: &str,
        loket: &Loket<'_>,
    ) -> bool {
        match uitkomst {
            Ok(_) => {
                self.fouten.clear();
                self.algemeen = None;
                self.bericht = Some(bericht.to_owned());
                self.vernieuw(loket);
                true
            }
            Err(fout) => {
                let (f, a) = fouten_uit(&fout);
                self.fouten = f;
                self.fouten_van = Some(form);
                self.algemeen = a;
                self.bericht = None;
                false
            }
        }
    }
}

impl SchermUi for MeldingScherm {
    /// Draws the screen; returns what the user asked for.
    fn ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> Option<Actie> {
        let mut actie = None;
        ui.horizontal(|ui| {
            if ui.button(format!("{} (Esc)", self.terug)).clicked() {
                if self.gewijzigd() {
                    self.vraag_weggaan = true;
                } else {
                    actie = Some(Actie::Terug);
                }
            }
        });
        self.focus = self.focus_geheugen.begin(ui);
        self.formulieren_vorig = std::mem::take(&mut self.formulieren);
        self.esc_gebruikt = false;
        let open_voor = self.open_subformulieren();
        if self.vraag_weggaan {
            // Asked in the middle, above the screen: nothing on the screen
            // moves for the question (issue 14 point 5).
            egui::Modal::new(egui::Id::unique("melding_weggaan")).show(ui.ctx(), |ui| {
                ui.label(
                    RichText::new("Wijzigingen niet opgeslagen. Toch weggaan?")
                        .strong()
                        .color(FOUT_KLEUR),
                );
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Ja, weggaan").clicked() {
                        // What was typed is dropped: the app need not ask again.
                        self.weggegooid = true;
                        actie = Some(Actie::Terug);
                    }
                    if ui.button("Nee, blijven").clicked() {
                        self.vraag_weggaan = false;
                    }
                });
            });
        }
        let g = match std::mem::replace(&mut self.gegevens, Err(String::new())) {
            Ok(g) => g,
            Err(f) => {
                ui.colored_label(FOUT_KLEUR, &f);
                self.gegevens = Err(f);
                return actie;
            }
        };
        let mut opnieuw = false;
        // Its own scroll position: a melding opens at its top, not where
        // the screen before it (the werkvoorraad) was scrolled to.
        egui::ScrollArea::vertical()
            .id_salt(("melding", self.id.as_str()))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                kop_ui(ui, &g);
                // A reserved place of two lines for the outcome of the last
                // action, so the step bar and the forms below do not move
                // when it shows; a longer message scrolls inside it.
                ui.allocate_ui_with_layout(
                    egui::vec2(ui.available_width(), UITKOMST_HOOGTE),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_min_size(egui::vec2(ui.available_width(), UITKOMST_HOOGTE));
                        egui::ScrollArea::vertical()
                            .id_salt("melding_uitkomst")
                            .max_height(UITKOMST_HOOGTE)
                            .auto_shrink([false, false])
                            .show(ui, |ui| match (&self.algemeen, &self.bericht) {
                                (Some(a), _) => {
                                    ui.add(
                                        egui::Label::new(
                                            RichText::new(a).strong().color(FOUT_KLEUR),
                                        )
                                        .wrap(),
                                    );
                                }
                                (None, Some(b)) => {
                                    ui.add(
                                        egui::Label::new(
                                            RichText::new(b).strong().color(GOED_KLEUR),
                                        )
                                        .wrap(),
                                    );
                                }
                                (None, None) => {}
                            });
                    },
                );
                ui.add_space(6.0);
                stappenbalk_ui(ui, &g);
                termijn_ui(ui, &g, loket.vandaag());
                opnieuw |= self.schuldhulp_ui(ui, &g, loket);
                ui.add_space(6.0);
                // What to do now first, the history below.
                if g.kern.afgesloten.is_none() {
                    if g.stappen.iter().any(|s| s.stap == Stap::Analyse)
                        || g.nog_te_doen.contains(&Stap::Afweging)
                    {
                        opnieuw |= self.ladder_ui(ui, &g, loket);
                    }
                    opnieuw |= self.volgende_stap_ui(ui, &g, loket);
                }
                opnieuw |= self.verwijzingen_ui(ui, &g, loket);
                opnieuw |= self.besluit_ui(ui, &g, loket);
                opnieuw |= self.toekenningen_ui(ui, &g, loket);
                opnieuw |= self.stappen_ui(ui, &g, loket);
            });
        if !opnieuw {
            self.gegevens = Ok(g);
        }
        self.focus_terug(ui, open_voor);
        // Esc that no form took: back to the dossier, asking first when
        // something typed is not saved.
        if self.focus.esc(ui) && !self.esc_gebruikt && actie.is_none() {
            if self.vraag_weggaan || !self.gewijzigd() {
                self.weggegooid = self.vraag_weggaan;
                actie = Some(Actie::Terug);
            } else {
                self.vraag_weggaan = true;
                ui.ctx().request_repaint();
            }
        }
        self.focus_geheugen.einde(ui);
        actie
    }

    fn gewijzigd(&self) -> bool {
        MeldingScherm::gewijzigd(self)
    }

    fn gooi_weg(&mut self) {
        self.weggegooid = true;
    }

    fn plek(&self) -> Option<Plek> {
        Some(Plek::Melding {
            id: self.id.clone(),
            herbeoordelen: self.herbeoordelen.clone(),
        })
    }

    fn zet_onder(&mut self, onder: &Plek) {
        self.terug = onder.terug_tekst(false);
    }
}

/// Steps recorded with the plain step form (the others have their own form).
fn vrij_vast_te_leggen(stap: Stap) -> bool {
    !matches!(
        stap,
        Stap::Melding | Stap::Afweging | Stap::Verwijzing | Stap::AanvraagBesluit
    )
}

/// Points to the dossier for the resident's rows that belong to another
/// melding (or, for toekenningen, to none).
fn andere_ui(ui: &mut egui::Ui, aantal: usize, wat: &str) {
    if aantal > 0 {
        ui.weak(format!(
            "De inwoner heeft nog {aantal} andere {wat}: die staan in het dossier."
        ));
    }
}

fn hoofdletter(tekst: &str) -> String {
    let mut c = tekst.chars();
    c.next().map_or_else(String::new, |e| {
        e.to_uppercase().collect::<String>() + c.as_str()
    })
}

/// The maatwerk button, disabled, with the reason beside it.
fn maatwerk_knop_ui(ui: &mut egui::Ui, reden: &str) {
    ui.horizontal(|ui| {
        ui.add_enabled(false, egui::Button::new("Maatwerkbesluit nemen"));
        ui.label(format!(
            "Kan nog niet: {reden}. Maatwerk pas als alle vier treden 'lost het niet op' zijn."
        ));
    });
}

/// Why the fitting provisions of kind `soort` (`None`: algemene and
/// voorliggende, for a verwijzing) offer nothing to choose for this melding,
/// and what to do about it; `None` when something can be chosen. A maatwerk
/// list whose providers all lack a contract running on `dag` says so.
fn leeg_aanbod_uitleg(
    kern: &MeldingKern,
    passend: &[PassendeVoorziening],
    soort: Option<crate::domain::VoorzieningSoort>,
    dag: NaiveDate,
) -> Option<String> {
    use crate::domain::VoorzieningSoort;
    let past = |p: &&PassendeVoorziening| match soort {
        Some(s) => p.soort == s,
        None => p.soort != VoorzieningSoort::Maatwerk,
    };
    let lijst: Vec<&PassendeVoorziening> = passend.iter().filter(past).collect();
    let gebieden = if kern.leefgebieden.is_empty() {
        "(geen leefgebied vastgelegd)".to_owned()
    } else {
        kern.leefgebieden
            .iter()
            .map(|l| l.label())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let wet = kern.wet.map_or_else(
        || "zonder wet".to_owned(),
        |w| format!("onder de {}", w.label()),
    );
    if soort == Some(VoorzieningSoort::Maatwerk) {
        if kern.wet.is_none() {
            return Some("Geen maatwerkvoorziening: de melding heeft geen wet. Wat te doen: leg de wet van de melding vast (Corrigeren bij de stap Melding).".to_owned());
        }
        if lijst.is_empty() {
            return Some(format!(
                "Geen maatwerkvoorziening {wet} voor de leefgebieden {gebieden} op de sociale kaart. Wat te doen: vraag de beheerder (Sociale kaart) een voorziening deze leefgebieden te geven, of corrigeer de leefgebieden of de wet van de melding."
            ));
        }
        let met_contract = lijst
            .iter()
            .any(|p| p.aanbieders.iter().any(|a| a.actief_contract.is_some()));
        if !met_contract {
            return Some(format!(
                "Geen aanbieder van een passende maatwerkvoorziening heeft op {} een actief contract {wet}. Wat te doen: vraag de beheerder (Sociale kaart) een contract vast te leggen, of kies een aanbieder en leg een maatwerkcontract vast.",
                nl(dag)
            ));
        }
        return None;
    }
    lijst.is_empty().then(|| format!(
        "Geen algemene of voorliggende voorziening voor de leefgebieden {gebieden} op de sociale kaart. Wat te doen: vraag de beheerder (Sociale kaart) een voorziening deze leefgebieden te geven, of corrigeer de leefgebieden van de melding."
    ))
}
