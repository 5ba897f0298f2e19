"""Reads every JSON-LD block of every page of a built site as a JSON-LD
processor does (pyld), and checks that each is a schema.org Dataset with
the properties dataset search engines and data portals read, and that its
downloads are files the site has. schema.org's context is given as its
vocabulary (`@vocab`), so that the check needs no network.

    jsonld_check.py OUTPUT_DIR
"""
import json
import pathlib
import sys
from urllib.parse import urlparse

from pyld import jsonld

SCHEMA = "https://schema.org/"
REQUIRED = ["name", "description", "publisher", "license", "temporalCoverage",
            "spatialCoverage", "variableMeasured", "dateModified", "distribution"]
OPEN = '<script type="application/ld+json">'


def loader(url, options=None):
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url,
                "document": {"@context": {"@vocab": SCHEMA}}}
    raise jsonld.JsonLdError(f"no network: {url}", "loading document failed")


def main(out):
    out = pathlib.Path(out)
    jsonld.set_document_loader(loader)
    pages = blocks = 0
    for page in sorted(out.rglob("*.html")):
        if "archive" in page.relative_to(out).parts:
            continue
        html = page.read_text(encoding="utf-8")
        pages += 1
        start = html.find(OPEN)
        while start != -1:
            end = html.index("</script>", start)
            text = html[start + len(OPEN):end]
            start = html.find(OPEN, end)
            blocks += 1
            where = page.relative_to(out)
            expanded = jsonld.expand(json.loads(text))
            if len(expanded) != 1:
                sys.exit(f"{where}: {len(expanded)} nodes")
            node = expanded[0]
            if node.get("@type") != [SCHEMA + "Dataset"]:
                sys.exit(f"{where}: not a Dataset: {node.get('@type')}")
            missing = [p for p in REQUIRED if SCHEMA + p not in node]
            if missing:
                sys.exit(f"{where}: no {', '.join(missing)}")
            for download in node[SCHEMA + "distribution"]:
                url = download[SCHEMA + "contentUrl"][0]["@value"]
                path = urlparse(url).path.lstrip("/")
                if not (out / path).is_file():
                    sys.exit(f"{where}: a download that is not there: {url}")
    if blocks < 100:
        sys.exit(f"only {blocks} JSON-LD blocks in {pages} pages")
    print(f"json-ld: {blocks} Dataset blocks in {pages} pages expand with pyld, "
          "with every required property and downloads that are there")


if __name__ == "__main__":
    main(sys.argv[1])
