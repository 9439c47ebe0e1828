//! Keeping the sociale kaart (the beheerder's work): provisions with their
//! life domains and providers, providers, and contracts.
//!
//! Every change is one transaction with an audit row (`voorziening-…`,
//! `aanbieder-…`, `contract-…`). A provision in use (referenced by a
//! toekenning, verwijzing or melding) is ended (`beeindigd_op`), never
//! deleted, and its kind and law stay as they are; an unused provision may
//! be deleted. A contract referenced by a toekenning keeps its provider and
//! law. New records go in through `store::schrijven::schrijf`, the same
//! statements the import uses, on both engines ([`Db`]).
//!
//! On both engines: every action is one [`Db::transactie`], dates are
//! bound as ISO dates (a `date` column on PostgreSQL, ISO text on SQLite).
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

use super::StoreFout;
use super::db::Db;
use super::klantreis::{Handeling, fout, log};
use super::schrijven::schrijf;
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

/// Whether a row with `id` exists (`sql` asks `EXISTS` for `?1`).
fn bestaat(db: Db<'_>, sql: &str, id: &str) -> Result<bool, StoreFout> {
    db.query_one(sql, &[&id], |r| r.get(0))
}

fn controleer(db: Db<'_>, invoer: &VoorzieningInvoer) -> Result<(), StoreFout> {
    let mut fouten = invoer.voorziening.valideer().err().unwrap_or_default();
    for a in &invoer.aanbieders {
        if !bestaat(
            db,
            "SELECT EXISTS (SELECT 1 FROM aanbieder WHERE id = ?1)",
            a,
        )? {
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

fn koppelingen(db: Db<'_>, invoer: &VoorzieningInvoer) -> Result<(), StoreFout> {
    let id = &invoer.voorziening.id;
    db.execute(
        "DELETE FROM voorziening_leefgebied WHERE voorziening = ?1",
        &[id],
    )?;
    db.execute(
        "DELETE FROM voorziening_aanbieder WHERE voorziening = ?1",
        &[id],
    )?;
    for l in &invoer.leefgebieden {
        db.execute(
            "INSERT OR IGNORE INTO voorziening_leefgebied (voorziening, leefgebied) VALUES (?1, ?2)",
            &[id, &l.code()],
        )?;
    }
    for a in &invoer.aanbieders {
        db.execute(
            "INSERT OR IGNORE INTO voorziening_aanbieder (voorziening, aanbieder) VALUES (?1, ?2)",
            &[id, a],
        )?;
    }
    Ok(())
}

/// The tags of a provision: the stored ones replaced by `kenmerken`.
fn kenmerken(db: Db<'_>, id: &str, kenmerken: &[String]) -> Result<(), StoreFout> {
    db.execute(
        "DELETE FROM voorziening_kenmerk WHERE voorziening = ?1",
        &[&id],
    )?;
    for k in kenmerken {
        db.execute(
            "INSERT OR IGNORE INTO voorziening_kenmerk (voorziening, kenmerk) VALUES (?1, ?2)",
            &[&id, k],
        )?;
    }
    Ok(())
}

/// Adds a provision to the sociale kaart (a maatwerk provision under Wmo
/// or Jeugdwet needs its national category).
pub fn voorziening_toevoegen<'a>(
    db: impl Into<Db<'a>>,
    h: Handeling<'_>,
    invoer: &VoorzieningInvoer,
) -> Result<(), StoreFout> {
    db.into().transactie(|tx| {
        controleer(tx, invoer)?;
        let id = &invoer.voorziening.id;
        if bestaat(
            tx,
            "SELECT EXISTS (SELECT 1 FROM voorziening WHERE id = ?1)",
            id,
        )? {
            return Err(fout(
                "id",
                DomeinFout::NietInLijst {
                    waarde: id.clone(),
                    toegestaan: "een nieuw id".into(),
                },
            ));
        }
        schrijf(tx, &Record::Voorziening(invoer.voorziening.clone()))?;
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
pub fn voorziening_in_gebruik<'a>(db: impl Into<Db<'a>>, id: &str) -> Result<bool, StoreFout> {
    bestaat(
        db.into(),
        "SELECT EXISTS (SELECT 1 FROM toekenning WHERE voorziening = ?1)
             OR EXISTS (SELECT 1 FROM verwijzing WHERE voorziening = ?1)
             OR EXISTS (SELECT 1 FROM melding WHERE gevraagde_voorziening = ?1)",
        id,
    )
}

/// Changes a provision. Kind and law of a provision in use stay as they are.
pub fn voorziening_wijzigen<'a>(
    db: impl Into<Db<'a>>,
    h: Handeling<'_>,
    invoer: &VoorzieningInvoer,
) -> Result<(), StoreFout> {
    db.into().transactie(|tx| {
        controleer(tx, invoer)?;
        let v = &invoer.voorziening;
        let huidig: Option<(String, Option<String>)> = tx.query_opt(
            "SELECT soort, wet FROM voorziening WHERE id = ?1",
            &[&v.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let Some((soort, wet)) = huidig else {
            return Err(StoreFout::NietGevonden(format!("voorziening {}", v.id)));
        };
        let zelfde = soort == v.soort.code() && wet.as_deref() == v.wet.map(Wet::code);
        if !zelfde && voorziening_in_gebruik(tx, &v.id)? {
            return Err(fout("soort", KlantreisFout::SoortVast(v.naam.clone())));
        }
        tx.execute(
            "UPDATE voorziening SET naam = ?2, soort = ?3, wet = ?4, categorie = ?5 WHERE id = ?1",
            &[
                &v.id,
                &v.naam,
                &v.soort.code(),
                &v.wet.map(Wet::code),
                &v.categorie,
            ],
        )?;
        kenmerken(tx, &v.id, &v.kenmerken)?;
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
pub fn voorziening_beeindigen<'a>(
    db: impl Into<Db<'a>>,
    h: Handeling<'_>,
    id: &str,
    datum: NaiveDate,
) -> Result<(), StoreFout> {
    db.into().transactie(|tx| {
        let n = tx.execute(
            "UPDATE voorziening SET beeindigd_op = ?2 WHERE id = ?1",
            &[&id, &datum],
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
pub fn voorziening_verwijderen<'a>(
    db: impl Into<Db<'a>>,
    h: Handeling<'_>,
    id: &str,
) -> Result<(), StoreFout> {
    db.into().transactie(|tx| {
        let naam: Option<String> =
            tx.query_opt("SELECT naam FROM voorziening WHERE id = ?1", &[&id], |r| {
                r.get(0)
            })?;
        let Some(naam) = naam else {
            return Err(StoreFout::NietGevonden(format!("voorziening {id}")));
        };
        if voorziening_in_gebruik(tx, id)? {
            return Err(fout("voorziening", KlantreisFout::InGebruik(naam)));
        }
        for sql in [
            "DELETE FROM voorziening_kenmerk WHERE voorziening = ?1",
            "DELETE FROM voorziening_leefgebied WHERE voorziening = ?1",
            "DELETE FROM voorziening_aanbieder WHERE voorziening = ?1",
            "DELETE FROM voorziening WHERE id = ?1",
        ] {
            tx.execute(sql, &[&id])?;
        }
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
pub fn aanbieder_toevoegen<'a>(
    db: impl Into<Db<'a>>,
    h: Handeling<'_>,
    a: &Aanbieder,
) -> Result<(), StoreFout> {
    a.valideer().map_err(StoreFout::Validatie)?;
    db.into().transactie(|tx| {
        schrijf(tx, &Record::Aanbieder(a.clone()))?;
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
pub fn aanbieder_wijzigen<'a>(
    db: impl Into<Db<'a>>,
    h: Handeling<'_>,
    a: &Aanbieder,
) -> Result<(), StoreFout> {
    a.valideer().map_err(StoreFout::Validatie)?;
    db.into().transactie(|tx| {
        let n = tx.execute(
            "UPDATE aanbieder SET naam = ?2, kvk = ?3 WHERE id = ?1",
            &[&a.id, &a.naam, &a.kvk],
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
pub fn aanbieder_beeindigen<'a>(
    db: impl Into<Db<'a>>,
    h: Handeling<'_>,
    id: &str,
    tot: NaiveDate,
) -> Result<usize, StoreFout> {
    db.into().transactie(|tx| {
        let naam: Option<String> =
            tx.query_opt("SELECT naam FROM aanbieder WHERE id = ?1", &[&id], |r| {
                r.get(0)
            })?;
        let Some(naam) = naam else {
            return Err(StoreFout::NietGevonden(format!("aanbieder {id}")));
        };
        let later: Vec<(String, NaiveDate)> = tx.query_map(
            "SELECT id, van FROM contract WHERE aanbieder = ?1 AND van > ?2 ORDER BY van, id",
            &[&id, &tot],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
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
        let lopend: Vec<String> = tx.query_map(
            "SELECT id FROM contract
              WHERE aanbieder = ?1 AND van <= ?2 AND (tot IS NULL OR tot > ?2)
              ORDER BY id",
            &[&id, &tot],
            |r| r.get(0),
        )?;
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
            tx.execute("UPDATE contract SET tot = ?2 WHERE id = ?1", &[c, &tot])?;
        }
        log(
            tx,
            h,
            "aanbieder-beeindigen",
            &format!("aanbieder:{id}"),
            Some(&format!(
                "contracten beëindigd per {}: {}",
                iso(tot),
                lopend.join(", ")
            )),
        )?;
        Ok(lopend.len())
    })
}

fn contract_controle(db: Db<'_>, c: &Contract) -> Result<(), StoreFout> {
    let mut fouten = c.valideer().err().unwrap_or_default();
    if !bestaat(
        db,
        "SELECT EXISTS (SELECT 1 FROM aanbieder WHERE id = ?1)",
        &c.aanbieder,
    )? {
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
pub fn contract_toevoegen<'a>(
    db: impl Into<Db<'a>>,
    h: Handeling<'_>,
    c: &Contract,
) -> Result<(), StoreFout> {
    db.into().transactie(|tx| {
        contract_controle(tx, c)?;
        schrijf(tx, &Record::Contract(c.clone()))?;
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
pub fn contract_wijzigen<'a>(
    db: impl Into<Db<'a>>,
    h: Handeling<'_>,
    c: &Contract,
) -> Result<(), StoreFout> {
    db.into().transactie(|tx| {
        contract_controle(tx, c)?;
        let huidig: Option<(String, String)> = tx.query_opt(
            "SELECT aanbieder, wet FROM contract WHERE id = ?1",
            &[&c.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let Some((aanbieder, wet)) = huidig else {
            return Err(StoreFout::NietGevonden(format!("contract {}", c.id)));
        };
        let in_gebruik = bestaat(
            tx,
            "SELECT EXISTS (SELECT 1 FROM toekenning WHERE contract = ?1)",
            &c.id,
        )?;
        if in_gebruik && (aanbieder != c.aanbieder || wet != c.wet.code()) {
            return Err(fout(
                "aanbieder",
                KlantreisFout::SoortVast(format!("contract {}", c.id)),
            ));
        }
        tx.execute(
            "UPDATE contract SET aanbieder = ?2, wet = ?3, soort = ?4, van = ?5, tot = ?6 WHERE id = ?1",
            &[
                &c.id,
                &c.aanbieder,
                &c.wet.code(),
                &c.soort.code(),
                &c.van,
                &c.tot,
            ],
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
pub fn contract_beeindigen<'a>(
    db: impl Into<Db<'a>>,
    h: Handeling<'_>,
    id: &str,
    tot: NaiveDate,
) -> Result<(), StoreFout> {
    db.into().transactie(|tx| {
        let van: Option<NaiveDate> =
            tx.query_opt("SELECT van FROM contract WHERE id = ?1", &[&id], |r| {
                r.get(0)
            })?;
        let Some(van) = van else {
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
        tx.execute("UPDATE contract SET tot = ?2 WHERE id = ?1", &[&id, &tot])?;
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
pub fn koppel_geleverde_aanbieders<'a>(db: impl Into<Db<'a>>) -> Result<usize, StoreFout> {
    let n = db.into().execute(
        "INSERT OR IGNORE INTO voorziening_aanbieder (voorziening, aanbieder)
         SELECT DISTINCT voorziening, aanbieder FROM toekenning WHERE aanbieder IS NOT NULL",
        &[],
    )?;
    Ok(usize::try_from(n).unwrap_or(usize::MAX))
}
