//! `wijkregister overzetten --van BRON --naar DOEL [--sleutel MAP]`: a whole
//! register from SQLite to PostgreSQL or back (see `store::pg::overzetten`).

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use crate::store::pg::{Bestemming, overzetten as store_overzetten};

/// Copies the register and prints what was copied and checked.
pub fn overzetten(
    van: &Bestemming,
    naar: &Bestemming,
    sleutel: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let verslag = store_overzetten::overzetten(van, naar, sleutel)?;
    let mut tekst = format!(
        "Overgezet van {} naar {}: {} rijen in {} tabellen, het aantal rijen per tabel gecontroleerd; auditlog intact ({} regels). De sleutel van het auditlog staat in {}.\n",
        van.tekst(),
        naar.tekst(),
        verslag.rijen(),
        verslag.tabellen.len(),
        verslag.auditregels,
        verslag.sleutelmap.display()
    );
    for (tabel, aantal) in &verslag.tabellen {
        let _ = writeln!(tekst, "  {tabel}: {aantal}");
    }
    super::uit(tekst.trim_end())?;
    Ok(ExitCode::SUCCESS)
}
