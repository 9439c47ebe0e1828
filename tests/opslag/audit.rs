//! The audit log: append-only in the database itself, and a hash chain that
//! detects a row edited or removed through a raw connection.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use std::fmt::Write as _;

use crate::steun::d;
use crate::steun::klantreis::{self, INTAKER, h, melding};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, params};
use sha2::{Digest, Sha256};
use wijkregister::store::accounts::{self, Doel};
use wijkregister::store::audit::{AuditFilter, Logregel, Resultaat, TIJDSTIP_FORMAAT, Verificatie};
use wijkregister::store::klantreis as kr;
use wijkregister::store::{self, StoreFout, audit};

fn regel<'a>(
    tijdstip: &'a str,
    actor: &'a str,
    actie: &'a str,
    object: Option<&'a str>,
) -> Logregel<'a> {
    Logregel {
        tijdstip,
        actor,
        actie,
        object,
        doel: None,
        resultaat: Resultaat::Gelukt,
        details: None,
    }
}

fn vul(conn: &Connection) {
    audit::log(
        conn,
        &regel("2026-11-26T09:00:00Z", "MW-0001", "inloggen", None),
    )
    .expect("log");
    audit::log(
        conn,
        &Logregel {
            doel: Some("intake"),
            ..regel(
                "2026-11-26T09:01:00Z",
                "MW-0001",
                "openen-dossier",
                Some("inwoner:I-1"),
            )
        },
    )
    .expect("log");
    audit::log(
        conn,
        &regel("2026-11-26T09:02:00Z", "MW-0002", "inloggen-mislukt", None),
    )
    .expect("log");
    audit::log(
        conn,
        &regel(
            "2026-11-26T09:03:00Z",
            "MW-0001",
            "wijzigen",
            Some("melding:M-1"),
        ),
    )
    .expect("log");
}

#[test]
fn keten_is_intact_na_schrijven() {
    let conn = store::open_in_memory().expect("open");
    assert_eq!(
        audit::verifieer(&conn).expect("v"),
        Verificatie::Intact { regels: 0 }
    );
    vul(&conn);
    assert_eq!(
        audit::verifieer(&conn).expect("v"),
        Verificatie::Intact { regels: 4 }
    );
}

#[test]
fn database_weigert_wijzigen_en_verwijderen() {
    let conn = store::open_in_memory().expect("open");
    vul(&conn);
    let fout = conn
        .execute("UPDATE audit SET actor = 'MW-9' WHERE volgnummer = 2", [])
        .expect_err("weigert");
    assert!(
        fout.to_string().contains("kan niet worden gewijzigd"),
        "{fout}"
    );
    let fout = conn
        .execute("DELETE FROM audit WHERE volgnummer = 2", [])
        .expect_err("weigert");
    assert!(
        fout.to_string().contains("niets worden verwijderd"),
        "{fout}"
    );
    assert_eq!(
        audit::verifieer(&conn).expect("v"),
        Verificatie::Intact { regels: 4 }
    );
}

#[test]
fn bewerkte_regel_via_ruwe_verbinding_wordt_gevonden() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("r.sqlite");
    vul(&store::open(&db).expect("open"));
    {
        // An attacker with the file drops the trigger and edits row 2.
        let ruw = Connection::open(&db).expect("ruw");
        ruw.execute_batch(
            "DROP TRIGGER audit_alleen_toevoegen_update;
             UPDATE audit SET doel = 'verantwoording' WHERE volgnummer = 2;",
        )
        .expect("bewerk");
    }
    let conn = Connection::open(&db).expect("open");
    match audit::verifieer(&conn).expect("v") {
        Verificatie::Gebroken { volgnummer, reden } => {
            assert_eq!(volgnummer, 2);
            assert!(reden.contains("gewijzigd"), "{reden}");
        }
        v @ Verificatie::Intact { .. } => panic!("edit not detected: {v:?}"),
    }
}

#[test]
fn verwijderde_regel_via_ruwe_verbinding_wordt_gevonden() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("r.sqlite");
    vul(&store::open(&db).expect("open"));
    {
        let ruw = Connection::open(&db).expect("ruw");
        ruw.execute_batch(
            "DROP TRIGGER audit_alleen_toevoegen_delete; DELETE FROM audit WHERE volgnummer = 3;",
        )
        .expect("verwijder");
    }
    let conn = Connection::open(&db).expect("open");
    assert!(matches!(
        audit::verifieer(&conn).expect("v"),
        Verificatie::Gebroken { volgnummer: 4, .. }
    ));
}

#[test]
fn filteren_per_actor_object_en_periode() {
    let conn = store::open_in_memory().expect("open");
    vul(&conn);
    let f = AuditFilter {
        actor: Some("MW-0001".into()),
        ..AuditFilter::default()
    };
    let rijen = audit::lees(&conn, &f, 100).expect("lees");
    assert_eq!(
        rijen.iter().map(|r| r.volgnummer).collect::<Vec<_>>(),
        [4, 2, 1]
    );
    let f = AuditFilter {
        object: Some("inwoner:I-1".into()),
        ..AuditFilter::default()
    };
    let rijen = audit::lees(&conn, &f, 100).expect("lees");
    assert_eq!(rijen.len(), 1);
    assert_eq!(rijen[0].doel.as_deref(), Some("intake"));
    let f = AuditFilter {
        van: Some("2026-11-26T09:01:30Z".into()),
        tot: Some("2026-11-26T09:03:00Z".into()),
        ..AuditFilter::default()
    };
    let rijen = audit::lees(&conn, &f, 100).expect("lees");
    assert_eq!(
        rijen.iter().map(|r| r.actie.as_str()).collect::<Vec<_>>(),
        ["inloggen-mislukt"]
    );
}

