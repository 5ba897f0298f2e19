#!/usr/bin/env python3
"""A Hugo site that does (as nearly as Hugo can) the job renewal does, from a renewal site.

Usage: hugo_same_files.py RENEWAL_DIR OUTDIR [--no-bars] [--no-data] [--no-standings]

The benchmark (benches/scale.rs) times it beside renewal and the plain Hugo site. Adapted
for reports whose metrics give a `districts:` list (one figure per district, and the city's
own when the entry gives a target or actual too), as the benchmark's generated reports do:
each figure is written into the Hugo page's front matter with its own district (`district`,
its name, and `district_id`), the templates take a figure's place from the figure, not
from the report, and a figure's status and rows are cached by its district too (by report
and metric alone, every district of a metric would get the first one's). A report is
listed on the page of every district its figures are about.

RENEWAL_DIR is a renewal site as gen_renewal.py writes it (site.yaml and
content/**/*.md); OUTDIR (replaced) becomes a Hugo site (config.toml, layouts/,
static/, content/).  Only the Python standard library is used; the output is
deterministic.  Built with Debian's Hugo 0.111.3:

    hugo --quiet -s OUTDIR -d PUBLIC

What the Hugo site makes, and how (a competent Hugo user's configuration: built-in
taxonomies, paginator, output formats, RSS, sitemap and robots.txt; partials; no
post-processing):

* one page per report, with its facts (kind, district, year, date, topic links),
  the Markdown body (byte-identical to renewal's source) and its metrics table:
  target, actual, unit, share of target, a status computed in the template (done,
  on track or behind by the share of the year passed at the report's date, no
  data, no target: renewal's rule) and, unless --no-bars, a small inline SVG bar
  per row drawn with template math;
* custom output formats: data.csv and data.json beside every report page (its
  metric rows), beside every metric term page (the metric's whole series) and at
  the site root (every metric row of the site, from the home page).  The columns
  are renewal's open-data columns; the CSV has a byte-order mark and CRLF;
* taxonomies cities, districts, years, topics and metrics (a term page each,
  like renewal's city, district, year, topic and metric pages), every list
  paginated with renewal's page size (site.yaml `page_size`, default 50), with a
  pager like renewal's (first, last, two each side, previous, next);
* on page 1 of a city, district and year term: the status tally and the first
  page of the table of standings (each metric's latest figures per district), as
  renewal's place pages show them; a metric term's page 1 shows the standings per
  district, and its paginated list is the metric's series, oldest first;
* the reports section: every report, newest first, paginated; home: counts, the
  tally, the 12 newest figures, the 10 newest reports, cities and districts;
* Hugo's built-in RSS (newest 50) for the home page, the city and each district
  (renewal writes Atom feeds for the same three); sitemap.xml; robots.txt that
  names the sitemap; 404.html; a stylesheet.

Front matter: renewal's, with `metrics:` renamed `figures:` (the name `metrics` is
the taxonomy's) and the taxonomy keys added: `cities`, `districts` (ASCII ids
from site.yaml, as renewal's addresses use), `years`, `metrics` (the metric ids);
`topics` is already a list of ids.  `published` is the page date
(`[frontmatter] date = ["published", …]`).  Term pages get an `_index.md` with the
name from site.yaml (or the metric's label and unit), and the outputs of that term
(RSS for the city and districts, JSON and CSV for metrics).

Checked on the 10,000-report corpus: the site-wide data.csv has the same 55,097
rows as renewal's data/renewal.csv, every column equal (status included) except
that figures are YAML floats (62.0 is written 62); the tallies of the home, city,
40 district and 5 year pages equal renewal's.

Efficiency: the status of a figure and its CSV and JSON rows are partialCached by
(report, metric id), since each is needed by up to eight outputs; report list
items are partialCached by page; no template ranges over all pages except the
home page (tally, site-wide data) and the city (its own reports).  Hugo 0.111
spends about 16 µs of CPU on every partial call, and the data outputs are about
half of this site's build time (see --no-data).

Not made (Hugo 0.111 cannot, or not without hacks): the second pagination of the
standings table of city, district and year pages (one paginator per page: page 1
shows the first page_size rows, the later pages are missing), QR codes (images.QR
came in Hugo 0.141), the plotted charts (progress, over-time and summary charts;
the small bars stand in), the search index, Atom (Hugo's RSS 2.0 instead, with
summaries), pager pages in the sitemap, figures kept as written, CSV cells quoted
only when needed and the CSV-injection guard (text cells are always quoted here),
data-label on Markdown tables (table render hooks came in Hugo 0.134), and
renewal's checks of the content.  Hugo adds a /page/1/ redirect for every
paginated list and /districts/ and /metrics/ index pages.

--no-data, --no-standings and --no-bars are for the cost breakdown only.
"""
import argparse
import json
import os
import re
import shutil
import sys

# --------------------------------------------------------------------------
# A small YAML subset reader (block mappings and sequences, flow lists of
# scalars, quoted and plain scalars): enough for site.yaml and report front
# matter as gen_renewal.py writes them.  Plain scalars stay text.
# --------------------------------------------------------------------------


def _scalar(s):
    s = s.strip()
    if not s:
        return None
    if s[0] == '"':
        return json.loads(s)
    if s[0] == "'":
        return s[1:-1].replace("''", "'")
    if s[0] == "[":
        inner = s[1:-1].strip()
        if not inner:
            return []
        out, cur, q = [], "", None
        for ch in inner:
            if q:
                cur += ch
                if ch == q:
                    q = None
            elif ch in "\"'":
                q = ch
                cur += ch
            elif ch == ",":
                out.append(_scalar(cur))
                cur = ""
            else:
                cur += ch
        out.append(_scalar(cur))
        return out
    m = re.search(r"\s#", s)
    return s[:m.start()].rstrip() if m else s


KEY = re.compile(r"^([^:\"'\[\]{}#]+):(?:\s+(.*))?$")


