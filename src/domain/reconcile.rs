//! The province's catalog against the national procedure database (Cơ sở dữ
//! liệu quốc gia về TTHC): every procedure a province publishes must be there
//! under the same code, name and levels, and every procedure the national
//! database gives the province or the communes must be published.
//!
//! [`Reference`] holds one snapshot of the national list; [`reconcile`]
//! compares a catalog with it; [`Reference::row_warnings`] and
//! [`Reference::bad_code_hint`] check one decision row at import time.

use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

use super::filter::EntryFilter;
use super::names::name_key;
use super::{Action, CatalogEntry, Code, Day, Level, LevelSet};

/// A procedure of the national list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferenceProcedure {
    pub code: Code,
    pub name: String,
    /// The catalog levels it names (province, district, commune).
    pub levels: LevelSet,
    /// The level cell as written ("Cấp bộ, Cấp tỉnh"): it also names levels
    /// outside a province's catalog.
    pub levels_text: String,
    pub field: String,
    pub agency: String,
    /// The ministry's decision that published it ("858/QĐ-BTP"); empty when
    /// the list does not say.
    pub decision: String,
    /// Its line in the list it was read from.
    pub line: u64,
}

/// One snapshot of the national list, indexed by code and by name.
#[derive(Debug, Clone, Default)]
pub struct Reference {
    /// By code.
    procedures: Vec<ReferenceProcedure>,
    /// [`compare_key`] of each procedure's name, in the same order.
    keys: Vec<String>,
    /// The procedures (indexes) of each name key.
    by_key: FxHashMap<String, Vec<usize>>,
}

