//! Accounts: each medewerker logs in with a gebruikersnaam and a password.
//!
//! Passwords are stored only as argon2id hashes in PHC string form
//! (`$argon2id$v=19$m=…`), with a random salt per hash; the password itself
//! is never stored, logged or put in an error. Five wrong passwords in a row
//! lock an account for 15 minutes; the lock ends by time alone, and a
//! successful login resets the count. Accounts are never deleted (history
//! refers to them): the database refuses DELETE, a beheerder deactivates.
//!
//! Every login attempt, every change to an account and every opening of a
//! dossier or household is a row in the audit log ([`super::audit`]), written
//! in the same transaction as the change. The time (`nu`) is a parameter:
//! the store never reads a clock, so tests control the 15 minutes.

use super::StoreFout;
use super::audit::{self, Logregel, Resultaat};
use super::db::{Db, Rij};
use crate::domain::Rol;
use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::{Duration, NaiveDateTime};

/// The least number of characters in a password.
pub const MIN_WACHTWOORD_TEKENS: usize = 12;
/// Wrong passwords in a row that lock an account.
pub const MAX_MISLUKTE_POGINGEN: i64 = 5;
/// How long a lock lasts, in minutes.
pub const BLOKKEERDUUR_MINUTEN: i64 = 15;
/// The actor logged for an attempt with an unknown gebruikersnaam (the
/// attempted name itself is not logged: it may be a password typed in the
/// wrong field).
pub const ACTOR_ONBEKEND: &str = "onbekend";

/// A logged-in medewerker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sessie {
    /// The medewerker id (the actor in the audit log).
    pub medewerker: String,
    /// Name.
    pub naam: String,
    /// Role.
    pub rol: Rol,
    /// The gebruikersnaam as stored.
    pub gebruikersnaam: String,
}

