//! Computing the indicators of one year from the register (the rules table
//! of `indicators.md`).
//!
//! Shape: one set-based query loads the toekenningen *lopend in Y* (the
//! resident's date of birth and woonplaats and the contract's soort come from
//! maps read once per computation) and every indicator over them is counted
//! in memory in one pass of small sets. For several years (the monitoring
//! export) the toekenningen lopend in any of them are loaded once and
//! filtered per year in memory. The rules that look at other rows (waiting lists, 3.4C.1's 365-day
//! window, recidive, contracts, meldingen, verwijzingen, vorderingen) are
//! their own indexed queries. Every key of a breakdown is a record id, every
//! breakdown is sorted, so the same register gives the same report, byte for
//! byte. Ages, rounding and population sums come from
//! [`crate::domain::indicatoren`].

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::rc::Rc;

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::{Jaarrapport, RapportFout, Rij, Uitkomst, Waarde};
use crate::domain::catalogus::{CATALOGUS, Eenheid, Indicator};
use crate::domain::indicatoren::{
    Band, Decimaal, bevolking_in_bereik, deel_afgerond, leeftijd_bij_toekenning, pw_spell_begin,
    verhouding,
};
use crate::store::kolom::{self, optie_tekst, tekst};
use crate::store::{self, indicatorwaarden};

/// What the rules need of a voorziening.
#[derive(Debug, Default)]
struct Vz {
    maatwerk: bool,
    wet: Option<String>,
    categorie: Option<String>,
    kenmerken: Vec<String>,
}

impl Vz {
    fn maatwerk_onder(&self, wet: &str) -> bool {
        self.maatwerk && self.wet.as_deref() == Some(wet)
    }
    fn wmo_categorie(&self, categorieen: &[&str]) -> bool {
        self.maatwerk_onder("wmo")
            && self
                .categorie
                .as_deref()
                .is_some_and(|c| categorieen.contains(&c))
    }
    fn heeft(&self, kenmerk: &str) -> bool {
        self.kenmerken.iter().any(|k| k == kenmerk)
    }
}

/// FNV-1a for the in-memory maps keyed on record ids: short keys from our
/// own register, so SipHash's protection against chosen keys buys nothing,
/// and hashing was a measurable part of loading 75,000 residents.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A map with [`Fnv`] hashing.
type SnelMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// What stays the same for every year of one computation.
struct Context {
    voorzieningen: HashMap<String, Vz>,
    gemeente: Option<String>,
    /// The wijkteam the report is for (`None`: the whole municipality).
    team: Option<String>,
    /// Every resident by id: (rowid, date of birth, lives in the register's
    /// gemeente — `woonplaats` equal to it ignoring case). Read once in
    /// one pass; tens of thousands of random lookups per year cost more.
    inwoners: SnelMap<String, (i64, NaiveDate, bool)>,
    /// The rowids of the residents the report counts: those of the team
    /// (every resident when the report is for the municipality).
    in_bereik: HashSet<i64>,
    /// Every resident's `pw-uitkering` toekenningen (`toegekend`, with a
    /// start) as (start, eind), for the Pw spell of 3.2.2: a spell may
    /// reach back before the computed years.
    pw_perioden: HashMap<i64, Vec<(NaiveDate, Option<NaiveDate>)>>,
    /// The municipality's own indicators (external), after the catalogue.
    eigen: Vec<&'static Indicator>,
    /// Every contract by id: whether it is a maatwerkcontract (a few
    /// hundred rows; looked up in memory instead of joined per toekenning).
    maatwerkcontracten: HashMap<String, bool>,
}

