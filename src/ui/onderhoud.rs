//! Maintenance on start: the daily backup and `PRAGMA quick_check`, on a
//! background thread with its own connection, so the first frame is never
//! delayed. A damaged database is said plainly, with the latest backup
//! offered for restore. The daily backup is compressed and logged (as
//! `systeem`) before it gets its name; a register whose files were
//! readable by others is tightened when it is opened, and said here once.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};

use chrono::NaiveDate;
use egui::RichText;

use crate::gateway::Loket;
use crate::store::{self, backup};
use crate::ui::theme::{FOUT_KLEUR, GOED_KLEUR};

/// What the background check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bevinding {
    /// The database is sound; today's backup was written (or already there).
    Gezond {
        /// The backup written now, if one was due.
        backup: Option<PathBuf>,
    },
    /// `quick_check` found damage.
    Beschadigd {
        /// What SQLite reported.
        fout: String,
        /// The newest backup, if any.
        laatste_backup: Option<PathBuf>,
    },
    /// The backup could not be written (the database itself is sound).
    BackupMislukt(String),
}

/// Runs the check and the daily backup for the register at `db`.
#[must_use]
pub fn controleer_en_backup(db: &std::path::Path, vandaag: NaiveDate) -> Bevinding {
    let laatste = || backup::backups(db).ok().and_then(|l| l.last().cloned());
    let conn = match store::open(db) {
        Ok(c) => c,
        Err(fout) => {
            return Bevinding::Beschadigd {
                fout: fout.to_string(),
                laatste_backup: laatste(),
            };
        }
    };
    if let Err(fout) = backup::snelle_controle(&conn) {
        return Bevinding::Beschadigd {
            fout: fout.to_string(),
            laatste_backup: laatste(),
        };
    }
    drop(conn);
    match backup::dagelijkse_backup(db, vandaag) {
        Ok(pad) => Bevinding::Gezond { backup: pad },
        Err(fout) => Bevinding::BackupMislukt(fout.to_string()),
    }
}

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
                let _ = zender.send((bevinding, store::neem_waarschuwingen()));
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