#[test]
fn cli_audit_verify_meldt_eerste_gebroken_regel() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("r.sqlite");
    vul(&store::open(&db).expect("open"));
    let bin = env!("CARGO_BIN_EXE_wijkregister");
    let uit = std::process::Command::new(bin)
        .args(["--db", db.to_str().expect("p"), "audit", "verify"])
        .output()
        .expect("run");
    assert!(uit.status.success());
    assert!(String::from_utf8_lossy(&uit.stdout).contains("4 regels"));
    Connection::open(&db)
        .expect("ruw")
        .execute_batch("DROP TRIGGER audit_alleen_toevoegen_update; UPDATE audit SET actor = 'X' WHERE volgnummer = 3;")
        .expect("bewerk");
    let uit = std::process::Command::new(bin)
        .args(["--db", db.to_str().expect("p"), "audit", "verify"])
        .output()
        .expect("run");
    assert!(!uit.status.success());
    assert!(
        String::from_utf8_lossy(&uit.stderr).contains("regel 3"),
        "{}",
        String::from_utf8_lossy(&uit.stderr)
    );
}

#[test]
fn filteren_per_actie_en_tellen() {
    let conn = store::open_in_memory().expect("open");
    vul(&conn);
    let f = AuditFilter {
        actie: Some("inloggen".into()),
        ..AuditFilter::default()
    };
    assert_eq!(audit::tel(&conn, &f).expect("tel"), 1);
    assert_eq!(audit::tel(&conn, &AuditFilter::default()).expect("tel"), 4);
    let f = AuditFilter {
        actor: Some("MW-0001".into()),
        actie: Some("wijzigen".into()),
        ..AuditFilter::default()
    };
    let rijen = audit::lees(&conn, &f, 100).expect("lees");
    assert_eq!(rijen.iter().map(|r| r.volgnummer).collect::<Vec<_>>(), [4]);
    assert_eq!(
        audit::acties(&conn).expect("acties"),
        ["inloggen", "inloggen-mislukt", "openen-dossier", "wijzigen"]
    );
}

/// A log of `n` rows: actor `MW-0001` on even rows, `MW-0002` on odd ones,
/// one minute apart from 2026-01-01 00:00.
fn groot_log(conn: &mut Connection, n: u32) {
    let tx = conn.transaction().expect("tx");
    let begin = chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    for i in 0..n {
        let t = (begin + chrono::Duration::minutes(i64::from(i)))
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string();
        let actor = if i % 2 == 0 { "MW-0001" } else { "MW-0002" };
        let object = format!("inwoner:I-{}", i % 100);
        audit::log(&tx, &regel(&t, actor, "openen-dossier", Some(&object))).expect("log");
    }
    tx.commit().expect("commit");
}

#[test]
fn bladeren_leest_een_pagina_nieuwste_eerst() {
    let mut conn = store::open_in_memory().expect("open");
    groot_log(&mut conn, 5_000);
    let alles = AuditFilter::default();
    assert_eq!(audit::tel(&conn, &alles).expect("tel"), 5_000);
    let eerste = audit::pagina(&conn, &alles, 0, 50).expect("pagina");
    assert_eq!(eerste.len(), 50);
    assert_eq!(eerste[0].volgnummer, 5_000);
    assert_eq!(eerste[49].volgnummer, 4_951);
    let derde = audit::pagina(&conn, &alles, 100, 50).expect("pagina");
    assert_eq!(derde[0].volgnummer, 4_900);
    let laatste = audit::pagina(&conn, &alles, 4_990, 50).expect("pagina");
    assert_eq!(
        laatste.iter().map(|r| r.volgnummer).collect::<Vec<_>>(),
        (1..=10).rev().collect::<Vec<_>>()
    );

    // Filtered pages: one actor, one resident, one day.
    let f = AuditFilter {
        actor: Some("MW-0002".into()),
        object: Some("inwoner:I-7".into()),
        ..AuditFilter::default()
    };
    assert_eq!(audit::tel(&conn, &f).expect("tel"), 50);
    let p = audit::pagina(&conn, &f, 10, 5).expect("pagina");
    assert!(
        p.iter()
            .all(|r| r.actor == "MW-0002" && r.object.as_deref() == Some("inwoner:I-7"))
    );
    assert!(p.windows(2).all(|w| w[0].volgnummer > w[1].volgnummer));
    let f = AuditFilter {
        van: Some("2026-01-02".into()),
        tot: Some("2026-01-03".into()),
        ..AuditFilter::default()
    };
    // Rows 1441..=2880 fall on 2 January (minute 1440 to 2879).
    assert_eq!(audit::tel(&conn, &f).expect("tel"), 1_440);
    let p = audit::pagina(&conn, &f, 0, 1).expect("pagina");
    assert_eq!(p[0].tijdstip, "2026-01-02T23:59:00Z");
}

