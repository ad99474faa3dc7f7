//! The `stance` binary: parses the command line and hands over to one
//! subcommand module. Exit status: 0 success, 1 some input rejected or the
//! run failed, 2 usage or configuration error.

mod cmd;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cmd::Cli::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("stance: error: {err:#}");
            ExitCode::from(cmd::exit_code(&err))
        }
    }
}
