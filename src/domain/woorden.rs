//! The users' words for what the register stores as codes: the audit log's
//! actions, results, reasons and purposes as sentences ("Account
//! toegevoegd", "Onjuist wachtwoord"), a provision's tags in words, a
//! medewerker by name and role. The stored values stay as they are (the log
//! is append-only and its codes are what filters match on); what a person
//! reads — the Beheer screen and the audit log's CSV export alike — goes
//! through here, in one place.

/// An audit log action as a sentence ("account-toevoegen" → "Account
/// toegevoegd"). An unknown code is shown as words, never as a code.
#[must_use]
pub fn actie(code: &str) -> String {
    let zin = match code {
        "account-toevoegen" => "Account toegevoegd",
        "account-activeren" => "Account geactiveerd",
        "account-deactiveren" => "Account gedeactiveerd",
        "account-deblokkeren" => "Blokkering van account opgeheven",
        "wachtwoord-reset" => "Nieuw wachtwoord ingesteld door beheerder",
        "wachtwoord-wijzigen" => "Eigen wachtwoord gewijzigd",
        "eerste-beheerder-aanmaken" => "Eerste beheerder aangemaakt",
        "inloggen" => "Aangemeld",
        "inloggen-mislukt" => "Aanmelden mislukt",
        "ontgrendelen" => "Scherm ontgrendeld",
        "ontgrendelen-mislukt" => "Ontgrendelen mislukt",
        "afmelden" => "Afgemeld",
        "openen-dossier" => "Dossier geopend",
        "openen-huishouden" => "Huishouden geopend",
        "auditlog-lezen" => "Auditlog ingezien",
        "bewaartermijnen-lezen" => "Bewaartermijnen ingezien",
        "auditlog-sleutel" => "Beveiliging van het auditlog vernieuwd",
        "ave-registreren" => "AVE-niveau vastgelegd",
        "wijzigen" => "Gewijzigd",
        "vernietigen" => "Dossier vernietigd",
        "backup" => "Backup gemaakt",
        "restore" => "Backup teruggezet",
        "export" => "Geëxporteerd",
        "import" => "Bestand geïmporteerd",
        "demo-laden" => "Demogegevens geladen",
        "inwoner-toevoegen" => "Inwoner toegevoegd",
        "melding-toevoegen" => "Melding toegevoegd",
        "melding-afsluiten" => "Melding afgesloten",
        "afweging-opslaan" => "Afweging opgeslagen",
        "stap-vastleggen" => "Stap vastgelegd",
        "stap-corrigeren" => "Stap gecorrigeerd",
        "verwijzing-maken" => "Verwijzing gemaakt",
        "verwijzing-bijwerken" => "Verwijzing bijgewerkt",
        "aanvraag-registreren" => "Aanvraag vastgelegd",
        "levering-gestart" => "Levering gestart",
        "toekenning-beeindigen" => "Toekenning beëindigd",
        "voorziening-toevoegen" => "Voorziening toegevoegd",
        "voorziening-wijzigen" => "Voorziening gewijzigd",
        "voorziening-beeindigen" => "Voorziening beëindigd",
        "voorziening-verwijderen" => "Voorziening verwijderd",
        "aanbieder-toevoegen" => "Aanbieder toegevoegd",
        "aanbieder-wijzigen" => "Aanbieder gewijzigd",
        "aanbieder-beeindigen" => "Aanbieder beëindigd",
        "contract-toevoegen" => "Contract toegevoegd",
        "contract-wijzigen" => "Contract gewijzigd",
        "contract-beeindigen" => "Contract beëindigd",
        andere => return als_woorden(andere),
    };
    zin.to_owned()
}

