-- Version 6 → 7: the report's decisions, meldingen, verwijzingen and solved
-- verwijzingen of a year are read from the index alone instead of one table
-- row per decision (measured with `cargo bench --bench prestaties`: the two
-- queries over the decisions of a year went from about 90 ms each to 5 ms);
-- the resident and medewerker of a melding come from a small index on
-- melding, for the report's verwijzingen and the team werkvoorraad.
-- Applied migrations are frozen: never edit this file, add a new one.

DROP INDEX toekenning_besluit;
CREATE INDEX toekenning_besluit ON toekenning (besluit, uitkomst, verwijzer, voorziening);
DROP INDEX melding_datum;
CREATE INDEX melding_datum ON melding (datum, gevraagde_voorziening, inwoner);
CREATE INDEX melding_inwoner_van ON melding (id, inwoner, medewerker);
DROP INDEX verwijzing_datum;
CREATE INDEX verwijzing_datum ON verwijzing (datum, melding, voorziening);
DROP INDEX verwijzing_afgerond;
CREATE INDEX verwijzing_afgerond ON verwijzing (afgerond_op, opgelost) WHERE status = 'afgerond';
