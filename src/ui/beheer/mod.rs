//! The Beheer screen and the welcome of an empty register: import an
//! exchange file (typed path or "Bladeren…") and load demo data, with the
//! progress and every import error (line, field, reason) in a list; for a
//! beheerder also the accounts, the audit log, the retention terms; for
//! everyone the texts of the AVE levels.
//!
//! Both screens share one [`BeheerScherm`], so an outcome started from the
//! welcome is shown there too. The import or demo data runs through the one
//! background helper; the app collects its outcome every frame
//! ([`BeheerScherm::neem_uitkomst`]), also while another screen is shown.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

pub mod accounts;
pub mod auditlog;
pub mod ave_teksten;
pub mod bewaartermijn;

use chrono::Datelike;

use crate::gateway::beheer::{Command, Uitkomst};
use crate::gateway::{Loket, Taak};
use crate::store::import::ImportFouten;
use crate::ui::actie::Actie;
use crate::ui::scherm::SchermUi;
use crate::ui::theme::{FOUT_KLEUR, GOED_KLEUR};
use crate::ui::widgets::getal::duizendtallen;

/// State of the Beheer screen and the welcome.
#[derive(Default)]
pub struct BeheerScherm {
    pad: String,
    /// The import or demo data running, if any.
    taak: Option<Taak<Uitkomst>>,
    uitkomst: Option<Uitkomst>,
    accounts: accounts::AccountsScherm,
    ave_teksten: ave_teksten::AveTekstenScherm,
    auditlog: auditlog::AuditlogScherm,
    bewaartermijn: bewaartermijn::BewaartermijnScherm,
    /// The backups beside the register (read once, again on "Vernieuwen").
    backups: Option<Result<Option<crate::store::backup::Backupoverzicht>, String>>,
    /// Whether the register holds no residents (demo data is offered only
    /// then); read once, again after an import or demo data.
    leeg: Option<bool>,
}

impl BeheerScherm {
    /// Starts `command` through the one background helper (one at a time).
    fn start(&mut self, command: Command, loket: &Loket<'_>) {
        if self.taak.is_some() {
            return;
        }
        self.uitkomst = None;
        self.taak = Some(
            loket.op_achtergrond(command.omschrijving(), move |l, voortgang| {
                l.voer_uit(&command, voortgang)
            }),
        );
    }

    /// What runs now: its description and the lines read.
    fn bezig(&self) -> Option<(String, u64)> {
        self.taak
            .as_ref()
            .map(|t| (t.omschrijving().to_owned(), t.voortgang().0))
    }

    /// Collects the outcome of the running import or demo data, once. One
    /// that stored something changes the register as a whole: the app then
    /// reads every list again and shows the message.
    pub fn neem_uitkomst(&mut self, loket: &Loket<'_>) -> Option<Actie> {
        let uitkomst = self.taak.as_mut().and_then(Taak::neem)?;
        self.taak = None;
        let uitkomst = uitkomst.unwrap_or_else(Uitkomst::DemoMislukt);
        // An import or demo data changes what is due and what was logged.
        self.auditlog.vernieuw();
        self.bewaartermijn.vernieuw();
        self.backups = None;
        self.leeg = None;
        let ziet_dossiers = loket.sessie().is_some_and(|s| {
            crate::store::toegang::heeft(s.rol(), crate::store::toegang::Recht::Dossiers)
        });
        let bericht = match &uitkomst {
            Uitkomst::Geimporteerd { records } => {
                Some(format!("Import gelukt: {records} records opgeslagen."))
            }
            Uitkomst::DemoGeladen { .. } if !ziet_dossiers => Some(
                "Demogegevens geladen. Een beheerder ziet geen dossiers: geef onder Beheer een medewerker een account en meld u daarmee aan.".to_owned(),
            ),
            Uitkomst::DemoGeladen { .. } => {
                Some("Demogegevens geladen. Zoek hieronder een inwoner.".to_owned())
            }
            Uitkomst::ImportMislukt(_) | Uitkomst::DemoMislukt(_) => None,
        };
        self.uitkomst = Some(uitkomst);
        bericht.map(|b| Actie::RegisterGewijzigd(Some(b)))
    }

