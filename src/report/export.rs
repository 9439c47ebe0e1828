//! The monitoring export: the yearly indicator table for the gemeenteraad,
//! the P&C cycle and regional monitors, as CSV for Dutch Excel or as XLSX.
//!
//! The table follows the doelenboom: a title row (gemeente, period, the
//! date it was made, *publicatie* or *intern*, the wijkteam), a header row,
//! a row per strategisch doel and per beleidslijn (each beleidslijn once,
//! with every paragraph of the Actieplan it stands in), then one row per
//! indicator and per breakdown row — each under the indicator's code in
//! column A, the breakdown named as people read it (the provision's and
//! provider's names, the referrer, the law, the category) — with for every
//! year a *Begroot Y* and a realised *Y* column and a *Bron* column at the
//! end. Numbers stay numbers; the XLSX shows the unit as the cell's format
//! (whole numbers with a thousands separator, € with two decimals, %). It
//! holds indicator codes and names, the names of provisions, providers and
//! teams, and numbers only: no resident's name, BSN or date of birth.
//!
//! *Per wijkteam* (`ExportOpties::per_wijkteam`) adds, beside the
//! municipality's table, one per team: a sheet each in the XLSX, a file
//! each beside the CSV (`<naam>-<wijkteam>.csv`).
//!
//! - **Publication** (default): a count 1–4, and a percentage, rate, mean or
//!   amount resting on a count 1–4, is written as `.` and a note under the
//!   table says why. `intern` shows them.
//! - **Formulas**: a text cell starting with `=`, `+`, `-`, `@`, a tab or a
//!   carriage return is neutralised: in CSV it gets a leading `'` (the
//!   apostrophe Excel itself uses for "this is text"); in XLSX the text is
//!   stored as a string with Excel's *quote prefix* cell attribute, which
//!   is the same apostrophe without changing the text.
//! - **CSV**: UTF-8 with byte-order mark, `;` separator, decimal comma, CRLF.
//! - Files are written atomically: to a temporary file beside the target,
//!   then renamed over it.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::Connection;
use rust_xlsxwriter::{Format, Workbook};

use super::{Jaarrapport, RapportFout, Waarde};
use crate::domain::catalogus::{Eenheid, Herkomst};
use crate::domain::waarden::categorie_naam;
use crate::domain::{Indicatorwaarde, Verwijzer, Wet};
use crate::store::StoreFout;
use crate::store::audit::{self, Logregel, Resultaat};
use crate::store::bestanden::Tijdelijk;
use crate::store::sleutel;

/// The note explaining suppressed cells.
pub const NOOT_ONDERDRUKT: &str = ". = niet getoond: een aantal van 1 tot en met 4, of een percentage, gemiddelde of bedrag dat op zo'n klein aantal berust (herleidbaar tot personen).";

/// The file type of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formaat {
    /// Semicolon-separated text for Dutch Excel.
    Csv,
    /// An Excel workbook.
    Xlsx,
}

/// Chooses the format from the file's extension (case-insensitive).
pub fn formaat_van(pad: &Path) -> Result<Formaat, RapportFout> {
    match pad
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("csv") => Ok(Formaat::Csv),
        Some("xlsx") => Ok(Formaat::Xlsx),
        _ => Err(RapportFout::Extensie(pad.display().to_string())),
    }
}

/// What an export covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportOpties {
    /// First year.
    pub van: i32,
    /// Last year (inclusive).
    pub tot: i32,
    /// Show small numbers (an internal export) instead of suppressing them.
    pub intern: bool,
    /// The day the export is made (in its title row).
    pub gemaakt_op: NaiveDate,
    /// Also a table per wijkteam (a sheet each, or a CSV file each).
    pub per_wijkteam: bool,
}

/// The names people read for what a breakdown's keys name by id, and the
/// register's gemeente and wijkteams.
#[derive(Debug, Clone, Default)]
pub struct Namen {
    gemeente: Option<String>,
    voorzieningen: HashMap<String, String>,
    aanbieders: HashMap<String, String>,
    /// The wijkteams (id, naam) in id order.
    pub wijkteams: Vec<(String, String)>,
}

