//! The fixed part of the demo register: Almelo's four wijkteams, providers,
//! and the sociale kaart (algemene voorzieningen of the Actieplan ch. 5.3,
//! voorliggende voorzieningen, and maatwerk provisions under every law with
//! their national categories). Contracts and staff depend on the settings
//! and are made in `mod.rs`.

use crate::domain::klantreis::Leefgebied::{
    self, Financien, GeestelijkeGezondheid, HuiselijkeRelaties, Huisvesting, Justitie,
    LichamelijkeGezondheid, MaatschappelijkeParticipatie, OpvoedenOpgroeien, SociaalNetwerk,
    Veiligheid, Verslaving, WerkDagbesteding, Zelfzorg,
};
use crate::domain::waarden::kenmerk;
use crate::domain::{VoorzieningSoort, Wet};

/// The four wijkteams: id and name.
pub const WIJKTEAMS: &[(&str, &str)] = &[
    ("WT-NOORD", "Wijkteam Noord"),
    ("WT-OOST", "Wijkteam Oost"),
    ("WT-ZUID", "Wijkteam Zuid"),
    ("WT-WEST", "Wijkteam West"),
];

/// A provider and the laws it holds contracts under.
pub struct AanbiederDef {
    /// Identifier.
    pub id: &'static str,
    /// Name.
    pub naam: &'static str,
    /// Laws with a contract (empty: subsidised, no contract).
    pub wetten: &'static [Wet],
}

/// The providers.
pub const AANBIEDERS: &[AanbiederDef] = &[
    AanbiederDef {
        id: "A-001",
        naam: "Zorggroep Twente Thuis",
        wetten: &[Wet::Wmo],
    },
    AanbiederDef {
        id: "A-002",
        naam: "Thuiszorg Het Oosten",
        wetten: &[Wet::Wmo],
    },
    AanbiederDef {
        id: "A-003",
        naam: "Huishoudhulp Almelo",
        wetten: &[Wet::Wmo],
    },
    AanbiederDef {
        id: "A-004",
        naam: "Begeleiding Op Maat Twente",
        wetten: &[Wet::Wmo, Wet::Jeugdwet],
    },
    AanbiederDef {
        id: "A-005",
        naam: "Dagbesteding De Werkplaats",
        wetten: &[Wet::Wmo],
    },
    AanbiederDef {
        id: "A-006",
        naam: "Hulpmiddelencentrum Oost",
        wetten: &[Wet::Wmo],
    },
    AanbiederDef {
        id: "A-007",
        naam: "Woonaanpassing Twente",
        wetten: &[Wet::Wmo],
    },
    AanbiederDef {
        id: "A-008",
        naam: "Vervoer Twente",
        wetten: &[Wet::Wmo, Wet::Leerlingenvervoer],
    },
    AanbiederDef {
        id: "A-009",
        naam: "RIBW Twente",
        wetten: &[Wet::Wmo],
    },
    AanbiederDef {
        id: "A-010",
        naam: "Stichting Opvang Twente",
        wetten: &[Wet::Wmo],
    },
    AanbiederDef {
        id: "A-011",
        naam: "Jeugdzorg Twente",
        wetten: &[Wet::Jeugdwet],
    },
    AanbiederDef {
        id: "A-012",
        naam: "Pleegzorg Oost",
        wetten: &[Wet::Jeugdwet],
    },
    AanbiederDef {
        id: "A-013",
        naam: "Kinder- en Jeugdpsychiatrie Oost",
        wetten: &[Wet::Jeugdwet],
    },
    AanbiederDef {
        id: "A-014",
        naam: "Praktijk Jeugd-GGZ Almelo",
        wetten: &[Wet::Jeugdwet],
    },
    AanbiederDef {
        id: "A-015",
        naam: "William Schrikker Stichting",
        wetten: &[Wet::Jeugdwet],
    },
    AanbiederDef {
        id: "A-016",
        naam: "Jeugdbescherming Overijssel",
        wetten: &[Wet::Jeugdwet],
    },
    AanbiederDef {
        id: "A-017",
        naam: "Stadsbank Oost Nederland",
        wetten: &[Wet::Schuldhulp],
    },
    AanbiederDef {
        id: "A-018",
        naam: "Schuldhulp Twente",
        wetten: &[Wet::Schuldhulp],
    },
    AanbiederDef {
        id: "A-019",
        naam: "Taalschool Almelo",
        wetten: &[Wet::Inburgering],
    },
    AanbiederDef {
        id: "A-020",
        naam: "Leerlingenvervoer Twente",
        wetten: &[Wet::Leerlingenvervoer],
    },
    AanbiederDef {
        id: "A-021",
        naam: "Werkplein Re-integratie",
        wetten: &[Wet::Participatiewet],
    },
    AanbiederDef {
        id: "A-022",
        naam: "Ambulante Begeleiding De Brug",
        wetten: &[Wet::Wmo, Wet::Jeugdwet],
    },
    AanbiederDef {
        id: "A-023",
        naam: "Zorgboerderij Het Erf",
        wetten: &[Wet::Wmo, Wet::Jeugdwet],
    },
    AanbiederDef {
        id: "A-024",
        naam: "Crisisopvang Jeugd Twente",
        wetten: &[Wet::Jeugdwet],
    },
    AanbiederDef {
        id: "A-025",
        naam: "Beschermd Wonen Tubbergen",
        wetten: &[Wet::Wmo],
    },
    AanbiederDef {
        id: "A-026",
        naam: "Welzijn Almelo",
        wetten: &[],
    },
];

