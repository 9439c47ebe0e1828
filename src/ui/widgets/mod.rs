//! What screens share, so no screen imports another: small form widgets (a
//! labelled text field with its Dutch error beside it, the mapping of the
//! store's field errors onto form fields), the date field, Dutch numbers,
//! the AVE drawings and forms, and the form that ends a toekenning.
//!
//! Every field is a grid row "label | field | error", the label tied to the
//! field (`labelled_by`) so screen readers and `egui_kittest` find it. A
//! form whose field column is wide (the new melding, with its leefgebieden
//! in three columns) draws its rows inside [`fouten_bij_het_veld`]: then a
//! row is "label | field with its error right beside it" (under it, for a
//! field of several lines that draws [`fout_ui`] in its own cell), so an
//! error never sits far to the right of the field it is about.

pub mod ave;
pub mod datum;
pub mod getal;
pub mod lengte;
pub mod toekenning_einde;

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

/// Like [`fouten_uit`] for a form that shows only the fields `velden`: an
/// error on a field it does not show goes into the general message, with
/// the field's name, so nothing the store said is lost.
#[must_use]
pub fn fouten_voor(fout: &StoreFout, velden: &[&str]) -> (Fouten, Option<String>) {
    let (mut fouten, algemeen) = fouten_uit(fout);
    let los: Vec<String> = fouten
        .extract_if(.., |veld, _| !velden.contains(&veld.as_str()))
        .map(|(veld, tekst)| format!("{veld}: {tekst}"))
        .collect();
    if los.is_empty() {
        (fouten, algemeen)
    } else {
        (fouten, Some(los.join("; ")))
    }
}

/// The error beside a field, if any (or, in [`fouten_bij_het_veld`],
/// under it: call it then in the field's own cell).
pub fn fout_ui(ui: &mut egui::Ui, fout: Option<&String>) {
    let tekst = fout.map(|f| format!("Fout: {f}"));
    if fouten_onder(ui) {
        if let Some(t) = tekst {
            melding_onder_ui(ui, &t, true);
        }
    } else {
        melding_kolom_ui(ui, tekst.as_deref(), true);
    }
}

/// The key of the flag that [`fouten_bij_het_veld`] sets while a form draws.
fn fouten_onder_id() -> egui::Id {
    egui::Id::unique("widgets-fouten-onder-het-veld")
}

/// Whether the form being drawn shows errors with their fields.
fn fouten_onder(ui: &egui::Ui) -> bool {
    ui.data(|d| d.get_temp::<bool>(fouten_onder_id()))
        .unwrap_or(false)
}

/// Draws `inhoud` (a form's grid of two columns, "label | field") with
/// every field's error right beside the field, in the field's own cell,
/// instead of in a third column that starts after the widest field. Rows a
/// form draws itself put their field and [`fout_ui`] in one `ui.vertical`
/// cell (the error then shows under the field).
pub fn fouten_bij_het_veld<R>(ui: &mut egui::Ui, inhoud: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let eerder = fouten_onder(ui);
    ui.data_mut(|d| d.insert_temp(fouten_onder_id(), true));
    let r = inhoud(ui);
    ui.data_mut(|d| d.insert_temp(fouten_onder_id(), eerder));
    r
}

/// A message right under a field (in a cell of several lines), wrapped
/// within the width of a wide field.
fn melding_onder_ui(ui: &mut egui::Ui, melding: &str, fout: bool) {
    let tekst = RichText::new(melding);
    let tekst = if fout { tekst.color(FOUT_KLEUR) } else { tekst };
    ui.scope(|ui| {
        ui.set_max_width(TEKSTVAK_BREEDTE);
        ui.add(egui::Label::new(tekst).wrap());
    });
}

