//! `renewal sheet import`: a filled-in workbook into its report.
//!
//! The table's rows become changes to the report's front matter (see
//! [`super::edit`]), or, for a new progress report, its front matter.
//! The report that results is then read exactly as a build reads it, so
//! every figure, date, district and topic gets the checks, messages and
//! codes a report's front matter gets, each said at the cell it came
//! from (`q3.xlsx:填报!I7`). Nothing is written unless the whole workbook
//! is right, and a change is kept only when reading the report back shows
//! that it, and nothing else, changed.

use super::edit::{self, Change, Key, Layout, Refused};
use super::export::Site;
use super::read::{self, Cell, Grid, Shown};
use super::{Column, Field};
use crate::diagnostic::Diagnostic;
use crate::model::{DistrictId, Report, ReportKind};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

/// What an import makes of a workbook.
pub struct Imported {
    /// The report's file, from the site's folder.
    pub file: String,
    /// Its text before (`None` for a new report) and after.
    pub before: Option<String>,
    pub after: String,
    /// The report's warnings, each at its cell.
    pub warnings: Vec<Diagnostic>,
}

impl Imported {
    /// The lines that change, as `-` and `+` lines under the number of
    /// the first line they replace: what `--dry-run` shows.
    pub fn changes(&self) -> String {
        let before: Vec<&str> = self.before.as_deref().unwrap_or_default().lines().collect();
        let after: Vec<&str> = self.after.lines().collect();
        let head = before
            .iter()
            .zip(&after)
            .take_while(|(a, b)| a == b)
            .count();
        let mut shown = String::new();
        // Lines differ only where a figure was changed, added or removed:
        // walk both, matching the unchanged lines again after each change.
        let (mut a, mut b) = (head, head);
        while a < before.len() || b < after.len() {
            if a < before.len() && b < after.len() && before[a] == after[b] {
                a += 1;
                b += 1;
                continue;
            }
            // The next line of the old text that the new one has again.
            let resume = (a..before.len()).find_map(|x| {
                (b..after.len())
                    .find(|&y| after[y] == before[x])
                    .map(|y| (x, y))
            });
            let (x, y) = resume.unwrap_or((before.len(), after.len()));
            shown.push_str(&format!("@@ {} @@\n", a + 1));
            for line in &before[a..x] {
                shown.push_str(&format!("-{line}\n"));
            }
            for line in &after[b..y] {
                shown.push_str(&format!("+{line}\n"));
            }
            (a, b) = (x, y);
        }
        shown
    }
}

/// One row of the table, as read.
#[derive(Clone)]
struct Row {
    /// Its 0-based row in the sheet.
    at: usize,
    id: String,
    /// The place as written, and as the report keys it.
    place_text: String,
    place: Option<DistrictId>,
    /// The column the place is in.
    place_column: usize,
    /// The columns read, with what each holds (`None` when empty).
    cells: Vec<(Column, usize, Option<String>)>,
}

impl Row {
    fn get(&self, column: Column) -> Option<(usize, Option<&str>)> {
        (self.cells.iter().find(|(c, ..)| *c == column)).map(|(_, at, text)| (*at, text.as_deref()))
    }
}

/// Collects problems, each at a cell.
struct Problems<'a> {
    shown: &'a str,
    grid: &'a Grid,
    list: Vec<Diagnostic>,
}

impl Problems<'_> {
    fn at(&mut self, row: usize, column: usize, message: String) {
        let place = self.grid.place(self.shown, row, column);
        self.list.push(Diagnostic::file(place, message));
    }
}

/// Where the table is: its heading row, the columns read (each once, in
/// the order they stand), and the id and place columns.
struct Table {
    heading: usize,
    columns: Vec<(Column, usize)>,
    id_at: usize,
    place_at: usize,
}

impl Table {
    /// Finds the table below the fields: the first row with an id
    /// heading. A column renewal does not read, a formula or a merge in
    /// it is a problem; a table without an id or place column, or without
    /// a figure column, is refused.
    fn find(problems: &mut Problems) -> Result<Table, Vec<Diagnostic>> {
        let (grid, shown) = (problems.grid, problems.shown);
        let Some(heading) = (0..grid.rows.len()).find(|&r| {
            (grid.rows[r].iter())
                .any(|c| matches!(c, Cell::Text(t) if Column::named(t) == Some(Column::Id)))
        }) else {
            return Err(vec![Diagnostic::file(
                shown,
                crate::say!("sheet-no-heading", sheet = &grid.sheet),
            )]);
        };
        let mut columns: Vec<(Column, usize)> = Vec::new();
        for (c, cell) in grid.rows[heading].iter().enumerate() {
            let Cell::Text(t) = cell else {
                continue;
            };
            match Column::named(t) {
                Some(column) if column.read() && !columns.iter().any(|(x, _)| *x == column) => {
                    columns.push((column, c));
                }
                Some(_) => {}
                // A heading changed is a column that would not be read.
                None => problems.at(
                    heading,
                    c,
                    crate::say!("sheet-unknown-column", heading = t.as_str()),
                ),
            }
        }
        if !columns
            .iter()
            .any(|(c, _)| matches!(c, Column::Actual | Column::Target))
        {
            let missing = Column::Actual.heading(crate::i18n::messages::language());
            problems.at(heading, 0, crate::say!("sheet-no-column", column = missing));
        }
        let at = |column: Column| columns.iter().find(|(c, _)| *c == column).map(|(_, n)| *n);
        let (Some(id_at), Some(place_at)) = (at(Column::Id), at(Column::Place)) else {
            let missing = Column::Place.heading(crate::i18n::messages::language());
            return Err(vec![Diagnostic::file(
                grid.place(shown, heading, 0),
                crate::say!("sheet-no-column", column = missing),
            )]);
        };
        // What a spreadsheet does behind the cells' backs: formulas and merges.
        for (r, c, formula) in &grid.formulas {
            if *r > heading {
                problems.at(
                    *r,
                    *c,
                    crate::say!("sheet-formula", formula = formula.as_str()),
                );
            }
        }
        for ((r1, c1), (r2, c2)) in &grid.merged {
            if *r2 >= heading {
                let range = format!("{}:{}", super::address(*r1, *c1), super::address(*r2, *c2));
                problems.at(*r1, *c1, crate::say!("sheet-merged", range = range));
            }
        }
        Ok(Table {
            heading,
            columns,
            id_at,
            place_at,
        })
    }
}

