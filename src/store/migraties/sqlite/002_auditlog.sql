-- Version 1 → 2: the append-only, hash-chained audit log (see store::audit).
-- Applied migrations are frozen: never edit this file, add a new one.

CREATE TABLE audit (
    volgnummer INTEGER PRIMARY KEY,
    tijdstip   TEXT NOT NULL,
    actor      TEXT NOT NULL CHECK (actor <> ''),
    actie      TEXT NOT NULL CHECK (actie <> ''),
    object     TEXT,
    doel       TEXT,
    resultaat  TEXT NOT NULL CHECK (resultaat IN ('gelukt', 'geweigerd', 'mislukt')),
    details    TEXT,
    vorige_hash TEXT NOT NULL,
    hash       TEXT NOT NULL
) STRICT;
CREATE INDEX audit_object ON audit (object, volgnummer);
CREATE INDEX audit_actor ON audit (actor, volgnummer);
CREATE INDEX audit_tijdstip ON audit (tijdstip);
CREATE TRIGGER audit_alleen_toevoegen_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'het auditlog kan niet worden gewijzigd'); END;
CREATE TRIGGER audit_alleen_toevoegen_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'uit het auditlog kan niets worden verwijderd'); END;
