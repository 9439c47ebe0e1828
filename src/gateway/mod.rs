//! The gateway: the one access-checked door to the register, for any front
//! end (the egui app today; the command line or a second front end could
//! use it the same way). It knows no egui: it asks a front end to repaint
//! through a callback ([`Gateway::zet_herteken`]).
//!
//! [`Gateway`] holds the connection and answers what needs no session (the
//! login door). Everything else is asked through a [`Loket`]: the gateway
//! bound to a [`Sessie`] (who works), "today" and the [`Klok`]. Each method
//! of a `Loket` is one user action: it checks first, through
//! `store::toegang`, the right of the session's role and, for resident data,
//! whether this resident is the session's; then it makes one store call,
//! which is one transaction. Every write is in the session's name: the
//! gateway builds who and when itself, and refuses a record whose
//! medewerker field names anyone else (see [`Loket::eis_zelf`]). No method
//! reads the system clock; the moment comes from the `Klok`.
//!
//! The gateway holds no session of its own: the front end's session is the
//! only record of who is logged in, and without one a `Loket` refuses every
//! resident. Reads and writes of one area live in one file each
//! (`klantreis.rs`, `ave.rs`, …); long work runs through [`taak`].

pub mod accounts;
pub mod auditlog;
pub mod ave;
pub mod beheer;
pub mod klantreis;
pub mod onderhoud;
pub mod rapportage;
pub mod sociale_kaart;
pub mod taak;
pub mod werkvoorraad;

use std::cell::{Ref, RefCell, RefMut};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::domain::Rol;
use crate::store::accounts::Doel;
use crate::store::db::{Motor, Register};
use crate::store::dossier::Dossier;
use crate::store::inwoners::{InwonerRij, Zoekvraag};
use crate::store::medewerkers::MedewerkerRij;
use crate::store::sociale_kaart::{AanbiederRij, ContractRij, KaartFilter, VoorzieningRij};
use crate::store::{self, StoreFout, toegang};

pub use crate::klok::Klok;
pub use taak::Taak;

/// Asks the front end to draw again (background work reports through it).
pub type Herteken = Arc<dyn Fn() + Send + Sync>;

/// The register's connection, for the login door and to make a [`Loket`].
pub struct Gateway {
    register: RefCell<Register>,
    pad: Option<PathBuf>,
    herteken: Herteken,
}

/// Who works: the medewerker of a login (or, in tests and tools, chosen
/// without one), with the purposes answered in this session.
///
/// The front end keeps the only `Sessie`; dropping it ends the session.
#[derive(Debug, Clone)]
pub struct Sessie {
    gebruiker: MedewerkerRij,
    gebruikersnaam: Option<String>,
    /// The purpose answered per opened object (`inwoner:…`, `huishouden:…`).
    doelen: RefCell<HashMap<String, Doel>>,
}

impl Sessie {
    /// A session for `gebruiker` after a login with `gebruikersnaam`.
    fn ingelogd(gebruiker: MedewerkerRij, gebruikersnaam: String) -> Sessie {
        Sessie {
            gebruiker,
            gebruikersnaam: Some(gebruikersnaam),
            doelen: RefCell::new(HashMap::new()),
        }
    }

    /// A session for `gebruiker` without a login: tests of screens and
    /// tools that hold the database file. It asks no purpose when a dossier
    /// opens. The app's door makes sessions only by a login.
    #[must_use]
    pub fn zonder_inloggen(gebruiker: MedewerkerRij) -> Sessie {
        Sessie {
            gebruiker,
            gebruikersnaam: None,
            doelen: RefCell::new(HashMap::new()),
        }
    }

    /// The medewerker (role and wijkteam decide what they may see).
    #[must_use]
    pub fn gebruiker(&self) -> &MedewerkerRij {
        &self.gebruiker
    }

    /// The medewerker id: the actor of every write and audit row.
    #[must_use]
    pub fn medewerker(&self) -> &str {
        &self.gebruiker.id
    }

    /// The medewerker's name.
    #[must_use]
    pub fn naam(&self) -> &str {
        &self.gebruiker.naam
    }

