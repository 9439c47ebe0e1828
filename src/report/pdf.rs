//! The printable report for the gemeenteraad: the doelenboom with, for
//! every chosen year, begroot against realisatie and the bron, a chart per
//! computed indicator over the years, as an A4 PDF.
//!
//! - **Suppression** as the monitoring export does it
//!   ([`super::export`]): in a publication a count 1–4, and a value resting
//!   on a count 1–4, is printed as `.` with the export's note; an internal
//!   report (chosen explicitly) shows them and says so on every page.
//! - **Fonts**: DejaVu Sans and DejaVu Sans Bold (in `assets/fonts`, with
//!   their licence) are compiled in and embedded as subsets, so every Dutch
//!   character prints and the file does not depend on the reader's fonts;
//!   a ToUnicode map keeps the text searchable and copyable.
//! - **Layout**: text wraps to the page width; a heading, an indicator's
//!   table and its chart are kept together on one page where they fit.
//!   Every page carries the date made and "pagina N van M".
//! - **Writing**: like the monitoring export, to an owner-only temporary
//!   file, logged in the audit log, then renamed into place
//!   ([`schrijf_pdf_gelogd`]).

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Date, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use rusqlite::Connection;

use super::export::{NOOT_ONDERDRUKT, Namen, klein, schrijffout};
use super::{Jaarrapport, RapportFout, Waarde};
use crate::domain::Indicatorwaarde;
use crate::domain::catalogus::{Eenheid, Herkomst, Indicator};
use crate::store::audit::{self, Logregel, Resultaat};
use crate::store::bestanden::Tijdelijk;
use crate::store::sleutel;

/// DejaVu Sans (Bitstream Vera licence, `assets/fonts/LICENSE-DejaVu.txt`).
static REGULIER: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold.
static VET: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// A4 in points.
const PAGINA_B: f32 = 595.28;
const PAGINA_H: f32 = 841.89;
/// Left and right margin.
const MARGE: f32 = 50.0;
/// Space above the text area.
const BOVEN: f32 = 50.0;
/// Space below the text area (the footer stands in it).
const ONDER: f32 = 62.0;
/// Width of the text area.
const BREEDTE: f32 = PAGINA_B - 2.0 * MARGE;
/// Indent of an indicator's table and chart under its code.
const INSPRONG: f32 = 14.0;

type Kleur = (f32, f32, f32);
const ZWART: Kleur = (0.0, 0.0, 0.0);
const GRIJS: Kleur = (0.38, 0.38, 0.38);
const LICHTGRIJS: Kleur = (0.82, 0.82, 0.82);
const DOELKLEUR: Kleur = (0.87, 0.92, 0.97);
const BLAUW: Kleur = (0.13, 0.36, 0.62);
const ORANJE: Kleur = (0.85, 0.45, 0.10);

/// What a printed report covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfOpties {
    /// First year.
    pub van: i32,
    /// Last year (inclusive).
    pub tot: i32,
    /// One wijkteam's report (its id) instead of the municipality's.
    pub wijkteam: Option<String>,
    /// Show small numbers (an internal report) instead of suppressing them.
    pub intern: bool,
    /// The day the report is made (on every page).
    pub gemaakt_op: NaiveDate,
}

/// Checks that `pad` names a PDF file (`.pdf`, any case).
pub fn controleer_pad(pad: &Path) -> Result<(), RapportFout> {
    let is_pdf = pad
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if is_pdf {
        Ok(())
    } else {
        Err(RapportFout::PdfExtensie(pad.display().to_string()))
    }
}

// ---------------------------------------------------------------------------
// Fonts

/// One embedded font: its file and the metrics of its glyphs.
struct Letter {
    data: &'static [u8],
    gezicht: ttf_parser::Face<'static>,
    per_em: f32,
    /// The PostScript name with the subset tag.
    naam: &'static str,
}

impl Letter {
    fn laad(data: &'static [u8], naam: &'static str) -> Result<Letter, RapportFout> {
        let gezicht = ttf_parser::Face::parse(data, 0)
            .map_err(|e| RapportFout::Pdf(format!("het lettertype {naam} is onleesbaar: {e}")))?;
        let per_em = f32::from(gezicht.units_per_em());
        Ok(Letter {
            data,
            gezicht,
            per_em,
            naam,
        })
    }

    fn glyph(&self, c: char) -> u16 {
        self.gezicht.glyph_index(c).map_or(0, |g| g.0)
    }

    /// Advance of glyph `gid` in thousandths of the em.
    fn voortgang(&self, gid: u16) -> f32 {
        f32::from(
            self.gezicht
                .glyph_hor_advance(ttf_parser::GlyphId(gid))
                .unwrap_or(0),
        ) * 1000.0
            / self.per_em
    }

    /// Width of `tekst` at `grootte` points.
    fn breedte(&self, tekst: &str, grootte: f32) -> f32 {
        tekst
            .chars()
            .map(|c| self.voortgang(self.glyph(c)))
            .sum::<f32>()
            * grootte
            / 1000.0
    }

    fn in_duizendsten(&self, x: i16) -> f32 {
        f32::from(x) * 1000.0 / self.per_em
    }
}

/// The two fonts: regular and bold.
struct Letters {
    regulier: Letter,
    vet: Letter,
}

impl Letters {
    fn laad() -> Result<Letters, RapportFout> {
        Ok(Letters {
            regulier: Letter::laad(REGULIER, "WJKAAA+DejaVuSans")?,
            vet: Letter::laad(VET, "WJKAAB+DejaVuSans-Bold")?,
        })
    }

    fn van(&self, vet: bool) -> &Letter {
        if vet { &self.vet } else { &self.regulier }
    }

    fn breedte(&self, tekst: &str, grootte: f32, vet: bool) -> f32 {
        self.van(vet).breedte(tekst, grootte)
    }

    /// `tekst` broken into lines of at most `breedte` points: at spaces,
    /// and inside a word only when the word alone is too wide.
    fn regels(&self, tekst: &str, grootte: f32, vet: bool, breedte: f32) -> Vec<String> {
        let mut regels = Vec::new();
        let mut regel = String::new();
        for woord in tekst.split_whitespace() {
            let kandidaat = if regel.is_empty() {
                woord.to_owned()
            } else {
                format!("{regel} {woord}")
            };
            if self.breedte(&kandidaat, grootte, vet) <= breedte {
                regel = kandidaat;
                continue;
            }
            if !regel.is_empty() {
                regels.push(std::mem::take(&mut regel));
            }
            // A word wider than the line is cut where it must.
            for c in woord.chars() {
                regel.push(c);
                if self.breedte(&regel, grootte, vet) > breedte && regel.chars().count() > 1 {
                    regel.pop();
                    regels.push(std::mem::take(&mut regel));
                    regel.push(c);
                }
            }
        }
        if !regel.is_empty() || regels.is_empty() {
            regels.push(regel);
        }
        regels
    }

    /// `tekst` shortened with `…` to fit `breedte`.
    fn passend(&self, tekst: &str, grootte: f32, vet: bool, breedte: f32) -> String {
        if self.breedte(tekst, grootte, vet) <= breedte {
            return tekst.to_owned();
        }
        let mut kort: String = tekst.to_owned();
        while !kort.is_empty() && self.breedte(&format!("{kort}…"), grootte, vet) > breedte {
            kort.pop();
        }
        format!("{}…", kort.trim_end())
    }
}

