use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = tthc::cli::Cli::parse();
    match tthc::run(cli) {
        Ok(code) => code,
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            let code = err.exit_code();
            eprintln!("tthc: {:#}", anyhow::Error::new(err));
            ExitCode::from(code)
        }
    }
}
