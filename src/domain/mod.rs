//! The domain: pure Rust types and rules of the wijkteam register.
//!
//! No egui, no rusqlite, no clock: "today" is always a parameter, so every
//! rule can be tested on fixed dates.

pub mod ave;
pub mod bewaartermijn;
pub mod bsn;
pub mod catalogus;
pub mod datum;
pub mod eigen_indicator;
pub mod fout;
pub mod indicatoren;
pub mod klantreis;
pub mod records;
pub mod termijnen;
pub mod waarden;
pub mod woorden;

pub use bsn::{Bsn, BsnFout};
pub use fout::{DomeinFout, Veldfout};
pub use records::{
    Aanbieder, Afweging, AveGebeurtenis, Bevolking, Contract, Indicatorwaarde, Inwoner, Medewerker,
    Melding, Record, Toekenning, Verwijzing, Voorziening, Vordering, Wijkteam,
};
pub use waarden::{
    BesluitUitkomst, Bron, ContractSoort, Geslacht, Leveringsvorm, MeldingUitkomst, RedenEinde,
    Rol, Verwijzer, VerwijzingStatus, VoorzieningSoort, VorderingSoort, WaardeSoort, Wet,
};
