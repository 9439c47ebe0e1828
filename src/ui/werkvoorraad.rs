//! The Werkvoorraad screen: what the "werken als" medewerker has to do, in
//! four short tables — open meldingen by their next legal deadline (overdue
//! first), besluiten that end within 8 weeks (herindicatie), young people
//! with a Jeugdwet provision who turn 18 within 6 months, and granted
//! provisions that have not started.
//!
//! A teamleider switches between "Mijn werk", "Per medewerker" (counts per
//! worker, one worker's queue below) and "Hele team" (totals and everyone's
//! lines together). Every queue also lists the households under the
//! worker's casus- or procesregie, and a worker's queue in the team views is
//! the one that worker sees: what they took over from a colleague included.
//! In "Hele team" a line in two queues shows once, with both names. The resident's name opens the dossier;
//! the rest of a line opens its own record: the melding, the besluit (op- en
//! afschalen), the household. A deadline's
//! status is a coloured chip that always carries its text ("3 dagen te
//! laat"), so it reads without colour vision. The queue is read when the
//! screen is opened or the view changes, not every frame.

use chrono::NaiveDate;
use egui::{Color32, RichText, Sense};
use egui_extras::{Column, TableBuilder};

use crate::domain::Rol;
use crate::domain::datum::nl;
use crate::domain::termijnen::TermijnStatus;
use crate::gateway::Loket;
use crate::store::medewerkers::MedewerkerRij;
use crate::store::werkvoorraad::{
    Achttien, Herindicatie, OpenMelding, Regie, TeamWerkvoorraad, Totalen, Wachtend, Werkvoorraad,
};
use crate::ui::actie::Actie;
use crate::ui::scherm::SchermUi;
use crate::ui::theme::FOUT_KLEUR;

/// Red of an overdue deadline.
const TE_LAAT_KLEUR: Color32 = Color32::from_rgb(0xb7, 0x1c, 0x1c);
/// Amber of a deadline within 5 working days.
const BIJNA_KLEUR: Color32 = Color32::from_rgb(0xff, 0xb3, 0x00);
/// Green of a deadline on time.
const OP_TIJD_KLEUR: Color32 = Color32::from_rgb(0x2e, 0x7d, 0x32);

/// What a teamleider looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Weergave {
    #[default]
    MijnWerk,
    PerMedewerker,
    HeleTeam,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Sleutel {
    medewerker: String,
    weergave: Weergave,
    vandaag: NaiveDate,
}

enum Inhoud {
    Eigen(Werkvoorraad),
    Team(TeamWerkvoorraad),
}

/// State of the Werkvoorraad screen.
#[derive(Default)]
pub struct WerkvoorraadScherm {
    weergave: Weergave,
    /// In "Per medewerker": whose queue is shown below the counts.
    gekozen: Option<String>,
    geladen: Option<(Sleutel, Result<Inhoud, String>)>,
}

/// The key of the group "zonder melding" in the per-medewerker view (no
/// medewerker id is empty).
const ZONDER_MELDING: &str = "";
/// How the group of toekenningen without a melding is named in the team views.
const ZONDER_MELDING_NAAM: &str = "Zonder melding (teamleider)";

/// One line of a section, with the name(s) of the medewerker(s) whose queue
/// holds it (shown only in the whole team's view).
type Regel<'a, T> = (String, &'a T);

impl WerkvoorraadScherm {
    /// Read the queue again on the next draw (on opening the screen, after
    /// changes elsewhere).
    pub fn vernieuw(&mut self) {
        self.geladen = None;
    }

    fn laad(&mut self, loket: &Loket<'_>, medewerker: &MedewerkerRij, vandaag: NaiveDate) {
        let weergave = if medewerker.rol == Rol::Teamleider {
            self.weergave
        } else {
            Weergave::MijnWerk
        };
        let sleutel = Sleutel {
            medewerker: medewerker.id.clone(),
            weergave,
            vandaag,
        };
        if self.geladen.as_ref().is_some_and(|(s, _)| *s == sleutel) {
            return;
        }
        let inhoud = match (weergave, &medewerker.wijkteam) {
            (Weergave::MijnWerk, _) => loket
                .werkvoorraad(&medewerker.id)
                .map(Inhoud::Eigen)
                .map_err(|f| format!("De werkvoorraad kon niet worden gelezen: {f}")),
            (_, Some(team)) => loket
                .werkvoorraad_team(team)
                .map(Inhoud::Team)
                .map_err(|f| format!("De werkvoorraad van het team kon niet worden gelezen: {f}")),
            (_, None) => Err(format!(
                "{} hoort bij geen wijkteam, dus er is geen teamoverzicht.",
                medewerker.naam
            )),
        };
        self.geladen = Some((sleutel, inhoud));
    }
}

