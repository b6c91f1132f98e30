//! The annex as a document to file: its heading (`--province`,
//! `--attached-to`, `--title`, `tthc config province`), and the workbook as
//! an office suite lays it out on paper (`LibreOffice`, then poppler).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader as _, Xlsx, open_workbook};

use crate::common::{BIN, Run, Test, run_within};

/// The first column of a sheet, as displayed text.
fn first_column(path: &Path, sheet: &str) -> Vec<String> {
    let mut workbook: Xlsx<_> = open_workbook(path).unwrap();
    let range = workbook.worksheet_range(sheet).unwrap();
    range
        .rows()
        .map(|row| match &row[0] {
            Data::Empty => String::new(),
            other => other.to_string(),
        })
        .collect()
}

/// A csv cell, quoted.
fn quoted(cell: &str) -> String {
    format!("\"{}\"", cell.replace('"', "\"\""))
}

/// A decision of `fields` entries, one per field, whose names, agencies and
/// legal bases are long and run over several lines, as real annexes do.
fn long_decision(fields: u32) -> String {
    let mut text = String::from(
        "decision,signed,effective,action,code,level,name,field,agency,processing_time,fee,legal_basis\n",
    );
    for i in 1..=fields {
        let repeat = 1 + (i % 4) as usize;
        let name = format!(
            "Cấp giấy phép hoạt động điện lực thuộc thẩm quyền cấp của Ủy ban nhân dân cấp tỉnh{}",
            " (trường hợp cấp lại do bị mất, bị hỏng, thay đổi tên, địa chỉ trụ sở)".repeat(repeat)
        );
        let legal = (0..=repeat)
            .map(|n| format!("- Nghị định số {n}{i}/2025/NĐ-CP ngày 04/3/2025 của Chính phủ quy định chi tiết một số điều của Luật Điện lực"))
            .collect::<Vec<_>>()
            .join("\n");
        let agency = "Sở Công Thương; Trung tâm Phục vụ hành chính công tỉnh; Ủy ban nhân dân cấp xã nơi đặt trụ sở".repeat(1 + (i % 2) as usize);
        let _ = writeln!(
            text,
            "2715/QĐ-UBND,2025-11-19,2025-11-19,added,1.{:06},province,{},{},{},{},{},{}",
            13_400 + i,
            quoted(&name),
            quoted(&format!(
                "Lĩnh vực số {i:02} về điện lực và năng lượng tái tạo"
            )),
            quoted(&agency),
            quoted("14 ngày làm việc kể từ ngày nhận được hồ sơ đầy đủ và hợp lệ"),
            quoted("Theo quy định của Bộ Tài chính (Thông tư số 106/2024/TT-BTC)"),
            quoted(&legal),
        );
    }
    text
}

fn annex_test() -> Test {
    let test = Test::new();
    test.write("annex.csv", long_decision(60));
    test.import(&["annex.csv"]);
    test
}

/// `export -o annex.xlsx` of the catalog on 2025-12-31, with the heading of
/// the annex to decision 2715/QĐ-UBND of Tỉnh Yên Bái.
fn export_attached_annex(test: &Test) -> Run<'_> {
    test.tthc(&[
        "export",
        "--as-of",
        "2025-12-31",
        "-o",
        "annex.xlsx",
        "--province",
        "Tỉnh Yên Bái",
        "--attached-to",
        "2715/QĐ-UBND ngày 19/11/2025",
    ])
}

#[test]
fn the_annex_heading_names_the_province_and_the_decision_it_is_attached_to() {
    let test = annex_test();
    export_attached_annex(&test).stdout("").stderr("").run();
    let column = first_column(&test.path("annex.xlsx"), "Danh mục");
    assert_eq!(
        column[..5],
        [
            "PHỤ LỤC",
            "DANH MỤC THỦ TỤC HÀNH CHÍNH (tính đến ngày 31/12/2025)",
            "(Kèm theo Quyết định số 2715/QĐ-UBND ngày 19/11/2025 của Chủ tịch UBND tỉnh Yên Bái)",
            "Tổng số: 60 TTHC (60 thủ tục)",
            "STT",
        ]
    );
}

#[test]
fn a_title_replaces_the_default_one_and_the_date_moves_to_the_totals() {
    let test = annex_test();
    test.tthc(&[
        "export",
        "--as-of",
        "2025-12-31",
        "-o",
        "annex.xlsx",
        "--title",
        "DANH MỤC THỦ TỤC HÀNH CHÍNH LĨNH VỰC ĐIỆN LỰC",
        "--province",
        "Thành phố  Hà Nội",
    ])
    .run();
    let column = first_column(&test.path("annex.xlsx"), "Danh mục");
    assert_eq!(
        column[..5],
        [
            "PHỤ LỤC",
            "DANH MỤC THỦ TỤC HÀNH CHÍNH LĨNH VỰC ĐIỆN LỰC",
            "(Kèm theo Quyết định số ……/QĐ-UBND ngày …/…/…… của Chủ tịch UBND thành phố Hà Nội)",
            "(tính đến ngày 31/12/2025) Tổng số: 60 TTHC (60 thủ tục)",
            "STT",
        ]
    );
}

