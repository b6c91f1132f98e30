use std::collections::BTreeSet;

use clap::CommandFactory;

use super::*;
use crate::cli::Cli;

/// tthc's command line with its help in `lang`, built as for parsing (the
/// global options copied into every command), and the messages it used.
fn localized(lang: Lang) -> (Command, BTreeSet<String>) {
    let mut used = BTreeSet::new();
    let mut command = localize(Cli::command(), lang, &mut used);
    command.build();
    (command, used)
}

/// Every command of the tree under `command`, with its path (`tthc reference import`).
fn commands<'a>(command: &'a Command, path: &str, out: &mut Vec<(String, &'a Command)>) {
    let path = format!("{path} {}", command.get_name()).trim().to_owned();
    out.push((path.clone(), command));
    for sub in command.get_subcommands() {
        commands(sub, &path, out);
    }
}

/// What a person reads of each command and visible argument: the path, then
/// the help (`None` when there is none).
fn help_texts(command: &Command) -> Vec<(String, Option<String>)> {
    let mut all = Vec::new();
    commands(command, "", &mut all);
    let mut texts = Vec::new();
    for (path, command) in all {
        texts.push((
            path.clone(),
            command
                .get_about()
                .map(ToString::to_string)
                .filter(|t| !t.trim().is_empty()),
        ));
        for arg in command.get_arguments().filter(|arg| !arg.is_hide_set()) {
            texts.push((
                format!("{path} {}", arg.get_id()),
                arg.get_help()
                    .map(ToString::to_string)
                    .filter(|t| !t.trim().is_empty()),
            ));
        }
    }
    texts
}

#[test]
fn every_command_and_visible_argument_has_help_in_both_languages() {
    let (vi, _) = localized(Lang::Vi);
    let (en, _) = localized(Lang::En);
    let (vi, en) = (help_texts(&vi), help_texts(&en));
    assert!(vi.len() > 100, "the walk found only {} items", vi.len());
    assert_eq!(
        vi.iter().map(|(path, _)| path).collect::<Vec<_>>(),
        en.iter().map(|(path, _)| path).collect::<Vec<_>>()
    );
    let mut missing = Vec::new();
    let mut untranslated = Vec::new();
    for ((path, vi), (_, en)) in vi.iter().zip(&en) {
        match (vi, en) {
            (Some(vi), Some(en)) if vi == en => untranslated.push(path),
            (Some(_), Some(_)) => {}
            (None, _) => missing.push(format!("vi: {path}")),
            (_, None) => missing.push(format!("en: {path}")),
        }
    }
    assert!(missing.is_empty(), "no help: {missing:#?}");
    assert!(
        untranslated.is_empty(),
        "the same help in both languages: {untranslated:#?}"
    );
}

/// Message identifiers of a Fluent source (terms, `-name`, left out).
fn catalog_ids(source: &str) -> Vec<&str> {
    source
        .lines()
        .filter(|line| !line.starts_with([' ', '#', '-']))
        .filter_map(|line| line.split_once(" ="))
        .map(|(id, _)| id)
        .collect()
}

#[test]
fn every_cli_message_of_the_catalog_is_used() {
    let (_, mut used) = localized(Lang::Vi);
    used.extend(localized(Lang::En).1);
    // Messages the code names itself: clap's errors, the typed values.
    let code = [include_str!("../../cli.rs"), include_str!("../help.rs")].concat();
    let en = catalog_ids(include_str!("../../i18n/en/cli.ftl"));
    assert!(en.len() > 100, "only {} messages found", en.len());
    let unused: Vec<_> = en
        .into_iter()
        .filter(|id| !used.contains(*id) && !code.contains(&format!("\"{id}\"")))
        .collect();
    assert!(unused.is_empty(), "never used: {unused:?}");
}

#[test]
fn the_help_subcommand_names_the_command_asked_for() {
    let mut command = localize(Cli::command(), Lang::En, &mut BTreeSet::new());
    let request = |command: &mut Command, args: &[&str]| {
        help_request(&command.try_get_matches_from_mut(args).unwrap())
    };
    assert_eq!(
        request(&mut command, &["tthc", "help", "reference", "import"]),
        Some(vec!["reference".to_owned(), "import".to_owned()])
    );
    assert_eq!(
        request(&mut command, &["tthc", "reference", "help", "list"]),
        Some(vec!["reference".to_owned(), "list".to_owned()])
    );
    assert_eq!(request(&mut command, &["tthc", "help"]), Some(vec![]));
    assert_eq!(request(&mut command, &["tthc", "counts"]), None);
}

#[test]
fn the_defaults_and_possible_values_are_said_in_the_language_of_the_help() {
    let (command, _) = localized(Lang::Vi);
    let export = command.find_subcommand("export").unwrap();
    let format = export
        .get_arguments()
        .find(|arg| arg.get_id() == "format")
        .unwrap();
    let help = format.get_help().unwrap().to_string();
    assert!(
        help.ends_with("[giá trị: table, csv, json, xlsx]"),
        "{help}"
    );
    let db = export
        .get_arguments()
        .find(|arg| arg.get_id() == "db")
        .unwrap();
    let help = db.get_help().unwrap().to_string();
    assert!(help.contains("[mặc định: tthc.db]"), "{help}");
}
