//! The indicator catalogue of `indicators.md`: the doelenboom.
//!
//! Every indicator of the Almelo Actieplan sits under its strategisch doel
//! and beleidslijn (goal → beleidslijn → indicator), with its verbatim name,
//! whether the register computes it (**R**) or it comes from outside, its
//! unit and its source (*bron*). The national (BBV) and comparison counts
//! (Twenterand) form a sixth group. [`CODES`] is the flat list of codes the
//! importer checks an `indicatorwaarde` against; a test proves it equals the
//! catalogue. It is pure data in `domain` because both the store (which
//! checks codes) and the report (which computes them) read it.

/// Every indicator code of the catalogue, in the order of `indicators.md`.
pub const CODES: &[&str] = &[
    "1.1.1",
    "1.2.1",
    "1.3.1",
    "1.6.1",
    "1.7A.1",
    "1.7A.2",
    "1.7B.1",
    "1.7B.2",
    "1.8.1",
    "1.9.1",
    "1.10.1",
    "1.10.2",
    "1.10.3",
    "1.10.4",
    "1.10.5",
    "1.10.6",
    "1.11.1",
    "1.11.2",
    "1.12.1",
    "1.13.1",
    "1.13.2",
    "1.14.1-huishoudens",
    "1.14.1-inwoners",
    "1.14.2",
    "1.14.3",
    "1.14.4",
    "1.14.5",
    "1.14.6",
    "1.15.1",
    "2.1.1",
    "2.1.2",
    "2.1.3",
    "2.2.1",
    "2.2.2",
    "2.3.1",
    "2.3.2",
    "2.3.3",
    "3.1.1",
    "3.1",
    "3.2",
    "3.3",
    "3.3A.1",
    "3.3A.2",
    "3.3A.3",
    "3.4A.1",
    "3.10.1-jw",
    "3.10.2",
    "3.3.1",
    "3.3.2",
    "3.4B.1",
    "3.10.1-wmo",
    "3.4.1",
    "3.4C.1",
    "3.4C.2",
    "3.8.1",
    "3.8.2",
    "3.8.3",
    "3.2.1",
    "3.2.2",
    "3.2.3",
    "3.2.4",
    "3.2.5",
    "3.2.6",
    "3.9.1",
    "3.9.2",
    "4.1.1",
    "4.1.2",
    "4.2.1",
    "4.3.1",
    "5.1.1",
    "5.1.2",
    "5.2.1",
    "bbv-jeugdhulp",
    "bbv-jeugdbescherming",
    "bbv-jeugdreclassering",
    "bbv-wmo",
    "bbv-bijstand",
    "tw-toegekend",
    "tw-wmo",
    "tw-wmo-categorie",
    "tw-jeugd",
    "tw-jeugd-verblijf",
    "tw-jeugd-ambulant",
    "tw-jeugd-maatregel",
];

/// Whether `code` is an indicator of the catalogue.
#[must_use]
pub fn is_bekende_code(code: &str) -> bool {
    CODES.contains(&code)
}

/// A strategisch doel of the Strategisch beleidsplan (the top of the doelenboom).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Doel {
    /// Number of the goal (`"1"` … `"5"`; `"L"` for the national and comparison counts).
    pub nummer: &'static str,
    /// The goal's name, verbatim.
    pub naam: &'static str,
}

/// A beleidslijn of the Actieplan (the middle of the doelenboom).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Beleidslijn {
    /// Code as the Actieplan numbers it (`"3.4"`); empty for the groups of national counts.
    pub code: &'static str,
    /// The beleidslijn's text, verbatim from the Actieplan.
    pub titel: &'static str,
    /// The paragraph of the Actieplan it stands in (the same code appears under Jeugdwet and Wmo).
    pub paragraaf: &'static str,
}

/// Where an indicator's realised value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Herkomst {
    /// Computed from the register (**R**).
    Register,
    /// Entered or imported as `indicatorwaarde` (GGD, CBS, providers, finance).
    Extern,
}

/// The unit of an indicator's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Eenheid {
    /// A count.
    Aantal,
    /// A percentage.
    Percentage,
    /// A rate per 10 000 residents.
    PerTienduizend,
    /// A mean.
    Gemiddelde,
    /// An amount in euros.
    Euro,
}

impl Eenheid {
    /// The unit as a report shows it.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Eenheid::Aantal => "aantal",
            Eenheid::Percentage => "%",
            Eenheid::PerTienduizend => "per 10.000",
            Eenheid::Gemiddelde => "gemiddelde",
            Eenheid::Euro => "euro",
        }
    }
}

/// One indicator of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Indicator {
    /// Code (`"3.8.1"`, `"bbv-wmo"`).
    pub code: &'static str,
    /// Name, verbatim from the Actieplan (or the national definition).
    pub naam: &'static str,
    /// Its strategisch doel.
    pub doel: &'static Doel,
    /// Its beleidslijn.
    pub beleidslijn: &'static Beleidslijn,
    /// Computed or external.
    pub herkomst: Herkomst,
    /// Unit.
    pub eenheid: Eenheid,
    /// Source (*bron*) as the monitoring export shows it.
    pub bron: &'static str,
    /// Names of the breakdown keys; empty for a single value.
    pub uitsplitsing: &'static [&'static str],
}

impl Indicator {
    /// Whether the register computes it.
    #[must_use]
    pub fn is_berekend(&self) -> bool {
        self.herkomst == Herkomst::Register
    }
}

