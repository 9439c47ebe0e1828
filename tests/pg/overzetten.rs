//! `overzetten`: SQLite → PostgreSQL → SQLite gives the same register,
//! table for table; a non-empty target and a broken audit log are refused,
//! leaving nothing behind; bad addresses give Dutch errors.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "test helpers panic on a broken fixture or an unreachable test server"
)]

use std::path::{Path, PathBuf};

use rusqlite::types::Value;
use wijkregister::cli::{self, Opdracht};
use wijkregister::demo::{self, DemoInstellingen};
use wijkregister::store::pg::{Bestemming, overzetten};
use wijkregister::store::{self, audit};

use crate::proefdb;

/// A small demo register with accounts (every table has rows) in `map`.
fn demoregister(map: &Path) -> PathBuf {
    let pad = map.join("bron.sqlite");
    let mut conn = store::open(&pad).expect("register");
    let inst = DemoInstellingen {
        inwoners: 150,
        jaren: 2,
        eind_jaar: 2025,
        seed: 11,
        peildatum: None,
    };
    let nu = chrono::NaiveDate::from_ymd_opt(2025, 12, 1)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("tijd");
    demo::vul_register_met_accounts(&mut conn, &inst, nu).expect("demo");
    // Reworded AVE texts travel too.
    conn.execute(
        "UPDATE ave_niveau SET naam = 'Eigen kracht' WHERE niveau = 0",
        [],
    )
    .expect("ave_niveau");
    pad
}

/// Every table's rows, sorted, as SQLite values.
fn inhoud(pad: &Path) -> Vec<(String, Vec<Vec<Value>>)> {
    let conn = rusqlite::Connection::open(pad).expect("open");
    let tabellen = overzetten::tabellen_in_volgorde(&conn).expect("tabellen");
    tabellen
        .into_iter()
        .map(|t| {
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM \"{t}\""))
                .expect("select");
            let n = stmt.column_count();
            let mut rijen: Vec<Vec<Value>> = stmt
                .query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())
                .expect("rijen")
                .collect::<Result<_, _>>()
                .expect("rijen");
            rijen.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
            (t, rijen)
        })
        .collect()
}

