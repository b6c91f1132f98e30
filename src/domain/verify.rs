//! The checks behind `tthc verify`, on values read back from the store.
//!
//! Two passes over the stored history, each fed one row at a time:
//! - [`DecisionCheck`], per decision in order of import: its role-0 versions
//!   must give its content digest, its row count and effective dates, and its
//!   chain digest must follow from the decision before it;
//! - [`check_entry`], per entry (code, level) with its versions in the order of
//!   the rules: the history must replay, and every version's details and
//!   validity interval must be what the rules make of the rows.
//!
//! Every mismatch is one line in [`Findings`], naming the decision (number and
//! signing date) or the entry (code, level).

use super::canonical::{
    CanonicalChange, CanonicalCorrection, chain_digest, content_digest, correction_digest,
    row_digest,
};
use super::correction::{Correction, CorrectionKind};
use super::rules::{Change, Effect, FaultKind, Role, merge, replay, validity};
use super::version::Version;
use super::{ALL_GIVEN, Action, Code, DETAIL_FIELDS, Day, Details, Level, number_key};

/// A chain hash named on the command line (`verify --head`): 64
/// hexadecimal digits, kept in lower case as tthc prints them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainHash(String);

impl ChainHash {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for ChainHash {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let hash = text.trim();
        if hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(ChainHash(hash.to_ascii_lowercase()))
        } else {
            Err(crate::tr!(
                "verify-not-chain-hash",
                text = format!("{text:?}")
            ))
        }
    }
}

/// A chain head kept outside the store: the store must still hold it, and
/// so every decision before it, as they were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// The chain hash; empty for a store that held no decision.
    pub hash: String,
    /// How many decisions the store held when the head was kept, when known.
    pub decisions: Option<u64>,
    /// Where it comes from: `--head`, or the manifest's file name.
    pub source: String,
}

/// Looks for an [`Anchor`] among the stored chain hashes, in order of import.
#[derive(Debug)]
pub struct AnchorCheck {
    anchor: Anchor,
    /// Where the anchor was found: the number of decisions up to it, and
    /// whether it is the link of a correction made after the last of them.
    found_at: Option<(u64, bool)>,
}

impl AnchorCheck {
    pub fn new(anchor: Anchor) -> Self {
        AnchorCheck {
            anchor,
            found_at: None,
        }
    }

    /// The stored chain hash of the decision at `position` (1 for the first imported).
    pub fn decision(&mut self, position: u64, chain_sha256: &str) {
        if self.found_at.is_none() && chain_sha256 == self.anchor.hash {
            self.found_at = Some((position, false));
        }
    }

    /// The stored chain hash of a correction made after the decision at
    /// `position` (a chain head noted after a correction is its link).
    pub fn correction(&mut self, position: u64, chain_sha256: &str) {
        if self.found_at.is_none() && chain_sha256 == self.anchor.hash {
            self.found_at = Some((position, true));
        }
    }

    /// After the last of `total` decisions (chain head `head`): a mismatch
    /// when the anchor is not in the chain where it should be; else the line
    /// the report gives.
    pub fn finish(self, total: u64, head: &str, out: &mut Findings) -> Option<String> {
        let Anchor {
            hash,
            decisions,
            source,
        } = self.anchor;
        let given = if source == "--head" {
            "--head".to_owned()
        } else {
            format!("--manifest {source}")
        };
        if hash.is_empty() {
            return Some(crate::tr!("verify-anchor-empty", source = source));
        }
        let head = if head.is_empty() {
            crate::tr!("verify-none")
        } else {
            head.to_owned()
        };
        match (self.found_at, decisions) {
            (None, _) => {
                out.push(crate::tr!(
                    "verify-anchor-missing",
                    hash = hash,
                    given = given,
                    total = total,
                    head = head
                ));
                None
            }
            (Some((at, _)), Some(then)) if at != then => {
                out.push(crate::tr!(
                    "verify-anchor-elsewhere",
                    hash = hash,
                    given = given,
                    at = at,
                    then = then
                ));
                None
            }
            (Some((at, false)), _) => Some(crate::tr!(
                "verify-anchor-decision",
                hash = hash,
                source = source,
                at = at,
                total = total
            )),
            (Some((at, true)), _) => Some(crate::tr!(
                "verify-anchor-correction",
                hash = hash,
                source = source,
                at = at,
                total = total
            )),
        }
    }
}

