//! The changed rules of `indicators.md`: 3.2.2 over the resident's Pw spell,
//! the Twenterand youth rows as Twenterand writes them, and every count per
//! wijkteam (the four teams add up to the municipality).

#![allow(clippy::expect_used, clippy::panic, reason = "tests may panic")]

use std::collections::BTreeMap;

use crate::steun::rapport::*;
use rusqlite::Connection;
use serde_json::{Value, json};
use wijkregister::demo::{self, DemoInstellingen};
use wijkregister::domain::catalogus::Eenheid;
use wijkregister::domain::{Inwoner, Record, Wijkteam};
use wijkregister::report::{self, Jaarrapport, Waarde};
use wijkregister::store;

/// Back-to-back half-year decisions from `van` (each ends the day before
/// the next starts) until `tot`, for resident `inwoner`.
fn halfjaarlijks(inwoner: &str, van: i32, tot: i32) -> Vec<Record> {
    (van..=tot)
        .flat_map(|j| {
            [
                (format!("{j}-01-01"), format!("{j}-06-30"), "a"),
                (format!("{j}-07-01"), format!("{j}-12-31"), "b"),
            ]
        })
        .map(|(start, eind, deel)| {
            let id = format!("T-{inwoner}-{}-{deel}", &start[..4]);
            Record::Toekenning(tk(&id, inwoner, "V-PW", Some(&start), Some(&eind)))
        })
        .collect()
}

#[test]
fn pw_spell_aansluitende_besluiten_zijn_een_spell() {
    let mut c = register();
    let mut recs = vec![maatwerk("V-PW", "participatiewet", None, &["pw-uitkering"])];
    for id in ["P1", "P2", "P3", "P4", "P5"] {
        recs.push(inwoner(id, "1980-01-01", "Almelo"));
    }
    // P1: on benefit since 2015, decided again every half year: one spell
    // reaching back past the three-year line, so long-term.
    recs.extend(halfjaarlijks("P1", 2015, 2024));
    // P2: the same decisions, but a one-day gap (1 July 2023 not covered):
    // the spell in 2024 starts on 2 July 2023, so shorter than three years.
    recs.push(Record::Toekenning(tk(
        "T-P2-a",
        "P2",
        "V-PW",
        Some("2016-01-01"),
        Some("2023-06-30"),
    )));
    recs.push(Record::Toekenning(tk(
        "T-P2-b",
        "P2",
        "V-PW",
        Some("2023-07-02"),
        None,
    )));
    // P3: back to back exactly at the line: 1 January 2022 is after
    // 31 December 2021, the spell started 2021-12-31 is not.
    recs.push(Record::Toekenning(tk(
        "T-P3-a",
        "P3",
        "V-PW",
        Some("2021-12-31"),
        Some("2021-12-31"),
    )));
    recs.push(Record::Toekenning(tk(
        "T-P3-b",
        "P3",
        "V-PW",
        Some("2022-01-01"),
        None,
    )));
    // P4: benefit ended in March 2024; the spell on its last day (31 March)
    // started in 2023: counts as shorter.
    recs.push(Record::Toekenning(tk(
        "T-P4",
        "P4",
        "V-PW",
        Some("2023-04-01"),
        Some("2024-03-31"),
    )));
    // P5: an old spell (2010–2019) and a new one from 2024 after a gap: the
    // new one counts, the old one is not joined.
    recs.push(Record::Toekenning(tk(
        "T-P5-a",
        "P5",
        "V-PW",
        Some("2010-01-01"),
        Some("2019-12-31"),
    )));
    recs.push(Record::Toekenning(tk(
        "T-P5-b",
        "P5",
        "V-PW",
        Some("2024-05-01"),
        None,
    )));
    voeg(&mut c, recs);
    assert_eq!(waarde(&c, 2024, "3.2.1"), json!(5));
    assert_eq!(
        waarde(&c, 2024, "3.2.2"),
        json!(3),
        "P2 (gat van één dag), P4 en P5 zijn korter dan drie jaar in de bijstand; P1 en P3 niet"
    );
    // In 2017 P1 and P2 were in their first three years (since 2015, 2016).
    assert_eq!(waarde(&c, 2017, "3.2.1"), json!(3));
    assert_eq!(waarde(&c, 2017, "3.2.2"), json!(2));
}

