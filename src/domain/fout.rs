//! Typed validation errors of the domain, with messages in Dutch for the
//! people who will read them (intakers in a form, a beheerder reading an
//! import report).

use chrono::NaiveDate;

use super::bsn::BsnFout;
use super::datum;

/// What is wrong with one value.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DomeinFout {
    /// A required value is absent.
    #[error("is verplicht maar ontbreekt")]
    Verplicht,
    /// A text that must hold something is empty.
    #[error("mag niet leeg zijn")]
    Leeg,
    /// A text is longer than the register accepts.
    #[error("is te lang ({lengte} tekens; hoogstens {max})")]
    TeLang {
        /// Characters given.
        lengte: usize,
        /// Characters allowed.
        max: usize,
    },
    /// The BSN fails its check.
    #[error("ongeldig BSN: {0}")]
    Bsn(#[from] BsnFout),
    /// Not a calendar date in the expected form.
    #[error("'{0}' is geen geldige datum (verwacht jjjj-mm-dd)")]
    Datum(String),
    /// A code that is not in its value list.
    #[error("'{waarde}' is geen toegestane waarde; kies uit {toegestaan}")]
    NietInLijst {
        /// What was given.
        waarde: String,
        /// The allowed codes, as text.
        toegestaan: String,
    },
    /// A date lies before a date it must follow.
    #[error("{datum} ligt vóór {eerder_veld} ({eerder}); dat kan niet", datum = datum::nl(*datum), eerder = datum::nl(*eerder))]
    DatumVoor {
        /// The date that is too early.
        datum: NaiveDate,
        /// The name of the field it must follow.
        eerder_veld: &'static str,
        /// That field's date.
        eerder: NaiveDate,
    },
    /// A maatwerk provision has no law.
    #[error("een maatwerkvoorziening valt onder een wet; vul de wet in")]
    WetVerplichtVoorMaatwerk,
    /// A maatwerk provision under Wmo or Jeugdwet has no national category.
    #[error("een maatwerkvoorziening onder de {wet} heeft een productcategorie nodig")]
    CategorieVerplicht {
        /// The law's label.
        wet: &'static str,
    },
    /// A category code outside the law's national list.
    #[error("'{categorie}' is geen productcategorie van de {wet}")]
    CategorieOngeldig {
        /// What was given.
        categorie: String,
        /// The law's label.
        wet: &'static str,
    },
    /// A KvK number that is not eight digits.
    #[error("'{0}' is geen KvK-nummer (8 cijfers)")]
    Kvk(String),
    /// An AVE level outside 0–4.
    #[error("AVE-niveau {0} bestaat niet; het niveau is 0 tot en met 4")]
    AveNiveau(i64),
    /// Level 3 or 4 without procesregisseur.
    #[error("vanaf AVE-niveau 3 ligt de procesregie bij een procesregisseur; vul die in")]
    ProcesregisseurVerplicht,
    /// A reference to a medewerker who is not in the register.
    #[error("'{0}' is geen medewerker in het register")]
    OnbekendeMedewerker(String),
    /// AVE level 3 or 4 with a child in the household, procesregie not with
    /// a procesmanager and no reason why not (AP ch. 7).
    #[error(
        "er is een kind onder de 18 in het huishouden: vanaf niveau 3 ligt de procesregie dan bij een procesmanager; kies een procesmanager of schrijf op waarom niet"
    )]
    ProcesmanagerBijKinderen,
    /// A date after today where only the past or today makes sense.
    #[error("{} ligt in de toekomst; dat kan niet", datum::nl(*.0))]
    DatumNaVandaag(NaiveDate),
    /// Not exactly the five AVE levels 0–4.
    #[error(
        "er zijn precies vijf AVE-niveaus (0 tot en met 4), elk één keer; er zijn er {0} opgegeven"
    )]
    AveNiveausAantal(usize),
    /// The action needs a medewerker with a certain role.
    #[error("alleen een medewerker met de rol {rol} mag dit")]
    RolVereist {
        /// The role's label.
        rol: &'static str,
    },
    /// A rung of the afwegingsladder is unanswered.
    #[error("de afwegingsladder is niet af: '{trede}' is niet beantwoord")]
    AfwegingOntbreekt {
        /// The rung's Dutch name.
        trede: &'static str,
    },
    /// Only some rungs of the afweging are given.
    #[error("de afweging heeft vier antwoorden of geen; er ontbreekt er een")]
    AfwegingOnvolledig,
    /// A refused decision with a start or end date.
    #[error("een afgewezen besluit heeft geen start- of einddatum")]
    AfgewezenMetLevering,
    /// A closed melding without outcome.
    #[error("een afgesloten melding heeft een uitkomst nodig")]
    UitkomstVerplicht,
    /// A finished referral without its date or result.
    #[error("is verplicht bij status 'afgerond'")]
    VerplichtBijAfgerond,
    /// A recovery names neither resident nor provider.
    #[error("een vordering noemt een inwoner of een aanbieder (of beide)")]
    VorderingZonderPartij,
    /// An amount that is negative, not a number, or has more than two decimals.
    #[error("'{0}' is geen bedrag in euro's met hoogstens twee decimalen")]
    Bedrag(String),
    /// A number outside its range.
    #[error("{waarde} ligt buiten het bereik {van} tot en met {tot}")]
    BuitenBereik {
        /// What was given.
        waarde: i64,
        /// Lowest allowed.
        van: i64,
        /// Highest allowed.
        tot: i64,
    },
    /// An age band whose upper bound lies under its lower bound.
    #[error("leeftijd_tot ({tot}) ligt onder leeftijd_van ({van})")]
    LeeftijdsbandOmgekeerd {
        /// Lower bound.
        van: u8,
        /// Upper bound.
        tot: u8,
    },
    /// A text holding an invisible control character (NUL, escape, …).
    #[error(
        "bevat een onzichtbaar stuurteken (U+{code:04X}) op positie {positie}; zulke tekens horen niet in een tekst"
    )]
    Stuurteken {
        /// The character's code point.
        code: u32,
        /// 1-based character position in the text.
        positie: usize,
    },
    /// A BSN that an earlier line of the same exchange file already gave.
    #[error(
        "BSN {bsn} staat al op regel {regel} van dit bestand (inwoner '{inwoner}'); één BSN hoort bij één inwoner"
    )]
    BsnAlInBestand {
        /// The BSN.
        bsn: String,
        /// The earlier line.
        regel: u64,
        /// The resident of that line.
        inwoner: String,
    },
    /// A BSN that belongs to a resident already in the register.
    #[error(
        "BSN {bsn} is al bekend bij inwoner '{inwoner}' in het register; één BSN hoort bij één inwoner"
    )]
    BsnAlInRegister {
        /// The BSN.
        bsn: String,
        /// The resident who has it.
        inwoner: String,
    },
    /// A code that another record already has.
    #[error("'{0}' bestaat al; kies een andere code")]
    CodeBestaat(String),
    /// A record that cannot go because other records use it.
    #[error("{0}")]
    InGebruik(String),
    /// An own indicator that would take a code of the catalogue.
    #[error("'{0}' is een code uit de catalogus van het actieplan; kies een eigen code")]
    CatalogusCode(String),
    /// A code with characters an indicator code does not have.
    #[error(
        "'{0}' is geen geldige code: gebruik letters, cijfers, punt en streepje (hoogstens 20 tekens)"
    )]
    OngeldigeCode(String),
    /// A rule of the klantreis, the afwegingsladder or the sociale kaart.
    #[error(transparent)]
    Klantreis(#[from] super::klantreis::KlantreisFout),
}

/// A validation error tied to the field it concerns (exchange field name).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("veld '{veld}': {fout}")]
pub struct Veldfout {
    /// The field name as in the exchange format (`bsn`, `eind`, …).
    pub veld: &'static str,
    /// What is wrong.
    pub fout: DomeinFout,
}

impl Veldfout {
    /// Ties an error to a field.
    #[must_use]
    pub fn new(veld: &'static str, fout: DomeinFout) -> Veldfout {
        Veldfout { veld, fout }
    }
}
