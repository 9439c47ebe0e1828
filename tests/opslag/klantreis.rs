//! The klantreis at the store level: new residents and meldingen, steps and
//! corrections, the afwegingsladder, verwijzingen, besluiten, op- en
//! afschalen, and the casus stories Miriam (AP 6.2.1) and meneer Hansen
//! (AP ch. 5).

#![allow(clippy::expect_used, clippy::panic, reason = "a test fails loudly")]

use crate::steun::d;
use crate::steun::klantreis::{INTAKER, SCHULD, WIJKCOACH, h, ladder, melding, register, tel};
use chrono::NaiveDate;
use rusqlite::Connection;
use wijkregister::domain::klantreis::{Leefgebied, Stap};
use wijkregister::domain::{
    BesluitUitkomst, Bron, Bsn, Leveringsvorm, MeldingUitkomst, RedenEinde, VerwijzingStatus,
    VoorzieningSoort, Wet,
};
use wijkregister::store::StoreFout;
use wijkregister::store::audit::{AuditFilter, lees};
use wijkregister::store::klantreis::{
    self as kr, DubbelReden, NieuwBesluit, NieuweInwoner, NieuweStap, StapCorrectie,
};

fn stap(stap: Stap, datum: NaiveDate, medewerker: &str, notitie: &str) -> NieuweStap {
    NieuweStap {
        stap,
        datum,
        medewerker: medewerker.into(),
        notitie: notitie.into(),
        uitkomst: None,
    }
}

/// Gesprek and analyse, so the afweging can follow.
fn gesprek_en_analyse(conn: &Connection, melding: &str, gesprek: NaiveDate, analyse: NaiveDate) {
    kr::stap_vastleggen(
        conn,
        h(INTAKER),
        melding,
        &stap(Stap::Gesprek, gesprek, INTAKER, "keukentafel"),
    )
    .expect("gesprek");
    kr::stap_vastleggen(
        conn,
        h(INTAKER),
        melding,
        &stap(Stap::Analyse, analyse, INTAKER, "analyse"),
    )
    .expect("analyse");
}

fn besluit(melding: &str, voorziening: &str, datum: NaiveDate) -> NieuwBesluit {
    NieuwBesluit {
        melding: melding.into(),
        voorziening: voorziening.into(),
        aanbieder: Some("A-ZORG".into()),
        contract: None,
        aanvraag: None,
        besluit: datum,
        uitkomst: BesluitUitkomst::Toegekend,
        reden_afwijzing: None,
        start: None,
        eind: Some(d(2027, 6, 30)),
        leveringsvorm: Leveringsvorm::Natura,
        volume: Some(3.0),
        volume_eenheid: Some("uur per week".into()),
        doorbraak: false,
        maatwerkcontract_bevestigd: false,
        notitie: "besluit".into(),
    }
}

fn validatie(fout: StoreFout) -> Vec<(String, String)> {
    match fout {
        StoreFout::Validatie(v) => v
            .into_iter()
            .map(|f| (f.veld.to_owned(), f.fout.to_string()))
            .collect(),
        ander => panic!("verwacht een validatiefout, kreeg {ander}"),
    }
}

fn stappen(conn: &Connection, melding: &str) -> Vec<Stap> {
    kr::stappen(conn, melding)
        .expect("stappen")
        .into_iter()
        .map(|s| s.stap)
        .collect()
}

