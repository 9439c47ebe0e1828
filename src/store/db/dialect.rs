//! The one place where the store's SQL becomes PostgreSQL's (issue #17).
//!
//! The store writes its SQL once, in the portable subset both engines
//! read the same: `?NNN` or `?` parameters, `ON CONFLICT`, `TRUE`/`FALSE`
//! for flags, `COALESCE`, `CAST(… AS BIGINT)` around sums, dates compared
//! as ISO text or computed in Rust. What SQLite alone needs stays in the
//! text and is dropped here for PostgreSQL:
//!
//! - parameters: `?NNN` becomes `$NNN`, a bare `?` the next number;
//! - planner hints: `INDEXED BY name` and `NOT INDEXED` (SQLite's; the
//!   PostgreSQL schema has the same indexes and its planner picks them);
//! - `INSERT OR IGNORE INTO …` becomes `INSERT INTO … ON CONFLICT DO
//!   NOTHING`;
//! - `group_concat(x, sep ORDER BY y)` becomes `string_agg(…)` (same
//!   arguments; give the separator as a parameter, both engines take it).
//!
//! Text inside quotes (`'…'`, `"…"`) and comments is never changed. What
//! cannot be said portably (a `PRAGMA`, date arithmetic in SQL) is asked
//! per engine with [`super::Db::motor`], next to the portable query.

/// `sql` as PostgreSQL reads it (see the module documentation).
#[must_use]
pub fn postgres(sql: &str) -> String {
    let zonder_hints = vervang_woorden(sql);
    nummer_parameters(&zonder_hints)
}

/// One piece of the statement: SQL text or something to keep verbatim.
#[derive(Debug, PartialEq)]
enum Stuk<'a> {
    /// SQL outside quotes and comments.
    Code(&'a str),
    /// A quoted string or identifier, or a comment.
    Letterlijk(&'a str),
}

/// Splits `sql` into code and quoted/commented pieces.
fn stukken(sql: &str) -> Vec<Stuk<'_>> {
    let bytes = sql.as_bytes();
    let mut uit = Vec::new();
    let mut begin = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let eind = match b {
            b'\'' | b'"' => {
                // Up to the closing quote; a doubled quote is part of the text.
                let mut j = i + 1;
                loop {
                    if j >= bytes.len() {
                        break bytes.len();
                    }
                    if bytes[j] == b {
                        if bytes.get(j + 1) == Some(&b) {
                            j += 2;
                            continue;
                        }
                        break j + 1;
                    }
                    j += 1;
                }
            }
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                sql[i..].find('\n').map_or(bytes.len(), |n| i + n)
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => sql[i + 2..]
                .find("*/")
                .map_or(bytes.len(), |n| i + 2 + n + 2),
            _ => {
                i += 1;
                continue;
            }
        };
        if begin < i {
            uit.push(Stuk::Code(&sql[begin..i]));
        }
        uit.push(Stuk::Letterlijk(&sql[i..eind]));
        begin = eind;
        i = eind;
    }
    if begin < bytes.len() {
        uit.push(Stuk::Code(&sql[begin..]));
    }
    uit
}

