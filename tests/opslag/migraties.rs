//! The schema: a new register and one migrated from every released schema
//! version end in exactly the same schema; migrations are append-only, and
//! a released migration's text is pinned by its SHA-256.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use rusqlite::Connection;
use wijkregister::store::{self, migraties};

/// The schema as SQLite reports it, normalised for comparison.
fn schema_van(conn: &Connection) -> Vec<(String, String, String)> {
    let mut stmt = conn
        .prepare(
            "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name",
        )
        .expect("query");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, String>(2)?)))
        .expect("rows")
        .map(|r| {
            let (t, n, sql) = r.expect("row");
            (t, n, sql.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .collect()
}

#[test]
fn nieuw_register_heeft_laatste_versie() {
    let conn = store::open_in_memory().expect("open");
    assert_eq!(
        migraties::versie(&conn).expect("versie"),
        migraties::schema_versie()
    );
    let fk: i64 = conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .expect("fk");
    assert_eq!(fk, 1);
}

#[test]
fn elke_uitgebrachte_versie_migreert_naar_hetzelfde_schema() {
    let nieuw = store::open_in_memory().expect("open");
    let verwacht = schema_van(&nieuw);
    for versie in 1..=migraties::schema_versie() {
        let pad = format!(
            "{}/tests/fixtures/schema_v{versie}.sql",
            env!("CARGO_MANIFEST_DIR")
        );
        let sql = std::fs::read_to_string(&pad).unwrap_or_else(|e| {
            panic!("frozen schema {pad} is missing ({e}): freeze every released version")
        });
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("oud.sqlite");
        {
            let oud = Connection::open(&db).expect("open oud");
            oud.execute_batch(&sql).expect("oud schema");
            oud.pragma_update(None, "user_version", versie)
                .expect("versie");
        }
        let gemigreerd = store::open(&db).expect("migreer");
        assert_eq!(
            migraties::versie(&gemigreerd).expect("v"),
            migraties::schema_versie()
        );
        assert_eq!(
            schema_van(&gemigreerd),
            verwacht,
            "schema after migrating from v{versie}"
        );
    }
}

#[test]
fn nieuwere_versie_wordt_geweigerd() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("toekomst.sqlite");
    {
        let c = Connection::open(&db).expect("open");
        c.pragma_update(None, "user_version", migraties::schema_versie() + 1)
            .expect("v");
    }
    let fout = store::open(&db).expect_err("moet weigeren");
    assert!(fout.to_string().contains("werk wijkregister bij"), "{fout}");
}

#[test]
fn ander_sqlite_bestand_wordt_geweigerd() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("vreemd.sqlite");
    {
        let c = Connection::open(&db).expect("open");
        c.execute_batch("CREATE TABLE iets (x)").expect("t");
    }
    let fout = store::open(&db).expect_err("moet weigeren");
    assert!(
        fout.to_string().contains("geen wijkregister-database"),
        "{fout}"
    );
    // The foreign file is left as it was.
    let c = Connection::open(&db).expect("open");
    let n: i64 = c
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .expect("n");
    assert_eq!(n, 1);
}

#[test]
fn geen_sqlite_bestand_wordt_geweigerd() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("tekst.sqlite");
    std::fs::write(&db, "dit is geen database, maar tekst die lang genoeg is om een kop te lijken ......................................").expect("w");
    let fout = store::open(&db).expect_err("moet weigeren");
    assert!(
        fout.to_string().contains("geen wijkregister-database"),
        "{fout}"
    );
}

#[test]
fn migraties_zijn_alleen_aanvullend() {
    // Every released version has its frozen copy; a migration list shorter
    // than the frozen versions means a released migration was removed.
    let bevroren = std::fs::read_dir(format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR")))
        .expect("fixtures")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("schema_v"))
        .count();
    assert_eq!(bevroren as u32, migraties::schema_versie());
}