/// A decision as stored, with what its rows must reproduce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionHead {
    /// Its place in the order of import.
    pub id: i64,
    pub number: String,
    pub number_key: String,
    pub signed: Day,
    pub effective_first: Day,
    pub effective_last: Day,
    pub rows: i64,
    pub content_sha256: String,
    pub chain_sha256: String,
    /// The ids of its versions in the catalog, as recorded.
    pub versions: (i64, i64),
    /// Whether a correction replaced or took out its rows: its recorded
    /// rows, effective dates and versions are then those of its latest
    /// correction, which [`CorrectionCheck`] checks.
    pub corrected: bool,
}

impl DecisionHead {
    /// "decision 12/QĐ-UBND signed 2020-01-02"
    pub fn label(&self) -> String {
        decision_label(&self.number, self.signed)
    }
}

/// One stored version, as both passes read it: the version, and beside it
/// what the store keeps of it (its id, its decision's label, its details and
/// its validity interval in the index).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredVersion {
    pub id: i64,
    pub version: Version,
    /// Number and signing date of the decision that made it; `None` when the
    /// decision is not in the log.
    pub decision: Option<(String, Day)>,
    pub details: Details,
    /// Its validity interval in the index, `[from, to)` in day numbers.
    pub span: Option<(i32, i32)>,
    /// Whether the interval is filed where the index's queries do not look.
    pub misfiled: bool,
    /// Whether it is in its decision's recorded range of versions in the
    /// catalog; `false` for a version a correction took out.
    pub live: bool,
}

impl StoredVersion {
    /// The cells the decision row gave.
    pub fn given_cells(&self) -> Details {
        self.details.masked(self.version.given)
    }

    /// "entry 1.001612 at province level"
    pub fn entry_label(&self) -> String {
        crate::tr!(
            "verify-entry-label",
            code = self.version.code.to_string(),
            level = self.version.level.word()
        )
    }

    /// "the amended version by decision 12/QĐ-UBND signed 2020-01-02, effective 2020-02-01"
    pub fn version_label(&self) -> String {
        let by = match &self.decision {
            Some((number, signed)) => decision_label(number, *signed),
            None => crate::tr!(
                "verify-decision-not-logged",
                id = self.version.key.decision_seq
            ),
        };
        let v = &self.version;
        let effective = v.effective().to_string();
        match (v.action, v.role) {
            (Action::Replaced, Role::Replaced) => {
                crate::tr!("verify-version-repeal", by = by, effective = effective)
            }
            (action, _) => crate::tr!(
                "verify-version-label",
                action = action.word(),
                by = by,
                effective = effective
            ),
        }
    }
}

impl Change for StoredVersion {
    fn decision(&self) -> u32 {
        self.version.key.decision_seq
    }

    fn effect(&self) -> Effect {
        self.version.effect()
    }
}

/// "decision 12/QĐ-UBND signed 2020-01-02"
pub fn decision_label(number: &str, signed: Day) -> String {
    crate::tr!(
        "verify-decision-label",
        number = number,
        signed = signed.to_string()
    )
}

/// The mismatches found so far: the first `cap` lines, and how many in all.
#[derive(Debug, Clone)]
pub struct Findings {
    shown: Vec<String>,
    total: usize,
    cap: usize,
}

impl Findings {
    /// Keeps at most `cap` lines; later ones are only counted.
    pub fn new(cap: usize) -> Self {
        Findings {
            shown: Vec::new(),
            total: 0,
            cap,
        }
    }

