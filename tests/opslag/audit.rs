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
    audit::log(
        &conn,
        &Logregel {
            details: Some("=HYPERLINK(\"http://x\";\"klik\")"),
            ..regel("2026-11-26T09:04:00Z", "@MW-0003", "wijzigen", Some("-1+1"))
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
        "Volgnummer;Tijdstip;Actor;Actie;Object;Doel;Resultaat;Details"
    );
    assert_eq!(regels.len(), 3, "{tekst}");
    assert!(regels[1].starts_with("4;"), "oldest first: {tekst}");
    assert_eq!(
        regels[2],
        "5;2026-11-26T09:04:00Z;'@MW-0003;wijzigen;'-1+1;;gelukt;\"'=HYPERLINK(\"\"http://x\"\";\"\"klik\"\")\""
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

#[test]
fn oude_regels_houden_hun_tekst_en_de_keten_blijft_heel() {
    let conn = store::open_in_memory().expect("open");
    // A row as an earlier version wrote it: local time without an offset.
    let oud = "2026-11-26T10:00:00";
    let hash = hash_van(&[
        "1",
        oud,
        "MW-0001",
        "inloggen",
        "medewerker:MW-0001",
        "\u{0}",
        "gelukt",
        "\u{0}",
        audit::BEGIN_HASH,
    ]);
    conn.execute(
        "INSERT INTO audit (volgnummer, tijdstip, actor, actie, object, doel, resultaat, details, vorige_hash, hash)
         VALUES (1, ?1, 'MW-0001', 'inloggen', 'medewerker:MW-0001', NULL, 'gelukt', NULL, ?2, ?3)",
        params![oud, audit::BEGIN_HASH, hash],
    )
    .expect("old row");
    assert_eq!(
        audit::verifieer(&conn).expect("v"),
        Verificatie::Intact { regels: 1 }
    );
    audit::log(
        &conn,
        &regel("2026-11-26T10:05:00+01:00", "MW-0001", "afmelden", None),
    )
    .expect("log");
    assert_eq!(
        audit::verifieer(&conn).expect("v"),
        Verificatie::Intact { regels: 2 }
    );
    let rijen = audit::lees(&conn, &AuditFilter::default(), 10).expect("lees");
    assert_eq!(rijen[1].tijdstip, oud, "the old row keeps its text");
    assert_eq!(rijen[0].tijdstip, "2026-11-26T09:05:00Z");
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
