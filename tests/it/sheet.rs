//! `renewal sheet export` and `renewal sheet import`, as a web editor uses
//! them: a workbook exported from the example site, filled in, imported,
//! and the report and the built site checked; and hostile workbooks,
//! each refused at its cell with nothing written.

use crate::common::*;
use calamine::{Data, Reader};
use rust_xlsxwriter::{Format, Formula, Workbook};
use std::path::{Path, PathBuf};

const Q3: &str = "content/2025/mingchuan-2025-q3.md";
const PLAN: &str = "content/2025/mingchuan-2025-plan.md";

/// Exports `args` (a report and flags) from `site` into `dir`: the file.
fn export(site: &Path, dir: &Path, report: &str, progress: bool) -> PathBuf {
    let out = dir.join(if progress {
        "progress.xlsx"
    } else {
        "report.xlsx"
    });
    // This test's own workbook from before (the export never writes over one).
    let _ = std::fs::remove_file(&out);
    let mut args = vec!["sheet", "export", report, "--output", out.to_str().unwrap()];
    if progress {
        args.push("--progress");
    }
    let result = run(site, &args);
    assert!(result.status.success(), "{}", stderr(&result));
    out
}

/// Every cell of the first sheet, as text (numbers as calamine gives them).
pub fn cells(path: &Path) -> Vec<Vec<String>> {
    let mut book = calamine::open_workbook_auto(path).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    c => c.to_string(),
                })
                .collect()
        })
        .collect()
}

/// A cell as an editor leaves it.
enum V<'a> {
    Text(&'a str),
    /// A number, with a number format.
    Number(f64, &'a str),
    Formula(&'a str),
    Date(u16, u8, u8),
}

/// A workbook with the export's table as `rows` (of text), with the
/// cells of `changes` ((row, column) from 0) set as an editor set them.
fn book(
    rows: &[Vec<String>],
    changes: &[((u32, u16), V)],
    merge: Option<(u32, u16, u32, u16)>,
) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("填报").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                sheet.write_string(r as u32, c as u16, text).unwrap();
            }
        }
    }
    for ((r, c), value) in changes {
        match value {
            V::Text(t) => sheet.write_string(*r, *c, *t).map(|_| ()),
            V::Number(x, format) => sheet
                .write_number_with_format(*r, *c, *x, &Format::new().set_num_format(*format))
                .map(|_| ()),
            V::Formula(f) => sheet.write_formula(*r, *c, Formula::new(*f)).map(|_| ()),
            V::Date(y, m, d) => {
                let date = rust_xlsxwriter::ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                let format = Format::new().set_num_format("yyyy-mm-dd");
                sheet
                    .write_datetime_with_format(*r, *c, &date, &format)
                    .map(|_| ())
            }
        }
        .unwrap();
    }
    if let Some((r1, c1, r2, c2)) = merge {
        sheet
            .merge_range(r1, c1, r2, c2, "", &Format::new())
            .unwrap();
    }
    book.save_to_buffer().unwrap()
}

/// The row of `rows` for `id` at `place`, from 0.
fn row_of(rows: &[Vec<String>], id: &str, place: &str) -> u32 {
    rows.iter()
        .position(|r| r[0] == id && r[4] == place)
        .unwrap() as u32
}

/// Columns of the table, from 0, as the export lays them out.
const TARGET: u16 = 5;
const ACTUAL: u16 = 8;
const AS_OF: u16 = 9;
const NOTE: u16 = 10;