def _lines(text):
    out = []
    for raw in text.split("\n"):
        t = raw.rstrip()
        if not t.strip() or t.lstrip().startswith("#"):
            continue
        out.append([len(t) - len(t.lstrip(" ")), t.strip()])
    return out


def _block(L, i, ind):
    if L[i][1].startswith("- ") or L[i][1] == "-":
        return _seq(L, i, ind)
    return _map(L, i, ind)


def _seq(L, i, ind):
    items = []
    while i < len(L) and L[i][0] == ind and (L[i][1].startswith("- ") or L[i][1] == "-"):
        rest = L[i][1][2:].strip()
        if KEY.match(rest) and not rest.startswith(('"', "'")):
            L[i] = [ind + 2, rest]      # "- key: v" opens a mapping at ind + 2
            v, i = _map(L, i, ind + 2)
        elif rest:
            v, i = _scalar(rest), i + 1
        else:
            v, i = _block(L, i + 1, L[i + 1][0])
        items.append(v)
    return items, i


def _map(L, i, ind):
    d = {}
    while i < len(L) and L[i][0] == ind and not L[i][1].startswith("- "):
        m = KEY.match(L[i][1])
        if not m:
            raise ValueError(f"cannot read YAML line: {L[i][1]!r}")
        k, v = m.group(1).strip(), m.group(2)
        i += 1
        if v is not None and v.strip():
            d[k] = _scalar(v)
        elif i < len(L) and (L[i][0] > ind or (L[i][0] == ind and L[i][1].startswith("- "))):
            d[k], i = _block(L, i, L[i][0])
        else:
            d[k] = None
    return d, i


def read_yaml(text):
    L = _lines(text)
    return _block(L, 0, L[0][0])[0] if L else {}


def split_front(text):
    if not text.startswith("---\n"):
        raise ValueError("no front matter")
    end = text.index("\n---\n", 3)
    return text[4:end + 1], text[end + 5:]


def q(s):
    return json.dumps(s, ensure_ascii=False)


def toml_str(s):
    return json.dumps(s, ensure_ascii=False)


# --------------------------------------------------------------------------
# Hugo configuration and templates
# --------------------------------------------------------------------------

COLUMNS = ["metric_id", "label", "unit", "topic_id", "topic", "city_id", "city", "fictional",
           "district_id", "district", "year", "target", "actual", "as_of", "baseline", "deadline",
           "status", "note", "report_title", "report_url", "report_publisher", "report_published"]

KIND_NAMES = {"plan": "计划", "progress": "进展", "review": "总结"}
STATUS_NAMES = {"done": "已完成", "on-track": "按期推进", "behind": "进度落后",
                "no-data": "暂无数据", "no-target": "无目标"}


def config_toml(site, page_size, data=True, standings=True):
    cities = site.get("cities") or []
    topics = site.get("topics") or []
    domain = re.sub(r"^https?://([^/]+).*$", r"\1", site["base_url"])
    data_formats = ["JSON", "CSV"] if data else []
    L = [f"baseURL = {toml_str(site['base_url'])}",
         f"title = {toml_str(site['title'])}",
         f"languageCode = {toml_str(site.get('language') or 'zh-Hans')}",
         "hasCJKLanguage = true",
         "enableRobotsTXT = true",
         f"paginate = {page_size}",
         'paginatePath = "page"',
         "rssLimit = 50",
         'timeout = "300s"',
         "",
         "[frontmatter]",
         '  date = ["published", ":default"]',
         "",
         "[taxonomies]",
         '  city = "cities"',
         '  district = "districts"',
         '  year = "years"',
         '  topic = "topics"',
         '  metric = "metrics"',
         "",
         "# data.csv / data.json beside the page (built-in formats, renamed)",
         "[outputFormats.CSV]",
         '  baseName = "data"',
         "[outputFormats.JSON]",
         '  baseName = "data"',
         "",
         "# terms: HTML; the city and district terms add RSS, metric terms JSON and CSV",
         "# (in their _index.md)",
         "[outputs]",
         "  home = " + toml_str(["HTML", "RSS"] + data_formats),
         "  page = " + toml_str(["HTML"] + data_formats),
         '  section = ["HTML"]',
         '  taxonomy = ["HTML"]',
         '  term = ["HTML"]',
         "",
         "[params]",
         f"  description = {toml_str(site.get('description') or '')}",
         f"  fictional = {'true' if any(str(c.get('fictional')) == 'true' for c in cities) else 'false'}",
         f"  domain = {toml_str(domain)}",
         f"  pageSize = {page_size}",
         f"  standings = {'true' if standings else 'false'}",
         f"  columns = {toml_str(COLUMNS)}",
         "[params.kinds]"]
    L += [f"  {k} = {toml_str(v)}" for k, v in KIND_NAMES.items()]
    L.append("[params.status]")
    L += [f"  {k} = {toml_str(v)}" for k, v in STATUS_NAMES.items()]
    for c in cities:
        L.append(f"[params.cities.{c['id']}]")
        L.append(f"  name = {toml_str(c['name'])}")
        L.append(f"  fictional = {'true' if str(c.get('fictional')) == 'true' else 'false'}")
    for t in topics:
        L.append(f"[params.topics.{t['id']}]")
        L.append(f"  name = {toml_str(t['name'])}")
    return "\n".join(L) + "\n"


BASEOF = """<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
{{ partial "head.html" . }}
</head>
<body>
{{ partialCached "header.html" . }}
{{ partial "breadcrumbs.html" . }}
<main id="main">
{{ if site.Params.fictional }}<p class="notice">虚构示例：本页的城市和数字为演示而编造，并非真实数据。</p>{{ end }}
{{ block "main" . }}{{ end }}
</main>
{{ partial "footer.html" . }}
</body>
</html>
"""

