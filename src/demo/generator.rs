//! The simulation behind the demo register: households are made one at a
//! time, and each resident lives through the years of history, year by year,
//! with a yearly chance of a melding per domain (youth care, Wmo, beschermd
//! wonen and opvang, income, debts, inburgering, pupil transport) while no
//! earlier trajectory in that domain is running. Every record goes to the
//! sink the moment it is made, in an order where each reference points to an
//! earlier record; only one household is held in memory.

use chrono::{Datelike, NaiveDate, TimeDelta};

use super::kaart::{self, AANBIEDERS, VOORZIENINGEN, WIJKTEAMS};
use super::namen::{ACHTERNAMEN, VOORNAMEN_M, VOORNAMEN_V};
use super::rng::Rng;
use super::teksten;
use super::{DemoInstellingen, DemoVerslag};
use crate::domain::datum::leeftijd;
use crate::domain::{
    Aanbieder, AveGebeurtenis, BesluitUitkomst, Bevolking, Bron, Bsn, Contract, ContractSoort,
    Geslacht, Indicatorwaarde, Inwoner, Leveringsvorm, Medewerker, Melding, MeldingUitkomst,
    Record, RedenEinde, Rol, Toekenning, Verwijzer, Verwijzing, VerwijzingStatus, Voorziening,
    Vordering, VorderingSoort, WaardeSoort, Wet, Wijkteam,
};

/// The inclusive age bands of the `bevolking` records.
pub const BANDEN: [(u8, u8); 8] = [
    (0, 3),
    (4, 11),
    (12, 17),
    (18, 22),
    (23, 26),
    (27, 64),
    (65, 74),
    (75, 120),
];

/// Years of history simulated before the first reported year, so care that
/// runs at the start of the range has its earlier decisions.
const AANLOOP_JAREN: i32 = 2;

/// The register's municipality.
pub const GEMEENTE: &str = "Almelo";

/// Places of residence of regional clients of beschermd wonen.
const REGIO: &[&str] = &[
    "Wierden",
    "Twenterand",
    "Hengelo",
    "Tubbergen",
    "Hellendoorn",
];

/// The life domains a melding can fall under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Domein {
    Jeugd,
    JeugdExtern,
    Wmo,
    BwMo,
    Pw,
    Schuld,
    Inburgering,
    Llv,
    Algemeen,
}

const DOMEINEN: [Domein; 9] = [
    Domein::Jeugd,
    Domein::JeugdExtern,
    Domein::Wmo,
    Domein::BwMo,
    Domein::Pw,
    Domein::Schuld,
    Domein::Inburgering,
    Domein::Llv,
    Domein::Algemeen,
];

impl Domein {
    fn wet(self) -> Option<Wet> {
        Some(match self {
            Domein::Jeugd | Domein::JeugdExtern => Wet::Jeugdwet,
            Domein::Wmo | Domein::BwMo => Wet::Wmo,
            Domein::Pw => Wet::Participatiewet,
            Domein::Schuld => Wet::Schuldhulp,
            Domein::Inburgering => Wet::Inburgering,
            Domein::Llv => Wet::Leerlingenvervoer,
            Domein::Algemeen => return None,
        })
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A raamcontract or maatwerkcontract known to the generator.
struct ContractRij {
    id: String,
    aanbieder: usize,
    wet: Wet,
    van: NaiveDate,
    tot: Option<NaiveDate>,
}

/// The staff of one wijkteam.
#[derive(Default)]
struct Team {
    intakers: Vec<String>,
    coaches: Vec<String>,
    gezinscoaches: Vec<String>,
}

/// A scripted event: which member, domain, date, and what happens.
type Gebeurtenis = (usize, Domein, NaiveDate, Dwang);

/// A member of a household to be made.
struct Lid {
    geboren: NaiveDate,
    geslacht: Option<Geslacht>,
    voornaam: Option<&'static str>,
}

/// A resident while their history is made.
struct Bewoner {
    id: String,
    geboren: NaiveDate,
    regio: bool,
    dood: Option<NaiveDate>,
    schuld_eerder: bool,
    bezet: [NaiveDate; 9],
}

/// A household while its history is made.
struct Huishouden {
    id: String,
    team: usize,
    kinderen: bool,
    signalen: Vec<(NaiveDate, u8)>,
}

/// Identifier counters.
#[derive(Default)]
struct Tellers {
    inwoner: u64,
    huishouden: u64,
    melding: u64,
    verwijzing: u64,
    toekenning: u64,
    ave: u64,
    vordering: u64,
    maatwerkcontract: u64,
}

/// One trajectory of consecutive toekenningen of a maatwerk provision.
struct Keten<'a> {
    voorziening: usize,
    melding: Option<&'a str>,
    verwijzer: Verwijzer,
    aanvraag: Option<NaiveDate>,
    besluit: NaiveDate,
    wacht_dagen: i64,
    eind_gepland: NaiveDate,
    reden_laatste: RedenEinde,
    afgewezen: bool,
    pgb: bool,
    doorbraak: bool,
    maatwerkcontract: bool,
    /// Scripted: no switch of provision or provider along the way.
    vast: bool,
}

/// A scripted event of a casus household: the outcome is maatwerk with
/// these provisions, granted, with the given waiting time and duration.
#[derive(Clone, Copy)]
struct Dwang {
    maatwerk: &'static [&'static str],
    verwijzer: Verwijzer,
    wacht_dagen: Option<i64>,
    min_duur_dagen: i64,
    doorbraak: bool,
    maatwerkcontract: bool,
    naar_bw: bool,
}

impl Dwang {
    const fn van(maatwerk: &'static [&'static str]) -> Dwang {
        Dwang {
            maatwerk,
            verwijzer: Verwijzer::Gemeente,
            wacht_dagen: None,
            min_duur_dagen: 0,
            doorbraak: false,
            maatwerkcontract: false,
            naar_bw: false,
        }
    }
}

/// The generator: settings, random stream, counters and the sink.
pub struct Generator<'s, E> {
    inst: DemoInstellingen,
    rng: Rng,
    peil: NaiveDate,
    sim_start: NaiveDate,
    eerste_jaar: i32,
    contracten: Vec<ContractRij>,
    teams: Vec<Team>,
    procesmanagers: Vec<String>,
    tel: Tellers,
    bevolking: Vec<[u32; 8]>,
    verslag: DemoVerslag,
    sink: &'s mut dyn FnMut(Record) -> Result<(), E>,
}

fn dag(d: NaiveDate, n: i64) -> NaiveDate {
    d + TimeDelta::days(n)
}

fn jan1(jaar: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(jaar, 1, 1).unwrap_or_default()
}

fn dec31(jaar: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(jaar, 12, 31).unwrap_or_default()
}

fn verjaardag(geboren: NaiveDate, jaren: i32) -> NaiveDate {
    geboren
        .with_year(geboren.year() + jaren)
        .or_else(|| NaiveDate::from_ymd_opt(geboren.year() + jaren, 3, 1))
        .unwrap_or(geboren)
}

impl<'s, E> Generator<'s, E> {
    /// A generator for `inst`, or `None` when the years fall outside what the
    /// register accepts.
    pub fn nieuw(
        inst: &DemoInstellingen,
        sink: &'s mut dyn FnMut(Record) -> Result<(), E>,
    ) -> Option<Self> {
        let jaren = i32::try_from(inst.jaren)
            .ok()
            .filter(|j| (1..=50).contains(j))?;
        if !(1950..=2150).contains(&inst.eind_jaar) || inst.inwoners == 0 {
            return None;
        }
        let eerste_jaar = inst.eind_jaar - jaren + 1;
        Some(Generator {
            inst: inst.clone(),
            rng: Rng::nieuw(inst.seed),
            peil: inst
                .peildatum
                .filter(|p| *p < dec31(inst.eind_jaar) && *p >= jan1(inst.eind_jaar))
                .unwrap_or_else(|| dec31(inst.eind_jaar)),
            sim_start: jan1(eerste_jaar - AANLOOP_JAREN),
            eerste_jaar,
            contracten: Vec::new(),
            teams: Vec::new(),
            procesmanagers: Vec::new(),
            tel: Tellers::default(),
            bevolking: vec![[0; 8]; inst.jaren as usize],
            verslag: DemoVerslag::default(),
            sink,
        })
    }

    fn stuur(&mut self, record: Record) -> Result<(), E> {
        self.verslag.tel(&record);
        (self.sink)(record)
    }

    /// Runs the whole generation.
    pub fn genereer(mut self) -> Result<DemoVerslag, E> {
        self.kaart()?;
        let mut gemaakt = if self.inst.inwoners >= 40 {
            self.casussen()?
        } else {
            0
        };
        while gemaakt < self.inst.inwoners {
            gemaakt += self.huishouden(self.inst.inwoners - gemaakt)?;
        }
        self.slot()?;
        Ok(self.verslag)
    }

    fn naam(&mut self) -> String {
        let voornaam = if self.rng.kans(0.5) {
            *self.rng.kies(VOORNAMEN_V)
        } else {
            *self.rng.kies(VOORNAMEN_M)
        };
        format!("{voornaam} {}", self.rng.kies(ACHTERNAMEN))
    }