impl Reference {
    /// Indexes the procedures (one per code; the first of a code is kept).
    pub fn new(mut procedures: Vec<ReferenceProcedure>) -> Reference {
        procedures.sort_by_key(|p| p.code);
        procedures.dedup_by_key(|p| p.code);
        let keys: Vec<String> = procedures.iter().map(|p| compare_key(&p.name)).collect();
        let mut by_key: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, key) in keys.iter().enumerate() {
            if !key.is_empty() {
                by_key.entry(key.clone()).or_default().push(i);
            }
        }
        Reference {
            procedures,
            keys,
            by_key,
        }
    }

    /// The procedures, by code.
    pub fn procedures(&self) -> &[ReferenceProcedure] {
        &self.procedures
    }

    pub fn len(&self) -> usize {
        self.procedures.len()
    }

    pub fn is_empty(&self) -> bool {
        self.procedures.is_empty()
    }

    fn index(&self, code: Code) -> Option<usize> {
        self.procedures.binary_search_by_key(&code, |p| p.code).ok()
    }

    /// The procedure with this code.
    pub fn get(&self, code: Code) -> Option<&ReferenceProcedure> {
        self.index(code).map(|i| &self.procedures[i])
    }

    /// The procedures whose name is `name` (up to [`compare_key`]), by code.
    pub fn named(&self, name: &str) -> Vec<&ReferenceProcedure> {
        self.named_key(&compare_key(name))
    }

    fn named_key(&self, key: &str) -> Vec<&ReferenceProcedure> {
        self.by_key
            .get(key)
            .map(|found| found.iter().map(|&i| &self.procedures[i]).collect())
            .unwrap_or_default()
    }

    /// The codes of the list one typing slip away from the digits of `raw`
    /// (a digit dropped, added, changed, or two swapped), by code: what a
    /// malformed or unknown code most likely meant.
    pub fn near_codes(&self, raw: &str) -> Vec<Code> {
        let Some(digits) = code_digits(raw) else {
            return Vec::new();
        };
        let mut found: Vec<Code> = one_slip(&digits)
            .into_iter()
            .filter_map(|candidate| digits_code(&candidate))
            .filter(|code| self.index(*code).is_some())
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The procedures a catalog entry with an unknown code and this name may
    /// mean: those with the same name, else those whose code is one slip
    /// from it and whose name is close to it. `code` itself is left out.
    pub fn meant(&self, code: Code, name: &str) -> Vec<&ReferenceProcedure> {
        let key = compare_key(name);
        if key.is_empty() {
            return Vec::new();
        }
        let same: Vec<&ReferenceProcedure> = self
            .named_key(&key)
            .into_iter()
            .filter(|p| p.code != code)
            .collect();
        if !same.is_empty() {
            return same;
        }
        self.near_codes(&code.to_string())
            .into_iter()
            .filter_map(|c| self.index(c))
            .filter(|&i| strsim::normalized_levenshtein(&key, &self.keys[i]) >= NEAR_NAME)
            .map(|i| &self.procedures[i])
            .collect()
    }

    /// What an import or inspect warns of for one row of a decision
    /// (`label` names the list, as "the national list of 2025-11-20"): a code
    /// the list does not have, a name that is another code's in the list, a
    /// procedure without a code whose name the list has under a code. Only
    /// rows that put an entry in force are checked; repeals are not.
    pub fn row_warnings(&self, code: Code, name: &str, action: Action, label: &str) -> Vec<String> {
        if action == Action::Repealed {
            return Vec::new();
        }
        let mut warnings = Vec::new();
        if code.is_provisional() {
            let named = self.named(name);
            if !named.is_empty() {
                warnings.push(crate::tr!(
                    "domain-reference-uncoded",
                    name = format!("{name:?}"),
                    list = label,
                    codes = code_list(&named)
                ));
            }
            return warnings;
        }
        let Some(i) = self.index(code) else {
            let meant = self.meant(code, name);
            warnings.push(if meant.is_empty() {
                crate::tr!(
                    "domain-reference-unknown-code",
                    code = code.to_string(),
                    list = label
                )
            } else {
                crate::tr!(
                    "domain-reference-unknown-code-meant",
                    code = code.to_string(),
                    list = label,
                    meant = code_list(&meant)
                )
            });
            return warnings;
        };
        let key = compare_key(name);
        if key.is_empty() || key == self.keys[i] {
            return warnings;
        }
        let others: Vec<&ReferenceProcedure> = self
            .named_key(&key)
            .into_iter()
            .filter(|p| p.code != code)
            .collect();
        if !others.is_empty() {
            warnings.push(crate::tr!(
                "domain-reference-other-name",
                name = format!("{name:?}"),
                others = others
                    .iter()
                    .map(|p| p.code.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                list = label,
                code = code.to_string(),
                listed = format!("{:?}", self.procedures[i].name)
            ));
        }
        warnings
    }

    /// For the message of a problem with a malformed code (`bad code "1.01443"`),
    /// the codes of the list it may mean, to add to the message.
    pub fn bad_code_hint(&self, message: &str, label: &str) -> Option<String> {
        let raw = bad_code_in(message)?;
        let near = self.near_codes(raw);
        if near.is_empty() {
            return None;
        }
        let named: Vec<String> = near
            .iter()
            .filter_map(|c| self.get(*c))
            .map(|p| format!("{} ({:?})", p.code, shortened(&p.name)))
            .collect();
        Some(crate::tr!(
            "domain-reference-near-codes",
            codes = join_or(&named, NEAR_SHOWN),
            list = label
        ))
    }
}

/// How close (normalized Levenshtein over [`compare_key`]) the name of a
/// code one slip away must be for it to be suggested.
const NEAR_NAME: f64 = 0.7;

/// Suggestions named in one message before "…".
const NEAR_SHOWN: usize = 5;

/// `1.001612 ("Name")`, several joined with "or".
fn code_list(procedures: &[&ReferenceProcedure]) -> String {
    let named: Vec<String> = procedures
        .iter()
        .map(|p| format!("{} ({:?})", p.code, shortened(&p.name)))
        .collect();
    join_or(&named, NEAR_SHOWN)
}

/// Names in suggestions are cut after this many characters.
const NAME_SHOWN: usize = 60;

/// A name cut to [`NAME_SHOWN`] characters, with "…" when cut.
fn shortened(name: &str) -> String {
    if name.chars().count() <= NAME_SHOWN {
        return name.to_owned();
    }
    let mut out: String = name.chars().take(NAME_SHOWN).collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// "a", "a or b", "a, b or c", up to `max` items and then "…".
fn join_or(items: &[String], max: usize) -> String {
    let shown = &items[..items.len().min(max)];
    let more = if items.len() > max { ", …" } else { "" };
    match shown {
        [] => String::new(),
        [one] => format!("{one}{more}"),
        [rest @ .., last] if more.is_empty() => {
            crate::tr!("domain-list-or", items = rest.join(", "), last = last)
        }
        all => format!("{}{more}", all.join(", ")),
    }
}

/// The raw code in a problem message written by [`Code::parse`]: `bad code "1.01443" …`.
fn bad_code_in(message: &str) -> Option<&str> {
    use crate::i18n::{Lang, message_in};
    // The words before the code, in either language: `bad code "`.
    let start = [Lang::En, Lang::Vi].into_iter().find_map(|lang| {
        let model = message_in(
            lang,
            "domain-bad-code",
            &[("raw", "\u{1}".into()), ("hint", "".into())],
        );
        let prefix = format!("{}\"", model.split('\u{1}').next()?);
        message.find(&prefix).map(|at| at + prefix.len())
    })?;
    let len = message[start..].find('"')?;
    Some(&message[start..start + len])
}

/// The digits of a code as typed: `1.01443` -> `101443`, `1.0125010` ->
/// `10125010`, `1,004444.H12` -> `1004444`. `None` when it is not a
/// number, a point (or comma) and digits.
fn code_digits(raw: &str) -> Option<String> {
    let mut parts = raw.trim().split(['.', ',']);
    let (first, second) = (parts.next()?, parts.next()?);
    let second = second.trim();
    let ok = |s: &str| !s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit());
    (ok(first) && ok(second) && first.len() == 1).then(|| format!("{first}{second}"))
}

/// The code of seven digits (`1001612` -> 1.001612).
fn digits_code(digits: &str) -> Option<Code> {
    if digits.len() != 7 {
        return None;
    }
    Code::parse(&format!("{}.{}", &digits[..1], &digits[1..])).ok()
}

/// Every digit string one slip from `digits`: a digit dropped, added,
/// changed, or two neighbours swapped.
fn one_slip(digits: &str) -> Vec<String> {
    let b = digits.as_bytes();
    let mut out = Vec::new();
    for i in 0..b.len() {
        let mut s = b.to_vec();
        s.remove(i);
        out.push(s);
    }
    for i in 0..=b.len() {
        for d in b'0'..=b'9' {
            let mut s = b.to_vec();
            s.insert(i, d);
            out.push(s);
        }
    }
    for i in 0..b.len() {
        for d in (b'0'..=b'9').filter(|d| *d != b[i]) {
            let mut s = b.to_vec();
            s[i] = d;
            out.push(s);
        }
    }
    for i in 1..b.len() {
        if b[i] != b[i - 1] {
            let mut s = b.to_vec();
            s.swap(i - 1, i);
            out.push(s);
        }
    }
    out.into_iter()
        .filter_map(|s| String::from_utf8(s).ok())
        .collect()
}

/// The key under which two names are the same procedure: [`name_key`]
/// (case, spacing and punctuation folded, diacritics kept), with each word's
/// tone mark taken off its vowel and written after the word, so that the
/// old and new placements of the tone ("hòa"/"hoà", "thủy"/"thuỷ") agree.
pub fn compare_key(name: &str) -> String {
    let key = name_key(name);
    let mut out = String::with_capacity(key.len() + 8);
    for (i, word) in key.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        push_word_key(word, &mut out);
    }
    out
}