/// The fields above the table (a label in the first column, its value in
/// the second), each with its row.
struct Fields(HashMap<Field, (usize, Option<String>)>);

impl Fields {
    /// Reads the fields of the rows above `heading`.
    fn read(problems: &mut Problems, heading: usize) -> Fields {
        let grid = problems.grid;
        let read = (0..heading).filter_map(|r| {
            let Cell::Text(label) = grid.cell(r, 0) else {
                return None;
            };
            let field = Field::named(label)?;
            Some((field, (r, cell_text(problems, r, 1, None))))
        });
        Fields(read.collect())
    }

    /// What field `f` says, if it is there and filled in.
    fn text(&self, f: Field) -> Option<String> {
        self.0.get(&f).and_then(|(_, t)| t.clone())
    }

    /// The row of field `f` (the first, when it is not there).
    fn row(&self, f: Field) -> usize {
        self.0.get(&f).map_or(0, |(r, _)| *r)
    }
}

/// The report a workbook is for: its file (as the site names it), and
/// what it fills in. A file no report can be at, a report's title or date
/// typed differently, or a new report without its plan is refused.
struct Target {
    file: String,
    filled: Filled,
}

/// What a workbook fills in: the report at its file, or a new progress
/// report after its plan.
enum Filled {
    Report(Arc<Report>),
    NewAfter(Arc<Report>),
}

impl Target {
    fn of(
        root: &Path,
        site: &Site,
        fields: &Fields,
        problems: &mut Problems,
    ) -> Result<Target, Vec<Diagnostic>> {
        let Some(file) = fields.text(Field::File) else {
            problems.at(fields.row(Field::File), 1, crate::say!("sheet-no-file"));
            return Err(std::mem::take(&mut problems.list));
        };
        if !good_file(&file) {
            problems.at(
                fields.row(Field::File),
                1,
                crate::say!("sheet-bad-file", file = file.as_str()),
            );
            return Err(std::mem::take(&mut problems.list));
        }
        // `content/2025/./x.md` is `content/2025/x.md`.
        let file = (Path::new(&file).components())
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let existing = site.reports.iter().find(|r| r.file == file).cloned();
        // A file there that is no report of the site (one that cannot be
        // read) is never written over by a new one.
        if existing.is_none() && std::fs::symlink_metadata(root.join(&file)).is_ok() {
            let said = crate::say!("sheet-file-taken", file = file.as_str());
            problems.at(fields.row(Field::File), 1, said);
            return Err(std::mem::take(&mut problems.list));
        }
        let filled = match (existing, fields.text(Field::Plan)) {
            (Some(report), _) => Filled::Report(report),
            (None, Some(plan)) => match site
                .reports
                .iter()
                .find(|r| r.file == plan || r.slug == plan)
            {
                Some(p) if p.kind == ReportKind::Plan => Filled::NewAfter(p.clone()),
                _ => {
                    problems.at(
                        fields.row(Field::Plan),
                        1,
                        crate::say!("sheet-no-plan", plan = plan.as_str()),
                    );
                    return Err(std::mem::take(&mut problems.list));
                }
            },
            (None, None) => {
                problems.at(
                    fields.row(Field::File),
                    1,
                    crate::say!("sheet-no-report-file", file = file.as_str()),
                );
                return Err(std::mem::take(&mut problems.list));
            }
        };
        if let Filled::Report(report) = &filled {
            let said = [
                (Field::Title, report.title.clone()),
                (Field::Published, report.published.to_string()),
            ];
            for (f, now) in said {
                if fields.text(f).is_some_and(|typed| typed != now) {
                    problems.at(
                        fields.row(f),
                        1,
                        crate::say!("sheet-field-fixed", file = file.as_str()),
                    );
                }
            }
        }
        Ok(Target { file, filled })
    }

    /// The report the table's rows are read against: the one there, or
    /// the plan.
    fn basis(&self) -> &Report {
        match &self.filled {
            Filled::Report(report) | Filled::NewAfter(report) => report,
        }
    }

    /// The report there, if there is one.
    fn existing(&self) -> Option<&Report> {
        match &self.filled {
            Filled::Report(report) => Some(report),
            Filled::NewAfter(_) => None,
        }
    }
}

