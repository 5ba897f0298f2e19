//! The open data as Excel workbooks (`.xlsx`, Office Open XML), for the
//! readers of government data who open nothing else: the same rows and
//! columns as the CSV, headed in the site's language, with a second sheet
//! that says what each column holds.
//!
//! A figure is a number where a spreadsheet keeps it exactly (at most 15
//! significant digits, which a double holds), shown with the decimals the
//! report wrote (`5.70` is the number 5.7 in the format `0.00`), and text
//! otherwise. Every other value is text, the year a number, `fictional` a
//! true or false. Text is never a formula in a workbook, so it needs no
//! guard as the CSV's does.
//!
//! Written by hand rather than with a workbook library, because the
//! site-wide workbook must be put together from parts: each metric's rows
//! are deflated on their own (a fresh dictionary, ending on a byte
//! boundary), so that after an edit the parts of the metrics that did not
//! change are copied from the last build's file and only the changed ones
//! are made again, as for the CSV. A sheet's checksum is combined from its
//! parts'. No cell carries its address (both are optional in the format),
//! so a part reads the same wherever it lands. Rows beyond what a sheet
//! may hold (1,048,576 with its heading) go on to another sheet, a whole
//! metric at a time. The bytes depend on nothing but the rows and the
//! words: no clock, no random order.

use crate::model::open_data::{COLUMNS, Cell, Kind, Row};

/// The rows a sheet can hold below its heading.
pub const SHEET_ROWS: usize = (1 << 20) - 1;

/// The words of a workbook in the site's language: the heading of each
/// column and what it means, and the sheets' names.
pub struct Words {
    pub headings: Vec<String>,
    pub meanings: Vec<String>,
    /// The data sheet's name (`数据`); a second is `数据 2`.
    pub data: String,
    /// The dictionary sheet's name, and its three headings.
    pub dictionary: String,
    pub dictionary_headings: [String; 3],
    /// The parts every workbook has (its styles, its dictionary…), by
    /// name and count of data sheets, made and deflated once for all the
    /// workbooks of a build.
    pub made: std::sync::Mutex<rustc_hash::FxHashMap<(&'static str, usize), Part>>,
    /// Each metric's rows as its workbook and the site-wide one both hold
    /// them.
    pub shelf: Shelf,
}

/// Each metric's rows deflated, handed from whichever of the metric's own
/// workbook and the site-wide one makes them first to the other, so that
/// they are made once; the two make the same bytes from the same rows,
/// so which made them does not show. What waits on the shelf is kept
/// within [`Shelf::ROOM`]; past it, each makes its own.
#[derive(Default)]
pub struct Shelf {
    slots: Vec<std::sync::Mutex<Slot>>,
    held: std::sync::atomic::AtomicUsize,
}

#[derive(Default)]
enum Slot {
    #[default]
    Empty,
    /// The first is making it.
    Making,
    Left(Part),
    /// Both have come, or will not share.
    Done,
}

impl Shelf {
    /// The most bytes that wait on the shelf at once.
    const ROOM: usize = 32 << 20;

    /// A shelf for `metrics` metrics.
    pub fn new(metrics: usize) -> Shelf {
        Shelf {
            slots: (0..metrics).map(|_| Default::default()).collect(),
            held: Default::default(),
        }
    }

