//! The klantreis forms from the keyboard and where their rows show, through
//! `egui_kittest`: Enter saves the form the cursor is in (not another form on
//! the same screen, and never from a multi-line note), Esc cancels the open
//! form before it leaves the screen; the melding screen lists only this
//! melding's toekenningen and verwijzingen; a running toekenning is ended
//! or op- of afgeschaald from its row in the dossier, also without a
//! melding.

#![allow(clippy::expect_used, reason = "tests may fail loudly")]

use crate::steun::d;
use crate::steun::klantreis::{self, INTAKER, WIJKCOACH, h, melding, register};
use crate::steun::ui::{harness_van, kies, klik, typ};
use chrono::NaiveDate;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use rusqlite::{Connection, Transaction, TransactionBehavior};
use wijkregister::domain::klantreis::Stap;
use wijkregister::domain::{
    BesluitUitkomst, Leveringsvorm, Record, RedenEinde, Toekenning, Verwijzer, Verwijzing,
    VerwijzingStatus, Wet,
};
use wijkregister::store::klantreis as kr;
use wijkregister::store::schrijven::voeg_in;
use wijkregister::ui::app::WijkregisterApp;

const KLOK: &str = "2026-11-26T16:45:00+01:00";

fn harness(conn: Connection) -> Harness<'static, WijkregisterApp> {
    let mut app = WijkregisterApp::new(conn, d(2026, 11, 26));
    app.werk_als(WIJKCOACH);
    app.zet_klok(KLOK);
    let mut h = harness_van(app, 1400.0, 3000.0);
    h.run();
    h
}

fn toets(h: &mut Harness<'static, WijkregisterApp>, toets: Key) {
    h.key_press(toets);
    h.run();
}

