//! The import of `wijkregister-jsonl`: one test per error class of the
//! exchange format, each checking line, field and that nothing was stored.
//!
//! Every failing import runs on a register that already holds the full
//! fixture, and the register must be exactly as before afterwards.
#![allow(
    clippy::expect_used,
    reason = "a test stops on the first broken assumption"
)]

use std::io::Cursor;
use std::process::Command;

use rusqlite::Connection;
use wijkregister::domain::Record;
use wijkregister::store::import::{
    ImportFout, ImportFouten, ImportVerslag, MAX_FOUTEN, importeer, importeer_bestand,
};
use wijkregister::store::{self, INSTELLING_GEMEENTE, export};

const VOLLEDIG: &str = include_str!("../fixtures/import/volledig.jsonl");
const HEADER: &str =
    r#"{"type":"header","format":"wijkregister-jsonl","version":1,"gemeente":"Almelo"}"#;

fn importeer_tekst(conn: &mut Connection, tekst: &[u8]) -> Result<ImportVerslag, ImportFouten> {
    importeer(conn, Cursor::new(tekst), &mut |_| {})
}

/// A register holding the full fixture.
fn register() -> Connection {
    let mut conn = store::open_in_memory().expect("db");
    importeer_tekst(&mut conn, VOLLEDIG.as_bytes()).expect("fixture importeert");
    conn
}

/// Everything the register holds, to compare before and after.
fn inhoud(conn: &Connection) -> (Vec<Record>, Option<String>) {
    (
        export::lees_records(conn).expect("lezen"),
        store::instelling(conn, INSTELLING_GEMEENTE).expect("instelling"),
    )
}

/// Imports the header plus `regels` (line 2 onward), expects failure and an
/// unchanged register.
fn mislukt_bytes(conn: &mut Connection, tekst: &[u8]) -> ImportFouten {
    let voor = inhoud(conn);
    let fouten = importeer_tekst(conn, tekst).expect_err("import moet mislukken");
    assert_eq!(
        inhoud(conn),
        voor,
        "het register is veranderd na een mislukte import"
    );
    assert!(!fouten.fouten.is_empty());
    fouten
}

fn mislukt(regels: &[&str]) -> ImportFouten {
    let mut conn = register();
    let tekst = format!("{HEADER}\n{}\n", regels.join("\n"));
    mislukt_bytes(&mut conn, tekst.as_bytes())
}

/// The error on `regel` for `veld`; fails with the full list when absent.
fn fout<'a>(fouten: &'a ImportFouten, regel: u64, veld: Option<&str>) -> &'a ImportFout {
    fouten
        .fouten
        .iter()
        .find(|f| f.regel == regel && f.veld.as_deref() == veld)
        .unwrap_or_else(|| {
            panic!(
                "geen fout op regel {regel}, veld {veld:?} in {:#?}",
                fouten.fouten
            )
        })
}

fn bevat(f: &ImportFout, tekst: &str) {
    assert!(
        f.reden.contains(tekst),
        "'{}' bevat '{tekst}' niet",
        f.reden
    );
}

#[test]
fn fixture_importeert_met_verslag_per_soort() {
    let mut conn = store::open_in_memory().expect("db");
    let mut gemeld = Vec::new();
    let verslag = importeer(&mut conn, Cursor::new(VOLLEDIG), &mut |n| gemeld.push(n)).expect("ok");
    assert_eq!(verslag.records, 29);
    assert_eq!(verslag.gemeente, "Almelo");
    assert_eq!(verslag.per_soort[0], ("wijkteam", 2));
    assert_eq!(
        verslag.per_soort.iter().find(|(s, _)| *s == "vordering"),
        Some(&("vordering", 3))
    );
    assert_eq!(
        store::instelling(&conn, INSTELLING_GEMEENTE)
            .expect("i")
            .as_deref(),
        Some("Almelo")
    );
    assert_eq!(
        gemeld.last(),
        Some(&31),
        "voortgang meldt het aantal gelezen regels"
    );
    assert_eq!(export::lees_records(&conn).expect("lezen").len(), 29);
}

#[test]
fn windows_bestand_met_bom_en_crlf() {
    let mut conn = store::open_in_memory().expect("db");
    let tekst = format!("\u{feff}{}", VOLLEDIG.replace('\n', "\r\n"));
    let verslag = importeer_tekst(&mut conn, tekst.as_bytes()).expect("ok");
    assert_eq!(verslag.records, 29);
}

