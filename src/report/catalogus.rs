//! The indicator catalogue of `indicators.md`.
//!
//! For now the list of codes, so the import can check an `indicatorwaarde`;
//! the doelenboom (goal → beleidslijn → indicator) with names and sources is
//! built on top of it.

/// Every indicator code of the catalogue, in the order of `indicators.md`.
pub const CODES: &[&str] = &[
    "1.1.1",
    "1.2.1",
    "1.3.1",
    "1.6.1",
    "1.7A.1",
    "1.7A.2",
    "1.7B.1",
    "1.7B.2",
    "1.8.1",
    "1.9.1",
    "1.10.1",
    "1.10.2",
    "1.10.3",
    "1.10.4",
    "1.10.5",
    "1.10.6",
    "1.11.1",
    "1.11.2",
    "1.12.1",
    "1.13.1",
    "1.13.2",
    "1.14.1-huishoudens",
    "1.14.1-inwoners",
    "1.14.2",
    "1.14.3",
    "1.14.4",
    "1.14.5",
    "1.14.6",
    "1.15.1",
    "2.1.1",
    "2.1.2",
    "2.1.3",
    "2.2.1",
    "2.2.2",
    "2.3.1",
    "2.3.2",
    "2.3.3",
    "3.1.1",
    "3.1",
    "3.2",
    "3.3",
    "3.3A.1",
    "3.3A.2",
    "3.3A.3",
    "3.4A.1",
    "3.10.1-jw",
    "3.10.2",
    "3.3.1",
    "3.3.2",
    "3.4B.1",
    "3.10.1-wmo",
    "3.4.1",
    "3.4C.1",
    "3.4C.2",
    "3.8.1",
    "3.8.2",
    "3.8.3",
    "3.2.1",
    "3.2.2",
    "3.2.3",
    "3.2.4",
    "3.2.5",
    "3.2.6",
    "3.9.1",
    "3.9.2",
    "4.1.1",
    "4.1.2",
    "4.2.1",
    "4.3.1",
    "5.1.1",
    "5.1.2",
    "5.2.1",
    "bbv-jeugdhulp",
    "bbv-jeugdbescherming",
    "bbv-jeugdreclassering",
    "bbv-wmo",
    "bbv-bijstand",
    "tw-toegekend",
    "tw-wmo",
    "tw-wmo-categorie",
    "tw-jeugd",
    "tw-jeugd-verblijf",
    "tw-jeugd-ambulant",
    "tw-jeugd-maatregel",
];

/// Whether `code` is an indicator of the catalogue.
#[must_use]
pub fn is_bekende_code(code: &str) -> bool {
    CODES.contains(&code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_uniek() {
        let mut gezien = std::collections::HashSet::new();
        for c in CODES {
            assert!(gezien.insert(c), "dubbele code {c}");
        }
        assert!(is_bekende_code("3.8.1"));
        assert!(is_bekende_code("1.10.4"));
        assert!(!is_bekende_code("9.9.9"));
    }
}
