//! `tthc report`: the HTML page checked as text, and rendered in a real
//! headless browser when Chromium is installed (`.ci/run` installs it).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::audit_data::AUDIT;
use crate::common::{BIN, Test, decision_file, run_within};

/// The audit history (see `audit_data`) imported in one batch.
fn audit() -> Test {
    Test::imported(&AUDIT)
}

/// Writes the report ending on `to` and returns its text.
fn report(test: &Test, to: &str, name: &str) -> String {
    test.tthc(&["report", "--to", to, "-o", name])
        .stdout("")
        .stderr("")
        .run();
    test.read(name)
}

/// The values of attribute `name` on the elements whose text starts with `tag`.
fn attributes<'a>(html: &'a str, tag: &str, name: &str) -> Vec<&'a str> {
    let pattern = format!("{name}=\"");
    html.split(tag)
        .skip(1)
        .filter_map(|rest| {
            let element = &rest[..rest.find('>').unwrap_or(rest.len())];
            let at = element.find(&pattern)? + pattern.len();
            Some(&element[at..at + element[at..].find('"')?])
        })
        .collect()
}

/// The rows of the table with this class: the date and the first three numbers.
fn table_rows(html: &str, class: &str) -> Vec<(String, [String; 3])> {
    let table = html
        .split(&format!("<table class=\"{class}\">"))
        .nth(1)
        .unwrap_or_else(|| panic!("no table {class}"));
    let table = &table[..table.find("</table>").unwrap()];
    table
        .split("<tr data-date=\"")
        .skip(1)
        .map(|rest| {
            let date = rest[..10].to_owned();
            let cells: Vec<String> = rest
                .split("<td class=\"n\">")
                .skip(1)
                .take(3)
                .map(|c| c[..c.find('<').unwrap()].to_owned())
                .collect();
            (date, [cells[0].clone(), cells[1].clone(), cells[2].clone()])
        })
        .collect()
}

/// The counts at the end of each year, as the report shows them.
fn year_ends(html: &str) -> Vec<(String, [u64; 3])> {
    table_rows(html, "year-ends")
        .into_iter()
        .map(|(date, cells)| (date, cells.map(|c| c.replace('.', "").parse().unwrap())))
        .collect()
}

#[test]
fn the_report_is_one_self_contained_deterministic_page() {
    let test = audit();
    let html = report(&test, "2025-12-31", "report.html");
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">"),
        "{html}"
    );
    assert!(html.ends_with("</html>\n"));
    for outside in [
        "<script", "<link", "<img", "src=", "href=", "@import", "url(", "https:",
    ] {
        assert!(
            !html.contains(outside),
            "the page refers outside: {outside}"
        );
    }
    assert_eq!(
        html.matches("http://").count(),
        html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count(),
        "only the SVG namespace is a URL"
    );
    assert_eq!(
        html,
        report(&test, "2025-12-31", "again.html"),
        "same data, same page"
    );
    assert!(
        html.len() < 64 * 1024,
        "the page is small: {} bytes",
        html.len()
    );
    let stdout = test.tthc(&["report", "--to", "2025-12-31"]).run().stdout;
    assert_eq!(stdout, html, "without -o the page goes to standard output");
}

