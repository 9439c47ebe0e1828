//! Drawing functions for AVE: the level badge, the timeline, the form for
//! op- en afschalen, the household view and the team overview.
//!
//! They take plain data (store rows, level texts, "today") and return what
//! the user asked for, so the app shell decides what to run; none holds a
//! connection. A level is always shown with its number and name next to its
//! colour, never by colour alone.

use chrono::{Datelike, NaiveDate};
use egui::{Color32, RichText, Ui};
use egui_plot::{GridInput, GridMark, Line, Plot, PlotPoints, Points};

use crate::domain::Veldfout;
use crate::domain::ave::{
    AVE_MAX, AVE_PROCESREGIE_VANAF, AveContext, AveNiveauTekst, NieuweAveGebeurtenis,
    PROCESREGIE_ORGANISATIES, Procesregisseur, kleur, naam_in, niveau_label,
};
use crate::domain::datum::{nl, nl_of_streep, parse_nl};
use crate::domain::waarden::Rol;
use crate::store::ave::{AveInvoer, AveRij, HuishoudenOverzicht, OverzichtRij, TeamOverzicht};

fn rgb((r, g, b): (u8, u8, u8)) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// A level as a coloured badge with its number and name: "Niveau 3 · Complex, …".
pub fn ave_badge_ui(ui: &mut Ui, niveau: u8, naam: &str) -> egui::Response {
    let k = kleur(niveau);
    egui::Frame::new()
        .fill(rgb(k.achtergrond))
        .corner_radius(4)
        .inner_margin(egui::Margin::symmetric(6, 2))
        .show(ui, |ui| {
            ui.label(
                RichText::new(niveau_label(niveau, naam))
                    .color(rgb(k.tekst))
                    .strong(),
            );
        })
        .response
}

/// A short column head "Niveau n" in the level's colour (the legend above names it).
fn kolomkop_ui(ui: &mut Ui, niveau: u8) -> egui::Response {
    let k = kleur(niveau);
    egui::Frame::new()
        .fill(rgb(k.achtergrond))
        .corner_radius(4)
        .inner_margin(egui::Margin::symmetric(6, 2))
        .show(ui, |ui| {
            ui.label(
                RichText::new(format!("Niveau {niveau}"))
                    .color(rgb(k.tekst))
                    .strong(),
            );
        })
        .response
}

/// The level now of a household, or a note that none is recorded yet.
pub fn ave_stand_ui(ui: &mut Ui, niveau: Option<u8>, teksten: &[AveNiveauTekst]) -> egui::Response {
    match niveau {
        Some(n) => ave_badge_ui(ui, n, &naam_in(teksten, n)),
        None => ui.label("Nog geen AVE-niveau vastgelegd"),
    }
}

/// Days since 1-1-0001 as the plot's x value.
fn dag_x(datum: NaiveDate) -> f64 {
    f64::from(datum.num_days_from_ce())
}

fn x_datum(x: f64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(x.round() as i32)
}

/// Grid lines of the timeline on the calendar: on 1 January of every year
/// (of every second or third year over a long history, so the year labels
/// keep room), or on the first of each month when the history is short.
#[allow(
    clippy::needless_pass_by_value,
    reason = "egui_plot's grid spacer takes its input by value"
)]
fn kalenderraster(invoer: GridInput) -> Vec<GridMark> {
    let (Some(van), Some(tot)) = (x_datum(invoer.bounds.0), x_datum(invoer.bounds.1)) else {
        return Vec::new();
    };
    let jaren = tot.year() - van.year();
    let mut marks = Vec::new();
    if jaren >= 2 {
        let stap = (jaren + 5) / 6;
        for jaar in van.year()..=tot.year() {
            if jaar % stap == 0
                && let Some(d) = NaiveDate::from_ymd_opt(jaar, 1, 1)
                && (van..=tot).contains(&d)
            {
                marks.push(GridMark {
                    value: dag_x(d),
                    step_size: 365.0 * f64::from(stap),
                });
            }
        }
    } else {
        let mut maand = NaiveDate::from_ymd_opt(van.year(), van.month(), 1)
            .and_then(|d| d.checked_add_months(chrono::Months::new(1)));
        while let Some(d) = maand.filter(|d| *d <= tot) {
            marks.push(GridMark {
                value: dag_x(d),
                step_size: if d.month() == 1 { 365.0 } else { 30.0 },
            });
            maand = d.checked_add_months(chrono::Months::new(1));
        }
    }
    marks
}

