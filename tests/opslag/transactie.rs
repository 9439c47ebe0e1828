//! The one transaction helper (`store::transactie::voer_uit`): a user action
//! is stored whole or not at all, also when the disk is full (simulated
//! portably with `PRAGMA max_page_count` on a file register), and nothing
//! runs in autocommit after SQLite ended the transaction itself.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use crate::steun::d;
use crate::steun::klantreis::{INTAKER, WIJKCOACH, h, ladder, melding, register, tel};
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, MAIN_DB};
use wijkregister::domain::ave::NieuweAveGebeurtenis;
use wijkregister::domain::klantreis::Stap;
use wijkregister::domain::{BesluitUitkomst, Leveringsvorm, Wet};
use wijkregister::store::audit::{self, Verificatie};
use wijkregister::store::klantreis::{self as kr, NieuwBesluit, NieuweStap};
use wijkregister::store::{self, StoreFout, ave, transactie};

/// The klantreis register as a file (WAL, the app's pragmas and guard),
/// with Miriam's melding weighed up to a decision.
fn register_op_schijf(map: &std::path::Path) -> (Connection, String) {
    let geheugen = register();
    let mut m = melding("I-MIRIAM", d(2026, 3, 2), Some(Wet::Wmo));
    m.medewerker = WIJKCOACH.into();
    let id = kr::melding_toevoegen(&geheugen, h(WIJKCOACH), &m).expect("melding");
    for (stap, dag) in [(Stap::Gesprek, 5), (Stap::Analyse, 7)] {
        let nieuw = NieuweStap {
            stap,
            datum: d(2026, 3, dag),
            medewerker: WIJKCOACH.into(),
            notitie: String::new(),
            uitkomst: None,
        };
        kr::stap_vastleggen(&geheugen, h(WIJKCOACH), &id, &nieuw).expect("stap");
    }
    kr::afweging_opslaan(
        &geheugen,
        h(WIJKCOACH),
        &id,
        d(2026, 3, 9),
        &ladder(&[false, false, false, false]),
    )
    .expect("afweging");
    let pad = map.join("register.sqlite");
    geheugen
        .backup(MAIN_DB, &pad, None::<fn(rusqlite::backup::Progress)>)
        .expect("naar schijf");
    let conn = store::open(&pad).expect("open");
    (conn, id)
}