    /// The import and demo data part of Beheer.
    fn invoer_ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) {
        let bezig = self.bezig();
        let eind_jaar = loket.vandaag().year();
        ui.heading("Beheer");
        ui.add_space(4.0);
        ui.label(
            RichText::new("Uitwisselbestand importeren")
                .strong()
                .size(16.0),
        );
        ui.label("Een bestand in het formaat wijkregister-jsonl. Een import is alles of niets: bij één fout wordt niets opgeslagen.");
        let mut command = self.importformulier_ui(ui, bezig.is_some());
        // Demo data goes only into an empty register (the store refuses it
        // otherwise), so a full register does not offer it.
        let leeg = *self
            .leeg
            .get_or_insert_with(|| loket.gateway().is_leeg().unwrap_or(false));
        if leeg {
            ui.add_space(12.0);
            ui.label(RichText::new("Demogegevens").strong().size(16.0));
            ui.label("Vult het register met een verzonnen gemeente (5.000 inwoners, 5 jaar geschiedenis) om mee te oefenen.");
            if ui
                .add_enabled(bezig.is_none(), egui::Button::new("Demogegevens laden"))
                .clicked()
            {
                command = Some(Command::LaadDemo { eind_jaar });
            }
        }
        ui.add_space(12.0);
        self.voortgang_ui(ui, bezig.as_ref());
        if let Some(command) = command {
            self.start(command, loket);
        }
    }

    /// The backups beside the register: how many, their total size against
    /// the register's, and the newest (read once, again on "Vernieuwen").
    fn backups_ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) {
        let overzicht = self
            .backups
            .get_or_insert_with(|| loket.backupoverzicht().map_err(|f| f.to_string()));
        ui.label(RichText::new("Backups").strong().size(16.0));
        let mut vernieuw = false;
        ui.horizontal_wrapped(|ui| {
            match overzicht {
                Ok(Some(o)) if o.bestanden.is_empty() => {
                    ui.label(format!("Nog geen backups in {}.", o.map.display()));
                }
                Ok(Some(o)) => {
                    ui.label(format!(
                        "{} backups, samen {} (het register zelf: {}), in {}. Nieuwste: {}.",
                        o.bestanden.len(),
                        crate::store::backup::grootte(o.totaal_bytes),
                        crate::store::backup::grootte(o.register_bytes),
                        o.map.display(),
                        o.bestanden[0]
                            .0
                            .file_name()
                            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
                    ));
                }
                Ok(None) => {
                    ui.label("Dit register staat alleen in het geheugen en heeft geen backups.");
                }
                Err(fout) => {
                    ui.colored_label(FOUT_KLEUR, format!("De backups zijn niet te lezen: {fout}"));
                }
            }
            vernieuw = ui.button("Vernieuwen").clicked();
        });
        if vernieuw {
            self.backups = None;
        }
    }

    /// The welcome of an empty register.
    pub fn welkom_ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> Option<Actie> {
        let bezig = self.bezig();
        let eind_jaar = loket.vandaag().year();
        let mut command = None;
        ui.add_space(24.0);
        ui.heading(RichText::new("Welkom bij wijkregister").size(26.0));
        ui.add_space(8.0);
        ui.label("Dit register is nog leeg: er staan geen inwoners in. Kies hoe u wilt beginnen.");
        ui.add_space(16.0);
        ui.label(RichText::new("Om te oefenen").strong().size(16.0));
        ui.label("Maak een verzonnen gemeente met 5.000 inwoners en 5 jaar geschiedenis.");
        if ui
            .add_enabled(
                bezig.is_none(),
                egui::Button::new(RichText::new("Demogegevens laden").size(16.0)),
            )
            .clicked()
        {
            command = Some(Command::LaadDemo { eind_jaar });
        }
        ui.add_space(16.0);
        ui.label(RichText::new("Bestand importeren…").strong().size(16.0));
        ui.label("Neem gegevens over uit een uitwisselbestand (wijkregister-jsonl), bijvoorbeeld uit het vorige systeem.");
        if let Some(c) = self.importformulier_ui(ui, bezig.is_some()) {
            command = Some(c);
        }
        ui.add_space(16.0);
        self.voortgang_ui(ui, bezig.as_ref());
        if let Some(command) = command {
            self.start(command, loket);
        }
        None
    }

    fn importformulier_ui(&mut self, ui: &mut egui::Ui, bezig: bool) -> Option<Command> {
        let mut command = None;
        ui.horizontal(|ui| {
            let label = ui.label("Pad naar het bestand:");
            let veld = ui
                .add(
                    egui::TextEdit::singleline(&mut self.pad)
                        .char_limit(crate::ui::widgets::lengte::PAD)
                        .hint_text("/pad/naar/register.jsonl")
                        .desired_width(420.0),
                )
                .labelled_by(label.id);
            if ui.button("Bladeren…").clicked()
                && let Some(gekozen) = rfd::FileDialog::new()
                    .set_title("Uitwisselbestand kiezen")
                    .add_filter("wijkregister-jsonl", &["jsonl", "json", "txt"])
                    .pick_file()
            {
                self.pad = gekozen.display().to_string();
            }
            let enter = veld.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui
                .add_enabled(!bezig, egui::Button::new("Importeren"))
                .clicked()
                || (enter && !bezig))
                && command.is_none()
            {
                command = Some(Command::Importeer(self.pad.trim().into()));
            }
        });
        command
    }

    fn voortgang_ui(&self, ui: &mut egui::Ui, bezig: Option<&(String, u64)>) {
        if let Some((omschrijving, regels)) = bezig {
            let regels = *regels;
            ui.horizontal(|ui| {
                ui.spinner();
                if regels > 0 {
                    ui.label(format!(
                        "{omschrijving}… {} regels gelezen",
                        duizendtallen(regels as usize)
                    ));
                } else {
                    ui.label(format!("{omschrijving}…"));
                }
            });
            return;
        }
        match &self.uitkomst {
            None => {}
            Some(Uitkomst::Geimporteerd { records }) => {
                ui.colored_label(
                    GOED_KLEUR,
                    format!(
                        "Import gelukt: {} records opgeslagen.",
                        duizendtallen(*records as usize)
                    ),
                );
            }
            Some(Uitkomst::DemoGeladen { records }) => {
                ui.colored_label(
                    GOED_KLEUR,
                    format!(
                        "Demogegevens geladen: {} records.",
                        duizendtallen(*records as usize)
                    ),
                );
            }
            Some(Uitkomst::DemoMislukt(reden)) => {
                ui.colored_label(
                    FOUT_KLEUR,
                    RichText::new("Demogegevens laden is mislukt").strong(),
                );
                ui.colored_label(FOUT_KLEUR, reden);
            }
            Some(Uitkomst::ImportMislukt(fouten)) => importfouten_ui(ui, fouten),
        }
    }
}

