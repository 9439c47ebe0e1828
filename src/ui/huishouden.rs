//! The household view: its members (click → dossier) with open meldingen and
//! running provisions, the AVE level now, the timeline, and the form for op-
//! en afschalen.
//!
//! Reached from every member's dossier ("Huishouden bekijken") and from the
//! AVE-overzicht. The screen reads its copy when opened and again after a
//! saved change; the write goes through the gateway (`Loket`), which checks every
//! rule again in one transaction. A refused save keeps what was typed and
//! shows the Dutch messages beside the fields.

use chrono::NaiveDate;
use egui::RichText;

use crate::domain::ave::{AveNiveauTekst, naam_in, niveau_label};
use crate::domain::datum::nl;
use crate::gateway::Loket;
use crate::store::StoreFout;
use crate::store::ave::{AveInvoer, AveRij, HuishoudenOverzicht};
use crate::ui::actie::{Actie, Plek};
use crate::ui::scherm::SchermUi;
use crate::ui::theme::{FOUT_KLEUR, GOED_KLEUR};
use crate::ui::widgets::ave::{AveFormulier, AveFormulierContext, ave_tijdlijn_ui, huishouden_ui};

/// What the screen shows, read from the register.
struct Inhoud {
    overzicht: HuishoudenOverzicht,
    historie: Vec<AveRij>,
    teksten: Vec<AveNiveauTekst>,
}

/// The open form with what it needs from the register.
struct Formulier {
    formulier: AveFormulier,
    invoer: AveInvoer,
}

/// The op/afschalen part: the open form and the outcome of the last save.
#[derive(Default)]
struct Wijziging {
    formulier: Option<Formulier>,
    bericht: Option<String>,
    fout: Option<String>,
}

/// State of the household view.
pub struct HuishoudenScherm {
    id: String,
    vandaag: NaiveDate,
    inhoud: Result<Inhoud, String>,
    wijziging: Wijziging,
}

fn lees(loket: &Loket<'_>, id: &str) -> Result<Inhoud, String> {
    let lees = || -> Result<Inhoud, StoreFout> {
        Ok(Inhoud {
            overzicht: loket.ave_huishouden(id)?,
            historie: loket.ave_historie(id)?,
            teksten: loket.ave_teksten()?,
        })
    };
    lees().map_err(|fout| format!("Het huishouden kon niet worden geopend: {fout}"))
}

impl HuishoudenScherm {
    /// Reads household `id` on `vandaag`; a failure is kept and shown on the screen.
    #[must_use]
    pub fn open(loket: &Loket<'_>, id: &str) -> HuishoudenScherm {
        HuishoudenScherm {
            id: id.to_owned(),
            vandaag: loket.vandaag(),
            inhoud: lees(loket, id),
            wijziging: Wijziging::default(),
        }
    }

    /// The household's id.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }
}

impl SchermUi for HuishoudenScherm {
    /// Draws the screen; a change is recorded by the session's medewerker.
    fn ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> Option<Actie> {
        let mut actie = None;
        if ui.button("Terug").clicked() {
            actie = Some(Actie::Terug);
        }
        ui.add_space(6.0);
        let inhoud = match &self.inhoud {
            Ok(i) => i,
            Err(fout) => {
                ui.colored_label(FOUT_KLEUR, fout);
                return actie;
            }
        };
        // Named by its members' last names, as people say it ("Huishouden
        // Bos / Jansen"), never by its internal number.
        let mut namen: Vec<&str> = Vec::new();
        for lid in &inhoud.overzicht.leden {
            if !namen.contains(&lid.achternaam.as_str()) {
                namen.push(&lid.achternaam);
            }
        }
        let titel = if namen.is_empty() {
            "Huishouden".to_owned()
        } else {
            format!("Huishouden {}", namen.join(" / "))
        };
        ui.heading(RichText::new(titel).size(24.0));
        let mut opgeslagen = false;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if let Some(open) = huishouden_ui(ui, &inhoud.overzicht, &inhoud.teksten) {
                    actie = Some(Actie::OpenDossier(open));
                }
                ui.add_space(10.0);
                ui.separator();
                ui.label(RichText::new("AVE-tijdlijn").strong().size(18.0));
                ave_tijdlijn_ui(ui, &inhoud.historie, &inhoud.teksten, self.vandaag);
                ui.add_space(10.0);
                ui.separator();
                opgeslagen = self
                    .wijziging
                    .ui(ui, loket, (&self.id, self.vandaag), inhoud);
            });
        if opgeslagen {
            self.inhoud = lees(loket, &self.id);
        }
        actie
    }

    fn gewijzigd(&self) -> bool {
        self.wijziging.formulier.is_some()
    }

    fn gooi_weg(&mut self) {
        self.wijziging.formulier = None;
    }

    fn plek(&self) -> Option<Plek> {
        Some(Plek::Huishouden(self.id.clone()))
    }
}

