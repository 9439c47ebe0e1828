//! The klantreis (domain.md, "The klantreis"): the steps a melding moves
//! through, the afwegingsladder, the life domains (*leefgebieden*), the legal
//! deadlines of an open melding or aanvraag, and the pure rules of the
//! werkvoorraad.
//!
//! Everything here works on plain values and takes "today" as a parameter;
//! the store (`store::klantreis`, `store::werkvoorraad`) reads and writes the
//! data and calls these rules, so they can be tested on fixed dates.
//!
//! Step order. A melding starts with [`Stap::Melding`]; what may follow a
//! step is [`Stap::volgende`]:
//!
//! | after | may follow |
//! |---|---|
//! | melding | gesprek; afsluiting (only with *informatie en advies*); ingetrokken |
//! | gesprek | analyse; ingetrokken |
//! | analyse | afweging; ingetrokken |
//! | afweging | verwijzing, aanvraag + besluit, geen ondersteuning, ingetrokken; afsluiting (when a rung of the ladder solved the need) |
//! | verwijzing | another verwijzing, aanvraag + besluit, afsluiting |
//! | aanvraag + besluit | levering en evaluatie, another besluit, verwijzing, afsluiting (e.g. after a refusal) |
//! | levering en evaluatie | levering en evaluatie (evaluation), aanvraag + besluit (op- en afschalen), verwijzing, afsluiting |
//! | geen ondersteuning, ingetrokken | afsluiting |
//! | afsluiting | nothing |
//!
//! So only two skips exist: straight from melding to afsluiting with
//! *informatie en advies*, and from afweging to afsluiting when the
//! resident's own strength or network solves the need. A resident may
//! withdraw (*ingetrokken*) at any point before the decision.

use chrono::{Months, NaiveDate};
use std::fmt;

use super::datum;
use super::fout::{DomeinFout, Veldfout};
use super::records::{Afweging, MAX_TEKST};
use super::termijnen::{TermijnSoort, TermijnStatus};
use super::waarden::{MeldingUitkomst, Wet, codes_als_tekst, waardelijst};

waardelijst! {
    /// A life domain (*leefgebied*) a question touches, as the wijkteams use
    /// them in the verklarende analyse (AP ch. 7, zelfredzaamheidsmatrix).
    Leefgebied {
        /// Money, debts.
        Financien => "financien", "Financiën";
        /// Work, school and daytime activity.
        WerkDagbesteding => "werk-dagbesteding", "Werk en dagbesteding";
        /// Housing.
        Huisvesting => "huisvesting", "Huisvesting";
        /// Relations within the household.
        HuiselijkeRelaties => "huiselijke-relaties", "Huiselijke relaties";
        /// Mental health.
        GeestelijkeGezondheid => "geestelijke-gezondheid", "Geestelijke gezondheid";
        /// Physical health.
        LichamelijkeGezondheid => "lichamelijke-gezondheid", "Lichamelijke gezondheid";
        /// Addiction.
        Verslaving => "verslaving", "Verslaving";
        /// Self-care, activities of daily life.
        Zelfzorg => "zelfzorg", "Zelfzorg (ADL)";
        /// Social network.
        SociaalNetwerk => "sociaal-netwerk", "Sociaal netwerk";
        /// Taking part in society.
        MaatschappelijkeParticipatie => "maatschappelijke-participatie", "Maatschappelijke participatie";
        /// Justice.
        Justitie => "justitie", "Justitie";
        /// Raising and growing up.
        OpvoedenOpgroeien => "opvoeden-opgroeien", "Opvoeden en opgroeien";
        /// Safety.
        Veiligheid => "veiligheid", "Veiligheid";
    }
}

waardelijst! {
    /// A step of the klantreis (domain.md, steps 1–7).
    Stap {
        /// 1: the melding itself.
        Melding => "melding", "Melding";
        /// 2: the intake conversation (keukentafelgesprek).
        Gesprek => "gesprek", "Gesprek";
        /// 3: the verklarende analyse.
        Analyse => "analyse", "Analyse";
        /// 4: the afwegingsladder.
        Afweging => "afweging", "Afweging";
        /// 5a: a referral to an algemene or voorliggende voorziening.
        Verwijzing => "verwijzing", "Verwijzing";
        /// 5b: aanvraag and besluit on a maatwerkvoorziening.
        AanvraagBesluit => "aanvraag-besluit", "Aanvraag en besluit";
        /// 5c: no support needed or possible.
        GeenOndersteuning => "geen-ondersteuning", "Geen ondersteuning";
        /// 5c: the resident withdrew.
        Ingetrokken => "ingetrokken", "Ingetrokken";
        /// 6: delivery, evaluation, op- en afschalen.
        LeveringEvaluatie => "levering-evaluatie", "Levering en evaluatie";
        /// 7: closing the melding.
        Afsluiting => "afsluiting", "Afsluiting";
    }
}

waardelijst! {
    /// A rung of the afwegingsladder (AP ch. 6), in order.
    TredeSoort {
        /// (a) The resident's own abilities and means.
        EigenKracht => "eigen-kracht", "eigen kracht";
        /// (b) The social network.
        Netwerk => "netwerk", "netwerk";
        /// (c) An algemene voorziening.
        AlgemeneVoorziening => "algemene-voorziening", "algemene voorziening";
        /// (d) A voorliggende voorziening under another law.
        VoorliggendeVoorziening => "voorliggende-voorziening", "voorliggende voorziening";
    }
}

