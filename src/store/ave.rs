//! AVE levels per household in the register: recording op- en afschalen,
//! the household's history and level now, the household view, the editable
//! level texts, and the team lead's overview.
//!
//! Events are only ever inserted: a correction is a new event (see
//! `domain::ave` for the rules and the decisions behind them). The order of
//! a household's history is its date, then the order of insertion (`rowid`),
//! so of two events on one day the one recorded last counts.
//!
//! A household's **wijkteam** is the wijkteam most of its members belong to;
//! a tie goes to the wijkteam whose id sorts first; a household whose
//! members have no wijkteam is counted under "zonder wijkteam".
//!
//! The overview reads the level now of every household from `ave_stand`
//! (schema v12), a row per household with an event that triggers keep
//! current on every write of `ave` and `inwoner` (its latest event and its
//! wijkteam); before it (issue #13) the overview read every event and every
//! resident of the town. Members are reached through `inwoner_huishouden`,
//! their meldingen and toekenningen through `melding_inwoner`,
//! `verwijzing_melding` and `toekenning_inwoner`.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use super::StoreFout;
use super::audit;
use super::{kolom, transactie};
use crate::domain::ave::{
    AVE_MAX, AveContext, AveNiveauTekst, MedewerkerRol, NieuweAveGebeurtenis, Procesregisseur,
    Richting, VorigeAve, contact_vanaf, opgeschaald_vanaf, richting, valideer_teksten,
    zonder_recent_contact,
};
use crate::domain::datum::{iso, leeftijd};
use crate::domain::{AveGebeurtenis, DomeinFout, Rol, Veldfout};

/// One event of a household's history, as the timeline shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AveRij {
    /// Identifier.
    pub id: String,
    /// Date of the change.
    pub datum: NaiveDate,
    /// New level.
    pub niveau: u8,
    /// Compared with the event before it (the first with level 0).
    pub richting: Richting,
    /// Why.
    pub reden: String,
    /// The casusregisseur's medewerker id.
    pub casusregisseur: Option<String>,
    /// The casusregisseur's name.
    pub casusregisseur_naam: Option<String>,
    /// Who holds procesregie (a name or an organisation).
    pub procesregisseur: Option<String>,
    /// Why procesregie is not with a procesmanager although a child is involved.
    pub reden_geen_procesmanager: Option<String>,
    /// Name of the medewerker who recorded it (none for imported events).
    pub geregistreerd_door: Option<String>,
    /// When it was recorded, UTC `YYYY-MM-DD HH:MM:SS` (none for imported events).
    pub geregistreerd_op: Option<String>,
}

/// A household's level now: its latest event dated today or earlier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AveStand {
    /// The level.
    pub niveau: u8,
    /// Date of the latest event.
    pub sinds: NaiveDate,
    /// Who holds procesregie.
    pub procesregisseur: Option<String>,
    /// The casusregisseur's name.
    pub casusregisseur_naam: Option<String>,
}

/// What the form for a new event needs to check it as the store will.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AveInvoer {
    /// Birth dates of the household's members.
    pub geboortedata: Vec<NaiveDate>,
    /// All medewerkers, by name.
    pub medewerkers: Vec<MedewerkerRol>,
    /// The household's latest event.
    pub vorige: Option<VorigeAve>,
}

/// An open melding of a household member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenMelding {
    /// Identifier.
    pub id: String,
    /// Date of the melding.
    pub datum: NaiveDate,
    /// The law's code, if known.
    pub wet: Option<String>,
    /// The source's code.
    pub bron: String,
}

/// A provision running today for a household member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LopendeToekenning {
    /// Identifier.
    pub id: String,
    /// The provision's name.
    pub voorziening: String,
    /// Start of delivery.
    pub start: NaiveDate,
    /// End, if set.
    pub eind: Option<NaiveDate>,
}

/// A member of a household, with what is open and running for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HuishoudenLid {
    /// The resident's id.
    pub id: String,
    /// First name.
    pub voornaam: String,
    /// Last name.
    pub achternaam: String,
    /// Date of birth.
    pub geboortedatum: NaiveDate,
    /// Age today in whole years.
    pub leeftijd_jaren: i32,
    /// Their wijkteam.
    pub wijkteam: Option<String>,
    /// Meldingen not closed, oldest first.
    pub open_meldingen: Vec<OpenMelding>,
    /// Granted provisions running today (started, not ended), by start.
    pub lopende_toekenningen: Vec<LopendeToekenning>,
}

