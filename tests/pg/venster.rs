//! The window on a shared register (issue #17): the door of the app on
//! PostgreSQL through `egui_kittest`, as two desktops on one database.
//! What is not yet on PostgreSQL says so on screen and changes nothing.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use chrono::NaiveDateTime;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use wijkregister::gateway::{Gateway, Klok};
use wijkregister::store::audit::Verificatie;
use wijkregister::store::{accounts, pg};
use wijkregister::ui::app::WijkregisterApp;

use crate::proefdb;

/// The password of the test accounts.
pub const WW: &str = "lange-zin-met-paard-7";

/// The fixed moment of these tests.
pub fn nu() -> NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 7)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

/// The app of one desktop on the register at `adres` (made when empty),
/// in a window of 1280 × `hoogte`.
pub fn desktop(
    adres: &pg::PgAdres,
    sleutel: &std::path::Path,
    hoogte: f32,
) -> Harness<'static, WijkregisterApp> {
    let gateway = Gateway::open_postgres(adres, Some(sleutel), true).expect("register");
    let app = WijkregisterApp::met_inloggen(gateway, nu().date(), Klok::lokaal(nu));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, hoogte))
        .build_ui_state(|ui, app: &mut WijkregisterApp| app.ui(ui), app);
    h.run();
    h
}

fn typ(h: &mut Harness<'static, WijkregisterApp>, veld: &str, tekst: &str) {
    h.get_by_label(veld).click();
    h.run();
    h.get_by_label(veld).type_text(tekst);
    h.run();
}

#[test]
fn twee_desktops_op_een_gedeeld_register() {
    let db = proefdb!("twee_desktops_op_een_gedeeld_register");
    let sleutels = tempfile::tempdir().unwrap();
    let sleutel = sleutels.path().join("sleutel");

    // Desktop 1: the first start on an empty database makes the register
    // and its first beheerder.
    let mut een = desktop(&db.adres, &sleutel, 800.0);
    een.get_by_label("Eerste beheerder aanmaken");
    typ(&mut een, "Naam", "Bea Beheer");
    typ(&mut een, "Gebruikersnaam", "bea");
    typ(&mut een, "Wachtwoord (minstens 12 tekens)", WW);
    typ(&mut een, "Wachtwoord herhalen", WW);
    een.get_by_label("Beheerder aanmaken").click();
    een.run();
    een.run();
    een.get_by_label("Ingelogd als Bea Beheer (beheerder)");

    // Desktop 2, at the same time: the register has an account now, so it
    // shows the login, and a wrong password is refused as on SQLite.
    let mut twee = desktop(&db.adres, &sleutel, 800.0);
    assert!(twee.query_by_label("Eerste beheerder aanmaken").is_none());
    typ(&mut twee, "Gebruikersnaam", "bea");
    typ(&mut twee, "Wachtwoord", "dit-is-het-niet-123");
    twee.key_press(egui::Key::Enter);
    twee.run();
    twee.run();
    twee.get_by_label("Gebruikersnaam of wachtwoord onjuist.");
    twee.get_by_label("Wachtwoord").click();
    twee.run();
    twee.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    twee.run();
    twee.get_by_label("Wachtwoord").type_text(WW);
    twee.run();
    twee.key_press(egui::Key::Enter);
    twee.run();
    twee.run();
    twee.get_by_label("Ingelogd als Bea Beheer (beheerder)");

    // Both desktops wrote into one audit chain, and it verifies.
    let register = pg::open_register(&db.adres, Some(&sleutel), false).unwrap();
    let lijst = accounts::lijst(&register).unwrap();
    assert_eq!(lijst.len(), 1);
    assert_eq!(lijst[0].gebruikersnaam, "bea");
    let acties: Vec<String> = wijkregister::store::db::Db::from(&register)
        .query_map("SELECT actie FROM audit ORDER BY volgnummer", &[], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(
        acties,
        ["eerste-beheerder-aanmaken", "inloggen-mislukt", "inloggen"]
    );
    assert_eq!(
        pg::audit::verifieer_verbinding(&register).unwrap(),
        Verificatie::Intact { regels: 3 }
    );
}
