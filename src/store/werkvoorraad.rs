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
    OpenTermijn, achttiende_verjaardag, dagen_wachtend, herindicatie_nodig, termijn_aanvraag,
    termijn_melding, wordt_18_binnenkort,
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
        }
    }
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
    /// Per worker, by name.
    pub per_medewerker: Vec<MedewerkerWerkvoorraad>,
    /// Toekenningen without a melding of the team's residents (no open
    /// meldingen by nature): the teamleider's to hand out.
    pub zonder_melding: Werkvoorraad,
    /// Sums over the team, including the lines without a melding.
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
                m.medewerker
         FROM melding m JOIN inwoner i ON i.id = m.inwoner
         WHERE {} AND m.afgesloten IS NULL",
        wie.filter()
    ))?;
    let rijen = stmt.query_map([wie.sleutel()], |r| {
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
        termijnen.sort_by_key(|t| (t.status.urgentie(), t.uiterste));
        Ok((
            r.get(10)?,
            OpenMelding {
                melding: r.get(0)?,
                inwoner: r.get(1)?,
                naam: r.get(2)?,
                datum,
                termijnen,
            },
        ))
    })?;
    Ok(rijen.collect::<Result<_, _>>()?)
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

/// Granted, not ended toekenningen of a worker's meldingen:
/// (id, inwoner, naam, voorziening, wet, besluit, start, eind, geboortedatum).
type LopendeRij = (
    String,
    String,
    String,
    String,
    Option<String>,
    NaiveDate,
    Option<NaiveDate>,
    Option<NaiveDate>,
    NaiveDate,
);

fn lopende(
    conn: &Connection,
    wie: Wie<'_>,
    vandaag: NaiveDate,
) -> Result<Vec<(String, LopendeRij)>, StoreFout> {
    // One worker: their meldingen first (about 1,400 over ten years). A
    // team: the open toekenningen first (the small partial index holds only
    // those, about 9,000), each melding's medewerker from the (id, inwoner,
    // medewerker) index, and only then the rows of the team's residents;
    // starting from the team's meldingen (about 37,000) cost more.
    let bron = match wie {
        Wie::Medewerker(_) => {
            "FROM toekenning t
         JOIN melding m ON m.id = t.melding
         JOIN inwoner i ON i.id = t.inwoner
         JOIN voorziening v ON v.id = t.voorziening"
        }
        Wie::Team(_) => {
            "FROM toekenning t INDEXED BY toekenning_melding_open
         CROSS JOIN melding m INDEXED BY melding_inwoner_van
         CROSS JOIN inwoner i
         CROSS JOIN voorziening v"
        }
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT t.id, t.inwoner, {NAAM}, v.naam, v.wet, t.besluit, t.start, t.eind, i.geboortedatum,
                m.medewerker
         {bron}
         WHERE m.id = t.melding AND i.id = t.inwoner AND v.id = t.voorziening
           AND {} AND t.uitkomst = 'toegekend' AND t.reden_einde IS NULL
           AND (t.eind IS NULL OR t.eind >= ?2)",
        wie.filter()
    ))?;
    let rijen = stmt.query_map(params![wie.sleutel(), iso(vandaag)], |r| {
        Ok((r.get(9)?, lopende_rij(r)?))
    })?;
    Ok(rijen.collect::<Result<_, _>>()?)
}

/// One running toekenning from the first nine columns of the queries above.
fn lopende_rij(r: &rusqlite::Row<'_>) -> rusqlite::Result<LopendeRij> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        kolom::datum(r, 5)?,
        kolom::optie_datum(r, 6)?,
        kolom::optie_datum(r, 7)?,
        kolom::datum(r, 8)?,
    ))
}

