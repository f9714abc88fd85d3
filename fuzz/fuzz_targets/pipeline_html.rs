//! Arbitrary bytes, lossily decoded, as a html document: extract + assemble, one document and
//! two documents with the same text; every invariant of `embedscan_fuzz::check_feed`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    embedscan_fuzz::pipeline(embedscan_fuzz::Format::Html, data);
});
