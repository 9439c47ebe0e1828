//! The werkvoorraad (work queue) of a worker and of a team lead: open
//! meldingen by their next legal deadline (overdue first), decisions ending
//! within 8 weeks (herindicatie), young people with a Jeugdwet provision who
//! turn 18 within 6 months, and granted provisions that have not started,
//! by days waited. "Today" is a parameter; the rules themselves live in
//! `domain::klantreis`.
//!
//! Whose line is it (the owner rule):
//! - a melding belongs to its assigned medewerker (`melding.medewerker`);
//! - a toekenning belongs to the medewerker of its melding;
//! - a toekenning without a melding (a direct Jeugdwet referral by a
//!   huisarts, jeugdarts or gecertificeerde instelling, or imported legacy
//!   data) belongs to the teamleider(s) of the resident's wijkteam
//!   (`inwoner.wijkteam`): no worker has a klantreis with it, and the
//!   teamleider decides who picks up a herindicatie, an 18-/18+ transition or
//!   a long wait. Those lines are in each teamleider's own queue and, in the
//!   team view, in a separate group [`TeamWerkvoorraad::zonder_melding`]
//!   (not under a worker, so a team with two teamleiders counts them once).
//!   A resident without a wijkteam has no owner; such lines stay in the
//!   dossier only.
//!
//!
//! A worker's own queue ([`werkvoorraad`]) also holds what they took over
//! from someone else: open meldingen on which they recorded a step, the
//! toekenningen of meldingen whose *aanvraag en besluit* they recorded, and
//! the households whose AVE level now names them as casusregisseur (by id)
//! or procesregisseur (by name), the longest unchanged first. The team view
//! shows each worker's queue as that worker sees it, taken-over lines and
//! regie included, so a teamleider sees the casusregie and the meldingen a
//! worker took over from a colleague; a line in two workers' queues (the
//! intaker's melding the wijkcoach took over) is counted once in the team
//! totals.
//!
//! A team's queue is the queues of the medewerkers of that wijkteam plus
//! that group. Every query seeks through an index (see
//! `tests/queryplannen.rs`): the lines without a melding start from the
//! team's residents (`inwoner_wijkteam`) and their toekenningen
//! (`toekenning_inwoner`).

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::StoreFout;
use super::kolom;
use crate::domain::datum::iso;
use crate::domain::klantreis::{
    ACHTTIEN_MAANDEN, HERINDICATIE_DAGEN, OpenTermijn, achttiende_verjaardag, dagen_wachtend,
    herindicatie_nodig, termijn_aanvraag, termijn_beschikking_schuldhulp, termijn_melding,
    wordt_18_binnenkort,
};
use crate::domain::termijnen::TermijnStatus;
use crate::domain::{Rol, Wet};

/// An open melding with its running deadlines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenMelding {
    /// Melding id.
    pub melding: String,
    /// Resident id.
    pub inwoner: String,
    /// Resident's name, for the list.
    pub naam: String,
    /// Date of the melding.
    pub datum: NaiveDate,
    /// The running deadlines, most urgent first (empty: no legal deadline runs).
    pub termijnen: Vec<OpenTermijn>,
}

impl OpenMelding {
    /// The most urgent running deadline.
    #[must_use]
    pub fn volgende(&self) -> Option<&OpenTermijn> {
        self.termijnen.first()
    }
}

/// A decision whose period ends soon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Herindicatie {
    /// Toekenning id.
    pub toekenning: String,
    /// The melding it was decided on (`None`: a direct referral or legacy data).
    pub melding: Option<String>,
    /// Resident id.
    pub inwoner: String,
    /// Resident's name.
    pub naam: String,
    /// Provision name.
    pub voorziening: String,
    /// End of the period.
    pub eind: NaiveDate,
    /// Days until then.
    pub dagen_tot_eind: i64,
}

/// A young person with a Jeugdwet provision who turns 18 soon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Achttien {
    /// Toekenning id.
    pub toekenning: String,
    /// The melding it was decided on (`None`: a direct referral or legacy data).
    pub melding: Option<String>,
    /// Resident id.
    pub inwoner: String,
    /// Resident's name.
    pub naam: String,
    /// Provision name.
    pub voorziening: String,
    /// The 18th birthday.
    pub verjaardag: NaiveDate,
}

