//! The Werkvoorraad screen through `egui_kittest` on a fixed "today"
//! (Thursday 26-11-2026): every line in its section and order with the
//! texts a worker reads, a click opens the dossier, kind empty sections,
//! and the teamleider's team view.

#![allow(clippy::expect_used, reason = "tests may fail loudly")]

use crate::steun::d;
use crate::steun::klantreis::{INTAKER, SCHULD, WIJKCOACH};
use crate::steun::ui::{harness_van, y};
use crate::steun::werkvoorraad::{LEIDER, fixture, schrijf, toekenning, vandaag};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rusqlite::Connection;
use wijkregister::domain::{Record, Verwijzer};
use wijkregister::ui::app::{Scherm, WijkregisterApp};

fn harness(werk_als: Option<&str>) -> Harness<'static, WijkregisterApp> {
    harness_op(fixture(), werk_als)
}

fn harness_op(conn: Connection, werk_als: Option<&str>) -> Harness<'static, WijkregisterApp> {
    let mut app = WijkregisterApp::new(conn, vandaag());
    if let Some(m) = werk_als {
        app.werk_als(m);
    }
    let mut h = harness_van(app, 1280.0, 1000.0);
    h.run();
    if werk_als.is_some() {
        h.get_by_label("Werkvoorraad").click();
        h.run();
    }
    h
}

#[test]
fn secties_volgorde_en_teksten() {
    let h = harness(Some(INTAKER));
    h.get_by_label("Werkvoorraad van Ineke Intaker");

    // (1) Open meldingen: overdue first, then due soon, then on time.
    h.get_by_label("Open meldingen (3) – 1 te laat, 1 binnen 5 werkdagen");
    h.get_by_label("10 dagen te laat");
    h.get_by_label("nog 3 werkdagen");
    h.get_by_label("op tijd");
    h.get_by_label("16-11-2026");
    h.get_by_label("01-12-2026");
    h.get_by_label("29-12-2026");
    assert_eq!(h.query_all_by_label("Onderzoek Wmo afronden").count(), 3);
    assert!(y(&h, "Miriam de Vries") < y(&h, "Henk Hansen"));
    assert!(y(&h, "Henk Hansen") < y(&h, "Jet Jong"));
    // Status text sits on the line of its melding.
    assert!((y(&h, "10 dagen te laat") - y(&h, "Miriam de Vries")).abs() < 8.0);
    assert!((y(&h, "nog 3 werkdagen") - y(&h, "Henk Hansen")).abs() < 8.0);

    // (2) Herindicatie, (3) turning 18, (4) waiting — each under its heading, in this order.
    let kop2 = y(
        &h,
        "Besluiten die binnen 8 weken aflopen – herindicatie (1)",
    );
    let kop3 = y(
        &h,
        "Jongeren met jeugdhulp die binnen 6 maanden 18 worden (1)",
    );
    let kop4 = y(&h, "Toegekend, nog niet gestart (1)");
    assert!(y(&h, "Jet Jong") < kop2);
    let ria = y(&h, "Ria Ruiter");
    assert!(kop2 < ria && ria < kop3);
    h.get_by_label("26-12-2026");
    h.get_by_label("nog 30 dagen");
    let koen = y(&h, "Koen Kok");
    assert!(kop3 < koen && koen < kop4);
    h.get_by_label("26-03-2027");
    h.get_by_label("over 4 maanden");
    assert!(kop4 < y(&h, "Sem Smit"));
    h.get_by_label("06-11-2026");
    h.get_by_label("20 dagen");
    // The wijkcoach's melding is not in the intaker's queue.
    assert!(h.query_by_label("Anna Bos").is_none());
}