#[test]
fn export_neutraliseert_formules_en_wordt_gelogd() {
    let dir = tempfile::tempdir().expect("dir");
    let mut conn = store::open_in_memory().expect("open");
    vul(&conn);
    // A medewerker whose name a spreadsheet would read as a formula.
    conn.execute(
        "INSERT INTO medewerker (id, naam, rol) VALUES ('MW-0003', '@Som(1)', 'wijkcoach')",
        [],
    )
    .expect("medewerker");
    audit::log(
        &conn,
        &Logregel {
            details: Some("=HYPERLINK(\"http://x\";\"klik\")"),
            ..regel(
                "2026-11-26T09:04:00",
                "MW-0003",
                "wijzigen",
                Some("medewerker:MW-0003"),
            )
        },
    )
    .expect("log");
    let pad = dir.path().join("auditlog.csv");
    let f = AuditFilter {
        actie: Some("wijzigen".into()),
        ..AuditFilter::default()
    };
    let n = wijkregister::report::auditlog::exporteer(
        &mut conn,
        &f,
        &pad,
        "MW-BEHEER",
        "2026-11-26T10:00:00",
    )
    .expect("export");
    assert_eq!(n, 2);
    let tekst = std::fs::read_to_string(&pad).expect("lees");
    let regels: Vec<&str> = tekst.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        regels[0],
        "Volgnummer;Tijdstip;Medewerker;Actie;Object;Doel;Resultaat;Details"
    );
    assert_eq!(regels.len(), 3, "{tekst}");
    assert!(regels[1].starts_with("4;"), "oldest first: {tekst}");
    assert_eq!(
        regels[2],
        "5;26-11-2026 09:04:00;'@Som(1) (Wijkcoach);Gewijzigd;'@Som(1);;Gelukt;\"'=HYPERLINK(\"\"http://x\"\";\"\"klik\"\")\""
    );
    // The export is itself a row, by the beheerder, with the filter and the count.
    let laatste = &audit::lees(&conn, &AuditFilter::default(), 1).expect("lees")[0];
    assert_eq!(
        (
            laatste.actor.as_str(),
            laatste.actie.as_str(),
            laatste.resultaat.as_str()
        ),
        ("MW-BEHEER", "export", "gelukt")
    );
    let details = laatste.details.as_deref().unwrap();
    assert!(
        details.contains("actie=wijzigen") && details.contains("2 regels"),
        "{details}"
    );
    assert!(matches!(
        audit::verifieer(&conn).expect("v"),
        Verificatie::Intact { regels: 6 }
    ));
}

#[test]
fn mislukte_export_wordt_als_mislukt_gelogd() {
    let dir = tempfile::tempdir().expect("dir");
    let mut conn = store::open_in_memory().expect("open");
    vul(&conn);
    let pad = dir.path().join("bestaat-niet").join("auditlog.csv");
    let fout = wijkregister::report::auditlog::exporteer(
        &mut conn,
        &AuditFilter::default(),
        &pad,
        "MW-BEHEER",
        "2026-11-26T10:00:00",
    )
    .expect_err("map bestaat niet");
    assert!(
        fout.to_string().contains("kon niet worden geschreven"),
        "{fout}"
    );
    let laatste = &audit::lees(&conn, &AuditFilter::default(), 1).expect("lees")[0];
    assert_eq!(
        (laatste.actie.as_str(), laatste.resultaat.as_str()),
        ("export", "mislukt")
    );
}

/// Whether `tekst` is in the log's one form: UTC, whole seconds, `Z`.
fn in_vaste_vorm(tekst: &str) -> bool {
    NaiveDateTime::parse_from_str(tekst, TIJDSTIP_FORMAAT)
        .is_ok_and(|t| t.format(TIJDSTIP_FORMAAT).to_string() == tekst)
}

#[test]
fn alle_schrijvers_leggen_het_tijdstip_in_een_vorm_vast() {
    // The fixture's sociale kaart is written by sociale kaart beheer, with a
    // moment that carries an offset (+01:00).
    let mut conn = klantreis::register();
    // The klantreis, with the same kind of moment.
    kr::melding_toevoegen(&conn, h(INTAKER), &melding("I-MIRIAM", d(2026, 3, 2), None))
        .expect("melding");
    // Accounts, logins and openings: the app's clock, local time without an offset.
    let nu = NaiveDate::from_ymd_opt(2026, 11, 26)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    let sessie = accounts::maak_eerste_beheerder(
        &mut conn,
        "Bert Beheer",
        "bert",
        "lange-zin-met-paard-7",
        nu,
    )
    .expect("beheerder");
    accounts::inloggen(&mut conn, "bert", "lange-zin-met-paard-7", nu).expect("inloggen");
    accounts::log_openen(&conn, &sessie.medewerker, "huishouden:H-1", Doel::Ave, nu)
        .expect("openen");
    accounts::log_afmelden(&conn, &sessie.medewerker, nu).expect("afmelden");
    // Other spellings a caller may pass.
    for tijdstip in [
        "2026-11-26T10:00:00.123456789+01:00",
        "2026-11-26T09:00:00Z",
    ] {
        audit::log(&conn, &regel(tijdstip, "MW-0001", "wijzigen", None)).expect("log");
    }

    let rijen = audit::lees(&conn, &AuditFilter::default(), 1000).expect("lees");
    assert!(rijen.len() >= 12, "{}", rijen.len());
    let afwijkend: Vec<_> = rijen
        .iter()
        .filter(|r| !in_vaste_vorm(&r.tijdstip))
        .map(|r| (&r.actie, &r.tijdstip))
        .collect();
    assert!(afwijkend.is_empty(), "not in the one form: {afwijkend:?}");
    // The moments themselves are kept: 10:00 at +01:00 is 09:00 UTC ...
    for r in &rijen {
        if r.actor == sessie.medewerker {
            // ... and the clock's local time is read in the local zone.
            assert_eq!(r.tijdstip, audit::tijdstip_lokaal(nu), "{r:?}");
        } else {
            assert_eq!(r.tijdstip, "2026-11-26T09:00:00Z", "{r:?}");
        }
    }
    let acties: Vec<&str> = rijen.iter().map(|r| r.actie.as_str()).collect();
    for actie in [
        "voorziening-toevoegen",
        "melding-toevoegen",
        "eerste-beheerder-aanmaken",
        "inloggen",
        "openen-huishouden",
        "afmelden",
    ] {
        assert!(acties.contains(&actie), "{actie} in {acties:?}");
    }
    assert!(matches!(
        audit::verifieer(&conn).expect("v"),
        Verificatie::Intact { .. }
    ));
}

