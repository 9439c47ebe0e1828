//! Speed of the import against a bare loop of prepared `INSERT`s of the same
//! records (the requirement: at least half as fast). Measure optimised:
//! `cargo run --release --example metingen -- import-snelheid`
//! (unoptimised, our own code is slow next to the optimised `SQLite`).

use std::io::Cursor;

use rusqlite::Connection;
use wijkregister::domain::Record;
use wijkregister::store::import::{ImportFouten, ImportVerslag, importeer};
use wijkregister::store::{self};

const HEADER: &str =
    r#"{"type":"header","format":"wijkregister-jsonl","version":1,"gemeente":"Almelo"}"#;

fn importeer_tekst(conn: &mut Connection, tekst: &[u8]) -> Result<ImportVerslag, ImportFouten> {
    importeer(conn, Cursor::new(tekst), &mut |_| {})
}

/// Imports 50 000 residents and meldingen, times it against the bare loop of
/// inserts, and fails if the import takes more than twice as long.
pub fn snelheid_tegen_kale_inserts() {
    use std::fmt::Write as _;
    let aantal = 50_000;
    let mut tekst = format!("{HEADER}\n");
    tekst.push_str("{\"type\":\"wijkteam\",\"id\":\"WT-1\",\"naam\":\"Noord\"}\n");
    for i in 0..aantal {
        let _ = writeln!(
            tekst,
            r#"{{"type":"inwoner","id":"I-{i}","voornaam":"Jan","achternaam":"Smit","geboortedatum":"1980-01-01","huishouden":"H-{i}","wijkteam":"WT-1","woonplaats":"Almelo"}}"#
        );
    }
    for i in 0..aantal {
        let _ = writeln!(
            tekst,
            r#"{{"type":"melding","id":"M-{i}","inwoner":"I-{i}","datum":"2024-01-01","bron":"huisarts","gesprek":"2024-01-05"}}"#
        );
    }
    let records: Vec<Record> = tekst
        .lines()
        .enumerate()
        .skip(1)
        .map(|(i, l)| {
            wijkregister::store::import::lees_regel_record(i as u64 + 1, l).expect("geldig")
        })
        .collect();

    let mut kaal = store::open_in_memory().expect("db");
    let begin = std::time::Instant::now();
    let tx = kaal.transaction().expect("tx");
    for r in &records {
        store::schrijven::voeg_in(&tx, r).expect("insert");
    }
    tx.commit().expect("commit");
    let kale_tijd = begin.elapsed();

    let mut conn = store::open_in_memory().expect("db");
    let begin = std::time::Instant::now();
    importeer_tekst(&mut conn, tekst.as_bytes()).expect("import");
    let import_tijd = begin.elapsed();
    println!("kale inserts: {kale_tijd:?}, import: {import_tijd:?}");
    assert!(
        import_tijd <= kale_tijd * 2,
        "import {import_tijd:?} is meer dan twee keer {kale_tijd:?}"
    );
}