#[test]
fn the_province_set_once_in_the_catalog_heads_every_annex_until_changed() {
    let test = annex_test();
    test.tthc(&["config", "province"])
        .stdout("")
        .stderr_has("province is not set")
        .run();
    test.tthc(&["config", "province", "  Tỉnh Yên Bái "])
        .stdout("")
        .stderr("")
        .run();
    test.tthc(&["config", "province"])
        .stdout("Tỉnh Yên Bái\n")
        .stderr("")
        .run();
    let heading = |test: &Test, extra: &[&str]| {
        let mut args = vec!["export", "--as-of", "2025-12-31", "-o", "annex.xlsx"];
        args.extend_from_slice(extra);
        test.tthc(&args).run();
        first_column(&test.path("annex.xlsx"), "Danh mục")[2].clone()
    };
    assert_eq!(
        heading(&test, &[]),
        "(Kèm theo Quyết định số ……/QĐ-UBND ngày …/…/…… của Chủ tịch UBND tỉnh Yên Bái)"
    );
    // --province wins over the setting, for this export only.
    assert_eq!(
        heading(&test, &["--province", "Tỉnh Lào Cai"]),
        "(Kèm theo Quyết định số ……/QĐ-UBND ngày …/…/…… của Chủ tịch UBND tỉnh Lào Cai)"
    );
    // An empty value clears it: the annex has no heading block again.
    test.tthc(&["config", "province", ""]).stdout("").run();
    test.tthc(&["config", "province"]).stdout("").run();
    assert_eq!(
        heading(&test, &[]),
        "STT",
        "without a province or a decision, the header follows the title and the totals"
    );
}

#[test]
fn config_refuses_a_line_break_and_needs_a_catalog() {
    let test = annex_test();
    test.tthc(&["config", "province", "Tỉnh\nYên Bái"])
        .status(2)
        .stderr_has("control character")
        .run();
    test.tthc(&["config", "province"]).stdout("").run();
    Test::new()
        .tthc(&["config", "province", "Tỉnh Yên Bái"])
        .status(1)
        .stderr_has("no catalog database")
        .run();
    test.tthc(&["config", "country", "x"])
        .status(2)
        .stderr_has("invalid value 'country'")
        .run();
}

#[test]
fn heading_options_apply_to_the_workbook_only() {
    let test = annex_test();
    for option in ["--province", "--title", "--attached-to"] {
        test.tthc(&["export", "--format", "csv", option, "x"])
            .status(2)
            .stdout("")
            .stderr_has(&format!("{option} gives the heading of the annex workbook"))
            .run();
    }
}

/// A program on the PATH, by the first of these names found.
pub(crate) fn program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// A word of `pdftotext -bbox`: its box (points, y downwards) and text.
#[derive(Debug)]
struct Word {
    x: (f64, f64),
    y: (f64, f64),
    text: String,
}

/// The words of each page of `pdftotext -bbox` output.
fn pages_of_words(xhtml: &str) -> Vec<Vec<Word>> {
    let attribute = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        let end = start + tag[start..].find('"').unwrap();
        tag[start..end].parse().unwrap()
    };
    let mut pages = Vec::new();
    for line in xhtml.lines().map(str::trim) {
        if line.starts_with("<page ") {
            pages.push(Vec::new());
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let (tag, text) = rest.split_once('>').unwrap();
            let text = text.strip_suffix("</word>").unwrap_or(text);
            pages.last_mut().unwrap().push(Word {
                x: (attribute(tag, "xMin"), attribute(tag, "xMax")),
                y: (attribute(tag, "yMin"), attribute(tag, "yMax")),
                text: text.to_owned(),
            });
        }
    }
    pages
}

/// Pairs of words on different lines whose boxes overlap by more than a
/// quarter of their height: text of one line drawn over another's. Lines
/// of one cell overlap a little (a font's box is taller than its line
/// spacing); text that runs out of its row into the next overlaps more.
fn overlapping(words: &[Word]) -> Vec<String> {
    let mut found = Vec::new();
    for (i, a) in words.iter().enumerate() {
        for b in &words[i + 1..] {
            if (a.y.0 - b.y.0).abs() < 0.5 {
                continue;
            }
            let across = a.x.1.min(b.x.1) - a.x.0.max(b.x.0);
            let down = a.y.1.min(b.y.1) - a.y.0.max(b.y.0);
            let height = (a.y.1 - a.y.0).min(b.y.1 - b.y.0);
            if across > 0.5 && down > height / 4.0 {
                found.push(format!(
                    "{:?} at ({:.1}, {:.1}) and {:?} at ({:.1}, {:.1})",
                    a.text, a.x.0, a.y.0, b.text, b.x.0, b.y.0
                ));
            }
        }
    }
    found
}

/// Where the rendered pages are kept: `target/annex-page-N.png`.
fn pages_path() -> PathBuf {
    // BIN is target/<profile>/tthc.
    Path::new(BIN)
        .parent()
        .and_then(Path::parent)
        .map_or_else(|| PathBuf::from("target"), Path::to_path_buf)
        .join("annex-page")
}

