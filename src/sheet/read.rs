//! Reading a filled-in workbook: `.xlsx`, `.xls` and `.ods` through
//! calamine, and `.csv` as Excel, WPS and LibreOffice save it (UTF-8,
//! with or without its byte-order mark, or GB18030).
//!
//! A cell comes back as the text the editor sees. A number is taken as
//! the spreadsheet shows it: its shortest exact decimal, padded to the
//! decimals of its number format (`5.7` shown as `0.00` is `5.70`). A
//! number the sheet shows otherwise than it holds (12.799999999 shown as
//! 12.8) is refused, never rounded.

use super::{MAX_BYTES, MAX_ROWS, address};
use crate::diagnostic::Diagnostic;
use calamine::{Data, Reader};
use std::io::Cursor;
use std::path::Path;

/// One cell as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    /// Text as typed, or a number or date as the sheet shows it.
    Text(String),
    /// A number stored in a cell, as its shortest exact decimal (`12.8`),
    /// and how its number format shows it.
    Number {
        held: String,
        shown: Shown,
    },
    /// A date the spreadsheet made of what was typed, as `YYYY-MM-DD`.
    Date(String),
}

/// How a number cell's format shows its number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// The General format: the number itself, in at most 11 characters.
    General,
    /// A fixed count of decimals (`0.00`, `#,##0.0`).
    Fixed(usize),
    /// Some other way (a percentage, an exponent, a scale, optional
    /// decimals): this format, which shows another figure than the cell
    /// holds, or a figure of varying decimals.
    Other(String),
    /// The file does not say (an `.ods` or `.xls` as read).
    Unknown,
}

/// Why a file was not read.
#[derive(Debug)]
enum Unread {
    /// It is no workbook this reads; the reason, in the reader's words.
    NotBook(String),
    /// It is one, too large for a report's: a problem with its code.
    TooLarge(String),
}

/// A reader's error: the file is no workbook it reads.
fn not_book(error: impl std::fmt::Display) -> Unread {
    Unread::NotBook(error.to_string())
}

/// The problem of a sheet with `rows` rows.
fn too_many(rows: usize) -> Unread {
    Unread::TooLarge(crate::say!(
        "sheet-too-many-rows",
        rows = rows,
        most = MAX_ROWS
    ))
}

/// The sheet the table is on, as read.
#[derive(Debug, Default)]
pub struct Grid {
    /// The sheet's name, for cell addresses (`填报!C7`).
    pub sheet: String,
    /// Rows from the first row of the sheet, each from its column A.
    pub rows: Vec<Vec<Cell>>,
    /// Cells that hold a formula, with the formula.
    pub formulas: Vec<(usize, usize, String)>,
    /// Merged ranges, as first and last (row, column).
    pub merged: Vec<((usize, usize), (usize, usize))>,
}

impl Grid {
    /// Sets a cell, growing the rows to hold it.
    fn put(&mut self, row: usize, column: usize, cell: Cell) {
        if cell == Cell::Empty {
            return;
        }
        if self.rows.len() <= row {
            self.rows.resize(row + 1, Vec::new());
        }
        let cells = &mut self.rows[row];
        if cells.len() <= column {
            cells.resize(column + 1, Cell::Empty);
        }
        cells[column] = cell;
    }

    pub fn cell(&self, row: usize, column: usize) -> &Cell {
        (self.rows.get(row).and_then(|r| r.get(column))).unwrap_or(&Cell::Empty)
    }

    /// `FILE:SHEET!C7`, where a problem in the cell is said to be.
    pub fn place(&self, file: &str, row: usize, column: usize) -> String {
        format!("{file}:{}!{}", self.sheet, address(row, column))
    }
}

