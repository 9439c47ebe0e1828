//! AVE: Aanpak Voorkomen Escalatie — five levels, 0 to 4, per household
//! (AP ch. 7; `domain.md`). The default texts live here; a beheerder may
//! reword them (not add or remove levels), which the store keeps.

/// One level's texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AveNiveauTekst {
    /// 0–4.
    pub niveau: u8,
    /// Short name, e.g. "Zelfredzaam".
    pub naam: String,
    /// The situation it describes.
    pub situatie: String,
    /// Who holds regie.
    pub regie: String,
}

/// Highest AVE level.
pub const AVE_MAX: u8 = 4;

/// The level from which a procesregisseur is required.
pub const AVE_PROCESREGIE_VANAF: u8 = 3;

/// The default texts of the five levels (domain.md).
#[must_use]
pub fn standaard_niveaus() -> Vec<AveNiveauTekst> {
    [
        (0, "Zelfredzaam", "Geen zorgen buiten het gewone leven; preventie en de sociale basis.", "Het huishouden zelf"),
        (1, "Enkelvoudige vraag", "Eén vraag, één professional.", "Het huishouden, met die professional"),
        (2, "Meervoudige problematiek", "Meerdere leefgebieden of professionals; één huishouden, één plan, één regisseur.", "Casusregie: wijkteam (wijkcoach of gezinscoach)"),
        (3, "Complex, vastgelopen of onveilig", "De casus is vastgelopen of er zijn veiligheidsrisico's; het Spoedteam is eerste aanspreekpunt, procesmanagers als er kinderen bij betrokken zijn.", "Procesregie: procesmanager, team Zorg en Veiligheid"),
        (4, "Escalatie", "De situatie is geëscaleerd; acute onveiligheid.", "Procesregie: Zorg- en Veiligheidshuis; bestuurlijke verantwoordelijkheid: burgemeester"),
    ]
    .into_iter()
    .map(|(niveau, naam, situatie, regie)| AveNiveauTekst {
        niveau,
        naam: naam.to_owned(),
        situatie: situatie.to_owned(),
        regie: regie.to_owned(),
    })
    .collect()
}

/// The default name of a level, or "onbekend" outside 0–4.
#[must_use]
pub fn standaard_naam(niveau: u8) -> &'static str {
    match niveau {
        0 => "Zelfredzaam",
        1 => "Enkelvoudige vraag",
        2 => "Meervoudige problematiek",
        3 => "Complex, vastgelopen of onveilig",
        4 => "Escalatie",
        _ => "onbekend",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vijf_niveaus_op_volgorde() {
        let niveaus = standaard_niveaus();
        assert_eq!(niveaus.len(), 5);
        for (i, n) in niveaus.iter().enumerate() {
            assert_eq!(usize::from(n.niveau), i);
            assert_eq!(n.naam, standaard_naam(n.niveau));
        }
        assert_eq!(standaard_naam(5), "onbekend");
    }
}