#[test]
fn the_chart_has_one_step_line_per_level() {
    let test = audit();
    let html = report(&test, "2025-12-31", "report.html");
    assert_eq!(html.matches("<svg").count(), 1);
    assert_eq!(html.matches("<path").count(), 3);
    assert_eq!(
        attributes(&html, "<path", "data-level"),
        ["province", "district", "commune"]
    );
    // Step lines: a start, then horizontal and vertical moves only, forward in time.
    for d in attributes(&html, "<path", " d") {
        assert!(d.starts_with('M'), "{d}");
        let mut x = 0.0_f64;
        for part in d.split_inclusive(['H', 'V']).skip(1) {
            let (value, _) = part.split_at(part.len() - usize::from(part.ends_with(['H', 'V'])));
            let value: f64 = value.parse().unwrap();
            if d[..d.find(part).unwrap()].ends_with('H') {
                assert!(value >= x, "time runs left to right: {d}");
                x = value;
            }
        }
        assert!(
            d[1..]
                .chars()
                .all(|c| c.is_ascii_digit() || ".,HV".contains(c)),
            "not a step line: {d}"
        );
    }
    assert!(html.contains("class=\"legend\""));
    for label in [
        "Cấp tỉnh",
        "Cấp huyện",
        "Cấp xã",
        "Ngày quyết định có hiệu lực",
    ] {
        assert!(html.contains(label), "{label}");
    }
    let years: Vec<&str> = html
        .split("stroke-dasharray=\"2 4\"/><text")
        .skip(1)
        .map(|rest| {
            let at = rest.find('>').unwrap() + 1;
            &rest[at..at + 4]
        })
        .collect();
    assert_eq!(years, ["2021", "2022", "2023", "2024", "2025"]);
}

/// The report's numbers equal `tthc counts` at the end of every year, and
/// name 2025-07-01 among the largest changes: the district level emptied.
#[test]
fn the_report_counts_agree_with_tthc_counts() {
    let test = audit();
    let html = report(&test, "2025-12-31", "report.html");
    let rows = year_ends(&html);
    let dates: Vec<&str> = rows.iter().map(|(d, _)| d.as_str()).collect();
    assert_eq!(
        dates,
        [
            "2020-12-31",
            "2021-12-31",
            "2022-12-31",
            "2023-12-31",
            "2024-12-31",
            "2025-12-31"
        ]
    );
    for (date, [province, district, commune]) in &rows {
        let counts = test.counts(date);
        assert_eq!(
            (*province, *district, *commune),
            (counts.province, counts.district, counts.commune),
            "{date}"
        );
    }
    assert!(rows[4].1[1] > 0 && rows[5].1[1] == 0, "{rows:?}");
    let largest = table_rows(&html, "largest");
    let july = largest
        .iter()
        .find(|(date, _)| date == "2025-07-01")
        .expect("2025-07-01 is among the largest changes");
    let before = test.counts("2025-06-30");
    let after = test.counts("2025-07-01");
    assert_eq!(
        july.1,
        [
            String::new(),
            format!("−{}", before.district - after.district),
            format!("+{}", after.commune - before.commune)
        ]
    );
    assert!(html.contains("<td>1580/QĐ-UBND, 1600/QĐ-UBND</td></tr>"));
    // The counts of the last day head the page.
    let counts = test.counts("2025-12-31");
    assert!(html.contains(&format!(
        "<div class=\"card level-district\"><div class=\"n\">{}</div>",
        counts.district
    )));
    assert!(html.contains(&format!(
        "<div class=\"n\">{}</div><div class=\"l\">Tổng số TTHC</div>",
        counts.total
    )));
}

/// The days of largest change count the moves between levels ("chuyển
/// cấp"): on 2025-07-01 two district procedures moved to commune level.
#[test]
fn the_largest_changes_count_the_moves_between_levels() {
    let test = audit();
    let html = report(&test, "2025-12-31", "report.html");
    let table = html.split("<table class=\"largest\">").nth(1).unwrap();
    let table = &table[..table.find("</table>").unwrap()];
    assert!(table.contains("<th class=\"n\">Chuyển cấp</th>"), "{table}");
    let moved: Vec<(&str, &str)> = table
        .split("<tr data-date=\"")
        .skip(1)
        .map(|row| {
            let cell = row.split("<td class=\"n moved\">").nth(1).unwrap();
            (&row[..10], &cell[..cell.find('<').unwrap()])
        })
        .collect();
    assert!(moved.contains(&("2025-07-01", "2")), "{moved:?}");
    assert!(
        moved
            .iter()
            .all(|(day, n)| *day == "2025-07-01" || n.is_empty()),
        "{moved:?}"
    );
    let diff: serde_json::Value = test
        .tthc(&["diff", "2025-06-30", "2025-07-01", "--format", "json"])
        .run()
        .json();
    assert_eq!(diff["summary"]["moved"], 2);
}

