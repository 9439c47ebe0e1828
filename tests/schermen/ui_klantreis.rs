//! The klantreis screens through `egui_kittest`, the way an intaker and a
//! wijkcoach meet them: two casus stories of the actieplan (Miriam, AP
//! 6.2.1; meneer Hansen, AP ch. 5) walked through the real forms, then what
//! the store holds is checked; and the form rules (BSN check, duplicates,
//! the afwegingsladder before a maatwerk decision).

#![allow(clippy::expect_used, reason = "tests may fail loudly")]

use crate::steun::d;
use crate::steun::klantreis::{BEHEERDER, INTAKER, WIJKCOACH, h, register};
use crate::steun::ui::{harness_van, kies, klik, typ, vervang};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use wijkregister::domain::klantreis::{Leefgebied, Stap};
use wijkregister::domain::{BesluitUitkomst, MeldingUitkomst, Voorziening, VoorzieningSoort};
use wijkregister::store::sociale_kaart_beheer::{VoorzieningInvoer, voorziening_toevoegen};
use wijkregister::ui::app::WijkregisterApp;

const KLOK: &str = "2026-11-26T16:45:00+01:00";

fn harness(werk_als: &str) -> Harness<'static, WijkregisterApp> {
    let conn = register();
    // A schuldspecialist of the wijkteam, open to everyone (algemeen, no law).
    voorziening_toevoegen(
        &conn,
        h(BEHEERDER),
        &VoorzieningInvoer {
            voorziening: Voorziening {
                id: "V-SCHULDSPEC".into(),
                naam: "Schuldspecialist wijkteam".into(),
                soort: VoorzieningSoort::Algemeen,
                wet: None,
                categorie: None,
                kenmerken: vec!["schuldspecialist".into()],
            },
            leefgebieden: vec![Leefgebied::Financien],
            aanbieders: Vec::new(),
        },
    )
    .expect("schuldspecialist");
    let mut app = WijkregisterApp::new(conn, d(2026, 11, 26));
    app.werk_als(werk_als);
    app.zet_klok(KLOK);
    let mut h = harness_van(app, 1400.0, 4000.0);
    h.run();
    h
}

/// Opens the resident's dossier and the Nieuwe melding form for them.
fn nieuwe_melding_voor(h: &mut Harness<'static, WijkregisterApp>, naam: &str) {
    klik(h, naam);
    klik(h, "Nieuwe melding");
    h.get_by_label("Nieuwe melding");
}

fn stap(h: &mut Harness<'static, WijkregisterApp>, notitie: &str) {
    typ(h, "Notitie:", notitie);
    klik(h, "Stap opslaan");
}

fn melding_id(h: &Harness<'static, WijkregisterApp>, inwoner: &str) -> String {
    let dossier = h.state().loket().dossier(inwoner).expect("dossier");
    assert_eq!(dossier.meldingen.len(), 1, "één melding verwacht");
    dossier.meldingen[0].id.clone()
}

fn trede(h: &mut Harness<'static, WijkregisterApp>, trede: &str, lost_op: bool, waarom: &str) {
    let keuze = if lost_op {
        "lost het op"
    } else {
        "lost het niet op"
    };
    klik(h, &format!("{trede}: {keuze}"));
    typ(h, &format!("Waarom ({trede}):"), waarom);
}