// ---------------------------------------------------------------------------
// Layout: strips of drawing operations, then pages

/// One drawing operation; `y` is measured downwards from the top of its
/// strip (of its page once placed), text at its baseline.
#[derive(Debug, Clone)]
enum Op {
    Tekst {
        x: f32,
        y: f32,
        grootte: f32,
        vet: bool,
        kleur: Kleur,
        tekst: String,
    },
    Lijn {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        dikte: f32,
        kleur: Kleur,
        gestreept: bool,
    },
    Vlak {
        x: f32,
        y: f32,
        b: f32,
        h: f32,
        kleur: Kleur,
    },
}

impl Op {
    fn verschoven(self, dy: f32) -> Op {
        match self {
            Op::Tekst {
                x,
                y,
                grootte,
                vet,
                kleur,
                tekst,
            } => Op::Tekst {
                x,
                y: y + dy,
                grootte,
                vet,
                kleur,
                tekst,
            },
            Op::Lijn {
                x1,
                y1,
                x2,
                y2,
                dikte,
                kleur,
                gestreept,
            } => Op::Lijn {
                x1,
                y1: y1 + dy,
                x2,
                y2: y2 + dy,
                dikte,
                kleur,
                gestreept,
            },
            Op::Vlak { x, y, b, h, kleur } => Op::Vlak {
                x,
                y: y + dy,
                b,
                h,
                kleur,
            },
        }
    }
}

/// A horizontal strip of the report: never split over two pages.
#[derive(Debug, Clone, Default)]
struct Strook {
    hoogte: f32,
    ops: Vec<Op>,
    /// Keep on the same page as the next strip (a heading and what follows).
    bij_volgende: bool,
    /// Drawn above this strip when it opens a page (a table's header
    /// over the rows that run on).
    vervolgkop: Option<Box<Strook>>,
}

impl Strook {
    fn tekst(&mut self, x: f32, y: f32, grootte: f32, vet: bool, kleur: Kleur, tekst: &str) {
        self.ops.push(Op::Tekst {
            x,
            y,
            grootte,
            vet,
            kleur,
            tekst: tekst.to_owned(),
        });
    }

    fn lijn(&mut self, (x1, y1): (f32, f32), (x2, y2): (f32, f32), dikte: f32, kleur: Kleur) {
        self.ops.push(Op::Lijn {
            x1,
            y1,
            x2,
            y2,
            dikte,
            kleur,
            gestreept: false,
        });
    }
}

/// Places the strips on pages; returns each page's operations.
fn pagineer(stroken: Vec<Strook>) -> Vec<Vec<Op>> {
    let ruimte = PAGINA_H - BOVEN - ONDER;
    let ketens: Vec<f32> = (0..stroken.len())
        .map(|i| {
            let mut h = 0.0;
            for s in &stroken[i..] {
                h += s.hoogte;
                if !s.bij_volgende {
                    break;
                }
            }
            h
        })
        .collect();
    let mut paginas: Vec<Vec<Op>> = Vec::new();
    let mut pagina: Vec<Op> = Vec::new();
    let mut y = 0.0_f32;
    for (strook, keten) in stroken.into_iter().zip(ketens) {
        let past_niet = y + strook.hoogte > ruimte || (keten <= ruimte && y + keten > ruimte);
        if y > 0.0 && past_niet {
            paginas.push(std::mem::take(&mut pagina));
            y = 0.0;
            if let Some(kop) = strook.vervolgkop {
                pagina.extend(kop.ops.into_iter().map(|op| op.verschoven(BOVEN)));
                y = kop.hoogte;
            }
        }
        pagina.extend(strook.ops.into_iter().map(|op| op.verschoven(BOVEN + y)));
        y += strook.hoogte;
    }
    paginas.push(pagina);
    paginas
}

// ---------------------------------------------------------------------------
// Numbers as the report prints them

/// `1234567,5` → `1.234.567,5` (thousands separated by points).
fn met_duizendtallen(tekst: &str) -> String {
    let (teken, rest) = match tekst.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", tekst),
    };
    let (heel, deel) = match rest.split_once(',') {
        Some((h, d)) => (h, Some(d)),
        None => (rest, None),
    };
    let cijfers: Vec<char> = heel.chars().collect();
    let mut uit = String::from(teken);
    for (i, c) in cijfers.iter().enumerate() {
        if i > 0 && (cijfers.len() - i).is_multiple_of(3) {
            uit.push('.');
        }
        uit.push(*c);
    }
    if let Some(d) = deel {
        uit.push(',');
        uit.push_str(d);
    }
    uit
}

/// A number in Dutch notation with its unit (`€ 1.250,00`, `21,5 %`).
fn met_eenheid(tekst: &str, eenheid: Eenheid) -> String {
    let getal = met_duizendtallen(tekst);
    match eenheid {
        Eenheid::Euro => {
            let (heel, deel) = getal.split_once(',').unwrap_or((&getal, ""));
            let deel: String = deel.chars().chain("00".chars()).take(2).collect();
            format!("€ {heel},{deel}")
        }
        Eenheid::Percentage => format!("{getal} %"),
        _ => getal,
    }
}

fn f64_tekst(x: f64) -> String {
    format!("{x}").replace('.', ",")
}

/// One printed cell: its text and, for the chart, the number.
#[derive(Debug, Clone, PartialEq)]
struct Cel {
    tekst: String,
    getal: Option<f64>,
}

impl Cel {
    fn leeg() -> Cel {
        Cel {
            tekst: "–".to_owned(),
            getal: None,
        }
    }
    fn tekst(t: &str) -> Cel {
        Cel {
            tekst: t.to_owned(),
            getal: None,
        }
    }
}

fn begroot_cel(b: Option<&Indicatorwaarde>, eenheid: Eenheid) -> Cel {
    match b {
        Some(Indicatorwaarde {
            waarde: Some(x), ..
        }) => Cel {
            tekst: met_eenheid(&f64_tekst(*x), eenheid),
            getal: Some(*x),
        },
        Some(Indicatorwaarde { tekst: Some(t), .. }) => Cel::tekst(t),
        _ => Cel::leeg(),
    }
}

/// What the report says about one indicator: a row of begroot and one of
/// realisatie per year, breakdown rows, and whether a chart belongs to it.
#[derive(Debug)]
struct Blok {
    indicator: &'static Indicator,
    bron: String,
    begroot: Vec<Cel>,
    realisatie: Vec<Cel>,
    uitsplitsing: Vec<(String, Vec<Cel>)>,
}

/// Everything suppressed or unavailable, for the notes.
#[derive(Debug, Default)]
struct Noten {
    onderdrukt: bool,
    redenen: Vec<String>,
}

