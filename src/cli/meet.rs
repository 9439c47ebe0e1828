//! `meet [--json] [--runs R]`: how fast the register given with `--db` answers
//! its workers, measured through the same gateway calls the app makes
//! (issue #13), so a beheerder can check the speed on their own data.
//!
//! It works as the busiest worker of each role it finds (the intaker with
//! the most meldingen, the wijkcoach and procesmanager with the most
//! meldingen, steps and casusregie together, the teamleider of the largest
//! team) and times, each the median of several runs: the first screenful
//! of the whole list and of a search on one letter, two letters, a name
//! prefix (the most common ones among the residents' last names) and a BSN;
//! the werkvoorraad; the AVE overview; the year report. The benchmark
//! (`benches/prestaties.rs`) measures the same figures with the same code.

use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde_json::json;

use crate::domain::Rol;
use crate::gateway::{Gateway, Klok, Sessie};
use crate::store::inwoners::Zoekvraag;
use crate::store::medewerkers::MedewerkerRij;
use crate::store::toegang::PAGINA;
use crate::store::{self, StoreFout};

/// One measured figure: what, the median time, and the target if there is one.
#[derive(Debug, Clone, PartialEq)]
pub struct Figuur {
    /// What was measured ("intaker: zoeken één letter").
    pub naam: String,
    /// The median, in milliseconds.
    pub ms: f64,
    /// The target of issue #13, in milliseconds.
    pub doel_ms: Option<f64>,
    /// What exactly (who, which text, how many rows), for people.
    pub toelichting: String,
}

impl Figuur {
    /// Whether the target holds (`None`: no target).
    #[must_use]
    pub fn gehaald(&self) -> Option<bool> {
        self.doel_ms.map(|doel| self.ms < doel)
    }
}

/// The target of every search and list: the first screenful.
pub const DOEL_ZOEKEN_MS: f64 = 30.0;
/// The target of a werkvoorraad, a dossier and a household.
pub const DOEL_WERKVOORRAAD_MS: f64 = 30.0;
/// The target of the AVE overview.
pub const DOEL_AVE_MS: f64 = 100.0;
/// The target of the year report.
pub const DOEL_JAARRAPPORT_MS: f64 = 200.0;

/// The workers measured as: the busiest of each role found.
#[derive(Debug, Clone, Default)]
pub struct Werkers {
    /// The intaker with the most meldingen.
    pub intaker: Option<MedewerkerRij>,
    /// The wijkcoach with the most meldingen, steps and casusregie.
    pub wijkcoach: Option<MedewerkerRij>,
    /// The procesmanager with the most meldingen, steps and casusregie.
    pub procesmanager: Option<MedewerkerRij>,
    /// The teamleider of the team with the most residents.
    pub teamleider: Option<MedewerkerRij>,
}

impl Werkers {
    /// Finds the busiest worker of each role (three passes over indexes and
    /// one over the AVE events; once, before anything is timed).
    pub fn zoek(conn: &Connection) -> Result<Werkers, StoreFout> {
        let mut last: HashMap<String, i64> = HashMap::new();
        for sql in [
            "SELECT medewerker, count(*) FROM melding WHERE medewerker IS NOT NULL GROUP BY medewerker",
            "SELECT medewerker, count(*) FROM klantreis_stap GROUP BY medewerker",
            "SELECT casusregisseur, count(*) FROM ave WHERE casusregisseur IS NOT NULL GROUP BY casusregisseur",
        ] {
            let mut stmt = conn.prepare(sql)?;
            let rijen =
                stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
            for rij in rijen {
                let (id, n) = rij?;
                *last.entry(id).or_default() += n;
            }
        }
        let mut teams: HashMap<String, i64> = HashMap::new();
        {
            let mut stmt = conn.prepare(
                "SELECT wijkteam, count(*) FROM inwoner WHERE wijkteam IS NOT NULL GROUP BY wijkteam",
            )?;
            let rijen =
                stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
            for rij in rijen {
                let (team, n) = rij?;
                teams.insert(team, n);
            }
        }
        let medewerkers = store::medewerkers::alle(conn)?;
        let drukste = |rol: Rol, gewicht: &dyn Fn(&MedewerkerRij) -> i64| {
            medewerkers
                .iter()
                .filter(|m| m.rol == rol)
                // The highest weight; of equals the lowest id.
                .max_by(|a, b| gewicht(a).cmp(&gewicht(b)).then_with(|| b.id.cmp(&a.id)))
                .cloned()
        };
        let werk = |m: &MedewerkerRij| last.get(&m.id).copied().unwrap_or(0);
        let team = |m: &MedewerkerRij| {
            m.wijkteam
                .as_ref()
                .and_then(|t| teams.get(t))
                .copied()
                .unwrap_or(0)
        };
        Ok(Werkers {
            intaker: drukste(Rol::Intaker, &werk),
            wijkcoach: drukste(Rol::Wijkcoach, &werk),
            procesmanager: drukste(Rol::Procesmanager, &werk),
            teamleider: drukste(Rol::Teamleider, &team),
        })
    }
}

