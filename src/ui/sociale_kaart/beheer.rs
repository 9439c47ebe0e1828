//! The beheer forms of the Sociale kaart: a provision, a provider, a
//! contract (new or changed), ending a provision, contract or provider on a
//! date, and deleting an unused provision. Ending a provider ends its
//! running contracts on that date (see `store::sociale_kaart_beheer`); the
//! form says so, and the confirmation says how many were ended.
//!
//! A form keeps what was typed until it is saved or deliberately thrown
//! away: a refused save shows the store's Dutch messages next to the fields
//! they concern (`StoreFout::Validatie`) and leaves every field as it was.
//! Enter saves, Esc cancels; cancelling with unsaved changes asks first.
//! Dates are typed as dd-mm-jjjj.

use chrono::NaiveDate;
use egui::{Key, RichText};

use crate::domain::datum::{nl, parse_nl};
use crate::domain::klantreis::Leefgebied;
use crate::domain::waarden::categorieen;
use crate::domain::{Aanbieder, Contract, ContractSoort, Voorziening, VoorzieningSoort, Wet};
use crate::gateway::Loket;
use crate::store::StoreFout;
use crate::store::sociale_kaart_beheer::VoorzieningInvoer;
use crate::ui::theme::FOUT_KLEUR;
use crate::ui::widgets::{Fouten, fouten_voor};

/// A provision being added or changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoorzieningFormulier {
    /// Empty for a new one (made from the name on saving).
    id: String,
    naam: String,
    soort: VoorzieningSoort,
    wet: Option<Wet>,
    categorie: Option<String>,
    kenmerken: String,
    leefgebieden: Vec<Leefgebied>,
    aanbieders: Vec<String>,
}

/// A provider being added or changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AanbiederFormulier {
    id: String,
    naam: String,
    kvk: String,
}

/// A contract being added or changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractFormulier {
    id: String,
    aanbieder: Option<String>,
    wet: Option<Wet>,
    soort: ContractSoort,
    van: String,
    tot: String,
}

/// What an end-date form ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Beeindig {
    /// A provision (`beeindigd_op`, field `datum`).
    Voorziening,
    /// A contract (`tot`).
    Contract,
    /// A provider: its running contracts (`tot`).
    Aanbieder,
}

impl Beeindig {
    /// The field the store names in its errors.
    fn veld(self) -> &'static str {
        match self {
            Beeindig::Voorziening => "datum",
            Beeindig::Contract | Beeindig::Aanbieder => "tot",
        }
    }

    /// What the form explains above the date.
    fn uitleg(self) -> &'static str {
        match self {
            Beeindig::Voorziening => {
                "De voorziening blijft in het register voor de besluiten en verwijzingen die haar noemen; \
                 na deze datum is ze niet meer te kiezen."
            }
            Beeindig::Contract => "Het contract loopt tot en met deze datum.",
            Beeindig::Aanbieder => {
                "Alle contracten van deze aanbieder die op deze datum nog lopen, eindigen op deze datum \
                 (hun laatste dag). Contracten die al eerder zijn beëindigd blijven zoals ze zijn."
            }
        }
    }
}

/// What a form edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inhoud {
    /// A provision.
    Voorziening(VoorzieningFormulier),
    /// A provider.
    Aanbieder(AanbiederFormulier),
    /// A contract.
    Contract(ContractFormulier),
    /// Ending a provision, contract or provider on a date.
    Beeindigen {
        /// What is ended.
        wat: Beeindig,
        /// Its id.
        id: String,
        /// What the user reads.
        naam: String,
        /// The date as typed.
        datum: String,
    },
    /// Deleting an unused provision (a confirmation).
    Verwijderen {
        /// Its id.
        id: String,
        /// Its name.
        naam: String,
    },
}

