//! The README's quick start, the counts `data/README.md` promises for it, and
//! the shell examples of the README and of docs/commands.md, run as written.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::common::{BIN, Counts, Test};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn data_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(format!("{ROOT}/data"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    files
}

/// The rows of the "Expected counts" table of data/README.md.
fn promised_counts() -> Vec<Counts> {
    let text = std::fs::read_to_string(format!("{ROOT}/data/README.md")).unwrap();
    text.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            let numbers: Vec<u64> = cells
                .get(1..)?
                .iter()
                .filter_map(|c| c.parse().ok())
                .collect();
            (cells.len() == 6 && numbers.len() == 5 && cells[0].len() == 10).then(|| {
                Counts::new(
                    cells[0],
                    [numbers[0], numbers[1], numbers[2], numbers[3], numbers[4]],
                )
            })
        })
        .collect()
}

#[test]
fn the_quick_start_imports_the_sample_data_and_gives_the_promised_counts() {
    let readme = std::fs::read_to_string(format!("{ROOT}/README.md")).unwrap();
    assert!(
        readme.contains("import data/*.csv"),
        "README quick start changed"
    );
    assert!(readme.contains("cargo test"), "README test command changed");
    let test = Test::new();
    let files = data_files();
    assert_eq!(files.len(), 7);
    let summary = test.bare(&["import"]).args(&files).run();
    assert!(
        summary.stdout.contains("Imported 7 decisions"),
        "{}",
        summary.stdout
    );
    // On a terminal a table; piped, as here, csv.
    test.bare(&["counts"]).stdout_has("as_of,province,").run();
    test.bare(&["counts", "--format", "table"])
        .stdout_has("Province level")
        .run();
    test.bare(&["counts", "--format", "table"])
        .env("LANG", "vi_VN.UTF-8")
        .stdout_has("Cấp tỉnh")
        .run();
    let promised = promised_counts();
    assert_eq!(promised.len(), 2, "the table of data/README.md changed");
    for counts in promised {
        let got: Counts = test
            .bare(&["counts", "--format", "json", "--as-of", &counts.as_of])
            .run()
            .json();
        assert_eq!(got, counts);
    }
    test.bare(&["verify"]).stdout_has("no mismatch").run();
}

/// One command of a `console` block: what follows `$ `, and the lines shown
/// after it (its standard output and standard error as a terminal shows them).
struct Example {
    line: usize,
    command: String,
    shown: Vec<String>,
}

/// What the README's fenced blocks ask the test to do, in the README's order.
enum Step {
    /// A command, with the output the README shows for it (possibly none).
    Run(Example),
    /// An `sh` block that starts with `#!`: a script the README asks the
    /// user to save, under the name its second line gives (`# NAME: ...`).
    Save {
        line: usize,
        name: String,
        text: String,
    },
}

impl Step {
    fn line(&self) -> usize {
        match self {
            Step::Run(example) => example.line,
            Step::Save { line, .. } => *line,
        }
    }
}

/// The `console` and `sh` blocks of a document (`file` names it in
/// messages). A block right after a line `<!-- not run: ... -->` is left
/// out; blocks in other languages (json, csv, crontab) are not commands.
fn doc_steps(doc: &str, file: &str) -> Vec<Step> {
    let lines: Vec<&str> = doc.lines().collect();
    let mut steps = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(lang) = lines[i].strip_prefix("```") else {
            i += 1;
            continue;
        };
        let skipped = i > 0 && lines[i - 1].starts_with("<!-- not run");
        let start = i + 1;
        let end = (start..lines.len())
            .find(|&j| lines[j].starts_with("```"))
            .unwrap_or_else(|| panic!("{file}:{}: the block never closes", i + 1));
        let body = &lines[start..end];
        i = end + 1;
        if skipped {
            continue;
        }
        match lang.trim() {
            "console" => {
                let mut current: Option<Example> = None;
                for (k, line) in body.iter().enumerate() {
                    if let Some(command) = line.strip_prefix("$ ") {
                        steps.extend(current.take().map(Step::Run));
                        current = Some(Example {
                            line: start + k + 1,
                            command: command.to_owned(),
                            shown: Vec::new(),
                        });
                    } else if let Some(example) = current.as_mut() {
                        example.shown.push((*line).to_owned());
                    } else {
                        panic!("{file}:{}: output before any command", start + k + 1);
                    }
                }
                steps.extend(current.map(Step::Run));
            }
            "sh" if body.first().is_some_and(|l| l.starts_with("#!")) => {
                let Some((name, _)) = body
                    .get(1)
                    .and_then(|l| l.strip_prefix("# "))
                    .and_then(|l| l.split_once(':'))
                else {
                    panic!("{file}:{start}: a script names itself on its second line");
                };
                let name = name.to_owned();
                steps.push(Step::Save {
                    line: start,
                    name,
                    text: body.join("\n") + "\n",
                });
            }
            "sh" => {
                for (k, line) in body.iter().enumerate() {
                    if !line.trim().is_empty() && !line.starts_with('#') {
                        steps.push(Step::Run(Example {
                            line: start + k + 1,
                            command: (*line).to_owned(),
                            shown: Vec::new(),
                        }));
                    }
                }
            }
            _ => {}
        }
    }
    steps
}

