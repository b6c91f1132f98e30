//! Canonical content of a decision, for identity checks and the tamper-evident chain.
//!
//! Each entry change hashes to a row digest. A decision's content digest is the
//! SHA-256 of its identity followed by its sorted row digests, so the order of
//! rows in the file does not matter. Each decision's chain digest covers its
//! content and the chain digest of the decision imported before it.

use sha2::{Digest, Sha256};

use super::{Action, Code, Day, Details, Level};
use crate::hex::hex;

const SEP: &[u8] = b"\x1f";

/// A change as a decision states it, with the cells as given.
pub struct CanonicalChange<'a> {
    pub action: Action,
    pub code: Code,
    pub level: Level,
    pub replaces: Option<Code>,
    pub effective: Day,
    pub given: &'a Details,
}

/// The digest of one entry change: action, code, level, replaced code and
/// effective day in a fixed binary layout, then the first six cells as given
/// (name to legal basis), each followed by a unit separator. The online
/// service and inter-agency cells follow in the same way only when one of
/// them is given, so that changes stated before they were kept hash as they
/// always did.
pub fn row_digest(c: &CanonicalChange<'_>) -> [u8; 32] {
    let mut h = Sha256::new();
    let mut head = [0_u8; 14];
    head[0] = c.action as u8;
    head[1] = c.level as u8;
    head[2..6].copy_from_slice(&c.code.as_u32().to_le_bytes());
    head[6..10].copy_from_slice(&c.replaces.map_or(u32::MAX, Code::as_u32).to_le_bytes());
    head[10..14].copy_from_slice(&c.effective.number().to_le_bytes());
    h.update(head);
    let cells = c.given.as_array();
    let (first, later) = cells.split_at(6);
    let kept = if later.iter().all(|c| c.is_empty()) {
        first
    } else {
        &cells[..]
    };
    for field in kept {
        h.update(field.as_bytes());
        h.update(SEP);
    }
    h.finalize().into()
}

/// The content digest of a decision from its identity and its row digests.
pub fn content_digest(number_key: &str, signed: Day, rows: &mut [[u8; 32]]) -> String {
    rows.sort_unstable();
    let mut h = Sha256::new();
    h.update(number_key.as_bytes());
    h.update(SEP);
    h.update(signed.to_string().as_bytes());
    h.update(b"\n");
    for r in rows.iter() {
        h.update(r);
    }
    hex(&h.finalize())
}

/// The chain digest of a decision: its content after the previous chain digest.
pub fn chain_digest(previous: &str, content: &str) -> String {
    let mut h = Sha256::new();
    h.update(previous.as_bytes());
    h.update(b"\n");
    h.update(content.as_bytes());
    hex(&h.finalize())
}

/// A correction as the hash chain records it: what it did to which
/// decision's rows, who made it, when and why.
pub struct CanonicalCorrection<'a> {
    /// `retracted` or `corrected`.
    pub kind: &'a str,
    pub number_key: &'a str,
    pub signed: Day,
    /// The content digest of the rows it takes out.
    pub taken: &'a str,
    /// The content digest of the rows it puts in (of no rows, for a retraction).
    pub content: &'a str,
    pub source_sha256: &'a str,
    pub made_at: &'a str,
    pub made_by: &'a str,
    pub reason: &'a str,
}

/// The digest of a correction, the content of its link in the chain: each
/// field in a fixed order, each followed by a unit separator.
pub fn correction_digest(c: &CanonicalCorrection<'_>) -> String {
    let mut h = Sha256::new();
    let signed = c.signed.to_string();
    for field in [
        "correction",
        c.kind,
        c.number_key,
        &signed,
        c.taken,
        c.content,
        c.source_sha256,
        c.made_at,
        c.made_by,
        c.reason,
    ] {
        h.update(field.as_bytes());
        h.update(SEP);
    }
    hex(&h.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(details: &Details) -> CanonicalChange<'_> {
        CanonicalChange {
            action: Action::Added,
            code: Code::parse("1.001612").unwrap(),
            level: Level::Province,
            replaces: None,
            effective: Day::parse("2020-01-01").unwrap(),
            given: details,
        }
    }

    /// Catalogs stored before the online service and inter-agency cells were
    /// kept must verify as they did: the digest of a change that gives
    /// neither is the one computed then.
    #[test]
    fn a_change_without_the_later_cells_hashes_as_before_they_existed() {
        let d = Details {
            name: "Cấp phép".into(),
            fee: "10.000 đồng".into(),
            ..Details::default()
        };
        assert_eq!(
            hex(&row_digest(&change(&d))),
            "d83cd833d2f1dcaa7787d687f2a3b79cb322606d7d0c820d19178feb5e545c69"
        );
        let online = Details {
            online: "Toàn trình".into(),
            ..d.clone()
        };
        let inter = Details {
            inter_agency: "Có".into(),
            ..d.clone()
        };
        let digests = [&d, &online, &inter].map(|d| row_digest(&change(d)));
        assert_ne!(digests[0], digests[1]);
        assert_ne!(digests[1], digests[2]);
    }

    #[test]
    fn content_does_not_depend_on_row_order() {
        let a = Details {
            name: "A".into(),
            ..Details::default()
        };
        let b = Details {
            name: "B".into(),
            ..Details::default()
        };
        let day = Day::parse("2020-01-01").unwrap();
        let mut one = [row_digest(&change(&a)), row_digest(&change(&b))];
        let mut two = [row_digest(&change(&b)), row_digest(&change(&a))];
        assert_eq!(
            content_digest("1/QĐ", day, &mut one),
            content_digest("1/QĐ", day, &mut two)
        );
    }

    #[test]
    fn any_cell_changes_the_digest() {
        let a = Details {
            name: "A".into(),
            ..Details::default()
        };
        let b = Details {
            name: "A".into(),
            fee: "0".into(),
            ..Details::default()
        };
        assert_ne!(row_digest(&change(&a)), row_digest(&change(&b)));
    }

    #[test]
    fn chain_depends_on_the_previous_link() {
        assert_ne!(chain_digest("", "abc"), chain_digest("x", "abc"));
    }

    #[test]
    fn every_field_of_a_correction_changes_its_digest() {
        let day = Day::parse("2026-01-10").unwrap();
        let base = CanonicalCorrection {
            kind: "retracted",
            number_key: "160/QĐ-UBND",
            signed: day,
            taken: "a",
            content: "b",
            source_sha256: "",
            made_at: "2026-03-01T10:00:00Z",
            made_by: "clerk",
            reason: "wrong file",
        };
        let digest = correction_digest(&base);
        let variants = [
            CanonicalCorrection {
                kind: "corrected",
                ..base
            },
            CanonicalCorrection {
                number_key: "16/QĐ-UBND",
                ..base
            },
            CanonicalCorrection {
                signed: Day::parse("2026-01-11").unwrap(),
                ..base
            },
            CanonicalCorrection { taken: "c", ..base },
            CanonicalCorrection {
                content: "c",
                ..base
            },
            CanonicalCorrection {
                source_sha256: "d",
                ..base
            },
            CanonicalCorrection {
                made_at: "2026-03-01T10:00:01Z",
                ..base
            },
            CanonicalCorrection {
                made_by: "other",
                ..base
            },
            CanonicalCorrection {
                reason: "wrong file.",
                ..base
            },
        ];
        for v in &variants {
            assert_ne!(correction_digest(v), digest);
        }
        // A separator moved from one field to the next is another digest.
        let shifted = CanonicalCorrection {
            made_by: "clerkw",
            reason: "rong file",
            ..base
        };
        assert_ne!(correction_digest(&shifted), digest);
    }
}
