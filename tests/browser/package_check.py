"""Validates the site's Frictionless Data Package with `frictionless`, as a
data portal would: the descriptor against the tabular-data-package
profile, and every CSV it lists, row by row, against its Table Schema.
Fails on any error, and when the package does not list the site-wide CSV
or lists too few resources to be the whole download set.

    package_check.py URL_OF_DATAPACKAGE_JSON
"""
import sys
import time
import urllib.request

from frictionless import Package, validate


def main(url):
    for _ in range(50):
        try:
            urllib.request.urlopen(url, timeout=5).read()
            break
        except OSError:
            time.sleep(0.2)
    report = validate(url)
    if not report.valid:
        for task in report.tasks:
            for error in task.errors:
                print(f"{task.name}: {error.message}", file=sys.stderr)
        for error in report.errors:
            print(error.message, file=sys.stderr)
        sys.exit(f"{url}: the data package is not valid")
    package = Package(url)
    names = [resource.name for resource in package.resources]
    if "renewal" not in names:
        sys.exit(f"{url}: the site-wide CSV is not listed")
    reports = [n for n in names if n.startswith("report-")]
    metrics = [n for n in names if n.startswith("metric-")]
    if len(reports) < 5 or len(metrics) < 20:
        sys.exit(f"{url}: only {len(reports)} reports and {len(metrics)} metrics listed")
    if not package.licenses or not package.licenses[0].get("path"):
        sys.exit(f"{url}: no licence")
    print(f"data package: {len(report.tasks)} CSV files valid "
          f"({len(reports)} reports, {len(metrics)} metrics and the site-wide one)")


if __name__ == "__main__":
    main(sys.argv[1])
