//! The klantreis written on both engines (issue #17): on one demo register,
//! copied to PostgreSQL, the same intake (a new resident, a melding, the
//! gesprek, the afwegingsladder, a verwijzing, the afsluiting) gives the
//! same ids, steps and melding on each engine, and each audit chain holds.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use chrono::NaiveDate;
use wijkregister::domain::klantreis::{Afwegingsladder, Leefgebied, Stap, Trede, TredeSoort};
use wijkregister::domain::{Bron, MeldingUitkomst, Rol, VerwijzingStatus};
use wijkregister::store::StoreFout;
use wijkregister::store::audit::Verificatie;
use wijkregister::store::db::Db;
use wijkregister::store::klantreis::{
    self as kr, Handeling, NieuweInwoner, NieuweMelding, NieuweStap,
};
use wijkregister::store::{medewerkers, pg};

use crate::zoeken_beide::Paar;

fn d(m: u32, dag: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, m, dag).unwrap()
}

/// The intake of one resident, as an intaker of the demo does it; returns
/// what the register then says about it.
fn intake(db: Db<'_>, intaker: &str, voorziening: &str) -> Result<Vec<String>, StoreFout> {
    let h = Handeling {
        medewerker: intaker,
        tijdstip: "2025-11-20T10:00:00Z",
    };
    let vandaag = d(11, 20);
    let inwoner = kr::inwoner_toevoegen(
        db,
        h,
        &NieuweInwoner {
            bsn: "123456782".into(),
            voornaam: "Miriam".into(),
            achternaam: "de Vries".into(),
            geboortedatum: "12-03-1990".into(),
            woonplaats: "Almelo".into(),
            ..NieuweInwoner::default()
        },
        vandaag,
    )?;
    let melding = kr::melding_toevoegen(
        db,
        h,
        &NieuweMelding {
            inwoner: inwoner.clone(),
            datum: d(11, 3),
            bron: Bron::Huisarts,
            vraag: "De post stapelt zich op.".into(),
            leefgebieden: vec![Leefgebied::Financien, Leefgebied::SociaalNetwerk],
            wet: None,
            gevraagde_voorziening: None,
            medewerker: intaker.to_owned(),
            spoed: false,
        },
    )?;
    let stap = |s: Stap, datum: NaiveDate, uitkomst: Option<MeldingUitkomst>| NieuweStap {
        stap: s,
        datum,
        medewerker: intaker.to_owned(),
        notitie: format!("{s:?}"),
        uitkomst,
    };
    kr::stap_vastleggen(db, h, &melding, &stap(Stap::Gesprek, d(11, 5), None))?;
    // A step out of order is refused, on both engines alike.
    let fout = kr::stap_vastleggen(db, h, &melding, &stap(Stap::Gesprek, d(11, 4), None))
        .expect_err("een gesprek vóór het vorige");
    kr::stap_vastleggen(db, h, &melding, &stap(Stap::Analyse, d(11, 7), None))?;
    let mut ladder = Afwegingsladder::default();
    ladder.zet(
        TredeSoort::EigenKracht,
        Trede {
            lost_op: Some(false),
            toelichting: "lukt niet alleen".into(),
        },
    );
    ladder.zet(
        TredeSoort::Netwerk,
        Trede {
            lost_op: Some(false),
            toelichting: "geen familie dichtbij".into(),
        },
    );
    ladder.zet(
        TredeSoort::AlgemeneVoorziening,
        Trede {
            lost_op: Some(true),
            toelichting: "de thuisadministratie helpt".into(),
        },
    );
    kr::afweging_opslaan(db, h, &melding, d(11, 10), &ladder)?;
    let verwijzing = kr::verwijzing_maken(db, h, &melding, voorziening, d(11, 12), "samen gebeld")?;
    kr::verwijzing_bijwerken(
        db,
        h,
        &verwijzing,
        VerwijzingStatus::Afgerond,
        Some(d(11, 18)),
        Some(true),
    )?;
    kr::stap_vastleggen(
        db,
        h,
        &melding,
        &stap(
            Stap::Afsluiting,
            d(11, 19),
            Some(MeldingUitkomst::AlgemeneVoorziening),
        ),
    )?;
    let mut uit = vec![inwoner, melding.clone(), verwijzing, fout.to_string()];
    uit.push(format!("{:?}", kr::melding(db, &melding)?));
    for s in kr::stappen(db, &melding)? {
        uit.push(format!(
            "{:?} {} {} {}",
            s.stap, s.datum, s.medewerker, s.notitie
        ));
    }
    uit.push(format!("{:?}", kr::afweging(db, &melding)?));
    uit.push(format!("{:?}", kr::nog_te_doen(db, &melding)?));
    Ok(uit)
}

