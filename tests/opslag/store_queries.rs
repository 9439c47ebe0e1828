//! The read queries behind the Inwoners, Dossier and Sociale kaart screens,
//! on the hand-made fixture register, and proof that they use the indexes.

#![allow(clippy::expect_used, reason = "tests may fail loudly")]

use crate::steun::d;
use crate::steun::vaste::{register, vandaag};
use rusqlite::Connection;
use wijkregister::domain::{VoorzieningSoort, Wet};
use wijkregister::store::dossier::{self, ToekenningStatus};
use wijkregister::store::inwoners::{Zoekvraag, zoek, zoek_sql};
use wijkregister::store::sociale_kaart::{KaartFilter, aanbieders, contracten, voorzieningen};

fn ids(conn: &Connection, tekst: &str, wijkteam: Option<&str>) -> Vec<String> {
    let vraag = Zoekvraag {
        tekst: tekst.into(),
        wijkteam: wijkteam.map(Into::into),
    };
    zoek(conn, &vraag)
        .expect("zoeken")
        .into_iter()
        .map(|r| r.id)
        .collect()
}

#[test]
fn achternaam_prefix_zonder_hoofdlettergevoel() {
    let conn = register();
    assert_eq!(ids(&conn, "de v", None), ["in-jan", "in-maria", "in-sem"]);
    assert_eq!(ids(&conn, "DE V", None), ["in-jan", "in-maria", "in-sem"]);
    // "de" also finds Dekker and Devries; name order.
    assert_eq!(
        ids(&conn, "De", None),
        ["in-jan", "in-maria", "in-sem", "in-anna", "in-lotte"]
    );
    assert_eq!(ids(&conn, "jansen", None), ["in-pieter"]);
    assert!(ids(&conn, "Zwart", None).is_empty());
}

#[test]
fn voornaam_achternaam() {
    let conn = register();
    assert_eq!(ids(&conn, "maria de vr", None), ["in-maria"]);
    assert_eq!(ids(&conn, "Jan de Vries", None), ["in-jan"]);
}

#[test]
fn zoeken_op_bsn() {
    let conn = register();
    assert_eq!(ids(&conn, "111222333", None), ["in-jan"]);
    assert_eq!(ids(&conn, "1234", None), ["in-maria"]);
    assert_eq!(ids(&conn, "1", None), ["in-jan", "in-maria"]);
    assert!(ids(&conn, "999999999", None).is_empty());
}

#[test]
fn zoeken_op_geboortedatum() {
    let conn = register();
    assert_eq!(ids(&conn, "01-03-1980", None), ["in-jan", "in-pieter"]);
    assert_eq!(ids(&conn, "1980-03-01", None), ["in-jan", "in-pieter"]);
    assert_eq!(ids(&conn, "1-3-1980", None), ["in-jan", "in-pieter"]);
}

#[test]
fn filter_op_wijkteam() {
    let conn = register();
    assert_eq!(ids(&conn, "", Some("wt-zuid")), ["in-anna", "in-pieter"]);
    assert_eq!(ids(&conn, "de", Some("wt-zuid")), ["in-anna"]);
    assert_eq!(ids(&conn, "01-03-1980", Some("wt-noord")), ["in-jan"]);
    assert_eq!(ids(&conn, "", None).len(), 6);
    let rij = &zoek(
        &conn,
        &Zoekvraag {
            tekst: "jansen".into(),
            wijkteam: None,
        },
    )
    .expect("zoeken")[0];
    assert_eq!(rij.wijkteam.as_deref(), Some("Wijkteam Zuid"));
    assert_eq!(rij.naam(), "Pieter Jansen");
}

fn plan(conn: &Connection, sql: &str, param: &[String]) -> String {
    let mut stmt = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
        .expect("explain");
    let regels: Vec<String> = stmt
        .query_map(rusqlite::params_from_iter(param.iter()), |r| {
            r.get::<_, String>(3)
        })
        .expect("plan")
        .collect::<Result<_, _>>()
        .expect("planregels");
    regels.join("\n")
}

