//! Values in and out of both engines (issue #17): parameters ([`Param`],
//! [`Waarde`]) and column readers ([`Kolom`]).
//!
//! **In.** A parameter is one of five kinds of value. SQLite binds it as
//! itself (a flag as 0/1). PostgreSQL receives every parameter in text
//! form, and the server reads that text as the column's own type: an ISO
//! date for a `date` column, `1`/`t` for a `boolean`, digits for a
//! `bigint`. So one query with one set of parameters serves both the
//! SQLite schema (dates as ISO text, flags as 0/1) and the PostgreSQL
//! schema (real types), and a value the column's type cannot hold is
//! refused by the server as SQLite's `CHECK` refuses it.
//!
//! **Out.** A column is read as the Rust type the store asks for, from
//! either engine's type: PostgreSQL's `date` is read as the ISO text
//! SQLite holds (and as a `NaiveDate`), a `boolean` as a flag or 0/1, a
//! `timestamp` as `YYYY-MM-DD HH:MM:SS`. Anything else is an error naming
//! the column, never a guess.

use std::borrow::Cow;
use std::error::Error;

use chrono::{NaiveDate, NaiveDateTime};
use postgres::types::{Format, FromSql, IsNull, ToSql, Type, to_sql_checked};
use rusqlite::types::{ToSqlOutput, Value, ValueRef};

use crate::store::StoreFout;

/// One parameter value, as both engines take it.
#[derive(Debug, Clone, PartialEq)]
pub enum Waarde<'a> {
    /// SQL NULL.
    Null,
    /// A whole number.
    Geheel(i64),
    /// A floating-point number.
    Reeel(f64),
    /// Text (an ISO date is text too).
    Tekst(Cow<'a, str>),
    /// A flag.
    Vlag(bool),
}

/// What can be a parameter of a query on either engine.
pub trait Param {
    /// The value to bind.
    fn waarde(&self) -> Waarde<'_>;
}

impl Param for i64 {
    fn waarde(&self) -> Waarde<'_> {
        Waarde::Geheel(*self)
    }
}

impl Param for i32 {
    fn waarde(&self) -> Waarde<'_> {
        Waarde::Geheel(i64::from(*self))
    }
}

impl Param for u32 {
    fn waarde(&self) -> Waarde<'_> {
        Waarde::Geheel(i64::from(*self))
    }
}

impl Param for f64 {
    fn waarde(&self) -> Waarde<'_> {
        Waarde::Reeel(*self)
    }
}

impl Param for bool {
    fn waarde(&self) -> Waarde<'_> {
        Waarde::Vlag(*self)
    }
}

impl Param for str {
    fn waarde(&self) -> Waarde<'_> {
        Waarde::Tekst(Cow::Borrowed(self))
    }
}

impl Param for String {
    fn waarde(&self) -> Waarde<'_> {
        Waarde::Tekst(Cow::Borrowed(self))
    }
}

impl Param for NaiveDate {
    fn waarde(&self) -> Waarde<'_> {
        Waarde::Tekst(Cow::Owned(self.format("%Y-%m-%d").to_string()))
    }
}

impl<T: Param> Param for Option<T> {
    fn waarde(&self) -> Waarde<'_> {
        self.as_ref().map_or(Waarde::Null, Param::waarde)
    }
}

impl<T: Param + ?Sized> Param for &T {
    fn waarde(&self) -> Waarde<'_> {
        (**self).waarde()
    }
}

impl rusqlite::ToSql for Waarde<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Waarde::Null => ToSqlOutput::Owned(Value::Null),
            Waarde::Geheel(i) => ToSqlOutput::Owned(Value::Integer(*i)),
            Waarde::Reeel(f) => ToSqlOutput::Owned(Value::Real(*f)),
            Waarde::Tekst(t) => ToSqlOutput::Borrowed(ValueRef::Text(t.as_bytes())),
            Waarde::Vlag(b) => ToSqlOutput::Owned(Value::Integer(i64::from(*b))),
        })
    }
}

/// Whether `ty` is one of PostgreSQL's whole-number types.
fn is_geheel(ty: &Type) -> bool {
    *ty == Type::INT8 || *ty == Type::INT4 || *ty == Type::INT2
}

/// A parameter as PostgreSQL receives it: always in text form, which the
/// server reads as the parameter's type (see the module documentation).
#[derive(Debug)]
pub(crate) struct PgParam<'a>(pub Waarde<'a>);

