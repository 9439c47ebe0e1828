//! Numbers as Dutch readers read and type them: "75.000", "1.234,5".
//! Shared by every screen that shows a count or takes a number.

use crate::domain::indicatoren::Decimaal;

pub use crate::domain::woorden::duizendtallen;

/// A decimal in Dutch notation: "1.234,5".
#[must_use]
pub fn decimaal_tekst(d: Decimaal) -> String {
    groepeer(&d.tekst(','))
}

/// A number in Dutch notation with at most two decimals: "1.234,5".
#[must_use]
pub fn f64_tekst(x: f64) -> String {
    let mut s = format!("{x:.2}");
    if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    if s == "-0" {
        "0".clone_into(&mut s);
    }
    groepeer(&s.replace('.', ","))
}

/// Puts a dot between every three digits of the whole part of a number
/// written with a decimal comma.
#[must_use]
pub fn groepeer(tekst: &str) -> String {
    let (teken, rest) = match tekst.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", tekst),
    };
    let (geheel, breuk) = match rest.split_once(',') {
        Some((g, b)) => (g, Some(b)),
        None => (rest, None),
    };
    let mut uit = String::new();
    for (i, c) in geheel.chars().enumerate() {
        if i > 0 && (geheel.len() - i) % 3 == 0 {
            uit.push('.');
        }
        uit.push(c);
    }
    match breuk {
        Some(b) => format!("{teken}{uit},{b}"),
        None => format!("{teken}{uit}"),
    }
}

/// Reads a number as a Dutch user types it: "1.250", "12,5", "1.250,75";
/// a single dot followed by other than three digits is a decimal point.
///
/// # Errors
/// A Dutch message when the text is empty or not a number.
pub fn lees_getal(tekst: &str) -> Result<f64, String> {
    let t = tekst.trim().replace(' ', "");
    if t.is_empty() {
        return Err("Vul een getal in".to_owned());
    }
    let duizendtallen = |s: &str| {
        let mut delen = s.trim_start_matches('-').split('.');
        delen
            .next()
            .is_some_and(|eerste| (1..=3).contains(&eerste.len()))
            && delen.all(|d| d.len() == 3)
    };
    let genormaliseerd = if t.contains(',') {
        t.replace('.', "").replace(',', ".")
    } else if t.contains('.') && duizendtallen(&t) {
        t.replace('.', "")
    } else {
        t.clone()
    };
    match genormaliseerd.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(format!(
            "'{}' is geen getal; typ bijvoorbeeld 1.250 of 12,5",
            tekst.trim()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duizendtallen_met_punten() {
        assert_eq!(duizendtallen(7), "7");
        assert_eq!(duizendtallen(1000), "1.000");
        assert_eq!(duizendtallen(75_000), "75.000");
        assert_eq!(duizendtallen(1_234_567), "1.234.567");
    }

    #[test]
    fn getallen_in_nederlandse_notatie() {
        assert_eq!(f64_tekst(1234.5), "1.234,5");
        assert_eq!(f64_tekst(1_234_567.0), "1.234.567");
        assert_eq!(f64_tekst(-1234.25), "-1.234,25");
        assert_eq!(f64_tekst(12.0), "12");
        assert_eq!(f64_tekst(0.5), "0,5");
        assert_eq!(
            decimaal_tekst(Decimaal {
                geschaald: 152_050,
                decimalen: 2
            }),
            "1.520,50"
        );
        assert_eq!(decimaal_tekst(Decimaal::geheel(999)), "999");
    }

    #[test]
    fn getallen_lezen() {
        assert_eq!(lees_getal("1.250"), Ok(1250.0));
        assert_eq!(lees_getal("12,5"), Ok(12.5));
        assert_eq!(lees_getal("1.250,75"), Ok(1250.75));
        assert_eq!(lees_getal(" 15 "), Ok(15.0));
        assert_eq!(lees_getal("12.5"), Ok(12.5));
        assert!(lees_getal("").is_err());
        assert!(lees_getal("twaalf").is_err());
    }
}
