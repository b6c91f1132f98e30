//! Cell values of a decision file: levels, actions, procedure codes and dates.
//! Each parser returns a message that names what was expected, for the clerk who typed it.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

use super::text::{fold, strip_diacritics};

/// The level at which a procedure is carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Province = 0,
    District = 1,
    Commune = 2,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Province, Level::District, Level::Commune];

    /// The English word used in files and output: `province`, `district`, `commune`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::District => "district",
            Level::Commune => "commune",
        }
    }

    /// The level as messages name it, in the run's language: "province",
    /// "cấp tỉnh".
    pub fn word(self) -> String {
        match self {
            Level::Province => crate::tr!("domain-level-province"),
            Level::District => crate::tr!("domain-level-district"),
            Level::Commune => crate::tr!("domain-level-commune"),
        }
    }

    /// The Vietnamese name: "Cấp tỉnh", "Cấp huyện", "Cấp xã".
    pub fn label_vi(self) -> &'static str {
        match self {
            Level::Province => "Cấp tỉnh",
            Level::District => "Cấp huyện",
            Level::Commune => "Cấp xã",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_index(i: i64) -> Option<Level> {
        match i {
            0 => Some(Level::Province),
            1 => Some(Level::District),
            2 => Some(Level::Commune),
            _ => None,
        }
    }

    /// Parses one level name, English or Vietnamese, with or without "cấp".
    pub fn parse(raw: &str) -> Result<Level, String> {
        let trimmed = raw.trim();
        if let Some(level) = Level::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(trimmed))
        {
            return Ok(level);
        }
        let folded = fold(raw);
        let word = folded.strip_prefix("cấp ").unwrap_or(&folded);
        match word {
            "province" | "tỉnh" => Ok(Level::Province),
            "district" | "huyện" => Ok(Level::District),
            "commune" | "xã" => Ok(Level::Commune),
            _ => Err(crate::tr!(
                "domain-unknown-level",
                raw = format!("{raw:?}"),
                hint = did_you_mean(raw, &LEVEL_WORDS)
            )),
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of levels named in one cell ("Cấp tỉnh, Cấp xã").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LevelSet(u8);

impl LevelSet {
    pub fn single(level: Level) -> Self {
        LevelSet(1 << level.index())
    }

    pub fn insert(&mut self, level: Level) {
        self.0 |= 1 << level.index();
    }

    pub fn contains(self, level: Level) -> bool {
        self.0 & (1 << level.index()) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The levels in order: province, district, commune.
    pub fn iter(self) -> impl Iterator<Item = Level> {
        Level::ALL.into_iter().filter(move |l| self.contains(*l))
    }

    /// Parses a cell naming one or more levels separated by `,` or `;` (also
    /// `/`, line breaks and "và"), or the shared-section wording of annexes:
    /// "Dùng chung (cấp tỉnh, cấp xã)", "áp dụng chung". Levels outside a
    /// province's catalog ("Cấp bộ") are errors here; [`LevelCell`] keeps them apart.
    pub fn parse(raw: &str) -> Result<LevelSet, String> {
        let cell = LevelCell::parse(raw)?;
        match cell.outside.first() {
            None => Ok(cell.levels),
            Some(other) => Err(crate::tr!(
                "domain-level-outside",
                level = format!("{other:?}"),
                raw = format!("{raw:?}")
            )),
        }
    }

    /// The levels in both sets.
    pub fn intersection(self, other: LevelSet) -> LevelSet {
        LevelSet(self.0 & other.0)
    }

    /// The levels as English words joined by `,`: `province,commune`.
    pub fn to_words(self) -> String {
        self.iter().map(Level::as_str).collect::<Vec<_>>().join(",")
    }

    /// The levels in the run's language: "province,commune" as
    /// [`to_words`](Self::to_words) in English, "cấp tỉnh, cấp xã".
    pub fn words(self) -> String {
        let sep = match crate::i18n::current() {
            crate::i18n::Lang::Vi => ", ",
            crate::i18n::Lang::En => ",",
        };
        self.iter().map(Level::word).collect::<Vec<_>>().join(sep)
    }
}

/// The two levels of local government since 2025-07-01, when districts were
/// abolished: what the bare shared wording "áp dụng chung" names.
pub const SHARED_LEVELS: LevelSet =
    LevelSet(1 << Level::Province as u8 | 1 << Level::Commune as u8);

/// What a level cell names: the catalog levels, the levels outside a
/// province's catalog (ministry and other agencies, as national lists name
/// them), and whether it was the bare shared wording.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LevelCell {
    pub levels: LevelSet,
    /// Levels named that a province's catalog does not hold ("cấp bộ",
    /// "cơ quan khác"), lower case.
    pub outside: Vec<String>,
    /// The cell was shared wording without a list ("áp dụng chung"): it
    /// names [`SHARED_LEVELS`], which holds only for rows effective from
    /// 2025-07-01 on.
    pub shared: bool,
}

impl LevelCell {
    /// Parses a level cell. Names that are neither a catalog level nor a
    /// known outside level are errors.
    pub fn parse(raw: &str) -> Result<LevelCell, String> {
        // The usual cells ("province", "Cấp tỉnh, Cấp xã") take no allocation.
        let mut set = LevelSet::default();
        if raw
            .split([',', ';'])
            .filter(|p| !p.trim().is_empty())
            .all(|p| Level::parse(p).map(|l| set.insert(l)).is_ok())
            && !set.is_empty()
        {
            return Ok(LevelCell {
                levels: set,
                ..LevelCell::default()
            });
        }
        let text = fold(&raw.replace(['\n', '\r'], ","));
        let (shared, list) = strip_shared(&text);
        let mut cell = LevelCell::default();
        for part in list.split([',', ';', '/']).flat_map(|p| p.split(" và ")) {
            let part = part.trim_matches(|c: char| c.is_whitespace() || "():-.".contains(c));
            if part.is_empty() {
                continue;
            }
            match Level::parse(part) {
                Ok(level) => cell.levels.insert(level),
                Err(_) if is_outside_level(part) => cell.outside.push(part.to_owned()),
                Err(_) => {
                    return Err(crate::tr!(
                        "domain-unknown-level-in",
                        part = format!("{part:?}"),
                        raw = format!("{raw:?}"),
                        hint = did_you_mean(part, &LEVEL_WORDS)
                    ));
                }
            }
        }
        if shared && cell.levels.is_empty() && cell.outside.is_empty() {
            cell.levels = SHARED_LEVELS;
            cell.shared = true;
        }
        if cell.levels.is_empty() && cell.outside.is_empty() {
            return Err(crate::tr!("domain-empty-level"));
        }
        Ok(cell)
    }
}

/// Splits the shared-section wording off a folded level cell: "dùng chung
/// (cấp tỉnh, cấp xã)" -> (true, "(cấp tỉnh, cấp xã)").
fn strip_shared(folded: &str) -> (bool, &str) {
    for prefix in ["áp dụng chung", "sử dụng chung", "dùng chung"] {
        if let Some(rest) = folded.strip_prefix(prefix) {
            let rest = rest.trim_start_matches([' ', ':', '-']);
            let rest = ["cho ", "ở ", "tại "]
                .iter()
                .find_map(|w| rest.strip_prefix(w))
                .unwrap_or(rest);
            return (true, rest);
        }
    }
    (false, folded)
}

/// Levels that national lists name but a province's catalog does not hold.
fn is_outside_level(folded: &str) -> bool {
    let word = folded.strip_prefix("cấp ").unwrap_or(folded);
    matches!(
        word,
        "bộ" | "trung ương"
            | "cơ quan khác"
            | "cơ quan trung ương"
            | "ministry"
            | "central"
            | "other"
    )
}

/// What a decision does to an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Action {
    Added = 0,
    Amended = 1,
    Replaced = 2,
    Repealed = 3,
}

impl Action {
    pub const ALL: [Action; 4] = [
        Action::Added,
        Action::Amended,
        Action::Replaced,
        Action::Repealed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Added => "added",
            Action::Amended => "amended",
            Action::Replaced => "replaced",
            Action::Repealed => "repealed",
        }
    }

    /// The action as messages name it, in the run's language: "added",
    /// "ban hành mới".
    pub fn word(self) -> String {
        match self {
            Action::Added => crate::tr!("domain-action-added"),
            Action::Amended => crate::tr!("domain-action-amended"),
            Action::Replaced => crate::tr!("domain-action-replaced"),
            Action::Repealed => crate::tr!("domain-action-repealed"),
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_index(i: i64) -> Option<Action> {
        Action::ALL.into_iter().find(|a| *a as i64 == i)
    }

    /// Parses the English word or the Vietnamese wording of real annexes.
    pub fn parse(raw: &str) -> Result<Action, String> {
        let trimmed = raw.trim();
        if let Some(action) = Action::ALL
            .into_iter()
            .find(|a| a.as_str().eq_ignore_ascii_case(trimmed))
        {
            return Ok(action);
        }
        // Compare letters only, so "Sửa đổi, bổ sung" and "Sửa đổi/bổ sung" agree.
        let letters: String = fold(raw).chars().filter(|c| c.is_alphanumeric()).collect();
        match letters.as_str() {
            "added" | "add" | "mớibanhành" | "banhànhmới" => Ok(Action::Added),
            "amended" | "amend" | "sửađổibổsung" => Ok(Action::Amended),
            "replaced" | "replace" | "thaythế" => Ok(Action::Replaced),
            "repealed" | "repeal" | "bãibỏ" | "hủybỏ" | "huỷbỏ" => Ok(Action::Repealed),
            _ => Err(crate::tr!(
                "domain-unknown-action",
                raw = format!("{raw:?}"),
                hint = did_you_mean(raw, &ACTION_WORDS)
            )),
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A procedure code `d.dddddd`, kept as the number `d * 1_000_000 + dddddd`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Code(u32);

impl Code {
    /// Parses `1.001612`, the national long form `1.001612.000.00.00.H12` or
    /// the short form with the province suffix `1.001612.H12`;
    /// white space inside the code (a PDF copy: `2.000908.00 0.00.00.H61`) is ignored.
    pub fn parse(raw: &str) -> Result<Code, String> {
        let s = raw.trim();
        // "1,004444": a spreadsheet set to Vietnamese writes a decimal comma.
        let point;
        let s = if s.as_bytes().get(1) == Some(&b',') {
            point = s.replacen(',', ".", 1);
            point.as_str()
        } else {
            s
        };
        if let Some(code) = Code::exact(s) {
            if code.is_provisional() {
                return Err(crate::tr!(
                    "domain-provisional-code",
                    raw = format!("{raw:?}")
                ));
            }
            return Ok(code);
        }
        if s.contains(char::is_whitespace) {
            let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            if let Some(code) = Code::exact(&compact) {
                return Ok(code);
            }
        }
        // "1.00161": a number cell in Excel drops the trailing zeros of 1.001610.
        let b = s.as_bytes();
        let hint = if b.len() > 2
            && b.len() < 8
            && b[0].is_ascii_digit()
            && b[1] == b'.'
            && b[2..].iter().all(u8::is_ascii_digit)
        {
            crate::tr!("domain-bad-code-excel")
        } else {
            String::new()
        };
        Err(crate::tr!(
            "domain-bad-code",
            raw = format!("{raw:?}"),
            hint = hint
        ))
    }

    /// `d.dddddd` with an optional long-form tail, nothing else.
    fn exact(s: &str) -> Option<Code> {
        let b = s.as_bytes();
        if b.len() < 8 || !b[0].is_ascii_digit() || b[1] != b'.' {
            return None;
        }
        if !b[2..8].iter().all(u8::is_ascii_digit) {
            return None;
        }
        if b.len() > 8 && !is_long_tail(&s[8..]) && !is_province_tail(&s[8..]) {
            return None;
        }
        let mut n = u32::from(b[0] - b'0');
        for d in &b[2..8] {
            n = n * 10 + u32::from(d - b'0');
        }
        Some(Code(n))
    }

    /// Finds a code written in a name cell: "... (Mã TTHC: 2.002913)" anywhere,
    /// or a bare "(1.005411)" at the end. The name comes back without it.
    pub fn from_name(name: &str) -> CodeInName {
        let mut found: Vec<(Code, usize, usize)> = Vec::new();
        let mut from = 0;
        while let Some(open) = name[from..].find('(').map(|i| i + from) {
            let Some(close) = name[open..].find(')').map(|i| i + open) else {
                break;
            };
            let inner = name[open + 1..close].trim();
            let (labelled, rest) = match strip_code_label(inner) {
                Some(rest) => (true, rest),
                None => (false, inner),
            };
            let at_end = name[close + 1..]
                .chars()
                .all(|c| c.is_whitespace() || c == '.');
            if (labelled || at_end)
                && let Ok(code) = Code::parse(rest)
            {
                found.push((code, open, close + 1));
            }
            from = close + 1;
        }
        let mut codes: Vec<Code> = found.iter().map(|f| f.0).collect();
        codes.sort_unstable();
        codes.dedup();
        match (found.first(), codes.len()) {
            (None, _) => CodeInName::None,
            (Some(&(code, _, _)), 1) => {
                let mut rest = String::with_capacity(name.len());
                let mut at = 0;
                for &(_, start, end) in &found {
                    rest.push_str(&name[at..start]);
                    rest.push(' ');
                    at = end;
                }
                rest.push_str(&name[at..]);
                let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
                let rest = rest
                    .trim_end_matches(|c: char| c.is_whitespace() || "-–:,;.".contains(c))
                    .to_owned();
                CodeInName::Found { code, name: rest }
            }
            _ => CodeInName::Several(codes),
        }
    }

    pub fn as_u32(self) -> u32 {
        self.0
    }

    /// The code tthc gives the `n`th name (from 1) of the entries published
    /// without a code: `9.8nnnnn`, a range no national code uses. It is
    /// stored like a code and never shown (see [`fmt::Display`]).
    pub fn provisional(n: u32) -> Option<Code> {
        (1..PROVISIONAL_TO - PROVISIONAL_FROM)
            .contains(&n)
            .then_some(Code(PROVISIONAL_FROM + n))
    }

    /// The code of a row that gave none, until the import settles it: no
    /// row can carry it (it is below the provisional codes) and no entry has it.
    pub fn stand_in() -> Code {
        Code(PROVISIONAL_FROM)
    }

    /// The first provisional code and the first code past them: a code `c`
    /// is provisional when `first <= c < past`, also as stored text.
    pub fn provisional_bounds() -> [Code; 2] {
        [Code(PROVISIONAL_FROM + 1), Code(PROVISIONAL_TO)]
    }

    /// Whether this is the provisional code of an entry published without one.
    pub fn is_provisional(self) -> bool {
        self.0 > PROVISIONAL_FROM && self.0 < PROVISIONAL_TO
    }

    /// Reads a code as the store keeps it (`d.dddddd`, provisional codes
    /// too); `None` for anything else.
    pub fn stored(text: &str) -> Option<Code> {
        Code::exact(text).filter(|_| text.len() == 8)
    }

    /// The code as text (`1.001612`) written into a buffer, without allocating.
    pub fn as_text(self, buf: &mut [u8; 8]) -> &str {
        let mut n = self.0;
        for i in (2..8).rev() {
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
        }
        buf[1] = b'.';
        buf[0] = b'0' + (n % 10) as u8;
        std::str::from_utf8(buf).unwrap_or_default()
    }

    pub fn from_u32(n: u32) -> Option<Code> {
        (n < 10_000_000).then_some(Code(n))
    }

    /// The entry (this code, `level`) as one number, `code * 4 + level`:
    /// entries sort by it as they do by (code, level).
    pub fn entry(self, level: Level) -> u32 {
        self.0 * 4 + level as u32
    }
}

/// What [`Code::from_name`] found in a name cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeInName {
    None,
    /// One code, and the name without it.
    Found {
        code: Code,
        name: String,
    },
    /// Different codes: which one is meant is not clear.
    Several(Vec<Code>),
}

/// Strips "Mã TTHC:", "Mã số TTHC", "Mã thủ tục", "Mã số" or "Mã" (any
/// case, optional `:` or `-`) from the start of a parenthesized note.
fn strip_code_label(inner: &str) -> Option<&str> {
    const LABELS: [&str; 6] = [
        "mã số tthc",
        "mã tthc",
        "mã số thủ tục",
        "mã thủ tục",
        "mã số",
        "mã",
    ];
    LABELS.iter().find_map(|label| {
        let rest = strip_prefix_ignoring_case(inner, label)?;
        // "Mã" must be a word of its own: "Mãi" is not a label.
        if rest.starts_with(char::is_alphabetic) {
            return None;
        }
        let rest = rest.trim_start();
        Some(rest.strip_prefix([':', '-']).unwrap_or(rest).trim_start())
    })
}

/// `text` without `prefix` (lower case), comparing letters case-insensitively.
fn strip_prefix_ignoring_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let mut chars = text.char_indices();
    for want in prefix.chars() {
        let (_, c) = chars.next()?;
        if !c.to_lowercase().eq(std::iter::once(want)) {
            return None;
        }
    }
    Some(chars.next().map_or("", |(i, _)| &text[i..]))
}

/// The tail of the long form: `.ddd.dd.dd.Xdd` (X a letter).
fn is_long_tail(tail: &str) -> bool {
    let parts: Vec<&str> = tail.split('.').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    parts.len() == 5
        && parts[0].is_empty()
        && digits(parts[1], 3)
        && digits(parts[2], 2)
        && digits(parts[3], 2)
        && parts[4].len() == 3
        && parts[4].as_bytes()[0].is_ascii_alphabetic()
        && digits(&parts[4][1..], 2)
}

/// The province suffix of the short form as provinces print it:
/// `.H50` in `1.013401.H50` (`.Xdd`, X a letter).
fn is_province_tail(tail: &str) -> bool {
    let b = tail.as_bytes();
    b.len() == 4
        && b[0] == b'.'
        && b[1].is_ascii_alphabetic()
        && b[2..].iter().all(u8::is_ascii_digit)
}

impl fmt::Display for Code {
    /// `1.001612`; nothing for the provisional code of an entry published
    /// without one ([`Code::is_provisional`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_provisional() {
            return Ok(());
        }
        write!(f, "{}.{:06}", self.0 / 1_000_000, self.0 % 1_000_000)
    }
}

/// A calendar day, kept as the number of days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(i32);

const UNIX_EPOCH_FROM_CE: i32 = 719_163;

impl Day {
    /// The end of time, for validity intervals that are still open.
    pub const OPEN: i32 = i32::MAX;

    pub fn from_date(date: NaiveDate) -> Day {
        Day(date.num_days_from_ce() - UNIX_EPOCH_FROM_CE)
    }

    pub fn from_number(n: i32) -> Day {
        Day(n)
    }

    pub fn number(self) -> i32 {
        self.0
    }

    pub fn date(self) -> NaiveDate {
        NaiveDate::from_num_days_from_ce_opt(self.0.saturating_add(UNIX_EPOCH_FROM_CE))
            .unwrap_or(NaiveDate::MAX)
    }

    /// The day districts stopped being a level of local government
    /// (2025-07-01): from then on, shared wording names province and commune.
    pub fn districts_abolished() -> Day {
        // 2025-07-01 is day 20,270 after 1970-01-01.
        Day(20_270)
    }

    /// Today in the local time zone.
    pub fn today() -> Day {
        Day::from_date(chrono::Local::now().date_naive())
    }

    /// Parses `YYYY-MM-DD`, `DD/MM/YYYY`, `D/M/YYYY`, `DD-MM-YYYY` or the
    /// wording of decisions, "ngày 19 tháng 11 năm 2025" (also after a place:
    /// "Hà Nội, ngày ..."); an impossible date is an error.
    pub fn parse(raw: &str) -> Result<Day, String> {
        let s = raw.trim();
        let bad = || crate::tr!("domain-bad-date", raw = format!("{raw:?}"));
        let (y, m, d) = numeric_date(s).or_else(|| worded_date(s)).ok_or_else(bad)?;
        let year = i32::try_from(y).map_err(|_| bad())?;
        NaiveDate::from_ymd_opt(year, m, d)
            .map(Day::from_date)
            .ok_or_else(|| {
                crate::tr!(
                    "domain-impossible-date",
                    raw = format!("{raw:?}"),
                    date = format!("{year:04}-{m:02}-{d:02}")
                )
            })
    }
}

/// A number of `min..=max` ASCII digits.
fn number(p: &str, min: usize, max: usize) -> Option<u32> {
    (p.len() >= min && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit()))
        .then(|| p.parse().ok())
        .flatten()
}

