//! Any bytes as a workbook (xlsx, ods, xls): rows or problems, never a
//! panic, a hang or a grid that exhausts memory. Seeded with the workbooks of
//! `tests/data/fuzz/workbook/`, stored without compression so that the
//! mutations reach the XML of their sheets.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tthc_fuzz::check_decision_file(data));
