//! The werkvoorraad register of the screen tests (`ui_werkvoorraad`) and of
//! `examples/kijk_db werkvoorraad`: residents with meldingen overdue, due
//! soon and on time, toekenningen ending, a youth turning 18, a provision
//! waiting, on a fixed "today".

#![allow(clippy::expect_used, reason = "a test fixture fails loudly")]

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction, TransactionBehavior};
use wijkregister::domain::{
    BesluitUitkomst, Inwoner, Leveringsvorm, Medewerker, Record, Rol, Toekenning, Verwijzer, Wet,
};
use wijkregister::store::schrijven::voeg_in;

use super::d;
use super::klantreis::{INTAKER, WIJKCOACH, h, melding, register};
use wijkregister::store::klantreis as kr;

pub const LEIDER: &str = "MW-LEIDER";

pub fn vandaag() -> NaiveDate {
    d(2026, 11, 26)
}

pub fn schrijf(conn: &Connection, records: &[Record]) {
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate).expect("tx");
    for r in records {
        voeg_in(&tx, r).expect("record");
    }
    tx.commit().expect("commit");
}

pub fn inwoner(id: &str, voornaam: &str, achternaam: &str, geboren: NaiveDate) -> Record {
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

pub fn toekenning(
    id: &str,
    melding: &str,
    inwoner: &str,
    voorziening: &str,
    besluit: NaiveDate,
    start: Option<NaiveDate>,
    eind: Option<NaiveDate>,
) -> Record {
    Record::Toekenning(Toekenning {
        id: id.into(),
        inwoner: inwoner.into(),
        voorziening: voorziening.into(),
        aanbieder: Some("A-ZORG".into()),
        contract: None,
        melding: Some(melding.into()),
        verwijzer: Verwijzer::Gemeente,
        aanvraag: None,
        besluit,
        uitkomst: BesluitUitkomst::Toegekend,
        start,
        eind,
        leveringsvorm: Leveringsvorm::Natura,
        doorbraak: false,
        reden_einde: None,
        afweging: None,
    })
}

/// The intaker's queue on 26-11-2026: Wmo meldingen overdue (Miriam, 10
/// days), due in 3 working days (Henk) and on time (Jet); a besluit ending
/// in 30 days (Ria), a youth turning 18 in 4 months (Koen) and a provision
/// waiting 20 days (Sem). The wijkcoach has one overdue melding; Tessa
/// leads the team.
pub fn fixture() -> Connection {
    let conn = register();
    schrijf(
        &conn,
        &[
            inwoner("I-RIA", "Ria", "Ruiter", d(1950, 2, 2)),
            inwoner("I-KOEN", "Koen", "Kok", d(2009, 3, 26)),
            inwoner("I-SEM", "Sem", "Smit", d(1988, 8, 8)),
            inwoner("I-ANNA", "Anna", "Bos", d(1970, 1, 1)),
            Record::Medewerker(Medewerker {
                id: LEIDER.into(),
                naam: "Tessa Leider".into(),
                rol: Rol::Teamleider,
                wijkteam: Some("W-OOST".into()),
            }),
        ],
    );
    for (inwoner, datum) in [
        ("I-MIRIAM", d(2026, 10, 5)),
        ("I-HANSEN", d(2026, 10, 20)),
        ("I-JONG2", d(2026, 11, 17)),
    ] {
        kr::melding_toevoegen(&conn, h(INTAKER), &melding(inwoner, datum, Some(Wet::Wmo)))
            .expect("melding");
    }
    let mut coach = melding("I-ANNA", d(2026, 10, 1), Some(Wet::Wmo));
    coach.medewerker = WIJKCOACH.into();
    kr::melding_toevoegen(&conn, h(WIJKCOACH), &coach).expect("coach");
    // A closed melding of the intaker that the toekenningen belong to.
    let gesloten = kr::melding_informatie_advies(
        &conn,
        h(INTAKER),
        &melding("I-RIA", d(2026, 1, 5), Some(Wet::Wmo)),
        "",
    )
    .expect("gesloten melding");
    let begonnen = Some(d(2026, 2, 1));
    schrijf(
        &conn,
        &[
            toekenning(
                "T-RIA",
                &gesloten,
                "I-RIA",
                "V-BEGELEIDING",
                d(2026, 1, 20),
                begonnen,
                Some(d(2026, 12, 26)),
            ),
            toekenning(
                "T-KOEN",
                &gesloten,
                "I-KOEN",
                "V-JEUGD",
                d(2026, 1, 20),
                begonnen,
                None,
            ),
            toekenning(
                "T-SEM",
                &gesloten,
                "I-SEM",
                "V-DAGBESTEDING",
                d(2026, 11, 6),
                None,
                None,
            ),
        ],
    );
    conn
}