/// A klantreis rule that was broken, in words an intaker understands.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum KlantreisFout {
    /// The first step of a klantreis is not the melding.
    #[error("een klantreis begint met de melding")]
    BeginMetMelding,
    /// A step that may not follow the previous one.
    #[error("'{stap}' kan niet volgen op '{na}'; wat nu kan: {mogelijk}")]
    StapNietToegestaan {
        /// The step asked for.
        stap: &'static str,
        /// The last recorded step.
        na: &'static str,
        /// What may follow, as text.
        mogelijk: String,
    },
    /// The melding is closed.
    #[error("de melding is afgesloten; er kan geen stap meer bij")]
    Afgesloten,
    /// A step dated before the previous step.
    #[error("de datum van '{stap}' ({datum}) ligt vóór die van de vorige stap '{vorige_stap}' ({vorige})", datum = datum::nl(*datum), vorige = datum::nl(*vorige))]
    DatumVoorVorigeStap {
        /// This step.
        stap: &'static str,
        /// Its date.
        datum: NaiveDate,
        /// The step before.
        vorige_stap: &'static str,
        /// That step's date.
        vorige: NaiveDate,
    },
    /// A corrected date after the date of the next step.
    #[error("de datum van '{stap}' ({datum}) ligt na die van de volgende stap '{volgende_stap}' ({volgende})", datum = datum::nl(*datum), volgende = datum::nl(*volgende))]
    DatumNaVolgendeStap {
        /// This step.
        stap: &'static str,
        /// Its date.
        datum: NaiveDate,
        /// The step after.
        volgende_stap: &'static str,
        /// That step's date.
        volgende: NaiveDate,
    },
    /// Closing at once after the melding is only for informatie en advies.
    #[error("direct na de melding afsluiten kan alleen met de uitkomst 'Informatie en advies'")]
    DirectAfsluitenAlleenAdvies,
    /// A rung answered while an earlier one is still open.
    #[error(
        "'{trede}' is beantwoord terwijl '{eerder}' nog open staat; beantwoord de treden op volgorde"
    )]
    TredeNietOpVolgorde {
        /// The rung answered too early.
        trede: &'static str,
        /// The earlier open rung.
        eerder: &'static str,
    },
    /// A rung solves the need, so maatwerk cannot follow.
    #[error(
        "de trede '{trede}' lost de vraag op; dan volgt geen maatwerkvoorziening maar die uitkomst"
    )]
    TredeLostOp {
        /// The rung that solves it.
        trede: &'static str,
    },
    /// The ladder has no solving rung, so there is no outcome to follow.
    #[error("geen trede van de afwegingsladder lost de vraag op")]
    GeenTredeLostOp,
    /// A referral is needed for this outcome.
    #[error("bij de uitkomst '{0}' hoort een verwijzing; kies de voorziening")]
    VerwijzingNodig(&'static str),
    /// A provision of the wrong kind.
    #[error("'{voorziening}' is een {soort}; hier hoort een {verwacht}")]
    VerkeerdeSoort {
        /// The provision's name or id.
        voorziening: String,
        /// Its kind.
        soort: &'static str,
        /// The kind expected.
        verwacht: &'static str,
    },
    /// A provision that has ended.
    #[error("'{voorziening}' is beëindigd op {datum}", datum = datum::nl(*datum))]
    VoorzieningBeeindigd {
        /// The provision.
        voorziening: String,
        /// Its end date.
        datum: NaiveDate,
    },
    /// A contract of another provider or law.
    #[error("contract '{contract}' hoort bij {bij}; het besluit vraagt {verwacht}")]
    ContractPastNiet {
        /// The contract.
        contract: String,
        /// What it belongs to (provider or law).
        bij: String,
        /// What the decision needs.
        verwacht: String,
    },
    /// A provider without an active contract, not confirmed.
    #[error("aanbieder '{aanbieder}' heeft geen lopend contract voor de {wet} op {datum}; bevestig dat er een maatwerkcontract komt", datum = datum::nl(*datum))]
    MaatwerkcontractBevestigen {
        /// The provider.
        aanbieder: String,
        /// The law's label.
        wet: &'static str,
        /// The day checked.
        datum: NaiveDate,
    },
    /// A refusal without reason.
    #[error("bij een afwijzing hoort een reden")]
    RedenAfwijzingVerplicht,
    /// A volume without unit or the reverse.
    #[error("een omvang heeft een getal groter dan 0 en een eenheid (bijv. 'uur per week')")]
    Volume,
    /// A toekenning that is not running (granted, not ended) on the day.
    #[error("toekenning '{0}' loopt niet (meer); die kan niet worden beëindigd of herzien")]
    ToekenningLooptNiet(String),
    /// Ending requires a reason.
    #[error("bij het beëindigen hoort een reden")]
    RedenEindeVerplicht,
    /// A date in the future where only the past makes sense.
    #[error("{} ligt in de toekomst", datum::nl(*.0))]
    InDeToekomst(NaiveDate),
    /// The provision is referenced and cannot be deleted.
    #[error(
        "'{0}' is in gebruik (toekenning, verwijzing of melding) en kan niet worden verwijderd; beëindig de voorziening"
    )]
    InGebruik(String),
    /// A step that its own action records (the verwijzing or the besluit).
    #[error("de stap '{0}' wordt vastgelegd met de verwijzing of het besluit zelf")]
    EigenHandeling(&'static str),
    /// An outcome without what it rests on.
    #[error("de uitkomst '{uitkomst}' vraagt {nodig}")]
    UitkomstZonderGrond {
        /// The outcome's label.
        uitkomst: &'static str,
        /// What is missing.
        nodig: &'static str,
    },
    /// A new decision for another resident than the one it replaces.
    #[error("melding '{0}' gaat over een andere inwoner dan de lopende toekenning")]
    AndereInwoner(String),
    /// A BSN that belongs to a resident already in the register.
    #[error("dit BSN is al bekend bij inwoner '{0}'")]
    BsnBekend(String),
    /// The referenced record does not exist.
    #[error("'{0}' bestaat niet")]
    Onbekend(String),
    /// A change to the kind or law of a provision in use.
    #[error("de soort en de wet van '{0}' liggen vast, want de voorziening is in gebruik")]
    SoortVast(String),
    /// Ending a provider that has no contract running on the date.
    #[error("'{aanbieder}' heeft op {datum} geen lopend contract om te beëindigen", datum = datum::nl(*datum))]
    GeenLopendContract {
        /// The provider's name.
        aanbieder: String,
        /// The last day asked for.
        datum: NaiveDate,
    },
    /// Ending a provider on a date before one of its contracts starts.
    #[error("contract '{contract}' begint pas op {van}, na deze laatste dag; wijzig dat contract eerst of kies een latere datum", van = datum::nl(*van))]
    ContractBegintLater {
        /// The contract id.
        contract: String,
        /// Its first day.
        van: NaiveDate,
    },
}

