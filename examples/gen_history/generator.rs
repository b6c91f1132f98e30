//! Deterministic synthetic history of a province's TTHC publication decisions.
//!
//! [`generate`] streams one CSV in the import format: a header, then the rows of many
//! decisions in signing order, from a baseline decision in January 2010 to December 2026.
//! The history is consistent under the import rules: an entry (code, level) is only added
//! when not in force, only amended, replaced or repealed when in force, and named at most
//! once per decision. Every change to an entry has an effective date no earlier than the
//! entry's previous change, so applying rows in (effective, signed, row) order gives the
//! same states as applying them in file order. The district level is abolished on
//! 2025-07-01 (every district entry is repealed that day, some move to the commune or
//! province level) and no district row takes effect after that.
//!
//! Only `std` is used, so the file can be included as a module by an example and by tests.

use std::fmt;
use std::io::{self, Write};

/// What to generate.
pub(crate) struct Config {
    /// Data rows to write (the header not counted); the output has exactly this many.
    pub(crate) rows: u64,
    /// Seed of the pseudo-random generator; the same config gives byte-identical output.
    pub(crate) seed: u64,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            rows: 20_000,
            seed: 1,
        }
    }
}

/// What was generated, and the catalog in force after every row has taken effect.
pub(crate) struct Summary {
    /// Data rows written.
    pub(crate) rows: u64,
    /// Decisions (distinct number + signing date).
    pub(crate) decisions: u64,
    /// Entry changes after expanding multi-level cells.
    pub(crate) changes: u64,
    /// Entry changes per action, as in the import summary (a row naming two levels counts twice).
    pub(crate) added: u64,
    pub(crate) amended: u64,
    pub(crate) replaced: u64,
    pub(crate) repealed: u64,
    /// Entry changes per level, as in the import summary.
    pub(crate) changed_province: u64,
    pub(crate) changed_district: u64,
    pub(crate) changed_commune: u64,
    /// Entries in force per level at `last_effective` (and any later date).
    pub(crate) province: u64,
    pub(crate) district: u64,
    pub(crate) commune: u64,
    /// Entries in force (sum of the levels).
    pub(crate) total: u64,
    /// Distinct codes in force.
    pub(crate) procedures: u64,
    /// Whether the history reached the 2025-07-01 abolition of the district level.
    pub(crate) district_abolished: bool,
    /// Signing date of the first decision, ISO; empty when no rows.
    pub(crate) first_signed: String,
    /// Latest effective date of any row, ISO; empty when no rows.
    pub(crate) last_effective: String,
}

impl fmt::Display for Summary {
    /// One-line JSON. `actions` and `levels` count entry changes like the import summary;
    /// `counts` has the shape of `tthc counts --format json` as of `last_effective`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let first = json_date(&self.first_signed);
        let last = json_date(&self.last_effective);
        write!(
            f,
            "{{\"rows\": {}, \"decisions\": {}, \"changes\": {}, ",
            self.rows, self.decisions, self.changes
        )?;
        write!(
            f,
            "\"actions\": {{\"added\": {}, \"amended\": {}, \"replaced\": {}, \"repealed\": {}}}, ",
            self.added, self.amended, self.replaced, self.repealed
        )?;
        write!(
            f,
            "\"levels\": {{\"province\": {}, \"district\": {}, \"commune\": {}}}, ",
            self.changed_province, self.changed_district, self.changed_commune
        )?;
        write!(
            f,
            "\"district_abolished\": {}, \"first_signed\": {first}, \"last_effective\": {last}, ",
            self.district_abolished
        )?;
        write!(
            f,
            "\"counts\": {{\"as_of\": {last}, \"province\": {}, \"district\": {}, \"commune\": {}, \"total\": {}, \"procedures\": {}}}}}",
            self.province, self.district, self.commune, self.total, self.procedures
        )
    }
}

fn json_date(s: &str) -> String {
    if s.is_empty() {
        "null".to_owned()
    } else {
        format!("\"{s}\"")
    }
}

/// Header line of the generated CSV.
pub(crate) const HEADER: &str = "decision,signed,effective,action,code,level,name,field,agency,processing_time,fee,legal_basis,replaces\n";

/// Writes the history to `out` (header included) and returns its summary.
pub(crate) fn generate(cfg: &Config, out: &mut impl Write) -> io::Result<Summary> {
    out.write_all(HEADER.as_bytes())?;
    let mut g = Generator::new(cfg);
    g.run(out)?;
    let s = g.summary();
    debug_assert_eq!(s.total, s.province + s.district + s.commune);
    debug_assert_eq!(s.rows, cfg.rows);
    Ok(s)
}

// ---------------------------------------------------------------------------------------
// Pseudo-random numbers and dates