    pub fn push(&mut self, line: String) {
        self.total += 1;
        if self.shown.len() < self.cap {
            self.shown.push(line);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// Every mismatch found, shown or not.
    pub fn total(&self) -> usize {
        self.total
    }

    pub fn shown(&self) -> &[String] {
        &self.shown
    }

    pub fn into_shown(self) -> Vec<String> {
        self.shown
    }
}

/// The role-0 side of a replacement of another code, waiting for its role-1 twin.
#[derive(Debug, Clone, Copy)]
struct Replacement {
    row_no: u32,
    code: Code,
    replaced: Code,
    level: Level,
    effective: Day,
}

/// What the rows of a decision (or of a correction) give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    /// Entry changes (role-0 versions).
    pub rows: u64,
    /// Earliest and latest effective date; `None` without rows.
    pub effective: Option<(Day, Day)>,
}

/// Checks one decision against its stored rows; fed its versions in the
/// order (row number, role).
#[derive(Debug)]
pub struct DecisionCheck {
    head: DecisionHead,
    label: String,
    digests: Vec<[u8; 32]>,
    effective: Option<(Day, Day)>,
    next_row: u32,
    waiting: Option<Replacement>,
}

impl DecisionCheck {
    pub fn new(head: DecisionHead) -> Self {
        Self::from_row(head, 0)
    }

    /// A check of rows numbered from `first_row` on (those of a correction).
    fn from_row(head: DecisionHead, first_row: u32) -> Self {
        DecisionCheck {
            label: head.label(),
            head,
            digests: Vec::new(),
            effective: None,
            next_row: first_row,
            waiting: None,
        }
    }

    /// "decision 12/QĐ-UBND signed 2020-01-02"
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The decision checked.
    pub fn head(&self) -> &DecisionHead {
        &self.head
    }

    /// Checks one version of the decision and adds it to the content.
    pub fn version(&mut self, stored: &StoredVersion, out: &mut Findings) {
        let (v, id) = (&stored.version, stored.id);
        let label = &self.label;
        if v.signed() != self.head.signed {
            out.push(crate::tr!(
                "verify-version-signed",
                label = label,
                id = id,
                row = v.key.row,
                signed = v.signed().to_string(),
                decision = self.head.signed.to_string()
            ));
        }
        match v.role {
            Role::Primary => self.primary(stored, out),
            Role::Replaced => self.replaced(stored, out),
        }
    }

    fn primary(&mut self, stored: &StoredVersion, out: &mut Findings) {
        let (v, id) = (&stored.version, stored.id);
        self.missing_twin(out);
        let label = &self.label;
        if v.key.row != self.next_row {
            out.push(crate::tr!(
                "verify-row-out-of-place",
                label = label,
                id = id,
                row = v.key.row,
                expected = self.next_row
            ));
        }
        self.next_row = v.key.row.saturating_add(1);
        self.digests.push(row_digest(&CanonicalChange {
            action: v.action,
            code: v.code,
            level: v.level,
            replaces: v.other_code,
            effective: v.effective(),
            given: &stored.given_cells(),
        }));
        self.effective = Some(match self.effective {
            None => (v.effective(), v.effective()),
            Some((first, last)) => (first.min(v.effective()), last.max(v.effective())),
        });
        if let (Action::Replaced, Some(replaced)) = (v.action, v.other_code)
            && replaced != v.code
        {
            self.waiting = Some(Replacement {
                row_no: v.key.row,
                code: v.code,
                replaced,
                level: v.level,
                effective: v.effective(),
            });
        }
    }

