-- Version 4 → 5: indexes measured with `cargo bench --bench prestaties`:
-- a worker's meldingen (covering the join to toekenning), the running
-- toekenningen per melding, and the toekenningen by start for the report.
-- Applied migrations are frozen: never edit this file, add a new one.

CREATE INDEX melding_medewerker ON melding (medewerker, id);
CREATE INDEX toekenning_melding_open ON toekenning (melding, eind)
    WHERE uitkomst = 'toegekend' AND reden_einde IS NULL;
CREATE INDEX toekenning_lopend ON toekenning (start, eind, inwoner, voorziening, aanbieder, contract, verwijzer, doorbraak)
    WHERE uitkomst = 'toegekend' AND start IS NOT NULL;
