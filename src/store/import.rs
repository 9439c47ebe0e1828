//! Import of the exchange format `wijkregister-jsonl` (v1 and v2):
//! streaming, all-or-nothing, every error with line number, field and reason.
//!
//! The record types and their fields come from the one field table
//! (`store::uitwisseling::RECORDSOORTEN`). The v1 fields of the 13 v1 types
//! are read as a domain [`Record`] (with the domain's checks) and stored
//! through `store::schrijven`; their v2 fields, and every field of the v2
//! types, are read field by field by their kind and stored by the table.
//! A carried audit log is chained again under this register's key
//! (`store::audit::voeg_overgenomen_toe`), and only into a register whose
//! log is still empty, so its rows keep their numbers.
//!
//! The file is read line by line through a bounded reader (a line longer than
//! [`MAX_REGEL_BYTES`] is reported and skipped, never loaded whole). All lines
//! are written inside one `IMMEDIATE` transaction as they come, so later lines
//! can refer to earlier ones; errors are collected (up to [`MAX_FOUTEN`]) and
//! at the end the transaction is committed only when there were none.
//!
//! Reference and kind checks use in-memory caches of ids, filled lazily from
//! the register by one indexed lookup per unseen id and updated as lines are
//! inserted, so the import never scans a table per row. Duplicate ids are
//! found by the `INSERT`'s own unique constraint.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use rusqlite::types::Value as SqlWaarde;
use rusqlite::{Connection, ErrorCode, OptionalExtension, Transaction, params};
use serde_json::{Map, Value};

use crate::domain::catalogus::is_bekende_code;
use crate::domain::datum::parse_iso;
use crate::domain::records::controleer_tekens;
use crate::domain::{
    Aanbieder, Afweging, AveGebeurtenis, BesluitUitkomst, Bevolking, Bron, Bsn, Contract,
    ContractSoort, DomeinFout, Geslacht, Indicatorwaarde, Inwoner, Leveringsvorm, Medewerker,
    Melding, MeldingUitkomst, Record, RedenEinde, Rol, Toekenning, Verwijzer, Verwijzing,
    VerwijzingStatus, Voorziening, VoorzieningSoort, Vordering, VorderingSoort, WaardeSoort, Wet,
    Wijkteam,
};
use crate::store::uitwisseling::{
    FORMAAT, Item, RECORDSOORTEN, RecordSoort, Soort, VERSIE, VERSIES, Veld, recordsoort,
};
use crate::store::{INSTELLING_GEMEENTE, StoreFout, instelling, kolom, schrijven, zet_instelling};

/// Most errors an import reports; beyond this it stops and sets `afgekapt`.
pub const MAX_FOUTEN: usize = 100;

/// Longest line the import reads (1 MiB); a longer line is an error.
pub const MAX_REGEL_BYTES: usize = 1 << 20;

/// How often (in lines) `voortgang` is called.
const VOORTGANG_ELKE_REGELS: u64 = 4096;

/// The record types of version 1, in dependency order. Version 2 adds
/// the types of `store::uitwisseling::RECORDSOORTEN` marked `sinds: 2`.
pub const SOORTEN: [&str; 13] = [
    "wijkteam",
    "medewerker",
    "aanbieder",
    "contract",
    "voorziening",
    "inwoner",
    "melding",
    "verwijzing",
    "toekenning",
    "ave",
    "vordering",
    "bevolking",
    "indicatorwaarde",
];

/// The fields of the header line.
const HEADER_VELDEN: [&str; 3] = ["format", "version", "gemeente"];

/// One error found in an import file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportFout {
    /// 1-based line number.
    pub regel: u64,
    /// The field concerned, if any.
    pub veld: Option<String>,
    /// What is wrong, in Dutch.
    pub reden: String,
}

impl fmt::Display for ImportFout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.veld {
            Some(veld) => write!(f, "regel {}, veld '{veld}': {}", self.regel, self.reden),
            None => write!(f, "regel {}: {}", self.regel, self.reden),
        }
    }
}

impl ImportFout {
    fn op(regel: u64, veld: Option<&str>, reden: impl Into<String>) -> ImportFout {
        ImportFout {
            regel,
            veld: veld.map(str::to_owned),
            reden: reden.into(),
        }
    }
}

/// Why an import stored nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportFouten {
    /// The errors found, in line order (at most the limit).
    pub fouten: Vec<ImportFout>,
    /// Whether more errors were found than are listed.
    pub afgekapt: bool,
}

/// The transaction itself failed (begin, commit, or SQLite ended it). An
/// error of the register's surroundings (disk full, read-only, locked, I/O)
/// already says that nothing was stored: it is said as it is, once.
impl From<StoreFout> for ImportFouten {
    fn from(fout: StoreFout) -> Self {
        if fout.is_omgeving() || matches!(fout, StoreFout::Afgebroken(_)) {
            return ImportFouten::een(fout.to_string());
        }
        ImportFouten::een(format!(
            "het register kon de import niet vastleggen ({fout}); er is niets opgeslagen"
        ))
    }
}

impl ImportFouten {
    fn een(reden: impl Into<String>) -> ImportFouten {
        ImportFouten {
            fouten: vec![ImportFout::op(0, None, reden)],
            afgekapt: false,
        }
    }
}

/// What a successful import stored.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportVerslag {
    /// Number of records stored.
    pub records: u64,
    /// Records stored per type, in dependency order; types with none left out.
    pub per_soort: Vec<(&'static str, u64)>,
    /// The gemeente named in the header.
    pub gemeente: String,
}

/// Imports an exchange file into the register, all or nothing.
/// `voortgang` is called now and then with the number of lines read.
pub fn importeer_bestand(
    conn: &mut Connection,
    pad: &Path,
    voortgang: &mut dyn FnMut(u64),
) -> Result<ImportVerslag, ImportFouten> {
    importeer_bestand_als(conn, pad, None, voortgang)
}

/// [`importeer_bestand`] by `actor` (a medewerker, or `opdrachtregel`): the
/// import's audit row is written in the import's own transaction, so it is
/// there exactly when the records are.
pub fn importeer_bestand_als(
    conn: &mut Connection,
    pad: &Path,
    actor: Option<&str>,
    voortgang: &mut dyn FnMut(u64),
) -> Result<ImportVerslag, ImportFouten> {
    let bestand = File::open(pad).map_err(|e| {
        ImportFouten::een(format!(
            "het bestand {} kan niet worden geopend: {}",
            pad.display(),
            io_tekst(&e)
        ))
    })?;
    let object = format!("bestand:{}", pad.display());
    importeer_als(
        conn,
        BufReader::with_capacity(1 << 16, bestand),
        actor.map(|a| (a, object.as_str())),
        voortgang,
    )
}

/// A Dutch description of a file error.
fn io_tekst(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "het bestaat niet".to_owned(),
        std::io::ErrorKind::PermissionDenied => "geen toestemming om het te lezen".to_owned(),
        _ => format!("leesfout ({e})"),
    }
}

/// Imports exchange lines from `bron` into the register, all or nothing.
/// `voortgang` is called now and then with the number of lines read.
pub fn importeer<R: BufRead>(
    conn: &mut Connection,
    bron: R,
    voortgang: &mut dyn FnMut(u64),
) -> Result<ImportVerslag, ImportFouten> {
    importeer_als(conn, bron, None, voortgang)
}

/// [`importeer`] with an audit row (`actor`, `object`) in the same
/// transaction (`store::transactie`: nothing of it is stored unless all is).
fn importeer_als<R: BufRead>(
    conn: &mut Connection,
    bron: R,
    door: Option<(&str, &str)>,
    voortgang: &mut dyn FnMut(u64),
) -> Result<ImportVerslag, ImportFouten> {
    // A date of birth may not lie after today (the domain's rule).
    let vandaag = chrono::Local::now().date_naive();
    crate::store::transactie::voer_uit(conn, |tx| importeer_in(tx, bron, door, vandaag, voortgang))
}

/// The import inside its transaction.
fn importeer_in<R: BufRead>(
    tx: &Transaction<'_>,
    mut bron: R,
    door: Option<(&str, &str)>,
    vandaag: chrono::NaiveDate,
    voortgang: &mut dyn FnMut(u64),
) -> Result<ImportVerslag, ImportFouten> {
    let mut imp = Importeur::new(tx, vandaag);
    let mut buf = Vec::with_capacity(4096);
    let mut regel: u64 = 0;
    loop {
        buf.clear();
        let gelezen = match lees_regel(&mut bron, &mut buf) {
            Ok(g) => g,
            Err(e) => {
                imp.fout(ImportFout::op(
                    regel + 1,
                    None,
                    format!(
                        "het bestand kon niet verder worden gelezen: {}",
                        io_tekst(&e)
                    ),
                ));
                break;
            }
        };
        let Some(te_lang) = gelezen else { break };
        regel += 1;
        if te_lang {
            imp.fout(ImportFout::op(
                regel,
                None,
                format!(
                    "de regel is langer dan {} MiB en is niet gelezen",
                    MAX_REGEL_BYTES >> 20
                ),
            ));
        } else {
            imp.regel(regel, &buf);
        }
        if regel.is_multiple_of(VOORTGANG_ELKE_REGELS) {
            voortgang(regel);
        }
        if imp.afgekapt || imp.gestopt.is_some() {
            break;
        }
    }
    voortgang(regel);
    if let Some(oorzaak) = imp.gestopt.take() {
        // Nothing further was tried; the helper rolls back (if SQLite has
        // not already). The line errors found before are kept.
        let mut fouten = std::mem::take(&mut imp.fouten);
        fouten.push(ImportFout::op(0, None, oorzaak.to_string()));
        return Err(ImportFouten {
            fouten,
            afgekapt: false,
        });
    }
    if !imp.header_gezien && imp.fouten.is_empty() {
        imp.fout(ImportFout::op(
            1,
            None,
            "het bestand is leeg; de eerste regel moet de header zijn: \
             {\"type\":\"header\",\"format\":\"wijkregister-jsonl\",\"version\":2,\"gemeente\":\"…\"}",
        ));
    }
    if imp.fouten.is_empty() {
        imp.later_afmaken();
    }
    if let Some(oorzaak) = imp.gestopt.take() {
        let mut fouten = std::mem::take(&mut imp.fouten);
        fouten.push(ImportFout::op(0, None, oorzaak.to_string()));
        return Err(ImportFouten {
            fouten,
            afgekapt: false,
        });
    }
    let versie = imp.versie;
    let Importeur {
        fouten,
        afgekapt,
        aantallen,
        gemeente,
        ..
    } = imp;
    if !fouten.is_empty() {
        // The transaction helper rolls back.
        return Err(ImportFouten { fouten, afgekapt });
    }
    // A v1 file does not carry which providers deliver a provision: as
    // the sociale kaart did, each is linked to those that delivered it. A
    // v2 file carries the links themselves.
    if versie < 2 {
        crate::store::sociale_kaart_beheer::koppel_geleverde_aanbieders(tx)
            .map_err(ImportFouten::from)?;
    }
    if let Some((actor, object)) = door {
        let records: u64 = aantallen.iter().sum();
        crate::store::audit::log(
            tx,
            &crate::store::audit::Logregel {
                tijdstip: &crate::klok::Klok::systeem().audit_tijdstip(),
                actor,
                actie: "import",
                object: Some(object),
                doel: None,
                resultaat: crate::store::audit::Resultaat::Gelukt,
                details: Some(&format!("records={records}")),
            },
        )
        .map_err(ImportFouten::from)?;
    }
    let per_soort: Vec<(&'static str, u64)> = RECORDSOORTEN
        .iter()
        .zip(aantallen)
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| (s.naam, n))
        .collect();
    Ok(ImportVerslag {
        records: per_soort.iter().map(|(_, n)| n).sum(),
        per_soort,
        gemeente: gemeente.unwrap_or_default(),
    })
}

