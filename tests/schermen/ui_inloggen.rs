//! The door of the app through `egui_kittest`: first start, login, the idle
//! lock that keeps typed input, and the purpose asked when a dossier opens.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::steun::ui::harness_van;
use crate::steun::vaste;
use chrono::{Duration, NaiveDateTime};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rusqlite::Connection;
use wijkregister::gateway::{Gateway, Klok};
use wijkregister::store::audit::AuditFilter;
use wijkregister::store::{self, accounts};
use wijkregister::ui::app::WijkregisterApp;

const WW: &str = "lange-zin-met-paard-7";

fn begin() -> NaiveDateTime {
    vaste::vandaag().and_hms_opt(9, 0, 0).unwrap()
}

struct Opzet {
    h: Harness<'static, WijkregisterApp>,
    klok: Arc<Mutex<NaiveDateTime>>,
    pad: PathBuf,
    _dir: tempfile::TempDir,
}

impl Opzet {
    fn verzet_klok(&mut self, minuten: i64, seconden: i64) {
        let mut klok = self.klok.lock().unwrap();
        *klok += Duration::minutes(minuten) + Duration::seconds(seconden);
    }

    /// A second connection to read what the app wrote.
    fn lees(&self) -> Connection {
        store::open(&self.pad).expect("open")
    }

    /// Gives the fixture's wijkcoach (Fatima, Wijkteam Noord) the account
    /// `fatima`, made by `bea`: she may open the De Vries dossiers, which a
    /// beheerder may not.
    fn maak_fatima(&mut self) {
        let mut conn = self.lees();
        let bea = accounts::lijst(&conn)
            .unwrap()
            .into_iter()
            .find(|a| a.gebruikersnaam == "bea")
            .unwrap();
        accounts::voeg_toe(&mut conn, &bea.medewerker, "mw-1", "fatima", WW, begin())
            .expect("account wijkcoach");
    }

    fn log_in(&mut self, gebruikersnaam: &str, wachtwoord: &str) {
        self.h.get_by_label("Gebruikersnaam").click();
        self.h.run();
        self.h
            .get_by_label("Gebruikersnaam")
            .type_text(gebruikersnaam);
        self.h.get_by_label("Wachtwoord").click();
        self.h.run();
        self.h.get_by_label("Wachtwoord").type_text(wachtwoord);
        self.h.run();
        self.h.key_press(egui::Key::Enter);
        self.h.run();
        self.h.run();
        // The first list is searched on its own thread.
        crate::steun::ui::wacht_op_zoeken(&mut self.h);
    }
}

/// The app on a register file; `met_inwoners` fills it with the shared
/// fixture; `met_account` makes the beheerder `bea` first.
fn opzet(met_inwoners: bool, met_account: bool) -> Opzet {
    let dir = tempfile::tempdir().expect("tempdir");
    let pad = dir.path().join("register.sqlite");
    let mut conn = store::open(&pad).expect("open");
    if met_inwoners {
        vaste::bouwer().schrijf(&mut conn);
    }
    if met_account {
        accounts::maak_eerste_beheerder(&mut conn, "Bea Beheer", "bea", WW, begin())
            .expect("beheerder");
    }
    let klok = Arc::new(Mutex::new(begin()));
    let k = Arc::clone(&klok);
    let app = WijkregisterApp::met_inloggen(
        Gateway::new(conn, Some(pad.clone())),
        vaste::vandaag(),
        Klok::lokaal(move || k.lock().map_or_else(|_| begin(), |t| *t)),
    );
    let mut h = harness_van(app, 1280.0, 800.0);
    h.run();
    Opzet {
        h,
        klok,
        pad,
        _dir: dir,
    }
}