    /// Metric `m`'s rows deflated: as the other left them, else made by
    /// `make` and left for the other while there is room.
    pub fn part(&self, m: usize, make: impl FnOnce() -> Part) -> Part {
        use std::sync::atomic::Ordering::Relaxed;
        let Some(slot) = self.slots.get(m) else {
            return make();
        };
        let first = match slot.lock().as_deref_mut() {
            Ok(state @ Slot::Empty) => {
                *state = Slot::Making;
                true
            }
            Ok(state) => match std::mem::replace(state, Slot::Done) {
                Slot::Left(part) => {
                    self.held.fetch_sub(part.bytes.len(), Relaxed);
                    return part;
                }
                _ => false,
            },
            Err(_) => false,
        };
        let part = make();
        if first && let Ok(mut state) = slot.lock() {
            let len = part.bytes.len();
            let room = self.held.fetch_add(len, Relaxed) + len <= Self::ROOM;
            match (&*state, room) {
                (Slot::Making, true) => *state = Slot::Left(part.clone()),
                _ => {
                    self.held.fetch_sub(len, Relaxed);
                    *state = Slot::Done;
                }
            }
        }
        part
    }
}

impl Words {
    /// The part `name` of a workbook of `sheets` data sheets, whose XML
    /// `xml` makes, deflated: made once per build.
    fn deflated(
        &self,
        (name, sheets): (&'static str, usize),
        xml: impl FnOnce() -> Vec<u8>,
    ) -> Part {
        let key = (name, sheets);
        if let Some(part) = (self.made.lock().ok()).and_then(|made| made.get(&key).cloned()) {
            return part;
        }
        let part = deflate(&xml());
        if let Ok(mut made) = self.made.lock() {
            made.insert(key, part.clone());
        }
        part
    }
}

/// A stretch of a sheet's XML deflated on its own: its bytes, the CRC-32
/// of the XML and its length.
#[derive(Debug, Clone, Default)]
pub struct Part {
    pub bytes: Vec<u8>,
    pub crc: u32,
    pub len: u64,
}

/// `xml` deflated with a dictionary of its own, ending on a byte boundary
/// and not final, so that such parts can follow one another in a stream
/// that [`FINAL_BLOCK`] ends.
pub fn deflate(xml: &[u8]) -> Part {
    use flate2::{Compress, Compression, FlushCompress};
    thread_local! {
        static DEFLATE: std::cell::RefCell<Compress> =
            std::cell::RefCell::new(Compress::new(Compression::fast(), false));
    }
    let mut bytes = Vec::with_capacity(xml.len() / 4 + 64);
    DEFLATE.with(|cell| {
        let mut deflate = cell.borrow_mut();
        deflate.reset();
        let mut from = 0;
        loop {
            if bytes.capacity() - bytes.len() < 64 {
                bytes.reserve(bytes.capacity().max(1024));
            }
            let before = deflate.total_in();
            let done = deflate.compress_vec(&xml[from..], &mut bytes, FlushCompress::Sync);
            from += (deflate.total_in() - before) as usize;
            // Sync-flushed once all is in and the output had room to spare.
            if done.is_err() || (from == xml.len() && bytes.capacity() > bytes.len()) {
                break;
            }
        }
    });
    let mut crc = crc32fast::Hasher::new();
    crc.update(xml);
    Part {
        bytes,
        crc: crc.finalize(),
        len: xml.len() as u64,
    }
}

/// The last block of a deflate stream made of [`deflate`]'s parts: a
/// final block with nothing in it.
const FINAL_BLOCK: &[u8] = &[0x03, 0x00];

/// `rows` as the rows of a sheet (`<row>…</row>`, without addresses).
pub fn sheet_rows(rows: &[Row]) -> Vec<u8> {
    let mut out = Vec::with_capacity(rows.len() * 1200);
    for row in rows {
        out.extend_from_slice(b"<row>");
        for column in &COLUMNS {
            match ((column.value)(row), column.kind) {
                (Cell::Text(None), _) => out.extend_from_slice(b"<c/>"),
                (Cell::Text(Some(figure)), Kind::Figure) => number(&mut out, figure),
                (Cell::Text(Some(text)), _) => inline(&mut out, text),
                (Cell::Year(year), _) => {
                    out.extend_from_slice(b"<c><v>");
                    out.extend_from_slice(itoa::Buffer::new().format(year).as_bytes());
                    out.extend_from_slice(b"</v></c>");
                }
                (Cell::Flag(flag), _) => out.extend_from_slice(match flag {
                    true => b"<c t=\"b\"><v>1</v></c>",
                    false => b"<c t=\"b\"><v>0</v></c>",
                }),
            }
        }
        out.extend_from_slice(b"</row>");
    }
    out
}

/// The most a cell holds: 32,767 characters, counted as UTF-16 does.
const CELL_UNITS: usize = 32_767;

/// A text cell, held in the cell itself; spaces at its ends kept. A text
/// longer than a cell holds (a note of a whole page) is cut, ending in
/// `…`: the CSV and the JSON have it whole.
fn inline(out: &mut Vec<u8>, text: &str) {
    let shortened;
    let text = match text.len() > CELL_UNITS && text.encode_utf16().count() > CELL_UNITS {
        true => {
            // Room for the `…` that says it is cut.
            let mut units = 0;
            let end = (text.char_indices())
                .find(|(_, c)| {
                    units += c.len_utf16();
                    units > CELL_UNITS - 1
                })
                .map_or(text.len(), |(at, _)| at);
            shortened = format!("{}…", &text[..end]);
            shortened.as_str()
        }
        false => text,
    };
    let spaced = text.starts_with(char::is_whitespace) || text.ends_with(char::is_whitespace);
    out.extend_from_slice(match spaced {
        true => b"<c t=\"inlineStr\"><is><t xml:space=\"preserve\">",
        false => b"<c t=\"inlineStr\"><is><t>",
    });
    escape(out, text);
    out.extend_from_slice(b"</t></is></c>");
}

/// The style of a number with `decimals` decimals: the format `0`, `0.0`,
/// `0.00`… (see [`styles`]).
fn number_style(decimals: usize) -> usize {
    2 + decimals
}

/// The most decimals a number's format gives.
const MAX_DECIMALS: usize = 15;

/// A figure as written (`5.70`): a number shown with its decimals when a
/// double holds it exactly, else text.
fn number(out: &mut Vec<u8>, figure: &str) {
    let (whole, decimals) = figure.split_once('.').unwrap_or((figure, ""));
    let digits = whole.trim_start_matches('0').len() + decimals.len();
    let plain = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let exact = plain(whole) && (decimals.is_empty() || plain(decimals)) && digits <= 15;
    if !exact || decimals.len() > MAX_DECIMALS {
        return inline(out, figure);
    }
    out.extend_from_slice(b"<c s=\"");
    out.extend_from_slice(
        itoa::Buffer::new()
            .format(number_style(decimals.len()))
            .as_bytes(),
    );
    out.extend_from_slice(b"\"><v>");
    out.extend_from_slice(figure.as_bytes());
    out.extend_from_slice(b"</v></c>");
}

/// `text` in XML: `&`, `<` and `>` as entities; a character XML cannot
/// hold, and a `_` that would read as the start of one written so
/// (`_x0001_`), in the workbook's own escape.
fn escape(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    // Most text has nothing to escape.
    let plain = |b: &u8| !matches!(b, b'&' | b'<' | b'>' | b'_' | 0xEF) && *b >= 0x20;
    if bytes.iter().all(plain) {
        out.extend_from_slice(bytes);
        return;
    }
    let mut from = 0;
    for (i, c) in text.char_indices() {
        let coded = match c {
            '&' => Some("&amp;".to_string()),
            '<' => Some("&lt;".to_string()),
            '>' => Some("&gt;".to_string()),
            '\t' | '\n' | '\r' => None,
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                Some(format!("_x{:04X}_", c as u32))
            }
            '_' if looks_escaped(&bytes[i..]) => Some("_x005F_".to_string()),
            _ => None,
        };
        if let Some(coded) = coded {
            out.extend_from_slice(&bytes[from..i]);
            out.extend_from_slice(coded.as_bytes());
            from = i + c.len_utf8();
        }
    }
    out.extend_from_slice(&bytes[from..]);
}

/// Whether `text` starts as the workbook's escape of a character does
/// (`_x` four hexadecimal digits `_`).
fn looks_escaped(text: &[u8]) -> bool {
    text.len() >= 7
        && text[1] == b'x'
        && text[2..6].iter().all(u8::is_ascii_hexdigit)
        && text[6] == b'_'
}

/// The head of a data sheet: the heading row, frozen in place.
fn sheet_head(words: &Words) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(XML_DECLARATION);
    out.extend_from_slice(
        b"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\
<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>\
<sheetFormatPr defaultRowHeight=\"15\"/><cols><col min=\"1\" max=\"24\" width=\"16\" customWidth=\"1\"/></cols><sheetData>",
    );
    heading_row(&mut out, &words.headings);
    out
}

