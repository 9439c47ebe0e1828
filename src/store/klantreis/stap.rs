//! The recorded steps of a melding and their corrections: order and date
//! rules, the afsluiting's outcome and its ground, the exchange columns
//! kept in step, and the implied steps of an imported melding.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::datum::iso;
use crate::domain::klantreis::{KlantreisFout, Stap, controleer_afsluiting, controleer_datum};
use crate::domain::{DomeinFout, MeldingUitkomst, Veldfout};
use crate::store::StoreFout;
use crate::store::db::Db;
use crate::store::transactie;

use super::{Handeling, bestaat, fout, klaar, log, moet_bestaan, tekst_controle};

/// A step to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NieuweStap {
    /// Which step.
    pub stap: Stap,
    /// Its date.
    pub datum: NaiveDate,
    /// Who did it (medewerker id).
    pub medewerker: String,
    /// A short note.
    pub notitie: String,
    /// The melding's outcome (required for `Afsluiting`).
    pub uitkomst: Option<MeldingUitkomst>,
}

/// A recorded step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StapRij {
    /// Row id.
    pub id: i64,
    /// Which step.
    pub stap: Stap,
    /// Its date.
    pub datum: NaiveDate,
    /// Who did it.
    pub medewerker: String,
    /// The note.
    pub notitie: String,
    /// When it was recorded.
    pub vastgelegd_op: String,
}

/// The recorded steps of a melding, in the order they were recorded.
pub fn stappen<'a>(db: impl Into<Db<'a>>, melding: &str) -> Result<Vec<StapRij>, StoreFout> {
    db.into().query_map(
        "SELECT id, stap, datum, medewerker, notitie, vastgelegd_op FROM klantreis_stap
         WHERE melding = ?1 ORDER BY id",
        &[&melding],
        |r| {
            Ok(StapRij {
                id: r.get(0)?,
                stap: r.lijst(1, Stap::parse)?,
                datum: r.get(2)?,
                medewerker: r.get(3)?,
                notitie: r.get(4)?,
                vastgelegd_op: r.get(5)?,
            })
        },
    )
}

/// What is still to do for a melding: the steps that may come next.
pub fn nog_te_doen<'a>(db: impl Into<Db<'a>>, melding: &str) -> Result<Vec<Stap>, StoreFout> {
    let db = db.into();
    let mut lijst: Vec<Stap> = stappen(db, melding)?.into_iter().map(|s| s.stap).collect();
    if lijst.is_empty() {
        lijst = uit_uitwisseling(db, melding)?
            .into_iter()
            .map(|(stap, _, _)| stap)
            .collect();
    }
    let wet = super::melding(db, melding)?.wet;
    Ok(crate::domain::klantreis::nog_te_doen_onder(wet, &lijst))
}

/// The steps an imported melding (one without recorded steps) implies by
/// its exchange columns: the melding, the gesprek if dated, the afsluiting
/// if closed; with the date and the assigned medewerker.
fn uit_uitwisseling<'a>(
    db: impl Into<Db<'a>>,
    melding: &str,
) -> Result<Vec<(Stap, NaiveDate, Option<String>)>, StoreFout> {
    let rij = db.into().query_opt(
        "SELECT datum, gesprek, afgesloten, medewerker FROM melding WHERE id = ?1",
        &[&melding],
        |r| {
            Ok((
                r.get::<NaiveDate>(0)?,
                r.get::<Option<NaiveDate>>(1)?,
                r.get::<Option<NaiveDate>>(2)?,
                r.get::<Option<String>>(3)?,
            ))
        },
    )?;
    let Some((datum, gesprek, afgesloten, medewerker)) = rij else {
        return Ok(Vec::new());
    };
    let mut lijst = vec![(Stap::Melding, datum, medewerker.clone())];
    if let Some(g) = gesprek {
        lijst.push((Stap::Gesprek, g, medewerker.clone()));
    }
    if let Some(a) = afgesloten {
        lijst.push((Stap::Afsluiting, a, medewerker));
    }
    Ok(lijst)
}