#[test]
fn an_exported_workbook_has_the_report_s_figures_as_written_headings_notes_and_lists() {
    let site = example_site();
    let dir = tempfile::tempdir().unwrap();
    let path = export(site.path(), dir.path(), Q3, false);
    let rows = cells(&path);
    assert_eq!(rows[0][..2], ["报告文件".to_string(), Q3.to_string()]);
    let headings = &rows[5];
    assert_eq!(headings[0], "指标编号");
    assert_eq!(headings[ACTUAL as usize], "本次数值");
    // 22.0 stays 22.0: figures are text, as the report wrote them.
    let xishan = row_of(&rows, "mingchuan-2025-investment", "西山区") as usize;
    assert_eq!(rows[xishan][ACTUAL as usize], "22.0");
    assert_eq!(rows[xishan][AS_OF as usize], "2025-09-30");
    let book = std::fs::read(&path).unwrap();
    let parts = crate::publish::unzip(&book);
    let sheet = String::from_utf8(parts["xl/worksheets/sheet1.xml"].clone()).unwrap();
    for part in ["<dataValidation ", "<sheetProtection", "<legacyDrawing"] {
        assert!(sheet.contains(part), "{part}");
    }
    assert!(
        parts.keys().any(|k| k.starts_with("xl/comments")),
        "notes on the headings"
    );
    let guide = String::from_utf8(parts["xl/sharedStrings.xml"].clone()).unwrap();
    assert!(guide.contains("填写说明") && guide.contains("不要合并单元格"));
    // Districts of the report's city, topics and units in the lists.
    assert!(
        guide.contains("明川经济技术开发区") && guide.contains("燃气") && guide.contains("亿元")
    );
    // The same site gives the same workbook.
    let again_dir = dir.path().join("again");
    std::fs::create_dir(&again_dir).unwrap();
    let again = export(site.path(), &again_dir, Q3, false);
    assert_eq!(std::fs::read(again).unwrap(), book);
}

#[test]
fn figures_typed_in_a_workbook_are_the_figures_published() {
    let site = example_site();
    let dir = tempfile::tempdir().unwrap();
    let exported = export(site.path(), dir.path(), PLAN, true);
    let rows = cells(&exported);
    let east = row_of(&rows, "mingchuan-2025-gas-mains", "东湖区");
    let west = row_of(&rows, "mingchuan-2025-gas-mains", "西山区");
    let whole = row_of(&rows, "mingchuan-2025-investment", "全市");
    let filled = book(
        &rows,
        &[
            ((2, 1), V::Text("明川市2025年11月城市更新进展（虚构示例）")),
            ((3, 1), V::Text("2025-11-20")),
            ((east, ACTUAL), V::Text("12.50")),
            ((east, AS_OF), V::Text("2025-11-15")),
            // A number with two decimals shown is taken with both.
            ((west, ACTUAL), V::Number(7.1, "0.00")),
            ((west, NOTE), V::Text("数据待核对")),
            ((whole, ACTUAL), V::Number(140.0, "0.0")),
        ],
        None,
    );
    let workbook = dir.path().join("filled.xlsx");
    std::fs::write(&workbook, filled).unwrap();
    let dry = run(
        site.path(),
        &["sheet", "import", workbook.to_str().unwrap(), "--dry-run"],
    );
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert!(
        stdout(&dry).contains("+        actual: 12.50"),
        "{}",
        stdout(&dry)
    );
    assert!(
        !site
            .path()
            .join("content/2025/mingchuan-2025-progress.md")
            .exists()
    );
    let result = run(
        site.path(),
        &["sheet", "import", workbook.to_str().unwrap()],
    );
    assert!(result.status.success(), "{}", stderr(&result));
    let report = read(&site.path().join("content/2025/mingchuan-2025-progress.md"));
    for line in [
        "kind: progress",
        "published: 2025-11-20",
        "actual: 12.50",
        "actual: 7.10",
        "actual: 140.0",
        "note: 数据待核对",
        "as_of: 2025-11-15",
    ] {
        assert!(report.contains(line), "{line}\n{report}");
    }
    // The built site publishes exactly the figures typed.
    let out = dir.path().join("out");
    let built = run(site.path(), &["build", "--output", out.to_str().unwrap()]);
    assert!(built.status.success(), "{}", stderr(&built));
    let csv = read(&out.join("reports/mingchuan-2025-progress/data.csv"));
    for figure in [",12.50,", ",7.10,", ",140.0,"] {
        assert!(csv.contains(figure), "{figure}\n{csv}");
    }
}