/// Why a login was refused. The message for a wrong name and for a wrong
/// password is the same, so a guesser learns nothing about which names exist.
#[derive(Debug, thiserror::Error)]
pub enum InlogFout {
    /// Unknown gebruikersnaam or wrong password.
    #[error("Gebruikersnaam of wachtwoord onjuist.")]
    OnjuisteGegevens,
    /// Too many wrong passwords.
    #[error("Dit account is geblokkeerd na {MAX_MISLUKTE_POGINGEN} onjuiste wachtwoorden, tot {}.", .tot.format("%H:%M"))]
    Geblokkeerd {
        /// Until when.
        tot: NaiveDateTime,
    },
    /// A beheerder deactivated the account.
    #[error("Dit account is gedeactiveerd. Vraag een beheerder om het weer te activeren.")]
    Gedeactiveerd,
    /// The database failed.
    #[error("Inloggen lukte niet: {0}")]
    Store(#[from] StoreFout),
}

impl From<rusqlite::Error> for InlogFout {
    fn from(fout: rusqlite::Error) -> Self {
        InlogFout::Store(StoreFout::from(fout))
    }
}

/// Why an account change was refused.
#[derive(Debug, thiserror::Error)]
pub enum AccountFout {
    /// The password is too short.
    #[error("Het wachtwoord moet minstens {MIN_WACHTWOORD_TEKENS} tekens lang zijn.")]
    WachtwoordTeKort,
    /// The two typed passwords differ (UI check, kept here for one message).
    #[error("De twee wachtwoorden zijn niet gelijk.")]
    WachtwoordenVerschillen,
    /// The name is empty.
    #[error("Vul een naam in.")]
    NaamLeeg,
    /// The gebruikersnaam is empty or has spaces.
    #[error("Vul een gebruikersnaam in, zonder spaties.")]
    GebruikersnaamOngeldig,
    /// The gebruikersnaam belongs to another account.
    #[error("De gebruikersnaam '{0}' is al in gebruik.")]
    GebruikersnaamBezet(String),
    /// There are accounts already, so there is no "first" beheerder to make.
    #[error("Er bestaan al accounts; een nieuw account maakt een beheerder aan in Beheer.")]
    ErZijnAlAccounts,
    /// Only a beheerder manages accounts.
    #[error("Alleen een beheerder kan accounts beheren.")]
    GeenBeheerder,
    /// No such medewerker.
    #[error("Medewerker '{0}' bestaat niet.")]
    OnbekendeMedewerker(String),
    /// The medewerker has an account already.
    #[error("Medewerker '{0}' heeft al een account.")]
    HeeftAlAccount(String),
    /// The medewerker has no account.
    #[error("Medewerker '{0}' heeft geen account.")]
    GeenAccount(String),
    /// The current password given to change one's own password is wrong.
    #[error("Het huidige wachtwoord is onjuist.")]
    HuidigWachtwoordOnjuist,
    /// A beheerder cannot deactivate their own account (the register would
    /// be left without a way in).
    #[error("U kunt uw eigen account niet deactiveren.")]
    EigenAccountDeactiveren,
    /// Hashing failed (should not happen).
    #[error("Het wachtwoord kon niet worden versleuteld: {0}")]
    Hash(String),
    /// The database failed.
    #[error("{0}")]
    Store(#[from] StoreFout),
}

impl From<rusqlite::Error> for AccountFout {
    fn from(fout: rusqlite::Error) -> Self {
        AccountFout::Store(StoreFout::from(fout))
    }
}

/// An account as the beheerder's list shows it (no hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountRij {
    /// The medewerker id.
    pub medewerker: String,
    /// The medewerker's name.
    pub naam: String,
    /// Role.
    pub rol: Rol,
    /// Gebruikersnaam.
    pub gebruikersnaam: String,
    /// Whether it may log in.
    pub actief: bool,
    /// Locked until, if a lock was set (it may have expired).
    pub geblokkeerd_tot: Option<String>,
}

/// The purpose (doel) of opening a dossier or household, asked once per
/// resident per session and logged with every opening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doel {
    /// Intake of a melding.
    Intake,
    /// Taking or preparing a decision.
    Besluit,
    /// Evaluating a plan or provision.
    Evaluatie,
    /// Assessing the AVE level.
    Ave,
    /// Accounting (verantwoording), e.g. checking a report.
    Verantwoording,
}

impl Doel {
    /// All purposes, in the order of the choice.
    pub const ALLE: [Doel; 5] = [
        Doel::Intake,
        Doel::Besluit,
        Doel::Evaluatie,
        Doel::Ave,
        Doel::Verantwoording,
    ];

    /// The code in the audit log.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Doel::Intake => "intake",
            Doel::Besluit => "besluit",
            Doel::Evaluatie => "evaluatie",
            Doel::Ave => "ave",
            Doel::Verantwoording => "verantwoording",
        }
    }

    /// The label in the choice.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Doel::Intake => "Intake",
            Doel::Besluit => "Besluit",
            Doel::Evaluatie => "Evaluatie",
            Doel::Ave => "AVE",
            Doel::Verantwoording => "Verantwoording",
        }
    }
}

/// The stored form of a moment.
pub(crate) fn tijd(nu: NaiveDateTime) -> String {
    nu.format("%Y-%m-%dT%H:%M:%S").to_string()
}

fn lees_tijd(tekst: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(tekst, "%Y-%m-%dT%H:%M:%S").ok()
}

/// Hashes a password with argon2id (default parameters) and a fresh random
/// salt, as a PHC string.
fn hash_wachtwoord(wachtwoord: &str) -> Result<String, AccountFout> {
    let zout = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(wachtwoord.as_bytes(), &zout)
        .map(|h| h.to_string())
        .map_err(|e| AccountFout::Hash(e.to_string()))
}

/// Whether `wachtwoord` matches the PHC string `hash`.
fn klopt(hash: &str, wachtwoord: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(wachtwoord.as_bytes(), &h)
            .is_ok()
    })
}

