//! The Rapportage screen: the prestatie-indicatoren of the Actieplan for a
//! range of years, laid out like the indicator tables of a municipal
//! begroting (*Begroot Y* and realised Y side by side, then *Bron*), grouped
//! under the doelenboom.
//!
//! Strategisch doel is a bold collapsible header, beleidslijn a sub-header,
//! an indicator a row with its code and verbatim name; a breakdown unfolds
//! under its indicator. A value without a number shows "n.b." with the
//! reason on hover and in the detail panel. The detail panel of the
//! selected indicator holds a chart of realised against target and the form
//! where a teamleider enters a target or an external realised value.
//!
//! Computing years and writing the export can take a moment on a large
//! register: they run through the one background helper
//! ([`Loket::op_achtergrond`]) with a progress bar; an in-memory register
//! (tests) computes at once. Only teamleiders and beheerders see the reports.

use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;

use egui::{Align, Color32, Layout, RichText, Role, Sense, WidgetInfo};

use crate::domain::catalogus::{self, Eenheid, Herkomst, Indicator};
use crate::domain::eigen_indicator::{
    BELEIDSLIJN_EIGEN, EENHEDEN, EigenIndicator, beleidslijnen_van,
};
use crate::domain::{Indicatorwaarde, WaardeSoort};
use crate::gateway::{Loket, Taak};
use crate::report::export::ExportOpties;
use crate::report::export::Namen;
use crate::report::{Jaarrapport, Uitkomst, Waarde};
use crate::ui::actie::Actie;
use crate::ui::scherm::SchermUi;
use crate::ui::theme::{FOUT_KLEUR, GOED_KLEUR};
use crate::ui::widgets::getal::{decimaal_tekst, f64_tekst, groepeer, lees_getal};
use crate::ui::widgets::{Fouten, fouten_uit, keuze_ui, tekstveld_ui};

const CODE_BREEDTE: f32 = 70.0;
const NAAM_BREEDTE: f32 = 250.0;
const SOORT_BREEDTE: f32 = 44.0;
const GETAL_BREEDTE: f32 = 84.0;
const BRON_BREEDTE: f32 = 130.0;
const RIJ_HOOGTE: f32 = 20.0;
const REGISTER_KLEUR: Color32 = Color32::from_rgb(0x0d, 0x47, 0xa1);

/// The result of background work.
enum Taakuitkomst {
    Rapport(Result<Vec<Jaarrapport>, String>),
    Export(Result<PathBuf, String>),
}

/// The form for a target or an external realised value.
#[derive(Default)]
struct Invoer {
    jaar: String,
    realisatie: bool,
    waarde: String,
    bron: String,
    /// Field errors (`jaar`, `waarde`).
    fouten: Fouten,
    fout: Option<String>,
    bericht: Option<String>,
}

/// The form for an own indicator of the municipality.
struct EigenInvoer {
    code: String,
    naam: String,
    eenheid: Eenheid,
    bron: String,
    doel: String,
    beleidslijn: Option<String>,
    fouten: Fouten,
    algemeen: Option<String>,
    bericht: Option<String>,
}

impl Default for EigenInvoer {
    fn default() -> Self {
        EigenInvoer {
            code: String::new(),
            naam: String::new(),
            eenheid: Eenheid::Aantal,
            bron: String::new(),
            doel: "1".to_owned(),
            beleidslijn: None,
            fouten: Fouten::new(),
            algemeen: None,
            bericht: None,
        }
    }
}

/// The Rapportage screen's state.
pub struct RapportageScherm {
    /// The form for an own indicator.
    eigen: EigenInvoer,
    van: String,
    tot: String,
    fout_jaren: Option<String>,
    /// The years computed last, in year order.
    rapporten: Option<Vec<Jaarrapport>>,
    /// How breakdown keys read (names, labels).
    namen: Namen,
    taak: Option<Taak<Taakuitkomst>>,
    fout: Option<String>,
    open: HashSet<&'static str>,
    gekozen: Option<&'static str>,
    invoer: Invoer,
    export_pad: String,
    export_intern: bool,
    /// Also a sheet or file per wijkteam (a beheerder's export).
    export_per_wijkteam: bool,
    /// Whose figures: `None` the municipality, or a wijkteam id.
    voor: Option<String>,
    /// The teams this session may choose (read once), or why not.
    teams: Option<Result<Vec<(String, String)>, String>>,
    /// For whom the shown figures were computed.
    berekend_voor: Option<String>,
    export_fout: Option<String>,
    geschreven: Option<PathBuf>,
    /// Whether the proposed years were computed on first showing (a team
    /// lead opens the screen to see the figures, not an empty page).
    eerste_berekening: bool,
}

impl RapportageScherm {
    /// A screen proposing the last three years up to `eind_jaar` (their columns fit a 1280 px window beside the navigation; more years scroll sideways).
    #[must_use]
    pub fn new(eind_jaar: i32) -> RapportageScherm {
        RapportageScherm {
            eigen: EigenInvoer::default(),
            van: (eind_jaar - 2).to_string(),
            tot: eind_jaar.to_string(),
            fout_jaren: None,
            rapporten: None,
            namen: Namen::default(),
            taak: None,
            fout: None,
            open: HashSet::new(),
            gekozen: None,
            invoer: Invoer::default(),
            export_pad: String::new(),
            export_intern: false,
            export_per_wijkteam: false,
            voor: None,
            teams: None,
            berekend_voor: None,
            export_fout: None,
            geschreven: None,
            eerste_berekening: false,
        }
    }

