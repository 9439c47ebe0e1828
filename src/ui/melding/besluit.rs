//! The besluit on maatwerk (also op- en afschalen): the form, matched care and saving it.
//!
//! The form keeps its shape whatever is chosen or typed (issue 14 point 5):
//! the row of the reason for a refusal is always there (a quiet note while
//! the outcome is *toegekend*), the matched-care offer has a box of fixed
//! height that scrolls inside, and the question about a maatwerkcontract
//! and the ladder's errors show in a reserved place above the buttons, so
//! *Besluit opslaan* never moves under the cursor.

use super::{BesluitForm, Formulier, Gegevens, MeldingScherm, leeg_aanbod_uitleg};
use crate::domain::datum::nl;
use crate::domain::klantreis::Stap;
use crate::domain::{BesluitUitkomst, Leveringsvorm, VoorzieningSoort};
use crate::gateway::Loket;
use crate::store::klantreis::{NieuwBesluit, PassendeVoorziening};
use crate::ui::theme::{FOUT_KLEUR, GOED_KLEUR, WAARSCHUWING_KLEUR};
use crate::ui::widgets::datum::{datumveld_ui, lees};
use crate::ui::widgets::{
    Fouten, TEKSTVAK_BREEDTE, TEKSTVAK_HOOGTE, fout_ui, keuze_ui, markeer_meerregelig,
    melding_kolom_ui, tekstvak_ui, tekstveld_ui,
};
use chrono::NaiveDate;
use egui::RichText;

