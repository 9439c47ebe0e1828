//! The pure definitions behind the indicators of `indicators.md`: exact
//! rounding (half away from zero, on integers, never through `f64`), the age
//! rule (age on the later of 1 January and the start), and summing a
//! population range from the `bevolking` bands (no value when a band
//! straddles the limit or an age is missing).
//!
//! The SQL that selects records lives in `report`; what a number *means*
//! lives here, so it can be tested on its own.

use chrono::NaiveDate;

use super::datum::leeftijd;

/// An exact decimal: `geschaald / 10^decimalen` (e.g. 12.3 is `123` with 1 decimal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimaal {
    /// The value times `10^decimalen`.
    pub geschaald: i64,
    /// Number of decimals.
    pub decimalen: u32,
}

impl Decimaal {
    /// A whole number.
    #[must_use]
    pub fn geheel(waarde: i64) -> Self {
        Decimaal {
            geschaald: waarde,
            decimalen: 0,
        }
    }

    /// The nearest `f64` (for JSON and spreadsheets).
    #[must_use]
    pub fn als_f64(self) -> f64 {
        // Dividing the exact integer by an exact power of ten gives the f64
        // closest to the decimal, which prints back as the same digits.
        self.geschaald as f64 / 10f64.powi(self.decimalen as i32)
    }

    /// The value with its decimals and `scheiding` as decimal separator ("12,3").
    #[must_use]
    pub fn tekst(self, scheiding: char) -> String {
        let teken = if self.geschaald < 0 { "-" } else { "" };
        let absoluut = self.geschaald.unsigned_abs();
        if self.decimalen == 0 {
            return format!("{teken}{absoluut}");
        }
        let factor = 10u64.pow(self.decimalen);
        format!(
            "{teken}{}{scheiding}{:0breedte$}",
            absoluut / factor,
            absoluut % factor,
            breedte = self.decimalen as usize
        )
    }
}

/// `teller / noemer` rounded half away from zero to `decimalen` decimals,
/// computed exactly on integers. `None` when `noemer` is 0 or the result does
/// not fit.
#[must_use]
pub fn deel_afgerond(teller: i128, noemer: i128, decimalen: u32) -> Option<Decimaal> {
    if noemer == 0 {
        return None;
    }
    let schaal = 10i128.checked_pow(decimalen)?;
    let t = teller.checked_mul(schaal)?;
    let negatief = (t < 0) != (noemer < 0);
    let (t, n) = (t.unsigned_abs(), noemer.unsigned_abs());
    let mut q = t / n;
    // Half away from zero: round up when the remainder is at least half.
    if (t % n) * 2 >= n {
        q += 1;
    }
    let q = i64::try_from(q).ok()?;
    Some(Decimaal {
        geschaald: if negatief { -q } else { q },
        decimalen,
    })
}

/// `factor × teller / noemer`, rounded half away from zero (a percentage has
/// factor 100, a rate per 10 000 residents factor 10 000).
#[must_use]
pub fn verhouding(factor: i64, teller: i64, noemer: i64, decimalen: u32) -> Option<Decimaal> {
    deel_afgerond(
        i128::from(factor) * i128::from(teller),
        i128::from(noemer),
        decimalen,
    )
}

/// The day on which a resident's age at a toekenning counts in year `jaar`:
/// the later of 1 January and the toekenning's start.
#[must_use]
pub fn teldatum(jaar: i32, start: Option<NaiveDate>) -> Option<NaiveDate> {
    let eerste = NaiveDate::from_ymd_opt(jaar, 1, 1)?;
    Some(start.map_or(eerste, |s| s.max(eerste)))
}

/// A resident's age at a toekenning in year `jaar` (whole years on [`teldatum`]).
#[must_use]
pub fn leeftijd_bij_toekenning(
    geboren: NaiveDate,
    jaar: i32,
    start: Option<NaiveDate>,
) -> Option<i32> {
    teldatum(jaar, start).map(|d| leeftijd(geboren, d))
}