/// The field cell of a form row with its message: the field, then the
/// message in the row's third column — or, in [`fouten_bij_het_veld`], the
/// field with its message right beside it in one cell. `veld` draws the
/// field and returns its result, the message and whether it is an error.
pub(crate) fn veld_met_melding_ui<R>(
    ui: &mut egui::Ui,
    veld: impl FnOnce(&mut egui::Ui) -> (R, Option<String>, bool),
) -> R {
    if fouten_onder(ui) {
        // Top-aligned: the field stays where it is when a message of two
        // lines shows beside it.
        ui.horizontal_top(|ui| {
            let (r, melding, fout) = veld(ui);
            if let Some(m) = melding {
                melding_kolom_ui(ui, Some(&m), fout);
            }
            r
        })
        .inner
    } else {
        let (r, melding, fout) = veld(ui);
        melding_kolom_ui(ui, melding.as_deref(), fout);
        r
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
    let r = veld_met_melding_ui(ui, |ui| {
        let r = ui
            .add(
                egui::TextEdit::singleline(tekst)
                    .desired_width(260.0)
                    .char_limit(lengte::NAAM),
            )
            .labelled_by(l.id);
        (r, fout.map(|f| format!("Fout: {f}")), true)
    });
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
    let r = veld_met_melding_ui(ui, |ui| {
        // A fixed box: the field scrolls inside it, so typing never pushes
        // the fields and buttons below it down (issue 14, layout at 1280×800).
        let r = ui
            .allocate_ui_with_layout(
                egui::vec2(TEKSTVAK_BREEDTE, TEKSTVAK_HOOGTE),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    ui.set_min_size(egui::vec2(TEKSTVAK_BREEDTE, TEKSTVAK_HOOGTE));
                    egui::ScrollArea::vertical()
                        .id_salt(l.id.with("vak"))
                        .max_height(TEKSTVAK_HOOGTE)
                        .min_scrolled_height(TEKSTVAK_HOOGTE)
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            ui.add(
                                egui::TextEdit::multiline(tekst)
                                    .char_limit(lengte::LANGE_TEKST)
                                    .desired_rows(3)
                                    .desired_width(TEKSTVAK_BREEDTE - 16.0),
                            )
                        })
                        .inner
                },
            )
            .inner
            .labelled_by(l.id);
        // A text at the cap says so: what was typed or pasted beyond it was
        // not taken.
        let vol = tekst.chars().count() >= lengte::LANGE_TEKST;
        match (fout, vol) {
            (Some(f), _) => (r, Some(format!("Fout: {f}")), true),
            (None, true) => (
                r,
                Some(format!(
                    "Maximaal {} tekens: wat daarna getypt of geplakt is, is niet overgenomen.",
                    lengte::LANGE_TEKST
                )),
                false,
            ),
            (None, false) => (r, None, false),
        }
    });
    ui.end_row();
    r
}

/// Width of a multi-line field in a form grid.
pub const TEKSTVAK_BREEDTE: f32 = 420.0;
/// Height of a multi-line field in a form grid (about four lines; more
/// scrolls inside the field).
pub const TEKSTVAK_HOOGTE: f32 = 76.0;
/// Width of the column where a form row's message shows: long messages
/// wrap inside it instead of widening the page.
pub const MELDING_BREEDTE: f32 = 280.0;

