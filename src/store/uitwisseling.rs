//! The exchange format `wijkregister-jsonl`: the one field table
//! ([`RECORDSOORTEN`]) that says, per record type, which table it fills and
//! which field carries which column as what kind of value. The export
//! (`store::export`) writes every table from it, the import
//! (`store::import`) takes its allowed fields, the v2 fields and the v2
//! record types from it, and `docs/uitwisselformaat.md` is generated from
//! it ([`beschrijving`]; a test keeps the two equal). A second test holds
//! every column of every table of the schema against it, so a new table or
//! column that is not carried fails the build's tests.
//!
//! Version 1 carried the 13 record types of `shared/spec/exchange-format.md`;
//! version 2 adds the fields and types marked `sinds: 2`, so a v1 line is a
//! valid v2 line and v1 files keep importing.
//!
//! [`naar_json`] writes one domain [`Record`] as a v1 line (fields in the
//! order of the specification with `type` first; an absent optional field is
//! left out, not written as `null`).

use serde_json::{Map, Value, json};

use crate::domain::Record;
use crate::domain::datum::iso;
use crate::domain::klantreis::{Leefgebied, Stap, TredeSoort};
use crate::domain::records::bedrag_tekst;
use crate::domain::{
    BesluitUitkomst, Bron, ContractSoort, Geslacht, Leveringsvorm, MeldingUitkomst, RedenEinde,
    Rol, Verwijzer, VerwijzingStatus, VoorzieningSoort, VorderingSoort, WaardeSoort, Wet,
};

/// Name of the format in the header.
pub const FORMAAT: &str = "wijkregister-jsonl";
/// Version of the format this build writes (and the newest it reads).
pub const VERSIE: i64 = 2;

/// The versions this build reads.
pub const VERSIES: [i64; 2] = [1, 2];

/// The header line's value.
#[must_use]
pub fn header(gemeente: &str) -> Value {
    json!({"type": "header", "format": FORMAAT, "version": VERSIE, "gemeente": gemeente})
}

/// What kind of value a field carries, and so how it is written and read.
#[derive(Debug, Clone, Copy)]
pub enum Soort {
    /// Text on one line (a name, an id, a free code).
    Tekst,
    /// Text that may hold line breaks and tabs (a note, a reason).
    LangeTekst,
    /// A calendar date `jjjj-mm-dd`.
    Datum,
    /// A moment as the register wrote it (kept verbatim).
    Tijdstip,
    /// A whole number in a range.
    Geheel {
        /// Lowest allowed.
        van: i64,
        /// Highest allowed.
        tot: i64,
    },
    /// A number.
    Getal,
    /// `true` or `false` (stored as 1 or 0).
    WaarOnwaar,
    /// An amount in euros with at most two decimals (stored as whole cents).
    Bedrag,
    /// One code of a fixed list.
    Code {
        /// Whether a code is in the list.
        geldig: fn(&str) -> bool,
        /// The list, for messages and the documentation.
        codes: fn() -> String,
    },
    /// The id of a record of another type (or the same).
    Verwijst {
        /// The record type referred to.
        naar: &'static str,
        /// Whether it may name a record on a later line (it is checked at
        /// the end of the file).
        later: bool,
    },
    /// The number of a `klantreis_stap`.
    StapNummer,
    /// A list of values kept in a table of its own.
    Lijst {
        /// That table.
        tabel: &'static str,
        /// Its column naming the owning record.
        eigenaar: &'static str,
        /// What each item is.
        item: Item,
    },
    /// The four answers of the afwegingsladder as one object, kept in four
    /// columns (all or none).
    Afweging {
        /// The columns of `eigen_kracht`, `netwerk`, `algemene_voorziening`
        /// and `voorliggende_voorziening`.
        kolommen: [&'static str; 4],
    },
    /// An argon2id password hash as a PHC string (never a password).
    Wachtwoordhash,
}

/// What the items of a [`Soort::Lijst`] are.
#[derive(Debug, Clone, Copy)]
pub enum Item {
    /// Free text.
    Tekst,
    /// A code of a fixed list.
    Code {
        /// Whether a code is in the list.
        geldig: fn(&str) -> bool,
        /// The list.
        codes: fn() -> String,
    },
    /// The id of a record of this type.
    Verwijst(&'static str),
}

/// One field of a record type.
#[derive(Debug, Clone, Copy)]
pub struct Veld {
    /// The field's name in the file.
    pub naam: &'static str,
    /// The column it fills (for a list: the item column of its table; for
    /// an afweging: empty, the columns are in its kind).
    pub kolom: &'static str,
    /// What it carries.
    pub soort: Soort,
    /// Whether a line must have it.
    pub verplicht: bool,
    /// The first format version with this field.
    pub sinds: i64,
}

/// One record type: its table, fields and export order.
#[derive(Debug, Clone, Copy)]
pub struct RecordSoort {
    /// The `type` of its lines.
    pub naam: &'static str,
    /// The table it fills.
    pub tabel: &'static str,
    /// The first format version with this type.
    pub sinds: i64,
    /// Whether its v1 fields are read as a domain [`Record`] (with the
    /// domain's checks); the others are read field by field from the table.
    pub domein: bool,
    /// Its key columns (for the list tables and an update of an existing row).
    pub sleutel: &'static [&'static str],
    /// Whether a line replaces the register's row with the same key (the
    /// settings and the AVE level texts, which every register has).
    pub vervangt: bool,
    /// Export order within the type (SQL `ORDER BY`).
    pub volgorde: &'static str,
    /// Its fields, in file order.
    pub velden: &'static [Veld],
    /// One line on what it is, for the documentation.
    pub uitleg: &'static str,
}

impl RecordSoort {
    /// Its fields a file of `versie` may hold.
    pub fn velden_van(&self, versie: i64) -> impl Iterator<Item = &'static Veld> + use<> {
        self.velden.iter().filter(move |v| v.sinds <= versie)
    }

