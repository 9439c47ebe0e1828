//! The burgerservicenummer (BSN) and its 11-proef.

use std::fmt;

/// A BSN that passed the 11-proef. Only [`Bsn::parse`] makes one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Bsn(String);

/// Why a text is not a valid BSN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BsnFout {
    /// Not exactly nine digits.
    #[error("een BSN bestaat uit precies 9 cijfers")]
    GeenNegenCijfers,
    /// All zeros.
    #[error("000000000 is geen BSN")]
    AlleNullen,
    /// The weighted sum is not divisible by 11.
    #[error("dit nummer voldoet niet aan de 11-proef; controleer op een tikfout")]
    ElfProef,
}

impl Bsn {
    /// Checks a nine-digit text against the 11-proef:
    /// 9·d1 + 8·d2 + … + 2·d8 − 1·d9 must be divisible by 11, and not 000000000.
    pub fn parse(tekst: &str) -> Result<Bsn, BsnFout> {
        let cijfers: Vec<i64> = tekst
            .bytes()
            .map(|b| {
                if b.is_ascii_digit() {
                    i64::from(b - b'0')
                } else {
                    -1
                }
            })
            .collect();
        if cijfers.len() != 9 || cijfers.iter().any(|c| *c < 0) {
            return Err(BsnFout::GeenNegenCijfers);
        }
        if cijfers.iter().all(|c| *c == 0) {
            return Err(BsnFout::AlleNullen);
        }
        let som: i64 = cijfers
            .iter()
            .zip([9, 8, 7, 6, 5, 4, 3, 2, -1])
            .map(|(c, w)| c * w)
            .sum();
        if som % 11 != 0 {
            return Err(BsnFout::ElfProef);
        }
        Ok(Bsn(tekst.to_owned()))
    }

    /// The nine digits.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Makes a valid BSN from its first eight digits by choosing the ninth,
    /// or `None` when no ninth digit satisfies the 11-proef (used by the
    /// demo generator and tests).
    #[must_use]
    pub fn met_controlecijfer(eerste_acht: u32) -> Option<Bsn> {
        let tekst = format!("{eerste_acht:08}");
        if tekst.len() != 8 {
            return None;
        }
        (0..=9)
            .map(|d| format!("{tekst}{d}"))
            .find_map(|t| Bsn::parse(&t).ok())
    }
}

impl fmt::Display for Bsn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geldige_bsn() {
        // 9*1+8*1+7*1+6*2+5*2+4*2+3*3+2*3-1*4 = 66, divisible by 11.
        assert!(Bsn::parse("111222333").is_ok());
        assert!(Bsn::parse("123456782").is_ok());
    }

    #[test]
    fn elfproef_faalt() {
        assert_eq!(Bsn::parse("123456789"), Err(BsnFout::ElfProef));
        assert_eq!(Bsn::parse("111222334"), Err(BsnFout::ElfProef));
    }

    #[test]
    fn lengte_en_tekens() {
        assert_eq!(Bsn::parse("12345678"), Err(BsnFout::GeenNegenCijfers));
        assert_eq!(Bsn::parse("1234567820"), Err(BsnFout::GeenNegenCijfers));
        assert_eq!(Bsn::parse("12345678a"), Err(BsnFout::GeenNegenCijfers));
        assert_eq!(Bsn::parse(" 23456782"), Err(BsnFout::GeenNegenCijfers));
        assert_eq!(Bsn::parse(""), Err(BsnFout::GeenNegenCijfers));
        assert_eq!(
            Bsn::parse("１２３４５６７８２"),
            Err(BsnFout::GeenNegenCijfers)
        );
    }

    #[test]
    fn alle_nullen() {
        // 000000000 passes the arithmetic but is not a BSN.
        assert_eq!(Bsn::parse("000000000"), Err(BsnFout::AlleNullen));
    }

    #[test]
    fn controlecijfer() {
        let bsn = Bsn::met_controlecijfer(12_345_678).expect("test");
        assert_eq!(bsn.as_str(), "123456782");
        for n in [10_000_000_u32, 23_456_789, 99_999_999] {
            if let Some(b) = Bsn::met_controlecijfer(n) {
                assert!(Bsn::parse(b.as_str()).is_ok());
            }
        }
        assert!(Bsn::met_controlecijfer(100_000_000).is_none());
    }
}
