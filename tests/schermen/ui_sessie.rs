//! The session owns its screens (issue #11), through `egui_kittest` on a
//! register file with the real login door: what one worker opened is gone
//! for the next, after a logout, the idle lock or a deactivated account;
//! every write is in the logged-in worker's name; every werkvoorraad click
//! opens exactly the resident clicked; logging out with unsaved input asks;
//! the duplicate check and the login answer tell nothing about residents or
//! accounts one may not know.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::steun::d;
use crate::steun::ui::harness_van;
use crate::steun::vaste;
use chrono::{Duration, NaiveDateTime};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rusqlite::Connection;
use wijkregister::domain::klantreis::Stap;
use wijkregister::domain::{Bsn, Rol};
use wijkregister::gateway::{Dubbel, Gateway, Klok};
use wijkregister::store::klantreis::{DubbelReden, NieuweMelding, NieuweStap};
use wijkregister::store::{self, StoreFout, accounts};
use wijkregister::ui::app::{Plek, Scherm, WijkregisterApp};

const WW: &str = "lange-zin-met-paard-7";

/// A resident of the werkvoorraad: id, first and last name, date of birth.
type Werkregel = (&'static str, &'static str, &'static str, (i32, u32, u32));

/// The residents of Fatima's werkvoorraad besides Jan (each in a household
/// of their own, Wijkteam Noord).
const WERK: [Werkregel; 6] = [
    ("in-w1", "Ada", "Aalbers", (1961, 1, 11)),
    ("in-w2", "Bram", "Bos", (1972, 2, 12)),
    ("in-w3", "Cor", "Cremer", (1983, 3, 13)),
    ("in-w4", "Dina", "Dijk", (1994, 4, 14)),
    ("in-w5", "Eva", "Ek", (1945, 5, 15)),
    ("in-w6", "Floor", "Fens", (1956, 6, 16)),
];

fn begin() -> NaiveDateTime {
    vaste::vandaag().and_hms_opt(9, 0, 0).unwrap()
}

struct Opzet {
    h: Harness<'static, WijkregisterApp>,
    klok: Arc<Mutex<NaiveDateTime>>,
    pad: PathBuf,
    _dir: tempfile::TempDir,
}

/// The fixture plus Fatima's werkvoorraad, two intakers (Sanne of Zuid, Noor
/// of Noord), and accounts for bea (beheerder), fatima, sanne and noor; the
/// app behind its login door on a clock the test moves.
fn opzet() -> Opzet {
    let dir = tempfile::tempdir().expect("tempdir");
    let pad = dir.path().join("register.sqlite");
    let mut conn = store::open(&pad).expect("open");
    let mut b = vaste::bouwer();
    b.medewerker("mw-zuid", "Sanne Zuidema", Rol::Intaker, Some("wt-zuid"))
        .medewerker("mw-noord", "Noor Noord", Rol::Intaker, Some("wt-noord"));
    for (n, (id, voornaam, achternaam, (j, m, dag))) in WERK.iter().enumerate() {
        b.inwoner(
            id,
            voornaam,
            achternaam,
            d(*j, *m, *dag),
            None,
            &format!("hh-{id}"),
            Some("wt-noord"),
        );
        b.melding(vaste::melding(
            &format!("me-{id}"),
            id,
            d(2025, 5, 1 + u32::try_from(n).unwrap() * 4),
        ));
    }
    b.schrijf(&mut conn);
    let bea = accounts::maak_eerste_beheerder(&mut conn, "Bea Beheer", "bea", WW, begin())
        .expect("beheerder");
    for (mw, naam) in [
        ("mw-1", "fatima"),
        ("mw-zuid", "sanne"),
        ("mw-noord", "noor"),
    ] {
        accounts::voeg_toe(&mut conn, &bea.medewerker, mw, naam, WW, begin()).expect("account");
    }
    drop(conn);
    let klok = Arc::new(Mutex::new(begin()));
    let k = Arc::clone(&klok);
    let app = WijkregisterApp::met_inloggen(
        Gateway::new(store::open(&pad).expect("open"), Some(pad.clone())),
        vaste::vandaag(),
        Klok::lokaal(move || k.lock().map_or_else(|_| begin(), |t| *t)),
    );
    let mut h = harness_van(app, 1280.0, 1400.0);
    h.run();
    Opzet {
        h,
        klok,
        pad,
        _dir: dir,
    }
}

impl Opzet {
    fn lees(&self) -> Connection {
        store::open(&self.pad).expect("open")
    }

    fn verzet_klok(&mut self, seconden: i64) {
        *self.klok.lock().unwrap() += Duration::seconds(seconden);
        self.h.run();
    }

    /// Runs frames until the app is idle; a spinner (the report computing
    /// on its own thread) asks for frames without end, so this does not
    /// insist on an idle app.
    fn draai(&mut self) {
        let _ = self.h.run_ok();
        crate::steun::ui::wacht_op_zoeken(&mut self.h);
    }

    fn klik(&mut self, label: &str) {
        self.h.get_by_label(label).click();
        self.draai();
    }

    fn typ(&mut self, label: &str, tekst: &str) {
        self.h.get_by_label(label).click();
        self.h.run();
        self.h
            .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        self.h.run();
        self.h.get_by_label(label).type_text(tekst);
        self.draai();
    }

    fn log_in(&mut self, gebruikersnaam: &str, wachtwoord: &str) {
        self.typ("Gebruikersnaam", gebruikersnaam);
        self.typ("Wachtwoord", wachtwoord);
        self.h.key_press(egui::Key::Enter);
        self.draai();
    }

    /// Answers the purpose question when it is asked.
    fn doel(&mut self) {
        if self.h.query_by_label("Doel van het openen").is_some() {
            self.h.key_press(egui::Key::Num1);
            self.h.run();
            self.h.key_press(egui::Key::Enter);
            self.draai();
        }
        assert!(self.h.query_by_label("Doel van het openen").is_none());
    }

    fn nav(&mut self, scherm: &str) {
        self.h
            .get_by_role_and_label(egui::accesskit::Role::Button, scherm)
            .click();
        self.draai();
    }

    /// Fatima opens Jan's dossier and household (answering both purposes),
    /// goes back to the dossier and starts a new melding with a question
    /// typed but not saved.
    fn fatima_laat_werk_open(&mut self) {
        self.log_in("fatima", WW);
        self.h
            .get_by_label("Ingelogd als Fatima El Amrani (wijkcoach)");
        self.klik("Jan de Vries");
        self.doel();
        self.h.get_by_label("Terug naar de lijst (Esc)");
        self.klik("Huishouden bekijken");
        self.doel();
        self.h.get_by_label("Huishouden de Vries");
        self.h
            .get_by_label_contains("Zorgen over de veiligheid van Sem");
        self.klik("Terug");
        self.klik("Nieuwe melding");
        self.typ(
            "Vraag (in de woorden van de inwoner):",
            "Geheim van Jan: half getypt",
        );
        assert_eq!(
            self.h.state().pad(),
            [
                Plek::Lijst(Scherm::Inwoners),
                Plek::Dossier("in-jan".into()),
                Plek::NieuweMelding(Some("in-jan".into())),
            ]
        );
    }

    /// Nothing of Fatima's session shows, in any screen of the navigation
    /// and after going back as far as one can.
    fn geen_spoor_van_fatima(&mut self) {
        let sporen = [
            "de Vries",
            "Geheim van Jan",
            "Huishouden de Vries",
            "Zorgen over de veiligheid",
            "Melding van",
            "Wijzigingen niet opgeslagen",
            "Fatima",
        ];
        let kijk = |h: &Harness<'static, WijkregisterApp>, waar: &str| {
            for spoor in sporen {
                assert!(
                    h.query_by_label_contains(spoor).is_none(),
                    "'{spoor}' is te zien ({waar})"
                );
            }
        };
        kijk(&self.h, "na het inloggen");
        assert!(self.h.state().getoond().is_none());
        assert_eq!(self.h.state().pad().len(), 1, "{:?}", self.h.state().pad());
        for scherm in Scherm::ALLE {
            if self
                .h
                .query_by_role_and_label(egui::accesskit::Role::Button, scherm.naam())
                .is_none()
            {
                continue;
            }
            self.nav(scherm.naam());
            kijk(&self.h, scherm.naam());
            for _ in 0..3 {
                self.h.key_press(egui::Key::Escape);
                self.draai();
                kijk(&self.h, &format!("{} na Esc", scherm.naam()));
            }
            assert_eq!(self.h.state().pad(), [Plek::Lijst(scherm)]);
        }
    }

    fn op_het_inlogscherm(&self) {
        self.h
            .get_by_role_and_label(egui::accesskit::Role::Button, "Inloggen");
        assert!(self.h.state().sessie().is_none());
    }

    fn afmelden_zonder_vraag(&mut self) {
        self.klik("Afmelden");
        self.op_het_inlogscherm();
    }
}

