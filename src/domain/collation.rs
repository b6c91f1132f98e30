//! Vietnamese alphabetical order, as a clerk expects a list of fields,
//! names or agencies: the letters a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư,
//! and the tones after the letters (CLDR's "vi" collation, from ICU4X).
//! Code-point order puts "Đất đai" after every other field and "Thi đua"
//! before "Thành lập".

use std::cmp::Ordering;
use std::sync::LazyLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::locale;

/// The collator, made once from the data compiled into tthc; `None` only if
/// that data lacked Vietnamese, and then texts keep code-point order.
static VIETNAMESE: LazyLock<Option<CollatorBorrowed<'static>>> =
    LazyLock::new(|| Collator::try_new(locale!("vi").into(), CollatorOptions::default()).ok());

/// Compares two texts in Vietnamese alphabetical order; texts the collator
/// finds equal fall back to code-point order, so the order is total.
pub fn compare(a: &str, b: &str) -> Ordering {
    VIETNAMESE
        .as_ref()
        .map_or(Ordering::Equal, |c| c.compare(a, b))
        .then_with(|| a.cmp(b))
}

/// Sorts texts in Vietnamese alphabetical order.
pub fn sort<T: AsRef<str>>(texts: &mut [T]) {
    texts.sort_by(|a, b| compare(a.as_ref(), b.as_ref()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_sort_as_in_the_vietnamese_alphabet() {
        let mut fields = vec![
            "Đất đai",
            "Thi đua, khen thưởng",
            "Thành lập và hoạt động doanh nghiệp",
            "Dân tộc",
            "An toàn thực phẩm",
            "Ăn uống",
            "Âm nhạc",
            "Y tế",
            "Giáo dục",
            "Ưu đãi người có công",
            "Ủy thác",
        ];
        sort(&mut fields);
        assert_eq!(
            fields,
            [
                "An toàn thực phẩm",
                "Ăn uống",
                "Âm nhạc",
                "Dân tộc",
                "Đất đai",
                "Giáo dục",
                "Thành lập và hoạt động doanh nghiệp",
                "Thi đua, khen thưởng",
                "Ủy thác",
                "Ưu đãi người có công",
                "Y tế",
            ]
        );
    }

    #[test]
    fn the_order_is_total() {
        assert_eq!(compare("Hộ tịch", "Hộ tịch"), Ordering::Equal);
        assert_ne!(compare("hộ tịch", "Hộ tịch"), Ordering::Equal);
        assert_eq!(compare("a", "b"), Ordering::Less);
    }
}
