//! The printable report for the gemeenteraad (PDF), read back with lopdf
//! on a small demo register: pages, text, suppression as the monitoring
//! export does it, the audit log, the command line.

#![allow(clippy::expect_used, reason = "tests may panic")]

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use rusqlite::Connection;
use wijkregister::demo::{self, DemoInstellingen};
use wijkregister::domain::catalogus::{self, Eenheid};
use wijkregister::report::export::{self, Cel};
use wijkregister::report::pdf::{self, PdfOpties};
use wijkregister::report::{self, Jaarrapport, Waarde};
use wijkregister::store;

const VAN: i32 = 2023;
const TOT: i32 = 2025;

fn demo_register(map: &Path) -> (PathBuf, Connection) {
    let db = map.join("r.sqlite");
    let mut conn = store::open(&db).expect("register");
    demo::vul_register(
        &mut conn,
        &DemoInstellingen {
            inwoners: 1_500,
            jaren: 3,
            eind_jaar: TOT,
            seed: 5,
            peildatum: None,
        },
    )
    .expect("demo");
    (db, conn)
}

fn opties(intern: bool, wijkteam: Option<&str>) -> PdfOpties {
    PdfOpties {
        van: VAN,
        tot: TOT,
        wijkteam: wijkteam.map(str::to_owned),
        intern,
        gemaakt_op: NaiveDate::from_ymd_opt(2026, 1, 5).expect("datum"),
    }
}

/// The page count and the text of each page (one drawn text a line).
fn lees(pad: &Path) -> Vec<String> {
    let doc = lopdf::Document::load(pad).expect("een leesbare PDF");
    let paginas: Vec<u32> = doc.get_pages().keys().copied().collect();
    paginas
        .iter()
        .map(|p| doc.extract_text(&[*p]).expect("tekst"))
        .collect()
}