    /// The medewerker's role.
    #[must_use]
    pub fn rol(&self) -> Rol {
        self.gebruiker.rol
    }

    /// The gebruikersnaam of the login; `None` for a session without one.
    #[must_use]
    pub fn gebruikersnaam(&self) -> Option<&str> {
        self.gebruikersnaam.as_deref()
    }

    /// Whether opening a dossier or household asks the purpose (a login's session).
    #[must_use]
    pub fn vraagt_doel(&self) -> bool {
        self.gebruikersnaam.is_some()
    }

    /// The purpose answered for `wat` in this session, if any.
    #[must_use]
    pub fn doel(&self, wat: &TeOpenen) -> Option<Doel> {
        self.doelen.borrow().get(&wat.object()).copied()
    }
}

/// What is opened with a purpose (doel), logged as an audit row.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TeOpenen {
    /// A resident's dossier, by inwoner id.
    Dossier(String),
    /// A household's view (AVE), by huishouden id.
    Huishouden(String),
}

impl TeOpenen {
    /// The audit object: `inwoner:<id>` or `huishouden:<id>`.
    #[must_use]
    pub fn object(&self) -> String {
        match self {
            TeOpenen::Dossier(id) => format!("inwoner:{id}"),
            TeOpenen::Huishouden(id) => format!("huishouden:{id}"),
        }
    }
}

/// The answer to opening a dossier or a household.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opening {
    /// Open it now; the opening is logged with the purpose of this session.
    Open,
    /// Ask the purpose first, then [`Loket::open_met_doel`].
    VraagDoel,
    /// Refused (and the attempt logged); the message says why.
    Geweigerd(String),
}

/// A resident who may be the one being entered as new.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dubbel {
    /// A resident the session may see: name, date of birth, id.
    Zichtbaar(crate::store::klantreis::MogelijkDubbel),
    /// A resident outside the session's reach: only why it matched and the
    /// wijkteam to ask — no name, no date of birth.
    Elders {
        /// Same BSN, or same last name and date of birth.
        reden: crate::store::klantreis::DubbelReden,
        /// The name of the resident's wijkteam, if any.
        wijkteam: Option<String>,
    },
}

impl Gateway {
    /// Wraps an open connection. With `pad` (the database file) long work
    /// runs on its own connection in the background; without, at once.
    #[must_use]
    pub fn new(conn: Connection, pad: Option<PathBuf>) -> Gateway {
        Gateway {
            register: RefCell::new(Register::Sqlite(conn)),
            pad,
            herteken: Arc::new(|| {}),
        }
    }

    /// Opens the shared register at `adres` (PostgreSQL, issue #17), with
    /// the audit key from `sleutelmap` (default: see `store::pg::sleutel`).
    /// With `aanmaken` an empty database becomes a new register. Long work
    /// runs at once (there is no file for a second connection).
    ///
    /// What stands on PostgreSQL today: the login door, accounts,
    /// medewerkers and the audit log; every other action answers
    /// [`StoreFout::NogNietGedeeld`] and changes nothing.
    pub fn open_postgres(
        adres: &store::pg::PgAdres,
        sleutelmap: Option<&Path>,
        aanmaken: bool,
    ) -> Result<Gateway, store::pg::PgFout> {
        let verbinding = store::pg::open_register(adres, sleutelmap, aanmaken)?;
        Ok(Gateway {
            register: RefCell::new(Register::Postgres(verbinding)),
            pad: None,
            herteken: Arc::new(|| {}),
        })
    }

    /// Opens the register file at `db` (refusing a file that is not a
    /// register, see `store::open`) and wraps it, with long work on its own
    /// connection in the background.
    pub fn open_bestand(db: &std::path::Path) -> Result<Gateway, StoreFout> {
        Ok(Gateway::new(store::open(db)?, Some(db.to_path_buf())))
    }

    /// Sets how background work asks the front end to draw again.
    pub fn zet_herteken(&mut self, herteken: Herteken) {
        self.herteken = herteken;
    }