/// (a) A logs out with a dossier, a household and a half-filled form open;
/// B of another team logs in and finds no trace of any of it, nor do A's
/// purposes survive into A's next session.
#[test]
fn na_afmelden_ziet_de_volgende_niets_van_de_vorige() {
    let mut o = opzet();
    o.fatima_laat_werk_open();
    o.klik("Afmelden");
    o.klik("Ja, afmelden");
    o.op_het_inlogscherm();
    assert!(o.h.state().sessie().is_none());
    assert!(o.h.state().pad().is_empty());

    o.log_in("sanne", WW);
    o.h.get_by_label("Ingelogd als Sanne Zuidema (intaker)");
    o.geen_spoor_van_fatima();
    // Her own first opening asks her purpose.
    o.nav("Inwoners");
    o.klik("Anna Dekker");
    o.h.get_by_label("Doel van het openen");
    o.doel();
    assert_eq!(o.h.state().getoond(), Some(Plek::Dossier("in-anna".into())));
    o.klik("Terug naar de lijst (Esc)");
    o.afmelden_zonder_vraag();

    // A's next session asks the purpose again: the answers went with the old one.
    o.log_in("fatima", WW);
    o.klik("Jan de Vries");
    o.h.get_by_label("Doel van het openen");
}

/// (b) The idle lock keeps the session for its own worker only; logging
/// out from the lock screen (asked, as input would be lost) drops it all.
#[test]
fn na_de_vergrendeling_ontgrendelt_alleen_dezelfde_en_afmelden_wist_alles() {
    let mut o = opzet();
    o.fatima_laat_werk_open();
    o.verzet_klok(15 * 60);
    o.h.get_by_label("Wijkregister is vergrendeld");
    assert!(o.h.query_by_label_contains("Geheim van Jan").is_none());
    // Another worker's password does not unlock it.
    o.typ("Wachtwoord", "niet-van-fatima-123");
    o.h.key_press(egui::Key::Enter);
    o.draai();
    o.h.get_by_label("Wachtwoord onjuist.");
    // Fatima's own password does, with everything as she left it.
    o.typ("Wachtwoord", WW);
    o.h.key_press(egui::Key::Enter);
    o.draai();
    assert_eq!(
        o.h.get_by_label("Vraag (in de woorden van de inwoner):")
            .value()
            .as_deref(),
        Some("Geheim van Jan: half getypt")
    );

    // Locked again; this time someone logs her out from the lock screen.
    o.verzet_klok(15 * 60);
    o.h.get_by_label("Wijkregister is vergrendeld");
    o.klik("Afmelden");
    o.h.get_by_label_contains("Er staat niet-opgeslagen invoer van Fatima El Amrani open");
    o.klik("Ja, afmelden");
    o.op_het_inlogscherm();
    o.log_in("sanne", WW);
    o.h.get_by_label("Ingelogd als Sanne Zuidema (intaker)");
    o.geen_spoor_van_fatima();
}

