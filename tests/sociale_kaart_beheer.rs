//! Sociale kaart beheer: validation of provisions and contracts, and a
//! provision in use is ended, never deleted.

#![allow(clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

mod klantreis_basis;

use klantreis_basis::{BEHEERDER, INTAKER, d, h, melding, register, tel};
use wijkregister::domain::klantreis::Leefgebied;
use wijkregister::domain::{
    Aanbieder, Contract, ContractSoort, Voorziening, VoorzieningSoort, Wet,
};
use wijkregister::store::StoreFout;
use wijkregister::store::klantreis as kr;
use wijkregister::store::sociale_kaart_beheer::{
    VoorzieningInvoer, aanbieder_toevoegen, aanbieder_wijzigen, contract_beeindigen,
    contract_toevoegen, contract_wijzigen, voorziening_beeindigen, voorziening_in_gebruik,
    voorziening_toevoegen, voorziening_verwijderen, voorziening_wijzigen,
};

fn velden(fout: StoreFout) -> Vec<(String, String)> {
    match fout {
        StoreFout::Validatie(v) => v
            .into_iter()
            .map(|f| (f.veld.to_owned(), f.fout.to_string()))
            .collect(),
        ander => panic!("verwacht een validatiefout, kreeg {ander}"),
    }
}

fn invoer(
    id: &str,
    soort: VoorzieningSoort,
    wet: Option<Wet>,
    categorie: Option<&str>,
) -> VoorzieningInvoer {
    VoorzieningInvoer {
        voorziening: Voorziening {
            id: id.into(),
            naam: format!("Voorziening {id}"),
            soort,
            wet,
            categorie: categorie.map(Into::into),
            kenmerken: vec!["dagstructurering".into()],
        },
        leefgebieden: vec![Leefgebied::WerkDagbesteding],
        aanbieders: vec!["A-ZORG".into()],
    }
}

#[test]
fn maatwerk_onder_wmo_of_jeugdwet_vraagt_categorie() {
    let conn = register();
    let v = velden(
        voorziening_toevoegen(
            &conn,
            h(BEHEERDER),
            &invoer("V-X", VoorzieningSoort::Maatwerk, Some(Wet::Wmo), None),
        )
        .expect_err("categorie"),
    );
    assert_eq!(v[0].0, "categorie");
    assert!(v[0].1.contains("productcategorie"), "{v:?}");
    let v = velden(
        voorziening_toevoegen(
            &conn,
            h(BEHEERDER),
            &invoer(
                "V-X",
                VoorzieningSoort::Maatwerk,
                Some(Wet::Jeugdwet),
                Some("07"),
            ),
        )
        .expect_err("wmo-code"),
    );
    assert!(
        v[0].1.contains("geen productcategorie van de Jeugdwet"),
        "{v:?}"
    );
    let mut onbekend = invoer("V-X", VoorzieningSoort::Algemeen, None, None);
    onbekend.aanbieders = vec!["A-GEEN".into()];
    assert_eq!(
        velden(voorziening_toevoegen(&conn, h(BEHEERDER), &onbekend).expect_err("aanbieder"))[0].0,
        "aanbieders"
    );
    assert_eq!(tel(&conn, "voorziening", "id = 'V-X'"), 0);
    // Participatiewet maatwerk needs no category.
    voorziening_toevoegen(
        &conn,
        h(BEHEERDER),
        &invoer(
            "V-X",
            VoorzieningSoort::Maatwerk,
            Some(Wet::Participatiewet),
            None,
        ),
    )
    .expect("pw");
    assert_eq!(
        tel(
            &conn,
            "voorziening_leefgebied",
            "voorziening = 'V-X' AND leefgebied = 'werk-dagbesteding'"
        ),
        1
    );
    assert_eq!(
        tel(
            &conn,
            "voorziening_aanbieder",
            "voorziening = 'V-X' AND aanbieder = 'A-ZORG'"
        ),
        1
    );
    assert_eq!(tel(&conn, "voorziening_kenmerk", "voorziening = 'V-X'"), 1);
    assert_eq!(
        tel(
            &conn,
            "audit",
            "actie = 'voorziening-toevoegen' AND object = 'voorziening:V-X' AND actor = 'MW-BEHEER'"
        ),
        1
    );
}