    /// The database file, when the register is one; `None` in memory.
    #[must_use]
    pub fn db_pad(&self) -> Option<&Path> {
        self.pad.as_deref()
    }

    /// The gateway bound to `sessie` (none: every resident is refused), the
    /// day the access rules apply on, and the clock of every write.
    #[must_use]
    pub fn voor<'a>(
        &'a self,
        sessie: Option<&'a Sessie>,
        vandaag: NaiveDate,
        klok: &'a Klok,
    ) -> Loket<'a> {
        Loket {
            gw: self,
            sessie,
            vandaag,
            klok,
        }
    }

    /// The register, for the store functions that run on both engines.
    fn register(&self) -> Result<Ref<'_, Register>, StoreFout> {
        self.register.try_borrow().map_err(|_| bezig_fout())
    }

    /// Which engine holds the register.
    #[must_use]
    pub fn motor(&self) -> Option<Motor> {
        self.register.try_borrow().ok().map(|r| r.db().motor())
    }

    /// Reads through the SQLite connection (store functions not yet on
    /// both engines: on PostgreSQL a clear refusal, nothing happens).
    fn lees(&self) -> Result<Ref<'_, Connection>, StoreFout> {
        let register = self.register.try_borrow().map_err(|_| bezig_fout())?;
        Ref::filter_map(register, |r| match r {
            Register::Sqlite(c) => Some(c),
            Register::Postgres(_) => None,
        })
        .map_err(|_| nog_niet_gedeeld())
    }

    /// The SQLite connection for a write that needs it exclusively (as
    /// [`Gateway::lees`]).
    fn schrijf(&self) -> Result<RefMut<'_, Connection>, StoreFout> {
        let register = self.register.try_borrow_mut().map_err(|_| bezig_fout())?;
        RefMut::filter_map(register, |r| match r {
            Register::Sqlite(c) => Some(c),
            Register::Postgres(_) => None,
        })
        .map_err(|_| nog_niet_gedeeld())
    }

    /// Whether the register holds no residents yet.
    pub fn is_leeg(&self) -> Result<bool, StoreFout> {
        store::is_leeg(self.register()?.db())
    }

    /// Every medewerker, by name (names in lists and choices; no resident data).
    pub fn medewerkers(&self) -> Result<Vec<MedewerkerRij>, StoreFout> {
        store::medewerkers::alle(self.register()?.db())
    }

    /// A session for medewerker `id` without a login (tests and tools; see
    /// [`Sessie::zonder_inloggen`]).
    pub fn sessie_zonder_inloggen(&self, id: &str) -> Result<Sessie, StoreFout> {
        Ok(Sessie::zonder_inloggen(store::medewerkers::een(
            self.register()?.db(),
            id,
        )?))
    }
}

/// An action not yet built for a shared register (issue #17): said, and
/// nothing happens.
fn nog_niet_gedeeld() -> StoreFout {
    StoreFout::NogNietGedeeld("Dit onderdeel".to_owned())
}

/// A re-entrant use of the connection (never expected): said, not a panic.
fn bezig_fout() -> StoreFout {
    StoreFout::GeenToegang(
        "de database is bezig met een andere handeling; probeer het opnieuw".into(),
    )
}

/// The gateway bound to a session, a day and a clock: every checked read
/// and write. Cheap to copy; screens get one each frame.
#[derive(Clone, Copy)]
pub struct Loket<'a> {
    gw: &'a Gateway,
    sessie: Option<&'a Sessie>,
    vandaag: NaiveDate,
    klok: &'a Klok,
}

