//! The werkvoorraad with a fixed "today": every legal deadline at its
//! boundary, herindicatie at 56 days, turning 18 within six months, waiting
//! days, overdue first, and the team lead's view.

#![allow(clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use crate::steun::d;
use crate::steun::klantreis::{INTAKER, SCHULD, WIJKCOACH, h, melding, register};
use chrono::NaiveDate;
use rusqlite::{Connection, Transaction, TransactionBehavior};
use wijkregister::domain::termijnen::{TermijnSoort, TermijnStatus};
use wijkregister::domain::{BesluitUitkomst, Leveringsvorm, Record, Toekenning, Verwijzer, Wet};
use wijkregister::store::klantreis as kr;
use wijkregister::store::schrijven::voeg_in;
use wijkregister::store::werkvoorraad::{werkvoorraad, werkvoorraad_team};

/// The status of deadline `soort` of `melding` in the intaker's queue on `vandaag`.
fn status(
    conn: &Connection,
    melding: &str,
    soort: TermijnSoort,
    vandaag: NaiveDate,
) -> Option<(NaiveDate, TermijnStatus)> {
    let w = werkvoorraad(conn, INTAKER, vandaag).expect("werkvoorraad");
    let m = w.meldingen.iter().find(|m| m.melding == melding)?;
    m.termijnen
        .iter()
        .find(|t| t.soort == soort)
        .map(|t| (t.uiterste, t.status))
}

fn melding_met(
    conn: &Connection,
    datum: NaiveDate,
    wet: Wet,
    spoed: bool,
    aanvraag: Option<NaiveDate>,
) -> String {
    let mut m = melding("I-MIRIAM", datum, Some(wet));
    m.spoed = spoed;
    let id = kr::melding_toevoegen(conn, h(INTAKER), &m).expect("melding");
    if let Some(a) = aanvraag {
        kr::aanvraag_registreren(conn, h(INTAKER), &id, a).expect("aanvraag");
    }
    id
}

#[test]
fn elke_termijn_op_de_grens() {
    let conn = register();
    let maandag = d(2026, 11, 16);
    let dinsdag = d(2026, 11, 17);
    let gevallen = [
        (
            melding_met(&conn, d(2026, 10, 5), Wet::Wmo, false, None),
            TermijnSoort::WmoOnderzoek,
        ),
        (
            melding_met(&conn, d(2026, 11, 2), Wet::Wmo, false, Some(d(2026, 11, 2))),
            TermijnSoort::WmoBesluit,
        ),
        (
            melding_met(
                &conn,
                d(2026, 9, 21),
                Wet::Jeugdwet,
                false,
                Some(d(2026, 9, 21)),
            ),
            TermijnSoort::JeugdwetBesluit,
        ),
        (
            melding_met(
                &conn,
                d(2026, 9, 21),
                Wet::Participatiewet,
                false,
                Some(d(2026, 9, 21)),
            ),
            TermijnSoort::ParticipatiewetBesluit,
        ),
        (
            melding_met(&conn, d(2026, 10, 19), Wet::Schuldhulp, false, None),
            TermijnSoort::SchuldhulpGesprek,
        ),
        // Wednesday + 3 working days = Monday.
        (
            melding_met(&conn, d(2026, 11, 11), Wet::Schuldhulp, true, None),
            TermijnSoort::SchuldhulpGesprekSpoed,
        ),
    ];
    for (id, soort) in &gevallen {
        assert_eq!(
            status(&conn, id, *soort, maandag),
            Some((maandag, TermijnStatus::BijnaVerlopen { werkdagen: 0 })),
            "{soort:?} is due today"
        );
        assert_eq!(
            status(&conn, id, *soort, dinsdag),
            Some((maandag, TermijnStatus::Verlopen { dagen: 1 })),
            "{soort:?} is overdue tomorrow"
        );
    }
    // Without spoed the same request has four weeks.
    let gewoon = melding_met(&conn, d(2026, 11, 11), Wet::Schuldhulp, false, None);
    assert_eq!(
        status(&conn, &gewoon, TermijnSoort::SchuldhulpGesprek, maandag),
        Some((d(2026, 12, 9), TermijnStatus::OpTijd))
    );
    // A Wmo melding 6 weeks old on time a week earlier, due soon within 5 working days.
    assert_eq!(
        status(
            &conn,
            &gevallen[0].0,
            TermijnSoort::WmoOnderzoek,
            d(2026, 11, 9)
        ),
        Some((maandag, TermijnStatus::BijnaVerlopen { werkdagen: 5 }))
    );
    assert_eq!(
        status(
            &conn,
            &gevallen[0].0,
            TermijnSoort::WmoOnderzoek,
            d(2026, 11, 6)
        ),
        Some((maandag, TermijnStatus::OpTijd))
    );
}

