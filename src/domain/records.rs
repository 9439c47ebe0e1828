//! The records of the register, one type per record of the exchange format,
//! each with the checks that need nothing but the record itself.
//!
//! Checks that need other records (does the referenced provision exist, is it
//! maatwerk, does the contract belong to the provider) are made by the store
//! on import and save; see `store::import`.

use chrono::NaiveDate;

use super::bsn::Bsn;
use super::fout::{DomeinFout, Veldfout};
use super::waarden::{
    BesluitUitkomst, Bron, ContractSoort, Geslacht, Leveringsvorm, MeldingUitkomst, RedenEinde,
    Rol, Verwijzer, VerwijzingStatus, VoorzieningSoort, VorderingSoort, WaardeSoort, Wet,
    categorieen,
};

/// Longest text a free-text field accepts (characters).
pub const MAX_TEKST: usize = 4000;
/// Longest identifier or name (characters).
pub const MAX_NAAM: usize = 200;

/// Refuses invisible control characters in a text (NUL, escape, backspace,
/// DEL, the C1 range, …): they cannot be typed in a form, are invisible
/// on screen and in reports, and break exports. A multi-line text
/// (`meerregelig`: a note, a reason, a question) may hold line breaks and
/// tabs; a name or code may not. The forms and the import share this rule.
pub fn controleer_tekens(tekst: &str, meerregelig: bool) -> Result<(), DomeinFout> {
    let toegestaan = |c: char| meerregelig && matches!(c, '\n' | '\r' | '\t');
    match tekst
        .chars()
        .enumerate()
        .find(|(_, c)| c.is_control() && !toegestaan(*c))
    {
        Some((i, c)) => Err(DomeinFout::Stuurteken {
            code: u32::from(c),
            positie: i + 1,
        }),
        None => Ok(()),
    }
}

/// A date of birth lies on or before today: the forms and the import share
/// this rule.
pub fn controleer_geboortedatum(
    geboortedatum: NaiveDate,
    vandaag: NaiveDate,
) -> Result<(), DomeinFout> {
    if geboortedatum > vandaag {
        Err(DomeinFout::DatumNaVandaag(geboortedatum))
    } else {
        Ok(())
    }
}

/// Collects field errors while a record is checked.
#[derive(Debug, Default)]
struct Controle(Vec<Veldfout>);

impl Controle {
    fn fout(&mut self, veld: &'static str, fout: DomeinFout) {
        self.0.push(Veldfout::new(veld, fout));
    }

    fn niet_leeg(&mut self, veld: &'static str, tekst: &str, max: usize) {
        if tekst.trim().is_empty() {
            self.fout(veld, DomeinFout::Leeg);
        } else {
            self.lengte(veld, tekst, max);
        }
    }

    /// The length and the characters of a text: a name (`max` up to
    /// [`MAX_NAAM`]) is one line, a longer text may hold line breaks and tabs.
    fn lengte(&mut self, veld: &'static str, tekst: &str, max: usize) {
        let lengte = tekst.chars().count();
        if lengte > max {
            self.fout(veld, DomeinFout::TeLang { lengte, max });
        }
        if let Err(f) = controleer_tekens(tekst, max > MAX_NAAM) {
            self.fout(veld, f);
        }
    }

    fn optie(&mut self, veld: &'static str, tekst: Option<&String>, max: usize) {
        if let Some(t) = tekst {
            self.niet_leeg(veld, t, max);
        }
    }

    /// `later` (in field `veld`) must not lie before `eerder` (field `eerder_veld`).
    fn volgorde(
        &mut self,
        veld: &'static str,
        later: Option<NaiveDate>,
        eerder_veld: &'static str,
        eerder: Option<NaiveDate>,
    ) {
        if let (Some(later), Some(eerder)) = (later, eerder)
            && later < eerder
        {
            self.fout(
                veld,
                DomeinFout::DatumVoor {
                    datum: later,
                    eerder_veld,
                    eerder,
                },
            );
        }
    }

    fn klaar(self) -> Result<(), Vec<Veldfout>> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
}

