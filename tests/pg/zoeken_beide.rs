//! Search, access and the dossier give the same answers on both engines
//! (issue #17): one demo register, copied to PostgreSQL with `overzetten`,
//! asked the same questions as every kind of worker on each engine.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a test fails loudly on the first surprise"
)]

use chrono::NaiveDate;
use wijkregister::demo::{self, DemoInstellingen};
use wijkregister::domain::Rol;
use wijkregister::store::db::Db;
use wijkregister::store::inwoners::{InwonerRij, Zoekvraag};
use wijkregister::store::medewerkers::{self, MedewerkerRij};
use wijkregister::store::pg::{self, Bestemming, overzetten};
use wijkregister::store::{self, toegang};

fn vandaag() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 11, 20).unwrap()
}

/// One demo register on both engines: made on SQLite, copied to a fresh
/// PostgreSQL database with `overzetten`.
pub struct Paar {
    /// The SQLite register.
    pub sqlite: rusqlite::Connection,
    /// The same register on PostgreSQL.
    pub postgres: wijkregister::store::db::PgVerbinding,
    _map: tempfile::TempDir,
    db: crate::proefdb::ProefDb,
}

impl Paar {
    /// A demo register of `inwoners` residents over three years, or `None`
    /// when the PostgreSQL tests are skipped (loudly).
    pub fn nieuw(test: &str, inwoners: u32, seed: u64) -> Option<Paar> {
        let db = crate::proefdb::ProefDb::nieuw(test)?;
        let map = tempfile::tempdir().unwrap();
        let bron = map.path().join("bron.sqlite");
        {
            let mut conn = store::open(&bron).unwrap();
            let inst = DemoInstellingen {
                inwoners,
                jaren: 3,
                eind_jaar: 2025,
                seed,
                peildatum: None,
            };
            demo::vul_register(&mut conn, &inst).unwrap();
        }
        let sleutel = map.path().join("pg-sleutel");
        overzetten::overzetten(
            &Bestemming::Sqlite(bron.clone()),
            &Bestemming::Postgres(db.adres.clone()),
            Some(&sleutel),
        )
        .unwrap();
        Some(Paar {
            sqlite: store::open(&bron).unwrap(),
            postgres: pg::open_register(&db.adres, Some(&sleutel), false).unwrap(),
            _map: map,
            db,
        })
    }

    /// The PostgreSQL database's address (for another desktop's connection).
    pub fn adres(&self) -> pg::PgAdres {
        self.db.adres.clone()
    }

    /// Both, as the store's functions take them.
    pub fn beide(&self) -> (Db<'_>, Db<'_>) {
        (Db::from(&self.sqlite), Db::from(&self.postgres))
    }
}

/// The busiest worker of each role that sees residents (by meldingen).
fn werkers(db: Db<'_>) -> Vec<MedewerkerRij> {
    let alle = medewerkers::alle(db).unwrap();
    let mut uit = Vec::new();
    for rol in [
        Rol::Intaker,
        Rol::Wijkcoach,
        Rol::Procesmanager,
        Rol::Teamleider,
        Rol::Beheerder,
    ] {
        if let Some(m) = alle.iter().find(|m| m.rol == rol) {
            uit.push(m.clone());
        }
    }
    assert!(uit.len() >= 4, "de demo heeft elke rol: {uit:?}");
    uit
}

/// Every page of a search, `per` rows at a time.
fn alle_paginas(db: Db<'_>, g: &MedewerkerRij, vraag: &Zoekvraag, per: usize) -> Vec<InwonerRij> {
    let mut uit: Vec<InwonerRij> = Vec::new();
    loop {
        let pagina = toegang::zoek_pagina(db, g, vraag, vandaag(), uit.last(), per).unwrap();
        let klaar = pagina.len() < per;
        uit.extend(pagina);
        if klaar {
            return uit;
        }
    }
}

