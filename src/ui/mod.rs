//! The eframe app: side navigation with Werkvoorraad, Inwoners (and the
//! dossier), Sociale kaart, Rapportage and Beheer.
//!
//! Shaped like the egui demo app: [`app::WijkregisterApp`] is a library type
//! that tests drive through `egui_kittest`; [`start`] only opens the window.
//! Screens reach the database only through the gateway (`crate::gateway`),
//! bound to the session: a `Loket`.

pub mod actie;
pub mod app;
pub mod ave_overzicht;
pub mod beheer;
pub mod dossier;
pub mod huishouden;
pub mod inloggen;
pub mod inwoners;
pub mod melding;
pub mod onderhoud;
pub mod rapportage;
pub mod scherm;
pub mod sessie;
pub mod sociale_kaart;
pub mod theme;
pub mod werkvoorraad;
pub mod widgets;
pub mod woorden;

use std::path::Path;

use anyhow::Context as _;

use crate::gateway::{Gateway, Klok};
use crate::ui::app::WijkregisterApp;

/// Opens the window on the register at `db`. A database that cannot be
/// opened is reported (returned as an error, which `main` prints) before any
/// window appears.
pub fn start(db: &Path) -> anyhow::Result<()> {
    // The store's error already names the file and what is wrong with it.
    let gateway = Gateway::open_bestand(db).context("wijkregister kan niet starten")?;
    start_met(gateway, Some(db.to_path_buf()))
}

/// Opens the window on the shared register at the PostgreSQL address
/// `url` (issue #17; an empty database becomes a new register). The
/// daily backups of a file register are the database server's on
/// PostgreSQL (`pg_dump`, README "Gedeeld register"), so no maintenance
/// runs here.
pub fn start_gedeeld(url: &str) -> anyhow::Result<()> {
    let adres = crate::store::pg::PgAdres::lees(url)?;
    let gateway =
        Gateway::open_postgres(&adres, None, true).context("wijkregister kan niet starten")?;
    start_met(gateway, None)
}

fn start_met(gateway: Gateway, db_pad: Option<std::path::PathBuf>) -> anyhow::Result<()> {
    let klok = Klok::systeem();
    let vandaag = klok.vandaag();
    let opties = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("wijkregister")
            .with_app_id("wijkregister")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 560.0]),
        ..Default::default()
    };
    eframe::run_native(
        "wijkregister",
        opties,
        Box::new(move |cc| {
            crate::ui::theme::stel_in(&cc.egui_ctx);
            let app = WijkregisterApp::met_inloggen(gateway, vandaag, klok);
            Ok(Box::new(match db_pad {
                Some(pad) => app.met_onderhoud(crate::ui::onderhoud::Onderhoud::start(
                    pad,
                    vandaag,
                    cc.egui_ctx.clone(),
                )),
                None => app,
            }))
        }),
    )
    .map_err(|fout| anyhow::anyhow!("het venster kon niet worden geopend: {fout}"))
}
