# What renewal says to the person running it, in English.
# One message an entry: `id = text`, values in `{ $name }`. The same ids,
# with the same values, are in zh-Hans.ftl and zh-Hant.ftl (a test checks).
# The place a message is about (file:line:column:) is printed before it,
# the same in every language; it is not part of any message.

## The command line

error = error: { $message }
unknown-language = { $from }: `{ $value }` is not a language renewal speaks; use zh-Hans, zh-Hant or en
problems-found = error: { $errors } problem(s) in { $files } file(s); nothing was written
problems-found-warnings = error: { $errors } problem(s) in { $files } file(s) (and { $warnings } warning(s)); nothing was written
warnings-above = ; { $n } warning(s) above (--deny-warnings makes them errors)
output-unchanged = { $message }; the previous output is unchanged
progress-pages = { $bar } { $pos }/{ $len } pages, { $eta } left

## build and check

built-whole = built { $reports } reports, { $metrics } metrics, { $files } files ({ $size } MiB) into { $output } in { $ms } ms ({ $written } written, the rest unchanged){ $warnings }
built-changes = built { $reports } reports, { $metrics } metrics, { $files } files into { $output } in { $ms } ms ({ $changed } report { $changed ->
        [one] file
       *[other] files
    } changed: { $remade } files made again, { $written } written, the rest unchanged){ $warnings }
check-ok = ok: { $reports } reports, { $metrics } metrics, { $files } files ({ $size } MiB) would be written{ $warnings }

## serve

serving = serving { $output } at http://{ $address }{ $path } (press Ctrl-C to stop); rebuilding on every saved change
not-watching = warning: { $message }; pages will not rebuild on their own
changed-nothing = nothing new
changed-many = { $n } files
rebuilt = { $what } changed: rebuilt in { $ms } ms ({ $files } files made, { $written } written)
rebuild-problems = { $what } changed: { $n } problem(s); still serving the last good build
rebuild-unwritable = { $what } changed: { $message }; still serving the last good build

## new, init, archive

created-report = created { $path }
created-site = created a new site in { $dir }; build it with: renewal --root { $dir } build
archived = archived { $year } into { $dir }; build to publish it, and commit it with the sources

## verify and warc

no-snapshots = no snapshots in { $dir }
snapshot-withdrawn = published, but { $folder }/ holds no snapshot { $name }; build again to withdraw it
snapshot-changed = changed since the snapshot was taken
snapshot-missing = missing
snapshot-extra = not in the snapshot's manifest
snapshot-intact = every file as taken
snapshot-problems = { $n } problem(s) with the snapshots
warc-unreadable = { $folder } cannot be written as WARC
warc-none-there = { $folder }/ holds no snapshot { $name } (there are none)
warc-others = { $folder }/ holds no snapshot { $name } (there are { $names })
warc-folder = { $path } is a folder; give the WARC file's own name
warc-wrote = wrote { $path }

## --help