fn heading_row(out: &mut Vec<u8>, headings: &[String]) {
    out.extend_from_slice(b"<row>");
    for heading in headings {
        out.extend_from_slice(b"<c s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
        escape(out, heading);
        out.extend_from_slice(b"</t></is></c>");
    }
    out.extend_from_slice(b"</row>");
}

const SHEET_TAIL: &[u8] = b"</sheetData></worksheet>";

const XML_DECLARATION: &[u8] = b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The sheet that says what each column of the data holds.
fn dictionary(words: &Words) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(XML_DECLARATION);
    out.extend_from_slice(
        b"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\
<cols><col min=\"1\" max=\"2\" width=\"20\" customWidth=\"1\"/><col min=\"3\" max=\"3\" width=\"100\" customWidth=\"1\"/></cols><sheetData>",
    );
    heading_row(&mut out, &words.dictionary_headings);
    for (c, column) in COLUMNS.iter().enumerate() {
        out.extend_from_slice(b"<row>");
        let heading = words.headings.get(c).map_or("", String::as_str);
        let meaning = words.meanings.get(c).map_or("", String::as_str);
        for text in [heading, column.name, meaning] {
            inline(&mut out, text);
        }
        out.extend_from_slice(b"</row>");
    }
    out.extend_from_slice(SHEET_TAIL);
    out
}