#[test]
fn termijn_stopt_bij_gesprek_en_onderzoek() {
    let conn = register();
    let schuld = melding_met(&conn, d(2026, 11, 11), Wet::Schuldhulp, true, None);
    let stap = kr::NieuweStap {
        stap: wijkregister::domain::klantreis::Stap::Gesprek,
        datum: d(2026, 11, 13),
        medewerker: SCHULD.into(),
        notitie: String::new(),
        uitkomst: None,
    };
    kr::stap_vastleggen(&conn, h(SCHULD), &schuld, &stap).expect("gesprek");
    assert_eq!(
        status(
            &conn,
            &schuld,
            TermijnSoort::SchuldhulpGesprekSpoed,
            d(2026, 11, 20)
        ),
        None
    );
    let w = werkvoorraad(&conn, INTAKER, d(2026, 11, 20)).expect("w");
    // Still open: the first-conversation term stopped, the beschikking term
    // (8 weeks after the eerste gesprek, art. 4a Wgs) runs instead.
    let open = w
        .meldingen
        .iter()
        .find(|m| m.melding == schuld)
        .expect("still open");
    let termijnen: Vec<(TermijnSoort, chrono::NaiveDate)> = open
        .termijnen
        .iter()
        .map(|t| (t.soort, t.uiterste))
        .collect();
    assert_eq!(
        termijnen,
        [(TermijnSoort::SchuldhulpBeschikking, d(2027, 1, 8))]
    );
}

/// A granted toekenning of the intaker's melding `melding`.
#[allow(
    clippy::too_many_arguments,
    reason = "a fixture row reads best as one call"
)]
fn toekenning(
    conn: &Connection,
    id: &str,
    melding: &str,
    inwoner: &str,
    voorziening: &str,
    besluit: NaiveDate,
    start: Option<NaiveDate>,
    eind: Option<NaiveDate>,
) {
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate).expect("tx");
    voeg_in(
        &tx,
        &Record::Toekenning(Toekenning {
            id: id.into(),
            inwoner: inwoner.into(),
            voorziening: voorziening.into(),
            aanbieder: Some("A-ZORG".into()),
            contract: None,
            melding: Some(melding.into()),
            verwijzer: Verwijzer::Gemeente,
            aanvraag: None,
            besluit,
            uitkomst: BesluitUitkomst::Toegekend,
            start,
            eind,
            leveringsvorm: Leveringsvorm::Natura,
            doorbraak: false,
            reden_einde: None,
            afweging: None,
        }),
    )
    .expect("toekenning");
    tx.commit().expect("commit");
}

