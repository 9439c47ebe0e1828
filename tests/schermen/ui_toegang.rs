//! Roles and access in the UI (issue #6, item 2), through `egui_kittest`:
//! each role sees the screens and residents its rules allow, and a
//! dossier out of reach is refused (and logged) even when a link to it is on
//! the screen. The store-level proof of the same rules is `tests/opslag/toegang.rs`.

#![allow(clippy::expect_used, clippy::unwrap_used, reason = "tests fail loudly")]

use crate::steun::d;
use crate::steun::ui::harness_van;
use crate::steun::vaste::{self, vandaag};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use wijkregister::domain::Rol;
use wijkregister::gateway::Gateway;
use wijkregister::store::{self, StoreFout};
use wijkregister::ui::app::{Scherm, WijkregisterApp};

/// The fixture plus Kees Dekker, who lives with Anna (Zuid) but is
/// registered with Wijkteam Noord, and one medewerker of each role.
fn harness(als: &str) -> Harness<'static, WijkregisterApp> {
    harness_op(als, store::open_in_memory().unwrap(), None)
}

/// The same on a register file, so a test can read what the app logged.
fn harness_op(
    als: &str,
    mut conn: rusqlite::Connection,
    pad: Option<std::path::PathBuf>,
) -> Harness<'static, WijkregisterApp> {
    let mut b = vaste::bouwer();
    b.inwoner(
        "in-kees",
        "Kees",
        "Dekker",
        d(1950, 4, 4),
        None,
        "hh-2",
        Some("wt-noord"),
    )
    .medewerker("mw-zuid", "Sanne Zuidema", Rol::Intaker, Some("wt-zuid"))
    .medewerker("mw-pm", "Paula Proces", Rol::Procesmanager, Some("wt-zuid"))
    .medewerker("mw-tl", "Tom Leider", Rol::Teamleider, Some("wt-noord"))
    .medewerker("mw-beh", "Bea Heer", Rol::Beheerder, None);
    b.schrijf(&mut conn);
    let mut app = WijkregisterApp::met_register(Gateway::new(conn, pad), vandaag());
    app.werk_als(als);
    let mut h = harness_van(app, 1280.0, 800.0);
    h.run();
    crate::steun::ui::wacht_op_zoeken(&mut h);
    h
}

