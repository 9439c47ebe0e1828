//! The PostgreSQL schema: migrations (frozen, serialised, refusing what is
//! not a register), the append-only audit log, the CHECKs, and every SQLite
//! table and column present with a compatible type.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "test helpers panic on a broken fixture or an unreachable test server"
)]

use std::collections::BTreeMap;

use wijkregister::store;
use wijkregister::store::pg::{PgFout, migraties};

use crate::proefdb;

/// The SHA-256 of every released PostgreSQL migration: a released one
/// never changes.
const BEVROREN: &[(i32, &str)] = &[
    (
        1,
        "b2e82ee40ebf30a9e70041da4fb1c8d7c865c3627fb83156d98e3ea5cb905d5a",
    ),
    (
        2,
        "56971621c778cdd440ecd119c64d7c8eaadc0e1007a77f2b57a68ac8ef4f4877",
    ),
    (
        3,
        "595592958ec97968b4cbd069c9e7649025539805c709126601e3e5a2ef56b088",
    ),
];

#[test]
fn toegepaste_migraties_zijn_bevroren() {
    for m in migraties::MIGRATIES {
        let hash = migraties::hash(&m.sql.replace("\r\n", "\n"));
        let Some((_, verwacht)) = BEVROREN.iter().find(|(v, _)| *v == m.versie) else {
            panic!(
                "migratie {} heeft geen vastgepinde hash; voeg ({}, \"{hash}\") toe aan BEVROREN",
                m.versie, m.versie
            );
        };
        assert_eq!(
            hash, *verwacht,
            "PostgreSQL-migratie {} is veranderd nadat ze is uitgebracht; zet de wijziging in een nieuwe migratie",
            m.versie
        );
    }
    for (versie, _) in BEVROREN {
        assert!(
            migraties::MIGRATIES.iter().any(|m| m.versie == *versie),
            "de uitgebrachte migratie {versie} bestaat niet meer"
        );
    }
}

#[test]
fn een_lege_database_krijgt_het_schema_en_opnieuw_verandert_niets() {
    let db = proefdb!("een_lege_database_krijgt_het_schema_en_opnieuw_verandert_niets");
    let mut c = db.client();
    assert_eq!(migraties::versie(&mut c).expect("versie"), 0);
    assert_eq!(
        migraties::migreer(&mut c).expect("migreer"),
        migraties::schema_versie()
    );
    assert_eq!(
        migraties::versie(&mut c).expect("versie"),
        migraties::schema_versie()
    );
    migraties::migreer(&mut c).expect("tweede keer");
    let rijen: i64 = c
        .query_one("SELECT count(*) FROM schema_migratie", &[])
        .expect("tel")
        .get(0);
    assert_eq!(rijen, migraties::MIGRATIES.len() as i64);
    let niveaus: i64 = c
        .query_one("SELECT count(*) FROM ave_niveau", &[])
        .expect("tel")
        .get(0);
    assert_eq!(niveaus, 5, "de vijf AVE-niveaus staan er na het schema");
}

#[test]
fn twee_gelijktijdige_starts_migreren_een_keer() {
    let db = proefdb!("twee_gelijktijdige_starts_migreren_een_keer");
    let draden: Vec<_> = (0..4)
        .map(|_| {
            let adres = db.adres.clone();
            std::thread::spawn(move || {
                let mut c = wijkregister::store::pg::verbinding::verbind(&adres).expect("verbind");
                migraties::migreer(&mut c).map_err(|e| e.to_string())
            })
        })
        .collect();
    for d in draden {
        assert_eq!(
            d.join().expect("draad"),
            Ok(migraties::schema_versie()),
            "elke start slaagt: de advisory lock laat er één migreren"
        );
    }
    let rijen: i64 = db
        .client()
        .query_one("SELECT count(*) FROM schema_migratie", &[])
        .expect("tel")
        .get(0);
    assert_eq!(rijen, migraties::MIGRATIES.len() as i64);
}

#[test]
fn een_database_met_andere_tabellen_wordt_geweigerd() {
    let db = proefdb!("een_database_met_andere_tabellen_wordt_geweigerd");
    let mut c = db.client();
    c.batch_execute("CREATE TABLE klanten (id int)")
        .expect("tabel");
    let fout = migraties::migreer(&mut c).expect_err("geen register");
    assert!(
        fout.to_string().contains("geen wijkregister-register"),
        "{fout}"
    );
    let bestaat: bool = c
        .query_one("SELECT to_regclass('inwoner') IS NOT NULL", &[])
        .expect("regclass")
        .get(0);
    assert!(!bestaat, "er is niets aangemaakt");
}

