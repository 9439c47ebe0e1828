//! Accounts: the first beheerder, argon2id hashes, login and lockout,
//! deactivation, resets, no deletion, and the audit rows of every attempt.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::Connection;
use wijkregister::store::accounts::{self, AccountFout, Doel, InlogFout};
use wijkregister::store::audit::{self, AuditFilter, Verificatie};
use wijkregister::store::{self};

const WW_BEHEER: &str = "correct paard batterij";
const WW_COACH: &str = "nietje-lamp-42-zon";

fn t(uur: u32, minuut: u32, seconde: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 26)
        .unwrap()
        .and_hms_opt(uur, minuut, seconde)
        .unwrap()
}

/// A register with a beheerder (account `beheer`) and a wijkcoach `M-2`
/// with account `coach`.
fn register() -> (Connection, String) {
    let mut conn = store::open_in_memory().expect("open");
    let sessie =
        accounts::maak_eerste_beheerder(&mut conn, "Bea Beheer", "beheer", WW_BEHEER, t(9, 0, 0))
            .expect("eerste beheerder");
    conn.execute(
        "INSERT INTO medewerker (id, naam, rol, wijkteam) VALUES ('M-2', 'Cor Coach', 'wijkcoach', NULL)",
        [],
    )
    .expect("medewerker");
    accounts::voeg_toe(
        &mut conn,
        &sessie.medewerker,
        "M-2",
        "coach",
        WW_COACH,
        t(9, 1, 0),
    )
    .expect("account coach");
    (conn, sessie.medewerker)
}

fn alle_audit(conn: &Connection) -> Vec<audit::AuditRij> {
    let mut rijen = audit::lees(conn, &AuditFilter::default(), 10_000).expect("lees");
    rijen.reverse();
    rijen
}

fn keten_intact(conn: &Connection) {
    assert!(
        matches!(
            audit::verifieer(conn).expect("verifieer"),
            Verificatie::Intact { .. }
        ),
        "audit chain broken"
    );
}