    fn jaren(&mut self) -> Option<(i32, i32)> {
        let lees = |tekst: &str, veld: &str| -> Result<i32, String> {
            match tekst.trim().parse::<i32>() {
                Ok(j) if (1900..=2200).contains(&j) => Ok(j),
                _ => Err(format!(
                    "{veld}: '{}' is geen jaartal; typ bijvoorbeeld 2024",
                    tekst.trim()
                )),
            }
        };
        let uitkomst = match (
            lees(&self.van, "Van jaar"),
            lees(&self.tot, "Tot en met jaar"),
        ) {
            (Ok(van), Ok(tot)) if van > tot => {
                Err("Van jaar ligt na Tot en met jaar; draai ze om".to_owned())
            }
            (Ok(van), Ok(tot)) if tot - van > 9 => {
                Err("Kies hoogstens tien jaren tegelijk".to_owned())
            }
            (Ok(van), Ok(tot)) => Ok((van, tot)),
            (Err(f), _) | (_, Err(f)) => Err(f),
        };
        match uitkomst {
            Ok(j) => {
                self.fout_jaren = None;
                Some(j)
            }
            Err(f) => {
                self.fout_jaren = Some(f);
                None
            }
        }
    }

    /// The name of what `voor` names: the municipality or a team.
    fn voor_naam(&self, voor: Option<&str>) -> String {
        match voor {
            None => "Hele gemeente".to_owned(),
            Some(id) => self
                .teams
                .as_ref()
                .and_then(|t| t.as_ref().ok())
                .and_then(|t| t.iter().find(|(t, _)| t == id))
                .map_or_else(|| id.to_owned(), |(_, n)| n.clone()),
        }
    }

