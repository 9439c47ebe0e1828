//! Roles and access on the store level (issue #6, item 2): every rule of
//! `store::toegang` for each role, on the shared fixture (Wijkteam Noord
//! with the De Vries household at AVE level 3 since 01-02-2025, Wijkteam
//! Zuid with Anna Dekker and Pieter Jansen, Lotte Devries without a team)
//! plus a few medewerkers of each role.

#![allow(clippy::expect_used, clippy::unwrap_used, reason = "tests fail loudly")]

use crate::steun::d;
use crate::steun::vaste::{self, melding, vandaag};
use rusqlite::{Connection, params};
use wijkregister::domain::Rol;
use wijkregister::store::inwoners::Zoekvraag;
use wijkregister::store::medewerkers::{self, MedewerkerRij};
use wijkregister::store::toegang::{self, Recht};
use wijkregister::store::{StoreFout, audit};

/// The fixture plus one medewerker of each role and a few assignments:
/// - `mw-zuid` (intaker, Zuid) holds Lotte's melding `me-lotte`;
/// - `mw-gezin` (gezinscoach, Noord) recorded a step on Anna's melding `me-anna`;
/// - `mw-1` (wijkcoach, Noord) is casusregisseur of Pieter's household (AVE event);
/// - `mw-los` (schuldspecialist, no wijkteam) holds no melding at all.
fn register() -> Connection {
    let mut b = vaste::bouwer();
    b.medewerker("mw-zuid", "Sanne Zuidema", Rol::Intaker, Some("wt-zuid"))
        .medewerker(
            "mw-gezin",
            "Gijs Gezink",
            Rol::Gezinscoach,
            Some("wt-noord"),
        )
        .medewerker("mw-pm", "Paula Proces", Rol::Procesmanager, Some("wt-zuid"))
        .medewerker("mw-tl", "Tom Leider", Rol::Teamleider, Some("wt-noord"))
        .medewerker(
            "mw-tl-zuid",
            "Zeger Leider",
            Rol::Teamleider,
            Some("wt-zuid"),
        )
        .medewerker("mw-beh", "Bea Heer", Rol::Beheerder, None)
        .medewerker("mw-los", "Lars Los", Rol::Schuldspecialist, None);
    let mut lotte = melding("me-lotte", "in-lotte", d(2025, 5, 1));
    lotte.medewerker = Some("mw-zuid".into());
    let mut anna = melding("me-anna", "in-anna", d(2025, 5, 2));
    anna.medewerker = Some("mw-zuid".into());
    b.melding(lotte).melding(anna);
    b.ave("ave-pieter", "hh-3", d(2025, 3, 1), 1, "Eén vraag");
    let mut conn = wijkregister::store::open_in_memory().unwrap();
    b.schrijf(&mut conn);
    conn.execute(
        "INSERT INTO klantreis_stap (melding, stap, datum, medewerker, notitie, vastgelegd_op)
         VALUES ('me-anna', 'gesprek', '2025-05-03', 'mw-gezin', '', '2025-05-03T10:00:00')",
        [],
    )
    .unwrap();
    conn
}

fn wie(conn: &Connection, id: &str) -> MedewerkerRij {
    medewerkers::een(conn, id).unwrap()
}

/// The residents `id` may see on `dag`, by id.
fn ziet(conn: &Connection, id: &str, dag: chrono::NaiveDate) -> Vec<String> {
    let g = wie(conn, id);
    let mut ids: Vec<String> = [
        "in-jan",
        "in-maria",
        "in-sem",
        "in-anna",
        "in-pieter",
        "in-lotte",
    ]
    .into_iter()
    .filter(|i| toegang::mag_inwoner(conn, &g, i, dag).unwrap())
    .map(str::to_owned)
    .collect();
    ids.sort();
    ids
}

