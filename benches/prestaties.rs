//! The performance benchmark of wijkregister on a large register (issue
//! "Speed at the scale of a real town over ten years").
//!
//! Run with `cargo bench --bench prestaties` (release build). Options after
//! `--`: `--inwoners N` (75000), `--jaren K` (10), `--runs R` (5),
//! `--map DIR` (target/prestaties). It generates the large register once
//! (as an exchange file and as a database), then prints a table of figures,
//! each the median of several runs, with the target and whether it holds.
//! Frame times are measured through `egui_kittest` (layout, AccessKit tree
//! and tessellation of one frame; no GPU), peak memory in a child process
//! that opens the app on the large register and draws frames.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark fails loudly on the first surprise"
)]

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use egui_kittest::Harness;
use wijkregister::demo::{self, DemoInstellingen};
use wijkregister::domain::Record;
use wijkregister::gateway::Gateway;
use wijkregister::report;
use wijkregister::report::export::ExportOpties;
use wijkregister::store::inwoners::Zoekvraag;
use wijkregister::store::{self, import, medewerkers, toegang, werkvoorraad};
use wijkregister::ui::app::WijkregisterApp;

struct Opties {
    inwoners: u32,
    jaren: u32,
    runs: usize,
    map: PathBuf,
}

fn opties() -> (Opties, Option<PathBuf>) {
    let mut o = Opties {
        inwoners: 75_000,
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
                    .and_then(|v| v.parse().ok())
                    .expect("--inwoners N");
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

fn meet(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

struct Tabel(Vec<(String, String, String, String)>);

impl Tabel {
    fn rij(&mut self, wat: &str, waarde: String, doel: &str, gehaald: Option<bool>) {
        let oordeel = match gehaald {
            Some(true) => "gehaald".to_owned(),
            Some(false) => "NIET GEHAALD".to_owned(),
            None => String::new(),
        };
        println!("  {wat:<58} {waarde:>16}  {doel:<14} {oordeel}");
        self.0
            .push((wat.to_owned(), waarde, doel.to_owned(), oordeel));
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

/// The medewerker the app and the search work as: a wijkcoach of a
/// wijkteam, whose list is the most costly to filter (their own team, plus
/// every resident assigned to them through a melding, a step or an AVE event).
fn wijkcoach(conn: &rusqlite::Connection) -> String {
    conn.query_row(
        "SELECT id FROM medewerker WHERE rol = 'wijkcoach' AND wijkteam IS NOT NULL ORDER BY id LIMIT 1",
        [],
        |r| r.get(0),
    )
    .expect("een wijkcoach")
}

/// Opens the app on `db` in a kittest harness, as the wijkcoach, and draws its first frame.
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
    let midden = harness.state_mut().inwoners_mut().aantal_rijen() / 2;
    harness.state_mut().inwoners_mut().selecteer(midden);
    for _ in 0..10 {
        teken(&mut harness);
    }
    println!("PIEK_MB {:.1}", piekgeheugen_mb().unwrap_or(f64::NAN));
}

fn main() {
    let (o, geheugen) = opties();
    if let Some(db) = geheugen {
        meet_geheugen(&db);
        return;
    }
    std::fs::create_dir_all(&o.map).expect("map");
    let eind_jaar = chrono::Datelike::year(&vandaag());
    let inst = DemoInstellingen {
        inwoners: o.inwoners,
        jaren: o.jaren,
        eind_jaar,
        seed: 1,
        peildatum: Some(vandaag()),
    };
    println!(
        "wijkregister prestaties — {} inwoners, {} jaar, mediaan van {} runs, {} kernen",
        o.inwoners,
        o.jaren,
        o.runs,
        std::thread::available_parallelism().map_or(0, std::num::NonZero::get)
    );

    // 1. The large register, as an exchange file and as a database.
    let jsonl = o.map.join("groot.jsonl");
    let db = o.map.join("groot.sqlite");
    let mut tabel = Tabel(Vec::new());
    let mut verslag = None;
    let t_jsonl = meet(|| {
        let uit = BufWriter::new(File::create(&jsonl).expect("jsonl"));
        verslag = Some(demo::schrijf_jsonl(uit, &inst).expect("demo jsonl"));
    });
    let verslag = verslag.expect("verslag");
    let records = verslag.records;
    println!("  register: {}", verslag.samenvatting());
    for bestand in [
        &db,
        &db.with_extension("sqlite-wal"),
        &db.with_extension("sqlite-shm"),
    ] {
        let _ = std::fs::remove_file(bestand);
    }
    let t_db = meet(|| {
        let mut conn = store::open(&db).expect("open");
        demo::vul_register(&mut conn, &inst).expect("demo db");
    });
    tabel.rij(
        "demo genereren als uitwisselingsbestand",
        format!("{:.1} s", t_jsonl.as_secs_f64()),
        "",
        None,
    );
    tabel.rij(
        "demo genereren als database",
        format!("{:.1} s", t_db.as_secs_f64()),
        "",
        None,
    );

    // 2. Import against the bare insert loop of the same rows.
    let import_runs = o.runs.min(3);
    let t_import = mediaan(import_runs, || {
        let doel = o.map.join("import.sqlite");
        for b in [
            &doel,
            &doel.with_extension("sqlite-wal"),
            &doel.with_extension("sqlite-shm"),
        ] {
            let _ = std::fs::remove_file(b);
        }
        let mut conn = store::open(&doel).expect("open");
        meet(|| {
            import::importeer_bestand(&mut conn, &jsonl, &mut |_| {}).expect("import");
        })
    });
    let rijen: Vec<Record> = BufReader::new(File::open(&jsonl).expect("jsonl"))
        .lines()
        .enumerate()
        .skip(1)
        .map(|(i, r)| import::lees_regel_record(i as u64 + 1, &r.expect("regel")).expect("record"))
        .collect();
    let t_kaal = mediaan(import_runs, || {
        let doel = o.map.join("kaal.sqlite");
        for b in [
            &doel,
            &doel.with_extension("sqlite-wal"),
            &doel.with_extension("sqlite-shm"),
        ] {
            let _ = std::fs::remove_file(b);
        }
        let mut conn = store::open(&doel).expect("open");
        meet(|| {
            let tx = conn.transaction().expect("tx");
            for r in &rijen {
                store::schrijven::voeg_in(&tx, r).expect("insert");
            }
            tx.commit().expect("commit");
        })
    });
    drop(rijen);
    let per_s = |d: Duration| records as f64 / d.as_secs_f64();
    let verhouding = per_s(t_import) / per_s(t_kaal);
    tabel.rij(
        "import: records per seconde",
        format!("{:.0}/s", per_s(t_import)),
        "",
        None,
    );
    tabel.rij(
        "kale insert-lus (zelfde rijen, één transactie)",
        format!("{:.0}/s", per_s(t_kaal)),
        "",
        None,
    );
    tabel.rij(
        "import t.o.v. kale insert-lus (snelheid)",
        format!("{verhouding:.2}×"),
        "≥ 0,50×",
        Some(verhouding >= 0.5),
    );

    // 3. Reports.
    let conn = store::open(&db).expect("open");
    let t_rapport = mediaan(o.runs, || {
        meet(|| drop(report::bereken_jaar(&conn, eind_jaar - 1).expect("rapport")))
    });
    tabel.rij(
        &format!("indicatorrapport één jaar ({})", eind_jaar - 1),
        ms(t_rapport),
        "< 200 ms",
        Some(t_rapport < Duration::from_millis(200)),
    );
    let van = eind_jaar - i32::try_from(o.jaren).expect("jaren") + 1;
    let t_export = mediaan(o.runs.min(3), || {
        meet(|| {
            report::export::schrijf_export(
                &conn,
                &o.map.join("monitoring.xlsx"),
                ExportOpties {
                    van,
                    tot: eind_jaar,
                    intern: false,
                },
                &mut |_, _| {},
            )
            .expect("export");
        })
    });
    tabel.rij(
        &format!("monitoringexport {van}–{eind_jaar} (xlsx)"),
        ms(t_export),
        "< 3 s",
        Some(t_export < Duration::from_secs(3)),
    );

    // 4. Search as you type, dossier, werkvoorraad.
    // As the app searches: limited to what a wijkcoach may see (store::toegang);
    // the samples are residents of the wijkcoach's own team.
    let coach = medewerkers::een(&conn, &wijkcoach(&conn)).expect("wijkcoach");
    let (achternaam, bsn, geboren): (String, String, String) = conn
        .query_row(
            "SELECT achternaam, bsn, geboortedatum FROM inwoner WHERE bsn IS NOT NULL AND wijkteam = ?1
             ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM inwoner WHERE wijkteam = ?1)",
            [&coach.wijkteam],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("inwoner");
    let geboren_nl = wijkregister::domain::datum::parse_iso(&geboren)
        .map(wijkregister::domain::datum::nl)
        .expect("datum");
    let prefix: String = achternaam.chars().take(3).collect();
    for (wat, tekst) in [
        (
            format!("zoeken: achternaam begint met '{prefix}'"),
            prefix.clone(),
        ),
        ("zoeken: BSN".to_owned(), bsn.clone()),
        (
            format!("zoeken: geboortedatum {geboren_nl}"),
            geboren_nl.clone(),
        ),
    ] {
        let vraag = Zoekvraag {
            tekst,
            wijkteam: None,
        };
        let mut treffers = 0;
        let t = mediaan(o.runs * 4, || {
            meet(|| {
                treffers = toegang::zoek(&conn, &coach, &vraag, vandaag())
                    .expect("zoek")
                    .len();
            })
        });
        tabel.rij(
            &format!("{wat} ({treffers} treffers)"),
            ms(t),
            "< 30 ms",
            Some(t < Duration::from_millis(30)),
        );
    }
    let (rijkste, aantal_t): (String, i64) = conn
        .query_row(
            "SELECT inwoner, count(*) AS n FROM toekenning GROUP BY inwoner ORDER BY n DESC, inwoner LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("dossier");
    // As the app opens it: through the access check, as the teamleider of the resident's team.
    let leider: String = conn
        .query_row(
            "SELECT m.id FROM medewerker m JOIN inwoner i ON i.wijkteam = m.wijkteam
             WHERE i.id = ?1 AND m.rol = 'teamleider' ORDER BY m.id LIMIT 1",
            [&rijkste],
            |r| r.get(0),
        )
        .expect("teamleider");
    let leider = medewerkers::een(&conn, &leider).expect("teamleider");
    let t = mediaan(o.runs * 4, || {
        meet(|| {
            drop(toegang::dossier(&conn, &leider, &rijkste, vandaag()).expect("dossier"));
        })
    });
    tabel.rij(
        &format!("dossier openen (grootste: {aantal_t} toekenningen)"),
        ms(t),
        "< 30 ms",
        Some(t < Duration::from_millis(30)),
    );
    let (medewerker, wijkteam): (String, String) = conn
        .query_row(
            "SELECT m.medewerker, w.wijkteam FROM melding m JOIN medewerker w ON w.id = m.medewerker
             WHERE m.afgesloten IS NULL AND w.wijkteam IS NOT NULL
             GROUP BY m.medewerker ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("medewerker");
    let t = mediaan(o.runs * 4, || {
        meet(|| drop(werkvoorraad::werkvoorraad(&conn, &medewerker, vandaag()).expect("wv")))
    });
    tabel.rij(
        "werkvoorraad van één medewerker",
        ms(t),
        "< 30 ms",
        Some(t < Duration::from_millis(30)),
    );
    let t = mediaan(o.runs * 4, || {
        meet(|| drop(werkvoorraad::werkvoorraad_team(&conn, &wijkteam, vandaag()).expect("team")))
    });
    tabel.rij(
        "werkvoorraad van een team",
        ms(t),
        "< 30 ms",
        Some(t < Duration::from_millis(30)),
    );
    drop(conn);

    // 5. The app: start to first frame, and one frame of the Inwoners list in the middle.
    let t_start = mediaan(o.runs, || meet(|| drop(app_harness(&db))));
    tabel.rij(
        "app: start tot eerste frame (Inwoners, hele lijst van een wijkcoach)",
        ms(t_start),
        "< 500 ms",
        Some(t_start < Duration::from_millis(500)),
    );
    let mut harness = app_harness(&db);
    let aantal = harness.state_mut().inwoners_mut().aantal_rijen();
    assert!(aantal > 0, "the Inwoners list is loaded by the first frame");
    harness.state_mut().inwoners_mut().selecteer(aantal / 2);
    teken(&mut harness);
    teken(&mut harness);
    let t_frame = mediaan(o.runs * 10, || meet(|| teken(&mut harness)));
    drop(harness);
    tabel.rij(
        "app: één frame Inwonerslijst, midden van de lijst",
        ms(t_frame),
        "< 8 ms",
        Some(t_frame < Duration::from_millis(8)),
    );

    // 6. Peak memory of the app in a child process.
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
            format!("{mb:.0} MB"),
            "< 200 MB",
            Some(mb < 200.0),
        ),
        None => tabel.rij(
            "app: piekgeheugen (VmHWM)",
            "niet gemeten".into(),
            "< 200 MB",
            None,
        ),
    }
    let gemist = tabel.0.iter().filter(|r| r.3 == "NIET GEHAALD").count();
    println!("\n{gemist} doel(en) niet gehaald.");
}
