//! The one helper for work that may take longer than a frame: an import,
//! demo data, computing or exporting the indicators, checking or exporting
//! the audit log, searching residents.
//!
//! [`Loket::op_achtergrond`] runs the work as the session's medewerker. On a
//! register file it runs on its own thread with its own connection
//! (`store::open`), so the window stays responsive; it reports progress and,
//! once, its outcome over a channel, and asks the front end to repaint
//! through the gateway's callback (no egui here). On an in-memory register
//! (tests) there is no second connection, so it runs at once and the outcome
//! is waiting when the caller first asks. Either way the caller holds a
//! [`Taak`] and asks it each frame with [`Taak::neem`].

use std::sync::mpsc::{self, Receiver, TryRecvError};

use super::{Gateway, Loket};

/// What the work sends back.
enum Bericht<T> {
    Voortgang(u64, u64),
    Klaar(T),
    /// The work could not start (no connection, no thread).
    Mislukt(String),
}

/// Work running in the background (or done), with its progress.
pub struct Taak<T> {
    omschrijving: String,
    ontvanger: Receiver<Bericht<T>>,
    klaar: u64,
    totaal: u64,
    /// The outcome has been taken.
    gedaan: bool,
}

impl<T> std::fmt::Debug for Taak<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Taak({}, {}/{})",
            self.omschrijving, self.klaar, self.totaal
        )
    }
}

/// The progress reporter handed to the work: `(klaar, totaal)`; `totaal` 0
/// when unknown (an import counts lines).
pub type Voortgang<'v> = &'v mut dyn FnMut(u64, u64);

impl<T> Taak<T> {
    /// What is running, as the user reads it ("Bezig met importeren van …").
    #[must_use]
    pub fn omschrijving(&self) -> &str {
        &self.omschrijving
    }

    /// The last progress reported: `(klaar, totaal)`.
    #[must_use]
    pub fn voortgang(&self) -> (u64, u64) {
        (self.klaar, self.totaal)
    }

    /// Collects the progress and returns the outcome once it is there (then
    /// the task is done; asking again gives `None`). A thread that stopped
    /// without an outcome gives an error in words.
    pub fn neem(&mut self) -> Option<Result<T, String>> {
        if self.gedaan {
            return None;
        }
        let uitkomst = loop {
            match self.ontvanger.try_recv() {
                Ok(Bericht::Voortgang(klaar, totaal)) => {
                    self.klaar = klaar;
                    self.totaal = totaal;
                }
                Ok(Bericht::Klaar(uitkomst)) => break Ok(uitkomst),
                Ok(Bericht::Mislukt(reden)) => break Err(reden),
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    break Err("de achtergrondtaak is onverwacht gestopt".to_owned());
                }
            }
        };
        self.gedaan = true;
        Some(uitkomst)
    }

    /// Whether the outcome has been taken (then the task is over).
    #[must_use]
    pub fn is_gedaan(&self) -> bool {
        self.gedaan
    }
}

impl Loket<'_> {
    /// Runs `werk` as this session's medewerker, on "today" and the clock of
    /// this `Loket`: on its own thread and connection when the register is a
    /// file, else at once (see the module documentation). `werk` gets a
    /// `Loket` of its own and a progress reporter.
    pub fn op_achtergrond<T: Send + 'static>(
        &self,
        omschrijving: impl Into<String>,
        werk: impl FnOnce(&Loket<'_>, Voortgang<'_>) -> T + Send + 'static,
    ) -> Taak<T> {
        let (zender, ontvanger) = mpsc::channel();
        let taak = Taak {
            omschrijving: omschrijving.into(),
            ontvanger,
            klaar: 0,
            totaal: 0,
            gedaan: false,
        };
        let Some(db) = self.gateway().db_pad().map(std::path::Path::to_path_buf) else {
            let uitkomst = werk(self, &mut |_, _| {});
            let _ = zender.send(Bericht::Klaar(uitkomst));
            return taak;
        };
        let sessie = self.sessie().cloned();
        let vandaag = self.vandaag();
        let klok = self.klok().clone();
        let herteken = self.gateway().herteken.clone();
        let reserve = zender.clone();
        let gestart = std::thread::Builder::new()
            .name("wijkregister-taak".into())
            .spawn(move || {
                let verbinding = match crate::store::open(&db) {
                    Ok(conn) => conn,
                    Err(fout) => {
                        let _ = zender.send(Bericht::Mislukt(fout.to_string()));
                        herteken();
                        return;
                    }
                };
                let gateway = Gateway::new(verbinding, Some(db));
                let loket = gateway.voor(sessie.as_ref(), vandaag, &klok);
                let voortgang_zender = zender.clone();
                let voortgang_herteken = herteken.clone();
                let uitkomst = werk(&loket, &mut |klaar, totaal| {
                    let _ = voortgang_zender.send(Bericht::Voortgang(klaar, totaal));
                    voortgang_herteken();
                });
                let _ = zender.send(Bericht::Klaar(uitkomst));
                herteken();
            });
        if let Err(fout) = gestart {
            let _ = reserve.send(Bericht::Mislukt(format!(
                "de achtergrondtaak kon niet starten: {fout}"
            )));
        }
        // Only the thread holds a sender now: if it stops without an
        // outcome, `neem` says so.
        drop(reserve);
        taak
    }
}
