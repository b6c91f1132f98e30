//! Text encodings of CSV files: UTF-8 with or without a byte-order mark,
//! UTF-16, Windows-1258 on request, and the legacy Vietnamese encodings
//! (TCVN3, VNI) that are recognized and refused with advice, never decoded
//! into garbled text.

use std::fmt;
use std::io::{self, Read};

use encoding_rs::{Decoder, DecoderResult, Encoding};

/// An encoding a CSV file is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1258,
}

impl std::str::FromStr for TextEncoding {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, String> {
        TextEncoding::parse(name)
    }
}

impl TextEncoding {
    /// Reads an `--encoding` value: utf-8, utf-16le, utf-16be or windows-1258
    /// (also cp1258). TCVN3 and VNI are refused with the way to convert them.
    pub fn parse(name: &str) -> Result<TextEncoding, String> {
        let key: String = name
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        match key.as_str() {
            "utf8" => Ok(TextEncoding::Utf8),
            "utf16le" | "utf16" => Ok(TextEncoding::Utf16Le),
            "utf16be" => Ok(TextEncoding::Utf16Be),
            "windows1258" | "cp1258" | "1258" => Ok(TextEncoding::Windows1258),
            "tcvn3" | "tcvn" | "abc" | "vni" | "vniwindows" => Err(crate::tr!(
                "input-encoding-legacy",
                name = format!("{name:?}")
            )),
            _ => Err(crate::tr!(
                "input-encoding-unknown",
                name = format!("{name:?}")
            )),
        }
    }

    /// The name shown to users: `UTF-8`, `UTF-16LE`, `UTF-16BE`, `windows-1258`.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Windows1258 => "windows-1258",
        }
    }

    pub(crate) fn encoding(self) -> &'static Encoding {
        match self {
            TextEncoding::Utf8 => encoding_rs::UTF_8,
            TextEncoding::Utf16Le => encoding_rs::UTF_16LE,
            TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
            TextEncoding::Windows1258 => encoding_rs::WINDOWS_1258,
        }
    }
}

impl fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A legacy Vietnamese encoding recognized in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    Tcvn3,
    Vni,
    Windows1258,
}

impl Legacy {
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3 (ABC)",
            Legacy::Vni => "VNI",
            Legacy::Windows1258 => "Windows-1258",
        }
    }

    /// The refusal for a file whose bytes are in this encoding.
    pub(crate) fn refusal(self) -> String {
        match self {
            Legacy::Windows1258 => crate::tr!("input-looks-windows-1258"),
            _ => crate::tr!("input-looks-legacy", encoding = self.name()),
        }
    }

    /// The problem with one cell that holds such bytes read as Windows-1252.
    pub(crate) fn garbled_cell_problem(self) -> String {
        crate::tr!("input-garbled-cell", encoding = self.name())
    }

    /// The refusal for UTF-8 text that holds such bytes read as Windows-1252.
    pub(crate) fn garbled_refusal(self) -> String {
        crate::tr!("input-garbled-file", encoding = self.name())
    }
}

/// Bytes of the TCVN3 (ABC) letters: the lower-case letters with
/// diacritics and the upper-case base letters Ă Â Đ Ê Ô Ơ Ư.
const TCVN3_LETTERS: &[u8] = &[
    0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xB5, 0xB6,
    0xB7, 0xB8, 0xB9, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB, 0xCC, 0xCE, 0xCF,
    0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE, 0xDF, 0xE1, 0xE2, 0xE3,
    0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4,
    0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE,
];

/// TCVN3 bytes that no Vietnamese text in VNI or Windows-1258 holds as a
/// letter: ă â ê ô ơ ư đ and à ả ã á ạ ằ ẳ ẵ ắ, the most frequent ones.
fn tcvn3_signature(b: u8) -> bool {
    (0xA8..=0xBE).contains(&b)
}

fn is_vowel(b: u8) -> bool {
    matches!(
        b.to_ascii_lowercase(),
        b'a' | b'e' | b'i' | b'o' | b'u' | b'y'
    )
}