/// Goal 1.
pub const DOEL_1: Doel = Doel {
    nummer: "1",
    naam: "Bevorderen zelfoplossend vermogen",
};
/// Goal 2.
pub const DOEL_2: Doel = Doel {
    nummer: "2",
    naam: "Versterken ondersteunende sociale structuren en voorzieningen",
};
/// Goal 3.
pub const DOEL_3: Doel = Doel {
    nummer: "3",
    naam: "Ontwikkelen efficiënte en effectieve maatwerkvoorzieningen",
};
/// Goal 4.
pub const DOEL_4: Doel = Doel {
    nummer: "4",
    naam: "Organiseren efficiënte en effectieve uitvoeringsorganisatie",
};
/// Goal 5.
pub const DOEL_5: Doel = Doel {
    nummer: "5",
    naam: "Meer middelen uitvoering taken sociaal domein",
};
/// The national and comparison counts (not a goal of the Actieplan).
pub const DOEL_LANDELIJK: Doel = Doel {
    nummer: "L",
    naam: "Landelijke beleidsindicatoren en vergelijkingscijfers",
};

/// The goals in the order of the doelenboom.
pub const DOELEN: &[&Doel] = &[&DOEL_1, &DOEL_2, &DOEL_3, &DOEL_4, &DOEL_5, &DOEL_LANDELIJK];

const fn bl(code: &'static str, paragraaf: &'static str, titel: &'static str) -> Beleidslijn {
    Beleidslijn {
        code,
        titel,
        paragraaf,
    }
}