/// `YYYY-MM-DD`, `D/M/YYYY` or `D-M-YYYY` as (year, month, day).
fn numeric_date(s: &str) -> Option<(u32, u32, u32)> {
    let three = |sep: char| -> Option<[&str; 3]> {
        let mut split = s.split(sep);
        let parts = [split.next()?, split.next()?, split.next()?];
        split.next().is_none().then_some(parts)
    };
    if let Some([y, m, d]) = three('-').filter(|[y, _, _]| y.len() == 4) {
        return Some((number(y, 4, 4)?, number(m, 2, 2)?, number(d, 2, 2)?));
    }
    let [d, m, y] = three('/').or_else(|| three('-'))?;
    Some((number(y, 4, 4)?, number(m, 1, 2)?, number(d, 1, 2)?))
}

/// "ngày 19 tháng 11 năm 2025" (with or without diacritics, any case, after
/// a place and a comma), or "ngày 19/11/2025", as (year, month, day).
fn worded_date(s: &str) -> Option<(u32, u32, u32)> {
    let plain = strip_diacritics(s);
    let words: Vec<&str> = plain
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let at = words.iter().rposition(|w| *w == "ngay")?;
    let date = &words[at + 1..];
    match date {
        [d, "thang", m, "nam", y] => Some((
            number(y.trim_end_matches('.'), 4, 4)?,
            number(m, 1, 2)?,
            number(d, 1, 2)?,
        )),
        [numeric] => numeric_date(numeric.trim_end_matches('.')),
        _ => None,
    }
}