/// An open form: what it edits, how it started (to see unsaved changes),
/// and the errors of the last save.
#[derive(Debug, Clone)]
pub struct Formulier {
    inhoud: Inhoud,
    begin: Inhoud,
    nieuw: bool,
    fouten: Fouten,
    /// An error that belongs to no field shown.
    algemeen: Option<String>,
    vraag_weggooien: bool,
    /// Providers to choose from: (id, naam).
    aanbieders: Vec<(String, String)>,
    /// Whether the provision is in use (its kind and law then stay).
    in_gebruik: bool,
    /// Whether the first field has had the focus (given once, on opening).
    focus_gezet: bool,
}

/// The temp flag that tells the first text field of a form just opened to
/// take the focus.
fn eerste_veld_id() -> egui::Id {
    egui::Id::unique("sociale_kaart_eerste_veld")
}

/// How a form ended this frame.
pub enum Einde {
    /// Still open.
    Open,
    /// Closed without saving.
    Geannuleerd,
    /// Saved; the message says what.
    Opgeslagen(String),
}

impl Formulier {
    fn met(inhoud: Inhoud, nieuw: bool, aanbieders: Vec<(String, String)>) -> Formulier {
        Formulier {
            begin: inhoud.clone(),
            inhoud,
            nieuw,
            fouten: Fouten::new(),
            algemeen: None,
            vraag_weggooien: false,
            aanbieders,
            in_gebruik: false,
            focus_gezet: false,
        }
    }

    /// An empty provision form.
    #[must_use]
    pub fn nieuwe_voorziening(aanbieders: Vec<(String, String)>) -> Formulier {
        Formulier::met(
            Inhoud::Voorziening(VoorzieningFormulier {
                id: String::new(),
                naam: String::new(),
                soort: VoorzieningSoort::Algemeen,
                wet: None,
                categorie: None,
                kenmerken: String::new(),
                leefgebieden: Vec::new(),
                aanbieders: Vec::new(),
            }),
            true,
            aanbieders,
        )
    }

    /// A change form for a stored provision.
    #[must_use]
    pub fn wijzig_voorziening(
        v: &VoorzieningInvoer,
        in_gebruik: bool,
        aanbieders: Vec<(String, String)>,
    ) -> Formulier {
        let mut f = Formulier::met(
            Inhoud::Voorziening(VoorzieningFormulier {
                id: v.voorziening.id.clone(),
                naam: v.voorziening.naam.clone(),
                soort: v.voorziening.soort,
                wet: v.voorziening.wet,
                categorie: v.voorziening.categorie.clone(),
                kenmerken: v.voorziening.kenmerken.join(", "),
                leefgebieden: v.leefgebieden.clone(),
                aanbieders: v.aanbieders.clone(),
            }),
            false,
            aanbieders,
        );
        f.in_gebruik = in_gebruik;
        f
    }

    /// A provider form (empty when `a` is `None`).
    #[must_use]
    pub fn aanbieder(a: Option<(&str, &str, Option<&str>)>) -> Formulier {
        let nieuw = a.is_none();
        let (id, naam, kvk) = a.unwrap_or(("", "", None));
        Formulier::met(
            Inhoud::Aanbieder(AanbiederFormulier {
                id: id.to_owned(),
                naam: naam.to_owned(),
                kvk: kvk.unwrap_or_default().to_owned(),
            }),
            nieuw,
            Vec::new(),
        )
    }

    /// A contract form (empty when `c` is `None`).
    #[must_use]
    pub fn contract(c: Option<&Contract>, aanbieders: Vec<(String, String)>) -> Formulier {
        let inhoud = match c {
            Some(c) => ContractFormulier {
                id: c.id.clone(),
                aanbieder: Some(c.aanbieder.clone()),
                wet: Some(c.wet),
                soort: c.soort,
                van: nl(c.van),
                tot: c.tot.map(nl).unwrap_or_default(),
            },
            None => ContractFormulier {
                id: String::new(),
                aanbieder: None,
                wet: None,
                soort: ContractSoort::Raamcontract,
                van: String::new(),
                tot: String::new(),
            },
        };
        Formulier::met(Inhoud::Contract(inhoud), c.is_none(), aanbieders)
    }