/// Every row of every table, in a fixed order: equal dumps, equal registers.
fn inhoud(conn: &Connection) -> Vec<(String, Vec<Vec<Value>>)> {
    let tabellen: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tabellen
        .into_iter()
        .map(|t| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
            let kolommen = stmt.column_count();
            let mut rijen: Vec<Vec<Value>> = stmt
                .query_map([], |r| {
                    (0..kolommen).map(|i| r.get::<_, Value>(i)).collect()
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            rijen.sort_by_key(|r| format!("{r:?}"));
            (t, rijen)
        })
        .collect()
}

/// Lets the register grow no more: no free page left, no new page allowed.
fn schijf_vol(conn: &Connection) {
    conn.execute_batch("VACUUM").expect("vacuum");
    let vrij: i64 = conn
        .pragma_query_value(None, "freelist_count", |r| r.get(0))
        .unwrap();
    assert_eq!(vrij, 0);
    let paginas: i64 = conn
        .pragma_query_value(None, "page_count", |r| r.get(0))
        .unwrap();
    let _: i64 = conn
        .pragma_update_and_check(None, "max_page_count", paginas, |r| r.get(0))
        .unwrap();
}

fn schijf_weer_ruim(conn: &Connection) {
    let _: i64 = conn
        .pragma_update_and_check(None, "max_page_count", 1_000_000, |r| r.get(0))
        .unwrap();
}

fn keten_intact(conn: &Connection) {
    assert!(
        matches!(
            audit::verifieer(conn).expect("verifieer"),
            Verificatie::Intact { .. }
        ),
        "de auditketen is gebroken"
    );
}

/// The one Dutch message for a full disk, saying nothing was stored.
fn is_schijf_vol(fout: &StoreFout) -> bool {
    matches!(fout, StoreFout::SchijfVol)
        && fout
            .to_string()
            .contains("De schijf is vol: er is niets opgeslagen")
}

/// A note as long as the form allows: its step row no longer fits in a
/// page, so storing it needs a new one.
fn lange_notitie() -> String {
    "Besproken met Miriam en haar dochter. ".repeat(110)[..4000].to_owned()
}

fn besluit(melding: &str) -> NieuwBesluit {
    NieuwBesluit {
        melding: melding.into(),
        voorziening: "V-BEGELEIDING".into(),
        aanbieder: Some("A-ZORG".into()),
        contract: None,
        aanvraag: None,
        besluit: d(2026, 3, 16),
        uitkomst: BesluitUitkomst::Toegekend,
        reden_afwijzing: None,
        start: None,
        eind: Some(d(2027, 3, 15)),
        leveringsvorm: Leveringsvorm::Natura,
        volume: Some(3.0),
        volume_eenheid: Some("uur per week".into()),
        doorbraak: false,
        maatwerkcontract_bevestigd: false,
        notitie: lange_notitie(),
    }
}

#[test]
fn besluit_op_volle_schijf_slaat_niets_op() {
    let map = tempfile::tempdir().expect("tempdir");
    let (conn, melding) = register_op_schijf(map.path());
    let voor = inhoud(&conn);
    schijf_vol(&conn);

    let fout =
        kr::besluit_nemen(&conn, h(WIJKCOACH), &besluit(&melding)).expect_err("de schijf is vol");
    assert!(is_schijf_vol(&fout), "geen duidelijke fout: {fout}");
    assert!(conn.is_autocommit(), "geen transactie blijft open staan");
    assert_eq!(inhoud(&conn), voor, "het register is veranderd");
    assert_eq!(tel(&conn, "toekenning", "1"), 0);
    keten_intact(&conn);

    // With room again the same decision is stored whole: the connection
    // is usable and the guard is off.
    schijf_weer_ruim(&conn);
    let id = kr::besluit_nemen(&conn, h(WIJKCOACH), &besluit(&melding)).expect("besluit");
    assert_eq!(tel(&conn, "toekenning", &format!("id = '{id}'")), 1);
    assert_eq!(tel(&conn, "klantreis_stap", "stap = 'aanvraag-besluit'"), 1);
    assert_eq!(tel(&conn, "audit", "actie = 'besluit'"), 1);
    keten_intact(&conn);
}

#[test]
fn ave_wijziging_op_volle_schijf_slaat_niets_op() {
    let map = tempfile::tempdir().expect("tempdir");
    let (conn, _) = register_op_schijf(map.path());
    let wijziging = NieuweAveGebeurtenis {
        huishouden: "H-I-MIRIAM".into(),
        datum: d(2026, 3, 16),
        niveau: 1,
        reden: "Zorgen over de schulden en de opvoeding. ".repeat(100)[..4000].to_owned(),
        casusregisseur: None,
        procesregisseur: None,
        geregistreerd_door: WIJKCOACH.into(),
        reden_geen_procesmanager: None,
    };
    let nu = NaiveDate::from_ymd_opt(2026, 3, 16)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    let voor = inhoud(&conn);
    schijf_vol(&conn);

    let fout =
        ave::registreer(&conn, &wijziging, d(2026, 3, 16), nu).expect_err("de schijf is vol");
    assert!(is_schijf_vol(&fout), "geen duidelijke fout: {fout}");
    assert_eq!(inhoud(&conn), voor, "het register is veranderd");
    keten_intact(&conn);

    schijf_weer_ruim(&conn);
    ave::registreer(&conn, &wijziging, d(2026, 3, 16), nu).expect("ave");
    assert_eq!(tel(&conn, "ave", "huishouden = 'H-I-MIRIAM'"), 1);
    assert_eq!(tel(&conn, "audit", "actie = 'ave-registreren'"), 1);
    keten_intact(&conn);
}

#[test]
fn na_een_teruggedraaide_transactie_wordt_niets_in_autocommit_opgeslagen() {
    let conn = register();
    let voor = inhoud(&conn);
    // An action that swallows a failure and goes on, after SQLite ended the
    // transaction itself (as it may on SQLITE_FULL or SQLITE_IOERR; here
    // ended by hand, the same state): its later statements would each be
    // stored on their own in autocommit.
    let fout = transactie::voer_uit(&conn, |tx| -> Result<(), StoreFout> {
        tx.execute(
            "UPDATE inwoner SET woonplaats = 'Hengelo' WHERE id = 'I-MIRIAM'",
            [],
        )?;
        tx.execute_batch("ROLLBACK")?;
        assert!(tx.is_autocommit());
        let later = tx.execute(
            "UPDATE inwoner SET woonplaats = 'Enschede' WHERE id = 'I-HANSEN'",
            [],
        );
        assert!(later.is_err(), "een schrijfopdracht liep in autocommit");
        let gelogd = audit::log(
            tx,
            &audit::Logregel {
                tijdstip: "2026-11-26T10:00:00Z",
                actor: INTAKER,
                actie: "inwoner-wijzigen",
                object: Some("inwoner:I-HANSEN"),
                doel: None,
                resultaat: audit::Resultaat::Gelukt,
                details: None,
            },
        );
        assert!(gelogd.is_err(), "een auditregel liep buiten de handeling");
        Ok(())
    })
    .expect_err("de handeling is afgebroken");
    assert!(
        matches!(fout, StoreFout::Afgebroken(_)),
        "verwacht Afgebroken, kreeg {fout}"
    );
    assert!(
        fout.to_string().contains("er is niets opgeslagen"),
        "{fout}"
    );
    assert_eq!(inhoud(&conn), voor, "het register is veranderd");
    keten_intact(&conn);

    // The guard is off again: the next action commits.
    transactie::voer_uit(&conn, |tx| -> Result<(), StoreFout> {
        tx.execute(
            "UPDATE inwoner SET woonplaats = 'Wierden' WHERE id = 'I-HANSEN'",
            [],
        )?;
        Ok(())
    })
    .expect("volgende handeling");
    assert_eq!(tel(&conn, "inwoner", "woonplaats = 'Wierden'"), 1);
}

#[test]
fn na_schijf_vol_loopt_een_doorgaande_handeling_niet_in_autocommit() {
    // The import of issue #12: an action that notes a failed statement and
    // goes on with the next ones. SQLite rolls the whole transaction back on
    // this SQLITE_FULL; without the guard every later statement was stored.
    let map = tempfile::tempdir().expect("tempdir");
    let (conn, melding) = register_op_schijf(map.path());
    let voor = inhoud(&conn);
    schijf_vol(&conn);
    let mut fouten = Vec::new();
    let fout = transactie::voer_uit(&conn, |tx| -> Result<(), StoreFout> {
        for (i, notitie) in [lange_notitie(), "kort".to_owned()].iter().enumerate() {
            if let Err(e) = tx.execute(
                "INSERT INTO klantreis_stap (melding, stap, datum, medewerker, notitie, vastgelegd_op)
                 VALUES (?1, 'levering-evaluatie', '2026-03-20', ?2, ?3, '2026-03-20T10:00:00Z')",
                rusqlite::params![melding, WIJKCOACH, notitie],
            ) {
                fouten.push((i, e.to_string()));
            }
        }
        Ok(())
    })
    .expect_err("afgebroken");
    assert!(matches!(fout, StoreFout::Afgebroken(_)), "{fout}");
    assert_eq!(fouten.len(), 2, "{fouten:?}");
    assert!(fouten[0].1.contains("full"), "{fouten:?}");
    assert_eq!(inhoud(&conn), voor, "het register is veranderd");
    keten_intact(&conn);
}

#[test]
fn fout_draait_alles_terug_en_ok_legt_alles_vast() {
    let conn = register();
    let voor = inhoud(&conn);
    let fout = transactie::voer_uit(&conn, |tx| -> Result<(), StoreFout> {
        tx.execute(
            "UPDATE inwoner SET woonplaats = 'Hengelo' WHERE id = 'I-MIRIAM'",
            [],
        )?;
        Err(StoreFout::NietGevonden("iets".into()))
    })
    .expect_err("fout");
    assert!(matches!(fout, StoreFout::NietGevonden(_)), "{fout}");
    assert_eq!(inhoud(&conn), voor);
    assert!(conn.is_autocommit());

    let n = transactie::voer_uit(&conn, |tx| -> Result<usize, StoreFout> {
        Ok(tx.execute(
            "UPDATE inwoner SET woonplaats = 'Hengelo' WHERE id = 'I-MIRIAM'",
            [],
        )?)
    })
    .expect("ok");
    assert_eq!(n, 1);
    assert_eq!(tel(&conn, "inwoner", "woonplaats = 'Hengelo'"), 1);
}

#[test]
fn handeling_binnen_een_handeling_wordt_geweigerd() {
    let conn = register();
    let ander = store::open_in_memory().expect("open");
    let fout = transactie::voer_uit(&conn, |_| {
        transactie::voer_uit(&ander, |_| -> Result<(), StoreFout> { Ok(()) })
    })
    .expect_err("genest");
    assert!(matches!(fout, StoreFout::Afgebroken(_)), "{fout}");
    // Afterwards actions run again.
    transactie::voer_uit(&ander, |_| -> Result<(), StoreFout> { Ok(()) }).expect("daarna");
}
