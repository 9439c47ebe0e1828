//! The klantreis in the store: residents and meldingen, the recorded steps
//! and their corrections, the afwegingsladder, verwijzingen, aanvragen and
//! besluiten (with op- en afschalen and beëindigen), and the matched-care
//! query over the sociale kaart.
//!
//! Every user action is one function that runs one transaction through
//! [`super::transactie::voer_uit`]: it checks the input (Dutch field errors,
//! [`StoreFout::Validatie`]), writes, appends an audit row
//! (`store::audit::log`: actor = the medewerker id, object `melding:M-…`, no
//! personal data in the details) and commits: all or nothing. Exchange records are still inserted through
//! `store::schrijven::voeg_in`; the columns the exchange format lacks are set
//! by an `UPDATE` in the same transaction.
//!
//! Corrections of a step are kept in the table `klantreis_correctie` (old
//! and new date, medewerker and note; who and when), because old notes may
//! hold personal data that does not belong in the audit log; the audit log
//! gets a `stap-corrigeren` row naming only the changed fields.
//!
//! New identifiers are the prefix (`I-`, `M-`, `VW-`, `T-`) and six digits:
//! one more than the highest number among the ids of that table with that
//! prefix, skipping any that exist; computed inside the writing transaction,
//! so two saves cannot get the same id (the primary key is the last guard).

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::StoreFout;
use super::audit::{self, Logregel, Resultaat};
use super::kolom;
use super::schrijven::voeg_in;
use super::transactie;
use crate::domain::datum::{iso, parse_iso};
use crate::domain::klantreis::{
    Afwegingsladder, KlantreisFout, Leefgebied, Stap, Trede, TredeSoort, controleer_afsluiting,
    controleer_datum,
};
use crate::domain::records::MAX_TEKST;
use crate::domain::{
    BesluitUitkomst, Bron, Bsn, DomeinFout, Geslacht, Inwoner, Leveringsvorm, Melding,
    MeldingUitkomst, Record, RedenEinde, Toekenning, Veldfout, Verwijzer, Verwijzing,
    VerwijzingStatus, VoorzieningSoort, Wet,
};

/// Who acts, and when: the medewerker id (audit actor, author of steps) and
/// the moment as ISO 8601 text (the caller reads the clock; tests pass a
/// fixed one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handeling<'a> {
    /// The medewerker id.
    pub medewerker: &'a str,
    /// When, ISO 8601.
    pub tijdstip: &'a str,
}

/// Appends the audit row of a successful action.
pub(crate) fn log(
    conn: &Connection,
    h: Handeling<'_>,
    actie: &str,
    object: &str,
    details: Option<&str>,
) -> Result<(), StoreFout> {
    audit::log(
        conn,
        &Logregel {
            tijdstip: h.tijdstip,
            actor: h.medewerker,
            actie,
            object: Some(object),
            doel: None,
            resultaat: Resultaat::Gelukt,
            details,
        },
    )?;
    Ok(())
}

/// One field error as a store error.
pub(crate) fn fout(veld: &'static str, f: impl Into<DomeinFout>) -> StoreFout {
    StoreFout::Validatie(vec![Veldfout::new(veld, f.into())])
}

/// The tables that get generated ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdSoort {
    /// `I-000001`.
    Inwoner,
    /// `M-000001`.
    Melding,
    /// `VW-000001`.
    Verwijzing,
    /// `T-000001`.
    Toekenning,
}

impl IdSoort {
    fn tabel_en_prefix(self) -> (&'static str, &'static str) {
        match self {
            IdSoort::Inwoner => ("inwoner", "I-"),
            IdSoort::Melding => ("melding", "M-"),
            IdSoort::Verwijzing => ("verwijzing", "VW-"),
            IdSoort::Toekenning => ("toekenning", "T-"),
        }
    }
}

/// The next free identifier of `soort` (see the module documentation).
pub fn volgend_id(conn: &Connection, soort: IdSoort) -> Result<String, StoreFout> {
    let (tabel, prefix) = soort.tabel_en_prefix();
    let hoogste: i64 = conn.query_row(
        &format!(
            "SELECT coalesce(max(CAST(substr(id, ?2) AS INTEGER)), 0) FROM {tabel} WHERE id GLOB ?1"
        ),
        params![format!("{prefix}[0-9]*"), prefix.len() as i64 + 1],
        |r| r.get(0),
    )?;
    let mut n = hoogste + 1;
    loop {
        let id = format!("{prefix}{n:06}");
        let bestaat: bool = conn.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM {tabel} WHERE id = ?1)"),
            [&id],
            |r| r.get(0),
        )?;
        if !bestaat {
            return Ok(id);
        }
        n += 1;
    }
}

fn bestaat(conn: &Connection, tabel: &str, id: &str) -> Result<bool, StoreFout> {
    Ok(conn.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {tabel} WHERE id = ?1)"),
        [id],
        |r| r.get(0),
    )?)
}

fn moet_bestaan(
    conn: &Connection,
    tabel: &str,
    veld: &'static str,
    id: &str,
) -> Result<(), StoreFout> {
    if bestaat(conn, tabel, id)? {
        Ok(())
    } else {
        Err(fout(veld, KlantreisFout::Onbekend(id.to_owned())))
    }
}

