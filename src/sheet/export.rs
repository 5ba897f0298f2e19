//! `renewal sheet export`: the workbook an editor fills in.
//!
//! Written with rust_xlsxwriter, which writes what this workbook needs
//! and the site's own open-data writer does not: notes on the headings,
//! drop-down lists, a protected sheet with cells left open for input.
//! The workbook has three sheets: the table (填报), how to fill it in
//! (填写说明), and the lists the drop-downs offer (选项, hidden).
//!
//! Figures are written as text in cells formatted as text, so that `5.70`
//! stays `5.70` in Excel, WPS and LibreOffice, and what the editor types
//! there stays exactly as typed.

use super::{Column, Field, data_sheet, whole_place};
use crate::i18n::Language;
use crate::i18n::messages::message_in;
use crate::model::config::Config;
use crate::model::{DistrictId, Report, ReportKind};
use rust_xlsxwriter::{
    Color, DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder,
    Formula, Note, ProtectionOptions, Workbook, Worksheet, XlsxError,
};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

/// Where the table's headings are: the fields above take the rows
/// before it.
pub const HEADING_ROW: usize = Field::ALL.len() + 1;

/// A workbook made, and the report it is for.
pub struct Exported {
    pub bytes: Vec<u8>,
    /// Rows in its table.
    pub rows: usize,
    /// The file the import will write (`content/2025/x.md`).
    pub report_file: String,
}

/// One row of the table, by column.
pub type Row = [String; Column::ALL.len()];

/// The site, as the export and the import read it.
pub struct Site {
    pub config: Config,
    /// Every report that could be read, newest first.
    pub reports: Vec<Arc<Report>>,
    /// The problems found in reading them, each at its file.
    pub problems: Vec<crate::diagnostic::Diagnostic>,
}

impl Site {
    /// Reads the site at `root`. A site with problems is still read: the
    /// workbook is for putting figures right.
    pub fn read(root: &Path) -> Result<Site, Vec<crate::diagnostic::Diagnostic>> {
        let config = crate::load::load_config(root)?;
        let loaded = crate::load::reports(root, &config, None, None);
        Ok(Site {
            config,
            reports: loaded.reports,
            problems: loaded.problems,
        })
    }

    /// The report named `key`: its file (from the site's folder, or as
    /// given on the command line) or its slug.
    pub fn report(&self, root: &Path, key: &str) -> Option<&Arc<Report>> {
        let given = Path::new(key);
        (self.reports.iter()).find(|r| {
            r.file == key
                || r.slug == key
                || given.ends_with(&r.file)
                    && root.join(&r.file).canonicalize().ok() == given.canonicalize().ok()
        })
    }

    /// What a metric is called, its unit and its topic: as the report
    /// says, or else as the first report that says (a plan, usually).
    pub fn described(
        &self,
        id: &str,
        field: fn(&crate::model::MetricEntry) -> Option<&String>,
    ) -> Option<String> {
        let entries = self.reports.iter().rev().flat_map(|r| r.metrics.iter());
        let mut plans = entries.clone().filter(|m| m.id == id);
        (plans.find_map(|m| field(m).cloned())).or_else(|| {
            entries
                .filter(|m| m.id == id)
                .find_map(|m| field(m).cloned())
        })
    }

    /// The latest figure another report gives for `id` at `place`, and
    /// when it was measured; only reports published by `until`, if given.
    pub fn last(
        &self,
        id: &str,
        place: Option<&DistrictId>,
        except: &str,
        until: Option<crate::model::date::Date>,
    ) -> Option<(String, String)> {
        let mut best: Option<(crate::model::date::Date, String)> = None;
        for report in &self.reports {
            if report.file == except || until.is_some_and(|u| report.published > u) {
                continue;
            }
            for metric in report.metrics.iter().filter(|m| m.id == id) {
                for value in metric
                    .values
                    .iter()
                    .filter(|v| v.district.as_ref() == place)
                {
                    if let Some(actual) = value.actual
                        && best.as_ref().is_none_or(|(date, _)| value.as_of > *date)
                    {
                        best = Some((value.as_of, actual.to_string()));
                    }
                }
            }
        }
        best.map(|(date, figure)| (figure, date.to_string()))
    }