/// The household's level over time as a step chart, with the events listed
/// beside it (newest first). `events` oldest first, as `store::ave::historie` gives them.
pub fn ave_tijdlijn_ui(
    ui: &mut Ui,
    events: &[AveRij],
    teksten: &[AveNiveauTekst],
    vandaag: NaiveDate,
) {
    if events.is_empty() {
        ui.label("Nog geen AVE-niveau vastgelegd; er is geen tijdlijn.");
        return;
    }
    let begin = events.first().map_or(vandaag, |e| e.datum);
    let eind = events.last().map_or(vandaag, |e| vandaag.max(e.datum));
    ui.horizontal_top(|ui| {
        let breedte = (ui.available_width() * 0.55).max(240.0);
        ui.vertical(|ui| {
            ui.set_width(breedte);
            Plot::new("ave_tijdlijn")
                .height(220.0)
                .allow_zoom(false)
                .allow_drag(false)
                .allow_scroll(false)
                .allow_boxed_zoom(false)
                .include_y(-0.2)
                .include_y(f64::from(AVE_MAX) + 0.2)
                // Never a range of one day: changes that all fall on one
                // day would draw as a single vertical line.
                .include_x(dag_x(begin) - 14.0)
                .include_x(dag_x(eind) + 14.0)
                .y_axis_label("AVE-niveau")
                .x_grid_spacer(kalenderraster)
                .x_axis_formatter(|mark: GridMark, _| {
                    x_datum(mark.value).map_or_else(String::new, |d| {
                        if mark.step_size >= 300.0 {
                            d.format("%Y").to_string()
                        } else {
                            d.format("%m-%Y").to_string()
                        }
                    })
                })
                .y_axis_formatter(|mark: GridMark, _| {
                    if (mark.value - mark.value.round()).abs() < 1e-6
                        && (0.0..=4.0).contains(&mark.value)
                    {
                        format!("{}", mark.value.round() as i64)
                    } else {
                        String::new()
                    }
                })
                .show(ui, |plot| {
                    // One horizontal segment per event in its level's colour,
                    // joined by thin vertical steps.
                    for (i, e) in events.iter().enumerate() {
                        let tot = events.get(i + 1).map_or(vandaag.max(e.datum), |v| v.datum);
                        let y = f64::from(e.niveau);
                        let k = kleur(e.niveau);
                        plot.line(
                            Line::new(
                                niveau_label(e.niveau, &naam_in(teksten, e.niveau)),
                                PlotPoints::from(vec![[dag_x(e.datum), y], [dag_x(tot), y]]),
                            )
                            .color(rgb(k.achtergrond))
                            .width(4.0),
                        );
                        // A dot per change, so several changes on one day
                        // each show at their level.
                        plot.points(
                            Points::new(
                                niveau_label(e.niveau, &naam_in(teksten, e.niveau)),
                                PlotPoints::from(vec![[dag_x(e.datum), y]]),
                            )
                            .color(rgb(k.achtergrond))
                            .radius(5.0),
                        );
                        if let Some(v) = events.get(i + 1) {
                            plot.line(
                                Line::new(
                                    "wijziging",
                                    PlotPoints::from(vec![
                                        [dag_x(v.datum), y],
                                        [dag_x(v.datum), f64::from(v.niveau)],
                                    ]),
                                )
                                .color(Color32::GRAY)
                                .width(1.0),
                            );
                        }
                    }
                });
        });
        ui.add_space(12.0);
        ui.vertical(|ui| {
            egui::ScrollArea::vertical()
                .id_salt("ave_tijdlijn_lijst")
                .max_height(260.0)
                .show(ui, |ui| {
                    for (i, e) in events.iter().enumerate().rev() {
                        // Changes on one day are numbered in the order recorded.
                        let zelfde_dag = events.iter().filter(|x| x.datum == e.datum).count();
                        if zelfde_dag > 1 {
                            let nr = events[..=i].iter().filter(|x| x.datum == e.datum).count();
                            ui.small(format!(
                                "wijziging {nr} van {zelfde_dag} op {}",
                                nl(e.datum)
                            ));
                        }
                        ave_gebeurtenis_ui(ui, e, teksten);
                        ui.separator();
                    }
                });
        });
    });
}