/// Reads the table's sheet of the workbook at `path`: the sheet named
/// as the export names it in any language, or else the first. `shown` is
/// how the file is named in messages.
pub fn read(path: &Path, shown: &str) -> Result<Grid, Diagnostic> {
    let refuse = |unread: Unread| match unread {
        Unread::TooLarge(problem) => Diagnostic::file(shown, problem),
        Unread::NotBook(reason) => {
            Diagnostic::file(shown, crate::say!("sheet-not-workbook", reason = reason))
        }
    };
    let unreadable = |e: std::io::Error| refuse(not_book(crate::i18n::messages::reason(&e)));
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if !meta.is_file() {
        let said = crate::say!("not-regular");
        return Err(refuse(not_book(crate::i18n::messages::without_code(&said))));
    }
    if meta.len() > MAX_BYTES {
        return Err(Diagnostic::file(
            shown,
            crate::say!(
                "sheet-too-large-file",
                size = meta.len() / (1024 * 1024),
                most = MAX_BYTES / (1024 * 1024)
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    let csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let grid = if csv {
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        read_csv(&bytes, stem.unwrap_or_default()).map_err(refuse)?
    } else {
        read_book(bytes).map_err(refuse)?
    };
    if grid.rows.len() > MAX_ROWS + 10 {
        return Err(Diagnostic::file(
            shown,
            crate::say!(
                "sheet-too-many-rows",
                rows = grid.rows.len(),
                most = MAX_ROWS
            ),
        ));
    }
    Ok(grid)
}

/// A `.csv` file's rows. Every cell is text, as the program saved it.
fn read_csv(bytes: &[u8], sheet: String) -> Result<Grid, Unread> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        // What Excel and WPS save as "CSV" on a Chinese Windows.
        Err(_) => encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .ok_or_else(|| not_book(crate::say!("sheet-csv-encoding")))?,
    };
    if text.contains('\0') {
        return Err(not_book(crate::say!("sheet-csv-encoding")));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(not_book)?;
        rows.push(
            record
                .iter()
                .take(MAX_COLUMNS)
                .map(|t| match t {
                    "" => Cell::Empty,
                    t => Cell::Text(t.to_string()),
                })
                .collect(),
        );
        // A huge file is refused without reading it all.
        if rows.len() > MAX_ROWS + 10 {
            break;
        }
    }
    Ok(Grid {
        sheet,
        rows,
        ..Grid::default()
    })
}

/// The columns read: the table has eleven; cells far to the right of it
/// are not part of it.
const MAX_COLUMNS: usize = 64;

/// The most cells of an `.xlsx` sheet looked at, empty ones too: a
/// report's table has a few thousand.
const MAX_CELLS: usize = 2_000_000;

/// A workbook's table sheet, through calamine, which tells the format
/// from the file's first bytes. An `.xlsx` sheet is read cell by cell, so
/// that a sheet with a million rows, or with one cell far from the
/// others, is refused or passed over without the whole sheet being laid
/// out in memory.
fn read_book(bytes: Vec<u8>) -> Result<Grid, Unread> {
    // An .ods is looked through first (see `ods_look`).
    let ods = bytes.starts_with(b"PK")
        && zip::ZipArchive::new(Cursor::new(&bytes))
            .is_ok_and(|mut a| a.by_name("content.xml").is_ok());
    // What calamine unpacks whole (the shared strings, a sheet's XML) is
    // refused when the archive says it is larger than a report needs.
    if bytes.starts_with(b"PK") {
        let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).map_err(not_book)?;
        let mut unpacked = 0u64;
        for n in 0..archive.len() {
            let entry = archive.by_index_raw(n).map_err(not_book)?;
            unpacked = unpacked.saturating_add(entry.size());
        }
        if unpacked > MAX_UNPACKED as u64 {
            return Err(unpacked_too_large(unpacked));
        }
    }
    let ods_merged = match ods {
        true => ods_look(&bytes)?,
        false => Vec::new(),
    };
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(not_book)?;
    let names = book.sheet_names();
    let sheet = (names.iter().find(|n| super::is_data_sheet(n)))
        .or(names.first())
        .cloned()
        .ok_or_else(|| not_book(crate::say!("sheet-no-sheets")))?;
    let mut grid = Grid {
        sheet: sheet.clone(),
        ..Grid::default()
    };
    match &mut book {
        calamine::Sheets::Xlsx(xlsx) => {
            let mut cells = xlsx.worksheet_cells_reader(&sheet).map_err(not_book)?;
            // A sheet that says it is larger than any report's is refused
            // before its cells are read.
            let height = cells.dimensions().end.0 as usize + 1;
            if height > MAX_ROWS + 10 {
                return Err(too_many(height));
            }
            let mut numbers = Vec::new();
            let mut seen = 0usize;
            while let Some(cell) = cells.next_cell_with_formula().map_err(not_book)? {
                let (row, column) = (cell.pos.0 as usize, cell.pos.1 as usize);
                seen += 1;
                if row > MAX_ROWS + 10 || seen > MAX_CELLS {
                    return Err(too_many(row + 1));
                }
                if column >= MAX_COLUMNS {
                    continue;
                }
                if let Some(formula) = cell.formula.filter(|f| !f.is_empty()) {
                    grid.formulas.push((row, column, formula));
                }
                let cell = cell_of(&Data::from(cell.value), || Shown::General);
                if matches!(cell, Cell::Number { .. }) {
                    numbers.push((row, column));
                }
                grid.put(row, column, cell);
            }
            drop(cells);
            // Number formats, read once the sheet is known to be a
            // report's size, for the number cells only.
            if !numbers.is_empty() {
                let styles = xlsx.worksheet_style(&sheet).ok();
                for (row, column) in numbers {
                    let format = (styles.as_ref())
                        .and_then(|s| s.get((row as u32, column as u32)))
                        .and_then(|style| style.number_format.as_ref())
                        .map_or(Shown::General, |f| shown_as(&f.format_code));
                    if let Some(Cell::Number { shown, .. }) =
                        grid.rows.get_mut(row).and_then(|r| r.get_mut(column))
                    {
                        *shown = format;
                    }
                }
            }
            grid.merged = xlsx
                .merge_cells_by_sheet_name(&sheet)
                .unwrap_or_default()
                .into_iter()
                .map(corners)
                .collect();
        }
        book => {
            let range = book.worksheet_range(&sheet).map_err(not_book)?;
            let (top, left) = range.start().unwrap_or((0, 0));
            let (top, left) = (top as usize, left as usize);
            if top + range.height() > MAX_ROWS + 10 {
                return Err(too_many(top + range.height()));
            }
            for (r, c, data) in range.used_cells() {
                if left + c < MAX_COLUMNS {
                    grid.put(top + r, left + c, cell_of(data, || Shown::Unknown));
                }
            }
            if let Ok(found) = book.worksheet_formula(&sheet) {
                let (top, left) = found.start().unwrap_or((0, 0));
                for (r, c, formula) in found.used_cells() {
                    if !formula.is_empty() {
                        grid.formulas
                            .push((top as usize + r, left as usize + c, formula.clone()));
                    }
                }
            }
            if let Some((_, merged)) = ods_merged.iter().find(|(name, _)| *name == sheet) {
                grid.merged = merged.clone();
            }
            if let calamine::Sheets::Xls(xls) = book {
                grid.merged = xls
                    .merge_cells_by_sheet_name(&sheet)
                    .unwrap_or_default()
                    .into_iter()
                    .map(corners)
                    .collect();
            }
        }
    }
    Ok(grid)
}

/// A merged range as its first and last (row, column).
fn corners(d: calamine::Dimensions) -> ((usize, usize), (usize, usize)) {
    let (a, b) = (d.start, d.end);
    ((a.0 as usize, a.1 as usize), (b.0 as usize, b.1 as usize))
}

/// A cell as the editor sees it; `shown` tells how its number format
/// shows a number.
fn cell_of(data: &Data, shown: impl FnOnce() -> Shown) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(t) if t.is_empty() => Cell::Empty,
        Data::String(t) | Data::DateTimeIso(t) | Data::DurationIso(t) => Cell::Text(t.clone()),
        Data::Int(n) => Cell::Number {
            held: n.to_string(),
            shown: shown(),
        },
        Data::Float(x) => Cell::Number {
            held: shortest(*x),
            shown: shown(),
        },
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.to_string()),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
        Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            Cell::Date(format!("{y:04}-{m:02}-{day:02}"))
        }
    }
}

