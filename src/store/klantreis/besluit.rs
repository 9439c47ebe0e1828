//! Aanvraag and besluit on a maatwerkvoorziening (with matched provider
//! and contract), op- en afschalen, the start of delivery and the end of a
//! toekenning.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::datum::iso;
use crate::domain::klantreis::{KlantreisFout, Stap};
use crate::domain::{
    BesluitUitkomst, DomeinFout, Leveringsvorm, Record, RedenEinde, Toekenning, Veldfout,
    Verwijzer, VoorzieningSoort, Wet,
};
use crate::store::StoreFout;
use crate::store::db::Db;
use crate::store::kolom;
use crate::store::schrijven::voeg_in;
use crate::store::transactie;

use super::stap::stap_in;
use super::{
    Handeling, IdSoort, NieuweStap, afweging, bestaat, fout, klaar, log, melding, niet_beeindigd,
    tekst_controle, volgend_id, voorziening_info,
};

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
pub fn actief_contract<'a>(
    db: impl Into<Db<'a>>,
    aanbieder: &str,
    wet: Wet,
    dag: NaiveDate,
) -> Result<Option<String>, StoreFout> {
    db.into().query_opt(
        "SELECT id FROM contract WHERE aanbieder = ?1 AND wet = ?2 AND van <= ?3 AND (tot IS NULL OR tot >= ?3)
         ORDER BY soort = 'raamcontract' DESC, van DESC, id LIMIT 1",
        &[&aanbieder, &wet.code(), &dag],
        |r| r.get(0),
    )
}

fn besluit_in(
    tx: &Transaction<'_>,
    h: Handeling<'_>,
    b: &NieuwBesluit,
    vorige: Option<&str>,
) -> Result<String, StoreFout> {
    let kern = melding(tx, &b.melding)?;
    let info = voorziening_info(tx, "voorziening", &b.voorziening)?;
    // Schuldhulp has its own path: the beschikking on toelating follows the
    // eerste gesprek without the afwegingsladder (when the ladder was
    // answered in full, its answers go with the decision).
    let schuldhulp = kern.wet == Some(Wet::Schuldhulp) && info.wet == Some(Wet::Schuldhulp);
    let ladder = afweging(tx, &b.melding)?.voor_maatwerk();
    let afweging = match ladder {
        Ok(a) => Some(a),
        Err(_) if schuldhulp => None,
        Err(f) => return Err(StoreFout::Validatie(f)),
    };
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
        afweging,
    };
    let controle = if schuldhulp {
        record.valideer()
    } else {
        record.valideer_nieuw_besluit()
    };
    if let Err(f) = controle {
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
pub fn toekenning<'a>(db: impl Into<Db<'a>>, id: &str) -> Result<ToekenningRij, StoreFout> {
    db.into()
        .query_opt(
            "SELECT id, inwoner, voorziening, aanbieder, contract, melding, verwijzer, aanvraag, besluit, uitkomst,
                    start, eind, leveringsvorm, doorbraak, reden_einde, afweging_eigen_kracht, afweging_netwerk,
                    afweging_algemene_voorziening, afweging_voorliggende_voorziening, vorige, volume,
                    volume_eenheid, reden_afwijzing
             FROM toekenning WHERE id = ?1",
            &[&id],
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
                        verwijzer: r.lijst(6, Verwijzer::parse)?,
                        aanvraag: r.get(7)?,
                        besluit: r.get(8)?,
                        uitkomst: r.lijst(9, BesluitUitkomst::parse)?,
                        start: r.get(10)?,
                        eind: r.get(11)?,
                        leveringsvorm: r.lijst(12, Leveringsvorm::parse)?,
                        doorbraak: r.get(13)?,
                        reden_einde: r.optie_lijst(14, RedenEinde::parse)?,
                        afweging,
                    },
                    vorige: r.get(19)?,
                    volume: r.get(20)?,
                    volume_eenheid: r.get(21)?,
                    reden_afwijzing: r.get(22)?,
                })
            },
        )?
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
