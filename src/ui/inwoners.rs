//! The Inwoners screen: search as you type over every resident.
//!
//! The result rows live in a `Vec` that is re-queried only when the search
//! text or the wijkteam filter changes; the table draws only the visible rows
//! (`TableBody::rows`), so 75,000 residents scroll as smoothly as 75.
//!
//! A search never blocks a frame: it runs through the gateway's background
//! helper (its own thread and connection on a register file; at once in
//! memory), one at a time. Meanwhile the screen says "zoeken…" and keeps the
//! previous rows; when a search ends and the question has changed since, the
//! newest question is searched next, so typing fast never piles up work.
//!
//! A search asks one page (`toegang::PAGINA` rows) at a time: the first
//! screenful comes at once, however many residents match; the next page is
//! asked, the same way, when the list is scrolled to within half a page of
//! the rows loaded (keyset paging in `store::inwoners`).

use std::sync::Arc;

use egui::{Key, RichText, Sense};
use egui_extras::{Column, TableBuilder};

use crate::domain::datum::{leeftijd, nl};
use crate::gateway::{Loket, Taak};
use crate::store::inwoners::{InwonerRij, Zoekvraag};
use crate::ui::actie::Actie;
use crate::ui::scherm::SchermUi;
use crate::ui::theme::FOUT_KLEUR;
use crate::ui::widgets::getal::duizendtallen;

/// A search running in the background: the question it answers, whether it
/// is a next page of the rows shown (not a new list), and the work.
type Zoeken = (Zoekvraag, bool, Taak<Result<Vec<InwonerRij>, String>>);

/// The rows of one page.
const PAGINA: usize = crate::store::toegang::PAGINA;

/// State of the Inwoners screen.
#[derive(Default)]
pub struct InwonersScherm {
    /// The search running now, if any.
    zoeken: Option<Zoeken>,
    zoektekst: String,
    wijkteam: Option<String>,
    wijkteams: Option<Vec<(String, String)>>,
    rijen: Arc<Vec<InwonerRij>>,
    geladen: Option<Zoekvraag>,
    /// More rows may follow the ones loaded (the last page was full).
    meer: bool,
    /// The highest row index drawn in the last frame (asks the next page).
    laatst_getekend: usize,
    /// The unfiltered list (per wijkteam filter) and whether more may
    /// follow, kept so clearing the search is instant.
    alle: Option<(Option<String>, Arc<Vec<InwonerRij>>, bool)>,
    fout: Option<String>,
    geselecteerd: Option<usize>,
    scroll_naar: Option<usize>,
    focus_zoeken: bool,
}

impl InwonersScherm {
    /// A fresh screen; the search field gets focus when first drawn.
    #[must_use]
    pub fn new() -> InwonersScherm {
        InwonersScherm {
            focus_zoeken: true,
            ..InwonersScherm::default()
        }
    }

    /// Forget cached results (after an import), so the next draw re-queries.
    pub fn vernieuw(&mut self) {
        self.geladen = None;
        self.alle = None;
        self.wijkteams = None;
        // A search still running answers the old register: it is dropped.
        self.zoeken = None;
    }

    /// Selects row `index` of the current list and scrolls it into view on the
    /// next draw (keyboard navigation does the same; the benchmark uses it).
    pub fn selecteer(&mut self, index: usize) {
        self.geselecteerd = Some(index);
        self.scroll_naar = Some(index);
    }

    /// Number of rows loaded in the current list (one page at first; more
    /// as the list is scrolled).
    #[must_use]
    pub fn aantal_rijen(&self) -> usize {
        self.rijen.len()
    }

    /// Whether a search is running (the screen says "zoeken…").
    #[must_use]
    pub fn zoekt(&self) -> bool {
        self.zoeken.is_some()
    }

    /// Put the focus back in the search field on the next draw.
    pub fn focus_op_zoeken(&mut self) {
        self.focus_zoeken = true;
    }