#[test]
fn een_veranderde_of_nieuwere_migratie_wordt_geweigerd() {
    let db = proefdb!("een_veranderde_of_nieuwere_migratie_wordt_geweigerd");
    let mut c = db.client();
    migraties::migreer(&mut c).expect("migreer");
    c.batch_execute("UPDATE schema_migratie SET sha256 = 'anders' WHERE versie = 1")
        .expect("knoeien");
    let fout = migraties::migreer(&mut c).expect_err("veranderd");
    assert!(fout.to_string().contains("wijkt af"), "{fout}");
    c.batch_execute(
        "INSERT INTO schema_migratie (versie, naam, sha256) VALUES (999, 'toekomst', 'x')",
    )
    .expect("toekomst");
    let fout = migraties::migreer(&mut c).expect_err("te nieuw");
    assert!(
        matches!(&fout, PgFout::Schema(t) if t.contains("schemaversie 999")),
        "{fout}"
    );
}

fn fout_van(c: &mut postgres::Client, sql: &str) -> String {
    match c.batch_execute(sql) {
        Ok(()) => panic!("{sql} werd aanvaard"),
        Err(e) => e
            .as_db_error()
            .map_or_else(|| e.to_string(), |d| d.message().to_owned()),
    }
}

#[test]
fn het_auditlog_is_alleen_aan_te_vullen() {
    let db = proefdb!("het_auditlog_is_alleen_aan_te_vullen");
    let mut c = db.client();
    migraties::migreer(&mut c).expect("migreer");
    let regel = |n: i64| {
        format!(
            "INSERT INTO audit (volgnummer, tijdstip, actor, actie, resultaat, vorige_hash, hash)
             VALUES ({n}, '2026-01-01T10:00:00Z', 'a', 'b', 'gelukt', 'v', 'h')"
        )
    };
    c.batch_execute(&regel(1)).expect("eerste regel");
    c.batch_execute(&regel(2)).expect("tweede regel");
    assert_eq!(
        fout_van(&mut c, &regel(4)),
        "aan het auditlog kan alleen de volgende regel worden toegevoegd"
    );
    assert_eq!(
        fout_van(&mut c, &regel(2)),
        "aan het auditlog kan alleen de volgende regel worden toegevoegd"
    );
    assert_eq!(
        fout_van(&mut c, "UPDATE audit SET actor = 'x' WHERE volgnummer = 1"),
        "het auditlog kan niet worden gewijzigd"
    );
    assert_eq!(
        fout_van(&mut c, "DELETE FROM audit WHERE volgnummer = 2"),
        "uit het auditlog kan niets worden verwijderd"
    );
    assert_eq!(
        fout_van(&mut c, "TRUNCATE audit"),
        "uit het auditlog kan niets worden verwijderd"
    );
    let n: i64 = c
        .query_one("SELECT count(*) FROM audit", &[])
        .expect("tel")
        .get(0);
    assert_eq!(n, 2);
}