/// The chart's steps lie where `tthc counts` changes: the district line
/// drops to zero at the x of 2025-07-01.
#[test]
fn the_district_line_drops_to_zero_on_the_day_the_districts_were_abolished() {
    let test = audit();
    let html = report(&test, "2025-12-31", "report.html");
    let district = attributes(&html, "<path", " d")[1];
    // From 2020-01-10 to 2025-12-31 over x = 64..936; 2025-07-01 is day 1999 of 2182.
    let x = 64.0 + 1999.0 / 2182.0 * 872.0;
    let last_step = district.rsplit('H').nth(1).unwrap();
    let (step_x, step_y) = last_step.split_once('V').unwrap();
    assert!(
        (step_x.parse::<f64>().unwrap() - x).abs() < 0.1,
        "{district}"
    );
    assert_eq!(step_y, "360.0", "the zero line: {district}");
}

#[test]
fn decision_dates_are_ticks_on_the_time_axis() {
    let test = audit();
    let html = report(&test, "2025-12-31", "report.html");
    assert_eq!(
        attributes(&html, "<line class=\"decision-tick\"", "data-date"),
        [
            "2020-02-01",
            "2021-03-10",
            "2021-03-15",
            "2022-05-20",
            "2023-02-01",
            "2024-02-01",
            "2025-07-01"
        ]
    );
    assert!(html.contains("<title>01/07/2025: Quyết định 1580/QĐ-UBND, 1600/QĐ-UBND</title>"));
    // A later end takes in the future-dated decision.
    let later = report(&test, "2100-01-01", "later.html");
    let ticks = attributes(&later, "<line class=\"decision-tick\"", "data-date");
    assert_eq!(ticks.last(), Some(&"2099-07-01"));
}

#[test]
fn decisions_are_counted_per_year_and_the_latest_listed_with_their_changes() {
    let test = audit();
    let html = report(&test, "2025-12-31", "report.html");
    assert_eq!(
        attributes(&html, "<tr", "data-year"),
        ["2020", "2021", "2022", "2023", "2024", "2025"]
    );
    let year_2025 = html.split("<tr data-year=\"2025\">").nth(1).unwrap();
    let year_2025 = &year_2025[..year_2025.find("</tr>").unwrap()];
    // 1580, 1600 and 900: 2 added, 2 amended, 0 replaced, 4 repealed.
    assert!(year_2025.contains("</span>3</td>"), "{year_2025}");
    assert!(
        year_2025.ends_with(
            "<td class=\"n\">2</td><td class=\"n\">2</td><td class=\"n\">0</td><td class=\"n\">4</td><td class=\"n\">8</td>"
        ),
        "{year_2025}"
    );
    let recent: Vec<&str> = html
        .split("<h3>Quyết định số ")
        .skip(1)
        .map(|rest| &rest[..rest.find(" ký ngày").unwrap()])
        .collect();
    assert_eq!(
        recent,
        [
            "900/QĐ-UBND",
            "1600/QĐ-UBND",
            "1580/QĐ-UBND",
            "5/QĐ-UBND",
            "05/QĐ-UBND",
            "30/QĐ-UBND",
            "20/QĐ-UBND",
            "15/QĐ-UBND"
        ],
        "the latest by signing date first, eight of them"
    );
    assert!(html.contains(
        "<tr><td>Thay thế</td><td>Cấp tỉnh</td><td>1.000012</td><td>Cấp giấy phép khai thác khoáng sản (hợp nhất) (thay thế 1.000011)</td><td>20/05/2022</td></tr>"
    ));
    assert!(html.contains("Hiệu lực: 01/07/2099"));
    // An earlier end leaves out what was signed later.
    let earlier = report(&test, "2024-12-31", "earlier.html");
    assert!(!earlier.contains("1580/QĐ-UBND"));
    assert_eq!(
        attributes(&earlier, "<tr", "data-year").last(),
        Some(&"2024")
    );
}