impl Context {
    fn laad(conn: &Connection, team: Option<&str>) -> Result<Self, RapportFout> {
        let mut voorzieningen: HashMap<String, Vz> = HashMap::new();
        let mut stmt = conn.prepare("SELECT id, soort, wet, categorie FROM voorziening")?;
        let mut rijen = stmt.query([])?;
        while let Some(r) = rijen.next()? {
            let soort: String = r.get(1)?;
            voorzieningen.insert(
                r.get(0)?,
                Vz {
                    maatwerk: soort == "maatwerk",
                    wet: r.get(2)?,
                    categorie: r.get(3)?,
                    kenmerken: Vec::new(),
                },
            );
        }
        let mut stmt = conn.prepare("SELECT voorziening, kenmerk FROM voorziening_kenmerk")?;
        let mut rijen = stmt.query([])?;
        while let Some(r) = rijen.next()? {
            let id: String = r.get(0)?;
            if let Some(vz) = voorzieningen.get_mut(&id) {
                vz.kenmerken.push(r.get(1)?);
            }
        }
        let gemeente = store::instelling(conn, store::INSTELLING_GEMEENTE)?;
        let eigen_gemeente = gemeente.as_ref().map(|g| g.trim().to_lowercase());
        // Sized once: the largest rowid bounds the number of residents.
        let hoogste: Option<i64> =
            conn.query_row("SELECT max(rowid) FROM inwoner", [], |r| r.get(0))?;
        let mut inwoners = SnelMap::with_capacity_and_hasher(
            usize::try_from(hoogste.unwrap_or(0)).unwrap_or(0),
            std::hash::BuildHasherDefault::default(),
        );
        let mut in_bereik = HashSet::new();
        let mut stmt =
            conn.prepare("SELECT rowid, id, geboortedatum, woonplaats, wijkteam FROM inwoner")?;
        let mut rijen = stmt.query([])?;
        while let Some(r) = rijen.next()? {
            let geboren = kolom::datum(r, 2)?;
            // Borrowed, and compared without allocating for ASCII names.
            let woonplaats = tekst(r, 3)?.trim();
            let eigen = eigen_gemeente.as_deref().is_some_and(|g| {
                if woonplaats.is_ascii() && g.is_ascii() {
                    woonplaats.eq_ignore_ascii_case(g)
                } else {
                    woonplaats.to_lowercase() == g
                }
            });
            let rowid: i64 = r.get(0)?;
            if team.is_none_or(|t| optie_tekst(r, 4).ok().flatten() == Some(t)) {
                in_bereik.insert(rowid);
            }
            inwoners.insert(r.get(1)?, (rowid, geboren, eigen));
        }
        let mut pw_perioden: HashMap<i64, Vec<(NaiveDate, Option<NaiveDate>)>> = HashMap::new();
        // One pass over the covering partial index of granted, started
        // toekenningen, keeping the Pw ones: seeking them through
        // (voorziening, start) read a table row per toekenning, at random
        // (issue #13: 217 ms of the 75,000-resident report, warm; 50 ms so).
        let mut stmt = conn.prepare(
            "SELECT t.inwoner, t.start, t.eind FROM toekenning t INDEXED BY toekenning_lopend
             WHERE t.uitkomst = 'toegekend' AND t.start IS NOT NULL
               AND t.voorziening IN (SELECT voorziening FROM voorziening_kenmerk WHERE kenmerk = 'pw-uitkering')",
        )?;
        let mut rijen = stmt.query([])?;
        while let Some(r) = rijen.next()? {
            let id = tekst(r, 0)?;
            let Some((rowid, _, _)) = inwoners.get(id) else {
                return Err(RapportFout::Gegevens(format!(
                    "toekenning van onbekende inwoner '{id}'"
                )));
            };
            pw_perioden
                .entry(*rowid)
                .or_default()
                .push((kolom::datum(r, 1)?, kolom::optie_datum(r, 2)?));
        }
        let mut maatwerkcontracten = HashMap::new();
        let mut stmt = conn.prepare("SELECT id, soort = 'maatwerkcontract' FROM contract")?;
        let mut rijen = stmt.query([])?;
        while let Some(r) = rijen.next()? {
            maatwerkcontracten.insert(r.get(0)?, r.get(1)?);
        }
        if let Some(t) = team {
            let bestaat: bool = conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM wijkteam WHERE id = ?1)",
                [t],
                |r| r.get(0),
            )?;
            if !bestaat {
                return Err(RapportFout::Gegevens(format!(
                    "wijkteam '{t}' bestaat niet in dit register"
                )));
            }
        }
        Ok(Context {
            voorzieningen,
            gemeente,
            team: team.map(str::to_owned),
            inwoners,
            in_bereik,
            pw_perioden,
            eigen: store::eigen_indicatoren::indicatoren(conn)?,
            maatwerkcontracten,
        })
    }

    /// The rowid, date of birth and own-gemeente flag of resident `id`.
    fn inwoner(&self, id: &str) -> Result<&(i64, NaiveDate, bool), RapportFout> {
        self.inwoners.get(id).ok_or_else(|| {
            RapportFout::Gegevens(format!("onbekende inwoner '{id}' in het register"))
        })
    }

    /// The rowid of resident `id` if the report counts them (`None`: another team's).
    fn geteld(&self, id: &str) -> Result<Option<i64>, RapportFout> {
        let rowid = self.inwoner(id)?.0;
        Ok(self.in_bereik.contains(&rowid).then_some(rowid))
    }

    /// The provision `id` as the rules need it.
    fn vz(&self, id: &str) -> Result<&Vz, RapportFout> {
        self.voorzieningen.get(id).ok_or_else(|| {
            RapportFout::Gegevens(format!("onbekende voorziening '{id}' in het register"))
        })
    }
}

/// A toekenning lopend in the computed years, with what the rules need.
/// Text keys are shared through a [`Tekstpool`], so loading allocates no
/// string per row.
struct Lopend {
    /// The resident's rowid: an integer key makes the sets cheap.
    inwoner: i64,
    voorziening: Rc<str>,
    aanbieder: Option<Rc<str>>,
    maatwerkcontract: bool,
    verwijzer: Rc<str>,
    doorbraak: bool,
    start: NaiveDate,
    eind: Option<NaiveDate>,
    geboren: NaiveDate,
    /// Lives in the register's own gemeente (3.8.2).
    eigen_gemeente: bool,
}

impl Lopend {
    /// Runs on a day of the year from `begin` to `eind`.
    fn loopt_in(&self, begin: NaiveDate, eind: NaiveDate) -> bool {
        self.start <= eind && self.eind.is_none_or(|e| e >= begin)
    }
}

/// One shared copy of each distinct text (provision, provider and referrer
/// ids: a few hundred values over hundreds of thousands of rows).
#[derive(Default)]
struct Tekstpool(HashSet<Rc<str>, std::hash::BuildHasherDefault<Fnv>>);

impl Tekstpool {
    fn deel(&mut self, tekst: &str) -> Rc<str> {
        if let Some(t) = self.0.get(tekst) {
            return Rc::clone(t);
        }
        let t: Rc<str> = Rc::from(tekst);
        self.0.insert(Rc::clone(&t));
        t
    }
}

fn grenzen(jaar: i32) -> Result<(String, String), RapportFout> {
    if !(1900..=2200).contains(&jaar) {
        return Err(RapportFout::Jaar(jaar));
    }
    Ok((format!("{jaar:04}-01-01"), format!("{jaar:04}-12-31")))
}