/// A provision of the sociale kaart, with the providers that deliver it.
pub struct VoorzieningDef {
    /// Identifier.
    pub id: &'static str,
    /// Name.
    pub naam: &'static str,
    /// Kind.
    pub soort: VoorzieningSoort,
    /// Law.
    pub wet: Option<Wet>,
    /// National category.
    pub categorie: Option<&'static str>,
    /// Tags.
    pub kenmerken: &'static [&'static str],
    /// Providers (ids in [`AANBIEDERS`]).
    pub aanbieders: &'static [&'static str],
}

const fn algemeen(
    id: &'static str,
    naam: &'static str,
    kenmerken: &'static [&'static str],
) -> VoorzieningDef {
    VoorzieningDef {
        id,
        naam,
        soort: VoorzieningSoort::Algemeen,
        wet: None,
        categorie: None,
        kenmerken,
        aanbieders: &[],
    }
}

const fn voorliggend(id: &'static str, naam: &'static str) -> VoorzieningDef {
    VoorzieningDef {
        id,
        naam,
        soort: VoorzieningSoort::Voorliggend,
        wet: None,
        categorie: None,
        kenmerken: &[],
        aanbieders: &[],
    }
}

const fn maatwerk(
    id: &'static str,
    naam: &'static str,
    wet: Wet,
    categorie: Option<&'static str>,
    kenmerken: &'static [&'static str],
    aanbieders: &'static [&'static str],
) -> VoorzieningDef {
    VoorzieningDef {
        id,
        naam,
        soort: VoorzieningSoort::Maatwerk,
        wet: Some(wet),
        categorie,
        kenmerken,
        aanbieders,
    }
}

