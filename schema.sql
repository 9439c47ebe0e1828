-- wijkregister: the complete schema of a new register.
--
-- A new database is created from this file and then carries
-- PRAGMA user_version = the latest migration number (see src/store/migraties.rs).
-- Existing databases reach the same shape through the numbered migrations;
-- a test proves that both roads end in the same schema.
--
-- Every table is STRICT. Identifiers (`id`) are the record identifiers of the
-- exchange format (../shared/spec/exchange-format.md): non-empty text, unique
-- per type, kept as they came so a migrated record can be traced back.
-- Dates are ISO text 'YYYY-MM-DD', checked with `date(x) IS x`.
-- Amounts are whole euro cents (INTEGER), so sums are exact.

-- The register's own settings (one row per key), e.g. 'gemeente'.
CREATE TABLE instelling (
    sleutel TEXT PRIMARY KEY NOT NULL,
    waarde  TEXT NOT NULL
) STRICT;

CREATE TABLE wijkteam (
    id   TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
    naam TEXT NOT NULL CHECK (naam <> '')
) STRICT;

CREATE TABLE medewerker (
    id       TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
    naam     TEXT NOT NULL CHECK (naam <> ''),
    rol      TEXT NOT NULL CHECK (rol IN ('intaker', 'wijkcoach', 'schuldspecialist',
                 'gezinscoach', 'procesmanager', 'teamleider', 'beheerder')),
    wijkteam TEXT REFERENCES wijkteam (id)
) STRICT;
CREATE INDEX medewerker_wijkteam ON medewerker (wijkteam);

CREATE TABLE aanbieder (
    id   TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
    naam TEXT NOT NULL CHECK (naam <> ''),
    kvk  TEXT CHECK (kvk IS NULL OR (length(kvk) = 8 AND kvk NOT GLOB '*[^0-9]*'))
) STRICT;

CREATE TABLE contract (
    id        TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
    aanbieder TEXT NOT NULL REFERENCES aanbieder (id),
    wet       TEXT NOT NULL CHECK (wet IN ('wmo', 'jeugdwet', 'participatiewet',
                  'schuldhulp', 'inburgering', 'leerlingenvervoer')),
    soort     TEXT NOT NULL CHECK (soort IN ('raamcontract', 'maatwerkcontract')),
    van       TEXT NOT NULL CHECK (date(van) IS van),
    tot       TEXT CHECK (tot IS NULL OR (date(tot) IS tot AND tot >= van))
) STRICT;
CREATE INDEX contract_aanbieder ON contract (aanbieder, wet);
CREATE INDEX contract_wet ON contract (wet, van);

-- A provision of the sociale kaart. A provision in use is ended
-- (`beeindigd_op`), never deleted.
CREATE TABLE voorziening (
    id        TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
    naam      TEXT NOT NULL CHECK (naam <> ''),
    soort     TEXT NOT NULL CHECK (soort IN ('algemeen', 'maatwerk', 'voorliggend')),
    wet       TEXT CHECK (wet IS NULL OR wet IN ('wmo', 'jeugdwet', 'participatiewet',
                  'schuldhulp', 'inburgering', 'leerlingenvervoer')),
    categorie TEXT,
    beeindigd_op TEXT CHECK (beeindigd_op IS NULL OR date(beeindigd_op) IS beeindigd_op),
    CHECK (soort <> 'maatwerk' OR wet IS NOT NULL),
    CHECK (soort <> 'maatwerk' OR wet NOT IN ('wmo', 'jeugdwet') OR categorie IS NOT NULL),
    CHECK (categorie IS NULL OR wet <> 'wmo' OR categorie IN ('01', '02', '03', '04', '05',
           '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18')),
    CHECK (categorie IS NULL OR wet <> 'jeugdwet' OR categorie IN ('40', '41', '42', '43',
           '44', '45', '46', '47', '48', '49', '50', '51', '52', '53', '54', '55'))
) STRICT;
CREATE INDEX voorziening_soort ON voorziening (soort, wet);

