//! A database file of many residents for looking at the real window (made
//! before the demo generator existed), and the search times on it:
//! `cargo run --release --example kijk_db -- inwoners /tmp/ui-demo.sqlite [75000]`
//! and `cargo run --release --example kijk_db -- zoektijden /tmp/ui-demo.sqlite`.

use crate::steun::d;
use crate::steun::vaste::{self, Bouwer};

const VOORNAMEN: &[&str] = &[
    "Anna", "Bram", "Chantal", "Daan", "Emma", "Fleur", "Gerrit", "Hanna", "Ibrahim", "Jasper",
    "Kim", "Lars", "Mila", "Noah", "Olga", "Piet", "Ruben", "Saskia", "Tim", "Yara", "Zeynep",
    "Henk", "Ria", "Mohamed",
];
const ACHTERNAMEN: &[&str] = &[
    "Bakker",
    "Bos",
    "Brink",
    "de Boer",
    "de Groot",
    "de Jong",
    "Dijkstra",
    "Hendriks",
    "Jansen",
    "Kok",
    "Meijer",
    "Mulder",
    "Peters",
    "Postma",
    "Smit",
    "van Dam",
    "van den Berg",
    "van Dijk",
    "Visser",
    "Vos",
    "Wolters",
    "Yilmaz",
    "Kaya",
    "Nijhuis",
    "Oude Luttikhuis",
    "Ter Horst",
];

/// The hand-made register plus two wijkteams and `aantal` residents
/// (3000 by default), written to `pad` (replaced if it exists).
pub fn vul_demo_db(pad: &str, aantal: Option<u32>) {
    let _ = std::fs::remove_file(pad);
    let mut conn = wijkregister::store::open(std::path::Path::new(pad)).expect("database");
    let mut b: Bouwer = vaste::bouwer();
    b.wijkteam("wt-oost", "Wijkteam Oost")
        .wijkteam("wt-west", "Wijkteam West");
    let teams = ["wt-noord", "wt-zuid", "wt-oost", "wt-west"];
    let aantal = aantal.unwrap_or(3_000);
    let mut x: u64 = 12_345;
    for n in 0..aantal {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let r = (x >> 33) as usize;
        let voornaam = VOORNAMEN[r % VOORNAMEN.len()];
        let achternaam = ACHTERNAMEN[(r / 31) % ACHTERNAMEN.len()];
        let geboren = d(
            1935 + (r % 88) as i32,
            1 + (r % 12) as u32,
            1 + (r / 7 % 28) as u32,
        );
        let bsn = wijkregister::domain::Bsn::met_controlecijfer(10_000_000 + n * 37)
            .map(|b| b.as_str().to_owned());
        b.inwoner(
            &format!("in-{n}"),
            voornaam,
            achternaam,
            geboren,
            bsn.as_deref(),
            &format!("hh-g{}", n / 2),
            Some(teams[r % teams.len()]),
        );
    }
    b.schrijf(&mut conn);
}

/// Search times on the database of [`vul_demo_db`] at `pad`.
pub fn meet_zoektijden(pad: &str) {
    let conn = wijkregister::store::open(std::path::Path::new(pad)).expect("database");
    for tekst in ["", "b", "van d", "jan de v", "1000", "01-03-1980"] {
        let vraag = wijkregister::store::inwoners::Zoekvraag {
            tekst: tekst.into(),
            wijkteam: None,
        };
        let begin = std::time::Instant::now();
        let n = wijkregister::store::inwoners::zoek(&conn, &vraag)
            .expect("zoeken")
            .len();
        println!("'{tekst}': {n} rijen in {} ms", begin.elapsed().as_millis());
    }
}
