"""Opens every Excel workbook of a built site with openpyxl, as a reader's
spreadsheet library does, and checks that it holds the same rows and
figures as the CSV beside it: every cell read back as text (a number in
the decimals its format shows, a boolean as the CSV writes it), headed in
the site's language, with the data dictionary as its second sheet.

    xlsx_check.py OUTPUT_DIR
"""
import csv
import pathlib
import sys

import openpyxl


def shown(cell):
    """A cell's value as a reader sees it, as text."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        code = cell.number_format
        decimals = len(code.split(".", 1)[1]) if "." in code else 0
        return f"{value:.{decimals}f}"
    return str(value)


def unguarded(text):
    """A CSV cell without the `'` that keeps a formula from running."""
    if text.startswith("'") and text[1:2] in ("=", "+", "-", "@"):
        return text[1:]
    return text


def check(workbook, problems):
    book = openpyxl.load_workbook(workbook, read_only=True)
    if len(book.worksheets) < 2:
        problems.append(f"{workbook}: no data dictionary sheet")
    sheet = book.worksheets[0]
    rows = [[shown(c) for c in row] for row in sheet.iter_rows()]
    with open(workbook.with_suffix(".csv"), encoding="utf-8-sig", newline="") as f:
        records = list(csv.reader(f))
    header, records = records[0], records[1:]
    if len(rows[0]) != len(header) or rows[0][0] in ("", "metric_id"):
        problems.append(f"{workbook}: heading {rows[0][:3]}")
    if len(rows) - 1 != len(records):
        problems.append(f"{workbook}: {len(rows) - 1} rows, the CSV has {len(records)}")
    figures = 0
    for n, (row, record) in enumerate(zip(rows[1:], records), start=2):
        for name, cell, text in zip(header, row, record):
            if cell != unguarded(text):
                problems.append(f"{workbook}: row {n}, {name}: {cell!r} against the CSV's {text!r}")
            figures += name in ("target", "actual", "baseline") and text != ""
    book.close()
    return figures


def main(out):
    out = pathlib.Path(out)
    workbooks = sorted(out.glob("data/*.xlsx")) + sorted(out.glob("metrics/*/data.xlsx"))
    problems = []
    figures = sum(check(w, problems) for w in workbooks)
    for problem in problems[:20]:
        print(problem)
    if problems or len(workbooks) < 2:
        sys.exit(f"xlsx: {len(problems)} problems in {len(workbooks)} workbooks")
    print(f"xlsx: {len(workbooks)} workbooks open in openpyxl, {figures} figures equal to the CSV")


if __name__ == "__main__":
    main(sys.argv[1])
