//! The long writes of Beheer: importing an exchange file and loading demo
//! data, as [`Command`]s. [`Loket::voer_uit`] runs one at once, as the
//! session's beheerder, and logs it; the front end runs it through the one
//! background helper ([`Loket::op_achtergrond`]) so the window stays
//! responsive.

use std::path::{Path, PathBuf};

use super::Loket;
use super::taak::Voortgang;
use crate::demo::{DemoInstellingen, vul_register};
use crate::store::StoreFout;
use crate::store::backup::{self, Backupverslag};
use crate::store::import::{ImportFout, ImportFouten, importeer_bestand_als};
use crate::store::toegang::Recht;

/// A long write the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Import an exchange file.
    Importeer(PathBuf),
    /// Fill the register with demo data ending in this year.
    LaadDemo {
        /// Last year of history.
        eind_jaar: i32,
    },
}

impl Command {
    /// What the user sees while it runs.
    #[must_use]
    pub fn omschrijving(&self) -> String {
        match self {
            Command::Importeer(pad) => format!("Bezig met importeren van {}", pad.display()),
            Command::LaadDemo { .. } => {
                "Bezig met het maken van demogegevens (5.000 inwoners, 5 jaar)".to_owned()
            }
        }
    }

    /// The outcome of a command that failed before or while it ran.
    #[must_use]
    pub fn mislukt(&self, reden: String) -> Uitkomst {
        match self {
            Command::Importeer(_) => Uitkomst::ImportMislukt(ImportFouten {
                fouten: vec![ImportFout {
                    regel: 0,
                    veld: None,
                    reden,
                }],
                afgekapt: false,
            }),
            Command::LaadDemo { .. } => Uitkomst::DemoMislukt(reden),
        }
    }
}

/// How a command ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Uitkomst {
    /// The import stored this many records.
    Geimporteerd {
        /// Records stored.
        records: u64,
    },
    /// The import stored nothing; these are the errors.
    ImportMislukt(ImportFouten),
    /// Demo data was written.
    DemoGeladen {
        /// Records written.
        records: u64,
    },
    /// Demo data could not be written.
    DemoMislukt(String),
}

/// A clear error for a path that cannot be imported, before anything starts.
fn controleer_pad(pad: &Path) -> Option<ImportFout> {
    let reden = if pad.as_os_str().is_empty() {
        "Geen bestand opgegeven: typ het pad van een uitwisselbestand of kies Bladeren…".to_owned()
    } else if !pad.exists() {
        format!(
            "Het bestand {} bestaat niet: controleer het pad of kies Bladeren…",
            pad.display()
        )
    } else if !pad.is_file() {
        format!(
            "{} is een map, geen bestand: kies het uitwisselbestand zelf",
            pad.display()
        )
    } else {
        return None;
    };
    Some(ImportFout {
        regel: 0,
        veld: None,
        reden,
    })
}

