//! The AVE-overzicht for team leads (and procesmanagers): households per
//! level per wijkteam now, moved up in the last 30 days, level 2 or higher
//! without change or contact for 12 weeks, and procesregie at levels 3–4.
//! Each row opens the household.
//!
//! A separate navigation entry rather than a tab of the Werkvoorraad: the
//! werkvoorraad is about deadlines of one's own work, this is the team's
//! escalation picture, and a team lead looks for it by name. The overview is
//! read when the screen is chosen (and kept until it is chosen again).

use egui::RichText;

use crate::domain::ave::AveNiveauTekst;
use crate::domain::datum::nl;
use crate::domain::waarden::Rol;
use crate::gateway::Loket;
use crate::store::StoreFout;
use crate::store::ave::TeamOverzicht;
use crate::ui::app::Actie;
use crate::ui::ave::team_overzicht_ui;
use crate::ui::theme::FOUT_KLEUR;

/// State of the AVE-overzicht screen.
#[derive(Default)]
pub struct AveOverzichtScherm {
    inhoud: Option<Result<(TeamOverzicht, Vec<AveNiveauTekst>), String>>,
}

/// Whether a role may see the team overview.
#[must_use]
pub fn mag_overzicht_zien(rol: Rol) -> bool {
    matches!(rol, Rol::Teamleider | Rol::Procesmanager)
}

impl AveOverzichtScherm {
    /// Reads the overview again the next time it is drawn.
    pub fn vernieuw(&mut self) {
        self.inhoud = None;
    }

    /// Draws the screen; returns the household the user opens.
    pub fn ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> Option<Actie> {
        ui.heading("AVE-overzicht");
        let vandaag = loket.vandaag();
        let Some(medewerker) = loket
            .sessie()
            .map(crate::gateway::Sessie::gebruiker)
            .filter(|m| mag_overzicht_zien(m.rol))
        else {
            ui.add_space(6.0);
            ui.add(
                egui::Label::new(
                    "Dit overzicht van alle huishoudens per AVE-niveau is voor teamleiders en \
                     procesmanagers. \
                     Het AVE-niveau van één huishouden ziet u in het dossier van elk lid, via \
                     'Huishouden bekijken'.",
                )
                .wrap(),
            );
            return None;
        };
        ui.label(format!(
            "Stand op {}, bekeken als {} ({}).",
            nl(vandaag),
            medewerker.naam,
            medewerker.rol.label().to_lowercase()
        ));
        ui.add_space(6.0);
        let inhoud = self.inhoud.get_or_insert_with(|| {
            let lees = || -> Result<_, StoreFout> {
                Ok((loket.ave_team_overzicht()?, loket.ave_teksten()?))
            };
            lees().map_err(|fout| format!("Het AVE-overzicht kon niet worden gelezen: {fout}"))
        });
        let (overzicht, teksten) = match inhoud {
            Ok(i) => (&i.0, &i.1),
            Err(fout) => {
                ui.colored_label(FOUT_KLEUR, RichText::new(fout.as_str()).strong());
                return None;
            }
        };
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| team_overzicht_ui(ui, overzicht, teksten))
            .inner
            .map(Actie::OpenHuishouden)
    }
}
