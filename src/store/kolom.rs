//! Column readers: the one way the store and the report read a stored date
//! or value-list code (or any text with its own parser) from a row.
//!
//! The schema keeps dates as ISO text (`date(x) IS x`) and value lists as
//! their codes (`CHECK (x IN (…))`), so a value this build cannot read means
//! a damaged or foreign register. It is then an error naming the column and
//! the value, never a silent `None` or default: a reader that guesses hides
//! data (an unknown role read as intaker, an unknown law read as none).
//!
//! The readers borrow the text from the row (no allocation), because the
//! report and the werkvoorraad read hundreds of thousands of dates. Flags
//! (`INTEGER` 0/1 under a `CHECK`) are read with rusqlite's own `bool`.

use std::fmt;

use chrono::NaiveDate;
use rusqlite::Row;
use rusqlite::types::{Type, ValueRef};

use crate::domain::datum::parse_iso;

/// A stored value this build cannot read.
#[derive(Debug)]
struct OnleesbareWaarde {
    /// The column's name in the query.
    kolom: String,
    /// What it holds.
    waarde: String,
    /// What was expected there.
    verwacht: &'static str,
}

impl fmt::Display for OnleesbareWaarde {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "kolom '{}' bevat '{}', verwacht {}",
            self.kolom, self.waarde, self.verwacht
        )
    }
}

impl std::error::Error for OnleesbareWaarde {}

fn onleesbaar(r: &Row<'_>, i: usize, waarde: &str, verwacht: &'static str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        i,
        Type::Text,
        Box::new(OnleesbareWaarde {
            kolom: kolomnaam(r, i),
            waarde: waarde.to_owned(),
            verwacht,
        }),
    )
}

/// The column's text, borrowed from the row, or `None` for NULL; any other
/// type is an error.
pub(crate) fn optie_tekst<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<Option<&'r str>> {
    match r.get_ref(i)? {
        ValueRef::Null => Ok(None),
        v => Ok(Some(v.as_str().map_err(|e| match e {
            rusqlite::types::FromSqlError::InvalidType => {
                rusqlite::Error::InvalidColumnType(i, kolomnaam(r, i), v.data_type())
            }
            e => rusqlite::Error::FromSqlConversionFailure(i, v.data_type(), Box::new(e)),
        })?)),
    }
}

/// The column's name in the query, or its number.
fn kolomnaam(r: &Row<'_>, i: usize) -> String {
    r.as_ref()
        .column_name(i)
        .map_or_else(|_| format!("{i}"), str::to_owned)
}

/// The column's text; NULL is an error.
pub(crate) fn tekst<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    optie_tekst(r, i)?
        .ok_or_else(|| rusqlite::Error::InvalidColumnType(i, kolomnaam(r, i), Type::Null))
}

/// Reads a text column through `parse`; `verwacht` says in words what the
/// column should hold (for the error).
pub(crate) fn waarde<T>(
    r: &Row<'_>,
    i: usize,
    parse: fn(&str) -> Option<T>,
    verwacht: &'static str,
) -> rusqlite::Result<T> {
    let t = tekst(r, i)?;
    parse(t).ok_or_else(|| onleesbaar(r, i, t, verwacht))
}

/// Reads an optional text column through `parse` (NULL is `None`).
pub(crate) fn optie_waarde<T>(
    r: &Row<'_>,
    i: usize,
    parse: fn(&str) -> Option<T>,
    verwacht: &'static str,
) -> rusqlite::Result<Option<T>> {
    optie_tekst(r, i)?
        .map(|t| parse(t).ok_or_else(|| onleesbaar(r, i, t, verwacht)))
        .transpose()
}

const DATUM: &str = "een datum (jjjj-mm-dd)";
const CODE: &str = "een code uit de lijst";

/// Reads an ISO date column (`jjjj-mm-dd`).
pub(crate) fn datum(r: &Row<'_>, i: usize) -> rusqlite::Result<NaiveDate> {
    waarde(r, i, parse_iso, DATUM)
}

/// Reads an optional ISO date column (NULL is `None`).
pub(crate) fn optie_datum(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    optie_waarde(r, i, parse_iso, DATUM)
}

/// Reads a value-list column through the list's `parse` (its codes).
pub(crate) fn lijst<T>(r: &Row<'_>, i: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    waarde(r, i, parse, CODE)
}

/// Reads an optional value-list column (NULL is `None`).
pub(crate) fn optie_lijst<T>(
    r: &Row<'_>,
    i: usize,
    parse: fn(&str) -> Option<T>,
) -> rusqlite::Result<Option<T>> {
    optie_waarde(r, i, parse, CODE)
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "tests may fail loudly")]
mod tests {
    use super::*;
    use crate::domain::Wet;
    use rusqlite::Connection;

    fn lees<T>(sql: &str, f: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>) -> rusqlite::Result<T> {
        let conn = Connection::open_in_memory().expect("db");
        conn.query_row(sql, [], f)
    }

    #[test]
    fn datums() {
        assert_eq!(
            lees("SELECT '2025-03-01' AS d", |r| datum(r, 0)).expect("datum"),
            NaiveDate::from_ymd_opt(2025, 3, 1).expect("d")
        );
        assert_eq!(
            lees("SELECT NULL AS d", |r| optie_datum(r, 0)).expect("null"),
            None
        );
        let fout =
            lees("SELECT '01-03-2025' AS geboortedatum", |r| datum(r, 0)).expect_err("geen iso");
        assert!(
            fout.to_string()
                .contains("kolom 'geboortedatum' bevat '01-03-2025', verwacht een datum"),
            "{fout}"
        );
        assert!(lees("SELECT '2025-02-30' AS d", |r| optie_datum(r, 0)).is_err());
        assert!(
            lees("SELECT NULL AS d", |r| datum(r, 0)).is_err(),
            "NULL is geen datum"
        );
        assert!(
            lees("SELECT 20250301 AS d", |r| datum(r, 0)).is_err(),
            "getal is geen datum"
        );
    }

    #[test]
    fn lijsten() {
        assert_eq!(
            lees("SELECT 'wmo' AS wet", |r| lijst(r, 0, Wet::parse)).expect("wmo"),
            Wet::Wmo
        );
        assert_eq!(
            lees("SELECT NULL AS wet", |r| optie_lijst(r, 0, Wet::parse)).expect("null"),
            None
        );
        let fout =
            lees("SELECT 'wlz' AS wet", |r| optie_lijst(r, 0, Wet::parse)).expect_err("onbekend");
        assert!(
            fout.to_string()
                .contains("kolom 'wet' bevat 'wlz', verwacht een code uit de lijst"),
            "{fout}"
        );
        assert!(lees("SELECT NULL AS wet", |r| lijst(r, 0, Wet::parse)).is_err());
    }
}