impl Stap {
    /// The phase number of domain.md (1–7; all three outcomes of step 5 are 5).
    #[must_use]
    pub fn fase(self) -> u8 {
        match self {
            Stap::Melding => 1,
            Stap::Gesprek => 2,
            Stap::Analyse => 3,
            Stap::Afweging => 4,
            Stap::Verwijzing
            | Stap::AanvraagBesluit
            | Stap::GeenOndersteuning
            | Stap::Ingetrokken => 5,
            Stap::LeveringEvaluatie => 6,
            Stap::Afsluiting => 7,
        }
    }

    /// The steps that may follow `vorige` (the last recorded step; `None`
    /// for a melding without steps). See the module table.
    #[must_use]
    pub fn volgende(vorige: Option<Stap>) -> &'static [Stap] {
        match vorige {
            None => &[Stap::Melding],
            Some(Stap::Melding) => &[Stap::Gesprek, Stap::Afsluiting, Stap::Ingetrokken],
            Some(Stap::Gesprek) => &[Stap::Analyse, Stap::Ingetrokken],
            Some(Stap::Analyse) => &[Stap::Afweging, Stap::Ingetrokken],
            Some(Stap::Afweging) => &[
                Stap::Verwijzing,
                Stap::AanvraagBesluit,
                Stap::GeenOndersteuning,
                Stap::Ingetrokken,
                Stap::Afsluiting,
            ],
            Some(Stap::Verwijzing) => &[Stap::Verwijzing, Stap::AanvraagBesluit, Stap::Afsluiting],
            Some(Stap::AanvraagBesluit | Stap::LeveringEvaluatie) => &[
                Stap::LeveringEvaluatie,
                Stap::AanvraagBesluit,
                Stap::Verwijzing,
                Stap::Afsluiting,
            ],
            Some(Stap::GeenOndersteuning | Stap::Ingetrokken) => &[Stap::Afsluiting],
            Some(Stap::Afsluiting) => &[],
        }
    }

    /// What may follow `vorige` on a melding under `wet`. Schuldhulp (Wgs)
    /// has its own path: the beschikking on toelating or afwijzing (step
    /// *aanvraag en besluit*) may follow the eerste gesprek or the analyse
    /// directly; the afwegingsladder is there for a melding that also needs
    /// a verwijzing, not a condition for the beschikking. Every other law
    /// follows [`Stap::volgende`].
    #[must_use]
    pub fn volgende_onder(wet: Option<Wet>, vorige: Option<Stap>) -> &'static [Stap] {
        match (wet, vorige) {
            (Some(Wet::Schuldhulp), Some(Stap::Gesprek)) => {
                &[Stap::Analyse, Stap::AanvraagBesluit, Stap::Ingetrokken]
            }
            (Some(Wet::Schuldhulp), Some(Stap::Analyse)) => {
                &[Stap::Afweging, Stap::AanvraagBesluit, Stap::Ingetrokken]
            }
            _ => Stap::volgende(vorige),
        }
    }

    /// Whether `stap` may be recorded after `vorige`.
    pub fn controleer_volgorde(vorige: Option<Stap>, stap: Stap) -> Result<(), KlantreisFout> {
        Stap::controleer_volgorde_onder(None, vorige, stap)
    }

    /// Whether `stap` may be recorded after `vorige` on a melding under `wet`.
    pub fn controleer_volgorde_onder(
        wet: Option<Wet>,
        vorige: Option<Stap>,
        stap: Stap,
    ) -> Result<(), KlantreisFout> {
        let mogelijk = Stap::volgende_onder(wet, vorige);
        if mogelijk.contains(&stap) {
            return Ok(());
        }
        match vorige {
            None => Err(KlantreisFout::BeginMetMelding),
            Some(Stap::Afsluiting) => Err(KlantreisFout::Afgesloten),
            Some(na) => Err(KlantreisFout::StapNietToegestaan {
                stap: stap.label(),
                na: na.label(),
                mogelijk: labels(mogelijk),
            }),
        }
    }
}

/// Labels joined for a message.
fn labels(stappen: &[Stap]) -> String {
    let namen: Vec<&str> = stappen.iter().map(|s| s.label()).collect();
    codes_als_tekst(&namen)
}

/// What is still to do for a melding whose recorded steps, in order, are
/// `stappen`: the steps that may come next (empty once it is closed).
#[must_use]
pub fn nog_te_doen(stappen: &[Stap]) -> Vec<Stap> {
    nog_te_doen_onder(None, stappen)
}

/// [`nog_te_doen`] on a melding under `wet` (schuldhulp has its own path,
/// see [`Stap::volgende_onder`]).
#[must_use]
pub fn nog_te_doen_onder(wet: Option<Wet>, stappen: &[Stap]) -> Vec<Stap> {
    Stap::volgende_onder(wet, stappen.last().copied()).to_vec()
}

