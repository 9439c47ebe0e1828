//! What the generator's records do not hold, added to a demo register in
//! the same transaction: the question, spoed and open aanvraag of a
//! melding and its life domains, the recorded steps of each klantreis and
//! a few corrections, the afwegingsladder per rung, ended provisions and
//! their life domains, replaced and sized decisions, who registered an AVE
//! change, a reworded AVE level and a setting. So a demo register fills
//! every table of the schema (accounts and the audit log come with
//! [`super::vul_register_met_accounts`]), and the exchange round trip over
//! a demo register covers all of them.
//!
//! Set-based SQL over the generated rows, deterministic (chosen by rowid),
//! so the same settings still give the same register.

use rusqlite::Transaction;

use crate::store::StoreFout;

/// Adds the rest of a demo register (see the module documentation).
pub(crate) fn verrijk(tx: &Transaction<'_>, eind_jaar: i32) -> Result<(), StoreFout> {
    tx.execute_batch(
        "
        -- The question in the resident's words, spoed for some schuldhulp,
        -- an open formal aanvraag for some open meldingen.
        UPDATE melding SET vraag = CASE rowid % 5
            WHEN 0 THEN 'Ik kom er niet meer uit met mijn rekeningen.'
            WHEN 1 THEN 'Ik red het thuis niet meer alleen.'
            WHEN 2 THEN 'Ik maak me zorgen over mijn kind.'
            WHEN 3 THEN 'Ik wil graag weer iets doen overdag.'
            ELSE 'Mijn buurvrouw zei dat ik hier terecht kon.' END;
        UPDATE melding SET spoed = 1 WHERE wet = 'schuldhulp' AND rowid % 6 = 0;
        UPDATE melding SET aanvraag = coalesce(onderzoek_klaar, gesprek, datum)
         WHERE afgesloten IS NULL AND rowid % 4 = 0;

        -- Life domains of each melding (one by its law, a second for some).
        INSERT INTO melding_leefgebied (melding, leefgebied)
        SELECT id, CASE wet
            WHEN 'schuldhulp' THEN 'financien'
            WHEN 'participatiewet' THEN 'werk-dagbesteding'
            WHEN 'jeugdwet' THEN 'opvoeden-opgroeien'
            WHEN 'inburgering' THEN 'maatschappelijke-participatie'
            ELSE 'zelfzorg' END
          FROM melding;
        INSERT OR IGNORE INTO melding_leefgebied (melding, leefgebied)
        SELECT id, 'sociaal-netwerk' FROM melding WHERE rowid % 3 = 0;

        -- The recorded steps of each klantreis with an intaker, in an order
        -- the klantreis allows (domain::klantreis::Stap::volgende): an open
        -- melding up to its gesprek and analyse, a closed one from melding
        -- straight to afsluiting.
        INSERT INTO klantreis_stap (melding, stap, datum, medewerker, notitie, vastgelegd_op)
        SELECT id, 'melding', datum, medewerker, 'Melding aangenomen.', datum || 'T09:00:00Z'
          FROM melding WHERE medewerker IS NOT NULL;
        INSERT INTO klantreis_stap (melding, stap, datum, medewerker, notitie, vastgelegd_op)
        SELECT id, 'gesprek', gesprek, medewerker, 'Gesprek met de inwoner gevoerd.', gesprek || 'T10:00:00Z'
          FROM melding WHERE medewerker IS NOT NULL AND afgesloten IS NULL AND gesprek IS NOT NULL;
        INSERT INTO klantreis_stap (melding, stap, datum, medewerker, notitie, vastgelegd_op)
        SELECT id, 'analyse', onderzoek_klaar, medewerker, 'Onderzoek afgerond.', onderzoek_klaar || 'T11:00:00Z'
          FROM melding WHERE medewerker IS NOT NULL AND afgesloten IS NULL AND gesprek IS NOT NULL
           AND onderzoek_klaar >= gesprek;
        INSERT INTO klantreis_stap (melding, stap, datum, medewerker, notitie, vastgelegd_op)
        SELECT id, 'afsluiting', afgesloten, medewerker, 'Melding afgesloten.', afgesloten || 'T16:00:00Z'
          FROM melding WHERE medewerker IS NOT NULL AND afgesloten IS NOT NULL;

        -- A few steps corrected afterwards: the old note kept, the new one in the step.
        INSERT INTO klantreis_correctie (stap, oude_datum, nieuwe_datum, oude_medewerker,
                                         nieuwe_medewerker, oude_notitie, nieuwe_notitie, door, tijdstip)
        SELECT id, datum, datum, medewerker, medewerker, notitie,
               notitie || ' Aangevuld na overleg.', medewerker,
               substr(vastgelegd_op, 1, 11) || '17:00:00Z'
          FROM klantreis_stap WHERE id % 40 = 7;
        UPDATE klantreis_stap SET notitie = notitie || ' Aangevuld na overleg.' WHERE id % 40 = 7;

        -- The afwegingsladder per rung, for meldingen decided by the gemeente
        -- (added below, one statement per rung).

        -- Life domains of a provision the demo kaart gave none (kaart::koppel_kaart
        -- gives most of them theirs).
        INSERT OR IGNORE INTO voorziening_leefgebied (voorziening, leefgebied)
        SELECT id, CASE wet
            WHEN 'schuldhulp' THEN 'financien'
            WHEN 'participatiewet' THEN 'werk-dagbesteding'
            WHEN 'jeugdwet' THEN 'opvoeden-opgroeien'
            WHEN 'inburgering' THEN 'maatschappelijke-participatie'
            WHEN 'leerlingenvervoer' THEN 'maatschappelijke-participatie'
            ELSE 'zelfzorg' END
          FROM voorziening
         WHERE id NOT IN (SELECT voorziening FROM voorziening_leefgebied);

        -- Sized decisions, the reason of a refusal, and a decision that
        -- replaced an earlier one for the same resident and provision.
        UPDATE toekenning SET volume = 1 + rowid % 6, volume_eenheid = 'uur per week'
         WHERE uitkomst = 'toegekend' AND rowid % 3 = 0;
        UPDATE toekenning SET reden_afwijzing = 'Een algemene voorziening is passend en toereikend.'
         WHERE uitkomst = 'afgewezen';
        -- From the resident's own decisions (INDEXED BY): by the provision
        -- SQLite would walk every decision of that provision per row, which
        -- made the demo quadratic (20,000 residents took 7 minutes).
        UPDATE toekenning SET vorige = (
            SELECT e.id FROM toekenning e INDEXED BY toekenning_inwoner
             WHERE e.inwoner = toekenning.inwoner AND e.voorziening = toekenning.voorziening
               AND e.uitkomst = 'toegekend' AND e.besluit < toekenning.besluit
             ORDER BY e.besluit DESC, e.id DESC LIMIT 1)
         WHERE uitkomst = 'toegekend';

        -- Who registered an AVE change, and why procesregie is not with a procesmanager.
        UPDATE ave SET geregistreerd_door = casusregisseur, geregistreerd_op = datum || ' 10:00:00'
         WHERE casusregisseur IS NOT NULL;
        UPDATE ave SET reden_geen_procesmanager = 'De procesregie ligt bij het Zorg- en Veiligheidshuis.'
         WHERE niveau >= 3 AND rowid % 2 = 0;

        -- The regional wording of one AVE level.
        UPDATE ave_niveau SET regie = regie || ' (afspraak in de regio Twente)' WHERE niveau = 2;
        ",
    )?;
    for (trede, kolom) in [
        ("eigen-kracht", "afweging_eigen_kracht"),
        ("netwerk", "afweging_netwerk"),
        ("algemene-voorziening", "afweging_algemene_voorziening"),
        (
            "voorliggende-voorziening",
            "afweging_voorliggende_voorziening",
        ),
    ] {
        tx.execute(
            &format!(
                "INSERT OR IGNORE INTO afweging_trede (melding, trede, lost_op, toelichting, medewerker, datum)
                 SELECT m.id, ?1, 0, t.{kolom}, m.medewerker, coalesce(m.onderzoek_klaar, m.gesprek, m.datum)
                   FROM toekenning t JOIN melding m ON m.id = t.melding
                  WHERE t.verwijzer = 'gemeente' AND m.medewerker IS NOT NULL AND t.{kolom} <> ''"
            ),
            [trede],
        )?;
    }
    // One provision ended in the middle of the last year.
    tx.execute(
        "UPDATE voorziening SET beeindigd_op = ?1
          WHERE id = (SELECT id FROM voorziening WHERE soort = 'algemeen' ORDER BY id DESC LIMIT 1)",
        [format!("{eind_jaar}-06-30")],
    )?;
    // An own indicator of the municipality (as Twenterand counts the
    // POH-jeugd), with a target and a realised value for the last year.
    tx.execute(
        "INSERT INTO eigen_indicator (code, naam, eenheid, bron, doel, beleidslijn)
         VALUES ('eigen-poh-jeugd', 'Aantal jeugdigen begeleid door de praktijkondersteuner jeugd (POH-jeugd)',
                 'aantal', 'Registratie huisartsenpraktijken', '1', '1.7A')",
        [],
    )?;
    tx.execute(
        "INSERT INTO indicatorwaarde (indicator, jaar, soort, waarde, tekst, bron)
         VALUES ('eigen-poh-jeugd', ?1, 'begroot', 120, NULL, NULL),
                ('eigen-poh-jeugd', ?1, 'realisatie', 134, NULL, 'Registratie huisartsenpraktijken')",
        [eind_jaar],
    )?;
    tx.execute(
        "INSERT INTO instelling (sleutel, waarde) VALUES ('demo', 'ja')
         ON CONFLICT (sleutel) DO UPDATE SET waarde = excluded.waarde",
        [],
    )?;
    Ok(())
}