    /// The field named `naam`.
    #[must_use]
    pub fn veld(&self, naam: &str) -> Option<&'static Veld> {
        self.velden.iter().find(|v| v.naam == naam)
    }
}

/// The record type named `naam`.
#[must_use]
pub fn recordsoort(naam: &str) -> Option<&'static RecordSoort> {
    RECORDSOORTEN.iter().find(|s| s.naam == naam)
}

/// Columns that exist but are not carried, and why (the documentation and
/// the coverage test read this).
pub const NIET_MEEGENOMEN: [(&str, &str, &str); 8] = [
    (
        "audit",
        "vorige_hash",
        "de keten wordt bij de import opnieuw berekend met de sleutel van het ontvangende register",
    ),
    (
        "audit",
        "hash",
        "de keten wordt bij de import opnieuw berekend met de sleutel van het ontvangende register",
    ),
    ("ave_stand", "huishouden", AVE_STAND_AFGELEID),
    ("ave_stand", "datum", AVE_STAND_AFGELEID),
    ("ave_stand", "niveau", AVE_STAND_AFGELEID),
    ("ave_stand", "procesregisseur", AVE_STAND_AFGELEID),
    ("ave_stand", "casusregisseur", AVE_STAND_AFGELEID),
    ("ave_stand", "wijkteam", AVE_STAND_AFGELEID),
];

/// Why `ave_stand` (schema v12) is not carried.
const AVE_STAND_AFGELEID: &str =
    "afgeleid: de triggers van het ontvangende register houden hem bij uit ave en inwoner";

const fn v(naam: &'static str, soort: Soort) -> Veld {
    Veld {
        naam,
        kolom: naam,
        soort,
        verplicht: true,
        sinds: 1,
    }
}

const fn o(naam: &'static str, soort: Soort) -> Veld {
    Veld {
        naam,
        kolom: naam,
        soort,
        verplicht: false,
        sinds: 1,
    }
}

const fn v2(veld: Veld) -> Veld {
    Veld { sinds: 2, ..veld }
}

const fn naar(naar: &'static str) -> Soort {
    Soort::Verwijst { naar, later: false }
}

macro_rules! code {
    ($t:ty) => {
        Soort::Code {
            geldig: |c| <$t>::parse(c).is_some(),
            codes: <$t>::codes_tekst,
        }
    };
}

fn eenheid_codes() -> String {
    crate::domain::waarden::codes_als_tekst(
        &crate::domain::eigen_indicator::EENHEDEN
            .iter()
            .map(|(_, c)| *c)
            .collect::<Vec<_>>(),
    )
}

fn resultaat_geldig(c: &str) -> bool {
    ["gelukt", "geweigerd", "mislukt"].contains(&c)
}

fn resultaat_codes() -> String {
    crate::domain::waarden::codes_als_tekst(&["gelukt", "geweigerd", "mislukt"])
}

const LEEFGEBIED: Item = Item::Code {
    geldig: |c| Leefgebied::parse(c).is_some(),
    codes: Leefgebied::codes_tekst,
};

