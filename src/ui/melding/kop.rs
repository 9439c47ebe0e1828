//! The header of the Melding screen: who and what, the step bar and the legal deadline.

use super::Gegevens;
use crate::domain::datum::nl;
use crate::domain::klantreis::{
    Stap, termijn_aanvraag, termijn_beschikking_schuldhulp, termijn_melding,
};
use crate::domain::termijnen::TermijnStatus;
use crate::store::klantreis::StapRij;
use crate::ui::theme::{
    FOUT_KLEUR, GOED_KLEUR, STAP_GEDAAN_KLEUR, STAP_KAN_NU_KLEUR, STAP_NOG_NIET_KLEUR,
    WAARSCHUWING_KLEUR,
};
use chrono::NaiveDate;
use egui::RichText;

pub(super) fn kop_ui(ui: &mut egui::Ui, g: &Gegevens) {
    let k = &g.kern;
    ui.heading(RichText::new(format!("Melding van {} – {}", g.naam, nl(k.datum))).size(22.0));
    egui::Grid::new("melding-kop")
        .num_columns(2)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            ui.label("Bron:");
            ui.label(&g.bron);
            ui.end_row();
            ui.label("Wet:");
            ui.label(k.wet.map_or("geen", |w| w.label()));
            ui.end_row();
            ui.label("Vraag:");
            vraag_ui(ui, k.vraag.as_deref().unwrap_or("–"));
            ui.end_row();
            ui.label("Leefgebieden:");
            let lg: Vec<&str> = k.leefgebieden.iter().map(|l| l.label()).collect();
            ui.label(if lg.is_empty() {
                "–".to_owned()
            } else {
                lg.join(", ")
            });
            ui.end_row();
            if let Some(i) = &g.intaker {
                ui.label("Intaker:");
                ui.label(g.medewerker_naam(i));
                ui.end_row();
            }
            if let Some(v) = &g.gevraagd {
                ui.label("Gevraagde voorziening:");
                ui.label(v);
                ui.end_row();
            }
            if k.spoed {
                ui.label("Spoed:");
                ui.colored_label(FOUT_KLEUR, "ja (schuldhulp)");
                ui.end_row();
            }
            if let Some(a) = k.afgesloten {
                ui.label("Afgesloten:");
                ui.label(format!(
                    "{} – {}",
                    nl(a),
                    k.uitkomst.map_or("–", |u| u.label())
                ));
                ui.end_row();
            }
        });
}

/// Width of the question in the header: it wraps within it (at 1280 px
/// the stepper and the buttons stay in view).
const VRAAG_BREEDTE: f32 = 760.0;
/// Height of the question in the header; a longer question scrolls inside.
const VRAAG_HOOGTE: f32 = 96.0;

/// The question in the resident's words: wrapped in a fixed column, a long
/// one scrolls inside its own box so the page keeps its layout.
fn vraag_ui(ui: &mut egui::Ui, vraag: &str) {
    let breedte = VRAAG_BREEDTE.min(ui.available_width().max(300.0));
    // The box is as high as the wrapped text, at most VRAAG_HOOGTE: a grid
    // row takes the height it is given, so it is fixed before drawing.
    let tekst_hoogte = ui
        .painter()
        .layout(
            vraag.to_owned(),
            egui::TextStyle::Body.resolve(ui.style()),
            ui.visuals().text_color(),
            breedte - 16.0,
        )
        .size()
        .y;
    let hoogte = tekst_hoogte.min(VRAAG_HOOGTE);
    ui.allocate_ui_with_layout(
        egui::vec2(breedte, hoogte),
        egui::Layout::top_down(egui::Align::Min),
        |ui| {
            ui.set_min_size(egui::vec2(breedte, hoogte));
            ui.set_max_size(egui::vec2(breedte, hoogte));
            egui::ScrollArea::vertical()
                .id_salt("melding-vraag")
                .max_height(hoogte)
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.set_max_width(breedte - 16.0);
                    ui.add(egui::Label::new(vraag).wrap());
                });
        },
    );
}

