//! The audit log: append-only in the database itself, and a hash chain that
//! detects a row edited or removed through a raw connection.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use rusqlite::Connection;
use wijkregister::store::audit::{AuditFilter, Logregel, Resultaat, Verificatie};
use wijkregister::store::{self, audit};

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
