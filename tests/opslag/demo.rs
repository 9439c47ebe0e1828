//! The demo register generator: it fills a register the database accepts,
//! is deterministic per seed, keeps the exchange format's cross-record
//! rules, has realistic proportions, gives every computed indicator
//! something to count, and the `demo` command behaves.

#![allow(clippy::expect_used, reason = "tests may use expect")]

use std::collections::{HashMap, HashSet};
use std::process::Command;

use chrono::NaiveDate;
use rusqlite::Connection;
use wijkregister::demo::{self, BANDEN, DemoInstellingen};
use wijkregister::domain::datum::leeftijd;
use wijkregister::domain::{Record, VoorzieningSoort};
use wijkregister::store;

const EIND_JAAR: i32 = 2025;

fn inst(inwoners: u32, jaren: u32, seed: u64) -> DemoInstellingen {
    DemoInstellingen {
        inwoners,
        jaren,
        eind_jaar: EIND_JAAR,
        seed,
        peildatum: None,
    }
}

fn records(i: &DemoInstellingen) -> Vec<Record> {
    let mut alle = Vec::new();
    demo::genereer(i, &mut |r| -> Result<(), ()> {
        alle.push(r);
        Ok(())
    })
    .expect("genereren lukt");
    alle
}

fn jsonl(i: &DemoInstellingen) -> Vec<u8> {
    let mut uit = Vec::new();
    demo::schrijf_jsonl(&mut uit, i).expect("schrijven lukt");
    uit
}

fn gevuld(i: &DemoInstellingen) -> Connection {
    let mut conn = store::open_in_memory().expect("db");
    demo::vul_register(&mut conn, i).expect("vullen lukt");
    conn
}

fn getal(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

#[test]
fn vult_een_leeg_register_dat_de_database_accepteert() {
    let conn = gevuld(&inst(800, 3, 11));
    let fk: bool = conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .expect("pragma");
    assert!(fk, "foreign keys staan aan");
    let mut stmt = conn.prepare("PRAGMA foreign_key_check").expect("check");
    let fouten = stmt.query_map([], |_| Ok(())).expect("check").count();
    assert_eq!(fouten, 0);
    assert_eq!(getal(&conn, "SELECT count(*) FROM inwoner"), 800);
    assert_eq!(
        store::instelling(&conn, store::INSTELLING_GEMEENTE)
            .expect("inst")
            .as_deref(),
        Some("Almelo")
    );
    // Every table but the accounts and the audit log (those come with
    // vul_register_met_accounts, see rondgang.rs).
    let tabellen: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
               AND name NOT IN ('account', 'audit') ORDER BY name",
        )
        .expect("tabellen")
        .query_map([], |r| r.get(0))
        .expect("tabellen")
        .collect::<Result<_, _>>()
        .expect("tabellen");
    assert!(tabellen.len() >= 20, "{tabellen:?}");
    for tabel in tabellen {
        assert!(
            getal(&conn, &format!("SELECT count(*) FROM {tabel}")) > 0,
            "{tabel} is leeg"
        );
    }
    // Each v2 column the generator's records do not hold.
    for (tabel, kolom) in [
        ("melding", "vraag"),
        ("melding", "aanvraag"),
        ("toekenning", "vorige"),
        ("toekenning", "volume"),
        ("toekenning", "reden_afwijzing"),
        ("voorziening", "beeindigd_op"),
        ("ave", "geregistreerd_door"),
        ("ave", "geregistreerd_op"),
        ("ave", "reden_geen_procesmanager"),
    ] {
        assert!(
            getal(
                &conn,
                &format!("SELECT count(*) FROM {tabel} WHERE {kolom} IS NOT NULL")
            ) > 0,
            "{tabel}.{kolom} is nergens ingevuld"
        );
    }
    assert!(getal(&conn, "SELECT count(*) FROM melding WHERE spoed = 1") > 0);
    assert_eq!(getal(&conn, "SELECT count(*) FROM wijkteam"), 4);
}