/// The sociale kaart.
pub const VOORZIENINGEN: &[VoorzieningDef] = &[
    algemeen("V-WIJKKAMER", "Wijkkamer", &[kenmerk::WIJKKAMER]),
    algemeen(
        "V-DAGSTRUCT",
        "Dagstructurering",
        &[kenmerk::DAGSTRUCTURERING],
    ),
    algemeen("V-INLOOP", "Inloopvoorziening", &[kenmerk::WIJKKAMER]),
    algemeen("V-WELZIJN", "Welzijnsactiviteiten", &[]),
    algemeen("V-JONGERENWERK", "Kinder-, tiener- en jongerenwerk", &[]),
    algemeen("V-PUBERCOACH", "Kinder- en pubercoach", &[]),
    algemeen("V-OPVOED", "Ondersteuning ouders bij opvoeding", &[]),
    algemeen("V-JONGEMOEDER", "Jonge Moederwerk", &[]),
    algemeen("V-THUISADMIN", "Ondersteuning bij thuisadministratie", &[]),
    algemeen(
        "V-VRIJWILLIG",
        "Persoonlijke ondersteuning door vrijwilligers",
        &[],
    ),
    algemeen("V-WASDIENST", "Wasdienst", &[]),
    algemeen("V-NETWERKCOACH", "Persoonlijke netwerkcoach", &[]),
    algemeen("V-BUURTBEMID", "Buurtbemiddeling", &[]),
    algemeen("V-MANTELZORG", "Mantelzorgondersteuning", &[]),
    algemeen("V-OCO", "Onafhankelijke cliëntondersteuning", &[]),
    algemeen("V-BOODSCHAP", "Boodschappendienst", &[]),
    voorliggend("V-WLZ", "Wlz-zorg (indicatie CIZ)"),
    voorliggend("V-WIJKVERPL", "Wijkverpleging (Zvw)"),
    voorliggend("V-GGZ-ZVW", "Ggz volwassenen (Zvw)"),
    voorliggend("V-HULPM-ZVW", "Hulpmiddelen via de zorgverzekeraar (Zvw)"),
    voorliggend("V-UWV", "Uitkering of re-integratie via UWV"),
    maatwerk(
        "V-HH",
        "Hulp bij het huishouden",
        Wet::Wmo,
        Some("01"),
        &[],
        &["A-001", "A-002", "A-003"],
    ),
    maatwerk(
        "V-BEG",
        "Begeleiding individueel",
        Wet::Wmo,
        Some("02"),
        &[],
        &["A-004", "A-022", "A-001"],
    ),
    maatwerk(
        "V-PV",
        "Persoonlijke verzorging",
        Wet::Wmo,
        Some("03"),
        &[],
        &["A-001", "A-002"],
    ),
    maatwerk(
        "V-KV",
        "Kortdurend verblijf (respijtzorg)",
        Wet::Wmo,
        Some("04"),
        &[],
        &["A-002", "A-023"],
    ),
    maatwerk(
        "V-WOONDIENST",
        "Woondiensten",
        Wet::Wmo,
        Some("05"),
        &[],
        &["A-009"],
    ),
    maatwerk(
        "V-OIO",
        "Ondersteuning zelfstandig leven",
        Wet::Wmo,
        Some("06"),
        &[],
        &["A-004", "A-022"],
    ),
    maatwerk(
        "V-DB",
        "Dagbesteding",
        Wet::Wmo,
        Some("07"),
        &[],
        &["A-005", "A-023", "A-004"],
    ),
    maatwerk(
        "V-RT",
        "Regiotaxi (vervoerdienst)",
        Wet::Wmo,
        Some("08"),
        &[],
        &["A-008"],
    ),
    maatwerk(
        "V-GROEP",
        "Groepsbegeleiding",
        Wet::Wmo,
        Some("09"),
        &[],
        &["A-005", "A-023"],
    ),
    maatwerk("V-ROL", "Rolstoel", Wet::Wmo, Some("11"), &[], &["A-006"]),
    maatwerk(
        "V-SCOOT",
        "Scootmobiel",
        Wet::Wmo,
        Some("12"),
        &[],
        &["A-006"],
    ),
    maatwerk(
        "V-WOON",
        "Woonvoorziening (traplift, woningaanpassing)",
        Wet::Wmo,
        Some("13"),
        &[],
        &["A-007"],
    ),
    maatwerk(
        "V-HULPM",
        "Overige hulpmiddelen",
        Wet::Wmo,
        Some("14"),
        &[],
        &["A-006"],
    ),
    maatwerk(
        "V-BW",
        "Beschermd wonen",
        Wet::Wmo,
        Some("15"),
        &[],
        &["A-009", "A-025"],
    ),
    maatwerk(
        "V-MO",
        "Maatschappelijke opvang (24-uurs)",
        Wet::Wmo,
        Some("16"),
        &[kenmerk::OPVANG_24UUR],
        &["A-010"],
    ),
    maatwerk(
        "V-SPOED",
        "Spoedopvang",
        Wet::Wmo,
        Some("17"),
        &[kenmerk::OPVANG_24UUR],
        &["A-010"],
    ),
    maatwerk(
        "V-BWTHUIS",
        "Beschermd thuis",
        Wet::Wmo,
        Some("18"),
        &[],
        &["A-009", "A-022"],
    ),
    maatwerk(
        "V-J-PV",
        "Persoonlijke verzorging jeugd",
        Wet::Jeugdwet,
        Some("40"),
        &[],
        &["A-004"],
    ),
    maatwerk(
        "V-J-DAGBEH",
        "Dagbehandeling jeugd",
        Wet::Jeugdwet,
        Some("41"),
        &[],
        &["A-011", "A-023"],
    ),
    maatwerk(
        "V-J-VERVOER",
        "Vervoer jeugdhulp",
        Wet::Jeugdwet,
        Some("42"),
        &[],
        &["A-011"],
    ),
    maatwerk(
        "V-J-VERBLIJF",
        "Verblijf inclusief behandeling",
        Wet::Jeugdwet,
        Some("43"),
        &[],
        &["A-011", "A-013"],
    ),
    maatwerk(
        "V-J-PLEEG",
        "Pleegzorg (verblijf exclusief behandeling)",
        Wet::Jeugdwet,
        Some("44"),
        &[],
        &["A-012"],
    ),
    maatwerk(
        "V-J-AMB",
        "Ambulante jeugdhulp",
        Wet::Jeugdwet,
        Some("45"),
        &[],
        &["A-011", "A-004", "A-022"],
    ),
    maatwerk(
        "V-J-CRISIS",
        "Crisishulp jeugd",
        Wet::Jeugdwet,
        Some("46"),
        &[],
        &["A-024"],
    ),
    maatwerk(
        "V-J-JR",
        "Jeugdreclassering",
        Wet::Jeugdwet,
        Some("47"),
        &[],
        &["A-016"],
    ),
    maatwerk(
        "V-J-JB",
        "Jeugdbescherming (ondertoezichtstelling)",
        Wet::Jeugdwet,
        Some("48"),
        &[],
        &["A-015", "A-016"],
    ),
    maatwerk(
        "V-J-MAATWERK",
        "Maatwerkarrangement jeugd",
        Wet::Jeugdwet,
        Some("50"),
        &[],
        &["A-011", "A-023"],
    ),
    maatwerk(
        "V-J-BGGZ",
        "Generalistische basis-ggz jeugd",
        Wet::Jeugdwet,
        Some("51"),
        &[],
        &["A-014"],
    ),
    maatwerk(
        "V-J-SGGZ",
        "Specialistische ggz jeugd",
        Wet::Jeugdwet,
        Some("52"),
        &[],
        &["A-013"],
    ),
    maatwerk(
        "V-J-GGZ",
        "Jeugd-ggz",
        Wet::Jeugdwet,
        Some("54"),
        &[],
        &["A-013", "A-014"],
    ),
    maatwerk(
        "V-PW",
        "Algemene bijstand (periodieke uitkering)",
        Wet::Participatiewet,
        None,
        &[kenmerk::PW_UITKERING],
        &[],
    ),
    maatwerk(
        "V-PW-BEWIND",
        "Bijzondere bijstand bewindvoeringskosten",
        Wet::Participatiewet,
        None,
        &[],
        &[],
    ),
    maatwerk(
        "V-PW-REINT",
        "Re-integratietraject",
        Wet::Participatiewet,
        None,
        &[],
        &["A-021"],
    ),
    maatwerk(
        "V-STADSBANK",
        "Schuldregeling Stadsbank",
        Wet::Schuldhulp,
        None,
        &[kenmerk::STADSBANK],
        &["A-017"],
    ),
    maatwerk(
        "V-SCHULDSPEC",
        "Traject schuldspecialist",
        Wet::Schuldhulp,
        None,
        &[kenmerk::SCHULDSPECIALIST],
        &["A-018"],
    ),
    maatwerk(
        "V-BUDGETBEH",
        "Budgetbeheer",
        Wet::Schuldhulp,
        None,
        &[],
        &["A-017"],
    ),
    maatwerk(
        "V-INBURG",
        "Inburgeringstraject",
        Wet::Inburgering,
        None,
        &[],
        &["A-019"],
    ),
    maatwerk(
        "V-LLV",
        "Aangepast leerlingenvervoer",
        Wet::Leerlingenvervoer,
        None,
        &[],
        &["A-020", "A-008"],
    ),
];