/// The cells of one indicator over the years, suppressed exactly as the
/// monitoring export does (`export::bouw_tabel`).
fn blok(
    indicator: &'static Indicator,
    rapporten: &[Jaarrapport],
    intern: bool,
    namen: &Namen,
    noten: &mut Noten,
) -> Blok {
    let mut bron = indicator.bron.to_owned();
    let mut begroot = Vec::new();
    let mut realisatie = Vec::new();
    let mut sleutels: Vec<Vec<Option<String>>> = Vec::new();
    for r in rapporten {
        let Some(u) = r.uitkomst(indicator.code) else {
            begroot.push(Cel::leeg());
            realisatie.push(Cel::leeg());
            continue;
        };
        begroot.push(begroot_cel(u.begroot.as_ref(), indicator.eenheid));
        let verberg = !intern && u.teller.is_some_and(klein);
        realisatie.push(match &u.waarde {
            Waarde::Getal(_)
            | Waarde::Extern {
                waarde: Some(_), ..
            } if verberg => {
                noten.onderdrukt = true;
                Cel::tekst(".")
            }
            Waarde::Getal(d) => Cel {
                tekst: met_eenheid(&d.tekst(','), indicator.eenheid),
                getal: Some(d.als_f64()),
            },
            Waarde::Extern {
                waarde,
                tekst,
                bron: eigen,
            } => {
                if let Some(b) = eigen {
                    bron.clone_from(b);
                }
                match (waarde, tekst) {
                    (Some(x), _) => Cel {
                        tekst: met_eenheid(&f64_tekst(*x), indicator.eenheid),
                        getal: Some(*x),
                    },
                    (None, Some(t)) => Cel::tekst(t),
                    (None, None) => Cel::leeg(),
                }
            }
            Waarde::Geen { reden } => {
                if indicator.herkomst == Herkomst::Register {
                    noten
                        .redenen
                        .push(format!("{} in {}: {reden}", indicator.code, r.jaar));
                    Cel::tekst("n.b.")
                } else {
                    Cel::leeg()
                }
            }
            Waarde::Uitsplitsing(rs) => {
                for rr in rs {
                    if !sleutels.contains(&rr.sleutels) {
                        sleutels.push(rr.sleutels.clone());
                    }
                }
                Cel::tekst("zie onder")
            }
        });
    }
    // Missing keys last, as the export sorts them.
    sleutels.sort_by(|a, b| {
        let k = |s: &Vec<Option<String>>| s.iter().map(|x| (x.is_none(), x.clone())).collect();
        let (ka, kb): (Vec<_>, Vec<_>) = (k(a), k(b));
        ka.cmp(&kb)
    });
    let uitsplitsing = sleutels
        .into_iter()
        .map(|sleutel| {
            let label = indicator
                .uitsplitsing
                .iter()
                .zip(&sleutel)
                .map(|(soort, w)| namen.sleutel(soort, w.as_deref()))
                .collect::<Vec<_>>()
                .join(" — ");
            let cellen = rapporten
                .iter()
                .map(|r| {
                    let n = match r.uitkomst(indicator.code).map(|u| &u.waarde) {
                        Some(Waarde::Uitsplitsing(rs)) => rs
                            .iter()
                            .find(|x| x.sleutels == sleutel)
                            .map_or(0, |x| x.waarde),
                        _ => 0,
                    };
                    if !intern && klein(n) {
                        noten.onderdrukt = true;
                        Cel::tekst(".")
                    } else {
                        Cel {
                            tekst: met_duizendtallen(&n.to_string()),
                            getal: Some(n as f64),
                        }
                    }
                })
                .collect();
            (label, cellen)
        })
        .collect();
    Blok {
        indicator,
        bron,
        begroot,
        realisatie,
        uitsplitsing,
    }
}

// ---------------------------------------------------------------------------
// The report's parts

/// What the title block and the footer say.
#[derive(Debug)]
struct Kop {
    gemeente: String,
    periode: String,
    wijkteam: Option<String>,
    gemaakt_op: String,
    intern: bool,
}

struct Opbouw<'a> {
    letters: &'a Letters,
    stroken: Vec<Strook>,
}