#[test]
fn miriam_huisarts_verwijzingen_en_begeleiding() {
    let conn = register();
    // The huisarts signals, with Miriam's consent.
    let mut m = melding("I-MIRIAM", d(2026, 3, 2), Some(Wet::Wmo));
    m.bron = Bron::Huisarts;
    m.vraag =
        "Ik ben alleen sinds mijn ouders er niet meer zijn en de post stapelt zich op.".into();
    m.leefgebieden = vec![
        Leefgebied::SociaalNetwerk,
        Leefgebied::Financien,
        Leefgebied::Zelfzorg,
    ];
    let id = kr::melding_toevoegen(&conn, h(INTAKER), &m).expect("melding");
    assert_eq!(id, "M-000001");
    gesprek_en_analyse(&conn, &id, d(2026, 3, 5), d(2026, 3, 9));
    // Matched care for her law and life domains: algemene voorzieningen first.
    let passend: Vec<String> = kr::passende_voorzieningen_voor_melding(&conn, &id, d(2026, 3, 9))
        .expect("passend")
        .into_iter()
        .map(|v| v.id)
        .collect();
    assert_eq!(
        passend,
        vec!["V-WIJKKAMER", "V-WLZ", "V-BEGELEIDING", "V-DAGBESTEDING"]
    );
    // The full ladder: nothing solves the need for individuele begeleiding.
    kr::afweging_opslaan(
        &conn,
        h(WIJKCOACH),
        &id,
        d(2026, 3, 12),
        &ladder(&[false, false, false, false]),
    )
    .expect("afweging");
    // Wijkkamer (algemene voorziening) and a schuldspecialist, alongside.
    let wijkkamer = kr::verwijzing_maken(
        &conn,
        h(INTAKER),
        &id,
        "V-WIJKKAMER",
        d(2026, 3, 12),
        "meegenomen",
    )
    .expect("wijkkamer");
    let schuld = kr::verwijzing_maken(
        &conn,
        h(INTAKER),
        &id,
        "V-SCHULD",
        d(2026, 3, 12),
        "schuldspecialist",
    )
    .expect("schuld");
    kr::aanvraag_registreren(&conn, h(WIJKCOACH), &id, d(2026, 3, 13)).expect("aanvraag");
    let t = kr::besluit_nemen(
        &conn,
        h(WIJKCOACH),
        &besluit(&id, "V-BEGELEIDING", d(2026, 3, 20)),
    )
    .expect("besluit");
    kr::verwijzing_bijwerken(
        &conn,
        h(INTAKER),
        &wijkkamer,
        VerwijzingStatus::Gestart,
        None,
        None,
    )
    .expect("gestart");
    kr::verwijzing_bijwerken(
        &conn,
        h(SCHULD),
        &schuld,
        VerwijzingStatus::Afgerond,
        Some(d(2026, 6, 1)),
        Some(true),
    )
    .expect("afgerond");

    let kern = kr::melding(&conn, &id).expect("kern");
    assert_eq!(kern.vraag.as_deref(), Some(m.vraag.as_str()));
    assert_eq!(
        kern.leefgebieden,
        vec![
            Leefgebied::Financien,
            Leefgebied::Zelfzorg,
            Leefgebied::SociaalNetwerk
        ]
    );
    assert_eq!(kern.aanvraag, Some(d(2026, 3, 13)));
    let gesprek: String = conn
        .query_row("SELECT gesprek FROM melding WHERE id = ?1", [&id], |r| {
            r.get(0)
        })
        .expect("g");
    assert_eq!(gesprek, "2026-03-05");
    assert_eq!(
        stappen(&conn, &id),
        vec![
            Stap::Melding,
            Stap::Gesprek,
            Stap::Analyse,
            Stap::Afweging,
            Stap::Verwijzing,
            Stap::Verwijzing,
            Stap::AanvraagBesluit
        ]
    );
    let rij = kr::toekenning(&conn, &t).expect("toekenning");
    let tk = &rij.toekenning;
    assert_eq!(tk.inwoner, "I-MIRIAM");
    assert_eq!(tk.voorziening, "V-BEGELEIDING");
    assert_eq!(tk.aanbieder.as_deref(), Some("A-ZORG"));
    assert_eq!(
        tk.contract.as_deref(),
        Some("C-ZORG-WMO"),
        "the active raamcontract is taken"
    );
    assert_eq!(tk.aanvraag, Some(d(2026, 3, 13)));
    assert_eq!(tk.uitkomst, BesluitUitkomst::Toegekend);
    assert_eq!(tk.start, None, "waits until delivery starts");
    let afweging = tk.afweging.as_ref().expect("afweging");
    assert!(
        afweging.algemene_voorziening.starts_with("lost niet op"),
        "{}",
        afweging.algemene_voorziening
    );
    assert_eq!(rij.volume, Some(3.0));
    assert_eq!(rij.volume_eenheid.as_deref(), Some("uur per week"));
    assert_eq!(tel(&conn, "verwijzing", "melding = 'M-000001'"), 2);
    assert_eq!(
        tel(
            &conn,
            "verwijzing",
            "id = 'VW-000002' AND status = 'afgerond' AND opgelost = 1"
        ),
        1
    );
    // Delivery starts; the melding closes with the outcome maatwerk.
    kr::levering_gestart(&conn, h(WIJKCOACH), &t, d(2026, 4, 1)).expect("start");
    kr::stap_vastleggen(
        &conn,
        h(WIJKCOACH),
        &id,
        &NieuweStap {
            uitkomst: Some(MeldingUitkomst::Maatwerk),
            ..stap(Stap::Afsluiting, d(2026, 4, 1), WIJKCOACH, "plan loopt")
        },
    )
    .expect("afsluiten");
    assert_eq!(
        kr::melding(&conn, &id).expect("k").uitkomst,
        Some(MeldingUitkomst::Maatwerk)
    );
    assert_eq!(
        kr::toekenning(&conn, &t).expect("t").toekenning.start,
        Some(d(2026, 4, 1))
    );
    // The audit log names the melding, not the person.
    let audit = lees(
        &conn,
        &AuditFilter {
            object: Some(format!("melding:{id}")),
            ..AuditFilter::default()
        },
        100,
    )
    .expect("audit");
    assert!(
        audit
            .iter()
            .any(|r| r.actie == "besluit" && r.actor == WIJKCOACH)
    );
    assert!(
        audit
            .iter()
            .all(|r| !r.details.clone().unwrap_or_default().contains("Miriam"))
    );
}