    /// Wijkteams, staff, providers, contracts and the sociale kaart.
    fn kaart(&mut self) -> Result<(), E> {
        for (id, naam) in WIJKTEAMS {
            self.stuur(Record::Wijkteam(Wijkteam {
                id: (*id).to_owned(),
                naam: (*naam).to_owned(),
            }))?;
        }
        let per_rol = (self.inst.inwoners / 5_000).clamp(2, 10) as usize;
        let mut nummer = 0;
        let mut medewerker =
            |g: &mut Self, rol: Rol, team: Option<&str>| -> Result<(String, String), E> {
                nummer += 1;
                let id = format!("MW-{nummer:04}");
                let naam = g.naam();
                g.stuur(Record::Medewerker(Medewerker {
                    id: id.clone(),
                    naam: naam.clone(),
                    rol,
                    wijkteam: team.map(str::to_owned),
                }))?;
                Ok((id, naam))
            };
        for (team_id, _) in WIJKTEAMS {
            let mut team = Team::default();
            medewerker(self, Rol::Teamleider, Some(team_id))?;
            for _ in 0..per_rol {
                team.intakers
                    .push(medewerker(self, Rol::Intaker, Some(team_id))?.0);
                team.coaches
                    .push(medewerker(self, Rol::Wijkcoach, Some(team_id))?.0);
            }
            for _ in 0..per_rol.div_ceil(2) {
                team.gezinscoaches
                    .push(medewerker(self, Rol::Gezinscoach, Some(team_id))?.0);
            }
            medewerker(self, Rol::Schuldspecialist, Some(team_id))?;
            self.teams.push(team);
        }
        for _ in 0..3 {
            let (_, naam) = medewerker(self, Rol::Procesmanager, None)?;
            self.procesmanagers.push(naam);
        }
        medewerker(self, Rol::Beheerder, None)?;

        for (i, a) in AANBIEDERS.iter().enumerate() {
            self.stuur(Record::Aanbieder(Aanbieder {
                id: a.id.to_owned(),
                naam: a.naam.to_owned(),
                kvk: Some(kaart::kvk(i)),
            }))?;
        }
        // Raamcontracts: most run through the whole range, some are renewed
        // halfway, two end without renewal and one provider enters halfway.
        let begin = jan1(self.eerste_jaar - AANLOOP_JAREN - 2);
        let midden_jaar = self.eerste_jaar + (self.inst.jaren as i32) / 2 - 1;
        let (midden_eind, midden_begin) = (dec31(midden_jaar), jan1(midden_jaar + 1));
        let mut n = 0;
        for (ai, a) in AANBIEDERS.iter().enumerate() {
            for (wi, wet) in a.wetten.iter().enumerate() {
                let eindigt = matches!((a.id, wet), ("A-022" | "A-023", Wet::Jeugdwet));
                let periodes: Vec<(NaiveDate, Option<NaiveDate>)> = if a.id == "A-025" {
                    vec![(midden_begin, None)]
                } else if eindigt {
                    vec![(begin, Some(midden_eind))]
                } else if (ai + wi) % 3 == 0 {
                    vec![(begin, Some(midden_eind)), (midden_begin, None)]
                } else {
                    vec![(begin, None)]
                };
                for (van, tot) in periodes {
                    n += 1;
                    let id = format!("C-{n:03}");
                    self.stuur(Record::Contract(Contract {
                        id: id.clone(),
                        aanbieder: a.id.to_owned(),
                        wet: *wet,
                        soort: ContractSoort::Raamcontract,
                        van,
                        tot,
                    }))?;
                    self.contracten.push(ContractRij {
                        id,
                        aanbieder: ai,
                        wet: *wet,
                        van,
                        tot,
                    });
                }
            }
        }
        for v in VOORZIENINGEN {
            self.stuur(Record::Voorziening(Voorziening {
                id: v.id.to_owned(),
                naam: v.naam.to_owned(),
                soort: v.soort,
                wet: v.wet,
                categorie: v.categorie.map(str::to_owned),
                kenmerken: v.kenmerken.iter().map(|k| (*k).to_owned()).collect(),
            }))?;
        }
        Ok(())
    }

    /// Makes one household of at most `max` residents with its whole
    /// history; returns how many residents it has.
    fn huishouden(&mut self, max: u32) -> Result<u32, E> {
        // Ages on the last day of the range.
        let mut leden: Vec<(i64, Option<Geslacht>)> = Vec::new();
        let regio = self.rng.kans(0.003);
        let soort = if regio {
            99
        } else {
            self.rng
                .gewogen(&[(0, 6), (1, 18), (2, 15), (3, 13), (4, 13), (5, 26), (6, 9)])
        };
        let m = Some(Geslacht::Man);
        let v = Some(Geslacht::Vrouw);
        match soort {
            0 => leden.push((self.rng.tussen(18, 26), None)),
            1 => leden.push((self.rng.tussen(27, 64), None)),
            2 => leden.push((self.rng.tussen(65, 96), None)),
            3 => {
                let a = self.rng.tussen(24, 64);
                leden.push((a, m));
                leden.push(((a + self.rng.tussen(-4, 4)).clamp(20, 66), v));
            }
            4 => {
                let a = self.rng.tussen(65, 92);
                leden.push((a, m));
                leden.push(((a + self.rng.tussen(-5, 3)).max(60), v));
            }
            5 | 6 => {
                let ouder = self.rng.tussen(24, 56);
                leden.push((ouder, if soort == 6 { None } else { m }));
                if soort == 5 {
                    leden.push(((ouder + self.rng.tussen(-4, 3)).max(22), v));
                }
                let kinderen = if soort == 5 {
                    self.rng.gewogen(&[(1, 30), (2, 45), (3, 18), (4, 7)])
                } else {
                    self.rng.gewogen(&[(1, 50), (2, 35), (3, 15)])
                };
                for _ in 0..kinderen {
                    leden.push((self.rng.tussen(0, (ouder - 20).min(21)), None));
                }
            }
            _ => leden.push((self.rng.tussen(19, 60), None)),
        }
        leden.truncate(max as usize);
        let leden: Vec<Lid> = leden
            .into_iter()
            .map(|(jaren, geslacht)| {
                let geboren = dag(self.peil, -(jaren * 365 + self.rng.tussen(0, 364)));
                Lid {
                    geboren,
                    geslacht,
                    voornaam: None,
                }
            })
            .collect();
        let (mut hh, mut bewoners) = self.vestig(&leden, regio)?;
        for b in &mut bewoners {
            self.leef(b, &mut hh)?;
        }
        self.ave(&mut hh)?;
        Ok(leden.len() as u32)
    }

    /// Writes the residents of a new household.
    fn vestig(&mut self, leden: &[Lid], regio: bool) -> Result<(Huishouden, Vec<Bewoner>), E> {
        self.tel.huishouden += 1;
        let hh_id = format!("HH-{:06}", self.tel.huishouden);
        let team = self.rng.index(WIJKTEAMS.len());
        let achternaam = *self.rng.kies(ACHTERNAMEN);
        let woonplaats = if regio {
            *self.rng.kies(REGIO)
        } else {
            GEMEENTE
        };
        let kinderen = leden.iter().any(|l| leeftijd(l.geboren, self.peil) < 18);
        let hh = Huishouden {
            id: hh_id,
            team,
            kinderen,
            signalen: Vec::new(),
        };
        let mut bewoners = Vec::with_capacity(leden.len());
        for (i, lid) in leden.iter().enumerate() {
            let geboren = lid.geboren;
            let geslacht = lid.geslacht.unwrap_or_else(|| {
                self.rng.gewogen(&[
                    (Geslacht::Man, 495),
                    (Geslacht::Vrouw, 495),
                    (Geslacht::Onbekend, 10),
                ])
            });
            let voornaam = match geslacht {
                Geslacht::Man => *self.rng.kies(VOORNAMEN_M),
                Geslacht::Vrouw | Geslacht::Onbekend => *self.rng.kies(VOORNAMEN_V),
            };
            let voornaam = lid.voornaam.unwrap_or(voornaam);
            let eigen_naam = i == 1 && leden.len() > 1 && self.rng.kans(0.4);
            let achternaam = if eigen_naam {
                *self.rng.kies(ACHTERNAMEN)
            } else {
                achternaam
            };
            self.tel.inwoner += 1;
            let id = format!("I-{:06}", self.tel.inwoner);
            let bsn = self.bsn();
            self.stuur(Record::Inwoner(Inwoner {
                id: id.clone(),
                bsn,
                voornaam: voornaam.to_owned(),
                achternaam: achternaam.to_owned(),
                geboortedatum: geboren,
                geslacht: Some(geslacht),
                huishouden: hh.id.clone(),
                wijkteam: Some(WIJKTEAMS[team].0.to_owned()),
                woonplaats: woonplaats.to_owned(),
            }))?;
            if !regio {
                self.tel_bevolking(geboren);
            }
            let dood = self.sterfdatum(geboren);
            bewoners.push(Bewoner {
                id,
                geboren,
                regio,
                dood,
                schuld_eerder: false,
                bezet: [self.sim_start; 9],
            });
        }
        Ok((hh, bewoners))
    }