HEAD = """<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} - {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ with .Params.summary }}{{ . }}{{ else }}{{ .Title }}{{ end }}{{ end }}">
<meta name="SiteName" content="{{ site.Title }}">
<meta name="SiteDomain" content="{{ site.Params.domain }}">
<meta name="ColumnName" content="{{ if .IsPage }}{{ .CurrentSection.Title }}{{ else }}{{ .Title }}{{ end }}">
{{- if .IsPage }}
<meta name="ColumnType" content="{{ index site.Params.kinds .Params.kind }}">
<meta name="ArticleTitle" content="{{ .Title }}">
<meta name="PubDate" content="{{ .Date.Format "2006-01-02" }}">
<meta name="Keywords" content="{{ range $i, $t := .GetTerms "topics" }}{{ if $i }},{{ end }}{{ $t.LinkTitle }}{{ end }}">
{{- end }}
<meta name="Url" content="{{ .Permalink }}">
<meta property="og:type" content="{{ if .IsPage }}article{{ else }}website{{ end }}">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:url" content="{{ .Permalink }}">
<meta property="og:site_name" content="{{ site.Title }}">
<meta property="og:locale" content="zh_CN">
<link rel="canonical" href="{{ .Permalink }}">
{{ with site.Home.OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" title="{{ site.Title }}" href="{{ .RelPermalink }}">{{ end }}
{{- if not .IsHome }}{{ with .OutputFormats.Get "rss" }}
<link rel="alternate" type="application/rss+xml" title="{{ $.Title }}" href="{{ .RelPermalink }}">{{ end }}{{ end }}
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
<link rel="icon" href="data:,">
"""

HEADER = """<a class="skip" href="#main">跳到正文</a>
<header class="site-header">
<p class="site-title"><a href="{{ "/" | relURL }}">{{ site.Title }}</a></p>
<nav aria-label="主导航">
<ul>
<li><a href="{{ "/reports/" | relURL }}">全部报告</a></li>
<li><a href="{{ "/cities/" | relURL }}">城市与区县</a></li>
<li><a href="{{ "/years/" | relURL }}">按年度</a></li>
<li><a href="{{ "/topics/" | relURL }}">按领域</a></li>
<li><a href="{{ "/metrics/" | relURL }}">指标</a></li>
</ul>
</nav>
<div class="tools">
<fieldset class="reading">
<legend>字号</legend>
<input type="radio" name="text-size" id="size-small" value="small"><label for="size-small">小</label>
<input type="radio" name="text-size" id="size-medium" value="medium" checked><label for="size-medium">中</label>
<input type="radio" name="text-size" id="size-large" value="large"><label for="size-large">大</label>
<input type="checkbox" id="elder" value="elder"><label for="elder">长者模式</label>
</fieldset>
<script>
/* Optional: remembers the text size and elder mode across pages. */
(function () {
  try {
    var saved = JSON.parse(localStorage.getItem("reading") || "{}");
    if (saved.size) { var r = document.getElementById("size-" + saved.size); if (r) r.checked = true; }
    if (saved.elder) document.getElementById("elder").checked = true;
    document.querySelector(".reading").addEventListener("change", function () {
      var size = document.querySelector("input[name=text-size]:checked");
      localStorage.setItem("reading", JSON.stringify({
        size: size ? size.value : "medium",
        elder: document.getElementById("elder").checked
      }));
    });
  } catch (e) {}
})();
</script>
</div>
</header>
"""

BREADCRUMBS = """<nav class="breadcrumbs" aria-label="位置">
<ol>
<li><a href="{{ "/" | relURL }}">{{ site.Title }}</a></li>
{{- if not .IsHome }}{{ with .Parent }}{{ if not .IsHome }}
<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}{{ end }}
<li><a href="{{ .RelPermalink }}" aria-current="page">{{ .LinkTitle }}</a></li>{{ end }}
</ol>
</nav>
"""

FOOTER = """<footer class="site-footer">
<div class="print-address">
<p>页面地址<br><span class="address">{{ .Permalink }}</span></p>
</div>
{{ partialCached "footer-links.html" . }}
</footer>
"""

FOOTER_LINKS = """<p class="follow">{{ with site.Home.OutputFormats.Get "rss" }}<a href="{{ .RelPermalink }}" type="application/rss+xml">订阅全站更新（RSS）</a>{{ end }}{{ with site.Home.OutputFormats.Get "csv" }} · <a href="{{ .RelPermalink }}">下载全部数据（CSV）</a>{{ end }}</p>
<p>本站由 Hugo 生成。数据来自各报告注明的来源。</p>
"""

# status of one figure: renewal's five classes; share of target; bar width
STATUS = """{{- $m := .m -}}
{{- $st := "no-target" }}{{ $share := "" }}{{ $w := "0" -}}
{{- if not (isset $m "actual") }}{{ $st = "no-data" -}}
{{- else if gt (float ($m.target | default 0)) 0.0 -}}
  {{- $r := div (float $m.actual) (float $m.target) -}}
  {{- $share = printf "%.1f%%" (mul $r 100) -}}
  {{- $w = printf "%.0f" (cond (gt $r 1.0) 100.0 (mul $r 100)) -}}
  {{- if ge $r 1.0 }}{{ $st = "done" -}}
  {{- else -}}
    {{- /* on track: share >= the share of the metric's year passed by the report's date, */ -}}
    {{- /* 1 January to 31 December, both days counted (renewal's rule) */ -}}
    {{- $d := .p.Date -}}
    {{- $elapsed := 1.0 -}}
    {{- $y := int .p.Params.year -}}
    {{- if eq $d.Year $y }}{{ $elapsed = div (float $d.YearDay) (cond (eq (mod $y 4) 0) 366.0 365.0) }}{{ else if lt $d.Year $y }}{{ $elapsed = 0.0 }}{{ end -}}
    {{- $st = cond (ge $r $elapsed) "on-track" "behind" -}}
  {{- end -}}
{{- end -}}
{{- return (dict "status" $st "share" $share "width" $w) -}}
"""

