//! The audit log in the Beheer screen (beheerder only): the log newest
//! first, filtered per resident or object, per medewerker, per period and
//! per action; whether the hash chain is intact (and if not, the first
//! broken row); and the export of the filtered log to a CSV file.
//!
//! The log can hold hundreds of thousands of rows, so the screen never
//! loads it whole: it counts the matching rows and reads one page of
//! [`PAGINA_GROOTTE`] at a time. The chain check and the export walk the
//! whole log, so they run in the background (on a register file): the
//! check when the section is first opened, after an export and on request,
//! never every frame, through the one background helper
//! (`Loket::op_achtergrond`). Everything goes through the gateway
//! (`gateway::auditlog`), which refuses anyone but a beheerder.

use std::path::PathBuf;

use chrono::Days;
use egui::RichText;
use egui_extras::{Column, TableBuilder};

use crate::gateway::{Loket, Taak};
use crate::store::audit::{AuditFilter, AuditRij, Verificatie};
use crate::store::medewerkers::MedewerkerRij;
use crate::ui::theme::{FOUT_KLEUR, GOED_KLEUR};
use crate::ui::widgets::datum::lees as lees_datum;
use crate::ui::widgets::getal::duizendtallen;
use crate::ui::widgets::lengte;

/// Rows read and shown per page.
pub const PAGINA_GROOTTE: u32 = 50;

/// The state of the audit log section.
#[derive(Default)]
pub struct AuditlogScherm {
    /// The object the log is filtered on, as stored (`inwoner:I-000123`),
    /// chosen by clicking it in the list (nobody types an internal number).
    object: String,
    /// That object as the list showed it (a name and a date).
    object_naam: String,
    /// Chosen medewerker id.
    actor: Option<String>,
    /// Typed dates, dd-mm-jjjj.
    van: String,
    tot: String,
    /// Chosen action.
    actie: Option<String>,
    /// The filter in force (what the table and the export show).
    filter: AuditFilter,
    filterfout: Option<String>,
    /// Page number, 0 = newest.
    pagina: u64,
    totaal: Option<u64>,
    rijen: Option<Vec<AuditRij>>,
    /// What people read for the objects on the page, by stored object.
    objectnamen: std::collections::HashMap<String, String>,
    acties: Option<Vec<String>>,
    medewerkers: Option<Vec<MedewerkerRij>>,
    verificatie: Option<Result<Verificatie, String>>,
    /// The chain check while it runs.
    controle: Option<Taak<Result<Verificatie, String>>>,
    /// The export while it runs, with its path.
    export: Option<(PathBuf, Taak<Result<u64, String>>)>,
    /// The export path as typed.
    pad: String,
    melding: Option<Result<String, String>>,
}

/// The start of a local day as the log stores moments (UTC), for the filter.
fn dag_begin(dag: chrono::NaiveDate) -> String {
    crate::store::audit::tijdstip_lokaal(dag.and_time(chrono::NaiveTime::MIN))
}

impl AuditlogScherm {
    /// Builds the filter from what was typed, or says what is wrong.
    fn lees_filter(&self) -> Result<AuditFilter, String> {
        let datum = |tekst: &str, veld: &str| {
            let t = tekst.trim();
            if t.is_empty() {
                Ok(None)
            } else {
                lees_datum(t)
                    .map(Some)
                    .ok_or_else(|| format!("'{t}' bij '{veld}' is geen datum; typ dd-mm-jjjj"))
            }
        };
        let van = datum(&self.van, "Van")?;
        let tot = datum(&self.tot, "Tot en met")?;
        if let (Some(v), Some(t)) = (van, tot)
            && t < v
        {
            return Err("'Tot en met' ligt vóór 'Van'.".to_owned());
        }
        Ok(AuditFilter {
            actor: self.actor.clone(),
            object: (!self.object.is_empty()).then(|| self.object.clone()),
            // Days on this computer's clock, as moments in the log's UTC form.
            van: van.map(dag_begin),
            // "Tot en met" a day: everything before the next day.
            tot: tot
                .and_then(|d| d.checked_add_days(Days::new(1)))
                .map(dag_begin),
            actie: self.actie.clone(),
        })
    }