/// The most bytes a workbook may unpack to: its XML, shared strings
/// included. A report's workbook unpacks to a few megabytes.
const MAX_UNPACKED: usize = 128 * 1024 * 1024;

/// The problem of a workbook that unpacks to `bytes`.
fn unpacked_too_large(bytes: u64) -> Unread {
    Unread::TooLarge(crate::say!(
        "sheet-too-large-file",
        size = bytes / (1024 * 1024),
        most = MAX_UNPACKED / (1024 * 1024)
    ))
}

/// The most cells an `.ods` sheet may span, first to last, before its
/// cells are laid out (calamine lays a sheet out whole).
const MAX_SPAN: usize = 5_000_000;

/// Looks through an `.ods` file's `content.xml` before calamine reads it:
/// a sheet whose cells span more than a report's table could (one cell
/// far from the others, or a cell repeated a million times) is refused
/// before it is laid out, and each sheet's merged cells (which calamine
/// does not give for `.ods`) are found, by sheet name. Calamine reads
/// every sheet when it opens the file, so every sheet is looked at.
type Merged = Vec<((usize, usize), (usize, usize))>;

fn ods_look(bytes: &[u8]) -> Result<Vec<(String, Merged)>, Unread> {
    use quick_xml::events::Event;
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(not_book)?;
    let mut xml = Vec::new();
    let content = archive.by_name("content.xml").map_err(not_book)?;
    let most = MAX_UNPACKED as u64;
    (content.take(most + 1).read_to_end(&mut xml)).map_err(not_book)?;
    if xml.len() as u64 > most {
        return Err(unpacked_too_large(xml.len() as u64));
    }
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let mut buf = Vec::new();
    let number = |e: &quick_xml::events::BytesStart, name: &str| -> usize {
        (e.attributes().flatten())
            .find(|a| a.key.as_ref() == name)
            .and_then(|a| a.value.parse().ok())
            .unwrap_or(1)
    };
    let (mut row, mut column, mut spanned) = (0usize, 0usize, 0usize);
    let (mut last_row, mut last_column, mut row_used, mut repeat) = (0usize, 0usize, false, 1usize);
    let mut merged = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).map_err(not_book)?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e.clone()), false),
            Event::Empty(e) => (Some(e.clone()), true),
            Event::End(e) if e.local_name().as_ref() == "table-row" => {
                if row_used {
                    last_row = last_row.max(row + repeat - 1);
                }
                row += repeat;
                (None, false)
            }
            Event::Eof => break,
            _ => (None, false),
        };
        if let Some(e) = start {
            match e.local_name().as_ref() {
                "table" => {
                    spanned += (last_row + 1).saturating_mul(last_column + 1);
                    (row, last_row, last_column) = (0, 0, 0);
                    let table = (e.attributes().flatten())
                        .find(|a| a.key.as_ref() == "table:name")
                        .map(|a| a.value.into_owned())
                        .unwrap_or_default();
                    merged.push((table, Vec::new()));
                }
                "table-row" => {
                    (column, row_used) = (0, false);
                    repeat = number(&e, "table:number-rows-repeated");
                    if empty {
                        row += repeat;
                    }
                }
                // A run of spaces, which calamine writes out in full.
                "s" if number(&e, "text:c") > 1024 => {
                    return Err(unpacked_too_large(number(&e, "text:c") as u64));
                }
                "table-cell" | "covered-table-cell" => {
                    let columns = number(&e, "table:number-columns-repeated");
                    let valued =
                        (e.attributes().flatten()).any(|a| a.key.as_ref() == "office:value-type");
                    if valued || !empty {
                        last_column = last_column.max(column + columns - 1);
                        row_used = true;
                    }
                    let (across, down) = (
                        number(&e, "table:number-columns-spanned"),
                        number(&e, "table:number-rows-spanned"),
                    );
                    if let (Some((_, list)), true) = (merged.last_mut(), across > 1 || down > 1) {
                        list.push(((row, column), (row + down - 1, column + across - 1)));
                    }
                    column += columns;
                }
                _ => {}
            }
        }
        // Every sheet counts: calamine lays them all out.
        let span = spanned.saturating_add((last_row + 1).saturating_mul(last_column + 1));
        if last_row > MAX_ROWS + 10 || span > MAX_SPAN {
            return Err(too_many(last_row + 1));
        }
        buf.clear();
    }
    Ok(merged)
}

