use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::*;

/// Message identifiers of a Fluent source, each with the variables it uses.
fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut all: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current = None;
    for line in source.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some((id, _)) = line.split_once('=').filter(|_| !line.starts_with(' ')) {
            current = Some(id.trim().to_owned());
            all.entry(id.trim().to_owned()).or_default();
        }
        if let Some(id) = &current {
            let vars = all.entry(id.clone()).or_default();
            let mut rest = line;
            while let Some(at) = rest.find('$') {
                rest = &rest[at + 1..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                vars.insert(name);
            }
        }
    }
    all
}

fn catalog(sources: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    sources.iter().flat_map(|s| messages(s)).collect()
}

#[test]
fn every_source_parses_without_errors() {
    for source in VI.iter().chain(EN.iter()) {
        if let Err((_, errors)) = FluentResource::try_new((*source).to_owned()) {
            panic!("{errors:?}");
        }
    }
}

#[test]
fn both_languages_have_the_same_messages_with_the_same_variables() {
    let vi = catalog(&VI);
    let en = catalog(&EN);
    let vi_ids: BTreeSet<_> = vi.keys().collect();
    let en_ids: BTreeSet<_> = en.keys().collect();
    assert_eq!(
        vi_ids.symmetric_difference(&en_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "messages in one language only"
    );
    for (id, vars) in &en {
        assert_eq!(Some(vars), vi.get(id), "variables of {id}");
    }
}

fn rust_sources(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// Identifiers named literally in the code: `tr!("id"`, outside comments.
fn used_ids() -> BTreeSet<String> {
    let mut sources = Vec::new();
    rust_sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut sources,
    );
    let mut ids = BTreeSet::new();
    for source in &sources {
        let code: String = source
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let mut rest = code.as_str();
        while let Some(at) = rest.find("tr!(") {
            let before = rest[..at].chars().next_back();
            rest = &rest[at + 4..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            if let Some(literal) = rest.trim_start().strip_prefix('"') {
                let id: String = literal
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                if !id.is_empty() {
                    ids.insert(id);
                }
            }
        }
    }
    ids
}

#[test]
fn every_message_the_code_asks_for_is_in_the_catalog() {
    let en = catalog(&EN);
    let missing: Vec<_> = used_ids()
        .into_iter()
        .filter(|id| !en.contains_key(id))
        .collect();
    assert!(missing.is_empty(), "not in the catalog: {missing:?}");
}

#[test]
fn every_message_of_the_catalog_is_used() {
    // The command-line help (cli.ftl) is looked up by the names of commands
    // and options; the CLI's own test checks it.
    let used = used_ids();
    let unused: Vec<_> = EN
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 1)
        .map(|(_, s)| s)
        .flat_map(|s| messages(s).into_keys())
        .filter(|id| !used.contains(id) && !id.starts_with('-'))
        .collect();
    assert!(unused.is_empty(), "never used: {unused:?}");
}

#[test]
fn the_locale_chooses_vietnamese_only_when_it_starts_with_vi() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    };
    assert_eq!(Lang::from_environment(env(&[])), Lang::En);
    assert_eq!(
        Lang::from_environment(env(&[("LANG", "vi_VN.UTF-8")])),
        Lang::Vi
    );
    assert_eq!(
        Lang::from_environment(env(&[("LANG", "C.UTF-8")])),
        Lang::En
    );
    // LC_ALL outranks LC_MESSAGES, which outranks LANG; empty means unset.
    assert_eq!(
        Lang::from_environment(env(&[("LANG", "vi_VN"), ("LC_ALL", "en_US.UTF-8")])),
        Lang::En
    );
    assert_eq!(
        Lang::from_environment(env(&[("LANG", "en_US"), ("LC_MESSAGES", "vi")])),
        Lang::Vi
    );
    assert_eq!(
        Lang::from_environment(env(&[("LANG", "vi"), ("LC_ALL", "")])),
        Lang::Vi
    );
    assert_eq!(Lang::of_locale("video"), Lang::Vi, "only the prefix counts");
}

#[test]
fn lang_on_the_command_line_is_found_before_parsing() {
    assert_eq!(
        Lang::from_args(&["tthc", "counts", "--lang", "vi"]),
        Some(Lang::Vi)
    );
    assert_eq!(
        Lang::from_args(&["tthc", "--lang=en", "counts"]),
        Some(Lang::En)
    );
    assert_eq!(Lang::from_args(&["tthc", "--lang", "fr"]), None);
    assert_eq!(Lang::from_args(&["tthc", "--", "--lang", "vi"]), None);
    assert_eq!(Lang::from_args(&["tthc", "counts"]), None);
}

#[test]
fn messages_take_numbers_for_plurals_and_fall_back_to_english() {
    assert_eq!(
        message_in(Lang::En, "rejected", &[("count", FluentValue::from(1))]),
        "input rejected, nothing was written (1 problem)"
    );
    assert_eq!(
        message_in(Lang::En, "rejected", &[("count", FluentValue::from(3))]),
        "input rejected, nothing was written (3 problems)"
    );
    assert_eq!(
        message_in(Lang::Vi, "rejected", &[("count", FluentValue::from(3))]),
        "dữ liệu bị từ chối, chưa ghi gì vào danh mục (3 lỗi)"
    );
    assert_eq!(
        message_in(Lang::Vi, "no-such-message", &[]),
        "no-such-message"
    );
}

#[test]
fn in_lang_chooses_the_language_of_this_thread_only_for_a_while() {
    let outside = current();
    let inside = in_lang(Lang::Vi, || {
        let other = std::thread::spawn(current).join().unwrap();
        (current(), other, crate::tr!("cannot-write-output"))
    });
    assert_eq!(inside.0, Lang::Vi);
    assert_eq!(inside.1, outside, "another thread keeps the run's language");
    assert_eq!(inside.2, "không ghi được dữ liệu ra");
    assert_eq!(current(), outside);
}

#[test]
fn dates_are_written_day_first_except_in_time_stamps_and_references() {
    assert_eq!(day_first("2025-11-19"), "19/11/2025");
    assert_eq!(
        day_first("hiệu lực 2026-03-01, 2026-04-01"),
        "hiệu lực 01/03/2026, 01/04/2026"
    );
    assert_eq!(
        day_first("1580/QĐ-UBND@2025-06-20"),
        "1580/QĐ-UBND@2025-06-20"
    );
    assert_eq!(day_first("2026-03-01T09:00:00Z"), "2026-03-01T09:00:00Z");
    assert_eq!(day_first("mã 1.001612, dòng 12"), "mã 1.001612, dòng 12");
    assert_eq!(day_first("12025-11-19"), "12025-11-19");
}