/// Records the implied steps of an imported melding, so its klantreis can
/// go on in the register.
fn overnemen(conn: &Connection, h: Handeling<'_>, melding: &str) -> Result<(), StoreFout> {
    for (stap, datum, medewerker) in uit_uitwisseling(conn, melding)? {
        conn.execute(
            "INSERT INTO klantreis_stap (melding, stap, datum, medewerker, notitie, vastgelegd_op)
             VALUES (?1, ?2, ?3, ?4, 'overgenomen uit de uitwisseling', ?5)",
            params![
                melding,
                stap.code(),
                iso(datum),
                medewerker.as_deref().unwrap_or(h.medewerker),
                h.tijdstip
            ],
        )?;
    }
    Ok(())
}

/// Records a step inside the caller's transaction (order and date rules,
/// mirror columns of the exchange record). Returns the row id.
pub(super) fn stap_in(
    conn: &Connection,
    h: Handeling<'_>,
    melding: &str,
    s: &NieuweStap,
) -> Result<i64, StoreFout> {
    super::eis_eigen_naam(h, &s.medewerker)?;
    let mut fouten = Vec::new();
    tekst_controle(&mut fouten, "notitie", &s.notitie, false);
    if !bestaat(conn, "medewerker", &s.medewerker)? {
        fouten.push(Veldfout::new(
            "medewerker",
            KlantreisFout::Onbekend(s.medewerker.clone()).into(),
        ));
    }
    klaar(fouten)?;
    if s.stap != Stap::Melding && stappen(conn, melding)?.is_empty() {
        overnemen(conn, h, melding)?;
    }
    let vorige = stappen(conn, melding)?.pop();
    let wet = super::melding(conn, melding)?.wet;
    Stap::controleer_volgorde_onder(wet, vorige.as_ref().map(|v| v.stap), s.stap)
        .map_err(|f| fout("stap", f))?;
    controleer_datum(
        vorige.as_ref().map(|v| (v.stap, v.datum)),
        s.stap,
        s.datum,
        None,
    )
    .map_err(|f| fout("datum", f))?;
    if s.stap == Stap::Afsluiting {
        let uitkomst = s
            .uitkomst
            .ok_or_else(|| fout("uitkomst", DomeinFout::UitkomstVerplicht))?;
        controleer_afsluiting(vorige.as_ref().map(|v| v.stap), uitkomst)
            .map_err(|f| fout("uitkomst", f))?;
        grond_voor_uitkomst(conn, melding, uitkomst)?;
        conn.execute(
            "UPDATE melding SET afgesloten = ?2, uitkomst = ?3 WHERE id = ?1",
            params![melding, iso(s.datum), uitkomst.code()],
        )?;
    }
    conn.execute(
        "INSERT INTO klantreis_stap (melding, stap, datum, medewerker, notitie, vastgelegd_op)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            melding,
            s.stap.code(),
            iso(s.datum),
            s.medewerker,
            s.notitie.trim(),
            h.tijdstip
        ],
    )?;
    let id = conn.last_insert_rowid();
    spiegel(conn, melding)?;
    Ok(id)
}

/// An outcome rests on what the klantreis recorded: `maatwerk` on a granted
/// toekenning of the melding, `algemene-voorziening` on a verwijzing.
fn grond_voor_uitkomst(
    conn: &Connection,
    melding: &str,
    uitkomst: MeldingUitkomst,
) -> Result<(), StoreFout> {
    let (sql, nodig) = match uitkomst {
        MeldingUitkomst::Maatwerk => (
            "SELECT EXISTS (SELECT 1 FROM toekenning WHERE melding = ?1 AND uitkomst = 'toegekend')",
            "een toegekend besluit op deze melding",
        ),
        MeldingUitkomst::AlgemeneVoorziening => (
            "SELECT EXISTS (SELECT 1 FROM verwijzing WHERE melding = ?1)",
            "een verwijzing vanuit deze melding",
        ),
        _ => return Ok(()),
    };
    let heeft: bool = conn.query_row(sql, [melding], |r| r.get(0))?;
    if heeft {
        Ok(())
    } else {
        Err(fout(
            "uitkomst",
            KlantreisFout::UitkomstZonderGrond {
                uitkomst: uitkomst.label(),
                nodig,
            },
        ))
    }
}

