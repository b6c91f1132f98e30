//! Reads a decision as published: walks a [`Document`] (paragraphs and
//! tables in reading order) and gives every procedure row its decision
//! number, signing date, effective date, action, level(s) and field, each
//! with where it came from.
//!
//! Precedence for each fact: the row's own cell; the nearest heading above
//! the row that names one; the annex title; the decision's body (number,
//! signing date and effective date only); then the command-line flags,
//! which are file-wide fallbacks. A flag that contradicts what the document
//! states is a problem, unless the document leaves the value blank.
//!
//! Limits: a table is a catalog table only if one of its rows is a header
//! (two known columns, one of them the name or the code); a header has at
//! most two rows; a heading names at most one field; tables without a
//! header row (layout, totals, "quy trình nội bộ") hold no procedures.

mod body;
mod describe;
mod header;
mod references;
mod rows;

pub use describe::flags_asked;
pub use references::{MAX_REFERENCED_ROWS, body_references, row_references};
pub use rows::{
    Annexes, BodyCheck, Catalog, body_checks, decision_rows, named_entry, uncoded_entry,
};
mod words;

use std::collections::BTreeSet;

use self::body::{Effect, Stated};
use self::header::Position;
use self::words::{LevelWords, Words, spaced};
use crate::domain::position::Position as RowPosition;
use crate::domain::text::{clean, fold};
use crate::domain::values::{
    CodeInName, LevelCell, Online, SHARED_LEVELS, inter_agency_words, online_words,
};
use crate::domain::{Action, Code, Day, Details, LevelSet, NO, YES};
use crate::input::document::{Block, Document, Merge, Row, Table};
use crate::input::{Column, Problem};

/// File-wide fallbacks given on the command line (`--decision`, `--signed`,
/// `--effective`, `--action`, `--level`, `--field`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fallbacks {
    pub decision: Option<String>,
    pub signed: Option<Day>,
    pub effective: Option<Day>,
    pub action: Option<Action>,
    pub levels: Option<LevelSet>,
    pub field: Option<String>,
}

pub use crate::domain::provenance::Origin;

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sourced<T> {
    pub value: T,
    pub origin: Origin,
}

impl<T> Sourced<T> {
    fn new(value: T, origin: Origin) -> Self {
        Sourced { value, origin }
    }
}

/// One procedure row of a catalog table, with every fact resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedRow {
    pub line: u64,
    /// The document table it is in.
    pub table: u32,
    /// Its place in the annex: annex, sections and number (STT).
    pub position: RowPosition,
    pub decision: Sourced<String>,
    pub signed: Sourced<Day>,
    pub effective: Sourced<Day>,
    pub action: Sourced<Action>,
    pub levels: Sourced<LevelSet>,
    /// `None` when nothing names the field (a warning says so).
    pub field: Option<Sourced<String>>,
    /// `None` for a row without any code (new procedures published before
    /// they get one).
    pub code: Option<Code>,
    /// The name without the code, and the other descriptive cells; `field`
    /// holds the resolved field.
    pub details: Details,
    pub online: Option<Online>,
    pub inter_agency: Option<bool>,
    pub replaces: Option<Code>,
    /// The raw text of a reference to an earlier listing ("Quyết định số
    /// 2187/QĐ-UBND ngày 28/5/2025"), kept for later.
    pub reference: String,
    /// The "Ghi chú" cell.
    pub note: String,
    /// When the document states no level for a change of an entry already
    /// in force (`levels` is then empty, from [`Origin::Catalog`]): the
    /// problem to report unless the catalog has the entry at one level only.
    pub unresolved_level: Option<String>,
}

/// A header position of a catalog table and the column it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderColumn {
    /// 0-based grid position.
    pub position: usize,
    pub text: String,
    /// `None` for a column tthc does not read.
    pub column: Option<Column>,
}

/// A section heading and what it sets for the rows below it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub line: u64,
    pub text: String,
    pub actions: Vec<Action>,
    /// Levels named by level words ("cấp tỉnh").
    pub levels: Option<LevelSet>,
    /// A bare "áp dụng chung".
    pub shared: bool,
    /// The level of the competent authority it names.
    pub authority: Option<LevelSet>,
    /// The field, as the catalog spells it.
    pub field: Option<String>,
}

/// How one catalog table was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableReading {
    /// The document table (a CSV holds one table with several headers: one
    /// reading per header).
    pub number: u32,
    /// The header's line(s): two for a two-row header.
    pub header_lines: Vec<u64>,
    pub columns: Vec<HeaderColumn>,
    /// Header texts of columns tthc does not read that hold data.
    pub unmapped_with_data: Vec<String>,
    /// Headings found from this header on (and the ones just above it).
    pub headings: Vec<Heading>,
    /// Procedure rows read under this header.
    pub rows: usize,
}

/// Why a line holds no procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipKind {
    /// The decision's header block (borderless table with "Số:" and the date).
    HeaderBlock,
    /// Another borderless table (the signature block).
    Layout,
    /// A paragraph of the decision's body.
    Body,
    /// A line of the annex title ("PHỤ LỤC", "DANH MỤC …", "(Kèm theo …)").
    Title,
    /// A totals row or table ("Tổng số: 02 TTHC").
    Totals,
    /// A footnote ("[1] …").
    Footnote,
    /// A note or other paragraph ("Ghi chú: …").
    Note,
    /// A row holding only a numbering label ("I").
    Numbering,
    /// A table that is no catalog (no header row; "quy trình nội bộ").
    NonCatalogTable,
}

/// A line that holds no procedure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub line: u64,
    pub kind: SkipKind,
    pub text: String,
}

/// What [`read`] found in a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    /// The decision number the document states (or the flag gives).
    pub decision: Option<Sourced<String>>,
    pub signed: Option<Sourced<Day>>,
    pub effective: Option<Sourced<Day>>,
    pub tables: Vec<TableReading>,
    /// Rows whose every fact is known; a row missing one is a problem instead.
    pub rows: Vec<PublishedRow>,
    pub skipped: Vec<Skipped>,
    /// Everything that stops an import, all of them.
    pub problems: Vec<Problem>,
    /// What a clerk should know but does not stop an import.
    pub warnings: Vec<Problem>,
    /// The rows of earlier annexes the body's articles name by number
    /// ("bãi bỏ … có số thứ tự 2, 3, 4 Phần I … Quyết định 1037/QĐ-UBND").
    /// They are a cross-check of the annex's own rows, never applied.
    pub body_references: Vec<BodyReference>,
}

