//! Dates as the register uses them: ISO `YYYY-MM-DD` in files and the
//! database, Dutch `dd-mm-jjjj` on screen, and ages in whole years.
//!
//! Nothing here reads a clock: "today" is always a parameter.

use chrono::{Datelike, NaiveDate};

/// Parses a strict ISO date `YYYY-MM-DD` (exactly ten characters).
#[must_use]
pub fn parse_iso(tekst: &str) -> Option<NaiveDate> {
    let b = tekst.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    if !b
        .iter()
        .enumerate()
        .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    {
        return None;
    }
    // Digits checked above; read them directly (the report parses hundreds
    // of thousands of dates, and a format parser costs more than the query).
    let getal = |van: usize, tot: usize| {
        b[van..tot]
            .iter()
            .fold(0u32, |n, c| n * 10 + u32::from(c - b'0'))
    };
    NaiveDate::from_ymd_opt(getal(0, 4) as i32, getal(5, 7), getal(8, 10))
}

/// Formats a date as the exchange format and the database write it.
#[must_use]
pub fn iso(datum: NaiveDate) -> String {
    datum.format("%Y-%m-%d").to_string()
}

/// Formats a date the Dutch way: `dd-mm-jjjj`.
#[must_use]
pub fn nl(datum: NaiveDate) -> String {
    datum.format("%d-%m-%Y").to_string()
}

/// Formats an optional date, or a dash when absent.
#[must_use]
pub fn nl_of_streep(datum: Option<NaiveDate>) -> String {
    datum.map_or_else(|| "–".to_owned(), nl)
}

/// Parses what a user typed: `dd-mm-jjjj` (also with `/` or `.`, and one-digit
/// day or month), or ISO `jjjj-mm-dd`.
#[must_use]
pub fn parse_nl(tekst: &str) -> Option<NaiveDate> {
    let tekst = tekst.trim();
    if let Some(d) = parse_iso(tekst) {
        return Some(d);
    }
    let delen: Vec<&str> = tekst.split(['-', '/', '.']).collect();
    let [dag, maand, jaar] = delen.as_slice() else {
        return None;
    };
    if jaar.len() != 4 || dag.is_empty() || dag.len() > 2 || maand.is_empty() || maand.len() > 2 {
        return None;
    }
    let dag: u32 = dag.parse().ok()?;
    let maand: u32 = maand.parse().ok()?;
    let jaar: i32 = jaar.parse().ok()?;
    NaiveDate::from_ymd_opt(jaar, maand, dag)
}

/// Age in whole years on `op` for someone born on `geboren`
/// (a birthday on 29 February counts on 1 March in other years).
#[must_use]
pub fn leeftijd(geboren: NaiveDate, op: NaiveDate) -> i32 {
    let mut jaren = op.year() - geboren.year();
    if (op.month(), op.day()) < (geboren.month(), geboren.day()) {
        jaren -= 1;
    }
    jaren
}

/// First and last day of a calendar year.
#[must_use]
pub fn jaar_grenzen(jaar: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(jaar, 1, 1)?,
        NaiveDate::from_ymd_opt(jaar, 12, 31)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(j: i32, m: u32, dag: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(j, m, dag).expect("test date")
    }

    #[test]
    fn iso_streng() {
        assert_eq!(parse_iso("2024-02-29"), Some(d(2024, 2, 29)));
        assert_eq!(parse_iso("2023-02-29"), None);
        assert_eq!(parse_iso("2024-2-29"), None);
        assert_eq!(parse_iso("2024-02-29 "), None);
        assert_eq!(parse_iso("29-02-2024"), None);
        assert_eq!(parse_iso("+024-02-29"), None);
    }

    #[test]
    fn nederlandse_invoer() {
        assert_eq!(parse_nl("29-02-2024"), Some(d(2024, 2, 29)));
        assert_eq!(parse_nl("1-3-2024"), Some(d(2024, 3, 1)));
        assert_eq!(parse_nl("01/03/2024"), Some(d(2024, 3, 1)));
        assert_eq!(parse_nl("2024-03-01"), Some(d(2024, 3, 1)));
        assert_eq!(parse_nl("31-04-2024"), None);
        assert_eq!(parse_nl("1-3-24"), None);
        assert_eq!(nl(d(2024, 3, 1)), "01-03-2024");
    }

    #[test]
    fn leeftijd_rond_verjaardag() {
        let geboren = d(2006, 5, 10);
        assert_eq!(leeftijd(geboren, d(2024, 5, 9)), 17);
        assert_eq!(leeftijd(geboren, d(2024, 5, 10)), 18);
        let schrikkel = d(2008, 2, 29);
        assert_eq!(leeftijd(schrikkel, d(2026, 2, 28)), 17);
        assert_eq!(leeftijd(schrikkel, d(2026, 3, 1)), 18);
    }
}
