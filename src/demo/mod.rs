//! The deterministic demo register generator (`wijkregister demo`).
//!
//! One generator ([`genereer`]) emits [`Record`]s through a sink, household
//! by household, in an order where every reference points to an earlier
//! record; [`vul_register`] feeds it into the database (one transaction
//! through `store::schrijven::voeg_in`) and then adds what the records do
//! not hold (`verrijking`: klantreis steps and corrections, the
//! afwegingsladder per rung, life domains, …), so every table but the
//! accounts and the audit log is filled; [`vul_register_met_accounts`]
//! adds those too. [`schrijf_jsonl`] writes the same register as an
//! exchange file (filled in memory, then exported). Nothing reads a clock
//! and the random stream is our own splitmix64, so the same settings give
//! byte-identical output.
//!
//! The proportions follow the source documents: about one in seven young
//! people with jeugdhulp in a year, Wmo maatwerk for a few percent of adults
//! and about a third of the over-65s, small numbers in beschermd wonen and
//! opvang (see `generator.rs` for the yearly chances).

mod generator;
pub mod kaart;
mod namen;
pub mod rng;
mod teksten;
mod verrijking;

use std::collections::BTreeMap;
use std::io::{self, Write};

use rusqlite::Connection;

pub use generator::{BANDEN, GEMEENTE};

use crate::domain::{DomeinFout, Record, Veldfout};
use crate::store::{self, StoreFout, schrijven, uitwisseling};

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoInstellingen {
    /// Number of residents.
    pub inwoners: u32,
    /// Number of years of history.
    pub jaren: u32,
    /// The last year of history (the CLI passes the current year).
    pub eind_jaar: i32,
    /// The last day with data ("today" when the app or CLI generates; the
    /// generator then invents nothing after it). `None`: 31 December of `eind_jaar`.
    pub peildatum: Option<chrono::NaiveDate>,
    /// Seed: the same settings give the same register.
    pub seed: u64,
}

/// What was generated, per record type.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DemoVerslag {
    /// Number of records written.
    pub records: u64,
    /// Number of records per exchange `type` (`inwoner`, `melding`, …).
    pub per_soort: BTreeMap<&'static str, u64>,
}

impl DemoVerslag {
    /// Counts one record.
    pub fn tel(&mut self, record: &Record) {
        self.records += 1;
        *self.per_soort.entry(record.soort()).or_insert(0) += 1;
    }

    /// The number of records of one exchange `type`.
    #[must_use]
    pub fn aantal(&self, soort: &str) -> u64 {
        self.per_soort.get(soort).copied().unwrap_or(0)
    }

