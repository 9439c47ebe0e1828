//! The Sociale kaart screen: provisions, providers and contracts, filtered by
//! kind of provision and law. Read once per filter change and after a save.
//!
//! A beheerder or teamleider ("werken als") also keeps the kaart: select a
//! row, then Wijzigen, Beëindigen or Verwijderen (a provision in use can only
//! be ended; ending a provider ends its running contracts), or start a new
//! one. The forms live in `sociale_kaart_beheer`
//! and replace the lists while open, so nothing typed is lost by a stray
//! click on a tab.

pub mod beheer;

use chrono::NaiveDate;
use egui::RichText;
use egui_extras::{Column, TableBuilder};

use crate::domain::datum::{nl, nl_of_streep};
use crate::domain::waarden::categorie_naam;
use crate::domain::{VoorzieningSoort, Wet};
use crate::gateway::Loket;
use crate::store::medewerkers::MedewerkerRij;
use crate::store::sociale_kaart::{AanbiederRij, ContractRij, KaartFilter, VoorzieningRij};
use crate::store::toegang::{Recht, heeft};
use crate::ui::actie::Actie;
use crate::ui::scherm::SchermUi;
use crate::ui::theme::{FOUT_KLEUR, GOED_KLEUR};
use beheer::{Beeindig, Einde, Formulier};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Tab {
    #[default]
    Voorzieningen,
    Aanbieders,
    Contracten,
}

struct Inhoud {
    voorzieningen: Vec<VoorzieningRij>,
    /// Ended provisions: id and last day.
    beeindigd: Vec<(String, NaiveDate)>,
    aanbieders: Vec<AanbiederRij>,
    contracten: Vec<ContractRij>,
}

/// The selected provision's details: end date and whether it is in use.
struct Gekozen {
    id: String,
    naam: String,
    beeindigd_op: Option<NaiveDate>,
    in_gebruik: bool,
}

/// State of the Sociale kaart screen.
#[derive(Default)]
pub struct SocialeKaartScherm {
    filter: KaartFilter,
    tab: Tab,
    geladen: Option<(KaartFilter, Result<Inhoud, String>)>,
    /// The selected row per tab (record id).
    gekozen_voorziening: Option<String>,
    gekozen_aanbieder: Option<String>,
    gekozen_contract: Option<String>,
    /// Details of the selected provision, read once per selection.
    detail: Option<Result<Gekozen, String>>,
    /// The open beheer form, if any (it replaces the lists until closed).
    formulier: Option<Formulier>,
    /// What the last save did, or why an action could not start.
    bericht: Option<(bool, String)>,
}

/// Whether the medewerker may change the sociale kaart: the beheerder
/// (the store refuses anyone else too: `store::toegang`).
fn mag_bewerken(medewerker: Option<&MedewerkerRij>) -> bool {
    medewerker.is_some_and(|m| heeft(m.rol, Recht::SocialeKaartBeheer))
}

impl SocialeKaartScherm {
    /// Whether an open beheer form holds input that is not saved.
    #[must_use]
    pub fn gewijzigd(&self) -> bool {
        self.formulier.as_ref().is_some_and(Formulier::gewijzigd)
    }

    /// Drops the open beheer form (the user chose to leave without saving).
    pub fn sluit_formulier(&mut self) {
        self.formulier = None;
    }

    /// Forget cached rows (after an import).
    pub fn vernieuw(&mut self) {
        self.geladen = None;
        self.detail = None;
    }

    fn laad(&mut self, loket: &Loket<'_>) {
        if self
            .geladen
            .as_ref()
            .is_some_and(|(f, _)| *f == self.filter)
        {
            return;
        }
        let inhoud = (|| -> Result<Inhoud, crate::store::StoreFout> {
            Ok(Inhoud {
                voorzieningen: loket.voorzieningen(self.filter)?,
                beeindigd: loket.beeindigde_voorzieningen()?,
                aanbieders: loket.aanbieders(self.filter.wet)?,
                contracten: loket.contracten(self.filter.wet)?,
            })
        })()
        .map_err(|fout| format!("De sociale kaart kon niet worden gelezen: {fout}"));
        self.geladen = Some((self.filter, inhoud));
    }