/// A granted, running toekenning of `voorziening` for Miriam, on `melding` or none.
fn toekenning(conn: &Connection, id: &str, melding: Option<&str>, voorziening: &str) {
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate).expect("tx");
    voeg_in(
        &tx,
        &Record::Toekenning(Toekenning {
            id: id.into(),
            inwoner: "I-MIRIAM".into(),
            voorziening: voorziening.into(),
            aanbieder: Some("A-ZORG".into()),
            contract: None,
            melding: melding.map(Into::into),
            verwijzer: if melding.is_some() {
                Verwijzer::Gemeente
            } else {
                Verwijzer::Huisarts
            },
            aanvraag: None,
            besluit: d(2026, 6, 1),
            uitkomst: BesluitUitkomst::Toegekend,
            start: Some(d(2026, 6, 15)),
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

fn verwijzing(conn: &Connection, id: &str, melding: &str, voorziening: &str) {
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate).expect("tx");
    voeg_in(
        &tx,
        &Record::Verwijzing(Verwijzing {
            id: id.into(),
            melding: melding.into(),
            voorziening: voorziening.into(),
            datum: d(2026, 6, 1),
            status: VerwijzingStatus::Verwezen,
            afgerond_op: None,
            opgelost: None,
        }),
    )
    .expect("verwijzing");
    tx.commit().expect("commit");
}

fn melding_op(conn: &Connection, datum: NaiveDate) -> String {
    kr::melding_toevoegen(
        conn,
        h(INTAKER),
        &melding("I-MIRIAM", datum, Some(Wet::Wmo)),
    )
    .expect("melding")
}

/// Miriam with two meldingen (the older with a toekenning of dagbesteding
/// and a verwijzing to the Wijkkamer, the newer with one of individuele
/// begeleiding) and a toekenning of jeugdhulp without a melding.
fn drie_toekenningen() -> (Connection, String, String) {
    let conn = register();
    let oud = melding_op(&conn, d(2026, 5, 1));
    let nieuw = melding_op(&conn, d(2026, 11, 2));
    toekenning(&conn, "T-OUD", Some(&oud), "V-DAGBESTEDING");
    toekenning(&conn, "T-NIEUW", Some(&nieuw), "V-BEGELEIDING");
    toekenning(&conn, "T-ZONDER", None, "V-JEUGD");
    verwijzing(&conn, "R-OUD", &oud, "V-WIJKKAMER");
    (conn, oud, nieuw)
}

fn stappen(h: &Harness<'static, WijkregisterApp>, melding: &str) -> Vec<Stap> {
    h.state()
        .loket()
        .stappen(melding)
        .expect("stappen")
        .into_iter()
        .map(|s| s.stap)
        .collect()
}

#[test]
fn enter_slaat_het_formulier_met_de_cursor_op_niet_vanuit_een_notitie() {
    let conn = register();
    let id = melding_op(&conn, d(2026, 11, 20));
    let mut h = harness(conn);
    klik(&mut h, "Miriam de Vries");
    klik(&mut h, "20-11-2026");
    h.get_by_label_contains("Melding van Miriam de Vries");

    // Enter in the note is a new line: nothing saved.
    typ(&mut h, "Notitie:", "Gesprek bij haar thuis.");
    toets(&mut h, Key::Enter);
    assert_eq!(stappen(&h, &id), vec![Stap::Melding]);

    // Enter in the date field of the same form saves the step, note included.
    h.get_by_label("Datum stap:").click();
    h.run();
    toets(&mut h, Key::Enter);
    h.get_by_label("Stap 'Gesprek' opgeslagen.");
    let gesprek = h
        .state()
        .loket()
        .stappen(&id)
        .expect("stappen")
        .into_iter()
        .find(|s| s.stap == Stap::Gesprek)
        .expect("gesprek");
    assert_eq!(gesprek.notitie.trim(), "Gesprek bij haar thuis.");

    // After the analyse the ladder shares the screen with the step form:
    // Enter in a "Waarom" field saves the afweging, not a step.
    typ(&mut h, "Notitie:", "Analyse klaar.");
    klik(&mut h, "Stap opslaan");
    h.get_by_label("Stap 'Analyse' opgeslagen.");
    klik(&mut h, "eigen kracht: lost het niet op");
    typ(&mut h, "Waarom (eigen kracht):", "Lukt haar niet alleen.");
    toets(&mut h, Key::Enter);
    h.get_by_label("Afweging opgeslagen.");
    assert_eq!(
        stappen(&h, &id),
        vec![Stap::Melding, Stap::Gesprek, Stap::Analyse, Stap::Afweging],
        "Enter in de afweging legt geen andere stap vast"
    );
    let ladder = h.state().loket().afweging(&id).expect("afweging");
    assert_eq!(
        ladder
            .trede(wijkregister::domain::klantreis::TredeSoort::EigenKracht)
            .toelichting,
        "Lukt haar niet alleen."
    );
}

#[test]
fn esc_sluit_eerst_het_open_formulier_dan_het_scherm() {
    let (conn, _, _) = drie_toekenningen();
    let mut h = harness(conn);
    klik(&mut h, "Miriam de Vries");
    klik(&mut h, "02-11-2026");
    klik(&mut h, "Beëindigen: Individuele begeleiding");
    // The cursor is in the form's first field.
    assert!(h.get_by_label("Einddatum levering:").is_focused());
    toets(&mut h, Key::Escape);
    assert!(
        h.query_by_label("Beëindigen opslaan").is_none(),
        "Esc sluit het formulier"
    );
    h.get_by_label_contains("Melding van Miriam de Vries");
    assert!(
        h.query_by_label("Wijzigingen niet opgeslagen. Toch weggaan?")
            .is_none()
    );
    // Nothing open any more: Esc goes back to the dossier.
    toets(&mut h, Key::Escape);
    h.get_by_label("Terug naar de lijst (Esc)");
    assert!(h.query_by_label_contains("Melding van Miriam").is_none());
}

#[test]
fn enter_slaat_beeindigen_op_met_de_cursor_in_het_formulier() {
    let (conn, _, _) = drie_toekenningen();
    let mut h = harness(conn);
    klik(&mut h, "Miriam de Vries");
    klik(&mut h, "02-11-2026");
    klik(&mut h, "Beëindigen: Individuele begeleiding");
    kies(&mut h, "Reden einde:", "Volgens plan beëindigd");
    h.get_by_label("Einddatum levering:").click();
    h.run();
    toets(&mut h, Key::Enter);
    h.get_by_label("Toekenning beëindigd.");
    let t = h
        .state()
        .loket()
        .toekenning("T-NIEUW")
        .expect("toekenning")
        .toekenning;
    assert_eq!(t.eind, Some(d(2026, 11, 26)));
    assert_eq!(t.reden_einde, Some(RedenEinde::VolgensPlan));
    // The step form below was not saved by the same Enter.
    assert!(
        h.query_by_label_contains("Stap 'Gesprek' opgeslagen")
            .is_none()
    );
}

#[test]
fn melding_toont_alleen_haar_eigen_toekenningen_en_verwijzingen() {
    let (conn, _, _) = drie_toekenningen();
    let mut h = harness(conn);
    klik(&mut h, "Miriam de Vries");
    klik(&mut h, "02-11-2026");
    h.get_by_label("Toekenningen van deze melding (maatwerk)");
    h.get_by_label_contains("Individuele begeleiding – Zorg Twente BV");
    assert!(h.query_by_label_contains("Dagbesteding – ").is_none());
    assert!(
        h.query_by_label_contains("Ambulante jeugdhulp – ")
            .is_none()
    );
    h.get_by_label(
        "De inwoner heeft nog 2 andere toekenningen (van andere meldingen of zonder melding): die staan in het dossier.",
    );
    h.get_by_label("Geen verwijzingen bij deze melding.");
    h.get_by_label(
        "De inwoner heeft nog 1 andere verwijzing (van een andere melding): die staan in het dossier.",
    );
    assert!(
        h.query_by_label_contains("Wijkkamer De Riet – verwezen")
            .is_none()
    );

    // The older melding shows its own.
    klik(&mut h, "Terug naar het dossier (Esc)");
    klik(&mut h, "01-05-2026");
    h.get_by_label_contains("Dagbesteding – Zorg Twente BV");
    h.get_by_label_contains("Wijkkamer De Riet – verwezen 01-06-2026");
    assert!(
        h.query_by_label_contains("Individuele begeleiding – ")
            .is_none()
    );
}

#[test]
fn beeindigen_vanuit_het_dossier_ook_zonder_melding() {
    let (conn, _, _) = drie_toekenningen();
    let mut h = harness(conn);
    klik(&mut h, "Miriam de Vries");
    // Newest decision first, equal dates by id: T-ZONDER, T-OUD, T-NIEUW.
    let rijen: Vec<String> = h
        .state()
        .loket()
        .dossier("I-MIRIAM")
        .expect("dossier")
        .toekenningen
        .into_iter()
        .map(|t| t.id)
        .collect();
    let zonder = rijen.iter().position(|t| t == "T-ZONDER").expect("zonder");
    h.get_all_by_label("Beëindigen")
        .nth(zonder)
        .expect("knop")
        .click();
    h.run();
    h.get_by_label("Toekenning beëindigen: Ambulante jeugdhulp");
    // Leaving through Inwoners asks first once something was chosen.
    kies(&mut h, "Reden einde:", "Verhuizing");
    klik(&mut h, "Inwoners");
    h.get_by_label("Wijzigingen niet opgeslagen. Toch weggaan?");
    klik(&mut h, "Nee, blijven");
    h.get_by_label("Einddatum levering:").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label("Einddatum levering:")
        .type_text("30-11-2026");
    h.run();
    klik(&mut h, "Beëindigen opslaan");
    h.get_by_label("Toekenning beëindigd.");
    let t = h
        .state()
        .loket()
        .toekenning("T-ZONDER")
        .expect("toekenning")
        .toekenning;
    assert_eq!(t.eind, Some(d(2026, 11, 30)));
    assert_eq!(t.reden_einde, Some(RedenEinde::Verhuizing));
    // The dossier is read again: that row has no buttons any more.
    assert_eq!(h.get_all_by_label("Beëindigen").count(), 2);
}

#[test]
fn op_en_afschalen_vanuit_het_dossier_opent_het_formulier_bij_de_melding() {
    let (conn, _, nieuw) = drie_toekenningen();
    // A maatwerk decision needs the melding's afwegingsladder.
    for (stap, dag) in [(Stap::Gesprek, 3), (Stap::Analyse, 4)] {
        kr::stap_vastleggen(
            &conn,
            h(WIJKCOACH),
            &nieuw,
            &kr::NieuweStap {
                stap,
                datum: d(2026, 11, dag),
                medewerker: WIJKCOACH.into(),
                notitie: String::new(),
                uitkomst: None,
            },
        )
        .expect("stap");
    }
    kr::afweging_opslaan(
        &conn,
        h(WIJKCOACH),
        &nieuw,
        d(2026, 11, 5),
        &klantreis::ladder(&[false, false, false, false]),
    )
    .expect("afweging");
    let mut h = harness(conn);
    klik(&mut h, "Miriam de Vries");
    let rijen: Vec<(String, Option<String>)> = h
        .state()
        .loket()
        .dossier("I-MIRIAM")
        .expect("dossier")
        .toekenningen
        .into_iter()
        .map(|t| (t.id, t.melding))
        .collect();
    // Without a melding there is nothing to decide on: the button is off.
    let zonder = rijen
        .iter()
        .position(|(t, _)| t == "T-ZONDER")
        .expect("zonder");
    assert!(
        h.get_all_by_label("Op- of afschalen")
            .nth(zonder)
            .expect("knop")
            .accesskit_node()
            .is_disabled()
    );
    let n = rijen
        .iter()
        .position(|(t, _)| t == "T-NIEUW")
        .expect("nieuw");
    assert_eq!(rijen[n].1.as_deref(), Some(nieuw.as_str()));
    h.get_all_by_label("Op- of afschalen")
        .nth(n)
        .expect("knop")
        .click();
    h.run();
    h.get_by_label_contains("Melding van Miriam de Vries – 02-11-2026");
    h.get_by_label("Op- of afschalen: nieuw besluit");
    assert!(h.get_by_label("Nieuw besluit geldt vanaf:").is_focused());
    kies(
        &mut h,
        "Voorziening (maatwerk):",
        "Individuele begeleiding (categorie 02)",
    );
    kies(&mut h, "Aanbieder:", "Zorg Twente BV – actief contract");
    klik(&mut h, "Besluit opslaan");
    h.get_by_label("Besluit opgeslagen.");
    let oud = h
        .state()
        .loket()
        .toekenning("T-NIEUW")
        .expect("oud")
        .toekenning;
    assert_eq!(oud.reden_einde, Some(RedenEinde::Herbeoordeling));
    assert_eq!(oud.eind, Some(d(2026, 11, 26)));
}

#[test]
fn tab_volgt_de_leesvolgorde_van_het_formulier() {
    let (conn, _, _) = drie_toekenningen();
    let mut h = harness(conn);
    klik(&mut h, "Miriam de Vries");
    klik(&mut h, "02-11-2026");
    klik(&mut h, "Beëindigen: Individuele begeleiding");
    assert!(h.get_by_label("Einddatum levering:").is_focused());
    // Field, its calendar button, the reason, then the buttons.
    toets(&mut h, Key::Tab);
    assert!(h.get_all_by_label("Kalender").any(|k| k.is_focused()));
    toets(&mut h, Key::Tab);
    assert!(h.get_by_label("Reden einde:").is_focused());
    toets(&mut h, Key::Tab);
    assert!(h.get_by_label("Beëindigen opslaan").is_focused());
    toets(&mut h, Key::Tab);
    assert!(h.get_by_label("Annuleren").is_focused());
}

/// A melding as imported (dates on the melding, no step rows) reads as done
/// up to the gesprek in the step indicator.
#[test]
fn stappenbalk_toont_geregistreerde_datums_als_gedaan() {
    let conn = register();
    let tx = Transaction::new_unchecked(&conn, TransactionBehavior::Immediate).expect("tx");
    voeg_in(
        &tx,
        &Record::Melding(wijkregister::domain::Melding {
            id: "M-OUD".into(),
            inwoner: "I-MIRIAM".into(),
            datum: d(2026, 10, 19),
            bron: wijkregister::domain::Bron::Huisarts,
            wet: Some(Wet::Wmo),
            gevraagde_voorziening: None,
            medewerker: Some(WIJKCOACH.into()),
            gesprek: Some(d(2026, 11, 6)),
            onderzoek_klaar: None,
            afgesloten: None,
            uitkomst: None,
        }),
    )
    .expect("melding");
    tx.commit().expect("commit");
    let mut h = harness(conn);
    klik(&mut h, "Miriam de Vries");
    klik(&mut h, "19-10-2026");
    h.get_by_label("Melding 19-10-2026");
    h.get_by_label("Gesprek 06-11-2026");
    assert_eq!(h.get_all_by_label("gedaan").count(), 2);
    h.get_by_label_contains("Nog geen stappen in de app vastgelegd");
}

/// Issue 15: Esc closes the innermost place first — the open list, then
/// the sub-form, then the screen — and each time the focus comes back to
/// the widget that opened what was closed.
#[test]
fn esc_van_binnen_naar_buiten_en_de_focus_keert_terug() {
    let (conn, _, _) = drie_toekenningen();
    let mut h = harness(conn);
    klik(&mut h, "Miriam de Vries");
    // The melding opened with the keyboard: the link focused, Enter.
    h.get_by_label("02-11-2026").focus();
    h.run();
    toets(&mut h, Key::Enter);
    h.get_by_label_contains("Melding van Miriam de Vries");
    // The sub-form opened with Enter on its button.
    h.get_by_label("Beëindigen: Individuele begeleiding")
        .focus();
    h.run();
    toets(&mut h, Key::Enter);
    assert!(h.get_by_label("Einddatum levering:").is_focused());
    for _ in 0..5 {
        if h.get_by_label("Reden einde:").is_focused() {
            break;
        }
        toets(&mut h, Key::Tab);
    }
    assert!(h.get_by_label("Reden einde:").is_focused());
    toets(&mut h, Key::Space);
    assert!(
        h.query_by_label("Volgens plan beëindigd").is_some(),
        "Space opens the list"
    );

    // Esc: the list closes; the choice keeps the focus, the form stays.
    toets(&mut h, Key::Escape);
    assert!(h.query_by_label("Volgens plan beëindigd").is_none());
    assert!(h.get_by_label("Reden einde:").is_focused());
    h.get_by_label("Beëindigen opslaan");

    // Esc: the sub-form closes; the focus is on the button that opened it.
    toets(&mut h, Key::Escape);
    assert!(h.query_by_label("Beëindigen opslaan").is_none());
    h.get_by_label_contains("Melding van Miriam de Vries");
    assert!(
        h.get_by_label("Beëindigen: Individuele begeleiding")
            .is_focused(),
        "the focus went back to the button"
    );

    // Esc: the screen closes; the focus is on the link that opened it.
    toets(&mut h, Key::Escape);
    assert!(h.query_by_label_contains("Melding van Miriam").is_none());
    assert!(
        h.get_by_label("02-11-2026").is_focused(),
        "the focus went back to the melding's link in the dossier"
    );
}
