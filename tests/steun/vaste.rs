//! A small hand-made register for tests: two wijkteams, a handful of
//! residents in three households, a sociale kaart, and one dossier (Jan de
//! Vries) with a toekenning in each status on [`vandaag`].
//!
//! Written through `store::schrijven::voeg_in` in one transaction, the way
//! every record enters the register. Tests use it as `steun::vaste`.

#![allow(
    clippy::expect_used,
    reason = "a broken fixture should stop the test loudly"
)]

use chrono::NaiveDate;
use rusqlite::Connection;
use wijkregister::domain::{
    Aanbieder, AveGebeurtenis, BesluitUitkomst, Bron, Bsn, Contract, ContractSoort, Inwoner,
    Leveringsvorm, Medewerker, Melding, MeldingUitkomst, Record, Rol, Toekenning, Verwijzer,
    Verwijzing, VerwijzingStatus, Voorziening, VoorzieningSoort, Wet, Wijkteam,
};
use wijkregister::store;

use super::d;

/// "Today" in every fixture test.
pub fn vandaag() -> NaiveDate {
    d(2025, 6, 1)
}

/// Builds records for the fixture with little noise.
#[derive(Default)]
pub struct Bouwer {
    /// The records, in insert order.
    pub records: Vec<Record>,
}

impl Bouwer {
    pub fn wijkteam(&mut self, id: &str, naam: &str) -> &mut Self {
        self.records.push(Record::Wijkteam(Wijkteam {
            id: id.into(),
            naam: naam.into(),
        }));
        self
    }

    pub fn medewerker(
        &mut self,
        id: &str,
        naam: &str,
        rol: Rol,
        wijkteam: Option<&str>,
    ) -> &mut Self {
        self.records.push(Record::Medewerker(Medewerker {
            id: id.into(),
            naam: naam.into(),
            rol,
            wijkteam: wijkteam.map(Into::into),
        }));
        self
    }

    pub fn aanbieder(&mut self, id: &str, naam: &str, kvk: Option<&str>) -> &mut Self {
        self.records.push(Record::Aanbieder(Aanbieder {
            id: id.into(),
            naam: naam.into(),
            kvk: kvk.map(Into::into),
        }));
        self
    }

    pub fn contract(
        &mut self,
        id: &str,
        aanbieder: &str,
        wet: Wet,
        soort: ContractSoort,
        van: NaiveDate,
        tot: Option<NaiveDate>,
    ) -> &mut Self {
        self.records.push(Record::Contract(Contract {
            id: id.into(),
            aanbieder: aanbieder.into(),
            wet,
            soort,
            van,
            tot,
        }));
        self
    }

    pub fn voorziening(
        &mut self,
        id: &str,
        naam: &str,
        soort: VoorzieningSoort,
        wet: Option<Wet>,
        categorie: Option<&str>,
        kenmerken: &[&str],
    ) -> &mut Self {
        self.records.push(Record::Voorziening(Voorziening {
            id: id.into(),
            naam: naam.into(),
            soort,
            wet,
            categorie: categorie.map(Into::into),
            kenmerken: kenmerken.iter().map(|k| (*k).to_owned()).collect(),
        }));
        self
    }