#[test]
fn hansen_wijkkamer_in_plaats_van_dagbesteding() {
    let conn = register();
    let mut m = melding("I-HANSEN", d(2026, 4, 7), Some(Wet::Wmo));
    m.gevraagde_voorziening = Some("V-DAGBESTEDING".into());
    m.leefgebieden = vec![Leefgebied::SociaalNetwerk, Leefgebied::WerkDagbesteding];
    let id = kr::melding_toevoegen(&conn, h(INTAKER), &m).expect("melding");
    gesprek_en_analyse(&conn, &id, d(2026, 4, 9), d(2026, 4, 9));
    let l = ladder(&[false, false, true]);
    kr::afweging_opslaan(&conn, h(WIJKCOACH), &id, d(2026, 4, 14), &l).expect("afweging");
    // Maatwerk is not possible: the algemene-voorziening rung solves it.
    let fout = kr::besluit_nemen(
        &conn,
        h(WIJKCOACH),
        &besluit(&id, "V-DAGBESTEDING", d(2026, 4, 14)),
    )
    .expect_err("geen maatwerk");
    let v = validatie(fout);
    assert_eq!(v[0].0, "afweging.algemene_voorziening");
    assert!(
        v[0].1.contains("'algemene voorziening' lost de vraag op"),
        "{v:?}"
    );
    // Without a provision the app asks for one.
    let fout = kr::afronden_volgens_ladder(&conn, h(WIJKCOACH), &id, d(2026, 4, 14), None, "")
        .expect_err("kies");
    assert_eq!(validatie(fout)[0].0, "voorziening");
    // A maatwerk provision is no algemene voorziening.
    let fout = kr::afronden_volgens_ladder(
        &conn,
        h(WIJKCOACH),
        &id,
        d(2026, 4, 14),
        Some("V-DAGBESTEDING"),
        "",
    )
    .expect_err("soort");
    assert!(
        validatie(fout)[0]
            .1
            .contains("hier hoort een Algemene voorziening")
    );
    let vw = kr::afronden_volgens_ladder(
        &conn,
        h(WIJKCOACH),
        &id,
        d(2026, 4, 14),
        Some("V-WIJKKAMER"),
        "Wijkkamer",
    )
    .expect("afronden")
    .expect("verwijzing");
    assert_eq!(
        tel(
            &conn,
            "verwijzing",
            &format!("id = '{vw}' AND voorziening = 'V-WIJKKAMER'")
        ),
        1
    );
    assert_eq!(tel(&conn, "toekenning", "1"), 0, "no toekenning stored");
    let kern = kr::melding(&conn, &id).expect("kern");
    assert_eq!(kern.afgesloten, Some(d(2026, 4, 14)));
    assert_eq!(kern.uitkomst, Some(MeldingUitkomst::AlgemeneVoorziening));
    assert_eq!(stappen(&conn, &id).last(), Some(&Stap::Afsluiting));
    assert!(kr::nog_te_doen(&conn, &id).expect("todo").is_empty());
}

#[test]
fn eigen_kracht_sluit_de_melding() {
    let conn = register();
    let id = kr::melding_toevoegen(
        &conn,
        h(INTAKER),
        &melding("I-HANSEN", d(2026, 4, 7), Some(Wet::Wmo)),
    )
    .expect("m");
    gesprek_en_analyse(&conn, &id, d(2026, 4, 8), d(2026, 4, 8));
    kr::afweging_opslaan(&conn, h(INTAKER), &id, d(2026, 4, 8), &ladder(&[true]))
        .expect("afweging");
    assert_eq!(
        kr::afronden_volgens_ladder(&conn, h(INTAKER), &id, d(2026, 4, 9), None, "").expect("af"),
        None
    );
    assert_eq!(
        kr::melding(&conn, &id).expect("k").uitkomst,
        Some(MeldingUitkomst::EigenKracht)
    );
}

#[test]
fn maatwerk_geweigerd_met_drie_van_vier_treden() {
    let conn = register();
    let id = kr::melding_toevoegen(
        &conn,
        h(INTAKER),
        &melding("I-MIRIAM", d(2026, 3, 2), Some(Wet::Wmo)),
    )
    .expect("m");
    gesprek_en_analyse(&conn, &id, d(2026, 3, 3), d(2026, 3, 4));
    kr::afweging_opslaan(
        &conn,
        h(WIJKCOACH),
        &id,
        d(2026, 3, 5),
        &ladder(&[false, false, false]),
    )
    .expect("drie");
    let fout = kr::besluit_nemen(
        &conn,
        h(WIJKCOACH),
        &besluit(&id, "V-BEGELEIDING", d(2026, 3, 6)),
    )
    .expect_err("3/4");
    let v = validatie(fout);
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].0, "afweging.voorliggende_voorziening");
    assert!(
        v[0].1
            .contains("'voorliggende voorziening' is niet beantwoord"),
        "{v:?}"
    );
    assert_eq!(tel(&conn, "toekenning", "1"), 0);
    // The fourth answer unlocks the decision.
    kr::afweging_opslaan(
        &conn,
        h(WIJKCOACH),
        &id,
        d(2026, 3, 5),
        &ladder(&[false; 4]),
    )
    .expect("vier");
    kr::besluit_nemen(
        &conn,
        h(WIJKCOACH),
        &besluit(&id, "V-BEGELEIDING", d(2026, 3, 6)),
    )
    .expect("besluit");
    // A ladder out of order is refused.
    let mut gat = ladder(&[false, false, false, false]);
    gat.treden[1].lost_op = None;
    let fout =
        kr::afweging_opslaan(&conn, h(WIJKCOACH), &id, d(2026, 3, 5), &gat).expect_err("gat");
    assert!(
        validatie(fout)
            .iter()
            .any(|(_, t)| t.contains("op volgorde"))
    );
}

