//! `report` and `export` (the indicator report and the monitoring export).

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{OPDRACHTREGEL, schrijf_uit};
use crate::report::{self, export};
use crate::store;

/// `wijkregister --db FILE report --jaar Y [--wijkteam ID]`: prints the
/// JSON report of year Y, of the municipality or of one wijkteam.
pub fn rapport(db: &Path, jaar: i32, wijkteam: Option<&str>) -> anyhow::Result<ExitCode> {
    let conn = store::open_bestaand(db)?;
    let rapport = report::bereken_jaar_voor(&conn, jaar, wijkteam)?;
    let tekst = report::json::rapport_tekst(&rapport);
    schrijf_uit(tekst.as_bytes()).context("het rapport kon niet worden afgedrukt")?;
    Ok(ExitCode::SUCCESS)
}

/// `wijkregister --db FILE export --van Y1 --tot Y2 --uit OUT [--intern] [--per-wijkteam]`:
/// writes the monitoring export (logged before it exists) and prints its path.
pub fn export(
    db: &Path,
    van: i32,
    tot: i32,
    uit: &Path,
    intern: bool,
    per_wijkteam: bool,
) -> anyhow::Result<ExitCode> {
    // Check the extension before anything is opened or computed.
    export::formaat_van(uit)?;
    let conn = store::open_bestaand(db)?;
    let pad = export::schrijf_export_gelogd(
        &conn,
        uit,
        export::ExportOpties {
            van,
            tot,
            intern,
            gemaakt_op: crate::klok::Klok::systeem().vandaag(),
            per_wijkteam,
        },
        OPDRACHTREGEL,
        &crate::klok::Klok::systeem().audit_tijdstip(),
        &mut |_, _| {},
    )
    .with_context(|| {
        format!(
            "de export naar {} is mislukt; er is geen bestand geschreven",
            uit.display()
        )
    })?;
    crate::cli::uit(&pad.display().to_string())?;
    Ok(ExitCode::SUCCESS)
}
