//! The Rapportage screen through `egui_kittest` on an in-memory register
//! with a fixed "today" (26-11-2026): the Done-when (the team lead
//! opens Rapportage, picks 2023–2024, unfolds 3.3.1, enters a target for
//! 3.8.1 and sees it next to the realised value), a rate without
//! population shown as "n.b." with its reason, the CSV export, and the
//! explanation for roles that do not see reports.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "tests may fail loudly"
)]

use crate::steun::rapport::{aanbieder, inwoner, maatwerk, register, tk, voeg};
use crate::steun::ui::harness_van;
use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use rusqlite::Connection;
use wijkregister::domain::{Medewerker, Record, Rol, WaardeSoort};
use wijkregister::ui::app::WijkregisterApp;

const LEIDER: &str = "MW-LEIDER";
const INTAKER: &str = "MW-INTAKER";

fn vandaag() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("datum")
}

/// Wmo huishoudelijke hulp by provider A-01 for one resident from 2023
/// (a row of the 3.3.1 breakdown), and beschermd wonen (categorie 15) for
/// two residents from 2024 (3.8.1 is 2 in 2024). No population figures.
fn fixture() -> Connection {
    let mut conn = register();
    let mut hh = tk("T-HH", "I-1", "V-HH", Some("2023-03-01"), None);
    hh.aanbieder = Some("A-01".into());
    voeg(
        &mut conn,
        vec![
            Record::Medewerker(Medewerker {
                id: LEIDER.into(),
                naam: "Tessa Leider".into(),
                rol: Rol::Teamleider,
                wijkteam: None,
            }),
            Record::Medewerker(Medewerker {
                id: INTAKER.into(),
                naam: "Ivo Intaker".into(),
                rol: Rol::Intaker,
                wijkteam: None,
            }),
            inwoner("I-1", "1950-01-01", "Almelo"),
            inwoner("I-2", "1980-01-01", "Almelo"),
            inwoner("I-3", "1990-01-01", "Almelo"),
            aanbieder("A-01"),
            maatwerk("V-HH", "wmo", Some("11"), &[]),
            maatwerk("V-BW", "wmo", Some("15"), &[]),
            Record::Toekenning(hh),
            Record::Toekenning(tk("T-BW2", "I-2", "V-BW", Some("2024-02-01"), None)),
            Record::Toekenning(tk("T-BW3", "I-3", "V-BW", Some("2024-05-01"), None)),
        ],
    );
    conn
}

fn harness(werk_als: &str) -> Harness<'static, WijkregisterApp> {
    let mut app = WijkregisterApp::new(fixture(), vandaag());
    app.werk_als(werk_als);
    let mut h = harness_van(app, 1600.0, 4000.0);
    h.run();
    h.get_by_label("Rapportage").click();
    h.run();
    h
}

/// Replaces the text of the field labelled `label`.
fn typ(h: &mut Harness<'static, WijkregisterApp>, label: &str, tekst: &str) {
    h.get_by_label(label).click();
    h.run();
    h.key_press(egui::Key::End);
    for _ in 0..12 {
        h.key_press(egui::Key::Backspace);
    }
    h.get_by_label(label).type_text(tekst);
    h.run();
}

fn bereken(h: &mut Harness<'static, WijkregisterApp>, van: &str, tot: &str) {
    typ(h, "Van jaar", van);
    typ(h, "Tot en met jaar", tot);
    h.get_by_label("Berekenen").click();
    h.run();
}

#[test]
fn teamleider_kiest_jaren_ontvouwt_en_voert_begroot_in() {
    let mut h = harness(LEIDER);
    bereken(&mut h, "2023", "2024");
    h.get_by_label("Begroot 2023");
    h.get_by_label("Begroot 2024");
    h.get_by_label(
        "Strategisch doel 3: Ontwikkelen efficiënte en effectieve maatwerkvoorzieningen",
    );

    // 3.3.1 unfolds into its breakdown: provision and provider by name.
    let rij = "3.3.1 Voorziening V-HH — Aanbieder A-01";
    assert!(h.query_by_label(&format!("{rij} 2024: 1")).is_none());
    h.get_by_label("+ 3.3.1").click();
    h.run();
    h.get_by_label("– 3.3.1");
    h.get_by_label(&format!("{rij} 2023: 1"));
    h.get_by_label(&format!("{rij} 2024: 1"));

    // 3.8.1: realised 2 in 2024, no target yet.
    h.get_by_label("3.8.1 2024: 2");
    h.get_by_label("3.8.1 2023: 0");
    h.get_by_label("3.8.1 Begroot 2024: –");

    // Enter a target through the form of the selected indicator.
    h.get_by_label("3.8.1").click();
    h.run();
    h.get_by_label("Waarde invoeren");
    typ(&mut h, "Jaar", "2024");
    typ(&mut h, "Waarde", "1.250");
    h.get_by_label("Opslaan").click();
    h.run();
    h.get_by_label("Begroot 2024 voor 3.8.1 opgeslagen: 1.250");

    // The target stands next to the realised value in the 3.8.1 row.
    h.get_by_label("3.8.1 Begroot 2024: 1.250");
    h.get_by_label("3.8.1 2024: 2");
    h.get_by_label("3.8.1 Begroot 2023: –");

    // And it is stored.
    let waarden = opgeslagen(&h);
    let begroot: Vec<_> = waarden
        .iter()
        .filter(|w| w.indicator == "3.8.1" && w.soort == WaardeSoort::Begroot)
        .collect();
    assert_eq!(begroot.len(), 1);
    assert_eq!(begroot[0].jaar, 2024);
    assert_eq!(begroot[0].waarde, Some(1250.0));
}

