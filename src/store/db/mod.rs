//! One store, two engines (issue #17): the seam where a store function
//! runs its SQL on SQLite or on PostgreSQL.
//!
//! A store function takes a [`Db`]: a borrowed view of an open register,
//! either a SQLite connection (or transaction) or a PostgreSQL connection
//! ([`PgVerbinding`]). It asks its questions through [`Db::execute`],
//! [`Db::query_opt`], [`Db::query_map`] and friends, with parameters as
//! [`Param`] values and results read per column as [`Kolom`] types. The
//! SQL is written once, in the subset both engines read alike; the few
//! SQLite words PostgreSQL lacks are translated in one place
//! ([`dialect`]), and values cross in one place ([`waarde`]). What cannot
//! be said portably is chosen by [`Db::motor`] beside the portable query.
//!
//! **Transactions.** [`Db::transactie`] runs one user action all or
//! nothing. On SQLite it is [`super::transactie::voer_uit`] (an immediate
//! transaction: the write lock first). On PostgreSQL it begins a
//! transaction and first takes one transaction-scoped advisory lock
//! ([`SCHRIJFSLOT`]) that every writing action of every desktop takes: the
//! same one-writer-at-a-time order as SQLite's write lock, so the audit
//! chain stays one linear chain under concurrent writers and an action's
//! checks see every change committed before it. Reads never wait for it.
//!
//! The shape follows vaultwarden's single code path over several engines
//! (engine chosen by the address, engine-specific parts small and in one
//! place), with atuin's per-engine migration folders
//! (`migraties/sqlite`, `migraties/postgres`).

pub mod dialect;
pub mod waarde;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use rusqlite::Connection;

use waarde::PgParam;
pub use waarde::{Kolom, Param, Waarde};

use super::StoreFout;
use super::sleutel::Sleutel;

/// Which engine holds the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motor {
    /// A SQLite file (one desk).
    Sqlite,
    /// A PostgreSQL database (the shared register).
    Postgres,
}

/// The key of the advisory lock every writing action on PostgreSQL takes
/// (see the module documentation): "WKRS" as a number (the migrations take "WKRG").
pub const SCHRIJFSLOT: i64 = 0x574B_5253;

/// An open PostgreSQL connection as the store uses it: the client, its
/// prepared statements (by the store's SQL text) and the register's audit
/// key.
pub struct PgVerbinding {
    client: RefCell<postgres::Client>,
    statements: RefCell<HashMap<String, postgres::Statement>>,
    in_transactie: Cell<bool>,
    sleutel: Sleutel,
}

impl PgVerbinding {
    /// Wraps a connected client of a register whose audit key is `sleutel`.
    #[must_use]
    pub fn nieuw(client: postgres::Client, sleutel: Sleutel) -> PgVerbinding {
        PgVerbinding {
            client: RefCell::new(client),
            statements: RefCell::new(HashMap::new()),
            in_transactie: Cell::new(false),
            sleutel,
        }
    }

    /// The register's audit key.
    #[must_use]
    pub fn sleutel(&self) -> &Sleutel {
        &self.sleutel
    }

    /// The client, for the engine-specific parts (migrations, `overzetten`).
    pub fn client(&self) -> std::cell::RefMut<'_, postgres::Client> {
        self.client.borrow_mut()
    }

    /// The prepared statement for `sql` (translated once per connection).
    fn statement(&self, sql: &str) -> Result<postgres::Statement, StoreFout> {
        if let Some(s) = self.statements.borrow().get(sql) {
            return Ok(s.clone());
        }
        let vertaald = dialect::postgres(sql);
        let statement = self.client.borrow_mut().prepare(&vertaald)?;
        self.statements
            .borrow_mut()
            .insert(sql.to_owned(), statement.clone());
        Ok(statement)
    }
}

/// An open register, owned: a SQLite connection or a PostgreSQL one. The
/// gateway holds one and lends it as a [`Db`].
#[allow(
    clippy::large_enum_variant,
    reason = "one register per gateway, made once and never moved in a loop"
)]
pub enum Register {
    /// A SQLite file (or memory).
    Sqlite(Connection),
    /// A PostgreSQL database.
    Postgres(PgVerbinding),
}

