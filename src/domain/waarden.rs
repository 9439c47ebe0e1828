//! The value lists of the exchange format and the domain (`wet`, `bron`,
//! `rol`, …) as closed Rust enums.
//!
//! Each list knows its exchange code (what the JSONL file and the database
//! hold), a Dutch label for the screen, and how to parse a code. One macro
//! writes them so the lists cannot drift apart in shape.

use std::fmt;

/// Writes a closed value list: an enum with `code`, `label`, `parse` and `ALLE`.
macro_rules! waardelijst {
    ($(#[$meta:meta])* $naam:ident { $($(#[$vmeta:meta])* $variant:ident => $code:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $naam {
            $($(#[$vmeta])* $variant,)+
        }

        impl $naam {
            /// Every value, in the order of the specification.
            pub const ALLE: &'static [$naam] = &[$($naam::$variant,)+];

            /// The code as the exchange format and the database write it.
            #[must_use]
            pub fn code(self) -> &'static str {
                match self {
                    $($naam::$variant => $code,)+
                }
            }

            /// The Dutch label shown on screen.
            #[must_use]
            pub fn label(self) -> &'static str {
                match self {
                    $($naam::$variant => $label,)+
                }
            }

            /// Parses an exchange code; `None` when it is not in the list.
            #[must_use]
            pub fn parse(code: &str) -> Option<Self> {
                match code {
                    $($code => Some($naam::$variant),)+
                    _ => None,
                }
            }

            /// All codes joined for an error message ("`a`, `b` of `c`").
            #[must_use]
            pub fn codes_tekst() -> String {
                codes_als_tekst(&[$($code,)+])
            }
        }

        impl fmt::Display for $naam {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

/// Lets other domain modules write their value lists with the same macro.
pub(crate) use waardelijst;

/// Joins codes for a Dutch message: "`a`, `b` of `c`".
#[must_use]
pub fn codes_als_tekst(codes: &[&str]) -> String {
    match codes {
        [] => String::new(),
        [een] => format!("'{een}'"),
        [begin @ .., laatste] => {
            let begin: Vec<String> = begin.iter().map(|c| format!("'{c}'")).collect();
            format!("{} of '{laatste}'", begin.join(", "))
        }
    }
}

waardelijst! {
    /// The law a provision, contract or melding falls under.
    Wet {
        Wmo => "wmo", "Wmo 2015";
        Jeugdwet => "jeugdwet", "Jeugdwet";
        Participatiewet => "participatiewet", "Participatiewet";
        Schuldhulp => "schuldhulp", "Wet gemeentelijke schuldhulpverlening";
        Inburgering => "inburgering", "Wet inburgering";
        Leerlingenvervoer => "leerlingenvervoer", "Leerlingenvervoer";
    }
}

waardelijst! {
    /// The role of a medewerker.
    Rol {
        Intaker => "intaker", "Intaker";
        Wijkcoach => "wijkcoach", "Wijkcoach";
        Schuldspecialist => "schuldspecialist", "Schuldspecialist";
        Gezinscoach => "gezinscoach", "Gezinscoach";
        Procesmanager => "procesmanager", "Procesmanager";
        Teamleider => "teamleider", "Teamleider";
        Beheerder => "beheerder", "Beheerder";
    }
}

waardelijst! {
    /// Kind of contract a provider holds for a law.
    ContractSoort {
        Raamcontract => "raamcontract", "Raamcontract";
        Maatwerkcontract => "maatwerkcontract", "Maatwerkcontract";
    }
}

waardelijst! {
    /// Kind of provision in the sociale kaart.
    VoorzieningSoort {
        Algemeen => "algemeen", "Algemene voorziening";
        Maatwerk => "maatwerk", "Maatwerkvoorziening";
        Voorliggend => "voorliggend", "Voorliggende voorziening";
    }
}

waardelijst! {
    /// Gender as recorded in the BRP extract.
    Geslacht {
        Man => "m", "man";
        Vrouw => "v", "vrouw";
        Onbekend => "x", "onbepaald";
    }
}

waardelijst! {
    /// Who brought a melding in: the list of domain.md, step 1, plus
    /// `ggd-jgz` and `verloskundige` (schema v11; outside that list, see
    /// `docs/uitwisselformaat.md`).
    Bron {
        Zelfmelder => "zelfmelder", "Zelfmelder";
        Netwerk => "netwerk", "Netwerk";
        Huisarts => "huisarts", "Huisarts";
        Praktijkondersteuner => "praktijkondersteuner", "Praktijkondersteuner";
        Jeugdarts => "jeugdarts", "Jeugdarts";
        /// Not in domain.md's list: the GGD's youth health care (JGZ,
        /// consultatiebureau), an institution where the jeugdarts is a person.
        GgdJgz => "ggd-jgz", "GGD/JGZ";
        Wijkverpleegkundige => "wijkverpleegkundige", "Wijkverpleegkundige";
        /// Not in domain.md's list: the midwife (a young pregnant woman).
        Verloskundige => "verloskundige", "Verloskundige";
        School => "school", "School";
        Politie => "politie", "Politie";
        VeiligThuis => "veilig-thuis", "Veilig Thuis";
        Vroegsignalering => "vroegsignalering", "Vroegsignalering";
        Woningcorporatie => "woningcorporatie", "Woningcorporatie";
        Aanbieder => "aanbieder", "Aanbieder";
        GecertificeerdeInstelling => "gecertificeerde-instelling", "Gecertificeerde instelling";
        Overig => "overig", "Overig";
    }
}

waardelijst! {
    /// How a melding ended.
    MeldingUitkomst {
        InformatieAdvies => "informatie-advies", "Informatie en advies";
        EigenKracht => "eigen-kracht", "Eigen kracht";
        Netwerk => "netwerk", "Netwerk";
        AlgemeneVoorziening => "algemene-voorziening", "Algemene voorziening";
        VoorliggendeVoorziening => "voorliggende-voorziening", "Voorliggende voorziening";
        Maatwerk => "maatwerk", "Maatwerkvoorziening";
        GeenOndersteuning => "geen-ondersteuning", "Geen ondersteuning";
        Ingetrokken => "ingetrokken", "Ingetrokken";
    }
}

waardelijst! {
    /// Where a referral stands.
    VerwijzingStatus {
        Verwezen => "verwezen", "Verwezen";
        Gestart => "gestart", "Gestart";
        Afgerond => "afgerond", "Afgerond";
        NietGestart => "niet-gestart", "Niet gestart";
    }
}

waardelijst! {
    /// Who referred to a maatwerk provision (iJw/iWmo COD327).
    Verwijzer {
        Gemeente => "gemeente", "Gemeente (wijkteam)";
        Huisarts => "huisarts", "Huisarts";
        Jeugdarts => "jeugdarts", "Jeugdarts";
        GecertificeerdeInstelling => "gecertificeerde-instelling", "Gecertificeerde instelling";
        MedischSpecialist => "medisch-specialist", "Medisch specialist";
        Zelfverwijzer => "zelfverwijzer", "Zelfverwijzer";
        Rechter => "rechter", "Rechter";
    }
}

impl Verwijzer {
    /// External referrers counted by indicator 4.2.1.
    #[must_use]
    pub fn is_extern(self) -> bool {
        matches!(
            self,
            Verwijzer::Huisarts
                | Verwijzer::Jeugdarts
                | Verwijzer::GecertificeerdeInstelling
                | Verwijzer::MedischSpecialist
                | Verwijzer::Rechter
        )
    }
}

waardelijst! {
    /// Outcome of a decision on an aanvraag.
    BesluitUitkomst {
        Toegekend => "toegekend", "Toegekend";
        Afgewezen => "afgewezen", "Afgewezen";
    }
}

waardelijst! {
    /// How a provision is delivered.
    Leveringsvorm {
        Natura => "natura", "Zorg in natura";
        Pgb => "pgb", "Persoonsgebonden budget (pgb)";
    }
}

waardelijst! {
    /// Why a toekenning ended.
    RedenEinde {
        VolgensPlan => "volgens-plan", "Volgens plan beëindigd";
        VoortijdigOvereenstemming => "voortijdig-overeenstemming", "Voortijdig, in overeenstemming";
        EenzijdigClient => "eenzijdig-client", "Eenzijdig door cliënt";
        EenzijdigAanbieder => "eenzijdig-aanbieder", "Eenzijdig door aanbieder";
        Verhuizing => "verhuizing", "Verhuizing";
        Overlijden => "overlijden", "Overlijden";
        AnderDomein => "ander-domein", "Over naar ander domein";
        AndereAanbieder => "andere-aanbieder", "Over naar andere aanbieder";
        Herbeoordeling => "herbeoordeling", "Herbeoordeling (op- of afschalen)";
    }
}

waardelijst! {
    /// Kind of recovery (AP ch. 2).
    VorderingSoort {
        Misbruik => "misbruik", "Misbruik";
        OneigenlijkGebruik => "oneigenlijk-gebruik", "Oneigenlijk gebruik";
    }
}

waardelijst! {
    /// Whether an indicator value is realised or a target.
    WaardeSoort {
        Realisatie => "realisatie", "Realisatie";
        Begroot => "begroot", "Begroot";
    }
}

/// The national product categories (iWmo WMO020 and iJw JZ020) with their names.
pub const CATEGORIEEN_WMO: &[(&str, &str)] = &[
    ("01", "Hulp bij het huishouden"),
    ("02", "Begeleiding"),
    ("03", "Persoonlijke verzorging"),
    ("04", "Kortdurend verblijf"),
    ("05", "Woondiensten"),
    ("06", "Overige individuele ondersteuning"),
    ("07", "Dagbesteding"),
    ("08", "Vervoerdiensten"),
    ("09", "Overige groepsgerichte ondersteuning"),
    ("10", "Overige maatwerkarrangementen"),
    ("11", "Rolstoelen"),
    ("12", "Vervoervoorzieningen"),
    ("13", "Woonvoorzieningen"),
    ("14", "Overige hulpmiddelen"),
    ("15", "Beschermd wonen"),
    ("16", "Opvang"),
    ("17", "Spoedopvang"),
    ("18", "Overige beschermd wonen en opvang"),
];

/// iJw JZ020 product categories.
pub const CATEGORIEEN_JEUGDWET: &[(&str, &str)] = &[
    ("40", "Persoonlijke verzorging"),
    ("41", "Dagbehandeling"),
    ("42", "Vervoer"),
    ("43", "Verblijf inclusief behandeling"),
    ("44", "Verblijf exclusief behandeling"),
    ("45", "Ambulant"),
    ("46", "Crisis"),
    ("47", "Jeugdreclassering"),
    ("48", "Jeugdbescherming"),
    ("49", "Preventief justitieel"),
    ("50", "Maatwerkarrangementen"),
    ("51", "Generalistische basis-ggz"),
    ("52", "Specialistische ggz"),
    ("53", "Kindergeneeskunde"),
    ("54", "Jeugd-ggz"),
    ("55", "Landelijk ingekocht"),
];

/// The category list of a law, if that law has national categories.
#[must_use]
pub fn categorieen(wet: Wet) -> Option<&'static [(&'static str, &'static str)]> {
    match wet {
        Wet::Wmo => Some(CATEGORIEEN_WMO),
        Wet::Jeugdwet => Some(CATEGORIEEN_JEUGDWET),
        _ => None,
    }
}

/// The name of a category code under a law ("15" under Wmo: "Beschermd wonen").
#[must_use]
pub fn categorie_naam(wet: Wet, code: &str) -> Option<&'static str> {
    categorieen(wet)?
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, naam)| *naam)
}

