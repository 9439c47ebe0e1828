//! The Dossier screen (read-only): who the resident is, the household and
//! its AVE level now, then meldingen, toekenningen, verwijzingen and the AVE
//! history, each under its own heading.
//!
//! The dossier is read once when opened ([`DossierScherm::open`]); the screen
//! draws from that copy, and reads it again after a change made here.
//!
//! A running toekenning can be changed from its row, also when it belongs
//! to no melding: "Beëindigen" opens the same form as on the melding screen
//! ([`EindeFormulier`]) below the table; "Op- of afschalen" opens the
//! melding the toekenning was decided on with its op- en afschaalformulier
//! (a new decision belongs to a melding; for a toekenning without one the
//! button says so).

use chrono::NaiveDate;
use egui::{Key, RichText};
use egui_extras::{Column, TableBuilder};

use crate::domain::ave::{AveNiveauTekst, naam_in, standaard_niveaus};
use crate::domain::datum::{leeftijd, nl, nl_of_streep};
use crate::gateway::Loket;
use crate::store::dossier::{Dossier, ToekenningStatus};
use crate::ui::app::Actie;
use crate::ui::ave::ave_badge_ui;
use crate::ui::theme::{FOUT_KLEUR, GOED_KLEUR};
use crate::ui::toekenning_einde::{EindeFormulier, EindeUitkomst, loopt};
use crate::ui::widgets::FocusGeheugen;

/// A waiting provision's status: deep orange, readable on the light background (5.6:1).
const WACHTEND_KLEUR: egui::Color32 = egui::Color32::from_rgb(0xBF, 0x36, 0x0C);

/// State of the Dossier screen.
pub struct DossierScherm {
    /// The resident.
    id: String,
    inhoud: Result<Dossier, String>,
    vandaag: NaiveDate,
    /// The open form "Toekenning beëindigen", if any.
    einde: Option<EindeFormulier>,
    /// What the last change did.
    bericht: Option<String>,
    focus_geheugen: FocusGeheugen,
    /// The level names as the register holds them (the defaults if unreadable).
    teksten: Vec<AveNiveauTekst>,
}

impl DossierScherm {
    /// Reads the dossier of resident `id`; a failure is kept and shown on the screen.
    #[must_use]
    pub fn open(loket: &Loket<'_>, id: &str) -> DossierScherm {
        let vandaag = loket.vandaag();
        let inhoud = loket
            .dossier(id)
            .map_err(|fout| format!("Het dossier kon niet worden geopend: {fout}"));
        let teksten = loket.ave_teksten().unwrap_or_else(|_| standaard_niveaus());
        DossierScherm {
            id: id.to_owned(),
            inhoud,
            vandaag,
            teksten,
            einde: None,
            bericht: None,
            focus_geheugen: FocusGeheugen::default(),
        }
    }

    /// Whether a form holds input that is not saved.
    #[must_use]
    pub fn gewijzigd(&self) -> bool {
        self.einde.as_ref().is_some_and(EindeFormulier::gewijzigd)
    }

