//! Sociale kaart beheer through `egui_kittest`: the forms show the store's
//! Dutch messages next to their fields and keep what was typed, a provision
//! in use is ended (not deleted), an unused one can be deleted, a contract
//! ending before it starts is refused, ending a provider ends its running
//! contracts, and only a beheerder or teamleider
//! may change anything. What was saved is checked in the database file.

#![allow(clippy::expect_used, reason = "tests may fail loudly")]

use std::path::{Path, PathBuf};

use crate::steun::d;
use crate::steun::klantreis::{self, BEHEERDER, INTAKER};
use crate::steun::ui::{harness_van, kies, vervang, y};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};
use wijkregister::domain::{BesluitUitkomst, Leveringsvorm, Record, Toekenning, Verwijzer};
use wijkregister::gateway::Gateway;
use wijkregister::store;
use wijkregister::store::schrijven::voeg_in;
use wijkregister::ui::app::WijkregisterApp;

/// The shared fixture, with "Individuele begeleiding" in use by a
/// toekenning, written to a database file the app and the test both open.
fn database(map: &Path) -> PathBuf {
    let conn = klantreis::register();
    {
        let tx = Transaction::new_unchecked(&conn, TransactionBehavior::Immediate).expect("tx");
        voeg_in(
            &tx,
            &Record::Toekenning(Toekenning {
                id: "T-1".into(),
                inwoner: "I-MIRIAM".into(),
                voorziening: "V-BEGELEIDING".into(),
                aanbieder: Some("A-ZORG".into()),
                contract: None,
                melding: None,
                verwijzer: Verwijzer::Gemeente,
                aanvraag: None,
                besluit: d(2026, 3, 1),
                uitkomst: BesluitUitkomst::Toegekend,
                start: Some(d(2026, 3, 15)),
                eind: None,
                leveringsvorm: Leveringsvorm::Natura,
                doorbraak: false,
                reden_einde: None,
                afweging: None,
            }),
        )
        .expect("toekenning");
        tx.commit().expect("commit");
    }
    let pad = map.join("kaart.sqlite");
    conn.execute("VACUUM INTO ?1", [pad.to_string_lossy()])
        .expect("naar bestand");
    pad
}

struct Opzet {
    h: Harness<'static, WijkregisterApp>,
    db: Connection,
    _map: tempfile::TempDir,
}

fn opzet(werk_als: &str) -> Opzet {
    let map = tempfile::tempdir().expect("tempdir");
    let pad = database(map.path());
    let conn = store::open(&pad).expect("open");
    let mut app =
        WijkregisterApp::met_register(Gateway::new(conn, Some(pad.clone())), d(2026, 11, 26));
    app.werk_als(werk_als);
    let mut h = harness_van(app, 1280.0, 1000.0);
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Sociale kaart")
        .click();
    h.run();
    Opzet {
        h,
        db: store::open(&pad).expect("open test"),
        _map: map,
    }
}

