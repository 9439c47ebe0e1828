//! The `egui_kittest` steps the screen tests share: build the harness for
//! the app, and click, type and choose by the label a user reads.

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use wijkregister::ui::app::WijkregisterApp;

/// A harness of `breedte` × `hoogte` points that draws the app. It has not
/// run a frame yet; the caller runs it.
pub fn harness_van(
    app: WijkregisterApp,
    breedte: f32,
    hoogte: f32,
) -> Harness<'static, WijkregisterApp> {
    Harness::builder()
        .with_size(egui::vec2(breedte, hoogte))
        // A focused widget is scrolled into view with egui's scroll
        // animation, which takes a few frames more than kittest's default
        // of four to settle (seen after a login: six).
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut WijkregisterApp| app.ui(ui), app)
}

/// Runs frames until no search of the Inwoners list runs any more: on a
/// register file a search runs on its own thread (in memory it has run at
/// once). At most ten seconds.
pub fn wacht_op_zoeken(h: &mut Harness<'static, WijkregisterApp>) {
    let begin = Instant::now();
    loop {
        let _ = h.run_ok();
        if !h.state().zoekt() {
            let _ = h.run_ok();
            return;
        }
        assert!(
            begin.elapsed() < Duration::from_secs(10),
            "the search did not end within ten seconds"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Clicks the widget labelled `label` and runs the app.
pub fn klik(h: &mut Harness<'static, WijkregisterApp>, label: &str) {
    h.get_by_label(label).click();
    h.run();
    wacht_op_zoeken(h);
}

/// Clicks the field labelled `label` and types `tekst` after what it holds.
pub fn typ(h: &mut Harness<'static, WijkregisterApp>, label: &str, tekst: &str) {
    h.get_by_label(label).click();
    h.run();
    h.get_by_label(label).type_text(tekst);
    h.run();
    wacht_op_zoeken(h);
}

/// Clicks the field labelled `label`, selects all it holds and types `tekst`
/// over it.
pub fn vervang(h: &mut Harness<'static, WijkregisterApp>, label: &str, tekst: &str) {
    h.get_by_label(label).click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label(label).type_text(tekst);
    h.run();
    wacht_op_zoeken(h);
}

/// Opens the choice `veld` and picks `optie`.
pub fn kies(h: &mut Harness<'static, WijkregisterApp>, veld: &str, optie: &str) {
    klik(h, veld);
    klik(h, optie);
}

/// The vertical centre of the widget labelled `label`: to compare where rows show.
pub fn y(h: &Harness<'static, WijkregisterApp>, label: &str) -> f32 {
    h.get_by_label(label).rect().center().y
}
