//! Keeping the sociale kaart (the beheerder's work): provisions with their
//! life domains and providers, providers, and contracts.
//!
//! Every change is one transaction with an audit row (`voorziening-…`,
//! `aanbieder-…`, `contract-…`). A provision in use (referenced by a
//! toekenning, verwijzing or melding) is ended (`beeindigd_op`), never
//! deleted, and its kind and law stay as they are; an unused provision may
//! be deleted. A contract referenced by a toekenning keeps its provider and
//! law. New records go in through `store::schrijven::voeg_in`.
//!
//! A provider has no end date of its own (neither the table nor exchange
//! format v1 has one), so ending a provider on a day D ends its contracts:
//! every contract running on D (started on or before D, no end or an end
//! after D) gets D as its last day. Contracts that already ended on or
//! before D stay as they are. A contract that only starts after D is not
//! silently changed or removed: the whole action is refused, naming that
//! contract, so the beheerder changes it first or picks a later day. A
//! provider with nothing running on D is refused too ("heeft geen lopend
//! contract"). Decisions (toekenningen) under those contracts are not
//! touched; they are ended through the klantreis.

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::klantreis::{Handeling, fout, log};
use super::schrijven::voeg_in;
use super::transactie;
use super::{StoreFout, kolom};
use crate::domain::datum::iso;
use crate::domain::klantreis::{KlantreisFout, Leefgebied};
use crate::domain::{Aanbieder, Contract, DomeinFout, Record, Veldfout, Voorziening, Wet};

/// A provision as the beheer form gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct VoorzieningInvoer {
    /// The exchange record (id, name, kind, law, category, tags).
    pub voorziening: Voorziening,
    /// The life domains it answers (for matched care).
    pub leefgebieden: Vec<Leefgebied>,
    /// The providers that deliver it.
    pub aanbieders: Vec<String>,
}

fn controleer(conn: &Connection, invoer: &VoorzieningInvoer) -> Result<(), StoreFout> {
    let mut fouten = invoer.voorziening.valideer().err().unwrap_or_default();
    for a in &invoer.aanbieders {
        let bestaat: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM aanbieder WHERE id = ?1)",
            [a],
            |r| r.get(0),
        )?;
        if !bestaat {
            fouten.push(Veldfout::new(
                "aanbieders",
                KlantreisFout::Onbekend(a.clone()).into(),
            ));
        }
    }
    if fouten.is_empty() {
        Ok(())
    } else {
        Err(StoreFout::Validatie(fouten))
    }
}

fn koppelingen(conn: &Connection, invoer: &VoorzieningInvoer) -> Result<(), StoreFout> {
    let id = &invoer.voorziening.id;
    conn.execute(
        "DELETE FROM voorziening_leefgebied WHERE voorziening = ?1",
        [id],
    )?;
    conn.execute(
        "DELETE FROM voorziening_aanbieder WHERE voorziening = ?1",
        [id],
    )?;
    for l in &invoer.leefgebieden {
        conn.execute(
            "INSERT OR IGNORE INTO voorziening_leefgebied (voorziening, leefgebied) VALUES (?1, ?2)",
            params![id, l.code()],
        )?;
    }
    for a in &invoer.aanbieders {
        conn.execute(
            "INSERT OR IGNORE INTO voorziening_aanbieder (voorziening, aanbieder) VALUES (?1, ?2)",
            params![id, a],
        )?;
    }
    Ok(())
}

/// Adds a provision to the sociale kaart (a maatwerk provision under Wmo
/// or Jeugdwet needs its national category).
pub fn voorziening_toevoegen(
    conn: &Connection,
    h: Handeling<'_>,
    invoer: &VoorzieningInvoer,
) -> Result<(), StoreFout> {
    transactie::voer_uit(conn, |tx| {
        controleer(tx, invoer)?;
        let id = &invoer.voorziening.id;
        let bestaat: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM voorziening WHERE id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if bestaat {
            return Err(fout(
                "id",
                DomeinFout::NietInLijst {
                    waarde: id.clone(),
                    toegestaan: "een nieuw id".into(),
                },
            ));
        }
        voeg_in(tx, &Record::Voorziening(invoer.voorziening.clone()))?;
        koppelingen(tx, invoer)?;
        log(
            tx,
            h,
            "voorziening-toevoegen",
            &format!("voorziening:{id}"),
            None,
        )?;
        Ok(())
    })
}

