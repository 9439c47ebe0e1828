//! Indicator computation and the monitoring export.
//!
//! - [`berekening`]: the rules of `indicators.md` over the register, per year.
//! - [`json`]: the machine-readable report of one year.
//! - [`export`]: the monitoring table (CSV for Dutch Excel, XLSX).
//! - [`pdf`]: the printable report for the gemeenteraad (A4 PDF).
//! - [`auditlog`]: the beheerder's CSV export of the (filtered) audit log.
//!
//! The types here are what a screen needs to show results: a
//! [`Jaarrapport`] per year, holding one [`Uitkomst`] per entry of the
//! catalogue in [`crate::domain::catalogus`].

pub mod auditlog;
pub mod berekening;
pub mod export;
pub mod json;
pub mod pdf;

pub use berekening::{
    bereken_jaar, bereken_jaar_voor, bereken_jaren, bereken_jaren_met_voortgang, bereken_jaren_voor,
};

use crate::domain::Indicatorwaarde;
use crate::domain::catalogus::Indicator;
use crate::domain::indicatoren::Decimaal;

/// What can go wrong while computing or writing a report.
#[derive(Debug, thiserror::Error)]
pub enum RapportFout {
    /// The year is outside what the register holds.
    #[error("jaar {0} ligt buiten 1900 tot en met 2200")]
    Jaar(i32),
    /// The register holds something the rules cannot read.
    #[error("{0}")]
    Gegevens(String),
    /// The export file has an extension other than .csv or .xlsx.
    #[error("'{0}' heeft een onbekende extensie; kies een bestandsnaam op .csv of .xlsx")]
    Extensie(String),
    /// The spreadsheet could not be built.
    #[error("het Excel-bestand kon niet worden gemaakt: {0}")]
    Xlsx(String),
    /// A file could not be written.
    #[error("het bestand {pad} kon niet worden geschreven: {bron}")]
    Schrijven {
        /// The file.
        pad: String,
        /// Why.
        bron: std::io::Error,
    },
    /// The printed report's file name does not end in .pdf.
    #[error("'{0}' is geen PDF-bestandsnaam; kies een bestandsnaam op .pdf")]
    PdfExtensie(String),
    /// The PDF could not be built.
    #[error("het PDF-bestand kon niet worden gemaakt: {0}")]
    Pdf(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] crate::store::StoreFout),
}

/// Database errors map through the store's one mapping (disk full,
/// read-only, locked, I/O said in Dutch).
impl From<rusqlite::Error> for RapportFout {
    fn from(e: rusqlite::Error) -> Self {
        RapportFout::Store(crate::store::StoreFout::from(e))
    }
}

/// One row of a breakdown: its keys (record ids, in the order of the
/// catalogue's `uitsplitsing`; `None` for a missing key) and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rij {
    /// Key values.
    pub sleutels: Vec<Option<String>>,
    /// The count.
    pub waarde: i64,
}

/// The value of one indicator in one year.
#[derive(Debug, Clone, PartialEq)]
pub enum Waarde {
    /// A computed number, exact.
    Getal(Decimaal),
    /// An external realisatie as recorded.
    Extern {
        /// Numeric value.
        waarde: Option<f64>,
        /// Text value ("Ja").
        tekst: Option<String>,
        /// Source recorded with the value.
        bron: Option<String>,
    },
    /// No value, and why.
    Geen {
        /// The reason, in Dutch.
        reden: String,
    },
    /// A breakdown (rows with value 0 left out, sorted by key).
    Uitsplitsing(Vec<Rij>),
}

/// One indicator's result for one year.
#[derive(Debug, Clone, PartialEq)]
pub struct Uitkomst {
    /// The catalogue entry.
    pub indicator: &'static Indicator,
    /// The value.
    pub waarde: Waarde,
    /// The count a value rests on (a count itself, or the numerator of a
    /// rate), which publication suppresses when it is 1–4.
    pub teller: Option<i64>,
    /// The target (*begroot*) recorded for the year, if any.
    pub begroot: Option<Indicatorwaarde>,
}

/// Every indicator of one year, in catalogue order.
#[derive(Debug, Clone, PartialEq)]
pub struct Jaarrapport {
    /// The register's municipality.
    pub gemeente: Option<String>,
    /// The year.
    pub jaar: i32,
    /// The wijkteam (id) the report is for; `None` for the whole municipality.
    pub wijkteam: Option<String>,
    /// One result per catalogue entry.
    pub indicatoren: Vec<Uitkomst>,
}

/// The doelenboom of the indicators `rapporten` hold (the catalogue and the
/// municipality's own), as the export, the PDF and the screen show it; the
/// catalogue's alone when there is no report.
#[must_use]
pub fn doelenboom_van(rapporten: &[Jaarrapport]) -> Vec<crate::domain::catalogus::Stam> {
    match rapporten.first() {
        Some(r) => crate::domain::catalogus::doelenboom_van(
            &r.indicatoren
                .iter()
                .map(|u| u.indicator)
                .collect::<Vec<_>>(),
        ),
        None => crate::domain::catalogus::doelenboom(),
    }
}

impl Jaarrapport {
    /// The result of `code`.
    #[must_use]
    pub fn uitkomst(&self, code: &str) -> Option<&Uitkomst> {
        self.indicatoren.iter().find(|u| u.indicator.code == code)
    }
}