/// The table's rows, each with its metric id and place; a row with a
/// problem (no id, no place, an unknown place, a place twice) is said and
/// left out.
fn read_rows(problems: &mut Problems, table: &Table, site: &Site, basis: &Report) -> Vec<Row> {
    let grid = problems.grid;
    let city = site.config.city(&basis.city);
    let Table {
        heading,
        id_at,
        place_at,
        ..
    } = *table;
    let mut rows: Vec<Row> = Vec::new();
    let mut seen: HashMap<(String, Option<DistrictId>), usize> = HashMap::new();
    for r in heading + 1..grid.rows.len() {
        let mut cells = Vec::new();
        for &(column, c) in &table.columns {
            if !matches!(column, Column::Id | Column::Place) {
                let before = problems.list.len();
                let text = cell_text(problems, r, c, Some(column));
                // A cell with a problem is left as the report has it, so
                // that the report's own checks see no hole where it is.
                if problems.list.len() == before {
                    cells.push((column, c, text));
                }
            }
        }
        let id = cell_text(problems, r, id_at, Some(Column::Id));
        let place_text = cell_text(problems, r, place_at, Some(Column::Place));
        let filled = cells.iter().any(|(c, _, t)| t.is_some() && c.input());
        let Some(id) = id else {
            if filled || place_text.is_some() {
                problems.at(r, id_at, crate::say!("sheet-no-id"));
            }
            continue;
        };
        let Some(place_text) = place_text else {
            problems.at(r, place_at, crate::say!("sheet-no-place"));
            continue;
        };
        let place = match place_text.as_str() {
            t if super::is_whole_place(t) => basis.district.clone(),
            t => match city.and_then(|c| c.district(t)) {
                Some(d) => Some(d.id.clone()),
                None => {
                    let known: Vec<&str> = (city.iter())
                        .flat_map(|c| c.districts.iter().map(|d| d.name.as_str()))
                        .collect();
                    let city_name = city.map_or(basis.city.as_str(), |c| c.name.as_str());
                    problems.at(
                        r,
                        place_at,
                        crate::say!(
                            "district-unknown",
                            district = t,
                            city = city_name,
                            known = known.join(", ")
                        ),
                    );
                    continue;
                }
            },
        };
        if let Some(first) = seen.insert((id.clone(), place.clone()), r) {
            problems.at(
                r,
                id_at,
                crate::say!(
                    "sheet-row-twice",
                    id = id.as_str(),
                    place = place_text.as_str(),
                    row = first + 1
                ),
            );
            continue;
        }
        rows.push(Row {
            at: r,
            id,
            place_text,
            place,
            place_column: place_at,
            cells,
        });
    }
    rows
}

/// Reads the workbook at `path` (named `shown` in messages) into the
/// report it names, in memory: the caller writes it.
pub fn import(root: &Path, path: &Path, shown: &str) -> Result<Imported, Vec<Diagnostic>> {
    let grid = read::read(path, shown).map_err(|d| vec![d])?;
    let mut problems = Problems {
        shown,
        grid: &grid,
        list: Vec::new(),
    };
    let table = Table::find(&mut problems)?;
    let id_at = table.id_at;
    let fields = Fields::read(&mut problems, table.heading);
    let site = Site::read(root)?;
    let target = Target::of(root, &site, &fields, &mut problems)?;
    let basis = target.basis();
    let rows = read_rows(&mut problems, &table, &site, basis);
    let (file, existing) = (target.file.clone(), target.existing());
    foreign_words(&site, existing, &rows, &mut problems);
    // A metric no report has is introduced by a plan; in a workbook for
    // another report its id is most likely mistyped.
    if basis.kind != ReportKind::Plan || existing.is_none() {
        for row in &rows {
            let known = (site.reports.iter()).any(|r| r.metrics.iter().any(|m| m.id == row.id));
            if !known {
                problems.at(
                    row.at,
                    id_at,
                    crate::say!("metric-not-introduced", id = row.id.as_str()),
                );
            }
        }
    }
    let mut cells_of: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for f in [Field::Title, Field::Published] {
        cells_of.insert(f.key().to_string(), (fields.row(f), 1));
    }
    let (before, after, touched) = match &target.filled {
        Filled::Report(report) => {
            let before = std::fs::read_to_string(root.join(&report.file)).map_err(|e| {
                vec![Diagnostic::file(
                    &report.file,
                    crate::say!("unreadable", error = crate::i18n::messages::reason(&e)),
                )]
            })?;
            // The report as the site was read, with its own problems.
            let own_errors: Vec<Diagnostic> = (site.problems.iter())
                .filter(|p| p.file == report.file && !p.warning)
                .cloned()
                .collect();
            let (own, true) = ((**report).clone(), own_errors.is_empty()) else {
                let mut list = vec![Diagnostic::file(
                    &report.file,
                    crate::say!("sheet-report-has-problems"),
                )];
                list.extend(own_errors);
                return Err(list);
            };
            let layout = edit::layout(&before).filter(|l| l.metrics.len() == own.metrics.len());
            let Some(layout) = layout else {
                return Err(vec![Diagnostic::file(
                    &report.file,
                    crate::say!("sheet-report-has-problems"),
                )]);
            };
            let mut planned = Planned::default();
            plan_changes(
                &site,
                &own,
                &before,
                &layout,
                &rows,
                &mut planned,
                &mut problems,
            );
            let (after, placed) = edit::apply(&before, &planned.changes);
            for (n, (start, _)) in placed.iter().enumerate() {
                let line = after[..*start].matches('\n').count() + 1;
                if let Some(cell) = planned.cells.get(n) {
                    cells_of.insert(format!("line {line}"), *cell);
                }
            }
            cells_of.extend(planned.fields);
            (
                Some(before),
                after,
                Some((own, planned.touched, planned.metrics)),
            )
        }
        Filled::NewAfter(plan) => {
            let title = fields.text(Field::Title);
            let published = fields.text(Field::Published);
            let (text, fields) =
                new_report(&site, plan, title.as_deref(), published.as_deref(), &rows);
            cells_of.extend(fields);
            (None, text, None)
        }
    };
    let (read_back, warnings) = read_back(&site, &file, &after, &cells_of, &mut problems);
    if !problems.list.is_empty() {
        return Err(problems.list);
    }
    // A new report's address must be its own.
    if let (None, Some(report)) = (&before, &read_back)
        && let Some(other) = (site.reports.iter()).find(|r| r.slug == report.slug && r.file != file)
    {
        let said = crate::say!(
            "sheet-address-taken",
            file = file.as_str(),
            other = other.file.as_str()
        );
        problems.at(fields.row(Field::File), 1, said);
        return Err(problems.list);
    }
    let Some(read_back) = read_back else {
        return Err(vec![Diagnostic::file(
            &file,
            crate::say!("sheet-report-has-problems"),
        )]);
    };
    if let Some((own, touched, metrics)) = touched
        && let Some(row) = unintended(&site, &own, &read_back, &touched, &metrics, &rows)
    {
        let at = rows.iter().find(|r| r.at == row).map_or(0, |r| r.at);
        problems.at(
            at,
            id_at,
            crate::say!("sheet-not-in-place", file = file.as_str()),
        );
        return Err(problems.list);
    }
    Ok(Imported {
        file,
        before,
        after,
        warnings,
    })
}