/// The shortest decimal that reads back as `x` (`12.8`, `5.7`, `44`).
fn shortest(x: f64) -> String {
    // -0 is shown as 0.
    let x = if x == 0.0 { 0.0 } else { x };
    let text = format!("{x}");
    match text.strip_suffix(".0") {
        Some(whole) => whole.to_string(),
        None => text,
    }
}

/// How a number format shows a number: `0.00` and `#,##0.00` with 2
/// decimals, `0` with none, `General` (and text, `@`) as the number
/// itself; anything else (`0.0%`, `0.00E+00`, `0.0#`, `0,,`, dates) in a
/// way a figure cannot be read back from.
pub fn shown_as(format: &str) -> Shown {
    // A third section is how zero is shown (often `"-"`, or nothing):
    // a format with one cannot be read back from.
    let sections: Vec<&str> = format.split(';').collect();
    if sections.len() > 2 {
        return Shown::Other(format.to_string());
    }
    let first = sections[0].trim();
    if first.is_empty() && !format.is_empty() {
        return Shown::Other(format.to_string());
    }
    if first.is_empty() || first.eq_ignore_ascii_case("general") || first == "@" {
        return Shown::General;
    }
    let (whole, decimals) = first.split_once('.').unwrap_or((first, ""));
    let plain = whole.contains('0')
        && whole.chars().all(|c| matches!(c, '0' | '#' | ','))
        && !whole.ends_with(',')
        && decimals.chars().all(|c| c == '0');
    match plain {
        true => Shown::Fixed(decimals.len()),
        false => Shown::Other(format.to_string()),
    }
}

