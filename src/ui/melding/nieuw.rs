//! Nieuwe melding: one screen for the intake of a question, for a resident
//! already in the register or a new one (with the duplicate check before
//! saving), optionally closed at once with informatie en advies.
//!
//! The form keeps what was typed until it is saved; a failed save shows the
//! store's Dutch field errors beside the fields. Enter saves (not inside the
//! question), Esc cancels (asking first when something was typed).

use chrono::NaiveDate;
use egui::RichText;

use crate::domain::klantreis::Leefgebied;
use crate::domain::{Bron, Bsn, Wet};
use crate::gateway::{Dubbel, Loket};
use crate::store::klantreis::{DubbelReden, NieuweInwoner, NieuweMelding};
use crate::store::sociale_kaart::KaartFilter;
use crate::ui::actie::{Actie, Plek};
use crate::ui::scherm::SchermUi;
use crate::ui::theme::FOUT_KLEUR;
use crate::ui::widgets::datum::{datumveld_ui, lees};
use crate::ui::widgets::{
    FocusGeheugen, Fouten, fout_ui, fouten_bij_het_veld, fouten_uit, keuze_ui, markeer_meerregelig,
    tekstvak_ui, tekstveld_ui,
};

/// The typed fields of a new resident.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct InwonerVelden {
    voornaam: String,
    achternaam: String,
    geboortedatum: String,
    bsn: String,
    woonplaats: String,
    wijkteam: Option<String>,
    /// Same household as this resident (id); `None`: a new household.
    huishouden_van: Option<String>,
    huishouden_zoek: String,
}

/// The typed fields of the melding.
#[derive(Debug, Clone, PartialEq)]
struct MeldingVelden {
    datum: String,
    bron: Bron,
    vraag: String,
    leefgebieden: Vec<Leefgebied>,
    wet: Option<Wet>,
    gevraagd: Option<String>,
    spoed: bool,
    direct_afsluiten: bool,
    advies: String,
}

/// State of the Nieuwe melding screen.
pub struct MeldingNieuwScherm {
    /// The existing resident (id, name); `None`: a new resident is entered.
    inwoner: Option<(String, String)>,
    /// The resident the form was opened for (its place on the navigation stack).
    inwoner_bij_openen: Option<String>,
    /// Saved, or the user chose to leave without saving.
    weggegooid: bool,
    /// A resident saved by an earlier attempt whose melding failed.
    opgeslagen_inwoner: Option<String>,
    nieuw: InwonerVelden,
    melding: MeldingVelden,
    begin: (InwonerVelden, MeldingVelden),
    fouten: Fouten,
    algemeen: Option<String>,
    dubbelen: Option<Vec<Dubbel>>,
    toch_nieuw: bool,
    vraag_weggaan: bool,
    bsn_fout: Option<String>,
    keuzes: Keuzes,
    /// The cursor was put in the first field.
    focus_gezet: bool,
    focus_geheugen: FocusGeheugen,
}

#[derive(Default)]
struct Keuzes {
    wijkteams: Vec<(Option<String>, String)>,
    voorzieningen: Vec<(Option<String>, String)>,
    /// The Wet of each provision (by id); `None` for a general one.
    voorziening_wet: std::collections::HashMap<String, Option<Wet>>,
    huishouden_treffers: Vec<(String, String)>,
    /// "Naam (rol)" of the session's medewerker: the intaker of the melding.
    intaker: String,
}

