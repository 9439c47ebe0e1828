//! The performance benchmark of wijkregister on a large register (issues
//! "Speed at the scale of a real town over ten years" and #13 "Fast for
//! every worker").
//!
//! Run with `cargo bench --bench prestaties` (release build). Options after
//! `--`: `--inwoners N[,M…]` (75000; several sizes are measured one after
//! the other and the growth factor between the first and the last is
//! printed per figure), `--jaren K` (10), `--runs R` (5), `--map DIR`
//! (target/prestaties). For each size it generates the large register (as
//! an exchange file and as a database), gives it the history real workers
//! have (see [`echte_werkers`]), then measures, each figure the median of
//! several runs, with the target and whether it holds:
//!
//! - as the busiest intaker, wijkcoach, procesmanager and teamleider, the
//!   same figures as `wijkregister meet` (the same code, `cli::meet`,
//!   through the gateway): the first screenful of the whole list and of the
//!   searches on one letter, two letters, a name prefix and a BSN, the
//!   werkvoorraad, the AVE overview, the year report;
//! - the intaker's whole list, every page (the 63-second list of #13);
//! - a dossier and a household; the ten-year export; import against a bare
//!   insert loop; export-jsonl; a backup;
//! - `audit verify` on a log of a million rows (once, not per size);
//! - the app: start to first frame, one frame, peak memory (child process).
//!
//! Frame times are measured through `egui_kittest` (layout, AccessKit tree
//! and tessellation of one frame; no GPU). The tables are also written to
//! `DIR/resultaat.md`.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark fails loudly on the first surprise"
)]

use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use egui_kittest::Harness;
use wijkregister::cli::meet;
use wijkregister::demo::{self, DemoInstellingen};
use wijkregister::domain::Record;
use wijkregister::gateway::{Gateway, Klok, Sessie};
use wijkregister::report;
use wijkregister::report::export::ExportOpties;
use wijkregister::store::inwoners::Zoekvraag;
use wijkregister::store::{self, audit, import, medewerkers, toegang};
use wijkregister::ui::app::WijkregisterApp;

struct Opties {
    inwoners: Vec<u32>,
    jaren: u32,
    runs: usize,
    map: PathBuf,
}

fn opties() -> (Opties, Option<PathBuf>) {
    let mut o = Opties {
        inwoners: vec![75_000],
        jaren: 10,
        runs: 5,
        map: PathBuf::from("target/prestaties"),
    };
    let mut geheugen = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--inwoners" => {
                o.inwoners = args
                    .next()
                    .map(|v| {
                        v.split(',')
                            .map(|n| n.trim().parse().expect("--inwoners N[,M]"))
                            .collect()
                    })
                    .expect("--inwoners N[,M]");
            }
            "--jaren" => o.jaren = args.next().and_then(|v| v.parse().ok()).expect("--jaren K"),
            "--runs" => o.runs = args.next().and_then(|v| v.parse().ok()).expect("--runs R"),
            "--map" => o.map = PathBuf::from(args.next().expect("--map DIR")),
            "--geheugen" => geheugen = Some(PathBuf::from(args.next().expect("--geheugen DB"))),
            // cargo bench passes --bench; ignore it and anything unknown.
            _ => {}
        }
    }
    (o, geheugen)
}

/// Median of `runs` timings of `f`.
fn mediaan(runs: usize, mut f: impl FnMut() -> Duration) -> Duration {
    let mut tijden: Vec<Duration> = (0..runs.max(1)).map(|_| f()).collect();
    tijden.sort();
    tijden[tijden.len() / 2]
}

