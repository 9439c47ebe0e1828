//! AVE: Aanpak Voorkomen Escalatie — five levels, 0 to 4, per household
//! (AP ch. 7; `domain.md`). The default texts live here; a beheerder may
//! reword them (not add or remove levels), which the store keeps.
//!
//! Every change of level (*opschalen*, *afschalen*) is an event that is
//! never changed afterwards. The rules for a new event are pure functions:
//! the household members' birth dates, the medewerkers' roles, the previous
//! event and "today" come in as parameters ([`AveContext`]).
//!
//! Decisions, so the screens and the store agree:
//! - **History stays ordered.** A new event may not be dated before the
//!   household's latest event, nor after today. A correction is a *new*
//!   event dated on or after the latest one (the same day is allowed; the
//!   one recorded last then counts). Users read the timeline as "what we
//!   knew when", so a back-dated entry that silently reorders it would
//!   surprise them more than a correction shown on the day it was made.
//! - **No events = no level.** A household without events has no AVE level
//!   recorded yet; screens say so instead of assuming level 0.
//! - **Direction.** A first event compares with level 0: a first event at
//!   level 1 or higher is an *opschaling*.
//! - **Casusregisseur** is required from level 2 (one household, one plan,
//!   one regisseur) and, when given, must be a medewerker.
//! - **Children.** At level 3 or higher, when a member is under 18 on the
//!   event date (someone turning 18 that very day is an adult), procesregie
//!   must lie with a medewerker whose role is procesmanager, or the event
//!   carries a written reason why not (AP ch. 7: with children involved the
//!   Spoedteam goes to the procesmanagers).
//! - **Team overview.** "Moved up in the last 30 days" means an opschaling
//!   dated from today − 30 days up to today (both included). "No change or
//!   contact for 12 weeks" means nothing dated in today − 84 days up to
//!   today: contact is an AVE event, a melding's date, gesprek, end of
//!   research or closing, a verwijzing's date or completion, or a
//!   toekenning's application, decision or start, of any household member.

use chrono::{Days, NaiveDate};

use super::datum::leeftijd;
use super::fout::{DomeinFout, Veldfout};
use super::records::{MAX_NAAM, MAX_TEKST, controleer_tekens};
use super::waarden::Rol;

/// One level's texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AveNiveauTekst {
    /// 0–4.
    pub niveau: u8,
    /// Short name, e.g. "Zelfredzaam".
    pub naam: String,
    /// The situation it describes.
    pub situatie: String,
    /// Who holds regie.
    pub regie: String,
}

/// Highest AVE level.
pub const AVE_MAX: u8 = 4;

/// The level from which a procesregisseur is required.
pub const AVE_PROCESREGIE_VANAF: u8 = 3;

/// The default texts of the five levels (domain.md).
#[must_use]
pub fn standaard_niveaus() -> Vec<AveNiveauTekst> {
    [
        (0, "Zelfredzaam", "Geen zorgen buiten het gewone leven; preventie en de sociale basis.", "Het huishouden zelf"),
        (1, "Enkelvoudige vraag", "Eén vraag, één professional.", "Het huishouden, met die professional"),
        (2, "Meervoudige problematiek", "Meerdere leefgebieden of professionals; één huishouden, één plan, één regisseur.", "Casusregie: wijkteam (wijkcoach of gezinscoach)"),
        (3, "Complex, vastgelopen of onveilig", "De casus is vastgelopen of er zijn veiligheidsrisico's; het Spoedteam is eerste aanspreekpunt, procesmanagers als er kinderen bij betrokken zijn.", "Procesregie: procesmanager, team Zorg en Veiligheid"),
        (4, "Escalatie", "De situatie is geëscaleerd; acute onveiligheid.", "Procesregie: Zorg- en Veiligheidshuis; bestuurlijke verantwoordelijkheid: burgemeester"),
    ]
    .into_iter()
    .map(|(niveau, naam, situatie, regie)| AveNiveauTekst {
        niveau,
        naam: naam.to_owned(),
        situatie: situatie.to_owned(),
        regie: regie.to_owned(),
    })
    .collect()
}