    #[allow(
        clippy::too_many_arguments,
        reason = "one argument per column keeps the fixture readable"
    )]
    pub fn inwoner(
        &mut self,
        id: &str,
        voornaam: &str,
        achternaam: &str,
        geboren: NaiveDate,
        bsn: Option<&str>,
        huishouden: &str,
        wijkteam: Option<&str>,
    ) -> &mut Self {
        self.records.push(Record::Inwoner(Inwoner {
            id: id.into(),
            bsn: bsn.map(|b| Bsn::parse(b).expect("geldig test-BSN")),
            voornaam: voornaam.into(),
            achternaam: achternaam.into(),
            geboortedatum: geboren,
            geslacht: None,
            huishouden: huishouden.into(),
            wijkteam: wijkteam.map(Into::into),
            woonplaats: "Almelo".into(),
        }));
        self
    }

    pub fn melding(&mut self, m: Melding) -> &mut Self {
        self.records.push(Record::Melding(m));
        self
    }

    pub fn toekenning(&mut self, t: Toekenning) -> &mut Self {
        self.records.push(Record::Toekenning(t));
        self
    }

    pub fn ave(
        &mut self,
        id: &str,
        huishouden: &str,
        datum: NaiveDate,
        niveau: u8,
        reden: &str,
    ) -> &mut Self {
        self.records.push(Record::Ave(AveGebeurtenis {
            id: id.into(),
            huishouden: huishouden.into(),
            datum,
            niveau,
            reden: reden.into(),
            casusregisseur: Some("mw-1".into()),
            procesregisseur: (niveau >= 3).then(|| "Team Zorg en Veiligheid".into()),
        }));
        self
    }

    /// Writes every record in one transaction.
    pub fn schrijf(&self, conn: &mut Connection) {
        let tx = conn.transaction().expect("transactie");
        for r in &self.records {
            store::schrijven::voeg_in(&tx, r)
                .unwrap_or_else(|e| panic!("fixture-record {r:?}: {e}"));
        }
        tx.commit().expect("commit");
    }
}

/// A melding with only the required fields.
pub fn melding(id: &str, inwoner: &str, datum: NaiveDate) -> Melding {
    Melding {
        id: id.into(),
        inwoner: inwoner.into(),
        datum,
        bron: Bron::Zelfmelder,
        wet: Some(Wet::Wmo),
        gevraagde_voorziening: None,
        medewerker: Some("mw-1".into()),
        gesprek: None,
        onderzoek_klaar: None,
        afgesloten: None,
        uitkomst: None,
    }
}

/// A granted toekenning with only the required fields.
pub fn toekenning(id: &str, inwoner: &str, voorziening: &str, besluit: NaiveDate) -> Toekenning {
    Toekenning {
        id: id.into(),
        inwoner: inwoner.into(),
        voorziening: voorziening.into(),
        aanbieder: Some("ab-zorg".into()),
        contract: Some("ct-wmo".into()),
        melding: None,
        verwijzer: Verwijzer::Gemeente,
        aanvraag: None,
        besluit,
        uitkomst: BesluitUitkomst::Toegekend,
        start: None,
        eind: None,
        leveringsvorm: Leveringsvorm::Natura,
        doorbraak: false,
        reden_einde: None,
        afweging: None,
    }
}