#[test]
fn miriam_verwijzingen_en_individuele_begeleiding() {
    let mut h = harness(INTAKER);
    nieuwe_melding_voor(&mut h, "Miriam de Vries");
    // The huisarts signals; the intaker writes down the question.
    kies(&mut h, "Bron:", "Huisarts");
    typ(
        &mut h,
        "Vraag (in de woorden van de inwoner):",
        "Ik zit alleen thuis en de rekeningen stapelen zich op.",
    );
    klik(&mut h, "Financiën");
    klik(&mut h, "Sociaal netwerk");
    klik(&mut h, "Zelfzorg (ADL)");
    klik(&mut h, "Melding opslaan (Enter)");

    // The melding screen: the step indicator shows what is next.
    h.get_by_label_contains("Melding van Miriam de Vries");
    h.get_by_label(
        "Volgende stap: het gesprek vastleggen, de melding afsluiten of vastleggen dat de melding is ingetrokken.",
    );
    h.get_by_label_contains("Wettelijke termijn: ");
    stap(&mut h, "Keukentafelgesprek bij Miriam thuis.");
    h.get_by_label("Stap 'Gesprek' opgeslagen.");
    stap(&mut h, "Eenzaam, schulden, weinig structuur.");

    // The wijkcoach walks the afwegingsladder: nothing short of maatwerk
    // solves it. A new worker is a new session: nothing of the intaker's
    // screens stays, so the wijkcoach opens the melding herself.
    h.state_mut().werk_als(WIJKCOACH);
    h.run();
    assert!(h.query_by_label_contains("Melding van Miriam").is_none());
    klik(&mut h, "Miriam de Vries");
    h.get_by_role_and_label(egui::accesskit::Role::Link, "26-11-2026")
        .click();
    h.run();
    h.get_by_label_contains("Melding van Miriam de Vries");
    trede(
        &mut h,
        "eigen kracht",
        false,
        "Miriam overziet haar post niet meer.",
    );
    trede(&mut h, "netwerk", false, "Geen familie in de buurt.");
    trede(
        &mut h,
        "algemene voorziening",
        false,
        "De Wijkkamer helpt tegen eenzaamheid, niet bij structuur.",
    );
    trede(
        &mut h,
        "voorliggende voorziening",
        false,
        "Geen Wlz- of Zvw-aanspraak.",
    );
    klik(&mut h, "Afweging opslaan");
    h.get_by_label("Afweging opgeslagen.");

    // Two referrals: the Wijkkamer and the schuldspecialist.
    klik(&mut h, "Nieuwe verwijzing");
    kies(
        &mut h,
        "Voorziening:",
        "Wijkkamer De Riet (algemene voorziening)",
    );
    klik(&mut h, "Verwijzing opslaan");
    h.get_by_label("Verwijzing opgeslagen.");
    klik(&mut h, "Nieuwe verwijzing");
    kies(
        &mut h,
        "Voorziening:",
        "Schuldspecialist wijkteam (algemene voorziening)",
    );
    klik(&mut h, "Verwijzing opslaan");

    // The maatwerk decision: individuele begeleiding (Wmo, categorie 02).
    klik(&mut h, "Maatwerkbesluit nemen");
    kies(
        &mut h,
        "Voorziening (maatwerk):",
        "Individuele begeleiding (categorie 02)",
    );
    kies(&mut h, "Aanbieder:", "Zorg Twente BV – actief contract");
    h.get_by_label_contains("loopt op");
    // The contract is named as running, not by its internal id.
    assert!(h.query_by_label_contains("C-ZORG-WMO").is_none());
    typ(&mut h, "Start levering (leeg: wachtend):", "01-12-2026");
    typ(&mut h, "Volume:", "3");
    typ(&mut h, "Eenheid (bijv. uur per week):", "uur per week");
    klik(&mut h, "Besluit opslaan");
    h.get_by_label("Besluit opgeslagen.");

    // What is stored.
    let id = melding_id(&h, "I-MIRIAM");
    let register = h.state().loket();
    let dossier = register.dossier("I-MIRIAM").expect("dossier");
    let mut verwezen: Vec<&str> = dossier
        .verwijzingen
        .iter()
        .map(|v| v.voorziening.as_str())
        .collect();
    verwezen.sort_unstable();
    assert_eq!(verwezen, ["Schuldspecialist wijkteam", "Wijkkamer De Riet"]);
    assert_eq!(dossier.toekenningen.len(), 1);
    let t = register
        .toekenning(&dossier.toekenningen[0].id)
        .expect("toekenning");
    assert_eq!(t.toekenning.voorziening, "V-BEGELEIDING");
    assert_eq!(t.toekenning.uitkomst, BesluitUitkomst::Toegekend);
    assert_eq!(t.toekenning.contract.as_deref(), Some("C-ZORG-WMO"));
    assert_eq!(t.toekenning.start, Some(d(2026, 12, 1)));
    assert_eq!(t.volume, Some(3.0));
    assert_eq!(t.volume_eenheid.as_deref(), Some("uur per week"));
    let afweging = t.toekenning.afweging.expect("afweging bij maatwerk");
    assert_eq!(afweging.netwerk, "lost niet op: Geen familie in de buurt.");
    assert_eq!(
        afweging.voorliggende_voorziening,
        "lost niet op: Geen Wlz- of Zvw-aanspraak."
    );
    let kern = register.melding(&id).expect("melding");
    assert_eq!(
        kern.vraag.as_deref(),
        Some("Ik zit alleen thuis en de rekeningen stapelen zich op.")
    );
    assert_eq!(
        kern.leefgebieden,
        [
            Leefgebied::Financien,
            Leefgebied::Zelfzorg,
            Leefgebied::SociaalNetwerk
        ]
    );
    let stappen: Vec<(Stap, String)> = register
        .stappen(&id)
        .expect("stappen")
        .into_iter()
        .map(|s| (s.stap, s.medewerker))
        .collect();
    assert_eq!(
        stappen,
        [
            (Stap::Melding, INTAKER.to_owned()),
            (Stap::Gesprek, INTAKER.to_owned()),
            (Stap::Analyse, INTAKER.to_owned()),
            (Stap::Afweging, WIJKCOACH.to_owned()),
            (Stap::Verwijzing, WIJKCOACH.to_owned()),
            (Stap::Verwijzing, WIJKCOACH.to_owned()),
            (Stap::AanvraagBesluit, WIJKCOACH.to_owned()),
        ]
    );
    let dossier_melding = &dossier.meldingen[0];
    assert_eq!(dossier_melding.bron, wijkregister::domain::Bron::Huisarts);
}

