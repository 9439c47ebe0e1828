//! Only the users' Dutch on screen (issue #15, point 2): a walk through
//! every screen of every role in a demo register — each menu item, a
//! resident's dossier and one of its meldingen, the Beheer sections opened —
//! that fails on any visible text holding an internal id (`MW-0011`,
//! `V-BEG`), a `key=value` pair, or a word from a small list of English
//! or technical terms.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use std::collections::BTreeSet;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};
use wijkregister::demo::{self, DemoInstellingen};
use wijkregister::gateway::Gateway;
use wijkregister::store::{self, accounts};
use wijkregister::ui::app::{Scherm, WijkregisterApp};

use crate::steun::d;
use crate::steun::ui::{harness_van, wacht_op_zoeken};

/// Words that are not the users' (matched as whole words, any case).
const VREEMDE_WOORDEN: [&str; 14] = [
    "hash", "actor", "records", "record", "null", "none", "true", "false", "error", "failed",
    "reset", "resetten", "id", "ids",
];

/// An internal id: one to three capitals, a hyphen, then capitals, digits
/// and hyphens (`MW-0011`, `V-MAATWERK-TEST`, `I-005001`).
fn interne_id(tekst: &str) -> Option<String> {
    let b = tekst.as_bytes();
    for (i, _) in tekst.char_indices() {
        let hoofd = b[i..].iter().take_while(|c| c.is_ascii_uppercase()).count();
        // The capitals must start a word (so the tail of "HMAC-" counts
        // too: the pattern is unanchored on purpose).
        if hoofd == 0 {
            continue;
        }
        for lengte in 1..=hoofd.min(3) {
            let na = i + lengte;
            if b.get(na) == Some(&b'-') {
                let staart = b[na + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || **c == b'-')
                    .count();
                if staart > 0 {
                    return Some(tekst[i..na + 1 + staart].to_owned());
                }
            }
        }
    }
    None
}

/// A `key=value` pair.
fn sleutel_waarde(tekst: &str) -> bool {
    let b = tekst.as_bytes();
    b.iter().enumerate().any(|(i, c)| {
        *c == b'='
            && i > 0
            && b[i - 1].is_ascii_alphanumeric()
            && b.get(i + 1).is_some_and(|n| !n.is_ascii_whitespace())
    })
}

fn vreemd_woord(tekst: &str) -> Option<&'static str> {
    tekst.split(|c: char| !c.is_alphanumeric()).find_map(|w| {
        VREEMDE_WOORDEN
            .iter()
            .find(|v| w.eq_ignore_ascii_case(v))
            .copied()
    })
}

/// Every text on screen now: labels, values and descriptions.
fn teksten(h: &Harness<'static, WijkregisterApp>) -> BTreeSet<String> {
    let mut uit = BTreeSet::new();
    for node in h.query_all(by().include_labels()) {
        let n = node.accesskit_node();
        for t in [
            n.label(),
            n.value(),
            n.description(),
            n.placeholder().map(str::to_owned),
        ]
        .into_iter()
        .flatten()
        {
            if !t.trim().is_empty() {
                uit.insert(t);
            }
        }
    }
    uit
}