    /// The target a plan gives `id` at `place`, as written.
    pub fn planned_target(&self, id: &str, place: Option<&DistrictId>) -> Option<String> {
        (self.reports.iter())
            .filter(|r| r.kind == ReportKind::Plan)
            .flat_map(|r| r.metrics.iter().filter(|m| m.id == id))
            .flat_map(|m| m.values.iter())
            .find(|v| v.district.as_ref() == place && v.target.is_some())
            .and_then(|v| v.target.map(|f| f.to_string()))
    }

    /// A place as the table names it: a district by its name, the whole
    /// city in words.
    pub fn place_name(&self, city: &str, place: Option<&DistrictId>, language: Language) -> String {
        match place {
            Some(id) => (self.config.city(city).and_then(|c| c.district(id)))
                .map_or_else(|| id.to_string(), |d| d.name.clone()),
            None => whole_place(language),
        }
    }
}

/// The workbook for `report` (a file or slug). With `progress`, the
/// report must be a plan, and the workbook is for a new progress report
/// on it: the plan's targets and the latest figures filled in, the new
/// figures to type.
pub fn export(root: &Path, key: &str, progress: bool) -> Result<Exported, String> {
    let site = Site::read(root).map_err(|problems| {
        (problems.iter().map(ToString::to_string))
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let report = site
        .report(root, key)
        .ok_or_else(|| crate::say!("sheet-no-report", report = key))?;
    if progress && report.kind != ReportKind::Plan {
        return Err(crate::say!("sheet-not-plan", report = &report.file));
    }
    let language = site.config.language;
    let mut rows: Vec<Row> = Vec::new();
    let text = std::fs::read_to_string(root.join(&report.file)).unwrap_or_default();
    let layout = super::edit::layout(&text);
    for (i, metric) in report.metrics.iter().enumerate() {
        let at = layout.as_ref().and_then(|l| l.metrics.get(i));
        let label = metric
            .label
            .clone()
            .or_else(|| site.described(&metric.id, |m| m.label.as_ref()));
        let unit = metric
            .unit
            .clone()
            .or_else(|| site.described(&metric.id, |m| m.unit.as_ref()));
        let topic = metric
            .topic
            .clone()
            .or_else(|| site.described(&metric.id, |m| m.topic.as_ref()));
        let topic = topic.map(|t| site.config.topic(&t).map_or(t, |t| t.name.clone()));
        for (k, value) in metric.values.iter().enumerate() {
            let until = (!progress).then_some(report.published);
            let except = if progress { "" } else { report.file.as_str() };
            let last = site.last(&metric.id, value.district.as_ref(), except, until);
            let (last_actual, last_as_of) = last.unwrap_or_default();
            let figure =
                |f: Option<crate::model::Figure>| f.map(|f| f.to_string()).unwrap_or_default();
            // A figure for the whole place is the metric's own: its note
            // is the metric's.
            let note = match at.is_some_and(|at| at.metric_level(k)) {
                true => metric.note.clone(),
                false => value.note.clone(),
            };
            let (actual, as_of, note) = match progress {
                true => (String::new(), String::new(), String::new()),
                false => (
                    figure(value.actual),
                    value.as_of.to_string(),
                    note.unwrap_or_default(),
                ),
            };
            // A report that gives no target of its own is shown its plan's.
            let target = match value.target {
                Some(own) => own.to_string(),
                None => {
                    (site.planned_target(&metric.id, value.district.as_ref())).unwrap_or_default()
                }
            };
            rows.push([
                metric.id.clone(),
                label.clone().unwrap_or_default(),
                unit.clone().unwrap_or_default(),
                topic.clone().unwrap_or_default(),
                site.place_name(&report.city, value.district.as_ref(), language),
                target,
                last_actual,
                last_as_of,
                actual,
                as_of,
                note,
            ]);
        }
    }
    // A cell holds at most 32,767 characters (UTF-16 units); a text cut
    // to fit would be imported back as a change.
    for row in &rows {
        if let Some((column, _)) =
            (Column::ALL.iter().zip(row)).find(|(_, t)| t.encode_utf16().count() > 32_767)
        {
            return Err(crate::say!(
                "sheet-export-too-long",
                report = &report.file,
                id = row[0].as_str(),
                column = column.heading(crate::i18n::messages::language())
            ));
        }
    }
    let report_file = match progress {
        true => new_report_file(root, report),
        false => report.file.clone(),
    };
    let fields = [
        (Field::File, report_file.clone()),
        (
            Field::Plan,
            if progress {
                report.file.clone()
            } else {
                String::new()
            },
        ),
        (
            Field::Title,
            if progress {
                String::new()
            } else {
                report.title.clone()
            },
        ),
        (
            Field::Published,
            if progress {
                String::new()
            } else {
                report.published.to_string()
            },
        ),
    ];
    let city = site.config.city(&report.city);
    let mut places: Vec<String> = vec![whole_place(language)];
    places.extend((city.iter()).flat_map(|c| c.districts.iter().map(|d| d.name.clone())));
    let topics: Vec<String> = site.config.topics.iter().map(|t| t.name.clone()).collect();
    let units: BTreeSet<String> = (site.reports.iter())
        .flat_map(|r| r.metrics.iter().filter_map(|m| m.unit.clone()))
        .collect();
    let lists = [places, topics, units.into_iter().collect()];
    let bytes = write(language, &fields, &rows, &lists, progress).map_err(|e| e.to_string())?;
    Ok(Exported {
        bytes,
        rows: rows.len(),
        report_file,
    })
}

/// A file for a new progress report on `plan` that no report has yet:
/// `content/2025/<plan>-progress.md`, or `-progress-2.md` and on.
fn new_report_file(root: &Path, plan: &Report) -> String {
    let stem = plan.slug.strip_suffix("-plan").unwrap_or(&plan.slug);
    (1..)
        .map(|n| match n {
            1 => format!("content/{}/{stem}-progress.md", plan.year),
            n => format!("content/{}/{stem}-progress-{n}.md", plan.year),
        })
        .find(|f| !root.join(f).exists())
        .unwrap_or_default()
}

/// The workbook's bytes: the table with its fields above it, the
/// instructions, and the lists its drop-downs offer.
fn write(
    language: Language,
    fields: &[(Field, String)],
    rows: &[Row],
    lists: &[Vec<String>; 3],
    progress: bool,
) -> Result<Vec<u8>, XlsxError> {
    let say = |id: &str| message_in(language, id, &[]);
    let mut book = Workbook::new();
    // A fixed date: the same site gives the same workbook.
    book.set_properties(
        &DocProperties::new()
            .set_title(message_in(language, "sheet-title", &[]))
            .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?),
    );
    let grey = Color::RGB(0xEEEEEE);
    let heading = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0xDDE8F5))
        .set_border(FormatBorder::Thin);
    let label = Format::new().set_bold();
    let fixed = Format::new().set_num_format("@").set_background_color(grey);
    let open = Format::new().set_num_format("@").set_unlocked();
    let figure_fixed = fixed.clone().set_align(FormatAlign::Right);
    let figure_open = open.clone().set_align(FormatAlign::Right);

    let table = book.add_worksheet();
    table.set_name(data_sheet(language))?;
    for (row, (field, value)) in fields.iter().enumerate() {
        let row = row as u32;
        table.write_string_with_format(row, 0, field.label(language), &label)?;
        let editable = progress && matches!(field, Field::Title | Field::Published | Field::File);
        let format = if editable { &open } else { &fixed };
        table.write_string_with_format(row, 1, value, format)?;
        table.insert_note(
            row,
            0,
            &Note::new(say(&format!("sheet-field-note-{}", field.key()))).add_author_prefix(false),
        )?;
    }
    let heading_row = HEADING_ROW as u32;
    for (c, column) in Column::ALL.iter().enumerate() {
        let c = c as u16;
        table.write_string_with_format(heading_row, c, column.heading(language), &heading)?;
        table.insert_note(
            heading_row,
            c,
            &Note::new(column.note(language)).add_author_prefix(false),
        )?;
        let width = match column {
            Column::Id => 36.0,
            Column::Label | Column::Note => 26.0,
            Column::Place => 20.0,
            _ => 12.0,
        };
        table.set_column_width(c, width)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = heading_row + 1 + r as u32;
        for (c, (column, text)) in Column::ALL.iter().zip(row).enumerate() {
            let format = match (column.input(), column.figure()) {
                (true, true) => &figure_open,
                (true, false) => &open,
                (false, true) => &figure_fixed,
                (false, false) => &fixed,
            };
            table.write_string_with_format(r, c as u16, text, format)?;
        }
    }
    // Room below for rows an editor adds, open for input.
    let last = heading_row + rows.len() as u32 + 200;
    for (c, column) in Column::ALL.iter().enumerate() {
        let format = if column.figure() { &figure_open } else { &open };
        for r in heading_row + 1 + rows.len() as u32..=last {
            table.write_blank(r, c as u16, format)?;
        }
    }
    let lists_sheet = message_in(language, "sheet-name-lists", &[]);
    let quoted = format!("'{}'", lists_sheet.replace('\'', "''"));
    for (n, column) in [Column::Place, Column::Topic, Column::Unit]
        .into_iter()
        .enumerate()
    {
        let Some(c) = Column::ALL.iter().position(|&x| x == column) else {
            continue;
        };
        let letter = (b'A' + n as u8) as char;
        let count = lists[n].len().max(1) + 1;
        let validation = DataValidation::new()
            .allow_list_formula(Formula::new(format!(
                "={quoted}!${letter}$2:${letter}${count}"
            )))
            .set_error_title(column.heading(language))?
            .set_error_message(message_in(language, "sheet-list-error", &[]))?;
        let validation = match column {
            // A unit not yet used by any report is allowed, with a warning.
            Column::Unit => {
                validation.set_error_style(rust_xlsxwriter::DataValidationErrorStyle::Warning)
            }
            _ => validation,
        };
        table.add_data_validation(heading_row + 1, c as u16, last, c as u16, &validation)?;
    }
    table.set_freeze_panes(heading_row + 1, 1)?;
    // Printed, as editors often check a table on paper: A4 across, every
    // column on one page's width, the headings on every page.
    table.set_landscape();
    table.set_paper_size(9);
    table.set_print_fit_to_pages(1, 0);
    table.set_print_gridlines(true);
    table.set_repeat_rows(heading_row, heading_row)?;
    let mut protection = ProtectionOptions::new();
    protection.insert_rows = true;
    protection.delete_rows = true;
    protection.format_columns = true;
    protection.format_rows = true;
    protection.sort = true;
    protection.use_autofilter = true;
    table.protect_with_options(&protection);

    let guide = book.add_worksheet();
    write_guide(guide, language, &label)?;

    let options = book.add_worksheet();
    options.set_name(&lists_sheet)?;
    for (n, column) in [Column::Place, Column::Topic, Column::Unit]
        .into_iter()
        .enumerate()
    {
        options.write_string_with_format(0, n as u16, column.heading(language), &label)?;
        for (r, item) in lists[n].iter().enumerate() {
            options.write_string(r as u32 + 1, n as u16, item)?;
        }
        options.set_column_width(n as u16, 24)?;
    }
    options.set_hidden(true);
    book.save_to_buffer()
}

/// The sheet that says how to fill the table in: in the site's
/// language, and in Chinese too when that is not Chinese.
fn write_guide(guide: &mut Worksheet, language: Language, bold: &Format) -> Result<(), XlsxError> {
    guide.set_name(message_in(language, "sheet-name-guide", &[]))?;
    const WIDTH: usize = 80;
    guide.set_column_width(0, WIDTH as f64)?;
    guide.set_print_fit_to_pages(1, 0);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let mut languages = vec![language];
    if language == Language::En {
        languages.push(Language::ZhHans);
    }
    let mut row = 0;
    for language in languages {
        let text = message_in(language, "sheet-guide", &[]);
        for (n, line) in text.lines().enumerate() {
            let format = if n == 0 { bold } else { &wrap };
            guide.write_string_with_format(row, 0, line, format)?;
            // Programs do not size a row to its wrapped text on their
            // own: a Chinese character is two columns wide.
            let columns: usize = line.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
            guide.set_row_height(row, 16 * columns.div_ceil(WIDTH).max(1) as u32)?;
            row += 1;
        }
        row += 1;
    }
    Ok(())
}
