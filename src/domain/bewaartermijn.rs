//! Retention: when a closed dossier must be destroyed (domain.md, Privacy).
//!
//! - a granted Wmo provision: 15 years after the last one ended;
//! - a granted Jeugdwet provision: 20 years after the last one ended;
//! - a granted provision under another law: 15 years, as Wmo (the spec names
//!   no other term; the longer common term keeps files rather than losing them);
//! - no provision granted (none, or only refused): 5 years after the last
//!   melding closed.
//!
//! The latest of the applicable dates wins. A dossier is closed when it has
//! no open melding and no granted provision that has not ended; an open
//! dossier has no destruction date.

use chrono::{Months, NaiveDate};

use super::waarden::Wet;

/// Years after the last Wmo provision ended.
pub const JAREN_WMO: u32 = 15;
/// Years after the last Jeugdwet provision ended.
pub const JAREN_JEUGDWET: u32 = 20;
/// Years after the last melding closed when nothing was granted.
pub const JAREN_ZONDER_VOORZIENING: u32 = 5;

/// A granted provision as retention sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ToegekendeVoorziening {
    /// Its law.
    pub wet: Wet,
    /// When it ended; `None` while it runs or waits.
    pub eind: Option<NaiveDate>,
}

/// The facts of one resident's dossier that decide its retention.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DossierFeiten {
    /// Whether any melding is still open.
    pub open_melding: bool,
    /// The latest closing date of a melding.
    pub laatste_afsluiting: Option<NaiveDate>,
    /// Granted provisions (refused decisions are left out).
    pub toegekend: Vec<ToegekendeVoorziening>,
}

/// Why a dossier gets its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grond {
    /// 15 years after the last Wmo (or other) provision ended.
    Wmo,
    /// 20 years after the last Jeugdwet provision ended.
    Jeugdwet,
    /// 5 years after the last melding closed, nothing granted.
    GeenVoorziening,
}

impl Grond {
    /// Dutch explanation.
    #[must_use]
    pub fn tekst(self) -> &'static str {
        match self {
            Grond::Wmo => "15 jaar na het einde van de laatste voorziening",
            Grond::Jeugdwet => "20 jaar na het einde van de laatste Jeugdwet-voorziening",
            Grond::GeenVoorziening => {
                "5 jaar na afsluiting van de laatste melding (geen voorziening toegekend)"
            }
        }
    }
}

fn plus_jaren(dag: NaiveDate, jaren: u32) -> Option<NaiveDate> {
    dag.checked_add_months(Months::new(jaren * 12))
}

/// The destruction date of a dossier and its ground, or `None` while the
/// dossier is open (or holds nothing that starts a term).
#[must_use]
pub fn vernietigingsdatum(feiten: &DossierFeiten) -> Option<(NaiveDate, Grond)> {
    if feiten.open_melding || feiten.toegekend.iter().any(|t| t.eind.is_none()) {
        return None;
    }
    let mut beste: Option<(NaiveDate, Grond)> = None;
    let mut kandidaat = |datum: Option<NaiveDate>, grond: Grond| {
        if let Some(d) = datum
            && beste.is_none_or(|(b, _)| d > b)
        {
            beste = Some((d, grond));
        }
    };
    for t in &feiten.toegekend {
        let (jaren, grond) = if t.wet == Wet::Jeugdwet {
            (JAREN_JEUGDWET, Grond::Jeugdwet)
        } else {
            (JAREN_WMO, Grond::Wmo)
        };
        kandidaat(t.eind.and_then(|e| plus_jaren(e, jaren)), grond);
    }
    if feiten.toegekend.is_empty() {
        kandidaat(
            feiten
                .laatste_afsluiting
                .and_then(|a| plus_jaren(a, JAREN_ZONDER_VOORZIENING)),
            Grond::GeenVoorziening,
        );
    }
    beste
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(j: i32, m: u32, dag: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(j, m, dag).expect("datum")
    }

    #[test]
    fn open_dossier_heeft_geen_datum() {
        let open = DossierFeiten {
            open_melding: true,
            laatste_afsluiting: Some(d(2020, 1, 1)),
            toegekend: vec![],
        };
        assert_eq!(vernietigingsdatum(&open), None);
        let lopend = DossierFeiten {
            open_melding: false,
            laatste_afsluiting: Some(d(2020, 1, 1)),
            toegekend: vec![ToegekendeVoorziening {
                wet: Wet::Wmo,
                eind: None,
            }],
        };
        assert_eq!(vernietigingsdatum(&lopend), None);
    }

    #[test]
    fn geen_voorziening_vijf_jaar() {
        let f = DossierFeiten {
            open_melding: false,
            laatste_afsluiting: Some(d(2020, 2, 29)),
            toegekend: vec![],
        };
        assert_eq!(
            vernietigingsdatum(&f),
            Some((d(2025, 2, 28), Grond::GeenVoorziening))
        );
    }

    #[test]
    fn wmo_vijftien_jeugdwet_twintig_de_laatste_telt() {
        let f = DossierFeiten {
            open_melding: false,
            laatste_afsluiting: Some(d(2024, 1, 1)),
            toegekend: vec![
                ToegekendeVoorziening {
                    wet: Wet::Wmo,
                    eind: Some(d(2023, 6, 30)),
                },
                ToegekendeVoorziening {
                    wet: Wet::Jeugdwet,
                    eind: Some(d(2015, 3, 1)),
                },
            ],
        };
        // Wmo: 2038-06-30; Jeugdwet: 2035-03-01 → the later one.
        assert_eq!(vernietigingsdatum(&f), Some((d(2038, 6, 30), Grond::Wmo)));
        let j = DossierFeiten {
            toegekend: vec![ToegekendeVoorziening {
                wet: Wet::Jeugdwet,
                eind: Some(d(2023, 6, 30)),
            }],
            ..f
        };
        assert_eq!(
            vernietigingsdatum(&j),
            Some((d(2043, 6, 30), Grond::Jeugdwet))
        );
    }
}
