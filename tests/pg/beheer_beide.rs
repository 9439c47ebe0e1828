//! The Beheer side on both engines (issue #17): reading the audit log
//! (pages, counts, filters, actions, the export's walk), the names the
//! Beheer screen shows for the log's objects, keeping the sociale kaart
//! (each change with its audit row) and the Rapportage's external values
//! and targets. Each test runs once on SQLite and once on a fresh
//! PostgreSQL database (see [`crate::beide`]); the expected outcomes are
//! computed from what the test wrote, never typed in per engine.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "tests panic on a broken fixture or an unreachable test server"
)]

use std::collections::BTreeSet;

use chrono::NaiveDate;
use wijkregister::domain::klantreis::{KlantreisFout, Leefgebied};
use wijkregister::domain::{
    Aanbieder, Contract, ContractSoort, DomeinFout, Voorziening, VoorzieningSoort, WaardeSoort, Wet,
};
use wijkregister::store::audit::{self, AuditFilter, AuditRij, Logregel, Resultaat, Verificatie};
use wijkregister::store::db::Db;
use wijkregister::store::indicatorwaarden::{self, IndicatorwaardeFout};
use wijkregister::store::klantreis::Handeling;
use wijkregister::store::sociale_kaart_beheer::{self as beheer, VoorzieningInvoer};
use wijkregister::store::sociale_kaart_invoer::{self as invoer, KaartTabel};
use wijkregister::store::{StoreFout, objectnamen};

use crate::op_beide;

fn datum(j: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(j, m, d).unwrap()
}

const DOOR: Handeling<'static> = Handeling {
    medewerker: "MW-BEHEER",
    tijdstip: "2026-12-06T10:00:00Z",
};

/// The audit log's actions in order.
fn acties_in_log(db: Db<'_>) -> Vec<String> {
    db.query_map("SELECT actie FROM audit ORDER BY volgnummer", &[], |r| {
        r.get(0)
    })
    .unwrap()
}

/// One row the audit test writes: (tijdstip, actor, actie, object).
type Spec = (String, &'static str, &'static str, Option<String>);

/// Twenty rows over three actors, four actions and a few objects, one
/// minute apart.
fn specs() -> Vec<Spec> {
    let actors = ["MW-1", "MW-2", "MW-1", "MW-3", "MW-1"];
    let acties = [
        "openen-dossier",
        "inloggen",
        "wijzigen",
        "openen-dossier",
        "aanbieder-toevoegen",
        "inloggen",
        "export",
    ];
    (0..20)
        .map(|i| {
            let object = (i % 3 != 0).then(|| format!("inwoner:I-{:06}", i % 4));
            (
                format!("2026-12-06T09:{i:02}:00Z"),
                actors[i % actors.len()],
                acties[i % acties.len()],
                object,
            )
        })
        .collect()
}

/// What the store should give for `filter`, from the rows as written
/// (numbered from 1), oldest first.
fn verwacht(specs: &[Spec], filter: &AuditFilter) -> Vec<i64> {
    specs
        .iter()
        .enumerate()
        .filter(|(_, (t, actor, actie, object))| {
            filter.actor.as_deref().is_none_or(|a| a == *actor)
                && filter.actie.as_deref().is_none_or(|a| a == *actie)
                && filter
                    .object
                    .as_deref()
                    .is_none_or(|o| object.as_deref() == Some(o))
                && filter.van.as_deref().is_none_or(|v| t.as_str() >= v)
                && filter.tot.as_deref().is_none_or(|v| t.as_str() < v)
        })
        .map(|(i, _)| i as i64 + 1)
        .collect()
}

fn nummers(rijen: &[AuditRij]) -> Vec<i64> {
    rijen.iter().map(|r| r.volgnummer).collect()
}