/// A granted provision that has not started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wachtend {
    /// Toekenning id.
    pub toekenning: String,
    /// The melding it was decided on (`None`: a direct referral or legacy data).
    pub melding: Option<String>,
    /// Resident id.
    pub inwoner: String,
    /// Resident's name.
    pub naam: String,
    /// Provision name.
    pub voorziening: String,
    /// Date of the decision.
    pub besluit: NaiveDate,
    /// Days waited since.
    pub dagen_wachtend: i64,
}

/// A household where the worker has the regie: casusregisseur or
/// procesregisseur in its AVE level now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Regie {
    /// Household id.
    pub huishouden: String,
    /// The household's name: its eldest member's name.
    pub naam: String,
    /// The AVE level now.
    pub niveau: u8,
    /// Date of the last change of level (the latest AVE event).
    pub sinds: NaiveDate,
    /// Days since that change.
    pub dagen_sinds: i64,
    /// Casusregisseur (`false`: procesregisseur).
    pub casusregie: bool,
}

/// One worker's queue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Werkvoorraad {
    /// Open meldingen, most urgent deadline first (overdue first; none last).
    pub meldingen: Vec<OpenMelding>,
    /// Decisions ending within 8 weeks, soonest first.
    pub herindicaties: Vec<Herindicatie>,
    /// Turning 18 within 6 months, soonest first.
    pub achttien: Vec<Achttien>,
    /// Waiting, longest first.
    pub wachtend: Vec<Wachtend>,
    /// Households under the worker's casus- or procesregie, the longest
    /// unchanged first.
    pub regie: Vec<Regie>,
}

/// Counts for a team lead.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totalen {
    /// Open meldingen.
    pub open_meldingen: usize,
    /// Running deadlines past due.
    pub verlopen: usize,
    /// Running deadlines due within 5 working days.
    pub bijna_verlopen: usize,
    /// Decisions ending within 8 weeks.
    pub herindicaties: usize,
    /// Turning 18 within 6 months.
    pub achttien: usize,
    /// Granted, not started.
    pub wachtend: usize,
    /// Households under casus- or procesregie.
    pub regie: usize,
}

impl Werkvoorraad {
    /// The counts of this queue.
    #[must_use]
    pub fn totalen(&self) -> Totalen {
        let termijnen = || self.meldingen.iter().flat_map(|m| m.termijnen.iter());
        Totalen {
            open_meldingen: self.meldingen.len(),
            verlopen: termijnen()
                .filter(|t| matches!(t.status, TermijnStatus::Verlopen { .. }))
                .count(),
            bijna_verlopen: termijnen()
                .filter(|t| matches!(t.status, TermijnStatus::BijnaVerlopen { .. }))
                .count(),
            herindicaties: self.herindicaties.len(),
            achttien: self.achttien.len(),
            wachtend: self.wachtend.len(),
            regie: self.regie.len(),
        }
    }
}

/// The counts of several queues together, each line once: a melding by its
/// id, a toekenning by its id per list, a household by its id (a line in
/// two workers' queues counts once).
fn totalen_uniek<'a>(lijsten: impl Iterator<Item = &'a Werkvoorraad> + Clone) -> Totalen {
    use std::collections::HashSet;
    let mut meldingen: HashSet<&str> = HashSet::new();
    let mut t = Totalen::default();
    for m in lijsten.clone().flat_map(|w| w.meldingen.iter()) {
        if meldingen.insert(&m.melding) {
            t.open_meldingen += 1;
            for x in &m.termijnen {
                match x.status {
                    TermijnStatus::Verlopen { .. } => t.verlopen += 1,
                    TermijnStatus::BijnaVerlopen { .. } => t.bijna_verlopen += 1,
                    TermijnStatus::OpTijd => {}
                }
            }
        }
    }
    let tel = |sleutels: Vec<&str>| sleutels.into_iter().collect::<HashSet<_>>().len();
    t.herindicaties = tel(lijsten
        .clone()
        .flat_map(|w| w.herindicaties.iter().map(|x| x.toekenning.as_str()))
        .collect());
    t.achttien = tel(lijsten
        .clone()
        .flat_map(|w| w.achttien.iter().map(|x| x.toekenning.as_str()))
        .collect());
    t.wachtend = tel(lijsten
        .clone()
        .flat_map(|w| w.wachtend.iter().map(|x| x.toekenning.as_str()))
        .collect());
    t.regie = tel(lijsten
        .flat_map(|w| w.regie.iter().map(|x| x.huishouden.as_str()))
        .collect());
    t
}

