//! Colours, text sizes and small shared visuals: the AVE level colours
//! (one function, used on every screen), the status colours, and the one
//! visual hierarchy of the app — page title > section > label, no text
//! below [`MIN_TEKST`] points, every text colour at least WCAG AA (4.5:1)
//! on the white background (hints and warnings included), and a focus
//! that shows on every kind of widget (a thick dark-blue edge).
//!
//! A colour never stands alone: [`ave_niveau_ui`] always writes the number
//! and the name next to the swatch, so the level reads without colour vision.

use egui::{Color32, Response, Ui};

use crate::domain::ave::{kleur, niveau_label, standaard_naam};

/// The colour of an AVE level: green (0) through amber to dark red (4),
/// as `domain::ave::kleur` decides it (the one place for AVE colours).
#[must_use]
pub fn ave_kleur(niveau: u8) -> Color32 {
    let (r, g, b) = kleur(niveau).achtergrond;
    Color32::from_rgb(r, g, b)
}

/// The text of a level with its default name: "Niveau 3 · Complex, vastgelopen of onveilig".
#[must_use]
pub fn ave_tekst(niveau: u8) -> String {
    niveau_label(niveau, standaard_naam(niveau))
}

/// A level as a badge with number and default name (`ui::ave::ave_badge_ui`;
/// screens that have the register's reworded names call that directly).
pub fn ave_niveau_ui(ui: &mut Ui, niveau: u8) -> Response {
    crate::ui::widgets::ave::ave_badge_ui(ui, niveau, standaard_naam(niveau))
}

/// Colour for an error message.
pub const FOUT_KLEUR: Color32 = Color32::from_rgb(0xb0, 0x00, 0x20);

/// Colour for a success message.
pub const GOED_KLEUR: Color32 = Color32::from_rgb(0x1b, 0x5e, 0x20);

/// The page title's size (`ui.heading`).
pub const TITEL: f32 = 24.0;
/// A section heading's size ([`sectie`]).
pub const SECTIE: f32 = 18.0;
/// Body text and labels.
pub const TEKST: f32 = 15.0;
/// The smallest text on screen (hints, `ui.small`).
pub const MIN_TEKST: f32 = 13.0;

/// Ordinary text: near-black on white.
pub const TEKST_KLEUR: Color32 = Color32::from_gray(0x1e);
/// Hints, placeholders and secondary text: dark grey, still AA on white.
pub const ZWAK_KLEUR: Color32 = Color32::from_gray(0x55);
/// Warnings ("Vandaag", deadlines): a dark amber that reads on white
/// (egui's orange is about 3:1).
pub const WAARSCHUWING_KLEUR: Color32 = Color32::from_rgb(0x8a, 0x45, 0x00);
/// Links: a dark blue (egui's light blue is about 3:1).
pub const LINK_KLEUR: Color32 = Color32::from_rgb(0x00, 0x4f, 0xa3);
/// The edge of the focused widget, and the frame of a focused field.
pub const FOCUS_KLEUR: Color32 = Color32::from_rgb(0x00, 0x3d, 0x99);

/// The step bar of a melding: a phase that is done (green).
pub const STAP_GEDAAN_KLEUR: Color32 = GOED_KLEUR;
/// The step bar: a phase whose step can be taken now (dark amber, with a
/// thicker edge, so it does not rest on colour alone).
pub const STAP_KAN_NU_KLEUR: Color32 = WAARSCHUWING_KLEUR;
/// The step bar: a phase not yet reachable (a grey still AA on white).
pub const STAP_NOG_NIET_KLEUR: Color32 = ZWAK_KLEUR;

/// The width of the focus edge around the focused widget.
pub const FOCUSRAND_BREEDTE: f32 = 2.0;

/// The key under which the focused widget of the last frame is kept.
fn focus_vorig_id() -> egui::Id {
    egui::Id::unique("theme-focus-vorig")
}

/// Brings the focused widget into view when the keyboard has just moved
/// the focus to one that is (partly) scrolled out of sight — egui moves
/// the focus with Tab but does not scroll to it, so a Tab into the part
/// of a long page below the window would leave the cursor unseen. Call at
/// the start of a frame: it asks the widget's scroll areas, as an
/// accessibility action would, to scroll it into the middle of the view.
pub fn focus_in_beeld(ctx: &egui::Context) {
    let nu = ctx.memory(|m| m.focused());
    let vorig = ctx.data(|d| d.get_temp::<Option<egui::Id>>(focus_vorig_id()));
    ctx.data_mut(|d| d.insert_temp(focus_vorig_id(), nu));
    let Some(id) = nu else {
        return;
    };
    // A click gives the focus where the pointer is: in view already (and
    // reading a response in a frame with a press would take the focus).
    if vorig == Some(Some(id)) || ctx.input(|i| i.pointer.any_pressed() || i.pointer.any_click()) {
        return;
    }
    let Some(r) = ctx.read_response(id) else {
        return;
    };
    if geheel_zichtbaar(&r) {
        return;
    }
    ctx.input_mut(|i| {
        i.events.push(egui::Event::AccessKitActionRequest(
            egui::accesskit::ActionRequest {
                action: egui::accesskit::Action::ScrollIntoView,
                target_tree: egui::accesskit::TreeId::ROOT,
                target_node: id.accesskit_id(),
                data: None,
            },
        ));
    });
}

