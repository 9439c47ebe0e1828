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

#![allow(
    clippy::many_single_char_names,
    reason = "form code: f = field errors, g = data, h = handeling, r = response, t = tijdstip"
)]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use egui::{Color32, RichText};

use crate::domain::datum::nl;
use crate::domain::klantreis::{
    Afwegingsladder, LadderUitkomst, Stap, Trede, TredeSoort, termijn_aanvraag, termijn_melding,
};
use crate::domain::termijnen::TermijnStatus;
use crate::domain::{
    BesluitUitkomst, Leveringsvorm, MeldingUitkomst, VerwijzingStatus, VoorzieningSoort,
};
use crate::gateway::Loket;
use crate::store::StoreFout;
use crate::store::dossier::Dossier;
use crate::store::klantreis::{
    CorrectieRij, MeldingKern, NieuwBesluit, NieuweStap, PassendeVoorziening, StapCorrectie,
    StapRij,
};
use crate::ui::app::Actie;
use crate::ui::theme::{FOUT_KLEUR, GOED_KLEUR, ave_kleur};
use crate::ui::toekenning_einde::{EindeFormulier, EindeUitkomst, loopt};
use crate::ui::widgets::datum::{datumveld_ui, lees};
use crate::ui::widgets::{
    Focus, FocusGeheugen, Fouten, fout_ui, fouten_uit, keuze_ui, markeer_meerregelig, tekstvak_ui,
    tekstveld_ui,
};

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
    fouten: Fouten,
    /// Which form `fouten` belong to.
    fouten_van: &'static str,
    algemeen: Option<String>,
    bericht: Option<String>,
    vraag_weggaan: bool,
    /// Scroll the besluit form into view once it opens.
    scroll_besluit: bool,
    /// The form that just opened ("besluit", "correctie"): the cursor goes
    /// to its first field.
    focus_naar: Option<&'static str>,
    /// Where the keyboard was as this frame began (which form Enter or Esc is for).
    focus: Focus,
    focus_geheugen: FocusGeheugen,
    /// Forms drawn in the last frame and in this one (one form alone takes
    /// Enter and Esc without focus).
    formulieren_vorig: usize,
    formulieren: usize,
    /// A form took this frame's Esc (it was cancelled).
    esc_gebruikt: bool,
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
            einde: None,
            fouten: Fouten::new(),
            fouten_van: "",
            algemeen: None,
            bericht: None,
            vraag_weggaan: false,
            scroll_besluit: false,
            focus_naar: None,
            focus: Focus::default(),
            focus_geheugen: FocusGeheugen::default(),
            formulieren_vorig: 0,
            formulieren: 0,
            esc_gebruikt: false,
        };
        s.vernieuw(loket);
        s
    }

    /// Opens melding `id` with the form "Op- of afschalen" of its running
    /// toekenning `toekenning` open (from a row in the dossier).
    #[must_use]
    pub fn open_herbeoordelen(loket: &Loket<'_>, id: &str, toekenning: &str) -> MeldingScherm {
        let mut s = MeldingScherm::open(loket, id);
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
            s.focus_naar = Some("besluit");
        }
        s
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
        form: &'static str,
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
                self.fouten_van = form;
                self.algemeen = a;
                self.bericht = None;
                false
            }
        }
    }

    /// Draws the screen; returns what the user asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> Option<Actie> {
        let mut actie = None;
        let inwoner = self.gegevens.as_ref().ok().map(|g| g.kern.inwoner.clone());
        let terug = || {
            inwoner
                .clone()
                .map_or(Actie::TerugNaarLijst, Actie::OpenDossier)
        };
        ui.horizontal(|ui| {
            if ui.button("Terug naar het dossier (Esc)").clicked() {
                if self.gewijzigd() {
                    self.vraag_weggaan = true;
                } else {
                    actie = Some(terug());
                }
            }
        });
        self.focus = self.focus_geheugen.begin(ui);
        self.formulieren_vorig = std::mem::take(&mut self.formulieren);
        self.esc_gebruikt = false;
        if self.vraag_weggaan {
            ui.horizontal(|ui| {
                ui.colored_label(
                    FOUT_KLEUR,
                    RichText::new("Wijzigingen niet opgeslagen. Toch weggaan?").strong(),
                );
                if ui.button("Ja, weggaan").clicked() {
                    actie = Some(terug());
                }
                if ui.button("Nee, blijven").clicked() {
                    self.vraag_weggaan = false;
                }
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
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                kop_ui(ui, &g);
                if let Some(b) = &self.bericht {
                    ui.colored_label(GOED_KLEUR, RichText::new(b).strong());
                }
                if let Some(a) = &self.algemeen {
                    ui.colored_label(FOUT_KLEUR, RichText::new(a).strong());
                }
                ui.add_space(6.0);
                stappenbalk_ui(ui, &g);
                termijn_ui(ui, &g, loket.vandaag());
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
        // Esc that no form took: back to the dossier, asking first when
        // something typed is not saved.
        if self.focus.esc(ui) && !self.esc_gebruikt && actie.is_none() {
            if self.vraag_weggaan || !self.gewijzigd() {
                actie = Some(terug());
            } else {
                self.vraag_weggaan = true;
                ui.ctx().request_repaint();
            }
        }
        self.focus_geheugen.einde(ui);
        actie
    }

    fn stappen_ui(&mut self, ui: &mut egui::Ui, g: &Gegevens, loket: &Loket<'_>) -> bool {
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
                        self.focus_naar = Some("correctie");
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
        let focus_zetten = self.focus_naar == Some("correctie");
        if focus_zetten {
            self.focus_naar = None;
        }
        if let Some(c) = &mut self.correctie {
            let groep = ui.group(|ui| {
                ui.label(RichText::new("Stap corrigeren (de correctie wordt bewaard)").strong());
                let f = if self.fouten_van == "correctie" {
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
                self.fouten_van = "correctie";
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
            return self.na_opslaan("correctie", r, "Correctie opgeslagen.", loket);
        }
        false
    }

    fn volgende_stap_ui(&mut self, ui: &mut egui::Ui, g: &Gegevens, loket: &Loket<'_>) -> bool {
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
        let f = if self.fouten_van == "stap" {
            self.fouten.clone()
        } else {
            Fouten::new()
        };
        let enig = self.formulier_geteld();
        let focus = self.focus;
        let wie = loket
            .sessie()
            .map_or_else(String::new, |s| s.naam().to_owned());
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
            self.fouten_van = "stap";
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
        self.na_opslaan("stap", r, &tekst, loket)
    }

    #[allow(clippy::too_many_lines, reason = "one form, read top to bottom")]
    fn ladder_ui(&mut self, ui: &mut egui::Ui, g: &Gegevens, loket: &Loket<'_>) -> bool {
        ui.separator();
        ui.label(RichText::new("Afwegingsladder").strong().size(17.0));
        ui.label("Beantwoord de treden van boven naar beneden. Een trede kan pas als de trede erboven is beantwoord met 'lost het niet op'.");
        let f = if self.fouten_van == "ladder" {
            self.fouten.clone()
        } else {
            Fouten::new()
        };
        let mut vorige_open = false;
        let mut opgelost_boven = false;
        let enig = self.formulier_geteld();
        let focus = self.focus;
        let vorm = ui.scope(|ui| {
            egui::Grid::new("ladder")
                .num_columns(3)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    for (n, soort) in TredeSoort::ALLE.iter().enumerate() {
                        let bewerkbaar = !vorige_open && !opgelost_boven;
                        let mut trede = self.ladder.ladder.trede(*soort).clone();
                        ui.label(
                            RichText::new(format!("{}. {}", n + 1, hoofdletter(soort.label())))
                                .strong(),
                        );
                        ui.add_enabled_ui(bewerkbaar, |ui| {
                            ui.horizontal(|ui| {
                                if ui
                                    .radio(
                                        trede.lost_op == Some(true),
                                        format!("{}: lost het op", soort.label()),
                                    )
                                    .clicked()
                                {
                                    trede.lost_op = Some(true);
                                }
                                if ui
                                    .radio(
                                        trede.lost_op == Some(false),
                                        format!("{}: lost het niet op", soort.label()),
                                    )
                                    .clicked()
                                {
                                    trede.lost_op = Some(false);
                                }
                            });
                        });
                        ui.end_row();
                        let wl = ui.label(format!("Waarom ({}):", soort.label()));
                        ui.add_enabled_ui(bewerkbaar, |ui| {
                            ui.add(
                                egui::TextEdit::singleline(&mut trede.toelichting)
                                    .desired_width(520.0)
                                    .char_limit(crate::ui::widgets::lengte::LANGE_TEKST),
                            )
                            .labelled_by(wl.id);
                        });
                        let fout = f.get(soort.veld()).cloned().or_else(|| {
                            (trede.lost_op.is_some() && trede.toelichting.trim().is_empty())
                                .then(|| "vul in waarom (verplicht)".to_owned())
                        });
                        fout_ui(ui, fout.as_ref());
                        ui.end_row();
                        if !bewerkbaar {
                            trede = Trede::default();
                        }
                        vorige_open |= trede.lost_op.is_none();
                        opgelost_boven |= trede.lost_op == Some(true);
                        self.ladder.ladder.zet(*soort, trede);
                    }
                    datumveld_ui(
                        ui,
                        "Datum afweging:",
                        &mut self.ladder.datum,
                        f.get("datum"),
                        loket.vandaag(),
                    );
                });
        });
        let mut opnieuw = false;
        let opgeslagen = g.ladder == self.ladder.ladder;
        let knoppen = ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    !opgeslagen,
                    egui::Button::new(RichText::new("Afweging opslaan").strong()),
                )
                .clicked()
            {
                opnieuw = true;
            }
            if opgeslagen
                && g.ladder.uitkomst() != LadderUitkomst::Onvolledig(TredeSoort::EigenKracht)
            {
                ui.label("De afweging is opgeslagen.");
            } else if !opgeslagen {
                ui.colored_label(ave_kleur(2), "Nog niet opgeslagen.");
            }
        });
        opnieuw |= !opgeslagen
            && focus.enter_voor(ui, vorm.response.rect.union(knoppen.response.rect), enig);
        if opnieuw {
            let Some(datum) = lees(&self.ladder.datum) else {
                self.fouten =
                    Fouten::from([("datum".to_owned(), "typ de datum als dd-mm-jjjj".to_owned())]);
                self.fouten_van = "ladder";
                return false;
            };
            let r = loket.afweging_opslaan(&self.id, datum, &self.ladder.ladder);
            return self.na_opslaan("ladder", r, "Afweging opgeslagen.", loket);
        }
        // The outcome, on the ladder as saved.
        match g.ladder.uitkomst() {
            LadderUitkomst::OpgelostDoor(soort) if opgeslagen => {
                ui.colored_label(
                    GOED_KLEUR,
                    RichText::new(format!(
                        "De trede '{}' lost de vraag op: geen maatwerk nodig.",
                        soort.label()
                    ))
                    .strong(),
                );
                let soort_nodig = match soort {
                    TredeSoort::AlgemeneVoorziening => Some(VoorzieningSoort::Algemeen),
                    TredeSoort::VoorliggendeVoorziening => Some(VoorzieningSoort::Voorliggend),
                    _ => None,
                };
                let mut afronden = false;
                let f_af = if self.fouten_van == "afronden" {
                    self.fouten.clone()
                } else {
                    Fouten::new()
                };
                egui::Grid::new("ladder-uitkomst")
                    .num_columns(3)
                    .show(ui, |ui| {
                        if let Some(sn) = soort_nodig {
                            let opties: Vec<(Option<String>, String)> = g
                                .passend
                                .iter()
                                .filter(|v| v.soort == sn)
                                .map(|v| (Some(v.id.clone()), v.naam.clone()))
                                .collect();
                            keuze_ui(
                                ui,
                                "Verwijzen naar:",
                                &mut self.ladder.voorziening,
                                &opties,
                                f_af.get("voorziening"),
                            );
                        }
                        let r = tekstvak_ui(
                            ui,
                            "Notitie bij afsluiten:",
                            &mut self.ladder.notitie,
                            f_af.get("notitie"),
                        );
                        markeer_meerregelig(ui, &r);
                    });
                let knop = match soort_nodig {
                    Some(_) => format!(
                        "Verwijzen en melding afsluiten ({})",
                        soort.melding_uitkomst().label().to_lowercase()
                    ),
                    None => format!(
                        "Melding afsluiten met uitkomst {}",
                        soort.melding_uitkomst().label().to_lowercase()
                    ),
                };
                if ui.button(RichText::new(knop).strong()).clicked() {
                    afronden = true;
                }
                maatwerk_knop_ui(
                    ui,
                    &format!("de trede '{}' lost de vraag op", soort.label()),
                );
                if afronden {
                    let datum = lees(&self.ladder.datum).unwrap_or(loket.vandaag());
                    let r = loket.afronden_volgens_ladder(
                        &self.id,
                        datum,
                        self.ladder.voorziening.as_deref(),
                        &self.ladder.notitie,
                    );
                    return self.na_opslaan(
                        "afronden",
                        r,
                        "Melding afgesloten volgens de afwegingsladder.",
                        loket,
                    );
                }
            }
            LadderUitkomst::Maatwerk if opgeslagen => {
                ui.label(
                    "Geen trede lost de vraag op: een maatwerkvoorziening kan worden aangevraagd.",
                );
                if ui
                    .button(RichText::new("Maatwerkbesluit nemen").strong())
                    .clicked()
                    && self.besluit.is_none()
                {
                    self.besluit = Some(BesluitForm::nieuw(g, loket.vandaag(), None));
                    self.scroll_besluit = true;
                    self.focus_naar = Some("besluit");
                }
            }
            LadderUitkomst::Onvolledig(soort) => {
                maatwerk_knop_ui(
                    ui,
                    &format!("de trede '{}' is nog niet beantwoord", soort.label()),
                );
            }
            _ => {
                maatwerk_knop_ui(ui, "sla de afweging eerst op");
            }
        }
        false
    }

    fn verwijzingen_ui(&mut self, ui: &mut egui::Ui, g: &Gegevens, loket: &Loket<'_>) -> bool {
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
                self.verwijzing = Some(VerwijzingForm {
                    datum: nl(loket.vandaag()),
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
            let f = if self.fouten_van == "bijwerken" {
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
            if self.focus.esc_voor(ui, groep.response.rect, enig) {
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
                    self.fouten_van = "bijwerken";
                    return false;
                };
                let r = loket.verwijzing_bijwerken(
                    &b.id.clone(),
                    status,
                    lees(&b.afgerond_op),
                    b.opgelost,
                );
                opnieuw = self.na_opslaan("bijwerken", r, "Verwijzing bijgewerkt.", loket);
            }
        }
        let enig = self.verwijzing.is_some() && self.formulier_geteld();
        let focus = self.focus;
        if let Some(v) = &mut self.verwijzing {
            let mut opslaan = false;
            let mut annuleren = false;
            let f = if self.fouten_van == "verwijzing" {
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
                    keuze_ui(ui, "Voorziening:", &mut v.voorziening, &opties, f.get("voorziening"));
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
            if focus.esc_voor(ui, groep.response.rect, enig) {
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
                    self.fouten_van = "verwijzing";
                    return opnieuw;
                };
                let r = loket.verwijzing_maken(&self.id, &voorziening, datum, &v.notitie.clone());
                opnieuw = self.na_opslaan("verwijzing", r, "Verwijzing opgeslagen.", loket);
            }
        }
        opnieuw
    }

    fn besluit_ui(&mut self, ui: &mut egui::Ui, g: &Gegevens, loket: &Loket<'_>) -> bool {
        if self.besluit.is_none() {
            if g.kern.afgesloten.is_none() && g.nog_te_doen.contains(&Stap::AanvraagBesluit) {
                ui.separator();
                if ui
                    .button("Besluitformulier openen (aanvraag + besluit)")
                    .clicked()
                {
                    self.besluit = Some(BesluitForm::nieuw(g, loket.vandaag(), None));
                    self.scroll_besluit = true;
                    self.focus_naar = Some("besluit");
                }
            }
            return false;
        }
        let f = if self.fouten_van == "besluit" {
            self.fouten.clone()
        } else {
            Fouten::new()
        };
        let enig = self.formulier_geteld();
        let focus = self.focus;
        let focus_zetten = self.focus_naar == Some("besluit");
        if focus_zetten {
            self.focus_naar = None;
        }
        let Some(b) = self.besluit.as_mut() else {
            return false;
        };
        ui.separator();
        let titel = if b.vorige.is_some() {
            "Op- of afschalen: nieuw besluit"
        } else {
            "Besluit maatwerkvoorziening"
        };
        let kop = ui.label(RichText::new(titel).strong().size(17.0));
        if std::mem::take(&mut self.scroll_besluit) {
            kop.scroll_to_me(Some(egui::Align::TOP));
        }
        // The day the contract must run: the new decision's first day, else
        // the start of delivery, else the decision date.
        let peildag = if b.vorige.is_some() {
            lees(&b.vanaf)
        } else {
            lees(&b.start).or_else(|| lees(&b.besluit))
        }
        .unwrap_or(loket.vandaag());
        // Matched care is read again only when that day changes.
        if b.aanbod.as_ref().is_none_or(|(dag, _)| *dag != peildag) {
            let lijst = loket
                .passende_voorzieningen(&g.kern.id, peildag)
                .map(|l| {
                    l.into_iter()
                        .filter(|p| p.soort == VoorzieningSoort::Maatwerk)
                        .collect()
                })
                .map_err(|fout| format!("Het passende aanbod kon niet worden gelezen: {fout}"));
            b.aanbod = Some((peildag, lijst));
        }
        // A failed read is said once, here, instead of an empty offer.
        let (passend, aanbod_fout): (Vec<PassendeVoorziening>, Option<String>) =
            match b.aanbod.as_ref().map(|(_, l)| l) {
                Some(Ok(l)) => (l.clone(), None),
                Some(Err(fout)) => (Vec::new(), Some(fout.clone())),
                None => (Vec::new(), None),
            };
        let mut opslaan = false;
        let mut annuleren = false;
        egui::Grid::new("besluit")
            .num_columns(3)
            .spacing([12.0, 6.0])
            .min_col_width(230.0)
            .show(ui, |ui| {
                let mut eerste = None;
                if b.vorige.is_some() {
                    eerste = Some(datumveld_ui(
                        ui,
                        "Nieuw besluit geldt vanaf:",
                        &mut b.vanaf,
                        f.get("start"),
                        loket.vandaag(),
                    ));
                }
                let r = datumveld_ui(
                    ui,
                    "Aanvraagdatum:",
                    &mut b.aanvraag,
                    f.get("aanvraag"),
                    loket.vandaag(),
                );
                if focus_zetten {
                    eerste.unwrap_or(r).request_focus();
                }
                datumveld_ui(
                    ui,
                    "Besluitdatum:",
                    &mut b.besluit,
                    f.get("besluit"),
                    loket.vandaag(),
                );
                let uitkomsten = [
                    (BesluitUitkomst::Toegekend, "toegekend".to_owned()),
                    (BesluitUitkomst::Afgewezen, "afgewezen".to_owned()),
                ];
                keuze_ui(
                    ui,
                    "Uitkomst besluit:",
                    &mut b.uitkomst,
                    &uitkomsten,
                    f.get("uitkomst"),
                );
                if b.uitkomst == BesluitUitkomst::Afgewezen {
                    let r = tekstvak_ui(
                        ui,
                        "Reden afwijzing:",
                        &mut b.reden_afwijzing,
                        f.get("reden_afwijzing"),
                    );
                    markeer_meerregelig(ui, &r);
                }
            });
        ui.add_space(6.0);
        ui.label(
            RichText::new(format!(
                "Passend aanbod (maatwerk bij de wet en de leefgebieden van de melding), contracten op {}:",
                nl(peildag)
            ))
            .strong(),
        );
        if let Some(fout) = &aanbod_fout {
            ui.colored_label(FOUT_KLEUR, RichText::new(fout).strong());
        } else if passend.is_empty() {
            ui.label("Geen passende maatwerkvoorziening op de sociale kaart.");
        }
        egui::Grid::new("passend-aanbod")
            .num_columns(5)
            .striped(true)
            .spacing([14.0, 4.0])
            .show(ui, |ui| {
                for k in ["Voorziening", "Categorie", "Aanbieder", "Contract", ""] {
                    ui.label(RichText::new(k).strong());
                }
                ui.end_row();
                for p in &passend {
                    let naam = p.naam.clone();
                    let categorie = p
                        .categorie
                        .as_ref()
                        .map_or_else(|| "–".to_owned(), |c| format!("cat. {c}"));
                    if p.aanbieders.is_empty() {
                        ui.label(&naam);
                        ui.label(&categorie);
                        ui.label("geen aanbieder bekend");
                        ui.label("");
                        ui.label("");
                        ui.end_row();
                    }
                    for a in &p.aanbieders {
                        ui.label(&naam);
                        ui.label(&categorie);
                        ui.label(&a.naam);
                        match &a.actief_contract {
                            Some(c) => ui.colored_label(GOED_KLEUR, format!("contract {c}")),
                            None => ui.colored_label(
                                ave_kleur(2),
                                "geen actief contract (maatwerkcontract nodig)",
                            ),
                        };
                        let gekozen = b.voorziening.as_ref() == Some(&p.id)
                            && b.aanbieder.as_ref() == Some(&a.aanbieder);
                        if ui
                            .add(egui::Button::selectable(
                                gekozen,
                                if gekozen { "Gekozen" } else { "Kies" },
                            ))
                            .on_hover_text(format!("Kies {} bij {}", p.naam, a.naam))
                            .clicked()
                        {
                            b.voorziening = Some(p.id.clone());
                            b.aanbieder = Some(a.aanbieder.clone());
                        }
                        ui.end_row();
                    }
                }
            });
        egui::Grid::new("besluit-2")
            .num_columns(3)
            .spacing([12.0, 6.0])
            .min_col_width(230.0)
            .show(ui, |ui| {
                let opties: Vec<(Option<String>, String)> = passend
                    .iter()
                    .map(|p| {
                        (
                            Some(p.id.clone()),
                            format!(
                                "{}{}",
                                p.naam,
                                p.categorie
                                    .as_ref()
                                    .map_or_else(String::new, |c| format!(" (categorie {c})"))
                            ),
                        )
                    })
                    .collect();
                if keuze_ui(
                    ui,
                    "Voorziening (maatwerk):",
                    &mut b.voorziening,
                    &opties,
                    f.get("voorziening"),
                ) {
                    b.aanbieder = None;
                }
                let gekozen = passend
                    .iter()
                    .find(|p| Some(&p.id) == b.voorziening.as_ref());
                let aanbieders: Vec<(Option<String>, String)> = gekozen
                    .map(|p| {
                        p.aanbieders
                            .iter()
                            .map(|a| {
                                let c = a.actief_contract.as_ref().map_or_else(
                                    || format!("geen contract op {}", nl(peildag)),
                                    |c| format!("contract {c}"),
                                );
                                (Some(a.aanbieder.clone()), format!("{} – {c}", a.naam))
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                keuze_ui(
                    ui,
                    "Aanbieder:",
                    &mut b.aanbieder,
                    &aanbieders,
                    f.get("aanbieder").or(f.get("contract")),
                );
                let contract = gekozen
                    .and_then(|p| {
                        p.aanbieders
                            .iter()
                            .find(|a| Some(&a.aanbieder) == b.aanbieder.as_ref())
                    })
                    .map(|a| a.actief_contract.clone());
                ui.label("Contract:");
                match contract {
                    Some(Some(c)) => ui.label(format!("{c} (actief op {})", nl(peildag))),
                    Some(None) => ui.colored_label(
                        ave_kleur(2),
                        "geen actief contract: dit wordt een maatwerkcontract",
                    ),
                    None => ui.label("–"),
                };
                ui.label("");
                ui.end_row();
                if b.vorige.is_none() {
                    datumveld_ui(
                        ui,
                        "Start levering (leeg: wachtend):",
                        &mut b.start,
                        f.get("start"),
                        loket.vandaag(),
                    );
                }
                datumveld_ui(
                    ui,
                    "Einddatum:",
                    &mut b.eind,
                    f.get("eind"),
                    loket.vandaag(),
                );
                let vormen: Vec<(Leveringsvorm, String)> = Leveringsvorm::ALLE
                    .iter()
                    .map(|v| (*v, v.label().to_owned()))
                    .collect();
                keuze_ui(
                    ui,
                    "Leveringsvorm:",
                    &mut b.leveringsvorm,
                    &vormen,
                    f.get("leveringsvorm"),
                );
                tekstveld_ui(ui, "Volume:", &mut b.volume, f.get("volume"));
                tekstveld_ui(ui, "Eenheid (bijv. uur per week):", &mut b.eenheid, None);
                ui.label("Doorbraakmethode:");
                ui.checkbox(&mut b.doorbraak, "besluit volgens de Doorbraakmethode");
                fout_ui(ui, f.get("doorbraak"));
                ui.end_row();
                let r = tekstvak_ui(ui, "Notitie besluit:", &mut b.notitie, f.get("notitie"));
                markeer_meerregelig(ui, &r);
            });
        let afweging_fouten: Vec<String> = f
            .iter()
            .filter(|(k, _)| k.starts_with("afweging"))
            .map(|(k, v)| {
                format!(
                    "Afwegingsladder ({}): {v}",
                    k.trim_start_matches("afweging.").replace('_', " ")
                )
            })
            .collect();
        for a in &afweging_fouten {
            ui.colored_label(FOUT_KLEUR, RichText::new(format!("Fout: {a}")).strong());
        }
        let mut bevestigd = false;
        if b.vraag_bevestiging {
            ui.horizontal(|ui| {
                ui.colored_label(
                    FOUT_KLEUR,
                    RichText::new("Dit wordt een maatwerkcontract. Doorgaan?").strong(),
                );
                if ui.button("Ja, maatwerkcontract").clicked() {
                    opslaan = true;
                    bevestigd = true;
                }
                if ui.button("Nee").clicked() {
                    b.vraag_bevestiging = false;
                }
            });
        }
        let knoppen = ui.horizontal(|ui| {
            if ui
                .button(RichText::new("Besluit opslaan").strong())
                .clicked()
            {
                opslaan = true;
            }
            annuleren = ui.button("Annuleren").clicked();
            ui.weak("Enter = opslaan (niet in een notitie), Esc = annuleren");
        });
        let vlak = egui::Rect::from_min_max(
            egui::pos2(ui.max_rect().left(), kop.rect.top()),
            egui::pos2(ui.max_rect().right(), knoppen.response.rect.bottom()),
        );
        if focus.esc_voor(ui, vlak, enig) {
            annuleren = true;
            self.esc_gebruikt = true;
        } else if !annuleren && focus.enter_voor(ui, vlak, enig) {
            opslaan = true;
        }
        if annuleren {
            self.besluit = None;
            return false;
        }
        if !opslaan {
            return false;
        }
        let geen_contract = gekozen_zonder_contract(&passend, b);
        if geen_contract && b.uitkomst == BesluitUitkomst::Toegekend && !bevestigd {
            // Asked every time: a save without the explicit "ja" never confirms.
            b.vraag_bevestiging = true;
            return false;
        }
        self.besluit_opslaan(g, loket, bevestigd)
    }

    fn besluit_opslaan(&mut self, g: &Gegevens, loket: &Loket<'_>, bevestigd: bool) -> bool {
        let Some(b) = &self.besluit else { return false };
        let mut fouten = Fouten::new();
        let mut datum = |veld: &str, tekst: &str, verplicht: bool| -> Option<NaiveDate> {
            let d = lees(tekst);
            if d.is_none() && (verplicht || !tekst.trim().is_empty()) {
                fouten.insert(veld.to_owned(), "typ de datum als dd-mm-jjjj".to_owned());
            }
            d
        };
        let aanvraag = datum("aanvraag", &b.aanvraag, false);
        let besluit = datum("besluit", &b.besluit, true);
        let start = datum("start", &b.start, false);
        let eind = datum("eind", &b.eind, false);
        let vanaf = if b.vorige.is_some() {
            datum("start", &b.vanaf, true)
        } else {
            None
        };
        let volume = if b.volume.trim().is_empty() {
            None
        } else {
            let v = b.volume.trim().replace(',', ".").parse::<f64>().ok();
            if v.is_none() {
                fouten.insert(
                    "volume".into(),
                    "typ een getal, bijvoorbeeld 3 of 2,5".into(),
                );
            }
            v
        };
        if b.voorziening.is_none() {
            fouten.insert("voorziening".into(), "kies de voorziening".into());
        }
        let (Some(besluit), true) = (besluit, fouten.is_empty()) else {
            self.fouten = fouten;
            self.fouten_van = "besluit";
            return false;
        };
        let nieuw = NieuwBesluit {
            melding: g.kern.id.clone(),
            voorziening: b.voorziening.clone().unwrap_or_default(),
            aanbieder: b.aanbieder.clone(),
            contract: None,
            aanvraag,
            besluit,
            uitkomst: b.uitkomst,
            reden_afwijzing: (b.uitkomst == BesluitUitkomst::Afgewezen)
                .then(|| b.reden_afwijzing.clone()),
            start,
            eind,
            leveringsvorm: b.leveringsvorm,
            volume,
            volume_eenheid: Some(b.eenheid.trim().to_owned()).filter(|e| !e.is_empty()),
            doorbraak: b.doorbraak,
            maatwerkcontract_bevestigd: bevestigd,
            notitie: b.notitie.clone(),
        };
        let r = match (&b.vorige, vanaf) {
            (Some(oude), Some(dag)) => loket.herbeoordelen(oude, dag, &nieuw),
            _ => loket.besluit_nemen(&nieuw),
        };
        if let Some(b) = &mut self.besluit {
            b.vraag_bevestiging = false;
        }
        self.na_opslaan("besluit", r, "Besluit opgeslagen.", loket)
    }

    fn toekenningen_ui(&mut self, ui: &mut egui::Ui, g: &Gegevens, loket: &Loket<'_>) -> bool {
        ui.separator();
        ui.label(
            RichText::new("Toekenningen van deze melding (maatwerk)")
                .strong()
                .size(17.0),
        );
        let eigen: Vec<_> = g
            .dossier
            .toekenningen
            .iter()
            .filter(|t| t.melding.as_deref() == Some(g.kern.id.as_str()))
            .collect();
        if eigen.is_empty() {
            ui.label("Geen toekenningen bij deze melding.");
        }
        let andere = g.dossier.toekenningen.len() - eigen.len();
        andere_ui(
            ui,
            andere,
            if andere == 1 {
                "toekenning (van een andere melding of zonder melding)"
            } else {
                "toekenningen (van andere meldingen of zonder melding)"
            },
        );
        for t in eigen {
            ui.horizontal(|ui| {
                ui.label(format!(
                    "{} – {} – besluit {} – {}",
                    t.voorziening,
                    t.aanbieder.as_deref().unwrap_or("geen aanbieder"),
                    nl(t.besluit),
                    t.status.label()
                ));
                if loopt(t)
                    && ui
                        .small_button(format!("Op- of afschalen: {}", t.voorziening))
                        .clicked()
                {
                    self.besluit = Some(BesluitForm::nieuw(g, loket.vandaag(), Some(t.id.clone())));
                    self.scroll_besluit = true;
                    self.focus_naar = Some("besluit");
                    self.einde = None;
                }
                if loopt(t)
                    && ui
                        .small_button(format!("Beëindigen: {}", t.voorziening))
                        .clicked()
                {
                    self.einde = Some(EindeFormulier::nieuw(t, loket.vandaag()));
                }
            });
        }
        if self.einde.is_none() {
            return false;
        }
        let enig = self.formulier_geteld();
        let focus = self.focus;
        let Some(e) = &mut self.einde else {
            return false;
        };
        match e.ui(ui, loket, focus, enig) {
            EindeUitkomst::Open => false,
            EindeUitkomst::Geannuleerd => {
                self.esc_gebruikt = true;
                self.einde = None;
                false
            }
            EindeUitkomst::Opgeslagen => {
                self.fouten.clear();
                self.algemeen = None;
                self.bericht = Some("Toekenning beëindigd.".to_owned());
                self.vernieuw(loket);
                true
            }
        }
    }
}

impl BesluitForm {
    fn nieuw(g: &Gegevens, vandaag: NaiveDate, vorige: Option<String>) -> BesluitForm {
        BesluitForm {
            vorige,
            vanaf: nl(vandaag),
            aanvraag: g.kern.aanvraag.map_or_else(|| nl(vandaag), nl),
            besluit: nl(vandaag),
            uitkomst: BesluitUitkomst::Toegekend,
            reden_afwijzing: String::new(),
            voorziening: None,
            aanbieder: None,
            start: String::new(),
            eind: String::new(),
            leveringsvorm: Leveringsvorm::Natura,
            volume: String::new(),
            eenheid: String::new(),
            doorbraak: false,
            notitie: String::new(),
            vraag_bevestiging: false,
            aanbod: None,
        }
    }
}

fn gekozen_zonder_contract(passend: &[PassendeVoorziening], b: &BesluitForm) -> bool {
    passend
        .iter()
        .find(|p| Some(&p.id) == b.voorziening.as_ref())
        .and_then(|p| {
            p.aanbieders
                .iter()
                .find(|a| Some(&a.aanbieder) == b.aanbieder.as_ref())
        })
        .is_some_and(|a| a.actief_contract.is_none())
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

fn kop_ui(ui: &mut egui::Ui, g: &Gegevens) {
    let k = &g.kern;
    ui.heading(RichText::new(format!("Melding van {} – {}", g.naam, nl(k.datum))).size(22.0));
    egui::Grid::new("melding-kop")
        .num_columns(2)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.label("Bron:");
            ui.label(&g.bron);
            ui.end_row();
            ui.label("Wet:");
            ui.label(k.wet.map_or("geen", |w| w.label()));
            ui.end_row();
            ui.label("Vraag:");
            ui.label(k.vraag.as_deref().unwrap_or("–"));
            ui.end_row();
            ui.label("Leefgebieden:");
            let lg: Vec<&str> = k.leefgebieden.iter().map(|l| l.label()).collect();
            ui.label(if lg.is_empty() {
                "–".to_owned()
            } else {
                lg.join(", ")
            });
            ui.end_row();
            if let Some(i) = &g.intaker {
                ui.label("Intaker:");
                ui.label(g.medewerker_naam(i));
                ui.end_row();
            }
            if let Some(v) = &g.gevraagd {
                ui.label("Gevraagde voorziening:");
                ui.label(v);
                ui.end_row();
            }
            if k.spoed {
                ui.label("Spoed:");
                ui.colored_label(FOUT_KLEUR, "ja (schuldhulp)");
                ui.end_row();
            }
            if let Some(a) = k.afgesloten {
                ui.label("Afgesloten:");
                ui.label(format!(
                    "{} – {}",
                    nl(a),
                    k.uitkomst.map_or("–", |u| u.label())
                ));
                ui.end_row();
            }
        });
}

/// The seven phases with what was done (date, who) and what comes next.
fn stappenbalk_ui(ui: &mut egui::Ui, g: &Gegevens) {
    const FASEN: [&str; 7] = [
        "1 Melding",
        "2 Gesprek",
        "3 Analyse",
        "4 Afweging",
        "5 Verwijzing | aanvraag + besluit | geen ondersteuning of ingetrokken",
        "6 Levering en evaluatie",
        "7 Afsluiting",
    ];
    let volgende_fasen: Vec<u8> = g.nog_te_doen.iter().map(|s| s.fase()).collect();
    let breedte = ((ui.available_width() - 7.0 * 24.0) / 7.0).clamp(100.0, 170.0);
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        for (i, naam) in FASEN.iter().enumerate() {
            let fase = u8::try_from(i + 1).unwrap_or(0);
            let gedaan: Vec<&StapRij> =
                g.stappen.iter().filter(|s| s.stap.fase() == fase).collect();
            // Imported or older meldingen carry their first dates on the
            // melding itself, without step rows: done all the same.
            let geregistreerd = if gedaan.is_empty() {
                match fase {
                    1 => Some(("Melding", g.kern.datum)),
                    2 => g.gesprek.map(|d| ("Gesprek", d)),
                    3 => g.onderzoek_klaar.map(|d| ("Onderzoek klaar", d)),
                    _ => None,
                }
            } else {
                None
            };
            let (kleur, status) = if !gedaan.is_empty() || geregistreerd.is_some() {
                (GOED_KLEUR, "gedaan")
            } else if volgende_fasen.contains(&fase) {
                (ave_kleur(2), "kan nu")
            } else {
                (Color32::GRAY, "nog niet")
            };
            egui::Frame::group(ui.style())
                .stroke(egui::Stroke::new(
                    if status == "kan nu" { 2.0 } else { 1.0 },
                    kleur,
                ))
                .show(ui, |ui| {
                    ui.set_width(breedte);
                    ui.set_min_height(64.0);
                    ui.vertical(|ui| {
                        ui.add(egui::Label::new(RichText::new(*naam).color(kleur).strong()).wrap());
                        ui.small(RichText::new(status).color(kleur));
                        if let Some((wat, datum)) = geregistreerd {
                            ui.add(
                                egui::Label::new(
                                    RichText::new(format!("{wat} {}", nl(datum))).small(),
                                )
                                .wrap(),
                            );
                        }
                        for s in gedaan {
                            ui.add(
                                egui::Label::new(
                                    RichText::new(format!(
                                        "{} {} – {}",
                                        s.stap.label(),
                                        nl(s.datum),
                                        g.medewerker_naam(&s.medewerker)
                                    ))
                                    .small(),
                                )
                                .wrap(),
                            );
                        }
                    });
                });
        }
    });
    if g.nog_te_doen.is_empty() {
        ui.label(RichText::new("Nog te doen: niets, de melding is afgesloten.").strong());
    } else {
        let t: Vec<String> = g
            .nog_te_doen
            .iter()
            .map(|s| s.label().to_lowercase())
            .collect();
        ui.label(RichText::new(format!("Nog te doen (een van): {}", t.join(", "))).strong());
    }
}

fn termijn_ui(ui: &mut egui::Ui, g: &Gegevens, vandaag: NaiveDate) {
    let k = &g.kern;
    let melding = termijn_melding(
        k.wet,
        k.spoed,
        k.datum,
        g.eerste(Stap::Gesprek),
        g.eerste(Stap::Afweging),
        k.afgesloten,
        vandaag,
    );
    let besluit = match (
        k.wet,
        k.aanvraag,
        g.eerste(Stap::AanvraagBesluit),
        k.afgesloten,
    ) {
        (Some(w), Some(a), None, None) => termijn_aanvraag(w, a, vandaag),
        _ => None,
    };
    let mut iets = false;
    for t in melding.into_iter().chain(besluit) {
        iets = true;
        let kleur = match t.status {
            TermijnStatus::OpTijd => GOED_KLEUR,
            TermijnStatus::BijnaVerlopen { .. } => ave_kleur(2),
            TermijnStatus::Verlopen { .. } => FOUT_KLEUR,
        };
        ui.horizontal(|ui| {
            ui.label(format!(
                "Wettelijke termijn: {} – uiterlijk {}:",
                t.soort.label(),
                nl(t.uiterste)
            ));
            ui.label(RichText::new(t.status.tekst()).color(kleur).strong());
        });
    }
    if !iets {
        ui.label("Wettelijke termijn: geen lopende termijn.");
    }
}