/// Whether `b` after `prev` is part of a VNI letter: VNI writes most
/// letters as a base letter and a mark byte (ộ = o + 0xE4).
fn vni_valid(prev: u8, b: u8) -> bool {
    // The upper-case marks are the lower-case ones less 0x20.
    let lower = if b < 0xE0 { b + 0x20 } else { b };
    match lower {
        // Single-byte letters: ơ ư đ í ì ỉ ĩ ị ỵ.
        0xF4 | 0xF6 | 0xF1 | 0xED | 0xEC | 0xE6 | 0xF3 | 0xF2 | 0xEE => true,
        // Tone marks, after a vowel or ơ ư.
        0xF9 | 0xF8 | 0xFB | 0xF5 | 0xEF => {
            is_vowel(prev) || matches!(prev, 0xF4 | 0xF6 | 0xD4 | 0xD6)
        }
        // Circumflex with or without a tone, after a e o.
        0xE0..=0xE5 => {
            matches!(prev.to_ascii_lowercase(), b'a' | b'e' | b'o')
        }
        // Breve with or without a tone, after a.
        0xEA | 0xE9 | 0xE8 | 0xFA | 0xFC | 0xEB => prev.eq_ignore_ascii_case(&b'a'),
        _ => false,
    }
}

/// Windows-1258 vowels that take a combining tone mark: â ê ô ă ơ ư.
const CP1258_VOWELS: &[u8] = &[
    0xE2, 0xEA, 0xF4, 0xE3, 0xF5, 0xFD, 0xC2, 0xCA, 0xD4, 0xC3, 0xD5, 0xDD,
];

/// Whether `b` after `prev` is part of a Windows-1258 letter: precomposed
/// letters, or a combining tone mark after a vowel.
fn cp1258_valid(prev: u8, b: u8) -> bool {
    match b {
        0xCC | 0xEC | 0xD2 | 0xDE | 0xF2 => is_vowel(prev) || CP1258_VOWELS.contains(&prev),
        0xC0..=0xC3 | 0xC8..=0xCA | 0xCD | 0xD0 | 0xD3..=0xD5 | 0xD9 | 0xDA | 0xDD => true,
        0xE0..=0xE3 | 0xE8..=0xEA | 0xED | 0xF0 | 0xF3..=0xF5 | 0xF9 | 0xFA | 0xFD => true,
        _ => false,
    }
}

/// Fewer bytes than this outside ASCII say too little to name an encoding.
const MIN_EVIDENCE: usize = 8;
/// Share of those bytes, in percent, that must form letters of the encoding.
const MIN_SHARE: usize = 85;

/// Names the legacy Vietnamese encoding of bytes that are not UTF-8, from
/// how well their bytes above 0xA0 form letters in each encoding.
pub fn detect_legacy(bytes: &[u8]) -> Option<Legacy> {
    let (mut high, mut tcvn3, mut signature, mut vni, mut cp1258) = (0, 0, 0, 0, 0);
    let mut prev = b' ';
    for &b in bytes {
        // 0x80..=0xA0 hold the same punctuation (“ ” – …) in every one of them.
        if b > 0xA0 {
            high += 1;
            tcvn3 += usize::from(TCVN3_LETTERS.contains(&b));
            signature += usize::from(tcvn3_signature(b));
            vni += usize::from(vni_valid(prev, b));
            cp1258 += usize::from(cp1258_valid(prev, b));
        }
        prev = b;
    }
    if high < MIN_EVIDENCE {
        return None;
    }
    if signature * 10 < high {
        tcvn3 = 0;
    }
    let enough = |n: usize| n * 100 >= high * MIN_SHARE;
    [
        (Legacy::Vni, vni),
        (Legacy::Tcvn3, tcvn3),
        (Legacy::Windows1258, cp1258),
    ]
    .into_iter()
    .filter(|(_, n)| enough(*n))
    .max_by_key(|(legacy, n)| (*n, std::cmp::Reverse(*legacy as u8)))
    .map(|(legacy, _)| legacy)
}

/// Names the legacy encoding of UTF-8 text that holds such a file read as
/// Windows-1252 ("Céng hßa"): only TCVN3 and VNI, whose mark bytes never
/// read as Vietnamese, and only when the text holds no genuine Vietnamese
/// letter (ă đ ơ ư, the letters of U+1EA0..U+1EF9, combining marks).
pub fn detect_garbled(text: &str) -> Option<Legacy> {
    let mut bytes = Vec::new();
    for c in text.chars() {
        if genuine_vietnamese(c) {
            return None;
        }
        // Latin-1 characters are the Windows-1252 reading of the same byte.
        bytes.push(u8::try_from(c as u32).unwrap_or(b' '));
    }
    detect_legacy(&bytes).filter(|l| *l != Legacy::Windows1258)
}

