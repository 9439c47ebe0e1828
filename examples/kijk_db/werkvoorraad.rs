//! `kijk_db werkvoorraad BESTAND`: the werkvoorraad register of the screen
//! tests (`tests/steun/werkvoorraad.rs`), with a spoed melding, a Jeugdwet
//! aanvraag and a Participatiewet melding more, for looking at the
//! Werkvoorraad screen in the real window.

use crate::steun::d;
use crate::steun::klantreis::{INTAKER, h, melding};
use crate::steun::werkvoorraad::fixture;
use wijkregister::domain::Wet;
use wijkregister::store::klantreis as kr;

/// Writes the register to `pad` (replacing a file there).
pub fn schrijf_kijk_db(pad: &str) {
    let _ = std::fs::remove_file(pad);
    let conn = fixture();
    let mut spoed = melding("I-SEM", d(2026, 11, 24), Some(Wet::Schuldhulp));
    spoed.spoed = true;
    kr::melding_toevoegen(&conn, h(INTAKER), &spoed).expect("spoed");
    let jeugd = kr::melding_toevoegen(
        &conn,
        h(INTAKER),
        &melding("I-KOEN", d(2026, 10, 1), Some(Wet::Jeugdwet)),
    )
    .expect("jeugd");
    kr::aanvraag_registreren(&conn, h(INTAKER), &jeugd, d(2026, 10, 2)).expect("aanvraag");
    kr::melding_toevoegen(
        &conn,
        h(INTAKER),
        &melding("I-ANNA", d(2026, 11, 20), Some(Wet::Participatiewet)),
    )
    .expect("participatie");
    conn.execute("VACUUM INTO ?1", [pad]).expect("naar bestand");
}
