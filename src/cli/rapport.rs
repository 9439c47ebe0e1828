//! `report` and `export` (the indicator report and the monitoring export).

use std::path::Path;
use std::process::ExitCode;

/// `wijkregister --db FILE report --jaar Y`
pub fn rapport(_db: &Path, _jaar: i32) -> anyhow::Result<ExitCode> {
    anyhow::bail!("report is nog niet gebouwd")
}

/// `wijkregister --db FILE export --van Y1 --tot Y2 --uit OUT [--intern]`
pub fn export(
    _db: &Path,
    _van: i32,
    _tot: i32,
    _uit: &Path,
    _intern: bool,
) -> anyhow::Result<ExitCode> {
    anyhow::bail!("export is nog niet gebouwd")
}