    fn replaced(&mut self, stored: &StoredVersion, out: &mut Findings) {
        let (v, id) = (&stored.version, stored.id);
        let label = &self.label;
        let Some(r) = self.waiting.take() else {
            out.push(crate::tr!(
                "verify-repeal-unmatched",
                label = label,
                id = id,
                row = v.key.row,
                code = v.code.to_string(),
                level = v.level.word()
            ));
            return;
        };
        let mut wrong = Vec::new();
        if v.key.row != r.row_no {
            wrong.push(crate::tr!("verify-wrong-row", row = v.key.row));
        }
        if v.action != Action::Replaced {
            wrong.push(crate::tr!("verify-wrong-action", action = v.action.word()));
        }
        if v.code != r.replaced {
            wrong.push(crate::tr!("verify-wrong-code", code = v.code.to_string()));
        }
        if v.other_code != Some(r.code) {
            let code = v
                .other_code
                .map_or_else(|| crate::tr!("verify-none"), |c| c.to_string());
            wrong.push(crate::tr!("verify-wrong-new-code", code = code));
        }
        if v.level != r.level {
            wrong.push(crate::tr!("verify-wrong-level", level = v.level.word()));
        }
        if v.effective() != r.effective {
            wrong.push(crate::tr!(
                "verify-wrong-effective",
                effective = v.effective().to_string()
            ));
        }
        if v.given != 0 {
            wrong.push(crate::tr!(
                "verify-wrong-given",
                given = format!("{:#08b}", v.given)
            ));
        }
        if !wrong.is_empty() {
            out.push(crate::tr!(
                "verify-repeal-differs",
                label = label,
                code = r.replaced.to_string(),
                level = r.level.word(),
                row = r.row_no,
                wrong = wrong.join(", ")
            ));
        }
    }

    fn missing_twin(&mut self, out: &mut Findings) {
        if let Some(r) = self.waiting.take() {
            out.push(crate::tr!(
                "verify-repeal-missing",
                label = self.label.as_str(),
                row = r.row_no,
                replaced = r.replaced.to_string(),
                level = r.level.word(),
                code = r.code.to_string()
            ));
        }
    }

    /// Compares what the rows give with what the decision records. `previous`
    /// is the stored chain digest of the link before it (`""` for the
    /// first), `None` when it could not be read. Returns what the rows give.
    pub fn finish(mut self, previous: Option<&str>, out: &mut Findings) -> Seen {
        self.missing_twin(out);
        let seen = Seen {
            rows: self.digests.len() as u64,
            effective: self.effective,
        };
        let head = &self.head;
        let label = &self.label;
        let key = number_key(&head.number);
        if key != head.number_key {
            out.push(crate::tr!(
                "verify-number-key",
                label = label,
                stored = format!("{:?}", head.number_key),
                key = format!("{key:?}")
            ));
        }
        let rows = self.digests.len() as i64;
        if rows != head.rows && !head.corrected {
            out.push(crate::tr!(
                "verify-row-count",
                label = label,
                recorded = head.rows,
                stored = rows
            ));
        }
        if let Some((first, last)) = self.effective
            && (first, last) != (head.effective_first, head.effective_last)
            && !head.corrected
        {
            out.push(crate::tr!(
                "verify-effective-dates",
                label = label,
                first = head.effective_first.to_string(),
                last = head.effective_last.to_string(),
                rows_first = first.to_string(),
                rows_last = last.to_string()
            ));
        }
        let content = content_digest(&head.number_key, head.signed, &mut self.digests);
        if content != head.content_sha256 {
            out.push(crate::tr!(
                "verify-content-hash",
                label = label,
                stored = short(&head.content_sha256),
                content = content
            ));
        }
        if let Some(previous) = previous {
            let chain = chain_digest(previous, &head.content_sha256);
            if chain != head.chain_sha256 {
                let before = if previous.is_empty() {
                    crate::tr!("verify-chain-start")
                } else {
                    crate::tr!("verify-chain-previous", hash = short(previous))
                };
                out.push(crate::tr!(
                    "verify-chain-hash",
                    label = label,
                    stored = short(&head.chain_sha256),
                    before = before,
                    expected = chain
                ));
            }
        }
        seen
    }
}

/// Checks the corrections of one decision, in order, as their links come
/// in the chain: the rows each put in against its content hash, each edition
/// after the one before it, the decision's record against its latest
/// correction, and each link of the chain.
#[derive(Debug)]
pub struct CorrectionCheck {
    head: DecisionHead,
    /// The edition in force before the next correction: its versions, its
    /// content, its first row and its rows.
    versions: (i64, i64),
    content: String,
    first_row: u32,
    rows: u64,
    /// Corrections of the decision still to come.
    left: usize,
    /// Whether a correction was checked: the first one defines the range of
    /// the rows as imported by the range it takes out.
    started: bool,
}

impl CorrectionCheck {
    /// The check of a decision's `corrections` corrections, after its rows
    /// as imported gave `seen`.
    pub fn new(head: DecisionHead, seen: Seen, corrections: usize) -> Self {
        CorrectionCheck {
            versions: (0, -1),
            content: head.content_sha256.clone(),
            first_row: 0,
            rows: seen.rows,
            left: corrections,
            started: false,
            head,
        }
    }