    /// Forgets what was read, so the next frame reads it again (the chain
    /// check too: it then covers the rows added since).
    pub fn vernieuw(&mut self) {
        self.totaal = None;
        self.rijen = None;
        self.acties = None;
        self.verificatie = None;
    }

    fn laad(&mut self, loket: &Loket<'_>) {
        if self.medewerkers.is_none() {
            match loket.medewerkers() {
                Ok(l) => self.medewerkers = Some(l),
                Err(fout) => {
                    self.melding = Some(Err(format!(
                        "De medewerkers konden niet worden gelezen: {fout}"
                    )));
                    self.medewerkers = Some(Vec::new());
                }
            }
        }
        if self.acties.is_none() {
            match loket.auditlog_acties() {
                Ok(l) => self.acties = Some(l),
                Err(fout) => {
                    self.melding = Some(Err(format!(
                        "De soorten acties konden niet worden gelezen: {fout}"
                    )));
                    self.acties = Some(Vec::new());
                }
            }
        }
        if self.verificatie.is_none() && self.controle.is_none() {
            self.start_controle(loket);
        }
        if let Some(uitkomst) = self
            .controle
            .as_mut()
            .and_then(Taak::neem)
            .map(Result::flatten)
        {
            self.verificatie = Some(uitkomst);
            self.controle = None;
        }
        if let Some(uitkomst) = self
            .export
            .as_mut()
            .and_then(|(_, t)| t.neem())
            .map(Result::flatten)
        {
            let pad = self.export.take().map(|(p, _)| p).unwrap_or_default();
            self.melding = Some(match uitkomst {
                Ok(n) => Ok(format!(
                    "{} {} geëxporteerd naar {}.",
                    duizendtallen(n as usize),
                    if n == 1 { "regel" } else { "regels" },
                    pad.display()
                )),
                Err(fout) => Err(format!("Exporteren is mislukt: {fout}")),
            });
            // The export is a new row in the log.
            self.vernieuw();
        }
        if self.totaal.is_none() {
            match loket.auditlog_tel(&self.filter) {
                Ok(n) => self.totaal = Some(n),
                Err(fout) => {
                    self.melding =
                        Some(Err(format!("Het auditlog kon niet worden gelezen: {fout}")));
                    self.totaal = Some(0);
                }
            }
        }
        if self.rijen.is_none() {
            let laatste = self.totaal.unwrap_or(0).saturating_sub(1) / u64::from(PAGINA_GROOTTE);
            self.pagina = self.pagina.min(laatste);
            let overslaan = self.pagina * u64::from(PAGINA_GROOTTE);
            match loket.auditlog_pagina(&self.filter, overslaan, PAGINA_GROOTTE) {
                Ok(r) => {
                    let objecten: Vec<&str> =
                        r.iter().filter_map(|r| r.object.as_deref()).collect();
                    self.objectnamen = loket.auditlog_objectnamen(&objecten).unwrap_or_default();
                    self.rijen = Some(r);
                }
                Err(fout) => {
                    self.melding =
                        Some(Err(format!("Het auditlog kon niet worden gelezen: {fout}")));
                    self.rijen = Some(Vec::new());
                }
            }
        }
    }

    /// Starts the chain check (in the background on a register file).
    fn start_controle(&mut self, loket: &Loket<'_>) {
        self.controle = Some(
            loket.op_achtergrond("De keten wordt gecontroleerd", |l, _| {
                l.auditlog_verifieer().map_err(|f| f.to_string())
            }),
        );
    }

    /// The medewerker's name (and role), never the id.
    fn naam_van(&self, actor: &str) -> String {
        let m = self
            .medewerkers
            .as_deref()
            .unwrap_or_default()
            .iter()
            .find(|m| m.id == actor);
        crate::domain::woorden::medewerker(actor, m.map(|m| (m.naam.as_str(), m.rol.label())))
    }

    /// What the object of a row is, in words: a name and date, never an id.
    fn object_van(&self, object: &str) -> String {
        match (self.objectnamen.get(object), object.split_once(':')) {
            (None, Some(("medewerker", id))) => self.naam_van(id),
            (naam, _) => crate::domain::woorden::object(object, naam.map(String::as_str)),
        }
    }