/// A neighbourhood team.
#[derive(Debug, Clone, PartialEq)]
pub struct Wijkteam {
    /// Identifier.
    pub id: String,
    /// Name, e.g. "Wijkteam Noord".
    pub naam: String,
}

impl Wijkteam {
    /// Checks the record on its own.
    pub fn valideer(&self) -> Result<(), Vec<Veldfout>> {
        let mut c = Controle::default();
        c.niet_leeg("id", &self.id, MAX_NAAM);
        c.niet_leeg("naam", &self.naam, MAX_NAAM);
        c.klaar()
    }
}

/// A worker of a wijkteam (or of the municipality).
#[derive(Debug, Clone, PartialEq)]
pub struct Medewerker {
    /// Identifier.
    pub id: String,
    /// Full name.
    pub naam: String,
    /// Role.
    pub rol: Rol,
    /// The team they belong to, if any.
    pub wijkteam: Option<String>,
}

impl Medewerker {
    /// Checks the record on its own.
    pub fn valideer(&self) -> Result<(), Vec<Veldfout>> {
        let mut c = Controle::default();
        c.niet_leeg("id", &self.id, MAX_NAAM);
        c.niet_leeg("naam", &self.naam, MAX_NAAM);
        c.optie("wijkteam", self.wijkteam.as_ref(), MAX_NAAM);
        c.klaar()
    }
}

/// A care or support provider.
#[derive(Debug, Clone, PartialEq)]
pub struct Aanbieder {
    /// Identifier.
    pub id: String,
    /// Name.
    pub naam: String,
    /// Chamber of Commerce number (8 digits).
    pub kvk: Option<String>,
}

impl Aanbieder {
    /// Checks the record on its own.
    pub fn valideer(&self) -> Result<(), Vec<Veldfout>> {
        let mut c = Controle::default();
        c.niet_leeg("id", &self.id, MAX_NAAM);
        c.niet_leeg("naam", &self.naam, MAX_NAAM);
        if let Some(kvk) = &self.kvk
            && (kvk.len() != 8 || !kvk.bytes().all(|b| b.is_ascii_digit()))
        {
            c.fout("kvk", DomeinFout::Kvk(kvk.clone()));
        }
        c.klaar()
    }
}

/// A provider's contract under one law.
#[derive(Debug, Clone, PartialEq)]
pub struct Contract {
    /// Identifier.
    pub id: String,
    /// The provider.
    pub aanbieder: String,
    /// The law.
    pub wet: Wet,
    /// Framework or single-resident contract.
    pub soort: ContractSoort,
    /// First day.
    pub van: NaiveDate,
    /// Last day, if it ends.
    pub tot: Option<NaiveDate>,
}

impl Contract {
    /// Checks the record on its own.
    pub fn valideer(&self) -> Result<(), Vec<Veldfout>> {
        let mut c = Controle::default();
        c.niet_leeg("id", &self.id, MAX_NAAM);
        c.niet_leeg("aanbieder", &self.aanbieder, MAX_NAAM);
        c.volgorde("tot", self.tot, "van", Some(self.van));
        c.klaar()
    }

    /// Whether the contract runs on `dag`.
    #[must_use]
    pub fn actief_op(&self, dag: NaiveDate) -> bool {
        self.van <= dag && self.tot.is_none_or(|tot| tot >= dag)
    }
}

/// A provision of the sociale kaart.
#[derive(Debug, Clone, PartialEq)]
pub struct Voorziening {
    /// Identifier.
    pub id: String,
    /// Name.
    pub naam: String,
    /// Algemeen, maatwerk or voorliggend.
    pub soort: VoorzieningSoort,
    /// The law (required for maatwerk).
    pub wet: Option<Wet>,
    /// National product category (required for maatwerk under Wmo or Jeugdwet).
    pub categorie: Option<String>,
    /// Tags such as `wijkkamer`, `stadsbank`.
    pub kenmerken: Vec<String>,
}