/// The life domains each provision answers (for matched care), by provision
/// id: every provision of [`VOORZIENINGEN`] has at least one, so matched care
/// and the verwijzing list work on the first start of a demo register.
pub const LEEFGEBIEDEN: &[(&str, &[Leefgebied])] = &[
    (
        "V-WIJKKAMER",
        &[SociaalNetwerk, MaatschappelijkeParticipatie],
    ),
    ("V-DAGSTRUCT", &[WerkDagbesteding, GeestelijkeGezondheid]),
    (
        "V-INLOOP",
        &[SociaalNetwerk, Huisvesting, MaatschappelijkeParticipatie],
    ),
    ("V-WELZIJN", &[SociaalNetwerk, MaatschappelijkeParticipatie]),
    (
        "V-JONGERENWERK",
        &[OpvoedenOpgroeien, MaatschappelijkeParticipatie],
    ),
    ("V-PUBERCOACH", &[OpvoedenOpgroeien, GeestelijkeGezondheid]),
    ("V-OPVOED", &[OpvoedenOpgroeien, HuiselijkeRelaties]),
    (
        "V-JONGEMOEDER",
        &[OpvoedenOpgroeien, SociaalNetwerk, Huisvesting],
    ),
    ("V-THUISADMIN", &[Financien]),
    ("V-VRIJWILLIG", &[SociaalNetwerk, Zelfzorg, Financien]),
    ("V-WASDIENST", &[Zelfzorg]),
    ("V-NETWERKCOACH", &[SociaalNetwerk]),
    (
        "V-BUURTBEMID",
        &[Huisvesting, Veiligheid, HuiselijkeRelaties],
    ),
    ("V-MANTELZORG", &[SociaalNetwerk, HuiselijkeRelaties]),
    (
        "V-OCO",
        &[
            Financien,
            Huisvesting,
            Zelfzorg,
            MaatschappelijkeParticipatie,
        ],
    ),
    ("V-BOODSCHAP", &[Zelfzorg, LichamelijkeGezondheid]),
    (
        "V-WLZ",
        &[LichamelijkeGezondheid, Zelfzorg, GeestelijkeGezondheid],
    ),
    ("V-WIJKVERPL", &[LichamelijkeGezondheid, Zelfzorg]),
    ("V-GGZ-ZVW", &[GeestelijkeGezondheid, Verslaving]),
    ("V-HULPM-ZVW", &[LichamelijkeGezondheid]),
    ("V-UWV", &[Financien, WerkDagbesteding]),
    ("V-HH", &[Zelfzorg, Huisvesting]),
    ("V-BEG", &[Zelfzorg, GeestelijkeGezondheid, Financien]),
    ("V-PV", &[Zelfzorg, LichamelijkeGezondheid]),
    ("V-KV", &[HuiselijkeRelaties, SociaalNetwerk]),
    ("V-WOONDIENST", &[Huisvesting, Zelfzorg]),
    ("V-OIO", &[Zelfzorg, Financien, Huisvesting]),
    ("V-DB", &[WerkDagbesteding, MaatschappelijkeParticipatie]),
    (
        "V-RT",
        &[MaatschappelijkeParticipatie, LichamelijkeGezondheid],
    ),
    ("V-GROEP", &[WerkDagbesteding, SociaalNetwerk]),
    ("V-ROL", &[LichamelijkeGezondheid]),
    (
        "V-SCOOT",
        &[LichamelijkeGezondheid, MaatschappelijkeParticipatie],
    ),
    ("V-WOON", &[Huisvesting, LichamelijkeGezondheid]),
    ("V-HULPM", &[LichamelijkeGezondheid, Zelfzorg]),
    ("V-BW", &[Huisvesting, GeestelijkeGezondheid, Verslaving]),
    ("V-MO", &[Huisvesting, Veiligheid]),
    ("V-SPOED", &[Huisvesting, Veiligheid]),
    ("V-BWTHUIS", &[Huisvesting, GeestelijkeGezondheid]),
    ("V-J-PV", &[OpvoedenOpgroeien, Zelfzorg]),
    ("V-J-DAGBEH", &[OpvoedenOpgroeien, GeestelijkeGezondheid]),
    (
        "V-J-VERVOER",
        &[OpvoedenOpgroeien, MaatschappelijkeParticipatie],
    ),
    (
        "V-J-VERBLIJF",
        &[OpvoedenOpgroeien, Huisvesting, Veiligheid],
    ),
    ("V-J-PLEEG", &[OpvoedenOpgroeien, Huisvesting, Veiligheid]),
    ("V-J-AMB", &[OpvoedenOpgroeien, HuiselijkeRelaties]),
    ("V-J-CRISIS", &[Veiligheid, OpvoedenOpgroeien]),
    ("V-J-JR", &[Justitie, OpvoedenOpgroeien]),
    ("V-J-JB", &[Veiligheid, OpvoedenOpgroeien, Justitie]),
    ("V-J-MAATWERK", &[OpvoedenOpgroeien, HuiselijkeRelaties]),
    ("V-J-BGGZ", &[GeestelijkeGezondheid, OpvoedenOpgroeien]),
    ("V-J-SGGZ", &[GeestelijkeGezondheid, OpvoedenOpgroeien]),
    ("V-J-GGZ", &[GeestelijkeGezondheid, OpvoedenOpgroeien]),
    ("V-PW", &[Financien, WerkDagbesteding]),
    ("V-PW-BEWIND", &[Financien]),
    (
        "V-PW-REINT",
        &[WerkDagbesteding, MaatschappelijkeParticipatie],
    ),
    ("V-STADSBANK", &[Financien, Huisvesting]),
    ("V-SCHULDSPEC", &[Financien, Huisvesting]),
    ("V-BUDGETBEH", &[Financien]),
    (
        "V-INBURG",
        &[MaatschappelijkeParticipatie, WerkDagbesteding],
    ),
    ("V-LLV", &[OpvoedenOpgroeien, MaatschappelijkeParticipatie]),
];

