//! The monitoring export: CSV for Dutch Excel, XLSX, suppression, formula
//! neutralisation, no personal data, the CLI.

#![allow(clippy::expect_used, reason = "tests may panic")]

use std::process::Command;

use crate::steun::rapport::*;
use wijkregister::domain::Record;
use wijkregister::report::export::{self, ExportOpties};
use wijkregister::store::indicatorwaarden;

/// Three Wmo clients in 2024 (a count of 3, suppressed), twelve BW clients
/// named nowhere, an external value with a formula-like source.
fn register_met_gegevens() -> rusqlite::Connection {
    let mut c = register();
    let mut recs = vec![
        maatwerk("V-HH", "wmo", Some("01"), &[]),
        maatwerk("V-BW", "wmo", Some("15"), &[]),
        aanbieder("=A-01"),
        band(2024, 0, 120, 10_000),
    ];
    for i in 0..3 {
        let id = format!("H{i}");
        recs.push(Record::Inwoner(
            match inwoner(&id, "1950-05-05", "Almelo") {
                Record::Inwoner(mut inw) => {
                    inw.achternaam = "Jansen-Geheim".into();
                    inw.bsn = wijkregister::domain::Bsn::parse("111222333").ok();
                    inw
                }
                _ => unreachable!(),
            },
        ));
        let mut t = tk(&format!("T{i}"), &id, "V-HH", Some("2024-03-01"), None);
        t.aanbieder = Some("=A-01".into());
        recs.push(Record::Toekenning(t));
    }
    for i in 0..12 {
        let id = format!("B{i}");
        recs.push(inwoner(&id, "1970-01-01", "Almelo"));
        recs.push(Record::Toekenning(tk(
            &format!("TB{i}"),
            &id,
            "V-BW",
            Some("2023-03-01"),
            None,
        )));
    }
    voeg(&mut c, recs);
    indicatorwaarden::zet_realisatie(
        &mut c,
        "1.10.1",
        2024,
        Some(21.5),
        None,
        Some("=HYPERLINK(\"x\")"),
    )
    .expect("waarde");
    indicatorwaarden::zet_begroot(&mut c, "3.8.1", 2024, Some(11.0), None).expect("begroot");
    c
}

fn csv(c: &rusqlite::Connection, intern: bool) -> String {
    let map = tempfile::tempdir().expect("map");
    let pad = map.path().join("m.csv");
    let mut stappen = Vec::new();
    let geschreven = export::schrijf_export(
        c,
        &pad,
        ExportOpties {
            van: 2023,
            tot: 2024,
            intern,
            gemaakt_op: d("2026-12-06"),
            per_wijkteam: false,
        },
        &mut |k, t| stappen.push((k, t)),
    )
    .expect("export");
    assert_eq!(geschreven, pad);
    assert_eq!(stappen, [(1, 3), (2, 3), (3, 3)]);
    let bytes = std::fs::read(&pad).expect("lees");
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "BOM");
    String::from_utf8(bytes[3..].to_vec()).expect("utf-8")
}

fn regel<'a>(tekst: &'a str, begin: &str) -> &'a str {
    tekst
        .lines()
        .find(|l| l.starts_with(begin))
        .unwrap_or_else(|| panic!("geen regel {begin}"))
}

