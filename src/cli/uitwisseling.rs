//! `import` and `export-jsonl`: the exchange file from the command line.
//!
//! The import prints a summary per record type on success; on failure every
//! error goes to stderr as "regel N, veld 'x': …" and the exit code is
//! non-zero. The export writes to an owner-only temporary file in the same
//! folder, logs itself, and only then renames the file into place, so a
//! half-written or unlogged file never carries the real name.

use std::fmt::Write as _;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{OPDRACHTREGEL, fout, log_opdrachtregel, uit};
use crate::store;
use crate::store::bestanden::Tijdelijk;
use crate::store::import::{MAX_FOUTEN, importeer_bestand_als};

/// `wijkregister --db FILE import DATA.jsonl`
pub fn importeer(db: &Path, bestand: &Path) -> anyhow::Result<ExitCode> {
    if !bestand.is_file() {
        anyhow::bail!(
            "het importbestand {} bestaat niet of is geen bestand; er is niets opgeslagen",
            bestand.display()
        );
    }
    store::past_import(db, bestand)?;
    let mut conn = store::open(db)?;
    match importeer_bestand_als(&mut conn, bestand, Some(OPDRACHTREGEL), &mut |_| {}) {
        Ok(verslag) => {
            let mut tekst = format!(
                "{} records geïmporteerd uit {} (gemeente {}):",
                verslag.records,
                bestand.display(),
                verslag.gemeente
            );
            for (soort, aantal) in &verslag.per_soort {
                let _ = write!(tekst, "\n  {soort:<16} {aantal:>9}");
            }
            uit(&tekst)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(fouten) => {
            fout(&format!("De import van {} is mislukt:", bestand.display()));
            for f in &fouten.fouten {
                if f.regel == 0 {
                    // Not about a line: the file itself or the register.
                    fout(&format!("  {}", f.reden));
                } else {
                    fout(&format!("  {f}"));
                }
            }
            if fouten.afgekapt {
                fout(&format!(
                    "Er zijn meer dan {MAX_FOUTEN} fouten; alleen de eerste {MAX_FOUTEN} staan hierboven."
                ));
            }
            // An error of the register itself (disk full, read-only, …)
            // already says that nothing was stored.
            if !fouten
                .fouten
                .iter()
                .any(|f| f.regel == 0 && f.reden.contains("niets opgeslagen"))
            {
                fout("Er is niets opgeslagen: het register is ongewijzigd.");
            }
            let _ = log_opdrachtregel(
                &conn,
                "import",
                &format!("bestand:{}", bestand.display()),
                false,
            );
            Ok(ExitCode::FAILURE)
        }
    }
}

/// `wijkregister --db FILE export-jsonl OUT.jsonl`: written to an
/// owner-only temporary file, logged and anchored, and only then renamed
/// to its name; when the log cannot be written nothing is left.
pub fn exporteer(db: &Path, doel: &Path) -> anyhow::Result<ExitCode> {
    let conn = store::open_bestaand(db)?;
    let object = format!("jsonl:{}", doel.display());
    let geschreven = (|| -> Result<(Tijdelijk, u64), store::StoreFout> {
        let restanten = store::sleutel::restanten_van(db);
        let mut tijdelijk = Tijdelijk::nieuw(doel, restanten.as_deref())?;
        let mut schrijver = BufWriter::new(tijdelijk.bestand()?);
        let aantal = store::export::exporteer(&conn, &mut schrijver)?;
        schrijver.flush()?;
        drop(schrijver);
        tijdelijk.sync()?;
        Ok((tijdelijk, aantal))
    })();
    let (tijdelijk, aantal) = match geschreven {
        Ok(t) => t,
        Err(e) => {
            let _ = log_opdrachtregel(&conn, "export", &object, false);
            return Err(anyhow::Error::from(e).context(format!(
                "de export naar {} is mislukt; er is geen bestand geschreven",
                doel.display()
            )));
        }
    };
    log_opdrachtregel(&conn, "export", &object, true).with_context(|| {
        format!(
            "de export naar {} kon niet in het auditlog worden vastgelegd; er is geen bestand geschreven",
            doel.display()
        )
    })?;
    let _ = store::sleutel::veranker(&conn, "export", None);
    tijdelijk
        .zet_op_plaats()
        .with_context(|| format!("kan {} niet op zijn plaats zetten", doel.display()))?;
    uit(&format!(
        "{aantal} records geëxporteerd naar {}",
        doel.display()
    ))?;
    Ok(ExitCode::SUCCESS)
}
