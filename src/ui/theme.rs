//! Colours and small shared visuals: the AVE level colours (one function,
//! used on every screen) and the status colours.
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

/// Sets the app's look: light, a little more spacing than egui's default.
pub fn stel_in(ctx: &egui::Context) {
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
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