#[test]
fn besluit_controleert_soort_en_contract() {
    let conn = register();
    let id = kr::melding_toevoegen(
        &conn,
        h(INTAKER),
        &melding("I-MIRIAM", d(2026, 3, 2), Some(Wet::Wmo)),
    )
    .expect("m");
    gesprek_en_analyse(&conn, &id, d(2026, 3, 3), d(2026, 3, 4));
    kr::afweging_opslaan(
        &conn,
        h(WIJKCOACH),
        &id,
        d(2026, 3, 5),
        &ladder(&[false; 4]),
    )
    .expect("ladder");
    // Not maatwerk.
    let fout = kr::besluit_nemen(
        &conn,
        h(WIJKCOACH),
        &besluit(&id, "V-WIJKKAMER", d(2026, 3, 6)),
    )
    .expect_err("alg");
    assert!(
        validatie(fout)[0]
            .1
            .contains("hier hoort een Maatwerkvoorziening")
    );
    // A Jeugdwet contract for a Wmo provision.
    let mut b = besluit(&id, "V-BEGELEIDING", d(2026, 3, 6));
    b.contract = Some("C-ZORG-JW".into());
    let v = validatie(kr::besluit_nemen(&conn, h(WIJKCOACH), &b).expect_err("wet"));
    assert!(
        v.iter()
            .any(|(veld, t)| veld == "contract" && t.contains("Wmo 2015")),
        "{v:?}"
    );
    // A provider without contract needs an explicit maatwerkcontract.
    let mut b = besluit(&id, "V-BEGELEIDING", d(2026, 3, 6));
    b.aanbieder = Some("A-NIEUW".into());
    let v = validatie(kr::besluit_nemen(&conn, h(WIJKCOACH), &b).expect_err("geen contract"));
    assert!(
        v[0].1.contains("bevestig dat er een maatwerkcontract komt"),
        "{v:?}"
    );
    b.maatwerkcontract_bevestigd = true;
    let t = kr::besluit_nemen(&conn, h(WIJKCOACH), &b).expect("bevestigd");
    assert_eq!(
        kr::toekenning(&conn, &t).expect("t").toekenning.contract,
        None
    );
}

#[test]
fn afwijzing_heeft_reden_en_geen_levering() {
    let conn = register();
    let id = kr::melding_toevoegen(
        &conn,
        h(INTAKER),
        &melding("I-HANSEN", d(2026, 3, 2), Some(Wet::Wmo)),
    )
    .expect("m");
    gesprek_en_analyse(&conn, &id, d(2026, 3, 3), d(2026, 3, 4));
    kr::afweging_opslaan(
        &conn,
        h(WIJKCOACH),
        &id,
        d(2026, 3, 5),
        &ladder(&[false; 4]),
    )
    .expect("ladder");
    let mut b = besluit(&id, "V-DAGBESTEDING", d(2026, 3, 6));
    b.uitkomst = BesluitUitkomst::Afgewezen;
    b.eind = None;
    b.volume = None;
    b.volume_eenheid = None;
    let v = validatie(kr::besluit_nemen(&conn, h(WIJKCOACH), &b).expect_err("zonder reden"));
    assert_eq!(v[0].0, "reden_afwijzing");
    b.start = Some(d(2026, 3, 10));
    b.reden_afwijzing = Some("geen specifieke zorg nodig".into());
    let v = validatie(kr::besluit_nemen(&conn, h(WIJKCOACH), &b).expect_err("met start"));
    assert!(v.iter().any(|(veld, _)| veld == "start"), "{v:?}");
    b.start = None;
    let t = kr::besluit_nemen(&conn, h(WIJKCOACH), &b).expect("afgewezen");
    let rij = kr::toekenning(&conn, &t).expect("t");
    assert_eq!(rij.toekenning.uitkomst, BesluitUitkomst::Afgewezen);
    assert_eq!((rij.toekenning.start, rij.toekenning.eind), (None, None));
    assert_eq!(
        rij.reden_afwijzing.as_deref(),
        Some("geen specifieke zorg nodig")
    );
    kr::stap_vastleggen(
        &conn,
        h(WIJKCOACH),
        &id,
        &NieuweStap {
            uitkomst: Some(MeldingUitkomst::GeenOndersteuning),
            ..stap(Stap::Afsluiting, d(2026, 3, 7), WIJKCOACH, "")
        },
    )
    .expect("afsluiten");
}

/// A melding with a running toekenning T-000001 that started on 2026-04-01.
fn met_lopende_toekenning(conn: &Connection) -> String {
    let id = kr::melding_toevoegen(
        conn,
        h(INTAKER),
        &melding("I-MIRIAM", d(2026, 3, 2), Some(Wet::Wmo)),
    )
    .expect("m");
    gesprek_en_analyse(conn, &id, d(2026, 3, 3), d(2026, 3, 4));
    kr::afweging_opslaan(conn, h(WIJKCOACH), &id, d(2026, 3, 5), &ladder(&[false; 4]))
        .expect("ladder");
    let t = kr::besluit_nemen(
        conn,
        h(WIJKCOACH),
        &besluit(&id, "V-BEGELEIDING", d(2026, 3, 6)),
    )
    .expect("besluit");
    kr::levering_gestart(conn, h(WIJKCOACH), &t, d(2026, 4, 1)).expect("start");
    id
}