fn meet_tijd(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// One figure of one size: the value in its unit, the target, the verdict.
#[derive(Clone)]
struct Rij {
    naam: String,
    waarde: f64,
    eenheid: &'static str,
    doel: String,
    gehaald: Option<bool>,
    toelichting: String,
}

fn toon_waarde(waarde: f64, eenheid: &str) -> String {
    match eenheid {
        "ms" if waarde < 10.0 => format!("{waarde:.2} ms"),
        "ms" => format!("{waarde:.1} ms"),
        "s" => format!("{waarde:.2} s"),
        "/s" => format!("{waarde:.0}/s"),
        "×" => format!("{waarde:.2}×"),
        "MB" => format!("{waarde:.0} MB"),
        _ => format!("{waarde} {eenheid}"),
    }
}

fn oordeel(gehaald: Option<bool>) -> &'static str {
    match gehaald {
        Some(true) => "gehaald",
        Some(false) => "NIET GEHAALD",
        None => "",
    }
}

struct Tabel(Vec<Rij>);

impl Tabel {
    fn rij(
        &mut self,
        naam: &str,
        waarde: f64,
        eenheid: &'static str,
        doel: &str,
        gehaald: Option<bool>,
        toelichting: &str,
    ) {
        println!(
            "  {naam:<58} {:>14}  {doel:<12} {:<12} {toelichting}",
            toon_waarde(waarde, eenheid),
            oordeel(gehaald)
        );
        self.0.push(Rij {
            naam: naam.to_owned(),
            waarde,
            eenheid,
            doel: doel.to_owned(),
            gehaald,
            toelichting: toelichting.to_owned(),
        });
    }

    fn tijd(&mut self, naam: &str, d: Duration, doel_ms: Option<f64>, toelichting: &str) {
        let waarde = ms(d);
        let doel = doel_ms.map_or_else(String::new, |d| {
            if d >= 1000.0 {
                format!("< {} s", d / 1000.0)
            } else {
                format!("< {d} ms")
            }
        });
        self.rij(
            naam,
            waarde,
            "ms",
            &doel,
            doel_ms.map(|d| waarde < d),
            toelichting,
        );
    }
}

/// Peak resident memory of this process (VmHWM), in MB.
fn piekgeheugen_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let regel = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = regel.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn vandaag() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The wijkcoach the app works as and who gets the history of
/// [`echte_werkers`]: the first of the first wijkteam.
fn wijkcoach(conn: &rusqlite::Connection) -> String {
    conn.query_row(
        "SELECT id FROM medewerker WHERE rol = 'wijkcoach' AND wijkteam IS NOT NULL ORDER BY id LIMIT 1",
        [],
        |r| r.get(0),
    )
    .expect("een wijkcoach")
}

/// The history the demo does not give its workers, added by the benchmark
/// itself (plain SQL on the benchmark's copy; the demo generator stays as
/// it is): every intaker recorded the first step of each of their
/// meldingen; the wijkcoach of [`wijkcoach`] recorded a conversation on one
/// melding in 25 all over the town (3,000 at 75,000 residents) and owns
/// the 2,000 closed meldingen of one resident of another team (as in #13).
/// They are casusregisseur in the demo's AVE events already.
fn echte_werkers(conn: &rusqlite::Connection) -> (usize, usize) {
    let coach = wijkcoach(conn);
    let tx = conn.unchecked_transaction().expect("tx");
    let intakerstappen = tx
        .execute(
            "INSERT INTO klantreis_stap (melding, stap, datum, medewerker, notitie, vastgelegd_op)
             SELECT m.id, 'melding', m.datum, m.medewerker, '', m.datum || ' 09:00:00'
             FROM melding m JOIN medewerker w ON w.id = m.medewerker WHERE w.rol = 'intaker'",
            [],
        )
        .expect("stappen intakers");
    let coachstappen = tx
        .execute(
            "INSERT INTO klantreis_stap (melding, stap, datum, medewerker, notitie, vastgelegd_op)
             SELECT id, 'gesprek', datum, ?1, '', datum || ' 11:00:00' FROM melding WHERE rowid % 25 = 0",
            [&coach],
        )
        .expect("stappen wijkcoach");
    let inwoner: String = tx
        .query_row(
            "SELECT i.id FROM inwoner i WHERE i.wijkteam IS NOT (SELECT wijkteam FROM medewerker WHERE id = ?1)
             ORDER BY i.id LIMIT 1",
            [&coach],
            |r| r.get(0),
        )
        .expect("inwoner");
    tx.execute(
        "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 2000)
         INSERT INTO melding (id, inwoner, datum, bron, medewerker, afgesloten, uitkomst)
         SELECT 'BENCH-M-' || k, ?1, date('2020-01-01', '+' || k || ' days'), 'zelfmelder', ?2,
                date('2020-01-01', '+' || k || ' days'), 'informatie-advies' FROM n",
        rusqlite::params![inwoner, coach],
    )
    .expect("meldingen van één inwoner");
    tx.commit().expect("commit");
    (intakerstappen, coachstappen)
}