    fn jaren_ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) {
        let bezig = self.taak.is_some();
        if self.teams.is_none() {
            self.teams = Some(
                loket
                    .rapport_wijkteams()
                    .map_err(|f| format!("De wijkteams konden niet worden gelezen: {f}")),
            );
        }
        ui.horizontal(|ui| {
            let label = ui.label("Voor");
            let mut gekozen = self.voor.clone();
            let teams: Vec<(String, String)> = self
                .teams
                .as_ref()
                .and_then(|t| t.as_ref().ok())
                .cloned()
                .unwrap_or_default();
            egui::ComboBox::from_id_salt("rapportage_voor")
                .selected_text(self.voor_naam(gekozen.as_deref()))
                .width(200.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut gekozen, None, "Hele gemeente");
                    for (id, naam) in &teams {
                        ui.selectable_value(&mut gekozen, Some(id.clone()), naam);
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text(
                    "Een wijkteam telt zijn eigen inwoners; percentages over de bevolking, \
                     de sociale kaart en externe waarden gelden alleen voor de hele gemeente.",
                );
            if gekozen != self.voor && !bezig {
                self.voor = gekozen;
                if let Some((van, tot)) = self.jaren() {
                    self.bereken(loket, van, tot);
                }
            }
            if let Some(Err(f)) = &self.teams {
                ui.colored_label(FOUT_KLEUR, f);
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label("Van jaar");
            ui.add(
                egui::TextEdit::singleline(&mut self.van)
                    .desired_width(60.0)
                    .char_limit(crate::ui::widgets::lengte::JAAR),
            )
            .labelled_by(label.id);
            let label = ui.label("Tot en met jaar");
            let veld = ui
                .add(
                    egui::TextEdit::singleline(&mut self.tot)
                        .desired_width(60.0)
                        .char_limit(crate::ui::widgets::lengte::JAAR),
                )
                .labelled_by(label.id);
            let enter = veld.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui
                .add_enabled(!bezig, egui::Button::new("Berekenen"))
                .clicked()
                || enter)
                && !bezig
                && let Some((van, tot)) = self.jaren()
            {
                self.bereken(loket, van, tot);
            }
            if let Some(f) = &self.fout_jaren {
                ui.colored_label(FOUT_KLEUR, f);
            }
        });
    }

    fn export_ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) {
        let bezig = self.taak.is_some();
        ui.horizontal(|ui| {
            let label = ui.label("Exportbestand");
            ui.add(
                egui::TextEdit::singleline(&mut self.export_pad)
                    .char_limit(crate::ui::widgets::lengte::PAD)
                    .desired_width(300.0)
                    .hint_text("bijvoorbeeld monitoring.xlsx"),
            )
            .labelled_by(label.id);
            if ui.button("Bladeren…").clicked()
                && let Some(pad) = rfd::FileDialog::new()
                    .set_title("Export opslaan als")
                    .set_file_name("monitoring.xlsx")
                    .add_filter("Excel of CSV", &["xlsx", "csv"])
                    .save_file()
            {
                self.export_pad = pad.display().to_string();
            }
            let mut formaat = None;
            if ui
                .add_enabled(!bezig, egui::Button::new("Exporteren als Excel"))
                .clicked()
            {
                formaat = Some("xlsx");
            }
            if ui
                .add_enabled(!bezig, egui::Button::new("Exporteren als CSV"))
                .clicked()
            {
                formaat = Some("csv");
            }
            if ui
                .add_enabled(!bezig, egui::Button::new("PDF voor de raad"))
                .on_hover_text(
                    "Het rapport van de gekozen jaren (en het gekozen wijkteam) als PDF: \
                     de doelenboom met begroot en realisatie, grafieken en paginanummers.",
                )
                .clicked()
            {
                formaat = Some("pdf");
            }
            if let Some(formaat) = formaat {
                self.exporteer(loket, formaat);
            }
        });
        ui.horizontal(|ui| {
            ui.add_space(4.0);
            ui.checkbox(
                &mut self.export_intern,
                "Intern (kleine aantallen zichtbaar)",
            )
            .on_hover_text(
                "Een interne export onderdrukt aantallen van 1 tot en met 4 niet. Niet publiceren.",
            );
            let beheerder = loket
                .sessie()
                .is_some_and(|s| s.gebruiker().rol == crate::domain::Rol::Beheerder);
            ui.add_enabled(
                beheerder,
                egui::Checkbox::new(&mut self.export_per_wijkteam, "Ook per wijkteam"),
            )
            .on_hover_text("Naast de gemeente een werkblad (Excel) of bestand (CSV) per wijkteam.")
            .on_disabled_hover_text(
                "De export per wijkteam bevat elk wijkteam; een beheerder maakt hem.",
            );
        });
        if let Some(f) = &self.export_fout {
            ui.colored_label(FOUT_KLEUR, f);
        }
        if let Some(pad) = &self.geschreven {
            ui.colored_label(
                GOED_KLEUR,
                format!("Export geschreven naar {}", pad.display()),
            );
        }
    }

    fn exporteer(&mut self, loket: &Loket<'_>, formaat: &str) {
        self.geschreven = None;
        let tekst = self.export_pad.trim().to_owned();
        if tekst.is_empty() {
            self.export_fout =
                Some("Vul bij Exportbestand een bestandsnaam in of kies Bladeren…".to_owned());
            return;
        }
        let Some((van, tot)) = self.jaren() else {
            self.export_fout = Some("Kies eerst geldige jaren.".to_owned());
            return;
        };
        let pad = PathBuf::from(&tekst).with_extension(formaat);
        self.export_pad = pad.display().to_string();
        self.export_fout = None;
        if formaat == "pdf" {
            let opties = crate::report::pdf::PdfOpties {
                van,
                tot,
                wijkteam: self.voor.clone(),
                intern: self.export_intern,
                gemaakt_op: loket.vandaag(),
            };
            self.start(
                loket,
                format!("PDF-rapport {van}–{tot} wordt geschreven"),
                move |r, voortgang| {
                    Taakuitkomst::Export(
                        r.schrijf_rapport_pdf(&pad, &opties, voortgang)
                            .map_err(|f| f.to_string()),
                    )
                },
            );
            return;
        }
        let opties = ExportOpties {
            van,
            tot,
            intern: self.export_intern,
            gemaakt_op: loket.vandaag(),
            per_wijkteam: self.export_per_wijkteam,
        };
        self.start(
            loket,
            format!("Export {van}–{tot} wordt geschreven"),
            move |r, voortgang| {
                Taakuitkomst::Export(
                    r.schrijf_rapport_export(&pad, opties, voortgang)
                        .map_err(|f| f.to_string()),
                )
            },
        );
    }

    fn bereken(&mut self, loket: &Loket<'_>, van: i32, tot: i32) {
        self.fout = None;
        let voor = self.voor.clone();
        self.berekend_voor.clone_from(&voor);
        let wie = self.voor_naam(voor.as_deref());
        self.start(
            loket,
            format!("Indicatoren {van}–{tot} ({wie}) worden berekend"),
            move |r, voortgang| {
                Taakuitkomst::Rapport(
                    r.bereken_rapport_voor(van, tot, voor.as_deref(), voortgang)
                        .map_err(|f| f.to_string()),
                )
            },
        );
        self.namen_lezen(loket);
    }

    fn namen_lezen(&mut self, loket: &Loket<'_>) {
        match loket.rapport_namen() {
            Ok(namen) => self.namen = namen,
            Err(f) => self.fout = Some(format!("De sociale kaart kon niet worden gelezen: {f}")),
        }
    }

    /// Runs `werk` through the one background helper (its own thread and
    /// connection on a register file, at once in memory); one at a time.
    fn start(
        &mut self,
        loket: &Loket<'_>,
        omschrijving: String,
        werk: impl FnOnce(&Loket<'_>, crate::gateway::taak::Voortgang<'_>) -> Taakuitkomst
        + Send
        + 'static,
    ) {
        if self.taak.is_some() {
            return;
        }
        self.taak = Some(loket.op_achtergrond(omschrijving, werk));
        self.neem_berichten(loket);
    }

    fn neem_berichten(&mut self, loket: &Loket<'_>) {
        let Some(uitkomst) = self.taak.as_mut().and_then(Taak::neem) else {
            return;
        };
        self.taak = None;
        let uitkomst = uitkomst.unwrap_or_else(|fout| Taakuitkomst::Rapport(Err(fout)));
        if matches!(uitkomst, Taakuitkomst::Rapport(Ok(_))) {
            self.namen_lezen(loket);
        }
        self.verwerk(uitkomst);
    }

    fn verwerk(&mut self, uitkomst: Taakuitkomst) {
        match uitkomst {
            Taakuitkomst::Rapport(Ok(r)) => self.rapporten = Some(r),
            Taakuitkomst::Rapport(Err(f)) => {
                self.fout = Some(format!("De indicatoren konden niet worden berekend: {f}"));
            }
            Taakuitkomst::Export(Ok(pad)) => self.geschreven = Some(pad),
            Taakuitkomst::Export(Err(f)) => {
                self.export_fout = Some(format!("De export is niet geschreven: {f}"));
            }
        }
    }

    fn tabel_ui(&mut self, ui: &mut egui::Ui, rapporten: &[Jaarrapport]) {
        kop_rij_ui(ui, rapporten);

        let boom = crate::report::doelenboom_van(rapporten);
        for stam in boom {
            let titel = if stam.doel.nummer == "L" {
                stam.doel.naam.to_owned()
            } else {
                format!("Strategisch doel {}: {}", stam.doel.nummer, stam.doel.naam)
            };
            egui::CollapsingHeader::new(RichText::new(titel).strong().size(15.0))
                .id_salt(("doel", stam.doel.nummer))
                .default_open(true)
                .show(ui, |ui| {
                    for tak in &stam.takken {
                        let bl = tak.beleidslijn;
                        let kop = if bl.code.is_empty() {
                            bl.titel.to_owned()
                        } else {
                            format!(
                                "Beleidslijn {} (§ {}): {}",
                                bl.code,
                                tak.paragrafen.join("; § "),
                                bl.titel
                            )
                        };
                        ui.add_space(4.0);
                        ui.add(egui::Label::new(RichText::new(kop).italics().strong()).truncate());
                        for ind in &tak.indicatoren {
                            self.indicator_rij_ui(ui, ind, rapporten);
                        }
                    }
                });
        }
    }

    fn indicator_rij_ui(
        &mut self,
        ui: &mut egui::Ui,
        ind: &'static Indicator,
        rapporten: &[Jaarrapport],
    ) {
        let uitkomsten: Vec<Option<&Uitkomst>> =
            rapporten.iter().map(|r| r.uitkomst(ind.code)).collect();
        let gekozen = self.gekozen == Some(ind.code);
        let open = self.open.contains(ind.code);
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 6.0;
            vak(ui, CODE_BREEDTE, Align::Min, |ui| {
                if ind.uitsplitsing.is_empty() {
                    if ui
                        .selectable_label(gekozen, ind.code)
                        .on_hover_text(ind.code)
                        .clicked()
                    {
                        self.kies(ind);
                    }
                } else {
                    let pijl = if open { "–" } else { "+" };
                    let knop = ui
                        .selectable_label(gekozen, format!("{pijl} {}", ind.code))
                        .on_hover_text("Uitsplitsing tonen of verbergen");
                    if knop.clicked() {
                        if open {
                            self.open.remove(ind.code);
                        } else {
                            self.open.insert(ind.code);
                        }
                        self.kies(ind);
                    }
                }
            });
            vak(ui, NAAM_BREEDTE, Align::Min, |ui| {
                if ui
                    .add(egui::Label::new(ind.naam).truncate().sense(Sense::click()))
                    .on_hover_text(ind.naam)
                    .clicked()
                {
                    self.kies(ind);
                }
            });
            vak(ui, SOORT_BREEDTE, Align::Min, |ui| {
                herkomst_ui(ui, ind);
            });
            let mut bron = ind.bron.to_owned();
            for (r, u) in rapporten.iter().zip(&uitkomsten) {
                let begroot = u.and_then(|u| u.begroot.as_ref());
                let tekst = begroot.map_or_else(String::new, waarde_tekst);
                vak(ui, GETAL_BREEDTE, Align::Max, |ui| {
                    let getoond = if tekst.is_empty() {
                        "–"
                    } else {
                        tekst.as_str()
                    };
                    let antwoord = ui
                        .add(
                            egui::Label::new(RichText::new(getoond).color(if tekst.is_empty() {
                                ui.visuals().weak_text_color()
                            } else {
                                ui.visuals().text_color()
                            }))
                            .sense(Sense::click()),
                        )
                        .on_hover_text(format!("Klik om Begroot {} in te voeren", r.jaar));
                    antwoord.widget_info(|| {
                        WidgetInfo::labeled(
                            Role::Label,
                            true,
                            format!("{} Begroot {}: {getoond}", ind.code, r.jaar),
                        )
                    });
                    if antwoord.clicked() {
                        self.kies(ind);
                        self.invoer.jaar = r.jaar.to_string();
                        self.invoer.realisatie = false;
                        self.invoer.waarde.clone_from(&tekst);
                    }
                });
                let (getoond, reden) = match u.map(|u| &u.waarde) {
                    Some(w) => realisatie_tekst(w),
                    None => ("n.b.".to_owned(), Some("niet berekend".to_owned())),
                };
                if let Some(Waarde::Extern { bron: Some(b), .. }) = u.map(|u| &u.waarde) {
                    bron.clone_from(b);
                }
                vak(ui, GETAL_BREEDTE, Align::Max, |ui| {
                    let mut tekst = RichText::new(&getoond);
                    if reden.is_some() {
                        tekst = tekst.color(ui.visuals().weak_text_color()).italics();
                    }
                    let mut antwoord = ui.label(tekst);
                    if let Some(reden) = &reden {
                        antwoord = antwoord.on_hover_text(reden);
                    }
                    antwoord.widget_info(|| {
                        WidgetInfo::labeled(
                            Role::Label,
                            true,
                            format!("{} {}: {getoond}", ind.code, r.jaar),
                        )
                    });
                    if antwoord.clicked() {
                        self.kies(ind);
                    }
                });
            }
            vak(ui, BRON_BREEDTE, Align::Min, |ui| {
                ui.add(egui::Label::new(RichText::new(&bron).small()).truncate())
                    .on_hover_text(&bron);
            });
        });
        if open {
            self.uitsplitsing_ui(ui, ind, rapporten);
        }
    }

    fn uitsplitsing_ui(&self, ui: &mut egui::Ui, ind: &Indicator, rapporten: &[Jaarrapport]) {
        let mut sleutels: BTreeSet<Vec<(bool, Option<String>)>> = BTreeSet::new();
        for r in rapporten {
            if let Some(Waarde::Uitsplitsing(rs)) = r.uitkomst(ind.code).map(|u| &u.waarde) {
                for rij in rs {
                    sleutels.insert(
                        rij.sleutels
                            .iter()
                            .map(|s| (s.is_none(), s.clone()))
                            .collect(),
                    );
                }
            }
        }
        if sleutels.is_empty() {
            ui.horizontal(|ui| {
                ui.add_space(CODE_BREEDTE + 6.0);
                ui.weak("Geen rijen in deze jaren.");
            });
            return;
        }
        for sleutel in sleutels {
            let waarden: Vec<Option<String>> = sleutel.into_iter().map(|(_, s)| s).collect();
            let omschrijving = ind
                .uitsplitsing
                .iter()
                .zip(&waarden)
                .map(|(soort, w)| self.namen.sleutel(soort, w.as_deref()))
                .collect::<Vec<_>>()
                .join(" — ");
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = 6.0;
                vak(ui, CODE_BREEDTE, Align::Min, |_| {});
                vak(ui, NAAM_BREEDTE, Align::Min, |ui| {
                    ui.add_space(16.0);
                    ui.add(egui::Label::new(RichText::new(&omschrijving).small()).truncate())
                        .on_hover_text(&omschrijving);
                });
                vak(ui, SOORT_BREEDTE, Align::Min, |_| {});
                for r in rapporten {
                    vak(ui, GETAL_BREEDTE, Align::Max, |_| {});
                    let n = match r.uitkomst(ind.code).map(|u| &u.waarde) {
                        Some(Waarde::Uitsplitsing(rs)) => rs
                            .iter()
                            .find(|x| x.sleutels == waarden)
                            .map_or(0, |x| x.waarde),
                        _ => 0,
                    };
                    vak(ui, GETAL_BREEDTE, Align::Max, |ui| {
                        let tekst = groepeer(&n.to_string());
                        ui.label(RichText::new(&tekst).small()).widget_info(|| {
                            WidgetInfo::labeled(
                                Role::Label,
                                true,
                                format!("{} {omschrijving} {}: {tekst}", ind.code, r.jaar),
                            )
                        });
                    });
                }
            });
        }
    }

    fn kies(&mut self, ind: &'static Indicator) {
        if self.gekozen != Some(ind.code) {
            self.gekozen = Some(ind.code);
            let jaar = self.invoer.jaar.clone();
            self.invoer = Invoer {
                jaar,
                ..Invoer::default()
            };
        }
    }

    fn detail_ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>, rapporten: &[Jaarrapport]) {
        let gekozen = self.gekozen.and_then(|code| {
            catalogus::indicator(code).or_else(|| {
                rapporten
                    .first()
                    .and_then(|r| r.uitkomst(code))
                    .map(|u| u.indicator)
            })
        });
        let Some(ind) = gekozen else {
            ui.weak(
                "Klik op een indicator voor de details, de grafiek en om een waarde in te voeren.",
            );
            return;
        };
        // Three columns side by side, so the form and its messages stay in
        // view in the panel below the table.
        ui.columns(3, |kolommen| {
            let [links, midden, rechts] = kolommen else {
                return;
            };
            let ui = &mut *links;
            ui.label(
                RichText::new(format!("{}  {}", ind.code, ind.naam))
                    .strong()
                    .size(15.0),
            );
            ui.horizontal(|ui| {
                herkomst_ui(ui, ind);
                ui.label(format!("Eenheid: {}", ind.eenheid.label()));
            });
            ui.add(egui::Label::new(format!("Bron: {}", ind.bron)).wrap());
            ui.add_space(6.0);
            egui::Grid::new("rapportage_detail_jaren")
                .striped(true)
                .show(ui, |ui| {
                    ui.strong("Per jaar");
                    ui.strong("Begroot");
                    ui.strong("Realisatie");
                    ui.end_row();
                    for r in rapporten {
                        let Some(u) = r.uitkomst(ind.code) else {
                            continue;
                        };
                        ui.label(r.jaar.to_string());
                        ui.label(
                            u.begroot
                                .as_ref()
                                .map_or_else(|| "–".to_owned(), waarde_tekst),
                        );
                        let (tekst, reden) = realisatie_tekst(&u.waarde);
                        match reden {
                            Some(reden) => {
                                ui.add(egui::Label::new(format!("{tekst}: {reden}")).wrap())
                            }
                            None => ui.label(tekst),
                        };
                        ui.end_row();
                    }
                });
            grafiek_ui(midden, ind, rapporten);
            self.invoer_ui(rechts, loket, ind);
        });
    }

    /// The form for an own indicator: code, name, unit, source and its
    /// place in the doelenboom. It then appears in the table, the export
    /// and the PDF like the catalogue's external indicators.
    fn eigen_ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) {
        let e = &mut self.eigen;
        ui.add(
            egui::Label::new(
                "Een indicator die niet in het actieplan staat, zoals de gemeente hem schrijft. \
                 Realisatie en begroting voert u daarna per jaar in, zoals bij de externe indicatoren.",
            )
            .wrap(),
        );
        let eenheden: Vec<(Eenheid, String)> = EENHEDEN
            .iter()
            .map(|(x, _)| (*x, x.label().to_owned()))
            .collect();
        let doelen: Vec<(String, String)> = catalogus::DOELEN
            .iter()
            .map(|d| {
                let naam = if d.nummer == "L" {
                    d.naam.to_owned()
                } else {
                    format!("Doel {}: {}", d.nummer, d.naam)
                };
                (d.nummer.to_owned(), naam)
            })
            .collect();
        let mut lijnen: Vec<(Option<String>, String)> =
            vec![(None, BELEIDSLIJN_EIGEN.titel.to_owned())];
        lijnen.extend(
            beleidslijnen_van(&e.doel)
                .into_iter()
                .map(|b| (Some(b.code.to_owned()), format!("Beleidslijn {}", b.code))),
        );
        egui::Grid::new("eigen_indicator_velden")
            .num_columns(3)
            .show(ui, |ui| {
                tekstveld_ui(
                    ui,
                    "Code van de indicator",
                    &mut e.code,
                    e.fouten.get("code"),
                );
                tekstveld_ui(
                    ui,
                    "Naam van de indicator",
                    &mut e.naam,
                    e.fouten.get("naam"),
                );
                keuze_ui(
                    ui,
                    "Eenheid",
                    &mut e.eenheid,
                    &eenheden,
                    e.fouten.get("eenheid"),
                );
                tekstveld_ui(
                    ui,
                    "Bron van de indicator",
                    &mut e.bron,
                    e.fouten.get("bron"),
                );
                if keuze_ui(
                    ui,
                    "Strategisch doel",
                    &mut e.doel,
                    &doelen,
                    e.fouten.get("doel"),
                ) {
                    e.beleidslijn = None;
                }
                keuze_ui(
                    ui,
                    "Beleidslijn",
                    &mut e.beleidslijn,
                    &lijnen,
                    e.fouten.get("beleidslijn"),
                );
            });
        let toevoegen = ui.button("Indicator toevoegen").clicked();
        if let Some(a) = &e.algemeen {
            ui.colored_label(FOUT_KLEUR, a);
        }
        if let Some(b) = &e.bericht {
            ui.colored_label(GOED_KLEUR, b);
        }
        if toevoegen {
            let nieuw = EigenIndicator {
                code: e.code.trim().to_owned(),
                naam: e.naam.trim().to_owned(),
                eenheid: e.eenheid,
                bron: e.bron.trim().to_owned(),
                doel: e.doel.clone(),
                beleidslijn: e.beleidslijn.clone(),
            };
            match loket.eigen_indicator_toevoegen(&nieuw) {
                Ok(()) => {
                    self.eigen = EigenInvoer {
                        bericht: Some(format!(
                            "Indicator {} toegevoegd; hij staat nu in de tabel en de export.",
                            nieuw.code
                        )),
                        ..EigenInvoer::default()
                    };
                    if let Some((van, tot)) = self.jaren() {
                        self.bereken(loket, van, tot);
                    }
                }
                Err(fout) => {
                    let (f, a) = fouten_uit(&fout);
                    e.fouten = f;
                    e.algemeen = a;
                    e.bericht = None;
                }
            }
        }
    }

    fn invoer_ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>, ind: &'static Indicator) {
        ui.label(RichText::new("Waarde invoeren").strong());
        let extern_ = ind.herkomst == Herkomst::Extern;
        if !extern_ {
            self.invoer.realisatie = false;
        }
        let inv = &mut self.invoer;
        egui::Grid::new("rapportage_invoer")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label("Jaar");
                ui.vertical(|ui| {
                    ui.add(
                        egui::TextEdit::singleline(&mut inv.jaar)
                            .desired_width(60.0)
                            .char_limit(crate::ui::widgets::lengte::JAAR),
                    )
                    .labelled_by(label.id);
                    if let Some(f) = inv.fouten.get("jaar") {
                        ui.colored_label(FOUT_KLEUR, f);
                    }
                });
                ui.end_row();
                ui.label("Soort");
                ui.horizontal(|ui| {
                    ui.radio_value(&mut inv.realisatie, false, "Begroot");
                    ui.add_enabled_ui(extern_, |ui| {
                        ui.radio_value(&mut inv.realisatie, true, "Gerealiseerd (extern)");
                    })
                    .response
                    .on_disabled_hover_text("Deze indicator wordt uit het register berekend.");
                });
                ui.end_row();
                let label = ui.label("Waarde");
                ui.vertical(|ui| {
                    ui.add(
                        egui::TextEdit::singleline(&mut inv.waarde)
                            .desired_width(100.0)
                            .char_limit(crate::ui::widgets::lengte::GETAL),
                    )
                    .labelled_by(label.id);
                    if let Some(f) = inv.fouten.get("waarde") {
                        ui.colored_label(FOUT_KLEUR, f);
                    }
                });
                ui.end_row();
                if inv.realisatie {
                    let label = ui.label("Bron");
                    ui.add(
                        egui::TextEdit::singleline(&mut inv.bron)
                            .char_limit(crate::ui::widgets::lengte::NAAM)
                            .desired_width(200.0)
                            .hint_text(ind.bron),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                }
            });
        let mut opslaan = false;
        let mut wissen = false;
        ui.horizontal(|ui| {
            opslaan = ui.button("Opslaan").clicked();
            wissen = ui.button("Wissen").clicked();
        });
        if opslaan || wissen {
            self.schrijf_invoer(loket, ind, wissen);
        }
        if let Some(f) = &self.invoer.fout {
            ui.colored_label(FOUT_KLEUR, f);
        }
        if let Some(b) = &self.invoer.bericht {
            ui.colored_label(GOED_KLEUR, b);
        }
        if !extern_ {
            ui.weak("Gerealiseerde waarden van deze indicator komen uit het register.");
        }
    }

    fn schrijf_invoer(&mut self, loket: &Loket<'_>, ind: &'static Indicator, wissen: bool) {
        let inv = &mut self.invoer;
        inv.fout = None;
        inv.bericht = None;
        inv.fouten.clear();
        let jaar = match inv.jaar.trim().parse::<i32>() {
            Ok(j) if (1900..=2200).contains(&j) => Some(j),
            _ => {
                inv.fouten.insert(
                    "jaar".into(),
                    format!(
                        "'{}' is geen jaartal; typ bijvoorbeeld 2024",
                        inv.jaar.trim()
                    ),
                );
                None
            }
        };
        let soort = if inv.realisatie {
            WaardeSoort::Realisatie
        } else {
            WaardeSoort::Begroot
        };
        let soort_naam = if inv.realisatie {
            "Gerealiseerd"
        } else {
            "Begroot"
        };
        if wissen {
            let Some(jaar) = jaar else { return };
            match loket.wis_indicatorwaarde(ind.code, jaar, soort) {
                Ok(true) => {
                    inv.bericht = Some(format!("{soort_naam} {jaar} van {} gewist.", ind.code));
                }
                Ok(false) => {
                    inv.bericht = Some(format!(
                        "Er was geen {soort_naam} {jaar} voor {}.",
                        ind.code
                    ));
                }
                Err(f) => inv.fout = Some(f.to_string()),
            }
        } else {
            let waarde = match lees_getal(&inv.waarde) {
                Ok(w) => Some(w),
                Err(f) => {
                    inv.fouten.insert("waarde".into(), f);
                    None
                }
            };
            let (Some(jaar), Some(waarde)) = (jaar, waarde) else {
                return;
            };
            let bron = inv.bron.trim();
            let record = Indicatorwaarde {
                indicator: ind.code.to_owned(),
                jaar,
                soort,
                waarde: Some(waarde),
                tekst: None,
                bron: (inv.realisatie && !bron.is_empty()).then(|| bron.to_owned()),
            };
            match loket.zet_indicatorwaarde(&record) {
                Ok(()) => {
                    inv.bericht = Some(format!(
                        "{soort_naam} {jaar} voor {} opgeslagen: {}",
                        ind.code,
                        f64_tekst(waarde)
                    ));
                }
                Err(f) => {
                    inv.fout = Some(format!("Niet opgeslagen: {f}"));
                    return;
                }
            }
        }
        if let Some((van, tot)) = self.jaren() {
            self.bereken(loket, van, tot);
        }
    }
}