METRIC_ROW = """{{- $m := .m }}{{ $p := .p }}{{ $st := partialCached "status.html" . .p.RelPermalink .m.id .m.district_id }}{{ $date := $p.Date.Format "2006-01-02" -}}
<tr class="pace-{{ $st.status }}">
<th scope="row"><a href="{{ printf "/metrics/%s/" $m.id | relURL }}">{{ $m.label }}</a></th>
<td data-label="地区">{{ with $m.district_id }}<a href="{{ printf "/districts/%s/" . | relURL }}">{{ $m.district }}</a>{{ end }}</td>
<td class="num" data-label="目标">{{ $m.target }}</td>
<td class="num" data-label="完成">{{ $m.actual }}</td>
<td data-label="单位">{{ $m.unit }}</td>
<td class="progress" data-label="进度">{{ with $st.share }}BAR{{ . }} {{ end }}<span class="status">{{ index site.Params.status $st.status }}</span></td>
<td class="date" data-label="截至"><time datetime="{{ $date }}">{{ $date }}</time></td>
</tr>
"""
SVG_BAR = ('<svg class="bar" width="100" height="10" viewBox="0 0 100 10" aria-hidden="true">'
           '<rect width="100" height="10" fill="#e6eef7"/><rect width="{{ $st.width }}" height="10" fill="#1f5fa8"/>'
           '</svg> ')

METRICS_TABLE_HEAD = """<div class="table-wrap" role="region" aria-label="指标" tabindex="0">
<table class="metrics cards">
<thead>
<tr><th scope="col">指标</th><th scope="col">地区</th><th scope="col" class="num">目标</th><th scope="col" class="num">完成</th><th scope="col">单位</th><th scope="col">进度</th><th scope="col">截至</th></tr>
</thead>
<tbody>"""
METRICS_TABLE_FOOT = """</tbody>
</table>
</div>"""

# in: dict "pages" (reports), optional "id" (one metric); out: the latest figures
# per (metric, district), sorted by metric id then district name.  Of two reports
# of the same date the later file wins, as in renewal.
STANDINGS = """{{- $s := newScratch }}{{ $id := .id -}}
{{- range (sort .pages "File.Path").ByDate }}{{ $p := . -}}
{{- $figs := .Params.figures }}{{ with $id }}{{ $figs = where $figs "id" . }}{{ end -}}
{{- range $figs }}{{ $s.SetInMap "rows" (print .id "/" .district) (dict "p" $p "m" .) }}{{ end -}}
{{- end -}}
{{- return ($s.GetSortedMapValues "rows") -}}
"""

# in: standings rows (sorted by metric id); the counts by status, as renewal's tally
TALLY = """{{- $done := 0 }}{{ $on := 0 }}{{ $behind := 0 }}{{ $nodata := 0 }}{{ $notarget := 0 }}{{ $ids := 0 }}{{ $last := "" -}}
{{- range . -}}
  {{- if ne .m.id $last }}{{ $ids = add $ids 1 }}{{ $last = .m.id }}{{ end -}}
  {{- $st := (partialCached "status.html" . .p.RelPermalink .m.id .m.district_id).status -}}
  {{- if eq $st "done" }}{{ $done = add $done 1 }}{{ else if eq $st "on-track" }}{{ $on = add $on 1 }}{{ else if eq $st "behind" }}{{ $behind = add $behind 1 }}{{ else if eq $st "no-data" }}{{ $nodata = add $nodata 1 }}{{ else }}{{ $notarget = add $notarget 1 }}{{ end -}}
{{- end -}}
<p class="tally-counts">指标数：{{ $ids }}，按地区计：{{ len . }}</p>
<dl class="tally">
<div class="pace-done"><dt>{{ site.Params.status.done }}</dt><dd>{{ $done }}</dd></div>
<div class="pace-on-track"><dt>{{ index site.Params.status "on-track" }}</dt><dd>{{ $on }}</dd></div>
<div class="pace-behind"><dt>{{ site.Params.status.behind }}</dt><dd>{{ $behind }}</dd></div>
<div class="pace-no-data"><dt>{{ index site.Params.status "no-data" }}</dt><dd>{{ $nodata }}</dd></div>
<div class="pace-no-target"><dt>{{ index site.Params.status "no-target" }}</dt><dd>{{ $notarget }}</dd></div>
</dl>
"""

PAGER = """{{- $pag := . -}}
{{- if gt $pag.TotalPages 1 -}}
{{- $cur := $pag.PageNumber }}{{ $tot := $pag.TotalPages }}{{ $pagers := $pag.Pagers -}}
{{- $lo := cond (gt $cur 3) (sub $cur 2) 1 }}{{ $hi := cond (lt (add $cur 2) $tot) (add $cur 2) $tot }}
<nav class="pager" aria-label="分页">
<p class="meta">第{{ $cur }}页，共{{ $tot }}页</p>
<ul>
{{ with $pag.Prev }}<li><a href="{{ .URL }}" rel="prev">上一页</a></li>
{{ end -}}
{{ if gt $lo 1 }}<li><a href="{{ $pag.First.URL }}">1</a></li>
{{ if gt $lo 2 }}<li aria-hidden="true">…</li>
{{ end }}{{ end -}}
{{ range seq $lo $hi }}{{ $pg := index $pagers (sub . 1) }}<li><a href="{{ $pg.URL }}"{{ if eq . $cur }} aria-current="page"{{ end }}>{{ . }}</a></li>
{{ end -}}
{{ if lt $hi $tot }}{{ if lt $hi (sub $tot 1) }}<li aria-hidden="true">…</li>
{{ end }}<li><a href="{{ $pag.Last.URL }}">{{ $tot }}</a></li>
{{ end -}}
{{ with $pag.Next }}<li><a href="{{ .URL }}" rel="next">下一页</a></li>
{{ end -}}
</ul>
</nav>
{{ end -}}
"""

REPORT_ITEM = """<li>
<a href="{{ .RelPermalink }}">{{ .Title }}</a>
<span class="meta">{{ index site.Params.kinds .Params.kind }} · {{ (index site.Params.cities .Params.city).name }} {{ .Params.district }} · <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time></span>
</li>
"""