/// What the search (everything, empty text) returns for `id` on `dag`.
fn zoekt(conn: &Connection, id: &str, dag: chrono::NaiveDate) -> Vec<String> {
    let g = wie(conn, id);
    let mut ids: Vec<String> = toegang::zoek(conn, &g, &Zoekvraag::default(), dag)
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect();
    ids.sort();
    ids
}

fn lijst(ids: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = ids.iter().map(|s| (*s).to_owned()).collect();
    v.sort();
    v
}

fn is_geweigerd<T: std::fmt::Debug>(r: Result<T, StoreFout>) -> bool {
    matches!(r.err(), Some(StoreFout::GeenToegang(_)))
}

#[test]
fn a_wijkcoach_sees_their_own_team_and_the_households_they_direct() {
    let conn = register();
    // Noord (Jan, Maria, Sem) and Pieter: mw-1 is casusregisseur of his household.
    let verwacht = lijst(&["in-jan", "in-maria", "in-sem", "in-pieter"]);
    assert_eq!(ziet(&conn, "mw-1", vandaag()), verwacht);
    assert_eq!(zoekt(&conn, "mw-1", vandaag()), verwacht);
}

#[test]
fn an_intaker_sees_their_team_plus_the_residents_of_their_meldingen() {
    let conn = register();
    // Zuid (Anna, Pieter) and Lotte, who has no team but mw-zuid holds her melding.
    let verwacht = lijst(&["in-anna", "in-pieter", "in-lotte"]);
    assert_eq!(ziet(&conn, "mw-zuid", vandaag()), verwacht);
    assert_eq!(zoekt(&conn, "mw-zuid", vandaag()), verwacht);
}

#[test]
fn a_gezinscoach_who_recorded_a_step_sees_that_resident_too() {
    let conn = register();
    let verwacht = lijst(&["in-jan", "in-maria", "in-sem", "in-anna"]);
    assert_eq!(ziet(&conn, "mw-gezin", vandaag()), verwacht);
    assert_eq!(zoekt(&conn, "mw-gezin", vandaag()), verwacht);
}

#[test]
fn a_worker_without_a_team_sees_only_what_is_assigned_to_them() {
    let conn = register();
    assert!(ziet(&conn, "mw-los", vandaag()).is_empty());
    assert!(zoekt(&conn, "mw-los", vandaag()).is_empty());
    let g = wie(&conn, "mw-los");
    assert!(is_geweigerd(toegang::dossier(
        &conn,
        &g,
        "in-jan",
        vandaag()
    )));
}

#[test]
fn a_procesmanager_also_sees_every_household_at_level_3_or_4_on_the_day() {
    let conn = register();
    // The De Vries household stands at level 3 from 01-02-2025 to 30-11-2025.
    let op_niveau_3 = lijst(&["in-anna", "in-pieter", "in-jan", "in-maria", "in-sem"]);
    assert_eq!(ziet(&conn, "mw-pm", vandaag()), op_niveau_3);
    assert_eq!(zoekt(&conn, "mw-pm", vandaag()), op_niveau_3);
    assert_eq!(ziet(&conn, "mw-pm", d(2025, 2, 1)), op_niveau_3);
    // The day before the opschaling (level 1) and after the afschaling (level 2): own team only.
    let eigen = lijst(&["in-anna", "in-pieter"]);
    assert_eq!(ziet(&conn, "mw-pm", d(2025, 1, 31)), eigen);
    assert_eq!(ziet(&conn, "mw-pm", d(2025, 12, 1)), eigen);
    assert_eq!(zoekt(&conn, "mw-pm", d(2025, 12, 1)), eigen);
    let g = wie(&conn, "mw-pm");
    assert!(toegang::huishouden(&conn, &g, "hh-1", vandaag()).is_ok());
    assert!(is_geweigerd(toegang::huishouden(
        &conn,
        &g,
        "hh-1",
        d(2025, 12, 1)
    )));
}

