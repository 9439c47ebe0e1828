//! The klantreis fixture with two meldingen in progress (Miriam and meneer
//! Hansen, up to the afwegingsladder), for looking at the klantreis screens
//! in the real window:
//! `cargo run --release --example kijk_db -- klantreis /tmp/kr.sqlite`.

use wijkregister::domain::klantreis::{Leefgebied, Stap};
use wijkregister::store::klantreis::{
    NieuweStap, afweging_opslaan, melding_toevoegen, stap_vastleggen,
};

use crate::steun::d;
use crate::steun::klantreis::{INTAKER, WIJKCOACH, h, ladder, melding, register};

/// Writes the fixture to `pad` (replaced if it exists).
pub fn schrijf_kijk_db(pad: &str) {
    let _ = std::fs::remove_file(pad);
    let conn = register();
    for (inwoner, datum, treden, vraag) in [
        (
            "I-MIRIAM",
            d(2026, 11, 10),
            &[false, false][..],
            "Ik zit alleen thuis en de rekeningen stapelen zich op.",
        ),
        (
            "I-HANSEN",
            d(2026, 10, 20),
            &[false, false, false, false][..],
            "Ik wil naar de dagbesteding.",
        ),
    ] {
        let mut m = melding(inwoner, datum, Some(wijkregister::domain::Wet::Wmo));
        m.vraag = vraag.into();
        m.bron = wijkregister::domain::Bron::Huisarts;
        m.leefgebieden = vec![Leefgebied::SociaalNetwerk, Leefgebied::Zelfzorg];
        let id = melding_toevoegen(&conn, h(INTAKER), &m).expect("melding");
        for (stap, dag, notitie) in [
            (
                Stap::Gesprek,
                datum + chrono::Days::new(3),
                "Keukentafelgesprek.",
            ),
            (
                Stap::Analyse,
                datum + chrono::Days::new(7),
                "Verklarende analyse.",
            ),
        ] {
            stap_vastleggen(
                &conn,
                h(INTAKER),
                &id,
                &NieuweStap {
                    stap,
                    datum: dag,
                    medewerker: INTAKER.into(),
                    notitie: notitie.into(),
                    uitkomst: None,
                },
            )
            .expect("stap");
        }
        afweging_opslaan(
            &conn,
            h(WIJKCOACH),
            &id,
            datum + chrono::Days::new(9),
            &ladder(treden),
        )
        .expect("afweging");
    }
    conn.execute("VACUUM INTO ?1", [pad]).expect("vacuum into");
}
