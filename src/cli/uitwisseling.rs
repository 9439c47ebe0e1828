//! `import` and `export-jsonl`: the exchange file from the command line.
//!
//! The import prints a summary per record type on success; on failure every
//! error goes to stderr as "regel N, veld 'x': …" and the exit code is
//! non-zero. The export writes to a temporary file in the same folder and
//! renames it into place, so a half-written file never carries the real name.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{OPDRACHTREGEL, log_opdrachtregel};
use crate::store;
use crate::store::import::{MAX_FOUTEN, importeer_bestand_als};

/// `wijkregister --db FILE import DATA.jsonl`
pub fn importeer(db: &Path, bestand: &Path) -> anyhow::Result<ExitCode> {
    if !bestand.is_file() {
        anyhow::bail!(
            "het importbestand {} bestaat niet of is geen bestand; er is niets opgeslagen",
            bestand.display()
        );
    }
    let mut conn = store::open(db)?;
    match importeer_bestand_als(&mut conn, bestand, Some(OPDRACHTREGEL), &mut |_| {}) {
        Ok(verslag) => {
            println!(
                "{} records geïmporteerd uit {} (gemeente {}):",
                verslag.records,
                bestand.display(),
                verslag.gemeente
            );
            for (soort, aantal) in &verslag.per_soort {
                println!("  {soort:<16} {aantal:>9}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(fouten) => {
            let mut err = std::io::stderr().lock();
            writeln!(err, "De import van {} is mislukt:", bestand.display())?;
            for fout in &fouten.fouten {
                if fout.regel == 0 {
                    // Not about a line: the file itself or the register.
                    writeln!(err, "  {}", fout.reden)?;
                } else {
                    writeln!(err, "  {fout}")?;
                }
            }
            if fouten.afgekapt {
                writeln!(
                    err,
                    "Er zijn meer dan {MAX_FOUTEN} fouten; alleen de eerste {MAX_FOUTEN} staan hierboven."
                )?;
            }
            writeln!(err, "Er is niets opgeslagen: het register is ongewijzigd.")?;
            log_opdrachtregel(
                &conn,
                "import",
                &format!("bestand:{}", bestand.display()),
                false,
            )?;
            Ok(ExitCode::FAILURE)
        }
    }
}

/// `wijkregister --db FILE export-jsonl OUT.jsonl`
pub fn exporteer(db: &Path, uit: &Path) -> anyhow::Result<ExitCode> {
    let conn = store::open(db)?;
    let tijdelijk = tijdelijk_pad(uit);
    let resultaat = (|| -> anyhow::Result<u64> {
        let bestand = File::create(&tijdelijk)
            .with_context(|| format!("kan {} niet aanmaken", tijdelijk.display()))?;
        let mut schrijver = BufWriter::new(bestand);
        let aantal = store::export::exporteer(&conn, &mut schrijver)?;
        let bestand = schrijver
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        bestand.sync_all()?;
        std::fs::rename(&tijdelijk, uit)
            .with_context(|| format!("kan {} niet op zijn plaats zetten", uit.display()))?;
        Ok(aantal)
    })();
    match resultaat {
        Ok(aantal) => {
            log_opdrachtregel(&conn, "export", &format!("jsonl:{}", uit.display()), true)?;
            println!("{aantal} records geëxporteerd naar {}", uit.display());
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tijdelijk);
            log_opdrachtregel(&conn, "export", &format!("jsonl:{}", uit.display()), false)?;
            Err(e.context(format!("de export naar {} is mislukt", uit.display())))
        }
    }
}

/// A temporary name beside `uit` (same folder, so the rename is atomic).
fn tijdelijk_pad(uit: &Path) -> PathBuf {
    let naam = uit
        .file_name()
        .map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    uit.with_file_name(format!(".{naam}.{}.tmp", std::process::id()))
}