    /// Ending a provision, contract or provider, the date filled with `vandaag`.
    #[must_use]
    pub fn beeindigen(wat: Beeindig, id: &str, naam: &str, vandaag: NaiveDate) -> Formulier {
        Formulier::met(
            Inhoud::Beeindigen {
                wat,
                id: id.to_owned(),
                naam: naam.to_owned(),
                datum: nl(vandaag),
            },
            false,
            Vec::new(),
        )
    }

    /// Confirming the deletion of an unused provision.
    #[must_use]
    pub fn verwijderen(id: &str, naam: &str) -> Formulier {
        Formulier::met(
            Inhoud::Verwijderen {
                id: id.to_owned(),
                naam: naam.to_owned(),
            },
            false,
            Vec::new(),
        )
    }

    /// Whether something was typed that is not saved.
    #[must_use]
    pub fn gewijzigd(&self) -> bool {
        self.inhoud != self.begin
    }

    fn titel(&self) -> String {
        match (&self.inhoud, self.nieuw) {
            (Inhoud::Voorziening(_), true) => "Nieuwe voorziening".to_owned(),
            (Inhoud::Voorziening(v), false) => format!("Voorziening wijzigen: {}", v.naam),
            (Inhoud::Aanbieder(_), true) => "Nieuwe aanbieder".to_owned(),
            (Inhoud::Aanbieder(a), false) => format!("Aanbieder wijzigen: {}", a.naam),
            (Inhoud::Contract(_), true) => "Nieuw contract".to_owned(),
            (Inhoud::Contract(_), false) => "Contract wijzigen".to_owned(),
            (Inhoud::Beeindigen { naam, .. }, _) => format!("Beëindigen: {naam}"),
            (Inhoud::Verwijderen { naam, .. }, _) => format!("Verwijderen: {naam}"),
        }
    }

    /// Draws the form and handles Enter, Esc and the buttons.
    pub fn ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> Einde {
        // Esc or Enter in an open drop-down list belongs to that list.
        let lijst_open = egui::Popup::is_any_open(ui.ctx());
        if !self.focus_gezet {
            // The first text field takes the focus: typing starts at once.
            ui.data_mut(|d| d.insert_temp(eerste_veld_id(), true));
            self.focus_gezet = true;
        }
        ui.heading(self.titel());
        ui.add_space(6.0);
        if self.vraag_weggooien {
            return self.weggooien_ui(ui);
        }
        if let Some(fout) = &self.algemeen {
            ui.colored_label(FOUT_KLEUR, RichText::new(fout).strong());
        }
        if !self.fouten.is_empty() || self.algemeen.is_some() {
            ui.colored_label(
                FOUT_KLEUR,
                "Niet opgeslagen. Verbeter wat in rood staat en probeer opnieuw.",
            );
        }
        let fouten = self.fouten.clone();
        let aanbieders = self.aanbieders.clone();
        let in_gebruik = self.in_gebruik;
        let mut opslaan = false;
        let mut annuleren = false;
        egui::ScrollArea::vertical()
            .auto_shrink([false, true])
            .max_height(ui.available_height() - 50.0)
            .show(ui, |ui| match &mut self.inhoud {
                Inhoud::Voorziening(v) => voorziening_velden_ui(ui, v, &fouten, &aanbieders, in_gebruik),
                Inhoud::Aanbieder(a) => aanbieder_velden_ui(ui, a, &fouten),
                Inhoud::Contract(c) => contract_velden_ui(ui, c, &fouten, &aanbieders),
                Inhoud::Beeindigen { wat, datum, .. } => {
                    ui.label(wat.uitleg());
                    ui.add_space(4.0);
                    egui::Grid::new("beeindig-velden").num_columns(3).show(ui, |ui| {
                        tekstveld_ui(ui, "Laatste dag (dd-mm-jjjj)", datum, fouten.get(wat.veld()));
                    });
                }
                Inhoud::Verwijderen { naam, .. } => {
                    ui.label(format!(
                        "'{naam}' wordt niet gebruikt in besluiten, verwijzingen of meldingen en kan worden verwijderd. \
                         Dit kan niet ongedaan worden gemaakt."
                    ));
                }
            });
        ui.add_space(6.0);
        let opslaan_tekst = match self.inhoud {
            Inhoud::Beeindigen { .. } => "Beëindigen",
            Inhoud::Verwijderen { .. } => "Verwijderen",
            _ => "Opslaan",
        };
        ui.horizontal(|ui| {
            opslaan |= ui.button(RichText::new(opslaan_tekst).strong()).clicked();
            annuleren |= ui.button("Annuleren").clicked();
            // Say what Enter does here: deleting is not saving.
            ui.label(format!(
                "Enter = {}, Esc = annuleren",
                opslaan_tekst.to_lowercase()
            ));
        });
        let (enter, esc) = if lijst_open {
            (false, false)
        } else {
            ui.input(|i| (i.key_pressed(Key::Enter), i.key_pressed(Key::Escape)))
        };
        if opslaan || enter {
            return self.bewaar(loket);
        }
        if annuleren || esc {
            if self.gewijzigd() {
                self.vraag_weggooien = true;
            } else {
                return Einde::Geannuleerd;
            }
        }
        Einde::Open
    }