impl Loket<'_> {
    /// The backups beside the register: count, total size and the
    /// register's own size (beheerder only). `None` for a register in memory
    /// or on PostgreSQL (its backups are the database server's).
    pub fn backupoverzicht(
        &self,
    ) -> Result<Option<crate::store::backup::Backupoverzicht>, crate::store::StoreFout> {
        self.eis(Recht::Backups)?;
        self.gw
            .db_pad()
            .map(crate::store::backup::overzicht)
            .transpose()
    }

    /// The register's file, or a refusal for a register in memory.
    fn registerbestand(&self) -> Result<&Path, StoreFout> {
        self.gw.db_pad().ok_or_else(|| {
            StoreFout::HerstelGeweigerd(
                if self.gw.motor() == Some(crate::store::db::Motor::Postgres) {
                    "Dit is een gedeeld register (PostgreSQL): de backups maakt de beheerder van de databaseserver (pg_dump), niet wijkregister; er is niets gewijzigd."
                } else {
                    "Dit register staat alleen in het geheugen; er zijn geen backups."
                }
                .to_owned(),
            )
        })
    }

    /// Writes a backup now (beheerder only), with the same checks and the
    /// same audit row as `wijkregister backup`: a compressed copy named
    /// `handmatig-<moment>` in the register's backup folder, beside the
    /// daily ones (which it does not count against their retention).
    pub fn maak_backup_nu(&self) -> Result<Backupverslag, StoreFout> {
        let actor = self.eis(Recht::Backups)?.id.clone();
        let db = self.registerbestand()?;
        let map = backup::backup_map(db);
        crate::store::bestanden::maak_eigen_map(&map)?;
        let moment = self.klok.lokaal_nu().format("%Y-%m-%d-%H%M%S");
        let doel = map.join(format!("handmatig-{moment}{}", backup::EXTENSIE));
        backup::maak_backup(&*self.gw.lees()?, &doel, &actor)
    }

    /// Replaces the register with the backup `bron` (beheerder only), with
    /// the checks of `wijkregister restore` (`store::backup::herstel`: the
    /// file must be a wijkregister backup of a known schema with an intact
    /// audit log, else nothing changes); the current state is kept first.
    /// Returns the backup's schema version and where the former state is.
    pub fn zet_backup_terug(&self, bron: &Path) -> Result<(u32, PathBuf), StoreFout> {
        let actor = self.eis(Recht::Backups)?.id.clone();
        let db = self.registerbestand()?;
        let kopie = backup::voor_herstel_pad(db);
        let versie = backup::herstel(&mut *self.gw.schrijf()?, bron, &kopie, &actor)?;
        Ok((versie, kopie))
    }

    /// Runs `command` now, as the session's beheerder, and records it in the
    /// audit log: an import in its own transaction, demo data and a failed
    /// import right after (as `mislukt` when it failed). Progress is the
    /// number of lines read.
    pub fn voer_uit(&self, command: &Command, voortgang: Voortgang<'_>) -> Uitkomst {
        let actor = match self.eis(Recht::Import) {
            Ok(g) => g.id.clone(),
            Err(fout) => return command.mislukt(fout.to_string()),
        };
        if let Command::Importeer(pad) = command
            && let Some(fout) = controleer_pad(pad).or_else(|| {
                // Room on the disk for the register and its WAL, before anything starts.
                let db = self.gw.db_pad()?;
                crate::store::past_import(db, pad)
                    .err()
                    .map(|f| ImportFout {
                        regel: 0,
                        veld: None,
                        reden: f.to_string(),
                    })
            })
        {
            return Uitkomst::ImportMislukt(ImportFouten {
                fouten: vec![fout],
                afgekapt: false,
            });
        }
        let uitkomst = self.voer_uit_zonder_log(command, &actor, voortgang);
        if matches!(uitkomst, Uitkomst::Geimporteerd { .. }) {
            // Logged inside the import's own transaction.
            return uitkomst;
        }
        let (actie, object) = match command {
            Command::Importeer(pad) => ("import", pad.display().to_string()),
            Command::LaadDemo { .. } => ("demo-laden", "register".to_owned()),
        };
        let (resultaat, details) = match &uitkomst {
            Uitkomst::Geimporteerd { records } | Uitkomst::DemoGeladen { records } => (
                crate::store::audit::Resultaat::Gelukt,
                format!("records={records}"),
            ),
            Uitkomst::ImportMislukt(f) => (
                crate::store::audit::Resultaat::Mislukt,
                format!("fouten={}", f.fouten.len()),
            ),
            Uitkomst::DemoMislukt(_) => (crate::store::audit::Resultaat::Mislukt, String::new()),
        };
        if let Ok(conn) = self.gw.lees() {
            // The data is stored either way; a log row that could not be
            // written must not turn that into "nothing stored".
            let _ = crate::store::audit::log(
                &conn,
                &crate::store::audit::Logregel {
                    tijdstip: &self.klok.audit_tijdstip(),
                    actor: &actor,
                    actie,
                    object: Some(&object),
                    doel: None,
                    resultaat,
                    details: (!details.is_empty()).then_some(details.as_str()),
                },
            );
        }
        uitkomst
    }

    fn voer_uit_zonder_log(
        &self,
        command: &Command,
        actor: &str,
        voortgang: Voortgang<'_>,
    ) -> Uitkomst {
        let mut conn = match self.gw.schrijf() {
            Ok(conn) => conn,
            Err(fout) => return command.mislukt(fout.to_string()),
        };
        match command {
            Command::Importeer(pad) => {
                match importeer_bestand_als(&mut conn, pad, Some(actor), &mut |regels| {
                    voortgang(regels, 0);
                }) {
                    Ok(verslag) => Uitkomst::Geimporteerd {
                        records: verslag.records,
                    },
                    Err(fouten) => Uitkomst::ImportMislukt(fouten),
                }
            }
            Command::LaadDemo { eind_jaar } => {
                let inst = DemoInstellingen {
                    inwoners: 5_000,
                    jaren: 5,
                    eind_jaar: *eind_jaar,
                    seed: 1,
                    // Nothing after today when the demo ends in the current year.
                    peildatum: Some(self.vandaag)
                        .filter(|d| chrono::Datelike::year(d) == *eind_jaar),
                };
                match vul_register(&mut conn, &inst) {
                    Ok(verslag) => Uitkomst::DemoGeladen {
                        records: verslag.records,
                    },
                    Err(fout) => Uitkomst::DemoMislukt(fout.to_string()),
                }
            }
        }
    }
}
