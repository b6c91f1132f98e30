//! `tthc config`: settings kept with the catalog, such as the province the
//! exported annex names.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::ConfigArgs;
use crate::domain::text::clean;
use crate::error::Error;
use crate::output::Sink;
use crate::store::{OpenMode, Store};

pub(crate) fn run(db: &Path, args: &ConfigArgs) -> Result<ExitCode, Error> {
    let name = args.name.name();
    let Some(value) = &args.value else {
        let store = super::open_existing(db)?;
        match store.setting(name)? {
            Some(value) => {
                let mut out = Sink::open(None)?;
                writeln!(out, "{value}")?;
                out.finish()?;
            }
            None => eprintln!("tthc: {}", crate::tr!("config-not-set", name = name)),
        }
        return Ok(ExitCode::SUCCESS);
    };
    let value = setting_value(name, value)?;
    let mut store = Store::open(db, OpenMode::Existing)?;
    if store.is_read_only() {
        return Err(Error::Usage(crate::tr!(
            "config-read-only",
            path = db.display().to_string()
        )));
    }
    store.set_setting(name, value.as_deref())?;
    Ok(ExitCode::SUCCESS)
}

/// The value to store: trimmed and in NFC, `None` for an empty one (which
/// clears the setting); a control character (a line break, a tab) is a
/// usage error, since the value is one line of a heading.
fn setting_value(name: &str, raw: &str) -> Result<Option<String>, Error> {
    if raw.chars().any(char::is_control) {
        return Err(Error::Usage(crate::tr!(
            "config-control-character",
            name = name,
            value = format!("{raw:?}")
        )));
    }
    let value = clean(raw);
    Ok((!value.is_empty()).then_some(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_trimmed_an_empty_one_clears_and_a_line_break_is_refused() {
        assert_eq!(
            setting_value("province", "  Tỉnh Yên Bái ")
                .unwrap()
                .as_deref(),
            Some("Tỉnh Yên Bái")
        );
        assert_eq!(setting_value("province", " ").unwrap(), None);
        assert!(matches!(
            setting_value("province", "Tỉnh\nYên Bái"),
            Err(Error::Usage(_))
        ));
    }
}
