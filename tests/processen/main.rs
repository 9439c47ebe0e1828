//! Tests that run more than one process: the app killed with SIGKILL in the
//! middle of writing, and two app instances writing one database file.
//! Both run this test binary again as a child (`--exact <module>::<test>
//! --ignored`), so the children are ignored tests of this crate.

#[path = "../steun/mod.rs"]
mod steun;

mod crash;
mod twee_instanties;