    fn laad_detail(&mut self, loket: &Loket<'_>) {
        let Some(id) = &self.gekozen_voorziening else {
            self.detail = None;
            return;
        };
        if matches!(&self.detail, Some(Ok(g)) if g.id == *id) {
            return;
        }
        let gelezen = loket.voorziening_detail(id).and_then(|d| {
            Ok(Gekozen {
                id: id.clone(),
                naam: d.invoer.voorziening.naam,
                beeindigd_op: d.beeindigd_op,
                in_gebruik: loket.voorziening_in_gebruik(id)?,
            })
        });
        self.detail = match gelezen {
            // Deleted (by this beheerder a moment ago, or in another
            // window): nothing is chosen any more; that is no error.
            Err(crate::store::StoreFout::NietGevonden(_)) => {
                self.gekozen_voorziening = None;
                None
            }
            gelezen => Some(gelezen.map_err(|f| {
                format!(
                    "De voorziening kon niet worden gelezen: {}",
                    f.to_string().trim_end_matches('.')
                )
            })),
        };
    }

    /// Opens the form for `start`, reading what it needs.
    fn begin(&mut self, start: Start, loket: &Loket<'_>, vandaag: NaiveDate) {
        self.bericht = None;
        let aanbieders = || -> Result<Vec<(String, String)>, crate::store::StoreFout> {
            Ok(loket
                .aanbieders(None)?
                .into_iter()
                .map(|a| (a.id, a.naam))
                .collect())
        };
        let formulier = (|| -> Result<Formulier, crate::store::StoreFout> {
            Ok(match start {
                Start::NieuweVoorziening => Formulier::nieuwe_voorziening(aanbieders()?),
                Start::WijzigVoorziening(id) => {
                    let d = loket.voorziening_detail(&id)?;
                    let in_gebruik = loket.voorziening_in_gebruik(&id)?;
                    Formulier::wijzig_voorziening(&d.invoer, in_gebruik, aanbieders()?)
                }
                Start::BeeindigVoorziening(id, naam) => {
                    Formulier::beeindigen(Beeindig::Voorziening, &id, &naam, vandaag)
                }
                Start::VerwijderVoorziening(id, naam) => Formulier::verwijderen(&id, &naam),
                Start::NieuweAanbieder => Formulier::aanbieder(None),
                Start::WijzigAanbieder(id, naam, kvk) => {
                    Formulier::aanbieder(Some((&id, &naam, kvk.as_deref())))
                }
                Start::BeeindigAanbieder(id, naam) => {
                    Formulier::beeindigen(Beeindig::Aanbieder, &id, &naam, vandaag)
                }
                Start::NieuwContract => Formulier::contract(None, aanbieders()?),
                Start::WijzigContract(id) => {
                    let c = loket.contract(&id)?;
                    Formulier::contract(Some(&c), aanbieders()?)
                }
                Start::BeeindigContract(id, naam) => {
                    Formulier::beeindigen(Beeindig::Contract, &id, &naam, vandaag)
                }
            })
        })();
        match formulier {
            Ok(f) => self.formulier = Some(f),
            Err(fout) => {
                self.bericht = Some((
                    false,
                    format!("Het formulier kon niet worden geopend: {fout}"),
                ));
            }
        }
    }
}