/// How many significant digits a double keeps exactly.
const EXACT_DIGITS: usize = 15;

/// The text a number cell shows, or why it cannot be taken: `Err` holds
/// what the sheet shows, when that differs from what the cell holds.
pub fn shown_number(held: &str, decimals: Option<usize>) -> Result<String, String> {
    let digits = held.trim_start_matches('-').replace('.', "");
    let significant = digits.trim_start_matches('0').len();
    let held_decimals = held.split_once('.').map_or(0, |(_, d)| d.len());
    match decimals {
        // General shows at most 11 characters: more is rounded on screen.
        None if significant > EXACT_DIGITS || held.len() > 11 => Err(general(held)),
        None => Ok(held.to_string()),
        Some(d) if held_decimals > d || significant > EXACT_DIGITS => Err(round_to(held, d)),
        Some(0) => Ok(held.to_string()),
        Some(d) => {
            let mut text = held.to_string();
            if held_decimals == 0 {
                text.push('.');
            }
            text.extend(std::iter::repeat_n('0', d - held_decimals));
            Ok(text)
        }
    }
}

/// `held` as the General format shows it: in at most 11 characters, in
/// exponent form (`1E+11`, `1.23457E+17`) when the whole part is longer.
fn general(held: &str) -> String {
    let whole = held
        .split('.')
        .next()
        .unwrap_or(held)
        .trim_start_matches('-')
        .len();
    if whole > 11 {
        let Ok(x) = held.parse::<f64>() else {
            return held.to_string();
        };
        let text = format!("{x:.5e}");
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
        return format!("{mantissa}E+{exponent}");
    }
    let shown = round_to(held, 10usize.saturating_sub(whole));
    match shown.contains('.') {
        true => shown
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string(),
        false => shown,
    }
}