impl SchermUi for RapportageScherm {
    /// Draws the screen for the session's medewerker.
    fn ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> Option<Actie> {
        let medewerker = loket.sessie().map(crate::gateway::Sessie::gebruiker);
        self.neem_berichten(loket);
        ui.heading("Rapportage: prestatie-indicatoren");
        let mag = medewerker.is_some_and(|m| {
            crate::store::toegang::heeft(m.rol, crate::store::toegang::Recht::Rapportage)
        });
        if !mag {
            ui.add_space(8.0);
            let wie = medewerker.map_or_else(
                || "U bent niet aangemeld.".to_owned(),
                |m| {
                    format!(
                        "U bent aangemeld als {} ({}).",
                        m.naam,
                        m.rol.label().to_lowercase()
                    )
                },
            );
            ui.add(
                egui::Label::new(format!(
                    "Rapportages zijn er voor teamleiders en beheerders. {wie}"
                ))
                .wrap(),
            );
            return None;
        }
        ui.add_space(4.0);
        if !self.eerste_berekening && self.rapporten.is_none() && self.taak.is_none() {
            self.eerste_berekening = true;
            if let Some((van, tot)) = self.jaren() {
                self.bereken(loket, van, tot);
            }
        }
        self.jaren_ui(ui, loket);
        self.export_ui(ui, loket);
        if self.rapporten.is_some() {
            let wie = self.voor_naam(self.berekend_voor.as_deref());
            ui.label(RichText::new(format!("Cijfers van: {wie}")).strong());
        }
        egui::CollapsingHeader::new("Eigen indicator van de gemeente toevoegen")
            .id_salt("eigen_indicator")
            .show(ui, |ui| self.eigen_ui(ui, loket));
        if let Some(taak) = &self.taak {
            ui.horizontal(|ui| {
                ui.spinner();
                let (klaar, totaal) = taak.voortgang();
                let deel = if totaal == 0 {
                    0.0
                } else {
                    klaar as f32 / totaal as f32
                };
                ui.add(
                    egui::ProgressBar::new(deel)
                        .desired_width(240.0)
                        .text(format!("{} ({klaar} van {totaal})", taak.omschrijving())),
                );
            });
        }
        if let Some(fout) = &self.fout {
            ui.colored_label(FOUT_KLEUR, fout);
        }
        ui.separator();
        let Some(rapporten) = self.rapporten.take() else {
            ui.label("Kies de jaren en klik op Berekenen om de indicatoren te zien.");
            return None;
        };
        // The details go below the table, only when an indicator is chosen:
        // the table keeps its full width, so no year column is hidden.
        if self.gekozen.is_some() {
            egui::Panel::bottom("rapportage_detail")
                .resizable(true)
                .default_size(300.0)
                .show(ui, |ui| {
                    if ui.button("Details sluiten").clicked() {
                        self.gekozen = None;
                    }
                    egui::ScrollArea::vertical()
                        .id_salt("rapportage_detail_scroll")
                        .show(ui, |ui| self.detail_ui(ui, loket, &rapporten));
                });
        } else {
            ui.weak(
                "Klik op een indicator voor de details, de grafiek en om een waarde in te voeren.",
            );
        }
        egui::ScrollArea::both()
            .id_salt("rapportage_tabel")
            .auto_shrink([false, false])
            .show(ui, |ui| self.tabel_ui(ui, &rapporten));
        if self.rapporten.is_none() {
            self.rapporten = Some(rapporten);
        }
        None
    }
}