impl SchermUi for SocialeKaartScherm {
    /// Draws the screen. A beheerder may change the kaart, anyone else
    /// reads it.
    fn ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> Option<Actie> {
        let vandaag = loket.vandaag();
        let medewerker = loket.sessie().map(crate::gateway::Sessie::gebruiker);
        let bewerken = mag_bewerken(medewerker);
        if let Some(formulier) = &mut self.formulier {
            if !bewerken {
                self.formulier = None;
                return None;
            }
            match formulier.ui(ui, loket) {
                Einde::Open => {}
                Einde::Geannuleerd => self.formulier = None,
                Einde::Opgeslagen(bericht) => {
                    self.formulier = None;
                    self.bericht = Some((true, bericht));
                    self.vernieuw();
                }
            }
            return None;
        }
        ui.heading("Sociale kaart");
        ui.label(
            "Voorzieningen, aanbieders en contracten. Algemene voorzieningen gaan voor maatwerk.",
        );
        if !bewerken {
            ui.label("U kunt de sociale kaart hier bekijken. Wijzigen kan alleen een beheerder.");
        }
        if let Some((goed, bericht)) = self.bericht.clone() {
            ui.horizontal(|ui| {
                ui.colored_label(
                    if goed { GOED_KLEUR } else { FOUT_KLEUR },
                    RichText::new(bericht).strong(),
                );
                if ui.small_button("Sluiten").clicked() {
                    self.bericht = None;
                }
            });
        }
        ui.add_space(4.0);
        let voorzieningen = self.tab == Tab::Voorzieningen;
        ui.horizontal(|ui| {
            // The kind applies to provisions only: shown on that tab only.
            if voorzieningen {
                let label = ui.label("Soort voorziening:");
                egui::ComboBox::from_id_salt("kaart-soort")
                    .selected_text(
                        self.filter
                            .soort
                            .map_or("Alle soorten", VoorzieningSoort::label),
                    )
                    .width(200.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.filter.soort, None, "Alle soorten");
                        for s in VoorzieningSoort::ALLE {
                            ui.selectable_value(&mut self.filter.soort, Some(*s), s.label());
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.add_space(12.0);
            }
            let label = ui.label("Wet:");
            egui::ComboBox::from_id_salt("kaart-wet")
                .selected_text(self.filter.wet.map_or("Alle wetten", Wet::label))
                .width(260.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.wet, None, "Alle wetten");
                    for w in Wet::ALLE {
                        ui.selectable_value(&mut self.filter.wet, Some(*w), w.label());
                    }
                })
                .response
                .labelled_by(label.id);
        });
        self.laad(loket);
        if self.tab == Tab::Voorzieningen {
            self.laad_detail(loket);
        }
        let Some((_, inhoud)) = &self.geladen else {
            return None;
        };
        let inhoud = match inhoud {
            Ok(i) => i,
            Err(fout) => {
                ui.colored_label(FOUT_KLEUR, fout);
                return None;
            }
        };
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.selectable_value(
                &mut self.tab,
                Tab::Voorzieningen,
                format!("Voorzieningen ({})", inhoud.voorzieningen.len()),
            );
            ui.selectable_value(
                &mut self.tab,
                Tab::Aanbieders,
                format!("Aanbieders ({})", inhoud.aanbieders.len()),
            );
            ui.selectable_value(
                &mut self.tab,
                Tab::Contracten,
                format!("Contracten ({})", inhoud.contracten.len()),
            );
        });
        let mut start = None;
        if bewerken {
            ui.add_space(4.0);
            start = match self.tab {
                Tab::Voorzieningen => voorziening_knoppen_ui(
                    ui,
                    self.detail.as_ref(),
                    self.gekozen_voorziening.is_some(),
                ),
                Tab::Aanbieders => {
                    aanbieder_knoppen_ui(ui, self.gekozen_aanbieder.as_deref(), inhoud)
                }
                Tab::Contracten => {
                    contract_knoppen_ui(ui, self.gekozen_contract.as_deref(), inhoud)
                }
            };
        } else if self.tab == Tab::Voorzieningen
            && let Some(Ok(g)) = &self.detail
        {
            gekozen_status_ui(ui, g);
        }
        ui.separator();
        match self.tab {
            Tab::Voorzieningen => {
                voorzieningen_ui(
                    ui,
                    &inhoud.voorzieningen,
                    &inhoud.beeindigd,
                    vandaag,
                    &mut self.gekozen_voorziening,
                );
            }
            Tab::Aanbieders => aanbieders_ui(ui, &inhoud.aanbieders, &mut self.gekozen_aanbieder),
            Tab::Contracten => {
                contracten_ui(ui, &inhoud.contracten, vandaag, &mut self.gekozen_contract);
            }
        }
        if let Some(start) = start {
            self.begin(start, loket, vandaag);
        }
        None
    }

    fn gewijzigd(&self) -> bool {
        SocialeKaartScherm::gewijzigd(self)
    }

    fn gooi_weg(&mut self) {
        self.sluit_formulier();
    }

    fn vernieuw(&mut self) {
        SocialeKaartScherm::vernieuw(self);
    }
}