    fn weggooien_ui(&mut self, ui: &mut egui::Ui) -> Einde {
        ui.label(
            RichText::new("U heeft wijzigingen die nog niet zijn opgeslagen. Wilt u ze weggooien?")
                .strong(),
        );
        let mut einde = Einde::Open;
        ui.horizontal(|ui| {
            if ui.button("Verder bewerken").clicked() {
                self.vraag_weggooien = false;
            }
            if ui.button("Wijzigingen weggooien").clicked() {
                einde = Einde::Geannuleerd;
            }
        });
        if ui.input(|i| i.key_pressed(Key::Escape)) {
            self.vraag_weggooien = false;
        }
        einde
    }

    fn bewaar(&mut self, loket: &Loket<'_>) -> Einde {
        let inhoud = self.inhoud.clone();
        let uitkomst = match &inhoud {
            Inhoud::Voorziening(v) => self.bewaar_voorziening(v, loket),
            Inhoud::Aanbieder(a) => {
                let id = if self.nieuw {
                    match loket.kaart_ids(crate::store::sociale_kaart_invoer::KaartTabel::Aanbieder)
                    {
                        Ok(ids) => nieuw_id("A", &a.naam, &ids),
                        Err(f) => return self.mislukt(&f, &[]),
                    }
                } else {
                    a.id.clone()
                };
                let kvk = a.kvk.trim();
                let record = Aanbieder {
                    id,
                    naam: a.naam.trim().to_owned(),
                    kvk: (!kvk.is_empty()).then(|| kvk.to_owned()),
                };
                let r = if self.nieuw {
                    loket.aanbieder_toevoegen(&record)
                } else {
                    loket.aanbieder_wijzigen(&record)
                };
                r.map(|()| format!("Aanbieder '{}' opgeslagen.", record.naam))
                    .map_err(|f| (f, &["naam", "kvk"][..]))
            }
            Inhoud::Contract(c) => self.bewaar_contract(c, loket),
            Inhoud::Beeindigen {
                wat,
                id,
                naam,
                datum,
            } => {
                let Some(d) = parse_nl(datum) else {
                    return self.datumfout(wat.veld(), datum);
                };
                let klaar = format!("'{naam}' beëindigd per {}.", nl(d));
                let r = match wat {
                    Beeindig::Voorziening => loket.voorziening_beeindigen(id, d).map(|()| klaar),
                    Beeindig::Contract => loket.contract_beeindigen(id, d).map(|()| klaar),
                    Beeindig::Aanbieder => loket
                        .aanbieder_beeindigen(id, d)
                        .map(|n| format!("{klaar} {}", contracten_beeindigd(n))),
                };
                r.map_err(|f| (f, &["tot", "datum"][..]))
            }
            Inhoud::Verwijderen { id, naam } => loket
                .voorziening_verwijderen(id)
                .map(|()| format!("'{naam}' verwijderd."))
                .map_err(|f| (f, &[][..])),
        };
        match uitkomst {
            Ok(bericht) => Einde::Opgeslagen(bericht),
            Err((f, velden)) => self.mislukt(&f, velden),
        }
    }