#[test]
fn a_level_3_household_is_not_open_to_other_roles_outside_their_team() {
    let conn = register();
    // mw-zuid is an intaker in Zuid: the De Vries household at level 3 stays closed.
    let g = wie(&conn, "mw-zuid");
    assert!(is_geweigerd(toegang::dossier(
        &conn,
        &g,
        "in-sem",
        vandaag()
    )));
    assert!(is_geweigerd(toegang::huishouden(
        &conn,
        &g,
        "hh-1",
        vandaag()
    )));
}

#[test]
fn a_teamleider_sees_their_team_and_its_werkvoorraad_only() {
    let conn = register();
    assert_eq!(
        ziet(&conn, "mw-tl", vandaag()),
        lijst(&["in-jan", "in-maria", "in-sem"])
    );
    let tl = wie(&conn, "mw-tl");
    assert!(toegang::werkvoorraad_team(&conn, &tl, "wt-noord", vandaag()).is_ok());
    assert!(is_geweigerd(toegang::werkvoorraad_team(
        &conn,
        &tl,
        "wt-zuid",
        vandaag()
    )));
    // A worker of the own team: yes; of another team: no.
    assert!(toegang::werkvoorraad(&conn, &tl, "mw-1", vandaag()).is_ok());
    assert!(is_geweigerd(toegang::werkvoorraad(
        &conn,
        &tl,
        "mw-zuid",
        vandaag()
    )));
    assert!(toegang::eis(&tl, Recht::Rapportage).is_ok());
    assert!(toegang::eis(&tl, Recht::AveOverzicht).is_ok());
    assert!(is_geweigerd(toegang::eis(&tl, Recht::SocialeKaartBeheer)));
}

#[test]
fn a_worker_sees_only_their_own_werkvoorraad() {
    let conn = register();
    let g = wie(&conn, "mw-1");
    assert!(toegang::werkvoorraad(&conn, &g, "mw-1", vandaag()).is_ok());
    assert!(is_geweigerd(toegang::werkvoorraad(
        &conn,
        &g,
        "mw-gezin",
        vandaag()
    )));
    assert!(is_geweigerd(toegang::werkvoorraad_team(
        &conn,
        &g,
        "wt-noord",
        vandaag()
    )));
}

#[test]
fn a_beheerder_manages_but_sees_no_resident_at_all() {
    let conn = register();
    let g = wie(&conn, "mw-beh");
    assert!(ziet(&conn, "mw-beh", vandaag()).is_empty());
    assert!(is_geweigerd(toegang::zoek(
        &conn,
        &g,
        &Zoekvraag::default(),
        vandaag()
    )));
    assert!(is_geweigerd(toegang::dossier(
        &conn,
        &g,
        "in-jan",
        vandaag()
    )));
    assert!(is_geweigerd(toegang::huishouden(
        &conn,
        &g,
        "hh-1",
        vandaag()
    )));
    assert!(is_geweigerd(toegang::ave_historie(
        &conn,
        &g,
        "hh-1",
        vandaag()
    )));
    assert!(is_geweigerd(toegang::werkvoorraad(
        &conn,
        &g,
        "mw-beh",
        vandaag()
    )));
    for recht in [
        Recht::SocialeKaartBeheer,
        Recht::Accounts,
        Recht::Referentiegegevens,
        Recht::Import,
        Recht::Backups,
        Recht::Auditlog,
        Recht::Rapportage,
    ] {
        assert!(toegang::eis(&g, recht).is_ok(), "{recht:?}");
    }
}

#[test]
fn reports_and_management_are_refused_to_the_caseworkers() {
    let conn = register();
    for id in ["mw-1", "mw-zuid", "mw-gezin", "mw-pm", "mw-los"] {
        let g = wie(&conn, id);
        for recht in [
            Recht::Rapportage,
            Recht::SocialeKaartBeheer,
            Recht::Accounts,
            Recht::Import,
            Recht::Backups,
            Recht::Auditlog,
            Recht::TeamWerkvoorraad,
        ] {
            assert!(is_geweigerd(toegang::eis(&g, recht)), "{id} {recht:?}");
        }
        assert!(toegang::eis(&g, Recht::Dossiers).is_ok());
    }
}

