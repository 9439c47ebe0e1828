//! The Beheer side of the window on a shared register (issue #17), through
//! `egui_kittest`: a beheerder on PostgreSQL keeps the sociale kaart on
//! one desktop, and on another destroys a dossier past its retention term
//! and reads the audit log with both changes.
//! Below the window, the gateway refuses the audit log and retention to
//! anyone else and logs each refusal in the shared chain.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use wijkregister::gateway::{Gateway, Klok};
use wijkregister::store::audit::{self, AuditFilter, Verificatie};
use wijkregister::store::db::Db;
use wijkregister::store::{pg, sociale_kaart};
use wijkregister::ui::app::WijkregisterApp;

use crate::proefdb;
use crate::venster::{WW, nu};

type App = Harness<'static, WijkregisterApp>;

/// The app of one desktop on the register at `adres`, tall enough that
/// every section of Beheer is on screen.
fn desktop(adres: &pg::PgAdres, sleutel: &std::path::Path) -> App {
    crate::venster::desktop(adres, sleutel, 2400.0)
}

/// Runs frames until the app is idle, or as far as a spinner lets it.
fn draai(h: &mut App) {
    let _ = h.run_ok();
}

fn klik(h: &mut App, label: &str) {
    h.get_by_label(label).click();
    draai(h);
    draai(h);
}

