//! The municipality's own indicators: an indicator the catalogue of the
//! Actieplan does not hold (Twenterand's "POH-jeugd", Hengelo's own
//! counts), added by a teamleider or beheerder with its code, its name as
//! the municipality writes it, its unit, its source and its place in the
//! doelenboom. It is external: its realised values and targets are
//! recorded per year like those of the catalogue's external indicators.
//!
//! The report, the export, the screen and the PDF work with
//! `&'static Indicator`; [`EigenIndicator::als_indicator`] gives one for an
//! own indicator, made once per distinct definition and kept for the life
//! of the program (a handful of small records, never freed — the price of
//! keeping the catalogue's zero-cost static references everywhere else).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use super::catalogus::{self, Beleidslijn, Doel, Eenheid, Herkomst, Indicator};
use super::fout::{DomeinFout, Veldfout};
use super::records::controleer_tekens;

/// The beleidslijn of own indicators that name none of the Actieplan's.
pub static BELEIDSLIJN_EIGEN: Beleidslijn = Beleidslijn {
    code: "",
    titel: "Eigen indicatoren van de gemeente",
    paragraaf: "eigen indicatoren",
};

/// An own indicator as the register keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EigenIndicator {
    /// Code, not one of the catalogue's (`"tw-poh-jeugd"`).
    pub code: String,
    /// Name as the municipality writes it.
    pub naam: String,
    /// Unit.
    pub eenheid: Eenheid,
    /// Source (*bron*).
    pub bron: String,
    /// The strategisch doel's number (`"1"` … `"5"`, `"L"`).
    pub doel: String,
    /// The code of one of that goal's beleidslijnen; `None` for the group
    /// "Eigen indicatoren van de gemeente" under the goal.
    pub beleidslijn: Option<String>,
}

/// The units with their exchange and database codes.
pub const EENHEDEN: &[(Eenheid, &str)] = &[
    (Eenheid::Aantal, "aantal"),
    (Eenheid::Percentage, "percentage"),
    (Eenheid::PerTienduizend, "per-10000"),
    (Eenheid::Gemiddelde, "gemiddelde"),
    (Eenheid::Euro, "euro"),
];

/// The code of a unit.
#[must_use]
pub fn eenheid_code(e: Eenheid) -> &'static str {
    EENHEDEN
        .iter()
        .find(|(x, _)| *x == e)
        .map_or("aantal", |(_, c)| c)
}

/// The unit of a code.
#[must_use]
pub fn eenheid_van(code: &str) -> Option<Eenheid> {
    EENHEDEN.iter().find(|(_, c)| *c == code).map(|(e, _)| *e)
}

/// The goal with number `nummer`.
#[must_use]
pub fn doel(nummer: &str) -> Option<&'static Doel> {
    catalogus::DOELEN
        .iter()
        .copied()
        .find(|d| d.nummer == nummer)
}

/// The beleidslijnen (with a code) under goal `nummer`, in doelenboom order.
#[must_use]
pub fn beleidslijnen_van(nummer: &str) -> Vec<&'static Beleidslijn> {
    catalogus::doelenboom()
        .into_iter()
        .filter(|s| s.doel.nummer == nummer)
        .flat_map(|s| s.takken.into_iter().map(|t| t.beleidslijn))
        .filter(|b| !b.code.is_empty())
        .collect()
}

impl EigenIndicator {
    /// Checks the indicator on its own: every field filled, a code of
    /// letters, digits, `.` and `-` that the catalogue does not hold, a
    /// goal that exists and a beleidslijn of that goal.
    pub fn valideer(&self) -> Result<(), Vec<Veldfout>> {
        let mut fouten = Vec::new();
        let code = self.code.trim();
        if code.is_empty() {
            fouten.push(Veldfout::new("code", DomeinFout::Leeg));
        } else if code.chars().count() > 20
            || !code
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        {
            fouten.push(Veldfout::new(
                "code",
                DomeinFout::OngeldigeCode(code.to_owned()),
            ));
        } else if catalogus::indicator(code).is_some() {
            fouten.push(Veldfout::new(
                "code",
                DomeinFout::CatalogusCode(code.to_owned()),
            ));
        }
        for (veld, tekst, max) in [("naam", &self.naam, 300), ("bron", &self.bron, 200)] {
            let lengte = tekst.chars().count();
            if tekst.trim().is_empty() {
                fouten.push(Veldfout::new(veld, DomeinFout::Leeg));
            } else if lengte > max {
                fouten.push(Veldfout::new(veld, DomeinFout::TeLang { lengte, max }));
            } else if let Err(f) = controleer_tekens(tekst, false) {
                fouten.push(Veldfout::new(veld, f));
            }
        }
        if doel(&self.doel).is_none() {
            fouten.push(Veldfout::new(
                "doel",
                DomeinFout::NietInLijst {
                    waarde: self.doel.clone(),
                    toegestaan: catalogus::DOELEN
                        .iter()
                        .map(|d| d.nummer)
                        .collect::<Vec<_>>()
                        .join(", "),
                },
            ));
        } else if let Some(bl) = &self.beleidslijn
            && !beleidslijnen_van(&self.doel).iter().any(|b| b.code == bl)
        {
            fouten.push(Veldfout::new(
                "beleidslijn",
                DomeinFout::NietInLijst {
                    waarde: bl.clone(),
                    toegestaan: beleidslijnen_van(&self.doel)
                        .iter()
                        .map(|b| b.code)
                        .collect::<Vec<_>>()
                        .join(", "),
                },
            ));
        }
        if fouten.is_empty() {
            Ok(())
        } else {
            Err(fouten)
        }
    }

