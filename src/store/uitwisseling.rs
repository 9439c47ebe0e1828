//! The exchange format `wijkregister-jsonl` v1 as JSON values: how a
//! [`Record`] is written as one line. Reading a line back, with its precise
//! field errors, is `store::import`'s work; the two meet in the round-trip test.
//!
//! Fields appear in the order of the specification with `type` first; an
//! optional field that is absent is left out (not written as `null`).

use serde_json::{Map, Value, json};

use crate::domain::Record;
use crate::domain::datum::iso;
use crate::domain::records::bedrag_tekst;

/// Name of the format in the header.
pub const FORMAAT: &str = "wijkregister-jsonl";
/// Version of the format this build reads and writes.
pub const VERSIE: i64 = 1;

/// The header line's value.
#[must_use]
pub fn header(gemeente: &str) -> Value {
    json!({"type": "header", "format": FORMAAT, "version": VERSIE, "gemeente": gemeente})
}

/// Builds an object in field order, leaving out absent optional fields.
struct Obj(Map<String, Value>);

impl Obj {
    fn new(soort: &str) -> Obj {
        let mut m = Map::new();
        m.insert("type".to_owned(), Value::from(soort));
        Obj(m)
    }
    fn v(mut self, veld: &str, waarde: impl Into<Value>) -> Obj {
        self.0.insert(veld.to_owned(), waarde.into());
        self
    }
    fn o<T: Into<Value>>(mut self, veld: &str, waarde: Option<T>) -> Obj {
        if let Some(w) = waarde {
            self.0.insert(veld.to_owned(), w.into());
        }
        self
    }
    fn klaar(self) -> Value {
        Value::Object(self.0)
    }
}