#[test]
fn hansen_wijkkamer_in_plaats_van_dagbesteding() {
    let mut h = harness(INTAKER);
    nieuwe_melding_voor(&mut h, "Henk Hansen");
    kies(
        &mut h,
        "Gevraagde voorziening:",
        "Dagbesteding (maatwerkvoorziening)",
    );
    typ(
        &mut h,
        "Vraag (in de woorden van de inwoner):",
        "Sinds mijn vrouw er niet meer is, zit ik de hele dag thuis. Ik wil naar de dagbesteding.",
    );
    klik(&mut h, "Werk en dagbesteding");
    klik(&mut h, "Sociaal netwerk");
    klik(&mut h, "Melding opslaan (Enter)");
    stap(&mut h, "Gesprek met meneer Hansen.");
    stap(&mut h, "Behoefte aan contact en structuur overdag.");

    trede(
        &mut h,
        "eigen kracht",
        false,
        "Komt uit zichzelf de deur niet uit.",
    );
    trede(&mut h, "netwerk", false, "Kinderen wonen ver weg.");
    // Before the algemene-voorziening rung is answered, the next one is closed.
    trede(
        &mut h,
        "algemene voorziening",
        true,
        "De Wijkkamer biedt koffie, lunch en activiteiten in de wijk.",
    );
    klik(&mut h, "Afweging opslaan");
    h.get_by_label("De trede 'algemene voorziening' lost de vraag op: geen maatwerk nodig.");
    let knop = h.get_by_label("Maatwerkbesluit nemen");
    assert!(
        knop.accesskit_node().is_disabled(),
        "maatwerk hoort uitgeschakeld te zijn als een trede de vraag oplost"
    );
    h.get_by_label_contains("Kan nog niet: de trede 'algemene voorziening' lost de vraag op");
    kies(&mut h, "Verwijzen naar:", "Wijkkamer De Riet");
    klik(
        &mut h,
        "Verwijzen en melding afsluiten (algemene voorziening)",
    );
    h.get_by_label("Melding afgesloten volgens de afwegingsladder.");

    let id = melding_id(&h, "I-HANSEN");
    let register = h.state().loket();
    let kern = register.melding(&id).expect("melding");
    assert_eq!(kern.uitkomst, Some(MeldingUitkomst::AlgemeneVoorziening));
    assert_eq!(kern.afgesloten, Some(d(2026, 11, 26)));
    let dossier = register.dossier("I-HANSEN").expect("dossier");
    assert_eq!(
        dossier.meldingen[0].gevraagde_voorziening.as_deref(),
        Some("Dagbesteding")
    );
    assert_eq!(dossier.verwijzingen.len(), 1);
    assert_eq!(dossier.verwijzingen[0].voorziening, "Wijkkamer De Riet");
    assert!(
        dossier.toekenningen.is_empty(),
        "geen toekenning bij Hansen"
    );
    assert!(register.nog_te_doen(&id).expect("nog te doen").is_empty());

    // Later: meneer Hansen goes to the Wijkkamer and it works.
    klik(&mut h, "Status bijwerken: Wijkkamer De Riet");
    kies(&mut h, "Nieuwe status:", "Afgerond");
    typ(&mut h, "Afgerond op:", "26-11-2026");
    kies(&mut h, "Vraag opgelost:", "ja");
    klik(&mut h, "Status opslaan");
    h.get_by_label("Verwijzing bijgewerkt.");
    let v = &h
        .state()
        .loket()
        .dossier("I-HANSEN")
        .expect("dossier")
        .verwijzingen[0];
    assert_eq!(v.status, wijkregister::domain::VerwijzingStatus::Afgerond);
    assert_eq!(v.opgelost, Some(true));
}