/// One worker's queue in a team overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MedewerkerWerkvoorraad {
    /// Medewerker id.
    pub medewerker: String,
    /// Name.
    pub naam: String,
    /// The queue.
    pub werkvoorraad: Werkvoorraad,
}

/// A team lead's view: per worker and the team totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamWerkvoorraad {
    /// Per worker, by name: each queue as the worker sees it (what they
    /// took over and their regie included; the teamleader's lines without
    /// a melding are in [`TeamWerkvoorraad::zonder_melding`]).
    pub per_medewerker: Vec<MedewerkerWerkvoorraad>,
    /// Toekenningen without a melding of the team's residents (no open
    /// meldingen by nature): the teamleider's to hand out.
    pub zonder_melding: Werkvoorraad,
    /// Sums over the team, including the lines without a melding, each line
    /// once.
    pub totaal: Totalen,
}

const NAAM: &str =
    "CASE WHEN i.voornaam = '' THEN i.achternaam ELSE i.voornaam || ' ' || i.achternaam END";

/// Whose queue: one medewerker, or every medewerker of a wijkteam (one
/// query for the whole team instead of one per worker).
#[derive(Clone, Copy)]
enum Wie<'a> {
    Medewerker(&'a str),
    Team(&'a str),
}

impl Wie<'_> {
    fn filter(self) -> &'static str {
        match self {
            Wie::Medewerker(_) => "m.medewerker = ?1",
            Wie::Team(_) => "m.medewerker IN (SELECT id FROM medewerker WHERE wijkteam = ?1)",
        }
    }
    fn sleutel(self) -> String {
        match self {
            Wie::Medewerker(s) | Wie::Team(s) => s.to_owned(),
        }
    }
}

fn open_meldingen(
    conn: &Connection,
    wie: Wie<'_>,
    vandaag: NaiveDate,
) -> Result<Vec<(String, OpenMelding)>, StoreFout> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT m.id, m.inwoner, {NAAM}, m.datum, m.wet, m.spoed, m.gesprek, m.onderzoek_klaar, m.aanvraag,
                EXISTS (SELECT 1 FROM toekenning t WHERE t.melding = m.id AND t.besluit >= m.aanvraag),
                EXISTS (SELECT 1 FROM toekenning t WHERE t.melding = m.id),
                m.medewerker
         FROM melding m JOIN inwoner i ON i.id = m.inwoner
         WHERE {} AND m.afgesloten IS NULL",
        wie.filter()
    ))?;
    let rijen = stmt.query_map([wie.sleutel()], |r| {
        Ok((r.get(11)?, open_melding(r, vandaag)?))
    })?;
    Ok(rijen.collect::<Result<_, _>>()?)
}

/// An open melding with its running deadlines from the first eleven
/// columns of the melding queries (id, inwoner, naam, datum, wet, spoed,
/// gesprek, onderzoek_klaar, aanvraag, whether the aanvraag has its
/// besluit, whether the melding has any besluit). A schuldhulp melding
/// after its first conversation runs the beschikking term until a besluit.
fn open_melding(r: &rusqlite::Row<'_>, vandaag: NaiveDate) -> rusqlite::Result<OpenMelding> {
    let wet = kolom::optie_lijst(r, 4, Wet::parse)?;
    let datum = kolom::datum(r, 3)?;
    let spoed: bool = r.get(5)?;
    let gesprek = kolom::optie_datum(r, 6)?;
    let onderzoek_klaar = kolom::optie_datum(r, 7)?;
    let aanvraag = kolom::optie_datum(r, 8)?;
    let besloten: bool = r.get(9)?;
    let mut termijnen: Vec<OpenTermijn> =
        termijn_melding(wet, spoed, datum, gesprek, onderzoek_klaar, None, vandaag)
            .into_iter()
            .collect();
    if let (Some(wet), Some(aanvraag), false) = (wet, aanvraag, besloten) {
        termijnen.extend(termijn_aanvraag(wet, aanvraag, vandaag));
    }
    if wet == Some(Wet::Schuldhulp) {
        let beschikt: bool = r.get(10)?;
        termijnen.extend(termijn_beschikking_schuldhulp(
            gesprek, beschikt, None, vandaag,
        ));
    }
    termijnen.sort_by_key(|t| (t.status.urgentie(), t.uiterste));
    Ok(OpenMelding {
        melding: r.get(0)?,
        inwoner: r.get(1)?,
        naam: r.get(2)?,
        datum,
        termijnen,
    })
}