impl Voorziening {
    /// Checks the record on its own.
    pub fn valideer(&self) -> Result<(), Vec<Veldfout>> {
        let mut c = Controle::default();
        c.niet_leeg("id", &self.id, MAX_NAAM);
        c.niet_leeg("naam", &self.naam, MAX_NAAM);
        if self.soort == VoorzieningSoort::Maatwerk && self.wet.is_none() {
            c.fout("wet", DomeinFout::WetVerplichtVoorMaatwerk);
        }
        if let Some(wet) = self.wet
            && let Some(lijst) = categorieen(wet)
        {
            match &self.categorie {
                None if self.soort == VoorzieningSoort::Maatwerk => {
                    c.fout(
                        "categorie",
                        DomeinFout::CategorieVerplicht { wet: wet.label() },
                    );
                }
                Some(cat) if !lijst.iter().any(|(code, _)| code == cat) => {
                    c.fout(
                        "categorie",
                        DomeinFout::CategorieOngeldig {
                            categorie: cat.clone(),
                            wet: wet.label(),
                        },
                    );
                }
                _ => {}
            }
        }
        if let Some(categorie) = &self.categorie {
            c.lengte("categorie", categorie, MAX_NAAM);
        }
        for kenmerk in &self.kenmerken {
            c.niet_leeg("kenmerken", kenmerk, MAX_NAAM);
        }
        c.klaar()
    }
}

/// A resident.
#[derive(Debug, Clone, PartialEq)]
pub struct Inwoner {
    /// Identifier.
    pub id: String,
    /// Burgerservicenummer, when known.
    pub bsn: Option<Bsn>,
    /// First name(s).
    pub voornaam: String,
    /// Last name (with prefixes such as "van der").
    pub achternaam: String,
    /// Date of birth.
    pub geboortedatum: NaiveDate,
    /// Gender.
    pub geslacht: Option<Geslacht>,
    /// Household identifier shared by its members.
    pub huishouden: String,
    /// The wijkteam of the address.
    pub wijkteam: Option<String>,
    /// Place of residence.
    pub woonplaats: String,
}

impl Inwoner {
    /// Checks the record on its own.
    pub fn valideer(&self) -> Result<(), Vec<Veldfout>> {
        let mut c = Controle::default();
        c.niet_leeg("id", &self.id, MAX_NAAM);
        c.lengte("voornaam", &self.voornaam, MAX_NAAM);
        c.niet_leeg("achternaam", &self.achternaam, MAX_NAAM);
        c.niet_leeg("huishouden", &self.huishouden, MAX_NAAM);
        c.lengte("woonplaats", &self.woonplaats, MAX_NAAM);
        c.optie("wijkteam", self.wijkteam.as_ref(), MAX_NAAM);
        c.klaar()
    }

    /// [`Inwoner::valideer`] plus the rules that need today: the date of
    /// birth is not in the future.
    pub fn valideer_op(&self, vandaag: NaiveDate) -> Result<(), Vec<Veldfout>> {
        let mut fouten = self.valideer().err().unwrap_or_default();
        if let Err(f) = controleer_geboortedatum(self.geboortedatum, vandaag) {
            fouten.push(Veldfout::new("geboortedatum", f));
        }
        if fouten.is_empty() {
            Ok(())
        } else {
            Err(fouten)
        }
    }

    /// "Voornaam Achternaam".
    #[must_use]
    pub fn volledige_naam(&self) -> String {
        if self.voornaam.is_empty() {
            self.achternaam.clone()
        } else {
            format!("{} {}", self.voornaam, self.achternaam)
        }
    }
}

/// A question for support: one klantreis.
#[derive(Debug, Clone, PartialEq)]
pub struct Melding {
    /// Identifier.
    pub id: String,
    /// The resident it concerns.
    pub inwoner: String,
    /// Date of the melding.
    pub datum: NaiveDate,
    /// Who brought it in.
    pub bron: Bron,
    /// The law it mainly falls under.
    pub wet: Option<Wet>,
    /// The provision asked for, if any.
    pub gevraagde_voorziening: Option<String>,
    /// The assigned intaker.
    pub medewerker: Option<String>,
    /// Date of the conversation (keukentafelgesprek).
    pub gesprek: Option<NaiveDate>,
    /// Date the research was finished.
    pub onderzoek_klaar: Option<NaiveDate>,
    /// Date it was closed.
    pub afgesloten: Option<NaiveDate>,
    /// Outcome (required when closed).
    pub uitkomst: Option<MeldingUitkomst>,
}