/// `SplitMix64`: tiny, fast and good enough for synthetic data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    fn percent(&mut self, p: u64) -> bool {
        self.below(100) < p
    }

    fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = ((153 * mp + 2) / 5 + d - 1) as i32;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn push_num(s: &mut String, mut n: u64, width: usize) {
    let mut buf = [b'0'; 20];
    let mut i = buf.len();
    while n > 0 || buf.len() - i < width.max(1) {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    for &b in &buf[i..] {
        s.push(char::from(b));
    }
}

fn push_date(s: &mut String, day: i32) {
    let (y, m, d) = civil_from_days(day);
    push_num(s, y as u64, 4);
    s.push('-');
    push_num(s, u64::from(m), 2);
    s.push('-');
    push_num(s, u64::from(d), 2);
}

fn iso(day: i32) -> String {
    let mut s = String::with_capacity(10);
    push_date(&mut s, day);
    s
}

/// Pushes one CSV cell, quoted when it holds a comma, a quote or a line break.
fn push_cell(line: &mut String, cell: &str) {
    line.push(',');
    if cell.contains([',', '"', '\n', '\r']) {
        line.push('"');
        line.push_str(&cell.replace('"', "\"\""));
        line.push('"');
    } else {
        line.push_str(cell);
    }
}

// ---------------------------------------------------------------------------------------
// Vocabulary: fields, agencies, names built from parts

const P: u8 = 1;
const D: u8 = 2;
const C: u8 = 4;
const LEVEL_BITS: [u8; 3] = [P, D, C];
const LEVEL_NAMES: [&str; 3] = ["province", "district", "commune"];

#[derive(Clone, Copy)]
enum Kind {
    Permit,
    Organization,
    Registration,
    Benefit,
    Recognition,
    Award,
    Appraisal,
    Enterprise,
    Certification,
    Complaint,
}

impl Kind {
    fn verbs(self) -> &'static [&'static str] {
        match self {
            Kind::Permit => &[
                "Cấp",
                "Cấp lại",
                "Cấp đổi",
                "Gia hạn",
                "Điều chỉnh",
                "Thu hồi",
                "Cấp bổ sung nội dung",
            ],
            Kind::Organization => &[
                "Thành lập",
                "Cho phép hoạt động",
                "Sáp nhập, chia, tách",
                "Giải thể",
                "Đình chỉ hoạt động",
                "Đăng ký hoạt động",
            ],
            Kind::Registration => &[
                "Đăng ký",
                "Đăng ký lại",
                "Đăng ký thay đổi",
                "Xác nhận",
                "Cung cấp thông tin",
            ],
            Kind::Benefit => &[
                "Giải quyết",
                "Điều chỉnh",
                "Thôi hưởng",
                "Tạm dừng",
                "Xác nhận",
            ],
            Kind::Recognition => &["Công nhận", "Công nhận lại", "Hủy bỏ quyết định công nhận"],
            Kind::Award => &["Xét tặng", "Công nhận", "Hủy bỏ quyết định khen thưởng"],
            Kind::Appraisal => &["Thẩm định", "Phê duyệt", "Thẩm định điều chỉnh"],
            Kind::Enterprise => &[
                "Đăng ký thành lập",
                "Đăng ký thay đổi nội dung đăng ký",
                "Tạm ngừng kinh doanh",
                "Giải thể",
                "Chấm dứt hoạt động",
            ],
            Kind::Certification => &["Chứng thực"],
            Kind::Complaint => &["Giải quyết", "Tiếp nhận, xử lý"],
        }
    }

    fn qualifiers(self) -> &'static [&'static str] {
        match self {
            Kind::Permit => &[
                "",
                "",
                "",
                "đối với tổ chức",
                "đối với cá nhân",
                "trong trường hợp bị mất, bị hỏng",
                "do thay đổi nội dung",
                "có yếu tố nước ngoài",
                "theo hình thức trực tuyến",
                "lần đầu",
            ],
            Kind::Organization => &[
                "",
                "",
                "",
                "tư thục",
                "có vốn đầu tư nước ngoài",
                "trên địa bàn tỉnh",
            ],
            Kind::Registration => &[
                "",
                "",
                "",
                "đối với tổ chức",
                "đối với cá nhân",
                "có yếu tố nước ngoài",
                "trên địa bàn tỉnh",
                "qua dịch vụ công trực tuyến",
            ],
            Kind::Benefit => &[
                "",
                "",
                "cho người cao tuổi",
                "cho người khuyết tật",
                "đối với trẻ em có hoàn cảnh đặc biệt",
                "khi thay đổi nơi cư trú",
            ],
            Kind::Recognition => &["", "", "", "", "phát sinh trong năm", "định kỳ hằng năm"],
            Kind::Award => &[
                "",
                "",
                "",
                "cho tập thể",
                "cho cá nhân",
                "theo đợt hoặc chuyên đề",
            ],
            Kind::Appraisal => &[
                "",
                "",
                "",
                "của dự án đầu tư",
                "đối với dự án sử dụng vốn ngoài ngân sách",
                "trên địa bàn tỉnh",
            ],
            Kind::Enterprise => &["", "", "", "có vốn đầu tư nước ngoài", "qua mạng điện tử"],
            Kind::Certification => &[
                "",
                "",
                "",
                "có yếu tố nước ngoài",
                "(trường hợp chứng thực ngoài trụ sở)",
            ],
            Kind::Complaint => &[
                "",
                "",
                "",
                "đối với cán bộ, công chức",
                "trong lĩnh vực đất đai",
            ],
        }
    }
}

struct FieldDef {
    name: &'static str,
    /// Levels at which the field has procedures.
    levels: u8,
    /// Issuer code of the field's circulars ("Thông tư số 12/2020/TT-BTP").
    ministry: &'static str,
    /// Provincial agency before and from 2025-03-01 (the merger of provincial departments).
    province: [&'static str; 2],
    /// District office, after "UBND cấp huyện"; may be empty.
    district: &'static str,
    objects: &'static [(Kind, &'static str)],
}

const STP: [&str; 2] = ["Sở Tư pháp", "Sở Tư pháp"];
const SXD: [&str; 2] = ["Sở Xây dựng", "Sở Xây dựng"];
const SGD: [&str; 2] = ["Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo"];
const SYT: [&str; 2] = ["Sở Y tế", "Sở Y tế"];
const STN: [&str; 2] = [
    "Sở Tài nguyên và Môi trường",
    "Sở Nông nghiệp và Môi trường",
];
const SKH: [&str; 2] = ["Sở Kế hoạch và Đầu tư", "Sở Tài chính"];
const SVH: [&str; 2] = [
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Văn hóa, Thể thao và Du lịch",
];
const SCT: [&str; 2] = ["Sở Công Thương", "Sở Công Thương"];
const SLD: [&str; 2] = ["Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ"];
const SNN: [&str; 2] = [
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Nông nghiệp và Môi trường",
];
const SNV: [&str; 2] = ["Sở Nội vụ", "Sở Nội vụ"];

