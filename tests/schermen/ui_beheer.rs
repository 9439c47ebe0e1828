//! The beheerder's audit log and retention sections of the Beheer screen,
//! through `egui_kittest`: paging and filtering the log, the chain check
//! with the first broken row, the CSV export (itself logged), destroying a
//! due dossier only after confirmation — and that nobody but a beheerder
//! reads or destroys anything, in the screen and in the gateway.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use std::path::PathBuf;

use crate::steun::d;
use crate::steun::ui::harness_van;
use crate::steun::vaste;
use chrono::NaiveDateTime;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use rusqlite::Connection;
use wijkregister::domain::MeldingUitkomst;
use wijkregister::gateway::auditlog::BeheerFout;
use wijkregister::gateway::{Gateway, Klok};
use wijkregister::store::audit::{self, AuditFilter};
use wijkregister::store::{self, accounts};
use wijkregister::ui::app::WijkregisterApp;

const WW: &str = "lange-zin-met-paard-7";
const WW_FATIMA: &str = "fatima-haar-wachtwoord";

fn begin() -> NaiveDateTime {
    vaste::vandaag().and_hms_opt(9, 0, 0).unwrap()
}

/// The fixture plus two residents whose only melding closed long ago:
/// `in-oud-1`, Anna Oud (closed 10-01-2018, due 10-01-2023) and `in-oud-2`,
/// Bram Oud (closed 01-03-2019, due 01-03-2024); the beheerder `bea` and the wijkcoach
/// `fatima` have accounts. Returns the beheerder's medewerker id.
fn vul(conn: &mut Connection) -> String {
    let mut b = vaste::bouwer();
    for (id, voornaam, geboren, huishouden, gesloten) in [
        (
            "in-oud-1",
            "Anna",
            d(1950, 1, 1),
            "hh-oud-1",
            d(2018, 1, 10),
        ),
        ("in-oud-2", "Bram", d(1951, 2, 2), "hh-oud-2", d(2019, 3, 1)),
    ] {
        b.inwoner(id, voornaam, "Oud", geboren, None, huishouden, None);
        let mut m = vaste::melding(&format!("me-{id}"), id, d(2017, 6, 1));
        m.afgesloten = Some(gesloten);
        m.uitkomst = Some(MeldingUitkomst::InformatieAdvies);
        b.melding(m);
    }
    b.schrijf(conn);
    let bea = accounts::maak_eerste_beheerder(&*conn, "Bea Beheer", "bea", WW, begin())
        .expect("beheerder");
    accounts::voeg_toe(conn, &bea.medewerker, "mw-1", "fatima", WW_FATIMA, begin())
        .expect("fatima");
    bea.medewerker
}

struct Opzet {
    h: Harness<'static, WijkregisterApp>,
    pad: PathBuf,
    bea: String,
    _dir: tempfile::TempDir,
}

impl Opzet {
    fn lees(&self) -> Connection {
        store::open(&self.pad).expect("open")
    }

    /// Runs frames until the app is idle. A spinner (the chain check or
    /// the export running on its own thread) asks for frames without end,
    /// so this does not insist on an idle app.
    fn draai(&mut self) {
        let _ = self.h.run_ok();
    }