/// Every record type, in file order: each reference points to an earlier
/// line (except a `toekenning`'s `vorige`, see [`Soort::Verwijst`]).
pub const RECORDSOORTEN: [RecordSoort; 21] = [
    RecordSoort {
        naam: "instelling",
        tabel: "instelling",
        sinds: 2,
        domein: false,
        sleutel: &["sleutel"],
        vervangt: true,
        volgorde: "sleutel",
        velden: &[v("sleutel", Soort::Tekst), v("waarde", Soort::LangeTekst)],
        uitleg: "Een instelling van het register. De gemeente staat ook in de header en moet daarmee overeenkomen.",
    },
    RecordSoort {
        naam: "wijkteam",
        tabel: "wijkteam",
        sinds: 1,
        domein: true,
        sleutel: &["id"],
        vervangt: false,
        volgorde: "id",
        velden: &[v("id", Soort::Tekst), v("naam", Soort::Tekst)],
        uitleg: "Een wijkteam.",
    },
    RecordSoort {
        naam: "medewerker",
        tabel: "medewerker",
        sinds: 1,
        domein: true,
        sleutel: &["id"],
        vervangt: false,
        volgorde: "id",
        velden: &[
            v("id", Soort::Tekst),
            v("naam", Soort::Tekst),
            v("rol", code!(Rol)),
            o("wijkteam", naar("wijkteam")),
        ],
        uitleg: "Een medewerker.",
    },
    RecordSoort {
        naam: "account",
        tabel: "account",
        sinds: 2,
        domein: false,
        sleutel: &["medewerker"],
        vervangt: false,
        volgorde: "medewerker",
        velden: &[
            v("medewerker", naar("medewerker")),
            v("gebruikersnaam", Soort::Tekst),
            v("wachtwoord_hash", Soort::Wachtwoordhash),
            v("actief", Soort::WaarOnwaar),
            v(
                "mislukte_pogingen",
                Soort::Geheel {
                    van: 0,
                    tot: i64::MAX,
                },
            ),
            o("geblokkeerd_tot", Soort::Tijdstip),
            v("aangemaakt_op", Soort::Tijdstip),
            v("gewijzigd_op", Soort::Tijdstip),
        ],
        uitleg: "Het account van een medewerker: de argon2id-hash van het wachtwoord (nooit het wachtwoord zelf), of het actief is en de blokkade na mislukte pogingen.",
    },
    RecordSoort {
        naam: "aanbieder",
        tabel: "aanbieder",
        sinds: 1,
        domein: true,
        sleutel: &["id"],
        vervangt: false,
        volgorde: "id",
        velden: &[
            v("id", Soort::Tekst),
            v("naam", Soort::Tekst),
            o("kvk", Soort::Tekst),
        ],
        uitleg: "Een aanbieder van zorg of ondersteuning.",
    },
    RecordSoort {
        naam: "contract",
        tabel: "contract",
        sinds: 1,
        domein: true,
        sleutel: &["id"],
        vervangt: false,
        volgorde: "id",
        velden: &[
            v("id", Soort::Tekst),
            v("aanbieder", naar("aanbieder")),
            v("wet", code!(Wet)),
            v("soort", code!(ContractSoort)),
            v("van", Soort::Datum),
            o("tot", Soort::Datum),
        ],
        uitleg: "Een contract van een aanbieder onder één wet.",
    },
    RecordSoort {
        naam: "voorziening",
        tabel: "voorziening",
        sinds: 1,
        domein: true,
        sleutel: &["id"],
        vervangt: false,
        volgorde: "id",
        velden: &[
            v("id", Soort::Tekst),
            v("naam", Soort::Tekst),
            v("soort", code!(VoorzieningSoort)),
            o("wet", code!(Wet)),
            o("categorie", Soort::Tekst),
            Veld {
                kolom: "kenmerk",
                ..o(
                    "kenmerken",
                    Soort::Lijst {
                        tabel: "voorziening_kenmerk",
                        eigenaar: "voorziening",
                        item: Item::Tekst,
                    },
                )
            },
            v2(o("beeindigd_op", Soort::Datum)),
            v2(Veld {
                kolom: "leefgebied",
                ..o(
                    "leefgebieden",
                    Soort::Lijst {
                        tabel: "voorziening_leefgebied",
                        eigenaar: "voorziening",
                        item: LEEFGEBIED,
                    },
                )
            }),
            v2(Veld {
                kolom: "aanbieder",
                ..o(
                    "aanbieders",
                    Soort::Lijst {
                        tabel: "voorziening_aanbieder",
                        eigenaar: "voorziening",
                        item: Item::Verwijst("aanbieder"),
                    },
                )
            }),
        ],
        uitleg: "Een voorziening van de sociale kaart.",
    },
    RecordSoort {
        naam: "inwoner",
        tabel: "inwoner",
        sinds: 1,
        domein: true,
        sleutel: &["id"],
        vervangt: false,
        volgorde: "id",
        velden: &[
            v("id", Soort::Tekst),
            o("bsn", Soort::Tekst),
            v("voornaam", Soort::Tekst),
            v("achternaam", Soort::Tekst),
            v("geboortedatum", Soort::Datum),
            o("geslacht", code!(Geslacht)),
            v("huishouden", Soort::Tekst),
            o("wijkteam", naar("wijkteam")),
            v("woonplaats", Soort::Tekst),
        ],
        uitleg: "Een inwoner.",
    },
    RecordSoort {
        naam: "melding",
        tabel: "melding",
        sinds: 1,
        domein: true,
        sleutel: &["id"],
        vervangt: false,
        volgorde: "id",
        velden: &[
            v("id", Soort::Tekst),
            v("inwoner", naar("inwoner")),
            v("datum", Soort::Datum),
            v("bron", code!(Bron)),
            o("wet", code!(Wet)),
            o("gevraagde_voorziening", naar("voorziening")),
            o("medewerker", naar("medewerker")),
            o("gesprek", Soort::Datum),
            o("onderzoek_klaar", Soort::Datum),
            o("afgesloten", Soort::Datum),
            o("uitkomst", code!(MeldingUitkomst)),
            v2(o("vraag", Soort::LangeTekst)),
            v2(o("spoed", Soort::WaarOnwaar)),
            v2(o("aanvraag", Soort::Datum)),
            v2(Veld {
                kolom: "leefgebied",
                ..o(
                    "leefgebieden",
                    Soort::Lijst {
                        tabel: "melding_leefgebied",
                        eigenaar: "melding",
                        item: LEEFGEBIED,
                    },
                )
            }),
        ],
        uitleg: "Een melding: één klantreis. De `bron` kent naast de lijst van `shared/spec/domain.md` ook `ggd-jgz` en `verloskundige` (zie \"Waarden buiten de lijsten van de specificatie\").",
    },
    RecordSoort {
        naam: "klantreis_stap",
        tabel: "klantreis_stap",
        sinds: 2,
        domein: false,
        sleutel: &["id"],
        vervangt: false,
        volgorde: "id",
        velden: &[
            v(
                "id",
                Soort::Geheel {
                    van: 1,
                    tot: i64::MAX,
                },
            ),
            v("melding", naar("melding")),
            v("stap", code!(Stap)),
            v("datum", Soort::Datum),
            v("medewerker", naar("medewerker")),
            v("notitie", Soort::LangeTekst),
            v("vastgelegd_op", Soort::Tijdstip),
        ],
        uitleg: "Een vastgelegde stap van een klantreis.",
    },
    RecordSoort {
        naam: "klantreis_correctie",
        tabel: "klantreis_correctie",
        sinds: 2,
        domein: false,
        sleutel: &["id"],
        vervangt: false,
        volgorde: "id",
        velden: &[
            v(
                "id",
                Soort::Geheel {
                    van: 1,
                    tot: i64::MAX,
                },
            ),
            v("stap", Soort::StapNummer),
            v("oude_datum", Soort::Datum),
            v("nieuwe_datum", Soort::Datum),
            v("oude_medewerker", Soort::Tekst),
            v("nieuwe_medewerker", Soort::Tekst),
            v("oude_notitie", Soort::LangeTekst),
            v("nieuwe_notitie", Soort::LangeTekst),
            v("door", naar("medewerker")),
            v("tijdstip", Soort::Tijdstip),
        ],
        uitleg: "Een correctie van een vastgelegde stap: oude en nieuwe waarden, door wie en wanneer.",
    },
    RecordSoort {
        naam: "afweging_trede",
        tabel: "afweging_trede",
        sinds: 2,
        domein: false,
        sleutel: &["melding", "trede"],
        vervangt: false,
        volgorde: "melding, trede",
        velden: &[
            v("melding", naar("melding")),
            v("trede", code!(TredeSoort)),
            v("lost_op", Soort::WaarOnwaar),
            v("toelichting", Soort::LangeTekst),
            v("medewerker", naar("medewerker")),
            v("datum", Soort::Datum),
        ],
        uitleg: "Eén beantwoorde trede van de afwegingsladder van een melding.",
    },
    RecordSoort {
        naam: "verwijzing",
        tabel: "verwijzing",
        sinds: 1,
        domein: true,
        sleutel: &["id"],
        vervangt: false,
        volgorde: "id",
        velden: &[
            v("id", Soort::Tekst),
            v("melding", naar("melding")),
            v("voorziening", naar("voorziening")),
            v("datum", Soort::Datum),
            v("status", code!(VerwijzingStatus)),
            o("afgerond_op", Soort::Datum),
            o("opgelost", Soort::WaarOnwaar),
        ],
        uitleg: "Een verwijzing vanuit een melding naar een algemene of voorliggende voorziening.",
    },
    RecordSoort {
        naam: "toekenning",
        tabel: "toekenning",
        sinds: 1,
        domein: true,
        sleutel: &["id"],
        vervangt: false,
        volgorde: "id",
        velden: &[
            v("id", Soort::Tekst),
            v("inwoner", naar("inwoner")),
            v("voorziening", naar("voorziening")),
            o("aanbieder", naar("aanbieder")),
            o("contract", naar("contract")),
            o("melding", naar("melding")),
            v("verwijzer", code!(Verwijzer)),
            o("aanvraag", Soort::Datum),
            v("besluit", Soort::Datum),
            v("uitkomst", code!(BesluitUitkomst)),
            o("start", Soort::Datum),
            o("eind", Soort::Datum),
            o("leveringsvorm", code!(Leveringsvorm)),
            o("doorbraak", Soort::WaarOnwaar),
            o("reden_einde", code!(RedenEinde)),
            Veld {
                kolom: "",
                ..o(
                    "afweging",
                    Soort::Afweging {
                        kolommen: [
                            "afweging_eigen_kracht",
                            "afweging_netwerk",
                            "afweging_algemene_voorziening",
                            "afweging_voorliggende_voorziening",
                        ],
                    },
                )
            },
            v2(o(
                "vorige",
                Soort::Verwijst {
                    naar: "toekenning",
                    later: true,
                },
            )),
            v2(o("volume", Soort::Getal)),
            v2(o("volume_eenheid", Soort::Tekst)),
            v2(o("reden_afwijzing", Soort::LangeTekst)),
        ],
        uitleg: "Een besluit over een maatwerkvoorziening.",
    },
    RecordSoort {
        naam: "ave",
        tabel: "ave",
        sinds: 1,
        domein: true,
        sleutel: &["id"],
        vervangt: false,
        volgorde: "id",
        velden: &[
            v("id", Soort::Tekst),
            v("huishouden", Soort::Tekst),
            v("datum", Soort::Datum),
            v("niveau", Soort::Geheel { van: 0, tot: 4 }),
            v("reden", Soort::LangeTekst),
            o("casusregisseur", naar("medewerker")),
            o("procesregisseur", Soort::Tekst),
            v2(o("geregistreerd_door", naar("medewerker"))),
            v2(o("geregistreerd_op", Soort::Tijdstip)),
            v2(o("reden_geen_procesmanager", Soort::LangeTekst)),
        ],
        uitleg: "Een wijziging van het AVE-niveau van een huishouden.",
    },
    RecordSoort {
        naam: "ave_niveau",
        tabel: "ave_niveau",
        sinds: 2,
        domein: false,
        sleutel: &["niveau"],
        vervangt: true,
        volgorde: "niveau",
        velden: &[
            v("niveau", Soort::Geheel { van: 0, tot: 4 }),
            v("naam", Soort::Tekst),
            v("situatie", Soort::LangeTekst),
            v("regie", Soort::LangeTekst),
        ],
        uitleg: "De teksten van een AVE-niveau (een beheerder kan ze herformuleren). Elk register heeft de vijf niveaus; een regel vervangt de teksten.",
    },
    RecordSoort {
        naam: "vordering",
        tabel: "vordering",
        sinds: 1,
        domein: true,
        sleutel: &["id"],
        vervangt: false,
        volgorde: "id",
        velden: &[
            v("id", Soort::Tekst),
            v("datum", Soort::Datum),
            Veld {
                kolom: "bedrag_cent",
                ..v("bedrag", Soort::Bedrag)
            },
            v("soort", code!(VorderingSoort)),
            o("inwoner", naar("inwoner")),
            o("aanbieder", naar("aanbieder")),
        ],
        uitleg: "Een terugvordering wegens misbruik of oneigenlijk gebruik.",
    },
    RecordSoort {
        naam: "bevolking",
        tabel: "bevolking",
        sinds: 1,
        domein: true,
        sleutel: &["jaar", "leeftijd_van"],
        vervangt: false,
        volgorde: "jaar, leeftijd_van",
        velden: &[
            v(
                "jaar",
                Soort::Geheel {
                    van: 1900,
                    tot: 2200,
                },
            ),
            v("leeftijd_van", Soort::Geheel { van: 0, tot: 120 }),
            v("leeftijd_tot", Soort::Geheel { van: 0, tot: 120 }),
            v(
                "aantal",
                Soort::Geheel {
                    van: 0,
                    tot: 4_294_967_295,
                },
            ),
        ],
        uitleg: "De bevolking op 1 januari van een jaar, per leeftijdsband.",
    },
    RecordSoort {
        naam: "eigen_indicator",
        tabel: "eigen_indicator",
        sinds: 2,
        domein: false,
        sleutel: &["code"],
        vervangt: false,
        volgorde: "code",
        velden: &[
            v2(v("code", Soort::Tekst)),
            v2(v("naam", Soort::Tekst)),
            v2(v(
                "eenheid",
                Soort::Code {
                    geldig: |c| crate::domain::eigen_indicator::eenheid_van(c).is_some(),
                    codes: eenheid_codes,
                },
            )),
            v2(v("bron", Soort::Tekst)),
            v2(v("doel", Soort::Tekst)),
            v2(o("beleidslijn", Soort::Tekst)),
        ],
        uitleg: "Een eigen indicator van de gemeente (niet uit de catalogus): code, naam, eenheid, bron en plaats in de doelenboom (doelnummer, code van een beleidslijn van dat doel of niets voor 'Eigen indicatoren'). Komt vóór de indicatorwaarden die hem noemen.",
    },
    RecordSoort {
        naam: "indicatorwaarde",
        tabel: "indicatorwaarde",
        sinds: 1,
        domein: true,
        sleutel: &["indicator", "jaar", "soort"],
        vervangt: false,
        volgorde: "indicator, jaar, soort",
        velden: &[
            v("indicator", Soort::Tekst),
            v(
                "jaar",
                Soort::Geheel {
                    van: 1900,
                    tot: 2200,
                },
            ),
            v("soort", code!(WaardeSoort)),
            o("waarde", Soort::Getal),
            o("tekst", Soort::Tekst),
            o("bron", Soort::LangeTekst),
        ],
        uitleg: "Een externe indicatorwaarde (realisatie) of een streefwaarde (begroot).",
    },
    RecordSoort {
        naam: "audit",
        tabel: "audit",
        sinds: 2,
        domein: false,
        sleutel: &["volgnummer"],
        vervangt: false,
        volgorde: "volgnummer",
        velden: &[
            v(
                "volgnummer",
                Soort::Geheel {
                    van: 1,
                    tot: i64::MAX,
                },
            ),
            v("tijdstip", Soort::Tijdstip),
            v("actor", Soort::Tekst),
            v("actie", Soort::Tekst),
            o("object", Soort::LangeTekst),
            o("doel", Soort::LangeTekst),
            v(
                "resultaat",
                Soort::Code {
                    geldig: resultaat_geldig,
                    codes: resultaat_codes,
                },
            ),
            o("details", Soort::LangeTekst),
        ],
        uitleg: "Een regel van het auditlog, met zijn volgnummer. Het auditlog wordt alleen overgenomen in een register zonder auditregels; de keten wordt daarbij opnieuw berekend met de sleutel van dat register.",
    },
];