const FIELDS: &[FieldDef] = &[
    FieldDef {
        name: "Hộ tịch",
        levels: D | C,
        ministry: "BTP",
        province: STP,
        district: "Phòng Tư pháp",
        objects: &[
            (Kind::Registration, "khai sinh"),
            (Kind::Registration, "kết hôn"),
            (Kind::Registration, "khai tử"),
            (Kind::Registration, "nhận cha, mẹ, con"),
            (Kind::Registration, "giám hộ"),
            (
                Kind::Registration,
                "thay đổi, cải chính, bổ sung thông tin hộ tịch",
            ),
            (Kind::Permit, "Giấy xác nhận tình trạng hôn nhân"),
            (Kind::Permit, "bản sao trích lục hộ tịch"),
        ],
    },
    FieldDef {
        name: "Chứng thực",
        levels: D | C,
        ministry: "BTP",
        province: STP,
        district: "Phòng Tư pháp",
        objects: &[
            (Kind::Certification, "bản sao từ bản chính giấy tờ, văn bản"),
            (Kind::Certification, "chữ ký trong các giấy tờ, văn bản"),
            (Kind::Certification, "chữ ký người dịch"),
            (
                Kind::Certification,
                "hợp đồng, giao dịch liên quan đến tài sản là động sản",
            ),
            (Kind::Certification, "văn bản thỏa thuận phân chia di sản"),
            (Kind::Certification, "di chúc"),
        ],
    },
    FieldDef {
        name: "Lý lịch tư pháp",
        levels: P,
        ministry: "BTP",
        province: STP,
        district: "",
        objects: &[
            (Kind::Permit, "Phiếu lý lịch tư pháp số 1"),
            (Kind::Permit, "Phiếu lý lịch tư pháp số 2"),
        ],
    },
    FieldDef {
        name: "Công chứng",
        levels: P,
        ministry: "BTP",
        province: STP,
        district: "",
        objects: &[
            (Kind::Organization, "Văn phòng công chứng"),
            (Kind::Permit, "thẻ công chứng viên"),
        ],
    },
    FieldDef {
        name: "Luật sư",
        levels: P,
        ministry: "BTP",
        province: STP,
        district: "",
        objects: &[
            (Kind::Organization, "tổ chức hành nghề luật sư"),
            (Kind::Registration, "hành nghề luật sư với tư cách cá nhân"),
            (Kind::Permit, "giấy phép hành nghề của luật sư nước ngoài"),
        ],
    },
    FieldDef {
        name: "Nuôi con nuôi",
        levels: P | C,
        ministry: "BTP",
        province: STP,
        district: "",
        objects: &[
            (Kind::Registration, "việc nuôi con nuôi trong nước"),
            (
                Kind::Registration,
                "việc nuôi con nuôi có yếu tố nước ngoài",
            ),
        ],
    },
    FieldDef {
        name: "Hoạt động xây dựng",
        levels: P | D | C,
        ministry: "BXD",
        province: SXD,
        district: "Phòng Kinh tế và Hạ tầng",
        objects: &[
            (Kind::Permit, "giấy phép xây dựng nhà ở riêng lẻ"),
            (Kind::Permit, "giấy phép xây dựng công trình cấp I, cấp II"),
            (
                Kind::Permit,
                "chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III",
            ),
            (Kind::Permit, "chứng chỉ năng lực hoạt động xây dựng"),
            (Kind::Permit, "giấy phép di dời công trình"),
            (
                Kind::Appraisal,
                "báo cáo nghiên cứu khả thi đầu tư xây dựng",
            ),
        ],
    },
    FieldDef {
        name: "Giáo dục và Đào tạo",
        levels: P | D | C,
        ministry: "BGDĐT",
        province: SGD,
        district: "Phòng Giáo dục và Đào tạo",
        objects: &[
            (Kind::Organization, "trường trung học phổ thông"),
            (Kind::Organization, "trường trung học cơ sở"),
            (Kind::Organization, "trường tiểu học"),
            (Kind::Organization, "trường mầm non"),
            (Kind::Organization, "nhóm trẻ, lớp mẫu giáo độc lập"),
            (Kind::Organization, "trung tâm ngoại ngữ, tin học"),
            (Kind::Permit, "bản sao văn bằng, chứng chỉ từ sổ gốc"),
            (
                Kind::Recognition,
                "trường đạt kiểm định chất lượng giáo dục",
            ),
        ],
    },
    FieldDef {
        name: "Khám bệnh, chữa bệnh",
        levels: P,
        ministry: "BYT",
        province: SYT,
        district: "",
        objects: &[
            (
                Kind::Permit,
                "giấy phép hoạt động đối với phòng khám đa khoa",
            ),
            (
                Kind::Permit,
                "giấy phép hoạt động đối với phòng khám chuyên khoa",
            ),
            (Kind::Permit, "giấy phép hành nghề khám bệnh, chữa bệnh"),
            (
                Kind::Permit,
                "giấy phép hoạt động đối với cơ sở dịch vụ y tế",
            ),
        ],
    },
    FieldDef {
        name: "Dược phẩm",
        levels: P,
        ministry: "BYT",
        province: SYT,
        district: "",
        objects: &[
            (Kind::Permit, "chứng chỉ hành nghề dược"),
            (Kind::Permit, "giấy chứng nhận đủ điều kiện kinh doanh dược"),
            (Kind::Appraisal, "hồ sơ quảng cáo thuốc"),
        ],
    },
    FieldDef {
        name: "An toàn thực phẩm",
        levels: P | D,
        ministry: "BYT",
        province: SYT,
        district: "Phòng Y tế",
        objects: &[
            (
                Kind::Permit,
                "giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
            ),
            (Kind::Registration, "bản công bố sản phẩm"),
        ],
    },
    FieldDef {
        name: "Đất đai",
        levels: P | D | C,
        ministry: "BTNMT",
        province: STN,
        district: "Phòng Tài nguyên và Môi trường",
        objects: &[
            (
                Kind::Permit,
                "giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
            ),
            (
                Kind::Registration,
                "biến động đất đai, tài sản gắn liền với đất",
            ),
            (
                Kind::Registration,
                "đất đai, tài sản gắn liền với đất lần đầu",
            ),
            (Kind::Appraisal, "phương án sử dụng đất"),
            (Kind::Appraisal, "giá đất cụ thể"),
        ],
    },
    FieldDef {
        name: "Môi trường",
        levels: P | D,
        ministry: "BTNMT",
        province: STN,
        district: "Phòng Tài nguyên và Môi trường",
        objects: &[
            (Kind::Permit, "giấy phép môi trường"),
            (Kind::Appraisal, "báo cáo đánh giá tác động môi trường"),
            (Kind::Appraisal, "phương án cải tạo, phục hồi môi trường"),
            (Kind::Registration, "kế hoạch bảo vệ môi trường"),
        ],
    },
    FieldDef {
        name: "Tài nguyên nước",
        levels: P,
        ministry: "BTNMT",
        province: STN,
        district: "",
        objects: &[
            (Kind::Permit, "giấy phép khai thác, sử dụng nước mặt"),
            (Kind::Permit, "giấy phép thăm dò nước dưới đất"),
            (Kind::Permit, "giấy phép xả nước thải vào nguồn nước"),
        ],
    },
    FieldDef {
        name: "Thành lập và hoạt động doanh nghiệp",
        levels: P,
        ministry: "BKHĐT",
        province: SKH,
        district: "",
        objects: &[
            (Kind::Enterprise, "doanh nghiệp tư nhân"),
            (
                Kind::Enterprise,
                "công ty trách nhiệm hữu hạn một thành viên",
            ),
            (
                Kind::Enterprise,
                "công ty trách nhiệm hữu hạn hai thành viên trở lên",
            ),
            (Kind::Enterprise, "công ty cổ phần"),
            (
                Kind::Enterprise,
                "chi nhánh, văn phòng đại diện, địa điểm kinh doanh",
            ),
        ],
    },
    FieldDef {
        name: "Thành lập và hoạt động của hộ kinh doanh",
        levels: D | C,
        ministry: "BKHĐT",
        province: SKH,
        district: "Phòng Tài chính - Kế hoạch",
        objects: &[
            (Kind::Enterprise, "hộ kinh doanh"),
            (Kind::Enterprise, "địa điểm kinh doanh của hộ kinh doanh"),
        ],
    },
    FieldDef {
        name: "Thành lập và hoạt động của hợp tác xã",
        levels: P | D,
        ministry: "BKHĐT",
        province: SKH,
        district: "Phòng Tài chính - Kế hoạch",
        objects: &[
            (Kind::Enterprise, "hợp tác xã"),
            (Kind::Enterprise, "liên hiệp hợp tác xã"),
        ],
    },
    FieldDef {
        name: "Du lịch",
        levels: P,
        ministry: "BVHTTDL",
        province: SVH,
        district: "",
        objects: &[
            (Kind::Permit, "giấy phép kinh doanh dịch vụ lữ hành nội địa"),
            (Kind::Permit, "giấy phép kinh doanh dịch vụ lữ hành quốc tế"),
            (Kind::Permit, "thẻ hướng dẫn viên du lịch"),
            (Kind::Recognition, "hạng cơ sở lưu trú du lịch"),
            (Kind::Recognition, "điểm du lịch"),
        ],
    },
    FieldDef {
        name: "Văn hóa",
        levels: P | D | C,
        ministry: "BVHTTDL",
        province: SVH,
        district: "Phòng Văn hóa và Thông tin",
        objects: &[
            (Kind::Permit, "giấy phép kinh doanh dịch vụ karaoke"),
            (Kind::Permit, "giấy phép tổ chức biểu diễn nghệ thuật"),
            (Kind::Award, "danh hiệu Gia đình văn hóa"),
            (Kind::Award, "danh hiệu Khu dân cư văn hóa"),
            (Kind::Registration, "tổ chức lễ hội"),
        ],
    },
    FieldDef {
        name: "Thể dục thể thao",
        levels: P,
        ministry: "BVHTTDL",
        province: SVH,
        district: "",
        objects: &[
            (
                Kind::Permit,
                "giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao",
            ),
            (Kind::Organization, "câu lạc bộ thể thao chuyên nghiệp"),
        ],
    },
    FieldDef {
        name: "Lưu thông hàng hóa trong nước",
        levels: P | D,
        ministry: "BCT",
        province: SCT,
        district: "Phòng Kinh tế",
        objects: &[
            (Kind::Permit, "giấy phép bán lẻ sản phẩm rượu"),
            (Kind::Permit, "giấy phép bán lẻ sản phẩm thuốc lá"),
            (Kind::Permit, "giấy phép bán buôn sản phẩm rượu"),
            (
                Kind::Permit,
                "giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu",
            ),
        ],
    },
    FieldDef {
        name: "Điện",
        levels: P,
        ministry: "BCT",
        province: SCT,
        district: "",
        objects: &[(Kind::Permit, "giấy phép hoạt động điện lực")],
    },
    FieldDef {
        name: "Việc làm",
        levels: P,
        ministry: "BLĐTBXH",
        province: SLD,
        district: "",
        objects: &[
            (
                Kind::Permit,
                "giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
            ),
            (Kind::Permit, "giấy phép hoạt động dịch vụ việc làm"),
            (Kind::Benefit, "trợ cấp thất nghiệp"),
        ],
    },
    FieldDef {
        name: "Người có công",
        levels: P | D | C,
        ministry: "BLĐTBXH",
        province: SLD,
        district: "Phòng Lao động - Thương binh và Xã hội",
        objects: &[
            (
                Kind::Benefit,
                "chế độ ưu đãi đối với người hoạt động kháng chiến",
            ),
            (Kind::Benefit, "trợ cấp thờ cúng liệt sĩ"),
            (Kind::Benefit, "chế độ mai táng phí"),
            (
                Kind::Benefit,
                "trợ cấp một lần đối với thân nhân người có công",
            ),
        ],
    },
    FieldDef {
        name: "Bảo trợ xã hội",
        levels: P | D | C,
        ministry: "BLĐTBXH",
        province: ["Sở Lao động - Thương binh và Xã hội", "Sở Y tế"],
        district: "Phòng Lao động - Thương binh và Xã hội",
        objects: &[
            (Kind::Benefit, "trợ cấp xã hội hằng tháng"),
            (
                Kind::Benefit,
                "hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng",
            ),
            (Kind::Benefit, "hỗ trợ chi phí mai táng"),
            (Kind::Organization, "cơ sở trợ giúp xã hội"),
            (Kind::Recognition, "hộ nghèo, hộ cận nghèo"),
        ],
    },
    FieldDef {
        name: "Đường bộ",
        levels: P,
        ministry: "BGTVT",
        province: ["Sở Giao thông vận tải", "Sở Xây dựng"],
        district: "",
        objects: &[
            (Kind::Permit, "giấy phép lái xe"),
            (Kind::Permit, "giấy phép kinh doanh vận tải bằng xe ô tô"),
            (Kind::Permit, "phù hiệu xe ô tô kinh doanh vận tải"),
            (
                Kind::Permit,
                "giấy phép thi công công trình trên đường bộ đang khai thác",
            ),
        ],
    },
    FieldDef {
        name: "Thú y",
        levels: P,
        ministry: "BNNPTNT",
        province: SNN,
        district: "",
        objects: &[
            (Kind::Permit, "giấy chứng nhận điều kiện vệ sinh thú y"),
            (Kind::Permit, "chứng chỉ hành nghề thú y"),
        ],
    },
    FieldDef {
        name: "Thủy sản",
        levels: P,
        ministry: "BNNPTNT",
        province: SNN,
        district: "",
        objects: &[
            (Kind::Permit, "giấy phép khai thác thủy sản"),
            (Kind::Registration, "tàu cá"),
        ],
    },
    FieldDef {
        name: "Lâm nghiệp",
        levels: P | D,
        ministry: "BNNPTNT",
        province: SNN,
        district: "Phòng Nông nghiệp và Phát triển nông thôn",
        objects: &[
            (Kind::Appraisal, "phương án quản lý rừng bền vững"),
            (Kind::Permit, "giấy phép khai thác lâm sản"),
        ],
    },
    FieldDef {
        name: "Tín ngưỡng, tôn giáo",
        levels: P | D | C,
        ministry: "BNV",
        province: ["Sở Nội vụ", "Sở Dân tộc và Tôn giáo"],
        district: "Phòng Nội vụ",
        objects: &[
            (Kind::Registration, "hoạt động tín ngưỡng"),
            (Kind::Registration, "sinh hoạt tôn giáo tập trung"),
            (
                Kind::Registration,
                "người phụ trách nhóm sinh hoạt tôn giáo tập trung",
            ),
            (Kind::Recognition, "tổ chức tôn giáo cơ sở"),
        ],
    },
    FieldDef {
        name: "Thi đua, khen thưởng",
        levels: P | D | C,
        ministry: "BNV",
        province: SNV,
        district: "Phòng Nội vụ",
        objects: &[
            (Kind::Award, "danh hiệu Lao động tiên tiến"),
            (Kind::Award, "danh hiệu Chiến sĩ thi đua cơ sở"),
            (Kind::Award, "danh hiệu Tập thể lao động xuất sắc"),
        ],
    },
    FieldDef {
        name: "Giải quyết khiếu nại",
        levels: P | D | C,
        ministry: "TTCP",
        province: ["Thanh tra tỉnh", "Thanh tra tỉnh"],
        district: "Thanh tra huyện",
        objects: &[
            (Kind::Complaint, "khiếu nại lần đầu"),
            (Kind::Complaint, "khiếu nại lần hai"),
        ],
    },
    FieldDef {
        name: "Giải quyết tố cáo",
        levels: P | D | C,
        ministry: "TTCP",
        province: ["Thanh tra tỉnh", "Thanh tra tỉnh"],
        district: "Thanh tra huyện",
        objects: &[
            (Kind::Complaint, "tố cáo"),
            (Kind::Complaint, "tố cáo tiếp"),
        ],
    },
    FieldDef {
        name: "Xuất bản, in và phát hành",
        levels: P,
        ministry: "BTTTT",
        province: [
            "Sở Thông tin và Truyền thông",
            "Sở Văn hóa, Thể thao và Du lịch",
        ],
        district: "",
        objects: &[
            (Kind::Permit, "giấy phép xuất bản tài liệu không kinh doanh"),
            (Kind::Permit, "giấy phép hoạt động in"),
            (
                Kind::Permit,
                "giấy phép nhập khẩu xuất bản phẩm không kinh doanh",
            ),
        ],
    },
    FieldDef {
        name: "Tổ chức phi chính phủ",
        levels: P | D,
        ministry: "BNV",
        province: SNV,
        district: "Phòng Nội vụ",
        objects: &[
            (Kind::Organization, "hội"),
            (Kind::Organization, "quỹ xã hội, quỹ từ thiện"),
        ],
    },
];