fn tekst_controle(fouten: &mut Vec<Veldfout>, veld: &'static str, tekst: &str, verplicht: bool) {
    let lengte = tekst.chars().count();
    if verplicht && tekst.trim().is_empty() {
        fouten.push(Veldfout::new(veld, DomeinFout::Leeg));
    } else if lengte > MAX_TEKST {
        fouten.push(Veldfout::new(
            veld,
            DomeinFout::TeLang {
                lengte,
                max: MAX_TEKST,
            },
        ));
    }
}

fn klaar(fouten: Vec<Veldfout>) -> Result<(), StoreFout> {
    if fouten.is_empty() {
        Ok(())
    } else {
        Err(StoreFout::Validatie(fouten))
    }
}

// ---------------------------------------------------------------- inwoner

/// A new resident as typed in the form (BSN and date of birth as text, so
/// the check can name what is wrong).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NieuweInwoner {
    /// BSN; empty when unknown.
    pub bsn: String,
    /// First name(s).
    pub voornaam: String,
    /// Last name.
    pub achternaam: String,
    /// Date of birth, `jjjj-mm-dd` or `dd-mm-jjjj`.
    pub geboortedatum: String,
    /// Gender.
    pub geslacht: Option<Geslacht>,
    /// Household identifier; `None` starts a new household (`H-` + the resident's id).
    pub huishouden: Option<String>,
    /// The wijkteam of the address.
    pub wijkteam: Option<String>,
    /// Place of residence.
    pub woonplaats: String,
}

/// Why an existing resident may be the same person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DubbelReden {
    /// Same BSN.
    Bsn,
    /// Same last name (case-insensitive) and date of birth.
    NaamEnGeboortedatum,
}

/// A resident that may be a duplicate of the one being entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MogelijkDubbel {
    /// The existing resident's id.
    pub id: String,
    /// "Voornaam Achternaam".
    pub naam: String,
    /// Date of birth.
    pub geboortedatum: NaiveDate,
    /// Why it matches.
    pub reden: DubbelReden,
}

/// Residents that may be the same person: same BSN, or same last name and
/// date of birth. Shown before saving a new resident.
pub fn mogelijke_dubbelen(
    conn: &Connection,
    bsn: Option<&Bsn>,
    achternaam: &str,
    geboortedatum: NaiveDate,
) -> Result<Vec<MogelijkDubbel>, StoreFout> {
    let mut stmt = conn.prepare(
        "SELECT id, voornaam, achternaam, geboortedatum, bsn IS NOT NULL AND bsn = ?1 FROM inwoner
         WHERE (?1 IS NOT NULL AND bsn = ?1)
            OR (achternaam = ?2 COLLATE NOCASE AND geboortedatum = ?3)
         ORDER BY achternaam COLLATE NOCASE, voornaam COLLATE NOCASE, id",
    )?;
    let rijen = stmt.query_map(
        params![bsn.map(Bsn::as_str), achternaam.trim(), iso(geboortedatum)],
        |r| {
            let voornaam: String = r.get(1)?;
            let achternaam: String = r.get(2)?;
            let zelfde_bsn: bool = r.get(4)?;
            Ok(MogelijkDubbel {
                id: r.get(0)?,
                naam: if voornaam.is_empty() {
                    achternaam
                } else {
                    format!("{voornaam} {achternaam}")
                },
                geboortedatum: kolom::datum(r, 3)?,
                reden: if zelfde_bsn {
                    DubbelReden::Bsn
                } else {
                    DubbelReden::NaamEnGeboortedatum
                },
            })
        },
    )?;
    Ok(rijen.collect::<Result<_, _>>()?)
}

/// Parses a date typed as `jjjj-mm-dd` or `dd-mm-jjjj`.
fn datum_invoer(tekst: &str) -> Option<NaiveDate> {
    let t = tekst.trim();
    parse_iso(t).or_else(|| crate::domain::datum::parse_nl(t))
}

