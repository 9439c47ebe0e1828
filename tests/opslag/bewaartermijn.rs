//! Retention: due dossiers are listed with their ground, a due dossier is
//! destroyed whole in one transaction and logged without personal data, a
//! dossier not yet due is refused.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use crate::steun::d;
use chrono::NaiveDate;
use rusqlite::Connection;
use wijkregister::domain::bewaartermijn::Grond;
use wijkregister::domain::*;
use wijkregister::store::{self, StoreFout, audit, bewaartermijn};

fn inwoner(id: &str, huishouden: &str) -> Record {
    Record::Inwoner(Inwoner {
        id: id.into(),
        bsn: None,
        voornaam: "Test".into(),
        achternaam: format!("Persoon {id}"),
        geboortedatum: d(1960, 1, 1),
        geslacht: None,
        huishouden: huishouden.into(),
        wijkteam: None,
        woonplaats: "Almelo".into(),
    })
}

fn melding(id: &str, inwoner: &str, afgesloten: Option<NaiveDate>) -> Record {
    Record::Melding(Melding {
        id: id.into(),
        inwoner: inwoner.into(),
        datum: d(2010, 1, 1),
        bron: Bron::Zelfmelder,
        wet: Some(Wet::Wmo),
        gevraagde_voorziening: None,
        medewerker: None,
        gesprek: None,
        onderzoek_klaar: None,
        afgesloten,
        uitkomst: afgesloten.map(|_| MeldingUitkomst::InformatieAdvies),
    })
}

fn toekenning(id: &str, inwoner: &str, voorziening: &str, eind: Option<NaiveDate>) -> Record {
    Record::Toekenning(Toekenning {
        id: id.into(),
        inwoner: inwoner.into(),
        voorziening: voorziening.into(),
        aanbieder: None,
        contract: None,
        melding: None,
        verwijzer: Verwijzer::Huisarts,
        aanvraag: None,
        besluit: d(2005, 1, 1),
        uitkomst: BesluitUitkomst::Toegekend,
        start: Some(d(2005, 2, 1)),
        eind,
        leveringsvorm: Leveringsvorm::Natura,
        doorbraak: false,
        reden_einde: eind.map(|_| RedenEinde::VolgensPlan),
        afweging: None,
    })
}

fn voorziening(id: &str, wet: Wet, categorie: &str) -> Record {
    Record::Voorziening(Voorziening {
        id: id.into(),
        naam: id.into(),
        soort: VoorzieningSoort::Maatwerk,
        wet: Some(wet),
        categorie: Some(categorie.into()),
        kenmerken: vec![],
    })
}

fn register() -> Connection {
    let mut conn = store::open_in_memory().expect("open");
    let tx = conn.transaction().expect("tx");
    for r in [
        voorziening("V-HH", Wet::Wmo, "01"),
        voorziening("V-JGGZ", Wet::Jeugdwet, "54"),
        // Closed 2019-03-01, nothing granted: due 2024-03-01.
        inwoner("I-1", "H-1"),
        melding("M-1", "I-1", Some(d(2019, 3, 1))),
        // Open melding: never due.
        inwoner("I-2", "H-2"),
        melding("M-2", "I-2", None),
        // Wmo ended 2010-06-30: due 2025-06-30.
        inwoner("I-3", "H-3"),
        toekenning("T-3", "I-3", "V-HH", Some(d(2010, 6, 30))),
        // Jeugdwet ended 2010-06-30: due 2030-06-30.
        inwoner("I-4", "H-3"),
        toekenning("T-4", "I-4", "V-JGGZ", Some(d(2010, 6, 30))),
    ] {
        store::schrijven::voeg_in(&tx, &r).expect("insert");
    }
    tx.execute_batch(
        "INSERT INTO ave (id, huishouden, datum, niveau, reden) VALUES ('AVE-1', 'H-1', '2018-01-01', 2, 'zorgen');
         INSERT INTO medewerker (id, naam, rol) VALUES ('MW-1', 'Intaker', 'intaker');
         INSERT INTO melding_leefgebied (melding, leefgebied) SELECT 'M-1', 'financien';
         INSERT INTO klantreis_stap (melding, stap, datum, medewerker, notitie, vastgelegd_op)
             VALUES ('M-1', 'gesprek', '2010-01-05', 'MW-1', 'keukentafelgesprek', '2010-01-05T10:00:00Z');
         INSERT INTO klantreis_correctie (stap, oude_datum, nieuwe_datum, oude_medewerker, nieuwe_medewerker,
             oude_notitie, nieuwe_notitie, door, tijdstip)
             VALUES (1, '2010-01-05', '2010-01-06', 'MW-1', 'MW-1', 'a', 'b', 'MW-1', '2010-01-07T10:00:00Z');
         INSERT INTO afweging_trede (melding, trede, lost_op, toelichting, medewerker, datum)
             VALUES ('M-1', 'eigen-kracht', 1, 'redt het zelf', 'MW-1', '2010-01-06');",
    )
    .expect("klantreis");
    tx.commit().expect("commit");
    conn
}

