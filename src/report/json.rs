//! The machine-readable report of one year, in the shape of `indicators.md`:
//! `{"gemeente", "jaar", "indicatoren": [{"code", "waarde"} | {"code",
//! "waarde": null, "reden"} | {"code", "uitsplitsing": [...]}]}` with the
//! extra fields `naam`, `eenheid`, `bron` and (when recorded) `begroot`.
//!
//! Objects keep insertion order (`serde_json` with `preserve_order`) and the
//! results come in catalogue order with sorted breakdowns, so two runs over
//! the same register print the same bytes.

use serde_json::{Map, Number, Value, json};

use super::{Jaarrapport, Uitkomst, Waarde};
use crate::domain::indicatoren::Decimaal;

/// A decimal as a JSON number (a whole number without decimals).
fn getal(d: Decimaal) -> Value {
    if d.decimalen == 0 {
        Value::from(d.geschaald)
    } else {
        Number::from_f64(d.als_f64()).map_or(Value::Null, Value::Number)
    }
}

fn f64_waarde(x: Option<f64>) -> Value {
    x.and_then(Number::from_f64)
        .map_or(Value::Null, Value::Number)
}

/// One indicator as a JSON object.
#[must_use]
pub fn uitkomst_json(u: &Uitkomst) -> Value {
    let ind = u.indicator;
    let mut o = Map::new();
    o.insert("code".into(), json!(ind.code));
    o.insert("naam".into(), json!(ind.naam));
    o.insert("eenheid".into(), json!(ind.eenheid.label()));
    let mut bron = ind.bron.to_owned();
    match &u.waarde {
        Waarde::Getal(d) => {
            o.insert("waarde".into(), getal(*d));
        }
        Waarde::Extern {
            waarde,
            tekst,
            bron: eigen_bron,
        } => {
            o.insert("waarde".into(), f64_waarde(*waarde));
            if let Some(t) = tekst {
                o.insert("tekst".into(), json!(t));
            }
            if let Some(b) = eigen_bron {
                bron.clone_from(b);
            }
        }
        Waarde::Geen { reden } => {
            o.insert("waarde".into(), Value::Null);
            o.insert("reden".into(), json!(reden));
        }
        Waarde::Uitsplitsing(rijen) => {
            let rijen: Vec<Value> = rijen
                .iter()
                .map(|r| {
                    let mut rij = Map::new();
                    for (naam, sleutel) in ind.uitsplitsing.iter().zip(&r.sleutels) {
                        rij.insert(
                            (*naam).into(),
                            sleutel.as_ref().map_or(Value::Null, |s| json!(s)),
                        );
                    }
                    rij.insert("waarde".into(), json!(r.waarde));
                    Value::Object(rij)
                })
                .collect();
            o.insert("uitsplitsing".into(), Value::Array(rijen));
        }
    }
    o.insert("bron".into(), json!(bron));
    if let Some(b) = &u.begroot {
        if let Some(x) = b.waarde {
            o.insert("begroot".into(), f64_waarde(Some(x)));
        } else if let Some(t) = &b.tekst {
            o.insert("begroot".into(), json!(t));
        }
    }
    Value::Object(o)
}

/// The whole year as a JSON value.
#[must_use]
pub fn rapport_json(rapport: &Jaarrapport) -> Value {
    let mut o = Map::new();
    o.insert(
        "gemeente".into(),
        rapport.gemeente.as_ref().map_or(Value::Null, |g| json!(g)),
    );
    o.insert("jaar".into(), json!(rapport.jaar));
    if let Some(team) = &rapport.wijkteam {
        o.insert("wijkteam".into(), json!(team));
    }
    o.insert(
        "indicatoren".into(),
        Value::Array(rapport.indicatoren.iter().map(uitkomst_json).collect()),
    );
    Value::Object(o)
}

/// The whole year as pretty-printed JSON text, ending in a newline.
#[must_use]
pub fn rapport_tekst(rapport: &Jaarrapport) -> String {
    // `{:#}` is serde_json's pretty form of a `Value`, which cannot fail.
    format!("{:#}\n", rapport_json(rapport))
}
