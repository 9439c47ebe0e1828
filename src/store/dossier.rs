//! A resident's dossier, read-only: who they are, their household, their
//! meldingen, toekenningen and verwijzingen, and the household's AVE history.
//!
//! Every query starts from an index (`inwoner` primary key,
//! `inwoner_huishouden`, `melding_inwoner`, `toekenning_inwoner`,
//! `verwijzing_melding`, `ave_huishouden`), so opening a dossier costs the
//! same with 75 residents or 75,000. The result is plain structs with the
//! domain's enums; the screen chooses the words.

use chrono::NaiveDate;

use crate::domain::{
    BesluitUitkomst, Bron, Leveringsvorm, MeldingUitkomst, RedenEinde, Verwijzer, VerwijzingStatus,
    Wet,
};
use crate::store::StoreFout;
use crate::store::db::Db;
use crate::store::inwoners::{InwonerRij, inwoner, volle_naam};

/// A household member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Huisgenoot {
    /// Record identifier.
    pub id: String,
    /// "Voornaam Achternaam".
    pub naam: String,
    /// Date of birth.
    pub geboortedatum: NaiveDate,
}

/// One change of the household's AVE level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AveRegel {
    /// Date of the change.
    pub datum: NaiveDate,
    /// Level 0–4.
    pub niveau: u8,
    /// Why.
    pub reden: String,
    /// Name of the casusregisseur, when recorded.
    pub casusregisseur: Option<String>,
    /// Procesregisseur (free text), when recorded.
    pub procesregisseur: Option<String>,
}

/// One melding with its klantreis dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeldingRegel {
    /// Record identifier.
    pub id: String,
    /// Date of the melding.
    pub datum: NaiveDate,
    /// Who brought it in.
    pub bron: Bron,
    /// The law it mainly falls under.
    pub wet: Option<Wet>,
    /// Name of the provision asked for.
    pub gevraagde_voorziening: Option<String>,
    /// Name of the intaker.
    pub medewerker: Option<String>,
    /// Date of the conversation.
    pub gesprek: Option<NaiveDate>,
    /// Date the research was finished.
    pub onderzoek_klaar: Option<NaiveDate>,
    /// Date closed.
    pub afgesloten: Option<NaiveDate>,
    /// Outcome.
    pub uitkomst: Option<MeldingUitkomst>,
}

/// Where a toekenning stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToekenningStatus {
    /// Granted, delivery not started: the resident waits.
    Wachtend {
        /// Days since the decision.
        dagen_sinds_besluit: i64,
    },
    /// Delivery runs.
    Lopend,
    /// Delivery ended.
    Beeindigd,
    /// Refused.
    Afgewezen,
}

impl ToekenningStatus {
    /// The status on `vandaag`. A start after today still counts as waiting;
    /// an end date today or later still counts as running.
    #[must_use]
    pub fn op(
        uitkomst: BesluitUitkomst,
        besluit: NaiveDate,
        start: Option<NaiveDate>,
        eind: Option<NaiveDate>,
        vandaag: NaiveDate,
    ) -> ToekenningStatus {
        if uitkomst == BesluitUitkomst::Afgewezen {
            return ToekenningStatus::Afgewezen;
        }
        match start {
            Some(s) if s <= vandaag => match eind {
                Some(e) if e < vandaag => ToekenningStatus::Beeindigd,
                _ => ToekenningStatus::Lopend,
            },
            _ => ToekenningStatus::Wachtend {
                dagen_sinds_besluit: (vandaag - besluit).num_days(),
            },
        }
    }

    /// The word a user reads.
    #[must_use]
    pub fn label(self) -> String {
        match self {
            ToekenningStatus::Wachtend {
                dagen_sinds_besluit,
            } => {
                format!("wachtend ({dagen_sinds_besluit} dagen sinds besluit)")
            }
            ToekenningStatus::Lopend => "lopend".to_owned(),
            ToekenningStatus::Beeindigd => "beëindigd".to_owned(),
            ToekenningStatus::Afgewezen => "afgewezen".to_owned(),
        }
    }
}