#[test]
fn herindicatie_achttien_en_wachtend() {
    let conn = register();
    let vandaag = d(2026, 11, 26);
    let m = kr::melding_informatie_advies(
        &conn,
        h(INTAKER),
        &melding("I-MIRIAM", d(2026, 1, 5), Some(Wet::Wmo)),
        "",
    )
    .expect("m");
    let mj = kr::melding_informatie_advies(
        &conn,
        h(INTAKER),
        &melding("I-JONG", d(2026, 1, 5), Some(Wet::Jeugdwet)),
        "",
    )
    .expect("mj");
    let started = Some(d(2026, 2, 1));
    toekenning(
        &conn,
        "T-56",
        &m,
        "I-MIRIAM",
        "V-BEGELEIDING",
        d(2026, 1, 20),
        started,
        Some(d(2027, 1, 21)),
    );
    toekenning(
        &conn,
        "T-57",
        &m,
        "I-MIRIAM",
        "V-DAGBESTEDING",
        d(2026, 1, 20),
        started,
        Some(d(2027, 1, 22)),
    );
    toekenning(
        &conn,
        "T-VANDAAG",
        &m,
        "I-MIRIAM",
        "V-DAGBESTEDING",
        d(2026, 1, 20),
        started,
        Some(vandaag),
    );
    toekenning(
        &conn,
        "T-GISTEREN",
        &m,
        "I-MIRIAM",
        "V-DAGBESTEDING",
        d(2026, 1, 20),
        started,
        Some(d(2026, 11, 25)),
    );
    toekenning(
        &conn,
        "T-JONG",
        &mj,
        "I-JONG",
        "V-JEUGD",
        d(2026, 1, 20),
        started,
        None,
    );
    toekenning(
        &conn,
        "T-JONG2",
        &mj,
        "I-JONG2",
        "V-JEUGD",
        d(2026, 1, 20),
        started,
        None,
    );
    // Turning 18 within six months, but with a Wmo provision: not listed.
    toekenning(
        &conn,
        "T-JONG-WMO",
        &mj,
        "I-JONG",
        "V-BEGELEIDING",
        d(2026, 1, 20),
        started,
        None,
    );
    toekenning(
        &conn,
        "T-W25",
        &m,
        "I-MIRIAM",
        "V-BEGELEIDING",
        d(2026, 11, 1),
        None,
        None,
    );
    toekenning(
        &conn,
        "T-W56",
        &m,
        "I-HANSEN",
        "V-DAGBESTEDING",
        d(2026, 10, 1),
        None,
        None,
    );
    toekenning(
        &conn,
        "T-W6",
        &m,
        "I-MIRIAM",
        "V-DAGBESTEDING",
        d(2026, 11, 20),
        None,
        None,
    );

    let w = werkvoorraad(&conn, INTAKER, vandaag).expect("w");
    let herindicatie: Vec<(&str, i64)> = w
        .herindicaties
        .iter()
        .map(|r| (r.toekenning.as_str(), r.dagen_tot_eind))
        .collect();
    assert_eq!(herindicatie, vec![("T-VANDAAG", 0), ("T-56", 56)]);
    let achttien: Vec<(&str, NaiveDate)> = w
        .achttien
        .iter()
        .map(|r| (r.toekenning.as_str(), r.verjaardag))
        .collect();
    assert_eq!(achttien, vec![("T-JONG", d(2027, 5, 26))]);
    let wachtend: Vec<(&str, i64)> = w
        .wachtend
        .iter()
        .map(|r| (r.toekenning.as_str(), r.dagen_wachtend))
        .collect();
    assert_eq!(wachtend, vec![("T-W56", 56), ("T-W25", 25), ("T-W6", 6)]);
    assert_eq!(w.wachtend[0].naam, "Henk Hansen");
    // Another worker's queue holds none of it.
    let ander = werkvoorraad(&conn, WIJKCOACH, vandaag).expect("ander");
    assert!(
        ander.herindicaties.is_empty() && ander.achttien.is_empty() && ander.wachtend.is_empty()
    );
    // Once started, a provision no longer waits.
    kr::levering_gestart(&conn, h(WIJKCOACH), "T-W56", vandaag).expect("start");
    let w = werkvoorraad(&conn, INTAKER, vandaag).expect("w");
    assert_eq!(
        w.wachtend.first().map(|r| r.toekenning.as_str()),
        Some("T-W25")
    );
}