/// The date rule: a step's date does not lie before the previous step's,
/// and (when a step is corrected) not after the next step's.
pub fn controleer_datum(
    vorige: Option<(Stap, NaiveDate)>,
    stap: Stap,
    datum: NaiveDate,
    volgende: Option<(Stap, NaiveDate)>,
) -> Result<(), KlantreisFout> {
    if let Some((v, vdatum)) = vorige
        && datum < vdatum
    {
        return Err(KlantreisFout::DatumVoorVorigeStap {
            stap: stap.label(),
            datum,
            vorige_stap: v.label(),
            vorige: vdatum,
        });
    }
    if let Some((n, ndatum)) = volgende
        && datum > ndatum
    {
        return Err(KlantreisFout::DatumNaVolgendeStap {
            stap: stap.label(),
            datum,
            volgende_stap: n.label(),
            volgende: ndatum,
        });
    }
    Ok(())
}

/// Whether a melding may be closed after `vorige` with `uitkomst`: straight
/// after the melding only with informatie en advies.
pub fn controleer_afsluiting(
    vorige: Option<Stap>,
    uitkomst: MeldingUitkomst,
) -> Result<(), KlantreisFout> {
    if vorige == Some(Stap::Melding) && uitkomst != MeldingUitkomst::InformatieAdvies {
        return Err(KlantreisFout::DirectAfsluitenAlleenAdvies);
    }
    Ok(())
}

impl TredeSoort {
    /// The melding's outcome when this rung solves the need.
    #[must_use]
    pub fn melding_uitkomst(self) -> MeldingUitkomst {
        match self {
            TredeSoort::EigenKracht => MeldingUitkomst::EigenKracht,
            TredeSoort::Netwerk => MeldingUitkomst::Netwerk,
            TredeSoort::AlgemeneVoorziening => MeldingUitkomst::AlgemeneVoorziening,
            TredeSoort::VoorliggendeVoorziening => MeldingUitkomst::VoorliggendeVoorziening,
        }
    }

    /// Whether this outcome needs a referral (an algemene voorziening does).
    #[must_use]
    pub fn vraagt_verwijzing(self) -> bool {
        self == TredeSoort::AlgemeneVoorziening
    }

    /// Field name as in validation errors (`afweging.eigen_kracht`, …).
    #[must_use]
    pub fn veld(self) -> &'static str {
        match self {
            TredeSoort::EigenKracht => "afweging.eigen_kracht",
            TredeSoort::Netwerk => "afweging.netwerk",
            TredeSoort::AlgemeneVoorziening => "afweging.algemene_voorziening",
            TredeSoort::VoorliggendeVoorziening => "afweging.voorliggende_voorziening",
        }
    }
}

/// The answer on one rung: does it solve the need (`None`: not yet
/// answered), and why.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Trede {
    /// `Some(true)`: this rung solves the need; `Some(false)`: it does not.
    pub lost_op: Option<bool>,
    /// Why (required once answered).
    pub toelichting: String,
}

/// How the explanation of a rung that solves only part of the need begins
/// (issue 14): the rung does not solve the need, so maatwerk or a
/// schuldhulp traject may follow, and the verwijzing to it records which
/// part it takes.
pub const DEELS: &str = "Lost deels op: ";

impl Trede {
    /// An answered rung.
    #[must_use]
    pub fn beantwoord(lost_op: bool, toelichting: &str) -> Trede {
        Trede {
            lost_op: Some(lost_op),
            toelichting: toelichting.to_owned(),
        }
    }

    /// A rung (algemene or voorliggende voorziening) that solves only
    /// `deel` of the need: it counts as not solving it, and says which part
    /// it does take.
    #[must_use]
    pub fn deels(deel: &str) -> Trede {
        Trede {
            lost_op: Some(false),
            toelichting: format!("{DEELS}{}", deel.trim()),
        }
    }

    /// Which part the rung solves, when it solves only part.
    #[must_use]
    pub fn deel(&self) -> Option<&str> {
        if self.lost_op == Some(false) {
            self.toelichting.strip_prefix(DEELS)
        } else {
            None
        }
    }
}

/// Where the ladder stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LadderUitkomst {
    /// This rung (the first unanswered one) still needs an answer.
    Onvolledig(TredeSoort),
    /// This rung (the first that does) solves the need.
    OpgelostDoor(TredeSoort),
    /// All four fall short: a maatwerkvoorziening may follow.
    Maatwerk,
}

/// The afwegingsladder of one melding: four rungs, in the order of
/// [`TredeSoort::ALLE`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Afwegingsladder {
    /// The answers, indexed like `TredeSoort::ALLE`.
    pub treden: [Trede; 4],
}

impl Afwegingsladder {
    /// The answer on `soort`.
    #[must_use]
    pub fn trede(&self, soort: TredeSoort) -> &Trede {
        &self.treden[soort as usize]
    }

    /// Sets the answer on `soort`.
    pub fn zet(&mut self, soort: TredeSoort, trede: Trede) {
        self.treden[soort as usize] = trede;
    }

    /// The rungs with their kind, in order.
    pub fn met_soort(&self) -> impl Iterator<Item = (TredeSoort, &Trede)> {
        TredeSoort::ALLE.iter().copied().zip(self.treden.iter())
    }

    /// Where the ladder stands: the first unanswered rung, the first rung
    /// that solves the need, or maatwerk when all four fall short.
    #[must_use]
    pub fn uitkomst(&self) -> LadderUitkomst {
        for (soort, trede) in self.met_soort() {
            match trede.lost_op {
                None => return LadderUitkomst::Onvolledig(soort),
                Some(true) => return LadderUitkomst::OpgelostDoor(soort),
                Some(false) => {}
            }
        }
        LadderUitkomst::Maatwerk
    }