impl ToSql for PgParam<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut bytes::BytesMut,
    ) -> Result<IsNull, Box<dyn Error + Sync + Send>> {
        let tekst: Cow<'_, str> = match &self.0 {
            Waarde::Null => return Ok(IsNull::Yes),
            Waarde::Geheel(i) if *ty == Type::BOOL => {
                Cow::Borrowed(if *i == 0 { "f" } else { "t" })
            }
            Waarde::Geheel(i) => Cow::Owned(i.to_string()),
            // Rust prints the shortest text that reads back as the same f64.
            Waarde::Reeel(f) => Cow::Owned(format!("{f:?}")),
            Waarde::Tekst(t) => Cow::Borrowed(t.as_ref()),
            Waarde::Vlag(b) if is_geheel(ty) => Cow::Borrowed(if *b { "1" } else { "0" }),
            Waarde::Vlag(b) => Cow::Borrowed(if *b { "t" } else { "f" }),
        };
        out.extend_from_slice(tekst.as_bytes());
        Ok(IsNull::No)
    }

    fn accepts(_ty: &Type) -> bool {
        true
    }

    fn encode_format(&self, _ty: &Type) -> Format {
        Format::Text
    }

    to_sql_checked!();
}

/// A PostgreSQL column's raw bytes (binary format), or `None` for NULL:
/// the readers below decode what the store needs themselves.
struct Ruw<'a>(Option<&'a [u8]>);

impl<'a> FromSql<'a> for Ruw<'a> {
    fn from_sql(_ty: &Type, raw: &'a [u8]) -> Result<Self, Box<dyn Error + Sync + Send>> {
        Ok(Ruw(Some(raw)))
    }

    fn from_sql_null(_ty: &Type) -> Result<Self, Box<dyn Error + Sync + Send>> {
        Ok(Ruw(None))
    }

    fn accepts(_ty: &Type) -> bool {
        true
    }
}

/// PostgreSQL's epoch for `date` and `timestamp`.
fn pg_epoche() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default()
}

/// A column value this reader cannot give as asked.
fn onleesbaar(kolom: &str, ty: &Type, verwacht: &str) -> StoreFout {
    StoreFout::Beschadigd(format!(
        "kolom '{kolom}' heeft type {ty}, verwacht {verwacht}"
    ))
}

/// One PostgreSQL column: its name, type and raw bytes.
pub struct PgKolom<'a> {
    naam: &'a str,
    ty: &'a Type,
    ruw: Option<&'a [u8]>,
}

