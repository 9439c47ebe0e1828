//! The beheerder's audit log and retention through the gateway: paging,
//! counting, verifying and exporting the log, listing and destroying
//! dossiers past their retention term.
//!
//! Thin calls into `store::audit`, `store::bewaartermijn` and
//! `report::auditlog`. Each one first checks that the session is a
//! beheerder's — enforced here, where the data is read, not only by hiding
//! the screens — and logs a refusal in the audit log. The chain check and
//! the export read the whole log: the screen runs them through the one
//! background helper ([`Loket::op_achtergrond`]).

use std::path::Path;

use super::Loket;
use crate::store::StoreFout;
use crate::store::audit::{self, AuditFilter, AuditRij, Logregel, Resultaat, Verificatie};
use crate::store::bewaartermijn::{self, Vernietigd, Verval};
use crate::store::db::Register;
use crate::store::toegang::Recht;

/// Why a beheerder's read or write did not happen.
#[derive(Debug, thiserror::Error)]
pub enum BeheerFout {
    /// The session is not a beheerder's.
    #[error("Alleen een beheerder mag {0}.")]
    GeenBeheerder(&'static str),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreFout),
    /// The export failed.
    #[error(transparent)]
    Rapport(#[from] crate::report::RapportFout),
    /// The shared register (PostgreSQL) failed.
    #[error(transparent)]
    Postgres(#[from] crate::store::pg::PgFout),
}

impl Loket<'_> {
    /// Refuses, and logs the refusal, unless the session is a beheerder's.
    fn eis_beheerder(&self, wat: &'static str, actie: &str) -> Result<String, BeheerFout> {
        match self.eis(Recht::Auditlog) {
            Ok(g) => Ok(g.id.clone()),
            Err(StoreFout::GeenToegang(_)) => {
                if let Some(sessie) = self.sessie {
                    audit::log(
                        self.gw.register()?.db(),
                        &Logregel {
                            tijdstip: &crate::store::accounts::tijd(self.klok.lokaal_nu()),
                            actor: sessie.medewerker(),
                            actie,
                            object: Some("auditlog"),
                            doel: None,
                            resultaat: Resultaat::Geweigerd,
                            details: Some("reden=geen-beheerder"),
                        },
                    )?;
                }
                Err(BeheerFout::GeenBeheerder(wat))
            }
            Err(fout) => Err(fout.into()),
        }
    }

    /// How many rows of the audit log match `filter`.
    pub fn auditlog_tel(&self, filter: &AuditFilter) -> Result<u64, BeheerFout> {
        self.eis_beheerder("het auditlog inzien", "auditlog-lezen")?;
        Ok(audit::tel(self.gw.register()?.db(), filter)?)
    }

    /// One page of the audit log, newest first.
    pub fn auditlog_pagina(
        &self,
        filter: &AuditFilter,
        overslaan: u64,
        limiet: u32,
    ) -> Result<Vec<AuditRij>, BeheerFout> {
        self.eis_beheerder("het auditlog inzien", "auditlog-lezen")?;
        Ok(audit::pagina(
            self.gw.register()?.db(),
            filter,
            overslaan,
            limiet,
        )?)
    }

    /// What people read for the objects on a page of the log (a name, a
    /// date), by object as stored; objects no longer in the register are
    /// left out.
    pub fn auditlog_objectnamen(
        &self,
        objecten: &[&str],
    ) -> Result<std::collections::HashMap<String, String>, BeheerFout> {
        self.eis_beheerder("het auditlog inzien", "auditlog-lezen")?;
        Ok(crate::store::objectnamen::namen(
            self.gw.register()?.db(),
            objecten,
        )?)
    }

    /// The actions that occur in the audit log.
    pub fn auditlog_acties(&self) -> Result<Vec<String>, BeheerFout> {
        self.eis_beheerder("het auditlog inzien", "auditlog-lezen")?;
        Ok(audit::acties(self.gw.register()?.db())?)
    }

    /// Checks the hash chain of the whole log (seconds on a large log: run
    /// it in the background).
    pub fn auditlog_verifieer(&self) -> Result<Verificatie, BeheerFout> {
        self.eis_beheerder("het auditlog controleren", "auditlog-lezen")?;
        match &*self.gw.register()? {
            Register::Sqlite(conn) => Ok(audit::verifieer(conn)?),
            Register::Postgres(pg) => Ok(crate::store::pg::audit::verifieer_verbinding(pg)?),
        }
    }

    /// Exports the rows matching `filter` to `pad` as CSV; the export is
    /// logged. Returns the number of rows (run it in the background).
    pub fn auditlog_exporteer(&self, filter: &AuditFilter, pad: &Path) -> Result<u64, BeheerFout> {
        let actor = self.eis_beheerder("het auditlog exporteren", "export")?;
        let tijdstip = crate::store::accounts::tijd(self.klok.lokaal_nu());
        Ok(crate::report::auditlog::exporteer(
            &mut *self.gw.schrijf()?,
            filter,
            pad,
            &actor,
            &tijdstip,
        )?)
    }

    /// The dossiers due for destruction today.
    pub fn te_vernietigen(&self) -> Result<Vec<Verval>, BeheerFout> {
        self.eis_beheerder("de bewaartermijnen inzien", "bewaartermijnen-lezen")?;
        Ok(bewaartermijn::te_vernietigen(
            self.gw.register()?.db(),
            self.vandaag,
        )?)
    }

    /// Destroys one dossier due today.
    pub fn vernietig_dossier(&self, inwoner: &str) -> Result<Vernietigd, BeheerFout> {
        let actor = self.eis_beheerder("dossiers vernietigen", "vernietigen")?;
        Ok(bewaartermijn::vernietig(
            self.gw.register()?.db(),
            inwoner,
            self.vandaag,
            &actor,
            &crate::store::accounts::tijd(self.klok.lokaal_nu()),
        )?)
    }

    /// Destroys every dossier due today in one transaction; returns the
    /// residents destroyed and the total removed.
    pub fn vernietig_alle_vervallen(&self) -> Result<(Vec<String>, Vernietigd), BeheerFout> {
        let actor = self.eis_beheerder("dossiers vernietigen", "vernietigen")?;
        Ok(bewaartermijn::vernietig_alle(
            self.gw.register()?.db(),
            self.vandaag,
            &actor,
            &crate::store::accounts::tijd(self.klok.lokaal_nu()),
        )?)
    }
}