#[test]
fn from_narrows_the_chart_and_the_decisions() {
    let test = audit();
    test.tthc(&[
        "report",
        "--from",
        "2024-01-01",
        "--to",
        "31/12/2025",
        "-o",
        "r.html",
    ])
    .run();
    let html = test.read("r.html");
    let rows = year_ends(&html);
    assert_eq!(rows[0].0, "2024-12-31");
    assert!(html.contains("<path class=\"series level-province\" data-level=\"province\" stroke=\"#1f5fbf\" stroke-width=\"5\" d=\"M64.0,"));
    assert_eq!(attributes(&html, "<tr", "data-year"), ["2024", "2025"]);
    assert!(html.contains("diễn biến từ ngày 01/01/2024 đến ngày 31/12/2025"));
}

#[test]
fn text_from_the_store_is_escaped() {
    let test = Test::new();
    test.write(
        "odd.csv",
        decision_file(&[
            "7/QĐ-UBND,2024-01-10,2024-01-10,added,1.000001,province,<b>Cấp phép</b> & \"thử\",Xây dựng,",
        ]),
    );
    test.import(&["odd.csv"]);
    let html = report(&test, "2024-12-31", "r.html");
    assert!(!html.contains("<b>"));
    assert!(html.contains("&lt;b&gt;Cấp phép&lt;/b&gt; &amp; &quot;thử&quot;"));
}

#[test]
fn bad_dates_are_usage_errors() {
    let test = audit();
    test.tthc(&["report", "--from", "2025-01-01", "--to", "2024-01-01"])
        .status(2)
        .stderr_has("tthc: --from 2025-01-01 is after --to 2024-01-01")
        .run();
    test.tthc(&["report", "--to", "2025-02-30"])
        .status(2)
        .stderr_has("for '--to <DATE>': impossible date")
        .run();
    Test::new()
        .tthc(&["report", "-o", "r.html"])
        .status(1)
        .stderr_has("no catalog database")
        .run();
}

/// Where the screenshot is kept: `target/report-screenshot.png`.
fn screenshot_path() -> PathBuf {
    // BIN is target/<profile>/tthc.
    Path::new(BIN)
        .parent()
        .and_then(Path::parent)
        .map_or_else(|| PathBuf::from("target"), Path::to_path_buf)
        .join("report-screenshot.png")
}

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser"].iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// Pixels whose colour is within a small distance of `rgb` (anti-aliasing aside).
fn pixels_near(rgba: &[u8], rgb: [u8; 3]) -> usize {
    rgba.chunks_exact(4)
        .filter(|p| (0..3).all(|i| p[i].abs_diff(rgb[i]) <= 12))
        .count()
}

