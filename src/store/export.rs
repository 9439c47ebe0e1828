//! Export of the whole register as an exchange file `wijkregister-jsonl`
//! v2: every table, driven by the field table `store::uitwisseling::RECORDSOORTEN`.
//!
//! Streaming: every table is read row by row and each line is written as
//! soon as it is read, so an export never holds the register in memory.
//! Record types come in the table's order (a reference always points to an
//! earlier line, except a toekenning's `vorige`) and, within a type, in a
//! fixed order, so the same register always gives the same bytes. An absent
//! optional value is left out; list items are written sorted.
//!
//! When the register has no gemeente set, the header names
//! [`GEMEENTE_ONBEKEND`]: a header must name a gemeente, and an export must
//! not fail because a setting is missing.
//!
//! [`lees_records`] and [`voor_elk_record`] read the v1 record types as
//! domain [`Record`]s (for tests and small registers).

use std::fmt::Write as _;
use std::io::Write;

use rusqlite::types::{Type, Value as SqlWaarde};
use rusqlite::{Connection, Row};
use serde_json::{Map, Value};

use crate::domain::{
    Aanbieder, Afweging, AveGebeurtenis, BesluitUitkomst, Bevolking, Bron, Bsn, Contract,
    ContractSoort, Geslacht, Indicatorwaarde, Inwoner, Leveringsvorm, Medewerker, Melding,
    MeldingUitkomst, Record, RedenEinde, Rol, Toekenning, Verwijzer, Verwijzing, VerwijzingStatus,
    Voorziening, VoorzieningSoort, Vordering, VorderingSoort, WaardeSoort, Wet, Wijkteam,
};
use crate::store::uitwisseling::{RECORDSOORTEN, RecordSoort, Soort, bedrag_als_getal, header};
use crate::store::{INSTELLING_GEMEENTE, StoreFout, instelling, kolom};

/// The gemeente written in the header when the register has none set.
pub const GEMEENTE_ONBEKEND: &str = "onbekend";

/// Writes the whole register to `uit`: the header, then one line per row
/// of every table the field table names. Returns the number of lines
/// written (the header not counted).
pub fn exporteer<W: Write>(conn: &Connection, mut uit: W) -> Result<u64, StoreFout> {
    let gemeente = instelling(conn, INSTELLING_GEMEENTE)?
        .filter(|g| !g.trim().is_empty())
        .unwrap_or_else(|| GEMEENTE_ONBEKEND.to_owned());
    serde_json::to_writer(&mut uit, &header(&gemeente)).map_err(json_fout)?;
    uit.write_all(b"\n")?;
    let mut aantal = 0;
    for soort in &RECORDSOORTEN {
        voor_elke_regel(conn, soort, |regel| {
            serde_json::to_writer(&mut uit, regel).map_err(json_fout)?;
            uit.write_all(b"\n")?;
            aantal += 1;
            Ok(())
        })?;
    }
    uit.flush()?;
    Ok(aantal)
}

/// The query that reads every row of `soort`: one column per plain field,
/// four for an afweging, a JSON array for a list.
fn query(soort: &RecordSoort) -> String {
    let mut kolommen = Vec::new();
    for veld in soort.velden {
        match veld.soort {
            Soort::Afweging { kolommen: k } => {
                kolommen.extend(k.iter().map(|k| format!("t.{k}")));
            }
            Soort::Lijst {
                tabel, eigenaar, ..
            } => kolommen.push(format!(
                "(SELECT json_group_array(w) FROM (SELECT {kolom} AS w FROM {tabel} \
                 WHERE {eigenaar} = t.{sleutel} ORDER BY {kolom}))",
                kolom = veld.kolom,
                sleutel = soort.sleutel[0]
            )),
            _ => kolommen.push(format!("t.{}", veld.kolom)),
        }
    }
    let mut sql = format!(
        "SELECT {} FROM {} t ORDER BY ",
        kolommen.join(", "),
        soort.tabel
    );
    for (i, k) in soort.volgorde.split(',').enumerate() {
        let _ = write!(sql, "{}t.{}", if i == 0 { "" } else { ", " }, k.trim());
    }
    sql
}