impl Melding {
    /// Checks the record on its own.
    pub fn valideer(&self) -> Result<(), Vec<Veldfout>> {
        let mut c = Controle::default();
        c.niet_leeg("id", &self.id, MAX_NAAM);
        c.niet_leeg("inwoner", &self.inwoner, MAX_NAAM);
        c.volgorde("gesprek", self.gesprek, "datum", Some(self.datum));
        c.volgorde(
            "onderzoek_klaar",
            self.onderzoek_klaar,
            "datum",
            Some(self.datum),
        );
        c.volgorde("afgesloten", self.afgesloten, "datum", Some(self.datum));
        if self.afgesloten.is_some() && self.uitkomst.is_none() {
            c.fout("uitkomst", DomeinFout::UitkomstVerplicht);
        }
        c.klaar()
    }
}

/// A referral from a melding to an algemene or voorliggende voorziening.
#[derive(Debug, Clone, PartialEq)]
pub struct Verwijzing {
    /// Identifier.
    pub id: String,
    /// The melding it came from.
    pub melding: String,
    /// The provision referred to.
    pub voorziening: String,
    /// Date of the referral.
    pub datum: NaiveDate,
    /// Where it stands.
    pub status: VerwijzingStatus,
    /// Date it finished (required when `afgerond`).
    pub afgerond_op: Option<NaiveDate>,
    /// Whether the question was solved there (required when `afgerond`).
    pub opgelost: Option<bool>,
}

impl Verwijzing {
    /// Checks the record on its own.
    pub fn valideer(&self) -> Result<(), Vec<Veldfout>> {
        let mut c = Controle::default();
        c.niet_leeg("id", &self.id, MAX_NAAM);
        c.niet_leeg("melding", &self.melding, MAX_NAAM);
        c.niet_leeg("voorziening", &self.voorziening, MAX_NAAM);
        c.volgorde("afgerond_op", self.afgerond_op, "datum", Some(self.datum));
        if self.status == VerwijzingStatus::Afgerond {
            if self.afgerond_op.is_none() {
                c.fout("afgerond_op", DomeinFout::VerplichtBijAfgerond);
            }
            if self.opgelost.is_none() {
                c.fout("opgelost", DomeinFout::VerplichtBijAfgerond);
            }
        }
        c.klaar()
    }
}

/// The four answers of the afwegingsladder (AP ch. 6), in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Afweging {
    /// (a) The resident's own abilities and means.
    pub eigen_kracht: String,
    /// (b) The social network.
    pub netwerk: String,
    /// (c) An algemene voorziening.
    pub algemene_voorziening: String,
    /// (d) A voorliggende voorziening under another law.
    pub voorliggende_voorziening: String,
}

impl Afweging {
    /// The rungs in order: exchange field name, Dutch name, answer.
    #[must_use]
    pub fn treden(&self) -> [(&'static str, &'static str, &str); 4] {
        [
            ("eigen_kracht", "eigen kracht", &self.eigen_kracht),
            ("netwerk", "netwerk", &self.netwerk),
            (
                "algemene_voorziening",
                "algemene voorziening",
                &self.algemene_voorziening,
            ),
            (
                "voorliggende_voorziening",
                "voorliggende voorziening",
                &self.voorliggende_voorziening,
            ),
        ]
    }
}