#[test]
fn an_import_changes_only_the_figures_and_keeps_every_comment_and_the_body() {
    let site = example_site();
    let dir = tempfile::tempdir().unwrap();
    let commented = "---\n# 第三季度进展，数字来自各区上报\ntitle: \"明川市第三季度进展（虚构示例）\"   # 标题\nkind: progress\ncity: mingchuan\nyear: 2025\npublished: 2025-10-15\n\nmetrics:\n  # 燃气管网\n  - id: mingchuan-2025-gas-mains   # 计划中的编号\n    as_of: 2025-09-30\n    districts:\n      - district: 东湖区\n        actual: 9.8   # 区住建局上报\n      # 西山区待补\n      - district: 西山区\n        actual: 6.1\n        note: '至少'\n---\n\n正文保持原样。 # 不是 YAML\n";
    write(
        site.path(),
        "content/2025/mingchuan-2025-commented.md",
        commented,
    );
    let exported = export(
        site.path(),
        dir.path(),
        "content/2025/mingchuan-2025-commented.md",
        false,
    );
    let rows = cells(&exported);
    let east = row_of(&rows, "mingchuan-2025-gas-mains", "东湖区");
    let west = row_of(&rows, "mingchuan-2025-gas-mains", "西山区");
    let filled = book(
        &rows,
        &[
            ((east, ACTUAL), V::Text("10.4")),
            ((west, NOTE), V::Text("已核对")),
            ((west, AS_OF), V::Text("2025-09-25")),
        ],
        None,
    );
    let workbook = dir.path().join("filled.xlsx");
    std::fs::write(&workbook, filled).unwrap();
    let result = run(
        site.path(),
        &["sheet", "import", workbook.to_str().unwrap()],
    );
    assert!(result.status.success(), "{}", stderr(&result));
    let after = read(&site.path().join("content/2025/mingchuan-2025-commented.md"));
    let expected = commented
        .replace("actual: 9.8   #", "actual: 10.4   #")
        .replace(
            "      - district: 西山区\n",
            "      - district: 西山区\n        as_of: 2025-09-25\n",
        )
        .replace("note: '至少'", "note: 已核对");
    assert_eq!(after, expected);
    // Imported again, the workbook changes nothing.
    let again = run(
        site.path(),
        &["sheet", "import", workbook.to_str().unwrap()],
    );
    assert!(
        stdout(&again).contains("nothing was written"),
        "{}",
        stdout(&again)
    );
}

/// Imports `bytes` as `name` into a copy of the example site: the error
/// output, after checking that it failed and wrote nothing.
fn refused(name: &str, bytes: &[u8]) -> String {
    let site = example_site();
    let dir = tempfile::tempdir().unwrap();
    let before = snapshot(&site.path().join("content"));
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let result = run(site.path(), &["sheet", "import", path.to_str().unwrap()]);
    let err = stderr(&result);
    assert_eq!(result.status.code(), Some(1), "{err}");
    assert_eq!(
        snapshot(&site.path().join("content")),
        before,
        "nothing written"
    );
    err
}

/// The export of Q3 from the example site, as rows of text.
fn q3_rows() -> Vec<Vec<String>> {
    let site = example_site();
    let dir = tempfile::tempdir().unwrap();
    cells(&export(site.path(), dir.path(), Q3, false))
}