    /// The section "Auditlog" (closed until the beheerder opens it).
    pub fn ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) {
        egui::CollapsingHeader::new(crate::ui::theme::sectie("Auditlog"))
            .id_salt("auditlog")
            .show(ui, |ui| self.inhoud_ui(ui, loket));
    }

    fn inhoud_ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) {
        self.laad(loket);
        ui.label("Wie wat heeft ingezien of gewijzigd, wanneer en waarom. Het log kan niet worden gewijzigd: elke regel is met een controlegetal aan de vorige gekoppeld, zodat een wijziging opvalt.");
        self.keten_ui(ui, loket);
        ui.add_space(6.0);
        self.filter_ui(ui);
        ui.add_space(6.0);
        self.paginering_ui(ui);
        if let Some((object, naam)) = self.tabel_ui(ui) {
            self.object = object;
            self.object_naam = naam;
            self.filter_toepassen();
        }
        ui.add_space(8.0);
        self.export_ui(ui, loket);
    }

    fn keten_ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) {
        let mut opnieuw = false;
        ui.horizontal(|ui| {
            if self.controle.is_some() {
                ui.spinner();
                ui.label("De keten wordt gecontroleerd…");
            } else {
                match &self.verificatie {
                    Some(Ok(Verificatie::Intact { regels })) => {
                        ui.colored_label(
                            GOED_KLEUR,
                            format!(
                                "Keten intact: alle {} regels kloppen.",
                                duizendtallen(*regels as usize)
                            ),
                        );
                    }
                    Some(Ok(Verificatie::Gebroken { volgnummer, reden })) => {
                        ui.colored_label(
                            FOUT_KLEUR,
                            RichText::new(format!(
                                "Keten verbroken: eerste gebroken regel is {volgnummer} ({reden})."
                            ))
                            .strong(),
                        );
                    }
                    Some(Err(fout)) => {
                        ui.colored_label(
                            FOUT_KLEUR,
                            format!("De keten kon niet worden gecontroleerd: {fout}"),
                        );
                    }
                    None => {}
                }
            }
            opnieuw = ui
                .add_enabled(
                    self.controle.is_none(),
                    egui::Button::new("Opnieuw controleren"),
                )
                .clicked();
        });
        if opnieuw {
            self.start_controle(loket);
        }
    }

    fn filter_ui(&mut self, ui: &mut egui::Ui) {
        let mut toepassen = false;
        let mut wissen = false;
        ui.horizontal_wrapped(|ui| {
            // One resident, melding or account: chosen by clicking its name
            // in the list below, as people know it (never a number to type).
            ui.label("Over");
            if self.object.is_empty() {
                ui.weak(
                    "alles (klik in de lijst op een naam om alleen de regels daarover te zien)",
                );
            } else {
                ui.label(RichText::new(&self.object_naam).strong());
                if ui.button("Alles tonen").clicked() {
                    self.object.clear();
                    self.object_naam.clear();
                    toepassen = true;
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("Medewerker");
            let medewerkers = self.medewerkers.clone().unwrap_or_default();
            let gekozen = self
                .actor
                .as_deref()
                .map_or_else(|| "alle medewerkers".to_owned(), |a| self.naam_van(a));
            egui::ComboBox::from_id_salt("auditlog_actor")
                .selected_text(gekozen)
                .width(200.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.actor, None, "alle medewerkers");
                    for m in &medewerkers {
                        ui.selectable_value(
                            &mut self.actor,
                            Some(m.id.clone()),
                            format!("{} ({})", m.naam, m.rol.label()),
                        );
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label("Soort actie");
            let acties = self.acties.clone().unwrap_or_default();
            egui::ComboBox::from_id_salt("auditlog_actie")
                .selected_text(
                    self.actie
                        .as_deref()
                        .map_or_else(|| "alle acties".to_owned(), crate::ui::woorden::actie),
                )
                .width(240.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.actie, None, "alle acties");
                    for a in &acties {
                        ui.selectable_value(
                            &mut self.actie,
                            Some(a.clone()),
                            crate::ui::woorden::actie(a),
                        );
                    }
                })
                .response
                .labelled_by(l.id);
        });
        ui.horizontal_wrapped(|ui| {
            for (label, tekst) in [("Van", &mut self.van), ("Tot en met", &mut self.tot)] {
                let l = ui.label(label);
                let r = ui
                    .add(
                        egui::TextEdit::singleline(tekst)
                            .char_limit(lengte::DATUM)
                            .hint_text("dd-mm-jjjj")
                            .desired_width(100.0),
                    )
                    .labelled_by(l.id);
                toepassen |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            }
            toepassen |= ui.button("Filter toepassen").clicked();
            wissen = ui.button("Filter wissen").clicked();
            if ui.button("Vernieuwen").clicked() {
                self.vernieuw();
            }
        });
        if wissen {
            self.object.clear();
            self.object_naam.clear();
            self.actor = None;
            self.van.clear();
            self.tot.clear();
            self.actie = None;
            toepassen = true;
        }
        if toepassen {
            self.filter_toepassen();
        }
        if let Some(fout) = &self.filterfout {
            ui.colored_label(FOUT_KLEUR, fout);
        }
    }

    /// Reads the filter as chosen and shows its first page (or says what is
    /// wrong with it).
    fn filter_toepassen(&mut self) {
        match self.lees_filter() {
            Ok(filter) => {
                self.filter = filter;
                self.filterfout = None;
                self.pagina = 0;
                self.totaal = None;
                self.rijen = None;
            }
            Err(fout) => self.filterfout = Some(fout),
        }
    }

    fn paginering_ui(&mut self, ui: &mut egui::Ui) {
        let totaal = self.totaal.unwrap_or(0);
        let per = u64::from(PAGINA_GROOTTE);
        let eerste = self.pagina * per;
        let getoond = self.rijen.as_ref().map_or(0, Vec::len) as u64;
        ui.horizontal(|ui| {
            if totaal == 0 {
                ui.label("Geen regels die aan het filter voldoen.");
            } else {
                ui.label(format!(
                    "Regels {}–{} van {} (nieuwste eerst)",
                    duizendtallen((eerste + 1) as usize),
                    duizendtallen((eerste + getoond) as usize),
                    duizendtallen(totaal as usize)
                ));
            }
            let nieuwer = self.pagina > 0;
            let ouder = eerste + getoond < totaal;
            if ui
                .add_enabled(nieuwer, egui::Button::new("Nieuwste"))
                .clicked()
            {
                self.pagina = 0;
                self.rijen = None;
            }
            if ui
                .add_enabled(nieuwer, egui::Button::new("Nieuwere"))
                .clicked()
            {
                self.pagina -= 1;
                self.rijen = None;
            }
            if ui.add_enabled(ouder, egui::Button::new("Oudere")).clicked() {
                self.pagina += 1;
                self.rijen = None;
            }
            if ui.add_enabled(ouder, egui::Button::new("Oudste")).clicked() {
                self.pagina = totaal.saturating_sub(1) / per;
                self.rijen = None;
            }
        });
    }

    /// The page of the log; returns the object clicked (as stored, and its
    /// name), to filter on.
    fn tabel_ui(&self, ui: &mut egui::Ui) -> Option<(String, String)> {
        let mut gekozen = None;
        let rijen = self.rijen.as_deref().unwrap_or_default();
        TableBuilder::new(ui)
            .id_salt("auditlog_tabel")
            .striped(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .min_scrolled_height(360.0)
            .max_scroll_height(360.0)
            .column(Column::exact(44.0))
            .column(Column::exact(140.0))
            .column(Column::initial(170.0).clip(true))
            .column(Column::initial(170.0).clip(true))
            .column(Column::initial(160.0).clip(true))
            .column(Column::initial(60.0).clip(true))
            .column(Column::exact(80.0))
            .column(Column::remainder().at_least(120.0).clip(true))
            .header(22.0, |mut kop| {
                for t in [
                    "Nr.",
                    "Tijdstip",
                    "Medewerker",
                    "Actie",
                    "Object",
                    "Doel",
                    "Resultaat",
                    "Details",
                ] {
                    kop.col(|ui| {
                        ui.label(RichText::new(t).strong());
                    });
                }
            })
            .body(|body| {
                body.rows(20.0, rijen.len(), |mut rij| {
                    let Some(r) = rijen.get(rij.index()) else {
                        return;
                    };
                    rij.col(|ui| {
                        ui.label(r.volgnummer.to_string());
                    });
                    rij.col(|ui| {
                        ui.label(crate::report::auditlog::tijdstip_tekst(&r.tijdstip));
                    });
                    rij.col(|ui| {
                        ui.add(egui::Label::new(self.naam_van(&r.actor)).truncate());
                    });
                    rij.col(|ui| {
                        ui.add(egui::Label::new(crate::ui::woorden::actie(&r.actie)).truncate());
                    });
                    rij.col(|ui| match r.object.as_deref() {
                        None => {
                            ui.label("–");
                        }
                        Some(o) => {
                            let naam = self.object_van(o);
                            if ui
                                .add(
                                    egui::Label::new(&naam)
                                        .truncate()
                                        .sense(egui::Sense::click()),
                                )
                                .on_hover_text(format!(
                                    "{naam}: klik om alleen de regels hierover te zien"
                                ))
                                .clicked()
                            {
                                gekozen = Some((o.to_owned(), naam));
                            }
                        }
                    });
                    rij.col(|ui| {
                        ui.add(
                            egui::Label::new(
                                r.doel
                                    .as_deref()
                                    .map_or_else(|| "–".to_owned(), crate::ui::woorden::doel),
                            )
                            .truncate(),
                        );
                    });
                    rij.col(|ui| {
                        let tekst = crate::ui::woorden::resultaat(&r.resultaat);
                        if r.resultaat == "gelukt" {
                            ui.label(tekst);
                        } else {
                            ui.colored_label(FOUT_KLEUR, tekst);
                        }
                    });
                    rij.col(|ui| {
                        let details = r
                            .details
                            .as_deref()
                            .map_or_else(|| "–".to_owned(), crate::ui::woorden::details);
                        // A truncated label shows its whole text on hover itself.
                        ui.add(egui::Label::new(details).truncate());
                    });
                });
            });
        gekozen
    }

    fn export_ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) {
        ui.label(RichText::new("Auditlog exporteren").strong());
        ui.label("Schrijft de regels die aan het filter voldoen (oudste eerst) naar een CSV-bestand. De export wordt zelf in het auditlog vastgelegd.");
        let mut exporteren = false;
        ui.horizontal(|ui| {
            let l = ui.label("CSV-bestand");
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.pad)
                        .char_limit(lengte::PAD)
                        .hint_text("/pad/naar/auditlog.csv")
                        .desired_width(360.0),
                )
                .labelled_by(l.id);
            if ui.button("Kies…").clicked()
                && let Some(gekozen) = rfd::FileDialog::new()
                    .set_title("Auditlog exporteren")
                    .add_filter("CSV", &["csv"])
                    .set_file_name("auditlog.csv")
                    .save_file()
            {
                self.pad = gekozen.display().to_string();
            }
            exporteren = ui
                .add_enabled(self.export.is_none(), egui::Button::new("Exporteren"))
                .clicked()
                || (r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)));
        });
        if exporteren && self.export.is_none() {
            let pad = self.pad.trim();
            if pad.is_empty() {
                self.melding = Some(Err(
                    "Typ het pad van het CSV-bestand of kies Kies….".to_owned()
                ));
            } else {
                let pad = PathBuf::from(pad);
                self.melding = None;
                let filter = self.filter.clone();
                let bestand = pad.clone();
                let taak = loket.op_achtergrond("Bezig met exporteren", move |l, _| {
                    l.auditlog_exporteer(&filter, &bestand)
                        .map_err(|f| f.to_string())
                });
                self.export = Some((pad, taak));
            }
        }
        if self.export.is_some() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Bezig met exporteren…");
            });
        }
        match &self.melding {
            Some(Ok(tekst)) => {
                ui.colored_label(GOED_KLEUR, tekst);
            }
            Some(Err(tekst)) => {
                ui.colored_label(FOUT_KLEUR, tekst);
            }
            None => {}
        }
    }
}