/// A fixed-width cell with its content aligned left (`Align::Min`) or right.
/// The cell takes exactly `breedte`, whatever its content: a longer text is
/// cut off at the cell's edge (its whole value is in its hover text), so
/// the columns stay aligned.
fn vak(ui: &mut egui::Ui, breedte: f32, uitlijning: Align, inhoud: impl FnOnce(&mut egui::Ui)) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(breedte, RIJ_HOOGTE), Sense::hover());
    let layout = if uitlijning == Align::Max {
        Layout::right_to_left(Align::Center)
    } else {
        Layout::left_to_right(Align::Center)
    };
    let mut cel = ui.new_child(egui::UiBuilder::new().max_rect(rect).layout(layout));
    cel.set_clip_rect(rect.intersect(ui.clip_rect()));
    inhoud(&mut cel);
}

fn kop_rij_ui(ui: &mut egui::Ui, rapporten: &[Jaarrapport]) {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        vak(ui, CODE_BREEDTE, Align::Min, |ui| {
            ui.strong("Code");
        });
        vak(ui, NAAM_BREEDTE, Align::Min, |ui| {
            ui.strong("Indicator");
        });
        vak(ui, SOORT_BREEDTE, Align::Min, |ui| {
            ui.strong("Soort");
        });
        for r in rapporten {
            vak(ui, GETAL_BREEDTE, Align::Max, |ui| {
                // "Begroot 2024" is wider than the column and was cut to
                // "egroot 2024": shown short, said and hovered in full.
                let heel = format!("Begroot {}", r.jaar);
                let kop = ui.strong(format!("Begr. {}", r.jaar));
                kop.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Label, true, heel.clone())
                });
                kop.on_hover_text(heel);
            });
            vak(ui, GETAL_BREEDTE, Align::Max, |ui| {
                ui.strong(r.jaar.to_string());
            });
        }
        vak(ui, BRON_BREEDTE, Align::Min, |ui| {
            ui.strong("Bron");
        });
    });
    ui.separator();
}

