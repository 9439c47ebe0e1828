//! Every computed indicator on the boundaries of its rule (indicators.md).

#![allow(clippy::expect_used, reason = "tests may panic")]

use crate::steun::rapport::*;
use serde_json::json;
use wijkregister::domain::{BesluitUitkomst, Record, Verwijzer, Vordering, VorderingSoort};

#[test]
fn lopend_verstrekt_wachtend_en_eigen_gemeente() {
    let mut c = register();
    let mut afgewezen = tk("T4", "I4", "V-BW", None, None);
    afgewezen.uitkomst = BesluitUitkomst::Afgewezen;
    afgewezen.besluit = d("2024-03-01");
    let mut wacht = tk("T5", "I5", "V-BW", None, None);
    wacht.besluit = d("2024-05-01");
    voeg(
        &mut c,
        vec![
            maatwerk("V-BW", "wmo", Some("15"), &[]),
            inwoner("I1", "1980-01-01", "ALMELO"),
            inwoner("I2", "1980-01-01", "Hengelo"),
            inwoner("I3", "1980-01-01", "Almelo"),
            inwoner("I4", "1980-01-01", "Almelo"),
            inwoner("I5", "1980-01-01", "Almelo"),
            // Ends on 1 January: counts.
            Record::Toekenning(tk(
                "T1",
                "I1",
                "V-BW",
                Some("2023-01-01"),
                Some("2024-01-01"),
            )),
            // Starts on 31 December: counts.
            Record::Toekenning(tk("T2", "I2", "V-BW", Some("2024-12-31"), None)),
            // Ended on 31 December of the year before: does not count.
            Record::Toekenning(tk(
                "T3",
                "I3",
                "V-BW",
                Some("2023-01-01"),
                Some("2023-12-31"),
            )),
            Record::Toekenning(afgewezen),
            Record::Toekenning(wacht),
        ],
    );
    assert_eq!(waarde(&c, 2024, "3.8.1"), json!(2));
    assert_eq!(
        waarde(&c, 2024, "3.8.2"),
        json!(1),
        "woonplaats ALMELO telt, Hengelo niet"
    );
    assert_eq!(
        waarde(&c, 2024, "3.4C.2"),
        json!(1),
        "alleen de toekenning zonder start wacht"
    );
    assert_eq!(
        waarde(&c, 2024, "tw-toegekend"),
        json!(2),
        "T2 en T5 verstrekt in 2024, de afgewezen niet"
    );
    assert_eq!(waarde(&c, 2024, "tw-wmo"), json!(2));
    assert_eq!(waarde(&c, 2023, "3.8.1"), json!(2), "T1 en T3 in 2023");
    assert_eq!(
        waarde(&c, 2023, "3.4C.2"),
        json!(0),
        "T5 is pas in 2024 besloten"
    );
    assert_eq!(waarde(&c, 2025, "3.4C.2"), json!(1));
    let cat = entry(&rapport(&c, 2024), "tw-wmo-categorie");
    assert_eq!(
        cat["uitsplitsing"],
        json!([{"categorie": "15", "waarde": 2}])
    );
}