    /// Checks the ladder as saved: an answered rung has a reason, rungs are
    /// answered in order (none after an open one), texts not too long.
    pub fn valideer(&self) -> Result<(), Vec<Veldfout>> {
        let mut fouten = Vec::new();
        let mut open: Option<TredeSoort> = None;
        for (soort, trede) in self.met_soort() {
            let lengte = trede.toelichting.chars().count();
            if lengte > MAX_TEKST {
                fouten.push(Veldfout::new(
                    soort.veld(),
                    DomeinFout::TeLang {
                        lengte,
                        max: MAX_TEKST,
                    },
                ));
            } else if let Err(f) = super::records::controleer_tekens(&trede.toelichting, true) {
                fouten.push(Veldfout::new(soort.veld(), f));
            }
            if trede.lost_op.is_none() {
                open.get_or_insert(soort);
                continue;
            }
            if trede.toelichting.trim().is_empty() {
                fouten.push(Veldfout::new(soort.veld(), DomeinFout::Leeg));
            }
            if let Some(eerder) = open {
                fouten.push(Veldfout::new(
                    soort.veld(),
                    DomeinFout::from(KlantreisFout::TredeNietOpVolgorde {
                        trede: soort.label(),
                        eerder: eerder.label(),
                    }),
                ));
            }
        }
        if fouten.is_empty() {
            Ok(())
        } else {
            Err(fouten)
        }
    }

    /// The afweging for a maatwerk decision: all four rungs answered in
    /// order, none solving the need; converted to the exchange texts
    /// ("lost niet op: …"). The error names the missing or solving rung.
    pub fn voor_maatwerk(&self) -> Result<Afweging, Vec<Veldfout>> {
        self.valideer()?;
        match self.uitkomst() {
            LadderUitkomst::Onvolledig(soort) => Err(vec![Veldfout::new(
                soort.veld(),
                DomeinFout::AfwegingOntbreekt {
                    trede: soort.label(),
                },
            )]),
            LadderUitkomst::OpgelostDoor(soort) => Err(vec![Veldfout::new(
                soort.veld(),
                DomeinFout::from(KlantreisFout::TredeLostOp {
                    trede: soort.label(),
                }),
            )]),
            LadderUitkomst::Maatwerk => {
                let tekst =
                    |s: TredeSoort| format!("lost niet op: {}", self.trede(s).toelichting.trim());
                Ok(Afweging {
                    eigen_kracht: tekst(TredeSoort::EigenKracht),
                    netwerk: tekst(TredeSoort::Netwerk),
                    algemene_voorziening: tekst(TredeSoort::AlgemeneVoorziening),
                    voorliggende_voorziening: tekst(TredeSoort::VoorliggendeVoorziening),
                })
            }
        }
    }

    /// The rung that solves the need, for closing the melding with its
    /// outcome instead of a maatwerk decision.
    pub fn oplossende_trede(&self) -> Result<TredeSoort, Vec<Veldfout>> {
        self.valideer()?;
        match self.uitkomst() {
            LadderUitkomst::OpgelostDoor(soort) => Ok(soort),
            LadderUitkomst::Onvolledig(soort) => Err(vec![Veldfout::new(
                soort.veld(),
                DomeinFout::AfwegingOntbreekt {
                    trede: soort.label(),
                },
            )]),
            LadderUitkomst::Maatwerk => Err(vec![Veldfout::new(
                "afweging",
                DomeinFout::from(KlantreisFout::GeenTredeLostOp),
            )]),
        }
    }
}

/// An open legal deadline and where it stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenTermijn {
    /// Which deadline.
    pub soort: TermijnSoort,
    /// The day the term started (melding or aanvraag).
    pub start: NaiveDate,
    /// The last day.
    pub uiterste: NaiveDate,
    /// Where it stands on `vandaag`.
    pub status: TermijnStatus,
}

impl OpenTermijn {
    /// The term `soort` started on `start`, seen on `vandaag`.
    #[must_use]
    pub fn op(soort: TermijnSoort, start: NaiveDate, vandaag: NaiveDate) -> OpenTermijn {
        let uiterste = soort.uiterste_datum(start);
        OpenTermijn {
            soort,
            start,
            uiterste,
            status: TermijnStatus::op(uiterste, vandaag),
        }
    }
}

/// The deadline that runs from a melding, while it is open: Wmo research
/// until `onderzoek_klaar`, schuldhulp first conversation (3 working days
/// with `spoed`) until `gesprek`. `None` when no deadline runs (other law,
/// or the term was met, or the melding is closed).
#[must_use]
pub fn termijn_melding(
    wet: Option<Wet>,
    spoed: bool,
    datum: NaiveDate,
    gesprek: Option<NaiveDate>,
    onderzoek_klaar: Option<NaiveDate>,
    afgesloten: Option<NaiveDate>,
    vandaag: NaiveDate,
) -> Option<OpenTermijn> {
    if afgesloten.is_some() {
        return None;
    }
    let soort = TermijnSoort::melding(wet?, spoed)?;
    let voldaan = match soort {
        TermijnSoort::WmoOnderzoek => onderzoek_klaar.is_some(),
        _ => gesprek.is_some(),
    };
    if voldaan {
        None
    } else {
        Some(OpenTermijn::op(soort, datum, vandaag))
    }
}

/// Schuldhulp: the beschikking on admission (*toelating* or *afwijzing*)
/// runs 8 weeks from the first conversation (art. 4a Wgs), until a
/// beschikking is taken or the melding is closed.
#[must_use]
pub fn termijn_beschikking_schuldhulp(
    gesprek: Option<NaiveDate>,
    beschikt: bool,
    afgesloten: Option<NaiveDate>,
    vandaag: NaiveDate,
) -> Option<OpenTermijn> {
    match (gesprek, beschikt, afgesloten) {
        (Some(g), false, None) => Some(OpenTermijn::op(
            TermijnSoort::SchuldhulpBeschikking,
            g,
            vandaag,
        )),
        _ => None,
    }
}

waardelijst! {
    /// A phase of a schuldhulp traject after the toelating.
    TrajectFase {
        /// Stabilisation: income and fixed costs in order, no new debts.
        Stabilisatie => "stabilisatie", "Stabilisatie";
        /// A debt arrangement (schuldregeling) with the creditors.
        Regeling => "regeling", "Schuldregeling";
        /// Aftercare once the arrangement runs or ended.
        Nazorg => "nazorg", "Nazorg";
    }
}