/// One event of the history: date, direction, level, reason and regie.
fn ave_gebeurtenis_ui(ui: &mut Ui, e: &AveRij, teksten: &[AveNiveauTekst]) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(nl(e.datum)).strong());
        ui.label(e.richting.label());
        ave_badge_ui(ui, e.niveau, &naam_in(teksten, e.niveau));
    });
    ui.label(format!("Reden: {}", e.reden));
    if let Some(c) = e.casusregisseur_naam.as_ref().or(e.casusregisseur.as_ref()) {
        ui.label(format!("Casusregisseur: {c}"));
    }
    if let Some(p) = &e.procesregisseur {
        ui.label(format!("Procesregisseur: {p}"));
    }
    if let Some(u) = &e.reden_geen_procesmanager {
        ui.label(format!("Waarom niet bij een procesmanager: {u}"));
    }
    match e.geregistreerd_door.as_deref() {
        Some(door) => ui.weak(format!("Vastgelegd door {door}")),
        None => ui.weak("Overgenomen bij een import"),
    };
}

/// Which procesregisseur the form has chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ProcesKeuze {
    Geen,
    Medewerker(String),
    Organisatie(&'static str),
    Anders,
}

/// What the form needs besides its own state.
#[derive(Debug, Clone, Copy)]
pub struct AveFormulierContext<'a> {
    /// The household.
    pub huishouden: &'a str,
    /// The medewerker who records (the user).
    pub door: &'a str,
    /// Today.
    pub vandaag: NaiveDate,
    /// The level texts.
    pub teksten: &'a [AveNiveauTekst],
    /// Members' birth dates, medewerkers and the latest event (`store::ave::invoer`).
    pub invoer: &'a AveInvoer,
}

/// The form for op- en afschalen. It keeps what was typed when the input is
/// refused and shows each error in Dutch next to its field.
#[derive(Debug, Clone)]
pub struct AveFormulier {
    /// Date as typed (dd-mm-jjjj).
    pub datum: String,
    /// Chosen level.
    pub niveau: u8,
    /// Reason as typed.
    pub reden: String,
    /// Chosen casusregisseur (medewerker id).
    pub casusregisseur: Option<String>,
    /// The wijkteam whose staff may be casusregisseur (`None`: every
    /// wijkteam's); a beheerder never is.
    pub team: Option<String>,
    procesregisseur: ProcesKeuze,
    /// Another organisation as typed.
    pub andere_organisatie: String,
    /// Why procesregie is not with a procesmanager, as typed.
    pub reden_geen_procesmanager: String,
    /// Errors of the last attempt: field and Dutch message.
    pub fouten: Vec<(&'static str, String)>,
}

/// The Dutch label of a form field, as shown beside it and in its errors.
fn veld_label(veld: &str) -> &'static str {
    match veld {
        "datum" => "Datum",
        "niveau" => "Niveau",
        "reden" => "Reden",
        "casusregisseur" => "Casusregisseur",
        "procesregisseur" => "Procesregisseur",
        "reden_geen_procesmanager" => "Waarom niet bij een procesmanager",
        "geregistreerd_door" => "Vastgelegd door",
        "huishouden" => "Huishouden",
        _ => "Invoer",
    }
}