impl MeldingScherm {
    pub(super) fn besluit_ui(
        &mut self,
        ui: &mut egui::Ui,
        g: &Gegevens,
        loket: &Loket<'_>,
    ) -> bool {
        if self.besluit.is_none() {
            if g.kern.afgesloten.is_none() && g.nog_te_doen.contains(&Stap::AanvraagBesluit) {
                ui.separator();
                if ui
                    .button("Besluitformulier openen (aanvraag + besluit)")
                    .clicked()
                {
                    self.besluit = Some(BesluitForm::nieuw(g, loket.vandaag(), None));
                    self.scroll_besluit = true;
                    self.focus_naar = Some(Formulier::Besluit);
                }
            }
            return false;
        }
        let f = if self.fouten_van == Some(Formulier::Besluit) {
            self.fouten.clone()
        } else {
            Fouten::new()
        };
        let enig = self.formulier_geteld();
        let focus = self.focus;
        let focus_zetten = self.focus_naar == Some(Formulier::Besluit);
        if focus_zetten {
            self.focus_naar = None;
        }
        let Some(b) = self.besluit.as_mut() else {
            return false;
        };
        ui.separator();
        let titel = if b.vorige.is_some() {
            "Op- of afschalen: nieuw besluit"
        } else {
            "Besluit maatwerkvoorziening"
        };
        let kop = ui.label(RichText::new(titel).strong().size(17.0));
        if std::mem::take(&mut self.scroll_besluit) {
            kop.scroll_to_me(Some(egui::Align::TOP));
        }
        // The day the contract must run: the new decision's first day, else
        // the start of delivery, else the decision date.
        let peildag = if b.vorige.is_some() {
            lees(&b.vanaf)
        } else {
            lees(&b.start).or_else(|| lees(&b.besluit))
        }
        .unwrap_or(loket.vandaag());
        // Matched care is read again only when that day changes.
        if b.aanbod.as_ref().is_none_or(|(dag, _)| *dag != peildag) {
            let lijst = loket
                .passende_voorzieningen(&g.kern.id, peildag)
                .map(|l| {
                    l.into_iter()
                        .filter(|p| p.soort == VoorzieningSoort::Maatwerk)
                        .collect()
                })
                .map_err(|fout| format!("Het passende aanbod kon niet worden gelezen: {fout}"));
            b.aanbod = Some((peildag, lijst));
        }
        // A failed read is said once, here, instead of an empty offer.
        let (passend, aanbod_fout): (Vec<PassendeVoorziening>, Option<String>) =
            match b.aanbod.as_ref().map(|(_, l)| l) {
                Some(Ok(l)) => (l.clone(), None),
                Some(Err(fout)) => (Vec::new(), Some(fout.clone())),
                None => (Vec::new(), None),
            };
        let mut opslaan = false;
        let mut annuleren = false;
        egui::Grid::new("besluit")
            .num_columns(3)
            .spacing([12.0, 6.0])
            .min_col_width(230.0)
            .show(ui, |ui| {
                let mut eerste = None;
                if b.vorige.is_some() {
                    eerste = Some(datumveld_ui(
                        ui,
                        "Nieuw besluit geldt vanaf:",
                        &mut b.vanaf,
                        f.get("start"),
                        loket.vandaag(),
                    ));
                }
                let r = datumveld_ui(
                    ui,
                    "Aanvraagdatum:",
                    &mut b.aanvraag,
                    f.get("aanvraag"),
                    loket.vandaag(),
                );
                if focus_zetten {
                    eerste.unwrap_or(r).request_focus();
                }
                datumveld_ui(
                    ui,
                    "Besluitdatum:",
                    &mut b.besluit,
                    f.get("besluit"),
                    loket.vandaag(),
                );
                let uitkomsten = [
                    (BesluitUitkomst::Toegekend, "toegekend".to_owned()),
                    (BesluitUitkomst::Afgewezen, "afgewezen".to_owned()),
                ];
                keuze_ui(
                    ui,
                    "Uitkomst besluit:",
                    &mut b.uitkomst,
                    &uitkomsten,
                    f.get("uitkomst"),
                );
                if b.uitkomst == BesluitUitkomst::Afgewezen {
                    let r = tekstvak_ui(
                        ui,
                        "Reden afwijzing:",
                        &mut b.reden_afwijzing,
                        f.get("reden_afwijzing"),
                    );
                    markeer_meerregelig(ui, &r);
                } else {
                    // The same row, quiet: choosing "afgewezen" moves nothing.
                    ui.weak("Reden afwijzing:");
                    ui.add_sized(
                        [TEKSTVAK_BREEDTE, TEKSTVAK_HOOGTE],
                        egui::Label::new(
                            RichText::new("alleen bij een afwijzing").weak().italics(),
                        ),
                    );
                    melding_kolom_ui(ui, None, false);
                    ui.end_row();
                }
            });
        ui.add_space(6.0);
        ui.label(
            RichText::new(format!(
                "Passend aanbod (maatwerk bij de wet en de leefgebieden van de melding), contracten op {}:",
                nl(peildag)
            ))
            .strong(),
        );
        // The offer changes with the dates typed (contracts on that day):
        // a box of fixed height, scrolling inside.
        egui::ScrollArea::vertical()
            .id_salt("passend-aanbod-vak")
            .max_height(AANBOD_HOOGTE)
            .min_scrolled_height(AANBOD_HOOGTE)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if let Some(fout) = &aanbod_fout {
                    ui.colored_label(FOUT_KLEUR, RichText::new(fout).strong());
                } else if let Some(uitleg) =
                    leeg_aanbod_uitleg(&g.kern, &passend, Some(VoorzieningSoort::Maatwerk), peildag)
                {
                    ui.add(
                        egui::Label::new(RichText::new(uitleg).color(WAARSCHUWING_KLEUR)).wrap(),
                    );
                }
                egui::Grid::new("passend-aanbod")
                    .num_columns(5)
                    .striped(true)
                    .spacing([14.0, 4.0])
                    .show(ui, |ui| {
                        for k in ["Voorziening", "Categorie", "Aanbieder", "Contract", ""] {
                            ui.label(RichText::new(k).strong());
                        }
                        ui.end_row();
                        for p in &passend {
                            let naam = p.naam.clone();
                            let categorie = p
                                .categorie
                                .as_ref()
                                .map_or_else(|| "–".to_owned(), |c| format!("cat. {c}"));
                            if p.aanbieders.is_empty() {
                                ui.label(&naam);
                                ui.label(&categorie);
                                ui.label("geen aanbieder bekend");
                                ui.label("");
                                ui.label("");
                                ui.end_row();
                            }
                            for a in &p.aanbieders {
                                ui.label(&naam);
                                ui.label(&categorie);
                                ui.label(&a.naam);
                                match &a.actief_contract {
                                    // That a contract runs, not its internal id.
                                    Some(_) => ui.colored_label(GOED_KLEUR, "actief contract"),
                                    None => ui.colored_label(
                                        WAARSCHUWING_KLEUR,
                                        "geen actief contract (maatwerkcontract nodig)",
                                    ),
                                };
                                let gekozen = b.voorziening.as_ref() == Some(&p.id)
                                    && b.aanbieder.as_ref() == Some(&a.aanbieder);
                                if ui
                                    .add(egui::Button::selectable(
                                        gekozen,
                                        if gekozen { "Gekozen" } else { "Kies" },
                                    ))
                                    .on_hover_text(format!("Kies {} bij {}", p.naam, a.naam))
                                    .clicked()
                                {
                                    b.voorziening = Some(p.id.clone());
                                    b.aanbieder = Some(a.aanbieder.clone());
                                }
                                ui.end_row();
                            }
                        }
                    });
            });
        egui::Grid::new("besluit-2")
            .num_columns(3)
            .spacing([12.0, 6.0])
            .min_col_width(230.0)
            .show(ui, |ui| {
                let opties: Vec<(Option<String>, String)> = passend
                    .iter()
                    .map(|p| {
                        (
                            Some(p.id.clone()),
                            format!(
                                "{}{}",
                                p.naam,
                                p.categorie
                                    .as_ref()
                                    .map_or_else(String::new, |c| format!(" (categorie {c})"))
                            ),
                        )
                    })
                    .collect();
                if keuze_ui(
                    ui,
                    "Voorziening (maatwerk):",
                    &mut b.voorziening,
                    &opties,
                    f.get("voorziening"),
                ) {
                    b.aanbieder = None;
                }
                let gekozen = passend
                    .iter()
                    .find(|p| Some(&p.id) == b.voorziening.as_ref());
                let aanbieders: Vec<(Option<String>, String)> = gekozen
                    .map(|p| {
                        p.aanbieders
                            .iter()
                            .map(|a| {
                                let c = a.actief_contract.as_ref().map_or_else(
                                    || format!("geen contract op {}", nl(peildag)),
                                    |_| "actief contract".to_owned(),
                                );
                                (Some(a.aanbieder.clone()), format!("{} – {c}", a.naam))
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                keuze_ui(
                    ui,
                    "Aanbieder:",
                    &mut b.aanbieder,
                    &aanbieders,
                    f.get("aanbieder").or(f.get("contract")),
                );
                let contract = gekozen
                    .and_then(|p| {
                        p.aanbieders
                            .iter()
                            .find(|a| Some(&a.aanbieder) == b.aanbieder.as_ref())
                    })
                    .map(|a| a.actief_contract.clone());
                ui.label("Contract:");
                match contract {
                    Some(Some(_)) => ui.label(format!("loopt op {}", nl(peildag))),
                    Some(None) => ui.colored_label(
                        WAARSCHUWING_KLEUR,
                        "geen actief contract: dit wordt een maatwerkcontract",
                    ),
                    None => ui.label("–"),
                };
                ui.label("");
                ui.end_row();
                if b.vorige.is_none() {
                    datumveld_ui(
                        ui,
                        "Start levering (leeg: wachtend):",
                        &mut b.start,
                        f.get("start"),
                        loket.vandaag(),
                    );
                }
                datumveld_ui(
                    ui,
                    "Einddatum:",
                    &mut b.eind,
                    f.get("eind"),
                    loket.vandaag(),
                );
                let vormen: Vec<(Leveringsvorm, String)> = Leveringsvorm::ALLE
                    .iter()
                    .map(|v| (*v, v.label().to_owned()))
                    .collect();
                keuze_ui(
                    ui,
                    "Leveringsvorm:",
                    &mut b.leveringsvorm,
                    &vormen,
                    f.get("leveringsvorm"),
                );
                tekstveld_ui(ui, "Volume:", &mut b.volume, f.get("volume"));
                tekstveld_ui(ui, "Eenheid (bijv. uur per week):", &mut b.eenheid, None);
                ui.label("Doorbraakmethode:");
                ui.checkbox(&mut b.doorbraak, "besluit volgens de Doorbraakmethode");
                fout_ui(ui, f.get("doorbraak"));
                ui.end_row();
                let r = tekstvak_ui(ui, "Notitie besluit:", &mut b.notitie, f.get("notitie"));
                markeer_meerregelig(ui, &r);
            });
        let afweging_fouten: Vec<String> = f
            .iter()
            .filter(|(k, _)| k.starts_with("afweging"))
            .map(|(k, v)| {
                format!(
                    "Afwegingsladder ({}): {v}",
                    k.trim_start_matches("afweging.").replace('_', " ")
                )
            })
            .collect();
        let mut bevestigd = false;
        // The reserved place for what a save answers: the question about a
        // maatwerkcontract and the ladder's errors appear here, never above
        // the buttons' place.
        ui.allocate_ui_with_layout(
            egui::vec2(ui.available_width(), BERICHT_HOOGTE),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                ui.set_min_size(egui::vec2(ui.available_width(), BERICHT_HOOGTE));
                egui::ScrollArea::vertical()
                    .id_salt("besluit-bericht")
                    .max_height(BERICHT_HOOGTE)
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        if b.vraag_bevestiging {
                            ui.horizontal(|ui| {
                                ui.colored_label(
                                    FOUT_KLEUR,
                                    RichText::new("Dit wordt een maatwerkcontract. Doorgaan?")
                                        .strong(),
                                );
                                if ui.button("Ja, maatwerkcontract").clicked() {
                                    opslaan = true;
                                    bevestigd = true;
                                }
                                if ui.button("Nee").clicked() {
                                    b.vraag_bevestiging = false;
                                }
                            });
                        }
                        for a in &afweging_fouten {
                            ui.add(
                                egui::Label::new(
                                    RichText::new(format!("Fout: {a}"))
                                        .strong()
                                        .color(FOUT_KLEUR),
                                )
                                .wrap(),
                            );
                        }
                    });
            },
        );
        let knoppen = ui.horizontal(|ui| {
            if ui
                .button(RichText::new("Besluit opslaan").strong())
                .clicked()
            {
                opslaan = true;
            }
            annuleren = ui.button("Annuleren").clicked();
            ui.weak("Enter = opslaan (niet in een notitie), Esc = annuleren");
        });
        let vlak = egui::Rect::from_min_max(
            egui::pos2(ui.max_rect().left(), kop.rect.top()),
            egui::pos2(ui.max_rect().right(), knoppen.response.rect.bottom()),
        );
        if focus.esc_voor(ui, vlak, enig) {
            annuleren = true;
            self.esc_gebruikt = true;
        } else if !annuleren && focus.enter_voor(ui, vlak, enig) {
            opslaan = true;
        }
        if annuleren {
            self.besluit = None;
            return false;
        }
        if !opslaan {
            return false;
        }
        let geen_contract = gekozen_zonder_contract(&passend, b);
        if geen_contract && b.uitkomst == BesluitUitkomst::Toegekend && !bevestigd {
            // Asked every time: a save without the explicit "ja" never confirms.
            b.vraag_bevestiging = true;
            return false;
        }
        self.besluit_opslaan(g, loket, bevestigd)
    }

    pub(super) fn besluit_opslaan(
        &mut self,
        g: &Gegevens,
        loket: &Loket<'_>,
        bevestigd: bool,
    ) -> bool {
        let Some(b) = &self.besluit else { return false };
        let mut fouten = Fouten::new();
        let mut datum = |veld: &str, tekst: &str, verplicht: bool| -> Option<NaiveDate> {
            let d = lees(tekst);
            if d.is_none() && (verplicht || !tekst.trim().is_empty()) {
                fouten.insert(veld.to_owned(), "typ de datum als dd-mm-jjjj".to_owned());
            }
            d
        };
        let aanvraag = datum("aanvraag", &b.aanvraag, false);
        let besluit = datum("besluit", &b.besluit, true);
        let start = datum("start", &b.start, false);
        let eind = datum("eind", &b.eind, false);
        let vanaf = if b.vorige.is_some() {
            datum("start", &b.vanaf, true)
        } else {
            None
        };
        let volume = if b.volume.trim().is_empty() {
            None
        } else {
            let v = b.volume.trim().replace(',', ".").parse::<f64>().ok();
            if v.is_none() {
                fouten.insert(
                    "volume".into(),
                    "typ een getal, bijvoorbeeld 3 of 2,5".into(),
                );
            }
            v
        };
        if b.voorziening.is_none() {
            fouten.insert("voorziening".into(), "kies de voorziening".into());
        }
        let (Some(besluit), true) = (besluit, fouten.is_empty()) else {
            self.fouten = fouten;
            self.fouten_van = Some(Formulier::Besluit);
            return false;
        };
        let nieuw = NieuwBesluit {
            melding: g.kern.id.clone(),
            voorziening: b.voorziening.clone().unwrap_or_default(),
            aanbieder: b.aanbieder.clone(),
            contract: None,
            aanvraag,
            besluit,
            uitkomst: b.uitkomst,
            reden_afwijzing: (b.uitkomst == BesluitUitkomst::Afgewezen)
                .then(|| b.reden_afwijzing.clone()),
            start,
            eind,
            leveringsvorm: b.leveringsvorm,
            volume,
            volume_eenheid: Some(b.eenheid.trim().to_owned()).filter(|e| !e.is_empty()),
            doorbraak: b.doorbraak,
            maatwerkcontract_bevestigd: bevestigd,
            notitie: b.notitie.clone(),
        };
        let r = match (&b.vorige, vanaf) {
            (Some(oude), Some(dag)) => loket.herbeoordelen(oude, dag, &nieuw),
            _ => loket.besluit_nemen(&nieuw),
        };
        if let Some(b) = &mut self.besluit {
            b.vraag_bevestiging = false;
        }
        self.na_opslaan(Formulier::Besluit, r, "Besluit opgeslagen.", loket)
    }
}