#[test]
fn regel_opent_het_dossier() {
    let mut h = harness(Some(INTAKER));
    h.get_by_label("Henk Hansen").click();
    h.run();
    // Opened from the werkvoorraad, the dossier stays under it in the navigation.
    assert_eq!(h.state().scherm(), Scherm::Werkvoorraad);
    // The dossier of Henk: his date of birth is shown, the queue is gone.
    h.get_by_label("01-06-1954");
    assert!(
        h.query_by_label("Open meldingen (3) – 1 te laat, 1 binnen 5 werkdagen")
            .is_none()
    );
    // Terug goes back to the werkvoorraad.
    h.get_by_label("Terug naar de werkvoorraad (Esc)").click();
    h.run();
    h.get_by_label("Open meldingen (3) – 1 te laat, 1 binnen 5 werkdagen");

    let mut h = harness(Some(INTAKER));
    h.get_by_label("Sem Smit").click();
    h.run();
    assert_eq!(h.state().scherm(), Scherm::Werkvoorraad);
    h.get_by_label("08-08-1988");
}

#[test]
fn lege_werkvoorraad_en_geen_keuze() {
    let h = harness(Some(SCHULD));
    h.get_by_label("Open meldingen (0)");
    h.get_by_label("Geen open meldingen. Niets te laat. Goed bezig.");
    h.get_by_label("Geen besluiten die binnenkort aflopen.");
    h.get_by_label("Geen jongeren die binnenkort 18 worden.");
    h.get_by_label("Alles wat is toegekend, is gestart.");
    // A non-teamleider has no team switch.
    assert!(h.query_by_label("Hele team").is_none());

    let h = harness(None);
    h.get_by_label_contains("Kies eerst links onder \"Werken als\"");
}

#[test]
fn teamleider_ziet_het_team() {
    let mut h = harness(Some(LEIDER));
    h.get_by_label("Werkvoorraad van Tessa Leider");
    // Her own queue is empty.
    h.get_by_label("Geen open meldingen. Niets te laat. Goed bezig.");

    h.get_by_label("Hele team").click();
    h.run();
    h.get_by_label("Werkvoorraad van het team");
    h.get_by_label(
        "Hele team: 4 open meldingen, 2 te laat, 1 binnen 5 werkdagen, 1 herindicatie, \
         1 jongere wordt 18, 1 wachtende toekenning, 0 huishoudens onder casus- of procesregie.",
    );
    h.get_by_label("Open meldingen (4) – 2 te laat, 1 binnen 5 werkdagen");
    // Lines of the whole team, with the medewerker; the coach's 8 weeks overdue line comes first.
    h.get_by_label("Anna Bos");
    h.get_by_label("Wim Coach");
    assert!(y(&h, "Anna Bos") < y(&h, "Miriam de Vries"));

    h.get_by_label("Per medewerker").click();
    h.run();
    for naam in ["Ineke Intaker", "Sara Schuld", "Tessa Leider", "Wim Coach"] {
        h.get_by_label(naam);
    }
    h.get_by_label("Wim Coach").click();
    h.run();
    h.get_by_label("Werkvoorraad van Wim Coach");
    h.get_by_label("Open meldingen (1) – 1 te laat");
    h.get_by_label("Anna Bos");
    assert!(h.query_by_label("Miriam de Vries").is_none());
}

/// A direct Jeugdwet referral (no melding) of Jesse, waiting since 1
/// October; he turns 18 on 26-05-2027.
fn met_directe_verwijzing() -> Connection {
    let conn = fixture();
    let mut t = toekenning(
        "T-DIRECT",
        "",
        "I-JONG",
        "V-JEUGD",
        d(2026, 10, 1),
        None,
        None,
    );
    if let Record::Toekenning(x) = &mut t {
        x.melding = None;
        x.verwijzer = Verwijzer::Huisarts;
    }
    schrijf(&conn, &[t]);
    conn
}