#[test]
fn sqlite_postgres_sqlite_geeft_hetzelfde_register() {
    let db = proefdb!("sqlite_postgres_sqlite_geeft_hetzelfde_register");
    let map = tempfile::tempdir().expect("map");
    let bron = demoregister(map.path());
    let sleutel = map.path().join("pg-sleutel");
    let heen = overzetten::overzetten(
        &Bestemming::Sqlite(bron.clone()),
        &Bestemming::Postgres(db.adres.clone()),
        Some(&sleutel),
    )
    .expect("naar PostgreSQL");
    assert!(
        heen.auditregels > 0,
        "het auditlog is meegekomen en gecontroleerd"
    );
    assert!(sleutel.join("sleutel").is_file() && sleutel.join("anker").is_file());
    let voor = inhoud(&bron);
    for (tabel, rijen) in &voor {
        assert!(
            !rijen.is_empty(),
            "de demo vult elke tabel; {tabel} is leeg"
        );
        let geteld = heen
            .tabellen
            .iter()
            .find(|(t, _)| t == tabel)
            .map(|(_, n)| *n);
        assert_eq!(geteld, Some(rijen.len() as u64), "{tabel}");
    }
    // On the server: real types, and the step numbers go on after the copied ones.
    let mut c = db.client();
    // The AVE level per household the server's triggers kept while the rows
    // came in equals the source's (schema v12 / PostgreSQL v3): the events
    // arrived in the order recorded.
    let stand_pg: Vec<String> = c
        .query(
            "SELECT concat_ws('|', huishouden, to_char(datum, 'YYYY-MM-DD'), niveau,
                    coalesce(procesregisseur, '-'), coalesce(casusregisseur, '-'), coalesce(wijkteam, '-'))
             FROM ave_stand ORDER BY huishouden COLLATE \"C\"",
            &[],
        )
        .expect("stand")
        .iter()
        .map(|r| r.get(0))
        .collect();
    let stand_sqlite: Vec<String> = rusqlite::Connection::open(&bron)
        .expect("bron")
        .prepare(
            "SELECT concat_ws('|', huishouden, datum, niveau, coalesce(procesregisseur, '-'),
                    coalesce(casusregisseur, '-'), coalesce(wijkteam, '-'))
             FROM ave_stand ORDER BY huishouden",
        )
        .expect("stand")
        .query_map([], |r| r.get(0))
        .expect("stand")
        .collect::<Result<_, _>>()
        .expect("stand");
    assert!(!stand_sqlite.is_empty());
    assert_eq!(stand_pg, stand_sqlite);
    let hoogste: i64 = c
        .query_one("SELECT max(id) FROM klantreis_stap", &[])
        .expect("max")
        .get(0);
    let volgende: i64 = c
        .query_one(
            "INSERT INTO klantreis_stap (melding, stap, datum, medewerker, vastgelegd_op)
             SELECT melding, 'gesprek', datum, medewerker, 'nu' FROM klantreis_stap LIMIT 1 RETURNING id",
            &[],
        )
        .expect("nieuwe stap")
        .get(0);
    assert_eq!(volgende, hoogste + 1);
    c.batch_execute("DELETE FROM klantreis_stap WHERE id = (SELECT max(id) FROM klantreis_stap)")
        .expect("weer weg");

    let terug = map.path().join("terug.sqlite");
    let weer = overzetten::overzetten(
        &Bestemming::Postgres(db.adres.clone()),
        &Bestemming::Sqlite(terug.clone()),
        Some(&sleutel),
    )
    .expect("terug naar SQLite");
    assert_eq!(weer.tabellen, heen.tabellen);
    assert_eq!(weer.auditregels, heen.auditregels);
    let na = inhoud(&terug);
    assert_eq!(voor.len(), na.len());
    for ((tabel, a), (tabel_na, b)) in voor.iter().zip(&na) {
        assert_eq!(tabel, tabel_na);
        assert_eq!(a, b, "tabel {tabel} verschilt na de rondgang");
    }
    // Both anchors end with the copied head.
    for anker in [
        sleutel.join("anker"),
        store::sleutel::map_van(&terug).join("anker"),
    ] {
        let tekst = std::fs::read_to_string(&anker).expect("anker");
        let laatste = tekst.lines().last().expect("een regel");
        assert!(
            laatste.starts_with(&format!("{} ", heen.auditregels))
                && laatste.ends_with(" overzetten"),
            "{}: {laatste}",
            anker.display()
        );
    }
    // The copy is a register of its own: it opens and its log verifies.
    let conn = store::open_bestaand(&terug).expect("open de kopie");
    assert_eq!(
        audit::verifieer(&conn).expect("verifieer"),
        audit::Verificatie::Intact {
            regels: heen.auditregels
        }
    );
}

#[test]
fn een_doel_met_gegevens_wordt_geweigerd() {
    let db = proefdb!("een_doel_met_gegevens_wordt_geweigerd");
    let map = tempfile::tempdir().expect("map");
    let bron = demoregister(map.path());
    let sleutel = map.path().join("pg-sleutel");
    let van = Bestemming::Sqlite(bron.clone());
    let pg = Bestemming::Postgres(db.adres.clone());
    overzetten::overzetten(&van, &pg, Some(&sleutel)).expect("eerste keer");
    let fout = overzetten::overzetten(&van, &pg, Some(&sleutel))
        .expect_err("tweede keer naar hetzelfde register");
    assert!(fout.to_string().contains("is niet leeg"), "{fout}");
    let mut c = db.client();
    let n: i64 = c
        .query_one("SELECT count(*) FROM inwoner", &[])
        .expect("tel")
        .get(0);
    assert_eq!(n, 150, "het doel is ongewijzigd");
    // Back to a file that exists: refused too, the file untouched.
    let bestaand = map.path().join("bestaand.sqlite");
    std::fs::write(&bestaand, b"iets").expect("schrijf");
    let fout = overzetten::overzetten(&pg, &Bestemming::Sqlite(bestaand.clone()), Some(&sleutel))
        .expect_err("bestaand bestand");
    assert!(fout.to_string().contains("bestaat al"), "{fout}");
    assert_eq!(std::fs::read(&bestaand).expect("lees"), b"iets");
    // A key folder of another register beside the PostgreSQL side: refused.
    let ander = tempfile::tempdir().expect("map");
    let andere_bron = ander.path().join("ander.sqlite");
    drop(store::open(&andere_bron).expect("ander register"));
    let db2 = proefdb!("een_doel_met_gegevens_wordt_geweigerd (2)");
    let fout = overzetten::overzetten(
        &Bestemming::Sqlite(andere_bron),
        &Bestemming::Postgres(db2.adres.clone()),
        Some(&sleutel),
    )
    .expect_err("een andere sleutel in de map");
    assert!(
        fout.to_string().contains("sleutel van een ander register"),
        "{fout}"
    );
    let n: i64 = db2
        .client()
        .query_one("SELECT count(*) FROM audit", &[])
        .expect("tel")
        .get(0);
    assert_eq!(n, 0, "niets overgezet");
}