/// Replaces the text of field `veld` with `tekst`.
fn vervang(h: &mut App, veld: &str, tekst: &str) {
    h.get_by_label(veld).click();
    draai(h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    draai(h);
    h.get_by_label(veld).type_text(tekst);
    draai(h);
}

/// Runs frames until a label containing `tekst` shows, at most five seconds.
fn wacht_op(h: &mut App, tekst: &str) {
    for _ in 0..250 {
        draai(h);
        if h.query_by_label_contains(tekst).is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("'{tekst}' verscheen niet binnen vijf seconden");
}

/// Nothing on screen says a part does not run on a shared register,
/// except messages beginning with one of `behalve`.
fn niets_nog_niet_gedeeld(h: &App, behalve: &[&str]) {
    let meldingen: Vec<String> = h
        .query_all_by_label_contains("nog niet op een gedeeld register")
        .filter_map(|n| n.value())
        .filter(|m| !behalve.iter().any(|b| m.starts_with(b)))
        .collect();
    assert!(
        meldingen.is_empty(),
        "een onderdeel zegt dat het nog niet op een gedeeld register werkt: {meldingen:?}"
    );
}

/// The AVE level texts on the Beheer screen (`store::ave`, not yet on
/// both engines) say so themselves.
const AVE_TEKSTEN: &str = "De teksten konden niet worden gelezen: ";

/// Logs in as bea on a desktop showing the login.
fn log_in(h: &mut App) {
    vervang(h, "Gebruikersnaam", "bea");
    vervang(h, "Wachtwoord", WW);
    h.key_press(egui::Key::Enter);
    draai(h);
    draai(h);
    h.get_by_label("Ingelogd als Bea Beheer (beheerder)");
}

#[test]
fn beheer_op_een_gedeeld_register() {
    let db = proefdb!("beheer_op_een_gedeeld_register");
    let sleutels = tempfile::tempdir().unwrap();
    let sleutel = sleutels.path().join("sleutel");

    // Desktop 1: the first start makes the register and its first beheerder.
    let mut een = desktop(&db.adres, &sleutel);
    vervang(&mut een, "Naam", "Bea Beheer");
    vervang(&mut een, "Gebruikersnaam", "bea");
    vervang(&mut een, "Wachtwoord (minstens 12 tekens)", WW);
    vervang(&mut een, "Wachtwoord herhalen", WW);
    klik(&mut een, "Beheerder aanmaken");
    een.get_by_label("Ingelogd als Bea Beheer (beheerder)");

    // The register gets its first resident (an empty register shows only
    // the import and Beheer).
    let register = pg::open_register(&db.adres, Some(&sleutel), false).unwrap();
    Db::from(&register)
        .batch(
            "INSERT INTO wijkteam (id, naam) VALUES ('WT-N', 'Noord');
             INSERT INTO inwoner (id, voornaam, achternaam, geboortedatum, huishouden, wijkteam, woonplaats)
                 VALUES ('I-000001', 'Piet', 'Jansen', '1950-03-07', 'H-1', 'WT-N', 'Almelo'),
                        ('I-000002', 'Anna', 'Oud', '1950-01-01', 'H-2', 'WT-N', 'Almelo');
             INSERT INTO melding (id, inwoner, datum, bron, afgesloten, uitkomst)
                 VALUES ('M-000001', 'I-000002', '2019-01-10', 'zelfmelder', '2019-03-01', 'informatie-advies');",
        )
        .unwrap();

    // Desktop 2: Sociale kaart, a new provider, a wrong KvK number first.
    let mut twee = desktop(&db.adres, &sleutel);
    log_in(&mut twee);
    twee.get_by_role_and_label(Role::Button, "Sociale kaart")
        .click();
    draai(&mut twee);
    twee.get_by_label_contains("Aanbieders (0)").click();
    draai(&mut twee);
    klik(&mut twee, "Nieuwe aanbieder");
    vervang(&mut twee, "Naam", "Buurtzorg Almelo");
    vervang(&mut twee, "KvK-nummer (8 cijfers)", "1234");
    klik(&mut twee, "Opslaan");
    twee.get_by_label("'1234' is geen KvK-nummer (8 cijfers)");
    vervang(&mut twee, "KvK-nummer (8 cijfers)", "12345678");
    klik(&mut twee, "Opslaan");
    niets_nog_niet_gedeeld(&twee, &[]);
    twee.get_by_label_contains("Aanbieders (1)");
    twee.get_by_label("Buurtzorg Almelo");

    // It is in the shared register, with one audit row.
    let aanbieders = sociale_kaart::aanbieders(&register, None).unwrap();
    assert_eq!(aanbieders.len(), 1);
    assert_eq!(
        (aanbieders[0].naam.as_str(), aanbieders[0].kvk.as_deref()),
        ("Buurtzorg Almelo", Some("12345678"))
    );
    let toegevoegd = AuditFilter {
        actie: Some("aanbieder-toevoegen".into()),
        ..AuditFilter::default()
    };
    assert_eq!(audit::tel(&register, &toegevoegd).unwrap(), 1);

    // Desktop 1, Beheer, Bewaartermijnen: Anna Oud's dossier (closed in
    // 2019, nothing granted) is due; destroyed after the question.
    een.get_by_role_and_label(Role::Button, "Beheer").click();
    draai(&mut een);
    // Backups are the database server's, and the screen says so.
    een.get_by_label_contains("Dit is een gedeeld register (PostgreSQL): de backups maakt de beheerder van de databaseserver (pg_dump)");
    assert!(
        een.query_by_label_contains("alleen in het geheugen")
            .is_none()
    );
    klik(&mut een, "Bewaartermijnen");
    een.get_by_label("1 dossier te vernietigen.");
    een.get_by_label("Anna Oud");
    klik(&mut een, "Vernietigen…");
    een.get_by_label("Het dossier van Anna Oud (geboren 01-01-1950) definitief vernietigen?");
    klik(&mut een, "Ja, definitief vernietigen");
    een.get_by_label(
        "Dossier van Anna Oud (geboren 01-01-1950) vernietigd: 1 melding, 0 verwijzingen, 0 toekenningen, 0 AVE-gebeurtenissen en 0 vorderingen verwijderd.",
    );
    een.get_by_label("Er zijn op 07-12-2026 geen dossiers te vernietigen.");
    niets_nog_niet_gedeeld(&een, &[AVE_TEKSTEN]);
    let over: Vec<String> = Db::from(&register)
        .query_map("SELECT id FROM inwoner ORDER BY id", &[], |r| r.get(0))
        .unwrap();
    assert_eq!(over, ["I-000001"]);

    // Auditlog: the chain checked on the server, the rows with their
    // actions in words, desktop 2's provider by name.
    klik(&mut een, "Auditlog");
    wacht_op(&mut een, "Keten ");
    niets_nog_niet_gedeeld(&een, &[AVE_TEKSTEN]);
    let regels = audit::tel(&register, &AuditFilter::default()).unwrap();
    assert!(
        regels >= 4,
        "eerste beheerder, inloggen, aanbieder, vernietigen"
    );
    een.get_by_label(&format!("Keten intact: alle {regels} regels kloppen."));
    een.get_by_label(&format!("Regels 1–{regels} van {regels} (nieuwste eerst)"));
    een.get_by_label("Aanbieder toegevoegd");
    een.get_by_label("Aanbieder Buurtzorg Almelo");
    assert_eq!(
        audit::lees(&register, &AuditFilter::default(), 1).unwrap()[0]
            .object
            .as_deref(),
        Some("inwoner:I-000002"),
        "the destruction is the newest row"
    );

    // Filtered on the action: the one row.
    klik(&mut een, "Soort actie");
    een.get_by_role_and_label(Role::Button, "Aanbieder toegevoegd")
        .click();
    draai(&mut een);
    klik(&mut een, "Filter toepassen");
    een.get_by_label("Regels 1–1 van 1 (nieuwste eerst)");
    niets_nog_niet_gedeeld(&een, &[AVE_TEKSTEN]);

    assert_eq!(
        pg::audit::verifieer_verbinding(&register).unwrap(),
        Verificatie::Intact { regels }
    );
}

/// The gateway on PostgreSQL refuses the audit log and the retention
/// terms to anyone but a beheerder, and logs each refusal in the shared
/// chain (as `register_weigert_wie_geen_beheerder_is` does on SQLite).
#[test]
fn alleen_een_beheerder_leest_het_auditlog() {
    use wijkregister::gateway::auditlog::BeheerFout;
    let db = proefdb!("alleen_een_beheerder_leest_het_auditlog");
    let sleutels = tempfile::tempdir().unwrap();
    let gateway =
        Gateway::open_postgres(&db.adres, Some(&sleutels.path().join("sleutel")), true).unwrap();
    let klok = Klok::lokaal(nu);
    let bea = gateway
        .maak_eerste_beheerder("Bea Beheer", "bea", WW, nu())
        .unwrap();
    {
        let register =
            pg::open_register(&db.adres, Some(&sleutels.path().join("sleutel")), false).unwrap();
        Db::from(&register)
            .execute(
                "INSERT INTO medewerker (id, naam, rol) VALUES ('MW-2', 'Fatima El Amrani', 'wijkcoach')",
                &[],
            )
            .unwrap();
    }
    gateway
        .voor(Some(&bea), nu().date(), &klok)
        .voeg_account_toe("MW-2", "fatima", WW)
        .unwrap();
    let fatima = gateway.inloggen("fatima", WW, nu()).unwrap();
    let loket = gateway.voor(Some(&fatima), nu().date(), &klok);
    let geweigerd = |r: Result<(), BeheerFout>| {
        assert!(matches!(r, Err(BeheerFout::GeenBeheerder(_))), "{r:?}");
    };
    geweigerd(
        loket
            .auditlog_pagina(&AuditFilter::default(), 0, 10)
            .map(|_| ()),
    );
    geweigerd(loket.auditlog_tel(&AuditFilter::default()).map(|_| ()));
    geweigerd(loket.auditlog_acties().map(|_| ()));
    geweigerd(loket.auditlog_verifieer().map(|_| ()));
    geweigerd(loket.te_vernietigen().map(|_| ()));
    geweigerd(loket.vernietig_alle_vervallen().map(|_| ()));

    // Each refusal is a row of the shared chain, read by the beheerder.
    let loket = gateway.voor(Some(&bea), nu().date(), &klok);
    let geweigerde = loket
        .auditlog_pagina(
            &AuditFilter {
                actor: Some("MW-2".into()),
                ..AuditFilter::default()
            },
            0,
            100,
        )
        .unwrap()
        .into_iter()
        .filter(|r| r.resultaat == "geweigerd")
        .count();
    assert_eq!(geweigerde, 6);
    let regels = loket.auditlog_tel(&AuditFilter::default()).unwrap();
    assert_eq!(
        loket.auditlog_verifieer().unwrap(),
        Verificatie::Intact { regels }
    );
    assert!(loket.te_vernietigen().unwrap().is_empty());
}
