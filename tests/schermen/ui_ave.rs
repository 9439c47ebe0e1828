//! AVE through the real app with `egui_kittest` on a fixed "today"
//! (26-11-2026): a wijkcoach opens a resident's dossier, goes to the
//! household, scales it from 1 to 3 (refused first without reason and
//! procesregisseur, with messages naming them) and back to 2; the timeline
//! lists three events; the teamleider's AVE-overzicht counts the household
//! at level 2 for its wijkteam. Also the children rule through the form.
//!
//! The app owns its connection, so the register is a temporary file and
//! the test reads what was stored through a second connection.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "tests may fail loudly"
)]

use crate::steun::d;
use crate::steun::klantreis::{self, WIJKCOACH, register};
use crate::steun::ui::{harness_van, klik};
use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rusqlite::{Connection, Transaction, TransactionBehavior};
use wijkregister::domain::{AveGebeurtenis, Inwoner, Medewerker, Record, Rol};
use wijkregister::store;
use wijkregister::store::schrijven::voeg_in;
use wijkregister::ui::app::WijkregisterApp;

const LEIDER: &str = "MW-LEIDER";
const PROCESMANAGER: &str = "MW-PM";

fn vandaag() -> NaiveDate {
    d(2026, 11, 26)
}

fn inwoner(id: &str, voornaam: &str, achternaam: &str, geboren: NaiveDate, hh: &str) -> Record {
    Record::Inwoner(Inwoner {
        id: id.into(),
        bsn: None,
        voornaam: voornaam.into(),
        achternaam: achternaam.into(),
        geboortedatum: geboren,
        geslacht: None,
        huishouden: hh.into(),
        wijkteam: Some("W-OOST".into()),
        woonplaats: "Almelo".into(),
    })
}

fn medewerker(id: &str, naam: &str, rol: Rol) -> Record {
    Record::Medewerker(Medewerker {
        id: id.into(),
        naam: naam.into(),
        rol,
        wijkteam: Some("W-OOST".into()),
    })
}

/// The shared test register plus a teamleider, a procesmanager, the
/// household Bos (two adults, at level 1 since March) and the household
/// Kind (a parent and a child of 11, no level yet), written to a file.
fn fixture(map: &tempfile::TempDir) -> std::path::PathBuf {
    let conn = register();
    let tx = Transaction::new_unchecked(&conn, TransactionBehavior::Immediate).expect("tx");
    for r in [
        medewerker(LEIDER, "Tessa Teamleider", Rol::Teamleider),
        medewerker(PROCESMANAGER, "Paul Procesmanager", Rol::Procesmanager),
        inwoner("I-BERT", "Bert", "Bos", d(1975, 4, 2), "H-BOS"),
        inwoner("I-CARLA", "Carla", "Bos", d(1978, 8, 9), "H-BOS"),
        inwoner("I-KEES", "Kees", "Kind", d(1985, 1, 1), "H-KIND"),
        inwoner("I-KIM", "Kim", "Kind", d(2015, 6, 1), "H-KIND"),
        Record::Ave(AveGebeurtenis {
            id: "AVE-BOS-1".into(),
            huishouden: "H-BOS".into(),
            datum: d(2026, 3, 2),
            niveau: 1,
            reden: "Vraag over schulden".into(),
            casusregisseur: None,
            procesregisseur: None,
        }),
    ] {
        voeg_in(&tx, &r).expect("record");
    }
    tx.commit().expect("commit");
    let pad = map.path().join("register.sqlite");
    conn.execute("VACUUM INTO ?1", [pad.to_str().expect("pad")])
        .expect("copy to file");
    pad
}

fn harness(pad: &std::path::Path, werk_als: &str) -> Harness<'static, WijkregisterApp> {
    let mut app = WijkregisterApp::new(store::open(pad).expect("open"), vandaag());
    app.werk_als(werk_als);
    let mut h = harness_van(app, 1280.0, 2000.0);
    h.run();
    h
}

/// The levels of a household's events, oldest first, as stored.
fn niveaus(conn: &Connection, hh: &str) -> Vec<u8> {
    store::ave::historie(conn, hh)
        .expect("historie")
        .iter()
        .map(|e| e.niveau)
        .collect()
}