#[test]
fn verlopen_eerst_en_teamoverzicht() {
    let conn = register();
    let vandaag = d(2026, 11, 26);
    // On time (Wmo onderzoek until 2026-12-28), overdue 10 days (until 11-16),
    // overdue 3 days (schuldhulp until 11-23), due soon, and one without deadline.
    let op_tijd = melding_met(&conn, d(2026, 11, 16), Wet::Wmo, false, None);
    let tien = melding_met(&conn, d(2026, 10, 5), Wet::Wmo, false, None);
    let drie = melding_met(&conn, d(2026, 10, 26), Wet::Schuldhulp, false, None);
    let bijna = melding_met(&conn, d(2026, 11, 24), Wet::Schuldhulp, true, None);
    let geen = melding_met(&conn, d(2026, 11, 1), Wet::Jeugdwet, false, None);
    let w = werkvoorraad(&conn, INTAKER, vandaag).expect("w");
    let volgorde: Vec<&str> = w.meldingen.iter().map(|m| m.melding.as_str()).collect();
    assert_eq!(
        volgorde,
        vec![
            tien.as_str(),
            drie.as_str(),
            bijna.as_str(),
            op_tijd.as_str(),
            geen.as_str()
        ]
    );
    assert_eq!(
        w.meldingen[0].volgende().map(|t| t.status),
        Some(TermijnStatus::Verlopen { dagen: 10 })
    );
    // A melding of the wijkcoach, for the team view.
    let mut m = melding("I-HANSEN", d(2026, 10, 1), Some(Wet::Wmo));
    m.medewerker = WIJKCOACH.into();
    kr::melding_toevoegen(&conn, h(WIJKCOACH), &m).expect("coach");

    let team = werkvoorraad_team(&conn, "W-OOST", vandaag).expect("team");
    let namen: Vec<(&str, usize)> = team
        .per_medewerker
        .iter()
        .map(|p| (p.naam.as_str(), p.werkvoorraad.meldingen.len()))
        .collect();
    assert_eq!(
        namen,
        vec![("Ineke Intaker", 5), ("Sara Schuld", 0), ("Wim Coach", 1)]
    );
    assert_eq!(team.totaal.open_meldingen, 6);
    assert_eq!(team.totaal.verlopen, 3);
    assert_eq!(team.totaal.bijna_verlopen, 1);
    // Another team sees none of it.
    let west = werkvoorraad_team(&conn, "W-WEST", vandaag).expect("west");
    assert_eq!(west.totaal.open_meldingen, 0);
}

/// The owner rule for a toekenning without a melding (a direct Jeugdwet
/// referral): the teamleider of the resident's wijkteam has it, in their own
/// queue and in the team's group "zonder melding"; no worker has it, and
/// another team does not see it.
#[test]
fn toekenning_zonder_melding_hoort_bij_de_teamleider_van_het_wijkteam() {
    let conn = register();
    let vandaag = d(2026, 11, 26);
    let tx = Transaction::new_unchecked(&conn, TransactionBehavior::Immediate).expect("tx");
    voeg_in(
        &tx,
        &Record::Medewerker(wijkregister::domain::Medewerker {
            id: "MW-TL".into(),
            naam: "Tineke Teamleider".into(),
            rol: wijkregister::domain::Rol::Teamleider,
            wijkteam: Some("W-OOST".into()),
        }),
    )
    .expect("teamleider");
    let direct = |id: &str, eind: Option<NaiveDate>, reden_einde| {
        Record::Toekenning(Toekenning {
            id: id.into(),
            inwoner: "I-JONG".into(),
            voorziening: "V-JEUGD".into(),
            aanbieder: Some("A-ZORG".into()),
            contract: None,
            melding: None,
            verwijzer: Verwijzer::Huisarts,
            aanvraag: None,
            besluit: d(2026, 10, 1),
            uitkomst: BesluitUitkomst::Toegekend,
            start: None,
            eind,
            leveringsvorm: Leveringsvorm::Natura,
            doorbraak: false,
            reden_einde,
            afweging: None,
        })
    };
    // Waiting since 1 October, ending 31 December; Jesse turns 18 on 26 May 2027.
    voeg_in(&tx, &direct("T-DIRECT", Some(d(2026, 12, 31)), None)).expect("direct");
    // An ended one is nobody's work.
    voeg_in(
        &tx,
        &direct(
            "T-KLAAR",
            Some(d(2026, 12, 1)),
            Some(wijkregister::domain::RedenEinde::VolgensPlan),
        ),
    )
    .expect("klaar");
    tx.commit().expect("commit");

    let ids = |w: &wijkregister::store::werkvoorraad::Werkvoorraad| {
        (
            w.herindicaties
                .iter()
                .map(|x| x.toekenning.clone())
                .collect::<Vec<_>>(),
            w.achttien
                .iter()
                .map(|x| x.toekenning.clone())
                .collect::<Vec<_>>(),
            w.wachtend
                .iter()
                .map(|x| x.toekenning.clone())
                .collect::<Vec<_>>(),
        )
    };
    let een = vec!["T-DIRECT".to_owned()];
    let verwacht = (een.clone(), een.clone(), een);
    let leeg = (Vec::new(), Vec::new(), Vec::new());

    let tl = werkvoorraad(&conn, "MW-TL", vandaag).expect("teamleider");
    assert_eq!(ids(&tl), verwacht);
    assert_eq!(tl.wachtend[0].dagen_wachtend, 56);
    for mw in [INTAKER, WIJKCOACH, SCHULD] {
        let w = werkvoorraad(&conn, mw, vandaag).expect("medewerker");
        assert_eq!(ids(&w), leeg, "{mw} heeft er niets mee");
    }

    let team = werkvoorraad_team(&conn, "W-OOST", vandaag).expect("team");
    assert_eq!(ids(&team.zonder_melding), verwacht);
    assert!(team.zonder_melding.meldingen.is_empty());
    for p in &team.per_medewerker {
        assert_eq!(ids(&p.werkvoorraad), leeg, "{} in het team", p.naam);
    }
    // Counted once in the team totals, even though the teamleider's own queue has it too.
    assert_eq!(
        (
            team.totaal.herindicaties,
            team.totaal.achttien,
            team.totaal.wachtend
        ),
        (1, 1, 1)
    );
    let west = werkvoorraad_team(&conn, "W-WEST", vandaag).expect("west");
    assert_eq!(ids(&west.zonder_melding), leeg);
}