impl SchermUi for WerkvoorraadScherm {
    /// Draws the screen for the medewerker the user works as (`None`: not
    /// chosen yet). Returns the dossier to open, if a line was clicked.
    fn ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> Option<Actie> {
        let vandaag = loket.vandaag();
        let Some(medewerker) = loket.sessie().map(crate::gateway::Sessie::gebruiker) else {
            ui.heading("Werkvoorraad");
            ui.add_space(8.0);
            ui.label(
                RichText::new(
                    "Kies eerst links onder \"Werken als\" wie u bent. \
                     Dan ziet u hier uw meldingen, termijnen en wat verder op u wacht.",
                )
                .size(16.0),
            );
            return None;
        };
        let team_weergave =
            medewerker.rol == Rol::Teamleider && self.weergave != Weergave::MijnWerk;
        ui.horizontal(|ui| {
            ui.heading(if team_weergave {
                "Werkvoorraad van het team".to_owned()
            } else {
                format!("Werkvoorraad van {}", medewerker.naam)
            });
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Vernieuwen").clicked() {
                    self.vernieuw();
                }
            });
        });
        ui.label(format!(
            "Stand van {}. Klik op een naam om het dossier te openen, op de rest van de regel om \
             de melding, het besluit of het huishouden zelf te openen.",
            nl(vandaag)
        ));
        if medewerker.rol == Rol::Teamleider {
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                for (w, tekst) in [
                    (Weergave::MijnWerk, "Mijn werk"),
                    (Weergave::PerMedewerker, "Per medewerker"),
                    (Weergave::HeleTeam, "Hele team"),
                ] {
                    ui.selectable_value(&mut self.weergave, w, RichText::new(tekst).size(15.0));
                }
            });
        }
        ui.separator();
        self.laad(loket, medewerker, vandaag);
        let Some((sleutel, inhoud)) = &self.geladen else {
            return None;
        };
        let weergave = sleutel.weergave;
        let inhoud = match inhoud {
            Ok(i) => i,
            Err(fout) => {
                ui.colored_label(FOUT_KLEUR, fout);
                return None;
            }
        };
        let mut actie = None;
        let gekozen = &mut self.gekozen;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| match (inhoud, weergave) {
                (Inhoud::Eigen(w), _) => {
                    if medewerker.rol == Rol::Teamleider {
                        ui.label(ZONDER_MELDING_UITLEG);
                    }
                    actie = secties_ui(ui, &enkel(w, "", Wiens::Eigen), false, vandaag);
                }
                (Inhoud::Team(team), Weergave::PerMedewerker) => {
                    if let Some(id) = per_medewerker_ui(ui, team, gekozen.as_deref()) {
                        *gekozen = Some(id);
                    }
                    let keuze = gekozen.as_deref().and_then(|id| {
                        if id == ZONDER_MELDING {
                            Some((ZONDER_MELDING_NAAM, &team.zonder_melding))
                        } else {
                            team.per_medewerker
                                .iter()
                                .find(|p| p.medewerker == id)
                                .map(|p| (p.naam.as_str(), &p.werkvoorraad))
                        }
                    });
                    ui.add_space(8.0);
                    match keuze {
                        Some((ZONDER_MELDING_NAAM, w)) => {
                            ui.label(
                                RichText::new("Toekenningen zonder melding")
                                    .strong()
                                    .size(17.0),
                            );
                            ui.label(ZONDER_MELDING_UITLEG);
                            actie = secties_ui(
                                ui,
                                &enkel(w, ZONDER_MELDING_NAAM, Wiens::ZonderMelding),
                                false,
                                vandaag,
                            );
                        }
                        Some((naam, w)) => {
                            ui.label(
                                RichText::new(format!("Werkvoorraad van {naam}"))
                                    .strong()
                                    .size(17.0),
                            );
                            ui.label(OVERGENOMEN_UITLEG);
                            actie = secties_ui(
                                ui,
                                &enkel(w, naam, Wiens::Medewerker(naam)),
                                false,
                                vandaag,
                            );
                        }
                        None => {
                            ui.label(
                                "Klik op een naam om de werkvoorraad van die medewerker te zien.",
                            );
                        }
                    }
                }
                (Inhoud::Team(team), _) => {
                    totalen_ui(ui, &team.totaal);
                    ui.label(OVERGENOMEN_UITLEG);
                    ui.add_space(6.0);
                    actie = secties_ui(ui, &samen(team), true, vandaag);
                }
            });
        actie
    }

    fn vernieuw(&mut self) {
        WerkvoorraadScherm::vernieuw(self);
    }
}