#[test]
fn hostile_workbooks_are_refused_at_their_cells_with_nothing_written() {
    let rows = q3_rows();
    let east = row_of(&rows, "mingchuan-2025-gas-mains", "东湖区");
    let west = row_of(&rows, "mingchuan-2025-gas-mains", "西山区");
    // The workbook is named as it was given, with the sheet and the cell.
    let at = |r: u32, c: u16| format!("/filled.xlsx:填报!{}{}: ", (b'A' + c as u8) as char, r + 1);
    // Every problem at once, each at its cell, with its code.
    let err = refused(
        "filled.xlsx",
        &book(
            &rows,
            &[
                ((east, ACTUAL), V::Formula("=1+2")),
                ((west, ACTUAL), V::Text("12,800")),
                ((east + 2, ACTUAL), V::Number(12.799999999, "0.0")),
                ((east + 3, ACTUAL), V::Date(2025, 3, 5)),
                ((east + 4, AS_OF), V::Text("2025年9月30日")),
                ((east + 5, 4), V::Text("北湖区")),
            ],
            None,
        ),
    );
    for (place, code) in [
        (at(east, ACTUAL), "[E1105]"),
        (at(east + 2, ACTUAL), "[E1107]"),
        (at(east + 3, ACTUAL), "[E1108]"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(&place) && l.contains(code)),
            "{place} {code}\n{err}"
        );
    }
    assert!(
        err.contains(&at(east + 5, 4)) && err.contains("`北湖区` is not a district"),
        "{err}"
    );
    // The rows that are right as cells are read as a report would be:
    // the thousands separator and the date are the front matter's own
    // problems, said at their cells.
    let err = refused(
        "filled.xlsx",
        &book(
            &rows,
            &[
                ((west, ACTUAL), V::Text("12,800")),
                ((east, AS_OF), V::Text("2025年9月30日")),
            ],
            None,
        ),
    );
    assert!(
        err.lines()
            .any(|l| l.contains(&at(west, ACTUAL)) && l.contains("[E0206]")),
        "{err}"
    );
    assert!(
        err.lines()
            .any(|l| l.contains(&at(east, AS_OF)) && l.contains("is not a date")),
        "{err}"
    );
    // A metric's words are its plan's.
    let err = refused(
        "filled.xlsx",
        &book(&rows, &[((east, 2), V::Text("米"))], None),
    );
    assert!(
        err.lines()
            .any(|l| l.contains(&at(east, 2)) && l.contains("[E1111]")),
        "{err}"
    );
    // An empty id with figures; a merged cell across ids.
    let mut without_id = rows.clone();
    without_id[west as usize][0] = String::new();
    without_id[east as usize][4] = String::new();
    let err = refused("filled.xlsx", &book(&without_id, &[], None));
    assert!(
        err.lines()
            .any(|l| l.contains(&at(west, 0)) && l.contains("[E1109]")),
        "{err}"
    );
    assert!(
        err.lines()
            .any(|l| l.contains(&at(east, 4)) && l.contains("gives no place")),
        "{err}"
    );
    let err = refused("filled.xlsx", &book(&rows, &[], Some((east, 0, west, 0))));
    assert!(
        err.lines()
            .any(|l| l.contains(&at(east, 0)) && l.contains("[E1106]")),
        "{err}"
    );
    // Not a workbook at all.
    let err = refused("filled.xlsx", b"PK\x03\x04 not really a zip");
    assert!(
        err.contains("/filled.xlsx: this is not a workbook") && err.contains("[E1101]"),
        "{err}"
    );
    let err = refused("notes.xls", "这不是表格".as_bytes());
    assert!(err.contains("[E1101]"), "{err}");
}

#[test]
fn a_huge_sheet_is_refused_before_it_is_read_whole() {
    let rows = q3_rows();
    let mut csv = String::new();
    for row in &rows {
        csv.push_str(&row.join(","));
        csv.push('\n');
    }
    let line = format!("{}\n", rows[6].join(","));
    csv.push_str(&line.repeat(1_000_000));
    let err = refused("huge.csv", csv.as_bytes());
    assert!(err.contains("[E1102]"), "{err}");
    // A workbook that says it has a million rows.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "指标编号").unwrap();
    sheet.write_string(999_999, 0, "x").unwrap();
    let err = refused("huge.xlsx", &book.save_to_buffer().unwrap());
    assert!(
        err.contains("1000000 rows") && err.contains("[E1102]"),
        "{err}"
    );
}

