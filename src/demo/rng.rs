//! A small deterministic pseudo-random generator (splitmix64), so the demo
//! register is byte-identical for the same seed on every machine and build,
//! without depending on the `rand` crate's algorithm choices.

/// Splitmix64: tiny, fast, and good enough for demo data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    #[must_use]
    pub fn nieuw(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    /// The next 64 random bits.
    pub fn getal(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `[0, 1)`.
    pub fn fractie(&mut self) -> f64 {
        (self.getal() >> 11) as f64 / (1_u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn kans(&mut self, p: f64) -> bool {
        self.fractie() < p
    }

    /// A whole number in `lo..=hi` (`hi < lo` gives `lo`).
    pub fn tussen(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let breedte = (hi - lo) as u64 + 1;
        lo + (self.getal() % breedte) as i64
    }

    /// An index below `n` (`n` must be at least 1).
    pub fn index(&mut self, n: usize) -> usize {
        (self.getal() % n.max(1) as u64) as usize
    }

    /// One element of a non-empty slice.
    pub fn kies<'a, T>(&mut self, lijst: &'a [T]) -> &'a T {
        &lijst[self.index(lijst.len())]
    }

    /// A copy of one element of a non-empty slice.
    pub fn trek<T: Copy>(&mut self, lijst: &[T]) -> T {
        lijst[self.index(lijst.len())]
    }

    /// A value drawn by weight; the weights need not sum to anything.
    pub fn gewogen<T: Copy>(&mut self, lijst: &[(T, u32)]) -> T {
        let totaal: u64 = lijst.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut trek = self.getal() % totaal.max(1);
        for (waarde, w) in lijst {
            let w = u64::from(*w);
            if trek < w {
                return *waarde;
            }
            trek -= w;
        }
        lijst[lijst.len() - 1].0
    }

    /// A duration in days, exponentially distributed around `gemiddeld`,
    /// at least `minimum`.
    pub fn duur_dagen(&mut self, gemiddeld: f64, minimum: i64) -> i64 {
        let u = self.fractie();
        let d = -(1.0 - u).ln() * gemiddeld;
        (d as i64).max(minimum)
    }
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "tests may use expect")]
mod tests {
    use super::*;

    #[test]
    fn zelfde_zaad_zelfde_reeks() {
        let mut a = Rng::nieuw(7);
        let mut b = Rng::nieuw(7);
        let mut c = Rng::nieuw(8);
        let ra: Vec<u64> = (0..5).map(|_| a.getal()).collect();
        let rb: Vec<u64> = (0..5).map(|_| b.getal()).collect();
        let rc: Vec<u64> = (0..5).map(|_| c.getal()).collect();
        assert_eq!(ra, rb);
        assert_ne!(ra, rc);
    }

    #[test]
    fn grenzen() {
        let mut r = Rng::nieuw(1);
        for _ in 0..10_000 {
            let x = r.tussen(3, 9);
            assert!((3..=9).contains(&x));
            let f = r.fractie();
            assert!((0.0..1.0).contains(&f));
            assert!(r.duur_dagen(30.0, 5) >= 5);
        }
        let keuzes: Vec<u8> = (0..1000)
            .map(|_| r.gewogen(&[(1_u8, 1), (2, 0), (3, 3)]))
            .collect();
        assert!(!keuzes.contains(&2));
        let drie: usize = keuzes.iter().map(|k| usize::from(*k == 3)).sum();
        assert!((650..850).contains(&drie), "{drie}");
    }
}