/// The fixture register's records.
pub fn bouwer() -> Bouwer {
    let mut b = Bouwer::default();
    b.wijkteam("wt-noord", "Wijkteam Noord")
        .wijkteam("wt-zuid", "Wijkteam Zuid")
        .medewerker("mw-1", "Fatima El Amrani", Rol::Wijkcoach, Some("wt-noord"))
        .aanbieder("ab-zorg", "Zorggroep Twente", Some("12345678"))
        .aanbieder("ab-jeugd", "Jeugdhulp Almelo", None)
        .contract(
            "ct-wmo",
            "ab-zorg",
            Wet::Wmo,
            ContractSoort::Raamcontract,
            d(2023, 1, 1),
            None,
        )
        .contract(
            "ct-oud",
            "ab-zorg",
            Wet::Wmo,
            ContractSoort::Raamcontract,
            d(2020, 1, 1),
            Some(d(2022, 12, 31)),
        )
        .contract(
            "ct-jeugd",
            "ab-jeugd",
            Wet::Jeugdwet,
            ContractSoort::Maatwerkcontract,
            d(2024, 1, 1),
            Some(d(2026, 12, 31)),
        )
        .voorziening(
            "vz-wijkkamer",
            "Wijkkamer De Schakel",
            VoorzieningSoort::Algemeen,
            None,
            None,
            &["wijkkamer", "dagstructurering"],
        )
        .voorziening(
            "vz-begeleiding",
            "Begeleiding individueel",
            VoorzieningSoort::Maatwerk,
            Some(Wet::Wmo),
            Some("02"),
            &[],
        )
        .voorziening(
            "vz-hh",
            "Hulp bij het huishouden",
            VoorzieningSoort::Maatwerk,
            Some(Wet::Wmo),
            Some("01"),
            &[],
        )
        .voorziening(
            "vz-ambulant",
            "Ambulante jeugdhulp",
            VoorzieningSoort::Maatwerk,
            Some(Wet::Jeugdwet),
            Some("45"),
            &[],
        )
        .voorziening(
            "vz-wijkverpleging",
            "Wijkverpleging",
            VoorzieningSoort::Voorliggend,
            None,
            None,
            &[],
        )
        .inwoner(
            "in-jan",
            "Jan",
            "de Vries",
            d(1980, 3, 1),
            Some("111222333"),
            "hh-1",
            Some("wt-noord"),
        )
        .inwoner(
            "in-maria",
            "Maria",
            "de Vries",
            d(1982, 7, 15),
            Some("123456782"),
            "hh-1",
            Some("wt-noord"),
        )
        .inwoner(
            "in-sem",
            "Sem",
            "de Vries",
            d(2012, 9, 30),
            None,
            "hh-1",
            Some("wt-noord"),
        )
        .inwoner(
            "in-anna",
            "Anna",
            "Dekker",
            d(1955, 11, 2),
            None,
            "hh-2",
            Some("wt-zuid"),
        )
        .inwoner(
            "in-pieter",
            "Pieter",
            "Jansen",
            d(1980, 3, 1),
            None,
            "hh-3",
            Some("wt-zuid"),
        )
        .inwoner(
            "in-lotte",
            "Lotte",
            "Devries",
            d(1999, 1, 5),
            None,
            "hh-4",
            None,
        );
    let mut m1 = melding("me-1", "in-jan", d(2025, 1, 10));
    m1.gesprek = Some(d(2025, 1, 15));
    m1.onderzoek_klaar = Some(d(2025, 2, 1));
    m1.afgesloten = Some(d(2025, 3, 1));
    m1.uitkomst = Some(MeldingUitkomst::Maatwerk);
    m1.gevraagde_voorziening = Some("vz-begeleiding".into());
    let m2 = melding("me-2", "in-jan", d(2025, 4, 1));
    b.melding(m1).melding(m2);
    b.records.push(Record::Verwijzing(Verwijzing {
        id: "vw-1".into(),
        melding: "me-2".into(),
        voorziening: "vz-wijkkamer".into(),
        datum: d(2025, 4, 8),
        status: VerwijzingStatus::Afgerond,
        afgerond_op: Some(d(2025, 5, 20)),
        opgelost: Some(true),
    }));
    let mut lopend = toekenning("tk-lopend", "in-jan", "vz-begeleiding", d(2025, 2, 20));
    lopend.melding = Some("me-1".into());
    lopend.start = Some(d(2025, 3, 1));
    let wachtend = toekenning("tk-wachtend", "in-jan", "vz-hh", d(2025, 5, 2));
    let mut beeindigd = toekenning("tk-beeindigd", "in-jan", "vz-hh", d(2023, 12, 1));
    beeindigd.start = Some(d(2024, 1, 1));
    beeindigd.eind = Some(d(2024, 12, 31));
    let mut afgewezen = toekenning("tk-afgewezen", "in-jan", "vz-ambulant", d(2025, 1, 20));
    afgewezen.uitkomst = BesluitUitkomst::Afgewezen;
    afgewezen.aanbieder = None;
    afgewezen.contract = None;
    b.toekenning(lopend)
        .toekenning(wachtend)
        .toekenning(beeindigd)
        .toekenning(afgewezen);
    b.ave("ave-1", "hh-1", d(2024, 6, 1), 1, "Vraag over huishouden")
        .ave(
            "ave-2",
            "hh-1",
            d(2025, 2, 1),
            3,
            "Zorgen over de veiligheid van Sem",
        )
        .ave("ave-3", "hh-1", d(2025, 12, 1), 2, "Gepland afschalen");
    b
}

/// An in-memory register filled with the fixture.
pub fn register() -> Connection {
    let mut conn = store::open_in_memory().expect("in-memory register");
    bouwer().schrijf(&mut conn);
    conn
}