#[test]
fn direct_afsluiten_met_informatie_en_advies() {
    let mut h = harness(INTAKER);
    nieuwe_melding_voor(&mut h, "Jesse Jong");
    kies(&mut h, "Bron:", "School");
    typ(
        &mut h,
        "Vraag (in de woorden van de inwoner):",
        "Waar kan ik terecht voor bijles?",
    );
    klik(&mut h, "Opvoeden en opgroeien");
    kies(&mut h, "Wet:", "Jeugdwet");
    klik(&mut h, "Direct afsluiten met informatie en advies");
    typ(
        &mut h,
        "Gegeven informatie en advies:",
        "Verwezen naar het huiswerkcafé van de bibliotheek.",
    );
    klik(&mut h, "Melding opslaan en afsluiten (Enter)");
    h.get_by_label("Niets meer te doen: de melding is afgesloten.");
    let id = melding_id(&h, "I-JONG");
    let kern = h.state().loket().melding(&id).expect("melding");
    assert_eq!(kern.uitkomst, Some(MeldingUitkomst::InformatieAdvies));
    assert_eq!(kern.afgesloten, Some(d(2026, 11, 26)));
}

#[test]
fn ongeldig_bsn_staat_naast_het_veld_en_niets_gaat_verloren() {
    let mut h = harness(INTAKER);
    klik(&mut h, "Nieuwe inwoner + melding");
    typ(&mut h, "Voornaam:", "Sanne");
    typ(&mut h, "Achternaam:", "Bakker");
    typ(&mut h, "Geboortedatum:", "02-04-1990");
    typ(&mut h, "BSN:", "123456789");
    typ(&mut h, "Woonplaats:", "Almelo");
    // Leaving the BSN field already shows the 11-proef error.
    h.get_by_label("Fout: dit nummer voldoet niet aan de 11-proef; controleer op een tikfout");
    typ(
        &mut h,
        "Vraag (in de woorden van de inwoner):",
        "Ik heb hulp nodig bij de administratie.",
    );
    klik(&mut h, "Financiën");
    klik(&mut h, "Melding opslaan (Enter)");

    h.get_by_label("Fout: dit nummer voldoet niet aan de 11-proef; controleer op een tikfout");
    for (veld, waarde) in [
        ("Voornaam:", "Sanne"),
        ("Achternaam:", "Bakker"),
        ("Geboortedatum:", "02-04-1990"),
        ("BSN:", "123456789"),
        ("Woonplaats:", "Almelo"),
        (
            "Vraag (in de woorden van de inwoner):",
            "Ik heb hulp nodig bij de administratie.",
        ),
    ] {
        assert_eq!(
            h.get_by_label(veld).value().as_deref(),
            Some(waarde),
            "{veld} is leeggemaakt"
        );
    }
    let gevonden = h
        .state()
        .loket()
        .zoek_inwoners(&wijkregister::store::inwoners::Zoekvraag {
            tekst: "Bakker".into(),
            wijkteam: None,
        })
        .expect("zoeken");
    assert!(gevonden.is_empty(), "niets opgeslagen");
}

#[test]
fn dubbele_inwoner_wordt_voor_het_opslaan_getoond() {
    let mut h = harness(INTAKER);
    klik(&mut h, "Nieuwe inwoner + melding");
    typ(&mut h, "Voornaam:", "Miriam");
    typ(&mut h, "Achternaam:", "de Vries");
    typ(&mut h, "Geboortedatum:", "14-03-1976");
    typ(&mut h, "Woonplaats:", "Almelo");
    typ(
        &mut h,
        "Vraag (in de woorden van de inwoner):",
        "Ik wil graag iemand spreken.",
    );
    klik(&mut h, "Sociaal netwerk");
    // Enter inside the question is a new line, not a save.
    h.get_by_label("Vraag (in de woorden van de inwoner):")
        .click();
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(
        h.query_by_label("Mogelijk staat deze persoon al in het register:")
            .is_none(),
        "Enter in de vraag slaat niet op"
    );
    // Enter in a one-line field saves (here: asks about the duplicate first).
    h.get_by_label("Woonplaats:").click();
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();

    h.get_by_label("Mogelijk staat deze persoon al in het register:");
    h.get_by_label("Miriam de Vries (14-03-1976), zelfde achternaam en geboortedatum");
    let zoek = |h: &Harness<'static, WijkregisterApp>| {
        h.state()
            .loket()
            .zoek_inwoners(&wijkregister::store::inwoners::Zoekvraag {
                tekst: "de Vries".into(),
                wijkteam: None,
            })
            .expect("zoeken")
            .len()
    };
    assert_eq!(zoek(&h), 1, "nog niets opgeslagen");
    assert!(
        h.state()
            .loket()
            .dossier("I-MIRIAM")
            .expect("dossier")
            .meldingen
            .is_empty()
    );

    // The intaker recognises her: the melding goes to the existing Miriam.
    klik(&mut h, "Dit is dezelfde persoon — gebruik Miriam de Vries");
    klik(&mut h, "Melding opslaan (Enter)");
    assert_eq!(zoek(&h), 1, "geen tweede Miriam");
    melding_id(&h, "I-MIRIAM");
}