/// The workbook's styles: 0 plain, 1 a heading (bold), and from 2 a number
/// with 0 to [`MAX_DECIMALS`] decimals (see [`number_style`]).
fn styles() -> Vec<u8> {
    let mut out = String::from_utf8_lossy(XML_DECLARATION).into_owned();
    out.push_str(
        "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
    );
    out.push_str(&format!("<numFmts count=\"{}\">", MAX_DECIMALS + 1));
    for decimals in 0..=MAX_DECIMALS {
        let code = match decimals {
            0 => "0".to_string(),
            n => format!("0.{}", "0".repeat(n)),
        };
        out.push_str(&format!(
            "<numFmt numFmtId=\"{}\" formatCode=\"{code}\"/>",
            164 + decimals
        ));
    }
    out.push_str(
        "</numFmts><fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>\
<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>\
<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>\
<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>",
    );
    out.push_str(&format!("<cellXfs count=\"{}\">", MAX_DECIMALS + 3));
    out.push_str("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>");
    out.push_str(
        "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>",
    );
    for decimals in 0..=MAX_DECIMALS {
        out.push_str(&format!(
            "<xf numFmtId=\"{}\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>",
            164 + decimals
        ));
    }
    out.push_str(
        "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>",
    );
    out.into_bytes()
}