/// Which form a button asked for.
enum Start {
    NieuweVoorziening,
    WijzigVoorziening(String),
    BeeindigVoorziening(String, String),
    VerwijderVoorziening(String, String),
    NieuweAanbieder,
    WijzigAanbieder(String, String, Option<String>),
    BeeindigAanbieder(String, String),
    NieuwContract,
    WijzigContract(String),
    BeeindigContract(String, String),
}

fn gekozen_status_ui(ui: &mut egui::Ui, g: &Gekozen) {
    let tekst = match g.beeindigd_op {
        Some(d) => format!("Gekozen: {} — beëindigd per {}", g.naam, nl(d)),
        None => format!("Gekozen: {}", g.naam),
    };
    ui.label(tekst);
}

fn voorziening_knoppen_ui(
    ui: &mut egui::Ui,
    detail: Option<&Result<Gekozen, String>>,
    iets_gekozen: bool,
) -> Option<Start> {
    let mut start = None;
    let g = match detail {
        Some(Ok(g)) if iets_gekozen => Some(g),
        _ => None,
    };
    ui.horizontal(|ui| {
        if ui.button("Nieuwe voorziening").clicked() {
            start = Some(Start::NieuweVoorziening);
        }
        ui.add_enabled_ui(g.is_some(), |ui| {
            if ui.button("Wijzigen").clicked()
                && let Some(g) = g
            {
                start = Some(Start::WijzigVoorziening(g.id.clone()));
            }
            if ui.button("Beëindigen").clicked()
                && let Some(g) = g
            {
                start = Some(Start::BeeindigVoorziening(g.id.clone(), g.naam.clone()));
            }
            let in_gebruik = g.is_some_and(|g| g.in_gebruik);
            let verwijder = ui
                .add_enabled(!in_gebruik, egui::Button::new("Verwijderen"))
                .on_disabled_hover_text(
                    "In gebruik bij besluiten, verwijzingen of meldingen: kan alleen worden beëindigd.",
                );
            if verwijder.clicked()
                && let Some(g) = g
            {
                start = Some(Start::VerwijderVoorziening(g.id.clone(), g.naam.clone()));
            }
        });
    });
    // One status line, always there, so choosing a row never moves the list.
    ui.horizontal(|ui| match g {
        Some(g) => {
            gekozen_status_ui(ui, g);
            if g.in_gebruik {
                ui.label("In gebruik: kan niet worden verwijderd, alleen beëindigd.");
            }
        }
        None => {
            ui.label(
                "Klik op een voorziening om die te wijzigen, te beëindigen of te verwijderen.",
            );
        }
    });
    if let Some(Err(fout)) = detail {
        ui.colored_label(FOUT_KLEUR, fout);
    }
    start
}