    /// Draws the screen; returns what the user asked for. `loket` serves
    /// the form that ends a toekenning.
    pub fn ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> Option<Actie> {
        let mut actie = None;
        let focus = self.focus_geheugen.begin(ui);
        // With a form open, Esc belongs to the form.
        if ui.button("Terug naar de lijst (Esc)").clicked()
            || (self.einde.is_none() && ui.input(|i| i.key_pressed(Key::Escape)))
        {
            actie = Some(Actie::TerugNaarLijst);
        }
        if let Some(b) = &self.bericht {
            ui.colored_label(GOED_KLEUR, RichText::new(b).strong());
        }
        ui.add_space(6.0);
        let dossier = match &self.inhoud {
            Ok(d) => d,
            Err(fout) => {
                ui.colored_label(FOUT_KLEUR, fout);
                return actie;
            }
        };
        let vandaag = self.vandaag;
        let teksten = &self.teksten;
        let einde = &mut self.einde;
        let mut opgeslagen = false;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if let Some(a) = kop_ui(ui, dossier, vandaag, teksten) {
                    actie = Some(a);
                }
                ui.add_space(10.0);
                if let Some(a) = meldingen_ui(ui, dossier) {
                    actie = Some(a);
                }
                ui.add_space(10.0);
                match toekenningen_ui(ui, dossier) {
                    Some(RijKeuze::Herbeoordelen {
                        melding,
                        toekenning,
                    }) => {
                        actie = Some(Actie::Herbeoordelen {
                            melding,
                            toekenning,
                        });
                    }
                    Some(RijKeuze::Beeindigen(n)) => {
                        *einde = dossier
                            .toekenningen
                            .get(n)
                            .map(|t| EindeFormulier::nieuw(t, vandaag));
                    }
                    None => {}
                }
                if let Some(e) = einde {
                    match e.ui(ui, loket, focus, true) {
                        EindeUitkomst::Open => {}
                        EindeUitkomst::Geannuleerd => *einde = None,
                        EindeUitkomst::Opgeslagen => {
                            *einde = None;
                            opgeslagen = true;
                        }
                    }
                }
                ui.add_space(10.0);
                verwijzingen_ui(ui, dossier);
                ui.add_space(10.0);
                ave_historie_ui(ui, dossier, vandaag, teksten);
            });
        if opgeslagen {
            self.inhoud = loket
                .dossier(&self.id)
                .map_err(|fout| format!("Het dossier kon niet worden gelezen: {fout}"));
            self.bericht = Some("Toekenning beëindigd.".to_owned());
        }
        self.focus_geheugen.einde(ui);
        actie
    }
}

/// What was asked on a toekenning row.
enum RijKeuze {
    /// Op- of afschalen: open the melding with its form.
    Herbeoordelen { melding: String, toekenning: String },
    /// End the toekenning at this index.
    Beeindigen(usize),
}

fn kop_ui(
    ui: &mut egui::Ui,
    d: &Dossier,
    vandaag: NaiveDate,
    teksten: &[AveNiveauTekst],
) -> Option<Actie> {
    let mut actie = None;
    let i = &d.inwoner;
    ui.horizontal(|ui| {
        ui.heading(RichText::new(i.naam()).size(24.0));
        ui.add_space(16.0);
        if ui.button("Nieuwe melding").clicked() {
            actie = Some(Actie::NieuweMelding(Some(i.id.clone())));
        }
    });
    egui::Grid::new("dossier-kop")
        .num_columns(2)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.label("Leeftijd:");
            ui.label(format!("{} jaar", leeftijd(i.geboortedatum, vandaag)));
            ui.end_row();
            ui.label("Geboortedatum:");
            ui.label(nl(i.geboortedatum));
            ui.end_row();
            ui.label("BSN:");
            ui.label(i.bsn.as_deref().unwrap_or("onbekend"));
            ui.end_row();
            ui.label("Woonplaats:");
            ui.label(&i.woonplaats);
            ui.end_row();
            ui.label("Wijkteam:");
            ui.label(i.wijkteam.as_deref().unwrap_or("geen"));
            ui.end_row();
            ui.label("AVE-niveau huishouden:");
            ui.horizontal(|ui| {
                match &d.ave_nu {
                    Some(ave) => {
                        ave_badge_ui(ui, ave.niveau, &naam_in(teksten, ave.niveau));
                        ui.label(format!("sinds {}", nl(ave.datum)));
                    }
                    None => {
                        ui.label("geen AVE-niveau vastgelegd");
                    }
                }
                if ui
                    .button("Huishouden bekijken")
                    .on_hover_text("Leden, AVE-tijdlijn en op- of afschalen")
                    .clicked()
                {
                    actie = Some(Actie::OpenHuishouden(d.huishouden.clone()));
                }
            });
            ui.end_row();
        });
    ui.add_space(8.0);
    ui.label(RichText::new("Huishouden").strong().size(16.0));
    if d.huisgenoten.is_empty() {
        ui.label("Geen andere leden van het huishouden bekend.");
    } else {
        for lid in &d.huisgenoten {
            let tekst = format!(
                "{} ({} jaar)",
                lid.naam,
                leeftijd(lid.geboortedatum, vandaag)
            );
            if ui
                .link(tekst)
                .on_hover_text("Open het dossier van dit gezinslid")
                .clicked()
            {
                actie = Some(Actie::OpenDossier(lid.id.clone()));
            }
        }
    }
    actie
}

