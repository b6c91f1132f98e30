//! `tthc upcoming`: stored changes whose effective date is still ahead.

use std::time::{SystemTime, UNIX_EPOCH};

use serde::Deserialize;

use crate::audit_data::audit;
use crate::common::{DecisionRef, Test};

/// `tthc upcoming --format json`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UpcomingJson {
    today: String,
    until: String,
    changes: Vec<Upcoming>,
}

/// `replaces` only for a replacement by another code.
#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct Upcoming {
    effective: String,
    decision: DecisionRef,
    action: String,
    level: String,
    code: String,
    name: String,
    replaces: Option<String>,
}

/// The ISO date `offset` days from today (UTC; the runs set `TZ=UTC`).
fn day(offset: i64) -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let days = i64::try_from(seconds / 86_400).unwrap() + offset;
    // H. Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn upcoming(test: &Test, args: &[&str]) -> UpcomingJson {
    test.tthc(&["upcoming", "--format", "json"])
        .args(args)
        .env("TZ", "UTC")
        .run()
        .json()
}

#[test]
fn a_future_dated_decision_is_announced_once_within_the_horizon() {
    let test = audit();
    let soon = upcoming(&test, &[]);
    assert_eq!(soon.today, day(0));
    assert_eq!(soon.until, day(30));
    assert!(soon.changes.is_empty(), "{:?}", soon.changes);
    let all = upcoming(&test, &["--days", "40000"]);
    let change = |action: &str, code: &str, name: &str| Upcoming {
        effective: "2099-07-01".to_owned(),
        decision: DecisionRef::new("900/QĐ-UBND", "2025-12-01"),
        action: action.to_owned(),
        level: "province".to_owned(),
        code: code.to_owned(),
        name: name.to_owned(),
        replaces: None,
    };
    assert_eq!(
        all.changes,
        [
            change("repealed", "1.000006", "Cấp giấy phép lái xe quốc tế"),
            change(
                "amended",
                "1.000012",
                "Cấp giấy phép khai thác khoáng sản (hợp nhất)"
            ),
        ]
    );
}

/// A catalog with changes effective today and 1, 30 and 31 days ahead.
fn window() -> Test {
    let test = Test::new();
    let header = "decision,signed,effective,action,code,level,name,field,replaces";
    test.write(
        "base.csv",
        format!(
            "{header}\n\
             1/QĐ-UBND,2020-01-01,2020-01-01,added,1.000001,province,Một,Tư pháp,\n\
             1/QĐ-UBND,2020-01-01,2020-01-01,added,1.000002,province,Hai,Tư pháp,\n\
             1/QĐ-UBND,2020-01-01,2020-01-01,added,1.000003,province,Ba,Tư pháp,\n\
             1/QĐ-UBND,2020-01-01,2020-01-01,added,1.000004,province,Bốn,Tư pháp,\n"
        ),
    );
    let signed = day(-1);
    test.write(
        "ahead.csv",
        format!(
            "{header}\n\
             2/QĐ-UBND,{signed},{today},amended,1.000001,province,Một (sửa),,\n\
             2/QĐ-UBND,{signed},{d1},added,1.000005,commune,Năm,Hộ tịch,\n\
             2/QĐ-UBND,{signed},{d1},repealed,1.000002,province,,,\n\
             2/QĐ-UBND,{signed},{d1},added,1.000006,province,Sáu,Hộ tịch,\n\
             2/QĐ-UBND,{signed},{d30},replaced,1.000009,province,Chín,Hộ tịch,1.000003\n\
             2/QĐ-UBND,{signed},{d31},amended,1.000004,province,Bốn (sửa),,\n",
            today = day(0),
            d1 = day(1),
            d30 = day(30),
            d31 = day(31),
        ),
    );
    test.import(&["base.csv"]);
    test.import(&["ahead.csv"]);
    test
}

#[test]
fn the_horizon_starts_tomorrow_and_includes_its_last_day() {
    let test = window();
    let signed = day(-1);
    let expected = format!(
        "\
effective,decision,signed,action,level,code,name,replaces
{d1},2/QĐ-UBND,{signed},repealed,province,1.000002,Hai,
{d1},2/QĐ-UBND,{signed},added,province,1.000006,Sáu,
{d1},2/QĐ-UBND,{signed},added,commune,1.000005,Năm,
{d30},2/QĐ-UBND,{signed},replaced,province,1.000009,Chín,1.000003
",
        d1 = day(1),
        d30 = day(30)
    );
    test.tthc(&["upcoming", "--format", "csv"])
        .env("TZ", "UTC")
        .stdout(expected)
        .run();
    let longer = upcoming(&test, &["--days", "31"]);
    assert_eq!(longer.changes.len(), 5);
    assert_eq!(longer.changes[4].code, "1.000004");
    assert_eq!(longer.changes[4].name, "Bốn (sửa)");
    assert_eq!(longer.changes[3].replaces.as_deref(), Some("1.000003"));
    let none = upcoming(&test, &["--days", "0"]);
    assert!(none.changes.is_empty());
}

#[test]
fn table_lists_or_says_there_is_nothing() {
    let test = window();
    test.tthc(&["upcoming", "--format", "table"])
        .env("TZ", "UTC")
        .stdout_has("4 changes take effect in the next 30 days")
        .stdout_has("replaced (replaces 1.000003)")
        .run();
    test.tthc(&["upcoming", "--days", "0", "--format", "table"])
        .env("TZ", "UTC")
        .stdout_has("No stored change takes effect in the next 0 days")
        .run();
    Test::new()
        .tthc(&["upcoming", "--format", "table"])
        .status(1)
        .stderr_has("no catalog database")
        .run();
}

#[test]
fn the_table_is_in_vietnamese_with_lang_vi_and_the_json_is_the_same() {
    let test = window();
    let table = test
        .tthc(&["upcoming", "--format", "table", "--lang", "vi"])
        .env("TZ", "UTC")
        .stdout_has("4 thay đổi có hiệu lực trong 30 ngày tới")
        .stdout_has("Thay thế (thay thế 1.000003)")
        .stdout_has("Ngày hiệu lực")
        .stdout_has("Hình thức")
        .run()
        .stdout;
    for english in ["changes take", "Effective", "Action", "replaced"] {
        assert!(!table.contains(english), "{english} in {table}");
    }
    test.tthc(&["upcoming", "--days", "0", "--format", "table"])
        .env("TZ", "UTC")
        .env("LANG", "vi_VN.UTF-8")
        .stdout_has("Không có thay đổi nào đã lưu có hiệu lực trong 0 ngày tới")
        .run();
    let json = |lang: &str| {
        test.tthc(&[
            "upcoming", "--format", "json", "--days", "400", "--lang", lang,
        ])
        .env("TZ", "UTC")
        .run()
        .stdout
    };
    assert_eq!(json("vi"), json("en"));
}
