//! A date field: type `dd-mm-jjjj`, or open a month grid with "Kalender" and
//! click a day. The text stays what the user typed until it parses, so a
//! failed save keeps it.

use chrono::{Datelike, Months, NaiveDate};
use egui::Response;

use crate::domain::datum::{nl, parse_nl};

/// Parses a date typed as `dd-mm-jjjj` (also `jjjj-mm-dd`).
#[must_use]
pub fn lees(tekst: &str) -> Option<NaiveDate> {
    let t = tekst.trim();
    parse_nl(t).or_else(|| crate::domain::datum::parse_iso(t))
}

/// The check of a date field as the user leaves it: `None` when fine or
/// empty, else a Dutch message.
#[must_use]
pub fn controleer(tekst: &str) -> Option<String> {
    if tekst.trim().is_empty() || lees(tekst).is_some() {
        None
    } else {
        // Short enough for one line of a form's message column, so a typo
        // noticed on leaving the field moves nothing (issue 14 point 5); the
        // field's hint shows the form dd-mm-jjjj when it is empty.
        Some(format!("'{}' is geen datum", tekst.trim()))
    }
}

/// A date field in a form grid (label, field + picker, error); ends the row.
/// `vandaag` is where the month grid opens when the field is empty.
pub fn datumveld_ui(
    ui: &mut egui::Ui,
    label: &str,
    tekst: &mut String,
    fout: Option<&String>,
    vandaag: NaiveDate,
) -> Response {
    let l = ui.label(label);
    let id = ui.make_persistent_id(("datumveld", label));
    let mut open: Option<NaiveDate> = ui.data(|d| d.get_temp(id));
    let mut kalender_knop = None;
    let r = super::veld_met_melding_ui(ui, |ui| {
        let r = ui
            .horizontal(|ui| {
                let r = ui
                    .add(
                        egui::TextEdit::singleline(tekst)
                            .char_limit(super::lengte::DATUM)
                            .hint_text("dd-mm-jjjj")
                            .desired_width(110.0),
                    )
                    .labelled_by(l.id);
                let knop = ui.button("Kalender").on_hover_text(format!(
                    "Kies de {} in een maandoverzicht",
                    label.trim_end_matches(':').to_lowercase()
                ));
                kalender_knop = Some(knop.id);
                if knop.clicked() {
                    open = match open {
                        Some(_) => None,
                        None => Some(lees(tekst).unwrap_or(vandaag)),
                    };
                }
                r
            })
            .inner;
        let eigen = if r.lost_focus() {
            controleer(tekst)
        } else {
            None
        };
        let getoond = fout.cloned().or(eigen).or_else(|| {
            if r.has_focus() {
                None
            } else {
                controleer(tekst)
            }
        });
        (r, getoond.map(|f| format!("Fout: {f}")), true)
    });
    ui.end_row();
    if let Some(maand) = open {
        // A floating month grid below the field, above everything else.
        // Esc closes it (and only it: the form sees a list open, see
        // `super::kalender_open`).
        let esc = ui.input(|i| i.key_pressed(egui::Key::Escape));
        let mut nieuw = if esc { None } else { Some(maand) };
        if esc && let Some(knop) = kalender_knop {
            // The focus goes back to the button that opened it.
            ui.memory_mut(|m| m.request_focus(knop));
        }
        super::markeer_kalender_open(ui.ctx());
        egui::Area::new(id.with("maandoverzicht"))
            .order(egui::Order::Foreground)
            .fixed_pos(r.rect.left_bottom() + egui::vec2(0.0, 4.0))
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.vertical(|ui| {
                        if let Some(dag) = maand_ui(ui, &mut nieuw) {
                            *tekst = nl(dag);
                            nieuw = None;
                        }
                        if ui.button("Sluiten").clicked() {
                            nieuw = None;
                        }
                    });
                });
            });
        open = nieuw;
    }
    ui.data_mut(|d| {
        if let Some(m) = open {
            d.insert_temp(id, m);
        } else {
            d.remove::<NaiveDate>(id);
        }
    });
    r
}

const MAANDEN: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// A month grid; returns the clicked day. `maand` (any day in it) moves by month or year.
fn maand_ui(ui: &mut egui::Ui, maand: &mut Option<NaiveDate>) -> Option<NaiveDate> {
    let m = (*maand)?;
    let eerste = m.with_day(1).unwrap_or(m);
    let mut gekozen = None;
    ui.horizontal(|ui| {
        if ui.small_button("<<").on_hover_text("Vorig jaar").clicked() {
            *maand = eerste.checked_sub_months(Months::new(12));
        }
        if ui.small_button("<").on_hover_text("Vorige maand").clicked() {
            *maand = eerste.checked_sub_months(Months::new(1));
        }
        let naam = MAANDEN.get(eerste.month0() as usize).copied().unwrap_or("");
        ui.label(format!("{naam} {}", eerste.year()));
        if ui
            .small_button(">")
            .on_hover_text("Volgende maand")
            .clicked()
        {
            *maand = eerste.checked_add_months(Months::new(1));
        }
    });
    egui::Grid::new(("maand", eerste)).show(ui, |ui| {
        for d in ["ma", "di", "wo", "do", "vr", "za", "zo"] {
            ui.weak(d);
        }
        ui.end_row();
        for _ in 0..eerste.weekday().num_days_from_monday() {
            ui.label("");
        }
        let mut dag = eerste;
        while dag.month() == eerste.month() {
            if ui.small_button(format!("{}", dag.day())).clicked() {
                gekozen = Some(dag);
            }
            if dag.weekday() == chrono::Weekday::Sun {
                ui.end_row();
            }
            match dag.succ_opt() {
                Some(v) => dag = v,
                None => break,
            }
        }
    });
    gekozen
}
