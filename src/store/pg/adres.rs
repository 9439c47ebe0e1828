//! A PostgreSQL address: `postgresql://gebruiker[:wachtwoord]@host[:poort]/database[?parameters]`
//! (or `postgres://…`), read by hand so that every error says in Dutch
//! which part of the URL is wrong, and never shows the password.
//!
//! Parameters: `sslmode` (`disable`, the default: no TLS; `require`:
//! encrypted, the certificate not checked, as libpq does without a root
//! certificate; `verify-full`: encrypted and the certificate checked against
//! the host name and `sslrootcert` or the system's certificates),
//! `sslrootcert` (a PEM file, or `system`), `connect_timeout` (seconds) and
//! `application_name`. Other libpq forms (several hosts, a Unix socket,
//! `prefer`, `verify-ca`) are refused with a message, not half-supported.
//!
//! The password comes from the URL or, without one there, from the
//! `PGPASSFILE` or `~/.pgpass` file (libpq's format; a file readable by
//! others is ignored, as libpq does). wijkregister never stores it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::PgFout;

/// The schemes of a PostgreSQL URL.
pub const SCHEMAS: [&str; 2] = ["postgresql://", "postgres://"];

/// The port when the URL names none.
pub const STANDAARDPOORT: u16 = 5432;

/// Whether and how the connection is encrypted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TlsModus {
    /// No TLS (`sslmode=disable` or no `sslmode`).
    Uit,
    /// TLS, the server's certificate not checked (`sslmode=require`).
    Versleuteld,
    /// TLS, the certificate checked against the host name and the root
    /// certificates (`sslmode=verify-full`).
    Gecontroleerd,
}

/// Where the root certificates for `verify-full` come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basiscertificaten {
    /// The system's store (`sslrootcert=system`, or none given).
    Systeem,
    /// A PEM file (`sslrootcert=PAD`).
    Bestand(PathBuf),
}

/// A parsed PostgreSQL address. Its `Debug` and [`PgAdres::tekst`] leave
/// the password out.
#[derive(Clone, PartialEq, Eq)]
pub struct PgAdres {
    /// The role to log in as.
    pub gebruiker: String,
    /// The password from the URL, if it has one.
    wachtwoord: Option<String>,
    /// Host name or IP address (without brackets).
    pub host: String,
    /// The port.
    pub poort: u16,
    /// The database.
    pub database: String,
    /// TLS.
    pub tls: TlsModus,
    /// Root certificates for `verify-full`.
    pub basiscertificaten: Basiscertificaten,
    /// `connect_timeout`.
    pub wachttijd: Option<Duration>,
    /// `application_name` (default `wijkregister`).
    pub toepassing: String,
}

impl std::fmt::Debug for PgAdres {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgAdres")
            .field("adres", &self.tekst())
            .field("wachtwoord", &self.wachtwoord.as_ref().map(|_| "***"))
            .finish_non_exhaustive()
    }
}

fn fout(tekst: impl Into<String>) -> PgFout {
    PgFout::Adres(tekst.into())
}

/// Decodes `%XX` escapes; `wat` names the part for the error.
fn ontsleutel(deel: &str, wat: &str) -> Result<String, PgFout> {
    let bytes = deel.as_bytes();
    let mut uit = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| {
                    fout(format!(
                        "{wat} bevat een ongeldige %-code (na % horen twee hexadecimale cijfers)"
                    ))
                })?;
            uit.push(hex);
            i += 3;
        } else {
            uit.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(uit).map_err(|_| {
        fout(format!(
            "{wat} is na het ontsleutelen van %-codes geen geldige UTF-8"
        ))
    })
}

