//! Any bytes as a decision as published (a Word document, or an annex read
//! whole), then its rows found: problems or rows, never a panic, a hang or a
//! document that exhausts memory. Seeded with Word documents stored without
//! compression, so that the mutations reach their XML.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tthc_fuzz::check_published_file(data));