/// Inwoners → search → the resident's dossier → "Huishouden bekijken".
fn open_huishouden(h: &mut Harness<'static, WijkregisterApp>, zoek: &str, naam: &str) {
    h.get_by_label("Zoeken:").click();
    h.run();
    h.get_by_label("Zoeken:").type_text(zoek);
    h.run();
    h.get_by_label(naam).click();
    h.run();
    h.get_by_label("Huishouden bekijken").click();
    h.run();
}

fn typ(h: &mut Harness<'static, WijkregisterApp>, veld: &str, tekst: &str) {
    h.get_by_label(veld).focus();
    h.run();
    h.get_by_label(veld).type_text(tekst);
    h.run();
}

/// Whether the per-wijkteam table shows `tekst` at the row of `team` and the column headed `kop`.
fn in_cel(h: &Harness<'static, WijkregisterApp>, team: &str, kop: &str, tekst: &str) -> bool {
    let rij = h.get_by_label(team).rect();
    let kolom = h.get_by_label(kop).rect();
    h.query_all_by_label(tekst).any(|n| {
        let c = n.rect().center();
        // Cells start at the column's left edge; a head's label sits inside its badge's margin.
        (c.y - rij.center().y).abs() < 4.0 && c.x >= kolom.left() - 10.0 && c.x <= kolom.right()
    })
}

/// Chooses a screen in the side navigation.
fn naar(h: &mut Harness<'static, WijkregisterApp>, scherm: &str) {
    h.get_by_role_and_label(egui::accesskit::Role::Button, scherm)
        .click();
    h.run();
}

#[test]
fn wijkcoach_schaalt_op_naar_3_en_af_naar_2_en_de_teamleider_ziet_het() {
    let map = tempfile::tempdir().expect("tempdir");
    let pad = fixture(&map);
    let lees = store::open(&pad).expect("second connection");
    let mut h = harness(&pad, WIJKCOACH);

    open_huishouden(&mut h, "bert bos", "Bert Bos");
    h.get_by_label("Huishouden Bos");
    h.get_by_label("Carla Bos");
    h.get_by_label("sinds 02-03-2026");
    h.get_by_label("Reden: Vraag over schulden");

    // Up to 3 without reason, casusregisseur or procesregisseur: refused.
    klik(&mut h, "Op- of afschalen");
    h.get_by_label_contains("nooit overschreven");
    klik(&mut h, "Niveau 3 · Complex, vastgelopen of onveilig");
    klik(&mut h, "Opslaan");
    h.get_by_label("Reden: mag niet leeg zijn");
    h.get_by_label_contains(
        "Procesregisseur: vanaf AVE-niveau 3 ligt de procesregie bij een procesregisseur",
    );
    h.get_by_label("Casusregisseur: is verplicht maar ontbreekt");
    assert_eq!(niveaus(&lees, "H-BOS"), vec![1], "nothing stored");

    // Filled in: saved, the level and the timeline follow.
    typ(
        &mut h,
        "Reden",
        "Schuldhulp vastgelopen, zorgen om veiligheid",
    );
    klik(&mut h, "Casusregisseur");
    klik(&mut h, "Wim Coach (Wijkcoach)");
    klik(&mut h, "Spoedteam");
    klik(&mut h, "Opslaan");
    h.get_by_label("Opgeslagen: Niveau 3 · Complex, vastgelopen of onveilig per 26-11-2026.");
    assert_eq!(niveaus(&lees, "H-BOS"), vec![1, 3]);
    h.get_by_label("Reden: Schuldhulp vastgelopen, zorgen om veiligheid");
    // Procesregie now (above) and in the event.
    assert_eq!(
        h.query_all_by_label("Procesregisseur: Spoedteam").count(),
        2
    );
    assert!(h.query_by_label("Reden: mag niet leeg zijn").is_none());

    // Back to 2 the same day.
    klik(&mut h, "Op- of afschalen");
    klik(&mut h, "Niveau 2 · Meervoudige problematiek");
    typ(&mut h, "Reden", "Spoedteam klaar, plan loopt weer");
    klik(&mut h, "Casusregisseur");
    klik(&mut h, "Wim Coach (Wijkcoach)");
    klik(&mut h, "Opslaan");
    h.get_by_label("Opgeslagen: Niveau 2 · Meervoudige problematiek per 26-11-2026.");
    assert_eq!(niveaus(&lees, "H-BOS"), vec![1, 3, 2]);

    // The event list shows the three events, each with its reason and regie.
    h.get_by_label("Reden: Vraag over schulden");
    h.get_by_label("Reden: Schuldhulp vastgelopen, zorgen om veiligheid");
    h.get_by_label("Reden: Spoedteam klaar, plan loopt weer");
    assert_eq!(h.query_all_by_label_contains("Reden: ").count(), 3);
    assert_eq!(h.query_all_by_label("Vastgelegd door Wim Coach").count(), 2);
    h.get_by_label("sinds 26-11-2026");

    // A wijkcoach does not get the team overview: not in the navigation, and
    // the register refuses it.
    assert!(
        h.query_by_role_and_label(egui::accesskit::Role::Button, "AVE-overzicht")
            .is_none()
    );
    assert!(matches!(
        h.state().loket().ave_team_overzicht(),
        Err(store::StoreFout::GeenToegang(_))
    ));

    // The teamleider counts the household at level 2 for Wijkteam Oost.
    h.state_mut().werk_als(LEIDER);
    h.run();
    naar(&mut h, "AVE-overzicht");
    h.get_by_label("Huishoudens per AVE-niveau");
    assert!(in_cel(&h, "Wijkteam Oost", "Niveau 2", "1"));
    assert!(!in_cel(&h, "Wijkteam Oost", "Niveau 2", "0"));
    for niveau in ["Niveau 0", "Niveau 1", "Niveau 3", "Niveau 4"] {
        assert!(in_cel(&h, "Wijkteam Oost", niveau, "0"), "{niveau}");
    }
    assert!(in_cel(&h, "Wijkteam Oost", "Totaal", "1"));
    // Moved up in the last 30 days (to 3 today): the row opens the household.
    h.query_all_by_label("Bos")
        .next()
        .expect("listed as moved up")
        .click();
    h.run();
    h.get_by_label("Huishouden Bos");
    klik(&mut h, "Terug");
    h.get_by_label("Huishoudens per AVE-niveau");
}

