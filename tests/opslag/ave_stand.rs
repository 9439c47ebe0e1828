//! The kept AVE level per household (`ave_stand`, schema v12, issue #13):
//! after every kind of write — events recorded, changed, moved and deleted
//! (ties on one day and future dates included), residents moved, given
//! another wijkteam, added and removed, a whole register imported, dossiers
//! destroyed — it equals the level computed from scratch from `ave` and
//! `inwoner`, and the team overview read from it equals the overview
//! computed the old way, from every event and every resident.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rusqlite::{Connection, params};
use wijkregister::demo::{self, DemoInstellingen};
use wijkregister::store::{self, ave, bewaartermijn, export, import, werkvoorraad};

use crate::steun::d;

/// One household's kept row: huishouden, datum, niveau, procesregisseur,
/// casusregisseur, wijkteam.
type StandRij = (
    String,
    String,
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn demo_register(inwoners: u32) -> Connection {
    let mut conn = store::open_in_memory().expect("open");
    demo::vul_register(
        &mut conn,
        &DemoInstellingen {
            inwoners,
            jaren: 3,
            eind_jaar: 2026,
            seed: 7,
            // Nothing after it: an import refuses births after today.
            peildatum: Some(d(2026, 6, 30)),
        },
    )
    .expect("demo");
    conn
}

/// The wijkteam of every household computed in Rust from the residents:
/// the team most members belong to, a tie to the lowest id.
fn teams(conn: &Connection) -> HashMap<String, String> {
    let mut tellers: HashMap<String, BTreeMap<String, u32>> = HashMap::new();
    let mut stmt = conn
        .prepare("SELECT huishouden, wijkteam FROM inwoner WHERE wijkteam IS NOT NULL")
        .unwrap();
    let mut rijen = stmt.query([]).unwrap();
    while let Some(r) = rijen.next().unwrap() {
        *tellers
            .entry(r.get(0).unwrap())
            .or_default()
            .entry(r.get(1).unwrap())
            .or_default() += 1;
    }
    tellers
        .into_iter()
        .map(|(h, per_team)| {
            let meeste = per_team.values().copied().max().unwrap_or(0);
            // BTreeMap: the first team with the most members has the lowest id.
            let team = per_team
                .into_iter()
                .find(|(_, n)| *n == meeste)
                .map(|(t, _)| t)
                .unwrap();
            (h, team)
        })
        .collect()
}

/// Every event as (huishouden, datum, rowid, niveau, procesregisseur, casusregisseur).
type Gebeurtenis = (String, String, i64, i64, Option<String>, Option<String>);

fn gebeurtenissen(conn: &Connection) -> Vec<Gebeurtenis> {
    let mut stmt = conn
        .prepare(
            "SELECT huishouden, datum, rowid, niveau, procesregisseur, casusregisseur FROM ave",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
        ))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// The latest event per household on or before `tot` (ISO; `None`: any
/// date), by date and then rowid, computed in Rust.
fn laatste(conn: &Connection, tot: Option<&str>) -> BTreeMap<String, Gebeurtenis> {
    let mut uit: BTreeMap<String, Gebeurtenis> = BTreeMap::new();
    for g in gebeurtenissen(conn) {
        if tot.is_some_and(|t| g.1.as_str() > t) {
            continue;
        }
        match uit.get(&g.0) {
            Some(b) if (b.1.as_str(), b.2) >= (g.1.as_str(), g.2) => {}
            _ => {
                uit.insert(g.0.clone(), g);
            }
        }
    }
    uit
}

/// The kept rows as they should be, computed from scratch.
fn berekend(conn: &Connection) -> Vec<StandRij> {
    let teams = teams(conn);
    laatste(conn, None)
        .into_values()
        .map(|(h, datum, _, niveau, proces, casus)| {
            let team = teams.get(&h).cloned();
            (h, datum, niveau, proces, casus, team)
        })
        .collect()
}

fn bijgehouden(conn: &Connection) -> Vec<StandRij> {
    let mut stmt = conn
        .prepare(
            "SELECT huishouden, datum, niveau, procesregisseur, casusregisseur, wijkteam
             FROM ave_stand ORDER BY huishouden",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
        ))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

fn controleer(conn: &Connection, wat: &str) {
    let verwacht = berekend(conn);
    let kept = bijgehouden(conn);
    assert_eq!(kept.len(), verwacht.len(), "aantal huishoudens na {wat}");
    for (k, v) in kept.iter().zip(&verwacht) {
        assert_eq!(k, v, "stand na {wat}");
    }
}

/// Households per level per wijkteam, and the procesregie list.
type Overzicht = (
    BTreeMap<Option<String>, [u32; 5]>,
    Vec<(String, u8, Option<String>)>,
);

/// The overview's counts and procesregie list the old way: the level now of
/// every household from every event, its team from every resident.
fn referentie(conn: &Connection, vandaag: NaiveDate) -> Overzicht {
    let teams = teams(conn);
    let nu = laatste(conn, Some(&vandaag.format("%Y-%m-%d").to_string()));
    let mut per: BTreeMap<Option<String>, [u32; 5]> = BTreeMap::new();
    let mut regie: Vec<&Gebeurtenis> = Vec::new();
    for g in nu.values() {
        let n = usize::try_from(g.3).unwrap();
        per.entry(teams.get(&g.0).cloned()).or_insert([0; 5])[n] += 1;
        if g.3 >= 3 {
            regie.push(g);
        }
    }
    regie.sort_by(|a, b| b.3.cmp(&a.3).then(a.1.cmp(&b.1)).then(a.0.cmp(&b.0)));
    let regie = regie
        .into_iter()
        .map(|g| {
            (
                g.0.clone(),
                u8::try_from(g.3).unwrap(),
                teams.get(&g.0).cloned(),
            )
        })
        .collect();
    (per, regie)
}

fn vergelijk_overzicht(conn: &Connection, vandaag: NaiveDate, wat: &str) {
    let (per, regie) = referentie(conn, vandaag);
    let gelezen: BTreeMap<Option<String>, [u32; 5]> = ave::per_wijkteam(conn, vandaag)
        .expect("per wijkteam")
        .into_iter()
        .map(|w| (w.wijkteam, w.aantallen))
        .collect();
    assert_eq!(gelezen, per, "aantallen per wijkteam op {vandaag} na {wat}");
    let gelezen: Vec<(String, u8, Option<String>)> = ave::procesregie(conn, vandaag)
        .expect("procesregie")
        .into_iter()
        .map(|r| (r.huishouden, r.niveau, r.wijkteam))
        .collect();
    assert_eq!(gelezen, regie, "procesregie op {vandaag} na {wat}");
    // The whole overview answers from the same rows.
    let o = ave::team_overzicht(conn, vandaag).expect("overzicht");
    assert_eq!(
        o.per_wijkteam,
        ave::per_wijkteam(conn, vandaag).expect("per wijkteam")
    );
}

/// The households under a worker's casus- or procesregie the old way (before
/// `ave_stand`): every household with a member in the worker's wijkteam (in
/// any wijkteam for a worker without one), its level now from `ave`, as
/// (huishouden, niveau, sinds, casusregie), by sinds and huishouden.
fn regie_oud(
    conn: &Connection,
    medewerker: &str,
    vandaag: NaiveDate,
) -> Vec<(String, i64, String, bool)> {
    let (naam, team): (String, Option<String>) = conn
        .query_row(
            "SELECT naam, wijkteam FROM medewerker WHERE id = ?1",
            [medewerker],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let teams = match team {
        Some(t) => vec![t],
        None => lijst(conn, "SELECT id FROM wijkteam ORDER BY id"),
    };
    let mut stmt = conn
        .prepare(
            "SELECT s.huishouden, s.niveau, s.datum, s.casusregisseur IS ?1
             FROM (SELECT DISTINCT i.huishouden FROM inwoner i WHERE i.wijkteam = ?3) h
             JOIN ave s ON s.rowid = (SELECT b.rowid FROM ave b
                                      WHERE b.huishouden = h.huishouden AND b.datum <= ?4
                                      ORDER BY b.datum DESC, b.rowid DESC LIMIT 1)
             WHERE s.casusregisseur IS ?1 OR s.procesregisseur IS ?2",
        )
        .unwrap();
    let mut uit: Vec<(String, i64, String, bool)> = Vec::new();
    for t in &teams {
        let rijen = stmt
            .query_map(
                params![medewerker, naam, t, vandaag.format("%Y-%m-%d").to_string()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        for r in rijen {
            let r: (String, i64, String, bool) = r.unwrap();
            if !uit.iter().any(|x| x.0 == r.0) {
                uit.push(r);
            }
        }
    }
    uit.sort_by(|a, b| a.2.cmp(&b.2).then_with(|| a.0.cmp(&b.0)));
    uit
}

fn vergelijk_regie(conn: &Connection, vandaag: NaiveDate, wat: &str) {
    let mut gezien = 0;
    for mw in lijst(conn, "SELECT id FROM medewerker ORDER BY id") {
        let verwacht = regie_oud(conn, &mw, vandaag);
        let gelezen: Vec<(String, i64, String, bool)> =
            werkvoorraad::werkvoorraad(conn, &mw, vandaag)
                .expect("werkvoorraad")
                .regie
                .into_iter()
                .map(|r| {
                    (
                        r.huishouden,
                        i64::from(r.niveau),
                        r.sinds.format("%Y-%m-%d").to_string(),
                        r.casusregie,
                    )
                })
                .collect();
        gezien += verwacht.len();
        assert_eq!(gelezen, verwacht, "regie van {mw} op {vandaag} na {wat}");
    }
    assert!(gezien > 0, "regie in de proef op {vandaag} na {wat}");
}

/// A small deterministic generator (no dependency needed for a test).
struct Lcg(u64);

impl Lcg {
    fn volgende(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from((self.0 >> 33) % n as u64).unwrap()
    }
}

fn lijst(conn: &Connection, sql: &str) -> Vec<String> {
    conn.prepare(sql)
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn bijgehouden_stand_is_de_berekende_na_elke_soort_wijziging() {
    let conn = demo_register(300);
    controleer(&conn, "de demo");
    let vroeg = d(2025, 3, 1);
    let laat = d(2026, 6, 30);
    vergelijk_overzicht(&conn, laat, "de demo");
    vergelijk_overzicht(&conn, vroeg, "de demo");

    let medewerkers = lijst(&conn, "SELECT id FROM medewerker ORDER BY id");
    let wijkteams = lijst(&conn, "SELECT id FROM wijkteam ORDER BY id");
    // Few dates, so that two events of a household often fall on one day;
    // some after both "todays".
    let data = [
        "2024-05-01",
        "2025-01-15",
        "2025-03-01",
        "2026-02-02",
        "2026-06-30",
        "2026-09-09",
        "2027-01-01",
    ];
    let mut rng = Lcg(13);
    let mut nieuwe_inwoners: Vec<String> = Vec::new();
    for stap in 0..400 {
        let huishoudens = lijst(&conn, "SELECT DISTINCT huishouden FROM inwoner ORDER BY 1");
        let inwoners = lijst(&conn, "SELECT id FROM inwoner ORDER BY id");
        let events = lijst(&conn, "SELECT id FROM ave ORDER BY rowid");
        let wat = match rng.volgende(9) {
            0 | 1 => {
                let h = &huishoudens[rng.volgende(huishoudens.len())];
                let niveau = rng.volgende(5);
                let casus = (rng.volgende(3) > 0)
                    .then(|| medewerkers[rng.volgende(medewerkers.len())].clone());
                let proces = (niveau >= 3 || rng.volgende(2) == 0).then(|| "Spoedteam".to_owned());
                conn.execute(
                    "INSERT INTO ave (id, huishouden, datum, niveau, reden, casusregisseur, procesregisseur)
                     VALUES (?1, ?2, ?3, ?4, 'test', ?5, ?6)",
                    params![
                        format!("T-{stap}"),
                        h,
                        data[rng.volgende(data.len())],
                        niveau as i64,
                        casus,
                        proces
                    ],
                )
                .unwrap();
                "een nieuwe gebeurtenis"
            }
            2 if !events.is_empty() => {
                let e = &events[rng.volgende(events.len())];
                conn.execute("DELETE FROM ave WHERE id = ?1", [e]).unwrap();
                "een verwijderde gebeurtenis"
            }
            3 if !events.is_empty() => {
                let e = &events[rng.volgende(events.len())];
                conn.execute(
                    "UPDATE ave SET datum = ?2 WHERE id = ?1",
                    params![e, data[rng.volgende(data.len())]],
                )
                .unwrap();
                "een andere datum"
            }
            4 if !events.is_empty() => {
                let e = &events[rng.volgende(events.len())];
                let h = &huishoudens[rng.volgende(huishoudens.len())];
                conn.execute(
                    "UPDATE ave SET huishouden = ?2 WHERE id = ?1",
                    params![e, h],
                )
                .unwrap();
                "een gebeurtenis bij een ander huishouden"
            }
            5 => {
                let i = &inwoners[rng.volgende(inwoners.len())];
                let h = if rng.volgende(4) == 0 {
                    format!("HH-T-{stap}")
                } else {
                    huishoudens[rng.volgende(huishoudens.len())].clone()
                };
                conn.execute(
                    "UPDATE inwoner SET huishouden = ?2 WHERE id = ?1",
                    params![i, h],
                )
                .unwrap();
                "een verhuizing"
            }
            6 => {
                let i = &inwoners[rng.volgende(inwoners.len())];
                let team =
                    (rng.volgende(4) > 0).then(|| wijkteams[rng.volgende(wijkteams.len())].clone());
                conn.execute(
                    "UPDATE inwoner SET wijkteam = ?2 WHERE id = ?1",
                    params![i, team],
                )
                .unwrap();
                "een ander wijkteam"
            }
            7 => {
                let id = format!("I-T-{stap}");
                let team =
                    (rng.volgende(4) > 0).then(|| wijkteams[rng.volgende(wijkteams.len())].clone());
                conn.execute(
                    "INSERT INTO inwoner (id, voornaam, achternaam, geboortedatum, huishouden, wijkteam, woonplaats)
                     VALUES (?1, 'Test', 'Proef', '1980-01-01', ?2, ?3, 'Almelo')",
                    params![id, huishoudens[rng.volgende(huishoudens.len())], team],
                )
                .unwrap();
                nieuwe_inwoners.push(id);
                "een nieuwe inwoner"
            }
            _ if !nieuwe_inwoners.is_empty() => {
                let id = nieuwe_inwoners.swap_remove(rng.volgende(nieuwe_inwoners.len()));
                conn.execute("DELETE FROM inwoner WHERE id = ?1", [&id])
                    .unwrap();
                "een verwijderde inwoner"
            }
            _ => continue,
        };
        controleer(&conn, &format!("stap {stap}: {wat}"));
        if stap % 40 == 0 {
            vergelijk_overzicht(&conn, laat, &format!("stap {stap}: {wat}"));
            vergelijk_overzicht(&conn, vroeg, &format!("stap {stap}: {wat}"));
            vergelijk_regie(&conn, laat, &format!("stap {stap}: {wat}"));
            vergelijk_regie(&conn, vroeg, &format!("stap {stap}: {wat}"));
        }
    }
    vergelijk_overzicht(&conn, laat, "alle stappen");
    vergelijk_overzicht(&conn, vroeg, "alle stappen");
}

#[test]
fn bijgehouden_stand_klopt_na_import_en_vernietigen() {
    let bron = demo_register(250);
    let mut bestand = Vec::new();
    export::exporteer(&bron, &mut bestand).expect("export");
    let mut conn = store::open_in_memory().expect("open");
    import::importeer(&mut conn, bestand.as_slice(), &mut |_| {}).expect("import");
    controleer(&conn, "de import");
    assert!(
        !bijgehouden(&conn).is_empty(),
        "de demo heeft AVE-gebeurtenissen"
    );
    assert_eq!(
        bijgehouden(&conn),
        bijgehouden(&bron),
        "zelfde stand als de bron"
    );
    vergelijk_overzicht(&conn, d(2026, 6, 30), "de import");

    // Far in the future every dossier is due: destroying them removes the
    // households' events and residents, one by one.
    let beheerder: String = conn
        .query_row(
            "SELECT id FROM medewerker WHERE rol = 'beheerder' ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("beheerder");
    let (vernietigd, _) =
        bewaartermijn::vernietig_alle(&mut conn, d(2100, 1, 1), &beheerder, "2100-01-01T09:00:00Z")
            .expect("vernietigen");
    assert!(!vernietigd.is_empty());
    controleer(&conn, "vernietigen");
    vergelijk_overzicht(&conn, d(2026, 6, 30), "vernietigen");
}
