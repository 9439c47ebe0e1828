//! Connecting: plain, TLS with sslmode=require, verify-full against the
//! server's certificate and host name.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "test helpers panic on a broken fixture or an unreachable test server"
)]

use wijkregister::store::pg::{PgAdres, PgFout, verbinding};

use crate::proefdb;

fn versleuteld(c: &mut postgres::Client) -> bool {
    c.query_one(
        "SELECT coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)",
        &[],
    )
    .expect("pg_stat_ssl")
    .get(0)
}

#[test]
fn zonder_tls_is_de_verbinding_onversleuteld() {
    let db = proefdb!("zonder_tls_is_de_verbinding_onversleuteld");
    let mut c = db.client();
    assert!(!versleuteld(&mut c));
}

#[test]
fn sslmode_require_versleutelt() {
    let db = proefdb!("sslmode_require_versleutelt");
    let adres = PgAdres::lees(&format!("{}?sslmode=require", db.url)).expect("adres");
    match verbinding::verbind(&adres) {
        Ok(mut c) => assert!(
            versleuteld(&mut c),
            "sslmode=require gaf een onversleutelde verbinding"
        ),
        Err(e) => panic!("sslmode=require: {e} (heeft de server ssl = on?)"),
    }
}

/// The Debian test server's certificate (CN and SAN `localhost`).
const SNAKEOIL: &str = "/etc/ssl/certs/ssl-cert-snakeoil.pem";

fn verify_full(db: &crate::proefdb::ProefDb, host: &str) -> Result<postgres::Client, PgFout> {
    let url = db.url.replacen("127.0.0.1", host, 1);
    let adres =
        PgAdres::lees(&format!("{url}?sslmode=verify-full&sslrootcert={SNAKEOIL}")).expect("adres");
    verbinding::verbind(&adres)
}

#[test]
fn verify_full_controleert_certificaat_en_hostnaam() {
    let db = proefdb!("verify_full_controleert_certificaat_en_hostnaam");
    assert!(
        std::path::Path::new(SNAKEOIL).exists() && db.url.contains("127.0.0.1"),
        "deze test hoort bij de testserver op 127.0.0.1 met het snakeoil-certificaat ({SNAKEOIL}); WIJKREGISTER_PG wijst een andere server aan"
    );
    let mut c = verify_full(&db, "localhost").expect("verify-full met de juiste hostnaam");
    assert!(versleuteld(&mut c));
    // The certificate is for localhost, not for 127.0.0.1.
    let fout = verify_full(&db, "127.0.0.1")
        .err()
        .expect("een certificaat voor een andere naam wordt geweigerd");
    assert!(matches!(fout, PgFout::Verbinden { .. }), "{fout}");
    // Nor is a certificate trusted by a root it does not chain to.
    let adres = PgAdres::lees(&format!(
        "{}?sslmode=verify-full&sslrootcert=/nonexistent/root.pem",
        db.url.replacen("127.0.0.1", "localhost", 1)
    ))
    .expect("adres");
    let fout = verbinding::verbind(&adres)
        .err()
        .expect("onleesbaar basiscertificaat");
    assert!(fout.to_string().contains("sslrootcert"), "{fout}");
}

#[test]
fn een_onbereikbare_server_noemt_het_adres_zonder_wachtwoord() {
    let adres =
        PgAdres::lees("postgresql://iemand:Geheim-123@127.0.0.1:1/register?connect_timeout=2")
            .expect("adres");
    let fout = verbinding::verbind(&adres)
        .err()
        .expect("poort 1 luistert niet");
    let tekst = fout.to_string();
    assert!(
        tekst.starts_with(
            "geen verbinding met PostgreSQL op postgresql://iemand@127.0.0.1:1/register"
        ),
        "{tekst}"
    );
    assert!(!tekst.contains("Geheim-123"), "{tekst}");
}