impl Day {
    /// Writes `YYYY-MM-DD` into `buf`; `None` for a year outside 0-9999.
    pub fn as_text(self, buf: &mut [u8; 10]) -> Option<&str> {
        let date = self.date();
        let year = u32::try_from(date.year()).ok().filter(|y| *y <= 9999)?;
        for (i, (value, width)) in [(year, 4), (date.month(), 2), (date.day(), 2)]
            .into_iter()
            .enumerate()
        {
            let start = [0, 5, 8][i];
            let mut n = value;
            for j in (start..start + width).rev() {
                buf[j] = b'0' + (n % 10) as u8;
                n /= 10;
            }
        }
        buf[4] = b'-';
        buf[7] = b'-';
        std::str::from_utf8(buf).ok()
    }
}

/// The action words a hint may suggest.
const ACTION_WORDS: [&str; 9] = [
    "added",
    "amended",
    "replaced",
    "repealed",
    "Mới ban hành",
    "Sửa đổi, bổ sung",
    "Thay thế",
    "Bãi bỏ",
    "Hủy bỏ",
];

/// The level words a hint may suggest.
const LEVEL_WORDS: [&str; 6] = [
    "province",
    "district",
    "commune",
    "Cấp tỉnh",
    "Cấp huyện",
    "Cấp xã",
];