    /// Runs frames until a label containing `tekst` shows (background work
    /// finishing), at most five seconds.
    fn wacht_op(&mut self, tekst: &str) {
        for _ in 0..250 {
            self.draai();
            if self.h.query_by_label_contains(tekst).is_some() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        panic!("'{tekst}' did not show within five seconds");
    }

    fn typ(&mut self, label: &str, tekst: &str) {
        self.h.get_by_label(label).click();
        self.draai();
        self.h.get_by_label(label).type_text(tekst);
        self.draai();
    }

    fn log_in(&mut self, gebruikersnaam: &str, wachtwoord: &str) {
        self.typ("Gebruikersnaam", gebruikersnaam);
        self.typ("Wachtwoord", wachtwoord);
        self.h.key_press(egui::Key::Enter);
        self.draai();
        self.draai();
    }

    fn klik(&mut self, label: &str) {
        self.h.get_by_label(label).click();
        self.draai();
        self.draai();
    }

    /// Opens a section of Beheer; the audit log waits for its chain check.
    fn naar_beheer(&mut self, sectie: &str) {
        self.klik("Beheer");
        self.klik(sectie);
        if sectie == "Auditlog" {
            self.wacht_op("Keten ");
        }
    }
}

/// The app on a register file; `voor` may change the file before the app opens.
fn opzet(voor: impl FnOnce(&std::path::Path)) -> Opzet {
    opzet_van_hoogte(voor, 2400.0)
}

/// [`opzet`] in a window `hoogte` points tall.
fn opzet_van_hoogte(voor: impl FnOnce(&std::path::Path), hoogte: f32) -> Opzet {
    let dir = tempfile::tempdir().expect("tempdir");
    let pad = dir.path().join("register.sqlite");
    let bea = vul(&mut store::open(&pad).expect("open"));
    voor(&pad);
    let app = WijkregisterApp::met_inloggen(
        Gateway::new(store::open(&pad).expect("open"), Some(pad.clone())),
        vaste::vandaag(),
        Klok::lokaal(begin),
    );
    // Tall by default, so every section of Beheer is on screen without scrolling.
    let mut h = harness_van(app, 1280.0, hoogte);
    h.run();
    Opzet {
        h,
        pad,
        bea,
        _dir: dir,
    }
}

#[test]
fn beheerder_ziet_het_log_filtert_en_exporteert() {
    let mut o = opzet(|_| {});
    o.log_in("bea", WW);
    o.naar_beheer("Auditlog");
    // First account, Fatima's account, the login: three rows, chain intact.
    assert!(
        o.h.query_by_label("De keten wordt gecontroleerd…")
            .is_none(),
        "the check has finished"
    );
    o.h.get_by_label("Keten intact: alle 3 regels kloppen.");
    o.h.get_by_label("Regels 1–3 van 3 (nieuwste eerst)");
    // Actions as sentences, people by name and role, never by code.
    o.h.get_by_label("Aangemeld");
    o.h.get_by_label("Account toegevoegd");
    assert!(
        o.h.query_all_by_label("Bea Beheer (Beheerder)").count() >= 2,
        "the actor by name and role"
    );
    assert!(o.h.query_by_label_contains(&o.bea).is_none());

    // Filter on the action.
    o.klik("Soort actie");
    o.h.get_by_role_and_label(egui::accesskit::Role::Button, "Aangemeld")
        .click();
    o.draai();
    o.klik("Filter toepassen");
    o.h.get_by_label("Regels 1–1 van 1 (nieuwste eerst)");
    assert!(o.h.query_by_label("Account toegevoegd").is_none());

    // A date that is not one keeps the filter and says so.
    o.typ("Van", "31-02-2025");
    o.klik("Filter toepassen");
    o.h.get_by_label("'31-02-2025' bij 'Van' is geen datum; typ dd-mm-jjjj");
    o.h.get_by_label("Regels 1–1 van 1 (nieuwste eerst)");

    // A period with nothing in it.
    o.klik("Filter wissen");
    o.typ("Van", "02-06-2025");
    o.klik("Filter toepassen");
    o.h.get_by_label("Geen regels die aan het filter voldoen.");
    o.klik("Filter wissen");
    o.typ("Tot en met", "01-06-2025");
    o.klik("Filter toepassen");
    o.h.get_by_label("Regels 1–3 van 3 (nieuwste eerst)");

    // Export at a typed path.
    let dir = tempfile::tempdir().expect("dir");
    let csv = dir.path().join("log.csv");
    o.typ("CSV-bestand", csv.to_str().unwrap());
    o.klik("Exporteren");
    o.wacht_op("geëxporteerd");
    o.h.get_by_label(&format!("3 regels geëxporteerd naar {}.", csv.display()));
    let tekst = std::fs::read_to_string(&csv).expect("csv");
    assert_eq!(tekst.lines().count(), 4, "{tekst}");
    let laatste = &audit::lees(&o.lees(), &AuditFilter::default(), 1).unwrap()[0];
    assert_eq!(
        (
            laatste.actor.as_str(),
            laatste.actie.as_str(),
            laatste.resultaat.as_str()
        ),
        (o.bea.as_str(), "export", "gelukt")
    );
    // The export row shows in the table at once.
    o.h.get_by_label("Regels 1–4 van 4 (nieuwste eerst)");
    o.h.get_by_label("Geëxporteerd");
    o.wacht_op("Keten intact");
    o.h.get_by_label("Keten intact: alle 4 regels kloppen.");
}

#[test]
fn bladeren_door_een_groot_log() {
    let mut o = opzet(|pad| {
        let mut conn = store::open(pad).expect("open");
        let tx = conn.transaction().unwrap();
        for i in 0..120 {
            let object = format!("inwoner:in-{i}");
            audit::log(
                &tx,
                &audit::Logregel {
                    tijdstip: "2025-05-31T12:00:00",
                    actor: "mw-1",
                    actie: "openen-dossier",
                    object: Some(&object),
                    doel: Some("intake"),
                    resultaat: audit::Resultaat::Gelukt,
                    details: None,
                },
            )
            .unwrap();
        }
        tx.commit().unwrap();
    });
    o.log_in("bea", WW);
    o.naar_beheer("Auditlog");
    o.h.get_by_label("Regels 1–50 van 123 (nieuwste eerst)");
    o.klik("Oudere");
    o.h.get_by_label("Regels 51–100 van 123 (nieuwste eerst)");
    o.klik("Oudste");
    o.h.get_by_label("Regels 101–123 van 123 (nieuwste eerst)");
    // The oldest page starts at row 23 (the 21st dossier opened); these
    // residents are not in the register, and the screen says so instead
    // of showing their ids.
    o.h.get_by_label("23");
    assert!(o.h.query_by_label("24").is_none());
    assert!(
        o.h.query_all_by_label("Inwoner (niet meer in het register)")
            .count()
            > 10
    );
    assert!(o.h.query_by_label_contains("in-20").is_none());
    o.klik("Nieuwste");
    o.h.get_by_label("Regels 1–50 van 123 (nieuwste eerst)");

    // Per resident: chosen by clicking a row's object, never by typing an
    // internal number (there is no field for one).
    assert!(o.h.query_by_label_contains("Inwonernummer").is_none());
    o.h.query_all_by_label("Inwoner (niet meer in het register)")
        .next()
        .unwrap()
        .click();
    o.draai();
    o.h.get_by_label("Regels 1–1 van 1 (nieuwste eerst)");
    o.klik("Alles tonen");
    o.h.get_by_label("Regels 1–50 van 123 (nieuwste eerst)");
}

#[test]
fn gebroken_keten_noemt_de_eerste_gebroken_regel() {
    let mut o = opzet(|pad| {
        Connection::open(pad)
            .unwrap()
            .execute_batch(
                "DROP TRIGGER audit_alleen_toevoegen_update;
                 UPDATE audit SET actor = 'iemand-anders' WHERE volgnummer = 2;",
            )
            .unwrap();
    });
    o.log_in("bea", WW);
    o.naar_beheer("Auditlog");
    o.h.get_by_label(
        "Keten verbroken: eerste gebroken regel is 2 (de inhoud van deze regel is gewijzigd na het vastleggen).",
    );
}

#[test]
fn beheerder_vernietigt_na_bevestiging() {
    let mut o = opzet(|_| {});
    o.log_in("bea", WW);
    o.naar_beheer("Bewaartermijnen");
    o.h.get_by_label("2 dossiers te vernietigen.");
    // Each resident by name and date of birth, never by an internal number.
    o.h.get_by_label("Anna Oud");
    o.h.get_by_label("01-01-1950");
    o.h.get_by_label("Bram Oud");
    o.h.get_by_label("02-02-1951");
    o.h.get_by_label("10-01-2023");
    o.h.get_by_label("01-03-2024");
    assert!(
        o.h.query_by_label_contains("in-oud").is_none(),
        "no internal number"
    );
    // Nothing of the dossier's contents (the melding's source).
    assert!(
        o.h.query_by_label_contains("Zelfmelder").is_none(),
        "no dossier contents"
    );

    // Cancel: nothing happens.
    o.h.query_all_by_label("Vernietigen…")
        .next()
        .unwrap()
        .click();
    o.h.run();
    o.h.get_by_label("Het dossier van Anna Oud (geboren 01-01-1950) definitief vernietigen?");
    o.klik("Annuleren");
    assert!(
        o.h.query_by_label("Het dossier van Anna Oud (geboren 01-01-1950) definitief vernietigen?")
            .is_none()
    );
    let tel = |conn: &Connection| -> i64 {
        conn.query_row(
            "SELECT count(*) FROM inwoner WHERE id LIKE 'in-oud-%'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(tel(&o.lees()), 2);

    // Confirm: destroyed, logged, the list refreshed with a message.
    o.h.query_all_by_label("Vernietigen…")
        .next()
        .unwrap()
        .click();
    o.h.run();
    o.klik("Ja, definitief vernietigen");
    o.h.get_by_label(
        "Dossier van Anna Oud (geboren 01-01-1950) vernietigd: 1 melding, 0 verwijzingen, 0 toekenningen, 0 AVE-gebeurtenissen en 0 vorderingen verwijderd.",
    );
    o.h.get_by_label("1 dossier te vernietigen.");
    assert!(o.h.query_by_label("Anna Oud").is_none());
    assert_eq!(tel(&o.lees()), 1);
    let laatste = &audit::lees(&o.lees(), &AuditFilter::default(), 1).unwrap()[0];
    assert_eq!(
        (
            laatste.actor.as_str(),
            laatste.actie.as_str(),
            laatste.object.as_deref()
        ),
        (o.bea.as_str(), "vernietigen", Some("inwoner:in-oud-1"))
    );

    // All that remain, again only after confirming.
    o.klik("Alle 1 vernietigen…");
    o.h.get_by_label("Alle dossiers in de lijst (1) definitief vernietigen?");
    o.klik("Ja, definitief vernietigen");
    o.h.query_by_label_contains("1 dossier vernietigd")
        .expect("message");
    o.h.get_by_label("Er zijn op 01-06-2025 geen dossiers te vernietigen.");
    assert_eq!(tel(&o.lees()), 0);
}

#[test]
fn wijkcoach_ziet_geen_auditlog_of_bewaartermijnen() {
    let mut o = opzet(|_| {});
    o.log_in("fatima", WW_FATIMA);
    o.h.get_by_label("Ingelogd als Fatima El Amrani (wijkcoach)");
    // (Access control may hide Beheer from a wijkcoach altogether.)
    if o.h.query_by_label("Beheer").is_some() {
        o.klik("Beheer");
    }
    assert!(o.h.query_by_label("Auditlog").is_none());
    assert!(o.h.query_by_label("Bewaartermijnen").is_none());
}

#[test]
fn register_weigert_wie_geen_beheerder_is() {
    let mut conn = store::open_in_memory().expect("open");
    let bea_id = vul(&mut conn);
    let gateway = Gateway::new(conn, None);
    let klok = Klok::lokaal(begin);
    let fatima = gateway
        .inloggen("fatima", WW_FATIMA, begin())
        .expect("fatima logt in");
    let register = gateway.voor(Some(&fatima), vaste::vandaag(), &klok);
    let geweigerd = |r: Result<(), BeheerFout>| {
        assert!(matches!(r, Err(BeheerFout::GeenBeheerder(_))), "{r:?}");
    };
    geweigerd(
        register
            .auditlog_pagina(&AuditFilter::default(), 0, 10)
            .map(|_| ()),
    );
    geweigerd(register.auditlog_tel(&AuditFilter::default()).map(|_| ()));
    geweigerd(register.auditlog_verifieer().map(|_| ()));
    let dir = tempfile::tempdir().expect("dir");
    let csv = dir.path().join("log.csv");
    geweigerd(
        register
            .auditlog_exporteer(&AuditFilter::default(), &csv)
            .map(|_| ()),
    );
    assert!(!csv.exists());
    geweigerd(register.te_vernietigen().map(|_| ()));
    geweigerd(register.vernietig_dossier("in-oud-1").map(|_| ()));
    geweigerd(register.vernietig_alle_vervallen().map(|_| ()));
    // Each refusal is in the log; nothing was destroyed (read as the
    // beheerder, after her login).
    let bea = gateway.inloggen("bea", WW, begin()).expect("bea logt in");
    assert_eq!(bea.medewerker(), bea_id);
    let register = gateway.voor(Some(&bea), vaste::vandaag(), &klok);
    let geweigerde = register
        .auditlog_pagina(&AuditFilter::default(), 0, 100)
        .unwrap()
        .into_iter()
        .filter(|r| r.resultaat == "geweigerd" && r.actor == "mw-1")
        .count();
    assert_eq!(geweigerde, 7);
    assert_eq!(register.te_vernietigen().unwrap().len(), 2);
}

#[test]
fn beheerder_maakt_een_backup_en_zet_die_terug() {
    let mut o = opzet_van_hoogte(|_| {}, 800.0);
    o.log_in("bea", WW);
    o.klik("Beheer");
    o.h.get_by_label_contains("Nog geen backups");
    o.klik("Nu een backup maken");
    o.h.get_by_label_contains("Backup gemaakt: Handmatige backup van ");
    o.h.get_by_label_contains("1 backup, samen ");
    // After the backup Fatima's account is deactivated (another window).
    accounts::zet_actief(&mut o.lees(), &o.bea, "mw-1", false, begin()).expect("deactiveren");
    let actief = |o: &Opzet| {
        accounts::lijst(&o.lees())
            .unwrap()
            .into_iter()
            .find(|a| a.medewerker == "mw-1")
            .unwrap()
            .actief
    };
    assert!(!actief(&o));

    // Restoring asks first, in a dialog inside the 1280×800 window.
    o.klik("Terugzetten…");
    let scherm = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
    for label in ["Backup terugzetten?", "Terugzetten", "Annuleren"] {
        let rect = o.h.get_by_label(label).rect();
        assert!(
            scherm.contains_rect(rect),
            "{label} at {rect:?} is off-screen"
        );
    }
    // Esc closes it without restoring.
    o.h.key_press(egui::Key::Escape);
    o.draai();
    assert!(o.h.query_by_label("Backup terugzetten?").is_none());
    assert!(!actief(&o));

    o.klik("Terugzetten…");
    o.klik("Terugzetten");
    o.h.get_by_label_contains(
        "teruggezet. De stand van daarvoor is bewaard als: Stand vóór terugzetten, ",
    );
    assert!(actief(&o), "the backup's state is back");
    let laatste = &audit::lees(&o.lees(), &AuditFilter::default(), 1).unwrap()[0];
    assert_eq!(
        (laatste.actor.as_str(), laatste.actie.as_str()),
        (o.bea.as_str(), "restore")
    );
    // Two backups now: the manual one and the state before the restore.
    o.h.get_by_label_contains("2 backups, samen ");
}

#[test]
fn een_bestand_dat_geen_backup_is_wordt_niet_teruggezet() {
    let mut o = opzet(|_| {});
    // Not logged in: refused before anything is read.
    assert!(o.h.state().loket().zet_backup_terug(&o.pad).is_err());
    o.log_in("bea", WW);
    let nep = o.pad.with_file_name("nep.sqlite.gz");
    std::fs::write(&nep, b"geen backup").unwrap();
    let fout = o.h.state().loket().zet_backup_terug(&nep).unwrap_err();
    assert!(
        matches!(
            fout,
            store::StoreFout::HerstelGeweigerd(_) | store::StoreFout::GeenRegister(_)
        ),
        "{fout:?}"
    );
    // Nothing changed: the last row is still the login.
    let laatste = &audit::lees(&o.lees(), &AuditFilter::default(), 1).unwrap()[0];
    assert_eq!(laatste.actie, "inloggen");
}

#[test]
fn een_wijkcoach_maakt_geen_backup() {
    let mut o = opzet(|_| {});
    o.log_in("fatima", WW_FATIMA);
    let fout = o.h.state().loket().maak_backup_nu().unwrap_err();
    assert!(matches!(fout, store::StoreFout::GeenToegang(_)), "{fout:?}");
    assert!(!store::backup::backup_map(&o.pad).exists());
}

#[test]
fn beheerder_heft_een_blokkering_op() {
    let mut o = opzet(|pad| {
        let mut conn = store::open(pad).unwrap();
        for _ in 0..accounts::MAX_MISLUKTE_POGINGEN {
            let _ = accounts::inloggen(&mut conn, "fatima", "verkeerd-wachtwoord", begin());
        }
    });
    o.log_in("bea", WW);
    o.klik("Beheer");
    o.h.get_by_label_contains("Geblokkeerd tot");
    o.klik("Blokkering opheffen");
    o.h.get_by_label("Blokkering opgeheven: de medewerker kan weer inloggen.");
    assert!(o.h.query_by_label_contains("Geblokkeerd tot").is_none());
    let fatima = accounts::lijst(&o.lees())
        .unwrap()
        .into_iter()
        .find(|a| a.medewerker == "mw-1")
        .unwrap();
    assert_eq!(fatima.geblokkeerd_tot, None);
    let laatste = &audit::lees(&o.lees(), &AuditFilter::default(), 1).unwrap()[0];
    assert_eq!(
        (
            laatste.actor.as_str(),
            laatste.actie.as_str(),
            laatste.object.as_deref()
        ),
        (
            o.bea.as_str(),
            "account-deblokkeren",
            Some("medewerker:mw-1")
        )
    );
    // And Fatima logs in with her own password at once.
    accounts::inloggen(&mut o.lees(), "fatima", WW_FATIMA, begin()).expect("fatima logs in");
}

#[test]
fn de_vraag_om_te_vernietigen_staat_in_beeld() {
    // A window of 1280×800: the list of due dossiers sits low in Beheer,
    // but the question appears as a dialog in the middle of the window.
    let mut o = opzet_van_hoogte(|_| {}, 800.0);
    o.log_in("bea", WW);
    o.naar_beheer("Bewaartermijnen");
    o.h.query_all_by_label("Vernietigen…")
        .next()
        .unwrap()
        .click();
    o.draai();
    let scherm = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
    for label in [
        "Het dossier van Anna Oud (geboren 01-01-1950) definitief vernietigen?",
        "Ja, definitief vernietigen",
        "Annuleren",
    ] {
        let rect = o.h.get_by_label(label).rect();
        assert!(
            scherm.contains_rect(rect),
            "{label} at {rect:?} is off-screen"
        );
    }
    // Esc cancels: nothing destroyed.
    o.h.key_press(egui::Key::Escape);
    o.draai();
    assert!(
        o.h.query_by_label("Ja, definitief vernietigen").is_none(),
        "Esc closes the question"
    );
    o.h.get_by_label("2 dossiers te vernietigen.");
}

/// Issue 15: the question before destroying, asked with the keyboard —
/// Esc closes it and the focus is back on the button that asked; Enter on
/// the focused *Annuleren* presses that button only (nothing destroyed).
#[test]
fn de_vraag_met_het_toetsenbord_en_de_focus_keert_terug() {
    let mut o = opzet_van_hoogte(|_| {}, 800.0);
    o.log_in("bea", WW);
    o.naar_beheer("Bewaartermijnen");
    let knop = o.h.query_all_by_label("Vernietigen…").next().unwrap();
    knop.focus();
    o.draai();
    o.h.key_press(egui::Key::Enter);
    o.draai();
    o.h.get_by_label("Het dossier van Anna Oud (geboren 01-01-1950) definitief vernietigen?");
    o.h.key_press(egui::Key::Escape);
    o.draai();
    assert!(o.h.query_by_label("Ja, definitief vernietigen").is_none());
    assert!(
        o.h.query_all_by_label("Vernietigen…")
            .next()
            .unwrap()
            .is_focused(),
        "the focus went back to the button that asked"
    );
    // Again, and Enter on the focused Annuleren: only that button.
    o.h.key_press(egui::Key::Enter);
    o.draai();
    o.h.get_by_label("Annuleren").focus();
    o.draai();
    o.h.key_press(egui::Key::Enter);
    o.draai();
    assert!(o.h.query_by_label("Ja, definitief vernietigen").is_none());
    o.h.get_by_label("2 dossiers te vernietigen.");
    let n: i64 = o
        .lees()
        .query_row(
            "SELECT count(*) FROM inwoner WHERE id LIKE 'in-oud-%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 2, "nothing destroyed");
}

/// Issue #14 point 6: the new-account form names each medewerker with role
/// and wijkteam (namesakes apart), finds a name typed on the focused
/// choice, and Enter in the last password field adds the account.
#[test]
fn een_account_toevoegen_met_het_toetsenbord() {
    let mut o = opzet(|pad| {
        store::open(pad)
            .unwrap()
            .execute_batch(
                "INSERT INTO medewerker (id, naam, rol, wijkteam) VALUES
                     ('mw-2', 'Henk de Boer', 'intaker', 'wt-zuid'),
                     ('mw-3', 'Henk de Boer', 'wijkcoach', 'wt-noord'),
                     ('mw-4', 'Ans Bakker', 'teamleider', NULL);",
            )
            .unwrap();
    });
    o.log_in("bea", WW);
    o.klik("Beheer");
    // The open list tells the two Henks apart by role and team.
    o.klik("Medewerker");
    o.h.get_by_label("Henk de Boer (intaker, Wijkteam Zuid)");
    o.h.get_by_label("Henk de Boer (wijkcoach, Wijkteam Noord)");
    o.h.key_press(egui::Key::Escape);
    o.draai();
    // Typing on the focused choice finds the name.
    o.h.get_by_label("Medewerker").focus();
    o.draai();
    o.h.event(egui::Event::Text("Ans".to_owned()));
    o.draai();
    assert_eq!(
        o.h.get_by_label("Medewerker")
            .accesskit_node()
            .value()
            .unwrap_or_default(),
        "Ans Bakker (teamleider, geen wijkteam)"
    );
    o.typ("Gebruikersnaam voor het account", "ans");
    o.typ("Wachtwoord", "ans-haar-eigen-wachtwoord");
    o.typ("Wachtwoord herhalen", "ans-haar-eigen-wachtwoord");
    o.h.key_press(egui::Key::Enter);
    o.draai();
    o.draai();
    o.h.get_by_label("Account 'ans' toegevoegd.");
    let ans = accounts::lijst(&o.lees())
        .unwrap()
        .into_iter()
        .find(|a| a.gebruikersnaam == "ans")
        .expect("het account van Ans");
    assert_eq!(ans.medewerker, "mw-4");
}