    /// Checks the next correction; `versions` are the rows it put in, in
    /// the order (row number, role); `previous` is the stored chain digest of
    /// the link before it (`None` when it could not be read).
    pub fn correction(
        &mut self,
        c: &Correction,
        versions: &[StoredVersion],
        previous: Option<&str>,
        out: &mut Findings,
    ) {
        let what = match c.kind {
            CorrectionKind::Retracted => "retraction",
            CorrectionKind::Corrected => "correction",
        };
        let label = crate::tr!(
            "verify-correction-label",
            kind = what,
            decision = self.head.label(),
            made_at = c.made_at.as_str(),
            made_by = c.made_by.as_str()
        );
        self.placement(c, &label, out);
        let edition = DecisionHead {
            rows: i64::try_from(c.rows).unwrap_or(i64::MAX),
            content_sha256: c.content_sha256.clone(),
            corrected: true,
            ..self.head.clone()
        };
        let mut check = DecisionCheck::from_row(edition, c.first_row);
        check.label.clone_from(&label);
        for v in versions {
            check.version(v, out);
        }
        let seen = check.finish(None, out);
        if seen.rows != c.rows {
            out.push(crate::tr!(
                "verify-row-count",
                label = label.as_str(),
                recorded = c.rows,
                stored = seen.rows
            ));
        }
        self.left = self.left.saturating_sub(1);
        if self.left == 0 {
            self.in_force(c, seen, out);
        }
        if let Some(previous) = previous {
            let link = correction_digest(&CanonicalCorrection {
                kind: c.kind.as_str(),
                number_key: &self.head.number_key,
                signed: self.head.signed,
                taken: &self.content,
                content: &c.content_sha256,
                source_sha256: &c.source_sha256,
                made_at: &c.made_at,
                made_by: &c.made_by,
                reason: &c.reason,
            });
            let chain = chain_digest(previous, &link);
            if chain != c.chain_sha256 {
                out.push(crate::tr!(
                    "verify-correction-chain-hash",
                    label = label.as_str(),
                    stored = short(&c.chain_sha256),
                    expected = chain
                ));
            }
        }
        self.started = true;
        self.versions = c.versions;
        self.content.clone_from(&c.content_sha256);
        self.first_row = c.first_row;
        self.rows = c.rows;
    }
}

impl CorrectionCheck {
    /// The correction comes after the edition before it: it takes out those
    /// rows, numbers its own after them, and a retraction puts in none.
    fn placement(&self, c: &Correction, label: &str, out: &mut Findings) {
        if self.started && c.taken != self.versions {
            out.push(crate::tr!(
                "verify-correction-taken",
                label = label,
                taken = format!("{}..{}", c.taken.0, c.taken.1),
                before = format!("{}..{}", self.versions.0, self.versions.1)
            ));
        }
        let next_row = self.first_row.saturating_add(self.rows as u32);
        if c.first_row != next_row {
            out.push(crate::tr!(
                "verify-correction-rows",
                label = label,
                first = c.first_row,
                next = next_row
            ));
        }
        if i64::from(c.after_decision) < self.head.id {
            out.push(crate::tr!("verify-correction-early", label = label));
        }
        if c.kind == CorrectionKind::Retracted && (c.rows != 0 || c.versions.0 <= c.versions.1) {
            out.push(crate::tr!("verify-retraction-rows", label = label));
        }
    }