op_beide!(auditlog_lezen, |reg| {
    let db = reg.db();
    let specs = specs();
    for (tijdstip, actor, actie, object) in &specs {
        audit::log(
            db,
            &Logregel {
                tijdstip,
                actor,
                actie,
                object: object.as_deref(),
                doel: None,
                resultaat: Resultaat::Gelukt,
                details: Some("proef"),
            },
        )
        .unwrap();
    }
    let filters = [
        AuditFilter::default(),
        AuditFilter {
            actor: Some("MW-1".into()),
            ..AuditFilter::default()
        },
        // Two conditions: on SQLite one carries the unary plus, on
        // PostgreSQL neither; the rows are the same.
        AuditFilter {
            actor: Some("MW-1".into()),
            actie: Some("openen-dossier".into()),
            ..AuditFilter::default()
        },
        AuditFilter {
            object: Some("inwoner:I-000001".into()),
            van: Some("2026-12-06T09:05:00Z".into()),
            tot: Some("2026-12-06T09:17:00Z".into()),
            ..AuditFilter::default()
        },
        AuditFilter {
            actor: Some("MW-9".into()),
            ..AuditFilter::default()
        },
    ];
    for filter in &filters {
        let oud_naar_nieuw = verwacht(&specs, filter);
        let nieuw_naar_oud: Vec<i64> = oud_naar_nieuw.iter().rev().copied().collect();
        let totaal = oud_naar_nieuw.len() as u64;
        assert_eq!(audit::tel(db, filter).unwrap(), totaal, "{filter:?}");
        // Every page, from the newest end and (past half) from the oldest.
        for overslaan in 0..=totaal {
            let pagina = audit::pagina(db, filter, overslaan, 3).unwrap();
            let begin = overslaan as usize;
            let eind = (begin + 3).min(nieuw_naar_oud.len());
            assert_eq!(
                nummers(&pagina),
                nieuw_naar_oud[begin..eind],
                "{filter:?}, overslaan {overslaan}"
            );
        }
        assert_eq!(
            nummers(&audit::lees(db, filter, 4).unwrap()),
            nieuw_naar_oud[..nieuw_naar_oud.len().min(4)],
        );
        let mut gezien = Vec::new();
        let n = audit::voor_elke(db, filter, &mut |r| gezien.push(r.clone())).unwrap();
        assert_eq!(n, totaal);
        assert_eq!(nummers(&gezien), oud_naar_nieuw);
    }
    // A row reads back whole.
    let eerste = &audit::pagina(db, &AuditFilter::default(), 19, 1).unwrap()[0];
    assert_eq!(
        eerste,
        &AuditRij {
            volgnummer: 1,
            tijdstip: specs[0].0.clone(),
            actor: specs[0].1.to_owned(),
            actie: specs[0].2.to_owned(),
            object: specs[0].3.clone(),
            doel: None,
            resultaat: "gelukt".into(),
            details: Some("proef".into()),
        }
    );
    let acties: Vec<String> = specs
        .iter()
        .map(|s| s.2.to_owned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(audit::acties(db).unwrap(), acties);
    assert_eq!(reg.verifieer(), Verificatie::Intact { regels: 20 });
});

op_beide!(auditlog_leeg, |reg| {
    let db = reg.db();
    assert_eq!(audit::tel(db, &AuditFilter::default()).unwrap(), 0);
    assert!(
        audit::pagina(db, &AuditFilter::default(), 0, 10)
            .unwrap()
            .is_empty()
    );
    assert!(audit::acties(db).unwrap().is_empty());
});

op_beide!(namen_van_objecten, |reg| {
    let db = reg.db();
    db.batch(
        "INSERT INTO wijkteam (id, naam) VALUES ('WT-N', 'Noord');
         INSERT INTO medewerker (id, naam, rol, wijkteam) VALUES ('MW-1', 'Anna Intake', 'intaker', 'WT-N');
         INSERT INTO inwoner (id, voornaam, achternaam, geboortedatum, huishouden, wijkteam, woonplaats) VALUES
             ('I-000001', 'Piet', 'Jansen', '1950-03-07', 'H-1', 'WT-N', 'Almelo'),
             ('I-000002', '', 'Oud', '1960-12-31', 'H-1', 'WT-N', 'Almelo'),
             ('I-000003', 'Kees', 'Jansen', '1990-01-01', 'H-1', 'WT-N', 'Almelo');
         INSERT INTO aanbieder (id, naam) VALUES ('A-1', 'Zorg BV');
         INSERT INTO contract (id, aanbieder, wet, soort, van) VALUES ('C-1', 'A-1', 'wmo', 'raamcontract', '2025-02-01');
         INSERT INTO voorziening (id, naam, soort, wet, categorie) VALUES ('V-1', 'Begeleiding', 'maatwerk', 'wmo', '02');
         INSERT INTO melding (id, inwoner, datum, bron) VALUES ('M-1', 'I-000002', '2026-11-05', 'huisarts');
         INSERT INTO toekenning (id, inwoner, voorziening, verwijzer, besluit, uitkomst)
             VALUES ('T-1', 'I-000001', 'V-1', 'gemeente', '2026-01-10', 'toegekend');",
    )
    .unwrap();
    let objecten = [
        "inwoner:I-000001",
        "inwoner:I-000002",
        "huishouden:H-1",
        "melding:M-1",
        "toekenning:T-1",
        "medewerker:MW-1",
        "voorziening:V-1",
        "aanbieder:A-1",
        "contract:C-1",
        "bestand:export.csv",
        "inwoner:I-999999",
        "huishouden:H-9",
        "auditlog",
        "onbekend:x",
    ];
    let namen = objectnamen::namen(db, &objecten).unwrap();
    let mut gekregen: Vec<(&str, &str)> = namen
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    gekregen.sort_unstable();
    assert_eq!(
        gekregen,
        [
            ("aanbieder:A-1", "aanbieder Zorg BV"),
            ("bestand:export.csv", "bestand export.csv"),
            ("contract:C-1", "contract met Zorg BV vanaf 01-02-2025"),
            ("huishouden:H-1", "huishouden Jansen / Oud"),
            ("inwoner:I-000001", "Piet Jansen, geboren 07-03-1950"),
            ("inwoner:I-000002", "Oud, geboren 31-12-1960"),
            ("medewerker:MW-1", "Anna Intake"),
            ("melding:M-1", "melding van Oud van 05-11-2026"),
            ("toekenning:T-1", "Begeleiding voor Piet Jansen"),
            ("voorziening:V-1", "voorziening Begeleiding"),
        ]
    );
});

fn begeleiding(id: &str, aanbieders: &[&str]) -> VoorzieningInvoer {
    VoorzieningInvoer {
        voorziening: Voorziening {
            id: id.into(),
            naam: "Begeleiding".into(),
            soort: VoorzieningSoort::Maatwerk,
            wet: Some(Wet::Wmo),
            categorie: Some("02".into()),
            kenmerken: vec!["wonen".into(), "dagbesteding".into()],
        },
        leefgebieden: vec![Leefgebied::Huisvesting, Leefgebied::Financien],
        aanbieders: aanbieders.iter().map(|a| (*a).to_owned()).collect(),
    }
}

fn contract(id: &str, van: NaiveDate, tot: Option<NaiveDate>) -> Contract {
    Contract {
        id: id.into(),
        aanbieder: "A-1".into(),
        wet: Wet::Wmo,
        soort: ContractSoort::Raamcontract,
        van,
        tot,
    }
}

/// The field errors of a refusal, as (field, error).
fn veldfouten(fout: StoreFout) -> Vec<(String, DomeinFout)> {
    match fout {
        StoreFout::Validatie(v) => v
            .into_iter()
            .map(|f| (f.veld.to_string(), f.fout))
            .collect(),
        anders => panic!("verwacht een veldfout, kreeg {anders:?}"),
    }
}

op_beide!(sociale_kaart_beheren, |reg| {
    let db = reg.db();
    let alfa = Aanbieder {
        id: "A-1".into(),
        naam: "Alfa Zorg".into(),
        kvk: Some("12345678".into()),
    };
    beheer::aanbieder_toevoegen(db, DOOR, &alfa).unwrap();
    let beta = Aanbieder {
        id: "A-2".into(),
        naam: "Beta Hulp".into(),
        kvk: None,
    };
    beheer::aanbieder_toevoegen(db, DOOR, &beta).unwrap();
    beheer::aanbieder_wijzigen(
        db,
        DOOR,
        &Aanbieder {
            naam: "Alfa Zorg Twente".into(),
            ..alfa.clone()
        },
    )
    .unwrap();
    assert!(matches!(
        beheer::aanbieder_wijzigen(
            db,
            DOOR,
            &Aanbieder {
                id: "A-9".into(),
                ..alfa.clone()
            }
        ),
        Err(StoreFout::NietGevonden(_))
    ));

    // A provision with its links; an unknown provider is refused, naming it.
    let fout =
        beheer::voorziening_toevoegen(db, DOOR, &begeleiding("V-1", &["A-1", "A-7"])).unwrap_err();
    assert_eq!(
        veldfouten(fout),
        [(
            "aanbieders".to_owned(),
            KlantreisFout::Onbekend("A-7".into()).into()
        )]
    );
    beheer::voorziening_toevoegen(db, DOOR, &begeleiding("V-1", &["A-2", "A-1"])).unwrap();
    let fout = beheer::voorziening_toevoegen(db, DOOR, &begeleiding("V-1", &["A-1"])).unwrap_err();
    assert_eq!(veldfouten(fout)[0].0, "id");
    let detail = invoer::voorziening_detail(db, "V-1").unwrap();
    assert_eq!(detail.beeindigd_op, None);
    assert_eq!(detail.invoer.aanbieders, ["A-1", "A-2"]);
    assert_eq!(
        detail.invoer.voorziening.kenmerken,
        ["dagbesteding", "wonen"]
    );
    let mut leefgebieden = detail.invoer.leefgebieden.clone();
    leefgebieden.sort_by_key(|l| l.code());
    assert_eq!(
        detail.invoer.leefgebieden, leefgebieden,
        "op code gesorteerd"
    );
    assert_eq!(leefgebieden.len(), 2, "{:?}", detail.invoer.leefgebieden);

    // Changing: the links are replaced, not added to.
    let mut gewijzigd = begeleiding("V-1", &["A-2"]);
    gewijzigd.voorziening.naam = "Begeleiding individueel".into();
    gewijzigd.voorziening.kenmerken = vec!["wonen".into()];
    gewijzigd.leefgebieden = vec![Leefgebied::Zelfzorg];
    beheer::voorziening_wijzigen(db, DOOR, &gewijzigd).unwrap();
    let detail = invoer::voorziening_detail(db, "V-1").unwrap();
    assert_eq!(detail.invoer, gewijzigd);
    assert!(matches!(
        invoer::voorziening_detail(db, "V-9"),
        Err(StoreFout::NietGevonden(_))
    ));

    // Contracts: add, change, end; an end before the start is refused.
    beheer::contract_toevoegen(db, DOOR, &contract("C-1", datum(2025, 1, 1), None)).unwrap();
    beheer::contract_toevoegen(
        db,
        DOOR,
        &contract("C-2", datum(2024, 1, 1), Some(datum(2024, 12, 31))),
    )
    .unwrap();
    let fout = beheer::contract_toevoegen(
        db,
        DOOR,
        &Contract {
            aanbieder: "A-8".into(),
            ..contract("C-3", datum(2025, 1, 1), None)
        },
    )
    .unwrap_err();
    assert_eq!(veldfouten(fout)[0].0, "aanbieder");
    let mut c1 = contract("C-1", datum(2025, 2, 1), None);
    c1.soort = ContractSoort::Maatwerkcontract;
    beheer::contract_wijzigen(db, DOOR, &c1).unwrap();
    assert_eq!(invoer::contract(db, "C-1").unwrap(), c1);
    let fout = beheer::contract_beeindigen(db, DOOR, "C-1", datum(2025, 1, 31)).unwrap_err();
    assert_eq!(
        veldfouten(fout),
        [(
            "tot".to_owned(),
            DomeinFout::DatumVoor {
                datum: datum(2025, 1, 31),
                eerder_veld: "van",
                eerder: datum(2025, 2, 1),
            }
        )]
    );

    // Ending a provider: a contract starting later refuses the whole action.
    beheer::contract_toevoegen(db, DOOR, &contract("C-4", datum(2027, 1, 1), None)).unwrap();
    let fout = beheer::aanbieder_beeindigen(db, DOOR, "A-1", datum(2026, 6, 30)).unwrap_err();
    assert_eq!(
        veldfouten(fout),
        [(
            "tot".to_owned(),
            KlantreisFout::ContractBegintLater {
                contract: "C-4".into(),
                van: datum(2027, 1, 1),
            }
            .into()
        )]
    );
    assert_eq!(
        invoer::contract(db, "C-1").unwrap().tot,
        None,
        "niets veranderd"
    );
    beheer::contract_beeindigen(db, DOOR, "C-4", datum(2027, 1, 1)).unwrap();
    beheer::contract_wijzigen(db, DOOR, &contract("C-4", datum(2026, 1, 1), None)).unwrap();
    // Running on 30-06-2026: C-1 and C-4; C-2 ended in 2024 and stays.
    let n = beheer::aanbieder_beeindigen(db, DOOR, "A-1", datum(2026, 6, 30)).unwrap();
    assert_eq!(n, 2);
    for (id, tot) in [
        ("C-1", Some(datum(2026, 6, 30))),
        ("C-2", Some(datum(2024, 12, 31))),
        ("C-4", Some(datum(2026, 6, 30))),
    ] {
        assert_eq!(invoer::contract(db, id).unwrap().tot, tot, "{id}");
    }
    let fout = beheer::aanbieder_beeindigen(db, DOOR, "A-1", datum(2026, 7, 1)).unwrap_err();
    assert!(
        matches!(
            veldfouten(fout)[0].1,
            DomeinFout::Klantreis(KlantreisFout::GeenLopendContract { .. })
        ),
        "niets meer lopend"
    );

    // A provision in use is ended, not deleted; an unused one is deleted.
    db.batch(
        "INSERT INTO wijkteam (id, naam) VALUES ('WT-N', 'Noord');
         INSERT INTO inwoner (id, voornaam, achternaam, geboortedatum, huishouden, wijkteam, woonplaats)
             VALUES ('I-000001', 'Piet', 'Jansen', '1950-03-07', 'H-1', 'WT-N', 'Almelo');
         INSERT INTO toekenning (id, inwoner, voorziening, aanbieder, contract, verwijzer, besluit, uitkomst)
             VALUES ('T-1', 'I-000001', 'V-1', 'A-2', NULL, 'gemeente', '2026-01-10', 'toegekend');",
    )
    .unwrap();
    assert!(beheer::voorziening_in_gebruik(db, "V-1").unwrap());
    let fout = beheer::voorziening_verwijderen(db, DOOR, "V-1").unwrap_err();
    assert_eq!(veldfouten(fout)[0].0, "voorziening");
    let mut andere_soort = gewijzigd.clone();
    andere_soort.voorziening.soort = VoorzieningSoort::Algemeen;
    andere_soort.voorziening.wet = None;
    andere_soort.voorziening.categorie = None;
    let fout = beheer::voorziening_wijzigen(db, DOOR, &andere_soort).unwrap_err();
    assert_eq!(veldfouten(fout)[0].0, "soort");
    beheer::voorziening_beeindigen(db, DOOR, "V-1", datum(2026, 12, 31)).unwrap();
    assert_eq!(
        invoer::beeindigde_voorzieningen(db).unwrap(),
        [("V-1".to_owned(), datum(2026, 12, 31))]
    );
    assert_eq!(
        invoer::voorziening_detail(db, "V-1").unwrap().beeindigd_op,
        Some(datum(2026, 12, 31))
    );
    beheer::voorziening_toevoegen(db, DOOR, &begeleiding("V-2", &["A-1"])).unwrap();
    assert!(!beheer::voorziening_in_gebruik(db, "V-2").unwrap());
    beheer::voorziening_verwijderen(db, DOOR, "V-2").unwrap();
    let mut ids = invoer::ids(db, KaartTabel::Voorziening).unwrap();
    ids.sort();
    assert_eq!(ids, ["V-1"]);
    let mut ids = invoer::ids(db, KaartTabel::Contract).unwrap();
    ids.sort();
    assert_eq!(ids, ["C-1", "C-2", "C-4"]);

    // The delivered provider is linked once, however often it runs.
    db.execute("DELETE FROM voorziening_aanbieder", &[])
        .unwrap();
    assert_eq!(beheer::koppel_geleverde_aanbieders(db).unwrap(), 1);
    assert_eq!(beheer::koppel_geleverde_aanbieders(db).unwrap(), 0);

    // Every change that happened is in the log, in order, and it verifies;
    // the refusals left nothing behind.
    assert_eq!(
        acties_in_log(db),
        [
            "aanbieder-toevoegen",
            "aanbieder-toevoegen",
            "aanbieder-wijzigen",
            "voorziening-toevoegen",
            "voorziening-wijzigen",
            "contract-toevoegen",
            "contract-toevoegen",
            "contract-wijzigen",
            "contract-toevoegen",
            "contract-beeindigen",
            "contract-wijzigen",
            "aanbieder-beeindigen",
            "voorziening-beeindigen",
            "voorziening-toevoegen",
            "voorziening-verwijderen",
        ]
    );
    let details: Option<String> = db
        .query_one(
            "SELECT details FROM audit WHERE actie = 'aanbieder-beeindigen'",
            &[],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        details.as_deref(),
        Some("contracten beëindigd per 2026-06-30: C-1, C-4")
    );
    assert_eq!(reg.verifieer(), Verificatie::Intact { regels: 15 });
});

op_beide!(indicatorwaarden_vastleggen, |reg| {
    let db = reg.db();
    indicatorwaarden::zet_realisatie(db, "1.10.1", 2023, Some(18.0), None, Some("GGD")).unwrap();
    indicatorwaarden::zet_realisatie(db, "1.10.1", 2023, Some(17.5), None, Some("GGD 2023"))
        .unwrap();
    indicatorwaarden::zet_begroot(db, "3.8.1", 2024, Some(0.1), None).unwrap();
    indicatorwaarden::zet_realisatie(db, "3.3A.1", 2024, None, Some(" Ja "), None).unwrap();
    let alles = indicatorwaarden::lees(db, 2023, 2024).unwrap();
    let gelezen: Vec<_> = alles
        .iter()
        .map(|w| {
            (
                w.indicator.as_str(),
                w.jaar,
                w.soort,
                w.waarde,
                w.tekst.as_deref(),
                w.bron.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        gelezen,
        [
            (
                "1.10.1",
                2023,
                WaardeSoort::Realisatie,
                Some(17.5),
                None,
                Some("GGD 2023")
            ),
            (
                "3.3A.1",
                2024,
                WaardeSoort::Realisatie,
                None,
                Some("Ja"),
                None
            ),
            ("3.8.1", 2024, WaardeSoort::Begroot, Some(0.1), None, None),
        ]
    );
    assert_eq!(indicatorwaarden::lees(db, 2024, 2024).unwrap().len(), 2);
    // Refusals change nothing.
    assert!(matches!(
        indicatorwaarden::zet_realisatie(db, "3.8.1", 2024, Some(5.0), None, None),
        Err(IndicatorwaardeFout::RealisatieVoorBerekend(_))
    ));
    assert!(matches!(
        indicatorwaarden::zet_begroot(db, "9.9.9", 2024, Some(1.0), None),
        Err(IndicatorwaardeFout::OnbekendeCode(_))
    ));
    assert!(matches!(
        indicatorwaarden::wis(db, "9.9.9", 2024, WaardeSoort::Begroot),
        Err(IndicatorwaardeFout::OnbekendeCode(_))
    ));
    assert_eq!(indicatorwaarden::lees(db, 2000, 2100).unwrap().len(), 3);
    // A medewerker's change and removal are logged; the others are not.
    indicatorwaarden::zet_als(
        db,
        &wijkregister::domain::Indicatorwaarde {
            indicator: "1.10.1".into(),
            jaar: 2025,
            soort: WaardeSoort::Realisatie,
            waarde: Some(3.25),
            tekst: None,
            bron: None,
        },
        Some(DOOR),
    )
    .unwrap();
    assert!(
        indicatorwaarden::wis_als(db, "1.10.1", 2025, WaardeSoort::Realisatie, Some(DOOR)).unwrap()
    );
    assert!(
        !indicatorwaarden::wis_als(db, "1.10.1", 2025, WaardeSoort::Realisatie, Some(DOOR))
            .unwrap()
    );
    assert!(indicatorwaarden::wis(db, "1.10.1", 2023, WaardeSoort::Realisatie).unwrap());
    assert!(indicatorwaarden::lees(db, 2023, 2023).unwrap().is_empty());
    assert_eq!(acties_in_log(db), ["wijzigen", "verwijderen"]);
    let objecten: Vec<Option<String>> = db
        .query_map("SELECT object FROM audit ORDER BY volgnummer", &[], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(
        objecten,
        [
            Some("indicatorwaarde:1.10.1:2025:realisatie".to_owned()),
            Some("indicatorwaarde:1.10.1:2025:realisatie".to_owned()),
        ]
    );
    assert_eq!(reg.verifieer(), Verificatie::Intact { regels: 2 });
});

/// Retention facts on both engines: one dossier due without provisions,
/// one due 15 years after its Wmo provision, one household member whose
/// Jeugdwet provision keeps her (and links to her housemate's decision),
/// and one open melding.
fn bewaardossiers(db: Db<'_>) {
    db.batch(
        "INSERT INTO voorziening (id, naam, soort, wet, categorie) VALUES
             ('V-HH', 'Huishoudelijke hulp', 'maatwerk', 'wmo', '01'),
             ('V-JGGZ', 'Jeugd-ggz', 'maatwerk', 'jeugdwet', '54');
         INSERT INTO aanbieder (id, naam) VALUES ('A-1', 'Zorg BV');
         INSERT INTO medewerker (id, naam, rol) VALUES ('MW-1', 'Intaker', 'intaker');
         INSERT INTO inwoner (id, voornaam, achternaam, geboortedatum, huishouden, woonplaats) VALUES
             ('I-1', 'Test', 'Persoon I-1', '1960-01-01', 'H-1', 'Almelo'),
             ('I-2', 'Test', 'Persoon I-2', '1961-01-01', 'H-2', 'Almelo'),
             ('I-3', 'Test', 'Persoon I-3', '1962-01-01', 'H-3', 'Almelo'),
             ('I-4', 'Test', 'Persoon I-4', '1963-01-01', 'H-3', 'Almelo');
         INSERT INTO melding (id, inwoner, datum, bron, wet, afgesloten, uitkomst) VALUES
             ('M-1', 'I-1', '2010-01-01', 'zelfmelder', 'wmo', '2019-03-01', 'informatie-advies'),
             ('M-2', 'I-2', '2010-01-01', 'zelfmelder', 'wmo', NULL, NULL);
         INSERT INTO melding_leefgebied (melding, leefgebied) VALUES ('M-1', 'financien');
         INSERT INTO klantreis_stap (melding, stap, datum, medewerker, notitie, vastgelegd_op)
             VALUES ('M-1', 'gesprek', '2010-01-05', 'MW-1', 'keukentafelgesprek', '2010-01-05T10:00:00Z');
         INSERT INTO klantreis_correctie (stap, oude_datum, nieuwe_datum, oude_medewerker, nieuwe_medewerker,
             oude_notitie, nieuwe_notitie, door, tijdstip)
             VALUES (1, '2010-01-05', '2010-01-06', 'MW-1', 'MW-1', 'a', 'b', 'MW-1', '2010-01-07T10:00:00Z');
         INSERT INTO afweging_trede (melding, trede, lost_op, toelichting, medewerker, datum)
             VALUES ('M-1', 'eigen-kracht', TRUE, 'redt het zelf', 'MW-1', '2010-01-06');
         INSERT INTO verwijzing (id, melding, voorziening, datum, status)
             VALUES ('VW-1', 'M-1', 'V-HH', '2010-02-01', 'verwezen');
         INSERT INTO vordering (id, datum, bedrag_cent, soort, inwoner, aanbieder) VALUES
             ('VO-1', '2011-01-01', 1000, 'misbruik', 'I-1', NULL),
             ('VO-2', '2011-01-01', 2000, 'oneigenlijk-gebruik', 'I-1', 'A-1');
         INSERT INTO ave (id, huishouden, datum, niveau, reden) VALUES
             ('AVE-1', 'H-1', '2018-01-01', 2, 'zorgen'),
             ('AVE-3', 'H-3', '2018-01-01', 1, 'zorgen');
         INSERT INTO toekenning (id, inwoner, voorziening, verwijzer, besluit, uitkomst, start, eind, reden_einde) VALUES
             ('T-3', 'I-3', 'V-HH', 'huisarts', '2005-01-01', 'toegekend', '2005-02-01', '2010-06-30', 'volgens-plan');
         INSERT INTO toekenning (id, inwoner, voorziening, verwijzer, besluit, uitkomst, start, eind, reden_einde, vorige) VALUES
             ('T-4', 'I-4', 'V-JGGZ', 'huisarts', '2005-01-01', 'toegekend', '2005-02-01', '2010-06-30', 'volgens-plan', 'T-3');",
    )
    .unwrap();
}

fn tel(db: Db<'_>, sql: &str) -> i64 {
    db.query_one(sql, &[], |r| r.get(0)).unwrap()
}

op_beide!(bewaartermijn_vernietigen, |reg| {
    use wijkregister::domain::bewaartermijn::Grond;
    use wijkregister::store::bewaartermijn::{self, Vernietigd};
    let db = reg.db();
    bewaardossiers(db);
    let vandaag = datum(2026, 11, 26);
    let lijst = bewaartermijn::te_vernietigen(db, vandaag).unwrap();
    let samengevat: Vec<_> = lijst
        .iter()
        .map(|v| {
            (
                v.inwoner.as_str(),
                v.naam.as_str(),
                v.geboren,
                v.datum,
                v.grond,
            )
        })
        .collect();
    assert_eq!(
        samengevat,
        [
            (
                "I-1",
                "Test Persoon I-1",
                datum(1960, 1, 1),
                datum(2024, 3, 1),
                Grond::GeenVoorziening
            ),
            (
                "I-3",
                "Test Persoon I-3",
                datum(1962, 1, 1),
                datum(2025, 6, 30),
                Grond::Wmo
            ),
        ]
    );
    assert_eq!(
        bewaartermijn::te_vernietigen(db, datum(2025, 6, 29))
            .unwrap()
            .len(),
        1,
        "de dag voor de datum van I-3"
    );

    // Not due: refused, nothing removed, nothing logged.
    for (id, reden) in [("I-2", "niet afgesloten"), ("I-4", "pas op 30-06-2030")] {
        match bewaartermijn::vernietig(db, id, vandaag, "MW-BEHEER", "2026-11-26T10:00:00Z") {
            Err(StoreFout::NietVervallen(t)) => assert!(t.contains(reden), "{t}"),
            anders => panic!("{id}: {anders:?}"),
        }
    }
    assert_eq!(tel(db, "SELECT count(*) FROM inwoner"), 4);
    assert_eq!(tel(db, "SELECT count(*) FROM audit"), 0);

    // One dossier, whole: its melding with every detail, its referral, its
    // own recovery, the household's AVE; a recovery naming a provider too
    // keeps the provider.
    let v =
        bewaartermijn::vernietig(db, "I-1", vandaag, "MW-BEHEER", "2026-11-26T10:00:00Z").unwrap();
    assert_eq!(
        v,
        Vernietigd {
            meldingen: 1,
            verwijzingen: 1,
            toekenningen: 0,
            ave: 1,
            vorderingen: 1,
        }
    );
    for tabel in [
        "klantreis_stap",
        "klantreis_correctie",
        "afweging_trede",
        "melding_leefgebied",
        "verwijzing",
    ] {
        assert_eq!(
            tel(db, &format!("SELECT count(*) FROM {tabel}")),
            0,
            "{tabel}"
        );
    }
    assert_eq!(tel(db, "SELECT count(*) FROM inwoner WHERE id = 'I-1'"), 0);
    let vo2: Option<String> = db
        .query_one(
            "SELECT inwoner FROM vordering WHERE id = 'VO-2'",
            &[],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(vo2, None);
    assert_eq!(tel(db, "SELECT count(*) FROM vordering"), 1);

    // The rest that is due, in one go: I-3's decision goes, the link from
    // I-4's decision to it is cleared, the household's AVE stays for I-4.
    let (ids, totaal) =
        bewaartermijn::vernietig_alle(db, vandaag, "MW-BEHEER", "2026-11-26T10:01:00Z").unwrap();
    assert_eq!(ids, ["I-3"]);
    assert_eq!(
        totaal,
        Vernietigd {
            toekenningen: 1,
            ..Vernietigd::default()
        }
    );
    let vorige: Option<String> = db
        .query_one("SELECT vorige FROM toekenning WHERE id = 'T-4'", &[], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(vorige, None);
    assert_eq!(
        tel(db, "SELECT count(*) FROM ave WHERE huishouden = 'H-3'"),
        1
    );
    let mut over: Vec<String> = db
        .query_map("SELECT id FROM inwoner", &[], |r| r.get(0))
        .unwrap();
    over.sort();
    assert_eq!(over, ["I-2", "I-4"]);
    assert!(
        bewaartermijn::te_vernietigen(db, vandaag)
            .unwrap()
            .is_empty()
    );

    // Two audit rows, by id and counts, never a name; the chain verifies.
    let log = audit::pagina(db, &AuditFilter::default(), 0, 10).unwrap();
    assert_eq!(
        log.iter()
            .map(|r| (r.actie.as_str(), r.object.as_deref()))
            .collect::<Vec<_>>(),
        [
            ("vernietigen", Some("inwoner:I-3")),
            ("vernietigen", Some("inwoner:I-1"))
        ]
    );
    assert!(
        !format!("{log:?}").contains("Persoon"),
        "geen naam in het log"
    );
    assert_eq!(reg.verifieer(), Verificatie::Intact { regels: 2 });
});