/// Adds a resident after checking BSN and date of birth (not after
/// `vandaag`). A BSN already in the register is refused; a resident with the
/// same last name and date of birth is not (the form shows
/// [`mogelijke_dubbelen`] first). Returns the new id.
pub fn inwoner_toevoegen(
    conn: &Connection,
    h: Handeling<'_>,
    invoer: &NieuweInwoner,
    vandaag: NaiveDate,
) -> Result<String, StoreFout> {
    let mut fouten = Vec::new();
    let bsn = if invoer.bsn.trim().is_empty() {
        None
    } else {
        match Bsn::parse(invoer.bsn.trim()) {
            Ok(b) => Some(b),
            Err(e) => {
                fouten.push(Veldfout::new("bsn", DomeinFout::Bsn(e)));
                None
            }
        }
    };
    let geboortedatum = match datum_invoer(&invoer.geboortedatum) {
        Some(d) if d > vandaag => {
            fouten.push(Veldfout::new(
                "geboortedatum",
                KlantreisFout::InDeToekomst(d).into(),
            ));
            None
        }
        Some(d) => Some(d),
        None if invoer.geboortedatum.trim().is_empty() => {
            fouten.push(Veldfout::new("geboortedatum", DomeinFout::Verplicht));
            None
        }
        None => {
            fouten.push(Veldfout::new(
                "geboortedatum",
                DomeinFout::Datum(invoer.geboortedatum.clone()),
            ));
            None
        }
    };
    transactie::voer_uit(conn, |tx| {
        let id = volgend_id(tx, IdSoort::Inwoner)?;
        let record = Inwoner {
            id: id.clone(),
            bsn: bsn.clone(),
            voornaam: invoer.voornaam.trim().to_owned(),
            achternaam: invoer.achternaam.trim().to_owned(),
            geboortedatum: geboortedatum.unwrap_or(vandaag),
            geslacht: invoer.geslacht,
            huishouden: invoer
                .huishouden
                .clone()
                .unwrap_or_else(|| format!("H-{id}")),
            wijkteam: invoer.wijkteam.clone(),
            woonplaats: invoer.woonplaats.trim().to_owned(),
        };
        if let Err(f) = record.valideer() {
            fouten.extend(f);
        }
        if let Some(wijkteam) = &invoer.wijkteam
            && !bestaat(tx, "wijkteam", wijkteam)?
        {
            fouten.push(Veldfout::new(
                "wijkteam",
                KlantreisFout::Onbekend(wijkteam.clone()).into(),
            ));
        }
        if let (Some(bsn), Some(geboren)) = (&bsn, geboortedatum)
            && let Some(dubbel) = mogelijke_dubbelen(tx, Some(bsn), &record.achternaam, geboren)?
                .into_iter()
                .find(|d| d.reden == DubbelReden::Bsn)
        {
            fouten.push(Veldfout::new(
                "bsn",
                KlantreisFout::BsnBekend(dubbel.id).into(),
            ));
        }
        klaar(fouten)?;
        voeg_in(tx, &Record::Inwoner(record))?;
        log(tx, h, "inwoner-toevoegen", &format!("inwoner:{id}"), None)?;
        Ok(id)
    })
}

// ---------------------------------------------------------------- melding

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
pub fn melding(conn: &Connection, id: &str) -> Result<MeldingKern, StoreFout> {
    let kern = conn
        .query_row(
            "SELECT id, inwoner, datum, wet, vraag, spoed, aanvraag, afgesloten, uitkomst FROM melding WHERE id = ?1",
            [id],
            |r| {
                Ok(MeldingKern {
                    id: r.get(0)?,
                    inwoner: r.get(1)?,
                    datum: kolom::datum(r, 2)?,
                    wet: kolom::optie_lijst(r, 3, Wet::parse)?,
                    vraag: r.get(4)?,
                    spoed: r.get(5)?,
                    aanvraag: kolom::optie_datum(r, 6)?,
                    afgesloten: kolom::optie_datum(r, 7)?,
                    uitkomst: kolom::optie_lijst(r, 8, MeldingUitkomst::parse)?,
                    leefgebieden: Vec::new(),
                })
            },
        )
        .optional()?;
    let mut kern = kern.ok_or_else(|| StoreFout::NietGevonden(format!("melding {id}")))?;
    let mut stmt = conn.prepare("SELECT leefgebied FROM melding_leefgebied WHERE melding = ?1")?;
    let mut lijst: Vec<Leefgebied> = stmt
        .query_map([id], |r| kolom::lijst(r, 0, Leefgebied::parse))?
        .collect::<Result<_, _>>()?;
    lijst.sort();
    kern.leefgebieden = lijst;
    Ok(kern)
}

// ---------------------------------------------------------------- stappen

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
pub fn stappen(conn: &Connection, melding: &str) -> Result<Vec<StapRij>, StoreFout> {
    let mut stmt = conn.prepare(
        "SELECT id, stap, datum, medewerker, notitie, vastgelegd_op FROM klantreis_stap
         WHERE melding = ?1 ORDER BY id",
    )?;
    let rijen = stmt.query_map([melding], |r| {
        Ok(StapRij {
            id: r.get(0)?,
            stap: kolom::lijst(r, 1, Stap::parse)?,
            datum: kolom::datum(r, 2)?,
            medewerker: r.get(3)?,
            notitie: r.get(4)?,
            vastgelegd_op: r.get(5)?,
        })
    })?;
    Ok(rijen.collect::<Result<_, _>>()?)
}

/// What is still to do for a melding: the steps that may come next.
pub fn nog_te_doen(conn: &Connection, melding: &str) -> Result<Vec<Stap>, StoreFout> {
    let mut lijst: Vec<Stap> = stappen(conn, melding)?
        .into_iter()
        .map(|s| s.stap)
        .collect();
    if lijst.is_empty() {
        lijst = uit_uitwisseling(conn, melding)?
            .into_iter()
            .map(|(stap, _, _)| stap)
            .collect();
    }
    Ok(crate::domain::klantreis::nog_te_doen(&lijst))
}

