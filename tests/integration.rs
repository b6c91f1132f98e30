//! Integration tests: every test runs the real `tthc` binary in a fresh temporary directory.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a failing test panics with a readable report"
)]

#[path = "integration/annex.rs"]
mod annex;
#[path = "integration/audit_data.rs"]
mod audit_data;
#[path = "integration/command_line.rs"]
mod command_line;
#[path = "integration/common.rs"]
mod common;
#[path = "integration/concurrency.rs"]
mod concurrency;
#[path = "integration/corrections.rs"]
mod corrections;
#[path = "integration/counts.rs"]
mod counts;
#[path = "integration/crash.rs"]
mod crash;
#[path = "integration/csv_options.rs"]
mod csv_options;
#[path = "integration/database.rs"]
mod database;
#[path = "integration/decision_refs.rs"]
mod decision_refs;
#[path = "integration/decisions.rs"]
mod decisions;
#[path = "integration/diff.rs"]
mod diff;
#[path = "integration/encodings.rs"]
mod encodings;
#[path = "integration/entry_history.rs"]
mod entry_history;
#[path = "integration/export.rs"]
mod export;
#[path = "integration/fuzz_regressions.rs"]
mod fuzz_regressions;
#[path = "integration/generated.rs"]
mod generated;
#[path = "../examples/gen_history/generator.rs"]
mod generator;
#[path = "integration/history.rs"]
mod history;
#[path = "integration/hostile.rs"]
mod hostile;
#[path = "integration/hostile_files.rs"]
mod hostile_files;
#[path = "integration/import.rs"]
mod import;
#[path = "integration/inspect.rs"]
mod inspect;
#[path = "integration/lang.rs"]
mod lang;
#[path = "integration/large_catalog.rs"]
mod large_catalog;
#[path = "integration/messy_values.rs"]
mod messy_values;
#[path = "integration/misuse.rs"]
mod misuse;
#[path = "integration/names_property.rs"]
mod names_property;
#[path = "integration/national_list.rs"]
mod national_list;
#[path = "integration/properties.rs"]
mod properties;
#[path = "integration/publish.rs"]
mod publish;
#[path = "integration/published.rs"]
mod published;
#[path = "integration/readme.rs"]
mod readme;
#[path = "integration/reconcile.rs"]
mod reconcile;
#[path = "integration/rejected.rs"]
mod rejected;
#[path = "integration/report.rs"]
mod report;
#[path = "integration/row_numbers.rs"]
mod row_numbers;
#[path = "integration/sample_history.rs"]
mod sample_history;
#[path = "integration/search.rs"]
mod search;
#[path = "integration/show.rs"]
mod show;
#[path = "integration/upcoming.rs"]
mod upcoming;
#[path = "integration/verify.rs"]
mod verify;
#[path = "integration/vietnamese_input.rs"]
mod vietnamese_input;
#[path = "integration/xlsx.rs"]
mod xlsx;
