//! Property tests of the rules, on the real binary, over random histories
//! that are consistent by construction.
//!
//! A history is a handful of decisions (one file each, distinct signing
//! dates) naming a small set of entries. The strategy draws a plan (dates,
//! and for each row an intention: which action, entry, levels, cells); the
//! builder then walks the rows in rule order (effective date, signing date,
//! row) and turns each intention into a change the rules allow at that point,
//! or drops it. The model replays the rows in memory, naively.
//!
//! Properties:
//! - the export as of any date is the naive replay of the rows effective on
//!   or before it;
//! - importing the files in any order and any split into batches gives the
//!   same catalog (a batch that needs a decision not imported yet is refused
//!   whole, and imported later);
//! - importing everything again changes nothing;
//! - the diff between two dates, applied to the first date's catalog, gives
//!   the second's.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::Value;

use crate::common::{Entry, Export, Test};
use crate::crash::run_tthc;

/// Codes the histories name: few, so that entries meet again and again.
const CODES: u32 = 6;
const LEVELS: [&str; 3] = ["province", "district", "commune"];
/// The same levels as a clerk may write them.
const LEVELS_VI: [&str; 3] = ["Cấp tỉnh", "Cấp huyện", "Cấp xã"];
const ACTIONS: [&str; 4] = ["added", "amended", "replaced", "repealed"];
const ACTIONS_VI: [&str; 4] = ["Mới ban hành", "Sửa đổi, bổ sung", "Thay thế", "Bãi bỏ"];
const NAMES: [&str; 4] = [
    "Cấp giấy phép",
    "Đăng ký, thay đổi",
    "Thủ tục \"đặc biệt\"",
    "Gia hạn",
];
const FIELDS: [&str; 4] = ["Hộ tịch", "Xây dựng", "An toàn, vệ sinh", "Đất đai"];
const OTHER: [&str; 4] = ["Sở Tư pháp", "UBND cấp xã", "05 ngày", "Không thu phí"];

/// A day of the histories: a number, written as a date of 28-day months from 2020.
pub(crate) fn date(day: u32) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        2020 + day / 336,
        1 + (day % 336) / 28,
        1 + day % 28
    )
}

/// What the strategy draws for one row.
#[derive(Debug, Clone)]
struct Intent {
    action: usize,
    code: u32,
    level: usize,
    /// A second level named in the same cell.
    second: Option<usize>,
    /// A replacement by the same code.
    same_code: bool,
    /// The row's own effective date, as days after the signing date.
    own_effective: Option<u32>,
    /// Which of the six cells an amendment gives (bit i: cell i).
    cells: u8,
    /// Picks the values of the cells.
    values: [u8; 6],
    /// Writes the row's action and level in Vietnamese.
    vietnamese: bool,
}

#[derive(Debug, Clone)]
struct DecisionPlan {
    /// Signing day (made distinct by the builder).
    signed: u32,
    /// Days from signing to the decision's effective date.
    delay: u32,
    rows: Vec<Intent>,
}

#[derive(Debug, Clone)]
pub(crate) struct Plan {
    decisions: Vec<DecisionPlan>,
    /// Shuffles the files and cuts them into batches.
    pub(crate) order_seed: u64,
    /// Picks the two dates of the diff.
    diff: (usize, usize),
}

fn intent() -> impl Strategy<Value = Intent> {
    (
        (
            0..4_usize,
            0..CODES,
            0..3_usize,
            prop::option::weighted(0.25, 0..3_usize),
        ),
        (
            prop::bool::weighted(0.3),
            prop::option::weighted(0.2, 0..40_u32),
            1..64_u8,
            any::<[u8; 6]>(),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (action, code, level, second),
                (same_code, own_effective, cells, values, vietnamese),
            )| {
                Intent {
                    action,
                    code,
                    level,
                    second,
                    same_code,
                    own_effective,
                    cells,
                    values,
                    vietnamese,
                }
            },
        )
}