#[test]
fn op_en_afschalen_koppelt_oud_en_nieuw() {
    let conn = register();
    let id = met_lopende_toekenning(&conn);
    let mut nieuw = besluit(&id, "V-BEGELEIDING", d(2026, 6, 10));
    nieuw.volume = Some(5.0);
    let t2 = kr::herbeoordelen(&conn, h(WIJKCOACH), "T-000001", d(2026, 6, 15), &nieuw)
        .expect("opschalen");
    let oud = kr::toekenning(&conn, "T-000001").expect("oud");
    assert_eq!(oud.toekenning.eind, Some(d(2026, 6, 15)));
    assert_eq!(oud.toekenning.reden_einde, Some(RedenEinde::Herbeoordeling));
    let nieuw_rij = kr::toekenning(&conn, &t2).expect("nieuw");
    assert_eq!(nieuw_rij.toekenning.start, Some(d(2026, 6, 15)));
    assert_eq!(nieuw_rij.vorige.as_deref(), Some("T-000001"));
    assert_eq!(nieuw_rij.volume, Some(5.0));
    // After the melding closed with maatwerk, scaling down still works.
    kr::stap_vastleggen(
        &conn,
        h(WIJKCOACH),
        &id,
        &NieuweStap {
            uitkomst: Some(MeldingUitkomst::Maatwerk),
            ..stap(Stap::Afsluiting, d(2026, 6, 15), WIJKCOACH, "")
        },
    )
    .expect("afsluiten");
    let mut af = besluit(&id, "V-BEGELEIDING", d(2026, 9, 1));
    af.volume = Some(1.5);
    let t3 = kr::herbeoordelen(&conn, h(WIJKCOACH), &t2, d(2026, 9, 7), &af).expect("afschalen");
    assert_eq!(
        kr::toekenning(&conn, &t3).expect("t3").vorige.as_deref(),
        Some(t2.as_str())
    );
    // A decision for another resident cannot replace this one.
    let ander = kr::melding_toevoegen(
        &conn,
        h(INTAKER),
        &melding("I-HANSEN", d(2026, 9, 1), Some(Wet::Wmo)),
    )
    .expect("ander");
    let fout = kr::herbeoordelen(
        &conn,
        h(WIJKCOACH),
        &t3,
        d(2026, 9, 10),
        &besluit(&ander, "V-BEGELEIDING", d(2026, 9, 9)),
    )
    .expect_err("andere inwoner");
    assert_eq!(validatie(fout)[0].0, "melding");
    // The ended one cannot be reassessed again.
    let fout = kr::herbeoordelen(&conn, h(WIJKCOACH), "T-000001", d(2026, 6, 20), &nieuw)
        .expect_err("al geeindigd");
    assert!(validatie(fout)[0].1.contains("loopt niet"));
}

#[test]
fn op_en_afschalen_alles_of_niets() {
    let conn = register();
    let id = met_lopende_toekenning(&conn);
    let mut nieuw = besluit(&id, "V-BEGELEIDING", d(2026, 6, 10));
    nieuw.contract = Some("C-ZORG-JW".into()); // wrong law: the new decision fails
    kr::herbeoordelen(&conn, h(WIJKCOACH), "T-000001", d(2026, 6, 15), &nieuw).expect_err("faalt");
    let oud = kr::toekenning(&conn, "T-000001").expect("oud");
    assert_eq!(
        oud.toekenning.eind,
        Some(d(2027, 6, 30)),
        "the old one is untouched"
    );
    assert_eq!(oud.toekenning.reden_einde, None);
    assert_eq!(tel(&conn, "toekenning", "1"), 1);
}

#[test]
fn beeindigen_vraagt_reden() {
    let conn = register();
    met_lopende_toekenning(&conn);
    let fout = kr::toekenning_beeindigen(&conn, h(WIJKCOACH), "T-000001", d(2026, 9, 1), None)
        .expect_err("reden");
    assert_eq!(validatie(fout)[0].0, "reden_einde");
    let fout = kr::toekenning_beeindigen(
        &conn,
        h(WIJKCOACH),
        "T-000001",
        d(2026, 3, 1),
        Some(RedenEinde::Verhuizing),
    )
    .expect_err("voor start");
    assert_eq!(validatie(fout)[0].0, "eind");
    kr::toekenning_beeindigen(
        &conn,
        h(WIJKCOACH),
        "T-000001",
        d(2026, 9, 1),
        Some(RedenEinde::VolgensPlan),
    )
    .expect("beeindigd");
    let t = kr::toekenning(&conn, "T-000001").expect("t").toekenning;
    assert_eq!(
        (t.eind, t.reden_einde),
        (Some(d(2026, 9, 1)), Some(RedenEinde::VolgensPlan))
    );
}

