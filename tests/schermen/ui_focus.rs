//! Keyboard first on every screen (issue #15, point 1): every screen of
//! every role in a demo register walked with Tab alone. Per screen the test
//! checks that Tab reaches every widget one can use and comes back round
//! (no trap, nothing only the mouse reaches), that the focus moves in
//! reading order (down the page, or on along a row, or into a column to the
//! right — never back up and to the left), that the focused widget is in
//! the window, and that every focused widget, whatever its kind, has the
//! thick dark-blue focus edge drawn around it. (Esc from the innermost place
//! outwards with the focus coming back, and Enter pressing only the
//! focused button, are tested in `ui_klantreis_formulieren`, `ui_beheer`
//! and `ui_toetsenbord`.)

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use std::collections::{BTreeMap, BTreeSet};

use egui::accesskit::Role;
use egui::{Key, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use wijkregister::gateway::Gateway;
use wijkregister::ui::app::{Scherm, WijkregisterApp};
use wijkregister::ui::theme::{FOCUS_KLEUR, FOCUSRAND_BREEDTE};

use crate::steun::d;
use crate::steun::ui::wacht_op_zoeken;

/// The window of the walk: the size the issue asks for.
const VENSTER: Rect = Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1280.0, 800.0));

/// At most this many Tabs round one screen.
const MAX_TABS: usize = 800;

/// A widget's identity in the accesskit tree (as text: the tree's id type
/// is not one this crate names).
type NodeId = String;

/// A focused widget as the walk met it.
#[derive(Debug, Clone)]
struct Plek {
    id: NodeId,
    label: String,
    rol: Role,
    rect: Rect,
}

fn harness(app: WijkregisterApp) -> Harness<'static, WijkregisterApp> {
    Harness::builder()
        .with_size(VENSTER.size())
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(|ui, app: &mut WijkregisterApp| app.ui(ui), app)
}

fn druk(h: &mut Harness<'static, WijkregisterApp>, toets: Key) {
    h.key_press(toets);
    h.run();
    wacht_op_zoeken(h);
}

/// The focused widget now, if any. A widget the accessibility tree gives
/// no bounds (a clickable table row) is placed by the focus edge drawn
/// around it.
fn focus(h: &Harness<'static, WijkregisterApp>) -> Option<Plek> {
    h.query_by(|n| n.is_focused()).map(|n| {
        let a = n.accesskit_node();
        let rect = n.rect();
        Plek {
            id: format!("{:?}", a.id()),
            label: a
                .label()
                .or_else(|| a.value())
                .unwrap_or_else(|| format!("({:?} zonder naam)", a.role())),
            rol: a.role(),
            rect: if rect.is_finite() {
                rect
            } else {
                focusranden(h).next().map_or(rect, |r| r.shrink(2.0))
            },
        }
    })
}

/// The focus edges drawn in the last frame: dark-blue strokes at least
/// [`FOCUSRAND_BREEDTE`] wide.
fn focusranden<'a>(h: &'a Harness<'static, WijkregisterApp>) -> impl Iterator<Item = Rect> + 'a {
    h.output().shapes.iter().filter_map(|c| match &c.shape {
        egui::Shape::Rect(r)
            if r.stroke.color == FOCUS_KLEUR && r.stroke.width >= FOCUSRAND_BREEDTE =>
        {
            Some(r.rect)
        }
        _ => None,
    })
}

/// The rect of a node now (after a Tab may have scrolled the page).
fn rect_van(h: &Harness<'static, WijkregisterApp>, id: &str) -> Option<Rect> {
    h.query_by(|n| format!("{:?}", n.id()) == id)
        .map(|n| n.rect())
}

/// Every widget on screen that takes the focus (and is not disabled).
fn bedienbaar(h: &Harness<'static, WijkregisterApp>) -> BTreeMap<NodeId, String> {
    h.query_all(egui_kittest::kittest::by().predicate(|a| {
        a.data().supports_action(egui::accesskit::Action::Focus) && !a.is_disabled()
    }))
    .map(|n| {
        let a = n.accesskit_node();
        (
            format!("{:?}", a.id()),
            format!(
                "{:?} '{}'",
                a.role(),
                a.label().or_else(|| a.value()).unwrap_or_default()
            ),
        )
    })
    .collect()
}

/// Whether the frame drew the focus edge around `rect`: a dark-blue stroke
/// at least [`FOCUSRAND_BREEDTE`] wide hugging the widget.
fn focusrand_om(h: &Harness<'static, WijkregisterApp>, rect: Rect) -> bool {
    focusranden(h).any(|r| r.intersects(rect) && rect.expand(6.0).contains_rect(r))
}

/// Whether going from `a` to `b` follows the reading order: down the page
/// (or on the same row, to the right), or up into a column right of `a`.
fn leesvolgorde(a: Rect, b: Rect) -> bool {
    let zelfde_rij = b.top() < a.bottom() - 2.0 && b.bottom() > a.top() + 2.0;
    if zelfde_rij {
        b.left() >= a.left() - 1.0
    } else {
        b.top() >= a.top() - 2.0 || b.left() >= a.right() - 1.0
    }
}

