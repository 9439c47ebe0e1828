//! `backup` and `restore`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use crate::store::{self, backup};

/// `wijkregister --db FILE backup OUT`
pub fn backup(db: &Path, uit: &Path) -> anyhow::Result<ExitCode> {
    if !db.is_file() {
        anyhow::bail!("er is geen register op {}", db.display());
    }
    let conn = store::open(db)?;
    let gemaakt = backup::maak_backup(&conn, uit);
    crate::cli::log_opdrachtregel(
        &conn,
        "backup",
        &format!("bestand:{}", uit.display()),
        gemaakt.is_ok(),
    )?;
    gemaakt.with_context(|| format!("backup naar {} mislukt", uit.display()))?;
    println!("Backup geschreven naar {}", uit.display());
    Ok(ExitCode::SUCCESS)
}

/// `wijkregister --db FILE restore IN`
pub fn herstel(db: &Path, bron: &Path) -> anyhow::Result<ExitCode> {
    let versie = backup::controleer_register(bron)
        .with_context(|| format!("{} kan niet worden teruggezet", bron.display()))?;
    let mut conn = store::open(db)?;
    let nu = chrono::Local::now().format("%Y-%m-%d-%H%M%S");
    let kopie = backup::backup_map(db).join(format!("voor-herstel-{nu}.sqlite"));
    backup::herstel(&mut conn, bron, &kopie)?;
    // In the log of the register as it now is (the restored one).
    crate::cli::log_opdrachtregel(
        &conn,
        "restore",
        &format!("bestand:{}", bron.display()),
        true,
    )?;
    println!(
        "Register teruggezet uit {} (schemaversie {versie}). De stand van daarvoor staat in {}",
        bron.display(),
        kopie.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// `wijkregister --db FILE audit verify`: exit 0 when the chain is intact,
/// 1 with the first broken row otherwise.
pub fn audit_verifieer(db: &Path) -> anyhow::Result<ExitCode> {
    if !db.is_file() {
        anyhow::bail!("er is geen register op {}", db.display());
    }
    let conn = store::open(db)?;
    match store::audit::verifieer(&conn)? {
        store::audit::Verificatie::Intact { regels } => {
            println!("Auditlog intact: {regels} regels, de hashketen klopt.");
            Ok(ExitCode::SUCCESS)
        }
        store::audit::Verificatie::Gebroken { volgnummer, reden } => {
            eprintln!("Auditlog GEBROKEN bij regel {volgnummer}: {reden}");
            Ok(ExitCode::FAILURE)
        }
    }
}
