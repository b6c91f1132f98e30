//! The fuzz targets' checks, run by `cargo test` on saved inputs.
//!
//! Every file under `tests/data/fuzz/` (inputs that once crashed a fuzz
//! target, and hand-made edge cases) goes through the decision-file reader
//! and the cell parsers with the very checks the fuzz targets run
//! (`fuzz/src/lib.rs`): no panic, and the promises those checks state. The
//! fixtures of `tests/data/`, cut short at many lengths, go through the reader too.
//! Then the whole program meets 100 MB of garbage.

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::common::{BIN, DATA, DB, Test};

#[allow(
    unreachable_pub,
    dead_code,
    reason = "the fuzz crate's public checks, included here; the search check writes to \
              standard output, so the saved search inputs go through the binary instead"
)]
#[path = "../../fuzz/src/lib.rs"]
mod checks;

/// Every file under `dir`, recursively, in name order.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_owned()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Runs `check` on each input; returns a line for each that failed.
fn failures<'a>(
    inputs: impl IntoIterator<Item = (String, &'a [u8])>,
    check: fn(&[u8]),
) -> Vec<String> {
    inputs
        .into_iter()
        .filter_map(|(name, data)| {
            catch_unwind(AssertUnwindSafe(|| check(data)))
                .err()
                .map(|e| {
                    let why = e
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                        .unwrap_or_default();
                    format!("{name}: {why}")
                })
        })
        .collect()
}

