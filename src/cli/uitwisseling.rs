//! `import` and `export-jsonl`.

use std::path::Path;
use std::process::ExitCode;

/// `wijkregister --db FILE import DATA.jsonl`
pub fn importeer(_db: &Path, _bestand: &Path) -> anyhow::Result<ExitCode> {
    anyhow::bail!("import is nog niet gebouwd")
}

/// `wijkregister --db FILE export-jsonl OUT.jsonl`
pub fn exporteer(_db: &Path, _uit: &Path) -> anyhow::Result<ExitCode> {
    anyhow::bail!("export-jsonl is nog niet gebouwd")
}