/// The package's parts that say what the others are: their types, where
/// the workbook is, and its `sheets` sheets (the data's, then the
/// dictionary).
fn content_types(sheets: usize) -> Vec<u8> {
    let mut out = String::from_utf8_lossy(XML_DECLARATION).into_owned();
    out.push_str(
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>",
    );
    for n in 1..=sheets {
        out.push_str(&format!(
            "<Override PartName=\"/xl/worksheets/sheet{n}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        ));
    }
    out.push_str("</Types>");
    out.into_bytes()
}

const PACKAGE_RELS: &str = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

/// `xl/workbook.xml` and its relations, for `data` data sheets and the
/// dictionary.
fn workbook_parts(words: &Words, data: usize) -> (Vec<u8>, Vec<u8>) {
    let mut book = String::from_utf8_lossy(XML_DECLARATION).into_owned();
    book.push_str(
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><bookViews><workbookView/></bookViews><sheets>",
    );
    let mut rels = String::from_utf8_lossy(XML_DECLARATION).into_owned();
    rels.push_str(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    for (n, name) in (1..).zip(sheet_names(words, data)) {
        let mut escaped = Vec::new();
        escape(&mut escaped, &name);
        book.push_str(&format!(
            "<sheet name=\"{}\" sheetId=\"{n}\" r:id=\"rId{n}\"/>",
            String::from_utf8_lossy(&escaped).replace('"', "&quot;")
        ));
        rels.push_str(&format!(
            "<Relationship Id=\"rId{n}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{n}.xml\"/>"
        ));
    }
    book.push_str("</sheets></workbook>");
    rels.push_str(&format!(
        "<Relationship Id=\"rId{}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>",
        data + 2
    ));
    (book.into_bytes(), rels.into_bytes())
}

/// The names of `data` data sheets (`数据`, `数据 2`, …) and of the
/// dictionary, as spreadsheets take them: each one once, whatever the
/// theme's words (two sheets may not share a name, in any letter case).
fn sheet_names(words: &Words, data: usize) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(data + 1);
    for n in 1..=data + 1 {
        let wanted = match n {
            n if n > data => words.dictionary.clone(),
            1 => words.data.clone(),
            n => format!("{} {n}", words.data),
        };
        let mut name = sheet_name(&wanted);
        let mut again = 1;
        while names
            .iter()
            .any(|taken| taken.to_lowercase() == name.to_lowercase())
        {
            again += 1;
            let suffix = format!(" ({again})");
            let room = 31 - suffix.chars().count();
            name = format!(
                "{}{suffix}",
                sheet_name(&wanted).chars().take(room).collect::<String>()
            );
        }
        names.push(name);
    }
    names
}

/// A sheet's name as spreadsheets take it: at most 31 characters, none of
/// `[]:*?/\`, never empty.
fn sheet_name(name: &str) -> String {
    let clean: String = (name.chars())
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') && !c.is_control())
        .take(31)
        .collect();
    match clean.trim().trim_matches('\'') {
        "" => "Sheet".to_string(),
        name => name.to_string(),
    }
}

/// Which sheet each of a run of metrics goes on, given how many rows each
/// has: a sheet takes whole metrics while they fit. A metric with more
/// rows than a sheet holds (a million figures of one metric) has a sheet
/// of its own, which a spreadsheet shows cut at its end; its own workbook
/// has them all. The result gives, for each sheet, its first metric.
pub fn sheets_of(rows: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut starts = vec![0];
    let mut held = 0;
    for (m, n) in rows.enumerate() {
        if held + n > SHEET_ROWS && held > 0 {
            starts.push(m);
            held = 0;
        }
        held += n;
    }
    starts
}

/// One file in the package.
struct Entry {
    name: String,
    crc: u32,
    compressed: u64,
    len: u64,
    at: u64,
    /// Its sizes and checksum follow its data rather than head it.
    after: bool,
}

/// A workbook as it is written: the package's entries so far and where
/// the next byte goes. The caller hands out what it returns, and a data
/// sheet's parts between [`Book::open_sheet`] and [`Book::close_sheet`],
/// telling the book of each ([`Book::part`]).
pub struct Book {
    words: std::sync::Arc<Words>,
    entries: Vec<Entry>,
    at: u64,
    sheets: usize,
    /// The data sheet being written: its entry, checksum, sizes.
    open: Option<(usize, crc32fast::Hasher, u64, u64)>,
}

impl Book {
    /// A workbook of `sheets` data sheets, begun: the types of its parts,
    /// its relations and its styles go onto `out`.
    pub fn new(words: std::sync::Arc<Words>, sheets: usize, out: &mut Vec<u8>) -> Book {
        let mut book = Book {
            words,
            entries: Vec::new(),
            at: 0,
            sheets: 0,
            open: None,
        };
        let name = "[Content_Types].xml";
        book.whole(name, (name, sheets), || content_types(sheets + 1), out);
        let name = "_rels/.rels";
        book.whole(name, (name, 0), || PACKAGE_RELS.as_bytes().to_vec(), out);
        book.whole("xl/styles.xml", ("xl/styles.xml", 0), styles, out);
        book
    }

    /// An entry made whole now, named `name`, its part as the build keeps
    /// it by `key` (see [`Words::deflated`]).
    fn whole(
        &mut self,
        name: &str,
        key: (&'static str, usize),
        xml: impl FnOnce() -> Vec<u8>,
        out: &mut Vec<u8>,
    ) {
        let part = self.words.deflated(key, xml);
        let mut entry = Entry {
            name: name.to_string(),
            crc: part.crc,
            compressed: part.bytes.len() as u64 + FINAL_BLOCK.len() as u64,
            len: part.len,
            at: self.at,
            after: false,
        };
        let start = out.len();
        local_header(&entry, out);
        out.extend_from_slice(&part.bytes);
        out.extend_from_slice(FINAL_BLOCK);
        entry.at = self.at;
        self.at += (out.len() - start) as u64;
        self.entries.push(entry);
    }

    /// Begins the next data sheet (closing the one open): its head goes
    /// onto `out`.
    pub fn open_sheet(&mut self, out: &mut Vec<u8>) {
        self.close_sheet(out);
        self.sheets += 1;
        let entry = Entry {
            name: format!("xl/worksheets/sheet{}.xml", self.sheets),
            crc: 0,
            compressed: 0,
            len: 0,
            at: self.at,
            after: true,
        };
        let start = out.len();
        local_header(&entry, out);
        self.at += (out.len() - start) as u64;
        self.entries.push(entry);
        self.open = Some((self.entries.len() - 1, crc32fast::Hasher::new(), self.at, 0));
        let words = self.words.clone();
        let head = self.words.deflated(("head", 0), || sheet_head(&words));
        out.extend_from_slice(&head.bytes);
        self.part(&head);
    }

    /// Notes that a part of the open sheet's XML, its CRC-32 and length
    /// as `part` gives them, `compressed` bytes of it, is handed out.
    pub fn part_of(&mut self, crc: u32, len: u64, compressed: u64) {
        if let Some((_, hasher, _, xml)) = self.open.as_mut() {
            hasher.combine(&crc32fast::Hasher::new_with_initial_len(crc, len));
            *xml += len;
        }
        self.at += compressed;
    }

    /// [`Book::part_of`] for a part made now.
    pub fn part(&mut self, part: &Part) {
        self.part_of(part.crc, part.len, part.bytes.len() as u64);
    }

    /// Ends the open data sheet, if one is: its tail and the description
    /// of its data go onto `out`.
    pub fn close_sheet(&mut self, out: &mut Vec<u8>) {
        if self.open.is_none() {
            return;
        }
        let tail = self.words.deflated(("tail", 0), || SHEET_TAIL.to_vec());
        out.extend_from_slice(&tail.bytes);
        out.extend_from_slice(FINAL_BLOCK);
        self.part(&tail);
        self.at += FINAL_BLOCK.len() as u64;
        let Some((e, hasher, start, len)) = self.open.take() else {
            return;
        };
        let entry = &mut self.entries[e];
        entry.crc = hasher.finalize();
        entry.len = len;
        entry.compressed = self.at - start;
        let at = out.len();
        out.extend_from_slice(&0x0807_4b50u32.to_le_bytes());
        out.extend_from_slice(&entry.crc.to_le_bytes());
        out.extend_from_slice(&(entry.compressed as u32).to_le_bytes());
        out.extend_from_slice(&(entry.len as u32).to_le_bytes());
        self.at += (out.len() - at) as u64;
    }

    /// Ends the workbook: the dictionary, the workbook's own parts and the
    /// package's directory go onto `out`. An error if the package is too
    /// large for the format (4 GiB, or a sheet of more than 4 GiB of XML).
    pub fn finish(&mut self, out: &mut Vec<u8>) -> std::io::Result<()> {
        // A site without figures has a data sheet all the same: its
        // heading.
        if self.sheets == 0 {
            self.open_sheet(out);
        }
        self.close_sheet(out);
        let data = self.sheets;
        let words = self.words.clone();
        // The dictionary is the same sheet whatever its number.
        let sheet = format!("xl/worksheets/sheet{}.xml", data + 1);
        self.whole(&sheet, ("dictionary", 0), || dictionary(&words), out);
        let name = "xl/workbook.xml";
        self.whole(name, (name, data), || workbook_parts(&words, data).0, out);
        let name = "xl/_rels/workbook.xml.rels";
        self.whole(name, (name, data), || workbook_parts(&words, data).1, out);
        let directory = self.at;
        let start = out.len();
        let too_large = |n: u64| u32::try_from(n).is_err();
        for entry in &self.entries {
            if too_large(entry.len) || too_large(entry.compressed) || too_large(entry.at) {
                return Err(std::io::Error::other(
                    "the workbook would be larger than an XLSX file can be (4 GiB)",
                ));
            }
            out.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
            out.extend_from_slice(&20u16.to_le_bytes());
            common_header(entry, false, out);
            // No comment; on the first disk; no attributes.
            out.extend_from_slice(&[0; 10]);
            out.extend_from_slice(&(entry.at as u32).to_le_bytes());
            out.extend_from_slice(entry.name.as_bytes());
        }
        let size = (out.len() - start) as u64;
        if too_large(directory) || too_large(directory + size) {
            return Err(std::io::Error::other(
                "the workbook would be larger than an XLSX file can be (4 GiB)",
            ));
        }
        let count = self.entries.len() as u16;
        out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&(size as u32).to_le_bytes());
        out.extend_from_slice(&(directory as u32).to_le_bytes());
        out.extend_from_slice(&[0; 2]);
        self.at += (out.len() - start) as u64;
        Ok(())
    }

    /// How many bytes were handed out.
    pub fn at(&self) -> u64 {
        self.at
    }
}

/// Where a metric's part is in a site-wide workbook, with what the sheet's
/// checksum is combined from, for the next build to copy it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PartAt {
    pub id: String,
    pub at: [u64; 2],
    pub crc: u32,
    pub len: u64,
    pub rows: usize,
}

/// Where each metric's part is in a site-wide workbook `size` bytes long.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Placed {
    pub size: u64,
    pub parts: Vec<PartAt>,
}

