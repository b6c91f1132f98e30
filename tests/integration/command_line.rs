//! The command line in both languages: the help of every command, clap's own
//! words and its errors, in Vietnamese with `--lang vi` or a Vietnamese
//! locale, in English otherwise.

use crate::common::Test;

/// Every command, as typed after `tthc`.
const COMMANDS: [&[&str]; 19] = [
    &[],
    &["import"],
    &["inspect"],
    &["export"],
    &["report"],
    &["counts"],
    &["diff"],
    &["history"],
    &["show"],
    &["decisions"],
    &["retract"],
    &["upcoming"],
    &["search"],
    &["verify"],
    &["reference"],
    &["reference", "import"],
    &["reference", "list"],
    &["reconcile"],
    &["completions"],
];

/// clap's English words, which a Vietnamese help must not show.
const ENGLISH: [&str; 10] = [
    "Usage:",
    "Commands:",
    "Arguments:",
    "Options:",
    "[default:",
    "[possible values:",
    "Possible values:",
    "[env:",
    "Print help",
    "Examples:",
];

#[test]
fn the_help_is_in_vietnamese_with_a_vietnamese_locale() {
    let test = Test::new();
    let help = test
        .bare(&["--help"])
        .env("LANG", "vi_VN.UTF-8")
        .run()
        .stdout;
    for part in [
        "Quản lý danh mục thủ tục hành chính (TTHC) của một tỉnh",
        "Cách dùng: tthc [OPTIONS] <COMMAND>",
        "Lệnh:\n  import       Nhập các tệp quyết định",
        "  export       Xuất danh mục có hiệu lực tại một ngày.",
        "Tùy chọn:\n      --db <PATH>",
        "[biến môi trường: TTHC_DB=]",
        "[mặc định: tthc.db]",
        "Các giá trị:\n          - vi: Tiếng Việt",
        "  -h, --help\n          In trợ giúp (xem tóm tắt với '-h')",
        "  -V, --version\n          In phiên bản",
        "Mã thoát:\n  0  thành công",
    ] {
        assert!(help.contains(part), "no {part:?} in:\n{help}");
    }
    for word in ENGLISH {
        assert!(!help.contains(word), "{word:?} in:\n{help}");
    }
}

#[test]
fn export_help_is_in_vietnamese_with_lang_vi_and_in_english_without() {
    let test = Test::new();
    let vi = test
        .bare(&["--lang", "vi", "export", "--help"])
        .run()
        .stdout;
    for part in [
        "Xuất danh mục có hiệu lực tại một ngày.\n\nCác dòng được xếp theo cấp",
        "Ví dụ:\n  tthc export --as-of 2025-07-01 --format csv -o catalog.csv",
        "Cách dùng: tthc export [OPTIONS]",
        "      --headers <LANG>\n          Tên cột của csv",
        "- en: level, code, name, ... (mặc định)",
        "- vi: Cấp thực hiện, Mã số TTHC, Tên thủ tục hành chính, ...",
        "[giá trị: table, csv, json, xlsx]",
        "      --known-at <TIME>\n          Danh mục như đã được ghi nhận tại thời điểm này",
    ] {
        assert!(vi.contains(part), "no {part:?} in:\n{vi}");
    }
    for word in ENGLISH {
        assert!(!vi.contains(word), "{word:?} in:\n{vi}");
    }
    // The same with the locale, and with -h the short form.
    let by_locale = test
        .bare(&["export", "--help"])
        .env("LANG", "vi_VN.UTF-8")
        .run()
        .stdout;
    assert_eq!(by_locale, vi);
    let short = test
        .bare(&["export", "-h"])
        .env("LC_ALL", "vi_VN.UTF-8")
        .stdout_has("[giá trị: en, vi]")
        .run()
        .stdout;
    // The help column's indent depends on the longest option name.
    assert!(
        short.lines().any(|l| l.starts_with("  -h, --help ")
            && l.trim_end()
                .ends_with(" In trợ giúp (xem đầy đủ với '--help')")),
        "{short}"
    );

    let en = test.bare(&["export", "--help"]).run().stdout;
    for part in [
        "Export the catalog in force on a date.\n\nRows are ordered by level",
        "Examples:\n  tthc export --as-of 2025-07-01 --format csv -o catalog.csv",
        "Usage: tthc export [OPTIONS]",
        "Options:\n",
        "Possible values:\n          - en: level, code, name, ... (the default)",
        "[default: tthc.db]",
        "[possible values: table, csv, json, xlsx]",
        "  -h, --help\n          Print help (see a summary with '-h')",
    ] {
        assert!(en.contains(part), "no {part:?} in:\n{en}");
    }
    assert!(!en.contains("Cách dùng"), "{en}");
    // --lang en outranks a Vietnamese locale.
    let english = test
        .bare(&["export", "--help", "--lang", "en"])
        .env("LANG", "vi_VN.UTF-8")
        .run()
        .stdout;
    assert_eq!(english, en);
}

