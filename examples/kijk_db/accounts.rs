//! A demo register with accounts for looking at the real window: login
//! `beheer`, `intaker` and `teamleider`, password `Wijkteam-2026!`.
//! `cargo run --release --example kijk_db -- accounts /tmp/kijk.sqlite`.

use wijkregister::demo::{self, DemoInstellingen};
use wijkregister::store::accounts;

use crate::steun::d;

/// Writes a demo register of 2000 residents (two years up to 26-11-2026)
/// with a beheerder, the intaker with the most open meldingen, a
/// teamleider and the wijkcoach with the most casusregie as accounts to `pad` (replaced if it exists).
pub fn schrijf_kijk_db_met_accounts(pad: &str) {
    let _ = std::fs::remove_file(pad);
    let mut conn = wijkregister::store::open(std::path::Path::new(pad)).expect("open");
    demo::vul_register(
        &mut conn,
        &DemoInstellingen {
            inwoners: 2000,
            jaren: 2,
            eind_jaar: 2026,
            seed: 7,
            peildatum: Some(d(2026, 11, 26)),
        },
    )
    .expect("demo");
    let nu = d(2026, 11, 26).and_hms_opt(8, 0, 0).expect("tijd");
    let wachtwoord = "Wijkteam-2026!";
    let beheer = accounts::maak_eerste_beheerder(&mut conn, "Bea Beheer", "beheer", wachtwoord, nu)
        .expect("beheerder");
    // The intaker with the most open meldingen, and a teamleider.
    let intaker: String = conn
        .query_row(
            "SELECT m.medewerker FROM melding m JOIN medewerker w ON w.id = m.medewerker
             WHERE m.afgesloten IS NULL AND w.rol = 'intaker'
             GROUP BY m.medewerker ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("intaker");
    let leider: String = conn
        .query_row(
            "SELECT id FROM medewerker WHERE rol = 'teamleider' ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("teamleider");
    // The wijkcoach who is casusregisseur in the most AVE events (their
    // werkvoorraad lists the households, issue 14).
    let coach: String = conn
        .query_row(
            "SELECT a.casusregisseur FROM ave a JOIN medewerker w ON w.id = a.casusregisseur
             WHERE w.rol = 'wijkcoach'
             GROUP BY a.casusregisseur ORDER BY count(*) DESC, a.casusregisseur LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("wijkcoach");
    for (mw, naam) in [
        (intaker, "intaker"),
        (leider, "teamleider"),
        (coach, "wijkcoach"),
    ] {
        accounts::voeg_toe(&mut conn, &beheer.medewerker, &mw, naam, wachtwoord, nu)
            .expect("account");
    }
}