/// An entry's local header.
fn local_header(entry: &Entry, out: &mut Vec<u8>) {
    out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
    common_header(entry, true, out);
    out.extend_from_slice(entry.name.as_bytes());
}

/// What an entry's local header and its directory record share, from the
/// version needed to extract it to the length of its extra field. The
/// local header of an entry described after its data has no sizes.
fn common_header(entry: &Entry, local: bool, out: &mut Vec<u8>) {
    let (crc, compressed, len) = match local && entry.after {
        true => (0, 0, 0),
        false => (entry.crc, entry.compressed as u32, entry.len as u32),
    };
    out.extend_from_slice(&20u16.to_le_bytes());
    out.extend_from_slice(&(if entry.after { 8u16 } else { 0 }).to_le_bytes());
    out.extend_from_slice(&8u16.to_le_bytes());
    // 1 January 1980, midnight: the same bytes from every build.
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&0x21u16.to_le_bytes());
    out.extend_from_slice(&crc.to_le_bytes());
    out.extend_from_slice(&compressed.to_le_bytes());
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&(entry.name.len() as u16).to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
}

/// The workbook of metric `m`'s `rows`, made whole; an error if it would
/// be larger than the format allows. Its rows are those the site-wide
/// workbook holds, taken from the shelf when that made them first.
pub fn workbook(words: &std::sync::Arc<Words>, m: usize, rows: &[Row]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let sheets = rows.len().div_ceil(SHEET_ROWS).max(1);
    let mut book = Book::new(words.clone(), sheets, &mut out);
    for n in 0..sheets {
        book.open_sheet(&mut out);
        let chunk = &rows[(n * SHEET_ROWS).min(rows.len())..((n + 1) * SHEET_ROWS).min(rows.len())];
        let make = || deflate(&sheet_rows(chunk));
        let part = match sheets {
            1 => words.shelf.part(m, make),
            _ => make(),
        };
        out.extend_from_slice(&part.bytes);
        book.part(&part);
    }
    book.finish(&mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: Vec<u8>) -> String {
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn text_is_written_so_that_xml_and_spreadsheets_read_it_back() {
        let mut out = Vec::new();
        escape(&mut out, "<b>&\u{1}_x0041_ 老旧小区_x");
        assert_eq!(text(out), "&lt;b&gt;&amp;_x0001__x005F_x0041_ 老旧小区_x");
        let mut out = Vec::new();
        inline(&mut out, " 前后有空格 ");
        assert!(text(out).contains("xml:space=\"preserve\""));
    }

    #[test]
    fn a_text_longer_than_a_cell_holds_is_cut_to_fit() {
        let mut out = Vec::new();
        inline(&mut out, &"老".repeat(40_000));
        let cell = text(out);
        let held = cell
            .split("<t>")
            .nth(1)
            .unwrap()
            .split("</t>")
            .next()
            .unwrap();
        assert_eq!(held.encode_utf16().count(), CELL_UNITS);
        assert!(held.ends_with('…'));
        let mut out = Vec::new();
        inline(&mut out, &"老".repeat(CELL_UNITS));
        assert!(!text(out).contains('…'), "a text that fits is whole");
    }

    #[test]
    fn a_workbook_without_rows_has_its_heading_sheet() {
        let words = std::sync::Arc::new(Words {
            headings: vec!["指标编号".to_string()],
            meanings: Vec::new(),
            data: "数据".to_string(),
            dictionary: "数据字典".to_string(),
            dictionary_headings: Default::default(),
            made: Default::default(),
            shelf: Shelf::default(),
        });
        let mut out = Vec::new();
        let mut book = Book::new(words, 1, &mut out);
        book.finish(&mut out).unwrap();
        let names: Vec<&str> = book.entries.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"xl/worksheets/sheet1.xml"), "{names:?}");
        assert!(names.contains(&"xl/worksheets/sheet2.xml"), "{names:?}");
    }

    #[test]
    fn a_figure_is_a_number_only_where_a_spreadsheet_keeps_it_exactly() {
        let cell = |figure: &str| {
            let mut out = Vec::new();
            number(&mut out, figure);
            text(out)
        };
        assert_eq!(cell("5.70"), "<c s=\"4\"><v>5.70</v></c>");
        assert_eq!(cell("44"), "<c s=\"2\"><v>44</v></c>");
        assert_eq!(
            cell("123456789012345"),
            "<c s=\"2\"><v>123456789012345</v></c>"
        );
        // Sixteen significant digits: a double cannot hold them all.
        assert!(cell("1234567890123456").contains("inlineStr"));
        assert!(cell("0.1234567890123456").contains("inlineStr"));
        assert_eq!(cell("0.000001"), "<c s=\"8\"><v>0.000001</v></c>");
    }

    #[test]
    fn every_sheet_has_a_name_of_its_own_that_spreadsheets_take() {
        let words = |data: &str, dictionary: &str| Words {
            headings: Vec::new(),
            meanings: Vec::new(),
            data: data.to_string(),
            dictionary: dictionary.to_string(),
            dictionary_headings: Default::default(),
            made: Default::default(),
            shelf: Shelf::default(),
        };
        assert_eq!(
            sheet_names(&words("数据", "数据字典"), 2),
            ["数据", "数据 2", "数据字典"]
        );
        assert_eq!(sheet_names(&words("Data", "data"), 1), ["Data", "data (2)"]);
        assert_eq!(sheet_names(&words("a/b:c", ""), 1), ["abc", "Sheet"]);
        let long = "很".repeat(40);
        let names = sheet_names(&words(&long, &long), 1);
        assert!(names.iter().all(|n| n.chars().count() <= 31), "{names:?}");
        assert_ne!(names[0], names[1]);
    }

    #[test]
    fn a_sheet_takes_whole_metrics_while_they_fit() {
        assert_eq!(sheets_of([3, 4, 5].into_iter()), vec![0]);
        assert_eq!(sheets_of([SHEET_ROWS - 1, 1, 1].into_iter()), vec![0, 2]);
        assert_eq!(sheets_of([SHEET_ROWS + 5, 1].into_iter()), vec![0, 1]);
        assert_eq!(
            sheets_of([0, SHEET_ROWS, SHEET_ROWS].into_iter()),
            vec![0, 2]
        );
    }

    #[test]
    fn rows_made_once_are_handed_to_the_other_workbook_within_the_room() {
        let shelf = Shelf::new(2);
        let made = std::sync::atomic::AtomicUsize::new(0);
        let make = || {
            made.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            deflate(b"<row><c/></row>")
        };
        let first = shelf.part(0, make);
        let second = shelf.part(0, make);
        assert_eq!((first.bytes, first.crc), (second.bytes, second.crc));
        assert_eq!(made.load(std::sync::atomic::Ordering::Relaxed), 1);
        assert_eq!(shelf.held.load(std::sync::atomic::Ordering::Relaxed), 0);
        // A third asks after both: made again, not kept.
        let _ = shelf.part(0, make);
        assert_eq!(made.load(std::sync::atomic::Ordering::Relaxed), 2);
        // Nothing waits past the room.
        let big = Shelf::new(1);
        let _ = big.part(0, || Part {
            bytes: vec![0; Shelf::ROOM + 1],
            ..Part::default()
        });
        assert_eq!(big.held.load(std::sync::atomic::Ordering::Relaxed), 0);
    }

    #[test]
    fn parts_deflated_apart_read_as_one_stream() {
        use std::io::Read;
        let (a, b) = (
            deflate(b"<row>a</row>"),
            deflate(&b"<row>b</row>".repeat(5000)),
        );
        let stream = [&a.bytes[..], &b.bytes, FINAL_BLOCK].concat();
        let mut xml = Vec::new();
        flate2::read::DeflateDecoder::new(&stream[..])
            .read_to_end(&mut xml)
            .unwrap();
        assert_eq!(
            xml,
            [&b"<row>a</row>"[..], &b"<row>b</row>".repeat(5000)].concat()
        );
        let mut whole = crc32fast::Hasher::new();
        whole.update(&xml);
        let mut combined = crc32fast::Hasher::new_with_initial_len(a.crc, a.len);
        combined.combine(&crc32fast::Hasher::new_with_initial_len(b.crc, b.len));
        assert_eq!(combined.finalize(), whole.finalize());
    }
}