#[test]
fn maatwerk_zonder_categorie_geweigerd_met_categorie_opgeslagen() {
    let Opzet { mut h, db, _map } = opzet(BEHEERDER);
    h.get_by_label("Nieuwe voorziening").click();
    h.run();
    vervang(&mut h, "Naam", "Thuisbegeleiding plus");
    kies(&mut h, "Soort", "Maatwerkvoorziening");
    kies(&mut h, "Wet", "Wmo 2015");
    vervang(&mut h, "Kenmerken (met komma's)", "dagstructurering");
    h.get_by_label("Opslaan").click();
    h.run();

    // Refused: the message stands next to the category field; nothing typed is lost.
    let melding = "Een maatwerkvoorziening onder de Wmo 2015 heeft een productcategorie nodig";
    assert!((y(&h, melding) - y(&h, "Productcategorie (verplicht)")).abs() < 8.0);
    assert_eq!(
        h.get_by_label("Naam").value().as_deref(),
        Some("Thuisbegeleiding plus")
    );
    assert_eq!(
        h.get_by_label("Kenmerken (met komma's)").value().as_deref(),
        Some("dagstructurering")
    );
    let aantal = |db: &Connection| -> i64 {
        db.query_row(
            "SELECT count(*) FROM voorziening WHERE naam = 'Thuisbegeleiding plus'",
            [],
            |r| r.get(0),
        )
        .expect("tel")
    };
    assert_eq!(aantal(&db), 0);

    // With a category it is saved (Enter saves).
    kies(&mut h, "Productcategorie (verplicht)", "02 Begeleiding");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Voorziening 'Thuisbegeleiding plus' opgeslagen.");
    let (soort, wet, categorie): (String, String, String) = db
        .query_row(
            "SELECT soort, wet, categorie FROM voorziening WHERE naam = 'Thuisbegeleiding plus'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("opgeslagen");
    assert_eq!(
        (soort.as_str(), wet.as_str(), categorie.as_str()),
        ("maatwerk", "wmo", "02")
    );
    // And it is in the list.
    h.get_by_label("Thuisbegeleiding plus");
}

#[test]
fn in_gebruik_wordt_beeindigd_niet_verwijderd() {
    let Opzet { mut h, db, _map } = opzet(BEHEERDER);
    h.get_by_label("Individuele begeleiding").click();
    h.run();
    h.get_by_label("In gebruik: kan niet worden verwijderd, alleen beëindigd.");
    assert!(
        h.get_by_label("Verwijderen").accesskit_node().is_disabled(),
        "verwijderen hoort uit te staan"
    );

    h.get_by_label("Beëindigen").click();
    h.run();
    assert_eq!(
        h.get_by_label("Laatste dag (dd-mm-jjjj)")
            .value()
            .as_deref(),
        Some("26-11-2026")
    );
    vervang(&mut h, "Laatste dag (dd-mm-jjjj)", "31-12-2026");
    h.get_by_label("Beëindigen").click();
    h.run();
    h.get_by_label("'Individuele begeleiding' beëindigd per 31-12-2026.");
    let eind: Option<String> = db
        .query_row(
            "SELECT beeindigd_op FROM voorziening WHERE id = 'V-BEGELEIDING'",
            [],
            |r| r.get(0),
        )
        .expect("nog aanwezig");
    assert_eq!(eind.as_deref(), Some("2026-12-31"));
    // The list shows it, and it is still there.
    h.get_by_label("per 31-12-2026");
    h.get_by_label("Individuele begeleiding");

    // An unused provision can be deleted, after a confirmation.
    h.get_by_label("Wlz-zorg thuis").click();
    h.run();
    h.get_by_label("Verwijderen").click();
    h.run();
    h.get_by_label("Verwijderen: Wlz-zorg thuis");
    h.get_by_label("Verwijderen").click();
    h.run();
    h.get_by_label("'Wlz-zorg thuis' verwijderd.");
    // Nothing is chosen any more, and that is no error.
    h.run();
    assert!(
        h.query_by_label_contains("kon niet worden gelezen")
            .is_none()
            && h.query_by_label_contains("niet gevonden").is_none(),
        "no red message after deleting"
    );
    h.get_by_label("Klik op een voorziening om die te wijzigen, te beëindigen of te verwijderen.");
    let weg: Option<String> = db
        .query_row("SELECT id FROM voorziening WHERE id = 'V-WLZ'", [], |r| {
            r.get(0)
        })
        .optional()
        .expect("query");
    assert_eq!(weg, None);
}

#[test]
fn contract_dat_eindigt_voor_het_begint_geweigerd() {
    let Opzet { mut h, db, _map } = opzet(BEHEERDER);
    h.get_by_label_contains("Contracten (").click();
    h.run();
    h.get_by_label("Nieuw contract").click();
    h.run();
    kies(&mut h, "Aanbieder", "Avedan");
    kies(&mut h, "Wet", "Wmo 2015");
    vervang(&mut h, "Van (dd-mm-jjjj)", "01-02-2027");
    vervang(
        &mut h,
        "Tot en met (dd-mm-jjjj, leeg = loopt door)",
        "01-01-2027",
    );
    h.get_by_label("Opslaan").click();
    h.run();
    let melding = "01-01-2027 ligt vóór van (01-02-2027); dat kan niet";
    assert!((y(&h, melding) - y(&h, "Tot en met (dd-mm-jjjj, leeg = loopt door)")).abs() < 8.0);
    assert_eq!(
        h.get_by_label("Van (dd-mm-jjjj)").value().as_deref(),
        Some("01-02-2027")
    );
    let avedan: i64 = db
        .query_row(
            "SELECT count(*) FROM contract WHERE aanbieder = 'A-AVEDAN'",
            [],
            |r| r.get(0),
        )
        .expect("tel");
    assert_eq!(avedan, 0);

    // A date that is no date is named as such.
    vervang(
        &mut h,
        "Tot en met (dd-mm-jjjj, leeg = loopt door)",
        "31-13-2027",
    );
    h.get_by_label("Opslaan").click();
    h.run();
    h.get_by_label_contains("'31-13-2027' is geen");

    // Corrected, it is saved.
    vervang(
        &mut h,
        "Tot en met (dd-mm-jjjj, leeg = loopt door)",
        "31-12-2027",
    );
    h.get_by_label("Opslaan").click();
    h.run();
    h.get_by_label("Contract opgeslagen.");
    let (van, tot): (String, String) = db
        .query_row(
            "SELECT van, tot FROM contract WHERE aanbieder = 'A-AVEDAN'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("contract");
    assert_eq!((van.as_str(), tot.as_str()), ("2027-02-01", "2027-12-31"));
}

#[test]
fn aanbieder_beeindigen_beeindigt_lopende_contracten() {
    let Opzet { mut h, db, _map } = opzet(BEHEERDER);
    h.get_by_label_contains("Aanbieders (").click();
    h.run();
    h.get_by_label("Zorg Twente BV").click();
    h.run();
    h.get_by_label("Gekozen: Zorg Twente BV");
    h.get_by_label("Beëindigen").click();
    h.run();
    h.get_by_label("Beëindigen: Zorg Twente BV");
    h.get_by_label_contains("Alle contracten van deze aanbieder die op deze datum nog lopen");
    let tot = |db: &Connection, id: &str| -> Option<String> {
        db.query_row("SELECT tot FROM contract WHERE id = ?1", [id], |r| r.get(0))
            .expect("contract")
    };

    // Before its contracts start: refused next to the date, nothing changed.
    vervang(&mut h, "Laatste dag (dd-mm-jjjj)", "31-12-2025");
    h.get_by_label("Beëindigen").click();
    h.run();
    // Both contracts start later; both are named next to the date.
    let later = |c: &str| {
        format!(
            "ontract '{c}' begint pas op 01-01-2026, na deze laatste dag; \
             wijzig dat contract eerst of kies een latere datum"
        )
    };
    let melding = format!("C{}; c{}", later("C-ZORG-JW"), later("C-ZORG-WMO"));
    assert!((y(&h, &melding) - y(&h, "Laatste dag (dd-mm-jjjj)")).abs() < 8.0);
    assert_eq!(tot(&db, "C-ZORG-WMO"), None);

    // A day on which both run: both end on it.
    vervang(&mut h, "Laatste dag (dd-mm-jjjj)", "30-06-2026");
    h.get_by_label("Beëindigen").click();
    h.run();
    h.get_by_label("'Zorg Twente BV' beëindigd per 30-06-2026. 2 lopende contracten beëindigd.");
    assert_eq!(tot(&db, "C-ZORG-WMO").as_deref(), Some("2026-06-30"));
    assert_eq!(tot(&db, "C-ZORG-JW").as_deref(), Some("2026-06-30"));
    let audit: i64 = db
        .query_row(
            "SELECT count(*) FROM audit WHERE actie = 'aanbieder-beeindigen' AND object = 'aanbieder:A-ZORG'",
            [],
            |r| r.get(0),
        )
        .expect("audit");
    assert_eq!(audit, 1);
}

#[test]
fn annuleren_met_wijzigingen_vraagt_eerst() {
    let Opzet { mut h, db: _, _map } = opzet(BEHEERDER);
    h.get_by_label_contains("Aanbieders (").click();
    h.run();
    h.get_by_label("Nieuwe aanbieder").click();
    h.run();
    vervang(&mut h, "Naam", "Buurtzorg Almelo");
    vervang(&mut h, "KvK-nummer (8 cijfers)", "1234");
    h.get_by_label("Opslaan").click();
    h.run();
    h.get_by_label("'1234' is geen KvK-nummer (8 cijfers)");

    h.key_press(Key::Escape);
    h.run();
    h.get_by_label("U heeft wijzigingen die nog niet zijn opgeslagen. Wilt u ze weggooien?");
    h.get_by_label("Verder bewerken").click();
    h.run();
    assert_eq!(
        h.get_by_label("Naam").value().as_deref(),
        Some("Buurtzorg Almelo")
    );
    h.get_by_label("Annuleren").click();
    h.run();
    h.get_by_label("Wijzigingen weggooien").click();
    h.run();
    h.get_by_label("Nieuwe aanbieder");
    assert!(h.query_by_label("Buurtzorg Almelo").is_none());
}

#[test]
fn intaker_ziet_de_kaart_alleen() {
    let Opzet { h, db: _, _map } = opzet(INTAKER);
    h.get_by_label_contains("Wijzigen kan alleen een beheerder");
    h.get_by_label("Individuele begeleiding");
    assert!(h.query_by_label("Nieuwe voorziening").is_none());
    assert!(h.query_by_label("Beëindigen").is_none());
}

#[test]
fn weggaan_met_niet_opgeslagen_invoer_vraagt_eerst() {
    use wijkregister::ui::app::Scherm;
    let Opzet { mut h, db, _map } = opzet(BEHEERDER);
    h.get_by_label("Nieuwe voorziening").click();
    h.run();
    vervang(&mut h, "Naam", "Half ingevuld");
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Beheer")
        .click();
    h.run();
    h.get_by_label("Wijzigingen niet opgeslagen. Toch weggaan?");
    assert_eq!(h.state().scherm(), Scherm::SocialeKaart);
    h.get_by_label("Nee, blijven").click();
    h.run();
    assert_eq!(
        h.get_by_label("Naam").value().as_deref(),
        Some("Half ingevuld")
    );

    h.get_by_role_and_label(egui::accesskit::Role::Button, "Beheer")
        .click();
    h.run();
    h.get_by_label("Ja, naar Beheer").click();
    h.run();
    assert_eq!(h.state().scherm(), Scherm::Beheer);
    // Back on the kaart the form is gone and nothing was stored.
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Sociale kaart")
        .click();
    h.run();
    assert!(h.query_by_label("Opslaan").is_none());
    let aantal: i64 = db
        .query_row(
            "SELECT count(*) FROM voorziening WHERE naam = 'Half ingevuld'",
            [],
            |r| r.get(0),
        )
        .expect("tel");
    assert_eq!(aantal, 0);

    // An open form with nothing typed lets one go without asking.
    h.get_by_label("Nieuwe voorziening").click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Beheer")
        .click();
    h.run();
    assert!(
        h.query_by_label("Wijzigingen niet opgeslagen. Toch weggaan?")
            .is_none()
    );
    assert_eq!(h.state().scherm(), Scherm::Beheer);
}

#[test]
fn velden_van_een_nieuwe_aanbieder_zijn_breed_genoeg() {
    let Opzet {
        mut h,
        db: _db,
        _map,
    } = opzet(BEHEERDER);
    h.get_by_label_contains("Aanbieders (").click();
    h.run();
    h.get_by_label("Nieuwe aanbieder").click();
    h.run();
    // The first field has the focus, so typing starts at once.
    assert!(h.get_by_label("Naam").is_focused());
    // A grid cell once kept these fields at egui's 40-point start width.
    for label in ["Naam", "KvK-nummer (8 cijfers)"] {
        let breedte = h.get_by_label(label).rect().width();
        assert!(breedte >= 300.0, "{label}: {breedte} points wide");
    }
}