/// The household view: members, their open meldingen and running provisions, and the AVE level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HuishoudenOverzicht {
    /// The household identifier.
    pub id: String,
    /// Members, oldest first.
    pub leden: Vec<HuishoudenLid>,
    /// The level now; none when no event has been recorded.
    pub stand: Option<AveStand>,
}

/// Households per level now in one wijkteam.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WijkteamNiveaus {
    /// The wijkteam's id; none for households without wijkteam.
    pub wijkteam: Option<String>,
    /// The wijkteam's name, or "zonder wijkteam".
    pub naam: String,
    /// Households at level 0, 1, 2, 3 and 4.
    pub aantallen: [u32; 5],
}

/// One household in a list of the team overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverzichtRij {
    /// The household identifier (opens the household).
    pub huishouden: String,
    /// A readable name: the last name of its oldest member.
    pub naam: String,
    /// The household's wijkteam id.
    pub wijkteam: Option<String>,
    /// The level now.
    pub niveau: u8,
    /// Date of the latest event.
    pub sinds: NaiveDate,
    /// Who holds procesregie.
    pub procesregisseur: Option<String>,
    /// The casusregisseur's name.
    pub casusregisseur_naam: Option<String>,
    /// The date the list is about: the opschaling (moved up), the latest
    /// change or contact (without contact; none if never), else `sinds`.
    pub peildatum: Option<NaiveDate>,
}

/// The team lead's overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamOverzicht {
    /// Households per level now, per wijkteam (by name; "zonder wijkteam" last).
    pub per_wijkteam: Vec<WijkteamNiveaus>,
    /// Households moved up in the last 30 days, latest first.
    pub opgeschaald: Vec<OverzichtRij>,
    /// Households at level 2 or higher without change or contact for 12 weeks, longest first.
    pub zonder_contact: Vec<OverzichtRij>,
    /// Households at level 3 or 4 with their procesregisseur, highest level first.
    pub procesregie: Vec<OverzichtRij>,
}

/// Reads a level column (0–4).
fn niveau(row: &Row<'_>, kolom: usize) -> rusqlite::Result<u8> {
    let n: i64 = row.get(kolom)?;
    u8::try_from(n)
        .ok()
        .filter(|n| *n <= AVE_MAX)
        .ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                kolom,
                rusqlite::types::Type::Integer,
                format!("AVE-niveau {n} bestaat niet").into(),
            )
        })
}

/// The medewerkers as the AVE rules need them, by name.
pub fn medewerkers(conn: &Connection) -> Result<Vec<MedewerkerRol>, StoreFout> {
    let mut stmt =
        conn.prepare_cached("SELECT id, naam, rol, wijkteam FROM medewerker ORDER BY naam, id")?;
    // The schema's CHECK keeps `rol` in the list; an unknown code is an
    // error, never skipped (roles decide who may be regisseur).
    let rijen = stmt.query_map([], |r| {
        Ok(MedewerkerRol {
            id: r.get(0)?,
            naam: r.get(1)?,
            rol: kolom::lijst(r, 2, Rol::parse)?,
            wijkteam: r.get(3)?,
        })
    })?;
    Ok(rijen.collect::<rusqlite::Result<_>>()?)
}

/// Birth dates of a household's members.
fn geboortedata(conn: &Connection, huishouden: &str) -> Result<Vec<NaiveDate>, StoreFout> {
    let mut stmt =
        conn.prepare_cached("SELECT geboortedatum FROM inwoner WHERE huishouden = ?1")?;
    let rijen = stmt.query_map(params![huishouden], |r| kolom::datum(r, 0))?;
    Ok(rijen.collect::<rusqlite::Result<_>>()?)
}

/// The household's latest event (by date, then insertion), whatever its date.
fn laatste(conn: &Connection, huishouden: &str) -> Result<Option<VorigeAve>, StoreFout> {
    Ok(conn
        .prepare_cached(
            "SELECT datum, niveau FROM ave WHERE huishouden = ?1 ORDER BY datum DESC, rowid DESC LIMIT 1",
        )?
        .query_row(params![huishouden], |r| Ok(VorigeAve { datum: kolom::datum(r, 0)?, niveau: niveau(r, 1)? }))
        .optional()?)
}

/// What the form for a new event of `huishouden` needs.
pub fn invoer(conn: &Connection, huishouden: &str) -> Result<AveInvoer, StoreFout> {
    Ok(AveInvoer {
        geboortedata: geboortedata(conn, huishouden)?,
        medewerkers: medewerkers(conn)?,
        vorige: laatste(conn, huishouden)?,
    })
}