impl PgAdres {
    /// Reads a `postgresql://` or `postgres://` URL.
    pub fn lees(url: &str) -> Result<PgAdres, PgFout> {
        let rest = SCHEMAS
            .iter()
            .find_map(|s| url.strip_prefix(s))
            .ok_or_else(|| fout("het adres begint niet met postgresql:// of postgres://"))?;
        let (hoofd, parameters) = match rest.split_once('?') {
            Some((h, p)) => (h, Some(p)),
            None => (rest, None),
        };
        let (autoriteit, pad) = hoofd.split_once('/').ok_or_else(|| {
            fout("de database ontbreekt: zet /database achter de host (postgresql://gebruiker@host/database)")
        })?;
        let (gebruikersdeel, hostdeel) = autoriteit.rsplit_once('@').ok_or_else(|| {
            fout("de gebruiker ontbreekt: zet gebruiker@ voor de host (postgresql://gebruiker@host/database)")
        })?;
        let (gebruiker, wachtwoord) = match gebruikersdeel.split_once(':') {
            Some((g, w)) => (g, Some(w)),
            None => (gebruikersdeel, None),
        };
        let gebruiker = ontsleutel(gebruiker, "de gebruikersnaam")?;
        if gebruiker.is_empty() {
            return Err(fout("de gebruikersnaam voor de @ is leeg"));
        }
        let wachtwoord = match wachtwoord {
            Some(w) => Some(ontsleutel(w, "het wachtwoord")?).filter(|w| !w.is_empty()),
            None => None,
        };
        let (host, poort) = lees_host(hostdeel)?;
        let database = ontsleutel(pad, "de databasenaam")?;
        if database.is_empty() {
            return Err(fout("de databasenaam na de / is leeg"));
        }
        let mut adres = PgAdres {
            gebruiker,
            wachtwoord,
            host,
            poort,
            database,
            tls: TlsModus::Uit,
            basiscertificaten: Basiscertificaten::Systeem,
            wachttijd: None,
            toepassing: "wijkregister".to_owned(),
        };
        let mut rootcert = None;
        for paar in parameters
            .unwrap_or("")
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (naam, waarde) = paar.split_once('=').ok_or_else(|| {
                fout(format!(
                    "de parameter '{paar}' heeft geen waarde (naam=waarde)"
                ))
            })?;
            let waarde = ontsleutel(waarde, &format!("de waarde van {naam}"))?;
            match naam {
                "sslmode" => {
                    adres.tls = match waarde.as_str() {
                        "disable" => TlsModus::Uit,
                        "require" => TlsModus::Versleuteld,
                        "verify-full" => TlsModus::Gecontroleerd,
                        "allow" | "prefer" => {
                            return Err(fout(format!(
                                "sslmode={waarde} wordt niet ondersteund: kies disable (geen TLS), require of verify-full, zodat vaststaat of de verbinding versleuteld is"
                            )));
                        }
                        "verify-ca" => {
                            return Err(fout(
                                "sslmode=verify-ca wordt niet ondersteund: gebruik verify-full (controleert ook de hostnaam)",
                            ));
                        }
                        _ => {
                            return Err(fout(format!(
                                "onbekende sslmode '{waarde}': kies disable, require of verify-full"
                            )));
                        }
                    }
                }
                "sslrootcert" => {
                    if waarde.is_empty() {
                        return Err(fout(
                            "sslrootcert is leeg: geef het pad van een PEM-bestand of 'system'",
                        ));
                    }
                    rootcert = Some(waarde);
                }
                "connect_timeout" => {
                    let s: u64 = waarde.parse().ok().filter(|s| *s > 0).ok_or_else(|| {
                        fout(format!(
                            "connect_timeout '{waarde}' is geen positief aantal seconden"
                        ))
                    })?;
                    adres.wachttijd = Some(Duration::from_secs(s));
                }
                "application_name" => adres.toepassing = waarde,
                _ => {
                    return Err(fout(format!(
                        "onbekende parameter '{naam}'; bekend zijn sslmode, sslrootcert, connect_timeout en application_name"
                    )));
                }
            }
        }
        if let Some(r) = rootcert {
            if adres.tls != TlsModus::Gecontroleerd {
                return Err(fout(
                    "sslrootcert werkt alleen met sslmode=verify-full (bij require wordt het certificaat niet gecontroleerd)",
                ));
            }
            if r != "system" {
                adres.basiscertificaten = Basiscertificaten::Bestand(PathBuf::from(r));
            }
        }
        Ok(adres)
    }

    /// The address for messages: the URL without the password.
    #[must_use]
    pub fn tekst(&self) -> String {
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        let mut t = format!(
            "postgresql://{}@{host}:{}/{}",
            self.gebruiker, self.poort, self.database
        );
        match self.tls {
            TlsModus::Uit => {}
            TlsModus::Versleuteld => t.push_str("?sslmode=require"),
            TlsModus::Gecontroleerd => t.push_str("?sslmode=verify-full"),
        }
        t
    }

    /// Whether the URL carried a password.
    #[must_use]
    pub fn heeft_wachtwoord(&self) -> bool {
        self.wachtwoord.is_some()
    }

    /// The `postgres::Config` for this address; the password from the URL,
    /// else from the password file ([`wachtwoordbestand`]).
    #[must_use]
    pub fn config(&self) -> postgres::Config {
        let mut c = postgres::Config::new();
        c.user(&self.gebruiker)
            .host(&self.host)
            .port(self.poort)
            .dbname(&self.database)
            .application_name(&self.toepassing)
            .ssl_mode(if self.tls == TlsModus::Uit {
                postgres::config::SslMode::Disable
            } else {
                postgres::config::SslMode::Require
            });
        if let Some(w) = &self.wachttijd {
            c.connect_timeout(*w);
        }
        let wachtwoord = self.wachtwoord.clone().or_else(|| {
            wachtwoordbestand().and_then(|pad| {
                zoek_wachtwoord(
                    &pad,
                    &self.host,
                    self.poort,
                    &self.database,
                    &self.gebruiker,
                )
            })
        });
        if let Some(w) = wachtwoord {
            c.password(w);
        }
        c
    }
}

