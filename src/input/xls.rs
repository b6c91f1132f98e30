//! A look at an Excel 97-2003 workbook (xls) before calamine opens it.
//!
//! calamine lays out every sheet of an xls file in memory as it opens it,
//! setting memory aside for the area a sheet's Dimensions record claims and
//! for the area its cells span, and copying a shared string into every cell
//! that shows it. Two bytes changed in a Dimensions record asked for 75 GB.
//! This reads the compound file's `Workbook` stream and its BIFF records as
//! they are, keeping nothing but the length of each shared string, and
//! refuses a workbook whose sheets would pass [`MAX_CELLS`] or
//! [`MAX_SHEET_TEXT`] before calamine sees it.

use super::sheet::{MAX_CELLS, MAX_SHEET_TEXT, MAX_STRINGS};

/// Sector ids that end a chain or mark free sectors.
const LAST_REGULAR: u32 = 0xFFFF_FFFA;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;

/// Checks the sheets of the xls workbook `bytes`. A file whose compound
/// structure cannot be followed passes: calamine then refuses it itself.
pub(super) fn check(bytes: &[u8]) -> Result<(), String> {
    match workbook_stream(bytes)? {
        Some(stream) => check_records(&stream),
        None => Ok(()),
    }
}

/// The problem with a compound file whose sectors chain in a loop.
fn looping() -> String {
    crate::tr!("input-xls-loops")
}

/// Whether the chain from `start` in `table` comes back to a sector it
/// passed before it holds `len` bytes: calamine follows such a chain for
/// as long as the length it was given, which for the directory is forever.
fn loops(table: &[u32], start: u32, len: u64, sector: u64) -> bool {
    let mut seen = vec![false; table.len()];
    let (mut id, mut read) = (start, 0_u64);
    while id <= LAST_REGULAR && read < len {
        match seen.get_mut(id as usize) {
            Some(true) => return true,
            Some(was) => *was = true,
            None => return false,
        }
        read += sector;
        id = table.get(id as usize).copied().unwrap_or(END_OF_CHAIN);
    }
    false
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// A compound file (MS-CFB) as far as finding one stream needs.
struct Compound<'a> {
    bytes: &'a [u8],
    sector: usize,
    fat: Vec<u32>,
}

impl Compound<'_> {
    /// A sector; the last one of a file cut short is shorter, as calamine reads it.
    fn sector(&self, id: u32) -> Option<&[u8]> {
        let start = (id as usize).checked_add(1)?.checked_mul(self.sector)?;
        let end = start.checked_add(self.sector)?.min(self.bytes.len());
        self.bytes.get(start..end)
    }

    /// The sectors of the chain starting at `start`, each at most once.
    fn chain(table: &[u32], start: u32) -> Vec<u32> {
        let mut ids = Vec::new();
        let mut id = start;
        while id <= LAST_REGULAR && ids.len() < table.len() {
            ids.push(id);
            id = table.get(id as usize).copied().unwrap_or(END_OF_CHAIN);
        }
        ids
    }

    /// The bytes of the chain starting at `start`, at most `len`.
    fn read(&self, start: u32, len: usize) -> Vec<u8> {
        let mut out = Vec::new();
        for id in Self::chain(&self.fat, start) {
            let Some(data) = self.sector(id) else { break };
            out.extend_from_slice(data);
            if out.len() >= len {
                break;
            }
        }
        out.truncate(len);
        out
    }
}