/// Issue 14 point 2 for every role, on a demo register on a fixed day:
/// each worker's queue holds their real work — every open melding assigned
/// to them, every granted, not started, not ended toekenning of those
/// meldingen, and every household whose AVE level that day names them
/// casusregisseur (by id) or procesregisseur (by name) among the
/// households of their wijkteam (every wijkteam for a worker without one)
/// — and nothing else under regie. Every role but the beheerder has work in
/// the demo, and has it in the queue. The team view shows each worker's
/// queue as the worker sees it.
#[test]
fn elke_rol_ziet_het_eigen_werk_in_een_demoregister() {
    use std::collections::{BTreeMap, BTreeSet};
    use wijkregister::demo::{self, DemoInstellingen};
    use wijkregister::domain::Rol;
    let vandaag = d(2026, 11, 26);
    let mut conn = wijkregister::store::open_in_memory().expect("open");
    demo::vul_register(
        &mut conn,
        &DemoInstellingen {
            inwoners: 1_500,
            jaren: 3,
            eind_jaar: 2026,
            seed: 14,
            peildatum: Some(vandaag),
        },
    )
    .expect("demo");
    let dag = wijkregister::domain::datum::iso(vandaag);
    let ids = |sql: &str, p: &[&dyn rusqlite::ToSql]| -> BTreeSet<String> {
        let mut stmt = conn.prepare(sql).expect(sql);
        stmt.query_map(p, |r| r.get(0))
            .expect(sql)
            .collect::<Result<_, _>>()
            .expect(sql)
    };
    // The level of every household on the day: its latest event.
    let nu = "SELECT a.huishouden, a.casusregisseur, a.procesregisseur FROM ave a
              WHERE a.rowid = (SELECT b.rowid FROM ave b WHERE b.huishouden = a.huishouden
                               AND b.datum <= ?1 ORDER BY b.datum DESC, b.rowid DESC LIMIT 1)";
    let medewerkers: Vec<(String, String, String, Option<String>)> = {
        let mut stmt = conn
            .prepare("SELECT id, naam, rol, wijkteam FROM medewerker ORDER BY id")
            .expect("medewerkers");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .expect("medewerkers")
            .collect::<Result<_, _>>()
            .expect("medewerkers")
    };
    let mut werk_per_rol: BTreeMap<String, usize> = BTreeMap::new();
    for (id, naam, rol, team) in &medewerkers {
        let w = werkvoorraad(&conn, id, vandaag).expect("werkvoorraad");
        let open = ids(
            "SELECT id FROM melding WHERE medewerker = ?1 AND afgesloten IS NULL",
            &[id],
        );
        let in_lijst: BTreeSet<String> = w.meldingen.iter().map(|m| m.melding.clone()).collect();
        assert!(
            open.is_subset(&in_lijst),
            "{naam} ({rol}) mist open meldingen"
        );
        let wachtend = ids(
            "SELECT t.id FROM toekenning t JOIN melding m ON m.id = t.melding
             WHERE m.medewerker = ?1 AND t.uitkomst = 'toegekend' AND t.start IS NULL
               AND t.reden_einde IS NULL AND (t.eind IS NULL OR t.eind >= ?2)",
            &[id, &dag],
        );
        let in_lijst: BTreeSet<String> = w.wachtend.iter().map(|x| x.toekenning.clone()).collect();
        assert!(
            wachtend.is_subset(&in_lijst),
            "{naam} ({rol}) mist wachtende toekenningen"
        );
        let regie = ids(
            &format!(
                "SELECT n.huishouden FROM ({nu}) n
                 WHERE (n.casusregisseur IS ?2 OR n.procesregisseur IS ?3)
                   AND EXISTS (SELECT 1 FROM inwoner i WHERE i.huishouden = n.huishouden
                               AND (?4 IS NULL OR i.wijkteam = ?4))"
            ),
            &[&dag, id, naam, team],
        );
        let in_lijst: BTreeSet<String> = w.regie.iter().map(|r| r.huishouden.clone()).collect();
        assert_eq!(in_lijst, regie, "{naam} ({rol}): casus- en procesregie");
        let totaal = open.len() + wachtend.len() + regie.len();
        *werk_per_rol.entry(rol.clone()).or_default() += totaal;
        if totaal > 0 {
            assert!(
                !w.meldingen.is_empty() || !w.wachtend.is_empty() || !w.regie.is_empty(),
                "{naam} ({rol}) heeft werk en een lege werkvoorraad"
            );
        }
    }
    // Not vacuous: the demo gives these roles work. (It gives a
    // schuldspecialist none: its schuldhulp meldingen are the intakers'.)
    for rol in [
        Rol::Intaker,
        Rol::Wijkcoach,
        Rol::Gezinscoach,
        Rol::Procesmanager,
    ] {
        assert!(
            werk_per_rol.get(rol.code()).copied().unwrap_or(0) > 0,
            "de demo geeft de rol {} geen werk: {werk_per_rol:?}",
            rol.code()
        );
    }
    // The team view: each worker's queue as the worker sees it.
    for team in ids("SELECT id FROM wijkteam", &[]) {
        let t = werkvoorraad_team(&conn, &team, vandaag).expect("team");
        for p in &t.per_medewerker {
            let eigen = werkvoorraad(&conn, &p.medewerker, vandaag).expect("eigen");
            let rol: String = conn
                .query_row(
                    "SELECT rol FROM medewerker WHERE id = ?1",
                    [&p.medewerker],
                    |r| r.get(0),
                )
                .expect("rol");
            if rol == Rol::Teamleider.code() {
                // The lines without a melding are the team's own group.
                assert_eq!(p.werkvoorraad.meldingen, eigen.meldingen);
                assert_eq!(p.werkvoorraad.regie, eigen.regie);
            } else {
                assert_eq!(p.werkvoorraad, eigen, "{} in team {team}", p.naam);
            }
        }
    }
}