fn aanbieder_knoppen_ui(
    ui: &mut egui::Ui,
    gekozen: Option<&str>,
    inhoud: &Inhoud,
) -> Option<Start> {
    let a = gekozen.and_then(|id| inhoud.aanbieders.iter().find(|a| a.id == id));
    let mut start = None;
    ui.horizontal(|ui| {
        if ui.button("Nieuwe aanbieder").clicked() {
            start = Some(Start::NieuweAanbieder);
        }
        ui.add_enabled_ui(a.is_some(), |ui| {
            if ui.button("Wijzigen").clicked()
                && let Some(a) = a
            {
                start = Some(Start::WijzigAanbieder(
                    a.id.clone(),
                    a.naam.clone(),
                    a.kvk.clone(),
                ));
            }
            if ui
                .button("Beëindigen")
                .on_hover_text("Beëindigt alle lopende contracten van deze aanbieder op één datum.")
                .clicked()
                && let Some(a) = a
            {
                start = Some(Start::BeeindigAanbieder(a.id.clone(), a.naam.clone()));
            }
        });
        match a {
            Some(a) => {
                ui.label(format!("Gekozen: {}", a.naam));
            }
            None => {
                ui.weak("Klik op een aanbieder om die te wijzigen of te beëindigen.");
            }
        }
    });
    start
}

fn contract_knoppen_ui(ui: &mut egui::Ui, gekozen: Option<&str>, inhoud: &Inhoud) -> Option<Start> {
    let c = gekozen.and_then(|id| inhoud.contracten.iter().find(|c| c.id == id));
    let mut start = None;
    ui.horizontal(|ui| {
        if ui.button("Nieuw contract").clicked() {
            start = Some(Start::NieuwContract);
        }
        ui.add_enabled_ui(c.is_some(), |ui| {
            if ui.button("Wijzigen").clicked()
                && let Some(c) = c
            {
                start = Some(Start::WijzigContract(c.id.clone()));
            }
            if ui.button("Beëindigen").clicked()
                && let Some(c) = c
            {
                start = Some(Start::BeeindigContract(
                    c.id.clone(),
                    format!("contract {} ({})", c.aanbieder, c.wet.label()),
                ));
            }
        });
        match c {
            Some(c) => {
                ui.label(format!("Gekozen: {} – {}", c.aanbieder, c.wet.label()));
            }
            None => {
                ui.weak("Klik op een contract om het te wijzigen of te beëindigen.");
            }
        }
    });
    start
}

fn tabel<'a>(ui: &'a mut egui::Ui, id: &str, breedtes: &[f32]) -> TableBuilder<'a> {
    let mut t = TableBuilder::new(ui)
        .id_salt(id)
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .min_scrolled_height(0.0);
    for (n, b) in breedtes.iter().enumerate() {
        t = if n + 1 == breedtes.len() {
            t.column(Column::remainder().at_least(*b).clip(true))
        } else {
            t.column(Column::initial(*b).at_least(60.0).clip(true))
        };
    }
    t
}

fn koppen(mut rij: egui_extras::TableRow<'_, '_>, titels: &[&str]) {
    for t in titels {
        rij.col(|ui| {
            ui.label(RichText::new(*t).strong());
        });
    }
}

/// The first cell of a row: its name, selectable.
fn kies_cel(
    rij: &mut egui_extras::TableRow<'_, '_>,
    id: &str,
    naam: &str,
    gekozen: &mut Option<String>,
) {
    rij.col(|ui| {
        let aan = gekozen.as_deref() == Some(id);
        if ui.selectable_label(aan, naam).clicked() {
            *gekozen = Some(id.to_owned());
        }
    });
}

fn cellen(rij: &mut egui_extras::TableRow<'_, '_>, teksten: &[String]) {
    for t in teksten {
        rij.col(|ui| {
            ui.label(t);
        });
    }
}