/// The plan must search the inwoner table through an index, never scan it.
fn zoekt_via_index(conn: &Connection, tekst: &str, wijkteam: Option<&str>, index: &str) {
    let (sql, param) = zoek_sql(&Zoekvraag {
        tekst: tekst.into(),
        wijkteam: wijkteam.map(Into::into),
    });
    let plan = plan(conn, &sql, &param);
    assert!(
        !plan.contains("SCAN i"),
        "zoeken op '{tekst}' scant de tabel:\n{plan}"
    );
    assert!(
        plan.contains(index),
        "zoeken op '{tekst}' gebruikt {index} niet:\n{plan}"
    );
}

#[test]
fn zoeken_gebruikt_de_indexen() {
    let conn = register();
    zoekt_via_index(&conn, "de v", None, "inwoner_achternaam");
    zoekt_via_index(&conn, "jan de v", None, "inwoner_achternaam");
    zoekt_via_index(&conn, "111222333", None, "inwoner_bsn");
    zoekt_via_index(&conn, "1234", None, "inwoner_bsn");
    zoekt_via_index(&conn, "01-03-1980", None, "inwoner_geboortedatum");
    zoekt_via_index(&conn, "de", Some("wt-zuid"), "inwoner_wijkteam");
}

#[test]
fn dossierqueries_gebruiken_de_indexen() {
    let conn = register();
    let id = ["in-jan".to_owned()];
    let hh = ["hh-1".to_owned(), "in-jan".to_owned()];
    for (sql, param, index) in [
        (
            dossier::SQL_HUISHOUDEN,
            &id[..],
            "sqlite_autoindex_inwoner_1",
        ),
        (dossier::SQL_HUISGENOTEN, &hh[..], "inwoner_huishouden"),
        (dossier::SQL_AVE, &hh[..1], "ave_huishouden"),
        (dossier::SQL_MELDINGEN, &id[..], "melding_inwoner"),
        (dossier::SQL_TOEKENNINGEN, &id[..], "toekenning_inwoner"),
        (dossier::SQL_VERWIJZINGEN, &id[..], "verwijzing_melding"),
    ] {
        let plan = plan(&conn, sql, param);
        assert!(
            plan.contains(index),
            "{sql}\ngebruikt {index} niet:\n{plan}"
        );
        assert!(
            !plan.lines().any(|r| r.starts_with("SCAN")),
            "{sql}\nscant een tabel:\n{plan}"
        );
    }
}

#[test]
fn dossier_van_jan() {
    let conn = register();
    let dos = dossier::dossier(&conn, "in-jan", vandaag()).expect("dossier");
    assert_eq!(dos.inwoner.naam(), "Jan de Vries");
    assert_eq!(dos.huishouden, "hh-1");
    let genoten: Vec<&str> = dos.huisgenoten.iter().map(|h| h.naam.as_str()).collect();
    assert_eq!(genoten, ["Maria de Vries", "Sem de Vries"]);

    // The planned change of December is not yet in force.
    let nu = dos.ave_nu.as_ref().expect("AVE-niveau");
    assert_eq!((nu.niveau, nu.datum), (3, d(2025, 2, 1)));
    assert_eq!(
        nu.procesregisseur.as_deref(),
        Some("Team Zorg en Veiligheid")
    );
    assert_eq!(nu.casusregisseur.as_deref(), Some("Fatima El Amrani"));
    assert_eq!(
        dos.ave_historie
            .iter()
            .map(|a| a.niveau)
            .collect::<Vec<_>>(),
        [2, 3, 1]
    );

    assert_eq!(dos.meldingen.len(), 2);
    let m1 = &dos.meldingen[1];
    assert_eq!(m1.id, "me-1");
    assert_eq!(
        (m1.gesprek, m1.onderzoek_klaar, m1.afgesloten),
        (
            Some(d(2025, 1, 15)),
            Some(d(2025, 2, 1)),
            Some(d(2025, 3, 1))
        )
    );
    assert_eq!(
        m1.gevraagde_voorziening.as_deref(),
        Some("Begeleiding individueel")
    );
    assert_eq!(m1.medewerker.as_deref(), Some("Fatima El Amrani"));

    let status = |id: &str| {
        dos.toekenningen
            .iter()
            .find(|t| t.id == id)
            .expect(id)
            .status
    };
    assert_eq!(
        status("tk-wachtend"),
        ToekenningStatus::Wachtend {
            dagen_sinds_besluit: 30
        }
    );
    assert_eq!(status("tk-lopend"), ToekenningStatus::Lopend);
    assert_eq!(status("tk-beeindigd"), ToekenningStatus::Beeindigd);
    assert_eq!(status("tk-afgewezen"), ToekenningStatus::Afgewezen);
    let lopend = dos
        .toekenningen
        .iter()
        .find(|t| t.id == "tk-lopend")
        .expect("lopend");
    assert_eq!(lopend.voorziening, "Begeleiding individueel");
    assert_eq!(lopend.aanbieder.as_deref(), Some("Zorggroep Twente"));
    // Newest decision first.
    assert_eq!(dos.toekenningen[0].id, "tk-wachtend");

    assert_eq!(dos.verwijzingen.len(), 1);
    assert_eq!(dos.verwijzingen[0].voorziening, "Wijkkamer De Schakel");
    assert_eq!(dos.verwijzingen[0].opgelost, Some(true));
}