/// Checks the password rules (length counted in characters, not bytes).
pub fn controleer_wachtwoordregels(wachtwoord: &str) -> Result<(), AccountFout> {
    if wachtwoord.chars().count() < MIN_WACHTWOORD_TEKENS {
        return Err(AccountFout::WachtwoordTeKort);
    }
    Ok(())
}

fn controleer_gebruikersnaam(gebruikersnaam: &str) -> Result<(), AccountFout> {
    if gebruikersnaam.is_empty() || gebruikersnaam.chars().any(char::is_whitespace) {
        return Err(AccountFout::GebruikersnaamOngeldig);
    }
    Ok(())
}

/// Whether the register has any account (no: the app shows the first start).
pub fn heeft_accounts<'a>(db: impl Into<Db<'a>>) -> Result<bool, StoreFout> {
    db.into()
        .query_one("SELECT EXISTS (SELECT 1 FROM account)", &[], |r| r.get(0))
}

fn gebruikersnaam_bezet(db: Db<'_>, gebruikersnaam: &str) -> Result<bool, StoreFout> {
    db.query_one(
        "SELECT EXISTS (SELECT 1 FROM account WHERE gebruikersnaam = ?1)",
        &[&gebruikersnaam],
        |r| r.get(0),
    )
}

/// Creates the first beheerder: a new medewerker with rol beheerder and its
/// account. Only on a register without any account.
pub fn maak_eerste_beheerder<'a>(
    db: impl Into<Db<'a>>,
    naam: &str,
    gebruikersnaam: &str,
    wachtwoord: &str,
    nu: NaiveDateTime,
) -> Result<Sessie, AccountFout> {
    let naam = naam.trim();
    let gebruikersnaam = gebruikersnaam.trim();
    if naam.is_empty() {
        return Err(AccountFout::NaamLeeg);
    }
    controleer_gebruikersnaam(gebruikersnaam)?;
    controleer_wachtwoordregels(wachtwoord)?;
    let hash = hash_wachtwoord(wachtwoord)?;
    db.into().transactie(|tx| {
        if heeft_accounts(tx)? {
            return Err(AccountFout::ErZijnAlAccounts);
        }
        let mut volgnummer = 1_u32;
        let id = loop {
            let id = format!("M-BEHEER-{volgnummer}");
            let bestaat: bool = tx.query_one(
                "SELECT EXISTS (SELECT 1 FROM medewerker WHERE id = ?1)",
                &[&id],
                |r| r.get(0),
            )?;
            if !bestaat {
                break id;
            }
            volgnummer += 1;
        };
        tx.execute(
            "INSERT INTO medewerker (id, naam, rol, wijkteam) VALUES (?1, ?2, ?3, NULL)",
            &[&id, &naam, &Rol::Beheerder.code()],
        )?;
        let t = tijd(nu);
        voeg_account_toe(tx, &id, gebruikersnaam, &hash, &t)?;
        let object = format!("medewerker:{id}");
        audit::log(
            tx,
            &Logregel {
                tijdstip: &t,
                actor: &id,
                actie: "eerste-beheerder-aanmaken",
                object: Some(&object),
                doel: None,
                resultaat: Resultaat::Gelukt,
                details: None,
            },
        )?;
        Ok(Sessie {
            medewerker: id,
            naam: naam.to_owned(),
            rol: Rol::Beheerder,
            gebruikersnaam: gebruikersnaam.to_owned(),
        })
    })
}