/// Reads `host[:poort]` or `[ipv6][:poort]`.
fn lees_host(deel: &str) -> Result<(String, u16), PgFout> {
    if deel.contains(',') {
        return Err(fout(
            "meerdere hosts (met komma's) worden niet ondersteund; geef één host",
        ));
    }
    let (host, poort) = if let Some(rest) = deel.strip_prefix('[') {
        let (h, na) = rest
            .split_once(']')
            .ok_or_else(|| fout("het IPv6-adres van de host mist de sluitende ]"))?;
        let poort = match na {
            "" => None,
            p => Some(p.strip_prefix(':').ok_or_else(|| {
                fout(format!("na het IPv6-adres [{h}] hoort :poort, niet '{p}'"))
            })?),
        };
        (h.to_owned(), poort)
    } else {
        match deel.rsplit_once(':') {
            Some((h, p)) => (ontsleutel(h, "de host")?, Some(p)),
            None => (ontsleutel(deel, "de host")?, None),
        }
    };
    if host.is_empty() {
        return Err(fout(
            "de host ontbreekt na de @ (een Unix-socket wordt niet ondersteund; geef bijvoorbeeld 127.0.0.1)",
        ));
    }
    let poort = match poort {
        None => STANDAARDPOORT,
        Some(p) => p.parse::<u16>().ok().filter(|p| *p > 0).ok_or_else(|| {
            fout(format!(
                "de poort '{p}' is geen getal van 1 tot en met 65535"
            ))
        })?,
    };
    Ok((host, poort))
}

/// The password file: `PGPASSFILE`, else `~/.pgpass`.
#[must_use]
pub fn wachtwoordbestand() -> Option<PathBuf> {
    match std::env::var_os("PGPASSFILE") {
        Some(p) if !p.is_empty() => Some(PathBuf::from(p)),
        _ => dirs::home_dir().map(|h| h.join(".pgpass")),
    }
}