impl Opbouw<'_> {
    /// A wrapped paragraph as one strip.
    #[allow(
        clippy::too_many_arguments,
        reason = "a paragraph's look has many knobs"
    )]
    fn alinea(
        &mut self,
        x: f32,
        tekst: &str,
        grootte: f32,
        vet: bool,
        kleur: Kleur,
        voor: f32,
        bij_volgende: bool,
    ) {
        let regelafstand = grootte * 1.3;
        let mut s = Strook {
            bij_volgende,
            ..Strook::default()
        };
        let regels = self
            .letters
            .regels(tekst, grootte, vet, BREEDTE - (x - MARGE));
        for (i, regel) in regels.iter().enumerate() {
            s.tekst(
                x,
                voor + grootte + regelafstand * i as f32,
                grootte,
                vet,
                kleur,
                regel,
            );
        }
        s.hoogte = voor + regelafstand * regels.len() as f32 + grootte * 0.3;
        self.stroken.push(s);
    }

    fn titelblok(&mut self, kop: &Kop) {
        self.alinea(
            MARGE,
            "Prestatie-indicatoren sociaal domein",
            20.0,
            true,
            BLAUW,
            0.0,
            true,
        );
        self.alinea(
            MARGE,
            &format!("Rapportage aan de gemeenteraad — {}", kop.gemeente),
            13.0,
            false,
            ZWART,
            2.0,
            true,
        );
        let mut regels = vec![
            ("Gemeente", kop.gemeente.clone()),
            ("Periode", kop.periode.clone()),
        ];
        if let Some(team) = &kop.wijkteam {
            regels.push(("Wijkteam", team.clone()));
        }
        regels.push(("Gemaakt op", kop.gemaakt_op.clone()));
        regels.push((
            "Soort",
            if kop.intern {
                "intern — kleine aantallen zijn niet onderdrukt; niet publiceren".to_owned()
            } else {
                "publicatie — kleine aantallen (1 tot en met 4) zijn onderdrukt".to_owned()
            },
        ));
        let mut s = Strook {
            bij_volgende: true,
            ..Strook::default()
        };
        let mut y = 12.0;
        for (label, waarde) in regels {
            y += 14.0;
            s.tekst(MARGE, y, 10.0, true, ZWART, label);
            for (i, regel) in self
                .letters
                .regels(&waarde, 10.0, false, BREEDTE - 90.0)
                .iter()
                .enumerate()
            {
                if i > 0 {
                    y += 13.0;
                }
                s.tekst(MARGE + 90.0, y, 10.0, false, ZWART, regel);
            }
        }
        y += 12.0;
        s.lijn((MARGE, y), (MARGE + BREEDTE, y), 0.8, BLAUW);
        s.hoogte = y + 8.0;
        self.stroken.push(s);
        self.alinea(
            MARGE,
            "Per strategisch doel en beleidslijn uit het Actieplan staan de indicatoren met voor elk jaar \
             de begrote waarde (begroot) en de gerealiseerde waarde (realisatie), en de bron. \
             Bij elke indicator die het register zelf berekent staat een grafiek van de realisatie \
             over de jaren (balken) met de begrote waarde (streepjes). \
             n.b. = niet beschikbaar (de reden staat achterin); – = geen waarde vastgelegd.",
            9.0,
            false,
            GRIJS,
            4.0,
            false,
        );
        if !kop.intern {
            self.alinea(MARGE, NOOT_ONDERDRUKT, 9.0, false, GRIJS, 2.0, false);
        }
    }

    fn doel(&mut self, nummer: &str, naam: &str) {
        let tekst = if nummer == "L" {
            naam.to_owned()
        } else {
            format!("Strategisch doel {nummer} — {naam}")
        };
        let regels = self.letters.regels(&tekst, 12.0, true, BREEDTE - 12.0);
        let mut s = Strook {
            bij_volgende: true,
            ..Strook::default()
        };
        let h = 8.0 + 15.6 * regels.len() as f32;
        s.ops.push(Op::Vlak {
            x: MARGE,
            y: 14.0,
            b: BREEDTE,
            h,
            kleur: DOELKLEUR,
        });
        for (i, r) in regels.iter().enumerate() {
            s.tekst(
                MARGE + 6.0,
                14.0 + 4.0 + 12.0 + 15.6 * i as f32,
                12.0,
                true,
                BLAUW,
                r,
            );
        }
        s.hoogte = 14.0 + h + 4.0;
        self.stroken.push(s);
    }

    fn beleidslijn(&mut self, code: &str, paragrafen: &[&str], titel: &str) {
        let kop = if code.is_empty() {
            paragrafen.join("; ")
        } else {
            format!(
                "Beleidslijn {code} (Actieplan § {})",
                paragrafen.join("; § ")
            )
        };
        self.alinea(MARGE, &kop, 10.5, true, ZWART, 8.0, true);
        self.alinea(MARGE, titel, 9.5, false, ZWART, 0.0, true);
    }

    /// An indicator: code and name, unit and bron, the table (the years
    /// in chunks that fit the width) and, for a computed single value,
    /// the chart.
    fn indicator(&mut self, blok: &Blok, jaren: &[i32]) {
        let ind = blok.indicator;
        // Code and name.
        let code_b = self.letters.breedte(ind.code, 9.5, true).max(34.0) + 8.0;
        let regels = self
            .letters
            .regels(ind.naam, 9.5, false, BREEDTE - INSPRONG - code_b);
        let mut naam = Strook {
            bij_volgende: true,
            ..Strook::default()
        };
        naam.tekst(MARGE + INSPRONG, 8.0 + 9.5, 9.5, true, ZWART, ind.code);
        for (i, r) in regels.iter().enumerate() {
            naam.tekst(
                MARGE + INSPRONG + code_b,
                8.0 + 9.5 + 12.4 * i as f32,
                9.5,
                false,
                ZWART,
                r,
            );
        }
        let mut onder = 8.0 + 12.4 * regels.len() as f32;
        let meta = format!(
            "Eenheid: {} · Bron: {}{}",
            ind.eenheid.label(),
            blok.bron,
            if ind.is_berekend() {
                " · berekend uit het register"
            } else {
                ""
            }
        );
        for r in self
            .letters
            .regels(&meta, 8.0, false, BREEDTE - INSPRONG - code_b)
        {
            onder += 10.5;
            naam.tekst(MARGE + INSPRONG + code_b, onder, 8.0, false, GRIJS, &r);
        }
        naam.hoogte = onder + 5.0;
        self.stroken.push(naam);

        // The table, in chunks of years.
        let x0 = MARGE + INSPRONG;
        let beschikbaar = BREEDTE - INSPRONG;
        let label_b = if blok.uitsplitsing.is_empty() {
            72.0
        } else {
            170.0
        };
        let per_stuk = (((beschikbaar - label_b) / 52.0).floor() as usize).clamp(1, 12);
        let kolom_b = ((beschikbaar - label_b) / per_stuk.min(jaren.len()).max(1) as f32).min(80.0);
        // A chart of a computed single value; one of nothing but zeros
        // and suppressed years would show nothing, a line says so.
        let berekend_enkel = ind.is_berekend() && blok.uitsplitsing.is_empty();
        let heeft_grafiek = berekend_enkel
            && blok
                .realisatie
                .iter()
                .any(|c| c.getal.is_some_and(|w| w != 0.0));
        let grafiekregel = berekend_enkel && !heeft_grafiek;
        // Something follows the table: the chart or the line why not.
        let na_tabel = ind.is_berekend();
        let stukken: Vec<std::ops::Range<usize>> = (0..jaren.len())
            .step_by(per_stuk)
            .map(|b| b..(b + per_stuk).min(jaren.len()))
            .collect();
        let aantal_stukken = stukken.len();
        for (n, stuk) in stukken.into_iter().enumerate() {
            let laatste = n + 1 == aantal_stukken;
            let mut rijen: Vec<(String, bool, &[Cel])> = vec![
                ("Begroot".to_owned(), false, &blok.begroot[stuk.clone()]),
                (
                    "Realisatie".to_owned(),
                    true,
                    &blok.realisatie[stuk.clone()],
                ),
            ];
            for (label, cellen) in &blok.uitsplitsing {
                rijen.push((label.clone(), false, &cellen[stuk.clone()]));
            }
            // The header row.
            let mut kop = Strook {
                hoogte: 14.0,
                bij_volgende: true,
                ..Strook::default()
            };
            kop.tekst(x0, 10.0, 8.0, true, GRIJS, "Jaar");
            for (k, jaar) in jaren[stuk.clone()].iter().enumerate() {
                let t = jaar.to_string();
                let x = x0 + label_b + kolom_b * (k + 1) as f32
                    - 4.0
                    - self.letters.breedte(&t, 8.0, true);
                kop.tekst(x, 10.0, 8.0, true, GRIJS, &t);
            }
            let eind = x0 + label_b + kolom_b * stuk.len() as f32;
            kop.lijn((x0, 13.0), (eind, 13.0), 0.5, LICHTGRIJS);
            // Over breakdown rows that run on to a new page: the code and
            // the header again.
            let mut vervolg = Strook {
                hoogte: 14.0 + 14.0,
                ..Strook::default()
            };
            vervolg.tekst(
                x0,
                10.0,
                8.0,
                true,
                GRIJS,
                &format!("{} (vervolg)", ind.code),
            );
            vervolg
                .ops
                .extend(kop.ops.iter().cloned().map(|op| op.verschoven(14.0)));
            let vervolg = Box::new(vervolg);
            self.stroken.push(kop);
            let aantal_rijen = rijen.len();
            for (r, (label, vet, cellen)) in rijen.into_iter().enumerate() {
                let label_regels = self.letters.regels(&label, 8.0, vet, label_b - 6.0);
                let rij_h = 3.0 + 10.0 * label_regels.len() as f32;
                // Begroot, realisatie and a breakdown's first row stay with
                // the header, the last row with what follows (the chart, the
                // next years' table); a long breakdown may run on to the
                // next page, under its header again.
                let mut rij = Strook {
                    hoogte: rij_h,
                    bij_volgende: r == 0
                        || (r == 1 && aantal_rijen > 2)
                        || (r + 1 == aantal_rijen && (na_tabel || !laatste)),
                    vervolgkop: (r >= 2).then(|| vervolg.clone()),
                    ..Strook::default()
                };
                for (i, l) in label_regels.iter().enumerate() {
                    rij.tekst(x0, 9.0 + 10.0 * i as f32, 8.0, vet, ZWART, l);
                }
                for (k, cel) in cellen.iter().enumerate() {
                    let getoond = self.letters.passend(&cel.tekst, 8.0, vet, kolom_b - 6.0);
                    let x = x0 + label_b + kolom_b * (k + 1) as f32
                        - 4.0
                        - self.letters.breedte(&getoond, 8.0, vet);
                    rij.tekst(x, 9.0, 8.0, vet, ZWART, &getoond);
                }
                rij.lijn((x0, rij_h), (eind, rij_h), 0.3, LICHTGRIJS);
                self.stroken.push(rij);
            }
            if !laatste {
                // The next years' table follows on the same page.
                self.stroken.push(Strook {
                    hoogte: 6.0,
                    bij_volgende: true,
                    ..Strook::default()
                });
            }
        }
        if heeft_grafiek {
            self.grafiek(blok, jaren);
        } else if grafiekregel {
            self.alinea(
                MARGE + INSPRONG,
                "Geen grafiek: elk jaar is 0, niet getoond of niet beschikbaar.",
                7.5,
                false,
                GRIJS,
                2.0,
                false,
            );
        } else if ind.is_berekend() && !blok.uitsplitsing.is_empty() {
            self.alinea(
                MARGE + INSPRONG,
                "Geen grafiek: deze indicator is uitgesplitst; de tabel toont elke regel per jaar.",
                7.5,
                false,
                GRIJS,
                2.0,
                false,
            );
        }
        self.stroken.push(Strook {
            hoogte: 4.0,
            ..Strook::default()
        });
    }

    /// A bar chart of the realisatie over the years, the target as a
    /// dashed mark; a suppressed year shows `.`, a year without value `–`.
    fn grafiek(&mut self, blok: &Blok, jaren: &[i32]) {
        let x0 = MARGE + INSPRONG + 48.0;
        let breedte = (BREEDTE - INSPRONG - 48.0).min(44.0 * jaren.len() as f32 + 20.0);
        let boven = 10.0;
        let hoogte = 82.0;
        let basis = boven + hoogte;
        let mut s = Strook {
            hoogte: basis + 26.0,
            ..Strook::default()
        };
        let max = blok
            .realisatie
            .iter()
            .chain(&blok.begroot)
            .filter_map(|c| c.getal)
            .fold(0.0_f64, f64::max);
        let (mut schaal_max, mut stap) = as_schaal(max);
        if blok.indicator.eenheid == Eenheid::Aantal && stap < 1.0 {
            // Counts are whole: no grid line at a half.
            (schaal_max, stap) = (schaal_max.ceil().max(1.0), 1.0);
        }
        let stappen = (schaal_max / stap).round().max(1.0) as i32;
        // Axis and grid lines with their values.
        for i in 0..=stappen {
            let w = stap * f64::from(i);
            let y = basis - hoogte * (i as f32) / stappen as f32;
            let kleur = if i == 0 { GRIJS } else { LICHTGRIJS };
            s.lijn(
                (x0, y),
                (x0 + breedte, y),
                if i == 0 { 0.7 } else { 0.3 },
                kleur,
            );
            let t = met_duizendtallen(&as_label(w));
            let tb = self.letters.breedte(&t, 7.0, false);
            s.tekst(x0 - 4.0 - tb, y + 2.5, 7.0, false, GRIJS, &t);
        }
        s.lijn((x0, boven), (x0, basis), 0.7, GRIJS);
        let vak = breedte / jaren.len() as f32;
        let balk = (vak * 0.55).min(26.0);
        for (k, jaar) in jaren.iter().enumerate() {
            let midden = x0 + vak * (k as f32 + 0.5);
            if let Some(w) = blok.realisatie[k].getal {
                let h = if schaal_max > 0.0 {
                    (w / schaal_max) as f32 * hoogte
                } else {
                    0.0
                };
                s.ops.push(Op::Vlak {
                    x: midden - balk / 2.0,
                    y: basis - h,
                    b: balk,
                    h,
                    kleur: BLAUW,
                });
            } else {
                let t = &blok.realisatie[k].tekst;
                let tb = self.letters.breedte(t, 8.0, true);
                s.tekst(midden - tb / 2.0, basis - 4.0, 8.0, true, GRIJS, t);
            }
            if let Some(b) = blok.begroot[k].getal {
                let y = if schaal_max > 0.0 {
                    basis - (b / schaal_max) as f32 * hoogte
                } else {
                    basis
                };
                s.ops.push(Op::Lijn {
                    x1: midden - vak * 0.42,
                    y1: y,
                    x2: midden + vak * 0.42,
                    y2: y,
                    dikte: 1.4,
                    kleur: ORANJE,
                    gestreept: true,
                });
            }
            let t = jaar.to_string();
            let tb = self.letters.breedte(&t, 7.0, false);
            s.tekst(midden - tb / 2.0, basis + 10.0, 7.0, false, GRIJS, &t);
        }
        // Legend.
        let ly = basis + 22.0;
        s.ops.push(Op::Vlak {
            x: x0,
            y: ly - 6.5,
            b: 8.0,
            h: 7.0,
            kleur: BLAUW,
        });
        s.tekst(x0 + 11.0, ly, 7.0, false, GRIJS, "realisatie");
        let lx = x0 + 60.0;
        s.ops.push(Op::Lijn {
            x1: lx,
            y1: ly - 3.0,
            x2: lx + 12.0,
            y2: ly - 3.0,
            dikte: 1.4,
            kleur: ORANJE,
            gestreept: true,
        });
        s.tekst(lx + 15.0, ly, 7.0, false, GRIJS, "begroot");
        if blok.realisatie.iter().any(|c| c.tekst == ".") {
            s.tekst(
                lx + 60.0,
                ly,
                7.0,
                false,
                GRIJS,
                ". = niet getoond (klein aantal)",
            );
        }
        self.stroken.push(s);
    }

    fn noten(&mut self, noten: &Noten, intern: bool) {
        if !noten.onderdrukt && noten.redenen.is_empty() && !intern {
            return;
        }
        self.alinea(MARGE, "Toelichting", 11.0, true, ZWART, 14.0, true);
        if noten.onderdrukt {
            self.alinea(MARGE, NOOT_ONDERDRUKT, 8.5, false, ZWART, 2.0, false);
        }
        if intern {
            self.alinea(
                MARGE,
                "Intern rapport: kleine aantallen zijn niet onderdrukt; niet publiceren.",
                8.5,
                true,
                ZWART,
                2.0,
                false,
            );
        }
        if !noten.redenen.is_empty() {
            self.alinea(
                MARGE,
                "n.b. = niet beschikbaar:",
                8.5,
                false,
                ZWART,
                4.0,
                true,
            );
            for r in &noten.redenen {
                self.alinea(MARGE + 10.0, r, 8.5, false, ZWART, 0.0, false);
            }
        }
    }
}

