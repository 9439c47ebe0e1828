//! The app's only door to the database: read queries for the screens and
//! [`Command`]s for long writes (import, demo data).
//!
//! Screens never hold a `Connection`; they call the read methods here. A
//! command runs outside the drawing pass: with a database file it runs on a
//! background thread with its own connection (`store::open`), reporting
//! progress over a channel so the window stays responsive; on an in-memory
//! register (tests) it runs at once on the app's connection. Either way the
//! result comes back once, through [`Register::neem_uitkomst`].

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::demo::{DemoInstellingen, vul_register};
use crate::domain::Wet;
use crate::store::dossier::Dossier;
use crate::store::import::{ImportFout, ImportFouten, importeer_bestand_als};
use crate::store::inwoners::{InwonerRij, Zoekvraag};
use crate::store::medewerkers::MedewerkerRij;
use crate::store::sociale_kaart::{AanbiederRij, ContractRij, KaartFilter, VoorzieningRij};
use crate::store::{self, StoreFout, toegang};

/// A write the user asked for.
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

enum Bericht {
    Voortgang(u64),
    Klaar(Uitkomst),
}

struct LopendeTaak {
    omschrijving: String,
    regels: u64,
    ontvanger: Receiver<Bericht>,
}

/// The register as the screens see it.
pub struct Register {
    conn: Connection,
    pad: Option<PathBuf>,
    taak: Option<LopendeTaak>,
    klaar: Option<Uitkomst>,
    /// Who the register works for, and "today" for the access rules
    /// (`store::toegang`); `None`: nobody, so no resident data at all.
    toegang: Option<Toegang>,
}

/// The logged-in medewerker and the day the access rules are applied on.
#[derive(Debug, Clone)]
pub struct Toegang {
    /// The medewerker (role and wijkteam decide what they may see).
    pub gebruiker: MedewerkerRij,
    /// Today (a procesmanager's access depends on the AVE level that day).
    pub vandaag: NaiveDate,
}

impl Register {
    /// Wraps an open connection. With `pad` (the database file) commands run
    /// in the background on their own connection; without, they run at once.
    #[must_use]
    pub fn new(conn: Connection, pad: Option<PathBuf>) -> Register {
        Register {
            conn,
            pad,
            taak: None,
            klaar: None,
            toegang: None,
        }
    }

    /// Sets who the register works for (after a login; `None` after a
    /// logout). Every read of resident data and every write is checked
    /// against this medewerker's role and wijkteam.
    pub fn zet_toegang(&mut self, toegang: Option<Toegang>) {
        self.toegang = toegang;
    }

    /// Who the register works for, if anyone (a background task takes a copy).
    #[must_use]
    pub fn toegang(&self) -> Option<&Toegang> {
        self.toegang.as_ref()
    }

    /// The medewerker the register works for, or the refusal "niet ingelogd".
    pub(in crate::ui) fn gebruiker(&self) -> Result<&MedewerkerRij, StoreFout> {
        self.toegang
            .as_ref()
            .map(|t| &t.gebruiker)
            .ok_or_else(|| StoreFout::GeenToegang("niemand is ingelogd".to_owned()))
    }

    /// The day the access rules are applied on.
    pub(in crate::ui) fn toegangsdag(&self) -> NaiveDate {
        self.toegang.as_ref().map_or(NaiveDate::MIN, |t| t.vandaag)
    }

    /// Whether the logged-in medewerker may open resident `inwoner`'s
    /// dossier; a refusal is logged in the audit log at `nu`.
    pub fn mag_openen(&self, inwoner: &str, nu: chrono::NaiveDateTime) -> Result<bool, StoreFout> {
        let g = self.gebruiker()?;
        if toegang::mag_inwoner(&self.conn, g, inwoner, self.toegangsdag())? {
            return Ok(true);
        }
        toegang::log_geweigerd(&self.conn, g, &format!("inwoner:{inwoner}"), nu)?;
        Ok(false)
    }

    /// Whether the logged-in medewerker may open household `huishouden`;
    /// a refusal is logged in the audit log at `nu`.
    pub fn mag_huishouden_openen(
        &self,
        huishouden: &str,
        nu: chrono::NaiveDateTime,
    ) -> Result<bool, StoreFout> {
        let g = self.gebruiker()?;
        match toegang::eis_huishouden(&self.conn, g, huishouden, self.toegangsdag()) {
            Ok(()) => Ok(true),
            Err(StoreFout::GeenToegang(_)) => {
                toegang::log_geweigerd(&self.conn, g, &format!("huishouden:{huishouden}"), nu)?;
                Ok(false)
            }
            Err(fout) => Err(fout),
        }
    }

    /// Refuses unless the logged-in medewerker has `recht`.
    pub(in crate::ui) fn eis(&self, recht: toegang::Recht) -> Result<&MedewerkerRij, StoreFout> {
        let g = self.gebruiker()?;
        toegang::eis(g, recht)?;
        Ok(g)
    }