#[test]
fn besluit_met_drie_van_vier_treden_noemt_de_ontbrekende() {
    let mut h = harness(WIJKCOACH);
    nieuwe_melding_voor(&mut h, "Miriam de Vries");
    typ(
        &mut h,
        "Vraag (in de woorden van de inwoner):",
        "Ik red het niet meer alleen.",
    );
    klik(&mut h, "Zelfzorg (ADL)");
    klik(&mut h, "Melding opslaan (Enter)");
    stap(&mut h, "Gesprek.");
    stap(&mut h, "Analyse.");
    trede(&mut h, "eigen kracht", false, "Lukt niet alleen.");
    trede(&mut h, "netwerk", false, "Geen netwerk.");
    trede(&mut h, "algemene voorziening", false, "Niet passend.");
    klik(&mut h, "Afweging opslaan");
    assert!(
        h.get_by_label("Maatwerkbesluit nemen")
            .accesskit_node()
            .is_disabled()
    );
    h.get_by_label_contains("de trede 'voorliggende voorziening' is nog niet beantwoord");

    klik(&mut h, "Besluitformulier openen (aanvraag + besluit)");
    kies(
        &mut h,
        "Voorziening (maatwerk):",
        "Individuele begeleiding (categorie 02)",
    );
    kies(&mut h, "Aanbieder:", "Zorg Twente BV – actief contract");
    klik(&mut h, "Besluit opslaan");
    h.get_by_label(
        "Fout: Afwegingsladder (voorliggende voorziening): de afwegingsladder is niet af: 'voorliggende voorziening' is niet beantwoord",
    );
    let dossier = h.state().loket().dossier("I-MIRIAM").expect("dossier");
    assert!(dossier.toekenningen.is_empty(), "geen besluit opgeslagen");
    // What was typed stays.
    h.get_by_label_contains("loopt op");
    // The contract is named as running, not by its internal id.
    assert!(h.query_by_label_contains("C-ZORG-WMO").is_none());
}

#[test]
fn aanbieder_zonder_contract_vraagt_om_bevestiging() {
    let mut h = harness(WIJKCOACH);
    nieuwe_melding_voor(&mut h, "Miriam de Vries");
    typ(
        &mut h,
        "Vraag (in de woorden van de inwoner):",
        "Ik red het niet meer alleen.",
    );
    klik(&mut h, "Zelfzorg (ADL)");
    klik(&mut h, "Melding opslaan (Enter)");
    stap(&mut h, "Gesprek.");
    stap(&mut h, "Analyse.");
    trede(&mut h, "eigen kracht", false, "Lukt niet alleen.");
    trede(&mut h, "netwerk", false, "Geen netwerk.");
    trede(&mut h, "algemene voorziening", false, "Niet passend.");
    trede(&mut h, "voorliggende voorziening", false, "Geen aanspraak.");
    klik(&mut h, "Afweging opslaan");
    klik(&mut h, "Maatwerkbesluit nemen");
    kies(
        &mut h,
        "Voorziening (maatwerk):",
        "Individuele begeleiding (categorie 02)",
    );
    kies(
        &mut h,
        "Aanbieder:",
        "Nieuw Zorg – geen contract op 26-11-2026",
    );
    klik(&mut h, "Besluit opslaan");
    h.get_by_label("Dit wordt een maatwerkcontract. Doorgaan?");
    let toekenningen = |h: &Harness<'static, WijkregisterApp>| {
        h.state()
            .loket()
            .dossier("I-MIRIAM")
            .expect("dossier")
            .toekenningen
    };
    assert!(toekenningen(&h).is_empty(), "nog niet opgeslagen");
    // Saving again without the explicit "ja" does not confirm.
    klik(&mut h, "Besluit opslaan");
    assert!(toekenningen(&h).is_empty(), "alleen 'ja' bevestigt");
    klik(&mut h, "Ja, maatwerkcontract");
    h.get_by_label("Besluit opgeslagen.");
    let lijst = toekenningen(&h);
    assert_eq!(lijst.len(), 1);
    let t = h
        .state()
        .loket()
        .toekenning(&lijst[0].id)
        .expect("toekenning");
    assert_eq!(t.toekenning.aanbieder.as_deref(), Some("A-NIEUW"));
    assert_eq!(
        t.toekenning.contract, None,
        "maatwerkcontract: geen raamcontract"
    );
}