/// `: did you mean "X"?` when a word of `words` is close to `raw`, else nothing.
fn did_you_mean(raw: &str, words: &[&str]) -> String {
    super::names::suggest(raw, words)
        .map(|w| crate::tr!("domain-did-you-mean", word = format!("{w:?}")))
        .unwrap_or_default()
}

/// Codes above this are provisional ([`Code::provisional`]).
const PROVISIONAL_FROM: u32 = 9_800_000;
/// Codes from this on are ordinary codes again.
const PROVISIONAL_TO: u32 = 9_900_000;

/// `FromStr` by the type's own `parse`, whose message says what is wrong
/// (command-line options are read this way).
macro_rules! from_str_by_parse {
    ($($t:ty),*) => {$(
        impl FromStr for $t {
            type Err = String;

            fn from_str(raw: &str) -> Result<Self, String> {
                <$t>::parse(raw)
            }
        }
    )*};
}

from_str_by_parse!(Action, Level, LevelSet, Day);

impl FromStr for Code {
    type Err = String;

    /// A code named on the command line: any code tthc may hold, so that a
    /// code of the provisional range is looked up (and not found) like any
    /// other rather than refused.
    fn from_str(raw: &str) -> Result<Self, String> {
        Code::stored(raw.trim()).map_or_else(|| Code::parse(raw), Ok)
    }
}