/// A word without its tone mark, then the tone as `~` and a digit.
fn push_word_key(word: &str, out: &mut String) {
    let mut tone = None;
    let bare: String = word
        .nfd()
        .filter(|c| match tone_number(*c) {
            Some(n) => {
                tone = Some(n);
                false
            }
            None => true,
        })
        .nfc()
        .collect();
    out.push_str(&bare);
    if let Some(n) = tone {
        out.push('~');
        out.push(char::from(b'0' + n));
    }
}

/// The five Vietnamese tone marks (as combining characters): huyền, sắc,
/// ngã, hỏi, nặng.
fn tone_number(c: char) -> Option<u8> {
    match c {
        '\u{300}' => Some(1),
        '\u{301}' => Some(2),
        '\u{303}' => Some(3),
        '\u{309}' => Some(4),
        '\u{323}' => Some(5),
        _ => None,
    }
}

/// How two names differ: how similar they are (normalized Levenshtein over
/// their keys, 1 for the same) and the words of each that the other lacks.
#[derive(Debug, Clone, PartialEq)]
pub struct NameDiff {
    pub similarity: f64,
    /// Words of the catalog's name that the reference name lacks, in order.
    pub catalog_words: Vec<String>,
    /// Words of the reference name that the catalog's name lacks, in order.
    pub reference_words: Vec<String>,
}

