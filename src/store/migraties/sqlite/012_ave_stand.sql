-- Version 11 → 12: the AVE level of every household, kept current (issue #13).
--
-- The team overview counted the households per level now and wijkteam by
-- reading every AVE event and every resident of the town (269 ms at 300,000
-- residents). `ave_stand` holds, per household with an event, its latest
-- event (by date, then by the order recorded: `rowid`) and the household's
-- wijkteam (the one most of its members belong to, a tie to the lowest id;
-- none when no member has one), so the overview reads one small row per
-- household from indexes on (wijkteam, niveau, datum) and (niveau, datum).
-- A future-dated event is the latest event but not yet the level "now": the
-- overview recomputes the few households whose `datum` is after today.
--
-- Triggers keep it current on every write, whoever writes (the app, import,
-- overzetten, corrections, the retention job): an AVE event inserted,
-- changed or deleted recomputes its household's row from `ave`; a resident
-- inserted, moved or deleted recomputes the wijkteam of the households
-- concerned. Every trigger first deletes and then inserts, never INSERT OR
-- REPLACE: an outer INSERT OR IGNORE would turn that into "ignore".
-- Applied migrations are frozen: never edit this file, add a new one.

CREATE TABLE ave_stand (
    huishouden      TEXT PRIMARY KEY NOT NULL,
    datum           TEXT NOT NULL,
    niveau          INTEGER NOT NULL,
    procesregisseur TEXT,
    casusregisseur  TEXT,
    wijkteam        TEXT
) STRICT, WITHOUT ROWID;
CREATE INDEX ave_stand_wijkteam ON ave_stand (wijkteam, niveau, datum);
CREATE INDEX ave_stand_niveau ON ave_stand (niveau, datum);
CREATE INDEX ave_stand_datum ON ave_stand (datum);

INSERT INTO ave_stand (huishouden, datum, niveau, procesregisseur, casusregisseur, wijkteam)
SELECT a.huishouden, a.datum, a.niveau, a.procesregisseur, a.casusregisseur,
       (SELECT i.wijkteam FROM inwoner i WHERE i.huishouden = a.huishouden AND i.wijkteam IS NOT NULL
        GROUP BY i.wijkteam ORDER BY count(*) DESC, i.wijkteam LIMIT 1)
FROM (SELECT DISTINCT huishouden FROM ave) h
JOIN ave a ON a.rowid = (SELECT b.rowid FROM ave b WHERE b.huishouden = h.huishouden
                         ORDER BY b.datum DESC, b.rowid DESC LIMIT 1);

CREATE TRIGGER ave_stand_na_invoegen AFTER INSERT ON ave
BEGIN
    DELETE FROM ave_stand WHERE huishouden = NEW.huishouden;
    INSERT INTO ave_stand (huishouden, datum, niveau, procesregisseur, casusregisseur, wijkteam)
    SELECT a.huishouden, a.datum, a.niveau, a.procesregisseur, a.casusregisseur,
           (SELECT i.wijkteam FROM inwoner i WHERE i.huishouden = a.huishouden AND i.wijkteam IS NOT NULL
            GROUP BY i.wijkteam ORDER BY count(*) DESC, i.wijkteam LIMIT 1)
    FROM ave a WHERE a.huishouden = NEW.huishouden ORDER BY a.datum DESC, a.rowid DESC LIMIT 1;
END;

CREATE TRIGGER ave_stand_na_wijzigen AFTER UPDATE ON ave
BEGIN
    DELETE FROM ave_stand WHERE huishouden IN (OLD.huishouden, NEW.huishouden);
    INSERT INTO ave_stand (huishouden, datum, niveau, procesregisseur, casusregisseur, wijkteam)
    SELECT a.huishouden, a.datum, a.niveau, a.procesregisseur, a.casusregisseur,
           (SELECT i.wijkteam FROM inwoner i WHERE i.huishouden = a.huishouden AND i.wijkteam IS NOT NULL
            GROUP BY i.wijkteam ORDER BY count(*) DESC, i.wijkteam LIMIT 1)
    FROM ave a WHERE a.huishouden = OLD.huishouden ORDER BY a.datum DESC, a.rowid DESC LIMIT 1;
    INSERT INTO ave_stand (huishouden, datum, niveau, procesregisseur, casusregisseur, wijkteam)
    SELECT a.huishouden, a.datum, a.niveau, a.procesregisseur, a.casusregisseur,
           (SELECT i.wijkteam FROM inwoner i WHERE i.huishouden = a.huishouden AND i.wijkteam IS NOT NULL
            GROUP BY i.wijkteam ORDER BY count(*) DESC, i.wijkteam LIMIT 1)
    FROM ave a WHERE a.huishouden = NEW.huishouden AND NEW.huishouden IS NOT OLD.huishouden
    ORDER BY a.datum DESC, a.rowid DESC LIMIT 1;
END;

CREATE TRIGGER ave_stand_na_verwijderen AFTER DELETE ON ave
BEGIN
    DELETE FROM ave_stand WHERE huishouden = OLD.huishouden;
    INSERT INTO ave_stand (huishouden, datum, niveau, procesregisseur, casusregisseur, wijkteam)
    SELECT a.huishouden, a.datum, a.niveau, a.procesregisseur, a.casusregisseur,
           (SELECT i.wijkteam FROM inwoner i WHERE i.huishouden = a.huishouden AND i.wijkteam IS NOT NULL
            GROUP BY i.wijkteam ORDER BY count(*) DESC, i.wijkteam LIMIT 1)
    FROM ave a WHERE a.huishouden = OLD.huishouden ORDER BY a.datum DESC, a.rowid DESC LIMIT 1;
END;

CREATE TRIGGER ave_stand_inwoner_na_invoegen AFTER INSERT ON inwoner
BEGIN
    UPDATE ave_stand SET wijkteam =
        (SELECT i.wijkteam FROM inwoner i WHERE i.huishouden = NEW.huishouden AND i.wijkteam IS NOT NULL
         GROUP BY i.wijkteam ORDER BY count(*) DESC, i.wijkteam LIMIT 1)
    WHERE huishouden = NEW.huishouden;
END;

CREATE TRIGGER ave_stand_inwoner_na_wijzigen AFTER UPDATE OF huishouden, wijkteam ON inwoner
WHEN OLD.huishouden IS NOT NEW.huishouden OR OLD.wijkteam IS NOT NEW.wijkteam
BEGIN
    UPDATE ave_stand SET wijkteam =
        (SELECT i.wijkteam FROM inwoner i WHERE i.huishouden = ave_stand.huishouden AND i.wijkteam IS NOT NULL
         GROUP BY i.wijkteam ORDER BY count(*) DESC, i.wijkteam LIMIT 1)
    WHERE huishouden IN (OLD.huishouden, NEW.huishouden);
END;

CREATE TRIGGER ave_stand_inwoner_na_verwijderen AFTER DELETE ON inwoner
BEGIN
    UPDATE ave_stand SET wijkteam =
        (SELECT i.wijkteam FROM inwoner i WHERE i.huishouden = OLD.huishouden AND i.wijkteam IS NOT NULL
         GROUP BY i.wijkteam ORDER BY count(*) DESC, i.wijkteam LIMIT 1)
    WHERE huishouden = OLD.huishouden;
END;