impl fmt::Display for Day {
    /// `YYYY-MM-DD` (exports write one per entry: no format string to parse).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.as_text(&mut [0; 10]) {
            Some(text) => f.write_str(text),
            None => write!(f, "{}", self.date().format("%Y-%m-%d")),
        }
    }
}

/// How far a procedure can be carried out online ("Dịch vụ công trực
/// tuyến"): the whole way ("Toàn trình", formerly "mức độ 4") or in part
/// ("Một phần", formerly "mức độ 3").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Online {
    Full,
    Partial,
}

impl Online {
    /// The English word used in output: `full`, `partial`.
    pub fn as_str(self) -> &'static str {
        match self {
            Online::Full => "full",
            Online::Partial => "partial",
        }
    }

    /// The words a catalog keeps in [`Details::online`](super::Details::online).
    pub fn label_vi(self) -> &'static str {
        match self {
            Online::Full => super::ONLINE_FULL,
            Online::Partial => super::ONLINE_PARTIAL,
        }
    }

    /// Parses the wording of annexes: "Toàn trình", "Một phần", "Mức độ 4",
    /// "Mức độ 3", "DVC trực tuyến toàn trình", or the English words.
    pub fn parse(raw: &str) -> Result<Online, String> {
        let plain: String = strip_diacritics(raw)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        let ends = |w: &str| plain == w || plain.ends_with(w);
        if ends("toantrinh") || ends("mucdo4") || plain == "full" || plain == "4" {
            Ok(Online::Full)
        } else if ends("motphan") || ends("mucdo3") || plain == "partial" || plain == "3" {
            Ok(Online::Partial)
        } else {
            Err(crate::tr!(
                "domain-unknown-online",
                raw = format!("{raw:?}")
            ))
        }
    }
}