impl MeldingNieuwScherm {
    /// A new melding for `inwoner` (id), or for a new resident when `None`.
    /// A list that cannot be read is said above the form, once.
    #[must_use]
    pub fn open(loket: &Loket<'_>, inwoner: Option<&str>) -> Self {
        let mut fouten_bij_lezen = Vec::new();
        let inwoner = inwoner.map(|id| {
            let naam = match loket.dossier(id) {
                Ok(d) => d.inwoner.naam(),
                Err(fout) => {
                    fouten_bij_lezen.push(format!("de inwoner kon niet worden gelezen: {fout}"));
                    id.to_owned()
                }
            };
            (id.to_owned(), naam)
        });
        let mut keuzes = Keuzes::default();
        keuzes.wijkteams.push((None, "geen".to_owned()));
        match loket.wijkteams() {
            Ok(teams) => keuzes
                .wijkteams
                .extend(teams.into_iter().map(|(id, naam)| (Some(id), naam))),
            Err(fout) => {
                fouten_bij_lezen.push(format!("de wijkteams konden niet worden gelezen: {fout}"));
            }
        }
        keuzes.intaker = loket.sessie().map_or_else(String::new, |s| {
            format!("{} ({})", s.naam(), s.rol().label().to_lowercase())
        });
        keuzes.voorzieningen.push((None, "geen".to_owned()));
        match loket.voorzieningen(KaartFilter::default()) {
            Ok(lijst) => keuzes.voorzieningen.extend(lijst.into_iter().map(|v| {
                keuzes.voorziening_wet.insert(v.id.clone(), v.wet);
                (
                    Some(v.id),
                    format!("{} ({})", v.naam, v.soort.label().to_lowercase()),
                )
            })),
            Err(fout) => fouten_bij_lezen.push(format!(
                "de voorzieningen konden niet worden gelezen: {fout}"
            )),
        }
        let melding = MeldingVelden {
            datum: crate::domain::datum::nl(loket.vandaag()),
            bron: Bron::Zelfmelder,
            vraag: String::new(),
            leefgebieden: Vec::new(),
            wet: Some(Wet::Wmo),
            gevraagd: None,
            spoed: false,
            direct_afsluiten: false,
            advies: String::new(),
        };
        let nieuw = InwonerVelden::default();
        MeldingNieuwScherm {
            inwoner_bij_openen: inwoner.as_ref().map(|(id, _)| id.clone()),
            weggegooid: false,
            inwoner,
            opgeslagen_inwoner: None,
            begin: (nieuw.clone(), melding.clone()),
            nieuw,
            melding,
            fouten: Fouten::new(),
            algemeen: (!fouten_bij_lezen.is_empty())
                .then(|| format!("Let op: {}.", fouten_bij_lezen.join("; "))),
            dubbelen: None,
            toch_nieuw: false,
            vraag_weggaan: false,
            bsn_fout: None,
            keuzes,
            focus_gezet: false,
            focus_geheugen: FocusGeheugen::default(),
        }
    }

    /// Whether something was typed that is not saved.
    #[must_use]
    pub fn gewijzigd(&self) -> bool {
        !self.weggegooid && (self.nieuw.clone(), self.melding.clone()) != self.begin
    }

    /// Back to where the form was opened from; what was typed is dropped.
    fn terug(&mut self) -> Actie {
        self.weggegooid = true;
        Actie::Terug
    }

    fn weggaan(&mut self, actie: &mut Option<Actie>) {
        if self.gewijzigd() && !self.vraag_weggaan {
            self.vraag_weggaan = true;
        } else {
            *actie = Some(self.terug());
        }
    }