help-usage = Usage:
help-commands = Commands
help-options = Options
help-arguments = Arguments
help-help = Print help
help-version = Print version
help-about = Build a static website from urban-renewal plans and progress reports.
help-long-about =
    Build a static website from urban-renewal plans and progress reports.

    A site is a folder with site.yaml, content/ (one Markdown report per file, metrics in the YAML front matter) and optionally themes/ and templates/.

    Exit codes: 0 success; 1 the site has errors (each is printed as file:line:column: field: message, and nothing is written); 2 the command line is wrong (nothing is changed); 3 files could not be written or served, or renewal refuses to write where it was told to (the site's own folder or its sources, or a folder it did not write), and the previous output is left as it was.
help-root = The site folder (the one holding site.yaml) [default: .]
help-deny-warnings = Treat warnings (suspicious but publishable things, such as a report file that is not read) as errors: for CI
help-lang = The language renewal speaks to you in: zh-Hans, zh-Hant or en. Without it: RENEWAL_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else the site's own language, else English
help-build = Build the site into the output folder (replaced whole, only if the build succeeds)
help-output = Where to write the site [default: <root>/output]
help-check = Validate content, configuration and templates without writing anything
help-serve = Build the site, then serve the output folder over HTTP for preview
help-bind = Address to listen on [default: 127.0.0.1]
help-port = Port to listen on (0 picks a free port) [default: 8000]
help-archive = Freeze what the site says about YEAR into archive/YEAR/, never to change again
help-archive-year = The year whose reports and metrics the snapshot holds
help-revision = Keep another snapshot of a year that has one, beside it (archive/YEAR-r2/)
help-warc = Write a snapshot as a WARC/1.1 file (ISO 28500), for web-archive tools
help-warc-snapshot = The snapshot's name (its folder in archive/: 2025, 2025-r2)
help-warc-output = Where to write it [default: archive/<SNAPSHOT>.warc.gz]
help-verify = Check every snapshot against its manifest; name each changed, missing and extra file
help-verify-output = Also check the snapshots published in this output folder
help-new = Create something new from a starting file
help-new-report = Scaffold a report at content/<year>/<name>.md. What the options do not give is left empty (check fails until it is filled in); examples are comments, published only once filled in
help-report-name = The report's file name and address, e.g. qingdao-2025-plan
help-report-city = City id or name, as declared in site.yaml
help-report-district = District id or name within the city
help-report-kind = What the report is: plan, progress or review [default: plan]
help-report-year = The year the report is about
help-report-title = The report's title, as the source gives it
help-report-published = When the source was published (YYYY-MM-DD)
help-init = Create a new site (site.yaml and a first report) in DIR
help-init-dir = The folder to create the site in

## Writing the output, and what renewal refuses to do

write-temporary = cannot make a temporary file in { $dir }: { $error }
write-copy = cannot open a copy of { $path }
write-make = cannot make { $path }: { $error }
write-unmade = cannot read what { $path } is made from: { $error }
write-create = cannot create { $path }: { $error }
write-file = cannot write { $path }: { $error }
write-link = cannot link { $path }
write-swap = cannot move the new site into { $path }: { $error }
output-not-folder = { $path } exists and is not a folder
output-foreign = refusing to replace { $path }: it holds files renewal did not write (there is no { $marker } in it); choose an empty or new --output folder
refused-site-folder = refusing to write { $path }: it is the site's own folder; choose another --output
refused-config = refusing to write { $path }: it is the site's configuration, which renewal reads and never writes; choose an --output outside them
refused-source = refusing to write { $path }: it is in { $folder }/, among the site's sources, which renewal reads and never writes; choose an --output outside them
build-date-not-seconds = { $name } is { $value }: it must be a whole number of seconds since 1970-01-01 00:00 UTC (1767225600 is 2026-01-01), or unset to build as of today
build-date-not-text = { $name } is not text: it must be a whole number of seconds since 1970-01-01 00:00 UTC, or unset to build as of today
new-report-name = report name: { $message }
new-report-title = the title must be one line of text, without control characters
new-report-published = --published: { $message }
new-report-no-site = cannot read { $path }: { $error }; run this inside a site (or pass --root)
new-report-city = `{ $city }` is not a city in site.yaml; declared: { $known }
new-report-district = `{ $district }` is not a district of { $city } in site.yaml
new-report-exists = { $path } already exists; choose another name
init-exists = { $path } already exists; { $dir } is already a site
archive-exists = { $year } already has a snapshot in { $dir }; a snapshot is never replaced. To keep another beside it, run `renewal archive { $year } --revision`
archive-nothing = no report or metric is about { $year }: nothing to archive
snapshot-name = `{ $name }` is not a snapshot's name: a snapshot is named for its year, such as 2025, or its year and revision, such as 2025-r2 (the name of its folder in { $folder }/, without a slash)
serve-listen = cannot listen on { $address }: { $error }
serve-watch = cannot watch { $path }: { $error }
preview-panel = renewal: the last edit has problems; this page is the last good build.

## Why the system could not read or write a file (after the file's name)

io-not-found = no such file or folder
io-permission = permission denied (ask who runs the computer for the right to read or write there)
io-exists = it already exists
io-full = the disk is full (make room, then run renewal again)
io-read-only = the disk is read-only
io-not-folder = a part of the path is a file, not a folder
io-is-folder = it is a folder, not a file
io-address-in-use = the address is already in use (another preview may be running; try --port 0)
io-address-unavailable = the address is not one of this computer's

## The comments and examples that new report and init write (the example texts are refused by check until replaced)

scaffold-site-header = Site configuration for renewal: every field is explained in its guide (docs/guide.en.md, “Content model”).
scaffold-editions = also publish a traditional-script edition (/zh-hant/), converted by machine
scaffold-publisher = footer: who runs the site (主办单位)
scaffold-contact = footer: how readers reach you (联系方式)
scaffold-icp = footer: the ICP record number (ICP备案号)
scaffold-site-id-code = the government website identifier (政府网站标识码)
scaffold-fictional = an invented example city, marked 虚构示例 on every page; remove this line for a real city
scaffold-title = write the report's title, as the source gives it
scaffold-published = write the date the source was published, such as { $today }
scaffold-unfilled = The fields starting with “# ” are not filled in and are not published. Replace each with what the report says, then remove the “# ” at the start of its line; delete what you do not need.
scaffold-topics = topic ids from the topics of site.yaml, inside the brackets
scaffold-metrics = One metric for each task; optional fields such as actual take effect the same way, once their “# ” is removed.
scaffold-body = Write the body after the --- line below: sum up the report in your own words; figures go in metrics only.
scaffold-example-summary = One sentence on what the report says.
scaffold-example-publisher = Issuing body
scaffold-example-title = Original headline
scaffold-example-label = Example metric (replace with the real task, such as 改造老旧小区)

## The problems in a report's front matter
## Each ends with its code; `renewal explain CODE` says more (explain-CODE).

list-comma = {", "}
list-and = { $rest } and { $last }
required-missing = required field `{ $field }` is missing from this block [E0101]
required-missing-several = required fields { $fields } are missing [E0101]
front-matter-empty = the front matter is empty: a report gives at least { $fields } [E0102]
date-not-a-date = `{ $text }` is not a date; write it as YYYY-MM-DD (e.g. 2023-03-02), or YYYY-MM or YYYY when the source gives no day [E0103]
date-year-range = year { $year } is out of range (1900–2200) [E0104]
date-month = `{ $text }` has month { $month }; months run from 01 to 12 [E0105]
date-day = `{ $text }` is not a date: { $month } has { $days } days [E0106]
full-width-date = `{ $text }` is written with full-width digits or dashes; write it with ASCII characters: { $fixed } [E0107]
full-width-year = `{ $text }` is written with full-width digits; write it with ASCII digits: { $fixed } [E0107]
year-not-a-year = `{ $text }` is not a year; write the year as four digits, such as 2024 [E0108]
report-year-implausible = { $year } is not a plausible report year [E0109]
year-implausible = { $year } is not a plausible year [E0109]
kind-unknown = `{ $value }` is not a kind of report; write `plan` (targets), `progress` (figures during the year) or `review` (the year's outcome){ $meant } [E0110]
kind-meant-plan = {" "}(`plan` is the kind for a plan)
kind-meant-progress = {" "}(`progress` is the kind for an update)
kind-meant-review = {" "}(`review` is the kind for a year's outcome)
language-unknown = `{ $value }` is not a language renewal knows; write `zh-Hans` (simplified Chinese), `zh-Hant` (traditional Chinese) or `en` [E0111]
title-empty = the title is empty [E0112]
city-unknown = `{ $city }` is not a city declared in site.yaml; declared: { $known } [E0113]
district-unknown = `{ $district }` is not a district of { $city } in site.yaml; declared districts: { $known } [E0114]
district-none-declared = `{ $district }` is not a district of { $city }: site.yaml declares no districts for it [E0114]
source-url = `{ $url }` must be a full address starting with https:// or http:// [E0115]
label-empty = metric `{ $metric }` has an empty label; write what the metric counts, e.g. 改造老旧小区 [E0116]
unit-missing = metric `{ $metric }` has a label but no `unit`; a metric is introduced with both [E0117]
unit-empty = the unit is empty; write it as readers see it, e.g. 个, 公里, 万户, 亿元 or % [E0118]

## renewal explain

explain-unknown = `{ $code }` is not the code of any problem renewal reports; a problem's code ends its line, such as [E0108]
explain-wrong = Wrong:
explain-right = Right:
explain-E0101 =
    E0101: a required field is missing
    Every report gives five fields in its front matter: title, kind, city, year and published. The problem points at the first line of the front matter and names the fields it lacks.
explain-E0102 =
    E0102: the front matter is empty
    The block between the two --- lines holds nothing but blank lines or comments. A report gives at least its title, kind, city, year and the date it was published.
explain-E0103 =
    E0103: not a date
    Dates (published, deadline, as_of) are written as YYYY-MM-DD. When the source gives only the month or the year, write YYYY-MM or YYYY: renewal never makes up a day.
explain-E0104 =
    E0104: a date's year is out of range
    A date's year is between 1900 and 2200. A year outside that is almost always a typing slip (2205 for 2025).
explain-E0105 =
    E0105: a date's month is not a month
    Months run from 01 to 12, written with two digits.
explain-E0106 =
    E0106: the month has no such day
    The day is past the end of its month (February has 28 days, or 29 in a leap year; April, June, September and November have 30).
explain-E0107 =
    E0107: full-width digits or dashes
    Digits and dashes typed with a Chinese input method (２０２５－０３－０２) look right but are other characters. Write them half-width (2025-03-02); the message shows the value rewritten.
explain-E0108 =
    E0108: not a year
    A report's year is a number of four digits: the year its plan or figures are about.
explain-E0109 =
    E0109: not a plausible year
    The year is a number, but not one a report can be about (renewal takes 1900 to 2200). It is usually a slip of one digit.
explain-E0110 =
    E0110: not a kind of report
    `kind` says what the report is: `plan` (the year's targets), `progress` (figures during the year) or `review` (the year's outcome). It is written in English, whatever the site's language; the message suggests one when the value is its Chinese name.
explain-E0111 =
    E0111: not a language renewal knows
    `language` names the script a report is written in, when it differs from the site's: `zh-Hans` (simplified Chinese), `zh-Hant` (traditional Chinese) or `en`.
explain-E0112 =
    E0112: the title is empty
    A report's title is shown on its page, in lists and in feeds. Write it as the source gives it.
explain-E0113 =
    E0113: a city site.yaml does not declare
    `city` names a city of site.yaml's `cities`, by its id or its name. The message lists the cities declared. Add the city to site.yaml first if it is new.
explain-E0114 =
    E0114: a district site.yaml does not declare for the city
    `district` names a district of the report's city, by its id, its name or one of its other names in site.yaml. The message lists the districts declared.
explain-E0115 =
    E0115: the source's address is not a full address
    `source.url` is the address of the page the figures come from, as a browser shows it, starting with https:// or http://.
explain-E0116 =
    E0116: a metric's label is empty
    The report that introduces a metric gives its `label` (what it counts) and its `unit`. An empty label leaves the metric without a name on every page.
explain-E0117 =
    E0117: a metric has a label but no unit
    A metric is introduced with both its label and its unit; later reports give only its id and their figures.
explain-E0118 =
    E0118: the unit is empty
    Write the unit as readers see it next to a figure: 个, 公里, 万户, 亿元 or %.
help-explain = Explain a problem's code (the last part of its line, such as E0108), with a wrong and a right example; without a code, list every code
help-explain-code = The code, such as E0108

## How a problem reads after its place (file:line:column:)

diagnostic-warning = warning: { $rest }
diagnostic-field = field { $field }: { $rest }

## The names of fields, shown after a field's key when they say more (none do in English)

field-gloss = {" "}({ $name })
field-name-title = title
field-name-kind = kind
field-name-city = city
field-name-district = district
field-name-districts = districts
field-name-year = year
field-name-published = published
field-name-language = language
field-name-summary = summary
field-name-topics = topics
field-name-topic = topic
field-name-source = source
field-name-publisher = publisher
field-name-outlet = outlet
field-name-reporter = reporter
field-name-editor = editor
field-name-url = url
field-name-slug = slug
field-name-metrics = metrics
field-name-id = id
field-name-label = label
field-name-unit = unit
field-name-target = target
field-name-actual = actual
field-name-baseline = baseline
field-name-deadline = deadline
field-name-as-of = as_of
field-name-note = note
field-name-metrics-id = id
field-name-cities-id = id
field-name-districts-id = id
field-name-topics-id = id
field-name-name = name
field-name-source-publisher = publisher
field-name-source-title = title
field-name-source-published = published
field-name-description = description
field-name-base-url = base_url
field-name-editions = editions
field-name-contact = contact
field-name-copyright = copyright
field-name-icp = icp
field-name-site-id-code = site_id_code
field-name-theme = theme
field-name-charts = charts
field-name-page-size = page_size
field-name-cities = cities
field-name-province = province
field-name-fictional = fictional
field-name-other-names = other_names
field-name-districts-add-up = districts_add_up

## More problems in a report

topic-unknown = `{ $topic }` is not a topic declared in site.yaml; declared topics: { $known } [E0119]
topics-joined = `{ $topic }` looks like several topics joined by a full-width comma; separate them with ASCII commas: { $fixed } [E0120]
example-text = `{ $text }` is the example text that `renewal new report` writes; replace it with what the report says, or remove the line [E0121]
metric-no-figures = metric `{ $metric }` gives no `target` or `actual` [E0122]
district-and-districts = give either `district` or a `districts` list, not both [E0123]
district-twice = district `{ $district }` is listed twice for this metric [E0124]
district-no-figures = this district gives no `target`, `actual` or `note` [E0125]
body-control = an invisible control character ({ $character }) is here in the text, often pasted from another program; delete it [E0318]
no-metrics = this report gives no metrics, so its page shows no figures; add a `metrics:` list if the report states any [W0101]
figure-after-published = the figure is dated { $date }, after the report was published ({ $published }); check the date [W0102]
explain-E0119 =
    E0119: a topic site.yaml does not declare
    `topics` lists ids of site.yaml's `topics`; the message lists those declared. A new topic is added to site.yaml first.
explain-E0120 =
    E0120: topics joined by a full-width comma
    In a list such as [a, b] the items are separated by ASCII commas. A full-width comma (，) or an enumeration comma (、) makes the whole text one topic.
explain-E0121 =
    E0121: an example left in
    `renewal new report` writes example texts as comments. One uncommented but not replaced would be published as if the report said it; replace it with what the report says, or delete the line.
explain-E0122 =
    E0122: a metric with no figure
    Each metric a report lists gives its `target`, its `actual`, or both (for the whole city, or per district under `districts`).
explain-E0123 =
    E0123: both `district` and `districts`
    A metric gives its figure for one district with `district`, or for several with a `districts` list, not both.
explain-E0124 =
    E0124: a district listed twice
    Each district appears once in a metric's `districts` list; two figures for one district cannot both be right.
explain-E0125 =
    E0125: a district with no figure
    Each entry of `districts` gives a `target`, an `actual` or a `note` for its district.
explain-W0101 =
    W0101: a report with no metrics (a warning)
    The report builds, but its page shows no figures. Add a `metrics:` list if the report states any; `--deny-warnings` makes this an error.
explain-W0102 =
    W0102: a figure dated after the report (a warning)
    A figure's `as_of` is after the date the report was published, which is usually a slip in the date; `--deny-warnings` makes this an error.
warning-denied = {" "}(an error here: warnings are denied)

## Figures (target, actual, baseline)

figure-not-a-number = expected a plain number such as 12.8 (no units or 万 in the number; put the unit in `unit`) [E0201]
figure-empty = the figure is empty; write a number, or leave the field out [E0202]
figure-sign = write `{ $written }` without the sign: { $fixed } [E0203]
figure-negative = { $written } is negative; targets, actuals and baselines count what is planned or done and cannot be below zero [E0204]
full-width-figure = `{ $text }` is written with full-width digits; write it with ASCII digits: { $fixed } [E0107]
figure-decimal-comma = `{ $written }` has a comma where a figure takes a decimal point; write { $fixed } (or, if the comma separates thousands, the digits alone) [E0205]
figure-separators = `{ $written }` has separators between its digits; write it as plain digits: { $fixed } [E0206]
figure-point-first = write `{ $written }` with a 0 before the point: { $fixed } [E0207]
figure-point-last = `{ $written }` ends with a point; write { $fixed } [E0207]
figure-exponent = `{ $written }` is in exponent notation; write the figure in full digits as the report gives it [E0208]
figure-leading-zero = `{ $written }` starts with 0; write it without leading zeros: { $fixed } [E0209]
figure-too-long = `{ $written }` has more digits than a figure can keep exactly (at most { $most }); check the figure, or give it in a larger unit [E0210]
explain-E0201 =
    E0201: not a plain number
    A figure is digits, with a decimal point if the report gives decimals: 12.8, 44, 5.70. The unit goes in `unit`, and 万 or 亿 are part of the unit (万户, 亿元), never of the number.
explain-E0202 =
    E0202: the figure is empty
    A figure written as empty text, such as `target: ""`. Write the figure, or leave the field out when the report does not give it.
explain-E0203 =
    E0203: a figure with a sign
    Figures count what is planned or done; they are written without + or -.
explain-E0204 =
    E0204: a negative figure
    Targets, actuals and baselines count something planned or done and cannot be below zero. A fall is written as the smaller figure, not as a negative one.
explain-E0205 =
    E0205: a decimal comma
    A figure takes a decimal point (12.5). A comma before one or two digits is read as a decimal comma; if it separated thousands, write the digits alone.
explain-E0206 =
    E0206: separators between digits
    Thousands are not separated: write 12000, not 12,000 or 12 000. renewal shows figures to readers with the separators their language uses.
explain-E0207 =
    E0207: a point at the start or the end
    Write 0.5, not .5; and 12, not 12.
explain-E0208 =
    E0208: exponent notation
    A report gives figures in full; write 1000, not 1e3, so that the figure is exactly the report's.
explain-E0209 =
    E0209: leading zeros
    Write 7, not 007: a figure has no leading zeros (0.5 keeps its one zero).
explain-E0210 =
    E0210: more digits than a figure can keep
    A figure keeps at most 18 digits exactly. A figure this long is almost always a slip; give it in a larger unit if it is right (亿元 rather than 元).

## An editor's slips in the front matter, found before YAML reads it

slip-invisible = an invisible character ({ $character }) is here, often pasted from another program; delete it [E0301]
slip-tab = a tab is used for indentation; YAML indents with spaces only: replace the tab with spaces [E0302]
slip-indent-look-alike = the indentation holds { $what }, which looks like a space but is not one to YAML; retype the indentation with ordinary spaces [E0303]
slip-dash-look-alike-space = the list dash is followed by { $what }; YAML needs an ordinary space after `-` [E0304]
slip-dash-no-space = `-{ $name }` needs a space after the dash to start a list item: `- { $name }` [E0305]
slip-look-alike-dash = this list item starts with `{ $dash }`, which looks like a dash but is not one to YAML; type the ASCII hyphen-minus `-` [E0306]
slip-look-alike-colon = `{ $key }` is followed by { $what } '{ $colon }'; YAML needs an ASCII colon ':' followed by a space: `{ $key }: ` [E0307]
slip-space-before-colon = there is a space between `{ $key }` and its colon; write `{ $key }:` with the colon right after the name [E0308]
slip-colon-look-alike-space = the colon after `{ $key }` is followed by { $what }; YAML needs an ordinary space after ':' [E0309]
slip-colon-no-space = `{ $key }:` needs a space after the colon: `{ $key }: { $start }` [E0310]
slip-no-colon = `{ $key }` has no colon after it: write `{ $key }: { $start }` [E0311]
slip-empty-required = `{ $key }` is empty: write its value after `{ $key }: ` [E0312]
slip-empty = `{ $key }` is empty: write its value after `{ $key }: `, or remove the line [E0312]
slip-full-width-brackets = `{ $key }` is written with full-width brackets { $first }…; YAML needs ASCII brackets [ ] and commas [E0313]
slip-bracket-and-list = the `{ $first }` after `{ $key }:` is never closed, and the lines below already make a list: remove the `{ $first }` [E0314]
slip-unclosed = the { $what } that opens this value is never closed; close it at the end of the value (`{ $close }`), or remove it [E0315]
slip-anchor = YAML reads `{ $value }` as the name of an anchor, which leaves `{ $key }` empty; put the value in quotes: { $fixed } [E0316]
slip-reads-as = YAML reads a value starting with `{ $first }` as { $what }; put the whole value in quotes: { $fixed } [E0317]
slips-more = more slips like the { $most } above follow from here; fix those first
opener-quote = quotation mark
opener-bracket = bracket `[`
opener-brace = brace `{"{"}`
syntax-block = the start of a block of text
syntax-reserved = a reserved character
syntax-directive = a directive
syntax-list-item = a list item
char-non-breaking-space = a non-breaking space (U+00A0)
char-full-width-space = a full-width space (U+3000)
char-typographic-space = a typographic space
char-full-width-colon = a full-width colon
char-small-colon = a small full-width colon
char-full-width-semicolon = a full-width semicolon
explain-E0301 =
    E0301: an invisible character
    A character that shows as nothing (a zero-width space, a direction mark), usually pasted from a word processor or a web page. Delete it: the message gives its column.
explain-E0302 =
    E0302: a tab in the indentation
    YAML indents with spaces only. Replace the tab with spaces (two a level).
explain-E0303 =
    E0303: a space that is not a space, in the indentation
    A full-width space (U+3000) or a non-breaking space looks like a space but is not one to YAML. Retype the indentation with ordinary spaces.
explain-E0304 =
    E0304: a list dash followed by a space that is not a space
    A list item is a dash and an ordinary space. Retype the space after the dash.
explain-E0305 =
    E0305: a list dash with no space after it
    `-id: x` is a field named `-id`, not a list item. Write `- id: x`.
explain-E0306 =
    E0306: a dash that is not a dash
    A list item starts with the ASCII hyphen-minus. A full-width dash (－), an em dash (—) or a minus sign (−) look like one but are other characters.
explain-E0307 =
    E0307: a full-width colon
    A field is its name, an ASCII colon and a space: `kind: plan`. A full-width colon (：) typed with a Chinese input method is another character.
explain-E0308 =
    E0308: a space before the colon
    The colon comes right after the field's name: `kind: plan`, not `kind : plan`.
explain-E0309 =
    E0309: a colon followed by a space that is not a space
    After the colon comes an ordinary space. A full-width or non-breaking space looks the same but is another character.
explain-E0310 =
    E0310: no space after the colon
    YAML needs a space between the colon and the value: `kind: plan`, not `kind:plan`.
explain-E0311 =
    E0311: no colon after a field's name
    A field is its name, a colon and its value: `kind: plan`.
explain-E0312 =
    E0312: an empty field
    The field has nothing after its colon, or only empty quotes or spaces, which would show to readers as a blank. Write its value; a field that is not required can also be left out.
explain-E0313 =
    E0313: full-width brackets
    A list written on one line uses ASCII brackets and commas: [old-compounds, gas]. Full-width brackets (［］) and commas (，) are other characters.
explain-E0314 =
    E0314: a bracket and a list below it
    A list is either written on one line in brackets, or as lines starting with `- ` below the field: not both.
explain-E0315 =
    E0315: a quotation mark or bracket never closed
    A value that opens with a quotation mark or a bracket closes it at its end. Close it, or remove the opening one if the value needs none.
explain-E0316 =
    E0316: a value read as an anchor
    YAML reads a value starting with & as the name of an anchor, which leaves the field empty. Put the value in quotes.
explain-E0317 =
    E0317: a value that starts with YAML syntax
    A value starting with |, >, @, `, % or "- " is read by YAML as something else. Put the whole value in quotes.
explain-E0318 =
    E0318: a control character in a report's text
    A control character (such as U+001B, which a terminal reads as the start of a colour) is pasted into the text below the front matter, usually from another program. No page, feed or download can hold it, and it shows as nothing. Delete it: the message gives its line and column.

## A report file as a whole, and the content folder

fm-empty-file = the file is empty; a report starts with front matter between two `---` lines [E0401]
fm-full-width-open = the first line `{ $line }` is written with full-width dashes; type three ASCII hyphens: --- [E0402]
fm-full-width-close = this line `{ $line }` is written with full-width dashes; type three ASCII hyphens to close the front matter: --- [E0402]
fm-none-dashes = no front matter: the first line must be exactly `---` [E0403]
fm-none = no front matter: the first line must be `---`, followed by the report's fields and another `---` [E0403]
fm-unclosed = the front matter opened on line 1 is never closed: add a line `---` after the last field [E0404]
no-content = no content folder at { $dir }; a site keeps its reports in content/ [E0405]
unreadable = cannot be read: { $error } [E0406]
not-regular = is not a regular file (a folder, pipe or device) and cannot be read [E0407]
too-big = is { $size } MiB; a report may be at most { $most } MiB (is this really a report?) [E0408]
utf-16 = is saved as UTF-16 text: save it as UTF-8 (in most editors, "Save with encoding" → UTF-8) [E0409]
not-utf-8 = is not valid UTF-8 text (it may be saved as GBK or GB2312): save it as UTF-8 [E0409]
hidden-folder = is a hidden folder (its name starts with a dot), so the { $reports } report file(s) in it are not published; rename it to publish them [W0401]
link-inside = is a symbolic link to { $target } and is not read: renewal reads only the files that are really in content/, so that a site is the same wherever it is copied; put the file itself here [W0402]
link-outside = is a symbolic link to { $target } and is not read: it leads outside the site (or nowhere), and only files in content/ are published [W0402]
not-regular-report = is not a regular file (a pipe, socket or device) and is not read; put the report itself here [W0403]
not-a-report = is not a report (only files ending in `.md` are) and is not published; keep other files outside content/ [W0404]
hidden-file = is a hidden file (its name starts with a dot) and is not published; rename it to publish it [W0405]
not-lowercase-md = looks like a report but is not read: only files ending in `.md` (lowercase) are reports; rename it [W0406]
explain-E0401 =
    E0401: an empty file
    A report file holds its front matter (the fields between two --- lines) and then its text.
explain-E0402 =
    E0402: full-width dashes around the front matter
    The front matter opens and closes with a line of three ASCII hyphens (---). Dashes typed with a Chinese input method (－－－ or ———) are other characters.
explain-E0403 =
    E0403: no front matter
    A report starts with a line ---, then its fields, then another line ---. The first line of the file must be exactly ---.
explain-E0404 =
    E0404: the front matter is never closed
    After the last field comes a line --- that closes the front matter; the report's text follows it.
explain-E0405 =
    E0405: no content folder
    A site keeps its reports in a folder named content/ beside site.yaml. Check --root, or make the folder.
explain-E0406 =
    E0406: a file that cannot be read
    The system would not let renewal read the file or folder (its permissions, or a disk error); the message gives the system's reason.
explain-E0407 =
    E0407: not a regular file
    A report is an ordinary file, not a folder, a pipe or a device.
explain-E0408 =
    E0408: a file too big to be a report
    A report is a few pages of text; a file of many megabytes is most likely something else saved with a .md name.
explain-E0409 =
    E0409: not saved as UTF-8
    Reports are saved as UTF-8 text. A file saved as GBK, GB2312 or UTF-16 (some editors' default on Windows) is read as nonsense; save it again as UTF-8 (in most editors: Save with encoding → UTF-8).
explain-W0401 =
    W0401: a hidden folder of reports (a warning)
    A folder whose name starts with a dot is hidden, and the reports in it are not published. Rename it to publish them; leave it to keep them as drafts.
explain-W0402 =
    W0402: a symbolic link (a warning)
    renewal reads only the files that are really in content/, so that a site builds the same wherever it is copied. Put the report itself in content/.
explain-W0403 =
    W0403: a report name on something that is not a file (a warning)
    A pipe, socket or device named like a report is not read. Put the report itself here.
explain-W0404 =
    W0404: a file that is not a report (a warning)
    Only files ending in .md are reports; other files in content/ are not published. Keep pictures and spreadsheets outside content/.
explain-W0405 =
    W0405: a hidden report file (a warning)
    A file whose name starts with a dot is hidden and not published. Rename it to publish it.
explain-W0406 =
    W0406: a report named .MD (a warning)
    Reports end in .md, in lowercase; a file ending .MD or .markdown is not read. Rename it.

## What YAML reports, by the kind of error it is

unknown-field-number = {" "}(`{ $name }` looks like the end of a number written with a separator, as in 1,{ $name }: write numbers as plain digits)
unknown-field = unknown field `{ $name }`{ $hint }; the fields allowed here are: { $allowed } [E0501]
field-twice = `{ $key }` is given twice in the same block; keep one [E0502]
field-twice-unnamed = `a field` is given twice in the same block; keep one [E0502]
not-allowed = `{ $word }` is not allowed here; write one of: { $allowed } [E0503]
yaml-empty = this field is empty: write its value, or remove the line [E0312]
expected-list = expected a list here: one item per line, each starting with `- `, or all on one line as [a, b] [E0504]
expected-block = expected `field: value` lines here (a block of named fields, not a list or plain text) [E0505]
expected-text = expected text here, not a list or a block of fields; if the text starts with [ or {"{"}, put it in quotes [E0506]
expected-whole = expected a whole number such as 2024 [E0507]
expected-true-or-false = expected `true` or `false` here [E0519]
expected-figure = expected a plain number such as 12.8 here, not a list or a block [E0201]
yaml-alias = a value that starts with `*` is read by YAML as a reference to another value; put the whole value in quotes: "…" [E0508]
yaml-tag = a YAML tag such as `!!int` is not needed here: write the value alone [E0509]
too-large = this front matter is too large to read (hundreds of thousands of values); split the report [E0510]
colon-in-value = this value holds ': ', which YAML reads as the start of another field; put the whole value in quotes: "…" [E0511]
indented-under-value = this line is indented deeper than `{ $key }` above it, which already has a value, so YAML reads it as part of that value; line it up with `{ $key }` [E0512]
single-quote-inside = the value is in single quotes and holds a single quote itself; write that one twice (''), or put the value in double quotes [E0513]
after-closing-quote = the value starts with a quoted part and goes on after the closing quote; put the whole value in quotes, and write the quotation marks inside as 「」 [E0514]
indentation = this line's indentation does not fit the lines around it: the fields of one block start in the same column, and a list item's fields line up under its first field [E0515]
neither-field-nor-item = a line here is neither `field: value` nor a list item; check that every field has its colon [E0516]
yaml-block-start = YAML reads a value starting with `|` or `>` as the start of a block of text; put the whole value in quotes: "…" [E0317]
yaml-unexpected-character = YAML does not allow a value to start with `{ $character }`; put the whole value in quotes: "…" [E0317]
yaml-unclosed-quote = the quotation mark that opens this value is never closed; close it at the end of the value, or remove it [E0315]
yaml-unclosed-flow = the `{ $open }` that opens this value is never closed as it should be; close it, or put the whole value in quotes: "…" [E0315]
document-end = YAML reads a line `...` as the end of the front matter, so the lines after it are not read; remove it, or put the value it belongs to in quotes [E0517]
another-document = a line `---` or `...` here starts another YAML document, and the front matter (or site.yaml) is one: remove the line, or put the value it belongs to in quotes [E0518]
escape-invisible = the escape `{ $escape }` writes an invisible character ({ $character }) that no page, feed or download can hold; delete it [E0301]
text-invisible = an invisible character ({ $character }) is in this text, often pasted from another program; delete it [E0301]
explain-E0501 =
    E0501: a field renewal does not know
    The message lists the fields allowed where this one is written. It is usually a typing slip (tittle for title), or a field one level too deep or too shallow.
explain-E0502 =
    E0502: a field given twice
    A block gives each field once; two values for one field cannot both be meant. Keep one.
explain-E0503 =
    E0503: a word that is not allowed here
    A field of site.yaml that takes one of a few words (listed in the message) was given another.
explain-E0504 =
    E0504: a list expected
    The field holds a list: one item per line under it, each starting with "- ", or all on one line in brackets, [a, b].
explain-E0505 =
    E0505: a block of fields expected
    The field holds named fields of its own, indented under it (such as `source:` with `publisher:` and `url:` below).
explain-E0506 =
    E0506: text expected
    The field holds text, not a list or fields of its own. Text that starts with [ or a brace goes in quotes.
explain-E0507 =
    E0507: a whole number expected
    The field takes a whole number, such as a year: 2024.
explain-E0508 =
    E0508: a value read as a reference
    YAML reads a value starting with * as a reference to another value. Put the value in quotes.
explain-E0509 =
    E0509: a YAML tag
    A tag such as !!int or !!str tells YAML a value's type; renewal knows each field's type and needs none. Write the value alone.
explain-E0510 =
    E0510: front matter too large to read
    The front matter holds hundreds of thousands of values, far more than a report has. Split the report.
explain-E0511 =
    E0511: ": " inside a value
    YAML reads a colon followed by a space as the start of another field. A value that holds one (a time, a title with a colon) goes in quotes.
explain-E0512 =
    E0512: a line indented under a field that has a value
    The line is indented deeper than the field above it, which already has its value on its own line, so YAML reads it as more of that value. Line it up with the field above.
explain-E0513 =
    E0513: a single quote inside single quotes
    In a value in single quotes, a single quote is written twice (''). Or put the value in double quotes.
explain-E0514 =
    E0514: text after a closing quotation mark
    The value starts with a quoted part and goes on after it. Put the whole value in quotes, and write quotation marks inside it as 「」.
explain-E0515 =
    E0515: indentation that does not fit
    The fields of one block start in the same column, and the fields of a list item line up under its first field.
explain-E0516 =
    E0516: a line that is neither a field nor a list item
    Every line of the front matter is `field: value`, a list item starting with "- ", or a comment. A field without its colon is the usual cause.
explain-E0517 =
    E0517: a line `...` in the front matter
    In site.yaml, YAML reads a line of three dots as the end of the file, so the lines after it are not read. (In a report, a line --- or ... closes the front matter.)
explain-E0518 =
    E0518: a line `---` inside the front matter
    In site.yaml, a line --- starts another YAML document; the file is one. Remove the line, or put the value it belongs to in quotes. (In a report, a line --- closes the front matter.)
explain-E0519 =
    E0519: true or false expected
    The field is a switch: write true to turn it on, false to turn it off (without quotes).

## Metrics across reports, addresses, links in a report's text

metric-not-introduced = no report introduces metric `{ $id }`: check the id for a typo, or give this entry a `label` and `unit` to introduce it here [E0601]
metric-other-city = metric `{ $id }` belongs to { $city } ({ $place }); a report for { $other } cannot update it: use a different id [E0602]
metric-unit-changes = metric `{ $id }` changes unit from { $unit } to { $other }; it was introduced in { $place } with unit { $unit }, and a metric's unit cannot change (convert the figures, or introduce a new metric) [E0603]
slug-invalid = `{ $id }` cannot be used in addresses: use lowercase letters a-z, digits and `-` (e.g. `dongying-2022-gas-lines`); Chinese names go in `name`/`label` [E0701]
slug-page = `page` cannot be a report's address: /reports/page/ holds the later pages of the list of reports [E0702]
slug-from-file = the file name gives the report's address, but { $message }; rename the file or add a `slug:` field [E0703]
link-outside-site = links to { $link }, which is outside the site's address { $base } [W0601]
link-nowhere = links to { $link }, which is not a page or file of this site [W0602]
link-no-anchor = links to { $link }, but { $page } has no heading or section `#{ $anchor }` [W0603]
explain-E0601 =
    E0601: a metric no report introduces
    A metric is introduced by the first report that gives its id with a `label` and a `unit`; later reports give only the id and their figures. Check the id for a typo, or introduce the metric here.
explain-E0602 =
    E0602: a metric of another city
    A metric belongs to the city of the report that introduced it. A report for another city introduces its own metric, with another id.
explain-E0603 =
    E0603: a metric's unit changes
    Every figure of a metric is in the unit it was introduced with, so that figures can be added and compared. Convert the figures, or introduce a new metric for the new unit.
explain-E0701 =
    E0701: an id that cannot be part of an address
    Ids and slugs become parts of page addresses: lowercase letters a-z, digits and -. Chinese names go in `name` or `label`.
explain-E0702 =
    E0702: a report named `page`
    /reports/page/ holds the later pages of the list of reports, so no report can have that address.
explain-E0703 =
    E0703: a file name that cannot be an address
    Without a `slug:`, a report's file name (without .md) is its address. Rename the file with lowercase letters, digits and -, or give the report a `slug:`.
explain-W0601 =
    W0601: a link outside the site (a warning)
    A link starting with / leads outside the site's own address (its base_url's path). Write the whole address of a page elsewhere, or a link inside the site.
explain-W0602 =
    W0602: a link to no page (a warning)
    A link in the report's text leads to an address the site does not have; the page it meant may have another address.
explain-W0603 =
    W0603: a link to a section the page does not have (a warning)
    The part after # names a heading or section of the page, which that page does not have.

## site.yaml's own values

id-twice = id `{ $id }` is declared twice [E0801]
district-names-collide = `{ $name }` names both this district and `{ $other }`; a report that says `{ $name }` could mean either: give each district its own names [E0802]
district-id-reserved = `{ $id }` cannot be a district id: /cities/{ $city }/{ $id }/ holds the later pages of the city's list of { $id }; choose another id [E0803]
theme-name = `{ $theme }` is not a theme name: a theme is a folder directly inside themes/, named with letters, digits, `-` and `_` [E0804]
page-size = { $size } is not a page size: lists need at least 1 item per page (the default is { $default }) [E0805]
base-url-relative = `{ $url }` must be an absolute address starting with https:// or http:// [E0806]
base-url-invalid = `{ $url }` is not a site address like https://example.gov.cn/renewal/ [E0806]
edition-english = editions are made by converting between simplified (zh-Hans) and traditional (zh-Hant) Chinese; an English edition cannot be made from Chinese reports [E0807]
edition-own-language = `{ $tag }` is the site's own `language`; list only the other script [E0807]
edition-twice = `{ $tag }` is listed twice [E0807]
explain-E0801 =
    E0801: an id declared twice in site.yaml
    Each city, district and topic has an id of its own: two with one id could not be told apart in addresses or reports.
explain-E0802 =
    E0802: one name for two districts
    A report names its district by id, name or other name; a name two districts of a city share could mean either. Give each district its own names.
explain-E0803 =
    E0803: a district id that is an address the site uses
    /cities/CITY/reports/ and /cities/CITY/metrics/ hold the later pages of a city's lists of reports and of metrics, so neither `reports` nor `metrics` can be a district's id.
explain-E0804 =
    E0804: not a theme's name
    `theme` names a folder directly inside themes/, with letters, digits, - and _.
explain-E0805 =
    E0805: not a page size
    `page_size` is how many reports or rows a list shows a page: at least 1.
explain-E0806 =
    E0806: not a site address
    `base_url` is the site's address as readers type it, with https:// or http://, and with the path it is published under: https://example.gov.cn/renewal/.
explain-E0807 =
    E0807: an edition renewal cannot make
    `editions` lists the other Chinese script: a site in zh-Hans can have a zh-Hant edition, and the other way round. Each is listed once; an English edition cannot be made by conversion.

## Reports and site.yaml, as a whole

no-site-yaml = not found in { $dir }; every site has one (see `renewal init`) [E0808]
data-license-unknown = `{ $written }` is not a licence renewal knows: write the SPDX id of an open licence ({ $known }), or the full address (https://…) of the licence's text [E0809]
address-by-slug = { $place } gives it as its `slug`
address-by-file = { $file }'s file name gives it
address-taken = the address { $address } is already taken ({ $how }); choose another slug [E0704]
address-taken-by-file = the file name gives this report the address { $address }, which is already taken ({ $how }); rename one file or give one a `slug:` [E0704]
changed-during-build = { $message } (the file changed during the build)
explain-E0704 =
    E0704: two reports with one address
    Each report has an address of its own, /reports/NAME/, from its `slug:` or its file name. Two reports in different folders with the same file name have the same address: rename one, or give one a `slug:`.
explain-E0808 =
    E0808: no site.yaml
    A site is a folder with site.yaml beside content/. Run renewal in that folder, give it with --root, or make a new site with `renewal init`.
explain-E0809 =
    E0809: a data licence renewal does not know
    `data_license` in site.yaml says under which licence the open data may be reused: an SPDX id that renewal knows (CC-BY-4.0, the default, CC0-1.0, CC-BY-SA-4.0, ODC-By-1.0, ODbL-1.0 or PDDL-1.0), or the address of the licence's own text.

## Snapshots in archive/

snap-what-link = a symbolic link to { $target }
snap-what-special = not a regular file (a pipe, socket or device)
snap-not-folder = is not a folder: snapshots are kept in a folder of that name [E0901]
snap-unreadable = cannot be read [E0406]
snap-special-entry = is a symbolic link or other special file, not a snapshot folder: a snapshot is kept as its files, so that it is the same wherever the site is copied [E0902]
snap-bad-name = { $message }; rename the folder, or move it out of { $folder }/ [E0903]
snap-no-manifest = has no { $manifest }: without it the snapshot cannot be verified or published; restore { $manifest } from version control, or remove the folder [E0904]
snap-extra = is { $what }; a snapshot holds only the files it was taken with [E0906]
manifest-not-json = is not a manifest: { $error } [E0905]
manifest-no-files = is not a manifest: it lists no `files` [E0905]
manifest-bad-path = lists `{ $path }`, which is not a file's place inside the snapshot with its sha256 [E0905]
explain-E0901 =
    E0901: archive is not a folder
    A site's snapshots are kept in a folder named archive/ beside site.yaml; here something else has that name.
explain-E0902 =
    E0902: a link in archive/
    A snapshot is kept as its own files, so that it is the same wherever the site is copied; a symbolic link or other special file cannot be one.
explain-E0903 =
    E0903: not a snapshot's name
    A folder of archive/ is named for its year (2025) or its year and revision (2025-r2), as `renewal archive` names it.
explain-E0904 =
    E0904: a snapshot without its manifest
    manifest.json lists every file of the snapshot with its checksum; without it the snapshot cannot be verified or published. Restore it from version control.
explain-E0905 =
    E0905: a manifest that cannot be read
    manifest.json is written by `renewal archive` and never edited: restore it from version control.
explain-E0906 =
    E0906: a file a snapshot was not taken with
    A snapshot holds only the files its manifest lists; a link or special file in it is refused, and `renewal verify` names every file added, changed or gone.

## Themes and templates

theme-not-found = theme `{ $name }` not found: there is no folder themes/{ $name }/ (themes available: { $available }) [E1002]
theme-link = is a symbolic link to { $target } and is not used: a theme uses only the files that are really in its folder; put the file itself here [W1001]
theme-strings-none = has no strings for the language `{ $tag }`, and the built-in default theme has none either: add a section `{ $tag }:` [E1003]
theme-strings-missing = has no strings for the language `{ $tag }`: add a section `{ $tag }:` to themes/{ $theme }/strings.yaml [E1003]
template-error = template error: { $message } [E1001]
template-unexpected-end = unexpected `{ $word }`: a tag opened before it (such as `if` or `for`) is not closed
template-unknown-tag = unknown tag `{ $word }`
template-extends-missing = extends `{ $parent }`, which does not exist
template-extends-circle = `extends` goes round in a circle: { $chain }
template-include-circle = `include` goes round in a circle: { $chain }
template-missing = this template is needed but missing
while-rendering = {" "}(while rendering { $path })
template-in-builtin = {" "}(in the built-in theme)
template-place-builtin = { $place } in the built-in theme
theme-builtin = default (built in)
also = ; also { $more }
explain-E1001 =
    E1001: a template error
    A template of the site's theme (themes/NAME/templates/) or of the site (templates/) cannot be read or rendered. The message names the template by its path and the place in it, says what Tera, the template engine, found wrong, and, for an error while rendering, which page was being made. Templates are written by a site's web team, not by editors.
explain-E1002 =
    E1002: a theme that does not exist
    `theme` in site.yaml names a folder of themes/. The message lists the themes there and the built-in default.
explain-E1003 =
    E1003: a theme with no strings for the site's language
    A theme's strings.yaml holds its interface words for each language it supports, under the language's tag (zh-Hans:, zh-Hant:, en:). Add the section for the site's language.
explain-W1001 =
    W1001: a link in a theme (a warning)
    A theme uses only the files that are really in its folder, so that the site builds the same wherever it is copied. Put the file itself in the theme.
metric-twice = metric `{ $metric }` appears twice in this report (first on line { $line }); give each metric once, with a `districts` list for per-district figures [E0126]
explain-E0126 =
    E0126: a metric listed twice in one report
    A report gives each metric once. Figures for several districts go in one entry's `districts` list.

## Spreadsheets: `renewal sheet export` and `renewal sheet import`

help-sheet = Put a report's figures into a workbook, or take them back from one
help-sheet-export = Write a workbook (.xlsx) with a report's figures for an editor to fill in
help-sheet-report = The report: its file (content/2025/x.md) or its slug
help-sheet-progress = The report is a plan: write a workbook for a new progress report on it, its targets and latest figures filled in
help-sheet-output = The workbook to write; without it, the report's file name ending in .xlsx, in the current folder
help-sheet-import = Check a filled-in workbook (.xlsx, .xls, .ods or .csv) and write the figures into the report it names
help-sheet-file = The workbook to read
help-dry-run = Show what would change in the report, line by line, and write nothing
sheet-exported = wrote { $path } ({ $rows } rows) for { $report }; fill it in, then: renewal sheet import { $path }
sheet-imported = wrote the workbook's figures into { $report }; build or check the site to see them
sheet-created = created { $report } from the workbook; build or check the site to see it
sheet-unchanged = { $report } already says what the workbook says; nothing was written
sheet-would-change = { $report } would change like this (nothing was written):
sheet-write-failed = cannot write { $path }: { $error }
sheet-output-exists = { $path } already exists, and may be a workbook being filled in; give another --output, or move it away first
sheet-no-report = there is no report `{ $report }` in this site; give its file (content/2025/x.md) or its slug
sheet-not-plan = { $report } is not a plan; --progress makes a workbook for a new progress report on a plan
sheet-export-too-long = in { $report }, the { $column } of { $id } is longer than a spreadsheet cell holds (32,767 characters); shorten it in the report, then export again

# The workbook an editor fills in. Its headings are in the site's language.
sheet-title = Figures for a report
sheet-name-data = Figures
sheet-name-guide = How to fill in
sheet-name-lists = Lists
sheet-field-file = Report file
sheet-field-plan = Plan
sheet-field-title = Title
sheet-field-published = Published
sheet-field-note-file = The report this workbook writes, from the site's folder. Keep it as it is.
sheet-field-note-plan = The plan this progress report is on. Keep it as it is.
sheet-field-note-title = The report's title, as it will be published.
sheet-field-note-published = The day the report is published, as 2025-10-15.
sheet-heading-id = Metric id
sheet-heading-label = Metric
sheet-heading-unit = Unit
sheet-heading-topic = Topic
sheet-heading-district = District
sheet-heading-target = Target
sheet-heading-last-actual = Last figure
sheet-heading-last-as-of = Last figure as of
sheet-heading-actual = Figure
sheet-heading-as-of = As of
sheet-heading-note = Note
sheet-note-id = Which metric the row is. Do not change it.
sheet-note-label = What the metric counts.
sheet-note-unit = The unit of the figures, from the list. 万 and 亿 belong here (万户, 亿元), never in a figure.
sheet-note-topic = The metric's topic, from the list.
sheet-note-district = Which place the row is. Do not change it; the whole city's row says so.
sheet-note-target = The target for this place, as the plan gives it.
sheet-note-last-actual = The latest figure the site has for this place. For reference only: it is not read.
sheet-note-last-as-of = When that figure was measured. For reference only: it is not read.
sheet-note-actual = The figure, exactly as the report gives it: digits and a decimal point (12.8, 5.70). No units, no thousands separators.
sheet-note-as-of = The day the figure was measured, as 2025-09-30. Leave it empty for the report's date.
sheet-note-note = A remark on this figure, such as 至少 or 数据待核对.
sheet-whole-place = Whole city
sheet-list-error = Choose a value from the list. The lists are on the sheet Lists, from the site's site.yaml.
sheet-guide =
    How to fill in this workbook
    1. Each row of the sheet Figures is one metric at one place. Type the new figure under Figure, and when it was measured under As of (2025-09-30).
    2. Do not change Metric id or District: they say which row is which. Last figure and Last figure as of are for reference and are not read.
    3. Type figures exactly as the report gives them: 12.8, 5.70, 164000. No units, no thousands separators, no 万 or 亿 in the figure.
    4. The figure cells are formatted as text, so that 5.70 stays 5.70. Do not type formulas, and do not merge cells.
    5. Leave a row empty when there is no new figure for its place.
    6. Save the workbook (as .xlsx, .xls, .ods or .csv) and run: renewal sheet import FILE. Every problem is listed with its cell, and nothing is written until all are put right.

# Problems in a workbook, each at its cell (`q3.xlsx:Figures!I7`).
sheet-not-workbook = this is not a workbook renewal can read ({ $reason }); save it as .xlsx, .xls, .ods or .csv [E1101]
sheet-csv-encoding = the text is neither UTF-8 nor GB18030
sheet-no-sheets = it has no sheets
sheet-too-large-file = the file is { $size } MiB, more than a report's workbook can be ({ $most } MiB); keep only the report's rows [E1102]
sheet-too-many-rows = the sheet has { $rows } rows, more than one report's figures can need ({ $most }); keep only the report's rows [E1102]
sheet-no-heading = the sheet { $sheet } has no row of headings with a Metric id column; export a fresh workbook with renewal sheet export [E1103]
sheet-no-column = the headings have no { $column } column; keep the headings as the export wrote them [E1103]
sheet-no-file = the workbook does not say which report it is for: the Report file cell is empty [E1104]
sheet-bad-file = `{ $file }` is not a report file the workbook can write: it must be a .md file below content/ [E1104]
sheet-no-plan = `{ $plan }` is not a plan of this site; a new progress report names the plan it reports on [E1104]
sheet-no-report-file = there is no report { $file }, and the workbook names no plan for a new one [E1104]
sheet-formula = this cell holds a formula ({ $formula }); type the figure itself, or copy the cells and paste them as values [E1105]
sheet-merged = the cells { $range } are merged; unmerge them, so that each row gives its own metric, place and figures [E1106]
sheet-inexact = the cell holds { $held }, which the sheet shows as { $shown }; a figure must be read exactly as it is shown: type it again as text (format the cell as text, or start it with ') [E1107]
sheet-number-unshown = the cell holds the number { $held }, and an .ods or .xls file does not say how many decimals the sheet shows; format the cell as text and type the figure again, or save the workbook as .xlsx [E1107]
sheet-number-format = the cell holds the number { $held } and shows it with the format { $format }, from which a figure cannot be read back as shown; format the cell as text and type the figure as it is to be published [E1107]
sheet-date-figure = the spreadsheet turned this figure into a date ({ $date }); format the cell as text and type the figure again [E1108]
sheet-no-id = this row has figures but no metric id; copy the id from the row it belongs to, or delete the row [E1109]
sheet-no-place = this row gives no place; choose its district from the list, or the whole city's entry [E1109]
sheet-row-twice = { $id } at { $place } is given again; its first row is row { $row } [E1110]
sheet-metric-differs = the rows of { $id } say different things here; give the metric the same words in every row (as in row { $row }) [E1111]
sheet-words-elsewhere = the name, unit and topic of { $id } are those of { $report }, which introduces it; change them there, and keep them here as they are [E1111]
sheet-report-has-problems = the report has problems of its own; put them right (renewal check lists them) before importing figures into it [E1112]
sheet-cannot-edit = this figure cannot be changed in place: { $why }; change it in the report itself [E1113]
sheet-field-fixed = the title and date of { $file } are changed in the report itself; keep them here as exported [E1113]
sheet-file-taken = there is a file { $file } that is not a report this site can read; put it right first, or name another file for the new report [E1104]
sheet-address-taken = a report at { $file } would have the address of { $other }; name another file for the new report [E1104]
sheet-unknown-column = `{ $heading }` is not a heading of the workbook, so its column would not be read; keep the headings as the export wrote them [E1103]
sheet-refused-block = the report writes it over several lines
sheet-refused-flow = the report writes its place on one line in braces
sheet-refused-shared-line = the report writes it on one line with another field
sheet-not-in-place = the figures of this row could not be written into { $file } without changing something else; change them in the report itself [E1113]
sheet-no-place-list = { $id } has no list of districts in the report to add { $place } to; add the district to the report itself [E1113]
sheet-no-metric-list = the report has no metrics list to add { $id } to; add the metric to the report itself [E1113]
explain-E1101 =
    E1101: not a workbook
    renewal sheet import reads .xlsx, .xls and .ods workbooks, and .csv files in UTF-8 or GB18030 as Excel, WPS and LibreOffice save them. Open the file in a spreadsheet program and save it as one of those.
explain-E1102 =
    E1102: a workbook too large for a report
    One report's workbook holds its metrics at their places: hundreds of rows, not hundreds of thousands. Keep only the report's rows, or export a fresh workbook.
explain-E1103 =
    E1103: no headings
    The import finds the table by its headings (Metric id, District, Figure …, in any of renewal's languages). Keep the headings as renewal sheet export wrote them.
explain-E1104 =
    E1104: which report?
    The cells above the table name the report the workbook writes (Report file, a .md file below content/), and for a new progress report the plan it reports on. Keep them as the export wrote them.
explain-E1105 =
    E1105: a formula
    A report publishes figures, not calculations: a formula's result can change when another cell does. Copy the cells and paste them as values, or type the figure itself.
explain-E1106 =
    E1106: merged cells
    Merged cells hide which row a figure belongs to. Unmerge them, so that each row gives its own metric, place and figure.
explain-E1107 =
    E1107: a number shown rounded
    A spreadsheet keeps numbers in binary, and a cell may hold 12.799999999 while it shows 12.8. renewal never rounds a figure in silence: type the figure as text (format the cell as text, or start it with '), exactly as the report gives it.
explain-E1108 =
    E1108: a figure turned into a date
    A spreadsheet may turn what is typed into a date (3.5 into 5 March). Format the cell as text and type the figure again.
explain-E1109 =
    E1109: a row with no metric id or no place
    Each row says which metric it is in Metric id, and which place in District (the whole city's row says so). Copy them from the row the figures belong to, or delete the row.
explain-E1110 =
    E1110: a row given twice
    One metric at one place has one row; two figures for it cannot both be right.
explain-E1111 =
    E1111: a metric described two ways
    A metric's name, unit and topic are the metric's, not a place's: every row of the metric gives the same. They are written in the report that introduces the metric (its plan, usually), and are changed there: a workbook for another report keeps them as exported.
explain-E1112 =
    E1112: a report with problems
    The import changes only a report's figures, and checks the report it makes; a report that already has problems is put right first. renewal check lists them.
explain-E1113 =
    E1113: a change that cannot be made in place
    The import changes a figure by replacing exactly its text, so that the rest of the report stays as written. A figure written over several lines, a place written in braces on one line, or a field on one line with another is changed in the report itself.

## A command line renewal cannot read

wrong-command = `{ $word }` is not a command of renewal; `renewal --help` lists them
wrong-flag = `{ $word }` is not a flag of this command; `renewal COMMAND --help` lists them
wrong-missing = this command needs { $what }; `renewal COMMAND --help` says what it takes
wrong-value = `{ $value }` is not a value { $flag } takes; `renewal COMMAND --help` says which it does
wrong-no-command = say what to do: build, check, serve, new, sheet, init, archive, verify, warc or explain (`renewal --help`)
