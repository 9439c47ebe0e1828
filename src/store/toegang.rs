//! Who may see and change what: the roles of issue #6, checked where the
//! register is read and written, not only by hiding buttons.
//!
//! The rules, for a medewerker `g` (a [`MedewerkerRij`]: id, role, wijkteam):
//!
//! - intaker, wijkcoach, schuldspecialist, gezinscoach: the residents of
//!   their own wijkteam, plus every resident they are *assigned to*: a
//!   melding of the resident is theirs (`melding.medewerker`), they recorded
//!   a klantreis step on one of the resident's meldingen, or they are the
//!   casusregisseur in an AVE event of the resident's household;
//! - procesmanager: the same, plus every resident whose household stands at
//!   AVE level 3 or 4 on the day asked about;
//! - teamleider: the residents of their own wijkteam, the werkvoorraad of
//!   that team, the AVE overview and the reports;
//! - beheerder: the sociale kaart, accounts, reference data, import, backups
//!   and the audit log, but no resident data at all;
//! - reports and the monitoring export hold counts only: teamleider and
//!   beheerder.
//!
//! A medewerker without a wijkteam sees only the residents assigned to them.
//! A household may be opened by whoever may see at least one of its members
//! (the AVE level belongs to the household as a whole).
//!
//! The functions here answer with [`StoreFout::GeenToegang`], whose text says
//! in Dutch what was refused; the checked readers ([`zoek`], [`dossier`],
//! [`huishouden`], …) are what the app calls. The unchecked readers in the
//! other store modules remain for the command line, whose user holds the
//! database file itself (see README, *Beveiliging en privacy*).

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::Rol;
use crate::domain::datum::iso;
use crate::store::StoreFout;
use crate::store::audit::{self, Logregel, Resultaat};
use crate::store::ave::{AveRij, HuishoudenOverzicht, OverzichtRij, TeamOverzicht};
use crate::store::db::{Db, Motor, Param};
use crate::store::dossier::Dossier;
use crate::store::inwoners::{InwonerRij, Zoekvraag};
use crate::store::medewerkers::MedewerkerRij;
use crate::store::werkvoorraad::{TeamWerkvoorraad, Werkvoorraad};

/// A kind of work that not every role may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recht {
    /// Search residents and open dossiers and households (which ones: see
    /// [`mag_inwoner`]); record the klantreis.
    Dossiers,
    /// The werkvoorraad of the whole team, and of each of its workers.
    TeamWerkvoorraad,
    /// The AVE overview: households per level.
    AveOverzicht,
    /// Reports and the monitoring export (counts only).
    Rapportage,
    /// Add, change and end provisions, providers and contracts.
    SocialeKaartBeheer,
    /// Add, deactivate and reset accounts.
    Accounts,
    /// Reference data, such as the AVE level texts.
    Referentiegegevens,
    /// Import an exchange file, load demo data.
    Import,
    /// Make and restore backups.
    Backups,
    /// Read, verify and export the audit log; destroy dossiers past retention.
    Auditlog,
}

impl Recht {
    /// What the right is about, for the refusal message.
    #[must_use]
    pub fn omschrijving(self) -> &'static str {
        match self {
            Recht::Dossiers => "dossiers van inwoners inzien",
            Recht::TeamWerkvoorraad => "de werkvoorraad van het team inzien",
            Recht::AveOverzicht => "het AVE-overzicht inzien",
            Recht::Rapportage => "rapportages en de monitoringsexport maken",
            Recht::SocialeKaartBeheer => "de sociale kaart beheren",
            Recht::Accounts => "accounts beheren",
            Recht::Referentiegegevens => "referentiegegevens beheren",
            Recht::Import => "gegevens importeren",
            Recht::Backups => "back-ups maken of terugzetten",
            Recht::Auditlog => "het auditlog en de bewaartermijnen beheren",
        }
    }
}

