//! Guards the query plans: every statement that resident search, opening a
//! dossier, the werkvoorraad and the yearly indicator report execute is
//! traced on a demo register, and `EXPLAIN QUERY PLAN` must not show a full
//! scan of a large table (inwoner, melding, toekenning, verwijzing, ave,
//! klantreis_stap) where an index should serve.
//!
//! A full scan is accepted only for the statements listed in
//! `TOEGESTAAN`, each with the reason why no index can serve it.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use rusqlite::Connection;
use rusqlite::trace::{TraceEvent, TraceEventCodes};
use wijkregister::demo::{self, DemoInstellingen};
use wijkregister::store::inwoners::Zoekvraag;
use wijkregister::store::toegang;
use wijkregister::store::{self, dossier, inwoners, werkvoorraad};

const GROTE_TABELLEN: &[&str] = &[
    "inwoner",
    "melding",
    "toekenning",
    "verwijzing",
    "ave",
    "klantreis_stap",
];

/// Statements that may scan a large table, with the reason.
const TOEGESTAAN: &[(&str, &str)] = &[
    (
        "FROM toekenning t INDEXED BY toekenning_melding_open",
        "the team werkvoorraad reads the partial index of open toekenningen whole: it holds only \
         the running, not ended decisions (about 9,000 of 256,000 on the large register), fewer \
         than the team's meldingen over ten years it would otherwise start from",
    ),
    (
        "SELECT rowid, id, geboortedatum, woonplaats, wijkteam FROM inwoner",
        "the report reads every resident once per computation (one sequential pass is cheaper \
     than tens of thousands of random lookups for the running toekenningen of a year; the \
     wijkteam marks whom a team's report counts)",
    ),
];

fn register() -> Connection {
    let mut conn = store::open_in_memory().expect("open");
    demo::vul_register(
        &mut conn,
        &DemoInstellingen {
            inwoners: 600,
            jaren: 3,
            eind_jaar: 2026,
            seed: 4,
            peildatum: None,
        },
    )
    .expect("demo");
    conn
}

/// Runs `f` with statement tracing on and returns every distinct SQL text it executed.
fn getraceerd(conn: &mut Connection, f: impl FnOnce(&Connection)) -> BTreeSet<String> {
    let gezien = Arc::new(Mutex::new(BTreeSet::new()));
    let kopie = Arc::clone(&gezien);
    conn.trace_v2(
        TraceEventCodes::SQLITE_TRACE_STMT,
        Some(move |e: TraceEvent<'_>| {
            if let TraceEvent::Stmt(stmt, _) = e {
                kopie.lock().expect("lock").insert(stmt.sql().to_string());
            }
        }),
    )
    .expect("trace");
    f(conn);
    conn.trace_v2(TraceEventCodes::empty(), None::<fn(TraceEvent<'_>)>)
        .expect("trace uit");
    gezien.lock().expect("lock").clone()
}

/// The aliases given to large tables in `sql` (`FROM toekenning t`,
/// `JOIN inwoner AS i`): the plan names a table by its alias.
fn aliassen_van(sql: &str) -> Vec<(String, &'static str)> {
    const GEEN_ALIAS: &[&str] = &[
        "ON", "WHERE", "JOIN", "LEFT", "INNER", "CROSS", "GROUP", "ORDER", "LIMIT", "USING",
        "UNION", "SET", "VALUES", "AND", "OR", "INDEXED", "NOT", "WINDOW", "HAVING",
    ];
    let woorden: Vec<&str> = sql
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut uit = Vec::new();
    for (i, w) in woorden.iter().enumerate() {
        let Some(tabel) = GROTE_TABELLEN.iter().find(|t| t.eq_ignore_ascii_case(w)) else {
            continue;
        };
        let mut volgende = woorden.get(i + 1).copied();
        if volgende.is_some_and(|v| v.eq_ignore_ascii_case("AS")) {
            volgende = woorden.get(i + 2).copied();
        }
        if let Some(alias) = volgende
            && !GEEN_ALIAS.iter().any(|k| k.eq_ignore_ascii_case(alias))
            && !GROTE_TABELLEN.contains(&alias)
        {
            uit.push((alias.to_owned(), *tabel));
        }
    }
    uit
}

/// The plan lines of one statement that scan a large table without an index.
fn volle_scans(conn: &Connection, sql: &str) -> Vec<String> {
    let aliassen = aliassen_van(sql);
    let mut stmt = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .expect("explain");
    let mut rijen = stmt.raw_query();
    let mut slecht = Vec::new();
    while let Some(r) = rijen.next().expect("rij") {
        let detail: String = r.get(3).expect("detail");
        let woorden: Vec<&str> = detail.split_whitespace().collect();
        // A SCAN reads the whole table or the whole of an index on it; only a
        // SEARCH seeks. (The werkvoorraad once ran "SCAN t USING INDEX
        // toekenning_eind" per worker: a full pass over every decision.)
        if woorden.first() == Some(&"SCAN")
            && woorden
                .get(1)
                .is_some_and(|t| GROTE_TABELLEN.contains(t) || aliassen.iter().any(|(a, _)| a == t))
        {
            slecht.push(detail);
        }
    }
    slecht
}

fn controleer(conn: &Connection, wat: &str, statements: &BTreeSet<String>) {
    assert!(!statements.is_empty(), "{wat}: no statements traced");
    let mut fouten = Vec::new();
    for sql in statements {
        if sql.trim_start().to_uppercase().starts_with("PRAGMA") {
            continue;
        }
        let scans = volle_scans(conn, sql);
        if !scans.is_empty() && !TOEGESTAAN.iter().any(|(s, _)| sql.contains(s)) {
            fouten.push(format!("{scans:?} in:\n{sql}"));
        }
    }
    assert!(
        fouten.is_empty(),
        "{wat} scans a large table without an index:\n{}",
        fouten.join("\n\n")
    );
}

fn vandaag() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("datum")
}