/// Miriam's melding up to a running toekenning of individuele begeleiding from `start`.
fn miriam_met_toekenning(h: &mut Harness<'static, WijkregisterApp>, start: &str) {
    nieuwe_melding_voor(h, "Miriam de Vries");
    typ(
        h,
        "Vraag (in de woorden van de inwoner):",
        "Ik red het niet meer alleen.",
    );
    klik(h, "Zelfzorg (ADL)");
    klik(h, "Melding opslaan (Enter)");
    stap(h, "Gesprek.");
    stap(h, "Analyse.");
    trede(h, "eigen kracht", false, "Lukt niet alleen.");
    trede(h, "netwerk", false, "Geen netwerk.");
    trede(h, "algemene voorziening", false, "Niet passend.");
    trede(h, "voorliggende voorziening", false, "Geen aanspraak.");
    klik(h, "Afweging opslaan");
    klik(h, "Maatwerkbesluit nemen");
    kies(
        h,
        "Voorziening (maatwerk):",
        "Individuele begeleiding (categorie 02)",
    );
    kies(h, "Aanbieder:", "Zorg Twente BV – actief contract");
    typ(h, "Start levering (leeg: wachtend):", start);
    klik(h, "Besluit opslaan");
    h.get_by_label("Besluit opgeslagen.");
}

#[test]
fn stap_corrigeren_wordt_bewaard_en_getoond() {
    let mut h = harness(INTAKER);
    nieuwe_melding_voor(&mut h, "Miriam de Vries");
    typ(
        &mut h,
        "Vraag (in de woorden van de inwoner):",
        "Ik wil iemand spreken.",
    );
    klik(&mut h, "Sociaal netwerk");
    klik(&mut h, "Melding opslaan (Enter)");
    stap(&mut h, "Gesprek.");
    klik(&mut h, "Corrigeren: gesprek 26-11-2026");
    vervang(&mut h, "Juiste notitie:", "Gesprek met dochter erbij.");
    klik(&mut h, "Correctie opslaan");
    h.get_by_label("Correctie opgeslagen.");
    h.get_by_label_contains("gecorrigeerd door Ineke Intaker op 26-11-2026");
    h.get_by_label("Gesprek met dochter erbij.");

    let id = melding_id(&h, "I-MIRIAM");
    let register = h.state().loket();
    let gesprek = register
        .stappen(&id)
        .expect("stappen")
        .into_iter()
        .find(|s| s.stap == Stap::Gesprek)
        .expect("gesprek");
    assert_eq!(gesprek.notitie, "Gesprek met dochter erbij.");
    let correcties = register.correcties(gesprek.id).expect("correcties");
    assert_eq!(correcties.len(), 1);
    assert_eq!(correcties[0].oude_notitie, "Gesprek.");
    assert_eq!(correcties[0].door, INTAKER);
    assert_eq!(correcties[0].tijdstip, KLOK);
}

#[test]
fn opschalen_en_beeindigen_vanaf_de_toekenning() {
    let mut h = harness(WIJKCOACH);
    miriam_met_toekenning(&mut h, "26-11-2026");

    // Opschalen from 1 December: a new decision linked to the old one.
    klik(&mut h, "Op- of afschalen: Individuele begeleiding");
    h.get_by_label("Op- of afschalen: nieuw besluit");
    vervang(&mut h, "Nieuw besluit geldt vanaf:", "01-12-2026");
    kies(
        &mut h,
        "Voorziening (maatwerk):",
        "Individuele begeleiding (categorie 02)",
    );
    kies(&mut h, "Aanbieder:", "Zorg Twente BV – actief contract");
    typ(&mut h, "Volume:", "5");
    typ(&mut h, "Eenheid (bijv. uur per week):", "uur per week");
    klik(&mut h, "Besluit opslaan");
    h.get_by_label("Besluit opgeslagen.");

    let register = h.state().loket();
    let lijst = register.dossier("I-MIRIAM").expect("dossier").toekenningen;
    assert_eq!(lijst.len(), 2);
    let rijen: Vec<_> = lijst
        .iter()
        .map(|t| register.toekenning(&t.id).expect("toekenning"))
        .collect();
    let nieuw = rijen
        .iter()
        .find(|r| r.vorige.is_some())
        .expect("nieuw besluit");
    let oud = rijen.iter().find(|r| r.vorige.is_none()).expect("oud");
    assert_eq!(nieuw.vorige.as_deref(), Some(oud.toekenning.id.as_str()));
    assert_eq!(nieuw.toekenning.start, Some(d(2026, 12, 1)));
    assert_eq!(nieuw.volume, Some(5.0));
    assert_eq!(oud.toekenning.eind, Some(d(2026, 12, 1)));
    assert_eq!(
        oud.toekenning.reden_einde,
        Some(wijkregister::domain::RedenEinde::Herbeoordeling)
    );
    let nieuw_id = nieuw.toekenning.id.clone();

    // Beëindigen: the reason is required; an end before the start is refused beside the field.
    klik(&mut h, "Beëindigen: Individuele begeleiding");
    klik(&mut h, "Beëindigen opslaan");
    h.get_by_label_contains("Fout: ");
    assert!(
        h.state()
            .loket()
            .toekenning(&nieuw_id)
            .expect("toekenning")
            .toekenning
            .reden_einde
            .is_none()
    );
    kies(&mut h, "Reden einde:", "Volgens plan beëindigd");
    klik(&mut h, "Beëindigen opslaan");
    h.get_by_label("Fout: 26-11-2026 ligt vóór start (01-12-2026); dat kan niet");
    vervang(&mut h, "Einddatum levering:", "31-12-2026");
    klik(&mut h, "Beëindigen opslaan");
    h.get_by_label("Toekenning beëindigd.");
    let t = h
        .state()
        .loket()
        .toekenning(&nieuw_id)
        .expect("toekenning")
        .toekenning;
    assert_eq!(t.eind, Some(d(2026, 12, 31)));
    assert_eq!(
        t.reden_einde,
        Some(wijkregister::domain::RedenEinde::VolgensPlan)
    );
}