/// One record as a JSON object of the exchange format.
#[must_use]
pub fn naar_json(record: &Record) -> Value {
    let o = Obj::new(record.soort());
    match record {
        Record::Wijkteam(r) => o.v("id", r.id.as_str()).v("naam", r.naam.as_str()).klaar(),
        Record::Medewerker(r) => o
            .v("id", r.id.as_str())
            .v("naam", r.naam.as_str())
            .v("rol", r.rol.code())
            .o("wijkteam", r.wijkteam.as_deref())
            .klaar(),
        Record::Aanbieder(r) => o
            .v("id", r.id.as_str())
            .v("naam", r.naam.as_str())
            .o("kvk", r.kvk.as_deref())
            .klaar(),
        Record::Contract(r) => o
            .v("id", r.id.as_str())
            .v("aanbieder", r.aanbieder.as_str())
            .v("wet", r.wet.code())
            .v("soort", r.soort.code())
            .v("van", iso(r.van))
            .o("tot", r.tot.map(iso))
            .klaar(),
        Record::Voorziening(r) => o
            .v("id", r.id.as_str())
            .v("naam", r.naam.as_str())
            .v("soort", r.soort.code())
            .o("wet", r.wet.map(|w| w.code()))
            .o("categorie", r.categorie.as_deref())
            .o(
                "kenmerken",
                (!r.kenmerken.is_empty()).then(|| Value::from(r.kenmerken.clone())),
            )
            .klaar(),
        Record::Inwoner(r) => o
            .v("id", r.id.as_str())
            .o("bsn", r.bsn.as_ref().map(|b| b.as_str().to_owned()))
            .v("voornaam", r.voornaam.as_str())
            .v("achternaam", r.achternaam.as_str())
            .v("geboortedatum", iso(r.geboortedatum))
            .o("geslacht", r.geslacht.map(|g| g.code()))
            .v("huishouden", r.huishouden.as_str())
            .o("wijkteam", r.wijkteam.as_deref())
            .v("woonplaats", r.woonplaats.as_str())
            .klaar(),
        Record::Melding(r) => o
            .v("id", r.id.as_str())
            .v("inwoner", r.inwoner.as_str())
            .v("datum", iso(r.datum))
            .v("bron", r.bron.code())
            .o("wet", r.wet.map(|w| w.code()))
            .o("gevraagde_voorziening", r.gevraagde_voorziening.as_deref())
            .o("medewerker", r.medewerker.as_deref())
            .o("gesprek", r.gesprek.map(iso))
            .o("onderzoek_klaar", r.onderzoek_klaar.map(iso))
            .o("afgesloten", r.afgesloten.map(iso))
            .o("uitkomst", r.uitkomst.map(|u| u.code()))
            .klaar(),
        Record::Verwijzing(r) => o
            .v("id", r.id.as_str())
            .v("melding", r.melding.as_str())
            .v("voorziening", r.voorziening.as_str())
            .v("datum", iso(r.datum))
            .v("status", r.status.code())
            .o("afgerond_op", r.afgerond_op.map(iso))
            .o("opgelost", r.opgelost)
            .klaar(),
        Record::Toekenning(r) => o
            .v("id", r.id.as_str())
            .v("inwoner", r.inwoner.as_str())
            .v("voorziening", r.voorziening.as_str())
            .o("aanbieder", r.aanbieder.as_deref())
            .o("contract", r.contract.as_deref())
            .o("melding", r.melding.as_deref())
            .v("verwijzer", r.verwijzer.code())
            .o("aanvraag", r.aanvraag.map(iso))
            .v("besluit", iso(r.besluit))
            .v("uitkomst", r.uitkomst.code())
            .o("start", r.start.map(iso))
            .o("eind", r.eind.map(iso))
            .v("leveringsvorm", r.leveringsvorm.code())
            .v("doorbraak", r.doorbraak)
            .o("reden_einde", r.reden_einde.map(|x| x.code()))
            .o(
                "afweging",
                r.afweging.as_ref().map(|a| {
                    json!({
                        "eigen_kracht": a.eigen_kracht,
                        "netwerk": a.netwerk,
                        "algemene_voorziening": a.algemene_voorziening,
                        "voorliggende_voorziening": a.voorliggende_voorziening,
                    })
                }),
            )
            .klaar(),
        Record::Ave(r) => o
            .v("id", r.id.as_str())
            .v("huishouden", r.huishouden.as_str())
            .v("datum", iso(r.datum))
            .v("niveau", r.niveau)
            .v("reden", r.reden.as_str())
            .o("casusregisseur", r.casusregisseur.as_deref())
            .o("procesregisseur", r.procesregisseur.as_deref())
            .klaar(),
        Record::Vordering(r) => o
            .v("id", r.id.as_str())
            .v("datum", iso(r.datum))
            .v("bedrag", bedrag_als_getal(r.bedrag_cent))
            .v("soort", r.soort.code())
            .o("inwoner", r.inwoner.as_deref())
            .o("aanbieder", r.aanbieder.as_deref())
            .klaar(),
        Record::Bevolking(r) => o
            .v("jaar", r.jaar)
            .v("leeftijd_van", r.leeftijd_van)
            .v("leeftijd_tot", r.leeftijd_tot)
            .v("aantal", r.aantal)
            .klaar(),
        Record::Indicatorwaarde(r) => o
            .v("indicator", r.indicator.as_str())
            .v("jaar", r.jaar)
            .v("soort", r.soort.code())
            .o("waarde", r.waarde)
            .o("tekst", r.tekst.as_deref())
            .o("bron", r.bron.as_deref())
            .klaar(),
    }
}

/// Cents as a JSON number in euros with at most two decimals, written
/// exactly (1520.5, not 1520.4999…): built from its decimal text.
fn bedrag_als_getal(cent: i64) -> Value {
    if cent % 100 == 0 {
        return Value::from(cent / 100);
    }
    serde_json::from_str::<Value>(&bedrag_tekst(cent)).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Bevolking, Vordering, VorderingSoort};
    use chrono::NaiveDate;

    #[test]
    fn type_staat_voorop_en_opties_ontbreken() {
        let r = Record::Vordering(Vordering {
            id: "VO-1".into(),
            datum: NaiveDate::from_ymd_opt(2024, 3, 1).expect("d"),
            bedrag_cent: 152_050,
            soort: VorderingSoort::Misbruik,
            inwoner: None,
            aanbieder: Some("A-1".into()),
        });
        assert_eq!(
            naar_json(&r).to_string(),
            r#"{"type":"vordering","id":"VO-1","datum":"2024-03-01","bedrag":1520.50,"soort":"misbruik","aanbieder":"A-1"}"#
                .replace("1520.50", "1520.5")
        );
        let b = Record::Bevolking(Bevolking {
            jaar: 2024,
            leeftijd_van: 0,
            leeftijd_tot: 17,
            aantal: 100,
        });
        assert_eq!(
            naar_json(&b).to_string(),
            r#"{"type":"bevolking","jaar":2024,"leeftijd_van":0,"leeftijd_tot":17,"aantal":100}"#
        );
    }
}