/// The toekenningen lopend on a day from `begin` to `eind` (one year, or
/// every year of an export: then read once and filtered per year in memory).
fn laad_lopend(
    conn: &Connection,
    ctx: &Context,
    begin: &str,
    eind: &str,
) -> Result<Vec<Lopend>, RapportFout> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.inwoner, t.voorziening, t.aanbieder, t.contract, t.verwijzer,
                t.doorbraak, t.start, t.eind
         FROM toekenning t
         WHERE t.uitkomst = 'toegekend' AND t.start IS NOT NULL AND t.start <= ?2
           AND (t.eind IS NULL OR t.eind >= ?1)",
    )?;
    let mut rijen = stmt.query(params![begin, eind])?;
    let mut pool = Tekstpool::default();
    let mut uit = Vec::new();
    while let Some(r) = rijen.next()? {
        let id = tekst(r, 0)?;
        let Some((inwoner, geboren, eigen_gemeente)) = ctx.inwoners.get(id) else {
            return Err(RapportFout::Gegevens(format!(
                "toekenning van onbekende inwoner '{id}'"
            )));
        };
        if !ctx.in_bereik.contains(inwoner) {
            continue;
        }
        let aanbieder = optie_tekst(r, 2)?.map(|a| pool.deel(a));
        uit.push(Lopend {
            inwoner: *inwoner,
            voorziening: pool.deel(tekst(r, 1)?),
            aanbieder,
            maatwerkcontract: optie_tekst(r, 3)?
                .and_then(|c| ctx.maatwerkcontracten.get(c))
                .copied()
                .unwrap_or(false),
            verwijzer: pool.deel(tekst(r, 4)?),
            doorbraak: r.get(5)?,
            start: kolom::datum(r, 6)?,
            eind: kolom::optie_datum(r, 7)?,
            geboren: *geboren,
            eigen_gemeente: *eigen_gemeente,
        });
    }
    Ok(uit)
}

/// Unique residents per breakdown key (one or two keys, borrowed from the
/// loaded rows so counting allocates nothing per row).
#[derive(Default)]
struct Uitsplitser<'a>(HashMap<(Option<&'a str>, Option<&'a str>), HashSet<i64>>);

impl<'a> Uitsplitser<'a> {
    fn tel(&mut self, sleutel: (Option<&'a str>, Option<&'a str>), inwoner: i64) {
        self.0.entry(sleutel).or_default().insert(inwoner);
    }
    fn rijen(self, sleutels: usize) -> Vec<Rij> {
        sorteer(
            self.0
                .into_iter()
                .map(|((a, b), s)| Rij {
                    sleutels: [a, b]
                        .into_iter()
                        .take(sleutels)
                        .map(|x| x.map(str::to_owned))
                        .collect(),
                    waarde: s.len() as i64,
                })
                .collect(),
        )
    }
}

/// Sorts breakdown rows by their keys, a missing key after the present ones,
/// and leaves out rows with value 0.
fn sorteer(mut rijen: Vec<Rij>) -> Vec<Rij> {
    rijen.retain(|r| r.waarde != 0);
    rijen.sort_by(|a, b| {
        let sleutel = |r: &Rij| {
            r.sleutels
                .iter()
                .map(|s| (s.is_none(), s.clone()))
                .collect::<Vec<_>>()
        };
        sleutel(a).cmp(&sleutel(b))
    });
    rijen
}

/// Computes every indicator for year `jaar`.
pub fn bereken_jaar(conn: &Connection, jaar: i32) -> Result<Jaarrapport, RapportFout> {
    bereken_jaar_voor(conn, jaar, None)
}

/// Computes every indicator for year `jaar` over the residents of
/// `wijkteam` (indicators.md "Per wijkteam"); `None` is the municipality.
/// A rate over the reference population, a count of the sociale kaart and
/// an external value have no value for a team, with the reason.
pub fn bereken_jaar_voor(
    conn: &Connection,
    jaar: i32,
    wijkteam: Option<&str>,
) -> Result<Jaarrapport, RapportFout> {
    let (begin, eind) = grenzen(jaar)?;
    let ctx = Context::laad(conn, wijkteam)?;
    let lopend = laad_lopend(conn, &ctx, &begin, &eind)?;
    bereken(conn, &ctx, &lopend, jaar)
}

/// As [`bereken_jaren`], over the residents of `wijkteam` (`None`: the municipality).
pub fn bereken_jaren_voor(
    conn: &Connection,
    van: i32,
    tot: i32,
    wijkteam: Option<&str>,
) -> Result<Vec<Jaarrapport>, RapportFout> {
    bereken_jaren_met_voortgang_voor(conn, van, tot, wijkteam, &mut |_, _| {})
}

/// Computes every indicator for each year from `van` to `tot` inclusive
/// (the sociale kaart is read once).
pub fn bereken_jaren(
    conn: &Connection,
    van: i32,
    tot: i32,
) -> Result<Vec<Jaarrapport>, RapportFout> {
    bereken_jaren_met_voortgang(conn, van, tot, &mut |_, _| {})
}

/// As [`bereken_jaren`], calling `voortgang(klaar, totaal)` after each year.
pub fn bereken_jaren_met_voortgang(
    conn: &Connection,
    van: i32,
    tot: i32,
    voortgang: &mut dyn FnMut(usize, usize),
) -> Result<Vec<Jaarrapport>, RapportFout> {
    bereken_jaren_met_voortgang_voor(conn, van, tot, None, voortgang)
}