/// Compares the catalog's name of a procedure with the reference name.
pub fn name_diff(catalog: &str, reference: &str) -> NameDiff {
    let (a, b) = (compare_key(catalog), compare_key(reference));
    let similarity = strsim::normalized_levenshtein(&a, &b);
    let (shown_a, shown_b) = (name_key(catalog), name_key(reference));
    let words_a: Vec<(&str, &str)> = shown_a.split(' ').zip(a.split(' ')).collect();
    let words_b: Vec<(&str, &str)> = shown_b.split(' ').zip(b.split(' ')).collect();
    NameDiff {
        similarity: (similarity * 100.0).round() / 100.0,
        catalog_words: lacking(&words_a, &words_b),
        reference_words: lacking(&words_b, &words_a),
    }
}

/// The words of `of` (shown, key) whose keys `other` lacks, counting repeats.
fn lacking(of: &[(&str, &str)], other: &[(&str, &str)]) -> Vec<String> {
    let mut left: FxHashMap<&str, usize> = FxHashMap::default();
    for (_, key) in other {
        *left.entry(key).or_default() += 1;
    }
    let mut out = Vec::new();
    for (shown, key) in of {
        match left.get_mut(key) {
            Some(n) if *n > 0 => *n -= 1,
            _ if !key.is_empty() => out.push((*shown).to_owned()),
            _ => {}
        }
    }
    out
}

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A code in force that the reference does not have.
    UnknownCode,
    /// The entry's name is the reference name of another code.
    NameOfOtherCode,
    /// The names differ beyond normalization.
    NameMismatch,
    /// The entry is in force at a level the reference does not list for its code.
    LevelMismatch,
    /// A reference procedure at a level the catalog holds, not in force there.
    Missing,
    /// The fields differ (information only).
    FieldMismatch,
    /// The agencies differ (information only).
    AgencyMismatch,
}

impl Kind {
    /// The kinds reported by default.
    pub const DEFAULT: [Kind; 5] = [
        Kind::UnknownCode,
        Kind::NameMismatch,
        Kind::NameOfOtherCode,
        Kind::LevelMismatch,
        Kind::Missing,
    ];

    /// The kinds reported only when asked for (`--all`).
    pub const INFORMATION: [Kind; 2] = [Kind::FieldMismatch, Kind::AgencyMismatch];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::UnknownCode => "unknown_code",
            Kind::NameOfOtherCode => "name_of_other_code",
            Kind::NameMismatch => "name_mismatch",
            Kind::LevelMismatch => "level_mismatch",
            Kind::Missing => "missing",
            Kind::FieldMismatch => "field_mismatch",
            Kind::AgencyMismatch => "agency_mismatch",
        }
    }

    /// Whether the kind is information only (off by default).
    pub fn is_information(self) -> bool {
        Kind::INFORMATION.contains(&self)
    }
}

