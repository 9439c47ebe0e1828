//! Text fields cap their length: typing or pasting past the cap is refused,
//! so no form holds more than the store would take.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use crate::steun::d;
use crate::steun::klantreis;
use crate::steun::ui::harness_van;
use crate::steun::vaste;
use egui_kittest::kittest::Queryable;
use wijkregister::gateway::{Gateway, Klok};
use wijkregister::store;
use wijkregister::ui::app::WijkregisterApp;
use wijkregister::ui::widgets::lengte;

#[test]
fn zoekveld_weigert_tekst_boven_de_grens() {
    let mut conn = store::open_in_memory().expect("open");
    vaste::bouwer().schrijf(&mut conn);
    let mut app = WijkregisterApp::met_register(Gateway::new(conn, None), vaste::vandaag());
    app.werk_als("mw-1");
    let mut h = harness_van(app, 1280.0, 800.0);
    h.run();
    h.get_by_label("Zoeken:").click();
    h.run();
    h.get_by_label("Zoeken:")
        .type_text(&"a".repeat(lengte::ZOEKTEKST + 50));
    h.run();
    let waarde = h.get_by_label("Zoeken:").value().unwrap_or_default();
    assert_eq!(waarde.chars().count(), lengte::ZOEKTEKST);
}

#[test]
fn gebruikersnaam_bij_eerste_start_weigert_tekst_boven_de_grens() {
    let conn = store::open_in_memory().expect("open");
    let app = WijkregisterApp::met_inloggen(
        Gateway::new(conn, None),
        vaste::vandaag(),
        Klok::lokaal(|| vaste::vandaag().and_hms_opt(9, 0, 0).unwrap()),
    );
    let mut h = harness_van(app, 1280.0, 800.0);
    h.run();
    h.get_by_label("Naam").click();
    h.run();
    // Typed in two goes: of the second only what fits is taken.
    h.get_by_label("Naam")
        .type_text(&"é".repeat(lengte::NAAM - 1));
    h.run();
    h.get_by_label("Naam").type_text("xyz");
    h.run();
    let waarde = h.get_by_label("Naam").value().unwrap_or_default();
    assert_eq!(waarde.chars().count(), lengte::NAAM);
    assert!(waarde.ends_with("éx"), "{waarde}");
}

#[test]
fn meerregelig_notitieveld_weigert_tekst_boven_de_grens() {
    let mut app = WijkregisterApp::new(klantreis::register(), d(2026, 11, 26));
    app.werk_als(klantreis::INTAKER);
    let mut h = harness_van(app, 1400.0, 2000.0);
    h.run();
    h.get_by_label("Miriam de Vries").click();
    h.run();
    h.get_by_label("Nieuwe melding").click();
    h.run();
    let veld = "Vraag (in de woorden van de inwoner):";
    h.get_by_label(veld).click();
    h.run();
    h.get_by_label(veld)
        .type_text(&"woord ".repeat(lengte::LANGE_TEKST / 6 + 100));
    h.run();
    let waarde = h.get_by_label(veld).value().unwrap_or_default();
    assert_eq!(waarde.chars().count(), lengte::LANGE_TEKST);
}