/// The `Workbook` (or BIFF5 `Book`) stream of a compound file, its sectors
/// found as calamine finds them. `Err` when a chain calamine would follow
/// loops; `Ok(None)` when the structure cannot be followed.
fn workbook_stream(bytes: &[u8]) -> Result<Option<Vec<u8>>, String> {
    let Some(compound) = compound(bytes) else {
        return Ok(None);
    };
    let sector = compound.sector as u64;
    // The directory: 128-byte entries, the root first.
    let Some(dir_start) = u32_at(bytes, 0x30) else {
        return Ok(None);
    };
    if loops(&compound.fat, dir_start, u64::MAX, sector) {
        return Err(looping());
    }
    let directory = compound.read(dir_start, bytes.len());
    let entry = |i: usize| directory.get(i * 128..(i + 1) * 128);
    let entries: Vec<&[u8]> = (0..directory.len() / 128).filter_map(entry).collect();
    let Some(root) = entries.first() else {
        return Ok(None);
    };
    let length = |e: &[u8]| u32_at(e, 120).map_or(0, u64::from);
    let mini_fat_sectors = u32_at(bytes, 0x40).map_or(0, u64::from);
    let mini_fat_start = u32_at(bytes, 0x3C).unwrap_or(END_OF_CHAIN);
    // Every chain calamine may follow for a length: the mini stream, the
    // mini FAT, and each stream kept in regular sectors.
    let mut chains = vec![(u32_at(root, 116).unwrap_or(END_OF_CHAIN), length(root))];
    if mini_fat_sectors > 0 {
        chains.push((mini_fat_start, mini_fat_sectors.saturating_mul(sector)));
    }
    for e in entries.iter().skip(1).filter(|e| length(e) >= 4096) {
        chains.push((u32_at(e, 116).unwrap_or(END_OF_CHAIN), length(e)));
    }
    if chains
        .iter()
        .any(|&(start, len)| loops(&compound.fat, start, len, sector))
    {
        return Err(looping());
    }
    let named = entries.iter().find(|e| {
        let len = usize::from(u16_at(e, 64).unwrap_or(0)).min(64);
        let name: Vec<u16> = (0..len.saturating_sub(2) / 2)
            .filter_map(|i| u16_at(e, 2 * i))
            .collect();
        let name = String::from_utf16_lossy(&name).to_ascii_lowercase();
        e.get(66) == Some(&2) && (name == "workbook" || name == "book")
    });
    Ok(named.and_then(|named| stream(&compound, root, named, mini_fat_start)))
}

/// The FAT of a compound file, built as calamine builds it: from every
/// sector id of the header's DIFAT array and of the DIFAT chain.
fn compound(bytes: &[u8]) -> Option<Compound<'_>> {
    /// Ids from here up are not sectors.
    const DIFAT_SECTOR: u32 = 0xFFFF_FFFC;
    let shift = u16_at(bytes, 0x1E)?;
    if !matches!(shift, 9 | 12) {
        return None;
    }
    let sector = 1_usize << shift;
    let sectors = bytes.len() / sector;
    let mut compound = Compound {
        bytes,
        sector,
        fat: Vec::new(),
    };
    let mut fat_ids: Vec<u32> = (0..109)
        .filter_map(|i| u32_at(bytes, 0x4C + 4 * i))
        .collect();
    let mut difat = u32_at(bytes, 0x44)?;
    let mut seen = 0;
    while difat <= LAST_REGULAR && seen <= sectors {
        let data = compound.sector(difat)?;
        let per = sector / 4 - 1;
        fat_ids.extend((0..per).filter_map(|i| u32_at(data, 4 * i)));
        difat = u32_at(data, 4 * per)?;
        seen += 1;
    }
    let mut fat = Vec::new();
    for id in fat_ids.into_iter().filter(|id| *id < DIFAT_SECTOR) {
        let data = compound.sector(id)?;
        fat.extend((0..sector / 4).filter_map(|i| u32_at(data, 4 * i)));
    }
    compound.fat = fat;
    Some(compound)
}

/// The bytes of the stream of directory entry `named`.
fn stream(
    compound: &Compound<'_>,
    root: &[u8],
    named: &[u8],
    mini_fat_start: u32,
) -> Option<Vec<u8>> {
    let bytes = compound.bytes;
    let start = u32_at(named, 116)?;
    let size = (u32_at(named, 120)? as usize).min(bytes.len());
    if size >= 4096 {
        return Some(compound.read(start, size));
    }
    // A small stream lives in the mini stream, in 64-byte sectors.
    let mini = compound.read(u32_at(root, 116)?, bytes.len());
    let mini_fat_bytes = compound.read(mini_fat_start, bytes.len());
    let mini_fat: Vec<u32> = (0..mini_fat_bytes.len() / 4)
        .filter_map(|i| u32_at(&mini_fat_bytes, 4 * i))
        .collect();
    let mut out = Vec::new();
    for id in Compound::chain(&mini_fat, start) {
        let at = id as usize * 64;
        let Some(data) = mini.get(at..at + 64) else {
            break;
        };
        out.extend_from_slice(data);
    }
    out.truncate(size);
    Some(out)
}

/// What the records of one sheet claim.
#[derive(Default)]
struct SheetSpan {
    /// First and last row and column of the cells calamine keeps.
    rows: Option<(u32, u32)>,
    cols: Option<(u32, u32)>,
    /// Bytes of text its cells will hold.
    text: u64,
}

