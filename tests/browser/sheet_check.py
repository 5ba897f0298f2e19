"""The spreadsheet round trip with real spreadsheet programs' files.

On a copy of the example site: `renewal sheet export --progress` writes
the workbook for a new progress report on the Mingchuan plan; openpyxl
fills it in as an editor would (the title and date, figures typed as
text, one pasted as a number shown with two decimals, a note) and saves
it; LibreOffice (headless) opens that workbook and saves it again as
.ods, .xls and .csv. Each of the four files is imported into its own copy
of the site, which is then built: every copy must get the same report,
and the built site must publish exactly the figures typed. Last, a
workbook with a formula and a figure with a thousands separator must be
refused at its cells, with nothing written.

    sheet_check.py RENEWAL_BINARY SITE_ROOT
"""
import csv
import pathlib
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

BINARY, ROOT = sys.argv[1], pathlib.Path(sys.argv[2])
PLAN = "content/2025/mingchuan-2025-plan.md"
NEW = "content/2025/mingchuan-2025-progress.md"
# What the editor types, by (metric id, district): the figure as typed,
# how it is typed, and the figure the site must publish.
TYPED = {
    ("mingchuan-2025-gas-mains", "东湖区"): ("12.50", "text", "12.50"),
    ("mingchuan-2025-gas-mains", "西山区"): (7.1, "0.00", "7.10"),
    ("mingchuan-2025-investment", "全市"): ("140.0", "text", "140.0"),
    ("mingchuan-2025-old-compounds", "南岭区"): ("9", "text", "9"),
}


def renewal(site, *args, ok=True):
    result = subprocess.run([BINARY, "--root", str(site), *args], capture_output=True,
                            text=True, env={"RENEWAL_LANG": "en", "PATH": "/usr/bin:/bin"})
    if ok and result.returncode != 0:
        sys.exit(f"sheet: renewal {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result


def copy_site(to):
    to.mkdir(parents=True)
    for part in ("site.yaml", "content", "themes"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy)(source, to / part)
    return to


def table(sheet):
    """The export's columns by heading, and the row of each (id, place)."""
    heading = next(r for r in sheet.iter_rows() if r[0].value == "指标编号")
    columns = {c.value: c.column for c in heading}
    rows = {}
    for row in sheet.iter_rows(min_row=heading[0].row + 1):
        if row[0].value:
            rows[(row[0].value, row[columns["区县"] - 1].value)] = row[0].row
    return columns, rows


def fill(exported, filled, as_text=False):
    """The workbook filled in; `as_text` types every figure into the
    export's text cells, as an editor does."""
    book = openpyxl.load_workbook(exported)
    sheet = book["填报"]
    columns, rows = table(sheet)
    sheet["B3"] = "明川市2025年11月城市更新进展（虚构示例）"
    sheet["B4"] = "2025-11-20"
    for key, (value, kind, shown) in TYPED.items():
        cell = sheet.cell(rows[key], columns["本次数值"])
        cell.value = shown if as_text else value
        if kind != "text" and not as_text:
            cell.number_format = kind
    sheet.cell(rows[("mingchuan-2025-gas-mains", "西山区")], columns["备注"]).value = "数据待核对"
    sheet.cell(rows[("mingchuan-2025-gas-mains", "东湖区")], columns["截至日期"]).value = "2025-11-15"
    book.save(filled)


def libreoffice(source, outdir, target, tmp):
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("sheet: LibreOffice (soffice) is not installed")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                    "--convert-to", target, "--outdir", str(outdir), str(source)],
                   check=True, capture_output=True, timeout=300)


