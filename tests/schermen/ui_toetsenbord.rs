//! Keyboard first (issue #15, point 1), through `egui_kittest`: a new
//! resident and melding entered with the keyboard alone, the key presses
//! counted; Enter on a focused button presses that button only; after a
//! refused login the focus is in the password field; long choices follow
//! the arrow keys and typed letters; the provisions follow the Wet.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use wijkregister::demo::{self, DemoInstellingen};
use wijkregister::gateway::Gateway;
use wijkregister::store;
use wijkregister::ui::app::WijkregisterApp;

use crate::steun::d;
use crate::steun::ui::{harness_van, wacht_op_zoeken};

/// The keyboard as the test's only hand: every key press is counted.
struct Toetsenbord {
    h: Harness<'static, WijkregisterApp>,
    drukken: u32,
}

impl Toetsenbord {
    fn druk(&mut self, toets: Key) {
        self.drukken += 1;
        self.h.key_press(toets);
        self.h.run();
        wacht_op_zoeken(&mut self.h);
    }

    /// Types `tekst` into the focused widget (not counted: the brief counts
    /// the presses beyond the typed text).
    fn typ(&mut self, tekst: &str) {
        self.h.event(egui::Event::Text(tekst.to_owned()));
        self.h.run();
        wacht_op_zoeken(&mut self.h);
    }

    /// The label of the focused widget.
    fn focus(&self) -> String {
        self.h
            .query_by(|n| n.is_focused())
            .and_then(|n| n.accesskit_node().label())
            .unwrap_or_default()
    }

    /// The value a choice shows.
    fn waarde(&self, label: &str) -> String {
        self.h
            .get_by_label(label)
            .accesskit_node()
            .value()
            .unwrap_or_default()
    }

    /// Tabs until the widget labelled `label` has the focus (at most 30).
    fn tab_naar(&mut self, label: &str) {
        for _ in 0..30 {
            if self.focus() == label {
                return;
            }
            self.druk(Key::Tab);
        }
        panic!("Tab never reached '{label}' (focus: '{}')", self.focus());
    }
}