/// A kind in words, for the documentation.
fn soort_tekst(soort: Soort) -> String {
    match soort {
        Soort::Tekst => "tekst (één regel)".to_owned(),
        Soort::LangeTekst => "tekst (mag regelovergangen bevatten)".to_owned(),
        Soort::Datum => "datum `jjjj-mm-dd`".to_owned(),
        Soort::Tijdstip => "tijdstip zoals het register het schreef".to_owned(),
        Soort::Geheel { van, tot } if tot == i64::MAX => format!("geheel getal vanaf {van}"),
        Soort::Geheel { van, tot } => format!("geheel getal {van}–{tot}"),
        Soort::Getal => "getal".to_owned(),
        Soort::WaarOnwaar => "`true` of `false`".to_owned(),
        Soort::Bedrag => "bedrag in euro's, hoogstens twee decimalen".to_owned(),
        Soort::Code { codes, .. } => format!("één van {}", codes()),
        Soort::Verwijst { naar, later: false } => format!("id van een `{naar}` (eerdere regel of register)"),
        Soort::Verwijst { naar, later: true } => {
            format!("id van een `{naar}` (mag ook op een latere regel staan)")
        }
        Soort::StapNummer => "`id` van een `klantreis_stap`".to_owned(),
        Soort::Lijst { item, .. } => match item {
            Item::Tekst => "lijst van teksten".to_owned(),
            Item::Code { codes, .. } => format!("lijst, elk één van {}", codes()),
            Item::Verwijst(naar) => format!("lijst van ids van een `{naar}`"),
        },
        Soort::Afweging { .. } => {
            "object met `eigen_kracht`, `netwerk`, `algemene_voorziening`, `voorliggende_voorziening` (alle vier of geen)"
                .to_owned()
        }
        Soort::Wachtwoordhash => "argon2id-hash (`$argon2id$…`), nooit een wachtwoord".to_owned(),
    }
}