const BL_1_1: Beleidslijn = bl(
    "1.1",
    "3.5 Volwassenen",
    "Stimuleren en creëren randvoorwaarden om eigen kracht aan te wenden door onder andere aanpak laaggeletterdheid, optimaal inzetten instrumenten arbeidsmarkttoeleiding, waaronder beschut werk, maar ook bevorderen toegankelijkheid openbare ruimte en gebouwen.",
);
const BL_1_2: Beleidslijn = bl(
    "1.2",
    "3.5 Volwassenen",
    "Normaliseren waaronder accepteren en leren omgaan met beperkingen, voorkomen (te sterke) afhankelijkheid van hulpverleners en overheid en begrenzen mogelijkheden ondersteuning door gemeente",
);
const BL_1_3: Beleidslijn = bl(
    "1.3",
    "3.5 Volwassenen",
    "Stimuleren zelfredzaamheid van inwoners met een uitkering op grond van de Participatiewet en een grote afstand tot de arbeidsmarkt door inzet op maatschappelijke tegenprestatie",
);
const BL_1_6: Beleidslijn = bl(
    "1.6",
    "3.1 Van kindertwens tot geboorte",
    "Creëren van een veilig, stabiel en gezond opvoedingsklimaat onder meer door stimuleren bewuste keuze voor het ouderschap, preventieve huisbezoeken bij inwoners die eerste baby verwachten.",
);
const BL_1_7A: Beleidslijn = bl(
    "1.7A",
    "3.2 Het jonge kind (tot 4 jaar)",
    "Voorkomen onderwijsachterstanden 0 tot 4-jarigen door te investeren in verbinding kinderopvang met zorg en preventie met als uitgangspunten normaliseren en inclusie en hoogwaardig aanbod voorschoolse educatie.",
);
const BL_1_7B: Beleidslijn = bl(
    "1.7B",
    "3.3 Van kleuter tot tiener (4 tot en met 12 jaar)",
    "Voorkomen onderwijsachterstanden kinderen in de basisschoolleeftijd door te investeren in verbinding onderwijs met zorg en preventie met als uitgangspunten normaliseren en inclusie.",
);
const BL_1_8: Beleidslijn = bl(
    "1.8",
    "3.4 Tieners (12 tot 18 jaar) en jongvolwassenen (tot 23 jaar)",
    "Ten aanzien van kinderen in het voortgezet onderwijs zetten we in op bestrijden van schooluitval, verbinding onderwijs en zorg met de arbeidsmarkt om ook kwetsbare jongeren te ontwikkelen richting werk en meer zelfredzaamheid.",
);
const BL_1_9: Beleidslijn = bl(
    "1.9",
    "3.4 Tieners (12 tot 18 jaar) en jongvolwassenen (tot 23 jaar)",
    "Ontwikkeling van talenten van jongeren door creëren optimaal pedagogisch (thuis)klimaat en mogelijkheden van opvang buitenshuis.",
);
const BL_1_10: Beleidslijn = bl(
    "1.10",
    "4 Preventie",
    "Bevorderen en beschermen gezondheid door tegengaan ongezonde gewoonten en leefstijl, waaronder terugdringen roken, alcohol- en middelengebruik alsook verminderen overgewicht en stress blijkend uit de gezondheidsmonitors.",
);
const BL_1_11: Beleidslijn = bl(
    "1.11",
    "4 Preventie",
    "Systematisch volgen en signaleren van ontwikkelingen in gezondheidstoestand van jeugdigen, volwassenen en ouderen en op peil houden vaccinatiegraad infectieziekten (Rijksvaccinatieprogramma).",
);
const BL_1_12: Beleidslijn = bl(
    "1.12",
    "4 Preventie",
    "Bestrijden eenzaamheid en realiseren dementievriendelijke stad waarbij nadruk op vroegtijdig signaleren.",
);
const BL_1_13: Beleidslijn = bl(
    "1.13",
    "4 Preventie",
    "Via het instrument van de preventieagenda inzet op bevorderen van een gezonde leefstijl, vitaliteit en vergroten zelfredzaamheid door vereenvoudigen dienstverleningsstructuren.",
);
const BL_1_14_PREVENTIE: Beleidslijn = bl(
    "1.14",
    "4 Preventie",
    "Preventie gericht op voorkomen van en snel oplossen van schulden",
);
const BL_1_14: Beleidslijn = bl(
    "1.14",
    "6.4 Schuldhulpverlening en armoede",
    "Preventie gericht op voorkomen van en snel oplossen van schulden.",
);
const BL_1_15: Beleidslijn = bl(
    "1.15",
    "6.4 Schuldhulpverlening en armoede",
    "Beperken gevolgen armoede",
);
const BL_2_1: Beleidslijn = bl(
    "2.1",
    "5.1 Mantelzorgondersteuning",
    "Ten aanzien van mantelzorgondersteuning zetten we onder andere in op verbeteren van de toegang tot deze vorm van ondersteuning, ontlasten (verlichten) waaronder respijtzorg en activiteiten om mantelzorgers te waarderen.",
);
const BL_2_2: Beleidslijn = bl(
    "2.2",
    "5.2 Ondersteuning vrijwilligers",
    "Ondersteunen vrijwilligersinitiatieven en faciliteren organisaties die vrijwilligers met een beperking willen inzetten en bevorderen vrijwilligerswerk door onder andere bijeenbrengen van vraag en aanbod.",
);
const BL_2_3: Beleidslijn = bl(
    "2.3",
    "5.3 Algemene voorzieningen",
    "Uitbreiden stelsel van algemene voorzieningen waardoor beroep op maatwerk beperkt moet worden.",
);
const BL_3_1: Beleidslijn = bl(
    "3.1",
    "6 Ontwikkelen efficiënte en effectieve maatwerkvoorzieningen",
    "Stringenter definiëren inhoud maatwerkvoorzieningen met als uitgangspunt dat maatwerk een vangnet is en aanscherpen grenzen verantwoordelijkheid gemeente, verantwoordelijkheid andere organisaties (waaronder onderwijs, zorgverzekeraars en zorgkantoor) en eigen verantwoordelijkheid inwoner.",
);
const BL_3_9: Beleidslijn = bl(
    "3.9",
    "6 Ontwikkelen efficiënte en effectieve maatwerkvoorzieningen",
    "Voortzetten stevige aanpak op misbruik en oneigenlijk gebruik van voorzieningen met een toets op kwaliteit aanbieder voorafgaand aan contractering en uitwijkmogelijkheid naar persoonsgebonden budget beperken door aan verstrekkingen in de vorm van een persoonsgebonden budget dezelfde kwaliteitseisen te verbinden die wij stellen aan gecontracteerde aanbieders.",
);
const TITEL_3_3: &str = "Vereenvoudigen indeling en ordening van de maatwerkvoorzieningen met behoud van speelruimte voor aanbieders voor kwalitatief hoogwaardige dienstverlening en met tarieven passend bij het kwalificatieniveau van medewerkers waarbij rekening wordt gehouden met het beperken van de administratieve lastendruk.";
const TITEL_3_4: &str = "Bij inkoop voorzieningen wordt rekening gehouden met het door de aanbieder, zo nodig afgestemd met andere aanbieders, kunnen op- en afschalen van ondersteuning en zorg en het efficiënt en effectief kunnen combineren en inzetten van voorzieningen (door middel van de Doorbraakmethode) onder andere om een langdurige zorgafhankelijkheid te voorkomen en wachtlijsten te beperken.";
const TITEL_3_10: &str = "Beperken aantal aanbieders per voorziening, maar met behoud van een keuzemogelijkheid voor inwoners, om effectiever te kunnen sturen op de resultaten van de inzet van een voorziening waaronder het tijdig op- en afschalen van ondersteuning en zorg.";
const BL_3_3_JW: Beleidslijn = bl("3.3", "6.1 Jeugdwet", TITEL_3_3);
const BL_3_4_JW: Beleidslijn = bl("3.4", "6.1 Jeugdwet", TITEL_3_4);
const BL_3_10_JW: Beleidslijn = bl("3.10", "6.1 Jeugdwet", TITEL_3_10);
const BL_3_3_WMO: Beleidslijn = bl("3.3", "6.2.1 Maatwerkvoorzieningen Wmo", TITEL_3_3);
const BL_3_4_WMO: Beleidslijn = bl("3.4", "6.2.1 Maatwerkvoorzieningen Wmo", TITEL_3_4);
const BL_3_10_WMO: Beleidslijn = bl("3.10", "6.2.1 Maatwerkvoorzieningen Wmo", TITEL_3_10);
const BL_3_4_BW: Beleidslijn = bl(
    "3.4",
    "6.2.2 Centrumgemeentetaken beschermd wonen en maatschappelijke opvang",
    TITEL_3_4,
);
const BL_3_8: Beleidslijn = bl(
    "3.8",
    "6.2.2 Centrumgemeentetaken beschermd wonen en maatschappelijke opvang",
    "Ten aanzien van voorzieningen in het kader van beschermd wonen en maatschappelijke opvang als uitgangspunt hanteren dat een verblijf zo kort mogelijk duurt en vanaf het begin gericht is op doorstroom naar lichtere vormen van ondersteuning.",
);
const BL_3_2: Beleidslijn = bl(
    "3.2",
    "6.3 Participatiewet",
    "Ten aanzien van uitkeringen op grond van de Participatiewet wordt ingezet op het verkorten van de verblijfsduur in de uitkering waarbij als uitgangspunt wordt gehanteerd dat ieder gewerkt uur telt.",
);
const BL_4_1: Beleidslijn = bl(
    "4.1",
    "7 Organiseren efficiënte en effectieve uitvoeringsorganisatie",
    "Efficiënt en effectief inrichten van de (wijk)teams met focus op het resultaat dat met inzet van voorzieningen moet worden bereikt.",
);
const BL_4_2: Beleidslijn = bl(
    "4.2",
    "7 Organiseren efficiënte en effectieve uitvoeringsorganisatie",
    "Verbeteren samenwerking en vastleggen afspraken met externe verwijzers waardoor grip op verwijzingen wordt versterkt en huisartsen worden ontlast",
);
const BL_4_3: Beleidslijn = bl(
    "4.3",
    "7 Organiseren efficiënte en effectieve uitvoeringsorganisatie",
    "Stimuleren verbeteren aansluiting onafhankelijke cliëntondersteuning sociaal domein en onafhankelijke cliëntondersteuning in het kader van de Wlz",
);
const BL_5_1: Beleidslijn = bl(
    "5.1",
    "8 Meer middelen uitvoering taken sociaal domein",
    "Inzetten op verhogen en eerlijker verdeling macrobudget Gemeentefonds voor het sociaal domein.",
);
const BL_5_2: Beleidslijn = bl(
    "5.2",
    "8 Meer middelen uitvoering taken sociaal domein",
    "Inzetten op herinvoeren inkomensafhankelijke bijdrage in de Wmo in het bijzonder en meer mogelijkheden voor het opleggen van eigen bijdragen voor ondersteuning in het algemeen.",
);
const BL_BBV: Beleidslijn = bl(
    "",
    "Landelijk",
    "Verplichte beleidsindicatoren BBV (waarstaatjegemeente.nl)",
);
const BL_TW: Beleidslijn = bl(
    "",
    "Vergelijking",
    "Unieke inwoners met een lopende indicatie (telwijze Twenterand)",
);

