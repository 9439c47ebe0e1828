//! The store's seam on both engines (issue #17): values in and out, the
//! translated SQL, transactions, settings, medewerkers and the audit log,
//! each test once on SQLite and once on PostgreSQL (see [`crate::beide`]).

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "tests panic on a broken fixture or an unreachable test server"
)]

use chrono::NaiveDate;
use wijkregister::domain::Rol;
use wijkregister::store::audit::{self, Logregel, Resultaat, Verificatie};
use wijkregister::store::db::{Db, Motor};
use wijkregister::store::{self, StoreFout, medewerkers};

use crate::beide::{Register, motor};
use crate::op_beide;

fn datum(j: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(j, m, d).unwrap()
}

fn wijkteam(db: Db<'_>, id: &str, naam: &str) {
    db.execute(
        "INSERT INTO wijkteam (id, naam) VALUES (?1, ?2)",
        &[&id, &naam],
    )
    .expect("wijkteam");
}

op_beide!(waarden_gaan_heen_en_weer, |reg| {
    let db = reg.db();
    match motor(reg) {
        Motor::Sqlite => db.batch(
            "CREATE TEMP TABLE proef (d TEXT, b INTEGER, n INTEGER, f REAL, t TEXT, m TEXT)",
        ),
        Motor::Postgres => db.batch(
            "CREATE TEMP TABLE proef (d date, b boolean, n bigint, f double precision, t text, m timestamp)",
        ),
    }
    .expect("proeftabel");
    let d = datum(2026, 2, 28);
    db.execute(
        "INSERT INTO proef (d, b, n, f, t, m) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        &[
            &d,
            &true,
            &-42_i64,
            &0.1_f64,
            &None::<String>,
            &"2026-12-06 10:11:12",
        ],
    )
    .expect("invoegen");
    db.execute(
        "INSERT INTO proef (d, b, n, f, t, m) VALUES (?, ?, ?, ?, ?, NULL)",
        &[&"2024-02-29", &0_i64, &7_i32, &2.5_f64, &"ë €"],
    )
    .expect("invoegen met gewone vraagtekens");
    let rijen = db
        .query_map(
            "SELECT d, d, b, n, f, t, m FROM proef ORDER BY n",
            &[],
            |r| {
                Ok((
                    r.get::<NaiveDate>(0)?,
                    r.get::<String>(1)?,
                    r.get::<bool>(2)?,
                    r.get::<i64>(3)?,
                    r.get::<f64>(4)?,
                    r.get::<Option<String>>(5)?,
                    r.get::<Option<String>>(6)?,
                ))
            },
        )
        .expect("lezen");
    assert_eq!(
        rijen,
        vec![
            (
                d,
                "2026-02-28".to_owned(),
                true,
                -42,
                0.1,
                None,
                Some("2026-12-06 10:11:12".to_owned())
            ),
            (
                datum(2024, 2, 29),
                "2024-02-29".to_owned(),
                false,
                7,
                2.5,
                Some("ë €".to_owned()),
                None
            ),
        ]
    );
    // A flag compared as TRUE and counted: the same on both engines.
    let waar: i64 = db
        .query_one("SELECT count(*) FROM proef WHERE b = TRUE", &[], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(waar, 1);
    // A NULL read as a value that cannot be NULL is an error, not a default.
    let fout = db
        .query_one("SELECT t FROM proef WHERE n = -42", &[], |r| {
            r.get::<String>(0)
        })
        .unwrap_err();
    assert!(
        matches!(fout, StoreFout::Beschadigd(_) | StoreFout::Sqlite(_)),
        "{fout:?}"
    );
});