impl AveFormulier {
    /// An empty form dated today, at the household's current level (or 0).
    #[must_use]
    pub fn nieuw(vandaag: NaiveDate, huidig_niveau: Option<u8>) -> AveFormulier {
        AveFormulier {
            datum: nl(vandaag),
            niveau: huidig_niveau.unwrap_or(0),
            reden: String::new(),
            casusregisseur: None,
            team: None,
            procesregisseur: ProcesKeuze::Geen,
            andere_organisatie: String::new(),
            reden_geen_procesmanager: String::new(),
            fouten: Vec::new(),
        }
    }

    /// Shows errors the store returned for this input (e.g. a rule checked again on save).
    pub fn toon_fouten(&mut self, fouten: &[Veldfout]) {
        self.fouten = fouten
            .iter()
            .map(|f| (f.veld, format!("{}: {}", veld_label(f.veld), f.fout)))
            .collect();
    }

    fn fouten_ui(&self, ui: &mut Ui, veld: &str) {
        for (v, tekst) in &self.fouten {
            if *v == veld {
                ui.label(RichText::new(tekst).color(ui.visuals().error_fg_color));
            }
        }
    }

    fn procesregisseur(&self) -> Option<Procesregisseur> {
        match &self.procesregisseur {
            ProcesKeuze::Geen => None,
            ProcesKeuze::Medewerker(id) => Some(Procesregisseur::Medewerker(id.clone())),
            ProcesKeuze::Organisatie(o) => Some(Procesregisseur::Organisatie((*o).to_owned())),
            ProcesKeuze::Anders => Some(Procesregisseur::Organisatie(
                self.andere_organisatie.trim().to_owned(),
            )),
        }
    }