impl Namen {
    /// Reads the names of the register's provisions, providers and teams.
    pub fn lees(conn: &Connection) -> Result<Namen, RapportFout> {
        let paren = |sql: &str| -> Result<Vec<(String, String)>, RapportFout> {
            let mut stmt = conn.prepare(sql)?;
            let rijen = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rijen)
        };
        Ok(Namen {
            gemeente: crate::store::instelling(conn, crate::store::INSTELLING_GEMEENTE)?,
            voorzieningen: paren("SELECT id, naam FROM voorziening")?
                .into_iter()
                .collect(),
            aanbieders: paren("SELECT id, naam FROM aanbieder")?
                .into_iter()
                .collect(),
            wijkteams: paren("SELECT id, naam FROM wijkteam ORDER BY id")?,
        })
    }

    /// How a breakdown key reads: `soort` is the key's name in the
    /// catalogue (`voorziening`, `aanbieder`, `verwijzer`, `wet`, `categorie`).
    #[must_use]
    pub fn sleutel(&self, soort: &str, waarde: Option<&str>) -> String {
        let Some(w) = waarde else {
            return match soort {
                "aanbieder" => "geen aanbieder".to_owned(),
                "voorziening" => "geen voorziening gevraagd".to_owned(),
                _ => format!("geen {soort}"),
            };
        };
        match soort {
            "voorziening" => self.voorzieningen.get(w).cloned(),
            "aanbieder" => self.aanbieders.get(w).cloned(),
            "verwijzer" => Verwijzer::parse(w).map(|v| v.label().to_owned()),
            "wet" => Wet::parse(w).map(|v| v.label().to_owned()),
            "categorie" => categorie_naam(Wet::Wmo, w).map(|n| format!("{w} {n}")),
            _ => None,
        }
        .unwrap_or_else(|| w.to_owned())
    }

    /// The name of wijkteam `id` (its id when it is unknown).
    #[must_use]
    pub fn wijkteam(&self, id: &str) -> String {
        self.wijkteams
            .iter()
            .find(|(t, _)| t == id)
            .map_or_else(|| id.to_owned(), |(_, n)| n.clone())
    }
}

/// The title row of a table: gemeente, period, the date made, publication
/// or internal, and the wijkteam when the table is a team's.
#[must_use]
pub fn titel(namen: &Namen, opties: &ExportOpties, wijkteam: Option<&str>) -> String {
    let mut t = format!(
        "Prestatie-indicatoren {}, {}",
        namen.gemeente.as_deref().map_or_else(
            || "(gemeente niet ingesteld)".to_owned(),
            |g| format!("gemeente {g}")
        ),
        if opties.van == opties.tot {
            opties.van.to_string()
        } else {
            format!("{} tot en met {}", opties.van, opties.tot)
        }
    );
    if let Some(team) = wijkteam {
        t.push_str(", ");
        t.push_str(&namen.wijkteam(team));
    }
    t.push_str(" — gemaakt op ");
    t.push_str(&crate::domain::datum::nl(opties.gemaakt_op));
    t.push_str(if opties.intern {
        " — intern"
    } else {
        " — publicatie"
    });
    t
}

/// One cell of the table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cel {
    /// Nothing.
    Leeg,
    /// Text (neutralised when written).
    Tekst(String),
    /// A bold header text.
    Kop(String),
    /// A number with its number of decimals.
    Getal {
        /// The value.
        waarde: f64,
        /// Decimals to show.
        decimalen: u32,
        /// The value in Dutch notation (decimal comma).
        tekst: String,
    },
    /// A suppressed small number (`.`).
    Onderdrukt,
}

/// The export as a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Tabel {
    /// The title above the header (empty: none).
    pub titel: String,
    /// Column headers.
    pub kop: Vec<String>,
    /// The unit of each row's indicator (`None` for a heading row), for the
    /// XLSX cell formats.
    pub eenheden: Vec<Option<Eenheid>>,
    /// The rows.
    pub rijen: Vec<Vec<Cel>>,
    /// Notes under the table.
    pub noten: Vec<String>,
}