/// A maatwerk provision decided for a resident.
#[derive(Debug, Clone, PartialEq)]
pub struct Toekenning {
    /// Identifier.
    pub id: String,
    /// The resident.
    pub inwoner: String,
    /// The maatwerk provision.
    pub voorziening: String,
    /// The provider, if chosen.
    pub aanbieder: Option<String>,
    /// The contract it falls under.
    pub contract: Option<String>,
    /// The melding it came from.
    pub melding: Option<String>,
    /// Who referred.
    pub verwijzer: Verwijzer,
    /// Date of application.
    pub aanvraag: Option<NaiveDate>,
    /// Date of decision or assignment.
    pub besluit: NaiveDate,
    /// Granted or refused.
    pub uitkomst: BesluitUitkomst,
    /// Date delivery actually started (absent while the resident waits).
    pub start: Option<NaiveDate>,
    /// Date it ended or ends.
    pub eind: Option<NaiveDate>,
    /// Natura or pgb.
    pub leveringsvorm: Leveringsvorm,
    /// Runs under the Doorbraakmethode.
    pub doorbraak: bool,
    /// Why it ended.
    pub reden_einde: Option<RedenEinde>,
    /// The afwegingsladder (legacy data may lack it).
    pub afweging: Option<Afweging>,
}

impl Toekenning {
    /// Checks the record on its own, as the exchange format requires.
    pub fn valideer(&self) -> Result<(), Vec<Veldfout>> {
        let mut c = Controle::default();
        c.niet_leeg("id", &self.id, MAX_NAAM);
        c.niet_leeg("inwoner", &self.inwoner, MAX_NAAM);
        c.niet_leeg("voorziening", &self.voorziening, MAX_NAAM);
        c.volgorde("besluit", Some(self.besluit), "aanvraag", self.aanvraag);
        c.volgorde("eind", self.eind, "start", self.start);
        if self.uitkomst == BesluitUitkomst::Afgewezen {
            if self.start.is_some() {
                c.fout("start", DomeinFout::AfgewezenMetLevering);
            }
            if self.eind.is_some() {
                c.fout("eind", DomeinFout::AfgewezenMetLevering);
            }
        }
        if let Some(afweging) = &self.afweging {
            for (veld, _, antwoord) in afweging.treden() {
                c.lengte(veld_afweging(veld), antwoord, MAX_TEKST);
            }
        }
        c.klaar()
    }

    /// The stricter check for a new decision taken in the register: a
    /// maatwerk decision by the gemeente carries all four answers of the
    /// afwegingsladder (domain.md, step 4).
    pub fn valideer_nieuw_besluit(&self) -> Result<(), Vec<Veldfout>> {
        let mut fouten = self.valideer().err().unwrap_or_default();
        if self.verwijzer == Verwijzer::Gemeente {
            let leeg = Afweging::default();
            let afweging = self.afweging.as_ref().unwrap_or(&leeg);
            for (veld, trede, antwoord) in afweging.treden() {
                if antwoord.trim().is_empty() {
                    fouten.push(Veldfout::new(
                        veld_afweging(veld),
                        DomeinFout::AfwegingOntbreekt { trede },
                    ));
                }
            }
        }
        if fouten.is_empty() {
            Ok(())
        } else {
            Err(fouten)
        }
    }

    /// Whether it runs (granted, started, not ended) on `dag`.
    #[must_use]
    pub fn lopend_op(&self, dag: NaiveDate) -> bool {
        self.uitkomst == BesluitUitkomst::Toegekend
            && self.start.is_some_and(|s| s <= dag)
            && self.eind.is_none_or(|e| e >= dag)
    }
}