/// Granted, not ended toekenningen without a melding of the residents of
/// `wijkteam` (the teamleider's lines, see the module docs).
fn lopende_zonder_melding(
    conn: &Connection,
    wijkteam: &str,
    vandaag: NaiveDate,
) -> Result<Vec<LopendeRij>, StoreFout> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT t.id, t.inwoner, {NAAM}, v.naam, v.wet, t.besluit, t.start, t.eind, i.geboortedatum
         FROM inwoner i
         JOIN toekenning t ON t.inwoner = i.id
         JOIN voorziening v ON v.id = t.voorziening
         WHERE i.wijkteam = ?1 AND t.melding IS NULL
           AND t.uitkomst = 'toegekend' AND t.reden_einde IS NULL
           AND (t.eind IS NULL OR t.eind >= ?2)"
    ))?;
    let rijen = stmt.query_map(params![wijkteam, iso(vandaag)], lopende_rij)?;
    Ok(rijen.collect::<Result<_, _>>()?)
}

/// The queue of one medewerker on `vandaag`; a teamleider's also holds the
/// toekenningen without a melding of the residents of their wijkteam.
pub fn werkvoorraad(
    conn: &Connection,
    medewerker: &str,
    vandaag: NaiveDate,
) -> Result<Werkvoorraad, StoreFout> {
    let wie = Wie::Medewerker(medewerker);
    let meldingen = open_meldingen(conn, wie, vandaag)?
        .into_iter()
        .map(|(_, m)| m)
        .collect();
    let mut lopend: Vec<LopendeRij> = lopende(conn, wie, vandaag)?
        .into_iter()
        .map(|(_, l)| l)
        .collect();
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
    Ok(bouw(meldingen, lopend, vandaag))
}

/// Sorts a worker's rows into the four lists.
fn bouw(
    mut meldingen: Vec<OpenMelding>,
    lopend: Vec<LopendeRij>,
    vandaag: NaiveDate,
) -> Werkvoorraad {
    sorteer_meldingen(&mut meldingen);
    let mut w = Werkvoorraad {
        meldingen,
        ..Werkvoorraad::default()
    };
    for (toekenning, inwoner, naam, voorziening, wet, besluit, start, eind, geboren) in lopend {
        if let Some(eind) = eind
            && herindicatie_nodig(eind, vandaag)
        {
            w.herindicaties.push(Herindicatie {
                toekenning: toekenning.clone(),
                inwoner: inwoner.clone(),
                naam: naam.clone(),
                voorziening: voorziening.clone(),
                eind,
                dagen_tot_eind: (eind - vandaag).num_days(),
            });
        }
        if wet.as_deref() == Some(Wet::Jeugdwet.code())
            && wordt_18_binnenkort(geboren, vandaag)
            && let Some(verjaardag) = achttiende_verjaardag(geboren)
        {
            w.achttien.push(Achttien {
                toekenning: toekenning.clone(),
                inwoner: inwoner.clone(),
                naam: naam.clone(),
                voorziening: voorziening.clone(),
                verjaardag,
            });
        }
        if start.is_none() {
            w.wachtend.push(Wachtend {
                toekenning,
                inwoner,
                naam,
                voorziening,
                besluit,
                dagen_wachtend: dagen_wachtend(besluit, vandaag),
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

/// The queues of the medewerkers of `wijkteam`, by name, and the team totals.
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
    let mut lopend: HashMap<String, Vec<LopendeRij>> = HashMap::new();
    for (mw, l) in lopende(conn, wie, vandaag)? {
        lopend.entry(mw).or_default().push(l);
    }
    let mut per_medewerker = Vec::new();
    let mut totaal = Totalen::default();
    let mut tel = |t: Totalen| {
        totaal.open_meldingen += t.open_meldingen;
        totaal.verlopen += t.verlopen;
        totaal.bijna_verlopen += t.bijna_verlopen;
        totaal.herindicaties += t.herindicaties;
        totaal.achttien += t.achttien;
        totaal.wachtend += t.wachtend;
    };
    for (medewerker, naam) in medewerkers {
        let w = bouw(
            meldingen.remove(&medewerker).unwrap_or_default(),
            lopend.remove(&medewerker).unwrap_or_default(),
            vandaag,
        );
        tel(w.totalen());
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
    tel(zonder_melding.totalen());
    Ok(TeamWerkvoorraad {
        per_medewerker,
        zonder_melding,
        totaal,
    })
}