/// `held` as a sheet shows it with `decimals` decimals: rounded half
/// away from zero on its decimal digits, as spreadsheets show it
/// (5.25 as 5.3).
fn round_to(held: &str, decimals: usize) -> String {
    let (sign, digits) = match held.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", held),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let mut kept: Vec<u8> = whole
        .bytes()
        .chain(
            fraction
                .bytes()
                .chain(std::iter::repeat(b'0'))
                .take(decimals),
        )
        .collect();
    if fraction
        .as_bytes()
        .get(decimals)
        .is_some_and(|&d| d >= b'5')
    {
        let mut at = kept.len();
        loop {
            if at == 0 {
                kept.insert(0, b'1');
                break;
            }
            at -= 1;
            if kept[at] == b'9' {
                kept[at] = b'0';
            } else {
                kept[at] += 1;
                break;
            }
        }
    }
    let split = kept.len() - decimals;
    let (whole, fraction) = kept.split_at(split);
    let whole = String::from_utf8_lossy(whole);
    match decimals {
        0 => format!("{sign}{whole}"),
        _ => format!("{sign}{whole}.{}", String::from_utf8_lossy(fraction)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats_give_their_decimals() {
        assert_eq!(shown_as("0.00"), Shown::Fixed(2));
        assert_eq!(shown_as("#,##0.0"), Shown::Fixed(1));
        assert_eq!(shown_as("0"), Shown::Fixed(0));
        assert_eq!(shown_as("General"), Shown::General);
        assert_eq!(shown_as("@"), Shown::General);
        for other in [
            "0.00%",
            "yyyy-mm-dd",
            "0.00E+00",
            "0.0#",
            "0.##",
            "0.0,,",
            "#,##0,",
        ] {
            assert_eq!(shown_as(other), Shown::Other(other.to_string()), "{other}");
        }
    }

    #[test]
    fn a_number_is_taken_as_shown_or_refused() {
        assert_eq!(shown_number("5.7", Some(2)), Ok("5.70".to_string()));
        assert_eq!(shown_number("44", Some(1)), Ok("44.0".to_string()));
        assert_eq!(shown_number("12.8", None), Ok("12.8".to_string()));
        assert_eq!(shown_number("164000", Some(0)), Ok("164000".to_string()));
        // Kept as a binary fraction, shown rounded: refused, never rounded.
        assert_eq!(
            shown_number("12.799999999", Some(1)),
            Err("12.8".to_string())
        );
        assert!(shown_number("12.799999999", None).is_err());
        assert!(shown_number(&shortest(0.1 + 0.2), None).is_err());
        assert!(shown_number(&shortest(0.1 + 0.2), Some(2)).is_err());
        assert_eq!(shortest(12.8), "12.8");
        assert_eq!(shortest(44.0), "44");
        assert_eq!(shortest(-0.0), "0");
        assert_eq!(round_to("5.25", 1), "5.3");
        assert_eq!(round_to("9.96", 1), "10.0");
        assert_eq!(round_to("12.799999999", 1), "12.8");
        assert_eq!(round_to("0.5", 0), "1");
        // General shows a long whole number in exponent form.
        assert_eq!(shown_number("100000000000", None), Err("1E+11".to_string()));
        assert_eq!(
            shown_number("123456789012345700", None),
            Err("1.23457E+17".to_string())
        );
    }

    #[test]
    fn a_csv_in_gb18030_is_read_as_excel_saves_it() {
        let (text, _, _) = encoding_rs::GB18030.encode("指标编号,区县\nx,东湖区\n");
        let grid = read_csv(&text, "q3".into()).unwrap();
        assert_eq!(grid.cell(1, 1), &Cell::Text("东湖区".into()));
        let with_bom = b"\xef\xbb\xbfid,actual\r\nx,\"1,200\"\r\n";
        let grid = read_csv(with_bom, "q3".into()).unwrap();
        assert_eq!(grid.cell(0, 0), &Cell::Text("id".into()));
        assert_eq!(grid.cell(1, 1), &Cell::Text("1,200".into()));
        assert!(read_csv(b"\xff\xfe\x00a", "x".into()).is_err());
    }
}