    /// "12 wijkteam, 300 inwoner, …" for a summary line.
    #[must_use]
    pub fn samenvatting(&self) -> String {
        self.per_soort
            .iter()
            .map(|(s, n)| format!("{n} {s}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Why the generator stopped.
#[derive(Debug)]
pub enum DemoFout<E> {
    /// The settings are outside what the register accepts.
    Instellingen(Veldfout),
    /// The sink refused a record.
    Uitvoer(E),
}

/// Checks the settings: at least one resident, 1–50 years, an end year the
/// register can hold.
pub fn controleer(inst: &DemoInstellingen) -> Result<(), Veldfout> {
    if inst.inwoners == 0 {
        return Err(Veldfout::new(
            "inwoners",
            DomeinFout::BuitenBereik {
                waarde: 0,
                van: 1,
                tot: i64::from(u32::MAX),
            },
        ));
    }
    if !(1..=50).contains(&inst.jaren) {
        return Err(Veldfout::new(
            "jaren",
            DomeinFout::BuitenBereik {
                waarde: i64::from(inst.jaren),
                van: 1,
                tot: 50,
            },
        ));
    }
    if !(1950..=2150).contains(&inst.eind_jaar) {
        return Err(Veldfout::new(
            "eind_jaar",
            DomeinFout::BuitenBereik {
                waarde: i64::from(inst.eind_jaar),
                van: 1950,
                tot: 2150,
            },
        ));
    }
    Ok(())
}

/// Generates the demo register for `inst`, handing each record to `sink` in
/// an order where every reference points to an earlier record.
pub fn genereer<E>(
    inst: &DemoInstellingen,
    sink: &mut dyn FnMut(Record) -> Result<(), E>,
) -> Result<DemoVerslag, DemoFout<E>> {
    controleer(inst).map_err(DemoFout::Instellingen)?;
    let mut fout = None;
    let mut doorgeven = |r: Record| sink(r).map_err(|e| fout = Some(e));
    let Some(generator) = generator::Generator::nieuw(inst, &mut doorgeven) else {
        return Err(DemoFout::Instellingen(Veldfout::new(
            "eind_jaar",
            DomeinFout::Verplicht,
        )));
    };
    match generator.genereer() {
        Ok(verslag) => Ok(verslag),
        Err(()) => match fout {
            Some(e) => Err(DemoFout::Uitvoer(e)),
            None => Err(DemoFout::Instellingen(Veldfout::new(
                "eind_jaar",
                DomeinFout::Verplicht,
            ))),
        },
    }
}

/// Fills the register with a demo register, in one transaction. The
/// register must be empty (two registers are never mixed); its gemeente
/// becomes Almelo.
pub fn vul_register(
    conn: &mut Connection,
    inst: &DemoInstellingen,
) -> Result<DemoVerslag, StoreFout> {
    controleer(inst).map_err(|f| StoreFout::Validatie(vec![f]))?;
    store::transactie::voer_uit(conn, |tx| {
        if !store::is_leeg(tx)? {
            return Err(StoreFout::RegisterNietLeeg);
        }
        store::zet_instelling(tx, store::INSTELLING_GEMEENTE, GEMEENTE)?;
        let verslag =
            genereer(inst, &mut |r: Record| schrijven::voeg_in(tx, &r)).map_err(|f| match f {
                DemoFout::Instellingen(v) => StoreFout::Validatie(vec![v]),
                DemoFout::Uitvoer(e) => StoreFout::from(e),
            })?;
        // As after an import: each provision linked to the providers that delivered it.
        store::sociale_kaart_beheer::koppel_geleverde_aanbieders(tx)?;
        // The demo's sociale kaart: life domains and providers per provision.
        kaart::koppel_kaart(tx)?;
        verrijking::verrijk(tx, inst.eind_jaar)?;
        Ok(verslag)
    })
}

/// The password of the demo accounts of [`vul_register_met_accounts`]
/// (fictitious data only; never use it for a real register).
pub const DEMO_WACHTWOORD: &str = "Wijkteam-2026!";

/// [`vul_register`], then accounts through the store's own account
/// functions (so the audit log records them): a first beheerder `beheer`,
/// the intaker with the most open meldingen as `intaker`, a teamleider as
/// `teamleider` (after one failed login), and a wijkcoach as `oud-collega`,
/// set inactive. All with [`DEMO_WACHTWOORD`]; `nu` is the moment written.
/// Every table of the register then holds rows.
pub fn vul_register_met_accounts(
    conn: &mut Connection,
    inst: &DemoInstellingen,
    nu: chrono::NaiveDateTime,
) -> Result<DemoVerslag, StoreFout> {
    use crate::store::accounts;
    let verslag = vul_register(conn, inst)?;
    let fout = |e: accounts::AccountFout| StoreFout::Afgebroken(account_fout(&e));
    let beheer =
        accounts::maak_eerste_beheerder(&*conn, "Bea Beheer", "beheer", DEMO_WACHTWOORD, nu)
            .map_err(fout)?;
    let eerste = |sql: &str| -> Result<Option<String>, StoreFout> {
        Ok(conn
            .query_row(sql, [], |r| r.get(0))
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })?)
    };
    let intaker = eerste(
        "SELECT m.medewerker FROM melding m JOIN medewerker w ON w.id = m.medewerker
          WHERE m.afgesloten IS NULL AND w.rol = 'intaker'
          GROUP BY m.medewerker ORDER BY count(*) DESC, m.medewerker LIMIT 1",
    )?;
    let leider = eerste("SELECT id FROM medewerker WHERE rol = 'teamleider' ORDER BY id LIMIT 1")?;
    let coach = eerste("SELECT id FROM medewerker WHERE rol = 'wijkcoach' ORDER BY id LIMIT 1")?;
    for (mw, naam) in [
        (intaker, "intaker"),
        (leider, "teamleider"),
        (coach, "oud-collega"),
    ] {
        let Some(mw) = mw else { continue };
        accounts::voeg_toe(&*conn, &beheer.medewerker, &mw, naam, DEMO_WACHTWOORD, nu)
            .map_err(fout)?;
        if naam == "teamleider" {
            // One failed login: counted on the account, refused in the log.
            let _ = accounts::inloggen(&*conn, naam, "verkeerd-wachtwoord", nu);
        }
        if naam == "oud-collega" {
            accounts::zet_actief(&*conn, &beheer.medewerker, &mw, false, nu).map_err(fout)?;
        }
    }
    Ok(verslag)
}

/// An account error as the `'static` reason of [`StoreFout::Afgebroken`]
/// (the demo's own accounts never fail but on a broken register).
fn account_fout(_: &crate::store::accounts::AccountFout) -> &'static str {
    "de demo-accounts konden niet worden aangemaakt"
}

/// Writes the demo register as an exchange file (the current version):
/// the register of [`vul_register`] is filled in memory and exported, so
/// the file holds exactly what filling a database would. The report counts
/// the lines per record type. The caller buffers `uit` and makes the write
/// atomic.
pub fn schrijf_jsonl(uit: impl Write, inst: &DemoInstellingen) -> io::Result<DemoVerslag> {
    let als_io = |e: StoreFout| match e {
        StoreFout::Validatie(v) => {
            io::Error::new(io::ErrorKind::InvalidInput, store::veldfouten_tekst(&v))
        }
        StoreFout::Io(e) => e,
        e => io::Error::other(e.to_string()),
    };
    let mut conn = store::open_in_memory().map_err(als_io)?;
    vul_register(&mut conn, inst).map_err(als_io)?;
    let mut verslag = DemoVerslag::default();
    for soort in &uitwisseling::RECORDSOORTEN {
        let n: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {}", soort.tabel), [], |r| {
                r.get(0)
            })
            .map_err(|e| als_io(StoreFout::from(e)))?;
        if n > 0 {
            verslag.per_soort.insert(soort.naam, n as u64);
        }
    }
    verslag.records = store::export::exporteer(&conn, uit).map_err(als_io)?;
    Ok(verslag)
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "tests may use expect")]
mod tests {
    use super::*;