/// Text that a spreadsheet could read as a formula.
#[must_use]
pub fn is_formuleachtig(tekst: &str) -> bool {
    tekst.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Text with a leading `'` when a spreadsheet could read it as a formula.
#[must_use]
pub fn neutraliseer(tekst: &str) -> String {
    if is_formuleachtig(tekst) {
        format!("'{tekst}")
    } else {
        tekst.to_owned()
    }
}

fn getal_f64(x: f64) -> Cel {
    let tekst = format!("{x}").replace('.', ",");
    let decimalen = tekst.split_once(',').map_or(0, |(_, d)| d.len() as u32);
    Cel::Getal {
        waarde: x,
        decimalen,
        tekst,
    }
}

fn begroot_cel(b: Option<&Indicatorwaarde>) -> Cel {
    match b {
        Some(Indicatorwaarde {
            waarde: Some(x), ..
        }) => getal_f64(*x),
        Some(Indicatorwaarde { tekst: Some(t), .. }) => Cel::Tekst(t.clone()),
        _ => Cel::Leeg,
    }
}

pub(crate) fn klein(n: i64) -> bool {
    (1..=4).contains(&n)
}

/// Builds the table of `rapporten` (one per year, in year order), with
/// breakdown keys as ids and no title (see [`bouw_tabel_met`]).
#[must_use]
pub fn bouw_tabel(rapporten: &[Jaarrapport], intern: bool) -> Tabel {
    bouw_tabel_met(rapporten, intern, &Namen::default(), String::new())
}

/// Builds the council-ready table of `rapporten` (one per year, in year
/// order): breakdown keys named through `namen`, `titel` above the header.
#[must_use]
pub fn bouw_tabel_met(
    rapporten: &[Jaarrapport],
    intern: bool,
    namen: &Namen,
    titel: String,
) -> Tabel {
    let mut kop = vec![
        "Code".to_owned(),
        "Indicator".to_owned(),
        "Uitsplitsing".to_owned(),
    ];
    for r in rapporten {
        kop.push(format!("Begroot {}", r.jaar));
        kop.push(r.jaar.to_string());
    }
    kop.push("Bron".to_owned());
    let breedte = kop.len();
    let mut rijen: Vec<Vec<Cel>> = Vec::new();
    let mut eenheden: Vec<Option<Eenheid>> = Vec::new();
    let mut onderdrukt = false;
    let mut redenen: Vec<String> = Vec::new();
    let boom = crate::report::doelenboom_van(rapporten);
    for stam in boom {
        let mut rij = vec![Cel::Leeg; breedte];
        rij[0] = Cel::Kop(format!("Strategisch doel {}", stam.doel.nummer));
        rij[1] = Cel::Kop(stam.doel.naam.to_owned());
        rijen.push(rij);
        eenheden.push(None);
        for tak in &stam.takken {
            let mut rij = vec![Cel::Leeg; breedte];
            let bl = tak.beleidslijn;
            rij[0] = Cel::Kop(if bl.code.is_empty() {
                bl.paragraaf.to_owned()
            } else {
                format!("Beleidslijn {}", bl.code)
            });
            rij[1] = Cel::Kop(bl.titel.to_owned());
            if !bl.code.is_empty() {
                rij[2] = Cel::Tekst(format!("Actieplan § {}", tak.paragrafen.join("; § ")));
            }
            rijen.push(rij);
            eenheden.push(None);
            for ind in &tak.indicatoren {
                let mut rij = vec![Cel::Leeg; breedte];
                rij[0] = Cel::Tekst(ind.code.to_owned());
                rij[1] = Cel::Tekst(ind.naam.to_owned());
                let mut bron = ind.bron.to_owned();
                let mut sleutels: BTreeSet<Vec<(bool, Option<String>)>> = BTreeSet::new();
                for (i, r) in rapporten.iter().enumerate() {
                    let Some(u) = r.uitkomst(ind.code) else {
                        continue;
                    };
                    rij[3 + 2 * i] = begroot_cel(u.begroot.as_ref());
                    let verberg = !intern && u.teller.is_some_and(klein);
                    rij[4 + 2 * i] = match &u.waarde {
                        Waarde::Getal(_)
                        | Waarde::Extern {
                            waarde: Some(_), ..
                        } if verberg => {
                            onderdrukt = true;
                            Cel::Onderdrukt
                        }
                        Waarde::Getal(d) => Cel::Getal {
                            waarde: d.als_f64(),
                            decimalen: d.decimalen,
                            tekst: d.tekst(','),
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
                                (Some(x), _) => getal_f64(*x),
                                (None, Some(t)) => Cel::Tekst(t.clone()),
                                (None, None) => Cel::Leeg,
                            }
                        }
                        Waarde::Geen { reden } => {
                            if ind.herkomst == Herkomst::Register {
                                redenen.push(format!("{} in {}: {reden}", ind.code, r.jaar));
                                Cel::Tekst("n.b.".to_owned())
                            } else {
                                Cel::Leeg
                            }
                        }
                        Waarde::Uitsplitsing(rs) => {
                            for rr in rs {
                                sleutels.insert(
                                    rr.sleutels
                                        .iter()
                                        .map(|s| (s.is_none(), s.clone()))
                                        .collect(),
                                );
                            }
                            Cel::Leeg
                        }
                    };
                }
                rij[breedte - 1] = Cel::Tekst(bron);
                rijen.push(rij);
                eenheden.push(Some(ind.eenheid));
                for sleutel in sleutels {
                    let waarden: Vec<Option<String>> =
                        sleutel.into_iter().map(|(_, s)| s).collect();
                    let mut rij = vec![Cel::Leeg; breedte];
                    rij[0] = Cel::Tekst(ind.code.to_owned());
                    rij[2] = Cel::Tekst(
                        ind.uitsplitsing
                            .iter()
                            .zip(&waarden)
                            .map(|(soort, w)| namen.sleutel(soort, w.as_deref()))
                            .collect::<Vec<_>>()
                            .join(" — "),
                    );
                    for (i, r) in rapporten.iter().enumerate() {
                        let n = match r.uitkomst(ind.code).map(|u| &u.waarde) {
                            Some(Waarde::Uitsplitsing(rs)) => rs
                                .iter()
                                .find(|x| x.sleutels == waarden)
                                .map_or(0, |x| x.waarde),
                            _ => 0,
                        };
                        rij[4 + 2 * i] = if !intern && klein(n) {
                            onderdrukt = true;
                            Cel::Onderdrukt
                        } else {
                            Cel::Getal {
                                waarde: n as f64,
                                decimalen: 0,
                                tekst: n.to_string(),
                            }
                        };
                    }
                    rijen.push(rij);
                    eenheden.push(Some(Eenheid::Aantal));
                }
            }
        }
    }
    let mut noten = Vec::new();
    if onderdrukt {
        noten.push(NOOT_ONDERDRUKT.to_owned());
    }
    if !redenen.is_empty() {
        noten.push("n.b. = niet beschikbaar:".to_owned());
        noten.extend(redenen);
    }
    if intern {
        noten.push(
            "Interne export: kleine aantallen zijn niet onderdrukt; niet publiceren.".to_owned(),
        );
    }
    Tabel {
        titel,
        kop,
        eenheden,
        rijen,
        noten,
    }
}

