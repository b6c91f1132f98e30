//! `tthc upcoming`: stored changes that take effect after today, within a horizon.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::{Format, UpcomingArgs};
use crate::domain::Day;
use crate::error::Error;
use crate::output::{Sink, table, write_json};
use crate::store::UpcomingChange;

pub(crate) fn run(db: &Path, args: &UpcomingArgs) -> Result<ExitCode, Error> {
    let (format, delimiter) = super::read_format_csv(args.format, &args.csv)?;
    let today = Day::today();
    let days = i32::try_from(args.days).unwrap_or(i32::MAX);
    let until = Day::from_number(today.number().saturating_add(days).min(Day::OPEN - 1));
    let store = super::open_existing(db)?;
    let known = super::known(&store, &args.known_at)?;
    let changes = store.upcoming_known(today, until, &known)?;
    let known_at = args.known_at.moment.as_ref().map(|m| m.utc.as_str());
    let records: Vec<ChangeRecord> = changes.iter().map(ChangeRecord::new).collect();
    let mut out = Sink::open(None)?;
    match format {
        Format::Json => write_json(
            &mut out,
            &UpcomingJson {
                known_at,
                today: today.to_string(),
                until: until.to_string(),
                changes: records,
            },
        )?,
        Format::Csv => {
            let mut w = crate::output::csv_writer(&mut out, delimiter);
            w.write_record(CSV_HEADER)?;
            for r in &records {
                w.write_record([
                    r.effective.as_str(),
                    r.decision.0,
                    &r.decision.1,
                    r.action,
                    r.level,
                    &r.code,
                    r.name,
                    r.replaces.as_deref().unwrap_or_default(),
                ])?;
            }
            w.flush()?;
        }
        Format::Table => {
            write_table(&mut out, today, until, args.days, &records)?;
            if let Some(moment) = known_at {
                writeln!(out, "\n{}", crate::tr!("audit-known-at", moment = moment))?;
            }
        }
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

const CSV_HEADER: [&str; 8] = [
    "effective",
    "decision",
    "signed",
    "action",
    "level",
    "code",
    "name",
    "replaces",
];

#[derive(Serialize)]
struct UpcomingJson<'a> {
    /// With `--known-at`: the moment (UTC) the changes are as known at.
    #[serde(skip_serializing_if = "Option::is_none")]
    known_at: Option<&'a str>,
    /// The day the list was made; changes effective after it are listed.
    today: String,
    /// The last day of the horizon (included).
    until: String,
    changes: Vec<ChangeRecord<'a>>,
}

#[derive(Serialize)]
struct ChangeRecord<'a> {
    effective: String,
    #[serde(serialize_with = "decision_json")]
    decision: (&'a str, String),
    action: &'static str,
    level: &'static str,
    code: String,
    name: &'a str,
    /// The old code, for a replacement by another code.
    #[serde(skip_serializing_if = "Option::is_none")]
    replaces: Option<String>,
}

/// A decision's number and signing date as `{"number", "signed"}`.
fn decision_json<S: serde::Serializer>(d: &(&str, String), s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeStruct as _;
    let mut st = s.serialize_struct("Decision", 2)?;
    st.serialize_field("number", d.0)?;
    st.serialize_field("signed", &d.1)?;
    st.end()
}

impl<'a> ChangeRecord<'a> {
    fn new(c: &'a UpcomingChange) -> Self {
        ChangeRecord {
            effective: c.effective.to_string(),
            decision: (&c.decision, c.signed.to_string()),
            action: c.action.as_str(),
            level: c.level.as_str(),
            code: c.code.to_string(),
            name: &c.name,
            replaces: c.replaces.map(|r| r.to_string()),
        }
    }
}

fn write_table(
    out: &mut Sink,
    today: Day,
    until: Day,
    days: u32,
    records: &[ChangeRecord<'_>],
) -> Result<(), Error> {
    let (today, until) = (today.to_string(), until.to_string());
    if records.is_empty() {
        writeln!(
            out,
            "{}",
            crate::tr!(
                "upcoming-none",
                days = days,
                today = today.as_str(),
                until = until.as_str()
            )
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "{}",
        crate::tr!(
            "upcoming-title",
            count = records.len(),
            days = days,
            today = today.as_str(),
            until = until.as_str()
        )
    )?;
    let heading = [
        crate::tr!("table-effective"),
        crate::tr!("table-decision"),
        crate::tr!("table-action"),
        crate::tr!("table-level"),
        crate::tr!("table-code"),
        crate::tr!("table-name"),
    ];
    let mut t = table(&heading.each_ref().map(String::as_str));
    for r in records {
        let action = crate::output::action_word(r.action);
        let action = match &r.replaces {
            Some(old) => crate::tr!("table-replaces", action = action, old = old.as_str()),
            None => action,
        };
        t.add_row([
            r.effective.clone(),
            r.decision.0.to_owned(),
            action,
            crate::output::level_text(r.level),
            r.code.clone(),
            r.name.to_owned(),
        ]);
    }
    writeln!(out, "{t}")?;
    Ok(())
}