/// The steps an imported melding (one without recorded steps) implies by
/// its exchange columns: the melding, the gesprek if dated, the afsluiting
/// if closed; with the date and the assigned medewerker.
fn uit_uitwisseling(
    conn: &Connection,
    melding: &str,
) -> Result<Vec<(Stap, NaiveDate, Option<String>)>, StoreFout> {
    let rij = conn
        .query_row(
            "SELECT datum, gesprek, afgesloten, medewerker FROM melding WHERE id = ?1",
            [melding],
            |r| {
                Ok((
                    kolom::datum(r, 0)?,
                    kolom::optie_datum(r, 1)?,
                    kolom::optie_datum(r, 2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            },
        )
        .optional()?;
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
fn stap_in(
    conn: &Connection,
    h: Handeling<'_>,
    melding: &str,
    s: &NieuweStap,
) -> Result<i64, StoreFout> {
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
    Stap::controleer_volgorde(vorige.as_ref().map(|v| v.stap), s.stap)
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
pub fn correcties(conn: &Connection, stap_id: i64) -> Result<Vec<CorrectieRij>, StoreFout> {
    let mut stmt = conn.prepare(
        "SELECT oude_datum, nieuwe_datum, oude_medewerker, nieuwe_medewerker, oude_notitie, nieuwe_notitie,
                door, tijdstip
         FROM klantreis_correctie WHERE stap = ?1 ORDER BY id",
    )?;
    let rijen = stmt.query_map([stap_id], |r| {
        Ok(CorrectieRij {
            oude_datum: kolom::datum(r, 0)?,
            nieuwe_datum: kolom::datum(r, 1)?,
            oude_medewerker: r.get(2)?,
            nieuwe_medewerker: r.get(3)?,
            oude_notitie: r.get(4)?,
            nieuwe_notitie: r.get(5)?,
            door: r.get(6)?,
            tijdstip: r.get(7)?,
        })
    })?;
    Ok(rijen.collect::<Result<_, _>>()?)
}

// ---------------------------------------------------------------- afweging

/// The afwegingsladder of a melding as saved (unanswered rungs stay open).
pub fn afweging(conn: &Connection, melding: &str) -> Result<Afwegingsladder, StoreFout> {
    let mut ladder = Afwegingsladder::default();
    let mut stmt =
        conn.prepare("SELECT trede, lost_op, toelichting FROM afweging_trede WHERE melding = ?1")?;
    let rijen = stmt.query_map([melding], |r| {
        Ok((
            kolom::lijst(r, 0, TredeSoort::parse)?,
            r.get::<_, bool>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    for rij in rijen {
        let (soort, lost_op, toelichting) = rij?;
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

// ---------------------------------------------------------------- voorziening lookups

/// What the store knows of a provision for the checks.
struct VoorzieningInfo {
    naam: String,
    soort: VoorzieningSoort,
    wet: Option<Wet>,
    beeindigd_op: Option<NaiveDate>,
}

fn voorziening_info(
    conn: &Connection,
    veld: &'static str,
    id: &str,
) -> Result<VoorzieningInfo, StoreFout> {
    conn.query_row(
        "SELECT naam, soort, wet, beeindigd_op FROM voorziening WHERE id = ?1",
        [id],
        |r| {
            Ok(VoorzieningInfo {
                naam: r.get(0)?,
                soort: kolom::lijst(r, 1, VoorzieningSoort::parse)?,
                wet: kolom::optie_lijst(r, 2, Wet::parse)?,
                beeindigd_op: kolom::optie_datum(r, 3)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| fout(veld, KlantreisFout::Onbekend(id.to_owned())))
}

fn niet_beeindigd(info: &VoorzieningInfo, dag: NaiveDate) -> Result<(), StoreFout> {
    match info.beeindigd_op {
        Some(eind) if eind < dag => Err(fout(
            "voorziening",
            KlantreisFout::VoorzieningBeeindigd {
                voorziening: info.naam.clone(),
                datum: eind,
            },
        )),
        _ => Ok(()),
    }
}

// ---------------------------------------------------------------- verwijzing

fn verwijzing_in(
    conn: &Connection,
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
    // `voeg_in` wants a `Transaction`; every caller holds one on this connection.
    conn.execute(
        "INSERT INTO verwijzing (id, melding, voorziening, datum, status) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![record.id, record.melding, record.voorziening, iso(datum), record.status.code()],
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
pub fn verwijzing_maken(
    conn: &Connection,
    h: Handeling<'_>,
    melding: &str,
    voorziening: &str,
    datum: NaiveDate,
    notitie: &str,
) -> Result<String, StoreFout> {
    transactie::voer_uit(conn, |tx| {
        moet_bestaan(tx, "melding", "melding", melding)?;
        let id = verwijzing_in(tx, h, melding, voorziening, datum, notitie, None)?;
        Ok(id)
    })
}

/// Updates where a referral stands: started, finished (with date and
/// whether the question was solved), or not started.
pub fn verwijzing_bijwerken(
    conn: &Connection,
    h: Handeling<'_>,
    id: &str,
    status: VerwijzingStatus,
    afgerond_op: Option<NaiveDate>,
    opgelost: Option<bool>,
) -> Result<(), StoreFout> {
    transactie::voer_uit(conn, |tx| {
        let bestaand = tx
            .query_row(
                "SELECT melding, voorziening, datum FROM verwijzing WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        kolom::datum(r, 2)?,
                    ))
                },
            )
            .optional()?
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
            params![id, status.code(), afgerond_op.map(iso), opgelost],
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

// ---------------------------------------------------------------- aanvraag en besluit

/// Records the date of a formal aanvraag on a melding; the decision
/// deadline runs from it until a besluit is taken.
pub fn aanvraag_registreren(
    conn: &Connection,
    h: Handeling<'_>,
    melding: &str,
    datum: NaiveDate,
) -> Result<(), StoreFout> {
    transactie::voer_uit(conn, |tx| {
        let kern = self::melding(tx, melding)?;
        if datum < kern.datum {
            return Err(fout(
                "aanvraag",
                DomeinFout::DatumVoor {
                    datum,
                    eerder_veld: "datum van de melding",
                    eerder: kern.datum,
                },
            ));
        }
        tx.execute(
            "UPDATE melding SET aanvraag = ?2 WHERE id = ?1",
            params![melding, iso(datum)],
        )?;
        log(
            tx,
            h,
            "aanvraag-registreren",
            &format!("melding:{melding}"),
            None,
        )?;
        Ok(())
    })
}

/// A decision on a maatwerkvoorziening as the form gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct NieuwBesluit {
    /// The melding it answers.
    pub melding: String,
    /// The maatwerk provision.
    pub voorziening: String,
    /// The provider (matched care).
    pub aanbieder: Option<String>,
    /// The contract; when absent, the provider's active contract for the law is taken.
    pub contract: Option<String>,
    /// Date of the aanvraag (default: the melding's registered aanvraag).
    pub aanvraag: Option<NaiveDate>,
    /// Date of the decision.
    pub besluit: NaiveDate,
    /// Granted or refused.
    pub uitkomst: BesluitUitkomst,
    /// Why refused (required when refused).
    pub reden_afwijzing: Option<String>,
    /// Actual start (absent while the resident waits).
    pub start: Option<NaiveDate>,
    /// Planned end of the period.
    pub eind: Option<NaiveDate>,
    /// Natura or pgb.
    pub leveringsvorm: Leveringsvorm,
    /// Amount, e.g. 3.
    pub volume: Option<f64>,
    /// Its unit, e.g. "uur per week".
    pub volume_eenheid: Option<String>,
    /// Under the Doorbraakmethode.
    pub doorbraak: bool,
    /// The worker confirmed a maatwerkcontract for a provider without an active contract.
    pub maatwerkcontract_bevestigd: bool,
    /// Note for the klantreis step.
    pub notitie: String,
}

/// The active contract of `aanbieder` under `wet` on `dag` (raamcontract first).
pub fn actief_contract(
    conn: &Connection,
    aanbieder: &str,
    wet: Wet,
    dag: NaiveDate,
) -> Result<Option<String>, StoreFout> {
    Ok(conn
        .query_row(
            "SELECT id FROM contract WHERE aanbieder = ?1 AND wet = ?2 AND van <= ?3 AND (tot IS NULL OR tot >= ?3)
             ORDER BY soort = 'raamcontract' DESC, van DESC, id LIMIT 1",
            params![aanbieder, wet.code(), iso(dag)],
            |r| r.get(0),
        )
        .optional()?)
}

fn besluit_in(
    tx: &Transaction<'_>,
    h: Handeling<'_>,
    b: &NieuwBesluit,
    vorige: Option<&str>,
) -> Result<String, StoreFout> {
    let kern = melding(tx, &b.melding)?;
    let afweging = afweging(tx, &b.melding)?
        .voor_maatwerk()
        .map_err(StoreFout::Validatie)?;
    let info = voorziening_info(tx, "voorziening", &b.voorziening)?;
    if info.soort != VoorzieningSoort::Maatwerk {
        return Err(fout(
            "voorziening",
            KlantreisFout::VerkeerdeSoort {
                voorziening: info.naam,
                soort: info.soort.label(),
                verwacht: VoorzieningSoort::Maatwerk.label(),
            },
        ));
    }
    niet_beeindigd(&info, b.besluit)?;
    let Some(wet) = info.wet else {
        return Err(fout("voorziening", DomeinFout::WetVerplichtVoorMaatwerk));
    };
    let mut fouten = Vec::new();
    tekst_controle(&mut fouten, "notitie", &b.notitie, false);
    let reden = b
        .reden_afwijzing
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    match (b.uitkomst, reden) {
        (BesluitUitkomst::Afgewezen, None) => {
            fouten.push(Veldfout::new(
                "reden_afwijzing",
                KlantreisFout::RedenAfwijzingVerplicht.into(),
            ));
        }
        (BesluitUitkomst::Afgewezen, Some(r)) => {
            tekst_controle(&mut fouten, "reden_afwijzing", r, true);
        }
        (BesluitUitkomst::Toegekend, _) => {}
    }
    let eenheid = b
        .volume_eenheid
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty());
    match (b.volume, eenheid) {
        (None, None) => {}
        (Some(v), Some(_)) if v.is_finite() && v > 0.0 => {}
        _ => fouten.push(Veldfout::new("volume", KlantreisFout::Volume.into())),
    }
    // Provider and contract (matched care): same provider, same law, active.
    let mut aanbieder = b.aanbieder.clone();
    let mut contract = b.contract.clone();
    let peildag = b.start.unwrap_or(b.besluit);
    if let Some(c) = &b.contract {
        let gegevens = tx
            .query_row(
                "SELECT aanbieder, wet, van, tot FROM contract WHERE id = ?1",
                [c],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        kolom::lijst(r, 1, Wet::parse)?,
                        kolom::datum(r, 2)?,
                        kolom::optie_datum(r, 3)?,
                    ))
                },
            )
            .optional()?;
        match gegevens {
            None => fouten.push(Veldfout::new(
                "contract",
                KlantreisFout::Onbekend(c.clone()).into(),
            )),
            Some((c_aanbieder, c_wet, van, tot)) => {
                if let Some(a) = &aanbieder
                    && *a != c_aanbieder
                {
                    fouten.push(Veldfout::new(
                        "contract",
                        KlantreisFout::ContractPastNiet {
                            contract: c.clone(),
                            bij: format!("aanbieder '{c_aanbieder}'"),
                            verwacht: format!("aanbieder '{a}'"),
                        }
                        .into(),
                    ));
                }
                if c_wet != wet {
                    fouten.push(Veldfout::new(
                        "contract",
                        KlantreisFout::ContractPastNiet {
                            contract: c.clone(),
                            bij: format!("de {}", c_wet.label()),
                            verwacht: format!("de {}", wet.label()),
                        }
                        .into(),
                    ));
                }
                let actief = van <= peildag && tot.is_none_or(|t| t >= peildag);
                if !actief
                    && b.uitkomst == BesluitUitkomst::Toegekend
                    && !b.maatwerkcontract_bevestigd
                {
                    fouten.push(Veldfout::new(
                        "contract",
                        KlantreisFout::MaatwerkcontractBevestigen {
                            aanbieder: c_aanbieder.clone(),
                            wet: wet.label(),
                            datum: peildag,
                        }
                        .into(),
                    ));
                }
                aanbieder.get_or_insert(c_aanbieder);
            }
        }
    } else if let Some(a) = &aanbieder {
        if !bestaat(tx, "aanbieder", a)? {
            fouten.push(Veldfout::new(
                "aanbieder",
                KlantreisFout::Onbekend(a.clone()).into(),
            ));
        } else if b.uitkomst == BesluitUitkomst::Toegekend {
            contract = actief_contract(tx, a, wet, peildag)?;
            if contract.is_none() && !b.maatwerkcontract_bevestigd {
                fouten.push(Veldfout::new(
                    "aanbieder",
                    KlantreisFout::MaatwerkcontractBevestigen {
                        aanbieder: a.clone(),
                        wet: wet.label(),
                        datum: peildag,
                    }
                    .into(),
                ));
            }
        }
    }
    let id = volgend_id(tx, IdSoort::Toekenning)?;
    let record = Toekenning {
        id: id.clone(),
        inwoner: kern.inwoner.clone(),
        voorziening: b.voorziening.clone(),
        aanbieder,
        contract,
        melding: Some(b.melding.clone()),
        verwijzer: Verwijzer::Gemeente,
        aanvraag: b.aanvraag.or(kern.aanvraag),
        besluit: b.besluit,
        uitkomst: b.uitkomst,
        start: b.start,
        eind: b.eind,
        leveringsvorm: b.leveringsvorm,
        doorbraak: b.doorbraak,
        reden_einde: None,
        afweging: Some(afweging),
    };
    if let Err(f) = record.valideer_nieuw_besluit() {
        fouten.extend(f);
    }
    klaar(fouten)?;
    voeg_in(tx, &Record::Toekenning(record))?;
    tx.execute(
        "UPDATE toekenning SET vorige = ?2, volume = ?3, volume_eenheid = ?4, reden_afwijzing = ?5 WHERE id = ?1",
        params![
            id,
            vorige,
            b.volume.filter(|_| eenheid.is_some()),
            eenheid.filter(|_| b.volume.is_some()),
            reden.filter(|_| b.uitkomst == BesluitUitkomst::Afgewezen)
        ],
    )?;
    // Op- en afschalen may follow after the melding was closed with the
    // outcome maatwerk; the new decision then adds no step.
    if vorige.is_none() || kern.afgesloten.is_none() {
        stap_in(
            tx,
            h,
            &b.melding,
            &NieuweStap {
                stap: Stap::AanvraagBesluit,
                datum: b.besluit,
                medewerker: h.medewerker.to_owned(),
                notitie: b.notitie.clone(),
                uitkomst: None,
            },
        )?;
    }
    log(
        tx,
        h,
        "besluit",
        &format!("melding:{}", b.melding),
        Some(&format!("toekenning {id}: {}", b.uitkomst.code())),
    )?;
    Ok(id)
}

/// Takes a decision on a maatwerkvoorziening (step 5b): only after the
/// full afwegingsladder with no rung solving the need; the provision must
/// be maatwerk; the contract of the same provider and law, active on the
/// start (or decision) date, or a confirmed maatwerkcontract. Returns the
/// toekenning's id.
pub fn besluit_nemen(
    conn: &Connection,
    h: Handeling<'_>,
    b: &NieuwBesluit,
) -> Result<String, StoreFout> {
    transactie::voer_uit(conn, |tx| {
        let id = besluit_in(tx, h, b, None)?;
        Ok(id)
    })
}

/// What the store keeps of a toekenning beyond the exchange record.
#[derive(Debug, Clone, PartialEq)]
pub struct ToekenningRij {
    /// The exchange record.
    pub toekenning: Toekenning,
    /// The decision it replaced (op- en afschalen).
    pub vorige: Option<String>,
    /// Amount.
    pub volume: Option<f64>,
    /// Its unit.
    pub volume_eenheid: Option<String>,
    /// Why refused.
    pub reden_afwijzing: Option<String>,
}

/// Reads a toekenning.
pub fn toekenning(conn: &Connection, id: &str) -> Result<ToekenningRij, StoreFout> {
    conn.query_row(
        "SELECT id, inwoner, voorziening, aanbieder, contract, melding, verwijzer, aanvraag, besluit, uitkomst,
                start, eind, leveringsvorm, doorbraak, reden_einde, afweging_eigen_kracht, afweging_netwerk,
                afweging_algemene_voorziening, afweging_voorliggende_voorziening, vorige, volume,
                volume_eenheid, reden_afwijzing
         FROM toekenning WHERE id = ?1",
        [id],
        |r| {
            let ek: Option<String> = r.get(15)?;
            let afweging = match ek {
                None => None,
                Some(eigen_kracht) => Some(crate::domain::Afweging {
                    eigen_kracht,
                    netwerk: r.get(16)?,
                    algemene_voorziening: r.get(17)?,
                    voorliggende_voorziening: r.get(18)?,
                }),
            };
            Ok(ToekenningRij {
                toekenning: Toekenning {
                    id: r.get(0)?,
                    inwoner: r.get(1)?,
                    voorziening: r.get(2)?,
                    aanbieder: r.get(3)?,
                    contract: r.get(4)?,
                    melding: r.get(5)?,
                    verwijzer: kolom::lijst(r, 6, Verwijzer::parse)?,
                    aanvraag: kolom::optie_datum(r, 7)?,
                    besluit: kolom::datum(r, 8)?,
                    uitkomst: kolom::lijst(r, 9, BesluitUitkomst::parse)?,
                    start: kolom::optie_datum(r, 10)?,
                    eind: kolom::optie_datum(r, 11)?,
                    leveringsvorm: kolom::lijst(r, 12, Leveringsvorm::parse)?,
                    doorbraak: r.get(13)?,
                    reden_einde: kolom::optie_lijst(r, 14, RedenEinde::parse)?,
                    afweging,
                },
                vorige: r.get(19)?,
                volume: r.get(20)?,
                volume_eenheid: r.get(21)?,
                reden_afwijzing: r.get(22)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| StoreFout::NietGevonden(format!("toekenning {id}")))
}

/// Op- en afschalen: ends the running toekenning `oude` on `dag` with
/// reason `herbeoordeling` and starts the new decision on the same day,
/// linked to it (`vorige`). Both or neither are stored. Returns the new id.
pub fn herbeoordelen(
    conn: &Connection,
    h: Handeling<'_>,
    oude: &str,
    dag: NaiveDate,
    nieuw: &NieuwBesluit,
) -> Result<String, StoreFout> {
    transactie::voer_uit(conn, |tx| {
        let oud = toekenning(tx, oude)?.toekenning;
        if melding(tx, &nieuw.melding)?.inwoner != oud.inwoner {
            return Err(fout(
                "melding",
                KlantreisFout::AndereInwoner(nieuw.melding.clone()),
            ));
        }
        if !oud.lopend_op(dag) {
            return Err(fout(
                "toekenning",
                KlantreisFout::ToekenningLooptNiet(oude.to_owned()),
            ));
        }
        if nieuw.uitkomst != BesluitUitkomst::Toegekend {
            return Err(fout(
                "uitkomst",
                DomeinFout::NietInLijst {
                    waarde: nieuw.uitkomst.code().into(),
                    toegestaan: "'toegekend'".into(),
                },
            ));
        }
        tx.execute(
            "UPDATE toekenning SET eind = ?2, reden_einde = ?3 WHERE id = ?1",
            params![oude, iso(dag), RedenEinde::Herbeoordeling.code()],
        )?;
        let mut besluit = nieuw.clone();
        besluit.start = Some(dag);
        let id = besluit_in(tx, h, &besluit, Some(oude))?;
        log(
            tx,
            h,
            "herbeoordelen",
            &format!("melding:{}", nieuw.melding),
            Some(&format!("toekenning {oude} vervangen door {id}")),
        )?;
        Ok(id)
    })
}

/// Records the actual start of a granted provision (the wait ends).
pub fn levering_gestart(
    conn: &Connection,
    h: Handeling<'_>,
    id: &str,
    start: NaiveDate,
) -> Result<(), StoreFout> {
    transactie::voer_uit(conn, |tx| {
        let oud = toekenning(tx, id)?.toekenning;
        if oud.uitkomst != BesluitUitkomst::Toegekend || oud.start.is_some() {
            return Err(fout(
                "start",
                KlantreisFout::ToekenningLooptNiet(id.to_owned()),
            ));
        }
        if start < oud.besluit {
            return Err(fout(
                "start",
                DomeinFout::DatumVoor {
                    datum: start,
                    eerder_veld: "besluit",
                    eerder: oud.besluit,
                },
            ));
        }
        tx.execute(
            "UPDATE toekenning SET start = ?2 WHERE id = ?1",
            params![id, iso(start)],
        )?;
        log(tx, h, "levering-gestart", &format!("toekenning:{id}"), None)?;
        Ok(())
    })
}

/// Ends a granted toekenning on `eind`; the reason is required.
pub fn toekenning_beeindigen(
    conn: &Connection,
    h: Handeling<'_>,
    id: &str,
    eind: NaiveDate,
    reden: Option<RedenEinde>,
) -> Result<(), StoreFout> {
    let Some(reden) = reden else {
        return Err(fout("reden_einde", KlantreisFout::RedenEindeVerplicht));
    };
    transactie::voer_uit(conn, |tx| {
        let oud = toekenning(tx, id)?.toekenning;
        if oud.uitkomst != BesluitUitkomst::Toegekend || oud.reden_einde.is_some() {
            return Err(fout(
                "toekenning",
                KlantreisFout::ToekenningLooptNiet(id.to_owned()),
            ));
        }
        if let Some(start) = oud.start
            && eind < start
        {
            return Err(fout(
                "eind",
                DomeinFout::DatumVoor {
                    datum: eind,
                    eerder_veld: "start",
                    eerder: start,
                },
            ));
        }
        tx.execute(
            "UPDATE toekenning SET eind = ?2, reden_einde = ?3 WHERE id = ?1",
            params![id, iso(eind), reden.code()],
        )?;
        log(
            tx,
            h,
            "toekenning-beeindigen",
            &format!("toekenning:{id}"),
            Some(reden.code()),
        )?;
        Ok(())
    })
}

// ---------------------------------------------------------------- matched care

/// A provider of a fitting provision and its contract on the day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AanbiederOptie {
    /// Provider id.
    pub aanbieder: String,
    /// Provider name.
    pub naam: String,
    /// The contract for the law active on the day; `None`: a maatwerkcontract must be confirmed.
    pub actief_contract: Option<String>,
}

/// A provision of the sociale kaart that fits the melding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassendeVoorziening {
    /// Provision id.
    pub id: String,
    /// Name.
    pub naam: String,
    /// Algemeen, voorliggend or maatwerk.
    pub soort: VoorzieningSoort,
    /// The law.
    pub wet: Option<Wet>,
    /// National category.
    pub categorie: Option<String>,
    /// How many of the asked life domains it answers.
    pub gedeelde_leefgebieden: u32,
    /// Its providers.
    pub aanbieders: Vec<AanbiederOptie>,
}

/// Matched care: the provisions (not ended on `dag`) that answer at least
/// one of `leefgebieden` (all, when none are given) and fall under `wet`
/// (an algemene or voorliggende voorziening without law fits any law).
/// Order: algemene voorzieningen first, then voorliggende, then maatwerk;
/// within a kind the most shared life domains first, then by name. Each
/// with its providers and whether a contract for the law runs on `dag`.
pub fn passende_voorzieningen(
    conn: &Connection,
    wet: Option<Wet>,
    leefgebieden: &[Leefgebied],
    dag: NaiveDate,
) -> Result<Vec<PassendeVoorziening>, StoreFout> {
    let codes: Vec<&str> = leefgebieden.iter().map(|l| l.code()).collect();
    let codes_json = serde_json::to_string(&codes).unwrap_or_else(|_| "[]".to_owned());
    let mut stmt = conn.prepare(
        "SELECT v.id, v.naam, v.soort, v.wet, v.categorie,
                (SELECT count(*) FROM voorziening_leefgebied vl
                  WHERE vl.voorziening = v.id AND vl.leefgebied IN (SELECT value FROM json_each(?2))) AS gedeeld
         FROM voorziening v
         WHERE (v.beeindigd_op IS NULL OR v.beeindigd_op >= ?3)
           AND (?1 IS NULL OR v.wet = ?1 OR (v.wet IS NULL AND v.soort <> 'maatwerk'))
           AND (json_array_length(?2) = 0 OR gedeeld > 0)
         ORDER BY CASE v.soort WHEN 'algemeen' THEN 0 WHEN 'voorliggend' THEN 1 ELSE 2 END,
                  gedeeld DESC, v.naam COLLATE NOCASE, v.id",
    )?;
    let rijen = stmt.query_map(params![wet.map(Wet::code), codes_json, iso(dag)], |r| {
        Ok(PassendeVoorziening {
            id: r.get(0)?,
            naam: r.get(1)?,
            soort: kolom::lijst(r, 2, VoorzieningSoort::parse)?,
            wet: kolom::optie_lijst(r, 3, Wet::parse)?,
            categorie: r.get(4)?,
            gedeelde_leefgebieden: r.get(5)?,
            aanbieders: Vec::new(),
        })
    })?;
    let mut lijst: Vec<PassendeVoorziening> = rijen.collect::<Result<_, _>>()?;
    let mut aanb = conn.prepare(
        "SELECT a.id, a.naam FROM voorziening_aanbieder va JOIN aanbieder a ON a.id = va.aanbieder
         WHERE va.voorziening = ?1 ORDER BY a.naam COLLATE NOCASE, a.id",
    )?;
    for v in &mut lijst {
        let paren: Vec<(String, String)> = aanb
            .query_map([&v.id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        for (id, naam) in paren {
            let contract_wet = v.wet.or(wet);
            let actief_contract = match contract_wet {
                Some(w) => actief_contract(conn, &id, w, dag)?,
                None => None,
            };
            v.aanbieders.push(AanbiederOptie {
                aanbieder: id,
                naam,
                actief_contract,
            });
        }
    }
    Ok(lijst)
}

/// Matched care for a melding: [`passende_voorzieningen`] for its law and
/// life domains on `dag`.
pub fn passende_voorzieningen_voor_melding(
    conn: &Connection,
    melding: &str,
    dag: NaiveDate,
) -> Result<Vec<PassendeVoorziening>, StoreFout> {
    let kern = self::melding(conn, melding)?;
    passende_voorzieningen(conn, kern.wet, &kern.leefgebieden, dag)
}