/// The default name of a level, or "onbekend" outside 0–4.
#[must_use]
pub fn standaard_naam(niveau: u8) -> &'static str {
    match niveau {
        0 => "Zelfredzaam",
        1 => "Enkelvoudige vraag",
        2 => "Meervoudige problematiek",
        3 => "Complex, vastgelopen of onveilig",
        4 => "Escalatie",
        _ => "onbekend",
    }
}

/// Age from which a household member counts as an adult.
pub const MEERDERJARIG_JAREN: i32 = 18;

/// "Moved up in the last … days" in the team overview.
pub const OPGESCHAALD_BINNEN_DAGEN: u64 = 30;

/// "No change or contact for … weeks" in the team overview.
pub const ZONDER_CONTACT_WEKEN: u64 = 12;

/// The level from which a casusregisseur is required.
pub const AVE_CASUSREGIE_VANAF: u8 = 2;

/// Organisations that can hold procesregie (AP ch. 7), offered in forms.
pub const PROCESREGIE_ORGANISATIES: &[&str] = &["Spoedteam", "Zorg- en Veiligheidshuis"];

/// A level's colour: the swatch and the text that reads on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AveKleur {
    /// Background, RGB.
    pub achtergrond: (u8, u8, u8),
    /// Text on that background, RGB (contrast at least 4.5:1, WCAG AA).
    pub tekst: (u8, u8, u8),
}

/// The colours of levels 0–4, green to dark red. Always shown together with
/// the level's number and name, never alone. Contrast of the text colour on
/// the background: 5.1, 7.3, 10.7, 5.6 and 10.0 to 1.
pub const AVE_KLEUREN: [AveKleur; 5] = [
    // #2E7D32 green, white text.
    AveKleur {
        achtergrond: (0x2E, 0x7D, 0x32),
        tekst: (0xFF, 0xFF, 0xFF),
    },
    // #9E9D24 olive, black text.
    AveKleur {
        achtergrond: (0x9E, 0x9D, 0x24),
        tekst: (0x00, 0x00, 0x00),
    },
    // #F9A825 amber, black text.
    AveKleur {
        achtergrond: (0xF9, 0xA8, 0x25),
        tekst: (0x00, 0x00, 0x00),
    },
    // #BF360C deep orange, white text.
    AveKleur {
        achtergrond: (0xBF, 0x36, 0x0C),
        tekst: (0xFF, 0xFF, 0xFF),
    },
    // #8B0000 dark red, white text.
    AveKleur {
        achtergrond: (0x8B, 0x00, 0x00),
        tekst: (0xFF, 0xFF, 0xFF),
    },
];

/// The colour of a level (levels above 4 get the colour of 4).
#[must_use]
pub fn kleur(niveau: u8) -> AveKleur {
    AVE_KLEUREN[usize::from(niveau.min(AVE_MAX))]
}

/// How a level is written wherever it appears: "Niveau 3 · Complex, …".
#[must_use]
pub fn niveau_label(niveau: u8, naam: &str) -> String {
    format!("Niveau {niveau} · {naam}")
}

/// The name of `niveau` in (possibly reworded) `teksten`, else the default.
#[must_use]
pub fn naam_in(teksten: &[AveNiveauTekst], niveau: u8) -> String {
    teksten
        .iter()
        .find(|t| t.niveau == niveau)
        .map_or_else(|| standaard_naam(niveau).to_owned(), |t| t.naam.clone())
}