#[test]
fn weigert_een_register_met_inwoners() {
    let mut conn = gevuld(&inst(50, 1, 1));
    let fout = demo::vul_register(&mut conn, &inst(50, 1, 2)).expect_err("tweede keer weigert");
    assert!(fout.to_string().contains("bevat al inwoners"), "{fout}");
    assert_eq!(getal(&conn, "SELECT count(*) FROM inwoner"), 50);
}

#[test]
fn zelfde_zaad_zelfde_bytes() {
    let a = jsonl(&inst(400, 2, 5));
    let b = jsonl(&inst(400, 2, 5));
    let c = jsonl(&inst(400, 2, 6));
    assert_eq!(a, b);
    assert_ne!(a, c);
    let eerste = a.split(|b| *b == b'\n').next().expect("regel");
    assert_eq!(
        std::str::from_utf8(eerste).expect("utf8"),
        r#"{"type":"header","format":"wijkregister-jsonl","version":2,"gemeente":"Almelo"}"#
    );
    // The file is the export of the filled register: the generator's
    // records and the rows added after them, one line each.
    let regels = a.split(|b| *b == b'\n').filter(|r| !r.is_empty()).count();
    let mut verslag_uit = Vec::new();
    let verslag = demo::schrijf_jsonl(&mut verslag_uit, &inst(400, 2, 5)).expect("schrijven");
    assert_eq!(regels as u64, verslag.records + 1);
    assert_eq!(verslag.per_soort.values().sum::<u64>(), verslag.records);
    assert!(verslag.records > records(&inst(400, 2, 5)).len() as u64);
}

#[test]
fn ongeldige_instellingen_worden_geweigerd() {
    let mut conn = store::open_in_memory().expect("db");
    assert!(demo::vul_register(&mut conn, &inst(0, 2, 1)).is_err());
    assert!(demo::vul_register(&mut conn, &inst(10, 0, 1)).is_err());
    assert!(store::is_leeg(&conn).expect("leeg"));
}

