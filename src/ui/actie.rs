//! What a screen asks the app to do after drawing ([`Actie`]), and where
//! the navigation can be ([`Plek`]).
//!
//! A screen never opens another screen: it returns an `Actie` naming the
//! record by its id, and the app carries it out after the drawing pass —
//! it checks access (and asks the purpose) through the gateway, builds the
//! screen for exactly that record, and keeps the places the worker opened
//! on a stack, so *Terug* goes back along what was actually opened.

/// A screen of the side navigation: the bottom of every navigation stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scherm {
    /// What is due and overdue for the medewerker one works as.
    Werkvoorraad,
    /// Search residents; a dossier opens from here.
    Inwoners,
    /// Provisions, providers, contracts.
    SocialeKaart,
    /// Households per AVE level, for team leads.
    AveOverzicht,
    /// Indicators per year with targets, and the monitoring export.
    Rapportage,
    /// Import and demo data, accounts, audit log, retention.
    Beheer,
}

impl Scherm {
    /// All screens in navigation order.
    pub const ALLE: [Scherm; 6] = [
        Scherm::Werkvoorraad,
        Scherm::Inwoners,
        Scherm::SocialeKaart,
        Scherm::AveOverzicht,
        Scherm::Rapportage,
        Scherm::Beheer,
    ];

    /// Whether a medewerker with role `rol` sees this screen in the
    /// navigation (`None`: nobody chosen yet). The gateway refuses what a
    /// role may not do anyway (`store::toegang`).
    #[must_use]
    pub fn zichtbaar_voor(self, rol: Option<crate::domain::Rol>) -> bool {
        use crate::store::toegang::{Recht, heeft};
        let Some(rol) = rol else {
            return true;
        };
        match self {
            Scherm::Werkvoorraad | Scherm::Inwoners => heeft(rol, Recht::Dossiers),
            Scherm::SocialeKaart => true,
            Scherm::AveOverzicht => heeft(rol, Recht::AveOverzicht),
            Scherm::Rapportage => heeft(rol, Recht::Rapportage),
            Scherm::Beheer => heeft(rol, Recht::Import) || heeft(rol, Recht::Accounts),
        }
    }

    /// The name in the navigation.
    #[must_use]
    pub fn naam(self) -> &'static str {
        match self {
            Scherm::Werkvoorraad => "Werkvoorraad",
            Scherm::Inwoners => "Inwoners",
            Scherm::SocialeKaart => "Sociale kaart",
            Scherm::AveOverzicht => "AVE-overzicht",
            Scherm::Rapportage => "Rapportage",
            Scherm::Beheer => "Beheer",
        }
    }
}

/// A place on the navigation stack: a screen of the navigation, or one
/// record by its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plek {
    /// A screen of the side navigation.
    Lijst(Scherm),
    /// A resident's dossier.
    Dossier(String),
    /// A household's view (AVE).
    Huishouden(String),
    /// A melding's klantreis; with a toekenning: its op- en afschaalformulier open.
    Melding {
        /// The melding.
        id: String,
        /// The running toekenning to op- of afschalen, if that was asked.
        herbeoordelen: Option<String>,
    },
    /// The form for a new melding, for this resident or a new one.
    NieuweMelding(Option<String>),
}

impl Plek {
    /// The words of a *Terug* button that goes back to this place (`van`:
    /// the kind of screen the button is on, for a dossier under a dossier).
    #[must_use]
    pub fn terug_tekst(&self, van_dossier: bool) -> &'static str {
        match self {
            Plek::Lijst(Scherm::Inwoners) => "Terug naar de lijst",
            Plek::Lijst(Scherm::Werkvoorraad) => "Terug naar de werkvoorraad",
            Plek::Lijst(Scherm::AveOverzicht) => "Terug naar het AVE-overzicht",
            Plek::Lijst(_) => "Terug",
            Plek::Dossier(_) if van_dossier => "Terug naar het vorige dossier",
            Plek::Dossier(_) => "Terug naar het dossier",
            Plek::Huishouden(_) => "Terug naar het huishouden",
            Plek::Melding { .. } => "Terug naar de melding",
            Plek::NieuweMelding(_) => "Terug naar de nieuwe melding",
        }
    }
}

/// What a screen asks the app to do after drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actie {
    /// Open a resident's dossier (access checked, purpose asked).
    OpenDossier(String),
    /// Open a melding's klantreis.
    OpenMelding(String),
    /// Open a melding with the op- en afschaalformulier of its running toekenning.
    Herbeoordelen {
        /// The melding the toekenning was decided on.
        melding: String,
        /// The running toekenning.
        toekenning: String,
    },
    /// Open the Nieuwe melding form, for this resident or a new one.
    NieuweMelding(Option<String>),
    /// Open a household's view (access checked, purpose asked).
    OpenHuishouden(String),
    /// The Nieuwe melding form saved this melding of `inwoner`: the form
    /// gives way to the melding, with the resident's dossier under it.
    MeldingOpgeslagen {
        /// The resident.
        inwoner: String,
        /// The new melding.
        melding: String,
    },
    /// Back to the place opened before this one.
    Terug,
    /// Something changed the register as a whole (an import, demo data,
    /// destroyed dossiers): every list is read again; the message, if any,
    /// is shown above every screen.
    RegisterGewijzigd(Option<String>),
}

impl Actie {
    /// The place this action opens, if it opens one.
    #[must_use]
    pub fn plek(&self) -> Option<Plek> {
        match self {
            Actie::OpenDossier(id) => Some(Plek::Dossier(id.clone())),
            Actie::OpenMelding(id) => Some(Plek::Melding {
                id: id.clone(),
                herbeoordelen: None,
            }),
            Actie::Herbeoordelen {
                melding,
                toekenning,
            } => Some(Plek::Melding {
                id: melding.clone(),
                herbeoordelen: Some(toekenning.clone()),
            }),
            Actie::NieuweMelding(inwoner) => Some(Plek::NieuweMelding(inwoner.clone())),
            Actie::OpenHuishouden(id) => Some(Plek::Huishouden(id.clone())),
            Actie::MeldingOpgeslagen { .. } | Actie::Terug | Actie::RegisterGewijzigd(_) => None,
        }
    }
}
