//! The beheerder's export of the audit log: the rows matching a filter as
//! CSV for Dutch Excel (BOM, `;`, CRLF), oldest first, every text field
//! through the monitoring export's formula neutralisation
//! ([`export::csv_veld`]) — an actor or details text starting with `=` must
//! not run as a formula in a spreadsheet.
//!
//! The export is itself a row in the log (`export`, object `auditlog`, the
//! filter and the number of rows in the details), committed before the
//! file gets its name: `gelukt` when the file is ready, `mislukt` when it
//! could not be written.
//! The rows are read in the same transaction as that row is written, so the
//! file holds exactly the log as it stood before the export.

use std::path::Path;

use rusqlite::Connection;

use super::RapportFout;
use super::export::csv_veld;
use crate::store::StoreFout;
use crate::store::audit::{self, AuditFilter, Logregel, Resultaat};
use crate::store::bestanden::Tijdelijk;
use crate::store::sleutel;

/// The column headers of the export.
pub const KOP: [&str; 8] = [
    "Volgnummer",
    "Tijdstip",
    "Medewerker",
    "Actie",
    "Object",
    "Doel",
    "Resultaat",
    "Details",
];

/// The rows matching `filter` as CSV bytes, oldest first; with the number of rows.
pub fn csv_bytes(conn: &Connection, filter: &AuditFilter) -> Result<(Vec<u8>, u64), RapportFout> {
    let mut uit = String::from("\u{feff}");
    uit.push_str(&KOP.map(csv_veld).join(";"));
    uit.push_str("\r\n");
    let n = audit::voor_elke(conn, filter, &mut |r| {
        let velden = [
            r.volgnummer.to_string(),
            csv_veld(&r.tijdstip),
            csv_veld(&r.actor),
            csv_veld(&r.actie),
            csv_veld(r.object.as_deref().unwrap_or_default()),
            csv_veld(r.doel.as_deref().unwrap_or_default()),
            csv_veld(&r.resultaat),
            csv_veld(r.details.as_deref().unwrap_or_default()),
        ];
        uit.push_str(&velden.join(";"));
        uit.push_str("\r\n");
    })?;
    Ok((uit.into_bytes(), n))
}

/// Writes the rows matching `filter` to `pad` as CSV and logs the export
/// as `actor` at `tijdstip` (ISO 8601), logged before it exists: the file is
/// written to an owner-only temporary file, the export row is committed
/// (and the chain head anchored), and only then is the file renamed to
/// `pad`. Returns the number of rows written. When the row cannot be
/// committed (read-only register, write lock busy) nothing is left; a file
/// that cannot be written is logged as `mislukt` and returned.
pub fn exporteer(
    conn: &mut Connection,
    filter: &AuditFilter,
    pad: &Path,
    actor: &str,
    tijdstip: &str,
) -> Result<u64, RapportFout> {
    let restanten = conn
        .path()
        .filter(|p| !p.is_empty())
        .and_then(|db| sleutel::restanten_van(Path::new(db)));
    // Immediate: the write lock from the start, so the export row cannot
    // lose a race with another instance after the rows were read.
    // The file is written to a temporary file and the row appended in the
    // one transaction; the file gets its name only after the commit. A
    // failed file write is logged as `mislukt` and committed, then returned.
    let (geschreven, n) =
        crate::store::transactie::voer_uit(conn, |tx| -> Result<_, RapportFout> {
            let (inhoud, n) = csv_bytes(tx, filter)?;
            let geschreven = (|| {
                let mut t = Tijdelijk::nieuw(pad, restanten.as_deref())?;
                t.schrijf(&inhoud)?;
                t.sync()?;
                Ok::<_, StoreFout>(t)
            })()
            .map_err(|e| match e {
                StoreFout::Io(bron) => RapportFout::Schrijven {
                    pad: pad.display().to_string(),
                    bron,
                },
                e => RapportFout::Store(e),
            });
            let details = format!(
                "{}; {n} regels; bestand: {}",
                filter.omschrijving(),
                pad.display()
            );
            audit::log(
                tx,
                &Logregel {
                    tijdstip,
                    actor,
                    actie: "export",
                    object: Some("auditlog"),
                    doel: None,
                    resultaat: if geschreven.is_ok() {
                        Resultaat::Gelukt
                    } else {
                        Resultaat::Mislukt
                    },
                    details: Some(&details),
                },
            )?;
            Ok((geschreven, n))
        })?;
    let tijdelijk = geschreven?;
    let _ = sleutel::veranker(conn, "export", None);
    tijdelijk.zet_op_plaats()?;
    Ok(n)
}
