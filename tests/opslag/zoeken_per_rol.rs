//! Issue #13: the access condition now runs from the resident's side and
//! the list comes one page at a time; who sees whom must not change. On a
//! demo register with workers that have a big history (an intaker with
//! thousands of meldingen, a wijkcoach with steps on meldingen all over
//! town and casusregie), each role's search is compared with a plain
//! reference: every resident that the unrestricted search finds, kept when
//! the rules of `store::toegang` (written out here resident by resident)
//! say this worker may see them. And the pages, joined, are the whole list.

#![allow(clippy::expect_used, clippy::unwrap_used, reason = "tests fail loudly")]

use std::collections::HashSet;

use chrono::NaiveDate;
use rusqlite::{Connection, params};
use wijkregister::demo::{self, DemoInstellingen};
use wijkregister::domain::Rol;
use wijkregister::domain::datum::iso;
use wijkregister::store::inwoners::{self, InwonerRij, Zoekvraag};
use wijkregister::store::medewerkers::{self, MedewerkerRij};
use wijkregister::store::{self, toegang};

fn vandaag() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("datum")
}

/// A demo register, plus the history of busy workers: the first intaker
/// gets 3,000 more meldingen spread over every third resident of the town, the
/// first wijkcoach records a step on every seventh melding.
pub fn druk_register() -> Connection {
    let mut conn = store::open_in_memory().expect("open");
    demo::vul_register(
        &mut conn,
        &DemoInstellingen {
            inwoners: 900,
            jaren: 3,
            eind_jaar: 2026,
            seed: 9,
            peildatum: None,
        },
    )
    .expect("demo");
    let intaker: String = conn
        .query_row(
            "SELECT id FROM medewerker WHERE rol = 'intaker' ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("intaker");
    let coach: String = conn
        .query_row(
            "SELECT id FROM medewerker WHERE rol = 'wijkcoach' ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("wijkcoach");
    conn.execute(
        "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 3000),
              r AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS nr FROM inwoner)
         INSERT INTO melding (id, inwoner, datum, bron, medewerker, afgesloten, uitkomst)
         SELECT 'DRUK-' || k, r.id, '2025-01-01', 'zelfmelder', ?1, '2025-01-02', 'informatie-advies'
         FROM n JOIN r ON r.nr = (k * 3) % (SELECT count(*) / 3 * 3 FROM inwoner)",
        params![intaker],
    )
    .expect("meldingen");
    conn.execute(
        "INSERT INTO klantreis_stap (melding, stap, datum, medewerker, notitie, vastgelegd_op)
         SELECT id, 'gesprek', datum, ?1, '', datum || ' 10:00:00' FROM melding WHERE rowid % 7 = 0",
        params![coach],
    )
    .expect("stappen");
    conn
}

/// The rules of `store::toegang`, one resident at a time, in plain queries.
fn mag(conn: &Connection, g: &MedewerkerRij, i: &InwonerRij, dag: NaiveDate) -> bool {
    if g.rol == Rol::Beheerder {
        return false;
    }
    let (team, huishouden): (Option<String>, String) = conn
        .query_row(
            "SELECT wijkteam, huishouden FROM inwoner WHERE id = ?1",
            [&i.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("inwoner");
    if g.wijkteam.is_some() && team == g.wijkteam {
        return true;
    }
    let ja = |sql: &str, p: &[&dyn rusqlite::ToSql]| -> bool {
        conn.query_row(sql, p, |r| r.get::<_, bool>(0))
            .expect("vraag")
    };
    if g.rol != Rol::Teamleider
        && (ja(
            "SELECT count(*) > 0 FROM melding WHERE inwoner = ?1 AND medewerker = ?2",
            &[&i.id, &g.id],
        ) || ja(
            "SELECT count(*) > 0 FROM klantreis_stap s, melding m
             WHERE s.melding = m.id AND m.inwoner = ?1 AND s.medewerker = ?2",
            &[&i.id, &g.id],
        ) || ja(
            "SELECT count(*) > 0 FROM ave WHERE huishouden = ?1 AND casusregisseur = ?2",
            &[&huishouden, &g.id],
        ))
    {
        return true;
    }
    g.rol == Rol::Procesmanager
        && ja(
            "SELECT coalesce((SELECT niveau FROM ave WHERE huishouden = ?1 AND datum <= ?2
                              ORDER BY datum DESC, rowid DESC LIMIT 1), 0) >= 3",
            &[&huishouden, &iso(dag)],
        )
}

/// One worker of each role that sees residents, the busiest first.
fn werkers(conn: &Connection) -> Vec<MedewerkerRij> {
    let alle = medewerkers::alle(conn).expect("medewerkers");
    let mut uit = Vec::new();
    for rol in [
        Rol::Intaker,
        Rol::Wijkcoach,
        Rol::Gezinscoach,
        Rol::Schuldspecialist,
        Rol::Procesmanager,
        Rol::Teamleider,
    ] {
        let mut van_rol: Vec<&MedewerkerRij> = alle.iter().filter(|m| m.rol == rol).collect();
        van_rol.sort_by(|a, b| a.id.cmp(&b.id));
        uit.push(
            (*van_rol
                .first()
                .unwrap_or_else(|| panic!("demo heeft een {rol:?}")))
            .clone(),
        );
    }
    uit
}

/// All pages of a search, joined.
fn alle_paginas(
    conn: &Connection,
    g: &MedewerkerRij,
    vraag: &Zoekvraag,
    grootte: usize,
) -> Vec<InwonerRij> {
    let mut uit: Vec<InwonerRij> = Vec::new();
    loop {
        let pagina =
            toegang::zoek_pagina(conn, g, vraag, vandaag(), uit.last(), grootte).expect("pagina");
        assert!(pagina.len() <= grootte);
        let vol = pagina.len() == grootte;
        uit.extend(pagina);
        if !vol {
            return uit;
        }
    }
}

fn teksten(conn: &Connection) -> Vec<String> {
    let (achternaam, bsn, geboren): (String, String, String) = conn
        .query_row(
            "SELECT achternaam, bsn, geboortedatum FROM inwoner WHERE bsn IS NOT NULL ORDER BY id LIMIT 1 OFFSET 100",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("inwoner");
    let geboren = wijkregister::domain::datum::nl(
        wijkregister::domain::datum::parse_iso(&geboren).expect("datum"),
    );
    let prefix: String = achternaam.chars().take(3).collect();
    let een: String = achternaam.chars().take(1).collect();
    vec![
        String::new(),
        een.to_lowercase(),
        "de".to_owned(),
        prefix.clone(),
        format!("Jan {prefix}"),
        bsn.clone(),
        bsn[..4].to_owned(),
        geboren,
    ]
}

#[test]
fn elke_rol_ziet_dezelfde_inwoners_als_de_regels_zeggen() {
    let conn = druk_register();
    let mut gecontroleerd = 0;
    for g in werkers(&conn) {
        let mut zichtbaar_ooit = 0;
        for tekst in teksten(&conn) {
            let vraag = Zoekvraag {
                tekst: tekst.clone(),
                wijkteam: None,
            };
            let verwacht: Vec<InwonerRij> = inwoners::zoek(&conn, &vraag)
                .expect("zoek")
                .into_iter()
                .filter(|i| mag(&conn, &g, i, vandaag()))
                .collect();
            let gevonden = toegang::zoek(&conn, &g, &vraag, vandaag()).expect("zoek");
            assert_eq!(
                gevonden.iter().map(|r| &r.id).collect::<Vec<_>>(),
                verwacht.iter().map(|r| &r.id).collect::<Vec<_>>(),
                "{:?} {} zoekt '{tekst}'",
                g.rol,
                g.id
            );
            zichtbaar_ooit += gevonden.len();
            gecontroleerd += 1;
        }
        assert!(zichtbaar_ooit > 0, "{:?} {} ziet niemand", g.rol, g.id);
    }
    assert_eq!(gecontroleerd, 6 * 8);
}

#[test]
fn paginas_samen_zijn_de_hele_lijst() {
    let conn = druk_register();
    for g in werkers(&conn) {
        for tekst in teksten(&conn) {
            for wijkteam in [None, g.wijkteam.clone()] {
                let vraag = Zoekvraag {
                    tekst: tekst.clone(),
                    wijkteam,
                };
                let heel = toegang::zoek(&conn, &g, &vraag, vandaag()).expect("zoek");
                for grootte in [1, 7, toegang::PAGINA] {
                    let paginas = alle_paginas(&conn, &g, &vraag, grootte);
                    assert_eq!(
                        paginas, heel,
                        "{:?} {} zoekt {vraag:?} in pagina's van {grootte}",
                        g.rol, g.id
                    );
                }
            }
        }
    }
}

#[test]
fn de_eerste_pagina_is_het_begin_van_de_lijst() {
    let conn = druk_register();
    let g = werkers(&conn).remove(0);
    let heel = toegang::zoek(&conn, &g, &Zoekvraag::default(), vandaag()).expect("zoek");
    assert!(
        heel.len() > toegang::PAGINA,
        "een intaker ziet meer dan één pagina"
    );
    let eerste = toegang::zoek_pagina(
        &conn,
        &g,
        &Zoekvraag::default(),
        vandaag(),
        None,
        toegang::PAGINA,
    )
    .expect("pagina");
    assert_eq!(eerste[..], heel[..toegang::PAGINA]);
    // No resident twice in the whole list.
    let uniek: HashSet<&String> = heel.iter().map(|r| &r.id).collect();
    assert_eq!(uniek.len(), heel.len());
}
