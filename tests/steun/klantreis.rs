//! Shared fixture for the klantreis, werkvoorraad and sociale-kaart tests:
//! an in-memory register with one wijkteam, its workers, providers,
//! contracts, provisions of the sociale kaart and a few residents.

#![allow(clippy::expect_used, reason = "shared fixture; a test fails loudly")]

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};
use wijkregister::domain::klantreis::{Afwegingsladder, Leefgebied, Trede, TredeSoort};
use wijkregister::domain::{
    Aanbieder, Bron, Contract, ContractSoort, Inwoner, Medewerker, Record, Rol, Voorziening,
    VoorzieningSoort, Wet, Wijkteam,
};
use wijkregister::store::klantreis::{Handeling, NieuweMelding};
use wijkregister::store::schrijven::voeg_in;
use wijkregister::store::sociale_kaart_beheer::{VoorzieningInvoer, voorziening_toevoegen};
use wijkregister::store::{self};

use super::d;

pub const INTAKER: &str = "MW-INT";
pub const WIJKCOACH: &str = "MW-COACH";
pub const SCHULD: &str = "MW-SCHULD";
pub const BEHEERDER: &str = "MW-BEHEER";

pub fn h(medewerker: &'static str) -> Handeling<'static> {
    Handeling {
        medewerker,
        tijdstip: "2026-11-26T10:00:00+01:00",
    }
}

fn inwoner(id: &str, voornaam: &str, achternaam: &str, geboren: NaiveDate) -> Record {
    Record::Inwoner(Inwoner {
        id: id.into(),
        bsn: None,
        voornaam: voornaam.into(),
        achternaam: achternaam.into(),
        geboortedatum: geboren,
        geslacht: None,
        huishouden: format!("H-{id}"),
        wijkteam: Some("W-OOST".into()),
        woonplaats: "Almelo".into(),
    })
}

fn voorziening(
    id: &str,
    naam: &str,
    soort: VoorzieningSoort,
    wet: Option<Wet>,
    categorie: Option<&str>,
) -> Voorziening {
    Voorziening {
        id: id.into(),
        naam: naam.into(),
        soort,
        wet,
        categorie: categorie.map(Into::into),
        kenmerken: Vec::new(),
    }
}

/// The register used by the tests.
pub fn register() -> Connection {
    let conn = store::open_in_memory().expect("open");
    {
        let tx = Transaction::new_unchecked(&conn, rusqlite::TransactionBehavior::Immediate)
            .expect("tx");
        let mut records = vec![
            Record::Wijkteam(Wijkteam {
                id: "W-OOST".into(),
                naam: "Wijkteam Oost".into(),
            }),
            Record::Wijkteam(Wijkteam {
                id: "W-WEST".into(),
                naam: "Wijkteam West".into(),
            }),
        ];
        for (id, naam, rol, team) in [
            (INTAKER, "Ineke Intaker", Rol::Intaker, "W-OOST"),
            (WIJKCOACH, "Wim Coach", Rol::Wijkcoach, "W-OOST"),
            (SCHULD, "Sara Schuld", Rol::Schuldspecialist, "W-OOST"),
            (BEHEERDER, "Bert Beheer", Rol::Beheerder, "W-WEST"),
        ] {
            records.push(Record::Medewerker(Medewerker {
                id: id.into(),
                naam: naam.into(),
                rol,
                wijkteam: Some(team.into()),
            }));
        }
        records.push(Record::Aanbieder(Aanbieder {
            id: "A-ZORG".into(),
            naam: "Zorg Twente BV".into(),
            kvk: None,
        }));
        records.push(Record::Aanbieder(Aanbieder {
            id: "A-AVEDAN".into(),
            naam: "Avedan".into(),
            kvk: None,
        }));
        records.push(Record::Aanbieder(Aanbieder {
            id: "A-NIEUW".into(),
            naam: "Nieuw Zorg".into(),
            kvk: None,
        }));
        records.push(Record::Contract(Contract {
            id: "C-ZORG-WMO".into(),
            aanbieder: "A-ZORG".into(),
            wet: Wet::Wmo,
            soort: ContractSoort::Raamcontract,
            van: d(2026, 1, 1),
            tot: None,
        }));
        records.push(Record::Contract(Contract {
            id: "C-ZORG-JW".into(),
            aanbieder: "A-ZORG".into(),
            wet: Wet::Jeugdwet,
            soort: ContractSoort::Raamcontract,
            van: d(2026, 1, 1),
            tot: Some(d(2026, 12, 31)),
        }));
        records.push(inwoner("I-MIRIAM", "Miriam", "de Vries", d(1976, 3, 14)));
        records.push(inwoner("I-HANSEN", "Henk", "Hansen", d(1954, 6, 1)));
        records.push(inwoner("I-JONG", "Jesse", "Jong", d(2009, 5, 26)));
        records.push(inwoner("I-JONG2", "Jet", "Jong", d(2009, 5, 27)));
        for r in &records {
            voeg_in(&tx, r).expect("fixture");
        }
        tx.commit().expect("commit");
    }
    let kaart = [
        (
            voorziening(
                "V-WIJKKAMER",
                "Wijkkamer De Riet",
                VoorzieningSoort::Algemeen,
                None,
                None,
            ),
            vec![
                Leefgebied::SociaalNetwerk,
                Leefgebied::MaatschappelijkeParticipatie,
                Leefgebied::WerkDagbesteding,
            ],
            vec!["A-AVEDAN"],
        ),
        (
            voorziening(
                "V-SCHULD",
                "Schuldhulp wijkteam",
                VoorzieningSoort::Algemeen,
                Some(Wet::Schuldhulp),
                None,
            ),
            vec![Leefgebied::Financien],
            vec![],
        ),
        (
            voorziening(
                "V-BEGELEIDING",
                "Individuele begeleiding",
                VoorzieningSoort::Maatwerk,
                Some(Wet::Wmo),
                Some("02"),
            ),
            vec![
                Leefgebied::Zelfzorg,
                Leefgebied::SociaalNetwerk,
                Leefgebied::Financien,
            ],
            vec!["A-ZORG", "A-NIEUW"],
        ),
        (
            voorziening(
                "V-DAGBESTEDING",
                "Dagbesteding",
                VoorzieningSoort::Maatwerk,
                Some(Wet::Wmo),
                Some("07"),
            ),
            vec![Leefgebied::WerkDagbesteding, Leefgebied::SociaalNetwerk],
            vec!["A-ZORG"],
        ),
        (
            voorziening(
                "V-JEUGD",
                "Ambulante jeugdhulp",
                VoorzieningSoort::Maatwerk,
                Some(Wet::Jeugdwet),
                Some("45"),
            ),
            vec![Leefgebied::OpvoedenOpgroeien],
            vec!["A-ZORG"],
        ),
        (
            voorziening(
                "V-WLZ",
                "Wlz-zorg thuis",
                VoorzieningSoort::Voorliggend,
                None,
                None,
            ),
            vec![Leefgebied::Zelfzorg],
            vec![],
        ),
    ];
    for (v, leefgebieden, aanbieders) in kaart {
        let invoer = VoorzieningInvoer {
            voorziening: v,
            leefgebieden,
            aanbieders: aanbieders.into_iter().map(String::from).collect(),
        };
        voorziening_toevoegen(&conn, h(BEHEERDER), &invoer).expect("sociale kaart");
    }
    conn
}

/// A melding as the intake form gives it.
pub fn melding(inwoner: &str, datum: NaiveDate, wet: Option<Wet>) -> NieuweMelding {
    NieuweMelding {
        inwoner: inwoner.into(),
        datum,
        bron: Bron::Zelfmelder,
        vraag: "Ik kom er niet meer uit.".into(),
        leefgebieden: vec![Leefgebied::SociaalNetwerk],
        wet,
        gevraagde_voorziening: None,
        medewerker: INTAKER.into(),
        spoed: false,
    }
}

/// A ladder with the given answers (in order); the rest open.
pub fn ladder(antwoorden: &[bool]) -> Afwegingsladder {
    let mut l = Afwegingsladder::default();
    for (soort, lost_op) in TredeSoort::ALLE.iter().zip(antwoorden) {
        let waarom = if *lost_op {
            "lost het op"
        } else {
            "lost het niet op"
        };
        l.zet(
            *soort,
            Trede::beantwoord(*lost_op, &format!("{waarom}: {}", soort.label())),
        );
    }
    l
}

/// Counts rows of a table matching a WHERE clause.
pub fn tel(conn: &Connection, tabel: &str, waar: &str) -> i64 {
    conn.query_row(
        &format!("SELECT count(*) FROM {tabel} WHERE {waar}"),
        [],
        |r| r.get(0),
    )
    .expect("tel")
}