/// Opens the app on `db` in a kittest harness, as the wijkcoach, and draws
/// frames until the Inwoners list is there (the search runs on its own
/// thread and connection, so the first frame does not wait for it).
fn app_harness(db: &Path) -> Harness<'static, WijkregisterApp> {
    let conn = store::open(db).expect("open");
    let als = wijkcoach(&conn);
    let mut app =
        WijkregisterApp::met_register(Gateway::new(conn, Some(db.to_path_buf())), vandaag());
    app.werk_als(&als);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut WijkregisterApp| app.ui(ui), app);
    teken(&mut harness);
    let begin = std::time::Instant::now();
    while harness.state().zoekt() {
        assert!(
            begin.elapsed() < Duration::from_mins(1),
            "de zoekopdracht eindigt niet"
        );
        std::thread::yield_now();
        teken(&mut harness);
    }
    teken(&mut harness);
    harness
}

/// One frame: layout (`step`) and tessellation of what it painted.
fn teken(harness: &mut Harness<'static, WijkregisterApp>) {
    harness.step();
    let uit = harness.output();
    let _ = harness
        .ctx
        .tessellate(uit.shapes.clone(), uit.pixels_per_point);
}

/// The child process: open the app on the large register, draw, scroll, report VmHWM.
fn meet_geheugen(db: &Path) {
    let mut harness = app_harness(db);
    for _ in 0..5 {
        teken(&mut harness);
    }
    let inwoners = harness.state_mut().inwoners_mut().expect("een sessie");
    let midden = inwoners.aantal_rijen() / 2;
    inwoners.selecteer(midden);
    for _ in 0..10 {
        teken(&mut harness);
    }
    println!("PIEK_MB {:.1}", piekgeheugen_mb().unwrap_or(f64::NAN));
}

fn verwijder_db(db: &Path) {
    for b in [
        db.to_path_buf(),
        db.with_extension("sqlite-wal"),
        db.with_extension("sqlite-shm"),
    ] {
        let _ = std::fs::remove_file(b);
    }
}

/// `audit verify` on a log of a million rows, in a register of its own.
fn audit_miljoen(map: &Path, runs: usize, tabel: &mut Tabel) {
    const REGELS: i64 = 1_000_000;
    let db = map.join("audit-miljoen.sqlite");
    verwijder_db(&db);
    let mut conn = store::open(&db).expect("open");
    let acties = [
        "openen-dossier",
        "wijzigen",
        "inloggen",
        "afmelden",
        "export",
    ];
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .expect("tx");
    for i in 0..REGELS {
        let tijdstip = format!(
            "2026-{:02}-{:02}T{:02}:{:02}:00Z",
            1 + (i / 90_000) % 12,
            1 + (i / 3_000) % 28,
            (i / 60) % 24,
            i % 60
        );
        let actor = format!("MW-{:04}", i % 300);
        let object = format!("inwoner:I-{:06}", (i * 7919) % 75_000);
        audit::log(
            &tx,
            &audit::Logregel {
                tijdstip: &tijdstip,
                actor: &actor,
                actie: acties[(i % 5) as usize],
                object: Some(&object),
                doel: Some("intake"),
                resultaat: audit::Resultaat::Gelukt,
                details: None,
            },
        )
        .expect("log");
    }
    tx.commit().expect("commit");
    drop(conn);
    let conn = store::open(&db).expect("open");
    let t = mediaan(runs.min(3), || {
        meet_tijd(|| {
            assert!(matches!(
                audit::verifieer(&conn).expect("verify"),
                audit::Verificatie::Intact { .. }
            ));
        })
    });
    let mb = std::fs::metadata(&db).map_or(0, |m| m.len()) / 1_000_000;
    tabel.tijd(
        "audit verify, 1.000.000 regels",
        t,
        Some(2000.0),
        &format!("{mb} MB"),
    );
    drop(conn);
    verwijder_db(&db);
}