/// Source of the register's own counts.
pub const BRON_REGISTER: &str = "Eigen registratie (wijkregister)";
const BRON_BBV: &str = "Eigen registratie (wijkregister); bevolking: CBS";
const BRON_GGD: &str = "GGD Twente, Gezondheidsmonitor";
const BRON_CBS: &str = "CBS";
const BRON_FINANCIEN: &str = "Financiële administratie gemeente";
const BRON_PW: &str = "Uitkeringsadministratie Participatiewet";

const PER_VOORZIENING_AANBIEDER: &[&str] = &["voorziening", "aanbieder"];
const PER_AANBIEDER: &[&str] = &["aanbieder"];

const fn r(
    code: &'static str,
    naam: &'static str,
    doel: &'static Doel,
    beleidslijn: &'static Beleidslijn,
    eenheid: Eenheid,
) -> Indicator {
    Indicator {
        code,
        naam,
        doel,
        beleidslijn,
        herkomst: Herkomst::Register,
        eenheid,
        bron: BRON_REGISTER,
        uitsplitsing: &[],
    }
}

const fn e(
    code: &'static str,
    naam: &'static str,
    doel: &'static Doel,
    beleidslijn: &'static Beleidslijn,
    eenheid: Eenheid,
    bron: &'static str,
) -> Indicator {
    Indicator {
        code,
        naam,
        doel,
        beleidslijn,
        herkomst: Herkomst::Extern,
        eenheid,
        bron,
        uitsplitsing: &[],
    }
}

const fn per(mut indicator: Indicator, sleutels: &'static [&'static str]) -> Indicator {
    indicator.uitsplitsing = sleutels;
    indicator
}

const fn bron(mut indicator: Indicator, bron: &'static str) -> Indicator {
    indicator.bron = bron;
    indicator
}

use Eenheid::{Aantal, Euro, Gemiddelde, PerTienduizend, Percentage};

