//! The command line in the run's language: the help of every command and
//! argument, clap's own words ("Usage:", "Options:", "[default: …]") and its
//! error messages, all from the catalog (`src/i18n/*/cli.ftl`).
//!
//! The help is looked up by command path and argument, and applied to the
//! `clap::Command` before parsing:
//! - `cli-PATH-about`: the first line of a command's help; PATH is `cli` for
//!   tthc itself, `cli-export` for `tthc export`, `cli-reference-import` for
//!   `tthc reference import`;
//! - `cli-PATH-long-about`: the paragraphs `--help` shows after that line;
//! - `cli-PATH-after-help`: the text after the options (the exit codes);
//! - `cli-PATH-arg-KEY`, else `cli-arg-KEY` (help shared by every command
//!   that has the argument): an argument's help; KEY is its long name
//!   (`known-at`), or for a positional argument its id with hyphens (`files`);
//! - `cli-PATH-arg-KEY-value-VALUE`, else `cli-arg-KEY-value-VALUE`: the help
//!   of one possible value.
//!
//! The `help` subcommands are `cli-help`. The tests below check that every
//! command and visible argument has help in both languages, and that the
//! catalog has no `cli-` message nothing asks for.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

use crate::i18n::{self, Lang};

/// Applies the help in `lang` to `command` and every subcommand, and adds
/// the `-h/--help`, `-V/--version` flags and `help` subcommands in that
/// language. `used` receives the identifier of every message applied.
pub(crate) fn localize(command: Command, lang: Lang, used: &mut BTreeSet<String>) -> Command {
    Localizer { lang, used }.command(command, "cli", true)
}

/// The place of `-h/--help` and `-V/--version` in the help: last, as clap's own.
const LAST: usize = 10_000;

struct Localizer<'a> {
    lang: Lang,
    used: &'a mut BTreeSet<String>,
}

impl Localizer<'_> {
    /// The message `id`, if the catalog has it in this language.
    fn text(&mut self, id: &str) -> Option<String> {
        if !i18n::has(self.lang, id) {
            return None;
        }
        self.used.insert(id.to_owned());
        Some(i18n::message_in(self.lang, id, &[]))
    }

    /// The first of the messages `ids` the catalog has.
    fn first(&mut self, ids: &[String]) -> Option<String> {
        ids.iter().find_map(|id| self.text(id))
    }

    /// A word of clap's (a heading, a label).
    fn word(&mut self, id: &str) -> String {
        self.text(id).unwrap_or_else(|| id.to_owned())
    }

    fn command(&mut self, mut command: Command, path: &str, root: bool) -> Command {
        let mut names: Vec<String> = command
            .get_subcommands()
            .map(|sub| sub.get_name().to_owned())
            .collect();
        if !names.is_empty() {
            // clap's own `help` subcommand speaks English: tthc has its own,
            // which `Cli::from_env` answers with the help of the command named.
            command = command.disable_help_subcommand(true).subcommand(
                Command::new("help").arg(
                    Arg::new("command")
                        .action(ArgAction::Append)
                        .num_args(..)
                        .value_name("COMMAND"),
                ),
            );
            names.push("help".to_owned());
        }
        for name in names {
            let sub_path = if name == "help" {
                "cli-help".to_owned()
            } else {
                format!("{path}-{name}")
            };
            command = command.mut_subcommand(&name, |sub| self.command(sub, &sub_path, false));
        }

        if let Some(about) = self.text(&format!("{path}-about")) {
            if let Some(more) = self.text(&format!("{path}-long-about")) {
                command = command.long_about(format!("{about}\n\n{more}"));
            }
            command = command.about(about);
        }
        if let Some(after) = self.text(&format!("{path}-after-help")) {
            command = command.after_help(after);
        }

        let arguments = self.word("cli-heading-arguments");
        let options = self.word("cli-heading-options");
        command = command.mut_args(|arg| self.arg(arg, path, &arguments, &options));

        let long_help_exists = command.get_long_about().is_some()
            || command
                .get_arguments()
                .any(|arg| arg.get_long_help().is_some());
        let mut help = Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .display_order(LAST)
            .help_heading(options.clone());
        help = if long_help_exists {
            help.help(self.word("cli-help-flag-summary"))
                .long_help(self.word("cli-help-flag-full"))
        } else {
            help.help(self.word("cli-help-flag"))
        };
        command = command.disable_help_flag(true).arg(help);
        if root && command.get_version().is_some() {
            command = command.disable_version_flag(true).arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version)
                    .display_order(LAST)
                    .help(self.word("cli-version-flag"))
                    .help_heading(options),
            );
        }

        let usage = self.word("cli-heading-usage");
        let style = command.get_styles().get_usage();
        let template = format!(
            "{{before-help}}{{about-with-newline}}\n{}{usage}:{} {{usage}}\n\n{{all-args}}{{after-help}}",
            style.render(),
            style.render_reset()
        );
        command
            .help_template(template)
            .subcommand_help_heading(self.word("cli-heading-commands"))
    }

    fn arg(&mut self, arg: Arg, path: &str, arguments: &str, options: &str) -> Arg {
        if arg.is_hide_set() {
            return arg;
        }
        let key = arg
            .get_long()
            .map_or_else(|| arg.get_id().as_str().replace('_', "-"), str::to_owned);
        let Some(help) = self.first(&[format!("{path}-arg-{key}"), format!("cli-arg-{key}")])
        else {
            return arg;
        };

        let takes_values = arg.get_action().takes_values();
        let mut specs = self.specs(&arg);
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|value| takes_values && !value.is_hide_set())
            .map(|value| value.get_name().to_owned())
            .collect();
        let mut described = Vec::new();
        for value in &values {
            if let Some(text) = self.first(&[
                format!("{path}-arg-{key}-value-{value}"),
                format!("cli-arg-{key}-value-{value}"),
            ]) {
                described.push((value.clone(), text));
            }
        }
        let mut long_specs = specs.clone();
        if !values.is_empty() {
            let list = format!(
                "[{}: {}]",
                self.word("cli-spec-possible-values"),
                values.join(", ")
            );
            specs.push(list.clone());
            if described.is_empty() {
                long_specs.push(list);
            }
        }

        let mut short = help.clone();
        for spec in &specs {
            short.push(' ');
            short.push_str(spec);
        }
        let mut long = help;
        if !described.is_empty() {
            let width = described
                .iter()
                .map(|(value, _)| value.chars().count())
                .max()
                .unwrap_or(0);
            let _ = write!(long, "\n\n{}:", self.word("cli-spec-possible-values-list"));
            for (value, text) in &described {
                let _ = write!(
                    long,
                    "\n- {value}: {:pad$}{text}",
                    "",
                    pad = width - value.chars().count()
                );
            }
        }
        if !long_specs.is_empty() {
            long.push_str("\n\n");
            long.push_str(&long_specs.join("\n"));
        }

        let heading = if arg.is_positional() {
            arguments
        } else {
            options
        };
        let arg = arg
            .help(short.clone())
            .hide_env(true)
            .hide_default_value(takes_values)
            .hide_possible_values(takes_values)
            .help_heading(heading.to_owned());
        if long == short {
            arg
        } else {
            arg.long_help(long)
        }
    }

    /// clap's "[env: …]" and "[default: …]" of an argument, in this language.
    fn specs(&mut self, arg: &Arg) -> Vec<String> {
        let mut specs = Vec::new();
        if let Some(env) = arg.get_env() {
            let value = std::env::var_os(env).unwrap_or_default();
            specs.push(format!(
                "[{}: {}={}]",
                self.word("cli-spec-env"),
                env.to_string_lossy(),
                value.to_string_lossy()
            ));
        }
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|value| value.to_string_lossy().into_owned())
            .collect();
        if arg.get_action().takes_values() && !defaults.is_empty() {
            specs.push(format!(
                "[{}: {}]",
                self.word("cli-spec-default"),
                defaults.join(" ")
            ));
        }
        specs
    }
}