    /// The decision records the rows its latest correction put in, which `seen`.
    fn in_force(&self, c: &Correction, seen: Seen, out: &mut Findings) {
        let h = &self.head;
        if h.versions != c.versions || h.rows != i64::try_from(c.rows).unwrap_or(-1) {
            out.push(crate::tr!(
                "verify-correction-record",
                label = h.label(),
                versions = format!("{}..{}", h.versions.0, h.versions.1),
                rows = h.rows,
                made_at = c.made_at.as_str(),
                put = format!("{}..{}", c.versions.0, c.versions.1),
                put_rows = c.rows
            ));
        }
        if let Some((first, last)) = seen.effective
            && (first, last) != (h.effective_first, h.effective_last)
        {
            out.push(crate::tr!(
                "verify-correction-effective",
                label = h.label(),
                first = h.effective_first.to_string(),
                last = h.effective_last.to_string(),
                rows_first = first.to_string(),
                rows_last = last.to_string()
            ));
        }
    }
}

/// The first 12 characters of a hash, for messages./// The first 12 characters of a hash, for messages.
fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

/// Checks one entry's versions, in the order of the rules (effective date,
/// signing date, order of import, row order): the history must replay, each
/// version's details must be what its given cells make of the version before
/// it, and its validity interval must be what the next version leaves it.
pub fn check_entry(versions: &[StoredVersion], out: &mut Findings) {
    let Some(first) = versions.first() else {
        return;
    };
    let entry = first.entry_label();
    if let Err(fault) = replay(versions) {
        let v = &versions[fault.at];
        let why = match fault.kind {
            FaultKind::Duplicate(other) => {
                crate::tr!("verify-replay-twice", id = versions[other].id)
            }
            FaultKind::Broken(violation) => {
                crate::tr!("verify-replay-broken", violation = violation.to_string())
            }
        };
        out.push(crate::tr!(
            "verify-replay",
            entry = entry.as_str(),
            version = v.version_label(),
            why = why
        ));
    }
    let mut previous = Details::default();
    for (i, v) in versions.iter().enumerate() {
        check_given(&entry, v, out);
        let given = v.given_cells();
        let expected = if v.version.effect().inherits_details() {
            merge(&previous, &given)
        } else {
            given
        };
        let differs = field_differences(&v.details, &expected);
        if !differs.is_empty() {
            out.push(crate::tr!(
                "verify-details",
                entry = entry.as_str(),
                version = v.version_label(),
                differs = differs.join("; ")
            ));
        }
        let next = versions.get(i + 1).map(|n| n.version.effective());
        let span = validity(v.version.effect(), v.version.effective(), next);
        if span != v.span {
            out.push(crate::tr!(
                "verify-span",
                entry = entry.as_str(),
                version = v.version_label(),
                stored = describe_span(v.span),
                expected = describe_span(span)
            ));
        }
        if v.misfiled {
            out.push(crate::tr!(
                "verify-misfiled",
                entry = entry.as_str(),
                version = v.version_label()
            ));
        }
        previous = expected;
    }
}

/// The `given` mask must name detail fields only, and only cells that hold text.
fn check_given(entry: &str, v: &StoredVersion, out: &mut Findings) {
    let given = v.version.given;
    if given & !ALL_GIVEN != 0 {
        out.push(crate::tr!(
            "verify-given-mask",
            entry = entry,
            version = v.version_label(),
            given = u32::from(given)
        ));
        return;
    }
    let empty: Vec<String> = DETAIL_FIELDS
        .iter()
        .zip(v.details.as_array())
        .enumerate()
        .filter(|&(i, (_, value))| given & (1 << i) != 0 && value.is_empty())
        .map(|(_, (name, _))| super::field_word(name))
        .collect();
    if !empty.is_empty() {
        out.push(crate::tr!(
            "verify-given-empty",
            entry = entry,
            version = v.version_label(),
            given = u32::from(given),
            fields = empty.join(", ")
        ));
    }
}

/// "name \"X\" where the history gives \"Y\"", per differing field.
fn field_differences(stored: &Details, expected: &Details) -> Vec<String> {
    DETAIL_FIELDS
        .iter()
        .zip(stored.as_array().into_iter().zip(expected.as_array()))
        .filter(|(_, (s, e))| s != e)
        .map(|(name, (s, e))| {
            crate::tr!(
                "verify-field-differs",
                field = super::field_word(name),
                stored = format!("{:?}", clip(s)),
                expected = format!("{:?}", clip(e))
            )
        })
        .collect()
}

/// Long cells are cut in messages.
fn clip(text: &str) -> String {
    const MAX: usize = 80;
    match text.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// "validity 2020-01-01 to 2021-01-01", "validity from 2020-01-01 on", "no validity interval".
pub fn describe_span(span: Option<(i32, i32)>) -> String {
    let Some((from, to)) = span else {
        return crate::tr!("verify-span-none");
    };
    let from = Day::from_number(from).to_string();
    if to == Day::OPEN {
        crate::tr!("verify-span-open", from = from)
    } else {
        crate::tr!(
            "verify-span-closed",
            from = from,
            to = Day::from_number(to).to_string()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::canonical::{chain_digest, content_digest};
    use crate::domain::rules::OrderKey;

    fn day(s: &str) -> Day {
        Day::parse(s).unwrap()
    }

    fn code(s: &str) -> Code {
        Code::parse(s).unwrap()
    }

    fn details(name: &str, fee: &str) -> Details {
        Details {
            name: name.into(),
            fee: fee.into(),
            ..Details::default()
        }
    }

    /// A version of 1.000001 at province level by decision `decision`.
    fn version(decision: u32, action: Action, effective: &str, d: Details) -> StoredVersion {
        StoredVersion {
            id: i64::from(decision) * 10,
            version: Version {
                code: code("1.000001"),
                level: Level::Province,
                key: OrderKey {
                    effective: day(effective),
                    signed: day("2020-01-01"),
                    decision_seq: decision,
                    row: 0,
                },
                action,
                role: Role::Primary,
                other_code: None,
                given: d.given_mask(),
                line: 2,
            },
            decision: Some((format!("{decision}/QĐ"), day("2020-01-01"))),
            details: d,
            span: None,
            misfiled: false,
            live: true,
        }
    }

    /// Versions with the validity intervals the rules give them.
    fn with_spans(mut versions: Vec<StoredVersion>) -> Vec<StoredVersion> {
        for i in 0..versions.len() {
            let next = versions.get(i + 1).map(|n| n.version.effective());
            let v = versions[i].version;
            versions[i].span = validity(v.effect(), v.effective(), next);
        }
        versions
    }

    fn history() -> Vec<StoredVersion> {
        let mut amend = version(2, Action::Amended, "2021-01-01", details("", "5"));
        amend.details = details("A", "5");
        let mut repeal = version(3, Action::Repealed, "2022-01-01", Details::default());
        repeal.details = details("A", "5");
        with_spans(vec![
            version(1, Action::Added, "2020-01-01", details("A", "1")),
            amend,
            repeal,
        ])
    }

    fn check(versions: &[StoredVersion]) -> Vec<String> {
        let mut out = Findings::new(100);
        check_entry(versions, &mut out);
        out.into_shown()
    }

    #[test]
    fn a_consistent_history_passes() {
        assert_eq!(check(&history()), Vec::<String>::new());
    }

    #[test]
    fn an_inherited_cell_edited_is_found() {
        let mut h = history();
        h[1].details.name = "B".into();
        let found = check(&h);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("entry 1.000001 at province level"),
            "{found:?}"
        );
        assert!(
            found[0].contains("name \"B\" where the history gives \"A\""),
            "{found:?}"
        );
    }

    #[test]
    fn a_given_mask_on_an_empty_cell_is_found() {
        let mut h = history();
        h[0].version.given |= 0b10;
        let found = check(&h);
        assert!(
            found
                .iter()
                .any(|f| f.contains("marking empty field as given")),
            "{found:?}"
        );
    }

    #[test]
    fn spans_missing_extra_or_different_are_found() {
        let mut h = history();
        h[0].span = None;
        h[2].span = Some((1, 2));
        h[1].span = Some((h[1].version.effective().number(), Day::OPEN));
        let found = check(&h);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].contains("has no validity interval in the index, the history gives validity from 2020-01-01 to 2021-01-01"), "{found:?}");
        assert!(
            found[1].contains("validity from 2021-01-01 on in the index"),
            "{found:?}"
        );
        assert!(
            found[2].contains("the history gives no validity interval"),
            "{found:?}"
        );
    }

    #[test]
    fn a_misfiled_interval_is_found() {
        let mut h = history();
        h[1].misfiled = true;
        let found = check(&h);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("the amended version by decision 2/QĐ signed 2020-01-01, effective 2021-01-01 has its validity interval filed at the wrong place"), "{found:?}");
    }

