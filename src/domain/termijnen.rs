//! Legal deadlines the register watches (domain.md, "Legal deadlines") and
//! the working-day arithmetic behind them.
//!
//! A deadline counted in weeks that ends on a Saturday, Sunday or public
//! holiday moves to the next working day (Algemene termijnenwet, art. 1 and
//! 3: Nieuwjaarsdag, Goede Vrijdag, tweede Paas- en Pinksterdag,
//! Hemelvaartsdag, Koningsdag, 5 mei, beide Kerstdagen). "Due soon" means
//! within 5 working days. "Today" is a parameter.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::waarden::Wet;

/// Working days before a deadline from which it shows as due soon.
pub const BIJNA_WERKDAGEN: u32 = 5;

/// Easter Sunday of a year (anonymous Gregorian algorithm).
#[must_use]
#[allow(
    clippy::many_single_char_names,
    reason = "the letters of the published algorithm"
)]
pub fn pasen(jaar: i32) -> Option<NaiveDate> {
    let a = jaar % 19;
    let b = jaar / 100;
    let c = jaar % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let maand = (h + l - 7 * m + 114) / 31;
    let dag = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(jaar, u32::try_from(maand).ok()?, u32::try_from(dag).ok()?)
}

/// Whether `dag` is a public holiday in the sense of the Algemene termijnenwet.
#[must_use]
pub fn is_feestdag(dag: NaiveDate) -> bool {
    let (m, d) = (dag.month(), dag.day());
    let vast = matches!((m, d), (1, 1) | (5, 5) | (12, 25 | 26));
    // Koningsdag: 27 April, or 26 April when the 27th is a Sunday.
    let koningsdag = (m == 4 && d == 27 && dag.weekday() != Weekday::Sun)
        || (m == 4 && d == 26 && dag.weekday() == Weekday::Sat);
    if vast || koningsdag {
        return true;
    }
    let Some(pasen) = pasen(dag.year()) else {
        return false;
    };
    let verschil = (dag - pasen).num_days();
    // Goede Vrijdag (-2), tweede Paasdag (+1), Hemelvaart (+39), tweede Pinksterdag (+50).
    matches!(verschil, -2 | 1 | 39 | 50)
}

/// Whether `dag` is a working day (Monday to Friday, not a holiday).
#[must_use]
pub fn is_werkdag(dag: NaiveDate) -> bool {
    !matches!(dag.weekday(), Weekday::Sat | Weekday::Sun) && !is_feestdag(dag)
}

/// The first working day on or after `dag`.
#[must_use]
pub fn eerstvolgende_werkdag(mut dag: NaiveDate) -> NaiveDate {
    while !is_werkdag(dag) {
        match dag.succ_opt() {
            Some(v) => dag = v,
            None => break,
        }
    }
    dag
}

/// `dag` plus `n` working days (the day itself not counted).
#[must_use]
pub fn plus_werkdagen(mut dag: NaiveDate, n: u32) -> NaiveDate {
    let mut over = n;
    while over > 0 {
        match dag.succ_opt() {
            Some(v) => dag = v,
            None => break,
        }
        if is_werkdag(dag) {
            over -= 1;
        }
    }
    dag
}

/// Working days after `van` up to and including `tot` (0 when `tot` ≤ `van`).
#[must_use]
pub fn werkdagen_tussen(van: NaiveDate, tot: NaiveDate) -> u32 {
    let mut n = 0;
    let mut dag = van;
    while dag < tot {
        match dag.succ_opt() {
            Some(v) => dag = v,
            None => break,
        }
        if is_werkdag(dag) {
            n += 1;
        }
    }
    n
}