/// Where a field is kept, for the documentation.
fn kolom_tekst(soort: &RecordSoort, veld: &Veld) -> String {
    match veld.soort {
        Soort::Lijst {
            tabel, eigenaar, ..
        } => format!("`{tabel}` ({eigenaar}, {})", veld.kolom),
        Soort::Afweging { kolommen } => kolommen
            .iter()
            .map(|k| format!("`{}.{k}`", soort.tabel))
            .collect::<Vec<_>>()
            .join(", "),
        _ => format!("`{}.{}`", soort.tabel, veld.kolom),
    }
}

/// The record types and their fields as Markdown, generated from
/// [`RECORDSOORTEN`]: the part of `docs/uitwisselformaat.md` between its
/// markers (a test keeps the file equal to this).
#[must_use]
pub fn beschrijving() -> String {
    use std::fmt::Write as _;
    let mut uit = String::new();
    for soort in &RECORDSOORTEN {
        let _ = writeln!(
            uit,
            "### `{}` (sinds versie {})\n\n{} Tabel `{}`; volgorde in het bestand: {}.\n",
            soort.naam, soort.sinds, soort.uitleg, soort.tabel, soort.volgorde
        );
        uit.push_str("| veld | verplicht | soort | kolom | sinds |\n|---|---|---|---|---|\n");
        for veld in soort.velden {
            let _ = writeln!(
                uit,
                "| `{}` | {} | {} | {} | {} |",
                veld.naam,
                if veld.verplicht { "ja" } else { "nee" },
                soort_tekst(veld.soort),
                kolom_tekst(soort, veld),
                veld.sinds.max(soort.sinds)
            );
        }
        uit.push('\n');
    }
    uit.push_str("### Niet meegenomen kolommen\n\n| kolom | waarom |\n|---|---|\n");
    for (tabel, kolom, waarom) in NIET_MEEGENOMEN {
        let _ = writeln!(uit, "| `{tabel}.{kolom}` | {waarom} |");
    }
    uit
}

