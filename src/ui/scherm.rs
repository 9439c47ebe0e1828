//! The one contract every screen keeps: [`SchermUi`].
//!
//! A screen draws with one context value, the gateway bound to the session,
//! "today" and the clock (`gateway::Loket`), and returns what the user
//! asked for as an [`Actie`]; the app carries that out after the drawing
//! pass. A screen holds no connection, reads no clock and imports no other
//! screen. A form's save is the one exception to "after drawing": it is one
//! `Loket` call (one store call, one transaction) made by the screen in the
//! frame the button is pressed, so the store's field errors come back to
//! the fields that caused them.

use crate::gateway::Loket;
use crate::ui::actie::{Actie, Plek};

/// A screen: a list of the navigation, or one record opened by its id.
pub trait SchermUi {
    /// Draws the screen; returns what the user asked for.
    fn ui(&mut self, ui: &mut egui::Ui, loket: &Loket<'_>) -> Option<Actie>;

    /// Whether typed input would be lost by leaving the screen now.
    fn gewijzigd(&self) -> bool {
        false
    }

    /// The user chose to leave without saving: drop what was typed.
    fn gooi_weg(&mut self) {}

    /// Reads its data again on the next draw (after a change elsewhere).
    fn vernieuw(&mut self) {}

    /// The record this screen shows (`None` for a list of the navigation).
    fn plek(&self) -> Option<Plek> {
        None
    }

    /// The place *Terug* goes back to (under this one on the stack), so the
    /// button can say where it goes.
    fn zet_onder(&mut self, _onder: &Plek) {}
}