/// A provision's tag (kenmerk) in words ("pw-uitkering" → "Uitkering
/// Participatiewet"); a free tag typed by a beheerder is shown as words.
#[must_use]
pub fn kenmerk(code: &str) -> String {
    use crate::domain::waarden::kenmerk as k;
    let tekst = match code {
        k::WIJKKAMER => "Wijkkamer",
        k::DAGSTRUCTURERING => "Dagstructurering",
        k::SCHULDSPECIALIST => "Schuldspecialist",
        k::STADSBANK => "Stadsbank",
        k::PW_UITKERING => "Uitkering Participatiewet",
        k::OPVANG_24UUR => "Opvang 24 uur per dag",
        andere => return als_woorden(andere),
    };
    tekst.to_owned()
}

/// A result as stored ("gelukt", "geweigerd", "mislukt") with a capital.
#[must_use]
pub fn resultaat(code: &str) -> String {
    als_woorden(code)
}

/// A reason code as words ("onjuist-wachtwoord" → "Onjuist wachtwoord").
#[must_use]
pub fn reden(code: &str) -> String {
    let zin = match code {
        "geen-beheerder" => "Geen beheerder",
        "onbekende-gebruikersnaam" => "Onbekende gebruikersnaam",
        "onjuist-wachtwoord" => "Onjuist wachtwoord",
        "huidig-wachtwoord-onjuist" => "Huidig wachtwoord onjuist",
        "geblokkeerd" => "Account geblokkeerd",
        "gedeactiveerd" => "Account gedeactiveerd",
        andere => return als_woorden(andere),
    };
    zin.to_owned()
}

/// The details of a log row in words: each `sleutel=waarde` part becomes a
/// phrase ("reden=onjuist-wachtwoord" → "Onjuist wachtwoord",
/// "records=26231" → "26.231 gegevens"); free text stays as it is, with
/// the names of hash functions replaced by what they mean.
#[must_use]
pub fn details(tekst: &str) -> String {
    let delen: Vec<String> = tekst
        .split("; ")
        .filter(|d| !d.trim().is_empty())
        .filter_map(|deel| match deel.split_once('=') {
            Some((sleutel, waarde))
                if !sleutel.is_empty() && sleutel.chars().all(|c| c.is_ascii_alphanumeric()) =>
            {
                match sleutel {
                    "reden" => Some(reden(waarde)),
                    "records" => Some(format!("{} gegevens", getal(waarde))),
                    "fouten" => Some(format!("{} fouten", getal(waarde))),
                    "niveau" => Some(format!("niveau {waarde}")),
                    // The AVE's internal number tells a reader nothing.
                    "ave" => None,
                    andere => Some(format!("{}: {}", als_woorden(andere), waarde)),
                }
            }
            _ => Some(
                deel.replace("HMAC-SHA256", "een geheime sleutel")
                    .replace("SHA-256", "een openbare controlesom"),
            ),
        })
        .collect();
    delen.join("; ")
}

/// A purpose (doel) as stored in the audit log, as the choice names it
/// ("intake" → "Intake", "ave" → "AVE").
#[must_use]
pub fn doel(code: &str) -> String {
    match code {
        "ave" => "AVE".to_owned(),
        andere => als_woorden(andere),
    }
}

/// Who did it, as people read it: "Bea Beheer (Beheerder)"; the register
/// itself and an unknown login by what they are, never by an id.
/// `naam_en_rol` is the medewerker's name and role label when known.
#[must_use]
pub fn medewerker(actor: &str, naam_en_rol: Option<(&str, &str)>) -> String {
    match (actor, naam_en_rol) {
        ("systeem", _) => "Het register zelf".to_owned(),
        ("onbekend", _) => "Onbekende gebruiker".to_owned(),
        (_, Some((naam, rol))) => format!("{naam} ({rol})"),
        (_, None) => "Onbekende medewerker".to_owned(),
    }
}

/// An object of the audit log (`inwoner:I-005001`) as people read it:
/// its readable name when the register still holds it (`naam`, from
/// `store::objectnamen`), else its kind and that it is gone — never its id.
#[must_use]
pub fn object(object: &str, naam: Option<&str>) -> String {
    if let Some(naam) = naam {
        // A name keeps its hyphens ("Bakker-de Wit", "01-03-1980").
        return met_hoofdletter(naam);
    }
    match object.split_once(':') {
        Some((soort, _)) => format!("{} (niet meer in het register)", als_woorden(soort)),
        None if object == "ave-niveauteksten" => "Namen van de AVE-niveaus".to_owned(),
        None => als_woorden(object),
    }
}