-- Tags of a provision ('wijkkamer', 'stadsbank', 'pw-uitkering', ...).
CREATE TABLE voorziening_kenmerk (
    voorziening TEXT NOT NULL REFERENCES voorziening (id),
    kenmerk     TEXT NOT NULL CHECK (kenmerk <> ''),
    PRIMARY KEY (voorziening, kenmerk)
) STRICT, WITHOUT ROWID;
CREATE INDEX voorziening_kenmerk_kenmerk ON voorziening_kenmerk (kenmerk, voorziening);

-- A resident. `huishouden` is an identifier shared by the members of one
-- household; it has no record of its own.
CREATE TABLE inwoner (
    id            TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
    bsn           TEXT CHECK (bsn IS NULL OR (length(bsn) = 9 AND bsn NOT GLOB '*[^0-9]*')),
    voornaam      TEXT NOT NULL,
    achternaam    TEXT NOT NULL CHECK (achternaam <> ''),
    geboortedatum TEXT NOT NULL CHECK (date(geboortedatum) IS geboortedatum),
    geslacht      TEXT CHECK (geslacht IS NULL OR geslacht IN ('m', 'v', 'x')),
    huishouden    TEXT NOT NULL CHECK (huishouden <> ''),
    wijkteam      TEXT REFERENCES wijkteam (id),
    woonplaats    TEXT NOT NULL
) STRICT;
-- Search as you type: last-name prefix (case-insensitive), BSN, date of birth.
CREATE INDEX inwoner_achternaam ON inwoner (achternaam COLLATE NOCASE, voornaam COLLATE NOCASE);
CREATE INDEX inwoner_bsn ON inwoner (bsn);
CREATE INDEX inwoner_geboortedatum ON inwoner (geboortedatum);
CREATE INDEX inwoner_huishouden ON inwoner (huishouden);
-- The wijkteam of a household (most of its members'): AVE team overview.
CREATE INDEX inwoner_huishouden_wijkteam ON inwoner (huishouden, wijkteam);
CREATE INDEX inwoner_wijkteam ON inwoner (wijkteam, achternaam COLLATE NOCASE);

-- A melding: one klantreis. `vraag` is the question in the resident's words,
-- `spoed` marks a schuldhulp request under threat of eviction or cut-off (3
-- working days), `aanvraag` the date of a formal aanvraag still awaiting its
-- besluit (open while no toekenning of this melding has a later besluit).
-- `bron` holds the list of shared/spec/domain.md plus 'ggd-jgz' and
-- 'verloskundige' (schema v11).
CREATE TABLE melding (
    id                    TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
    inwoner               TEXT NOT NULL REFERENCES inwoner (id),
    datum                 TEXT NOT NULL CHECK (date(datum) IS datum),
    bron                  TEXT NOT NULL CHECK (bron IN ('zelfmelder', 'netwerk', 'huisarts',
                              'praktijkondersteuner', 'jeugdarts', 'ggd-jgz', 'wijkverpleegkundige',
                              'verloskundige', 'school', 'politie', 'veilig-thuis', 'vroegsignalering',
                              'woningcorporatie', 'aanbieder', 'gecertificeerde-instelling', 'overig')),
    wet                   TEXT CHECK (wet IS NULL OR wet IN ('wmo', 'jeugdwet', 'participatiewet',
                              'schuldhulp', 'inburgering', 'leerlingenvervoer')),
    gevraagde_voorziening TEXT REFERENCES voorziening (id),
    medewerker            TEXT REFERENCES medewerker (id),
    gesprek               TEXT CHECK (gesprek IS NULL OR (date(gesprek) IS gesprek AND gesprek >= datum)),
    onderzoek_klaar       TEXT CHECK (onderzoek_klaar IS NULL
                              OR (date(onderzoek_klaar) IS onderzoek_klaar AND onderzoek_klaar >= datum)),
    afgesloten            TEXT CHECK (afgesloten IS NULL OR (date(afgesloten) IS afgesloten AND afgesloten >= datum)),
    uitkomst              TEXT CHECK (uitkomst IS NULL OR uitkomst IN ('informatie-advies',
                              'eigen-kracht', 'netwerk', 'algemene-voorziening',
                              'voorliggende-voorziening', 'maatwerk', 'geen-ondersteuning', 'ingetrokken')),
    vraag                 TEXT,
    spoed                 INTEGER NOT NULL DEFAULT 0 CHECK (spoed IN (0, 1)),
    aanvraag              TEXT CHECK (aanvraag IS NULL OR date(aanvraag) IS aanvraag),
    CHECK (afgesloten IS NULL OR uitkomst IS NOT NULL)
) STRICT;
CREATE INDEX melding_inwoner ON melding (inwoner, datum);
-- Covering for the report's meldingen per requested provision (schema v7).
CREATE INDEX melding_datum ON melding (datum, gevraagde_voorziening, inwoner);
-- The resident and medewerker of a melding without reading its row
-- (report and team werkvoorraad, schema v7).
CREATE INDEX melding_inwoner_van ON melding (id, inwoner, medewerker);
CREATE INDEX melding_medewerker_open ON melding (medewerker, datum) WHERE afgesloten IS NULL;
CREATE INDEX melding_open ON melding (datum) WHERE afgesloten IS NULL;
CREATE INDEX melding_aanvraag_open ON melding (aanvraag) WHERE aanvraag IS NOT NULL AND afgesloten IS NULL;

-- A referral from a melding to an algemene or voorliggende voorziening.
CREATE TABLE verwijzing (
    id          TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
    melding     TEXT NOT NULL REFERENCES melding (id),
    voorziening TEXT NOT NULL REFERENCES voorziening (id),
    datum       TEXT NOT NULL CHECK (date(datum) IS datum),
    status      TEXT NOT NULL CHECK (status IN ('verwezen', 'gestart', 'afgerond', 'niet-gestart')),
    afgerond_op TEXT CHECK (afgerond_op IS NULL OR (date(afgerond_op) IS afgerond_op AND afgerond_op >= datum)),
    opgelost    INTEGER CHECK (opgelost IS NULL OR opgelost IN (0, 1)),
    CHECK (status <> 'afgerond' OR (afgerond_op IS NOT NULL AND opgelost IS NOT NULL))
) STRICT;
CREATE INDEX verwijzing_melding ON verwijzing (melding);
-- Covering for the report's verwijzingen of a year (schema v7).
CREATE INDEX verwijzing_datum ON verwijzing (datum, melding, voorziening);
-- Covering for the report's solved verwijzingen of a year (schema v7).
CREATE INDEX verwijzing_afgerond ON verwijzing (afgerond_op, opgelost) WHERE status = 'afgerond';

-- A maatwerk provision decided for a resident (by the gemeente after the
-- afwegingsladder, or under the Jeugdwet by an external referrer).
-- `vorige` links a decision to the one it replaced (op- en afschalen),
-- `volume` + `volume_eenheid` the amount ('uur per week'), `reden_afwijzing`
-- why a request was refused.
-- The four afweging_* columns are the answers of the afwegingsladder.
CREATE TABLE toekenning (
    id                                TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
    inwoner                           TEXT NOT NULL REFERENCES inwoner (id),
    voorziening                       TEXT NOT NULL REFERENCES voorziening (id),
    aanbieder                         TEXT REFERENCES aanbieder (id),
    contract                          TEXT REFERENCES contract (id),
    melding                           TEXT REFERENCES melding (id),
    verwijzer                         TEXT NOT NULL CHECK (verwijzer IN ('gemeente', 'huisarts',
                                          'jeugdarts', 'gecertificeerde-instelling',
                                          'medisch-specialist', 'zelfverwijzer', 'rechter')),
    aanvraag                          TEXT CHECK (aanvraag IS NULL OR date(aanvraag) IS aanvraag),
    besluit                           TEXT NOT NULL CHECK (date(besluit) IS besluit
                                          AND (aanvraag IS NULL OR besluit >= aanvraag)),
    uitkomst                          TEXT NOT NULL CHECK (uitkomst IN ('toegekend', 'afgewezen')),
    start                             TEXT CHECK (start IS NULL OR date(start) IS start),
    eind                              TEXT CHECK (eind IS NULL OR (date(eind) IS eind
                                          AND (start IS NULL OR eind >= start))),
    leveringsvorm                     TEXT NOT NULL DEFAULT 'natura' CHECK (leveringsvorm IN ('natura', 'pgb')),
    doorbraak                         INTEGER NOT NULL DEFAULT 0 CHECK (doorbraak IN (0, 1)),
    reden_einde                       TEXT CHECK (reden_einde IS NULL OR reden_einde IN ('volgens-plan',
                                          'voortijdig-overeenstemming', 'eenzijdig-client',
                                          'eenzijdig-aanbieder', 'verhuizing', 'overlijden',
                                          'ander-domein', 'andere-aanbieder', 'herbeoordeling')),
    afweging_eigen_kracht             TEXT,
    afweging_netwerk                  TEXT,
    afweging_algemene_voorziening     TEXT,
    afweging_voorliggende_voorziening TEXT,
    vorige                            TEXT REFERENCES toekenning (id),
    volume                            REAL CHECK (volume IS NULL OR volume > 0),
    volume_eenheid                    TEXT CHECK ((volume_eenheid IS NULL) = (volume IS NULL)),
    reden_afwijzing                   TEXT CHECK (reden_afwijzing IS NULL OR uitkomst = 'afgewezen'),
    CHECK (uitkomst <> 'afgewezen' OR (start IS NULL AND eind IS NULL)),
    -- The afweging is all four answers or none.
    CHECK ((afweging_eigen_kracht IS NULL) = (afweging_netwerk IS NULL)
       AND (afweging_netwerk IS NULL) = (afweging_algemene_voorziening IS NULL)
       AND (afweging_algemene_voorziening IS NULL) = (afweging_voorliggende_voorziening IS NULL))
) STRICT;
CREATE INDEX toekenning_inwoner ON toekenning (inwoner, start);
CREATE INDEX toekenning_voorziening ON toekenning (voorziening, start);
-- Covering for the report's decisions of a year (schema v7).
CREATE INDEX toekenning_besluit ON toekenning (besluit, uitkomst, verwijzer, voorziening);
CREATE INDEX toekenning_melding ON toekenning (melding);
CREATE INDEX toekenning_aanbieder ON toekenning (aanbieder);
CREATE INDEX toekenning_contract ON toekenning (contract);
CREATE INDEX toekenning_eind ON toekenning (eind) WHERE uitkomst = 'toegekend';
CREATE INDEX toekenning_vorige ON toekenning (vorige);
CREATE INDEX toekenning_wachtend ON toekenning (besluit) WHERE uitkomst = 'toegekend' AND start IS NULL;

-- A change of a household's AVE level (Aanpak Voorkomen Escalatie, 0-4).
-- Events are never updated or deleted: a correction is a new event.
-- geregistreerd_door, geregistreerd_op (UTC 'YYYY-MM-DD HH:MM:SS') and
-- reden_geen_procesmanager were added in schema version 2; they are NULL for
-- events that came in through the exchange format, which does not carry them.
CREATE TABLE ave (
    id              TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
    huishouden      TEXT NOT NULL CHECK (huishouden <> ''),
    datum           TEXT NOT NULL CHECK (date(datum) IS datum),
    niveau          INTEGER NOT NULL CHECK (niveau BETWEEN 0 AND 4),
    reden           TEXT NOT NULL CHECK (reden <> ''),
    casusregisseur  TEXT REFERENCES medewerker (id),
    procesregisseur TEXT,
    geregistreerd_door TEXT REFERENCES medewerker (id),
    geregistreerd_op TEXT CHECK (geregistreerd_op IS NULL OR datetime(geregistreerd_op) IS geregistreerd_op),
    reden_geen_procesmanager TEXT CHECK (reden_geen_procesmanager IS NULL OR reden_geen_procesmanager <> ''),
    CHECK (niveau < 3 OR (procesregisseur IS NOT NULL AND procesregisseur <> ''))
) STRICT;
-- Covering for the level now of a household (AVE overview, a procesmanager's
-- access; schema v9).
CREATE INDEX ave_huishouden ON ave (huishouden, datum, niveau, casusregisseur, procesregisseur);
CREATE INDEX ave_datum ON ave (datum);

-- The texts of the five AVE levels; a beheerder may reword them, never add
-- or remove a level. Filled with the defaults of domain.md.
CREATE TABLE ave_niveau (
    niveau   INTEGER PRIMARY KEY NOT NULL CHECK (niveau BETWEEN 0 AND 4),
    naam     TEXT NOT NULL CHECK (naam <> ''),
    situatie TEXT NOT NULL,
    regie    TEXT NOT NULL
) STRICT;
INSERT INTO ave_niveau (niveau, naam, situatie, regie) VALUES
    (0, 'Zelfredzaam', 'Geen zorgen buiten het gewone leven; preventie en de sociale basis.', 'Het huishouden zelf'),
    (1, 'Enkelvoudige vraag', 'Eén vraag, één professional.', 'Het huishouden, met die professional'),
    (2, 'Meervoudige problematiek', 'Meerdere leefgebieden of professionals; één huishouden, één plan, één regisseur.', 'Casusregie: wijkteam (wijkcoach of gezinscoach)'),
    (3, 'Complex, vastgelopen of onveilig', 'De casus is vastgelopen of er zijn veiligheidsrisico''s; het Spoedteam is eerste aanspreekpunt, procesmanagers als er kinderen bij betrokken zijn.', 'Procesregie: procesmanager, team Zorg en Veiligheid'),
    (4, 'Escalatie', 'De situatie is geëscaleerd; acute onveiligheid.', 'Procesregie: Zorg- en Veiligheidshuis; bestuurlijke verantwoordelijkheid: burgemeester');

-- A recovery for misuse or improper use, in whole cents.
CREATE TABLE vordering (
    id          TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
    datum       TEXT NOT NULL CHECK (date(datum) IS datum),
    bedrag_cent INTEGER NOT NULL CHECK (bedrag_cent >= 0),
    soort       TEXT NOT NULL CHECK (soort IN ('misbruik', 'oneigenlijk-gebruik')),
    inwoner     TEXT REFERENCES inwoner (id),
    aanbieder   TEXT REFERENCES aanbieder (id),
    CHECK (inwoner IS NOT NULL OR aanbieder IS NOT NULL)
) STRICT;
CREATE INDEX vordering_datum ON vordering (datum);
CREATE INDEX vordering_inwoner ON vordering (inwoner);

-- Reference population on 1 January of a year, in inclusive age bands.
CREATE TABLE bevolking (
    jaar         INTEGER NOT NULL CHECK (jaar BETWEEN 1900 AND 2200),
    leeftijd_van INTEGER NOT NULL CHECK (leeftijd_van BETWEEN 0 AND 120),
    leeftijd_tot INTEGER NOT NULL CHECK (leeftijd_tot BETWEEN leeftijd_van AND 120),
    aantal       INTEGER NOT NULL CHECK (aantal >= 0),
    PRIMARY KEY (jaar, leeftijd_van)
) STRICT;

-- An externally sourced indicator value or a target (begroot).
CREATE TABLE indicatorwaarde (
    indicator TEXT NOT NULL CHECK (indicator <> ''),
    jaar      INTEGER NOT NULL CHECK (jaar BETWEEN 1900 AND 2200),
    soort     TEXT NOT NULL CHECK (soort IN ('realisatie', 'begroot')),
    waarde    REAL,
    tekst     TEXT,
    bron      TEXT,
    PRIMARY KEY (indicator, jaar, soort)
) STRICT;

-- The municipality's own indicators: an indicator the catalogue does not
-- hold, with its place in the doelenboom (its values live in indicatorwaarde).
CREATE TABLE eigen_indicator (
    code        TEXT PRIMARY KEY CHECK (code <> ''),
    naam        TEXT NOT NULL CHECK (naam <> ''),
    eenheid     TEXT NOT NULL CHECK (eenheid IN ('aantal', 'percentage', 'per-10000', 'gemiddelde', 'euro')),
    bron        TEXT NOT NULL CHECK (bron <> ''),
    doel        TEXT NOT NULL CHECK (doel <> ''),
    beleidslijn TEXT
) STRICT;

-- The audit log (BIO 8.15.01): append-only (the triggers refuse UPDATE,
-- DELETE and any INSERT but of the next row) and chained with a keyed hash
-- (HMAC-SHA256, the key outside this file); see src/store/audit.rs.
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
CREATE TRIGGER audit_alleen_toevoegen_insert BEFORE INSERT ON audit
WHEN NEW.volgnummer IS NOT (SELECT coalesce(max(volgnummer), 0) + 1 FROM audit)
BEGIN SELECT RAISE(ABORT, 'aan het auditlog kan alleen de volgende regel worden toegevoegd'); END;
CREATE INDEX audit_actie ON audit (actie, volgnummer);

-- Life domains of a melding.
CREATE TABLE melding_leefgebied (
    melding    TEXT NOT NULL REFERENCES melding (id),
    leefgebied TEXT NOT NULL CHECK (leefgebied IN ('financien', 'werk-dagbesteding', 'huisvesting',
                   'huiselijke-relaties', 'geestelijke-gezondheid', 'lichamelijke-gezondheid',
                   'verslaving', 'zelfzorg', 'sociaal-netwerk', 'maatschappelijke-participatie',
                   'justitie', 'opvoeden-opgroeien', 'veiligheid')),
    PRIMARY KEY (melding, leefgebied)
) STRICT, WITHOUT ROWID;

-- Life domains a provision of the sociale kaart answers (for matched care).
CREATE TABLE voorziening_leefgebied (
    voorziening TEXT NOT NULL REFERENCES voorziening (id),
    leefgebied  TEXT NOT NULL CHECK (leefgebied IN ('financien', 'werk-dagbesteding', 'huisvesting',
                    'huiselijke-relaties', 'geestelijke-gezondheid', 'lichamelijke-gezondheid',
                    'verslaving', 'zelfzorg', 'sociaal-netwerk', 'maatschappelijke-participatie',
                    'justitie', 'opvoeden-opgroeien', 'veiligheid')),
    PRIMARY KEY (voorziening, leefgebied)
) STRICT, WITHOUT ROWID;
CREATE INDEX voorziening_leefgebied_leefgebied ON voorziening_leefgebied (leefgebied, voorziening);

-- Which providers deliver a provision (their contracts are per law).
CREATE TABLE voorziening_aanbieder (
    voorziening TEXT NOT NULL REFERENCES voorziening (id),
    aanbieder   TEXT NOT NULL REFERENCES aanbieder (id),
    PRIMARY KEY (voorziening, aanbieder)
) STRICT, WITHOUT ROWID;
CREATE INDEX voorziening_aanbieder_aanbieder ON voorziening_aanbieder (aanbieder, voorziening);

-- The recorded steps of a klantreis: date, who, a note.
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

-- Corrections of a recorded step: old and new values, who, when.
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

-- The afwegingsladder of a melding: one row per answered rung.
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

-- Indexes for the werkvoorraad and the yearly report on a large register
-- (schema version 5; measured with cargo bench --bench prestaties).
CREATE INDEX melding_medewerker ON melding (medewerker, id);
-- Covering for the team werkvoorraad's running toekenningen (schema v9).
CREATE INDEX toekenning_melding_open ON toekenning (melding, eind, inwoner, voorziening, besluit, start, id,
    uitkomst, reden_einde)
    WHERE uitkomst = 'toegekend' AND reden_einde IS NULL;
CREATE INDEX toekenning_lopend ON toekenning (start, eind, inwoner, voorziening, aanbieder, contract, verwijzer, doorbraak)
    WHERE uitkomst = 'toegekend' AND start IS NOT NULL;

-- Accounts (schema v6): argon2id password hashes, lockout; never deleted.
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

-- Access from the resident's side (schema v9): "a melding / a step of this
-- resident is the worker's", "the worker is casusregisseur in this
-- household" seek the resident's rows, not the worker's whole history.
CREATE INDEX melding_inwoner_medewerker ON melding (inwoner, medewerker, id);
CREATE INDEX klantreis_stap_melding_medewerker ON klantreis_stap (melding, medewerker);
CREATE INDEX ave_huishouden_casusregisseur ON ave (huishouden, casusregisseur);

-- The AVE level of every household, kept current by triggers (schema v12,
-- issue #13): its latest event (by date, then rowid) and its wijkteam;
-- see migraties/sqlite/012_ave_stand.sql.
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
