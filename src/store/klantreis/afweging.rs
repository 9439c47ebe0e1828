//! The afwegingsladder of a melding: saved per rung, and followed to the
//! melding's close when a rung solves the need.

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use crate::domain::VoorzieningSoort;
use crate::domain::datum::iso;
use crate::domain::klantreis::{Afwegingsladder, KlantreisFout, Stap, Trede, TredeSoort};
use crate::store::StoreFout;
use crate::store::db::Db;
use crate::store::transactie;

use super::stap::stap_in;
use super::verwijzing::verwijzing_in;
use super::{Handeling, NieuweStap, fout, log, moet_bestaan, stappen};

/// The afwegingsladder of a melding as saved (unanswered rungs stay open).
pub fn afweging<'a>(db: impl Into<Db<'a>>, melding: &str) -> Result<Afwegingsladder, StoreFout> {
    let mut ladder = Afwegingsladder::default();
    let rijen = db.into().query_map(
        "SELECT trede, lost_op, toelichting FROM afweging_trede WHERE melding = ?1",
        &[&melding],
        |r| {
            Ok((
                r.lijst(0, TredeSoort::parse)?,
                r.get::<bool>(1)?,
                r.get::<String>(2)?,
            ))
        },
    )?;
    for (soort, lost_op, toelichting) in rijen {
        ladder.zet(
            soort,
            Trede {
                lost_op: Some(lost_op),
                toelichting,
            },
        );
    }
    Ok(ladder)
}

/// Saves the afwegingsladder of a melding (answered rungs in order, each
/// with its reason). The first save records the step `Afweging` on `datum`.
pub fn afweging_opslaan(
    conn: &Connection,
    h: Handeling<'_>,
    melding: &str,
    datum: NaiveDate,
    ladder: &Afwegingsladder,
) -> Result<(), StoreFout> {
    ladder.valideer().map_err(StoreFout::Validatie)?;
    transactie::voer_uit(conn, |tx| {
        moet_bestaan(tx, "melding", "melding", melding)?;
        let al_gewogen = stappen(tx, melding)?
            .iter()
            .any(|s| s.stap == Stap::Afweging);
        if !al_gewogen {
            stap_in(
                tx,
                h,
                melding,
                &NieuweStap {
                    stap: Stap::Afweging,
                    datum,
                    medewerker: h.medewerker.to_owned(),
                    notitie: String::new(),
                    uitkomst: None,
                },
            )?;
        }
        tx.execute("DELETE FROM afweging_trede WHERE melding = ?1", [melding])?;
        for (soort, trede) in ladder.met_soort() {
            if let Some(lost_op) = trede.lost_op {
                tx.execute(
                "INSERT INTO afweging_trede (melding, trede, lost_op, toelichting, medewerker, datum)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![melding, soort.code(), lost_op, trede.toelichting.trim(), h.medewerker, iso(datum)],
            )?;
            }
        }
        log(
            tx,
            h,
            "afweging-opslaan",
            &format!("melding:{melding}"),
            None,
        )?;
        Ok(())
    })
}

/// Follows the ladder when a rung solves the need: eigen kracht or netwerk
/// close the melding with that outcome; an algemene voorziening needs
/// `voorziening` (an algemene) and becomes a verwijzing; a voorliggende
/// voorziening may name one (then also a verwijzing). The melding is closed
/// on `datum`. Returns the verwijzing's id, if one was made.
pub fn afronden_volgens_ladder(
    conn: &Connection,
    h: Handeling<'_>,
    melding: &str,
    datum: NaiveDate,
    voorziening: Option<&str>,
    notitie: &str,
) -> Result<Option<String>, StoreFout> {
    transactie::voer_uit(conn, |tx| {
        moet_bestaan(tx, "melding", "melding", melding)?;
        let trede = afweging(tx, melding)?
            .oplossende_trede()
            .map_err(StoreFout::Validatie)?;
        let verwijzing = match (trede, voorziening) {
            (TredeSoort::AlgemeneVoorziening, None) => {
                return Err(fout(
                    "voorziening",
                    KlantreisFout::VerwijzingNodig(trede.label()),
                ));
            }
            (TredeSoort::AlgemeneVoorziening | TredeSoort::VoorliggendeVoorziening, Some(v)) => {
                let verwacht = if trede == TredeSoort::AlgemeneVoorziening {
                    VoorzieningSoort::Algemeen
                } else {
                    VoorzieningSoort::Voorliggend
                };
                Some(verwijzing_in(
                    tx,
                    h,
                    melding,
                    v,
                    datum,
                    notitie,
                    Some(verwacht),
                )?)
            }
            _ => None,
        };
        stap_in(
            tx,
            h,
            melding,
            &NieuweStap {
                stap: Stap::Afsluiting,
                datum,
                medewerker: h.medewerker.to_owned(),
                notitie: notitie.to_owned(),
                uitkomst: Some(trede.melding_uitkomst()),
            },
        )?;
        log(
            tx,
            h,
            "melding-afsluiten",
            &format!("melding:{melding}"),
            Some(&format!("uitkomst {}", trede.melding_uitkomst().code())),
        )?;
        Ok(verwijzing)
    })
}