    /// Refuses a write recorded in another medewerker's name: the actor of
    /// every write is the logged-in medewerker.
    pub(in crate::ui) fn eis_zelf(&self, medewerker: &str) -> Result<&MedewerkerRij, StoreFout> {
        let g = self.gebruiker()?;
        if g.id == medewerker {
            Ok(g)
        } else {
            Err(StoreFout::GeenToegang(format!(
                "{} kan niet vastleggen namens {medewerker}",
                g.naam
            )))
        }
    }

    /// The connection, for the Register's own extension files
    /// (`register_*.rs` in `ui`); screens never call this.
    #[allow(
        dead_code,
        reason = "used by the register_* extension files as they come"
    )]
    pub(in crate::ui) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The connection for writes, for the Register's own extension files.
    #[allow(
        dead_code,
        reason = "used by the register_* extension files as they come"
    )]
    pub(in crate::ui) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// Restores the register from a backup file (the current state is kept
    /// beside the database first).
    pub fn herstel_backup(&mut self, bron: &std::path::Path) -> Result<(), StoreFout> {
        let actor = self.eis(toegang::Recht::Backups)?.id.clone();
        let db = self.pad.clone().unwrap_or_else(store::standaard_pad);
        let kopie = store::backup::voor_herstel_pad(&db);
        store::backup::herstel(&mut self.conn, bron, &kopie, &actor).map(|_| ())
    }

    /// The database file, when the register is one (background work opens
    /// its own connection on it); `None` for an in-memory register.
    #[must_use]
    pub fn db_pad(&self) -> Option<&Path> {
        self.pad.as_deref()
    }

    /// Every medewerker, by name.
    pub fn medewerkers(&self) -> Result<Vec<store::medewerkers::MedewerkerRij>, StoreFout> {
        store::medewerkers::alle(&self.conn)
    }

    /// Whether the register holds no residents yet.
    pub fn is_leeg(&self) -> Result<bool, StoreFout> {
        store::is_leeg(&self.conn)
    }

    /// Residents matching a search, as far as the medewerker may see them.
    pub fn zoek_inwoners(&self, vraag: &Zoekvraag) -> Result<Vec<InwonerRij>, StoreFout> {
        toegang::zoek(&self.conn, self.gebruiker()?, vraag, self.toegangsdag())
    }

    /// The wijkteams as (id, naam).
    pub fn wijkteams(&self) -> Result<Vec<(String, String)>, StoreFout> {
        store::inwoners::wijkteams(&self.conn)
    }

    /// A resident's dossier on `vandaag`.
    pub fn dossier(&self, id: &str, vandaag: NaiveDate) -> Result<Dossier, StoreFout> {
        toegang::eis_inwoner(&self.conn, self.gebruiker()?, id, self.toegangsdag())?;
        store::dossier::dossier(&self.conn, id, vandaag)
    }

    /// Provisions of the sociale kaart.
    pub fn voorzieningen(&self, filter: KaartFilter) -> Result<Vec<VoorzieningRij>, StoreFout> {
        store::sociale_kaart::voorzieningen(&self.conn, filter)
    }

    /// Providers with their number of contracts.
    pub fn aanbieders(&self, wet: Option<Wet>) -> Result<Vec<AanbiederRij>, StoreFout> {
        store::sociale_kaart::aanbieders(&self.conn, wet)
    }

    /// Contracts.
    pub fn contracten(&self, wet: Option<Wet>) -> Result<Vec<ContractRij>, StoreFout> {
        store::sociale_kaart::contracten(&self.conn, wet)
    }

    /// What is running and how many lines it has read, if anything runs.
    #[must_use]
    pub fn bezig(&self) -> Option<(&str, u64)> {
        self.taak
            .as_ref()
            .map(|t| (t.omschrijving.as_str(), t.regels))
    }

    /// Starts a command. `ctx` is asked to repaint when the background work
    /// reports. A second command while one runs is refused with a message.
    pub fn voer_uit(&mut self, command: Command, ctx: &egui::Context) {
        if self.taak.is_some() {
            return;
        }
        let actor = match self.eis(toegang::Recht::Import) {
            Ok(g) => g.id.clone(),
            Err(fout) => {
                self.klaar = Some(mislukt(&command, fout.to_string()));
                return;
            }
        };
        if let Command::Importeer(pad) = &command
            && let Some(fout) = controleer_pad(pad).or_else(|| {
                // Room on the disk for the register and its WAL, before anything starts.
                let db = self.pad.as_deref()?;
                store::past_import(db, pad).err().map(|f| ImportFout {
                    regel: 0,
                    veld: None,
                    reden: f.to_string(),
                })
            })
        {
            self.klaar = Some(Uitkomst::ImportMislukt(ImportFouten {
                fouten: vec![fout],
                afgekapt: false,
            }));
            return;
        }
        let Some(db) = self.pad.clone() else {
            let uitkomst = voer_command_uit(&mut self.conn, &command, &actor, &mut |_| {});
            self.klaar = Some(uitkomst);
            return;
        };
        let (zender, ontvanger) = mpsc::channel();
        let omschrijving = command.omschrijving();
        let ctx = ctx.clone();
        let gestart = std::thread::Builder::new()
            .name("wijkregister-taak".into())
            .spawn(move || {
                let uitkomst = match store::open(&db) {
                    Ok(mut conn) => {
                        let voortgang_zender = zender.clone();
                        let voortgang_ctx = ctx.clone();
                        voer_command_uit(&mut conn, &command, &actor, &mut |regels| {
                            let _ = voortgang_zender.send(Bericht::Voortgang(regels));
                            voortgang_ctx.request_repaint();
                        })
                    }
                    Err(fout) => mislukt(&command, fout.to_string()),
                };
                let _ = zender.send(Bericht::Klaar(uitkomst));
                ctx.request_repaint();
            });
        match gestart {
            Ok(_) => {
                self.taak = Some(LopendeTaak {
                    omschrijving,
                    regels: 0,
                    ontvanger,
                });
            }
            Err(fout) => {
                self.klaar = Some(Uitkomst::DemoMislukt(format!(
                    "de achtergrondtaak kon niet starten: {fout}"
                )));
            }
        }
    }

    /// Collects progress and, once, the outcome of the last command.
    pub fn neem_uitkomst(&mut self) -> Option<Uitkomst> {
        if let Some(taak) = &mut self.taak {
            loop {
                match taak.ontvanger.try_recv() {
                    Ok(Bericht::Voortgang(regels)) => taak.regels = regels,
                    Ok(Bericht::Klaar(uitkomst)) => {
                        self.taak = None;
                        self.klaar = Some(uitkomst);
                        break;
                    }
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        self.taak = None;
                        self.klaar = Some(Uitkomst::DemoMislukt(
                            "de achtergrondtaak is onverwacht gestopt".into(),
                        ));
                        break;
                    }
                }
            }
        }
        self.klaar.take()
    }
}