/// Checks reworded level texts: exactly the levels 0–4, each once, each
/// with a name; texts not longer than the register accepts.
pub fn valideer_teksten(teksten: &[AveNiveauTekst]) -> Result<(), Vec<Veldfout>> {
    const NAAM_VELDEN: [&str; 5] = [
        "naam van niveau 0",
        "naam van niveau 1",
        "naam van niveau 2",
        "naam van niveau 3",
        "naam van niveau 4",
    ];
    let mut fouten = Vec::new();
    let mut gezien = [false; 5];
    for t in teksten {
        match gezien.get_mut(usize::from(t.niveau)) {
            Some(g) if !*g => *g = true,
            _ => {
                fouten.push(Veldfout::new(
                    "niveau",
                    DomeinFout::AveNiveausAantal(teksten.len()),
                ));
                return Err(fouten);
            }
        }
        let veld = NAAM_VELDEN[usize::from(t.niveau)];
        if t.naam.trim().is_empty() {
            fouten.push(Veldfout::new(veld, DomeinFout::Leeg));
        } else if t.naam.chars().count() > MAX_NAAM {
            fouten.push(Veldfout::new(
                veld,
                DomeinFout::TeLang {
                    lengte: t.naam.chars().count(),
                    max: MAX_NAAM,
                },
            ));
        } else if let Err(f) = controleer_tekens(&t.naam, false) {
            fouten.push(Veldfout::new(veld, f));
        }
        for (veld, tekst) in [("situatie", &t.situatie), ("regie", &t.regie)] {
            let lengte = tekst.chars().count();
            if lengte > MAX_TEKST {
                fouten.push(Veldfout::new(
                    veld,
                    DomeinFout::TeLang {
                        lengte,
                        max: MAX_TEKST,
                    },
                ));
            } else if let Err(f) = controleer_tekens(tekst, true) {
                fouten.push(Veldfout::new(veld, f));
            }
        }
    }
    if teksten.len() != usize::from(AVE_MAX) + 1 {
        fouten.insert(
            0,
            Veldfout::new("niveau", DomeinFout::AveNiveausAantal(teksten.len())),
        );
    }
    if fouten.is_empty() {
        Ok(())
    } else {
        Err(fouten)
    }
}

/// Whether a change moves the level up, down or keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Richting {
    /// A higher level (*opschalen*).
    Opschalen,
    /// A lower level (*afschalen*).
    Afschalen,
    /// The same level (e.g. a new regisseur or a correction of the reason).
    Gelijk,
}

impl Richting {
    /// The Dutch word shown on screen.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Richting::Opschalen => "opgeschaald",
            Richting::Afschalen => "afgeschaald",
            Richting::Gelijk => "gelijk gebleven",
        }
    }
}

/// The direction from the previous level (none: compared with level 0) to `nieuw`.
#[must_use]
pub fn richting(vorig: Option<u8>, nieuw: u8) -> Richting {
    let vorig = vorig.unwrap_or(0);
    match nieuw.cmp(&vorig) {
        std::cmp::Ordering::Greater => Richting::Opschalen,
        std::cmp::Ordering::Less => Richting::Afschalen,
        std::cmp::Ordering::Equal => Richting::Gelijk,
    }
}

/// Who holds procesregie: a medewerker of the register (by id) or an
/// organisation (free text, e.g. "Spoedteam").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Procesregisseur {
    /// A medewerker, by id.
    Medewerker(String),
    /// An organisation, by name.
    Organisatie(String),
}

/// A medewerker as the AVE rules need them: id, name and role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MedewerkerRol {
    /// Identifier.
    pub id: String,
    /// Full name (what the exchange format's `procesregisseur` holds).
    pub naam: String,
    /// Role.
    pub rol: Rol,
    /// The wijkteam (none for procesmanagers and beheerders).
    pub wijkteam: Option<String>,
}

/// The household's latest event, which a new one must not precede.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VorigeAve {
    /// Its date.
    pub datum: NaiveDate,
    /// Its level.
    pub niveau: u8,
}

/// What the rules for a new event need besides the event itself.
#[derive(Debug, Clone, Copy)]
pub struct AveContext<'a> {
    /// Today.
    pub vandaag: NaiveDate,
    /// Birth dates of the household's members.
    pub geboortedata: &'a [NaiveDate],
    /// The medewerkers the event may name (at least those it names).
    pub medewerkers: &'a [MedewerkerRol],
    /// The household's latest event, if any.
    pub vorige: Option<VorigeAve>,
}

impl AveContext<'_> {
    fn medewerker(&self, id: &str) -> Option<&MedewerkerRol> {
        self.medewerkers.iter().find(|m| m.id == id)
    }
}

/// A new change of a household's AVE level, as a user enters it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NieuweAveGebeurtenis {
    /// The household.
    pub huishouden: String,
    /// Date of the change.
    pub datum: NaiveDate,
    /// New level, 0–4.
    pub niveau: u8,
    /// Why (required).
    pub reden: String,
    /// The casusregisseur's medewerker id (required from level 2).
    pub casusregisseur: Option<String>,
    /// Who holds procesregie (required from level 3).
    pub procesregisseur: Option<Procesregisseur>,
    /// The medewerker who records the change.
    pub geregistreerd_door: String,
    /// Why procesregie is not with a procesmanager although a child is involved.
    pub reden_geen_procesmanager: Option<String>,
}