#[test]
fn the_report_renders_in_a_headless_browser() {
    let test = audit();
    let html = report(&test, "2025-12-31", "report.html");
    assert_eq!(html.matches("<path").count(), 3, "three series");
    let Some(chromium) = chromium() else {
        println!("skipped the browser check: chromium is not installed (.ci/run installs it)");
        return;
    };
    let shot = test.path("report.png");
    let profile = test.path("chromium-profile");
    run_within(
        Command::new(&chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(format!("--screenshot={}", shot.display()))
            .arg("--window-size=1280,2000")
            .arg(format!("file://{}", test.path("report.html").display())),
        "chromium",
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(fs::File::open(&shot).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), (1280, 2000));
    let rgba: Vec<u8> = match info.color_type {
        png::ColorType::Rgba => buf[..info.buffer_size()].to_vec(),
        png::ColorType::Rgb => buf[..info.buffer_size()]
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        other => panic!("unexpected PNG colour type {other:?}"),
    };
    let total = rgba.len() / 4;
    let background = rgba
        .chunks_exact(4)
        .filter(|p| p[0] >= 0xF0 && p[1] >= 0xF0 && p[2] >= 0xF0)
        .count();
    assert!(
        total - background > total / 20,
        "the screenshot is almost blank: {} of {total} pixels drawn",
        total - background
    );
    let mut colours: Vec<[u8; 3]> = rgba.chunks_exact(4).map(|p| [p[0], p[1], p[2]]).collect();
    colours.sort_unstable();
    colours.dedup();
    assert!(colours.len() > 100, "only {} colours", colours.len());
    // Each series is drawn in its colour (the cards' borders use them too,
    // so ask for more than a card's worth of pixels).
    for (level, rgb) in [
        ("province", [0x1f, 0x5f, 0xbf]),
        ("district", [0xd9, 0x73, 0x1a]),
        ("commune", [0x2e, 0x8b, 0x3e]),
    ] {
        let n = pixels_near(&rgba, rgb);
        println!("{level}: {n} pixels of its colour");
        assert!(
            n > 1500,
            "the {level} line is missing: {n} pixels of its colour"
        );
    }
    let kept = screenshot_path();
    fs::copy(&shot, &kept).unwrap();
    println!("screenshot: {}", kept.display());
}

/// The report gives, per level, the entries done wholly or partly online
/// and the inter-agency ones, as `tthc counts` does.
#[test]
fn the_report_counts_online_and_inter_agency_entries_per_level() {
    let test = Test::new();
    test.write(
        "services.csv",
        "\
decision,signed,action,code,level,name,field,Dịch vụ công trực tuyến,TTHC liên thông
1/QĐ-UBND,2025-08-01,added,1.000001,province,Thủ tục một,Tư pháp,Toàn trình,x
1/QĐ-UBND,2025-08-01,added,1.000002,province,Thủ tục hai,Tư pháp,Một phần,
1/QĐ-UBND,2025-08-01,added,1.000003,commune,Thủ tục ba,Tư pháp,Toàn trình,Có
",
    );
    test.import(&["services.csv"]);
    let html = report(&test, "2025-12-31", "report.html");
    let table = html
        .split("<table class=\"services\">")
        .nth(1)
        .expect("a table of online and inter-agency entries");
    let table = &table[..table.find("</table>").unwrap()];
    assert!(
        table.contains("<th>DVC trực tuyến toàn trình</th>"),
        "{table}"
    );
    assert!(
        table.contains("<tr><td>Cấp tỉnh</td><td>2</td><td>1</td><td>1</td><td>1</td></tr>"),
        "{table}"
    );
    assert!(
        table.contains("<tr><td>Cấp xã</td><td>1</td><td>1</td><td>0</td><td>1</td></tr>"),
        "{table}"
    );
}

/// The part of the page between the first occurrence of `start` and the next `</table>`.
fn table_of<'a>(html: &'a str, start: &str) -> &'a str {
    let table = html
        .split(start)
        .nth(1)
        .unwrap_or_else(|| panic!("no {start}"));
    &table[..table.find("</table>").unwrap()]
}

/// The first import (100/QĐ-UBND, the whole base catalog, effective
/// 2020-02-01) would top the days of largest change; it is left out, and
/// the page says so.
#[test]
fn the_first_import_is_left_out_of_the_most_changed_days() {
    let test = audit();
    let html = report(&test, "2025-12-31", "report.html");
    let days: Vec<String> = table_rows(&html, "largest")
        .into_iter()
        .map(|(date, _)| date)
        .collect();
    assert!(!days.is_empty());
    assert!(!days.contains(&"2020-02-01".to_owned()), "{days:?}");
    assert!(days.contains(&"2025-07-01".to_owned()), "{days:?}");
    assert!(
        html.contains("Không tính lần nhập đầu tiên: Quyết định số 100/QĐ-UBND ngày 10/01/2020."),
        "{html}"
    );
}

