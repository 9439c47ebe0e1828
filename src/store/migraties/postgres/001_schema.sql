-- wijkregister on PostgreSQL, version 1: the register of SQLite schema
-- version 10 (schema.sql) in PostgreSQL's own types.
--
-- Same tables, columns, keys and CHECKs as the SQLite schema, with real
-- types: `date` for the ISO dates (the SQLite `date(x) IS x` checks are the
-- type itself), `boolean` for the 0/1 flags, `bigint` for whole numbers,
-- `double precision` for REAL, `timestamp` (UTC) for ave.geregistreerd_op.
-- Moments that SQLite keeps as free ISO text (the audit log's tijdstip,
-- a step's vastgelegd_op, the account times) stay `text`, so that a
-- register moved back and forth keeps every byte (the audit chain hashes
-- the text). The same indexes where they serve the same queries; an index
-- on `x COLLATE NOCASE` becomes one on lower(x).
--
-- Applied by store::pg::migraties in one transaction under an advisory
-- lock, recorded in schema_migratie. Applied migrations are frozen: never
-- edit this file, add a new one (a test pins each file's SHA-256).

CREATE TABLE instelling (
    sleutel text PRIMARY KEY,
    waarde  text NOT NULL
);

CREATE TABLE wijkteam (
    id   text PRIMARY KEY CHECK (id <> ''),
    naam text NOT NULL CHECK (naam <> '')
);

CREATE TABLE medewerker (
    id       text PRIMARY KEY CHECK (id <> ''),
    naam     text NOT NULL CHECK (naam <> ''),
    rol      text NOT NULL CHECK (rol IN ('intaker', 'wijkcoach', 'schuldspecialist',
                 'gezinscoach', 'procesmanager', 'teamleider', 'beheerder')),
    wijkteam text REFERENCES wijkteam (id)
);
CREATE INDEX medewerker_wijkteam ON medewerker (wijkteam);

CREATE TABLE aanbieder (
    id   text PRIMARY KEY CHECK (id <> ''),
    naam text NOT NULL CHECK (naam <> ''),
    kvk  text CHECK (kvk IS NULL OR kvk ~ '^[0-9]{8}$')
);

CREATE TABLE contract (
    id        text PRIMARY KEY CHECK (id <> ''),
    aanbieder text NOT NULL REFERENCES aanbieder (id),
    wet       text NOT NULL CHECK (wet IN ('wmo', 'jeugdwet', 'participatiewet',
                  'schuldhulp', 'inburgering', 'leerlingenvervoer')),
    soort     text NOT NULL CHECK (soort IN ('raamcontract', 'maatwerkcontract')),
    van       date NOT NULL,
    tot       date CHECK (tot IS NULL OR tot >= van)
);
CREATE INDEX contract_aanbieder ON contract (aanbieder, wet);
CREATE INDEX contract_wet ON contract (wet, van);

CREATE TABLE voorziening (
    id        text PRIMARY KEY CHECK (id <> ''),
    naam      text NOT NULL CHECK (naam <> ''),
    soort     text NOT NULL CHECK (soort IN ('algemeen', 'maatwerk', 'voorliggend')),
    wet       text CHECK (wet IS NULL OR wet IN ('wmo', 'jeugdwet', 'participatiewet',
                  'schuldhulp', 'inburgering', 'leerlingenvervoer')),
    categorie text,
    beeindigd_op date,
    CHECK (soort <> 'maatwerk' OR wet IS NOT NULL),
    CHECK (soort <> 'maatwerk' OR wet NOT IN ('wmo', 'jeugdwet') OR categorie IS NOT NULL),
    CHECK (categorie IS NULL OR wet IS NULL OR wet <> 'wmo' OR categorie IN ('01', '02', '03', '04', '05',
           '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18')),
    CHECK (categorie IS NULL OR wet IS NULL OR wet <> 'jeugdwet' OR categorie IN ('40', '41', '42', '43',
           '44', '45', '46', '47', '48', '49', '50', '51', '52', '53', '54', '55'))
);
CREATE INDEX voorziening_soort ON voorziening (soort, wet);

CREATE TABLE voorziening_kenmerk (
    voorziening text NOT NULL REFERENCES voorziening (id),
    kenmerk     text NOT NULL CHECK (kenmerk <> ''),
    PRIMARY KEY (voorziening, kenmerk)
);
CREATE INDEX voorziening_kenmerk_kenmerk ON voorziening_kenmerk (kenmerk, voorziening);

CREATE TABLE inwoner (
    id            text PRIMARY KEY CHECK (id <> ''),
    bsn           text CHECK (bsn IS NULL OR bsn ~ '^[0-9]{9}$'),
    voornaam      text NOT NULL,
    achternaam    text NOT NULL CHECK (achternaam <> ''),
    geboortedatum date NOT NULL,
    geslacht      text CHECK (geslacht IS NULL OR geslacht IN ('m', 'v', 'x')),
    huishouden    text NOT NULL CHECK (huishouden <> ''),
    wijkteam      text REFERENCES wijkteam (id),
    woonplaats    text NOT NULL
);
-- Search as you type: last-name prefix (case-insensitive), BSN, date of birth.
CREATE INDEX inwoner_achternaam ON inwoner (lower(achternaam) text_pattern_ops, lower(voornaam));
CREATE INDEX inwoner_bsn ON inwoner (bsn);
CREATE INDEX inwoner_geboortedatum ON inwoner (geboortedatum);
CREATE INDEX inwoner_huishouden ON inwoner (huishouden);
CREATE INDEX inwoner_huishouden_wijkteam ON inwoner (huishouden, wijkteam);
CREATE INDEX inwoner_wijkteam ON inwoner (wijkteam, lower(achternaam));

CREATE TABLE melding (
    id                    text PRIMARY KEY CHECK (id <> ''),
    inwoner               text NOT NULL REFERENCES inwoner (id),
    datum                 date NOT NULL,
    bron                  text NOT NULL CHECK (bron IN ('zelfmelder', 'netwerk', 'huisarts',
                              'praktijkondersteuner', 'jeugdarts', 'wijkverpleegkundige', 'school',
                              'politie', 'veilig-thuis', 'vroegsignalering', 'woningcorporatie',
                              'aanbieder', 'gecertificeerde-instelling', 'overig')),
    wet                   text CHECK (wet IS NULL OR wet IN ('wmo', 'jeugdwet', 'participatiewet',
                              'schuldhulp', 'inburgering', 'leerlingenvervoer')),
    gevraagde_voorziening text REFERENCES voorziening (id),
    medewerker            text REFERENCES medewerker (id),
    gesprek               date CHECK (gesprek IS NULL OR gesprek >= datum),
    onderzoek_klaar       date CHECK (onderzoek_klaar IS NULL OR onderzoek_klaar >= datum),
    afgesloten            date CHECK (afgesloten IS NULL OR afgesloten >= datum),
    uitkomst              text CHECK (uitkomst IS NULL OR uitkomst IN ('informatie-advies',
                              'eigen-kracht', 'netwerk', 'algemene-voorziening',
                              'voorliggende-voorziening', 'maatwerk', 'geen-ondersteuning', 'ingetrokken')),
    vraag                 text,
    spoed                 boolean NOT NULL DEFAULT false,
    aanvraag              date,
    CHECK (afgesloten IS NULL OR uitkomst IS NOT NULL)
);
CREATE INDEX melding_inwoner ON melding (inwoner, datum);
CREATE INDEX melding_datum ON melding (datum, gevraagde_voorziening, inwoner);
CREATE INDEX melding_inwoner_van ON melding (id, inwoner, medewerker);
CREATE INDEX melding_medewerker_open ON melding (medewerker, datum) WHERE afgesloten IS NULL;
CREATE INDEX melding_open ON melding (datum) WHERE afgesloten IS NULL;
CREATE INDEX melding_aanvraag_open ON melding (aanvraag) WHERE aanvraag IS NOT NULL AND afgesloten IS NULL;
CREATE INDEX melding_medewerker ON melding (medewerker, id);
CREATE INDEX melding_inwoner_medewerker ON melding (inwoner, medewerker, id);

CREATE TABLE verwijzing (
    id          text PRIMARY KEY CHECK (id <> ''),
    melding     text NOT NULL REFERENCES melding (id),
    voorziening text NOT NULL REFERENCES voorziening (id),
    datum       date NOT NULL,
    status      text NOT NULL CHECK (status IN ('verwezen', 'gestart', 'afgerond', 'niet-gestart')),
    afgerond_op date CHECK (afgerond_op IS NULL OR afgerond_op >= datum),
    opgelost    boolean,
    CHECK (status <> 'afgerond' OR (afgerond_op IS NOT NULL AND opgelost IS NOT NULL))
);
CREATE INDEX verwijzing_melding ON verwijzing (melding);
CREATE INDEX verwijzing_datum ON verwijzing (datum, melding, voorziening);
CREATE INDEX verwijzing_afgerond ON verwijzing (afgerond_op, opgelost) WHERE status = 'afgerond';

CREATE TABLE toekenning (
    id                                text PRIMARY KEY CHECK (id <> ''),
    inwoner                           text NOT NULL REFERENCES inwoner (id),
    voorziening                       text NOT NULL REFERENCES voorziening (id),
    aanbieder                         text REFERENCES aanbieder (id),
    contract                          text REFERENCES contract (id),
    melding                           text REFERENCES melding (id),
    verwijzer                         text NOT NULL CHECK (verwijzer IN ('gemeente', 'huisarts',
                                          'jeugdarts', 'gecertificeerde-instelling',
                                          'medisch-specialist', 'zelfverwijzer', 'rechter')),
    aanvraag                          date,
    besluit                           date NOT NULL CHECK (aanvraag IS NULL OR besluit >= aanvraag),
    uitkomst                          text NOT NULL CHECK (uitkomst IN ('toegekend', 'afgewezen')),
    start                             date,
    eind                              date CHECK (eind IS NULL OR start IS NULL OR eind >= start),
    leveringsvorm                     text NOT NULL DEFAULT 'natura' CHECK (leveringsvorm IN ('natura', 'pgb')),
    doorbraak                         boolean NOT NULL DEFAULT false,
    reden_einde                       text CHECK (reden_einde IS NULL OR reden_einde IN ('volgens-plan',
                                          'voortijdig-overeenstemming', 'eenzijdig-client',
                                          'eenzijdig-aanbieder', 'verhuizing', 'overlijden',
                                          'ander-domein', 'andere-aanbieder', 'herbeoordeling')),
    afweging_eigen_kracht             text,
    afweging_netwerk                  text,
    afweging_algemene_voorziening     text,
    afweging_voorliggende_voorziening text,
    vorige                            text REFERENCES toekenning (id),
    volume                            double precision CHECK (volume IS NULL OR volume > 0),
    volume_eenheid                    text CHECK ((volume_eenheid IS NULL) = (volume IS NULL)),
    reden_afwijzing                   text CHECK (reden_afwijzing IS NULL OR uitkomst = 'afgewezen'),
    CHECK (uitkomst <> 'afgewezen' OR (start IS NULL AND eind IS NULL)),
    CHECK ((afweging_eigen_kracht IS NULL) = (afweging_netwerk IS NULL)
       AND (afweging_netwerk IS NULL) = (afweging_algemene_voorziening IS NULL)
       AND (afweging_algemene_voorziening IS NULL) = (afweging_voorliggende_voorziening IS NULL))
);
CREATE INDEX toekenning_inwoner ON toekenning (inwoner, start);
CREATE INDEX toekenning_voorziening ON toekenning (voorziening, start);
CREATE INDEX toekenning_besluit ON toekenning (besluit, uitkomst, verwijzer, voorziening);
CREATE INDEX toekenning_melding ON toekenning (melding);
CREATE INDEX toekenning_aanbieder ON toekenning (aanbieder);
CREATE INDEX toekenning_contract ON toekenning (contract);
CREATE INDEX toekenning_eind ON toekenning (eind) WHERE uitkomst = 'toegekend';
CREATE INDEX toekenning_vorige ON toekenning (vorige);
CREATE INDEX toekenning_wachtend ON toekenning (besluit) WHERE uitkomst = 'toegekend' AND start IS NULL;
CREATE INDEX toekenning_melding_open ON toekenning (melding, eind, inwoner, voorziening, besluit, start, id)
    WHERE uitkomst = 'toegekend' AND reden_einde IS NULL;
CREATE INDEX toekenning_lopend ON toekenning (start, eind, inwoner, voorziening, aanbieder, contract, verwijzer, doorbraak)
    WHERE uitkomst = 'toegekend' AND start IS NOT NULL;

CREATE TABLE ave (
    id              text PRIMARY KEY CHECK (id <> ''),
    huishouden      text NOT NULL CHECK (huishouden <> ''),
    datum           date NOT NULL,
    niveau          bigint NOT NULL CHECK (niveau BETWEEN 0 AND 4),
    reden           text NOT NULL CHECK (reden <> ''),
    casusregisseur  text REFERENCES medewerker (id),
    procesregisseur text,
    geregistreerd_door text REFERENCES medewerker (id),
    geregistreerd_op timestamp(0),
    reden_geen_procesmanager text CHECK (reden_geen_procesmanager IS NULL OR reden_geen_procesmanager <> ''),
    CHECK (niveau < 3 OR (procesregisseur IS NOT NULL AND procesregisseur <> ''))
);
CREATE INDEX ave_huishouden ON ave (huishouden, datum, niveau, casusregisseur, procesregisseur);
CREATE INDEX ave_datum ON ave (datum);
CREATE INDEX ave_huishouden_casusregisseur ON ave (huishouden, casusregisseur);

CREATE TABLE ave_niveau (
    niveau   bigint PRIMARY KEY CHECK (niveau BETWEEN 0 AND 4),
    naam     text NOT NULL CHECK (naam <> ''),
    situatie text NOT NULL,
    regie    text NOT NULL
);
INSERT INTO ave_niveau (niveau, naam, situatie, regie) VALUES
    (0, 'Zelfredzaam', 'Geen zorgen buiten het gewone leven; preventie en de sociale basis.', 'Het huishouden zelf'),
    (1, 'Enkelvoudige vraag', 'Eén vraag, één professional.', 'Het huishouden, met die professional'),
    (2, 'Meervoudige problematiek', 'Meerdere leefgebieden of professionals; één huishouden, één plan, één regisseur.', 'Casusregie: wijkteam (wijkcoach of gezinscoach)'),
    (3, 'Complex, vastgelopen of onveilig', 'De casus is vastgelopen of er zijn veiligheidsrisico''s; het Spoedteam is eerste aanspreekpunt, procesmanagers als er kinderen bij betrokken zijn.', 'Procesregie: procesmanager, team Zorg en Veiligheid'),
    (4, 'Escalatie', 'De situatie is geëscaleerd; acute onveiligheid.', 'Procesregie: Zorg- en Veiligheidshuis; bestuurlijke verantwoordelijkheid: burgemeester');

CREATE TABLE vordering (
    id          text PRIMARY KEY CHECK (id <> ''),
    datum       date NOT NULL,
    bedrag_cent bigint NOT NULL CHECK (bedrag_cent >= 0),
    soort       text NOT NULL CHECK (soort IN ('misbruik', 'oneigenlijk-gebruik')),
    inwoner     text REFERENCES inwoner (id),
    aanbieder   text REFERENCES aanbieder (id),
    CHECK (inwoner IS NOT NULL OR aanbieder IS NOT NULL)
);
CREATE INDEX vordering_datum ON vordering (datum);
CREATE INDEX vordering_inwoner ON vordering (inwoner);

CREATE TABLE bevolking (
    jaar         bigint NOT NULL CHECK (jaar BETWEEN 1900 AND 2200),
    leeftijd_van bigint NOT NULL CHECK (leeftijd_van BETWEEN 0 AND 120),
    leeftijd_tot bigint NOT NULL CHECK (leeftijd_tot BETWEEN leeftijd_van AND 120),
    aantal       bigint NOT NULL CHECK (aantal >= 0),
    PRIMARY KEY (jaar, leeftijd_van)
);

CREATE TABLE indicatorwaarde (
    indicator text NOT NULL CHECK (indicator <> ''),
    jaar      bigint NOT NULL CHECK (jaar BETWEEN 1900 AND 2200),
    soort     text NOT NULL CHECK (soort IN ('realisatie', 'begroot')),
    waarde    double precision,
    tekst     text,
    bron      text,
    PRIMARY KEY (indicator, jaar, soort)
);

-- The municipality's own indicators (SQLite migration 010).
CREATE TABLE eigen_indicator (
    code        text PRIMARY KEY CHECK (code <> ''),
    naam        text NOT NULL CHECK (naam <> ''),
    eenheid     text NOT NULL CHECK (eenheid IN ('aantal', 'percentage', 'per-10000', 'gemiddelde', 'euro')),
    bron        text NOT NULL CHECK (bron <> ''),
    doel        text NOT NULL CHECK (doel <> ''),
    beleidslijn text
);

-- The audit log (BIO 8.15.01): append-only (the triggers refuse UPDATE,
-- DELETE, TRUNCATE and any INSERT but of the next row) and chained with a
-- keyed hash (HMAC-SHA256, the key outside the database); see
-- src/store/audit.rs and src/store/pg/sleutel.rs.
CREATE TABLE audit (
    volgnummer  bigint PRIMARY KEY CHECK (volgnummer >= 1),
    tijdstip    text NOT NULL,
    actor       text NOT NULL CHECK (actor <> ''),
    actie       text NOT NULL CHECK (actie <> ''),
    object      text,
    doel        text,
    resultaat   text NOT NULL CHECK (resultaat IN ('gelukt', 'geweigerd', 'mislukt')),
    details     text,
    vorige_hash text NOT NULL,
    hash        text NOT NULL
);
CREATE INDEX audit_object ON audit (object, volgnummer);
CREATE INDEX audit_actor ON audit (actor, volgnummer);
CREATE INDEX audit_tijdstip ON audit (tijdstip);
CREATE INDEX audit_actie ON audit (actie, volgnummer);

CREATE FUNCTION audit_alleen_toevoegen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'het auditlog kan niet worden gewijzigd';
    ELSIF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION 'uit het auditlog kan niets worden verwijderd';
    ELSIF NEW.volgnummer IS DISTINCT FROM (SELECT coalesce(max(volgnummer), 0) + 1 FROM audit) THEN
        RAISE EXCEPTION 'aan het auditlog kan alleen de volgende regel worden toegevoegd';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER audit_alleen_toevoegen_update BEFORE UPDATE ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_alleen_toevoegen();
CREATE TRIGGER audit_alleen_toevoegen_delete BEFORE DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_alleen_toevoegen();
CREATE TRIGGER audit_alleen_toevoegen_truncate BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION audit_alleen_toevoegen();
CREATE TRIGGER audit_alleen_toevoegen_insert BEFORE INSERT ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_alleen_toevoegen();

CREATE TABLE melding_leefgebied (
    melding    text NOT NULL REFERENCES melding (id),
    leefgebied text NOT NULL CHECK (leefgebied IN ('financien', 'werk-dagbesteding', 'huisvesting',
                   'huiselijke-relaties', 'geestelijke-gezondheid', 'lichamelijke-gezondheid',
                   'verslaving', 'zelfzorg', 'sociaal-netwerk', 'maatschappelijke-participatie',
                   'justitie', 'opvoeden-opgroeien', 'veiligheid')),
    PRIMARY KEY (melding, leefgebied)
);

CREATE TABLE voorziening_leefgebied (
    voorziening text NOT NULL REFERENCES voorziening (id),
    leefgebied  text NOT NULL CHECK (leefgebied IN ('financien', 'werk-dagbesteding', 'huisvesting',
                    'huiselijke-relaties', 'geestelijke-gezondheid', 'lichamelijke-gezondheid',
                    'verslaving', 'zelfzorg', 'sociaal-netwerk', 'maatschappelijke-participatie',
                    'justitie', 'opvoeden-opgroeien', 'veiligheid')),
    PRIMARY KEY (voorziening, leefgebied)
);
CREATE INDEX voorziening_leefgebied_leefgebied ON voorziening_leefgebied (leefgebied, voorziening);

CREATE TABLE voorziening_aanbieder (
    voorziening text NOT NULL REFERENCES voorziening (id),
    aanbieder   text NOT NULL REFERENCES aanbieder (id),
    PRIMARY KEY (voorziening, aanbieder)
);
CREATE INDEX voorziening_aanbieder_aanbieder ON voorziening_aanbieder (aanbieder, voorziening);

CREATE TABLE klantreis_stap (
    id            bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    melding       text NOT NULL REFERENCES melding (id),
    stap          text NOT NULL CHECK (stap IN ('melding', 'gesprek', 'analyse', 'afweging',
                      'verwijzing', 'aanvraag-besluit', 'geen-ondersteuning', 'ingetrokken',
                      'levering-evaluatie', 'afsluiting')),
    datum         date NOT NULL,
    medewerker    text NOT NULL REFERENCES medewerker (id),
    notitie       text NOT NULL DEFAULT '',
    vastgelegd_op text NOT NULL CHECK (vastgelegd_op <> '')
);
CREATE INDEX klantreis_stap_melding ON klantreis_stap (melding, datum, id);
CREATE INDEX klantreis_stap_medewerker ON klantreis_stap (medewerker);
CREATE INDEX klantreis_stap_melding_medewerker ON klantreis_stap (melding, medewerker);

CREATE TABLE klantreis_correctie (
    id                bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    stap              bigint NOT NULL REFERENCES klantreis_stap (id),
    oude_datum        date NOT NULL,
    nieuwe_datum      date NOT NULL,
    oude_medewerker   text NOT NULL,
    nieuwe_medewerker text NOT NULL,
    oude_notitie      text NOT NULL,
    nieuwe_notitie    text NOT NULL,
    door              text NOT NULL REFERENCES medewerker (id),
    tijdstip          text NOT NULL CHECK (tijdstip <> '')
);
CREATE INDEX klantreis_correctie_stap ON klantreis_correctie (stap, id);

CREATE TABLE afweging_trede (
    melding     text NOT NULL REFERENCES melding (id),
    trede       text NOT NULL CHECK (trede IN ('eigen-kracht', 'netwerk', 'algemene-voorziening',
                    'voorliggende-voorziening')),
    lost_op     boolean NOT NULL,
    toelichting text NOT NULL CHECK (toelichting <> ''),
    medewerker  text NOT NULL REFERENCES medewerker (id),
    datum       date NOT NULL,
    PRIMARY KEY (melding, trede)
);

-- Accounts: argon2id password hashes, lockout; never deleted. The user
-- name is unique regardless of case (SQLite: COLLATE NOCASE).
CREATE TABLE account (
    medewerker        text PRIMARY KEY REFERENCES medewerker (id),
    gebruikersnaam    text NOT NULL CHECK (gebruikersnaam <> ''),
    wachtwoord_hash   text NOT NULL CHECK (wachtwoord_hash LIKE '$argon2id$%'),
    actief            boolean NOT NULL DEFAULT true,
    mislukte_pogingen bigint NOT NULL DEFAULT 0 CHECK (mislukte_pogingen >= 0),
    geblokkeerd_tot   text CHECK (geblokkeerd_tot IS NULL
                          OR geblokkeerd_tot ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)?'),
    aangemaakt_op     text NOT NULL
                          CHECK (aangemaakt_op ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)?'),
    gewijzigd_op      text NOT NULL
                          CHECK (gewijzigd_op ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)?')
);
CREATE UNIQUE INDEX account_gebruikersnaam ON account (lower(gebruikersnaam));

CREATE FUNCTION account_niet_verwijderen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'een account kan niet worden verwijderd; zet het op inactief';
END;
$$;
CREATE TRIGGER account_niet_verwijderen BEFORE DELETE ON account
    FOR EACH ROW EXECUTE FUNCTION account_niet_verwijderen();
CREATE TRIGGER account_niet_leegmaken BEFORE TRUNCATE ON account
    FOR EACH STATEMENT EXECUTE FUNCTION account_niet_verwijderen();
