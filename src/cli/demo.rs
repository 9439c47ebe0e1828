//! `demo`: fills an empty register with the demo register, or writes it as
//! an exchange file (`--jsonl`), written to a temporary file first and
//! renamed when complete so a half-written file never carries the name.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use chrono::Datelike;

use super::DemoOpties;
use crate::demo::{self, DemoInstellingen};
use crate::store;

/// `wijkregister --db FILE demo …`
pub fn demo(db: &Path, opties: &DemoOpties) -> anyhow::Result<ExitCode> {
    let inst = DemoInstellingen {
        inwoners: opties.inwoners,
        jaren: opties.jaren,
        eind_jaar: crate::klok::Klok::systeem().nu().year(),
        seed: opties.seed,
        // Nothing after today: a demo made in November has no December events.
        peildatum: Some(crate::klok::Klok::systeem().vandaag()),
    };
    let begin = Instant::now();
    if let Some(uit) = &opties.jsonl {
        let verslag = schrijf_bestand(uit, &inst)?;
        crate::cli::uit(&format!(
            "{} records geschreven naar {} in {:.1} s ({})",
            verslag.records,
            uit.display(),
            begin.elapsed().as_secs_f64(),
            verslag.samenvatting()
        ))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut conn = store::open(db)?;
    if !store::is_leeg(&conn)? {
        anyhow::bail!(
            "het register {} bevat al inwoners; demogegevens komen alleen in een leeg register, zodat twee registers \
             niet door elkaar raken. Kies een nieuw bestand met --db, of schrijf een bestand met --jsonl.",
            db.display()
        );
    }
    let verslag = demo::vul_register(&mut conn, &inst)
        .with_context(|| format!("het demoregister kon niet in {} worden gezet", db.display()))?;
    crate::cli::uit(&format!(
        "demoregister gezet in {}: {} records in {:.1} s ({})",
        db.display(),
        verslag.records,
        begin.elapsed().as_secs_f64(),
        verslag.samenvatting()
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the exchange file through a temporary file next to it.
fn schrijf_bestand(uit: &Path, inst: &DemoInstellingen) -> anyhow::Result<demo::DemoVerslag> {
    let naam = uit
        .file_name()
        .map_or_else(|| "demo.jsonl".into(), |n| n.to_string_lossy().into_owned());
    let tijdelijk: PathBuf = uit.with_file_name(format!(".{naam}.tmp"));
    let resultaat = (|| -> anyhow::Result<demo::DemoVerslag> {
        let _ = fs::remove_file(&tijdelijk);
        let bestand = store::bestanden::maak_nieuw(&tijdelijk)
            .with_context(|| format!("{} kan niet worden aangemaakt", tijdelijk.display()))?;
        let mut schrijver = BufWriter::with_capacity(1 << 16, bestand);
        let verslag = demo::schrijf_jsonl(&mut schrijver, inst)
            .with_context(|| format!("schrijven naar {} mislukte", tijdelijk.display()))?;
        schrijver.flush()?;
        let bestand = schrijver
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        bestand.sync_all()?;
        fs::rename(&tijdelijk, uit).with_context(|| {
            format!(
                "{} kan niet worden hernoemd naar {}",
                tijdelijk.display(),
                uit.display()
            )
        })?;
        Ok(verslag)
    })();
    if resultaat.is_err() {
        // Best effort: do not leave a half-written file behind.
        let _ = fs::remove_file(&tijdelijk);
    }
    resultaat
}