    fn laad(&mut self, loket: &Loket<'_>) {
        if self.wijkteams.is_none() {
            match loket.wijkteams() {
                Ok(teams) => self.wijkteams = Some(teams),
                Err(fout) => {
                    self.wijkteams = Some(Vec::new());
                    self.fout = Some(format!("De wijkteams konden niet worden gelezen: {fout}"));
                }
            }
        }
        self.neem_zoekuitkomst();
        let vraag = Zoekvraag {
            tekst: self.zoektekst.clone(),
            wijkteam: self.wijkteam.clone(),
        };
        if self.geladen.as_ref() == Some(&vraag) {
            self.laad_meer(loket);
            return;
        }
        let zonder_tekst = vraag.tekst.trim().is_empty();
        let bewaard = self
            .alle
            .as_ref()
            .filter(|(team, _, _)| zonder_tekst && *team == vraag.wijkteam)
            .map(|(_, alle, meer)| (Arc::clone(alle), *meer));
        if let Some((alle, meer)) = bewaard {
            self.toon(vraag, Ok(alle), meer);
            return;
        }
        // One search at a time: the newest question is searched when the
        // running one ends.
        if self.zoeken.is_some() {
            return;
        }
        self.zoek(loket, vraag, None);
    }

    /// Asks the next page when the list has been scrolled to within half a
    /// page of the rows loaded and more may follow.
    fn laad_meer(&mut self, loket: &Loket<'_>) {
        if !self.meer || self.zoeken.is_some() {
            return;
        }
        if self.laatst_getekend + PAGINA / 2 < self.rijen.len() {
            return;
        }
        let (Some(vraag), Some(laatste)) = (self.geladen.clone(), self.rijen.last().cloned())
        else {
            return;
        };
        self.zoek(loket, vraag, Some(laatste));
    }

    /// Starts the search of one page: the first (`na` none) or the one after row `na`.
    fn zoek(&mut self, loket: &Loket<'_>, vraag: Zoekvraag, na: Option<InwonerRij>) {
        let gezocht = vraag.clone();
        let vervolg = na.is_some();
        let taak = loket.op_achtergrond("Zoeken", move |l, _| {
            l.zoek_inwoners_pagina(&gezocht, na.as_ref(), PAGINA)
                .map_err(|f| f.to_string())
        });
        self.zoeken = Some((vraag, vervolg, taak));
        // In memory the search has run already: shown in this frame.
        self.neem_zoekuitkomst();
    }

    /// Shows the outcome of the search that ended, if one did.
    fn neem_zoekuitkomst(&mut self) {
        let Some(uitkomst) = self.zoeken.as_mut().and_then(|(_, _, taak)| taak.neem()) else {
            return;
        };
        let Some((vraag, vervolg, _)) = self.zoeken.take() else {
            return;
        };
        let uitkomst = uitkomst.flatten();
        let meer = uitkomst.as_ref().is_ok_and(|r| r.len() >= PAGINA);
        if vervolg {
            // A next page of a question no longer shown is dropped.
            if self.geladen.as_ref() != Some(&vraag) {
                return;
            }
            match uitkomst {
                Ok(extra) => {
                    Arc::make_mut(&mut self.rijen).extend(extra);
                    self.meer = meer;
                    if vraag.tekst.trim().is_empty() {
                        self.alle = Some((vraag.wijkteam, Arc::clone(&self.rijen), meer));
                    }
                }
                Err(fout) => {
                    self.meer = false;
                    self.fout = Some(format!("Verder zoeken is mislukt: {fout}"));
                }
            }
            return;
        }
        self.toon(vraag, uitkomst.map(Arc::new), meer);
    }

    /// Shows the rows found for `vraag` (or the failure, said once); `meer`:
    /// a next page may follow.
    fn toon(&mut self, vraag: Zoekvraag, rijen: Result<Arc<Vec<InwonerRij>>, String>, meer: bool) {
        match rijen {
            Ok(rijen) => {
                if vraag.tekst.trim().is_empty() {
                    self.alle = Some((vraag.wijkteam.clone(), Arc::clone(&rijen), meer));
                }
                self.rijen = rijen;
                self.fout = None;
            }
            Err(fout) => {
                self.rijen = Arc::new(Vec::new());
                self.fout = Some(format!("Zoeken is mislukt: {fout}"));
            }
        }
        self.geselecteerd = if self.rijen.is_empty() { None } else { Some(0) };
        self.scroll_naar = self.geselecteerd;
        self.laatst_getekend = 0;
        self.meer = meer;
        self.geladen = Some(vraag);
    }
}