#[test]
fn zoeken_gebruikt_indexen() {
    let mut conn = register();
    let (achternaam, bsn, geboren): (String, String, String) = conn
        .query_row(
            "SELECT achternaam, bsn, geboortedatum FROM inwoner WHERE bsn IS NOT NULL LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("inwoner");
    let geboren_nl = wijkregister::domain::datum::parse_iso(&geboren)
        .map(wijkregister::domain::datum::nl)
        .expect("d");
    let prefix: String = achternaam.chars().take(3).collect();
    let sql = getraceerd(&mut conn, |c| {
        for tekst in [prefix.clone(), bsn.clone(), geboren_nl.clone()] {
            let treffers = inwoners::zoek(
                c,
                &Zoekvraag {
                    tekst,
                    wijkteam: None,
                },
            )
            .expect("zoek");
            assert!(!treffers.is_empty());
        }
        // "voornaam achternaam" runs a union of two index searches.
        inwoners::zoek(
            c,
            &Zoekvraag {
                tekst: format!("Jan {prefix}"),
                wijkteam: None,
            },
        )
        .expect("zoek");
    });
    controleer(&conn, "zoeken", &sql);
}

/// The search and the dossier as a caseworker and a procesmanager reach
/// them (`store::toegang`): the access condition adds index seeks only.
#[test]
fn zoeken_en_dossier_met_toegang_gebruiken_indexen() {
    let mut conn = register();
    let (achternaam, id): (String, String) = conn
        .query_row("SELECT achternaam, id FROM inwoner LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("inwoner");
    let prefix: String = achternaam.chars().take(3).collect();
    let medewerkers = wijkregister::store::medewerkers::alle(&conn).expect("medewerkers");
    for rol in [
        wijkregister::domain::Rol::Wijkcoach,
        wijkregister::domain::Rol::Procesmanager,
        wijkregister::domain::Rol::Teamleider,
    ] {
        let g = medewerkers
            .iter()
            .find(|m| m.rol == rol)
            .unwrap_or_else(|| panic!("demo heeft een {rol:?}"))
            .clone();
        let sql = getraceerd(&mut conn, |c| {
            toegang::zoek(
                c,
                &g,
                &Zoekvraag {
                    tekst: prefix.clone(),
                    wijkteam: None,
                },
                vandaag(),
            )
            .expect("zoek");
            toegang::mag_inwoner(c, &g, &id, vandaag()).expect("mag");
        });
        controleer(&conn, &format!("zoeken als {rol:?}"), &sql);
    }
}

#[test]
fn dossier_gebruikt_indexen() {
    let mut conn = register();
    let id: String = conn
        .query_row(
            "SELECT inwoner FROM toekenning GROUP BY inwoner ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("id");
    let sql = getraceerd(&mut conn, |c| {
        let d = dossier::dossier(c, &id, vandaag()).expect("dossier");
        assert!(!d.toekenningen.is_empty());
    });
    controleer(&conn, "dossier", &sql);
}

#[test]
fn werkvoorraad_gebruikt_indexen() {
    let mut conn = register();
    let (medewerker, team): (String, String) = conn
        .query_row(
            "SELECT m.medewerker, w.wijkteam FROM melding m JOIN medewerker w ON w.id = m.medewerker
             WHERE m.afgesloten IS NULL AND w.wijkteam IS NOT NULL GROUP BY m.medewerker ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("medewerker");
    let sql = getraceerd(&mut conn, |c| {
        werkvoorraad::werkvoorraad(c, &medewerker, vandaag()).expect("wv");
        werkvoorraad::werkvoorraad_team(c, &team, vandaag()).expect("team");
    });
    controleer(&conn, "werkvoorraad", &sql);
}

/// The team werkvoorraad tests a running toekenning and its provision
/// before it seeks the melding's medewerker and the resident: only the
/// toekenningen that can be on a list cost those seeks (issue #13).
#[test]
fn teamwerkvoorraad_zoekt_de_melding_pas_na_de_lijstvoorwaarde() {
    let mut conn = register();
    let team: String = conn
        .query_row("SELECT id FROM wijkteam ORDER BY id LIMIT 1", [], |r| {
            r.get(0)
        })
        .expect("team");
    let sql = getraceerd(&mut conn, |c| {
        werkvoorraad::werkvoorraad_team(c, &team, vandaag()).expect("team");
    });
    let lopend = sql
        .iter()
        .find(|s| s.contains("INDEXED BY toekenning_melding_open"))
        .expect("the running toekenningen of the team");
    let p = plan(&conn, lopend);
    let regel = |alias: &str| {
        p.iter()
            .position(|(_, _, d)| d.split_whitespace().nth(1) == Some(alias))
            .unwrap_or_else(|| panic!("{alias} in {p:?}"))
    };
    assert!(
        regel("t") < regel("v") && regel("v") < regel("m") && regel("m") < regel("i"),
        "{p:?}"
    );
    assert!(
        p[regel("t")]
            .2
            .contains("COVERING INDEX toekenning_melding_open"),
        "{p:?}"
    );
}

/// The AVE overview reads the kept level per household (`ave_stand`, schema
/// v12) through its indexes: no statement scans `ave` or `inwoner` (before,
/// it read every event and every resident of the town, issue #13), and the
/// counts per wijkteam and level come from the covering index on
/// (wijkteam, niveau, datum) without a sort.
#[test]
fn ave_overzicht_leest_de_bijgehouden_stand() {
    let mut conn = register();
    let sql = getraceerd(&mut conn, |c| {
        let o = wijkregister::store::ave::team_overzicht(c, vandaag()).expect("overzicht");
        assert!(!o.per_wijkteam.is_empty());
        assert!(!o.procesregie.is_empty());
    });
    controleer(&conn, "AVE-overzicht", &sql);
    let telling = sql
        .iter()
        .find(|s| s.contains("GROUP BY wijkteam, niveau"))
        .expect("the counts per wijkteam");
    let p = plan(&conn, telling);
    assert!(
        p.iter()
            .any(|(_, _, d)| d.contains("COVERING INDEX ave_stand_wijkteam")),
        "{p:?}"
    );
    assert!(
        !p.iter().any(|(_, _, d)| d.contains("TEMP B-TREE")),
        "{p:?}"
    );
}

#[test]
fn rapport_gebruikt_indexen() {
    let mut conn = register();
    let sql = getraceerd(&mut conn, |c| {
        wijkregister::report::bereken_jaar(c, 2025).expect("rapport");
    });
    controleer(&conn, "rapport", &sql);
}

#[test]
fn de_bewaking_ziet_een_volle_scan() {
    // The guard itself: a query on an unindexed column is caught, an indexed one is not.
    let conn = register();
    assert!(
        !volle_scans(
            &conn,
            "SELECT id FROM toekenning WHERE reden_einde = 'verhuizing'"
        )
        .is_empty()
    );
    assert!(volle_scans(&conn, "SELECT id FROM toekenning WHERE inwoner = ?1").is_empty());
    // A pass over a whole index is a full scan too.
    assert!(!volle_scans(&conn, "SELECT inwoner FROM toekenning ORDER BY inwoner").is_empty());
    assert!(!volle_scans(&conn, "SELECT count(*) FROM melding WHERE bron = 'school'").is_empty());
    // A scan of an aliased table is caught under its alias too.
    assert!(
        !volle_scans(
            &conn,
            "SELECT t.id FROM toekenning t JOIN inwoner AS i ON i.id = t.inwoner WHERE t.reden_einde = 'verhuizing'"
        )
        .is_empty()
    );
    assert!(
        volle_scans(
            &conn,
            "SELECT t.id FROM toekenning t JOIN inwoner AS i ON i.id = t.inwoner WHERE t.inwoner = ?1"
        )
        .is_empty()
    );
}

/// The plan of `sql`: (id, parent, detail) per line, in order.
fn plan(conn: &Connection, sql: &str) -> Vec<(i64, i64, String)> {
    let mut stmt = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .expect("explain");
    let mut rijen = stmt.raw_query();
    let mut uit = Vec::new();
    while let Some(r) = rijen.next().expect("rij") {
        uit.push((
            r.get(0).expect("id"),
            r.get(1).expect("parent"),
            r.get(3).expect("detail"),
        ));
    }
    uit
}

/// The busiest worker of a role in `conn` (most meldingen and steps).
fn drukste(conn: &Connection, rol: &str) -> wijkregister::store::medewerkers::MedewerkerRij {
    let id: String = conn
        .query_row(
            "SELECT w.id FROM medewerker w WHERE w.rol = ?1
             ORDER BY (SELECT count(*) FROM melding m WHERE m.medewerker = w.id)
                    + (SELECT count(*) FROM klantreis_stap s WHERE s.medewerker = w.id) DESC, w.id
             LIMIT 1",
            [rol],
            |r| r.get(0),
        )
        .expect("medewerker");
    wijkregister::store::medewerkers::een(conn, &id).expect("medewerker")
}

/// Issue #13: the search of an intaker with thousands of meldingen and of a
/// wijkcoach with steps all over town starts from the resident (a name or
/// BSN index on `inwoner`), and every part of the access condition seeks the
/// resident's own rows: never the worker's meldingen or steps
/// (`melding_medewerker`, `klantreis_stap_medewerker`) per resident (only
/// once per statement, to ask whether the worker has any), never a scan.
#[test]
fn zoeken_van_drukke_werkers_begint_bij_de_inwoner() {
    let conn = crate::zoeken_per_rol::druk_register();
    let intaker = drukste(&conn, "intaker");
    let coach = drukste(&conn, "wijkcoach");
    let meldingen: i64 = conn
        .query_row(
            "SELECT count(*) FROM melding WHERE medewerker = ?1",
            [&intaker.id],
            |r| r.get(0),
        )
        .expect("n");
    let stappen: i64 = conn
        .query_row(
            "SELECT count(*) FROM klantreis_stap WHERE medewerker = ?1",
            [&coach.id],
            |r| r.get(0),
        )
        .expect("n");
    assert!(
        meldingen >= 3000,
        "intaker {} heeft {meldingen} meldingen",
        intaker.id
    );
    assert!(
        stappen >= 500,
        "wijkcoach {} heeft {stappen} stappen",
        coach.id
    );
    let (achternaam, bsn): (String, String) = conn
        .query_row(
            "SELECT achternaam, bsn FROM inwoner WHERE bsn IS NOT NULL ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("inwoner");
    let prefix: String = achternaam.chars().take(3).collect();
    let midden = inwoners::zoek(&conn, &Zoekvraag::default())
        .expect("zoek")
        .swap_remove(300);
    for g in [&intaker, &coach] {
        for tekst in ["", "v", "de", prefix.as_str(), bsn.as_str(), &bsn[..4]] {
            for na in [None, Some(&midden)] {
                let vraag = Zoekvraag {
                    tekst: tekst.to_owned(),
                    wijkteam: None,
                };
                let (sql, _) =
                    toegang::zoek_pagina_sql(g, &vraag, vandaag(), na, Some(toegang::PAGINA));
                let regels = plan(&conn, &sql);
                let wat = format!(
                    "{:?} {} zoekt '{tekst}' na {:?}",
                    g.rol,
                    g.id,
                    na.map(|r| &r.id)
                );
                let tekst_van = regels
                    .iter()
                    .map(|(_, _, d)| d.as_str())
                    .collect::<Vec<_>>()
                    .join("\n");
                // The outer loop: the resident, through a name or BSN index.
                let eerste = regels
                    .iter()
                    .find(|(_, _, d)| d.starts_with("SCAN") || d.starts_with("SEARCH"))
                    .map(|(_, _, d)| d.as_str())
                    .unwrap_or_default();
                assert!(
                    (eerste.starts_with("SCAN i USING INDEX inwoner_")
                        || eerste.starts_with("SEARCH i USING INDEX inwoner_"))
                        && (eerste.contains("inwoner_achternaam")
                            || eerste.contains("inwoner_bsn")),
                    "{wat}: het plan begint niet bij de inwoner:\n{tekst_van}"
                );
                for (_, ouder, d) in &regels {
                    let woorden: Vec<&str> = d.split_whitespace().collect();
                    // The worker's own indexes serve only the once-per-statement
                    // question "has this worker any melding / step at all" (an
                    // uncorrelated subquery, one seek), never a search per resident.
                    if woorden.contains(&"melding_medewerker")
                        || woorden.contains(&"klantreis_stap_medewerker")
                    {
                        let ouder_tekst = regels
                            .iter()
                            .find(|(id, _, _)| id == ouder)
                            .map(|(_, _, d)| d.as_str())
                            .unwrap_or_default();
                        assert!(
                            ouder_tekst.starts_with("SCALAR SUBQUERY")
                                && d.starts_with("SEARCH")
                                && d.ends_with("(medewerker=?)"),
                            "{wat}: het plan loopt de geschiedenis van de medewerker af \
                             ('{d}' onder '{ouder_tekst}'):\n{tekst_van}"
                        );
                    }
                    assert!(
                        !(woorden.first() == Some(&"SCAN")
                            && woorden.get(1).is_some_and(|t| ["m", "s", "a"].contains(t))),
                        "{wat}: het plan leest een tabel helemaal:\n{tekst_van}"
                    );
                }
                // Each part of the access condition: the resident's own rows.
                let regel = |begin: &str| {
                    regels
                        .iter()
                        .position(|(_, _, d)| d.starts_with(begin))
                        .unwrap_or_else(|| panic!("{wat}: geen '{begin}' in:\n{tekst_van}"))
                };
                regel(
                    "SEARCH m USING COVERING INDEX melding_inwoner_medewerker (inwoner=? AND medewerker=?)",
                );
                let stap = regel(
                    "SEARCH s USING COVERING INDEX klantreis_stap_melding_medewerker (melding=? AND medewerker=?)",
                );
                regel(
                    "SEARCH a USING COVERING INDEX ave_huishouden_casusregisseur (huishouden=? AND casusregisseur=?)",
                );
                // The step's melding is the resident's, found first (outer loop of that subquery).
                let ouder = regels[stap].1;
                assert!(
                    regels[..stap].iter().any(|(_, p, d)| *p == ouder
                        && d.starts_with(
                            "SEARCH m USING COVERING INDEX melding_inwoner_medewerker (inwoner=?)"
                        )),
                    "{wat}: de stap wordt niet vanuit de meldingen van de inwoner gezocht:\n{tekst_van}"
                );
            }
        }
    }
}

/// The cost of the intaker's first screenful does not grow with their
/// history: 3,000 more meldingen and 3,000 more steps, all of one resident
/// they see already (so the list stays the same), leave the work SQLite
/// does (virtual machine steps) as it was. Before issue #13 each non-team resident walked all of the
/// intaker's meldingen, so this number grew with them.
#[test]
fn eerste_scherm_kost_niet_meer_met_meer_geschiedenis() {
    use rusqlite::StatementStatus;
    let conn = crate::zoeken_per_rol::druk_register();
    let intaker = drukste(&conn, "intaker");
    let stappen = |conn: &Connection, tekst: &str| -> (i32, Vec<String>) {
        let (sql, param) = toegang::zoek_pagina_sql(
            &intaker,
            &Zoekvraag {
                tekst: tekst.to_owned(),
                wijkteam: None,
            },
            vandaag(),
            None,
            Some(toegang::PAGINA),
        );
        let mut stmt = conn.prepare(&sql).expect("sql");
        let ids: Vec<String> = stmt
            .query_map(rusqlite::params_from_iter(param.iter()), |r| r.get(0))
            .expect("zoek")
            .collect::<Result<_, _>>()
            .expect("rijen");
        (stmt.get_status(StatementStatus::VmStep), ids)
    };
    // A resident outside the intaker's team whom they do not see: their BSN
    // search returns nothing, so its cost is that of the access condition.
    let vreemde: String = conn
        .query_row(
            "SELECT bsn FROM inwoner i WHERE bsn IS NOT NULL AND wijkteam IS NOT ?1
               AND NOT EXISTS (SELECT 1 FROM melding m WHERE m.inwoner = i.id AND m.medewerker = ?2)
               AND NOT EXISTS (SELECT 1 FROM melding m JOIN klantreis_stap s ON s.melding = m.id
                               WHERE m.inwoner = i.id AND s.medewerker = ?2)
               AND NOT EXISTS (SELECT 1 FROM ave a WHERE a.huishouden = i.huishouden AND a.casusregisseur = ?2)
             ORDER BY id LIMIT 1",
            rusqlite::params![intaker.wijkteam, intaker.id],
            |r| r.get(0),
        )
        .expect("een inwoner die de intaker niet ziet");
    let teksten = ["", "v", "de", vreemde.as_str()];
    let voor: Vec<(i32, Vec<String>)> = teksten.iter().map(|t| stappen(&conn, t)).collect();
    assert!(voor[3].1.is_empty(), "de intaker ziet deze inwoner niet");
    conn.execute(
        "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 3000)
         INSERT INTO melding (id, inwoner, datum, bron, medewerker, afgesloten, uitkomst)
         SELECT 'MEER-' || k, (SELECT inwoner FROM melding WHERE medewerker = ?1 ORDER BY id LIMIT 1),
                '2025-02-01', 'zelfmelder', ?1, '2025-02-02', 'informatie-advies' FROM n",
        [&intaker.id],
    )
    .expect("meer meldingen");
    conn.execute(
        "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 3000)
         INSERT INTO klantreis_stap (melding, stap, datum, medewerker, notitie, vastgelegd_op)
         SELECT 'MEER-1', 'gesprek', '2025-02-01', ?1, '', '2025-02-01 10:00:00' FROM n",
        [&intaker.id],
    )
    .expect("meer stappen");
    for (tekst, (stappen_voor, ids_voor)) in teksten.iter().zip(voor) {
        let (stappen_na, ids_na) = stappen(&conn, tekst);
        assert_eq!(ids_na, ids_voor, "'{tekst}': dezelfde lijst");
        assert!(stappen_voor > 0);
        assert!(
            f64::from(stappen_na) <= f64::from(stappen_voor) * 1.1,
            "'{tekst}': {stappen_voor} stappen werden er {stappen_na} met 3.000 meldingen meer"
        );
    }
}