/// One maatwerk decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToekenningRegel {
    /// Record identifier.
    pub id: String,
    /// The melding it was decided on; `None` for a direct referral (a
    /// huisarts under the Jeugdwet) or imported legacy data.
    pub melding: Option<String>,
    /// Name of the provision.
    pub voorziening: String,
    /// Name of the provider.
    pub aanbieder: Option<String>,
    /// Who referred.
    pub verwijzer: Verwijzer,
    /// Date of the decision.
    pub besluit: NaiveDate,
    /// Granted or refused.
    pub uitkomst: BesluitUitkomst,
    /// Actual start of delivery.
    pub start: Option<NaiveDate>,
    /// End of delivery.
    pub eind: Option<NaiveDate>,
    /// Natura or pgb.
    pub leveringsvorm: Leveringsvorm,
    /// Why it ended.
    pub reden_einde: Option<RedenEinde>,
    /// Status on the day the dossier was read.
    pub status: ToekenningStatus,
}

/// One referral to an algemene or voorliggende voorziening.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerwijzingRegel {
    /// Record identifier.
    pub id: String,
    /// The melding it was made from.
    pub melding: String,
    /// Name of the provision.
    pub voorziening: String,
    /// Date of the referral.
    pub datum: NaiveDate,
    /// Where it stands.
    pub status: VerwijzingStatus,
    /// Whether the question was solved there.
    pub opgelost: Option<bool>,
}

/// Everything the dossier screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dossier {
    /// The resident.
    pub inwoner: InwonerRij,
    /// Household identifier.
    pub huishouden: String,
    /// The other members of the household, oldest first.
    pub huisgenoten: Vec<Huisgenoot>,
    /// The household's AVE level on the day read (latest change up to today).
    pub ave_nu: Option<AveRegel>,
    /// All AVE changes of the household, newest first.
    pub ave_historie: Vec<AveRegel>,
    /// Meldingen, newest first.
    pub meldingen: Vec<MeldingRegel>,
    /// Toekenningen, newest decision first.
    pub toekenningen: Vec<ToekenningRegel>,
    /// Verwijzingen, newest first.
    pub verwijzingen: Vec<VerwijzingRegel>,
}

/// The SQL of the dossier queries, public so a test can EXPLAIN them.
pub const SQL_HUISHOUDEN: &str = "SELECT huishouden FROM inwoner WHERE id = ?1";
/// Household members.
pub const SQL_HUISGENOTEN: &str = "SELECT id, voornaam, achternaam, geboortedatum FROM inwoner
     WHERE huishouden = ?1 AND id <> ?2 ORDER BY geboortedatum";
/// AVE history.
pub const SQL_AVE: &str = "SELECT a.datum, a.niveau, a.reden, m.naam, a.procesregisseur
     FROM ave a LEFT JOIN medewerker m ON m.id = a.casusregisseur
     WHERE a.huishouden = ?1 ORDER BY a.datum DESC, a.id DESC";
/// Meldingen.
pub const SQL_MELDINGEN: &str = "SELECT m.id, m.datum, m.bron, m.wet, v.naam, w.naam, m.gesprek,
            m.onderzoek_klaar, m.afgesloten, m.uitkomst
     FROM melding m
     LEFT JOIN voorziening v ON v.id = m.gevraagde_voorziening
     LEFT JOIN medewerker w ON w.id = m.medewerker
     WHERE m.inwoner = ?1 ORDER BY m.datum DESC, m.id DESC";
/// Toekenningen.
pub const SQL_TOEKENNINGEN: &str =
    "SELECT t.id, v.naam, a.naam, t.verwijzer, t.besluit, t.uitkomst, t.start,
            t.eind, t.leveringsvorm, t.reden_einde, t.melding
     FROM toekenning t
     JOIN voorziening v ON v.id = t.voorziening
     LEFT JOIN aanbieder a ON a.id = t.aanbieder
     WHERE t.inwoner = ?1 ORDER BY t.besluit DESC, t.id DESC";
/// Verwijzingen.
pub const SQL_VERWIJZINGEN: &str = "SELECT r.id, v.naam, r.datum, r.status, r.opgelost, r.melding
     FROM melding m
     JOIN verwijzing r ON r.melding = m.id
     JOIN voorziening v ON v.id = r.voorziening
     WHERE m.inwoner = ?1 ORDER BY r.datum DESC, r.id DESC";