/// The search texts: the most common first letter, first two letters and
/// first three letters of the residents' last names, lower case.
fn zoekteksten(conn: &Connection) -> Result<(String, String, String), StoreFout> {
    let mut tellers: [HashMap<String, u32>; 3] = Default::default();
    let mut stmt = conn.prepare("SELECT achternaam FROM inwoner")?;
    let mut rijen = stmt.query([])?;
    while let Some(r) = rijen.next()? {
        let naam = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
        let naam = naam.to_lowercase();
        for (n, teller) in tellers.iter_mut().enumerate() {
            let prefix: String = naam.chars().take(n + 1).collect();
            if prefix.chars().count() == n + 1 && !prefix.contains(' ') {
                *teller.entry(prefix).or_default() += 1;
            }
        }
    }
    let meest = |t: &HashMap<String, u32>, anders: &str| {
        t.iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map_or_else(|| anders.to_owned(), |(p, _)| p.clone())
    };
    Ok((
        meest(&tellers[0], "v"),
        meest(&tellers[1], "de"),
        meest(&tellers[2], "dij"),
    ))
}

/// Median of `runs` timings of `f`, in milliseconds; the last outcome.
fn mediaan<T, E: Into<anyhow::Error>>(
    runs: usize,
    mut f: impl FnMut() -> Result<T, E>,
) -> anyhow::Result<(f64, T)> {
    let mut tijden = Vec::new();
    let mut laatste = None;
    for _ in 0..runs.max(1) {
        let begin = Instant::now();
        let uitkomst = f().map_err(Into::into)?;
        tijden.push(begin.elapsed().as_secs_f64() * 1000.0);
        laatste = Some(uitkomst);
    }
    tijden.sort_by(f64::total_cmp);
    let ms = tijden[tijden.len() / 2];
    laatste
        .map(|u| (ms, u))
        .ok_or_else(|| anyhow::anyhow!("niets gemeten"))
}