#[test]
fn een_gebroken_auditlog_wordt_niet_overgezet() {
    let db = proefdb!("een_gebroken_auditlog_wordt_niet_overgezet");
    let map = tempfile::tempdir().expect("map");
    let bron = demoregister(map.path());
    let sleutel = map.path().join("pg-sleutel");
    overzetten::overzetten(
        &Bestemming::Sqlite(bron),
        &Bestemming::Postgres(db.adres.clone()),
        Some(&sleutel),
    )
    .expect("naar PostgreSQL");
    // Someone with the server's superuser rights edits the log.
    db.client()
        .batch_execute(
            "ALTER TABLE audit DISABLE TRIGGER USER;
             UPDATE audit SET actor = 'iemand anders' WHERE volgnummer = 2;
             ALTER TABLE audit ENABLE TRIGGER USER;",
        )
        .expect("knoeien");
    let terug = map.path().join("terug.sqlite");
    let fout = overzetten::overzetten(
        &Bestemming::Postgres(db.adres.clone()),
        &Bestemming::Sqlite(terug.clone()),
        Some(&sleutel),
    )
    .expect_err("gebroken keten");
    let tekst = fout.to_string();
    assert!(tekst.contains("auditlog klopt niet bij regel 2"), "{tekst}");
    assert!(!terug.exists(), "de onaffe kopie is verwijderd");
    assert!(
        !store::sleutel::map_van(&terug).exists(),
        "en haar sleutelmap ook"
    );
}

#[test]
fn foute_adressen_geven_een_nederlandse_melding() {
    let parse = |args: &[&str]| cli::parse(args.iter().map(|s| (*s).to_owned()));
    let fout = parse(&[
        "overzetten",
        "--van",
        "r.sqlite",
        "--naar",
        "postgresql://u@h:abc/d",
    ])
    .expect_err("foute poort");
    assert_eq!(
        fout,
        "--naar: ongeldig PostgreSQL-adres: de poort 'abc' is geen getal van 1 tot en met 65535. Verwacht: postgresql://gebruiker[:wachtwoord]@host[:poort]/database[?sslmode=require|verify-full]"
    );
    let fout = parse(&[
        "overzetten",
        "--van",
        "postgres://geheim:Wachtwoord9@h/d?sslmode=prefer",
        "--naar",
        "r.sqlite",
    ])
    .expect_err("prefer");
    assert!(
        fout.starts_with("--van: ongeldig PostgreSQL-adres: sslmode=prefer"),
        "{fout}"
    );
    assert!(!fout.contains("Wachtwoord9"), "{fout}");
    assert!(
        parse(&["overzetten", "--van", "r.sqlite"])
            .expect_err("zonder --naar")
            .contains("--naar DOEL")
    );
    let goed = parse(&[
        "overzetten",
        "--van",
        "r.sqlite",
        "--naar",
        "postgresql://u@h/d",
        "--sleutel",
        "k",
    ])
    .expect("geldig");
    assert!(matches!(goed.opdracht, Opdracht::Overzetten { .. }));
    // Most commands do not run on PostgreSQL yet, and say so; the window
    // and 'audit verify' do.
    let fout =
        parse(&["--db", "postgresql://u@h/d", "report", "--jaar", "2025"]).expect_err("report");
    assert!(
        fout.contains("werkt nog alleen met het venster (inloggen en accounts), 'audit verify' en 'overzetten'"),
        "{fout}"
    );
    assert_eq!(
        parse(&["--db", "postgresql://u@h/d"])
            .expect("venster")
            .opdracht,
        Opdracht::Gui
    );
    assert_eq!(
        parse(&["--db", "postgresql://u@h/d", "audit", "verify"])
            .expect("audit verify")
            .opdracht,
        Opdracht::AuditVerifieer
    );
    let fout = parse(&["--db", "postgresql://u@/d"]).expect_err("venster, fout adres");
    assert!(
        fout.contains("--db: ongeldig PostgreSQL-adres: de host ontbreekt"),
        "{fout}"
    );
    // A path stays a path.
    assert_eq!(
        parse(&["--db", "postgres.sqlite"]).expect("pad").db,
        Some(PathBuf::from("postgres.sqlite"))
    );
    // Two of a kind is no copy.
    let fout = overzetten::overzetten(
        &Bestemming::Sqlite("a.sqlite".into()),
        &Bestemming::Sqlite("b.sqlite".into()),
        None,
    )
    .expect_err("twee bestanden");
    assert!(
        fout.to_string()
            .contains("van een SQLite-bestand naar een PostgreSQL-database")
    );
}