#[test]
fn toekenning_zonder_melding_staat_bij_de_teamleider() {
    let mut h = harness_op(met_directe_verwijzing(), Some(LEIDER));
    // In her own queue: waiting, and turning 18.
    h.get_by_label_contains("Toekenningen zonder melding (bijvoorbeeld een directe verwijzing");
    assert_eq!(h.get_all_by_label("Jesse Jong").count(), 2);

    h.get_by_label("Per medewerker").click();
    h.run();
    h.get_by_label("Zonder melding (teamleider)").click();
    h.run();
    h.get_by_label("Toekenningen zonder melding");
    h.get_by_label("Toegekend, nog niet gestart (1)");
    assert_eq!(h.get_all_by_label("Jesse Jong").count(), 2);

    // The switch (the table's total row is named "Hele team" too).
    h.get_all_by_label("Hele team")
        .next()
        .expect("knop")
        .click();
    h.run();
    h.get_by_label(
        "Hele team: 4 open meldingen, 2 te laat, 1 binnen 5 werkdagen, 1 herindicatie, \
         2 jongeren worden 18, 2 wachtende toekenningen, 0 huishoudens onder casus- of procesregie.",
    );
    assert_eq!(
        h.get_all_by_label("Zonder melding (teamleider)").count(),
        2,
        "de regels staan bij de teamleider, niet bij een medewerker"
    );

    // No worker has it.
    let h = harness_op(met_directe_verwijzing(), Some(INTAKER));
    assert!(h.query_by_label("Jesse Jong").is_none());
}

/// The wijkcoach's real work (issue 14): casusregisseur of two households
/// (Anna's at AVE 2 since August, Sem's at AVE 3 since October), and a
/// besluit she took on the intaker's melding of Henk, granted on 12
/// November and not started.
fn met_casusregie_en_wachtend_besluit() -> Connection {
    use wijkregister::domain::ave::{NieuweAveGebeurtenis, Procesregisseur};
    use wijkregister::store::ave;
    let conn = fixture();
    let op = d(2026, 11, 1).and_hms_opt(9, 0, 0).expect("tijd");
    for (huishouden, datum, niveau) in [
        ("H-I-ANNA", d(2026, 8, 3), 2),
        ("H-I-SEM", d(2026, 10, 12), 3),
    ] {
        ave::registreer(
            &conn,
            &NieuweAveGebeurtenis {
                huishouden: huishouden.into(),
                datum,
                niveau,
                reden: "Meerdere leefgebieden; één plan.".into(),
                casusregisseur: Some(WIJKCOACH.into()),
                procesregisseur: (niveau >= 3)
                    .then(|| Procesregisseur::Organisatie("Zorg- en Veiligheidshuis".into())),
                geregistreerd_door: WIJKCOACH.into(),
                reden_geen_procesmanager: None,
            },
            vandaag(),
            op,
        )
        .expect("ave");
    }
    let henk: String = conn
        .query_row(
            "SELECT id FROM melding WHERE inwoner = 'I-HANSEN'",
            [],
            |r| r.get(0),
        )
        .expect("melding van Henk");
    schrijf(
        &conn,
        &[toekenning(
            "T-HENK",
            &henk,
            "I-HANSEN",
            "V-BEGELEIDING",
            d(2026, 11, 12),
            None,
            None,
        )],
    );
    // The coach recorded the aanvraag en besluit step of that melding.
    conn.execute(
        "INSERT INTO klantreis_stap (melding, stap, datum, medewerker, notitie, vastgelegd_op)
         VALUES (?1, 'aanvraag-besluit', '2026-11-12', ?2, 'Begeleiding toegekend.', '2026-11-12T10:00:00')",
        rusqlite::params![henk, WIJKCOACH],
    )
    .expect("stap");
    conn
}