/// The whole catalogue in the order of [`CODES`] (and of `indicators.md`).
pub const CATALOGUS: &[Indicator] = &[
    e(
        "1.1.1",
        "Aantal deelnemers aanpak laaggeletterdheid",
        &DOEL_1,
        &BL_1_1,
        Aantal,
        "Opgave aanbieders aanpak laaggeletterdheid",
    ),
    r(
        "1.2.1",
        "Aantal verstrekte woonvoorzieningen Wmo",
        &DOEL_1,
        &BL_1_2,
        Aantal,
    ),
    e(
        "1.3.1",
        "Aantal inwoners met een bijstandsuitkering dat een maatschappelijke tegenprestatie levert",
        &DOEL_1,
        &BL_1_3,
        Aantal,
        BRON_PW,
    ),
    e(
        "1.6.1",
        "Aantal preventieve huisbezoeken bij kwetsbare zwangeren en aanstaande ouders",
        &DOEL_1,
        &BL_1_6,
        Aantal,
        "Opgave jeugdgezondheidszorg en verloskundigen",
    ),
    e(
        "1.7A.1",
        "Aantal peuters in voorschoolse educatie met risico onderwijsachterstand",
        &DOEL_1,
        &BL_1_7A,
        Aantal,
        "Monitor voor- en vroegschoolse educatie",
    ),
    r(
        "1.7A.2",
        "Aantal kinderen tot 4 jaar met een Jeugdwet voorziening",
        &DOEL_1,
        &BL_1_7A,
        Aantal,
    ),
    e(
        "1.7B.1",
        "Percentage kinderen in de basisschoolleeftijd met een onderwijsachterstand (CBS)",
        &DOEL_1,
        &BL_1_7B,
        Percentage,
        BRON_CBS,
    ),
    e(
        "1.7B.2",
        "Percentage leerlingen met ongeoorloofd schoolverzuim",
        &DOEL_1,
        &BL_1_7B,
        Percentage,
        "Leerplichtadministratie",
    ),
    e(
        "1.8.1",
        "Aantal voortijdige schoolverlaters",
        &DOEL_1,
        &BL_1_8,
        Aantal,
        "DUO / Regionale Meld- en Coördinatiefunctie (RMC)",
    ),
    e(
        "1.9.1",
        "Aantal jeugdigen in verschillende leeftijdsgroepen dat gebruik maakt van inloop in de wijken",
        &DOEL_1,
        &BL_1_9,
        Aantal,
        "Opgave jongerenwerk",
    ),
    e(
        "1.10.1",
        "Percentage inwoners dat rookt",
        &DOEL_1,
        &BL_1_10,
        Percentage,
        BRON_GGD,
    ),
    e(
        "1.10.2",
        "Percentage inwoners dat overmatig alcohol gebruikt",
        &DOEL_1,
        &BL_1_10,
        Percentage,
        BRON_GGD,
    ),
    e(
        "1.10.3",
        "Het percentage gebruikers van softdrugs in de laatste 4 weken",
        &DOEL_1,
        &BL_1_10,
        Percentage,
        BRON_GGD,
    ),
    e(
        "1.10.4",
        "Het percentage jongeren dat ooit harddrugs en lachgas heeft gebruikt",
        &DOEL_1,
        &BL_1_10,
        Percentage,
        BRON_GGD,
    ),
    e(
        "1.10.5",
        "Percentage leerlingen in het basis en voortgezet onderwijs en inwoners van 65 jaar en ouder met overgewicht",
        &DOEL_1,
        &BL_1_10,
        Percentage,
        BRON_GGD,
    ),
    e(
        "1.10.6",
        "Het aantal inwoners dat regelmatig beweegt en sport",
        &DOEL_1,
        &BL_1_10,
        Aantal,
        BRON_GGD,
    ),
    e(
        "1.11.1",
        "Vaccinatiegraden kinderen voor DKTP en BMR",
        &DOEL_1,
        &BL_1_11,
        Percentage,
        "RIVM, Rijksvaccinatieprogramma",
    ),
    e(
        "1.11.2",
        "Percentage jongeren dat stress ervaart in de drie categorieën (sociale media, school/huiswerk en alles wat ze moeten doen)",
        &DOEL_1,
        &BL_1_11,
        Percentage,
        BRON_GGD,
    ),
    e(
        "1.12.1",
        "Percentage inwoners dat zich eenzaam voelt",
        &DOEL_1,
        &BL_1_12,
        Percentage,
        BRON_GGD,
    ),
    e(
        "1.13.1",
        "Percentage inwoners tussen de 19 en 65 jaar dat aangeeft onvoldoende zelfregie te hebben",
        &DOEL_1,
        &BL_1_13,
        Percentage,
        BRON_GGD,
    ),
    e(
        "1.13.2",
        "Het percentage inwoners dat de gezondheid als goed ervaart in de leeftijdsgroep van 19 tot 65 jaar en de leeftijdsgroep ouder dan 65 jaar",
        &DOEL_1,
        &BL_1_13,
        Percentage,
        BRON_GGD,
    ),
    e(
        "1.14.1-huishoudens",
        "Het aantal huishoudens met problematische schulden",
        &DOEL_1,
        &BL_1_14_PREVENTIE,
        Aantal,
        BRON_CBS,
    ),
    e(
        "1.14.1-inwoners",
        "Aantal inwoners met problematische schulden (CBS)",
        &DOEL_1,
        &BL_1_14,
        Aantal,
        BRON_CBS,
    ),
    r(
        "1.14.2",
        "Aantal inwoners met trajecten bij de Stadsbank",
        &DOEL_1,
        &BL_1_14,
        Aantal,
    ),
    r(
        "1.14.3",
        "Aantal inwoners in trajecten bij schuldspecialisten",
        &DOEL_1,
        &BL_1_14,
        Aantal,
    ),
    r(
        "1.14.4",
        "Aantal recidivisten dat terugkomt in schuldhulpverleningstraject",
        &DOEL_1,
        &BL_1_14,
        Aantal,
    ),
    r(
        "1.14.5",
        "Aantal inwoners jonger dan 27 jaar met uitkering Pw",
        &DOEL_1,
        &BL_1_14,
        Aantal,
    ),
    e(
        "1.14.6",
        "Aantal inwoners met bijzondere bijstand voor bewindvoeringskosten",
        &DOEL_1,
        &BL_1_14,
        Aantal,
        BRON_PW,
    ),
    e(
        "1.15.1",
        "Aantal kinderen dat opgroeit in armoede",
        &DOEL_1,
        &BL_1_15,
        Aantal,
        BRON_CBS,
    ),
    e(
        "2.1.1",
        "Aantal ingeschreven mantelzorgers voor ondersteuning",
        &DOEL_2,
        &BL_2_1,
        Aantal,
        "Opgave steunpunt mantelzorg",
    ),
    e(
        "2.1.2",
        "Aantal deelnemers aan activiteiten voor mantelzorgers",
        &DOEL_2,
        &BL_2_1,
        Aantal,
        "Opgave steunpunt mantelzorg",
    ),
    e(
        "2.1.3",
        "Aantal inwoners dat gebruik maakt van individuele hulp",
        &DOEL_2,
        &BL_2_1,
        Aantal,
        "Opgave steunpunt mantelzorg",
    ),
    e(
        "2.2.1",
        "Aantal ingeschreven vrijwilligers bij Almelo voor Elkaar",
        &DOEL_2,
        &BL_2_2,
        Aantal,
        "Almelo voor Elkaar",
    ),
    e(
        "2.2.2",
        "Aantal ondersteunde vrijwilligers met een beperking",
        &DOEL_2,
        &BL_2_2,
        Aantal,
        "Almelo voor Elkaar",
    ),
    r(
        "2.3.1",
        "Aantal hulpvragen opgelost binnen algemene voorzieningen",
        &DOEL_2,
        &BL_2_3,
        Aantal,
    ),
    e(
        "2.3.2",
        "Aantal inwoners met voorziening OMD",
        &DOEL_2,
        &BL_2_3,
        Aantal,
        "Opgave aanbieders algemene voorzieningen",
    ),
    e(
        "2.3.3",
        "Aantal deelnemers Wijkkamers en activiteiten dagstructurering",
        &DOEL_2,
        &BL_2_3,
        Aantal,
        "Opgave aanbieders algemene voorzieningen",
    ),
    per(
        r(
            "3.1.1",
            "Totaal aantal verstrekte voorzieningen op jaarbasis: Jeugdwet, Wet maatschappelijke ondersteuning, Participatiewet, Leerlingenvervoer, Wet inburgering nieuwkomers",
            &DOEL_3,
            &BL_3_1,
            Aantal,
        ),
        &["wet"],
    ),
    per(
        r(
            "3.1",
            "Aantal jeugdigen met een voorziening in het kader van de Jeugdwet per voorziening per aanbieder",
            &DOEL_3,
            &BL_3_3_JW,
            Aantal,
        ),
        PER_VOORZIENING_AANBIEDER,
    ),
    per(
        r(
            "3.2",
            "Aantal jeugdigen met hulp via een maatwerkcontract per aanbieder",
            &DOEL_3,
            &BL_3_3_JW,
            Aantal,
        ),
        PER_AANBIEDER,
    ),
    per(
        r(
            "3.3",
            "Aantal jeugdigen met een voorziening uitgesplitst naar verwijzer",
            &DOEL_3,
            &BL_3_3_JW,
            Aantal,
        ),
        &["verwijzer"],
    ),
    e(
        "3.3A.1",
        "Tevredenheid cijfers leerkrachten, ouders en wijkcoaches binnen pilots onderwijs-jeugdhulp",
        &DOEL_3,
        &BL_3_3_JW,
        Gemiddelde,
        "Evaluatie pilots onderwijs-jeugdhulp",
    ),
    e(
        "3.3A.2",
        "Aantal jeugdigen met jeugdhulp op school (aantal trajecten individueel en groepsgericht)",
        &DOEL_3,
        &BL_3_3_JW,
        Aantal,
        "Evaluatie pilots onderwijs-jeugdhulp",
    ),
    e(
        "3.3A.3",
        "Percentage kinderen dat uitstroomt naar regulier onderwijs",
        &DOEL_3,
        &BL_3_3_JW,
        Percentage,
        "Evaluatie pilots onderwijs-jeugdhulp",
    ),
    r(
        "3.4A.1",
        "Aantal trajecten met jeugdhulp in Doorbraakmethode",
        &DOEL_3,
        &BL_3_4_JW,
        Aantal,
    ),
    r(
        "3.10.1-jw",
        "Aantal gecontracteerde aanbieders Jeugd (Jw)",
        &DOEL_3,
        &BL_3_10_JW,
        Aantal,
    ),
    r(
        "3.10.2",
        "Aantal maatwerkcontracten voorzieningen Jw",
        &DOEL_3,
        &BL_3_10_JW,
        Aantal,
    ),
    per(
        r(
            "3.3.1",
            "Aantal inwoners met een voorziening in het kader van de Wmo per voorziening per aanbieder uitgesplitst",
            &DOEL_3,
            &BL_3_3_WMO,
            Aantal,
        ),
        PER_VOORZIENING_AANBIEDER,
    ),
    per(
        r(
            "3.3.2",
            "Aantal inwoners met hulp via een maatwerkcontract per aanbieder",
            &DOEL_3,
            &BL_3_3_WMO,
            Aantal,
        ),
        PER_AANBIEDER,
    ),
    r(
        "3.4B.1",
        "Aantal trajecten met voorziening Wmo in Doorbraakmethode",
        &DOEL_3,
        &BL_3_4_WMO,
        Aantal,
    ),
    r(
        "3.10.1-wmo",
        "Aantal gecontracteerde aanbieders Wmo",
        &DOEL_3,
        &BL_3_10_WMO,
        Aantal,
    ),
    r(
        "3.4.1",
        "Aantal aanbieders per cliënt binnen BW en MO",
        &DOEL_3,
        &BL_3_4_BW,
        Gemiddelde,
    ),
    r(
        "3.4C.1",
        "Aantal jongeren (18+) van Jw-voorziening naar BW",
        &DOEL_3,
        &BL_3_4_BW,
        Aantal,
    ),
    r(
        "3.4C.2",
        "Aantal inwoners op wachtlijst BW",
        &DOEL_3,
        &BL_3_4_BW,
        Aantal,
    ),
    r(
        "3.8.1",
        "Totaal aantal personen met voorziening beschermd wonen",
        &DOEL_3,
        &BL_3_8,
        Aantal,
    ),
    r(
        "3.8.2",
        "Aantal inwoners Almelo met voorziening beschermd wonen",
        &DOEL_3,
        &BL_3_8,
        Aantal,
    ),
    r(
        "3.8.3",
        "Totaal aantal mensen in de 24-uurs opvang",
        &DOEL_3,
        &BL_3_8,
        Aantal,
    ),
    r(
        "3.2.1",
        "Aantal inwoners met periodieke Pw-uitkering",
        &DOEL_3,
        &BL_3_2,
        Aantal,
    ),
    r(
        "3.2.2",
        "Aantal inwoners korter dan 3 jaar met Pw-uitkering",
        &DOEL_3,
        &BL_3_2,
        Aantal,
    ),
    e(
        "3.2.3",
        "Budget Pw (inclusief BUIG)",
        &DOEL_3,
        &BL_3_2,
        Euro,
        BRON_FINANCIEN,
    ),
    e(
        "3.2.4",
        "Aantal inwoners werkzaam met loonkostensubsidie",
        &DOEL_3,
        &BL_3_2,
        Aantal,
        BRON_PW,
    ),
    e(
        "3.2.5",
        "Aantal inwoners met Beschut werk ten opzichte van het aantal indicatiestellingen UWW",
        &DOEL_3,
        &BL_3_2,
        Aantal,
        "UWV; uitkeringsadministratie Participatiewet",
    ),
    e(
        "3.2.6",
        "Totale omvang van de inzet van het loonkostensubsidie budget",
        &DOEL_3,
        &BL_3_2,
        Euro,
        BRON_FINANCIEN,
    ),
    r(
        "3.9.1",
        "Aantal ontnemingsvorderingen op jaarbasis",
        &DOEL_3,
        &BL_3_9,
        Aantal,
    ),
    r("3.9.2", "Totaal bedrag vorderingen", &DOEL_3, &BL_3_9, Euro),
    per(
        r(
            "4.1.1",
            "Aantal inwoners dat zich meldt voor voorzieningen (per voorziening)",
            &DOEL_4,
            &BL_4_1,
            Aantal,
        ),
        &["voorziening"],
    ),
    r(
        "4.1.2",
        "Aantal inwoners dat na melding wordt verwezen naar algemene voorzieningen",
        &DOEL_4,
        &BL_4_1,
        Aantal,
    ),
    per(
        r(
            "4.2.1",
            "Aantal verwijzingen door externe verwijzers (per verwijzer en voorziening)",
            &DOEL_4,
            &BL_4_2,
            Aantal,
        ),
        &["verwijzer", "voorziening"],
    ),
    e(
        "4.3.1",
        "Percentage inwoners bekend met onafhankelijke cliëntondersteuning",
        &DOEL_4,
        &BL_4_3,
        Percentage,
        "Cliëntervaringsonderzoek Wmo en Jeugd",
    ),
    e(
        "5.1.1",
        "Budget gemeentefonds sociaal domein",
        &DOEL_5,
        &BL_5_1,
        Euro,
        BRON_FINANCIEN,
    ),
    e(
        "5.1.2",
        "Uitgaven sociaal domein",
        &DOEL_5,
        &BL_5_1,
        Euro,
        BRON_FINANCIEN,
    ),
    e(
        "5.2.1",
        "Opbrengsten eigen bijdragen",
        &DOEL_5,
        &BL_5_2,
        Euro,
        "CAK; financiële administratie gemeente",
    ),
    bron(
        r(
            "bbv-jeugdhulp",
            "Jongeren met jeugdhulp (% van de inwoners 0–17 jaar)",
            &DOEL_LANDELIJK,
            &BL_BBV,
            Percentage,
        ),
        BRON_BBV,
    ),
    bron(
        r(
            "bbv-jeugdbescherming",
            "Jongeren met jeugdbescherming (% van de inwoners 0–17 jaar)",
            &DOEL_LANDELIJK,
            &BL_BBV,
            Percentage,
        ),
        BRON_BBV,
    ),
    bron(
        r(
            "bbv-jeugdreclassering",
            "Jongeren met jeugdreclassering (% van de inwoners 12–22 jaar)",
            &DOEL_LANDELIJK,
            &BL_BBV,
            Percentage,
        ),
        BRON_BBV,
    ),
    bron(
        r(
            "bbv-wmo",
            "Cliënten met een maatwerkarrangement Wmo (per 10.000 inwoners)",
            &DOEL_LANDELIJK,
            &BL_BBV,
            PerTienduizend,
        ),
        BRON_BBV,
    ),
    bron(
        r(
            "bbv-bijstand",
            "Personen met een bijstandsuitkering (per 10.000 inwoners van 18 jaar en ouder)",
            &DOEL_LANDELIJK,
            &BL_BBV,
            PerTienduizend,
        ),
        BRON_BBV,
    ),
    r(
        "tw-toegekend",
        "Toegekende maatwerkvoorzieningen totaal",
        &DOEL_LANDELIJK,
        &BL_TW,
        Aantal,
    ),
    r(
        "tw-wmo",
        "Aantal inwoners met een Wmo-voorziening",
        &DOEL_LANDELIJK,
        &BL_TW,
        Aantal,
    ),
    per(
        r(
            "tw-wmo-categorie",
            "Aantal inwoners met een Wmo-voorziening, per Wmo-categorie",
            &DOEL_LANDELIJK,
            &BL_TW,
            Aantal,
        ),
        &["categorie"],
    ),
    r(
        "tw-jeugd",
        "Totaal aantal unieke jeugdigen dat geïndiceerde zorg heeft ontvangen",
        &DOEL_LANDELIJK,
        &BL_TW,
        Aantal,
    ),
    r(
        "tw-jeugd-verblijf",
        "Totaal aantal unieke jeugdigen met verblijf",
        &DOEL_LANDELIJK,
        &BL_TW,
        Aantal,
    ),
    r(
        "tw-jeugd-ambulant",
        "Totaal aantal unieke jeugdigen met ambulante zorg",
        &DOEL_LANDELIJK,
        &BL_TW,
        Aantal,
    ),
    r(
        "tw-jeugd-maatregel",
        "Totaal aantal unieke jeugdigen met een maatregel (ondertoezichtstelling of uithuisplaatsing)",
        &DOEL_LANDELIJK,
        &BL_TW,
        Aantal,
    ),
];