#[test]
fn eerste_beheerder_alleen_een_keer() {
    let mut conn = store::open_in_memory().expect("open");
    assert!(!accounts::heeft_accounts(&conn).unwrap());
    let sessie =
        accounts::maak_eerste_beheerder(&mut conn, "Bea Beheer", "beheer", WW_BEHEER, t(9, 0, 0))
            .expect("eerste");
    assert_eq!(sessie.rol, wijkregister::domain::Rol::Beheerder);
    let rol: String = conn
        .query_row(
            "SELECT rol FROM medewerker WHERE id = ?1",
            [&sessie.medewerker],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(rol, "beheerder");
    assert!(accounts::heeft_accounts(&conn).unwrap());
    let tweede =
        accounts::maak_eerste_beheerder(&mut conn, "Ander", "ander", WW_BEHEER, t(9, 5, 0));
    assert!(
        matches!(tweede, Err(AccountFout::ErZijnAlAccounts)),
        "{tweede:?}"
    );
    let n: i64 = conn
        .query_row("SELECT count(*) FROM account", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn wachtwoordregels() {
    let mut conn = store::open_in_memory().expect("open");
    let fout =
        accounts::maak_eerste_beheerder(&mut conn, "Bea", "beheer", "kort-11tkns", t(9, 0, 0))
            .unwrap_err();
    assert!(matches!(fout, AccountFout::WachtwoordTeKort));
    assert!(fout.to_string().contains("minstens 12 tekens"), "{fout}");
    assert!(!accounts::heeft_accounts(&conn).unwrap());
    // 12 characters (not bytes) is enough.
    accounts::maak_eerste_beheerder(&mut conn, "Bea", "beheer", "ëëëëëëëëëëëë", t(9, 0, 0))
        .expect("12 tekens");
}

#[test]
fn hashes_zijn_phc_argon2id_zonder_wachtwoord() {
    let (conn, _) = register();
    let mut stmt = conn.prepare("SELECT wachtwoord_hash FROM account").unwrap();
    let hashes: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(hashes.len(), 2);
    for h in &hashes {
        assert!(h.starts_with("$argon2id$v=19$m="), "{h}");
        assert_eq!(h.split('$').count(), 6, "PHC: $alg$v$params$salt$hash: {h}");
        assert!(!h.contains(WW_BEHEER) && !h.contains(WW_COACH));
    }
    assert_ne!(hashes[0], hashes[1]);
}

#[test]
fn inloggen_goed_en_fout() {
    let (mut conn, _) = register();
    let sessie = accounts::inloggen(&mut conn, "coach", WW_COACH, t(10, 0, 0)).expect("inloggen");
    assert_eq!(sessie.medewerker, "M-2");
    assert_eq!(sessie.naam, "Cor Coach");
    let fout =
        accounts::inloggen(&mut conn, "coach", "verkeerd wachtwoord", t(10, 1, 0)).unwrap_err();
    assert!(matches!(fout, InlogFout::OnjuisteGegevens));
    let onbekend = accounts::inloggen(&mut conn, "niemand", WW_COACH, t(10, 2, 0)).unwrap_err();
    assert!(matches!(onbekend, InlogFout::OnjuisteGegevens));
    assert_eq!(
        fout.to_string(),
        onbekend.to_string(),
        "same message for name and password"
    );

    let rijen = alle_audit(&conn);
    let laatste: Vec<_> = rijen.iter().rev().take(3).collect();
    assert_eq!(laatste[2].actie, "inloggen");
    assert_eq!(laatste[2].actor, "M-2");
    assert_eq!(laatste[2].resultaat, "gelukt");
    // Local time of the app's clock, stored in the log's one form (UTC, `Z`).
    assert_eq!(laatste[2].tijdstip, audit::tijdstip_lokaal(t(10, 0, 0)));
    assert_eq!(laatste[1].actie, "inloggen-mislukt");
    assert_eq!(laatste[1].actor, "M-2");
    assert_eq!(laatste[1].resultaat, "geweigerd");
    assert_eq!(laatste[0].actie, "inloggen-mislukt");
    assert_eq!(laatste[0].actor, accounts::ACTOR_ONBEKEND);
    assert!(
        rijen.iter().all(|r| !format!("{r:?}").contains("niemand")),
        "attempted unknown names are not logged"
    );
    keten_intact(&conn);
}

#[test]
fn vijf_keer_fout_blokkeert_vijftien_minuten() {
    let (mut conn, _) = register();
    for i in 0..4 {
        let f = accounts::inloggen(&mut conn, "coach", "fout fout fout", t(10, 0, i)).unwrap_err();
        assert!(
            matches!(f, InlogFout::OnjuisteGegevens),
            "poging {i}: {f:?}"
        );
    }
    let vijfde = accounts::inloggen(&mut conn, "coach", "fout fout fout", t(10, 0, 4)).unwrap_err();
    match vijfde {
        InlogFout::Geblokkeerd { tot } => assert_eq!(tot, t(10, 15, 4)),
        andere => panic!("expected lock, got {andere:?}"),
    }
    // The right password is refused during the lock, up to and including 14:59 later.
    let zesde = accounts::inloggen(&mut conn, "coach", WW_COACH, t(10, 0, 10)).unwrap_err();
    assert!(matches!(zesde, InlogFout::Geblokkeerd { .. }));
    assert!(zesde.to_string().contains("tot 10:15"), "{zesde}");
    let net_niet = accounts::inloggen(&mut conn, "coach", WW_COACH, t(10, 15, 3)).unwrap_err();
    assert!(matches!(net_niet, InlogFout::Geblokkeerd { .. }));
    // Exactly 15:00 after the lock: allowed.
    accounts::inloggen(&mut conn, "coach", WW_COACH, t(10, 15, 4)).expect("lock expired");
    // The success reset the count: four wrong ones do not lock again.
    for i in 0..4 {
        let f = accounts::inloggen(&mut conn, "coach", "fout fout fout", t(11, 0, i)).unwrap_err();
        assert!(matches!(f, InlogFout::OnjuisteGegevens));
    }
    accounts::inloggen(&mut conn, "coach", WW_COACH, t(11, 0, 5)).expect("not locked");
    // Another account is not affected by the lock.
    keten_intact(&conn);
}

#[test]
fn gedeactiveerd_account_geweigerd_en_weer_actief() {
    let (mut conn, beheerder) = register();
    accounts::zet_actief(&mut conn, &beheerder, "M-2", false, t(10, 0, 0)).expect("deactiveren");
    let f = accounts::inloggen(&mut conn, "coach", WW_COACH, t(10, 1, 0)).unwrap_err();
    assert!(matches!(f, InlogFout::Gedeactiveerd), "{f:?}");
    assert!(f.to_string().contains("gedeactiveerd"));
    // A wrong password on a deactivated account gives the general message.
    let f = accounts::inloggen(&mut conn, "coach", "fout fout fout", t(10, 2, 0)).unwrap_err();
    assert!(matches!(f, InlogFout::OnjuisteGegevens));
    // A non-beheerder cannot activate.
    let f = accounts::zet_actief(&mut conn, "M-2", "M-2", true, t(10, 3, 0)).unwrap_err();
    assert!(matches!(f, AccountFout::GeenBeheerder));
    accounts::zet_actief(&mut conn, &beheerder, "M-2", true, t(10, 4, 0)).expect("activeren");
    accounts::inloggen(&mut conn, "coach", WW_COACH, t(10, 5, 0)).expect("weer actief");
    // A beheerder cannot lock themself out.
    let f =
        accounts::zet_actief(&mut conn, &beheerder, &beheerder, false, t(10, 6, 0)).unwrap_err();
    assert!(matches!(f, AccountFout::EigenAccountDeactiveren));
    keten_intact(&conn);
}

#[test]
fn reset_door_beheerder_niet_door_anderen() {
    let (mut conn, beheerder) = register();
    let f = accounts::reset_wachtwoord(
        &mut conn,
        "M-2",
        &beheerder,
        "overgenomen-account!",
        t(10, 0, 0),
    )
    .unwrap_err();
    assert!(matches!(f, AccountFout::GeenBeheerder));
    accounts::inloggen(&mut conn, "beheer", WW_BEHEER, t(10, 1, 0)).expect("beheerder unchanged");
    let geweigerd = alle_audit(&conn)
        .into_iter()
        .find(|r| r.actie == "wachtwoord-reset")
        .expect("refusal logged");
    assert_eq!(geweigerd.resultaat, "geweigerd");
    assert_eq!(geweigerd.actor, "M-2");

    accounts::reset_wachtwoord(
        &mut conn,
        &beheerder,
        "M-2",
        "nieuw-wachtwoord-2026",
        t(10, 2, 0),
    )
    .expect("reset");
    assert!(accounts::inloggen(&mut conn, "coach", WW_COACH, t(10, 3, 0)).is_err());
    accounts::inloggen(&mut conn, "coach", "nieuw-wachtwoord-2026", t(10, 4, 0))
        .expect("new password");
    // Own password change needs the current one.
    let f = accounts::wijzig_eigen_wachtwoord(
        &mut conn,
        "M-2",
        "fout fout fout",
        "weer-een-ander-1",
        t(10, 5, 0),
    )
    .unwrap_err();
    assert!(matches!(f, AccountFout::HuidigWachtwoordOnjuist));
    accounts::wijzig_eigen_wachtwoord(
        &mut conn,
        "M-2",
        "nieuw-wachtwoord-2026",
        "weer-een-ander-1",
        t(10, 6, 0),
    )
    .expect("own change");
    accounts::inloggen(&mut conn, "coach", "weer-een-ander-1", t(10, 7, 0)).expect("changed");
    keten_intact(&conn);
}

#[test]
fn account_toevoegen_alleen_door_beheerder() {
    let (mut conn, beheerder) = register();
    conn.execute(
        "INSERT INTO medewerker (id, naam, rol, wijkteam) VALUES ('M-3', 'Ilse Intake', 'intaker', NULL)",
        [],
    )
    .unwrap();
    let f = accounts::voeg_toe(
        &mut conn,
        "M-2",
        "M-3",
        "ilse",
        "lang-genoeg-wachtwoord",
        t(10, 0, 0),
    )
    .unwrap_err();
    assert!(matches!(f, AccountFout::GeenBeheerder));
    let f = accounts::voeg_toe(
        &mut conn,
        &beheerder,
        "M-3",
        "COACH",
        "lang-genoeg-wachtwoord",
        t(10, 0, 0),
    )
    .unwrap_err();
    assert!(matches!(f, AccountFout::GebruikersnaamBezet(_)), "{f:?}");
    let f = accounts::voeg_toe(
        &mut conn,
        &beheerder,
        "M-2",
        "cor2",
        "lang-genoeg-wachtwoord",
        t(10, 0, 0),
    )
    .unwrap_err();
    assert!(matches!(f, AccountFout::HeeftAlAccount(_)));
    accounts::voeg_toe(
        &mut conn,
        &beheerder,
        "M-3",
        "ilse",
        "lang-genoeg-wachtwoord",
        t(10, 0, 0),
    )
    .expect("toevoegen");
    let lijst = accounts::lijst(&conn).unwrap();
    assert_eq!(
        lijst
            .iter()
            .map(|a| a.gebruikersnaam.as_str())
            .collect::<Vec<_>>(),
        ["beheer", "coach", "ilse"]
    );
}

#[test]
fn verwijderen_weigert_de_database() {
    let (conn, _) = register();
    let fout = conn
        .execute("DELETE FROM account WHERE medewerker = 'M-2'", [])
        .unwrap_err();
    assert!(
        fout.to_string().contains("kan niet worden verwijderd"),
        "{fout}"
    );
    let n: i64 = conn
        .query_row("SELECT count(*) FROM account", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 2);
}

#[test]
fn elke_poging_in_het_auditlog_zonder_wachtwoord() {
    let (mut conn, beheerder) = register();
    let voor = alle_audit(&conn).len();
    let _ = accounts::inloggen(&mut conn, "coach", "fout fout fout", t(10, 0, 0));
    let _ = accounts::inloggen(&mut conn, "coach", WW_COACH, t(10, 0, 1));
    let _ = accounts::inloggen(&mut conn, "nobody", WW_BEHEER, t(10, 0, 2));
    let _ = accounts::ontgrendelen(&mut conn, "M-2", "fout fout fout", t(10, 0, 3));
    let _ = accounts::ontgrendelen(&mut conn, "M-2", WW_COACH, t(10, 0, 4));
    accounts::log_openen(&conn, &beheerder, "inwoner:I-1", Doel::Besluit, t(10, 1, 0)).unwrap();
    let rijen = alle_audit(&conn);
    assert_eq!(rijen.len(), voor + 6);
    let acties: Vec<_> = rijen[voor..]
        .iter()
        .map(|r| (r.actie.as_str(), r.resultaat.as_str()))
        .collect();
    assert_eq!(
        acties,
        [
            ("inloggen-mislukt", "geweigerd"),
            ("inloggen", "gelukt"),
            ("inloggen-mislukt", "geweigerd"),
            ("ontgrendelen-mislukt", "geweigerd"),
            ("ontgrendelen", "gelukt"),
            ("openen-dossier", "gelukt"),
        ]
    );
    let open = rijen.last().unwrap();
    assert_eq!(open.doel.as_deref(), Some("besluit"));
    assert_eq!(open.object.as_deref(), Some("inwoner:I-1"));
    // No password text anywhere in the log, in any column.
    let mut stmt = conn.prepare("SELECT * FROM audit").unwrap();
    let kolommen = stmt.column_count();
    let mut q = stmt.query([]).unwrap();
    while let Some(r) = q.next().unwrap() {
        for k in 0..kolommen {
            let waarde: rusqlite::types::Value = r.get(k).unwrap();
            let tekst = format!("{waarde:?}");
            for ww in [WW_BEHEER, WW_COACH, "fout fout fout", "nobody"] {
                assert!(!tekst.contains(ww), "audit column {k} holds {ww:?}");
            }
        }
    }
    keten_intact(&conn);
}