/// Sorts open meldingen: most urgent deadline first (overdue first; none last).
fn sorteer_meldingen(lijst: &mut [OpenMelding]) {
    lijst.sort_by(|a, b| {
        let sleutel = |m: &OpenMelding| m.volgende().map(|t| (t.status.urgentie(), t.uiterste));
        match (sleutel(a), sleutel(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| a.datum.cmp(&b.datum))
        .then_with(|| a.melding.cmp(&b.melding))
    });
}

/// A granted, not ended toekenning with what the lists need.
struct Lopend {
    toekenning: String,
    inwoner: String,
    naam: String,
    voorziening: String,
    wet: Option<String>,
    besluit: NaiveDate,
    start: Option<NaiveDate>,
    eind: Option<NaiveDate>,
    geboren: NaiveDate,
    melding: Option<String>,
}

/// The columns every query of running toekenningen selects, in the order
/// [`lopend_uit`] reads them.
const LOPEND_KOLOMMEN: &str = "t.id, t.inwoner, CASE WHEN i.voornaam = '' THEN i.achternaam \
     ELSE i.voornaam || ' ' || i.achternaam END, v.naam, v.wet, t.besluit, t.start, t.eind, \
     i.geboortedatum, t.melding";

/// One running toekenning from the first ten columns ([`LOPEND_KOLOMMEN`]).
fn lopend_uit(r: &rusqlite::Row<'_>) -> rusqlite::Result<Lopend> {
    Ok(Lopend {
        toekenning: r.get(0)?,
        inwoner: r.get(1)?,
        naam: r.get(2)?,
        voorziening: r.get(3)?,
        wet: r.get(4)?,
        besluit: kolom::datum(r, 5)?,
        start: kolom::optie_datum(r, 6)?,
        eind: kolom::optie_datum(r, 7)?,
        geboren: kolom::datum(r, 8)?,
        melding: r.get(9)?,
    })
}

/// The bounds of [`LIJSTVOORWAARDE`] on `vandaag`: today, the last day
/// whose end is a herindicatie, and the range of birth dates that can turn
/// 18 within six months, a week wider on each side than the rule (which
/// clamps month ends) so that it only ever lets more through.
fn lijstgrenzen(vandaag: NaiveDate) -> [String; 4] {
    let grens = |d: Option<NaiveDate>| d.map_or_else(|| iso(vandaag), iso);
    let achttien = chrono::Months::new(18 * 12);
    let week = chrono::Days::new(7);
    [
        iso(vandaag),
        grens(vandaag.checked_add_days(chrono::Days::new(
            u64::try_from(HERINDICATIE_DAGEN).unwrap_or(0),
        ))),
        grens(
            vandaag
                .checked_sub_months(achttien)
                .and_then(|d| d.checked_sub_days(week)),
        ),
        grens(
            vandaag
                .checked_add_months(chrono::Months::new(ACHTTIEN_MAANDEN))
                .and_then(|d| d.checked_sub_months(achttien))
                .and_then(|d| d.checked_add_days(week)),
        ),
    ]
}

/// Only the running toekenningen that can be on a list of [`bouw`]: not
/// started (wachtend), ending within the herindicatie window, or a
/// Jeugdwet provision of someone born in the range that turns 18 soon.
/// Parameters `?2` to `?5` are [`lijstgrenzen`]; `bouw` applies the rules
/// themselves. Without it a team's queue read every running toekenning of
/// its residents (ruim 8,000 at 300,000 residents) to keep a few hundred
/// (issue #13). The Jeugdwet part is split so that SQLite tests the
/// toekenning and its provision before it reads the resident.
const LIJSTVOORWAARDE: &str = "(t.eind IS NULL OR t.eind >= ?2)
           AND (t.start IS NULL OR t.eind <= ?3 OR v.wet = 'jeugdwet')
           AND (t.start IS NULL OR t.eind <= ?3 OR (i.geboortedatum > ?4 AND i.geboortedatum <= ?5))";

fn lopende(
    conn: &Connection,
    wie: Wie<'_>,
    vandaag: NaiveDate,
) -> Result<Vec<(String, Lopend)>, StoreFout> {
    // One worker: their meldingen first (about 1,400 over ten years). A
    // team: the open toekenningen first (the small partial index holds only
    // those), then their provision (a small table) and only for those that
    // can be on a list the melding's medewerker (from the (id, inwoner,
    // medewerker) index) and the resident; starting from the team's
    // meldingen cost more, and so did seeking the melding of every open
    // toekenning of the town (issue #13).
    let bron = match wie {
        Wie::Medewerker(_) => {
            "FROM toekenning t
         JOIN melding m ON m.id = t.melding
         JOIN inwoner i ON i.id = t.inwoner
         JOIN voorziening v ON v.id = t.voorziening"
        }
        Wie::Team(_) => {
            "FROM toekenning t INDEXED BY toekenning_melding_open
         CROSS JOIN voorziening v
         CROSS JOIN melding m INDEXED BY melding_inwoner_van
         CROSS JOIN inwoner i"
        }
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {LOPEND_KOLOMMEN}, m.medewerker
         {bron}
         WHERE m.id = t.melding AND i.id = t.inwoner AND v.id = t.voorziening
           AND {} AND t.uitkomst = 'toegekend' AND t.reden_einde IS NULL
           AND {LIJSTVOORWAARDE}",
        wie.filter()
    ))?;
    let [a, b, c, d] = lijstgrenzen(vandaag);
    let rijen = stmt.query_map(params![wie.sleutel(), a, b, c, d], |r| {
        Ok((r.get(10)?, lopend_uit(r)?))
    })?;
    Ok(rijen.collect::<Result<_, _>>()?)
}