/// Whether a role has a right (for a resident's data see also [`mag_inwoner`]).
#[must_use]
pub fn heeft(rol: Rol, recht: Recht) -> bool {
    match recht {
        Recht::Dossiers => rol != Rol::Beheerder,
        Recht::TeamWerkvoorraad => rol == Rol::Teamleider,
        Recht::AveOverzicht => matches!(rol, Rol::Teamleider | Rol::Procesmanager),
        Recht::Rapportage => matches!(rol, Rol::Teamleider | Rol::Beheerder),
        Recht::SocialeKaartBeheer
        | Recht::Accounts
        | Recht::Referentiegegevens
        | Recht::Import
        | Recht::Backups
        | Recht::Auditlog => rol == Rol::Beheerder,
    }
}

/// The refusal for `g` and what it tried.
fn geweigerd(g: &MedewerkerRij, wat: &str) -> StoreFout {
    StoreFout::GeenToegang(format!(
        "{} ({}) mag {wat} niet",
        g.naam,
        g.rol.label().to_lowercase()
    ))
}

/// Refuses unless `g`'s role has `recht`.
pub fn eis(g: &MedewerkerRij, recht: Recht) -> Result<(), StoreFout> {
    if heeft(g.rol, recht) {
        Ok(())
    } else {
        Err(geweigerd(g, recht.omschrijving()))
    }
}

/// The SQL condition "`g` may see resident `i`" over `inwoner i`, with its
/// parameters numbered from `eerste`. `None`: no resident at all (beheerder).
///
/// Every alternative is evaluated from the resident's side, so its cost is
/// a few seeks per listed resident, whatever the worker's history holds
/// (issue #13: an intaker with 4,000 meldingen waited a minute for the list
/// when SQLite answered "a melding of this resident is theirs" by walking
/// all of the worker's meldingen for every resident):
///
/// - own wijkteam: a column of the row itself, tried first (no seek);
/// - a melding of the resident is theirs: one seek in
///   `melding_inwoner_medewerker` (resident, worker);
/// - they recorded a step on one of the resident's meldingen: the
///   resident's meldingen (`melding_inwoner_medewerker`, covering), then per
///   melding one seek in `klantreis_stap_melding_medewerker`; `CROSS JOIN`
///   keeps the melding as the outer loop, so SQLite never starts from the
///   worker's steps (`klantreis_stap_medewerker`);
/// - casusregisseur in the household: one seek in
///   `ave_huishouden_casusregisseur`;
/// - a procesmanager: the household's level on the day, the latest event
///   through `ave_huishouden`.
///
/// The melding and step searches are skipped for a worker who has no
/// melding or no step at all: asked once per statement, from the worker's
/// side (`melding_medewerker`, `klantreis_stap_medewerker`), one seek each.
///
/// `tests/opslag/queryplannen.rs` checks these plans on a worker with many
/// meldingen and steps.
fn voorwaarde(
    motor: Motor,
    g: &MedewerkerRij,
    vandaag: NaiveDate,
    eerste: usize,
) -> Option<(String, Vec<String>)> {
    if !heeft(g.rol, Recht::Dossiers) {
        return None;
    }
    let mut param = Vec::new();
    let mut delen = Vec::new();
    if let Some(team) = &g.wijkteam {
        param.push(team.clone());
        delen.push(format!("i.wijkteam = ?{}", eerste + param.len() - 1));
    }
    if g.rol != Rol::Teamleider {
        param.push(g.id.clone());
        let mw = eerste + param.len() - 1;
        // Each resident-side search is guarded by "the worker has any at
        // all": an uncorrelated EXISTS, which SQLite answers once per
        // statement (one seek in the worker's index), so a worker without
        // meldingen or steps (a procesmanager, a new colleague) pays no
        // seek per resident for them.
        delen.push(format!(
            "(EXISTS (SELECT 1 FROM melding INDEXED BY melding_medewerker WHERE medewerker = ?{mw})
              AND EXISTS (SELECT 1 FROM melding m INDEXED BY melding_inwoner_medewerker
                          WHERE m.inwoner = i.id AND m.medewerker = ?{mw}))"
        ));
        delen.push(format!(
            "(EXISTS (SELECT 1 FROM klantreis_stap INDEXED BY klantreis_stap_medewerker
                      WHERE medewerker = ?{mw})
              AND EXISTS (SELECT 1 FROM melding m INDEXED BY melding_inwoner_medewerker
                          CROSS JOIN klantreis_stap s INDEXED BY klantreis_stap_melding_medewerker
                          WHERE m.inwoner = i.id AND s.melding = m.id AND s.medewerker = ?{mw}))"
        ));
        delen.push(format!(
            "EXISTS (SELECT 1 FROM ave a INDEXED BY ave_huishouden_casusregisseur
                     WHERE a.huishouden = i.huishouden AND a.casusregisseur = ?{mw})"
        ));
    }
    if g.rol == Rol::Procesmanager {
        param.push(iso(vandaag));
        // The latest event of the day: the one registered last on SQLite
        // (rowid); PostgreSQL has no rowid and takes the highest id, as
        // the dossier's AVE history does.
        let laatste = match motor {
            Motor::Sqlite => "a.rowid",
            Motor::Postgres => "a.id",
        };
        delen.push(format!(
            "(SELECT a.niveau FROM ave a WHERE a.huishouden = i.huishouden AND a.datum <= ?{}
              ORDER BY a.datum DESC, {laatste} DESC LIMIT 1) >= 3",
            eerste + param.len() - 1
        ));
    }
    if delen.is_empty() {
        return Some(("FALSE".to_owned(), param));
    }
    Some((format!("({})", delen.join(" OR ")), param))
}