fn sectiekop_ui(ui: &mut egui::Ui, titel: &str, aantal: usize) {
    ui.separator();
    ui.label(
        RichText::new(format!("{titel} ({aantal})"))
            .strong()
            .size(18.0),
    );
}

fn tabel<'a>(ui: &'a mut egui::Ui, id: &str, breedtes: &[f32]) -> TableBuilder<'a> {
    let mut t = TableBuilder::new(ui)
        .id_salt(id)
        .striped(true)
        .vscroll(false)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for (n, b) in breedtes.iter().enumerate() {
        t = if n + 1 == breedtes.len() {
            t.column(Column::remainder().at_least(*b).clip(true))
        } else {
            t.column(Column::initial(*b).at_least(60.0).clip(true))
        };
    }
    t
}

fn kop_rij(koppen: &[&str]) -> impl FnOnce(egui_extras::TableRow<'_, '_>) {
    let koppen: Vec<String> = koppen.iter().map(|k| (*k).to_owned()).collect();
    move |mut rij| {
        for k in koppen {
            rij.col(|ui| {
                ui.label(RichText::new(k).strong());
            });
        }
    }
}

fn cellen(rij: &mut egui_extras::TableRow<'_, '_>, teksten: &[String]) {
    for t in teksten {
        rij.col(|ui| {
            ui.label(t);
        });
    }
}

fn meldingen_ui(ui: &mut egui::Ui, d: &Dossier) -> Option<Actie> {
    sectiekop_ui(ui, "Meldingen", d.meldingen.len());
    if d.meldingen.is_empty() {
        ui.label("Geen meldingen.");
        return None;
    }
    ui.weak("Klik op de datum van een melding om de klantreis te openen.");
    let mut actie = None;
    tabel(
        ui,
        "meldingen",
        &[95.0, 130.0, 95.0, 120.0, 95.0, 200.0, 150.0],
    )
    .header(
        24.0,
        kop_rij(&[
            "Datum",
            "Bron",
            "Gesprek",
            "Onderzoek klaar",
            "Afgesloten",
            "Uitkomst",
            "Gevraagd",
        ]),
    )
    .body(|mut body| {
        for m in &d.meldingen {
            body.row(22.0, |mut rij| {
                rij.col(|ui| {
                    if ui
                        .link(nl(m.datum))
                        .on_hover_text("Open de klantreis van deze melding")
                        .clicked()
                    {
                        actie = Some(Actie::OpenMelding(m.id.clone()));
                    }
                });
                cellen(
                    &mut rij,
                    &[
                        m.bron.label().to_owned(),
                        nl_of_streep(m.gesprek),
                        nl_of_streep(m.onderzoek_klaar),
                        nl_of_streep(m.afgesloten),
                        m.uitkomst
                            .map_or_else(|| "nog open".to_owned(), |u| u.label().to_owned()),
                        m.gevraagde_voorziening
                            .clone()
                            .unwrap_or_else(|| "–".to_owned()),
                    ],
                );
            });
        }
    });
    actie
}

fn periode(start: Option<NaiveDate>, eind: Option<NaiveDate>) -> String {
    match (start, eind) {
        (None, _) => "nog niet gestart".to_owned(),
        (Some(s), None) => format!("vanaf {}", nl(s)),
        (Some(s), Some(e)) => format!("{} t/m {}", nl(s), nl(e)),
    }
}