#[test]
fn voorziening_in_gebruik_wordt_beeindigd_niet_verwijderd() {
    let conn = register();
    let mut m = melding("I-HANSEN", d(2026, 4, 7), Some(Wet::Wmo));
    m.gevraagde_voorziening = Some("V-DAGBESTEDING".into());
    kr::melding_toevoegen(&conn, h(INTAKER), &m).expect("melding");
    assert!(voorziening_in_gebruik(&conn, "V-DAGBESTEDING").expect("gebruik"));
    let v = velden(
        voorziening_verwijderen(&conn, h(BEHEERDER), "V-DAGBESTEDING").expect_err("in gebruik"),
    );
    assert!(v[0].1.contains("in gebruik"), "{v:?}");
    assert_eq!(tel(&conn, "voorziening", "id = 'V-DAGBESTEDING'"), 1);
    // Its kind cannot change either.
    let wijziging = invoer("V-DAGBESTEDING", VoorzieningSoort::Algemeen, None, None);
    assert_eq!(
        velden(voorziening_wijzigen(&conn, h(BEHEERDER), &wijziging).expect_err("soort"))[0].0,
        "soort"
    );
    // A new name is fine.
    let mut hernoemd = invoer(
        "V-DAGBESTEDING",
        VoorzieningSoort::Maatwerk,
        Some(Wet::Wmo),
        Some("07"),
    );
    hernoemd.voorziening.naam = "Dagbesteding (groep)".into();
    voorziening_wijzigen(&conn, h(BEHEERDER), &hernoemd).expect("hernoemd");
    voorziening_beeindigen(&conn, h(BEHEERDER), "V-DAGBESTEDING", d(2026, 6, 30))
        .expect("beeindigd");
    assert_eq!(
        tel(
            &conn,
            "voorziening",
            "id = 'V-DAGBESTEDING' AND beeindigd_op = '2026-06-30'"
        ),
        1
    );
    // Ended: gone from matched care after its last day, still there on it.
    let ids = |dag| -> Vec<String> {
        kr::passende_voorzieningen(&conn, Some(Wet::Wmo), &[Leefgebied::WerkDagbesteding], dag)
            .expect("lijst")
            .into_iter()
            .map(|v| v.id)
            .collect()
    };
    assert!(ids(d(2026, 6, 30)).contains(&"V-DAGBESTEDING".to_owned()));
    assert!(!ids(d(2026, 7, 1)).contains(&"V-DAGBESTEDING".to_owned()));
    // An unused provision may be deleted, with its links.
    assert!(!voorziening_in_gebruik(&conn, "V-WLZ").expect("gebruik"));
    voorziening_verwijderen(&conn, h(BEHEERDER), "V-WLZ").expect("verwijderd");
    assert_eq!(tel(&conn, "voorziening", "id = 'V-WLZ'"), 0);
    assert_eq!(
        tel(&conn, "voorziening_leefgebied", "voorziening = 'V-WLZ'"),
        0
    );
}

#[test]
fn contract_eind_niet_voor_begin() {
    let conn = register();
    let mut c = Contract {
        id: "C-NIEUW".into(),
        aanbieder: "A-NIEUW".into(),
        wet: Wet::Wmo,
        soort: ContractSoort::Maatwerkcontract,
        van: d(2026, 5, 1),
        tot: Some(d(2026, 4, 30)),
    };
    let v = velden(contract_toevoegen(&conn, h(BEHEERDER), &c).expect_err("omgekeerd"));
    assert_eq!(v[0].0, "tot");
    c.tot = None;
    contract_toevoegen(&conn, h(BEHEERDER), &c).expect("contract");
    let v = velden(
        contract_beeindigen(&conn, h(BEHEERDER), "C-NIEUW", d(2026, 4, 1)).expect_err("voor begin"),
    );
    assert_eq!(v[0].0, "tot");
    contract_beeindigen(&conn, h(BEHEERDER), "C-NIEUW", d(2026, 12, 31)).expect("beeindigd");
    assert_eq!(
        tel(&conn, "contract", "id = 'C-NIEUW' AND tot = '2026-12-31'"),
        1
    );
    c.tot = Some(d(2027, 12, 31));
    c.soort = ContractSoort::Raamcontract;
    contract_wijzigen(&conn, h(BEHEERDER), &c).expect("gewijzigd");
    assert_eq!(
        tel(
            &conn,
            "contract",
            "id = 'C-NIEUW' AND soort = 'raamcontract' AND tot = '2027-12-31'"
        ),
        1
    );
    // Now A-NIEUW has an active Wmo contract for matched care.
    let lijst = kr::passende_voorzieningen(
        &conn,
        Some(Wet::Wmo),
        &[Leefgebied::Zelfzorg],
        d(2026, 6, 1),
    )
    .expect("l");
    let begeleiding = lijst
        .iter()
        .find(|v| v.id == "V-BEGELEIDING")
        .expect("begeleiding");
    let nieuw = begeleiding
        .aanbieders
        .iter()
        .find(|a| a.aanbieder == "A-NIEUW")
        .expect("nieuw");
    assert_eq!(nieuw.actief_contract.as_deref(), Some("C-NIEUW"));
}

#[test]
fn aanbieder_toevoegen_en_wijzigen() {
    let conn = register();
    let mut a = Aanbieder {
        id: "A-KLUP".into(),
        naam: "De Klup".into(),
        kvk: Some("1234".into()),
    };
    assert_eq!(
        velden(aanbieder_toevoegen(&conn, h(BEHEERDER), &a).expect_err("kvk"))[0].0,
        "kvk"
    );
    a.kvk = Some("12345678".into());
    aanbieder_toevoegen(&conn, h(BEHEERDER), &a).expect("toegevoegd");
    a.naam = "Stichting De Klup".into();
    aanbieder_wijzigen(&conn, h(BEHEERDER), &a).expect("gewijzigd");
    assert_eq!(
        tel(
            &conn,
            "aanbieder",
            "id = 'A-KLUP' AND naam = 'Stichting De Klup'"
        ),
        1
    );
    assert_eq!(tel(&conn, "audit", "object = 'aanbieder:A-KLUP'"), 2);
}