/// As [`bereken_jaren_met_voortgang`], for one wijkteam or (`None`) the municipality.
pub fn bereken_jaren_met_voortgang_voor(
    conn: &Connection,
    van: i32,
    tot: i32,
    wijkteam: Option<&str>,
    voortgang: &mut dyn FnMut(usize, usize),
) -> Result<Vec<Jaarrapport>, RapportFout> {
    let (begin, _) = grenzen(van)?;
    let (_, eind) = grenzen(tot)?;
    let ctx = Context::laad(conn, wijkteam)?;
    // The running toekenningen of every year in one pass.
    let lopend = laad_lopend(conn, &ctx, &begin, &eind)?;
    let totaal = usize::try_from(tot - van + 1).unwrap_or(0);
    let mut uit = Vec::with_capacity(totaal);
    for jaar in van..=tot {
        uit.push(bereken(conn, &ctx, &lopend, jaar)?);
        voortgang(uit.len(), totaal);
    }
    Ok(uit)
}

fn geheel(n: usize) -> Waarde {
    Waarde::Getal(Decimaal::geheel(n as i64))
}

/// A count with itself as the count that suppression looks at.
fn aantal(n: usize) -> (Waarde, Option<i64>) {
    (geheel(n), Some(n as i64))
}

fn bereken(
    conn: &Connection,
    ctx: &Context,
    alle_lopend: &[Lopend],
    jaar: i32,
) -> Result<Jaarrapport, RapportFout> {
    let (begin, eind) = grenzen(jaar)?;
    let (eerste, laatste) = (
        NaiveDate::from_ymd_opt(jaar, 1, 1).ok_or(RapportFout::Jaar(jaar))?,
        NaiveDate::from_ymd_opt(jaar, 12, 31).ok_or(RapportFout::Jaar(jaar))?,
    );
    let lopend = alle_lopend.iter().filter(|t| t.loopt_in(eerste, laatste));
    let mut w: HashMap<&'static str, (Waarde, Option<i64>)> = HashMap::new();

    // Sets over the toekenningen lopend in Y.
    let mut s_jeugd_onder4 = HashSet::new();
    let mut s_stadsbank = HashSet::new();
    let mut s_schuldspecialist = HashSet::new();
    let mut s_pw_onder27 = HashSet::new();
    let mut s_bw = HashSet::new();
    let mut s_bw_eigen = HashSet::new();
    let mut s_opvang = HashSet::new();
    // Per resident on Pw benefit in Y: the last day in Y it ran (3.2.2).
    let mut pw_laatste_dag: HashMap<i64, NaiveDate> = HashMap::new();
    let mut s_pw_18plus = HashSet::new();
    let mut s_jeugdhulp_onder18 = HashSet::new();
    let mut s_jeugdbescherming_onder18 = HashSet::new();
    let mut s_jeugdreclassering_12_22 = HashSet::new();
    let mut s_wmo = HashSet::new();
    let mut s_jeugd = HashSet::new();
    let mut s_jeugd_verblijf = HashSet::new();
    let mut s_jeugd_maatregel = HashSet::new();
    let mut s_jeugd_ambulant = HashSet::new();
    let mut bw_mo_aanbieders: HashMap<i64, BTreeSet<&str>> = HashMap::new();
    let mut per_wet: BTreeMap<Vec<Option<String>>, i64> = BTreeMap::new();
    let mut u_3_1 = Uitsplitser::default();
    let mut u_3_2 = Uitsplitser::default();
    let mut u_3_3 = Uitsplitser::default();
    let mut u_3_3_1 = Uitsplitser::default();
    let mut u_3_3_2 = Uitsplitser::default();
    let mut u_wmo_cat = Uitsplitser::default();
    let (mut doorbraak_jw, mut doorbraak_wmo) = (0usize, 0usize);
    let gemeente = ctx.gemeente.as_ref().map(|g| g.trim().to_lowercase());

    for t in lopend {
        let vz = ctx.vz(&t.voorziening)?;
        let inw = t.inwoner;
        let leeftijd = || leeftijd_bij_toekenning(t.geboren, jaar, Some(t.start)).unwrap_or(0);
        if vz.maatwerk
            && let Some(wet) = vz.wet.as_deref()
            && [
                "jeugdwet",
                "wmo",
                "participatiewet",
                "leerlingenvervoer",
                "inburgering",
            ]
            .contains(&wet)
        {
            *per_wet.entry(vec![Some(wet.to_owned())]).or_default() += 1;
        }
        if vz.heeft("stadsbank") {
            s_stadsbank.insert(inw);
        }
        if vz.heeft("schuldspecialist") {
            s_schuldspecialist.insert(inw);
        }
        if vz.heeft("opvang-24uur") {
            s_opvang.insert(inw);
        }
        if vz.heeft("pw-uitkering") {
            let l = leeftijd();
            if l < 27 {
                s_pw_onder27.insert(inw);
            }
            if l >= 18 {
                s_pw_18plus.insert(inw);
            }
            let dag = t.eind.map_or(laatste, |e| e.min(laatste));
            let e = pw_laatste_dag.entry(inw).or_insert(dag);
            *e = (*e).max(dag);
        }
        if vz.maatwerk_onder("jeugdwet") {
            let cat = vz.categorie.as_deref().unwrap_or("");
            s_jeugd.insert(inw);
            let l = leeftijd();
            if l < 4 {
                s_jeugd_onder4.insert(inw);
            }
            match cat {
                "43" | "44" => {
                    s_jeugd_verblijf.insert(inw);
                }
                // Jeugdbescherming only (its measures are the
                // ondertoezichtstelling and the uithuisplaatsing).
                "48" => {
                    s_jeugd_maatregel.insert(inw);
                }
                // Jeugdreclassering is neither maatregel nor ambulant here.
                "47" => {}
                _ => {
                    s_jeugd_ambulant.insert(inw);
                }
            }
            match cat {
                "48" if l < 18 => {
                    s_jeugdbescherming_onder18.insert(inw);
                }
                "47" if (12..=22).contains(&l) => {
                    s_jeugdreclassering_12_22.insert(inw);
                }
                "47" | "48" | "49" => {}
                _ if l < 18 => {
                    s_jeugdhulp_onder18.insert(inw);
                }
                _ => {}
            }
            u_3_1.tel((Some(&*t.voorziening), t.aanbieder.as_deref()), inw);
            if t.maatwerkcontract {
                u_3_2.tel((t.aanbieder.as_deref(), None), inw);
            }
            u_3_3.tel((Some(&*t.verwijzer), None), inw);
            doorbraak_jw += usize::from(t.doorbraak);
        }
        if vz.maatwerk_onder("wmo") {
            s_wmo.insert(inw);
            u_3_3_1.tel((Some(&*t.voorziening), t.aanbieder.as_deref()), inw);
            if t.maatwerkcontract {
                u_3_3_2.tel((t.aanbieder.as_deref(), None), inw);
            }
            u_wmo_cat.tel((vz.categorie.as_deref(), None), inw);
            doorbraak_wmo += usize::from(t.doorbraak);
        }
        if vz.wmo_categorie(&["15"]) {
            s_bw.insert(inw);
            if t.eigen_gemeente {
                s_bw_eigen.insert(inw);
            }
        }
        if vz.wmo_categorie(&["15", "16", "17", "18"])
            && let Some(a) = t.aanbieder.as_deref()
        {
            bw_mo_aanbieders.entry(inw).or_default().insert(a);
        }
    }

    w.insert("1.7A.2", aantal(s_jeugd_onder4.len()));
    w.insert("1.14.2", aantal(s_stadsbank.len()));
    w.insert("1.14.3", aantal(s_schuldspecialist.len()));
    w.insert("1.14.5", aantal(s_pw_onder27.len()));
    w.insert(
        "3.1.1",
        (
            Waarde::Uitsplitsing(sorteer(
                per_wet
                    .into_iter()
                    .map(|(sleutels, waarde)| Rij { sleutels, waarde })
                    .collect(),
            )),
            None,
        ),
    );
    w.insert("3.1", (Waarde::Uitsplitsing(u_3_1.rijen(2)), None));
    w.insert("3.2", (Waarde::Uitsplitsing(u_3_2.rijen(1)), None));
    w.insert("3.3", (Waarde::Uitsplitsing(u_3_3.rijen(1)), None));
    w.insert("3.3.1", (Waarde::Uitsplitsing(u_3_3_1.rijen(2)), None));
    w.insert("3.3.2", (Waarde::Uitsplitsing(u_3_3_2.rijen(1)), None));
    w.insert(
        "tw-wmo-categorie",
        (Waarde::Uitsplitsing(u_wmo_cat.rijen(1)), None),
    );
    w.insert("3.4A.1", aantal(doorbraak_jw));
    w.insert("3.4B.1", aantal(doorbraak_wmo));
    let clienten = bw_mo_aanbieders.len();
    w.insert(
        "3.4.1",
        if clienten == 0 {
            (
                Waarde::Geen {
                    reden: format!(
                        "geen cliënten met beschermd wonen of opvang bij een aanbieder in {jaar}"
                    ),
                },
                None,
            )
        } else {
            let som: usize = bw_mo_aanbieders.values().map(BTreeSet::len).sum();
            match deel_afgerond(som as i128, clienten as i128, 2) {
                Some(d) => (Waarde::Getal(d), Some(clienten as i64)),
                None => (
                    Waarde::Geen {
                        reden: "niet te berekenen".to_owned(),
                    },
                    None,
                ),
            }
        },
    );
    w.insert("3.8.1", aantal(s_bw.len()));
    w.insert(
        "3.8.2",
        if gemeente.is_some() {
            aantal(s_bw_eigen.len())
        } else {
            (
                Waarde::Geen {
                    reden: "de gemeente van het register is niet ingesteld".to_owned(),
                },
                None,
            )
        },
    );
    w.insert("3.8.3", aantal(s_opvang.len()));
    w.insert("3.2.1", aantal(pw_laatste_dag.len()));
    let drie_jaar_terug =
        NaiveDate::from_ymd_opt(jaar - 3, 12, 31).ok_or(RapportFout::Jaar(jaar))?;
    let mut korter_dan_drie_jaar = 0usize;
    for (inw, dag) in &pw_laatste_dag {
        let perioden = ctx.pw_perioden.get(inw).map_or(&[][..], Vec::as_slice);
        if pw_spell_begin(perioden, *dag).is_some_and(|b| b > drie_jaar_terug) {
            korter_dan_drie_jaar += 1;
        }
    }
    w.insert("3.2.2", aantal(korter_dan_drie_jaar));
    w.insert("tw-wmo", aantal(s_wmo.len()));
    w.insert("tw-jeugd", aantal(s_jeugd.len()));
    w.insert("tw-jeugd-verblijf", aantal(s_jeugd_verblijf.len()));
    w.insert("tw-jeugd-ambulant", aantal(s_jeugd_ambulant.len()));
    w.insert("tw-jeugd-maatregel", aantal(s_jeugd_maatregel.len()));

    // Rates over the reference population.
    let banden = laad_bevolking(conn, jaar)?;
    let per_team = ctx.team.is_some();
    let mut tarief =
        |code: &'static str, teller: usize, van: u8, tot: u8, factor: i64, decimalen: u32| {
            let noemer = if per_team {
                Err(GEEN_TEAMBEVOLKING.to_owned())
            } else {
                bevolking_in_bereik(jaar, &banden, van, tot).map_err(|f| f.to_string())
            };
            let uitkomst = match noemer {
                Ok(noemer) => match verhouding(factor, teller as i64, noemer as i64, decimalen) {
                    Some(d) => Waarde::Getal(d),
                    None => Waarde::Geen {
                        reden: "niet te berekenen".to_owned(),
                    },
                },
                Err(reden) => Waarde::Geen { reden },
            };
            w.insert(code, (uitkomst, Some(teller as i64)));
        };
    tarief("bbv-jeugdhulp", s_jeugdhulp_onder18.len(), 0, 17, 100, 1);
    tarief(
        "bbv-jeugdbescherming",
        s_jeugdbescherming_onder18.len(),
        0,
        17,
        100,
        1,
    );
    tarief(
        "bbv-jeugdreclassering",
        s_jeugdreclassering_12_22.len(),
        12,
        22,
        100,
        1,
    );
    tarief("bbv-wmo", s_wmo.len(), 0, 120, 10_000, 0);
    tarief("bbv-bijstand", s_pw_18plus.len(), 18, 120, 10_000, 0);

    // Verstrekt in Y.
    let (mut woonvoorzieningen, mut toegekend) = (0usize, 0usize);
    {
        // The municipality counts every decision: without the resident the
        // index on (besluit, uitkomst, verwijzer, voorziening) answers
        // alone; with it every decision of the year cost a table row read
        // at random (issue #13). A team's report needs the resident.
        let mut stmt = conn.prepare_cached(if per_team {
            "SELECT voorziening, inwoner FROM toekenning WHERE besluit BETWEEN ?1 AND ?2 AND uitkomst = 'toegekend'"
        } else {
            "SELECT voorziening FROM toekenning WHERE besluit BETWEEN ?1 AND ?2 AND uitkomst = 'toegekend'"
        })?;
        let mut rijen = stmt.query(params![begin, eind])?;
        while let Some(r) = rijen.next()? {
            if per_team && ctx.geteld(tekst(r, 1)?)?.is_none() {
                continue;
            }
            let vz = ctx.vz(tekst(r, 0)?)?;
            if vz.maatwerk {
                toegekend += 1;
            }
            if vz.wmo_categorie(&["13"]) {
                woonvoorzieningen += 1;
            }
        }
    }
    w.insert("1.2.1", aantal(woonvoorzieningen));
    w.insert("tw-toegekend", aantal(toegekend));

    // 4.2.1: decisions by external referrers, per (verwijzer, voorziening).
    {
        let mut stmt = conn.prepare_cached(if per_team {
            "SELECT verwijzer, voorziening, inwoner FROM toekenning
             WHERE besluit BETWEEN ?1 AND ?2
               AND verwijzer IN ('huisarts', 'jeugdarts', 'gecertificeerde-instelling', 'medisch-specialist', 'rechter')"
        } else {
            "SELECT verwijzer, voorziening FROM toekenning
             WHERE besluit BETWEEN ?1 AND ?2
               AND verwijzer IN ('huisarts', 'jeugdarts', 'gecertificeerde-instelling', 'medisch-specialist', 'rechter')"
        })?;
        let mut rijen = stmt.query(params![begin, eind])?;
        let mut per_sleutel: BTreeMap<(String, String), i64> = BTreeMap::new();
        while let Some(r) = rijen.next()? {
            if !per_team || ctx.geteld(tekst(r, 2)?)?.is_some() {
                *per_sleutel
                    .entry((tekst(r, 0)?.to_owned(), tekst(r, 1)?.to_owned()))
                    .or_default() += 1;
            }
        }
        let rijen = per_sleutel
            .into_iter()
            .map(|((verwijzer, voorziening), waarde)| Rij {
                sleutels: vec![Some(verwijzer), Some(voorziening)],
                waarde,
            })
            .collect();
        w.insert("4.2.1", (Waarde::Uitsplitsing(sorteer(rijen)), None));
    }

    // 4.1.1 and 4.1.2: meldingen and verwijzingen.
    {
        // Distinct residents counted here by rowid: cheaper than SQLite's
        // temporary b-trees for GROUP BY with count(DISTINCT).
        let mut stmt = conn.prepare_cached(
            "SELECT gevraagde_voorziening, inwoner FROM melding WHERE datum BETWEEN ?1 AND ?2",
        )?;
        let mut rijen = stmt.query(params![begin, eind])?;
        let mut pool = Tekstpool::default();
        let mut per_voorziening: HashMap<Option<Rc<str>>, HashSet<i64>> = HashMap::new();
        while let Some(r) = rijen.next()? {
            let Some(inwoner) = ctx.geteld(tekst(r, 1)?)? else {
                continue;
            };
            let vz = optie_tekst(r, 0)?;
            per_voorziening
                .entry(vz.map(|v| pool.deel(v)))
                .or_default()
                .insert(inwoner);
        }
        let rijen = per_voorziening
            .into_iter()
            .map(|(vz, set)| Rij {
                sleutels: vec![vz.map(|v| v.to_string())],
                waarde: set.len() as i64,
            })
            .collect();
        w.insert("4.1.1", (Waarde::Uitsplitsing(sorteer(rijen)), None));
        // The resident of each melding from the small (id, inwoner) index:
        // SQLite would otherwise pick the primary key and read the whole
        // melding row, a random page read per verwijzing.
        let mut stmt = conn.prepare_cached(
            "SELECT m.inwoner FROM verwijzing w
             JOIN voorziening v ON v.id = w.voorziening
             JOIN melding m INDEXED BY melding_inwoner_van ON m.id = w.melding
             WHERE w.datum BETWEEN ?1 AND ?2 AND v.soort = 'algemeen'",
        )?;
        let mut rijen = stmt.query(params![begin, eind])?;
        let mut inwoners = HashSet::new();
        while let Some(r) = rijen.next()? {
            if let Some(inwoner) = ctx.geteld(tekst(r, 0)?)? {
                inwoners.insert(inwoner);
            }
        }
        w.insert("4.1.2", aantal(inwoners.len()));
    }

    // Each row one verwijzing, by the resident of its melding.
    w.insert(
        "2.3.1",
        aantal(tel_inwoners(
            conn,
            ctx,
            "SELECT m.inwoner FROM verwijzing w JOIN melding m ON m.id = w.melding
         WHERE w.status = 'afgerond' AND w.opgelost = 1 AND w.afgerond_op BETWEEN ?1 AND ?2",
            &begin,
            &eind,
        )?),
    );
    // The sociale kaart is the municipality's: no value per team.
    let kaart = |sql: &str| -> Result<(Waarde, Option<i64>), RapportFout> {
        if per_team {
            Ok((
                Waarde::Geen {
                    reden: GEEN_TEAMKAART.to_owned(),
                },
                None,
            ))
        } else {
            Ok(aantal(tel(conn, sql, &begin, &eind)?))
        }
    };
    w.insert("3.10.1-jw", kaart(
        "SELECT count(DISTINCT aanbieder) FROM contract WHERE wet = 'jeugdwet' AND van <= ?2 AND (tot IS NULL OR tot >= ?1)")?);
    w.insert("3.10.1-wmo", kaart(
        "SELECT count(DISTINCT aanbieder) FROM contract WHERE wet = 'wmo' AND van <= ?2 AND (tot IS NULL OR tot >= ?1)")?);
    w.insert("3.10.2", kaart(
        "SELECT count(*) FROM contract WHERE wet = 'jeugdwet' AND soort = 'maatwerkcontract' AND van <= ?2 AND (tot IS NULL OR tot >= ?1)")?);
    w.insert(
        "1.14.4",
        aantal(tel_inwoners(
            conn,
            ctx,
            // The provision list first, so the index on (voorziening, start) serves
            // and the earlier-trajectory check runs only for schuldhulp starts.
            "SELECT DISTINCT t.inwoner FROM toekenning t
         WHERE t.voorziening IN (SELECT id FROM voorziening WHERE wet = 'schuldhulp')
           AND t.uitkomst = 'toegekend' AND t.start BETWEEN ?1 AND ?2
           AND EXISTS (SELECT 1 FROM toekenning e
                       WHERE e.inwoner = t.inwoner AND e.uitkomst = 'toegekend'
                         AND e.voorziening IN (SELECT id FROM voorziening WHERE wet = 'schuldhulp')
                         AND e.eind IS NOT NULL AND e.eind < t.start)",
            &begin,
            &eind,
        )?),
    );
    w.insert(
        "3.4C.2",
        aantal(tel_inwoners(
            conn,
            ctx,
            "SELECT DISTINCT t.inwoner FROM voorziening v JOIN toekenning t ON t.voorziening = v.id
         WHERE v.soort = 'maatwerk' AND v.wet = 'wmo' AND v.categorie = '15'
           AND t.uitkomst = 'toegekend' AND t.besluit <= ?2 AND (t.start IS NULL OR t.start > ?2)",
            &begin,
            &eind,
        )?),
    );
    w.insert("3.4C.1", aantal(jw_naar_bw(conn, ctx, &begin, &eind)?));

    // 3.9.1 and 3.9.2: vorderingen, the amount summed exactly in cents. A
    // team counts its residents' vorderingen (one on a provider belongs to
    // no team).
    let (vorderingen, cent): (i64, i64) = if per_team {
        let mut stmt = conn.prepare_cached(
            "SELECT inwoner, bedrag_cent FROM vordering
             WHERE datum BETWEEN ?1 AND ?2 AND inwoner IS NOT NULL",
        )?;
        let mut rijen = stmt.query(params![begin, eind])?;
        let (mut n, mut som) = (0i64, 0i64);
        while let Some(r) = rijen.next()? {
            if ctx.geteld(tekst(r, 0)?)?.is_some() {
                n += 1;
                som += r.get::<_, i64>(1)?;
            }
        }
        (n, som)
    } else {
        conn.query_row(
            "SELECT count(*), coalesce(sum(bedrag_cent), 0) FROM vordering WHERE datum BETWEEN ?1 AND ?2",
            params![begin, eind],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?
    };
    w.insert(
        "3.9.1",
        (
            Waarde::Getal(Decimaal::geheel(vorderingen)),
            Some(vorderingen),
        ),
    );
    w.insert(
        "3.9.2",
        (
            Waarde::Getal(Decimaal {
                geschaald: cent,
                decimalen: 2,
            }),
            Some(vorderingen),
        ),
    );

    // External values and targets.
    let waarden = indicatorwaarden::lees(conn, jaar, jaar)?;
    let mut uitkomsten = Vec::with_capacity(CATALOGUS.len() + ctx.eigen.len());
    for ind in CATALOGUS.iter().chain(ctx.eigen.iter().copied()) {
        // Targets and external values are the municipality's.
        let begroot = waarden
            .iter()
            .find(|v| v.indicator == ind.code && v.soort == crate::domain::WaardeSoort::Begroot)
            .filter(|_| !per_team)
            .cloned();
        let (waarde, teller) = if per_team && !ind.is_berekend() {
            (
                Waarde::Geen {
                    reden: GEEN_TEAMEXTERN.to_owned(),
                },
                None,
            )
        } else if ind.is_berekend() {
            w.remove(ind.code).unwrap_or((
                Waarde::Geen {
                    reden: "niet berekend".to_owned(),
                },
                None,
            ))
        } else {
            extern_waarde(ind, jaar, &waarden)
        };
        uitkomsten.push(Uitkomst {
            indicator: ind,
            waarde,
            teller,
            begroot,
        });
    }
    Ok(Jaarrapport {
        gemeente: ctx.gemeente.clone(),
        jaar,
        wijkteam: ctx.team.clone(),
        indicatoren: uitkomsten,
    })
}