/// Every figure at one size.
fn meet_grootte(o: &Opties, inwoners: u32, met_audit: bool) -> Vec<Rij> {
    let map = o.map.join(inwoners.to_string());
    std::fs::create_dir_all(&map).expect("map");
    let eind_jaar = chrono::Datelike::year(&vandaag());
    let inst = DemoInstellingen {
        inwoners,
        jaren: o.jaren,
        eind_jaar,
        seed: 1,
        peildatum: Some(vandaag()),
    };
    println!(
        "\nwijkregister prestaties — {inwoners} inwoners, {} jaar, mediaan van {} runs, {} kernen",
        o.jaren,
        o.runs,
        std::thread::available_parallelism().map_or(0, std::num::NonZero::get)
    );
    let mut tabel = Tabel(Vec::new());

    // 1. The large register, as an exchange file and as a database.
    let jsonl = map.join("groot.jsonl");
    let db = map.join("groot.sqlite");
    let mut verslag = None;
    let t_jsonl = meet_tijd(|| {
        let uit = BufWriter::new(File::create(&jsonl).expect("jsonl"));
        verslag = Some(demo::schrijf_jsonl(uit, &inst).expect("demo jsonl"));
    });
    let verslag = verslag.expect("verslag");
    println!("  register: {}", verslag.samenvatting());
    verwijder_db(&db);
    let t_db = meet_tijd(|| {
        let mut conn = store::open(&db).expect("open");
        demo::vul_register(&mut conn, &inst).expect("demo db");
    });
    tabel.rij(
        "demo genereren als uitwisselingsbestand",
        t_jsonl.as_secs_f64(),
        "s",
        "",
        None,
        "",
    );
    tabel.rij(
        "demo genereren als database",
        t_db.as_secs_f64(),
        "s",
        "",
        None,
        "",
    );

    // 2. Import against the bare insert loop of the same rows. The loop
    // inserts records (`schrijven::voeg_in`); the lines of version 2 that are
    // no record (settings, klantreis steps, the ladder, accounts, audit
    // rows) have no bare insert of their own. So both are given the same
    // file: the header and the record lines of the demo file, and both
    // write exactly those rows. At more than 100,000 residents one run each
    // (a run takes minutes).
    let records_jsonl = map.join("groot-records.jsonl");
    let mut rijen: Vec<Record> = Vec::new();
    {
        let mut uit = BufWriter::new(File::create(&records_jsonl).expect("records"));
        for (i, regel) in BufReader::new(File::open(&jsonl).expect("jsonl"))
            .lines()
            .enumerate()
        {
            let regel = regel.expect("regel");
            // A value of a municipality's own indicator needs that
            // indicator's line, which is no record: left out of both.
            let record = if i == 0 {
                None
            } else {
                import::lees_regel_record(i as u64 + 1, &regel)
                    .ok()
                    .filter(|r| match r {
                        Record::Indicatorwaarde(w) => {
                            wijkregister::domain::catalogus::indicator(&w.indicator).is_some()
                        }
                        _ => true,
                    })
            };
            if i == 0 || record.is_some() {
                writeln!(uit, "{regel}").expect("schrijven");
            }
            rijen.extend(record);
        }
        uit.flush().expect("schrijven");
    }
    let records = rijen.len() as u64;
    let import_runs = if inwoners > 100_000 { 1 } else { o.runs.min(3) };
    let t_import = mediaan(import_runs, || {
        let doel = map.join("import.sqlite");
        verwijder_db(&doel);
        let mut conn = store::open(&doel).expect("open");
        let t = meet_tijd(|| {
            import::importeer_bestand(&mut conn, &records_jsonl, &mut |_| {}).expect("import");
        });
        drop(conn);
        verwijder_db(&doel);
        t
    });
    let t_kaal = mediaan(import_runs, || {
        let doel = map.join("kaal.sqlite");
        verwijder_db(&doel);
        let mut conn = store::open(&doel).expect("open");
        let t = meet_tijd(|| {
            let tx = conn.transaction().expect("tx");
            for r in &rijen {
                store::schrijven::voeg_in(&tx, r).expect("insert");
            }
            tx.commit().expect("commit");
        });
        drop(conn);
        verwijder_db(&doel);
        t
    });
    drop(rijen);
    let per_s = |d: Duration| records as f64 / d.as_secs_f64();
    let verhouding = per_s(t_import) / per_s(t_kaal);
    tabel.rij(
        "import: records per seconde",
        per_s(t_import),
        "/s",
        "",
        None,
        &format!("{records} records, {import_runs} run(s)"),
    );
    tabel.rij(
        "kale insert-lus (zelfde rijen, één transactie)",
        per_s(t_kaal),
        "/s",
        "",
        None,
        "",
    );
    tabel.rij(
        "import t.o.v. kale insert-lus (snelheid)",
        verhouding,
        "×",
        "≥ 0,75×",
        Some(verhouding >= 0.75),
        "",
    );

    // 3. The history of real workers, then every figure of `wijkregister meet`.
    let conn = store::open(&db).expect("open");
    let (intakerstappen, coachstappen) = echte_werkers(&conn);
    println!(
        "  toegevoegd: {intakerstappen} stappen van intakers, {coachstappen} stappen en 2.000 meldingen van de wijkcoach"
    );
    let gw = Gateway::new(store::open(&db).expect("open"), Some(db.clone()));
    let klok = Klok::systeem();
    let figuren = meet::meet(&conn, &gw, &klok, vandaag(), o.runs).expect("meet");
    for f in &figuren {
        tabel.tijd(
            &f.naam,
            Duration::from_secs_f64(f.ms / 1000.0),
            f.doel_ms,
            &f.toelichting,
        );
    }

    // 4. The intaker's whole list, every page at once (#13: 63 s at 75,000).
    let werkers = meet::Werkers::zoek(&conn).expect("werkers");
    let intaker = werkers.intaker.clone().expect("intaker");
    let meldingen: i64 = conn
        .query_row(
            "SELECT count(*) FROM melding WHERE medewerker = ?1",
            [&intaker.id],
            |r| r.get(0),
        )
        .expect("n");
    let mut n = 0;
    let t = mediaan(o.runs.min(3), || {
        meet_tijd(|| {
            n = toegang::zoek(&conn, &intaker, &Zoekvraag::default(), vandaag())
                .expect("zoek")
                .len();
        })
    });
    tabel.tijd(
        "intaker: hele lijst, alle rijen (was 63 s bij 75.000)",
        t,
        None,
        &format!("{} ({meldingen} meldingen), {n} rijen", intaker.id),
    );

    // 5. Dossier and household, as the teamleider of the resident's team.
    let (rijkste, aantal_t): (String, i64) = conn
        .query_row(
            "SELECT inwoner, count(*) AS n FROM toekenning GROUP BY inwoner ORDER BY n DESC, inwoner LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("dossier");
    let (leider, huishouden): (String, String) = conn
        .query_row(
            "SELECT m.id, i.huishouden FROM medewerker m JOIN inwoner i ON i.wijkteam = m.wijkteam
             WHERE i.id = ?1 AND m.rol = 'teamleider' ORDER BY m.id LIMIT 1",
            [&rijkste],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("teamleider");
    let sessie = Sessie::zonder_inloggen(medewerkers::een(&conn, &leider).expect("teamleider"));
    let loket = gw.voor(Some(&sessie), vandaag(), &klok);
    let t = mediaan(o.runs * 4, || {
        meet_tijd(|| drop(loket.dossier(&rijkste).expect("dossier")))
    });
    tabel.tijd(
        "dossier openen (grootste)",
        t,
        Some(30.0),
        &format!("{aantal_t} toekenningen"),
    );
    let t = mediaan(o.runs * 4, || {
        meet_tijd(|| drop(loket.ave_huishouden(&huishouden).expect("huishouden")))
    });
    tabel.tijd("huishouden openen", t, Some(30.0), "");

    // 6. The ten-year export, export-jsonl, a backup.
    let van = eind_jaar - i32::try_from(o.jaren).expect("jaren") + 1;
    let t_export = mediaan(o.runs.min(3), || {
        meet_tijd(|| {
            report::export::schrijf_export(
                &conn,
                &map.join("monitoring.xlsx"),
                ExportOpties {
                    van,
                    tot: eind_jaar,
                    intern: false,
                    gemaakt_op: chrono::NaiveDate::from_ymd_opt(eind_jaar, 12, 31).expect("datum"),
                    per_wijkteam: false,
                },
                &mut |_, _| {},
            )
            .expect("export");
        })
    });
    tabel.tijd(
        &format!("monitoringexport {van}–{eind_jaar} (xlsx)"),
        t_export,
        Some(2000.0),
        "",
    );
    let t = mediaan(o.runs.min(3), || {
        meet_tijd(|| {
            let uit = BufWriter::new(File::create(map.join("export.jsonl")).expect("uit"));
            store::export::exporteer(&conn, uit).expect("export-jsonl");
        })
    });
    tabel.tijd("export-jsonl (hele register)", t, None, "");
    let _ = std::fs::remove_file(map.join("export.jsonl"));
    let backup = map.join("backup.sqlite.gz");
    let t = mediaan(o.runs.min(3), || {
        let _ = std::fs::remove_file(&backup);
        meet_tijd(|| {
            drop(store::backup::maak_backup(&conn, &backup, "prestaties").expect("backup"));
        })
    });
    let register_mb = std::fs::metadata(&db).map_or(0, |m| m.len()) / 1_000_000;
    let backup_mb = std::fs::metadata(&backup).map_or(0, |m| m.len()) / 1_000_000;
    tabel.tijd(
        "backup (gecomprimeerd)",
        t,
        None,
        &format!("register {register_mb} MB, backup {backup_mb} MB"),
    );
    let _ = std::fs::remove_file(&backup);
    drop(gw);
    drop(conn);

    // 7. The audit log at a million rows (once).
    if met_audit {
        audit_miljoen(&map, o.runs, &mut tabel);
    }

    // 8. The app: start to first frame, and one frame of the Inwoners list.
    let t_start = mediaan(o.runs, || meet_tijd(|| drop(app_harness(&db))));
    tabel.tijd(
        "app: start tot eerste frame met de Inwonerslijst (wijkcoach)",
        t_start,
        Some(500.0),
        "",
    );
    let mut harness = app_harness(&db);
    let inwoners_scherm = harness.state_mut().inwoners_mut().expect("een sessie");
    let aantal = inwoners_scherm.aantal_rijen();
    assert!(aantal > 0, "the Inwoners list is loaded by the first frame");
    inwoners_scherm.selecteer(aantal / 2);
    teken(&mut harness);
    teken(&mut harness);
    let t_frame = mediaan(o.runs * 10, || meet_tijd(|| teken(&mut harness)));
    drop(harness);
    tabel.tijd("app: één frame Inwonerslijst", t_frame, Some(8.0), "");

    // 9. Peak memory of the app in a child process.
    let uit = std::process::Command::new(std::env::current_exe().expect("exe"))
        .arg("--geheugen")
        .arg(&db)
        .output()
        .expect("kindproces");
    let tekst = String::from_utf8_lossy(&uit.stdout);
    let piek: Option<f64> = tekst.lines().find_map(|l| {
        l.strip_prefix("PIEK_MB ")
            .and_then(|v| v.trim().parse().ok())
    });
    match piek {
        Some(mb) => tabel.rij(
            "app: piekgeheugen (VmHWM)",
            mb,
            "MB",
            "< 200 MB",
            Some(mb < 200.0),
            "",
        ),
        None => tabel.rij(
            "app: piekgeheugen (VmHWM)",
            f64::NAN,
            "MB",
            "< 200 MB",
            None,
            "niet gemeten",
        ),
    }
    tabel.0
}

fn main() {
    let (o, geheugen) = opties();
    if let Some(db) = geheugen {
        meet_geheugen(&db);
        return;
    }
    std::fs::create_dir_all(&o.map).expect("map");
    let mut per_grootte: Vec<(u32, Vec<Rij>)> = Vec::new();
    for (i, &n) in o.inwoners.iter().enumerate() {
        per_grootte.push((n, meet_grootte(&o, n, i == 0)));
    }

    // Every size side by side, with the growth factor of the last against the first.
    let mut md = String::new();
    let koppen: Vec<String> = per_grootte
        .iter()
        .map(|(n, _)| format!("{n} inwoners"))
        .collect();
    let _ = writeln!(
        md,
        "| wat | {} | groei | doel | oordeel | toelichting |",
        koppen.join(" | ")
    );
    let _ = writeln!(md, "|---|{}---|---|---|---|", "---|".repeat(koppen.len()));
    let mut gemist = 0;
    let (_, eerste) = &per_grootte[0];
    for rij in eerste {
        let waarden: Vec<Option<&Rij>> = per_grootte
            .iter()
            .map(|(_, rijen)| rijen.iter().find(|x| x.naam == rij.naam))
            .collect();
        let groei = match (
            waarden.first().copied().flatten(),
            waarden.last().copied().flatten(),
        ) {
            (Some(a), Some(b)) if waarden.len() > 1 && a.waarde > 0.0 => {
                format!("{:.2}×", b.waarde / a.waarde)
            }
            _ => String::new(),
        };
        let oordelen: Vec<&str> = waarden
            .iter()
            .filter_map(|w| w.and_then(|w| w.gehaald))
            .map(|g| if g { "gehaald" } else { "NIET GEHAALD" })
            .collect();
        gemist += oordelen.iter().filter(|o| **o == "NIET GEHAALD").count();
        let oordeel = if oordelen.contains(&"NIET GEHAALD") {
            "NIET GEHAALD"
        } else if oordelen.is_empty() {
            ""
        } else {
            "gehaald"
        };
        let kolommen: Vec<String> = waarden
            .iter()
            .map(|w| w.map_or_else(|| "—".to_owned(), |w| toon_waarde(w.waarde, w.eenheid)))
            .collect();
        let toelichting = waarden
            .last()
            .copied()
            .flatten()
            .map_or("", |w| w.toelichting.as_str());
        let _ = writeln!(
            md,
            "| {} | {} | {groei} | {} | {oordeel} | {toelichting} |",
            rij.naam,
            kolommen.join(" | "),
            rij.doel
        );
    }
    // Figures measured at the first size only (the audit log).
    for (_, rijen) in per_grootte.iter().skip(1) {
        for rij in rijen {
            if !eerste.iter().any(|x| x.naam == rij.naam) {
                let _ = writeln!(
                    md,
                    "| {} | {} | | {} | {} | {} |",
                    rij.naam,
                    toon_waarde(rij.waarde, rij.eenheid),
                    rij.doel,
                    oordeel(rij.gehaald),
                    rij.toelichting
                );
            }
        }
    }
    println!("\n{md}");
    println!("{gemist} meting(en) niet gehaald.");
    std::fs::write(o.map.join("resultaat.md"), &md).expect("resultaat.md");
}