/// Every record passes `valideer()` and the exchange format's cross-record rules.
#[test]
fn records_houden_zich_aan_het_uitwisselingsformaat() {
    let alle = records(&inst(3_000, 4, 21));
    let mut ids: HashMap<&'static str, HashSet<String>> = HashMap::new();
    let mut voorzieningen: HashMap<String, (VoorzieningSoort, Option<wijkregister::domain::Wet>)> =
        HashMap::new();
    let mut contracten: HashMap<String, (String, wijkregister::domain::Wet)> = HashMap::new();
    let mut banden: Vec<(i32, u8, u8)> = Vec::new();
    let mut indicatoren = HashSet::new();
    let bekend = |ids: &HashMap<&'static str, HashSet<String>>, soort: &str, id: &str| {
        ids.get(soort).is_some_and(|s| s.contains(id))
    };
    for (regel, r) in alle.iter().enumerate() {
        r.valideer()
            .unwrap_or_else(|f| panic!("regel {regel}: {r:?}: {f:?}"));
        let id = match r {
            Record::Wijkteam(x) => Some(x.id.clone()),
            Record::Medewerker(x) => {
                if let Some(t) = &x.wijkteam {
                    assert!(bekend(&ids, "wijkteam", t));
                }
                Some(x.id.clone())
            }
            Record::Aanbieder(x) => Some(x.id.clone()),
            Record::Contract(x) => {
                assert!(bekend(&ids, "aanbieder", &x.aanbieder));
                contracten.insert(x.id.clone(), (x.aanbieder.clone(), x.wet));
                Some(x.id.clone())
            }
            Record::Voorziening(x) => {
                voorzieningen.insert(x.id.clone(), (x.soort, x.wet));
                Some(x.id.clone())
            }
            Record::Inwoner(x) => {
                assert!(x.bsn.is_some(), "{} heeft een BSN", x.id);
                assert!(bekend(
                    &ids,
                    "wijkteam",
                    x.wijkteam.as_deref().expect("wijkteam")
                ));
                Some(x.id.clone())
            }
            Record::Melding(x) => {
                assert!(bekend(&ids, "inwoner", &x.inwoner));
                if let Some(v) = &x.gevraagde_voorziening {
                    assert!(bekend(&ids, "voorziening", v));
                }
                if let Some(m) = &x.medewerker {
                    assert!(bekend(&ids, "medewerker", m));
                }
                Some(x.id.clone())
            }
            Record::Verwijzing(x) => {
                assert!(bekend(&ids, "melding", &x.melding));
                let (soort, _) = voorzieningen[&x.voorziening];
                assert_ne!(soort, VoorzieningSoort::Maatwerk, "{x:?}");
                Some(x.id.clone())
            }
            Record::Toekenning(x) => {
                assert!(bekend(&ids, "inwoner", &x.inwoner));
                let (soort, wet) = voorzieningen[&x.voorziening];
                assert_eq!(soort, VoorzieningSoort::Maatwerk, "{x:?}");
                if let Some(m) = &x.melding {
                    assert!(bekend(&ids, "melding", m));
                }
                if let Some(a) = &x.aanbieder {
                    assert!(bekend(&ids, "aanbieder", a));
                }
                if let Some(c) = &x.contract {
                    let (aanbieder, contract_wet) = &contracten[c];
                    assert_eq!(Some(aanbieder), x.aanbieder.as_ref(), "{x:?}");
                    assert_eq!(Some(*contract_wet), wet, "{x:?}");
                }
                if let Some(start) = x.start {
                    assert!(start >= x.besluit, "start na besluit: {x:?}");
                }
                Some(x.id.clone())
            }
            Record::Ave(x) => {
                if let Some(c) = &x.casusregisseur {
                    assert!(bekend(&ids, "medewerker", c));
                }
                Some(x.id.clone())
            }
            Record::Vordering(x) => {
                if let Some(i) = &x.inwoner {
                    assert!(bekend(&ids, "inwoner", i));
                }
                if let Some(a) = &x.aanbieder {
                    assert!(bekend(&ids, "aanbieder", a));
                }
                Some(x.id.clone())
            }
            Record::Bevolking(x) => {
                for (jaar, van, tot) in &banden {
                    assert!(
                        !(*jaar == x.jaar && *van <= x.leeftijd_tot && x.leeftijd_van <= *tot),
                        "overlap {x:?}"
                    );
                }
                banden.push((x.jaar, x.leeftijd_van, x.leeftijd_tot));
                None
            }
            Record::Indicatorwaarde(x) => {
                assert!(
                    wijkregister::domain::catalogus::is_bekende_code(&x.indicator),
                    "{}",
                    x.indicator
                );
                assert!(
                    indicatoren.insert((x.indicator.clone(), x.jaar, x.soort)),
                    "dubbel {x:?}"
                );
                None
            }
        };
        if let Some(id) = id {
            assert!(
                ids.entry(r.soort()).or_default().insert(id.clone()),
                "dubbel id {id}"
            );
        }
    }
    assert_eq!(banden.len(), 4 * BANDEN.len());
}

/// Jeugdwet decisions are for minors, at the start of delivery.
#[test]
fn jeugdwet_voor_minderjarigen() {
    let alle = records(&inst(2_000, 3, 4));
    let mut geboren: HashMap<String, NaiveDate> = HashMap::new();
    let mut jeugd: HashSet<String> = HashSet::new();
    let mut te_oud = 0;
    let mut totaal = 0;
    for r in &alle {
        match r {
            Record::Inwoner(i) => {
                geboren.insert(i.id.clone(), i.geboortedatum);
            }
            Record::Voorziening(v) if v.wet == Some(wijkregister::domain::Wet::Jeugdwet) => {
                jeugd.insert(v.id.clone());
            }
            Record::Toekenning(t) if jeugd.contains(&t.voorziening) => {
                totaal += 1;
                if leeftijd(geboren[&t.inwoner], t.start.unwrap_or(t.besluit)) >= 18 {
                    te_oud += 1;
                }
            }
            _ => {}
        }
    }
    assert!(totaal > 100, "{totaal}");
    assert_eq!(
        te_oud, 0,
        "{te_oud} van {totaal} Jeugdwet-toekenningen voor 18+"
    );
}

fn groot() -> Connection {
    gevuld(&inst(5_000, 3, 1))
}

