//! Figures in and out of spreadsheets.
//!
//! `renewal sheet export` writes a workbook an editor fills in: for one
//! report, to change its figures, or for a new progress report on a plan,
//! with one row for each of the plan's metrics and places. `renewal sheet
//! import` reads the workbook back (or the same sheet saved as `.xls`,
//! `.ods` or `.csv`), checks every cell with the same checks a report's
//! front matter gets, and writes the report, changing nothing in it but
//! its figures.
//!
//! The layout is declared here once: the fields above the table, the
//! table's columns, and their headings and notes in each language. The
//! export writes it ([`export`]), the import finds it again by its
//! headings in any of the languages ([`read`], [`import`]), and [`edit`]
//! changes a report's front matter in place.

pub mod edit;
pub mod export;
pub mod import;
pub mod read;

use crate::i18n::Language;
use crate::i18n::messages::message_in;

/// The languages a workbook's headings may be written in: the import
/// knows a column by its heading in any of them.
const LANGUAGES: [Language; 3] = [Language::ZhHans, Language::ZhHant, Language::En];

/// The most rows a workbook's table may hold: far more than one report's
/// metrics and places (a plan of 100 metrics in 50 districts is 5,000),
/// and few enough to read at once.
pub const MAX_ROWS: usize = 20_000;

/// The largest workbook file read, in bytes.
pub const MAX_BYTES: u64 = 32 * 1024 * 1024;

/// A field above the table: which report the workbook is for, and, for a
/// new report, its title and date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The report's file, from the site's folder (`content/2025/x.md`).
    File,
    /// For a new progress report: the plan it reports on.
    Plan,
    Title,
    Published,
}

impl Field {
    pub const ALL: [Field; 4] = [Field::File, Field::Plan, Field::Title, Field::Published];

    pub fn key(self) -> &'static str {
        match self {
            Field::File => "file",
            Field::Plan => "plan",
            Field::Title => "title",
            Field::Published => "published",
        }
    }

    pub fn label(self, language: Language) -> String {
        message_in(language, &format!("sheet-field-{}", self.key()), &[])
    }

    /// The field whose label (in any language) or key is `text`.
    pub fn named(text: &str) -> Option<Field> {
        let text = text.trim();
        Field::ALL
            .into_iter()
            .find(|f| f.key() == text || LANGUAGES.iter().any(|&l| f.label(l) == text))
    }
}

/// A column of the table. Each row is one metric at one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Id,
    Label,
    Unit,
    Topic,
    Place,
    Target,
    /// The place's latest figure in the site's other reports: shown, not read.
    LastActual,
    /// When that figure was measured: shown, not read.
    LastAsOf,
    Actual,
    AsOf,
    Note,
}

impl Column {
    pub const ALL: [Column; 11] = [
        Column::Id,
        Column::Label,
        Column::Unit,
        Column::Topic,
        Column::Place,
        Column::Target,
        Column::LastActual,
        Column::LastAsOf,
        Column::Actual,
        Column::AsOf,
        Column::Note,
    ];

    /// Its name in the catalogues' ids and in a `.csv` heading.
    pub fn key(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Label => "label",
            Column::Unit => "unit",
            Column::Topic => "topic",
            Column::Place => "district",
            Column::Target => "target",
            Column::LastActual => "last_actual",
            Column::LastAsOf => "last_as_of",
            Column::Actual => "actual",
            Column::AsOf => "as_of",
            Column::Note => "note",
        }
    }

    /// Whether the import reads it; the others are there for reference.
    pub fn read(self) -> bool {
        !matches!(self, Column::LastActual | Column::LastAsOf)
    }

    /// Whether an editor types into it: the ids and places say which
    /// row is which, and must stay as they are.
    pub fn input(self) -> bool {
        self.read() && !matches!(self, Column::Id | Column::Place)
    }

    /// Whether it holds a figure.
    pub fn figure(self) -> bool {
        matches!(self, Column::Target | Column::Actual | Column::LastActual)
    }

    pub fn heading(self, language: Language) -> String {
        message_in(
            language,
            &format!("sheet-heading-{}", self.key().replace('_', "-")),
            &[],
        )
    }

    /// What the note on its heading says.
    pub fn note(self, language: Language) -> String {
        message_in(
            language,
            &format!("sheet-note-{}", self.key().replace('_', "-")),
            &[],
        )
    }

    /// The column whose heading (in any language) or key is `text`.
    pub fn named(text: &str) -> Option<Column> {
        let text = text.trim();
        Column::ALL
            .into_iter()
            .find(|c| c.key() == text || LANGUAGES.iter().any(|&l| c.heading(l) == text))
    }
}

/// What a row says for its place when it is the whole city's (or the
/// report's district's) figure rather than one district's.
pub fn whole_place(language: Language) -> String {
    message_in(language, "sheet-whole-place", &[])
}

/// Whether `text` names the whole place, in any language.
pub fn is_whole_place(text: &str) -> bool {
    let text = text.trim();
    LANGUAGES.iter().any(|&l| whole_place(l) == text)
}

/// A cell's address as a spreadsheet names it (`C7`), from 0-based row
/// and column.
pub fn address(row: usize, column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

/// The sheet the table is on, named in `language`.
pub fn data_sheet(language: Language) -> String {
    message_in(language, "sheet-name-data", &[])
}

/// Whether `name` is the table's sheet in any language.
pub fn is_data_sheet(name: &str) -> bool {
    LANGUAGES.iter().any(|&l| data_sheet(l) == name)
}

/// Writes `bytes` to `path` whole or not at all: into a file beside it,
/// then renamed over it, so that a report or workbook is never left
/// half-written.
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let temp = crate::output::temporary(path);
    let written = std::fs::File::create(&temp).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    match written.and_then(|()| std::fs::rename(&temp, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_spreadsheet_letters() {
        assert_eq!(address(0, 0), "A1");
        assert_eq!(address(6, 2), "C7");
        assert_eq!(address(9, 25), "Z10");
        assert_eq!(address(0, 26), "AA1");
        assert_eq!(address(0, 701), "ZZ1");
        assert_eq!(address(0, 702), "AAA1");
    }

    #[test]
    fn every_heading_is_known_in_every_language_and_no_two_are_alike() {
        for language in LANGUAGES {
            let mut seen = std::collections::BTreeSet::new();
            for column in Column::ALL {
                let heading = column.heading(language);
                assert!(!heading.starts_with("sheet-"), "{heading}");
                assert_eq!(Column::named(&heading), Some(column));
                assert!(seen.insert(heading));
                assert!(!column.note(language).starts_with("sheet-"));
            }
            for field in Field::ALL {
                assert_eq!(Field::named(&field.label(language)), Some(field));
            }
        }
    }
}