/// (b) A beheerder elsewhere deactivates the account: the next action is
/// refused by the gateway, and within half a minute the session is gone.
#[test]
fn een_gedeactiveerd_account_verliest_zijn_sessie() {
    let mut o = opzet();
    o.fatima_laat_werk_open();
    {
        let mut conn = o.lees();
        let bea: String = conn
            .query_row(
                "SELECT medewerker FROM account WHERE gebruikersnaam = 'bea'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        accounts::zet_actief(&mut conn, &bea, "mw-1", false, begin()).expect("deactiveren");
    }
    // Saving now is refused: the gateway checks the account at every action.
    o.h.get_by_label("Opvoeden en opgroeien").click();
    o.h.run();
    o.klik("Melding opslaan (Enter)");
    o.h.get_by_label_contains("het account van Fatima El Amrani is gedeactiveerd");
    let meldingen: i64 = o
        .lees()
        .query_row(
            "SELECT count(*) FROM melding WHERE inwoner = 'in-jan'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(meldingen, 2, "nothing stored");
    // Half a minute on, the app ends the session.
    o.verzet_klok(31);
    o.draai();
    o.op_het_inlogscherm();
    o.h.get_by_label_contains("Uw account is gedeactiveerd door een beheerder");
    assert!(o.h.state().sessie().is_none());
    o.log_in("sanne", WW);
    o.geen_spoor_van_fatima();
}

/// (c) Every write is in the logged-in worker's name: the step form names
/// her and offers no one else; a form left by the previous worker is gone;
/// the gateway refuses a step, a melding or an AVE change in a colleague's
/// name, and nothing is stored.
#[test]
fn elke_schrijfactie_op_naam_van_wie_is_aangemeld() {
    let mut o = opzet();
    // Fatima starts a step on Jan's open melding and logs out (asked).
    o.log_in("fatima", WW);
    o.klik("Jan de Vries");
    o.doel();
    o.h.get_by_role_and_label(egui::accesskit::Role::Link, "01-04-2025")
        .click();
    o.draai();
    o.h.get_by_label("Fatima El Amrani (aangemeld)");
    o.typ("Notitie:", "Analyse van Fatima, half af");
    o.klik("Afmelden");
    o.klik("Ja, afmelden");

    // Noor of the same team opens the melding: an empty form, in her name.
    o.log_in("noor", WW);
    o.klik("Jan de Vries");
    o.doel();
    o.h.get_by_role_and_label(egui::accesskit::Role::Link, "01-04-2025")
        .click();
    o.draai();
    assert!(o.h.query_by_label_contains("Analyse van Fatima").is_none());
    assert_eq!(o.h.get_by_label("Notitie:").value().as_deref(), Some(""));
    o.h.get_by_label("Noor Noord (aangemeld)");
    assert!(o.h.query_by_label("Fatima El Amrani (aangemeld)").is_none());
    o.typ("Notitie:", "Gesprek gevoerd door Noor");
    o.klik("Stap opslaan");
    o.h.get_by_label("Stap 'Gesprek' opgeslagen.");
    let (medewerker, actor): (String, String) = o
        .lees()
        .query_row(
            "SELECT s.medewerker, (SELECT actor FROM audit ORDER BY volgnummer DESC LIMIT 1)
             FROM klantreis_stap s
             WHERE s.melding = 'me-2' AND s.notitie = 'Gesprek gevoerd door Noor'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (medewerker.as_str(), actor.as_str()),
        ("mw-noord", "mw-noord")
    );

    // The gateway refuses writes whose medewerker field names Fatima.
    let stappen_voor: i64 = o
        .lees()
        .query_row("SELECT count(*) FROM klantreis_stap", [], |r| r.get(0))
        .unwrap();
    let loket = o.h.state().loket();
    let namens = |fout: StoreFout| {
        assert!(matches!(fout, StoreFout::GeenToegang(_)), "{fout}");
        assert!(fout.to_string().contains("namens mw-1"), "{fout}");
    };
    namens(
        loket
            .stap_vastleggen(
                "me-2",
                &NieuweStap {
                    stap: Stap::Analyse,
                    datum: vaste::vandaag(),
                    medewerker: "mw-1".into(),
                    notitie: "in Fatima's naam".into(),
                    uitkomst: None,
                },
            )
            .unwrap_err(),
    );
    namens(
        loket
            .melding_toevoegen(&NieuweMelding {
                inwoner: "in-jan".into(),
                datum: vaste::vandaag(),
                bron: wijkregister::domain::Bron::Zelfmelder,
                vraag: "op naam van Fatima".into(),
                leefgebieden: vec![wijkregister::domain::klantreis::Leefgebied::Financien],
                wet: None,
                gevraagde_voorziening: None,
                medewerker: "mw-1".into(),
                spoed: false,
            })
            .unwrap_err(),
    );
    namens(
        loket
            .ave_registreer(&wijkregister::domain::ave::NieuweAveGebeurtenis {
                huishouden: "hh-1".into(),
                datum: vaste::vandaag(),
                niveau: 2,
                reden: "op naam van Fatima".into(),
                casusregisseur: Some("mw-1".into()),
                procesregisseur: None,
                geregistreerd_door: "mw-1".into(),
                reden_geen_procesmanager: None,
            })
            .unwrap_err(),
    );
    let conn = o.lees();
    let tel = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(tel("SELECT count(*) FROM klantreis_stap"), stappen_voor);
    assert_eq!(
        tel("SELECT count(*) FROM melding WHERE inwoner = 'in-jan'"),
        2
    );
    assert_eq!(tel("SELECT count(*) FROM ave WHERE huishouden = 'hh-1'"), 3);
}

/// (d) From the werkvoorraad, with a dossier and a household opened on
/// the way, each of 20 clicks in varied order opens exactly the resident
/// clicked, never a household or another resident.
#[test]
fn elke_klik_in_de_werkvoorraad_opent_precies_die_inwoner() {
    let mut o = opzet();
    o.log_in("fatima", WW);
    let volgorde = [3, 0, 5, 1, 4, 2, 2, 5, 0, 3, 1, 4, 5, 3, 0, 2, 4, 1, 0, 5];
    let mut vorige_was_dossier = false;
    for (n, i) in volgorde.into_iter().enumerate() {
        let (id, voornaam, achternaam, (j, m, dag)) = WERK[i];
        let naam = format!("{voornaam} {achternaam}");
        if n % 3 == 0 {
            // Another dossier and its household open on the way, from the list.
            o.nav("Inwoners");
            o.klik("Jan de Vries");
            o.doel();
            o.klik("Huishouden bekijken");
            o.doel();
            o.h.get_by_label("Huishouden de Vries");
            o.nav("Werkvoorraad");
        } else if vorige_was_dossier {
            o.klik("Terug naar de werkvoorraad (Esc)");
        } else {
            o.nav("Werkvoorraad");
        }
        o.h.get_by_label_contains("Open meldingen (7)");
        o.h.get_by_label(&naam).click();
        o.draai();
        o.doel();
        assert_eq!(
            o.h.state().getoond(),
            Some(Plek::Dossier(id.to_owned())),
            "klik {n} op {naam}"
        );
        assert_eq!(
            o.h.state().pad(),
            [
                Plek::Lijst(Scherm::Werkvoorraad),
                Plek::Dossier(id.to_owned())
            ],
            "klik {n} op {naam}"
        );
        o.h.get_by_label(&naam);
        o.h.get_by_label(&crate::steun::d(j, m, dag).format("%d-%m-%Y").to_string());
        assert!(
            o.h.query_by_label_contains("Huishouden de Vries").is_none(),
            "klik {n}: a household shown"
        );
        assert!(
            o.h.query_by_label_contains("Jan de Vries").is_none(),
            "klik {n}: another resident shown"
        );
        vorige_was_dossier = true;
        if n % 4 == 1 {
            // Sometimes the worker goes on from the household of the one clicked.
            o.klik("Huishouden bekijken");
            o.doel();
            o.h.get_by_label(&format!("Huishouden {achternaam}"));
            assert_eq!(
                o.h.state().getoond(),
                Some(Plek::Huishouden(format!("hh-{id}"))),
                "klik {n}: exactly that household"
            );
            o.klik("Terug");
            assert_eq!(o.h.state().getoond(), Some(Plek::Dossier(id.to_owned())));
        }
    }
}

/// (e) Logging out with typed input asks first; "Nee" keeps it all. A
/// beheerder who left a half-filled form is asked too, and the next
/// session is not asked about input that is not theirs.
#[test]
fn afmelden_met_niet_opgeslagen_invoer_vraagt_eerst() {
    let mut o = opzet();
    o.log_in("fatima", WW);
    o.klik("Jan de Vries");
    o.doel();
    o.klik("Nieuwe melding");
    o.typ(
        "Vraag (in de woorden van de inwoner):",
        "Nog niet opgeslagen",
    );
    o.klik("Afmelden");
    o.h.get_by_label("Wijzigingen niet opgeslagen. Toch afmelden? Wat u typte gaat verloren.");
    o.h.get_by_label("Ingelogd als Fatima El Amrani (wijkcoach)");
    o.klik("Nee, blijven");
    assert_eq!(
        o.h.get_by_label("Vraag (in de woorden van de inwoner):")
            .value()
            .as_deref(),
        Some("Nog niet opgeslagen")
    );
    o.klik("Afmelden");
    o.klik("Ja, afmelden");
    o.op_het_inlogscherm();
    let laatste: String = o
        .lees()
        .query_row(
            "SELECT actie FROM audit ORDER BY volgnummer DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(laatste, "afmelden");

    // A beheerder leaves a half-filled kaart form: asked as well.
    o.log_in("bea", WW);
    o.nav("Sociale kaart");
    o.klik("Nieuwe voorziening");
    o.typ("Naam", "Half ingevuld");
    o.klik("Afmelden");
    o.klik("Ja, afmelden");
    // Her next session starts clean: leaving a screen asks nothing.
    o.log_in("bea", WW);
    o.nav("Sociale kaart");
    o.nav("Rapportage");
    assert!(
        o.h.query_by_label_contains("Wijzigingen niet opgeslagen")
            .is_none()
    );
    o.h.get_by_label("Rapportage: prestatie-indicatoren");
    // Without typed input Afmelden asks nothing.
    o.afmelden_zonder_vraag();
}

/// (f) The duplicate check tells an intaker of another team only that the
/// BSN is registered and which team to ask: no name, no date of birth, no
/// way to use the resident. A resident she may see is named as before.
#[test]
fn dubbelcontrole_noemt_geen_inwoner_buiten_bereik() {
    let mut o = opzet();
    o.log_in("sanne", WW);
    o.nav("Inwoners");
    o.klik("Nieuwe inwoner + melding");
    o.typ("Voornaam:", "Piet");
    o.typ("Achternaam:", "Bakker");
    o.typ("Geboortedatum:", "02-02-1990");
    // Jan de Vries's BSN; Jan belongs to Wijkteam Noord.
    o.typ("BSN:", "111222333");
    o.typ("Vraag (in de woorden van de inwoner):", "Hulp bij de post");
    o.h.get_by_label("Financiën").click();
    o.h.run();
    o.klik("Melding opslaan (Enter)");
    o.h.get_by_label("Mogelijk staat deze persoon al in het register:");
    o.h.get_by_label(
        "Dit BSN is al geregistreerd, bij Wijkteam Noord; neem contact op met dat wijkteam.",
    );
    for spoor in ["Jan", "de Vries", "01-03-1980", "Dit is dezelfde persoon"] {
        assert!(
            o.h.query_by_label_contains(spoor).is_none(),
            "'{spoor}' is te zien"
        );
    }
    assert!(
        o.h.query_by_label("Toch nieuw: een andere persoon")
            .is_none(),
        "the same BSN is never a new person"
    );
    // The gateway gives no more than that.
    let loket = o.h.state().loket();
    assert_eq!(
        loket
            .mogelijke_dubbelen(
                Some(&Bsn::parse("111222333").unwrap()),
                "Bakker",
                d(1990, 2, 2)
            )
            .unwrap(),
        [Dubbel::Elders {
            reden: DubbelReden::Bsn,
            wijkteam: Some("Wijkteam Noord".to_owned()),
        }]
    );
    // Pieter Jansen of her own team is named, with a way to use him.
    let dubbelen = loket
        .mogelijke_dubbelen(None, "Jansen", d(1980, 3, 1))
        .unwrap();
    assert!(
        matches!(dubbelen.as_slice(), [Dubbel::Zichtbaar(p)] if p.naam == "Pieter Jansen"),
        "{dubbelen:?}"
    );
}

/// (g) A locked account answers a login exactly as an unknown name or a
/// wrong password; the beheerder sees the lock.
#[test]
fn blokkering_en_onbekende_naam_geven_hetzelfde_antwoord() {
    let mut o = opzet();
    let onjuist = "Gebruikersnaam of wachtwoord onjuist.";
    for _ in 0..5 {
        o.log_in("fatima", "niet-het-goede-99");
        o.h.get_by_label(onjuist);
    }
    // Locked now: even the right password gets the same answer.
    o.log_in("fatima", WW);
    o.h.get_by_label(onjuist);
    assert!(o.h.state().sessie().is_none());
    o.log_in("niemand-bekend", WW);
    o.h.get_by_label(onjuist);
    assert!(
        o.h.query_by_label_contains("Dit account is geblokkeerd")
            .is_none(),
        "the login screen does not tell"
    );
    // It was the lock that refused the right password (the log says so).
    let geblokkeerd: i64 = o
        .lees()
        .query_row(
            "SELECT count(*) FROM audit WHERE actie = 'inloggen-mislukt' AND details = 'reden=geblokkeerd'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(geblokkeerd, 1);
    // The beheerder sees it in Beheer.
    o.log_in("bea", WW);
    o.nav("Beheer");
    o.h.get_by_label("Geblokkeerd tot 09:15");
}