DOWNLOADS = """<p class="downloads">下载本页数据：{{ with .OutputFormats.Get "csv" }}<a href="{{ .RelPermalink }}" type="text/csv">CSV</a>{{ end }}{{ with .OutputFormats.Get "json" }} · <a href="{{ .RelPermalink }}" type="application/json">JSON</a>{{ end }}</p>
"""

SINGLE = """{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<dl class="facts">
<div><dt>类型</dt><dd>{{ index site.Params.kinds .Params.kind }}</dd></div>
<div><dt>地区</dt><dd><a href="{{ printf "/districts/%s/" (index .Params.districts 0) | relURL }}">{{ .Params.district }}</a></dd></div>
<div><dt>年度</dt><dd><a href="{{ printf "/years/%v/" .Params.year | relURL }}">{{ .Params.year }}</a></dd></div>
<div><dt>发布日期</dt><dd><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time></dd></div>
{{ with .GetTerms "topics" }}<div><dt>领域</dt><dd>{{ range $i, $t := . }}{{ if $i }}、{{ end }}<a href="{{ $t.RelPermalink }}">{{ $t.LinkTitle }}</a>{{ end }}</dd></div>{{ end }}
</dl>
<section class="body">
{{ .Content }}
</section>
{{ with .Params.figures }}
<section aria-labelledby="metrics-heading">
<h2 id="metrics-heading">本报告的指标</h2>
""" + METRICS_TABLE_HEAD + """
{{ range . }}{{ partial "metric-row.html" (dict "p" $ "m" .) }}{{ end -}}
""" + METRICS_TABLE_FOOT + """
{{ partial "downloads.html" $ }}
</section>
{{ end }}
</article>
{{ end }}
"""

CSV_HEAD = '{{ "\\ufeff" }}{{ delimit site.Params.columns "," }}{{ "\\r\\n" }}'
JSON_HEAD = ('{"$schema":{{ jsonify ("data/schema.json" | absURL) }},\n'
             '"columns":{{ jsonify site.Params.columns }},\n"rows":[\n')

ROW_CSV = """{{- $m := .m }}{{ $p := .p }}{{ $st := partialCached "status.html" . .p.RelPermalink .m.id .m.district_id }}{{ $c := index site.Params.cities $p.Params.city }}{{ $d := $p.Date.Format "2006-01-02" -}}
{{ $m.id }},"{{ replace $m.label `"` `""` }}","{{ replace $m.unit `"` `""` }}",{{ with $m.topic }}{{ . }},"{{ (index site.Params.topics .).name }}"{{ else }},{{ end }},{{ $p.Params.city }},"{{ $c.name }}",{{ $c.fictional }},{{ $m.district_id }},"{{ $m.district }}",{{ $p.Params.year }},{{ $m.target }},{{ $m.actual }},{{ with $m.as_of }}{{ . }}{{ else }}{{ $d }}{{ end }},{{ with $m.baseline }}{{ . }}{{ end }},{{ with $m.deadline }}{{ . }}{{ end }},{{ $st.status }},{{ with $m.note }}"{{ replace . `"` `""` }}"{{ end }},"{{ replace $p.Title `"` `""` }}",{{ $p.Permalink }},{{ with $p.Params.source }}{{ with .publisher }}"{{ replace . `"` `""` }}"{{ end }}{{ end }},{{ $d }}{{ "\\r\\n" }}
{{- /**/ -}}"""

ROW_JSON = """{{- $m := .m }}{{ $p := .p }}{{ $st := partialCached "status.html" . .p.RelPermalink .m.id .m.district_id }}{{ $c := index site.Params.cities $p.Params.city }}{{ $d := $p.Date.Format "2006-01-02" -}}
{{- $topic := $m.topic }}{{ with $m.topic }}{{ $topic = (index site.Params.topics .).name }}{{ end -}}
{{- $pub := $p.Params.source }}{{ with $p.Params.source }}{{ $pub = .publisher }}{{ end -}}
{{- jsonify (slice $m.id $m.label $m.unit $m.topic $topic $p.Params.city $c.name $c.fictional $m.district_id $m.district $p.Params.year $m.target $m.actual (or $m.as_of $d) $m.baseline $m.deadline $st.status $m.note $p.Title $p.Permalink $pub $d) -}}
"""

SINGLE_CSV = CSV_HEAD + """{{ range .Params.figures }}{{ partialCached "row.csv" (dict "p" $ "m" .) $.RelPermalink .id .district_id }}{{ end }}"""
SINGLE_JSON = JSON_HEAD + """{{ range $i, $m := .Params.figures }}{{ if $i }},
{{ end }}{{ partialCached "row.json" (dict "p" $ "m" $m) $.RelPermalink $m.id $m.district_id }}{{ end }}
]}
"""

# the metric's series, oldest first
TERM_METRIC_CSV = CSV_HEAD + """{{ $id := .Data.Term }}{{ range .Pages.ByDate }}{{ $p := . }}{{ range where .Params.figures "id" $id }}{{ partialCached "row.csv" (dict "p" $p "m" .) $p.RelPermalink .id .district_id }}{{ end }}{{ end }}"""
TERM_METRIC_JSON = JSON_HEAD + """{{ $id := .Data.Term }}{{ $first := true }}{{ range .Pages.ByDate }}{{ $p := . }}{{ range where .Params.figures "id" $id }}{{ if not $first }},
{{ end }}{{ $first = false }}{{ partialCached "row.json" (dict "p" $p "m" .) $p.RelPermalink .id .district_id }}{{ end }}{{ end }}
]}
"""