#[test]
fn leeftijd_op_nieuwjaar_of_start() {
    let mut c = register();
    voeg(
        &mut c,
        vec![
            maatwerk("V-J", "jeugdwet", Some("45"), &[]),
            maatwerk("V-PW", "participatiewet", None, &["pw-uitkering"]),
            inwoner("A", "2020-01-01", "Almelo"),
            inwoner("B", "2020-01-02", "Almelo"),
            inwoner("C", "2020-06-01", "Almelo"),
            inwoner("D", "2020-06-02", "Almelo"),
            inwoner("P27", "1997-01-01", "Almelo"),
            inwoner("P26", "1997-01-02", "Almelo"),
            inwoner("J18", "2006-01-01", "Almelo"),
            inwoner("J17", "2006-01-02", "Almelo"),
            Record::Toekenning(tk("TA", "A", "V-J", Some("2023-05-01"), None)),
            Record::Toekenning(tk("TB", "B", "V-J", Some("2023-05-01"), None)),
            Record::Toekenning(tk("TC", "C", "V-J", Some("2024-06-01"), None)),
            Record::Toekenning(tk("TD", "D", "V-J", Some("2024-06-01"), None)),
            Record::Toekenning(tk("TP27", "P27", "V-PW", Some("2023-01-01"), None)),
            Record::Toekenning(tk("TP26", "P26", "V-PW", Some("2023-01-01"), None)),
            Record::Toekenning(tk("TJ18", "J18", "V-J", Some("2023-01-01"), None)),
            Record::Toekenning(tk("TJ17", "J17", "V-J", Some("2023-01-01"), None)),
            band(2024, 0, 17, 16),
            band(2024, 18, 120, 20_000),
        ],
    );
    // 4 on 1 January (A) or on the start (C) does not count; B and D are 3.
    assert_eq!(waarde(&c, 2024, "1.7A.2"), json!(2));
    assert_eq!(
        waarde(&c, 2024, "1.14.5"),
        json!(1),
        "27 op 1 januari telt niet"
    );
    // Jeugdhulp under 18: A, B, C, D and J17 (J18 turns 18 on 1 January) → 100 × 5 / 16 = 31.25 → 31.3.
    assert_eq!(waarde(&c, 2024, "bbv-jeugdhulp"), json!(31.3));
    // 18+ with a Pw benefit: both → 10 000 × 2 / 20 000 = 1.
    assert_eq!(waarde(&c, 2024, "bbv-bijstand"), json!(1));
}

#[test]
fn afronding_half_van_nul_af_en_bevolking() {
    let mut c = register();
    voeg(
        &mut c,
        vec![
            maatwerk("V-J", "jeugdwet", Some("45"), &[]),
            maatwerk("V-W", "wmo", Some("02"), &[]),
            inwoner("K", "2015-03-03", "Almelo"),
            Record::Toekenning(tk("TK", "K", "V-J", Some("2023-01-01"), None)),
            Record::Toekenning(tk("TW", "K", "V-W", Some("2023-01-01"), None)),
            // 2024: 0–17 is 16, total 20 000.
            band(2024, 0, 17, 16),
            band(2024, 18, 120, 19_984),
            // 2023: a band straddles 17/18.
            band(2023, 0, 14, 10),
            band(2023, 15, 19, 10),
            band(2023, 20, 120, 100),
        ],
    );
    // 100 × 1 / 16 = 6.25 → 6.3; 10 000 × 1 / 20 000 = 0.5 → 1.
    assert_eq!(waarde(&c, 2024, "bbv-jeugdhulp"), json!(6.3));
    assert_eq!(waarde(&c, 2024, "bbv-wmo"), json!(1));
    let r2023 = rapport(&c, 2023);
    let jh = entry(&r2023, "bbv-jeugdhulp");
    assert_eq!(jh["waarde"], json!(null));
    assert!(
        jh["reden"].as_str().expect("reden").contains("15–19"),
        "{jh}"
    );
    // The total population is exact even with the straddling band: 10 000 × 1 / 120 = 83.3 → 83.
    assert_eq!(entry(&r2023, "bbv-wmo")["waarde"], json!(83));
    let r2025 = rapport(&c, 2025);
    assert_eq!(entry(&r2025, "bbv-wmo")["waarde"], json!(null));
    assert_eq!(
        entry(&r2025, "bbv-wmo")["reden"],
        json!("geen bevolking voor 2025")
    );
    assert_eq!(
        entry(&r2025, "bbv-jeugdreclassering")["reden"],
        json!("geen bevolking voor 2025")
    );
}

#[test]
fn jeugdwet_naar_beschermd_wonen_binnen_365_dagen() {
    let mut c = register();
    let mut recs = vec![
        maatwerk("V-BW", "wmo", Some("15"), &[]),
        maatwerk("V-J", "jeugdwet", Some("45"), &[]),
    ];
    // BW starts 2024-06-01; 365 days earlier is 2023-06-02 (2024 is a leap year).
    for (p, geboren, j_start, j_eind) in [
        ("P1", "2000-01-01", "2020-01-01", Some("2023-06-02")), // exactly 365 days: counts
        ("P2", "2000-01-01", "2020-01-01", Some("2023-06-01")), // 366 days: not
        ("P3", "2000-01-01", "2024-06-01", None), // Jeugdwet starts on the BW day: not
        ("P4", "2006-06-02", "2020-01-01", None), // 17 on the BW start: not
        ("P5", "2006-06-01", "2020-01-01", None), // 18 on the BW start: counts
    ] {
        recs.push(inwoner(p, geboren, "Almelo"));
        recs.push(Record::Toekenning(tk(
            &format!("J-{p}"),
            p,
            "V-J",
            Some(j_start),
            j_eind,
        )));
        recs.push(Record::Toekenning(tk(
            &format!("B-{p}"),
            p,
            "V-BW",
            Some("2024-06-01"),
            None,
        )));
    }
    voeg(&mut c, recs);
    assert_eq!(waarde(&c, 2024, "3.4C.1"), json!(2));
    assert_eq!(waarde(&c, 2023, "3.4C.1"), json!(0));
}

