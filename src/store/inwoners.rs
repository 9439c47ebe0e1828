//! Finding residents: the search-as-you-type behind the Inwoners screen.
//!
//! One function, [`zoek`], reads what the user typed and picks the query that
//! an index of `schema.sql` answers: a last-name prefix (`inwoner_achternaam`,
//! or `inwoner_wijkteam` with a team filter), a BSN or BSN prefix
//! (`inwoner_bsn`), or a date of birth (`inwoner_geboortedatum`). Prefix
//! searches are half-open ranges (`>= prefix AND < prefix + U+10FFFF`) under
//! `COLLATE NOCASE`, so `SQLite` seeks the index instead of scanning the table.

use chrono::NaiveDate;

use crate::domain::datum::{parse_iso, parse_nl};
use crate::store::StoreFout;
use crate::store::db::{Db, Motor, Param, Rij};

/// One resident as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InwonerRij {
    /// Record identifier.
    pub id: String,
    /// First name (may be empty).
    pub voornaam: String,
    /// Last name.
    pub achternaam: String,
    /// Date of birth.
    pub geboortedatum: NaiveDate,
    /// BSN, when known.
    pub bsn: Option<String>,
    /// Place of residence.
    pub woonplaats: String,
    /// Name of the resident's wijkteam, when assigned.
    pub wijkteam: Option<String>,
}

impl InwonerRij {
    /// "Voornaam Achternaam", or only the last name.
    #[must_use]
    pub fn naam(&self) -> String {
        volle_naam(&self.voornaam, &self.achternaam)
    }
}

/// How the search text was understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Zoekterm {
    /// Nothing typed: everyone.
    Alles,
    /// Digits: a BSN or the start of one.
    Bsn(String),
    /// A date of birth.
    Geboortedatum(NaiveDate),
    /// A last-name prefix, or "voornaam achternaam".
    Naam {
        /// The whole text as a last-name prefix.
        achternaam: String,
        /// When the text has a space: first word as first-name prefix…
        voornaam_deel: Option<String>,
        /// …and the rest as last-name prefix.
        achternaam_deel: Option<String>,
    },
}

impl Zoekterm {
    /// Reads what the user typed.
    #[must_use]
    pub fn lees(tekst: &str) -> Zoekterm {
        let tekst = tekst.trim();
        if tekst.is_empty() {
            return Zoekterm::Alles;
        }
        if tekst.chars().all(|c| c.is_ascii_digit()) && tekst.len() <= 9 {
            return Zoekterm::Bsn(tekst.to_owned());
        }
        if let Some(datum) = parse_nl(tekst).or_else(|| parse_iso(tekst)) {
            return Zoekterm::Geboortedatum(datum);
        }
        let (voornaam_deel, achternaam_deel) = match tekst.split_once(' ') {
            Some((voor, rest)) if !rest.trim().is_empty() => {
                (Some(voor.to_owned()), Some(rest.trim().to_owned()))
            }
            _ => (None, None),
        };
        Zoekterm::Naam {
            achternaam: tekst.to_owned(),
            voornaam_deel,
            achternaam_deel,
        }
    }
}

/// A resident's name as lists show it: "Voornaam Achternaam", or only the
/// last name when there is no first name.
#[must_use]
pub fn volle_naam(voornaam: &str, achternaam: &str) -> String {
    if voornaam.is_empty() {
        achternaam.to_owned()
    } else {
        format!("{voornaam} {achternaam}")
    }
}

/// The search: text as typed and an optional wijkteam id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Zoekvraag {
    /// What the user typed.
    pub tekst: String,
    /// Only residents of this wijkteam (id).
    pub wijkteam: Option<String>,
}

/// The later of two texts in SQLite's NOCASE order (ASCII letters folded,
/// then bytes compared).
fn nocase_max<'a>(a: &'a str, b: &'a str) -> &'a str {
    if b.to_ascii_lowercase() > a.to_ascii_lowercase() {
        b
    } else {
        a
    }
}