#[test]
fn onleesbaar_tijdstip_wordt_geweigerd() {
    let conn = store::open_in_memory().expect("open");
    let fout = audit::log(
        &conn,
        &regel("26-11-2026 10:00", "MW-0001", "inloggen", None),
    )
    .expect_err("no ISO moment");
    assert!(matches!(fout, StoreFout::Tijdstip(_)), "{fout}");
    assert!(fout.to_string().contains("26-11-2026 10:00"), "{fout}");
    let aantal: i64 = conn
        .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .unwrap();
    assert_eq!(aantal, 0);
}

/// The hash of a row, computed as the log does (to write a row the way an
/// earlier version did, with its own text).
fn hash_van(velden: &[&str]) -> String {
    let mut h = Sha256::new();
    for deel in velden {
        h.update((deel.len() as u64).to_le_bytes());
        h.update(deel.as_bytes());
    }
    h.finalize().iter().fold(String::new(), |mut s, b| {
        write!(s, "{b:02x}").unwrap();
        s
    })
}

/// A register of version 7 with `rijen` rows written as that version did
/// (plain SHA-256 chain, local time without an offset), not yet opened by
/// this version (no key folder).
fn oud_register(db: &std::path::Path, rijen: i64) {
    let sql = std::fs::read_to_string(format!(
        "{}/tests/fixtures/schema_v7.sql",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let oud = Connection::open(db).unwrap();
    oud.execute_batch(&sql).unwrap();
    oud.pragma_update(None, "user_version", 7).unwrap();
    let mut vorige = audit::BEGIN_HASH.to_owned();
    for n in 1..=rijen {
        let tijdstip = format!("2026-11-26T10:0{n}:00");
        let hash = hash_van(&[
            &n.to_string(),
            &tijdstip,
            "MW-0001",
            "inloggen",
            "medewerker:MW-0001",
            "\u{0}",
            "gelukt",
            "\u{0}",
            &vorige,
        ]);
        oud.execute(
            "INSERT INTO audit (volgnummer, tijdstip, actor, actie, object, doel, resultaat, details, vorige_hash, hash)
             VALUES (?1, ?2, 'MW-0001', 'inloggen', 'medewerker:MW-0001', NULL, 'gelukt', NULL, ?3, ?4)",
            params![n, tijdstip, vorige, hash],
        )
        .unwrap();
        vorige = hash;
    }
}

/// Rows of an earlier version keep their text and their SHA-256 chain; the
/// upgrade writes one keyed row that chains onto them and seals them: an
/// old row changed afterwards, even with the old chain recomputed, is found.
#[test]
fn oude_regels_houden_hun_tekst_en_de_keten_blijft_heel() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("r.sqlite");
    oud_register(&db, 2);
    assert!(!store::sleutel::map_van(&db).exists());
    let conn = store::open(&db).expect("open en upgrade");
    assert!(store::sleutel::map_van(&db).join("sleutel").is_file());
    let rijen = audit::lees(&conn, &AuditFilter::default(), 10).expect("lees");
    assert_eq!(rijen[0].actie, "auditlog-sleutel", "{rijen:?}");
    let details = rijen[0].details.as_deref().unwrap();
    assert!(
        details.contains("vanaf regel 3") && details.contains("intact (2 regels)"),
        "{details}"
    );
    audit::log(
        &conn,
        &regel("2026-11-26T10:05:00+01:00", "MW-0001", "afmelden", None),
    )
    .expect("log");
    assert_eq!(
        audit::verifieer(&conn).expect("v"),
        Verificatie::Intact { regels: 4 }
    );
    let rijen = audit::lees(&conn, &AuditFilter::default(), 10).expect("lees");
    assert_eq!(
        rijen[3].tijdstip, "2026-11-26T10:01:00",
        "the old row keeps its text"
    );
    assert_eq!(rijen[0].tijdstip, "2026-11-26T09:05:00Z");
    drop(conn);

    // Someone with the file rewrites old row 1 and recomputes the old chain.
    let ruw = Connection::open(&db).expect("ruw");
    ruw.execute_batch("DROP TRIGGER audit_alleen_toevoegen_update")
        .unwrap();
    let mut vorige = audit::BEGIN_HASH.to_owned();
    for n in 1..=2_i64 {
        let tijdstip = format!("2026-11-26T10:0{n}:00");
        let actor = if n == 1 { "MW-0009" } else { "MW-0001" };
        let hash = hash_van(&[
            &n.to_string(),
            &tijdstip,
            actor,
            "inloggen",
            "medewerker:MW-0001",
            "\u{0}",
            "gelukt",
            "\u{0}",
            &vorige,
        ]);
        ruw.execute(
            "UPDATE audit SET actor = ?1, vorige_hash = ?2, hash = ?3 WHERE volgnummer = ?4",
            params![actor, vorige, hash, n],
        )
        .unwrap();
        vorige = hash;
    }
    match audit::verifieer(&ruw).expect("v") {
        Verificatie::Gebroken { volgnummer, reden } => {
            assert_eq!(volgnummer, 3, "the keyed row pins the old chain: {reden}");
            assert!(reden.contains("vorige regel"), "{reden}");
        }
        v @ Verificatie::Intact { .. } => panic!("rewrite of old rows not found: {v:?}"),
    }
}

/// An attacker with the register file only: drops the triggers and does
/// what they like with a raw connection.
fn ruw_zonder_triggers(db: &std::path::Path) -> Connection {
    let ruw = Connection::open(db).expect("ruw");
    ruw.execute_batch(
        "DROP TRIGGER IF EXISTS audit_alleen_toevoegen_update;
         DROP TRIGGER IF EXISTS audit_alleen_toevoegen_delete;
         DROP TRIGGER IF EXISTS audit_alleen_toevoegen_insert;",
    )
    .expect("drop");
    ruw
}

fn gebroken(conn: &Connection) -> (i64, String) {
    match audit::verifieer(conn).expect("verifieer") {
        Verificatie::Gebroken { volgnummer, reden } => (volgnummer, reden),
        v @ Verificatie::Intact { .. } => panic!("tampering not found: {v:?}"),
    }
}

#[test]
fn verwijderde_laatste_regels_worden_gevonden() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("r.sqlite");
    vul(&store::open(&db).expect("open"));
    // The next start anchors the head (row 4) outside the file.
    drop(store::open(&db).expect("start"));
    let ruw = ruw_zonder_triggers(&db);
    ruw.execute("DELETE FROM audit WHERE volgnummer >= 3", [])
        .unwrap();
    let (volgnummer, reden) = gebroken(&ruw);
    assert_eq!(volgnummer, 3);
    assert!(
        reden.contains("regels 3 tot en met 4 zijn verwijderd"),
        "{reden}"
    );
}

