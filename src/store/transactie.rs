//! The one place where a writing transaction begins: [`voer_uit`] runs a
//! user action (or a schema step) as begin immediate → check → write →
//! audit row → commit, all or nothing.
//!
//! **Immediate.** The write lock is taken before the first read, so a second
//! app instance on the same file makes the action wait (busy timeout)
//! instead of failing halfway with "database is locked", and the audit
//! chain's end read inside the action is still the end when it appends.
//!
//! **Nothing after a failure.** An action stops at its first failed
//! statement (`?`) and the helper rolls back. SQLite may already have rolled
//! the whole transaction back itself (`SQLITE_FULL`, `SQLITE_IOERR`,
//! `SQLITE_NOMEM`, …); a statement that ran after that would run in
//! autocommit and be stored on its own — the partial import of issue #12.
//! Two guards make that impossible: every connection from
//! [`super::open`] carries a commit hook ([`bewaak`]) that refuses every
//! commit on this thread while an action runs, so such a statement fails
//! instead of being stored; and after the action the helper checks that the
//! transaction is still open (`is_autocommit`), returning
//! [`StoreFout::Afgebroken`] when SQLite ended it, never committing.
//!
//! One action per thread at a time: SQLite has no nested transactions, and a
//! second action that began while the first was aborted would commit under
//! the first's guard, so a nested call is refused.
//!
//! This is also the seam where another engine (PostgreSQL, issue #17) will
//! begin its transactions.

use std::cell::Cell;

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::StoreFout;

thread_local! {
    /// Whether an action runs on this thread (commits are refused until it
    /// commits itself).
    static ACTIE_LOOPT: Cell<bool> = const { Cell::new(false) };
}

/// Marks an action as running on this thread; unmarks it when dropped, also
/// when the action panics.
struct Lopend;

impl Lopend {
    fn begin() -> Result<Self, StoreFout> {
        if ACTIE_LOOPT.with(|l| l.replace(true)) {
            return Err(StoreFout::Afgebroken(
                "een handeling begon terwijl een andere nog liep",
            ));
        }
        Ok(Lopend)
    }
}

impl Drop for Lopend {
    fn drop(&mut self) {
        ACTIE_LOOPT.with(|l| l.set(false));
    }
}

/// Installs the commit hook that refuses a commit on this thread while an
/// action runs (see the module documentation). [`super::open`] calls it for
/// every connection.
pub(crate) fn bewaak(conn: &mut Connection) -> rusqlite::Result<()> {
    conn.commit_hook(Some(|| ACTIE_LOOPT.with(Cell::get)))
}

/// Runs `actie` as one immediate transaction and commits it when it returns
/// `Ok`; rolls back when it returns `Err` (and returns that error).
///
/// `actie` checks, writes and appends its audit row through the transaction
/// it is given, and returns at its first failed statement. A refusal that
/// must be stored (a failed login counted and logged) is an `Ok` whose value
/// says so. Errors of the transaction itself (begin, commit, a transaction
/// SQLite rolled back on its own) come back as `E::from(StoreFout)`.
pub fn voer_uit<T, E>(
    conn: &Connection,
    actie: impl FnOnce(&Transaction<'_>) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<StoreFout>,
{
    let lopend = Lopend::begin()?;
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)
        .map_err(StoreFout::from)?;
    let uitkomst = actie(&tx);
    if conn.is_autocommit() {
        // SQLite ended the transaction itself: nothing of it is stored.
        drop(lopend);
        return match uitkomst {
            Err(e) => Err(e),
            Ok(_) => Err(StoreFout::Afgebroken(
                "de database heeft de transactie zelf teruggedraaid (schijf vol, schijffout of geheugen op)",
            )
            .into()),
        };
    }
    match uitkomst {
        Ok(waarde) => {
            drop(lopend);
            tx.commit().map_err(StoreFout::from)?;
            Ok(waarde)
        }
        Err(e) => {
            // A failed rollback leaves nothing committed either; the
            // action's own error says what went wrong.
            let _ = tx.rollback();
            Err(e)
        }
    }
}
