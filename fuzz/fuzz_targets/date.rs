//! Arbitrary bytes, lossily decoded, through `date::parse_prefix` / `date::parse` with no
//! language hint and with a few hints; see `embedscan_fuzz::date`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    embedscan_fuzz::date(data);
});