/// A chart's axis for values up to `max`: its top and the step between
/// grid lines (1, 2 or 5 times a power of ten; at most five steps).
fn as_schaal(max: f64) -> (f64, f64) {
    if max <= 0.0 || !max.is_finite() {
        return (1.0, 0.25);
    }
    let ruw = max / 4.0;
    let macht = 10f64.powf(ruw.log10().floor());
    let stap = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|f| f * macht)
        .find(|s| *s >= ruw)
        .unwrap_or(10.0 * macht);
    ((max / stap).ceil() * stap, stap)
}

/// An axis value without needless decimals, decimal comma.
fn as_label(w: f64) -> String {
    let afgerond = (w * 100.0).round() / 100.0;
    f64_tekst(afgerond)
}

// ---------------------------------------------------------------------------
// Writing the PDF

/// The glyphs one font needs, renumbered for its subset.
struct Gebruik {
    remapper: subsetter::GlyphRemapper,
    unicode: Vec<(u16, char)>,
}

impl Gebruik {
    fn new() -> Gebruik {
        Gebruik {
            remapper: subsetter::GlyphRemapper::new(),
            unicode: Vec::new(),
        }
    }

    /// The text as two-byte glyph ids of the subset.
    fn codeer(&mut self, letter: &Letter, tekst: &str) -> Vec<u8> {
        let mut uit = Vec::with_capacity(tekst.len() * 2);
        for c in tekst.chars() {
            let oud = letter.glyph(c);
            let bekend = self.remapper.get(oud).is_some();
            let nieuw = self.remapper.remap(oud);
            if !bekend && oud != 0 {
                self.unicode.push((nieuw, c));
            }
            uit.extend_from_slice(&nieuw.to_be_bytes());
        }
        uit
    }
}