impl BesluitForm {
    pub(super) fn nieuw(g: &Gegevens, vandaag: NaiveDate, vorige: Option<String>) -> BesluitForm {
        BesluitForm {
            vorige,
            vanaf: nl(vandaag),
            aanvraag: g.kern.aanvraag.map_or_else(|| nl(vandaag), nl),
            besluit: nl(vandaag),
            uitkomst: BesluitUitkomst::Toegekend,
            reden_afwijzing: String::new(),
            voorziening: None,
            aanbieder: None,
            start: String::new(),
            eind: String::new(),
            leveringsvorm: Leveringsvorm::Natura,
            volume: String::new(),
            eenheid: String::new(),
            doorbraak: false,
            notitie: String::new(),
            vraag_bevestiging: false,
            aanbod: None,
        }
    }
}

/// Height of the matched-care box (about six providers; more scroll inside).
const AANBOD_HOOGTE: f32 = 170.0;

/// Height of the reserved place above the buttons (two lines; more scroll
/// inside).
const BERICHT_HOOGTE: f32 = 52.0;

fn gekozen_zonder_contract(passend: &[PassendeVoorziening], b: &BesluitForm) -> bool {
    passend
        .iter()
        .find(|p| Some(&p.id) == b.voorziening.as_ref())
        .and_then(|p| {
            p.aanbieders
                .iter()
                .find(|a| Some(&a.aanbieder) == b.aanbieder.as_ref())
        })
        .is_some_and(|a| a.actief_contract.is_none())
}