/// Why a teamleider sees toekenningen that belong to no melding.
const ZONDER_MELDING_UITLEG: &str = "Toekenningen zonder melding (bijvoorbeeld een directe \
     verwijzing door de huisarts naar jeugdhulp) horen bij de teamleider van het wijkteam van de \
     inwoner: u ziet ze hier en verdeelt ze.";

/// Why a line can be in two workers' queues.
const OVERGENOMEN_UITLEG: &str = "Wat een medewerker van een collega heeft overgenomen (een stap of \
     het besluit op diens melding) en de huishoudens waar die casus- of procesregisseur is, staan \
     in diens werkvoorraad; een regel van twee medewerkers telt in het team één keer.";

/// Whose queue the sections show: the words of the regie section.
#[derive(Clone, Copy)]
enum Wiens<'a> {
    /// The user's own.
    Eigen,
    /// One worker's, in the team view.
    Medewerker(&'a str),
    /// The whole team's.
    Team,
    /// The teamleider's lines without a melding (no regie).
    ZonderMelding,
}

/// All lines of the sections, each with its medewerker's name.
struct Lijnen<'a> {
    meldingen: Vec<Regel<'a, OpenMelding>>,
    herindicaties: Vec<Regel<'a, Herindicatie>>,
    achttien: Vec<Regel<'a, Achttien>>,
    wachtend: Vec<Regel<'a, Wachtend>>,
    regie: Vec<Regel<'a, Regie>>,
    wiens: Wiens<'a>,
}

fn enkel<'a>(w: &'a Werkvoorraad, naam: &str, wiens: Wiens<'a>) -> Lijnen<'a> {
    Lijnen {
        meldingen: w.meldingen.iter().map(|m| (naam.to_owned(), m)).collect(),
        herindicaties: w
            .herindicaties
            .iter()
            .map(|m| (naam.to_owned(), m))
            .collect(),
        achttien: w.achttien.iter().map(|m| (naam.to_owned(), m)).collect(),
        wachtend: w.wachtend.iter().map(|m| (naam.to_owned(), m)).collect(),
        regie: w.regie.iter().map(|m| (naam.to_owned(), m)).collect(),
        wiens,
    }
}

/// Adds `nieuw` to `lijst`; a line already there (same `sleutel`) gets the
/// medewerker's name added instead of showing twice.
fn voeg_samen<'a, T, K: std::hash::Hash + Eq>(
    lijst: &mut Vec<Regel<'a, T>>,
    index: &mut std::collections::HashMap<K, usize>,
    nieuw: Vec<Regel<'a, T>>,
    sleutel: impl Fn(&'a T) -> K,
) {
    for (naam, x) in nieuw {
        if let Some(&i) = index.get(&sleutel(x)) {
            if let Some((namen, _)) = lijst.get_mut(i)
                && !namen.split(", ").any(|n| n == naam)
            {
                namen.push_str(", ");
                namen.push_str(&naam);
            }
        } else {
            index.insert(sleutel(x), lijst.len());
            lijst.push((naam, x));
        }
    }
}