#[test]
fn dossier_zonder_ave_en_onbekende_inwoner() {
    let conn = register();
    let dos = dossier::dossier(&conn, "in-anna", vandaag()).expect("dossier");
    assert!(dos.ave_nu.is_none());
    assert!(dos.huisgenoten.is_empty() && dos.toekenningen.is_empty() && dos.meldingen.is_empty());
    let fout = dossier::dossier(&conn, "bestaat-niet", vandaag()).expect_err("onbekend");
    assert!(fout.to_string().contains("bestaat-niet"), "{fout}");
}

#[test]
fn sociale_kaart_filters() {
    let conn = register();
    let alle = voorzieningen(&conn, KaartFilter::default()).expect("voorzieningen");
    assert_eq!(alle.len(), 5);
    let wijkkamer = alle
        .iter()
        .find(|v| v.id == "vz-wijkkamer")
        .expect("wijkkamer");
    assert_eq!(wijkkamer.kenmerken, ["dagstructurering", "wijkkamer"]);

    let maatwerk_wmo = voorzieningen(
        &conn,
        KaartFilter {
            soort: Some(VoorzieningSoort::Maatwerk),
            wet: Some(Wet::Wmo),
        },
    )
    .expect("filter");
    let namen: Vec<&str> = maatwerk_wmo.iter().map(|v| v.naam.as_str()).collect();
    assert_eq!(
        namen,
        ["Begeleiding individueel", "Hulp bij het huishouden"]
    );
    let algemeen = voorzieningen(
        &conn,
        KaartFilter {
            soort: Some(VoorzieningSoort::Algemeen),
            wet: None,
        },
    )
    .expect("filter");
    assert_eq!(
        algemeen.iter().map(|v| v.id.as_str()).collect::<Vec<_>>(),
        ["vz-wijkkamer"]
    );

    let ab = aanbieders(&conn, None).expect("aanbieders");
    assert_eq!(
        ab.iter()
            .map(|a| (a.naam.as_str(), a.contracten))
            .collect::<Vec<_>>(),
        [("Jeugdhulp Almelo", 1), ("Zorggroep Twente", 2)]
    );
    let ab_jeugd = aanbieders(&conn, Some(Wet::Jeugdwet)).expect("aanbieders");
    assert_eq!(
        ab_jeugd.iter().map(|a| a.contracten).collect::<Vec<_>>(),
        [1, 0]
    );

    let ct = contracten(&conn, Some(Wet::Wmo)).expect("contracten");
    assert_eq!(
        ct.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["ct-oud", "ct-wmo"]
    );
    assert!(!ct[0].is_actief(vandaag()));
    assert!(ct[1].is_actief(vandaag()));
    assert!(!ct[1].is_actief(d(2022, 12, 31)));
}