#[test]
fn een_intake_geeft_op_beide_hetzelfde_register() {
    let Some(paar) = Paar::nieuw("een_intake_geeft_op_beide_hetzelfde_register", 200, 3) else {
        return;
    };
    let (s, p) = paar.beide();
    let intaker = medewerkers::alle(s)
        .unwrap()
        .into_iter()
        .find(|m| m.rol == Rol::Intaker)
        .expect("een intaker")
        .id;
    let voorziening: String = s
        .query_one(
            "SELECT id FROM voorziening WHERE soort = 'algemeen' AND beeindigd_op IS NULL
             ORDER BY id LIMIT 1",
            &[],
            |r| r.get(0),
        )
        .unwrap();
    let regels_voor = |db: Db<'_>| -> i64 {
        db.query_one("SELECT count(*) FROM audit", &[], |r| r.get(0))
            .unwrap()
    };
    let voor = regels_voor(s);
    assert_eq!(voor, regels_voor(p));
    let op_sqlite = intake(s, &intaker, &voorziening).expect("intake op SQLite");
    let op_pg = intake(p, &intaker, &voorziening).expect("intake op PostgreSQL");
    assert_eq!(op_sqlite, op_pg);
    assert!(op_sqlite.len() > 8, "{op_sqlite:?}");
    // Every action left its audit row, and both chains verify.
    assert_eq!(regels_voor(s), regels_voor(p));
    assert!(regels_voor(p) >= voor + 7);
    assert!(matches!(
        wijkregister::store::audit::verifieer(&paar.sqlite).unwrap(),
        Verificatie::Intact { .. }
    ));
    assert!(matches!(
        pg::audit::verifieer_verbinding(&paar.postgres).unwrap(),
        Verificatie::Intact { .. }
    ));
}

/// Two desktops record the same step of one melding at the same moment
/// (issue #17, point 3): one wins, the other gets the klantreis's own
/// refusal in words, nothing is stored twice, and the audit chain holds.
#[test]
fn twee_desktops_leggen_tegelijk_dezelfde_stap_vast() {
    let Some(paar) = Paar::nieuw("twee_desktops_leggen_tegelijk_dezelfde_stap_vast", 120, 9) else {
        return;
    };
    let p = Db::from(&paar.postgres);
    let intaker = medewerkers::alle(p)
        .unwrap()
        .into_iter()
        .find(|m| m.rol == Rol::Intaker)
        .expect("een intaker")
        .id;
    let inwoner: String = p
        .query_one("SELECT id FROM inwoner ORDER BY id LIMIT 1", &[], |r| {
            r.get(0)
        })
        .unwrap();
    let h = Handeling {
        medewerker: &intaker,
        tijdstip: "2025-11-20T10:00:00Z",
    };
    let melding = kr::melding_toevoegen(
        p,
        h,
        &NieuweMelding {
            inwoner,
            datum: d(11, 3),
            bron: Bron::Zelfmelder,
            vraag: "Hulp bij de administratie.".into(),
            leefgebieden: vec![Leefgebied::Financien],
            wet: None,
            gevraagde_voorziening: None,
            medewerker: intaker.clone(),
            spoed: false,
        },
    )
    .unwrap();
    let start = std::sync::Arc::new(std::sync::Barrier::new(2));
    let draden: Vec<_> = (0..2)
        .map(|i| {
            let verbinding = pg::verbinding::verbind(&paar.adres()).unwrap();
            let desktop = wijkregister::store::db::PgVerbinding::nieuw(
                verbinding,
                paar.postgres.sleutel().clone(),
            );
            let (start, intaker, melding) = (start.clone(), intaker.clone(), melding.clone());
            std::thread::spawn(move || {
                start.wait();
                kr::stap_vastleggen(
                    &desktop,
                    Handeling {
                        medewerker: &intaker,
                        tijdstip: "2025-11-20T10:05:00Z",
                    },
                    &melding,
                    &NieuweStap {
                        stap: Stap::Gesprek,
                        datum: d(11, 5),
                        medewerker: intaker.clone(),
                        notitie: format!("gesprek van desktop {i}"),
                        uitkomst: None,
                    },
                )
            })
        })
        .collect();
    let uitkomsten: Vec<_> = draden.into_iter().map(|d| d.join().unwrap()).collect();
    let gelukt = uitkomsten.iter().filter(|u| u.is_ok()).count();
    assert_eq!(gelukt, 1, "{uitkomsten:?}");
    let fout = uitkomsten
        .into_iter()
        .find_map(Result::err)
        .expect("de tweede wordt geweigerd");
    assert!(
        matches!(fout, StoreFout::Validatie(_)),
        "een weigering van de klantreis, geen databasefout: {fout:?}"
    );
    let gesprekken = kr::stappen(p, &melding)
        .unwrap()
        .into_iter()
        .filter(|s| s.stap == Stap::Gesprek)
        .count();
    assert_eq!(gesprekken, 1);
    assert!(matches!(
        pg::audit::verifieer_verbinding(&paar.postgres).unwrap(),
        Verificatie::Intact { .. }
    ));
}