/// The report `after` (to be at `file`) read back exactly as a build reads
/// it, and joined with the site's other reports (an update of a metric no
/// report introduces, a unit that changes): the report, if it could be
/// read, and its warnings. Each problem is put at the cell its field came
/// from (`cells_of`); its errors are added to `problems`, but for those at
/// cells that have problems already.
fn read_back(
    site: &Site,
    file: &str,
    after: &str,
    cells_of: &BTreeMap<String, (usize, usize)>,
    problems: &mut Problems,
) -> (Option<Report>, Vec<Diagnostic>) {
    let earlier: std::collections::HashSet<String> =
        problems.list.iter().map(|p| p.file.clone()).collect();
    let (read_back, mut found) = crate::load::report::parse(file, after, &site.config);
    if let Some(report) = &read_back {
        let mut reports: Vec<Arc<Report>> = (site.reports.iter())
            .filter(|r| r.file != file)
            .cloned()
            .collect();
        reports.push(Arc::new(report.clone()));
        reports.sort_by(|a, b| {
            b.published
                .cmp(&a.published)
                .then_with(|| a.slug.cmp(&b.slug))
        });
        if let Err(joined) = crate::join::join(&reports, &site.config, &Default::default()) {
            found.extend(joined.into_iter().filter(|p| p.file == file));
        }
    }
    let mut warnings = Vec::new();
    for mut problem in found {
        let exact = (problem.field.as_ref()).and_then(|f| cells_of.get(f));
        if !earlier.is_empty()
            && exact
                .is_none_or(|&(r, c)| earlier.contains(&problems.grid.place(problems.shown, r, c)))
        {
            continue;
        }
        // At the cell the field came from; else at the first row of its
        // metric; else at the workbook: the report's lines are those of
        // a text not yet written.
        let metric = |f: &String| {
            let end = f.find(']')?;
            cells_of.get(&format!("{}.id", &f[..=end]))
        };
        let cell = (problem.field.as_ref())
            .and_then(|f| cells_of.get(f).or_else(|| metric(f)))
            .or_else(|| cells_of.get(&format!("line {}", problem.line)));
        problem.file = match cell {
            Some(&(r, c)) => problems.grid.place(problems.shown, r, c),
            None => problems.shown.to_string(),
        };
        problem.line = 0;
        problem.column = 0;
        match problem.warning {
            true => warnings.push(problem),
            false => problems.list.push(problem),
        }
    }
    (read_back, warnings)
}

/// A report's file as a workbook may name it: a Markdown file below
/// `content/`, with no way out of it.
fn good_file(file: &str) -> bool {
    let path = Path::new(file);
    // A hidden folder or file is not published (W0401, W0405).
    let shown = |c: std::path::Component| match c {
        std::path::Component::Normal(name) => !name.to_string_lossy().starts_with('.'),
        _ => false,
    };
    file.starts_with("content/") && file.ends_with(".md") && path.components().all(shown)
}

/// A cell's text as the editor sees it, or `None` when it is empty; a
/// problem with the cell is said and gives `None`.
fn cell_text(
    problems: &mut Problems,
    r: usize,
    c: usize,
    column: Option<Column>,
) -> Option<String> {
    match problems.grid.cell(r, c).clone() {
        Cell::Empty => None,
        Cell::Text(t) => Some(t.trim().to_string()).filter(|t| !t.is_empty()),
        // How many decimals it shows is not in the file: a figure is
        // never guessed.
        Cell::Number {
            held,
            shown: Shown::Unknown,
        } => {
            let said = crate::say!("sheet-number-unshown", held = held.as_str());
            problems.at(r, c, said);
            None
        }
        Cell::Number {
            held,
            shown: Shown::Other(format),
        } => {
            let said = crate::say!("sheet-number-format", held = held.as_str(), format = format);
            problems.at(r, c, said);
            None
        }
        Cell::Number { held, shown } => {
            let decimals = match shown {
                Shown::Fixed(d) => Some(d),
                _ => None,
            };
            match read::shown_number(&held, decimals) {
                Ok(text) => Some(text),
                Err(shown) => {
                    let said = crate::say!("sheet-inexact", held = held.as_str(), shown = shown);
                    problems.at(r, c, said);
                    None
                }
            }
        }
        Cell::Date(date) if column.is_some_and(Column::figure) => {
            problems.at(r, c, crate::say!("sheet-date-figure", date = date));
            None
        }
        Cell::Date(date) => Some(date),
    }
}