/// Whether a provision is referenced by a toekenning, verwijzing or melding.
pub fn voorziening_in_gebruik(conn: &Connection, id: &str) -> Result<bool, StoreFout> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM toekenning WHERE voorziening = ?1)
             OR EXISTS (SELECT 1 FROM verwijzing WHERE voorziening = ?1)
             OR EXISTS (SELECT 1 FROM melding WHERE gevraagde_voorziening = ?1)",
        [id],
        |r| r.get(0),
    )?)
}

/// Changes a provision. Kind and law of a provision in use stay as they are.
pub fn voorziening_wijzigen(
    conn: &Connection,
    h: Handeling<'_>,
    invoer: &VoorzieningInvoer,
) -> Result<(), StoreFout> {
    transactie::voer_uit(conn, |tx| {
        controleer(tx, invoer)?;
        let v = &invoer.voorziening;
        let huidig: Option<(String, Option<String>)> =
            rusqlite::OptionalExtension::optional(tx.query_row(
                "SELECT soort, wet FROM voorziening WHERE id = ?1",
                [&v.id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            ))?;
        let Some((soort, wet)) = huidig else {
            return Err(StoreFout::NietGevonden(format!("voorziening {}", v.id)));
        };
        let zelfde = soort == v.soort.code() && wet.as_deref() == v.wet.map(Wet::code);
        if !zelfde && voorziening_in_gebruik(tx, &v.id)? {
            return Err(fout("soort", KlantreisFout::SoortVast(v.naam.clone())));
        }
        tx.execute(
            "UPDATE voorziening SET naam = ?2, soort = ?3, wet = ?4, categorie = ?5 WHERE id = ?1",
            params![
                v.id,
                v.naam,
                v.soort.code(),
                v.wet.map(Wet::code),
                v.categorie
            ],
        )?;
        tx.execute(
            "DELETE FROM voorziening_kenmerk WHERE voorziening = ?1",
            [&v.id],
        )?;
        for k in &v.kenmerken {
            tx.execute(
                "INSERT OR IGNORE INTO voorziening_kenmerk (voorziening, kenmerk) VALUES (?1, ?2)",
                params![v.id, k],
            )?;
        }
        koppelingen(tx, invoer)?;
        log(
            tx,
            h,
            "voorziening-wijzigen",
            &format!("voorziening:{}", v.id),
            None,
        )?;
        Ok(())
    })
}

/// Ends a provision on `datum` (its last day); it stays in the register
/// for the decisions and referrals that name it.
pub fn voorziening_beeindigen(
    conn: &Connection,
    h: Handeling<'_>,
    id: &str,
    datum: NaiveDate,
) -> Result<(), StoreFout> {
    transactie::voer_uit(conn, |tx| {
        let n = tx.execute(
            "UPDATE voorziening SET beeindigd_op = ?2 WHERE id = ?1",
            params![id, iso(datum)],
        )?;
        if n == 0 {
            return Err(StoreFout::NietGevonden(format!("voorziening {id}")));
        }
        log(
            tx,
            h,
            "voorziening-beeindigen",
            &format!("voorziening:{id}"),
            None,
        )?;
        Ok(())
    })
}

/// Deletes an unused provision; one in use is refused (end it instead).
pub fn voorziening_verwijderen(
    conn: &Connection,
    h: Handeling<'_>,
    id: &str,
) -> Result<(), StoreFout> {
    transactie::voer_uit(conn, |tx| {
        let naam: Option<String> = rusqlite::OptionalExtension::optional(tx.query_row(
            "SELECT naam FROM voorziening WHERE id = ?1",
            [id],
            |r| r.get(0),
        ))?;
        let Some(naam) = naam else {
            return Err(StoreFout::NietGevonden(format!("voorziening {id}")));
        };
        if voorziening_in_gebruik(tx, id)? {
            return Err(fout("voorziening", KlantreisFout::InGebruik(naam)));
        }
        for tabel in [
            "voorziening_kenmerk",
            "voorziening_leefgebied",
            "voorziening_aanbieder",
        ] {
            tx.execute(&format!("DELETE FROM {tabel} WHERE voorziening = ?1"), [id])?;
        }
        tx.execute("DELETE FROM voorziening WHERE id = ?1", [id])?;
        log(
            tx,
            h,
            "voorziening-verwijderen",
            &format!("voorziening:{id}"),
            None,
        )?;
        Ok(())
    })
}

/// Adds a provider.
pub fn aanbieder_toevoegen(
    conn: &Connection,
    h: Handeling<'_>,
    a: &Aanbieder,
) -> Result<(), StoreFout> {
    a.valideer().map_err(StoreFout::Validatie)?;
    transactie::voer_uit(conn, |tx| {
        voeg_in(tx, &Record::Aanbieder(a.clone()))?;
        log(
            tx,
            h,
            "aanbieder-toevoegen",
            &format!("aanbieder:{}", a.id),
            None,
        )?;
        Ok(())
    })
}

/// Changes a provider's name or Kamer van Koophandel number.
pub fn aanbieder_wijzigen(
    conn: &Connection,
    h: Handeling<'_>,
    a: &Aanbieder,
) -> Result<(), StoreFout> {
    a.valideer().map_err(StoreFout::Validatie)?;
    transactie::voer_uit(conn, |tx| {
        let n = tx.execute(
            "UPDATE aanbieder SET naam = ?2, kvk = ?3 WHERE id = ?1",
            params![a.id, a.naam, a.kvk],
        )?;
        if n == 0 {
            return Err(StoreFout::NietGevonden(format!("aanbieder {}", a.id)));
        }
        log(
            tx,
            h,
            "aanbieder-wijzigen",
            &format!("aanbieder:{}", a.id),
            None,
        )?;
        Ok(())
    })
}

/// Ends a provider on `tot`: every contract of it running on that day gets
/// `tot` as its last day, in one transaction with one audit row. Refused
/// (field `tot`) when a contract starts after `tot`, or when nothing runs
/// on `tot`. Returns the number of contracts ended.
pub fn aanbieder_beeindigen(
    conn: &Connection,
    h: Handeling<'_>,
    id: &str,
    tot: NaiveDate,
) -> Result<usize, StoreFout> {
    transactie::voer_uit(conn, |tx| {
        let naam: Option<String> = rusqlite::OptionalExtension::optional(tx.query_row(
            "SELECT naam FROM aanbieder WHERE id = ?1",
            [id],
            |r| r.get(0),
        ))?;
        let Some(naam) = naam else {
            return Err(StoreFout::NietGevonden(format!("aanbieder {id}")));
        };
        let dag = iso(tot);
        let later: Vec<(String, NaiveDate)> = tx
            .prepare(
                "SELECT id, van FROM contract WHERE aanbieder = ?1 AND van > ?2 ORDER BY van, id",
            )?
            .query_map(params![id, dag], |r| Ok((r.get(0)?, kolom::datum(r, 1)?)))?
            .collect::<Result<_, _>>()?;
        if !later.is_empty() {
            return Err(StoreFout::Validatie(
                later
                    .into_iter()
                    .map(|(contract, van)| {
                        Veldfout::new(
                            "tot",
                            KlantreisFout::ContractBegintLater { contract, van }.into(),
                        )
                    })
                    .collect(),
            ));
        }
        let lopend: Vec<String> = tx
            .prepare(
                "SELECT id FROM contract
              WHERE aanbieder = ?1 AND van <= ?2 AND (tot IS NULL OR tot > ?2)
              ORDER BY id",
            )?
            .query_map(params![id, dag], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if lopend.is_empty() {
            return Err(fout(
                "tot",
                KlantreisFout::GeenLopendContract {
                    aanbieder: naam,
                    datum: tot,
                },
            ));
        }
        for c in &lopend {
            tx.execute(
                "UPDATE contract SET tot = ?2 WHERE id = ?1",
                params![c, dag],
            )?;
        }
        log(
            tx,
            h,
            "aanbieder-beeindigen",
            &format!("aanbieder:{id}"),
            Some(&format!(
                "contracten beëindigd per {dag}: {}",
                lopend.join(", ")
            )),
        )?;
        Ok(lopend.len())
    })
}

fn contract_controle(conn: &Connection, c: &Contract) -> Result<(), StoreFout> {
    let mut fouten = c.valideer().err().unwrap_or_default();
    let bestaat: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM aanbieder WHERE id = ?1)",
        [&c.aanbieder],
        |r| r.get(0),
    )?;
    if !bestaat {
        fouten.push(Veldfout::new(
            "aanbieder",
            KlantreisFout::Onbekend(c.aanbieder.clone()).into(),
        ));
    }
    if fouten.is_empty() {
        Ok(())
    } else {
        Err(StoreFout::Validatie(fouten))
    }
}