/// A demo register with a beheerder and accounts, and refused logins in
/// the audit log; returns the app and the medewerker ids per role.
pub(crate) fn register() -> (rusqlite::Connection, Vec<Rol>) {
    let mut conn = store::open_in_memory().unwrap();
    demo::vul_register(
        &mut conn,
        &DemoInstellingen {
            inwoners: 300,
            jaren: 2,
            eind_jaar: 2026,
            seed: 7,
            peildatum: Some(d(2026, 11, 26)),
        },
    )
    .unwrap();
    // A dossier past its retention term, so Bewaartermijnen lists one.
    let mut oud = crate::steun::vaste::Bouwer::default();
    oud.inwoner(
        "in-oud",
        "Otto",
        "Oudeman",
        d(1940, 5, 6),
        None,
        "hh-oud",
        None,
    );
    let mut m = crate::steun::vaste::melding("me-oud", "in-oud", d(2017, 6, 1));
    m.medewerker = None;
    m.afgesloten = Some(d(2018, 1, 10));
    m.uitkomst = Some(wijkregister::domain::MeldingUitkomst::InformatieAdvies);
    oud.melding(m);
    oud.schrijf(&mut conn);
    let nu = d(2026, 11, 26).and_hms_opt(8, 0, 0).unwrap();
    let ww = "Wijkteam-2026!";
    let beheer =
        accounts::maak_eerste_beheerder(&mut conn, "Bea Beheer", "beheer", ww, nu).unwrap();
    let mut rollen: Vec<(String, String)> = conn
        .prepare("SELECT rol, min(id) FROM medewerker GROUP BY rol ORDER BY rol")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    rollen.retain(|(rol, _)| rol != "beheerder");
    rollen.push(("beheerder".to_owned(), beheer.medewerker.clone()));
    let intaker = rollen
        .iter()
        .find(|(r, _)| r == "intaker")
        .unwrap()
        .1
        .clone();
    // Per role a resident of its wijkteam with an open melding (none for
    // the beheerder, who sees no dossiers).
    let rollen = rollen
        .into_iter()
        .map(|(rol, id)| {
            let inwoner = conn
                .query_row(
                    "SELECT i.voornaam || ' ' || i.achternaam, i.achternaam FROM melding m
                     JOIN inwoner i ON i.id = m.inwoner
                     JOIN medewerker w ON w.id = ?1 AND w.wijkteam = i.wijkteam
                     ORDER BY m.afgesloten IS NULL DESC, m.datum DESC, i.id LIMIT 1",
                    [&id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .ok();
            (rol, id, inwoner)
        })
        .collect();
    accounts::voeg_toe(&mut conn, &beheer.medewerker, &intaker, "intaker", ww, nu).unwrap();
    // Refusals with a reason in the log.
    let _ = accounts::inloggen(&mut conn, "intaker", "fout-wachtwoord", nu);
    let _ = accounts::inloggen(&mut conn, "niemand", "fout-wachtwoord", nu);
    (conn, rollen)
}

fn klik_als_er(h: &mut Harness<'static, WijkregisterApp>, label: &str) -> bool {
    let Some(knoop) = h.query_by_label(label) else {
        return false;
    };
    // Into view first, as a user scrolls to what lies below the window.
    knoop.scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
    wacht_op_zoeken(h);
    true
}

/// A role, its medewerker and the resident (full name, last name) whose
/// dossier it opens.
pub(crate) type Rol = (String, String, Option<(String, String)>);

/// Visits every screen the role reaches; returns (screen, text) pairs.
fn wandel(
    h: &mut Harness<'static, WijkregisterApp>,
    inwoner: Option<&(String, String)>,
) -> Vec<(String, String)> {
    let mut gezien = Vec::new();
    let mut noteer = |h: &Harness<'static, WijkregisterApp>, waar: &str| {
        for t in teksten(h) {
            gezien.push((waar.to_owned(), t));
        }
    };
    for scherm in Scherm::ALLE {
        let naam = scherm.naam();
        if h.query_by_role_and_label(egui::accesskit::Role::Button, naam)
            .is_none()
        {
            continue;
        }
        h.get_by_role_and_label(egui::accesskit::Role::Button, naam)
            .click();
        h.run();
        wacht_op_zoeken(h);
        noteer(h, naam);
        match scherm {
            Scherm::Beheer => {
                for kop in ["Auditlog", "Bewaartermijnen"] {
                    if klik_als_er(h, kop) {
                        noteer(h, kop);
                    }
                }
            }
            Scherm::Inwoners => {
                // A resident's dossier, then its newest melding.
                let Some((naam, achternaam)) = inwoner else {
                    continue;
                };
                crate::steun::ui::typ(h, "Zoeken:", achternaam);
                h.get_all_by_label(naam).next().unwrap().click();
                h.run();
                noteer(h, "Dossier");
                // The household, and back to the dossier.
                if klik_als_er(h, "Huishouden bekijken") {
                    noteer(h, "Huishouden");
                    klik_als_er(h, "Terug");
                }
                let datum = h
                    .query_all_by_role(egui::accesskit::Role::Link)
                    .filter_map(|n| n.accesskit_node().label())
                    .find(|l| l.len() == 10 && l.as_bytes()[2] == b'-');
                if let Some(datum) = datum {
                    h.get_all_by_label(&datum).next().unwrap().click();
                    h.run();
                    noteer(h, "Melding");
                }
            }
            _ => {}
        }
    }
    gezien
}

#[test]
fn elk_scherm_van_elke_rol_spreekt_de_taal_van_de_gebruiker() {
    let (conn, rollen) = register();
    let gateway = Gateway::new(conn, None);
    let mut app = WijkregisterApp::met_register(gateway, d(2026, 11, 26));
    let mut fouten = BTreeSet::new();
    let mut bezocht = BTreeSet::new();
    let mut gezien_bewaartermijnen = BTreeSet::new();
    for (rol, id, inwoner) in &rollen {
        app.werk_als(id);
        let mut h = harness_van(app, 1280.0, 800.0);
        h.run();
        wacht_op_zoeken(&mut h);
        for (waar, tekst) in wandel(&mut h, inwoner.as_ref()) {
            bezocht.insert(waar.clone());
            if waar == "Bewaartermijnen" {
                gezien_bewaartermijnen.insert(tekst.clone());
            }
            if let Some(id) = interne_id(&tekst) {
                fouten.insert(format!("{rol} / {waar}: interne code {id:?} in {tekst:?}"));
            }
            if sleutel_waarde(&tekst) {
                fouten.insert(format!("{rol} / {waar}: sleutel=waarde in {tekst:?}"));
            }
            if let Some(w) = vreemd_woord(&tekst) {
                fouten.insert(format!("{rol} / {waar}: vreemd woord {w:?} in {tekst:?}"));
            }
        }
        app = h.into_state();
    }
    // The walk reached every kind of screen.
    for scherm in [
        "Werkvoorraad",
        "Inwoners",
        "Dossier",
        "Huishouden",
        "Melding",
        "Sociale kaart",
        "Beheer",
        "Auditlog",
        "Bewaartermijnen",
    ] {
        assert!(
            bezocht.contains(scherm),
            "{scherm} not visited: {bezocht:?}"
        );
    }
    // Bewaartermijnen listed the due dossier, by name and date of birth.
    for tekst in ["1 dossier te vernietigen.", "Otto Oudeman", "06-05-1940"] {
        assert!(
            gezien_bewaartermijnen.contains(tekst),
            "Bewaartermijnen did not show {tekst:?}: {gezien_bewaartermijnen:?}"
        );
    }
    assert!(
        fouten.is_empty(),
        "{} gevonden:\n{}",
        fouten.len(),
        fouten.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn het_patroon_van_een_interne_code() {
    assert_eq!(interne_id("(MW-0011)").as_deref(), Some("MW-0011"));
    assert_eq!(
        interne_id("V-MAATWERK-TEST niet gevonden").as_deref(),
        Some("V-MAATWERK-TEST")
    );
    assert_eq!(interne_id("AVE-overzicht"), None);
    assert_eq!(interne_id("26-11-2026"), None);
    assert!(sleutel_waarde("reden=onjuist-wachtwoord"));
    assert!(!sleutel_waarde("a = b"));
    assert_eq!(vreemd_woord("Medewerker (actor)"), Some("actor"));
    assert_eq!(vreemd_woord("Actoren"), None);
}