impl TrajectFase {
    /// The note of the *levering en evaluatie* step that records the start
    /// of this phase: "Trajectfase Stabilisatie: …".
    #[must_use]
    pub fn notitie(self, tekst: &str) -> String {
        format!("Trajectfase {}: {}", self.label(), tekst.trim())
    }

    /// The phase a step's note records, if it records one.
    #[must_use]
    pub fn uit_notitie(notitie: &str) -> Option<TrajectFase> {
        let rest = notitie.strip_prefix("Trajectfase ")?;
        TrajectFase::ALLE
            .iter()
            .copied()
            .find(|f| rest.starts_with(&format!("{}:", f.label())))
    }
}

/// One step of the schuldhulp path as the melding screen shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PadStap {
    /// What the step is.
    pub naam: String,
    /// When it was done (`None`: not yet).
    pub gedaan: Option<NaiveDate>,
    /// The legal deadline that runs for it now, if any.
    pub termijn: Option<OpenTermijn>,
}

/// Where a schuldhulp melding stands on its own path (domain.md, legal
/// deadlines): aanmelding → eerste gesprek (4 weeks, 3 working days with
/// `spoed`) → beschikking on toelating or afwijzing (8 weeks after the
/// eerste gesprek) → traject (stabilisatie, schuldregeling, nazorg) →
/// afsluiting. `beschikking`: its date and whether it admitted; `fasen`:
/// the phases begun, with their dates.
#[must_use]
pub fn schuldhulp_pad(
    datum: NaiveDate,
    spoed: bool,
    gesprek: Option<NaiveDate>,
    beschikking: Option<(NaiveDate, bool)>,
    fasen: &[(TrajectFase, NaiveDate)],
    afgesloten: Option<NaiveDate>,
    vandaag: NaiveDate,
) -> Vec<PadStap> {
    let mut pad = vec![
        PadStap {
            naam: "Aanmelding".to_owned(),
            gedaan: Some(datum),
            termijn: None,
        },
        PadStap {
            naam: if spoed {
                "Eerste gesprek (spoed: 3 werkdagen)".to_owned()
            } else {
                "Eerste gesprek (4 weken)".to_owned()
            },
            gedaan: gesprek,
            termijn: termijn_melding(
                Some(Wet::Schuldhulp),
                spoed,
                datum,
                gesprek,
                None,
                afgesloten,
                vandaag,
            ),
        },
        PadStap {
            naam: match beschikking {
                Some((_, true)) => "Beschikking: toegelaten".to_owned(),
                Some((_, false)) => "Beschikking: afgewezen".to_owned(),
                None => "Beschikking toelating of afwijzing (8 weken na eerste gesprek)".to_owned(),
            },
            gedaan: beschikking.map(|(d, _)| d),
            termijn: termijn_beschikking_schuldhulp(
                gesprek,
                beschikking.is_some(),
                afgesloten,
                vandaag,
            ),
        },
    ];
    if beschikking.is_none_or(|(_, toegelaten)| toegelaten) {
        for fase in TrajectFase::ALLE {
            let gedaan = fasen
                .iter()
                .filter(|(f, _)| f == fase)
                .map(|(_, d)| *d)
                .min();
            pad.push(PadStap {
                naam: format!("Traject: {}", fase.label().to_lowercase()),
                gedaan,
                termijn: None,
            });
        }
    }
    pad.push(PadStap {
        naam: "Afsluiting".to_owned(),
        gedaan: afgesloten,
        termijn: None,
    });
    pad
}

/// The deadline on the decision for an aanvraag under `wet` received on
/// `aanvraag`, while no decision has been taken.
#[must_use]
pub fn termijn_aanvraag(wet: Wet, aanvraag: NaiveDate, vandaag: NaiveDate) -> Option<OpenTermijn> {
    TermijnSoort::besluit(wet).map(|soort| OpenTermijn::op(soort, aanvraag, vandaag))
}

/// Days ahead within which an ending decision shows for herindicatie (8 weeks).
pub const HERINDICATIE_DAGEN: i64 = 56;

/// Months ahead within which a young person's 18th birthday shows.
pub const ACHTTIEN_MAANDEN: u32 = 6;

/// Whether a decision ending on `eind` needs herindicatie now: it ends
/// today or within [`HERINDICATIE_DAGEN`] days (56 days ahead is in, 57 out).
#[must_use]
pub fn herindicatie_nodig(eind: NaiveDate, vandaag: NaiveDate) -> bool {
    let dagen = (eind - vandaag).num_days();
    (0..=HERINDICATIE_DAGEN).contains(&dagen)
}

/// The 18th birthday of someone born on `geboren` (29 February → 28 February).
#[must_use]
pub fn achttiende_verjaardag(geboren: NaiveDate) -> Option<NaiveDate> {
    geboren.checked_add_months(Months::new(18 * 12))
}

/// Whether someone born on `geboren` turns 18 after `vandaag` and at most
/// six months later (the day six months ahead is in, the day after out).
#[must_use]
pub fn wordt_18_binnenkort(geboren: NaiveDate, vandaag: NaiveDate) -> bool {
    let (Some(verjaardag), Some(grens)) = (
        achttiende_verjaardag(geboren),
        vandaag.checked_add_months(Months::new(ACHTTIEN_MAANDEN)),
    ) else {
        return false;
    };
    verjaardag > vandaag && verjaardag <= grens
}

/// Days a resident has waited for a granted provision decided on `besluit`.
#[must_use]
pub fn dagen_wachtend(besluit: NaiveDate, vandaag: NaiveDate) -> i64 {
    (vandaag - besluit).num_days().max(0)
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "a test fails loudly")]
mod tests {
    use super::*;

    fn d(j: i32, m: u32, dag: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(j, m, dag).expect("datum")
    }