#[test]
fn zoeken_toegang_en_dossier_zijn_gelijk_op_beide() {
    let Some(paar) = Paar::nieuw("zoeken_toegang_en_dossier_zijn_gelijk_op_beide", 400, 7) else {
        return;
    };
    let (s, p) = paar.beide();

    let werkers = werkers(s);
    assert_eq!(werkers, self::werkers(p));
    // Texts a worker types: nothing, one letter, two, a prefix of a name of
    // the register, a first name and last name, a BSN prefix, a birth date.
    let iemand = store::inwoners::zoek(s, &Zoekvraag::default()).unwrap()[17].clone();
    let mut teksten = vec![
        String::new(),
        "v".to_owned(),
        "de".to_owned(),
        iemand.achternaam.chars().take(3).collect(),
        format!("{} {}", iemand.voornaam, iemand.achternaam),
        iemand.geboortedatum.format("%d-%m-%Y").to_string(),
    ];
    if let Some(bsn) = &iemand.bsn {
        teksten.push(bsn[..3].to_owned());
        teksten.push(bsn.clone());
    }
    let mut gezien = 0;
    let mut dossiers = 0;
    for g in &werkers {
        for tekst in &teksten {
            let vraag = Zoekvraag {
                tekst: tekst.clone(),
                wijkteam: None,
            };
            let op_sqlite = toegang::zoek(s, g, &vraag, vandaag());
            let op_pg = toegang::zoek(p, g, &vraag, vandaag());
            match (op_sqlite, op_pg) {
                (Ok(a), Ok(b)) => {
                    assert_eq!(a, b, "{} ({:?}) zoekt '{tekst}'", g.naam, g.rol);
                    // Page by page: the same rows, in the same order.
                    assert_eq!(alle_paginas(p, g, &vraag, 7), a, "pagina's van '{tekst}'");
                    gezien += a.len();
                }
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
                (a, b) => panic!("{} zoekt '{tekst}': {a:?} tegenover {b:?}", g.naam),
            }
        }
        // Who may open which dossier, and what it holds.
        for inwoner in store::inwoners::zoek(s, &Zoekvraag::default())
            .unwrap()
            .iter()
            .step_by(23)
        {
            let mag = toegang::mag_inwoner(s, g, &inwoner.id, vandaag()).unwrap();
            assert_eq!(
                mag,
                toegang::mag_inwoner(p, g, &inwoner.id, vandaag()).unwrap(),
                "{} en {}",
                g.naam,
                inwoner.id
            );
            if mag {
                dossiers += 1;
                assert_eq!(
                    toegang::dossier(s, g, &inwoner.id, vandaag()).unwrap(),
                    toegang::dossier(p, g, &inwoner.id, vandaag()).unwrap()
                );
            }
        }
    }
    assert!(
        gezien > 300,
        "de vergelijking zag te weinig rijen: {gezien}"
    );
    assert!(dossiers > 10, "te weinig dossiers vergeleken: {dossiers}");
}

/// The klantreis as the melding screen reads it gives the same answers on
/// both engines: the melding, its steps, what may come next, the
/// afwegingsladder, matched care, toekenningen, and possible duplicates of
/// a new resident.
#[test]
fn de_klantreis_lezen_is_gelijk_op_beide() {
    use wijkregister::domain::Bsn;
    use wijkregister::store::klantreis as kr;
    let Some(paar) = Paar::nieuw("de_klantreis_lezen_is_gelijk_op_beide", 300, 5) else {
        return;
    };
    let (s, p) = paar.beide();

    let meldingen: Vec<String> = s
        .query_map("SELECT id FROM melding ORDER BY id", &[], |r| r.get(0))
        .unwrap();
    assert!(meldingen.len() > 100, "{}", meldingen.len());
    let mut met_stappen = 0;
    let mut met_passend = 0;
    for id in meldingen.iter().step_by(3) {
        assert_eq!(
            kr::melding(s, id).unwrap(),
            kr::melding(p, id).unwrap(),
            "{id}"
        );
        let stappen = kr::stappen(s, id).unwrap();
        met_stappen += usize::from(!stappen.is_empty());
        assert_eq!(stappen, kr::stappen(p, id).unwrap(), "{id}");
        assert_eq!(
            kr::nog_te_doen(s, id).unwrap(),
            kr::nog_te_doen(p, id).unwrap()
        );
        assert_eq!(kr::afweging(s, id).unwrap(), kr::afweging(p, id).unwrap());
        let passend = kr::passende_voorzieningen_voor_melding(s, id, vandaag()).unwrap();
        met_passend += usize::from(!passend.is_empty());
        assert_eq!(
            passend,
            kr::passende_voorzieningen_voor_melding(p, id, vandaag()).unwrap(),
            "{id}"
        );
    }
    assert!(
        met_stappen > 10 && met_passend > 10,
        "{met_stappen} {met_passend}"
    );
    let toekenningen: Vec<String> = s
        .query_map("SELECT id FROM toekenning ORDER BY id", &[], |r| r.get(0))
        .unwrap();
    for id in toekenningen.iter().step_by(7) {
        assert_eq!(
            kr::toekenning(s, id).unwrap(),
            kr::toekenning(p, id).unwrap()
        );
    }
    // Possible duplicates: by BSN, and by last name (any case) and birth date.
    let iemand = store::inwoners::zoek(s, &Zoekvraag::default()).unwrap()[40].clone();
    let bsn = iemand.bsn.as_deref().map(|b| Bsn::parse(b).unwrap());
    for (bsn, naam) in [
        (bsn.as_ref(), "iemand anders".to_owned()),
        (None, iemand.achternaam.to_uppercase()),
    ] {
        let a = kr::mogelijke_dubbelen(s, bsn, &naam, iemand.geboortedatum).unwrap();
        assert!(a.iter().any(|d| d.id == iemand.id), "{naam}: {a:?}");
        assert_eq!(
            a,
            kr::mogelijke_dubbelen(p, bsn, &naam, iemand.geboortedatum).unwrap()
        );
    }
}