impl<'a> PgKolom<'a> {
    /// Column `i` of `rij`.
    pub(crate) fn van(rij: &'a postgres::Row, i: usize) -> Result<PgKolom<'a>, StoreFout> {
        let kolom = rij
            .columns()
            .get(i)
            .ok_or_else(|| StoreFout::Beschadigd(format!("de query heeft geen kolom {i}")))?;
        let Ruw(ruw) = rij.try_get::<_, Ruw<'a>>(i).map_err(StoreFout::from)?;
        Ok(PgKolom {
            naam: kolom.name(),
            ty: kolom.type_(),
            ruw,
        })
    }

    fn bytes<const N: usize>(&self, b: &[u8]) -> Result<[u8; N], StoreFout> {
        b.try_into()
            .map_err(|_| onleesbaar(self.naam, self.ty, &format!("{N} bytes")))
    }

    fn geheel(&self, b: &[u8]) -> Result<Option<i64>, StoreFout> {
        Ok(Some(if *self.ty == Type::INT8 {
            i64::from_be_bytes(self.bytes(b)?)
        } else if *self.ty == Type::INT4 {
            i64::from(i32::from_be_bytes(self.bytes(b)?))
        } else if *self.ty == Type::INT2 {
            i64::from(i16::from_be_bytes(self.bytes(b)?))
        } else if *self.ty == Type::BOOL {
            i64::from(b.first().copied().unwrap_or(0) != 0)
        } else {
            return Ok(None);
        }))
    }

    fn datum(&self, b: &[u8]) -> Result<NaiveDate, StoreFout> {
        let dagen = i32::from_be_bytes(self.bytes(b)?);
        pg_epoche()
            .checked_add_signed(chrono::TimeDelta::days(i64::from(dagen)))
            .ok_or_else(|| onleesbaar(self.naam, self.ty, "een datum"))
    }

    fn moment(&self, b: &[u8]) -> Result<NaiveDateTime, StoreFout> {
        let micros = i64::from_be_bytes(self.bytes(b)?);
        pg_epoche()
            .and_hms_opt(0, 0, 0)
            .and_then(|m| m.checked_add_signed(chrono::TimeDelta::microseconds(micros)))
            .ok_or_else(|| onleesbaar(self.naam, self.ty, "een tijdstip"))
    }

    fn tekst(&self, b: &'a [u8]) -> Result<Option<&'a str>, StoreFout> {
        if *self.ty == Type::TEXT
            || *self.ty == Type::VARCHAR
            || *self.ty == Type::BPCHAR
            || *self.ty == Type::NAME
        {
            std::str::from_utf8(b)
                .map(Some)
                .map_err(|_| onleesbaar(self.naam, self.ty, "UTF-8-tekst"))
        } else {
            Ok(None)
        }
    }
}

/// A Rust type a column can be read as, on either engine.
pub trait Kolom: Sized {
    /// From SQLite.
    fn uit_sqlite(rij: &rusqlite::Row<'_>, i: usize) -> Result<Self, StoreFout>;
    /// From a non-NULL PostgreSQL value.
    fn uit_postgres(kolom: &PgKolom<'_>, ruw: &[u8]) -> Result<Self, StoreFout>;
    /// From a PostgreSQL NULL (an error unless the type allows it).
    fn null_postgres(kolom: &PgKolom<'_>) -> Result<Self, StoreFout> {
        Err(StoreFout::Beschadigd(format!(
            "kolom '{}' is leeg (NULL) waar een waarde hoort",
            kolom.naam
        )))
    }
    /// Reads column `i` of a PostgreSQL row.
    fn uit_pg_rij(rij: &postgres::Row, i: usize) -> Result<Self, StoreFout> {
        let kolom = PgKolom::van(rij, i)?;
        match kolom.ruw {
            None => Self::null_postgres(&kolom),
            Some(b) => Self::uit_postgres(&kolom, b),
        }
    }
}

impl Kolom for i64 {
    fn uit_sqlite(rij: &rusqlite::Row<'_>, i: usize) -> Result<Self, StoreFout> {
        Ok(rij.get(i)?)
    }

    fn uit_postgres(kolom: &PgKolom<'_>, ruw: &[u8]) -> Result<Self, StoreFout> {
        kolom
            .geheel(ruw)?
            .ok_or_else(|| onleesbaar(kolom.naam, kolom.ty, "een geheel getal"))
    }
}

impl Kolom for i32 {
    fn uit_sqlite(rij: &rusqlite::Row<'_>, i: usize) -> Result<Self, StoreFout> {
        Ok(rij.get(i)?)
    }

    fn uit_postgres(kolom: &PgKolom<'_>, ruw: &[u8]) -> Result<Self, StoreFout> {
        let v = i64::uit_postgres(kolom, ruw)?;
        i32::try_from(v).map_err(|_| onleesbaar(kolom.naam, kolom.ty, "een getal tot 2^31"))
    }
}

impl Kolom for u32 {
    fn uit_sqlite(rij: &rusqlite::Row<'_>, i: usize) -> Result<Self, StoreFout> {
        Ok(rij.get(i)?)
    }

    fn uit_postgres(kolom: &PgKolom<'_>, ruw: &[u8]) -> Result<Self, StoreFout> {
        let v = i64::uit_postgres(kolom, ruw)?;
        u32::try_from(v).map_err(|_| onleesbaar(kolom.naam, kolom.ty, "een getal ≥ 0"))
    }
}

impl Kolom for u8 {
    fn uit_sqlite(rij: &rusqlite::Row<'_>, i: usize) -> Result<Self, StoreFout> {
        Ok(rij.get(i)?)
    }

    fn uit_postgres(kolom: &PgKolom<'_>, ruw: &[u8]) -> Result<Self, StoreFout> {
        let v = i64::uit_postgres(kolom, ruw)?;
        u8::try_from(v).map_err(|_| onleesbaar(kolom.naam, kolom.ty, "een getal van 0 tot 255"))
    }
}

impl Kolom for u64 {
    fn uit_sqlite(rij: &rusqlite::Row<'_>, i: usize) -> Result<Self, StoreFout> {
        let v: i64 = rij.get(i)?;
        u64::try_from(v).map_err(|_| StoreFout::Beschadigd(format!("kolom {i}: {v} is negatief")))
    }

    fn uit_postgres(kolom: &PgKolom<'_>, ruw: &[u8]) -> Result<Self, StoreFout> {
        let v = i64::uit_postgres(kolom, ruw)?;
        u64::try_from(v).map_err(|_| onleesbaar(kolom.naam, kolom.ty, "een getal ≥ 0"))
    }
}

impl Kolom for f64 {
    fn uit_sqlite(rij: &rusqlite::Row<'_>, i: usize) -> Result<Self, StoreFout> {
        Ok(rij.get(i)?)
    }

    #[allow(
        clippy::cast_precision_loss,
        reason = "a whole-number column read as f64, as SQLite's own conversion does"
    )]
    fn uit_postgres(kolom: &PgKolom<'_>, ruw: &[u8]) -> Result<Self, StoreFout> {
        if *kolom.ty == Type::FLOAT8 {
            Ok(f64::from_be_bytes(kolom.bytes(ruw)?))
        } else if *kolom.ty == Type::FLOAT4 {
            Ok(f64::from(f32::from_be_bytes(kolom.bytes(ruw)?)))
        } else if let Some(v) = kolom.geheel(ruw)? {
            Ok(v as f64)
        } else {
            Err(onleesbaar(kolom.naam, kolom.ty, "een getal"))
        }
    }
}

impl Kolom for bool {
    fn uit_sqlite(rij: &rusqlite::Row<'_>, i: usize) -> Result<Self, StoreFout> {
        Ok(rij.get(i)?)
    }

    fn uit_postgres(kolom: &PgKolom<'_>, ruw: &[u8]) -> Result<Self, StoreFout> {
        kolom
            .geheel(ruw)?
            .map(|v| v != 0)
            .ok_or_else(|| onleesbaar(kolom.naam, kolom.ty, "een vlag"))
    }
}

impl Kolom for String {
    fn uit_sqlite(rij: &rusqlite::Row<'_>, i: usize) -> Result<Self, StoreFout> {
        Ok(rij.get(i)?)
    }

    fn uit_postgres(kolom: &PgKolom<'_>, ruw: &[u8]) -> Result<Self, StoreFout> {
        if let Some(t) = kolom.tekst(ruw)? {
            Ok(t.to_owned())
        } else if *kolom.ty == Type::DATE {
            Ok(kolom.datum(ruw)?.format("%Y-%m-%d").to_string())
        } else if *kolom.ty == Type::TIMESTAMP {
            Ok(kolom.moment(ruw)?.format("%Y-%m-%d %H:%M:%S").to_string())
        } else {
            Err(onleesbaar(kolom.naam, kolom.ty, "tekst"))
        }
    }
}

impl Kolom for NaiveDate {
    fn uit_sqlite(rij: &rusqlite::Row<'_>, i: usize) -> Result<Self, StoreFout> {
        Ok(super::super::kolom::datum(rij, i)?)
    }

    fn uit_postgres(kolom: &PgKolom<'_>, ruw: &[u8]) -> Result<Self, StoreFout> {
        if *kolom.ty == Type::DATE {
            kolom.datum(ruw)
        } else if let Some(t) = kolom.tekst(ruw)? {
            crate::domain::datum::parse_iso(t).ok_or_else(|| {
                StoreFout::Beschadigd(format!(
                    "kolom '{}' bevat '{t}', verwacht een datum (jjjj-mm-dd)",
                    kolom.naam
                ))
            })
        } else {
            Err(onleesbaar(kolom.naam, kolom.ty, "een datum"))
        }
    }
}

impl<T: Kolom> Kolom for Option<T> {
    fn uit_sqlite(rij: &rusqlite::Row<'_>, i: usize) -> Result<Self, StoreFout> {
        if rij.get_ref(i)? == ValueRef::Null {
            Ok(None)
        } else {
            T::uit_sqlite(rij, i).map(Some)
        }
    }

    fn uit_postgres(kolom: &PgKolom<'_>, ruw: &[u8]) -> Result<Self, StoreFout> {
        T::uit_postgres(kolom, ruw).map(Some)
    }

    fn null_postgres(_kolom: &PgKolom<'_>) -> Result<Self, StoreFout> {
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waarden_van_parameters() {
        assert_eq!(5_i64.waarde(), Waarde::Geheel(5));
        assert_eq!("a".waarde(), Waarde::Tekst(Cow::Borrowed("a")));
        assert_eq!(None::<i64>.waarde(), Waarde::Null);
        assert_eq!(Some(true).waarde(), Waarde::Vlag(true));
        let d = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap_or_default();
        assert_eq!(d.waarde(), Waarde::Tekst(Cow::Owned("2026-12-06".into())));
    }

    #[test]
    fn postgres_krijgt_tekst_naar_het_type_van_de_kolom() {
        let tekst = |w: Waarde<'static>, ty: Type| {
            let mut b = bytes::BytesMut::new();
            match PgParam(w).to_sql(&ty, &mut b) {
                Ok(IsNull::No) => Some(String::from_utf8(b.to_vec()).unwrap_or_default()),
                _ => None,
            }
        };
        assert_eq!(tekst(Waarde::Vlag(true), Type::BOOL).as_deref(), Some("t"));
        assert_eq!(tekst(Waarde::Vlag(true), Type::INT8).as_deref(), Some("1"));
        assert_eq!(tekst(Waarde::Geheel(0), Type::BOOL).as_deref(), Some("f"));
        assert_eq!(tekst(Waarde::Geheel(42), Type::INT8).as_deref(), Some("42"));
        assert_eq!(
            tekst(Waarde::Reeel(0.1), Type::FLOAT8).as_deref(),
            Some("0.1")
        );
        assert_eq!(
            tekst(Waarde::Tekst("2026-12-06".into()), Type::DATE).as_deref(),
            Some("2026-12-06")
        );
        assert_eq!(tekst(Waarde::Null, Type::TEXT), None);
    }
}
