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
    let Some(wijkregister::ui::actie::Plek::Melding { id: melding, .. }) = h.state().getoond()
    else {
        panic!("de melding staat open");
    };
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

#[test]
fn schuldhulp_met_huisuitzetting_eigen_pad_en_verwijzing() {
    let conn = demo_register();
    let (intaker, inwoner, bsn, naam) = intaker_en_inwoner(&conn);
    let mut h = harness(conn, &intaker);
    open_nieuwe_melding(&mut h, &bsn, &naam);
    typ(
        &mut h,
        "Vraag (in de woorden van de inwoner):",
        "Huurachterstand en premieschuld; de verhuurder dreigt met ontruiming.",
    );
    klik(&mut h, "Financiën");
    klik(&mut h, "Huisvesting");
    kies(&mut h, "Wet:", "Wet gemeentelijke schuldhulpverlening");
    klik(
        &mut h,
        "spoed (schuldhulp: dreigende huisuitzetting, afsluiting of beëindiging zorgverzekering)",
    );
    klik(&mut h, "Melding opslaan (Enter)");

    // The path, not the Wmo research term: eerste gesprek within 3 working days.
    h.get_by_label("Schuldhulp (Wgs): het pad van deze melding");
    h.get_by_label("Eerste gesprek (spoed: 3 werkdagen)");
    h.get_by_label("uiterlijk 01-12-2026 (art. 4 Wgs (3 werkdagen))");
    // In the deadline line at the top and in the path.
    assert_eq!(h.get_all_by_label("nog 3 werkdagen").count(), 2);
    typ(
        &mut h,
        "Notitie:",
        "Eerste gesprek met de schuldhulpverlener.",
    );
    klik(&mut h, "Stap opslaan");
    // Now the beschikking runs: 8 weeks after the eerste gesprek.
    h.get_by_label("uiterlijk 21-01-2027 (art. 4a Wgs (8 weken na het eerste gesprek))");
    typ(
        &mut h,
        "Notitie:",
        "Schulden bij verhuurder en zorgverzekeraar.",
    );
    klik(&mut h, "Stap opslaan");

    // The ladder: the course in household administration takes part of it.
    for (keuze, veld, tekst) in [
        (
            "eigen kracht: lost het niet op",
            "Waarom (eigen kracht):",
            "Overziet het niet.",
        ),
        (
            "netwerk: lost het niet op",
            "Waarom (netwerk):",
            "Geen netwerk dat helpt.",
        ),
        (
            "algemene voorziening: lost een deel op",
            "Waarom (algemene voorziening):",
            "de administratie op orde, niet de schulden",
        ),
        (
            "voorliggende voorziening: lost het niet op",
            "Waarom (voorliggende voorziening):",
            "Geen voorliggende voorziening.",
        ),
    ] {
        klik(&mut h, keuze);
        typ(&mut h, veld, tekst);
    }
    klik(&mut h, "Afweging opslaan");
    h.get_by_label("Afweging opgeslagen.");

    // Esc in the verwijzing sub-form closes only that form.
    klik(&mut h, "Nieuwe verwijzing");
    h.get_by_label("Verwijzing opslaan");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.query_by_label("Verwijzing opslaan").is_none());
    h.get_by_label_contains(&format!("Melding van {naam}"));

    // A verwijzing for that part…
    klik(&mut h, "Nieuwe verwijzing");
    kies(
        &mut h,
        "Voorziening:",
        "Ondersteuning bij thuisadministratie (algemene voorziening)",
    );
    klik(&mut h, "Verwijzing opslaan");
    h.get_by_label("Verwijzing opgeslagen.");

    // …and the beschikking on toelating to the schuldhulp traject.
    klik(&mut h, "Maatwerkbesluit nemen");
    klik(&mut h, "Voorziening (maatwerk):");
    // The option in the open list (the offer's table names it too).
    h.get_all_by_label("Traject schuldspecialist")
        .last()
        .expect("keuze")
        .click();
    h.run();
    klik(&mut h, "Aanbieder:");
    h.get_by_label("Schuldhulp Twente – actief contract")
        .click();
    h.run();
    klik(&mut h, "Besluit opslaan");
    h.get_by_label("Besluit opgeslagen.");
    h.get_by_label("Beschikking: toegelaten");

    // The traject begins with stabilisatie.
    kies(&mut h, "Fase:", "Stabilisatie");
    typ(
        &mut h,
        "Notitie bij de fase:",
        "Vaste lasten op orde, geen nieuwe schulden.",
    );
    klik(&mut h, "Fase opslaan");
    h.get_by_label("Trajectfase 'Stabilisatie' opgeslagen.");
    assert_eq!(h.get_all_by_label("gedaan op 26-11-2026").count(), 4);

    let Some(wijkregister::ui::actie::Plek::Melding { id: melding, .. }) = h.state().getoond()
    else {
        panic!("de melding staat open");
    };
    let dossier = h.state().loket().dossier(&inwoner).expect("dossier");
    let verwezen: Vec<&str> = dossier
        .verwijzingen
        .iter()
        .filter(|v| v.melding == melding)
        .map(|v| v.voorziening.as_str())
        .collect();
    assert_eq!(verwezen, ["Ondersteuning bij thuisadministratie"]);
    let besloten: Vec<&str> = dossier
        .toekenningen
        .iter()
        .filter(|t| t.melding.as_deref() == Some(melding.as_str()))
        .map(|t| t.voorziening.as_str())
        .collect();
    assert_eq!(besloten, ["Traject schuldspecialist"]);
    let ladder = h.state().loket().afweging(&melding).expect("afweging");
    assert_eq!(
        ladder
            .trede(wijkregister::domain::klantreis::TredeSoort::AlgemeneVoorziening)
            .deel(),
        Some("de administratie op orde, niet de schulden")
    );
}