/// Proportions stay realistic, and the population bands count the residents exactly.
#[test]
fn verhoudingen_en_bevolking() {
    let conn = groot();
    let j = EIND_JAAR;
    let lopend = format!(
        "t.uitkomst = 'toegekend' AND t.start IS NOT NULL AND t.start <= '{j}-12-31' AND (t.eind IS NULL OR t.eind >= '{j}-01-01')"
    );
    let leeftijd = format!(
        "(CAST(strftime('%Y', max('{j}-01-01', t.start)) AS INTEGER) - CAST(strftime('%Y', i.geboortedatum) AS INTEGER)
          - (strftime('%m-%d', max('{j}-01-01', t.start)) < strftime('%m-%d', i.geboortedatum)))"
    );
    let met = |wet: &str, van: i32, tot: i32| {
        getal(
            &conn,
            &format!(
                "SELECT count(DISTINCT t.inwoner) FROM toekenning t JOIN voorziening v ON v.id = t.voorziening
                 JOIN inwoner i ON i.id = t.inwoner
                 WHERE v.soort = 'maatwerk' AND v.wet = '{wet}' AND {lopend} AND {leeftijd} BETWEEN {van} AND {tot}
                   AND i.woonplaats = 'Almelo'"
            ),
        )
    };
    let bevolking = |van: i32, tot: i32| {
        getal(
            &conn,
            &format!(
                "SELECT coalesce(sum(aantal), 0) FROM bevolking WHERE jaar = {j} AND leeftijd_van >= {van} AND leeftijd_tot <= {tot}"
            ),
        )
    };
    let jeugd = met("jeugdwet", 0, 17) as f64 / bevolking(0, 17) as f64;
    let oud = met("wmo", 65, 120) as f64 / bevolking(65, 120) as f64;
    let volw = met("wmo", 18, 64) as f64 / bevolking(18, 64) as f64;
    println!("jeugd {jeugd:.3} 65+ {oud:.3} 18-64 {volw:.3}");
    assert!(
        (0.08..=0.20).contains(&jeugd),
        "jeugd met Jeugdwet: {jeugd:.3}"
    );
    assert!((0.20..=0.45).contains(&oud), "65+ met Wmo: {oud:.3}");
    assert!((0.01..=0.08).contains(&volw), "18-64 met Wmo: {volw:.3}");

    for jaar in EIND_JAAR - 2..=EIND_JAAR {
        let som = getal(
            &conn,
            &format!("SELECT sum(aantal) FROM bevolking WHERE jaar = {jaar}"),
        );
        let geteld = getal(
            &conn,
            &format!(
                "SELECT count(*) FROM inwoner WHERE woonplaats = 'Almelo' AND geboortedatum <= '{jaar}-01-01'"
            ),
        );
        assert_eq!(som, geteld, "bevolking {jaar}");
        let banden = getal(
            &conn,
            &format!("SELECT count(*) FROM bevolking WHERE jaar = {jaar}"),
        );
        assert_eq!(banden, 8);
    }
    let jong = getal(
        &conn,
        &format!(
            "SELECT count(*) FROM inwoner WHERE geboortedatum > '{}-01-01'",
            EIND_JAAR - 18
        ),
    );
    let totaal = getal(&conn, "SELECT count(*) FROM inwoner");
    let aandeel = jong as f64 / totaal as f64;
    assert!(
        (0.15..=0.30).contains(&aandeel),
        "aandeel 0-17: {aandeel:.3}"
    );
    let elders = getal(
        &conn,
        "SELECT count(*) FROM inwoner WHERE woonplaats <> 'Almelo'",
    );
    assert!(elders > 0 && elders < totaal / 50, "{elders}");
}