fn navigatie(h: &Harness<'static, WijkregisterApp>) -> Vec<&'static str> {
    Scherm::ALLE
        .into_iter()
        .map(Scherm::naam)
        .filter(|naam| {
            h.query_by_role_and_label(egui::accesskit::Role::Button, naam)
                .is_some()
        })
        .collect()
}

#[test]
fn een_intaker_ziet_alleen_de_inwoners_van_het_eigen_wijkteam() {
    let mut h = harness("mw-zuid");
    assert_eq!(navigatie(&h), ["Werkvoorraad", "Inwoners", "Sociale kaart"]);
    h.get_by_label("2 inwoners gevonden.");
    h.get_by_label("Anna Dekker");
    h.get_by_label("Pieter Jansen");
    assert!(h.query_by_label("Jan de Vries").is_none());
    // Typing the name of a resident of Noord finds nothing.
    h.get_by_label("Zoeken:").click();
    h.run();
    h.get_by_label("Zoeken:").type_text("de vries");
    h.run();
    h.get_by_label("Geen inwoners gevonden.");
}

#[test]
fn een_dossier_buiten_bereik_wordt_geweigerd_en_vastgelegd() {
    let map = tempfile::tempdir().unwrap();
    let pad = map.path().join("register.sqlite");
    let mut h = harness_op("mw-zuid", store::open(&pad).unwrap(), Some(pad.clone()));
    h.get_by_label("Anna Dekker").click();
    h.run();
    let kop = h.get_by_label("Anna Dekker").rect();
    // Kees lives with Anna, so the dossier links to him; he belongs to Noord.
    h.get_by_label_contains("Kees Dekker").click();
    h.run();
    h.get_by_label_contains("Geen toegang tot het dossier van inwoner in-kees");
    // The refusal shows over the screen: Anna's dossier does not move.
    assert_eq!(h.get_by_label("Anna Dekker").rect(), kop);
    let conn = h.state().loket();
    let fout = conn.dossier("in-kees").unwrap_err();
    assert!(matches!(fout, StoreFout::GeenToegang(_)), "{fout}");
    let rijen = store::audit::lees(
        &store::open(&pad).unwrap(),
        &store::audit::AuditFilter::default(),
        10,
    )
    .unwrap();
    assert!(
        rijen.iter().any(|r| r.actor == "mw-zuid"
            && r.object.as_deref() == Some("inwoner:in-kees")
            && r.resultaat == "geweigerd"),
        "{rijen:?}"
    );
}

#[test]
fn een_procesmanager_ziet_ook_huishoudens_op_niveau_3() {
    let h = harness("mw-pm");
    assert_eq!(
        navigatie(&h),
        ["Werkvoorraad", "Inwoners", "Sociale kaart", "AVE-overzicht"]
    );
    // Zuid (Anna, Pieter, and Kees who lives with Anna is Noord: not his) plus
    // the De Vries household at level 3 on 01-06-2025.
    h.get_by_label("5 inwoners gevonden.");
    h.get_by_label("Jan de Vries");
    assert!(h.query_by_label("Kees Dekker").is_none());
}

#[test]
fn een_teamleider_ziet_het_eigen_team_en_de_rapportage() {
    let mut h = harness("mw-tl");
    assert_eq!(
        navigatie(&h),
        [
            "Werkvoorraad",
            "Inwoners",
            "Sociale kaart",
            "AVE-overzicht",
            "Rapportage"
        ]
    );
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Inwoners")
        .click();
    h.run();
    // Jan, Maria, Sem de Vries and Kees Dekker.
    h.get_by_label("4 inwoners gevonden.");
    assert!(h.query_by_label("Anna Dekker").is_none());
}

#[test]
fn een_beheerder_ziet_geen_inwoners_wel_beheer_en_rapportage() {
    let h = harness("mw-beh");
    assert_eq!(navigatie(&h), ["Sociale kaart", "Rapportage", "Beheer"]);
    assert_eq!(h.state().scherm(), Scherm::SocialeKaart);
    assert!(h.query_by_label("Zoeken:").is_none());
    let fout = h
        .state()
        .loket()
        .zoek_inwoners(&store::inwoners::Zoekvraag::default())
        .unwrap_err();
    assert!(matches!(fout, StoreFout::GeenToegang(_)), "{fout}");
}

#[test]
fn een_intaker_krijgt_geen_rapport_en_beheert_de_sociale_kaart_niet() {
    let h = harness("mw-zuid");
    let register = h.state().loket();
    let fout = register
        .bereken_rapport(2025, 2025, &mut |_, _| {})
        .unwrap_err();
    assert!(fout.to_string().contains("geen toegang"), "{fout}");
    let fout = register
        .aanbieder_beeindigen("ab-zorg", d(2025, 6, 1))
        .unwrap_err();
    assert!(matches!(fout, StoreFout::GeenToegang(_)), "{fout}");
    // Nor may anyone write in another medewerker's name: a change of AVE
    // level recorded as the beheerder, of a household of her own team.
    let fout = register
        .ave_registreer(&wijkregister::domain::ave::NieuweAveGebeurtenis {
            huishouden: "hh-2".into(),
            datum: d(2025, 6, 1),
            niveau: 1,
            reden: "Eén vraag".into(),
            casusregisseur: Some("mw-zuid".into()),
            procesregisseur: None,
            geregistreerd_door: "mw-beh".into(),
            reden_geen_procesmanager: None,
        })
        .unwrap_err();
    assert!(matches!(fout, StoreFout::GeenToegang(_)), "{fout}");
    assert!(fout.to_string().contains("namens mw-beh"), "{fout}");
}