    #[test]
    fn a_history_that_breaks_the_rules_is_found() {
        let mut h = history();
        h.remove(0);
        let h = with_spans(h);
        let found = check(&h);
        assert!(
            found[0].contains("does not replay at the amended version by decision 2/QĐ signed 2020-01-01, effective 2021-01-01: the entry is not in force"),
            "{found:?}"
        );
    }

    fn head(rows: &mut [[u8; 32]], n: i64, previous: &str) -> DecisionHead {
        let content = content_digest("1/QĐ", day("2020-01-01"), rows);
        DecisionHead {
            id: 1,
            number: "01/qđ".into(),
            number_key: "1/QĐ".into(),
            signed: day("2020-01-01"),
            effective_first: day("2020-01-01"),
            effective_last: day("2020-01-01"),
            rows: n,
            chain_sha256: chain_digest(previous, &content),
            content_sha256: content,
            versions: (10, 10),
            corrected: false,
        }
    }

    fn digest(stored: &StoredVersion) -> [u8; 32] {
        let v = &stored.version;
        row_digest(&CanonicalChange {
            action: v.action,
            code: v.code,
            level: v.level,
            replaces: v.other_code,
            effective: v.effective(),
            given: &stored.given_cells(),
        })
    }

    fn decision_findings(
        head: DecisionHead,
        versions: &[StoredVersion],
        prev: &str,
    ) -> Vec<String> {
        let mut out = Findings::new(100);
        let mut check = DecisionCheck::new(head);
        for v in versions {
            check.version(v, &mut out);
        }
        check.finish(Some(prev), &mut out);
        out.into_shown()
    }

