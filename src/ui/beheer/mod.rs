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

/// Backups of a shared register: the database server's work, not the app's.
const GEDEELDE_BACKUPS: &str = "Dit is een gedeeld register (PostgreSQL): de backups maakt de beheerder van de databaseserver (pg_dump), niet wijkregister. Zie README, Gedeeld register.";

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
    /// The backup chosen to restore, while its confirmation is open.
    terugzetten: Option<std::path::PathBuf>,
    /// The button that asked for the restore: the focus goes back to it
    /// when the question is cancelled.
    terug_naar: Option<egui::Id>,
    /// What the last backup or restore did.
    backupmelding: Option<Result<String, String>>,
}

/// A backup file as a reader names it: what kind and from when
/// ("Dagelijkse backup van 06-12-2026", "Handmatige backup van 06-12-2026
/// 08:30:00", "Stand vóór terugzetten, 06-12-2026 08:31:00"), or its file
/// name when it is none of those.
fn backupnaam(pad: &std::path::Path) -> String {
    let naam = pad
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let stam = naam
        .strip_suffix(crate::store::backup::EXTENSIE)
        .or_else(|| naam.strip_suffix(".sqlite"))
        .unwrap_or(&naam);
    let moment = |tekst: &str| {
        chrono::NaiveDateTime::parse_from_str(tekst, "%Y-%m-%d-%H%M%S")
            .map(|t| t.format("%d-%m-%Y %H:%M:%S").to_string())
            .or_else(|_| {
                chrono::NaiveDate::parse_from_str(tekst, "%Y-%m-%d")
                    .map(|d| d.format("%d-%m-%Y").to_string())
            })
            .ok()
    };
    let soorten = [
        ("backup-", "Dagelijkse backup van "),
        ("handmatig-", "Handmatige backup van "),
        ("voor-herstel-", "Stand vóór terugzetten, "),
    ];
    soorten
        .iter()
        .find_map(|(voor, tekst)| {
            stam.strip_prefix(voor)
                .and_then(moment)
                .map(|m| format!("{tekst}{m}"))
        })
        .unwrap_or_else(|| stam.to_owned())
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
                Some(format!(
                    "Import gelukt: {} opgeslagen.",
                    crate::ui::woorden::aantal(*records, "gegeven", "gegevens")
                ))
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
        ui.label(crate::ui::theme::sectie("Uitwisselbestand importeren"));
        ui.label("Een bestand in het formaat wijkregister-jsonl. Een import is alles of niets: bij één fout wordt niets opgeslagen.");
        let mut command = self.importformulier_ui(ui, bezig.is_some());
        // Demo data goes only into an empty register (the store refuses it
        // otherwise), so a full register does not offer it.
        let leeg = *self
            .leeg
            .get_or_insert_with(|| loket.gateway().is_leeg().unwrap_or(false));
        if leeg {
            ui.add_space(12.0);
            ui.label(crate::ui::theme::sectie("Demogegevens"));
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

    /// The backups beside the register: a list with date and size, a
    /// backup now, and restoring the chosen one after a confirmation in a
    /// dialog (read once, again after a change or on "Vernieuwen").
    fn backups_ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> Option<Actie> {
        let overzicht = self
            .backups
            .get_or_insert_with(|| loket.backupoverzicht().map_err(|f| f.to_string()))
            .clone();
        ui.label(crate::ui::theme::sectie("Backups"));
        let mut vernieuw = false;
        let mut nu_maken = false;
        match &overzicht {
            Ok(Some(o)) => {
                if o.bestanden.is_empty() {
                    ui.label(format!("Nog geen backups in {}.", o.map.display()));
                } else {
                    ui.label(format!(
                        "{}, samen {} (het register zelf: {}), in {}.",
                        crate::ui::woorden::aantal(o.bestanden.len() as u64, "backup", "backups"),
                        crate::store::backup::grootte(o.totaal_bytes),
                        crate::store::backup::grootte(o.register_bytes),
                        o.map.display(),
                    ));
                    egui::ScrollArea::vertical()
                        .id_salt("backuplijst")
                        .max_height(160.0)
                        .show(ui, |ui| {
                            egui::Grid::new("backups")
                                .striped(true)
                                .num_columns(3)
                                .spacing([16.0, 4.0])
                                .show(ui, |ui| {
                                    for kop in ["Backup", "Grootte", ""] {
                                        ui.label(RichText::new(kop).strong());
                                    }
                                    ui.end_row();
                                    for (pad, bytes) in &o.bestanden {
                                        ui.label(backupnaam(pad));
                                        ui.label(crate::store::backup::grootte(*bytes));
                                        if ui
                                            .button("Terugzetten…")
                                            .on_hover_text(format!(
                                                "Vervang het register door: {}",
                                                backupnaam(pad)
                                            ))
                                            .clicked()
                                        {
                                            self.terugzetten = Some(pad.clone());
                                            // Esc gives the focus back here.
                                            self.terug_naar = ui.memory(egui::Memory::focused);
                                        }
                                        ui.end_row();
                                    }
                                });
                        });
                }
                ui.horizontal(|ui| {
                    nu_maken = ui.button("Nu een backup maken").clicked();
                    vernieuw = ui.button("Lijst vernieuwen").clicked();
                });
            }
            Ok(None) if loket.gateway().motor() == Some(crate::store::db::Motor::Postgres) => {
                ui.label(GEDEELDE_BACKUPS);
            }
            Ok(None) => {
                ui.label("Dit register staat alleen in het geheugen en heeft geen backups.");
            }
            Err(fout) => {
                ui.colored_label(FOUT_KLEUR, format!("De backups zijn niet te lezen: {fout}"));
                vernieuw = ui.button("Opnieuw lezen").clicked();
            }
        }
        if nu_maken {
            self.backupmelding = Some(match loket.maak_backup_nu() {
                Ok(v) => Ok(format!(
                    "Backup gemaakt: {} ({} van een register van {}).",
                    backupnaam(&v.pad),
                    crate::store::backup::grootte(v.bytes),
                    crate::store::backup::grootte(v.register_bytes)
                )),
                Err(fout) => Err(format!(
                    "De backup is niet gemaakt: {}",
                    crate::ui::woorden::met_hoofdletter(&fout.to_string())
                )),
            });
            vernieuw = true;
        }
        match &self.backupmelding {
            Some(Ok(tekst)) => {
                ui.colored_label(GOED_KLEUR, tekst);
            }
            Some(Err(tekst)) => {
                ui.colored_label(FOUT_KLEUR, tekst);
            }
            None => {}
        }
        let actie = self.terugzetten_ui(ui, loket);
        if vernieuw || actie.is_some() {
            self.backups = None;
        }
        actie
    }

    /// The confirmation of a restore, as a dialog over the screen (never
    /// below the list, out of sight); Esc or "Annuleren" closes it.
    fn terugzetten_ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> Option<Actie> {
        let pad = self.terugzetten.clone()?;
        let mut terugzetten = false;
        let mut sluiten = false;
        let modal = egui::Modal::new(egui::Id::unique("backup_terugzetten")).show(ui.ctx(), |ui| {
            ui.set_max_width(520.0);
            ui.heading("Backup terugzetten?");
            ui.label(format!(
                "Het register wordt vervangen door: {}. Alles wat daarna is vastgelegd, staat niet in die backup. De huidige stand wordt eerst als aparte backup bewaard.",
                backupnaam(&pad)
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                terugzetten = ui.button("Terugzetten").clicked();
                sluiten = ui.button("Annuleren").clicked();
            });
            ui.label("Esc = annuleren; Tab kiest een knop, Enter of spatie drukt die in.");
        });
        if modal.should_close() {
            sluiten = true;
        }
        if sluiten {
            self.terugzetten = None;
            if let Some(id) = self.terug_naar.take() {
                crate::ui::widgets::focus_straks(ui.ctx(), id);
            }
            return None;
        }
        if !terugzetten {
            return None;
        }
        self.terugzetten = None;
        match loket.zet_backup_terug(&pad) {
            Ok((_, kopie)) => {
                let tekst = format!(
                    "{} teruggezet. De stand van daarvoor is bewaard als: {}.",
                    backupnaam(&pad),
                    backupnaam(&kopie)
                );
                // The app shows the message (once) with the register reread.
                self.backupmelding = None;
                self.auditlog.vernieuw();
                self.bewaartermijn.vernieuw();
                self.leeg = None;
                Some(Actie::RegisterGewijzigd(Some(tekst)))
            }
            Err(fout) => {
                self.backupmelding = Some(Err(format!(
                    "Er is niets teruggezet: {}",
                    crate::ui::woorden::met_hoofdletter(&fout.to_string())
                )));
                None
            }
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
        ui.label(crate::ui::theme::sectie("Om te oefenen"));
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
        ui.label(crate::ui::theme::sectie("Bestand importeren…"));
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
                        "Import gelukt: {} opgeslagen.",
                        crate::ui::woorden::aantal(*records, "gegeven", "gegevens")
                    ),
                );
            }
            Some(Uitkomst::DemoGeladen { records }) => {
                ui.colored_label(
                    GOED_KLEUR,
                    format!(
                        "Demogegevens geladen: {}.",
                        crate::ui::woorden::aantal(*records, "gegeven", "gegevens")
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
                    actie = self.backups_ui(ui, loket);
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