    fn inwoner_ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) {
        if let Some((_, naam)) = &self.inwoner {
            ui.label(
                RichText::new(format!("Inwoner: {naam}"))
                    .strong()
                    .size(18.0),
            );
            return;
        }
        ui.label(crate::ui::theme::sectie("Nieuwe inwoner"));
        let mut zoekfout = None;
        let f = &self.fouten;
        // Each error right beside its field (the household's search results
        // make the field column wide).
        fouten_bij_het_veld(ui, |ui| {
            egui::Grid::new("nieuwe-inwoner")
                .num_columns(2)
                .min_col_width(230.0)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    let r =
                        tekstveld_ui(ui, "Voornaam:", &mut self.nieuw.voornaam, f.get("voornaam"));
                    if !self.focus_gezet {
                        r.request_focus();
                        self.focus_gezet = true;
                    }
                    tekstveld_ui(
                        ui,
                        "Achternaam:",
                        &mut self.nieuw.achternaam,
                        f.get("achternaam"),
                    );
                    datumveld_ui(
                        ui,
                        "Geboortedatum:",
                        &mut self.nieuw.geboortedatum,
                        f.get("geboortedatum"),
                        loket.vandaag(),
                    );
                    let bsn_fout = f.get("bsn").or(self.bsn_fout.as_ref()).cloned();
                    let r = tekstveld_ui(ui, "BSN:", &mut self.nieuw.bsn, bsn_fout.as_ref());
                    if r.lost_focus() || (r.changed() && self.bsn_fout.is_some()) {
                        self.bsn_fout = controleer_bsn(&self.nieuw.bsn);
                    }
                    tekstveld_ui(
                        ui,
                        "Woonplaats:",
                        &mut self.nieuw.woonplaats,
                        f.get("woonplaats"),
                    );
                    keuze_ui(
                        ui,
                        "Wijkteam:",
                        &mut self.nieuw.wijkteam,
                        &self.keuzes.wijkteams,
                        f.get("wijkteam"),
                    );
                    ui.label("Huishouden:");
                    ui.vertical(|ui| {
                        let mut zelfde = self.nieuw.huishouden_van.is_some();
                        ui.horizontal(|ui| {
                            if ui.radio(!zelfde, "nieuw huishouden").clicked() {
                                zelfde = false;
                                self.nieuw.huishouden_van = None;
                            }
                            if ui
                                .radio(zelfde, "zelfde als een bestaande inwoner")
                                .clicked()
                                && !zelfde
                            {
                                self.nieuw.huishouden_van = Some(String::new());
                            }
                        });
                        if let Some(van) = self.nieuw.huishouden_van.clone() {
                            let zl = ui.label("Zoek de huisgenoot (naam of BSN):");
                            let r = ui
                                .add(
                                    egui::TextEdit::singleline(&mut self.nieuw.huishouden_zoek)
                                        .char_limit(crate::ui::widgets::lengte::ZOEKTEKST)
                                        .desired_width(260.0),
                                )
                                .labelled_by(zl.id);
                            if r.changed() {
                                self.keuzes.huishouden_treffers = if self
                                    .nieuw
                                    .huishouden_zoek
                                    .trim()
                                    .len()
                                    < 2
                                {
                                    Vec::new()
                                } else {
                                    match loket.zoek_inwoners(&crate::store::inwoners::Zoekvraag {
                                        tekst: self.nieuw.huishouden_zoek.clone(),
                                        wijkteam: None,
                                    }) {
                                        Ok(l) => l
                                            .into_iter()
                                            .take(6)
                                            .map(|i| {
                                                (
                                                    i.id.clone(),
                                                    format!(
                                                        "{} ({})",
                                                        i.naam(),
                                                        crate::domain::datum::nl(i.geboortedatum)
                                                    ),
                                                )
                                            })
                                            .collect(),
                                        Err(fout) => {
                                            zoekfout = Some(format!("zoeken is mislukt: {fout}"));
                                            Vec::new()
                                        }
                                    }
                                };
                            }
                            for (id, tekst) in &self.keuzes.huishouden_treffers {
                                if ui.selectable_label(van == *id, tekst).clicked() {
                                    self.nieuw.huishouden_van = Some(id.clone());
                                }
                            }
                        }
                        fout_ui(ui, f.get("huishouden"));
                    });
                    ui.end_row();
                });
        });
        // A failed search is said beside the household choice, once.
        if let Some(fout) = zoekfout {
            self.fouten.insert("huishouden".into(), fout);
        }
    }

    fn melding_ui(&mut self, ui: &mut egui::Ui, vandaag: NaiveDate) {
        ui.label(crate::ui::theme::sectie("De melding"));
        let f = &self.fouten;
        let m = &mut self.melding;
        let focus_gezet = &mut self.focus_gezet;
        // Each error right beside its field (under the leefgebieden): the
        // leefgebieden in three columns make the field column wide, and a
        // third column of errors would sit far to the right of the fields
        // they are about.
        fouten_bij_het_veld(ui, |ui| {
            egui::Grid::new("nieuwe-melding").num_columns(2).min_col_width(230.0).spacing([12.0, 6.0]).show(ui, |ui| {
            datumveld_ui(ui, "Datum melding:", &mut m.datum, f.get("datum"), vandaag);
            let bronnen: Vec<(Bron, String)> = Bron::ALLE.iter().map(|b| (*b, b.label().to_owned())).collect();
            keuze_ui(ui, "Bron:", &mut m.bron, &bronnen, f.get("bron"));
            let r = tekstvak_ui(ui, "Vraag (in de woorden van de inwoner):", &mut m.vraag, f.get("vraag"));
            markeer_meerregelig(ui, &r);
            if !*focus_gezet {
                r.request_focus();
                *focus_gezet = true;
            }
            ui.label("Leefgebieden:");
            ui.vertical(|ui| {
            egui::Grid::new("leefgebieden-keuze").num_columns(3).show(ui, |ui| {
                for (n, lg) in Leefgebied::ALLE.iter().copied().enumerate() {
                    let mut aan = m.leefgebieden.contains(&lg);
                    ui.checkbox(&mut aan, lg.label());
                    if aan && !m.leefgebieden.contains(&lg) {
                        m.leefgebieden.push(lg);
                    } else if !aan {
                        m.leefgebieden.retain(|x| *x != lg);
                    }
                    if n % 3 == 2 {
                        ui.end_row();
                    }
                }
            });
            fout_ui(ui, f.get("leefgebieden"));
            });
            ui.end_row();
            let wetten: Vec<(Option<Wet>, String)> = std::iter::once((None, "geen".to_owned()))
                .chain(Wet::ALLE.iter().map(|w| (Some(*w), w.label().to_owned())))
                .collect();
            keuze_ui(ui, "Wet:", &mut m.wet, &wetten, f.get("wet"));
            // The provisions follow the chosen Wet (with the general ones,
            // which belong to no Wet); a choice outside it is dropped.
            let passend: Vec<(Option<String>, String)> = self
                .keuzes
                .voorzieningen
                .iter()
                .filter(|(id, _)| {
                    m.wet.is_none()
                        || id.as_ref().is_none_or(|id| {
                            self.keuzes
                                .voorziening_wet
                                .get(id)
                                .is_none_or(|w| w.is_none() || *w == m.wet)
                        })
                })
                .cloned()
                .collect();
            if !passend.iter().any(|(id, _)| *id == m.gevraagd) {
                m.gevraagd = None;
            }
            keuze_ui(ui, "Gevraagde voorziening:", &mut m.gevraagd, &passend, f.get("gevraagde_voorziening"));
            ui.label("Intaker:");
            ui.vertical(|ui| {
                ui.label(&self.keuzes.intaker)
                    .on_hover_text("Een melding staat op naam van wie is aangemeld.");
                fout_ui(ui, f.get("medewerker"));
            });
            ui.end_row();
            ui.label("Spoed:");
            ui.vertical(|ui| {
                ui.checkbox(&mut m.spoed, "spoed (schuldhulp: dreigende huisuitzetting, afsluiting of beëindiging zorgverzekering)");
                fout_ui(ui, f.get("spoed"));
            });
            ui.end_row();
            ui.label("Afsluiten:");
            ui.checkbox(&mut m.direct_afsluiten, "Direct afsluiten met informatie en advies");
            ui.end_row();
            if m.direct_afsluiten {
                let r = tekstvak_ui(ui, "Gegeven informatie en advies:", &mut m.advies, f.get("notitie"));
                markeer_meerregelig(ui, &r);
            }
        });
        });
    }

    fn dubbelen_ui(&mut self, ui: &mut egui::Ui, dubbelen: &[Dubbel], opslaan: &mut bool) {
        ui.group(|ui| {
            ui.colored_label(
                FOUT_KLEUR,
                RichText::new("Mogelijk staat deze persoon al in het register:").strong(),
            );
            for d in dubbelen {
                match d {
                    Dubbel::Zichtbaar(d) => {
                        ui.horizontal(|ui| {
                            let reden = match d.reden {
                                DubbelReden::Bsn => "zelfde BSN",
                                DubbelReden::NaamEnGeboortedatum => {
                                    "zelfde achternaam en geboortedatum"
                                }
                            };
                            ui.label(format!(
                                "{} ({}), {reden}",
                                d.naam,
                                crate::domain::datum::nl(d.geboortedatum)
                            ));
                            if ui
                                .button(format!("Dit is dezelfde persoon — gebruik {}", d.naam))
                                .clicked()
                            {
                                self.inwoner = Some((d.id.clone(), d.naam.clone()));
                                self.dubbelen = None;
                                self.fouten.clear();
                            }
                        });
                    }
                    // Someone the worker may not see: only that the person
                    // is registered and which team to ask.
                    Dubbel::Elders { reden, wijkteam } => {
                        let wat = match reden {
                            DubbelReden::Bsn => "Dit BSN is al geregistreerd",
                            DubbelReden::NaamEnGeboortedatum => {
                                "Er staat al een inwoner met deze achternaam en geboortedatum in het register"
                            }
                        };
                        let wie = wijkteam.as_ref().map_or_else(
                            || "een inwoner zonder wijkteam; vraag het de beheerder".to_owned(),
                            |team| format!("bij {team}; neem contact op met dat wijkteam"),
                        );
                        ui.add(egui::Label::new(format!("{wat}, {wie}.")).wrap());
                    }
                }
            }
            let zelfde_bsn = dubbelen.iter().any(|d| match d {
                Dubbel::Zichtbaar(d) => d.reden == DubbelReden::Bsn,
                Dubbel::Elders { reden, .. } => *reden == DubbelReden::Bsn,
            });
            if !zelfde_bsn && ui.button("Toch nieuw: een andere persoon").clicked() {
                self.toch_nieuw = true;
                self.dubbelen = None;
                *opslaan = true;
            }
        });
    }

    /// Saves the resident (when new) and the melding; returns both ids.
    fn opslaan(&mut self, loket: &Loket<'_>) -> Option<(String, String)> {
        self.fouten.clear();
        self.algemeen = None;
        let Some(medewerker) = loket.sessie().map(|s| s.medewerker().to_owned()) else {
            self.algemeen = Some(
                "U bent niet (meer) aangemeld; meld u opnieuw aan om de melding vast te leggen."
                    .into(),
            );
            return None;
        };
        let datum = lees(&self.melding.datum);
        if datum.is_none() {
            self.fouten
                .insert("datum".into(), "typ de datum als dd-mm-jjjj".into());
        }
        if self.melding.leefgebieden.is_empty() {
            self.fouten
                .insert("leefgebieden".into(), "kies minstens één leefgebied".into());
        }
        if self.inwoner.is_none() && self.opgeslagen_inwoner.is_none() {
            self.bsn_fout = controleer_bsn(&self.nieuw.bsn);
            if self.nieuw.achternaam.trim().is_empty() {
                self.fouten
                    .insert("achternaam".into(), "vul de achternaam in".into());
            }
            if let Some(f) = crate::ui::widgets::datum::controleer(&self.nieuw.geboortedatum) {
                self.fouten.insert("geboortedatum".into(), f);
            }
            if self.nieuw.huishouden_van.as_deref() == Some("") {
                self.fouten.insert(
                    "huishouden".into(),
                    "kies de huisgenoot, of 'nieuw huishouden'".into(),
                );
            }
        }
        if !self.fouten.is_empty() || self.bsn_fout.is_some() {
            return None;
        }
        let datum = datum?;
        let inwoner_id = match (&self.inwoner, &self.opgeslagen_inwoner) {
            (Some((id, _)), _) | (None, Some(id)) => id.clone(),
            (None, None) => self.inwoner_opslaan(loket)?,
        };
        let m = NieuweMelding {
            inwoner: inwoner_id.clone(),
            datum,
            bron: self.melding.bron,
            vraag: self.melding.vraag.clone(),
            leefgebieden: self.melding.leefgebieden.clone(),
            wet: self.melding.wet,
            gevraagde_voorziening: self.melding.gevraagd.clone(),
            medewerker,
            spoed: self.melding.spoed,
        };
        let uitkomst = if self.melding.direct_afsluiten {
            loket.melding_informatie_advies(&m, &self.melding.advies)
        } else {
            loket.melding_toevoegen(&m)
        };
        match uitkomst {
            Ok(id) => Some((inwoner_id, id)),
            Err(fout) => {
                let (f, a) = fouten_uit(&fout);
                self.fouten = f;
                self.algemeen = a.or_else(|| {
                    self.opgeslagen_inwoner
                        .as_ref()
                        .map(|_| "De inwoner is opgeslagen; de melding nog niet. Verbeter de melding en sla opnieuw op.".to_owned())
                });
                None
            }
        }
    }

    fn inwoner_opslaan(&mut self, loket: &Loket<'_>) -> Option<String> {
        let bsn = Bsn::parse(self.nieuw.bsn.trim()).ok();
        if !self.toch_nieuw
            && let Some(geboren) = lees(&self.nieuw.geboortedatum)
        {
            match loket.mogelijke_dubbelen(bsn.as_ref(), &self.nieuw.achternaam, geboren) {
                Ok(lijst) if !lijst.is_empty() => {
                    self.dubbelen = Some(lijst);
                    return None;
                }
                Ok(_) => {}
                Err(fout) => {
                    self.algemeen = Some(format!("Controle op dubbele inwoners mislukt: {fout}"));
                    return None;
                }
            }
        }
        let huishouden = match self.nieuw.huishouden_van.as_deref() {
            Some(van) => match loket.dossier(van) {
                Ok(d) => Some(d.huishouden),
                Err(fout) => {
                    self.fouten.insert("huishouden".into(), fout.to_string());
                    return None;
                }
            },
            None => None,
        };
        let invoer = NieuweInwoner {
            bsn: self.nieuw.bsn.trim().to_owned(),
            voornaam: self.nieuw.voornaam.clone(),
            achternaam: self.nieuw.achternaam.clone(),
            geboortedatum: self.nieuw.geboortedatum.clone(),
            geslacht: None,
            huishouden,
            wijkteam: self.nieuw.wijkteam.clone(),
            woonplaats: self.nieuw.woonplaats.clone(),
        };
        match loket.inwoner_toevoegen(&invoer) {
            Ok(id) => {
                self.opgeslagen_inwoner = Some(id.clone());
                Some(id)
            }
            Err(fout) => {
                let (f, a) = fouten_uit(&fout);
                self.fouten = f;
                self.algemeen = a;
                None
            }
        }
    }
}