def write_ods(path, rows_xml):
    """A minimal OpenDocument spreadsheet with one sheet, 填报."""
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:body><office:spreadsheet><table:table table:name="填报">'
               f'{rows_xml}</table:table></office:spreadsheet></office:body></office:document-content>')
    manifest = ('<?xml version="1.0"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
        z.writestr("META-INF/manifest.xml", manifest)


def published(site, out):
    """The new report's figures as its built CSV publishes them."""
    renewal(site, "build", "--output", str(out))
    path = out / "reports/mingchuan-2025-progress/data.csv"
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def main():
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        exporter = copy_site(tmp / "exporter")
        exported = tmp / "progress.xlsx"
        renewal(exporter, "sheet", "export", PLAN, "--progress", "--output", str(exported))
        # One figure pasted as a number shown with two decimals, which an
        # .xlsx says and an .ods or .xls (as read) does not.
        filled = tmp / "filled.xlsx"
        fill(exported, filled)
        typed = tmp / "typed.xlsx"
        fill(exported, typed, as_text=True)
        saved = tmp / "saved"
        # LibreOffice opens the filled workbooks and saves them in its other forms.
        for source in (filled, typed):
            libreoffice(source, saved, "ods", tmp)
            libreoffice(source, saved, "xls", tmp)
        libreoffice(typed, saved, "csv:Text - txt - csv (StarCalc):44,34,76,1", tmp)
        files = [filled, typed, saved / "typed.ods", saved / "typed.xls", saved / "typed.csv"]
        reports = {}
        for n, workbook in enumerate(files):
            if not workbook.is_file():
                problems.append(f"{workbook.name}: LibreOffice did not save it")
                continue
            site = copy_site(tmp / f"site{n}")
            renewal(site, "sheet", "import", str(workbook))
            reports[workbook.name] = (site / NEW).read_text(encoding="utf-8")
            rows = published(site, tmp / f"out{n}")
            for (metric, place), (_, _, figure) in TYPED.items():
                found = [r["actual"] for r in rows if r["metric_id"] == metric
                         and (r["district"] == place or (place == "全市" and not r["district_id"]))]
                if found != [figure]:
                    problems.append(f"{workbook.name}: {metric} at {place} published {found}, typed {figure}")
        first = reports.get("filled.xlsx")
        for name, text in reports.items():
            if text != first:
                problems.append(f"{name}: imported a different report than the .xlsx:\n{text}")
        # The number whose decimals an .ods or .xls does not say is refused
        # at its cell, not guessed.
        for name in ("filled.ods", "filled.xls"):
            site = copy_site(tmp / f"unshown-{name}")
            result = renewal(site, "sheet", "import", str(saved / name), ok=False)
            if result.returncode != 1 or "[E1107]" not in result.stderr or (site / NEW).exists():
                problems.append(f"{name}: a number of unknown decimals was not refused:\n{result.stderr}")
        # Merged cells, saved by LibreOffice as .ods (where calamine does
        # not say them), and two hand-made .ods files whose cells would
        # span millions when laid out: refused, nothing written.
        book = openpyxl.load_workbook(typed)
        sheet = book["填报"]
        columns, rows = table(sheet)
        east = rows[("mingchuan-2025-gas-mains", "东湖区")]
        note = openpyxl.utils.get_column_letter(columns["备注"])
        sheet.merge_cells(f"{note}{east}:{note}{east + 1}")
        merged = tmp / "merged.xlsx"
        book.save(merged)
        libreoffice(merged, saved, "ods", tmp)
        hand = tmp / "hand"
        hand.mkdir()
        cell = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
        hand_made = {
            "far.ods": f'<table:table-row>{cell}</table:table-row>'
                       '<table:table-row table:number-rows-repeated="100000"><table:table-cell/></table:table-row>'
                       f'<table:table-row><table:table-cell table:number-columns-repeated="1000"/>{cell}</table:table-row>',
            "repeated.ods": '<table:table-row table:number-rows-repeated="1000000"><table:table-cell '
                            'office:value-type="float" office:value="1" table:number-columns-repeated="16384"/>'
                            '</table:table-row>',
        }
        for name, rows_xml in hand_made.items():
            write_ods(hand / name, rows_xml)
        for path, code in [(saved / "merged.ods", "[E1106]"), (hand / "far.ods", "[E1102]"),
                           (hand / "repeated.ods", "[E1102]")]:
            site = copy_site(tmp / f"refused-{path.name}")
            result = renewal(site, "sheet", "import", str(path), ok=False)
            if result.returncode != 1 or code not in result.stderr or (site / NEW).exists():
                problems.append(f"{path.name}: not refused with {code}:\n{result.stderr}")
        # Refused at its cells, nothing written.
        book = openpyxl.load_workbook(exported)
        sheet = book["填报"]
        columns, rows = table(sheet)
        sheet["B3"], sheet["B4"] = "标题", "2025-11-20"
        east = rows[("mingchuan-2025-gas-mains", "东湖区")]
        sheet.cell(east, columns["本次数值"]).value = "=1+2"
        sheet.cell(east + 1, columns["本次数值"]).value = "12,800"
        hostile = tmp / "hostile.xlsx"
        book.save(hostile)
        site = copy_site(tmp / "hostile-site")
        result = renewal(site, "sheet", "import", str(hostile), ok=False)
        letter = openpyxl.utils.get_column_letter(columns["本次数值"])
        if result.returncode != 1 or f"hostile.xlsx:填报!{letter}{east}: " not in result.stderr \
                or "[E1105]" not in result.stderr:
            problems.append(f"a formula was not refused at {letter}{east}:\n{result.stderr}")
        if (site / NEW).exists():
            problems.append("a refused workbook wrote a report")
    for problem in problems:
        print(f"sheet: {problem}")
    if problems:
        sys.exit(1)
    print(f"sheet: {len(files)} files (.xlsx by openpyxl; .ods, .xls, .csv by LibreOffice) "
          f"imported alike; {len(TYPED)} typed figures published as typed; a number of unknown "
          "decimals in .ods and .xls, merged cells in an .ods, two .ods spanning millions of "
          "cells and a formula refused")


main()
