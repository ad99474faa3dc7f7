//! Typed errors of the library. The binary adds context with anyhow and maps
//! them to exit codes.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The I/O error is part of the message, not a `source`, so that a
    /// report of the chain (`{:#}`) does not print it twice.
    #[error("{path}: {error}")]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("{origin}:{line}: {message}")]
    Lexicon {
        origin: String,
        line: u64,
        message: String,
    },
    #[error("{origin}: {message}")]
    BadFile { origin: String, message: String },
    #[error("invalid option: {0}")]
    Usage(String),
    #[error("writing reports: {0}")]
    Csv(#[from] csv::Error),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, error: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            error,
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;