/// The providers of the algemene voorzieningen: Welzijn Almelo (subsidised,
/// so without a contract) runs them. Maatwerk provisions carry their
/// contracted providers in [`VOORZIENINGEN`]; voorliggende voorzieningen
/// are delivered outside the gemeente (CIZ, zorgverzekeraar, UWV).
pub const WELZIJN: &str = "A-026";

/// Links every provision of the demo sociale kaart to its life domains and
/// providers (additive: links a beheerder made stay). Run inside the demo's
/// transaction, after the records are written.
pub fn koppel_kaart(conn: &rusqlite::Connection) -> Result<(), crate::store::StoreFout> {
    for v in VOORZIENINGEN {
        let leefgebieden = LEEFGEBIEDEN
            .iter()
            .find(|(id, _)| *id == v.id)
            .map_or(&[][..], |(_, l)| *l);
        let aanbieders: Vec<&str> = if v.soort == VoorzieningSoort::Algemeen {
            vec![WELZIJN]
        } else {
            v.aanbieders.to_vec()
        };
        crate::store::klantreis::koppel_voorziening(conn, v.id, leefgebieden, &aanbieders)?;
    }
    Ok(())
}

/// The index of a provision by id (the ids above are fixed, so a miss is a
/// programming error caught by the tests; it falls back to the first entry).
#[must_use]
pub fn voorziening(id: &str) -> usize {
    VOORZIENINGEN.iter().position(|v| v.id == id).unwrap_or(0)
}