#[test]
fn eerste_start_maakt_de_beheerder() {
    let mut o = opzet(false, false);
    o.h.get_by_label("Eerste beheerder aanmaken");
    assert!(
        o.h.query_by_label("Werkvoorraad").is_none(),
        "no navigation before the first account"
    );
    o.h.get_by_label("Naam").click();
    o.h.run();
    o.h.get_by_label("Naam").type_text("Bea Beheer");
    o.h.get_by_label("Gebruikersnaam").click();
    o.h.run();
    o.h.get_by_label("Gebruikersnaam").type_text("bea");
    o.h.get_by_label("Wachtwoord (minstens 12 tekens)").click();
    o.h.run();
    o.h.get_by_label("Wachtwoord (minstens 12 tekens)")
        .type_text(WW);
    o.h.get_by_label("Wachtwoord herhalen").click();
    o.h.run();
    o.h.get_by_label("Wachtwoord herhalen")
        .type_text("iets-anders-dan-dat");
    o.h.get_by_label("Beheerder aanmaken").click();
    o.h.run();
    o.h.get_by_label("De twee wachtwoorden zijn niet gelijk.");
    assert!(!accounts::heeft_accounts(&o.lees()).unwrap());

    o.h.get_by_label("Wachtwoord (minstens 12 tekens)").click();
    o.h.run();
    o.h.get_by_label("Wachtwoord (minstens 12 tekens)")
        .type_text(WW);
    o.h.get_by_label("Wachtwoord herhalen").click();
    o.h.run();
    o.h.get_by_label("Wachtwoord herhalen").type_text(WW);
    o.h.get_by_label("Beheerder aanmaken").click();
    o.h.run();
    o.h.run();
    o.h.get_by_label("Ingelogd als Bea Beheer (beheerder)");
    o.h.get_by_label("Welkom bij wijkregister");
    let lijst = accounts::lijst(&o.lees()).unwrap();
    assert_eq!(lijst.len(), 1);
    assert_eq!(lijst[0].gebruikersnaam, "bea");
    assert_eq!(lijst[0].rol, wijkregister::domain::Rol::Beheerder);
}

#[test]
fn verkeerd_wachtwoord_toont_melding_en_niets_van_het_register() {
    let mut o = opzet(true, true);
    assert_eq!(
        o.h.query_all_by_label("Inloggen").count(),
        2,
        "heading and button"
    );
    assert!(o.h.query_by_label("Werkvoorraad").is_none());
    assert!(o.h.query_by_label("Jan de Vries").is_none());

    o.log_in("bea", "dit-is-het-niet-123");
    o.h.get_by_label("Gebruikersnaam of wachtwoord onjuist.");
    assert!(o.h.query_by_label("Werkvoorraad").is_none());
    assert!(o.h.query_by_label("Zoeken:").is_none());
    assert!(o.h.query_by_label("Jan de Vries").is_none());
    // An unknown name gets the very same message.
    o.h.get_by_label("Gebruikersnaam").click();
    o.h.run();
    o.h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    o.h.run();
    o.log_in("niemand", WW);
    o.h.get_by_label("Gebruikersnaam of wachtwoord onjuist.");
    assert!(o.h.query_by_label("Werkvoorraad").is_none());
}

#[test]
fn juist_wachtwoord_toont_de_navigatie() {
    let mut o = opzet(true, true);
    o.maak_fatima();
    o.log_in("fatima", WW);
    for scherm in ["Werkvoorraad", "Inwoners", "Sociale kaart"] {
        o.h.get_by_role_and_label(egui::accesskit::Role::Button, scherm);
    }
    o.h.get_by_label("Ingelogd als Fatima El Amrani (wijkcoach)");
    // A wijkcoach has no reports and no beheer.
    assert!(o.h.query_by_label("Rapportage").is_none());
    assert!(o.h.query_by_label("Beheer").is_none());
    assert!(
        o.h.query_by_label("Werken als").is_none(),
        "the account replaces 'werken als'"
    );
    assert_eq!(
        o.h.state().medewerker(),
        Some(o.h.state().sessie().unwrap().medewerker())
    );
    let rijen = wijkregister::store::audit::lees(&o.lees(), &AuditFilter::default(), 10).unwrap();
    assert_eq!(rijen[0].actie, "inloggen");
    assert_eq!(rijen[0].resultaat, "gelukt");
}

#[test]
fn een_beheerder_ziet_beheer_maar_geen_inwoners() {
    let mut o = opzet(true, true);
    o.log_in("bea", WW);
    o.h.get_by_label("Ingelogd als Bea Beheer (beheerder)");
    for scherm in ["Sociale kaart", "Rapportage", "Beheer"] {
        o.h.get_by_role_and_label(egui::accesskit::Role::Button, scherm);
    }
    o.h.get_by_role_and_label(egui::accesskit::Role::Button, "Beheer")
        .click();
    o.h.run();
    o.h.get_by_label("Accounts");
    assert!(o.h.query_by_label("Werkvoorraad").is_none());
    assert!(o.h.query_by_label("Inwoners").is_none());
    assert!(o.h.query_by_label("Zoeken:").is_none());
    assert!(o.h.query_by_label("Jan de Vries").is_none());
    // Not only hidden: the register refuses the beheerder every resident.
    let fout =
        o.h.state()
            .loket()
            .zoek_inwoners(&wijkregister::store::inwoners::Zoekvraag::default())
            .unwrap_err();
    assert!(matches!(fout, store::StoreFout::GeenToegang(_)), "{fout}");
    assert!(o.h.state().loket().dossier("in-jan").is_err());
}

