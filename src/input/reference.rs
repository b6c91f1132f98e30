//! The national procedure list, as the national public-service portal
//! exports it (one row per procedure: code, name, levels, field, agency and
//! the ministry's decision), read from the same sources as decision files:
//! CSV in any accepted encoding and delimiter, or a sheet of a workbook, with
//! English or Vietnamese headers below any title rows.

use std::collections::HashMap;
use std::io::Read;

use csv::ByteRecord;

use super::columns::Column;
use super::reader::{Opening, find_header, is_blank, open_source, record_text};
use super::records::{HeaderShape, Records, Step};
use super::{Defaults, HeaderCell, Layout, Problem};
use crate::domain::reconcile::{ReferenceProcedure, compare_key};
use crate::domain::text::{clean, fold};
use crate::domain::values::{CodeInName, LevelCell};
use crate::domain::{Code, LevelSet};

/// A national list, read whole.
#[derive(Debug, Clone)]
pub struct ReferenceList {
    /// One per code, in the order of the file.
    pub procedures: Vec<ReferenceProcedure>,
    /// SHA-256 (lower-case hex) of the file's bytes.
    pub sha256: String,
    pub layout: Layout,
    /// Header cells that name no column read (such as `STT`).
    pub ignored: Vec<String>,
    /// Rows with text only outside the columns read (section headings), skipped.
    pub headings: Vec<(u64, String)>,
}

/// A list with this many problems is not read further.
const STOP_AFTER_PROBLEMS: usize = 10_000;

/// The columns of a national list, in the order of [`Column::TABLE`]
/// positions they are kept at.
const READ: [Column; 6] = [
    Column::Code,
    Column::Name,
    Column::Level,
    Column::Field,
    Column::Agency,
    Column::Decision,
];

/// Header names of the ministry's decision that published a procedure,
/// besides those of the decision column ("Số quyết định", `decision`).
const DECISION_HEADERS: [&str; 4] = [
    "ministry_decision",
    "Quyết định công bố",
    "Quyết định công bố TTHC",
    "Số quyết định công bố",
];

/// The column a header cell of a national list names, if it is read.
fn list_column(header: &str) -> Option<Column> {
    let letters = |s: &str| -> String { fold(s).chars().filter(|c| c.is_alphanumeric()).collect() };
    let key = letters(header);
    if DECISION_HEADERS.iter().any(|h| letters(h) == key) {
        return Some(Column::Decision);
    }
    Column::from_header(header).filter(|c| READ.contains(c))
}

/// Reads a national list: every procedure, or every problem found (a bad
/// code, an unknown level, a code given two names) with its line. `file`
/// names the file in messages; `defaults` gives the sheet and encoding.
pub fn read_reference<R: Read>(
    file: &str,
    input: R,
    defaults: &Defaults,
) -> Result<ReferenceList, Vec<Problem>> {
    let mut layout = Layout::default();
    let mut source = match open_source(input, defaults, &mut layout) {
        Ok(Opening::Records(source)) => source,
        Ok(Opening::Word(..)) => {
            return Err(vec![Problem::new(file, 0, crate::tr!("input-list-word"))]);
        }
        Err((line, message)) => return Err(vec![Problem::new(file, line, message)]),
    };
    let context = source.records().context();
    let problem =
        |line: u64, message: &str| Problem::new(file, line, format!("{context}{message}"));
    let header = find_header(source.records_mut(), &mut layout)
        .map_err(|(line, message)| vec![problem(line, &message)])?;
    let line = header.line;
    let (columns, ignored, mut problems) =
        map_columns(&header.record, &mut layout, &|m| problem(line, m));
    if !header.found {
        problems.push(problem(line, &crate::tr!("input-list-no-header")));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut kinds = vec![None; header.record.len()];
    for &(i, col) in &columns {
        kinds[i] = Some(col);
    }
    source.records_mut().set_header(line, kinds);
    let labels = super::reader::labels(&layout);
    let mut list = Rows {
        file,
        context: &context,
        labels: &labels,
        columns: &columns,
        width: header.record.len(),
        procedures: Vec::new(),
        by_code: HashMap::new(),
        problems: Vec::new(),
        headings: Vec::new(),
    };
    if list.read_all(source.records_mut()) == 0 && list.problems.is_empty() {
        list.problems
            .push(problem(line, &crate::tr!("input-list-no-rows")));
    }
    if !list.problems.is_empty() {
        return Err(list.problems);
    }
    Ok(ReferenceList {
        procedures: list.procedures,
        sha256: source.records().sha256(),
        layout,
        ignored,
        headings: list.headings,
    })
}

/// The columns the header names (with their positions), the header cells
/// that name none, and the problems of the header (`problem` makes one on
/// its line): a column named twice, a required one missing.
fn map_columns(
    header: &ByteRecord,
    layout: &mut Layout,
    problem: &dyn Fn(&str) -> Problem,
) -> (Vec<(usize, Column)>, Vec<String>, Vec<Problem>) {
    let mut columns: Vec<(usize, Column)> = Vec::new();
    let mut ignored = Vec::new();
    let mut problems = Vec::new();
    for (i, raw) in header.iter().enumerate() {
        let text = clean(&String::from_utf8_lossy(raw));
        if text.is_empty() {
            continue;
        }
        let column = list_column(&text);
        layout.header.push(HeaderCell {
            position: i,
            text: text.clone(),
            column,
        });
        match column {
            Some(col) if columns.iter().any(|(_, c)| *c == col) => {
                problems.push(problem(&crate::tr!(
                    "input-header-twice",
                    header = format!("{text:?}"),
                    column = col.as_str()
                )));
            }
            Some(col) => columns.push((i, col)),
            None => ignored.push(text),
        }
    }
    for (col, vietnamese) in [
        (Column::Code, "Mã thủ tục"),
        (Column::Name, "Tên thủ tục"),
        (Column::Level, "Cấp thực hiện"),
    ] {
        if !columns.iter().any(|(_, c)| *c == col) {
            problems.push(problem(&crate::tr!(
                "input-list-missing-column",
                column = col.as_str(),
                vietnamese = format!("{vietnamese:?}")
            )));
        }
    }
    (columns, ignored, problems)
}

/// The procedures read so far.
struct Rows<'a> {
    file: &'a str,
    context: &'a str,
    labels: &'a super::Labels,
    columns: &'a [(usize, Column)],
    /// How many cells the header row has.
    width: usize,
    procedures: Vec<ReferenceProcedure>,
    /// Where each code is in `procedures`.
    by_code: HashMap<Code, usize>,
    problems: Vec<Problem>,
    headings: Vec<(u64, String)>,
}