#[test]
fn weggaan_met_niet_opgeslagen_wijzigingen_vraagt_eerst() {
    let mut h = harness(INTAKER);
    nieuwe_melding_voor(&mut h, "Miriam de Vries");
    typ(
        &mut h,
        "Vraag (in de woorden van de inwoner):",
        "Half getypt",
    );
    h.key_press(egui::Key::Escape);
    h.run();
    h.get_by_label("Wijzigingen niet opgeslagen. Toch weggaan?");
    klik(&mut h, "Nee, verder invullen");
    assert_eq!(
        h.get_by_label("Vraag (in de woorden van de inwoner):")
            .value()
            .as_deref(),
        Some("Half getypt")
    );
    // The navigation asks too.
    klik(&mut h, "Sociale kaart");
    h.get_by_label("Wijzigingen niet opgeslagen. Toch weggaan?");
    assert_eq!(h.state().scherm(), wijkregister::ui::app::Scherm::Inwoners);
    klik(&mut h, "Nee, blijven");
    assert_eq!(
        h.get_by_label("Vraag (in de woorden van de inwoner):")
            .value()
            .as_deref(),
        Some("Half getypt")
    );
    klik(&mut h, "Annuleren (Esc)");
    klik(&mut h, "Ja, weggaan");
    // Back in the dossier; nothing stored.
    h.get_by_label("Geen meldingen.");
}

#[test]
fn nieuwe_inwoner_in_het_huishouden_van_een_bestaande() {
    let mut h = harness(INTAKER);
    klik(&mut h, "Nieuwe inwoner + melding");
    typ(&mut h, "Voornaam:", "Sem");
    typ(&mut h, "Achternaam:", "de Vries");
    typ(&mut h, "Geboortedatum:", "02-05-2015");
    typ(&mut h, "BSN:", "123456782");
    typ(&mut h, "Woonplaats:", "Almelo");
    kies(&mut h, "Wijkteam:", "Wijkteam Oost");
    klik(&mut h, "zelfde als een bestaande inwoner");
    typ(&mut h, "Zoek de huisgenoot (naam of BSN):", "de vries");
    klik(&mut h, "Miriam de Vries (14-03-1976)");
    typ(
        &mut h,
        "Vraag (in de woorden van de inwoner):",
        "Mijn moeder heeft het zwaar.",
    );
    kies(&mut h, "Wet:", "Jeugdwet");
    klik(&mut h, "Opvoeden en opgroeien");
    klik(&mut h, "Melding opslaan (Enter)");
    h.get_by_label_contains("Melding van Sem de Vries");

    let register = h.state().loket();
    let sem = register
        .zoek_inwoners(&wijkregister::store::inwoners::Zoekvraag {
            tekst: "123456782".into(),
            wijkteam: None,
        })
        .expect("zoeken");
    assert_eq!(sem.len(), 1);
    let dossier_sem = register.dossier(&sem[0].id).expect("dossier");
    let dossier_miriam = register.dossier("I-MIRIAM").expect("dossier");
    assert_eq!(dossier_sem.huishouden, dossier_miriam.huishouden);
    assert_eq!(sem[0].wijkteam.as_deref(), Some("Wijkteam Oost"));
    assert_eq!(dossier_sem.meldingen.len(), 1);
}