/// Measures every figure on the register behind `gw`, as the workers of
/// [`Werkers::zoek`], on `vandaag`, each the median of `runs` runs. `conn`,
/// a second connection to the same register, only finds the workers and
/// the search texts (before anything is timed); every figure is timed
/// through `gw`, as the app asks it.
pub fn meet(
    conn: &Connection,
    gw: &Gateway,
    klok: &Klok,
    vandaag: NaiveDate,
    runs: usize,
) -> anyhow::Result<Vec<Figuur>> {
    let (werkers, (een, twee, drie), bsn_reserve) = {
        let bsn: Option<String> = conn
            .query_row(
                "SELECT bsn FROM inwoner WHERE bsn IS NOT NULL ORDER BY bsn LIMIT 1",
                [],
                |r| r.get(0),
            )
            .ok();
        (Werkers::zoek(conn)?, zoekteksten(conn)?, bsn)
    };
    let mut uit = Vec::new();
    let rollen = [
        ("intaker", werkers.intaker.as_ref()),
        ("wijkcoach", werkers.wijkcoach.as_ref()),
        ("procesmanager", werkers.procesmanager.as_ref()),
        ("teamleider", werkers.teamleider.as_ref()),
    ];
    for (rol, wie) in rollen {
        let Some(wie) = wie else {
            continue;
        };
        let sessie = Sessie::zonder_inloggen(wie.clone());
        let loket = gw.voor(Some(&sessie), vandaag, klok);
        let wie_tekst = format!("{} ({})", wie.naam, wie.id);
        // The whole list's first screenful, then the searches.
        let (ms, eerste) = mediaan(runs, || {
            loket.zoek_inwoners_pagina(&Zoekvraag::default(), None, PAGINA)
        })?;
        uit.push(Figuur {
            naam: format!("{rol}: hele lijst, eerste scherm"),
            ms,
            doel_ms: Some(DOEL_ZOEKEN_MS),
            toelichting: format!("{wie_tekst}, {} rijen", eerste.len()),
        });
        let bsn = eerste
            .iter()
            .find_map(|r| r.bsn.clone())
            .or_else(|| bsn_reserve.clone())
            .unwrap_or_else(|| "000000000".to_owned());
        for (wat, tekst) in [
            ("zoeken één letter", &een),
            ("zoeken twee letters", &twee),
            ("zoeken naamprefix", &drie),
            ("zoeken BSN", &bsn),
        ] {
            let vraag = Zoekvraag {
                tekst: tekst.clone(),
                wijkteam: None,
            };
            let (ms, rijen) = mediaan(runs, || loket.zoek_inwoners_pagina(&vraag, None, PAGINA))?;
            uit.push(Figuur {
                naam: format!("{rol}: {wat}"),
                ms,
                doel_ms: Some(DOEL_ZOEKEN_MS),
                toelichting: format!("{wie_tekst}, '{tekst}', {} rijen", rijen.len()),
            });
        }
        if wie.rol == Rol::Teamleider {
            if let Some(team) = &wie.wijkteam {
                let (ms, wv) = mediaan(runs, || loket.werkvoorraad_team(team))?;
                uit.push(Figuur {
                    naam: format!("{rol}: werkvoorraad team"),
                    ms,
                    doel_ms: Some(DOEL_WERKVOORRAAD_MS),
                    toelichting: format!("{team}, {} open meldingen", wv.totaal.open_meldingen),
                });
            }
        } else {
            let (ms, wv) = mediaan(runs, || loket.werkvoorraad(&wie.id))?;
            uit.push(Figuur {
                naam: format!("{rol}: werkvoorraad"),
                ms,
                doel_ms: Some(DOEL_WERKVOORRAAD_MS),
                toelichting: format!(
                    "{wie_tekst}, {} open meldingen",
                    wv.totalen().open_meldingen
                ),
            });
        }
        if matches!(wie.rol, Rol::Teamleider | Rol::Procesmanager) {
            let (ms, o) = mediaan(runs, || loket.ave_team_overzicht())?;
            uit.push(Figuur {
                naam: format!("{rol}: AVE-overzicht"),
                ms,
                doel_ms: Some(DOEL_AVE_MS),
                toelichting: format!("{wie_tekst}, {} in procesregie", o.procesregie.len()),
            });
        }
        if wie.rol == Rol::Teamleider {
            let jaar = vandaag.year() - 1;
            let (ms, _) = mediaan(runs, || loket.bereken_rapport(jaar, jaar, &mut |_, _| {}))?;
            uit.push(Figuur {
                naam: format!("{rol}: jaarrapport"),
                ms,
                doel_ms: Some(DOEL_JAARRAPPORT_MS),
                toelichting: format!("{wie_tekst}, {jaar}"),
            });
        }
    }
    Ok(uit)
}

/// The figures as JSON: `{"figures": [{"name", "ms", "target_ms"}, …]}`.
#[must_use]
pub fn als_json(figuren: &[Figuur]) -> serde_json::Value {
    json!({
        "figures": figuren
            .iter()
            .map(|f| json!({ "name": f.naam, "ms": f.ms, "target_ms": f.doel_ms }))
            .collect::<Vec<_>>()
    })
}

/// `wijkregister --db FILE meet [--json] [--runs R]`.
pub fn meet_register(db: &Path, json: bool, runs: usize) -> anyhow::Result<ExitCode> {
    let gw = Gateway::new(store::open_bestaand(db)?, Some(db.to_path_buf()));
    let conn = store::open_bestaand(db)?;
    let klok = Klok::systeem();
    let figuren = meet(&conn, &gw, &klok, klok.vandaag(), runs)?;
    if figuren.is_empty() {
        anyhow::bail!(
            "in {} staat geen intaker, wijkcoach, procesmanager of teamleider om als te meten",
            db.display()
        );
    }
    if json {
        crate::cli::uit(&als_json(&figuren).to_string())?;
    } else {
        for f in &figuren {
            let doel = f
                .doel_ms
                .map_or_else(String::new, |d| format!("< {d:.0} ms"));
            let oordeel = match f.gehaald() {
                Some(true) => "gehaald",
                Some(false) => "NIET GEHAALD",
                None => "",
            };
            crate::cli::uit(&format!(
                "{:<44} {:>9.1} ms  {doel:<10} {oordeel:<12} {}",
                f.naam, f.ms, f.toelichting
            ))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
