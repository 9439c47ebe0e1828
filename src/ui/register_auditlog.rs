//! The Register's reads and writes for the beheerder's audit log and
//! retention screens: paging, counting, verifying and exporting the log,
//! listing and destroying dossiers past their retention term.
//!
//! Thin wrappers over `store::audit`, `store::bewaartermijn` and
//! `report::auditlog`, so the screens never hold a connection. Each one
//! first checks that the session is a beheerder's — the rule is enforced
//! here, where the data is read, not only by hiding the screens — and logs
//! a refusal in the audit log.

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::Rol;
use crate::report::RapportFout;
use crate::store::StoreFout;
use crate::store::accounts::Sessie;
use crate::store::audit::{self, AuditFilter, AuditRij, Logregel, Resultaat, Verificatie};
use crate::store::bewaartermijn::{self, Vernietigd, Verval};
use crate::ui::register::Register;

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
    Rapport(#[from] RapportFout),
}

/// The stored form of a moment (as `store::accounts` writes it).
fn tijd(nu: NaiveDateTime) -> String {
    nu.format("%Y-%m-%dT%H:%M:%S").to_string()
}

impl Register {
    /// Refuses, and logs the refusal, unless `sessie` is a beheerder's.
    fn eis_beheerder_sessie(
        &self,
        sessie: &Sessie,
        wat: &'static str,
        actie: &str,
        nu: NaiveDateTime,
    ) -> Result<(), BeheerFout> {
        if sessie.rol == Rol::Beheerder {
            return Ok(());
        }
        audit::log(
            self.conn(),
            &Logregel {
                tijdstip: &tijd(nu),
                actor: &sessie.medewerker,
                actie,
                object: Some("auditlog"),
                doel: None,
                resultaat: Resultaat::Geweigerd,
                details: Some("reden=geen-beheerder"),
            },
        )?;
        Err(BeheerFout::GeenBeheerder(wat))
    }

    /// How many rows of the audit log match `filter` (beheerder only).
    pub fn auditlog_tel(
        &self,
        sessie: &Sessie,
        filter: &AuditFilter,
        nu: NaiveDateTime,
    ) -> Result<u64, BeheerFout> {
        self.eis_beheerder_sessie(sessie, "het auditlog inzien", "auditlog-lezen", nu)?;
        Ok(audit::tel(self.conn(), filter)?)
    }

    /// One page of the audit log, newest first (beheerder only).
    pub fn auditlog_pagina(
        &self,
        sessie: &Sessie,
        filter: &AuditFilter,
        overslaan: u64,
        limiet: u32,
        nu: NaiveDateTime,
    ) -> Result<Vec<AuditRij>, BeheerFout> {
        self.eis_beheerder_sessie(sessie, "het auditlog inzien", "auditlog-lezen", nu)?;
        Ok(audit::pagina(self.conn(), filter, overslaan, limiet)?)
    }

    /// The actions that occur in the audit log (beheerder only).
    pub fn auditlog_acties(
        &self,
        sessie: &Sessie,
        nu: NaiveDateTime,
    ) -> Result<Vec<String>, BeheerFout> {
        self.eis_beheerder_sessie(sessie, "het auditlog inzien", "auditlog-lezen", nu)?;
        Ok(audit::acties(self.conn())?)
    }

    /// Checks the hash chain of the whole audit log (beheerder only).
    pub fn auditlog_verifieer(
        &self,
        sessie: &Sessie,
        nu: NaiveDateTime,
    ) -> Result<Verificatie, BeheerFout> {
        self.eis_beheerder_sessie(sessie, "het auditlog controleren", "auditlog-lezen", nu)?;
        Ok(audit::verifieer(self.conn())?)
    }

    /// Exports the rows matching `filter` to `pad` as CSV; the export is
    /// logged. Returns the number of rows (beheerder only).
    pub fn auditlog_exporteer(
        &mut self,
        sessie: &Sessie,
        filter: &AuditFilter,
        pad: &Path,
        nu: NaiveDateTime,
    ) -> Result<u64, BeheerFout> {
        self.eis_beheerder_sessie(sessie, "het auditlog exporteren", "export", nu)?;
        Ok(crate::report::auditlog::exporteer(
            self.conn_mut(),
            filter,
            pad,
            &sessie.medewerker,
            &tijd(nu),
        )?)
    }

    /// The dossiers due for destruction on `vandaag` (beheerder only).
    pub fn te_vernietigen(
        &self,
        sessie: &Sessie,
        vandaag: NaiveDate,
        nu: NaiveDateTime,
    ) -> Result<Vec<Verval>, BeheerFout> {
        self.eis_beheerder_sessie(
            sessie,
            "de bewaartermijnen inzien",
            "bewaartermijnen-lezen",
            nu,
        )?;
        Ok(bewaartermijn::te_vernietigen(self.conn(), vandaag)?)
    }

    /// Destroys one dossier due on `vandaag` (beheerder only).
    pub fn vernietig_dossier(
        &mut self,
        sessie: &Sessie,
        inwoner: &str,
        vandaag: NaiveDate,
        nu: NaiveDateTime,
    ) -> Result<Vernietigd, BeheerFout> {
        self.eis_beheerder_sessie(sessie, "dossiers vernietigen", "vernietigen", nu)?;
        Ok(bewaartermijn::vernietig(
            self.conn_mut(),
            inwoner,
            vandaag,
            &sessie.medewerker,
            &tijd(nu),
        )?)
    }

    /// Destroys every dossier due on `vandaag` in one transaction; returns
    /// the residents destroyed and the total removed (beheerder only).
    pub fn vernietig_alle_vervallen(
        &mut self,
        sessie: &Sessie,
        vandaag: NaiveDate,
        nu: NaiveDateTime,
    ) -> Result<(Vec<String>, Vernietigd), BeheerFout> {
        self.eis_beheerder_sessie(sessie, "dossiers vernietigen", "vernietigen", nu)?;
        Ok(bewaartermijn::vernietig_alle(
            self.conn_mut(),
            vandaag,
            &sessie.medewerker,
            &tijd(nu),
        )?)
    }
}