/// Whether `g` may see resident `inwoner` on `vandaag` (the day matters for
/// a procesmanager: the household's AVE level that day).
pub fn mag_inwoner<'a>(
    db: impl Into<Db<'a>>,
    g: &MedewerkerRij,
    inwoner: &str,
    vandaag: NaiveDate,
) -> Result<bool, StoreFout> {
    let db = db.into();
    let Some((conditie, param)) = voorwaarde(db.motor(), g, vandaag, 2) else {
        return Ok(false);
    };
    // NULL (no wijkteam, no AVE level) counts as "no".
    let sql = format!("SELECT coalesce({conditie}, FALSE) FROM inwoner i WHERE i.id = ?1");
    let mut alle: Vec<&dyn Param> = vec![&inwoner];
    alle.extend(param.iter().map(|p| p as &dyn Param));
    let mag: Option<bool> = db.query_opt(&sql, &alle, |r| r.get(0))?;
    mag.ok_or_else(|| StoreFout::NietGevonden(format!("inwoner {inwoner}")))
}

/// Refuses unless `g` may see resident `inwoner` on `vandaag`.
pub fn eis_inwoner<'a>(
    db: impl Into<Db<'a>>,
    g: &MedewerkerRij,
    inwoner: &str,
    vandaag: NaiveDate,
) -> Result<(), StoreFout> {
    if mag_inwoner(db, g, inwoner, vandaag)? {
        Ok(())
    } else {
        Err(geweigerd(g, &format!("het dossier van inwoner {inwoner}")))
    }
}

/// Logs a refused opening of a resident's dossier or a household (`object`
/// as in the audit log, e.g. `inwoner:I-000123`): who tried, and when.
pub fn log_geweigerd<'a>(
    db: impl Into<Db<'a>>,
    g: &MedewerkerRij,
    object: &str,
    tijdstip: NaiveDateTime,
) -> Result<i64, StoreFout> {
    audit::log(
        db,
        &Logregel {
            tijdstip: &crate::store::accounts::tijd(tijdstip),
            actor: &g.id,
            actie: if object.starts_with("huishouden:") {
                "openen-huishouden"
            } else {
                "openen-dossier"
            },
            object: Some(object),
            doel: None,
            resultaat: Resultaat::Geweigerd,
            details: None,
        },
    )
}