/// Text without any whitespace: a wrapped line breaks where a space was.
fn zonder_wit(t: &str) -> String {
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The realisatie cells (one per year) printed under indicator `code`.
fn realisatie(tekst: &str, code: &str, jaren: usize) -> Vec<String> {
    let regels: Vec<&str> = tekst.lines().map(str::trim).collect();
    let begin = regels
        .iter()
        .position(|r| *r == code)
        .unwrap_or_else(|| panic!("{code} staat niet in het rapport"));
    let rij = begin
        + regels[begin..]
            .iter()
            .position(|r| *r == "Realisatie")
            .expect("een rij Realisatie");
    regels[rij + 1..=rij + jaren]
        .iter()
        .map(|s| (*s).to_owned())
        .collect()
}

/// `1234` → `1.234`.
fn duizendtallen(n: &str) -> String {
    let cijfers: Vec<char> = n.chars().collect();
    let mut uit = String::new();
    for (i, c) in cijfers.iter().enumerate() {
        if i > 0 && (cijfers.len() - i).is_multiple_of(3) {
            uit.push('.');
        }
        uit.push(*c);
    }
    uit
}

/// A computed count of the report without breakdown: (code, year index,
/// the value as printed) whose count `klein` says small or not.
fn telling(rapporten: &[Jaarrapport], klein: bool) -> Option<(&'static str, usize, String)> {
    for ind in catalogus::CATALOGUS {
        if !ind.is_berekend() || !ind.uitsplitsing.is_empty() || ind.eenheid != Eenheid::Aantal {
            continue;
        }
        for (j, r) in rapporten.iter().enumerate() {
            let Some(u) = r.uitkomst(ind.code) else {
                continue;
            };
            if let (Waarde::Getal(d), Some(n)) = (&u.waarde, u.teller)
                && (1..=4).contains(&n) == klein
                && n > 0
            {
                return Some((ind.code, j, duizendtallen(&d.tekst(','))));
            }
        }
    }
    None
}

#[test]
fn rapport_op_een_demoregister() {
    let map = tempfile::tempdir().expect("map");
    let (_, conn) = demo_register(map.path());
    let rapporten = report::bereken_jaren(&conn, VAN, TOT).expect("rapport");
    let jaren = rapporten.len();

    let publicatie = map.path().join("raad.pdf");
    let mut stappen = Vec::new();
    let geschreven = pdf::schrijf_pdf_gelogd(
        &conn,
        &publicatie,
        &opties(false, None),
        "tl-01",
        "2026-01-05T10:00:00Z",
        &mut |k, t| stappen.push((k, t)),
    )
    .expect("pdf");
    assert_eq!(geschreven, publicatie);
    assert_eq!(stappen.last(), Some(&(jaren + 1, jaren + 1)));
    let paginas = lees(&publicatie);
    let n = paginas.len();
    assert!(n >= 5, "het hele doelenboom past niet op {n} pagina's");
    for (i, p) in paginas.iter().enumerate() {
        assert!(
            p.contains(&format!("pagina {} van {n}", i + 1)),
            "pagina {}: {p}",
            i + 1
        );
        assert!(p.contains("gemaakt op 05-01-2026"), "pagina {}", i + 1);
    }
    let alles = paginas.concat();
    let plat = zonder_wit(&alles);
    assert!(alles.contains("Gemeente Almelo"));
    assert!(alles.contains("2023 tot en met 2025"));
    assert!(alles.contains("publicatie"));
    // Every strategisch doel, beleidslijn and indicator, in catalogue order.
    let mut vanaf = 0;
    for stam in catalogus::doelenboom() {
        for tak in &stam.takken {
            let titel = zonder_wit(tak.beleidslijn.titel);
            let plek = plat[vanaf..].find(&titel).unwrap_or_else(|| {
                panic!(
                    "beleidslijn {} ontbreekt of staat niet op volgorde",
                    tak.beleidslijn.code
                )
            });
            vanaf += plek;
            for ind in &tak.indicatoren {
                let naam = zonder_wit(ind.naam);
                let plek = plat[vanaf..]
                    .find(&format!("{}{naam}", ind.code))
                    .unwrap_or_else(|| {
                        panic!("indicator {} ontbreekt of staat niet op volgorde", ind.code)
                    });
                vanaf += plek;
            }
        }
    }
    // The municipality's own indicator of the demo is in it too.
    assert!(
        alles.contains("eigen-poh-jeugd"),
        "de eigen indicator staat in het rapport"
    );
    // Dutch characters came through the embedded font.
    assert!(alles.contains("efficiënte"), "ë ontbreekt");
    assert!(alles.contains("Bron: "));

    // A realised count is printed as computed; a small one as `.`.
    let (code, j, waarde) = telling(&rapporten, false).expect("een telling van 5 of meer");
    assert_eq!(realisatie(&alles, code, jaren)[j], waarde, "{code}");
    let (klein_code, kj, klein_waarde) =
        telling(&rapporten, true).expect("het demoregister heeft een telling van 1 tot 4");
    assert_eq!(
        realisatie(&alles, klein_code, jaren)[kj],
        ".",
        "{klein_code}"
    );
    assert!(plat.contains(&zonder_wit(export::NOOT_ONDERDRUKT)));
    // Every realised cell is suppressed exactly where the monitoring
    // export suppresses it.
    let tabel = export::bouw_tabel(&rapporten, false);
    let (mut vergeleken, mut punten) = (0, 0);
    for rij in &tabel.rijen {
        let (Cel::Tekst(code), Cel::Leeg) = (&rij[0], &rij[2]) else {
            continue;
        };
        // A catalogue indicator or the demo's own one (eigen-poh-jeugd).
        let ind = rapporten[0]
            .uitkomst(code)
            .expect("een indicator")
            .indicator;
        if !ind.uitsplitsing.is_empty() {
            continue;
        }
        let cellen = realisatie(&alles, code, jaren);
        for (j, cel) in cellen.iter().enumerate() {
            assert_eq!(
                matches!(rij[4 + 2 * j], Cel::Onderdrukt),
                cel == ".",
                "{code} {}: export {:?}, PDF {cel}",
                rapporten[j].jaar,
                rij[4 + 2 * j]
            );
            vergeleken += 1;
            punten += usize::from(cel == ".");
        }
    }
    assert!(vergeleken > 100, "{vergeleken} cellen vergeleken");
    assert!(punten >= 2, "{punten} onderdrukte cellen");

    // Intern: the number itself, and the report says it is internal.
    let intern = map.path().join("intern.pdf");
    pdf::schrijf_pdf_gelogd(
        &conn,
        &intern,
        &opties(true, None),
        "tl-01",
        "2026-01-05T10:01:00Z",
        &mut |_, _| {},
    )
    .expect("pdf");
    let intern_tekst = lees(&intern).concat();
    assert_eq!(
        realisatie(&intern_tekst, klein_code, jaren)[kj],
        klein_waarde,
        "{klein_code}"
    );
    assert!(intern_tekst.contains("niet publiceren"));

    // Both are in the audit log, as the exports are.
    let rijen: Vec<(String, String, String, String, String)> = conn
        .prepare(
            "SELECT actor, actie, object, resultaat, details FROM audit \
             WHERE object LIKE 'rapport-pdf:%' ORDER BY volgnummer",
        )
        .expect("sql")
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .expect("sql")
        .collect::<Result<_, _>>()
        .expect("rijen");
    assert_eq!(rijen.len(), 2, "{rijen:?}");
    assert_eq!(rijen[0].0, "tl-01");
    assert_eq!(rijen[0].1, "export");
    assert_eq!(rijen[0].2, format!("rapport-pdf:{}", publicatie.display()));
    assert_eq!(rijen[0].3, "gelukt");
    assert!(rijen[0].4.contains("publicatie"));
    assert!(rijen[1].4.contains("intern"));

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let modus = std::fs::metadata(&publicatie)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(modus & 0o777, 0o600, "alleen voor de eigenaar");
    }
}