/// Looks up a password in a libpq password file (lines
/// `host:poort:database:gebruiker:wachtwoord`, `*` matches anything, `\:`
/// and `\\` escape). A file that others may read is ignored, as libpq does.
#[must_use]
pub fn zoek_wachtwoord(
    pad: &Path,
    host: &str,
    poort: u16,
    database: &str,
    gebruiker: &str,
) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let modus = std::fs::metadata(pad).ok()?.permissions().mode();
        if modus & 0o077 != 0 {
            return None;
        }
    }
    let tekst = std::fs::read_to_string(pad).ok()?;
    let poort = poort.to_string();
    let gezocht = [host, poort.as_str(), database, gebruiker];
    tekst.lines().find_map(|regel| {
        if regel.trim_start().starts_with('#') {
            return None;
        }
        let velden = splits_pgpass(regel);
        if velden.len() != 5 {
            return None;
        }
        let past = velden[..4]
            .iter()
            .zip(gezocht)
            .all(|(veld, waarde)| veld == "*" || veld == waarde);
        past.then(|| velden[4].clone())
    })
}

/// Splits a `.pgpass` line on unescaped colons.
fn splits_pgpass(regel: &str) -> Vec<String> {
    let mut velden = vec![String::new()];
    let mut tekens = regel.chars();
    while let Some(c) = tekens.next() {
        match c {
            '\\' => {
                if let Some(volgend) = tekens.next()
                    && let Some(veld) = velden.last_mut()
                {
                    veld.push(volgend);
                }
            }
            ':' if velden.len() < 5 => velden.push(String::new()),
            _ => {
                if let Some(veld) = velden.last_mut() {
                    veld.push(c);
                }
            }
        }
    }
    velden
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fouttekst(url: &str) -> String {
        match PgAdres::lees(url) {
            Ok(a) => panic!("{url} werd gelezen als {a:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn volledig_adres() {
        let a = PgAdres::lees(
            "postgresql://wijk%40team:ge%3Aheim@db.gemeente.nl:6543/register?sslmode=verify-full&sslrootcert=/etc/ca.pem&connect_timeout=5&application_name=balie",
        )
        .expect("geldig");
        assert_eq!(a.gebruiker, "wijk@team");
        assert_eq!(a.wachtwoord.as_deref(), Some("ge:heim"));
        assert_eq!(a.host, "db.gemeente.nl");
        assert_eq!(a.poort, 6543);
        assert_eq!(a.database, "register");
        assert_eq!(a.tls, TlsModus::Gecontroleerd);
        assert_eq!(
            a.basiscertificaten,
            Basiscertificaten::Bestand(PathBuf::from("/etc/ca.pem"))
        );
        assert_eq!(a.wachttijd, Some(Duration::from_secs(5)));
        assert_eq!(a.toepassing, "balie");
        assert_eq!(
            a.tekst(),
            "postgresql://wijk@team@db.gemeente.nl:6543/register?sslmode=verify-full"
        );
    }

    #[test]
    fn korte_vorm_en_standaarden() {
        let a = PgAdres::lees("postgres://root@127.0.0.1/test").expect("geldig");
        assert_eq!((a.poort, a.tls), (STANDAARDPOORT, TlsModus::Uit));
        assert!(!a.heeft_wachtwoord());
        let v6 = PgAdres::lees("postgresql://u@[::1]:5433/d?sslmode=require").expect("geldig");
        assert_eq!((v6.host.as_str(), v6.poort), ("::1", 5433));
        assert_eq!(v6.tls, TlsModus::Versleuteld);
        assert_eq!(v6.tekst(), "postgresql://u@[::1]:5433/d?sslmode=require");
    }

    #[test]
    fn het_wachtwoord_komt_nergens_in_beeld() {
        let a = PgAdres::lees("postgresql://u:Zeer-Geheim1@h/d").expect("geldig");
        assert!(a.heeft_wachtwoord());
        assert!(!format!("{a:?}").contains("Zeer-Geheim1"));
        assert!(!a.tekst().contains("Zeer-Geheim1"));
        // Nor in the error of a URL that is wrong elsewhere.
        for url in [
            "postgresql://u:Zeer-Geheim1@h:99999/d",
            "postgresql://u:Zeer-Geheim1@h/d?sslmode=prefer",
            "postgresql://u:Zeer-Geheim1@/d",
            "postgresql://u:Zeer-Geheim1%zz@h/d",
        ] {
            let t = fouttekst(url);
            assert!(!t.contains("Zeer-Geheim1"), "{t}");
        }
    }

    #[test]
    fn elke_fout_noemt_wat_er_mis_is() {
        let gevallen = [
            ("mysql://u@h/d", "begint niet met postgresql://"),
            ("postgresql://u@h", "de database ontbreekt"),
            ("postgresql://u@h/", "databasenaam na de / is leeg"),
            ("postgresql://h/d", "de gebruiker ontbreekt"),
            ("postgresql://@h/d", "gebruikersnaam voor de @ is leeg"),
            ("postgresql://u@/d", "de host ontbreekt"),
            ("postgresql://u@h:abc/d", "de poort 'abc' is geen getal"),
            ("postgresql://u@h:0/d", "de poort '0' is geen getal"),
            ("postgresql://u@h:70000/d", "de poort '70000' is geen getal"),
            ("postgresql://u@h1,h2/d", "meerdere hosts"),
            ("postgresql://u@[::1/d", "sluitende ]"),
            ("postgresql://u@[::1]x/d", "hoort :poort"),
            (
                "postgresql://u:%4@h/d",
                "het wachtwoord bevat een ongeldige %-code",
            ),
            (
                "postgresql://u%ff@h/d",
                "gebruikersnaam is na het ontsleutelen",
            ),
            (
                "postgresql://u@h/d?sslmode=prefer",
                "sslmode=prefer wordt niet ondersteund",
            ),
            (
                "postgresql://u@h/d?sslmode=verify-ca",
                "verify-ca wordt niet ondersteund",
            ),
            (
                "postgresql://u@h/d?sslmode=altijd",
                "onbekende sslmode 'altijd'",
            ),
            (
                "postgresql://u@h/d?sslmode",
                "de parameter 'sslmode' heeft geen waarde",
            ),
            ("postgresql://u@h/d?poort=1", "onbekende parameter 'poort'"),
            (
                "postgresql://u@h/d?connect_timeout=nu",
                "connect_timeout 'nu'",
            ),
            (
                "postgresql://u@h/d?sslrootcert=/ca.pem",
                "sslrootcert werkt alleen met sslmode=verify-full",
            ),
            (
                "postgresql://u@h/d?sslmode=verify-full&sslrootcert=",
                "sslrootcert is leeg",
            ),
        ];
        for (url, verwacht) in gevallen {
            let t = fouttekst(url);
            assert!(t.starts_with("ongeldig PostgreSQL-adres: "), "{url}: {t}");
            assert!(t.contains(verwacht), "{url}: '{t}' noemt niet '{verwacht}'");
        }
    }

    #[test]
    fn wachtwoord_uit_pgpass() {
        let dir = tempfile::tempdir().expect("tijdelijke map");
        let pad = dir.path().join("pgpass");
        std::fs::write(
            &pad,
            "# commentaar\nanders:5432:*:u:fout\nh:5432:d\\:b:u:goed\\:ja\n*:*:*:*:laatste\n",
        )
        .expect("schrijven");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&pad, std::fs::Permissions::from_mode(0o600))
                .expect("rechten");
        }
        assert_eq!(
            zoek_wachtwoord(&pad, "h", 5432, "d:b", "u").as_deref(),
            Some("goed:ja")
        );
        assert_eq!(
            zoek_wachtwoord(&pad, "x", 1, "y", "z").as_deref(),
            Some("laatste")
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&pad, std::fs::Permissions::from_mode(0o644))
                .expect("rechten");
            assert_eq!(
                zoek_wachtwoord(&pad, "h", 5432, "d:b", "u"),
                None,
                "leesbaar voor anderen: genegeerd"
            );
        }
    }
}
