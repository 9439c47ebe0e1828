//! The indicator report and the monitoring export: every rule of an
//! indicator, the JSON report, external values and targets, CSV and XLSX.

#[path = "../steun/mod.rs"]
mod steun;

mod eigen_indicatoren;
mod export_monitoring;
mod rapport_pdf;
mod report_indicatorwaarden;
mod report_json;
mod report_pw_en_wijkteam;
mod report_regels;