/// The resident a record belongs to: `sql` selects it by the record's id
/// (`wat` names the record in the "not found" message).
fn inwoner_van(db: Db<'_>, sql: &str, id: &dyn Param, wat: &str) -> Result<String, StoreFout> {
    db.query_opt(sql, &[id], |r| r.get(0))?
        .ok_or_else(|| StoreFout::NietGevonden(wat.to_owned()))
}

/// Refuses unless `g` may see the resident of melding `melding`.
pub fn eis_melding<'a>(
    db: impl Into<Db<'a>>,
    g: &MedewerkerRij,
    melding: &str,
    vandaag: NaiveDate,
) -> Result<(), StoreFout> {
    let db = db.into();
    let inwoner = inwoner_van(
        db,
        "SELECT inwoner FROM melding WHERE id = ?1",
        &melding,
        &format!("melding {melding}"),
    )?;
    eis_inwoner(db, g, &inwoner, vandaag)
}

/// Refuses unless `g` may see the resident of the melding of klantreis step `stap`.
pub fn eis_stap<'a>(
    db: impl Into<Db<'a>>,
    g: &MedewerkerRij,
    stap: i64,
    vandaag: NaiveDate,
) -> Result<(), StoreFout> {
    let db = db.into();
    let inwoner = inwoner_van(
        db,
        "SELECT m.inwoner FROM klantreis_stap s JOIN melding m ON m.id = s.melding WHERE s.id = ?1",
        &stap,
        &format!("stap {stap}"),
    )?;
    eis_inwoner(db, g, &inwoner, vandaag)
}

/// Refuses a new melding for `inwoner` unless `g` may see the resident, or
/// the resident has nothing recorded yet (just added by the intake: no
/// melding, toekenning, verwijzing). Once recorded, the melding assigns the
/// resident to its medewerker.
pub fn eis_nieuwe_melding<'a>(
    db: impl Into<Db<'a>>,
    g: &MedewerkerRij,
    inwoner: &str,
    vandaag: NaiveDate,
) -> Result<(), StoreFout> {
    let db = db.into();
    eis(g, Recht::Dossiers)?;
    if mag_inwoner(db, g, inwoner, vandaag)? {
        return Ok(());
    }
    let iets: bool = db.query_one(
        "SELECT EXISTS (SELECT 1 FROM melding WHERE inwoner = ?1)
             OR EXISTS (SELECT 1 FROM toekenning WHERE inwoner = ?1)",
        &[&inwoner],
        |r| r.get(0),
    )?;
    if iets {
        Err(geweigerd(
            g,
            &format!("een melding voor inwoner {inwoner} registreren"),
        ))
    } else {
        Ok(())
    }
}

/// Refuses unless `g` may see the resident of toekenning `toekenning`.
pub fn eis_toekenning<'a>(
    db: impl Into<Db<'a>>,
    g: &MedewerkerRij,
    toekenning: &str,
    vandaag: NaiveDate,
) -> Result<(), StoreFout> {
    let db = db.into();
    let inwoner = inwoner_van(
        db,
        "SELECT inwoner FROM toekenning WHERE id = ?1",
        &toekenning,
        &format!("toekenning {toekenning}"),
    )?;
    eis_inwoner(db, g, &inwoner, vandaag)
}

/// Refuses unless `g` may see the resident of verwijzing `verwijzing`.
pub fn eis_verwijzing<'a>(
    db: impl Into<Db<'a>>,
    g: &MedewerkerRij,
    verwijzing: &str,
    vandaag: NaiveDate,
) -> Result<(), StoreFout> {
    let db = db.into();
    let inwoner = inwoner_van(
        db,
        "SELECT m.inwoner FROM verwijzing v JOIN melding m ON m.id = v.melding WHERE v.id = ?1",
        &verwijzing,
        &format!("verwijzing {verwijzing}"),
    )?;
    eis_inwoner(db, g, &inwoner, vandaag)
}

