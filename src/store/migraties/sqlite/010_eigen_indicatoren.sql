-- The municipality's own indicators (#16): an indicator the catalogue does
-- not hold (Twenterand's "POH-jeugd", say), with its place in the
-- doelenboom. Its targets and external values live in indicatorwaarde like
-- the catalogue's; the code can never be one of the catalogue's (checked by
-- the store, which knows the catalogue).
CREATE TABLE eigen_indicator (
    code        TEXT PRIMARY KEY CHECK (code <> ''),
    naam        TEXT NOT NULL CHECK (naam <> ''),
    eenheid     TEXT NOT NULL CHECK (eenheid IN ('aantal', 'percentage', 'per-10000', 'gemiddelde', 'euro')),
    bron        TEXT NOT NULL CHECK (bron <> ''),
    doel        TEXT NOT NULL CHECK (doel <> ''),
    beleidslijn TEXT
) STRICT;
