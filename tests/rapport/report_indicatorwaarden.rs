//! External values and targets in the store.

#![allow(clippy::expect_used, reason = "tests may panic")]

use crate::steun::rapport::register;
use wijkregister::domain::WaardeSoort;
use wijkregister::store::indicatorwaarden::{self, IndicatorwaardeFout};

#[test]
fn zetten_vervangen_lezen_en_wissen() {
    let mut c = register();
    indicatorwaarden::zet_realisatie(&mut c, "1.10.1", 2023, Some(18.0), None, Some("GGD"))
        .expect("zet");
    indicatorwaarden::zet_realisatie(&mut c, "1.10.1", 2023, Some(17.5), None, Some("GGD 2023"))
        .expect("vervang");
    indicatorwaarden::zet_begroot(&mut c, "3.8.1", 2024, Some(40.0), None).expect("begroot R");
    indicatorwaarden::zet_realisatie(&mut c, "3.3A.1", 2024, None, Some("Ja"), None)
        .expect("tekst");
    let alles = indicatorwaarden::lees(&c, 2023, 2024).expect("lees");
    assert_eq!(alles.len(), 3);
    assert_eq!(alles[0].waarde, Some(17.5));
    assert_eq!(alles[0].bron.as_deref(), Some("GGD 2023"));
    assert_eq!(
        indicatorwaarden::lees(&c, 2024, 2024).expect("lees").len(),
        2
    );
    assert!(indicatorwaarden::wis(&mut c, "1.10.1", 2023, WaardeSoort::Realisatie).expect("wis"));
    assert!(!indicatorwaarden::wis(&mut c, "1.10.1", 2023, WaardeSoort::Realisatie).expect("wis"));
    assert_eq!(
        indicatorwaarden::lees(&c, 2023, 2023).expect("lees").len(),
        0
    );
}

#[test]
fn weigert_wat_niet_klopt() {
    let mut c = register();
    let fout = indicatorwaarden::zet_realisatie(&mut c, "3.8.1", 2024, Some(5.0), None, None)
        .expect_err("R");
    assert!(matches!(
        fout,
        IndicatorwaardeFout::RealisatieVoorBerekend(_)
    ));
    assert!(
        fout.to_string().contains("wordt uit het register berekend"),
        "{fout}"
    );
    let fout =
        indicatorwaarden::zet_begroot(&mut c, "9.9.9", 2024, Some(1.0), None).expect_err("code");
    assert_eq!(
        fout.to_string(),
        "'9.9.9' is geen indicator uit de catalogus en geen eigen indicator van de gemeente"
    );
    assert!(matches!(
        indicatorwaarden::zet_realisatie(&mut c, "1.10.1", 2024, None, Some("  "), None),
        Err(IndicatorwaardeFout::Leeg(_))
    ));
    assert!(matches!(
        indicatorwaarden::zet_begroot(&mut c, "1.10.1", 1800, Some(1.0), None),
        Err(IndicatorwaardeFout::Validatie(_))
    ));
    assert!(
        indicatorwaarden::lees(&c, 1800, 2200)
            .expect("lees")
            .is_empty()
    );
}

/// A value set or removed by a medewerker is in the audit log, in the same
/// transaction; a removal of nothing logs nothing.
#[test]
fn wijziging_door_een_medewerker_staat_in_het_auditlog() {
    use wijkregister::store::klantreis::Handeling;
    let mut c = wijkregister::store::open_in_memory().expect("open");
    let door = Handeling {
        medewerker: "mw-leider",
        tijdstip: "2026-11-26T10:00:00Z",
    };
    let waarde = wijkregister::domain::Indicatorwaarde {
        indicator: "3.8.1".into(),
        jaar: 2024,
        soort: WaardeSoort::Begroot,
        waarde: Some(40.0),
        tekst: None,
        bron: None,
    };
    indicatorwaarden::zet_als(&mut c, &waarde, Some(door)).expect("zet");
    assert!(
        indicatorwaarden::wis_als(&mut c, "3.8.1", 2024, WaardeSoort::Begroot, Some(door))
            .expect("wis")
    );
    assert!(
        !indicatorwaarden::wis_als(&mut c, "3.8.1", 2024, WaardeSoort::Begroot, Some(door))
            .expect("wis")
    );
    let rijen: Vec<(String, String, String)> = c
        .prepare("SELECT actor, actie, object FROM audit ORDER BY volgnummer")
        .expect("sql")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("rijen")
        .collect::<Result<_, _>>()
        .expect("rijen");
    let object = "indicatorwaarde:3.8.1:2024:begroot".to_owned();
    assert_eq!(
        rijen,
        [
            (
                "mw-leider".to_owned(),
                "wijzigen".to_owned(),
                object.clone()
            ),
            ("mw-leider".to_owned(), "verwijderen".to_owned(), object),
        ]
    );
}