#[test]
fn vervallen_dossiers_met_grond() {
    let conn = register();
    let lijst = bewaartermijn::te_vernietigen(&conn, d(2026, 11, 26)).expect("lijst");
    let samengevat: Vec<_> = lijst
        .iter()
        .map(|v| (v.inwoner.as_str(), v.datum, v.grond))
        .collect();
    assert_eq!(
        samengevat,
        [
            ("I-1", d(2024, 3, 1), Grond::GeenVoorziening),
            ("I-3", d(2025, 6, 30), Grond::Wmo)
        ]
    );
    // Each named as people read it: name and date of birth.
    assert_eq!(
        lijst
            .iter()
            .map(|v| (v.naam.as_str(), v.geboren))
            .collect::<Vec<_>>(),
        [
            ("Test Persoon I-1", d(1960, 1, 1)),
            ("Test Persoon I-3", d(1960, 1, 1))
        ]
    );
    // On the day before I-3's date it is not yet due.
    let lijst = bewaartermijn::te_vernietigen(&conn, d(2025, 6, 29)).expect("lijst");
    assert_eq!(lijst.len(), 1);
}

#[test]
fn vernietigen_verwijdert_alles_en_logt_zonder_persoonsgegevens() {
    let mut conn = register();
    let v = bewaartermijn::vernietig(
        &mut conn,
        "I-1",
        d(2026, 11, 26),
        "MW-BEHEER",
        "2026-11-26T10:00:00Z",
    )
    .expect("vernietig");
    assert_eq!((v.meldingen, v.ave), (1, 1));
    let n: i64 = conn
        .query_row("SELECT count(*) FROM inwoner WHERE id = 'I-1'", [], |r| {
            r.get(0)
        })
        .expect("n");
    assert_eq!(n, 0);
    let n: i64 = conn
        .query_row(
            "SELECT count(*) FROM melding WHERE inwoner = 'I-1'",
            [],
            |r| r.get(0),
        )
        .expect("n");
    assert_eq!(n, 0);
    for tabel in [
        "klantreis_stap",
        "klantreis_correctie",
        "afweging_trede",
        "melding_leefgebied",
    ] {
        let n: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {tabel}"), [], |r| r.get(0))
            .expect("n");
        assert_eq!(n, 0, "{tabel} is emptied with the dossier");
    }
    let log = audit::lees(&conn, &audit::AuditFilter::default(), 10).expect("log");
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].actie, "vernietigen");
    let alles = format!("{:?}", log[0]);
    assert!(!alles.contains("Persoon"), "no name in the log: {alles}");
    assert!(matches!(
        audit::verifieer(&conn).expect("v"),
        audit::Verificatie::Intact { regels: 1 }
    ));
}

#[test]
fn niet_vervallen_dossier_wordt_geweigerd() {
    let mut conn = register();
    for (id, verwacht) in [("I-2", "niet afgesloten"), ("I-4", "pas op 30-06-2030")] {
        let fout = bewaartermijn::vernietig(
            &mut conn,
            id,
            d(2026, 11, 26),
            "MW-BEHEER",
            "2026-11-26T10:00:00Z",
        )
        .expect_err("weigert");
        assert!(matches!(fout, StoreFout::NietVervallen(_)));
        assert!(fout.to_string().contains(verwacht), "{fout}");
    }
    let n: i64 = conn
        .query_row("SELECT count(*) FROM inwoner", [], |r| r.get(0))
        .expect("n");
    assert_eq!(n, 4);
    // The household of I-4 keeps its AVE history while I-3 lives there too.
    let v = bewaartermijn::vernietig(
        &mut conn,
        "I-3",
        d(2026, 11, 26),
        "MW-BEHEER",
        "2026-11-26T10:00:00Z",
    )
    .expect("I-3 is due");
    assert_eq!(v.toekenningen, 1);
}

#[test]
fn alle_vervallen_dossiers_in_een_keer_elk_gelogd() {
    let mut conn = register();
    let (ids, v) = bewaartermijn::vernietig_alle(
        &mut conn,
        d(2026, 11, 26),
        "MW-BEHEER",
        "2026-11-26T10:00:00Z",
    )
    .expect("vernietig alle");
    assert_eq!(ids, ["I-1", "I-3"]);
    assert_eq!((v.meldingen, v.toekenningen, v.ave), (1, 1, 1));
    let over: Vec<String> = conn
        .prepare("SELECT id FROM inwoner ORDER BY id")
        .expect("stmt")
        .query_map([], |r| r.get(0))
        .expect("q")
        .collect::<Result<_, _>>()
        .expect("ids");
    assert_eq!(over, ["I-2", "I-4"], "what is not due stays");
    assert!(
        bewaartermijn::te_vernietigen(&conn, d(2026, 11, 26))
            .expect("lijst")
            .is_empty()
    );
    let log = audit::lees(&conn, &audit::AuditFilter::default(), 10).expect("log");
    let objecten: Vec<_> = log.iter().map(|r| r.object.as_deref()).collect();
    assert_eq!(objecten, [Some("inwoner:I-3"), Some("inwoner:I-1")]);
    assert!(
        log.iter()
            .all(|r| r.actie == "vernietigen" && r.actor == "MW-BEHEER")
    );
    // Nothing due: nothing happens, nothing is logged.
    let (ids, _) = bewaartermijn::vernietig_alle(
        &mut conn,
        d(2026, 11, 26),
        "MW-BEHEER",
        "2026-11-26T10:01:00Z",
    )
    .expect("leeg");
    assert!(ids.is_empty());
    assert_eq!(
        audit::tel(&conn, &audit::AuditFilter::default()).expect("tel"),
        2
    );
}
