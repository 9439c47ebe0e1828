-- Version 3 → 4: who recorded an AVE event and when, the reason why
-- procesregie does not lie with a procesmanager, and the editable texts of
-- the five AVE levels (filled with the defaults of domain.md), and an
-- index to find a household's wijkteam fast.
-- Applied migrations are frozen: never edit this file, add a new one.

ALTER TABLE ave ADD COLUMN geregistreerd_door TEXT REFERENCES medewerker (id);
ALTER TABLE ave ADD COLUMN geregistreerd_op TEXT CHECK (geregistreerd_op IS NULL OR datetime(geregistreerd_op) IS geregistreerd_op);
ALTER TABLE ave ADD COLUMN reden_geen_procesmanager TEXT CHECK (reden_geen_procesmanager IS NULL OR reden_geen_procesmanager <> '');
CREATE TABLE ave_niveau (
    niveau   INTEGER PRIMARY KEY NOT NULL CHECK (niveau BETWEEN 0 AND 4),
    naam     TEXT NOT NULL CHECK (naam <> ''),
    situatie TEXT NOT NULL,
    regie    TEXT NOT NULL
) STRICT;
CREATE INDEX inwoner_huishouden_wijkteam ON inwoner (huishouden, wijkteam);
INSERT INTO ave_niveau (niveau, naam, situatie, regie) VALUES
    (0, 'Zelfredzaam', 'Geen zorgen buiten het gewone leven; preventie en de sociale basis.', 'Het huishouden zelf'),
    (1, 'Enkelvoudige vraag', 'Eén vraag, één professional.', 'Het huishouden, met die professional'),
    (2, 'Meervoudige problematiek', 'Meerdere leefgebieden of professionals; één huishouden, één plan, één regisseur.', 'Casusregie: wijkteam (wijkcoach of gezinscoach)'),
    (3, 'Complex, vastgelopen of onveilig', 'De casus is vastgelopen of er zijn veiligheidsrisico''s; het Spoedteam is eerste aanspreekpunt, procesmanagers als er kinderen bij betrokken zijn.', 'Procesregie: procesmanager, team Zorg en Veiligheid'),
    (4, 'Escalatie', 'De situatie is geëscaleerd; acute onveiligheid.', 'Procesregie: Zorg- en Veiligheidshuis; bestuurlijke verantwoordelijkheid: burgemeester');