# every figure of the site
HOME_CSV = CSV_HEAD + """{{ range site.RegularPages }}{{ $p := . }}{{ range .Params.figures }}{{ partialCached "row.csv" (dict "p" $p "m" .) $p.RelPermalink .id .district_id }}{{ end }}{{ end }}"""
HOME_JSON = JSON_HEAD + """{{ $first := true }}{{ range site.RegularPages }}{{ $p := . }}{{ range .Params.figures }}{{ if not $first }},
{{ end }}{{ $first = false }}{{ partialCached "row.json" (dict "p" $p "m" .) $p.RelPermalink .id .district_id }}{{ end }}{{ end }}
]}
"""

HOME = """{{ define "main" }}
<h1>{{ site.Title }}</h1>
<p class="lead">{{ site.Params.description }}</p>
<section aria-labelledby="tally-heading">
<h2 id="tally-heading">指标概况</h2>
<p>报告数：{{ len site.RegularPages }}</p>
{{ if site.Params.standings }}{{ partial "tally.html" (partial "standings.html" (dict "pages" site.RegularPages)) }}{{ end }}
</section>
<section aria-labelledby="headline-heading">
<h2 id="headline-heading">最新进展</h2>
{{ $rows := slice }}{{ range first 12 site.RegularPages }}{{ $p := . }}{{ range .Params.figures }}{{ $rows = $rows | append (dict "p" $p "m" .) }}{{ end }}{{ end -}}
""" + METRICS_TABLE_HEAD + """
{{ range first 12 $rows }}{{ partial "metric-row.html" . }}{{ end -}}
""" + METRICS_TABLE_FOOT + """
</section>
<section aria-labelledby="latest-heading">
<h2 id="latest-heading">最新报告</h2>
<ul class="report-list">
{{ range first 10 site.RegularPages }}{{ partialCached "report-item.html" . .RelPermalink }}{{ end -}}
</ul>
<p><a href="{{ "/reports/" | relURL }}">全部报告</a></p>
</section>
<section aria-labelledby="cities-heading">
<h2 id="cities-heading">城市与区县</h2>
<ul>
{{ range site.Taxonomies.cities }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a>：{{ .Count }} 份报告，{{ len site.Taxonomies.districts }} 个区县</li>
{{ end -}}
</ul>
</section>
{{ end }}
"""

SECTION = """{{ define "main" }}
{{ $pag := .Paginate .Pages }}
<h1>{{ .Title }}{{ if gt $pag.PageNumber 1 }}（第{{ $pag.PageNumber }}页，共{{ $pag.TotalPages }}页）{{ end }}</h1>
<ul class="report-list">
{{ range $pag.Pages }}{{ partialCached "report-item.html" . .RelPermalink }}{{ end -}}
</ul>
{{ partial "pager.html" $pag }}
{{ end }}
"""

TERMS = """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="terms">
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>
{{ end -}}
</ul>
{{ end }}
"""

# city, district, year and topic terms
TERM = """{{ define "main" }}
{{ $pag := .Paginate .Pages }}
{{ $first := eq $pag.PageNumber 1 }}
{{ $standings := and $first (ne .Data.Plural "topics") site.Params.standings }}
<h1>{{ .Title }}{{ if eq .Data.Plural "districts" }} <span class="context">{{ (index site.Params.cities .Params.city).name }}</span>{{ end }}{{ if not $first }}（第{{ $pag.PageNumber }}页，共{{ $pag.TotalPages }}页）{{ end }}</h1>
{{ $rows := slice }}
{{ if $standings }}{{ $rows = partial "standings.html" (dict "pages" .Pages) }}{{ partial "tally.html" $rows }}{{ end }}
{{ if and $first (eq .Data.Plural "cities") }}
<h2>区县</h2>
<ul>
{{ range site.Taxonomies.districts.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end -}}
</ul>
{{ end }}
<h2>全部报告</h2>
<ul class="report-list">
{{ range $pag.Pages }}{{ partialCached "report-item.html" . .RelPermalink }}{{ end -}}
</ul>
{{ partial "pager.html" $pag }}
{{ if $standings }}
<h2>指标</h2>
""" + METRICS_TABLE_HEAD + """
{{ range first site.Params.pageSize $rows }}{{ partial "metric-row.html" . }}{{ end -}}
""" + METRICS_TABLE_FOOT + """
{{ if gt (len $rows) site.Params.pageSize }}<p class="note">共 {{ len $rows }} 行，此处显示前 {{ site.Params.pageSize }} 行；全部数据见下载。</p>{{ end }}
{{ with site.Home.OutputFormats.Get "csv" }}<p class="downloads">下载全部数据：<a href="{{ .RelPermalink }}" type="text/csv">CSV</a>{{ with site.Home.OutputFormats.Get "json" }} · <a href="{{ .RelPermalink }}" type="application/json">JSON</a>{{ end }}</p>{{ end }}
{{ end }}
{{ end }}
"""

TERM_METRIC = """{{ define "main" }}
{{ $id := .Data.Term }}
{{ $pag := .Paginate .Pages.ByDate }}
{{ if eq $pag.PageNumber 1 }}
<h1>{{ .Title }}</h1>
<dl class="facts">
<div><dt>指标编号</dt><dd><code>{{ $id }}</code></dd></div>
<div><dt>地区</dt><dd>{{ with site.GetPage (printf "/cities/%s" .Params.city) }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</dd></div>
<div><dt>年度</dt><dd>{{ .Params.year }}</dd></div>
<div><dt>单位</dt><dd>{{ .Params.unit }}</dd></div>
</dl>
{{ if site.Params.standings }}
<h2>进度</h2>
""" + METRICS_TABLE_HEAD + """
{{ range partial "standings.html" (dict "pages" .Pages "id" $id) }}{{ partial "metric-row.html" . }}{{ end -}}
""" + METRICS_TABLE_FOOT + """
{{ end }}
{{ partial "downloads.html" . }}
<h2>历次数据</h2>
{{ else }}
<h1>{{ .Title }}：历次数据（第{{ $pag.PageNumber }}页，共{{ $pag.TotalPages }}页）</h1>
<p><a href="{{ .RelPermalink }}">返回：{{ .Title }}</a></p>
{{ end }}
<div class="table-wrap">
<table class="cards">
<thead><tr><th scope="col">日期</th><th scope="col">地区</th><th scope="col" class="num">目标（{{ .Params.unit }}）</th><th scope="col" class="num">完成（{{ .Params.unit }}）</th><th scope="col">报告</th></tr></thead>
<tbody>
{{ range $pag.Pages }}{{ $p := . }}{{ $d := .Date.Format "2006-01-02" }}{{ range where .Params.figures "id" $id -}}
<tr><th scope="row" class="date"><time datetime="{{ $d }}">{{ $d }}</time></th><td data-label="地区">{{ .district }}</td><td class="num" data-label="目标">{{ .target }}</td><td class="num" data-label="完成">{{ .actual }}</td><td data-label="报告"><a href="{{ $p.RelPermalink }}">{{ $p.Title }}</a></td></tr>
{{ end }}{{ end -}}
</tbody>
</table>
</div>
{{ partial "pager.html" $pag }}
{{ end }}
"""

