//! The app's screens through `egui_kittest` (no display needed), the way a
//! user meets them, and the app's command runner on a database file.

#[path = "../steun/mod.rs"]
mod steun;

mod ui_ave;
mod ui_beheer;
mod ui_focus;
mod ui_indeling;
mod ui_inloggen;
mod ui_invoerlengte;
mod ui_inwoners;
mod ui_klantreis;
mod ui_klantreis_demo;
mod ui_klantreis_formulieren;
mod ui_rapportage;
mod ui_register;
mod ui_sessie;
mod ui_sociale_kaart;
mod ui_toegang;
mod ui_toetsenbord;
mod ui_werkvoorraad;
mod ui_woorden;
