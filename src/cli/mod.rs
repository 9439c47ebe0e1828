//! The headless commands of `wijkregister`: reading the command line and
//! running import, export, demo and report without a window.
//!
//! Parsing is hand-written so every message is Dutch and names the argument
//! that is wrong. Each command's body lives in its own file.

pub mod beheer;
pub mod demo;
pub mod meet;
pub mod overzetten;
pub mod rapport;
pub mod rapport_pdf;
pub mod uitwisseling;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

/// What the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Opdracht {
    /// Open the window.
    Gui,
    /// Print the usage.
    Hulp,
    /// `import DATA.jsonl`
    Import {
        /// The exchange file.
        bestand: PathBuf,
    },
    /// `export-jsonl OUT.jsonl`
    ExportJsonl {
        /// Where to write.
        uit: PathBuf,
    },
    /// `demo [--inwoners N] [--jaren K] [--seed S] [--jsonl OUT]`
    Demo(DemoOpties),
    /// `report --jaar Y [--wijkteam ID]`
    Rapport {
        /// The year.
        jaar: i32,
        /// One wijkteam's report instead of the municipality's.
        wijkteam: Option<String>,
    },
    /// `backup OUT.sqlite`
    Backup {
        /// Where to write the copy.
        uit: PathBuf,
    },
    /// `restore IN.sqlite`
    Herstel {
        /// The backup to restore.
        bron: PathBuf,
    },
    /// `audit verify`
    AuditVerifieer,
    /// `meet [--json] [--runs R]`
    Meet {
        /// Print `{"figures": […]}` instead of a table.
        json: bool,
        /// Runs per figure (the median is printed).
        runs: usize,
    },
    /// `overzetten --van BRON --naar DOEL [--sleutel MAP]`
    Overzetten {
        /// The register to copy.
        van: Box<crate::store::pg::Bestemming>,
        /// The empty target.
        naar: Box<crate::store::pg::Bestemming>,
        /// The PostgreSQL side's audit key folder.
        sleutel: Option<PathBuf>,
    },
    /// `export --van Y1 --tot Y2 --uit OUT.xlsx|OUT.csv [--intern] [--per-wijkteam]`
    Export {
        /// First year.
        van: i32,
        /// Last year.
        tot: i32,
        /// Output file; the extension chooses xlsx or csv.
        uit: PathBuf,
        /// Show small numbers instead of suppressing them.
        intern: bool,
        /// Also a sheet (XLSX) or file (CSV) per wijkteam.
        per_wijkteam: bool,
    },
    /// `rapport-pdf --van Y1 --tot Y2 --uit OUT.pdf [--wijkteam ID] [--intern]`
    RapportPdf(rapport_pdf::PdfAanroep),
}

/// Options of the demo generator.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoOpties {
    /// Number of residents.
    pub inwoners: u32,
    /// Number of years of history, ending in the current year.
    pub jaren: u32,
    /// Seed: the same seed gives the same register.
    pub seed: u64,
    /// Write an exchange file instead of filling the database.
    pub jsonl: Option<PathBuf>,
}

impl Default for DemoOpties {
    fn default() -> Self {
        DemoOpties {
            inwoners: 5_000,
            jaren: 5,
            seed: 1,
            jsonl: None,
        }
    }
}

/// A parsed command line.
#[derive(Debug, Clone, PartialEq)]
pub struct Aanroep {
    /// `--db FILE`; `None` means the default database.
    pub db: Option<PathBuf>,
    /// What to do.
    pub opdracht: Opdracht,
}

/// The usage text.
pub const GEBRUIK: &str = "\
wijkregister — register voor het wijkteam

