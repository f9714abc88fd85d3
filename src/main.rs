//! The `embedscan` command: inputs in, feed out. All the work is in the library.
//!
//! Exit codes: 0 when every input was read, 1 when some input failed (the others are still in
//! the output), 2 for usage errors.

mod cli;

use clap::Parser;
use embedscan::{assemble, extract, input, output, Error};
use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    let mut failed = false;
    let quiet = args.quiet;
    let mut warn = |e: Error| {
        if !quiet {
            eprintln!("embedscan: warning: {e}");
        }
    };
    let mut fail = |e: Error| {
        eprintln!("embedscan: error: {e}");
        failed = true;
    };

    let sources = input::collect(&args.inputs, &mut fail);
    let mut extractions = Vec::with_capacity(sources.len());
    for source in &sources {
        match input::read(source, &mut warn) {
            Ok(doc) => extractions.push(extract(&doc)),
            Err(e) => fail(e),
        }
    }
    if extractions.is_empty() {
        fail(Error::NothingToScan);
        return ExitCode::from(1);
    }
    let feed = assemble(extractions);
    if let Err(e) = write_output(&feed, &args) {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return ExitCode::SUCCESS;
        }
        let path = args.output.clone().unwrap_or_else(|| "-".into());
        fail(Error::Io { path, source: e });
        return ExitCode::from(1);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn write_output(feed: &embedscan::Feed, args: &cli::Args) -> io::Result<()> {
    let format = args.format.into();
    match &args.output {
        Some(path) => {
            let mut out = io::BufWriter::new(std::fs::File::create(path)?);
            output::write(feed, format, &mut out)?;
            out.flush()
        }
        None => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            output::write(feed, format, &mut out)?;
            out.flush()
        }
    }
}
