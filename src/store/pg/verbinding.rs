//! Connecting: the sync `postgres` client, with TLS (rustls, ring) when
//! the address asks for it.
//!
//! `verify-full` checks the server's certificate chain against the root
//! certificates (`sslrootcert`, or the system's store) and its name
//! against the host of the URL. `require` encrypts without checking the
//! certificate (libpq's meaning without a root certificate); the
//! handshake's signatures are still checked, so the connection is
//! encrypted with the key of whatever certificate the server showed.

use std::sync::Arc;

use postgres::{Client, NoTls};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use tokio_postgres_rustls::MakeRustlsConnect;

use super::PgFout;
use super::adres::{Basiscertificaten, PgAdres, TlsModus};

/// Opens a connection to the database at `adres`. Dates and times are
/// exchanged in ISO form on every connection.
pub fn verbind(adres: &PgAdres) -> Result<Client, PgFout> {
    let config = adres.config();
    let verbonden = match adres.tls {
        TlsModus::Uit => config.connect(NoTls),
        TlsModus::Versleuteld | TlsModus::Gecontroleerd => {
            config.connect(MakeRustlsConnect::new(tls_config(adres)?))
        }
    };
    let mut client = verbonden.map_err(|e| PgFout::Verbinden {
        adres: adres.tekst(),
        reden: verbindingsreden(&e, adres),
    })?;
    client.batch_execute("SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'")?;
    Ok(client)
}

/// Why a connection failed, with a hint where the cause is common.
fn verbindingsreden(e: &postgres::Error, adres: &PgAdres) -> String {
    let tekst = super::pg_tekst(e);
    if let Some(db) = e.as_db_error() {
        return match db.code().code() {
            "28P01" | "28000" if !adres.heeft_wachtwoord() => format!(
                "{tekst}; geef het wachtwoord in het adres of in {}",
                super::adres::wachtwoordbestand()
                    .map_or_else(|| "~/.pgpass".to_owned(), |p| p.display().to_string())
            ),
            "3D000" => {
                format!("{tekst}; maak de database eerst aan (zie README, 'Gedeeld register')")
            }
            _ => tekst,
        };
    }
    let bron = std::error::Error::source(e).map(ToString::to_string);
    match bron {
        Some(b) if !tekst.contains(&b) => format!("{tekst}: {b}"),
        _ => tekst,
    }
}

/// The ring provider, as chosen for this project (pure Rust and C without
/// CMake, unlike aws-lc). rustls 0.23.48 deprecates it for lacking
/// post-quantum key exchange, which PostgreSQL's clients do not need yet.
#[allow(deprecated)]
fn ring() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// The rustls configuration for the address's TLS mode.
fn tls_config(adres: &PgAdres) -> Result<ClientConfig, PgFout> {
    let provider = ring();
    let bouwer = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| PgFout::Tls(e.to_string()))?;
    let config = if adres.tls == TlsModus::Versleuteld {
        bouwer
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(ZonderCertificaatcontrole {
                algoritmen: provider.signature_verification_algorithms,
            }))
            .with_no_client_auth()
    } else {
        bouwer
            .with_root_certificates(basiscertificaten(&adres.basiscertificaten)?)
            .with_no_client_auth()
    };
    Ok(config)
}

/// The root certificates for `verify-full`.
fn basiscertificaten(bron: &Basiscertificaten) -> Result<RootCertStore, PgFout> {
    let mut winkel = RootCertStore::empty();
    match bron {
        Basiscertificaten::Bestand(pad) => {
            let certs = CertificateDer::pem_file_iter(pad)
                .and_then(Iterator::collect::<Result<Vec<_>, _>>)
                .map_err(|e| {
                    PgFout::Tls(format!(
                        "het basiscertificaat {} (sslrootcert) is niet te lezen: {e}",
                        pad.display()
                    ))
                })?;
            let (goed, _) = winkel.add_parsable_certificates(certs);
            if goed == 0 {
                return Err(PgFout::Tls(format!(
                    "{} (sslrootcert) bevat geen bruikbaar certificaat",
                    pad.display()
                )));
            }
        }
        Basiscertificaten::Systeem => {
            let gevonden = rustls_native_certs::load_native_certs();
            let (goed, _) = winkel.add_parsable_certificates(gevonden.certs);
            if goed == 0 {
                return Err(PgFout::Tls(
                    "het systeem heeft geen basiscertificaten; geef er een met sslrootcert=PAD"
                        .to_owned(),
                ));
            }
        }
    }
    Ok(winkel)
}

/// `sslmode=require`: any certificate, the handshake's signatures checked.
#[derive(Debug)]
struct ZonderCertificaatcontrole {
    algoritmen: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for ZonderCertificaatcontrole {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algoritmen)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algoritmen)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algoritmen.supported_schemes()
    }
}