/// The changes an import makes to a report.
#[derive(Default)]
struct Planned {
    changes: Vec<Change>,
    /// The cell each change came from, by position in `changes`.
    cells: Vec<(usize, usize)>,
    /// Field paths (`metrics[2].districts[1].actual`) and their cells.
    fields: BTreeMap<String, (usize, usize)>,
    /// Places whose figures the table gives, by metric id.
    touched: Vec<(String, Option<DistrictId>)>,
    /// Metrics whose label, unit, topic or note may have changed.
    metrics: Vec<String>,
}

impl Planned {
    fn push(&mut self, change: Change, cell: (usize, usize)) {
        self.changes.push(change);
        self.cells.push(cell);
    }
}

/// What the report says for a value's key now, and the cell's text.
fn plan_changes(
    site: &Site,
    own: &Report,
    text: &str,
    layout: &Layout,
    rows: &[Row],
    planned: &mut Planned,
    problems: &mut Problems,
) {
    let newline = layout.newline;
    let mut decided: HashMap<(String, Key), (usize, Option<String>)> = HashMap::new();
    let mut added_places: HashMap<usize, Vec<&Row>> = HashMap::new();
    let mut new_metrics: Vec<&Row> = Vec::new();
    for row in rows {
        let Some(i) = own.metrics.iter().position(|m| m.id == row.id) else {
            new_metrics.push(row);
            continue;
        };
        let (metric, at) = (&own.metrics[i], &layout.metrics[i]);
        planned.touched.push((row.id.clone(), row.place.clone()));
        (planned.fields.entry(format!("metrics[{i}].id"))).or_insert((row.at, 0));
        // The metric's own words: label, unit and topic.
        for (column, key, field) in WORDS {
            let Some((c, new)) = row.get(column) else {
                continue;
            };
            // An empty cell says nothing of the metric's words.
            let new = match (key, new) {
                (_, None) => continue,
                (Key::Topic, Some(t)) => Some(topic_id(site, t)),
                (_, t) => t.map(str::to_string),
            };
            if let Some((first, said)) = decided.get(&(row.id.clone(), key)) {
                if *said != new {
                    problems.at(
                        row.at,
                        c,
                        crate::say!(
                            "sheet-metric-differs",
                            id = row.id.as_str(),
                            row = first + 1
                        ),
                    );
                }
                continue;
            }
            decided.insert((row.id.clone(), key), (row.at, new.clone()));
            let current = field(metric)
                .cloned()
                .or_else(|| site.described(&metric.id, field));
            if new == current || new.is_none() {
                continue;
            }
            // Words that come from the report that introduces the metric
            // are changed there.
            if metric.label.is_none() && metric.unit.is_none() {
                words_elsewhere(site, problems, row, c);
                continue;
            }
            planned.metrics.push(row.id.clone());
            let value = edit::text_scalar(new.as_deref().unwrap_or_default(), at.mapping.flow);
            let change = edit::set(text, &at.mapping, key, &value, newline);
            let field = format!("metrics[{i}].{}", key.name());
            push(planned, problems, field, change, (row.at, c));
        }
        let Some(k) = metric.values.iter().position(|v| v.district == row.place) else {
            added_places.entry(i).or_default().push(row);
            continue;
        };
        let value = &metric.values[k];
        let level = at.metric_level(k);
        let Some(mapping) = (if level {
            Some(&at.mapping)
        } else {
            at.place(k)
        }) else {
            continue;
        };
        let path = match level {
            true => format!("metrics[{i}]"),
            false => format!("metrics[{i}].districts[{}]", k - usize::from(at.whole)),
        };
        if level {
            planned.metrics.push(row.id.clone());
        } else {
            let cell = (row.at, row.place_column);
            planned.fields.insert(format!("{path}.district"), cell);
        }
        let note = if level {
            metric.note.clone()
        } else {
            value.note.clone()
        };
        for (column, key, current) in [
            (
                Column::Target,
                Key::Target,
                value.target.map(|f| f.to_string()),
            ),
            (
                Column::Actual,
                Key::Actual,
                value.actual.map(|f| f.to_string()),
            ),
            (Column::AsOf, Key::AsOf, Some(value.as_of.to_string())),
            (Column::Note, Key::Note, note),
        ] {
            let Some((c, new)) = row.get(column) else {
                continue;
            };
            // A target the plan gives, shown in a workbook for a progress
            // report, is not the report's own.
            if key == Key::Target
                && current.is_none()
                && new.is_some_and(|t| {
                    planned_target(site, &row.id, row.place.as_ref()).as_deref() == Some(t)
                })
            {
                continue;
            }
            // A note is compared as it reads: a block's last newline, or
            // spaces around it, are not a change.
            if new.map(str::trim) == current.as_deref().map(str::trim) {
                continue;
            }
            let written = |new: &str| match key {
                Key::Note => edit::text_scalar(new, mapping.flow),
                _ => edit::scalar(new),
            };
            let slot = mapping.slot(key);
            let change = match (new, slot) {
                // An empty date is the date it defaults to.
                (None, None) => continue,
                (None, Some(slot)) => edit::remove(text, key, slot),
                (Some(new), _) => edit::set(text, mapping, key, &written(new), newline),
            };
            let field = format!("{path}.{}", key.name());
            push(planned, problems, field, change, (row.at, c));
        }
    }
    // Places a metric's list does not have yet, at its end; the whole
    // place's figures as the metric's own.
    for (i, added) in added_places {
        let at = &layout.metrics[i];
        let added = without_planned(site, &added);
        let (whole, added): (Vec<&Row>, Vec<&Row>) = (added.iter())
            .filter(|r| says(r))
            .partition(|r| r.place == own.district);
        for row in whole {
            for (column, key) in FIGURES {
                let Some((c, Some(value))) = row.get(column) else {
                    continue;
                };
                let value = match key {
                    Key::Note => edit::text_scalar(value, at.mapping.flow),
                    _ => edit::scalar(value),
                };
                // The metric's own date or note may be there already.
                if at
                    .mapping
                    .slot(key)
                    .is_some_and(|s| text[s.start..s.end] == value)
                {
                    continue;
                }
                let change = edit::set(text, &at.mapping, key, &value, newline);
                let field = format!("metrics[{i}].{}", key.name());
                push(planned, problems, field, change, (row.at, c));
            }
        }
        if added.is_empty() {
            continue;
        }
        let last = at.places.last().map(|(_, m)| m);
        let Some((last, prefix)) = last.and_then(|m| Some((m, edit::item_prefix(text, m)?))) else {
            let row = added[0];
            problems.at(
                row.at,
                row.get(Column::Actual).map_or(0, |(c, _)| c),
                crate::say!(
                    "sheet-no-place-list",
                    id = row.id.as_str(),
                    place = row.place_text.as_str()
                ),
            );
            continue;
        };
        let indent = " ".repeat(prefix.chars().count());
        let mut lines = String::new();
        let first = at.places.len();
        for (n, row) in added.iter().enumerate() {
            lines.push_str(&format!(
                "{prefix}district: {}{newline}",
                edit::text_scalar(&row.place_text, false)
            ));
            let path = format!("metrics[{i}].districts[{}]", first + n);
            place_lines(
                &mut lines,
                &indent,
                row,
                &path,
                newline,
                &mut planned.fields,
            );
        }
        let end = edit::line_end(text, last.end);
        let row = added[0];
        planned.push(Change::insert(end, lines), (row.at, 0));
    }
    // Metrics the report does not have yet, at the end of its list.
    let added_metrics = by_metric(new_metrics);
    if !added_metrics.is_empty() {
        let last = layout.metrics.last();
        let prefix = layout
            .metrics
            .first()
            .and_then(|m| edit::item_prefix(text, &m.mapping));
        let (Some(last), Some(prefix)) = (last, prefix) else {
            let row = added_metrics[0].1[0];
            problems.at(
                row.at,
                0,
                crate::say!("sheet-no-metric-list", id = row.id.as_str()),
            );
            return;
        };
        let mut lines = String::new();
        let mut i = own.metrics.len();
        for (id, rows) in &added_metrics {
            let rows = without_planned(site, rows);
            let rows: Vec<&Row> = rows.iter().filter(|r| says(r)).collect();
            if rows.is_empty() {
                continue;
            }
            let rows = &rows;
            metric_lines(
                site,
                &mut lines,
                &prefix,
                id,
                rows,
                own.district.as_ref(),
                i,
                newline,
                &mut planned.fields,
            );
            i += 1;
        }
        if !lines.is_empty() {
            let end = edit::line_end(text, last.mapping.end);
            let row = added_metrics[0].1[0];
            planned.push(Change::insert(end, lines), (row.at, 0));
        }
    }
}