/// Reads one line (without its newline) into `buf`, at most
/// [`MAX_REGEL_BYTES`]; the rest of a longer line is skipped.
/// `None` at the end of the input, else whether the line was too long.
fn lees_regel<R: BufRead>(bron: &mut R, buf: &mut Vec<u8>) -> std::io::Result<Option<bool>> {
    let mut iets = false;
    let mut te_lang = false;
    loop {
        let stuk = match bron.fill_buf() {
            Ok(s) => s,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if stuk.is_empty() {
            return Ok(iets.then_some(te_lang));
        }
        iets = true;
        let (deel, klaar, gebruikt) = match stuk.iter().position(|b| *b == b'\n') {
            Some(i) => (&stuk[..i], true, i + 1),
            None => (stuk, false, stuk.len()),
        };
        if !te_lang {
            if buf.len() + deel.len() > MAX_REGEL_BYTES {
                te_lang = true;
                buf.clear();
            } else {
                buf.extend_from_slice(deel);
            }
        }
        bron.consume(gebruikt);
        if klaar {
            return Ok(Some(te_lang));
        }
    }
}

/// What the import knows of one id: where it came from and, for the kinds
/// checks need, its kind.
#[derive(Debug, Clone)]
enum Info {
    /// A record without details the checks need.
    Gewoon,
    /// A voorziening's kind and law.
    Voorziening(VoorzieningSoort, Option<Wet>),
    /// A contract's provider and law.
    Contract(String, Wet),
}

/// A known id: its details and the file line it came from (`None`: the register).
#[derive(Debug, Clone)]
struct Bekend {
    info: Info,
    regel: Option<u64>,
}

/// The state of one import.
struct Importeur<'t, 'c> {
    tx: &'t Transaction<'c>,
    fouten: Vec<ImportFout>,
    afgekapt: bool,
    header_gezien: bool,
    gemeente: Option<String>,
    /// Per table: id → what is known (`None`: looked up, not there).
    ids: HashMap<&'static str, HashMap<String, Option<Bekend>>>,
    /// Ids of lines that had errors: references to them are not reported again.
    ongeldig: HashSet<(&'static str, String)>,
    /// Per year: the age bands known (register and file).
    banden: HashMap<i32, Vec<(u8, u8, Option<u64>)>>,
    /// Set when the current line refers to a line that had errors: it is
    /// then not stored (it could not be), and not reported a second time.
    hangt_aan_fout: bool,
    /// Lines stored per record type, by index in `RECORDSOORTEN`.
    aantallen: [u64; RECORDSOORTEN.len()],
    /// The file's format version (from the header).
    versie: i64,
    /// References that may point to a later line (`vorige`), checked and
    /// stored at the end: table, id, field, referred type, referred id, line.
    later: Vec<(
        &'static str,
        String,
        &'static Veld,
        &'static str,
        String,
        u64,
    )>,
    /// Set when writing failed for a reason outside the file (disk full,
    /// read-only, locked, I/O, or SQLite ended the transaction): the import
    /// stops at once, reads no further line and runs no further statement.
    gestopt: Option<StoreFout>,
    /// Set when an audit line did not connect to this register's log.
    audit_geweigerd: bool,
    /// Today, for the rules that need it.
    vandaag: chrono::NaiveDate,
    /// BSNs given by earlier lines: the resident and the line.
    bsns: HashMap<String, (String, u64)>,
    /// Codes of own indicators given by earlier lines.
    eigen_indicatoren: HashSet<String>,
}

impl<'t, 'c> Importeur<'t, 'c> {
    fn new(tx: &'t Transaction<'c>, vandaag: chrono::NaiveDate) -> Self {
        Importeur {
            tx,
            fouten: Vec::new(),
            afgekapt: false,
            header_gezien: false,
            gemeente: None,
            ids: HashMap::new(),
            ongeldig: HashSet::new(),
            banden: HashMap::new(),
            hangt_aan_fout: false,
            aantallen: [0; RECORDSOORTEN.len()],
            versie: VERSIE,
            later: Vec::new(),
            gestopt: None,
            vandaag,
            bsns: HashMap::new(),
            eigen_indicatoren: HashSet::new(),
            audit_geweigerd: false,
        }
    }

    /// Stops the import for a reason outside the file (see `gestopt`).
    fn stop(&mut self, fout: StoreFout) {
        if self.gestopt.is_none() {
            self.gestopt = Some(fout);
        }
    }

    /// Whether a failed write means the import cannot go on: an error of the
    /// surroundings, or a transaction SQLite already ended itself.
    fn schrijven_onmogelijk(&mut self, fout: StoreFout) -> Option<StoreFout> {
        if fout.is_omgeving() {
            self.stop(fout);
            return None;
        }
        if self.tx.is_autocommit() {
            self.stop(StoreFout::Afgebroken(
                "de database heeft de transactie zelf teruggedraaid (schijf vol, schijffout of geheugen op)",
            ));
            return None;
        }
        Some(fout)
    }

    fn fout(&mut self, fout: ImportFout) {
        if self.fouten.len() < MAX_FOUTEN {
            self.fouten.push(fout);
        } else {
            self.afgekapt = true;
        }
    }

    fn fouten(&mut self, fouten: Vec<ImportFout>) {
        for f in fouten {
            self.fout(f);
        }
    }

    /// Handles one line of the file.
    fn regel(&mut self, regel: u64, bytes: &[u8]) {
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        // Files saved on Windows may start with a UTF-8 byte order mark.
        let bytes = if regel == 1 {
            bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
        } else {
            bytes
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return;
        }
        let obj = match lees_object(regel, bytes) {
            Ok(o) => o,
            Err(f) => {
                if !self.header_gezien {
                    // A broken first line counts as the header's place.
                    self.header_gezien = true;
                }
                self.fout(f);
                return;
            }
        };
        let soort = obj.get("type").and_then(Value::as_str);
        if !self.header_gezien {
            self.header_gezien = true;
            if soort == Some("header") {
                self.header(regel, &obj);
                return;
            }
            self.fout(ImportFout::op(
                regel,
                None,
                "de eerste regel moet de header zijn: \
                 {\"type\":\"header\",\"format\":\"wijkregister-jsonl\",\"version\":2,\"gemeente\":\"…\"}",
            ));
        } else if soort == Some("header") {
            self.fout(ImportFout::op(
                regel,
                Some("type"),
                "een bestand heeft maar één header, op de eerste regel",
            ));
            return;
        }
        // A type of version 2 without a domain record: read by the table.
        if let Some(soort) = soort.and_then(recordsoort)
            && !soort.domein
            && soort.sinds <= self.versie
        {
            if soort.naam == "eigen_indicator" {
                self.eigen_indicator(regel, &obj);
            }
            self.rij(regel, soort, &obj);
            return;
        }
        match lees_record(regel, &obj, self.versie) {
            Ok(record) => self.record(regel, &record, &obj),
            Err((fouten, soort_id)) => {
                if let Some((soort, id)) = soort_id {
                    self.ongeldig.insert((soort, id));
                }
                self.fouten(fouten);
            }
        }
    }

    /// The domain's checks of an own indicator (a code not of the
    /// catalogue, an existing goal and beleidslijn); its code is then known
    /// to the indicatorwaarde lines after it.
    fn eigen_indicator(&mut self, regel: u64, obj: &Map<String, Value>) {
        let tekst = |veld: &str| {
            obj.get(veld)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned()
        };
        let Some(eenheid) = crate::domain::eigen_indicator::eenheid_van(&tekst("eenheid")) else {
            // The field table's check names a wrong unit.
            return;
        };
        let eigen = crate::domain::eigen_indicator::EigenIndicator {
            code: tekst("code"),
            naam: tekst("naam"),
            eenheid,
            bron: tekst("bron"),
            doel: tekst("doel"),
            beleidslijn: obj
                .get("beleidslijn")
                .and_then(Value::as_str)
                .map(str::to_owned),
        };
        match eigen.valideer() {
            Ok(()) => {
                self.eigen_indicatoren.insert(eigen.code);
            }
            Err(fouten) => {
                let fouten = fouten
                    .into_iter()
                    .map(|f| ImportFout::op(regel, Some(f.veld), f.fout.to_string()))
                    .collect();
                self.fouten(fouten);
            }
        }
    }

    /// Checks the header and the register's gemeente.
    fn header(&mut self, regel: u64, obj: &Map<String, Value>) {
        let mut fouten = Vec::new();
        for sleutel in obj.keys() {
            if sleutel != "type" && !HEADER_VELDEN.contains(&sleutel.as_str()) {
                fouten.push(ImportFout::op(
                    regel,
                    Some(sleutel),
                    format!(
                        "de header kent dit veld niet; toegestaan zijn {}",
                        lijst_tekst(&HEADER_VELDEN)
                    ),
                ));
            }
        }
        if obj.get("format").and_then(Value::as_str) != Some(FORMAAT) {
            fouten.push(ImportFout::op(
                regel,
                Some("format"),
                format!("dit is geen {FORMAAT}-bestand: 'format' moet \"{FORMAAT}\" zijn"),
            ));
        }
        match obj.get("version") {
            Some(v) if v.as_i64().is_some_and(|n| VERSIES.contains(&n)) => {
                self.versie = v.as_i64().unwrap_or(VERSIE);
            }
            Some(v) => fouten.push(ImportFout::op(
                regel,
                Some("version"),
                format!(
                    "versie {v} kent deze wijkregister niet; alleen versie {}",
                    VERSIES.map(|n| n.to_string()).join(" of ")
                ),
            )),
            None => fouten.push(ImportFout::op(
                regel,
                Some("version"),
                DomeinFout::Verplicht.to_string(),
            )),
        }
        match obj.get("gemeente") {
            Some(Value::String(g)) if !g.trim().is_empty() => {
                self.gemeente = Some(g.clone());
                match instelling(self.tx, INSTELLING_GEMEENTE) {
                    Ok(Some(eigen)) if eigen != *g => fouten.push(ImportFout::op(
                        regel,
                        Some("gemeente"),
                        format!(
                            "dit bestand is van gemeente '{g}', maar dit register is van gemeente '{eigen}'; \
                             een register bevat de gegevens van één gemeente"
                        ),
                    )),
                    Ok(Some(_)) => {}
                    Ok(None) => {
                        if let Err(e) = zet_instelling(self.tx, INSTELLING_GEMEENTE, g)
                            && self.schrijven_onmogelijk(e).is_some()
                        {
                            fouten.push(ImportFout::op(regel, Some("gemeente"), "de gemeente kon niet worden opgeslagen"));
                        }
                    }
                    Err(_) => fouten.push(ImportFout::op(
                        regel,
                        Some("gemeente"),
                        "de gemeente van het register kon niet worden gelezen",
                    )),
                }
            }
            Some(Value::String(_)) => fouten.push(ImportFout::op(
                regel,
                Some("gemeente"),
                DomeinFout::Leeg.to_string(),
            )),
            Some(Value::Null) | None => {
                fouten.push(ImportFout::op(
                    regel,
                    Some("gemeente"),
                    DomeinFout::Verplicht.to_string(),
                ));
            }
            Some(anders) => fouten.push(ImportFout::op(
                regel,
                Some("gemeente"),
                format!("verwacht tekst, maar dit is {}", soort_van(anders)),
            )),
        }
        self.fouten(fouten);
    }

    /// Counts a stored line of type `soort`.
    fn tel(&mut self, soort: &str) {
        if let Some(i) = RECORDSOORTEN.iter().position(|s| s.naam == soort) {
            self.aantallen[i] += 1;
        }
    }

    /// Checks a parsed record (and its v2 fields) against earlier lines and
    /// the register, then stores it.
    fn record(&mut self, regel: u64, record: &Record, obj: &Map<String, Value>) {
        let mut fouten: Vec<ImportFout> = match record.valideer_op(self.vandaag) {
            Ok(()) => Vec::new(),
            Err(v) => v
                .into_iter()
                .map(|f| ImportFout::op(regel, Some(f.veld), f.fout.to_string()))
                .collect(),
        };
        self.hangt_aan_fout = false;
        self.verwijzingen(regel, record, &mut fouten);
        let id = record_id(record);
        // The fields the v1 record does not hold, read by the table.
        let soort = recordsoort(record.soort());
        let extra = match soort {
            Some(soort) if self.versie >= 2 => {
                let mut l = Lezer {
                    obj,
                    regel,
                    fouten: Vec::new(),
                };
                let waarden: Vec<(&'static Veld, Waarde)> = soort
                    .velden_van(self.versie)
                    .filter(|v| v.sinds >= 2)
                    .filter_map(|v| lees_veld(&mut l, v).map(|w| (v, w)))
                    .collect();
                fouten.extend(l.fouten);
                self.verwijzingen_van(regel, &waarden, &mut fouten);
                waarden
            }
            _ => Vec::new(),
        };
        if !fouten.is_empty() || self.hangt_aan_fout {
            if let Some(id) = id {
                self.ongeldig.insert((record.soort(), id.to_owned()));
            }
            self.fouten(fouten);
            return;
        }
        let geschreven = schrijven::voeg_in(self.tx, record).and_then(|()| match (soort, id) {
            (Some(soort), Some(id)) if !extra.is_empty() => {
                self.schrijf_extra(regel, soort, id, &extra)
            }
            _ => Ok(()),
        });
        match geschreven {
            Ok(()) => {
                self.tel(record.soort());
                let info = match record {
                    Record::Voorziening(v) => Info::Voorziening(v.soort, v.wet),
                    Record::Contract(c) => Info::Contract(c.aanbieder.clone(), c.wet),
                    _ => Info::Gewoon,
                };
                if let Some(id) = id {
                    self.ids.entry(record.soort()).or_default().insert(
                        id.to_owned(),
                        Some(Bekend {
                            info,
                            regel: Some(regel),
                        }),
                    );
                }
                if let Record::Bevolking(b) = record {
                    self.banden.entry(b.jaar).or_default().push((
                        b.leeftijd_van,
                        b.leeftijd_tot,
                        Some(regel),
                    ));
                }
            }
            Err(e) => {
                if let Some(id) = id {
                    self.ongeldig.insert((record.soort(), id.to_owned()));
                }
                let fout = self.schrijffout(regel, record, &e);
                if self.schrijven_onmogelijk(StoreFout::from(e)).is_some() {
                    self.fout(fout);
                }
            }
        }
    }

    /// Checks the references among fields read by the table: each must
    /// name an earlier line or a record in the register; one that may
    /// point to a later line is kept for the end.
    fn verwijzingen_van(
        &mut self,
        regel: u64,
        waarden: &[(&'static Veld, Waarde)],
        f: &mut Vec<ImportFout>,
    ) {
        for (veld, waarde) in waarden {
            match (veld.soort, waarde) {
                (Soort::Verwijst { later: true, .. }, _) => {}
                (Soort::Verwijst { naar, .. }, Waarde::Een(SqlWaarde::Text(id))) => {
                    self.bestaat(regel, veld.naam, tabel_van(naar), id, f);
                }
                (Soort::StapNummer, Waarde::Een(SqlWaarde::Integer(n))) => {
                    self.bestaat(regel, veld.naam, "klantreis_stap", &n.to_string(), f);
                }
                (
                    Soort::Lijst {
                        item: Item::Verwijst(naar),
                        ..
                    },
                    Waarde::Lijst(ids),
                ) => {
                    for id in ids {
                        self.bestaat(regel, veld.naam, tabel_van(naar), id, f);
                    }
                }
                _ => {}
            }
        }
    }

    /// Stores the v2 fields of a record just inserted: its columns in one
    /// `UPDATE`, its lists as rows of their tables; a reference that may
    /// point to a later line is kept for [`Importeur::later_afmaken`].
    fn schrijf_extra(
        &mut self,
        regel: u64,
        soort: &'static RecordSoort,
        id: &str,
        waarden: &[(&'static Veld, Waarde)],
    ) -> rusqlite::Result<()> {
        let mut kolommen = Vec::new();
        let mut params: Vec<SqlWaarde> = Vec::new();
        for (veld, waarde) in waarden {
            match (veld.soort, waarde) {
                (Soort::Verwijst { later: true, naar }, Waarde::Een(SqlWaarde::Text(naar_id))) => {
                    self.later.push((
                        soort.tabel,
                        id.to_owned(),
                        veld,
                        naar,
                        naar_id.clone(),
                        regel,
                    ));
                }
                (
                    Soort::Lijst {
                        tabel, eigenaar, ..
                    },
                    Waarde::Lijst(items),
                ) => {
                    let sql = format!(
                        "INSERT INTO {tabel} ({eigenaar}, {}) VALUES (?1, ?2)",
                        veld.kolom
                    );
                    let mut stmt = self.tx.prepare_cached(&sql)?;
                    for item in items {
                        stmt.execute(params![id, item])?;
                    }
                }
                (_, Waarde::Een(w)) => {
                    kolommen.push(format!("{} = ?{}", veld.kolom, kolommen.len() + 1));
                    params.push(w.clone());
                }
                (_, Waarde::Lijst(_)) => {}
            }
        }
        if !kolommen.is_empty() {
            let sql = format!(
                "UPDATE {} SET {} WHERE {} = ?{}",
                soort.tabel,
                kolommen.join(", "),
                soort.sleutel[0],
                kolommen.len() + 1
            );
            params.push(SqlWaarde::Text(id.to_owned()));
            self.tx
                .prepare_cached(&sql)?
                .execute(rusqlite::params_from_iter(params))?;
        }
        Ok(())
    }

    /// A line of a type read wholly by the table (the v2 types): read,
    /// checked and stored.
    fn rij(&mut self, regel: u64, soort: &'static RecordSoort, obj: &Map<String, Value>) {
        let mut l = Lezer {
            obj,
            regel,
            fouten: Vec::new(),
        };
        onbekende_velden(&mut l, soort, self.versie);
        let waarden: Vec<(&'static Veld, Waarde)> = soort
            .velden_van(self.versie)
            .filter_map(|v| lees_veld(&mut l, v).map(|w| (v, w)))
            .collect();
        let mut fouten = l.fouten;
        self.hangt_aan_fout = false;
        self.verwijzingen_van(regel, &waarden, &mut fouten);
        let tekst = |naam: &str| {
            waarden.iter().find_map(|(v, w)| match w {
                Waarde::Een(SqlWaarde::Text(t)) if v.naam == naam => Some(t.clone()),
                Waarde::Een(SqlWaarde::Integer(n)) if v.naam == naam => Some(n.to_string()),
                _ => None,
            })
        };
        let id = tekst("id");
        if soort.naam == "instelling"
            && tekst("sleutel").as_deref() == Some(INSTELLING_GEMEENTE)
            && let (Some(waarde), Some(gemeente)) = (tekst("waarde"), &self.gemeente)
            && waarde != *gemeente
        {
            fouten.push(ImportFout::op(
                regel,
                Some("waarde"),
                format!(
                    "de gemeente in deze instelling ('{waarde}') verschilt van die in de header ('{gemeente}')"
                ),
            ));
        }
        if !fouten.is_empty() || self.hangt_aan_fout {
            if let Some(id) = id {
                self.ongeldig.insert((soort.tabel, id));
            }
            self.fouten(fouten);
            return;
        }
        let geschreven = if soort.tabel == "audit" {
            self.auditregel(regel, &waarden)
        } else {
            voeg_rij_in(self.tx, soort, &waarden).map_err(|e| self.rijfout(regel, soort, e))
        };
        match geschreven {
            Ok(()) => {
                self.tel(soort.naam);
                if let Some(id) = id {
                    self.ids.entry(soort.tabel).or_default().insert(
                        id,
                        Some(Bekend {
                            info: Info::Gewoon,
                            regel: Some(regel),
                        }),
                    );
                }
            }
            Err(Some(fout)) => {
                if let Some(id) = id {
                    self.ongeldig.insert((soort.tabel, id));
                }
                self.fout(fout);
            }
            Err(None) => {}
        }
    }

    /// A failed write of a table-read line: its message, or `None` when the
    /// import has stopped (see `gestopt`).
    fn rijfout(
        &mut self,
        regel: u64,
        soort: &RecordSoort,
        e: rusqlite::Error,
    ) -> Option<ImportFout> {
        let dubbel = matches!(&e, rusqlite::Error::SqliteFailure(f, _)
            if f.code == ErrorCode::ConstraintViolation
                && (f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
                    || f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE));
        let beperking = matches!(&e, rusqlite::Error::SqliteFailure(f, _)
            if f.code == ErrorCode::ConstraintViolation);
        self.schrijven_onmogelijk(StoreFout::from(e))?;
        Some(if dubbel {
            ImportFout::op(
                regel,
                Some(soort.sleutel[0]),
                format!(
                    "deze {} komt al voor (zelfde {} of een waarde die uniek moet zijn; eerder in het bestand of al in het register)",
                    soort.naam,
                    lijst_tekst(soort.sleutel)
                ),
            )
        } else if beperking {
            ImportFout::op(
                regel,
                None,
                "het register weigert deze regel: hij voldoet niet aan de regels van het register",
            )
        } else {
            ImportFout::op(
                regel,
                None,
                "het register kon deze regel niet opslaan (databasefout)",
            )
        })
    }

    /// Appends a carried audit row, chained under this register's key; it
    /// must be the next row of this register's log.
    fn auditregel(
        &mut self,
        regel: u64,
        waarden: &[(&'static Veld, Waarde)],
    ) -> Result<(), Option<ImportFout>> {
        let veld = |naam: &str| {
            waarden.iter().find_map(|(v, w)| match w {
                Waarde::Een(w) if v.naam == naam => Some(w),
                _ => None,
            })
        };
        let tekst = |naam: &str| match veld(naam) {
            Some(SqlWaarde::Text(t)) => Some(t.as_str()),
            _ => None,
        };
        let volgnummer = match veld("volgnummer") {
            Some(SqlWaarde::Integer(n)) => *n,
            _ => 0,
        };
        let volgend = match crate::store::audit::kop(self.tx) {
            Ok(kop) => kop.map_or(1, |(n, _)| n + 1),
            Err(e) => {
                self.schrijven_onmogelijk(e)
                    .map(|e| ImportFout::op(regel, None, e.to_string()))
                    .map_or(Ok(()), |f| Err(Some(f)))?;
                return Err(None);
            }
        };
        if volgnummer != volgend {
            // Said once: every later audit line would not connect either.
            if std::mem::replace(&mut self.audit_geweigerd, true) {
                return Err(None);
            }
            return Err(Some(ImportFout::op(
                regel,
                Some("volgnummer"),
                if volgend == 1 {
                    format!(
                        "het overgenomen auditlog moet bij regel 1 beginnen en aaneengesloten zijn; dit is regel {volgnummer}"
                    )
                } else {
                    format!(
                        "regel {volgnummer} van het auditlog sluit niet aan: het auditlog van dit register staat bij regel {}; \
                         een auditlog wordt alleen overgenomen in een register zonder auditregels (importeer in een nieuw register), \
                         aaneengesloten vanaf regel 1",
                        volgend - 1
                    )
                },
            )));
        }
        let overgenomen = crate::store::audit::OvergenomenRegel {
            volgnummer,
            tijdstip: tekst("tijdstip").unwrap_or_default(),
            actor: tekst("actor").unwrap_or_default(),
            actie: tekst("actie").unwrap_or_default(),
            object: tekst("object"),
            doel: tekst("doel"),
            resultaat: tekst("resultaat").unwrap_or_default(),
            details: tekst("details"),
        };
        match crate::store::audit::voeg_overgenomen_toe(self.tx, &overgenomen) {
            Ok(()) => Ok(()),
            Err(e) if e.is_omgeving() => {
                self.stop(e);
                Err(None)
            }
            Err(e) => Err(Some(ImportFout::op(
                regel,
                None,
                format!("de auditregel kon niet worden overgenomen: {e}"),
            ))),
        }
    }

    /// At the end of the file: the references that may point to a later
    /// line (a toekenning's `vorige`) must now name a record; then stored.
    fn later_afmaken(&mut self) {
        for (tabel, id, veld, naar, naar_id, regel) in std::mem::take(&mut self.later) {
            let mut fouten = Vec::new();
            self.hangt_aan_fout = false;
            if self
                .bestaat(regel, veld.naam, tabel_van(naar), &naar_id, &mut fouten)
                .is_none()
            {
                self.fouten(fouten);
                continue;
            }
            let sql = format!("UPDATE {tabel} SET {} = ?1 WHERE id = ?2", veld.kolom);
            let gedaan = self
                .tx
                .prepare_cached(&sql)
                .and_then(|mut s| s.execute(params![naar_id, id]));
            if let Err(e) = gedaan
                && self.schrijven_onmogelijk(StoreFout::from(e)).is_some()
            {
                self.fout(ImportFout::op(
                    regel,
                    Some(veld.naam),
                    "het register kon deze verwijzing niet opslaan",
                ));
            }
            if self.gestopt.is_some() {
                return;
            }
        }
    }

    /// Turns a failed `INSERT` into a message a beheerder understands.
    fn schrijffout(&mut self, regel: u64, record: &Record, e: &rusqlite::Error) -> ImportFout {
        let dubbel = matches!(e, rusqlite::Error::SqliteFailure(f, _)
            if f.code == ErrorCode::ConstraintViolation
                && (f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
                    || f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE));
        if dubbel {
            if let Record::Indicatorwaarde(w) = record {
                return ImportFout::op(
                    regel,
                    Some("indicator"),
                    format!(
                        "er is al een waarde voor indicator '{}', jaar {}, soort '{}' \
                         (eerder in het bestand of al in het register); één waarde per indicator, jaar en soort",
                        w.indicator,
                        w.jaar,
                        w.soort.code()
                    ),
                );
            }
            if let Some(id) = record_id(record) {
                let waar = match self.ids.get(record.soort()).and_then(|m| m.get(id)) {
                    Some(Some(Bekend { regel: Some(r), .. })) => {
                        format!("op regel {r} van dit bestand")
                    }
                    _ => "al in het register".to_owned(),
                };
                return ImportFout::op(
                    regel,
                    Some("id"),
                    format!("id '{id}' komt al voor ({waar}); een id is uniek binnen zijn type"),
                );
            }
            return ImportFout::op(
                regel,
                None,
                "deze regel komt al voor (in het bestand of in het register)",
            );
        }
        let reden = match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == ErrorCode::ConstraintViolation => {
                "het register weigert deze regel: hij voldoet niet aan de regels van het register"
            }
            _ => "het register kon deze regel niet opslaan (databasefout)",
        };
        ImportFout::op(regel, None, reden)
    }

    /// What is known of `id` in `tabel`, from the cache or one lookup.
    fn zoek(&mut self, tabel: &'static str, id: &str) -> Option<Bekend> {
        if let Some(bekend) = self.ids.get(tabel).and_then(|m| m.get(id)) {
            return bekend.clone();
        }
        let gevonden = zoek_in_register(self.tx, tabel, id).ok().flatten();
        self.ids
            .entry(tabel)
            .or_default()
            .insert(id.to_owned(), gevonden.clone());
        gevonden
    }

    /// Checks that `id` names an existing record of `tabel`; its details when it does.
    fn bestaat(
        &mut self,
        regel: u64,
        veld: &str,
        tabel: &'static str,
        id: &str,
        fouten: &mut Vec<ImportFout>,
    ) -> Option<Info> {
        if let Some(b) = self.zoek(tabel, id) {
            return Some(b.info);
        }
        if self.ongeldig.contains(&(tabel, id.to_owned())) {
            self.hangt_aan_fout = true;
        } else {
            fouten.push(ImportFout::op(
                regel,
                Some(veld),
                format!(
                    "verwijst naar {tabel} '{id}', die niet bestaat (niet eerder in het bestand en niet in het register)"
                ),
            ));
        }
        None
    }

    fn bestaat_opt(
        &mut self,
        regel: u64,
        veld: &str,
        tabel: &'static str,
        id: Option<&String>,
        fouten: &mut Vec<ImportFout>,
    ) -> Option<Info> {
        id.and_then(|id| self.bestaat(regel, veld, tabel, id, fouten))
    }

    /// The cross-record checks of one record.
    fn verwijzingen(&mut self, regel: u64, record: &Record, f: &mut Vec<ImportFout>) {
        match record {
            Record::Wijkteam(_)
            | Record::Aanbieder(_)
            | Record::Voorziening(_)
            | Record::Indicatorwaarde(_) => {
                if let Record::Indicatorwaarde(w) = record
                    && !is_bekende_code(&w.indicator)
                    && !self.eigen_indicatoren.contains(&w.indicator)
                {
                    match crate::store::eigen_indicatoren::indicator(self.tx, &w.indicator) {
                        Ok(Some(_)) => {}
                        Ok(None) => f.push(ImportFout::op(
                            regel,
                            Some("indicator"),
                            format!(
                                "'{}' is geen indicator uit de catalogus (indicators.md) en geen eigen indicator van een eerdere regel of van het register",
                                w.indicator
                            ),
                        )),
                        Err(e) => {
                            if let Some(fout) = self.schrijven_onmogelijk(e) {
                                f.push(ImportFout::op(regel, Some("indicator"), fout.to_string()));
                            }
                        }
                    }
                }
            }
            Record::Medewerker(r) => {
                self.bestaat_opt(regel, "wijkteam", "wijkteam", r.wijkteam.as_ref(), f);
            }
            Record::Inwoner(r) => {
                self.bestaat_opt(regel, "wijkteam", "wijkteam", r.wijkteam.as_ref(), f);
                self.bsn_uniek(regel, r, f);
            }
            Record::Contract(r) => {
                self.bestaat(regel, "aanbieder", "aanbieder", &r.aanbieder, f);
            }
            Record::Melding(r) => {
                self.bestaat(regel, "inwoner", "inwoner", &r.inwoner, f);
                self.bestaat_opt(
                    regel,
                    "gevraagde_voorziening",
                    "voorziening",
                    r.gevraagde_voorziening.as_ref(),
                    f,
                );
                self.bestaat_opt(regel, "medewerker", "medewerker", r.medewerker.as_ref(), f);
            }
            Record::Verwijzing(r) => {
                self.bestaat(regel, "melding", "melding", &r.melding, f);
                if let Some(Info::Voorziening(VoorzieningSoort::Maatwerk, _)) =
                    self.bestaat(regel, "voorziening", "voorziening", &r.voorziening, f)
                {
                    f.push(ImportFout::op(
                        regel,
                        Some("voorziening"),
                        format!(
                            "voorziening '{}' is een maatwerkvoorziening; een verwijzing gaat naar een algemene \
                             of voorliggende voorziening (maatwerk wordt een toekenning)",
                            r.voorziening
                        ),
                    ));
                }
            }
            Record::Toekenning(r) => self.toekenning(regel, r, f),
            Record::Ave(r) => {
                self.bestaat_opt(
                    regel,
                    "casusregisseur",
                    "medewerker",
                    r.casusregisseur.as_ref(),
                    f,
                );
            }
            Record::Vordering(r) => {
                self.bestaat_opt(regel, "inwoner", "inwoner", r.inwoner.as_ref(), f);
                self.bestaat_opt(regel, "aanbieder", "aanbieder", r.aanbieder.as_ref(), f);
            }
            Record::Bevolking(b) => self.bevolking(regel, b, f),
        }
    }

    /// One BSN, one resident: not twice in the file, not already in the
    /// register (one indexed lookup per BSN).
    fn bsn_uniek(&mut self, regel: u64, r: &Inwoner, f: &mut Vec<ImportFout>) {
        let Some(bsn) = &r.bsn else { return };
        let bsn = bsn.as_str();
        if let Some((inwoner, eerder)) = self.bsns.get(bsn) {
            f.push(ImportFout::op(
                regel,
                Some("bsn"),
                DomeinFout::BsnAlInBestand {
                    bsn: bsn.to_owned(),
                    regel: *eerder,
                    inwoner: inwoner.clone(),
                }
                .to_string(),
            ));
            return;
        }
        match inwoner_met_bsn(self.tx, bsn) {
            Ok(Some(inwoner)) => f.push(ImportFout::op(
                regel,
                Some("bsn"),
                DomeinFout::BsnAlInRegister {
                    bsn: bsn.to_owned(),
                    inwoner,
                }
                .to_string(),
            )),
            Ok(None) => {
                self.bsns.insert(bsn.to_owned(), (r.id.clone(), regel));
            }
            Err(e) => f.push(ImportFout::op(
                regel,
                Some("bsn"),
                format!(
                    "het register kon niet worden doorzocht op dit BSN: {}",
                    StoreFout::from(e)
                ),
            )),
        }
    }

    fn toekenning(&mut self, regel: u64, r: &Toekenning, f: &mut Vec<ImportFout>) {
        self.bestaat(regel, "inwoner", "inwoner", &r.inwoner, f);
        self.bestaat_opt(regel, "melding", "melding", r.melding.as_ref(), f);
        self.bestaat_opt(regel, "aanbieder", "aanbieder", r.aanbieder.as_ref(), f);
        let voorziening = self.bestaat(regel, "voorziening", "voorziening", &r.voorziening, f);
        let mut wet_voorziening = None;
        if let Some(Info::Voorziening(soort, wet)) = voorziening {
            if soort == VoorzieningSoort::Maatwerk {
                wet_voorziening = wet;
            } else {
                f.push(ImportFout::op(
                    regel,
                    Some("voorziening"),
                    format!(
                        "voorziening '{}' is geen maatwerkvoorziening maar een {}; een toekenning is alleen \
                         voor maatwerk (een algemene of voorliggende voorziening wordt een verwijzing)",
                        r.voorziening,
                        soort.label().to_lowercase()
                    ),
                ));
            }
        }
        if let Some(Info::Contract(aanbieder, wet)) =
            self.bestaat_opt(regel, "contract", "contract", r.contract.as_ref(), f)
        {
            let contract = r.contract.as_deref().unwrap_or_default();
            if let Some(eigen) = &r.aanbieder
                && *eigen != aanbieder
            {
                f.push(ImportFout::op(
                    regel,
                    Some("contract"),
                    format!(
                        "contract '{contract}' is van aanbieder '{aanbieder}', maar deze toekenning noemt aanbieder '{eigen}'"
                    ),
                ));
            }
            if let Some(wet_v) = wet_voorziening
                && wet_v != wet
            {
                f.push(ImportFout::op(
                    regel,
                    Some("contract"),
                    format!(
                        "contract '{contract}' valt onder de {}, maar voorziening '{}' onder de {}",
                        wet.label(),
                        r.voorziening,
                        wet_v.label()
                    ),
                ));
            }
        }
    }

    fn bevolking(&mut self, regel: u64, b: &Bevolking, f: &mut Vec<ImportFout>) {
        if !self.banden.contains_key(&b.jaar) {
            // A failed read is this line's error, never "no bands yet".
            match banden_in_register(self.tx, b.jaar) {
                Ok(uit_register) => {
                    self.banden.insert(b.jaar, uit_register);
                }
                Err(e) => {
                    f.push(ImportFout::op(
                        regel,
                        Some("jaar"),
                        format!(
                            "de leeftijdsbanden van {} in het register konden niet worden gelezen: {}",
                            b.jaar,
                            StoreFout::from(e)
                        ),
                    ));
                    return;
                }
            }
        }
        let banden = self
            .banden
            .get(&b.jaar)
            .map(Vec::as_slice)
            .unwrap_or_default();
        if let Some((van, tot, waar)) = banden
            .iter()
            .find(|(van, tot, _)| b.leeftijd_van <= *tot && *van <= b.leeftijd_tot)
        {
            let waar =
                waar.map_or_else(|| "in het register".to_owned(), |r| format!("op regel {r}"));
            f.push(ImportFout::op(
                regel,
                Some("leeftijd_van"),
                format!(
                    "de leeftijdsband {}–{} van {} overlapt met de band {van}–{tot} ({waar}); banden van één jaar \
                     mogen niet overlappen",
                    b.leeftijd_van, b.leeftijd_tot, b.jaar
                ),
            ));
        }
    }
}

/// The id of a record, for the types that have one.
fn record_id(record: &Record) -> Option<&str> {
    Some(match record {
        Record::Wijkteam(r) => &r.id,
        Record::Medewerker(r) => &r.id,
        Record::Aanbieder(r) => &r.id,
        Record::Contract(r) => &r.id,
        Record::Voorziening(r) => &r.id,
        Record::Inwoner(r) => &r.id,
        Record::Melding(r) => &r.id,
        Record::Verwijzing(r) => &r.id,
        Record::Toekenning(r) => &r.id,
        Record::Ave(r) => &r.id,
        Record::Vordering(r) => &r.id,
        Record::Bevolking(_) | Record::Indicatorwaarde(_) => return None,
    })
}

/// One indexed lookup of an id in the register.
fn zoek_in_register(
    tx: &Transaction<'_>,
    tabel: &'static str,
    id: &str,
) -> rusqlite::Result<Option<Bekend>> {
    let info = match tabel {
        "voorziening" => tx
            .prepare_cached("SELECT soort, wet FROM voorziening WHERE id = ?1")?
            .query_row(params![id], |r| {
                Ok(Info::Voorziening(
                    kolom::lijst(r, 0, VoorzieningSoort::parse)?,
                    kolom::optie_lijst(r, 1, Wet::parse)?,
                ))
            })
            .optional()?,
        "contract" => tx
            .prepare_cached("SELECT aanbieder, wet FROM contract WHERE id = ?1")?
            .query_row(params![id], |r| {
                Ok(Info::Contract(r.get(0)?, kolom::lijst(r, 1, Wet::parse)?))
            })
            .optional()?,
        _ => {
            // `tabel` is always one of the fixed record type names, never input.
            let sql = format!("SELECT 1 FROM {tabel} WHERE id = ?1");
            tx.prepare_cached(&sql)?
                .query_row(params![id], |_| Ok(Info::Gewoon))
                .optional()?
        }
    };
    Ok(info.map(|info| Bekend { info, regel: None }))
}

/// The resident in the register with this BSN, if any (index `inwoner_bsn`).
fn inwoner_met_bsn(tx: &Transaction<'_>, bsn: &str) -> rusqlite::Result<Option<String>> {
    tx.prepare_cached("SELECT id FROM inwoner WHERE bsn = ?1 ORDER BY id LIMIT 1")?
        .query_row(params![bsn], |r| r.get(0))
        .optional()
}

/// The age bands of one year already in the register.
fn banden_in_register(
    tx: &Transaction<'_>,
    jaar: i32,
) -> rusqlite::Result<Vec<(u8, u8, Option<u64>)>> {
    let mut stmt =
        tx.prepare_cached("SELECT leeftijd_van, leeftijd_tot FROM bevolking WHERE jaar = ?1")?;
    let rijen = stmt.query_map(params![jaar], |r| {
        Ok((r.get::<_, u8>(0)?, r.get::<_, u8>(1)?, None))
    })?;
    rijen.collect()
}

/// Parses the bytes of one line into a JSON object.
fn lees_object(regel: u64, bytes: &[u8]) -> Result<Map<String, Value>, ImportFout> {
    let tekst = std::str::from_utf8(bytes).map_err(|e| {
        ImportFout::op(
            regel,
            None,
            format!(
                "de regel is geen geldige UTF-8-tekst (ongeldige byte op positie {}); sla het bestand op als UTF-8",
                e.valid_up_to() + 1
            ),
        )
    })?;
    let waarde: Value = serde_json::from_str(tekst)
        .map_err(|e| ImportFout::op(regel, None, json_fout_tekst(&e)))?;
    match waarde {
        Value::Object(obj) => Ok(obj),
        anders => Err(ImportFout::op(
            regel,
            None,
            format!(
                "elke regel is één JSON-object ({{…}}), maar deze regel is {}",
                soort_van(&anders)
            ),
        )),
    }
}

/// A `serde_json` error in Dutch.
fn json_fout_tekst(e: &serde_json::Error) -> String {
    if e.to_string().contains("recursion limit") {
        return "de JSON is te diep genest (lijsten of objecten in elkaar); dit is geen regel van het \
                uitwisselingsformaat"
            .to_owned();
    }
    match e.classify() {
        serde_json::error::Category::Eof => {
            "de JSON-regel is onvolledig (hij houdt halverwege op)".to_owned()
        }
        _ => format!("dit is geen geldige JSON (fout rond teken {})", e.column()),
    }
}

/// The JSON kind of a value, in Dutch, for messages.
fn soort_van(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "een waar/onwaar-waarde",
        Value::Number(_) => "een getal",
        Value::String(_) => "tekst",
        Value::Array(_) => "een lijst",
        Value::Object(_) => "een object",
    }
}

/// Names joined for a message: "'a', 'b' of 'c'".
fn lijst_tekst(namen: &[&str]) -> String {
    crate::domain::waarden::codes_als_tekst(namen)
}

/// Parses one exchange line (not the header) of a v1 record type into a
/// record, without checks against other records (v2 fields are allowed and
/// not read). Used by the import and by tests.
pub fn lees_regel_record(regel: u64, tekst: &str) -> Result<Record, Vec<ImportFout>> {
    let obj = lees_object(regel, tekst.as_bytes()).map_err(|f| vec![f])?;
    lees_record(regel, &obj, VERSIE).map_err(|(f, _)| f)
}

/// The table of record type `naar` (a type of the field table).
fn tabel_van(naar: &str) -> &'static str {
    recordsoort(naar).map_or("", |s| s.tabel)
}

/// A value read by the field table: one column, or the items of a list.
#[derive(Debug, Clone)]
enum Waarde {
    Een(SqlWaarde),
    Lijst(Vec<String>),
}

/// Reports every field of `obj` that type `soort` does not have in `versie`.
fn onbekende_velden(l: &mut Lezer<'_>, soort: &RecordSoort, versie: i64) {
    let velden: Vec<&str> = soort.velden_van(versie).map(|v| v.naam).collect();
    for sleutel in l.obj.keys() {
        if sleutel != "type" && !velden.contains(&sleutel.as_str()) {
            let reden = match soort.veld(sleutel) {
                Some(v) => format!(
                    "het veld '{sleutel}' bestaat pas in versie {} van het formaat; dit bestand is versie {versie}",
                    v.sinds
                ),
                None => format!(
                    "onbekend veld voor type '{}'; toegestaan zijn {}",
                    soort.naam,
                    lijst_tekst(&velden)
                ),
            };
            l.fout(sleutel, reden);
        }
    }
}

/// Reads one field by its kind; `None` when absent or wrong (the error is
/// in `l`). Text is held to the domain's rule on control characters.
fn lees_veld(l: &mut Lezer<'_>, veld: &Veld) -> Option<Waarde> {
    let eis = if veld.verplicht { V } else { O };
    let naam = veld.naam;
    let tekst = |l: &mut Lezer<'_>, meerregelig: bool| {
        let t = l.tekst(naam, eis)?;
        if let Err(f) = controleer_tekens(&t, meerregelig) {
            l.fout(naam, f.to_string());
            return None;
        }
        Some(t)
    };
    let een = |w: SqlWaarde| Some(Waarde::Een(w));
    match veld.soort {
        Soort::Tekst | Soort::Verwijst { .. } => {
            let t = tekst(l, false)?;
            if veld.verplicht && t.trim().is_empty() {
                l.fout(naam, DomeinFout::Leeg.to_string());
                return None;
            }
            een(SqlWaarde::Text(t))
        }
        Soort::LangeTekst => een(SqlWaarde::Text(tekst(l, true)?)),
        Soort::Tijdstip => {
            let t = tekst(l, false)?;
            if t.trim().is_empty() {
                l.fout(naam, DomeinFout::Leeg.to_string());
                return None;
            }
            een(SqlWaarde::Text(t))
        }
        Soort::Datum => een(SqlWaarde::Text(crate::domain::datum::iso(
            l.datum(naam, eis)?,
        ))),
        Soort::Geheel { van, tot } => een(SqlWaarde::Integer(l.geheel(naam, eis, van, tot)?)),
        Soort::StapNummer => een(SqlWaarde::Integer(l.geheel(naam, eis, 1, i64::MAX)?)),
        Soort::Getal => een(SqlWaarde::Real(l.getal(naam)?)),
        Soort::WaarOnwaar => een(SqlWaarde::Integer(i64::from(l.waar_onwaar_eis(naam, eis)?))),
        Soort::Bedrag => een(SqlWaarde::Integer(l.bedrag(naam)?)),
        Soort::Code { geldig, codes } => {
            let t = l.tekst(naam, eis)?;
            if !geldig(&t) {
                l.fout(
                    naam,
                    DomeinFout::NietInLijst {
                        waarde: t,
                        toegestaan: codes(),
                    }
                    .to_string(),
                );
                return None;
            }
            een(SqlWaarde::Text(t))
        }
        Soort::Wachtwoordhash => {
            let t = tekst(l, false)?;
            if !t.starts_with("$argon2id$") {
                l.fout(
                    naam,
                    "is geen argon2id-hash (die begint met '$argon2id$'); een uitwisselbestand bevat nooit een \
                     wachtwoord, alleen de hash zoals het register die bewaart",
                );
                return None;
            }
            een(SqlWaarde::Text(t))
        }
        Soort::Lijst { item, .. } => {
            let items = l.lijst(naam)?;
            for t in &items {
                let fout = match item {
                    Item::Code { geldig, codes } if !geldig(t) => Some(
                        DomeinFout::NietInLijst {
                            waarde: t.clone(),
                            toegestaan: codes(),
                        }
                        .to_string(),
                    ),
                    _ if t.trim().is_empty() => Some(DomeinFout::Leeg.to_string()),
                    _ => controleer_tekens(t, false).err().map(|f| f.to_string()),
                };
                if let Some(f) = fout {
                    l.fout(naam, f);
                    return None;
                }
            }
            Some(Waarde::Lijst(items))
        }
        // Only in a domain record (the toekenning), read there.
        Soort::Afweging { .. } => None,
    }
}

/// Inserts a line of a table-read type: only the columns it gives (the
/// others keep their defaults); a type that replaces (`vervangt`) updates
/// the row with the same key.
fn voeg_rij_in(
    tx: &Transaction<'_>,
    soort: &RecordSoort,
    waarden: &[(&'static Veld, Waarde)],
) -> rusqlite::Result<()> {
    let mut kolommen = Vec::new();
    let mut params: Vec<SqlWaarde> = Vec::new();
    for (veld, waarde) in waarden {
        if let Waarde::Een(w) = waarde {
            kolommen.push(veld.kolom);
            params.push(w.clone());
        }
    }
    let plaatsen: Vec<String> = (1..=kolommen.len()).map(|i| format!("?{i}")).collect();
    let mut sql = format!(
        "INSERT INTO {} ({}) VALUES ({})",
        soort.tabel,
        kolommen.join(", "),
        plaatsen.join(", ")
    );
    if soort.vervangt {
        let bij: Vec<String> = kolommen
            .iter()
            .filter(|k| !soort.sleutel.contains(k))
            .map(|k| format!("{k} = excluded.{k}"))
            .collect();
        let _ = write!(
            sql,
            " ON CONFLICT ({}) DO UPDATE SET {}",
            soort.sleutel.join(", "),
            bij.join(", ")
        );
    }
    tx.prepare_cached(&sql)?
        .execute(rusqlite::params_from_iter(params))?;
    Ok(())
}

/// Why a line is not a record: its errors and, when readable, its type and id.
type RecordFout = (Vec<ImportFout>, Option<(&'static str, String)>);

/// Parses a JSON object into a record, with precise field errors, and runs
/// the record's own validation.
fn lees_record(regel: u64, obj: &Map<String, Value>, versie: i64) -> Result<Record, RecordFout> {
    let soort = match obj.get("type") {
        None | Some(Value::Null) => {
            return Err((
                vec![ImportFout::op(
                    regel,
                    Some("type"),
                    DomeinFout::Verplicht.to_string(),
                )],
                None,
            ));
        }
        Some(Value::String(s)) => s.as_str(),
        Some(anders) => {
            return Err((
                vec![ImportFout::op(
                    regel,
                    Some("type"),
                    format!("verwacht tekst, maar dit is {}", soort_van(anders)),
                )],
                None,
            ));
        }
    };
    let Some(recordsoort) = recordsoort(soort).filter(|s| s.domein && s.sinds <= versie) else {
        let soorten: Vec<&str> = RECORDSOORTEN
            .iter()
            .filter(|s| s.sinds <= versie)
            .map(|s| s.naam)
            .collect();
        let reden = match recordsoort(soort) {
            Some(s) if s.sinds > versie => format!(
                "het type '{soort}' bestaat pas in versie {} van het formaat; dit bestand is versie {versie}",
                s.sinds
            ),
            _ => format!(
                "onbekend type '{soort}'; kies uit {}",
                lijst_tekst(&soorten)
            ),
        };
        return Err((vec![ImportFout::op(regel, Some("type"), reden)], None));
    };
    let soort = recordsoort.naam;
    let mut l = Lezer {
        obj,
        regel,
        fouten: Vec::new(),
    };
    onbekende_velden(&mut l, recordsoort, versie);
    let record = bouw(&mut l, soort);
    let id = obj
        .get("id")
        .and_then(Value::as_str)
        .map(|id| (soort, id.to_owned()));
    match record {
        Some(r) if l.fouten.is_empty() => Ok(r),
        _ => {
            if l.fouten.is_empty() {
                l.fout("type", "de regel kon niet worden gelezen");
            }
            Err((l.fouten, id))
        }
    }
}

/// The answers of an `afweging`, in order.
const TREDEN: [&str; 4] = [
    "eigen_kracht",
    "netwerk",
    "algemene_voorziening",
    "voorliggende_voorziening",
];

/// Whether a field must be present.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Eis {
    Verplicht,
    Optioneel,
}
use Eis::{Optioneel as O, Verplicht as V};

/// Reads the fields of one object, collecting errors.
struct Lezer<'a> {
    obj: &'a Map<String, Value>,
    regel: u64,
    fouten: Vec<ImportFout>,
}

impl<'a> Lezer<'a> {
    fn fout(&mut self, veld: &str, reden: impl Into<String>) {
        self.fouten
            .push(ImportFout::op(self.regel, Some(veld), reden));
    }

    /// The value of a field; absent and `null` are the same.
    fn veld(&mut self, veld: &str, eis: Eis) -> Option<&'a Value> {
        match self.obj.get(veld) {
            None | Some(Value::Null) => {
                if eis == V {
                    self.fout(veld, DomeinFout::Verplicht.to_string());
                }
                None
            }
            Some(v) => Some(v),
        }
    }

    fn verwacht(&mut self, veld: &str, wat: &str, v: &Value) {
        self.fout(
            veld,
            format!("verwacht {wat}, maar dit is {}", soort_van(v)),
        );
    }

    fn tekst(&mut self, veld: &str, eis: Eis) -> Option<String> {
        match self.veld(veld, eis)? {
            Value::String(s) => Some(s.clone()),
            v => {
                self.verwacht(veld, "tekst (tussen aanhalingstekens)", v);
                None
            }
        }
    }

    fn code<T>(
        &mut self,
        veld: &str,
        eis: Eis,
        parse: fn(&str) -> Option<T>,
        codes: fn() -> String,
    ) -> Option<T> {
        let tekst = self.tekst(veld, eis)?;
        let waarde = parse(&tekst);
        if waarde.is_none() {
            self.fout(
                veld,
                DomeinFout::NietInLijst {
                    waarde: tekst,
                    toegestaan: codes(),
                }
                .to_string(),
            );
        }
        waarde
    }

    fn datum(&mut self, veld: &str, eis: Eis) -> Option<chrono::NaiveDate> {
        let tekst = self.tekst(veld, eis)?;
        let datum = parse_iso(&tekst);
        if datum.is_none() {
            self.fout(veld, DomeinFout::Datum(tekst).to_string());
        }
        datum
    }

    fn waar_onwaar(&mut self, veld: &str) -> Option<bool> {
        self.waar_onwaar_eis(veld, O)
    }

    fn waar_onwaar_eis(&mut self, veld: &str, eis: Eis) -> Option<bool> {
        match self.veld(veld, eis)? {
            Value::Bool(b) => Some(*b),
            v => {
                self.verwacht(veld, "true of false", v);
                None
            }
        }
    }

    fn geheel(&mut self, veld: &str, eis: Eis, van: i64, tot: i64) -> Option<i64> {
        let v = self.veld(veld, eis)?;
        let Value::Number(n) = v else {
            self.verwacht(veld, "een geheel getal", v);
            return None;
        };
        let Some(getal) = n.as_i64() else {
            if n.is_u64() {
                self.fout(
                    veld,
                    format!("{n} ligt buiten het bereik {van} tot en met {tot}"),
                );
            } else {
                self.fout(veld, format!("verwacht een geheel getal, maar dit is {n}"));
            }
            return None;
        };
        if !(van..=tot).contains(&getal) {
            self.fout(
                veld,
                DomeinFout::BuitenBereik {
                    waarde: getal,
                    van,
                    tot,
                }
                .to_string(),
            );
            return None;
        }
        Some(getal)
    }

    fn getal(&mut self, veld: &str) -> Option<f64> {
        match self.veld(veld, O)? {
            Value::Number(n) => n.as_f64(),
            v => {
                self.verwacht(veld, "een getal", v);
                None
            }
        }
    }

    /// An amount in euros with at most two decimals, as whole cents.
    fn bedrag(&mut self, veld: &str) -> Option<i64> {
        let v = self.veld(veld, V)?;
        let Value::Number(n) = v else {
            self.verwacht(veld, "een bedrag als getal (bijvoorbeeld 1520.50)", v);
            return None;
        };
        let tekst = n.to_string();
        let euro = n
            .as_f64()
            .filter(|x| x.is_finite() && *x >= 0.0 && *x <= 1e13);
        let Some(euro) = euro else {
            self.fout(veld, DomeinFout::Bedrag(tekst).to_string());
            return None;
        };
        let cent = (euro * 100.0).round();
        let decimalen = match tekst.split_once('.') {
            Some((_, d)) if !d.contains(['e', 'E']) => d.len(),
            Some(_) => usize::MAX,
            None if tekst.contains(['e', 'E']) => usize::MAX,
            None => 0,
        };
        // Two decimals as written, or a value that is exactly a whole number of cents.
        if decimalen > 2 && (cent / 100.0).to_bits() != euro.to_bits() {
            self.fout(veld, DomeinFout::Bedrag(tekst).to_string());
            return None;
        }
        Some(cent as i64)
    }

    fn bsn(&mut self, veld: &str) -> Option<Bsn> {
        let tekst = self.tekst(veld, O)?;
        match Bsn::parse(&tekst) {
            Ok(b) => Some(b),
            Err(e) => {
                self.fout(veld, DomeinFout::Bsn(e).to_string());
                None
            }
        }
    }

    fn kenmerken(&mut self, veld: &str) -> Vec<String> {
        self.lijst(veld).unwrap_or_default()
    }

    /// A list of distinct texts; `None` when absent or wrong.
    fn lijst(&mut self, veld: &str) -> Option<Vec<String>> {
        let v = self.veld(veld, O)?;
        let Value::Array(lijst) = v else {
            self.verwacht(veld, "een lijst van teksten ([\"…\", \"…\"])", v);
            return None;
        };
        let wat = if veld == "kenmerken" {
            "kenmerk"
        } else {
            "waarde"
        };
        let mut uit = Vec::with_capacity(lijst.len());
        for item in lijst {
            match item {
                Value::String(s) if uit.contains(s) => {
                    self.fout(veld, format!("{wat} '{s}' staat twee keer in de lijst"));
                    return None;
                }
                Value::String(s) => uit.push(s.clone()),
                anders => {
                    self.fout(
                        veld,
                        format!(
                            "elk{} {wat} is tekst, maar de lijst bevat {}",
                            if veld == "kenmerken" { "" } else { "e" },
                            soort_van(anders)
                        ),
                    );
                    return None;
                }
            }
        }
        Some(uit)
    }

    fn afweging(&mut self, veld: &str) -> Option<Afweging> {
        let waarde = self.veld(veld, O)?;
        let Value::Object(obj) = waarde else {
            self.verwacht(
                veld,
                "een object met eigen_kracht, netwerk, algemene_voorziening en voorliggende_voorziening",
                waarde,
            );
            return None;
        };
        for sleutel in obj.keys() {
            if !TREDEN.contains(&sleutel.as_str()) {
                self.fout(
                    &format!("{veld}.{sleutel}"),
                    format!(
                        "onbekend veld in de afweging; toegestaan zijn {}",
                        lijst_tekst(&TREDEN)
                    ),
                );
            }
        }
        let mut antwoorden: [Option<String>; 4] = Default::default();
        for (trede, antwoord) in TREDEN.iter().zip(antwoorden.iter_mut()) {
            let pad = format!("{veld}.{trede}");
            match obj.get(*trede) {
                None | Some(Value::Null) => self.fout(
                    &pad,
                    format!(
                        "{}; de afweging heeft alle vier de antwoorden of ontbreekt helemaal",
                        DomeinFout::Verplicht
                    ),
                ),
                Some(Value::String(s)) => *antwoord = Some(s.clone()),
                Some(anders) => self.verwacht(&pad, "tekst", anders),
            }
        }
        let [
            eigen_kracht,
            netwerk,
            algemene_voorziening,
            voorliggende_voorziening,
        ] = antwoorden;
        Some(Afweging {
            eigen_kracht: eigen_kracht?,
            netwerk: netwerk?,
            algemene_voorziening: algemene_voorziening?,
            voorliggende_voorziening: voorliggende_voorziening?,
        })
    }
}

/// Builds the record of type `soort` from the fields; `None` when a field is
/// wrong (the errors are in `l`).
fn bouw(l: &mut Lezer<'_>, soort: &str) -> Option<Record> {
    Some(match soort {
        "wijkteam" => {
            let (id, naam) = (l.tekst("id", V), l.tekst("naam", V));
            Record::Wijkteam(Wijkteam {
                id: id?,
                naam: naam?,
            })
        }
        "medewerker" => {
            let id = l.tekst("id", V);
            let naam = l.tekst("naam", V);
            let rol = l.code("rol", V, Rol::parse, Rol::codes_tekst);
            let wijkteam = l.tekst("wijkteam", O);
            Record::Medewerker(Medewerker {
                id: id?,
                naam: naam?,
                rol: rol?,
                wijkteam,
            })
        }
        "aanbieder" => {
            let (id, naam, kvk) = (l.tekst("id", V), l.tekst("naam", V), l.tekst("kvk", O));
            Record::Aanbieder(Aanbieder {
                id: id?,
                naam: naam?,
                kvk,
            })
        }
        "contract" => {
            let id = l.tekst("id", V);
            let aanbieder = l.tekst("aanbieder", V);
            let wet = l.code("wet", V, Wet::parse, Wet::codes_tekst);
            let soort = l.code("soort", V, ContractSoort::parse, ContractSoort::codes_tekst);
            let van = l.datum("van", V);
            let tot = l.datum("tot", O);
            Record::Contract(Contract {
                id: id?,
                aanbieder: aanbieder?,
                wet: wet?,
                soort: soort?,
                van: van?,
                tot,
            })
        }
        "voorziening" => {
            let id = l.tekst("id", V);
            let naam = l.tekst("naam", V);
            let soort = l.code(
                "soort",
                V,
                VoorzieningSoort::parse,
                VoorzieningSoort::codes_tekst,
            );
            let wet = l.code("wet", O, Wet::parse, Wet::codes_tekst);
            let categorie = l.tekst("categorie", O);
            let kenmerken = l.kenmerken("kenmerken");
            Record::Voorziening(Voorziening {
                id: id?,
                naam: naam?,
                soort: soort?,
                wet,
                categorie,
                kenmerken,
            })
        }
        "inwoner" => {
            let id = l.tekst("id", V);
            let bsn = l.bsn("bsn");
            let voornaam = l.tekst("voornaam", V);
            let achternaam = l.tekst("achternaam", V);
            let geboortedatum = l.datum("geboortedatum", V);
            let geslacht = l.code("geslacht", O, Geslacht::parse, Geslacht::codes_tekst);
            let huishouden = l.tekst("huishouden", V);
            let wijkteam = l.tekst("wijkteam", O);
            let woonplaats = l.tekst("woonplaats", V);
            Record::Inwoner(Inwoner {
                id: id?,
                bsn,
                voornaam: voornaam?,
                achternaam: achternaam?,
                geboortedatum: geboortedatum?,
                geslacht,
                huishouden: huishouden?,
                wijkteam,
                woonplaats: woonplaats?,
            })
        }
        "melding" => {
            let id = l.tekst("id", V);
            let inwoner = l.tekst("inwoner", V);
            let datum = l.datum("datum", V);
            let bron = l.code("bron", V, Bron::parse, Bron::codes_tekst);
            let wet = l.code("wet", O, Wet::parse, Wet::codes_tekst);
            let gevraagde_voorziening = l.tekst("gevraagde_voorziening", O);
            let medewerker = l.tekst("medewerker", O);
            let gesprek = l.datum("gesprek", O);
            let onderzoek_klaar = l.datum("onderzoek_klaar", O);
            let afgesloten = l.datum("afgesloten", O);
            let uitkomst = l.code(
                "uitkomst",
                O,
                MeldingUitkomst::parse,
                MeldingUitkomst::codes_tekst,
            );
            Record::Melding(Melding {
                id: id?,
                inwoner: inwoner?,
                datum: datum?,
                bron: bron?,
                wet,
                gevraagde_voorziening,
                medewerker,
                gesprek,
                onderzoek_klaar,
                afgesloten,
                uitkomst,
            })
        }
        "verwijzing" => {
            let id = l.tekst("id", V);
            let melding = l.tekst("melding", V);
            let voorziening = l.tekst("voorziening", V);
            let datum = l.datum("datum", V);
            let status = l.code(
                "status",
                V,
                VerwijzingStatus::parse,
                VerwijzingStatus::codes_tekst,
            );
            let afgerond_op = l.datum("afgerond_op", O);
            let opgelost = l.waar_onwaar("opgelost");
            Record::Verwijzing(Verwijzing {
                id: id?,
                melding: melding?,
                voorziening: voorziening?,
                datum: datum?,
                status: status?,
                afgerond_op,
                opgelost,
            })
        }
        "toekenning" => {
            let id = l.tekst("id", V);
            let inwoner = l.tekst("inwoner", V);
            let voorziening = l.tekst("voorziening", V);
            let aanbieder = l.tekst("aanbieder", O);
            let contract = l.tekst("contract", O);
            let melding = l.tekst("melding", O);
            let verwijzer = l.code("verwijzer", V, Verwijzer::parse, Verwijzer::codes_tekst);
            let aanvraag = l.datum("aanvraag", O);
            let besluit = l.datum("besluit", V);
            let uitkomst = l.code(
                "uitkomst",
                V,
                BesluitUitkomst::parse,
                BesluitUitkomst::codes_tekst,
            );
            let start = l.datum("start", O);
            let eind = l.datum("eind", O);
            let leveringsvorm = l.code(
                "leveringsvorm",
                O,
                Leveringsvorm::parse,
                Leveringsvorm::codes_tekst,
            );
            let doorbraak = l.waar_onwaar("doorbraak");
            let reden_einde = l.code("reden_einde", O, RedenEinde::parse, RedenEinde::codes_tekst);
            let afweging = l.afweging("afweging");
            Record::Toekenning(Toekenning {
                id: id?,
                inwoner: inwoner?,
                voorziening: voorziening?,
                aanbieder,
                contract,
                melding,
                verwijzer: verwijzer?,
                aanvraag,
                besluit: besluit?,
                uitkomst: uitkomst?,
                start,
                eind,
                leveringsvorm: leveringsvorm.unwrap_or(Leveringsvorm::Natura),
                doorbraak: doorbraak.unwrap_or(false),
                reden_einde,
                afweging,
            })
        }
        "ave" => {
            let id = l.tekst("id", V);
            let huishouden = l.tekst("huishouden", V);
            let datum = l.datum("datum", V);
            let niveau = l.geheel("niveau", V, 0, 4);
            let reden = l.tekst("reden", V);
            let casusregisseur = l.tekst("casusregisseur", O);
            let procesregisseur = l.tekst("procesregisseur", O);
            Record::Ave(AveGebeurtenis {
                id: id?,
                huishouden: huishouden?,
                datum: datum?,
                niveau: u8::try_from(niveau?).ok()?,
                reden: reden?,
                casusregisseur,
                procesregisseur,
            })
        }
        "vordering" => {
            let id = l.tekst("id", V);
            let datum = l.datum("datum", V);
            let bedrag_cent = l.bedrag("bedrag");
            let soort = l.code(
                "soort",
                V,
                VorderingSoort::parse,
                VorderingSoort::codes_tekst,
            );
            let inwoner = l.tekst("inwoner", O);
            let aanbieder = l.tekst("aanbieder", O);
            Record::Vordering(Vordering {
                id: id?,
                datum: datum?,
                bedrag_cent: bedrag_cent?,
                soort: soort?,
                inwoner,
                aanbieder,
            })
        }
        "bevolking" => {
            let jaar = l.geheel("jaar", V, 1900, 2200);
            let van = l.geheel("leeftijd_van", V, 0, 120);
            let tot = l.geheel("leeftijd_tot", V, 0, 120);
            let aantal = l.geheel("aantal", V, 0, i64::from(u32::MAX));
            Record::Bevolking(Bevolking {
                jaar: i32::try_from(jaar?).ok()?,
                leeftijd_van: u8::try_from(van?).ok()?,
                leeftijd_tot: u8::try_from(tot?).ok()?,
                aantal: u32::try_from(aantal?).ok()?,
            })
        }
        "indicatorwaarde" => {
            let indicator = l.tekst("indicator", V);
            let jaar = l.geheel("jaar", V, 1900, 2200);
            let soort = l.code("soort", V, WaardeSoort::parse, WaardeSoort::codes_tekst);
            let waarde = l.getal("waarde");
            let tekst = l.tekst("tekst", O);
            let bron = l.tekst("bron", O);
            Record::Indicatorwaarde(Indicatorwaarde {
                indicator: indicator?,
                jaar: i32::try_from(jaar?).ok()?,
                soort: soort?,
                waarde,
                tekst,
                bron,
            })
        }
        _ => return None,
    })
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "tests may stop on a broken fixture")]
mod tests {
    use super::*;
    use std::io::Cursor;

    #[test]
    fn lees_regel_kapt_lange_regels_af() {
        let mut invoer = vec![b'x'; MAX_REGEL_BYTES + 10];
        invoer.extend_from_slice(b"\nkort\nlaatste");
        let mut bron = Cursor::new(invoer);
        let mut buf = Vec::new();
        assert_eq!(lees_regel(&mut bron, &mut buf).expect("io"), Some(true));
        buf.clear();
        assert_eq!(lees_regel(&mut bron, &mut buf).expect("io"), Some(false));
        assert_eq!(buf, b"kort");
        buf.clear();
        assert_eq!(lees_regel(&mut bron, &mut buf).expect("io"), Some(false));
        assert_eq!(buf, b"laatste");
        buf.clear();
        assert_eq!(lees_regel(&mut bron, &mut buf).expect("io"), None);
    }

    #[test]
    fn bedrag_in_centen() {
        let obj: Map<String, Value> =
            serde_json::from_str(r#"{"a":1520.5,"b":0.29,"c":12,"d":1.005,"e":1e2}"#)
                .expect("json");
        let mut l = Lezer {
            obj: &obj,
            regel: 1,
            fouten: Vec::new(),
        };
        assert_eq!(l.bedrag("a"), Some(152_050));
        assert_eq!(l.bedrag("b"), Some(29));
        assert_eq!(l.bedrag("c"), Some(1200));
        assert_eq!(l.bedrag("d"), None);
        assert_eq!(l.bedrag("e"), Some(10_000));
        assert_eq!(l.fouten.len(), 1);
        assert_eq!(l.fouten[0].veld.as_deref(), Some("d"));
    }
}