#[test]
fn stapvolgorde_datum_en_correctie_gelogd() {
    let conn = register();
    let id = kr::melding_toevoegen(
        &conn,
        h(INTAKER),
        &melding("I-MIRIAM", d(2026, 3, 10), Some(Wet::Wmo)),
    )
    .expect("m");
    // Before the melding's date.
    let v = validatie(
        kr::stap_vastleggen(
            &conn,
            h(INTAKER),
            &id,
            &stap(Stap::Gesprek, d(2026, 3, 9), INTAKER, ""),
        )
        .expect_err("datum"),
    );
    assert_eq!(v[0].0, "datum");
    assert!(
        v[0].1
            .contains("ligt vóór die van de vorige stap 'Melding'"),
        "{v:?}"
    );
    // Skipping the analyse.
    kr::stap_vastleggen(
        &conn,
        h(INTAKER),
        &id,
        &stap(Stap::Gesprek, d(2026, 3, 12), INTAKER, "thuis"),
    )
    .expect("g");
    let v = validatie(
        kr::stap_vastleggen(
            &conn,
            h(INTAKER),
            &id,
            &stap(Stap::Afweging, d(2026, 3, 13), INTAKER, ""),
        )
        .expect_err("skip"),
    );
    assert_eq!(v[0].0, "stap");
    let analyse = kr::stap_vastleggen(
        &conn,
        h(INTAKER),
        &id,
        &stap(Stap::Analyse, d(2026, 3, 16), INTAKER, "eerste"),
    )
    .expect("a");
    assert_eq!(
        kr::nog_te_doen(&conn, &id).expect("todo"),
        vec![Stap::Afweging, Stap::Ingetrokken]
    );
    // Correct the gesprek: not after the analyse, but the 13th is fine.
    let gesprek = kr::stappen(&conn, &id).expect("s")[1].id;
    let fout = kr::stap_corrigeren(
        &conn,
        h(WIJKCOACH),
        gesprek,
        &StapCorrectie {
            datum: d(2026, 3, 17),
            medewerker: INTAKER.into(),
            notitie: "thuis".into(),
        },
    )
    .expect_err("na analyse");
    assert!(
        validatie(fout)[0]
            .1
            .contains("na die van de volgende stap 'Analyse'")
    );
    kr::stap_corrigeren(
        &conn,
        h(WIJKCOACH),
        gesprek,
        &StapCorrectie {
            datum: d(2026, 3, 13),
            medewerker: WIJKCOACH.into(),
            notitie: "thuis, met zus".into(),
        },
    )
    .expect("correctie");
    let rij = &kr::stappen(&conn, &id).expect("s")[1];
    assert_eq!(
        (rij.datum, rij.medewerker.as_str()),
        (d(2026, 3, 13), WIJKCOACH)
    );
    let c = kr::correcties(&conn, gesprek).expect("c");
    assert_eq!(c.len(), 1);
    assert_eq!(
        (c[0].oude_datum, c[0].nieuwe_datum),
        (d(2026, 3, 12), d(2026, 3, 13))
    );
    assert_eq!(
        (c[0].oude_notitie.as_str(), c[0].nieuwe_notitie.as_str()),
        ("thuis", "thuis, met zus")
    );
    assert_eq!(c[0].door, WIJKCOACH);
    let gesprek_kolom: String = conn
        .query_row("SELECT gesprek FROM melding WHERE id = ?1", [&id], |r| {
            r.get(0)
        })
        .expect("g");
    assert_eq!(
        gesprek_kolom, "2026-03-13",
        "the exchange column follows the correction"
    );
    let audit = lees(
        &conn,
        &AuditFilter {
            object: Some(format!("melding:{id}")),
            ..AuditFilter::default()
        },
        100,
    )
    .expect("audit");
    let regel = audit
        .iter()
        .find(|r| r.actie == "stap-corrigeren")
        .expect("gelogd");
    assert_eq!(regel.actor, WIJKCOACH);
    assert_eq!(
        regel.details.as_deref(),
        Some(format!("stap {gesprek}: datum, medewerker, notitie gewijzigd").as_str())
    );
    assert!(analyse > gesprek);
    // Correcting the melding's own step moves the melding's date.
    let eerste = kr::stappen(&conn, &id).expect("s")[0].id;
    kr::stap_corrigeren(
        &conn,
        h(INTAKER),
        eerste,
        &StapCorrectie {
            datum: d(2026, 3, 11),
            medewerker: INTAKER.into(),
            notitie: String::new(),
        },
    )
    .expect("melding eerder");
    assert_eq!(kr::melding(&conn, &id).expect("k").datum, d(2026, 3, 11));
}

#[test]
fn informatie_en_advies_in_een_scherm() {
    let conn = register();
    let id = kr::melding_informatie_advies(
        &conn,
        h(INTAKER),
        &melding("I-HANSEN", d(2026, 5, 4), None),
        "folder",
    )
    .expect("i&a");
    let kern = kr::melding(&conn, &id).expect("k");
    assert_eq!(kern.afgesloten, Some(d(2026, 5, 4)));
    assert_eq!(kern.uitkomst, Some(MeldingUitkomst::InformatieAdvies));
    assert_eq!(stappen(&conn, &id), vec![Stap::Melding, Stap::Afsluiting]);
    // Closing at once with another outcome is refused, and nothing is stored.
    let id2 = kr::melding_toevoegen(&conn, h(INTAKER), &melding("I-HANSEN", d(2026, 5, 4), None))
        .expect("m");
    let v = validatie(
        kr::stap_vastleggen(
            &conn,
            h(INTAKER),
            &id2,
            &NieuweStap {
                uitkomst: Some(MeldingUitkomst::Maatwerk),
                ..stap(Stap::Afsluiting, d(2026, 5, 4), INTAKER, "")
            },
        )
        .expect_err("geen advies"),
    );
    assert_eq!(v[0].0, "uitkomst");
    assert_eq!(kr::melding(&conn, &id2).expect("k").afgesloten, None);
}

#[test]
fn nieuwe_melding_valideert() {
    let conn = register();
    let mut m = melding("I-ONBEKEND", d(2026, 5, 4), Some(Wet::Wmo));
    m.vraag = "  ".into();
    m.spoed = true;
    let v = validatie(kr::melding_toevoegen(&conn, h(INTAKER), &m).expect_err("fout"));
    let velden: Vec<&str> = v.iter().map(|(veld, _)| veld.as_str()).collect();
    assert_eq!(velden, vec!["vraag", "inwoner", "spoed"]);
    assert_eq!(tel(&conn, "melding", "1"), 0);
    assert_eq!(tel(&conn, "audit", "actie = 'melding-toevoegen'"), 0);
}