/// Refuses (and logs the refusal) unless `actor` is a beheerder with an
/// active account.
fn eis_beheerder(
    db: Db<'_>,
    actor: &str,
    actie: &str,
    object: &str,
    nu: NaiveDateTime,
) -> Result<(), AccountFout> {
    let beheerder: bool = db.query_one(
        "SELECT EXISTS (SELECT 1 FROM medewerker m JOIN account a ON a.medewerker = m.id
                        WHERE m.id = ?1 AND m.rol = 'beheerder' AND a.actief = TRUE)",
        &[&actor],
        |r| r.get(0),
    )?;
    if beheerder {
        return Ok(());
    }
    let t = tijd(nu);
    audit::log(
        db,
        &Logregel {
            tijdstip: &t,
            actor: if actor.is_empty() {
                ACTOR_ONBEKEND
            } else {
                actor
            },
            actie,
            object: Some(object),
            doel: None,
            resultaat: Resultaat::Geweigerd,
            details: Some("reden=geen-beheerder"),
        },
    )?;
    Err(AccountFout::GeenBeheerder)
}

/// Stores a new, active account.
fn voeg_account_toe(
    tx: Db<'_>,
    medewerker: &str,
    gebruikersnaam: &str,
    hash: &str,
    t: &str,
) -> Result<(), StoreFout> {
    tx.execute(
        "INSERT INTO account (medewerker, gebruikersnaam, wachtwoord_hash, actief, mislukte_pogingen,
                              geblokkeerd_tot, aangemaakt_op, gewijzigd_op)
         VALUES (?1, ?2, ?3, TRUE, 0, NULL, ?4, ?4)",
        &[&medewerker, &gebruikersnaam, &hash, &t],
    )?;
    Ok(())
}

fn log_gelukt(
    db: Db<'_>,
    actor: &str,
    actie: &str,
    object: &str,
    nu: &str,
) -> Result<(), StoreFout> {
    audit::log(
        db,
        &Logregel {
            tijdstip: nu,
            actor,
            actie,
            object: Some(object),
            doel: None,
            resultaat: Resultaat::Gelukt,
            details: None,
        },
    )?;
    Ok(())
}

/// Adds an account for an existing medewerker (beheerder only).
pub fn voeg_toe<'a>(
    db: impl Into<Db<'a>>,
    actor: &str,
    medewerker: &str,
    gebruikersnaam: &str,
    wachtwoord: &str,
    nu: NaiveDateTime,
) -> Result<(), AccountFout> {
    let db = db.into();
    let object = format!("medewerker:{medewerker}");
    eis_beheerder(db, actor, "account-toevoegen", &object, nu)?;
    let gebruikersnaam = gebruikersnaam.trim();
    controleer_gebruikersnaam(gebruikersnaam)?;
    controleer_wachtwoordregels(wachtwoord)?;
    let hash = hash_wachtwoord(wachtwoord)?;
    db.transactie(|tx| {
        let bestaat: bool = tx.query_one(
            "SELECT EXISTS (SELECT 1 FROM medewerker WHERE id = ?1)",
            &[&medewerker],
            |r| r.get(0),
        )?;
        if !bestaat {
            return Err(AccountFout::OnbekendeMedewerker(medewerker.to_owned()));
        }
        let heeft: bool = tx.query_one(
            "SELECT EXISTS (SELECT 1 FROM account WHERE medewerker = ?1)",
            &[&medewerker],
            |r| r.get(0),
        )?;
        if heeft {
            return Err(AccountFout::HeeftAlAccount(medewerker.to_owned()));
        }
        if gebruikersnaam_bezet(tx, gebruikersnaam)? {
            return Err(AccountFout::GebruikersnaamBezet(gebruikersnaam.to_owned()));
        }
        let t = tijd(nu);
        voeg_account_toe(tx, medewerker, gebruikersnaam, &hash, &t)?;
        log_gelukt(tx, actor, "account-toevoegen", &object, &t)?;
        Ok(())
    })
}