/// The message column of a form row: a message wraps within
/// [`MELDING_BREEDTE`]; the place is kept when there is none.
pub fn melding_kolom_ui(ui: &mut egui::Ui, melding: Option<&str>, fout: bool) {
    ui.allocate_ui_with_layout(
        egui::vec2(MELDING_BREEDTE, 0.0),
        egui::Layout::top_down(egui::Align::Min),
        |ui| {
            ui.set_max_width(MELDING_BREEDTE);
            match melding {
                Some(m) => {
                    let tekst = RichText::new(m);
                    let tekst = if fout { tekst.color(FOUT_KLEUR) } else { tekst };
                    ui.add(egui::Label::new(tekst).wrap());
                }
                None => {
                    ui.label("");
                }
            }
        },
    );
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
    let salt = ("keuze", label);
    // A long choice is cut off in the fixed width: its whole text on hover.
    let heel = (gekozen.chars().count() > 30).then(|| gekozen.clone());
    // One width for every choice, whatever is chosen: the column does not
    // jump when a long option is picked.
    let veranderd = veld_met_melding_ui(ui, |ui| {
        let (keuze, veranderd) = ui
            .scope(|ui| {
                ui.set_max_width(KEUZE_BREEDTE);
                // Keyboard first, like a native list: with the choice
                // focused (or its list open) the arrow keys move the
                // choice and letters find an option by its first
                // letters; the open list scrolls to keep it in view.
                // The id is the one the ComboBox gives its button (it
                // wraps the salt in an IdSalt).
                let knop = ui.make_persistent_id(egui::IdSalt::new(salt));
                let mut veranderd = kies_met_toetsen(ui, knop, waarde, opties);
                let scroll = veranderd;
                let r = egui::ComboBox::from_id_salt(salt)
                    .selected_text(gekozen)
                    .width(KEUZE_BREEDTE)
                    .truncate()
                    .show_ui(ui, |ui| {
                        for (w, t) in opties {
                            let r = ui.selectable_label(w == waarde, t);
                            if w == waarde && scroll {
                                r.scroll_to_me(Some(egui::Align::Center));
                            }
                            if r.clicked() {
                                *waarde = w.clone();
                                veranderd = true;
                            }
                        }
                    })
                    .response;
                (r, veranderd)
            })
            .inner;
        let keuze = keuze.labelled_by(l.id);
        if let Some(heel) = heel {
            keuze.on_hover_text(heel);
        }
        (veranderd, fout.map(|f| format!("Fout: {f}")), true)
    });
    ui.end_row();
    veranderd
}

/// Moves a choice with the keyboard while its button has the focus or its
/// list is open: Down/Up to the next/previous option, and typed letters to
/// the first option whose text starts with what was typed within the last
/// second (type-to-find; typing the same letter again goes to the next
/// such option). The keys are consumed, so they do not also move focus.
/// Returns whether the choice changed.
pub fn kies_met_toetsen<T: Clone + PartialEq>(
    ui: &mut egui::Ui,
    knop: egui::Id,
    waarde: &mut T,
    opties: &[(T, String)],
) -> bool {
    let open = egui::ComboBox::is_open(ui.ctx(), knop);
    let focus = ui.memory(|m| m.has_focus(knop));
    if focus {
        // The arrow keys and Esc belong to the choice, not to moving or
        // dropping the focus (Tab still moves on).
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                knop,
                egui::EventFilter {
                    vertical_arrows: true,
                    escape: open,
                    ..Default::default()
                },
            );
        });
    }
    if opties.is_empty() || !(open || focus) {
        return false;
    }
    let huidig = opties.iter().position(|(w, _)| w == waarde);
    let sleutel = knop.with("typ");
    let (vorig, tijd) = ui
        .data(|d| d.get_temp::<(String, f64)>(sleutel))
        .unwrap_or_default();
    // While a search is being typed, Space is part of it (and does not
    // open or close the list, as it does otherwise).
    let zoekt = !vorig.is_empty() && ui.input(|i| i.time) - tijd < 1.0;
    let (omlaag, omhoog, tekst, nu) = ui.input_mut(|i| {
        // Letters typed in this same frame start a search too.
        let zoekt = zoekt
            || i.events
                .iter()
                .any(|e| matches!(e, egui::Event::Text(t) if !t.trim().is_empty()));
        if zoekt {
            i.events.retain(|e| {
                !matches!(
                    e,
                    egui::Event::Key {
                        key: egui::Key::Space,
                        ..
                    }
                )
            });
        }
        let omlaag = i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown);
        let omhoog = i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp);
        let mut tekst = String::new();
        // A lone space (no search going on) is Space: it opens the list.
        if zoekt {
            i.events.retain(|e| match e {
                egui::Event::Text(t) if t.chars().all(|c| !c.is_control()) => {
                    tekst.push_str(t);
                    false
                }
                _ => true,
            });
        }
        (omlaag, omhoog, tekst, i.time)
    });
    let nieuw = if omlaag {
        Some(huidig.map_or(0, |h| (h + 1).min(opties.len() - 1)))
    } else if omhoog {
        Some(huidig.map_or(0, |h| h.saturating_sub(1)))
    } else if !tekst.is_empty() {
        let mut gezocht = if nu - tijd < 1.0 {
            vorig + &tekst
        } else {
            tekst
        };
        let mut letters = gezocht.chars();
        // The same letter again: the next option with that letter.
        let herhaald = letters
            .next()
            .is_some_and(|eerste| letters.all(|c| c == eerste))
            && gezocht.chars().count() > 1;
        if herhaald {
            gezocht = gezocht.chars().take(1).collect();
        }
        ui.data_mut(|d| d.insert_temp(sleutel, (gezocht.clone(), nu)));
        let gezocht = gezocht.to_lowercase();
        let n = opties.len();
        let begin = match (huidig, herhaald || gezocht.chars().count() == 1) {
            (Some(h), true) => h + 1,
            (Some(h), false) => h,
            (None, _) => 0,
        };
        (0..n)
            .map(|k| (begin + k) % n)
            .find(|&k| opties[k].1.to_lowercase().starts_with(&gezocht))
    } else {
        None
    };
    match nieuw {
        Some(k) if Some(k) != huidig => {
            *waarde = opties[k].0.clone();
            true
        }
        _ => false,
    }
}