    fn mislukt(&mut self, fout: &StoreFout, velden: &[&str]) -> Einde {
        (self.fouten, self.algemeen) = fouten_voor(fout, velden);
        Einde::Open
    }

    fn datumfout(&mut self, veld: &'static str, tekst: &str) -> Einde {
        self.fouten = Fouten::from([(veld.to_owned(), datum_melding(tekst))]);
        self.algemeen = None;
        Einde::Open
    }

    fn bewaar_voorziening(
        &self,
        v: &VoorzieningFormulier,
        loket: &Loket<'_>,
    ) -> Result<String, (StoreFout, &'static [&'static str])> {
        const VELDEN: &[&str] = &[
            "naam",
            "soort",
            "wet",
            "categorie",
            "kenmerken",
            "aanbieders",
        ];
        let id = if self.nieuw {
            let ids = loket
                .kaart_ids(crate::store::sociale_kaart_invoer::KaartTabel::Voorziening)
                .map_err(|f| (f, VELDEN))?;
            nieuw_id("V", &v.naam, &ids)
        } else {
            v.id.clone()
        };
        let invoer = VoorzieningInvoer {
            voorziening: Voorziening {
                id,
                naam: v.naam.trim().to_owned(),
                soort: v.soort,
                wet: v.wet,
                categorie: v.categorie.clone(),
                kenmerken: v
                    .kenmerken
                    .split(',')
                    .map(str::trim)
                    .filter(|k| !k.is_empty())
                    .map(str::to_owned)
                    .collect(),
            },
            leefgebieden: v.leefgebieden.clone(),
            aanbieders: v.aanbieders.clone(),
        };
        let r = if self.nieuw {
            loket.voorziening_toevoegen(&invoer)
        } else {
            loket.voorziening_wijzigen(&invoer)
        };
        r.map(|()| format!("Voorziening '{}' opgeslagen.", invoer.voorziening.naam))
            .map_err(|f| (f, VELDEN))
    }

    fn bewaar_contract(
        &self,
        c: &ContractFormulier,
        loket: &Loket<'_>,
    ) -> Result<String, (StoreFout, &'static [&'static str])> {
        const VELDEN: &[&str] = &["aanbieder", "wet", "soort", "van", "tot"];
        let mut fouten = Vec::new();
        if c.aanbieder.is_none() {
            fouten.push(crate::domain::Veldfout::new(
                "aanbieder",
                crate::domain::DomeinFout::Leeg,
            ));
        }
        if c.wet.is_none() {
            fouten.push(crate::domain::Veldfout::new(
                "wet",
                crate::domain::DomeinFout::Leeg,
            ));
        }
        let van = parse_nl(&c.van);
        if van.is_none() {
            fouten.push(crate::domain::Veldfout::new(
                "van",
                crate::domain::DomeinFout::Datum(c.van.trim().to_owned()),
            ));
        }
        let tot = if c.tot.trim().is_empty() {
            None
        } else {
            let tot = parse_nl(&c.tot);
            if tot.is_none() {
                fouten.push(crate::domain::Veldfout::new(
                    "tot",
                    crate::domain::DomeinFout::Datum(c.tot.trim().to_owned()),
                ));
            }
            tot
        };
        let (Some(aanbieder), Some(wet), Some(van), true) =
            (c.aanbieder.clone(), c.wet, van, fouten.is_empty())
        else {
            return Err((StoreFout::Validatie(fouten), VELDEN));
        };
        let id = if self.nieuw {
            let ids = loket
                .kaart_ids(crate::store::sociale_kaart_invoer::KaartTabel::Contract)
                .map_err(|f| (f, VELDEN))?;
            nieuw_id("C", &format!("{aanbieder}-{}", wet.code()), &ids)
        } else {
            c.id.clone()
        };
        let record = Contract {
            id,
            aanbieder,
            wet,
            soort: c.soort,
            van,
            tot,
        };
        let r = if self.nieuw {
            loket.contract_toevoegen(&record)
        } else {
            loket.contract_wijzigen(&record)
        };
        r.map(|()| "Contract opgeslagen.".to_owned())
            .map_err(|f| (f, VELDEN))
    }
}

