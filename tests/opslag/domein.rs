//! Every check of `domain::records`: each `DomeinFout` a record can give,
//! on the field it belongs to, with its Dutch message in full.
#![allow(
    clippy::expect_used,
    reason = "a test stops on the first broken assumption"
)]

use crate::steun::d;
use wijkregister::domain::records::{MAX_NAAM, MAX_TEKST};
use wijkregister::domain::{
    Aanbieder, Afweging, AveGebeurtenis, BesluitUitkomst, Bevolking, Bron, Contract, ContractSoort,
    DomeinFout, Indicatorwaarde, Inwoner, Leveringsvorm, Medewerker, Melding, MeldingUitkomst,
    Record, Rol, Toekenning, Veldfout, Verwijzer, Verwijzing, VerwijzingStatus, Voorziening,
    VoorzieningSoort, Vordering, VorderingSoort, WaardeSoort, Wet, Wijkteam,
};

/// The errors as "veld 'x': …" texts.
fn teksten(r: Result<(), Vec<Veldfout>>) -> Vec<String> {
    r.expect_err("moet fouten geven")
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn contract() -> Contract {
    Contract {
        id: "C-1".into(),
        aanbieder: "A-1".into(),
        wet: Wet::Wmo,
        soort: ContractSoort::Raamcontract,
        van: d(2024, 1, 1),
        tot: None,
    }
}

fn voorziening() -> Voorziening {
    Voorziening {
        id: "V-1".into(),
        naam: "Begeleiding".into(),
        soort: VoorzieningSoort::Maatwerk,
        wet: Some(Wet::Wmo),
        categorie: Some("02".into()),
        kenmerken: vec!["wijkkamer".into()],
    }
}

fn inwoner() -> Inwoner {
    Inwoner {
        id: "I-1".into(),
        bsn: None,
        voornaam: "Piet".into(),
        achternaam: "Jansen".into(),
        geboortedatum: d(1950, 1, 1),
        geslacht: None,
        huishouden: "H-1".into(),
        wijkteam: None,
        woonplaats: "Almelo".into(),
    }
}

fn melding() -> Melding {
    Melding {
        id: "M-1".into(),
        inwoner: "I-1".into(),
        datum: d(2024, 3, 1),
        bron: Bron::Huisarts,
        wet: None,
        gevraagde_voorziening: None,
        medewerker: None,
        gesprek: None,
        onderzoek_klaar: None,
        afgesloten: None,
        uitkomst: None,
    }
}

fn verwijzing() -> Verwijzing {
    Verwijzing {
        id: "VW-1".into(),
        melding: "M-1".into(),
        voorziening: "V-3".into(),
        datum: d(2024, 3, 1),
        status: VerwijzingStatus::Verwezen,
        afgerond_op: None,
        opgelost: None,
    }
}

fn afweging() -> Afweging {
    Afweging {
        eigen_kracht: "lukt niet".into(),
        netwerk: "geen netwerk".into(),
        algemene_voorziening: "niet passend".into(),
        voorliggende_voorziening: "geen".into(),
    }
}

fn toekenning() -> Toekenning {
    Toekenning {
        id: "T-1".into(),
        inwoner: "I-1".into(),
        voorziening: "V-1".into(),
        aanbieder: None,
        contract: None,
        melding: None,
        verwijzer: Verwijzer::Gemeente,
        aanvraag: Some(d(2024, 2, 1)),
        besluit: d(2024, 3, 1),
        uitkomst: BesluitUitkomst::Toegekend,
        start: Some(d(2024, 3, 15)),
        eind: None,
        leveringsvorm: Leveringsvorm::Natura,
        doorbraak: false,
        reden_einde: None,
        afweging: Some(afweging()),
    }
}

fn ave() -> AveGebeurtenis {
    AveGebeurtenis {
        id: "AVE-1".into(),
        huishouden: "H-1".into(),
        datum: d(2024, 1, 1),
        niveau: 2,
        reden: "meerdere vragen".into(),
        casusregisseur: None,
        procesregisseur: None,
    }
}

fn vordering() -> Vordering {
    Vordering {
        id: "VO-1".into(),
        datum: d(2024, 1, 1),
        bedrag_cent: 100,
        soort: VorderingSoort::Misbruik,
        inwoner: Some("I-1".into()),
        aanbieder: None,
    }
}

fn indicatorwaarde() -> Indicatorwaarde {
    Indicatorwaarde {
        indicator: "1.1.1".into(),
        jaar: 2024,
        soort: WaardeSoort::Realisatie,
        waarde: Some(1.5),
        tekst: None,
        bron: None,
    }
}

#[test]
fn geldige_records_zijn_goed() {
    assert_eq!(contract().valideer(), Ok(()));
    assert_eq!(voorziening().valideer(), Ok(()));
    assert_eq!(inwoner().valideer(), Ok(()));
    assert_eq!(melding().valideer(), Ok(()));
    assert_eq!(verwijzing().valideer(), Ok(()));
    assert_eq!(toekenning().valideer(), Ok(()));
    assert_eq!(toekenning().valideer_nieuw_besluit(), Ok(()));
    assert_eq!(ave().valideer(), Ok(()));
    assert_eq!(vordering().valideer(), Ok(()));
    assert_eq!(indicatorwaarde().valideer(), Ok(()));
}

#[test]
fn leeg_en_te_lang() {
    let w = Wijkteam {
        id: " ".into(),
        naam: "x".repeat(MAX_NAAM + 1),
    };
    assert_eq!(
        teksten(w.valideer()),
        [
            "veld 'id': mag niet leeg zijn",
            "veld 'naam': is te lang (201 tekens; hoogstens 200)"
        ]
    );
    let m = Medewerker {
        id: "MW-1".into(),
        naam: String::new(),
        rol: Rol::Intaker,
        wijkteam: Some(String::new()),
    };
    assert_eq!(
        teksten(m.valideer()),
        [
            "veld 'naam': mag niet leeg zijn",
            "veld 'wijkteam': mag niet leeg zijn"
        ]
    );
    let mut i = inwoner();
    i.achternaam = String::new();
    i.huishouden = "  ".into();
    i.voornaam = "é".repeat(MAX_NAAM + 1);
    assert_eq!(
        teksten(i.valideer()),
        [
            "veld 'voornaam': is te lang (201 tekens; hoogstens 200)",
            "veld 'achternaam': mag niet leeg zijn",
            "veld 'huishouden': mag niet leeg zijn"
        ]
    );
    // An empty first name and place are allowed (unknown in the source).
    let mut i = inwoner();
    i.voornaam = String::new();
    i.woonplaats = String::new();
    assert_eq!(i.valideer(), Ok(()));
    let mut c = contract();
    c.aanbieder = String::new();
    assert_eq!(
        teksten(c.valideer()),
        ["veld 'aanbieder': mag niet leeg zijn"]
    );
}

#[test]
fn kvk_is_acht_cijfers() {
    for fout in ["1234567", "1234567a", "123456789"] {
        let a = Aanbieder {
            id: "A-1".into(),
            naam: "Zorg".into(),
            kvk: Some(fout.into()),
        };
        assert_eq!(
            teksten(a.valideer()),
            [format!(
                "veld 'kvk': '{fout}' is geen KvK-nummer (8 cijfers)"
            )]
        );
    }
    let a = Aanbieder {
        id: "A-1".into(),
        naam: "Zorg".into(),
        kvk: Some("12345678".into()),
    };
    assert_eq!(a.valideer(), Ok(()));
}

#[test]
fn contract_tot_voor_van() {
    let mut c = contract();
    c.tot = Some(d(2023, 12, 31));
    assert_eq!(
        teksten(c.valideer()),
        ["veld 'tot': 31-12-2023 ligt vóór van (01-01-2024); dat kan niet"]
    );
    c.tot = Some(c.van);
    assert_eq!(c.valideer(), Ok(()), "dezelfde dag mag");
}

#[test]
fn voorziening_wet_en_categorie() {
    let mut v = voorziening();
    v.wet = None;
    v.categorie = None;
    assert_eq!(
        teksten(v.valideer()),
        ["veld 'wet': een maatwerkvoorziening valt onder een wet; vul de wet in"]
    );
    let mut v = voorziening();
    v.categorie = None;
    assert_eq!(
        teksten(v.valideer()),
        [
            "veld 'categorie': een maatwerkvoorziening onder de Wmo 2015 heeft een productcategorie nodig"
        ]
    );
    let mut v = voorziening();
    v.wet = Some(Wet::Jeugdwet);
    assert_eq!(
        teksten(v.valideer()),
        ["veld 'categorie': '02' is geen productcategorie van de Jeugdwet"]
    );
    // Outside Wmo and Jeugdwet no category is needed; algemeen needs no law.
    let mut v = voorziening();
    v.wet = Some(Wet::Schuldhulp);
    v.categorie = None;
    assert_eq!(v.valideer(), Ok(()));
    let mut v = voorziening();
    v.soort = VoorzieningSoort::Algemeen;
    v.wet = None;
    v.categorie = None;
    assert_eq!(v.valideer(), Ok(()));
    let mut v = voorziening();
    v.kenmerken.push(" ".into());
    assert_eq!(
        teksten(v.valideer()),
        ["veld 'kenmerken': mag niet leeg zijn"]
    );
}

#[test]
fn melding_datums_en_uitkomst() {
    let mut m = melding();
    m.gesprek = Some(d(2024, 2, 1));
    m.onderzoek_klaar = Some(d(2024, 2, 2));
    m.afgesloten = Some(d(2024, 2, 3));
    assert_eq!(
        teksten(m.valideer()),
        [
            "veld 'gesprek': 01-02-2024 ligt vóór datum (01-03-2024); dat kan niet",
            "veld 'onderzoek_klaar': 02-02-2024 ligt vóór datum (01-03-2024); dat kan niet",
            "veld 'afgesloten': 03-02-2024 ligt vóór datum (01-03-2024); dat kan niet",
            "veld 'uitkomst': een afgesloten melding heeft een uitkomst nodig",
        ]
    );
    let mut m = melding();
    m.afgesloten = Some(d(2024, 4, 1));
    m.uitkomst = Some(MeldingUitkomst::EigenKracht);
    assert_eq!(m.valideer(), Ok(()));
}

#[test]
fn verwijzing_afgerond() {
    let mut v = verwijzing();
    v.status = VerwijzingStatus::Afgerond;
    assert_eq!(
        teksten(v.valideer()),
        [
            "veld 'afgerond_op': is verplicht bij status 'afgerond'",
            "veld 'opgelost': is verplicht bij status 'afgerond'"
        ]
    );
    v.afgerond_op = Some(d(2024, 2, 1));
    v.opgelost = Some(true);
    assert_eq!(
        teksten(v.valideer()),
        ["veld 'afgerond_op': 01-02-2024 ligt vóór datum (01-03-2024); dat kan niet"]
    );
    v.afgerond_op = Some(d(2024, 4, 1));
    assert_eq!(v.valideer(), Ok(()));
}

#[test]
fn toekenning_datums_en_afwijzing() {
    let mut t = toekenning();
    t.aanvraag = Some(d(2024, 4, 1));
    t.eind = Some(d(2024, 3, 1));
    assert_eq!(
        teksten(t.valideer()),
        [
            "veld 'besluit': 01-03-2024 ligt vóór aanvraag (01-04-2024); dat kan niet",
            "veld 'eind': 01-03-2024 ligt vóór start (15-03-2024); dat kan niet",
        ]
    );
    let mut t = toekenning();
    t.uitkomst = BesluitUitkomst::Afgewezen;
    t.eind = Some(d(2024, 6, 1));
    assert_eq!(
        teksten(t.valideer()),
        [
            "veld 'start': een afgewezen besluit heeft geen start- of einddatum",
            "veld 'eind': een afgewezen besluit heeft geen start- of einddatum",
        ]
    );
    let mut t = toekenning();
    t.afweging = Some(Afweging {
        netwerk: "x".repeat(MAX_TEKST + 1),
        ..afweging()
    });
    assert_eq!(
        teksten(t.valideer()),
        ["veld 'afweging.netwerk': is te lang (4001 tekens; hoogstens 4000)"]
    );
}

#[test]
fn nieuw_besluit_van_gemeente_vraagt_de_afwegingsladder() {
    let mut t = toekenning();
    t.afweging = None;
    // Legacy data may lack the afweging: the exchange check accepts it.
    assert_eq!(t.valideer(), Ok(()));
    assert_eq!(
        teksten(t.valideer_nieuw_besluit()),
        [
            "veld 'afweging.eigen_kracht': de afwegingsladder is niet af: 'eigen kracht' is niet beantwoord",
            "veld 'afweging.netwerk': de afwegingsladder is niet af: 'netwerk' is niet beantwoord",
            "veld 'afweging.algemene_voorziening': de afwegingsladder is niet af: 'algemene voorziening' is niet beantwoord",
            "veld 'afweging.voorliggende_voorziening': de afwegingsladder is niet af: 'voorliggende voorziening' is niet beantwoord",
        ]
    );
    t.afweging = Some(Afweging {
        voorliggende_voorziening: "  ".into(),
        ..afweging()
    });
    assert_eq!(
        teksten(t.valideer_nieuw_besluit()),
        [
            "veld 'afweging.voorliggende_voorziening': de afwegingsladder is niet af: 'voorliggende voorziening' is niet beantwoord"
        ]
    );
    // An external referrer decides without the gemeente's ladder.
    for verwijzer in [
        Verwijzer::Huisarts,
        Verwijzer::Jeugdarts,
        Verwijzer::GecertificeerdeInstelling,
        Verwijzer::Rechter,
    ] {
        let mut t = toekenning();
        t.verwijzer = verwijzer;
        t.afweging = None;
        assert_eq!(t.valideer_nieuw_besluit(), Ok(()), "{verwijzer:?}");
    }
    // The stricter check also carries the ordinary errors.
    let mut t = toekenning();
    t.afweging = None;
    t.id = String::new();
    let fouten = teksten(t.valideer_nieuw_besluit());
    assert_eq!(fouten.len(), 5);
    assert_eq!(fouten[0], "veld 'id': mag niet leeg zijn");
}

#[test]
fn ave_niveau_en_procesregisseur() {
    let mut a = ave();
    a.niveau = 5;
    a.procesregisseur = Some("Zorg- en Veiligheidshuis".into());
    assert_eq!(
        teksten(a.valideer()),
        ["veld 'niveau': AVE-niveau 5 bestaat niet; het niveau is 0 tot en met 4"]
    );
    let mut a = ave();
    a.niveau = 3;
    assert_eq!(
        teksten(a.valideer()),
        [
            "veld 'procesregisseur': vanaf AVE-niveau 3 ligt de procesregie bij een procesregisseur; vul die in"
        ]
    );
    a.procesregisseur = Some(" ".into());
    assert_eq!(
        teksten(a.valideer()),
        ["veld 'procesregisseur': mag niet leeg zijn"]
    );
    a.procesregisseur = Some("Team Zorg en Veiligheid".into());
    assert_eq!(a.valideer(), Ok(()));
    let mut a = ave();
    a.reden = String::new();
    assert_eq!(teksten(a.valideer()), ["veld 'reden': mag niet leeg zijn"]);
}

#[test]
fn vordering_bedrag_en_partij() {
    let mut v = vordering();
    v.bedrag_cent = -150;
    v.inwoner = None;
    assert_eq!(
        teksten(v.valideer()),
        [
            "veld 'bedrag': '-1.50' is geen bedrag in euro's met hoogstens twee decimalen",
            "veld 'inwoner': een vordering noemt een inwoner of een aanbieder (of beide)",
        ]
    );
    let mut v = vordering();
    v.inwoner = None;
    v.aanbieder = Some("A-1".into());
    assert_eq!(v.valideer(), Ok(()));
}

#[test]
fn bevolking_bereik_en_band() {
    let b = Bevolking {
        jaar: 1899,
        leeftijd_van: 121,
        leeftijd_tot: 20,
        aantal: 1,
    };
    assert_eq!(
        teksten(b.valideer()),
        [
            "veld 'jaar': 1899 ligt buiten het bereik 1900 tot en met 2200",
            "veld 'leeftijd_van': 121 ligt buiten het bereik 0 tot en met 120",
            "veld 'leeftijd_tot': leeftijd_tot (20) ligt onder leeftijd_van (121)",
        ]
    );
    let a = Bevolking {
        jaar: 2024,
        leeftijd_van: 0,
        leeftijd_tot: 17,
        aantal: 1,
    };
    let b = Bevolking {
        jaar: 2024,
        leeftijd_van: 17,
        leeftijd_tot: 30,
        aantal: 1,
    };
    let c = Bevolking {
        jaar: 2024,
        leeftijd_van: 18,
        leeftijd_tot: 30,
        aantal: 1,
    };
    let ander_jaar = Bevolking {
        jaar: 2025,
        ..a.clone()
    };
    assert!(a.overlapt(&b) && b.overlapt(&a));
    assert!(!a.overlapt(&c));
    assert!(!a.overlapt(&ander_jaar));
    assert_eq!(a.valideer(), Ok(()));
}

#[test]
fn indicatorwaarde_controles() {
    let mut w = indicatorwaarde();
    w.indicator = String::new();
    w.jaar = 2201;
    w.tekst = Some(String::new());
    w.bron = Some(" ".into());
    assert_eq!(
        teksten(w.valideer()),
        [
            "veld 'indicator': mag niet leeg zijn",
            "veld 'jaar': 2201 ligt buiten het bereik 1900 tot en met 2200",
            "veld 'tekst': mag niet leeg zijn",
            "veld 'bron': mag niet leeg zijn",
        ]
    );
    let mut w = indicatorwaarde();
    w.waarde = Some(f64::NAN);
    let fouten = w.valideer().expect_err("NaN");
    assert_eq!(fouten.len(), 1);
    assert_eq!(fouten[0].veld, "waarde");
}

#[test]
fn record_valideert_via_zijn_type() {
    let mut v = vordering();
    v.inwoner = None;
    let r = Record::Vordering(v);
    assert_eq!(r.soort(), "vordering");
    assert_eq!(
        r.valideer().expect_err("fout")[0],
        Veldfout::new("inwoner", DomeinFout::VorderingZonderPartij)
    );
    assert_eq!(Record::Contract(contract()).valideer(), Ok(()));
}

#[test]
fn domeinfouten_lezen_goed() {
    assert_eq!(
        DomeinFout::Verplicht.to_string(),
        "is verplicht maar ontbreekt"
    );
    assert_eq!(
        DomeinFout::Datum("2024-02-30".into()).to_string(),
        "'2024-02-30' is geen geldige datum (verwacht jjjj-mm-dd)"
    );
    assert_eq!(
        DomeinFout::NietInLijst {
            waarde: "baas".into(),
            toegestaan: Rol::codes_tekst()
        }
        .to_string(),
        "'baas' is geen toegestane waarde; kies uit 'intaker', 'wijkcoach', 'schuldspecialist', 'gezinscoach', \
         'procesmanager', 'teamleider' of 'beheerder'"
    );
    assert_eq!(
        DomeinFout::Bsn(wijkregister::domain::Bsn::parse("123456789").expect_err("11-proef"))
            .to_string(),
        "ongeldig BSN: dit nummer voldoet niet aan de 11-proef; controleer op een tikfout"
    );
    assert_eq!(
        DomeinFout::AfwegingOnvolledig.to_string(),
        "de afweging heeft vier antwoorden of geen; er ontbreekt er een"
    );
}

#[test]
fn looptijden() {
    let mut c = contract();
    c.tot = Some(d(2024, 12, 31));
    assert!(c.actief_op(d(2024, 1, 1)) && c.actief_op(d(2024, 12, 31)));
    assert!(!c.actief_op(d(2023, 12, 31)) && !c.actief_op(d(2025, 1, 1)));
    let mut t = toekenning();
    t.eind = Some(d(2024, 6, 30));
    assert!(!t.lopend_op(d(2024, 3, 14)));
    assert!(t.lopend_op(d(2024, 3, 15)) && t.lopend_op(d(2024, 6, 30)));
    assert!(!t.lopend_op(d(2024, 7, 1)));
    t.uitkomst = BesluitUitkomst::Afgewezen;
    assert!(!t.lopend_op(d(2024, 4, 1)));
}

#[test]
fn stuurtekens_worden_geweigerd_regelovergang_alleen_in_lange_tekst() {
    use wijkregister::domain::records::controleer_tekens;
    assert_eq!(controleer_tekens("Jan de Vries-Ünal", false), Ok(()));
    assert_eq!(
        controleer_tekens("Jan\u{0}", false),
        Err(DomeinFout::Stuurteken {
            code: 0,
            positie: 4
        })
    );
    assert_eq!(
        controleer_tekens("regel 1\nregel 2\tx", false).map_err(|f| f.to_string()),
        Err(
            "bevat een onzichtbaar stuurteken (U+000A) op positie 8; zulke tekens horen niet in een tekst"
                .to_owned()
        )
    );
    assert_eq!(controleer_tekens("regel 1\r\nregel 2\tx", true), Ok(()));
    assert!(controleer_tekens("escape \u{1b}[0m", true).is_err());
    assert!(controleer_tekens("C1 \u{85}", true).is_err());
    assert!(controleer_tekens("del \u{7f}", true).is_err());

    let mut w = Wijkteam {
        id: "WT-1".into(),
        naam: "Oost\u{0}".into(),
    };
    assert_eq!(
        teksten(w.valideer()),
        vec![
            "veld 'naam': bevat een onzichtbaar stuurteken (U+0000) op positie 5; zulke tekens horen niet in een tekst"
        ]
    );
    w.naam = "Oost".into();
    assert_eq!(w.valideer(), Ok(()));
}

#[test]
fn geboortedatum_na_vandaag_wordt_geweigerd() {
    let inwoner = Inwoner {
        id: "I-1".into(),
        bsn: None,
        voornaam: "Toekomst".into(),
        achternaam: "Jansen".into(),
        geboortedatum: d(2026, 11, 27),
        geslacht: None,
        huishouden: "H-1".into(),
        wijkteam: None,
        woonplaats: "Almelo".into(),
    };
    assert_eq!(inwoner.valideer(), Ok(()), "zonder vandaag geen datumregel");
    assert_eq!(
        teksten(Record::Inwoner(inwoner.clone()).valideer_op(d(2026, 11, 26))),
        vec!["veld 'geboortedatum': 27-11-2026 ligt in de toekomst; dat kan niet"]
    );
    assert_eq!(
        inwoner.valideer_op(d(2026, 11, 27)),
        Ok(()),
        "vandaag geboren mag"
    );
}

/// The forms go through the same rules: a new resident with a control
/// character in a name and a melding whose question holds one are refused
/// by the store, naming the field.
#[test]
fn formulieren_weigeren_stuurtekens_met_dezelfde_regel() {
    use crate::steun::klantreis::{INTAKER, h, melding, register};
    use wijkregister::store::StoreFout;
    use wijkregister::store::klantreis::{self as kr, NieuweInwoner};
    let conn = register();
    let fout = kr::inwoner_toevoegen(
        &conn,
        h(INTAKER),
        &NieuweInwoner {
            voornaam: "Pi\u{0}et".into(),
            achternaam: "Jansen".into(),
            geboortedatum: "01-01-1980".into(),
            woonplaats: "Almelo".into(),
            ..NieuweInwoner::default()
        },
        d(2026, 11, 26),
    )
    .expect_err("stuurteken");
    let StoreFout::Validatie(v) = fout else {
        panic!("verwacht een validatiefout: {fout}")
    };
    assert_eq!(
        v.iter().map(ToString::to_string).collect::<Vec<_>>(),
        vec![
            "veld 'voornaam': bevat een onzichtbaar stuurteken (U+0000) op positie 3; zulke tekens horen niet in een tekst"
        ]
    );

    let mut nieuw = melding("I-MIRIAM", d(2026, 11, 20), Some(Wet::Wmo));
    nieuw.vraag = "Hulp\u{1b}[2J nodig\nmet twee regels".into();
    let fout = kr::melding_toevoegen(&conn, h(INTAKER), &nieuw).expect_err("stuurteken");
    assert!(
        fout.to_string()
            .contains("veld 'vraag': bevat een onzichtbaar stuurteken (U+001B) op positie 5"),
        "{fout}"
    );
    nieuw.vraag = "Hulp nodig\nmet twee regels".into();
    kr::melding_toevoegen(&conn, h(INTAKER), &nieuw).expect("een regelovergang mag");
}

#[test]
fn afwegingsladder_weigert_stuurtekens_in_een_toelichting() {
    use wijkregister::domain::klantreis::{Trede, TredeSoort};
    let mut l = crate::steun::klantreis::ladder(&[false, false, false, false]);
    assert_eq!(l.valideer(), Ok(()));
    l.zet(
        TredeSoort::Netwerk,
        Trede::beantwoord(false, "Dochter\u{7}woont ver weg"),
    );
    let fouten = l.valideer().expect_err("stuurteken");
    assert_eq!(fouten.len(), 1, "{fouten:?}");
    assert!(
        fouten[0]
            .to_string()
            .contains("stuurteken (U+0007) op positie 8"),
        "{}",
        fouten[0]
    );
    l.zet(
        TredeSoort::Netwerk,
        Trede::beantwoord(false, "Dochter woont ver weg;\nburen helpen niet"),
    );
    assert_eq!(l.valideer(), Ok(()));
}