NOT_FOUND = """{{ define "main" }}
<h1>404 页面不存在 Not found</h1>
<p><a href="{{ "/" | relURL }}">返回首页</a></p>
{{ end }}
"""

ROBOTS = """User-agent: *
Allow: /

Sitemap: {{ "sitemap.xml" | absURL }}
"""

STYLE = """/* a small stylesheet; the site reads without it */
:root { font-size: 100%; }
body { margin: 0 auto; max-width: 60rem; padding: 0 1rem; font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; line-height: 1.7; color: #1a1a1a; }
a { color: #0b4f9c; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; }
.site-header nav ul, .pager ul, .breadcrumbs ol { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
.notice { background: #fff4d6; padding: .5rem 1rem; }
.facts div { display: flex; gap: 1rem; }
.facts dt { font-weight: bold; min-width: 5em; }
.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ccd; padding: .25rem .5rem; text-align: left; vertical-align: top; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.bar { vertical-align: middle; }
.pace-done .status { color: #1b6e3a; }
.pace-behind .status { color: #a8431f; }
.tally { display: flex; flex-wrap: wrap; gap: 1rem; }
.tally div { border: 1px solid #ccd; padding: .25rem .75rem; }
.tally dd { margin: 0; font-size: 1.5rem; }
.report-list .meta, .pager .meta { color: #555; display: block; }
.print-address { display: none; }
body:has(#size-small:checked) { font-size: 90%; }
body:has(#size-large:checked) { font-size: 120%; }
body:has(#elder:checked) { font-size: 125%; line-height: 1.8; }
@media (max-width: 48rem) {
  table.cards thead { display: none; }
  table.cards tr { display: block; border-bottom: 2px solid #ccd; }
  table.cards td, table.cards th { display: block; border: 0; }
  table.cards td[data-label]::before { content: attr(data-label) "："; font-weight: bold; }
}
@media print {
  .site-header nav, .tools, .pager { display: none; }
  .print-address { display: block; }
}
"""


def schema_json():
    props = {c: {"type": ["string", "null"]} for c in COLUMNS}
    props["year"] = {"type": "integer"}
    props["fictional"] = {"type": "boolean"}
    for c in ("target", "actual", "baseline"):
        props[c] = {"type": ["number", "null"]}
    return json.dumps({"$schema": "https://json-schema.org/draft/2020-12/schema",
                       "title": "open data: one row per figure",
                       "type": "object",
                       "properties": {"columns": {"type": "array", "items": {"enum": COLUMNS}},
                                      "rows": {"type": "array", "items": {"type": "array"}}},
                       "x-columns": props}, ensure_ascii=False, indent=1) + "\n"


def layouts(bars):
    row = METRIC_ROW.replace("BAR", SVG_BAR if bars else "")
    return {
        "layouts/_default/baseof.html": BASEOF,
        "layouts/partials/head.html": HEAD,
        "layouts/partials/header.html": HEADER,
        "layouts/partials/breadcrumbs.html": BREADCRUMBS,
        "layouts/partials/footer.html": FOOTER,
        "layouts/partials/footer-links.html": FOOTER_LINKS,
        "layouts/partials/status.html": STATUS,
        "layouts/partials/metric-row.html": row,
        "layouts/partials/standings.html": STANDINGS,
        "layouts/partials/tally.html": TALLY,
        "layouts/partials/pager.html": PAGER,
        "layouts/partials/report-item.html": REPORT_ITEM,
        "layouts/partials/downloads.html": DOWNLOADS,
        "layouts/partials/row.csv": ROW_CSV,
        "layouts/partials/row.json": ROW_JSON,
        "layouts/_default/single.html": SINGLE,
        "layouts/_default/single.csv": SINGLE_CSV,
        "layouts/_default/single.json": SINGLE_JSON,
        "layouts/_default/list.html": SECTION,
        "layouts/_default/terms.html": TERMS,
        "layouts/_default/term.html": TERM,
        "layouts/metrics/term.html": TERM_METRIC,
        "layouts/metrics/term.csv": TERM_METRIC_CSV,
        "layouts/metrics/term.json": TERM_METRIC_JSON,
        "layouts/index.html": HOME,
        "layouts/index.csv": HOME_CSV,
        "layouts/index.json": HOME_JSON,
        "layouts/404.html": NOT_FOUND,
        "layouts/robots.txt": ROBOTS,
        "static/style.css": STYLE,
        "static/data/schema.json": schema_json(),
    }


# --------------------------------------------------------------------------
# content
# --------------------------------------------------------------------------