impl fmt::Display for Online {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_display_as_iso_dates() {
        for (date, text) in [
            (NaiveDate::from_ymd_opt(1970, 1, 1), "1970-01-01"),
            (NaiveDate::from_ymd_opt(2025, 7, 1), "2025-07-01"),
            (NaiveDate::from_ymd_opt(999, 12, 31), "0999-12-31"),
            (NaiveDate::from_ymd_opt(9999, 12, 31), "9999-12-31"),
        ] {
            let date = date.unwrap();
            let day = Day::from_number(
                i32::try_from((date - Day::from_number(0).date()).num_days()).unwrap(),
            );
            assert_eq!(day.to_string(), text);
            assert_eq!(day.to_string(), date.format("%Y-%m-%d").to_string());
            assert_eq!(day.as_text(&mut [0; 10]), Some(text));
        }
    }

    #[test]
    fn levels_in_english_and_vietnamese() {
        assert_eq!(Level::parse("Cấp tỉnh"), Ok(Level::Province));
        assert_eq!(Level::parse("  HUYỆN "), Ok(Level::District));
        assert_eq!(Level::parse("xã"), Ok(Level::Commune));
        assert_eq!(Level::parse("commune"), Ok(Level::Commune));
        assert!(Level::parse("Cấp bộ").unwrap_err().contains("Cấp bộ"));
    }