/// One difference between the catalog and the reference.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding<'a> {
    pub kind: Kind,
    pub level: Level,
    pub code: Code,
    /// The catalog's entry; `None` for a procedure missing from the catalog.
    pub entry: Option<&'a CatalogEntry>,
    /// The reference procedure of the code; `None` for an unknown code.
    pub reference: Option<&'a ReferenceProcedure>,
    /// For names that differ.
    pub names: Option<NameDiff>,
    /// Reference procedures the entry may mean: those whose name it bears
    /// (another code's name, or an unknown code's), or codes one slip away
    /// with a close name.
    pub others: Vec<&'a ReferenceProcedure>,
}

/// What to compare.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The date of the catalog: before 2025-07-01 the district level is
    /// one a province publishes.
    pub day: Day,
    /// The findings kept: those of the entries the filter keeps, and the
    /// `missing` procedures at its levels whose own field and agency it keeps.
    pub filter: EntryFilter,
    /// Also the information kinds ([`Kind::INFORMATION`]).
    pub all: bool,
}

/// The levels a province's catalog holds on a day: province and commune,
/// and district before 2025-07-01.
pub fn levels_held(day: Day) -> LevelSet {
    let mut levels = LevelSet::single(Level::Province);
    levels.insert(Level::Commune);
    if day < Day::districts_abolished() {
        levels.insert(Level::District);
    }
    levels
}

/// Compares a catalog with a reference. Findings are ordered by kind (in
/// the order of [`Kind`]), then level, then code. Entries published without
/// a code are not compared.
pub fn reconcile<'a>(
    catalog: &'a [CatalogEntry],
    reference: &'a Reference,
    settings: &Settings,
) -> Vec<Finding<'a>> {
    let mut findings = Vec::new();
    let mut held: FxHashMap<Code, LevelSet> = FxHashMap::default();
    for entry in catalog.iter().filter(|e| !e.code.is_provisional()) {
        held.entry(entry.code).or_default().insert(entry.level);
        if !settings.filter.keeps(entry) {
            continue;
        }
        compare_entry(entry, reference, settings.all, &mut findings);
    }
    let mut levels = levels_held(settings.day);
    if let Some(only) = settings.filter.levels {
        levels = levels.intersection(only);
    }
    for p in &reference.procedures {
        if !settings.filter.keeps_field_and_agency(&p.field, &p.agency) {
            continue;
        }
        let in_force = held.get(&p.code).copied().unwrap_or_default();
        for level in p.levels.intersection(levels).iter() {
            if !in_force.contains(level) {
                findings.push(Finding {
                    kind: Kind::Missing,
                    level,
                    code: p.code,
                    entry: None,
                    reference: Some(p),
                    names: None,
                    others: Vec::new(),
                });
            }
        }
    }
    findings.sort_by_key(|f| (f.kind, f.level, f.code));
    findings
}

/// The findings of one entry in force.
fn compare_entry<'a>(
    entry: &'a CatalogEntry,
    reference: &'a Reference,
    all: bool,
    findings: &mut Vec<Finding<'a>>,
) {
    let finding = |kind, reference, names, others| Finding {
        kind,
        level: entry.level,
        code: entry.code,
        entry: Some(entry),
        reference,
        names,
        others,
    };
    let Some(i) = reference.index(entry.code) else {
        let others = reference.meant(entry.code, &entry.details.name);
        findings.push(finding(Kind::UnknownCode, None, None, others));
        return;
    };
    let p = &reference.procedures[i];
    if !p.levels.contains(entry.level) {
        findings.push(finding(Kind::LevelMismatch, Some(p), None, Vec::new()));
    }
    let key = compare_key(&entry.details.name);
    if !key.is_empty() && key != reference.keys[i] {
        let others: Vec<&ReferenceProcedure> = reference
            .named_key(&key)
            .into_iter()
            .filter(|o| o.code != entry.code)
            .collect();
        let kind = if others.is_empty() {
            Kind::NameMismatch
        } else {
            Kind::NameOfOtherCode
        };
        let names = name_diff(&entry.details.name, &p.name);
        findings.push(finding(kind, Some(p), Some(names), others));
    }
    if all {
        if differ(&entry.details.field, &p.field) {
            findings.push(finding(Kind::FieldMismatch, Some(p), None, Vec::new()));
        }
        if differ(&entry.details.agency, &p.agency) {
            findings.push(finding(Kind::AgencyMismatch, Some(p), None, Vec::new()));
        }
    }
}