/// Field path of an afweging answer, as the import reports it.
fn veld_afweging(veld: &'static str) -> &'static str {
    match veld {
        "eigen_kracht" => "afweging.eigen_kracht",
        "netwerk" => "afweging.netwerk",
        "algemene_voorziening" => "afweging.algemene_voorziening",
        _ => "afweging.voorliggende_voorziening",
    }
}

/// A change of a household's AVE level.
#[derive(Debug, Clone, PartialEq)]
pub struct AveGebeurtenis {
    /// Identifier.
    pub id: String,
    /// The household.
    pub huishouden: String,
    /// Date of the change.
    pub datum: NaiveDate,
    /// New level, 0–4.
    pub niveau: u8,
    /// Why (required).
    pub reden: String,
    /// The casusregisseur (a medewerker).
    pub casusregisseur: Option<String>,
    /// The procesregisseur (required from level 3): a name or an organisation.
    pub procesregisseur: Option<String>,
}

impl AveGebeurtenis {
    /// Checks the record on its own.
    pub fn valideer(&self) -> Result<(), Vec<Veldfout>> {
        let mut c = Controle::default();
        c.niet_leeg("id", &self.id, MAX_NAAM);
        c.niet_leeg("huishouden", &self.huishouden, MAX_NAAM);
        c.niet_leeg("reden", &self.reden, MAX_TEKST);
        if self.niveau > 4 {
            c.fout("niveau", DomeinFout::AveNiveau(i64::from(self.niveau)));
        }
        match &self.procesregisseur {
            Some(p) => c.niet_leeg("procesregisseur", p, MAX_NAAM),
            None if self.niveau >= 3 => {
                c.fout("procesregisseur", DomeinFout::ProcesregisseurVerplicht);
            }
            None => {}
        }
        c.klaar()
    }
}

/// A recovery for misuse or improper use.
#[derive(Debug, Clone, PartialEq)]
pub struct Vordering {
    /// Identifier.
    pub id: String,
    /// Date.
    pub datum: NaiveDate,
    /// Amount in whole euro cents.
    pub bedrag_cent: i64,
    /// Misuse or improper use.
    pub soort: VorderingSoort,
    /// The resident concerned.
    pub inwoner: Option<String>,
    /// The provider concerned.
    pub aanbieder: Option<String>,
}

impl Vordering {
    /// Checks the record on its own.
    pub fn valideer(&self) -> Result<(), Vec<Veldfout>> {
        let mut c = Controle::default();
        c.niet_leeg("id", &self.id, MAX_NAAM);
        if self.bedrag_cent < 0 {
            c.fout("bedrag", DomeinFout::Bedrag(bedrag_tekst(self.bedrag_cent)));
        }
        if self.inwoner.is_none() && self.aanbieder.is_none() {
            c.fout("inwoner", DomeinFout::VorderingZonderPartij);
        }
        c.klaar()
    }
}

/// Formats cents as euros with two decimals and a point ("1520.50").
#[must_use]
pub fn bedrag_tekst(cent: i64) -> String {
    let teken = if cent < 0 { "-" } else { "" };
    let cent = cent.unsigned_abs();
    format!("{teken}{}.{:02}", cent / 100, cent % 100)
}

/// Reference population on 1 January of a year, for one inclusive age band.
#[derive(Debug, Clone, PartialEq)]
pub struct Bevolking {
    /// Year.
    pub jaar: i32,
    /// Lowest age in the band.
    pub leeftijd_van: u8,
    /// Highest age in the band (120 for "and older").
    pub leeftijd_tot: u8,
    /// Number of residents.
    pub aantal: u32,
}

impl Bevolking {
    /// Checks the record on its own (overlap with other bands is the store's check).
    pub fn valideer(&self) -> Result<(), Vec<Veldfout>> {
        let mut c = Controle::default();
        if !(1900..=2200).contains(&self.jaar) {
            c.fout(
                "jaar",
                DomeinFout::BuitenBereik {
                    waarde: i64::from(self.jaar),
                    van: 1900,
                    tot: 2200,
                },
            );
        }
        for (veld, leeftijd) in [
            ("leeftijd_van", self.leeftijd_van),
            ("leeftijd_tot", self.leeftijd_tot),
        ] {
            if leeftijd > 120 {
                c.fout(
                    veld,
                    DomeinFout::BuitenBereik {
                        waarde: i64::from(leeftijd),
                        van: 0,
                        tot: 120,
                    },
                );
            }
        }
        if self.leeftijd_tot < self.leeftijd_van {
            c.fout(
                "leeftijd_tot",
                DomeinFout::LeeftijdsbandOmgekeerd {
                    van: self.leeftijd_van,
                    tot: self.leeftijd_tot,
                },
            );
        }
        c.klaar()
    }

    /// Whether two bands of the same year share an age.
    #[must_use]
    pub fn overlapt(&self, ander: &Bevolking) -> bool {
        self.jaar == ander.jaar
            && self.leeftijd_van <= ander.leeftijd_tot
            && ander.leeftijd_van <= self.leeftijd_tot
    }
}

/// An external indicator value or a target.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicatorwaarde {
    /// Indicator code from the catalogue.
    pub indicator: String,
    /// Year.
    pub jaar: i32,
    /// Realised or target.
    pub soort: WaardeSoort,
    /// Numeric value.
    pub waarde: Option<f64>,
    /// Text value ("Ja", "n.v.t.").
    pub tekst: Option<String>,
    /// Source.
    pub bron: Option<String>,
}