fn comprimeer(data: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing to a Vec cannot fail.
    let _ = z.write_all(data);
    z.finish().unwrap_or_default()
}

fn pdffout(e: impl std::fmt::Display) -> RapportFout {
    RapportFout::Pdf(e.to_string())
}

/// Writes one font (Type 0, Identity-H, embedded TrueType subset).
fn schrijf_letter(
    pdf: &mut Pdf,
    volgende: &mut impl FnMut() -> Ref,
    letter: &Letter,
    gebruik: &Gebruik,
    type0: Ref,
) -> Result<(), RapportFout> {
    let cid = volgende();
    let beschrijving = volgende();
    let bestand = volgende();
    let cmap = volgende();
    let naam = Name(letter.naam.as_bytes());
    let systeem = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    pdf.type0_font(type0)
        .base_font(naam)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap);
    let breedtes: Vec<f32> = gebruik
        .remapper
        .remapped_gids()
        .map(|g| letter.voortgang(g))
        .collect();
    let mut cidfont = pdf.cid_font(cid);
    cidfont
        .subtype(CidFontType::Type2)
        .base_font(naam)
        .system_info(systeem)
        .font_descriptor(beschrijving)
        .default_width(0.0)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    cidfont.widths().consecutive(0, breedtes);
    cidfont.finish();
    let g = &letter.gezicht;
    let vak = g.global_bounding_box();
    pdf.font_descriptor(beschrijving)
        .name(naam)
        .flags(FontFlags::SYMBOLIC)
        .bbox(Rect::new(
            letter.in_duizendsten(vak.x_min),
            letter.in_duizendsten(vak.y_min),
            letter.in_duizendsten(vak.x_max),
            letter.in_duizendsten(vak.y_max),
        ))
        .italic_angle(0.0)
        .ascent(letter.in_duizendsten(g.ascender()))
        .descent(letter.in_duizendsten(g.descender()))
        .cap_height(letter.in_duizendsten(g.capital_height().unwrap_or(g.ascender())))
        .stem_v(80.0)
        .font_file2(bestand);
    let deel = subsetter::subset(letter.data, 0, &gebruik.remapper).map_err(pdffout)?;
    let gecomprimeerd = comprimeer(&deel);
    pdf.stream(bestand, &gecomprimeerd)
        .filter(Filter::FlateDecode)
        .pair(Name(b"Length1"), deel.len() as i32);
    let mut kaart = UnicodeCmap::new(Name(b"Wijkregister-UCS"), systeem);
    for (gid, c) in &gebruik.unicode {
        kaart.pair(*gid, *c);
    }
    let kaart = kaart.finish();
    pdf.cmap(cmap, &kaart);
    Ok(())
}

/// Puts the footer on every page: what the report is on the left, the
/// date made and "pagina N van M" on the right.
fn voeg_voet_toe(paginas: &mut [Vec<Op>], letters: &Letters, kop: &Kop) {
    let totaal = paginas.len();
    let voet_links = format!(
        "{} · {}{} · {}",
        kop.gemeente,
        kop.periode,
        kop.wijkteam
            .as_ref()
            .map_or_else(String::new, |t| format!(" · {t}")),
        if kop.intern { "intern" } else { "publicatie" }
    );
    for (n, ops) in paginas.iter_mut().enumerate() {
        let rechts = format!(
            "gemaakt op {} — pagina {} van {totaal}",
            kop.gemaakt_op,
            n + 1
        );
        let rb = letters.breedte(&rechts, 7.5, false);
        let links = letters.passend(&voet_links, 7.5, false, BREEDTE - rb - 16.0);
        let y = PAGINA_H - ONDER + 24.0;
        ops.push(Op::Lijn {
            x1: MARGE,
            y1: y - 10.0,
            x2: MARGE + BREEDTE,
            y2: y - 10.0,
            dikte: 0.5,
            kleur: LICHTGRIJS,
            gestreept: false,
        });
        ops.push(Op::Tekst {
            x: MARGE,
            y,
            grootte: 7.5,
            vet: false,
            kleur: GRIJS,
            tekst: links,
        });
        ops.push(Op::Tekst {
            x: MARGE + BREEDTE - rb,
            y,
            grootte: 7.5,
            vet: false,
            kleur: GRIJS,
            tekst: rechts,
        });
    }
}