impl<'a> Loket<'a> {
    /// The gateway (the door's reads need no session).
    #[must_use]
    pub fn gateway(&self) -> &'a Gateway {
        self.gw
    }

    /// The session, if anyone works.
    #[must_use]
    pub fn sessie(&self) -> Option<&'a Sessie> {
        self.sessie
    }

    /// Today (access rules, defaults of date fields, deadlines).
    #[must_use]
    pub fn vandaag(&self) -> NaiveDate {
        self.vandaag
    }

    /// The clock of every write.
    #[must_use]
    pub fn klok(&self) -> &'a Klok {
        self.klok
    }

    /// The session's medewerker, or the refusal "niemand is ingelogd". A
    /// login's account must still be active and not locked: a beheerder
    /// who deactivates it ends its work at the next action.
    pub fn gebruiker(&self) -> Result<&'a MedewerkerRij, StoreFout> {
        let sessie = self
            .sessie
            .ok_or_else(|| StoreFout::GeenToegang("niemand is ingelogd".to_owned()))?;
        if sessie.gebruikersnaam.is_some() {
            match crate::store::accounts::werkstand(
                self.gw.register()?.db(),
                sessie.medewerker(),
                self.klok.lokaal_nu(),
            )? {
                crate::store::accounts::Werkstand::Actief => {}
                stand => {
                    return Err(StoreFout::GeenToegang(format!(
                        "het account van {} {}",
                        sessie.naam(),
                        stand.omschrijving()
                    )));
                }
            }
        }
        Ok(&sessie.gebruiker)
    }

    /// Refuses unless the session's role has `recht`.
    pub fn eis(&self, recht: toegang::Recht) -> Result<&'a MedewerkerRij, StoreFout> {
        let g = self.gebruiker()?;
        toegang::eis(g, recht)?;
        Ok(g)
    }

    /// Refuses a record whose medewerker field names anyone but the
    /// session's medewerker: every write is in the logged-in worker's own
    /// name. (The one exception the domain has: a correction of a step may
    /// name who really did it; the correction keeps who corrected.)
    pub fn eis_zelf(&self, medewerker: &str) -> Result<&'a MedewerkerRij, StoreFout> {
        let g = self.gebruiker()?;
        if g.id == medewerker {
            Ok(g)
        } else {
            Err(StoreFout::GeenToegang(format!(
                "{} kan niet vastleggen namens {medewerker}; elke handeling staat op naam van wie is aangemeld",
                g.naam
            )))
        }
    }

    /// Runs a write as the session's medewerker, now.
    fn als<T>(
        &self,
        schrijf: impl FnOnce(crate::store::klantreis::Handeling<'_>) -> Result<T, StoreFout>,
    ) -> Result<T, StoreFout> {
        let g = self.gebruiker()?;
        let tijdstip = self.klok.tijdstip();
        schrijf(crate::store::klantreis::Handeling {
            medewerker: &g.id,
            tijdstip: &tijdstip,
        })
    }

    /// Opens a dossier or household: the access check first (a refusal is
    /// logged), then the purpose: known in this session, the opening is
    /// logged with it; otherwise the front end asks it
    /// ([`Opening::VraagDoel`]). A session without a login opens at once.
    pub fn open(&self, wat: &TeOpenen) -> Result<Opening, StoreFout> {
        let g = self.gebruiker()?;
        let register = self.gw.register()?;
        let conn = register.db();
        let nu = self.klok.lokaal_nu();
        let mag = match wat {
            TeOpenen::Dossier(id) => toegang::mag_inwoner(conn, g, id, self.vandaag)?,
            TeOpenen::Huishouden(id) => match toegang::eis_huishouden(conn, g, id, self.vandaag) {
                Ok(()) => true,
                Err(StoreFout::GeenToegang(_)) => false,
                Err(fout) => return Err(fout),
            },
        };
        if !mag {
            toegang::log_geweigerd(conn, g, &wat.object(), nu)?;
            return Ok(Opening::Geweigerd(match wat {
                TeOpenen::Dossier(id) => format!(
                    "Geen toegang tot het dossier van inwoner {id}: deze inwoner hoort niet bij uw wijkteam en is niet aan u toegewezen. De poging is vastgelegd."
                ),
                TeOpenen::Huishouden(id) => format!(
                    "Geen toegang tot huishouden {id}: geen van de leden hoort bij uw wijkteam of is aan u toegewezen. De poging is vastgelegd."
                ),
            }));
        }
        let Some(sessie) = self.sessie.filter(|s| s.vraagt_doel()) else {
            return Ok(Opening::Open);
        };
        match sessie.doel(wat) {
            Some(doel) => {
                crate::store::accounts::log_openen(conn, &g.id, &wat.object(), doel, nu)?;
                Ok(Opening::Open)
            }
            None => Ok(Opening::VraagDoel),
        }
    }

    /// Logs the opening of `wat` with the purpose answered, and remembers
    /// the purpose for the rest of the session.
    pub fn open_met_doel(&self, wat: &TeOpenen, doel: Doel) -> Result<(), StoreFout> {
        let g = self.gebruiker()?;
        crate::store::accounts::log_openen(
            self.gw.register()?.db(),
            &g.id,
            &wat.object(),
            doel,
            self.klok.lokaal_nu(),
        )?;
        if let Some(sessie) = self.sessie {
            sessie.doelen.borrow_mut().insert(wat.object(), doel);
        }
        Ok(())
    }

    /// The wijkteams as (id, naam).
    pub fn wijkteams(&self) -> Result<Vec<(String, String)>, StoreFout> {
        store::inwoners::wijkteams(self.gw.register()?.db())
    }

    /// Every medewerker, by name.
    pub fn medewerkers(&self) -> Result<Vec<MedewerkerRij>, StoreFout> {
        self.gw.medewerkers()
    }

    /// Residents matching a search, as far as the session may see them.
    pub fn zoek_inwoners(&self, vraag: &Zoekvraag) -> Result<Vec<InwonerRij>, StoreFout> {
        toegang::zoek(
            self.gw.register()?.db(),
            self.gebruiker()?,
            vraag,
            self.vandaag,
        )
    }

    /// One page of residents matching a search, as far as the session may
    /// see them: at most `limiet` after row `na` (`None`: the first page).
    /// The Inwoners list shows the first page at once and asks the next
    /// when it is scrolled to (see [`toegang::zoek_pagina`]).
    pub fn zoek_inwoners_pagina(
        &self,
        vraag: &Zoekvraag,
        na: Option<&InwonerRij>,
        limiet: usize,
    ) -> Result<Vec<InwonerRij>, StoreFout> {
        toegang::zoek_pagina(
            self.gw.register()?.db(),
            self.gebruiker()?,
            vraag,
            self.vandaag,
            na,
            limiet,
        )
    }

    /// A resident's dossier, read on today.
    pub fn dossier(&self, id: &str) -> Result<Dossier, StoreFout> {
        toegang::dossier(
            self.gw.register()?.db(),
            self.gebruiker()?,
            id,
            self.vandaag,
        )
    }

    /// Provisions of the sociale kaart (open to every role).
    pub fn voorzieningen(&self, filter: KaartFilter) -> Result<Vec<VoorzieningRij>, StoreFout> {
        self.gebruiker()?;
        store::sociale_kaart::voorzieningen(self.gw.register()?.db(), filter)
    }

    /// Providers with their number of contracts.
    pub fn aanbieders(
        &self,
        wet: Option<crate::domain::Wet>,
    ) -> Result<Vec<AanbiederRij>, StoreFout> {
        self.gebruiker()?;
        store::sociale_kaart::aanbieders(self.gw.register()?.db(), wet)
    }

    /// Contracts.
    pub fn contracten(
        &self,
        wet: Option<crate::domain::Wet>,
    ) -> Result<Vec<ContractRij>, StoreFout> {
        self.gebruiker()?;
        store::sociale_kaart::contracten(self.gw.register()?.db(), wet)
    }

    /// Restores the register from a backup file (the current state is kept
    /// beside the database first). Beheerder only.
    pub fn herstel_backup(&self, bron: &Path) -> Result<(), StoreFout> {
        let actor = self.eis(toegang::Recht::Backups)?.id.clone();
        let db = self.gw.pad.clone().unwrap_or_else(store::standaard_pad);
        let nu = self.klok.nu().format("%Y-%m-%d-%H%M%S");
        let kopie = store::backup::backup_map(&db)
            .join(format!("voor-herstel-{nu}{}", store::backup::EXTENSIE));
        store::backup::herstel(&mut *self.gw.schrijf()?, bron, &kopie, &actor).map(|_| ())
    }
}