/// The width of every choice in a form.
pub const KEUZE_BREEDTE: f32 = 260.0;

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
        && !kalender_open(ui.ctx())
        && ui.input(|i| i.key_pressed(egui::Key::Enter))
}

/// Marks a multi-line field so Enter inside it does not save the form.
pub fn markeer_meerregelig(ui: &egui::Ui, r: &Response) {
    ui.ctx()
        .data_mut(|d| d.insert_temp(r.id.with("meerregelig"), true));
}

/// The key under which [`focus_straks`] keeps its widget.
fn straks_id() -> egui::Id {
    egui::Id::unique("widgets-focus-straks")
}

/// Gives the focus back to `id` as soon as no dialog is over the screen.
/// A dialog that closes in this frame still blocks the widgets behind it
/// in the next one (egui keeps the top dialog of the last frame), so the
/// widget cannot take the focus at once; the app calls
/// [`geef_focus_straks`] first thing in every frame.
pub fn focus_straks(ctx: &egui::Context, id: egui::Id) {
    ctx.data_mut(|d| d.insert_temp(straks_id(), id));
    ctx.request_repaint();
}

/// Gives the focus asked for with [`focus_straks`] (at the start of a
/// frame), once no dialog blocks the screen.
pub fn geef_focus_straks(ctx: &egui::Context) {
    let Some(id) = ctx.data(|d| d.get_temp::<egui::Id>(straks_id())) else {
        return;
    };
    if ctx.memory(|m| m.top_modal_layer().is_some()) {
        ctx.request_repaint();
        return;
    }
    ctx.data_mut(|d| d.remove::<egui::Id>(straks_id()));
    ctx.memory_mut(|m| m.request_focus(id));
}

/// The key under which a date field's open month overview marks the pass
/// it was drawn in.
fn kalender_id() -> egui::Id {
    egui::Id::unique("widgets-kalender-open")
}

/// Marks that a date field's month overview is open in this pass.
pub(crate) fn markeer_kalender_open(ctx: &egui::Context) {
    let nu = ctx.cumulative_pass_nr();
    ctx.data_mut(|d| d.insert_temp(kalender_id(), nu));
}

/// Whether a month overview was open in the last pass: like an open list,
/// it takes Esc before the form or the screen does.
fn kalender_open(ctx: &egui::Context) -> bool {
    let nu = ctx.cumulative_pass_nr();
    ctx.data(|d| d.get_temp::<u64>(kalender_id()))
        .is_some_and(|getekend| getekend + 1 >= nu)
}