/// The catalogue entry of `code`.
#[must_use]
pub fn indicator(code: &str) -> Option<&'static Indicator> {
    CATALOGUS.iter().find(|i| i.code == code)
}

/// One beleidslijn of the doelenboom with its indicators.
#[derive(Debug, Clone)]
pub struct Tak {
    /// The beleidslijn (as it first appears in the Actieplan).
    pub beleidslijn: &'static Beleidslijn,
    /// Every paragraph of the Actieplan it stands in, in order (3.3 stands
    /// under Jeugdwet and under Wmo).
    pub paragrafen: Vec<&'static str>,
    /// Its indicators, in catalogue order.
    pub indicatoren: Vec<&'static Indicator>,
}

/// One goal of the doelenboom with its beleidslijnen.
#[derive(Debug, Clone)]
pub struct Stam {
    /// The goal.
    pub doel: &'static Doel,
    /// Its beleidslijnen in the order their first indicator appears.
    pub takken: Vec<Tak>,
}

/// The doelenboom: goals → beleidslijnen → indicators, in catalogue order.
/// Each beleidslijn appears once under its goal: one that the Actieplan
/// repeats in another paragraph (3.3 under Jeugdwet and under Wmo) is one
/// branch with both paragraphs and the indicators of both.
#[must_use]
pub fn doelenboom() -> Vec<Stam> {
    let alle: Vec<&'static Indicator> = CATALOGUS.iter().collect();
    doelenboom_van(&alle)
}