/// Tags of a provision that reports use (others are free).
pub mod kenmerk {
    /// A Wijkkamer (algemene voorziening).
    pub const WIJKKAMER: &str = "wijkkamer";
    /// Dagstructurering activities.
    pub const DAGSTRUCTURERING: &str = "dagstructurering";
    /// Debt counselling by a schuldspecialist.
    pub const SCHULDSPECIALIST: &str = "schuldspecialist";
    /// A trajectory at the Stadsbank.
    pub const STADSBANK: &str = "stadsbank";
    /// A periodic Participatiewet benefit.
    pub const PW_UITKERING: &str = "pw-uitkering";
    /// 24-hour shelter.
    pub const OPVANG_24UUR: &str = "opvang-24uur";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for wet in Wet::ALLE {
            assert_eq!(Wet::parse(wet.code()), Some(*wet));
        }
        for bron in Bron::ALLE {
            assert_eq!(Bron::parse(bron.code()), Some(*bron));
        }
        assert_eq!(Bron::parse("Huisarts"), None);
        assert_eq!(Bron::ALLE.len(), 16);
        assert_eq!(RedenEinde::ALLE.len(), 9);
    }

    #[test]
    fn codes_tekst_is_dutch_list() {
        assert_eq!(
            ContractSoort::codes_tekst(),
            "'raamcontract' of 'maatwerkcontract'"
        );
    }

    #[test]
    fn categorie_namen() {
        assert_eq!(categorie_naam(Wet::Wmo, "15"), Some("Beschermd wonen"));
        assert_eq!(
            categorie_naam(Wet::Jeugdwet, "48"),
            Some("Jeugdbescherming")
        );
        assert_eq!(categorie_naam(Wet::Jeugdwet, "15"), None);
        assert_eq!(categorie_naam(Wet::Participatiewet, "01"), None);
    }
}