/// Everyone's lines together, in the same order a single queue has; a line
/// in two queues (taken over from a colleague) once, with both names.
fn samen(team: &TeamWerkvoorraad) -> Lijnen<'_> {
    use std::collections::HashMap;
    let mut l = Lijnen {
        meldingen: Vec::new(),
        herindicaties: Vec::new(),
        achttien: Vec::new(),
        wachtend: Vec::new(),
        regie: Vec::new(),
        wiens: Wiens::Team,
    };
    let mut per_melding = HashMap::new();
    let mut per_herindicatie = HashMap::new();
    let mut per_achttien = HashMap::new();
    let mut per_wachtend = HashMap::new();
    let mut per_huishouden = HashMap::new();
    let groepen = team
        .per_medewerker
        .iter()
        .map(|p| (&p.werkvoorraad, p.naam.as_str()))
        .chain(std::iter::once((&team.zonder_melding, ZONDER_MELDING_NAAM)));
    for (werk, naam) in groepen {
        let een = enkel(werk, naam, Wiens::Team);
        voeg_samen(&mut l.meldingen, &mut per_melding, een.meldingen, |x| {
            x.melding.as_str()
        });
        voeg_samen(
            &mut l.herindicaties,
            &mut per_herindicatie,
            een.herindicaties,
            |x| x.toekenning.as_str(),
        );
        voeg_samen(&mut l.achttien, &mut per_achttien, een.achttien, |x| {
            x.toekenning.as_str()
        });
        voeg_samen(&mut l.wachtend, &mut per_wachtend, een.wachtend, |x| {
            x.toekenning.as_str()
        });
        voeg_samen(&mut l.regie, &mut per_huishouden, een.regie, |x| {
            (x.huishouden.as_str(), x.casusregie)
        });
    }
    l.meldingen.sort_by_key(|(_, m)| {
        m.volgende()
            .map_or(((3, 0), None), |t| (t.status.urgentie(), Some(t.uiterste)))
    });
    l.herindicaties.sort_by_key(|(_, h)| h.eind);
    l.achttien.sort_by_key(|(_, a)| a.verjaardag);
    l.wachtend
        .sort_by_key(|(_, w)| std::cmp::Reverse(w.dagen_wachtend));
    l.regie.sort_by_key(|(_, r)| r.sinds);
    l
}

fn secties_ui(ui: &mut egui::Ui, l: &Lijnen<'_>, team: bool, vandaag: NaiveDate) -> Option<Actie> {
    let mut actie = None;
    let telling = |past: fn(TermijnStatus) -> bool| {
        l.meldingen
            .iter()
            .filter(|(_, m)| m.volgende().is_some_and(|t| past(t.status)))
            .count()
    };
    let te_laat = telling(|s| matches!(s, TermijnStatus::Verlopen { .. }));
    let bijna = telling(|s| matches!(s, TermijnStatus::BijnaVerlopen { .. }));
    let mut kop = format!("Open meldingen ({})", l.meldingen.len());
    let delen: Vec<String> = [
        (te_laat > 0).then(|| format!("{te_laat} te laat")),
        (bijna > 0).then(|| format!("{bijna} binnen 5 werkdagen")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !delen.is_empty() {
        kop = format!("{kop} – {}", delen.join(", "));
    }
    sectie_kop(ui, &kop);
    if l.meldingen.is_empty() {
        ui.label("Geen open meldingen. Niets te laat. Goed bezig.");
    } else {
        actie = actie.or(meldingen_ui(ui, &l.meldingen, team));
    }

    let wie = match l.wiens {
        Wiens::Eigen => Some("u casus- of procesregisseur bent".to_owned()),
        Wiens::Medewerker(naam) => Some(format!("{naam} casus- of procesregisseur is")),
        Wiens::Team => Some("iemand van het team casus- of procesregisseur is".to_owned()),
        Wiens::ZonderMelding => None,
    };
    if let Some(wie) = wie {
        sectie_kop(ui, &format!("Huishoudens waar {wie} ({})", l.regie.len()));
        if l.regie.is_empty() {
            ui.label(format!("Geen huishoudens waar {wie}."));
        } else {
            actie = actie.or(regie_ui(ui, &l.regie, team, vandaag));
        }
    }

    sectie_kop(
        ui,
        &format!(
            "Besluiten die binnen 8 weken aflopen – herindicatie ({})",
            l.herindicaties.len()
        ),
    );
    if l.herindicaties.is_empty() {
        ui.label("Geen besluiten die binnenkort aflopen.");
    } else {
        actie = actie.or(herindicaties_ui(ui, &l.herindicaties, team));
    }

    sectie_kop(
        ui,
        &format!(
            "Jongeren met jeugdhulp die binnen 6 maanden 18 worden ({})",
            l.achttien.len()
        ),
    );
    if l.achttien.is_empty() {
        ui.label("Geen jongeren die binnenkort 18 worden.");
    } else {
        actie = actie.or(achttien_ui(ui, &l.achttien, team, vandaag));
    }

    sectie_kop(
        ui,
        &format!("Toegekend, nog niet gestart ({})", l.wachtend.len()),
    );
    if l.wachtend.is_empty() {
        ui.label("Alles wat is toegekend, is gestart.");
    } else {
        actie = actie.or(wachtend_ui(ui, &l.wachtend, team));
    }
    actie
}

fn sectie_kop(ui: &mut egui::Ui, tekst: &str) {
    ui.add_space(10.0);
    ui.label(RichText::new(tekst).strong().size(17.0));
    ui.add_space(2.0);
}

/// A compact table: the inwoner column first, then `breedtes` more columns
/// (the medewerker column first when `team`). Rows are clickable.
fn tabel<'a>(ui: &'a mut egui::Ui, id: &str, team: bool, breedtes: &[f32]) -> TableBuilder<'a> {
    let mut t = TableBuilder::new(ui)
        .id_salt(id)
        .striped(true)
        .sense(Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .min_scrolled_height(0.0)
        .max_scroll_height(280.0)
        .column(Column::initial(200.0).at_least(120.0).clip(true));
    if team {
        t = t.column(Column::initial(140.0).at_least(80.0).clip(true));
    }
    for (n, b) in breedtes.iter().enumerate() {
        t = if n + 1 == breedtes.len() {
            t.column(Column::remainder().at_least(*b).clip(true))
        } else {
            t.column(Column::initial(*b).at_least(60.0).clip(true))
        };
    }
    t
}

fn koppen(mut rij: egui_extras::TableRow<'_, '_>, team: bool, titels: &[&str]) {
    rij.col(|ui| {
        ui.label(RichText::new("Inwoner").strong());
    });
    if team {
        rij.col(|ui| {
            ui.label(RichText::new("Medewerker").strong());
        });
    }
    for t in titels {
        rij.col(|ui| {
            ui.label(RichText::new(*t).strong());
        });
    }
}

/// What a click on a line asks: the resident's dossier (the name) or the
/// line's own record (anywhere else on the line).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Klik {
    Niets,
    Dossier,
    Record,
}