/// A free identifier for a new event: `AVE-n`, skipping ids already taken.
fn nieuw_id(tx: &Transaction<'_>) -> rusqlite::Result<String> {
    let mut n: i64 = tx.query_row("SELECT coalesce(max(rowid), 0) + 1 FROM ave", [], |r| {
        r.get(0)
    })?;
    loop {
        let id = format!("AVE-{n}");
        let bezet: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM ave WHERE id = ?1)",
            params![id],
            |r| r.get(0),
        )?;
        if !bezet {
            return Ok(id);
        }
        n += 1;
    }
}

/// Records a change of level after checking every rule, in one transaction;
/// returns the new event's id. On any error nothing is stored.
/// `geregistreerd_op` is the moment of recording (UTC), kept with the event.
pub fn registreer(
    conn: &Connection,
    nieuw: &NieuweAveGebeurtenis,
    vandaag: NaiveDate,
    geregistreerd_op: NaiveDateTime,
) -> Result<String, StoreFout> {
    transactie::voer_uit(conn, |tx| {
        let geboren = geboortedata(tx, &nieuw.huishouden)?;
        if geboren.is_empty() {
            return Err(StoreFout::Validatie(vec![Veldfout::new(
                "huishouden",
                DomeinFout::NietInLijst {
                    waarde: nieuw.huishouden.clone(),
                    toegestaan: "de huishoudens van het register".to_owned(),
                },
            )]));
        }
        let mw = medewerkers(tx)?;
        let ctx = AveContext {
            vandaag,
            geboortedata: &geboren,
            medewerkers: &mw,
            vorige: laatste(tx, &nieuw.huishouden)?,
        };
        nieuw.valideer(&ctx).map_err(StoreFout::Validatie)?;
        let id = nieuw_id(tx)?;
        let casus = nieuw
            .casusregisseur
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        let uitleg = nieuw
            .reden_geen_procesmanager
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty() && nieuw.kinderregel_geldt(&geboren))
            .filter(|_| {
                !matches!(&nieuw.procesregisseur, Some(Procesregisseur::Medewerker(m))
            if mw.iter().any(|x| &x.id == m && x.rol == Rol::Procesmanager))
            });
        // The exchange fields are those of `schrijven::voeg_in`; the three
        // columns of schema version 2 are written in the same statement.
        tx.prepare_cached(
            "INSERT INTO ave (id, huishouden, datum, niveau, reden, casusregisseur, procesregisseur,
                              geregistreerd_door, geregistreerd_op, reden_geen_procesmanager)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params![
            id,
            nieuw.huishouden,
            iso(nieuw.datum),
            nieuw.niveau,
            nieuw.reden.trim(),
            casus,
            nieuw.procesregisseur_tekst(&mw),
            nieuw.geregistreerd_door.trim(),
            geregistreerd_op.format("%Y-%m-%d %H:%M:%S").to_string(),
            uitleg
        ])?;
        // In the audit log too, in the same transaction (`geregistreerd_op` is UTC).
        audit::log(
            tx,
            &audit::Logregel {
                tijdstip: &audit::tijdstip(&geregistreerd_op.and_utc()),
                actor: nieuw.geregistreerd_door.trim(),
                actie: "ave-registreren",
                object: Some(&format!("huishouden:{}", nieuw.huishouden)),
                doel: None,
                resultaat: audit::Resultaat::Gelukt,
                details: Some(&format!("ave={id}; niveau={}", nieuw.niveau)),
            },
        )?;
        Ok(id)
    })
}

/// A household's whole history, oldest first (date, then order of recording).
pub fn historie(conn: &Connection, huishouden: &str) -> Result<Vec<AveRij>, StoreFout> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.datum, a.niveau, a.reden, a.casusregisseur, c.naam, a.procesregisseur,
                a.reden_geen_procesmanager, g.naam, a.geregistreerd_op
         FROM ave a
         LEFT JOIN medewerker c ON c.id = a.casusregisseur
         LEFT JOIN medewerker g ON g.id = a.geregistreerd_door
         WHERE a.huishouden = ?1
         ORDER BY a.datum, a.rowid",
    )?;
    let rijen = stmt.query_map(params![huishouden], |r| {
        Ok(AveRij {
            id: r.get(0)?,
            datum: kolom::datum(r, 1)?,
            niveau: niveau(r, 2)?,
            richting: Richting::Gelijk,
            reden: r.get(3)?,
            casusregisseur: r.get(4)?,
            casusregisseur_naam: r.get(5)?,
            procesregisseur: r.get(6)?,
            reden_geen_procesmanager: r.get(7)?,
            geregistreerd_door: r.get(8)?,
            geregistreerd_op: r.get(9)?,
        })
    })?;
    let mut uit: Vec<AveRij> = rijen.collect::<rusqlite::Result<_>>()?;
    let mut vorig = None;
    for rij in &mut uit {
        rij.richting = richting(vorig, rij.niveau);
        vorig = Some(rij.niveau);
    }
    Ok(uit)
}