/// The first day of a resident's **Pw spell** on day `dag` (indicators.md):
/// the uninterrupted time on benefit that contains `dag`, gathered from the
/// resident's `pw-uitkering` toekenningen (`start`, `eind`; no `eind` is
/// open-ended). Toekenningen that overlap or touch (the next starts the day
/// after the last ends) are one spell; a gap of one whole day or more ends
/// it. `None` when no toekenning runs on `dag`.
#[must_use]
pub fn pw_spell_begin(
    perioden: &[(NaiveDate, Option<NaiveDate>)],
    dag: NaiveDate,
) -> Option<NaiveDate> {
    let mut gesorteerd: Vec<&(NaiveDate, Option<NaiveDate>)> = perioden.iter().collect();
    gesorteerd.sort_by_key(|(start, _)| *start);
    // The spell being gathered: its first day and its last (None: open).
    let mut huidig: Option<(NaiveDate, Option<NaiveDate>)> = None;
    let bevat = |(begin, eind): (NaiveDate, Option<NaiveDate>)| {
        begin <= dag && eind.is_none_or(|e| e >= dag)
    };
    for &&(start, eind) in &gesorteerd {
        huidig = match huidig {
            Some((begin, laatste))
                if laatste.is_none_or(|l| l.succ_opt().is_none_or(|dag_na| start <= dag_na)) =>
            {
                // Overlaps or touches: the spell goes on.
                let samen = match (laatste, eind) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
                Some((begin, samen))
            }
            Some(vorige) => {
                if bevat(vorige) {
                    return Some(vorige.0);
                }
                Some((start, eind))
            }
            None => Some((start, eind)),
        };
    }
    huidig.filter(|h| bevat(*h)).map(|h| h.0)
}

/// One band of the reference population.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Band {
    /// Lowest age (inclusive).
    pub van: u8,
    /// Highest age (inclusive; 120 is "and older").
    pub tot: u8,
    /// Number of residents.
    pub aantal: u32,
}

/// Why a population range cannot be given exactly.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoemerFout {
    /// No bands at all for the year.
    #[error("geen bevolking voor {jaar}")]
    GeenBevolking {
        /// The year.
        jaar: i32,
    },
    /// A band lies partly inside and partly outside the range.
    #[error(
        "de bevolkingsband {van}–{tot} jaar van {jaar} valt deels buiten {bereik_van}–{bereik_tot} jaar; de noemer is niet exact"
    )]
    BandOverschrijdtGrens {
        /// The year.
        jaar: i32,
        /// Band start.
        van: u8,
        /// Band end.
        tot: u8,
        /// Range start.
        bereik_van: u8,
        /// Range end.
        bereik_tot: u8,
    },
    /// An age of the range is in no band.
    #[error(
        "de bevolking van {jaar} heeft geen band voor leeftijd {leeftijd}; de noemer is niet exact"
    )]
    LeeftijdOntbreekt {
        /// The year.
        jaar: i32,
        /// The first missing age.
        leeftijd: u8,
    },
    /// The range holds nobody.
    #[error("de bevolking van {bereik_van}–{bereik_tot} jaar in {jaar} is 0")]
    Nul {
        /// The year.
        jaar: i32,
        /// Range start.
        bereik_van: u8,
        /// Range end.
        bereik_tot: u8,
    },
}