/// One CSV field: formulas neutralised, quoted when it holds `;`, `"` or a
/// line break.
#[must_use]
pub fn csv_veld(tekst: &str) -> String {
    let tekst = neutraliseer(tekst);
    if tekst.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", tekst.replace('"', "\"\""))
    } else {
        tekst
    }
}

/// The table as CSV for Dutch Excel: BOM, `;`, decimal comma, CRLF.
#[must_use]
pub fn csv_bytes(tabel: &Tabel) -> Vec<u8> {
    let mut uit = String::from("\u{feff}");
    let regel = |uit: &mut String, velden: Vec<String>| {
        uit.push_str(&velden.join(";"));
        uit.push_str("\r\n");
    };
    if !tabel.titel.is_empty() {
        regel(&mut uit, vec![csv_veld(&tabel.titel)]);
    }
    regel(&mut uit, tabel.kop.iter().map(|k| csv_veld(k)).collect());
    for rij in &tabel.rijen {
        regel(
            &mut uit,
            rij.iter()
                .map(|c| match c {
                    Cel::Leeg => String::new(),
                    Cel::Tekst(t) | Cel::Kop(t) => csv_veld(t),
                    Cel::Getal { tekst, .. } => tekst.clone(),
                    Cel::Onderdrukt => ".".to_owned(),
                })
                .collect(),
        );
    }
    if !tabel.noten.is_empty() {
        uit.push_str("\r\n");
        for noot in &tabel.noten {
            regel(&mut uit, vec![csv_veld(noot)]);
        }
    }
    uit.into_bytes()
}

#[allow(clippy::needless_pass_by_value, reason = "used as `map_err(xfout)`")]
fn xfout(e: rust_xlsxwriter::XlsxError) -> RapportFout {
    RapportFout::Xlsx(e.to_string())
}

