//! Layout at 1280×800 (issue 14 points 4 and 5): a long question wraps in
//! its column and the page keeps its buttons in view; typing in a
//! multi-line field does not move the fields and buttons around it.

#![allow(clippy::expect_used, reason = "tests may fail loudly")]

use crate::steun::d;
use crate::steun::klantreis::{INTAKER, h, melding, register};
use crate::steun::ui::{harness_van, klik, y};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use wijkregister::domain::Wet;
use wijkregister::store::klantreis as kr;
use wijkregister::ui::app::WijkregisterApp;

/// Miriam's melding with `vraag`, opened by the intaker in a 1280×800 window.
fn melding_open(vraag: &str) -> Harness<'static, WijkregisterApp> {
    let conn = register();
    let mut m = melding("I-MIRIAM", d(2026, 11, 26), Some(Wet::Wmo));
    vraag.clone_into(&mut m.vraag);
    kr::melding_toevoegen(&conn, h(INTAKER), &m).expect("melding");
    let mut app = WijkregisterApp::new(conn, d(2026, 11, 26));
    app.werk_als(INTAKER);
    let mut h = harness_van(app, 1280.0, 800.0);
    h.run();
    klik(&mut h, "Miriam de Vries");
    h.get_by_role_and_label(egui::accesskit::Role::Link, "26-11-2026")
        .click();
    h.run();
    h.get_by_label_contains("Melding van Miriam de Vries");
    h
}

#[test]
fn knoppen_blijven_staan_terwijl_de_notitie_groeit() {
    let mut h = melding_open("Ik kom er niet meer uit.");
    let knop = h.get_by_label("Stap opslaan").rect();
    let datum = y(&h, "Datum stap:");
    h.get_by_label("Notitie:").click();
    h.run();
    for n in 0..25 {
        h.get_by_label("Notitie:").type_text(&format!(
            "Regel {n} van een lang verslag van het gesprek.\n"
        ));
        h.run();
        assert_eq!(
            h.get_by_label("Stap opslaan").rect(),
            knop,
            "de knop verschuift na regel {n}"
        );
        assert!((y(&h, "Datum stap:") - datum).abs() < 0.5);
    }
    let waarde = h.get_by_label("Notitie:").value().unwrap_or_default();
    assert_eq!(waarde.lines().count(), 25, "alles is getypt");
}

#[test]
fn lange_vraag_blijft_binnen_het_scherm() {
    let vraag =
        "De huur is al drie maanden niet betaald en de post blijft ongeopend liggen. ".repeat(27);
    assert!(vraag.chars().count() >= 2_000);
    let h = melding_open(&vraag);
    for knop in ["Stap opslaan", "Vraag:"] {
        let r = h.get_by_label(knop).rect();
        assert!(r.right() <= 1280.0, "{knop} valt buiten beeld: {r:?}");
    }
    // The step bar's last tile is in view.
    let tegel = h.get_by_label("7 Afsluiting").rect();
    assert!(
        tegel.right() <= 1280.0,
        "stappenbalk valt buiten beeld: {tegel:?}"
    );
    // The question shows wrapped, not cut: its whole text is on screen.
    assert!(h.query_by_label(vraag.trim_end()).is_some() || h.query_by_label(&vraag).is_some());
}
