//! The HTML report: one self-contained page (inline CSS and SVG, nothing
//! fetched) with the counts per level, a step chart of the entries in force
//! per level over time, the days of largest change, the counts at the end of
//! each year, the decisions per year and the latest decisions.
//!
//! The page depends only on the [`Report`] it is given: no clock, no random
//! identifiers, numbers rounded to one decimal.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::group_thousands;
use crate::domain::correction::CorrectionKind;
use crate::domain::{Action, Code, Counts, Day, Level};

/// Everything the report shows.
pub(crate) struct Report {
    /// First and last day of the chart; the counts are those of `to`.
    pub from: Day,
    pub to: Day,
    pub counts: Counts,
    /// Entries in force per level (province, district, commune) at the end of `from`.
    pub start: [u64; 3],
    /// Each later day up to `to` when a level's count changes, with the counts from then on.
    pub changes: Vec<(Day, [u64; 3])>,
    /// The decisions with changes effective from `from` to `to`, by effective date.
    pub effective: Vec<EffectiveDecision>,
    /// The moves between levels effective on each of the days of largest
    /// change ([`largest_days`]), by day.
    pub moved: Vec<(Day, u64)>,
    /// Decisions signed from `from` to `to`, per year of signing.
    pub years: Vec<YearRow>,
    /// The latest decisions signed up to `to`, latest first.
    pub recent: Vec<RecentDecision>,
    /// The corrections of imported decisions, in order.
    pub corrections: Vec<CorrectionRow>,
    /// The store the report was made from.
    pub store: StoreHead,
    /// The first decision imported and the days its changes took effect:
    /// left out of the days of largest change, which it would top.
    pub first_import: Option<FirstImport>,
    /// The entries in force on `to` per field (in Vietnamese alphabetical
    /// order) and level.
    pub fields: Vec<FieldRow>,
    /// Changes published but not yet in force on `to`, by effective date
    /// (the first [`PENDING_SHOWN`]), and how many there are in all.
    pub pending: Vec<PendingRow>,
    pub pending_total: usize,
    /// With `--known-at`: the moment (UTC) the store is as known at.
    pub known_at: Option<String>,
}

/// The first decision imported, left out of the days of largest change.
pub(crate) struct FirstImport {
    pub number: String,
    pub signed: Day,
    /// The days its changes took effect.
    pub days: Vec<Day>,
}

/// The entries in force in one field, per level (province, district, commune).
pub(crate) struct FieldRow {
    pub field: String,
    pub counts: [u64; 3],
}

/// How many of the changes not yet in force the report lists.
pub(crate) const PENDING_SHOWN: usize = 50;

/// A change published but not yet in force.
pub(crate) struct PendingRow {
    pub effective: Day,
    pub number: String,
    pub signed: Day,
    pub action: Action,
    pub level: Level,
    pub code: Code,
    /// For a replacement by another code: the code replaced.
    pub replaces: Option<Code>,
    pub name: String,
}

/// Decisions signed in one year.
pub(crate) struct YearRow {
    pub year: i32,
    pub decisions: u64,
    /// Entry changes per action (added, amended, replaced, repealed).
    pub actions: [u64; 4],
}

/// A decision with its first entry changes.
pub(crate) struct RecentDecision {
    /// What its latest correction did to its rows, if any.
    pub corrected: Option<CorrectionKind>,
    pub number: String,
    pub signed: Day,
    pub effective_first: Day,
    pub effective_last: Day,
    /// Entry changes per action (added, amended, replaced, repealed).
    pub actions: [u64; 4],
    /// The first changes, in the order of the decision's rows.
    pub changes: Vec<ChangeRow>,
}

/// A decision with changes effective on a day: a tick on the chart's time axis.
pub(crate) struct EffectiveDecision {
    pub effective: Day,
    pub number: String,
    pub signed: Day,
}

/// A correction of an imported decision, as the page lists it.
pub(crate) struct CorrectionRow {
    pub number: String,
    pub signed: Day,
    pub kind: CorrectionKind,
    /// RFC 3339, UTC.
    pub at: String,
    pub by: String,
    pub reason: String,
}

/// What a correction did, in the words of the page.
fn correction_vi(kind: CorrectionKind) -> &'static str {
    match kind {
        CorrectionKind::Retracted => "Rút toàn bộ khỏi danh mục",
        CorrectionKind::Corrected => "Đính chính theo tệp đã sửa",
    }
}

/// One entry change of a decision, as the latest decisions list it.
pub(crate) struct ChangeRow {
    pub action: Action,
    pub level: Level,
    pub code: Code,
    /// For a replacement by another code: the code replaced.
    pub replaces: Option<Code>,
    pub name: String,
    pub effective: Day,
}