#[test]
fn de_checks_volgen_die_van_sqlite() {
    let db = proefdb!("de_checks_volgen_die_van_sqlite");
    let mut c = db.client();
    migraties::migreer(&mut c).expect("migreer");
    c.batch_execute(
        "INSERT INTO wijkteam (id, naam) VALUES ('W1', 'Noord');
         INSERT INTO aanbieder (id, naam, kvk) VALUES ('A1', 'Zorg BV', '12345678');
         INSERT INTO medewerker (id, naam, rol) VALUES ('M1', 'Els', 'wijkcoach');
         INSERT INTO medewerker (id, naam, rol) VALUES ('M3', 'Elsa', 'intaker');
         INSERT INTO account (medewerker, gebruikersnaam, wachtwoord_hash, aangemaakt_op, gewijzigd_op)
             VALUES ('M1', 'Els', '$argon2id$x', '2026-01-01 10:00:00', '2026-01-01 10:00:00');",
    )
    .expect("geldige rijen");
    let schendingen = [
        "INSERT INTO wijkteam (id, naam) VALUES ('', 'Leeg')",
        "INSERT INTO aanbieder (id, naam, kvk) VALUES ('A2', 'X', '1234567a')",
        "INSERT INTO aanbieder (id, naam, kvk) VALUES ('A3', 'X', '123')",
        "INSERT INTO medewerker (id, naam, rol) VALUES ('M2', 'X', 'directeur')",
        "INSERT INTO inwoner (id, bsn, voornaam, achternaam, geboortedatum, huishouden, woonplaats)
             VALUES ('I1', '12345678', 'A', 'B', '2000-01-01', 'H1', 'Almelo')",
        "INSERT INTO inwoner (id, voornaam, achternaam, geboortedatum, huishouden, woonplaats)
             VALUES ('I2', 'A', 'B', '2000-02-30', 'H1', 'Almelo')",
        "INSERT INTO contract (id, aanbieder, wet, soort, van, tot)
             VALUES ('C1', 'A1', 'wmo', 'raamcontract', '2026-01-01', '2025-01-01')",
        "INSERT INTO voorziening (id, naam, soort, wet) VALUES ('V1', 'X', 'maatwerk', 'wmo')",
        "INSERT INTO voorziening (id, naam, soort, wet, categorie) VALUES ('V2', 'X', 'maatwerk', 'wmo', '40')",
        "INSERT INTO ave (id, huishouden, datum, niveau, reden) VALUES ('E1', 'H1', '2026-01-01', 3, 'r')",
        "INSERT INTO ave (id, huishouden, datum, niveau, reden) VALUES ('E2', 'H1', '2026-01-01', 5, 'r')",
        "INSERT INTO account (medewerker, gebruikersnaam, wachtwoord_hash, aangemaakt_op, gewijzigd_op)
             VALUES ('M3', 'ELS', '$argon2id$y', '2026-01-01', '2026-01-01')",
        "INSERT INTO bevolking (jaar, leeftijd_van, leeftijd_tot, aantal) VALUES (2026, 10, 5, 1)",
        "DELETE FROM account",
    ];
    for sql in schendingen {
        let mut tx = c.transaction().expect("tx");
        assert!(tx.batch_execute(sql).is_err(), "aanvaard: {sql}");
        tx.rollback().expect("rollback");
    }
}

/// Every SQLite table and column, with its declared type.
fn sqlite_schema() -> BTreeMap<(String, String), String> {
    let conn = store::open_in_memory().expect("register");
    let mut stmt = conn
        .prepare(
            "SELECT m.name, p.name, p.type FROM sqlite_schema m, pragma_table_info(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
        )
        .expect("schema");
    stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))
        .expect("rijen")
        .collect::<Result<_, _>>()
        .expect("schema")
}

#[test]
fn elke_sqlite_kolom_staat_in_postgres_met_een_passend_type() {
    let db = proefdb!("elke_sqlite_kolom_staat_in_postgres_met_een_passend_type");
    let mut c = db.client();
    migraties::migreer(&mut c).expect("migreer");
    let pg: BTreeMap<(String, String), String> = c
        .query(
            "SELECT table_name::text, column_name::text, data_type::text FROM information_schema.columns
             WHERE table_schema = current_schema()",
            &[],
        )
        .expect("kolommen")
        .iter()
        .map(|r| ((r.get(0), r.get(1)), r.get(2)))
        .collect();
    let sqlite = sqlite_schema();
    assert!(
        sqlite.len() > 100,
        "het SQLite-schema is gelezen ({} kolommen)",
        sqlite.len()
    );
    for ((tabel, kolom), soort) in &sqlite {
        let Some(pg_soort) = pg.get(&(tabel.clone(), kolom.clone())) else {
            panic!("{tabel}.{kolom} ontbreekt in het PostgreSQL-schema");
        };
        let passend: &[&str] = match soort.as_str() {
            "TEXT" => &["text", "date", "timestamp without time zone"],
            "INTEGER" => &["bigint", "boolean"],
            "REAL" => &["double precision"],
            ander => panic!("onbekend SQLite-type {ander} van {tabel}.{kolom}"),
        };
        assert!(
            passend.contains(&pg_soort.as_str()),
            "{tabel}.{kolom}: SQLite {soort}, PostgreSQL {pg_soort}"
        );
    }
    // And nothing more than SQLite has, but the migration table and
    // `ave.volgnummer`: PostgreSQL's counterpart of SQLite's rowid, the
    // order in which two AVE events of one day were recorded (the later
    // counts; PostgreSQL version 3).
    for (tabel, kolom) in pg.keys() {
        assert!(
            tabel == "schema_migratie"
                || (tabel == "ave" && kolom == "volgnummer")
                || sqlite.contains_key(&(tabel.clone(), kolom.clone())),
            "{tabel}.{kolom} staat alleen in PostgreSQL"
        );
    }
}