/// `url` with a password in it (the test server trusts local connections,
/// so any password is accepted): to show it appears in no output.
fn met_wachtwoord(url: &str, wachtwoord: &str) -> String {
    let begin = url.find("://").map_or(0, |i| i + 3);
    let at = url[begin..].find('@').map_or(begin, |i| begin + i);
    let gebruiker = &url[begin..at];
    let gebruiker = gebruiker.split(':').next().unwrap_or(gebruiker);
    format!("{}{gebruiker}:{wachtwoord}{}", &url[..begin], &url[at..])
}

#[test]
fn de_opdracht_overzetten_van_begin_tot_eind() {
    use std::process::Command;
    let db = proefdb!("de_opdracht_overzetten_van_begin_tot_eind");
    let map = tempfile::tempdir().expect("map");
    let bron = demoregister(map.path());
    let url = met_wachtwoord(&db.url, "Geheim-42");
    let sleutel = map.path().join("pg-sleutel");
    let bin = env!("CARGO_BIN_EXE_wijkregister");
    let draai = |args: &[&std::ffi::OsStr]| {
        let uit = Command::new(bin).args(args).output().expect("start");
        let tekst = format!(
            "{}{}",
            String::from_utf8_lossy(&uit.stdout),
            String::from_utf8_lossy(&uit.stderr)
        );
        assert!(
            !tekst.contains("Geheim-42"),
            "het wachtwoord staat in de uitvoer: {tekst}"
        );
        (uit.status.code(), tekst)
    };
    let heen = [
        "overzetten".as_ref(),
        "--van".as_ref(),
        bron.as_os_str(),
        "--naar".as_ref(),
        url.as_ref(),
        "--sleutel".as_ref(),
        sleutel.as_os_str(),
    ];
    let (code, tekst) = draai(&heen);
    assert_eq!(code, Some(0), "{tekst}");
    assert!(tekst.contains("Overgezet van"), "{tekst}");
    assert!(tekst.contains("auditlog intact"), "{tekst}");
    assert!(tekst.contains("  inwoner: 150"), "{tekst}");
    let (code, tekst) = draai(&heen);
    assert_eq!(code, Some(1), "{tekst}");
    assert!(tekst.contains("is niet leeg"), "{tekst}");
    let terug = map.path().join("terug.sqlite");
    let (code, tekst) = draai(&[
        "overzetten".as_ref(),
        "--van".as_ref(),
        url.as_ref(),
        "--naar".as_ref(),
        terug.as_os_str(),
        "--sleutel".as_ref(),
        sleutel.as_os_str(),
    ]);
    assert_eq!(code, Some(0), "{tekst}");
    assert!(terug.is_file());
    // Commands not yet on PostgreSQL refuse the register, with a message.
    let (code, tekst) = draai(&[
        "--db".as_ref(),
        url.as_ref(),
        "report".as_ref(),
        "--jaar".as_ref(),
        "2025".as_ref(),
    ]);
    assert_eq!(code, Some(2), "{tekst}");
    assert!(
        tekst.contains("werkt nog alleen met het venster (inloggen en accounts), 'audit verify' en 'overzetten'"),
        "{tekst}"
    );
}