/// Whether a character is a letter of Vietnamese that Latin-1 lacks: ă đ
/// ĩ ũ ơ ư, the letters of U+1EA0..U+1EF9, or a combining mark.
fn genuine_vietnamese(c: char) -> bool {
    let n = c as u32;
    matches!(
        n,
        0x102 | 0x103 | 0x110 | 0x111 | 0x128 | 0x129 | 0x168 | 0x169
    ) || matches!(n, 0x1A0 | 0x1A1 | 0x1AF | 0x1B0)
        || (0x300..=0x323).contains(&n)
        || (0x1EA0..=0x1EF9).contains(&n)
}

/// The Latin-1 letters Vietnamese writes.
const VIETNAMESE_LATIN1: &str = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ";

/// Names the legacy encoding of one cell of Unicode text that holds TCVN3
/// or VNI bytes read as Windows-1252 ("Hé tÞch" for "Hộ tịch"), as a row
/// pasted from an old document or a sheet typed in a TCVN3 font holds, even
/// when the other cells are genuine Vietnamese.
///
/// A cell is taken for garbled when it holds no letter of Vietnamese that
/// Latin-1 lacks, at least two characters of Latin-1's upper half, among
/// them one inside a word that Vietnamese never writes (ß Ö Þ ø · ©), and
/// when those characters form letters of the encoding, as
/// [`detect_legacy`] counts them. French or German words rarely hold two
/// such characters, and never form VNI letters.
pub fn garbled_cell(text: &str) -> Option<Legacy> {
    // Latin-1's upper half is C2 A1..C3 BF in UTF-8.
    if !text.bytes().any(|b| b == 0xC2 || b == 0xC3) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut bytes = Vec::with_capacity(chars.len());
    let mut odd = 0;
    let letter = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|c| c.is_alphabetic())
    };
    for (i, &c) in chars.iter().enumerate() {
        if genuine_vietnamese(c) {
            return None;
        }
        let n = c as u32;
        bytes.push(u8::try_from(n).unwrap_or(b' '));
        if (0xA1..=0xFF).contains(&n)
            && !VIETNAMESE_LATIN1.contains(c)
            && (letter(i.checked_sub(1)) || letter(Some(i + 1)))
        {
            odd += 1;
        }
    }
    let high = bytes.iter().filter(|b| **b > 0xA0).count();
    if odd == 0 || high < 2 {
        return None;
    }
    let (mut vni, mut tcvn3) = (0, 0);
    let mut prev = b' ';
    for &b in &bytes {
        if b > 0xA0 {
            vni += usize::from(vni_valid(prev, b));
            tcvn3 += usize::from(TCVN3_LETTERS.contains(&b));
        }
        prev = b;
    }
    let enough = |n: usize| n * 100 >= high * MIN_SHARE;
    if enough(vni) {
        Some(Legacy::Vni)
    } else if enough(tcvn3) {
        Some(Legacy::Tcvn3)
    } else {
        None
    }
}