impl Indicatorwaarde {
    /// Checks the record on its own (whether the code is in the catalogue is
    /// checked against `domain::catalogus` by the store).
    pub fn valideer(&self) -> Result<(), Vec<Veldfout>> {
        let mut c = Controle::default();
        c.niet_leeg("indicator", &self.indicator, MAX_NAAM);
        if !(1900..=2200).contains(&self.jaar) {
            c.fout(
                "jaar",
                DomeinFout::BuitenBereik {
                    waarde: i64::from(self.jaar),
                    van: 1900,
                    tot: 2200,
                },
            );
        }
        if let Some(w) = self.waarde
            && !w.is_finite()
        {
            c.fout("waarde", DomeinFout::Bedrag(w.to_string()));
        }
        c.optie("tekst", self.tekst.as_ref(), MAX_NAAM);
        c.optie("bron", self.bron.as_ref(), MAX_TEKST);
        c.klaar()
    }
}

/// One record of the register, as one line of the exchange format.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    /// `wijkteam`
    Wijkteam(Wijkteam),
    /// `medewerker`
    Medewerker(Medewerker),
    /// `aanbieder`
    Aanbieder(Aanbieder),
    /// `contract`
    Contract(Contract),
    /// `voorziening`
    Voorziening(Voorziening),
    /// `inwoner`
    Inwoner(Inwoner),
    /// `melding`
    Melding(Melding),
    /// `verwijzing`
    Verwijzing(Verwijzing),
    /// `toekenning`
    Toekenning(Toekenning),
    /// `ave`
    Ave(AveGebeurtenis),
    /// `vordering`
    Vordering(Vordering),
    /// `bevolking`
    Bevolking(Bevolking),
    /// `indicatorwaarde`
    Indicatorwaarde(Indicatorwaarde),
}

impl Record {
    /// The exchange `type` of the record.
    #[must_use]
    pub fn soort(&self) -> &'static str {
        match self {
            Record::Wijkteam(_) => "wijkteam",
            Record::Medewerker(_) => "medewerker",
            Record::Aanbieder(_) => "aanbieder",
            Record::Contract(_) => "contract",
            Record::Voorziening(_) => "voorziening",
            Record::Inwoner(_) => "inwoner",
            Record::Melding(_) => "melding",
            Record::Verwijzing(_) => "verwijzing",
            Record::Toekenning(_) => "toekenning",
            Record::Ave(_) => "ave",
            Record::Vordering(_) => "vordering",
            Record::Bevolking(_) => "bevolking",
            Record::Indicatorwaarde(_) => "indicatorwaarde",
        }
    }

    /// [`Record::valideer`] plus the rules that need today (a resident's
    /// date of birth is not in the future).
    pub fn valideer_op(&self, vandaag: NaiveDate) -> Result<(), Vec<Veldfout>> {
        match self {
            Record::Inwoner(r) => r.valideer_op(vandaag),
            anders => anders.valideer(),
        }
    }

    /// Checks the record on its own.
    pub fn valideer(&self) -> Result<(), Vec<Veldfout>> {
        match self {
            Record::Wijkteam(r) => r.valideer(),
            Record::Medewerker(r) => r.valideer(),
            Record::Aanbieder(r) => r.valideer(),
            Record::Contract(r) => r.valideer(),
            Record::Voorziening(r) => r.valideer(),
            Record::Inwoner(r) => r.valideer(),
            Record::Melding(r) => r.valideer(),
            Record::Verwijzing(r) => r.valideer(),
            Record::Toekenning(r) => r.valideer(),
            Record::Ave(r) => r.valideer(),
            Record::Vordering(r) => r.valideer(),
            Record::Bevolking(r) => r.valideer(),
            Record::Indicatorwaarde(r) => r.valideer(),
        }
    }
}
