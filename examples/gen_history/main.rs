//! Writes a deterministic synthetic decision history for load tests and benchmarks.
//!
//! ```text
//! cargo run --release --example gen_history -- --rows 1000000 --out history.csv [--seed N]
//! ```
//!
//! The rows go to `--out` (one CSV in the import format, many decisions); the summary
//! (row and decision counts, the counts in force per level at the end) goes to stdout as JSON.

mod generator;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: gen_history --rows N --out FILE [--seed N]";

fn parse_args() -> Result<(generator::Config, String), String> {
    let mut cfg = generator::Config::default();
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        if name == "-h" || name == "--help" {
            return Err(String::new());
        }
        let value = inline
            .or_else(|| args.next())
            .ok_or_else(|| format!("{name} needs a value"))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{name}: not a number: {value}"))
        };
        match name.as_str() {
            "--rows" => cfg.rows = number()?,
            "--seed" => cfg.seed = number()?,
            "--out" => out = Some(value),
            _ => return Err(format!("unknown argument: {name}")),
        }
    }
    let out = out.ok_or("--out FILE is required")?;
    Ok((cfg, out))
}

fn main() -> ExitCode {
    let (cfg, path) = match parse_args() {
        Ok(parsed) => parsed,
        Err(message) => {
            if message.is_empty() {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            eprintln!("gen_history: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = File::create(&path).and_then(|file| {
        let mut out = BufWriter::with_capacity(1 << 20, file);
        let summary = generator::generate(&cfg, &mut out)?;
        out.flush()?;
        Ok(summary)
    });
    match result {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_history: {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