#[test]
fn csv_voor_publicatie() {
    let c = register_met_gegevens();
    let t = csv(&c, false);
    assert!(t.contains("\r\n"));
    assert_eq!(
        regel(&t, "Code;"),
        "Code;Indicator;Uitsplitsing;Begroot 2023;2023;Begroot 2024;2024;Bron\r".trim_end()
    );
    // tw-wmo = 15 in 2024 (not suppressed), 12 in 2023.
    assert!(
        regel(&t, "tw-wmo;")
            .starts_with("tw-wmo;Aantal inwoners met een Wmo-voorziening;;;12;;15;"),
        "{}",
        regel(&t, "tw-wmo;")
    );
    assert_eq!(
        regel(&t, "3.8.1;")
            .split(';')
            .skip(3)
            .take(4)
            .collect::<Vec<_>>(),
        ["", "12", "11", "12"]
    );
    // 3 HH clients: the breakdown row is suppressed, and the note explains it.
    // Council-ready: the title row first; a breakdown row under its
    // indicator's code, named as people read it.
    assert_eq!(
        t.lines().next(),
        Some(
            "Prestatie-indicatoren gemeente Almelo, 2023 tot en met 2024 — gemaakt op 06-12-2026 — publicatie"
        )
    );
    let hh = t
        .lines()
        .find(|l| l.contains("Voorziening V-HH — Aanbieder =A-01"))
        .expect("rij");
    assert!(
        hh.starts_with("3.3.1;;Voorziening V-HH — Aanbieder =A-01;"),
        "{hh}"
    );
    assert!(
        !t.contains("V-HH;") && !t.contains("voorziening: "),
        "geen interne codes"
    );
    assert_eq!(hh.split(';').nth(6), Some("."), "{hh}");
    // Each beleidslijn once, with every paragraph it stands in.
    assert_eq!(t.matches("Beleidslijn 3.3;").count(), 1);
    assert_eq!(t.matches("Beleidslijn 3.4;").count(), 1);
    assert_eq!(t.matches("Beleidslijn 3.10;").count(), 1);
    assert!(
        regel(&t, "Beleidslijn 3.3;")
            .contains("Actieplan § 6.1 Jeugdwet; § 6.2.1 Maatwerkvoorzieningen Wmo"),
        "{}",
        regel(&t, "Beleidslijn 3.3;")
    );
    assert!(t.contains(export::NOOT_ONDERDRUKT));
    // bbv-wmo 2024 = 10 000 × 15 / 10 000 = 15 (count 15, shown); 21,5 with a decimal comma.
    assert_eq!(regel(&t, "bbv-wmo;").split(';').nth(6), Some("15"));
    let ggd = regel(&t, "1.10.1;");
    assert_eq!(ggd.split(';').nth(6), Some("21,5"));
    assert!(ggd.ends_with(";\"'=HYPERLINK(\"\"x\"\")\""), "{ggd}");
    for l in t.lines() {
        for veld in l.split(';') {
            let veld = veld.trim_start_matches('"');
            assert!(
                !export::is_formuleachtig(veld) || veld.parse::<f64>().is_ok(),
                "formule in {l}"
            );
        }
    }
    assert!(
        !t.contains("Jansen")
            && !t.contains("111222333")
            && !t.contains("1950-05-05")
            && !t.contains("05-05-1950")
    );
    assert!(
        t.contains("Strategisch doel 3;Ontwikkelen efficiënte en effectieve maatwerkvoorzieningen")
    );
}

#[test]
fn csv_intern_toont_kleine_aantallen() {
    let c = register_met_gegevens();
    let t = csv(&c, true);
    let hh = t
        .lines()
        .find(|l| l.contains("Voorziening V-HH — Aanbieder =A-01"))
        .expect("rij");
    assert_eq!(hh.split(';').nth(6), Some("3"), "{hh}");
    assert!(!t.contains(export::NOOT_ONDERDRUKT));
    assert!(t.lines().next().is_some_and(|l| l.ends_with("— intern")));
}

