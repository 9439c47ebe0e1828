//! The app through `egui_kittest`, the way a user meets it: find widgets by
//! the label one reads, type, click, and check what is on screen.

#![allow(clippy::expect_used, reason = "tests may fail loudly")]

use crate::steun::d;
use crate::steun::ui::harness_van;
use crate::steun::vaste;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use wijkregister::store;
use wijkregister::ui::app::WijkregisterApp;

fn harness(app: WijkregisterApp) -> Harness<'static, WijkregisterApp> {
    harness_van(app, 1280.0, 800.0)
}

/// The fixture, seen by its wijkcoach `mw-1` (Wijkteam Noord), who also
/// holds a melding of each resident outside Noord, so all six are theirs to see.
fn app_met_fixture() -> Harness<'static, WijkregisterApp> {
    let mut conn = store::open_in_memory().expect("register");
    let mut b = vaste::bouwer();
    for inwoner in ["in-anna", "in-pieter", "in-lotte"] {
        b.melding(vaste::melding(
            &format!("me-{inwoner}"),
            inwoner,
            d(2025, 5, 1),
        ));
    }
    b.schrijf(&mut conn);
    let mut app = WijkregisterApp::new(conn, vaste::vandaag());
    app.werk_als("mw-1");
    let mut h = harness(app);
    h.run();
    h
}

/// An empty register, worked on by its beheerder (who may import and load demo data).
fn leeg_als_beheerder() -> Harness<'static, WijkregisterApp> {
    let mut conn = store::open_in_memory().expect("register");
    let mut b = vaste::Bouwer::default();
    b.medewerker(
        "mw-beh",
        "Bea Beheer",
        wijkregister::domain::Rol::Beheerder,
        None,
    );
    b.schrijf(&mut conn);
    let mut app = WijkregisterApp::new(conn, vaste::vandaag());
    app.werk_als("mw-beh");
    let mut h = harness(app);
    h.run();
    h
}

#[test]
fn zoek_inwoner_en_open_dossier() {
    let mut h = app_met_fixture();
    // All six residents are listed before searching; the cursor waits in the search field.
    h.get_by_label("6 inwoners gevonden.");
    assert!(
        h.get_by_label("Zoeken:").is_focused(),
        "de cursor staat niet in het zoekveld"
    );

    h.get_by_label("Zoeken:").click();
    h.run();
    h.get_by_label("Zoeken:").type_text("jan de v");
    h.run();
    h.get_by_label("1 inwoner gevonden.");
    assert!(
        h.query_by_label("Maria de Vries").is_none(),
        "Maria hoort niet bij 'jan de v'"
    );

    h.get_by_label("Jan de Vries").click();
    h.run();

    // The dossier: header, AVE level now (number and name), provision with its status.
    // Level 3 in the header and in the history; the planned change is marked as such.
    assert_eq!(
        h.query_all_by_label("Niveau 3 · Complex, vastgelopen of onveilig")
            .count(),
        2
    );
    h.get_by_label("sinds 01-02-2025");
    h.get_by_label("Niveau 1 · Enkelvoudige vraag");
    h.get_by_label("01-12-2025 (gepland)");
    h.get_by_label("111222333");
    h.get_by_label("01-03-1980");
    h.get_by_label("45 jaar");
    // As toekenning and as the provision asked for in the melding.
    assert_eq!(h.query_all_by_label("Begeleiding individueel").count(), 2);
    assert_eq!(h.query_all_by_label("Zorggroep Twente").count(), 3);
    h.get_by_label("lopend");
    h.get_by_label("wachtend (30 dagen sinds besluit)");
    h.get_by_label("beëindigd");
    h.get_by_label("afgewezen");
    h.get_by_label("Wijkkamer De Schakel");
    h.get_by_label("Maria de Vries (42 jaar)");

    // A household member's dossier opens from the dossier.
    h.get_by_label("Sem de Vries (12 jaar)").click();
    h.run();
    h.get_by_label("Sem de Vries");
    assert_eq!(
        h.query_all_by_label("Niveau 3 · Complex, vastgelopen of onveilig")
            .count(),
        2
    );
    h.get_by_label("Geen toekenningen.");

    // Back along what was opened: Jan's dossier, then the list.
    h.get_by_label("Terug naar het vorige dossier (Esc)")
        .click();
    h.run();
    h.get_by_label("Jan de Vries");
    h.get_by_label("Terug naar de lijst (Esc)").click();
    h.run();
    h.get_by_label("1 inwoner gevonden.");
}