/// Plans `change`, asked for by cell `(r, c)` for the front-matter
/// `field`; a change that cannot be made in place is a problem at the
/// cell.
fn push(
    planned: &mut Planned,
    problems: &mut Problems,
    field: String,
    change: Result<Change, Refused>,
    (r, c): (usize, usize),
) {
    planned.fields.insert(field, (r, c));
    match change {
        Ok(change) => planned.push(change, (r, c)),
        Err(refused) => {
            let why = match refused {
                Refused::Block => crate::say!("sheet-refused-block"),
                Refused::Flow => crate::say!("sheet-refused-flow"),
                Refused::SharedLine => crate::say!("sheet-refused-shared-line"),
            };
            problems.at(r, c, crate::say!("sheet-cannot-edit", why = why));
        }
    }
}

/// The columns of a place's figures, and their keys.
const FIGURES: [(Column, Key); 4] = [
    (Column::Target, Key::Target),
    (Column::Actual, Key::Actual),
    (Column::AsOf, Key::AsOf),
    (Column::Note, Key::Note),
];

/// `rows` grouped by metric, in the order each metric first comes.
fn by_metric<'a>(rows: impl IntoIterator<Item = &'a Row>) -> Vec<(String, Vec<&'a Row>)> {
    let mut metrics: Vec<(String, Vec<&Row>)> = Vec::new();
    for row in rows {
        match metrics.iter_mut().find(|(id, _)| *id == row.id) {
            Some((_, list)) => list.push(row),
            None => metrics.push((row.id.clone(), vec![row])),
        }
    }
    metrics
}

