//! How many characters each kind of text field accepts (`TextEdit::char_limit`).
//!
//! One place for every cap, so a field cannot grow without bound and the
//! numbers are easy to compare with the store's own checks: long texts and
//! names use the domain's limits (`MAX_TEKST`, `MAX_NAAM`), the rest are
//! shorter caps that fit what the field holds. The store still validates
//! what it receives; the cap only keeps a paste of megabytes out of a form.
//! (egui's docs say `char_limit` works for single-line fields only; in egui
//! 0.37 it holds for multi-line ones too, and `tests/ui_invoerlengte.rs`
//! checks both.)

use crate::domain::records::{MAX_NAAM, MAX_TEKST};

/// Notes, reasons, explanations: the domain's limit for long texts.
pub const LANGE_TEKST: usize = MAX_TEKST;
/// Names, ids, places, organisations and other one-line texts.
pub const NAAM: usize = MAX_NAAM;
/// A date typed as `dd-mm-jjjj` (or `jjjj-mm-dd`); room to spare, so a
/// mistyped date is shown back with its error rather than cut off.
pub const DATUM: usize = 20;
/// A year (room to spare, as for a date).
pub const JAAR: usize = 12;
/// A number (an indicator value, a volume).
pub const GETAL: usize = 30;
/// A search: a name, a BSN or a date.
pub const ZOEKTEKST: usize = 200;
/// A password (argon2 hashes any length; this only bounds the work).
pub const WACHTWOORD: usize = 256;
/// A file path.
pub const PAD: usize = 4096;