#[test]
fn zoeken_op_bsn_en_geboortedatum_en_wijkteam() {
    let mut h = app_met_fixture();
    h.get_by_label("Zoeken:").click();
    h.run();
    h.get_by_label("Zoeken:").type_text("01-03-1980");
    h.run();
    h.get_by_label("2 inwoners gevonden.");
    h.get_by_label("Pieter Jansen");
    assert_eq!(h.query_all_by_label("01-03-1980 (45 jaar)").count(), 2);

    // Wijkteam filter.
    for _ in 0..10 {
        h.key_press(egui::Key::Backspace);
    }
    h.run();
    h.get_by_label("6 inwoners gevonden.");
    h.get_by_label("Wijkteam:").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Wijkteam Zuid")
        .click();
    h.run();
    h.get_by_label("2 inwoners gevonden.");
    h.get_by_label("Anna Dekker");

    // BSN.
    h.get_by_label("Zoeken:").click();
    h.run();
    h.get_by_label("Zoeken:").type_text("111222333");
    h.run();
    h.get_by_label("Geen inwoners gevonden.");
}

#[test]
fn enter_opent_het_eerste_dossier_en_esc_gaat_terug() {
    let mut h = app_met_fixture();
    h.get_by_label("Zoeken:").click();
    h.run();
    h.get_by_label("Zoeken:").type_text("dekker");
    h.run();
    h.get_by_label("1 inwoner gevonden.");
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label("geen AVE-niveau vastgelegd");
    h.get_by_label("Anna Dekker");
    h.key_press(egui::Key::Escape);
    h.run();
    h.get_by_label("1 inwoner gevonden.");
    assert!(
        h.get_by_label("Zoeken:").is_focused(),
        "na Esc staat de cursor weer in het zoekveld"
    );
}

#[test]
fn pijltjes_kiezen_een_inwoner() {
    let mut h = app_met_fixture();
    h.get_by_label("Zoeken:").click();
    h.run();
    // Jan, Maria and Sem de Vries, Anna Dekker, Lotte Devries.
    h.get_by_label("Zoeken:").type_text("de");
    h.run();
    h.get_by_label("5 inwoners gevonden.");
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::ArrowUp);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    // The second row: Maria's dossier, with Jan and Sem as household members.
    h.get_by_label("Maria de Vries");
    h.get_by_label("Jan de Vries (45 jaar)");
}

#[test]
fn sociale_kaart_toont_voorzieningen_en_contracten() {
    let mut h = app_met_fixture();
    h.get_by_label("Sociale kaart").click();
    h.run();
    h.get_by_label("Begeleiding individueel");
    h.get_by_label("02 Begeleiding");
    h.get_by_label("Dagstructurering, Wijkkamer");
    h.get_by_label("Contracten (3)").click();
    h.run();
    // ct-oud ended in 2022, the others run on 01-06-2025.
    assert_eq!(h.query_all_by_label("nee").count(), 1);
    assert_eq!(h.query_all_by_label("ja").count(), 2);

    // Filter on law: only the Jeugdwet provision and contract remain.
    h.get_by_label("Wet:").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Jeugdwet")
        .click();
    h.run();
    h.get_by_label("Voorzieningen (1)");
    h.get_by_label("Contracten (1)");
}

#[test]
fn leeg_register_toont_welkom() {
    let h = leeg_als_beheerder();
    h.get_by_label("Welkom bij wijkregister");
    h.get_by_label("Demogegevens laden");
    h.get_by_label("Pad naar het bestand:");
}

#[test]
fn demogegevens_laden_toont_de_uitkomst() {
    let mut h = leeg_als_beheerder();
    h.get_by_label("Demogegevens laden").click();
    h.run();
    // Either the generator worked (the welcome gives way to the list) or its error is shown.
    let gelukt = h.query_by_label_contains("Demogegevens geladen").is_some();
    let mislukt = h.query_by_label("Demogegevens laden is mislukt").is_some();
    assert!(
        gelukt ^ mislukt,
        "de uitkomst van het laden staat niet (precies één keer) op het scherm"
    );
}

#[test]
fn importfout_bij_onbekend_pad_wordt_getoond() {
    let mut h = leeg_als_beheerder();
    h.get_by_label("Beheer").click();
    h.run();
    h.get_by_label("Pad naar het bestand:").click();
    h.run();
    h.get_by_label("Pad naar het bestand:")
        .type_text("/bestaat/niet/register.jsonl");
    h.run();
    h.get_by_label("Importeren").click();
    h.run();
    h.get_by_label("Import mislukt: er is niets opgeslagen");
    h.get_by_label(
        "Het bestand /bestaat/niet/register.jsonl bestaat niet: controleer het pad of kies Bladeren…",
    );
    assert_eq!(
        h.query_all_by_label_contains("bestaat niet").count(),
        1,
        "de fout staat precies één keer op het scherm"
    );
}

