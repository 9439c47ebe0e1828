//! The audit log at a million rows: `audit verify` (keyed chain and
//! anchor) and every read of the Beheer audit screen (the action list,
//! counts and pages at any depth, with and without filters), on a file
//! register in a temporary folder. Targets (issue #13): verify < 2 s, any
//! page < 50 ms, in release.

use std::time::Instant;

use wijkregister::store::{self, audit};

/// Rows in the log.
const REGELS: i64 = 1_000_000;

pub fn auditlog_op_een_miljoen_regels() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("register.sqlite");
    let mut conn = store::open(&db).expect("open");
    let begin = Instant::now();
    let acties = [
        "openen-dossier",
        "wijzigen",
        "inloggen",
        "afmelden",
        "export",
        "besluit",
    ];
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .expect("tx");
    for i in 0..REGELS {
        let tijdstip = format!(
            "2026-{:02}-{:02}T{:02}:{:02}:00Z",
            1 + (i / 90_000) % 12,
            1 + (i / 3_000) % 28,
            (i / 60) % 24,
            i % 60
        );
        let actor = format!("MW-{:04}", i % 300);
        let object = format!("inwoner:I-{:06}", (i * 7919) % 75_000);
        audit::log(
            &tx,
            &audit::Logregel {
                tijdstip: &tijdstip,
                actor: &actor,
                actie: acties[(i % 97 % 6) as usize],
                object: Some(&object),
                doel: Some("intake"),
                resultaat: audit::Resultaat::Gelukt,
                details: None,
            },
        )
        .expect("log");
    }
    tx.commit().expect("commit");
    println!(
        "{REGELS} regels geschreven in {:.1} s",
        begin.elapsed().as_secs_f64()
    );
    drop(conn);
    let conn = store::open(&db).expect("open");

    let meet = |naam: &str, f: &mut dyn FnMut()| {
        let mut tijden: Vec<f64> = (0..5)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        tijden.sort_by(f64::total_cmp);
        println!("{naam:<58} {:>9.1} ms (mediaan van 5)", tijden[2]);
    };
    meet("audit verify (sleutelketen, anker, triggers)", &mut || {
        assert!(matches!(
            audit::verifieer(&conn).expect("verify"),
            audit::Verificatie::Intact { .. }
        ));
    });
    meet("lijst van acties", &mut || {
        assert_eq!(audit::acties(&conn).expect("acties").len(), 6);
    });
    let filters = [
        ("geen filter", audit::AuditFilter::default()),
        (
            "medewerker",
            audit::AuditFilter {
                actor: Some("MW-0042".into()),
                ..Default::default()
            },
        ),
        (
            "inwoner",
            audit::AuditFilter {
                object: Some("inwoner:I-000042".into()),
                ..Default::default()
            },
        ),
        (
            "actie",
            audit::AuditFilter {
                actie: Some("wijzigen".into()),
                ..Default::default()
            },
        ),
        (
            "periode (een maand)",
            audit::AuditFilter {
                van: Some("2026-03-01".into()),
                tot: Some("2026-04-01".into()),
                ..Default::default()
            },
        ),
        (
            "medewerker en actie",
            audit::AuditFilter {
                actor: Some("MW-0042".into()),
                actie: Some("wijzigen".into()),
                ..Default::default()
            },
        ),
    ];
    for (naam, filter) in &filters {
        let totaal = audit::tel(&conn, filter).expect("tel");
        meet(&format!("{naam}: tellen ({totaal})"), &mut || {
            audit::tel(&conn, filter).expect("tel");
        });
        for (waar, overslaan) in [
            ("eerste", 0),
            ("midden", totaal / 2 / 50 * 50),
            ("oudste", totaal.saturating_sub(1) / 50 * 50),
        ] {
            meet(&format!("{naam}: tellen + {waar} pagina"), &mut || {
                audit::tel(&conn, filter).expect("tel");
                audit::pagina(&conn, filter, overslaan, 50).expect("pagina");
            });
        }
    }
}