#[test]
fn onbekend_type() {
    let f = mislukt(&[r#"{"type":"klant","id":"K-1"}"#]);
    let f = fout(&f, 2, Some("type"));
    bevat(f, "onbekend type 'klant'");
    bevat(f, "'inwoner'");
}

#[test]
fn ontbrekend_type() {
    let f = mislukt(&[r#"{"id":"K-1"}"#]);
    bevat(fout(&f, 2, Some("type")), "verplicht");
}

#[test]
fn onbekend_veld() {
    let f = mislukt(&[r#"{"type":"wijkteam","id":"WT-9","naam":"Oost","kleur":"rood"}"#]);
    let f = fout(&f, 2, Some("kleur"));
    bevat(f, "onbekend veld voor type 'wijkteam'");
}

#[test]
fn verplicht_veld_ontbreekt() {
    let f = mislukt(&[
        r#"{"type":"inwoner","id":"I-9","voornaam":"Jan","achternaam":"Smit","huishouden":"H-9","woonplaats":"Almelo"}"#,
    ]);
    bevat(
        fout(&f, 2, Some("geboortedatum")),
        "is verplicht maar ontbreekt",
    );
    // `null` for a required field is the same as absent.
    let f = mislukt(&[r#"{"type":"wijkteam","id":"WT-9","naam":null}"#]);
    bevat(fout(&f, 2, Some("naam")), "is verplicht");
}

#[test]
fn null_voor_optioneel_veld_is_afwezig() {
    let mut conn = register();
    let tekst = format!(
        "{HEADER}\n{}\n",
        r#"{"type":"medewerker","id":"MW-9","naam":"Kees","rol":"wijkcoach","wijkteam":null}"#
    );
    let verslag = importeer_tekst(&mut conn, tekst.as_bytes()).expect("ok");
    assert_eq!(verslag.records, 1);
}

#[test]
fn waarde_buiten_lijst() {
    let f = mislukt(&[r#"{"type":"medewerker","id":"MW-9","naam":"Kees","rol":"directeur"}"#]);
    let f = fout(&f, 2, Some("rol"));
    bevat(f, "'directeur' is geen toegestane waarde");
    bevat(f, "'intaker'");
    let f = mislukt(&[
        r#"{"type":"voorziening","id":"V-9","naam":"Hulp","soort":"maatwerk","wet":"wmo","categorie":"45"}"#,
    ]);
    bevat(
        fout(&f, 2, Some("categorie")),
        "'45' is geen productcategorie van de Wmo 2015",
    );
}

#[test]
fn verwijzing_naar_niets() {
    let f = mislukt(&[
        r#"{"type":"melding","id":"M-9","inwoner":"I-99","datum":"2024-01-01","bron":"huisarts","medewerker":"MW-99"}"#,
    ]);
    let e = fout(&f, 2, Some("inwoner"));
    bevat(
        e,
        "verwijst naar inwoner 'I-99', die niet bestaat (niet eerder in het bestand en niet in het register)",
    );
    bevat(fout(&f, 2, Some("medewerker")), "medewerker 'MW-99'");
}

#[test]
fn verwijzing_naar_latere_regel_telt_niet() {
    let f = mislukt(&[
        r#"{"type":"medewerker","id":"MW-9","naam":"Kees","rol":"wijkcoach","wijkteam":"WT-9"}"#,
        r#"{"type":"wijkteam","id":"WT-9","naam":"Oost"}"#,
    ]);
    bevat(
        fout(&f, 2, Some("wijkteam")),
        "wijkteam 'WT-9', die niet bestaat",
    );
    assert_eq!(f.fouten.len(), 1);
}

#[test]
fn verwijzing_naar_eerdere_regel_en_register() {
    let mut conn = register();
    let tekst = format!(
        "{HEADER}\n{}\n{}\n",
        r#"{"type":"inwoner","id":"I-9","voornaam":"Jan","achternaam":"Smit","geboortedatum":"1980-01-01","huishouden":"H-9","wijkteam":"WT-2","woonplaats":"Almelo"}"#,
        r#"{"type":"toekenning","id":"T-9","inwoner":"I-9","voorziening":"V-1","aanbieder":"A-1","contract":"C-1","verwijzer":"huisarts","besluit":"2024-01-01","uitkomst":"toegekend"}"#
    );
    assert_eq!(
        importeer_tekst(&mut conn, tekst.as_bytes())
            .expect("ok")
            .records,
        2
    );
}

#[test]
fn toekenning_van_niet_maatwerk() {
    let f = mislukt(&[
        r#"{"type":"toekenning","id":"T-9","inwoner":"I-1","voorziening":"V-3","verwijzer":"gemeente","besluit":"2024-01-01","uitkomst":"toegekend"}"#,
    ]);
    let e = fout(&f, 2, Some("voorziening"));
    bevat(e, "voorziening 'V-3' is geen maatwerkvoorziening");
}

#[test]
fn verwijzing_naar_maatwerk() {
    let f = mislukt(&[
        r#"{"type":"verwijzing","id":"VW-9","melding":"M-1","voorziening":"V-1","datum":"2024-02-10","status":"verwezen"}"#,
    ]);
    bevat(
        fout(&f, 2, Some("voorziening")),
        "voorziening 'V-1' is een maatwerkvoorziening",
    );
}

#[test]
fn contract_van_andere_aanbieder() {
    let f = mislukt(&[
        r#"{"type":"toekenning","id":"T-9","inwoner":"I-1","voorziening":"V-1","aanbieder":"A-2","contract":"C-1","verwijzer":"huisarts","besluit":"2024-01-01","uitkomst":"toegekend"}"#,
    ]);
    let e = fout(&f, 2, Some("contract"));
    bevat(
        e,
        "contract 'C-1' is van aanbieder 'A-1', maar deze toekenning noemt aanbieder 'A-2'",
    );
}

#[test]
fn contract_van_andere_wet() {
    // C-2 is a Jeugdwet contract of A-2; V-1 is a Wmo provision.
    let f = mislukt(&[
        r#"{"type":"toekenning","id":"T-9","inwoner":"I-1","voorziening":"V-1","aanbieder":"A-2","contract":"C-2","verwijzer":"huisarts","besluit":"2024-01-01","uitkomst":"toegekend"}"#,
    ]);
    let e = fout(&f, 2, Some("contract"));
    bevat(
        e,
        "contract 'C-2' valt onder de Jeugdwet, maar voorziening 'V-1' onder de Wmo 2015",
    );
}

#[test]
fn dubbel_id_in_bestand() {
    let mut conn = store::open_in_memory().expect("db");
    let tekst = format!(
        "{HEADER}\n{}\n{}\n",
        r#"{"type":"wijkteam","id":"WT-9","naam":"Oost"}"#,
        r#"{"type":"wijkteam","id":"WT-9","naam":"West"}"#
    );
    let f = mislukt_bytes(&mut conn, tekst.as_bytes());
    let e = fout(&f, 3, Some("id"));
    bevat(e, "id 'WT-9' komt al voor (op regel 2 van dit bestand)");
    assert_eq!(f.fouten.len(), 1);
    assert_eq!(
        store::instelling(&conn, INSTELLING_GEMEENTE).expect("i"),
        None,
        "ook de gemeente is niet opgeslagen"
    );
}

#[test]
fn dubbel_id_tegen_register() {
    let f = mislukt(&[r#"{"type":"aanbieder","id":"A-1","naam":"Andere BV"}"#]);
    bevat(
        fout(&f, 2, Some("id")),
        "id 'A-1' komt al voor (al in het register)",
    );
}

#[test]
fn zelfde_id_in_ander_type_mag() {
    let mut conn = register();
    let tekst = format!(
        "{HEADER}\n{}\n",
        r#"{"type":"aanbieder","id":"WT-1","naam":"Naamgenoot BV"}"#
    );
    assert_eq!(
        importeer_tekst(&mut conn, tekst.as_bytes())
            .expect("ok")
            .records,
        1
    );
}

#[test]
fn zelfde_bestand_twee_keer() {
    let mut conn = register();
    let voor = inhoud(&conn);
    let f = importeer_tekst(&mut conn, VOLLEDIG.as_bytes()).expect_err("tweede keer mislukt");
    assert_eq!(inhoud(&conn), voor);
    // The first duplicate id is the first wijkteam, on line 3.
    let eerste = &f.fouten[0];
    assert_eq!((eerste.regel, eerste.veld.as_deref()), (3, Some("id")));
    bevat(eerste, "id 'WT-1' komt al voor");
    assert!(f.fouten.iter().all(|e| e.veld.as_deref() != Some("type")));
}

#[test]
fn ongeldige_datum() {
    let f = mislukt(&[
        r#"{"type":"melding","id":"M-9","inwoner":"I-1","datum":"2024-02-30","bron":"huisarts"}"#,
    ]);
    bevat(
        fout(&f, 2, Some("datum")),
        "'2024-02-30' is geen geldige datum (verwacht jjjj-mm-dd)",
    );
    let f = mislukt(&[
        r#"{"type":"contract","id":"C-9","aanbieder":"A-1","wet":"wmo","soort":"raamcontract","van":"1-1-2024"}"#,
    ]);
    bevat(fout(&f, 2, Some("van")), "'1-1-2024' is geen geldige datum");
}

#[test]
fn ongeldig_bsn() {
    let f = mislukt(&[
        r#"{"type":"inwoner","id":"I-9","bsn":"123456789","voornaam":"Jan","achternaam":"Smit","geboortedatum":"1980-01-01","huishouden":"H-9","woonplaats":"Almelo"}"#,
        r#"{"type":"inwoner","id":"I-10","bsn":"12345","voornaam":"Jan","achternaam":"Smit","geboortedatum":"1980-01-01","huishouden":"H-9","woonplaats":"Almelo"}"#,
    ]);
    bevat(
        fout(&f, 2, Some("bsn")),
        "ongeldig BSN: dit nummer voldoet niet aan de 11-proef",
    );
    bevat(fout(&f, 3, Some("bsn")), "precies 9 cijfers");
}

#[test]
fn einde_voor_begin() {
    let f = mislukt(&[
        r#"{"type":"toekenning","id":"T-9","inwoner":"I-1","voorziening":"V-1","verwijzer":"huisarts","besluit":"2024-01-01","uitkomst":"toegekend","start":"2024-03-01","eind":"2024-02-01"}"#,
        r#"{"type":"contract","id":"C-9","aanbieder":"A-1","wet":"wmo","soort":"raamcontract","van":"2024-01-01","tot":"2023-12-31"}"#,
    ]);
    bevat(
        fout(&f, 2, Some("eind")),
        "01-02-2024 ligt vóór start (01-03-2024)",
    );
    bevat(fout(&f, 3, Some("tot")), "ligt vóór van");
}

#[test]
fn overlappende_bevolking() {
    let f = mislukt(&[
        r#"{"type":"bevolking","jaar":2025,"leeftijd_van":0,"leeftijd_tot":17,"aantal":100}"#,
        r#"{"type":"bevolking","jaar":2025,"leeftijd_van":10,"leeftijd_tot":30,"aantal":100}"#,
        r#"{"type":"bevolking","jaar":2024,"leeftijd_van":65,"leeftijd_tot":120,"aantal":100}"#,
        r#"{"type":"bevolking","jaar":2025,"leeftijd_van":18,"leeftijd_tot":120,"aantal":100}"#,
    ]);
    bevat(
        fout(&f, 3, Some("leeftijd_van")),
        "overlapt met de band 0–17 (op regel 2)",
    );
    bevat(
        fout(&f, 4, Some("leeftijd_van")),
        "overlapt met de band 18–120 (in het register)",
    );
    assert_eq!(
        f.fouten.len(),
        2,
        "aangrenzende banden overlappen niet: {:#?}",
        f.fouten
    );
}

#[test]
fn onbekende_indicator_en_dubbele_waarde() {
    let f = mislukt(&[
        r#"{"type":"indicatorwaarde","indicator":"9.9.9","jaar":2024,"soort":"realisatie","waarde":1}"#,
        r#"{"type":"indicatorwaarde","indicator":"1.1.1","jaar":2024,"soort":"realisatie","waarde":2}"#,
        r#"{"type":"indicatorwaarde","indicator":"1.2.1","jaar":2024,"soort":"begroot","waarde":2}"#,
        r#"{"type":"indicatorwaarde","indicator":"1.2.1","jaar":2024,"soort":"begroot","waarde":3}"#,
    ]);
    bevat(
        fout(&f, 2, Some("indicator")),
        "'9.9.9' is geen indicator uit de catalogus",
    );
    bevat(
        fout(&f, 3, Some("indicator")),
        "er is al een waarde voor indicator '1.1.1', jaar 2024, soort 'realisatie'",
    );
    bevat(fout(&f, 5, Some("indicator")), "indicator '1.2.1'");
    assert_eq!(f.fouten.len(), 3);
}

#[test]
fn header_ontbreekt() {
    let mut conn = register();
    let f = mislukt_bytes(
        &mut conn,
        b"{\"type\":\"wijkteam\",\"id\":\"WT-9\",\"naam\":\"Oost\"}\n",
    );
    bevat(fout(&f, 1, None), "de eerste regel moet de header zijn");
    let f = mislukt_bytes(&mut conn, b"\n\n");
    bevat(fout(&f, 1, None), "het bestand is leeg");
    let f = mislukt_bytes(&mut conn, format!("{HEADER}\n{HEADER}\n").as_bytes());
    bevat(fout(&f, 2, Some("type")), "maar één header");
}

#[test]
fn header_ongeldig() {
    let mut conn = register();
    let f = mislukt_bytes(
        &mut conn,
        br#"{"type":"header","format":"csv","version":2,"gemeente":"Almelo","extra":1}"#,
    );
    bevat(
        fout(&f, 1, Some("format")),
        "'format' moet \"wijkregister-jsonl\" zijn",
    );
    bevat(
        fout(&f, 1, Some("version")),
        "versie 2 kent deze wijkregister niet",
    );
    bevat(fout(&f, 1, Some("extra")), "de header kent dit veld niet");
    let f = mislukt_bytes(
        &mut conn,
        br#"{"type":"header","format":"wijkregister-jsonl","version":1}"#,
    );
    bevat(fout(&f, 1, Some("gemeente")), "verplicht");
}

#[test]
fn header_van_andere_gemeente() {
    let mut conn = register();
    let tekst =
        br#"{"type":"header","format":"wijkregister-jsonl","version":1,"gemeente":"Hengelo"}"#;
    let f = mislukt_bytes(&mut conn, tekst);
    let e = fout(&f, 1, Some("gemeente"));
    bevat(
        e,
        "dit bestand is van gemeente 'Hengelo', maar dit register is van gemeente 'Almelo'",
    );
}

#[test]
fn verkeerd_json_type() {
    let f = mislukt(&[
        r#"{"type":"wijkteam","id":"WT-9","naam":5}"#,
        r#"{"type":"voorziening","id":"V-9","naam":"Hulp","soort":"algemeen","kenmerken":"wijkkamer"}"#,
        r#"{"type":"voorziening","id":"V-10","naam":"Hulp","soort":"algemeen","kenmerken":["wijkkamer",3]}"#,
        r#"{"type":"ave","id":"AVE-9","huishouden":"H-1","datum":"2024-01-01","niveau":"3","reden":"x","procesregisseur":"p"}"#,
        r#"{"type":"verwijzing","id":"VW-9","melding":"M-1","voorziening":"V-3","datum":"2024-02-10","status":"gestart","opgelost":"ja"}"#,
        r#"{"type":"toekenning","id":"T-9","inwoner":"I-1","voorziening":"V-1","verwijzer":"gemeente","besluit":"2024-01-01","uitkomst":"toegekend","afweging":{"eigen_kracht":"nee","netwerk":"nee","algemene_voorziening":1,"reden":"x"}}"#,
        r#"{"type":"toekenning","id":"T-10","inwoner":"I-1","voorziening":"V-1","verwijzer":"gemeente","besluit":"2024-01-01","uitkomst":"toegekend","afweging":"alles bekeken"}"#,
        r#"{"type":"bevolking","jaar":2030,"leeftijd_van":0.5,"leeftijd_tot":17,"aantal":100}"#,
        r#"{"type":"ave","id":"AVE-10","huishouden":"H-1","datum":"2024-01-01","niveau":7,"reden":"x","procesregisseur":"p"}"#,
        r#"{"type":"voorziening","id":"V-11","naam":"Hulp","soort":"algemeen","kenmerken":["wijkkamer","wijkkamer"]}"#,
    ]);
    bevat(
        fout(&f, 2, Some("naam")),
        "verwacht tekst (tussen aanhalingstekens), maar dit is een getal",
    );
    bevat(
        fout(&f, 3, Some("kenmerken")),
        "verwacht een lijst van teksten",
    );
    bevat(
        fout(&f, 11, Some("kenmerken")),
        "kenmerk 'wijkkamer' staat twee keer in de lijst",
    );
    bevat(fout(&f, 4, Some("kenmerken")), "elk kenmerk is tekst");
    bevat(
        fout(&f, 5, Some("niveau")),
        "verwacht een geheel getal, maar dit is tekst",
    );
    bevat(fout(&f, 6, Some("opgelost")), "verwacht true of false");
    bevat(
        fout(&f, 7, Some("afweging.algemene_voorziening")),
        "verwacht tekst",
    );
    bevat(
        fout(&f, 7, Some("afweging.voorliggende_voorziening")),
        "verplicht",
    );
    bevat(
        fout(&f, 7, Some("afweging.reden")),
        "onbekend veld in de afweging",
    );
    bevat(fout(&f, 8, Some("afweging")), "verwacht een object");
    bevat(
        fout(&f, 9, Some("leeftijd_van")),
        "verwacht een geheel getal, maar dit is 0.5",
    );
    bevat(
        fout(&f, 10, Some("niveau")),
        "7 ligt buiten het bereik 0 tot en met 4",
    );
}

#[test]
fn ongeldig_bedrag() {
    let f = mislukt(&[
        r#"{"type":"vordering","id":"VO-9","datum":"2024-01-01","bedrag":10.005,"soort":"misbruik","inwoner":"I-1"}"#,
        r#"{"type":"vordering","id":"VO-10","datum":"2024-01-01","bedrag":-5,"soort":"misbruik","inwoner":"I-1"}"#,
        r#"{"type":"vordering","id":"VO-11","datum":"2024-01-01","bedrag":"10","soort":"misbruik","inwoner":"I-1"}"#,
        r#"{"type":"vordering","id":"VO-12","datum":"2024-01-01","bedrag":10,"soort":"misbruik"}"#,
    ]);
    bevat(
        fout(&f, 2, Some("bedrag")),
        "'10.005' is geen bedrag in euro's met hoogstens twee decimalen",
    );
    bevat(fout(&f, 3, Some("bedrag")), "'-5' is geen bedrag");
    bevat(fout(&f, 4, Some("bedrag")), "verwacht een bedrag als getal");
    bevat(
        fout(&f, 5, Some("inwoner")),
        "een vordering noemt een inwoner of een aanbieder",
    );
}

#[test]
fn bedrag_wordt_exacte_centen() {
    let mut conn = store::open_in_memory().expect("db");
    let tekst = format!(
        "{HEADER}\n{}\n{}\n",
        r#"{"type":"aanbieder","id":"A-1","naam":"Zorg BV"}"#,
        r#"{"type":"vordering","id":"VO-1","datum":"2024-01-01","bedrag":0.29,"soort":"misbruik","aanbieder":"A-1"}"#
    );
    importeer_tekst(&mut conn, tekst.as_bytes()).expect("ok");
    let records = export::lees_records(&conn).expect("lezen");
    let Some(Record::Vordering(v)) = records.last() else {
        panic!("geen vordering: {records:?}")
    };
    assert_eq!(v.bedrag_cent, 29);
}

#[test]
fn ongeldige_utf8() {
    let mut conn = register();
    let mut tekst = format!("{HEADER}\n").into_bytes();
    tekst.extend_from_slice(b"{\"type\":\"wijkteam\",\"id\":\"WT-9\",\"naam\":\"Oo\xff\xfest\"}\n");
    let f = mislukt_bytes(&mut conn, &tekst);
    bevat(fout(&f, 2, None), "geen geldige UTF-8-tekst");
}

#[test]
fn enorme_regel() {
    let mut conn = register();
    let mut tekst =
        format!("{HEADER}\n{{\"type\":\"wijkteam\",\"id\":\"WT-9\",\"naam\":\"").into_bytes();
    tekst.extend(std::iter::repeat_n(b'a', 2 << 20));
    tekst.extend_from_slice(b"\"}\n{\"type\":\"wijkteam\",\"id\":\"WT-1\",\"naam\":\"x\"}\n");
    let f = mislukt_bytes(&mut conn, &tekst);
    bevat(fout(&f, 2, None), "langer dan 1 MiB");
    // Reading goes on at the next line.
    bevat(fout(&f, 3, Some("id")), "id 'WT-1' komt al voor");
}

#[test]
fn diepe_nesting() {
    let mut conn = register();
    let diep = format!("{HEADER}\n{}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let f = mislukt_bytes(&mut conn, diep.as_bytes());
    bevat(fout(&f, 2, None), "te diep genest");
    let diep = format!(
        "{HEADER}\n{{\"type\":\"wijkteam\",\"id\":\"WT-9\",\"naam\":{}1{}}}\n",
        "{\"a\":".repeat(5000),
        "}".repeat(5000)
    );
    let f = mislukt_bytes(&mut conn, diep.as_bytes());
    bevat(fout(&f, 2, None), "te diep genest");
}

#[test]
fn geen_object() {
    let f = mislukt(&[
        r#"["type","wijkteam"]"#,
        "42",
        r#""tekst""#,
        "{\"type\":\"wijkteam\"",
        "niet json",
    ]);
    bevat(fout(&f, 2, None), "elke regel is één JSON-object");
    bevat(fout(&f, 2, None), "een lijst");
    bevat(fout(&f, 3, None), "een getal");
    bevat(fout(&f, 4, None), "tekst");
    bevat(fout(&f, 5, None), "onvolledig");
    bevat(fout(&f, 6, None), "geen geldige JSON");
}

#[test]
fn alle_fouten_worden_gemeld() {
    let f = mislukt(&[
        r#"{"type":"wijkteam","id":"WT-9"}"#,
        r#"{"type":"wijkteam","id":"WT-10","naam":"Oost"}"#,
        r#"{"type":"klant"}"#,
        "",
        r#"{"type":"medewerker","id":"MW-9","naam":"Kees","rol":"baas","wijkteam":"WT-99"}"#,
    ]);
    assert!(!f.afgekapt);
    fout(&f, 2, Some("naam"));
    fout(&f, 4, Some("type"));
    fout(&f, 6, Some("rol"));
    assert_eq!(f.fouten.len(), 3, "{:#?}", f.fouten);
    let regels: Vec<u64> = f.fouten.iter().map(|e| e.regel).collect();
    assert!(regels.is_sorted(), "fouten staan in regelvolgorde");
}

#[test]
fn verwijzing_naar_foute_regel_geeft_geen_tweede_fout() {
    let f = mislukt(&[
        r#"{"type":"wijkteam","id":"WT-9","naam":""}"#,
        r#"{"type":"medewerker","id":"MW-9","naam":"Kees","rol":"wijkcoach","wijkteam":"WT-9"}"#,
    ]);
    bevat(fout(&f, 2, Some("naam")), "mag niet leeg zijn");
    assert_eq!(f.fouten.len(), 1, "{:#?}", f.fouten);
}

#[test]
fn afkappen_na_honderd_fouten() {
    let regels: Vec<String> = (0..250)
        .map(|i| format!(r#"{{"type":"wijkteam","id":"WT-x{i}"}}"#))
        .collect();
    let regels: Vec<&str> = regels.iter().map(String::as_str).collect();
    let f = mislukt(&regels);
    assert_eq!(f.fouten.len(), MAX_FOUTEN);
    assert!(f.afgekapt);
    assert_eq!(f.fouten[0].regel, 2);
    assert_eq!(f.fouten[MAX_FOUTEN - 1].regel, 101);

    let precies: Vec<String> = (0..MAX_FOUTEN)
        .map(|i| format!(r#"{{"type":"wijkteam","id":"WT-x{i}"}}"#))
        .collect();
    let precies: Vec<&str> = precies.iter().map(String::as_str).collect();
    let f = mislukt(&precies);
    assert_eq!(f.fouten.len(), MAX_FOUTEN);
    assert!(!f.afgekapt, "precies honderd fouten is niet afgekapt");
}

#[test]
fn bestand_dat_niet_bestaat() {
    let mut conn = store::open_in_memory().expect("db");
    let f = importeer_bestand(
        &mut conn,
        std::path::Path::new("/bestaat/niet.jsonl"),
        &mut |_| {},
    )
    .expect_err("mislukt");
    assert!(
        f.fouten[0].reden.contains("kan niet worden geopend"),
        "{:?}",
        f.fouten
    );
}

/// Bytes a mutation puts into a valid line.
const TEKENS: &[u8] = b"{}[]\":,0-9aZ\\\xff ";

/// A tiny deterministic PRNG (xorshift64*), so the fuzz test needs no crate.
struct Toeval(u64);

impl Toeval {
    fn volgende(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn onder(&mut self, n: usize) -> usize {
        (self.volgende() % n as u64) as usize
    }
}

#[test]
fn willekeurige_invoer_geeft_fouten_en_nooit_een_paniek() {
    let mut toeval = Toeval(0x9E37_79B9_7F4A_7C15);
    let geldig: Vec<&str> = VOLLEDIG.lines().filter(|l| !l.is_empty()).skip(1).collect();
    let mut conn = register();
    for ronde in 0..400 {
        let voor = inhoud(&conn);
        let mut tekst = format!("{HEADER}\n").into_bytes();
        let rommel = ronde % 2 == 0;
        if rommel {
            // Pure noise, never an empty line.
            tekst.push(b'~');
            let lengte = toeval.onder(300);
            tekst.extend((0..lengte).map(|_| toeval.volgende() as u8));
            tekst.push(b'\n');
        } else {
            // A valid line, mutated: bytes replaced, inserted or cut.
            let mut regel = geldig[toeval.onder(geldig.len())].as_bytes().to_vec();
            for _ in 0..=toeval.onder(4) {
                let plek = toeval.onder(regel.len());
                match toeval.onder(3) {
                    0 => regel[plek] = TEKENS[toeval.onder(TEKENS.len())],
                    1 => regel.insert(plek, toeval.volgende() as u8),
                    _ => regel.truncate(plek.max(1)),
                }
            }
            tekst.extend_from_slice(&regel);
            tekst.push(b'\n');
        }
        let regels = tekst.split(|b| *b == b'\n').count() as u64 - 1;
        match importeer_tekst(&mut conn, &tekst) {
            Err(fouten) => {
                assert!(!fouten.fouten.is_empty());
                assert!(
                    fouten
                        .fouten
                        .iter()
                        .all(|f| (2..=regels).contains(&f.regel) && !f.reden.is_empty()),
                    "{:#?}",
                    fouten.fouten
                );
                assert_eq!(inhoud(&conn), voor, "een mislukte import liet iets achter");
            }
            // A mutation may by chance give a new valid record (say, another id).
            Ok(verslag) => {
                assert!(
                    !rommel,
                    "rommel werd geaccepteerd: {:?}",
                    String::from_utf8_lossy(&tekst)
                );
                assert!(verslag.records <= regels);
            }
        }
    }
}

#[test]
fn cli_meldt_regel_en_veld_en_faalt() {
    let map = tempfile::tempdir().expect("tmp");
    let db = map.path().join("register.sqlite");
    let bestand = map.path().join("data.jsonl");
    std::fs::write(
        &bestand,
        format!(
            "{HEADER}\n{}\n",
            r#"{"type":"medewerker","id":"MW-9","naam":"Kees","rol":"baas"}"#
        ),
    )
    .expect("schrijven");
    let uit = Command::new(env!("CARGO_BIN_EXE_wijkregister"))
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(&bestand)
        .output()
        .expect("starten");
    assert!(!uit.status.success());
    let stderr = String::from_utf8_lossy(&uit.stderr);
    assert!(
        stderr.contains("regel 2, veld 'rol': 'baas' is geen toegestane waarde"),
        "{stderr}"
    );
    assert!(stderr.contains("Er is niets opgeslagen"), "{stderr}");
    let conn = store::open(&db).expect("db");
    assert!(export::lees_records(&conn).expect("lezen").is_empty());

    // The fixture imports; the summary counts per type.
    std::fs::write(&bestand, VOLLEDIG).expect("schrijven");
    let uit = Command::new(env!("CARGO_BIN_EXE_wijkregister"))
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(&bestand)
        .output()
        .expect("starten");
    let stdout = String::from_utf8_lossy(&uit.stdout);
    assert!(
        uit.status.success(),
        "{}",
        String::from_utf8_lossy(&uit.stderr)
    );
    assert!(stdout.contains("29 records geïmporteerd"), "{stdout}");
    assert!(stdout.contains("toekenning"), "{stdout}");

    // Export writes the file and says how many records.
    let export_pad = map.path().join("uit.jsonl");
    let uit = Command::new(env!("CARGO_BIN_EXE_wijkregister"))
        .arg("--db")
        .arg(&db)
        .arg("export-jsonl")
        .arg(&export_pad)
        .output()
        .expect("starten");
    assert!(uit.status.success());
    assert!(String::from_utf8_lossy(&uit.stdout).contains("29 records geëxporteerd"));
    let geschreven = std::fs::read_to_string(&export_pad).expect("lezen");
    assert_eq!(geschreven.lines().count(), 30);
    let rest: Vec<_> = std::fs::read_dir(map.path())
        .expect("map")
        .filter_map(Result::ok)
        .collect();
    assert!(
        rest.iter()
            .all(|e| !e.file_name().to_string_lossy().ends_with(".tmp")),
        "geen tijdelijk bestand achtergelaten"
    );

    // A missing file is a clear message and a failure.
    let uit = Command::new(env!("CARGO_BIN_EXE_wijkregister"))
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(map.path().join("weg.jsonl"))
        .output()
        .expect("starten");
    assert!(!uit.status.success());
    assert!(String::from_utf8_lossy(&uit.stderr).contains("bestaat niet"));
}

/// Every row of every table (named in `sqlite_schema`), each table's rows
/// sorted: equal dumps, equal registers.
pub(crate) fn alle_tabellen(conn: &Connection) -> Vec<(String, Vec<Vec<rusqlite::types::Value>>)> {
    let tabellen: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .expect("tabellen")
        .query_map([], |r| r.get(0))
        .expect("tabellen")
        .collect::<Result<_, _>>()
        .expect("tabellen");
    tabellen
        .into_iter()
        .map(|t| {
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM \"{t}\""))
                .expect("select");
            let kolommen = stmt.column_count();
            let mut rijen: Vec<Vec<rusqlite::types::Value>> = stmt
                .query_map([], |r| (0..kolommen).map(|i| r.get(i)).collect())
                .expect("rijen")
                .collect::<Result<_, _>>()
                .expect("rijen");
            rijen.sort_by_key(|r| format!("{r:?}"));
            (t, rijen)
        })
        .collect()
}

#[test]
fn import_op_volle_schijf_slaat_niets_op_en_zegt_het_een_keer() {
    use std::fmt::Write as _;
    use wijkregister::store::audit::{self, Verificatie};
    use wijkregister::store::import::importeer_bestand_als;

    let map = tempfile::tempdir().expect("tmp");
    let db = map.path().join("register.sqlite");
    let mut conn = store::open(&db).expect("register");
    let fixture = map.path().join("volledig.jsonl");
    std::fs::write(&fixture, VOLLEDIG).expect("schrijven");
    importeer_bestand_als(&mut conn, &fixture, Some("opdrachtregel"), &mut |_| {})
        .expect("fixture");

    // A file far larger than the free room inside the register's pages.
    let mut tekst = format!("{HEADER}\n");
    for i in 0..3000 {
        let _ = writeln!(
            tekst,
            r#"{{"type":"inwoner","id":"I-VOL-{i}","voornaam":"Vera","achternaam":"Vol {i}","geboortedatum":"1980-01-01","huishouden":"H-VOL-{i}","woonplaats":"Almelo"}}"#
        );
    }
    let bestand = map.path().join("groot.jsonl");
    std::fs::write(&bestand, &tekst).expect("schrijven");

    // The disk is full: no free page, no new page allowed.
    conn.execute_batch("VACUUM").expect("vacuum");
    let paginas: i64 = conn
        .pragma_query_value(None, "page_count", |r| r.get(0))
        .expect("pagina's");
    let _: i64 = conn
        .pragma_update_and_check(None, "max_page_count", paginas, |r| r.get(0))
        .expect("max");
    let voor = alle_tabellen(&conn);

    let fouten = importeer_bestand_als(&mut conn, &bestand, Some("opdrachtregel"), &mut |_| {})
        .expect_err("de schijf is vol");
    assert!(conn.is_autocommit(), "geen transactie blijft open");
    assert_eq!(alle_tabellen(&conn), voor, "het register is veranderd");
    assert!(
        matches!(
            audit::verifieer(&conn).expect("verifieer"),
            Verificatie::Intact { .. }
        ),
        "de auditketen is gebroken"
    );
    let alles: Vec<String> = fouten.fouten.iter().map(ToString::to_string).collect();
    assert_eq!(
        fouten.fouten.len(),
        1,
        "één fout, geen fout per regel: {alles:#?}"
    );
    assert!(!fouten.afgekapt);
    let vol = store::StoreFout::SchijfVol.to_string();
    assert_eq!(
        alles.iter().map(|f| f.matches(&vol).count()).sum::<usize>(),
        1,
        "de volle schijf wordt één keer gemeld: {alles:#?}"
    );

    // With room again the same file imports whole, with its audit row.
    let _: i64 = conn
        .pragma_update_and_check(None, "max_page_count", 1_000_000, |r| r.get(0))
        .expect("max");
    let verslag = importeer_bestand_als(&mut conn, &bestand, Some("opdrachtregel"), &mut |_| {})
        .expect("import met ruimte");
    assert_eq!(verslag.records, 3000);
    let imports: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit WHERE actie = 'import'",
            [],
            |r| r.get(0),
        )
        .expect("audit");
    assert_eq!(imports, 2, "de fixture en dit bestand");
}

#[test]
fn stuurtekens_in_tekst_worden_geweigerd() {
    let f = mislukt(&[
        r#"{"type":"wijkteam","id":"WT-9","naam":"Oost\u001b[31m"}"#,
        r#"{"type":"inwoner","id":"I-9","voornaam":"Pi\u0000et","achternaam":"Jansen","geboortedatum":"1980-01-01","huishouden":"H-9","woonplaats":"Almelo"}"#,
        r#"{"type":"ave","id":"AVE-9","huishouden":"H-1","datum":"2024-01-01","niveau":1,"reden":"Zorgen\u0007"}"#,
    ]);
    bevat(
        fout(&f, 2, Some("naam")),
        "stuurteken (U+001B) op positie 5",
    );
    bevat(
        fout(&f, 3, Some("voornaam")),
        "stuurteken (U+0000) op positie 3",
    );
    bevat(
        fout(&f, 4, Some("reden")),
        "stuurteken (U+0007) op positie 7",
    );
    assert_eq!(f.fouten.len(), 3, "{:#?}", f.fouten);

    // A longer text may hold line breaks and tabs; a name may not.
    let mut conn = register();
    let tekst = format!(
        "{HEADER}\n{}\n",
        r#"{"type":"ave","id":"AVE-10","huishouden":"H-1","datum":"2024-01-01","niveau":1,"reden":"Eerste regel\n\tTweede regel"}"#
    );
    importeer_tekst(&mut conn, tekst.as_bytes()).expect("regelovergang in een reden mag");
    let f = mislukt(&[r#"{"type":"wijkteam","id":"WT-9","naam":"Oost\nWest"}"#]);
    bevat(
        fout(&f, 2, Some("naam")),
        "stuurteken (U+000A) op positie 5",
    );
}

#[test]
fn geboortedatum_in_de_toekomst() {
    let f = mislukt(&[
        r#"{"type":"inwoner","id":"I-9","voornaam":"Toekomst","achternaam":"Jansen","geboortedatum":"2099-01-01","huishouden":"H-9","woonplaats":"Almelo"}"#,
    ]);
    bevat(
        fout(&f, 2, Some("geboortedatum")),
        "01-01-2099 ligt in de toekomst",
    );
    assert_eq!(f.fouten.len(), 1, "{:#?}", f.fouten);
}

#[test]
fn bsn_twee_keer_in_het_bestand_noemt_beide_regels() {
    let mut conn = store::open_in_memory().expect("db");
    let tekst = format!(
        "{HEADER}\n{}\n{}\n{}\n",
        r#"{"type":"inwoner","id":"I-A","bsn":"123456782","voornaam":"Anna","achternaam":"Smit","geboortedatum":"1980-01-01","huishouden":"H-A","woonplaats":"Almelo"}"#,
        r#"{"type":"inwoner","id":"I-B","voornaam":"Bert","achternaam":"Smit","geboortedatum":"1981-01-01","huishouden":"H-A","woonplaats":"Almelo"}"#,
        r#"{"type":"inwoner","id":"I-C","bsn":"123456782","voornaam":"Carla","achternaam":"Smit","geboortedatum":"1982-01-01","huishouden":"H-C","woonplaats":"Almelo"}"#,
    );
    let f = mislukt_bytes(&mut conn, tekst.as_bytes());
    let e = fout(&f, 4, Some("bsn"));
    bevat(
        e,
        "BSN 123456782 staat al op regel 2 van dit bestand (inwoner 'I-A')",
    );
    assert_eq!(f.fouten.len(), 1, "{:#?}", f.fouten);
    assert_eq!(e.to_string().matches("regel 4").count(), 1, "{e}");
}

#[test]
fn bsn_al_in_het_register() {
    // The fixture gives I-1 the BSN 111222333.
    let f = mislukt(&[
        r#"{"type":"inwoner","id":"I-99","bsn":"111222333","voornaam":"Tweede","achternaam":"Persoon","geboortedatum":"1990-01-01","huishouden":"H-99","woonplaats":"Almelo"}"#,
    ]);
    bevat(
        fout(&f, 2, Some("bsn")),
        "BSN 111222333 is al bekend bij inwoner 'I-1' in het register",
    );
    assert_eq!(f.fouten.len(), 1, "{:#?}", f.fouten);
}
