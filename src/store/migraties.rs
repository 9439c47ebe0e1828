//! Schema versions and migrations, keyed on `PRAGMA user_version`.
//!
//! A new database is created from `schema.sql` (always the complete current
//! schema) and gets `user_version = SCHEMA_VERSIE`. An existing database of
//! an older version gets the numbered migrations after its version, each in
//! one transaction. Migrations are append-only: a released one never changes.
//! `tests/migraties.rs` starts from a frozen copy of every released schema
//! (`tests/fixtures/schema_vN.sql`) and proves the result equals a new
//! database.

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::StoreFout;

/// The complete current schema.
pub const SCHEMA: &str = include_str!("../../schema.sql");

/// Migrations after version 1, in order: `MIGRATIES[0]` brings version 1 to 2.
pub const MIGRATIES: &[&str] = &[
    // 2: the append-only, hash-chained audit log.
    super::audit::SCHEMA_AUDIT,
    // 3: the klantreis: steps, corrections, afweging, leefgebieden, op- en afschalen.
    super::klantreis::SCHEMA_KLANTREIS,
    // 4: AVE: who recorded an event, editable level texts.
    MIGRATIE_AVE,
    // 5: indexes for the werkvoorraad and the yearly report on a large register.
    MIGRATIE_INDEXEN,
    // 6: accounts (argon2id password hashes, lockout); never deleted.
    super::accounts::SCHEMA_ACCOUNTS,
    // 7: covering indexes for the yearly report and the team werkvoorraad.
    MIGRATIE_RAPPORT_INDEXEN,
];

/// Version 6 → 7: the report's decisions, meldingen, verwijzingen and solved
/// verwijzingen of a year are read from the index alone instead of one table row per decision
/// (measured with `cargo bench --bench prestaties`: the two queries over
/// the decisions of a year went from about 90 ms each to 5 ms); the resident
/// and medewerker of a melding come from a small index on melding, for the
/// report's verwijzingen and the team werkvoorraad.
const MIGRATIE_RAPPORT_INDEXEN: &str = "
DROP INDEX toekenning_besluit;
CREATE INDEX toekenning_besluit ON toekenning (besluit, uitkomst, verwijzer, voorziening);
DROP INDEX melding_datum;
CREATE INDEX melding_datum ON melding (datum, gevraagde_voorziening, inwoner);
CREATE INDEX melding_inwoner_van ON melding (id, inwoner, medewerker);
DROP INDEX verwijzing_datum;
CREATE INDEX verwijzing_datum ON verwijzing (datum, melding, voorziening);
DROP INDEX verwijzing_afgerond;
CREATE INDEX verwijzing_afgerond ON verwijzing (afgerond_op, opgelost) WHERE status = 'afgerond';
";

/// Version 4 → 5: indexes measured with `cargo bench --bench prestaties`:
/// a worker's meldingen (covering the join to toekenning), the running
/// toekenningen per melding, and the toekenningen by start for the report.
const MIGRATIE_INDEXEN: &str = "
CREATE INDEX melding_medewerker ON melding (medewerker, id);
CREATE INDEX toekenning_melding_open ON toekenning (melding, eind)
    WHERE uitkomst = 'toegekend' AND reden_einde IS NULL;
CREATE INDEX toekenning_lopend ON toekenning (start, eind, inwoner, voorziening, aanbieder, contract, verwijzer, doorbraak)
    WHERE uitkomst = 'toegekend' AND start IS NOT NULL;
";

/// Version 3 → 4: who recorded an AVE event and when, the reason why
/// procesregie does not lie with a procesmanager, and the editable texts of
/// the five AVE levels (filled with the defaults of `domain.md`), and an
/// index to find a household's wijkteam fast.
const MIGRATIE_AVE: &str = "
ALTER TABLE ave ADD COLUMN geregistreerd_door TEXT REFERENCES medewerker (id);
ALTER TABLE ave ADD COLUMN geregistreerd_op TEXT CHECK (geregistreerd_op IS NULL OR datetime(geregistreerd_op) IS geregistreerd_op);
ALTER TABLE ave ADD COLUMN reden_geen_procesmanager TEXT CHECK (reden_geen_procesmanager IS NULL OR reden_geen_procesmanager <> '');
CREATE TABLE ave_niveau (
    niveau   INTEGER PRIMARY KEY NOT NULL CHECK (niveau BETWEEN 0 AND 4),
    naam     TEXT NOT NULL CHECK (naam <> ''),
    situatie TEXT NOT NULL,
    regie    TEXT NOT NULL
) STRICT;
CREATE INDEX inwoner_huishouden_wijkteam ON inwoner (huishouden, wijkteam);
INSERT INTO ave_niveau (niveau, naam, situatie, regie) VALUES
    (0, 'Zelfredzaam', 'Geen zorgen buiten het gewone leven; preventie en de sociale basis.', 'Het huishouden zelf'),
    (1, 'Enkelvoudige vraag', 'Eén vraag, één professional.', 'Het huishouden, met die professional'),
    (2, 'Meervoudige problematiek', 'Meerdere leefgebieden of professionals; één huishouden, één plan, één regisseur.', 'Casusregie: wijkteam (wijkcoach of gezinscoach)'),
    (3, 'Complex, vastgelopen of onveilig', 'De casus is vastgelopen of er zijn veiligheidsrisico''s; het Spoedteam is eerste aanspreekpunt, procesmanagers als er kinderen bij betrokken zijn.', 'Procesregie: procesmanager, team Zorg en Veiligheid'),
    (4, 'Escalatie', 'De situatie is geëscaleerd; acute onveiligheid.', 'Procesregie: Zorg- en Veiligheidshuis; bestuurlijke verantwoordelijkheid: burgemeester');
";

/// The version a database has after all migrations.
#[must_use]
pub fn schema_versie() -> u32 {
    1 + MIGRATIES.len() as u32
}

/// The database's schema version (0 for a new, empty file).
pub fn versie(conn: &Connection) -> Result<u32, StoreFout> {
    let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    Ok(u32::try_from(v).unwrap_or(0))
}

/// Brings the database to the current schema version.
pub fn migreer(conn: &Connection) -> Result<(), StoreFout> {
    let huidig = versie(conn)?;
    let doel = schema_versie();
    if huidig > doel {
        return Err(StoreFout::TeNieuw {
            gevonden: huidig,
            bekend: doel,
        });
    }
    if huidig == doel {
        return Ok(());
    }
    if huidig == 0 {
        let tabellen: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if tabellen > 0 {
            return Err(StoreFout::GeenRegister(
                conn.path().unwrap_or("de database").to_owned(),
            ));
        }
        voer_uit(conn, SCHEMA, doel)?;
        return Ok(());
    }
    for (i, sql) in MIGRATIES.iter().enumerate().skip(huidig as usize - 1) {
        voer_uit(conn, sql, i as u32 + 2)?;
    }
    Ok(())
}

/// Runs one schema step and sets the version, in one immediate transaction:
/// a failure leaves the database as it was.
fn voer_uit(conn: &Connection, sql: &str, naar: u32) -> Result<(), StoreFout> {
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    tx.execute_batch(sql)?;
    tx.pragma_update(None, "user_version", naar)?;
    tx.commit()?;
    Ok(())
}