op_beide!(sqlite_woorden_werken_op_beide, |reg| {
    let db = reg.db();
    wijkteam(db, "WT-N", "Noord");
    // INSERT OR IGNORE: the second is ignored on both engines.
    let n = db
        .execute(
            "INSERT OR IGNORE INTO wijkteam (id, naam) VALUES (?1, ?2)",
            &[&"WT-N", &"Noord bis"],
        )
        .unwrap();
    assert_eq!(n, 0);
    let naam: String = db
        .query_one("SELECT naam FROM wijkteam WHERE id = ?1", &[&"WT-N"], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(naam, "Noord");
    // A planner hint of SQLite is dropped for PostgreSQL.
    let aantal: i64 = db
        .query_one(
            "SELECT count(*) FROM medewerker INDEXED BY medewerker_wijkteam WHERE wijkteam = ?1",
            &[&"WT-N"],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(aantal, 0);
});

op_beide!(een_transactie_is_alles_of_niets, |reg| {
    let db = reg.db();
    let fout: Result<(), StoreFout> = db.transactie(|tx| {
        wijkteam(tx, "WT-A", "A");
        Err(StoreFout::NietGevonden("opzettelijk".into()))
    });
    assert!(fout.is_err());
    let aantal = |db: Db<'_>| -> i64 {
        db.query_one("SELECT count(*) FROM wijkteam", &[], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(aantal(db), 0, "niets van een mislukte handeling blijft");
    db.transactie(|tx| -> Result<(), StoreFout> {
        wijkteam(tx, "WT-A", "A");
        // A second action inside the first is refused, as on SQLite.
        let genest: Result<(), StoreFout> = tx.transactie(|_| Ok(()));
        assert!(
            matches!(genest, Err(StoreFout::Afgebroken(_))),
            "{genest:?}"
        );
        Ok(())
    })
    .unwrap();
    assert_eq!(aantal(db), 1);
    // A statement the database refuses fails the action and stores nothing.
    let fout: Result<(), StoreFout> = db.transactie(|tx| {
        wijkteam(tx, "WT-B", "B");
        tx.execute(
            "INSERT INTO wijkteam (id, naam) VALUES (?1, ?2)",
            &[&"WT-C", &""],
        )?;
        Ok(())
    });
    assert!(fout.is_err());
    assert_eq!(aantal(db), 1);
});

op_beide!(instellingen, |reg| {
    let db = reg.db();
    assert_eq!(store::instelling(db, "gemeente").unwrap(), None);
    store::zet_instelling(db, "gemeente", "Almelo").unwrap();
    store::zet_instelling(db, "gemeente", "Twenterand").unwrap();
    assert_eq!(
        store::instelling(db, "gemeente").unwrap().as_deref(),
        Some("Twenterand")
    );
    assert!(store::is_leeg(db).unwrap());
});

op_beide!(medewerkers_lezen, |reg| {
    let db = reg.db();
    wijkteam(db, "WT-N", "Noord");
    for (id, naam, rol, team) in [
        ("MW-2", "Bram", "wijkcoach", Some("WT-N")),
        ("MW-1", "Anna", "intaker", Some("WT-N")),
        ("MW-3", "Carla", "beheerder", None),
    ] {
        db.execute(
            "INSERT INTO medewerker (id, naam, rol, wijkteam) VALUES (?1, ?2, ?3, ?4)",
            &[&id, &naam, &rol, &team],
        )
        .unwrap();
    }
    let alle = medewerkers::alle(db).unwrap();
    let namen: Vec<_> = alle.iter().map(|m| (m.naam.as_str(), m.rol)).collect();
    assert_eq!(
        namen,
        [
            ("Anna", Rol::Intaker),
            ("Bram", Rol::Wijkcoach),
            ("Carla", Rol::Beheerder)
        ]
    );
    let bram = medewerkers::een(db, "MW-2").unwrap();
    assert_eq!(bram.wijkteam.as_deref(), Some("WT-N"));
    assert!(matches!(
        medewerkers::een(db, "MW-9"),
        Err(StoreFout::NietGevonden(_))
    ));
});

fn regel<'a>(tijdstip: &'a str, actie: &'a str) -> Logregel<'a> {
    Logregel {
        tijdstip,
        actor: "MW-1",
        actie,
        object: Some("wijkteam:WT-N"),
        doel: None,
        resultaat: Resultaat::Gelukt,
        details: None,
    }
}

/// The log's rows in order: (volgnummer, vorige_hash, hash).
fn keten(db: Db<'_>) -> Vec<(i64, String, String)> {
    db.query_map(
        "SELECT volgnummer, vorige_hash, hash FROM audit ORDER BY volgnummer",
        &[],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .unwrap()
}

/// Every row links to the one before, numbered 1, 2, 3, … without gaps.
fn is_lineair(rijen: &[(i64, String, String)]) -> bool {
    rijen
        .iter()
        .enumerate()
        .all(|(i, (n, vorige, _))| *n == i as i64 + 1 && (i == 0 || *vorige == rijen[i - 1].2))
}

op_beide!(auditlog_schrijven_en_controleren, |reg| {
    let db = reg.db();
    audit::log(db, &regel("2026-12-06T09:00:00Z", "inloggen")).unwrap();
    db.transactie(|tx| -> Result<(), StoreFout> {
        wijkteam(tx, "WT-N", "Noord");
        audit::log(tx, &regel("2026-12-06T09:01:00Z", "wijkteam-toevoegen"))?;
        Ok(())
    })
    .unwrap();
    // A failed action leaves no audit row behind either.
    let _: Result<(), StoreFout> = db.transactie(|tx| {
        audit::log(tx, &regel("2026-12-06T09:02:00Z", "wijkteam-toevoegen"))?;
        Err(StoreFout::NietGevonden("opzettelijk".into()))
    });
    let rijen = keten(db);
    assert_eq!(rijen.len(), 2);
    assert!(is_lineair(&rijen));
    assert_eq!(reg.verifieer(), Verificatie::Intact { regels: 2 });
    // A changed row is found (triggers off for the test: the attacker's move).
    match motor(reg) {
        Motor::Sqlite => db.batch(
            "DROP TRIGGER audit_alleen_toevoegen_update; UPDATE audit SET actor = 'MW-9' WHERE volgnummer = 1",
        ),
        Motor::Postgres => db.batch(
            "ALTER TABLE audit DISABLE TRIGGER USER; UPDATE audit SET actor = 'MW-9' WHERE volgnummer = 1; ALTER TABLE audit ENABLE TRIGGER USER",
        ),
    }
    .unwrap();
    assert!(matches!(
        reg.verifieer(),
        Verificatie::Gebroken { volgnummer: 1, .. }
    ));
});

/// Two desktops appending to one shared register at the same moment: the
/// chain stays one linear chain and verifies (issue #17, point 3).
#[test]
fn gelijktijdige_schrijvers_houden_een_keten() {
    const PER_DESKTOP: usize = 40;
    let Some(reg) = Register::postgres("gelijktijdige_schrijvers_houden_een_keten") else {
        return;
    };
    let desktops: Vec<_> = (0..3).map(|_| reg.tweede_verbinding()).collect();
    let start = std::sync::Arc::new(std::sync::Barrier::new(desktops.len()));
    let draden: Vec<_> = desktops
        .into_iter()
        .enumerate()
        .map(|(d, verbinding)| {
            let start = start.clone();
            std::thread::spawn(move || {
                start.wait();
                for i in 0..PER_DESKTOP {
                    let actie = format!("proef-{d}-{i}");
                    audit::log(&verbinding, &regel("2026-12-06T09:00:00Z", &actie))
                        .expect("schrijven");
                }
            })
        })
        .collect();
    for d in draden {
        d.join().expect("draad");
    }
    let rijen = keten(reg.db());
    assert_eq!(rijen.len(), 3 * PER_DESKTOP);
    assert!(is_lineair(&rijen), "de keten is niet lineair");
    assert_eq!(
        reg.verifieer(),
        Verificatie::Intact {
            regels: (3 * PER_DESKTOP) as u64
        }
    );
}

op_beide!(sociale_kaart_lezen, |reg| {
    use wijkregister::domain::{ContractSoort, VoorzieningSoort, Wet};
    use wijkregister::store::sociale_kaart::{self, KaartFilter};
    let db = reg.db();
    db.batch(
        "INSERT INTO aanbieder (id, naam, kvk) VALUES ('A-2', 'Zorg Zuid', NULL), ('A-1', 'Alfa Zorg', '12345678');
         INSERT INTO voorziening (id, naam, soort, wet, categorie) VALUES
             ('V-1', 'Begeleiding', 'maatwerk', 'wmo', '02'),
             ('V-2', 'Buurthuis', 'algemeen', NULL, NULL);
         INSERT INTO voorziening_kenmerk (voorziening, kenmerk) VALUES
             ('V-1', 'wonen'), ('V-1', 'financien'), ('V-1', 'dagbesteding');
         INSERT INTO contract (id, aanbieder, wet, soort, van, tot) VALUES
             ('C-1', 'A-1', 'wmo', 'raamcontract', '2025-01-01', NULL),
             ('C-2', 'A-1', 'jeugdwet', 'maatwerkcontract', '2024-01-01', '2025-12-31'),
             ('C-3', 'A-2', 'wmo', 'maatwerkcontract', '2026-01-01', '2026-12-31');",
    )
    .unwrap();
    let alle = sociale_kaart::voorzieningen(db, KaartFilter::default()).unwrap();
    assert_eq!(alle.len(), 2);
    assert_eq!(alle[0].naam, "Buurthuis");
    assert_eq!(alle[0].kenmerken, Vec::<String>::new());
    assert_eq!(alle[1].soort, VoorzieningSoort::Maatwerk);
    assert_eq!(alle[1].kenmerken, ["dagbesteding", "financien", "wonen"]);
    let wmo = sociale_kaart::voorzieningen(
        db,
        KaartFilter {
            soort: None,
            wet: Some(Wet::Wmo),
        },
    )
    .unwrap();
    assert_eq!(wmo.len(), 1);
    let aanbieders = sociale_kaart::aanbieders(db, Some(Wet::Wmo)).unwrap();
    let tellen: Vec<_> = aanbieders
        .iter()
        .map(|a| (a.naam.as_str(), a.contracten))
        .collect();
    assert_eq!(tellen, [("Alfa Zorg", 1), ("Zorg Zuid", 1)]);
    let contracten = sociale_kaart::contracten(db, None).unwrap();
    assert_eq!(contracten.len(), 3);
    assert_eq!(contracten[0].id, "C-2");
    assert_eq!(contracten[0].soort, ContractSoort::Maatwerkcontract);
    assert_eq!(contracten[0].tot, Some(datum(2025, 12, 31)));
    assert!(contracten[1].is_actief(datum(2026, 12, 6)));
});

op_beide!(eigen_indicatoren, |reg| {
    use wijkregister::domain::catalogus::Eenheid;
    use wijkregister::domain::eigen_indicator::EigenIndicator;
    use wijkregister::store::eigen_indicatoren;
    use wijkregister::store::klantreis::Handeling;
    let door = Handeling {
        medewerker: "MW-LEIDER",
        tijdstip: "2026-12-06T10:00:00Z",
    };
    let poh = EigenIndicator {
        code: "tw-poh-jeugd".into(),
        naam: "Aantal jeugdigen begeleid door de POH-jeugd".into(),
        eenheid: Eenheid::Aantal,
        bron: "Registratie POH-jeugd".into(),
        doel: "1".into(),
        beleidslijn: Some("1.7A".into()),
    };
    let db = reg.db();
    eigen_indicatoren::voeg_toe(db, door, &poh).unwrap();
    // The same code twice is refused, with the field named.
    assert!(matches!(
        eigen_indicatoren::voeg_toe(db, door, &poh),
        Err(StoreFout::Validatie(_))
    ));
    assert_eq!(eigen_indicatoren::lees(db).unwrap(), vec![poh.clone()]);
    let i = eigen_indicatoren::indicator(db, "tw-poh-jeugd")
        .unwrap()
        .expect("eigen indicator");
    assert_eq!(i.code, "tw-poh-jeugd");
    assert!(
        eigen_indicatoren::indicator(db, "bestaat-niet")
            .unwrap()
            .is_none()
    );
    assert!(eigen_indicatoren::verwijder(db, door, "tw-poh-jeugd").unwrap());
    assert!(!eigen_indicatoren::verwijder(db, door, "tw-poh-jeugd").unwrap());
    assert!(eigen_indicatoren::lees(db).unwrap().is_empty());
    // Both writes are in the audit log, and it verifies.
    let acties: Vec<String> = db
        .query_map("SELECT actie FROM audit ORDER BY volgnummer", &[], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(
        acties,
        ["eigen-indicator-toevoegen", "eigen-indicator-verwijderen"]
    );
    assert_eq!(reg.verifieer(), Verificatie::Intact { regels: 2 });
});