/// The kinds of legal deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TermijnSoort {
    /// Wmo: melding → end of research, 6 weeks (art. 2.3.2 Wmo 2015).
    WmoOnderzoek,
    /// Wmo: aanvraag → besluit, 2 weeks (art. 2.3.5 Wmo 2015).
    WmoBesluit,
    /// Jeugdwet: aanvraag → besluit, at most 8 weeks (art. 4:13 Awb).
    JeugdwetBesluit,
    /// Participatiewet: aanvraag → besluit, 8 weeks (art. 4:13 Awb).
    ParticipatiewetBesluit,
    /// Schuldhulp: verzoek → first conversation, 4 weeks (art. 4 Wgs).
    SchuldhulpGesprek,
    /// Schuldhulp when eviction, cut-off of energy or water, or end of health
    /// insurance threatens: 3 working days (art. 4 Wgs).
    SchuldhulpGesprekSpoed,
    /// Schuldhulp: first conversation → beschikking on admission
    /// (*toelating*), 8 weeks (art. 4a Wgs).
    SchuldhulpBeschikking,
}

impl TermijnSoort {
    /// What the deadline is for, in Dutch.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            TermijnSoort::WmoOnderzoek => "Onderzoek Wmo afronden",
            TermijnSoort::WmoBesluit => "Besluit op aanvraag Wmo",
            TermijnSoort::JeugdwetBesluit => "Besluit op aanvraag Jeugdwet",
            TermijnSoort::ParticipatiewetBesluit => "Besluit op aanvraag Participatiewet",
            TermijnSoort::SchuldhulpGesprek => "Eerste gesprek schuldhulp",
            TermijnSoort::SchuldhulpGesprekSpoed => "Eerste gesprek schuldhulp (spoed)",
            TermijnSoort::SchuldhulpBeschikking => "Beschikking toelating schuldhulp",
        }
    }

    /// The legal basis.
    #[must_use]
    pub fn grondslag(self) -> &'static str {
        match self {
            TermijnSoort::WmoOnderzoek => "art. 2.3.2 Wmo 2015 (6 weken)",
            TermijnSoort::WmoBesluit => "art. 2.3.5 Wmo 2015 (2 weken)",
            TermijnSoort::JeugdwetBesluit | TermijnSoort::ParticipatiewetBesluit => {
                "art. 4:13 Awb (8 weken)"
            }
            TermijnSoort::SchuldhulpGesprek => "art. 4 Wgs (4 weken)",
            TermijnSoort::SchuldhulpGesprekSpoed => "art. 4 Wgs (3 werkdagen)",
            TermijnSoort::SchuldhulpBeschikking => "art. 4a Wgs (8 weken na het eerste gesprek)",
        }
    }

    /// The deadline for a term starting on `start`.
    #[must_use]
    pub fn uiterste_datum(self, start: NaiveDate) -> NaiveDate {
        let weken = match self {
            TermijnSoort::WmoOnderzoek => 6,
            TermijnSoort::WmoBesluit => 2,
            TermijnSoort::JeugdwetBesluit
            | TermijnSoort::ParticipatiewetBesluit
            | TermijnSoort::SchuldhulpBeschikking => 8,
            TermijnSoort::SchuldhulpGesprek => 4,
            TermijnSoort::SchuldhulpGesprekSpoed => return plus_werkdagen(start, 3),
        };
        let eind = start
            .checked_add_days(Days::new(weken * 7))
            .unwrap_or(start);
        eerstvolgende_werkdag(eind)
    }

    /// The deadline on a decision for an aanvraag under `wet`, if the law sets one.
    #[must_use]
    pub fn besluit(wet: Wet) -> Option<TermijnSoort> {
        match wet {
            Wet::Wmo => Some(TermijnSoort::WmoBesluit),
            Wet::Jeugdwet => Some(TermijnSoort::JeugdwetBesluit),
            Wet::Participatiewet => Some(TermijnSoort::ParticipatiewetBesluit),
            _ => None,
        }
    }

    /// The deadline that runs from a melding under `wet`, if any.
    #[must_use]
    pub fn melding(wet: Wet, spoed: bool) -> Option<TermijnSoort> {
        match wet {
            Wet::Wmo => Some(TermijnSoort::WmoOnderzoek),
            Wet::Schuldhulp if spoed => Some(TermijnSoort::SchuldhulpGesprekSpoed),
            Wet::Schuldhulp => Some(TermijnSoort::SchuldhulpGesprek),
            _ => None,
        }
    }
}

