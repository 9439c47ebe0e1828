//! Small form widgets shared by the klantreis screens: a labelled text
//! field with its Dutch error beside it, and the mapping of the store's
//! field errors onto form fields.
//!
//! Every field is a grid row "label | field | error", the label tied to the
//! field (`labelled_by`) so screen readers and `egui_kittest` find it.

pub mod datum;
pub mod lengte;

use std::collections::BTreeMap;

use egui::{Response, RichText};

use crate::store::StoreFout;
use crate::ui::theme::FOUT_KLEUR;

/// Field errors of a form by field name (the store's names: `bsn`, `vraag`, …).
pub type Fouten = BTreeMap<String, String>;

/// Splits a store error into field errors (shown beside their field) and a
/// general message (shown above the buttons).
#[must_use]
pub fn fouten_uit(fout: &StoreFout) -> (Fouten, Option<String>) {
    match fout {
        StoreFout::Validatie(lijst) => {
            let mut fouten = Fouten::new();
            for v in lijst {
                fouten
                    .entry(v.veld.to_owned())
                    .and_modify(|t: &mut String| {
                        t.push_str("; ");
                        t.push_str(&v.fout.to_string());
                    })
                    .or_insert_with(|| v.fout.to_string());
            }
            (fouten, None)
        }
        ander => (Fouten::new(), Some(format!("Niet opgeslagen: {ander}"))),
    }
}

/// The error beside a field, if any.
pub fn fout_ui(ui: &mut egui::Ui, fout: Option<&String>) {
    match fout {
        Some(f) => {
            ui.label(RichText::new(format!("Fout: {f}")).color(FOUT_KLEUR));
        }
        None => {
            ui.label("");
        }
    }
}

/// A one-line text field in a form grid: label, field, error; ends the row.
pub fn tekstveld_ui(
    ui: &mut egui::Ui,
    label: &str,
    tekst: &mut String,
    fout: Option<&String>,
) -> Response {
    let l = ui.label(label);
    let r = ui
        .add(
            egui::TextEdit::singleline(tekst)
                .desired_width(260.0)
                .char_limit(lengte::NAAM),
        )
        .labelled_by(l.id);
    fout_ui(ui, fout);
    ui.end_row();
    r
}

/// A multi-line text field in a form grid; ends the row.
pub fn tekstvak_ui(
    ui: &mut egui::Ui,
    label: &str,
    tekst: &mut String,
    fout: Option<&String>,
) -> Response {
    let l = ui.label(label);
    let r = ui
        .add(
            egui::TextEdit::multiline(tekst)
                .char_limit(lengte::LANGE_TEKST)
                .desired_rows(3)
                .desired_width(420.0),
        )
        .labelled_by(l.id);
    fout_ui(ui, fout);
    ui.end_row();
    r
}

/// A choice from a list in a form grid; ends the row. Returns whether it changed.
pub fn keuze_ui<T: Clone + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    waarde: &mut T,
    opties: &[(T, String)],
    fout: Option<&String>,
) -> bool {
    let l = ui.label(label);
    let gekozen = opties
        .iter()
        .find(|(w, _)| w == waarde)
        .map_or_else(|| "kies…".to_owned(), |(_, t)| t.clone());
    let mut veranderd = false;
    egui::ComboBox::from_id_salt(("keuze", label))
        .selected_text(gekozen)
        .width(260.0)
        .show_ui(ui, |ui| {
            for (w, t) in opties {
                if ui.selectable_label(w == waarde, t).clicked() {
                    *waarde = w.clone();
                    veranderd = true;
                }
            }
        })
        .response
        .labelled_by(l.id);
    fout_ui(ui, fout);
    ui.end_row();
    veranderd
}

/// Whether Enter was pressed outside a multi-line field and with no list
/// open (a form saves on it).
#[must_use]
pub fn enter_opslaan(ui: &egui::Ui) -> bool {
    let multiline_focus = ui.ctx().memory(|m| m.focused()).is_some_and(|id| {
        ui.ctx()
            .data(|d| d.get_temp::<bool>(id.with("meerregelig")))
            .unwrap_or(false)
    });
    !multiline_focus
        && !egui::Popup::is_any_open(ui.ctx())
        && ui.input(|i| i.key_pressed(egui::Key::Enter))
}

/// Marks a multi-line field so Enter inside it does not save the form.
pub fn markeer_meerregelig(ui: &egui::Ui, r: &Response) {
    ui.ctx()
        .data_mut(|d| d.insert_temp(r.id.with("meerregelig"), true));
}
