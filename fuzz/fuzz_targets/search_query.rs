//! Any text as the words of `tthc search` on a small catalog: an answer or a
//! usage refusal, never a database error, a panic or a hang.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tthc_fuzz::check_search_query(data));