/// Calls `doe` with every row of `soort` as a line of the exchange format,
/// in export order, one row at a time.
pub fn voor_elke_regel(
    conn: &Connection,
    soort: &RecordSoort,
    mut doe: impl FnMut(&Value) -> Result<(), StoreFout>,
) -> Result<(), StoreFout> {
    let mut stmt = conn.prepare(&query(soort))?;
    let mut rijen = stmt.query([])?;
    while let Some(rij) = rijen.next()? {
        doe(&regel_van(soort, rij)?)?;
    }
    Ok(())
}

/// One row as a line: `type` first, then the fields in table order; an
/// absent optional value (and an empty list) is left out.
fn regel_van(soort: &RecordSoort, rij: &Row<'_>) -> Result<Value, StoreFout> {
    let mut obj = Map::new();
    obj.insert("type".to_owned(), Value::from(soort.naam));
    let mut i = 0;
    for veld in soort.velden {
        let waarde = match veld.soort {
            Soort::Afweging { .. } => {
                let antwoorden: [Option<String>; 4] = [
                    rij.get(i)?,
                    rij.get(i + 1)?,
                    rij.get(i + 2)?,
                    rij.get(i + 3)?,
                ];
                i += 4;
                match antwoorden {
                    [
                        Some(eigen_kracht),
                        Some(netwerk),
                        Some(algemene_voorziening),
                        Some(voorliggende_voorziening),
                    ] => Some(serde_json::json!({
                        "eigen_kracht": eigen_kracht,
                        "netwerk": netwerk,
                        "algemene_voorziening": algemene_voorziening,
                        "voorliggende_voorziening": voorliggende_voorziening,
                    })),
                    _ => None,
                }
            }
            Soort::Lijst { .. } => {
                let tekst: String = rij.get(i)?;
                i += 1;
                let lijst: Vec<Value> = serde_json::from_str(&tekst).map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(i - 1, Type::Text, Box::new(e))
                })?;
                (!lijst.is_empty()).then_some(Value::Array(lijst))
            }
            _ => {
                let w: SqlWaarde = rij.get(i)?;
                i += 1;
                json_van(veld.soort, w)
            }
        };
        if let Some(w) = waarde {
            obj.insert(veld.naam.to_owned(), w);
        }
    }
    Ok(Value::Object(obj))
}

/// A stored value as JSON, by its field's kind; `None` for NULL.
fn json_van(soort: Soort, w: SqlWaarde) -> Option<Value> {
    Some(match (soort, w) {
        (_, SqlWaarde::Null) => return None,
        (Soort::WaarOnwaar, SqlWaarde::Integer(n)) => Value::Bool(n != 0),
        (Soort::Bedrag, SqlWaarde::Integer(cent)) => bedrag_als_getal(cent),
        (_, SqlWaarde::Integer(n)) => Value::from(n),
        (_, SqlWaarde::Real(x)) => Value::from(x),
        (_, SqlWaarde::Text(t)) => Value::from(t),
        (_, SqlWaarde::Blob(b)) => Value::from(String::from_utf8_lossy(&b).into_owned()),
    })
}

/// A serialisation error is in practice a write error.
fn json_fout(e: serde_json::Error) -> StoreFout {
    StoreFout::Io(std::io::Error::other(e))
}

/// Every record of the register, in export order (tests and small registers).
pub fn lees_records(conn: &Connection) -> Result<Vec<Record>, StoreFout> {
    let mut alle = Vec::new();
    voor_elk_record(conn, |r| {
        alle.push(r.clone());
        Ok(())
    })?;
    Ok(alle)
}