/// The SHA-256 of every released migration's file. A migration that was
/// applied to a register may never change (that register would not get the
/// change, and one migrated later would differ from it): add a new one and
/// pin it here when it is released.
const BEVROREN_MIGRATIES: &[(u32, &str)] = &[
    (
        2,
        "c69e07f5f1775a06b4a4f3210892dbc778c198c776ea7236230e8b0a409fc568",
    ),
    (
        3,
        "aa60bfbf10728a6e750fb6473bfd5c6b820878e28c088df06169248c5fe5dbf2",
    ),
    (
        4,
        "a306768091f386d4aca696f53ad78d50d1e2edb5795342df39bca5e3cae440f5",
    ),
    (
        5,
        "f89c4ecc51c1afe5fdcf34016f629b05909c9eadf97e03e360172886f000c06b",
    ),
    (
        6,
        "8e1227c6b92ba2e7ffe2936d7927c13f8b9e3a62299083e1e80e3e10a895b34b",
    ),
    (
        7,
        "34f1876ceebb6709139db0265e69ff6b40bcbd23f8cf4e86f0b1e5253b7720f1",
    ),
    (
        8,
        "2ef52105e7da6a569b832f1e7d09dcf67bc64b0462eaa32076ef97295e898177",
    ),
    (
        9,
        "d0b0c94dac4e8664d2cd5ac1a56dc686b8e563cc0c4cde1f15165f393ee79c7e",
    ),
    (
        10,
        "dc29b59944461b2866f901e346af98d6b0db686c82141b378b641fae4dabdd56",
    ),
    (
        11,
        "c80fb34f2b7110e2d10dd9ea7d145b27b35286ba9ee6091d19034836dbe15bd4",
    ),
    (
        12,
        "b53506cc6ce365a963da3df902746a76d1d63044d5866cf46af7be04e7e8a416",
    ),
];

#[test]
fn toegepaste_migraties_zijn_bevroren() {
    use sha2::{Digest, Sha256};
    let gevonden: Vec<(u32, String)> = migraties::MIGRATIES
        .iter()
        .map(|m| {
            let tekst = m.sql.replace("\r\n", "\n");
            let hash = Sha256::digest(tekst.as_bytes());
            (m.versie, format!("{hash:x}"))
        })
        .collect();
    for (versie, verwacht) in BEVROREN_MIGRATIES {
        let Some((_, hash)) = gevonden.iter().find(|(v, _)| v == versie) else {
            panic!("de uitgebrachte migratie {versie} bestaat niet meer");
        };
        assert_eq!(
            hash, verwacht,
            "migratie {versie} is veranderd nadat ze is uitgebracht; zet de wijziging in een nieuwe migratie"
        );
    }
    for (versie, hash) in &gevonden {
        assert!(
            BEVROREN_MIGRATIES.iter().any(|(v, _)| v == versie),
            "migratie {versie} heeft geen vastgepinde hash; voeg ({versie}, \"{hash}\") toe aan BEVROREN_MIGRATIES"
        );
    }
}

/// A register of version 10 as it stood, with meldingen and the rows that
/// refer to them.
fn register_v10(db: &std::path::Path) {
    let sql = std::fs::read_to_string(format!(
        "{}/tests/fixtures/schema_v10.sql",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("schema v10");
    let c = Connection::open(db).expect("open");
    c.execute_batch(&sql).expect("schema");
    c.pragma_update(None, "user_version", 10).expect("versie");
    c.pragma_update(None, "foreign_keys", true).expect("fk");
    c.execute_batch(
        "INSERT INTO wijkteam (id, naam) VALUES ('WT-1', 'Noord');
         INSERT INTO medewerker (id, naam, rol, wijkteam) VALUES ('MW-1', 'Els', 'wijkcoach', 'WT-1');
         INSERT INTO voorziening (id, naam, soort) VALUES ('V-1', 'Wijkkamer', 'algemeen');
         INSERT INTO inwoner (id, voornaam, achternaam, geboortedatum, huishouden, wijkteam, woonplaats)
             VALUES ('I-1', 'Sanne', 'Bos', '2004-03-01', 'H-1', 'WT-1', 'Almelo');
         INSERT INTO melding (id, inwoner, datum, bron, wet, medewerker, gesprek, afgesloten, uitkomst,
                              vraag, spoed, aanvraag)
             VALUES ('M-1', 'I-1', '2026-01-05', 'huisarts', 'wmo', 'MW-1', '2026-01-08', '2026-02-01',
                     'algemene-voorziening', 'Hulp bij de administratie', 0, NULL),
                    ('M-2', 'I-1', '2026-03-02', 'jeugdarts', 'schuldhulp', 'MW-1', NULL, NULL, NULL,
                     'Huurachterstand', 1, '2026-03-03');
         INSERT INTO melding_leefgebied (melding, leefgebied) VALUES ('M-1', 'financien'), ('M-2', 'huisvesting');
         INSERT INTO verwijzing (id, melding, voorziening, datum, status)
             VALUES ('VW-1', 'M-1', 'V-1', '2026-01-20', 'verwezen');",
    )
    .expect("rijen van versie 10");
}

/// Every row of `melding` with its rowid, as text.
fn meldingen(c: &Connection) -> Vec<Vec<String>> {
    let mut stmt = c
        .prepare("SELECT rowid, * FROM melding ORDER BY rowid")
        .expect("query");
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        (0..n)
            .map(|i| {
                r.get::<_, rusqlite::types::Value>(i)
                    .map(|v| format!("{v:?}"))
            })
            .collect()
    })
    .expect("rows")
    .collect::<Result<_, _>>()
    .expect("row")
}