/// Refuses unless `g` may see at least one member of household `huishouden`.
pub fn eis_huishouden<'a>(
    db: impl Into<Db<'a>>,
    g: &MedewerkerRij,
    huishouden: &str,
    vandaag: NaiveDate,
) -> Result<(), StoreFout> {
    let db = db.into();
    let weigering = || geweigerd(g, &format!("huishouden {huishouden}"));
    let Some((conditie, param)) = voorwaarde(db.motor(), g, vandaag, 2) else {
        return Err(weigering());
    };
    let sql =
        format!("SELECT EXISTS (SELECT 1 FROM inwoner i WHERE i.huishouden = ?1 AND {conditie})");
    let mut alle: Vec<&dyn Param> = vec![&huishouden];
    alle.extend(param.iter().map(|p| p as &dyn Param));
    let mag: bool = db.query_one(&sql, &alle, |r| r.get(0))?;
    if mag { Ok(()) } else { Err(weigering()) }
}

/// Resident search as `g` may see it: the same search as
/// [`crate::store::inwoners::zoek`], limited to the residents `g` may see.
/// A beheerder is refused.
pub fn zoek<'a>(
    db: impl Into<Db<'a>>,
    g: &MedewerkerRij,
    vraag: &Zoekvraag,
    vandaag: NaiveDate,
) -> Result<Vec<InwonerRij>, StoreFout> {
    let db = db.into();
    eis(g, Recht::Dossiers)?;
    let (sql, param) = zoek_pagina_sql_op(db.motor(), g, vraag, vandaag, None, None);
    crate::store::inwoners::zoek_met(db, &sql, &param)
}

/// The SQL of [`zoek`] (public so the query-plan test can EXPLAIN it).
#[must_use]
pub fn zoek_sql(g: &MedewerkerRij, vraag: &Zoekvraag, vandaag: NaiveDate) -> (String, Vec<String>) {
    zoek_pagina_sql(g, vraag, vandaag, None, None)
}

/// The rows of a search on one screen: the first page the Inwoners list
/// shows, and each next page when it is scrolled to.
pub const PAGINA: usize = 50;

/// One page of [`zoek`]: at most `limiet` residents after row `na` (`None`:
/// the first page), in the search's order. The cost is that of the rows
/// returned and those passed over to find them (keyset paging, see
/// [`crate::store::inwoners::zoek_sql_pagina`]), not of the whole list.
pub fn zoek_pagina<'a>(
    db: impl Into<Db<'a>>,
    g: &MedewerkerRij,
    vraag: &Zoekvraag,
    vandaag: NaiveDate,
    na: Option<&InwonerRij>,
    limiet: usize,
) -> Result<Vec<InwonerRij>, StoreFout> {
    let db = db.into();
    eis(g, Recht::Dossiers)?;
    let (sql, param) = zoek_pagina_sql_op(db.motor(), g, vraag, vandaag, na, Some(limiet));
    crate::store::inwoners::zoek_met(db, &sql, &param)
}

/// The SQL of [`zoek_pagina`] (public so the query-plan test can EXPLAIN it).
#[must_use]
pub fn zoek_pagina_sql(
    g: &MedewerkerRij,
    vraag: &Zoekvraag,
    vandaag: NaiveDate,
    na: Option<&InwonerRij>,
    limiet: Option<usize>,
) -> (String, Vec<String>) {
    zoek_pagina_sql_op(Motor::Sqlite, g, vraag, vandaag, na, limiet)
}

/// [`zoek_pagina_sql`] for the register's engine.
fn zoek_pagina_sql_op(
    motor: Motor,
    g: &MedewerkerRij,
    vraag: &Zoekvraag,
    vandaag: NaiveDate,
    na: Option<&InwonerRij>,
    limiet: Option<usize>,
) -> (String, Vec<String>) {
    let beperking = |eerste: usize| {
        voorwaarde(motor, g, vandaag, eerste).unwrap_or(("FALSE".to_owned(), Vec::new()))
    };
    crate::store::inwoners::zoek_sql_pagina_op(motor, vraag, Some(&beperking), na, limiet)
}

