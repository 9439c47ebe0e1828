//! A new melding (step 1), with its life domains, question and spoed; the
//! melding closed at once with informatie en advies; a melding's core
//! columns as the klantreis reads them.

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction, params};

use crate::domain::klantreis::{KlantreisFout, Leefgebied, Stap};
use crate::domain::{Bron, DomeinFout, Melding, MeldingUitkomst, Record, Veldfout, Wet};
use crate::store::StoreFout;
use crate::store::db::Db;
use crate::store::schrijven::voeg_in;
use crate::store::transactie;

use super::stap::stap_in;
use super::{Handeling, IdSoort, NieuweStap, bestaat, klaar, log, tekst_controle, volgend_id};

/// A new melding as the intake form gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct NieuweMelding {
    /// The resident.
    pub inwoner: String,
    /// Date of the melding.
    pub datum: NaiveDate,
    /// Who brought it in.
    pub bron: Bron,
    /// The question in the resident's words.
    pub vraag: String,
    /// Life domains involved.
    pub leefgebieden: Vec<Leefgebied>,
    /// The law it mainly falls under.
    pub wet: Option<Wet>,
    /// The provision asked for, if any.
    pub gevraagde_voorziening: Option<String>,
    /// The assigned intaker.
    pub medewerker: String,
    /// Schuldhulp under threat of eviction, cut-off or end of insurance (3 working days).
    pub spoed: bool,
}

fn melding_in(
    tx: &Transaction<'_>,
    h: Handeling<'_>,
    m: &NieuweMelding,
) -> Result<String, StoreFout> {
    super::eis_eigen_naam(h, &m.medewerker)?;
    let mut fouten = Vec::new();
    tekst_controle(&mut fouten, "vraag", &m.vraag, true);
    if !bestaat(tx, "inwoner", &m.inwoner)? {
        fouten.push(Veldfout::new(
            "inwoner",
            KlantreisFout::Onbekend(m.inwoner.clone()).into(),
        ));
    }
    if !bestaat(tx, "medewerker", &m.medewerker)? {
        fouten.push(Veldfout::new(
            "medewerker",
            KlantreisFout::Onbekend(m.medewerker.clone()).into(),
        ));
    }
    if let Some(v) = &m.gevraagde_voorziening
        && !bestaat(tx, "voorziening", v)?
    {
        fouten.push(Veldfout::new(
            "gevraagde_voorziening",
            KlantreisFout::Onbekend(v.clone()).into(),
        ));
    }
    if m.spoed && m.wet != Some(Wet::Schuldhulp) {
        fouten.push(Veldfout::new(
            "spoed",
            DomeinFout::NietInLijst {
                waarde: "spoed".into(),
                toegestaan: "alleen bij schuldhulp".into(),
            },
        ));
    }
    klaar(fouten)?;
    let id = volgend_id(tx, IdSoort::Melding)?;
    let record = Melding {
        id: id.clone(),
        inwoner: m.inwoner.clone(),
        datum: m.datum,
        bron: m.bron,
        wet: m.wet,
        gevraagde_voorziening: m.gevraagde_voorziening.clone(),
        medewerker: Some(m.medewerker.clone()),
        gesprek: None,
        onderzoek_klaar: None,
        afgesloten: None,
        uitkomst: None,
    };
    record.valideer().map_err(StoreFout::Validatie)?;
    voeg_in(tx, &Record::Melding(record))?;
    tx.execute(
        "UPDATE melding SET vraag = ?2, spoed = ?3 WHERE id = ?1",
        params![id, m.vraag.trim(), m.spoed],
    )?;
    for l in &m.leefgebieden {
        tx.execute(
            "INSERT OR IGNORE INTO melding_leefgebied (melding, leefgebied) VALUES (?1, ?2)",
            params![id, l.code()],
        )?;
    }
    stap_in(
        tx,
        h,
        &id,
        &NieuweStap {
            stap: Stap::Melding,
            datum: m.datum,
            medewerker: h.medewerker.to_owned(),
            notitie: String::new(),
            uitkomst: None,
        },
    )?;
    log(tx, h, "melding-toevoegen", &format!("melding:{id}"), None)?;
    Ok(id)
}

/// Registers a new melding (step 1). Returns its id.
pub fn melding_toevoegen(
    conn: &Connection,
    h: Handeling<'_>,
    m: &NieuweMelding,
) -> Result<String, StoreFout> {
    transactie::voer_uit(conn, |tx| {
        let id = melding_in(tx, h, m)?;
        Ok(id)
    })
}

/// Registers a melding and closes it at once with *informatie en advies*
/// (one screen). Returns its id.
pub fn melding_informatie_advies(
    conn: &Connection,
    h: Handeling<'_>,
    m: &NieuweMelding,
    notitie: &str,
) -> Result<String, StoreFout> {
    transactie::voer_uit(conn, |tx| {
        let id = melding_in(tx, h, m)?;
        stap_in(
            tx,
            h,
            &id,
            &NieuweStap {
                stap: Stap::Afsluiting,
                datum: m.datum,
                medewerker: h.medewerker.to_owned(),
                notitie: notitie.to_owned(),
                uitkomst: Some(MeldingUitkomst::InformatieAdvies),
            },
        )?;
        Ok(id)
    })
}

/// The columns of a melding the klantreis reads.
#[derive(Debug, Clone, PartialEq)]
pub struct MeldingKern {
    /// Id.
    pub id: String,
    /// The resident.
    pub inwoner: String,
    /// Date.
    pub datum: NaiveDate,
    /// The law.
    pub wet: Option<Wet>,
    /// The question.
    pub vraag: Option<String>,
    /// Spoed (schuldhulp).
    pub spoed: bool,
    /// Date of an aanvraag awaiting a decision.
    pub aanvraag: Option<NaiveDate>,
    /// Closed on.
    pub afgesloten: Option<NaiveDate>,
    /// Outcome.
    pub uitkomst: Option<MeldingUitkomst>,
    /// Life domains.
    pub leefgebieden: Vec<Leefgebied>,
}

/// Reads a melding's core columns and life domains.
pub fn melding<'a>(db: impl Into<Db<'a>>, id: &str) -> Result<MeldingKern, StoreFout> {
    let db = db.into();
    let kern = db.query_opt(
        "SELECT id, inwoner, datum, wet, vraag, spoed, aanvraag, afgesloten, uitkomst FROM melding WHERE id = ?1",
        &[&id],
        |r| {
            Ok(MeldingKern {
                id: r.get(0)?,
                inwoner: r.get(1)?,
                datum: r.get(2)?,
                wet: r.optie_lijst(3, Wet::parse)?,
                vraag: r.get(4)?,
                spoed: r.get(5)?,
                aanvraag: r.get(6)?,
                afgesloten: r.get(7)?,
                uitkomst: r.optie_lijst(8, MeldingUitkomst::parse)?,
                leefgebieden: Vec::new(),
            })
        },
    )?;
    let mut kern = kern.ok_or_else(|| StoreFout::NietGevonden(format!("melding {id}")))?;
    let mut lijst: Vec<Leefgebied> = db.query_map(
        "SELECT leefgebied FROM melding_leefgebied WHERE melding = ?1",
        &[&id],
        |r| r.lijst(0, Leefgebied::parse),
    )?;
    lijst.sort();
    kern.leefgebieden = lijst;
    Ok(kern)
}
