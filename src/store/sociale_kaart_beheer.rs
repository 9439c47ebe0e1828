//! Sociale kaart beheer.