const PROCESSING_TIMES: &[&str] = &[
    "Trong ngày làm việc",
    "01 ngày làm việc",
    "02 ngày làm việc",
    "03 ngày làm việc",
    "05 ngày làm việc",
    "07 ngày làm việc",
    "10 ngày làm việc",
    "15 ngày làm việc",
    "20 ngày làm việc",
    "15 ngày",
    "20 ngày",
    "30 ngày",
    "45 ngày",
    "60 ngày",
];

const FEES: &[&str] = &[
    "Không",
    "Không quy định",
    "Miễn phí",
    "Miễn lệ phí",
    "Theo quy định của HĐND tỉnh",
    "2.000 đồng/trang",
    "8.000 đồng/trang",
    "10.000 đồng/trường hợp",
    "50.000 đồng/hồ sơ",
    "50.000 đồng/lần",
    "75.000 đồng/giấy phép",
    "100.000 đồng/giấy phép",
    "150.000 đồng/chứng chỉ",
    "200.000 đồng/lần",
    "500.000 đồng/hồ sơ",
    "1.200.000 đồng/giấy phép",
    "3.000.000 đồng/giấy phép",
    "4.300.000 đồng/lần",
];

// ---------------------------------------------------------------------------------------
// Timeline

const START_YEAR: i32 = 2010;
const END_YEAR: i32 = 2026;