/// Where an open deadline stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermijnStatus {
    /// More than 5 working days left.
    OpTijd,
    /// Due within 5 working days (today included).
    BijnaVerlopen {
        /// Working days left (0: due today).
        werkdagen: u32,
    },
    /// Past the deadline.
    Verlopen {
        /// Calendar days overdue.
        dagen: i64,
    },
}

impl TermijnStatus {
    /// The status of an open term with deadline `uiterste` on `vandaag`.
    #[must_use]
    pub fn op(uiterste: NaiveDate, vandaag: NaiveDate) -> TermijnStatus {
        if vandaag > uiterste {
            return TermijnStatus::Verlopen {
                dagen: (vandaag - uiterste).num_days(),
            };
        }
        let werkdagen = werkdagen_tussen(vandaag, uiterste);
        if werkdagen <= BIJNA_WERKDAGEN {
            TermijnStatus::BijnaVerlopen { werkdagen }
        } else {
            TermijnStatus::OpTijd
        }
    }

    /// Dutch text for lists.
    #[must_use]
    pub fn tekst(self) -> String {
        match self {
            TermijnStatus::OpTijd => "op tijd".to_owned(),
            TermijnStatus::BijnaVerlopen { werkdagen: 0 } => "verloopt vandaag".to_owned(),
            TermijnStatus::BijnaVerlopen { werkdagen: 1 } => "nog 1 werkdag".to_owned(),
            TermijnStatus::BijnaVerlopen { werkdagen } => format!("nog {werkdagen} werkdagen"),
            TermijnStatus::Verlopen { dagen: 1 } => "1 dag te laat".to_owned(),
            TermijnStatus::Verlopen { dagen } => format!("{dagen} dagen te laat"),
        }
    }