Gebruik:
  wijkregister [--db BESTAND]                       open het venster
  wijkregister [--db BESTAND] import DATA.jsonl     importeer een uitwisselingsbestand (alles of niets)
  wijkregister [--db BESTAND] export-jsonl UIT.jsonl
                                                    schrijf het hele register als uitwisselingsbestand
  wijkregister [--db BESTAND] demo [--inwoners N] [--jaren K] [--seed S] [--jsonl UIT.jsonl]
                                                    vul het register met demogegevens (of schrijf ze als bestand)
  wijkregister [--db BESTAND] report --jaar J [--wijkteam ID]
                                                   druk het indicatorrapport van jaar J af (JSON),
                                                   met --wijkteam dat van één wijkteam
  wijkregister [--db BESTAND] export --van J1 --tot J2 --uit UIT.xlsx|UIT.csv [--intern] [--per-wijkteam]
                                                    schrijf de monitoringexport
  wijkregister [--db BESTAND] rapport-pdf --van J1 --tot J2 --uit UIT.pdf [--wijkteam ID] [--intern]
                                                    schrijf het rapport voor de gemeenteraad (PDF, A4),
                                                    met --wijkteam dat van één wijkteam
  wijkregister [--db BESTAND] backup UIT.sqlite      schrijf een consistente kopie van het register
  wijkregister [--db BESTAND] restore IN.sqlite      zet een kopie terug (de huidige stand wordt eerst bewaard)
  wijkregister [--db BESTAND] audit verify           controleer de hashketen van het auditlog
  wijkregister [--db BESTAND] meet [--json] [--runs R]
                                                    meet de snelheid van zoeken, werkvoorraad, AVE-overzicht
                                                    en jaarrapport, als de drukste medewerker per rol
  wijkregister overzetten --van BRON --naar DOEL [--sleutel MAP]
                                                    zet een heel register over van SQLite naar PostgreSQL
                                                    of terug (BRON/DOEL: een .sqlite-bestand of
                                                    postgresql://gebruiker@host[:poort]/database);
                                                    alleen naar een leeg doel, gecontroleerd na het kopiëren
  wijkregister --help                               deze tekst

Zonder --db gebruikt wijkregister het standaardregister in de gebruikersmap.
";

/// Reads the value after a flag.
fn waarde(args: &mut impl Iterator<Item = String>, vlag: &str) -> Result<String, String> {
    args.next()
        .filter(|w| !w.starts_with("--"))
        .ok_or_else(|| format!("na {vlag} hoort een waarde"))
}

/// Reads a number after a flag.
fn getal<T: std::str::FromStr>(
    args: &mut impl Iterator<Item = String>,
    vlag: &str,
) -> Result<T, String> {
    let w = waarde(args, vlag)?;
    w.parse()
        .map_err(|_| format!("{vlag} verwacht een geheel getal, niet '{w}'"))
}

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Aanroep, String> {
    let mut args = args.into_iter();
    let mut db = None;
    let mut opdracht: Option<String> = None;
    let mut rest: Vec<String> = Vec::new();
    while let Some(arg) = args.next() {
        if opdracht.is_none() {
            match arg.as_str() {
                "--db" => db = Some(PathBuf::from(waarde(&mut args, "--db")?)),
                "--help" | "-h" | "help" => {
                    return Ok(Aanroep {
                        db,
                        opdracht: Opdracht::Hulp,
                    });
                }
                a if a.starts_with("--") => return Err(format!("onbekende optie '{a}'")),
                _ => opdracht = Some(arg),
            }
        } else {
            rest.push(arg);
        }
    }
    let mut rest = rest.into_iter();
    let opdracht = match opdracht.as_deref() {
        None => Opdracht::Gui,
        Some("import") => Opdracht::Import {
            bestand: PathBuf::from(enkel_pad(&mut rest, "import", "DATA.jsonl")?),
        },
        Some("export-jsonl") => Opdracht::ExportJsonl {
            uit: PathBuf::from(enkel_pad(&mut rest, "export-jsonl", "UIT.jsonl")?),
        },
        Some("backup") => Opdracht::Backup {
            uit: PathBuf::from(enkel_pad(&mut rest, "backup", "UIT.sqlite")?),
        },
        Some("restore") => Opdracht::Herstel {
            bron: PathBuf::from(enkel_pad(&mut rest, "restore", "IN.sqlite")?),
        },
        Some("audit") => match rest.next().as_deref() {
            Some("verify") => Opdracht::AuditVerifieer,
            Some(a) => return Err(format!("audit kent '{a}' niet; bedoelt u 'audit verify'?")),
            None => return Err("audit heeft een opdracht nodig: audit verify".to_owned()),
        },
        Some("meet") => {
            let (mut json, mut runs) = (false, 5);
            while let Some(vlag) = rest.next() {
                match vlag.as_str() {
                    "--json" => json = true,
                    "--runs" => runs = getal(&mut rest, "--runs")?,
                    a => return Err(format!("meet kent '{a}' niet")),
                }
            }
            if runs == 0 {
                return Err("--runs moet minstens 1 zijn".to_owned());
            }
            Opdracht::Meet { json, runs }
        }
        Some("demo") => {
            let mut o = DemoOpties::default();
            while let Some(vlag) = rest.next() {
                match vlag.as_str() {
                    "--inwoners" => o.inwoners = getal(&mut rest, "--inwoners")?,
                    "--jaren" => o.jaren = getal(&mut rest, "--jaren")?,
                    "--seed" => o.seed = getal(&mut rest, "--seed")?,
                    "--jsonl" => o.jsonl = Some(PathBuf::from(waarde(&mut rest, "--jsonl")?)),
                    a => return Err(format!("demo kent '{a}' niet")),
                }
            }
            if o.inwoners == 0 {
                return Err("--inwoners moet minstens 1 zijn".to_owned());
            }
            if !(1..=30).contains(&o.jaren) {
                return Err("--jaren moet 1 tot en met 30 zijn".to_owned());
            }
            Opdracht::Demo(o)
        }
        Some("report") => {
            let (mut jaar, mut wijkteam) = (None, None);
            while let Some(vlag) = rest.next() {
                match vlag.as_str() {
                    "--jaar" => jaar = Some(getal(&mut rest, "--jaar")?),
                    "--wijkteam" => wijkteam = Some(waarde(&mut rest, "--wijkteam")?),
                    a => return Err(format!("report kent '{a}' niet")),
                }
            }
            Opdracht::Rapport {
                jaar: jaar.ok_or("report heeft --jaar J nodig")?,
                wijkteam,
            }
        }
        Some("export") => {
            let (mut van, mut tot, mut uit, mut intern, mut per_wijkteam) =
                (None, None, None, false, false);
            while let Some(vlag) = rest.next() {
                match vlag.as_str() {
                    "--van" => van = Some(getal(&mut rest, "--van")?),
                    "--tot" => tot = Some(getal(&mut rest, "--tot")?),
                    "--uit" => uit = Some(PathBuf::from(waarde(&mut rest, "--uit")?)),
                    "--intern" => intern = true,
                    "--per-wijkteam" => per_wijkteam = true,
                    a => return Err(format!("export kent '{a}' niet")),
                }
            }
            let van: i32 = van.ok_or("export heeft --van J1 nodig")?;
            let tot: i32 = tot.ok_or("export heeft --tot J2 nodig")?;
            if tot < van {
                return Err(format!("--tot ({tot}) ligt vóór --van ({van})"));
            }
            let uit = uit.ok_or("export heeft --uit UIT.xlsx of UIT.csv nodig")?;
            Opdracht::Export {
                van,
                tot,
                uit,
                intern,
                per_wijkteam,
            }
        }
        Some("overzetten") => {
            let (mut van, mut naar, mut sleutel) = (None, None, None);
            let bestemming = |w: String, vlag: &str| {
                crate::store::pg::Bestemming::lees(&w).map_err(|e| format!("{vlag}: {e}"))
            };
            while let Some(vlag) = rest.next() {
                match vlag.as_str() {
                    "--van" => van = Some(bestemming(waarde(&mut rest, "--van")?, "--van")?),
                    "--naar" => naar = Some(bestemming(waarde(&mut rest, "--naar")?, "--naar")?),
                    "--sleutel" => sleutel = Some(PathBuf::from(waarde(&mut rest, "--sleutel")?)),
                    a => return Err(format!("overzetten kent '{a}' niet")),
                }
            }
            Opdracht::Overzetten {
                van: Box::new(van.ok_or(
                    "overzetten heeft --van BRON nodig (een .sqlite-bestand of postgresql://…)",
                )?),
                naar: Box::new(naar.ok_or(
                    "overzetten heeft --naar DOEL nodig (een .sqlite-bestand of postgresql://…)",
                )?),
                sleutel,
            }
        }
        Some("rapport-pdf") => Opdracht::RapportPdf(rapport_pdf::parse(&mut rest)?),
        Some(a) => return Err(format!("onbekende opdracht '{a}'")),
    };
    if let Some(pad) = db.as_ref().and_then(|p| p.to_str())
        && crate::store::pg::Bestemming::is_postgres(pad)
    {
        crate::store::pg::Bestemming::lees(pad).map_err(|e| format!("--db: {e}"))?;
        if !matches!(
            opdracht,
            Opdracht::Overzetten { .. } | Opdracht::Gui | Opdracht::AuditVerifieer
        ) {
            return Err(
                "--db: een PostgreSQL-register werkt nog alleen met het venster (inloggen en accounts), 'audit verify' en 'overzetten'; de andere opdrachten volgen. Zet het register over naar een SQLite-bestand (wijkregister overzetten --van postgresql://… --naar register.sqlite) om er nu mee te werken".to_owned(),
            );
        }
    }
    Ok(Aanroep { db, opdracht })
}

/// Reads exactly one path argument of a command.
fn enkel_pad(
    rest: &mut impl Iterator<Item = String>,
    opdracht: &str,
    voorbeeld: &str,
) -> Result<String, String> {
    let pad = rest
        .next()
        .ok_or_else(|| format!("{opdracht} heeft een bestand nodig: {opdracht} {voorbeeld}"))?;
    if let Some(extra) = rest.next() {
        return Err(format!(
            "{opdracht} verwacht één bestand; '{extra}' is te veel"
        ));
    }
    Ok(pad)
}

/// Runs a headless command on the register at `db`. Warnings of opening
/// the register (modes tightened) are printed once, on stderr.
pub fn voer_uit(db: &std::path::Path, opdracht: &Opdracht) -> anyhow::Result<ExitCode> {
    let uitkomst = match opdracht {
        Opdracht::Gui | Opdracht::Hulp => uit(GEBRUIK.trim_end())
            .map(|()| ExitCode::SUCCESS)
            .map_err(anyhow::Error::from),
        Opdracht::Import { bestand } => uitwisseling::importeer(db, bestand),
        Opdracht::ExportJsonl { uit } => uitwisseling::exporteer(db, uit),
        Opdracht::Demo(opties) => demo::demo(db, opties),
        Opdracht::AuditVerifieer => beheer::audit_verifieer(db),
        Opdracht::Meet { json, runs } => meet::meet_register(db, *json, *runs),
        Opdracht::Backup { uit } => beheer::backup(db, uit),
        Opdracht::Herstel { bron } => beheer::herstel(db, bron),
        Opdracht::Rapport { jaar, wijkteam } => rapport::rapport(db, *jaar, wijkteam.as_deref()),
        Opdracht::Overzetten { van, naar, sleutel } => {
            overzetten::overzetten(van, naar, sleutel.as_deref())
        }
        Opdracht::Export {
            van,
            tot,
            uit,
            intern,
            per_wijkteam,
        } => rapport::export(db, *van, *tot, uit, *intern, *per_wijkteam),
        Opdracht::RapportPdf(a) => rapport_pdf::rapport_pdf(db, a),
    };
    for waarschuwing in crate::store::neem_waarschuwingen() {
        fout(&format!("wijkregister: {waarschuwing}"));
    }
    uitkomst
}

/// Writes `bytes` to standard output. A reader that went away (a closed
/// pipe, as in `wijkregister report --jaar 2025 | head -c1`) is no error:
/// the command's work is done, only its output is not read.
pub fn schrijf_uit(bytes: &[u8]) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        anders => anders,
    }
}