/// A row-number reference in the body of a decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyReference {
    pub line: u64,
    /// The sentence, as written.
    pub text: String,
    /// What the sentence does to the rows, when it says one thing.
    pub action: Option<Action>,
    pub reference: crate::domain::position::RowReference,
}

/// Reads a decision as published. `file` names it in problems; `flags` are
/// the file-wide fallbacks; `known_fields` are the catalog's fields, whose
/// spelling a field from a title or heading takes.
pub fn read(file: &str, doc: &Document, flags: &Fallbacks, known_fields: &[String]) -> Reading {
    let mut reader = Reader {
        sections: Vec::new(),
        file,
        flags,
        known_fields,
        zone: Zone::Annex,
        non_catalog: false,
        totals: false,
        body: BodyFacts::default(),
        titles: Vec::new(),
        scope: Scope::default(),
        current: None,
        pending_headings: Vec::new(),
        unresolved: std::collections::BTreeMap::new(),
        clashes: Default::default(),
        pending: Vec::new(),
        out: Reading::default(),
    };
    if starts_with_body(doc) {
        reader.zone = Zone::Body;
    }
    for block in &doc.blocks {
        match block {
            Block::Paragraph(p) => reader.text(p.line, &clean(&p.text), None),
            Block::Table(t) if t.borderless => reader.layout_table(t),
            Block::Table(t) => reader.table(t),
        }
    }
    reader.finish()
}

/// A document opens with the decision itself (its header block or
/// "QUYẾT ĐỊNH") rather than with the annex.
fn starts_with_body(doc: &Document) -> bool {
    match doc.blocks.first() {
        Some(Block::Table(t)) => t.borderless,
        Some(Block::Paragraph(p)) => {
            let s = spaced(&p.text);
            let w = Words::new(&s);
            w.at(0, &["quyet", "dinh"]) || w.at(0, &["uy", "ban"]) || w.at(0, &["ubnd"])
        }
        None => false,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Body,
    Annex,
}

/// Facts of the decision's body.
#[derive(Debug, Default)]
struct BodyFacts {
    number: Option<(Stated<String>, u64)>,
    signed: Option<(Stated<Day>, u64)>,
    effect: Option<(Effect, u64)>,
    after_quyet_dinh: bool,
    /// The decision's title ("VỀ VIỆC CÔNG BỐ DANH MỤC …") and the actions it names.
    title: Option<(u64, Vec<Action>)>,
}

/// A level as a title or heading gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LevelSource {
    Words(LevelWords),
    Authority(LevelSet),
}

/// Facts of an annex title.
#[derive(Debug, Default)]
struct TitleFacts {
    /// The annex's label: "PHỤ LỤC II" → "II"; empty when it has none.
    label: String,
    decision: Option<(Stated<String>, u64)>,
    signed: Option<(Stated<Day>, u64)>,
    /// Whether the "(Kèm theo Quyết định …)" line was seen: what follows is headings.
    closed: bool,
    actions: Option<(Vec<Action>, u64)>,
    level: Option<(LevelSource, u64)>,
    field: Option<(String, u64)>,
}

/// What the headings above the current row set.
#[derive(Debug, Clone, Default)]
struct Scope {
    action: Option<(Vec<Action>, u64)>,
    level: Option<(LevelSource, u64)>,
    field: Option<(String, u64)>,
}

/// The header in force (one logical table).
struct Logical {
    number: u32,
    reading: usize,
    top: Vec<(String, Merge)>,
    positions: Vec<Position>,
    /// The number column.
    stt: Option<usize>,
    /// Whether the row under the header may still be its second row.
    open: bool,
    /// The cells of the previous procedure row, for "Như trên" and vertical merges.
    above: Vec<String>,
}

/// A procedure row read, before file-wide facts are resolved.
struct Pending {
    line: u64,
    table: u32,
    stt: String,
    sections: Vec<String>,
    title: usize,
    scope: Scope,
    cells: Vec<(Column, String, String)>,
    code: Option<Code>,
    name: String,
}

struct Reader<'a> {
    file: &'a str,
    flags: &'a Fallbacks,
    known_fields: &'a [String],
    zone: Zone,
    /// Inside an appendix that is no catalog ("quy trình nội bộ").
    non_catalog: bool,
    /// After a totals row, until the next header.
    totals: bool,
    body: BodyFacts,
    titles: Vec<TitleFacts>,
    scope: Scope,
    /// The labels of the headings above the current row in this annex,
    /// outermost first, each with its kind (see [`words::label_kind`]).
    sections: Vec<(u8, String)>,
    current: Option<Logical>,
    pending_headings: Vec<Heading>,
    pending: Vec<Pending>,
    /// Rows whose level is left to the catalog, with the problem to report
    /// if the catalog cannot settle it, by line.
    unresolved: std::collections::BTreeMap<u64, String>,
    /// For each of the action, level and field flags: whether it stood for
    /// a row, and the values the document states that differ from it.
    clashes: [FlagClashes; 3],
    out: Reading,
}

/// What the document says against one flag (see [`Reader::clash`]).
#[derive(Default)]
struct FlagClashes {
    used: bool,
    problems: Vec<(u64, String)>,
}

/// Which flag a clash is about.
#[derive(Clone, Copy)]
enum Flag {
    Action = 0,
    Level = 1,
    Field = 2,
}