/// Reads the dossier of resident `id` as it stands on `vandaag`.
pub fn dossier<'a>(
    db: impl Into<Db<'a>>,
    id: &str,
    vandaag: NaiveDate,
) -> Result<Dossier, StoreFout> {
    let db = db.into();
    let kop = inwoner(db, id)?;
    let huishouden: String = db.query_one(SQL_HUISHOUDEN, &[&id], |r| r.get(0))?;

    let huisgenoten = db.query_map(SQL_HUISGENOTEN, &[&huishouden, &id], |r| {
        Ok(Huisgenoot {
            id: r.get(0)?,
            naam: volle_naam(&r.get::<String>(1)?, &r.get::<String>(2)?),
            geboortedatum: r.get(3)?,
        })
    })?;

    let ave_historie = db.query_map(SQL_AVE, &[&huishouden], |r| {
        Ok(AveRegel {
            datum: r.get(0)?,
            niveau: r.get(1)?,
            reden: r.get(2)?,
            casusregisseur: r.get(3)?,
            procesregisseur: r.get(4)?,
        })
    })?;
    let ave_nu = ave_historie.iter().find(|a| a.datum <= vandaag).cloned();

    let meldingen = db.query_map(SQL_MELDINGEN, &[&id], |r| {
        Ok(MeldingRegel {
            id: r.get(0)?,
            datum: r.get(1)?,
            bron: r.lijst(2, Bron::parse)?,
            wet: r.optie_lijst(3, Wet::parse)?,
            gevraagde_voorziening: r.get(4)?,
            medewerker: r.get(5)?,
            gesprek: r.get(6)?,
            onderzoek_klaar: r.get(7)?,
            afgesloten: r.get(8)?,
            uitkomst: r.optie_lijst(9, MeldingUitkomst::parse)?,
        })
    })?;

    let toekenningen = db.query_map(SQL_TOEKENNINGEN, &[&id], |r| {
        let besluit: NaiveDate = r.get(4)?;
        let uitkomst = r.lijst(5, BesluitUitkomst::parse)?;
        let start: Option<NaiveDate> = r.get(6)?;
        let eind: Option<NaiveDate> = r.get(7)?;
        Ok(ToekenningRegel {
            id: r.get(0)?,
            melding: r.get(10)?,
            voorziening: r.get(1)?,
            aanbieder: r.get(2)?,
            verwijzer: r.lijst(3, Verwijzer::parse)?,
            besluit,
            uitkomst,
            start,
            eind,
            leveringsvorm: r.lijst(8, Leveringsvorm::parse)?,
            reden_einde: r.optie_lijst(9, RedenEinde::parse)?,
            status: ToekenningStatus::op(uitkomst, besluit, start, eind, vandaag),
        })
    })?;

    let verwijzingen = db.query_map(SQL_VERWIJZINGEN, &[&id], |r| {
        Ok(VerwijzingRegel {
            id: r.get(0)?,
            melding: r.get(5)?,
            voorziening: r.get(1)?,
            datum: r.get(2)?,
            status: r.lijst(3, VerwijzingStatus::parse)?,
            opgelost: r.get(4)?,
        })
    })?;

    Ok(Dossier {
        inwoner: kop,
        huishouden,
        huisgenoten,
        ave_nu,
        ave_historie,
        meldingen,
        toekenningen,
        verwijzingen,
    })
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "tests may fail loudly")]
mod tests {
    use super::*;

    fn d(j: i32, m: u32, dag: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(j, m, dag).expect("datum")
    }

    #[test]
    fn status_volgt_de_datums() {
        let vandaag = d(2025, 6, 1);
        let besluit = d(2025, 5, 1);
        let toegekend = BesluitUitkomst::Toegekend;
        assert_eq!(
            ToekenningStatus::op(toegekend, besluit, None, None, vandaag),
            ToekenningStatus::Wachtend {
                dagen_sinds_besluit: 31
            }
        );
        assert_eq!(
            ToekenningStatus::op(toegekend, besluit, Some(d(2025, 7, 1)), None, vandaag),
            ToekenningStatus::Wachtend {
                dagen_sinds_besluit: 31
            }
        );
        assert_eq!(
            ToekenningStatus::op(toegekend, besluit, Some(besluit), None, vandaag),
            ToekenningStatus::Lopend
        );
        assert_eq!(
            ToekenningStatus::op(toegekend, besluit, Some(besluit), Some(vandaag), vandaag),
            ToekenningStatus::Lopend
        );
        assert_eq!(
            ToekenningStatus::op(
                toegekend,
                besluit,
                Some(besluit),
                Some(d(2025, 5, 31)),
                vandaag
            ),
            ToekenningStatus::Beeindigd
        );
        assert_eq!(
            ToekenningStatus::op(BesluitUitkomst::Afgewezen, besluit, None, None, vandaag),
            ToekenningStatus::Afgewezen
        );
    }
}