/// One screen walked with Tab until the focus is back where it began.
/// Returns what is wrong, in words.
fn tab_ronde(h: &mut Harness<'static, WijkregisterApp>, scherm: &str) -> Vec<String> {
    let mut fouten = Vec::new();
    let verwacht = bedienbaar(h);
    if focus(h).is_none() {
        druk(h, Key::Tab);
    }
    let Some(begin) = focus(h) else {
        return vec![format!("{scherm}: Tab gives no widget the focus")];
    };
    let mut bezocht = BTreeSet::new();
    let mut vorige = begin.clone();
    let mut rond = false;
    for _ in 0..MAX_TABS {
        // This widget: in the window, with the focus edge around it.
        if !VENSTER.contains(vorige.rect.center()) {
            fouten.push(format!(
                "{scherm}: focused '{}' at {:?} is out of the window",
                vorige.label, vorige.rect
            ));
        } else if !focusrand_om(h, vorige.rect) {
            fouten.push(format!(
                "{scherm}: focused {:?} '{}' has no visible focus edge",
                vorige.rol, vorige.label
            ));
        }
        bezocht.insert(vorige.id.clone());
        druk(h, Key::Tab);
        let Some(nu) = focus(h) else {
            fouten.push(format!(
                "{scherm}: Tab after '{}' lost the focus",
                vorige.label
            ));
            return fouten;
        };
        if nu.id == begin.id {
            rond = true;
            break;
        }
        if bezocht.contains(&nu.id) {
            fouten.push(format!(
                "{scherm}: Tab after '{}' goes back to '{}' (a loop that skips the rest)",
                vorige.label, nu.label
            ));
            return fouten;
        }
        // Both rects in this frame: a Tab may have scrolled the page.
        // (A widget without bounds keeps the place its focus edge showed.)
        let van = rect_van(h, &vorige.id)
            .filter(|r| r.is_finite())
            .unwrap_or(vorige.rect);
        // The step from the last widget of the window to the first wraps.
        let terug_naar_boven = nu.rect.top() < 200.0 && nu.rect.left() < 240.0;
        if !leesvolgorde(van, nu.rect) && !terug_naar_boven {
            fouten.push(format!(
                "{scherm}: Tab from '{}' {van:?} to '{}' {:?} goes against the reading order",
                vorige.label, nu.label, nu.rect
            ));
        }
        vorige = nu;
    }
    if !rond {
        fouten.push(format!(
            "{scherm}: Tab did not come back to '{}' within {MAX_TABS} presses",
            begin.label
        ));
    }
    for (id, wat) in &verwacht {
        if !bezocht.contains(id) && rect_van(h, id).is_some() {
            fouten.push(format!("{scherm}: Tab never reaches {wat}"));
        }
    }
    fouten
}

fn klik(h: &mut Harness<'static, WijkregisterApp>, label: &str) -> bool {
    let Some(knoop) = h.query_all_by_label(label).next() else {
        return false;
    };
    // Into view first, as a user scrolls to what lies below the window.
    knoop.scroll_to_me();
    h.run();
    h.query_all_by_label(label).next().unwrap().click();
    h.run();
    wacht_op_zoeken(h);
    true
}

#[test]
fn elk_scherm_van_elke_rol_met_tab() {
    let (conn, rollen) = crate::ui_woorden::register();
    let mut app = WijkregisterApp::met_register(Gateway::new(conn, None), d(2026, 11, 26));
    let mut fouten = Vec::new();
    let mut rondes = BTreeMap::<String, usize>::new();
    for (rol, id, inwoner) in &rollen {
        app.werk_als(id);
        let mut h = harness(app);
        h.run();
        wacht_op_zoeken(&mut h);
        let mut ronde = |h: &mut Harness<'static, WijkregisterApp>, scherm: &str| {
            let naam = format!("{rol} / {scherm}");
            fouten.extend(tab_ronde(h, &naam));
            *rondes.entry(scherm.to_owned()).or_default() += 1;
        };
        for scherm in Scherm::ALLE {
            let naam = scherm.naam();
            let Some(knop) = h.query_by_role_and_label(Role::Button, naam) else {
                continue;
            };
            knop.click();
            h.run();
            wacht_op_zoeken(&mut h);
            match scherm {
                Scherm::Beheer => {
                    // The sections that open on demand, opened.
                    for kop in ["Auditlog", "Bewaartermijnen"] {
                        klik(&mut h, kop);
                    }
                    let _ = h.run_ok();
                    ronde(&mut h, naam);
                }
                Scherm::Inwoners => {
                    ronde(&mut h, naam);
                    if klik(&mut h, "Nieuwe inwoner + melding") {
                        ronde(&mut h, "Nieuwe inwoner + melding");
                        druk(&mut h, Key::Escape);
                    }
                    let Some((naam, achternaam)) = inwoner else {
                        continue;
                    };
                    crate::steun::ui::typ(&mut h, "Zoeken:", achternaam);
                    h.get_all_by_label(naam).next().unwrap().click();
                    h.run();
                    ronde(&mut h, "Dossier");
                    let datum = h
                        .query_all_by_role(Role::Link)
                        .filter_map(|n| n.accesskit_node().label())
                        .find(|l| l.len() == 10 && l.as_bytes()[2] == b'-');
                    if let Some(datum) = datum {
                        h.get_all_by_label(&datum).next().unwrap().click();
                        h.run();
                        ronde(&mut h, "Melding");
                        klik(&mut h, "Terug naar het dossier (Esc)");
                    }
                    // The household of the dossier.
                    if klik(&mut h, "Huishouden bekijken") {
                        ronde(&mut h, "Huishouden");
                    }
                }
                _ => ronde(&mut h, naam),
            }
        }
        app = h.into_state();
    }
    for scherm in [
        "Werkvoorraad",
        "Inwoners",
        "Nieuwe inwoner + melding",
        "Dossier",
        "Huishouden",
        "Melding",
        "Sociale kaart",
        "AVE-overzicht",
        "Rapportage",
        "Beheer",
    ] {
        assert!(
            rondes.contains_key(scherm),
            "{scherm} was not walked: {rondes:?}"
        );
    }
    eprintln!("screens walked with Tab: {rondes:?}");
    assert!(
        fouten.is_empty(),
        "{} problems:\n{}",
        fouten.len(),
        fouten.join("\n")
    );
}
