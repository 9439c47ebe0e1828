//! The klantreis on a fresh demo register, the way a new team meets it on
//! the first start (issue 14): matched care works out of the box.

#![allow(clippy::expect_used, reason = "tests may fail loudly")]

use crate::steun::d;
use crate::steun::ui::{harness_van, kies, klik, typ};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rusqlite::Connection;
use wijkregister::demo::{self, DemoInstellingen};
use wijkregister::domain::VoorzieningSoort;
use wijkregister::domain::klantreis::Leefgebied;
use wijkregister::store;
use wijkregister::ui::app::WijkregisterApp;

const KLOK: &str = "2026-11-26T10:15:00+01:00";

/// A small demo register on Thursday 26-11-2026, as `wijkregister demo` makes it.
fn demo_register() -> Connection {
    let mut conn = store::open_in_memory().expect("open");
    demo::vul_register(
        &mut conn,
        &DemoInstellingen {
            inwoners: 250,
            jaren: 1,
            eind_jaar: 2026,
            peildatum: Some(d(2026, 11, 26)),
            seed: 14,
        },
    )
    .expect("demo");
    conn
}

/// An intaker and an adult resident with a BSN of the intaker's wijkteam.
fn intaker_en_inwoner(conn: &Connection) -> (String, String, String, String) {
    conn.query_row(
        "SELECT m.id, i.id, i.bsn, i.voornaam || ' ' || i.achternaam
         FROM medewerker m JOIN inwoner i ON i.wijkteam = m.wijkteam
         WHERE m.rol = 'intaker' AND i.bsn IS NOT NULL AND i.geboortedatum < '1990-01-01'
         ORDER BY m.id, i.id LIMIT 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )
    .expect("intaker en inwoner")
}

fn harness(conn: Connection, werk_als: &str) -> Harness<'static, WijkregisterApp> {
    let mut app = WijkregisterApp::new(conn, d(2026, 11, 26));
    app.werk_als(werk_als);
    app.zet_klok(KLOK);
    let mut h = harness_van(app, 1400.0, 3000.0);
    h.run();
    h
}

/// Opens the resident through the Inwoners search and starts a new melding.
fn open_nieuwe_melding(h: &mut Harness<'static, WijkregisterApp>, bsn: &str, naam: &str) {
    typ(h, "Zoeken:", bsn);
    klik(h, naam);
    klik(h, "Nieuwe melding");
}

#[test]
fn matched_care_op_een_vers_demoregister_voor_financien_en_wonen() {
    let conn = demo_register();
    let (intaker, inwoner, bsn, naam) = intaker_en_inwoner(&conn);
    let mut h = harness(conn, &intaker);
    open_nieuwe_melding(&mut h, &bsn, &naam);
    kies(&mut h, "Bron:", "Huisarts");
    typ(
        &mut h,
        "Vraag (in de woorden van de inwoner):",
        "Ik heb een huurachterstand en krijg de post niet meer op orde.",
    );
    klik(&mut h, "Financiën");
    klik(&mut h, "Huisvesting");
    kies(&mut h, "Wet:", "Wmo 2015");
    klik(&mut h, "Melding opslaan (Enter)");
    h.get_by_label_contains(&format!("Melding van {naam}"));

    // The store's matched care for the melding: algemene first, each
    // answering Financiën or Huisvesting, and maatwerk with a contract.
    let dossier = h.state().loket().dossier(&inwoner).expect("dossier");
    let melding = dossier.meldingen[0].id.clone();
    let passend = h
        .state()
        .loket()
        .passende_voorzieningen(&melding, d(2026, 11, 26))
        .expect("matched care");
    let kern = h.state().loket().melding(&melding).expect("melding");
    assert_eq!(
        kern.leefgebieden,
        [Leefgebied::Financien, Leefgebied::Huisvesting]
    );
    assert!(
        passend
            .iter()
            .any(|p| p.id == "V-THUISADMIN" && p.soort == VoorzieningSoort::Algemeen),
        "thuisadministratie hoort bij Financiën: {passend:?}"
    );
    assert_eq!(passend[0].soort, VoorzieningSoort::Algemeen);
    assert!(passend.iter().all(|p| p.gedeelde_leefgebieden > 0));
    assert!(
        passend.iter().any(|p| p.soort == VoorzieningSoort::Maatwerk
            && p.aanbieders.iter().any(|a| a.actief_contract.is_some())),
        "een maatwerkvoorziening met een lopend contract"
    );

    // On screen: after gesprek, analyse and the ladder, the verwijzing
    // offers the fitting algemene voorzieningen and says nothing is missing.
    for notitie in ["Gesprek aan huis.", "Schulden en een dreigende huurschuld."] {
        typ(&mut h, "Notitie:", notitie);
        klik(&mut h, "Stap opslaan");
    }
    for (trede, waarom) in [
        ("eigen kracht", "Overziet de post niet."),
        ("netwerk", "Geen familie in de buurt."),
        ("algemene voorziening", "Hulp bij de thuisadministratie."),
    ] {
        let keuze = if trede == "algemene voorziening" {
            "lost het op"
        } else {
            "lost het niet op"
        };
        klik(&mut h, &format!("{trede}: {keuze}"));
        typ(&mut h, &format!("Waarom ({trede}):"), waarom);
    }
    klik(&mut h, "Afweging opslaan");
    assert!(
        h.query_by_label_contains("Geen algemene of voorliggende")
            .is_none()
    );
    kies(
        &mut h,
        "Verwijzen naar:",
        "Ondersteuning bij thuisadministratie",
    );
    klik(
        &mut h,
        "Verwijzen en melding afsluiten (algemene voorziening)",
    );
    h.get_by_label("Melding afgesloten volgens de afwegingsladder.");
    let dossier = h.state().loket().dossier(&inwoner).expect("dossier");
    assert!(
        dossier
            .verwijzingen
            .iter()
            .any(|v| v.voorziening == "Ondersteuning bij thuisadministratie")
    );
}

#[test]
fn een_lege_lijst_zegt_waarom_en_wat_te_doen() {
    let conn = demo_register();
    let (intaker, _, bsn, naam) = intaker_en_inwoner(&conn);
    let mut h = harness(conn, &intaker);
    open_nieuwe_melding(&mut h, &bsn, &naam);
    kies(&mut h, "Bron:", "Huisarts");
    typ(
        &mut h,
        "Vraag (in de woorden van de inwoner):",
        "Ik moet een taakstraf doen en weet niet hoe.",
    );
    // Justitie: on the demo kaart only Jeugdwet provisions answer it.
    klik(&mut h, "Justitie");
    kies(&mut h, "Wet:", "Wmo 2015");
    klik(&mut h, "Melding opslaan (Enter)");
    for notitie in ["Gesprek.", "Analyse."] {
        typ(&mut h, "Notitie:", notitie);
        klik(&mut h, "Stap opslaan");
    }
    for (trede, keuze) in [
        ("eigen kracht", "lost het niet op"),
        ("netwerk", "lost het niet op"),
        ("algemene voorziening", "lost het op"),
    ] {
        klik(&mut h, &format!("{trede}: {keuze}"));
        typ(&mut h, &format!("Waarom ({trede}):"), "Toelichting.");
    }
    klik(&mut h, "Afweging opslaan");
    h.get_by_label(
        "Geen algemene of voorliggende voorziening voor de leefgebieden Justitie op de sociale kaart. \
         Wat te doen: vraag de beheerder (Sociale kaart) een voorziening deze leefgebieden te geven, \
         of corrigeer de leefgebieden van de melding.",
    );
}
