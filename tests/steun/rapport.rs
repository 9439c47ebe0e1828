//! Compact fixtures for the indicator tests: records built with short
//! helpers and inserted through `store::schrijven::voeg_in` in one
//! transaction on an in-memory register.

#![allow(clippy::expect_used, reason = "tests may panic")]

use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::Value;
use wijkregister::domain::{
    Aanbieder, BesluitUitkomst, Bevolking, Contract, ContractSoort, Inwoner, Leveringsvorm, Record,
    Toekenning, Verwijzer, Voorziening, VoorzieningSoort, Wet, datum,
};
use wijkregister::report;
use wijkregister::store;

/// A date from `jjjj-mm-dd`: `d("2025-06-01")`. (For `d(2025, 6, 1)` see
/// [`super::d`].)
pub fn d(s: &str) -> NaiveDate {
    datum::parse_iso(s).expect("testdatum")
}

/// A fresh register of gemeente Almelo.
pub fn register() -> Connection {
    let conn = store::open_in_memory().expect("register");
    store::zet_instelling(&conn, store::INSTELLING_GEMEENTE, "Almelo").expect("gemeente");
    conn
}

/// Inserts records in one transaction.
#[allow(
    clippy::needless_pass_by_value,
    reason = "callers write `vec![...]` inline"
)]
pub fn voeg(conn: &mut Connection, records: Vec<Record>) {
    let tx = conn.transaction().expect("tx");
    for r in &records {
        store::schrijven::voeg_in(&tx, r).unwrap_or_else(|e| panic!("{r:?}: {e}"));
    }
    tx.commit().expect("commit");
}

/// A resident born on `geboren` living in `woonplaats`.
pub fn inwoner(id: &str, geboren: &str, woonplaats: &str) -> Record {
    Record::Inwoner(Inwoner {
        id: id.into(),
        bsn: None,
        voornaam: "Voornaam".into(),
        achternaam: format!("Achternaam-{id}"),
        geboortedatum: d(geboren),
        geslacht: None,
        huishouden: format!("H-{id}"),
        wijkteam: None,
        woonplaats: woonplaats.into(),
    })
}

/// A maatwerk provision.
pub fn maatwerk(id: &str, wet: &str, categorie: Option<&str>, kenmerken: &[&str]) -> Record {
    Record::Voorziening(Voorziening {
        id: id.into(),
        naam: format!("Voorziening {id}"),
        soort: VoorzieningSoort::Maatwerk,
        wet: Wet::parse(wet),
        categorie: categorie.map(Into::into),
        kenmerken: kenmerken.iter().map(|k| (*k).to_owned()).collect(),
    })
}

/// An algemene voorziening.
pub fn algemeen(id: &str) -> Record {
    Record::Voorziening(Voorziening {
        id: id.into(),
        naam: format!("Voorziening {id}"),
        soort: VoorzieningSoort::Algemeen,
        wet: None,
        categorie: None,
        kenmerken: vec![],
    })
}

/// A provider.
pub fn aanbieder(id: &str) -> Record {
    Record::Aanbieder(Aanbieder {
        id: id.into(),
        naam: format!("Aanbieder {id}"),
        kvk: None,
    })
}

/// A contract.
pub fn contract(
    id: &str,
    aanbieder: &str,
    wet: &str,
    soort: &str,
    van: &str,
    tot: Option<&str>,
) -> Record {
    Record::Contract(Contract {
        id: id.into(),
        aanbieder: aanbieder.into(),
        wet: Wet::parse(wet).expect("wet"),
        soort: ContractSoort::parse(soort).expect("soort"),
        van: d(van),
        tot: tot.map(d),
    })
}

/// A granted toekenning with besluit on `start` (or 2020-01-01 when there is no start).
pub fn tk(
    id: &str,
    inwoner: &str,
    voorziening: &str,
    start: Option<&str>,
    eind: Option<&str>,
) -> Toekenning {
    Toekenning {
        id: id.into(),
        inwoner: inwoner.into(),
        voorziening: voorziening.into(),
        aanbieder: None,
        contract: None,
        melding: None,
        verwijzer: Verwijzer::Gemeente,
        aanvraag: None,
        besluit: start.map_or(d("2020-01-01"), d),
        uitkomst: BesluitUitkomst::Toegekend,
        start: start.map(d),
        eind: eind.map(d),
        leveringsvorm: Leveringsvorm::Natura,
        doorbraak: false,
        reden_einde: None,
        afweging: None,
    }
}

/// A population band.
pub fn band(jaar: i32, van: u8, tot: u8, aantal: u32) -> Record {
    Record::Bevolking(Bevolking {
        jaar,
        leeftijd_van: van,
        leeftijd_tot: tot,
        aantal,
    })
}

/// The report of `jaar` as JSON.
pub fn rapport(conn: &Connection, jaar: i32) -> Value {
    report::json::rapport_json(&report::bereken_jaar(conn, jaar).expect("rapport"))
}

/// The entry of `code` in a JSON report.
pub fn entry(rapport: &Value, code: &str) -> Value {
    rapport["indicatoren"]
        .as_array()
        .expect("indicatoren")
        .iter()
        .find(|i| i["code"] == code)
        .cloned()
        .unwrap_or_else(|| panic!("geen {code}"))
}

/// The `waarde` of `code` in year `jaar`.
pub fn waarde(conn: &Connection, jaar: i32, code: &str) -> Value {
    entry(&rapport(conn, jaar), code)["waarde"].clone()
}