impl SheetSpan {
    fn cell(&mut self, row: u16, first: u16, last: u16) -> Result<(), String> {
        let widen = |span: &mut Option<(u32, u32)>, a: u32, b: u32| {
            *span = Some(span.map_or((a, b), |(x, y)| (x.min(a), y.max(b))));
        };
        widen(&mut self.rows, u32::from(row), u32::from(row));
        widen(&mut self.cols, u32::from(first), u32::from(last.max(first)));
        if let (Some((r0, r1)), Some((c0, c1))) = (self.rows, self.cols) {
            let area = u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1);
            if area > MAX_CELLS {
                return Err(too_large(&crate::tr!(
                    "input-xls-cells-reach",
                    rows = r1 - r0 + 1,
                    columns = c1 - c0 + 1
                )));
            }
        }
        Ok(())
    }

    fn add_text(&mut self, bytes: u64) -> Result<(), String> {
        self.text = self.text.saturating_add(bytes);
        if self.text > MAX_SHEET_TEXT {
            return Err(crate::tr!(
                "input-xls-too-much-text",
                mb = MAX_SHEET_TEXT >> 20
            ));
        }
        Ok(())
    }
}

fn too_large(what: &str) -> String {
    crate::tr!("input-xls-too-large", what = what, limit = MAX_CELLS)
}

/// UTF-8 bytes a string of `chars` characters may take.
fn utf8_bytes(chars: u64) -> u64 {
    chars * 3
}