    /// Draws the form; returns the checked event when the user saves and
    /// every rule holds, else `None` (errors then show beside the fields).
    /// Keeps the regie of the household's latest event: its casusregisseur
    /// is chosen again (a level change does not change who has the casus),
    /// and the list offers the staff of `team` only (the recording
    /// worker's wijkteam; `None`: every team's).
    #[must_use]
    pub fn met_regie(
        mut self,
        casusregisseur: Option<String>,
        team: Option<String>,
    ) -> AveFormulier {
        self.casusregisseur = casusregisseur;
        self.team = team;
        self
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        ctx: &AveFormulierContext<'_>,
    ) -> Option<NieuweAveGebeurtenis> {
        let medewerkers = &ctx.invoer.medewerkers;
        egui::Grid::new("ave_formulier").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
            let label = ui.label("Datum");
            ui.vertical(|ui| {
                ui.add(egui::TextEdit::singleline(&mut self.datum).hint_text("dd-mm-jjjj").desired_width(120.0).char_limit(crate::ui::widgets::lengte::DATUM))
                    .labelled_by(label.id);
                self.fouten_ui(ui, "datum");
            });
            ui.end_row();

            ui.label("Niveau");
            ui.vertical(|ui| {
                for n in 0..=AVE_MAX {
                    ui.horizontal(|ui| {
                        ui.radio_value(&mut self.niveau, n, niveau_label(n, &naam_in(ctx.teksten, n)));
                        let k = kleur(n);
                        let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
                        ui.painter().rect_filled(rect, 2.0, rgb(k.achtergrond));
                    });
                }
                self.fouten_ui(ui, "niveau");
            });
            ui.end_row();

            let label = ui.label("Reden");
            ui.vertical(|ui| {
                ui.add(egui::TextEdit::multiline(&mut self.reden).desired_rows(3).char_limit(crate::ui::widgets::lengte::LANGE_TEKST)).labelled_by(label.id);
                self.fouten_ui(ui, "reden");
            });
            ui.end_row();

            let label = ui.label("Casusregisseur");
            ui.vertical(|ui| {
                let gekozen = self
                    .casusregisseur
                    .as_ref()
                    .and_then(|id| medewerkers.iter().find(|m| &m.id == id))
                    .map_or_else(|| "(geen)".to_owned(), |m| format!("{} ({})", m.naam, m.rol.label()));
                egui::ComboBox::from_id_salt("ave_casusregisseur")
                    .selected_text(gekozen)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.casusregisseur, None, "(geen)");
                        // Staff of the team, never the beheerder; the one
                        // chosen before stays in the list.
                        let team = self.team.clone();
                        let gekozen = self.casusregisseur.clone();
                        for m in medewerkers.iter().filter(|m| {
                            gekozen.as_ref() == Some(&m.id)
                                || (m.rol != crate::domain::Rol::Beheerder
                                    && team.as_ref().is_none_or(|t| m.wijkteam.as_ref() == Some(t)))
                        }) {
                            ui.selectable_value(
                                &mut self.casusregisseur,
                                Some(m.id.clone()),
                                format!("{} ({})", m.naam, m.rol.label()),
                            );
                        }
                    })
                    .response
                    .labelled_by(label.id);
                self.fouten_ui(ui, "casusregisseur");
            });
            ui.end_row();

            ui.label("Procesregisseur");
            ui.vertical(|ui| {
                if self.niveau >= AVE_PROCESREGIE_VANAF {
                    ui.weak("Verplicht vanaf niveau 3");
                }
                ui.radio_value(&mut self.procesregisseur, ProcesKeuze::Geen, "Geen procesregisseur");
                for m in medewerkers.iter().filter(|m| m.rol == Rol::Procesmanager) {
                    ui.radio_value(
                        &mut self.procesregisseur,
                        ProcesKeuze::Medewerker(m.id.clone()),
                        format!("{} (procesmanager)", m.naam),
                    );
                }
                for o in PROCESREGIE_ORGANISATIES {
                    ui.radio_value(&mut self.procesregisseur, ProcesKeuze::Organisatie(o), *o);
                }
                ui.horizontal(|ui| {
                    ui.radio_value(&mut self.procesregisseur, ProcesKeuze::Anders, "Andere organisatie:");
                    let r = ui.add(
                        egui::TextEdit::singleline(&mut self.andere_organisatie)
                            .char_limit(crate::ui::widgets::lengte::NAAM)
                            .hint_text("naam van de organisatie")
                            .desired_width(180.0),
                    );
                    if r.changed() {
                        self.procesregisseur = ProcesKeuze::Anders;
                    }
                });
                self.fouten_ui(ui, "procesregisseur");
            });
            ui.end_row();

            let kind_betrokken = parse_nl(&self.datum).is_some_and(|datum| {
                self.niveau >= AVE_PROCESREGIE_VANAF
                    && ctx.invoer.geboortedata.iter().any(|g| crate::domain::ave::minderjarig_op(*g, datum))
            });
            if kind_betrokken || !self.reden_geen_procesmanager.is_empty() {
                let label = ui.label("Waarom niet bij een procesmanager");
                ui.vertical(|ui| {
                    ui.weak("Er is een kind onder de 18: de procesregie ligt dan bij een procesmanager, of leg uit waarom niet.");
                    ui.add(egui::TextEdit::multiline(&mut self.reden_geen_procesmanager).desired_rows(2).char_limit(crate::ui::widgets::lengte::LANGE_TEKST))
                        .labelled_by(label.id);
                    self.fouten_ui(ui, "reden_geen_procesmanager");
                });
                ui.end_row();
            }
        });
        self.fouten_ui(ui, "geregistreerd_door");
        self.fouten_ui(ui, "huishouden");

        if !ui.button("Opslaan").clicked() {
            return None;
        }
        let Some(datum) = parse_nl(&self.datum) else {
            self.fouten = vec![(
                "datum",
                format!(
                    "Datum: '{}' is geen geldige datum (verwacht dd-mm-jjjj)",
                    self.datum.trim()
                ),
            )];
            return None;
        };
        let uitleg = self.reden_geen_procesmanager.trim();
        let nieuw = NieuweAveGebeurtenis {
            huishouden: ctx.huishouden.to_owned(),
            datum,
            niveau: self.niveau,
            reden: self.reden.trim().to_owned(),
            casusregisseur: self.casusregisseur.clone(),
            procesregisseur: self.procesregisseur(),
            geregistreerd_door: ctx.door.to_owned(),
            reden_geen_procesmanager: (!uitleg.is_empty()).then(|| uitleg.to_owned()),
        };
        let regels = AveContext {
            vandaag: ctx.vandaag,
            geboortedata: &ctx.invoer.geboortedata,
            medewerkers,
            vorige: ctx.invoer.vorige,
        };
        match nieuw.valideer(&regels) {
            Ok(_) => {
                self.fouten.clear();
                Some(nieuw)
            }
            Err(fouten) => {
                self.toon_fouten(&fouten);
                None
            }
        }
    }
}