impl SchermUi for BeheerScherm {
    /// Beheer: import and demo data; for a beheerder the accounts, the audit
    /// log and the retention terms; the texts of the AVE levels.
    fn ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> Option<Actie> {
        let beheerder = loket
            .sessie()
            .is_some_and(|s| s.rol() == crate::domain::Rol::Beheerder);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.invoer_ui(ui, loket);
                let mut actie = None;
                if beheerder {
                    ui.add_space(12.0);
                    self.accounts.ui(ui, loket);
                    ui.add_space(12.0);
                    self.backups_ui(ui, loket);
                    ui.add_space(12.0);
                    self.auditlog.ui(ui, loket);
                    ui.add_space(8.0);
                    if self.bewaartermijn.ui(ui, loket) {
                        // The bewaartermijn section says what was destroyed.
                        actie = Some(Actie::RegisterGewijzigd(None));
                    }
                }
                ui.add_space(12.0);
                self.ave_teksten.ui(ui, loket);
                actie
            })
            .inner
    }
}

fn importfouten_ui(ui: &mut egui::Ui, fouten: &ImportFouten) {
    ui.colored_label(
        FOUT_KLEUR,
        RichText::new("Import mislukt: er is niets opgeslagen").strong(),
    );
    let n = fouten.fouten.len();
    ui.label(if fouten.afgekapt {
        format!("De eerste {n} fouten (er zijn er meer). Herstel ze in het bestand en importeer opnieuw.")
    } else if n == 1 {
        "1 fout. Herstel die in het bestand en importeer opnieuw.".to_owned()
    } else {
        format!("{n} fouten. Herstel ze in het bestand en importeer opnieuw.")
    });
    TableBuilder::new(ui)
        .id_salt("importfouten")
        .striped(true)
        .max_scroll_height(320.0)
        .column(Column::exact(70.0))
        .column(Column::initial(160.0).clip(true))
        .column(Column::remainder().at_least(200.0))
        .header(24.0, |mut kop| {
            for t in ["Regel", "Veld", "Wat is er mis"] {
                kop.col(|ui| {
                    ui.label(RichText::new(t).strong());
                });
            }
        })
        .body(|body| {
            body.rows(22.0, n, |mut rij| {
                let Some(f) = fouten.fouten.get(rij.index()) else {
                    return;
                };
                rij.col(|ui| {
                    ui.label(if f.regel == 0 {
                        "–".to_owned()
                    } else {
                        f.regel.to_string()
                    });
                });
                rij.col(|ui| {
                    ui.label(f.veld.as_deref().unwrap_or("–"));
                });
                rij.col(|ui| {
                    ui.label(&f.reden);
                });
            });
        });
}