#[test]
fn nieuwe_inwoner_bsn_geboortedatum_en_dubbelen() {
    let conn = register();
    let vandaag = d(2026, 11, 26);
    let mut invoer = NieuweInwoner {
        bsn: "123456789".into(),
        voornaam: "Miriam".into(),
        achternaam: "de Vries".into(),
        geboortedatum: "2027-01-01".into(),
        woonplaats: "Almelo".into(),
        ..NieuweInwoner::default()
    };
    let v =
        validatie(kr::inwoner_toevoegen(&conn, h(INTAKER), &invoer, vandaag).expect_err("fout"));
    assert_eq!(
        v.iter().map(|(veld, _)| veld.as_str()).collect::<Vec<_>>(),
        vec!["bsn", "geboortedatum"]
    );
    invoer.bsn = "123456782".into();
    invoer.geboortedatum = "14-03-1976".into();
    // Same last name and date of birth as I-MIRIAM: pointed out before saving.
    let bsn = Bsn::parse("123456782").expect("bsn");
    let dubbel =
        kr::mogelijke_dubbelen(&conn, Some(&bsn), "DE VRIES", d(1976, 3, 14)).expect("dubbel");
    assert_eq!(dubbel.len(), 1);
    assert_eq!(
        (dubbel[0].id.as_str(), dubbel[0].reden),
        ("I-MIRIAM", DubbelReden::NaamEnGeboortedatum)
    );
    let id = kr::inwoner_toevoegen(&conn, h(INTAKER), &invoer, vandaag).expect("toegevoegd");
    assert_eq!(id, "I-000001");
    let dubbel =
        kr::mogelijke_dubbelen(&conn, Some(&bsn), "Anders", d(2000, 1, 1)).expect("dubbel");
    assert_eq!(
        (dubbel[0].id.as_str(), dubbel[0].reden),
        ("I-000001", DubbelReden::Bsn)
    );
    // The same BSN twice is refused.
    invoer.achternaam = "Anders".into();
    let v = validatie(
        kr::inwoner_toevoegen(&conn, h(INTAKER), &invoer, vandaag).expect_err("bsn bekend"),
    );
    assert!(v[0].1.contains("al bekend bij inwoner 'I-000001'"), "{v:?}");
}

#[test]
fn matched_care_algemeen_eerst_met_contracten() {
    let conn = register();
    let lijst = kr::passende_voorzieningen(
        &conn,
        Some(Wet::Wmo),
        &[Leefgebied::SociaalNetwerk],
        d(2026, 6, 1),
    )
    .expect("lijst");
    let ids: Vec<&str> = lijst.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, vec!["V-WIJKKAMER", "V-DAGBESTEDING", "V-BEGELEIDING"]);
    assert_eq!(lijst[0].soort, VoorzieningSoort::Algemeen);
    let begeleiding = &lijst[2];
    assert_eq!(begeleiding.aanbieders.len(), 2);
    let nieuw = begeleiding
        .aanbieders
        .iter()
        .find(|a| a.aanbieder == "A-NIEUW")
        .expect("nieuw");
    assert_eq!(nieuw.actief_contract, None, "needs a maatwerkcontract");
    let zorg = begeleiding
        .aanbieders
        .iter()
        .find(|a| a.aanbieder == "A-ZORG")
        .expect("zorg");
    assert_eq!(zorg.actief_contract.as_deref(), Some("C-ZORG-WMO"));
    // Before the contract starts it is not active.
    let vroeg = kr::passende_voorzieningen(
        &conn,
        Some(Wet::Wmo),
        &[Leefgebied::Zelfzorg],
        d(2025, 12, 31),
    )
    .expect("vroeg");
    let ids: Vec<&str> = vroeg.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, vec!["V-WLZ", "V-BEGELEIDING"]);
    assert!(
        vroeg[1]
            .aanbieders
            .iter()
            .all(|a| a.actief_contract.is_none())
    );
}

#[test]
fn uitkomst_en_eigen_stappen_rusten_op_de_klantreis() {
    let conn = register();
    let id = kr::melding_toevoegen(
        &conn,
        h(INTAKER),
        &melding("I-HANSEN", d(2026, 3, 2), Some(Wet::Wmo)),
    )
    .expect("m");
    gesprek_en_analyse(&conn, &id, d(2026, 3, 3), d(2026, 3, 4));
    kr::afweging_opslaan(
        &conn,
        h(WIJKCOACH),
        &id,
        d(2026, 3, 5),
        &ladder(&[false; 4]),
    )
    .expect("ladder");
    // A besluit step without a besluit is refused.
    let v = validatie(
        kr::stap_vastleggen(
            &conn,
            h(WIJKCOACH),
            &id,
            &stap(Stap::AanvraagBesluit, d(2026, 3, 6), WIJKCOACH, ""),
        )
        .expect_err("eigen handeling"),
    );
    assert_eq!(v[0].0, "stap");
    // Closing with maatwerk or an algemene voorziening needs what it rests on.
    for uitkomst in [
        MeldingUitkomst::Maatwerk,
        MeldingUitkomst::AlgemeneVoorziening,
    ] {
        let v = validatie(
            kr::stap_vastleggen(
                &conn,
                h(WIJKCOACH),
                &id,
                &NieuweStap {
                    uitkomst: Some(uitkomst),
                    ..stap(Stap::Afsluiting, d(2026, 3, 6), WIJKCOACH, "")
                },
            )
            .expect_err("zonder grond"),
        );
        assert!(v[0].1.contains("vraagt een"), "{v:?}");
    }
    assert_eq!(stappen(&conn, &id).last(), Some(&Stap::Afweging));
    assert_eq!(kr::melding(&conn, &id).expect("k").afgesloten, None);
}