def flat_figures(fm, city, districts):
    """The figures of a report's metrics, one a place: each entry's own (for its
    `district`, or the report's, or the city as a whole) when it gives a target or
    an actual, and one for each item of its `districts` list."""
    out = []
    own = fm.get("district")
    for m in fm.get("metrics") or []:
        base = {k: v for k, v in m.items() if k not in ("districts", "district")}
        whole = m.get("target") is not None or m.get("actual") is not None
        place = m.get("district") or (own if not m.get("districts") else None)
        if whole or not m.get("districts"):
            fig = dict(base)
            fig["district"] = place or ""
            fig["district_id"] = districts.get((city, place), "") if place else ""
            out.append(fig)
        for d in m.get("districts") or []:
            fig = {k: v for k, v in base.items() if k not in ("target", "actual")}
            for k in ("target", "actual", "as_of", "note"):
                if d.get(k) is not None:
                    fig[k] = d[k]
            fig["district"] = d["district"]
            fig["district_id"] = districts.get((city, d["district"]), "")
            out.append(fig)
    return out


def without_block(text, key):
    """`text` (YAML) without the top-level `key:` and the lines indented below it."""
    out, skipping = [], False
    for line in text.splitlines(keepends=True):
        if line.startswith(key + ":"):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "\t")) or not line.strip()):
            continue
        skipping = False
        out.append(line)
    return "".join(out)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def index_md(title, **extra):
    L = ["---", f"title: {q(title)}"]
    for k, v in extra.items():
        if isinstance(v, list):
            L.append(f"{k}: [{', '.join(v)}]")
        else:
            L.append(f"{k}: {v}")
    L.append("---")
    return "\n".join(L) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("renewal_dir")
    ap.add_argument("outdir")
    ap.add_argument("--no-bars", action="store_true", help="leave out the inline SVG bar per metric row")
    ap.add_argument("--no-data", action="store_true",
                    help="cost breakdown only: no data.csv / data.json outputs")
    ap.add_argument("--no-standings", action="store_true",
                    help="cost breakdown only: no standings tables and tallies")
    a = ap.parse_args()

    with open(os.path.join(a.renewal_dir, "site.yaml"), encoding="utf-8") as f:
        site = read_yaml(f.read())
    page_size = int(site.get("page_size") or 50)
    cities = {}     # id or name -> id
    districts = {}  # (city id, id or name) -> district id
    for c in site.get("cities") or []:
        cities[c["id"]] = cities[c["name"]] = c["id"]
        for d in c.get("districts") or []:
            for n in [d["id"], d["name"]] + list(d.get("other_names") or []):
                districts[(c["id"], n)] = d["id"]

    out = a.outdir
    shutil.rmtree(out, ignore_errors=True)
    write(f"{out}/config.toml", config_toml(site, page_size, not a.no_data, not a.no_standings))
    for path, text in layouts(not a.no_bars).items():
        write(f"{out}/{path}", text)

    # reports
    src = os.path.join(a.renewal_dir, "content")
    files = []
    for d, _, fs in os.walk(src):
        files += [os.path.join(d, f) for f in fs if f.endswith(".md")]
    files.sort()
    metrics = {}   # id -> (label, unit, year, city)
    years = set()
    n = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        fm_text, body = split_front(text)
        fm = read_yaml(fm_text)
        city = cities[fm["city"]]
        tax = [f"cities: [{city}]"]
        figures = flat_figures(fm, city, districts)
        places = []
        if fm.get("district"):
            places.append(districts[(city, fm["district"])])
        places += [f["district_id"] for f in figures if f["district_id"]]
        places = list(dict.fromkeys(places))
        if places:
            tax.append(f"districts: [{', '.join(places)}]")
        tax.append(f"years: [{fm['year']}]")
        years.add(str(fm["year"]))
        ids = []
        for m in fm.get("metrics") or []:
            ids.append(m["id"])
            if m["id"] not in metrics and m.get("label"):
                metrics[m["id"]] = (m["label"], m.get("unit") or "", str(m.get("year") or fm["year"]), city)
        if ids:
            tax.append(f"metrics: [{', '.join(ids)}]")
        # renewal's front matter, its `metrics:` block given as the figures
        # one a place (the taxonomy takes the name `metrics`)
        hugo_fm = without_block(fm_text, "metrics") + "figures: " + q(figures) + "\n"
        rel = os.path.relpath(path, src)
        if not rel.startswith("reports" + os.sep):
            rel = os.path.join("reports", os.path.basename(rel))
        write(os.path.join(out, "content", rel), "---\n" + hugo_fm + "\n".join(tax) + "\n---\n" + body)
        n += 1

    # home, section, taxonomy lists and terms (names from site.yaml)
    write(f"{out}/content/_index.md", index_md(site["title"]))
    write(f"{out}/content/reports/_index.md", index_md("全部报告"))
    write(f"{out}/content/cities/_index.md", index_md("城市与区县"))
    write(f"{out}/content/districts/_index.md", index_md("区县"))
    write(f"{out}/content/years/_index.md", index_md("按年度"))
    write(f"{out}/content/topics/_index.md", index_md("按领域"))
    write(f"{out}/content/metrics/_index.md", index_md("指标"))
    for c in site.get("cities") or []:
        write(f"{out}/content/cities/{c['id']}/_index.md",
              index_md(c["name"], outputs=["HTML", "RSS"]))
        for d in c.get("districts") or []:
            write(f"{out}/content/districts/{d['id']}/_index.md",
                  index_md(d["name"], city=c["id"], outputs=["HTML", "RSS"]))
    for y in sorted(years):
        write(f"{out}/content/years/{y}/_index.md", index_md(f"{y}年"))
    for t in site.get("topics") or []:
        write(f"{out}/content/topics/{t['id']}/_index.md", index_md(t["name"]))
    for mid, (label, unit, year, city) in sorted(metrics.items()):
        write(f"{out}/content/metrics/{mid}/_index.md",
              index_md(label, unit=q(unit), year=year, city=city,
                       outputs=["HTML"] if a.no_data else ["HTML", "JSON", "CSV"]))
    print(f"wrote Hugo site {out}: {n} reports, {len(metrics)} metrics, page size {page_size}, "
          f"bars {'off' if a.no_bars else 'on'}, data {'off' if a.no_data else 'on'}, "
          f"standings {'off' if a.no_standings else 'on'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
