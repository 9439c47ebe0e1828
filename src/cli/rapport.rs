//! `report` and `export` (the indicator report and the monitoring export).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use crate::report::{self, export};
use crate::store;

/// `wijkregister --db FILE report --jaar Y`: prints the JSON report of year Y.
pub fn rapport(db: &Path, jaar: i32) -> anyhow::Result<ExitCode> {
    let conn = store::open(db)?;
    let rapport = report::bereken_jaar(&conn, jaar)?;
    let tekst = report::json::rapport_tekst(&rapport);
    std::io::stdout()
        .lock()
        .write_all(tekst.as_bytes())
        .context("het rapport kon niet worden afgedrukt")?;
    Ok(ExitCode::SUCCESS)
}

/// `wijkregister --db FILE export --van Y1 --tot Y2 --uit OUT [--intern]`:
/// writes the monitoring export and prints its path.
pub fn export(db: &Path, van: i32, tot: i32, uit: &Path, intern: bool) -> anyhow::Result<ExitCode> {
    // Check the extension before anything is opened or computed.
    export::formaat_van(uit)?;
    let conn = store::open(db)?;
    let pad = export::schrijf_export(
        &conn,
        uit,
        export::ExportOpties { van, tot, intern },
        &mut |_, _| {},
    );
    crate::cli::log_opdrachtregel(
        &conn,
        "export",
        &format!("monitoring:{}", uit.display()),
        pad.is_ok(),
    )?;
    let pad = pad?;
    println!("{}", pad.display());
    Ok(ExitCode::SUCCESS)
}
