"""The files the example site publishes beside its pages, read by clients
written by others: every Atom feed parses cleanly with feedparser, every
CSV parses with Python's csv module and holds the same rows as the JSON
beside it, and every JSON file is valid against the published JSON Schema
(jsonschema). Usage: python published.py SITE_DIR"""
import csv
import io
import json
import pathlib
import sys

import feedparser
import jsonschema

site = pathlib.Path(sys.argv[1])
failures = []

feeds = sorted(site.rglob("feed.xml"))
for path in feeds:
    parsed = feedparser.parse(path.read_bytes())
    if parsed.bozo:
        failures.append(f"{path}: feedparser: {parsed.bozo_exception}")
    elif parsed.version != "atom10":
        failures.append(f"{path}: read as {parsed.version!r}, not Atom 1.0")
    elif not parsed.entries:
        failures.append(f"{path}: no entries")
if len(feeds) < 3:
    failures.append(f"only {len(feeds)} feeds")

schema = json.loads((site / "data" / "schema.json").read_text(encoding="utf-8"))
validator = jsonschema.Draft202012Validator(schema)
tables = sorted(site.rglob("*.csv"))
for path in tables:
    raw = path.read_bytes()
    if not raw.startswith(b"\xef\xbb\xbf"):
        failures.append(f"{path}: no byte-order mark")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    document = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    columns = document["columns"]
    as_text = [
        {k: "" if v is None else ("true" if v is True else "false" if v is False else str(v)) for k, v in zip(columns, row)}
        for row in document["rows"]
    ]
    # A cell that would start a formula is written with a leading ' in CSV only.
    csv_rows = [{k: v[1:] if v.startswith("'") else v for k, v in row.items()} for row in rows]
    if csv_rows != as_text:
        failures.append(f"{path}: the CSV's rows differ from the JSON's")
    for error in validator.iter_errors(document):
        failures.append(f"{path.with_suffix('.json')}: {error.message[:200]}")
        break
if len(tables) < 10:
    failures.append(f"only {len(tables)} CSV files")

for failure in failures:
    print("FAIL", failure, file=sys.stderr)
if failures:
    sys.exit(1)
print(f"feedparser: {len(feeds)} feeds parse; csv: {len(tables)} CSV files hold the JSON's rows, valid against the schema")