#[test]
fn participatiewet_korter_dan_drie_jaar() {
    let mut c = register();
    voeg(
        &mut c,
        vec![
            maatwerk("V-PW", "participatiewet", None, &["pw-uitkering"]),
            inwoner("Q1", "1980-01-01", "Almelo"),
            inwoner("Q2", "1980-01-01", "Almelo"),
            inwoner("Q3", "1980-01-01", "Almelo"),
            Record::Toekenning(tk("T1", "Q1", "V-PW", Some("2021-12-31"), None)),
            Record::Toekenning(tk("T2", "Q2", "V-PW", Some("2022-01-01"), None)),
            Record::Toekenning(tk(
                "T3a",
                "Q3",
                "V-PW",
                Some("2020-01-01"),
                Some("2024-02-01"),
            )),
            Record::Toekenning(tk("T3b", "Q3", "V-PW", Some("2023-01-01"), None)),
        ],
    );
    assert_eq!(waarde(&c, 2024, "3.2.1"), json!(3));
    assert_eq!(
        waarde(&c, 2024, "3.2.2"),
        json!(1),
        "alleen Q2 begon na 2021-12-31"
    );
}

#[test]
fn vorderingen_in_euro() {
    let mut c = register();
    let v = |id: &str, datum: &str, cent: i64| {
        Record::Vordering(Vordering {
            id: id.into(),
            datum: d(datum),
            bedrag_cent: cent,
            soort: VorderingSoort::Misbruik,
            inwoner: None,
            aanbieder: Some("A1".into()),
        })
    };
    voeg(
        &mut c,
        vec![
            aanbieder("A1"),
            v("V1", "2024-01-01", 1_000_050),
            v("V2", "2024-12-31", 50_000),
            v("V3", "2023-12-31", 99),
        ],
    );
    assert_eq!(waarde(&c, 2024, "3.9.1"), json!(2));
    assert_eq!(waarde(&c, 2024, "3.9.2"), json!(10_500.5));
    assert_eq!(waarde(&c, 2023, "3.9.2"), json!(0.99));
    assert_eq!(waarde(&c, 2022, "3.9.2"), json!(0.0));
}

