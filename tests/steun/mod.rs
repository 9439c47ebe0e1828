//! Support shared by the four test crates (`opslag`, `rapport`, `schermen`,
//! `processen`) and the tools in `examples/`. Each includes it with
//! `#[path = "../steun/mod.rs"] mod steun;`.
//!
//! - [`vaste`]: the small hand-made register (two wijkteams, Jan de Vries's
//!   dossier) on a fixed "today";
//! - [`klantreis`]: the register of the klantreis, werkvoorraad and
//!   sociale-kaart tests, with its workers and a `Handeling`;
//! - [`rapport`]: compact record builders for the indicator tests (its own
//!   `rapport::d` takes a `"jjjj-mm-dd"` text);
//! - [`ui`]: the `egui_kittest` steps every screen test takes;
//! - [`werkvoorraad`]: the register of the werkvoorraad screen tests.

#![allow(
    dead_code,
    reason = "every crate uses a different part of the support module"
)]

pub mod klantreis;
pub mod rapport;
pub mod ui;
pub mod vaste;
pub mod werkvoorraad;

use chrono::NaiveDate;

/// A date for tests: `d(2025, 6, 1)`. (For `d("2025-06-01")` see
/// [`rapport::d`].)
#[allow(
    clippy::expect_used,
    reason = "a wrong test date stops the test loudly"
)]
pub fn d(jaar: i32, maand: u32, dag: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(jaar, maand, dag).expect("geldige testdatum")
}