/// Whether someone born on `geboren` is under 18 on `op` (turning 18 that day counts as adult).
/// Someone born after `op` was not yet a member then and does not count.
#[must_use]
pub fn minderjarig_op(geboren: NaiveDate, op: NaiveDate) -> bool {
    geboren <= op && leeftijd(geboren, op) < MEERDERJARIG_JAREN
}

impl NieuweAveGebeurtenis {
    /// Whether the children rule applies: level 3 or higher and a member under 18 on the date.
    #[must_use]
    pub fn kinderregel_geldt(&self, geboortedata: &[NaiveDate]) -> bool {
        self.niveau >= AVE_PROCESREGIE_VANAF
            && geboortedata.iter().any(|g| minderjarig_op(*g, self.datum))
    }

    /// Checks every rule; on success returns the direction of the change.
    /// Errors are tied to the form's fields (`datum`, `niveau`, `reden`,
    /// `casusregisseur`, `procesregisseur`, `reden_geen_procesmanager`,
    /// `geregistreerd_door`, `huishouden`).
    pub fn valideer(&self, ctx: &AveContext<'_>) -> Result<Richting, Vec<Veldfout>> {
        let mut f: Vec<Veldfout> = Vec::new();
        let mut fout = |veld: &'static str, e: DomeinFout| f.push(Veldfout::new(veld, e));

        if self.huishouden.trim().is_empty() {
            fout("huishouden", DomeinFout::Leeg);
        }
        if self.datum > ctx.vandaag {
            fout("datum", DomeinFout::DatumNaVandaag(self.datum));
        } else if let Some(vorige) = ctx.vorige
            && self.datum < vorige.datum
        {
            fout(
                "datum",
                DomeinFout::DatumVoor {
                    datum: self.datum,
                    eerder_veld: "de laatste AVE-wijziging",
                    eerder: vorige.datum,
                },
            );
        }
        if self.niveau > AVE_MAX {
            fout("niveau", DomeinFout::AveNiveau(i64::from(self.niveau)));
        }
        let reden_lengte = self.reden.chars().count();
        if self.reden.trim().is_empty() {
            fout("reden", DomeinFout::Leeg);
        } else if reden_lengte > MAX_TEKST {
            fout(
                "reden",
                DomeinFout::TeLang {
                    lengte: reden_lengte,
                    max: MAX_TEKST,
                },
            );
        } else if let Err(f) = controleer_tekens(&self.reden, true) {
            fout("reden", f);
        }

        match self.casusregisseur.as_deref().map(str::trim) {
            None | Some("") if self.niveau >= AVE_CASUSREGIE_VANAF => {
                fout("casusregisseur", DomeinFout::Verplicht);
            }
            None | Some("") => {}
            Some(id) if ctx.medewerker(id).is_none() => {
                fout(
                    "casusregisseur",
                    DomeinFout::OnbekendeMedewerker(id.to_owned()),
                );
            }
            Some(_) => {}
        }

        let procesmanager = match &self.procesregisseur {
            None => None,
            Some(Procesregisseur::Medewerker(id)) => {
                if let Some(m) = ctx.medewerker(id) {
                    Some(m.rol == Rol::Procesmanager)
                } else {
                    fout(
                        "procesregisseur",
                        DomeinFout::OnbekendeMedewerker(id.clone()),
                    );
                    None
                }
            }
            Some(Procesregisseur::Organisatie(naam)) => {
                let lengte = naam.chars().count();
                if naam.trim().is_empty() {
                    None
                } else if lengte > MAX_NAAM {
                    fout(
                        "procesregisseur",
                        DomeinFout::TeLang {
                            lengte,
                            max: MAX_NAAM,
                        },
                    );
                    None
                } else if let Err(f) = controleer_tekens(naam, false) {
                    fout("procesregisseur", f);
                    None
                } else {
                    Some(false)
                }
            }
        };
        let heeft_procesregisseur = match &self.procesregisseur {
            Some(Procesregisseur::Medewerker(_)) => true,
            Some(Procesregisseur::Organisatie(naam)) => !naam.trim().is_empty(),
            None => false,
        };
        if self.niveau >= AVE_PROCESREGIE_VANAF {
            if !heeft_procesregisseur {
                fout("procesregisseur", DomeinFout::ProcesregisseurVerplicht);
            } else if procesmanager == Some(false) && self.kinderregel_geldt(ctx.geboortedata) {
                let uitleg = self
                    .reden_geen_procesmanager
                    .as_deref()
                    .map_or("", str::trim);
                if uitleg.is_empty() {
                    fout("procesregisseur", DomeinFout::ProcesmanagerBijKinderen);
                }
            }
        }
        if let Some(uitleg) = &self.reden_geen_procesmanager {
            let lengte = uitleg.chars().count();
            if lengte > MAX_TEKST {
                fout(
                    "reden_geen_procesmanager",
                    DomeinFout::TeLang {
                        lengte,
                        max: MAX_TEKST,
                    },
                );
            } else if let Err(f) = controleer_tekens(uitleg, true) {
                fout("reden_geen_procesmanager", f);
            }
        }

        match self.geregistreerd_door.trim() {
            "" => fout("geregistreerd_door", DomeinFout::Verplicht),
            id if ctx.medewerker(id).is_none() => {
                fout(
                    "geregistreerd_door",
                    DomeinFout::OnbekendeMedewerker(id.to_owned()),
                );
            }
            _ => {}
        }

        if f.is_empty() {
            Ok(richting(ctx.vorige.map(|v| v.niveau), self.niveau))
        } else {
            Err(f)
        }
    }