#[test]
fn wijkcoach_ziet_casusregie_en_wachtend_besluit() {
    let mut h = harness_op(met_casusregie_en_wachtend_besluit(), Some(WIJKCOACH));
    h.get_by_label("Werkvoorraad van Wim Coach");
    // Her households, the longest unchanged first, with level and date.
    let kop = y(&h, "Huishoudens waar u casus- of procesregisseur bent (2)");
    let anna = y(&h, "Huishouden Anna Bos");
    let sem = y(&h, "Huishouden Sem Smit");
    assert!(kop < anna && anna < sem);
    h.get_by_label("AVE 2 – meervoudige problematiek");
    h.get_by_label("AVE 3 – complex, vastgelopen of onveilig");
    h.get_by_label("03-08-2026");
    h.get_by_label("12-10-2026");
    h.get_by_label("115 dagen");
    h.get_by_label("45 dagen");
    // The decision she took on the intaker's melding waits 14 days.
    h.get_by_label("Toegekend, nog niet gestart (1)");
    let wacht = y(&h, "Toegekend, nog niet gestart (1)");
    let henk: Vec<f32> = h
        .get_all_by_label("Henk Hansen")
        .map(|n| n.rect().center().y)
        .collect();
    assert_eq!(henk.len(), 2, "open melding en wachtend besluit");
    assert!(henk[0] < wacht && henk[1] > wacht);
    h.get_by_label("14 dagen");
    // And Henk's open melding, on which she took the decision, is hers to follow too.
    h.get_by_label_contains("Open meldingen (2)");

    // The provision opens Henk's melding (the record), the household line the household.
    h.get_by_label("Individuele begeleiding").click();
    h.run();
    let henk = h
        .state()
        .loket()
        .dossier("I-HANSEN")
        .expect("dossier")
        .meldingen[0]
        .id
        .clone();
    assert_eq!(
        h.state().getoond(),
        Some(wijkregister::ui::actie::Plek::Melding {
            id: henk,
            herbeoordelen: None
        })
    );
    h.get_by_label_contains("Melding van Henk Hansen");

    let mut h = harness_op(met_casusregie_en_wachtend_besluit(), Some(WIJKCOACH));
    h.get_by_label("Huishouden Sem Smit").click();
    h.run();
    assert_eq!(
        h.state().getoond(),
        Some(wijkregister::ui::actie::Plek::Huishouden("H-I-SEM".into()))
    );
}

/// The team views show what a worker took over (issue 14 point 2, for the
/// teamleider): Wim Coach's casusregie of two households and the besluit he
/// took on Ineke Intaker's melding of Henk are in his queue under "Per
/// medewerker" exactly as in his own screen, and in "Hele team" once, with
/// both names, counted once in the totals.
#[test]
fn teamleider_ziet_overgenomen_werk_en_regie() {
    use wijkregister::store::werkvoorraad::{werkvoorraad, werkvoorraad_team};
    let conn = met_casusregie_en_wachtend_besluit();
    // Each worker's queue in the team view is the one that worker sees
    // (the teamleider's lines without a melding are a group of their own).
    let team = werkvoorraad_team(&conn, "W-OOST", vandaag()).expect("team");
    for p in &team.per_medewerker {
        if p.medewerker != LEIDER {
            assert_eq!(
                p.werkvoorraad,
                werkvoorraad(&conn, &p.medewerker, vandaag()).expect("eigen"),
                "{} in het team",
                p.naam
            );
        }
    }
    let mut h = harness_op(conn, Some(LEIDER));

    h.get_all_by_label("Hele team")
        .next()
        .expect("knop")
        .click();
    h.run();
    h.get_by_label(
        "Hele team: 4 open meldingen, 2 te laat, 1 binnen 5 werkdagen, 1 herindicatie, \
         1 jongere wordt 18, 2 wachtende toekenningen, 2 huishoudens onder casus- of procesregie.",
    );
    h.get_by_label("Open meldingen (4) – 2 te laat, 1 binnen 5 werkdagen");
    // Henk's melding and the waiting besluit: once each, with both names.
    assert_eq!(
        h.get_all_by_label("Ineke Intaker, Wim Coach").count(),
        2,
        "de melding van Henk en het wachtende besluit, elk één keer"
    );
    h.get_by_label("Toegekend, nog niet gestart (2)");
    h.get_by_label("Huishoudens waar iemand van het team casus- of procesregisseur is (2)");
    h.get_by_label("Huishouden Anna Bos");
    h.get_by_label("Huishouden Sem Smit");

    h.get_by_label("Per medewerker").click();
    h.run();
    h.get_by_label("Wim Coach").click();
    h.run();
    h.get_by_label("Werkvoorraad van Wim Coach");
    h.get_by_label_contains("Open meldingen (2)");
    h.get_by_label("Huishoudens waar Wim Coach casus- of procesregisseur is (2)");
    h.get_by_label("Toegekend, nog niet gestart (1)");
    h.get_by_label("14 dagen");
    // A line opens its record from the team view too.
    h.get_by_label("Huishouden Sem Smit").click();
    h.run();
    assert_eq!(
        h.state().getoond(),
        Some(wijkregister::ui::actie::Plek::Huishouden("H-I-SEM".into()))
    );
}