/// A demo register (many provisions) in memory; the app works as its
/// first intaker.
fn demo_als_intaker() -> Toetsenbord {
    let mut conn = store::open_in_memory().unwrap();
    demo::vul_register(
        &mut conn,
        &DemoInstellingen {
            inwoners: 200,
            jaren: 1,
            eind_jaar: 2026,
            seed: 7,
            peildatum: Some(d(2026, 11, 26)),
        },
    )
    .unwrap();
    let intaker: String = conn
        .query_row(
            "SELECT min(id) FROM medewerker WHERE rol = 'intaker'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut app = WijkregisterApp::met_register(Gateway::new(conn, None), d(2026, 11, 26));
    app.werk_als(&intaker);
    // Frames of 1/60 s, as a real window: typed letters that belong
    // together (type-to-find) arrive within a second.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(|ui, app: &mut WijkregisterApp| app.ui(ui), app);
    h.run();
    wacht_op_zoeken(&mut h);
    Toetsenbord { h, drukken: 0 }
}

#[test]
fn nieuwe_inwoner_en_melding_met_alleen_het_toetsenbord() {
    let mut t = demo_als_intaker();
    // The focus starts in the search field; Tab to the button, Enter
    // presses it (and does not open the highlighted resident's dossier).
    t.tab_naar("Nieuwe inwoner + melding");
    t.druk(Key::Enter);
    assert_eq!(
        t.h.state().getoond(),
        Some(wijkregister::ui::actie::Plek::NieuweMelding(None))
    );
    assert_eq!(t.focus(), "Voornaam:");
    t.typ("Sanne");
    t.tab_naar("Achternaam:");
    t.typ("Bakker-Toetsenbord");
    t.tab_naar("Geboortedatum:");
    t.typ("12-03-1985");
    t.tab_naar("Woonplaats:");
    t.typ("Almelo");
    t.tab_naar("Wijkteam:");
    // Type-to-find in a closed choice; the space typed in it is part of the
    // search and does not open the list (as Space on its own would).
    t.typ("wijkteam");
    t.h.event(egui::Event::Key {
        key: Key::Space,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    });
    t.typ(" n");
    assert!(
        t.h.query_by_label("Wijkteam Zuid").is_none(),
        "the list stayed closed"
    );
    assert_eq!(t.waarde("Wijkteam:"), "Wijkteam Noord");
    t.tab_naar("Bron:");
    t.typ("zelf");
    assert_eq!(t.waarde("Bron:"), "Zelfmelder");
    t.tab_naar("Vraag (in de woorden van de inwoner):");
    t.typ("Ik red het niet meer in huis.");
    t.tab_naar("Huisvesting");
    t.druk(Key::Space);
    t.tab_naar("Wet:");
    t.typ("wmo");
    assert_eq!(t.waarde("Wet:"), "Wmo 2015");
    t.tab_naar("Gevraagde voorziening:");
    // The arrow keys walk the list, which now holds general provisions and
    // those of the Wmo only.
    t.druk(Key::ArrowDown);
    t.typ("hulp bij");
    assert_eq!(
        t.waarde("Gevraagde voorziening:"),
        "Hulp bij het huishouden (maatwerkvoorziening)"
    );
    // A long choice keeps the choice's width (cut off, whole on hover).
    let breedte = t.h.get_by_label("Gevraagde voorziening:").rect().width();
    assert!(breedte <= 270.0, "the choice grew to {breedte} points");
    t.tab_naar("Melding opslaan (Enter)");
    t.druk(Key::Enter);

    // Saved: the melding screen of the new resident.
    assert!(
        matches!(
            t.h.state().getoond(),
            Some(wijkregister::ui::actie::Plek::Melding { .. })
        ),
        "{:?}",
        t.h.state().getoond()
    );
    let loket = t.h.state().loket();
    let gevonden = loket
        .zoek_inwoners(&store::inwoners::Zoekvraag {
            tekst: "Bakker-Toetsenbord".to_owned(),
            wijkteam: None,
        })
        .unwrap();
    assert_eq!(gevonden.len(), 1);
    let dossier = loket.dossier(&gevonden[0].id).unwrap();
    assert_eq!(dossier.inwoner.voornaam, "Sanne");
    let m = &dossier.meldingen[0];
    assert_eq!(m.wet, Some(wijkregister::domain::Wet::Wmo));
    assert_eq!(m.bron, wijkregister::domain::Bron::Zelfmelder);
    assert_eq!(
        m.gevraagde_voorziening.as_deref(),
        Some("Hulp bij het huishouden")
    );
    assert!(
        t.drukken <= 120,
        "{} key presses beyond the typed text (at most 120)",
        t.drukken
    );
    eprintln!("{} key presses beyond the typed text", t.drukken);
}

#[test]
fn de_voorzieningen_volgen_de_wet_en_de_pijltjes() {
    let mut t = demo_als_intaker();
    t.tab_naar("Nieuwe inwoner + melding");
    t.druk(Key::Enter);
    t.tab_naar("Wet:");
    t.typ("partic");
    assert_eq!(t.waarde("Wet:"), "Participatiewet");
    t.tab_naar("Gevraagde voorziening:");
    // Open the list: Participatiewet items and general ones, no Wmo items.
    t.druk(Key::Space);
    assert!(
        t.h.query_by_label_contains("Re-integratietraject")
            .is_some()
    );
    assert!(t.h.query_by_label_contains("Wijkkamer (").is_some());
    assert!(
        t.h.query_by_label("Hulp bij het huishouden (maatwerkvoorziening)")
            .is_none()
    );
    // Down moves the choice while the list is open; the list keeps it in view.
    let voor = t.waarde("Gevraagde voorziening:");
    t.druk(Key::ArrowDown);
    t.druk(Key::ArrowDown);
    assert_ne!(
        voor,
        t.waarde("Gevraagde voorziening:"),
        "the arrow keys change the choice"
    );
    assert_eq!(t.focus(), "Gevraagde voorziening:", "and keep the focus");
    // Esc closes the list and leaves the focus on the choice.
    t.druk(Key::Escape);
    assert!(t.h.query_by_label_contains("Wijkkamer (").is_none());
    assert_eq!(t.focus(), "Gevraagde voorziening:");
}

#[test]
fn na_een_geweigerde_login_staat_de_cursor_in_het_wachtwoord() {
    let mut conn = store::open_in_memory().unwrap();
    let b = crate::steun::vaste::bouwer();
    b.schrijf(&mut conn);
    let nu = d(2026, 11, 26).and_hms_opt(9, 0, 0).unwrap();
    store::accounts::maak_eerste_beheerder(
        &mut conn,
        "Bea Beheer",
        "bea",
        "lange-zin-met-paard-7",
        nu,
    )
    .unwrap();
    let app = WijkregisterApp::met_inloggen(
        Gateway::new(conn, None),
        d(2026, 11, 26),
        wijkregister::gateway::Klok::lokaal(move || nu),
    );
    let mut t = Toetsenbord {
        h: harness_van(app, 1280.0, 800.0),
        drukken: 0,
    };
    t.h.run();
    assert_eq!(t.focus(), "Gebruikersnaam");
    t.typ("bea");
    t.druk(Key::Tab);
    t.typ("fout-wachtwoord");
    t.druk(Key::Enter);
    t.h.run();
    assert!(t.h.query_all_by_label_contains("onjuist").count() >= 1);
    assert_eq!(t.focus(), "Wachtwoord");
    t.typ("lange-zin-met-paard-7");
    t.druk(Key::Enter);
    assert!(t.h.state().sessie().is_some(), "logged in");
}

#[test]
fn esc_sluit_het_scherm_en_geeft_de_focus_terug() {
    let mut t = demo_als_intaker();
    // From the list's search field: Down and Enter open a dossier; Esc
    // closes it and the cursor is back in the search field.
    assert_eq!(t.focus(), "Zoeken:");
    t.druk(Key::ArrowDown);
    t.druk(Key::Enter);
    assert!(matches!(
        t.h.state().getoond(),
        Some(wijkregister::ui::actie::Plek::Dossier(_))
    ));
    t.druk(Key::Escape);
    assert_eq!(t.h.state().getoond(), None);
    assert_eq!(t.focus(), "Zoeken:");
    // From a button: Esc closes the form it opened and the focus is on
    // that button again, not at the top of the window.
    t.tab_naar("Nieuwe inwoner + melding");
    t.druk(Key::Enter);
    assert_eq!(t.focus(), "Voornaam:");
    t.druk(Key::Escape);
    assert_eq!(t.h.state().getoond(), None);
    assert_eq!(t.focus(), "Nieuwe inwoner + melding");
}

#[test]
fn esc_sluit_eerst_de_kalender() {
    let mut t = demo_als_intaker();
    t.tab_naar("Nieuwe inwoner + melding");
    t.druk(Key::Enter);
    t.tab_naar("Kalender");
    t.druk(Key::Enter);
    assert!(
        t.h.query_by_label("Sluiten").is_some(),
        "the month overview is open"
    );
    // Esc closes the month overview only: the form stays, nothing is asked.
    t.druk(Key::Escape);
    assert!(t.h.query_by_label("Sluiten").is_none(), "Esc closed it");
    assert_eq!(t.focus(), "Kalender", "the focus is back on the button");
    assert_eq!(
        t.h.state().getoond(),
        Some(wijkregister::ui::actie::Plek::NieuweMelding(None))
    );
    assert!(
        t.h.query_by_label_contains("Toch weggaan?").is_none(),
        "Esc in the month overview does not leave the form"
    );
    // The next Esc leaves the form (nothing typed).
    t.druk(Key::Escape);
    assert_eq!(t.h.state().getoond(), None);
}
