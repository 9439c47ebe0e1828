//! `backup`, `restore` and `audit verify`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{OPDRACHTREGEL, uit};
use crate::store::{self, backup};

/// `wijkregister --db FILE backup OUT`: a compressed, logged copy.
pub fn backup(db: &Path, doel: &Path) -> anyhow::Result<ExitCode> {
    let conn = store::open_bestaand(db)?;
    let verslag = backup::maak_backup(&conn, doel, OPDRACHTREGEL).with_context(|| {
        format!(
            "de backup naar {} is mislukt; er is geen backup geschreven",
            doel.display()
        )
    })?;
    uit(&format!(
        "Backup geschreven naar {} ({} van een register van {}).",
        verslag.pad.display(),
        backup::grootte(verslag.bytes),
        backup::grootte(verslag.register_bytes)
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// `wijkregister --db FILE restore IN`: checks everything, then replaces.
pub fn herstel(db: &Path, bron: &Path) -> anyhow::Result<ExitCode> {
    let mut conn = store::open_bestaand(db)?;
    let kopie = backup::voor_herstel_pad(db);
    let versie = backup::herstel(&mut conn, bron, &kopie, OPDRACHTREGEL)
        .with_context(|| format!("{} kan niet worden teruggezet", bron.display()))?;
    uit(&format!(
        "Register teruggezet uit {} (schemaversie {versie}). De stand van daarvoor staat in {}",
        bron.display(),
        kopie.display()
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// `wijkregister --db FILE audit verify`: exit 0 when the log is intact
/// (triggers, keyed chain, anchor), 1 with the first problem otherwise.
pub fn audit_verifieer(db: &Path) -> anyhow::Result<ExitCode> {
    let verificatie = match db
        .to_str()
        .filter(|t| store::pg::Bestemming::is_postgres(t))
    {
        Some(url) => {
            let adres = store::pg::PgAdres::lees(url)?;
            let register = store::pg::open_register(&adres, None, false)?;
            store::pg::audit::verifieer_verbinding(&register)?
        }
        None => store::audit::verifieer(&store::open_bestaand(db)?)?,
    };
    match verificatie {
        store::audit::Verificatie::Intact { regels } => {
            uit(&format!(
                "Auditlog intact: {regels} regels, de sleutelketen en het anker kloppen."
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        store::audit::Verificatie::Gebroken {
            volgnummer: 0,
            reden,
        } => {
            crate::cli::fout(&format!("Auditlog GEBROKEN: {reden}"));
            Ok(ExitCode::FAILURE)
        }
        store::audit::Verificatie::Gebroken { volgnummer, reden } => {
            crate::cli::fout(&format!(
                "Auditlog GEBROKEN bij regel {volgnummer}: {reden}"
            ));
            Ok(ExitCode::FAILURE)
        }
    }
}