#[test]
fn kinderregel_in_het_formulier_spoedteam_alleen_met_uitleg() {
    let map = tempfile::tempdir().expect("tempdir");
    let pad = fixture(&map);
    let lees = store::open(&pad).expect("second connection");
    let mut h = harness(&pad, WIJKCOACH);

    open_huishouden(&mut h, "kees kind", "Kees Kind");
    h.get_by_label("Nog geen AVE-niveau vastgelegd");
    h.get_by_label("11 jaar");
    klik(&mut h, "Op- of afschalen");
    klik(&mut h, "Niveau 3 · Complex, vastgelopen of onveilig");
    typ(&mut h, "Reden", "Onveilige thuissituatie");
    klik(&mut h, "Casusregisseur");
    klik(&mut h, "Wim Coach (Wijkcoach)");
    klik(&mut h, "Spoedteam");
    klik(&mut h, "Opslaan");
    h.get_by_label_contains("Procesregisseur: er is een kind onder de 18 in het huishouden");
    assert!(niveaus(&lees, "H-KIND").is_empty(), "nothing stored");

    typ(
        &mut h,
        "Waarom niet bij een procesmanager",
        "Procesmanagers vol; Spoedteam neemt het deze week",
    );
    klik(&mut h, "Opslaan");
    h.get_by_label("Opgeslagen: Niveau 3 · Complex, vastgelopen of onveilig per 26-11-2026.");
    let historie = store::ave::historie(&lees, "H-KIND").expect("historie");
    assert_eq!(historie.len(), 1);
    assert_eq!(historie[0].procesregisseur.as_deref(), Some("Spoedteam"));
    assert_eq!(
        historie[0].reden_geen_procesmanager.as_deref(),
        Some("Procesmanagers vol; Spoedteam neemt het deze week")
    );
    assert_eq!(historie[0].geregistreerd_door.as_deref(), Some("Wim Coach"));
    h.get_by_label(
        "Waarom niet bij een procesmanager: Procesmanagers vol; Spoedteam neemt het deze week",
    );
}

