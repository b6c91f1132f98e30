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
    /// "Dịch vụ công trực tuyến": full or partial. An optional detail.
    Online,
    /// "TTHC liên thông": whether several agencies take part. An optional detail.
    InterAgency,
    /// "Ghi chú": free text, or an action ("Bãi bỏ"). Read from published annexes only.
    Note,
    /// "Quyết định đã công bố danh mục TTHC": the earlier decision that
    /// listed the procedure. Read from published annexes only.
    Reference,
}

impl Column {
    /// The columns of a change table, one row per change (what the CSV and
    /// workbook readers map).
    pub const ALL: [Column; 13] = {
        let mut all = [Column::Decision; 13];
        let mut i = 0;
        while i < all.len() {
            all[i] = Column::TABLE[i];
            i += 1;
        }
        all
    };

    /// The columns a change table may have: [`Column::ALL`] and the optional
    /// details (online service, inter-agency). Their positions are their
    /// numbers (`column as usize`).
    pub const TABLE: [Column; 15] = [
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
        Column::Online,
        Column::InterAgency,
    ];

    /// Columns only the reader of published annexes maps; the change-table
    /// readers list them as ignored.
    pub const ANNEX_ONLY: [Column; 2] = [Column::Note, Column::Reference];

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
            Column::Note => "note",
            Column::Online => "online",
            Column::InterAgency => "inter_agency",
            Column::Reference => "reference",
        }
    }

    /// The Vietnamese header names accepted for the column (the first is the usual one).
    pub fn vietnamese(self) -> &'static [&'static str] {
        match self {
            Column::Decision => &["Số quyết định"],
            Column::Signed => &["Ngày ký", "Ngày quyết định", "Ngày ban hành"],
            Column::Effective => &["Ngày hiệu lực"],
            Column::Action => &["Hình thức công bố", "Loại thay đổi", "Hình thức"],
            Column::Code => &[
                "Mã số TTHC",
                "Mã TTHC",
                "Mã thủ tục",
                "Mã thủ tục hành chính",
                "Mã số thủ tục hành chính",
                "Số hồ sơ TTHC",
                "Mã hồ sơ TTHC",
            ],
            Column::Level => &["Cấp thực hiện", "Cấp"],
            Column::Name => &[
                "Tên thủ tục hành chính",
                "Tên TTHC",
                "Tên thủ tục",
                "Tên thủ tục hành chính/ Mã thủ tục hành chính",
                "Tên thủ tục hành chính/ Mã số TTHC",
            ],
            Column::Field => &["Lĩnh vực"],
            Column::Agency => &["Cơ quan thực hiện"],
            Column::ProcessingTime => &["Thời hạn giải quyết", "Thời gian giải quyết"],
            Column::Fee => &["Phí, lệ phí", "Phí", "Lệ phí", "Phí, lệ phí (nếu có)"],
            Column::LegalBasis => &[
                "Căn cứ pháp lý",
                "Căn cứ pháp lý quy định nội dung sửa đổi, bổ sung",
            ],
            Column::Replaces => &["Mã TTHC bị thay thế"],
            Column::Note => &["Ghi chú"],
            Column::Online => &[
                "Dịch vụ công trực tuyến",
                "Mức độ DVC trực tuyến",
                "DVC trực tuyến",
            ],
            Column::InterAgency => &["TTHC liên thông", "Liên thông"],
            Column::Reference => &["Quyết định đã công bố danh mục thủ tục hành chính"],
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
    /// ignoring case, spacing and punctuation. Only the columns of a change
    /// table ([`Column::TABLE`]) are found.
    pub fn from_header(header: &str) -> Option<Column> {
        Column::named(header).filter(|c| !Column::ANNEX_ONLY.contains(c))
    }

    /// Finds the column a header cell of a published annex names: every
    /// column, the exact names of [`Column::from_header`] and also the
    /// longer wordings of annexes: a name header that announces the code
    /// ("Tên thủ tục hành chính (Mã TTHC)"), a truncated or explained legal
    /// basis ("Căn cứ pháp lý quy…"), the act that amends or repeals
    /// ("Tên VBQPPL quy định việc sửa đổi, bổ sung", "Tên văn bản quy định
    /// việc bãi bỏ…"), and a fee "(nếu có)".
    pub fn from_annex_header(header: &str) -> Option<Column> {
        if let Some(column) = Column::named(header) {
            return Some(column);
        }
        let key = letters(header);
        let starts = |names: &[&str]| names.iter().any(|n| key.starts_with(&letters(n)));
        if starts(&["Tên thủ tục hành chính", "Tên TTHC"]) && key.contains("mã") {
            Some(Column::Name)
        } else if starts(&["Căn cứ pháp lý", "Tên VBQPPL", "Tên văn bản"]) {
            Some(Column::LegalBasis)
        } else if starts(&["Phí, lệ phí", "Mức thu phí"]) {
            Some(Column::Fee)
        } else if starts(&["Mã TTHC bị thay thế", "Mã thủ tục bị thay thế"]) {
            Some(Column::Replaces)
        } else if starts(&["Ghi chú"]) {
            Some(Column::Note)
        } else {
            None
        }
    }

    /// The column named exactly (up to case, spacing and punctuation).
    fn named(header: &str) -> Option<Column> {
        // Every name of every column, folded once: a file can have
        // thousands of header cells (and the header is searched for).
        static NAMES: std::sync::LazyLock<Vec<(String, Column)>> = std::sync::LazyLock::new(|| {
            Column::TABLE
                .into_iter()
                .chain(Column::ANNEX_ONLY)
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

    #[test]
    fn annex_headers() {
        for (header, want) in [
            ("Phí, lệ phí (nếu có)", Column::Fee),
            ("Mã thủ tục hành chính", Column::Code),
            ("Số hồ sơ TTHC", Column::Code),
            ("Mã hồ sơ TTHC", Column::Code),
            ("Thời gian giải quyết", Column::ProcessingTime),
            (
                "Căn cứ pháp lý quy định nội dung sửa đổi, bổ sung",
                Column::LegalBasis,
            ),
            (
                "Tên thủ tục hành chính/ Mã thủ tục hành chính",
                Column::Name,
            ),
            ("Tên thủ tục hành chính (Mã thủ TTHC)", Column::Name),
            ("Căn cứ pháp lý quy", Column::LegalBasis),
            (
                "Tên VBQPPL quy định việc sửa đổi, bổ sung",
                Column::LegalBasis,
            ),
            ("Ghi chú", Column::Note),
            ("Dịch vụ công trực tuyến", Column::Online),
            ("Mức độ DVC trực tuyến", Column::Online),
            ("TTHC liên thông", Column::InterAgency),
            ("Liên thông", Column::InterAgency),
            (
                "Quyết định đã công bố danh mục thủ tục hành chính",
                Column::Reference,
            ),
        ] {
            assert_eq!(Column::from_annex_header(header), Some(want), "{header}");
        }
        assert_eq!(Column::from_annex_header("Địa điểm thực hiện"), None);
        assert_eq!(Column::from_annex_header("STT"), None);
    }

    #[test]
    fn change_tables_keep_ignoring_annex_only_columns() {
        assert_eq!(Column::from_header("Ghi chú"), None);
        assert_eq!(
            Column::from_header("Quyết định đã công bố danh mục thủ tục hành chính"),
            None
        );
        // The online service and inter-agency are details of change tables too.
        assert_eq!(Column::from_header("Liên thông"), Some(Column::InterAgency));
        assert_eq!(
            Column::from_header("Dịch vụ công trực tuyến"),
            Some(Column::Online)
        );
        assert_eq!(Column::from_header("Căn cứ pháp lý quy"), None);
        assert_eq!(
            Column::from_header("Phí, lệ phí (nếu có)"),
            Some(Column::Fee)
        );
    }
}
