//! The deterministic demo register generator.

use rusqlite::Connection;

use crate::store::StoreFout;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoInstellingen {
    /// Number of residents.
    pub inwoners: u32,
    /// Number of years of history.
    pub jaren: u32,
    /// The last year of history (the CLI passes the current year).
    pub eind_jaar: i32,
    /// Seed: the same settings give the same register.
    pub seed: u64,
}

/// What was generated, per record type.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DemoVerslag {
    /// Number of records written.
    pub records: u64,
}

/// Fills the register with a demo register, in one transaction.
pub fn vul_register(
    _conn: &mut Connection,
    _inst: &DemoInstellingen,
) -> Result<DemoVerslag, StoreFout> {
    Err(StoreFout::NietGevonden("de demogenerator".into()))
}
