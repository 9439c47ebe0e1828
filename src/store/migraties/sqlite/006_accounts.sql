-- Version 5 → 6: accounts (argon2id password hashes, lockout); the
-- database refuses to delete one.
-- Applied migrations are frozen: never edit this file, add a new one.

CREATE TABLE account (
    medewerker        TEXT PRIMARY KEY NOT NULL REFERENCES medewerker (id),
    gebruikersnaam    TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (gebruikersnaam <> ''),
    wachtwoord_hash   TEXT NOT NULL CHECK (wachtwoord_hash LIKE '$argon2id$%'),
    actief            INTEGER NOT NULL DEFAULT 1 CHECK (actief IN (0, 1)),
    mislukte_pogingen INTEGER NOT NULL DEFAULT 0 CHECK (mislukte_pogingen >= 0),
    geblokkeerd_tot   TEXT CHECK (geblokkeerd_tot IS NULL OR datetime(geblokkeerd_tot) IS NOT NULL),
    aangemaakt_op     TEXT NOT NULL CHECK (datetime(aangemaakt_op) IS NOT NULL),
    gewijzigd_op      TEXT NOT NULL CHECK (datetime(gewijzigd_op) IS NOT NULL)
) STRICT;
CREATE TRIGGER account_niet_verwijderen BEFORE DELETE ON account
BEGIN SELECT RAISE(ABORT, 'een account kan niet worden verwijderd; zet het op inactief'); END;