#[test]
fn uitsplitsingen_tellen_een_inwoner_in_elke_rij() {
    let mut c = register();
    let met = |mut t: wijkregister::domain::Toekenning, a: Option<&str>, contract: Option<&str>| {
        t.aanbieder = a.map(Into::into);
        t.contract = contract.map(Into::into);
        Record::Toekenning(t)
    };
    let mut huisarts = tk("T9", "R2", "V-J", Some("2024-02-01"), None);
    huisarts.verwijzer = Verwijzer::Huisarts;
    huisarts.doorbraak = true;
    voeg(
        &mut c,
        vec![
            maatwerk("V-HH", "wmo", Some("01"), &[]),
            maatwerk("V-J", "jeugdwet", Some("45"), &[]),
            maatwerk("V-BW", "wmo", Some("15"), &[]),
            maatwerk("V-MO", "wmo", Some("16"), &[]),
            aanbieder("A-01"),
            aanbieder("A-02"),
            contract("C-1", "A-01", "wmo", "maatwerkcontract", "2020-01-01", None),
            contract(
                "C-2",
                "A-01",
                "jeugdwet",
                "raamcontract",
                "2020-01-01",
                Some("2024-01-01"),
            ),
            contract(
                "C-3",
                "A-02",
                "jeugdwet",
                "maatwerkcontract",
                "2024-12-31",
                None,
            ),
            contract(
                "C-4",
                "A-02",
                "jeugdwet",
                "maatwerkcontract",
                "2020-01-01",
                Some("2023-12-31"),
            ),
            inwoner("R1", "1980-01-01", "Almelo"),
            inwoner("R2", "2010-01-01", "Almelo"),
            inwoner("R3", "1980-01-01", "Almelo"),
            met(
                tk("T1", "R1", "V-HH", Some("2023-01-01"), None),
                Some("A-01"),
                Some("C-1"),
            ),
            met(tk("T2", "R1", "V-HH", Some("2023-01-01"), None), None, None),
            met(
                tk("T3", "R3", "V-HH", Some("2023-01-01"), None),
                Some("A-01"),
                None,
            ),
            Record::Toekenning(huisarts),
            met(
                tk("T4", "R1", "V-BW", Some("2023-01-01"), None),
                Some("A-01"),
                None,
            ),
            met(
                tk("T5", "R1", "V-MO", Some("2023-01-01"), None),
                Some("A-02"),
                None,
            ),
            met(
                tk("T6", "R3", "V-BW", Some("2023-01-01"), None),
                Some("A-01"),
                None,
            ),
            met(tk("T7", "R3", "V-BW", Some("2023-01-01"), None), None, None),
        ],
    );
    let r = rapport(&c, 2024);
    assert_eq!(
        entry(&r, "3.3.1")["uitsplitsing"],
        json!([
            {"voorziening": "V-BW", "aanbieder": "A-01", "waarde": 2},
            {"voorziening": "V-BW", "aanbieder": null, "waarde": 1},
            {"voorziening": "V-HH", "aanbieder": "A-01", "waarde": 2},
            {"voorziening": "V-HH", "aanbieder": null, "waarde": 1},
            {"voorziening": "V-MO", "aanbieder": "A-02", "waarde": 1}
        ])
    );
    assert_eq!(
        entry(&r, "3.3.2")["uitsplitsing"],
        json!([{"aanbieder": "A-01", "waarde": 1}])
    );
    assert_eq!(
        entry(&r, "3.3")["uitsplitsing"],
        json!([{"verwijzer": "huisarts", "waarde": 1}])
    );
    assert_eq!(
        entry(&r, "3.1")["uitsplitsing"],
        json!([{"voorziening": "V-J", "aanbieder": null, "waarde": 1}])
    );
    assert_eq!(
        entry(&r, "3.1.1")["uitsplitsing"],
        json!([{"wet": "jeugdwet", "waarde": 1}, {"wet": "wmo", "waarde": 7}])
    );
    assert_eq!(
        entry(&r, "4.2.1")["uitsplitsing"],
        json!([{"verwijzer": "huisarts", "voorziening": "V-J", "waarde": 1}])
    );
    assert_eq!(entry(&r, "3.4A.1")["waarde"], json!(1));
    assert_eq!(entry(&r, "3.4B.1")["waarde"], json!(0));
    // R1; R3: A-01 (T7 names none) → 3 / 2 = 1.5.
    assert_eq!(entry(&r, "3.4.1")["waarde"], json!(1.5));
    assert_eq!(
        entry(&r, "3.10.1-jw")["waarde"],
        json!(2),
        "C-2 eindigt op 1 januari, C-3 begint op 31 december"
    );
    assert_eq!(entry(&r, "3.10.1-wmo")["waarde"], json!(1));
    assert_eq!(
        entry(&r, "3.10.2")["waarde"],
        json!(1),
        "C-4 eindigde in 2023"
    );
    assert!(entry(&rapport(&c, 2022), "3.4.1")["reden"].is_string());
}