#[test]
fn rapport_van_een_wijkteam_en_fouten() {
    let map = tempfile::tempdir().expect("map");
    let (db, conn) = demo_register(map.path());
    drop(conn);
    let bin = env!("CARGO_BIN_EXE_wijkregister");
    let run = |args: &[&str]| {
        let mut alle = vec!["--db", db.to_str().expect("pad"), "rapport-pdf"];
        alle.extend_from_slice(args);
        Command::new(bin).args(alle).output().expect("start")
    };

    // One wijkteam's report says so on its title page.
    let uit = map.path().join("noord.pdf");
    let o = run(&[
        "--van",
        "2024",
        "--tot",
        "2025",
        "--uit",
        uit.to_str().expect("pad"),
        "--wijkteam",
        "WT-NOORD",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        uit.display().to_string()
    );
    let tekst = lees(&uit).concat();
    assert!(tekst.contains("Wijkteam Noord (WT-NOORD)"), "{tekst}");

    // A folder that does not exist: a Dutch error and no file.
    let fout = map.path().join("bestaat-niet").join("r.pdf");
    let o = run(&[
        "--van",
        "2024",
        "--tot",
        "2025",
        "--uit",
        fout.to_str().expect("pad"),
    ]);
    assert!(!o.status.success());
    let melding = String::from_utf8_lossy(&o.stderr);
    assert!(
        melding.contains("is mislukt; er is geen bestand geschreven")
            && melding.contains("kon niet worden geschreven"),
        "{melding}"
    );
    assert!(!fout.exists());
    assert!(!map.path().join("bestaat-niet").exists());

    // Not a PDF name, an unknown team: refused before anything is written.
    let o = run(&["--van", "2024", "--tot", "2025", "--uit", "r.txt"]);
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("kies een bestandsnaam op .pdf"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let onbekend = map.path().join("x.pdf");
    let o = run(&[
        "--van",
        "2024",
        "--tot",
        "2025",
        "--uit",
        onbekend.to_str().expect("pad"),
        "--wijkteam",
        "WT-MAAN",
    ]);
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("wijkteam 'WT-MAAN' bestaat niet"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!onbekend.exists());
    // Only what was written is left in the folder.
    let namen: Vec<String> = std::fs::read_dir(map.path())
        .expect("map")
        .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
        .filter(|n| {
            Path::new(n).extension().is_some_and(|e| e == "pdf")
                || n.ends_with(store::bestanden::TIJDELIJK_ACHTERVOEGSEL)
        })
        .collect();
    assert_eq!(namen, ["noord.pdf"], "{namen:?}");
}

/// The screen's way: the Loket method through the one background helper,
/// with the teamleider's own rights (the municipality and the own team).
#[test]
fn loket_schrijft_het_rapport_op_de_achtergrond() {
    use wijkregister::domain::Rol;
    use wijkregister::gateway::{Gateway, Klok, Sessie};
    use wijkregister::store::medewerkers::MedewerkerRij;

    let map = tempfile::tempdir().expect("map");
    let (db, conn) = demo_register(map.path());
    let gateway = Gateway::new(conn, Some(db.clone()));
    let klok = Klok::systeem();
    let vandaag = NaiveDate::from_ymd_opt(2026, 1, 5).expect("datum");
    let sessie = |rol| {
        Sessie::zonder_inloggen(MedewerkerRij {
            id: "tl-noord".into(),
            naam: "Teamleider Noord".into(),
            rol,
            wijkteam: Some("WT-NOORD".into()),
        })
    };
    let leider = sessie(Rol::Teamleider);
    let loket = gateway.voor(Some(&leider), vandaag, &klok);

    let pad = map.path().join("noord.pdf");
    let doel = pad.clone();
    let mut taak = loket.op_achtergrond("PDF-rapport", move |l, voortgang| {
        l.schrijf_rapport_pdf(&doel, &opties(false, Some("WT-NOORD")), voortgang)
            .map_err(|e| e.to_string())
    });
    let begin = std::time::Instant::now();
    let uitkomst = loop {
        if let Some(u) = taak.neem() {
            break u.expect("de taak geeft een uitkomst");
        }
        assert!(begin.elapsed().as_secs() < 120, "de taak duurt te lang");
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(uitkomst, Ok(pad.clone()));
    assert!(lees(&pad).concat().contains("Wijkteam Noord (WT-NOORD)"));
    let actor: String = store::open(&db)
        .expect("open")
        .query_row(
            "SELECT actor FROM audit WHERE object = ?1 AND resultaat = 'gelukt'",
            [format!("rapport-pdf:{}", pad.display())],
            |r| r.get(0),
        )
        .expect("auditregel");
    assert_eq!(actor, "tl-noord");

    // Another team's report is refused, and nothing is written.
    let oost = map.path().join("oost.pdf");
    let fout = loket
        .schrijf_rapport_pdf(&oost, &opties(false, Some("WT-OOST")), &mut |_, _| {})
        .expect_err("ander team");
    assert!(fout.to_string().contains("eigen wijkteam"), "{fout}");
    assert!(!oost.exists());
    // An intaker prints no report at all.
    let intaker = sessie(Rol::Intaker);
    let ook = map.path().join("intaker.pdf");
    assert!(
        gateway
            .voor(Some(&intaker), vandaag, &klok)
            .schrijf_rapport_pdf(&ook, &opties(false, None), &mut |_, _| {})
            .is_err()
    );
    assert!(!ook.exists());
}