/// The index of a provider by id.
#[must_use]
pub fn aanbieder(id: &str) -> usize {
    AANBIEDERS.iter().position(|a| a.id == id).unwrap_or(0)
}

/// A kvk number for the provider at `index`: eight digits, fixed per provider.
#[must_use]
pub fn kvk(index: usize) -> String {
    format!("{:08}", 6_012_345 + index * 1_046_527 % 93_000_000)
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "tests may use expect")]
mod tests {
    use super::*;

    #[test]
    fn verwijzingen_in_de_kaart_bestaan() {
        for v in VOORZIENINGEN {
            for a in v.aanbieders {
                let a = AANBIEDERS
                    .iter()
                    .find(|x| x.id == *a)
                    .expect("aanbieder bestaat");
                assert!(
                    a.wetten.contains(&v.wet.expect("maatwerk heeft een wet")),
                    "{} bij {}",
                    v.id,
                    a.id
                );
            }
        }
        let mut ids: Vec<&str> = VOORZIENINGEN.iter().map(|v| v.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), VOORZIENINGEN.len());
        for i in 0..AANBIEDERS.len() {
            assert_eq!(kvk(i).len(), 8);
        }
        // Every provision answers at least one life domain, listed once.
        for v in VOORZIENINGEN {
            let n = LEEFGEBIEDEN.iter().filter(|(id, _)| *id == v.id).count();
            assert_eq!(n, 1, "leefgebieden van {}", v.id);
        }
        assert_eq!(LEEFGEBIEDEN.len(), VOORZIENINGEN.len());
        assert!(LEEFGEBIEDEN.iter().all(|(_, l)| !l.is_empty()));
        assert!(
            AANBIEDERS
                .iter()
                .any(|a| a.id == WELZIJN && a.wetten.is_empty())
        );
    }
}
