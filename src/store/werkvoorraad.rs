//! Werkvoorraad.