/// The number format of a cell: the unit of its row's indicator, or (a
/// heading row, a target) plain with `decimalen` decimals. Percentages are
/// stored as the number shown (21.5 for 21,5 %), so the % is a literal.
#[must_use]
pub fn getalnotatie(eenheid: Option<Eenheid>, decimalen: u32) -> String {
    let decimaal = |d: u32| {
        if d == 0 {
            String::new()
        } else {
            format!(".{}", "0".repeat(d as usize))
        }
    };
    match eenheid {
        Some(Eenheid::Euro) => "\"€\" #,##0.00".to_owned(),
        Some(Eenheid::Percentage) => format!("0{}\" %\"", decimaal(decimalen.max(1))),
        Some(Eenheid::Aantal) if decimalen == 0 => "#,##0".to_owned(),
        _ => format!("#,##0{}", decimaal(decimalen)),
    }
}

/// A sheet name as Excel allows it (at most 31 characters, none of `[]:*?/\`).
fn bladnaam(naam: &str) -> String {
    naam.chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .take(31)
        .collect()
}

/// The table as an XLSX workbook: numbers as numbers, headers bold.
pub fn xlsx_bytes(tabel: &Tabel) -> Result<Vec<u8>, RapportFout> {
    xlsx_boek(&[("Indicatoren".to_owned(), tabel)])
}

/// Tables as one XLSX workbook, a sheet each (named as given).
pub fn xlsx_boek(bladen: &[(String, &Tabel)]) -> Result<Vec<u8>, RapportFout> {
    let mut boek = Workbook::new();
    for (naam, tabel) in bladen {
        xlsx_blad(&mut boek, &bladnaam(naam), tabel)?;
    }
    boek.save_to_buffer().map_err(xfout)
}

fn xlsx_blad(boek: &mut Workbook, naam: &str, tabel: &Tabel) -> Result<(), RapportFout> {
    let blad = boek.add_worksheet();
    blad.set_name(naam).map_err(xfout)?;
    let vet = Format::new().set_bold();
    let vet_tekst = Format::new().set_bold().set_quote_prefix();
    let tekst_fmt = Format::new().set_quote_prefix();
    let rechts = Format::new().set_align(rust_xlsxwriter::FormatAlign::Right);
    let titel_fmt = Format::new().set_bold().set_font_size(13);
    // The title takes the first row when there is one.
    let eerste = u32::from(!tabel.titel.is_empty());
    if !tabel.titel.is_empty() {
        let f = if is_formuleachtig(&tabel.titel) {
            &vet_tekst
        } else {
            &titel_fmt
        };
        blad.write_string_with_format(0, 0, &tabel.titel, f)
            .map_err(xfout)?;
    }
    for (k, titel) in tabel.kop.iter().enumerate() {
        blad.write_string_with_format(eerste, k as u16, titel, &vet)
            .map_err(xfout)?;
    }
    for (r, rij) in tabel.rijen.iter().enumerate() {
        let eenheid = tabel.eenheden.get(r).copied().flatten();
        let r = r as u32 + 1 + eerste;
        for (k, cel) in rij.iter().enumerate() {
            let k = k as u16;
            match cel {
                Cel::Leeg => {}
                Cel::Tekst(t) if is_formuleachtig(t) => {
                    blad.write_string_with_format(r, k, t, &tekst_fmt)
                        .map_err(xfout)?;
                }
                Cel::Tekst(t) => {
                    blad.write_string(r, k, t).map_err(xfout)?;
                }
                Cel::Kop(t) => {
                    let f = if is_formuleachtig(t) {
                        &vet_tekst
                    } else {
                        &vet
                    };
                    blad.write_string_with_format(r, k, t, f).map_err(xfout)?;
                }
                Cel::Getal {
                    waarde, decimalen, ..
                } => {
                    // A target column (Begroot) takes the indicator's unit too.
                    let f = Format::new().set_num_format(getalnotatie(eenheid, *decimalen));
                    blad.write_number_with_format(r, k, *waarde, &f)
                        .map_err(xfout)?;
                }
                Cel::Onderdrukt => {
                    blad.write_string_with_format(r, k, ".", &rechts)
                        .map_err(xfout)?;
                }
            }
        }
    }
    let eerste_noot = tabel.rijen.len() as u32 + 2 + eerste;
    for (i, noot) in tabel.noten.iter().enumerate() {
        let r = eerste_noot + i as u32;
        if is_formuleachtig(noot) {
            blad.write_string_with_format(r, 0, noot, &tekst_fmt)
                .map_err(xfout)?;
        } else {
            blad.write_string(r, 0, noot).map_err(xfout)?;
        }
    }
    let laatste = tabel.kop.len().saturating_sub(1) as u16;
    blad.set_column_width(0, 16).map_err(xfout)?;
    blad.set_column_width(1, 70).map_err(xfout)?;
    blad.set_column_width(2, 36).map_err(xfout)?;
    for k in 3..laatste {
        blad.set_column_width(k, 12).map_err(xfout)?;
    }
    blad.set_column_width(laatste, 40).map_err(xfout)?;
    blad.set_freeze_panes(1 + eerste, 2).map_err(xfout)?;
    // Printed for the raad: A4 landscape, every column on one page wide,
    // the title and column heads on every page, page numbers below.
    blad.set_landscape()
        .set_paper_size(9)
        .set_print_fit_to_pages(1, 0)
        .set_footer("&LPrestatie-indicatoren&RPagina &P van &N");
    blad.set_repeat_rows(0, eerste).map_err(xfout)?;
    Ok(())
}