    /// Scripted households (after the casus stories of the Actieplan) whose
    /// events in the last year make sure every computed indicator has
    /// something to count, whatever the size of the register. Returns the
    /// number of residents.
    fn casussen(&mut self) -> Result<u32, E> {
        let jr = self.inst.eind_jaar;
        // With a peildatum before 31 December the stories move back by the
        // same number of days, so none of their events lies after it.
        let verschuiving = chrono::Duration::days((self.peil - dec31(jr)).num_days());
        let op = |jaar: i32, maand: u32, dag_nr: u32| {
            NaiveDate::from_ymd_opt(jaar, maand, dag_nr).unwrap_or_default() + verschuiving
        };
        let lid = |geboren: NaiveDate, geslacht: Geslacht, voornaam: Option<&'static str>| Lid {
            geboren,
            geslacht: Some(geslacht),
            voornaam,
        };
        let (man, vrouw) = (Geslacht::Man, Geslacht::Vrouw);
        let mut totaal = 0;
        let casussen: Vec<(Vec<Lid>, bool, Vec<Gebeurtenis>)> = vec![
            // Anna: waits for beschermd wonen over the year end; has a Pw benefit.
            (
                vec![lid(op(jr - 34, 3, 12), vrouw, Some("Anna"))],
                false,
                vec![
                    (
                        0,
                        Domein::Pw,
                        op(jr - 2, 5, 1),
                        Dwang {
                            min_duur_dagen: 1_200,
                            ..Dwang::van(&["V-PW"])
                        },
                    ),
                    (
                        0,
                        Domein::BwMo,
                        op(jr, 8, 15),
                        Dwang {
                            wacht_dagen: Some(200),
                            min_duur_dagen: 700,
                            ..Dwang::van(&["V-BW"])
                        },
                    ),
                ],
            ),
            // Carlo: a young man with a Pw benefit.
            (
                vec![lid(op(jr - 23, 9, 2), man, Some("Carlo"))],
                false,
                vec![(
                    0,
                    Domein::Pw,
                    op(jr - 1, 4, 1),
                    Dwang {
                        wacht_dagen: Some(1),
                        min_duur_dagen: 900,
                        ..Dwang::van(&["V-PW"])
                    },
                )],
            ),
            // Gerda and Henk: debts; Henk comes back after a finished trajectory.
            (
                vec![
                    lid(op(jr - 46, 1, 20), man, Some("Henk")),
                    lid(op(jr - 44, 6, 5), vrouw, Some("Gerda")),
                ],
                false,
                vec![
                    (
                        0,
                        Domein::Schuld,
                        op(jr - 3, 3, 1),
                        Dwang {
                            wacht_dagen: Some(5),
                            min_duur_dagen: 200,
                            ..Dwang::van(&["V-SCHULDSPEC"])
                        },
                    ),
                    (
                        0,
                        Domein::Schuld,
                        op(jr, 2, 1),
                        Dwang {
                            wacht_dagen: Some(10),
                            min_duur_dagen: 600,
                            ..Dwang::van(&["V-STADSBANK"])
                        },
                    ),
                    (
                        1,
                        Domein::Schuld,
                        op(jr, 3, 1),
                        Dwang {
                            wacht_dagen: Some(7),
                            min_duur_dagen: 300,
                            ..Dwang::van(&["V-SCHULDSPEC"])
                        },
                    ),
                ],
            ),
            // Miriam and her children: Doorbraakmethode under both laws, a
            // toddler with youth care, jeugdreclassering, pupil transport.
            (
                vec![
                    lid(op(jr - 32, 4, 4), vrouw, Some("Miriam")),
                    lid(op(jr - 2, 2, 14), man, None),
                    lid(op(jr - 15, 7, 1), man, None),
                    lid(op(jr - 9, 10, 10), vrouw, None),
                ],
                false,
                vec![
                    (
                        0,
                        Domein::Wmo,
                        op(jr, 2, 1),
                        Dwang {
                            wacht_dagen: Some(7),
                            min_duur_dagen: 400,
                            doorbraak: true,
                            ..Dwang::van(&["V-BEG"])
                        },
                    ),
                    (
                        1,
                        Domein::Jeugd,
                        op(jr, 1, 20),
                        Dwang {
                            wacht_dagen: Some(7),
                            min_duur_dagen: 300,
                            doorbraak: true,
                            ..Dwang::van(&["V-J-AMB"])
                        },
                    ),
                    (
                        2,
                        Domein::JeugdExtern,
                        op(jr, 3, 1),
                        Dwang {
                            verwijzer: Verwijzer::Rechter,
                            wacht_dagen: Some(3),
                            min_duur_dagen: 300,
                            ..Dwang::van(&["V-J-JR"])
                        },
                    ),
                    (
                        3,
                        Domein::JeugdExtern,
                        op(jr, 2, 10),
                        Dwang {
                            verwijzer: Verwijzer::GecertificeerdeInstelling,
                            wacht_dagen: Some(2),
                            min_duur_dagen: 400,
                            ..Dwang::van(&["V-J-JB"])
                        },
                    ),
                    (
                        3,
                        Domein::Llv,
                        op(jr - 1, 8, 15),
                        Dwang {
                            wacht_dagen: Some(14),
                            min_duur_dagen: 600,
                            ..Dwang::van(&["V-LLV"])
                        },
                    ),
                ],
            ),
            // Meneer Hansen: a stair lift and help in the house.
            (
                vec![lid(op(jr - 81, 11, 30), man, Some("Herman"))],
                false,
                vec![(
                    0,
                    Domein::Wmo,
                    op(jr, 4, 1),
                    Dwang {
                        wacht_dagen: Some(30),
                        min_duur_dagen: 1_000,
                        ..Dwang::van(&["V-WOON", "V-HH"])
                    },
                )],
            ),
            // Nino: in residential youth care until 18, then beschermd wonen.
            (
                vec![
                    lid(op(jr - 45, 2, 2), vrouw, None),
                    lid(op(jr - 18, 6, 15), man, Some("Nino")),
                ],
                false,
                vec![(
                    1,
                    Domein::JeugdExtern,
                    op(jr - 3, 1, 10),
                    Dwang {
                        verwijzer: Verwijzer::GecertificeerdeInstelling,
                        wacht_dagen: Some(20),
                        min_duur_dagen: 3_000,
                        maatwerkcontract: true,
                        naar_bw: true,
                        ..Dwang::van(&["V-J-VERBLIJF"])
                    },
                )],
            ),
            // Peter: 24-hour shelter.
            (
                vec![lid(op(jr - 51, 8, 8), man, Some("Peter"))],
                false,
                vec![(
                    0,
                    Domein::BwMo,
                    op(jr, 5, 1),
                    Dwang {
                        wacht_dagen: Some(0),
                        min_duur_dagen: 120,
                        ..Dwang::van(&["V-MO"])
                    },
                )],
            ),
            // Simone: from the region, in beschermd wonen in Almelo.
            (
                vec![lid(op(jr - 29, 12, 1), vrouw, Some("Simone"))],
                true,
                vec![(
                    0,
                    Domein::BwMo,
                    op(jr - 1, 3, 1),
                    Dwang {
                        wacht_dagen: Some(30),
                        min_duur_dagen: 900,
                        ..Dwang::van(&["V-BW"])
                    },
                )],
            ),
            // Trudie: newcomer in an inburgeringstraject.
            (
                vec![lid(op(jr - 38, 5, 5), vrouw, Some("Trudie"))],
                false,
                vec![(
                    0,
                    Domein::Inburgering,
                    op(jr - 1, 2, 1),
                    Dwang {
                        wacht_dagen: Some(20),
                        min_duur_dagen: 800,
                        ..Dwang::van(&["V-INBURG"])
                    },
                )],
            ),
        ];
        for (leden, regio, gebeurtenissen) in casussen {
            let (mut hh, mut bewoners) = self.vestig(&leden, regio)?;
            let mut met_willekeurige_ave = true;
            for (wie, domein, datum, dwang) in gebeurtenissen {
                let b = &mut bewoners[wie];
                b.dood = None;
                let tot = if domein == Domein::JeugdExtern {
                    self.jeugd_extern(b, &mut hh, datum, Some(&dwang))?
                } else {
                    self.melding(b, &mut hh, domein, datum, Some(&dwang))?
                };
                let i = domein.index();
                b.bezet[i] = b.bezet[i].max(tot);
            }
            if leden[0].voornaam == Some("Miriam") {
                // The escalation ladder up to level 4 and back.
                let mut vorige = 0;
                for (i, niveau) in [2_u8, 3, 4, 3, 2].into_iter().enumerate() {
                    let datum = dag(op(jr, 1, 25), 45 * i as i64);
                    self.ave_stap(&hh, datum, niveau, niveau > vorige)?;
                    vorige = niveau;
                }
                // Its history is this script only.
                hh.signalen.clear();
                met_willekeurige_ave = false;
            }
            if let Some(carlo) = bewoners
                .first()
                .filter(|_| leden[0].voornaam == Some("Carlo"))
            {
                let datum = op(jr, 6, 12);
                self.tel.vordering += 1;
                self.stuur(Record::Vordering(Vordering {
                    id: format!("VO-{:06}", self.tel.vordering),
                    datum,
                    bedrag_cent: 184_350,
                    soort: VorderingSoort::OneigenlijkGebruik,
                    inwoner: Some(carlo.id.clone()),
                    aanbieder: None,
                }))?;
            }
            if met_willekeurige_ave {
                self.ave(&mut hh)?;
            }
            totaal += leden.len() as u32;
        }
        Ok(totaal)
    }

    /// An eight-digit BSN base, unique per resident.
    fn bsn(&self) -> Option<Bsn> {
        let n = (self.tel.inwoner % 7_000_000) as u32;
        let basis = 10_000_000 + n * 11;
        let verschuiving = (self.inst.seed % 11) as u32;
        (0..11).find_map(|k| Bsn::met_controlecijfer(basis + (verschuiving + k) % 11))
    }

    fn tel_bevolking(&mut self, geboren: NaiveDate) {
        for (i, rij) in self.bevolking.iter_mut().enumerate() {
            let peildag = jan1(self.eerste_jaar + i as i32);
            if geboren > peildag {
                continue;
            }
            let l = leeftijd(geboren, peildag);
            if let Some(band) = BANDEN
                .iter()
                .position(|(van, tot)| l >= i32::from(*van) && l <= i32::from(*tot))
            {
                rij[band] += 1;
            }
        }
    }

    /// A date of death for the elderly (yearly mortality by age), if it
    /// falls inside the simulated years.
    fn sterfdatum(&mut self, geboren: NaiveDate) -> Option<NaiveDate> {
        for jaar in self.sim_start.year()..=self.inst.eind_jaar {
            let l = leeftijd(geboren, jan1(jaar));
            let q = match l {
                ..65 => 0.0,
                65..75 => 0.012,
                75..85 => 0.045,
                _ => 0.14,
            };
            if q > 0.0 && self.rng.kans(q) {
                return Some(dag(jan1(jaar), self.rng.tussen(0, 364)));
            }
        }
        None
    }

    fn kans_per_jaar(b: &Bewoner, domein: Domein, l: i32) -> f64 {
        if b.regio {
            return if domein == Domein::BwMo { 0.6 } else { 0.0 };
        }
        match domein {
            Domein::Jeugd => match l {
                0..4 => 0.04,
                4..12 => 0.085,
                12..18 => 0.11,
                _ => 0.0,
            },
            Domein::JeugdExtern => match l {
                0..4 => 0.02,
                4..12 => 0.052,
                12..18 => 0.07,
                _ => 0.0,
            },
            Domein::Wmo => match l {
                18..65 => 0.035,
                65..75 => 0.16,
                75..85 => 0.36,
                85.. => 0.5,
                _ => 0.0,
            },
            Domein::BwMo => match l {
                18..65 => 0.006,
                _ => 0.0,
            },
            Domein::Pw => match l {
                18..27 => 0.05,
                27..67 => 0.025,
                _ => 0.0,
            },
            Domein::Schuld => match l {
                18..76 if b.schuld_eerder => 0.07,
                18..76 => 0.012,
                _ => 0.0,
            },
            Domein::Inburgering => match l {
                18..56 => 0.0015,
                _ => 0.0,
            },
            Domein::Llv => match l {
                4..18 => 0.005,
                _ => 0.0,
            },
            Domein::Algemeen => match l {
                18..65 => 0.125,
                65.. => 0.16,
                _ => 0.0,
            },
        }
    }

    /// The history of one resident, year by year.
    fn leef(&mut self, b: &mut Bewoner, hh: &mut Huishouden) -> Result<(), E> {
        for jaar in self.sim_start.year()..=self.inst.eind_jaar {
            let begin = jan1(jaar);
            for domein in DOMEINEN {
                let l = leeftijd(b.geboren, dag(begin, 182));
                let p = Self::kans_per_jaar(b, domein, l);
                if p <= 0.0 || !self.rng.kans(p) {
                    continue;
                }
                let datum = dag(begin, self.rng.tussen(0, 364));
                if datum > self.peil
                    || datum < b.geboren
                    || datum < b.bezet[domein.index()]
                    || b.dood.is_some_and(|d| datum >= d)
                {
                    continue;
                }
                let tot = if domein == Domein::JeugdExtern {
                    self.jeugd_extern(b, hh, datum, None)?
                } else {
                    self.melding(b, hh, domein, datum, None)?
                };
                let i = domein.index();
                b.bezet[i] = b.bezet[i].max(tot);
            }
        }
        Ok(())
    }

    fn intaker(&mut self, team: usize) -> String {
        let t = &self.teams[team];
        t.intakers[self.rng.index(t.intakers.len())].clone()
    }

    fn bron(&mut self, domein: Domein) -> Bron {
        use Bron as B;
        let lijst: &[(Bron, u32)] = match domein {
            Domein::Jeugd | Domein::JeugdExtern => &[
                (B::School, 20),
                (B::Huisarts, 12),
                (B::Jeugdarts, 12),
                (B::Zelfmelder, 20),
                (B::Netwerk, 5),
                (B::VeiligThuis, 8),
                (B::Politie, 5),
                (B::GecertificeerdeInstelling, 3),
                (B::Aanbieder, 4),
                (B::Praktijkondersteuner, 5),
                (B::Wijkverpleegkundige, 1),
                (B::Overig, 3),
            ],
            Domein::Wmo => &[
                (B::Zelfmelder, 40),
                (B::Netwerk, 18),
                (B::Huisarts, 12),
                (B::Praktijkondersteuner, 6),
                (B::Wijkverpleegkundige, 10),
                (B::Aanbieder, 5),
                (B::Woningcorporatie, 3),
                (B::Politie, 1),
                (B::VeiligThuis, 1),
                (B::Overig, 4),
            ],
            Domein::BwMo => &[
                (B::Aanbieder, 20),
                (B::Politie, 15),
                (B::Zelfmelder, 15),
                (B::Huisarts, 10),
                (B::Netwerk, 10),
                (B::Woningcorporatie, 10),
                (B::VeiligThuis, 5),
                (B::Praktijkondersteuner, 5),
                (B::Overig, 10),
            ],
            Domein::Pw => &[
                (B::Zelfmelder, 70),
                (B::Aanbieder, 10),
                (B::Netwerk, 5),
                (B::Overig, 15),
            ],
            Domein::Schuld => &[
                (B::Zelfmelder, 40),
                (B::Vroegsignalering, 30),
                (B::Woningcorporatie, 12),
                (B::Netwerk, 8),
                (B::Aanbieder, 5),
                (B::Overig, 5),
            ],
            Domein::Inburgering => &[(B::Overig, 60), (B::Zelfmelder, 40)],
            Domein::Algemeen => &[
                (B::Zelfmelder, 55),
                (B::Netwerk, 15),
                (B::Huisarts, 8),
                (B::Praktijkondersteuner, 8),
                (B::Woningcorporatie, 5),
                (B::Overig, 9),
            ],
            Domein::Llv => &[(B::Zelfmelder, 70), (B::School, 30)],
        };
        self.rng.gewogen(lijst)
    }

    fn uitkomst(&mut self, domein: Domein, l: i32) -> MeldingUitkomst {
        use MeldingUitkomst as U;
        let maatwerk = if domein == Domein::Wmo && l >= 65 {
            62
        } else {
            32
        };
        let lijst: &[(MeldingUitkomst, u32)] = match domein {
            Domein::Jeugd => &[
                (U::Maatwerk, 40),
                (U::AlgemeneVoorziening, 27),
                (U::InformatieAdvies, 10),
                (U::EigenKracht, 4),
                (U::Netwerk, 4),
                (U::GeenOndersteuning, 8),
                (U::Ingetrokken, 5),
            ],
            Domein::Wmo => &[
                (U::Maatwerk, maatwerk),
                (U::AlgemeneVoorziening, 25),
                (U::InformatieAdvies, 18),
                (U::EigenKracht, 6),
                (U::Netwerk, 6),
                (U::VoorliggendeVoorziening, 8),
                (U::GeenOndersteuning, 5),
                (U::Ingetrokken, 3),
            ],
            Domein::BwMo => &[
                (U::Maatwerk, 75),
                (U::AlgemeneVoorziening, 8),
                (U::VoorliggendeVoorziening, 7),
                (U::GeenOndersteuning, 6),
                (U::Ingetrokken, 4),
            ],
            Domein::Pw => &[
                (U::Maatwerk, 70),
                (U::VoorliggendeVoorziening, 10),
                (U::GeenOndersteuning, 12),
                (U::Ingetrokken, 8),
            ],
            Domein::Schuld => &[
                (U::Maatwerk, 55),
                (U::AlgemeneVoorziening, 25),
                (U::InformatieAdvies, 8),
                (U::GeenOndersteuning, 6),
                (U::Ingetrokken, 6),
            ],
            Domein::Inburgering => &[(U::Maatwerk, 90), (U::InformatieAdvies, 10)],
            Domein::Algemeen => &[
                (U::InformatieAdvies, 30),
                (U::EigenKracht, 12),
                (U::Netwerk, 12),
                (U::AlgemeneVoorziening, 40),
                (U::GeenOndersteuning, 4),
                (U::Ingetrokken, 2),
            ],
            Domein::JeugdExtern | Domein::Llv => &[(U::Maatwerk, 85), (U::GeenOndersteuning, 15)],
        };
        self.rng.gewogen(lijst)
    }

    /// The maatwerk provisions chosen for a melding in `domein` (ids).
    fn maatwerk_keuze(&mut self, b: &Bewoner, domein: Domein, l: i32) -> Vec<&'static str> {
        let mut keuze = Vec::new();
        match domein {
            Domein::Wmo => {
                let lijst: &[(&str, u32)] = if l >= 65 {
                    &[
                        ("V-HH", 40),
                        ("V-SCOOT", 12),
                        ("V-WOON", 12),
                        ("V-ROL", 8),
                        ("V-RT", 14),
                        ("V-HULPM", 6),
                        ("V-BEG", 6),
                        ("V-DB", 6),
                        ("V-PV", 2),
                        ("V-KV", 2),
                        ("V-GROEP", 3),
                    ]
                } else {
                    &[
                        ("V-BEG", 35),
                        ("V-DB", 15),
                        ("V-HH", 12),
                        ("V-WOON", 7),
                        ("V-SCOOT", 5),
                        ("V-OIO", 8),
                        ("V-GROEP", 6),
                        ("V-RT", 5),
                        ("V-ROL", 3),
                        ("V-HULPM", 3),
                        ("V-WOONDIENST", 2),
                    ]
                };
                keuze.push(self.rng.gewogen(lijst));
                if self.rng.kans(0.45) {
                    let tweede = self.rng.gewogen(lijst);
                    if !keuze.contains(&tweede) {
                        keuze.push(tweede);
                    }
                }
            }
            Domein::Jeugd => {
                let lijst: &[(&str, u32)] = if l < 4 {
                    &[
                        ("V-J-AMB", 60),
                        ("V-J-PLEEG", 15),
                        ("V-J-DAGBEH", 15),
                        ("V-J-MAATWERK", 10),
                    ]
                } else {
                    &[
                        ("V-J-AMB", 45),
                        ("V-J-DAGBEH", 8),
                        ("V-J-PLEEG", 7),
                        ("V-J-VERBLIJF", 5),
                        ("V-J-MAATWERK", 5),
                        ("V-J-PV", 3),
                        ("V-J-VERVOER", 3),
                        ("V-J-CRISIS", 3),
                        ("V-J-BGGZ", 8),
                        ("V-J-GGZ", 8),
                    ]
                };
                keuze.push(self.rng.gewogen(lijst));
            }
            Domein::BwMo if b.regio => keuze.push("V-BW"),
            Domein::BwMo => keuze.push(self.rng.gewogen(&[
                ("V-BW", 45),
                ("V-MO", 25),
                ("V-SPOED", 12),
                ("V-BWTHUIS", 20),
                ("V-WOONDIENST", 5),
            ])),
            Domein::Pw => {
                let eerste =
                    self.rng
                        .gewogen(&[("V-PW", 85), ("V-PW-REINT", 10), ("V-PW-BEWIND", 5)]);
                keuze.push(eerste);
                if eerste == "V-PW" && self.rng.kans(0.2) {
                    keuze.push("V-PW-REINT");
                }
                if eerste == "V-PW" && self.rng.kans(0.08) {
                    keuze.push("V-PW-BEWIND");
                }
            }
            Domein::Schuld => {
                keuze.push(self.rng.gewogen(&[
                    ("V-STADSBANK", 45),
                    ("V-SCHULDSPEC", 45),
                    ("V-BUDGETBEH", 10),
                ]));
            }
            Domein::Inburgering => keuze.push("V-INBURG"),
            Domein::Llv | Domein::JeugdExtern | Domein::Algemeen => keuze.push("V-LLV"),
        }
        keuze
    }

    fn algemene_keuze(&mut self, domein: Domein, l: i32, voorliggend: bool) -> &'static str {
        if voorliggend {
            return match domein {
                Domein::Pw => "V-UWV",
                Domein::BwMo => "V-GGZ-ZVW",
                _ if l >= 75 => self.rng.trek(&["V-WLZ", "V-WIJKVERPL", "V-HULPM-ZVW"]),
                _ => self.rng.trek(&["V-WIJKVERPL", "V-HULPM-ZVW", "V-GGZ-ZVW"]),
            };
        }
        match domein {
            Domein::Jeugd | Domein::JeugdExtern | Domein::Llv => self.rng.trek(&[
                "V-PUBERCOACH",
                "V-OPVOED",
                "V-JONGERENWERK",
                "V-JONGEMOEDER",
                "V-NETWERKCOACH",
            ]),
            Domein::Schuld | Domein::Pw => {
                self.rng
                    .trek(&["V-THUISADMIN", "V-THUISADMIN", "V-VRIJWILLIG"])
            }
            Domein::BwMo => self
                .rng
                .trek(&["V-DAGSTRUCT", "V-INLOOP", "V-NETWERKCOACH"]),
            _ if l >= 65 => self.rng.gewogen(&[
                ("V-WIJKKAMER", 25),
                ("V-WASDIENST", 15),
                ("V-BOODSCHAP", 12),
                ("V-MANTELZORG", 12),
                ("V-VRIJWILLIG", 10),
                ("V-WELZIJN", 10),
                ("V-DAGSTRUCT", 8),
                ("V-OCO", 8),
            ]),
            _ => self.rng.trek(&[
                "V-WIJKKAMER",
                "V-DAGSTRUCT",
                "V-INLOOP",
                "V-WELZIJN",
                "V-THUISADMIN",
                "V-VRIJWILLIG",
                "V-NETWERKCOACH",
                "V-BUURTBEMID",
                "V-MANTELZORG",
                "V-OCO",
            ]),
        }
    }

    fn opt(&self, d: NaiveDate) -> Option<NaiveDate> {
        (d <= self.peil).then_some(d)
    }

    /// One melding with its klantreis, referrals and decisions. Returns the
    /// date until which the domain is busy.
    fn melding(
        &mut self,
        b: &mut Bewoner,
        hh: &mut Huishouden,
        domein: Domein,
        datum: NaiveDate,
        dwang: Option<&Dwang>,
    ) -> Result<NaiveDate, E> {
        let l = leeftijd(b.geboren, datum);
        let bron = self.bron(domein);
        let mut uitkomst = self.uitkomst(domein, l);
        if b.regio || dwang.is_some() {
            uitkomst = MeldingUitkomst::Maatwerk;
        }
        let maatwerk = match dwang {
            Some(d) => d.maatwerk.to_vec(),
            None if uitkomst == MeldingUitkomst::Maatwerk => self.maatwerk_keuze(b, domein, l),
            None => Vec::new(),
        };
        self.tel.melding += 1;
        let melding_id = format!("M-{:06}", self.tel.melding);
        let medewerker = self.intaker(hh.team);
        if matches!(
            bron,
            Bron::Politie | Bron::VeiligThuis | Bron::GecertificeerdeInstelling
        ) {
            hh.signalen
                .push((datum, if bron == Bron::VeiligThuis { 3 } else { 2 }));
        }

        // Klantreis dates.
        let direct = uitkomst == MeldingUitkomst::InformatieAdvies && self.rng.kans(0.6);
        let gesprek = (!direct).then(|| {
            let wacht = if self.rng.kans(0.1) {
                self.rng.tussen(20, 45)
            } else {
                self.rng.tussen(2, 20)
            };
            dag(datum, wacht)
        });
        let met_onderzoek = matches!(
            uitkomst,
            MeldingUitkomst::Maatwerk | MeldingUitkomst::GeenOndersteuning
        );
        let onderzoek = match (gesprek, met_onderzoek) {
            (Some(g), true) => {
                let duur = if self.rng.kans(0.08) {
                    self.rng.tussen(30, 70)
                } else {
                    self.rng.tussen(5, 28)
                };
                Some(dag(g, duur))
            }
            _ => None,
        };
        let mut besluit_eerst = None;
        let mut afgesloten = match uitkomst {
            MeldingUitkomst::InformatieAdvies => gesprek.unwrap_or(datum),
            MeldingUitkomst::Ingetrokken => dag(datum, self.rng.tussen(5, 40)),
            MeldingUitkomst::GeenOndersteuning => dag(
                onderzoek.or(gesprek).unwrap_or(datum),
                self.rng.tussen(0, 10),
            ),
            MeldingUitkomst::Maatwerk => {
                let aanvraag = onderzoek.unwrap_or(datum);
                let termijn = match domein.wet() {
                    Some(Wet::Wmo) => {
                        if self.rng.kans(0.1) {
                            self.rng.tussen(15, 35)
                        } else {
                            self.rng.tussen(3, 14)
                        }
                    }
                    _ => self.rng.tussen(7, 50),
                };
                let besluit = dag(aanvraag, termijn);
                besluit_eerst = Some((aanvraag, besluit));
                dag(besluit, self.rng.tussen(0, 14))
            }
            _ => dag(gesprek.unwrap_or(datum), self.rng.tussen(0, 21)),
        };
        let gevraagd = match uitkomst {
            MeldingUitkomst::Maatwerk if self.rng.kans(0.5) => maatwerk.first().copied(),
            MeldingUitkomst::AlgemeneVoorziening if self.rng.kans(0.2) => Some(match domein {
                Domein::Jeugd => "V-J-AMB",
                Domein::Schuld => "V-SCHULDSPEC",
                _ => "V-DB",
            }),
            _ if self.rng.kans(0.08) => Some("V-WIJKKAMER"),
            _ => None,
        };

        // Decisions first in time order, so the melding knows whether any
        // maatwerk was granted.
        let mut bezet_tot = afgesloten;
        let mut toekenningen: Vec<Keten<'static>> = Vec::new();
        let mut alles_afgewezen = true;
        if let Some((aanvraag, besluit)) = besluit_eerst {
            for id in &maatwerk {
                let k = self.keten_plan(
                    b,
                    kaart::voorziening(id),
                    aanvraag,
                    besluit,
                    Verwijzer::Gemeente,
                    dwang,
                );
                if let Some(k) = k {
                    if !k.afgewezen {
                        alles_afgewezen = false;
                    }
                    toekenningen.push(k);
                }
            }
            if toekenningen.is_empty() {
                alles_afgewezen = true;
            }
        }
        if uitkomst == MeldingUitkomst::Maatwerk && alles_afgewezen {
            uitkomst = MeldingUitkomst::GeenOndersteuning;
            afgesloten = afgesloten.max(onderzoek.unwrap_or(datum));
        }
        let afgesloten_opt = self.opt(afgesloten);
        self.stuur(Record::Melding(Melding {
            id: melding_id.clone(),
            inwoner: b.id.clone(),
            datum,
            bron,
            wet: domein.wet(),
            gevraagde_voorziening: gevraagd.map(str::to_owned),
            medewerker: Some(medewerker),
            gesprek: gesprek.and_then(|g| self.opt(g)),
            onderzoek_klaar: onderzoek.and_then(|o| self.opt(o)),
            afgesloten: afgesloten_opt,
            uitkomst: afgesloten_opt.map(|_| uitkomst),
        }))?;

        // Referrals.
        let verwijzingen = match uitkomst {
            MeldingUitkomst::AlgemeneVoorziening => {
                1 + usize::from(self.rng.kans(0.5)) + usize::from(self.rng.kans(0.3))
            }
            MeldingUitkomst::VoorliggendeVoorziening => 1,
            MeldingUitkomst::Maatwerk if self.rng.kans(0.4) => 1,
            MeldingUitkomst::EigenKracht | MeldingUitkomst::Netwerk if self.rng.kans(0.15) => 1,
            _ => 0,
        };
        for i in 0..verwijzingen {
            let voorliggend = uitkomst == MeldingUitkomst::VoorliggendeVoorziening;
            let v = if uitkomst == MeldingUitkomst::Maatwerk && domein == Domein::Wmo {
                *self.rng.kies(&["V-MANTELZORG", "V-OCO", "V-WIJKKAMER"])
            } else {
                self.algemene_keuze(domein, l, voorliggend)
            };
            let vdatum = dag(gesprek.unwrap_or(datum), self.rng.tussen(0, 7) + i as i64);
            self.verwijzing(&melding_id, v, vdatum)?;
        }

        // Decisions.
        for k in toekenningen {
            let k = Keten {
                melding: Some(&melding_id),
                ..k
            };
            let tot = self.keten(b, hh, &k)?;
            bezet_tot = bezet_tot.max(tot);
        }
        if domein == Domein::Schuld && uitkomst == MeldingUitkomst::Maatwerk {
            b.schuld_eerder = true;
        }
        Ok(bezet_tot)
    }

    fn verwijzing(&mut self, melding: &str, voorziening: &str, datum: NaiveDate) -> Result<(), E> {
        if datum > self.peil {
            return Ok(());
        }
        self.tel.verwijzing += 1;
        let (status, afgerond_op, opgelost) = if self.rng.kans(0.12) {
            (VerwijzingStatus::NietGestart, None, None)
        } else {
            let start = dag(datum, self.rng.tussen(3, 30));
            let eind = dag(start, self.rng.tussen(20, 240));
            if start > self.peil {
                (VerwijzingStatus::Verwezen, None, None)
            } else if eind > self.peil {
                (VerwijzingStatus::Gestart, None, None)
            } else {
                (
                    VerwijzingStatus::Afgerond,
                    Some(eind),
                    Some(self.rng.kans(0.75)),
                )
            }
        };
        self.stuur(Record::Verwijzing(Verwijzing {
            id: format!("VW-{:06}", self.tel.verwijzing),
            melding: melding.to_owned(),
            voorziening: voorziening.to_owned(),
            datum,
            status,
            afgerond_op,
            opgelost,
        }))
    }

    /// Duration (mean days) and indication period (days) per provision.
    fn duur_en_periode(id: &str) -> (f64, i64) {
        match id {
            "V-HH" => (1100.0, 91),
            "V-BEG" | "V-OIO" | "V-DB" | "V-GROEP" => (650.0, 91),
            "V-PV" | "V-KV" => (120.0, 120),
            "V-ROL" | "V-SCOOT" | "V-HULPM" | "V-RT" => (1500.0, 182),
            "V-WOON" => (3000.0, 3650),
            "V-BW" => (1000.0, 182),
            "V-MO" => (90.0, 180),
            "V-SPOED" => (21.0, 30),
            "V-BWTHUIS" | "V-WOONDIENST" => (450.0, 182),
            "V-J-CRISIS" => (30.0, 30),
            "V-J-PLEEG" => (900.0, 120),
            "V-J-VERBLIJF" | "V-J-JB" => (520.0, 91),
            "V-J-BGGZ" => (150.0, 90),
            "V-J-JR" | "V-J-SGGZ" | "V-J-AMB" | "V-J-DAGBEH" | "V-J-MAATWERK" | "V-J-PV" => {
                (300.0, 91)
            }
            "V-J-GGZ" => (250.0, 120),
            "V-J-VERVOER" => (360.0, 365),
            "V-PW" => (1150.0, 91),
            "V-PW-BEWIND" => (700.0, 365),
            "V-STADSBANK" => (800.0, 1095),
            "V-SCHULDSPEC" | "V-PW-REINT" => (300.0, 365),
            "V-BUDGETBEH" => (500.0, 365),
            "V-INBURG" => (900.0, 1095),
            "V-LLV" => (800.0, 365),
            _ => (365.0, 365),
        }
    }

    /// Plans a trajectory (decision, waiting time, planned end); `None` when
    /// it cannot start before the resident turns 18 under the Jeugdwet.
    fn keten_plan(
        &mut self,
        b: &Bewoner,
        voorziening: usize,
        aanvraag: NaiveDate,
        besluit: NaiveDate,
        verwijzer: Verwijzer,
        dwang: Option<&Dwang>,
    ) -> Option<Keten<'static>> {
        let def = &VOORZIENINGEN[voorziening];
        let wet = def.wet.unwrap_or(Wet::Wmo);
        let afwijzing = match wet {
            Wet::Wmo => 0.08,
            Wet::Jeugdwet if verwijzer == Verwijzer::Gemeente => 0.05,
            Wet::Participatiewet => 0.15,
            Wet::Schuldhulp => 0.05,
            _ => 0.0,
        };
        let wacht_dagen = match def.id {
            "V-BW" | "V-BWTHUIS" => self.rng.duur_dagen(110.0, 7),
            "V-WOON" => self.rng.tussen(30, 180),
            "V-HH" | "V-BEG" | "V-DB" => self.rng.duur_dagen(25.0, 3),
            "V-J-VERBLIJF" | "V-J-PLEEG" | "V-J-SGGZ" | "V-J-GGZ" => self.rng.duur_dagen(45.0, 5),
            "V-MO" | "V-SPOED" | "V-J-CRISIS" | "V-PW" => self.rng.tussen(0, 3),
            _ => self.rng.duur_dagen(20.0, 2),
        };
        let wacht_dagen = dwang.and_then(|d| d.wacht_dagen).unwrap_or(wacht_dagen);
        let (gemiddeld, _) = Self::duur_en_periode(def.id);
        let start = dag(besluit, wacht_dagen);
        let minimum = dwang.map_or(14, |d| d.min_duur_dagen.max(14));
        let mut eind = dag(start, self.rng.duur_dagen(gemiddeld, minimum));
        let mut reden = self.rng.gewogen(&[
            (RedenEinde::VolgensPlan, 55),
            (RedenEinde::VoortijdigOvereenstemming, 15),
            (RedenEinde::EenzijdigClient, 5),
            (RedenEinde::EenzijdigAanbieder, 3),
            (RedenEinde::Verhuizing, 4),
            (RedenEinde::AnderDomein, 5),
        ]);
        if wet == Wet::Wmo && leeftijd(b.geboren, start) >= 80 && self.rng.kans(0.3) {
            reden = RedenEinde::AnderDomein;
        }
        if wet == Wet::Jeugdwet {
            let achttien = dag(verjaardag(b.geboren, 18), -1);
            if start >= achttien {
                return None;
            }
            if eind >= achttien {
                eind = achttien;
                reden = RedenEinde::VolgensPlan;
            }
        }
        if let Some(dood) = b.dood
            && eind >= dood
        {
            if start >= dood {
                return None;
            }
            eind = dood;
            reden = RedenEinde::Overlijden;
        }
        let kan_pgb = matches!(
            def.id,
            "V-HH"
                | "V-BEG"
                | "V-DB"
                | "V-PV"
                | "V-OIO"
                | "V-J-AMB"
                | "V-J-DAGBEH"
                | "V-J-MAATWERK"
        );
        let kan_doorbraak =
            matches!(wet, Wet::Wmo | Wet::Jeugdwet) && verwijzer == Verwijzer::Gemeente;
        Some(Keten {
            voorziening,
            melding: None,
            verwijzer,
            aanvraag: Some(aanvraag).filter(|_| verwijzer == Verwijzer::Gemeente),
            besluit,
            wacht_dagen,
            eind_gepland: eind,
            reden_laatste: reden,
            afgewezen: dwang.is_none() && self.rng.kans(afwijzing),
            pgb: dwang.is_none() && kan_pgb && self.rng.kans(0.08),
            doorbraak: dwang.map_or_else(
                || {
                    kan_doorbraak
                        && self
                            .rng
                            .kans(if wet == Wet::Jeugdwet { 0.06 } else { 0.02 })
                },
                |d| d.doorbraak,
            ),
            maatwerkcontract: dwang.is_some_and(|d| d.maatwerkcontract),
            vast: dwang.is_some(),
        })
    }

    /// The raamcontract of `aanbieder` under `wet` active on `datum`.
    fn raamcontract(&self, aanbieder: usize, wet: Wet, datum: NaiveDate) -> Option<&ContractRij> {
        self.contracten.iter().find(|c| {
            c.aanbieder == aanbieder
                && c.wet == wet
                && c.van <= datum
                && c.tot.is_none_or(|t| t >= datum)
        })
    }

    /// A provider with an active contract for the provision on `datum`,
    /// other than `behalve` when possible.
    fn kies_aanbieder(
        &mut self,
        voorziening: usize,
        datum: NaiveDate,
        behalve: Option<usize>,
    ) -> Option<(usize, String)> {
        let def = &VOORZIENINGEN[voorziening];
        let wet = def.wet?;
        let kandidaten: Vec<(usize, String)> = def
            .aanbieders
            .iter()
            .map(|id| kaart::aanbieder(id))
            .filter_map(|a| self.raamcontract(a, wet, datum).map(|c| (a, c.id.clone())))
            .collect();
        let anders: Vec<&(usize, String)> = kandidaten
            .iter()
            .filter(|(a, _)| Some(*a) != behalve)
            .collect();
        if !anders.is_empty() {
            return Some(anders[self.rng.index(anders.len())].clone());
        }
        kandidaten.first().cloned()
    }

    /// Writes a trajectory of toekenningen: the first decision, then a new
    /// decision at every indication period (herbeoordeling, sometimes op- or
    /// afschalen to a related provision, sometimes another provider), up to
    /// the planned end. Returns the date until which the domain is busy.
    fn keten(
        &mut self,
        b: &mut Bewoner,
        hh: &mut Huishouden,
        k: &Keten<'_>,
    ) -> Result<NaiveDate, E> {
        let mut voorziening = k.voorziening;
        let def = &VOORZIENINGEN[voorziening];
        let wet = def.wet.unwrap_or(Wet::Wmo);
        let afweging =
            (k.verwijzer == Verwijzer::Gemeente).then(|| teksten::afweging(wet, self.rng.index(8)));
        let melding = k.melding.map(str::to_owned);
        if k.besluit > self.peil || k.aanvraag.is_some_and(|a| a > self.peil) {
            // Decided only after the peildatum: nothing to record yet.
            return Ok(k.besluit);
        }
        if k.afgewezen {
            self.toekenning(&Toekenning {
                id: String::new(),
                inwoner: b.id.clone(),
                voorziening: def.id.to_owned(),
                aanbieder: None,
                contract: None,
                melding,
                verwijzer: k.verwijzer,
                aanvraag: k.aanvraag,
                besluit: k.besluit,
                uitkomst: BesluitUitkomst::Afgewezen,
                start: None,
                eind: None,
                leveringsvorm: Leveringsvorm::Natura,
                doorbraak: false,
                reden_einde: None,
                afweging,
            })?;
            return Ok(k.besluit);
        }
        let mut gekozen = if k.pgb {
            None
        } else {
            self.kies_aanbieder(voorziening, k.besluit, None)
        };
        // A maatwerkcontract for one resident, for heavy or unusual care.
        let maatwerk_kans = match def.id {
            "V-J-VERBLIJF" | "V-J-PLEEG" | "V-J-SGGZ" | "V-J-MAATWERK" => 0.15,
            "V-BW" | "V-DB" => 0.03,
            _ => 0.0,
        };
        if let Some((a, _)) = &gekozen
            && (k.maatwerkcontract || (maatwerk_kans > 0.0 && self.rng.kans(maatwerk_kans)))
        {
            self.tel.maatwerkcontract += 1;
            let id = format!("C-M{:05}", self.tel.maatwerkcontract);
            let contract = Contract {
                id: id.clone(),
                aanbieder: AANBIEDERS[*a].id.to_owned(),
                wet,
                soort: ContractSoort::Maatwerkcontract,
                van: k.besluit,
                tot: Some(k.eind_gepland.max(k.besluit)),
            };
            let a = *a;
            self.stuur(Record::Contract(contract))?;
            gekozen = Some((a, id));
        }
        let mut start = dag(k.besluit, k.wacht_dagen);
        let mut besluit = k.besluit;
        let mut aanvraag = k.aanvraag;
        let (_, periode) = Self::duur_en_periode(def.id);
        let eind_gepland = k.eind_gepland.max(start);
        let leveringsvorm = if k.pgb {
            Leveringsvorm::Pgb
        } else {
            Leveringsvorm::Natura
        };
        let mut basis = Toekenning {
            id: String::new(),
            inwoner: b.id.clone(),
            voorziening: def.id.to_owned(),
            aanbieder: None,
            contract: None,
            melding,
            verwijzer: k.verwijzer,
            aanvraag,
            besluit,
            uitkomst: BesluitUitkomst::Toegekend,
            start: None,
            eind: None,
            leveringsvorm,
            doorbraak: k.doorbraak,
            reden_einde: None,
            afweging,
        };
        if start > self.peil {
            // Granted, not started: the wachtlijst.
            basis.aanbieder = gekozen.as_ref().map(|(a, _)| AANBIEDERS[*a].id.to_owned());
            basis.contract = gekozen.map(|(_, c)| c);
            self.toekenning(&basis)?;
            return Ok(eind_gepland);
        }
        Self::na_start(hh, voorziening, start);
        loop {
            let periode_eind = dag(start, periode);
            let laatste = periode_eind >= eind_gepland;
            let eind = if laatste { eind_gepland } else { periode_eind };
            let mut t = basis.clone();
            VOORZIENINGEN[voorziening].id.clone_into(&mut t.voorziening);
            t.aanvraag = aanvraag;
            t.besluit = besluit;
            t.start = Some(start);
            t.eind = Some(eind);
            t.aanbieder = gekozen.as_ref().map(|(a, _)| AANBIEDERS[*a].id.to_owned());
            t.contract = gekozen.as_ref().map(|(_, c)| c.clone());
            let volgende_mogelijk = !laatste && eind <= self.peil;
            let andere_aanbieder =
                volgende_mogelijk && gekozen.is_some() && !k.vast && self.rng.kans(0.06);
            t.reden_einde = if laatste {
                (eind <= self.peil).then_some(k.reden_laatste)
            } else if !volgende_mogelijk {
                None
            } else if andere_aanbieder {
                Some(RedenEinde::AndereAanbieder)
            } else {
                Some(RedenEinde::Herbeoordeling)
            };
            self.vordering_bij(&t)?;
            self.toekenning(&t)?;
            if !volgende_mogelijk {
                break;
            }
            // The next decision, taken shortly before the period ends.
            besluit = dag(eind, -self.rng.tussen(5, 30)).max(start);
            aanvraag = k
                .aanvraag
                .map(|_| dag(besluit, -self.rng.tussen(3, 25)).max(start));
            if !andere_aanbieder
                && !k.vast
                && self.rng.kans(0.15)
                && let Some(ander) = Self::verwante(VOORZIENINGEN[voorziening].id)
            {
                voorziening = kaart::voorziening(ander);
            }
            let vorige = gekozen.as_ref().map(|(a, _)| *a);
            let contract_loopt = gekozen.as_ref().is_some_and(|(_, c)| {
                self.contracten
                    .iter()
                    .any(|r| &r.id == c && r.tot.is_none_or(|t| t >= eind))
                    || c.starts_with("C-M")
            });
            if k.pgb {
                gekozen = None;
            } else if andere_aanbieder
                || !contract_loopt
                || vorige.is_none()
                || !VOORZIENINGEN[voorziening]
                    .aanbieders
                    .iter()
                    .any(|a| Some(kaart::aanbieder(a)) == vorige)
            {
                gekozen = self.kies_aanbieder(
                    voorziening,
                    eind,
                    if andere_aanbieder { vorige } else { None },
                );
            }
            start = eind;
        }
        Ok(eind_gepland)
    }

    /// Related provisions for op- and afschalen.
    fn verwante(id: &str) -> Option<&'static str> {
        Some(match id {
            "V-BEG" => "V-OIO",
            "V-OIO" => "V-BEG",
            "V-DB" => "V-GROEP",
            "V-GROEP" => "V-DB",
            "V-MO" | "V-SPOED" | "V-BW" => "V-BWTHUIS",
            "V-J-AMB" => "V-J-DAGBEH",
            "V-J-DAGBEH" | "V-J-CRISIS" => "V-J-AMB",
            "V-J-BGGZ" => "V-J-GGZ",
            _ => return None,
        })
    }

    /// Signals for the household's AVE history when care starts.
    fn na_start(hh: &mut Huishouden, voorziening: usize, start: NaiveDate) {
        let niveau = match VOORZIENINGEN[voorziening].id {
            "V-J-JB" | "V-J-CRISIS" => 3,
            "V-J-JR" | "V-MO" | "V-SPOED" | "V-J-PLEEG" | "V-J-VERBLIJF" => 2,
            "V-STADSBANK" | "V-SCHULDSPEC" if hh.kinderen => 2,
            _ => return,
        };
        hh.signalen.push((start, niveau));
    }

    fn vordering_bij(&mut self, t: &Toekenning) -> Result<(), E> {
        let (Some(start), Some(eind)) = (t.start, t.eind) else {
            return Ok(());
        };
        let kans = match (t.voorziening.as_str(), t.leveringsvorm) {
            ("V-PW", _) => 0.02,
            (_, Leveringsvorm::Pgb) => 0.03,
            _ => return Ok(()),
        };
        if !self.rng.kans(kans) {
            return Ok(());
        }
        let laatste = eind.min(self.peil);
        let datum = dag(
            start,
            self.rng
                .tussen(30, (laatste - start).num_days().max(30) + 60),
        );
        if datum > self.peil {
            return Ok(());
        }
        self.tel.vordering += 1;
        let soort = if self.rng.kans(0.4) {
            VorderingSoort::Misbruik
        } else {
            VorderingSoort::OneigenlijkGebruik
        };
        let bedrag_cent = self.rng.tussen(15_000, 1_200_000);
        self.stuur(Record::Vordering(Vordering {
            id: format!("VO-{:06}", self.tel.vordering),
            datum,
            bedrag_cent,
            soort,
            inwoner: Some(t.inwoner.clone()),
            aanbieder: None,
        }))
    }

    fn toekenning(&mut self, t: &Toekenning) -> Result<(), E> {
        self.tel.toekenning += 1;
        let mut t = t.clone();
        t.id = format!("T-{:06}", self.tel.toekenning);
        self.stuur(Record::Toekenning(t))
    }

    /// A Jeugdwet decision by an external referrer (no melding).
    fn jeugd_extern(
        &mut self,
        b: &mut Bewoner,
        hh: &mut Huishouden,
        datum: NaiveDate,
        dwang: Option<&Dwang>,
    ) -> Result<NaiveDate, E> {
        use Verwijzer as W;
        let l = leeftijd(b.geboren, datum);
        if let Some(d) = dwang {
            return self.jeugd_extern_ketens(b, hh, datum, d.verwijzer, d.maatwerk, dwang);
        }
        let verwijzer = self.rng.gewogen(&[
            (W::Huisarts, 45),
            (W::Jeugdarts, 10),
            (W::MedischSpecialist, 12),
            (W::GecertificeerdeInstelling, 25),
            (W::Rechter, 14),
            (W::Zelfverwijzer, 2),
        ]);
        let ids: Vec<&str> = match verwijzer {
            W::Huisarts => vec![self.rng.gewogen(&[
                ("V-J-BGGZ", 35),
                ("V-J-GGZ", 40),
                ("V-J-AMB", 25),
            ])],
            W::Jeugdarts => vec![self.rng.gewogen(&[
                ("V-J-AMB", 60),
                ("V-J-DAGBEH", 20),
                ("V-J-BGGZ", 20),
            ])],
            W::MedischSpecialist => vec![self.rng.gewogen(&[
                ("V-J-SGGZ", 50),
                ("V-J-DAGBEH", 20),
                ("V-J-GGZ", 30),
            ])],
            W::GecertificeerdeInstelling => {
                let mut v = vec![self.rng.gewogen(&[
                    ("V-J-JB", 65),
                    ("V-J-PLEEG", 20),
                    ("V-J-VERBLIJF", 15),
                ])];
                if v[0] == "V-J-JB" && self.rng.kans(0.3) {
                    v.push(if self.rng.kans(0.6) {
                        "V-J-PLEEG"
                    } else {
                        "V-J-VERBLIJF"
                    });
                }
                v
            }
            W::Rechter if l >= 12 => vec![self.rng.gewogen(&[("V-J-JR", 70), ("V-J-JB", 30)])],
            W::Rechter => vec!["V-J-JB"],
            _ => vec!["V-J-AMB"],
        };
        self.jeugd_extern_ketens(b, hh, datum, verwijzer, &ids, None)
    }

    fn jeugd_extern_ketens(
        &mut self,
        b: &mut Bewoner,
        hh: &mut Huishouden,
        datum: NaiveDate,
        verwijzer: Verwijzer,
        ids: &[&str],
        dwang: Option<&Dwang>,
    ) -> Result<NaiveDate, E> {
        let mut bezet = datum;
        for id in ids {
            let Some(k) =
                self.keten_plan(b, kaart::voorziening(id), datum, datum, verwijzer, dwang)
            else {
                continue;
            };
            let k = Keten {
                afgewezen: false,
                ..k
            };
            let overgang = self.naar_bw(b, &k, dwang.is_some_and(|d| d.naar_bw));
            let k = if overgang {
                Keten {
                    reden_laatste: RedenEinde::AnderDomein,
                    ..k
                }
            } else {
                k
            };
            bezet = bezet.max(self.keten(b, hh, &k)?);
            if overgang {
                self.bw_op_18(b, hh)?;
            }
        }
        Ok(bezet)
    }

    /// Whether a youth trajectory that runs until the 18th birthday moves on
    /// to beschermd wonen.
    fn naar_bw(&mut self, b: &Bewoner, k: &Keten<'_>, zeker: bool) -> bool {
        let achttien = dag(verjaardag(b.geboren, 18), -1);
        let zwaar = matches!(
            VOORZIENINGEN[k.voorziening].id,
            "V-J-VERBLIJF" | "V-J-PLEEG" | "V-J-SGGZ" | "V-J-GGZ"
        );
        zwaar && k.eind_gepland == achttien && !b.regio && (zeker || self.rng.kans(0.4))
    }

    /// The melding and BW decision for a young person leaving youth care at 18.
    fn bw_op_18(&mut self, b: &mut Bewoner, hh: &mut Huishouden) -> Result<(), E> {
        let achttien = verjaardag(b.geboren, 18);
        let datum = dag(achttien, -self.rng.tussen(60, 100));
        if datum > self.peil {
            return Ok(());
        }
        self.tel.melding += 1;
        let melding_id = format!("M-{:06}", self.tel.melding);
        let gesprek = dag(datum, self.rng.tussen(3, 14));
        let onderzoek = dag(gesprek, self.rng.tussen(5, 20));
        let besluit = dag(onderzoek, self.rng.tussen(3, 14));
        let afgesloten = dag(besluit, self.rng.tussen(0, 7));
        let medewerker = self.intaker(hh.team);
        let afgesloten = self.opt(afgesloten);
        self.stuur(Record::Melding(Melding {
            id: melding_id.clone(),
            inwoner: b.id.clone(),
            datum,
            bron: Bron::Aanbieder,
            wet: Some(Wet::Wmo),
            gevraagde_voorziening: Some("V-BW".to_owned()),
            medewerker: Some(medewerker),
            gesprek: self.opt(gesprek),
            onderzoek_klaar: self.opt(onderzoek),
            afgesloten,
            uitkomst: afgesloten.map(|_| MeldingUitkomst::Maatwerk),
        }))?;
        if besluit > self.peil {
            return Ok(());
        }
        let (gemiddeld, _) = Self::duur_en_periode("V-BW");
        let eind = dag(achttien, self.rng.duur_dagen(gemiddeld, 90));
        let k = Keten {
            voorziening: kaart::voorziening("V-BW"),
            melding: Some(&melding_id),
            verwijzer: Verwijzer::Gemeente,
            aanvraag: Some(onderzoek),
            besluit,
            wacht_dagen: (achttien - besluit).num_days().max(0)
                + if self.rng.kans(0.2) {
                    self.rng.tussen(10, 120)
                } else {
                    0
                },
            eind_gepland: eind,
            reden_laatste: RedenEinde::VolgensPlan,
            afgewezen: false,
            pgb: false,
            doorbraak: false,
            maatwerkcontract: false,
            vast: false,
        };
        let tot = self.keten(b, hh, &k)?;
        let i = Domein::BwMo.index();
        b.bezet[i] = b.bezet[i].max(tot);
        Ok(())
    }

    /// The AVE history of a household: escalations from the signals of its
    /// members, and now and then a light episode.
    fn ave(&mut self, hh: &mut Huishouden) -> Result<(), E> {
        let mut signalen = std::mem::take(&mut hh.signalen);
        for jaar in self.sim_start.year()..=self.inst.eind_jaar {
            if self.rng.kans(if hh.kinderen { 0.02 } else { 0.008 }) {
                signalen.push((dag(jan1(jaar), self.rng.tussen(0, 364)), 1));
            }
        }
        signalen.sort_unstable();
        let mut vrij_vanaf = self.sim_start;
        for (datum, niveau) in signalen {
            if datum < vrij_vanaf || datum > self.peil || !self.rng.kans(0.75) {
                continue;
            }
            let begin = dag(datum, self.rng.tussen(0, 21));
            vrij_vanaf = self.ave_episode(hh, begin, niveau)?;
        }
        Ok(())
    }

    fn ave_episode(
        &mut self,
        hh: &Huishouden,
        begin: NaiveDate,
        niveau: u8,
    ) -> Result<NaiveDate, E> {
        let mut datum = begin;
        let mut niveau = niveau;
        let mut op = true;
        for _ in 0..8 {
            if datum > self.peil {
                break;
            }
            self.ave_stap(hh, datum, niveau, op)?;
            if niveau == 0 {
                break;
            }
            let p_op = match niveau {
                1 => 0.12,
                2 => 0.25,
                3 => 0.2,
                _ => 0.0,
            };
            op = self.rng.kans(p_op);
            niveau = if op { niveau + 1 } else { niveau - 1 };
            datum = dag(datum, self.rng.tussen(30, 200));
        }
        Ok(dag(datum, 60))
    }

    /// One AVE event.
    fn ave_stap(
        &mut self,
        hh: &Huishouden,
        datum: NaiveDate,
        niveau: u8,
        op: bool,
    ) -> Result<(), E> {
        {
            let team = &self.teams[hh.team];
            let casusregisseur = match niveau {
                0 => None,
                1 => Some(team.coaches[self.rng.index(team.coaches.len())].clone()),
                _ if hh.kinderen => {
                    Some(team.gezinscoaches[self.rng.index(team.gezinscoaches.len())].clone())
                }
                _ => Some(team.coaches[self.rng.index(team.coaches.len())].clone()),
            };
            let procesregisseur = match niveau {
                3 | 4 if hh.kinderen => {
                    Some(self.procesmanagers[self.rng.index(self.procesmanagers.len())].clone())
                }
                3 => Some("Spoedteam Almelo".to_owned()),
                4 => Some("Zorg- en Veiligheidshuis Twente".to_owned()),
                _ => None,
            };
            self.tel.ave += 1;
            let reden = teksten::ave_reden(niveau, op, self.rng.index(6)).to_owned();
            self.stuur(Record::Ave(AveGebeurtenis {
                id: format!("AVE-{:06}", self.tel.ave),
                huishouden: hh.id.clone(),
                datum,
                niveau,
                reden,
                casusregisseur,
                procesregisseur,
            }))
        }
    }

    /// Provider recoveries, the population, and external values and targets.
    fn slot(&mut self) -> Result<(), E> {
        let per_jaar = 1 + self.inst.inwoners / 40_000;
        for jaar in self.eerste_jaar..=self.inst.eind_jaar {
            for _ in 0..per_jaar {
                let a = AANBIEDERS[self.rng.index(AANBIEDERS.len() - 1)].id;
                self.tel.vordering += 1;
                let soort = if self.rng.kans(0.5) {
                    VorderingSoort::Misbruik
                } else {
                    VorderingSoort::OneigenlijkGebruik
                };
                let record = Record::Vordering(Vordering {
                    id: format!("VO-{:06}", self.tel.vordering),
                    datum: dag(jan1(jaar), self.rng.tussen(0, 364)).min(self.peil),
                    bedrag_cent: self.rng.tussen(200_000, 8_000_000),
                    soort,
                    inwoner: None,
                    aanbieder: Some(a.to_owned()),
                });
                self.stuur(record)?;
            }
        }
        let bevolking = std::mem::take(&mut self.bevolking);
        for (i, rij) in bevolking.iter().enumerate() {
            for (band, aantal) in BANDEN.iter().zip(rij) {
                self.stuur(Record::Bevolking(Bevolking {
                    jaar: self.eerste_jaar + i as i32,
                    leeftijd_van: band.0,
                    leeftijd_tot: band.1,
                    aantal: *aantal,
                }))?;
            }
        }
        let n = f64::from(self.inst.inwoners);
        for jaar in self.eerste_jaar..=self.inst.eind_jaar {
            let schommel = 1.0 + (self.rng.fractie() - 0.5) * 0.1;
            let waarden = [
                (
                    "1.14.1-inwoners",
                    (n * 0.045 * schommel).round(),
                    "CBS, Monitor problematische schulden",
                ),
                (
                    "2.1.1",
                    (n * 0.011 * schommel).round(),
                    "Steunpunt Mantelzorg Almelo",
                ),
                ("2.3.3", (n * 0.009 * schommel).round(), "Welzijn Almelo"),
            ];
            for (code, waarde, bron) in waarden {
                self.indicatorwaarde(
                    code,
                    jaar,
                    WaardeSoort::Realisatie,
                    Some(waarde),
                    None,
                    bron,
                )?;
            }
            if jaar % 2 == 0 {
                let eenzaam = 45.0 + (self.rng.fractie() * 70.0).round() / 10.0;
                self.indicatorwaarde(
                    "1.12.1",
                    jaar,
                    WaardeSoort::Realisatie,
                    Some(eenzaam),
                    None,
                    "GGD Twente, Gezondheidsmonitor",
                )?;
            }
        }
        let laatste = self.inst.eind_jaar;
        self.indicatorwaarde(
            "1.3.1",
            laatste,
            WaardeSoort::Realisatie,
            None,
            Some("n.v.t."),
            "Werkplein Almelo",
        )?;
        for jaar in [laatste, laatste + 1] {
            let doelen = [
                ("3.8.1", (n * 0.0025).round()),
                ("bbv-jeugdhulp", 13.5),
                ("2.3.1", (n * 0.006).round()),
                ("1.2.1", (n * 0.004).round()),
                ("3.2.1", (n * 0.035).round()),
            ];
            for (code, waarde) in doelen {
                self.indicatorwaarde(
                    code,
                    jaar,
                    WaardeSoort::Begroot,
                    Some(waarde),
                    None,
                    "Begroting Almelo",
                )?;
            }
        }
        Ok(())
    }

    fn indicatorwaarde(
        &mut self,
        code: &str,
        jaar: i32,
        soort: WaardeSoort,
        waarde: Option<f64>,
        tekst: Option<&str>,
        bron: &str,
    ) -> Result<(), E> {
        self.stuur(Record::Indicatorwaarde(Indicatorwaarde {
            indicator: code.to_owned(),
            jaar,
            soort,
            waarde,
            tekst: tekst.map(str::to_owned),
            bron: Some(bron.to_owned()),
        }))
    }
}
