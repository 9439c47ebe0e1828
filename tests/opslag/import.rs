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
        br#"{"type":"header","format":"csv","version":3,"gemeente":"Almelo","extra":1}"#,
    );
    bevat(
        fout(&f, 1, Some("format")),
        "'format' moet \"wijkregister-jsonl\" zijn",
    );
    bevat(
        fout(&f, 1, Some("version")),
        "versie 3 kent deze wijkregister niet; alleen versie 1 of 2",
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

/// Property tests (proptest) of the line parser and the whole import: no
/// input makes them panic, a file with an error stores nothing (every table
/// unchanged), and a valid generated file imports and exports back to the
/// same records and, imported again, to the same bytes. The seed is fixed
/// so a run is repeatable; `PROPTEST_RNG_SEED` is not read.
mod eigenschappen {
    use super::*;
    use chrono::NaiveDate;
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngSeed};
    use wijkregister::domain::{
        Aanbieder, Bevolking, Bron, Bsn, Inwoner, Medewerker, Melding, Rol, Voorziening,
        VoorzieningSoort, Vordering, VorderingSoort, Wijkteam,
    };
    use wijkregister::store::import::lees_regel_record;
    use wijkregister::store::uitwisseling::naar_json;

    fn config(cases: u32) -> Config {
        Config {
            cases,
            failure_persistence: None,
            rng_seed: RngSeed::Fixed(0x5EED_1212),
            ..Config::default()
        }
    }

    /// The valid lines of the fixture (header skipped).
    fn geldige_regels() -> Vec<&'static str> {
        VOLLEDIG.lines().filter(|l| !l.is_empty()).skip(1).collect()
    }

    /// One change to a line's bytes.
    #[derive(Debug, Clone)]
    enum Mutatie {
        Vervang(usize, u8),
        VoegIn(usize, u8),
        KapAf(usize),
    }

    fn mutatie() -> impl Strategy<Value = Mutatie> {
        prop_oneof![
            (any::<usize>(), any::<u8>()).prop_map(|(p, b)| Mutatie::Vervang(p, b)),
            (
                any::<usize>(),
                prop::sample::select(b"{}[]\":,0-9aZ\\ ".to_vec())
            )
                .prop_map(|(p, b)| Mutatie::Vervang(p, b)),
            (any::<usize>(), any::<u8>()).prop_map(|(p, b)| Mutatie::VoegIn(p, b)),
            any::<usize>().prop_map(Mutatie::KapAf),
        ]
    }

    fn muteer(regel: &str, mutaties: &[Mutatie]) -> Vec<u8> {
        let mut r = regel.as_bytes().to_vec();
        for m in mutaties {
            let n = r.len().max(1);
            match *m {
                Mutatie::Vervang(p, b) if !r.is_empty() => r[p % n] = b,
                Mutatie::VoegIn(p, b) => r.insert(p % (r.len() + 1), b),
                Mutatie::KapAf(p) => r.truncate((p % n).max(1)),
                Mutatie::Vervang(..) => {}
            }
        }
        // A line never holds a newline of its own.
        r.retain(|b| *b != b'\n');
        r
    }

    /// A line that is an error whatever else the file holds.
    fn foute_regel() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(r#"{"type":"klant","id":"X"}"#.to_owned()),
            Just(r#"{"type":"wijkteam","id":"WT-x"}"#.to_owned()),
            Just(r#"{"type":"wijkteam","id":"WT-x","naam":"Oost","kleur":"rood"}"#.to_owned()),
            Just(r#"{"type":"inwoner","id":"I-x","voornaam":"A","achternaam":"B","geboortedatum":"2099-01-01","huishouden":"H","woonplaats":"C"}"#.to_owned()),
            Just(r#"{"type":"melding","id":"M-x","inwoner":"I-bestaat-niet","datum":"2024-01-01","bron":"overig"}"#.to_owned()),
            "[a-z ]{1,20}".prop_map(|t| format!("niet json {t}")),
            "[a-z]{1,8}".prop_map(|t| format!(r#"{{"type":"wijkteam","id":"WT-{t}","naam":"Oost\u0000"}}"#)),
        ]
    }

    proptest! {
        #![proptest_config(config(512))]

        /// The line parser takes any text without panicking; what it
        /// refuses it refuses with a reason on that line.
        #[test]
        fn regelparser_neemt_alles_zonder_paniek(tekst in any::<String>(), regel in 1u64..1_000_000) {
            if let Err(fouten) = lees_regel_record(regel, &tekst) {
                prop_assert!(!fouten.is_empty());
                prop_assert!(fouten.iter().all(|f| f.regel == regel && !f.reden.is_empty()));
            }
        }

        /// A mutated fixture line is parsed without panicking.
        #[test]
        fn gemuteerde_regel_geeft_geen_paniek(
            keuze in any::<prop::sample::Index>(),
            mutaties in prop::collection::vec(mutatie(), 1..6),
        ) {
            let geldig = geldige_regels();
            let regel = muteer(geldig[keuze.index(geldig.len())], &mutaties);
            let _ = lees_regel_record(2, &String::from_utf8_lossy(&regel));
        }
    }

    proptest! {
        #![proptest_config(config(96))]

        /// Any bytes after a valid header: the import reports or stores,
        /// never panics; when it refuses, every table is as before and
        /// every error names a line of the file.
        #[test]
        fn willekeurige_invoer_geeft_fouten_en_nooit_een_paniek(
            keuzes in prop::collection::vec((any::<prop::sample::Index>(), prop::collection::vec(mutatie(), 0..4)), 1..6),
            rommel in prop::collection::vec(any::<u8>(), 0..200),
        ) {
            let geldig = geldige_regels();
            let mut conn = register();
            let voor = alle_tabellen(&conn);
            let mut tekst = format!("{HEADER}\n").into_bytes();
            for (keuze, mutaties) in &keuzes {
                tekst.extend(muteer(geldig[keuze.index(geldig.len())], mutaties));
                tekst.push(b'\n');
            }
            tekst.push(b'~');
            tekst.extend(rommel.iter().filter(|b| **b != b'\n'));
            tekst.push(b'\n');
            let regels = keuzes.len() as u64 + 2;
            // The noise line is never valid: the import must refuse.
            let fouten = importeer_tekst(&mut conn, &tekst).expect_err("rommel wordt geweigerd");
            prop_assert!(!fouten.fouten.is_empty());
            prop_assert!(
                fouten.fouten.iter().all(|f| (2..=regels).contains(&f.regel) && !f.reden.is_empty()),
                "{:#?}", fouten.fouten
            );
            prop_assert_eq!(alle_tabellen(&conn), voor, "een mislukte import liet iets achter");
        }

        /// Valid lines with one bad line anywhere among them: nothing of
        /// the file is stored, the bad line is named.
        #[test]
        fn een_foute_regel_en_er_wordt_niets_opgeslagen(
            plek in any::<prop::sample::Index>(),
            fout_regel in foute_regel(),
        ) {
            let mut conn = store::open_in_memory().expect("db");
            let voor = alle_tabellen(&conn);
            let mut regels: Vec<String> = geldige_regels().iter().map(|r| (*r).to_owned()).collect();
            let i = plek.index(regels.len() + 1);
            regels.insert(i, fout_regel);
            let tekst = format!("{HEADER}\n{}\n", regels.join("\n"));
            let fouten = importeer_tekst(&mut conn, tekst.as_bytes()).expect_err("moet mislukken");
            let regelnummer = i as u64 + 2;
            prop_assert!(
                fouten.fouten.iter().any(|f| f.regel == regelnummer),
                "regel {} niet genoemd: {:#?}", regelnummer, fouten.fouten
            );
            prop_assert_eq!(alle_tabellen(&conn), voor, "een mislukte import liet iets achter");
        }
    }

    /// A name: letters, spaces, quotes and backslashes (JSON must escape
    /// them), never empty.
    fn naam() -> impl Strategy<Value = String> {
        "[A-Za-zÀ-ÿ'\"\\\\ -]{0,12}[A-Za-zé]"
    }

    fn datum(van: i32, tot: i32) -> impl Strategy<Value = NaiveDate> {
        (van..=tot, 1u32..=12, 1u32..=28)
            .prop_map(|(j, m, d)| NaiveDate::from_ymd_opt(j, m, d).expect("datum"))
    }

    /// A valid register as records in file order: teams, workers,
    /// providers, provisions, residents (distinct BSNs), meldingen,
    /// recoveries and population bands, every reference to an earlier one.
    fn register_records() -> impl Strategy<Value = Vec<Record>> {
        (
            prop::collection::vec(naam(), 1..4),
            prop::collection::vec(
                (
                    naam(),
                    any::<prop::sample::Index>(),
                    any::<prop::sample::Index>(),
                ),
                0..5,
            ),
            prop::collection::vec((naam(), prop::option::of(10_000_000u32..99_999_999)), 0..4),
            prop::collection::vec(
                (naam(), prop::collection::btree_set("[a-z]{1,6}", 0..3)),
                0..4,
            ),
            prop::collection::vec(
                (
                    naam(),
                    naam(),
                    datum(1920, 2024),
                    any::<bool>(),
                    any::<prop::sample::Index>(),
                    naam(),
                ),
                1..8,
            ),
            prop::collection::vec(
                (
                    any::<prop::sample::Index>(),
                    datum(2020, 2025),
                    any::<prop::sample::Index>(),
                    prop::option::of(any::<prop::sample::Index>()),
                ),
                0..8,
            ),
            prop::collection::vec(
                (
                    any::<prop::sample::Index>(),
                    datum(2020, 2025),
                    0i64..10_000_000,
                ),
                0..4,
            ),
            prop::collection::btree_set((2015i32..2026, 0u8..100), 0..5),
        )
            .prop_map(
                |(
                    teams,
                    mws,
                    aanbieders,
                    voorzieningen,
                    inwoners,
                    meldingen,
                    vorderingen,
                    bevolking,
                )| {
                    let mut r = Vec::new();
                    let team_ids: Vec<String> =
                        (0..teams.len()).map(|i| format!("WT-{i}")).collect();
                    for (id, naam) in team_ids.iter().zip(&teams) {
                        r.push(Record::Wijkteam(Wijkteam {
                            id: id.clone(),
                            naam: naam.clone(),
                        }));
                    }
                    let mw_ids: Vec<String> = (0..mws.len()).map(|i| format!("MW-{i}")).collect();
                    for (id, (naam, rol, team)) in mw_ids.iter().zip(&mws) {
                        r.push(Record::Medewerker(Medewerker {
                            id: id.clone(),
                            naam: naam.clone(),
                            rol: *rol.get(Rol::ALLE),
                            wijkteam: Some(team.get(&team_ids).clone()),
                        }));
                    }
                    let aanbieder_ids: Vec<String> =
                        (0..aanbieders.len()).map(|i| format!("A-{i}")).collect();
                    for (id, (naam, kvk)) in aanbieder_ids.iter().zip(&aanbieders) {
                        r.push(Record::Aanbieder(Aanbieder {
                            id: id.clone(),
                            naam: naam.clone(),
                            kvk: kvk.map(|k| format!("{k:08}")),
                        }));
                    }
                    let voorziening_ids: Vec<String> =
                        (0..voorzieningen.len()).map(|i| format!("V-{i}")).collect();
                    for (id, (naam, kenmerken)) in voorziening_ids.iter().zip(&voorzieningen) {
                        r.push(Record::Voorziening(Voorziening {
                            id: id.clone(),
                            naam: naam.clone(),
                            soort: VoorzieningSoort::Algemeen,
                            wet: None,
                            categorie: None,
                            kenmerken: kenmerken.iter().cloned().collect(),
                        }));
                    }
                    let inwoner_ids: Vec<String> =
                        (0..inwoners.len()).map(|i| format!("I-{i}")).collect();
                    for (i, (id, (voornaam, achternaam, geboren, met_bsn, team, woonplaats))) in
                        inwoner_ids.iter().zip(&inwoners).enumerate()
                    {
                        r.push(Record::Inwoner(Inwoner {
                            id: id.clone(),
                            bsn: met_bsn
                                .then(|| {
                                    Bsn::met_controlecijfer(10_000_000 + i as u32 * 97).or_else(
                                        || Bsn::met_controlecijfer(10_000_001 + i as u32 * 97),
                                    )
                                })
                                .flatten(),
                            voornaam: voornaam.clone(),
                            achternaam: achternaam.clone(),
                            geboortedatum: *geboren,
                            geslacht: None,
                            huishouden: format!("H-{}", i / 2),
                            wijkteam: Some(team.get(&team_ids).clone()),
                            woonplaats: woonplaats.clone(),
                        }));
                    }
                    for (i, (inwoner, datum, bron, medewerker)) in meldingen.iter().enumerate() {
                        r.push(Record::Melding(Melding {
                            id: format!("M-{i}"),
                            inwoner: inwoner.get(&inwoner_ids).clone(),
                            datum: *datum,
                            bron: *bron.get(Bron::ALLE),
                            wet: None,
                            gevraagde_voorziening: None,
                            medewerker: medewerker
                                .as_ref()
                                .filter(|_| !mw_ids.is_empty())
                                .map(|m| m.get(&mw_ids).clone()),
                            gesprek: None,
                            onderzoek_klaar: None,
                            afgesloten: None,
                            uitkomst: None,
                        }));
                    }
                    for (i, (inwoner, datum, cent)) in vorderingen.iter().enumerate() {
                        r.push(Record::Vordering(Vordering {
                            id: format!("VO-{i}"),
                            datum: *datum,
                            bedrag_cent: *cent,
                            soort: VorderingSoort::Misbruik,
                            inwoner: Some(inwoner.get(&inwoner_ids).clone()),
                            aanbieder: None,
                        }));
                    }
                    for (jaar, leeftijd) in &bevolking {
                        r.push(Record::Bevolking(Bevolking {
                            jaar: *jaar,
                            leeftijd_van: *leeftijd,
                            leeftijd_tot: *leeftijd,
                            aantal: 10,
                        }));
                    }
                    r
                },
            )
    }

    fn gesorteerd(mut records: Vec<Record>) -> Vec<String> {
        let mut uit: Vec<String> = records.drain(..).map(|r| format!("{r:?}")).collect();
        uit.sort();
        uit
    }

    proptest! {
        #![proptest_config(config(64))]

        /// A valid generated file imports whole; its export holds the same
        /// records, and that export imports again to the same bytes.
        #[test]
        fn geldig_bestand_importeert_en_exporteert_hetzelfde(records in register_records()) {
            let mut tekst = format!("{HEADER}\n");
            for r in &records {
                tekst.push_str(&naar_json(r).to_string());
                tekst.push('\n');
            }
            let mut conn = store::open_in_memory().expect("db");
            let verslag = importeer_tekst(&mut conn, tekst.as_bytes())
                .unwrap_or_else(|f| panic!("geldig bestand geweigerd: {:#?}\n{tekst}", f.fouten));
            prop_assert_eq!(verslag.records, records.len() as u64);
            prop_assert_eq!(
                gesorteerd(export::lees_records(&conn).expect("lezen")),
                gesorteerd(records)
            );
            let mut eerste = Vec::new();
            export::exporteer(&conn, &mut eerste).expect("export");
            let mut tweede_conn = store::open_in_memory().expect("db");
            importeer_tekst(&mut tweede_conn, &eerste).expect("de export importeert");
            let mut tweede = Vec::new();
            export::exporteer(&tweede_conn, &mut tweede).expect("export");
            prop_assert_eq!(String::from_utf8_lossy(&eerste), String::from_utf8_lossy(&tweede));
            prop_assert_eq!(alle_tabellen(&conn), alle_tabellen(&tweede_conn));
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
    // The 29 records, the gemeente setting, the five AVE level texts and
    // the audit log: the failed and the successful import.
    let geschreven = std::fs::read_to_string(&export_pad).expect("lezen");
    let audit = geschreven
        .lines()
        .filter(|l| l.starts_with(r#"{"type":"audit""#))
        .count();
    assert_eq!(audit, 2, "{geschreven}");
    assert!(
        String::from_utf8_lossy(&uit.stdout).contains("37 records geëxporteerd"),
        "{}",
        String::from_utf8_lossy(&uit.stdout)
    );
    assert_eq!(geschreven.lines().count(), 38);
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

const HEADER_V2: &str =
    r#"{"type":"header","format":"wijkregister-jsonl","version":2,"gemeente":"Almelo"}"#;

/// Imports `regels` after a v2 header into a register holding the fixture.
fn mislukt_v2(regels: &[&str]) -> ImportFouten {
    let mut conn = register();
    let tekst = format!("{HEADER_V2}\n{}\n", regels.join("\n"));
    mislukt_bytes(&mut conn, tekst.as_bytes())
}

#[test]
fn versie_1_kent_de_velden_en_typen_van_versie_2_niet() {
    let f = mislukt(&[
        r#"{"type":"melding","id":"M-9","inwoner":"I-1","datum":"2024-01-01","bron":"overig","vraag":"Hulp"}"#,
        r#"{"type":"instelling","sleutel":"demo","waarde":"ja"}"#,
    ]);
    bevat(
        fout(&f, 2, Some("vraag")),
        "het veld 'vraag' bestaat pas in versie 2 van het formaat; dit bestand is versie 1",
    );
    bevat(
        fout(&f, 3, Some("type")),
        "het type 'instelling' bestaat pas in versie 2 van het formaat",
    );
    assert_eq!(f.fouten.len(), 2, "{:#?}", f.fouten);
}

#[test]
fn velden_van_versie_2_worden_gecontroleerd() {
    let f = mislukt_v2(&[
        r#"{"type":"melding","id":"M-9","inwoner":"I-1","datum":"2024-01-01","bron":"overig","spoed":"ja","leefgebieden":["financien","geld"]}"#,
        r#"{"type":"voorziening","id":"V-9","naam":"Hulp","soort":"algemeen","aanbieders":["A-9"]}"#,
        r#"{"type":"account","medewerker":"MW-1","gebruikersnaam":"anna","wachtwoord_hash":"geheim123456","actief":true,"mislukte_pogingen":0,"aangemaakt_op":"2024-01-01T09:00:00","gewijzigd_op":"2024-01-01T09:00:00"}"#,
        r#"{"type":"klantreis_stap","id":1,"melding":"M-1","stap":"koffie","datum":"2024-02-01","medewerker":"MW-1","notitie":"","vastgelegd_op":"2024-02-01T09:00:00Z"}"#,
        r#"{"type":"klantreis_correctie","id":1,"stap":99,"oude_datum":"2024-02-01","nieuwe_datum":"2024-02-01","oude_medewerker":"MW-1","nieuwe_medewerker":"MW-1","oude_notitie":"","nieuwe_notitie":"x","door":"MW-1","tijdstip":"2024-02-01T10:00:00Z"}"#,
        r#"{"type":"instelling","sleutel":"gemeente","waarde":"Hengelo"}"#,
    ]);
    bevat(fout(&f, 2, Some("spoed")), "verwacht true of false");
    bevat(
        fout(&f, 2, Some("leefgebieden")),
        "'geld' is geen toegestane waarde",
    );
    bevat(
        fout(&f, 3, Some("aanbieders")),
        "verwijst naar aanbieder 'A-9', die niet bestaat",
    );
    bevat(
        fout(&f, 4, Some("wachtwoord_hash")),
        "een uitwisselbestand bevat nooit een wachtwoord",
    );
    bevat(
        fout(&f, 5, Some("stap")),
        "'koffie' is geen toegestane waarde",
    );
    bevat(
        fout(&f, 6, Some("stap")),
        "verwijst naar klantreis_stap '99', die niet bestaat",
    );
    bevat(
        fout(&f, 7, Some("waarde")),
        "de gemeente in deze instelling ('Hengelo') verschilt van die in de header ('Almelo')",
    );
    assert_eq!(f.fouten.len(), 7, "{:#?}", f.fouten);
}

#[test]
fn vorige_mag_naar_een_latere_regel_wijzen_maar_niet_naar_niets() {
    let mut conn = register();
    let tekst = format!(
        "{HEADER_V2}\n{}\n{}\n",
        r#"{"type":"toekenning","id":"T-10","inwoner":"I-1","voorziening":"V-1","verwijzer":"huisarts","besluit":"2024-09-01","uitkomst":"toegekend","vorige":"T-9","volume":3.5,"volume_eenheid":"uur per week"}"#,
        r#"{"type":"toekenning","id":"T-9","inwoner":"I-1","voorziening":"V-1","verwijzer":"huisarts","besluit":"2024-05-01","uitkomst":"toegekend"}"#,
    );
    importeer_tekst(&mut conn, tekst.as_bytes()).expect("vorige op een latere regel");
    let (vorige, volume): (String, f64) = conn
        .query_row(
            "SELECT vorige, volume FROM toekenning WHERE id = 'T-10'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("T-10");
    assert_eq!((vorige.as_str(), volume), ("T-9", 3.5));

    let f = mislukt_v2(&[
        r#"{"type":"toekenning","id":"T-11","inwoner":"I-1","voorziening":"V-1","verwijzer":"huisarts","besluit":"2024-09-01","uitkomst":"toegekend","vorige":"T-99"}"#,
    ]);
    bevat(
        fout(&f, 2, Some("vorige")),
        "verwijst naar toekenning 'T-99', die niet bestaat",
    );
}

#[test]
fn auditlog_alleen_in_een_register_zonder_auditregels() {
    let regel = |n: u32| {
        format!(
            r#"{{"type":"audit","volgnummer":{n},"tijdstip":"2024-01-01T09:00:00Z","actor":"MW-1","actie":"inloggen","resultaat":"gelukt"}}"#
        )
    };
    // Into an empty log: kept with its numbers, chained under this register's key.
    let mut conn = store::open_in_memory().expect("db");
    let tekst = format!("{HEADER_V2}\n{}\n{}\n", regel(1), regel(2));
    importeer_tekst(&mut conn, tekst.as_bytes()).expect("overgenomen");
    assert!(matches!(
        wijkregister::store::audit::verifieer(&conn).expect("v"),
        wijkregister::store::audit::Verificatie::Intact { regels: 2 }
    ));
    // Not starting at 1, or into a log that has rows: refused, nothing stored.
    let mut leeg = store::open_in_memory().expect("db");
    let tekst = format!("{HEADER_V2}\n{}\n", regel(2));
    let f = mislukt_bytes(&mut leeg, tekst.as_bytes());
    bevat(fout(&f, 2, Some("volgnummer")), "moet bij regel 1 beginnen");
    let tekst = format!("{HEADER_V2}\n{}\n{}\n", regel(1), regel(2));
    let f = mislukt_bytes(&mut conn, tekst.as_bytes());
    bevat(
        fout(&f, 2, Some("volgnummer")),
        "het auditlog van dit register staat bij regel 2",
    );
    assert_eq!(f.fouten.len(), 1, "één keer gezegd: {:#?}", f.fouten);
}

/// The two sources outside domain.md's list (schema v11), `ggd-jgz` and
/// `verloskundige`, are read from a file, stored, written by the export and
/// read again into a new register; a source in neither list is refused
/// with the whole list, the new codes included.
#[test]
fn bronnen_ggd_jgz_en_verloskundige_gaan_heen_en_terug() {
    use wijkregister::domain::Bron;
    let mut conn = register();
    let tekst = format!(
        "{HEADER}\n{}\n{}\n",
        r#"{"type":"melding","id":"M-90","inwoner":"I-1","datum":"2024-05-01","bron":"verloskundige","wet":"wmo"}"#,
        r#"{"type":"melding","id":"M-91","inwoner":"I-1","datum":"2024-05-02","bron":"ggd-jgz","wet":"jeugdwet"}"#
    );
    importeer_tekst(&mut conn, tekst.as_bytes()).expect("de nieuwe bronnen importeren");
    let bron_van = |records: &[Record], id: &str| {
        records.iter().find_map(|r| match r {
            Record::Melding(m) if m.id == id => Some(m.bron),
            _ => None,
        })
    };
    let records = export::lees_records(&conn).expect("lezen");
    assert_eq!(bron_van(&records, "M-90"), Some(Bron::Verloskundige));
    assert_eq!(bron_van(&records, "M-91"), Some(Bron::GgdJgz));

    let mut uit = Vec::new();
    export::exporteer(&conn, &mut uit).expect("export");
    let uit = String::from_utf8(uit).expect("utf-8");
    assert!(
        uit.lines()
            .any(|r| r.contains(r#""id":"M-90""#) && r.contains(r#""bron":"verloskundige""#)),
        "de export schrijft de code verloskundige"
    );
    assert!(
        uit.lines()
            .any(|r| r.contains(r#""id":"M-91""#) && r.contains(r#""bron":"ggd-jgz""#)),
        "de export schrijft de code ggd-jgz"
    );
    let mut nieuw = store::open_in_memory().expect("db");
    importeer_tekst(&mut nieuw, uit.as_bytes()).expect("de export importeert");
    let terug = export::lees_records(&nieuw).expect("lezen");
    assert_eq!(bron_van(&terug, "M-90"), Some(Bron::Verloskundige));
    assert_eq!(bron_van(&terug, "M-91"), Some(Bron::GgdJgz));

    let f = mislukt(&[
        r#"{"type":"melding","id":"M-92","inwoner":"I-1","datum":"2024-05-03","bron":"consultatiebureau"}"#,
    ]);
    let e = fout(&f, 2, Some("bron"));
    bevat(e, "'consultatiebureau' is geen toegestane waarde");
    bevat(e, "'ggd-jgz'");
    bevat(e, "'verloskundige'");
}