/// The command path of a `help` subcommand's request (`tthc help reference
/// import` asks for `reference import`), if the command line is one.
pub(crate) fn help_request(matches: &clap::ArgMatches) -> Option<Vec<String>> {
    let mut path = Vec::new();
    let mut matches = matches;
    while let Some((name, sub)) = matches.subcommand() {
        if name == "help" {
            path.extend(
                sub.get_many::<String>("command")
                    .into_iter()
                    .flatten()
                    .cloned(),
            );
            return Some(path);
        }
        path.push(name.to_owned());
        matches = sub;
    }
    None
}

/// The text of a command-line error in the run's language, without the
/// leading `error: ` (the caller writes `tthc: `): the message, the similar
/// names clap found, the usage and where to read more, as clap lays them out.
pub(crate) fn error_text(err: &clap::Error) -> String {
    let Some(mut text) = message(err) else {
        // A kind tthc does not translate: clap's own words.
        let text = err.render().to_string();
        return text.strip_prefix("error: ").unwrap_or(&text).to_owned();
    };

    let mut tipped = false;
    for (kind, one, many) in [
        (
            ContextKind::SuggestedSubcommand,
            "cli-error-similar-subcommand",
            "cli-error-similar-subcommands",
        ),
        (
            ContextKind::SuggestedArg,
            "cli-error-similar-argument",
            "cli-error-similar-arguments",
        ),
        (
            ContextKind::SuggestedValue,
            "cli-error-similar-value",
            "cli-error-similar-values",
        ),
    ] {
        let names = match err.get(kind) {
            Some(ContextValue::String(name)) => vec![name.clone()],
            Some(ContextValue::Strings(names)) => names.clone(),
            _ => continue,
        };
        let quoted = names
            .iter()
            .map(|name| format!("'{name}'"))
            .collect::<Vec<_>>()
            .join(", ");
        let tip = if names.len() == 1 {
            i18n::message(one, &[("values", quoted.as_str().into())])
        } else {
            i18n::message(many, &[("values", quoted.as_str().into())])
        };
        text.push_str(if tipped { "\n" } else { "\n\n" });
        tipped = true;
        let _ = write!(text, "  {}: {tip}", crate::tr!("cli-error-tip"));
    }
    if let Some(ContextValue::StyledStrs(suggestions)) = err.get(ContextKind::Suggested) {
        if !tipped {
            text.push('\n');
        }
        for suggestion in suggestions {
            let _ = write!(text, "\n  {}: {suggestion}", crate::tr!("cli-error-tip"));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = err.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim_start();
        let _ = write!(text, "\n\n{}: {usage}", crate::tr!("cli-heading-usage"));
    }
    let _ = write!(
        text,
        "\n\n{}\n",
        crate::tr!("cli-error-more", help = "--help")
    );
    text
}

/// The first lines of an error's text: what is wrong, with the possible
/// values; `None` for the kinds tthc leaves to clap.
fn message(err: &clap::Error) -> Option<String> {
    let string = |kind| match err.get(kind) {
        Some(ContextValue::String(value)) => Some(value.clone()),
        _ => None,
    };
    let strings = |kind| match err.get(kind) {
        Some(ContextValue::Strings(values)) => Some(values.clone()),
        _ => None,
    };
    let number = |kind| match err.get(kind) {
        Some(ContextValue::Number(n)) => Some(*n as i64),
        _ => None,
    };
    let list = |name: &str, values: Option<Vec<String>>| match values {
        Some(values) if !values.is_empty() => format!("\n  [{name}: {}]", values.join(", ")),
        _ => String::new(),
    };
    let text = match err.kind() {
        ErrorKind::UnknownArgument => {
            crate::tr!(
                "cli-error-unknown-argument",
                arg = string(ContextKind::InvalidArg)?
            )
        }
        ErrorKind::InvalidSubcommand => crate::tr!(
            "cli-error-unknown-subcommand",
            command = string(ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::InvalidValue => {
            let arg = string(ContextKind::InvalidArg)?;
            let value = string(ContextKind::InvalidValue)?;
            let head = if value.is_empty() {
                crate::tr!("cli-error-missing-value", arg = arg)
            } else {
                crate::tr!("cli-error-invalid-value", value = value, arg = arg)
            };
            head + &list(
                &crate::tr!("cli-error-possible-values"),
                strings(ContextKind::ValidValue),
            )
        }
        ErrorKind::ValueValidation => {
            let mut text = crate::tr!(
                "cli-error-invalid-value",
                value = string(ContextKind::InvalidValue)?,
                arg = string(ContextKind::InvalidArg)?
            );
            if let Some(source) = std::error::Error::source(err) {
                let _ = write!(text, ": {source}");
            }
            text
        }
        ErrorKind::MissingRequiredArgument => {
            let mut text = crate::tr!("cli-error-missing-required");
            for arg in strings(ContextKind::InvalidArg)? {
                let _ = write!(text, "\n  {arg}");
            }
            text
        }
        ErrorKind::MissingSubcommand => {
            crate::tr!(
                "cli-error-missing-subcommand",
                command = string(ContextKind::InvalidSubcommand)?
            ) + &list(
                &crate::tr!("cli-error-subcommands"),
                strings(ContextKind::ValidSubcommand),
            )
        }
        ErrorKind::ArgumentConflict => conflict(err, &string(ContextKind::InvalidArg)?),
        ErrorKind::TooManyValues => crate::tr!(
            "cli-error-too-many-values",
            value = string(ContextKind::InvalidValue)?,
            arg = string(ContextKind::InvalidArg)?
        ),
        ErrorKind::WrongNumberOfValues => crate::tr!(
            "cli-error-wrong-number-of-values",
            arg = string(ContextKind::InvalidArg)?,
            expected = number(ContextKind::ExpectedNumValues)?,
            actual = number(ContextKind::ActualNumValues)?
        ),
        ErrorKind::NoEquals => {
            crate::tr!(
                "cli-error-no-equals",
                arg = string(ContextKind::InvalidArg)?
            )
        }
        ErrorKind::InvalidUtf8 => crate::tr!("cli-error-invalid-utf8"),
        _ => return None,
    };
    Some(text)
}

/// The message of an argument given with another it excludes, or twice.
fn conflict(err: &clap::Error, arg: &str) -> String {
    match err.get(ContextKind::PriorArg) {
        Some(ContextValue::String(other)) if other == arg => {
            crate::tr!("cli-error-repeated", arg = arg)
        }
        Some(ContextValue::String(other)) => {
            crate::tr!("cli-error-conflict", arg = arg, other = other)
        }
        Some(ContextValue::Strings(others)) => {
            let mut text = crate::tr!("cli-error-conflict-many", arg = arg);
            for other in others {
                let _ = write!(text, "\n  {other}");
            }
            text
        }
        _ => crate::tr!("cli-error-conflict-any", arg = arg),
    }
}

#[cfg(test)]
mod tests;