#[test]
fn the_ave_overview_holds_only_the_households_of_the_own_team_or_procesregie() {
    let conn = register();
    let tl_zuid = wie(&conn, "mw-tl-zuid");
    let o = toegang::ave_team_overzicht(&conn, &tl_zuid, vandaag()).unwrap();
    // The De Vries household (Noord, level 3) is in nobody's list in Zuid…
    assert!(o.procesregie.iter().all(|r| r.huishouden != "hh-1"));
    // …but the procesmanager in Zuid has it under procesregie.
    let pm = wie(&conn, "mw-pm");
    let o = toegang::ave_team_overzicht(&conn, &pm, vandaag()).unwrap();
    assert!(o.procesregie.iter().any(|r| r.huishouden == "hh-1"));
    let tl = wie(&conn, "mw-tl");
    let o = toegang::ave_team_overzicht(&conn, &tl, vandaag()).unwrap();
    assert!(o.procesregie.iter().any(|r| r.huishouden == "hh-1"));
    let g = wie(&conn, "mw-1");
    assert!(is_geweigerd(toegang::ave_team_overzicht(
        &conn,
        &g,
        vandaag()
    )));
}

#[test]
fn klantreis_writes_need_the_resident_too() {
    let conn = register();
    let zuid = wie(&conn, "mw-zuid");
    // Jan (Noord) is out of reach for a melding, a step, a toekenning.
    assert!(is_geweigerd(toegang::eis_melding(
        &conn,
        &zuid,
        "me-1",
        vandaag()
    )));
    assert!(is_geweigerd(toegang::eis_toekenning(
        &conn,
        &zuid,
        "tk-lopend",
        vandaag()
    )));
    assert!(is_geweigerd(toegang::eis_verwijzing(
        &conn,
        &zuid,
        "vw-1",
        vandaag()
    )));
    assert!(is_geweigerd(toegang::eis_nieuwe_melding(
        &conn,
        &zuid,
        "in-jan",
        vandaag()
    )));
    // Anna's melding is theirs.
    assert!(toegang::eis_melding(&conn, &zuid, "me-anna", vandaag()).is_ok());
    // A resident with nothing recorded yet (just added at the intake) may get a first melding.
    conn.execute(
        "INSERT INTO inwoner (id, voornaam, achternaam, geboortedatum, huishouden, wijkteam, woonplaats)
         VALUES ('in-nieuw', 'Nina', 'Nieuw', '1990-01-01', 'hh-9', 'wt-noord', 'Almelo')",
        [],
    )
    .unwrap();
    assert!(toegang::eis_nieuwe_melding(&conn, &zuid, "in-nieuw", vandaag()).is_ok());
    let beh = wie(&conn, "mw-beh");
    assert!(is_geweigerd(toegang::eis_nieuwe_melding(
        &conn,
        &beh,
        "in-nieuw",
        vandaag()
    )));
}

#[test]
fn a_refused_opening_is_in_the_audit_log_without_a_doel() {
    let conn = register();
    let g = wie(&conn, "mw-zuid");
    let nu = d(2025, 6, 1).and_hms_opt(9, 30, 0).unwrap();
    toegang::log_geweigerd(&conn, &g, "inwoner:in-jan", nu).unwrap();
    let (actor, actie, object, resultaat, doel): (String, String, String, String, Option<String>) = conn
        .query_row(
            "SELECT actor, actie, object, resultaat, doel FROM audit ORDER BY volgnummer DESC LIMIT 1",
            params![],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    assert_eq!(
        (
            actor.as_str(),
            actie.as_str(),
            object.as_str(),
            resultaat.as_str()
        ),
        ("mw-zuid", "openen-dossier", "inwoner:in-jan", "geweigerd")
    );
    assert_eq!(doel, None);
    assert!(matches!(
        audit::verifieer(&conn).unwrap(),
        audit::Verificatie::Intact { .. }
    ));
}