#[test]
fn a_cell_far_from_the_table_is_passed_over() {
    let site = example_site();
    let dir = tempfile::tempdir().unwrap();
    let rows = cells(&export(site.path(), dir.path(), Q3, false));
    let east = row_of(&rows, "mingchuan-2025-gas-mains", "东湖区");
    // The last column of the last row a report's table may reach: laid
    // out whole, that sheet would be 20,000 x 16,384 cells.
    let changes = [
        ((east, ACTUAL), V::Text("10.0")),
        ((20_000, 16_383), V::Text("远处")),
    ];
    let path = dir.path().join("far.xlsx");
    std::fs::write(&path, book(&rows, &changes, None)).unwrap();
    let result = run(site.path(), &["sheet", "import", path.to_str().unwrap()]);
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(read(&site.path().join(Q3)).contains("actual: 10.0\n"));
}

#[test]
fn a_csv_saved_by_a_chinese_excel_in_gb18030_is_imported() {
    let site = example_site();
    let dir = tempfile::tempdir().unwrap();
    let mut rows = cells(&export(site.path(), dir.path(), Q3, false));
    let east = row_of(&rows, "mingchuan-2025-gas-mains", "东湖区") as usize;
    rows[east][ACTUAL as usize] = "10.0".into();
    let text: String = rows.iter().map(|r| r.join(",") + "\r\n").collect();
    let (bytes, _, _) = encoding_rs::GB18030.encode(&text);
    let path = dir.path().join("q3.csv");
    std::fs::write(&path, bytes).unwrap();
    let result = run(site.path(), &["sheet", "import", path.to_str().unwrap()]);
    assert!(result.status.success(), "{}", stderr(&result));
    let report = read(&site.path().join(Q3));
    assert!(
        report.contains("      - district: Donghu District\n        actual: 10.0\n"),
        "{report}"
    );
}

/// Imports `bytes` as `name` into `site`: the output, and whether it
/// succeeded.
fn import(site: &Path, dir: &Path, name: &str, bytes: &[u8]) -> (bool, String) {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let result = run(site, &["sheet", "import", path.to_str().unwrap()]);
    let said = format!("{}{}", stdout(&result), stderr(&result));
    (result.status.success(), said)
}