fn herkomst_ui(ui: &mut egui::Ui, ind: &Indicator) {
    if ind.is_berekend() {
        ui.label(RichText::new("R").strong().color(REGISTER_KLEUR))
            .on_hover_text("Berekend uit het register");
    } else {
        ui.label(RichText::new("extern").small().italics())
            .on_hover_text("Extern: ingevoerd of geïmporteerd, met bron");
    }
}

/// The chart of realised against target over the years.
fn grafiek_ui(ui: &mut egui::Ui, ind: &Indicator, rapporten: &[Jaarrapport]) {
    let mut gerealiseerd = Vec::new();
    let mut begroot = Vec::new();
    for r in rapporten {
        let Some(u) = r.uitkomst(ind.code) else {
            continue;
        };
        let x = f64::from(r.jaar);
        match &u.waarde {
            Waarde::Getal(d) => gerealiseerd.push([x, d.als_f64()]),
            Waarde::Extern {
                waarde: Some(w), ..
            } => gerealiseerd.push([x, *w]),
            _ => {}
        }
        if let Some(w) = u.begroot.as_ref().and_then(|b| b.waarde) {
            begroot.push([x, w]);
        }
    }
    if gerealiseerd.is_empty() && begroot.is_empty() {
        ui.weak(if ind.uitsplitsing.is_empty() {
            "Geen getallen om te tekenen."
        } else {
            "Een uitsplitsing heeft geen grafiek; zie de rijen in de tabel."
        });
        return;
    }
    egui_plot::Plot::new(("rapportage_grafiek", ind.code))
        .height(180.0)
        .include_y(0.0)
        .legend(egui_plot::Legend::default())
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .x_axis_formatter(|mark, _| {
            if mark.value.fract() == 0.0 {
                format!("{}", mark.value)
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            plot.line(egui_plot::Line::new("Gerealiseerd", gerealiseerd.clone()).width(2.0));
            plot.points(egui_plot::Points::new("Gerealiseerd", gerealiseerd).radius(4.0));
            plot.line(
                egui_plot::Line::new("Begroot", begroot.clone())
                    .style(egui_plot::LineStyle::dashed_loose()),
            );
            plot.points(
                egui_plot::Points::new("Begroot", begroot)
                    .shape(egui_plot::MarkerShape::Diamond)
                    .radius(5.0),
            );
        });
}

/// The text of a realised value, and the reason when there is no number.
fn realisatie_tekst(waarde: &Waarde) -> (String, Option<String>) {
    match waarde {
        Waarde::Getal(d) => (decimaal_tekst(*d), None),
        Waarde::Extern {
            waarde: Some(w), ..
        } => (f64_tekst(*w), None),
        Waarde::Extern {
            waarde: None,
            tekst: Some(t),
            ..
        } => (t.clone(), None),
        Waarde::Extern { .. } => ("n.b.".to_owned(), Some("geen waarde vastgelegd".to_owned())),
        Waarde::Geen { reden } => ("n.b.".to_owned(), Some(reden.clone())),
        Waarde::Uitsplitsing(rs) => (
            format!("{} rijen", rs.len()),
            Some("uitgesplitst: klik op de code om de rijen te tonen".to_owned()),
        ),
    }
}

/// A target or external value as text.
fn waarde_tekst(w: &Indicatorwaarde) -> String {
    match (w.waarde, &w.tekst) {
        (Some(x), _) => f64_tekst(x),
        (None, Some(t)) => t.clone(),
        (None, None) => String::new(),
    }
}