impl SchermUi for InwonersScherm {
    /// Draws the screen; returns what the user asked for.
    fn ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> Option<Actie> {
        let vandaag = loket.vandaag();
        self.laad(loket);
        let mut actie = None;

        ui.heading("Inwoners");
        ui.add_space(4.0);
        let mut zoekveld_id = None;
        ui.horizontal(|ui| {
            let label = ui.label("Zoeken:");
            let zoekveld = ui
                .add(
                    egui::TextEdit::singleline(&mut self.zoektekst)
                        .char_limit(crate::ui::widgets::lengte::ZOEKTEKST)
                        .hint_text(
                            "achternaam (of voornaam en achternaam), BSN of geboortedatum dd-mm-jjjj",
                        )
                        .desired_width(560.0),
                )
                .labelled_by(label.id);
            if self.focus_zoeken {
                zoekveld.request_focus();
                self.focus_zoeken = false;
            }
            zoekveld_id = Some(zoekveld.id);
            ui.add_space(12.0);
            let teams = self.wijkteams.clone().unwrap_or_default();
            let gekozen = self
                .wijkteam
                .as_ref()
                .and_then(|id| teams.iter().find(|(t, _)| t == id))
                .map_or("Alle wijkteams".to_owned(), |(_, naam)| naam.clone());
            let label = ui.label("Wijkteam:");
            egui::ComboBox::from_id_salt("wijkteam-filter")
                .selected_text(gekozen)
                .width(200.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.wijkteam, None, "Alle wijkteams");
                    for (id, naam) in &teams {
                        ui.selectable_value(&mut self.wijkteam, Some(id.clone()), naam);
                    }
                })
                .response
                .labelled_by(label.id);
        });
        // Apply a changed search at once, so the count below is right in this frame.
        self.laad(loket);

        if let Some(fout) = &self.fout {
            ui.colored_label(FOUT_KLEUR, fout);
        }
        let aantal = self.rijen.len();
        if self.zoeken.as_ref().is_some_and(|(_, vervolg, _)| !vervolg) {
            // The gateway asks for a repaint when the search ends.
            ui.label(RichText::new("zoeken…").italics());
        } else if self.meer {
            ui.label(format!(
                "{} inwoners getoond; scroll omlaag voor meer.",
                duizendtallen(aantal)
            ));
        } else {
            ui.label(match aantal {
                0 => "Geen inwoners gevonden.".to_owned(),
                1 => "1 inwoner gevonden.".to_owned(),
                n => format!("{} inwoners gevonden.", duizendtallen(n)),
            });
        }
        ui.weak(
            "Pijltjes omhoog en omlaag kiezen een inwoner; Enter of een klik opent het dossier.",
        );
        ui.horizontal(|ui| {
            let gekozen = self.geselecteerd.and_then(|i| self.rijen.get(i));
            let knop = ui
                .add_enabled(gekozen.is_some(), egui::Button::new("Nieuwe melding"))
                .on_hover_text(
                    gekozen
                        .map_or_else(String::new, |r| format!("Nieuwe melding voor {}", r.naam())),
                );
            if knop.clicked()
                && let Some(r) = gekozen
            {
                actie = Some(Actie::NieuweMelding(Some(r.id.clone())));
            }
            if ui.button("Nieuwe inwoner + melding").clicked() {
                actie = Some(Actie::NieuweMelding(None));
            }
        });
        ui.add_space(4.0);

        // Keyboard: arrows move the selection, Enter opens it — only while
        // the search field (or nothing) has the focus: Enter on a focused
        // button or list belongs to that widget alone.
        let focus = ui.memory(egui::Memory::focused);
        let lijst_aan_de_beurt = focus.is_none() || focus == zoekveld_id;
        if aantal > 0 && lijst_aan_de_beurt && !egui::Popup::is_any_open(ui.ctx()) {
            let (omlaag, omhoog, enter) = ui.input(|i| {
                (
                    i.key_pressed(Key::ArrowDown),
                    i.key_pressed(Key::ArrowUp),
                    i.key_pressed(Key::Enter),
                )
            });
            let huidig = self.geselecteerd.unwrap_or(0);
            if omlaag {
                self.geselecteerd = Some((huidig + 1).min(aantal - 1));
                self.scroll_naar = self.geselecteerd;
            }
            if omhoog {
                self.geselecteerd = Some(huidig.saturating_sub(1));
                self.scroll_naar = self.geselecteerd;
            }
            if enter && let Some(rij) = self.geselecteerd.and_then(|i| self.rijen.get(i)) {
                actie = Some(Actie::OpenDossier(rij.id.clone()));
            }
        }

        // A row opens with a click; from the keyboard the search field's
        // Down/Up and Enter choose and open one, so the rows are not Tab
        // stops (fifty of them between the search and the next button).
        let mut tabel = TableBuilder::new(ui)
            .id_salt("inwoners")
            .striped(true)
            .sense(Sense::CLICK)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(260.0).at_least(120.0).clip(true))
            .column(Column::initial(180.0).at_least(120.0))
            .column(Column::initial(110.0).at_least(90.0))
            .column(Column::initial(140.0).at_least(80.0).clip(true))
            .column(Column::remainder().at_least(100.0).clip(true))
            .min_scrolled_height(0.0);
        if let Some(rij) = self.scroll_naar.take() {
            tabel = tabel.scroll_to_row(rij, None);
        }
        let rijhoogte = 24.0;
        let mut laatst_getekend = 0;
        tabel
            .header(26.0, |mut kop| {
                for titel in [
                    "Naam",
                    "Geboortedatum (leeftijd)",
                    "BSN",
                    "Woonplaats",
                    "Wijkteam",
                ] {
                    kop.col(|ui| {
                        ui.label(RichText::new(titel).strong());
                    });
                }
            })
            .body(|body| {
                body.rows(rijhoogte, aantal, |mut rij| {
                    let i = rij.index();
                    laatst_getekend = laatst_getekend.max(i);
                    let Some(inwoner) = self.rijen.get(i) else {
                        return;
                    };
                    rij.set_selected(self.geselecteerd == Some(i));
                    rij.col(|ui| {
                        ui.add(egui::Label::new(inwoner.naam()).selectable(false));
                    });
                    rij.col(|ui| {
                        let jaren = leeftijd(inwoner.geboortedatum, vandaag);
                        ui.add(
                            egui::Label::new(format!(
                                "{} ({jaren} jaar)",
                                nl(inwoner.geboortedatum)
                            ))
                            .selectable(false),
                        );
                    });
                    rij.col(|ui| {
                        ui.add(
                            egui::Label::new(inwoner.bsn.as_deref().unwrap_or("–"))
                                .selectable(false),
                        );
                    });
                    rij.col(|ui| {
                        ui.add(egui::Label::new(&inwoner.woonplaats).selectable(false));
                    });
                    rij.col(|ui| {
                        ui.add(
                            egui::Label::new(inwoner.wijkteam.as_deref().unwrap_or("–"))
                                .selectable(false),
                        );
                    });
                    let antwoord = rij.response();
                    if antwoord.clicked() || antwoord.double_clicked() {
                        self.geselecteerd = Some(i);
                        actie = Some(Actie::OpenDossier(inwoner.id.clone()));
                    }
                });
            });
        self.laatst_getekend = laatst_getekend;
        // Scrolled near the end of the rows loaded: the next page, in the background.
        self.laad_meer(loket);
        actie
    }

    fn vernieuw(&mut self) {
        InwonersScherm::vernieuw(self);
    }
}
