//! Colours and small shared visuals: the AVE level colours (one function,
//! used on every screen) and the status colours.
//!
//! A colour never stands alone: [`ave_niveau_ui`] always writes the number
//! and the name next to the swatch, so the level reads without colour vision.

use egui::{Color32, Response, RichText, Sense, Stroke, Ui, Vec2};

use crate::domain::ave::standaard_naam;

/// The colour of an AVE level: green (0) through orange to dark red (4).
#[must_use]
pub fn ave_kleur(niveau: u8) -> Color32 {
    match niveau {
        0 => Color32::from_rgb(0x2e, 0x7d, 0x32),
        1 => Color32::from_rgb(0x9e, 0x9d, 0x24),
        2 => Color32::from_rgb(0xef, 0x6c, 0x00),
        3 => Color32::from_rgb(0xc6, 0x28, 0x28),
        4 => Color32::from_rgb(0x6d, 0x00, 0x00),
        _ => Color32::GRAY,
    }
}

/// The text of a level: "Niveau 3 – Complex, vastgelopen of onveilig".
#[must_use]
pub fn ave_tekst(niveau: u8) -> String {
    format!("Niveau {niveau} – {}", standaard_naam(niveau))
}

/// A colour swatch followed by the level's number and name.
pub fn ave_niveau_ui(ui: &mut Ui, niveau: u8) -> Response {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(Vec2::new(18.0, 18.0), Sense::hover());
        ui.painter().rect(
            rect,
            3.0,
            ave_kleur(niveau),
            Stroke::new(1.0, Color32::from_gray(60)),
            egui::StrokeKind::Inside,
        );
        ui.label(RichText::new(ave_tekst(niveau)).strong())
    })
    .inner
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
    });
}