    #[test]
    fn several_levels_in_one_cell() {
        let set = LevelSet::parse("Cấp tỉnh, Cấp xã").unwrap();
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            [Level::Province, Level::Commune]
        );
        let set = LevelSet::parse("district;province").unwrap();
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            [Level::Province, Level::District]
        );
        assert!(LevelSet::parse(" ; ").is_err());
        assert!(LevelSet::parse("Cấp tỉnh, Cấp bộ").is_err());
    }

    #[test]
    fn actions_in_annex_wording() {
        for (raw, want) in [
            ("added", Action::Added),
            ("Mới ban hành", Action::Added),
            ("Ban hành mới", Action::Added),
            ("Sửa đổi, bổ sung", Action::Amended),
            ("Sửa đổi/bổ sung", Action::Amended),
            ("Thay thế", Action::Replaced),
            ("Bãi bỏ", Action::Repealed),
            ("Hủy bỏ", Action::Repealed),
            ("REPEALED", Action::Repealed),
        ] {
            assert_eq!(Action::parse(raw), Ok(want), "{raw}");
        }
        assert!(Action::parse("Đình chỉ").is_err());
    }

    #[test]
    fn codes_short_and_long() {
        assert_eq!(Code::parse("1.001612").unwrap().to_string(), "1.001612");
        let mut buf = [0; 8];
        assert_eq!(
            Code::parse("2.000908").unwrap().as_text(&mut buf),
            "2.000908"
        );
        assert_eq!(
            Code::parse("2.000908.000.00.00.H61").unwrap().to_string(),
            "2.000908"
        );
        for bad in [
            "1.00161",
            "1001612",
            "1.0016123",
            "a.001612",
            "1.001612.000",
            "",
            "１.001612",
        ] {
            assert!(Code::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates_in_three_forms() {
        let want = Day::parse("2020-06-15").unwrap();
        assert_eq!(Day::parse("15/06/2020"), Ok(want));
        assert_eq!(Day::parse("15/6/2020"), Ok(want));
        assert_eq!(want.to_string(), "2020-06-15");
        assert_eq!(Day::parse("1970-01-01").unwrap().number(), 0);
        assert!(Day::parse("31/02/2020").unwrap_err().contains("impossible"));
        assert!(Day::parse("2020-13-01").is_err());
        assert!(Day::parse("2020/06/15").is_err());
        assert!(Day::parse("15.06.2020").is_err());
        assert!(Day::parse("").is_err());
    }

    #[test]
    fn shared_section_wording_names_its_levels() {
        let both = [Level::Province, Level::Commune];
        for raw in [
            "Dùng chung (cấp tỉnh, cấp xã)",
            "Dùng chung cho cấp tỉnh và cấp xã",
            "DÙNG CHUNG (Cấp tỉnh; Cấp xã)",
            "Cấp tỉnh\nCấp xã",
            "Cấp tỉnh/Cấp xã",
        ] {
            let cell = LevelCell::parse(raw).unwrap();
            assert_eq!(cell.levels.iter().collect::<Vec<_>>(), both, "{raw}");
            assert!(!cell.shared, "{raw}");
        }
        for raw in ["áp dụng chung", "Áp dụng chung", "Dùng chung"] {
            let cell = LevelCell::parse(raw).unwrap();
            assert_eq!(cell.levels, SHARED_LEVELS, "{raw}");
            assert!(cell.shared, "{raw}");
        }
        assert!(LevelCell::parse("Dùng chung (cấp tỉnh, cấp làng)").is_err());
    }

    #[test]
    fn levels_outside_the_catalog_are_kept_apart() {
        let cell = LevelCell::parse("Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan khác").unwrap();
        assert_eq!(
            cell.levels.iter().collect::<Vec<_>>(),
            [Level::Province, Level::Commune]
        );
        assert_eq!(cell.outside, ["cấp bộ", "cơ quan khác"]);
        let cell = LevelCell::parse("Cấp bộ").unwrap();
        assert!(cell.levels.is_empty());
        let err = LevelSet::parse("Cấp bộ, Cấp tỉnh").unwrap_err();
        assert!(err.contains("cấp bộ") && err.contains("--levels"), "{err}");
        let err = LevelCell::parse("Cấp tnh").unwrap_err();
        assert!(err.contains("cấp tnh"), "{err}");
        assert!(LevelCell::parse("  ").is_err());
    }

    #[test]
    fn level_sets_intersect() {
        let all = LevelSet::parse("province, district, commune").unwrap();
        let kept = all.intersection(LevelSet::parse("province,commune").unwrap());
        assert_eq!(kept.to_words(), "province,commune");
    }

    #[test]
    fn codes_broken_by_white_space() {
        for raw in [
            "2.000908.00 0.00.00.H61",
            "2.000 908",
            " 2.000908\u{a0}",
            "2.000908.000.00.00.h61",
        ] {
            assert_eq!(Code::parse(raw).unwrap().to_string(), "2.000908", "{raw:?}");
        }
        assert!(Code::parse("2.000908 2.000909").is_err());
        assert!(
            Code::parse("1.00161")
                .unwrap_err()
                .contains("trailing zeros")
        );
        assert!(
            !Code::parse("1.0016123")
                .unwrap_err()
                .contains("trailing zeros")
        );
    }

    #[test]
    fn codes_written_in_the_name() {
        let found = |raw: &str| match Code::from_name(raw) {
            CodeInName::Found { code, name } => (code.to_string(), name),
            other => panic!("{raw}: {other:?}"),
        };
        assert_eq!(
            found("Đăng ký khai sinh (Mã TTHC: 2.002913)"),
            ("2.002913".into(), "Đăng ký khai sinh".into())
        );
        assert_eq!(
            found("Chấm dứt hoạt động (1.005411)"),
            ("1.005411".into(), "Chấm dứt hoạt động".into())
        );
        assert_eq!(
            found("Thủ tục A (mã thủ tục - 1.005411.000.00.00.H12) cấp tỉnh"),
            ("1.005411".into(), "Thủ tục A cấp tỉnh".into())
        );
        assert_eq!(
            found("Thủ tục B (Mã số TTHC 2.000908.00 0.00.00.H61)."),
            ("2.000908".into(), "Thủ tục B".into())
        );
        for none in [
            "Đăng ký khai sinh",
            "Thủ tục (1.005411) đã sửa đổi",
            "Thủ tục (thay thế 1.005411)",
            "Thủ tục (Mãi 1.005411) khác",
            "Thủ tục (1.00541)",
        ] {
            assert_eq!(Code::from_name(none), CodeInName::None, "{none}");
        }
        assert!(matches!(
            Code::from_name("A (Mã TTHC: 1.000001) (Mã TTHC: 1.000002)"),
            CodeInName::Several(_)
        ));
    }

    #[test]
    fn dates_in_words_and_with_dashes() {
        let want = Day::parse("2025-11-19").unwrap();
        for raw in [
            "ngày 19 tháng 11 năm 2025",
            "Ngày 19 tháng 11 năm 2025.",
            "Hà Nội, ngày 19 tháng 11 năm 2025",
            "ngay 19 thang 11 nam 2025",
            "ngày 19/11/2025",
            "19-11-2025",
            "19-11-2025",
        ] {
            assert_eq!(Day::parse(raw), Ok(want), "{raw}");
        }
        assert!(
            Day::parse("ngày 31 tháng 2 năm 2025")
                .unwrap_err()
                .contains("impossible")
        );
        assert!(Day::parse("ngày 19 tháng 11").is_err());
        assert!(Day::parse("2025-11-19-1").is_err());
        assert!(Day::parse("19-11-25").is_err());
        assert_eq!(
            Day::districts_abolished(),
            Day::parse("2025-07-01").unwrap()
        );
    }

    #[test]
    fn short_codes_with_the_province_suffix() {
        for raw in ["1.013401.H50", "1.012507. H05", " 1.014199.h05 "] {
            assert!(Code::parse(raw).is_ok(), "{raw}");
        }
        assert_eq!(
            Code::parse("1.012507. H05").unwrap().to_string(),
            "1.012507"
        );
        for bad in [
            "1.013401.H5",
            "1.013401.50",
            "1.013401.HH50",
            "1.013401.H501",
        ] {
            assert!(Code::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn online_service_wording() {
        for (raw, want) in [
            ("Toàn trình", Online::Full),
            ("TOÀN TRÌNH", Online::Full),
            ("DVC trực tuyến toàn trình", Online::Full),
            ("Mức độ 4", Online::Full),
            ("Một phần", Online::Partial),
            ("mức độ 3", Online::Partial),
            ("partial", Online::Partial),
        ] {
            assert_eq!(Online::parse(raw), Ok(want), "{raw}");
        }
        assert!(
            Online::parse("Trực tiếp")
                .unwrap_err()
                .contains("Trực tiếp")
        );
        assert!(Online::parse("").is_err());
        assert_eq!(Online::Full.to_string(), "full");
    }
}

/// The online public service a cell states, in the words a catalog keeps
/// ([`super::ONLINE_FULL`], [`super::ONLINE_PARTIAL`], [`super::NO`]); empty
/// for a blank cell.
pub fn online_words(raw: &str) -> Result<&'static str, String> {
    match fold(raw).trim_end_matches('.') {
        "" => Ok(""),
        "không" | "no" => Ok(super::NO),
        _ => Online::parse(raw).map(Online::label_vi),
    }
}

/// Whether a cell states a procedure is inter-agency ("TTHC liên thông"), in
/// the words a catalog keeps ([`super::YES`], [`super::NO`]); empty for a
/// blank cell.
pub fn inter_agency_words(raw: &str) -> Result<&'static str, String> {
    match fold(raw).trim_end_matches('.') {
        "" => Ok(""),
        "x" | "có" | "liên thông" | "yes" => Ok(super::YES),
        "không" | "no" => Ok(super::NO),
        other => Err(crate::tr!(
            "domain-not-inter-agency",
            raw = format!("{other:?}")
        )),
    }
}

#[cfg(test)]
mod detail_word_tests {
    use super::*;

    #[test]
    fn a_decimal_comma_code_is_read_as_its_code() {
        assert_eq!(Code::parse("1,004444"), Code::parse("1.004444"));
        assert_eq!(
            Code::parse(" 2,000908 ").map(|c| c.to_string()),
            Ok("2.000908".to_owned())
        );
        assert!(Code::parse("1,00444").is_err());
        assert!(Code::parse("12,0044").is_err());
    }

    #[test]
    fn online_and_inter_agency_cells_keep_one_wording() {
        assert_eq!(online_words(" "), Ok(""));
        assert_eq!(online_words("Toàn trình"), Ok("Toàn trình"));
        assert_eq!(online_words("Mức độ 3"), Ok("Một phần"));
        assert_eq!(online_words("KHÔNG"), Ok("Không"));
        assert!(online_words("trực tiếp").is_err());
        assert_eq!(inter_agency_words("x"), Ok("Có"));
        assert_eq!(inter_agency_words("Không."), Ok("Không"));
        assert_eq!(inter_agency_words(""), Ok(""));
        assert!(inter_agency_words("một cửa").is_err());
    }
}