fn extern_waarde(
    ind: &Indicator,
    jaar: i32,
    waarden: &[crate::domain::Indicatorwaarde],
) -> (Waarde, Option<i64>) {
    match waarden
        .iter()
        .find(|v| v.indicator == ind.code && v.soort == crate::domain::WaardeSoort::Realisatie)
    {
        Some(v) => {
            let teller = match (ind.eenheid, v.waarde) {
                (Eenheid::Aantal, Some(x)) if x.fract() == 0.0 => Some(x as i64),
                _ => None,
            };
            (
                Waarde::Extern {
                    waarde: v.waarde,
                    tekst: v.tekst.clone(),
                    bron: v.bron.clone(),
                },
                teller,
            )
        }
        None => (
            Waarde::Geen {
                reden: format!("geen waarde vastgelegd voor {jaar}"),
            },
            None,
        ),
    }
}

/// Why a rate has no value in a team's report.
const GEEN_TEAMBEVOLKING: &str =
    "de referentiebevolking is alleen voor de hele gemeente bekend, niet per wijkteam";
/// Why a count of the sociale kaart has no value in a team's report.
const GEEN_TEAMKAART: &str = "de sociale kaart geldt voor de hele gemeente, niet per wijkteam";
/// Why an external value has no value in a team's report.
const GEEN_TEAMEXTERN: &str =
    "een externe waarde wordt voor de hele gemeente vastgelegd, niet per wijkteam";