/// Whether a row gives anything to write: a target, a figure or a note.
fn says(row: &Row) -> bool {
    [Column::Target, Column::Actual, Column::Note]
        .into_iter()
        .any(|c| row.get(c).is_some_and(|(_, t)| t.is_some()))
}

/// The target a plan gives `id` at `place`, as written.
fn planned_target(site: &Site, id: &str, place: Option<&DistrictId>) -> Option<String> {
    site.planned_target(id, place)
}

/// `rows` without the targets that are their plan's: a workbook for a
/// progress report shows them, and the report does not repeat them.
fn without_planned(site: &Site, rows: &[&Row]) -> Vec<Row> {
    rows.iter()
        .map(|row| {
            let planned = planned_target(site, &row.id, row.place.as_ref());
            let mut row = (*row).clone();
            row.cells
                .retain(|(c, _, t)| !(*c == Column::Target && t.is_some() && *t == planned));
            row
        })
        .collect()
}

/// A metric's own words: its column, its key, and where a report keeps it.
type Words = [(
    Column,
    Key,
    fn(&crate::model::MetricEntry) -> Option<&String>,
); 3];

const WORDS: Words = [
    (Column::Label, Key::Label, |m| m.label.as_ref()),
    (Column::Unit, Key::Unit, |m| m.unit.as_ref()),
    (Column::Topic, Key::Topic, |m| m.topic.as_ref()),
];

/// Refuses a metric's name, unit or topic that differs from the words of
/// the report that introduced it, in rows of metrics `report` does not
/// have (all rows, for a new report): they are changed there.
fn foreign_words(site: &Site, report: Option<&Report>, rows: &[Row], problems: &mut Problems) {
    for row in rows {
        if report.is_some_and(|r| r.metrics.iter().any(|m| m.id == row.id)) {
            continue;
        }
        for (column, key, field) in WORDS {
            let Some((c, Some(text))) = row.get(column) else {
                continue;
            };
            let text = match key {
                Key::Topic => topic_id(site, text),
                _ => text.to_string(),
            };
            if site.described(&row.id, field).is_some_and(|d| d != text) {
                words_elsewhere(site, problems, row, c);
            }
        }
    }
}

/// Says that the metric's name, unit or topic at `c` of `row` is changed
/// in the report that introduces it, not here.
fn words_elsewhere(site: &Site, problems: &mut Problems, row: &Row, c: usize) {
    let introduced = (site.reports.iter().rev())
        .find(|r| {
            r.metrics
                .iter()
                .any(|m| m.id == row.id && (m.label.is_some() || m.unit.is_some()))
        })
        .map_or_else(String::new, |r| r.file.clone());
    problems.at(
        row.at,
        c,
        crate::say!(
            "sheet-words-elsewhere",
            id = row.id.as_str(),
            report = introduced
        ),
    );
}

/// A topic as front matter writes it: its id, when the cell gives its
/// name (as the drop-down does).
fn topic_id(site: &Site, text: &str) -> String {
    (site.config.topics.iter())
        .find(|t| t.name == text || t.id == text)
        .map_or_else(|| text.to_string(), |t| t.id.clone())
}

/// The lines of a place's or a metric's own figures, indented by
/// `indent`, each noted at `path.key` with its cell.
fn place_lines(
    lines: &mut String,
    indent: &str,
    row: &Row,
    path: &str,
    newline: &str,
    fields: &mut BTreeMap<String, (usize, usize)>,
) {
    for (column, key) in FIGURES {
        if let Some((c, Some(text))) = row.get(column) {
            let value = match key {
                Key::Note => edit::text_scalar(text, false),
                _ => edit::scalar(text),
            };
            lines.push_str(&format!("{indent}{}: {value}{newline}", key.name()));
            fields.insert(format!("{path}.{}", key.name()), (row.at, c));
        }
    }
}

/// A whole metric entry for `rows`, as the `i`th of the report's list.
#[allow(clippy::too_many_arguments)]
fn metric_lines(
    site: &Site,
    lines: &mut String,
    prefix: &str,
    id: &str,
    rows: &[&Row],
    district: Option<&DistrictId>,
    i: usize,
    newline: &str,
    fields: &mut BTreeMap<String, (usize, usize)>,
) {
    let indent = " ".repeat(prefix.chars().count());
    lines.push_str(&format!("{prefix}id: {}{newline}", edit::scalar(id)));
    fields.insert(format!("metrics[{i}].id"), (rows[0].at, 0));
    // The metric's name, unit and topic, when it is new.
    for (column, key, field) in WORDS {
        let Some((c, Some(text))) = rows[0].get(column) else {
            continue;
        };
        let text = match key {
            Key::Topic => topic_id(site, text),
            _ => text.to_string(),
        };
        // A metric no report has yet is introduced here, with its words;
        // another's words are its introducing report's (see
        // [`foreign_words`]).
        if site.described(id, field).is_none() {
            lines.push_str(&format!(
                "{indent}{}: {}{newline}",
                key.name(),
                edit::text_scalar(&text, false)
            ));
            fields.insert(format!("metrics[{i}].{}", key.name()), (rows[0].at, c));
        }
    }
    let (own, places): (Vec<&&Row>, Vec<&&Row>) =
        rows.iter().partition(|r| r.place.as_ref() == district);
    for row in own {
        place_lines(
            lines,
            &indent,
            row,
            &format!("metrics[{i}]"),
            newline,
            fields,
        );
    }
    if !places.is_empty() {
        lines.push_str(&format!("{indent}districts:{newline}"));
        for (j, row) in places.iter().enumerate() {
            lines.push_str(&format!(
                "{indent}  - district: {}{newline}",
                edit::text_scalar(&row.place_text, false)
            ));
            let path = format!("metrics[{i}].districts[{j}]");
            place_lines(lines, &format!("{indent}    "), row, &path, newline, fields);
        }
    }
}