#[test]
fn twenterand_jeugdrijen_zoals_twenterand_ze_schrijft() {
    let mut c = register();
    let mut recs = vec![
        maatwerk("V-VERBLIJF", "jeugdwet", Some("43"), &[]),
        maatwerk("V-OTS", "jeugdwet", Some("48"), &[]),
        maatwerk("V-JR", "jeugdwet", Some("47"), &[]),
        maatwerk("V-AMB", "jeugdwet", Some("45"), &[]),
    ];
    for (id, vz) in [
        ("J1", "V-VERBLIJF"),
        ("J2", "V-OTS"),
        ("J3", "V-JR"),
        ("J4", "V-AMB"),
    ] {
        recs.push(inwoner(id, "2010-01-01", "Almelo"));
        recs.push(Record::Toekenning(tk(
            &format!("T-{id}"),
            id,
            vz,
            Some("2024-02-01"),
            None,
        )));
    }
    voeg(&mut c, recs);
    let r = rapport(&c, 2024);
    assert_eq!(entry(&r, "tw-jeugd")["waarde"], json!(4));
    assert_eq!(entry(&r, "tw-jeugd-verblijf")["waarde"], json!(1));
    // Maatregel: jeugdbescherming (48) only; jeugdreclassering (47) is
    // neither a maatregel nor ambulant here.
    assert_eq!(entry(&r, "tw-jeugd-maatregel")["waarde"], json!(1));
    assert_eq!(entry(&r, "tw-jeugd-ambulant")["waarde"], json!(1));
    assert_eq!(
        entry(&r, "tw-jeugd-maatregel")["naam"],
        json!(
            "Totaal aantal unieke jeugdigen met een maatregel (ondertoezichtstelling of uithuisplaatsing)"
        )
    );
    assert_eq!(
        entry(&r, "tw-jeugd-verblijf")["naam"],
        json!("Totaal aantal unieke jeugdigen met verblijf")
    );
    assert_eq!(
        entry(&r, "tw-jeugd-ambulant")["naam"],
        json!("Totaal aantal unieke jeugdigen met ambulante zorg")
    );
}

fn demo_register() -> Connection {
    let mut conn = store::open_in_memory().expect("register");
    demo::vul_register(
        &mut conn,
        &DemoInstellingen {
            inwoners: 4_000,
            jaren: 10,
            eind_jaar: 2025,
            seed: 11,
            peildatum: None,
        },
    )
    .expect("demo");
    conn
}

fn getal(w: &Waarde) -> Option<i64> {
    match w {
        Waarde::Getal(d) => Some(d.geschaald),
        _ => None,
    }
}

#[test]
fn op_het_demoregister_is_3_2_2_elk_jaar_kleiner_dan_3_2_1() {
    let conn = demo_register();
    for jaar in 2019..=2025 {
        let r = report::bereken_jaar(&conn, jaar).expect("rapport");
        let alle = getal(&r.uitkomst("3.2.1").expect("3.2.1").waarde).expect("getal");
        let kort = getal(&r.uitkomst("3.2.2").expect("3.2.2").waarde).expect("getal");
        assert!(alle > 0, "{jaar}: geen bijstand in het demoregister");
        assert!(kort < alle, "{jaar}: 3.2.2 = {kort}, 3.2.1 = {alle}");
    }
}

/// The value of every count by (code, breakdown keys).
type Tellingen = BTreeMap<(String, Vec<Option<String>>), i64>;

/// The value of every count of a report, and the codes that have no value.
fn tellingen(r: &Jaarrapport) -> (Tellingen, Vec<String>) {
    let mut uit = BTreeMap::new();
    let mut geen = Vec::new();
    for u in &r.indicatoren {
        let code = u.indicator.code.to_owned();
        match &u.waarde {
            // Counts and amounts add up; a mean or a rate does not.
            Waarde::Getal(d) if matches!(u.indicator.eenheid, Eenheid::Aantal | Eenheid::Euro) => {
                uit.insert((code, Vec::new()), d.geschaald);
            }
            Waarde::Uitsplitsing(rijen) => {
                for rij in rijen {
                    uit.insert((code.clone(), rij.sleutels.clone()), rij.waarde);
                }
            }
            _ => geen.push(code),
        }
    }
    (uit, geen)
}