    /// The `procesregisseur` text as the register and the exchange format
    /// keep it: the medewerker's name, or the organisation.
    #[must_use]
    pub fn procesregisseur_tekst(&self, medewerkers: &[MedewerkerRol]) -> Option<String> {
        match &self.procesregisseur {
            None => None,
            Some(Procesregisseur::Medewerker(id)) => Some(
                medewerkers
                    .iter()
                    .find(|m| &m.id == id)
                    .map_or_else(|| id.clone(), |m| m.naam.clone()),
            ),
            Some(Procesregisseur::Organisatie(naam)) => {
                let naam = naam.trim();
                (!naam.is_empty()).then(|| naam.to_owned())
            }
        }
    }
}

/// First day that counts for "moved up in the last 30 days" (today − 30 days).
#[must_use]
pub fn opgeschaald_vanaf(vandaag: NaiveDate) -> NaiveDate {
    vandaag
        .checked_sub_days(Days::new(OPGESCHAALD_BINNEN_DAGEN))
        .unwrap_or(NaiveDate::MIN)
}

/// Whether an event on `datum` in `richting` counts as moved up in the last 30 days.
#[must_use]
pub fn recent_opgeschaald(datum: NaiveDate, richting: Richting, vandaag: NaiveDate) -> bool {
    richting == Richting::Opschalen && datum >= opgeschaald_vanaf(vandaag) && datum <= vandaag
}

/// First day that counts as recent contact (today − 12 weeks).
#[must_use]
pub fn contact_vanaf(vandaag: NaiveDate) -> NaiveDate {
    vandaag
        .checked_sub_days(Days::new(ZONDER_CONTACT_WEKEN * 7))
        .unwrap_or(NaiveDate::MIN)
}

/// Whether a household whose latest change or contact was on `laatste` has
/// gone 12 weeks without any (a contact exactly 12 weeks ago still counts).
#[must_use]
pub fn zonder_recent_contact(laatste: Option<NaiveDate>, vandaag: NaiveDate) -> bool {
    laatste.is_none_or(|d| d < contact_vanaf(vandaag))
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "a test may panic on a broken fixture")]
mod tests {
    use super::*;

    #[test]
    fn vijf_niveaus_op_volgorde() {
        let niveaus = standaard_niveaus();
        assert_eq!(niveaus.len(), 5);
        for (i, n) in niveaus.iter().enumerate() {
            assert_eq!(usize::from(n.niveau), i);
            assert_eq!(n.naam, standaard_naam(n.niveau));
        }
        assert_eq!(standaard_naam(5), "onbekend");
    }

    fn d(j: i32, m: u32, dag: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(j, m, dag).expect("test date")
    }

