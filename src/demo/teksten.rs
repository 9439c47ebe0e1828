//! Texts for the demo register: the afwegingsladder answers and AVE
//! reasons, a few variants each so the register reads like real work.

use crate::domain::{Afweging, Wet};

/// Four answers of the afwegingsladder for a decision under `wet`
/// (`variant` chooses among the written variants).
#[must_use]
pub fn afweging(wet: Wet, variant: usize) -> Afweging {
    let opties: &[[&str; 4]] = match wet {
        Wet::Wmo => &[
            [
                "Inwoner kan door fysieke beperkingen het huishouden niet meer zelf doen.",
                "Kinderen wonen buiten de regio; buren helpen alleen incidenteel.",
                "Wasdienst en boodschappendienst zijn besproken maar lossen de vraag niet op.",
                "Geen Wlz-indicatie; wijkverpleging (Zvw) levert deze ondersteuning niet.",
            ],
            [
                "Inwoner heeft structuur nodig die hij zelf niet kan aanbrengen.",
                "Netwerk is klein en al overbelast (mantelzorger ondersteund).",
                "Wijkkamer en dagstructurering geprobeerd; onvoldoende passend.",
                "Geen aanspraak op ggz-behandeling via de zorgverzekeraar voor deze vraag.",
            ],
            [
                "Eigen middelen ontoereikend voor de noodzakelijke aanpassing.",
                "Netwerk kan de aanpassing niet realiseren.",
                "Geen algemene voorziening beschikbaar voor woningaanpassing.",
                "Hulpmiddel valt niet onder de basisverzekering.",
            ],
        ],
        Wet::Jeugdwet => &[
            [
                "Ouders zijn gemotiveerd maar lopen vast in de opvoeding.",
                "Grootouders ondersteunen, maar kunnen de hulp niet overnemen.",
                "Opvoedondersteuning en pubercoach ingezet; onvoldoende resultaat.",
                "Geen aanspraak via Zvw of passend onderwijs voor deze hulpvraag.",
            ],
            [
                "Jeugdige heeft specialistische hulp nodig die het gezin niet zelf kan bieden.",
                "Netwerk is betrokken bij het plan, maar biedt geen oplossing.",
                "Kinder- en jongerenwerk is als aanvulling ingezet.",
                "Geen voorliggende voorziening beschikbaar.",
            ],
        ],
        Wet::Participatiewet => &[[
            "Inwoner heeft geen inkomen en geen vermogen boven de grens.",
            "Partner of ouders kunnen niet in het levensonderhoud voorzien.",
            "Niet van toepassing: algemene voorzieningen voorzien niet in inkomen.",
            "Geen recht (meer) op WW of een andere UWV-uitkering.",
        ]],
        Wet::Schuldhulp => &[[
            "Schulden zijn te hoog om zelf een regeling te treffen.",
            "Netwerk kan niet financieel bijspringen.",
            "Ondersteuning bij thuisadministratie is onvoldoende gezien de omvang.",
            "Geen voorliggende voorziening; bewindvoering nog niet aan de orde.",
        ]],
        Wet::Inburgering | Wet::Leerlingenvervoer => &[[
            "Inwoner kan dit niet op eigen kracht regelen.",
            "Netwerk kan niet in de behoefte voorzien.",
            "Geen passende algemene voorziening.",
            "Geen voorliggende voorziening.",
        ]],
    };
    let [a, b, c, d] = opties[variant % opties.len()];
    Afweging {
        eigen_kracht: a.to_owned(),
        netwerk: b.to_owned(),
        algemene_voorziening: c.to_owned(),
        voorliggende_voorziening: d.to_owned(),
    }
}

/// Why a household moved to `niveau` (up when `op`).
#[must_use]
pub fn ave_reden(niveau: u8, op: bool, variant: usize) -> &'static str {
    let opties: &[&str] = match (niveau, op) {
        (0, _) => &[
            "Doelen behaald; huishouden weer zelfredzaam.",
            "Afgesloten: geen zorgen meer buiten het gewone leven.",
        ],
        (1, true) => &[
            "Enkelvoudige hulpvraag; één professional betrokken.",
            "Signaal van school opgepakt.",
        ],
        (1, false) => &[
            "Situatie gestabiliseerd; nog één professional betrokken.",
            "Afgeschaald na evaluatie.",
        ],
        (2, true) => &[
            "Meerdere leefgebieden: schulden en opvoeding; één gezin, één plan.",
            "Meerdere professionals betrokken; casusregie bij het wijkteam.",
            "Zorgen over huisvesting en inkomen naast de hulpvraag.",
        ],
        (2, false) => &[
            "Veiligheid hersteld; terug naar casusregie wijkteam.",
            "Afgeschaald na overleg.",
        ],
        (3, true) => &[
            "Casus vastgelopen; zorgen over de veiligheid van de kinderen.",
            "Hulpverlening stagneert; procesregie nodig.",
        ],
        (3, false) => &[
            "Acute dreiging geweken; procesregie blijft.",
            "Afgeschaald na veiligheidsplan.",
        ],
        _ => &[
            "Acute onveiligheid; opgeschaald naar het Zorg- en Veiligheidshuis.",
            "Escalatie: huisverbod opgelegd.",
        ],
    };
    opties[variant % opties.len()]
}