/// A resident's dossier, when `g` may see it.
pub fn dossier<'a>(
    db: impl Into<Db<'a>>,
    g: &MedewerkerRij,
    inwoner: &str,
    vandaag: NaiveDate,
) -> Result<Dossier, StoreFout> {
    let db = db.into();
    eis_inwoner(db, g, inwoner, vandaag)?;
    crate::store::dossier::dossier(db, inwoner, vandaag)
}

/// A household's view, when `g` may see one of its members.
pub fn huishouden(
    conn: &Connection,
    g: &MedewerkerRij,
    huishouden: &str,
    vandaag: NaiveDate,
) -> Result<HuishoudenOverzicht, StoreFout> {
    eis_huishouden(conn, g, huishouden, vandaag)?;
    crate::store::ave::huishouden(conn, huishouden, vandaag)
}

/// A household's AVE history, when `g` may see one of its members.
pub fn ave_historie(
    conn: &Connection,
    g: &MedewerkerRij,
    huishouden: &str,
    vandaag: NaiveDate,
) -> Result<Vec<AveRij>, StoreFout> {
    eis_huishouden(conn, g, huishouden, vandaag)?;
    crate::store::ave::historie(conn, huishouden)
}

/// The AVE overview for a teamleider (the households of their wijkteam) or
/// a procesmanager (their wijkteam's, plus every household at level 3 or
/// 4). The counts per wijkteam and level are counts only and stay whole.
pub fn ave_team_overzicht(
    conn: &Connection,
    g: &MedewerkerRij,
    vandaag: NaiveDate,
) -> Result<TeamOverzicht, StoreFout> {
    eis(g, Recht::AveOverzicht)?;
    let mut o = crate::store::ave::team_overzicht(conn, vandaag)?;
    let eigen = |r: &OverzichtRij| {
        (r.wijkteam.is_some() && r.wijkteam == g.wijkteam)
            || (g.rol == Rol::Procesmanager && r.niveau >= 3)
    };
    o.opgeschaald.retain(eigen);
    o.zonder_contact.retain(eigen);
    o.procesregie.retain(eigen);
    Ok(o)
}

/// A worker's werkvoorraad: one's own, or as teamleider a worker of one's team.
pub fn werkvoorraad(
    conn: &Connection,
    g: &MedewerkerRij,
    medewerker: &str,
    vandaag: NaiveDate,
) -> Result<Werkvoorraad, StoreFout> {
    if medewerker == g.id {
        eis(g, Recht::Dossiers)?;
    } else {
        eis(g, Recht::TeamWerkvoorraad)?;
        let team: Option<String> = conn
            .prepare_cached("SELECT wijkteam FROM medewerker WHERE id = ?1")?
            .query_row(params![medewerker], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreFout::NietGevonden(format!("medewerker {medewerker}")))?;
        if team.is_none() || team != g.wijkteam {
            return Err(geweigerd(
                g,
                &format!("de werkvoorraad van {medewerker} (een ander team)"),
            ));
        }
    }
    crate::store::werkvoorraad::werkvoorraad(conn, medewerker, vandaag)
}

/// The werkvoorraad of a team: its teamleider only.
pub fn werkvoorraad_team(
    conn: &Connection,
    g: &MedewerkerRij,
    wijkteam: &str,
    vandaag: NaiveDate,
) -> Result<TeamWerkvoorraad, StoreFout> {
    eis(g, Recht::TeamWerkvoorraad)?;
    if g.wijkteam.as_deref() != Some(wijkteam) {
        return Err(geweigerd(
            g,
            &format!("de werkvoorraad van wijkteam {wijkteam} (een ander team)"),
        ));
    }
    crate::store::werkvoorraad::werkvoorraad_team(conn, wijkteam, vandaag)
}