/// A new progress report on `plan`, with the rows' figures: its text,
/// and which cell each field came from.
fn new_report(
    site: &Site,
    plan: &Arc<Report>,
    title: Option<&str>,
    published: Option<&str>,
    rows: &[Row],
) -> (String, BTreeMap<String, (usize, usize)>) {
    let mut fields = BTreeMap::new();
    let mut text = String::from("---\n");
    if let Some(title) = title {
        text.push_str(&format!("title: {}\n", edit::text_scalar(title, false)));
    }
    text.push_str("kind: progress\n");
    text.push_str(&format!("city: {}\n", plan.city));
    if let Some(district) = &plan.district {
        text.push_str(&format!("district: {district}\n"));
    }
    text.push_str(&format!("year: {}\n", plan.year));
    if let Some(published) = published {
        text.push_str(&format!("published: {}\n", edit::scalar(published)));
    }
    text.push_str(&format!("language: {}\n", plan.language.tag()));
    if !plan.topics.is_empty() {
        text.push_str(&format!("topics: [{}]\n", plan.topics.join(", ")));
    }
    // A target the plan already gives is not said again, and a row with
    // nothing else says nothing new.
    let rows = without_planned(site, &rows.iter().collect::<Vec<_>>());
    let metrics = by_metric(rows.iter().filter(|r| says(r)));
    if !metrics.is_empty() {
        text.push_str("metrics:\n");
    }
    for (i, (id, rows)) in metrics.iter().enumerate() {
        metric_lines(
            site,
            &mut text,
            "  - ",
            id,
            rows,
            plan.district.as_ref(),
            i,
            "\n",
            &mut fields,
        );
    }
    text.push_str("---\n");
    (text, fields)
}

/// The first row whose change did not come out as the table says, or
/// changed something it should not have; `None` when all is as meant.
fn unintended(
    site: &Site,
    old: &Report,
    new: &Report,
    touched: &[(String, Option<DistrictId>)],
    metrics: &[String],
    rows: &[Row],
) -> Option<usize> {
    // Each row's figures, as the table gives them.
    for row in rows {
        let metric = new.metrics.iter().find(|m| m.id == row.id);
        let value = metric.and_then(|m| m.values.iter().find(|v| v.district == row.place));
        let (Some(metric), Some(value)) = (metric, value) else {
            match says(&without_planned(site, &[row])[0]) {
                true => return Some(row.at),
                false => continue,
            }
        };
        let figure = |f: Option<crate::model::Figure>| f.map(|f| f.to_string());
        let planned = planned_target(site, &row.id, row.place.as_ref());
        for (column, held) in [
            (Column::Target, figure(value.target)),
            (Column::Actual, figure(value.actual)),
        ] {
            let shown_only = column == Column::Target && held.is_none();
            if let Some((_, text)) = row.get(column)
                && text.map(str::to_string) != held
                && !(shown_only && text.map(str::to_string) == planned)
            {
                return Some(row.at);
            }
        }
        // A note as the row gives it: the place's, or the metric's own.
        if let Some((_, note)) = row.get(Column::Note) {
            let trimmed = |n: &Option<String>| n.as_deref().map(str::trim).map(str::to_string);
            let note = note.map(str::trim).map(str::to_string);
            if note != trimmed(&value.note) && note != trimmed(&metric.note) {
                return Some(row.at);
            }
        }
        if let Some((_, Some(date))) = row.get(Column::AsOf)
            && crate::model::date::Date::parse(date).ok() != Some(value.as_of)
        {
            return Some(row.at);
        }
    }
    // Everything else, as it was.
    let neutral = |report: &Report| -> Report {
        let mut report = report.clone();
        report.value_districts.clear();
        report
            .metrics
            .retain(|m| old.metrics.iter().any(|o| o.id == m.id));
        for metric in &mut report.metrics {
            (
                metric.line,
                metric.column,
                metric.unit_line,
                metric.unit_column,
            ) = (0, 0, 0, 0);
            if metrics.contains(&metric.id) {
                (metric.label, metric.unit, metric.topic, metric.note) = (None, None, None, None);
            }
            let id = metric.id.clone();
            let old_metric = old.metrics.iter().find(|o| o.id == id);
            metric.values.retain(|v| {
                old_metric.is_some_and(|o| o.values.iter().any(|x| x.district == v.district))
            });
            for value in &mut metric.values {
                if touched
                    .iter()
                    .any(|(i, p)| *i == id && *p == value.district)
                {
                    (value.target, value.actual, value.note) = (None, None, None);
                    value.as_of = old.published;
                }
            }
        }
        report
    };
    let (a, b) = (neutral(old), neutral(new));
    (a != b).then(|| rows.first().map_or(0, |r| r.at))
}
