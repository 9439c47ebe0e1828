//! Thin entry point: parse the command line, start the GUI or run a command.

use std::process::ExitCode;

use wijkregister::cli::{self, Opdracht};
use wijkregister::store;

fn main() -> ExitCode {
    let aanroep = match cli::parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(fout) => {
            cli::fout(&format!("wijkregister: {fout}\n\n{}", cli::GEBRUIK));
            return ExitCode::from(2);
        }
    };
    let db = aanroep.db.clone().unwrap_or_else(store::standaard_pad);
    if aanroep.opdracht == Opdracht::Gui {
        let gestart = match db
            .to_str()
            .filter(|t| store::pg::Bestemming::is_postgres(t))
        {
            Some(url) => wijkregister::ui::start_gedeeld(url),
            None => wijkregister::ui::start(&db),
        };
        return match gestart {
            Ok(()) => ExitCode::SUCCESS,
            Err(fout) => {
                cli::fout(&format!("wijkregister: {fout:#}"));
                ExitCode::FAILURE
            }
        };
    }
    match cli::voer_uit(&db, &aanroep.opdracht) {
        Ok(code) => code,
        Err(fout) => {
            cli::fout(&format!("wijkregister: {fout:#}"));
            ExitCode::FAILURE
        }
    }
}