/// 75000 → "75.000".
#[must_use]
pub fn duizendtallen(n: usize) -> String {
    let cijfers = n.to_string();
    let mut uit = String::new();
    for (i, c) in cijfers.chars().enumerate() {
        if i > 0 && (cijfers.len() - i).is_multiple_of(3) {
            uit.push('.');
        }
        uit.push(c);
    }
    uit
}

/// A number with thousands separators when it is one.
fn getal(tekst: &str) -> String {
    tekst
        .parse::<usize>()
        .map_or_else(|_| tekst.to_owned(), duizendtallen)
}

/// The text with its first letter a capital, everything else as it is.
#[must_use]
pub fn met_hoofdletter(tekst: &str) -> String {
    let mut letters = tekst.chars();
    letters.next().map_or_else(String::new, |eerste| {
        eerste.to_uppercase().chain(letters).collect()
    })
}

/// A code as words with a capital: hyphens become spaces.
#[must_use]
pub fn als_woorden(code: &str) -> String {
    let tekst = code.replace(['-', '_'], " ");
    let mut letters = tekst.chars();
    letters.next().map_or_else(String::new, |eerste| {
        eerste.to_uppercase().chain(letters).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acties_en_redenen_als_zinnen() {
        assert_eq!(actie("account-toevoegen"), "Account toegevoegd");
        assert_eq!(actie("voorziening-beeindigen"), "Voorziening beëindigd");
        assert_eq!(actie("iets-nieuws"), "Iets nieuws");
        assert_eq!(resultaat("geweigerd"), "Geweigerd");
        assert_eq!(kenmerk("pw-uitkering"), "Uitkering Participatiewet");
        assert_eq!(kenmerk("opvang-24uur"), "Opvang 24 uur per dag");
        assert_eq!(details("reden=onjuist-wachtwoord"), "Onjuist wachtwoord");
        assert_eq!(
            details("reden=onjuist-wachtwoord; account geblokkeerd"),
            "Onjuist wachtwoord; account geblokkeerd"
        );
        assert_eq!(details("records=26231"), "26.231 gegevens");
        assert_eq!(details("ave=A-17; niveau=3"), "niveau 3");
        assert_eq!(details("grond: x; 3 regels"), "grond: x; 3 regels");
        assert_eq!(doel("ave"), "AVE");
        assert_eq!(doel("intake"), "Intake");
    }

    #[test]
    fn wie_en_wat_zonder_code() {
        assert_eq!(
            medewerker("MW-0011", Some(("Bea Beheer", "Beheerder"))),
            "Bea Beheer (Beheerder)"
        );
        assert_eq!(medewerker("MW-0099", None), "Onbekende medewerker");
        assert_eq!(medewerker("systeem", None), "Het register zelf");
        assert_eq!(
            object("medewerker:MW-0011", Some("Bea Beheer")),
            "Bea Beheer"
        );
        assert_eq!(
            object(
                "inwoner:I-1",
                Some("Anna Bakker-de Wit, geboren 01-03-1980")
            ),
            "Anna Bakker-de Wit, geboren 01-03-1980"
        );
        assert_eq!(
            object("inwoner:I-005001", None),
            "Inwoner (niet meer in het register)"
        );
        assert_eq!(object("auditlog", None), "Auditlog");
        assert_eq!(
            object("ave-niveauteksten", None),
            "Namen van de AVE-niveaus"
        );
    }

    #[test]
    fn duizendtallen_met_punten() {
        assert_eq!(duizendtallen(7), "7");
        assert_eq!(duizendtallen(1000), "1.000");
        assert_eq!(duizendtallen(75_000), "75.000");
        assert_eq!(duizendtallen(1_234_567), "1.234.567");
    }
}