/// "1 lopend contract beëindigd." / "3 lopende contracten beëindigd."
fn contracten_beeindigd(n: usize) -> String {
    if n == 1 {
        "1 lopend contract beëindigd.".to_owned()
    } else {
        format!("{n} lopende contracten beëindigd.")
    }
}

/// The Dutch message for a date that could not be read.
fn datum_melding(tekst: &str) -> String {
    if tekst.trim().is_empty() {
        "vul een datum in (dd-mm-jjjj)".to_owned()
    } else {
        format!(
            "'{}' is geen datum; typ dd-mm-jjjj, bijvoorbeeld 31-12-2026",
            tekst.trim()
        )
    }
}

/// A free identifier: `prefix-NAAM` in capitals, with `-2`, `-3`… when taken.
#[must_use]
pub fn nieuw_id(prefix: &str, naam: &str, bestaande: &[String]) -> String {
    let mut slug = String::new();
    for c in naam.trim().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_uppercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let basis = if slug.is_empty() {
        format!("{prefix}-NIEUW")
    } else {
        format!("{prefix}-{slug}")
    };
    let mut id = basis.clone();
    let mut n = 2;
    while bestaande.contains(&id) {
        id = format!("{basis}-{n}");
        n += 1;
    }
    id
}

/// "een …" → "Een …": the store's messages read as sentences next to a field.
fn als_zin(tekst: &str) -> String {
    let mut tekens = tekst.chars();
    tekens.next().map_or_else(String::new, |eerste| {
        eerste.to_uppercase().chain(tekens).collect()
    })
}

/// The error cell after a field (empty when there is none).
fn fout_ui(ui: &mut egui::Ui, fout: Option<&String>) {
    match fout {
        Some(f) => {
            ui.colored_label(FOUT_KLEUR, als_zin(f));
        }
        None => {
            ui.label("");
        }
    }
    ui.end_row();
}

fn tekstveld_ui(ui: &mut egui::Ui, label: &str, tekst: &mut String, fout: Option<&String>) {
    let l = ui.label(label);
    // Sized, not "desired": a grid cell offers a new column only its width
    // of the last frame, which would keep the field at its 40-point start.
    let r = ui
        .add_sized(
            egui::vec2(320.0, ui.spacing().interact_size.y),
            egui::TextEdit::singleline(tekst).char_limit(crate::ui::widgets::lengte::NAAM),
        )
        .labelled_by(l.id);
    if ui
        .data_mut(|d| d.remove_temp::<bool>(eerste_veld_id()))
        .unwrap_or(false)
    {
        r.request_focus();
    }
    fout_ui(ui, fout);
}