#[test]
fn leeggemaakt_log_wordt_gevonden() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("r.sqlite");
    vul(&store::open(&db).expect("open"));
    drop(store::open(&db).expect("start"));
    let ruw = ruw_zonder_triggers(&db);
    ruw.execute_batch("DELETE FROM audit; VACUUM;").unwrap();
    // The triggers put back as well: only the anchor can tell.
    ruw.execute_batch(&format!(
        "{}{}",
        "CREATE TRIGGER audit_alleen_toevoegen_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'het auditlog kan niet worden gewijzigd'); END;
CREATE TRIGGER audit_alleen_toevoegen_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'uit het auditlog kan niets worden verwijderd'); END;",
        "
CREATE TRIGGER audit_alleen_toevoegen_insert BEFORE INSERT ON audit
WHEN NEW.volgnummer IS NOT (SELECT coalesce(max(volgnummer), 0) + 1 FROM audit)
BEGIN SELECT RAISE(ABORT, 'aan het auditlog kan alleen de volgende regel worden toegevoegd'); END;"
    ))
    .unwrap();
    let (volgnummer, reden) = gebroken(&ruw);
    assert_eq!(volgnummer, 1);
    assert!(reden.contains("leeggemaakt"), "{reden}");
    // The command line says so too, and fails.
    let uit = std::process::Command::new(env!("CARGO_BIN_EXE_wijkregister"))
        .args(["--db", db.to_str().unwrap(), "audit", "verify"])
        .output()
        .unwrap();
    assert!(!uit.status.success());
    assert!(String::from_utf8_lossy(&uit.stderr).contains("leeggemaakt"));
}

/// A row as a raw connection reads it: volgnummer, tijdstip, actor, actie,
/// object, doel, resultaat, details.
type RuweRij = (
    i64,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
);