/// Writes `inhoud` to `pad` atomically (temporary file, then rename),
/// owner-only whatever the umask.
pub fn schrijf_atomair(pad: &Path, inhoud: &[u8]) -> Result<(), RapportFout> {
    let mut tijdelijk = Tijdelijk::nieuw(pad, None).map_err(|e| schrijffout(pad, e))?;
    tijdelijk.schrijf(inhoud).map_err(|e| schrijffout(pad, e))?;
    tijdelijk.zet_op_plaats().map_err(|e| schrijffout(pad, e))?;
    Ok(())
}

/// A store error while writing `pad`: a full or read-only disk as the
/// store says it, any other file error with the path.
pub(crate) fn schrijffout(pad: &Path, e: StoreFout) -> RapportFout {
    match e {
        StoreFout::Io(bron) => RapportFout::Schrijven {
            pad: pad.display().to_string(),
            bron,
        },
        e => RapportFout::Store(e),
    }
}

/// The steps of an export for its progress: each year of each table, and
/// writing the file.
fn stappen(opties: ExportOpties, teams: usize) -> usize {
    let tabellen = if opties.per_wijkteam { 1 + teams } else { 1 };
    usize::try_from(opties.tot - opties.van + 1).unwrap_or(0) * tabellen + 1
}

/// Where a team's CSV goes: beside `pad`, `<naam>-<wijkteam>.csv`.
#[must_use]
pub fn team_pad(pad: &Path, wijkteam: &str) -> PathBuf {
    let stam = pad
        .file_stem()
        .map_or_else(|| "monitoring".into(), |s| s.to_string_lossy().into_owned());
    let veilig: String = wijkteam
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let ext = pad
        .extension()
        .map_or_else(|| "csv".into(), |e| e.to_string_lossy().into_owned());
    pad.with_file_name(format!("{stam}-{veilig}.{ext}"))
}

/// A file of an export and its bytes.
type Bestand = (PathBuf, Vec<u8>);

/// Computes the years of `opties` and the files to write with their bytes
/// (format chosen by the extension of `pad`): the one file, or with
/// `per_wijkteam` and CSV a file per team beside it.
fn export_bestanden(
    conn: &Connection,
    pad: &Path,
    opties: ExportOpties,
    voortgang: &mut dyn FnMut(usize, usize),
) -> Result<(Vec<Bestand>, usize), RapportFout> {
    let formaat = formaat_van(pad)?;
    let namen = Namen::lees(conn)?;
    let teams: Vec<Option<String>> = std::iter::once(None)
        .chain(
            namen
                .wijkteams
                .iter()
                .filter(|_| opties.per_wijkteam)
                .map(|(id, _)| Some(id.clone())),
        )
        .collect();
    let totaal = stappen(opties, namen.wijkteams.len());
    let jaren = usize::try_from(opties.tot - opties.van + 1).unwrap_or(0);
    let mut tabellen = Vec::with_capacity(teams.len());
    for (i, team) in teams.iter().enumerate() {
        let rapporten = super::berekening::bereken_jaren_met_voortgang_voor(
            conn,
            opties.van,
            opties.tot,
            team.as_deref(),
            &mut |klaar, _| voortgang(i * jaren + klaar, totaal),
        )?;
        let titel = titel(&namen, &opties, team.as_deref());
        tabellen.push((
            team.clone(),
            bouw_tabel_met(&rapporten, opties.intern, &namen, titel),
        ));
    }
    let bestanden = match formaat {
        Formaat::Csv => tabellen
            .iter()
            .map(|(team, tabel)| {
                let doel = team
                    .as_deref()
                    .map_or_else(|| pad.to_path_buf(), |t| team_pad(pad, t));
                (doel, csv_bytes(tabel))
            })
            .collect(),
        Formaat::Xlsx => {
            let bladen: Vec<(String, &Tabel)> = tabellen
                .iter()
                .map(|(team, tabel)| {
                    (
                        team.as_deref()
                            .map_or_else(|| "Gemeente".to_owned(), |t| namen.wijkteam(t)),
                        tabel,
                    )
                })
                .collect();
            vec![(pad.to_path_buf(), xlsx_boek(&bladen)?)]
        }
    };
    Ok((bestanden, totaal))
}

