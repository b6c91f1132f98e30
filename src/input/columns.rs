//! The columns of a decision file: the header names that map to them, and
//! the letters a spreadsheet gives them.

use crate::domain::text::fold;

/// A known column of a decision file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Decision,
    Signed,
    Effective,
    Action,
    Code,
    Level,
    Name,
    Field,
    Agency,
    ProcessingTime,
    Fee,
    LegalBasis,
    Replaces,
}

impl Column {
    pub const ALL: [Column; 13] = [
        Column::Decision,
        Column::Signed,
        Column::Effective,
        Column::Action,
        Column::Code,
        Column::Level,
        Column::Name,
        Column::Field,
        Column::Agency,
        Column::ProcessingTime,
        Column::Fee,
        Column::LegalBasis,
        Column::Replaces,
    ];

    /// The English column name, as used in messages and in the export.
    pub fn as_str(self) -> &'static str {
        match self {
            Column::Decision => "decision",
            Column::Signed => "signed",
            Column::Effective => "effective",
            Column::Action => "action",
            Column::Code => "code",
            Column::Level => "level",
            Column::Name => "name",
            Column::Field => "field",
            Column::Agency => "agency",
            Column::ProcessingTime => "processing_time",
            Column::Fee => "fee",
            Column::LegalBasis => "legal_basis",
            Column::Replaces => "replaces",
        }
    }

    /// The Vietnamese header names accepted for the column (the first is the usual one).
    pub fn vietnamese(self) -> &'static [&'static str] {
        match self {
            Column::Decision => &["Số quyết định"],
            Column::Signed => &["Ngày ký", "Ngày quyết định", "Ngày ban hành"],
            Column::Effective => &["Ngày hiệu lực"],
            Column::Action => &["Hình thức công bố", "Loại thay đổi", "Hình thức"],
            Column::Code => &["Mã số TTHC", "Mã TTHC", "Mã thủ tục"],
            Column::Level => &["Cấp thực hiện", "Cấp"],
            Column::Name => &["Tên thủ tục hành chính", "Tên TTHC", "Tên thủ tục"],
            Column::Field => &["Lĩnh vực"],
            Column::Agency => &["Cơ quan thực hiện"],
            Column::ProcessingTime => &["Thời hạn giải quyết"],
            Column::Fee => &["Phí, lệ phí", "Phí", "Lệ phí"],
            Column::LegalBasis => &["Căn cứ pháp lý"],
            Column::Replaces => &["Mã TTHC bị thay thế"],
        }
    }

    /// Other English header names accepted for the column.
    pub fn english_aliases(self) -> &'static [&'static str] {
        match self {
            // As national lists name it: "Cấp bộ, Cấp tỉnh, Cấp xã" in one cell.
            Column::Level => &["levels"],
            _ => &[],
        }
    }

    /// Finds the column a header cell names, in English or Vietnamese,
    /// ignoring case, spacing and punctuation.
    pub fn from_header(header: &str) -> Option<Column> {
        // Every name of every column, folded once: a file can have
        // thousands of header cells (and the header is searched for).
        static NAMES: std::sync::LazyLock<Vec<(String, Column)>> = std::sync::LazyLock::new(|| {
            Column::ALL
                .into_iter()
                .flat_map(|c| {
                    std::iter::once(c.as_str())
                        .chain(c.english_aliases().iter().copied())
                        .chain(c.vietnamese().iter().copied())
                        .map(move |name| (letters(name), c))
                })
                .collect()
        });
        let key = letters(header);
        NAMES.iter().find(|(name, _)| *name == key).map(|(_, c)| *c)
    }
}

/// The spreadsheet letter of a 0-based column: 0 -> A, 27 -> AB.
pub fn column_letter(mut i: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Lower-case letters and digits only: "Phí, lệ phí" -> "phílệphí".
fn letters(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_english_and_vietnamese() {
        assert_eq!(Column::from_header("code"), Some(Column::Code));
        assert_eq!(Column::from_header(" Mã số TTHC "), Some(Column::Code));
        assert_eq!(Column::from_header("PHÍ, LỆ PHÍ"), Some(Column::Fee));
        assert_eq!(
            Column::from_header("processing_time"),
            Some(Column::ProcessingTime)
        );
        assert_eq!(
            Column::from_header("Processing time"),
            Some(Column::ProcessingTime)
        );
        assert_eq!(Column::from_header("Ngày ban hành"), Some(Column::Signed));
        assert_eq!(Column::from_header("Cấp"), Some(Column::Level));
        assert_eq!(Column::from_header("levels"), Some(Column::Level));
        assert_eq!(Column::from_header("STT"), None);
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn decomposed_headers_match() {
        let nfd = "Ma\u{303} so\u{302}\u{301} TTHC";
        assert_eq!(Column::from_header(nfd), Some(Column::Code));
    }
}
