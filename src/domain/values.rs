//! Cell values of a decision file: levels, actions, procedure codes and dates.
//! Each parser returns a message that names what was expected, for the clerk who typed it.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use super::text::fold;

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
            _ => Err(format!(
                "unknown level {raw:?} (expected province, district, commune, \"Cấp tỉnh\", \"Cấp huyện\" or \"Cấp xã\")"
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

    /// Parses a cell naming one or more levels separated by `,` or `;`.
    pub fn parse(raw: &str) -> Result<LevelSet, String> {
        let mut set = LevelSet::default();
        for part in raw.split([',', ';']) {
            if part.trim().is_empty() {
                continue;
            }
            set.insert(Level::parse(part)?);
        }
        if set.is_empty() {
            return Err("empty level (expected province, district or commune)".to_owned());
        }
        Ok(set)
    }
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
            _ => Err(format!(
                "unknown action {raw:?} (expected added, amended, replaced, repealed, \"Mới ban hành\", \"Ban hành mới\", \"Sửa đổi, bổ sung\", \"Thay thế\", \"Bãi bỏ\" or \"Hủy bỏ\")"
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
    /// Parses `1.001612` or the national long form `1.001612.000.00.00.H12`.
    pub fn parse(raw: &str) -> Result<Code, String> {
        let s = raw.trim();
        let err = || {
            format!(
                "bad code {raw:?} (expected d.dddddd such as 1.001612, or the long form 1.001612.000.00.00.H12)"
            )
        };
        let b = s.as_bytes();
        if b.len() < 8 || !b[0].is_ascii_digit() || b[1] != b'.' {
            return Err(err());
        }
        if !b[2..8].iter().all(u8::is_ascii_digit) {
            return Err(err());
        }
        if b.len() > 8 && !is_long_tail(&s[8..]) {
            return Err(err());
        }
        let mut n = u32::from(b[0] - b'0');
        for d in &b[2..8] {
            n = n * 10 + u32::from(d - b'0');
        }
        Ok(Code(n))
    }

    pub fn as_u32(self) -> u32 {
        self.0
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
}

/// The tail of the long form: `.ddd.dd.dd.Xdd` (X an upper-case letter).
fn is_long_tail(tail: &str) -> bool {
    let parts: Vec<&str> = tail.split('.').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    parts.len() == 5
        && parts[0].is_empty()
        && digits(parts[1], 3)
        && digits(parts[2], 2)
        && digits(parts[3], 2)
        && parts[4].len() == 3
        && parts[4].as_bytes()[0].is_ascii_uppercase()
        && digits(&parts[4][1..], 2)
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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

    /// Today in the local time zone.
    pub fn today() -> Day {
        Day::from_date(chrono::Local::now().date_naive())
    }

    /// Parses `YYYY-MM-DD`, `DD/MM/YYYY` or `D/M/YYYY`; an impossible date is an error.
    pub fn parse(raw: &str) -> Result<Day, String> {
        let s = raw.trim();
        let bad = || format!("bad date {raw:?} (expected YYYY-MM-DD or DD/MM/YYYY)");
        let num = |p: &str, min: usize, max: usize| -> Option<u32> {
            (p.len() >= min && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        let (y, m, d) = if let [y, m, d] = s.split('-').collect::<Vec<_>>()[..] {
            (num(y, 4, 4), num(m, 2, 2), num(d, 2, 2))
        } else if let [d, m, y] = s.split('/').collect::<Vec<_>>()[..] {
            (num(y, 4, 4), num(m, 1, 2), num(d, 1, 2))
        } else {
            return Err(bad());
        };
        let (Some(y), Some(m), Some(d)) = (y, m, d) else {
            return Err(bad());
        };
        let year = i32::try_from(y).map_err(|_| bad())?;
        NaiveDate::from_ymd_opt(year, m, d)
            .map(Day::from_date)
            .ok_or_else(|| {
                format!("impossible date {raw:?}: {year:04}-{m:02}-{d:02} does not exist")
            })
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date().format("%Y-%m-%d"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
