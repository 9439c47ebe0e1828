//! Verwijzingen of a melding to an algemene or voorliggende voorziening,
//! and where they stand.

use chrono::NaiveDate;

use crate::domain::klantreis::{KlantreisFout, Stap};
use crate::domain::{Verwijzing, VerwijzingStatus, VoorzieningSoort};
use crate::store::StoreFout;
use crate::store::db::Db;

use super::stap::stap_in;
use super::{
    Handeling, IdSoort, NieuweStap, fout, log, moet_bestaan, niet_beeindigd, volgend_id,
    voorziening_info,
};

/// Makes a verwijzing inside the caller's transaction: the provision must be
/// of kind `verwacht` (any but maatwerk when `None`) and not ended; records
/// the step and the audit row. Returns its id.
pub(super) fn verwijzing_in(
    conn: Db<'_>,
    h: Handeling<'_>,
    melding: &str,
    voorziening: &str,
    datum: NaiveDate,
    notitie: &str,
    verwacht: Option<VoorzieningSoort>,
) -> Result<String, StoreFout> {
    let info = voorziening_info(conn, "voorziening", voorziening)?;
    let soort_fout = match verwacht {
        Some(v) if v != info.soort => Some(v),
        None if info.soort == VoorzieningSoort::Maatwerk => Some(VoorzieningSoort::Algemeen),
        _ => None,
    };
    if let Some(v) = soort_fout {
        return Err(fout(
            "voorziening",
            KlantreisFout::VerkeerdeSoort {
                voorziening: info.naam,
                soort: info.soort.label(),
                verwacht: v.label(),
            },
        ));
    }
    niet_beeindigd(&info, datum)?;
    let id = volgend_id(conn, IdSoort::Verwijzing)?;
    let record = Verwijzing {
        id: id.clone(),
        melding: melding.to_owned(),
        voorziening: voorziening.to_owned(),
        datum,
        status: VerwijzingStatus::Verwezen,
        afgerond_op: None,
        opgelost: None,
    };
    record.valideer().map_err(StoreFout::Validatie)?;
    conn.execute(
        "INSERT INTO verwijzing (id, melding, voorziening, datum, status) VALUES (?1, ?2, ?3, ?4, ?5)",
        &[
            &record.id,
            &record.melding,
            &record.voorziening,
            &datum,
            &record.status.code(),
        ],
    )?;
    stap_in(
        conn,
        h,
        melding,
        &NieuweStap {
            stap: Stap::Verwijzing,
            datum,
            medewerker: h.medewerker.to_owned(),
            notitie: notitie.to_owned(),
            uitkomst: None,
        },
    )?;
    log(
        conn,
        h,
        "verwijzing-maken",
        &format!("melding:{melding}"),
        Some(&format!("verwijzing {id}")),
    )?;
    Ok(id)
}

/// Refers a melding to an algemene or voorliggende voorziening (step 5a).
/// Returns the verwijzing's id.
pub fn verwijzing_maken<'a>(
    db: impl Into<Db<'a>>,
    h: Handeling<'_>,
    melding: &str,
    voorziening: &str,
    datum: NaiveDate,
    notitie: &str,
) -> Result<String, StoreFout> {
    db.into().transactie(|tx| {
        moet_bestaan(tx, "melding", "melding", melding)?;
        let id = verwijzing_in(tx, h, melding, voorziening, datum, notitie, None)?;
        Ok(id)
    })
}

/// Updates where a referral stands: started, finished (with date and
/// whether the question was solved), or not started.
pub fn verwijzing_bijwerken<'a>(
    db: impl Into<Db<'a>>,
    h: Handeling<'_>,
    id: &str,
    status: VerwijzingStatus,
    afgerond_op: Option<NaiveDate>,
    opgelost: Option<bool>,
) -> Result<(), StoreFout> {
    db.into().transactie(|tx| {
        let bestaand = tx
            .query_opt(
                "SELECT melding, voorziening, datum FROM verwijzing WHERE id = ?1",
                &[&id],
                |r| {
                    Ok((
                        r.get::<String>(0)?,
                        r.get::<String>(1)?,
                        r.get::<NaiveDate>(2)?,
                    ))
                },
            )?
            .ok_or_else(|| StoreFout::NietGevonden(format!("verwijzing {id}")))?;
        let record = Verwijzing {
            id: id.to_owned(),
            melding: bestaand.0.clone(),
            voorziening: bestaand.1,
            datum: bestaand.2,
            status,
            afgerond_op,
            opgelost,
        };
        record.valideer().map_err(StoreFout::Validatie)?;
        tx.execute(
            "UPDATE verwijzing SET status = ?2, afgerond_op = ?3, opgelost = ?4 WHERE id = ?1",
            &[&id, &status.code(), &afgerond_op, &opgelost],
        )?;
        log(
            tx,
            h,
            "verwijzing-bijwerken",
            &format!("melding:{}", bestaand.0),
            Some(&format!("verwijzing {id}: {}", status.code())),
        )?;
        Ok(())
    })
}