/// A household's events as exchange records (for the export), oldest first.
pub fn records(conn: &Connection, huishouden: &str) -> Result<Vec<AveGebeurtenis>, StoreFout> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, huishouden, datum, niveau, reden, casusregisseur, procesregisseur
         FROM ave WHERE huishouden = ?1 ORDER BY datum, rowid",
    )?;
    let rijen = stmt.query_map(params![huishouden], |r| {
        Ok(AveGebeurtenis {
            id: r.get(0)?,
            huishouden: r.get(1)?,
            datum: kolom::datum(r, 2)?,
            niveau: niveau(r, 3)?,
            reden: r.get(4)?,
            casusregisseur: r.get(5)?,
            procesregisseur: r.get(6)?,
        })
    })?;
    Ok(rijen.collect::<rusqlite::Result<_>>()?)
}

/// The household's level on `vandaag`: its latest event dated on or before
/// that day. `None` when no level has been recorded.
pub fn stand(
    conn: &Connection,
    huishouden: &str,
    vandaag: NaiveDate,
) -> Result<Option<AveStand>, StoreFout> {
    Ok(conn
        .prepare_cached(
            "SELECT a.niveau, a.datum, a.procesregisseur, c.naam
             FROM ave a LEFT JOIN medewerker c ON c.id = a.casusregisseur
             WHERE a.huishouden = ?1 AND a.datum <= ?2
             ORDER BY a.datum DESC, a.rowid DESC LIMIT 1",
        )?
        .query_row(params![huishouden, iso(vandaag)], |r| {
            Ok(AveStand {
                niveau: niveau(r, 0)?,
                sinds: kolom::datum(r, 1)?,
                procesregisseur: r.get(2)?,
                casusregisseur_naam: r.get(3)?,
            })
        })
        .optional()?)
}

/// The household a resident belongs to.
pub fn huishouden_van(conn: &Connection, inwoner: &str) -> Result<String, StoreFout> {
    conn.prepare_cached("SELECT huishouden FROM inwoner WHERE id = ?1")?
        .query_row(params![inwoner], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreFout::NietGevonden(format!("inwoner {inwoner}")))
}