/// The pages as a PDF document.
fn schrijf_document(
    paginas: Vec<Vec<Op>>,
    letters: &Letters,
    kop: &Kop,
    datum: NaiveDate,
) -> Result<Vec<u8>, RapportFout> {
    let totaal = paginas.len();
    let mut teller = 0;
    let mut volgende = || {
        teller += 1;
        Ref::new(teller)
    };
    let catalogus_id = volgende();
    let boom_id = volgende();
    let info_id = volgende();
    let f1 = volgende();
    let f2 = volgende();
    let mut pdf = Pdf::new();
    pdf.catalog(catalogus_id).pages(boom_id);
    let mut gebruik = [Gebruik::new(), Gebruik::new()];
    let mut pagina_ids = Vec::with_capacity(totaal);
    for ops in paginas {
        let mut inhoud = Content::new();
        for op in ops {
            match op {
                Op::Tekst {
                    x,
                    y,
                    grootte,
                    vet,
                    kleur,
                    tekst,
                } => {
                    if tekst.is_empty() {
                        continue;
                    }
                    let i = usize::from(vet);
                    let bytes = gebruik[i].codeer(letters.van(vet), &tekst);
                    inhoud
                        .set_fill_rgb(kleur.0, kleur.1, kleur.2)
                        .begin_text()
                        .set_font(Name(if vet { b"F2" } else { b"F1" }), grootte)
                        .next_line(x, PAGINA_H - y)
                        .show(Str(&bytes))
                        .end_text();
                }
                Op::Lijn {
                    x1,
                    y1,
                    x2,
                    y2,
                    dikte,
                    kleur,
                    gestreept,
                } => {
                    inhoud.save_state();
                    if gestreept {
                        inhoud.set_dash_pattern([3.0, 2.0], 0.0);
                    }
                    inhoud
                        .set_stroke_rgb(kleur.0, kleur.1, kleur.2)
                        .set_line_width(dikte)
                        .move_to(x1, PAGINA_H - y1)
                        .line_to(x2, PAGINA_H - y2)
                        .stroke()
                        .restore_state();
                }
                Op::Vlak { x, y, b, h, kleur } => {
                    inhoud
                        .set_fill_rgb(kleur.0, kleur.1, kleur.2)
                        .rect(x, PAGINA_H - y - h, b, h)
                        .fill_nonzero();
                }
            }
        }
        let pagina_id = volgende();
        let inhoud_id = volgende();
        pdf.stream(inhoud_id, &comprimeer(&inhoud.finish()))
            .filter(Filter::FlateDecode);
        let mut pagina = pdf.page(pagina_id);
        pagina
            .media_box(Rect::new(0.0, 0.0, PAGINA_B, PAGINA_H))
            .parent(boom_id)
            .contents(inhoud_id);
        pagina
            .resources()
            .fonts()
            .pair(Name(b"F1"), f1)
            .pair(Name(b"F2"), f2);
        pagina.finish();
        pagina_ids.push(pagina_id);
    }
    pdf.pages(boom_id)
        .kids(pagina_ids.iter().copied())
        .count(totaal as i32);
    let [g1, g2] = &gebruik;
    schrijf_letter(&mut pdf, &mut volgende, &letters.regulier, g1, f1)?;
    schrijf_letter(&mut pdf, &mut volgende, &letters.vet, g2, f2)?;
    let titel = format!(
        "Prestatie-indicatoren {} {}{}",
        kop.gemeente,
        kop.periode,
        kop.wijkteam
            .as_ref()
            .map_or_else(String::new, |t| format!(", {t}"))
    );
    let datum = Date::new(datum.year().clamp(0, 9999) as u16)
        .month(datum.month() as u8)
        .day(datum.day() as u8);
    pdf.document_info(info_id)
        .title(TextStr(&titel))
        .producer(TextStr("wijkregister"))
        .creation_date(datum);
    Ok(pdf.finish())
}

/// The report of `rapporten` (one per year, in year order) as PDF bytes.
fn bouw_pdf(
    rapporten: &[Jaarrapport],
    namen: &Namen,
    kop: &Kop,
    opties: &PdfOpties,
) -> Result<Vec<u8>, RapportFout> {
    let letters = Letters::laad()?;
    let paginas = opmaak(&letters, rapporten, namen, kop, opties.intern);
    schrijf_document(paginas, &letters, kop, opties.gemaakt_op)
}

/// The pages of the report, footers included.
fn opmaak(
    letters: &Letters,
    rapporten: &[Jaarrapport],
    namen: &Namen,
    kop: &Kop,
    intern: bool,
) -> Vec<Vec<Op>> {
    let mut opbouw = Opbouw {
        letters,
        stroken: Vec::new(),
    };
    opbouw.titelblok(kop);
    let jaren: Vec<i32> = rapporten.iter().map(|r| r.jaar).collect();
    let mut noten = Noten::default();
    let boom = crate::report::doelenboom_van(rapporten);
    for stam in boom {
        opbouw.doel(stam.doel.nummer, stam.doel.naam);
        for tak in &stam.takken {
            let bl = tak.beleidslijn;
            opbouw.beleidslijn(bl.code, &tak.paragrafen, bl.titel);
            for ind in &tak.indicatoren {
                let b = blok(ind, rapporten, intern, namen, &mut noten);
                opbouw.indicator(&b, &jaren);
            }
        }
    }
    opbouw.noten(&noten, intern);
    let mut paginas = pagineer(opbouw.stroken);
    voeg_voet_toe(&mut paginas, letters, kop);
    paginas
}

/// Computes the years of `opties` and the report's bytes, calling
/// `voortgang(klaar, totaal)` after each year.
pub fn pdf_bytes(
    conn: &Connection,
    opties: &PdfOpties,
    voortgang: &mut dyn FnMut(usize, usize),
) -> Result<Vec<u8>, RapportFout> {
    if opties.tot < opties.van {
        return Err(RapportFout::Gegevens(format!(
            "het laatste jaar ({}) ligt vóór het eerste ({})",
            opties.tot, opties.van
        )));
    }
    let totaal = usize::try_from(opties.tot - opties.van + 1).unwrap_or(0) + 1;
    let rapporten = super::berekening::bereken_jaren_met_voortgang_voor(
        conn,
        opties.van,
        opties.tot,
        opties.wijkteam.as_deref(),
        &mut |klaar, _| voortgang(klaar, totaal),
    )?;
    let gemeente = rapporten
        .first()
        .and_then(|r| r.gemeente.clone())
        .map_or_else(
            || "(gemeente niet ingesteld)".to_owned(),
            |g| format!("Gemeente {g}"),
        );
    let namen = Namen::lees(conn)?;
    let wijkteam = opties
        .wijkteam
        .as_deref()
        .map(|id| format!("{} ({id})", namen.wijkteam(id)));
    let kop = Kop {
        gemeente,
        periode: if opties.van == opties.tot {
            opties.van.to_string()
        } else {
            format!("{} tot en met {}", opties.van, opties.tot)
        },
        wijkteam,
        gemaakt_op: crate::domain::datum::nl(opties.gemaakt_op),
        intern: opties.intern,
    };
    bouw_pdf(&rapporten, &namen, &kop, opties)
}