#[test]
fn de_vier_wijkteams_tellen_op_tot_de_gemeente() {
    let conn = demo_register();
    let teams: Vec<String> = conn
        .prepare("SELECT id FROM wijkteam ORDER BY id")
        .expect("sql")
        .query_map([], |r| r.get(0))
        .expect("teams")
        .collect::<Result<_, _>>()
        .expect("teams");
    assert_eq!(teams.len(), 4);
    let zonder_team: i64 = conn
        .query_row(
            "SELECT count(*) FROM inwoner WHERE wijkteam IS NULL",
            [],
            |r| r.get(0),
        )
        .expect("tel");
    assert_eq!(zonder_team, 0, "elke demo-inwoner hoort bij een wijkteam");
    for jaar in [2021, 2025] {
        let gemeente = report::bereken_jaar(&conn, jaar).expect("gemeente");
        let (totaal, _) = tellingen(&gemeente);
        let mut som = Tellingen::new();
        for team in &teams {
            let r = report::bereken_jaar_voor(&conn, jaar, Some(team)).expect("team");
            assert_eq!(r.wijkteam.as_deref(), Some(team.as_str()));
            let (waarden, geen) = tellingen(&r);
            // Rates, the sociale kaart and external values: no value, with a reason.
            for code in ["bbv-jeugdhulp", "bbv-wmo", "3.10.1-jw", "3.10.2", "1.1.1"] {
                assert!(
                    geen.contains(&code.to_owned()),
                    "{team}: {code} heeft een waarde"
                );
                let u = r.uitkomst(code).expect("code");
                assert!(
                    matches!(&u.waarde, Waarde::Geen { reden } if reden.contains("wijkteam")),
                    "{team} {code}: {:?}",
                    u.waarde
                );
            }
            for (sleutel, w) in waarden {
                *som.entry(sleutel).or_default() += w;
            }
        }
        // Vorderingen on a provider belong to no team.
        let (zonder_inwoner, cent_zonder): (i64, i64) = conn
            .query_row(
                "SELECT count(*), coalesce(sum(bedrag_cent), 0) FROM vordering
                 WHERE inwoner IS NULL AND datum BETWEEN ?1 AND ?2",
                [format!("{jaar}-01-01"), format!("{jaar}-12-31")],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("vorderingen");
        let mut vergeleken = 0;
        for (sleutel, waarde) in &totaal {
            let (code, _) = sleutel;
            // 3.10.* is the sociale kaart (no team value).
            if code.starts_with("3.10") {
                continue;
            }
            let verwacht = match code.as_str() {
                "3.9.1" => waarde - zonder_inwoner,
                "3.9.2" => waarde - cent_zonder,
                _ => *waarde,
            };
            assert_eq!(
                som.get(sleutel).copied().unwrap_or(0),
                verwacht,
                "{jaar} {sleutel:?}: de teams tellen niet op tot de gemeente"
            );
            vergeleken += 1;
        }
        assert!(
            vergeleken > 40,
            "{jaar}: maar {vergeleken} tellingen vergeleken"
        );
        // Nothing counted for a team that the municipality does not count.
        for sleutel in som.keys() {
            assert!(
                totaal.contains_key(sleutel),
                "{jaar} {sleutel:?} alleen bij een team"
            );
        }
    }
}

#[test]
fn een_onbekend_wijkteam_wordt_geweigerd_en_de_json_noemt_het_team() {
    let mut c = register();
    voeg(
        &mut c,
        vec![
            Record::Wijkteam(Wijkteam {
                id: "WT-OOST".into(),
                naam: "Wijkteam Oost".into(),
            }),
            Record::Inwoner(Inwoner {
                wijkteam: Some("WT-OOST".into()),
                ..match inwoner("I1", "1980-01-01", "Almelo") {
                    Record::Inwoner(i) => i,
                    _ => unreachable!(),
                }
            }),
        ],
    );
    let fout = report::bereken_jaar_voor(&c, 2024, Some("WT-WEST")).expect_err("onbekend");
    assert!(fout.to_string().contains("WT-WEST"), "{fout}");
    let r = report::bereken_jaar_voor(&c, 2024, Some("WT-OOST")).expect("oost");
    let j: Value = report::json::rapport_json(&r);
    assert_eq!(j["wijkteam"], json!("WT-OOST"));
    assert!(
        report::json::rapport_json(&report::bereken_jaar(&c, 2024).expect("gemeente"))
            .get("wijkteam")
            .is_none()
    );
}