pub(crate) fn plan() -> impl Strategy<Value = Plan> {
    let decision = (0..300_u32, 0..30_u32, prop::collection::vec(intent(), 1..6)).prop_map(
        |(signed, delay, rows)| DecisionPlan {
            signed,
            delay,
            rows,
        },
    );
    (
        prop::collection::vec(decision, 1..7),
        any::<u64>(),
        (any::<usize>(), any::<usize>()),
    )
        .prop_map(|(decisions, order_seed, diff)| Plan {
            decisions,
            order_seed,
            diff,
        })
}

/// A row as written in a decision file.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub(crate) action: usize,
    pub(crate) code: u32,
    pub(crate) levels: Vec<usize>,
    pub(crate) replaces: Option<u32>,
    pub(crate) effective: u32,
    /// The six cells; empty when not given.
    cells: [String; 6],
    vietnamese: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Decision {
    pub(crate) number: String,
    pub(crate) signed: u32,
    pub(crate) rows: Vec<Row>,
}

fn code_text(code: u32) -> String {
    format!("1.{:06}", 100 + code)
}

fn csv_cell(cell: &str) -> String {
    if cell.contains([',', '"', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

impl Decision {
    pub(crate) fn file_name(&self) -> String {
        format!("d{}.csv", self.signed)
    }

    pub(crate) fn csv(&self) -> String {
        let mut text = String::from(
            "decision,signed,effective,action,code,level,name,field,agency,processing_time,fee,legal_basis,replaces\n",
        );
        for row in &self.rows {
            let (actions, levels) = if row.vietnamese {
                (ACTIONS_VI, LEVELS_VI)
            } else {
                (ACTIONS, LEVELS)
            };
            let level: Vec<&str> = row.levels.iter().map(|l| levels[*l]).collect();
            let mut cells = vec![
                self.number.clone(),
                date(self.signed),
                date(row.effective),
                actions[row.action].to_owned(),
                code_text(row.code),
                level.join(", "),
            ];
            cells.extend(row.cells.iter().cloned());
            cells.push(row.replaces.map(code_text).unwrap_or_default());
            let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
            let _ = writeln!(text, "{}", line.join(","));
        }
        text
    }
}

/// An entry in force in the model.
#[derive(Debug, Clone, PartialEq, Eq)]
struct InForce {
    cells: [String; 6],
    decision: String,
    effective: u32,
}

type Catalog = BTreeMap<(usize, u32), InForce>;

/// A change in rule order: (effective, signed, row) and where it is.
pub(crate) type Slot = (u32, u32, usize, usize);

pub(crate) fn rule_order(decisions: &[Decision]) -> Vec<Slot> {
    let mut slots: Vec<Slot> = decisions
        .iter()
        .enumerate()
        .flat_map(|(d, decision)| {
            decision
                .rows
                .iter()
                .enumerate()
                .map(move |(r, row)| (row.effective, decision.signed, d, r))
        })
        .collect();
    slots.sort_unstable();
    slots
}

/// Applies one row to the catalog, as the rules say.
fn apply(catalog: &mut Catalog, number: &str, row: &Row) {
    for &level in &row.levels {
        let key = (level, row.code);
        let version = InForce {
            cells: row.cells.clone(),
            decision: number.to_owned(),
            effective: row.effective,
        };
        match row.action {
            0 => {
                catalog.insert(key, version);
            }
            1 => {
                let entry = catalog.get_mut(&key).unwrap();
                for (old, new) in entry.cells.iter_mut().zip(&row.cells) {
                    if !new.is_empty() {
                        old.clone_from(new);
                    }
                }
                entry.decision = version.decision;
                entry.effective = version.effective;
            }
            2 => {
                catalog.remove(&(level, row.replaces.unwrap()));
                catalog.insert(key, version);
            }
            _ => {
                catalog.remove(&key);
            }
        }
    }
}

/// Turns a plan into a consistent history.
pub(crate) fn build(plan: &Plan) -> Vec<Decision> {
    let mut signed_days = BTreeSet::new();
    let mut decisions: Vec<Decision> = Vec::new();
    for (i, p) in plan.decisions.iter().enumerate() {
        let mut signed = p.signed;
        while !signed_days.insert(signed) {
            signed += 1;
        }
        let rows = p
            .rows
            .iter()
            .map(|intent| Row {
                action: intent.action,
                code: intent.code,
                levels: vec![intent.level],
                replaces: None,
                effective: signed + intent.own_effective.unwrap_or(p.delay),
                cells: Default::default(),
                vietnamese: intent.vietnamese,
            })
            .collect();
        decisions.push(Decision {
            number: format!("{}/QĐ-UBND", i + 1),
            signed,
            rows,
        });
    }
    // Decide every row in rule order, against the catalog as it stands then.
    let mut catalog = Catalog::new();
    let mut named: Vec<BTreeSet<(usize, u32)>> = vec![BTreeSet::new(); decisions.len()];
    let mut keep = vec![Vec::new(); decisions.len()];
    for (_, _, d, r) in rule_order(&decisions) {
        let intent = &plan.decisions[d].rows[r];
        let decision = &mut decisions[d];
        if let Some(row) = decide(intent, &decision.rows[r], &catalog, &named[d]) {
            for &level in &row.levels {
                named[d].insert((level, row.code));
                if let Some(old) = row.replaces {
                    named[d].insert((level, old));
                }
            }
            apply(&mut catalog, &decision.number, &row);
            decision.rows[r] = row;
            keep[d].push(r);
        }
    }
    for (decision, keep) in decisions.iter_mut().zip(&keep) {
        let mut r = 0;
        decision.rows.retain(|_| {
            r += 1;
            keep.contains(&(r - 1))
        });
    }
    decisions.retain(|d| !d.rows.is_empty());
    decisions
}

/// A change the rules allow for the intention, or none.
fn decide(
    intent: &Intent,
    slot: &Row,
    catalog: &Catalog,
    named: &BTreeSet<(usize, u32)>,
) -> Option<Row> {
    let mut levels = vec![intent.level];
    if let Some(second) = intent.second.filter(|l| *l != intent.level) {
        levels.push(second);
        levels.sort_unstable();
    }
    let free = |code: u32, levels: &[usize]| levels.iter().all(|l| !named.contains(&(*l, code)));
    let in_force =
        |code: u32, levels: &[usize]| levels.iter().all(|l| catalog.contains_key(&(*l, code)));
    let out_of_force =
        |code: u32, levels: &[usize]| levels.iter().all(|l| !catalog.contains_key(&(*l, code)));
    for action in (0..4).map(|a| (intent.action + a) % 4) {
        // Replacements name one level.
        let levels = if action == 2 {
            &levels[..1]
        } else {
            &levels[..]
        };
        for code in (0..CODES).map(|c| (intent.code + c) % CODES) {
            if !free(code, levels) {
                continue;
            }
            let replaces = match action {
                0 if out_of_force(code, levels) => None,
                1 | 3 if in_force(code, levels) => None,
                2 if intent.same_code && in_force(code, levels) => Some(code),
                2 => match (0..CODES)
                    .map(|c| (code + 1 + c) % CODES)
                    .find(|old| *old != code && free(*old, levels) && in_force(*old, levels))
                {
                    Some(old) if out_of_force(code, levels) => Some(old),
                    _ => continue,
                },
                _ => continue,
            };
            return Some(Row {
                action,
                code,
                levels: levels.to_vec(),
                replaces,
                effective: slot.effective,
                cells: cells(intent, action),
                vietnamese: intent.vietnamese,
            });
        }
    }
    None
}

/// The six cells of a row: added and replaced rows give a name and a field,
/// amendments give at least one cell.
fn cells(intent: &Intent, action: usize) -> [String; 6] {
    let mut given = intent.cells;
    if action == 0 || action == 2 {
        given |= 0b11;
    }
    if action == 3 {
        given = 0;
    }
    std::array::from_fn(|i| {
        if given & (1 << i) == 0 {
            return String::new();
        }
        let v = usize::from(intent.values[i]);
        match i {
            0 => format!("{} {}", NAMES[v % NAMES.len()], v / NAMES.len() % 5),
            1 => FIELDS[v % FIELDS.len()].to_owned(),
            _ => format!("{} {}", OTHER[v % OTHER.len()], v % 3),
        }
    })
}

/// The catalog at the end of `day`: the rows effective on or before it, in rule order.
fn replay(decisions: &[Decision], day: u32) -> Catalog {
    let mut catalog = Catalog::new();
    for (effective, _, d, r) in rule_order(decisions) {
        if effective <= day {
            apply(&mut catalog, &decisions[d].number, &decisions[d].rows[r]);
        }
    }
    catalog
}

/// The JSON export's entries for a model catalog, in export order.
fn expected_entries(catalog: &Catalog) -> Vec<Entry> {
    let mut entries: Vec<Entry> = catalog
        .iter()
        .map(|((level, code), e)| Entry {
            level: LEVELS[*level].to_owned(),
            code: code_text(*code),
            name: e.cells[0].clone(),
            field: e.cells[1].clone(),
            agency: e.cells[2].clone(),
            processing_time: e.cells[3].clone(),
            fee: e.cells[4].clone(),
            legal_basis: e.cells[5].clone(),
            decision: e.decision.clone(),
            effective: date(e.effective),
        })
        .collect();
    let rank = |level: &str| LEVELS.iter().position(|l| *l == level);
    entries.sort_by(|a, b| {
        rank(&a.level)
            .cmp(&rank(&b.level))
            .then_with(|| crate::common::vietnamese_order(&a.field, &b.field))
            .then_with(|| a.code.cmp(&b.code))
    });
    entries
}

/// Days worth looking at: every effective date, the day before it, and both ends.
pub(crate) fn days_of(decisions: &[Decision]) -> Vec<u32> {
    let mut days = BTreeSet::from([0, 4000]);
    for row in decisions.iter().flat_map(|d| &d.rows) {
        days.insert(row.effective);
        days.insert(row.effective.saturating_sub(1));
    }
    days.into_iter().collect()
}

/// A tiny deterministic generator for the order of files.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The files shuffled and cut into batches.
fn batches(files: &[String], seed: u64) -> Vec<Vec<String>> {
    let mut rng = SplitMix(seed);
    let mut files = files.to_vec();
    for i in (1..files.len()).rev() {
        files.swap(i, rng.below(i + 1));
    }
    let mut batches: Vec<Vec<String>> = Vec::new();
    for file in files {
        match batches.last_mut() {
            Some(batch) if rng.below(2) == 0 => batch.push(file),
            _ => batches.push(vec![file]),
        }
    }
    batches
}

fn ensure(condition: bool, message: impl FnOnce() -> String) -> Result<(), TestCaseError> {
    if condition {
        Ok(())
    } else {
        Err(TestCaseError::fail(message()))
    }
}

/// Imports files in one batch; returns the exit code and stderr.
fn import(test: &Test, files: &[String]) -> (Option<i32>, String) {
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    let out = run_tthc(test, &args);
    (out.code, out.stderr)
}

fn export_json(test: &Test, day: u32) -> Export {
    test.export_json(&date(day))
}

fn check_history(plan: &Plan) -> Result<(), TestCaseError> {
    let decisions = build(plan);
    if decisions.is_empty() {
        return Ok(());
    }
    let files: Vec<String> = decisions.iter().map(Decision::file_name).collect();
    let days = days_of(&decisions);
    let write_all = |test: &Test| {
        for d in &decisions {
            test.write(&d.file_name(), d.csv());
        }
    };

    // One batch: every export is the naive replay.
    let whole = Test::new();
    write_all(&whole);
    let (code, stderr) = import(&whole, &files);
    ensure(code == Some(0), || {
        format!("import of everything: {stderr}")
    })?;
    let mut exports = Vec::new();
    for &day in &days {
        let export = export_json(&whole, day);
        let expected = expected_entries(&replay(&decisions, day));
        ensure(export.entries == expected, || {
            format!(
                "export as of {}:\n  got      {:?}\n  expected {:?}",
                date(day),
                export.entries,
                expected
            )
        })?;
        exports.push(whole.export_csv(&date(day)));
    }

    // Any order, any batches: the same catalog, byte for byte.
    let split = Test::new();
    write_all(&split);
    let mut pending = batches(&files, plan.order_seed);
    while !pending.is_empty() {
        let before = pending.len();
        let mut refused = Vec::new();
        for batch in pending {
            match import(&split, &batch) {
                (Some(0), _) => {}
                (Some(3), _) => refused.push(batch),
                (code, stderr) => {
                    return Err(TestCaseError::fail(format!(
                        "import of {batch:?} exited {code:?}: {stderr}"
                    )));
                }
            }
        }
        pending = refused;
        if pending.len() == before {
            // Each waits for another: together they are the rest of a consistent history.
            let rest: Vec<String> = pending.concat();
            let (code, stderr) = import(&split, &rest);
            ensure(code == Some(0), || {
                format!("import of the rest {rest:?}: {stderr}")
            })?;
            pending.clear();
        }
    }
    for (day, expected) in days.iter().zip(&exports) {
        let export = split.export_csv(&date(*day));
        ensure(&export == expected, || {
            format!(
                "imported in batches, the export as of {} differs",
                date(*day)
            )
        })?;
    }
    let verify = run_tthc(&split, &["verify"]);
    ensure(verify.code == Some(0), || format!("verify: {verify:?}"))?;

    // Everything again: nothing changes.
    let mut args = vec!["import", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let again = run_tthc(&whole, &args);
    ensure(again.code == Some(0), || format!("import again: {again:?}"))?;
    let summary: Value = serde_json::from_str(&again.stdout).unwrap();
    ensure(
        summary["decisions"] == 0
            && summary["skipped"].as_array().map(Vec::len) == Some(decisions.len()),
        || format!("import again: {summary}"),
    )?;
    for (day, expected) in days.iter().zip(&exports) {
        ensure(&whole.export_csv(&date(*day)) == expected, || {
            format!("importing again changed the export as of {}", date(*day))
        })?;
    }

    // The diff from A to B, applied to A, gives B.
    let (a, b) = (
        days[plan.diff.0 % days.len()],
        days[plan.diff.1 % days.len()],
    );
    check_diff(&whole, a, b)
}

/// Details of an exported entry, in the order of the diff's field names.
fn details(entry: &Entry) -> BTreeMap<&'static str, String> {
    BTreeMap::from([
        ("name", entry.name.clone()),
        ("field", entry.field.clone()),
        ("agency", entry.agency.clone()),
        ("processing_time", entry.processing_time.clone()),
        ("fee", entry.fee.clone()),
        ("legal_basis", entry.legal_basis.clone()),
    ])
}

type Details = BTreeMap<&'static str, String>;

fn keyed(export: &Export) -> BTreeMap<(String, String), Details> {
    export
        .entries
        .iter()
        .map(|e| ((e.level.clone(), e.code.clone()), details(e)))
        .collect()
}

/// The changes of a diff, each of which must name the decision that made it
/// and its effective date.
fn named_changes(diff: &Value, context: impl Fn() -> String) -> Result<&Vec<Value>, TestCaseError> {
    let changes = diff["changes"].as_array().unwrap();
    let named = |c: &Value| {
        c["decision"]["number"].is_string()
            && c["decision"]["signed"].is_string()
            && c["effective"].is_string()
    };
    ensure(changes.iter().all(named), || {
        format!("a change without its decision: {}", context())
    })?;
    Ok(changes)
}

fn check_diff(test: &Test, a: u32, b: u32) -> Result<(), TestCaseError> {
    let out = run_tthc(test, &["diff", &date(a), &date(b), "--format", "json"]);
    ensure(out.code == Some(0), || format!("diff: {out:?}"))?;
    let diff: Value = serde_json::from_str(&out.stdout).unwrap();
    let old = keyed(&export_json(test, a));
    let new = keyed(&export_json(test, b));
    let context = || format!("diff {} {}:\n{}", date(a), date(b), out.stdout);
    let mut catalog = old.clone();
    // Entries the diff brings in: only their names are in it.
    let mut brought = BTreeSet::new();
    let changes = named_changes(&diff, context)?;
    let mut counted = BTreeMap::new();
    for change in changes {
        let cell = |key: &str| change[key].as_str().unwrap_or_default().to_owned();
        let key = (cell("level"), cell("code"));
        *counted.entry(cell("change")).or_insert(0_u64) += 1;
        match cell("change").as_str() {
            "added" | "replaced" => {
                if change["change"] == "replaced" {
                    let gone = catalog.remove(&(cell("level"), cell("replaces")));
                    ensure(gone.is_some(), || {
                        format!("replaced entry not in A: {}", context())
                    })?;
                }
                let mut d = Details::new();
                d.insert("name", cell("name"));
                ensure(catalog.insert(key.clone(), d).is_none(), || {
                    format!("added entry already in A: {}", context())
                })?;
                brought.insert(key);
            }
            "repealed" => {
                ensure(catalog.remove(&key).is_some(), || {
                    format!("repealed entry not in A: {}", context())
                })?;
            }
            "amended" | "moved" => {
                if change["change"] == "moved" {
                    // Out of the old level, into the new with the fields that differ.
                    ensure(cell("to_level") == key.0, || {
                        format!("to_level is not the level: {}", context())
                    })?;
                    let left = catalog.remove(&(cell("from_level"), cell("code")));
                    ensure(left.is_some(), || {
                        format!("moved entry not in A: {}", context())
                    })?;
                    ensure(catalog.insert(key.clone(), left.unwrap()).is_none(), || {
                        format!("moved entry already in A: {}", context())
                    })?;
                }
                let entry = catalog.get_mut(&key);
                ensure(entry.is_some(), || {
                    format!("amended entry not in A: {}", context())
                })?;
                let entry = entry.unwrap();
                for (field, values) in change["fields"].as_object().unwrap() {
                    let slot = entry.get_mut(field.as_str());
                    ensure(slot.is_some(), || {
                        format!("unknown field {field}: {}", context())
                    })?;
                    let slot = slot.unwrap();
                    ensure(values["old"] == slot.as_str(), || {
                        format!("{field} was not {} in A: {}", values["old"], context())
                    })?;
                    values["new"].as_str().unwrap().clone_into(slot);
                }
            }
            other => {
                return Err(TestCaseError::fail(format!(
                    "change {other}: {}",
                    context()
                )));
            }
        }
    }
    for kind in ["added", "amended", "replaced", "repealed", "moved"] {
        let n = counted.get(kind).copied().unwrap_or(0);
        ensure(diff["summary"][kind] == n, || {
            format!("summary of {kind}: {}", context())
        })?;
    }
    ensure(catalog.keys().eq(new.keys()), || {
        format!(
            "entries after applying the diff differ from B: {}",
            context()
        )
    })?;
    for (key, details) in &catalog {
        let target = &new[key];
        let same = if brought.contains(key) {
            details["name"] == target["name"]
        } else {
            details == target
        };
        ensure(same, || {
            format!(
                "{key:?} after applying the diff: {details:?}, in B: {target:?}\n{}",
                context()
            )
        })?;
    }
    Ok(())
}

#[test]
fn random_histories_obey_the_rules_whatever_the_order_of_import() {
    let mut runner = TestRunner::new(Config {
        cases: 24,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&plan(), |plan| check_history(&plan));
    if let Err(e) = result {
        panic!("{e}");
    }
}