/// Walks the BIFF records of the workbook stream.
fn check_records(stream: &[u8]) -> Result<(), String> {
    let mut at = 0;
    let mut strings: Vec<u32> = Vec::new();
    let mut sheet = SheetSpan::default();
    // The SST record and the CONTINUE records after it.
    let mut sst: Option<Vec<&[u8]>> = None;
    while let (Some(typ), Some(len)) = (u16_at(stream, at), u16_at(stream, at + 2)) {
        let Some(data) = stream.get(at + 4..at + 4 + usize::from(len)) else {
            break;
        };
        at += 4 + usize::from(len);
        if let Some(parts) = &mut sst {
            if typ == 0x003C {
                parts.push(data);
                continue;
            }
            strings = string_lengths(parts)?;
            sst = None;
        }
        let row = u16_at(data, 0).unwrap_or(0);
        let col = u16_at(data, 2).unwrap_or(0);
        match typ {
            // SST: the shared strings.
            0x00FC => sst = Some(vec![data]),
            // BOF: a new substream (a sheet).
            0x0809 => sheet = SheetSpan::default(),
            // Dimensions: calamine sets memory aside for the area it claims.
            0x0200 => dimensions(data)?,
            // Number, RK, BoolErr, Formula: one cell each.
            0x0203 | 0x027E | 0x0205 | 0x0006 => sheet.cell(row, col, col)?,
            // Label, RString: a cell and its text.
            0x0204 | 0x00D6 => {
                sheet.cell(row, col, col)?;
                sheet.add_text(utf8_bytes(u64::from(u16_at(data, 6).unwrap_or(0))))?;
            }
            // LabelSst: a cell showing a shared string, copied into it.
            0x00FD => {
                sheet.cell(row, col, col)?;
                let index = u32_at(data, 6).unwrap_or(u32::MAX) as usize;
                let chars = strings.get(index).copied().unwrap_or(0);
                sheet.add_text(utf8_bytes(u64::from(chars)))?;
            }
            // String: the text a formula gives.
            0x0207 => sheet.add_text(utf8_bytes(u64::from(u16_at(data, 0).unwrap_or(0))))?,
            // MulRk: cells from a first to a last column.
            0x00BD => {
                let last = u16_at(data, usize::from(len).saturating_sub(2)).unwrap_or(col);
                sheet.cell(row, col, last)?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// Checks a Dimensions record as calamine reads it.
fn dimensions(data: &[u8]) -> Result<(), String> {
    let (first_row, end_row, first_col, end_col) = match data.len() {
        10 => (
            u32::from(u16_at(data, 0).unwrap_or(0)),
            u32::from(u16_at(data, 2).unwrap_or(0)),
            u32::from(u16_at(data, 4).unwrap_or(0)),
            u32::from(u16_at(data, 6).unwrap_or(0)),
        ),
        14 | 16 => (
            u32_at(data, 0).unwrap_or(0),
            u32_at(data, 4).unwrap_or(0),
            u32::from(u16_at(data, 8).unwrap_or(0)),
            u32::from(u16_at(data, 10).unwrap_or(0)),
        ),
        _ => return Ok(()),
    };
    let first_col = if first_col > 0xFF || end_col < first_col {
        0
    } else {
        first_col
    };
    if end_row == 0 || end_col == 0 {
        return Ok(());
    }
    let rows = u64::from(end_row).checked_sub(u64::from(first_row));
    let cols = u64::from(end_col) - u64::from(first_col);
    match rows {
        Some(rows) if rows.saturating_mul(cols) <= MAX_CELLS => Ok(()),
        Some(rows) => Err(too_large(&crate::tr!(
            "input-xls-dimensions",
            rows = rows,
            columns = cols
        ))),
        None => Err(too_large(&crate::tr!(
            "input-xls-dimension-rows",
            first = first_row.to_string(),
            last = end_row.to_string()
        ))),
    }
}

/// The length in characters of each string of an SST record and its
/// CONTINUE records (MS-XLS 2.4.265, 2.5.293): a string's characters may
/// run into the next record, which then starts with a byte of flags.
fn string_lengths(parts: &[&[u8]]) -> Result<Vec<u32>, String> {
    let Some(first) = parts.first() else {
        return Ok(Vec::new());
    };
    let unique = u64::from(u32_at(first, 4).unwrap_or(0));
    if unique > MAX_STRINGS {
        return Err(crate::tr!(
            "input-xls-strings",
            count = unique,
            limit = MAX_STRINGS
        ));
    }
    let mut reader = Parts {
        records: parts,
        record: 0,
        at: 8,
    };
    let mut lengths = Vec::new();
    while (lengths.len() as u64) < unique {
        let Some(chars) = reader.string() else { break };
        lengths.push(chars);
    }
    Ok(lengths)
}

/// A cursor over the data of a record and its CONTINUE records.
struct Parts<'a> {
    records: &'a [&'a [u8]],
    record: usize,
    at: usize,
}

impl Parts<'_> {
    fn left(&self) -> usize {
        self.records
            .get(self.record)
            .map_or(0, |p| p.len().saturating_sub(self.at))
    }

    /// Moves to the next record when this one is used up.
    fn next_part(&mut self) -> Option<()> {
        while self.left() == 0 {
            self.record += 1;
            self.at = 0;
            self.records.get(self.record)?;
        }
        Some(())
    }

    fn bytes(&mut self, n: usize) -> Option<Vec<u8>> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            self.next_part()?;
            let take = self.left().min(n - out.len());
            let part = self.records.get(self.record)?;
            out.extend_from_slice(part.get(self.at..self.at + take)?);
            self.at += take;
        }
        Some(out)
    }

    fn skip(&mut self, mut n: usize) -> Option<()> {
        while n > 0 {
            self.next_part()?;
            let take = self.left().min(n);
            self.at += take;
            n -= take;
        }
        Some(())
    }

    /// Reads one string (`XLUnicodeRichExtendedString`); returns its length in characters.
    fn string(&mut self) -> Option<u32> {
        let head = self.bytes(3)?;
        let chars = u16_at(&head, 0)?;
        let mut flags = head[2];
        let runs = if flags & 0x08 != 0 {
            u16_at(&self.bytes(2)?, 0)?
        } else {
            0
        };
        let ext = if flags & 0x04 != 0 {
            u32_at(&self.bytes(4)?, 0)?
        } else {
            0
        };
        let mut left = usize::from(chars);
        while left > 0 {
            if self.left() == 0 {
                // The characters go on in the next record, after a byte of flags.
                self.next_part()?;
                flags = self.bytes(1)?[0];
            }
            let width = if flags & 0x01 != 0 { 2 } else { 1 };
            let here = (self.left() / width).min(left).max(1);
            self.skip(here * width)?;
            left -= here;
        }
        self.skip(4 * usize::from(runs))?;
        self.skip(ext as usize)?;
        Some(u32::from(chars))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut out = typ.to_le_bytes().to_vec();
        out.extend(u16::try_from(data.len()).unwrap().to_le_bytes());
        out.extend_from_slice(data);
        out
    }

    fn label_sst(row: u16, col: u16, index: u32) -> Vec<u8> {
        let mut data = row.to_le_bytes().to_vec();
        data.extend(col.to_le_bytes());
        data.extend(0_u16.to_le_bytes());
        data.extend(index.to_le_bytes());
        record(0x00FD, &data)
    }

    /// An SST of one string of `chars` compressed characters, cut over
    /// CONTINUE records of at most 8,000 bytes as Excel writes them.
    fn sst(chars: u16) -> Vec<u8> {
        let mut body = 1_u32.to_le_bytes().to_vec();
        body.extend(1_u32.to_le_bytes());
        body.extend(chars.to_le_bytes());
        body.push(0);
        let mut text = vec![b'x'; usize::from(chars)];
        let first = text.len().min(8000 - body.len());
        body.extend(text.drain(..first));
        let mut out = record(0x00FC, &body);
        for chunk in text.chunks(7999) {
            let mut part = vec![0_u8];
            part.extend_from_slice(chunk);
            out.extend(record(0x003C, &part));
        }
        out
    }

    #[test]
    fn dimensions_claiming_millions_of_cells_are_refused() {
        let mut dims = 0_u32.to_le_bytes().to_vec();
        dims.extend(0x0100_0003_u32.to_le_bytes());
        dims.extend([0, 0, 7, 0, 0, 0]);
        let err = check_records(&record(0x0200, &dims)).unwrap_err();
        assert!(err.contains("16777219 rows and 7 columns"), "{err}");
        dims[4..8].copy_from_slice(&3_u32.to_le_bytes());
        assert_eq!(check_records(&record(0x0200, &dims)), Ok(()));
    }

    #[test]
    fn cells_far_apart_are_refused() {
        let mut stream = label_sst(0, 0, 0);
        stream.extend(label_sst(0xFFFF, 0xFF00, 0));
        let err = check_records(&stream).unwrap_err();
        assert!(err.contains("65536 rows and 65281 columns"), "{err}");
    }

    #[test]
    fn a_long_shared_string_in_many_cells_is_refused() {
        let mut stream = sst(30_000);
        for row in 0..300 {
            stream.extend(label_sst(row, 1, 0));
        }
        assert_eq!(check_records(&stream), Ok(()));
        for row in 300..400 {
            stream.extend(label_sst(row, 1, 0));
        }
        let err = check_records(&stream).unwrap_err();
        assert!(err.contains("limit on the text of a sheet"), "{err}");
    }

    #[test]
    fn string_lengths_follow_continue_records() {
        let stream = sst(20_000);
        let mut parts = Vec::new();
        let mut at = 0;
        while let (Some(_), Some(len)) = (u16_at(&stream, at), u16_at(&stream, at + 2)) {
            parts.push(&stream[at + 4..at + 4 + usize::from(len)]);
            at += 4 + usize::from(len);
        }
        assert_eq!(string_lengths(&parts), Ok(vec![20_000]));
    }

    #[test]
    fn a_chain_that_loops_before_its_length_is_found() {
        // Sector 0 leads to 1, 1 back to 0; 2 ends.
        let fat = [1, 0, END_OF_CHAIN];
        assert!(loops(&fat, 0, u64::MAX, 512));
        assert!(loops(&fat, 0, 1025, 512));
        assert!(!loops(&fat, 0, 1024, 512), "two sectors hold 1,024 bytes");
        assert!(!loops(&fat, 2, u64::MAX, 512));
    }

    /// Found by the `workbook` fuzz target: the directory's chain of
    /// sectors loops, and calamine followed it until memory ran out (23 GB
    /// in 75 s); in the second file, through the FAT's last sector, which
    /// the file cuts short.
    #[test]
    fn a_workbook_whose_directory_chain_loops_is_refused() {
        for name in [
            "oom-0096f1a4-xls-sector-chain-loops.xls",
            "oom-991ce30d-xls-loop-through-a-short-last-sector.xls",
        ] {
            let path = format!(
                "{}/tests/data/fuzz/workbook/{name}",
                env!("CARGO_MANIFEST_DIR")
            );
            let err = check(&std::fs::read(path).unwrap()).unwrap_err();
            assert!(err.contains("loops back on itself"), "{name}: {err}");
        }
    }

    #[test]
    fn a_real_workbook_is_found_and_passes() {
        let bytes =
            std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/annex.xls")).unwrap();
        let stream = workbook_stream(&bytes).unwrap().unwrap();
        assert!(stream.starts_with(&[0x09, 0x08]), "a BIFF BOF record first");
        assert_eq!(check(&bytes), Ok(()));
    }
}
