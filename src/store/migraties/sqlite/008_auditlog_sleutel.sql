-- Version 7 → 8: the audit log takes no INSERT but of the next row, so
-- `INSERT OR REPLACE` cannot replace a row (REPLACE deletes without firing
-- the DELETE trigger) and no row can be slipped in between; and an index on
-- the action for the Beheer screen's filter list and counts (see store::audit).
-- Applied migrations are frozen: never edit this file, add a new one.

CREATE TRIGGER audit_alleen_toevoegen_insert BEFORE INSERT ON audit
WHEN NEW.volgnummer IS NOT (SELECT coalesce(max(volgnummer), 0) + 1 FROM audit)
BEGIN SELECT RAISE(ABORT, 'aan het auditlog kan alleen de volgende regel worden toegevoegd'); END;
CREATE INDEX audit_actie ON audit (actie, volgnummer);
