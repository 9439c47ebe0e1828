-- Version 1 → 2 (SQLite schema version 11): two more sources of a melding,
-- 'ggd-jgz' (GGD / jeugdgezondheidszorg) and 'verloskundige', outside the
-- list of shared/spec/domain.md (docs/uitwisselformaat.md says so).
-- PostgreSQL changes the CHECK in place; every row already meets it.
-- Applied migrations are frozen: never edit this file, add a new one.

ALTER TABLE melding DROP CONSTRAINT melding_bron_check;
ALTER TABLE melding ADD CONSTRAINT melding_bron_check CHECK (bron IN ('zelfmelder', 'netwerk',
    'huisarts', 'praktijkondersteuner', 'jeugdarts', 'ggd-jgz', 'wijkverpleegkundige',
    'verloskundige', 'school', 'politie', 'veilig-thuis', 'vroegsignalering', 'woningcorporatie',
    'aanbieder', 'gecertificeerde-instelling', 'overig'));