/// The team werkvoorraad reads only the running toekenningen that can be on
/// a list (issue #13); on a demo register, for every team and for dates a
/// fortnight apart over two years, its lists hold exactly the toekenningen
/// that the rules pick from *all* running toekenningen of the team's
/// workers (computed here without that condition).
#[test]
fn teamwerkvoorraad_mist_geen_regel_door_de_lijstvoorwaarde() {
    use std::collections::BTreeSet;
    use wijkregister::demo::{self, DemoInstellingen};
    use wijkregister::domain::klantreis::{herindicatie_nodig, wordt_18_binnenkort};

    let mut conn = wijkregister::store::open_in_memory().expect("open");
    demo::vul_register(
        &mut conn,
        &DemoInstellingen {
            inwoners: 800,
            jaren: 4,
            eind_jaar: 2026,
            seed: 11,
            peildatum: None,
        },
    )
    .expect("demo");
    // Young people with a running Jeugdwet provision who turn 18 between
    // January 2025 and August 2026, one every fortnight, so that the list
    // "wordt 18" has lines on the dates below (the demo's children are young).
    conn.execute(
        "UPDATE inwoner SET geboortedatum = date('2007-01-01', '+' || (15 * (rowid % 40)) || ' days')
         WHERE id IN (SELECT t.inwoner FROM toekenning t JOIN voorziening v ON v.id = t.voorziening
                      WHERE v.wet = 'jeugdwet' AND t.uitkomst = 'toegekend' AND t.melding IS NOT NULL
                        AND (t.eind IS NULL OR t.eind >= '2025-06-01'))",
        [],
    )
    .expect("jongeren");
    let teams: Vec<String> = conn
        .prepare("SELECT id FROM wijkteam ORDER BY id")
        .expect("teams")
        .query_map([], |r| r.get(0))
        .expect("teams")
        .collect::<Result<_, _>>()
        .expect("teams");
    let mut gezien = [0_usize; 3];
    let mut vandaag = d(2024, 12, 20);
    while vandaag <= d(2026, 12, 31) {
        for team in &teams {
            // (list, toekenning) the rules pick from every running one.
            let mut verwacht: BTreeSet<(u8, String)> = BTreeSet::new();
            let mut stmt = conn
                .prepare_cached(
                    "SELECT t.id, t.start, t.eind, v.wet, i.geboortedatum
                     FROM toekenning t JOIN melding m ON m.id = t.melding
                     JOIN inwoner i ON i.id = t.inwoner JOIN voorziening v ON v.id = t.voorziening
                     WHERE m.medewerker IN (SELECT id FROM medewerker WHERE wijkteam = ?1)
                       AND t.uitkomst = 'toegekend' AND t.reden_einde IS NULL
                       AND (t.eind IS NULL OR t.eind >= ?2)",
                )
                .expect("sql");
            let mut rijen = stmt
                .query(rusqlite::params![
                    team,
                    vandaag.format("%Y-%m-%d").to_string()
                ])
                .expect("query");
            while let Some(r) = rijen.next().expect("rij") {
                let id: String = r.get(0).expect("id");
                let start: Option<String> = r.get(1).expect("start");
                let eind: Option<String> = r.get(2).expect("eind");
                let wet: Option<String> = r.get(3).expect("wet");
                let geboren: String = r.get(4).expect("geboren");
                let datum = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("datum");
                if eind
                    .as_deref()
                    .is_some_and(|e| herindicatie_nodig(datum(e), vandaag))
                {
                    verwacht.insert((0, id.clone()));
                }
                if wet.as_deref() == Some("jeugdwet")
                    && wordt_18_binnenkort(datum(&geboren), vandaag)
                {
                    verwacht.insert((1, id.clone()));
                }
                if start.is_none() {
                    verwacht.insert((2, id));
                }
            }
            let w = werkvoorraad_team(&conn, team, vandaag).expect("team");
            let mut gelezen: BTreeSet<(u8, String)> = BTreeSet::new();
            for mw in &w.per_medewerker {
                let q = &mw.werkvoorraad;
                gelezen.extend(q.herindicaties.iter().map(|x| (0, x.toekenning.clone())));
                gelezen.extend(q.achttien.iter().map(|x| (1, x.toekenning.clone())));
                gelezen.extend(q.wachtend.iter().map(|x| (2, x.toekenning.clone())));
            }
            assert_eq!(gelezen, verwacht, "team {team} op {vandaag}");
            for (lijst, _) in &verwacht {
                gezien[usize::from(*lijst)] += 1;
            }
        }
        vandaag = vandaag + chrono::Days::new(14);
    }
    assert!(
        gezien.iter().all(|n| *n > 0),
        "elke lijst komt voor in de proef: {gezien:?}"
    );
}