/// A clear error for a path that cannot be imported, before anything starts.
fn controleer_pad(pad: &Path) -> Option<ImportFout> {
    let reden = if pad.as_os_str().is_empty() {
        "geen bestand opgegeven: typ het pad van een uitwisselbestand of kies Bladeren…".to_owned()
    } else if !pad.exists() {
        format!("het bestand {} bestaat niet", pad.display())
    } else if !pad.is_file() {
        format!("{} is geen bestand", pad.display())
    } else {
        return None;
    };
    Some(ImportFout {
        regel: 0,
        veld: None,
        reden,
    })
}

fn mislukt(command: &Command, reden: String) -> Uitkomst {
    match command {
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

/// Runs a command as `actor` and records it in the audit log: an import in
/// its own transaction, demo data and a failed import right after (as
/// `mislukt` when it failed).
fn voer_command_uit(
    conn: &mut Connection,
    command: &Command,
    actor: &str,
    voortgang: &mut dyn FnMut(u64),
) -> Uitkomst {
    let uitkomst = voer_command_uit_zonder_log(conn, command, actor, voortgang);
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
            store::audit::Resultaat::Gelukt,
            format!("records={records}"),
        ),
        Uitkomst::ImportMislukt(f) => (
            store::audit::Resultaat::Mislukt,
            format!("fouten={}", f.fouten.len()),
        ),
        Uitkomst::DemoMislukt(_) => (store::audit::Resultaat::Mislukt, String::new()),
    };
    let logged = store::audit::log(
        conn,
        &store::audit::Logregel {
            tijdstip: &store::audit::tijdstip(&chrono::Utc::now()),
            actor,
            actie,
            object: Some(&object),
            doel: None,
            resultaat,
            details: (!details.is_empty()).then_some(details.as_str()),
        },
    );
    // The data is stored either way; a log row that could not be written
    // must not turn that into "nothing stored".
    drop(logged);
    uitkomst
}

fn voer_command_uit_zonder_log(
    conn: &mut Connection,
    command: &Command,
    actor: &str,
    voortgang: &mut dyn FnMut(u64),
) -> Uitkomst {
    match command {
        Command::Importeer(pad) => match importeer_bestand_als(conn, pad, Some(actor), voortgang) {
            Ok(verslag) => Uitkomst::Geimporteerd {
                records: verslag.records,
            },
            Err(fouten) => Uitkomst::ImportMislukt(fouten),
        },
        Command::LaadDemo { eind_jaar } => {
            let inst = DemoInstellingen {
                inwoners: 5_000,
                jaren: 5,
                eind_jaar: *eind_jaar,
                seed: 1,
                // Nothing after today when the demo ends in the current year.
                peildatum: Some(chrono::Local::now().date_naive())
                    .filter(|d| chrono::Datelike::year(d) == *eind_jaar),
            };
            match vul_register(conn, &inst) {
                Ok(verslag) => Uitkomst::DemoGeladen {
                    records: verslag.records,
                },
                Err(fout) => Uitkomst::DemoMislukt(fout.to_string()),
            }
        }
    }
}