/// Keeps the exchange columns `gesprek`, `onderzoek_klaar` and `afgesloten`
/// in step with the recorded steps (first gesprek, first afweging, the
/// afsluiting), so reports and exports see the klantreis.
fn spiegel(conn: &Connection, melding: &str) -> Result<(), StoreFout> {
    conn.execute(
        "UPDATE melding SET
            gesprek = coalesce((SELECT min(datum) FROM klantreis_stap WHERE melding = ?1 AND stap = 'gesprek'), gesprek),
            onderzoek_klaar = coalesce((SELECT min(datum) FROM klantreis_stap WHERE melding = ?1 AND stap = 'afweging'), onderzoek_klaar),
            afgesloten = coalesce((SELECT max(datum) FROM klantreis_stap WHERE melding = ?1 AND stap = 'afsluiting'), afgesloten)
         WHERE id = ?1",
        [melding],
    )?;
    Ok(())
}

/// Records a step of a melding (one transaction, audit `stap-vastleggen`).
/// Afsluiting needs `uitkomst` (`maatwerk` only after a granted besluit,
/// `algemene-voorziening` only after a verwijzing). Verwijzing and aanvraag +
/// besluit are recorded by [`verwijzing_maken`] and [`besluit_nemen`]. Returns the step's row id.
pub fn stap_vastleggen(
    conn: &Connection,
    h: Handeling<'_>,
    melding: &str,
    s: &NieuweStap,
) -> Result<i64, StoreFout> {
    if matches!(s.stap, Stap::Verwijzing | Stap::AanvraagBesluit) {
        return Err(fout("stap", KlantreisFout::EigenHandeling(s.stap.label())));
    }
    transactie::voer_uit(conn, |tx| {
        moet_bestaan(tx, "melding", "melding", melding)?;
        let id = stap_in(tx, h, melding, s)?;
        log(
            tx,
            h,
            "stap-vastleggen",
            &format!("melding:{melding}"),
            Some(&format!("stap {id}: {}", s.stap.code())),
        )?;
        Ok(id)
    })
}

/// The corrected values of a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StapCorrectie {
    /// New date.
    pub datum: NaiveDate,
    /// New medewerker.
    pub medewerker: String,
    /// New note.
    pub notitie: String,
}

/// A logged correction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectieRij {
    /// Old date.
    pub oude_datum: NaiveDate,
    /// New date.
    pub nieuwe_datum: NaiveDate,
    /// Old medewerker.
    pub oude_medewerker: String,
    /// New medewerker.
    pub nieuwe_medewerker: String,
    /// Old note.
    pub oude_notitie: String,
    /// New note.
    pub nieuwe_notitie: String,
    /// Who corrected.
    pub door: String,
    /// When.
    pub tijdstip: String,
}

