//! Timing of the full report on a register of 75 000 residents and 300 000
//! toekenningen: `cargo run --release --example metingen -- rapport`.

use std::time::Instant;

use crate::steun::rapport::{aanbieder, band, inwoner, maatwerk, register, tk, voeg};
use wijkregister::domain::Record;
use wijkregister::report;

/// Builds the register, then times one year, ten years, and ten years with
/// the XLSX export.
pub fn volledig_rapport_op_groot_register() {
    let mut c = register();
    let mut recs = vec![aanbieder("A-1"), aanbieder("A-2")];
    let vzs = [
        ("V-HH", "wmo", Some("01"), vec![]),
        ("V-BW", "wmo", Some("15"), vec![]),
        ("V-MO", "wmo", Some("16"), vec!["opvang-24uur"]),
        ("V-J", "jeugdwet", Some("45"), vec![]),
        ("V-JB", "jeugdwet", Some("48"), vec![]),
        ("V-PW", "participatiewet", None, vec!["pw-uitkering"]),
        ("V-S", "schuldhulp", None, vec!["stadsbank"]),
    ];
    for (id, wet, cat, k) in &vzs {
        recs.push(maatwerk(id, wet, *cat, k));
    }
    for j in 2015..=2025 {
        recs.push(band(j, 0, 17, 15_000));
        recs.push(band(j, 18, 120, 60_000));
    }
    for i in 0..75_000u32 {
        let jaar = 1940 + (i % 80);
        recs.push(inwoner(
            &format!("I{i}"),
            &format!("{jaar}-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
            "Almelo",
        ));
    }
    for n in 0..300_000u32 {
        let (vz, ..) = vzs[(n % 7) as usize];
        let sj = 2015 + (n % 10);
        let start = format!("{sj}-{:02}-{:02}", 1 + n % 12, 1 + n % 28);
        let eind = (n % 3 != 0)
            .then(|| format!("{}-{:02}-{:02}", sj + 1 + (n % 2), 1 + n % 12, 1 + n % 28));
        let mut t = tk(
            &format!("T{n}"),
            &format!("I{}", n % 75_000),
            vz,
            Some(&start),
            eind.as_deref(),
        );
        t.aanbieder = Some(if n % 2 == 0 { "A-1" } else { "A-2" }.into());
        recs.push(Record::Toekenning(t));
    }
    voeg(&mut c, recs);
    let t0 = Instant::now();
    let r = report::bereken_jaar(&c, 2024).expect("rapport");
    let jaar_ms = t0.elapsed().as_millis();
    let t1 = Instant::now();
    let jaren = report::bereken_jaren(&c, 2015, 2024).expect("jaren");
    let tien_ms = t1.elapsed().as_millis();
    let tabel = report::export::bouw_tabel(&jaren, false);
    let _ = report::export::xlsx_bytes(&tabel).expect("xlsx");
    let export_ms = t1.elapsed().as_millis();
    eprintln!("één jaar: {jaar_ms} ms; tien jaar: {tien_ms} ms; met xlsx: {export_ms} ms");
    assert!(r.uitkomst("tw-wmo").is_some());
}