impl Register {
    /// The register as the store's functions take it.
    #[must_use]
    pub fn db(&self) -> Db<'_> {
        match self {
            Register::Sqlite(c) => Db::Sqlite(c),
            Register::Postgres(p) => Db::Postgres(p),
        }
    }
}

/// An open register, borrowed: what every converted store function takes.
#[derive(Clone, Copy)]
pub enum Db<'a> {
    /// A SQLite connection (a transaction derefs to one).
    Sqlite(&'a Connection),
    /// A PostgreSQL connection.
    Postgres(&'a PgVerbinding),
}

impl<'a> From<&'a Connection> for Db<'a> {
    fn from(conn: &'a Connection) -> Self {
        Db::Sqlite(conn)
    }
}

impl<'a> From<&'a mut Connection> for Db<'a> {
    fn from(conn: &'a mut Connection) -> Self {
        Db::Sqlite(conn)
    }
}

impl<'a> From<&'a std::cell::Ref<'_, Connection>> for Db<'a> {
    fn from(conn: &'a std::cell::Ref<'_, Connection>) -> Self {
        Db::Sqlite(conn)
    }
}

impl<'a> From<&'a std::cell::RefMut<'_, Connection>> for Db<'a> {
    fn from(conn: &'a std::cell::RefMut<'_, Connection>) -> Self {
        Db::Sqlite(conn)
    }
}

impl<'a> From<&'a rusqlite::Transaction<'_>> for Db<'a> {
    fn from(tx: &'a rusqlite::Transaction<'_>) -> Self {
        Db::Sqlite(tx)
    }
}

impl<'a> From<&'a PgVerbinding> for Db<'a> {
    fn from(pg: &'a PgVerbinding) -> Self {
        Db::Postgres(pg)
    }
}

/// One result row, from either engine.
pub enum Rij<'r, 's> {
    /// A SQLite row.
    Sqlite(&'r rusqlite::Row<'s>),
    /// A PostgreSQL row.
    Postgres(&'r postgres::Row),
}

impl Rij<'_, '_> {
    /// Column `i` as a `T`.
    pub fn get<T: Kolom>(&self, i: usize) -> Result<T, StoreFout> {
        match self {
            Rij::Sqlite(r) => T::uit_sqlite(r, i),
            Rij::Postgres(r) => T::uit_pg_rij(r, i),
        }
    }

    /// Column `i`, a code of a value list, read with `parse`; a code this
    /// build does not know is an error naming it, never a default.
    pub fn lijst<T>(&self, i: usize, parse: fn(&str) -> Option<T>) -> Result<T, StoreFout> {
        match self {
            Rij::Sqlite(r) => Ok(super::kolom::lijst(r, i, parse)?),
            Rij::Postgres(_) => {
                let code: String = self.get(i)?;
                parse(&code).ok_or_else(|| onbekende_code(i, &code))
            }
        }
    }