#[test]
fn schuldhulp_recidive_en_kenmerken() {
    let mut c = register();
    voeg(
        &mut c,
        vec![
            maatwerk("V-S", "schuldhulp", None, &["stadsbank"]),
            maatwerk("V-SP", "schuldhulp", None, &["schuldspecialist"]),
            maatwerk("V-O", "wmo", Some("16"), &["opvang-24uur"]),
            inwoner("S1", "1980-01-01", "Almelo"),
            inwoner("S2", "1980-01-01", "Almelo"),
            Record::Toekenning(tk(
                "A1",
                "S1",
                "V-S",
                Some("2021-01-01"),
                Some("2022-05-01"),
            )),
            Record::Toekenning(tk("A2", "S1", "V-S", Some("2024-03-01"), None)),
            Record::Toekenning(tk(
                "B1",
                "S2",
                "V-SP",
                Some("2021-01-01"),
                Some("2024-03-01"),
            )),
            Record::Toekenning(tk("B2", "S2", "V-SP", Some("2024-03-01"), None)),
            Record::Toekenning(tk("O1", "S2", "V-O", Some("2024-03-01"), None)),
        ],
    );
    assert_eq!(
        waarde(&c, 2024, "1.14.4"),
        json!(1),
        "eind op de startdag is niet 'ervoor'"
    );
    assert_eq!(waarde(&c, 2024, "1.14.2"), json!(1));
    assert_eq!(waarde(&c, 2024, "1.14.3"), json!(1));
    assert_eq!(waarde(&c, 2024, "3.8.3"), json!(1));
}

#[test]
fn meldingen_verwijzingen_en_woonvoorzieningen() {
    use wijkregister::domain::{Bron, Melding, Verwijzing, VerwijzingStatus};
    let mut c = register();
    let melding = |id: &str, inw: &str, datum: &str, vz: Option<&str>| {
        Record::Melding(Melding {
            id: id.into(),
            inwoner: inw.into(),
            datum: d(datum),
            bron: Bron::Zelfmelder,
            wet: None,
            gevraagde_voorziening: vz.map(Into::into),
            medewerker: None,
            gesprek: None,
            onderzoek_klaar: None,
            afgesloten: None,
            uitkomst: None,
        })
    };
    let verwijzing = |id: &str, m: &str, vz: &str, datum: &str, af: Option<(&str, bool)>| {
        Record::Verwijzing(Verwijzing {
            id: id.into(),
            melding: m.into(),
            voorziening: vz.into(),
            datum: d(datum),
            status: if af.is_some() {
                VerwijzingStatus::Afgerond
            } else {
                VerwijzingStatus::Verwezen
            },
            afgerond_op: af.map(|(x, _)| d(x)),
            opgelost: af.map(|(_, o)| o),
        })
    };
    let mut woon_afgewezen = tk("W3", "M1", "V-WV", None, None);
    woon_afgewezen.uitkomst = BesluitUitkomst::Afgewezen;
    woon_afgewezen.besluit = d("2024-06-01");
    voeg(
        &mut c,
        vec![
            maatwerk("V-WV", "wmo", Some("13"), &[]),
            algemeen("V-AV"),
            inwoner("M1", "1980-01-01", "Almelo"),
            inwoner("M2", "1980-01-01", "Almelo"),
            melding("ME1", "M1", "2024-01-01", Some("V-WV")),
            melding("ME2", "M1", "2024-12-31", Some("V-WV")),
            melding("ME3", "M2", "2024-05-05", None),
            melding("ME4", "M2", "2023-12-31", Some("V-WV")),
            verwijzing(
                "VW1",
                "ME3",
                "V-AV",
                "2024-05-06",
                Some(("2024-12-31", true)),
            ),
            verwijzing(
                "VW2",
                "ME4",
                "V-AV",
                "2023-12-31",
                Some(("2024-01-02", false)),
            ),
            verwijzing("VW3", "ME1", "V-AV", "2024-02-01", None),
            Record::Toekenning(tk(
                "W1",
                "M1",
                "V-WV",
                Some("2024-01-01"),
                Some("2024-02-01"),
            )),
            Record::Toekenning(tk("W2", "M2", "V-WV", Some("2023-12-31"), None)),
            Record::Toekenning(woon_afgewezen),
        ],
    );
    let r = rapport(&c, 2024);
    assert_eq!(
        entry(&r, "4.1.1")["uitsplitsing"],
        json!([{"voorziening": "V-WV", "waarde": 1}, {"voorziening": null, "waarde": 1}])
    );
    assert_eq!(
        entry(&r, "4.1.2")["waarde"],
        json!(2),
        "VW1 (M2) en VW3 (M1); VW2 is van 2023"
    );
    assert_eq!(
        entry(&r, "2.3.1")["waarde"],
        json!(1),
        "VW2 is afgerond maar niet opgelost"
    );
    assert_eq!(
        entry(&r, "1.2.1")["waarde"],
        json!(1),
        "W1; W2 besloten in 2023, W3 afgewezen"
    );
}