#[test]
fn geimporteerde_melding_gaat_verder_in_het_register() {
    let conn = register();
    let tx = rusqlite::Transaction::new_unchecked(&conn, rusqlite::TransactionBehavior::Immediate)
        .expect("tx");
    wijkregister::store::schrijven::voeg_in(
        &tx,
        &wijkregister::domain::Record::Melding(wijkregister::domain::Melding {
            id: "OUD-17".into(),
            inwoner: "I-HANSEN".into(),
            datum: d(2026, 2, 2),
            bron: Bron::Netwerk,
            wet: Some(Wet::Wmo),
            gevraagde_voorziening: None,
            medewerker: Some(INTAKER.into()),
            gesprek: Some(d(2026, 2, 4)),
            onderzoek_klaar: None,
            afgesloten: None,
            uitkomst: None,
        }),
    )
    .expect("import");
    tx.commit().expect("commit");
    let kern = kr::melding(&conn, "OUD-17").expect("kern");
    assert_eq!(
        (kern.vraag, kern.spoed),
        (None, false),
        "new columns are empty for imported data"
    );
    assert_eq!(
        kr::nog_te_doen(&conn, "OUD-17").expect("todo"),
        vec![Stap::Analyse, Stap::Ingetrokken]
    );
    kr::stap_vastleggen(
        &conn,
        h(WIJKCOACH),
        "OUD-17",
        &stap(Stap::Analyse, d(2026, 2, 10), WIJKCOACH, ""),
    )
    .expect("analyse");
    assert_eq!(
        stappen(&conn, "OUD-17"),
        vec![Stap::Melding, Stap::Gesprek, Stap::Analyse]
    );
    assert_eq!(
        kr::stappen(&conn, "OUD-17").expect("s")[0].medewerker,
        INTAKER
    );
    // Generated ids skip ids of other shapes.
    let id = kr::melding_toevoegen(&conn, h(INTAKER), &melding("I-HANSEN", d(2026, 3, 2), None))
        .expect("m");
    assert_eq!(id, "M-000001");
}

/// (#11 c) The store itself refuses a melding or a step whose medewerker
/// field names anyone but who acts, and stores nothing of it: no record, no
/// audit row. A correction may name another worker (who really did the step).
#[test]
fn de_store_weigert_een_handeling_op_andermans_naam() {
    let conn = register();
    let mut m = melding("I-MIRIAM", d(2025, 3, 1), None);
    let id = kr::melding_toevoegen(&conn, h(INTAKER), &m).expect("eigen melding");
    let audit_voor = tel(&conn, "audit", "1");
    let meldingen_voor = tel(&conn, "melding", "1");
    let stappen_voor = tel(&conn, "klantreis_stap", "1");

    m.medewerker = WIJKCOACH.into();
    let fout = kr::melding_toevoegen(&conn, h(INTAKER), &m).expect_err("andermans melding");
    assert!(matches!(fout, StoreFout::GeenToegang(_)), "{fout}");
    assert!(
        fout.to_string().contains(&format!("namens {WIJKCOACH}")),
        "{fout}"
    );

    let fout = kr::stap_vastleggen(
        &conn,
        h(INTAKER),
        &id,
        &stap(
            Stap::Gesprek,
            d(2025, 3, 2),
            WIJKCOACH,
            "op naam van een ander",
        ),
    )
    .expect_err("andermans stap");
    assert!(matches!(fout, StoreFout::GeenToegang(_)), "{fout}");
    assert_eq!(tel(&conn, "melding", "1"), meldingen_voor);
    assert_eq!(tel(&conn, "klantreis_stap", "1"), stappen_voor);
    assert_eq!(tel(&conn, "audit", "1"), audit_voor);

    // In one's own name it is stored; a correction may then name the colleague
    // who really held the conversation, and keeps who corrected it.
    let stap_id = kr::stap_vastleggen(
        &conn,
        h(INTAKER),
        &id,
        &stap(Stap::Gesprek, d(2025, 3, 2), INTAKER, "gesprek"),
    )
    .expect("eigen stap");
    kr::stap_corrigeren(
        &conn,
        h(INTAKER),
        stap_id,
        &StapCorrectie {
            datum: d(2025, 3, 2),
            medewerker: WIJKCOACH.into(),
            notitie: "gesprek, gevoerd door de wijkcoach".into(),
        },
    )
    .expect("correctie");
    let correcties = kr::correcties(&conn, stap_id).expect("correcties");
    assert_eq!(correcties.len(), 1);
    assert_eq!(correcties[0].nieuwe_medewerker, WIJKCOACH);
    assert_eq!(correcties[0].door, INTAKER);
}