#[test]
fn dezelfde_indexen_als_sqlite() {
    let db = proefdb!("dezelfde_indexen_als_sqlite");
    let mut c = db.client();
    migraties::migreer(&mut c).expect("migreer");
    let pg: Vec<String> = c
        .query(
            "SELECT indexname::text FROM pg_indexes WHERE schemaname = current_schema()",
            &[],
        )
        .expect("indexen")
        .iter()
        .map(|r| r.get(0))
        .collect();
    let conn = store::open_in_memory().expect("register");
    let sqlite: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%'",
        )
        .expect("indexen")
        .query_map([], |r| r.get(0))
        .expect("rijen")
        .collect::<Result<_, _>>()
        .expect("indexen");
    assert!(sqlite.len() > 40);
    for naam in &sqlite {
        assert!(pg.contains(naam), "index {naam} ontbreekt in PostgreSQL");
    }
}

/// PostgreSQL version 2 (SQLite version 11) widens the CHECK on
/// `melding.bron` with `ggd-jgz` and `verloskundige`: a version 1 register
/// keeps its meldingen, takes the new codes and still refuses an unknown one.
#[test]
fn versie_twee_kent_de_nieuwe_bronnen_en_houdt_de_meldingen() {
    let db = proefdb!("versie_twee_kent_de_nieuwe_bronnen_en_houdt_de_meldingen");
    let mut c = db.client();
    let een = migraties::MIGRATIES
        .iter()
        .find(|m| m.versie == 1)
        .expect("migratie 1");
    c.batch_execute(
        "CREATE TABLE schema_migratie (
             versie       integer PRIMARY KEY,
             naam         text NOT NULL,
             sha256       text NOT NULL,
             toegepast_op timestamptz NOT NULL DEFAULT now()
         )",
    )
    .expect("schema_migratie");
    c.batch_execute(een.sql).expect("versie 1");
    c.execute(
        "INSERT INTO schema_migratie (versie, naam, sha256) VALUES (1, $1, $2)",
        &[&een.naam, &migraties::hash(een.sql)],
    )
    .expect("versie 1 vastgelegd");
    c.batch_execute(
        "INSERT INTO inwoner (id, voornaam, achternaam, geboortedatum, huishouden, woonplaats)
             VALUES ('I-1', 'Sanne', 'Bos', '2004-03-01', 'H-1', 'Almelo');
         INSERT INTO melding (id, inwoner, datum, bron, vraag)
             VALUES ('M-1', 'I-1', '2026-01-05', 'huisarts', 'Hulp bij de administratie');
         INSERT INTO melding_leefgebied (melding, leefgebied) VALUES ('M-1', 'financien');",
    )
    .expect("rijen van versie 1");
    assert!(
        c.batch_execute(
            "INSERT INTO melding (id, inwoner, datum, bron) VALUES ('M-0', 'I-1', '2026-01-06', 'verloskundige')"
        )
        .is_err(),
        "versie 1 kent de nieuwe bron niet"
    );
    assert_eq!(
        migraties::migreer(&mut c).expect("migreer"),
        migraties::schema_versie()
    );
    let rij = c
        .query_one("SELECT bron, vraag FROM melding WHERE id = 'M-1'", &[])
        .expect("M-1");
    assert_eq!(rij.get::<_, String>(0), "huisarts");
    assert_eq!(rij.get::<_, String>(1), "Hulp bij de administratie");
    c.batch_execute(
        "INSERT INTO melding (id, inwoner, datum, bron) VALUES ('M-2', 'I-1', '2026-02-01', 'verloskundige');
         INSERT INTO melding (id, inwoner, datum, bron) VALUES ('M-3', 'I-1', '2026-02-02', 'ggd-jgz');",
    )
    .expect("de nieuwe bronnen");
    let fout = fout_van(
        &mut c,
        "INSERT INTO melding (id, inwoner, datum, bron) VALUES ('M-4', 'I-1', '2026-02-03', 'consultatiebureau')",
    );
    assert!(fout.contains("melding_bron_check"), "{fout}");
}