fn keuze_ui<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    waarde: &mut T,
    opties: &[(T, String)],
    fout: Option<&String>,
    vast: bool,
) {
    let l = ui.label(label);
    let gekozen = opties
        .iter()
        .find(|(w, _)| w == waarde)
        .map_or_else(|| "kies…".to_owned(), |(_, t)| t.clone());
    ui.add_enabled_ui(!vast, |ui| {
        egui::ComboBox::from_id_salt(label)
            .selected_text(gekozen)
            .width(320.0)
            .show_ui(ui, |ui| {
                for (w, t) in opties {
                    ui.selectable_value(waarde, *w, t);
                }
            })
            .response
            .labelled_by(l.id)
    });
    fout_ui(ui, fout);
}

fn voorziening_velden_ui(
    ui: &mut egui::Ui,
    v: &mut VoorzieningFormulier,
    fouten: &Fouten,
    aanbieders: &[(String, String)],
    in_gebruik: bool,
) {
    if in_gebruik {
        ui.label("Deze voorziening is in gebruik: soort en wet liggen vast.");
    }
    egui::Grid::new("voorziening-velden")
        .num_columns(3)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            tekstveld_ui(ui, "Naam", &mut v.naam, fouten.get("naam"));
            let soorten: Vec<(VoorzieningSoort, String)> = VoorzieningSoort::ALLE
                .iter()
                .map(|s| (*s, s.label().to_owned()))
                .collect();
            keuze_ui(
                ui,
                "Soort",
                &mut v.soort,
                &soorten,
                fouten.get("soort"),
                in_gebruik,
            );
            let mut wetten: Vec<(Option<Wet>, String)> = vec![(None, "geen wet".to_owned())];
            wetten.extend(Wet::ALLE.iter().map(|w| (Some(*w), w.label().to_owned())));
            keuze_ui(
                ui,
                "Wet",
                &mut v.wet,
                &wetten,
                fouten.get("wet"),
                in_gebruik,
            );
            // The category list follows the law; a code of another law goes.
            let lijst = v.wet.and_then(categorieen);
            if let Some(c) = &v.categorie
                && !lijst.is_some_and(|l| l.iter().any(|(code, _)| code == c))
            {
                v.categorie = None;
            }
            let verplicht = v.soort == VoorzieningSoort::Maatwerk && lijst.is_some();
            let l = ui.label(if verplicht {
                "Productcategorie (verplicht)"
            } else {
                "Productcategorie"
            });
            let gekozen = match (&v.categorie, lijst) {
                (Some(c), Some(l)) => l
                    .iter()
                    .find(|(code, _)| code == c)
                    .map_or_else(|| c.clone(), |(code, naam)| format!("{code} {naam}")),
                _ if lijst.is_none() => "geen lijst bij deze wet".to_owned(),
                _ => "kies…".to_owned(),
            };
            ui.add_enabled_ui(lijst.is_some(), |ui| {
                egui::ComboBox::from_id_salt("Productcategorie")
                    .selected_text(gekozen)
                    .width(320.0)
                    .height(320.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut v.categorie, None, "geen");
                        for (code, naam) in lijst.unwrap_or_default() {
                            ui.selectable_value(
                                &mut v.categorie,
                                Some((*code).to_owned()),
                                format!("{code} {naam}"),
                            );
                        }
                    })
                    .response
                    .labelled_by(l.id)
            });
            fout_ui(ui, fouten.get("categorie"));
            tekstveld_ui(
                ui,
                "Kenmerken (met komma's)",
                &mut v.kenmerken,
                fouten.get("kenmerken"),
            );
        });
    // Check boxes in a grid of their own: wrapped rows inside the field
    // grid would overlap the next row.
    ui.add_space(8.0);
    ui.label(RichText::new("Leefgebieden die de voorziening beantwoordt").strong());
    vinkjes_ui(
        ui,
        "leefgebieden",
        Leefgebied::ALLE.iter().map(|l| (*l, l.label().to_owned())),
        &mut v.leefgebieden,
    );
    if let Some(f) = fouten.get("leefgebieden") {
        ui.colored_label(FOUT_KLEUR, f);
    }
    ui.add_space(8.0);
    ui.label(RichText::new("Aanbieders die de voorziening leveren").strong());
    vinkjes_ui(
        ui,
        "aanbieders",
        aanbieders
            .iter()
            .map(|(id, naam)| (id.clone(), naam.clone())),
        &mut v.aanbieders,
    );
    if let Some(f) = fouten.get("aanbieders") {
        ui.colored_label(FOUT_KLEUR, f);
    }
}