    #[test]
    fn a_decision_matching_its_rows_passes_and_an_edited_row_does_not() {
        let v = version(1, Action::Added, "2020-01-01", details("A", "1"));
        let h = head(&mut [digest(&v)], 1, "");
        assert_eq!(
            decision_findings(h.clone(), std::slice::from_ref(&v), ""),
            Vec::<String>::new()
        );
        let mut edited = v.clone();
        edited.details.fee = "2".into();
        let found = decision_findings(h.clone(), &[edited], "");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("decision 01/qđ signed 2020-01-01: content hash"),
            "{found:?}"
        );
        let found = decision_findings(h, &[v], "x");
        assert!(found[0].contains("chain hash"), "{found:?}");
    }

    #[test]
    fn a_replacement_needs_its_repeal() {
        let mut new = version(1, Action::Replaced, "2020-01-01", details("A", "1"));
        new.version.code = code("1.000002");
        new.version.other_code = Some(code("1.000001"));
        let mut old = version(1, Action::Replaced, "2020-01-01", Details::default());
        old.version.role = Role::Replaced;
        old.version.other_code = Some(new.version.code);
        let h = head(&mut [digest(&new)], 1, "");
        assert_eq!(
            decision_findings(h.clone(), &[new.clone(), old.clone()], ""),
            Vec::<String>::new()
        );
        let found = decision_findings(h.clone(), &[new.clone()], "");
        assert!(
            found[0].contains("the repeal of 1.000001 is missing"),
            "{found:?}"
        );
        old.version.key.effective = day("2020-02-02");
        let found = decision_findings(h, &[new, old], "");
        assert!(found[0].contains("effective date 2020-02-02"), "{found:?}");
    }

    #[test]
    fn findings_keep_the_first_lines_and_count_the_rest() {
        let mut out = Findings::new(2);
        for i in 0..5 {
            out.push(i.to_string());
        }
        assert_eq!(out.shown(), ["0", "1"]);
        assert_eq!(out.total(), 5);
    }
}
