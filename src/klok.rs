//! The clock of the app: "now" as a local moment with its offset.
//!
//! [`Klok::systeem`] is the one place in the program that reads the system
//! clock; every other layer gets the moment from a [`Klok`] it is handed
//! (the gateway from its `Loket`, the screens from their context), so tests
//! fix or move the time and a rule is tested on a known moment. The command
//! line takes `Klok::systeem()`; so do the store's own file operations
//! (backup, restore, import, the anchor and the key's upgrade) for the
//! moment in their audit row and anchor line — they are not a worker's
//! record and are not dated by a screen.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveDateTime, SecondsFormat, TimeZone};

/// A source of "now". Cheap to clone; background tasks take a copy.
#[derive(Clone)]
pub struct Klok(Arc<dyn Fn() -> DateTime<FixedOffset> + Send + Sync>);

impl std::fmt::Debug for Klok {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Klok({})", self.tijdstip())
    }
}

impl Klok {
    /// The system clock, local time (the real app).
    #[must_use]
    pub fn systeem() -> Klok {
        Klok(Arc::new(|| Local::now().fixed_offset()))
    }

    /// A clock standing still at `moment` (tests).
    #[must_use]
    pub fn vast(moment: DateTime<FixedOffset>) -> Klok {
        Klok(Arc::new(move || moment))
    }

    /// A clock that asks `nu` for the time (tests that move the time on).
    #[must_use]
    pub fn van(nu: impl Fn() -> DateTime<FixedOffset> + Send + Sync + 'static) -> Klok {
        Klok(Arc::new(nu))
    }

    /// A clock that asks `nu` for the local wall-clock time, read in this
    /// computer's time zone (tests written in local time). In the hour a
    /// clock goes back the earlier moment is taken.
    #[must_use]
    pub fn lokaal(nu: impl Fn() -> NaiveDateTime + Send + Sync + 'static) -> Klok {
        Klok(Arc::new(move || {
            let lokaal = nu();
            Local.from_local_datetime(&lokaal).earliest().map_or_else(
                || {
                    // A moment the clock skips: read with the offset around it.
                    let offset = Local.offset_from_utc_datetime(&lokaal);
                    DateTime::<Local>::from_naive_utc_and_offset(lokaal, offset).fixed_offset()
                },
                |m| m.fixed_offset(),
            )
        }))
    }

    /// Now, with the offset of this computer's time zone.
    #[must_use]
    pub fn nu(&self) -> DateTime<FixedOffset> {
        (self.0)()
    }

    /// Now on the local wall clock (the accounts and the idle lock count in it).
    #[must_use]
    pub fn lokaal_nu(&self) -> NaiveDateTime {
        self.nu().naive_local()
    }

    /// Today on the local wall clock.
    #[must_use]
    pub fn vandaag(&self) -> NaiveDate {
        self.nu().date_naive()
    }

    /// Now as the klantreis stores the moment of a write: RFC 3339 in whole
    /// seconds with the offset, `2026-11-26T16:45:00+01:00`.
    #[must_use]
    pub fn tijdstip(&self) -> String {
        self.nu().to_rfc3339_opts(SecondsFormat::Secs, false)
    }

    /// Now as the audit log stores it (UTC, whole seconds).
    #[must_use]
    pub fn audit_tijdstip(&self) -> String {
        crate::store::audit::tijdstip(&self.nu())
    }
}

#[cfg(test)]
mod tests {
    use super::Klok;

    #[test]
    #[allow(clippy::expect_used, reason = "a test fails loudly")]
    fn vaste_klok_geeft_haar_moment_in_elke_vorm() {
        let moment =
            chrono::DateTime::parse_from_rfc3339("2026-11-26T16:45:00+01:00").expect("moment");
        let klok = Klok::vast(moment);
        assert_eq!(klok.tijdstip(), "2026-11-26T16:45:00+01:00");
        assert_eq!(klok.audit_tijdstip(), "2026-11-26T15:45:00Z");
        assert_eq!(klok.lokaal_nu().to_string(), "2026-11-26 16:45:00");
        assert_eq!(klok.vandaag().to_string(), "2026-11-26");
    }
}