/// Draws one line: the inwoner as a link, the medewerker when `team`, then
/// the other cells through `rest`. Says what was clicked.
fn regel(
    rij: &mut egui_extras::TableRow<'_, '_>,
    naam: &str,
    medewerker: Option<&str>,
    rest: impl FnOnce(&mut egui_extras::TableRow<'_, '_>),
) -> Klik {
    let mut naam_geklikt = false;
    rij.col(|ui| {
        naam_geklikt |= ui.link(naam).on_hover_text("Dossier openen").clicked();
    });
    if let Some(m) = medewerker {
        rij.col(|ui| {
            ui.label(m);
        });
    }
    rest(rij);
    if naam_geklikt {
        Klik::Dossier
    } else if rij.response().clicked() {
        Klik::Record
    } else {
        Klik::Niets
    }
}

/// The action of a click on a line: the dossier, or `record` (when there is
/// one; a toekenning without a melding opens the dossier).
fn na_klik(klik: Klik, inwoner: &str, record: Option<Actie>) -> Option<Actie> {
    match klik {
        Klik::Niets => None,
        Klik::Dossier => Some(Actie::OpenDossier(inwoner.to_owned())),
        Klik::Record => record.or_else(|| Some(Actie::OpenDossier(inwoner.to_owned()))),
    }
}

/// A link cell that opens the line's record.
fn open_cel(rij: &mut egui_extras::TableRow<'_, '_>, tekst: &str, hint: &str) -> bool {
    let mut geklikt = false;
    rij.col(|ui| {
        geklikt = ui.link(tekst).on_hover_text(hint).clicked();
    });
    geklikt
}

fn niveau_tekst(niveau: u8) -> String {
    let naam = match niveau {
        0 => "zelfredzaam",
        1 => "enkelvoudige vraag",
        2 => "meervoudige problematiek",
        3 => "complex, vastgelopen of onveilig",
        _ => "escalatie",
    };
    format!("AVE {niveau} – {naam}")
}