/// The household view on `vandaag`: members (oldest first) with their ages,
/// open meldingen and provisions running that day, and the level now.
pub fn huishouden(
    conn: &Connection,
    huishouden: &str,
    vandaag: NaiveDate,
) -> Result<HuishoudenOverzicht, StoreFout> {
    let mut leden: Vec<HuishoudenLid> = {
        let mut stmt = conn.prepare_cached(
            "SELECT id, voornaam, achternaam, geboortedatum, wijkteam FROM inwoner
             WHERE huishouden = ?1 ORDER BY geboortedatum, achternaam, voornaam, id",
        )?;
        stmt.query_map(params![huishouden], |r| {
            let geboortedatum = kolom::datum(r, 3)?;
            Ok(HuishoudenLid {
                id: r.get(0)?,
                voornaam: r.get(1)?,
                achternaam: r.get(2)?,
                geboortedatum,
                leeftijd_jaren: leeftijd(geboortedatum, vandaag),
                wijkteam: r.get(4)?,
                open_meldingen: Vec::new(),
                lopende_toekenningen: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?
    };
    if leden.is_empty() {
        return Err(StoreFout::NietGevonden(format!("huishouden {huishouden}")));
    }
    let mut meldingen = conn.prepare_cached(
        "SELECT id, datum, wet, bron FROM melding WHERE inwoner = ?1 AND afgesloten IS NULL ORDER BY datum, id",
    )?;
    let mut toekenningen = conn.prepare_cached(
        "SELECT t.id, v.naam, t.start, t.eind FROM toekenning t JOIN voorziening v ON v.id = t.voorziening
         WHERE t.inwoner = ?1 AND t.uitkomst = 'toegekend' AND t.start IS NOT NULL AND t.start <= ?2
           AND (t.eind IS NULL OR t.eind >= ?2)
         ORDER BY t.start, t.id",
    )?;
    let dag = iso(vandaag);
    for lid in &mut leden {
        lid.open_meldingen = meldingen
            .query_map(params![lid.id], |r| {
                Ok(OpenMelding {
                    id: r.get(0)?,
                    datum: kolom::datum(r, 1)?,
                    wet: r.get(2)?,
                    bron: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        lid.lopende_toekenningen = toekenningen
            .query_map(params![lid.id, dag], |r| {
                Ok(LopendeToekenning {
                    id: r.get(0)?,
                    voorziening: r.get(1)?,
                    start: kolom::datum(r, 2)?,
                    eind: kolom::optie_datum(r, 3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(HuishoudenOverzicht {
        id: huishouden.to_owned(),
        leden,
        stand: stand(conn, huishouden, vandaag)?,
    })
}

/// The five level texts as the register holds them (reworded or default), level 0 first.
pub fn niveau_teksten(conn: &Connection) -> Result<Vec<AveNiveauTekst>, StoreFout> {
    let mut stmt = conn
        .prepare_cached("SELECT niveau, naam, situatie, regie FROM ave_niveau ORDER BY niveau")?;
    let rijen = stmt.query_map([], |r| {
        Ok(AveNiveauTekst {
            niveau: niveau(r, 0)?,
            naam: r.get(1)?,
            situatie: r.get(2)?,
            regie: r.get(3)?,
        })
    })?;
    Ok(rijen.collect::<rusqlite::Result<_>>()?)
}

/// Rewords the level texts: only a beheerder (`door`, a medewerker id) may;
/// exactly the five levels 0–4, each with a name. All or nothing.
pub fn herformuleer(
    conn: &Connection,
    door: &str,
    teksten: &[AveNiveauTekst],
    tijdstip: &str,
) -> Result<(), StoreFout> {
    transactie::voer_uit(conn, |tx| {
        let rol: Option<String> = tx
            .prepare_cached("SELECT rol FROM medewerker WHERE id = ?1")?
            .query_row(params![door], |r| r.get(0))
            .optional()?;
        match rol {
            None => {
                return Err(StoreFout::Validatie(vec![Veldfout::new(
                    "door",
                    DomeinFout::OnbekendeMedewerker(door.to_owned()),
                )]));
            }
            Some(rol) if rol != Rol::Beheerder.code() => {
                return Err(StoreFout::Validatie(vec![Veldfout::new(
                    "door",
                    DomeinFout::RolVereist {
                        rol: Rol::Beheerder.code(),
                    },
                )]));
            }
            Some(_) => {}
        }
        valideer_teksten(teksten).map_err(StoreFout::Validatie)?;
        let mut stmt = tx.prepare_cached(
            "UPDATE ave_niveau SET naam = ?2, situatie = ?3, regie = ?4 WHERE niveau = ?1",
        )?;
        for t in teksten {
            stmt.execute(params![
                t.niveau,
                t.naam.trim(),
                t.situatie.trim(),
                t.regie.trim()
            ])?;
        }
        drop(stmt);
        audit::log(
            tx,
            &audit::Logregel {
                tijdstip,
                actor: door,
                actie: "wijzigen",
                object: Some("ave-niveauteksten"),
                doel: None,
                resultaat: audit::Resultaat::Gelukt,
                details: None,
            },
        )?;
        Ok(())
    })
}

/// The wijkteam of household `s`: the one most of its members belong to,
/// a tie to the lowest id; through the covering index
/// `inwoner_huishouden_wijkteam` (schema version 2).
const TEAM_VAN_S: &str = "(SELECT i.wijkteam FROM inwoner i
     WHERE i.huishouden = s.huishouden AND i.wijkteam IS NOT NULL
     GROUP BY i.wijkteam ORDER BY count(*) DESC, i.wijkteam LIMIT 1)";

/// The columns of an [`OverzichtRij`] for household `s` of `stand`; the
/// caller adds the peildatum as column 7.
fn rij_kolommen() -> String {
    format!(
        "s.huishouden,
         (SELECT i.achternaam FROM inwoner i WHERE i.huishouden = s.huishouden
          ORDER BY i.geboortedatum, i.id LIMIT 1),
         {TEAM_VAN_S}, s.niveau, s.datum, s.procesregisseur,
         (SELECT m.naam FROM medewerker m WHERE m.id = s.casusregisseur)"
    )
}

fn overzicht_rij(r: &Row<'_>) -> rusqlite::Result<OverzichtRij> {
    Ok(OverzichtRij {
        huishouden: r.get(0)?,
        naam: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
        wijkteam: r.get(2)?,
        niveau: niveau(r, 3)?,
        sinds: kolom::datum(r, 4)?,
        procesregisseur: r.get(5)?,
        casusregisseur_naam: r.get(6)?,
        peildatum: kolom::optie_datum(r, 7)?,
    })
}

/// The level now of one household, from `ave_stand` (see [`standen_waar`]).
struct Stand {
    huishouden: String,
    niveau: u8,
    /// The date of the latest event, as stored (ISO) and read.
    datum: String,
    sinds: NaiveDate,
    procesregisseur: Option<String>,
    casusregisseur: Option<String>,
    wijkteam: Option<String>,
}

/// The columns of `ave_stand` that [`stand_uit`] reads, in its order.
const STAND_KOLOMMEN: &str = "huishouden, datum, niveau, procesregisseur, casusregisseur, wijkteam";

fn stand_uit(r: &Row<'_>) -> rusqlite::Result<Stand> {
    Ok(Stand {
        huishouden: r.get(0)?,
        datum: r.get(1)?,
        sinds: kolom::datum(r, 1)?,
        niveau: niveau(r, 2)?,
        procesregisseur: r.get(3)?,
        casusregisseur: r.get(4)?,
        wijkteam: r.get(5)?,
    })
}

/// The level now of the few households whose latest event is dated after
/// `vandaag` (imported, or a register read on an earlier day): `ave_stand`
/// holds their latest event, so their level on `vandaag` is read from `ave`
/// (the latest event on or before it, one seek each in `ave_huishouden`);
/// a household with only future events has no level yet and is left out.
fn toekomstige_standen(conn: &Connection, vandaag: NaiveDate) -> Result<Vec<Stand>, StoreFout> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.huishouden, a.datum, a.niveau, a.procesregisseur, a.casusregisseur, s.wijkteam
         FROM ave_stand s INDEXED BY ave_stand_datum
         JOIN ave a ON a.rowid = (SELECT b.rowid FROM ave b WHERE b.huishouden = s.huishouden
                                   AND b.datum <= ?1 ORDER BY b.datum DESC, b.rowid DESC LIMIT 1)
         WHERE s.datum > ?1",
    )?;
    let rijen = stmt.query_map(params![iso(vandaag)], stand_uit)?;
    Ok(rijen.collect::<rusqlite::Result<_>>()?)
}

/// The level now of the households at level `vanaf_niveau` or higher whose
/// latest change is dated before `voor` (at most `vandaag`; ISO), from the
/// index `ave_stand_niveau` (schema v12, issue #13: the overview read every
/// event of the town to find them), plus those of
/// [`toekomstige_standen`] that qualify.
fn standen_waar(
    conn: &Connection,
    vandaag: NaiveDate,
    vanaf_niveau: u8,
    voor: &str,
) -> Result<Vec<Stand>, StoreFout> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {STAND_KOLOMMEN} FROM ave_stand INDEXED BY ave_stand_niveau
         WHERE niveau >= ?1 AND datum < ?2"
    ))?;
    let mut uit: Vec<Stand> = stmt
        .query_map(params![vanaf_niveau, voor], stand_uit)?
        .collect::<rusqlite::Result<_>>()?;
    uit.extend(
        toekomstige_standen(conn, vandaag)?
            .into_iter()
            .filter(|s| s.niveau >= vanaf_niveau && s.datum.as_str() < voor),
    );
    Ok(uit)
}

/// Households per level now, per wijkteam (by name; "zonder wijkteam" last).
pub fn per_wijkteam(
    conn: &Connection,
    vandaag: NaiveDate,
) -> Result<Vec<WijkteamNiveaus>, StoreFout> {
    // Counted in SQL over the covering index (wijkteam, niveau, datum) of
    // `ave_stand` (schema v12): one small entry per household with an
    // event, no event or resident read (issue #13).
    let mut per: HashMap<Option<String>, [u32; 5]> = HashMap::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT wijkteam, niveau, count(*) FROM ave_stand INDEXED BY ave_stand_wijkteam
             WHERE datum <= ?1 GROUP BY wijkteam, niveau",
        )?;
        let mut rijen = stmt.query(params![iso(vandaag)])?;
        while let Some(r) = rijen.next()? {
            let n = u32::try_from(r.get::<_, i64>(2)?).unwrap_or(u32::MAX);
            let tellers = per.entry(r.get(0)?).or_insert([0; 5]);
            let i = usize::from(niveau(r, 1)?);
            tellers[i] = tellers[i].saturating_add(n);
        }
    }
    for s in toekomstige_standen(conn, vandaag)? {
        let tellers = per.entry(s.wijkteam).or_insert([0; 5]);
        let i = usize::from(s.niveau);
        tellers[i] = tellers[i].saturating_add(1);
    }
    let mut namen: HashMap<String, String> = HashMap::new();
    {
        let mut stmt = conn.prepare_cached("SELECT id, naam FROM wijkteam")?;
        let rijen = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        for rij in rijen {
            let (id, naam) = rij?;
            namen.insert(id, naam);
        }
    }
    let mut uit: Vec<WijkteamNiveaus> = per
        .into_iter()
        .map(|(team, aantallen)| WijkteamNiveaus {
            naam: match &team {
                Some(t) => namen.get(t).cloned().unwrap_or_else(|| t.clone()),
                None => "zonder wijkteam".to_owned(),
            },
            wijkteam: team,
            aantallen,
        })
        .collect();
    // By name, "zonder wijkteam" last; a team without a name row by its id.
    uit.sort_by(|a, b| {
        let sleutel = |w: &WijkteamNiveaus| {
            (
                w.wijkteam.is_none(),
                w.wijkteam.as_ref().and_then(|t| namen.get(t)).cloned(),
                w.wijkteam.clone(),
            )
        };
        sleutel(a).cmp(&sleutel(b))
    });
    Ok(uit)
}

/// The rows of the households `gekozen` (with their peildatum), in their
/// order: the name of the oldest member and the casusregisseur's name, one
/// seek each.
fn overzicht_rijen(
    conn: &Connection,
    gekozen: &[(&Stand, NaiveDate)],
) -> Result<Vec<OverzichtRij>, StoreFout> {
    let mut stmt = conn.prepare_cached(
        "SELECT (SELECT i.achternaam FROM inwoner i WHERE i.huishouden = ?1
                 ORDER BY i.geboortedatum, i.id LIMIT 1),
                (SELECT m.naam FROM medewerker m WHERE m.id = ?2)",
    )?;
    let mut uit = Vec::with_capacity(gekozen.len());
    for (s, peildatum) in gekozen {
        let (naam, casusregisseur_naam): (Option<String>, Option<String>) = stmt
            .query_row(params![s.huishouden, s.casusregisseur], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        uit.push(OverzichtRij {
            huishouden: s.huishouden.clone(),
            naam: naam.unwrap_or_default(),
            wijkteam: s.wijkteam.clone(),
            niveau: s.niveau,
            sinds: s.sinds,
            procesregisseur: s.procesregisseur.clone(),
            casusregisseur_naam,
            peildatum: Some(*peildatum),
        });
    }
    Ok(uit)
}

/// Households with an opschaling dated in the last 30 days (today − 30 up to
/// today), latest opschaling first, with their level now.
pub fn opgeschaald(conn: &Connection, vandaag: NaiveDate) -> Result<Vec<OverzichtRij>, StoreFout> {
    // Driven by the few households with an event in the window (index
    // `ave_datum`); their level now is one seek each in `ave_huishouden`.
    // No join between two CTEs: SQLite may scan one per row of the other.
    let kolommen = rij_kolommen();
    let sql = format!(
        "WITH recent AS (SELECT DISTINCT huishouden FROM ave WHERE datum BETWEEN ?2 AND ?1),
         reeks AS (
            SELECT a.huishouden, a.datum, a.niveau,
                   lag(a.niveau) OVER (PARTITION BY a.huishouden ORDER BY a.datum, a.rowid) AS vorig
            FROM recent r JOIN ave a ON a.huishouden = r.huishouden
            WHERE a.datum <= ?1),
         op AS (
            SELECT huishouden, max(datum) AS datum FROM reeks
            WHERE datum >= ?2 AND niveau > coalesce(vorig, 0)
            GROUP BY huishouden)
         SELECT {kolommen}, op.datum
         FROM op JOIN ave s ON s.rowid = (
             SELECT b.rowid FROM ave b WHERE b.huishouden = op.huishouden AND b.datum <= ?1
             ORDER BY b.datum DESC, b.rowid DESC LIMIT 1)
         ORDER BY op.datum DESC, s.niveau DESC, s.huishouden"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rijen = stmt.query_map(
        params![iso(vandaag), iso(opgeschaald_vanaf(vandaag))],
        overzicht_rij,
    )?;
    Ok(rijen.collect::<rusqlite::Result<_>>()?)
}

/// Households at level 2 or higher now with no change or contact in the
/// last 12 weeks (see `domain::ave` for what counts as contact), the
/// longest without first. `peildatum` is the latest change or contact.
pub fn zonder_contact(
    conn: &Connection,
    vandaag: NaiveDate,
) -> Result<Vec<OverzichtRij>, StoreFout> {
    // Per household at level 2+ whose level changed before the window
    // (from `ave_stand`), the latest contact through its members
    // (`inwoner_huishouden`, then `melding_inwoner` / `verwijzing_melding` /
    // `toekenning_inwoner`); a date after today or absent counts as ''.
    let vanaf = iso(contact_vanaf(vandaag));
    let kandidaten = standen_waar(conn, vandaag, 2, &vanaf)?;
    let mut stmt = conn.prepare_cached(
        "SELECT max(?3,
                coalesce((SELECT max(max(
                        CASE WHEN m.datum <= ?1 THEN m.datum ELSE '' END,
                        CASE WHEN m.gesprek <= ?1 THEN m.gesprek ELSE '' END,
                        CASE WHEN m.onderzoek_klaar <= ?1 THEN m.onderzoek_klaar ELSE '' END,
                        CASE WHEN m.afgesloten <= ?1 THEN m.afgesloten ELSE '' END))
                    FROM inwoner i JOIN melding m ON m.inwoner = i.id
                    WHERE i.huishouden = ?2), ''),
                coalesce((SELECT max(max(
                        CASE WHEN v.datum <= ?1 THEN v.datum ELSE '' END,
                        CASE WHEN v.afgerond_op <= ?1 THEN v.afgerond_op ELSE '' END))
                    FROM inwoner i JOIN melding m ON m.inwoner = i.id JOIN verwijzing v ON v.melding = m.id
                    WHERE i.huishouden = ?2), ''),
                coalesce((SELECT max(max(
                        CASE WHEN t.aanvraag <= ?1 THEN t.aanvraag ELSE '' END,
                        CASE WHEN t.besluit <= ?1 THEN t.besluit ELSE '' END,
                        CASE WHEN t.start <= ?1 THEN t.start ELSE '' END))
                    FROM inwoner i JOIN toekenning t ON t.inwoner = i.id
                    WHERE i.huishouden = ?2), ''))",
    )?;
    let mut gekozen: Vec<(&Stand, NaiveDate)> = Vec::new();
    for s in &kandidaten {
        let (laatst, datum): (String, NaiveDate) = stmt
            .query_row(params![iso(vandaag), s.huishouden, s.datum], |r| {
                Ok((r.get(0)?, kolom::datum(r, 0)?))
            })?;
        if laatst < vanaf {
            gekozen.push((s, datum));
        }
    }
    gekozen.sort_by(|(a, la), (b, lb)| {
        la.cmp(lb)
            .then_with(|| b.niveau.cmp(&a.niveau))
            .then_with(|| a.huishouden.cmp(&b.huishouden))
    });
    let rijen = overzicht_rijen(conn, &gekozen)?;
    // The SQL filter and the domain's rule must agree; the rule decides.
    Ok(rijen
        .into_iter()
        .filter(|r| zonder_recent_contact(r.peildatum, vandaag))
        .collect())
}

/// Households at level 3 or 4 now with their procesregisseur, highest level
/// first, then longest at that level.
pub fn procesregie(conn: &Connection, vandaag: NaiveDate) -> Result<Vec<OverzichtRij>, StoreFout> {
    // Every household at level 3+ now: its latest event is on or before
    // today (`datum` up to and including today, so before the day after).
    let morgen = vandaag
        .succ_opt()
        .map_or_else(|| "9999-12-31".to_owned(), iso);
    let standen = standen_waar(conn, vandaag, 3, &morgen)?;
    let mut gekozen: Vec<(&Stand, NaiveDate)> = standen.iter().map(|s| (s, s.sinds)).collect();
    gekozen.sort_by(|(a, _), (b, _)| {
        b.niveau
            .cmp(&a.niveau)
            .then_with(|| a.datum.cmp(&b.datum))
            .then_with(|| a.huishouden.cmp(&b.huishouden))
    });
    overzicht_rijen(conn, &gekozen)
}

/// The whole team overview on `vandaag`, each list from the kept level of
/// every household (`ave_stand`, schema v12; issue #13).
pub fn team_overzicht(conn: &Connection, vandaag: NaiveDate) -> Result<TeamOverzicht, StoreFout> {
    Ok(TeamOverzicht {
        per_wijkteam: per_wijkteam(conn, vandaag)?,
        opgeschaald: opgeschaald(conn, vandaag)?,
        zonder_contact: zonder_contact(conn, vandaag)?,
        procesregie: procesregie(conn, vandaag)?,
    })
}
