//! Measurements that are tools, not tests: run them by hand, optimised.
//!
//! ```text
//! cargo run --release --example metingen -- demo-volumes     # volumes of a demo register, for tuning its odds
//! cargo run --release --example metingen -- import-snelheid  # the import against bare INSERTs (at most twice as slow)
//! cargo run --release --example metingen -- rapport          # the full report on 75 000 residents
//! cargo run --release --example metingen -- auditlog         # audit verify and the Beheer audit screen at 1 000 000 rows
//! ```
//!
//! `cargo bench --bench prestaties` is the benchmark with the targets; this
//! holds the smaller measurements that were `#[ignore]` tests.

#![allow(
    clippy::expect_used,
    reason = "a tool run by hand; failing loudly is right"
)]

#[path = "../../tests/steun/mod.rs"]
mod steun;

mod auditlog;
mod demo_volumes;
mod import_snelheid;
mod rapport;

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("demo-volumes") => demo_volumes::volumes(),
        Some("import-snelheid") => import_snelheid::snelheid_tegen_kale_inserts(),
        Some("rapport") => rapport::volledig_rapport_op_groot_register(),
        Some("auditlog") => auditlog::auditlog_op_een_miljoen_regels(),
        _ => {
            eprintln!("gebruik: metingen demo-volumes | import-snelheid | rapport | auditlog");
            std::process::exit(2);
        }
    }
}