fn regie_ui(
    ui: &mut egui::Ui,
    regels: &[Regel<'_, Regie>],
    team: bool,
    vandaag: NaiveDate,
) -> Option<Actie> {
    let mut actie = None;
    tabel(ui, "wv-regie", team, &[150.0, 260.0, 120.0, 130.0])
        .header(24.0, |mut rij| {
            rij.col(|ui| {
                ui.label(RichText::new("Huishouden").strong());
            });
            if team {
                rij.col(|ui| {
                    ui.label(RichText::new("Medewerker").strong());
                });
            }
            for k in ["Regie", "AVE-niveau nu", "Laatst gewijzigd", "Ongewijzigd"] {
                rij.col(|ui| {
                    ui.label(RichText::new(k).strong());
                });
            }
        })
        .body(|body| {
            body.rows(24.0, regels.len(), |mut rij| {
                let Some((mw, r)) = regels.get(rij.index()) else {
                    return;
                };
                let mut open = false;
                rij.col(|ui| {
                    open |= ui
                        .link(format!("Huishouden {}", r.naam))
                        .on_hover_text("Huishouden openen")
                        .clicked();
                });
                if team {
                    tekst(&mut rij, mw);
                }
                tekst(
                    &mut rij,
                    if r.casusregie {
                        "casusregisseur"
                    } else {
                        "procesregisseur"
                    },
                );
                tekst(&mut rij, &niveau_tekst(r.niveau));
                tekst(&mut rij, &nl(r.sinds));
                tekst(
                    &mut rij,
                    &match (vandaag - r.sinds).num_days() {
                        0 => "sinds vandaag".to_owned(),
                        1 => "1 dag".to_owned(),
                        n => format!("{n} dagen"),
                    },
                );
                if open || rij.response().clicked() {
                    actie = Some(Actie::OpenHuishouden(r.huishouden.clone()));
                }
            });
        });
    actie
}

fn tekst(rij: &mut egui_extras::TableRow<'_, '_>, t: &str) {
    rij.col(|ui| {
        ui.label(t);
    });
}

/// A deadline's status as a coloured chip with its text.
pub fn status_ui(ui: &mut egui::Ui, status: TermijnStatus) -> egui::Response {
    let (vul, letter) = match status {
        TermijnStatus::Verlopen { .. } => (TE_LAAT_KLEUR, Color32::WHITE),
        TermijnStatus::BijnaVerlopen { .. } => (BIJNA_KLEUR, Color32::BLACK),
        TermijnStatus::OpTijd => (OP_TIJD_KLEUR, Color32::WHITE),
    };
    egui::Frame::new()
        .fill(vul)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.label(RichText::new(status.tekst()).color(letter).strong())
        })
        .inner
}

