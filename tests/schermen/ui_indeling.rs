//! Layout at 1280×800 (issue 14 points 4 and 5): a long question wraps in
//! its column and the page keeps its buttons in view; typing in a
//! multi-line field does not move the fields and buttons around it; the
//! besluit form keeps its shape whatever is chosen, typed or answered.

#![allow(clippy::expect_used, reason = "tests may fail loudly")]

use crate::steun::d;
use crate::steun::klantreis::{INTAKER, WIJKCOACH, h, ladder, melding, register};
use crate::steun::ui::{harness_van, kies, klik, typ, vervang, y};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use wijkregister::domain::Wet;
use wijkregister::domain::klantreis::{Leefgebied, Stap};
use wijkregister::store::klantreis::{self as kr, NieuweStap};
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

/// Miriam's melding (zelfzorg), weighed by the wijkcoach up to a decision
/// (gesprek, analyse, the whole ladder "lost het niet op"), opened in a
/// window 1280 px wide and tall enough to show the whole form.
fn gewogen_melding_open() -> Harness<'static, WijkregisterApp> {
    let conn = register();
    let mut m = melding("I-MIRIAM", d(2026, 11, 2), Some(Wet::Wmo));
    m.medewerker = WIJKCOACH.into();
    m.leefgebieden = vec![Leefgebied::Zelfzorg];
    let id = kr::melding_toevoegen(&conn, h(WIJKCOACH), &m).expect("melding");
    for (stap, dag) in [(Stap::Gesprek, 5), (Stap::Analyse, 9)] {
        let nieuw = NieuweStap {
            stap,
            datum: d(2026, 11, dag),
            medewerker: WIJKCOACH.into(),
            notitie: String::new(),
            uitkomst: None,
        };
        kr::stap_vastleggen(&conn, h(WIJKCOACH), &id, &nieuw).expect("stap");
    }
    kr::afweging_opslaan(
        &conn,
        h(WIJKCOACH),
        &id,
        d(2026, 11, 12),
        &ladder(&[false, false, false, false]),
    )
    .expect("afweging");
    let mut app = WijkregisterApp::new(conn, d(2026, 11, 26));
    app.werk_als(WIJKCOACH);
    let mut h = harness_van(app, 1280.0, 1600.0);
    h.run();
    klik(&mut h, "Miriam de Vries");
    h.get_by_role_and_label(egui::accesskit::Role::Link, "02-11-2026")
        .click();
    h.run();
    h
}

/// The ladder's rows stay inside 1280 px: three answers of a rung that may
/// solve part of the need, and the error column beside the Waarom fields
/// (it showed past the window's edge while the answers were long).
#[test]
fn afwegingsladder_blijft_binnen_1280() {
    let h = gewogen_melding_open();
    for trede in [
        "eigen kracht",
        "netwerk",
        "algemene voorziening",
        "voorliggende voorziening",
    ] {
        for antwoord in ["lost het op", "lost het niet op"] {
            let r = h.get_by_label(&format!("{trede}: {antwoord}")).rect();
            assert!(r.right() <= 1280.0, "{trede}: {antwoord} at {r:?}");
        }
    }
    for trede in ["algemene voorziening", "voorliggende voorziening"] {
        let r = h.get_by_label(&format!("{trede}: lost een deel op")).rect();
        assert!(r.right() <= 1280.0, "{trede}: lost een deel op at {r:?}");
    }
    // The error column: a Waarom field's right edge plus the message column.
    // The field keeps its width for a sentence.
    let veld = h.get_by_label("Waarom (voorliggende voorziening):").rect();
    assert!(veld.width() >= 520.0, "Waarom is {veld:?}");
    assert!(
        veld.right() + 12.0 + wijkregister::ui::widgets::MELDING_BREEDTE <= 1280.0,
        "the error column beside {veld:?} runs off the window"
    );
}

/// The besluit form keeps its shape (issue 14 point 5): choosing
/// "afgewezen", typing a long reason or note, a date error and the question
/// about a maatwerkcontract after a save move none of the fields below and
/// not the buttons. Miriam's melding (zelfzorg), weighed up to a decision
/// by the wijkcoach, at 1280 px wide (tall enough to show the whole form).
#[test]
fn besluitformulier_verspringt_niet() {
    let mut h = gewogen_melding_open();
    klik(&mut h, "Besluitformulier openen (aanvraag + besluit)");

    let vast: [&str; 7] = [
        "Voorziening (maatwerk):",
        "Aanbieder:",
        "Einddatum:",
        "Leveringsvorm:",
        "besluit volgens de Doorbraakmethode",
        "Besluit opslaan",
        "Annuleren",
    ];
    let plekken = |h: &Harness<'static, WijkregisterApp>| -> Vec<egui::Rect> {
        vast.iter().map(|l| h.get_by_label(l).rect()).collect()
    };
    let voor = plekken(&h);
    let gelijk = |h: &Harness<'static, WijkregisterApp>, na: &str| {
        for (label, (was, is)) in vast.iter().zip(voor.iter().zip(plekken(h))) {
            assert!(
                (was.min - is.min).length() < 0.5,
                "{label} verschoof van {was:?} naar {is:?} na {na}"
            );
        }
    };

    kies(&mut h, "Uitkomst besluit:", "afgewezen");
    gelijk(&h, "de keuze afgewezen");
    h.get_by_label("Reden afwijzing:").click();
    h.run();
    for n in 0..20 {
        h.get_by_label("Reden afwijzing:")
            .type_text(&format!("Reden {n}: de ondersteuning is niet nodig.\n"));
        h.run();
        gelijk(&h, &format!("regel {n} van de reden"));
    }
    kies(&mut h, "Uitkomst besluit:", "toegekend");
    gelijk(&h, "terug naar toegekend");

    h.get_by_label("Notitie besluit:").click();
    h.run();
    for n in 0..20 {
        h.get_by_label("Notitie besluit:")
            .type_text(&format!("Notitie {n} bij het besluit.\n"));
        h.run();
    }
    gelijk(&h, "twintig regels notitie");

    typ(&mut h, "Einddatum:", "31-02-2027");
    h.key_press(egui::Key::Tab);
    h.run();
    h.get_by_label_contains("Fout: ");
    gelijk(&h, "een onjuiste einddatum");
    vervang(&mut h, "Einddatum:", "31-12-2027");

    kies(
        &mut h,
        "Voorziening (maatwerk):",
        "Individuele begeleiding (categorie 02)",
    );
    kies(
        &mut h,
        "Aanbieder:",
        "Nieuw Zorg – geen contract op 26-11-2026",
    );
    gelijk(&h, "een aanbieder zonder contract");
    klik(&mut h, "Besluit opslaan");
    h.get_by_label("Dit wordt een maatwerkcontract. Doorgaan?");
    gelijk(&h, "de vraag om een maatwerkcontract");
    klik(&mut h, "Nee");
    gelijk(&h, "nee op die vraag");
    assert!(
        h.state()
            .loket()
            .dossier("I-MIRIAM")
            .expect("dossier")
            .toekenningen
            .is_empty(),
        "niets opgeslagen zonder ja"
    );
}