#[test]
fn saved_fuzz_inputs_go_through_the_reader_and_the_parsers() {
    let dir = Path::new(DATA).join("fuzz");
    let inputs: Vec<(String, Vec<u8>)> = files_under(&dir)
        .into_iter()
        .map(|path| {
            let name = path.strip_prefix(&dir).unwrap().display().to_string();
            (name, fs::read(&path).unwrap())
        })
        .collect();
    assert!(
        inputs.len() >= 20,
        "{} holds {} inputs",
        dir.display(),
        inputs.len()
    );
    let borrowed = || inputs.iter().map(|(n, d)| (n.clone(), d.as_slice()));
    let mut failed = failures(borrowed(), checks::check_decision_file);
    failed.extend(failures(borrowed(), checks::check_cell_values));
    failed.extend(failures(borrowed(), checks::check_published_file));
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// The saved inputs of the `search_query` target, as the words of `tthc
/// search` on a small catalog: answered, or refused as a usage error
/// (exit 2), never a database error or a crash.
#[test]
fn saved_search_queries_are_answered_or_refused() {
    let dir = Path::new(DATA).join("fuzz/search_query");
    let queries = files_under(&dir);
    assert!(queries.len() >= 2, "{} holds too few inputs", dir.display());
    let catalog = Test::imported(&["base.csv"]);
    for path in queries {
        // A command line cannot hold a NUL byte.
        let text = String::from_utf8_lossy(&fs::read(&path).unwrap()).replace('\0', "");
        let out = crate::crash::run_tthc(
            &catalog,
            &[
                "search",
                "--as-of",
                "2024-01-15",
                "--format",
                "json",
                "--",
                &text,
            ],
        );
        assert!(
            out.code == Some(0) || out.code == Some(2) && out.stderr.starts_with("tthc: "),
            "{}: {out:?}",
            path.display()
        );
    }
}

#[test]
fn the_fixtures_cut_short_go_through_the_reader() {
    let fixtures: Vec<(String, Vec<u8>)> = fs::read_dir(DATA)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .map(|p| (p.display().to_string(), fs::read(&p).unwrap()))
        .collect();
    assert!(!fixtures.is_empty());
    // Cuts at every fourth byte, and next to every separator, quote and line end.
    let prefixes = fixtures.iter().flat_map(|(name, data)| {
        (0..=data.len())
            .filter(|&n| n % 4 == 0 || n == data.len() || b",\"\r\n".contains(&data[n - 1]))
            .map(move |n| (format!("{name} cut at {n}"), &data[..n]))
    });
    let failed = failures(prefixes, checks::check_decision_file);
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// 100 MB of pseudo-random bytes, the same every run.
fn garbage(len: usize) -> Vec<u8> {
    let mut state = 0x5EED_u64;
    let mut bytes = Vec::with_capacity(len + 8);
    while bytes.len() < len {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        bytes.extend_from_slice(&(z ^ (z >> 31)).to_le_bytes());
    }
    bytes.truncate(len);
    bytes
}

const HUNDRED_MB: usize = 100 << 20;

/// A file of garbage is refused at its first line: nothing is read past the
/// header that cannot be one, and no database is created.
#[test]
fn a_hundred_megabytes_of_garbage_are_refused_at_the_header() {
    let test = Test::new();
    test.write("garbage.csv", garbage(HUNDRED_MB));
    let out = test
        .tthc(&["import", "garbage.csv"])
        .status(3)
        .stderr_has("tthc: input rejected, nothing was written")
        .stderr_has("garbage.csv:1: ")
        .run();
    assert!(out.stdout.is_empty());
    assert!(!test.db().exists());
}

/// Garbage after a valid header is read to the end, record by record, and
/// refused whole: the problems are listed up to the cap, then counted.
#[test]
fn a_hundred_megabytes_of_garbage_after_a_valid_header_are_refused_whole() {
    let test = Test::new();
    let mut input = b"decision,signed,effective,action,code,level,name,field\n".to_vec();
    input.extend(garbage(HUNDRED_MB));
    let out = test
        .tthc(&["import", "-"])
        .stdin(input)
        .status(3)
        .stderr_has("tthc: input rejected, nothing was written")
        .stderr_has("<stdin>:2: ")
        .stderr_has("\n... and ")
        .run();
    assert!(out.stdout.is_empty());
    assert!(out.stderr.lines().count() <= 102, "the list is not capped");
    assert!(!test.db().exists());
}

/// Each problem names the physical line of its record, whatever the line
/// ends: CRLF (what spreadsheets on Windows save), a lone CR (old Mac
/// files), with a BOM, with a line break inside a quoted cell.
#[test]
fn problems_name_the_physical_line_whatever_the_line_ends() {
    let header = "decision,signed,action,code,level,name,field";
    let good = "10/QĐ-UBND,2024-01-15,added,1.000001,province,Tên,Lĩnh vực";
    let bad = "10/QĐ-UBND,2024-01-15,frob,1.000002,province,Tên,Lĩnh vực";
    let quoted = "10/QĐ-UBND,2024-01-15,frob,1.000003,province,\"Tên\r\nhai dòng\",Lĩnh vực";
    for (name, text, lines) in [
        (
            "lf.csv",
            format!("{header}\n{quoted}\n{bad}\n"),
            &[2, 4][..],
        ),
        ("crlf.csv", format!("{header}\r\n{good}\r\n{bad}\r\n"), &[3]),
        (
            "crlf-bom.csv",
            format!("\u{feff}{header}\r\n{bad}\r\n"),
            &[2],
        ),
        (
            "crlf-quoted.csv",
            format!("{header}\r\n{quoted}\r\n{bad}\r\n"),
            &[2, 4],
        ),
        (
            "cr.csv",
            format!("{header}\r{good}\r{bad}\r{bad}\r"),
            &[3, 4],
        ),
    ] {
        let test = Test::new();
        test.write(name, text);
        let stderr = test.tthc(&["import", name]).status(3).run().stderr;
        let found: Vec<&str> = stderr
            .lines()
            .skip(1)
            .map(|l| l.split(':').nth(1).unwrap_or_default())
            .collect();
        let expected: Vec<String> = lines.iter().map(ToString::to_string).collect();
        assert_eq!(found, expected, "{name}:\n{stderr}");
    }
}

/// A quote that never closes makes the rest of the file one cell. The reader
/// should say so, naming the line where the quote opens, without holding the
/// rest of the file in memory.
#[cfg(target_os = "linux")]
#[test]
fn a_quote_that_never_closes_is_named_without_holding_the_file_in_memory() {
    let test = Test::new();
    let mut input = b"decision,signed,effective,action,code,level,name,field\n\"".to_vec();
    let mut line = vec![b'x'; 1023];
    line.push(b'\n');
    while input.len() < HUNDRED_MB {
        input.extend_from_slice(&line);
    }
    test.write("unclosed.csv", input);
    let mut child = Command::new(BIN)
        .args(["--db", DB, "import", "unclosed.csv"])
        .current_dir(test.dir())
        .env_remove("TTHC_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(fs::File::create(test.path("import.err")).unwrap())
        .spawn()
        .unwrap();
    // The peak resident memory, read until the process ends.
    let (exit, peak_kb) = crate::common::wait_measuring(&mut child, None);
    let stderr = test.read("import.err");
    assert_eq!(exit.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("unclosed.csv:2:") && stderr.contains("quote"),
        "{stderr}"
    );
    assert!(
        peak_kb < 100 * 1024,
        "{peak_kb} kB of memory for a file of 100 MB"
    );
}