#[test]
fn vergrendeling_na_vijftien_minuten_bewaart_de_invoer() {
    let mut o = opzet(true, true);
    o.maak_fatima();
    o.log_in("fatima", WW);
    o.h.get_by_label("Zoeken:").click();
    o.h.run();
    o.h.get_by_label("Zoeken:").type_text("jan de v");
    o.h.run();
    crate::steun::ui::wacht_op_zoeken(&mut o.h);
    o.h.get_by_label("1 inwoner gevonden.");

    // 14:59 without input: still open.
    o.verzet_klok(14, 59);
    o.h.run();
    o.h.get_by_label("Jan de Vries");
    assert!(o.h.query_by_label("Wijkregister is vergrendeld").is_none());

    // 15:00: locked, nothing of the register shown.
    o.verzet_klok(0, 1);
    o.h.run();
    o.h.get_by_label("Wijkregister is vergrendeld");
    assert!(o.h.query_by_label("Jan de Vries").is_none());
    assert!(o.h.query_by_label("Zoeken:").is_none());
    assert!(o.h.query_by_label("Werkvoorraad").is_none());

    // A wrong password keeps it locked.
    o.h.get_by_label("Wachtwoord").click();
    o.h.run();
    o.h.get_by_label("Wachtwoord").type_text("fout-fout-fout");
    o.h.key_press(egui::Key::Enter);
    o.h.run();
    o.h.get_by_label("Wachtwoord onjuist.");
    assert!(o.h.query_by_label("Jan de Vries").is_none());

    o.h.get_by_label("Wachtwoord").click();
    o.h.run();
    o.h.get_by_label("Wachtwoord").type_text(WW);
    o.h.get_by_label("Ontgrendelen").click();
    o.h.run();
    o.h.run();
    // Everything as it was: the typed search text and its result.
    assert_eq!(
        o.h.get_by_label("Zoeken:").value().as_deref(),
        Some("jan de v")
    );
    o.h.get_by_label("1 inwoner gevonden.");
    o.h.get_by_label("Jan de Vries");
    let rijen = wijkregister::store::audit::lees(&o.lees(), &AuditFilter::default(), 10).unwrap();
    assert_eq!(rijen[0].actie, "ontgrendelen");
    assert_eq!(rijen[1].actie, "ontgrendelen-mislukt");
}

fn openingen(conn: &Connection) -> Vec<(String, String, Option<String>)> {
    let mut rijen = wijkregister::store::audit::lees(conn, &AuditFilter::default(), 1000).unwrap();
    rijen.reverse();
    rijen
        .into_iter()
        .filter(|r| r.actie == "openen-dossier")
        .map(|r| (r.actor, r.object.unwrap_or_default(), r.doel))
        .collect()
}

#[test]
fn openen_vraagt_het_doel_een_keer_per_inwoner() {
    let mut o = opzet(true, true);
    o.maak_fatima();
    o.log_in("fatima", WW);
    let ik = o.h.state().sessie().unwrap().medewerker().to_owned();
    let jan: String = o
        .lees()
        .query_row(
            "SELECT id FROM inwoner WHERE voornaam = 'Jan' AND achternaam LIKE '%Vries'",
            [],
            |r| r.get(0),
        )
        .unwrap();

    o.h.get_by_label("Jan de Vries").click();
    o.h.run();
    o.h.get_by_label("Doel van het openen");
    assert!(
        o.h.query_by_label("Terug naar de lijst (Esc)").is_none(),
        "dossier waits for the purpose"
    );
    assert!(openingen(&o.lees()).is_empty());
    o.h.get_by_label("Besluit (2)").click();
    o.h.run();
    o.h.key_press(egui::Key::Enter);
    o.h.run();
    o.h.run();
    assert!(o.h.query_by_label("Doel van het openen").is_none());
    o.h.get_by_label("Terug naar de lijst (Esc)");
    assert_eq!(
        openingen(&o.lees()),
        [(
            ik.clone(),
            format!("inwoner:{jan}"),
            Some("besluit".to_owned())
        )]
    );

    // Back and open again: no question, logged with the same purpose.
    o.h.get_by_label("Terug naar de lijst (Esc)").click();
    // The list is read again, on its own thread.
    crate::steun::ui::wacht_op_zoeken(&mut o.h);
    o.h.get_by_label("Jan de Vries").click();
    o.h.run();
    o.h.run();
    assert!(o.h.query_by_label("Doel van het openen").is_none());
    o.h.get_by_label("Terug naar de lijst (Esc)");
    let rijen = openingen(&o.lees());
    assert_eq!(rijen.len(), 2);
    assert_eq!(
        rijen[1],
        (ik, format!("inwoner:{jan}"), Some("besluit".to_owned()))
    );
}