/// Counts the rows of `sql` (one resident id per row, parameters `?1`
/// begin and `?2` end) whose resident the report counts.
fn tel_inwoners(
    conn: &Connection,
    ctx: &Context,
    sql: &str,
    begin: &str,
    eind: &str,
) -> Result<usize, RapportFout> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rijen = stmt.query(params![begin, eind])?;
    let mut n = 0usize;
    while let Some(r) = rijen.next()? {
        if ctx.geteld(tekst(r, 0)?)?.is_some() {
            n += 1;
        }
    }
    Ok(n)
}

fn tel(conn: &Connection, sql: &str, begin: &str, eind: &str) -> Result<usize, RapportFout> {
    let n: i64 = conn
        .prepare_cached(sql)?
        .query_row(params![begin, eind], |r| r.get(0))?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// 3.4C.1: residents whose BW starts in Y, 18 or older on that start, with a
/// Jeugdwet maatwerk toekenning lopend on a day of the 365 days before it.
fn jw_naar_bw(
    conn: &Connection,
    ctx: &Context,
    begin: &str,
    eind: &str,
) -> Result<usize, RapportFout> {
    let mut stmt = conn.prepare_cached(
        "SELECT bw.inwoner, bw.start, i.geboortedatum
         FROM voorziening v JOIN toekenning bw ON bw.voorziening = v.id JOIN inwoner i ON i.id = bw.inwoner
         WHERE v.soort = 'maatwerk' AND v.wet = 'wmo' AND v.categorie = '15'
           AND bw.uitkomst = 'toegekend' AND bw.start BETWEEN ?1 AND ?2
           AND EXISTS (SELECT 1 FROM toekenning j JOIN voorziening jv ON jv.id = j.voorziening
                       WHERE j.inwoner = bw.inwoner AND jv.soort = 'maatwerk' AND jv.wet = 'jeugdwet'
                         AND j.uitkomst = 'toegekend' AND j.start IS NOT NULL
                         AND j.start <= date(bw.start, '-1 day')
                         AND (j.eind IS NULL OR j.eind >= date(bw.start, '-365 days')))",
    )?;
    let mut rijen = stmt.query(params![begin, eind])?;
    let mut inwoners = HashSet::new();
    while let Some(r) = rijen.next()? {
        let inwoner: String = r.get(0)?;
        let start = kolom::datum(r, 1)?;
        let geboren = kolom::datum(r, 2)?;
        if crate::domain::datum::leeftijd(geboren, start) >= 18 && ctx.geteld(&inwoner)?.is_some() {
            inwoners.insert(inwoner);
        }
    }
    Ok(inwoners.len())
}

fn laad_bevolking(conn: &Connection, jaar: i32) -> Result<Vec<Band>, RapportFout> {
    let mut stmt = conn.prepare_cached("SELECT leeftijd_van, leeftijd_tot, aantal FROM bevolking WHERE jaar = ?1 ORDER BY leeftijd_van")?;
    let banden = stmt
        .query_map(params![jaar], |r| {
            Ok(Band {
                van: r.get(0)?,
                tot: r.get(1)?,
                aantal: r.get(2)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(banden)
}