/// Someone with the file but not the key edits a row and recomputes every
/// hash after it: with the old scheme's plain SHA-256, or an HMAC with a
/// key of their own. Both are found at the edited row.
#[test]
fn keten_opnieuw_berekend_zonder_sleutel_wordt_gevonden() {
    use hmac::{Hmac, Mac};
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("r.sqlite");
    vul(&store::open(&db).expect("open"));
    for eigen_sleutel in [None, Some([7_u8; 32])] {
        let ruw = ruw_zonder_triggers(&db);
        let rijen: Vec<RuweRij> = ruw
            .prepare("SELECT volgnummer, tijdstip, actor, actie, object, doel, resultaat, details FROM audit ORDER BY volgnummer")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let mut vorige: String = ruw
            .query_row("SELECT hash FROM audit WHERE volgnummer = 1", [], |r| {
                r.get(0)
            })
            .unwrap();
        for (n, tijdstip, actor, actie, object, doel, resultaat, details) in &rijen[1..] {
            let actor = if *n == 2 { "MW-0666" } else { actor.as_str() };
            let velden = [
                n.to_string(),
                tijdstip.clone(),
                actor.to_owned(),
                actie.clone(),
                object.clone().unwrap_or_else(|| "\u{0}".into()),
                doel.clone().unwrap_or_else(|| "\u{0}".into()),
                resultaat.clone(),
                details.clone().unwrap_or_else(|| "\u{0}".into()),
                vorige.clone(),
            ];
            let hash = match eigen_sleutel {
                None => hash_van(&velden.iter().map(String::as_str).collect::<Vec<_>>()),
                Some(k) => {
                    let mut m = <Hmac<Sha256> as Mac>::new_from_slice(&k).unwrap();
                    for deel in &velden {
                        m.update(&(deel.len() as u64).to_le_bytes());
                        m.update(deel.as_bytes());
                    }
                    m.finalize()
                        .into_bytes()
                        .iter()
                        .fold(String::new(), |mut s, b| {
                            write!(s, "{b:02x}").unwrap();
                            s
                        })
                }
            };
            ruw.execute(
                "UPDATE audit SET actor = ?1, vorige_hash = ?2, hash = ?3 WHERE volgnummer = ?4",
                params![actor, vorige, hash, n],
            )
            .unwrap();
            vorige = hash;
        }
        let (volgnummer, reden) = gebroken(&ruw);
        assert_eq!(volgnummer, 2, "{eigen_sleutel:?}");
        assert!(reden.contains("gewijzigd"), "{reden}");
        if eigen_sleutel.is_none() {
            assert!(reden.contains("zonder de sleutel"), "{reden}");
        }
    }
}

#[test]
fn ontbrekende_triggers_worden_gevonden() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("r.sqlite");
    vul(&store::open(&db).expect("open"));
    for trigger in audit::TRIGGERS {
        let ruw = Connection::open(&db).unwrap();
        ruw.execute_batch("SAVEPOINT s").unwrap();
        ruw.execute_batch(&format!("DROP TRIGGER {trigger}"))
            .unwrap();
        let (volgnummer, reden) = gebroken(&ruw);
        assert_eq!(volgnummer, 0);
        assert!(reden.contains(trigger), "{reden}");
        ruw.execute_batch("ROLLBACK TO s; RELEASE s").unwrap();
    }
    assert_eq!(
        audit::verifieer(&Connection::open(&db).unwrap()).expect("v"),
        Verificatie::Intact { regels: 4 }
    );
}

/// `INSERT OR REPLACE` (whose REPLACE deletes without firing the DELETE
/// trigger) cannot replace a row, nor can a row be slipped in between or
/// past the end.
#[test]
fn insert_or_replace_vervangt_geen_regel() {
    let conn = store::open_in_memory().expect("open");
    vul(&conn);
    for volgnummer in [2_i64, 0, 9] {
        let fout = conn
            .execute(
                "INSERT OR REPLACE INTO audit (volgnummer, tijdstip, actor, actie, object, doel, resultaat, details, vorige_hash, hash)
                 SELECT ?1, tijdstip, 'MW-0666', actie, object, doel, resultaat, details, vorige_hash, hash FROM audit WHERE volgnummer = 2",
                params![volgnummer],
            )
            .expect_err("geweigerd");
        assert!(
            fout.to_string().contains("alleen de volgende regel"),
            "{fout}"
        );
    }
    let actor: String = conn
        .query_row("SELECT actor FROM audit WHERE volgnummer = 2", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(actor, "MW-0001");
    assert_eq!(
        audit::verifieer(&conn).expect("v"),
        Verificatie::Intact { regels: 4 }
    );
}

/// A keyed register whose key folder is gone is refused, never given a
/// new key (which would let a rewritten log pass as intact).
#[test]
fn register_zonder_sleutel_wordt_geweigerd() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("r.sqlite");
    vul(&store::open(&db).expect("open"));
    let map = store::sleutel::map_van(&db);
    std::fs::rename(&map, dir.path().join("elders")).unwrap();
    let fout = store::open(&db).expect_err("zonder sleutel");
    assert!(matches!(fout, StoreFout::SleutelOntbreekt(_)), "{fout:?}");
    assert!(
        fout.to_string()
            .contains("de sleutel van het auditlog ontbreekt"),
        "{fout}"
    );
    assert!(!map.exists(), "no new key was made");
}