fn meldingen_ui(ui: &mut egui::Ui, regels: &[Regel<'_, OpenMelding>], team: bool) -> Option<Actie> {
    let mut actie = None;
    tabel(ui, "wv-meldingen", team, &[100.0, 260.0, 110.0, 150.0])
        .header(24.0, |rij| {
            koppen(
                rij,
                team,
                &[
                    "Melding van",
                    "Wat moet er gebeuren",
                    "Uiterste datum",
                    "Status",
                ],
            );
        })
        .body(|body| {
            body.rows(26.0, regels.len(), |mut rij| {
                let Some((mw, m)) = regels.get(rij.index()) else {
                    return;
                };
                let t = m.volgende();
                let mut melding = false;
                let klik = regel(&mut rij, &m.naam, team.then_some(mw.as_str()), |rij| {
                    melding = open_cel(rij, &nl(m.datum), "Melding openen");
                    tekst(
                        rij,
                        t.map_or("geen wettelijke termijn", |t| t.soort.label()),
                    );
                    tekst(rij, &t.map_or_else(|| "–".to_owned(), |t| nl(t.uiterste)));
                    rij.col(|ui| match t {
                        Some(t) => {
                            status_ui(ui, t.status);
                        }
                        None => {
                            ui.label("–");
                        }
                    });
                });
                let klik = if melding { Klik::Record } else { klik };
                if let Some(a) = na_klik(
                    klik,
                    &m.inwoner,
                    Some(Actie::OpenMelding(m.melding.clone())),
                ) {
                    actie = Some(a);
                }
            });
        });
    actie
}

fn dagen_tekst(dagen: i64) -> String {
    match dagen {
        0 => "vandaag".to_owned(),
        1 => "nog 1 dag".to_owned(),
        n => format!("nog {n} dagen"),
    }
}

fn herindicaties_ui(
    ui: &mut egui::Ui,
    regels: &[Regel<'_, Herindicatie>],
    team: bool,
) -> Option<Actie> {
    let mut actie = None;
    tabel(ui, "wv-herindicatie", team, &[240.0, 110.0, 120.0])
        .header(24.0, |rij| {
            koppen(rij, team, &["Voorziening", "Einddatum", "Loopt af"]);
        })
        .body(|body| {
            body.rows(24.0, regels.len(), |mut rij| {
                let Some((mw, h)) = regels.get(rij.index()) else {
                    return;
                };
                let mut open = false;
                let klik = regel(&mut rij, &h.naam, team.then_some(mw.as_str()), |rij| {
                    open = open_cel(rij, &h.voorziening, "Besluit openen: op- of afschalen");
                    tekst(rij, &nl(h.eind));
                    tekst(rij, &dagen_tekst(h.dagen_tot_eind));
                });
                let klik = if open { Klik::Record } else { klik };
                if let Some(a) = na_klik(
                    klik,
                    &h.inwoner,
                    h.melding.as_ref().map(|m| Actie::Herbeoordelen {
                        melding: m.clone(),
                        toekenning: h.toekenning.clone(),
                    }),
                ) {
                    actie = Some(a);
                }
            });
        });
    actie
}

/// "over 4 maanden" from 60 days on, else "over 12 dagen".
fn over_tekst(dagen: i64) -> String {
    match dagen {
        ..=0 => "vandaag".to_owned(),
        1 => "morgen".to_owned(),
        2..60 => format!("over {dagen} dagen"),
        // Rounded to whole months: 120 days reads "over 4 maanden".
        _ => format!("over {} maanden", (dagen * 12 + 182) / 365),
    }
}

fn achttien_ui(
    ui: &mut egui::Ui,
    regels: &[Regel<'_, Achttien>],
    team: bool,
    vandaag: NaiveDate,
) -> Option<Actie> {
    let mut actie = None;
    tabel(ui, "wv-achttien", team, &[240.0, 110.0, 120.0])
        .header(24.0, |rij| {
            koppen(rij, team, &["Voorziening", "Wordt 18 op", "Wanneer"]);
        })
        .body(|body| {
            body.rows(24.0, regels.len(), |mut rij| {
                let Some((mw, a)) = regels.get(rij.index()) else {
                    return;
                };
                let mut open = false;
                let klik = regel(&mut rij, &a.naam, team.then_some(mw.as_str()), |rij| {
                    open = open_cel(rij, &a.voorziening, "Melding van het besluit openen");
                    tekst(rij, &nl(a.verjaardag));
                    tekst(rij, &over_tekst((a.verjaardag - vandaag).num_days()));
                });
                let klik = if open { Klik::Record } else { klik };
                if let Some(a) =
                    na_klik(klik, &a.inwoner, a.melding.clone().map(Actie::OpenMelding))
                {
                    actie = Some(a);
                }
            });
        });
    actie
}

fn wachtend_ui(ui: &mut egui::Ui, regels: &[Regel<'_, Wachtend>], team: bool) -> Option<Actie> {
    let mut actie = None;
    tabel(ui, "wv-wachtend", team, &[240.0, 110.0, 120.0])
        .header(24.0, |rij| {
            koppen(rij, team, &["Voorziening", "Besluit", "Wacht al"]);
        })
        .body(|body| {
            body.rows(24.0, regels.len(), |mut rij| {
                let Some((mw, w)) = regels.get(rij.index()) else {
                    return;
                };
                let mut open = false;
                let klik = regel(&mut rij, &w.naam, team.then_some(mw.as_str()), |rij| {
                    open = open_cel(rij, &w.voorziening, "Melding van het besluit openen");
                    tekst(rij, &nl(w.besluit));
                    tekst(
                        rij,
                        &match w.dagen_wachtend {
                            1 => "1 dag".to_owned(),
                            n => format!("{n} dagen"),
                        },
                    );
                });
                let klik = if open { Klik::Record } else { klik };
                if let Some(a) =
                    na_klik(klik, &w.inwoner, w.melding.clone().map(Actie::OpenMelding))
                {
                    actie = Some(a);
                }
            });
        });
    actie
}

fn totalen_cellen(rij: &mut egui_extras::TableRow<'_, '_>, t: &Totalen, sterk: bool) {
    for n in [
        t.open_meldingen,
        t.verlopen,
        t.bijna_verlopen,
        t.herindicaties,
        t.achttien,
        t.wachtend,
        t.regie,
    ] {
        rij.col(|ui| {
            let tekst = RichText::new(n.to_string());
            ui.label(if sterk { tekst.strong() } else { tekst });
        });
    }
}

const TOTAAL_KOPPEN: [&str; 7] = [
    "Open meldingen",
    "Te laat",
    "Binnen 5 werkdagen",
    "Herindicatie",
    "Wordt 18",
    "Wachtend",
    "Regie",
];

fn totalen_tabel<'a>(ui: &'a mut egui::Ui, id: &str) -> TableBuilder<'a> {
    let mut t = TableBuilder::new(ui)
        .id_salt(id)
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .min_scrolled_height(0.0)
        .max_scroll_height(300.0)
        .column(Column::initial(200.0).at_least(120.0).clip(true));
    for _ in TOTAAL_KOPPEN {
        t = t.column(Column::initial(110.0).at_least(60.0));
    }
    t
}

/// "1 herindicatie", "2 herindicaties".
fn aantal(n: usize, enkel: &str, meer: &str) -> String {
    if n == 1 {
        format!("1 {enkel}")
    } else {
        format!("{n} {meer}")
    }
}

/// The team's totals as one sentence.
fn totalen_ui(ui: &mut egui::Ui, t: &Totalen) {
    ui.label(
        RichText::new(format!(
            "Hele team: {}, {} te laat, {} binnen 5 werkdagen, {}, {}, {}, {} onder casus- of procesregie.",
            aantal(t.open_meldingen, "open melding", "open meldingen"),
            t.verlopen,
            t.bijna_verlopen,
            aantal(t.herindicaties, "herindicatie", "herindicaties"),
            aantal(t.achttien, "jongere wordt 18", "jongeren worden 18"),
            aantal(t.wachtend, "wachtende toekenning", "wachtende toekenningen"),
            aantal(t.regie, "huishouden", "huishoudens"),
        ))
        .strong(),
    );
}

/// Counts per medewerker and the team row; returns the medewerker clicked.
fn per_medewerker_ui(
    ui: &mut egui::Ui,
    team: &TeamWerkvoorraad,
    gekozen: Option<&str>,
) -> Option<String> {
    let mut keuze = None;
    totalen_tabel(ui, "wv-per-medewerker")
        .header(24.0, |mut rij| {
            rij.col(|ui| {
                ui.label(RichText::new("Medewerker").strong());
            });
            for k in TOTAAL_KOPPEN {
                rij.col(|ui| {
                    ui.label(RichText::new(k).strong());
                });
            }
        })
        .body(|mut body| {
            for p in &team.per_medewerker {
                body.row(24.0, |mut rij| {
                    rij.set_selected(gekozen == Some(p.medewerker.as_str()));
                    rij.col(|ui| {
                        if ui.link(&p.naam).clicked() {
                            keuze = Some(p.medewerker.clone());
                        }
                    });
                    totalen_cellen(&mut rij, &p.werkvoorraad.totalen(), false);
                });
            }
            body.row(24.0, |mut rij| {
                rij.set_selected(gekozen == Some(ZONDER_MELDING));
                rij.col(|ui| {
                    if ui
                        .link(ZONDER_MELDING_NAAM)
                        .on_hover_text(ZONDER_MELDING_UITLEG)
                        .clicked()
                    {
                        keuze = Some(ZONDER_MELDING.to_owned());
                    }
                });
                totalen_cellen(&mut rij, &team.zonder_melding.totalen(), false);
            });
            body.row(24.0, |mut rij| {
                rij.col(|ui| {
                    ui.label(RichText::new("Hele team").strong());
                });
                totalen_cellen(&mut rij, &team.totaal, true);
            });
        });
    keuze
}
