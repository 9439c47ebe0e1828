//! `demo`.

use std::path::Path;
use std::process::ExitCode;

use super::DemoOpties;

/// `wijkregister --db FILE demo …`
pub fn demo(_db: &Path, _opties: &DemoOpties) -> anyhow::Result<ExitCode> {
    anyhow::bail!("demo is nog niet gebouwd")
}