/// Computes the years of `opties` and writes the report to `pad`, logged
/// before it exists: the file is written to an owner-only temporary file,
/// the export is logged as `actor` at `tijdstip` (object
/// `rapport-pdf:<pad>`) and anchored, and only then is the file renamed to
/// `pad`. When the log cannot be written nothing is left and the error
/// says why; a failure before that is logged as `mislukt` where the log
/// can still be written. Calls `voortgang(klaar, totaal)` after each year
/// and once more when the file is in place. Returns the path written.
pub fn schrijf_pdf_gelogd(
    conn: &Connection,
    pad: &Path,
    opties: &PdfOpties,
    actor: &str,
    tijdstip: &str,
    voortgang: &mut dyn FnMut(usize, usize),
) -> Result<PathBuf, RapportFout> {
    controleer_pad(pad)?;
    let object = format!("rapport-pdf:{}", pad.display());
    let mut details = format!("jaren {} tot en met {}", opties.van, opties.tot);
    if let Some(team) = &opties.wijkteam {
        let _ = write!(details, ", wijkteam {team}");
    }
    details.push_str(if opties.intern {
        ", intern"
    } else {
        ", publicatie"
    });
    let log = |resultaat| {
        audit::log(
            conn,
            &Logregel {
                tijdstip,
                actor,
                actie: "export",
                object: Some(&object),
                doel: None,
                resultaat,
                details: Some(&details),
            },
        )
    };
    let klaar = (|| {
        let inhoud = pdf_bytes(conn, opties, voortgang)?;
        let restanten = conn
            .path()
            .filter(|p| !p.is_empty())
            .and_then(|db| sleutel::restanten_van(Path::new(db)));
        let mut tijdelijk =
            Tijdelijk::nieuw(pad, restanten.as_deref()).map_err(|e| schrijffout(pad, e))?;
        tijdelijk
            .schrijf(&inhoud)
            .map_err(|e| schrijffout(pad, e))?;
        tijdelijk.sync().map_err(|e| schrijffout(pad, e))?;
        Ok::<_, RapportFout>(tijdelijk)
    })();
    let tijdelijk = match klaar {
        Ok(t) => t,
        Err(fout) => {
            let _ = log(Resultaat::Mislukt);
            return Err(fout);
        }
    };
    log(Resultaat::Gelukt)?;
    let _ = sleutel::veranker(conn, "export", None);
    tijdelijk.zet_op_plaats().map_err(|e| schrijffout(pad, e))?;
    let totaal = usize::try_from(opties.tot - opties.van + 1).unwrap_or(0) + 1;
    voortgang(totaal, totaal);
    Ok(pad.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn getallen_op_zijn_nederlands() {
        assert_eq!(met_duizendtallen("1234567,5"), "1.234.567,5");
        assert_eq!(met_duizendtallen("-1234"), "-1.234");
        assert_eq!(met_duizendtallen("999"), "999");
        assert_eq!(met_eenheid("1250,5", Eenheid::Euro), "€ 1.250,50");
        assert_eq!(met_eenheid("21,5", Eenheid::Percentage), "21,5 %");
        assert_eq!(as_schaal(25.0), (30.0, 10.0));
        assert_eq!(as_schaal(20.0), (20.0, 5.0));
        assert_eq!(as_schaal(238.0), (300.0, 100.0));
        assert_eq!(as_schaal(3.0), (3.0, 1.0));
        assert_eq!(as_schaal(0.0), (1.0, 0.25));
    }

    #[test]
    fn tekst_loopt_nooit_buiten_de_regel() {
        let letters = Letters::laad().expect("fonts");
        let tekst = "Stimuleren en créëren randvoorwaarden om eigen kracht aan te wenden; \
                     Een_heel_lang_woord_zonder_spaties_dat_niet_op_één_regel_past_en_dus_wordt_afgebroken";
        let regels = letters.regels(tekst, 10.0, false, 120.0);
        assert!(regels.len() > 3, "{regels:?}");
        for r in &regels {
            assert!(letters.breedte(r, 10.0, false) <= 120.0, "{r}");
        }
        let samen: String = regels.concat().chars().filter(|c| *c != ' ').collect();
        let origineel: String = tekst.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(samen, origineel);
        let kort = letters.passend("een lange tekst die niet past", 8.0, false, 40.0);
        assert!(kort.ends_with('…') && letters.breedte(&kort, 8.0, false) <= 40.0);
    }

    /// Every text, line and bar of a long report (twelve years, a team
    /// with a long name, every breakdown) stays inside the page's margins.
    #[test]
    fn niets_loopt_van_de_pagina() {
        let mut conn = crate::store::open_in_memory().expect("register");
        crate::demo::vul_register(
            &mut conn,
            &crate::demo::DemoInstellingen {
                inwoners: 800,
                jaren: 12,
                eind_jaar: 2025,
                seed: 2,
                peildatum: None,
            },
        )
        .expect("demo");
        let rapporten = crate::report::bereken_jaren(&conn, 2014, 2025).expect("rapport");
        let namen = Namen::lees(&conn).expect("namen");
        let kop = Kop {
            gemeente: "Gemeente Súdwest-Fryslân".to_owned(),
            periode: "2014 tot en met 2025".to_owned(),
            wijkteam: Some(format!("{} (WT-LANG)", "Wijkteam Noordoost ".repeat(8))),
            gemaakt_op: "05-01-2026".to_owned(),
            intern: true,
        };
        let letters = Letters::laad().expect("fonts");
        let paginas = opmaak(&letters, &rapporten, &namen, &kop, true);
        assert!(paginas.len() > 10);
        let (links, rechts) = (MARGE - 0.01, MARGE + BREEDTE + 0.01);
        let (boven, onder) = (BOVEN - 0.01, PAGINA_H - ONDER + 30.0);
        for (n, pagina) in paginas.iter().enumerate() {
            for op in pagina {
                let (x1, x2, y1, y2) = match op {
                    Op::Tekst {
                        x,
                        y,
                        grootte,
                        vet,
                        tekst,
                        ..
                    } => (
                        *x,
                        x + letters.breedte(tekst, *grootte, *vet),
                        y - grootte,
                        *y,
                    ),
                    Op::Lijn { x1, y1, x2, y2, .. } => (*x1, *x2, y1.min(*y2), y1.max(*y2)),
                    Op::Vlak { x, y, b, h, .. } => (*x, x + b, *y, y + h),
                };
                assert!(
                    x1 >= links && x2 <= rechts && y1 >= boven && y2 <= onder,
                    "pagina {}: {op:?} valt buiten de marges",
                    n + 1
                );
            }
        }
        // The body stays above the footer.
        for pagina in &paginas {
            let voet = PAGINA_H - ONDER + 14.0;
            let romp = &pagina[..pagina.len() - 3];
            assert!(romp.iter().all(|op| match op {
                Op::Tekst { y, .. } | Op::Vlak { y, .. } => *y <= voet,
                Op::Lijn { y1, y2, .. } => y1.max(*y2) <= voet,
            }));
        }
    }

    #[test]
    fn een_heading_blijft_bij_wat_volgt() {
        let kop = Strook {
            hoogte: 30.0,
            bij_volgende: true,
            vervolgkop: None,
            ops: vec![Op::Tekst {
                x: 0.0,
                y: 10.0,
                grootte: 10.0,
                vet: true,
                kleur: ZWART,
                tekst: "kop".into(),
            }],
        };
        let vul = Strook {
            hoogte: PAGINA_H - BOVEN - ONDER - 50.0,
            ..Strook::default()
        };
        let tabel = Strook {
            hoogte: 40.0,
            ..Strook::default()
        };
        let paginas = pagineer(vec![vul.clone(), kop, tabel]);
        assert_eq!(paginas.len(), 2);
        // The heading moved to the second page with the table.
        assert!(matches!(paginas[1].first(), Some(Op::Tekst { tekst, .. }) if tekst == "kop"));
        // A row that runs on to a new page gets its header again.
        let rij = |n: &str| Strook {
            hoogte: 30.0,
            ops: vec![Op::Tekst {
                x: 0.0,
                y: 10.0,
                grootte: 8.0,
                vet: false,
                kleur: ZWART,
                tekst: n.into(),
            }],
            vervolgkop: Some(Box::new(Strook {
                hoogte: 14.0,
                ops: vec![Op::Tekst {
                    x: 0.0,
                    y: 10.0,
                    grootte: 8.0,
                    vet: true,
                    kleur: ZWART,
                    tekst: "Jaar".into(),
                }],
                ..Strook::default()
            })),
            ..Strook::default()
        };
        let paginas = pagineer(vec![vul, rij("a"), rij("b"), rij("c")]);
        assert_eq!(paginas.len(), 2);
        let teksten: Vec<&str> = paginas[1]
            .iter()
            .filter_map(|op| match op {
                Op::Tekst { tekst, .. } => Some(tekst.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(teksten, ["Jaar", "b", "c"]);
    }
}