/// Whether bytes without a byte-order mark look like UTF-16 (ASCII text
/// has a zero in every other byte): little- or big-endian.
pub(crate) fn detect_utf16(sample: &[u8]) -> Option<TextEncoding> {
    let sample = &sample[..sample.len().min(1024) & !1];
    if sample.len() < 8 {
        return None;
    }
    let zeros = |start: usize| {
        sample
            .iter()
            .skip(start)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let pairs = sample.len() / 2;
    if odd * 2 >= pairs && even * 10 < odd {
        Some(TextEncoding::Utf16Le)
    } else if even * 2 >= pairs && odd * 10 < even {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// A reader that decodes its input to UTF-8 as it streams. Malformed input
/// is an `InvalidData` error naming the byte offset: never a replacement
/// character in the catalog.
pub(crate) struct Decoding<R> {
    inner: R,
    decoder: Decoder,
    input: Box<[u8]>,
    start: usize,
    end: usize,
    /// Bytes of input consumed before `input[start]`, for messages.
    offset: u64,
    eof: bool,
    done: bool,
    /// Decoded bytes that did not fit the caller's buffer.
    pending: Vec<u8>,
}

impl<R: Read> Decoding<R> {
    /// Decodes `inner`, which must start after any byte-order mark.
    pub(crate) fn new(inner: R, encoding: TextEncoding) -> Self {
        Decoding {
            inner,
            decoder: encoding.encoding().new_decoder_without_bom_handling(),
            input: vec![0; 1 << 16].into_boxed_slice(),
            start: 0,
            end: 0,
            offset: 0,
            eof: false,
            done: false,
            pending: Vec::new(),
        }
    }

    pub(crate) fn get_ref(&self) -> &R {
        &self.inner
    }
}

impl<R: Read> Read for Decoding<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if !self.pending.is_empty() {
            let n = out.len().min(self.pending.len());
            out[..n].copy_from_slice(&self.pending[..n]);
            self.pending.drain(..n);
            return Ok(n);
        }
        if out.is_empty() {
            return Ok(0);
        }
        loop {
            if self.done {
                return Ok(0);
            }
            if self.start == self.end && !self.eof {
                let n = self.inner.read(&mut self.input)?;
                self.start = 0;
                self.end = n;
                self.eof = n == 0;
            }
            // A character may need up to 4 bytes: decode into a staging buffer for tiny reads.
            let mut staging = [0u8; 4];
            let small = out.len() < 4;
            let dst: &mut [u8] = if small { &mut staging } else { out };
            let (result, read, written) = self.decoder.decode_to_utf8_without_replacement(
                &self.input[self.start..self.end],
                dst,
                self.eof,
            );
            self.start += read;
            self.offset += read as u64;
            match result {
                DecoderResult::Malformed(bad, _) => {
                    let at = self.offset.saturating_sub(u64::from(bad));
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        crate::tr!("input-malformed-text", at = at),
                    ));
                }
                DecoderResult::InputEmpty if self.eof => self.done = true,
                DecoderResult::InputEmpty | DecoderResult::OutputFull => {}
            }
            if written > 0 {
                if small {
                    let n = out.len().min(written);
                    out[..n].copy_from_slice(&staging[..n]);
                    self.pending.extend_from_slice(&staging[n..written]);
                    return Ok(n);
                }
                return Ok(written);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Cộng hòa xã hội chủ nghĩa Việt Nam - Độc lập - Tự do - Hạnh phúc" in TCVN3.
    const TCVN3: &[u8] = b"C\xe9ng h\xdfa x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam - \xa7\xe9c l\xcbp - T\xf9 do - H\xb9nh ph\xf3c";
    /// The same in VNI.
    const VNI: &[u8] = b"Co\xe4ng ho\xf8a xa\xf5 ho\xe4i chu\xfb ngh\xf3a Vie\xe4t Nam - \xd1o\xe4c la\xe4p - T\xf6\xef do - Ha\xefnh phu\xf9c";

    fn cp1258(text: &str) -> Vec<u8> {
        use unicode_normalization::UnicodeNormalization;
        // Windows-1258 has â ê ô ă ơ ư đ precomposed and the tones as combining marks.
        let mut out = String::new();
        for c in text.nfd() {
            match c {
                '\u{302}' | '\u{306}' | '\u{31B}' => {
                    let mut tones = String::new();
                    while let Some(last) = out.pop() {
                        if unicode_normalization::char::is_combining_mark(last) {
                            tones.insert(0, last);
                        } else {
                            out.extend([last, c].iter().collect::<String>().nfc());
                            break;
                        }
                    }
                    out.push_str(&tones);
                }
                _ => out.push(c),
            }
        }
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&out);
        assert!(!unmappable, "{out}");
        bytes.into_owned()
    }

    #[test]
    fn legacy_encodings_are_told_apart() {
        assert_eq!(detect_legacy(TCVN3), Some(Legacy::Tcvn3));
        assert_eq!(detect_legacy(VNI), Some(Legacy::Vni));
        let text = "Cộng hòa xã hội chủ nghĩa Việt Nam - Độc lập - Tự do - Hạnh phúc; \
                    đăng ký hộ kinh doanh, cấp giấy chứng nhận quyền sử dụng đất";
        assert_eq!(detect_legacy(&cp1258(text)), Some(Legacy::Windows1258));
        assert_eq!(detect_legacy(text.as_bytes()), None);
        assert_eq!(detect_legacy(b"plain ascii, nothing else"), None);
        // A stray byte or two is no evidence.
        assert_eq!(detect_legacy(b"Th\xfe \xff"), None);
    }

    #[test]
    fn utf8_holding_legacy_text_read_as_windows_1252() {
        let garbled: String = TCVN3.iter().map(|&b| char::from(b)).collect();
        assert!(garbled.starts_with("Céng hßa"));
        assert_eq!(detect_garbled(&garbled), Some(Legacy::Tcvn3));
        let garbled: String = VNI.iter().map(|&b| char::from(b)).collect();
        assert!(garbled.starts_with("Coäng hoøa"));
        assert_eq!(detect_garbled(&garbled), Some(Legacy::Vni));
        assert_eq!(detect_garbled("Cộng hòa xã hội chủ nghĩa Việt Nam"), None);
        assert_eq!(
            detect_garbled("Société Générale à Paris, été 2024, où?"),
            None
        );
    }

    #[test]
    fn one_garbled_cell_is_told_among_genuine_vietnamese() {
        let tcvn3 = |b: &[u8]| b.iter().map(|&b| char::from(b)).collect::<String>();
        assert_eq!(garbled_cell(&tcvn3(TCVN3)), Some(Legacy::Tcvn3));
        assert_eq!(garbled_cell(&tcvn3(VNI)), Some(Legacy::Vni));
        // "Hộ tịch" and "Cấp giấy phép xây dựng" in TCVN3: short cells.
        assert_eq!(garbled_cell(&tcvn3(b"H\xe9 t\xdech")), Some(Legacy::Tcvn3));
        assert_eq!(
            garbled_cell(&tcvn3(b"C\xcap gi\xcay ph\xd0p x\xa9y d\xf9ng")),
            Some(Legacy::Tcvn3)
        );
        // "Đăng ký khai sinh" in VNI.
        assert_eq!(
            garbled_cell(&tcvn3(b"\xd1a\xeeng ky\xf9 khai sinh")),
            Some(Legacy::Vni)
        );
        for genuine in [
            "Hộ tịch",
            "Có phí",
            "Không",
            "Phí × 2",
            "Müller",
            "Société Générale à Paris",
            "Cấp giấy phép xây dựng",
            "plain ascii",
            "",
        ] {
            assert_eq!(garbled_cell(genuine), None, "{genuine}");
        }
    }

    #[test]
    fn utf16_without_a_bom() {
        let le: Vec<u8> = "code,level,name\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "code,level,name\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(detect_utf16(&le), Some(TextEncoding::Utf16Le));
        assert_eq!(detect_utf16(&be), Some(TextEncoding::Utf16Be));
        assert_eq!(detect_utf16(b"code,level,name\n"), None);
    }

    #[test]
    fn decoding_streams_through_tiny_reads() {
        let text = "Mã số TTHC,Cấp\n1.001612,Cấp xã\n";
        let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let mut reader = Decoding::new(&utf16[..], TextEncoding::Utf16Le);
        let mut out = Vec::new();
        let mut buf = [0u8; 3];
        loop {
            let n = reader.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        assert_eq!(String::from_utf8(out).unwrap(), text);
        let mut whole = String::new();
        Decoding::new(&utf16[..], TextEncoding::Utf16Le)
            .read_to_string(&mut whole)
            .unwrap();
        assert_eq!(whole, text);
    }

    #[test]
    fn malformed_utf16_is_an_error() {
        // A lone high surrogate.
        let bad = [b'a', 0, 0x00, 0xD8, b'b', 0];
        let mut out = String::new();
        let err = Decoding::new(&bad[..], TextEncoding::Utf16Le)
            .read_to_string(&mut out)
            .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
    }

    #[test]
    fn encoding_names() {
        assert_eq!(TextEncoding::parse("CP1258"), Ok(TextEncoding::Windows1258));
        assert_eq!(TextEncoding::parse("utf-16le"), Ok(TextEncoding::Utf16Le));
        assert_eq!(TextEncoding::parse("UTF-8"), Ok(TextEncoding::Utf8));
        assert!(TextEncoding::parse("tcvn3").unwrap_err().contains("Unikey"));
        assert!(TextEncoding::parse("latin1").is_err());
    }
}