/// Whether a widget is wholly in view (not clipped by its scroll area).
fn geheel_zichtbaar(r: &egui::Response) -> bool {
    r.interact_rect.is_positive()
        && r.interact_rect.width() >= r.rect.width() - 0.5
        && r.interact_rect.height() >= r.rect.height() - 0.5
}

/// Draws a thick dark-blue edge around the focused widget, whatever kind
/// it is — button, field, choice, checkbox, radio button, link, list row or
/// section header — so the keyboard's place is always seen at a glance
/// (egui itself marks a focused link or section header only faintly). Drawn
/// last in a frame, on a layer above the screen; a widget scrolled out of
/// view gets none.
pub fn focusrand_ui(ctx: &egui::Context) {
    let Some(id) = ctx.memory(|m| m.focused()) else {
        return;
    };
    // Reading a widget's response in a frame with a mouse press makes egui
    // take the focus from it when the pointer is elsewhere (as a click
    // elsewhere would): skip the edge for that one frame.
    if ctx.input(|i| i.pointer.any_pressed() || i.pointer.any_click()) {
        return;
    }
    let Some(r) = ctx.read_response(id) else {
        return;
    };
    // The focus moved in this frame to a widget (partly) out of sight: one
    // more frame, so [`focus_in_beeld`] brings it into view.
    if ctx.data(|d| d.get_temp::<Option<egui::Id>>(focus_vorig_id())) != Some(Some(id))
        && !geheel_zichtbaar(&r)
    {
        ctx.request_repaint();
    }
    let rect = r.interact_rect;
    if !rect.is_positive() {
        return;
    }
    // Above dialogs, so a focused button in a dialog shows its edge too.
    ctx.layer_painter(egui::LayerId::new(
        egui::Order::Tooltip,
        egui::Id::unique("focusrand"),
    ))
    .rect_stroke(
        rect.expand(2.0),
        3.0,
        egui::Stroke::new(FOCUSRAND_BREEDTE, FOCUS_KLEUR),
        egui::StrokeKind::Outside,
    );
}

/// A section heading inside a page: smaller than the page title, larger
/// and stronger than a label.
#[must_use]
pub fn sectie(tekst: impl Into<String>) -> egui::RichText {
    egui::RichText::new(tekst).size(SECTIE).strong()
}

/// WCAG 2 relative luminance of a colour.
#[must_use]
pub fn luminantie(c: Color32) -> f64 {
    let kanaal = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * kanaal(c.r()) + 0.7152 * kanaal(c.g()) + 0.0722 * kanaal(c.b())
}

