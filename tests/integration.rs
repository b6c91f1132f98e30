//! Integration tests: every test runs the real `tthc` binary in a fresh temporary directory.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a failing test panics with a readable report"
)]

#[path = "integration/common.rs"]
mod common;
#[path = "integration/counts.rs"]
mod counts;
#[path = "integration/database.rs"]
mod database;
#[path = "integration/export.rs"]
mod export;
#[path = "integration/history.rs"]
mod history;
#[path = "integration/import.rs"]
mod import;
#[path = "integration/rejected.rs"]
mod rejected;
#[path = "integration/sample_history.rs"]
mod sample_history;