/// Granted, not ended toekenningen decided by `medewerker` (they recorded
/// the melding's *aanvraag en besluit* step) on a melding of someone else:
/// the wijkcoach who took the decision follows it up, also when the
/// intaker owns the melding. Starts from the worker's steps
/// (`klantreis_stap_medewerker`).
fn besloten_door(
    conn: &Connection,
    medewerker: &str,
    vandaag: NaiveDate,
) -> Result<Vec<Lopend>, StoreFout> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT DISTINCT {LOPEND_KOLOMMEN}
         FROM klantreis_stap s
         JOIN toekenning t ON t.melding = s.melding
         JOIN inwoner i ON i.id = t.inwoner
         JOIN voorziening v ON v.id = t.voorziening
         WHERE s.medewerker = ?1 AND s.stap = 'aanvraag-besluit'
           AND t.uitkomst = 'toegekend' AND t.reden_einde IS NULL
           AND (t.eind IS NULL OR t.eind >= ?2)"
    ))?;
    let rijen = stmt.query_map(params![medewerker, iso(vandaag)], lopend_uit)?;
    Ok(rijen.collect::<Result<_, _>>()?)
}

/// Open meldingen of someone else on which `medewerker` recorded a step
/// (the wijkcoach who took over after the intake), from the worker's steps.
fn meldingen_met_stap(
    conn: &Connection,
    medewerker: &str,
    vandaag: NaiveDate,
) -> Result<Vec<OpenMelding>, StoreFout> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT m.id, m.inwoner, {NAAM}, m.datum, m.wet, m.spoed, m.gesprek, m.onderzoek_klaar, m.aanvraag,
                EXISTS (SELECT 1 FROM toekenning t WHERE t.melding = m.id AND t.besluit >= m.aanvraag),
                EXISTS (SELECT 1 FROM toekenning t WHERE t.melding = m.id)
         FROM (SELECT DISTINCT s.melding FROM klantreis_stap s WHERE s.medewerker = ?1) g
         JOIN melding m ON m.id = g.melding
         JOIN inwoner i ON i.id = m.inwoner
         WHERE m.afgesloten IS NULL AND m.medewerker IS NOT ?1"
    ))?;
    let rijen = stmt.query_map([medewerker], |r| open_melding(r, vandaag))?;
    Ok(rijen.collect::<Result<_, _>>()?)
}