/// The stored indicator values of the app's register.
fn opgeslagen(h: &Harness<'static, WijkregisterApp>) -> Vec<wijkregister::domain::Indicatorwaarde> {
    h.state()
        .loket()
        .lees_indicatorwaarden(2000, 2100)
        .expect("indicatorwaarden")
}

#[test]
fn ongeldige_invoer_meldt_fout_en_verliest_niets() {
    let mut h = harness(LEIDER);
    bereken(&mut h, "2023", "2024");
    h.get_by_label("3.8.1").click();
    h.run();
    typ(&mut h, "Jaar", "twintig");
    typ(&mut h, "Waarde", "veel");
    h.get_by_label("Opslaan").click();
    h.run();
    h.get_by_label("'twintig' is geen jaartal; typ bijvoorbeeld 2024");
    h.get_by_label("'veel' is geen getal; typ bijvoorbeeld 1.250 of 12,5");
    // What was typed stays.
    assert_eq!(
        h.get_by_label("Waarde").value().as_deref(),
        Some("veel"),
        "the typed value is kept"
    );
    assert!(opgeslagen(&h).is_empty());
    // A realised value cannot be chosen for a computed indicator.
    assert!(
        h.get_by_label("Gerealiseerd (extern)")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn tarief_zonder_bevolking_toont_nb_met_reden() {
    let mut h = harness(LEIDER);
    bereken(&mut h, "2023", "2024");
    h.get_by_label("bbv-wmo 2024: n.b.");
    h.get_by_label("bbv-wmo").click();
    h.run();
    h.get_by_label("n.b.: geen bevolking voor 2024");
    h.get_by_label("n.b.: geen bevolking voor 2023");
}

#[test]
fn export_schrijft_csv_en_toont_pad() {
    let map = tempfile::tempdir().expect("tempdir");
    let pad = map.path().join("monitoring.csv");
    let mut h = harness(LEIDER);
    bereken(&mut h, "2023", "2024");
    typ(&mut h, "Exportbestand", &pad.display().to_string());
    h.get_by_label("Exporteren als CSV").click();
    h.run();
    h.get_by_label(&format!("Export geschreven naar {}", pad.display()));
    let inhoud = std::fs::read(&pad).expect("csv geschreven");
    let tekst = String::from_utf8(inhoud).expect("utf-8");
    assert!(tekst.starts_with('\u{feff}'), "CSV begint met een BOM");
    assert!(
        tekst.contains("Begroot 2023;2023;Begroot 2024;2024"),
        "{tekst}"
    );
}

#[test]
fn andere_rol_ziet_geen_rapportage_en_het_register_weigert() {
    let mut app = WijkregisterApp::new(fixture(), vandaag());
    app.werk_als(INTAKER);
    let mut h = harness_van(app, 1600.0, 1000.0);
    h.run();
    assert!(
        h.query_by_role_and_label(egui::accesskit::Role::Button, "Rapportage")
            .is_none()
    );
    assert!(h.query_by_label("Berekenen").is_none());
    let fout = h
        .state()
        .loket()
        .bereken_rapport(2024, 2024, &mut |_, _| {})
        .unwrap_err();
    assert!(fout.to_string().contains("mag rapportages"), "{fout}");
}

#[test]
fn het_scherm_opent_met_de_cijfers_van_de_voorgestelde_jaren() {
    // No click on Berekenen: the three years up to this year are computed on
    // opening (their columns fit 1280 px).
    let h = harness(LEIDER);
    assert!(
        h.query_by_label("Kies de jaren en klik op Berekenen om de indicatoren te zien.")
            .is_none()
    );
    h.get_by_label("3.8.1 2024: 2");
    h.get_by_label("Begroot 2024");
    h.get_by_label("Begroot 2026");
    assert!(h.query_by_label("Begroot 2023").is_none());
}

/// (#16) The wijkteam choice: a teamleider sees the municipality and their
/// own team, not another team; the team's figures count its residents, and
/// a rate has no team value.
#[test]
fn teamleider_kiest_gemeente_of_eigen_wijkteam() {
    let mut conn = fixture();
    voeg(
        &mut conn,
        vec![
            Record::Wijkteam(wijkregister::domain::Wijkteam {
                id: "WT-A".into(),
                naam: "Wijkteam Aa".into(),
            }),
            Record::Wijkteam(wijkregister::domain::Wijkteam {
                id: "WT-B".into(),
                naam: "Wijkteam Bb".into(),
            }),
        ],
    );
    conn.execute_batch(
        "UPDATE medewerker SET wijkteam = 'WT-A' WHERE id = 'MW-LEIDER';
         UPDATE inwoner SET wijkteam = 'WT-A' WHERE id IN ('I-1', 'I-2');
         UPDATE inwoner SET wijkteam = 'WT-B' WHERE id = 'I-3';",
    )
    .expect("teams");
    let mut app = WijkregisterApp::new(conn, vandaag());
    app.werk_als(LEIDER);
    let mut h = harness_van(app, 1600.0, 4000.0);
    h.run();
    h.get_by_label("Rapportage").click();
    h.run();
    bereken(&mut h, "2024", "2024");
    h.get_by_label("Cijfers van: Hele gemeente");
    h.get_by_label("3.8.1 2024: 2");

    h.get_by_label("Voor").click();
    h.run();
    assert!(h.query_by_label("Wijkteam Bb").is_none(), "een ander team");
    h.get_by_label("Wijkteam Aa").click();
    h.run();
    for _ in 0..50 {
        h.run();
        if h.query_by_label("Cijfers van: Wijkteam Aa").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.get_by_label("Cijfers van: Wijkteam Aa");
    // Beschermd wonen: only I-2 is of team A.
    h.get_by_label("3.8.1 2024: 1");
    // The gateway refuses another team's report for this teamleider.
    let fout = h
        .state()
        .loket()
        .bereken_rapport_voor(2024, 2024, Some("WT-B"), &mut |_, _| {})
        .expect_err("ander team");
    assert!(fout.to_string().contains("eigen wijkteam"), "{fout}");
}

/// (#16 point 5) A teamleider adds an own indicator in the Rapportage
/// screen: a catalogue code is refused beside the field with what was typed
/// kept; a good one is stored and appears in the table.
#[test]
fn teamleider_voegt_een_eigen_indicator_toe() {
    let mut h = harness(LEIDER);
    bereken(&mut h, "2024", "2024");
    h.get_by_label("Eigen indicator van de gemeente toevoegen")
        .click();
    h.run();
    typ(&mut h, "Code van de indicator", "3.8.1");
    typ(
        &mut h,
        "Naam van de indicator",
        "Aantal jeugdigen bij de POH-jeugd",
    );
    typ(&mut h, "Bron van de indicator", "Registratie POH-jeugd");
    h.get_by_label("Indicator toevoegen").click();
    h.run();
    h.run();
    assert!(
        h.query_by_label_contains("is een code uit de catalogus")
            .is_some(),
        "de fout staat bij het veld"
    );
    assert_eq!(
        h.get_by_label("Naam van de indicator").value().as_deref(),
        Some("Aantal jeugdigen bij de POH-jeugd"),
        "wat getypt is blijft staan"
    );
    typ(&mut h, "Code van de indicator", "eigen-poh");
    h.get_by_label("Indicator toevoegen").click();
    h.run();
    for _ in 0..50 {
        h.run();
        if h.query_by_label_contains("eigen-poh 2024").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.get_by_label_contains("Indicator eigen-poh toegevoegd");
    assert!(
        h.query_by_label_contains("eigen-poh 2024").is_some(),
        "de eigen indicator staat in de tabel"
    );
    let conn = h.state().loket();
    assert_eq!(
        conn.lees_indicatorwaarden(2024, 2024).expect("lees").len(),
        0,
        "nog geen waarden"
    );
}

/// (#16 point 4) The button "PDF voor de raad" writes the report of the
/// chosen years as a PDF to the typed path.
#[test]
fn pdf_voor_de_raad_vanuit_het_scherm() {
    let mut h = harness(LEIDER);
    bereken(&mut h, "2023", "2024");
    let map = tempfile::tempdir().expect("map");
    let pad = map.path().join("raad");
    typ(&mut h, "Exportbestand", pad.to_str().expect("pad"));
    h.get_by_label("PDF voor de raad").click();
    for _ in 0..100 {
        h.run();
        if h.query_by_label_contains("Export geschreven naar")
            .is_some()
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.get_by_label_contains("Export geschreven naar");
    let bytes = std::fs::read(map.path().join("raad.pdf")).expect("pdf");
    assert!(bytes.starts_with(b"%PDF"), "een PDF");
}