/// Deactivates (`actief = false`) or activates an account (beheerder only).
/// Activating also lifts a lock.
pub fn zet_actief<'a>(
    db: impl Into<Db<'a>>,
    actor: &str,
    medewerker: &str,
    actief: bool,
    nu: NaiveDateTime,
) -> Result<(), AccountFout> {
    let object = format!("medewerker:{medewerker}");
    let actie = if actief {
        "account-activeren"
    } else {
        "account-deactiveren"
    };
    let db = db.into();
    eis_beheerder(db, actor, actie, &object, nu)?;
    if !actief && actor == medewerker {
        return Err(AccountFout::EigenAccountDeactiveren);
    }
    db.transactie(|tx| {
        let t = tijd(nu);
        let n = if actief {
            tx.execute(
                "UPDATE account SET actief = TRUE, mislukte_pogingen = 0, geblokkeerd_tot = NULL,
                                    gewijzigd_op = ?2
                 WHERE medewerker = ?1",
                &[&medewerker, &t],
            )?
        } else {
            tx.execute(
                "UPDATE account SET actief = FALSE, gewijzigd_op = ?2 WHERE medewerker = ?1",
                &[&medewerker, &t],
            )?
        };
        if n == 0 {
            return Err(AccountFout::GeenAccount(medewerker.to_owned()));
        }
        log_gelukt(tx, actor, actie, &object, &t)?;
        Ok(())
    })
}

/// Lifts the lock of an account after too many wrong passwords (beheerder
/// only), logged as `account-deblokkeren`. The password stays as it was.
pub fn deblokkeer<'a>(
    db: impl Into<Db<'a>>,
    actor: &str,
    medewerker: &str,
    nu: NaiveDateTime,
) -> Result<(), AccountFout> {
    let object = format!("medewerker:{medewerker}");
    let actie = "account-deblokkeren";
    let db = db.into();
    eis_beheerder(db, actor, actie, &object, nu)?;
    db.transactie(|tx| {
        let t = tijd(nu);
        let n = tx.execute(
            "UPDATE account SET mislukte_pogingen = 0, geblokkeerd_tot = NULL, gewijzigd_op = ?2
             WHERE medewerker = ?1",
            &[&medewerker, &t],
        )?;
        if n == 0 {
            return Err(AccountFout::GeenAccount(medewerker.to_owned()));
        }
        log_gelukt(tx, actor, actie, &object, &t)?;
        Ok(())
    })
}

/// Sets a new password for someone else's account (beheerder only); also
/// lifts a lock.
pub fn reset_wachtwoord<'a>(
    db: impl Into<Db<'a>>,
    actor: &str,
    medewerker: &str,
    nieuw: &str,
    nu: NaiveDateTime,
) -> Result<(), AccountFout> {
    let object = format!("medewerker:{medewerker}");
    let db = db.into();
    eis_beheerder(db, actor, "wachtwoord-reset", &object, nu)?;
    controleer_wachtwoordregels(nieuw)?;
    let hash = hash_wachtwoord(nieuw)?;
    db.transactie(|tx| {
        let t = tijd(nu);
        let n = tx.execute(
            "UPDATE account SET wachtwoord_hash = ?2, mislukte_pogingen = 0, geblokkeerd_tot = NULL,
                                gewijzigd_op = ?3
             WHERE medewerker = ?1",
            &[&medewerker, &hash, &t],
        )?;
        if n == 0 {
            return Err(AccountFout::GeenAccount(medewerker.to_owned()));
        }
        log_gelukt(tx, actor, "wachtwoord-reset", &object, &t)?;
        Ok(())
    })
}

