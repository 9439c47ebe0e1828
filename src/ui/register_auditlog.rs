//! The Register's reads and writes for the beheerder's audit log and
//! retention screens: paging, counting, verifying and exporting the log,
//! listing and destroying dossiers past their retention term.
//!
//! Thin wrappers over `store::audit`, `store::bewaartermijn` and
//! `report::auditlog`, so the screens never hold a connection. Each one
//! first checks that the session is a beheerder's — the rule is enforced
//! here, where the data is read, not only by hiding the screens — and logs
//! a refusal in the audit log. The chain check and the export read the
//! whole log, so they run in the background ([`Lopend`]).

use std::path::Path;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::Connection;

use crate::domain::Rol;
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
}

/// Work on the whole audit log that may take seconds on a large log (the
/// chain check, the export). On a register file it runs on its own thread
/// with its own connection, so the window stays responsive; on an
/// in-memory register (tests) it has run at once. Ask [`Lopend::uitkomst`]
/// each frame; the thread asks for a repaint when it is done.
pub struct Lopend<X> {
    ontvanger: Receiver<Result<X, String>>,
}

impl<X> Lopend<X> {
    /// The outcome once there is one (then once only), else `None`.
    #[must_use]
    pub fn uitkomst(&self) -> Option<Result<X, String>> {
        match self.ontvanger.try_recv() {
            Ok(uitkomst) => Some(uitkomst),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                Some(Err("de achtergrondtaak is onverwacht gestopt".to_owned()))
            }
        }
    }
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
        // The session and the medewerker the register works for must be one
        // beheerder (`store::toegang`, `Recht::Auditlog`).
        if sessie.rol == Rol::Beheerder
            && self.eis_zelf(&sessie.medewerker).is_ok()
            && self.eis(crate::store::toegang::Recht::Auditlog).is_ok()
        {
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

    /// Starts checking the hash chain of the whole audit log (beheerder
    /// only); see [`Lopend`] for where it runs.
    pub fn auditlog_verifieer(
        &mut self,
        sessie: &Sessie,
        nu: NaiveDateTime,
        ctx: &egui::Context,
    ) -> Result<Lopend<Verificatie>, BeheerFout> {
        self.eis_beheerder_sessie(sessie, "het auditlog controleren", "auditlog-lezen", nu)?;
        Ok(self.op_achtergrond(ctx, |conn| {
            audit::verifieer(conn).map_err(|f| f.to_string())
        }))
    }

    /// Starts exporting the rows matching `filter` to `pad` as CSV; the
    /// export is logged. The outcome is the number of rows (beheerder only).
    pub fn auditlog_exporteer(
        &mut self,
        sessie: &Sessie,
        filter: &AuditFilter,
        pad: &Path,
        nu: NaiveDateTime,
        ctx: &egui::Context,
    ) -> Result<Lopend<u64>, BeheerFout> {
        self.eis_beheerder_sessie(sessie, "het auditlog exporteren", "export", nu)?;
        let filter = filter.clone();
        let pad = pad.to_path_buf();
        let actor = sessie.medewerker.clone();
        let tijdstip = tijd(nu);
        Ok(self.op_achtergrond(ctx, move |conn| {
            crate::report::auditlog::exporteer(conn, &filter, &pad, &actor, &tijdstip)
                .map_err(|f| f.to_string())
        }))
    }

    /// Runs `werk` on a background thread with its own connection when the
    /// register is a file, else at once on the register's connection.
    fn op_achtergrond<X: Send + 'static>(
        &mut self,
        ctx: &egui::Context,
        werk: impl FnOnce(&mut Connection) -> Result<X, String> + Send + 'static,
    ) -> Lopend<X> {
        let (zender, ontvanger) = mpsc::channel();
        let Some(db) = self.db_pad().map(Path::to_path_buf) else {
            let _ = zender.send(werk(self.conn_mut()));
            return Lopend { ontvanger };
        };
        let reserve = zender.clone();
        let ctx = ctx.clone();
        let gestart = std::thread::Builder::new()
            .name("wijkregister-auditlog".into())
            .spawn(move || {
                let uitkomst = match crate::store::open(&db) {
                    Ok(mut conn) => werk(&mut conn),
                    Err(fout) => Err(fout.to_string()),
                };
                let _ = zender.send(uitkomst);
                ctx.request_repaint();
            });
        if let Err(fout) = gestart {
            let _ = reserve.send(Err(format!("de achtergrondtaak kon niet starten: {fout}")));
        }
        Lopend { ontvanger }
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