impl Wijziging {
    /// The outcome, then the button or the open form; returns whether a
    /// change was saved. `(id, vandaag)`: the household and today.
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        loket: &Loket<'_>,
        (id, vandaag): (&str, NaiveDate),
        inhoud: &Inhoud,
    ) -> bool {
        if let Some(bericht) = &self.bericht {
            ui.colored_label(GOED_KLEUR, RichText::new(bericht).strong());
        }
        if let Some(fout) = &self.fout {
            ui.colored_label(FOUT_KLEUR, RichText::new(fout).strong());
        }
        let Some(medewerker) = loket.sessie().map(crate::gateway::Sessie::gebruiker) else {
            ui.add_enabled(false, egui::Button::new("Op- of afschalen"));
            ui.label("U bent niet (meer) aangemeld: de wijziging wordt op uw naam vastgelegd, meld u opnieuw aan.");
            return false;
        };
        let Some(open) = &mut self.formulier else {
            if ui.button("Op- of afschalen").clicked() {
                match loket.ave_invoer(id) {
                    Ok(invoer) => {
                        self.formulier = Some(Formulier {
                            formulier: AveFormulier::nieuw(
                                vandaag,
                                inhoud.overzicht.stand.as_ref().map(|s| s.niveau),
                            )
                            .met_regie(
                                inhoud
                                    .historie
                                    .last()
                                    .and_then(|e| e.casusregisseur.clone()),
                                medewerker.wijkteam.clone(),
                            ),
                            invoer,
                        });
                        self.bericht = None;
                        self.fout = None;
                    }
                    Err(fout) => {
                        self.fout = Some(format!("Het formulier kon niet worden geopend: {fout}"));
                    }
                }
            }
            return false;
        };
        ui.label(RichText::new("Op- of afschalen").strong().size(18.0));
        ui.add(
            egui::Label::new(
                "Een wijziging wordt nooit overschreven: een correctie leg je vast als een nieuwe \
                 wijziging (op of na de laatste datum), en beide blijven in de tijdlijn staan.",
            )
            .wrap(),
        );
        ui.weak(format!("Vastgelegd door {}", medewerker.naam));
        ui.add_space(6.0);
        let ctx = AveFormulierContext {
            huishouden: id,
            door: &medewerker.id,
            vandaag,
            teksten: &inhoud.teksten,
            invoer: &open.invoer,
        };
        let mut opgeslagen = false;
        if let Some(nieuw) = open.formulier.ui(ui, &ctx) {
            match loket.ave_registreer(&nieuw) {
                Ok(_) => {
                    self.bericht = Some(format!(
                        "Opgeslagen: {} per {}.",
                        niveau_label(nieuw.niveau, &naam_in(&inhoud.teksten, nieuw.niveau)),
                        nl(nieuw.datum)
                    ));
                    opgeslagen = true;
                }
                Err(StoreFout::Validatie(fouten)) => open.formulier.toon_fouten(&fouten),
                Err(fout) => {
                    self.fout = Some(format!("De wijziging is niet opgeslagen: {fout}"));
                }
            }
        }
        if ui.button("Annuleren").clicked() || opgeslagen {
            self.formulier = None;
        }
        opgeslagen
    }
}