/// Provincial departments merged: agencies named after the merger from this day.
fn merger_day() -> i32 {
    days_from_civil(2025, 3, 1)
}

/// The district level ends on this day.
fn abolition_day() -> i32 {
    days_from_civil(2025, 7, 1)
}

fn abolition_signed() -> i32 {
    days_from_civil(2025, 6, 20)
}

/// Decisions a year for a history of `rows` rows: about 100 at 20,000 rows, 250 at 1,000,000.
fn decisions_per_year(rows: u64) -> u64 {
    if rows >= 20_000 {
        (100 + (rows - 20_000) * 150 / 980_000).min(250)
    } else {
        (rows / 200).max(1)
    }
}

// ---------------------------------------------------------------------------------------
// State

/// One procedure code and its entries at the three levels.
struct Proc {
    code: u32,
    field: u8,
    object: u8,
    verb: u8,
    qualifier: u8,
    /// Levels in force.
    mask: u8,
    /// Effective date of the latest change per level.
    last_eff: [i32; 3],
    /// Serial of the latest decision that named the entry, per level.
    named: [u32; 3],
    /// Position in `in_force[level]` while in force.
    pos: [u32; 3],
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Action {
    Added,
    Amended,
    Replaced,
    Repealed,
}

impl Action {
    fn word(self) -> &'static str {
        match self {
            Action::Added => "added",
            Action::Amended => "amended",
            Action::Replaced => "replaced",
            Action::Repealed => "repealed",
        }
    }
}

/// Cells of an amendment: which of name, agency, processing time, fee, legal basis change.
const AMEND_NAME: u8 = 1;
const AMEND_AGENCY: u8 = 2;
const AMEND_TIME: u8 = 4;
const AMEND_FEE: u8 = 8;
const AMEND_BASIS: u8 = 16;

/// A decision being written: its first three cells, and the context of its rows.
struct Decision {
    prefix: String,
    signed: i32,
    eff: i32,
}

struct Generator {
    rng: Rng,
    procs: Vec<Proc>,
    /// Bitmap of codes handed out, by `slot(code)`.
    used: Vec<u64>,
    /// Codes are `d.dddddd` with `d` in 1..=3 and the six digits in `1..=span`.
    span: u32,
    in_force: [Vec<u32>; 3],
    procedures: u64,
    /// Fields usable at each level mask (index = mask).
    fields_for: [Vec<u8>; 8],
    serial: u32,
    abolished: bool,
    rows_total: u64,
    rows_written: u64,
    baseline_entries: u64,
    final_entries: u64,
    number_year: i32,
    number: u64,
    number_gap: u64,
    decisions: u64,
    changes: u64,
    /// Entry changes per action and per level.
    actions: [u64; 4],
    levels: [u64; 3],
    first_signed: Option<i32>,
    last_eff: Option<i32>,
    line: String,
}

impl Generator {
    fn new(cfg: &Config) -> Self {
        let rows = cfg.rows;
        let final_entries = rows * 6 / 100 + 800;
        let baseline_entries = (final_entries * 85 / 100).min(rows / 3).max(1);
        let span = rows.clamp(20_000, 999_999) as u32;
        let mut fields_for: [Vec<u8>; 8] = Default::default();
        for (mask, list) in fields_for.iter_mut().enumerate() {
            for (i, f) in FIELDS.iter().enumerate() {
                if mask != 0 && f.levels & mask as u8 == mask as u8 {
                    list.push(i as u8);
                }
            }
        }
        let dpy = decisions_per_year(rows);
        Self {
            rng: Rng(cfg.seed ^ 0x7474_6863_2d67_656e),
            procs: Vec::new(),
            used: vec![0; (3 * span as usize).div_ceil(64)],
            span,
            in_force: [Vec::new(), Vec::new(), Vec::new()],
            procedures: 0,
            fields_for,
            serial: 0,
            abolished: false,
            rows_total: rows,
            rows_written: 0,
            baseline_entries,
            final_entries,
            number_year: 0,
            number: 0,
            number_gap: (3000 / dpy).max(1),
            decisions: 0,
            changes: 0,
            actions: [0; 4],
            levels: [0; 3],
            first_signed: None,
            last_eff: None,
            line: String::with_capacity(1024),
        }
    }

    fn rows_left(&self) -> u64 {
        self.rows_total - self.rows_written
    }

    fn in_force_total(&self) -> u64 {
        self.in_force.iter().map(|v| v.len() as u64).sum()
    }

    fn summary(&self) -> Summary {
        let [province, district, commune] = self.in_force.each_ref().map(|v| v.len() as u64);
        Summary {
            rows: self.rows_written,
            decisions: self.decisions,
            changes: self.changes,
            added: self.actions[0],
            amended: self.actions[1],
            replaced: self.actions[2],
            repealed: self.actions[3],
            changed_province: self.levels[0],
            changed_district: self.levels[1],
            changed_commune: self.levels[2],
            province,
            district,
            commune,
            total: province + district + commune,
            procedures: self.procedures,
            district_abolished: self.abolished,
            first_signed: self.first_signed.map(iso).unwrap_or_default(),
            last_effective: self.last_eff.map(iso).unwrap_or_default(),
        }
    }

    // -- the timeline ------------------------------------------------------------------

    fn run(&mut self, out: &mut impl Write) -> io::Result<()> {
        if self.rows_total == 0 {
            return Ok(());
        }
        let dpy = decisions_per_year(self.rows_total);
        let slots_total = dpy * (END_YEAR - START_YEAR + 1) as u64;
        let mut slot_index = 0;
        for year in START_YEAR..=END_YEAR {
            let jan1 = days_from_civil(year, 1, 1);
            let len = days_from_civil(year + 1, 1, 1) - jan1;
            for k in 0..dpy {
                let spacing = (i64::from(len) / dpy as i64).max(1);
                let day = jan1
                    + (k as i64 * i64::from(len) / dpy as i64) as i32
                    + self.rng.below(spacing as u64) as i32;
                // no decisions on New Year's Day and the day after
                let signed = weekday_in_year(
                    day.clamp(jan1 + 2, jan1 + len - 1),
                    jan1 + 2,
                    jan1 + len - 1,
                );
                if !self.abolished && signed >= abolition_signed() {
                    self.abolish(out)?;
                }
                if self.rows_left() == 0 {
                    return Ok(());
                }
                if slot_index == 0 {
                    self.baseline(out, signed)?;
                } else {
                    self.normal(out, signed, slots_total - slot_index)?;
                }
                slot_index += 1;
            }
        }
        if !self.abolished {
            self.abolish(out)?;
        }
        if self.rows_left() > 0 {
            // Unreachable in practice (the last slot takes what is left); kept for exactness.
            let last = days_from_civil(END_YEAR, 12, 31);
            self.normal(out, weekday_in_year(last, last - 364, last), 1)?;
        }
        Ok(())
    }