    /// The indicator as the report, export and screens use it: external,
    /// in its goal and beleidslijn. Made once per distinct definition.
    /// `None` when the goal is unknown (a damaged register).
    #[must_use]
    pub fn als_indicator(&self) -> Option<&'static Indicator> {
        static GEMAAKT: OnceLock<Mutex<HashMap<EigenIndicator, &'static Indicator>>> =
            OnceLock::new();
        let doel = doel(&self.doel)?;
        let mut gemaakt = GEMAAKT
            .get_or_init(|| Mutex::new(HashMap::new()))
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(i) = gemaakt.get(self) {
            return Some(i);
        }
        let beleidslijn = self
            .beleidslijn
            .as_deref()
            .and_then(|code| {
                beleidslijnen_van(&self.doel)
                    .into_iter()
                    .find(|b| b.code == code)
            })
            .unwrap_or(&BELEIDSLIJN_EIGEN);
        let indicator: &'static Indicator = Box::leak(Box::new(Indicator {
            code: Box::leak(self.code.clone().into_boxed_str()),
            naam: Box::leak(self.naam.clone().into_boxed_str()),
            doel,
            beleidslijn,
            herkomst: Herkomst::Extern,
            eenheid: self.eenheid,
            bron: Box::leak(self.bron.clone().into_boxed_str()),
            uitsplitsing: &[],
        }));
        gemaakt.insert(self.clone(), indicator);
        Some(indicator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poh() -> EigenIndicator {
        EigenIndicator {
            code: "tw-poh-jeugd".into(),
            naam: "Aantal jeugdigen begeleid door de POH-jeugd".into(),
            eenheid: Eenheid::Aantal,
            bron: "Registratie POH-jeugd".into(),
            doel: "1".into(),
            beleidslijn: None,
        }
    }

    #[test]
    fn een_eigen_indicator_wordt_gecontroleerd() {
        assert!(poh().valideer().is_ok());
        let mut i = poh();
        i.code = "3.8.1".into();
        i.naam = " ".into();
        i.doel = "9".into();
        let fouten = i.valideer().expect_err("fout");
        let velden: Vec<&str> = fouten.iter().map(|f| f.veld).collect();
        assert_eq!(velden, ["code", "naam", "doel"]);
        assert!(fouten[0].fout.to_string().contains("catalogus"));
        let mut i = poh();
        i.code = "poh jeugd!".into();
        i.beleidslijn = Some("3.3".into());
        let fouten = i.valideer().expect_err("fout");
        let velden: Vec<&str> = fouten.iter().map(|f| f.veld).collect();
        assert_eq!(velden, ["code", "beleidslijn"]);
        i.code = "poh-jeugd".into();
        i.beleidslijn = Some("1.7A".into());
        assert!(i.valideer().is_ok());
    }

    #[test]
    fn als_indicator_eenmaal_per_definitie() {
        let a = poh().als_indicator().expect("indicator");
        let b = poh().als_indicator().expect("indicator");
        assert!(std::ptr::eq(a, b));
        assert_eq!(a.code, "tw-poh-jeugd");
        assert!(!a.is_berekend());
        assert_eq!(a.beleidslijn.titel, BELEIDSLIJN_EIGEN.titel);
        let mut ander = poh();
        ander.beleidslijn = Some("1.7A".into());
        let c = ander.als_indicator().expect("indicator");
        assert_eq!(c.beleidslijn.code, "1.7A");
        assert_eq!(
            eenheid_van(eenheid_code(Eenheid::Euro)),
            Some(Eenheid::Euro)
        );
    }
}