#[test]
fn a_progress_workbook_imported_twice_changes_nothing_the_second_time() {
    let site = example_site();
    let dir = tempfile::tempdir().unwrap();
    let rows = cells(&export(site.path(), dir.path(), PLAN, true));
    let east = row_of(&rows, "mingchuan-2025-gas-mains", "东湖区");
    let filled = book(
        &rows,
        &[
            ((2, 1), V::Text("明川市进展（虚构示例）")),
            ((3, 1), V::Text("2025-11-20")),
            ((east, ACTUAL), V::Text("12.50")),
            ((east, NOTE), V::Text("12")),
        ],
        None,
    );
    let (ok, said) = import(site.path(), dir.path(), "p.xlsx", &filled);
    assert!(ok, "{said}");
    let first = read(&site.path().join("content/2025/mingchuan-2025-progress.md"));
    // The plan's targets are not repeated, and a note that reads as a
    // number stays text.
    assert!(!first.contains("target:"), "{first}");
    assert!(first.contains("note: \"12\""), "{first}");
    let (ok, said) = import(site.path(), dir.path(), "p.xlsx", &filled);
    assert!(ok && said.contains("nothing was written"), "{said}");
    assert_eq!(
        read(&site.path().join("content/2025/mingchuan-2025-progress.md")),
        first
    );
    let check = run(site.path(), &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
}

#[test]
fn a_file_that_is_there_is_never_written_over_by_a_new_report() {
    let site = example_site();
    let dir = tempfile::tempdir().unwrap();
    // A report with a problem of its own takes no figures until it is put right.
    let q3 = cells(&export(site.path(), dir.path(), Q3, false));
    let text = read(&site.path().join(Q3)).replacen("actual: 9.8", "actual: 9,8x", 1);
    write(site.path(), Q3, &text);
    let (ok, said) = import(site.path(), dir.path(), "q3.xlsx", &book(&q3, &[], None));
    assert!(
        !ok && said.contains("[E1112]") && said.contains("[E0201]"),
        "{said}"
    );
    assert_eq!(read(&site.path().join(Q3)), text);
    let broken = "---\ntitle: x\nmetrics:\n  - id: [broken\n---\n正文\n";
    write(site.path(), "content/2025/broken.md", broken);
    let rows = cells(&export(site.path(), dir.path(), PLAN, true));
    let east = row_of(&rows, "mingchuan-2025-gas-mains", "东湖区");
    for file in [
        "content/2025/broken.md",
        "content/2025/./mingchuan-2025-q3.md",
    ] {
        let before = snapshot(&site.path().join("content"));
        let mut named = rows.clone();
        named[0][1] = file.to_string();
        let filled = book(
            &named,
            &[
                ((2, 1), V::Text("标题")),
                ((3, 1), V::Text("2025-11-20")),
                ((east, ACTUAL), V::Text("1")),
            ],
            None,
        );
        let (ok, said) = import(site.path(), dir.path(), "p.xlsx", &filled);
        assert!(!ok, "{file}: {said}");
        assert_eq!(
            snapshot(&site.path().join("content")),
            before,
            "{file}: {said}"
        );
    }
}

#[test]
fn what_a_report_cannot_take_in_place_is_refused_and_the_rest_read_back_as_written() {
    let site = example_site();
    let dir = tempfile::tempdir().unwrap();
    let report = "---\ntitle: 明川市进展（虚构示例）\nkind: progress\ncity: mingchuan\nyear: 2025\npublished: 2025-10-15\nmetrics:\n  - id: mingchuan-2025-gas-mains\n    districts:\n      - {district: 东湖区, actual: 9.8, note: 原样}\n      - district: 西山区\n        actual: 6.1\n        note: |\n          两行\n          说明\n  - id: mingchuan-2025-heating-mains\n    districts:\n      - district: 东湖区\n        actual: 9.6\n---\n";
    write(site.path(), "content/2025/mingchuan-2025-flow.md", report);
    let rows = cells(&export(
        site.path(),
        dir.path(),
        "content/2025/mingchuan-2025-flow.md",
        false,
    ));
    // Exported and imported unchanged, a block note included: nothing changes.
    let (ok, said) = import(
        site.path(),
        dir.path(),
        "same.xlsx",
        &book(&rows, &[], None),
    );
    assert!(ok && said.contains("nothing was written"), "{said}");
    let east = row_of(&rows, "mingchuan-2025-gas-mains", "东湖区");
    let heating = row_of(&rows, "mingchuan-2025-heating-mains", "东湖区");
    let at = |r: u32, c: u16| format!(":填报!{}{}: ", (b'A' + c as u8) as char, r + 1);
    // A note with a comma in a `{…}` place is quoted, and reads back whole;
    // the city's own figure of a metric given by district is the metric's.
    let added = rows.len() as u32;
    let changes = [
        ((east, NOTE), V::Text("部分, 待核对")),
        ((added, 0), V::Text("mingchuan-2025-heating-mains")),
        ((added, 4), V::Text("全市")),
        ((added, ACTUAL), V::Text("30.1")),
    ];
    let (ok, said) = import(
        site.path(),
        dir.path(),
        "flow.xlsx",
        &book(&rows, &changes, None),
    );
    assert!(ok, "{said}");
    let after = read(&site.path().join("content/2025/mingchuan-2025-flow.md"));
    assert!(
        after.contains("{district: 东湖区, actual: 9.8, note: \"部分, 待核对\"}"),
        "{after}"
    );
    assert!(
        after.contains("  - id: mingchuan-2025-heating-mains\n    actual: 30.1\n"),
        "{after}"
    );
    // Every problem at once: a formula, a thousands separator, a format
    // that shows another figure, a heading renamed, a title changed, a
    // metric no report introduces.
    let mut renamed = rows.clone();
    renamed[5][NOTE as usize] = "备注（可选）".into();
    renamed[heating as usize][0] = "mingchuan-2025-heating-mainz".into();
    let west = row_of(&rows, "mingchuan-2025-gas-mains", "西山区");
    let changes = [
        ((east, ACTUAL), V::Formula("=1+2")),
        ((west, ACTUAL), V::Text("1,200")),
        ((west, TARGET), V::Number(0.895, "0.0%")),
        ((2, 1), V::Text("另一个标题")),
    ];
    let (ok, said) = import(
        site.path(),
        dir.path(),
        "bad.xlsx",
        &book(&renamed, &changes, None),
    );
    assert!(!ok, "{said}");
    for (place, code) in [
        (at(east, ACTUAL), "[E1105]"),
        (at(west, ACTUAL), "[E0206]"),
        (at(west, TARGET), "[E1107]"),
        (at(5, NOTE), "[E1103]"),
        (at(2, 1), "[E1113]"),
        (at(heating, 0), "[E0601]"),
    ] {
        assert!(
            said.lines().any(|l| l.contains(&place) && l.contains(code)),
            "{place} {code}\n{said}"
        );
    }
    assert_eq!(
        read(&site.path().join("content/2025/mingchuan-2025-flow.md")),
        after
    );
}

#[test]
fn a_plan_takes_a_new_metric_and_a_new_report_never_takes_another_s_address() {
    let site = example_site();
    let dir = tempfile::tempdir().unwrap();
    // A plan's metrics end with `deadline:`; a new one goes after it.
    let rows = cells(&export(site.path(), dir.path(), PLAN, false));
    let added = rows.len() as u32;
    let changes = [
        ((added, 0), V::Text("mingchuan-2025-cycle-lanes")),
        ((added, 1), V::Text("新建自行车道")),
        ((added, 2), V::Text("公里")),
        ((added, 3), V::Text("公共设施")),
        ((added, 4), V::Text("全市")),
        ((added, TARGET), V::Text("12")),
    ];
    let (ok, said) = import(
        site.path(),
        dir.path(),
        "plan.xlsx",
        &book(&rows, &changes, None),
    );
    assert!(ok, "{said}");
    let plan = read(&site.path().join(PLAN));
    assert!(
        plan.contains("    deadline: 2025-12-31\n  - id: mingchuan-2025-cycle-lanes\n    label: 新建自行车道\n    unit: 公里\n    topic: public-facilities\n    target: 12\n"),
        "{plan}"
    );
    let check = run(site.path(), &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    // The whole city's date, which the metric already has, typed again.
    let rows = cells(&export(site.path(), dir.path(), Q3, false));
    let added = rows.len() as u32;
    let changes = [
        ((added, 0), V::Text("mingchuan-2025-gas-mains")),
        ((added, 4), V::Text("全市")),
        ((added, ACTUAL), V::Text("31")),
        ((added, AS_OF), V::Text("2025-09-30")),
    ];
    let (ok, said) = import(
        site.path(),
        dir.path(),
        "q3.xlsx",
        &book(&rows, &changes, None),
    );
    assert!(ok, "{said}");
    assert!(
        read(&site.path().join(Q3))
            .contains("  - id: mingchuan-2025-gas-mains\n    actual: 31\n    as_of: 2025-09-30\n")
    );
    // A new report named as another year's copy of an existing one, or
    // in a hidden folder; a zero shown as "-": refused.
    let rows = cells(&export(site.path(), dir.path(), PLAN, true));
    let east = row_of(&rows, "mingchuan-2025-gas-mains", "东湖区");
    for (file, cell) in [
        ("content/2026/mingchuan-2025-q3.md", V::Text("1")),
        ("content/.drafts/mingchuan-x.md", V::Text("1")),
        (
            "content/2025/mingchuan-dash.md",
            V::Number(0.0, "#,##0.00;-#,##0.00;\"-\""),
        ),
    ] {
        let mut named = rows.clone();
        named[0][1] = file.to_string();
        let changes = [
            ((2, 1), V::Text("标题")),
            ((3, 1), V::Text("2025-11-20")),
            ((east, ACTUAL), cell),
        ];
        let before = snapshot(&site.path().join("content"));
        let (ok, said) = import(
            site.path(),
            dir.path(),
            "new.xlsx",
            &book(&named, &changes, None),
        );
        assert!(!ok, "{file}: {said}");
        assert_eq!(snapshot(&site.path().join("content")), before, "{file}");
    }
}
