//! The register on PostgreSQL (issue #17, the foundation): connecting and
//! TLS, the schema and its migrations, and `overzetten` between SQLite
//! and PostgreSQL. Each test gets a fresh database of its own
//! ([`proefdb::ProefDb`]). Without a reachable server these tests FAIL
//! with a message saying what to start; only `WIJKREGISTER_ZONDER_PG=1`
//! skips them, and says so loudly.

mod proefdb;

mod beheer_beide;
mod beide;
mod klantreis_beide;
mod opslag_beide;
mod venster;
mod venster_beheer;
mod zoeken_beide;

mod overzetten;
mod schema;
mod verbinding;
