//! The Sociale kaart screen: provisions, providers and contracts, filtered by
//! kind of provision and law. Read once per filter change.

use chrono::NaiveDate;
use egui::RichText;
use egui_extras::{Column, TableBuilder};

use crate::domain::datum::{nl, nl_of_streep};
use crate::domain::waarden::categorie_naam;
use crate::domain::{VoorzieningSoort, Wet};
use crate::store::sociale_kaart::{AanbiederRij, ContractRij, KaartFilter, VoorzieningRij};
use crate::ui::register::Register;
use crate::ui::theme::FOUT_KLEUR;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Tab {
    #[default]
    Voorzieningen,
    Aanbieders,
    Contracten,
}

struct Inhoud {
    voorzieningen: Vec<VoorzieningRij>,
    aanbieders: Vec<AanbiederRij>,
    contracten: Vec<ContractRij>,
}

/// State of the Sociale kaart screen.
#[derive(Default)]
pub struct SocialeKaartScherm {
    filter: KaartFilter,
    tab: Tab,
    geladen: Option<(KaartFilter, Result<Inhoud, String>)>,
}

impl SocialeKaartScherm {
    /// Forget cached rows (after an import).
    pub fn vernieuw(&mut self) {
        self.geladen = None;
    }

    fn laad(&mut self, register: &Register) {
        if self
            .geladen
            .as_ref()
            .is_some_and(|(f, _)| *f == self.filter)
        {
            return;
        }
        let inhoud = (|| -> Result<Inhoud, crate::store::StoreFout> {
            Ok(Inhoud {
                voorzieningen: register.voorzieningen(self.filter)?,
                aanbieders: register.aanbieders(self.filter.wet)?,
                contracten: register.contracten(self.filter.wet)?,
            })
        })()
        .map_err(|fout| format!("De sociale kaart kon niet worden gelezen: {fout}"));
        self.geladen = Some((self.filter, inhoud));
    }

    /// Draws the screen.
    pub fn ui(&mut self, ui: &mut egui::Ui, register: &Register, vandaag: NaiveDate) {
        ui.heading("Sociale kaart");
        ui.label(
            "Voorzieningen, aanbieders en contracten. Algemene voorzieningen gaan voor maatwerk.",
        );
        ui.add_space(4.0);
        ui.horizontal(|ui| {
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
        self.laad(register);
        let Some((_, inhoud)) = &self.geladen else {
            return;
        };
        let inhoud = match inhoud {
            Ok(i) => i,
            Err(fout) => {
                ui.colored_label(FOUT_KLEUR, fout);
                return;
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
        if self.filter.soort.is_some() && self.tab != Tab::Voorzieningen {
            ui.small("Het filter op soort geldt alleen voor voorzieningen; aanbieders en contracten volgen de wet.");
        }
        ui.separator();
        match self.tab {
            Tab::Voorzieningen => voorzieningen_ui(ui, &inhoud.voorzieningen),
            Tab::Aanbieders => aanbieders_ui(ui, &inhoud.aanbieders),
            Tab::Contracten => contracten_ui(ui, &inhoud.contracten, vandaag),
        }
    }
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

fn cellen(rij: &mut egui_extras::TableRow<'_, '_>, teksten: &[String]) {
    for t in teksten {
        rij.col(|ui| {
            ui.label(t);
        });
    }
}

fn voorzieningen_ui(ui: &mut egui::Ui, rijen: &[VoorzieningRij]) {
    if rijen.is_empty() {
        ui.label("Geen voorzieningen bij dit filter.");
        return;
    }
    tabel(
        ui,
        "kaart-voorzieningen",
        &[240.0, 170.0, 150.0, 240.0, 150.0],
    )
    .header(24.0, |rij| {
        koppen(rij, &["Naam", "Soort", "Wet", "Categorie", "Kenmerken"]);
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
            cellen(
                &mut rij,
                &[
                    v.naam.clone(),
                    v.soort.label().to_owned(),
                    v.wet.map_or("–", Wet::label).to_owned(),
                    categorie,
                    if v.kenmerken.is_empty() {
                        "–".to_owned()
                    } else {
                        v.kenmerken.join(", ")
                    },
                ],
            );
        });
    });
}

fn aanbieders_ui(ui: &mut egui::Ui, rijen: &[AanbiederRij]) {
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
                cellen(
                    &mut rij,
                    &[
                        a.naam.clone(),
                        a.kvk.clone().unwrap_or_else(|| "–".to_owned()),
                        a.contracten.to_string(),
                    ],
                );
            });
        });
}

fn contracten_ui(ui: &mut egui::Ui, rijen: &[ContractRij], vandaag: NaiveDate) {
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
            cellen(
                &mut rij,
                &[
                    c.aanbieder.clone(),
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