    fn ladder(antwoorden: &[Option<bool>]) -> Afwegingsladder {
        let mut l = Afwegingsladder::default();
        for (i, a) in antwoorden.iter().enumerate() {
            l.treden[i] = Trede {
                lost_op: *a,
                toelichting: if a.is_some() {
                    "omdat".into()
                } else {
                    String::new()
                },
            };
        }
        l
    }

    #[test]
    fn leefgebieden_en_stappen_lijsten() {
        assert_eq!(Leefgebied::ALLE.len(), 13);
        for l in Leefgebied::ALLE {
            assert_eq!(Leefgebied::parse(l.code()), Some(*l));
        }
        assert_eq!(Stap::parse("aanvraag-besluit"), Some(Stap::AanvraagBesluit));
        assert_eq!(
            TrajectFase::uit_notitie(&TrajectFase::Regeling.notitie("akkoord schuldeisers")),
            Some(TrajectFase::Regeling)
        );
        assert_eq!(TrajectFase::uit_notitie("Gewone evaluatie"), None);
        let t = Trede::deels("de administratie, niet de schulden");
        assert_eq!(t.deel(), Some("de administratie, niet de schulden"));
        assert_eq!(Trede::beantwoord(false, "nee").deel(), None);
        assert_eq!(Stap::Afsluiting.fase(), 7);
        assert_eq!(TredeSoort::ALLE[2], TredeSoort::AlgemeneVoorziening);
    }

    #[test]
    fn volgorde_van_stappen() {
        assert_eq!(
            Stap::controleer_volgorde(None, Stap::Gesprek),
            Err(KlantreisFout::BeginMetMelding)
        );
        assert!(Stap::controleer_volgorde(None, Stap::Melding).is_ok());
        assert!(Stap::controleer_volgorde(Some(Stap::Melding), Stap::Gesprek).is_ok());
        // Analyse cannot be skipped.
        let fout =
            Stap::controleer_volgorde(Some(Stap::Gesprek), Stap::Afweging).expect_err("overslaan");
        assert!(
            fout.to_string()
                .contains("'Afweging' kan niet volgen op 'Gesprek'"),
            "{fout}"
        );
        assert!(fout.to_string().contains("Analyse"), "{fout}");
        // No decision before the afweging.
        assert!(Stap::controleer_volgorde(Some(Stap::Analyse), Stap::AanvraagBesluit).is_err());
        assert!(Stap::controleer_volgorde(Some(Stap::Afweging), Stap::AanvraagBesluit).is_ok());
        assert_eq!(
            Stap::controleer_volgorde(Some(Stap::Afsluiting), Stap::Gesprek),
            Err(KlantreisFout::Afgesloten)
        );
    }

    #[test]
    fn nog_te_doen_volgt_de_laatste_stap() {
        assert_eq!(nog_te_doen(&[]), vec![Stap::Melding]);
        assert_eq!(
            nog_te_doen(&[Stap::Melding, Stap::Gesprek]),
            vec![Stap::Analyse, Stap::Ingetrokken]
        );
        assert!(nog_te_doen(&[Stap::Melding, Stap::Afsluiting]).is_empty());
        assert!(
            nog_te_doen(&[Stap::Melding, Stap::Gesprek, Stap::Analyse, Stap::Afweging])
                .contains(&Stap::Verwijzing)
        );
    }

    #[test]
    fn direct_afsluiten_alleen_met_advies() {
        assert!(
            controleer_afsluiting(Some(Stap::Melding), MeldingUitkomst::InformatieAdvies).is_ok()
        );
        assert_eq!(
            controleer_afsluiting(Some(Stap::Melding), MeldingUitkomst::Maatwerk),
            Err(KlantreisFout::DirectAfsluitenAlleenAdvies)
        );
        assert!(controleer_afsluiting(Some(Stap::Afweging), MeldingUitkomst::EigenKracht).is_ok());
    }

    #[test]
    fn datum_niet_voor_vorige_stap() {
        let vorige = Some((Stap::Melding, d(2026, 3, 10)));
        assert!(controleer_datum(vorige, Stap::Gesprek, d(2026, 3, 10), None).is_ok());
        let fout =
            controleer_datum(vorige, Stap::Gesprek, d(2026, 3, 9), None).expect_err("te vroeg");
        assert!(fout.to_string().contains("09-03-2026"), "{fout}");
        let volgende = Some((Stap::Analyse, d(2026, 3, 20)));
        assert!(controleer_datum(vorige, Stap::Gesprek, d(2026, 3, 20), volgende).is_ok());
        assert!(matches!(
            controleer_datum(vorige, Stap::Gesprek, d(2026, 3, 21), volgende),
            Err(KlantreisFout::DatumNaVolgendeStap { .. })
        ));
    }

    #[test]
    fn ladder_uitkomsten() {
        assert_eq!(
            ladder(&[]).uitkomst(),
            LadderUitkomst::Onvolledig(TredeSoort::EigenKracht)
        );
        assert_eq!(
            ladder(&[Some(true)]).uitkomst(),
            LadderUitkomst::OpgelostDoor(TredeSoort::EigenKracht)
        );
        assert_eq!(
            ladder(&[Some(false), Some(true)]).uitkomst(),
            LadderUitkomst::OpgelostDoor(TredeSoort::Netwerk)
        );
        let alg = ladder(&[Some(false), Some(false), Some(true)]);
        assert_eq!(alg.oplossende_trede(), Ok(TredeSoort::AlgemeneVoorziening));
        assert!(TredeSoort::AlgemeneVoorziening.vraagt_verwijzing());
        assert_eq!(
            TredeSoort::AlgemeneVoorziening.melding_uitkomst(),
            MeldingUitkomst::AlgemeneVoorziening
        );
        assert_eq!(
            ladder(&[Some(false), Some(false), Some(false), Some(true)]).oplossende_trede(),
            Ok(TredeSoort::VoorliggendeVoorziening)
        );
        assert_eq!(
            ladder(&[Some(false); 4]).uitkomst(),
            LadderUitkomst::Maatwerk
        );
    }