#[test]
fn xlsx_is_een_werkboek() {
    let c = register_met_gegevens();
    let map = tempfile::tempdir().expect("map");
    let pad = map.path().join("m.XLSX");
    export::schrijf_export(
        &c,
        &pad,
        ExportOpties {
            van: 2024,
            tot: 2024,
            intern: false,
            gemaakt_op: d("2026-12-06"),
            per_wijkteam: false,
        },
        &mut |_, _| {},
    )
    .expect("xlsx");
    let bytes = std::fs::read(&pad).expect("lees");
    assert!(bytes.starts_with(b"PK"), "zip");
    assert!(bytes.len() > 1000);
    // Read the sheet back: the counts are numeric cells, the suppressed ones
    // the text '.', and the texts shared strings.
    let mut archief = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).expect("zip");
    let mut blad = String::new();
    std::io::Read::read_to_string(
        &mut archief.by_name("xl/worksheets/sheet1.xml").expect("blad"),
        &mut blad,
    )
    .expect("xml");
    let mut gedeeld = String::new();
    std::io::Read::read_to_string(
        &mut archief.by_name("xl/sharedStrings.xml").expect("strings"),
        &mut gedeeld,
    )
    .expect("xml");
    let getallen = blad.matches("<c r=").filter(|c| !c.is_empty()).count();
    assert!(getallen > 10, "cells written");
    let numeriek = blad
        .split("<c r=")
        .filter(|c| !c.contains("t=\"s\"") && c.contains("<v>"))
        .count();
    assert!(
        numeriek > 0,
        "counts are stored as numbers, not text: {blad:.400}"
    );
    assert!(gedeeld.contains("Begroot 2024"), "header text present");
    assert!(
        !gedeeld.contains("Jansen") && !blad.contains("Jansen"),
        "no names in the export"
    );
    let rest: Vec<_> = std::fs::read_dir(map.path())
        .expect("map")
        .map(|e| e.expect("e").file_name())
        .collect();
    assert_eq!(
        rest.len(),
        1,
        "geen tijdelijk bestand achtergebleven: {rest:?}"
    );
}

#[test]
fn onbekende_extensie_is_een_nederlandse_fout() {
    let c = register();
    let map = tempfile::tempdir().expect("map");
    let fout = export::schrijf_export(
        &c,
        &map.path().join("m.ods"),
        ExportOpties {
            van: 2024,
            tot: 2024,
            intern: false,
            gemaakt_op: d("2026-12-06"),
            per_wijkteam: false,
        },
        &mut |_, _| {},
    )
    .expect_err("ods");
    assert!(
        fout.to_string()
            .contains("kies een bestandsnaam op .csv of .xlsx"),
        "{fout}"
    );
}