/// Households whose AVE level now has `medewerker` as casusregisseur or
/// (by name) as procesregisseur, the longest unchanged first. Starts from
/// the residents of the worker's wijkteam (`inwoner_wijkteam`; a worker
/// without a wijkteam, such as a procesmanager, from every wijkteam's),
/// each household's latest event through `ave_huishouden`: every step a
/// seek, no pass over the AVE history.
fn regie(conn: &Connection, medewerker: &str, vandaag: NaiveDate) -> Result<Vec<Regie>, StoreFout> {
    let wie: Option<(String, Option<String>)> = conn
        .query_row(
            "SELECT naam, wijkteam FROM medewerker WHERE id = ?1",
            [medewerker],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((naam, team)) = wie else {
        return Ok(Vec::new());
    };
    // From the kept level per household (`ave_stand`, schema v12): every
    // household whose level now names the worker, of their wijkteam (any
    // wijkteam for a worker without one), one row each. A household whose
    // latest event lies after today gets its level on today from `ave`.
    // Before (issue #13) this walked every household of the team (of the
    // town, for a procesmanager) with a seek in `ave` each.
    let mut stmt = conn.prepare_cached(
        "SELECT s.huishouden, s.niveau, s.datum, s.casusregisseur IS ?1,
                (SELECT CASE WHEN o.voornaam = '' THEN o.achternaam ELSE o.voornaam || ' ' || o.achternaam END
                 FROM inwoner o WHERE o.huishouden = s.huishouden ORDER BY o.geboortedatum, o.id LIMIT 1)
         FROM (SELECT huishouden, niveau, datum, casusregisseur, procesregisseur
               FROM ave_stand WHERE datum <= ?3
               UNION ALL
               SELECT a.huishouden, a.niveau, a.datum, a.casusregisseur, a.procesregisseur
               FROM ave_stand f INDEXED BY ave_stand_datum
               JOIN ave a ON a.rowid = (SELECT b.rowid FROM ave b
                                        WHERE b.huishouden = f.huishouden AND b.datum <= ?3
                                        ORDER BY b.datum DESC, b.rowid DESC LIMIT 1)
               WHERE f.datum > ?3) s
         WHERE (s.casusregisseur IS ?1 OR s.procesregisseur IS ?2)
           AND EXISTS (SELECT 1 FROM inwoner i WHERE i.huishouden = s.huishouden
                       AND i.wijkteam IS NOT NULL AND (?4 IS NULL OR i.wijkteam = ?4))",
    )?;
    let mut lijst: Vec<Regie> = stmt
        .query_map(params![medewerker, naam, iso(vandaag), team], |r| {
            let sinds = kolom::datum(r, 2)?;
            Ok(Regie {
                huishouden: r.get(0)?,
                niveau: r.get(1)?,
                sinds,
                dagen_sinds: (vandaag - sinds).num_days(),
                casusregie: r.get(3)?,
                naam: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
            })
        })?
        .collect::<Result<_, _>>()?;
    lijst.sort_by(|a, b| {
        a.sinds
            .cmp(&b.sinds)
            .then_with(|| a.huishouden.cmp(&b.huishouden))
    });
    Ok(lijst)
}

/// The households of the residents of `wijkteam` whose AVE level now names
/// a medewerker of that team as casusregisseur (by id) or procesregisseur
/// (by name), per medewerker id, as [`regie`] gives each worker: one query
/// for the team instead of one pass over its households per worker.
fn regie_team(
    conn: &Connection,
    wijkteam: &str,
    medewerkers: &[(String, String)],
    vandaag: NaiveDate,
) -> Result<HashMap<String, Vec<Regie>>, StoreFout> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.huishouden, s.niveau, s.datum, s.casusregisseur, s.procesregisseur,
                (SELECT CASE WHEN o.voornaam = '' THEN o.achternaam ELSE o.voornaam || ' ' || o.achternaam END
                 FROM inwoner o WHERE o.huishouden = s.huishouden ORDER BY o.geboortedatum, o.id LIMIT 1)
         FROM (SELECT DISTINCT i.huishouden FROM inwoner i WHERE i.wijkteam = ?1) h
         JOIN ave s ON s.rowid = (SELECT b.rowid FROM ave b
                                  WHERE b.huishouden = h.huishouden AND b.datum <= ?2
                                  ORDER BY b.datum DESC, b.rowid DESC LIMIT 1)
         WHERE s.casusregisseur IN (SELECT id FROM medewerker WHERE wijkteam = ?1)
            OR s.procesregisseur IN (SELECT naam FROM medewerker WHERE wijkteam = ?1)",
    )?;
    let rijen = stmt.query_map(params![wijkteam, iso(vandaag)], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, u8>(1)?,
            kolom::datum(r, 2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<String>>(5)?.unwrap_or_default(),
        ))
    })?;
    let mut per: HashMap<String, Vec<Regie>> = HashMap::new();
    for rij in rijen {
        let (huishouden, niveau, sinds, casus, proces, naam) = rij?;
        for (id, mw_naam) in medewerkers {
            let casusregie = casus.as_deref() == Some(id.as_str());
            if casusregie || proces.as_deref() == Some(mw_naam.as_str()) {
                per.entry(id.clone()).or_default().push(Regie {
                    huishouden: huishouden.clone(),
                    naam: naam.clone(),
                    niveau,
                    sinds,
                    dagen_sinds: (vandaag - sinds).num_days(),
                    casusregie,
                });
            }
        }
    }
    for lijst in per.values_mut() {
        lijst.sort_by(|a, b| {
            a.sinds
                .cmp(&b.sinds)
                .then_with(|| a.huishouden.cmp(&b.huishouden))
        });
    }
    Ok(per)
}

