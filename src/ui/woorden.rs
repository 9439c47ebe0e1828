//! The users' words on screen: the shared vocabulary of stored codes
//! (`domain::woorden`, also used by the audit log's export) and what only
//! screens need — a field's error as a sentence, a count with its noun,
//! a message with a capital.

/// A message with a capital (store errors start in lower case, to be put
/// after a colon; shown alone they need one).
pub use crate::domain::woorden::met_hoofdletter;
pub use crate::domain::woorden::{actie, als_woorden, details, doel, kenmerk, reden, resultaat};

/// A field's error as a sentence: the field with a capital, what is
/// wrong, a full stop ("Naam van niveau 1: mag niet leeg zijn.").
#[must_use]
pub fn veldfout(veld: &str, fout: &str) -> String {
    let fout = fout.trim_end_matches('.');
    format!("{}: {fout}.", met_hoofdletter(veld))
}

/// A count with its noun in singular or plural ("1 melding", "2 meldingen").
#[must_use]
pub fn aantal(n: u64, enkelvoud: &str, meervoud: &str) -> String {
    if n == 1 {
        format!("1 {enkelvoud}")
    } else {
        format!(
            "{} {meervoud}",
            crate::ui::widgets::getal::duizendtallen(usize::try_from(n).unwrap_or(usize::MAX))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zinnen_en_aantallen() {
        assert_eq!(
            veldfout("naam van niveau 1", "mag niet leeg zijn"),
            "Naam van niveau 1: mag niet leeg zijn."
        );
        assert_eq!(aantal(1, "melding", "meldingen"), "1 melding");
        assert_eq!(aantal(2, "melding", "meldingen"), "2 meldingen");
    }
}