/// Whether the lines shown match the lines printed. A line `…` stands for
/// any number of lines, and `…` inside a line for any text; trailing
/// spaces and trailing empty lines do not count.
fn shown_matches(shown: &[String], printed: &[&str]) -> bool {
    match shown.split_first() {
        None => printed.is_empty(),
        Some((first, rest)) if first.trim() == "…" => {
            (0..=printed.len()).any(|skip| shown_matches(rest, &printed[skip..]))
        }
        Some((first, rest)) => printed.split_first().is_some_and(|(line, others)| {
            line_matches(first.trim_end(), line.trim_end()) && shown_matches(rest, others)
        }),
    }
}

fn line_matches(shown: &str, printed: &str) -> bool {
    let mut parts = shown.split('…');
    let first = parts.next().unwrap_or("");
    let Some(mut rest) = printed.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    for (n, part) in parts.iter().enumerate() {
        if n + 1 == parts.len() {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.is_empty()
}

fn trimmed_lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

/// The command as the test runs it: `cargo run --release --` is the binary
/// under test, and a command shown with a table (as on a terminal) asks for
/// one, since the test's output is a pipe.
fn as_run(example: &Example) -> String {
    let mut command = example.command.replace("cargo run --release -- ", "tthc ");
    let shows_table = example.shown.iter().any(|l| l.starts_with('┌'));
    if shows_table && !command.contains("--format") && !command.contains(['|', '>', ';', '&']) {
        command.push_str(" --format table");
    }
    command
}

/// A directory to run a document's examples in: `tthc` on the PATH is the
/// binary under test, and `data` and `tests` are the repository's.
struct Shell {
    dir: std::path::PathBuf,
    path: std::ffi::OsString,
}

impl Shell {
    fn new(dir: &Path) -> Shell {
        std::fs::create_dir_all(dir.join("bin")).unwrap();
        std::os::unix::fs::symlink(BIN, dir.join("bin/tthc")).unwrap();
        for name in ["data", "tests"] {
            std::os::unix::fs::symlink(Path::new(ROOT).join(name), dir.join(name)).unwrap();
        }
        let path = std::env::join_paths(std::iter::once(dir.join("bin")).chain(
            std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
        ))
        .unwrap();
        Shell {
            dir: dir.to_owned(),
            path,
        }
    }

    /// Runs a command with `sh`, in English; its exit status and what it
    /// printed on both streams.
    fn run(&self, command: &str) -> (std::process::ExitStatus, String) {
        let output = Command::new("sh")
            .arg("-c")
            .arg(format!("{{ {command}\n}} 2>&1"))
            .current_dir(&self.dir)
            .env("PATH", &self.path)
            .env_remove("TTHC_DB")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        (
            output.status,
            String::from_utf8_lossy(&output.stdout).into_owned(),
        )
    }

    /// Runs a step of `file`: saves a script, or runs an example and checks
    /// that it succeeds and prints what the document shows. The command run.
    fn step(&self, step: Step, file: &str) -> Option<String> {
        let example = match step {
            Step::Save { name, text, .. } => {
                std::fs::write(self.dir.join(name), text).unwrap();
                return None;
            }
            Step::Run(example) => example,
        };
        // Building and testing tthc is what this test is part of.
        if example.command.starts_with("cargo test") {
            return None;
        }
        let command = as_run(&example);
        let (status, printed) = self.run(&command);
        assert!(
            status.success(),
            "{file}:{}: `{command}` exited with {status}; it printed:\n{printed}",
            example.line,
        );
        if !example.shown.is_empty() {
            assert!(
                shown_matches(&example.shown, &trimmed_lines(&printed)),
                "{file}:{}: `{command}` printed:\n{printed}\nwhere {file} shows:\n{}",
                example.line,
                example.shown.join("\n")
            );
        }
        Some(command)
    }
}

#[test]
fn the_readme_examples_run_and_print_what_the_readme_shows() {
    let readme = std::fs::read_to_string(format!("{ROOT}/README.md")).unwrap();
    let test = Test::new();
    let shell = Shell::new(test.dir());
    let ran: Vec<String> = doc_steps(&readme, "README.md")
        .into_iter()
        .filter_map(|step| shell.step(step, "README.md"))
        .collect();
    assert!(
        ran.iter().any(|c| c.starts_with("tthc import data/*.csv")),
        "the quick start's import was not run: {ran:?}"
    );
    assert!(ran.len() >= 20, "only {} examples ran: {ran:?}", ran.len());
}

/// The catalog each section of docs/commands.md shows its examples on, made
/// by these commands in a directory of its own: the sample data, the audit
/// history, the verify history or the national list, as the text says.
fn commands_setup(heading: &str) -> &'static [&'static str] {
    const SAMPLE: &str = "tthc import data/*.csv >/dev/null";
    const AUDIT: &str =
        "d=$PWD && cd tests/data && tthc --db \"$d/tthc.db\" import audit/*.csv >/dev/null";
    const VERIFY: &str = "d=$PWD && cd tests/data/verify && tthc --db \"$d/tthc.db\" import \
         d1-base.csv d2-changes.csv d3-later.csv d4-backfill.csv >/dev/null";
    const LIST: &str = "cp tests/data/national/dvcqg-procedures.csv .";
    match heading {
        "import" | "reference" => &[LIST],
        "diff" | "history" | "show" | "upcoming" => &[AUDIT],
        h if h.starts_with("Catalog versions") => &[AUDIT],
        "decisions" | "verify" => &[VERIFY],
        "reconcile" => &[
            SAMPLE,
            "tthc reference import --as-of 2025-01-01 tests/data/national/dvcqg-procedures.csv >/dev/null",
        ],
        _ => &[SAMPLE],
    }
}

#[test]
fn the_command_reference_examples_run_and_print_what_it_shows() {
    const FILE: &str = "docs/commands.md";
    let doc = std::fs::read_to_string(format!("{ROOT}/{FILE}")).unwrap();
    let headings: Vec<(usize, &str)> = doc
        .lines()
        .enumerate()
        .filter_map(|(i, l)| l.strip_prefix("## ").map(|h| (i + 1, h)))
        .collect();
    let test = Test::new();
    let mut shell: Option<(usize, Shell)> = None;
    let mut ran = Vec::new();
    for step in doc_steps(&doc, FILE) {
        let (at, heading) = *headings
            .iter()
            .rev()
            .find(|(line, _)| *line < step.line())
            .unwrap_or_else(|| panic!("{FILE}:{}: an example before any section", step.line()));
        if shell.as_ref().is_none_or(|(section, _)| *section != at) {
            let fresh = Shell::new(&test.dir().join(format!("line-{at}")));
            for command in commands_setup(heading) {
                let (status, printed) = fresh.run(command);
                assert!(status.success(), "{FILE}:{at}: `{command}`: {printed}");
            }
            shell = Some((at, fresh));
        }
        let Some((_, current)) = shell.as_ref() else {
            unreachable!("a shell was made above");
        };
        ran.extend(current.step(step, FILE));
    }
    assert!(ran.len() >= 40, "only {} examples ran: {ran:?}", ran.len());
}

#[test]
fn shown_output_matches_with_elisions_and_only_so() {
    let printed = [
        "Imported 1 decision",
        "  by action: 1",
        "  by level: 2",
        "done",
    ];
    let cases: [(&[&str], bool); 7] = [
        (&["Imported 1 decision", "…", "done"], true),
        (&["Imported … decision", "…"], true),
        (&["…", "  by level: …", "done"], true),
        (&["Imported 1 decision", "done"], false),
        (&["Imported 2 decision", "…"], false),
        (&["…", "  by level: 3", "done"], false),
        (&["Imported 1 decision", "…", "done", "more"], false),
    ];
    for (shown, matches) in cases {
        let shown: Vec<String> = shown.iter().map(|l| (*l).to_owned()).collect();
        assert_eq!(shown_matches(&shown, &printed), matches, "{shown:?}");
    }
    assert!(!shown_matches(&["Imported 1 decision".to_owned()], &[]));
}
