//! One module per command.

pub(crate) mod completions;
pub(crate) mod counts;
pub(crate) mod decisions;
pub(crate) mod diff;
pub(crate) mod export;
pub(crate) mod history;
pub(crate) mod import;
pub(crate) mod man;
pub(crate) mod search;
pub(crate) mod show;
pub(crate) mod upcoming;
pub(crate) mod verify;

use std::path::Path;

use crate::domain::Day;
use crate::error::Error;
use crate::store::{OpenMode, Store};

/// Opens the catalog for reading; it must exist.
pub(crate) fn open_existing(db: &Path) -> Result<Store, Error> {
    Ok(Store::open(db, OpenMode::Existing)?)
}

/// Parses an `--as-of` value; none means today.
pub(crate) fn as_of(raw: Option<&str>) -> Result<Day, Error> {
    raw.map_or_else(
        || Ok(Day::today()),
        |s| Day::parse(s).map_err(|msg| Error::Usage(format!("--as-of: {msg}"))),
    )
}

/// Parses a date option such as `--signed`.
pub(crate) fn date_option(name: &str, raw: Option<&str>) -> Result<Option<Day>, Error> {
    raw.map(|s| Day::parse(s).map_err(|msg| Error::Usage(format!("--{name}: {msg}"))))
        .transpose()
}