    fn next_number(&mut self, signed: i32) -> u64 {
        let (year, _, _) = civil_from_days(signed);
        if year != self.number_year {
            self.number_year = year;
            self.number = self.rng.below(self.number_gap * 2);
        }
        self.number += 1 + self.rng.below(2 * self.number_gap - 1);
        self.number
    }

    fn open(&mut self, signed: i32, eff: i32) -> Decision {
        let number = self.next_number(signed);
        self.serial += 1;
        self.decisions += 1;
        self.first_signed.get_or_insert(signed);
        let mut prefix = String::with_capacity(40);
        push_num(&mut prefix, number, 1);
        prefix.push_str("/QĐ-UBND,");
        push_date(&mut prefix, signed);
        prefix.push(',');
        Decision {
            prefix,
            signed,
            eff,
        }
    }

    fn effective_for(&mut self, signed: i32) -> i32 {
        let r = self.rng.below(100);
        if r < 12 {
            // retroactive: published after the rules it announces took effect
            signed - self.rng.range(1, 14) as i32
        } else if r < 27 {
            // scheduled: the first day of a month one to three months ahead
            let (y, m, _) = civil_from_days(signed);
            let ahead = m + 1 + self.rng.below(3) as u32;
            days_from_civil(y + ((ahead - 1) / 12) as i32, (ahead - 1) % 12 + 1, 1)
        } else {
            signed + self.rng.below(16) as i32
        }
    }

    fn baseline(&mut self, out: &mut impl Write, signed: i32) -> io::Result<()> {
        let dec = self.open(signed, signed + 10);
        let rows = self.baseline_entries.min(self.rows_left());
        for i in 0..rows {
            // grouped like a real annex: province, then district, then commune
            let levels = if i < rows * 60 / 100 {
                P
            } else if i < rows * 82 / 100 {
                D
            } else if self.rng.percent(15) {
                if self.rng.percent(50) { P | C } else { D | C }
            } else {
                C
            };
            self.add_new(out, &dec, levels)?;
        }
        Ok(())
    }

    /// A decision of the regular stream; `slots_left` counts this one.
    fn normal(&mut self, out: &mut impl Write, signed: i32, slots_left: u64) -> io::Result<()> {
        let rows_left = self.rows_left();
        let district = self.in_force[1].len() as u64;
        // Before the abolition, keep enough rows for it: it repeals every district entry
        // and may add one entry elsewhere for each; a row adds at most one district entry.
        let cap = if self.abolished {
            rows_left
        } else {
            rows_left.saturating_sub(2 * district) / 3
        };
        let size = if slots_left <= 1 {
            cap
        } else {
            let avail = if self.abolished {
                rows_left
            } else {
                rows_left.saturating_sub(2 * district)
            };
            let factor = match self.rng.below(10) {
                0 | 1 => 100 + self.rng.below(300),
                2 => 1600 + self.rng.below(2400),
                _ => 400 + self.rng.below(1200),
            };
            let num = u128::from(avail) * u128::from(factor);
            let den = 1000 * u128::from(slots_left);
            let extra = u128::from(self.rng.below(den as u64)) < num % den;
            (num / den) as u64 + u64::from(extra)
        }
        .min(cap);
        if size == 0 {
            return Ok(());
        }
        let eff = self.effective_for(signed);
        let dec = self.open(signed, eff);
        for _ in 0..size {
            self.regular_row(out, &dec)?;
        }
        Ok(())
    }

    /// The decision that ends the district level on 2025-07-01.
    fn abolish(&mut self, out: &mut impl Write) -> io::Result<()> {
        self.abolished = true;
        let mut district = self.in_force[1].clone();
        if district.is_empty() || self.rows_left() < 2 * district.len() as u64 {
            return Ok(());
        }
        let day = abolition_day();
        let dec = self.open(abolition_signed(), day);
        district.sort_unstable_by_key(|&i| self.procs[i as usize].code);
        for &i in &district {
            self.emit(out, &dec, day, Action::Repealed, i, D, None)?;
        }
        for &i in &district {
            let p = &self.procs[i as usize];
            let levels = FIELDS[p.field as usize].levels;
            let target = if self.rng.percent(70) {
                C
            } else if self.rng.percent(40) {
                P
            } else {
                continue;
            };
            if levels & target != 0 && p.mask & target == 0 && self.usable(i, target, day) {
                self.emit(out, &dec, day, Action::Added, i, target, None)?;
            }
        }
        Ok(())
    }

    // -- rows ----------------------------------------------------------------------------

    /// Levels a row taking effect on `eff` may name.
    fn allowed_levels(&self, eff: i32) -> u8 {
        if self.abolished || eff >= abolition_day() {
            P | C
        } else {
            P | D | C
        }
    }

    /// Whether the entry (proc, level) may be named by the current decision on `eff`.
    fn usable(&self, i: u32, level: u8, eff: i32) -> bool {
        let l = level_index(level);
        let p = &self.procs[i as usize];
        p.last_eff[l] <= eff && p.named[l] != self.serial
    }

    fn regular_row(&mut self, out: &mut impl Write, dec: &Decision) -> io::Result<()> {
        let eff = dec.eff;
        let target = self.target_entries(eff);
        let current = self.in_force_total() as i64;
        let adjust = ((target - current) * 4000 / target.max(1)).clamp(-200, 200);
        let r = self.rng.below(1000) as i64;
        let added = 260 + adjust / 2;
        let repealed = added + 210 - adjust / 2;
        let replaced = repealed + 150;
        let action = if r < added {
            Action::Added
        } else if r < repealed {
            Action::Repealed
        } else if r < replaced {
            Action::Replaced
        } else {
            Action::Amended
        };
        if action != Action::Added
            && let Some((i, levels)) = self.pick(eff)
        {
            return match action {
                Action::Repealed => {
                    let mut row_eff = eff;
                    if self.rng.percent(4) {
                        // a repeal scheduled on its own later date
                        let later = eff + self.rng.range(30, 90) as i32;
                        if levels & D == 0 || later < abolition_day() {
                            row_eff = later;
                        }
                    }
                    self.emit(out, dec, row_eff, Action::Repealed, i, levels, None)
                }
                Action::Replaced => self.replace(out, dec, i, levels),
                _ => self.emit(out, dec, eff, Action::Amended, i, levels, None),
            };
        }
        if self.rng.percent(12)
            && let Some((i, level)) = self.pick_readd(eff)
        {
            return self.emit(out, dec, eff, Action::Added, i, level, None);
        }
        let allowed = self.allowed_levels(eff);
        let levels = if self.rng.percent(4) {
            if allowed & D != 0 && self.rng.percent(40) {
                D | C
            } else {
                P | C
            }
        } else {
            let r = self.rng.below(100);
            if allowed & D != 0 {
                if r < 55 {
                    P
                } else if r < 80 {
                    D
                } else {
                    C
                }
            } else if r < 62 {
                P
            } else {
                C
            }
        };
        self.add_new(out, dec, levels)
    }

