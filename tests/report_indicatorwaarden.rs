//! External values and targets in the store.

#![allow(clippy::expect_used, reason = "tests may panic")]

mod common_report;

use common_report::register;
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
        "'9.9.9' is geen indicator uit de catalogus"
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