/// Whether `c` can be part of an SQL word.
fn woordteken(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The words of a code piece with their byte positions.
fn woorden(code: &str) -> Vec<(usize, &str)> {
    let mut uit = Vec::new();
    let mut begin = None;
    for (i, c) in code.char_indices() {
        match (woordteken(c), begin) {
            (true, None) => begin = Some(i),
            (false, Some(b)) => {
                uit.push((b, &code[b..i]));
                begin = None;
            }
            _ => {}
        }
    }
    if let Some(b) = begin {
        uit.push((b, &code[b..]));
    }
    uit
}

/// Drops `INDEXED BY x` and `NOT INDEXED`, and turns `INSERT OR IGNORE`
/// into `INSERT … ON CONFLICT DO NOTHING`.
fn vervang_woorden(sql: &str) -> String {
    let mut uit = String::with_capacity(sql.len() + 24);
    let mut negeer_conflict = false;
    for stuk in stukken(sql) {
        let code = match stuk {
            Stuk::Letterlijk(t) => {
                uit.push_str(t);
                continue;
            }
            Stuk::Code(c) => c,
        };
        let w = woorden(code);
        let mut kopie_vanaf = 0;
        let mut k = 0;
        while k < w.len() {
            let (pos, woord) = w[k];
            let volgend = |n: usize| w.get(k + n).map(|(_, t)| *t);
            let eq = |a: Option<&str>, b: &str| a.is_some_and(|a| a.eq_ignore_ascii_case(b));
            if woord.eq_ignore_ascii_case("INDEXED") && eq(volgend(1), "BY") && volgend(2).is_some()
            {
                let (p2, t2) = w[k + 2];
                uit.push_str(&code[kopie_vanaf..pos]);
                kopie_vanaf = p2 + t2.len();
                k += 3;
                continue;
            }
            if woord.eq_ignore_ascii_case("NOT") && eq(volgend(1), "INDEXED") {
                let (p1, t1) = w[k + 1];
                uit.push_str(&code[kopie_vanaf..pos]);
                kopie_vanaf = p1 + t1.len();
                k += 2;
                continue;
            }
            if woord.eq_ignore_ascii_case("group_concat")
                && code[pos + woord.len()..].trim_start().starts_with('(')
            {
                uit.push_str(&code[kopie_vanaf..pos]);
                uit.push_str("string_agg");
                kopie_vanaf = pos + woord.len();
                k += 1;
                continue;
            }
            if woord.eq_ignore_ascii_case("INSERT")
                && eq(volgend(1), "OR")
                && eq(volgend(2), "IGNORE")
            {
                let (p2, t2) = w[k + 2];
                uit.push_str(&code[kopie_vanaf..pos]);
                uit.push_str("INSERT");
                kopie_vanaf = p2 + t2.len();
                negeer_conflict = true;
                k += 3;
                continue;
            }
            k += 1;
        }
        uit.push_str(&code[kopie_vanaf..]);
    }
    if negeer_conflict {
        let eind = uit.trim_end().trim_end_matches(';').len();
        uit.truncate(eind);
        match zoek_woord(&uit, "RETURNING") {
            Some(p) => uit.insert_str(p, "ON CONFLICT DO NOTHING "),
            None => uit.push_str(" ON CONFLICT DO NOTHING"),
        }
    }
    uit
}

/// Where the word `woord` begins in the code of `sql` (outside quotes).
fn zoek_woord(sql: &str, woord: &str) -> Option<usize> {
    let mut positie = 0;
    for stuk in stukken(sql) {
        match stuk {
            Stuk::Letterlijk(t) => positie += t.len(),
            Stuk::Code(c) => {
                if let Some((p, _)) = woorden(c)
                    .into_iter()
                    .find(|(_, w)| w.eq_ignore_ascii_case(woord))
                {
                    return Some(positie + p);
                }
                positie += c.len();
            }
        }
    }
    None
}

/// `?NNN` → `$NNN`; a bare `?` → the next number after the highest seen.
fn nummer_parameters(sql: &str) -> String {
    let mut uit = String::with_capacity(sql.len() + 8);
    let mut volgende = 1_usize;
    for stuk in stukken(sql) {
        let code = match stuk {
            Stuk::Letterlijk(t) => {
                uit.push_str(t);
                continue;
            }
            Stuk::Code(c) => c,
        };
        let mut tekens = code.char_indices().peekable();
        while let Some((i, c)) = tekens.next() {
            if c != '?' {
                uit.push(c);
                continue;
            }
            let cijfers: String = code[i + 1..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            uit.push('$');
            if cijfers.is_empty() {
                uit.push_str(&volgende.to_string());
                volgende += 1;
            } else {
                for _ in 0..cijfers.len() {
                    tekens.next();
                }
                if let Ok(n) = cijfers.parse::<usize>() {
                    volgende = volgende.max(n + 1);
                }
                uit.push_str(&cijfers);
            }
        }
    }
    uit
}

#[cfg(test)]
mod tests {
    use super::postgres;

    #[test]
    fn parameters_worden_genummerd() {
        assert_eq!(
            postgres("SELECT a FROM t WHERE b = ?1 AND c = ?2 OR d = ?1"),
            "SELECT a FROM t WHERE b = $1 AND c = $2 OR d = $1"
        );
        assert_eq!(
            postgres("INSERT INTO t (a, b) VALUES (?, ?)"),
            "INSERT INTO t (a, b) VALUES ($1, $2)"
        );
        assert_eq!(postgres("SELECT ?10, ?"), "SELECT $10, $11");
    }

    #[test]
    fn tekst_tussen_aanhalingstekens_blijft() {
        assert_eq!(
            postgres("SELECT '?1 INDEXED BY x', \"a?\" FROM t WHERE b = ? -- ?\n"),
            "SELECT '?1 INDEXED BY x', \"a?\" FROM t WHERE b = $1 -- ?\n"
        );
        assert_eq!(
            postgres("SELECT 'it''s ?' WHERE a = ?"),
            "SELECT 'it''s ?' WHERE a = $1"
        );
        assert_eq!(postgres("SELECT /* ? */ ?"), "SELECT /* ? */ $1");
    }

    #[test]
    fn sqlite_hints_vallen_weg() {
        assert_eq!(
            postgres("SELECT a FROM melding INDEXED BY melding_inwoner WHERE inwoner = ?1"),
            "SELECT a FROM melding  WHERE inwoner = $1"
        );
        assert_eq!(
            postgres("SELECT a FROM audit NOT INDEXED WHERE x = 1"),
            "SELECT a FROM audit  WHERE x = 1"
        );
        // A column called 'indexed' is not a hint.
        assert_eq!(postgres("SELECT indexed FROM t"), "SELECT indexed FROM t");
    }

    #[test]
    fn group_concat_wordt_string_agg() {
        assert_eq!(
            postgres("SELECT group_concat(k, ?1 ORDER BY k), 'group_concat(' FROM t"),
            "SELECT string_agg(k, $1 ORDER BY k), 'group_concat(' FROM t"
        );
        assert_eq!(
            postgres("SELECT group_concat FROM t"),
            "SELECT group_concat FROM t"
        );
    }

    #[test]
    fn insert_or_ignore_wordt_on_conflict() {
        assert_eq!(
            postgres("INSERT OR IGNORE INTO t (a) VALUES (?1);"),
            "INSERT INTO t (a) VALUES ($1) ON CONFLICT DO NOTHING"
        );
        assert_eq!(
            postgres("insert or ignore into t (a) values (?1) returning a"),
            "INSERT into t (a) values ($1) ON CONFLICT DO NOTHING returning a"
        );
    }
}