/// The household view: the level now, and each member with age, open
/// meldingen and running provisions. Returns the resident whose dossier the
/// user opens.
pub fn huishouden_ui(
    ui: &mut Ui,
    huishouden: &HuishoudenOverzicht,
    teksten: &[AveNiveauTekst],
) -> Option<String> {
    let mut open = None;
    ui.horizontal(|ui| {
        ui.label("AVE-niveau:");
        ave_stand_ui(ui, huishouden.stand.as_ref().map(|s| s.niveau), teksten);
        if let Some(s) = &huishouden.stand {
            ui.label(format!("sinds {}", nl(s.sinds)));
        }
    });
    if let Some(p) = huishouden
        .stand
        .as_ref()
        .and_then(|s| s.procesregisseur.as_ref())
    {
        ui.label(format!("Procesregisseur: {p}"));
    }
    egui::Grid::new("huishouden_leden")
        .num_columns(4)
        .striped(true)
        .show(ui, |ui| {
            ui.strong("Lid");
            ui.strong("Leeftijd");
            ui.strong("Open meldingen");
            ui.strong("Lopende voorzieningen");
            ui.end_row();
            for lid in &huishouden.leden {
                if ui
                    .link(format!("{} {}", lid.voornaam, lid.achternaam))
                    .clicked()
                {
                    open = Some(lid.id.clone());
                }
                ui.label(format!("{} jaar", lid.leeftijd_jaren));
                let meldingen: Vec<String> = lid
                    .open_meldingen
                    .iter()
                    .map(|m| format!("{} ({})", nl(m.datum), m.bron))
                    .collect();
                ui.label(if meldingen.is_empty() {
                    "–".to_owned()
                } else {
                    meldingen.join(", ")
                });
                let lopend: Vec<String> = lid
                    .lopende_toekenningen
                    .iter()
                    .map(|t| format!("{} (tot {})", t.voorziening, nl_of_streep(t.eind)))
                    .collect();
                ui.label(if lopend.is_empty() {
                    "–".to_owned()
                } else {
                    lopend.join(", ")
                });
                ui.end_row();
            }
        });
    open
}

/// One list of the team overview; returns the household clicked.
fn overzicht_lijst_ui(
    ui: &mut Ui,
    id: &str,
    rijen: &[OverzichtRij],
    teksten: &[AveNiveauTekst],
    peildatum_kop: &str,
) -> Option<String> {
    if rijen.is_empty() {
        ui.weak("Geen huishoudens.");
        return None;
    }
    let mut open = None;
    egui::Grid::new(id)
        .num_columns(5)
        .striped(true)
        .show(ui, |ui| {
            ui.strong("Huishouden");
            ui.strong("Niveau nu");
            ui.strong(peildatum_kop);
            ui.strong("Procesregisseur");
            ui.strong("Casusregisseur");
            ui.end_row();
            for r in rijen {
                // Named as people read it (the household's name); the link
                // still opens the household by its id.
                let naam = if r.naam.is_empty() {
                    "Huishouden zonder naam".to_owned()
                } else {
                    r.naam.clone()
                };
                if ui.link(naam).clicked() {
                    open = Some(r.huishouden.clone());
                }
                ave_badge_ui(ui, r.niveau, &naam_in(teksten, r.niveau));
                ui.label(nl_of_streep(r.peildatum));
                ui.label(r.procesregisseur.as_deref().unwrap_or("–"));
                ui.label(r.casusregisseur_naam.as_deref().unwrap_or("–"));
                ui.end_row();
            }
        });
    open
}