/// Version 11 rebuilds `melding` to take the sources `ggd-jgz` and
/// `verloskundige`: a version 10 register keeps every melding (same rowid,
/// every column), the rows that refer to them and its indexes, takes the
/// new codes, still refuses an unknown one, and enforces its foreign keys
/// again afterwards.
#[test]
fn versie_tien_houdt_zijn_meldingen_en_kent_de_nieuwe_bronnen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("v10.sqlite");
    register_v10(&db);
    let (voor, indexen_voor) = {
        let c = Connection::open(&db).expect("open");
        let i: Vec<String> = c
            .prepare("SELECT name FROM pragma_index_list('melding') ORDER BY name")
            .expect("q")
            .query_map([], |r| r.get(0))
            .expect("r")
            .collect::<Result<_, _>>()
            .expect("rij");
        (meldingen(&c), i)
    };
    assert_eq!(voor.len(), 2);

    let c = store::open(&db).expect("migreer");
    assert_eq!(
        migraties::versie(&c).expect("v"),
        migraties::schema_versie()
    );
    assert_eq!(
        meldingen(&c),
        voor,
        "elke melding is er nog, kolom voor kolom"
    );
    let indexen: Vec<String> = c
        .prepare("SELECT name FROM pragma_index_list('melding') ORDER BY name")
        .expect("q")
        .query_map([], |r| r.get(0))
        .expect("r")
        .collect::<Result<_, _>>()
        .expect("rij");
    assert_eq!(indexen, indexen_voor);
    let tel = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).expect(sql) };
    assert_eq!(tel("SELECT count(*) FROM melding_leefgebied"), 2);
    assert_eq!(
        tel("SELECT count(*) FROM verwijzing WHERE melding = 'M-1'"),
        1
    );
    assert_eq!(tel("PRAGMA foreign_keys"), 1, "foreign keys staan weer aan");

    c.execute_batch(
        "INSERT INTO melding (id, inwoner, datum, bron) VALUES ('M-3', 'I-1', '2026-04-01', 'verloskundige');
         INSERT INTO melding (id, inwoner, datum, bron) VALUES ('M-4', 'I-1', '2026-04-02', 'ggd-jgz');",
    )
    .expect("de nieuwe bronnen");
    assert!(
        c.execute(
            "INSERT INTO melding (id, inwoner, datum, bron) VALUES ('M-5', 'I-1', '2026-04-03', 'consultatiebureau')",
            [],
        )
        .is_err(),
        "een onbekende bron blijft geweigerd"
    );
    assert!(
        c.execute("DELETE FROM melding WHERE id = 'M-1'", [])
            .is_err(),
        "de verwijzingen naar een melding worden weer bewaakt"
    );
    assert!(
        c.execute(
            "INSERT INTO melding_leefgebied (melding, leefgebied) VALUES ('M-9', 'financien')",
            [],
        )
        .is_err(),
        "melding_leefgebied verwijst nog naar melding"
    );
}

/// A schema step that would leave a reference dangling is not done: a
/// damaged version 10 register (a leefgebied of a melding that does not
/// exist, written with foreign keys off) stays at version 10, unchanged,
/// and the message names the table.
#[test]
fn een_losse_verwijzing_houdt_de_migratie_tegen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("v10.sqlite");
    register_v10(&db);
    {
        let c = Connection::open(&db).expect("open");
        c.pragma_update(None, "foreign_keys", false)
            .expect("fk uit");
        c.execute(
            "INSERT INTO melding_leefgebied (melding, leefgebied) VALUES ('M-weg', 'financien')",
            [],
        )
        .expect("met foreign keys uit");
    }
    let fout = store::open(&db).expect_err("moet weigeren");
    let tekst = fout.to_string();
    assert!(
        tekst.contains("melding_leefgebied") && tekst.contains("versie 11"),
        "{tekst}"
    );
    let c = Connection::open(&db).expect("open");
    assert_eq!(
        migraties::versie(&c).expect("v"),
        10,
        "het register bleef op versie 10"
    );
    let sql: String = c
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'melding'",
            [],
            |r| r.get(0),
        )
        .expect("melding");
    assert!(!sql.contains("ggd-jgz"), "de oude tabel staat er nog");
}