/// Changes one's own password, given the current one.
pub fn wijzig_eigen_wachtwoord<'a>(
    db: impl Into<Db<'a>>,
    medewerker: &str,
    huidig: &str,
    nieuw: &str,
    nu: NaiveDateTime,
) -> Result<(), AccountFout> {
    let db = db.into();
    let object = format!("medewerker:{medewerker}");
    let hash: Option<String> = db.query_opt(
        "SELECT wachtwoord_hash FROM account WHERE medewerker = ?1",
        &[&medewerker],
        |r| r.get(0),
    )?;
    let Some(hash) = hash else {
        return Err(AccountFout::GeenAccount(medewerker.to_owned()));
    };
    let t = tijd(nu);
    if !klopt(&hash, huidig) {
        audit::log(
            db,
            &Logregel {
                tijdstip: &t,
                actor: medewerker,
                actie: "wachtwoord-wijzigen",
                object: Some(&object),
                doel: None,
                resultaat: Resultaat::Geweigerd,
                details: Some("reden=huidig-wachtwoord-onjuist"),
            },
        )?;
        return Err(AccountFout::HuidigWachtwoordOnjuist);
    }
    controleer_wachtwoordregels(nieuw)?;
    let nieuwe_hash = hash_wachtwoord(nieuw)?;
    db.transactie(|tx| {
        tx.execute(
            "UPDATE account SET wachtwoord_hash = ?2, gewijzigd_op = ?3 WHERE medewerker = ?1",
            &[&medewerker, &nieuwe_hash, &t],
        )?;
        log_gelukt(tx, medewerker, "wachtwoord-wijzigen", &object, &t)?;
        Ok(())
    })
}

struct AccountStand {
    medewerker: String,
    gebruikersnaam: String,
    hash: String,
    actief: bool,
    geblokkeerd_tot: Option<NaiveDateTime>,
    naam: String,
    rol: Rol,
}

const ACCOUNT_SELECT: &str = "SELECT a.medewerker, a.gebruikersnaam, a.wachtwoord_hash, a.actief,
            a.geblokkeerd_tot, m.naam, m.rol
     FROM account a JOIN medewerker m ON m.id = a.medewerker";

fn account_stand(r: &Rij<'_, '_>) -> Result<AccountStand, StoreFout> {
    let geblokkeerd_tot = match r.get::<Option<String>>(4)? {
        None => None,
        Some(t) => Some(lees_tijd(&t).ok_or_else(|| {
            StoreFout::Beschadigd(format!(
                "kolom 'geblokkeerd_tot' bevat '{t}', verwacht een tijdstip (jjjj-mm-ddTuu:mm:ss)"
            ))
        })?),
    };
    Ok(AccountStand {
        medewerker: r.get(0)?,
        gebruikersnaam: r.get(1)?,
        hash: r.get(2)?,
        actief: r.get(3)?,
        geblokkeerd_tot,
        naam: r.get(5)?,
        rol: r.lijst(6, Rol::parse)?,
    })
}