/// The number of residents aged `van`–`tot` (inclusive) in `jaar`, summed
/// exactly from `banden`: every band inside the range counts whole, a band
/// straddling a limit or an age in no band makes the sum inexact.
pub fn bevolking_in_bereik(
    jaar: i32,
    banden: &[Band],
    van: u8,
    tot: u8,
) -> Result<u64, NoemerFout> {
    if banden.is_empty() {
        return Err(NoemerFout::GeenBevolking { jaar });
    }
    let mut gedekt = vec![false; usize::from(tot) + 1];
    let mut som = 0u64;
    let mut gesorteerd = banden.to_vec();
    gesorteerd.sort_by_key(|b| b.van);
    for b in &gesorteerd {
        if b.tot < van || b.van > tot {
            continue;
        }
        if b.van < van || b.tot > tot {
            return Err(NoemerFout::BandOverschrijdtGrens {
                jaar,
                van: b.van,
                tot: b.tot,
                bereik_van: van,
                bereik_tot: tot,
            });
        }
        for leeftijd in b.van..=b.tot {
            gedekt[usize::from(leeftijd)] = true;
        }
        som += u64::from(b.aantal);
    }
    if let Some(leeftijd) = (van..=tot).find(|l| !gedekt[usize::from(*l)]) {
        return Err(NoemerFout::LeeftijdOntbreekt { jaar, leeftijd });
    }
    if som == 0 {
        return Err(NoemerFout::Nul {
            jaar,
            bereik_van: van,
            bereik_tot: tot,
        });
    }
    Ok(som)
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "tests may panic")]
mod tests {
    use super::*;

    fn d(j: i32, m: u32, dag: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(j, m, dag).expect("datum")
    }

    #[test]
    fn pw_spell_aansluitend_is_een_spell_een_dag_gat_niet() {
        // Decided again every half year, back to back since 2015.
        let per_half_jaar: Vec<(NaiveDate, Option<NaiveDate>)> = (2015..2025)
            .flat_map(|j| {
                [
                    (d(j, 1, 1), Some(d(j, 6, 30))),
                    (d(j, 7, 1), Some(d(j, 12, 31))),
                ]
            })
            .collect();
        assert_eq!(
            pw_spell_begin(&per_half_jaar, d(2024, 12, 31)),
            Some(d(2015, 1, 1))
        );
        // Overlapping and open-ended pieces join as well, in any order.
        let door_elkaar = [
            (d(2023, 3, 1), None),
            (d(2021, 1, 1), Some(d(2022, 6, 30))),
            (d(2022, 5, 1), Some(d(2023, 2, 28))),
        ];
        assert_eq!(
            pw_spell_begin(&door_elkaar, d(2024, 6, 1)),
            Some(d(2021, 1, 1))
        );
        // One whole day without benefit (1 July) ends the spell.
        let gat = [
            (d(2020, 1, 1), Some(d(2024, 6, 30))),
            (d(2024, 7, 2), Some(d(2024, 12, 31))),
        ];
        assert_eq!(pw_spell_begin(&gat, d(2024, 12, 31)), Some(d(2024, 7, 2)));
        assert_eq!(pw_spell_begin(&gat, d(2024, 6, 30)), Some(d(2020, 1, 1)));
        assert_eq!(pw_spell_begin(&gat, d(2024, 7, 1)), None);
        // A later spell does not reach back over an earlier gap.
        let twee = [
            (d(2010, 1, 1), Some(d(2012, 1, 1))),
            (d(2012, 1, 3), Some(d(2013, 1, 1))),
        ];
        assert_eq!(pw_spell_begin(&twee, d(2011, 5, 5)), Some(d(2010, 1, 1)));
        assert_eq!(pw_spell_begin(&twee, d(2012, 6, 1)), Some(d(2012, 1, 3)));
        assert_eq!(pw_spell_begin(&[], d(2012, 6, 1)), None);
    }

