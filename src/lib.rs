//! wijkregister: a register for a Dutch municipal wijkteam (neighbourhood
//! social-care team), following the klantreis of the Almelo Actieplan.
//!
//! The app is a library with a thin `main.rs`, so tests build it without a
//! window. Layers, with dependencies pointing one way only:
//! `ui` → `gateway` → `store`, `report`, `demo` → `domain`; `cli` uses the
//! store directly (its user holds the database file). See ARCHITECTURE.md.

pub mod cli;
pub mod demo;
pub mod domain;
pub mod gateway;
pub mod klok;
pub mod report;
pub mod store;
pub mod ui;