/// Checks a password for an account found by `zoek`, counting failures and
/// locking, and logs the attempt as `actie` / `actie-mislukt`.
fn controleer(
    db: Db<'_>,
    stand: Option<AccountStand>,
    wachtwoord: &str,
    actie: &str,
    nu: NaiveDateTime,
) -> Result<Sessie, InlogFout> {
    let t = tijd(nu);
    let mislukt_actie = format!("{actie}-mislukt");
    let Some(stand) = stand else {
        // Spend the same time as a real check, so timing does not tell which names exist.
        let _ = klopt(
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$W1ixZKdMPeK2ZDrTmAvPNZ9JoP4a7Gh1dsqeH8D4Ov0",
            wachtwoord,
        );
        audit::log(
            db,
            &Logregel {
                tijdstip: &t,
                actor: ACTOR_ONBEKEND,
                actie: &mislukt_actie,
                object: None,
                doel: None,
                resultaat: Resultaat::Geweigerd,
                details: Some("reden=onbekende-gebruikersnaam"),
            },
        )?;
        return Err(InlogFout::OnjuisteGegevens);
    };
    let object = format!("medewerker:{}", stand.medewerker);
    let weiger = |db: Db<'_>, reden: &str| -> Result<(), InlogFout> {
        audit::log(
            db,
            &Logregel {
                tijdstip: &t,
                actor: &stand.medewerker,
                actie: &mislukt_actie,
                object: Some(&object),
                doel: None,
                resultaat: Resultaat::Geweigerd,
                details: Some(reden),
            },
        )?;
        Ok(())
    };
    if let Some(tot) = stand.geblokkeerd_tot
        && tot > nu
    {
        weiger(db, "reden=geblokkeerd")?;
        return Err(InlogFout::Geblokkeerd { tot });
    }
    // A refusal is counted and logged, so it commits too: the action's value
    // says whether the login went through.
    let toegelaten = db.transactie(
        |tx| -> Result<Result<(), InlogFout>, InlogFout> {
            if !klopt(&stand.hash, wachtwoord) {
                // Counted from the row as it is now, under the write lock: another
                // app instance may have counted a failure since `stand` was read.
                let pogingen = tx.query_one(
                    "SELECT mislukte_pogingen FROM account WHERE medewerker = ?1",
                    &[&stand.medewerker],
                    |r| r.get::<i64>(0),
                )? + 1;
                if pogingen >= MAX_MISLUKTE_POGINGEN {
                    let tot = nu + Duration::minutes(BLOKKEERDUUR_MINUTEN);
                    tx.execute(
                        "UPDATE account SET mislukte_pogingen = 0, geblokkeerd_tot = ?2 WHERE medewerker = ?1",
                        &[&stand.medewerker, &tijd(tot)],
                    )?;
                    weiger(tx, "reden=onjuist-wachtwoord; account geblokkeerd")?;
                    return Ok(Err(InlogFout::Geblokkeerd { tot }));
                }
                tx.execute(
                    "UPDATE account SET mislukte_pogingen = ?2 WHERE medewerker = ?1",
                    &[&stand.medewerker, &pogingen],
                )?;
                weiger(tx, "reden=onjuist-wachtwoord")?;
                return Ok(Err(InlogFout::OnjuisteGegevens));
            }
            if !stand.actief {
                weiger(tx, "reden=gedeactiveerd")?;
                return Ok(Err(InlogFout::Gedeactiveerd));
            }
            tx.execute(
                "UPDATE account SET mislukte_pogingen = 0, geblokkeerd_tot = NULL WHERE medewerker = ?1",
                &[&stand.medewerker],
            )?;
            audit::log(
                tx,
                &Logregel {
                    tijdstip: &t,
                    actor: &stand.medewerker,
                    actie,
                    object: Some(&object),
                    doel: None,
                    resultaat: Resultaat::Gelukt,
                    details: None,
                },
            )?;
            Ok(Ok(()))
        },
    )?;
    toegelaten?;
    Ok(Sessie {
        medewerker: stand.medewerker,
        naam: stand.naam,
        rol: stand.rol,
        gebruikersnaam: stand.gebruikersnaam,
    })
}

/// Logs in: checks the password, counts failures (five in a row lock the
/// account for [`BLOKKEERDUUR_MINUTEN`]), and logs every attempt —
/// `inloggen` or `inloggen-mislukt` with the reason, never the password.
pub fn inloggen<'a>(
    db: impl Into<Db<'a>>,
    gebruikersnaam: &str,
    wachtwoord: &str,
    nu: NaiveDateTime,
) -> Result<Sessie, InlogFout> {
    let db = db.into();
    let stand = db.query_opt(
        &format!("{ACCOUNT_SELECT} WHERE a.gebruikersnaam = ?1"),
        &[&gebruikersnaam.trim()],
        account_stand,
    )?;
    controleer(db, stand, wachtwoord, "inloggen", nu)
}

/// Unlocks the idle lock: the password of the logged-in medewerker's own
/// account, with the same counting and locking as a login (logged as
/// `ontgrendelen` / `ontgrendelen-mislukt`).
pub fn ontgrendelen<'a>(
    db: impl Into<Db<'a>>,
    medewerker: &str,
    wachtwoord: &str,
    nu: NaiveDateTime,
) -> Result<Sessie, InlogFout> {
    let db = db.into();
    let stand = db.query_opt(
        &format!("{ACCOUNT_SELECT} WHERE a.medewerker = ?1"),
        &[&medewerker],
        account_stand,
    )?;
    controleer(db, stand, wachtwoord, "ontgrendelen", nu)
}