/// The exclusive upper bound of a prefix range.
fn bovengrens(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

const KOLOMMEN: &str =
    "SELECT i.id, i.voornaam, i.achternaam, i.geboortedatum, i.bsn, i.woonplaats, w.naam
     FROM inwoner i LEFT JOIN wijkteam w ON w.id = i.wijkteam";

fn rij(r: &Rij<'_, '_>) -> Result<InwonerRij, StoreFout> {
    Ok(InwonerRij {
        id: r.get(0)?,
        voornaam: r.get(1)?,
        achternaam: r.get(2)?,
        geboortedatum: r.get(3)?,
        bsn: r.get(4)?,
        woonplaats: r.get(5)?,
        wijkteam: r.get(6)?,
    })
}

/// The SQL and its parameters for a search; public so a test can EXPLAIN it.
///
/// "voornaam achternaam" is a `UNION` of two index searches (whole text as
/// last-name prefix, or first word as first name and the rest as last name),
/// because an `OR` of two ranges on one index column makes `SQLite` scan.
#[must_use]
pub fn zoek_sql(vraag: &Zoekvraag) -> (String, Vec<String>) {
    zoek_sql_beperkt(vraag, None)
}

/// A condition on `inwoner i` added to every part of a search, given the
/// number of its first parameter: the SQL and its parameters.
pub type Beperking<'a> = &'a dyn Fn(usize) -> (String, Vec<String>);

/// [`zoek_sql`] with an extra condition on every part (who may see whom:
/// [`crate::store::toegang::zoek_sql`]).
#[must_use]
pub fn zoek_sql_beperkt(
    vraag: &Zoekvraag,
    beperking: Option<Beperking<'_>>,
) -> (String, Vec<String>) {
    zoek_sql_pagina(vraag, beperking, None, None)
}

/// [`zoek_sql_pagina`] on SQLite (the query-plan tests EXPLAIN it).
#[must_use]
pub fn zoek_sql_pagina(
    vraag: &Zoekvraag,
    beperking: Option<Beperking<'_>>,
    na: Option<&InwonerRij>,
    limiet: Option<usize>,
) -> (String, Vec<String>) {
    zoek_sql_pagina_op(Motor::Sqlite, vraag, beperking, na, limiet)
}

/// One page of a search: at most `limiet` rows (`None`: all) that come
/// after row `na` in the search's order (`None`: from the start).
///
/// Keyset paging: the next page seeks past the last row shown (a row-value
/// comparison on the sort columns, which the name and BSN indexes serve),
/// so a page costs what it returns and the rows scanned past to find them,
/// however deep it lies; never an OFFSET that re-reads the pages before.
///
/// Names are compared and sorted without regard to case: on SQLite with
/// `COLLATE NOCASE` (its name indexes), on PostgreSQL with `lower(…)` on
/// both sides (its indexes are on `lower(achternaam)`, `lower(voornaam)`).
/// That is the one engine-specific part of a search.
#[must_use]
pub fn zoek_sql_pagina_op(
    motor: Motor,
    vraag: &Zoekvraag,
    beperking: Option<Beperking<'_>>,
    na: Option<&InwonerRij>,
    limiet: Option<usize>,
) -> (String, Vec<String>) {
    let pg = motor == Motor::Postgres;
    // A name column and a parameter, compared without regard to case.
    let kol = |kolom: &str| {
        if pg {
            format!("lower(i.{kolom})")
        } else {
            format!("i.{kolom} COLLATE NOCASE")
        }
    };
    let par = |n: usize| {
        if pg {
            format!("lower(?{n})")
        } else {
            format!("?{n}")
        }
    };
    let mut param: Vec<String> = Vec::new();
    let mut basis: Vec<String> = Vec::new();
    if let Some(team) = &vraag.wijkteam {
        param.push(team.clone());
        basis.push(format!("i.wijkteam = ?{}", param.len()));
    }
    if let Some(beperking) = beperking {
        let (conditie, extra) = beperking(param.len() + 1);
        param.extend(extra);
        basis.push(conditie);
    }
    // Each alternative is a list of conditions; several alternatives are a UNION.
    let mut alternatieven: Vec<Vec<String>> = Vec::new();
    let mut volgorde = "3 COLLATE NOCASE, 2 COLLATE NOCASE, 4, 1";
    // With a page after `na`, the range of the last name starts at `na`'s
    // last name when that lies further: SQLite seeks an index from one lower
    // bound only, and a row-value comparison under NOCASE seeks nothing, so
    // the seek must start there for a deep page to cost what a first does.
    let na_achternaam = na.map(|r| r.achternaam.as_str());
    let bereik = |param: &mut Vec<String>, kolom: &str, prefix: &str| {
        let onder = match na_achternaam {
            Some(na) if kolom == "achternaam" && !pg => nocase_max(prefix, na),
            _ => prefix,
        };
        param.push(onder.to_owned());
        param.push(bovengrens(prefix));
        format!(
            "{k} >= {} AND {k} < {}",
            par(param.len() - 1),
            par(param.len()),
            k = kol(kolom)
        )
    };
    let zoekterm = Zoekterm::lees(&vraag.tekst);
    let naam_bereik = matches!(zoekterm, Zoekterm::Naam { .. });
    match zoekterm {
        Zoekterm::Alles => alternatieven.push(Vec::new()),
        Zoekterm::Bsn(cijfers) => {
            if cijfers.len() == 9 {
                param.push(cijfers);
                alternatieven.push(vec![format!("i.bsn = ?{}", param.len())]);
            } else {
                // ':' follows '9' in ASCII: every BSN starting with the digits
                // lies in the range; a next page starts at the last BSN shown.
                let na_bsn = na.and_then(|r| r.bsn.as_deref()).unwrap_or("");
                param.push(cijfers.as_str().max(na_bsn).to_owned());
                param.push(format!("{cijfers}:"));
                alternatieven.push(vec![format!(
                    "i.bsn >= ?{} AND i.bsn < ?{}",
                    param.len() - 1,
                    param.len()
                )]);
            }
            volgorde = "5, 1";
        }
        Zoekterm::Geboortedatum(datum) => {
            param.push(crate::domain::datum::iso(datum));
            alternatieven.push(vec![format!("i.geboortedatum = ?{}", param.len())]);
        }
        Zoekterm::Naam {
            achternaam,
            voornaam_deel,
            achternaam_deel,
        } => {
            alternatieven.push(vec![bereik(&mut param, "achternaam", &achternaam)]);
            if let (Some(voor), Some(achter)) = (voornaam_deel, achternaam_deel) {
                let a = bereik(&mut param, "achternaam", &achter);
                let v = bereik(&mut param, "voornaam", &voor);
                alternatieven.push(vec![a, v]);
            }
        }
    }
    // The page starts after `na` in the order of the search (name order, or
    // BSN order for a BSN search).
    if let Some(na) = na {
        if volgorde == "5, 1" {
            param.push(na.bsn.clone().unwrap_or_default());
            param.push(na.id.clone());
            basis.push(format!(
                "(i.bsn, i.id) > (?{}, ?{})",
                param.len() - 1,
                param.len()
            ));
        } else {
            param.push(na.achternaam.clone());
            param.push(na.voornaam.clone());
            param.push(crate::domain::datum::iso(na.geboortedatum));
            param.push(na.id.clone());
            let n = param.len();
            basis.push(format!(
                "({}, {}, i.geboortedatum, i.id) > ({}, {}, ?{}, ?{n})",
                kol("achternaam"),
                kol("voornaam"),
                par(n - 3),
                par(n - 2),
                n - 1
            ));
            if !naam_bereik {
                // The seek of the name index (the row value alone seeks nothing).
                basis.push(format!("{} >= {}", kol("achternaam"), par(n - 3)));
            }
        }
    }
    let delen: Vec<String> = alternatieven
        .into_iter()
        .map(|mut voorwaarden| {
            voorwaarden.extend(basis.iter().cloned());
            if voorwaarden.is_empty() {
                KOLOMMEN.to_owned()
            } else {
                format!("{KOLOMMEN} WHERE {}", voorwaarden.join(" AND "))
            }
        })
        .collect();
    let mut sql = if pg {
        // PostgreSQL orders a UNION by output columns only: order the
        // union as a whole, by the same keys.
        let volgorde = if volgorde == "5, 1" {
            "z.bsn, z.id"
        } else {
            "lower(z.achternaam), lower(z.voornaam), z.geboortedatum, z.id"
        };
        format!(
            "SELECT * FROM ({}) AS z ORDER BY {volgorde}",
            delen.join(" UNION ")
        )
    } else {
        format!("{} ORDER BY {volgorde}", delen.join(" UNION "))
    };
    if let Some(limiet) = limiet {
        sql = format!("{sql} LIMIT {limiet}");
    }
    (sql, param)
}

/// Finds the residents that match what the user typed, in name order
/// (BSN order for a BSN search).
pub fn zoek<'a>(db: impl Into<Db<'a>>, vraag: &Zoekvraag) -> Result<Vec<InwonerRij>, StoreFout> {
    let db = db.into();
    let (sql, param) = zoek_sql_pagina_op(db.motor(), vraag, None, None, None);
    zoek_met(db, &sql, &param)
}