    fn medewerkers() -> Vec<MedewerkerRol> {
        [
            ("m1", "Anna Wijkcoach", Rol::Wijkcoach),
            ("pm", "Piet Procesmanager", Rol::Procesmanager),
        ]
        .into_iter()
        .map(|(id, naam, rol)| MedewerkerRol {
            id: id.to_owned(),
            naam: naam.to_owned(),
            rol,
            wijkteam: None,
        })
        .collect()
    }

    fn gebeurtenis(niveau: u8, proces: Option<Procesregisseur>) -> NieuweAveGebeurtenis {
        NieuweAveGebeurtenis {
            huishouden: "hh1".to_owned(),
            datum: d(2026, 3, 10),
            niveau,
            reden: "Schulden en zorgen om veiligheid".to_owned(),
            casusregisseur: Some("m1".to_owned()),
            procesregisseur: proces,
            geregistreerd_door: "m1".to_owned(),
            reden_geen_procesmanager: None,
        }
    }

    fn velden(r: Result<Richting, Vec<Veldfout>>) -> Vec<(&'static str, DomeinFout)> {
        r.expect_err("moet fouten geven")
            .into_iter()
            .map(|f| (f.veld, f.fout))
            .collect()
    }

    const VOLWASSENEN: [NaiveDate; 1] = [NaiveDate::from_ymd_opt(1980, 1, 1).expect("d")];

    fn ctx<'a>(geboren: &'a [NaiveDate], mw: &'a [MedewerkerRol]) -> AveContext<'a> {
        AveContext {
            vandaag: d(2026, 3, 20),
            geboortedata: geboren,
            medewerkers: mw,
            vorige: None,
        }
    }

    #[test]
    fn geldige_gebeurtenis_geeft_richting() {
        let mw = medewerkers();
        let mut c = ctx(&VOLWASSENEN, &mw);
        assert_eq!(gebeurtenis(1, None).valideer(&c), Ok(Richting::Opschalen));
        assert_eq!(gebeurtenis(0, None).valideer(&c), Ok(Richting::Gelijk));
        c.vorige = Some(VorigeAve {
            datum: d(2026, 1, 1),
            niveau: 3,
        });
        assert_eq!(gebeurtenis(2, None).valideer(&c), Ok(Richting::Afschalen));
        assert_eq!(
            gebeurtenis(3, Some(Procesregisseur::Organisatie("Spoedteam".into()))).valideer(&c),
            Ok(Richting::Gelijk)
        );
    }

    #[test]
    fn reden_verplicht() {
        let mw = medewerkers();
        let mut g = gebeurtenis(1, None);
        g.reden = "   ".to_owned();
        assert_eq!(
            velden(g.valideer(&ctx(&VOLWASSENEN, &mw))),
            vec![("reden", DomeinFout::Leeg)]
        );
    }

    #[test]
    fn niveau_nul_tot_vier() {
        let mw = medewerkers();
        let g = gebeurtenis(
            5,
            Some(Procesregisseur::Organisatie(
                "Zorg- en Veiligheidshuis".into(),
            )),
        );
        assert_eq!(
            velden(g.valideer(&ctx(&VOLWASSENEN, &mw))),
            vec![("niveau", DomeinFout::AveNiveau(5))]
        );
        let g = gebeurtenis(
            4,
            Some(Procesregisseur::Organisatie(
                "Zorg- en Veiligheidshuis".into(),
            )),
        );
        assert!(g.valideer(&ctx(&VOLWASSENEN, &mw)).is_ok());
    }

    #[test]
    fn procesregisseur_vanaf_drie() {
        let mw = medewerkers();
        let c = ctx(&VOLWASSENEN, &mw);
        assert!(gebeurtenis(2, None).valideer(&c).is_ok());
        assert_eq!(
            velden(gebeurtenis(3, None).valideer(&c)),
            vec![("procesregisseur", DomeinFout::ProcesregisseurVerplicht)]
        );
        let leeg = gebeurtenis(4, Some(Procesregisseur::Organisatie("  ".into())));
        assert_eq!(
            velden(leeg.valideer(&c)),
            vec![("procesregisseur", DomeinFout::ProcesregisseurVerplicht)]
        );
        assert_eq!(
            velden(gebeurtenis(3, Some(Procesregisseur::Medewerker("wie".into()))).valideer(&c)),
            vec![(
                "procesregisseur",
                DomeinFout::OnbekendeMedewerker("wie".into())
            )]
        );
    }