/// Every (table, column) the format carries, from the field table (the
/// coverage test compares it with the schema).
#[must_use]
pub fn gedragen_kolommen() -> Vec<(&'static str, &'static str)> {
    let mut uit = Vec::new();
    for soort in &RECORDSOORTEN {
        for veld in soort.velden {
            match veld.soort {
                Soort::Lijst {
                    tabel, eigenaar, ..
                } => {
                    uit.push((tabel, eigenaar));
                    uit.push((tabel, veld.kolom));
                }
                Soort::Afweging { kolommen } => {
                    uit.extend(kolommen.iter().map(|k| (soort.tabel, *k)));
                }
                _ => uit.push((soort.tabel, veld.kolom)),
            }
        }
    }
    uit.extend(NIET_MEEGENOMEN.iter().map(|(t, k, _)| (*t, *k)));
    uit
}

/// Builds an object in field order, leaving out absent optional fields.
struct Obj(Map<String, Value>);

impl Obj {
    fn new(soort: &str) -> Obj {
        let mut m = Map::new();
        m.insert("type".to_owned(), Value::from(soort));
        Obj(m)
    }
    fn v(mut self, veld: &str, waarde: impl Into<Value>) -> Obj {
        self.0.insert(veld.to_owned(), waarde.into());
        self
    }
    fn o<T: Into<Value>>(mut self, veld: &str, waarde: Option<T>) -> Obj {
        if let Some(w) = waarde {
            self.0.insert(veld.to_owned(), w.into());
        }
        self
    }
    fn klaar(self) -> Value {
        Value::Object(self.0)
    }
}