/// The indicators of indicators.md that have nothing to count in the last year.
fn lege_indicatoren(conn: &Connection) -> Vec<&'static str> {
    let j = EIND_JAAR;
    let lopend = format!(
        "t.uitkomst = 'toegekend' AND t.start IS NOT NULL AND t.start <= '{j}-12-31' AND (t.eind IS NULL OR t.eind >= '{j}-01-01')"
    );
    let in_jaar = |kolom: &str| format!("{kolom} BETWEEN '{j}-01-01' AND '{j}-12-31'");
    let mw = "JOIN voorziening v ON v.id = t.voorziening";
    let kenmerk = |k: &str| {
        format!(
            "SELECT count(DISTINCT t.inwoner) FROM toekenning t JOIN voorziening_kenmerk k ON k.voorziening = t.voorziening AND k.kenmerk = '{k}' JOIN inwoner i ON i.id = t.inwoner WHERE {lopend}"
        )
    };
    let checks: Vec<(&str, String)> = vec![
        ("1.2.1", format!("SELECT count(*) FROM toekenning t {mw} WHERE v.wet = 'wmo' AND v.categorie = '13' AND t.uitkomst = 'toegekend' AND {}", in_jaar("t.besluit"))),
        ("1.7A.2", format!("SELECT count(*) FROM toekenning t {mw} JOIN inwoner i ON i.id = t.inwoner WHERE v.wet = 'jeugdwet' AND {lopend} AND i.geboortedatum > date(max('{j}-01-01', t.start), '-4 years')")),
        ("1.14.2", kenmerk("stadsbank")),
        ("1.14.3", kenmerk("schuldspecialist")),
        ("1.14.4", format!("SELECT count(*) FROM toekenning t {mw} WHERE v.wet = 'schuldhulp' AND t.start IS NOT NULL AND t.start BETWEEN '{}-01-01' AND '{j}-12-31' AND EXISTS (SELECT 1 FROM toekenning e JOIN voorziening ev ON ev.id = e.voorziening WHERE ev.wet = 'schuldhulp' AND e.inwoner = t.inwoner AND e.eind < t.start)", j - 2)),
        ("1.14.5", format!("{} AND i.geboortedatum > date(max('{j}-01-01', t.start), '-27 years')", kenmerk("pw-uitkering"))),
        ("2.3.1", format!("SELECT count(*) FROM verwijzing WHERE status = 'afgerond' AND opgelost = 1 AND {}", in_jaar("afgerond_op"))),
        ("3.1.1 inburgering", format!("SELECT count(*) FROM toekenning t {mw} WHERE v.wet = 'inburgering' AND {lopend}")),
        ("3.1.1 leerlingenvervoer", format!("SELECT count(*) FROM toekenning t {mw} WHERE v.wet = 'leerlingenvervoer' AND {lopend}")),
        ("3.1.1 participatiewet", format!("SELECT count(*) FROM toekenning t {mw} WHERE v.wet = 'participatiewet' AND {lopend}")),
        ("3.2", format!("SELECT count(*) FROM toekenning t {mw} JOIN contract c ON c.id = t.contract WHERE v.wet = 'jeugdwet' AND c.soort = 'maatwerkcontract' AND {lopend}")),
        ("3.4A.1", format!("SELECT count(*) FROM toekenning t {mw} WHERE v.wet = 'jeugdwet' AND t.doorbraak = 1 AND {lopend}")),
        ("3.4B.1", format!("SELECT count(*) FROM toekenning t {mw} WHERE v.wet = 'wmo' AND t.doorbraak = 1 AND {lopend}")),
        ("3.10.2", format!("SELECT count(*) FROM contract WHERE wet = 'jeugdwet' AND soort = 'maatwerkcontract' AND van <= '{j}-12-31' AND (tot IS NULL OR tot >= '{j}-01-01')")),
        ("3.4.1", format!("SELECT count(*) FROM toekenning t {mw} WHERE v.wet = 'wmo' AND v.categorie IN ('15','16','17','18') AND t.aanbieder IS NOT NULL AND {lopend}")),
        ("3.4C.1", "SELECT count(*) FROM toekenning b JOIN voorziening bv ON bv.id = b.voorziening JOIN inwoner i ON i.id = b.inwoner
            WHERE bv.wet = 'wmo' AND bv.categorie = '15' AND b.start IS NOT NULL AND b.start >= date(i.geboortedatum, '+18 years')
              AND EXISTS (SELECT 1 FROM toekenning t JOIN voorziening v ON v.id = t.voorziening WHERE t.inwoner = b.inwoner AND v.wet = 'jeugdwet'
                AND t.uitkomst = 'toegekend' AND t.start <= date(b.start, '-1 day') AND (t.eind IS NULL OR t.eind >= date(b.start, '-365 days')))".to_owned()),
        ("3.4C.2", format!("SELECT count(*) FROM toekenning t {mw} WHERE v.wet = 'wmo' AND v.categorie = '15' AND t.uitkomst = 'toegekend' AND t.besluit <= '{j}-12-31' AND (t.start IS NULL OR t.start > '{j}-12-31')")),
        ("3.8.2", format!("SELECT count(*) FROM toekenning t {mw} JOIN inwoner i ON i.id = t.inwoner WHERE v.categorie = '15' AND v.wet = 'wmo' AND i.woonplaats = 'Almelo' AND {lopend}")),
        ("3.8.1 regio", format!("SELECT count(*) FROM toekenning t {mw} JOIN inwoner i ON i.id = t.inwoner WHERE v.categorie = '15' AND v.wet = 'wmo' AND i.woonplaats <> 'Almelo' AND {lopend}")),
        ("3.8.3", kenmerk("opvang-24uur")),
        ("3.2.2", format!("{} AND t.start > '{}-12-31'", kenmerk("pw-uitkering"), j - 3)),
        ("3.9.1", format!("SELECT count(*) FROM vordering WHERE {} AND inwoner IS NOT NULL", in_jaar("datum"))),
        ("3.9.1 aanbieder", format!("SELECT count(*) FROM vordering WHERE {} AND aanbieder IS NOT NULL", in_jaar("datum"))),
        ("4.1.1", format!("SELECT count(*) FROM melding WHERE gevraagde_voorziening IS NOT NULL AND {}", in_jaar("datum"))),
        ("4.1.2", format!("SELECT count(*) FROM verwijzing w JOIN voorziening v ON v.id = w.voorziening WHERE v.soort = 'algemeen' AND {}", in_jaar("w.datum"))),
        ("4.2.1", format!("SELECT count(DISTINCT t.verwijzer) FROM toekenning t WHERE t.verwijzer IN ('huisarts','jeugdarts','gecertificeerde-instelling','medisch-specialist','rechter') AND {}", in_jaar("t.besluit"))),
        ("bbv-jeugdbescherming", format!("SELECT count(*) FROM toekenning t {mw} WHERE v.categorie = '48' AND {lopend}")),
        ("bbv-jeugdreclassering", format!("SELECT count(*) FROM toekenning t {mw} WHERE v.categorie = '47' AND {lopend}")),
        ("tw-jeugd-verblijf", format!("SELECT count(*) FROM toekenning t {mw} WHERE v.categorie IN ('43','44') AND {lopend}")),
        ("tw-wmo-categorie 01", format!("SELECT count(*) FROM toekenning t {mw} WHERE v.wet = 'wmo' AND v.categorie = '01' AND {lopend}")),
        ("pgb", format!("SELECT count(*) FROM toekenning t WHERE t.leveringsvorm = 'pgb' AND {lopend}")),
        ("afgewezen", format!("SELECT count(*) FROM toekenning t WHERE t.uitkomst = 'afgewezen' AND {}", in_jaar("t.besluit"))),
        ("wachtlijst", "SELECT count(*) FROM toekenning t WHERE t.uitkomst = 'toegekend' AND t.start IS NULL".to_owned()),
        ("herbeoordeling", "SELECT count(*) FROM toekenning t JOIN toekenning n ON n.inwoner = t.inwoner AND n.start = t.eind AND n.id <> t.id WHERE t.reden_einde = 'herbeoordeling'".to_owned()),
        ("open meldingen", "SELECT count(*) FROM melding WHERE afgesloten IS NULL".to_owned()),
        ("ave 3-4 procesregisseur", "SELECT count(*) FROM ave WHERE niveau >= 3 AND procesregisseur IS NOT NULL".to_owned()),
        ("ave niveau 4", "SELECT count(*) FROM ave WHERE niveau = 4".to_owned()),
        ("begroot", format!("SELECT count(*) FROM indicatorwaarde WHERE soort = 'begroot' AND jaar = {j}")),
    ];
    let mut leeg = Vec::new();
    for (code, sql) in &checks {
        let n = getal(conn, sql);
        println!("{code}: {n}");
        if n == 0 {
            leeg.push(*code);
        }
    }
    leeg
}