/// Corrects a recorded step: the date stays between the previous and the
/// next step's; old and new values go to `klantreis_correctie`, the audit
/// log gets `stap-corrigeren` with the changed field names.
pub fn stap_corrigeren(
    conn: &Connection,
    h: Handeling<'_>,
    stap_id: i64,
    c: &StapCorrectie,
) -> Result<(), StoreFout> {
    transactie::voer_uit(conn, |tx| {
        let melding: String = tx
            .query_row(
                "SELECT melding FROM klantreis_stap WHERE id = ?1",
                [stap_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreFout::NietGevonden(format!("stap {stap_id}")))?;
        let alle = stappen(tx, &melding)?;
        let Some(pos) = alle.iter().position(|s| s.id == stap_id) else {
            return Err(StoreFout::NietGevonden(format!("stap {stap_id}")));
        };
        let oud = &alle[pos];
        let mut fouten = Vec::new();
        tekst_controle(&mut fouten, "notitie", &c.notitie, false);
        if !bestaat(tx, "medewerker", &c.medewerker)? {
            fouten.push(Veldfout::new(
                "medewerker",
                KlantreisFout::Onbekend(c.medewerker.clone()).into(),
            ));
        }
        klaar(fouten)?;
        let vorige = pos.checked_sub(1).map(|i| (alle[i].stap, alle[i].datum));
        let volgende = alle.get(pos + 1).map(|s| (s.stap, s.datum));
        controleer_datum(vorige, oud.stap, c.datum, volgende).map_err(|f| fout("datum", f))?;
        let mut gewijzigd = Vec::new();
        if oud.datum != c.datum {
            gewijzigd.push("datum");
        }
        if oud.medewerker != c.medewerker {
            gewijzigd.push("medewerker");
        }
        if oud.notitie != c.notitie.trim() {
            gewijzigd.push("notitie");
        }
        if gewijzigd.is_empty() {
            return Ok(());
        }
        tx.execute(
            "UPDATE klantreis_stap SET datum = ?2, medewerker = ?3, notitie = ?4 WHERE id = ?1",
            params![stap_id, iso(c.datum), c.medewerker, c.notitie.trim()],
        )?;
        tx.execute(
        "INSERT INTO klantreis_correctie (stap, oude_datum, nieuwe_datum, oude_medewerker, nieuwe_medewerker,
                                          oude_notitie, nieuwe_notitie, door, tijdstip)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            stap_id,
            iso(oud.datum),
            iso(c.datum),
            oud.medewerker,
            c.medewerker,
            oud.notitie,
            c.notitie.trim(),
            h.medewerker,
            h.tijdstip
        ],
    )?;
        if oud.stap == Stap::Afsluiting {
            tx.execute(
                "UPDATE melding SET afgesloten = ?2 WHERE id = ?1",
                params![melding, iso(c.datum)],
            )?;
        }
        if oud.stap == Stap::Melding {
            tx.execute(
                "UPDATE melding SET datum = ?2 WHERE id = ?1",
                params![melding, iso(c.datum)],
            )?;
        }
        tx.execute(
        "UPDATE melding SET gesprek = (SELECT min(datum) FROM klantreis_stap WHERE melding = ?1 AND stap = 'gesprek')
         WHERE id = ?1 AND ?2 = 'gesprek'",
        params![melding, oud.stap.code()],
    )?;
        tx.execute(
        "UPDATE melding SET onderzoek_klaar = (SELECT min(datum) FROM klantreis_stap WHERE melding = ?1 AND stap = 'afweging')
         WHERE id = ?1 AND ?2 = 'afweging'",
        params![melding, oud.stap.code()],
    )?;
        log(
            tx,
            h,
            "stap-corrigeren",
            &format!("melding:{melding}"),
            Some(&format!(
                "stap {stap_id}: {} gewijzigd",
                gewijzigd.join(", ")
            )),
        )?;
        Ok(())
    })
}

/// The corrections of a step, oldest first.
pub fn correcties<'a>(db: impl Into<Db<'a>>, stap_id: i64) -> Result<Vec<CorrectieRij>, StoreFout> {
    db.into().query_map(
        "SELECT oude_datum, nieuwe_datum, oude_medewerker, nieuwe_medewerker, oude_notitie, nieuwe_notitie,
                door, tijdstip
         FROM klantreis_correctie WHERE stap = ?1 ORDER BY id",
        &[&stap_id],
        |r| {
            Ok(CorrectieRij {
                oude_datum: r.get(0)?,
                nieuwe_datum: r.get(1)?,
                oude_medewerker: r.get(2)?,
                nieuwe_medewerker: r.get(3)?,
                oude_notitie: r.get(4)?,
                nieuwe_notitie: r.get(5)?,
                door: r.get(6)?,
                tijdstip: r.get(7)?,
            })
        },
    )
}