    /// Entries in force the history aims at on `day` (a straight line from the baseline).
    fn target_entries(&self, day: i32) -> i64 {
        let start = i64::from(days_from_civil(START_YEAR, 1, 1));
        let end = i64::from(days_from_civil(END_YEAR, 12, 31));
        let t = (i64::from(day) - start).clamp(0, end - start);
        let b = self.baseline_entries as i64;
        let f = self.final_entries as i64;
        b + (f - b) * t / (end - start)
    }

    /// A random entry in force that the current decision may name on `eff`, sometimes
    /// with a second level of the same code.
    fn pick(&mut self, eff: i32) -> Option<(u32, u8)> {
        let allowed = self.allowed_levels(eff);
        let sizes: [u64; 3] = std::array::from_fn(|l| {
            if allowed & LEVEL_BITS[l] == 0 {
                0
            } else {
                self.in_force[l].len() as u64
            }
        });
        let total: u64 = sizes.iter().sum();
        if total == 0 {
            return None;
        }
        for _ in 0..8 {
            let mut r = self.rng.below(total);
            let mut l = 0;
            while r >= sizes[l] {
                r -= sizes[l];
                l += 1;
            }
            let i = self.in_force[l][r as usize];
            if !self.usable(i, LEVEL_BITS[l], eff) {
                continue;
            }
            let mut levels = LEVEL_BITS[l];
            let mask = self.procs[i as usize].mask & allowed & !levels;
            for bit in LEVEL_BITS {
                if mask & bit != 0 && self.usable(i, bit, eff) && self.rng.percent(35) {
                    levels |= bit;
                    break;
                }
            }
            return Some((i, levels));
        }
        None
    }

    /// An existing code to add again at a level where it is not in force.
    fn pick_readd(&mut self, eff: i32) -> Option<(u32, u8)> {
        if self.procs.is_empty() {
            return None;
        }
        let i = self.rng.index(self.procs.len()) as u32;
        let p = &self.procs[i as usize];
        let free = FIELDS[p.field as usize].levels & self.allowed_levels(eff) & !p.mask;
        LEVEL_BITS
            .into_iter()
            .find(|&bit| free & bit != 0 && self.usable(i, bit, eff))
            .map(|bit| (i, bit))
    }

    fn add_new(&mut self, out: &mut impl Write, dec: &Decision, levels: u8) -> io::Result<()> {
        let candidates = &self.fields_for[levels as usize];
        let field = candidates[self.rng.index(candidates.len())];
        let i = self.new_proc(field);
        self.emit(out, dec, dec.eff, Action::Added, i, levels, None)
    }

    fn replace(
        &mut self,
        out: &mut impl Write,
        dec: &Decision,
        old: u32,
        levels: u8,
    ) -> io::Result<()> {
        let old_code = self.procs[old as usize].code;
        let new = if self.rng.percent(2) {
            old // the same code, replaced in place by a new version
        } else {
            let field = self.procs[old as usize].field;
            self.new_proc(field)
        };
        self.emit(
            out,
            dec,
            dec.eff,
            Action::Replaced,
            new,
            levels,
            Some((old, old_code)),
        )
    }

    /// A procedure with a fresh code in `field`, not yet in force anywhere.
    fn new_proc(&mut self, field: u8) -> u32 {
        let code = self.fresh_code();
        let f = &FIELDS[field as usize];
        let object = self.rng.index(f.objects.len()) as u8;
        let kind = f.objects[object as usize].0;
        let verb = self.rng.index(kind.verbs().len()) as u8;
        let qualifier = self.rng.index(kind.qualifiers().len()) as u8;
        self.procs.push(Proc {
            code,
            field,
            object,
            verb,
            qualifier,
            mask: 0,
            last_eff: [i32::MIN; 3],
            named: [0; 3],
            pos: [0; 3],
        });
        (self.procs.len() - 1) as u32
    }

    fn fresh_code(&mut self) -> u32 {
        let span = u64::from(self.span);
        let first = match self.rng.below(100) {
            0..70 => 0,
            70..95 => 1,
            _ => 2,
        };
        let mut slot = first * span + self.rng.below(span);
        for _ in 0..32 {
            if self.used[(slot / 64) as usize] & (1 << (slot % 64)) == 0 {
                break;
            }
            slot = first * span + self.rng.below(span);
        }
        // crowded: probe forward (the space is three times the rows, so a free slot exists)
        while self.used[(slot / 64) as usize] & (1 << (slot % 64)) != 0 {
            slot = (slot + 1) % (3 * span);
        }
        self.used[(slot / 64) as usize] |= 1 << (slot % 64);
        ((slot / span + 1) * 1_000_000 + slot % span + 1) as u32
    }

    // -- state and output ------------------------------------------------------------------

    fn set_in_force(&mut self, i: u32, l: usize) {
        let p = &mut self.procs[i as usize];
        if p.mask == 0 {
            self.procedures += 1;
        }
        p.mask |= LEVEL_BITS[l];
        p.pos[l] = self.in_force[l].len() as u32;
        self.in_force[l].push(i);
    }

    fn set_repealed(&mut self, i: u32, l: usize) {
        let pos = self.procs[i as usize].pos[l] as usize;
        self.in_force[l].swap_remove(pos);
        if let Some(&moved) = self.in_force[l].get(pos) {
            self.procs[moved as usize].pos[l] = pos as u32;
        }
        let p = &mut self.procs[i as usize];
        p.mask &= !LEVEL_BITS[l];
        if p.mask == 0 {
            self.procedures -= 1;
        }
    }

    fn touch(&mut self, i: u32, l: usize, eff: i32) {
        let p = &mut self.procs[i as usize];
        debug_assert!(p.last_eff[l] <= eff && p.named[l] != self.serial);
        p.last_eff[l] = eff;
        p.named[l] = self.serial;
    }