#[test]
fn beheerder_herformuleert_een_niveau_anderen_lezen_alleen() {
    let map = tempfile::tempdir().expect("tempdir");
    let pad = fixture(&map);
    let lees = store::open(&pad).expect("second connection");

    // A wijkcoach has no Beheer screen, and the register refuses their rewording.
    let h = harness(&pad, WIJKCOACH);
    assert!(
        h.query_by_role_and_label(egui::accesskit::Role::Button, "Beheer")
            .is_none()
    );
    let teksten = h.state().loket().ave_teksten().expect("teksten");
    assert!(matches!(
        h.state().loket().ave_herformuleer(&teksten),
        Err(store::StoreFout::GeenToegang(_))
    ));

    let mut h = harness(&pad, klantreis::BEHEERDER);
    naar(&mut h, "Beheer");
    // The five level names are the last "Naam" fields of Beheer (the
    // accounts list above has a "Naam" column too).
    let niveau_2 = |h: &Harness<'static, WijkregisterApp>| {
        let namen: Vec<_> = h.get_all_by_label("Naam").collect();
        assert!(namen.len() >= 5, "five level names");
        namen.len() - 3
    };
    let n = niveau_2(&h);
    let naam = h.get_all_by_label("Naam").nth(n).expect("name of level 2");
    naam.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.key_press(egui::Key::Backspace);
    h.run();
    // An empty name is refused, beside its level, and nothing changes.
    klik(&mut h, "Teksten opslaan");
    h.get_by_label("Naam van niveau 2: mag niet leeg zijn.");
    assert_eq!(
        store::ave::niveau_teksten(&lees).expect("teksten")[2].naam,
        "Meervoudige problematiek"
    );
    let n = niveau_2(&h);
    h.get_all_by_label("Naam")
        .nth(n)
        .expect("name of level 2")
        .focus();
    h.run();
    h.get_all_by_label("Naam")
        .nth(n)
        .expect("name of level 2")
        .type_text("Meerdere zorgen");
    h.run();
    klik(&mut h, "Teksten opslaan");
    h.get_by_label("De teksten van de AVE-niveaus zijn opgeslagen.");
    assert_eq!(
        store::ave::niveau_teksten(&lees).expect("teksten")[2].naam,
        "Meerdere zorgen"
    );
    // The badge follows the new name.
    h.get_by_label("Niveau 2 · Meerdere zorgen");
}

/// The casusregisseur stays between level changes, and the list offers the
/// staff of the worker's own wijkteam, never the beheerder (issue 14).
#[test]
fn casusregisseur_blijft_en_alleen_het_eigen_team() {
    let map = tempfile::tempdir().expect("tempdir");
    let pad = fixture(&map);
    {
        // A worker of another wijkteam.
        let c = store::open(&pad).expect("open");
        let tx = Transaction::new_unchecked(&c, TransactionBehavior::Immediate).expect("tx");
        voeg_in(
            &tx,
            &Record::Medewerker(Medewerker {
                id: "MW-WEST".into(),
                naam: "Wendy West".into(),
                rol: Rol::Wijkcoach,
                wijkteam: Some("W-WEST".into()),
            }),
        )
        .expect("medewerker");
        tx.commit().expect("commit");
    }
    let mut h = harness(&pad, WIJKCOACH);
    open_huishouden(&mut h, "bert bos", "Bert Bos");
    klik(&mut h, "Op- of afschalen");
    klik(&mut h, "Niveau 2 · Meervoudige problematiek");
    typ(&mut h, "Reden", "Meerdere leefgebieden");
    klik(&mut h, "Casusregisseur");
    h.get_by_label("Ineke Intaker (Intaker)");
    assert!(h.query_by_label("Bert Beheer (Beheerder)").is_none());
    assert!(h.query_by_label("Wendy West (Wijkcoach)").is_none());
    klik(&mut h, "Wim Coach (Wijkcoach)");
    klik(&mut h, "Opslaan");
    h.get_by_label("Opgeslagen: Niveau 2 · Meervoudige problematiek per 26-11-2026.");

    // Scaling down: Wim is still chosen, the worker only gives the reason.
    klik(&mut h, "Op- of afschalen");
    klik(&mut h, "Niveau 0 · Zelfredzaam");
    typ(&mut h, "Reden", "Plan afgerond");
    klik(&mut h, "Opslaan");
    h.get_by_label("Opgeslagen: Niveau 0 · Zelfredzaam per 26-11-2026.");
    let lees = store::open(&pad).expect("lees");
    let laatste = store::ave::historie(&lees, "H-BOS")
        .expect("historie")
        .pop()
        .expect("event");
    assert_eq!(laatste.niveau, 0);
    assert_eq!(laatste.casusregisseur.as_deref(), Some(WIJKCOACH));
    // Three changes, two of them today: numbered in the list.
    h.get_by_label("wijziging 2 van 2 op 26-11-2026");
}
