//! Maintenance on start, shown: the daily backup and `PRAGMA quick_check`
//! (`gateway::onderhoud`), on a background thread with its own connection,
//! so the first frame is never delayed. A damaged database is said plainly, with the latest backup
//! offered for restore. The daily backup is compressed and logged (as
//! `systeem`) before it gets its name; a register whose files were
//! readable by others is tightened when it is opened, and said here once.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};

use chrono::NaiveDate;
use egui::RichText;

use crate::gateway::Loket;
use crate::gateway::onderhoud::{Bevinding, controleer_en_backup, neem_waarschuwingen};
use crate::ui::theme::{FOUT_KLEUR, GOED_KLEUR};

/// The maintenance state the app carries.
#[derive(Default)]
pub struct Onderhoud {
    ontvanger: Option<Receiver<(Bevinding, Vec<String>)>>,
    waarschuwingen: Vec<String>,
    bevinding: Option<Bevinding>,
    melding: Option<String>,
    gesloten: bool,
}

impl Onderhoud {
    /// Starts the check and backup in the background for the register at `db`.
    #[must_use]
    pub fn start(db: PathBuf, vandaag: NaiveDate, ctx: egui::Context) -> Onderhoud {
        let (zender, ontvanger) = mpsc::channel();
        let gestart = std::thread::Builder::new()
            .name("onderhoud".into())
            .spawn(move || {
                let bevinding = controleer_en_backup(&db, vandaag);
                // Modes tightened when the register was opened: said once.
                let _ = zender.send((bevinding, neem_waarschuwingen()));
                ctx.request_repaint();
            });
        Onderhoud {
            ontvanger: gestart.ok().map(|_| ontvanger),
            ..Onderhoud::default()
        }
    }

    /// What was found, once the background work is done.
    #[must_use]
    pub fn bevinding(&self) -> Option<&Bevinding> {
        self.bevinding.as_ref()
    }

    /// Shows a banner when something needs the user's attention.
    pub fn ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) {
        if let Some(ontvanger) = &self.ontvanger
            && let Ok((b, waarschuwingen)) = ontvanger.try_recv()
        {
            self.bevinding = Some(b);
            self.waarschuwingen = waarschuwingen;
            self.ontvanger = None;
        }
        if !self.waarschuwingen.is_empty() {
            let mut gezien = false;
            egui::Panel::top("bestandsrechten").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    for w in &self.waarschuwingen {
                        ui.colored_label(FOUT_KLEUR, RichText::new(w).strong());
                    }
                    gezien = ui.button("Sluiten").clicked();
                });
            });
            if gezien {
                self.waarschuwingen.clear();
            }
        }
        if self.gesloten {
            return;
        }
        let Some(bevinding) = self.bevinding.clone() else {
            return;
        };
        match bevinding {
            Bevinding::Gezond { .. } => {}
            Bevinding::BackupMislukt(fout) => {
                egui::Panel::top("onderhoud").show(ui, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        ui.colored_label(
                            FOUT_KLEUR,
                            RichText::new(format!("De dagelijkse backup is mislukt: {fout}"))
                                .strong(),
                        );
                        if ui.button("Sluiten").clicked() {
                            self.gesloten = true;
                        }
                    });
                });
            }
            Bevinding::Beschadigd {
                fout,
                laatste_backup,
            } => {
                egui::Panel::top("onderhoud").show(ui, |ui| {
                    ui.colored_label(
                        FOUT_KLEUR,
                        RichText::new(format!("Let op: de database is beschadigd ({fout}).")).strong(),
                    );
                    match &laatste_backup {
                        Some(pad) => {
                            ui.label(format!(
                                "De laatste backup is {}. Terugzetten vervangt het register door die backup; \
                                 de huidige stand wordt eerst apart bewaard.",
                                pad.display()
                            ));
                            ui.horizontal(|ui| {
                                if ui.button("Laatste backup terugzetten").clicked() {
                                    self.melding = Some(match loket.herstel_backup(pad) {
                                        Ok(()) => "De backup is teruggezet.".to_owned(),
                                        Err(fout) => format!("Terugzetten is mislukt: {fout}"),
                                    });
                                }
                                if ui.button("Sluiten").clicked() {
                                    self.gesloten = true;
                                }
                            });
                        }
                        None => {
                            ui.label("Er is nog geen backup. Neem contact op met de beheerder.");
                        }
                    }
                    if let Some(m) = &self.melding {
                        ui.colored_label(GOED_KLEUR, m);
                    }
                });
            }
        }
    }
}