#[test]
fn no_help_of_any_command_shows_claps_english_words_in_vietnamese() {
    let test = Test::new();
    for command in COMMANDS {
        for flag in ["--help", "-h"] {
            let help = test
                .bare(&["--lang", "vi"])
                .args(command)
                .args([flag])
                .run()
                .stdout;
            assert!(
                help.contains("Cách dùng: tthc"),
                "{command:?} {flag}:\n{help}"
            );
            for word in ENGLISH {
                assert!(
                    !help.contains(word),
                    "{word:?} in {command:?} {flag}:\n{help}"
                );
            }
        }
    }
}

#[test]
fn the_help_subcommand_shows_the_help_of_the_command_named() {
    let test = Test::new();
    for lang in ["vi", "en"] {
        let asked = test
            .bare(&["--lang", lang, "help", "reference", "import"])
            .run()
            .stdout;
        let help = test
            .bare(&["--lang", lang, "reference", "import", "--help"])
            .run()
            .stdout;
        assert_eq!(asked, help);
    }
    test.bare(&["help", "nosuch"])
        .status(2)
        .stderr_has("tthc: unrecognized subcommand 'nosuch'")
        .run();
}

#[test]
fn usage_errors_are_in_vietnamese_with_lang_vi() {
    let test = Test::new();
    test.bare(&["--lang", "vi", "export", "--format", "xml"])
        .status(2)
        .stderr(
            "tthc: giá trị 'xml' không hợp lệ cho '--format <FORMAT>'\n  \
             [giá trị hợp lệ: table, csv, json, xlsx]\n\n  \
             gợi ý: có giá trị gần giống: 'xlsx'\n\n\
             Xem thêm: '--help'.\n",
        )
        .run();
    test.bare(&["exprot"])
        .env("LANG", "vi_VN.UTF-8")
        .status(2)
        .stderr(
            "tthc: không nhận ra lệnh 'exprot'\n\n  \
             gợi ý: có các lệnh gần giống: 'report', 'export'\n\n\
             Cách dùng: tthc [OPTIONS] <COMMAND>\n\n\
             Xem thêm: '--help'.\n",
        )
        .run();
    test.bare(&["--lang", "vi", "export", "--bogus"])
        .status(2)
        .stderr_has("tthc: không nhận ra đối số '--bogus'\n\nCách dùng: tthc export [OPTIONS]\n")
        .run();
    test.bare(&["--lang", "vi", "import"])
        .status(2)
        .stderr_has(
            "tthc: thiếu các đối số bắt buộc sau:\n  <FILE>...\n\nCách dùng: tthc import <FILE>...",
        )
        .run();
    test.bare(&["--lang", "vi", "diff", "--quiet", "--stat", "a", "b"])
        .status(2)
        .stderr_has("tthc: không dùng được '--quiet' cùng với '--stat'")
        .run();
    test.bare(&["--lang", "vi", "decisions", "-n", "x"])
        .status(2)
        .stderr_has(
            "tthc: giá trị 'x' không hợp lệ cho '--limit <N>': không phải số nguyên từ 0 trở lên",
        )
        .run();
    test.bare(&["--lang", "vi", "counts", "--as-of"])
        .status(2)
        .stderr_has("tthc: '--as-of <DATE|REF>' cần một giá trị nhưng chưa được cho")
        .run();
    // In English, clap's own words.
    test.bare(&["decisions", "-n", "x"])
        .status(2)
        .stderr(
            "tthc: invalid value 'x' for '--limit <N>': not a whole number of 0 or more\n\n\
             For more information, try '--help'.\n",
        )
        .run();
    test.bare(&["export", "--format", "xml"])
        .status(2)
        .stderr(
            "tthc: invalid value 'xml' for '--format <FORMAT>'\n  \
             [possible values: table, csv, json, xlsx]\n\n  \
             tip: a similar value exists: 'xlsx'\n\n\
             For more information, try '--help'.\n",
        )
        .run();
}

#[test]
fn an_unknown_language_is_refused_with_exit_2() {
    let test = Test::new();
    test.bare(&["--lang", "xx", "counts"])
        .status(2)
        .stderr(
            "tthc: invalid value 'xx' for '--lang <LANG>'\n  \
             [possible values: vi, en]\n\n\
             For more information, try '--help'.\n",
        )
        .run();
    // Said in the language of the locale.
    test.bare(&["counts", "--lang=xx"])
        .env("LANG", "vi_VN.UTF-8")
        .status(2)
        .stderr_has(
            "tthc: giá trị 'xx' không hợp lệ cho '--lang <LANG>'\n  [giá trị hợp lệ: vi, en]",
        )
        .run();
    assert!(!test.db().exists());
}

#[test]
fn the_man_page_and_completions_are_made_in_either_language() {
    let test = Test::new();
    test.bare(&["man"])
        .stdout_has(".SH OPTIONS")
        .stdout_has("Export the catalog in force on a date.")
        .run();
    test.bare(&["--lang", "vi", "man"])
        .stdout_has(".TH tthc 1")
        .stdout_has("Xuất danh mục có hiệu lực tại một ngày.")
        .run();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        for lang in ["vi", "en"] {
            test.bare(&["--lang", lang, "completions", shell])
                .stdout_has("reconcile")
                .stdout_has("known-at")
                .run();
        }
    }
    test.bare(&["completions", "fish"])
        .stdout_has("Export the catalog in force on a date.")
        .run();
}