/// Calls `doe` for every record of the register, in export order, one row at a time.
pub fn voor_elk_record(
    conn: &Connection,
    mut doe: impl FnMut(&Record) -> Result<(), StoreFout>,
) -> Result<(), StoreFout> {
    let mut per_rij =
        |sql: &str, maak: fn(&Row<'_>) -> rusqlite::Result<Record>| -> Result<(), StoreFout> {
            let mut stmt = conn.prepare(sql)?;
            let mut rijen = stmt.query([])?;
            while let Some(rij) = rijen.next()? {
                doe(&maak(rij)?)?;
            }
            Ok(())
        };
    per_rij("SELECT id, naam FROM wijkteam ORDER BY id", |r| {
        Ok(Record::Wijkteam(Wijkteam {
            id: r.get(0)?,
            naam: r.get(1)?,
        }))
    })?;
    per_rij(
        "SELECT id, naam, rol, wijkteam FROM medewerker ORDER BY id",
        |r| {
            Ok(Record::Medewerker(Medewerker {
                id: r.get(0)?,
                naam: r.get(1)?,
                rol: kolom::lijst(r, 2, Rol::parse)?,
                wijkteam: r.get(3)?,
            }))
        },
    )?;
    per_rij("SELECT id, naam, kvk FROM aanbieder ORDER BY id", |r| {
        Ok(Record::Aanbieder(Aanbieder {
            id: r.get(0)?,
            naam: r.get(1)?,
            kvk: r.get(2)?,
        }))
    })?;
    per_rij(
        "SELECT id, aanbieder, wet, soort, van, tot FROM contract ORDER BY id",
        |r| {
            Ok(Record::Contract(Contract {
                id: r.get(0)?,
                aanbieder: r.get(1)?,
                wet: kolom::lijst(r, 2, Wet::parse)?,
                soort: kolom::lijst(r, 3, ContractSoort::parse)?,
                van: kolom::datum(r, 4)?,
                tot: kolom::optie_datum(r, 5)?,
            }))
        },
    )?;
    per_rij(
        "SELECT v.id, v.naam, v.soort, v.wet, v.categorie,
                (SELECT json_group_array(kenmerk) FROM
                    (SELECT kenmerk FROM voorziening_kenmerk k WHERE k.voorziening = v.id ORDER BY kenmerk))
         FROM voorziening v ORDER BY v.id",
        |r| {
            let kenmerken: String = r.get(5)?;
            let kenmerken: Vec<String> = serde_json::from_str(&kenmerken)
                .map_err(|e| rusqlite::Error::FromSqlConversionFailure(5, Type::Text, Box::new(e)))?;
            Ok(Record::Voorziening(Voorziening {
                id: r.get(0)?,
                naam: r.get(1)?,
                soort: kolom::lijst(r, 2, VoorzieningSoort::parse)?,
                wet: kolom::optie_lijst(r, 3, Wet::parse)?,
                categorie: r.get(4)?,
                kenmerken,
            }))
        },
    )?;
    per_rij(
        "SELECT id, bsn, voornaam, achternaam, geboortedatum, geslacht, huishouden, wijkteam, woonplaats
         FROM inwoner ORDER BY id",
        |r| {
            let bsn: Option<String> = r.get(1)?;
            let bsn = bsn
                .map(|b| Bsn::parse(&b))
                .transpose()
                .map_err(|e| rusqlite::Error::FromSqlConversionFailure(1, Type::Text, Box::new(e)))?;
            Ok(Record::Inwoner(Inwoner {
                id: r.get(0)?,
                bsn,
                voornaam: r.get(2)?,
                achternaam: r.get(3)?,
                geboortedatum: kolom::datum(r, 4)?,
                geslacht: kolom::optie_lijst(r, 5, Geslacht::parse)?,
                huishouden: r.get(6)?,
                wijkteam: r.get(7)?,
                woonplaats: r.get(8)?,
            }))
        },
    )?;
    per_rij(
        "SELECT id, inwoner, datum, bron, wet, gevraagde_voorziening, medewerker, gesprek,
                onderzoek_klaar, afgesloten, uitkomst
         FROM melding ORDER BY id",
        |r| {
            Ok(Record::Melding(Melding {
                id: r.get(0)?,
                inwoner: r.get(1)?,
                datum: kolom::datum(r, 2)?,
                bron: kolom::lijst(r, 3, Bron::parse)?,
                wet: kolom::optie_lijst(r, 4, Wet::parse)?,
                gevraagde_voorziening: r.get(5)?,
                medewerker: r.get(6)?,
                gesprek: kolom::optie_datum(r, 7)?,
                onderzoek_klaar: kolom::optie_datum(r, 8)?,
                afgesloten: kolom::optie_datum(r, 9)?,
                uitkomst: kolom::optie_lijst(r, 10, MeldingUitkomst::parse)?,
            }))
        },
    )?;
    per_rij(
        "SELECT id, melding, voorziening, datum, status, afgerond_op, opgelost FROM verwijzing ORDER BY id",
        |r| {
            Ok(Record::Verwijzing(Verwijzing {
                id: r.get(0)?,
                melding: r.get(1)?,
                voorziening: r.get(2)?,
                datum: kolom::datum(r, 3)?,
                status: kolom::lijst(r, 4, VerwijzingStatus::parse)?,
                afgerond_op: kolom::optie_datum(r, 5)?,
                opgelost: r.get(6)?,
            }))
        },
    )?;
    per_rij(
        "SELECT id, inwoner, voorziening, aanbieder, contract, melding, verwijzer, aanvraag, besluit,
                uitkomst, start, eind, leveringsvorm, doorbraak, reden_einde, afweging_eigen_kracht,
                afweging_netwerk, afweging_algemene_voorziening, afweging_voorliggende_voorziening
         FROM toekenning ORDER BY id",
        |r| {
            let antwoorden: [Option<String>; 4] = [r.get(15)?, r.get(16)?, r.get(17)?, r.get(18)?];
            let afweging = match antwoorden {
                [Some(a), Some(b), Some(c), Some(d)] => Some(Afweging {
                    eigen_kracht: a,
                    netwerk: b,
                    algemene_voorziening: c,
                    voorliggende_voorziening: d,
                }),
                _ => None,
            };
            Ok(Record::Toekenning(Toekenning {
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
            }))
        },
    )?;
    per_rij(
        "SELECT id, huishouden, datum, niveau, reden, casusregisseur, procesregisseur FROM ave ORDER BY id",
        |r| {
            Ok(Record::Ave(AveGebeurtenis {
                id: r.get(0)?,
                huishouden: r.get(1)?,
                datum: kolom::datum(r, 2)?,
                niveau: r.get(3)?,
                reden: r.get(4)?,
                casusregisseur: r.get(5)?,
                procesregisseur: r.get(6)?,
            }))
        },
    )?;
    per_rij(
        "SELECT id, datum, bedrag_cent, soort, inwoner, aanbieder FROM vordering ORDER BY id",
        |r| {
            Ok(Record::Vordering(Vordering {
                id: r.get(0)?,
                datum: kolom::datum(r, 1)?,
                bedrag_cent: r.get(2)?,
                soort: kolom::lijst(r, 3, VorderingSoort::parse)?,
                inwoner: r.get(4)?,
                aanbieder: r.get(5)?,
            }))
        },
    )?;
    per_rij(
        "SELECT jaar, leeftijd_van, leeftijd_tot, aantal FROM bevolking ORDER BY jaar, leeftijd_van",
        |r| {
            Ok(Record::Bevolking(Bevolking {
                jaar: r.get(0)?,
                leeftijd_van: r.get(1)?,
                leeftijd_tot: r.get(2)?,
                aantal: r.get(3)?,
            }))
        },
    )?;
    per_rij(
        "SELECT indicator, jaar, soort, waarde, tekst, bron FROM indicatorwaarde ORDER BY indicator, jaar, soort",
        |r| {
            Ok(Record::Indicatorwaarde(Indicatorwaarde {
                indicator: r.get(0)?,
                jaar: r.get(1)?,
                soort: kolom::lijst(r, 2, WaardeSoort::parse)?,
                waarde: r.get(3)?,
                tekst: r.get(4)?,
                bron: r.get(5)?,
            }))
        },
    )?;
    Ok(())
}