/// The doelenboom of `indicatoren` (the catalogue and the municipality's
/// own indicators, in that order), as [`doelenboom`].
#[must_use]
pub fn doelenboom_van(indicatoren: &[&'static Indicator]) -> Vec<Stam> {
    let mut boom: Vec<Stam> = Vec::new();
    for doel in DOELEN {
        let mut takken: Vec<Tak> = Vec::new();
        for ind in indicatoren.iter().copied().filter(|i| i.doel == *doel) {
            let bl = ind.beleidslijn;
            let zelfde = |t: &&mut Tak| {
                if bl.code.is_empty() {
                    *t.beleidslijn == *bl
                } else {
                    t.beleidslijn.code == bl.code
                }
            };
            match takken.iter_mut().find(zelfde) {
                Some(tak) => {
                    if !tak.paragrafen.contains(&bl.paragraaf) {
                        tak.paragrafen.push(bl.paragraaf);
                    }
                    tak.indicatoren.push(ind);
                }
                None => takken.push(Tak {
                    beleidslijn: bl,
                    paragrafen: vec![bl.paragraaf],
                    indicatoren: vec![ind],
                }),
            }
        }
        boom.push(Stam { doel, takken });
    }
    boom
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "tests may panic")]
mod tests {
    use super::*;

    #[test]
    fn codes_uniek() {
        let mut gezien = std::collections::HashSet::new();
        for c in CODES {
            assert!(gezien.insert(c), "dubbele code {c}");
        }
        assert!(is_bekende_code("3.8.1"));
        assert!(is_bekende_code("1.10.4"));
        assert!(!is_bekende_code("9.9.9"));
    }