/// Logs a logout.
pub fn log_afmelden<'a>(
    db: impl Into<Db<'a>>,
    medewerker: &str,
    nu: NaiveDateTime,
) -> Result<(), StoreFout> {
    let object = format!("medewerker:{medewerker}");
    log_gelukt(db.into(), medewerker, "afmelden", &object, &tijd(nu))
}

/// Every account, by name (for the beheerder; no hashes).
pub fn lijst<'a>(db: impl Into<Db<'a>>) -> Result<Vec<AccountRij>, StoreFout> {
    db.into().query_map(
        "SELECT a.medewerker, m.naam, m.rol, a.gebruikersnaam, a.actief, a.geblokkeerd_tot
         FROM account a JOIN medewerker m ON m.id = a.medewerker ORDER BY m.naam, a.medewerker",
        &[],
        |r| {
            Ok(AccountRij {
                medewerker: r.get(0)?,
                naam: r.get(1)?,
                rol: r.lijst(2, Rol::parse)?,
                gebruikersnaam: r.get(3)?,
                actief: r.get(4)?,
                geblokkeerd_tot: r.get(5)?,
            })
        },
    )
}

/// Logs the opening of a dossier or household (`object`, e.g.
/// `inwoner:I-000123` or `huishouden:H-000045`) by `actor` with its
/// purpose, as `openen-dossier` or (a household) `openen-huishouden`.
pub fn log_openen<'a>(
    db: impl Into<Db<'a>>,
    actor: &str,
    object: &str,
    doel: Doel,
    tijdstip: NaiveDateTime,
) -> Result<i64, StoreFout> {
    audit::log(
        db,
        &Logregel {
            tijdstip: &tijd(tijdstip),
            actor,
            actie: if object.starts_with("huishouden:") {
                "openen-huishouden"
            } else {
                "openen-dossier"
            },
            object: Some(object),
            doel: Some(doel.code()),
            resultaat: Resultaat::Gelukt,
            details: None,
        },
    )
}

/// Whether a medewerker's account may work now (checked by the gateway at
/// every action of a logged-in session).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Werkstand {
    /// Active and not locked.
    Actief,
    /// A beheerder deactivated it.
    Gedeactiveerd,
    /// Locked after wrong passwords, until this moment.
    Geblokkeerd(NaiveDateTime),
    /// The medewerker has no account.
    GeenAccount,
}

impl Werkstand {
    /// What is wrong, to follow "het account van NAAM …".
    #[must_use]
    pub fn omschrijving(self) -> String {
        match self {
            Werkstand::Actief => "is actief".to_owned(),
            Werkstand::Gedeactiveerd => "is gedeactiveerd".to_owned(),
            Werkstand::Geblokkeerd(tot) => {
                format!("is geblokkeerd tot {}", tot.format("%H:%M"))
            }
            Werkstand::GeenAccount => "bestaat niet".to_owned(),
        }
    }
}

/// The state of `medewerker`'s account at `nu` (local time).
pub fn werkstand<'a>(
    db: impl Into<Db<'a>>,
    medewerker: &str,
    nu: NaiveDateTime,
) -> Result<Werkstand, StoreFout> {
    let rij: Option<(bool, Option<String>)> = db.into().query_opt(
        "SELECT actief, geblokkeerd_tot FROM account WHERE medewerker = ?1",
        &[&medewerker],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(match rij {
        None => Werkstand::GeenAccount,
        Some((false, _)) => Werkstand::Gedeactiveerd,
        Some((true, tot)) => match tot.as_deref().and_then(lees_tijd) {
            Some(tot) if tot > nu => Werkstand::Geblokkeerd(tot),
            _ => Werkstand::Actief,
        },
    })
}