impl Reader<'_> {
    fn problem(&mut self, line: u64, message: impl Into<String>) {
        self.out
            .problems
            .push(Problem::new(self.file, line, message));
    }

    fn warning(&mut self, line: u64, message: impl Into<String>) {
        self.out
            .warnings
            .push(Problem::new(self.file, line, message));
    }

    fn skip(&mut self, line: u64, kind: SkipKind, text: &str) {
        self.out.skipped.push(Skipped {
            line,
            kind,
            text: text.to_owned(),
        });
    }

    /// A borderless table: the header block in the body, layout elsewhere.
    fn layout_table(&mut self, table: &Table) {
        for row in &table.rows {
            let texts = header::texts(&row.cells);
            let mut facts = false;
            if self.zone == Zone::Body {
                for text in &texts {
                    if let Some(number) = body::number_line(text)
                        && self.body.number.is_none()
                    {
                        self.body.number = Some((number, row.line));
                        facts = true;
                    } else if let Some(day) = body::dated_line(text)
                        && self.body.signed.is_none()
                    {
                        self.body.signed = Some((day, row.line));
                        facts = true;
                    }
                }
            }
            let kind = if facts
                || (self.zone == Zone::Body
                    && self.body.title.is_none()
                    && !self.body.after_quyet_dinh)
            {
                SkipKind::HeaderBlock
            } else {
                SkipKind::Layout
            };
            let text = texts
                .iter()
                .filter(|t| !t.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" | ");
            self.skip(row.line, kind, &text);
        }
    }

    /// A text line: a paragraph, or a table row holding one text.
    fn text(&mut self, line: u64, text: &str, label: Option<&str>) {
        if text.is_empty() && label.is_none() {
            return;
        }
        let s = spaced(text);
        let words = Words::new(&s);
        if self.zone == Zone::Body {
            // The annex starts at "PHỤ LỤC" or at a title in capitals
            // ("DANH MỤC"); the body also has sentences starting "Danh mục …".
            if words.at(0, &["phu", "luc"]) || (words.at(0, &["danh", "muc"]) && in_capitals(text))
            {
                self.zone = Zone::Annex;
            } else {
                self.body_line(line, text, &words);
                return;
            }
        }
        if words.at(0, &["phu", "luc"]) && label.is_none() {
            self.close_table();
            let annex = words
                .orig
                .get(2)
                .map(|w| w.trim_end_matches(['.', ':', ',']))
                .filter(|w| words::is_label(w))
                .unwrap_or_default();
            self.titles.push(TitleFacts {
                label: annex.to_owned(),
                ..TitleFacts::default()
            });
            self.scope = Scope::default();
            self.sections.clear();
            self.non_catalog = false;
            self.totals = false;
            self.skip(line, SkipKind::Title, text);
            return;
        }
        if self.non_catalog {
            self.skip(line, SkipKind::NonCatalogTable, text);
            return;
        }
        if words::is_footnote(text) {
            self.skip(line, SkipKind::Footnote, text);
            return;
        }
        if self.totals || words::is_totals(&words) {
            self.totals = true;
            self.skip(line, SkipKind::Totals, text);
            return;
        }
        let (own_label, rest) = match label {
            Some(l) => (Some(l.to_owned()), text),
            None => words::strip_label(text),
        };
        if self.current.is_none() && own_label.is_none() && self.title_open() {
            self.title_line(line, text, &words);
            return;
        }
        let rest_spaced = spaced(rest);
        let rest_words = Words::new(&rest_spaced);
        if rest.is_empty() {
            self.skip(
                line,
                SkipKind::Numbering,
                own_label.as_deref().unwrap_or(""),
            );
            return;
        }
        if own_label.is_none() && !words::looks_like_heading(&rest_words) {
            self.skip(line, SkipKind::Note, text);
            return;
        }
        if let Some(label) = &own_label {
            self.section(label);
        }
        self.heading(line, text, &rest_words);
    }

    /// A heading's label: it ends the sections of its kind and those under them.
    fn section(&mut self, label: &str) {
        let (kind, bare) = words::label_kind(label);
        if let Some(at) = self.sections.iter().position(|(k, _)| *k == kind) {
            self.sections.truncate(at);
        }
        self.sections.push((kind, bare.to_owned()));
    }

    /// Whether title lines may still come: no "(Kèm theo …)" line yet since
    /// the last "PHỤ LỤC" (or the start).
    fn title_open(&mut self) -> bool {
        if self.titles.is_empty() {
            self.titles.push(TitleFacts::default());
        }
        self.titles.last().is_some_and(|t| !t.closed)
    }

    fn body_line(&mut self, line: u64, text: &str, words: &Words<'_>) {
        if self.body.after_quyet_dinh && self.body.title.is_none() {
            self.body.title = Some((line, words::actions(words)));
        }
        if fold(text) == "quyết định" {
            self.body.after_quyet_dinh = true;
        }
        if self.body.number.is_none()
            && let Some(number) = body::number_line(text)
        {
            self.body.number = Some((number, line));
        }
        if self.body.signed.is_none()
            && self.body.title.is_none()
            && let Some(day) = body::dated_line(text)
        {
            self.body.signed = Some((day, line));
        }
        if self.body.effect.is_none()
            && let Some(effect) = body::effect(text)
        {
            self.body.effect = Some((effect, line));
        }
        if self.body.after_quyet_dinh {
            for (action, reference) in references::body_references(text) {
                self.out.body_references.push(BodyReference {
                    line,
                    text: text.to_owned(),
                    action,
                    reference,
                });
            }
        }
        self.skip(line, SkipKind::Body, text);
    }

    fn title_line(&mut self, line: u64, text: &str, words: &Words<'_>) {
        let Some(title) = self.titles.last_mut() else {
            return;
        };
        if let Some((number, signed)) = body::decision_ref(text) {
            title.decision.get_or_insert((number, line));
            title.signed.get_or_insert((signed, line));
            title.closed = true;
        } else {
            if words.has(&["quy", "trinh", "noi", "bo"])
                && !words.has(&["thu", "tuc", "hanh", "chinh", "moi"])
                && words::actions(words).is_empty()
            {
                self.non_catalog = true;
            }
            let actions = words::actions(words);
            if !actions.is_empty() && title.actions.is_none() {
                title.actions = Some((actions, line));
            }
            if title.level.is_none() {
                if let Some(level) = words::level_words(words) {
                    title.level = Some((LevelSource::Words(level), line));
                } else if let Some(set) = words::authority(words) {
                    title.level = Some((LevelSource::Authority(set), line));
                }
            }
            if title.field.is_none()
                && let Some(field) = words::field(words)
            {
                title.field = Some((words::field_spelling(&field, self.known_fields), line));
            }
        }
        self.skip(line, SkipKind::Title, text);
    }

    /// A section heading: applies what it names, or is a problem when it names nothing.
    fn heading(&mut self, line: u64, text: &str, words: &Words<'_>) {
        let actions = words::actions(words);
        let level_words = words::level_words(words);
        let authority = words::authority(words);
        let field = words::field(words).map(|f| words::field_spelling(&f, self.known_fields));
        if actions.is_empty() && level_words.is_none() && authority.is_none() && field.is_none() {
            self.problem(
                line,
                crate::tr!("input-pub-heading-unknown", text = format!("{text:?}")),
            );
            return;
        }
        // A heading that names an action opens a section: the levels and
        // fields of the previous section end; a level heading ends the field.
        if !actions.is_empty() {
            self.scope = Scope {
                action: Some((actions.clone(), line)),
                ..Scope::default()
            };
        }
        let level = level_words
            .map(LevelSource::Words)
            .or(authority.map(LevelSource::Authority));
        if let Some(level) = level {
            self.scope.level = Some((level, line));
            self.scope.field = None;
        }
        if let Some(field) = &field {
            self.scope.field = Some((field.clone(), line));
        }
        let heading = Heading {
            line,
            text: text.to_owned(),
            actions,
            levels: match level_words {
                Some(LevelWords::Set(set)) => Some(set),
                _ => None,
            },
            shared: level_words == Some(LevelWords::Shared),
            authority,
            field,
        };
        match &self.current {
            Some(current) => {
                let i = current.reading;
                self.out.tables[i].headings.push(heading);
            }
            None => self.pending_headings.push(heading),
        }
    }

    fn close_table(&mut self) {
        self.current = None;
    }

    /// A bordered table: a catalog when it has a header row.
    fn table(&mut self, table: &Table) {
        if self.zone == Zone::Body {
            self.zone = Zone::Annex;
        }
        self.close_table();
        let has_header = table
            .rows
            .iter()
            .any(|r| header::is_header(&header::texts(&r.cells)));
        if !has_header || self.non_catalog {
            let first = table.rows.first();
            let text = first
                .map(|r| header::texts(&r.cells).join(" "))
                .unwrap_or_default();
            let s = spaced(&text);
            let kind = if words::is_totals(&Words::new(&s)) {
                SkipKind::Totals
            } else {
                SkipKind::NonCatalogTable
            };
            if let Some(first) = first {
                self.skip(first.line, kind, text.trim());
            }
            return;
        }
        let mut rows = table.rows.iter().peekable();
        while let Some(row) = rows.next() {
            // The upper row of a two-row header names too few columns to be
            // a header alone ("Thủ tục hành chính" over "Tên TTHC" | "Mã TTHC").
            if let Some(next) = rows.peek()
                && header::is_upper_header_row(
                    &header::texts(&row.cells),
                    &header::texts(&next.cells),
                )
            {
                let texts = header::texts(&row.cells);
                self.start_table(table.number, row, &texts);
                if let Some(next) = rows.next() {
                    self.second_header_row(next, &header::texts(&next.cells));
                }
                continue;
            }
            self.row(table.number, row);
        }
        self.close_table();
    }

    /// The lower row of a two-row header.
    fn second_header_row(&mut self, row: &Row, texts: &[String]) {
        let Some(current) = &mut self.current else {
            return;
        };
        current.open = false;
        current.positions = header::map(&current.top, Some(texts));
        let i = current.reading;
        self.out.tables[i].header_lines.push(row.line);
        self.out.tables[i].columns = columns_of(&current.positions);
    }

    fn row(&mut self, number: u32, row: &Row) {
        let texts = header::texts(&row.cells);
        if header::is_header(&texts) {
            self.start_table(number, row, &texts);
            return;
        }
        let filled: Vec<usize> = (0..texts.len()).filter(|&i| !texts[i].is_empty()).collect();
        let Some(current) = &mut self.current else {
            // Above the first header: title and heading lines written in cells.
            let joined = filled
                .iter()
                .map(|&i| texts[i].as_str())
                .collect::<Vec<_>>()
                .join(" ");
            self.text(row.line, &joined, None);
            return;
        };
        if current.open {
            current.open = false;
            if header::is_second_header_row(&current.top, &texts, current.stt.unwrap_or(0)) {
                self.second_header_row(row, &texts);
                return;
            }
        }
        if filled.is_empty() {
            return;
        }
        let stt_at = current.stt.unwrap_or(0);
        let stt = texts.get(stt_at).cloned().unwrap_or_default();
        if self.totals && !words::is_footnote(&texts[filled[0]]) {
            self.skip(row.line, SkipKind::Totals, texts.join(" ").trim());
            return;
        }
        if words::is_row_number(&stt) && filled.len() > 1 {
            self.procedure(row, texts);
            return;
        }
        let first = &texts[filled[0]];
        match filled.as_slice() {
            [_] => self.text(row.line, first, None),
            [a, b] if *a == stt_at && words::is_label(&texts[*a]) => {
                let label = texts[*a].clone();
                self.text(row.line, &texts[*b], Some(&label));
            }
            _ => {
                let s = spaced(first);
                if words::is_totals(&Words::new(&s)) {
                    self.totals = true;
                    self.skip(row.line, SkipKind::Totals, texts.join(" ").trim());
                } else {
                    self.problem(
                        row.line,
                        crate::tr!(
                            "input-pub-row-neither",
                            number = format!("{stt:?}"),
                            text = filled
                                .iter()
                                .map(|&i| texts[i].as_str())
                                .collect::<Vec<_>>()
                                .join(" | ")
                        ),
                    );
                }
            }
        }
    }

    fn start_table(&mut self, number: u32, row: &Row, texts: &[String]) {
        let top: Vec<(String, Merge)> = texts
            .iter()
            .cloned()
            .zip(row.cells.iter().map(|c| c.merge))
            .collect();
        let positions = header::map(&top, None);
        let stt = texts.iter().position(|t| header::is_number_header(t));
        let columns = columns_of(&positions);
        self.out.tables.push(TableReading {
            number,
            header_lines: vec![row.line],
            columns,
            unmapped_with_data: Vec::new(),
            headings: std::mem::take(&mut self.pending_headings),
            rows: 0,
        });
        self.totals = false;
        // Text between tables is headings from now on, not title.
        if let Some(title) = self.titles.last_mut() {
            title.closed = true;
        }
        self.current = Some(Logical {
            number,
            reading: self.out.tables.len() - 1,
            top,
            positions,
            stt,
            open: true,
            above: Vec::new(),
        });
    }

    /// A procedure row: its cells under their columns.
    fn procedure(&mut self, row: &Row, texts: Vec<String>) {
        let Some(current) = &mut self.current else {
            return;
        };
        let mut resolved = texts;
        for (i, text) in resolved.iter_mut().enumerate() {
            let above = current.above.get(i).cloned().unwrap_or_default();
            let merge = row.cells.get(i).map_or(Merge::None, |c| c.merge);
            if merge == Merge::Above || (!text.is_empty() && words::is_ditto(text)) {
                text.clone_from(&above);
            }
        }
        current.above.clone_from(&resolved);
        let positions = current.positions.clone();
        let stt_at = current.stt;
        let reading = current.reading;
        let table = current.number;
        let mut problems: Vec<String> = Vec::new();
        let mut cells: Vec<(Column, String, String)> = Vec::new();
        for (i, text) in resolved.iter().enumerate() {
            if text.is_empty() || Some(i) == stt_at {
                continue;
            }
            match positions.get(i) {
                Some(Position {
                    column: Some(c),
                    text: header,
                }) => cells.push((*c, header.clone(), text.clone())),
                Some(Position {
                    column: None,
                    text: header,
                }) if !header.is_empty() => {
                    let unmapped = &mut self.out.tables[reading].unmapped_with_data;
                    if !unmapped.contains(header) {
                        unmapped.push(header.clone());
                    }
                }
                _ => problems.push(crate::tr!(
                    "input-pub-cell-without-header",
                    position = i + 1,
                    text = format!("{:?}", shorten(text))
                )),
            }
        }
        self.out.tables[reading].rows += 1;
        let stt = stt_at
            .and_then(|i| resolved.get(i))
            .cloned()
            .unwrap_or_default();
        let (code, name) = Self::code_and_name(&cells, &mut problems);
        for message in problems {
            self.problem(row.line, message);
        }
        let sections = self.sections.iter().map(|(_, l)| l.clone()).collect();
        self.pending.push(Pending {
            line: row.line,
            table,
            stt,
            sections,
            title: self.titles.len().saturating_sub(1),
            scope: self.scope.clone(),
            cells,
            code,
            name,
        });
    }

    /// The code of a row: its code column, else the name cell ("…;\n1.013401.H50"
    /// on its own line, or "(1.014464)"), taken out of the name.
    fn code_and_name(
        cells: &[(Column, String, String)],
        problems: &mut Vec<String>,
    ) -> (Option<Code>, String) {
        let cell = |c: Column| {
            cells
                .iter()
                .find(|(col, _, _)| *col == c)
                .map(|(_, _, t)| t.as_str())
        };
        let name = cell(Column::Name).unwrap_or("");
        let (from_name, name) = code_in_name(name);
        if let Some(raw) = cell(Column::Code) {
            return match Code::parse(raw) {
                Ok(code) => (Some(code), name),
                Err(message) => {
                    problems.push(message);
                    (None, name)
                }
            };
        }
        match from_name {
            Ok(code) => (code, name),
            Err(codes) => {
                problems.push(crate::tr!(
                    "input-pub-name-several-codes",
                    codes = codes
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
                (None, name)
            }
        }
    }

    fn finish(mut self) -> Reading {
        let decision = self.decision();
        let signed = self.signed();
        let effective = self.effective(signed.as_ref());
        self.out.decision.clone_from(&decision);
        self.out.signed.clone_from(&signed);
        self.out.effective.clone_from(&effective);
        let title_action = self.title_actions();
        if let Some(table) = self.out.tables.last_mut() {
            table.headings.append(&mut self.pending_headings);
        }
        let pending = std::mem::take(&mut self.pending);
        let mut reported: BTreeSet<(u64, &'static str)> = BTreeSet::new();
        for row in pending {
            let action = self.row_action(&row, &title_action, &mut reported);
            let levels = self.row_levels(
                &row,
                action.as_ref().map(|a| a.value),
                effective.as_ref(),
                &mut reported,
            );
            let field = self.row_field(&row, action.as_ref().map(|a| a.value), &mut reported);
            let decision_cell = self.cell_fact(&row, Column::Decision, |t| Ok(t.to_owned()));
            let signed_cell = self.cell_fact(&row, Column::Signed, Day::parse);
            let effective_cell = self.cell_fact(&row, Column::Effective, Day::parse);
            let (Some(action), Some(levels), Some(decision), Some(signed), Some(effective)) = (
                action,
                levels,
                decision_cell.or_else(|| decision.clone()),
                signed_cell.or_else(|| signed.clone()),
                effective_cell.or_else(|| effective.clone()),
            ) else {
                continue;
            };
            let text = |c: Column| {
                row.cells
                    .iter()
                    .find(|(col, _, _)| *col == c)
                    .map(|(_, _, t)| t.clone())
                    .unwrap_or_default()
            };
            let mut problems = Vec::new();
            let online = match text(Column::Online) {
                t if t.is_empty() || fold(&t) == "không" => None,
                t => Online::parse(&t).map_err(|m| problems.push(m)).ok(),
            };
            let inter_agency = inter_agency(&text(Column::InterAgency)).unwrap_or_else(|m| {
                problems.push(m);
                None
            });
            let replaces = match text(Column::Replaces) {
                t if t.is_empty() => None,
                t => Code::parse(&t).map_err(|m| problems.push(m)).ok(),
            };
            for message in problems {
                self.problem(row.line, message);
            }
            let details = Details {
                name: row.name.clone(),
                field: field.as_ref().map(|f| f.value.clone()).unwrap_or_default(),
                agency: text(Column::Agency),
                processing_time: text(Column::ProcessingTime),
                fee: text(Column::Fee),
                legal_basis: text(Column::LegalBasis),
                // Reported above when it is not a wording tthc knows.
                online: online_words(&text(Column::Online))
                    .unwrap_or_default()
                    .to_owned(),
                inter_agency: match inter_agency {
                    Some(true) => YES,
                    Some(false) => NO,
                    None => "",
                }
                .to_owned(),
            };
            self.out.rows.push(PublishedRow {
                line: row.line,
                table: row.table,
                position: self.position(&row),
                decision,
                signed,
                effective,
                action,
                levels,
                field,
                code: row.code,
                details,
                online,
                inter_agency,
                replaces,
                reference: text(Column::Reference),
                note: text(Column::Note),
                unresolved_level: self.unresolved.remove(&row.line),
            });
        }
        self.report_clashes();
        self.out.problems.sort_by_key(|p| p.line);
        self.out.warnings.sort_by_key(|p| p.line);
        self.out
    }

    /// Where a row stands in its annex.
    fn position(&self, row: &Pending) -> RowPosition {
        RowPosition {
            annex: self
                .titles
                .get(row.title)
                .map(|t| t.label.clone())
                .unwrap_or_default(),
            sections: row.sections.clone(),
            stt: row.stt.trim().trim_end_matches('.').to_owned(),
        }
    }

    /// A value the document states that differs from a flag. The flags
    /// stand for the rows about which the document says nothing: a flag
    /// that stands for no row and differs from what the document states
    /// contradicts it, and that is a problem (reported once all rows are
    /// read). A flag that fills some rows is the clerk's answer for them.
    fn clash(&mut self, flag: Flag, line: u64, message: String) {
        self.clashes[flag as usize].problems.push((line, message));
    }

    /// The clashes of the flags that stood for no row (see [`Reader::clash`]).
    fn report_clashes(&mut self) {
        for clashes in std::mem::take(&mut self.clashes) {
            if !clashes.used {
                for (line, message) in clashes.problems {
                    self.problem(line, message);
                }
            }
        }
    }

    /// A fact written in the row's own cell (a decision, signed or effective column).
    fn cell_fact<T>(
        &mut self,
        row: &Pending,
        column: Column,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Option<Sourced<T>> {
        let (_, header, text) = row.cells.iter().find(|(c, _, _)| *c == column)?;
        match parse(text) {
            Ok(value) => Some(Sourced::new(
                value,
                Origin::Cell {
                    column: header.clone(),
                },
            )),
            Err(message) => {
                self.problem(row.line, message);
                None
            }
        }
    }

    /// The decision number: the annex title, else the header block; when
    /// both state one and they differ, the header block's "Số:" is the
    /// decision's own and wins (a warning names the annex's).
    fn decision(&mut self) -> Option<Sourced<String>> {
        let title = self.titles.iter().find_map(|t| t.decision.clone());
        let body = self.body.number.clone();
        let stated = match (title, body) {
            (Some((Stated::Value(t), tl)), Some((Stated::Value(b), bl))) => {
                if crate::domain::number_key(&t) == crate::domain::number_key(&b) {
                    Some(Sourced::new(t, Origin::Title { line: tl }))
                } else {
                    self.warning(
                        tl,
                        crate::tr!("input-pub-title-number", title = &t, line = bl, body = &b),
                    );
                    Some(Sourced::new(b, Origin::Body { line: bl }))
                }
            }
            (Some((Stated::Value(t), tl)), _) => Some(Sourced::new(t, Origin::Title { line: tl })),
            (_, Some((Stated::Value(b), bl))) => Some(Sourced::new(b, Origin::Body { line: bl })),
            _ => None,
        };
        match (stated, &self.flags.decision) {
            (Some(doc), Some(flag))
                if crate::domain::number_key(flag) != crate::domain::number_key(&doc.value) =>
            {
                let line = origin_line(&doc.origin);
                self.problem(
                    line,
                    crate::tr!(
                        "input-pub-decision-flag",
                        flag = flag,
                        document = &doc.value
                    ),
                );
                Some(doc)
            }
            (Some(doc), _) => Some(doc),
            (None, Some(flag)) => Some(Sourced::new(flag.clone(), Origin::Flag)),
            (None, None) => {
                self.problem(0, crate::tr!("input-pub-no-number"));
                None
            }
        }
    }

    /// The signing date: like the number.
    fn signed(&mut self) -> Option<Sourced<Day>> {
        let title = self.titles.iter().find_map(|t| t.signed.clone());
        let body = self.body.signed.clone();
        let stated = match (title, body) {
            (Some((Stated::Value(t), tl)), Some((Stated::Value(b), bl))) => {
                if t == b {
                    Some(Sourced::new(t, Origin::Title { line: tl }))
                } else {
                    self.warning(
                        tl,
                        crate::tr!(
                            "input-pub-title-date",
                            title = t.to_string(),
                            line = bl,
                            body = b.to_string()
                        ),
                    );
                    Some(Sourced::new(b, Origin::Body { line: bl }))
                }
            }
            (Some((Stated::Value(t), tl)), _) => Some(Sourced::new(t, Origin::Title { line: tl })),
            (_, Some((Stated::Value(b), bl))) => Some(Sourced::new(b, Origin::Body { line: bl })),
            _ => None,
        };
        match (stated, self.flags.signed) {
            (Some(doc), Some(flag)) if flag != doc.value => {
                let line = origin_line(&doc.origin);
                self.problem(
                    line,
                    crate::tr!(
                        "input-pub-signed-flag",
                        flag = flag.to_string(),
                        document = doc.value.to_string()
                    ),
                );
                Some(doc)
            }
            (Some(doc), _) => Some(doc),
            (None, Some(flag)) => Some(Sourced::new(flag, Origin::Flag)),
            (None, None) => {
                self.problem(0, crate::tr!("input-pub-no-signed"));
                None
            }
        }
    }

    /// The effective date from the article "Quyết định này có hiệu lực …".
    fn effective(&mut self, signed: Option<&Sourced<Day>>) -> Option<Sourced<Day>> {
        let stated = match self.body.effect.clone() {
            Some((Effect::Signing, line)) => {
                signed.map(|s| Sourced::new(s.value, Origin::Body { line }))
            }
            Some((Effect::On(day), line)) => Some(Sourced::new(day, Origin::Body { line })),
            Some((Effect::Tied(text), line)) => {
                if self.flags.effective.is_none() {
                    self.problem(
                        line,
                        crate::tr!("input-pub-effect-tied", text = format!("{text:?}")),
                    );
                }
                None
            }
            None => None,
        };
        match (stated, self.flags.effective) {
            (Some(doc), Some(flag)) if flag != doc.value => {
                let line = origin_line(&doc.origin);
                self.problem(
                    line,
                    crate::tr!(
                        "input-pub-effective-flag",
                        flag = flag.to_string(),
                        document = doc.value.to_string()
                    ),
                );
                Some(doc)
            }
            (Some(doc), _) => Some(doc),
            (None, Some(flag)) => Some(Sourced::new(flag, Origin::Flag)),
            (None, None) => {
                if !matches!(self.body.effect, Some((Effect::Tied(_), _))) {
                    self.problem(0, crate::tr!("input-pub-no-effective"));
                }
                None
            }
        }
    }

    /// The actions of each annex title, with the decision's own title
    /// winning over a contradicting annex title (a warning says so).
    fn title_actions(&mut self) -> Vec<Option<(Vec<Action>, u64)>> {
        let decision_title = self.body.title.clone().filter(|(_, a)| !a.is_empty());
        let mut out = Vec::new();
        let mut warnings = Vec::new();
        for title in &self.titles {
            let actions = match (&title.actions, &decision_title) {
                (Some((annex, al)), Some((line, decided)))
                    if annex.iter().any(|a| !decided.contains(a)) =>
                {
                    warnings.push((
                        *al,
                        crate::tr!(
                            "input-pub-title-actions",
                            annex = action_words(annex),
                            line = *line,
                            decided = action_words(decided)
                        ),
                    ));
                    Some((decided.clone(), *line))
                }
                (Some(annex), _) => Some(annex.clone()),
                (None, Some((line, decided))) => Some((decided.clone(), *line)),
                (None, None) => None,
            };
            out.push(actions);
        }
        for (line, message) in warnings {
            self.warning(line, message);
        }
        out
    }

    fn row_action(
        &mut self,
        row: &Pending,
        titles: &[Option<(Vec<Action>, u64)>],
        reported: &mut BTreeSet<(u64, &'static str)>,
    ) -> Option<Sourced<Action>> {
        let mut stated: Option<Sourced<Action>> = None;
        if let Some((_, header, text)) = row.cells.iter().find(|(c, _, _)| *c == Column::Action) {
            match Action::parse(text) {
                Ok(a) => {
                    stated = Some(Sourced::new(
                        a,
                        Origin::Cell {
                            column: header.clone(),
                        },
                    ));
                }
                Err(m) => {
                    self.problem(row.line, m);
                    return None;
                }
            }
        } else if let Some((_, header, text)) =
            row.cells.iter().find(|(c, _, _)| *c == Column::Note)
            && let Some(a) = words::note_action(text)
        {
            stated = Some(Sourced::new(
                a,
                Origin::Cell {
                    column: header.clone(),
                },
            ));
        }
        // Several actions in the title and none in a heading: the flag may say which.
        let mut unsettled: Option<String> = None;
        let source = row
            .scope
            .action
            .clone()
            .map(|s| (s, false))
            .or_else(|| titles.get(row.title).cloned().flatten().map(|s| (s, true)));
        if stated.is_none()
            && let Some(((actions, line), is_title)) = source
        {
            match (actions.as_slice(), is_title) {
                ([one], true) => stated = Some(Sourced::new(*one, Origin::Title { line })),
                ([one], false) => stated = Some(Sourced::new(*one, Origin::Heading { line })),
                (_, true) => {
                    unsettled = Some(crate::tr!(
                        "input-pub-title-several-actions",
                        line = line,
                        actions = action_words(&actions)
                    ));
                }
                (_, false) => {
                    if reported.insert((line, "heading actions")) {
                        self.problem(
                            line,
                            crate::tr!(
                                "input-pub-heading-actions",
                                actions = action_words(&actions)
                            ),
                        );
                    }
                    return None;
                }
            }
        }
        match (stated, self.flags.action) {
            (Some(doc), Some(flag)) if doc.value != flag => {
                let line =
                    origin_line(&doc.origin).max(if matches!(doc.origin, Origin::Cell { .. }) {
                        row.line
                    } else {
                        0
                    });
                if reported.insert((line, "action flag")) {
                    self.clash(
                        Flag::Action,
                        line,
                        crate::tr!(
                            "input-pub-action-flag",
                            flag = flag.as_str(),
                            document = doc.value.word()
                        ),
                    );
                }
                Some(doc)
            }
            (Some(doc), _) => Some(doc),
            (None, Some(flag)) => {
                self.clashes[Flag::Action as usize].used = true;
                Some(Sourced::new(flag, Origin::Flag))
            }
            (None, None) => {
                let message = unsettled.unwrap_or_else(|| crate::tr!("input-pub-no-action"));
                self.problem(row.line, message);
                None
            }
        }
    }

    /// The levels the document states for a row, and whether they are the
    /// bare "áp dụng chung"; `Err` when the row's level cell is wrong (a
    /// problem says so).
    fn stated_levels(&mut self, row: &Pending) -> Result<Option<(Sourced<LevelSet>, bool)>, ()> {
        let mut stated: Option<(Sourced<LevelSet>, bool)> = None;
        if let Some((_, header, text)) = row.cells.iter().find(|(c, _, _)| *c == Column::Level) {
            match LevelCell::parse(text) {
                Ok(cell) if cell.outside.is_empty() => {
                    stated = Some((
                        Sourced::new(
                            cell.levels,
                            Origin::Cell {
                                column: header.clone(),
                            },
                        ),
                        cell.shared,
                    ));
                }
                Ok(cell) => {
                    self.problem(
                        row.line,
                        crate::tr!(
                            "input-pub-level-outside",
                            level = format!("{:?}", cell.outside.join(", "))
                        ),
                    );
                    return Err(());
                }
                Err(m) => {
                    self.problem(row.line, m);
                    return Err(());
                }
            }
        }
        if stated.is_none() {
            let title = self.titles.get(row.title).and_then(|t| t.level);
            let sources = [
                row.scope.level.map(|s| (s, false)),
                title.map(|s| (s, true)),
            ];
            if let Some(((source, line), is_title)) = sources.into_iter().flatten().next() {
                stated = Some(match source {
                    LevelSource::Words(LevelWords::Set(set)) => {
                        let origin = if is_title {
                            Origin::Title { line }
                        } else {
                            Origin::Heading { line }
                        };
                        (Sourced::new(set, origin), false)
                    }
                    LevelSource::Words(LevelWords::Shared) => {
                        let origin = if is_title {
                            Origin::Title { line }
                        } else {
                            Origin::Heading { line }
                        };
                        (Sourced::new(SHARED_LEVELS, origin), true)
                    }
                    LevelSource::Authority(set) => {
                        (Sourced::new(set, Origin::Authority { line }), false)
                    }
                });
            }
        }
        Ok(stated)
    }

    fn row_levels(
        &mut self,
        row: &Pending,
        action: Option<Action>,
        effective: Option<&Sourced<Day>>,
        reported: &mut BTreeSet<(u64, &'static str)>,
    ) -> Option<Sourced<LevelSet>> {
        let Ok(stated) = self.stated_levels(row) else {
            return None;
        };
        if let Some((doc, true)) = &stated {
            // "Áp dụng chung" names province and commune only from 2025-07-01.
            let line = origin_line(&doc.origin)
                .max(row.line * u64::from(matches!(doc.origin, Origin::Cell { .. })));
            match effective {
                Some(e) if e.value >= Day::districts_abolished() => {}
                Some(e) => {
                    if reported.insert((line, "shared")) {
                        self.problem(
                            line,
                            crate::tr!("input-pub-shared-levels", effective = e.value.to_string()),
                        );
                    }
                    return None;
                }
                None => return None,
            }
        }
        let stated = stated.map(|(s, _)| s);
        match (stated, self.flags.levels) {
            (Some(doc), Some(flag)) if doc.value != flag => {
                let line =
                    origin_line(&doc.origin).max(if matches!(doc.origin, Origin::Cell { .. }) {
                        row.line
                    } else {
                        0
                    });
                if reported.insert((line, "level flag")) {
                    self.clash(
                        Flag::Level,
                        line,
                        crate::tr!(
                            "input-pub-level-flag",
                            flag = flag.to_words(),
                            document = doc
                                .value
                                .iter()
                                .map(crate::domain::Level::word)
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    );
                }
                Some(doc)
            }
            (Some(doc), _) => Some(doc),
            (None, Some(flag)) => {
                self.clashes[Flag::Level as usize].used = true;
                Some(Sourced::new(flag, Origin::Flag))
            }
            (None, None) => {
                let agency = row
                    .cells
                    .iter()
                    .find(|(c, _, _)| *c == Column::Agency)
                    .map_or_else(
                        || crate::tr!("input-pub-not-stated"),
                        |(_, _, t)| format!("{:?}", shorten(t)),
                    );
                let message = crate::tr!("input-pub-no-level", agency = agency);
                // An entry that is already in force may be in force at one
                // level only: the catalog then says which.
                if row.code.is_some() && action.is_some_and(|a| a != Action::Added) {
                    self.unresolved.insert(row.line, message);
                    return Some(Sourced::new(LevelSet::default(), Origin::Catalog));
                }
                self.problem(row.line, message);
                None
            }
        }
    }

    fn row_field(
        &mut self,
        row: &Pending,
        action: Option<Action>,
        reported: &mut BTreeSet<(u64, &'static str)>,
    ) -> Option<Sourced<String>> {
        let stated = if let Some((_, header, text)) =
            row.cells.iter().find(|(c, _, _)| *c == Column::Field)
        {
            Some(Sourced::new(
                text.clone(),
                Origin::Cell {
                    column: header.clone(),
                },
            ))
        } else if let Some((field, line)) = &row.scope.field {
            Some(Sourced::new(field.clone(), Origin::Heading { line: *line }))
        } else {
            self.titles
                .get(row.title)
                .and_then(|t| t.field.clone())
                .map(|(f, line)| Sourced::new(f, Origin::Title { line }))
        };
        match (stated, &self.flags.field) {
            (Some(doc), Some(flag)) if fold(flag) != fold(&doc.value) => {
                let line =
                    origin_line(&doc.origin).max(if matches!(doc.origin, Origin::Cell { .. }) {
                        row.line
                    } else {
                        0
                    });
                if reported.insert((line, "field flag")) {
                    self.clash(
                        Flag::Field,
                        line,
                        crate::tr!(
                            "input-pub-field-flag",
                            flag = format!("{flag:?}"),
                            document = format!("{:?}", doc.value)
                        ),
                    );
                }
                Some(doc)
            }
            (Some(doc), _) => Some(doc),
            (None, Some(flag)) => Some(Sourced::new(
                {
                    self.clashes[Flag::Field as usize].used = true;
                    words::field_spelling(flag, self.known_fields)
                },
                Origin::Flag,
            )),
            // An amendment or repeal keeps the field it had; a new entry
            // needs one, and the import says so.
            (None, None) if !matches!(action, Some(Action::Added | Action::Replaced)) => None,
            (None, None) => {
                self.warning(row.line, crate::tr!("input-pub-no-field"));
                None
            }
        }
    }
}

/// Whether the letters of a text's first words are capitals ("DANH MỤC").
fn in_capitals(text: &str) -> bool {
    text.chars()
        .filter(|c| c.is_alphabetic())
        .take(20)
        .all(char::is_uppercase)
}

/// An inter-agency cell ("TTHC liên thông"): `None` when blank.
fn inter_agency(cell: &str) -> Result<Option<bool>, String> {
    inter_agency_words(cell).map(|words| match words {
        "" => None,
        words => Some(words == YES),
    })
}

/// The line an origin points at (0 for a cell or a flag).
fn origin_line(origin: &Origin) -> u64 {
    match origin {
        Origin::Heading { line }
        | Origin::Title { line }
        | Origin::Authority { line }
        | Origin::Body { line } => *line,
        Origin::Cell { .. } | Origin::Flag | Origin::Catalog => 0,
    }
}

fn action_words(actions: &[Action]) -> String {
    let words: Vec<String> = actions.iter().map(|a| a.word()).collect();
    match words.as_slice() {
        [rest @ .., last] if !rest.is_empty() => {
            crate::tr!("input-pub-and", items = rest.join(", "), last = last)
        }
        _ => words.concat(),
    }
}

fn columns_of(positions: &[Position]) -> Vec<HeaderColumn> {
    positions
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.text.is_empty())
        .map(|(i, p)| HeaderColumn {
            position: i,
            text: p.text.clone(),
            column: p.column,
        })
        .collect()
}

/// The first 60 characters of a cell, for messages.
fn shorten(text: &str) -> String {
    let first_line = text.lines().next().unwrap_or("");
    let mut out: String = first_line.chars().take(60).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// The code written in a name cell, and the name without it: on its own
/// first or last line ("…;\n1.013401.H50"), or in parentheses ("… (1.014464)",
/// "(Mã TTHC: 1.001612)"). `Err` holds the codes when several are named.
fn code_in_name(name: &str) -> (Result<Option<Code>, Vec<Code>>, String) {
    let lines: Vec<&str> = name
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let bare = |l: &str| {
        l.trim_matches(|c: char| c == ';' || c == '.' || c == ',' || c.is_whitespace())
            .to_owned()
    };
    if lines.len() > 1 {
        let last = bare(lines[lines.len() - 1]);
        if let Ok(code) = Code::parse(&last) {
            let rest = lines[..lines.len() - 1].join("\n");
            return (
                Ok(Some(code)),
                rest.trim_end_matches([';', ',', ' ']).to_owned(),
            );
        }
        let first = bare(lines[0]);
        if let Ok(code) = Code::parse(&first) {
            return (Ok(Some(code)), lines[1..].join("\n"));
        }
    }
    match Code::from_name(name) {
        CodeInName::None => (Ok(None), name.to_owned()),
        CodeInName::Found { code, name } => (Ok(Some(code)), name),
        CodeInName::Several(codes) => (Err(codes), name.to_owned()),
    }
}

#[cfg(test)]
mod tests;
