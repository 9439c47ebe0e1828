//! `rapport-pdf`: the printable report for the gemeenteraad.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{OPDRACHTREGEL, getal, waarde};
use crate::report::pdf::{self, PdfOpties};
use crate::store;

/// The arguments of `rapport-pdf`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfAanroep {
    /// First year.
    pub van: i32,
    /// Last year.
    pub tot: i32,
    /// The PDF file to write.
    pub uit: PathBuf,
    /// One wijkteam's report instead of the municipality's.
    pub wijkteam: Option<String>,
    /// Show small numbers instead of suppressing them.
    pub intern: bool,
}

/// Parses the arguments after `rapport-pdf`.
pub fn parse(rest: &mut impl Iterator<Item = String>) -> Result<PdfAanroep, String> {
    let (mut van, mut tot, mut uit, mut wijkteam, mut intern) = (None, None, None, None, false);
    while let Some(vlag) = rest.next() {
        match vlag.as_str() {
            "--van" => van = Some(getal(rest, "--van")?),
            "--tot" => tot = Some(getal(rest, "--tot")?),
            "--uit" => uit = Some(PathBuf::from(waarde(rest, "--uit")?)),
            "--wijkteam" => wijkteam = Some(waarde(rest, "--wijkteam")?),
            "--intern" => intern = true,
            a => return Err(format!("rapport-pdf kent '{a}' niet")),
        }
    }
    let van: i32 = van.ok_or("rapport-pdf heeft --van J1 nodig")?;
    let tot: i32 = tot.ok_or("rapport-pdf heeft --tot J2 nodig")?;
    if tot < van {
        return Err(format!("--tot ({tot}) ligt vóór --van ({van})"));
    }
    let uit = uit.ok_or("rapport-pdf heeft --uit UIT.pdf nodig")?;
    pdf::controleer_pad(&uit).map_err(|e| format!("--uit: {e}"))?;
    Ok(PdfAanroep {
        van,
        tot,
        uit,
        wijkteam,
        intern,
    })
}

/// `wijkregister --db FILE rapport-pdf …`: writes the report (logged
/// before it exists) and prints its path.
pub fn rapport_pdf(db: &Path, a: &PdfAanroep) -> anyhow::Result<ExitCode> {
    let conn = store::open_bestaand(db)?;
    let klok = crate::klok::Klok::systeem();
    let pad = pdf::schrijf_pdf_gelogd(
        &conn,
        &a.uit,
        &PdfOpties {
            van: a.van,
            tot: a.tot,
            wijkteam: a.wijkteam.clone(),
            intern: a.intern,
            gemaakt_op: klok.vandaag(),
        },
        OPDRACHTREGEL,
        &klok.audit_tijdstip(),
        &mut |_, _| {},
    )
    .with_context(|| {
        format!(
            "het PDF-rapport naar {} is mislukt; er is geen bestand geschreven",
            a.uit.display()
        )
    })?;
    crate::cli::uit(&pad.display().to_string())?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Opdracht, parse as cli_parse};

    fn p(args: &[&str]) -> Result<Opdracht, String> {
        cli_parse(args.iter().map(|s| (*s).to_owned())).map(|a| a.opdracht)
    }

    #[test]
    fn rapport_pdf_wordt_gelezen() {
        assert_eq!(
            p(&[
                "rapport-pdf",
                "--van",
                "2021",
                "--tot",
                "2025",
                "--uit",
                "raad.pdf",
            ])
            .expect("ok"),
            Opdracht::RapportPdf(PdfAanroep {
                van: 2021,
                tot: 2025,
                uit: "raad.pdf".into(),
                wijkteam: None,
                intern: false,
            })
        );
        assert_eq!(
            p(&[
                "rapport-pdf",
                "--intern",
                "--wijkteam",
                "WT-OOST",
                "--uit",
                "R.PDF",
                "--tot",
                "2024",
                "--van",
                "2024",
            ])
            .expect("ok"),
            Opdracht::RapportPdf(PdfAanroep {
                van: 2024,
                tot: 2024,
                uit: "R.PDF".into(),
                wijkteam: Some("WT-OOST".into()),
                intern: true,
            })
        );
    }

    #[test]
    fn fouten_noemen_het_argument() {
        let fout = |args: &[&str]| p(args).expect_err("fout");
        assert!(fout(&["rapport-pdf", "--tot", "2024", "--uit", "r.pdf"]).contains("--van J1"));
        assert!(fout(&["rapport-pdf", "--van", "2024", "--uit", "r.pdf"]).contains("--tot J2"));
        assert!(fout(&["rapport-pdf", "--van", "2024", "--tot", "2024"]).contains("--uit UIT.pdf"));
        assert!(
            fout(&[
                "rapport-pdf",
                "--van",
                "2025",
                "--tot",
                "2024",
                "--uit",
                "r.pdf"
            ])
            .contains("vóór")
        );
        assert!(
            fout(&[
                "rapport-pdf",
                "--van",
                "twintig",
                "--tot",
                "2024",
                "--uit",
                "r.pdf"
            ])
            .contains("'twintig'")
        );
        let e = fout(&[
            "rapport-pdf",
            "--van",
            "2024",
            "--tot",
            "2024",
            "--uit",
            "r.xlsx",
        ]);
        assert!(
            e.contains("--uit") && e.contains("kies een bestandsnaam op .pdf"),
            "{e}"
        );
        assert!(
            fout(&[
                "rapport-pdf",
                "--van",
                "2024",
                "--tot",
                "2024",
                "--uit",
                "r.pdf",
                "--wijkteam"
            ])
            .contains("na --wijkteam hoort een waarde")
        );
        assert!(
            fout(&[
                "rapport-pdf",
                "--van",
                "2024",
                "--tot",
                "2024",
                "--uit",
                "r.pdf",
                "--kleur"
            ])
            .contains("rapport-pdf kent '--kleur' niet")
        );
    }
}