/// Text without its spaces: pdftotext splits words where a diacritic is
/// drawn apart ("c ủa").
fn squeezed(text: &str) -> String {
    text.split_whitespace().collect()
}

/// The font fontconfig sets Times New Roman in, when fc-match is there to say.
fn serif_font() -> Option<String> {
    let output = Command::new(program(&["fc-match"])?)
        .arg("Times New Roman")
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// The workbook `name` of the test converted to PDF by `LibreOffice`, with
/// a profile of its own in the test's directory.
fn to_pdf(test: &Test, soffice: &Path, name: &str) -> PathBuf {
    let profile = format!("file://{}", test.path("office-profile").display());
    run_within(
        Command::new(soffice)
            .arg(format!("-env:UserInstallation={profile}"))
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
            ])
            .arg(test.dir())
            .arg(test.path(name))
            .env("HOME", test.dir()),
        "soffice --convert-to pdf",
    );
    let pdf = test.path(name).with_extension("pdf");
    assert!(pdf.is_file(), "LibreOffice wrote no {}", pdf.display());
    pdf
}

/// The text of page `n` (from 1) of a PDF, without spaces (see [`squeezed`]).
fn page_text(pdftotext: &Path, pdf: &Path, n: usize) -> String {
    let output = Command::new(pdftotext)
        .args(["-f", &n.to_string(), "-l", &n.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(output.status.success(), "pdftotext failed");
    squeezed(&String::from_utf8(output.stdout).unwrap())
}

/// The annex, converted to PDF by `LibreOffice`, has no text of one row drawn
/// over another's (every row is as tall as its wrapped text), carries the
/// heading a clerk files it with, and prints the "Số lượng" sheet on one
/// page. The pages are kept as PNG under target/ to look at.
#[test]
fn the_annex_renders_in_an_office_suite_with_no_row_over_another() {
    let (Some(soffice), Some(pdftotext), Some(pdftoppm)) = (
        program(&["soffice", "libreoffice"]),
        program(&["pdftotext"]),
        program(&["pdftoppm"]),
    ) else {
        println!(
            "skipped the office-suite check: LibreOffice (soffice) or poppler-utils (pdftotext, pdftoppm) is not installed (.ci/run installs them)"
        );
        return;
    };
    if let Some(font) = serif_font()
        && !(font.contains("Times") || font.contains("Liberation Serif"))
    {
        println!(
            "skipped the office-suite check: the annex is set in Times New Roman, and this machine would set it in {font}; install fonts-liberation (.ci/run does)"
        );
        return;
    }
    let test = annex_test();
    export_attached_annex(&test).run();
    let pdf = to_pdf(&test, &soffice, "annex.xlsx");

    let output = Command::new(&pdftotext)
        .arg("-bbox")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(output.status.success(), "pdftotext -bbox failed");
    let pages = pages_of_words(&String::from_utf8(output.stdout).unwrap());
    assert!(
        pages.len() >= 3,
        "{} pages: the annex has 60 long rows",
        pages.len()
    );
    for (n, words) in pages.iter().enumerate() {
        let overlaps = overlapping(words);
        assert!(
            overlaps.is_empty(),
            "page {}: {} overlapping words, such as {}",
            n + 1,
            overlaps.len(),
            overlaps[..overlaps.len().min(5)].join("; ")
        );
    }

    let page_texts: Vec<String> = (1..=pages.len())
        .map(|n| page_text(&pdftotext, &pdf, n))
        .collect();
    for line in [
        "PHỤ LỤC",
        "DANH MỤC THỦ TỤC HÀNH CHÍNH (tính đến ngày 31/12/2025)",
        "(Kèm theo Quyết định số 2715/QĐ-UBND ngày 19/11/2025 của Chủ tịch UBND tỉnh Yên Bái)",
    ] {
        assert!(
            page_texts[0].contains(&squeezed(line)),
            "the first page lacks {line:?}: {}",
            page_texts[0]
        );
    }
    // "Số lượng" is the last sheet: its title opens the last page, and its
    // last row (the total) is on that page too.
    let counts: Vec<usize> = page_texts
        .iter()
        .enumerate()
        .filter(|(_, text)| text.contains(&squeezed("SỐ LƯỢNG THỦ TỤC HÀNH CHÍNH")))
        .map(|(n, _)| n)
        .collect();
    assert_eq!(
        counts,
        [pages.len() - 1],
        "the counts sheet starts on the last page"
    );
    assert!(
        page_texts[pages.len() - 1].contains(&squeezed("SỐ 60 VỀ ĐIỆN LỰC")),
        "the counts sheet runs over more than one page"
    );

    let kept = pages_path();
    run_within(
        Command::new(&pdftoppm)
            .args(["-r", "60", "-png"])
            .arg(&pdf)
            .arg(&kept),
        "pdftoppm",
    );
    println!("pages: {}-*.png", kept.display());
}