#[test]
fn beheerder_voegt_account_toe_en_deactiveert_zonder_verwijderknop() {
    let mut o = opzet(true, true);
    o.log_in("bea", WW);
    o.h.get_by_label("Beheer").click();
    o.h.run();
    o.h.get_by_label("Accounts");
    o.h.get_by_label("Medewerker").click();
    o.h.run();
    o.h.get_by_label("Fatima El Amrani (wijkcoach, Wijkteam Noord)")
        .click();
    o.h.run();
    o.h.get_by_label("Gebruikersnaam voor het account").click();
    o.h.run();
    o.h.get_by_label("Gebruikersnaam voor het account")
        .type_text("fatima");
    o.h.get_by_label("Wachtwoord").click();
    o.h.run();
    o.h.get_by_label("Wachtwoord")
        .type_text("fatima-haar-wachtwoord");
    o.h.get_by_label("Wachtwoord herhalen").click();
    o.h.run();
    o.h.get_by_label("Wachtwoord herhalen")
        .type_text("fatima-haar-wachtwoord");
    o.h.get_by_label("Account toevoegen").click();
    o.h.run();
    o.h.run();
    o.h.get_by_label("Account 'fatima' toegevoegd.");
    let lijst = accounts::lijst(&o.lees()).unwrap();
    assert_eq!(lijst.len(), 2);
    assert!(lijst.iter().any(|a| a.medewerker == "mw-1" && a.actief));
    assert!(
        o.h.query_by_label_contains("Verwijder").is_none(),
        "no delete button"
    );

    // Only the other account can be deactivated (not one's own).
    o.h.get_by_label("Deactiveren").click();
    o.h.run();
    o.h.run();
    o.h.get_by_label("Account gedeactiveerd.");
    let fatima = accounts::lijst(&o.lees())
        .unwrap()
        .into_iter()
        .find(|a| a.medewerker == "mw-1")
        .unwrap();
    assert!(!fatima.actief);
    o.h.get_by_label("Activeren");
}

fn huishoudopeningen(conn: &Connection) -> Vec<(String, String, Option<String>)> {
    let mut rijen = wijkregister::store::audit::lees(conn, &AuditFilter::default(), 1000).unwrap();
    rijen.reverse();
    rijen
        .into_iter()
        .filter(|r| r.actie == "openen-huishouden")
        .map(|r| (r.actor, r.object.unwrap_or_default(), r.doel))
        .collect()
}

#[test]
fn huishouden_van_het_dossier_erft_het_doel_en_wordt_gelogd() {
    let mut o = opzet(true, true);
    // A wijkcoach of Jan's team works with the household.
    let mut conn = o.lees();
    let bea: String = conn
        .query_row(
            "SELECT medewerker FROM account WHERE gebruikersnaam = 'bea'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    accounts::voeg_toe(&mut conn, &bea, "mw-1", "fatima", WW, begin()).expect("account");
    drop(conn);
    o.log_in("fatima", WW);
    o.h.get_by_label("Jan de Vries").click();
    o.h.run();
    o.h.get_by_label("Intake (1)").click();
    o.h.run();
    o.h.key_press(egui::Key::Enter);
    o.h.run();
    o.h.run();
    assert!(o.h.query_by_label("Doel van het openen").is_none());

    // The household of the dossier just opened serves the same purpose: not
    // asked again (issue 14), logged with the dossier's purpose.
    o.h.get_by_label("Huishouden bekijken").click();
    o.h.run();
    o.h.run();
    assert!(o.h.query_by_label("Doel van het openen").is_none());
    o.h.get_by_label("Huishouden de Vries");
    let verwacht = (
        "mw-1".to_owned(),
        "huishouden:hh-1".to_owned(),
        Some("intake".to_owned()),
    );
    assert_eq!(
        huishoudopeningen(&o.lees()),
        std::slice::from_ref(&verwacht)
    );

    // Back to the dossier and open it again: no question, logged with the same purpose.
    o.h.get_by_label("Terug").click();
    o.h.run();
    o.h.run();
    o.h.get_by_label("Huishouden bekijken").click();
    o.h.run();
    o.h.run();
    assert!(o.h.query_by_label("Doel van het openen").is_none());
    o.h.get_by_label("Huishouden de Vries");
    assert_eq!(huishoudopeningen(&o.lees()), [verwacht.clone(), verwacht]);
    // Going back to the dossier opened it again (checked and logged) with
    // the purpose answered for it, intake.
    let dossier = openingen(&o.lees());
    assert_eq!(dossier.len(), 2, "{dossier:?}");
    assert!(
        dossier
            .iter()
            .all(|(_, _, doel)| doel.as_deref() == Some("intake")),
        "{dossier:?}"
    );
}