#[test]
fn bsn_dat_al_bekend_is_wordt_geweigerd_en_niets_opgeslagen() {
    use wijkregister::store::klantreis::{self as kr, NieuweInwoner};
    let conn = register();
    kr::inwoner_toevoegen(
        &conn,
        h(INTAKER),
        &NieuweInwoner {
            bsn: "123456782".into(),
            voornaam: "Petra".into(),
            achternaam: "Smit".into(),
            geboortedatum: "01-05-1980".into(),
            woonplaats: "Almelo".into(),
            wijkteam: Some("W-OOST".into()),
            ..NieuweInwoner::default()
        },
        d(2026, 11, 26),
    )
    .expect("Petra");
    let mut app = WijkregisterApp::new(conn, d(2026, 11, 26));
    app.werk_als(INTAKER);
    app.zet_klok(KLOK);
    let mut h = harness_van(app, 1400.0, 4000.0);
    h.run();

    klik(&mut h, "Nieuwe inwoner + melding");
    typ(&mut h, "Voornaam:", "Sanne");
    typ(&mut h, "Achternaam:", "Bakker");
    typ(&mut h, "Geboortedatum:", "02-04-1990");
    typ(&mut h, "BSN:", "123456782");
    typ(&mut h, "Woonplaats:", "Almelo");
    typ(
        &mut h,
        "Vraag (in de woorden van de inwoner):",
        "Ik heb hulp nodig bij de administratie.",
    );
    klik(&mut h, "Financiën");
    klik(&mut h, "Melding opslaan (Enter)");

    h.get_by_label("Mogelijk staat deze persoon al in het register:");
    h.get_by_label("Petra Smit (01-05-1980), zelfde BSN");
    assert!(
        h.query_by_label("Toch nieuw: een andere persoon").is_none(),
        "bij hetzelfde BSN is er geen 'toch nieuw'"
    );
    let gevonden = h
        .state()
        .loket()
        .zoek_inwoners(&wijkregister::store::inwoners::Zoekvraag {
            tekst: "Bakker".into(),
            wijkteam: None,
        })
        .expect("zoeken");
    assert!(gevonden.is_empty(), "niets opgeslagen");
}

/// Issue 15: in the new melding form every error shows right beside its
/// field (after a date field's calendar button), or right under a field of
/// several lines, never in a column far to the right of the form.
#[test]
fn elke_fout_staat_bij_zijn_veld() {
    let mut h = harness(INTAKER);
    klik(&mut h, "Nieuwe inwoner + melding");
    typ(&mut h, "Voornaam:", "Sanne");
    typ(&mut h, "Geboortedatum:", "31-02-1990");
    typ(&mut h, "BSN:", "123456789");
    vervang(&mut h, "Datum melding:", "99-99-2026");
    klik(&mut h, "Melding opslaan (Enter)");
    // The leefgebieden are one field: their checkboxes together.
    let leefgebieden = Leefgebied::ALLE
        .iter()
        .map(|l| h.get_by_label(l.label()).rect())
        .reduce(|a, b| a.union(b))
        .unwrap();
    for (veld, fout) in [
        ("Achternaam:", "Fout: vul de achternaam in"),
        ("Geboortedatum:", "Fout: '31-02-1990' is geen datum"),
        (
            "BSN:",
            "Fout: dit nummer voldoet niet aan de 11-proef; controleer op een tikfout",
        ),
        ("Datum melding:", "Fout: typ de datum als dd-mm-jjjj"),
        ("Leefgebieden:", "Fout: kies minstens één leefgebied"),
    ] {
        let v = if veld == "Leefgebieden:" {
            leefgebieden
        } else {
            h.get_by_label(veld).rect()
        };
        let bij = |f: &egui::Rect| {
            let naast = f.top() < v.bottom() && f.bottom() > v.top() && {
                let afstand = f.left() - v.right();
                (0.0..=110.0).contains(&afstand)
            };
            let onder = f.top() >= v.bottom() - 1.0
                && f.top() - v.bottom() < 30.0
                && (f.left() - v.left()).abs() < 4.0;
            naast || onder
        };
        let f = h
            .query_all_by_label_contains(fout)
            .map(|n| n.rect())
            .find(bij)
            .unwrap_or_else(|| {
                panic!(
                    "'{fout}' is not beside or under {veld} at {v:?}: {:?}",
                    h.query_all_by_label_contains(fout)
                        .map(|n| n.rect())
                        .collect::<Vec<_>>()
                )
            });
        assert!(f.right() <= 1280.0, "{fout} at {f:?} runs off the window");
    }
}