/// Check boxes, four to a row, adding to or removing from `gekozen`.
fn vinkjes_ui<T: Clone + PartialEq>(
    ui: &mut egui::Ui,
    id: &str,
    opties: impl Iterator<Item = (T, String)>,
    gekozen: &mut Vec<T>,
) {
    egui::Grid::new(id).num_columns(4).show(ui, |ui| {
        for (n, (waarde, tekst)) in opties.enumerate() {
            let mut aan = gekozen.contains(&waarde);
            if ui.checkbox(&mut aan, tekst).changed() {
                if aan {
                    gekozen.push(waarde);
                } else {
                    gekozen.retain(|x| *x != waarde);
                }
            }
            if n % 4 == 3 {
                ui.end_row();
            }
        }
    });
}

fn aanbieder_velden_ui(ui: &mut egui::Ui, a: &mut AanbiederFormulier, fouten: &Fouten) {
    egui::Grid::new("aanbieder-velden")
        .num_columns(3)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            tekstveld_ui(ui, "Naam", &mut a.naam, fouten.get("naam"));
            tekstveld_ui(ui, "KvK-nummer (8 cijfers)", &mut a.kvk, fouten.get("kvk"));
        });
}

fn contract_velden_ui(
    ui: &mut egui::Ui,
    c: &mut ContractFormulier,
    fouten: &Fouten,
    aanbieders: &[(String, String)],
) {
    egui::Grid::new("contract-velden")
        .num_columns(3)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            let l = ui.label("Aanbieder");
            let gekozen = c
                .aanbieder
                .as_deref()
                .and_then(|id| aanbieders.iter().find(|(a, _)| a == id))
                .map_or_else(|| "kies…".to_owned(), |(_, n)| n.clone());
            egui::ComboBox::from_id_salt("contract-aanbieder")
                .selected_text(gekozen)
                .width(320.0)
                .show_ui(ui, |ui| {
                    for (id, naam) in aanbieders {
                        ui.selectable_value(&mut c.aanbieder, Some(id.clone()), naam);
                    }
                })
                .response
                .labelled_by(l.id);
            fout_ui(ui, fouten.get("aanbieder"));
            let mut wetten: Vec<(Option<Wet>, String)> = vec![(None, "kies…".to_owned())];
            wetten.extend(Wet::ALLE.iter().map(|w| (Some(*w), w.label().to_owned())));
            keuze_ui(ui, "Wet", &mut c.wet, &wetten, fouten.get("wet"), false);
            let soorten: Vec<(ContractSoort, String)> = ContractSoort::ALLE
                .iter()
                .map(|s| (*s, s.label().to_owned()))
                .collect();
            keuze_ui(
                ui,
                "Soort contract",
                &mut c.soort,
                &soorten,
                fouten.get("soort"),
                false,
            );
            tekstveld_ui(ui, "Van (dd-mm-jjjj)", &mut c.van, fouten.get("van"));
            tekstveld_ui(
                ui,
                "Tot en met (dd-mm-jjjj, leeg = loopt door)",
                &mut c.tot,
                fouten.get("tot"),
            );
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nieuw_id_is_vrij() {
        let bestaande = vec!["V-DAGBESTEDING".to_owned(), "V-DAGBESTEDING-2".to_owned()];
        assert_eq!(
            nieuw_id("V", "Dagbesteding", &bestaande),
            "V-DAGBESTEDING-3"
        );
        assert_eq!(nieuw_id("A", "  Zorg & Co. ", &[]), "A-ZORG-CO");
        assert_eq!(nieuw_id("A", "", &[]), "A-NIEUW");
    }
}