    #[test]
    fn maatwerk_vraagt_vier_antwoorden() {
        let fout = ladder(&[Some(false), Some(false), Some(false)])
            .voor_maatwerk()
            .expect_err("drie van vier");
        assert_eq!(fout.len(), 1);
        assert_eq!(fout[0].veld, "afweging.voorliggende_voorziening");
        assert!(
            fout[0]
                .to_string()
                .contains("'voorliggende voorziening' is niet beantwoord"),
            "{}",
            fout[0]
        );
        let fout = ladder(&[Some(false), Some(true)])
            .voor_maatwerk()
            .expect_err("netwerk lost op");
        assert!(
            fout[0].to_string().contains("'netwerk' lost de vraag op"),
            "{}",
            fout[0]
        );
        let afweging = ladder(&[Some(false); 4]).voor_maatwerk().expect("maatwerk");
        assert_eq!(afweging.netwerk, "lost niet op: omdat");
    }

    #[test]
    fn ladder_op_volgorde_en_met_toelichting() {
        let fout = ladder(&[Some(false), None, Some(false)])
            .valideer()
            .expect_err("gat");
        assert!(
            fout[0].to_string().contains("'netwerk' nog open staat"),
            "{}",
            fout[0]
        );
        let mut l = ladder(&[Some(false)]);
        l.treden[0].toelichting = "  ".into();
        let fout = l.valideer().expect_err("leeg");
        assert_eq!(fout[0].veld, "afweging.eigen_kracht");
    }

    #[test]
    fn termijnen_per_melding_en_aanvraag() {
        let datum = d(2026, 10, 5); // Monday
        let t = termijn_melding(
            Some(Wet::Wmo),
            false,
            datum,
            None,
            None,
            None,
            d(2026, 11, 16),
        )
        .expect("wmo");
        assert_eq!(t.soort, TermijnSoort::WmoOnderzoek);
        assert_eq!(t.uiterste, d(2026, 11, 16));
        assert_eq!(t.status, TermijnStatus::BijnaVerlopen { werkdagen: 0 });
        assert!(
            termijn_melding(
                Some(Wet::Wmo),
                false,
                datum,
                None,
                Some(d(2026, 11, 1)),
                None,
                datum
            )
            .is_none()
        );
        assert!(
            termijn_melding(Some(Wet::Jeugdwet), false, datum, None, None, None, datum).is_none()
        );
        let s = termijn_melding(Some(Wet::Schuldhulp), true, datum, None, None, None, datum)
            .expect("spoed");
        assert_eq!(s.uiterste, d(2026, 10, 8));
        assert!(
            termijn_melding(
                Some(Wet::Schuldhulp),
                true,
                datum,
                Some(datum),
                None,
                None,
                datum
            )
            .is_none()
        );
        assert_eq!(
            termijn_aanvraag(Wet::Participatiewet, datum, datum).map(|t| t.uiterste),
            Some(d(2026, 11, 30))
        );
        assert!(termijn_aanvraag(Wet::Inburgering, datum, datum).is_none());
    }

    #[test]
    fn werkvoorraad_grenzen() {
        let vandaag = d(2026, 11, 26);
        assert!(herindicatie_nodig(d(2027, 1, 21), vandaag)); // 56 days
        assert!(!herindicatie_nodig(d(2027, 1, 22), vandaag)); // 57 days
        assert!(herindicatie_nodig(vandaag, vandaag));
        assert!(!herindicatie_nodig(d(2026, 11, 25), vandaag));
        // Turns 18 on 2027-05-26: exactly six months ahead, in; a day later, out.
        assert!(wordt_18_binnenkort(d(2009, 5, 26), vandaag));
        assert!(!wordt_18_binnenkort(d(2009, 5, 27), vandaag));
        assert!(!wordt_18_binnenkort(d(2008, 11, 26), vandaag));
        assert_eq!(dagen_wachtend(d(2026, 11, 1), vandaag), 25);
    }

    #[test]
    fn schuldhulp_pad_met_spoed() {
        let d = |m, dag| NaiveDate::from_ymd_opt(2026, m, dag).expect("datum");
        let vandaag = d(11, 26);
        let pad = schuldhulp_pad(vandaag, true, None, None, &[], None, vandaag);
        let gesprek = pad[1].termijn.expect("termijn eerste gesprek");
        assert_eq!(gesprek.soort, TermijnSoort::SchuldhulpGesprekSpoed);
        assert_eq!(gesprek.uiterste, d(12, 1));
        assert!(
            pad[2].termijn.is_none(),
            "beschikking loopt pas na het gesprek"
        );
        let na = schuldhulp_pad(vandaag, true, Some(d(11, 27)), None, &[], None, d(11, 30));
        assert!(na[1].termijn.is_none());
        let b = na[2].termijn.expect("termijn beschikking");
        assert_eq!(
            b.uiterste,
            NaiveDate::from_ymd_opt(2027, 1, 22).expect("datum")
        );
        let toegelaten = schuldhulp_pad(
            vandaag,
            true,
            Some(d(11, 27)),
            Some((d(12, 3), true)),
            &[(TrajectFase::Stabilisatie, d(12, 4))],
            None,
            d(12, 7),
        );
        assert!(toegelaten[2].termijn.is_none());
        assert_eq!(toegelaten[3].gedaan, Some(d(12, 4)));
        assert_eq!(toegelaten.len(), 7);
        let afgewezen = schuldhulp_pad(
            vandaag,
            false,
            Some(d(11, 27)),
            Some((d(12, 3), false)),
            &[],
            None,
            d(12, 7),
        );
        assert_eq!(afgewezen.len(), 4, "geen traject na een afwijzing");
    }
}