/// Every command-line import, export, backup and restore is an audit row,
/// with `opdrachtregel` as actor (whoever holds the file).
#[test]
fn opdrachtregel_import_export_en_backup_staan_in_het_log() {
    let dir = tempfile::tempdir().expect("dir");
    let bron = dir.path().join("bron.sqlite");
    let db = dir.path().join("register.sqlite");
    let jsonl = dir.path().join("register.jsonl");
    let wr = |args: &[&std::ffi::OsStr]| {
        let uit = std::process::Command::new(env!("CARGO_BIN_EXE_wijkregister"))
            .args(args)
            .output()
            .expect("wijkregister");
        assert!(
            uit.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&uit.stderr)
        );
    };
    wr(&[
        "--db".as_ref(),
        bron.as_os_str(),
        "demo".as_ref(),
        "--inwoners".as_ref(),
        "50".as_ref(),
        "--jaren".as_ref(),
        "1".as_ref(),
    ]);
    wr(&[
        "--db".as_ref(),
        bron.as_os_str(),
        "export-jsonl".as_ref(),
        jsonl.as_os_str(),
    ]);
    wr(&[
        "--db".as_ref(),
        db.as_os_str(),
        "import".as_ref(),
        jsonl.as_os_str(),
    ]);
    let csv = dir.path().join("monitoring.csv");
    wr(&[
        "--db".as_ref(),
        db.as_os_str(),
        "export".as_ref(),
        "--van".as_ref(),
        "2025".as_ref(),
        "--tot".as_ref(),
        "2025".as_ref(),
        "--uit".as_ref(),
        csv.as_os_str(),
    ]);
    let kopie = dir.path().join("kopie.sqlite");
    wr(&[
        "--db".as_ref(),
        db.as_os_str(),
        "backup".as_ref(),
        kopie.as_os_str(),
    ]);
    let rijen: Vec<(String, String, String)> = store::open(&db)
        .expect("open")
        .prepare("SELECT actor, actie, resultaat FROM audit ORDER BY volgnummer")
        .expect("sql")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("rijen")
        .collect::<Result<_, _>>()
        .expect("rijen");
    let rij = |actie: &str| {
        (
            "opdrachtregel".to_owned(),
            actie.to_owned(),
            "gelukt".to_owned(),
        )
    };
    assert_eq!(rijen, [rij("import"), rij("export"), rij("backup")]);
    // The export of the source register is in its own log.
    let bron_log = audit::lees(
        &store::open(&bron).expect("open"),
        &AuditFilter::default(),
        10,
    )
    .expect("lees");
    assert_eq!(bron_log[0].actie, "export");
}

/// A full disk, a read-only register and a lock held too long are said
/// once, in Dutch, by the store's one error mapping (`StoreFout::from`).
#[test]
fn schijf_vol_alleen_lezen_en_bezet_in_gewone_woorden() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("r.sqlite");
    let conn = store::open(&db).expect("open");
    let paginas: i64 = conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    conn.pragma_update(None, "max_page_count", paginas).unwrap();
    let lang = "x".repeat(20_000);
    let fout = audit::log(
        &conn,
        &Logregel {
            details: Some(&lang),
            ..regel("2026-11-26T09:00:00Z", "MW-0001", "wijzigen", None)
        },
    )
    .expect_err("vol");
    assert!(matches!(fout, StoreFout::SchijfVol), "{fout:?}");
    assert!(
        fout.to_string()
            .starts_with("De schijf is vol: er is niets opgeslagen"),
        "{fout}"
    );
    assert!(fout.is_omgeving());
    drop(conn);

    let alleen_lezen =
        Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).expect("ro");
    let fout = audit::log(
        &alleen_lezen,
        &regel("2026-11-26T09:00:00Z", "MW-0001", "wijzigen", None),
    )
    .expect_err("alleen lezen");
    assert!(matches!(fout, StoreFout::AlleenLezen), "{fout:?}");
    assert!(fout.to_string().contains("alleen-lezen"), "{fout}");

    let houder = store::open(&db).expect("open");
    houder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let ander = store::open(&db).expect("open");
    ander
        .busy_timeout(std::time::Duration::from_millis(50))
        .unwrap();
    let fout = audit::log(
        &ander,
        &regel("2026-11-26T09:00:00Z", "MW-0001", "wijzigen", None),
    )
    .expect_err("bezet");
    assert!(matches!(fout, StoreFout::Bezet), "{fout:?}");
    assert!(
        fout.to_string().contains("bezet door een ander programma"),
        "{fout}"
    );
    houder.execute_batch("ROLLBACK").unwrap();
}

/// Rows carried from an exchange file keep their content and number and
/// are chained under this register's own key; a row out of order is refused.
#[test]
fn overgenomen_regels_onder_de_eigen_sleutel() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("r.sqlite");
    let mut conn = store::open(&db).expect("open");
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .unwrap();
    for n in 1..=3 {
        audit::voeg_overgenomen_toe(
            &tx,
            &audit::OvergenomenRegel {
                volgnummer: n,
                tijdstip: "2026-11-26T10:00:00",
                actor: "MW-0001",
                actie: "openen-dossier",
                object: Some("inwoner:I-1"),
                doel: Some("intake"),
                resultaat: "geweigerd",
                details: None,
            },
        )
        .expect("overnemen");
    }
    let fout = audit::voeg_overgenomen_toe(
        &tx,
        &audit::OvergenomenRegel {
            volgnummer: 9,
            tijdstip: "2026-11-26T10:00:00",
            actor: "MW-0001",
            actie: "inloggen",
            object: None,
            doel: None,
            resultaat: "gelukt",
            details: None,
        },
    )
    .expect_err("niet de volgende");
    assert!(matches!(fout, StoreFout::Validatie(_)), "{fout:?}");
    tx.commit().unwrap();
    audit::log(
        &conn,
        &regel("2026-11-26T11:00:00Z", "MW-0002", "import", None),
    )
    .expect("log");
    assert_eq!(
        audit::verifieer(&Connection::open(&db).unwrap()).expect("v"),
        Verificatie::Intact { regels: 4 }
    );
    let rij = &audit::lees(&conn, &AuditFilter::default(), 10).expect("lees")[3];
    assert_eq!(
        (rij.tijdstip.as_str(), rij.resultaat.as_str()),
        ("2026-11-26T10:00:00", "geweigerd")
    );
}