    /// Like [`Rij::lijst`], NULL being `None`.
    pub fn optie_lijst<T>(
        &self,
        i: usize,
        parse: fn(&str) -> Option<T>,
    ) -> Result<Option<T>, StoreFout> {
        match self {
            Rij::Sqlite(r) => Ok(super::kolom::optie_lijst(r, i, parse)?),
            Rij::Postgres(_) => match self.get::<Option<String>>(i)? {
                None => Ok(None),
                Some(code) => parse(&code)
                    .map(Some)
                    .ok_or_else(|| onbekende_code(i, &code)),
            },
        }
    }
}

/// A stored code this build does not know.
fn onbekende_code(i: usize, code: &str) -> StoreFout {
    StoreFout::Beschadigd(format!(
        "kolom {i} bevat '{code}', verwacht een code uit de lijst van het register"
    ))
}

/// The parameters of a query, as SQLite binds them.
fn sqlite_params<'p>(params: &'p [&'p dyn Param]) -> Vec<Waarde<'p>> {
    params.iter().map(|p| p.waarde()).collect()
}

/// The parameters of a query, as PostgreSQL receives them.
fn pg_params<'p>(params: &'p [&'p dyn Param]) -> Vec<PgParam<'p>> {
    params.iter().map(|p| PgParam(p.waarde())).collect()
}

/// References for the `postgres` client's call.
fn pg_refs<'v>(waarden: &'v [PgParam<'_>]) -> Vec<&'v (dyn postgres::types::ToSql + Sync)> {
    waarden
        .iter()
        .map(|w| w as &(dyn postgres::types::ToSql + Sync))
        .collect()
}

impl<'a> Db<'a> {
    /// The engine.
    #[must_use]
    pub fn motor(self) -> Motor {
        match self {
            Db::Sqlite(_) => Motor::Sqlite,
            Db::Postgres(_) => Motor::Postgres,
        }
    }

    /// The SQLite connection, for a store function not yet on both engines:
    /// on PostgreSQL a clear refusal naming `wat` (nothing happens).
    pub fn sqlite(self, wat: &str) -> Result<&'a Connection, StoreFout> {
        match self {
            Db::Sqlite(c) => Ok(c),
            Db::Postgres(_) => Err(StoreFout::NogNietGedeeld(wat.to_owned())),
        }
    }

    /// `expr` compared and sorted without regard to case: `COLLATE NOCASE`
    /// on SQLite, `lower(…)` on PostgreSQL (whose indexes are on
    /// `lower(x)`). For a parameter use `lower(?N)` on both sides on
    /// PostgreSQL: [`Db::nocase_param`].
    #[must_use]
    pub fn nocase(self, expr: &str) -> String {
        match self {
            Db::Sqlite(_) => format!("{expr} COLLATE NOCASE"),
            Db::Postgres(_) => format!("lower({expr})"),
        }
    }

    /// The parameter `?n` as [`Db::nocase`] compares it.
    #[must_use]
    pub fn nocase_param(self, n: usize) -> String {
        match self {
            Db::Sqlite(_) => format!("?{n}"),
            Db::Postgres(_) => format!("lower(?{n})"),
        }
    }

    /// Runs one statement; returns the number of rows it changed.
    pub fn execute(self, sql: &str, params: &[&dyn Param]) -> Result<u64, StoreFout> {
        match self {
            Db::Sqlite(c) => {
                let waarden = sqlite_params(params);
                let n = c
                    .prepare_cached(sql)?
                    .execute(rusqlite::params_from_iter(waarden.iter()))?;
                Ok(n as u64)
            }
            Db::Postgres(pg) => {
                let statement = pg.statement(sql)?;
                let waarden = pg_params(params);
                Ok(pg
                    .client
                    .borrow_mut()
                    .execute(&statement, &pg_refs(&waarden))?)
            }
        }
    }

    /// Runs statements without parameters, separated by `;` (schema work).
    pub fn batch(self, sql: &str) -> Result<(), StoreFout> {
        match self {
            Db::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Db::Postgres(pg) => Ok(pg
                .client
                .borrow_mut()
                .batch_execute(&dialect::postgres(sql))?),
        }
    }

    /// Calls `f` for every row of the query, in order, stopping at its
    /// first error. Rows stream from SQLite; from PostgreSQL they are
    /// read as the server sends them.
    pub fn for_each(
        self,
        sql: &str,
        params: &[&dyn Param],
        mut f: impl FnMut(&Rij<'_, '_>) -> Result<(), StoreFout>,
    ) -> Result<(), StoreFout> {
        match self {
            Db::Sqlite(c) => {
                let waarden = sqlite_params(params);
                let mut stmt = c.prepare_cached(sql)?;
                let mut rijen = stmt.query(rusqlite::params_from_iter(waarden.iter()))?;
                while let Some(r) = rijen.next()? {
                    f(&Rij::Sqlite(r))?;
                }
                Ok(())
            }
            Db::Postgres(pg) => {
                let statement = pg.statement(sql)?;
                let waarden = pg_params(params);
                let rijen = pg
                    .client
                    .borrow_mut()
                    .query(&statement, &pg_refs(&waarden))?;
                for r in &rijen {
                    f(&Rij::Postgres(r))?;
                }
                Ok(())
            }
        }
    }

    /// Every row of the query, each made by `f`.
    pub fn query_map<T>(
        self,
        sql: &str,
        params: &[&dyn Param],
        mut f: impl FnMut(&Rij<'_, '_>) -> Result<T, StoreFout>,
    ) -> Result<Vec<T>, StoreFout> {
        let mut uit = Vec::new();
        self.for_each(sql, params, |r| {
            uit.push(f(r)?);
            Ok(())
        })?;
        Ok(uit)
    }

    /// The first row of the query made by `f`, or `None` without rows.
    pub fn query_opt<T>(
        self,
        sql: &str,
        params: &[&dyn Param],
        f: impl FnOnce(&Rij<'_, '_>) -> Result<T, StoreFout>,
    ) -> Result<Option<T>, StoreFout> {
        match self {
            Db::Sqlite(c) => {
                let waarden = sqlite_params(params);
                let mut stmt = c.prepare_cached(sql)?;
                let mut rijen = stmt.query(rusqlite::params_from_iter(waarden.iter()))?;
                match rijen.next()? {
                    Some(r) => f(&Rij::Sqlite(r)).map(Some),
                    None => Ok(None),
                }
            }
            Db::Postgres(pg) => {
                let statement = pg.statement(sql)?;
                let waarden = pg_params(params);
                let rij = pg
                    .client
                    .borrow_mut()
                    .query_opt(&statement, &pg_refs(&waarden))?;
                match rij {
                    Some(r) => f(&Rij::Postgres(&r)).map(Some),
                    None => Ok(None),
                }
            }
        }
    }

    /// The one row of a query that always gives one (a count, an
    /// aggregate); no row is an error.
    pub fn query_one<T>(
        self,
        sql: &str,
        params: &[&dyn Param],
        f: impl FnOnce(&Rij<'_, '_>) -> Result<T, StoreFout>,
    ) -> Result<T, StoreFout> {
        self.query_opt(sql, params, f)?
            .ok_or_else(|| StoreFout::Beschadigd("een vraag die één rij geeft, gaf er geen".into()))
    }

    /// The register's audit key.
    pub fn sleutel(self) -> Result<Sleutel, StoreFout> {
        match self {
            Db::Sqlite(c) => super::sleutel::van(c),
            Db::Postgres(pg) => Ok(pg.sleutel.clone()),
        }
    }

    /// Whether a transaction is open on this connection.
    #[must_use]
    pub fn in_transactie(self) -> bool {
        match self {
            Db::Sqlite(c) => !c.is_autocommit(),
            Db::Postgres(pg) => pg.in_transactie.get(),
        }
    }

    /// Runs `actie` as one writing transaction (see the module
    /// documentation): committed when it returns `Ok`, rolled back when it
    /// returns `Err`. A nested call is refused, as on SQLite.
    pub fn transactie<T, E>(self, actie: impl FnOnce(Db<'_>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreFout>,
    {
        match self {
            Db::Sqlite(c) => super::transactie::voer_uit(c, |tx| actie(Db::Sqlite(tx))),
            Db::Postgres(pg) => {
                if pg.in_transactie.replace(true) {
                    return Err(StoreFout::Afgebroken(
                        "een handeling begon terwijl een andere nog liep",
                    )
                    .into());
                }
                let uitkomst = pg_transactie(pg, actie);
                pg.in_transactie.set(false);
                uitkomst
            }
        }
    }
}

/// The PostgreSQL side of [`Db::transactie`].
fn pg_transactie<T, E>(
    pg: &PgVerbinding,
    actie: impl FnOnce(Db<'_>) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<StoreFout>,
{
    let begin = || -> Result<(), StoreFout> {
        let mut client = pg.client.borrow_mut();
        client.batch_execute("BEGIN")?;
        client.execute("SELECT pg_advisory_xact_lock($1)", &[&SCHRIJFSLOT])?;
        Ok(())
    };
    if let Err(e) = begin() {
        let _ = pg.client.borrow_mut().batch_execute("ROLLBACK");
        return Err(e.into());
    }
    match actie(Db::Postgres(pg)) {
        Ok(waarde) => {
            let commit = pg.client.borrow_mut().batch_execute("COMMIT");
            match commit {
                Ok(()) => Ok(waarde),
                Err(e) => {
                    let _ = pg.client.borrow_mut().batch_execute("ROLLBACK");
                    Err(StoreFout::from(e).into())
                }
            }
        }
        Err(e) => {
            // A failed rollback leaves nothing committed either (the
            // server ends the transaction with the connection).
            let _ = pg.client.borrow_mut().batch_execute("ROLLBACK");
            Err(e)
        }
    }
}