    #[test]
    fn casusregisseur_is_medewerker_en_verplicht_vanaf_twee() {
        let mw = medewerkers();
        let c = ctx(&VOLWASSENEN, &mw);
        let mut g = gebeurtenis(2, None);
        g.casusregisseur = Some("onbekend".to_owned());
        assert_eq!(
            velden(g.valideer(&c)),
            vec![(
                "casusregisseur",
                DomeinFout::OnbekendeMedewerker("onbekend".into())
            )]
        );
        g.casusregisseur = None;
        assert_eq!(
            velden(g.valideer(&c)),
            vec![("casusregisseur", DomeinFout::Verplicht)]
        );
        g.niveau = 1;
        assert!(g.valideer(&c).is_ok());
        g.geregistreerd_door = "x".to_owned();
        assert_eq!(
            velden(g.valideer(&c)),
            vec![(
                "geregistreerd_door",
                DomeinFout::OnbekendeMedewerker("x".into())
            )]
        );
    }

    #[test]
    fn kinderen_vragen_een_procesmanager() {
        let mw = medewerkers();
        // 17 on the event date (10-03-2026).
        let kind = [d(1980, 1, 1), d(2008, 3, 11)];
        let c = ctx(&kind, &mw);
        assert!(
            gebeurtenis(3, Some(Procesregisseur::Medewerker("pm".into())))
                .valideer(&c)
                .is_ok()
        );
        let spoedteam = gebeurtenis(3, Some(Procesregisseur::Organisatie("Spoedteam".into())));
        assert_eq!(
            velden(spoedteam.valideer(&c)),
            vec![("procesregisseur", DomeinFout::ProcesmanagerBijKinderen)]
        );
        // A wijkcoach is a medewerker but not a procesmanager.
        let coach = gebeurtenis(4, Some(Procesregisseur::Medewerker("m1".into())));
        assert_eq!(
            velden(coach.valideer(&c)),
            vec![("procesregisseur", DomeinFout::ProcesmanagerBijKinderen)]
        );
        let mut met_reden = spoedteam.clone();
        met_reden.reden_geen_procesmanager = Some(" ".to_owned());
        assert!(
            met_reden.valideer(&c).is_err(),
            "a blank reason is no reason"
        );
        met_reden.reden_geen_procesmanager =
            Some("Procesmanagers vol; Spoedteam neemt tijdelijk over".to_owned());
        assert!(met_reden.valideer(&c).is_ok());
        // Below level 3 the rule does not apply.
        assert!(
            gebeurtenis(2, Some(Procesregisseur::Organisatie("Spoedteam".into())))
                .valideer(&c)
                .is_ok()
        );
    }

    #[test]
    fn achttien_op_de_dag_zelf_is_volwassen() {
        let mw = medewerkers();
        let achttien_vandaag = [d(2008, 3, 10)];
        let spoedteam = gebeurtenis(3, Some(Procesregisseur::Organisatie("Spoedteam".into())));
        assert!(spoedteam.valideer(&ctx(&achttien_vandaag, &mw)).is_ok());
        assert!(minderjarig_op(d(2008, 3, 11), d(2026, 3, 10)));
        assert!(!minderjarig_op(d(2008, 3, 10), d(2026, 3, 10)));
        // Not yet born on the event date: not a member then.
        assert!(!minderjarig_op(d(2026, 3, 11), d(2026, 3, 10)));
    }