/// Where the keyboard was when a screen began drawing: the focused widget
/// and whether a drop-down list was open. A one-line text field gives up
/// its focus on Enter or Esc while it is drawn, and a list closes on Esc, so
/// a screen with several forms reads this first to know which form a key
/// was meant for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Focus {
    id: Option<egui::Id>,
    lijst_open: bool,
}

/// A screen's memory of the focus at the end of its last frame: egui
/// clears the focus on Esc before the screen draws, so without it the screen
/// would not know in which form Esc was pressed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FocusGeheugen(Option<egui::Id>);

impl FocusGeheugen {
    /// The focus as the frame begins (call before drawing the forms): the
    /// focused widget, or the one focused at the end of the last frame when
    /// Esc has just cleared it.
    #[must_use]
    pub fn begin(self, ui: &egui::Ui) -> Focus {
        let nu = ui.ctx().memory(|m| m.focused());
        let esc = ui.input(|i| i.key_pressed(egui::Key::Escape));
        Focus {
            id: nu.or(if esc { self.0 } else { None }),
            lijst_open: egui::Popup::is_any_open(ui.ctx()) || kalender_open(ui.ctx()),
        }
    }

    /// Remembers the focus at the end of drawing.
    pub fn einde(&mut self, ui: &egui::Ui) {
        self.0 = ui.ctx().memory(|m| m.focused());
    }
}

impl Focus {
    /// The focused widget as the frame began (the button Enter or Space
    /// pressed, when a form opens): where the focus goes back when that
    /// form closes.
    #[must_use]
    pub fn id(self) -> Option<egui::Id> {
        self.id
    }

    /// Whether the focused widget lies in `rect` (a form's area, drawn this frame).
    fn binnen(self, ui: &egui::Ui, rect: egui::Rect) -> bool {
        self.id
            .and_then(|id| ui.ctx().read_response(id))
            .is_some_and(|r| rect.intersects(r.rect))
    }

    /// Whether the focused widget is a one-line text field (a multi-line one
    /// is marked with [`markeer_meerregelig`]; Enter there is a new line).
    fn in_tekstregel(self, ui: &egui::Ui) -> bool {
        self.id.is_some_and(|id| {
            egui::TextEdit::load_state(ui.ctx(), id).is_some()
                && !ui
                    .ctx()
                    .data(|d| d.get_temp::<bool>(id.with("meerregelig")))
                    .unwrap_or(false)
        })
    }

    /// Whether Enter saves the form drawn in `rect`: pressed with no list
    /// open while the focus was in a one-line field of this form, or while
    /// nothing had focus and this is the only form open (`enig`). Enter on a
    /// focused button presses that button (egui does that), nothing more.
    #[must_use]
    pub fn enter_voor(self, ui: &egui::Ui, rect: egui::Rect, enig: bool) -> bool {
        !self.lijst_open
            && ui.input(|i| i.key_pressed(egui::Key::Enter))
            && match self.id {
                Some(_) => self.in_tekstregel(ui) && self.binnen(ui, rect),
                None => enig,
            }
    }

    /// Whether Esc cancels the form drawn in `rect`: pressed with no list
    /// open while the focus was anywhere in this form, or while nothing had
    /// focus and this is the only form open (`enig`).
    #[must_use]
    pub fn esc_voor(self, ui: &egui::Ui, rect: egui::Rect, enig: bool) -> bool {
        !self.lijst_open
            && ui.input(|i| i.key_pressed(egui::Key::Escape))
            && match self.id {
                Some(_) => self.binnen(ui, rect),
                None => enig,
            }
    }

    /// Whether Esc was pressed with no list open (the screen's own Esc,
    /// when no form took it).
    #[must_use]
    pub fn esc(self, ui: &egui::Ui) -> bool {
        !self.lijst_open && ui.input(|i| i.key_pressed(egui::Key::Escape))
    }
}
