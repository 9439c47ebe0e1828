-- Version 8 → 9: indexes that answer "may this worker see this resident"
-- from the resident's side (issue #13). The access condition of
-- store::toegang asks, per listed resident, whether one of the resident's
-- meldingen is the worker's, whether the worker recorded a step on one of
-- them, and whether the worker is casusregisseur in an AVE event of the
-- household. With only melding_medewerker and klantreis_stap_medewerker
-- SQLite answered that by walking all of the worker's meldingen or steps
-- (thousands for an intaker) for every resident; these indexes seek the
-- resident's few rows instead, so the cost follows the rows listed.
--
-- Two indexes become covering for the reads that grow with the town: the
-- team werkvoorraad reads a running toekenning's resident, provision and
-- dates from the partial index of open toekenningen without its row (the
-- index's own condition columns included, or SQLite reads the row to test
-- them), and
-- the AVE overview and a procesmanager's access read a household's level
-- and regisseurs from the index on (huishouden, datum) in one pass.
-- Applied migrations are frozen: never edit this file, add a new one.

CREATE INDEX melding_inwoner_medewerker ON melding (inwoner, medewerker, id);
CREATE INDEX klantreis_stap_melding_medewerker ON klantreis_stap (melding, medewerker);
CREATE INDEX ave_huishouden_casusregisseur ON ave (huishouden, casusregisseur);
DROP INDEX toekenning_melding_open;
CREATE INDEX toekenning_melding_open ON toekenning (melding, eind, inwoner, voorziening, besluit, start, id,
    uitkomst, reden_einde)
    WHERE uitkomst = 'toegekend' AND reden_einde IS NULL;
DROP INDEX ave_huishouden;
CREATE INDEX ave_huishouden ON ave (huishouden, datum, niveau, casusregisseur, procesregisseur);
