//! Any bytes as a decision file: rows or problems, never a panic or a hang.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tthc_fuzz::check_decision_file(data));