/// Every computed indicator of indicators.md has something to count in the
/// last year, and every value list is used.
#[test]
fn elke_indicator_heeft_iets_te_tellen() {
    let conn = groot();
    let leeg = lege_indicatoren(&conn);
    assert!(leeg.is_empty(), "niets te tellen voor {leeg:?}");
    // Every source and outcome of a melding, every verwijzing status, every verwijzer and end reason occurs.
    for (kolom, tabel, aantal) in [
        ("bron", "melding", 14),
        ("uitkomst", "melding", 8),
        ("status", "verwijzing", 4),
        ("verwijzer", "toekenning", 7),
        ("reden_einde", "toekenning", 9),
        ("niveau", "ave", 5),
        ("rol", "medewerker", 7),
    ] {
        let n = getal(
            &conn,
            &format!("SELECT count(DISTINCT {kolom}) FROM {tabel}"),
        );
        assert_eq!(n, aantal, "{tabel}.{kolom}");
    }
    // Klantreis dates in order.
    assert_eq!(
        getal(
            &conn,
            "SELECT count(*) FROM melding WHERE gesprek < datum OR onderzoek_klaar < datum OR afgesloten < datum"
        ),
        0
    );
    assert_eq!(
        getal(
            &conn,
            "SELECT count(*) FROM toekenning WHERE start < besluit"
        ),
        0
    );
}

