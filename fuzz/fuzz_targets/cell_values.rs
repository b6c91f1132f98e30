//! Any text through the date, code, level and action parsers and the text normalizer.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tthc_fuzz::check_cell_values(data));
