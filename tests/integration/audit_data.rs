//! The audit history of `tests/data/audit/`, shared by the diff, history, show,
//! upcoming and decision reference tests.
//!
//! - 100/QĐ-UBND (signed 2020-01-10, effective 2020-02-01): the base catalog;
//!   2.000001 at province and commune level.
//! - 15/QĐ-UBND (2021-03-01, eff. 2021-03-15): amends 1.000001 (fee), replaces
//!   1.000010 by 1.000011 (A -> B), repeals 1.000002, adds 1.000006.
//! - 20/QĐ-UBND (signed 2021-06-01, retroactive to 2021-03-10): amends 1.000001
//!   (processing time) and 1.000004 at commune level (agency).
//! - 30/QĐ-UBND (2022-05-01, eff. 2022-05-20): replaces 1.000011 by 1.000012
//!   (B -> C), amends the fee of 1.000006.
//! - 05/QĐ-UBND (2023-01-05, eff. 2023-02-01): changes the fee of 1.000006
//!   back, adds 1.000008 at district level.
//! - 5/QĐ-UBND (2024-01-08, eff. 2024-02-01): the same number in another year;
//!   adds 1.000007, repeals 1.000008.
//! - 1580/QĐ-UBND (2025-06-20, eff. 2025-07-01): abolishes the district level:
//!   1.000003 and 1.000005 move to commune level.
//! - 1600/QĐ-UBND (2025-06-25, eff. 2025-07-01, the same day): amends 1.000003
//!   at commune level (agency), repeals 1.000004.
//! - 900/QĐ-UBND (2025-12-01, eff. 2099-07-01): future-dated; repeals 1.000006,
//!   amends 1.000012.

use crate::common::Test;

/// The audit fixtures in order of import.
pub(crate) const AUDIT: [&str; 9] = [
    "audit/01-base-2020.csv",
    "audit/02-2021-03.csv",
    "audit/03-retroactive-2021-06.csv",
    "audit/04-2022-05.csv",
    "audit/05-2023-01.csv",
    "audit/06-2024-01.csv",
    "audit/07-districts-abolished-2025-07.csv",
    "audit/08-same-day-2025-07.csv",
    "audit/09-future-2099.csv",
];

/// A test whose catalog holds the audit history, each decision imported on its own.
pub(crate) fn audit() -> Test {
    Test::imported_one_by_one(&AUDIT)
}