    /// Sort key: overdue first (longest overdue first), then due soon, then on time.
    #[must_use]
    pub fn urgentie(self) -> (u8, i64) {
        match self {
            TermijnStatus::Verlopen { dagen } => (0, -dagen),
            TermijnStatus::BijnaVerlopen { werkdagen } => (1, i64::from(werkdagen)),
            TermijnStatus::OpTijd => (2, 0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(j: i32, m: u32, dag: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(j, m, dag).expect("datum")
    }

    #[test]
    fn pasen_bekende_jaren() {
        assert_eq!(pasen(2024), Some(d(2024, 3, 31)));
        assert_eq!(pasen(2025), Some(d(2025, 4, 20)));
        assert_eq!(pasen(2026), Some(d(2026, 4, 5)));
    }

    #[test]
    fn feestdagen_2026() {
        for f in [
            d(2026, 1, 1),
            d(2026, 4, 3),  // Goede Vrijdag
            d(2026, 4, 6),  // tweede Paasdag
            d(2026, 4, 27), // Koningsdag (maandag)
            d(2026, 5, 5),
            d(2026, 5, 14), // Hemelvaart
            d(2026, 5, 25), // tweede Pinksterdag
            d(2026, 12, 25),
            d(2026, 12, 26),
        ] {
            assert!(is_feestdag(f), "{f} is een feestdag");
        }
        assert!(!is_feestdag(d(2026, 4, 7)));
        // 2025: 27 April is a Sunday, Koningsdag falls on Saturday 26 April.
        assert!(is_feestdag(d(2025, 4, 26)));
        assert!(!is_feestdag(d(2025, 4, 27)));
    }

    #[test]
    fn schuldhulp_spoed_en_beschikking() {
        // Thursday 26-11-2026 with an eviction threat: 3 working days → Tuesday 1 December.
        assert_eq!(
            TermijnSoort::SchuldhulpGesprekSpoed.uiterste_datum(d(2026, 11, 26)),
            d(2026, 12, 1)
        );
        // Without: 4 weeks → Thursday 24 December.
        assert_eq!(
            TermijnSoort::SchuldhulpGesprek.uiterste_datum(d(2026, 11, 26)),
            d(2026, 12, 24)
        );
        // Beschikking 8 weeks after the first conversation of Friday 27
        // November: Friday 22 January 2027.
        assert_eq!(
            TermijnSoort::SchuldhulpBeschikking.uiterste_datum(d(2026, 11, 27)),
            d(2027, 1, 22)
        );
        // 8 weeks after Friday 30 October 2026 is Christmas Day → Monday 28 December.
        assert_eq!(
            TermijnSoort::SchuldhulpBeschikking.uiterste_datum(d(2026, 10, 30)),
            d(2026, 12, 28)
        );
    }

    #[test]
    fn termijn_in_weken_schuift_naar_werkdag() {
        // Wmo besluit: 2 weeks after Friday 2026-04-24 is Friday 2026-05-08.
        assert_eq!(
            TermijnSoort::WmoBesluit.uiterste_datum(d(2026, 4, 24)),
            d(2026, 5, 8)
        );
        // 2 weeks after Tuesday 2026-04-21 is 5 May (holiday) → 6 May.
        assert_eq!(
            TermijnSoort::WmoBesluit.uiterste_datum(d(2026, 4, 21)),
            d(2026, 5, 6)
        );
        // 6 weeks after Saturday 2026-01-03 is Saturday 2026-02-14 → Monday 16 Feb.
        assert_eq!(
            TermijnSoort::WmoOnderzoek.uiterste_datum(d(2026, 1, 3)),
            d(2026, 2, 16)
        );
        assert_eq!(
            TermijnSoort::JeugdwetBesluit.uiterste_datum(d(2026, 1, 5)),
            d(2026, 3, 2)
        );
    }

    #[test]
    fn spoed_schuldhulp_drie_werkdagen() {
        // Thursday 2026-04-02 + 3 working days skips Goede Vrijdag, the weekend and Easter Monday.
        assert_eq!(
            TermijnSoort::SchuldhulpGesprekSpoed.uiterste_datum(d(2026, 4, 2)),
            d(2026, 4, 9)
        );
        assert_eq!(
            TermijnSoort::SchuldhulpGesprekSpoed.uiterste_datum(d(2026, 11, 23)),
            d(2026, 11, 26)
        );
    }

    #[test]
    fn status_grenzen() {
        let uiterste = d(2026, 11, 30); // Monday
        assert_eq!(
            TermijnStatus::op(uiterste, d(2026, 11, 30)),
            TermijnStatus::BijnaVerlopen { werkdagen: 0 }
        );
        assert_eq!(
            TermijnStatus::op(uiterste, d(2026, 12, 1)),
            TermijnStatus::Verlopen { dagen: 1 }
        );
        // Monday 23 Nov → Monday 30 Nov is 5 working days: due soon.
        assert_eq!(
            TermijnStatus::op(uiterste, d(2026, 11, 23)),
            TermijnStatus::BijnaVerlopen { werkdagen: 5 }
        );
        // Friday 20 Nov → 6 working days: on time.
        assert_eq!(
            TermijnStatus::op(uiterste, d(2026, 11, 20)),
            TermijnStatus::OpTijd
        );
        assert_eq!(
            TermijnStatus::Verlopen { dagen: 3 }.tekst(),
            "3 dagen te laat"
        );
        assert!(
            TermijnStatus::Verlopen { dagen: 9 }.urgentie()
                < TermijnStatus::Verlopen { dagen: 2 }.urgentie()
        );
        assert!(
            TermijnStatus::Verlopen { dagen: 1 }.urgentie()
                < TermijnStatus::BijnaVerlopen { werkdagen: 0 }.urgentie()
        );
    }

    #[test]
    fn welke_termijn_per_wet() {
        assert_eq!(
            TermijnSoort::besluit(Wet::Wmo),
            Some(TermijnSoort::WmoBesluit)
        );
        assert_eq!(TermijnSoort::besluit(Wet::Inburgering), None);
        assert_eq!(
            TermijnSoort::melding(Wet::Schuldhulp, true),
            Some(TermijnSoort::SchuldhulpGesprekSpoed)
        );
        assert_eq!(TermijnSoort::melding(Wet::Jeugdwet, false), None);
    }
}
