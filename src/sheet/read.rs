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
    /// and the decimals its number format shows, when it has a fixed
    /// number of them.
    Number {
        held: String,
        decimals: Option<usize>,
    },
    /// A date the spreadsheet made of what was typed, as `YYYY-MM-DD`.
    Date(String),
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
    /// Whether the file says how each number cell is shown (`.xlsx`
    /// does; `.xls` and `.ods` as calamine reads them do not).
    pub formats_known: bool,
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
    let refuse = |reason: String| {
        Diagnostic::file(shown, crate::say!("sheet-not-workbook", reason = reason))
    };
    let meta = std::fs::metadata(path).map_err(|e| refuse(crate::i18n::messages::reason(&e)))?;
    if !meta.is_file() {
        return Err(refuse(crate::say!("not-regular")));
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
    let bytes = std::fs::read(path).map_err(|e| refuse(crate::i18n::messages::reason(&e)))?;
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
fn read_csv(bytes: &[u8], sheet: String) -> Result<Grid, String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        // What Excel and WPS save as "CSV" on a Chinese Windows.
        Err(_) => encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .ok_or_else(|| crate::say!("sheet-csv-encoding"))?,
    };
    if text.contains('\0') {
        return Err(crate::say!("sheet-csv-encoding"));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        rows.push(
            record
                .iter()
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

/// A workbook's table sheet, through calamine, which tells the format
/// from the file's first bytes. An `.xlsx` sheet is read cell by cell, so
/// that a sheet with a million rows, or with one cell far from the
/// others, is refused or passed over without the whole sheet being laid
/// out in memory.
fn read_book(bytes: Vec<u8>) -> Result<Grid, String> {
    let mut book =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let names = book.sheet_names();
    let sheet = (names.iter().find(|n| super::is_data_sheet(n)))
        .or(names.first())
        .cloned()
        .ok_or_else(|| crate::say!("sheet-no-sheets"))?;
    let mut grid = Grid {
        sheet: sheet.clone(),
        ..Grid::default()
    };
    let too_many = |rows: usize| crate::say!("sheet-too-many-rows", rows = rows, most = MAX_ROWS);
    match &mut book {
        calamine::Sheets::Xlsx(xlsx) => {
            let styles = xlsx.worksheet_style(&sheet).ok();
            let decimals_at = |row: usize, column: usize| -> Option<usize> {
                let style = styles.as_ref()?.get((row as u32, column as u32))?;
                decimals(&style.number_format.as_ref()?.format_code)
            };
            let mut cells = xlsx
                .worksheet_cells_reader(&sheet)
                .map_err(|e| e.to_string())?;
            // A sheet that says it is larger than any report's is refused
            // before its cells are read.
            let height = cells.dimensions().end.0 as usize + 1;
            if height > MAX_ROWS + 10 {
                return Err(too_many(height));
            }
            while let Some(cell) = cells.next_cell_with_formula().map_err(|e| e.to_string())? {
                let (row, column) = (cell.pos.0 as usize, cell.pos.1 as usize);
                if row > MAX_ROWS + 10 {
                    return Err(too_many(row + 1));
                }
                if column >= MAX_COLUMNS {
                    continue;
                }
                if let Some(formula) = cell.formula.filter(|f| !f.is_empty()) {
                    grid.formulas.push((row, column, formula));
                }
                let value = Data::from(cell.value);
                grid.put(row, column, cell_of(&value, || decimals_at(row, column)));
            }
            drop(cells);
            grid.formats_known = true;
            grid.merged = xlsx
                .merge_cells_by_sheet_name(&sheet)
                .unwrap_or_default()
                .into_iter()
                .map(corners)
                .collect();
        }
        book => {
            let range = book.worksheet_range(&sheet).map_err(|e| e.to_string())?;
            let (top, left) = range.start().unwrap_or((0, 0));
            let (top, left) = (top as usize, left as usize);
            if top + range.height() > MAX_ROWS + 10 {
                return Err(too_many(top + range.height()));
            }
            for (r, c, data) in range.used_cells() {
                if left + c < MAX_COLUMNS {
                    grid.put(top + r, left + c, cell_of(data, || None));
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

/// A cell as the editor sees it; `decimals` gives its number format's,
/// when the file says.
fn cell_of(data: &Data, decimals: impl FnOnce() -> Option<usize>) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(t) if t.is_empty() => Cell::Empty,
        Data::String(t) | Data::DateTimeIso(t) | Data::DurationIso(t) => Cell::Text(t.clone()),
        Data::Int(n) => Cell::Text(n.to_string()),
        Data::Float(x) => Cell::Number {
            held: shortest(*x),
            decimals: decimals(),
        },
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.to_string()),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
        Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            Cell::Date(format!("{y:04}-{m:02}-{day:02}"))
        }
    }
}

/// The shortest decimal that reads back as `x` (`12.8`, `5.7`, `44`).
fn shortest(x: f64) -> String {
    let text = format!("{x}");
    match text.strip_suffix(".0") {
        Some(whole) => whole.to_string(),
        None => text,
    }
}

/// The decimals a number format shows, when it shows a fixed number:
/// `0.00` and `#,##0.00` show 2, `0` shows 0; `General`, text and the
/// others (percentages, dates, exponents) `None`.
pub fn decimals(format: &str) -> Option<usize> {
    let first = format.split(';').next()?;
    let plain = first
        .chars()
        .all(|c| matches!(c, '0' | '#' | ',' | '.' | '_' | ' ' | ')' | '(' | '\\'));
    if !plain || !first.contains('0') {
        return None;
    }
    Some(match first.split_once('.') {
        Some((_, after)) => after.chars().take_while(|&c| c == '0' || c == '#').count(),
        None => 0,
    })
}

/// How many significant digits a double keeps exactly.
const EXACT_DIGITS: usize = 15;

/// The text a number cell shows, or why it cannot be taken: `Err` holds
/// what the sheet would show, when that differs from what the cell holds.
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

/// `held` as the General format shows it: in at most 11 characters.
fn general(held: &str) -> String {
    let whole = held.split('.').next().unwrap_or(held).len();
    let shown = round_to(held, 10usize.saturating_sub(whole));
    match shown.contains('.') {
        true => shown
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string(),
        false => shown,
    }
}

/// `held` as a sheet shows it with `decimals` decimals.
fn round_to(held: &str, decimals: usize) -> String {
    match held.parse::<f64>() {
        Ok(x) => format!("{x:.decimals$}"),
        Err(_) => held.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats_give_their_decimals() {
        assert_eq!(decimals("0.00"), Some(2));
        assert_eq!(decimals("#,##0.0"), Some(1));
        assert_eq!(decimals("0"), Some(0));
        assert_eq!(decimals("General"), None);
        assert_eq!(decimals("@"), None);
        assert_eq!(decimals("0.00%"), None);
        assert_eq!(decimals("yyyy-mm-dd"), None);
        assert_eq!(decimals("0.00E+00"), None);
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