/// Adds a contract (its end not before its start).
pub fn contract_toevoegen(
    conn: &Connection,
    h: Handeling<'_>,
    c: &Contract,
) -> Result<(), StoreFout> {
    transactie::voer_uit(conn, |tx| {
        contract_controle(tx, c)?;
        voeg_in(tx, &Record::Contract(c.clone()))?;
        log(
            tx,
            h,
            "contract-toevoegen",
            &format!("contract:{}", c.id),
            None,
        )?;
        Ok(())
    })
}

/// Changes a contract. One referenced by a toekenning keeps its provider and law.
pub fn contract_wijzigen(
    conn: &Connection,
    h: Handeling<'_>,
    c: &Contract,
) -> Result<(), StoreFout> {
    transactie::voer_uit(conn, |tx| {
        contract_controle(tx, c)?;
        let huidig: Option<(String, String)> =
            rusqlite::OptionalExtension::optional(tx.query_row(
                "SELECT aanbieder, wet FROM contract WHERE id = ?1",
                [&c.id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            ))?;
        let Some((aanbieder, wet)) = huidig else {
            return Err(StoreFout::NietGevonden(format!("contract {}", c.id)));
        };
        let in_gebruik: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM toekenning WHERE contract = ?1)",
            [&c.id],
            |r| r.get(0),
        )?;
        if in_gebruik && (aanbieder != c.aanbieder || wet != c.wet.code()) {
            return Err(fout(
                "aanbieder",
                KlantreisFout::SoortVast(format!("contract {}", c.id)),
            ));
        }
        tx.execute(
        "UPDATE contract SET aanbieder = ?2, wet = ?3, soort = ?4, van = ?5, tot = ?6 WHERE id = ?1",
        params![c.id, c.aanbieder, c.wet.code(), c.soort.code(), iso(c.van), c.tot.map(iso)],
    )?;
        log(
            tx,
            h,
            "contract-wijzigen",
            &format!("contract:{}", c.id),
            None,
        )?;
        Ok(())
    })
}