/// Prints one line on standard output (see [`schrijf_uit`]).
pub fn uit(regel: &str) -> std::io::Result<()> {
    schrijf_uit(format!("{regel}\n").as_bytes())
}

/// Prints one line on standard error; a closed stderr is ignored (there is
/// nobody left to tell).
pub fn fout(regel: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{regel}");
}

/// The actor of the command line in the audit log: whoever holds the file.
pub(crate) const OPDRACHTREGEL: &str = "opdrachtregel";

/// Records a command-line import, export, backup or restore in the audit log.
pub(crate) fn log_opdrachtregel(
    conn: &rusqlite::Connection,
    actie: &str,
    object: &str,
    gelukt: bool,
) -> Result<(), crate::store::StoreFout> {
    crate::store::audit::log(
        conn,
        &crate::store::audit::Logregel {
            tijdstip: &crate::klok::Klok::systeem().audit_tijdstip(),
            actor: OPDRACHTREGEL,
            actie,
            object: Some(object),
            doel: None,
            resultaat: if gelukt {
                crate::store::audit::Resultaat::Gelukt
            } else {
                crate::store::audit::Resultaat::Mislukt
            },
            details: None,
        },
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Aanroep, String> {
        parse(args.iter().map(|s| (*s).to_owned()))
    }

    #[test]
    fn zonder_opdracht_het_venster() {
        assert_eq!(p(&[]).expect("ok").opdracht, Opdracht::Gui);
        let a = p(&["--db", "x.sqlite"]).expect("ok");
        assert_eq!(a.db, Some(PathBuf::from("x.sqlite")));
        assert_eq!(a.opdracht, Opdracht::Gui);
    }

    #[test]
    fn opdrachten() {
        assert_eq!(
            p(&["--db", "r.sqlite", "import", "d.jsonl"])
                .expect("ok")
                .opdracht,
            Opdracht::Import {
                bestand: "d.jsonl".into()
            }
        );
        let demo = p(&[
            "demo",
            "--inwoners",
            "100",
            "--seed",
            "7",
            "--jsonl",
            "o.jsonl",
        ])
        .expect("ok");
        assert_eq!(
            demo.opdracht,
            Opdracht::Demo(DemoOpties {
                inwoners: 100,
                jaren: 5,
                seed: 7,
                jsonl: Some("o.jsonl".into())
            })
        );
        assert_eq!(
            p(&["report", "--jaar", "2024"]).expect("ok").opdracht,
            Opdracht::Rapport {
                jaar: 2024,
                wijkteam: None
            }
        );
        assert_eq!(
            p(&["report", "--jaar", "2024", "--wijkteam", "WT-OOST"])
                .expect("ok")
                .opdracht,
            Opdracht::Rapport {
                jaar: 2024,
                wijkteam: Some("WT-OOST".into())
            }
        );
        assert!(
            p(&["report", "--jaar", "2024", "--wijkteam"])
                .expect_err("fout")
                .contains("--wijkteam")
        );
        assert_eq!(
            p(&[
                "export", "--van", "2023", "--tot", "2024", "--uit", "m.csv", "--intern"
            ])
            .expect("ok")
            .opdracht,
            Opdracht::Export {
                van: 2023,
                tot: 2024,
                uit: "m.csv".into(),
                intern: true,
                per_wijkteam: false
            }
        );
    }

    #[test]
    fn fouten_noemen_het_argument() {
        assert!(
            p(&["import"])
                .expect_err("fout")
                .contains("import heeft een bestand nodig")
        );
        assert!(
            p(&["import", "a", "b"])
                .expect_err("fout")
                .contains("'b' is te veel")
        );
        assert!(p(&["--db"]).expect_err("fout").contains("--db"));
        assert!(
            p(&["demo", "--inwoners", "veel"])
                .expect_err("fout")
                .contains("'veel'")
        );
        assert!(p(&["report"]).expect_err("fout").contains("--jaar"));
        assert!(
            p(&["export", "--van", "2024", "--tot", "2023", "--uit", "x.csv"])
                .expect_err("fout")
                .contains("vóór")
        );
        assert!(
            p(&["verwijder"])
                .expect_err("fout")
                .contains("onbekende opdracht 'verwijder'")
        );
        assert!(
            p(&["--kleur"])
                .expect_err("fout")
                .contains("onbekende optie '--kleur'")
        );
    }
}
