//! The integration tests, one binary (one link step) with a module per concept.

mod common;

mod adversarial_speed_inputs;
mod cli;
mod conformance;
mod dedup;
mod embeds;
mod fuzz_regressions;
mod hostile;
mod html;
mod link;
mod mapreduce;
mod negatives;
mod properties;
mod quotes;
mod realworld;
mod scale;
mod snapshots;