/// Granted, not ended toekenningen without a melding of the residents of
/// `wijkteam` (the teamleider's lines, see the module docs).
fn lopende_zonder_melding(
    conn: &Connection,
    wijkteam: &str,
    vandaag: NaiveDate,
) -> Result<Vec<Lopend>, StoreFout> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {LOPEND_KOLOMMEN}
         FROM inwoner i
         JOIN toekenning t ON t.inwoner = i.id
         JOIN voorziening v ON v.id = t.voorziening
         WHERE i.wijkteam = ?1 AND t.melding IS NULL
           AND t.uitkomst = 'toegekend' AND t.reden_einde IS NULL
           AND {LIJSTVOORWAARDE}"
    ))?;
    let [a, b, c, d] = lijstgrenzen(vandaag);
    let rijen = stmt.query_map(params![wijkteam, a, b, c, d], lopend_uit)?;
    Ok(rijen.collect::<Result<_, _>>()?)
}

/// The queue of one medewerker on `vandaag`: their own meldingen and the
/// open meldingen they recorded a step on, the toekenningen of their
/// meldingen and those they decided, and the households under their
/// casus- or procesregie; a teamleider's also holds the toekenningen
/// without a melding of the residents of their wijkteam.
pub fn werkvoorraad(
    conn: &Connection,
    medewerker: &str,
    vandaag: NaiveDate,
) -> Result<Werkvoorraad, StoreFout> {
    let wie = Wie::Medewerker(medewerker);
    let mut meldingen: Vec<OpenMelding> = open_meldingen(conn, wie, vandaag)?
        .into_iter()
        .map(|(_, m)| m)
        .collect();
    meldingen.extend(meldingen_met_stap(conn, medewerker, vandaag)?);
    let mut lopend: Vec<Lopend> = lopende(conn, wie, vandaag)?
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    for l in besloten_door(conn, medewerker, vandaag)? {
        if !lopend.iter().any(|x| x.toekenning == l.toekenning) {
            lopend.push(l);
        }
    }
    let team: Option<Option<String>> = conn
        .query_row(
            "SELECT wijkteam FROM medewerker WHERE id = ?1 AND rol = ?2",
            params![medewerker, Rol::Teamleider.code()],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(Some(team)) = team {
        lopend.extend(lopende_zonder_melding(conn, &team, vandaag)?);
    }
    let mut w = bouw(meldingen, lopend, vandaag);
    w.regie = regie(conn, medewerker, vandaag)?;
    Ok(w)
}

/// Sorts a worker's rows into the four lists.
fn bouw(mut meldingen: Vec<OpenMelding>, lopend: Vec<Lopend>, vandaag: NaiveDate) -> Werkvoorraad {
    sorteer_meldingen(&mut meldingen);
    let mut w = Werkvoorraad {
        meldingen,
        ..Werkvoorraad::default()
    };
    for l in lopend {
        if let Some(eind) = l.eind
            && herindicatie_nodig(eind, vandaag)
        {
            w.herindicaties.push(Herindicatie {
                toekenning: l.toekenning.clone(),
                melding: l.melding.clone(),
                inwoner: l.inwoner.clone(),
                naam: l.naam.clone(),
                voorziening: l.voorziening.clone(),
                eind,
                dagen_tot_eind: (eind - vandaag).num_days(),
            });
        }
        if l.wet.as_deref() == Some(Wet::Jeugdwet.code())
            && wordt_18_binnenkort(l.geboren, vandaag)
            && let Some(verjaardag) = achttiende_verjaardag(l.geboren)
        {
            w.achttien.push(Achttien {
                toekenning: l.toekenning.clone(),
                melding: l.melding.clone(),
                inwoner: l.inwoner.clone(),
                naam: l.naam.clone(),
                voorziening: l.voorziening.clone(),
                verjaardag,
            });
        }
        if l.start.is_none() {
            w.wachtend.push(Wachtend {
                toekenning: l.toekenning,
                melding: l.melding,
                inwoner: l.inwoner,
                naam: l.naam,
                voorziening: l.voorziening,
                besluit: l.besluit,
                dagen_wachtend: dagen_wachtend(l.besluit, vandaag),
            });
        }
    }
    w.herindicaties.sort_by(|a, b| {
        a.eind
            .cmp(&b.eind)
            .then_with(|| a.toekenning.cmp(&b.toekenning))
    });
    w.achttien.sort_by(|a, b| {
        a.verjaardag
            .cmp(&b.verjaardag)
            .then_with(|| a.toekenning.cmp(&b.toekenning))
    });
    w.wachtend.sort_by(|a, b| {
        b.dagen_wachtend
            .cmp(&a.dagen_wachtend)
            .then_with(|| a.toekenning.cmp(&b.toekenning))
    });
    w
}

/// The queues of the medewerkers of `wijkteam`, by name, each as the
/// worker sees it (their own lines, what they took over from a colleague,
/// their regie; see [`werkvoorraad`]), the teamleider's lines without a
/// melding, and the team totals, each line once.
pub fn werkvoorraad_team(
    conn: &Connection,
    wijkteam: &str,
    vandaag: NaiveDate,
) -> Result<TeamWerkvoorraad, StoreFout> {
    let mut stmt = conn.prepare(
        "SELECT id, naam FROM medewerker WHERE wijkteam = ?1 ORDER BY naam COLLATE NOCASE, id",
    )?;
    let medewerkers: Vec<(String, String)> = stmt
        .query_map([wijkteam], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let wie = Wie::Team(wijkteam);
    let mut meldingen: HashMap<String, Vec<OpenMelding>> = HashMap::new();
    for (mw, m) in open_meldingen(conn, wie, vandaag)? {
        meldingen.entry(mw).or_default().push(m);
    }
    let mut lopend: HashMap<String, Vec<Lopend>> = HashMap::new();
    for (mw, l) in lopende(conn, wie, vandaag)? {
        lopend.entry(mw).or_default().push(l);
    }
    let mut regie = regie_team(conn, wijkteam, &medewerkers, vandaag)?;
    let mut per_medewerker = Vec::new();
    for (medewerker, naam) in medewerkers {
        // What the worker took over, as in their own queue.
        let mut eigen = meldingen.remove(&medewerker).unwrap_or_default();
        eigen.extend(meldingen_met_stap(conn, &medewerker, vandaag)?);
        let mut lopende = lopend.remove(&medewerker).unwrap_or_default();
        for l in besloten_door(conn, &medewerker, vandaag)? {
            if !lopende.iter().any(|x| x.toekenning == l.toekenning) {
                lopende.push(l);
            }
        }
        let mut w = bouw(eigen, lopende, vandaag);
        w.regie = regie.remove(&medewerker).unwrap_or_default();
        per_medewerker.push(MedewerkerWerkvoorraad {
            medewerker,
            naam,
            werkvoorraad: w,
        });
    }
    let zonder_melding = bouw(
        Vec::new(),
        lopende_zonder_melding(conn, wijkteam, vandaag)?,
        vandaag,
    );
    let totaal = totalen_uniek(
        per_medewerker
            .iter()
            .map(|p| &p.werkvoorraad)
            .chain(std::iter::once(&zonder_melding)),
    );
    Ok(TeamWerkvoorraad {
        per_medewerker,
        zonder_melding,
        totaal,
    })
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "a test fails loudly")]
mod tests {
    use super::*;

    /// The list condition only ever lets more through than the rules: every
    /// birth date that turns 18 within six months lies in its range, for
    /// every day of six years (leap days and month ends included).
    #[test]
    fn geboortegrenzen_omvatten_wie_binnenkort_18_wordt() {
        let mut vandaag = NaiveDate::from_ymd_opt(2023, 1, 1).expect("datum");
        let eind = NaiveDate::from_ymd_opt(2029, 1, 1).expect("datum");
        let mut binnen = 0_u32;
        while vandaag < eind {
            let [_, _, na, tot] = lijstgrenzen(vandaag);
            let begin = vandaag
                .checked_sub_months(chrono::Months::new(18 * 12 + 1))
                .expect("datum");
            for dag in 0..260 {
                let geboren = begin + chrono::Days::new(dag);
                if wordt_18_binnenkort(geboren, vandaag) {
                    binnen += 1;
                    let g = iso(geboren);
                    assert!(
                        g > na && g <= tot,
                        "{g} wordt 18 binnen zes maanden na {vandaag} maar ligt buiten ({na}, {tot}]"
                    );
                }
            }
            vandaag = vandaag.succ_opt().expect("datum");
        }
        assert!(binnen > 100_000, "{binnen}");
    }
}
