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

use std::collections::HashMap;

use rusqlite::Connection;

use super::RapportFout;
use super::export::csv_veld;
use crate::store::StoreFout;
use crate::store::audit::{self, AuditFilter, Logregel, Resultaat};
use crate::store::bestanden::Tijdelijk;
use crate::store::objectnamen;
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

/// A moment from the log (the screen and the export show it alike) as `dd-mm-jjjj uu:mm:ss` on this computer's
/// clock (the log stores UTC; rows of older versions hold local time without
/// an offset and are shown as they are), or the text as stored.
#[must_use]
pub fn tijdstip_tekst(tijdstip: &str) -> String {
    if let Ok(moment) = chrono::DateTime::parse_from_rfc3339(tijdstip) {
        return moment
            .with_timezone(&chrono::Local)
            .format("%d-%m-%Y %H:%M:%S")
            .to_string();
    }
    tijdstip
        .get(..19)
        .and_then(|t| chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S").ok())
        .map_or_else(
            || tijdstip.to_owned(),
            |t| t.format("%d-%m-%Y %H:%M:%S").to_string(),
        )
}

/// The rows matching `filter` as CSV bytes, oldest first; with the number
/// of rows. Every value as the Beheer screen shows it: the moment as
/// `dd-mm-jjjj uu:mm:ss`, the medewerker by name and role, the action,
/// result, purpose and details as sentences (`domain::woorden`), the object
/// by a name and date (`store::objectnamen`) — never an id or a code; the
/// row number ties a line to the log itself.
pub fn csv_bytes(conn: &Connection, filter: &AuditFilter) -> Result<(Vec<u8>, u64), RapportFout> {
    use crate::domain::woorden;
    let medewerkers: HashMap<String, (String, &'static str)> =
        crate::store::medewerkers::alle(conn)?
            .into_iter()
            .map(|m| (m.id, (m.naam, m.rol.label())))
            .collect();
    let wie = |actor: &str| {
        woorden::medewerker(
            actor,
            medewerkers
                .get(actor)
                .map(|(naam, rol)| (naam.as_str(), *rol)),
        )
    };
    // Names of objects, read once per object (a log names the same
    // dossier many times).
    let mut namen: HashMap<String, String> = HashMap::new();
    let mut fout = None;
    let mut uit = String::from("\u{feff}");
    uit.push_str(&KOP.map(csv_veld).join(";"));
    uit.push_str("\r\n");
    let n = audit::voor_elke(conn, filter, &mut |r| {
        let object = match r.object.as_deref() {
            None => String::new(),
            Some(o) => match o.split_once(':') {
                Some(("medewerker", id)) if !medewerkers.contains_key(id) => wie(id),
                _ => {
                    if !namen.contains_key(o) {
                        match objectnamen::namen(conn, &[o]) {
                            Ok(gevonden) => namen.extend(gevonden),
                            Err(e) => fout = fout.take().or(Some(e)),
                        }
                    }
                    woorden::object(o, namen.get(o).map(String::as_str))
                }
            },
        };
        let velden = [
            r.volgnummer.to_string(),
            csv_veld(&tijdstip_tekst(&r.tijdstip)),
            csv_veld(&wie(&r.actor)),
            csv_veld(&woorden::actie(&r.actie)),
            csv_veld(&object),
            csv_veld(&r.doel.as_deref().map(woorden::doel).unwrap_or_default()),
            csv_veld(&woorden::resultaat(&r.resultaat)),
            csv_veld(
                &r.details
                    .as_deref()
                    .map(woorden::details)
                    .unwrap_or_default(),
            ),
        ];
        uit.push_str(&velden.join(";"));
        uit.push_str("\r\n");
    })?;
    if let Some(e) = fout {
        return Err(e.into());
    }
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
