//! Writes a database file for looking at the real window (screenshots,
//! trying a screen by hand); a tool, not a test. Open the file with
//! `cargo run --release -- --db BESTAND`.
//!
//! ```text
//! cargo run --release --example kijk_db -- inwoners /tmp/ui-demo.sqlite [AANTAL]  # many residents (3000; 75000 for a large register)
//! cargo run --release --example kijk_db -- zoektijden /tmp/ui-demo.sqlite         # search times on that file
//! cargo run --release --example kijk_db -- klantreis /tmp/kr.sqlite               # two meldingen in progress
//! cargo run --release --example kijk_db -- accounts /tmp/kijk.sqlite              # a demo register with four accounts (beheer, intaker, teamleider, wijkcoach)
//! cargo run --release --example kijk_db -- werkvoorraad /tmp/wv.sqlite            # the werkvoorraad of the screen tests
//! cargo run --release --example kijk_db -- schermen /tmp/schermen.sqlite          # accounts, a 2,000-character question, a Wgs melding on its path
//! ```
//!
//! An existing file at the path is replaced (except by `zoektijden`).

#![allow(
    clippy::expect_used,
    reason = "a tool run by hand; failing loudly is right"
)]

#[path = "../../tests/steun/mod.rs"]
mod steun;

mod accounts;
mod inwoners;
mod klantreis;
mod schermen;
mod werkvoorraad;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let pad = args.get(1).map(String::as_str);
    match (args.first().map(String::as_str), pad) {
        (Some("inwoners"), Some(pad)) => {
            let aantal = args.get(2).map(|a| a.parse().expect("AANTAL is een getal"));
            inwoners::vul_demo_db(pad, aantal);
        }
        (Some("zoektijden"), Some(pad)) => inwoners::meet_zoektijden(pad),
        (Some("klantreis"), Some(pad)) => klantreis::schrijf_kijk_db(pad),
        (Some("accounts"), Some(pad)) => accounts::schrijf_kijk_db_met_accounts(pad),
        (Some("werkvoorraad"), Some(pad)) => werkvoorraad::schrijf_kijk_db(pad),
        (Some("schermen"), Some(pad)) => schermen::schrijf_kijk_db(pad),
        _ => {
            eprintln!(
                "gebruik: kijk_db inwoners BESTAND [AANTAL] | zoektijden BESTAND | klantreis BESTAND | accounts BESTAND | werkvoorraad BESTAND | schermen BESTAND"
            );
            std::process::exit(2);
        }
    }
}