impl Rows<'_> {
    /// Reads every record after the header; returns how many rows held a
    /// procedure (not blank, not a heading).
    fn read_all(&mut self, records: &mut dyn Records) -> u64 {
        let mut record = ByteRecord::new();
        let mut rows = 0_u64;
        loop {
            if self.problems.len() >= STOP_AFTER_PROBLEMS {
                self.problems.push(Problem::new(
                    self.file,
                    0,
                    crate::tr!("input-stopped-reading", count = STOP_AFTER_PROBLEMS),
                ));
                break;
            }
            let line = match records.next_record(&mut record) {
                Step::End => break,
                Step::Record(line) => line,
                Step::Failed {
                    line,
                    message,
                    fatal,
                } => {
                    self.problems.push(Problem::new(
                        self.file,
                        line,
                        format!("{}{message}", self.context),
                    ));
                    if fatal {
                        break;
                    }
                    continue;
                }
            };
            if is_blank(&record) {
                continue;
            }
            if self.columns.iter().all(|&(i, _)| {
                record
                    .get(i)
                    .is_none_or(|c| c.iter().all(u8::is_ascii_whitespace))
            }) {
                self.headings.push((line, record_text(&record)));
                continue;
            }
            rows += 1;
            let shape = HeaderShape {
                width: self.width,
                columns: self.columns,
                labels: self.labels,
            };
            let found = records.record_problems(&record, line, &shape);
            if found.is_empty() {
                self.row(&record, line);
            } else {
                for message in found {
                    self.problems.push(Problem::new(
                        self.file,
                        line,
                        format!("{}{message}", self.context),
                    ));
                }
            }
        }
        rows
    }

    fn problem(&mut self, line: u64, column: Column, message: &str) {
        self.problems.push(Problem::new(
            self.file,
            line,
            format!(
                "{}{}",
                self.context,
                crate::tr!(
                    "input-column-value",
                    column = self.labels.of(column),
                    message = message
                )
            ),
        ));
    }

    /// Reads one row; a code the list gave before is merged with it (the
    /// levels of both), unless the names differ.
    fn row(&mut self, record: &ByteRecord, line: u64) {
        let mut cells: [String; READ.len()] = Default::default();
        for &(i, col) in self.columns {
            let Some(slot) = READ.iter().position(|c| *c == col) else {
                continue;
            };
            let Ok(text) = std::str::from_utf8(record.get(i).unwrap_or_default()) else {
                self.problem(line, col, &crate::tr!("input-invalid-utf8"));
                return;
            };
            cells[slot] = clean(text);
        }
        let [code, mut name, levels, field, agency, decision] = cells;
        let code = if code.is_empty() {
            match Code::from_name(&name) {
                CodeInName::Found { code, name: rest } => {
                    name = rest;
                    Ok(code)
                }
                _ => Err(crate::tr!("input-is-empty")),
            }
        } else {
            Code::parse(&code)
        };
        let code = match code {
            Ok(code) => Some(code),
            Err(message) => {
                self.problem(line, Column::Code, &message);
                None
            }
        };
        if name.is_empty() {
            self.problem(line, Column::Name, &crate::tr!("input-is-empty"));
        }
        let cell = match LevelCell::parse(&levels) {
            Ok(cell) => Some(cell),
            Err(message) => {
                self.problem(line, Column::Level, &message);
                None
            }
        };
        let (Some(code), Some(cell)) = (code, cell) else {
            return;
        };
        if name.is_empty() {
            return;
        }
        if let Some(&at) = self.by_code.get(&code) {
            let first = &mut self.procedures[at];
            if compare_key(&first.name) != compare_key(&name) {
                let message = crate::tr!(
                    "input-list-code-twice",
                    code = code.to_string(),
                    line = first.line,
                    first = format!("{:?}", first.name),
                    name = format!("{name:?}")
                );
                self.problem(line, Column::Code, &message);
                return;
            }
            first.levels = union(first.levels, cell.levels);
            if !levels.is_empty() && !first.levels_text.contains(&levels) {
                first.levels_text = format!("{}, {levels}", first.levels_text);
            }
            return;
        }
        self.by_code.insert(code, self.procedures.len());
        self.procedures.push(ReferenceProcedure {
            code,
            name,
            levels: cell.levels,
            levels_text: levels,
            field,
            agency,
            decision,
            line,
        });
    }
}