/// The team lead's overview: households per level per wijkteam, moved up in
/// the last 30 days, 12 weeks without change or contact, and procesregie at
/// levels 3–4. Returns the household the user opens.
pub fn team_overzicht_ui(
    ui: &mut Ui,
    overzicht: &TeamOverzicht,
    teksten: &[AveNiveauTekst],
) -> Option<String> {
    let mut open = None;
    ui.heading("Huishoudens per AVE-niveau");
    // The full names wrap in a legend; the table's column heads carry the
    // number in the level's colour, so a narrow column does not push them
    // off the side (and a very narrow one scrolls instead of clipping).
    ui.horizontal_wrapped(|ui| {
        for n in 0..=AVE_MAX {
            ave_badge_ui(ui, n, &naam_in(teksten, n));
        }
    });
    ui.add_space(4.0);
    egui::ScrollArea::horizontal()
        .id_salt("ave_per_wijkteam_scroll")
        .show(ui, |ui| {
            egui::Grid::new("ave_per_wijkteam")
                .num_columns(7)
                .striped(true)
                .show(ui, |ui| {
                    ui.strong("Wijkteam");
                    for n in 0..=AVE_MAX {
                        kolomkop_ui(ui, n);
                    }
                    ui.strong("Totaal");
                    ui.end_row();
                    for w in &overzicht.per_wijkteam {
                        ui.label(&w.naam);
                        for a in w.aantallen {
                            ui.label(a.to_string());
                        }
                        ui.label(w.aantallen.iter().sum::<u32>().to_string());
                        ui.end_row();
                    }
                });
        });
    ui.add_space(8.0);
    ui.heading("Opgeschaald in de laatste 30 dagen");
    open = open.or(overzicht_lijst_ui(
        ui,
        "ave_opgeschaald",
        &overzicht.opgeschaald,
        teksten,
        "Opgeschaald op",
    ));
    ui.add_space(8.0);
    ui.heading("Niveau 2 of hoger, 12 weken zonder wijziging of contact");
    open = open.or(overzicht_lijst_ui(
        ui,
        "ave_zonder_contact",
        &overzicht.zonder_contact,
        teksten,
        "Laatste contact",
    ));
    ui.add_space(8.0);
    ui.heading("Procesregie op niveau 3 en 4");
    open = open.or(overzicht_lijst_ui(
        ui,
        "ave_procesregie",
        &overzicht.procesregie,
        teksten,
        "Sinds",
    ));
    open
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invoer(van: NaiveDate, tot: NaiveDate) -> GridInput {
        GridInput {
            bounds: (dag_x(van), dag_x(tot)),
            base_step_size: 1.0,
        }
    }

    fn d(j: i32, m: u32, dag: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(j, m, dag).unwrap_or_default()
    }

    #[test]
    fn het_raster_staat_op_1_januari_en_op_de_eerste_van_de_maand() {
        let jaren = kalenderraster(invoer(d(2024, 6, 1), d(2026, 11, 26)));
        let datums: Vec<NaiveDate> = jaren.iter().filter_map(|m| x_datum(m.value)).collect();
        assert_eq!(datums, [d(2025, 1, 1), d(2026, 1, 1)]);
        assert!(jaren.iter().all(|m| (m.step_size - 365.0).abs() < 1e-9));

        // Ten years: every second year, so the labels keep their room.
        let lang = kalenderraster(invoer(d(2016, 3, 1), d(2026, 11, 26)));
        assert!(lang.iter().all(|m| (m.step_size - 730.0).abs() < 1e-9));
        assert_eq!(lang.len(), 5);

        let kort = kalenderraster(invoer(d(2026, 8, 15), d(2026, 11, 26)));
        let datums: Vec<NaiveDate> = kort.iter().filter_map(|m| x_datum(m.value)).collect();
        assert_eq!(datums, [d(2026, 9, 1), d(2026, 10, 1), d(2026, 11, 1)]);
    }
}