/// WCAG 2 contrast ratio of two colours (1 to 21).
#[must_use]
pub fn contrast(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminantie(a), luminantie(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Sets the app's look: light, a little more spacing than egui's default,
/// the text sizes and colours above, and a visible focus.
pub fn stel_in(ctx: &egui::Context) {
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        use egui::{FontFamily, FontId, TextStyle};
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(TITEL, FontFamily::Proportional),
            ),
            (
                TextStyle::Body,
                FontId::new(TEKST, FontFamily::Proportional),
            ),
            (
                TextStyle::Button,
                FontId::new(TEKST, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(MIN_TEKST, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(14.0, FontFamily::Monospace),
            ),
        ]
        .into();
        let v = &mut style.visuals;
        v.override_text_color = None;
        v.widgets.noninteractive.fg_stroke.color = TEKST_KLEUR;
        v.widgets.inactive.fg_stroke.color = TEKST_KLEUR;
        v.widgets.hovered.fg_stroke.color = TEKST_KLEUR;
        v.widgets.active.fg_stroke.color = TEKST_KLEUR;
        v.weak_text_color = Some(ZWAK_KLEUR);
        v.warn_fg_color = WAARSCHUWING_KLEUR;
        v.error_fg_color = FOUT_KLEUR;
        v.hyperlink_color = LINK_KLEUR;
        // Focus (egui draws a focused widget as "active"): a thick dark
        // edge on buttons, choices, checkboxes and radio buttons alike, and
        // the same on a focused text field's frame.
        let focus = egui::Stroke::new(2.5, FOCUS_KLEUR);
        v.widgets.active.bg_stroke = focus;
        v.selection.stroke = egui::Stroke::new(2.0, FOCUS_KLEUR);
        v.selection.bg_fill = Color32::from_rgb(0xc7, 0xdc, 0xf5);
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        style.spacing.interact_size.y = 24.0;
        // A visible edge on checkboxes, radio buttons, fields and buttons:
        // egui's light theme draws them almost without one, and a tired user
        // must see at a glance what can be ticked or typed in.
        let rand = egui::Stroke::new(1.0, Color32::from_gray(140));
        style.visuals.widgets.inactive.bg_stroke = rand;
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text colour of the theme, by name.
    const TEKSTKLEUREN: [(&str, Color32); 10] = [
        ("tekst", TEKST_KLEUR),
        ("zwak", ZWAK_KLEUR),
        ("waarschuwing", WAARSCHUWING_KLEUR),
        ("link", LINK_KLEUR),
        ("fout", FOUT_KLEUR),
        ("goed", GOED_KLEUR),
        ("focus", FOCUS_KLEUR),
        ("stap gedaan", STAP_GEDAAN_KLEUR),
        ("stap kan nu", STAP_KAN_NU_KLEUR),
        ("stap nog niet", STAP_NOG_NIET_KLEUR),
    ];

    #[test]
    fn elke_tekstkleur_haalt_wcag_aa_op_wit() {
        for (naam, kleur) in TEKSTKLEUREN {
            let c = contrast(kleur, Color32::WHITE);
            assert!(c >= 4.5, "{naam}: {c:.2}:1 on white");
        }
        // egui's own orange, which this replaces, fails.
        assert!(contrast(Color32::from_rgb(255, 100, 0), Color32::WHITE) < 4.5);
        // So do the grey and the AVE amber the step bar used before.
        assert!(contrast(Color32::GRAY, Color32::WHITE) < 4.5);
        assert!(contrast(ave_kleur(2), Color32::WHITE) < 4.5);
    }

    /// Text sits on the panels, windows, fields and striped rows of the
    /// theme as set, not only on white: every text colour is AA on each.
    #[test]
    fn elke_tekstkleur_haalt_wcag_aa_op_elke_achtergrond() {
        let ctx = egui::Context::default();
        stel_in(&ctx);
        let v = ctx.style_of(egui::Theme::Light).visuals.clone();
        // A translucent (premultiplied) fill, such as the stripe of a
        // striped row, as it shows over the panel.
        let op_paneel = |c: Color32| {
            let rest = 1.0 - f32::from(c.a()) / 255.0;
            let kanaal = |k: u8, p: u8| {
                let v = f32::from(k) + f32::from(p) * rest;
                // Channels are 0-255; the sum of a premultiplied colour and
                // the rest of the panel stays within that.
                #[allow(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "clamped to 0-255 first"
                )]
                let k = v.round().clamp(0.0, 255.0) as u8;
                k
            };
            let p = v.panel_fill;
            Color32::from_rgb(
                kanaal(c.r(), p.r()),
                kanaal(c.g(), p.g()),
                kanaal(c.b(), p.b()),
            )
        };
        for (achtergrond, a) in [
            ("paneel", v.panel_fill),
            ("venster", v.window_fill),
            ("veld", v.extreme_bg_color),
            ("gestreepte rij", op_paneel(v.faint_bg_color)),
            ("knop", op_paneel(v.widgets.inactive.weak_bg_fill)),
            ("gekozen rij", op_paneel(v.selection.bg_fill)),
        ] {
            for (naam, kleur) in TEKSTKLEUREN {
                let c = contrast(kleur, a);
                assert!(c >= 4.5, "{naam} on {achtergrond} {a:?}: {c:.2}:1");
            }
        }
    }

    #[test]
    fn titel_boven_sectie_boven_tekst() {
        let ctx = egui::Context::default();
        stel_in(&ctx);
        let style = ctx.style_of(egui::Theme::Light);
        let maat = |t: egui::TextStyle| style.text_styles[&t].size;
        assert!(maat(egui::TextStyle::Heading) > SECTIE);
        assert!(SECTIE > maat(egui::TextStyle::Body));
        assert!(maat(egui::TextStyle::Small) >= MIN_TEKST);
        assert!(style.text_styles.values().all(|f| f.size >= MIN_TEKST));
        assert_eq!(style.visuals.weak_text_color(), ZWAK_KLEUR);
        assert_eq!(style.visuals.widgets.active.bg_stroke.color, FOCUS_KLEUR);
    }
}
