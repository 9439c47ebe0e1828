//! Reads that fail are errors, never a guess: a value the database should
//! not hold (written past its CHECKs, as a damaged or foreign register
//! would) makes the reader fail with the column and the value, instead of
//! reading as "none", a default role or a skipped row.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use crate::steun::d;
use crate::steun::klantreis::{INTAKER, h, melding, register};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::Connection;
use wijkregister::domain::Wet;
use wijkregister::store::{self, accounts, ave, bewaartermijn, klantreis, werkvoorraad};

/// Runs `sql` with the CHECK constraints off, as a damaged register holds it.
fn beschadig(conn: &Connection, sql: &str) {
    conn.pragma_update(None, "ignore_check_constraints", true)
        .expect("checks uit");
    conn.execute_batch(sql).expect("beschadigen");
    conn.pragma_update(None, "ignore_check_constraints", false)
        .expect("checks aan");
}

fn fout_noemt(fout: &impl std::fmt::Display, kolom: &str, waarde: &str) {
    let tekst = fout.to_string();
    assert!(
        tekst.contains(&format!("kolom '{kolom}' bevat '{waarde}'")),
        "de fout noemt kolom en waarde niet: {tekst}"
    );
}

#[test]
fn onbekende_wet_van_een_melding_is_een_fout() {
    let conn = register();
    let id = klantreis::melding_toevoegen(
        &conn,
        h(INTAKER),
        &melding("I-MIRIAM", d(2026, 11, 2), Some(Wet::Wmo)),
    )
    .expect("melding");
    assert_eq!(
        klantreis::melding(&conn, &id).expect("lees").wet,
        Some(Wet::Wmo)
    );
    beschadig(
        &conn,
        &format!("UPDATE melding SET wet = 'wlz' WHERE id = '{id}'"),
    );
    let fout = klantreis::melding(&conn, &id).expect_err("wlz kent deze versie niet");
    fout_noemt(&fout, "wet", "wlz");
    let fout = werkvoorraad::werkvoorraad(&conn, INTAKER, d(2026, 11, 26))
        .expect_err("de werkvoorraad leest dezelfde melding");
    fout_noemt(&fout, "wet", "wlz");
}

#[test]
fn onbekende_wet_van_een_voorziening_breekt_matched_care() {
    let conn = register();
    assert!(
        !klantreis::passende_voorzieningen(&conn, None, &[], d(2026, 11, 26))
            .expect("matched care")
            .is_empty()
    );
    beschadig(
        &conn,
        "UPDATE voorziening SET wet = 'wlz' WHERE id = (SELECT min(id) FROM voorziening WHERE wet IS NOT NULL)",
    );
    let fout = klantreis::passende_voorzieningen(&conn, None, &[], d(2026, 11, 26))
        .expect_err("geen lijst zonder die voorziening");
    fout_noemt(&fout, "wet", "wlz");
}

#[test]
fn onbekende_rol_is_geen_standaardrol() {
    let conn = register();
    beschadig(
        &conn,
        &format!("UPDATE medewerker SET rol = 'baas' WHERE id = '{INTAKER}'"),
    );
    // The AVE form's list of regisseurs skipped the row; now it fails.
    let fout = ave::medewerkers(&conn).expect_err("onbekende rol");
    fout_noemt(&fout, "rol", "baas");
    let fout = store::medewerkers::alle(&conn).expect_err("onbekende rol");
    fout_noemt(&fout, "rol", "baas");
}

fn t(uur: u32, minuut: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 26)
        .unwrap()
        .and_hms_opt(uur, minuut, 0)
        .unwrap()
}

#[test]
fn account_met_onbekende_rol_of_onleesbare_blokkade_logt_niet_in() {
    let mut conn = store::open_in_memory().expect("open");
    accounts::maak_eerste_beheerder(
        &mut conn,
        "Bea Beheer",
        "beheer",
        "correct paard batterij",
        t(9, 0),
    )
    .expect("beheerder");
    // A lock written in another form than the register's: it was read as
    // "no lock" and the login went through.
    beschadig(
        &conn,
        "UPDATE account SET geblokkeerd_tot = '26-11-2026 10:00'",
    );
    let fout = accounts::inloggen(&mut conn, "beheer", "correct paard batterij", t(9, 30))
        .expect_err("een onleesbare blokkade laat niemand binnen");
    fout_noemt(&fout, "geblokkeerd_tot", "26-11-2026 10:00");
    beschadig(
        &conn,
        "UPDATE account SET geblokkeerd_tot = NULL; UPDATE medewerker SET rol = 'baas'",
    );
    // The role was read as intaker.
    let fout = accounts::inloggen(&mut conn, "beheer", "correct paard batterij", t(9, 31))
        .expect_err("onbekende rol");
    fout_noemt(&fout, "rol", "baas");
    fout_noemt(&accounts::lijst(&conn).expect_err("lijst"), "rol", "baas");
}

#[test]
fn onleesbare_afsluitdatum_vernietigt_niets_op_een_gok() {
    let conn = register();
    let id =
        klantreis::melding_toevoegen(&conn, h(INTAKER), &melding("I-MIRIAM", d(2010, 1, 4), None))
            .expect("melding");
    beschadig(
        &conn,
        &format!(
            "UPDATE melding SET afgesloten = '31-01-2010', uitkomst = 'informatie-advies' WHERE id = '{id}'"
        ),
    );
    let fout = bewaartermijn::te_vernietigen(&conn, d(2026, 11, 26))
        .expect_err("de bewaartermijn rust op die datum");
    fout_noemt(&fout, "max(afgesloten)", "31-01-2010");
}