fn voorzieningen_ui(
    ui: &mut egui::Ui,
    rijen: &[VoorzieningRij],
    beeindigd: &[(String, NaiveDate)],
    vandaag: NaiveDate,
    gekozen: &mut Option<String>,
) {
    if rijen.is_empty() {
        ui.label("Geen voorzieningen bij dit filter.");
        return;
    }
    tabel(
        ui,
        "kaart-voorzieningen",
        &[240.0, 170.0, 150.0, 200.0, 150.0, 140.0],
    )
    .header(24.0, |rij| {
        koppen(
            rij,
            &[
                "Naam",
                "Soort",
                "Wet",
                "Categorie",
                "Kenmerken",
                "Beëindigd",
            ],
        );
    })
    .body(|body| {
        body.rows(22.0, rijen.len(), |mut rij| {
            let Some(v) = rijen.get(rij.index()) else {
                return;
            };
            let categorie = match (&v.categorie, v.wet) {
                (Some(code), Some(wet)) => match categorie_naam(wet, code) {
                    Some(naam) => format!("{code} {naam}"),
                    None => code.clone(),
                },
                (Some(code), None) => code.clone(),
                (None, _) => "–".to_owned(),
            };
            kies_cel(&mut rij, &v.id, &v.naam, gekozen);
            cellen(
                &mut rij,
                &[
                    v.soort.label().to_owned(),
                    v.wet.map_or("–", Wet::label).to_owned(),
                    categorie,
                    if v.kenmerken.is_empty() {
                        "–".to_owned()
                    } else {
                        v.kenmerken
                            .iter()
                            .map(|k| crate::ui::woorden::kenmerk(k))
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                    beeindigd.iter().find(|(id, _)| *id == v.id).map_or_else(
                        || "–".to_owned(),
                        |(_, d)| {
                            if *d < vandaag {
                                format!("sinds {}", nl(*d))
                            } else {
                                format!("per {}", nl(*d))
                            }
                        },
                    ),
                ],
            );
        });
    });
}

fn aanbieders_ui(ui: &mut egui::Ui, rijen: &[AanbiederRij], gekozen: &mut Option<String>) {
    if rijen.is_empty() {
        ui.label("Geen aanbieders.");
        return;
    }
    tabel(ui, "kaart-aanbieders", &[320.0, 120.0, 120.0])
        .header(24.0, |rij| {
            koppen(rij, &["Naam", "KvK-nummer", "Contracten"]);
        })
        .body(|body| {
            body.rows(22.0, rijen.len(), |mut rij| {
                let Some(a) = rijen.get(rij.index()) else {
                    return;
                };
                kies_cel(&mut rij, &a.id, &a.naam, gekozen);
                cellen(
                    &mut rij,
                    &[
                        a.kvk.clone().unwrap_or_else(|| "–".to_owned()),
                        a.contracten.to_string(),
                    ],
                );
            });
        });
}

fn contracten_ui(
    ui: &mut egui::Ui,
    rijen: &[ContractRij],
    vandaag: NaiveDate,
    gekozen: &mut Option<String>,
) {
    if rijen.is_empty() {
        ui.label("Geen contracten bij dit filter.");
        return;
    }
    tabel(
        ui,
        "kaart-contracten",
        &[260.0, 220.0, 150.0, 100.0, 100.0, 120.0],
    )
    .header(24.0, |rij| {
        koppen(
            rij,
            &["Aanbieder", "Wet", "Soort", "Van", "Tot", "Actief vandaag"],
        );
    })
    .body(|body| {
        body.rows(22.0, rijen.len(), |mut rij| {
            let Some(c) = rijen.get(rij.index()) else {
                return;
            };
            kies_cel(&mut rij, &c.id, &c.aanbieder, gekozen);
            cellen(
                &mut rij,
                &[
                    c.wet.label().to_owned(),
                    c.soort.label().to_owned(),
                    nl(c.van),
                    nl_of_streep(c.tot),
                    if c.is_actief(vandaag) {
                        "ja".to_owned()
                    } else {
                        "nee".to_owned()
                    },
                ],
            );
        });
    });
}