/// Computes the years of `opties` and writes the export to `pad` (format
/// chosen by the extension), calling `voortgang(klaar, totaal)` after each
/// year and once more when the file is written. Returns the path written.
/// Not logged: see [`schrijf_export_gelogd`].
pub fn schrijf_export(
    conn: &Connection,
    pad: &Path,
    opties: ExportOpties,
    voortgang: &mut dyn FnMut(usize, usize),
) -> Result<PathBuf, RapportFout> {
    let (bestanden, totaal) = export_bestanden(conn, pad, opties, voortgang)?;
    let mut tijdelijk = Vec::with_capacity(bestanden.len());
    for (doel, inhoud) in &bestanden {
        let mut t = Tijdelijk::nieuw(doel, None).map_err(|e| schrijffout(doel, e))?;
        t.schrijf(inhoud).map_err(|e| schrijffout(doel, e))?;
        tijdelijk.push((doel, t));
    }
    for (doel, t) in tijdelijk {
        t.zet_op_plaats().map_err(|e| schrijffout(doel, e))?;
    }
    voortgang(totaal, totaal);
    Ok(pad.to_path_buf())
}

/// [`schrijf_export`], logged before it exists: the file is written to an
/// owner-only temporary file, the export is logged as `actor` (object
/// `monitoring:<pad>`) and anchored, and only then is the file renamed to
/// `pad`, as `actor` at `tijdstip`. When the log cannot be written (read-only register, write lock
/// busy) nothing is left and the error says why; a failure before that is
/// logged as `mislukt` where the log can still be written.
pub fn schrijf_export_gelogd(
    conn: &Connection,
    pad: &Path,
    opties: ExportOpties,
    actor: &str,
    tijdstip: &str,
    voortgang: &mut dyn FnMut(usize, usize),
) -> Result<PathBuf, RapportFout> {
    let object = format!("monitoring:{}", pad.display());
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
                details: Some(&format!(
                    "jaren {} tot en met {}{}{}",
                    opties.van,
                    opties.tot,
                    if opties.per_wijkteam {
                        ", ook per wijkteam"
                    } else {
                        ""
                    },
                    if opties.intern { ", intern" } else { "" }
                )),
            },
        )
    };
    let klaar = (|| {
        let (bestanden, totaal) = export_bestanden(conn, pad, opties, voortgang)?;
        let restanten = conn
            .path()
            .filter(|p| !p.is_empty())
            .and_then(|db| sleutel::restanten_van(Path::new(db)));
        let mut tijdelijk = Vec::with_capacity(bestanden.len());
        for (doel, inhoud) in bestanden {
            let mut t =
                Tijdelijk::nieuw(&doel, restanten.as_deref()).map_err(|e| schrijffout(&doel, e))?;
            t.schrijf(&inhoud).map_err(|e| schrijffout(&doel, e))?;
            t.sync().map_err(|e| schrijffout(&doel, e))?;
            tijdelijk.push((doel, t));
        }
        Ok::<_, RapportFout>((tijdelijk, totaal))
    })();
    let (tijdelijk, totaal) = match klaar {
        Ok(t) => t,
        Err(fout) => {
            let _ = log(Resultaat::Mislukt);
            return Err(fout);
        }
    };
    log(Resultaat::Gelukt)?;
    let _ = sleutel::veranker(conn, "export", None);
    for (doel, t) in tijdelijk {
        t.zet_op_plaats().map_err(|e| schrijffout(&doel, e))?;
    }
    voortgang(totaal, totaal);
    Ok(pad.to_path_buf())
}