impl SchermUi for MeldingNieuwScherm {
    /// Draws the screen; returns what the user asked for.
    fn ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> Option<Actie> {
        let mut actie = None;
        let focus = self.focus_geheugen.begin(ui);
        let scherm = egui::Rect::EVERYTHING;
        ui.horizontal(|ui| {
            if ui.button("Annuleren (Esc)").clicked() {
                self.weggaan(&mut actie);
            }
            ui.heading("Nieuwe melding");
        });
        // Esc in an open list closes the list only.
        if focus.esc(ui) {
            self.weggaan(&mut actie);
        }
        if self.vraag_weggaan {
            ui.horizontal(|ui| {
                ui.colored_label(
                    FOUT_KLEUR,
                    RichText::new("Wijzigingen niet opgeslagen. Toch weggaan?").strong(),
                );
                if ui.button("Ja, weggaan").clicked() {
                    actie = Some(self.terug());
                }
                if ui.button("Nee, verder invullen").clicked() {
                    self.vraag_weggaan = false;
                }
            });
        }
        let mut opslaan = false;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.inwoner_ui(ui, loket);
                ui.add_space(8.0);
                ui.separator();
                self.melding_ui(ui, loket.vandaag());
                ui.add_space(8.0);
                if let Some(f) = &self.algemeen {
                    ui.colored_label(FOUT_KLEUR, f);
                }
                if let Some(d) = self.dubbelen.clone() {
                    self.dubbelen_ui(ui, &d, &mut opslaan);
                }
                ui.horizontal(|ui| {
                    let tekst = if self.melding.direct_afsluiten {
                        "Melding opslaan en afsluiten (Enter)"
                    } else {
                        "Melding opslaan (Enter)"
                    };
                    if ui.button(RichText::new(tekst).strong()).clicked() {
                        opslaan = true;
                    }
                });
            });
        // One form on the screen: Enter saves from a one-line field or with
        // nothing focused; on a focused button it presses that button only.
        if focus.enter_voor(ui, scherm, true) && !self.vraag_weggaan {
            opslaan = true;
        }
        self.focus_geheugen.einde(ui);
        if opslaan && let Some(id) = self.opslaan(loket) {
            // Saved: nothing typed is lost by leaving.
            self.weggegooid = true;
            actie = Some(Actie::MeldingOpgeslagen {
                inwoner: id.0,
                melding: id.1,
            });
        }
        actie
    }

    fn gewijzigd(&self) -> bool {
        MeldingNieuwScherm::gewijzigd(self)
    }

    fn gooi_weg(&mut self) {
        self.weggegooid = true;
    }

    fn plek(&self) -> Option<Plek> {
        Some(Plek::NieuweMelding(self.inwoner_bij_openen.clone()))
    }
}

/// The 11-proef as the user leaves the BSN field: `None` when empty or valid.
fn controleer_bsn(tekst: &str) -> Option<String> {
    let t = tekst.trim();
    if t.is_empty() {
        return None;
    }
    Bsn::parse(t).err().map(|f| f.to_string())
}
