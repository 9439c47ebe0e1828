-- Version 2 → 3: the klantreis: steps, corrections, afweging per rung,
-- leefgebieden of meldingen and provisions, provision–provider links, op- en
-- afschalen, and the columns the exchange format lacks.
-- Applied migrations are frozen: never edit this file, add a new one.

ALTER TABLE melding ADD COLUMN vraag TEXT;
ALTER TABLE melding ADD COLUMN spoed INTEGER NOT NULL DEFAULT 0 CHECK (spoed IN (0, 1));
ALTER TABLE melding ADD COLUMN aanvraag TEXT CHECK (aanvraag IS NULL OR date(aanvraag) IS aanvraag);
ALTER TABLE toekenning ADD COLUMN vorige TEXT REFERENCES toekenning (id);
ALTER TABLE toekenning ADD COLUMN volume REAL CHECK (volume IS NULL OR volume > 0);
ALTER TABLE toekenning ADD COLUMN volume_eenheid TEXT CHECK ((volume_eenheid IS NULL) = (volume IS NULL));
ALTER TABLE toekenning ADD COLUMN reden_afwijzing TEXT CHECK (reden_afwijzing IS NULL OR uitkomst = 'afgewezen');
ALTER TABLE voorziening ADD COLUMN beeindigd_op TEXT CHECK (beeindigd_op IS NULL OR date(beeindigd_op) IS beeindigd_op);
CREATE INDEX toekenning_vorige ON toekenning (vorige);
CREATE INDEX toekenning_wachtend ON toekenning (besluit) WHERE uitkomst = 'toegekend' AND start IS NULL;
CREATE INDEX melding_open ON melding (datum) WHERE afgesloten IS NULL;
CREATE INDEX melding_aanvraag_open ON melding (aanvraag) WHERE aanvraag IS NOT NULL AND afgesloten IS NULL;
CREATE TABLE melding_leefgebied (
    melding    TEXT NOT NULL REFERENCES melding (id),
    leefgebied TEXT NOT NULL CHECK (leefgebied IN ('financien', 'werk-dagbesteding', 'huisvesting',
                   'huiselijke-relaties', 'geestelijke-gezondheid', 'lichamelijke-gezondheid',
                   'verslaving', 'zelfzorg', 'sociaal-netwerk', 'maatschappelijke-participatie',
                   'justitie', 'opvoeden-opgroeien', 'veiligheid')),
    PRIMARY KEY (melding, leefgebied)
) STRICT, WITHOUT ROWID;

CREATE TABLE voorziening_leefgebied (
    voorziening TEXT NOT NULL REFERENCES voorziening (id),
    leefgebied  TEXT NOT NULL CHECK (leefgebied IN ('financien', 'werk-dagbesteding', 'huisvesting',
                    'huiselijke-relaties', 'geestelijke-gezondheid', 'lichamelijke-gezondheid',
                    'verslaving', 'zelfzorg', 'sociaal-netwerk', 'maatschappelijke-participatie',
                    'justitie', 'opvoeden-opgroeien', 'veiligheid')),
    PRIMARY KEY (voorziening, leefgebied)
) STRICT, WITHOUT ROWID;
CREATE INDEX voorziening_leefgebied_leefgebied ON voorziening_leefgebied (leefgebied, voorziening);

CREATE TABLE voorziening_aanbieder (
    voorziening TEXT NOT NULL REFERENCES voorziening (id),
    aanbieder   TEXT NOT NULL REFERENCES aanbieder (id),
    PRIMARY KEY (voorziening, aanbieder)
) STRICT, WITHOUT ROWID;
CREATE INDEX voorziening_aanbieder_aanbieder ON voorziening_aanbieder (aanbieder, voorziening);

CREATE TABLE klantreis_stap (
    id            INTEGER PRIMARY KEY,
    melding       TEXT NOT NULL REFERENCES melding (id),
    stap          TEXT NOT NULL CHECK (stap IN ('melding', 'gesprek', 'analyse', 'afweging',
                      'verwijzing', 'aanvraag-besluit', 'geen-ondersteuning', 'ingetrokken',
                      'levering-evaluatie', 'afsluiting')),
    datum         TEXT NOT NULL CHECK (date(datum) IS datum),
    medewerker    TEXT NOT NULL REFERENCES medewerker (id),
    notitie       TEXT NOT NULL DEFAULT '',
    vastgelegd_op TEXT NOT NULL CHECK (vastgelegd_op <> '')
) STRICT;
CREATE INDEX klantreis_stap_melding ON klantreis_stap (melding, datum, id);
CREATE INDEX klantreis_stap_medewerker ON klantreis_stap (medewerker);

CREATE TABLE klantreis_correctie (
    id                INTEGER PRIMARY KEY,
    stap              INTEGER NOT NULL REFERENCES klantreis_stap (id),
    oude_datum        TEXT NOT NULL CHECK (date(oude_datum) IS oude_datum),
    nieuwe_datum      TEXT NOT NULL CHECK (date(nieuwe_datum) IS nieuwe_datum),
    oude_medewerker   TEXT NOT NULL,
    nieuwe_medewerker TEXT NOT NULL,
    oude_notitie      TEXT NOT NULL,
    nieuwe_notitie    TEXT NOT NULL,
    door              TEXT NOT NULL REFERENCES medewerker (id),
    tijdstip          TEXT NOT NULL CHECK (tijdstip <> '')
) STRICT;
CREATE INDEX klantreis_correctie_stap ON klantreis_correctie (stap, id);

CREATE TABLE afweging_trede (
    melding     TEXT NOT NULL REFERENCES melding (id),
    trede       TEXT NOT NULL CHECK (trede IN ('eigen-kracht', 'netwerk', 'algemene-voorziening',
                    'voorliggende-voorziening')),
    lost_op     INTEGER NOT NULL CHECK (lost_op IN (0, 1)),
    toelichting TEXT NOT NULL CHECK (toelichting <> ''),
    medewerker  TEXT NOT NULL REFERENCES medewerker (id),
    datum       TEXT NOT NULL CHECK (date(datum) IS datum),
    PRIMARY KEY (melding, trede)
) STRICT, WITHOUT ROWID;