/// Runs a search made by [`zoek_sql_pagina_op`].
pub(crate) fn zoek_met(
    db: Db<'_>,
    sql: &str,
    param: &[String],
) -> Result<Vec<InwonerRij>, StoreFout> {
    let param: Vec<&dyn Param> = param.iter().map(|p| p as &dyn Param).collect();
    db.query_map(sql, &param, rij)
}

/// One resident by id.
pub fn inwoner<'a>(db: impl Into<Db<'a>>, id: &str) -> Result<InwonerRij, StoreFout> {
    let sql = format!("{KOLOMMEN} WHERE i.id = ?1");
    db.into()
        .query_opt(&sql, &[&id], rij)?
        .ok_or_else(|| StoreFout::NietGevonden(format!("inwoner {id}")))
}

/// The wijkteams as (id, naam), by name.
pub fn wijkteams<'a>(db: impl Into<Db<'a>>) -> Result<Vec<(String, String)>, StoreFout> {
    db.into()
        .query_map("SELECT id, naam FROM wijkteam ORDER BY naam", &[], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
}

/// The number of residents in the register.
pub fn aantal<'a>(db: impl Into<Db<'a>>) -> Result<u64, StoreFout> {
    db.into()
        .query_one("SELECT count(*) FROM inwoner", &[], |r| r.get(0))
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "tests may fail loudly")]
mod tests {
    use super::*;

    #[test]
    fn zoekterm_herkent_invoer() {
        assert_eq!(Zoekterm::lees("  "), Zoekterm::Alles);
        assert_eq!(Zoekterm::lees("1234"), Zoekterm::Bsn("1234".into()));
        assert_eq!(
            Zoekterm::lees("01-03-1980"),
            Zoekterm::Geboortedatum(NaiveDate::from_ymd_opt(1980, 3, 1).expect("datum"))
        );
        assert_eq!(
            Zoekterm::lees("1980-03-01"),
            Zoekterm::Geboortedatum(NaiveDate::from_ymd_opt(1980, 3, 1).expect("datum"))
        );
        assert_eq!(
            Zoekterm::lees("Jan de Vr"),
            Zoekterm::Naam {
                achternaam: "Jan de Vr".into(),
                voornaam_deel: Some("Jan".into()),
                achternaam_deel: Some("de Vr".into()),
            }
        );
    }
}
