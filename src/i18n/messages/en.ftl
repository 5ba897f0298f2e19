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