/// The store the report was made from: its decisions and the head of their hash chain.
pub(crate) struct StoreHead {
    pub decisions: u64,
    /// Empty when no decision is stored.
    pub chain_sha256: String,
}

/// Series colours and line widths, by level: each line is drawn narrower
/// than the one before it, so that lines running together stay visible.
const COLORS: [&str; 3] = ["#1f5fbf", "#d9731a", "#2e8b3e"];
const WIDTHS: [f64; 3] = [5.0, 3.5, 2.0];

/// The Vietnamese name of an action as annexes write it.
pub(crate) fn action_vi(action: Action) -> &'static str {
    match action {
        Action::Added => "Ban hành mới",
        Action::Amended => "Sửa đổi, bổ sung",
        Action::Replaced => "Thay thế",
        Action::Repealed => "Bãi bỏ",
    }
}

/// DD/MM/YYYY.
pub(crate) fn vi_date(day: Day) -> String {
    day.date().format("%d/%m/%Y").to_string()
}

/// Text escaped for HTML content and attribute values.
pub(crate) fn esc(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

const STYLE: &str = "
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f6f9; color: #1d2430;
  font: 15px/1.45 \"Segoe UI\", Roboto, \"Noto Sans\", \"DejaVu Sans\", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 40px; }
h1 { font-size: 26px; margin: 0 0 4px; color: #12355b; }
h2 { font-size: 19px; margin: 32px 0 12px; color: #12355b; border-bottom: 2px solid #d5dde8; padding-bottom: 4px; }
h3 { font-size: 16px; margin: 0 0 6px; }
p.lead { margin: 0 0 18px; color: #4a5566; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; }
.card { flex: 1 1 170px; background: #fff; border-radius: 8px; padding: 12px 16px;
  border-left: 6px solid #8a96a8; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
.card .n { font-size: 30px; font-weight: 700; }
.card .l { color: #4a5566; }
.card.level-province { border-left-color: #1f5fbf; }
.card.level-district { border-left-color: #d9731a; }
.card.level-commune { border-left-color: #2e8b3e; }
.panel { background: #fff; border-radius: 8px; padding: 16px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart text { font-family: inherit; fill: #4a5566; font-size: 12px; }
svg.chart .grid line { stroke: #e3e8ef; }
svg.chart .axis line { stroke: #8a96a8; }
svg.chart .decision-tick { stroke: #b3261e; stroke-width: 1.5; }
svg.chart .series { fill: none; stroke-linejoin: round; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid #d5dde8; padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #e9eef5; }
td.n, th.n { text-align: right; white-space: nowrap; }
.bar { display: inline-block; height: 10px; background: #7f9cc4; border-radius: 2px; margin-right: 6px; }
.decision { margin: 0 0 16px; }
.badges span { display: inline-block; margin: 0 6px 6px 0; padding: 1px 8px; border-radius: 10px;
  background: #e9eef5; font-size: 13px; }
.muted { color: #6b7688; }
footer { margin-top: 36px; color: #6b7688; font-size: 13px; }
code { font-size: 12px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: #fff; font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 18pt; }
  h2 { font-size: 13pt; margin-top: 18px; break-after: avoid; page-break-after: avoid; }
  .card, .panel { box-shadow: none; border: 1px solid #d5dde8; }
  .card .n { font-size: 18pt; }
  svg.chart, .decision, tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  th, td { padding: 3px 5px; }
  .bar { max-width: 160px; }
  table.years td { white-space: nowrap; }
}
";

/// The whole page.
pub(crate) fn page(r: &Report) -> String {
    let mut h = String::with_capacity(32 * 1024);
    h.push_str("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        h,
        "<title>Danh mục thủ tục hành chính: báo cáo đến ngày {}</title>",
        vi_date(r.to)
    );
    let _ = writeln!(h, "<style>{STYLE}</style>\n</head>\n<body>\n<main>");
    let _ = writeln!(h, "<h1>Danh mục thủ tục hành chính</h1>");
    let _ = writeln!(
        h,
        "<p class=\"lead\">Số liệu tính đến ngày {}; diễn biến từ ngày {} đến ngày {}.</p>",
        vi_date(r.to),
        vi_date(r.from),
        vi_date(r.to)
    );
    if let Some(moment) = &r.known_at {
        let _ = writeln!(
            h,
            "<p class=\"lead known-at\">Theo dữ liệu đã ghi nhận đến {} (UTC).</p>",
            esc(moment)
        );
    }
    counts_section(&mut h, r);
    fields_section(&mut h, r);
    chart_section(&mut h, r);
    years_section(&mut h, r);
    recent_section(&mut h, r);
    pending_section(&mut h, r);
    corrections_section(&mut h, r);
    let chain = if r.store.chain_sha256.is_empty() {
        String::new()
    } else {
        format!(
            "; mã băm chuỗi quyết định <code>{}</code>",
            esc(&r.store.chain_sha256)
        )
    };
    let _ = writeln!(
        h,
        "<footer>Lập bằng tthc {} từ {} quyết định đã nhập{chain}.</footer>",
        env!("CARGO_PKG_VERSION"),
        group_thousands(r.store.decisions)
    );
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

fn counts_section(h: &mut String, r: &Report) {
    let _ = writeln!(
        h,
        "<h2>Số thủ tục hành chính có hiệu lực ngày {}</h2>\n<div class=\"cards\">",
        vi_date(r.to)
    );
    for level in Level::ALL {
        let _ = writeln!(
            h,
            "<div class=\"card level-{}\"><div class=\"n\">{}</div><div class=\"l\">{}</div></div>",
            level.as_str(),
            group_thousands(r.counts.level(level)),
            level.label_vi()
        );
    }
    let _ = writeln!(
        h,
        "<div class=\"card\"><div class=\"n\">{}</div><div class=\"l\">Tổng số TTHC</div></div>",
        group_thousands(r.counts.total())
    );
    let _ = writeln!(
        h,
        "<div class=\"card\"><div class=\"n\">{}</div><div class=\"l\">Số thủ tục (mã số khác nhau)</div></div>\n</div>",
        group_thousands(r.counts.procedures)
    );
    services_table(h, r);
}

/// Entries per level done wholly or partly online, and inter-agency.
fn services_table(h: &mut String, r: &Report) {
    let s = &r.counts.services;
    h.push_str(
        "<table class=\"services\">\n<thead><tr><th>Cấp</th><th>Số TTHC</th>\
         <th>DVC trực tuyến toàn trình</th><th>DVC trực tuyến một phần</th>\
         <th>TTHC liên thông</th></tr></thead>\n<tbody>\n",
    );
    for level in Level::ALL {
        let i = level.index();
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            level.label_vi(),
            group_thousands(r.counts.level(level)),
            group_thousands(s.online_full[i]),
            group_thousands(s.online_partial[i]),
            group_thousands(s.inter_agency[i])
        );
    }
    h.push_str("</tbody>\n</table>\n");
}

/// Chart geometry (SVG user units).
const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 440.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 936.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 360.0;

/// Maps days and counts to the plot area.
struct Scale {
    from: i32,
    days: f64,
    top: u64,
}

impl Scale {
    fn x(&self, day: Day) -> f64 {
        LEFT + f64::from(day.number() - self.from) / self.days * (RIGHT - LEFT)
    }

    fn y(&self, count: u64) -> f64 {
        BOTTOM - as_f64(count) / as_f64(self.top) * (BOTTOM - TOP)
    }
}

/// Counts as coordinates; they are far below 2^52.
#[allow(clippy::cast_precision_loss, reason = "counts are far below 2^52")]
fn as_f64(count: u64) -> f64 {
    count as f64
}

/// A round step for about `parts` grid lines up to `max`: 1, 2 or 5 times a power of ten.
fn nice_step(max: u64, parts: u64) -> u64 {
    let raw = max.div_ceil(parts).max(1);
    let mut power = 1;
    loop {
        for m in [1, 2, 5] {
            if m * power >= raw {
                return m * power;
            }
        }
        power *= 10;
    }
}

fn chart_section(h: &mut String, r: &Report) {
    let _ = writeln!(h, "<h2>Số TTHC có hiệu lực theo cấp qua thời gian</h2>");
    h.push_str("<div class=\"panel\">\n");
    h.push_str(&chart(r));
    decision_dates(h, &r.effective);
    h.push_str("</div>\n");
    largest_changes(h, r);
    year_ends(h, r);
}

/// The step chart: one polyline per level, year ticks, a tick at every date
/// a decision took effect, and a legend.
pub(crate) fn chart(report: &Report) -> String {
    let max = std::iter::once(report.start)
        .chain(report.changes.iter().map(|(_, counts)| *counts))
        .flat_map(IntoIterator::into_iter)
        .max()
        .unwrap_or(0);
    let step = nice_step(max, 5);
    // Room above the highest line, so that it never runs along the frame.
    let top = (max / step + 1) * step;
    let scale = Scale {
        from: report.from.number(),
        days: f64::from((report.to.number() - report.from.number()).max(1)),
        top,
    };
    let mut svg = String::with_capacity(8 * 1024);
    let _ = writeln!(
        svg,
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-labelledby=\"chart-title\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    let _ = writeln!(
        svg,
        "<title id=\"chart-title\">Số TTHC có hiệu lực theo cấp từ {} đến {}</title>",
        vi_date(report.from),
        vi_date(report.to)
    );
    grid(&mut svg, &scale, step);
    time_axis(&mut svg, &scale, report.from, report.to);
    decision_ticks(&mut svg, &scale, &report.effective);
    series(&mut svg, &scale, report);
    legend(&mut svg, &report.counts);
    svg.push_str("</svg>\n");
    svg
}

/// Horizontal grid lines with the count axis labels.
fn grid(svg: &mut String, scale: &Scale, step: u64) {
    svg.push_str("<g class=\"grid\">\n");
    let mut count = 0;
    while count <= scale.top {
        let y = scale.y(count);
        let _ = writeln!(
            svg,
            "<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{RIGHT}\" y2=\"{y:.1}\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            LEFT - 8.0,
            y + 4.0,
            group_thousands(count)
        );
        count += step;
    }
    svg.push_str("</g>\n");
}

/// The time axis with ticks at years (or months for short spans).
fn time_axis(svg: &mut String, scale: &Scale, from: Day, to: Day) {
    svg.push_str("<g class=\"axis\">\n");
    let _ = writeln!(
        svg,
        "<line x1=\"{LEFT}\" y1=\"{BOTTOM}\" x2=\"{RIGHT}\" y2=\"{BOTTOM}\"/>"
    );
    for (day, label) in time_ticks(from, to) {
        let x = scale.x(day);
        let _ = writeln!(
            svg,
            "<line class=\"year-tick\" x1=\"{x:.1}\" y1=\"{TOP}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke-dasharray=\"2 4\"/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{label}</text>",
            BOTTOM + 4.0,
            BOTTOM + 26.0
        );
    }
    svg.push_str("</g>\n");
}

/// Decision ticks closer than this (in SVG units) are drawn as one.
const TICK_BUCKET: f64 = 2.0;
/// How many decision numbers a tick's tooltip names.
const TICK_NAMES: usize = 3;

/// A tick under the axis at every date a decision took effect; ticks that
/// would fall on the same spot are merged. The tooltip names the dates and
/// the decisions.
fn decision_ticks(svg: &mut String, scale: &Scale, effective: &[EffectiveDecision]) {
    svg.push_str("<g class=\"decision-ticks\">\n");
    let bucket = |d: &EffectiveDecision| (scale.x(d.effective) / TICK_BUCKET).floor() as i64;
    for group in effective.chunk_by(|a, b| bucket(a) == bucket(b)) {
        let (first, last) = (group[0].effective, group[group.len() - 1].effective);
        let mut numbers: Vec<&str> = Vec::new();
        for d in group {
            if !numbers.contains(&d.number.as_str()) {
                numbers.push(&d.number);
            }
        }
        let dates = if first == last {
            vi_date(first)
        } else {
            format!("{}–{}", vi_date(first), vi_date(last))
        };
        let mut names = numbers[..numbers.len().min(TICK_NAMES)].join(", ");
        if numbers.len() > TICK_NAMES {
            let _ = write!(names, " … ({} quyết định)", numbers.len());
        }
        let x = scale.x(first);
        let _ = writeln!(
            svg,
            "<line class=\"decision-tick\" data-date=\"{first}\" x1=\"{x:.1}\" y1=\"{BOTTOM}\" x2=\"{x:.1}\" y2=\"{:.1}\"><title>{dates}: Quyết định {}</title></line>",
            BOTTOM + 8.0,
            esc(&names)
        );
    }
    svg.push_str("</g>\n");
}

/// The dates decisions took effect, with the decisions (number and signing
/// date), listed under the chart: what the ticks' tooltips say, visible
/// without hovering and on paper.
fn decision_dates(h: &mut String, effective: &[EffectiveDecision]) {
    if effective.is_empty() {
        return;
    }
    h.push_str("<table class=\"decision-dates\">\n<thead><tr><th>Ngày có hiệu lực</th><th>Quyết định</th></tr></thead>\n<tbody>\n");
    for same_day in effective.chunk_by(|a, b| a.effective == b.effective) {
        let mut names: Vec<String> = Vec::new();
        for d in same_day {
            let name = format!(
                "Quyết định số {} ngày {}",
                esc(&d.number),
                vi_date(d.signed)
            );
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let _ = writeln!(
            h,
            "<tr data-date=\"{}\"><td>{}</td><td>{}</td></tr>",
            same_day[0].effective,
            vi_date(same_day[0].effective),
            names.join("; ")
        );
    }
    h.push_str("</tbody>\n</table>\n");
}

/// One step line per level: a path of horizontal and vertical moves only.
fn series(svg: &mut String, scale: &Scale, report: &Report) {
    svg.push_str("<g class=\"series-group\">\n");
    for level in Level::ALL {
        let i = level.index();
        let mut last = report.start[i];
        let mut d = format!("M{:.1},{:.1}", scale.x(report.from), scale.y(last));
        for (day, counts) in &report.changes {
            if counts[i] != last {
                last = counts[i];
                let _ = write!(d, "H{:.1}V{:.1}", scale.x(*day), scale.y(last));
            }
        }
        let _ = write!(d, "H{:.1}", scale.x(report.to));
        let _ = writeln!(
            svg,
            "<path class=\"series level-{0}\" data-level=\"{0}\" stroke=\"{1}\" stroke-width=\"{2}\" d=\"{d}\"><title>{3}</title></path>",
            level.as_str(),
            COLORS[i],
            WIDTHS[i],
            level.label_vi()
        );
    }
    svg.push_str("</g>\n");
}

/// The legend under the axis: each level with its count, and the decision ticks.
fn legend(svg: &mut String, counts: &Counts) {
    svg.push_str("<g class=\"legend\">\n");
    let y = HEIGHT - 22.0;
    let mut x = LEFT;
    for level in Level::ALL {
        let _ = writeln!(
            svg,
            "<line class=\"swatch\" data-level=\"{}\" x1=\"{x:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{}\" stroke-width=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\">{} ({})</text>",
            level.as_str(),
            x + 26.0,
            COLORS[level.index()],
            WIDTHS[level.index()],
            x + 32.0,
            y + 4.0,
            level.label_vi(),
            group_thousands(counts.level(level))
        );
        x += 190.0;
    }
    let _ = writeln!(
        svg,
        "<line class=\"decision-tick\" x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\"/><text x=\"{:.1}\" y=\"{:.1}\">Ngày quyết định có hiệu lực</text>",
        y - 6.0,
        y + 6.0,
        x + 8.0,
        y + 4.0
    );
    svg.push_str("</g>\n");
}

/// Labelled ticks of the time axis inside (from, to]: 1 January of every
/// year (every 2, 5, 10, ... years on long spans), or the first of every
/// month (every 2, 3, 6 months) when fewer than two years start inside.
fn time_ticks(from: Day, to: Day) -> Vec<(Day, String)> {
    use chrono::{Datelike, NaiveDate};
    let (a, b) = (from.date(), to.date());
    let starts = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).map(Day::from_date);
    let years: Vec<Day> = (a.year()..=b.year())
        .filter_map(|y| starts(y, 1))
        .filter(|d| *d > from && *d <= to)
        .collect();
    if years.len() >= 2 {
        let every: i32 = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
            .into_iter()
            .find(|k| years.len().div_ceil(*k as usize) <= 12)
            .unwrap_or(1000);
        return years
            .into_iter()
            .filter(|d| d.date().year().rem_euclid(every) == 0)
            .map(|d| (d, d.date().year().to_string()))
            .collect();
    }
    let months: Vec<Day> = (a.year()..=b.year())
        .flat_map(|y| (1..=12).filter_map(move |m| starts(y, m)))
        .filter(|d| *d > from && *d <= to)
        .collect();
    let every: u32 = [1, 2, 3, 6, 12]
        .into_iter()
        .find(|k| months.len().div_ceil(*k as usize) <= 12)
        .unwrap_or(12);
    months
        .into_iter()
        .filter(|d| (d.date().month0()).is_multiple_of(every))
        .map(|d| (d, d.date().format("%m/%Y").to_string()))
        .collect()
}

/// The counts at the end of a day: those of the last change up to it.
fn counts_on(r: &Report, day: Day) -> [u64; 3] {
    let i = r.changes.partition_point(|(d, _)| *d <= day);
    if i == 0 { r.start } else { r.changes[i - 1].1 }
}

/// The chart's numbers at the end of every year (the last one at `to`).
fn year_ends(h: &mut String, r: &Report) {
    use chrono::{Datelike, NaiveDate};
    let _ = writeln!(h, "<h2>Số TTHC có hiệu lực cuối mỗi năm</h2>");
    h.push_str("<table class=\"year-ends\">\n<thead><tr><th>Năm</th><th>Ngày</th><th class=\"n\">Cấp tỉnh</th><th class=\"n\">Cấp huyện</th><th class=\"n\">Cấp xã</th><th class=\"n\">Tổng số</th></tr></thead>\n<tbody>\n");
    for year in r.from.date().year()..=r.to.date().year() {
        let day = NaiveDate::from_ymd_opt(year, 12, 31)
            .map_or(r.to, Day::from_date)
            .min(r.to);
        let counts = counts_on(r, day);
        let _ = writeln!(
            h,
            "<tr data-date=\"{day}\"><td>{year}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            vi_date(day),
            group_thousands(counts[0]),
            group_thousands(counts[1]),
            group_thousands(counts[2]),
            group_thousands(counts.iter().sum())
        );
    }
    h.push_str("</tbody>\n</table>\n");
}

/// How many days of largest change the report lists.
const LARGEST_CHANGES: usize = 5;

/// The days on which the entries in force changed the most (summed over
/// the levels), largest first, with the change per level: from the counts
/// at the end of `from` (`start`) and the later changes.
/// The days in `left_out` (those of the first import) are not listed.
pub(crate) fn largest_days(
    start: [u64; 3],
    changes: &[(Day, [u64; 3])],
    left_out: &[Day],
) -> Vec<(Day, [i64; 3])> {
    let mut days: Vec<(Day, [i64; 3])> = Vec::with_capacity(changes.len());
    let mut before = start;
    for (day, counts) in changes {
        let delta: [i64; 3] = std::array::from_fn(|i| signed(counts[i]) - signed(before[i]));
        if !left_out.contains(day) {
            days.push((*day, delta));
        }
        before = *counts;
    }
    let size = |delta: &[i64; 3]| delta.iter().map(|n| n.unsigned_abs()).sum::<u64>();
    days.sort_by(|a, b| size(&b.1).cmp(&size(&a.1)).then(a.0.cmp(&b.0)));
    days.truncate(LARGEST_CHANGES);
    days
}

/// The days of largest change, with the change per level, the moves between
/// levels ("chuyển cấp") and the decisions.
fn largest_changes(h: &mut String, r: &Report) {
    let left_out = r.first_import.as_ref().map_or(&[][..], |f| &f.days[..]);
    let days = largest_days(r.start, &r.changes, left_out);
    if days.is_empty() {
        return;
    }
    let _ = writeln!(h, "<h2>Những ngày danh mục thay đổi nhiều nhất</h2>");
    if let Some(first) = r
        .first_import
        .as_ref()
        .filter(|f| f.days.iter().any(|d| *d >= r.from && *d <= r.to))
    {
        let _ = writeln!(
            h,
            "<p class=\"muted first-import\">Không tính lần nhập đầu tiên: Quyết định số {} ngày {}.</p>",
            esc(&first.number),
            vi_date(first.signed)
        );
    }
    h.push_str("<table class=\"largest\">\n<thead><tr><th>Ngày hiệu lực</th><th class=\"n\">Cấp tỉnh</th><th class=\"n\">Cấp huyện</th><th class=\"n\">Cấp xã</th><th class=\"n\">Chuyển cấp</th><th>Quyết định</th></tr></thead>\n<tbody>\n");
    for (day, delta) in days {
        let _ = write!(h, "<tr data-date=\"{day}\"><td>{}</td>", vi_date(day));
        for n in delta {
            let _ = write!(h, "<td class=\"n\">{}</td>", signed_count(n));
        }
        let moved = r
            .moved
            .iter()
            .find(|(d, _)| *d == day)
            .map_or(0, |(_, n)| *n);
        let moved = if moved == 0 {
            String::new()
        } else {
            group_thousands(moved)
        };
        let _ = write!(h, "<td class=\"n moved\">{moved}</td>");
        let start = r.effective.partition_point(|d| d.effective < day);
        let mut numbers: Vec<&str> = Vec::new();
        for d in r.effective[start..]
            .iter()
            .take_while(|d| d.effective == day)
        {
            if !numbers.contains(&d.number.as_str()) {
                numbers.push(&d.number);
            }
        }
        let _ = writeln!(h, "<td>{}</td></tr>", esc(&numbers.join(", ")));
    }
    h.push_str("</tbody>\n</table>\n");
}

fn signed(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// "+12", "−3" (a true minus sign), or nothing for no change.
fn signed_count(n: i64) -> String {
    match n {
        0 => String::new(),
        n if n > 0 => format!("+{}", group_thousands(n.unsigned_abs())),
        n => format!("−{}", group_thousands(n.unsigned_abs())),
    }
}

fn years_section(h: &mut String, r: &Report) {
    let _ = writeln!(h, "<h2>Số quyết định công bố theo năm</h2>");
    if r.years.is_empty() {
        let _ = writeln!(h, "<p class=\"muted\">Không có quyết định nào.</p>");
        return;
    }
    let most = r
        .years
        .iter()
        .map(|y| y.decisions)
        .max()
        .unwrap_or(1)
        .max(1);
    h.push_str("<table class=\"years\">\n<thead><tr><th>Năm</th><th>Số quyết định</th>");
    for action in Action::ALL {
        let _ = write!(h, "<th class=\"n\">{}</th>", action_vi(action));
    }
    h.push_str("<th class=\"n\">Tổng số thay đổi</th></tr></thead>\n<tbody>\n");
    for y in &r.years {
        let width = (y.decisions * 240).div_ceil(most);
        let _ = write!(
            h,
            "<tr data-year=\"{}\"><td>{}</td><td><span class=\"bar\" style=\"width:{width}px\"></span>{}</td>",
            y.year,
            y.year,
            group_thousands(y.decisions)
        );
        for n in y.actions {
            let _ = write!(h, "<td class=\"n\">{}</td>", group_thousands(n));
        }
        let _ = writeln!(
            h,
            "<td class=\"n\">{}</td></tr>",
            group_thousands(y.actions.iter().sum())
        );
    }
    h.push_str("</tbody>\n</table>\n");
}

fn recent_section(h: &mut String, r: &Report) {
    let _ = writeln!(h, "<h2>Các quyết định gần nhất</h2>");
    if r.recent.is_empty() {
        let _ = writeln!(h, "<p class=\"muted\">Không có quyết định nào.</p>");
        return;
    }
    for d in &r.recent {
        let effective = if d.effective_first == d.effective_last {
            vi_date(d.effective_first)
        } else {
            format!(
                "từ {} đến {}",
                vi_date(d.effective_first),
                vi_date(d.effective_last)
            )
        };
        let corrected = d
            .corrected
            .map(|k| format!(" ({})", correction_vi(k).to_lowercase()))
            .unwrap_or_default();
        let _ = writeln!(
            h,
            "<section class=\"decision panel\">\n<h3>Quyết định số {} ký ngày {}{corrected}</h3>\n<div class=\"muted\">Hiệu lực: {effective}</div>",
            esc(&d.number),
            vi_date(d.signed)
        );
        h.push_str("<div class=\"badges\">");
        for action in Action::ALL {
            let n = d.actions[action.index()];
            if n > 0 {
                let _ = write!(
                    h,
                    "<span>{}: {}</span>",
                    action_vi(action),
                    group_thousands(n)
                );
            }
        }
        h.push_str("</div>\n");
        if !d.changes.is_empty() {
            h.push_str("<table class=\"changes\">\n<thead><tr><th>Hình thức</th><th>Cấp</th><th>Mã số</th><th>Tên thủ tục hành chính</th><th>Hiệu lực</th></tr></thead>\n<tbody>\n");
            for c in &d.changes {
                let replaces = c
                    .replaces
                    .map(|old| format!(" (thay thế {old})"))
                    .unwrap_or_default();
                let _ = writeln!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}{replaces}</td><td>{}</td></tr>",
                    action_vi(c.action),
                    c.level.label_vi(),
                    c.code,
                    esc(&c.name),
                    vi_date(c.effective)
                );
            }
            h.push_str("</tbody>\n</table>\n");
            let total: u64 = d.actions.iter().sum();
            let more = total.saturating_sub(d.changes.len() as u64);
            if more > 0 {
                let _ = writeln!(
                    h,
                    "<p class=\"muted\">… và {} thay đổi khác.</p>",
                    group_thousands(more)
                );
            }
        }
        h.push_str("</section>\n");
    }
}

/// The entries in force on the last day per field and level.
fn fields_section(h: &mut String, r: &Report) {
    if r.fields.is_empty() {
        return;
    }
    let _ = writeln!(
        h,
        "<h2>Số TTHC có hiệu lực ngày {} theo lĩnh vực</h2>",
        vi_date(r.to)
    );
    h.push_str("<table class=\"fields\">\n<thead><tr><th>Lĩnh vực</th><th class=\"n\">Cấp tỉnh</th><th class=\"n\">Cấp huyện</th><th class=\"n\">Cấp xã</th><th class=\"n\">Tổng số</th></tr></thead>\n<tbody>\n");
    for f in &r.fields {
        let field = if f.field.is_empty() {
            "(chưa ghi lĩnh vực)".into()
        } else {
            esc(&f.field)
        };
        let _ = writeln!(
            h,
            "<tr><td>{field}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            group_thousands(f.counts[0]),
            group_thousands(f.counts[1]),
            group_thousands(f.counts[2]),
            group_thousands(f.counts.iter().sum())
        );
    }
    h.push_str("</tbody>\n</table>\n");
}

/// The changes published but not yet in force on the last day.
fn pending_section(h: &mut String, r: &Report) {
    let _ = writeln!(
        h,
        "<h2>Thay đổi đã công bố, chưa có hiệu lực (sau ngày {})</h2>",
        vi_date(r.to)
    );
    if r.pending.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"muted\">Không có thay đổi nào đã công bố mà chưa có hiệu lực.</p>"
        );
        return;
    }
    h.push_str("<table class=\"pending\">\n<thead><tr><th>Ngày có hiệu lực</th><th>Quyết định</th><th>Hình thức</th><th>Cấp</th><th>Mã số</th><th>Tên thủ tục hành chính</th></tr></thead>\n<tbody>\n");
    for c in &r.pending {
        let replaces = c
            .replaces
            .map(|old| format!(" (thay thế {old})"))
            .unwrap_or_default();
        let _ = writeln!(
            h,
            "<tr data-date=\"{}\"><td>{}</td><td>Quyết định số {} ngày {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}{replaces}</td></tr>",
            c.effective,
            vi_date(c.effective),
            esc(&c.number),
            vi_date(c.signed),
            action_vi(c.action),
            c.level.label_vi(),
            c.code,
            esc(&c.name)
        );
    }
    h.push_str("</tbody>\n</table>\n");
    let more = r.pending_total.saturating_sub(r.pending.len());
    if more > 0 {
        let _ = writeln!(
            h,
            "<p class=\"muted\">… và {} thay đổi khác.</p>",
            group_thousands(more as u64)
        );
    }
}

/// The corrections of imported decisions: when, by whom, what and why.
/// Nothing when there are none.
fn corrections_section(h: &mut String, r: &Report) {
    if r.corrections.is_empty() {
        return;
    }
    let _ = writeln!(h, "<h2>Các lần đính chính dữ liệu đã nhập</h2>");
    h.push_str("<table class=\"changes\">\n<thead><tr><th>Thời điểm (UTC)</th><th>Người thực hiện</th><th>Quyết định</th><th>Nội dung</th><th>Lý do</th></tr></thead>\n<tbody>\n");
    for c in &r.corrections {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>Quyết định số {} ký ngày {}</td><td>{}</td><td>{}</td></tr>",
            esc(&c.at),
            esc(&c.by),
            esc(&c.number),
            vi_date(c.signed),
            correction_vi(c.kind),
            esc(&c.reason)
        );
    }
    h.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        Day::parse(s).unwrap()
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(esc("Hộ tịch"), "Hộ tịch");
        assert_eq!(
            esc("<a href=\"x\">Tom & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
    }

    #[test]
    fn grid_steps_are_round() {
        assert_eq!(nice_step(0, 5), 1);
        assert_eq!(nice_step(4, 5), 1);
        assert_eq!(nice_step(7, 5), 2);
        assert_eq!(nice_step(1295, 5), 500);
        assert_eq!(nice_step(1000, 5), 200);
    }

    #[test]
    fn long_spans_tick_years_and_short_ones_months() {
        let years = time_ticks(day("2020-01-10"), day("2025-08-01"));
        let labels: Vec<&str> = years.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["2021", "2022", "2023", "2024", "2025"]);
        let decades = time_ticks(day("1990-01-10"), day("2025-08-01"));
        assert!(decades.len() <= 12 && decades.len() >= 5, "{decades:?}");
        let months = time_ticks(day("2025-01-15"), day("2025-07-15"));
        let labels: Vec<&str> = months.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(
            labels,
            [
                "02/2025", "03/2025", "04/2025", "05/2025", "06/2025", "07/2025"
            ]
        );
    }

    #[test]
    fn every_level_is_one_step_line() {
        let report = Report {
            from: day("2020-01-01"),
            to: day("2025-12-31"),
            counts: Counts {
                province: 3,
                district: 0,
                commune: 2,
                procedures: 4,
                ..Counts::default()
            },
            start: [0, 0, 0],
            changes: vec![
                (day("2020-02-01"), [2, 1, 1]),
                (day("2025-07-01"), [3, 0, 2]),
            ],
            effective: vec![],
            moved: vec![],
            years: vec![],
            recent: vec![],
            corrections: vec![],
            store: StoreHead {
                decisions: 0,
                chain_sha256: String::new(),
            },
            first_import: None,
            fields: vec![],
            pending: vec![],
            pending_total: 0,
            known_at: None,
        };
        let svg = chart(&report);
        assert_eq!(svg.matches("<path").count(), 3);
        for level in ["province", "district", "commune"] {
            assert!(svg.contains(&format!("data-level=\"{level}\"")), "{svg}");
        }
        // Province: 0 until 2020-02-01, then 2, then 3 on 2025-07-01; the
        // grid's top is 4 (room above 3) at y = 16, 0 is at y = 360.
        let province = svg
            .lines()
            .find(|l| l.contains("data-level=\"province\""))
            .unwrap();
        let d = province.split(" d=\"").nth(1).unwrap();
        let d = d.split('"').next().unwrap();
        assert_eq!(d, "M64.0,360.0H76.3V188.0H863.2V102.0H936.0");
        assert_eq!(chart(&report), svg, "the chart is deterministic");
    }
}
