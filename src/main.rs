use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match tthc::cli::Cli::from_env() {
        Ok(cli) => cli,
        Err(err) => return tthc::cli::usage(&err),
    };
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