#[test]
fn cli_export() {
    let map = tempfile::tempdir().expect("map");
    let db = map.path().join("r.sqlite");
    drop(wijkregister::store::open(&db).expect("open"));
    let bin = env!("CARGO_BIN_EXE_wijkregister");
    for naam in ["m.csv", "m.xlsx"] {
        let uit = map.path().join(naam);
        let o = Command::new(bin)
            .args([
                "--db",
                db.to_str().expect("p"),
                "export",
                "--van",
                "2023",
                "--tot",
                "2024",
                "--uit",
                uit.to_str().expect("p"),
            ])
            .output()
            .expect("start");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(
            String::from_utf8_lossy(&o.stdout).trim(),
            uit.display().to_string()
        );
        assert!(uit.exists());
    }
    let o = Command::new(bin)
        .args([
            "--db",
            db.to_str().expect("p"),
            "export",
            "--van",
            "2023",
            "--tot",
            "2024",
            "--uit",
            "m.txt",
        ])
        .output()
        .expect("start");
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("onbekende extensie"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The XLSX shows units as cell formats (numbers stay numbers), the title
/// in the first row; with per_wijkteam a sheet per team, and for CSV a file
/// per team beside the municipality's.
#[test]
fn xlsx_eenheden_titel_en_per_wijkteam() {
    let mut c = register_met_gegevens();
    voeg(
        &mut c,
        vec![
            Record::Wijkteam(wijkregister::domain::Wijkteam {
                id: "WT-NOORD".into(),
                naam: "Wijkteam Noord".into(),
            }),
            Record::Wijkteam(wijkregister::domain::Wijkteam {
                id: "WT-ZUID".into(),
                naam: "Wijkteam Zuid".into(),
            }),
        ],
    );
    c.execute(
        "UPDATE inwoner SET wijkteam = 'WT-NOORD' WHERE id LIKE 'B%'",
        [],
    )
    .expect("teams");
    c.execute(
        "UPDATE inwoner SET wijkteam = 'WT-ZUID' WHERE id LIKE 'H%'",
        [],
    )
    .expect("teams");
    voeg(
        &mut c,
        vec![Record::Vordering(wijkregister::domain::Vordering {
            id: "VO1".into(),
            datum: d("2024-05-01"),
            bedrag_cent: 123_456,
            soort: wijkregister::domain::VorderingSoort::Misbruik,
            inwoner: None,
            aanbieder: Some("=A-01".into()),
        })],
    );
    let map = tempfile::tempdir().expect("map");
    let pad = map.path().join("raad.xlsx");
    let opties = ExportOpties {
        van: 2024,
        tot: 2024,
        intern: true,
        gemaakt_op: d("2026-12-06"),
        per_wijkteam: true,
    };
    export::schrijf_export(&c, &pad, opties, &mut |_, _| {}).expect("xlsx");
    let bytes = std::fs::read(&pad).expect("lees");
    let mut archief = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).expect("zip");
    let lees = |archief: &mut zip::ZipArchive<_>, naam: &str| {
        let mut t = String::new();
        std::io::Read::read_to_string(&mut archief.by_name(naam).expect(naam), &mut t)
            .expect("xml");
        t
    };
    let boek = lees(&mut archief, "xl/workbook.xml");
    for blad in ["Gemeente", "Wijkteam Noord", "Wijkteam Zuid"] {
        assert!(boek.contains(&format!("name=\"{blad}\"")), "{boek}");
    }
    let stijlen = lees(&mut archief, "xl/styles.xml");
    assert!(
        stijlen.contains("&quot;€&quot; #,##0.00"),
        "euro: {stijlen:.2000}"
    );
    assert!(
        stijlen.contains("&quot; %&quot;"),
        "procent: {stijlen:.2000}"
    );
    assert!(stijlen.contains("#,##0"), "aantal");
    let gedeeld = lees(&mut archief, "xl/sharedStrings.xml");
    assert!(gedeeld.contains("Prestatie-indicatoren gemeente Almelo, 2024, Wijkteam Noord"));
    assert!(gedeeld.contains("— intern"));
    // The amount stays a number: 3.9.2 is 1234.56 in a numeric cell of sheet 1.
    let blad1 = lees(&mut archief, "xl/worksheets/sheet1.xml");
    assert!(blad1.contains("<v>1234.56</v>"), "{blad1:.600}");
    // A team's sheet counts its own residents only: Noord has the twelve BW clients.
    let blad2 = lees(&mut archief, "xl/worksheets/sheet2.xml");
    assert!(blad2.contains("<v>12</v>"), "{blad2:.600}");
    // Every sheet prints for the raad: A4 landscape, one page wide, the
    // title and column heads on every page, page numbers in the footer.
    for blad in [&blad1, &blad2] {
        assert!(
            blad.contains("<pageSetUpPr fitToPage=\"1\"/>"),
            "{blad:.800}"
        );
        assert!(
            blad.contains("paperSize=\"9\"") && blad.contains("orientation=\"landscape\""),
            "{blad:.800}"
        );
        assert!(blad.contains("fitToHeight=\"0\""), "{blad:.800}");
        assert!(blad.contains("Pagina &amp;P van &amp;N"), "{blad:.800}");
    }
    assert!(
        boek.contains("_xlnm.Print_Titles") && boek.contains("$1:$2"),
        "{boek}"
    );

    // CSV: a file per team beside the municipality's, each with its title.
    let csv = map.path().join("raad.csv");
    export::schrijf_export(&c, &csv, opties, &mut |_, _| {}).expect("csv");
    for (bestand, team) in [
        ("raad-WT-NOORD.csv", "Wijkteam Noord"),
        ("raad-WT-ZUID.csv", "Wijkteam Zuid"),
    ] {
        let t = std::fs::read_to_string(map.path().join(bestand)).expect(bestand);
        assert!(
            t.lines().next().is_some_and(|l| l.contains(team)),
            "{bestand}"
        );
        // Rates and the sociale kaart have no team value.
        assert_eq!(
            regel(t.trim_start_matches('\u{feff}'), "bbv-wmo;")
                .split(';')
                .nth(4),
            Some("n.b.")
        );
    }
}