    fn inst(inwoners: u32, jaren: u32, eind_jaar: i32) -> DemoInstellingen {
        DemoInstellingen {
            inwoners,
            jaren,
            eind_jaar,
            seed: 1,
            peildatum: None,
        }
    }

    #[test]
    fn instellingen_worden_gecontroleerd() {
        assert!(controleer(&inst(10, 3, 2025)).is_ok());
        assert_eq!(
            controleer(&inst(0, 3, 2025)).expect_err("fout").veld,
            "inwoners"
        );
        assert_eq!(
            controleer(&inst(10, 0, 2025)).expect_err("fout").veld,
            "jaren"
        );
        assert_eq!(
            controleer(&inst(10, 3, 1800)).expect_err("fout").veld,
            "eind_jaar"
        );
    }

    #[test]
    fn verslag_telt_per_soort_en_sink_fout_komt_terug() {
        let mut n = 0_u32;
        let uitkomst = genereer(&inst(20, 1, 2025), &mut |_r: Record| -> Result<(), &str> {
            n += 1;
            if n > 30 { Err("vol") } else { Ok(()) }
        });
        assert!(matches!(uitkomst, Err(DemoFout::Uitvoer("vol"))));
        let mut verslag = DemoVerslag::default();
        let gemaakt = genereer(&inst(20, 1, 2025), &mut |r: Record| -> Result<(), ()> {
            verslag.tel(&r);
            Ok(())
        })
        .expect("ok");
        assert_eq!(gemaakt, verslag);
        assert_eq!(gemaakt.aantal("inwoner"), 20);
        assert_eq!(gemaakt.aantal("wijkteam"), 4);
        assert_eq!(gemaakt.aantal("bevolking"), 8);
        assert!(gemaakt.samenvatting().contains("20 inwoner"));
    }
}