fn toekenningen_ui(ui: &mut egui::Ui, d: &Dossier) -> Option<RijKeuze> {
    sectiekop_ui(ui, "Toekenningen (maatwerk)", d.toekenningen.len());
    if d.toekenningen.is_empty() {
        ui.label("Geen toekenningen.");
        return None;
    }
    let mut keuze = None;
    tabel(
        ui,
        "toekenningen",
        &[160.0, 110.0, 85.0, 160.0, 110.0, 180.0, 200.0],
    )
    .header(
        24.0,
        kop_rij(&[
            "Voorziening",
            "Aanbieder",
            "Besluit",
            "Periode",
            "Verwijzer",
            "Status",
            "Wijzigen",
        ]),
    )
    .body(|mut body| {
        for (n, t) in d.toekenningen.iter().enumerate() {
            body.row(24.0, |mut rij| {
                cellen(
                    &mut rij,
                    &[
                        t.voorziening.clone(),
                        t.aanbieder.clone().unwrap_or_else(|| "–".to_owned()),
                        nl(t.besluit),
                        if t.status == ToekenningStatus::Afgewezen {
                            "–".to_owned()
                        } else {
                            periode(t.start, t.eind)
                        },
                        t.verwijzer.label().to_owned(),
                    ],
                );
                rij.col(|ui| {
                    let tekst = RichText::new(t.status.label());
                    ui.label(match t.status {
                        ToekenningStatus::Wachtend { .. } => tekst.strong().color(WACHTEND_KLEUR),
                        _ => tekst,
                    });
                });
                rij.col(|ui| {
                    if !loopt(t) {
                        return;
                    }
                    let schalen = ui.add_enabled(
                        t.melding.is_some(),
                        egui::Button::new("Op- of afschalen").small(),
                    );
                    let schalen = schalen
                        .on_hover_text("Nieuw besluit bij de melding van deze toekenning")
                        .on_disabled_hover_text(
                            "Deze toekenning hoort bij geen melding (directe verwijzing). \
                             Leg eerst een nieuwe melding vast om op of af te schalen.",
                        );
                    if schalen.clicked()
                        && let Some(m) = &t.melding
                    {
                        keuze = Some(RijKeuze::Herbeoordelen {
                            melding: m.clone(),
                            toekenning: t.id.clone(),
                        });
                    }
                    if ui
                        .small_button("Beëindigen")
                        .on_hover_text("Einddatum en reden vastleggen")
                        .clicked()
                    {
                        keuze = Some(RijKeuze::Beeindigen(n));
                    }
                });
            });
        }
    });
    keuze
}

fn verwijzingen_ui(ui: &mut egui::Ui, d: &Dossier) {
    sectiekop_ui(ui, "Verwijzingen", d.verwijzingen.len());
    if d.verwijzingen.is_empty() {
        ui.label("Geen verwijzingen.");
        return;
    }
    tabel(ui, "verwijzingen", &[240.0, 95.0, 120.0, 120.0])
        .header(
            24.0,
            kop_rij(&["Voorziening", "Datum", "Status", "Opgelost"]),
        )
        .body(|mut body| {
            for v in &d.verwijzingen {
                body.row(22.0, |mut rij| {
                    cellen(
                        &mut rij,
                        &[
                            v.voorziening.clone(),
                            nl(v.datum),
                            v.status.label().to_owned(),
                            match v.opgelost {
                                Some(true) => "ja".to_owned(),
                                Some(false) => "nee".to_owned(),
                                None => "nog niet bekend".to_owned(),
                            },
                        ],
                    );
                });
            }
        });
}

fn ave_historie_ui(ui: &mut egui::Ui, d: &Dossier, vandaag: NaiveDate, teksten: &[AveNiveauTekst]) {
    sectiekop_ui(
        ui,
        "AVE-geschiedenis van het huishouden",
        d.ave_historie.len(),
    );
    if d.ave_historie.is_empty() {
        ui.label("Geen AVE-niveaus vastgelegd.");
        return;
    }
    tabel(ui, "ave", &[95.0, 320.0, 280.0, 160.0, 180.0])
        .header(
            24.0,
            kop_rij(&[
                "Datum",
                "Niveau",
                "Reden",
                "Casusregisseur",
                "Procesregisseur",
            ]),
        )
        .body(|mut body| {
            for a in &d.ave_historie {
                body.row(24.0, |mut rij| {
                    rij.col(|ui| {
                        if a.datum > vandaag {
                            ui.label(format!("{} (gepland)", nl(a.datum)));
                        } else {
                            ui.label(nl(a.datum));
                        }
                    });
                    rij.col(|ui| {
                        ave_badge_ui(ui, a.niveau, &naam_in(teksten, a.niveau));
                    });
                    cellen(
                        &mut rij,
                        &[
                            a.reden.clone(),
                            a.casusregisseur.clone().unwrap_or_else(|| "–".to_owned()),
                            a.procesregisseur.clone().unwrap_or_else(|| "–".to_owned()),
                        ],
                    );
                });
            }
        });
}