    /// Applies one row to the state and writes it.
    #[allow(clippy::too_many_arguments)]
    fn emit(
        &mut self,
        out: &mut impl Write,
        dec: &Decision,
        eff: i32,
        action: Action,
        i: u32,
        levels: u8,
        replaces: Option<(u32, u32)>,
    ) -> io::Result<()> {
        for (l, &bit) in LEVEL_BITS.iter().enumerate() {
            if levels & bit == 0 {
                continue;
            }
            self.changes += 1;
            self.actions[action as usize] += 1;
            self.levels[l] += 1;
            match action {
                Action::Added => {
                    debug_assert!(self.procs[i as usize].mask & bit == 0);
                    self.set_in_force(i, l);
                }
                Action::Repealed => {
                    debug_assert!(self.procs[i as usize].mask & bit != 0);
                    self.set_repealed(i, l);
                }
                Action::Amended => debug_assert!(self.procs[i as usize].mask & bit != 0),
                Action::Replaced => {
                    if let Some((old, _)) = replaces
                        && old != i
                    {
                        debug_assert!(self.procs[old as usize].mask & bit != 0);
                        self.set_repealed(old, l);
                        self.touch(old, l, eff);
                        debug_assert!(self.procs[i as usize].mask & bit == 0);
                        self.set_in_force(i, l);
                    }
                }
            }
            self.touch(i, l, eff);
        }
        self.rows_written += 1;
        self.last_eff = Some(self.last_eff.map_or(eff, |d| d.max(eff)));
        debug_assert!(
            levels & D == 0
                || eff < abolition_day()
                || (eff == abolition_day() && action == Action::Repealed)
        );
        self.write_row(
            out,
            dec,
            eff,
            action,
            i,
            levels,
            replaces.map(|(_, code)| code),
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn write_row(
        &mut self,
        out: &mut impl Write,
        dec: &Decision,
        eff: i32,
        action: Action,
        i: u32,
        levels: u8,
        replaces: Option<u32>,
    ) -> io::Result<()> {
        let mut line = std::mem::take(&mut self.line);
        line.clear();
        line.push_str(&dec.prefix);
        push_date(&mut line, eff);
        line.push(',');
        line.push_str(action.word());
        line.push(',');
        let code = self.procs[i as usize].code;
        push_code(&mut line, code);
        line.push(',');
        let mut first = true;
        for (l, &bit) in LEVEL_BITS.iter().enumerate() {
            if levels & bit != 0 {
                if !first {
                    line.push(';');
                }
                line.push_str(LEVEL_NAMES[l]);
                first = false;
            }
        }
        let cells = match action {
            Action::Added | Action::Replaced => {
                AMEND_NAME | AMEND_AGENCY | AMEND_TIME | AMEND_FEE | AMEND_BASIS
            }
            Action::Repealed => 0,
            Action::Amended => self.amended_cells(i),
        };
        self.push_content(
            &mut line,
            dec,
            eff,
            i,
            levels,
            cells,
            action != Action::Amended && cells != 0,
        );
        line.push(',');
        if let Some(old) = replaces {
            push_code(&mut line, old);
        }
        line.push('\n');
        let result = out.write_all(line.as_bytes());
        self.line = line;
        result
    }

    /// Chooses the cells an amendment changes (one to three); a new name gets a new qualifier.
    fn amended_cells(&mut self, i: u32) -> u8 {
        let mut cells = 0;
        for _ in 0..=self.rng.below(3) {
            cells |= 1 << self.rng.below(5);
        }
        if cells & AMEND_NAME != 0 {
            let p = &self.procs[i as usize];
            let kind = FIELDS[p.field as usize].objects[p.object as usize].0;
            let q = self.rng.index(kind.qualifiers().len()) as u8;
            self.procs[i as usize].qualifier = q;
        }
        cells
    }

    /// Pushes the cells name, field, agency, processing time, fee and legal basis.
    #[allow(clippy::too_many_arguments)]
    fn push_content(
        &mut self,
        line: &mut String,
        dec: &Decision,
        eff: i32,
        i: u32,
        levels: u8,
        cells: u8,
        with_field: bool,
    ) {
        let p = &self.procs[i as usize];
        let f = &FIELDS[p.field as usize];
        let mut cell = String::new();
        if cells & AMEND_NAME != 0 {
            let (kind, object) = f.objects[p.object as usize];
            cell.push_str(kind.verbs()[p.verb as usize]);
            cell.push(' ');
            cell.push_str(object);
            let q = kind.qualifiers()[p.qualifier as usize];
            if !q.is_empty() {
                cell.push(' ');
                cell.push_str(q);
            }
        }
        push_cell(line, &cell);
        push_cell(line, if with_field { f.name } else { "" });
        cell.clear();
        if cells & AMEND_AGENCY != 0 {
            self.agency(&mut cell, f, levels, eff);
        }
        push_cell(line, &cell);
        let time = if cells & AMEND_TIME != 0 {
            PROCESSING_TIMES[self.rng.index(PROCESSING_TIMES.len())]
        } else {
            ""
        };
        push_cell(line, time);
        let fee = if cells & AMEND_FEE != 0 {
            FEES[self.rng.index(FEES.len())]
        } else {
            ""
        };
        push_cell(line, fee);
        cell.clear();
        if cells & AMEND_BASIS != 0 {
            self.legal_basis(&mut cell, f, dec.signed);
        }
        push_cell(line, &cell);
    }

    fn agency(&mut self, cell: &mut String, f: &FieldDef, levels: u8, eff: i32) {
        if levels & P != 0 {
            cell.push_str(f.province[usize::from(eff >= merger_day())]);
            if self.rng.percent(12) {
                cell.push_str(" (Trung tâm Phục vụ hành chính công)");
            }
        }
        if levels & D != 0 {
            if !cell.is_empty() {
                cell.push_str(", ");
            }
            cell.push_str("UBND cấp huyện");
            if !f.district.is_empty() && self.rng.percent(60) {
                cell.push_str(" (");
                cell.push_str(f.district);
                cell.push(')');
            }
        }
        if levels & C != 0 {
            if !cell.is_empty() {
                cell.push_str(", ");
            }
            cell.push_str("UBND cấp xã");
        }
    }

    fn legal_basis(&mut self, cell: &mut String, f: &FieldDef, signed: i32) {
        let (year, _, _) = civil_from_days(signed);
        let parts = if self.rng.percent(25) { 2 } else { 1 };
        for k in 0..parts {
            if k > 0 {
                cell.push_str("; ");
            }
            let y = year - self.rng.below(5) as i32;
            let (prefix, max, suffix) = match self.rng.below(20) {
                0..9 => ("Nghị định số ", 350, "/NĐ-CP"),
                9..15 => ("Thông tư số ", 60, ""),
                15..18 => ("Luật số ", 90, ""),
                18 => ("Quyết định số ", 60, "/QĐ-TTg"),
                _ => ("Nghị quyết số ", 40, "/NQ-HĐND"),
            };
            cell.push_str(prefix);
            push_num(cell, 1 + self.rng.below(max), 2);
            cell.push('/');
            push_num(cell, y as u64, 4);
            match prefix {
                "Thông tư số " => {
                    cell.push_str("/TT-");
                    cell.push_str(f.ministry);
                }
                "Luật số " => {
                    // the National Assembly's term in that year
                    let term = match y {
                        ..2012 => "/QH12",
                        2012..2017 => "/QH13",
                        2017..2022 => "/QH14",
                        _ => "/QH15",
                    };
                    cell.push_str(term);
                }
                _ => cell.push_str(suffix),
            }
        }
    }
}

fn level_index(level: u8) -> usize {
    match level {
        P => 0,
        D => 1,
        _ => 2,
    }
}

fn push_code(line: &mut String, code: u32) {
    push_num(line, u64::from(code / 1_000_000), 1);
    line.push('.');
    push_num(line, u64::from(code % 1_000_000), 6);
}

/// The nearest working day to `day` within `[first, last]`: Saturday and Sunday move to the
/// next Monday, or back to Friday at the end of the year. Monotonic in `day`.
fn weekday_in_year(day: i32, first: i32, last: i32) -> i32 {
    let weekday = (day + 3).rem_euclid(7); // 0 = Monday
    let shifted = match weekday {
        5 => day + 2,
        6 => day + 1,
        _ => day,
    };
    if shifted <= last {
        shifted
    } else {
        (day - (weekday - 4)).max(first)
    }
}
