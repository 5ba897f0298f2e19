"""Opens every Excel workbook of a built site with openpyxl, as a reader's
spreadsheet library does, and checks that it holds the same rows and
figures as the CSV beside it: every cell read back as text (a number in
the decimals its format shows, a boolean as the CSV writes it), headed in
the site's language, with the data dictionary as its second sheet. Then
has LibreOffice (headless) save every workbook as CSV the way it shows
the cells, and checks that it shows exactly the CSV's figures.

    xlsx_check.py OUTPUT_DIR
"""
import csv
import pathlib
import shutil
import subprocess
import sys
import tempfile

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


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def as_libreoffice_shows(workbooks, problems):
    """Each workbook saved as CSV by LibreOffice, cells as shown, against
    the published CSV."""
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("xlsx: LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        named = {}
        for n, workbook in enumerate(workbooks):
            copy = tmp / f"w{n}.xlsx"
            shutil.copy(workbook, copy)
            named[copy.with_suffix(".csv").name] = workbook
        # Comma, double quote, UTF-8, from row 1; cells saved as shown.
        options = "44,34,76,1,,0,false,true,true,false,false"
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
             "--convert-to", f"csv:Text - txt - csv (StarCalc):{options}",
             "--outdir", str(tmp / "out"), *sorted(str(c) for c in tmp.glob("*.xlsx"))],
            check=True, capture_output=True, timeout=600)
        for name, workbook in named.items():
            shown_csv = tmp / "out" / name
            if not shown_csv.is_file():
                problems.append(f"{workbook}: LibreOffice could not open it")
                continue
            shown_rows = read_csv(shown_csv)
            records = read_csv(workbook.with_suffix(".csv"))
            if len(shown_rows) != len(records):
                problems.append(f"{workbook}: LibreOffice shows {len(shown_rows)} rows, the CSV has {len(records)}")
            for n, (row, record) in enumerate(zip(shown_rows[1:], records[1:]), start=2):
                for name_, cell, text in zip(records[0], row, record):
                    text = unguarded(text)
                    if cell != text and not (cell in ("TRUE", "FALSE") and cell.lower() == text):
                        problems.append(f"{workbook}: row {n}, {name_}: LibreOffice shows {cell!r}, the CSV has {text!r}")


def main(out):
    out = pathlib.Path(out)
    workbooks = sorted(out.glob("data/*.xlsx")) + sorted(out.glob("metrics/*/data.xlsx"))
    problems = []
    figures = sum(check(w, problems) for w in workbooks)
    as_libreoffice_shows(workbooks, problems)
    for problem in problems[:20]:
        print(problem)
    if problems or len(workbooks) < 2:
        sys.exit(f"xlsx: {len(problems)} problems in {len(workbooks)} workbooks")
    print(f"xlsx: {len(workbooks)} workbooks open in openpyxl and LibreOffice, {figures} figures equal to the CSV")


if __name__ == "__main__":
    main(sys.argv[1])