    #[test]
    fn catalogus_volgt_codes() {
        let codes: Vec<&str> = CATALOGUS.iter().map(|i| i.code).collect();
        assert_eq!(codes, CODES);
    }

    #[test]
    fn boom_bevat_elke_indicator_een_keer() {
        let boom = doelenboom();
        assert_eq!(boom.len(), 6);
        let aantal: usize = boom
            .iter()
            .flat_map(|s| &s.takken)
            .map(|t| t.indicatoren.len())
            .sum();
        assert_eq!(aantal, CATALOGUS.len());
        let doel3 = &boom[2];
        assert_eq!(
            doel3.doel.naam,
            "Ontwikkelen efficiënte en effectieve maatwerkvoorzieningen"
        );
        // Each beleidslijn once, with every paragraph it stands in.
        let mut gezien = std::collections::HashSet::new();
        for stam in &boom {
            for tak in &stam.takken {
                if !tak.beleidslijn.code.is_empty() {
                    assert!(
                        gezien.insert(tak.beleidslijn.code),
                        "{} twee keer",
                        tak.beleidslijn.code
                    );
                }
            }
        }
        let drie_vier = doel3
            .takken
            .iter()
            .find(|t| t.beleidslijn.code == "3.4")
            .expect("tak");
        let codes: Vec<&str> = drie_vier.indicatoren.iter().map(|i| i.code).collect();
        assert_eq!(codes, ["3.4A.1", "3.4B.1", "3.4.1", "3.4C.1", "3.4C.2"]);
        assert_eq!(drie_vier.paragrafen.len(), 3);
        assert!(drie_vier.paragrafen[2].starts_with("6.2.2"));
        assert_eq!(indicator("3.8.1").map(Indicator::is_berekend), Some(true));
        assert_eq!(indicator("1.10.1").map(|i| i.bron), Some(BRON_GGD));
    }
}
