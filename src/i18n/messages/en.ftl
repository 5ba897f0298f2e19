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