/// Every page, read from either end, is the same as a plain walk of the
/// matching rows newest first; counts and the action list agree.
#[test]
fn elke_pagina_klopt_van_beide_kanten() {
    let mut conn = store::open_in_memory().expect("open");
    groot_log(&mut conn, 1_000);
    audit::log(
        &conn,
        &regel(
            "2026-02-01T00:00:00Z",
            "MW-0003",
            "export",
            Some("auditlog"),
        ),
    )
    .expect("log");
    for filter in [
        AuditFilter::default(),
        AuditFilter {
            actor: Some("MW-0002".into()),
            ..AuditFilter::default()
        },
        AuditFilter {
            object: Some("inwoner:I-7".into()),
            ..AuditFilter::default()
        },
        AuditFilter {
            actie: Some("openen-dossier".into()),
            van: Some("2026-01-01T05:00:00Z".into()),
            ..AuditFilter::default()
        },
    ] {
        let alle = audit::lees(&conn, &filter, 100_000).expect("alle");
        assert_eq!(audit::tel(&conn, &filter).expect("tel"), alle.len() as u64);
        for overslaan in [0_u64, 3, 7, 250, 490, 499, 500, 501, 700, 997, 1_000, 2_000] {
            let verwacht: Vec<i64> = alle
                .iter()
                .skip(overslaan as usize)
                .take(7)
                .map(|r| r.volgnummer)
                .collect();
            let gevonden: Vec<i64> = audit::pagina(&conn, &filter, overslaan, 7)
                .expect("pagina")
                .iter()
                .map(|r| r.volgnummer)
                .collect();
            assert_eq!(gevonden, verwacht, "{filter:?} overslaan {overslaan}");
        }
    }
    assert_eq!(
        audit::acties(&conn).expect("acties"),
        ["export", "openen-dossier"]
    );
}

/// The export says what the Beheer screen says: a medewerker by name and
/// role, actions, reasons and purposes as sentences, an object by its name
/// and date — never an id (`mw-1`, `in-jan`), a code (`account-toevoegen`)
/// or a `key=value`.
#[test]
fn export_in_de_woorden_van_het_scherm() {
    let dir = tempfile::tempdir().expect("dir");
    let mut conn = crate::steun::vaste::register();
    let nu = d(2026, 11, 26).and_hms_opt(9, 0, 0).unwrap();
    let bea =
        accounts::maak_eerste_beheerder(&mut conn, "Bea Beheer", "bea", "lange-zin-7-paard", nu)
            .expect("beheerder");
    accounts::voeg_toe(
        &mut conn,
        &bea.medewerker,
        "mw-1",
        "fatima",
        "fatima-wachtwoord-1",
        nu,
    )
    .expect("fatima");
    let _ = accounts::inloggen(&mut conn, "fatima", "verkeerd-wachtwoord", nu);
    accounts::log_openen(&conn, "mw-1", "inwoner:in-jan", Doel::Intake, nu).expect("openen");
    // A dossier that is no longer in the register.
    accounts::log_openen(&conn, "mw-1", "inwoner:in-weg", Doel::Ave, nu).expect("openen");
    let pad = dir.path().join("auditlog.csv");
    wijkregister::report::auditlog::exporteer(
        &mut conn,
        &AuditFilter::default(),
        &pad,
        &bea.medewerker,
        "2026-11-26T10:00:00",
    )
    .expect("export");
    let tekst = std::fs::read_to_string(&pad).expect("lees");
    let regels: Vec<Vec<&str>> = tekst
        .trim_start_matches('\u{feff}')
        .lines()
        .skip(1)
        .map(|r| r.split(';').collect())
        .collect();
    let zoek = |actie: &str| -> &Vec<&str> {
        regels
            .iter()
            .find(|r| r[3] == actie)
            .unwrap_or_else(|| panic!("no row '{actie}' in:\n{tekst}"))
    };
    // Medewerker, Actie, Object, Doel, Resultaat, Details.
    assert_eq!(
        zoek("Account toegevoegd")[2..7],
        [
            "Bea Beheer (Beheerder)",
            "Account toegevoegd",
            "Fatima El Amrani",
            "",
            "Gelukt",
        ]
    );
    let mislukt = zoek("Aanmelden mislukt");
    assert_eq!(mislukt[2], "Fatima El Amrani (Wijkcoach)");
    assert_eq!(mislukt[6], "Geweigerd");
    assert!(mislukt[7].starts_with("Onjuist wachtwoord"), "{mislukt:?}");
    let geopend: Vec<&Vec<&str>> = regels
        .iter()
        .filter(|r| r[3] == "Dossier geopend")
        .collect();
    assert_eq!(
        geopend.iter().map(|r| (r[4], r[5])).collect::<Vec<_>>(),
        [
            ("Jan de Vries, geboren 01-03-1980", "Intake"),
            ("Inwoner (niet meer in het register)", "AVE")
        ]
    );
    // The moment as on the screen: dd-mm-jjjj uu:mm:ss.
    for r in &regels {
        let t = r[1].as_bytes();
        assert!(
            t.len() == 19 && t[2] == b'-' && t[5] == b'-' && t[10] == b' ' && t[13] == b':',
            "{r:?}"
        );
    }
    // No id, code or key=value anywhere in the rows.
    for code in [
        "mw-1",
        "in-jan",
        "in-weg",
        bea.medewerker.as_str(),
        "account-toevoegen",
        "inloggen-mislukt",
        "onjuist-wachtwoord",
        "=",
        "inwoner:",
        "medewerker:",
    ] {
        for r in &regels {
            assert!(!r.iter().any(|v| v.contains(code)), "'{code}' in {r:?}");
        }
    }
}