    #[test]
    fn datum_niet_voor_laatste_en_niet_in_de_toekomst() {
        let mw = medewerkers();
        let mut c = ctx(&VOLWASSENEN, &mw);
        c.vorige = Some(VorigeAve {
            datum: d(2026, 3, 11),
            niveau: 1,
        });
        let g = gebeurtenis(1, None);
        let f = velden(g.valideer(&c));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, "datum");
        assert!(f[0].1.to_string().contains("11-03-2026"), "{}", f[0].1);
        // The same day as the latest event is a correction and allowed.
        c.vorige = Some(VorigeAve {
            datum: d(2026, 3, 10),
            niveau: 1,
        });
        assert_eq!(g.valideer(&c), Ok(Richting::Gelijk));
        c.vandaag = d(2026, 3, 9);
        assert_eq!(
            velden(g.valideer(&c)),
            vec![("datum", DomeinFout::DatumNaVandaag(d(2026, 3, 10)))]
        );
    }

    #[test]
    fn procesregisseur_tekst_is_naam_of_organisatie() {
        let mw = medewerkers();
        assert_eq!(
            gebeurtenis(3, Some(Procesregisseur::Medewerker("pm".into())))
                .procesregisseur_tekst(&mw)
                .as_deref(),
            Some("Piet Procesmanager")
        );
        assert_eq!(
            gebeurtenis(3, Some(Procesregisseur::Organisatie(" Spoedteam ".into())))
                .procesregisseur_tekst(&mw)
                .as_deref(),
            Some("Spoedteam")
        );
        assert_eq!(gebeurtenis(1, None).procesregisseur_tekst(&mw), None);
    }

    #[test]
    fn grenzen_van_het_teamoverzicht() {
        let vandaag = d(2026, 3, 31);
        assert_eq!(opgeschaald_vanaf(vandaag), d(2026, 3, 1));
        assert!(recent_opgeschaald(
            d(2026, 3, 1),
            Richting::Opschalen,
            vandaag
        ));
        assert!(!recent_opgeschaald(
            d(2026, 2, 28),
            Richting::Opschalen,
            vandaag
        ));
        assert!(!recent_opgeschaald(
            d(2026, 3, 20),
            Richting::Afschalen,
            vandaag
        ));
        assert!(!recent_opgeschaald(
            d(2026, 4, 1),
            Richting::Opschalen,
            vandaag
        ));
        assert_eq!(contact_vanaf(vandaag), d(2026, 1, 6));
        assert!(!zonder_recent_contact(Some(d(2026, 1, 6)), vandaag));
        assert!(zonder_recent_contact(Some(d(2026, 1, 5)), vandaag));
        assert!(zonder_recent_contact(None, vandaag));
    }

    #[test]
    fn kleuren_en_label() {
        assert_eq!(kleur(0).achtergrond, (0x2E, 0x7D, 0x32));
        assert_eq!(kleur(4).achtergrond, (0x8B, 0x00, 0x00));
        assert_eq!(kleur(9), kleur(4));
        assert_eq!(
            niveau_label(3, standaard_naam(3)),
            "Niveau 3 · Complex, vastgelopen of onveilig"
        );
    }

    #[test]
    fn teksten_precies_vijf_met_naam() {
        let mut t = standaard_niveaus();
        assert!(valideer_teksten(&t).is_ok());
        t[2].naam = " ".to_owned();
        let f = valideer_teksten(&t).expect_err("lege naam");
        assert_eq!(f[0].veld, "naam van niveau 2");
        let mut t = standaard_niveaus();
        t.pop();
        assert!(valideer_teksten(&t).is_err());
        let mut t = standaard_niveaus();
        t.push(AveNiveauTekst {
            niveau: 5,
            naam: "Extra".into(),
            situatie: String::new(),
            regie: String::new(),
        });
        assert!(valideer_teksten(&t).is_err());
        let mut t = standaard_niveaus();
        t[4].niveau = 3;
        assert!(valideer_teksten(&t).is_err());
    }

    #[test]
    fn stuurtekens_in_reden_en_teksten_worden_geweigerd() {
        let mw = medewerkers();
        let c = ctx(&VOLWASSENEN, &mw);
        let mut g = gebeurtenis(1, None);
        g.reden = "Zorgen\u{0}".into();
        assert_eq!(
            velden(g.valideer(&c)),
            vec![(
                "reden",
                DomeinFout::Stuurteken {
                    code: 0,
                    positie: 7
                }
            )]
        );
        g.reden = "Zorgen over de huur,\nen over school.".into();
        assert!(g.valideer(&c).is_ok(), "een regelovergang in een reden mag");

        let mut teksten = standaard_niveaus();
        teksten[2].naam = "Meervoudig\nprobleem".into();
        teksten[3].regie = "Procesregie\u{1b}".into();
        let f = valideer_teksten(&teksten).expect_err("stuurtekens");
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(
            f.iter()
                .all(|v| matches!(v.fout, DomeinFout::Stuurteken { .. }))
        );
    }
}