/// 900/QĐ-UBND was published in 2025 and takes effect on 2099-07-01: a
/// report to 2025-12-31 lists its changes as not yet in force; a report to
/// 2100 has none left.
#[test]
fn changes_published_but_not_yet_in_force_have_a_section() {
    let test = audit();
    let html = report(&test, "2025-12-31", "report.html");
    assert!(html.contains("<h2>Thay đổi đã công bố, chưa có hiệu lực (sau ngày 31/12/2025)</h2>"));
    let pending = table_of(&html, "<table class=\"pending\">");
    assert_eq!(
        attributes(pending, "<tr", "data-date"),
        ["2099-07-01", "2099-07-01"]
    );
    for cell in [
        "Quyết định số 900/QĐ-UBND ngày 01/12/2025",
        "<td>Bãi bỏ</td><td>Cấp tỉnh</td><td>1.000006</td>",
        "<td>Sửa đổi, bổ sung</td><td>Cấp tỉnh</td><td>1.000012</td>",
    ] {
        assert!(pending.contains(cell), "{cell}: {pending}");
    }
    let later = report(&test, "2100-01-01", "later.html");
    assert!(!later.contains("<table class=\"pending\">"));
    assert!(later.contains("Không có thay đổi nào đã công bố mà chưa có hiệu lực."));
}

/// The entries in force per field and level, fields in Vietnamese
/// alphabetical order, agree with the export.
#[test]
fn the_report_counts_entries_per_field() {
    let test = audit();
    let html = report(&test, "2025-12-31", "report.html");
    let table = table_of(&html, "<table class=\"fields\">");
    let rows: Vec<(String, [u64; 4])> = table
        .split("<tr><td>")
        .skip(1)
        .map(|row| {
            let field = row[..row.find('<').unwrap()].to_owned();
            let numbers: Vec<u64> = row
                .split("<td class=\"n\">")
                .skip(1)
                .map(|c| c[..c.find('<').unwrap()].replace('.', "").parse().unwrap())
                .collect();
            (field, [numbers[0], numbers[1], numbers[2], numbers[3]])
        })
        .collect();
    let export = test.export_json("2025-12-31");
    let mut expected = std::collections::BTreeMap::<String, [u64; 4]>::new();
    for e in &export.entries {
        let level = ["province", "district", "commune"]
            .iter()
            .position(|l| *l == e.level)
            .unwrap();
        let counts = expected.entry(e.field.clone()).or_default();
        counts[level] += 1;
        counts[3] += 1;
    }
    let mut shown = rows;
    shown.sort();
    assert_eq!(shown, expected.into_iter().collect::<Vec<_>>(), "{table}");
}

/// What the decision ticks' tooltips say is also on the page, for readers
/// who do not hover and for paper: each date with its decisions' numbers and
/// signing dates.
#[test]
fn decision_titles_are_visible_without_hovering() {
    let test = audit();
    let html = report(&test, "2025-12-31", "report.html");
    let table = table_of(&html, "<table class=\"decision-dates\">");
    assert_eq!(
        attributes(table, "<tr", "data-date"),
        attributes(&html, "<line class=\"decision-tick\"", "data-date")
    );
    assert!(
        table.contains(
            "<td>01/07/2025</td><td>Quyết định số 1580/QĐ-UBND ngày 20/06/2025; Quyết định số 1600/QĐ-UBND ngày 25/06/2025</td>"
        ),
        "{table}"
    );
}

/// Printed, the page is laid out for A4.
#[test]
fn the_report_has_an_a4_print_stylesheet() {
    let test = audit();
    let html = report(&test, "2025-12-31", "report.html");
    assert!(html.contains("@page { size: A4;"), "{html}");
    let print = html
        .split("@media print {")
        .nth(1)
        .expect("a print stylesheet");
    assert!(print.contains("break-inside: avoid"), "{print}");
}

/// Each level's swatch in the legend is drawn as wide as its line.
#[test]
fn legend_swatches_match_the_line_widths() {
    let test = audit();
    let html = report(&test, "2025-12-31", "report.html");
    let lines = attributes(&html, "<path", "stroke-width");
    let swatches = attributes(&html, "<line class=\"swatch\"", "stroke-width");
    assert_eq!(lines.len(), 3);
    assert_eq!(swatches, lines);
    assert_eq!(
        attributes(&html, "<line class=\"swatch\"", "stroke"),
        attributes(&html, "<path", "stroke")
    );
}