#[test]
fn het_auditlog_van_een_postgresql_register_controleren() {
    use wijkregister::store::pg::{self, audit as pg_audit};
    let db = proefdb!("het_auditlog_van_een_postgresql_register_controleren");
    let map = tempfile::tempdir().expect("map");
    let sleutel = map.path().join("pg-sleutel");
    // No schema yet: refused, nothing made.
    let fout = pg::open_bestaand(&db.adres, Some(&sleutel))
        .err()
        .expect("lege database");
    assert!(
        fout.to_string().contains("geen wijkregister-register"),
        "{fout}"
    );
    let bron = demoregister(map.path());
    let verslag = overzetten::overzetten(
        &Bestemming::Sqlite(bron),
        &Bestemming::Postgres(db.adres.clone()),
        Some(&sleutel),
    )
    .expect("naar PostgreSQL");
    // Without its key the register does not open.
    let fout = pg::open_bestaand(&db.adres, Some(&map.path().join("elders")))
        .err()
        .expect("geen sleutel");
    assert!(
        fout.to_string()
            .contains("sleutel van het auditlog ontbreekt"),
        "{fout}"
    );
    let mut register = pg::open_bestaand(&db.adres, Some(&sleutel)).expect("open");
    assert_eq!(
        pg_audit::verifieer(&mut register).expect("verifieer"),
        audit::Verificatie::Intact {
            regels: verslag.auditregels
        }
    );
    // A switched-off trigger is seen.
    register
        .client
        .batch_execute("ALTER TABLE audit DISABLE TRIGGER audit_alleen_toevoegen_delete")
        .expect("uitzetten");
    match pg_audit::verifieer(&mut register).expect("verifieer") {
        audit::Verificatie::Gebroken {
            volgnummer: 0,
            reden,
        } => {
            assert!(reden.contains("audit_alleen_toevoegen_delete"), "{reden}");
        }
        anders => panic!("een uitgezette trigger werd niet gezien: {anders:?}"),
    }
    // A row changed behind the triggers' back breaks the chain there.
    register
        .client
        .batch_execute(
            "ALTER TABLE audit ENABLE TRIGGER audit_alleen_toevoegen_delete;
             ALTER TABLE audit DISABLE TRIGGER audit_alleen_toevoegen_update;
             UPDATE audit SET details = 'anders' WHERE volgnummer = 3;
             ALTER TABLE audit ENABLE TRIGGER audit_alleen_toevoegen_update;",
        )
        .expect("knoeien");
    match pg_audit::verifieer(&mut register).expect("verifieer") {
        audit::Verificatie::Gebroken { volgnummer, .. } => assert_eq!(volgnummer, 3),
        anders @ audit::Verificatie::Intact { .. } => {
            panic!("een gewijzigde regel werd niet gezien: {anders:?}")
        }
    }
    // A replaced trigger function is seen too (on a second register, whose
    // chain is intact, so the check gets to the triggers).
    let db2 = proefdb!("het_auditlog_van_een_postgresql_register_controleren (2)");
    let map2 = tempfile::tempdir().expect("map");
    let sleutel2 = map2.path().join("pg-sleutel");
    overzetten::overzetten(
        &Bestemming::Sqlite(demoregister(map2.path())),
        &Bestemming::Postgres(db2.adres.clone()),
        Some(&sleutel2),
    )
    .expect("tweede register");
    let mut tweede = pg::open_bestaand(&db2.adres, Some(&sleutel2)).expect("open");
    tweede
        .client
        .batch_execute(
            "CREATE OR REPLACE FUNCTION audit_alleen_toevoegen() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN RETURN NEW; END; $$;",
        )
        .expect("functie vervangen");
    match pg_audit::verifieer(&mut tweede).expect("verifieer") {
        audit::Verificatie::Gebroken {
            volgnummer: 0,
            reden,
        } => {
            assert!(
                reden.contains("trigger audit_alleen_toevoegen_update"),
                "{reden}"
            );
        }
        anders => panic!("een vervangen triggerfunctie werd niet gezien: {anders:?}"),
    }
}
