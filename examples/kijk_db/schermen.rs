//! The register for the screenshots of issue 14: the accounts register
//! (`kijk_db accounts`) plus, written through the store as the workers would
//! write them, a melding with a question of 2,000 characters (by the
//! intaker) and a schuldhulp melding with a threatened eviction on its own
//! path (by the wijkcoach: eerste gesprek, the ladder's algemene
//! voorziening solving part, a verwijzing for that part, the beschikking on
//! toelating, the phase stabilisatie).
//! `cargo run --release --example kijk_db -- schermen /tmp/schermen.sqlite`.

use wijkregister::domain::klantreis::{
    Afwegingsladder, Leefgebied, Stap, TrajectFase, Trede, TredeSoort,
};
use wijkregister::domain::{BesluitUitkomst, Bron, Leveringsvorm, Wet};
use wijkregister::store::klantreis::{
    self as kr, Handeling, NieuwBesluit, NieuweMelding, NieuweStap,
};

use crate::steun::d;

/// The account's medewerker id.
fn medewerker(conn: &rusqlite::Connection, gebruikersnaam: &str) -> String {
    conn.query_row(
        "SELECT medewerker FROM account WHERE gebruikersnaam = ?1",
        [gebruikersnaam],
        |r| r.get(0),
    )
    .expect("account")
}

/// A resident of the medewerker's wijkteam without meldingen of its own,
/// an adult, the first by id after `na`.
fn inwoner_van(conn: &rusqlite::Connection, mw: &str, na: &str) -> String {
    conn.query_row(
        "SELECT i.id FROM inwoner i JOIN medewerker w ON w.wijkteam = i.wijkteam
         WHERE w.id = ?1 AND i.id > ?2 AND i.geboortedatum < '1990-01-01'
           AND NOT EXISTS (SELECT 1 FROM melding m WHERE m.inwoner = i.id)
         ORDER BY i.id LIMIT 1",
        [mw, na],
        |r| r.get(0),
    )
    .expect("inwoner")
}

fn id_van(conn: &rusqlite::Connection, sql: &str) -> String {
    conn.query_row(sql, [], |r| r.get(0)).expect(sql)
}

/// Writes the register to `pad` (replaced if it exists).
pub fn schrijf_kijk_db(pad: &str) {
    crate::accounts::schrijf_kijk_db_met_accounts(pad);
    let conn = wijkregister::store::open(std::path::Path::new(pad)).expect("open");
    let intaker = medewerker(&conn, "intaker");
    let coach = medewerker(&conn, "wijkcoach");
    let tijd = "2026-12-04T10:00:00+01:00";

    // The intaker's melding with a long question.
    let vraag =
        "De huur is al drie maanden niet betaald en de post blijft ongeopend liggen. ".repeat(27);
    let lang = inwoner_van(&conn, &intaker, "");
    kr::melding_toevoegen(
        &conn,
        Handeling {
            medewerker: &intaker,
            tijdstip: tijd,
        },
        &NieuweMelding {
            inwoner: lang,
            datum: d(2026, 12, 4),
            bron: Bron::Verloskundige,
            vraag: vraag.trim_end().to_owned(),
            leefgebieden: vec![Leefgebied::Financien, Leefgebied::Huisvesting],
            wet: Some(Wet::Wmo),
            gevraagde_voorziening: None,
            medewerker: intaker.clone(),
            spoed: false,
        },
    )
    .expect("melding met lange vraag");

    // The wijkcoach's schuldhulp melding with a threatened eviction.
    let h = Handeling {
        medewerker: &coach,
        tijdstip: tijd,
    };
    let inwoner = inwoner_van(&conn, &coach, "");
    let melding = kr::melding_toevoegen(
        &conn,
        h,
        &NieuweMelding {
            inwoner,
            datum: d(2026, 12, 1),
            bron: Bron::Woningcorporatie,
            vraag: "Huurachterstand en premieschuld; de verhuurder dreigt met ontruiming.".into(),
            leefgebieden: vec![Leefgebied::Financien, Leefgebied::Huisvesting],
            wet: Some(Wet::Schuldhulp),
            gevraagde_voorziening: None,
            medewerker: coach.clone(),
            spoed: true,
        },
    )
    .expect("Wgs-melding");
    for (stap, dag, notitie) in [
        (
            Stap::Gesprek,
            2,
            "Eerste gesprek met de schuldhulpverlener.",
        ),
        (
            Stap::Analyse,
            2,
            "Schulden bij verhuurder en zorgverzekeraar.",
        ),
    ] {
        kr::stap_vastleggen(
            &conn,
            h,
            &melding,
            &NieuweStap {
                stap,
                datum: d(2026, 12, dag),
                medewerker: coach.clone(),
                notitie: notitie.into(),
                uitkomst: None,
            },
        )
        .expect("stap");
    }
    let mut ladder = Afwegingsladder::default();
    ladder.zet(
        TredeSoort::EigenKracht,
        Trede::beantwoord(false, "Overziet het niet."),
    );
    ladder.zet(
        TredeSoort::Netwerk,
        Trede::beantwoord(false, "Geen netwerk dat helpt."),
    );
    ladder.zet(
        TredeSoort::AlgemeneVoorziening,
        Trede::deels("de administratie op orde, niet de schulden"),
    );
    ladder.zet(
        TredeSoort::VoorliggendeVoorziening,
        Trede::beantwoord(false, "Geen voorliggende voorziening."),
    );
    kr::afweging_opslaan(&conn, h, &melding, d(2026, 12, 3), &ladder).expect("afweging");
    let administratie = id_van(
        &conn,
        "SELECT id FROM voorziening WHERE naam = 'Ondersteuning bij thuisadministratie'",
    );
    kr::verwijzing_maken(&conn, h, &melding, &administratie, d(2026, 12, 3), "")
        .expect("verwijzing");
    let traject = id_van(
        &conn,
        "SELECT id FROM voorziening WHERE naam = 'Traject schuldspecialist'",
    );
    let aanbieder = id_van(
        &conn,
        "SELECT va.aanbieder FROM voorziening_aanbieder va JOIN aanbieder a ON a.id = va.aanbieder
         JOIN voorziening v ON v.id = va.voorziening
         WHERE v.naam = 'Traject schuldspecialist' AND a.naam LIKE 'Schuldhulp Twente%'",
    );
    kr::besluit_nemen(
        &conn,
        h,
        &NieuwBesluit {
            melding: melding.clone(),
            voorziening: traject,
            aanbieder: Some(aanbieder),
            contract: None,
            aanvraag: Some(d(2026, 12, 3)),
            besluit: d(2026, 12, 4),
            uitkomst: BesluitUitkomst::Toegekend,
            reden_afwijzing: None,
            start: None,
            eind: None,
            leveringsvorm: Leveringsvorm::Natura,
            volume: None,
            volume_eenheid: None,
            doorbraak: false,
            maatwerkcontract_bevestigd: false,
            notitie: "Toegelaten tot het schuldhulptraject.".into(),
        },
    )
    .expect("beschikking");
    kr::stap_vastleggen(
        &conn,
        h,
        &melding,
        &NieuweStap {
            stap: Stap::LeveringEvaluatie,
            datum: d(2026, 12, 4),
            medewerker: coach.clone(),
            notitie: TrajectFase::Stabilisatie
                .notitie("Vaste lasten op orde, geen nieuwe schulden."),
            uitkomst: None,
        },
    )
    .expect("stabilisatie");
}