/// One record as a JSON object of the exchange format.
#[must_use]
pub fn naar_json(record: &Record) -> Value {
    let o = Obj::new(record.soort());
    match record {
        Record::Wijkteam(r) => o.v("id", r.id.as_str()).v("naam", r.naam.as_str()).klaar(),
        Record::Medewerker(r) => o
            .v("id", r.id.as_str())
            .v("naam", r.naam.as_str())
            .v("rol", r.rol.code())
            .o("wijkteam", r.wijkteam.as_deref())
            .klaar(),
        Record::Aanbieder(r) => o
            .v("id", r.id.as_str())
            .v("naam", r.naam.as_str())
            .o("kvk", r.kvk.as_deref())
            .klaar(),
        Record::Contract(r) => o
            .v("id", r.id.as_str())
            .v("aanbieder", r.aanbieder.as_str())
            .v("wet", r.wet.code())
            .v("soort", r.soort.code())
            .v("van", iso(r.van))
            .o("tot", r.tot.map(iso))
            .klaar(),
        Record::Voorziening(r) => o
            .v("id", r.id.as_str())
            .v("naam", r.naam.as_str())
            .v("soort", r.soort.code())
            .o("wet", r.wet.map(|w| w.code()))
            .o("categorie", r.categorie.as_deref())
            .o(
                "kenmerken",
                (!r.kenmerken.is_empty()).then(|| Value::from(r.kenmerken.clone())),
            )
            .klaar(),
        Record::Inwoner(r) => o
            .v("id", r.id.as_str())
            .o("bsn", r.bsn.as_ref().map(|b| b.as_str().to_owned()))
            .v("voornaam", r.voornaam.as_str())
            .v("achternaam", r.achternaam.as_str())
            .v("geboortedatum", iso(r.geboortedatum))
            .o("geslacht", r.geslacht.map(|g| g.code()))
            .v("huishouden", r.huishouden.as_str())
            .o("wijkteam", r.wijkteam.as_deref())
            .v("woonplaats", r.woonplaats.as_str())
            .klaar(),
        Record::Melding(r) => o
            .v("id", r.id.as_str())
            .v("inwoner", r.inwoner.as_str())
            .v("datum", iso(r.datum))
            .v("bron", r.bron.code())
            .o("wet", r.wet.map(|w| w.code()))
            .o("gevraagde_voorziening", r.gevraagde_voorziening.as_deref())
            .o("medewerker", r.medewerker.as_deref())
            .o("gesprek", r.gesprek.map(iso))
            .o("onderzoek_klaar", r.onderzoek_klaar.map(iso))
            .o("afgesloten", r.afgesloten.map(iso))
            .o("uitkomst", r.uitkomst.map(|u| u.code()))
            .klaar(),
        Record::Verwijzing(r) => o
            .v("id", r.id.as_str())
            .v("melding", r.melding.as_str())
            .v("voorziening", r.voorziening.as_str())
            .v("datum", iso(r.datum))
            .v("status", r.status.code())
            .o("afgerond_op", r.afgerond_op.map(iso))
            .o("opgelost", r.opgelost)
            .klaar(),
        Record::Toekenning(r) => o
            .v("id", r.id.as_str())
            .v("inwoner", r.inwoner.as_str())
            .v("voorziening", r.voorziening.as_str())
            .o("aanbieder", r.aanbieder.as_deref())
            .o("contract", r.contract.as_deref())
            .o("melding", r.melding.as_deref())
            .v("verwijzer", r.verwijzer.code())
            .o("aanvraag", r.aanvraag.map(iso))
            .v("besluit", iso(r.besluit))
            .v("uitkomst", r.uitkomst.code())
            .o("start", r.start.map(iso))
            .o("eind", r.eind.map(iso))
            .v("leveringsvorm", r.leveringsvorm.code())
            .v("doorbraak", r.doorbraak)
            .o("reden_einde", r.reden_einde.map(|x| x.code()))
            .o(
                "afweging",
                r.afweging.as_ref().map(|a| {
                    json!({
                        "eigen_kracht": a.eigen_kracht,
                        "netwerk": a.netwerk,
                        "algemene_voorziening": a.algemene_voorziening,
                        "voorliggende_voorziening": a.voorliggende_voorziening,
                    })
                }),
            )
            .klaar(),
        Record::Ave(r) => o
            .v("id", r.id.as_str())
            .v("huishouden", r.huishouden.as_str())
            .v("datum", iso(r.datum))
            .v("niveau", r.niveau)
            .v("reden", r.reden.as_str())
            .o("casusregisseur", r.casusregisseur.as_deref())
            .o("procesregisseur", r.procesregisseur.as_deref())
            .klaar(),
        Record::Vordering(r) => o
            .v("id", r.id.as_str())
            .v("datum", iso(r.datum))
            .v("bedrag", bedrag_als_getal(r.bedrag_cent))
            .v("soort", r.soort.code())
            .o("inwoner", r.inwoner.as_deref())
            .o("aanbieder", r.aanbieder.as_deref())
            .klaar(),
        Record::Bevolking(r) => o
            .v("jaar", r.jaar)
            .v("leeftijd_van", r.leeftijd_van)
            .v("leeftijd_tot", r.leeftijd_tot)
            .v("aantal", r.aantal)
            .klaar(),
        Record::Indicatorwaarde(r) => o
            .v("indicator", r.indicator.as_str())
            .v("jaar", r.jaar)
            .v("soort", r.soort.code())
            .o("waarde", r.waarde)
            .o("tekst", r.tekst.as_deref())
            .o("bron", r.bron.as_deref())
            .klaar(),
    }
}

