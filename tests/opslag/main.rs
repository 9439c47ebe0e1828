//! The store, the domain rules, import and export, the demo generator,
//! access, accounts, audit, backups, retention and maintenance: everything
//! below the screens, on in-memory or temporary registers. One module per
//! subject.

#[path = "../steun/mod.rs"]
mod steun;

mod accounts;
mod audit;
mod ave;
mod ave_stand;
mod backup;
mod bestanden;
mod bewaartermijn;
mod demo;
mod domein;
mod import;
mod klantreis;
mod leesfouten;
mod meet;
mod migraties;
mod onderhoud;
mod queryplannen;
mod rondgang;
mod sociale_kaart_beheer;
mod store_queries;
mod toegang;
mod transactie;
mod werkvoorraad;
mod zoeken_per_rol;