#[test]
fn importfout_uit_het_bestand_wordt_getoond() {
    let dir = tempfile::tempdir().expect("tijdelijke map");
    let pad = dir.path().join("fout.jsonl");
    std::fs::write(&pad, "dit is geen json\n").expect("schrijven");
    let mut h = leeg_als_beheerder();
    h.get_by_label("Pad naar het bestand:").click();
    h.run();
    h.get_by_label("Pad naar het bestand:")
        .type_text(&pad.display().to_string());
    h.run();
    h.get_by_label("Importeren").click();
    h.run();
    h.get_by_label("Import mislukt: er is niets opgeslagen");
    // Nothing was stored: the welcome of the empty register stays.
    h.get_by_label("Welkom bij wijkregister");
}

/// On a register file the search runs on its own thread: a frame never
/// waits for it. While it runs the screen says "zoeken…" (never a count of
/// an older question), and when the user typed on meanwhile, the newest
/// question is the one answered.
#[test]
fn zoeken_op_een_registerbestand_houdt_het_venster_niet_op() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pad = dir.path().join("register.sqlite");
    let mut conn = store::open(&pad).expect("register");
    vaste::bouwer().schrijf(&mut conn);
    let mut app = WijkregisterApp::met_register(
        wijkregister::gateway::Gateway::new(conn, Some(pad.clone())),
        vaste::vandaag(),
    );
    app.werk_als("mw-1");
    let mut h = harness(app);
    let kijk = |h: &Harness<'static, WijkregisterApp>| {
        if h.state().zoekt() {
            h.get_by_label("zoeken…");
            assert!(h.query_by_label_contains("gevonden").is_none());
        }
    };
    h.step();
    kijk(&h);
    crate::steun::ui::wacht_op_zoeken(&mut h);
    // Jan, Maria and Sem de Vries of Wijkteam Noord.
    h.get_by_label("3 inwoners gevonden.");
    // Typed in two goes, without waiting in between.
    h.get_by_label("Zoeken:").click();
    h.step();
    h.get_by_label("Zoeken:").type_text("ma");
    h.step();
    kijk(&h);
    h.get_by_label("Zoeken:").type_text("ria de");
    h.step();
    kijk(&h);
    crate::steun::ui::wacht_op_zoeken(&mut h);
    assert_eq!(
        h.get_by_label("Zoeken:").value().as_deref(),
        Some("maria de")
    );
    h.get_by_label("1 inwoner gevonden.");
    h.get_by_label("Maria de Vries");
    assert!(h.query_by_label("Jan de Vries").is_none());
}

/// Issue #13: the list shows its first page (50 rows) at once and says
/// there is more; moving down to the end of the rows loaded asks the next
/// page, and the last page ends with the count of all.
#[test]
fn lange_lijst_komt_per_pagina() {
    let mut conn = store::open_in_memory().expect("register");
    let mut b = vaste::bouwer();
    for n in 0..120 {
        b.inwoner(
            &format!("in-extra-{n:03}"),
            "Kees",
            &format!("Achterberg {n:03}"),
            d(1970, 1, 1),
            None,
            &format!("hh-extra-{n:03}"),
            Some("wt-noord"),
        );
    }
    b.schrijf(&mut conn);
    let mut app = WijkregisterApp::new(conn, vaste::vandaag());
    app.werk_als("mw-1");
    let mut h = harness(app);
    h.run();
    h.get_by_label("50 inwoners getoond; scroll omlaag voor meer.");
    assert_eq!(
        h.state_mut().inwoners_mut().expect("sessie").aantal_rijen(),
        50
    );
    // The rows come in name order: the first page starts with the first name.
    h.get_by_label("Kees Achterberg 000");
    // Down to the last row loaded: the next page is asked and appended.
    for _ in 0..60 {
        h.key_press(egui::Key::ArrowDown);
        h.run();
    }
    let geladen = h.state_mut().inwoners_mut().expect("sessie").aantal_rijen();
    assert!(geladen >= 100, "{geladen} rijen na omlaag scrollen");
    for _ in 0..80 {
        h.key_press(egui::Key::ArrowDown);
        h.run();
    }
    // Every resident Noord's wijkcoach sees: the 120 and the fixture's own.
    let alle = h.state_mut().inwoners_mut().expect("sessie").aantal_rijen();
    h.get_by_label(&format!("{alle} inwoners gevonden."));
    assert!(alle >= 120, "{alle}");
    h.get_by_label("Kees Achterberg 119");
}