fn union(a: LevelSet, b: LevelSet) -> LevelSet {
    let mut out = a;
    for level in b.iter() {
        out.insert(level);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Level;

    fn read(text: &str) -> Result<ReferenceList, Vec<Problem>> {
        read_reference("list.csv", text.as_bytes(), &Defaults::default())
    }

    fn messages(problems: &[Problem]) -> Vec<String> {
        problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn the_portal_export_with_english_headers() {
        let list = read(
            "code,name,levels,field,agency,ministry_decision,kind,ministry\n\
             2.000913,\"Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch\",Cấp xã,Chứng thực,Không có thông tin,858/QĐ-BTP,TTHC,bo-tu-phap\n\
             1.000010,Đánh giá năng lực,\"Cấp bộ, Cấp tỉnh\",Đăng kiểm,Chi cục,877/QĐ-BGTVT,TTHC,bo-xay-dung\n",
        )
        .unwrap();
        assert_eq!(list.procedures.len(), 2);
        let p = &list.procedures[0];
        assert_eq!(p.code.to_string(), "2.000913");
        assert_eq!(p.levels, LevelSet::single(Level::Commune));
        assert_eq!(p.decision, "858/QĐ-BTP");
        assert_eq!(p.line, 2);
        let q = &list.procedures[1];
        assert_eq!(q.levels, LevelSet::single(Level::Province));
        assert_eq!(q.levels_text, "Cấp bộ, Cấp tỉnh");
        assert_eq!(list.ignored, ["kind", "ministry"]);
        assert_eq!(list.sha256.len(), 64);
    }

    #[test]
    fn vietnamese_headers_below_a_title_and_long_codes() {
        let list = read(
            "DANH SÁCH THỦ TỤC HÀNH CHÍNH;;;;;\n\
             STT;Mã thủ tục;Tên thủ tục;Cấp thực hiện;Lĩnh vực;Cơ quan thực hiện;Quyết định công bố\n\
             1;1.001612.000.00.00.H12;Đăng ký khai sinh;Cấp Tỉnh, Cấp Xã;Hộ tịch;UBND cấp xã;1/QĐ-BTP\n",
        )
        .unwrap();
        let p = &list.procedures[0];
        assert_eq!(p.code.to_string(), "1.001612");
        assert_eq!(p.levels.to_words(), "province,commune");
        assert_eq!(p.agency, "UBND cấp xã");
        assert_eq!(p.decision, "1/QĐ-BTP");
        assert_eq!(p.line, 3);
        assert_eq!(list.layout.header_line, 2);
    }

    #[test]
    fn every_problem_is_listed_with_its_line() {
        let problems = read(
            "code,name,levels\n\
             1.01443,A,Cấp tỉnh\n\
             1.000001,B,Cấp hội\n\
             1.000002,C,Cấp tỉnh\n\
             1.000002,D,Cấp xã\n\
             1.000003,,Cấp xã\n",
        )
        .unwrap_err();
        let messages = messages(&problems);
        assert_eq!(messages.len(), 4, "{messages:?}");
        assert!(messages[0].starts_with("list.csv:2: column code: bad code \"1.01443\""));
        assert!(messages[1].starts_with("list.csv:3: column levels: unknown level"));
        assert_eq!(
            messages[2],
            "list.csv:5: column code: code 1.000002 is given on line 4 to \"C\" and here to \"D\": a code names one procedure"
        );
        assert_eq!(messages[3], "list.csv:6: column name: is empty");
    }

    #[test]
    fn rows_of_one_code_per_level_merge() {
        let list = read("code,name,levels\n1.000002,C,Cấp tỉnh\n1.000002,C.,Cấp xã\n").unwrap();
        assert_eq!(list.procedures.len(), 1);
        assert_eq!(list.procedures[0].levels.to_words(), "province,commune");
        assert_eq!(list.procedures[0].levels_text, "Cấp tỉnh, Cấp xã");
    }

    #[test]
    fn a_file_without_the_columns_is_refused() {
        let problems = read("code,name,field\n1.000001,A,B\n").unwrap_err();
        assert_eq!(
            messages(&problems),
            ["list.csv:1: a national list needs the column level (Vietnamese: \"Cấp thực hiện\")"]
        );
        let problems = read("a,b\n1,2\n").unwrap_err();
        assert!(
            messages(&problems)
                .iter()
                .any(|m| m.contains("no header row"))
        );
    }
}
