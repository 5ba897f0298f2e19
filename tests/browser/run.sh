#!/usr/bin/env bash
# Checks the built example site with clients written by others: the W3C Nu
# Html Checker (Java), axe-core, the phone layout and search in headless
# Chromium (Debian's package, driven by playwright-core; no browser is
# downloaded), the feeds with Python's feedparser, the CSV files with
# Python's csv module, the data package with frictionless and every
# page's JSON-LD with pyld, the workbooks with openpyxl and LibreOffice,
# and the sitemap with xmllint against the sitemaps.org
# 0.9 schema, and a snapshot's WARC with warcio and pywb; then page layouts at
# 320 to 1,280 px in every text size and elder mode (layout.mjs), on the
# example site and a generated one with 60 districts. Installs what it needs;
# a tool that cannot be installed fails the run.
#   tests/browser/run.sh [SCREENSHOT_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

need=()
command -v java >/dev/null || need+=(default-jre-headless)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "cjk" || need+=(fonts-noto-cjk)
command -v xmllint >/dev/null || need+=(libxml2-utils)
python3 -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
command -v soffice >/dev/null || need+=(libreoffice-calc-nogui)
if [ ${#need[@]} -gt 0 ]; then
  echo "browser checks: installing ${need[*]}" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${need[@]}"
fi

cd "$here"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt

site="$(mktemp -d)"
trap 'rm -rf "$site"' EXIT
cargo run --quiet --locked --manifest-path "$root/Cargo.toml" -- --root "$root" build --output "$site/out"
out="$site/out"
if [ -e "$out/sitemap-1.xml" ]; then
  xmllint --noout --schema siteindex.xsd "$out/sitemap.xml"
  xmllint --noout --schema sitemap.xsd "$out"/sitemap-*.xml
else
  xmllint --noout --schema sitemap.xsd "$out/sitemap.xml"
fi
.venv/bin/python published.py "$out"

# A snapshot of a copy of the example site, exported as WARC.
copy="$site/copy"
mkdir -p "$copy"
cp -r "$root/site.yaml" "$root/content" "$root/themes" "$copy/"
cargo run --quiet --locked --manifest-path "$root/Cargo.toml" -- --root "$copy" archive 2025
cargo run --quiet --locked --manifest-path "$root/Cargo.toml" -- --root "$copy" warc 2025
.venv/bin/python warc_check.py "$copy/archive/2025.warc.gz"
node check.mjs "$out" "${1:-}"

# The Frictionless Data Package, as a data portal reads it: a copy of the
# example site published at a local address, served over HTTP, and
# `frictionless validate` on data/datapackage.json, which checks every
# CSV it lists against the Table Schema.
package="$site/package"
mkdir -p "$package"
cp -r "$root/site.yaml" "$root/content" "$root/themes" "$package/"
port="$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
sed -i "s|^base_url: .*|base_url: http://127.0.0.1:$port/|" "$package/site.yaml"
cargo run --quiet --locked --manifest-path "$root/Cargo.toml" -- --root "$package" build
.venv/bin/python -m http.server "$port" --bind 127.0.0.1 --directory "$package/output" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$site"' EXIT
.venv/bin/python package_check.py "http://127.0.0.1:$port/data/datapackage.json"
kill $server 2>/dev/null || true
trap 'rm -rf "$site"' EXIT
# Every page's JSON-LD, read by a JSON-LD processor (pyld).
.venv/bin/python jsonld_check.py "$out"
# Every workbook, opened with openpyxl and LibreOffice and compared with
# its CSV.
.venv/bin/python xlsx_check.py "$out"
# The spreadsheet round trip: a workbook exported, filled in with
# openpyxl, saved again by LibreOffice as .ods, .xls and .csv, each
# imported into its own copy of the example site and built.
cargo build --quiet --locked --manifest-path "$root/Cargo.toml"
.venv/bin/python sheet_check.py "${CARGO_TARGET_DIR:-$root/target}/debug/renewal" "$root"

# Layouts at 320 to 1,280 px in every text size and elder mode: the
# example site, and a generated one with 60 districts and a 24-character
# district name (wide_site.py).
wide="$site/wide"
python3 wide_site.py "$wide"
cargo run --quiet --locked --manifest-path "$root/Cargo.toml" -- --root "$wide" build --output "$wide/out"
node layout.mjs "$out" / /reports/dezhou-2022-review/ /metrics/mingchuan-2025-gas-mains/ /cities/mingchuan/ /cities/mingchuan/donghu/ /zh-hant/cities/qingdao/
node layout.mjs "$wide/out" /reports/yunxi-2025-q3/ /cities/yunxi/ /cities/yunxi/d01/ /metrics/yunxi-2025-investment/ /