/// Whether a detail of the catalog differs from the reference's, both
/// stated ("Không có thông tin", no information, states nothing).
fn differ(catalog: &str, reference: &str) -> bool {
    let (a, b) = (compare_key(catalog), compare_key(reference));
    !a.is_empty() && !b.is_empty() && b != compare_key("Không có thông tin") && a != b
}

/// How many findings of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    counts: [u64; 7],
}

impl Summary {
    pub fn of(findings: &[Finding<'_>]) -> Summary {
        let mut summary = Summary::default();
        for f in findings {
            summary.counts[f.kind as usize] += 1;
        }
        summary
    }

    pub fn count(&self, kind: Kind) -> u64 {
        self.counts[kind as usize]
    }

    /// Findings of the default kinds (what `--exit-code` looks at).
    pub fn default_total(&self) -> u64 {
        Kind::DEFAULT.iter().map(|k| self.count(*k)).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Details;

    fn code(s: &str) -> Code {
        Code::parse(s).unwrap()
    }

    fn procedure(c: &str, name: &str, levels: &str) -> ReferenceProcedure {
        let cell = crate::domain::values::LevelCell::parse(levels).unwrap();
        ReferenceProcedure {
            code: code(c),
            name: name.to_owned(),
            levels: cell.levels,
            levels_text: levels.to_owned(),
            field: "Chứng thực".to_owned(),
            agency: "UBND cấp xã".to_owned(),
            decision: "858/QĐ-BTP".to_owned(),
            line: 2,
        }
    }

    fn entry(level: Level, c: &str, name: &str) -> CatalogEntry {
        CatalogEntry {
            level,
            code: code(c),
            details: Details {
                name: name.to_owned(),
                field: "Chứng thực".to_owned(),
                agency: "UBND cấp xã".to_owned(),
                ..Details::default()
            },
            decision: "2770/QĐ-UBND".to_owned(),
            signed: Day::parse("2025-11-18").unwrap(),
            effective: Day::parse("2025-11-18").unwrap(),
        }
    }

    fn reference() -> Reference {
        Reference::new(vec![
            procedure("2.000927", "Sửa lỗi sai sót trong giao dịch", "Cấp xã"),
            procedure(
                "2.000913",
                "Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch",
                "Cấp xã",
            ),
            procedure("1.001612", "Đăng ký khai sinh", "Cấp tỉnh, Cấp xã"),
            procedure(
                "1.012501",
                "Trả lại giấy phép hành nghề khoan nước dưới đất",
                "Cấp tỉnh",
            ),
            procedure("1.000010", "Đánh giá năng lực cơ sở thử nghiệm", "Cấp bộ"),
        ])
    }

    fn settings() -> Settings {
        Settings {
            day: Day::parse("2025-12-01").unwrap(),
            filter: EntryFilter::default(),
            all: false,
        }
    }

    fn kinds(findings: &[Finding<'_>]) -> Vec<(Kind, Level, String)> {
        findings
            .iter()
            .map(|f| (f.kind, f.level, f.code.to_string()))
            .collect()
    }

    #[test]
    fn tone_placement_does_not_make_names_differ() {
        assert_eq!(compare_key("Hòa giải"), compare_key("Hoà giải"));
        assert_eq!(compare_key("Thủy lợi"), compare_key("Thuỷ lợi"));
        assert_eq!(compare_key("hủy bỏ"), compare_key("HUỶ BỎ"));
        assert_ne!(compare_key("Cấp phép"), compare_key("Cáp phép"));
        assert_ne!(compare_key("Cấp phép"), compare_key("Cập phép"));
        assert_eq!(
            compare_key("Đăng ký  khai sinh."),
            compare_key("đăng ký khai sinh")
        );
    }

    #[test]
    fn name_diffs_give_a_score_and_the_words_that_differ() {
        let d = name_diff(
            "Chứng thực việc sửa đổi, bổ sung giao dịch",
            "Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch",
        );
        assert!(d.catalog_words.is_empty());
        assert_eq!(d.reference_words, ["hủy", "bỏ"]);
        assert!(d.similarity > 0.8 && d.similarity < 1.0, "{}", d.similarity);
        let same = name_diff("Hoà giải", "Hòa giải");
        assert!((same.similarity - 1.0).abs() < f64::EPSILON);
        assert!(same.catalog_words.is_empty() && same.reference_words.is_empty());
    }

    #[test]
    fn a_catalog_with_one_mismatch_of_each_kind() {
        let reference = reference();
        let catalog = vec![
            // The Đồng Nai case: 2.000927 under the name of 2.000913.
            entry(
                Level::Commune,
                "2.000927",
                "Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch",
            ),
            entry(
                Level::Commune,
                "2.000913",
                "Chứng thực việc sửa đổi giao dịch",
            ),
            entry(Level::Province, "1.001612", "Đăng ký khai sinh"),
            entry(Level::District, "1.001612", "Đăng ký khai sinh"),
            entry(Level::Province, "1.099999", "Thủ tục không có trong CSDL"),
            entry(
                Level::Province,
                "1.000010",
                "Đánh giá năng lực cơ sở thử nghiệm",
            ),
        ];
        let findings = reconcile(&catalog, &reference, &settings());
        assert_eq!(
            kinds(&findings),
            [
                (Kind::UnknownCode, Level::Province, "1.099999".to_owned()),
                (Kind::NameOfOtherCode, Level::Commune, "2.000927".to_owned()),
                (Kind::NameMismatch, Level::Commune, "2.000913".to_owned()),
                (Kind::LevelMismatch, Level::Province, "1.000010".to_owned()),
                (Kind::LevelMismatch, Level::District, "1.001612".to_owned()),
                (Kind::Missing, Level::Province, "1.012501".to_owned()),
                (Kind::Missing, Level::Commune, "1.001612".to_owned()),
            ]
        );
        let other = &findings[1];
        assert_eq!(other.others.len(), 1);
        assert_eq!(other.others[0].code, code("2.000913"));
        assert_eq!(
            other.reference.unwrap().name,
            "Sửa lỗi sai sót trong giao dịch"
        );
        let names = findings[2].names.as_ref().unwrap();
        assert_eq!(names.reference_words, ["bổ", "sung", "hủy", "bỏ"]);
        let summary = Summary::of(&findings);
        assert_eq!(summary.count(Kind::LevelMismatch), 2);
        assert_eq!(summary.default_total(), 7);
    }

    #[test]
    fn the_district_level_is_owed_only_before_july_2025() {
        let reference = Reference::new(vec![procedure("1.000001", "A", "Cấp huyện, Cấp xã")]);
        let before = Settings {
            day: Day::parse("2025-06-30").unwrap(),
            ..settings()
        };
        let missing = |s: &Settings| kinds(&reconcile(&[], &reference, s));
        assert_eq!(
            missing(&before),
            [
                (Kind::Missing, Level::District, "1.000001".to_owned()),
                (Kind::Missing, Level::Commune, "1.000001".to_owned()),
            ]
        );
        assert_eq!(
            missing(&settings()),
            [(Kind::Missing, Level::Commune, "1.000001".to_owned())]
        );
        let province_only = Settings {
            filter: EntryFilter::new(Some(LevelSet::single(Level::Province)), None, None),
            ..before
        };
        assert!(missing(&province_only).is_empty());
    }

    #[test]
    fn field_and_agency_only_when_asked() {
        let reference = reference();
        let mut e = entry(
            Level::Commune,
            "2.000913",
            "Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch",
        );
        e.details.field = "Hộ tịch".to_owned();
        e.details.agency = "Phòng Tư pháp".to_owned();
        let catalog = [e];
        let plain = reconcile(
            &catalog,
            &reference,
            &Settings {
                filter: EntryFilter::new(Some(LevelSet::single(Level::Commune)), None, None),
                ..settings()
            },
        );
        assert!(plain.iter().all(|f| !f.kind.is_information()), "{plain:?}");
        let all = reconcile(
            &catalog,
            &reference,
            &Settings {
                filter: EntryFilter::new(Some(LevelSet::single(Level::Commune)), None, None),
                all: true,
                ..settings()
            },
        );
        let info: Vec<Kind> = all
            .iter()
            .map(|f| f.kind)
            .filter(|k| k.is_information())
            .collect();
        assert_eq!(info, [Kind::FieldMismatch, Kind::AgencyMismatch]);
    }

    #[test]
    fn near_codes_are_one_typing_slip_away() {
        let reference = reference();
        // Hà Tĩnh typed a digit too many; a digit dropped; two swapped.
        assert_eq!(reference.near_codes("1.0125010"), [code("1.012501")]);
        assert_eq!(reference.near_codes("1.01250"), [code("1.012501")]);
        assert_eq!(reference.near_codes("1.012510"), [code("1.012501")]);
        assert_eq!(reference.near_codes("2,00927"), [code("2.000927")]);
        assert!(reference.near_codes("abc").is_empty());
        assert!(reference.near_codes("1.5").is_empty());
    }

    #[test]
    fn bad_code_problems_get_the_codes_they_may_mean() {
        let reference = reference();
        let message = "column code: bad code \"1.0125010\" (expected d.dddddd such as 1.001612)";
        let hint = reference.bad_code_hint(message, "the list").unwrap();
        assert_eq!(
            hint,
            "did you mean 1.012501 (\"Trả lại giấy phép hành nghề khoan nước dưới đất\") of the list?"
        );
        assert_eq!(reference.bad_code_hint("column level: x", "the list"), None);
        assert_eq!(
            reference.bad_code_hint("column code: bad code \"9.9\"", "the list"),
            None
        );
    }

    #[test]
    fn rows_are_warned_of_unknown_codes_and_names_of_other_codes() {
        let reference = reference();
        let warn = |c: &str, name: &str, action| {
            reference.row_warnings(Code::parse(c).unwrap(), name, action, "the list")
        };
        assert_eq!(
            warn(
                "2.000927",
                "Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch",
                Action::Added
            ),
            [
                "the name \"Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch\" is that of 2.000913 in the list; 2.000927 there is \"Sửa lỗi sai sót trong giao dịch\""
            ]
        );
        assert_eq!(
            warn(
                "1.012510",
                "Trả lại giấy phép hành nghề khoan nước dưới đất",
                Action::Added
            ),
            [
                "code 1.012510 is not in the list; did you mean 1.012501 (\"Trả lại giấy phép hành nghề khoan nước dưới đất\")?"
            ]
        );
        assert_eq!(
            warn("1.099999", "Một thủ tục khác hẳn", Action::Amended),
            ["code 1.099999 is not in the list"]
        );
        assert!(warn("1.099999", "", Action::Repealed).is_empty());
        assert!(warn("2.000927", "Sửa lỗi sai sót trong giao dịch", Action::Added).is_empty());
        // A name of its own that no other code has: reconcile tells, import does not.
        assert!(warn("2.000927", "Sửa lỗi trong giao dịch", Action::Added).is_empty());
        let provisional = Code::provisional(1).unwrap();
        assert_eq!(
            reference.row_warnings(provisional, "Đăng ký khai sinh", Action::Added, "the list"),
            [
                "\"Đăng ký khai sinh\" is published without a code, and the list has it as 1.001612 (\"Đăng ký khai sinh\"): write the code"
            ]
        );
    }

    #[test]
    fn lists_join_with_or() {
        let items: Vec<String> = ["a", "b", "c"].map(str::to_owned).to_vec();
        assert_eq!(join_or(&items[..1], 5), "a");
        assert_eq!(join_or(&items[..2], 5), "a or b");
        assert_eq!(join_or(&items, 5), "a, b or c");
        assert_eq!(join_or(&items, 2), "a, b, …");
    }
}
