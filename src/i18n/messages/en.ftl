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
snapshot-special = is { $what }; a snapshot holds only the files it was taken with
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
help-root = The site folder (the one holding site.yaml)
help-deny-warnings = Treat warnings (suspicious but publishable things, such as a report file that is not read) as errors: for CI
help-lang = The language renewal speaks to you in: zh-Hans, zh-Hant or en. Without it: RENEWAL_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else the site's own language, else English
help-build = Build the site into the output folder (replaced whole, only if the build succeeds)
help-output = Where to write the site [default: <root>/output]
help-check = Validate content, configuration and templates without writing anything
help-serve = Build the site, then serve the output folder over HTTP for preview
help-bind = Address to listen on
help-port = Port to listen on (0 picks a free port)
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
help-report-kind = What the report is
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