/// The scripted casus households give a small register data for every indicator too.
#[test]
fn ook_een_klein_register_heeft_alles() {
    for seed in [1, 2, 3, 4, 5, 6, 7, 8, 9, 17] {
        let conn = gevuld(&inst(300, 2, seed));
        let mut leeg = lege_indicatoren(&conn);
        // Refusals and pgb are not indicators and may be absent in a small register.
        leeg.retain(|c| !matches!(*c, "afgewezen" | "pgb"));
        assert!(
            leeg.is_empty(),
            "seed {seed}: niets te tellen voor {leeg:?}"
        );
    }
    // Below the casus size the generator still works.
    let conn = gevuld(&inst(5, 1, 3));
    assert_eq!(getal(&conn, "SELECT count(*) FROM inwoner"), 5);
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_wijkregister"))
}

#[test]
fn cli_schrijft_een_uitwisselingsbestand() {
    let map = tempfile::tempdir().expect("tmp");
    let uit = map.path().join("x.jsonl");
    let db = map.path().join("niet.sqlite");
    let status = bin()
        .args([
            "--db",
            db.to_str().expect("pad"),
            "demo",
            "--inwoners",
            "300",
            "--jaren",
            "2",
            "--seed",
            "3",
            "--jsonl",
        ])
        .arg(&uit)
        .status()
        .expect("start");
    assert!(status.success());
    let tekst = std::fs::read_to_string(&uit).expect("lezen");
    let eerste = tekst.lines().next().expect("header");
    let header: serde_json::Value = serde_json::from_str(eerste).expect("json");
    assert_eq!(header["type"], "header");
    assert_eq!(header["format"], "wijkregister-jsonl");
    assert_eq!(header["gemeente"], "Almelo");
    let inwoners = tekst
        .lines()
        .filter(|r| r.starts_with(r#"{"type":"inwoner""#))
        .count();
    assert_eq!(inwoners, 300);
    assert!(!db.exists(), "--jsonl raakt de database niet aan");
    let rest: Vec<_> = std::fs::read_dir(map.path()).expect("map").collect();
    assert_eq!(rest.len(), 1, "geen tijdelijk bestand achtergebleven");
}

#[test]
fn cli_vult_een_database_en_weigert_daarna() {
    let map = tempfile::tempdir().expect("tmp");
    let db = map.path().join("demo.sqlite");
    let db_arg = db.to_str().expect("pad");
    let uit = bin()
        .args(["--db", db_arg, "demo", "--inwoners", "200", "--jaren", "2"])
        .output()
        .expect("start");
    assert!(
        uit.status.success(),
        "{}",
        String::from_utf8_lossy(&uit.stderr)
    );
    let conn = store::open(&db).expect("open");
    assert_eq!(getal(&conn, "SELECT count(*) FROM inwoner"), 200);
    drop(conn);
    let tweede = bin()
        .args(["--db", db_arg, "demo", "--inwoners", "200"])
        .output()
        .expect("start");
    assert!(!tweede.status.success());
    let melding = String::from_utf8_lossy(&tweede.stderr);
    assert!(melding.contains("bevat al inwoners"), "{melding}");
    let conn = store::open(&db).expect("open");
    assert_eq!(getal(&conn, "SELECT count(*) FROM inwoner"), 200);
}

#[test]
fn niets_na_de_peildatum() {
    // A demo made on 30 June invents no event after that day.
    let peil = NaiveDate::from_ymd_opt(EIND_JAAR, 6, 30).expect("datum");
    let i = DemoInstellingen {
        peildatum: Some(peil),
        ..inst(1_500, 3, 9)
    };
    let mut conn = store::open_in_memory().expect("open");
    demo::vul_register(&mut conn, &i).expect("demo");
    let grens = wijkregister::domain::datum::iso(peil);
    for (tabel, kolommen) in [
        (
            "melding",
            &["datum", "gesprek", "onderzoek_klaar", "afgesloten"][..],
        ),
        ("verwijzing", &["datum", "afgerond_op"][..]),
        ("toekenning", &["aanvraag", "besluit", "start", "eind"][..]),
        ("ave", &["datum"][..]),
        ("vordering", &["datum"][..]),
    ] {
        for kolom in kolommen {
            let na: i64 = conn
                .query_row(
                    &format!("SELECT count(*) FROM {tabel} WHERE {kolom} > ?1"),
                    [&grens],
                    |r| r.get(0),
                )
                .expect("telling");
            // Planned end dates of running provisions may lie ahead; events may not.
            if !(tabel == "toekenning" && *kolom == "eind") {
                assert_eq!(na, 0, "{tabel}.{kolom} has {na} dates after {grens}");
            }
        }
    }
    let meldingen: i64 = conn
        .query_row("SELECT count(*) FROM melding", [], |r| r.get(0))
        .expect("n");
    assert!(meldingen > 0);
}

/// The klantreis steps the demo records follow the klantreis: each step may
/// come after the one before it, on the same day or later, and a closed
/// melding's last step is the afsluiting.
#[test]
fn stappen_van_de_demo_volgen_de_klantreis() {
    use wijkregister::domain::klantreis::{Stap, controleer_datum};
    let conn = gevuld(&inst(400, 2, 4));
    let meldingen: Vec<(String, bool)> = conn
        .prepare("SELECT id, afgesloten IS NOT NULL FROM melding WHERE medewerker IS NOT NULL")
        .expect("meldingen")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("meldingen")
        .collect::<Result<_, _>>()
        .expect("meldingen");
    assert!(!meldingen.is_empty());
    for (melding, afgesloten) in meldingen {
        let stappen = store::klantreis::stappen(&conn, &melding).expect("stappen");
        assert!(!stappen.is_empty(), "{melding} heeft geen stappen");
        let mut vorige: Option<(Stap, chrono::NaiveDate)> = None;
        for s in &stappen {
            Stap::controleer_volgorde(vorige.map(|(v, _)| v), s.stap)
                .unwrap_or_else(|e| panic!("{melding}: {e}"));
            controleer_datum(vorige, s.stap, s.datum, None)
                .unwrap_or_else(|e| panic!("{melding}: {e}"));
            vorige = Some((s.stap, s.datum));
        }
        assert_eq!(
            afgesloten,
            stappen.last().map(|s| s.stap) == Some(Stap::Afsluiting),
            "{melding}"
        );
    }
}
