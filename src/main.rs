//! The `stance` binary: parses the command line and hands over to one
//! subcommand module. Exit status: 0 success, 1 some input rejected or the
//! run failed, 2 usage or configuration error.

mod cmd;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: the pipeline allocates many
/// small, short-lived values (tones, targets, report cells); see README,
/// "Performance", for the measurement.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