    #[test]
    fn afronden_half_van_nul_af() {
        assert_eq!(
            deel_afgerond(1225, 100, 1).map(|x| x.tekst(',')),
            Some("12,3".to_owned())
        );
        assert_eq!(deel_afgerond(1, 2, 0), Some(Decimaal::geheel(1)));
        assert_eq!(deel_afgerond(-1, 2, 0), Some(Decimaal::geheel(-1)));
        assert_eq!(deel_afgerond(1224, 100, 1).map(|x| x.geschaald), Some(122));
        assert_eq!(
            deel_afgerond(2, 3, 2).map(|x| x.tekst('.')),
            Some("0.67".to_owned())
        );
        assert_eq!(
            deel_afgerond(1, 3, 2).map(|x| x.tekst('.')),
            Some("0.33".to_owned())
        );
        assert_eq!(deel_afgerond(5, 0, 1), None);
        // 100 × 1 / 8 = 12.5 → 13 at 0 decimals; f64 would also get this, 0.125 at 2 → 0.13.
        assert_eq!(verhouding(100, 1, 8, 0), Some(Decimaal::geheel(13)));
        assert_eq!(
            deel_afgerond(1, 8, 2).map(|x| x.tekst('.')),
            Some("0.13".to_owned())
        );
        // 1.005 is below 1.005 in f64; exact integers round it up.
        assert_eq!(
            deel_afgerond(1005, 1000, 2).map(|x| x.tekst('.')),
            Some("1.01".to_owned())
        );
        assert_eq!(
            Decimaal {
                geschaald: 152_050,
                decimalen: 2
            }
            .tekst(','),
            "1520,50"
        );
        assert!(
            (Decimaal {
                geschaald: 152_050,
                decimalen: 2
            }
            .als_f64()
                - 1520.5)
                .abs()
                < f64::EPSILON
        );
        assert_eq!(
            Decimaal {
                geschaald: -5,
                decimalen: 2
            }
            .tekst('.'),
            "-0.05"
        );
    }

    #[test]
    fn leeftijd_op_later_van_nieuwjaar_en_start() {
        let geboren = d(2020, 1, 1);
        assert_eq!(leeftijd_bij_toekenning(geboren, 2024, None), Some(4));
        assert_eq!(
            leeftijd_bij_toekenning(geboren, 2024, Some(d(2023, 6, 1))),
            Some(4)
        );
        let geboren = d(2020, 3, 15);
        assert_eq!(
            leeftijd_bij_toekenning(geboren, 2024, Some(d(2023, 6, 1))),
            Some(3)
        );
        assert_eq!(
            leeftijd_bij_toekenning(geboren, 2024, Some(d(2024, 3, 14))),
            Some(3)
        );
        assert_eq!(
            leeftijd_bij_toekenning(geboren, 2024, Some(d(2024, 3, 15))),
            Some(4)
        );
    }

    #[test]
    fn bevolking_exact_of_met_reden() {
        let banden = [
            Band {
                van: 0,
                tot: 11,
                aantal: 100,
            },
            Band {
                van: 12,
                tot: 17,
                aantal: 50,
            },
            Band {
                van: 18,
                tot: 22,
                aantal: 40,
            },
            Band {
                van: 23,
                tot: 120,
                aantal: 800,
            },
        ];
        assert_eq!(bevolking_in_bereik(2024, &banden, 0, 17), Ok(150));
        assert_eq!(bevolking_in_bereik(2024, &banden, 12, 22), Ok(90));
        assert_eq!(bevolking_in_bereik(2024, &banden, 0, 120), Ok(990));
        assert_eq!(bevolking_in_bereik(2024, &banden, 18, 120), Ok(840));
        let scheef = [
            Band {
                van: 0,
                tot: 14,
                aantal: 1,
            },
            Band {
                van: 15,
                tot: 19,
                aantal: 1,
            },
        ];
        let fout = bevolking_in_bereik(2024, &scheef, 0, 17).expect_err("straddle");
        assert!(matches!(
            fout,
            NoemerFout::BandOverschrijdtGrens {
                van: 15,
                tot: 19,
                ..
            }
        ));
        assert_eq!(
            bevolking_in_bereik(2024, &[], 0, 17)
                .expect_err("leeg")
                .to_string(),
            "geen bevolking voor 2024"
        );
        let gat = [
            Band {
                van: 0,
                tot: 10,
                aantal: 1,
            },
            Band {
                van: 12,
                tot: 17,
                aantal: 1,
            },
        ];
        assert_eq!(
            bevolking_in_bereik(2024, &gat, 0, 17),
            Err(NoemerFout::LeeftijdOntbreekt {
                jaar: 2024,
                leeftijd: 11
            })
        );
    }
}