/// Cents as a JSON number in euros with at most two decimals, written
/// exactly (1520.5, not 1520.4999…): built from its decimal text.
pub(crate) fn bedrag_als_getal(cent: i64) -> Value {
    if cent % 100 == 0 {
        return Value::from(cent / 100);
    }
    serde_json::from_str::<Value>(&bedrag_tekst(cent)).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Bevolking, Vordering, VorderingSoort};
    use chrono::NaiveDate;

    #[test]
    fn type_staat_voorop_en_opties_ontbreken() {
        let r = Record::Vordering(Vordering {
            id: "VO-1".into(),
            datum: NaiveDate::from_ymd_opt(2024, 3, 1).expect("d"),
            bedrag_cent: 152_050,
            soort: VorderingSoort::Misbruik,
            inwoner: None,
            aanbieder: Some("A-1".into()),
        });
        assert_eq!(
            naar_json(&r).to_string(),
            r#"{"type":"vordering","id":"VO-1","datum":"2024-03-01","bedrag":1520.50,"soort":"misbruik","aanbieder":"A-1"}"#
                .replace("1520.50", "1520.5")
        );
        let b = Record::Bevolking(Bevolking {
            jaar: 2024,
            leeftijd_van: 0,
            leeftijd_tot: 17,
            aantal: 100,
        });
        assert_eq!(
            naar_json(&b).to_string(),
            r#"{"type":"bevolking","jaar":2024,"leeftijd_van":0,"leeftijd_tot":17,"aantal":100}"#
        );
    }

    /// The field table is consistent: the domain types are the v1 types in
    /// the import's order, names are unique, keys are fields, and every
    /// reference names a record type on an earlier line (or allows a later one).
    #[test]
    fn veldtabel_is_samenhangend() {
        let domein: Vec<&str> = RECORDSOORTEN
            .iter()
            .filter(|s| s.domein)
            .map(|s| s.naam)
            .collect();
        assert_eq!(domein, crate::store::import::SOORTEN);
        assert!(RECORDSOORTEN.iter().all(|s| s.domein == (s.sinds == 1)));
        for (i, soort) in RECORDSOORTEN.iter().enumerate() {
            assert!(
                RECORDSOORTEN[..i].iter().all(|s| s.naam != soort.naam),
                "{} twee keer",
                soort.naam
            );
            for (j, veld) in soort.velden.iter().enumerate() {
                assert!(
                    soort.velden[..j].iter().all(|v| v.naam != veld.naam),
                    "{}.{} twee keer",
                    soort.naam,
                    veld.naam
                );
                let naar = match veld.soort {
                    Soort::Verwijst { naar, later } => Some((naar, later)),
                    Soort::Lijst {
                        item: Item::Verwijst(naar),
                        ..
                    } => Some((naar, false)),
                    Soort::StapNummer => Some(("klantreis_stap", false)),
                    _ => None,
                };
                if let Some((naar, later)) = naar {
                    let plek = RECORDSOORTEN.iter().position(|s| s.naam == naar);
                    assert!(
                        plek.is_some_and(|p| p < i || (later && p == i)),
                        "{}.{} verwijst naar {naar}, dat niet eerder in het bestand staat",
                        soort.naam,
                        veld.naam
                    );
                }
            }
            for sleutel in soort.sleutel {
                assert!(
                    soort.velden.iter().any(|v| v.kolom == *sleutel),
                    "sleutel {sleutel} van {} is geen veld",
                    soort.naam
                );
            }
        }
    }
}
