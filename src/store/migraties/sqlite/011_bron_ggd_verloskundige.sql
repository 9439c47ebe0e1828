-- Version 10 → 11: two more sources of a melding, 'ggd-jgz' (GGD /
-- jeugdgezondheidszorg) and 'verloskundige', outside the list of
-- shared/spec/domain.md (docs/uitwisselformaat.md says so).
--
-- SQLite cannot change a CHECK in place, so the table is rebuilt: the old
-- one is renamed aside, the new one created as in schema.sql, every row
-- copied with its rowid, the old one dropped and its eight indexes made
-- again (melding has no triggers or views). store::migraties runs every
-- migration with foreign keys off and checks them (foreign_key_check)
-- before it commits; legacy_alter_table keeps the REFERENCES melding of
-- the other tables as they are while the old table carries another name.
-- Applied migrations are frozen: never edit this file, add a new one.

PRAGMA legacy_alter_table = ON;
ALTER TABLE melding RENAME TO melding_v10;
CREATE TABLE melding (
    id                    TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
    inwoner               TEXT NOT NULL REFERENCES inwoner (id),
    datum                 TEXT NOT NULL CHECK (date(datum) IS datum),
    bron                  TEXT NOT NULL CHECK (bron IN ('zelfmelder', 'netwerk', 'huisarts',
                              'praktijkondersteuner', 'jeugdarts', 'ggd-jgz', 'wijkverpleegkundige',
                              'verloskundige', 'school', 'politie', 'veilig-thuis', 'vroegsignalering',
                              'woningcorporatie', 'aanbieder', 'gecertificeerde-instelling', 'overig')),
    wet                   TEXT CHECK (wet IS NULL OR wet IN ('wmo', 'jeugdwet', 'participatiewet',
                              'schuldhulp', 'inburgering', 'leerlingenvervoer')),
    gevraagde_voorziening TEXT REFERENCES voorziening (id),
    medewerker            TEXT REFERENCES medewerker (id),
    gesprek               TEXT CHECK (gesprek IS NULL OR (date(gesprek) IS gesprek AND gesprek >= datum)),
    onderzoek_klaar       TEXT CHECK (onderzoek_klaar IS NULL
                              OR (date(onderzoek_klaar) IS onderzoek_klaar AND onderzoek_klaar >= datum)),
    afgesloten            TEXT CHECK (afgesloten IS NULL OR (date(afgesloten) IS afgesloten AND afgesloten >= datum)),
    uitkomst              TEXT CHECK (uitkomst IS NULL OR uitkomst IN ('informatie-advies',
                              'eigen-kracht', 'netwerk', 'algemene-voorziening',
                              'voorliggende-voorziening', 'maatwerk', 'geen-ondersteuning', 'ingetrokken')),
    vraag                 TEXT,
    spoed                 INTEGER NOT NULL DEFAULT 0 CHECK (spoed IN (0, 1)),
    aanvraag              TEXT CHECK (aanvraag IS NULL OR date(aanvraag) IS aanvraag),
    CHECK (afgesloten IS NULL OR uitkomst IS NOT NULL)
) STRICT;
INSERT INTO melding (rowid, id, inwoner, datum, bron, wet, gevraagde_voorziening, medewerker, gesprek, onderzoek_klaar, afgesloten, uitkomst, vraag, spoed, aanvraag)
SELECT rowid, id, inwoner, datum, bron, wet, gevraagde_voorziening, medewerker, gesprek, onderzoek_klaar, afgesloten, uitkomst, vraag, spoed, aanvraag
FROM melding_v10;
DROP TABLE melding_v10;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX melding_inwoner ON melding (inwoner, datum);
CREATE INDEX melding_datum ON melding (datum, gevraagde_voorziening, inwoner);
CREATE INDEX melding_inwoner_van ON melding (id, inwoner, medewerker);
CREATE INDEX melding_medewerker_open ON melding (medewerker, datum) WHERE afgesloten IS NULL;
CREATE INDEX melding_open ON melding (datum) WHERE afgesloten IS NULL;
CREATE INDEX melding_aanvraag_open ON melding (aanvraag) WHERE aanvraag IS NOT NULL AND afgesloten IS NULL;
CREATE INDEX melding_medewerker ON melding (medewerker, id);
CREATE INDEX melding_inwoner_medewerker ON melding (inwoner, medewerker, id);