/// Ends a contract on `tot` (not before its start).
pub fn contract_beeindigen(
    conn: &Connection,
    h: Handeling<'_>,
    id: &str,
    tot: NaiveDate,
) -> Result<(), StoreFout> {
    transactie::voer_uit(conn, |tx| {
        let van: Option<String> = rusqlite::OptionalExtension::optional(tx.query_row(
            "SELECT van FROM contract WHERE id = ?1",
            [id],
            |r| r.get(0),
        ))?;
        let Some(van) = van.as_deref().and_then(crate::domain::datum::parse_iso) else {
            return Err(StoreFout::NietGevonden(format!("contract {id}")));
        };
        if tot < van {
            return Err(fout(
                "tot",
                DomeinFout::DatumVoor {
                    datum: tot,
                    eerder_veld: "van",
                    eerder: van,
                },
            ));
        }
        tx.execute(
            "UPDATE contract SET tot = ?2 WHERE id = ?1",
            params![id, iso(tot)],
        )?;
        log(
            tx,
            h,
            "contract-beeindigen",
            &format!("contract:{id}"),
            None,
        )?;
        Ok(())
    })
}

/// Links every provision to the providers that delivered it (a toekenning
/// with that provision and provider), where no link exists yet. Run at the
/// end of an import and of the demo data, inside their transaction: the
/// exchange format carries no links between provisions and providers, and
/// without them matched care would list no provider at all. One set-based
/// statement; a beheerder changes the links afterwards as usual.
pub fn koppel_geleverde_aanbieders(conn: &Connection) -> Result<usize, StoreFout> {
    Ok(conn.execute(
        "INSERT OR IGNORE INTO voorziening_aanbieder (voorziening, aanbieder)
         SELECT DISTINCT voorziening, aanbieder FROM toekenning WHERE aanbieder IS NOT NULL",
        [],
    )?)
}