/// The seven phases with what was done (date, who) and what comes next.
pub(super) fn stappenbalk_ui(ui: &mut egui::Ui, g: &Gegevens) {
    const FASEN: [&str; 7] = [
        "1 Melding",
        "2 Gesprek",
        "3 Analyse",
        "4 Afweging",
        "5 Verwijzing of besluit",
        "6 Levering en evaluatie",
        "7 Afsluiting",
    ];
    // Withdrawing is possible before every decision; it does not make the
    // phase it belongs to "possible now" (the tile would then say "kan nu"
    // while "Nog te doen" names only the withdrawal).
    let volgende = |fase: u8| -> Vec<String> {
        g.nog_te_doen
            .iter()
            .filter(|s| s.fase() == fase && **s != Stap::Ingetrokken)
            .map(|s| s.label().to_lowercase())
            .collect()
    };
    let breedte = ((ui.available_width() - 7.0 * 24.0) / 7.0).clamp(100.0, 170.0);
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        for (i, naam) in FASEN.iter().enumerate() {
            let fase = u8::try_from(i + 1).unwrap_or(0);
            let gedaan: Vec<&StapRij> =
                g.stappen.iter().filter(|s| s.stap.fase() == fase).collect();
            // Imported or older meldingen carry their first dates on the
            // melding itself, without step rows: done all the same.
            let geregistreerd = if gedaan.is_empty() {
                match fase {
                    1 => Some(("Melding", g.kern.datum)),
                    2 => g.gesprek.map(|d| ("Gesprek", d)),
                    3 => g.onderzoek_klaar.map(|d| ("Onderzoek klaar", d)),
                    _ => None,
                }
            } else {
                None
            };
            let (kleur, status) = if !gedaan.is_empty() || geregistreerd.is_some() {
                (STAP_GEDAAN_KLEUR, "gedaan")
            } else if !volgende(fase).is_empty() {
                (STAP_KAN_NU_KLEUR, "kan nu")
            } else {
                (STAP_NOG_NIET_KLEUR, "nog niet")
            };
            let wat_nu = if status == "kan nu" && fase == 5 {
                format!("kan nu: {}", opsomming(&volgende(fase), "of"))
            } else {
                status.to_owned()
            };
            egui::Frame::group(ui.style())
                .stroke(egui::Stroke::new(
                    if status == "kan nu" { 2.0 } else { 1.0 },
                    kleur,
                ))
                .show(ui, |ui| {
                    ui.set_width(breedte);
                    ui.set_min_height(64.0);
                    ui.vertical(|ui| {
                        ui.add(egui::Label::new(RichText::new(*naam).color(kleur).strong()).wrap());
                        ui.add(egui::Label::new(RichText::new(wat_nu).small().color(kleur)).wrap());
                        if let Some((wat, datum)) = geregistreerd {
                            ui.add(
                                egui::Label::new(
                                    RichText::new(format!("{wat} {}", nl(datum))).small(),
                                )
                                .wrap(),
                            );
                        }
                        for s in gedaan {
                            ui.add(
                                egui::Label::new(
                                    RichText::new(format!(
                                        "{} {} – {}",
                                        s.stap.label(),
                                        nl(s.datum),
                                        g.medewerker_naam(&s.medewerker)
                                    ))
                                    .small(),
                                )
                                .wrap(),
                            );
                        }
                    });
                });
        }
    });
    ui.label(RichText::new(volgende_stap(&g.nog_te_doen)).strong());
}

/// What can be done next, as a sentence in the worker's words: "Volgende
/// stap: het gesprek vastleggen, de melding afsluiten of vastleggen dat de
/// melding is ingetrokken."
fn volgende_stap(nog_te_doen: &[Stap]) -> String {
    if nog_te_doen.is_empty() {
        return "Niets meer te doen: de melding is afgesloten.".to_owned();
    }
    let wat: Vec<String> = nog_te_doen
        .iter()
        .map(|s| {
            match s {
                Stap::Melding => "de melding vastleggen",
                Stap::Gesprek => "het gesprek vastleggen",
                Stap::Analyse => "de analyse vastleggen",
                Stap::Afweging => "de afweging maken",
                Stap::Verwijzing => "de inwoner verwijzen",
                Stap::AanvraagBesluit => "de aanvraag en het besluit vastleggen",
                Stap::GeenOndersteuning => "vastleggen dat geen ondersteuning nodig is",
                Stap::Ingetrokken => "vastleggen dat de melding is ingetrokken",
                Stap::LeveringEvaluatie => "de levering en evaluatie vastleggen",
                Stap::Afsluiting => "de melding afsluiten",
            }
            .to_owned()
        })
        .collect();
    format!("Volgende stap: {}.", opsomming(&wat, "of"))
}

/// "a", "a of b", "a, b of c".
fn opsomming(delen: &[String], voegwoord: &str) -> String {
    match delen {
        [] => String::new(),
        [een] => een.clone(),
        [eerdere @ .., laatste] => format!("{} {voegwoord} {laatste}", eerdere.join(", ")),
    }
}

pub(super) fn termijn_ui(ui: &mut egui::Ui, g: &Gegevens, vandaag: NaiveDate) {
    let k = &g.kern;
    let melding = termijn_melding(
        k.wet,
        k.spoed,
        k.datum,
        g.eerste(Stap::Gesprek),
        g.eerste(Stap::Afweging),
        k.afgesloten,
        vandaag,
    );
    let besluit = match (
        k.wet,
        k.aanvraag,
        g.eerste(Stap::AanvraagBesluit),
        k.afgesloten,
    ) {
        (Some(w), Some(a), None, None) => termijn_aanvraag(w, a, vandaag),
        _ => None,
    };
    let beschikking = if k.wet == Some(crate::domain::Wet::Schuldhulp) {
        termijn_beschikking_schuldhulp(
            g.eerste(Stap::Gesprek).or(g.gesprek),
            g.dossier
                .toekenningen
                .iter()
                .any(|t| t.melding.as_deref() == Some(k.id.as_str())),
            k.afgesloten,
            vandaag,
        )
    } else {
        None
    };
    let mut iets = false;
    for t in melding.into_iter().chain(besluit).chain(beschikking) {
        iets = true;
        let kleur = match t.status {
            TermijnStatus::OpTijd => GOED_KLEUR,
            TermijnStatus::BijnaVerlopen { .. } => WAARSCHUWING_KLEUR,
            TermijnStatus::Verlopen { .. } => FOUT_KLEUR,
        };
        ui.horizontal(|ui| {
            ui.label(format!(
                "Wettelijke termijn: {} – uiterlijk {}:",
                t.soort.label(),
                nl(t.uiterste)
            ));
            ui.label(RichText::new(t.status.tekst()).color(kleur).strong());
        });
    }
    if !iets {
        ui.label("Wettelijke termijn: geen lopende termijn.");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn de_volgende_stap_als_zin() {
        assert_eq!(
            volgende_stap(&[Stap::Gesprek, Stap::Afsluiting, Stap::Ingetrokken]),
            "Volgende stap: het gesprek vastleggen, de melding afsluiten of vastleggen dat de melding is ingetrokken."
        );
        assert_eq!(
            volgende_stap(&[Stap::Afweging]),
            "Volgende stap: de afweging maken."
        );
        assert_eq!(
            volgende_stap(&[]),
            "Niets meer te doen: de melding is afgesloten."
        );
    }
}
