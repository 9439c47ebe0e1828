//! The afwegingsladder form: own strength, network, algemene and voorliggende voorziening, then maatwerk.

use super::{
    BesluitForm, Formulier, Gegevens, MeldingScherm, hoofdletter, leeg_aanbod_uitleg,
    maatwerk_knop_ui,
};
use crate::domain::VoorzieningSoort;
use crate::domain::klantreis::{LadderUitkomst, Trede, TredeSoort};
use crate::gateway::Loket;
use crate::ui::theme::{GOED_KLEUR, WAARSCHUWING_KLEUR};
use crate::ui::widgets::datum::{datumveld_ui, lees};
use crate::ui::widgets::{Fouten, fout_ui, keuze_ui, markeer_meerregelig, tekstvak_ui};
use egui::RichText;

impl MeldingScherm {
    #[allow(clippy::too_many_lines, reason = "one form, read top to bottom")]
    pub(super) fn ladder_ui(&mut self, ui: &mut egui::Ui, g: &Gegevens, loket: &Loket<'_>) -> bool {
        ui.separator();
        ui.label(RichText::new("Afwegingsladder").strong().size(17.0));
        ui.label("Beantwoord de treden van boven naar beneden. Een trede kan pas als de trede erboven is beantwoord met 'lost het niet op'.");
        let f = if self.fouten_van == Some(Formulier::Ladder) {
            self.fouten.clone()
        } else {
            Fouten::new()
        };
        let mut vorige_open = false;
        let mut opgelost_boven = false;
        let enig = self.formulier_geteld();
        let focus = self.focus;
        let vorm = ui.scope(|ui| {
            egui::Grid::new("ladder")
                .num_columns(3)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    for (n, soort) in TredeSoort::ALLE.iter().enumerate() {
                        let bewerkbaar = !vorige_open && !opgelost_boven;
                        let mut trede = self.ladder.ladder.trede(*soort).clone();
                        ui.label(
                            RichText::new(format!("{}. {}", n + 1, hoofdletter(soort.label())))
                                .strong(),
                        );
                        ui.add_enabled_ui(bewerkbaar, |ui| {
                            ui.horizontal(|ui| {
                                if ui
                                    .add(antwoord(
                                        trede.lost_op == Some(true),
                                        "lost het op",
                                        soort.label(),
                                    ))
                                    .clicked()
                                {
                                    trede.lost_op = Some(true);
                                }
                                if ui
                                    .add(antwoord(
                                        trede.lost_op == Some(false) && trede.deel().is_none(),
                                        "lost het niet op",
                                        soort.label(),
                                    ))
                                    .clicked()
                                {
                                    trede.lost_op = Some(false);
                                    if let Some(rest) = trede.deel().map(str::to_owned) {
                                        trede.toelichting = rest;
                                    }
                                }
                                // An algemene or voorliggende voorziening may
                                // take part of the need: a verwijzing for that
                                // part, and maatwerk or a schuldhulp traject
                                // for the rest.
                                if matches!(
                                    soort,
                                    TredeSoort::AlgemeneVoorziening
                                        | TredeSoort::VoorliggendeVoorziening
                                ) && ui
                                    .add(antwoord(
                                        trede.deel().is_some(),
                                        "lost een deel op",
                                        soort.label(),
                                    ))
                                    .on_hover_text(
                                        "Verwijs voor dat deel en leg voor de rest een traject of \
                                         maatwerk vast; schrijf bij Waarom welk deel het oplost.",
                                    )
                                    .clicked()
                                    && trede.deel().is_none()
                                {
                                    trede = Trede::deels(&trede.toelichting);
                                }
                            });
                        });
                        ui.end_row();
                        let wl = ui.label(format!("Waarom ({}):", soort.label()));
                        ui.add_enabled_ui(bewerkbaar, |ui| {
                            ui.add(
                                egui::TextEdit::singleline(&mut trede.toelichting)
                                    .desired_width(520.0)
                                    .min_size(egui::vec2(520.0, 0.0))
                                    .char_limit(crate::ui::widgets::lengte::LANGE_TEKST),
                            )
                            .labelled_by(wl.id);
                        });
                        let fout = f.get(soort.veld()).cloned().or_else(|| {
                            (trede.lost_op.is_some() && trede.toelichting.trim().is_empty())
                                .then(|| "vul in waarom (verplicht)".to_owned())
                        });
                        fout_ui(ui, fout.as_ref());
                        ui.end_row();
                        if !bewerkbaar {
                            trede = Trede::default();
                        }
                        vorige_open |= trede.lost_op.is_none();
                        opgelost_boven |= trede.lost_op == Some(true);
                        self.ladder.ladder.zet(*soort, trede);
                    }
                    datumveld_ui(
                        ui,
                        "Datum afweging:",
                        &mut self.ladder.datum,
                        f.get("datum"),
                        loket.vandaag(),
                    );
                });
        });
        let mut opnieuw = false;
        let opgeslagen = g.ladder == self.ladder.ladder;
        let knoppen = ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    !opgeslagen,
                    egui::Button::new(RichText::new("Afweging opslaan").strong()),
                )
                .clicked()
            {
                opnieuw = true;
            }
            if opgeslagen
                && g.ladder.uitkomst() != LadderUitkomst::Onvolledig(TredeSoort::EigenKracht)
            {
                ui.label("De afweging is opgeslagen.");
            } else if !opgeslagen {
                ui.colored_label(WAARSCHUWING_KLEUR, "Nog niet opgeslagen.");
            }
        });
        opnieuw |= !opgeslagen
            && focus.enter_voor(ui, vorm.response.rect.union(knoppen.response.rect), enig);
        if opnieuw {
            let Some(datum) = lees(&self.ladder.datum) else {
                self.fouten =
                    Fouten::from([("datum".to_owned(), "typ de datum als dd-mm-jjjj".to_owned())]);
                self.fouten_van = Some(Formulier::Ladder);
                return false;
            };
            let r = loket.afweging_opslaan(&self.id, datum, &self.ladder.ladder);
            return self.na_opslaan(Formulier::Ladder, r, "Afweging opgeslagen.", loket);
        }
        // The outcome, on the ladder as saved.
        match g.ladder.uitkomst() {
            LadderUitkomst::OpgelostDoor(soort) if opgeslagen => {
                ui.colored_label(
                    GOED_KLEUR,
                    RichText::new(format!(
                        "De trede '{}' lost de vraag op: geen maatwerk nodig.",
                        soort.label()
                    ))
                    .strong(),
                );
                let soort_nodig = match soort {
                    TredeSoort::AlgemeneVoorziening => Some(VoorzieningSoort::Algemeen),
                    TredeSoort::VoorliggendeVoorziening => Some(VoorzieningSoort::Voorliggend),
                    _ => None,
                };
                let mut afronden = false;
                let f_af = if self.fouten_van == Some(Formulier::Afronden) {
                    self.fouten.clone()
                } else {
                    Fouten::new()
                };
                egui::Grid::new("ladder-uitkomst")
                    .num_columns(3)
                    .show(ui, |ui| {
                        if let Some(sn) = soort_nodig {
                            let opties: Vec<(Option<String>, String)> = g
                                .passend
                                .iter()
                                .filter(|v| v.soort == sn)
                                .map(|v| (Some(v.id.clone()), v.naam.clone()))
                                .collect();
                            let leeg = opties.is_empty();
                            keuze_ui(
                                ui,
                                "Verwijzen naar:",
                                &mut self.ladder.voorziening,
                                &opties,
                                f_af.get("voorziening"),
                            );
                            if leeg
                                && let Some(uitleg) = leeg_aanbod_uitleg(
                                    &g.kern,
                                    &g.passend,
                                    Some(sn),
                                    loket.vandaag(),
                                )
                            {
                                ui.label("");
                                ui.add(
                                    egui::Label::new(
                                        RichText::new(uitleg).color(WAARSCHUWING_KLEUR),
                                    )
                                    .wrap(),
                                );
                                ui.label("");
                                ui.end_row();
                            }
                        }
                        let r = tekstvak_ui(
                            ui,
                            "Notitie bij afsluiten:",
                            &mut self.ladder.notitie,
                            f_af.get("notitie"),
                        );
                        markeer_meerregelig(ui, &r);
                    });
                let knop = match soort_nodig {
                    Some(_) => format!(
                        "Verwijzen en melding afsluiten ({})",
                        soort.melding_uitkomst().label().to_lowercase()
                    ),
                    None => format!(
                        "Melding afsluiten met uitkomst {}",
                        soort.melding_uitkomst().label().to_lowercase()
                    ),
                };
                if ui.button(RichText::new(knop).strong()).clicked() {
                    afronden = true;
                }
                maatwerk_knop_ui(
                    ui,
                    &format!("de trede '{}' lost de vraag op", soort.label()),
                );
                if afronden {
                    let datum = lees(&self.ladder.datum).unwrap_or(loket.vandaag());
                    let r = loket.afronden_volgens_ladder(
                        &self.id,
                        datum,
                        self.ladder.voorziening.as_deref(),
                        &self.ladder.notitie,
                    );
                    return self.na_opslaan(
                        Formulier::Afronden,
                        r,
                        "Melding afgesloten volgens de afwegingsladder.",
                        loket,
                    );
                }
            }
            LadderUitkomst::Maatwerk if opgeslagen => {
                ui.label(
                    "Geen trede lost de vraag op: een maatwerkvoorziening kan worden aangevraagd.",
                );
                if ui
                    .button(RichText::new("Maatwerkbesluit nemen").strong())
                    .clicked()
                    && self.besluit.is_none()
                {
                    self.besluit = Some(BesluitForm::nieuw(g, loket.vandaag(), None));
                    self.scroll_besluit = true;
                    self.focus_naar = Some(Formulier::Besluit);
                }
            }
            LadderUitkomst::Onvolledig(soort) => {
                maatwerk_knop_ui(
                    ui,
                    &format!("de trede '{}' is nog niet beantwoord", soort.label()),
                );
            }
            _ => {
                maatwerk_knop_ui(ui, "sla de afweging eerst op");
            }
        }
        false
    }
}

/// One answer of a rung: the short answer on screen ("lost het op"; the
/// rung's name stands at the start of the row), the rung's name in what a
/// screen reader says ("eigen kracht: lost het op"). Short, so the row of
/// three answers stays inside its column at 1280 px and the error column
/// beside the fields stays in view.
fn antwoord<'a>(gekozen: bool, kort: &'a str, trede: &'a str) -> impl egui::Widget + 'a {
    move |ui: &mut egui::Ui| {
        let r = ui.radio(gekozen, kort);
        let aan = ui.is_enabled();
        r.widget_info(|| {
            egui::WidgetInfo::selected(
                egui::Role::RadioButton,
                aan,
                gekozen,
                format!("{trede}: {kort}"),
            )
        });
        r
    }
}
