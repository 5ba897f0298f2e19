//! The `renewal` command line. Every command and flag is declared once
//! here; what `--help` says of each is in the message catalogues.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use renewal::model::ReportKind;
use renewal::say;
use renewal::scaffold::{self, NewReport};
use renewal::serve::live::{self, Live};
use renewal::site::Preview;
use renewal::site::{self, Failure, Progress, Summary};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Writes a line to standard output. A reader that has gone away (`renewal
/// explain | head -3`) is not an error of renewal's: the line is dropped
/// and the command goes on to its own end and exit code, without a panic.
macro_rules! show {
    ($($text:tt)*) => {
        lines(&mut std::io::stdout(), format_args!($($text)*))
    };
}

/// Writes a line to standard error, as [`show!`] does to standard output.
macro_rules! tell {
    ($($text:tt)*) => {
        lines(&mut std::io::stderr(), format_args!($($text)*))
    };
}

/// One line of `text` to `to`; what cannot be written is dropped (see
/// [`show!`]).
fn lines(to: &mut dyn std::io::Write, text: std::fmt::Arguments) {
    let _ = writeln!(to, "{text}");
}

/// The command line. What `--help` says of each command and flag is in
/// the message catalogues (`help-…`), in the language chosen, and is put
/// in by [`command`]; the exit codes are listed there too, and in
/// docs/guide.en.md, command by command.
#[derive(Parser)]
#[command(name = "renewal", version)]
struct Cli {
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    root: PathBuf,
    #[arg(long, global = true)]
    deny_warnings: bool,
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Build {
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
    },
    Check,
    Serve {
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
        bind: String,
        #[arg(long, default_value_t = 8000)]
        port: u16,
    },
    Archive {
        year: i32,
        #[arg(long)]
        revision: bool,
    },
    Warc {
        snapshot: String,
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    Verify {
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
    },
    #[command(subcommand)]
    New(New),
    #[command(subcommand)]
    Sheet(Sheet),
    Init {
        dir: PathBuf,
    },
    Explain {
        code: Option<String>,
    },
}

#[derive(Subcommand)]
enum New {
    Report {
        name: String,
        #[arg(long)]
        city: String,
        #[arg(long)]
        district: Option<String>,
        #[arg(long, value_enum, default_value_t = Kind::Plan)]
        kind: Kind,
        #[arg(long)]
        year: i32,
        #[arg(long)]
        title: Option<String>,
        #[arg(long, value_name = "DATE")]
        published: Option<String>,
    },
}

#[derive(Subcommand)]
enum Sheet {
    Export {
        report: String,
        #[arg(long)]
        progress: bool,
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    Import {
        file: PathBuf,
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Kind {
    Plan,
    Progress,
    Review,
}

/// What `--help` says of each command and of each of its flags, by name:
/// the catalogue's `help-…` messages.
fn help_of(command: &str, arg: &str) -> Option<String> {
    Some(match (command, arg) {
        ("renewal", "") => say!("help-about"),
        ("renewal", "long") => say!("help-long-about"),
        (_, "root") => say!("help-root"),
        (_, "deny_warnings") => say!("help-deny-warnings"),
        (_, "lang") => say!("help-lang"),
        ("build", "") => say!("help-build"),
        ("build" | "serve", "output") => say!("help-output"),
        ("check", "") => say!("help-check"),
        ("serve", "") => say!("help-serve"),
        ("serve", "bind") => say!("help-bind"),
        ("serve", "port") => say!("help-port"),
        ("archive", "") => say!("help-archive"),
        ("archive", "year") => say!("help-archive-year"),
        ("archive", "revision") => say!("help-revision"),
        ("warc", "") => say!("help-warc"),
        ("warc", "snapshot") => say!("help-warc-snapshot"),
        ("warc", "output") => say!("help-warc-output"),
        ("verify", "") => say!("help-verify"),
        ("verify", "output") => say!("help-verify-output"),
        ("new", "") => say!("help-new"),
        ("report", "") => say!("help-new-report"),
        ("report", "name") => say!("help-report-name"),
        ("report", "city") => say!("help-report-city"),
        ("report", "district") => say!("help-report-district"),
        ("report", "kind") => say!("help-report-kind"),
        ("report", "year") => say!("help-report-year"),
        ("report", "title") => say!("help-report-title"),
        ("report", "published") => say!("help-report-published"),
        ("sheet", "") => say!("help-sheet"),
        ("export", "") => say!("help-sheet-export"),
        ("export", "report") => say!("help-sheet-report"),
        ("export", "progress") => say!("help-sheet-progress"),
        ("export", "output") => say!("help-sheet-output"),
        ("import", "") => say!("help-sheet-import"),
        ("import", "file") => say!("help-sheet-file"),
        ("import", "dry_run") => say!("help-dry-run"),
        ("init", "") => say!("help-init"),
        ("init", "dir") => say!("help-init-dir"),
        ("explain", "") => say!("help-explain"),
        ("explain", "code") => say!("help-explain-code"),
        (_, "help") => say!("help-help"),
        (_, "version") => say!("help-version"),
        _ => return None,
    })
}

/// The command line as `--help` shows it, in the language chosen: every
/// command's and flag's text from the catalogue, and the headings too.
/// (The words clap puts in itself, such as `[default: .]` and its own
/// errors, stay in English.)
fn command() -> clap::Command {
    use clap::{Arg, ArgAction};
    fn localized(command: clap::Command, top: bool) -> clap::Command {
        let name = command.get_name().to_string();
        // "Usage: renewal …", "用法：renewal …".
        let usage = say!("help-usage");
        let gap = if usage.ends_with(':') { " " } else { "" };
        let template =
            format!("{{about-with-newline}}\n{usage}{gap}{{usage}}\n\n{{all-args}}{{after-help}}");
        let mut command = command
            .help_template(template)
            .subcommand_help_heading(say!("help-commands"))
            .disable_help_flag(true)
            .disable_help_subcommand(true)
            .arg(
                Arg::new("help")
                    .short('h')
                    .long("help")
                    .action(ArgAction::Help)
                    .help(say!("help-help")),
            );
        if top {
            command = command.disable_version_flag(true).arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version)
                    .help(say!("help-version")),
            );
        }
        if let Some(about) = help_of(&name, "") {
            command = command.about(about);
        }
        if let Some(long) = help_of(&name, "long") {
            command = command.long_about(long);
        }
        let ids: Vec<(String, bool)> = command
            .get_arguments()
            .map(|a| (a.get_id().to_string(), a.is_positional()))
            .collect();
        for (id, positional) in ids {
            let help = help_of(&name, &id);
            let heading = match positional {
                true => say!("help-arguments"),
                false => say!("help-options"),
            };
            command = command.mut_arg(&id, |arg| {
                // Defaults and choices are in the catalogue's text, in the
                // language chosen, not in the parser's English.
                let takes_values = arg.get_action().takes_values();
                let arg = arg.help_heading(heading);
                let arg = match takes_values {
                    true => arg.hide_default_value(true).hide_possible_values(true),
                    false => arg,
                };
                match help {
                    Some(help) => arg.help(help),
                    None => arg,
                }
            });
        }
        let names: Vec<String> = command
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect();
        for sub in names {
            command = command.mut_subcommand(&sub, |c| localized(c, false));
        }
        command
    }
    localized(Cli::command(), true)
}

/// Says what is wrong with the command line, in the language chosen, and
/// exits with 2; `--help` and `--version` print and exit with 0.
fn wrong_line(error: clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ErrorKind};
    let context = |kind: ContextKind| error.get(kind).map(|v| v.to_string()).unwrap_or_default();
    let message = match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::InvalidSubcommand => {
            say!(
                "wrong-command",
                word = context(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::UnknownArgument => say!("wrong-flag", word = context(ContextKind::InvalidArg)),
        ErrorKind::MissingRequiredArgument => {
            say!("wrong-missing", what = context(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => say!(
            "wrong-value",
            value = context(ContextKind::InvalidValue),
            flag = context(ContextKind::InvalidArg)
        ),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            say!("wrong-no-command")
        }
        // The parser's own words, for what an editor hardly types.
        _ => {
            let _ = error.print();
            return ExitCode::from(2);
        }
    };
    tell!("{}", say!("error", message = message));
    ExitCode::from(2)
}

/// The value of `--lang` or `--root` as written before the command line
/// is read in full (so that its help can be in the language chosen).
fn early(flag: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let prefix = format!("{flag}=");
    args.iter().enumerate().find_map(|(n, arg)| match arg {
        a if a == flag => args.get(n + 1).cloned(),
        a => a.strip_prefix(&prefix).map(str::to_string),
    })
}

fn main() -> ExitCode {
    without_huge_pages();
    memory_back_sooner();
    // The language first: the help and every message after are in it.
    let early_root = early("--root").map_or_else(|| PathBuf::from("."), PathBuf::from);
    if let Err(code) = speak(early("--lang").as_deref(), &early_root) {
        return code;
    }
    let matches = match command().try_get_matches() {
        Ok(matches) => matches,
        Err(error) => return wrong_line(error),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => return wrong_line(error),
    };
    let root = cli.root.as_path();
    // The day a build is made for is an input: refused before anything is
    // read if it is given and is not a date.
    let dated = matches!(
        cli.command,
        Command::Build { .. } | Command::Check | Command::Serve { .. } | Command::Archive { .. }
    );
    if let (true, Err(message)) = (dated, renewal::model::date::build_date()) {
        return fail(2, &message);
    }
    match cli.command {
        Command::Build { output } => build(root, &output_dir(root, output), cli.deny_warnings),
        Command::Check => check(root, cli.deny_warnings),
        Command::Serve { output, bind, port } => serve(
            root,
            &output_dir(root, output),
            &bind,
            port,
            cli.deny_warnings,
        ),
        Command::New(New::Report {
            name,
            city,
            district,
            kind,
            year,
            title,
            published,
        }) => {
            let kind = match kind {
                Kind::Plan => ReportKind::Plan,
                Kind::Progress => ReportKind::Progress,
                Kind::Review => ReportKind::Review,
            };
            let new = NewReport {
                slug: &name,
                city: &city,
                district: district.as_deref(),
                kind,
                year,
                title: title.as_deref(),
                published: published.as_deref(),
            };
            match scaffold::new_report(root, &new) {
                Ok(path) => {
                    show!("{}", say!("created-report", path = shown(&path)));
                    Ok(())
                }
                Err(message) => Err(fail(2, &message)),
            }
        }
        Command::Archive { year, revision } => {
            let today = today();
            match renewal::archive::take(root, year, revision, &today) {
                Ok(dir) => {
                    let year = year.to_string();
                    show!("{}", say!("archived", year = year, dir = shown(&dir)));
                    Ok(())
                }
                Err(renewal::archive::Refusal::Asked(message)) => Err(fail(2, &message)),
                Err(renewal::archive::Refusal::Site(failure)) => Err(failed(failure)),
            }
        }
        Command::Verify { output } => verify(root, output.as_deref()),
        Command::Explain { code } => explain(code.as_deref()),
        Command::Warc { snapshot, output } => warc(root, &snapshot, output.as_deref()),
        Command::Sheet(Sheet::Export {
            report,
            progress,
            output,
        }) => sheet_export(root, &report, progress, output),
        Command::Sheet(Sheet::Import { file, dry_run }) => {
            sheet_import(root, &file, dry_run, cli.deny_warnings)
        }
        Command::Init { dir } => match scaffold::init(&dir) {
            Ok(()) => {
                show!("{}", say!("created-site", dir = shown(&dir)));
                Ok(())
            }
            Err(message) => Err(fail(2, &message)),
        },
    }
    .err()
    .unwrap_or(ExitCode::SUCCESS)
}

/// Chooses the language to speak in (see
/// [`renewal::i18n::messages::choose`]) for the site at `root`; a language
/// asked for by name that renewal does not speak is refused.
fn speak(flag: Option<&str>, root: &Path) -> Result<(), ExitCode> {
    use renewal::i18n::messages;
    let env = |name: &str| std::env::var(name).ok();
    let site = || renewal::load::read_config(root).0.map(|c| c.language);
    match messages::choose(flag, &env, &site) {
        Ok(language) => {
            messages::speak(language);
            Ok(())
        }
        Err(unknown) => Err(fail(
            2,
            &say!(
                "unknown-language",
                from = unknown.from,
                value = unknown.value
            ),
        )),
    }
}

/// Asks Linux not to back this process's memory with transparent huge
/// pages. The allocator asks for them on its arenas, and every first touch
/// of a 2 MiB region then costs clearing all of it: a build after an edit
/// at 10,000 reports spent a quarter of its CPU time there (measured with
/// `perf record`), for a peak memory a tenth higher. Elsewhere, nothing.
fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes an integer flag and touches no
    // memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// Asks the allocator to give memory freed back to the system after 0.1 s
/// rather than its default of a second, unless `MIMALLOC_PURGE_DELAY` says
/// otherwise. A build frees much of what each page and step used while the
/// next is made; held a second longer, that memory counted in the peak: at
/// 100,000 reports, 944 MiB at peak in two runs with it, against 975 and
/// 1,012 MiB without, in the same time (`/usr/bin/time`).
fn memory_back_sooner() {
    unsafe extern "C" {
        fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    }
    /// `mi_option_purge_delay` in the allocator's `mi_option_t`, as
    /// mimalloc v3 (libmimalloc-sys 0.1.49, in Cargo.lock) numbers it; its
    /// bindings name no constant for it. An upgrade of the allocator must
    /// check that the number still means this option.
    const PURGE_DELAY: std::ffi::c_int = 15;
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: the allocator's own setter, given one of its options and
        // a number of milliseconds; it touches no memory of ours.
        unsafe { mi_option_set(PURGE_DELAY, 100) };
    }
}

/// The build date (see [`renewal::model::date::build_date`]), `YYYY-MM-DD`.
fn today() -> String {
    renewal::model::date::today().to_string()
}

fn verify(root: &Path, output: Option<&Path>) -> Result<(), ExitCode> {
    use renewal::snapshot::FOLDER;
    let renewal::snapshot::Archive {
        snapshots,
        problems: not_snapshots,
    } = renewal::snapshot::snapshots(root);
    let mut problems = 0;
    for (path, message) in &not_snapshots {
        tell!("{path}: {message}");
        problems += 1;
    }
    // A snapshot published in the output that the sources no longer hold.
    if let Some(out) = output
        && let Ok(entries) = std::fs::read_dir(out.join(FOLDER))
    {
        let mut published: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| !t.is_file()))
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| !snapshots.iter().any(|(n, _)| n == name))
            .collect();
        published.sort();
        for name in published {
            let shown = out.join(FOLDER).join(&name);
            let withdrawn = say!("snapshot-withdrawn", folder = FOLDER, name = &name);
            tell!("{}: {withdrawn}", shown.display());
            problems += 1;
        }
    }
    if snapshots.is_empty() && problems == 0 {
        show!("{}", say!("no-snapshots", dir = shown(&root.join(FOLDER))));
        return Ok(());
    }
    for (name, dir) in &snapshots {
        let mut places = vec![(dir.clone(), dir.display().to_string())];
        if let Some(out) = output {
            let published = out.join(FOLDER).join(name);
            places.push((published.clone(), published.display().to_string()));
        }
        for (place, shown) in places {
            match renewal::snapshot::compare(dir, &place) {
                Ok(d) => {
                    for f in &d.changed {
                        tell!("{shown}/{f}: {}", say!("snapshot-changed"));
                    }
                    for f in &d.missing {
                        tell!("{shown}/{f}: {}", say!("snapshot-missing"));
                    }
                    for f in &d.extra {
                        tell!("{shown}/{f}: {}", say!("snapshot-extra"));
                    }
                    for (f, what) in &d.special {
                        tell!("{shown}/{f}: {}", say!("snap-extra", what = what));
                    }
                    problems += d.count();
                    if d.count() == 0 {
                        show!("{shown}: {}", say!("snapshot-intact"));
                    }
                }
                Err(message) => {
                    tell!("{shown}: {message}");
                    problems += 1;
                }
            }
        }
    }
    if problems > 0 {
        return Err(fail(1, &say!("snapshot-problems", n = problems)));
    }
    Ok(())
}

/// Prints the explanation of a problem's code, or every code with its
/// title.
fn explain(code: Option<&str>) -> Result<(), ExitCode> {
    use renewal::i18n::messages;
    let Some(code) = code else {
        for line in messages::codes() {
            show!("{line}");
        }
        return Ok(());
    };
    match messages::explain(code) {
        Some(text) => {
            show!("{}", text.trim_end_matches('\n'));
            Ok(())
        }
        None => Err(fail(2, &say!("explain-unknown", code = code))),
    }
}

/// Writes the snapshot `name` as a WARC file, at `output` or beside it.
fn warc(root: &Path, name: &str, output: Option<&Path>) -> Result<(), ExitCode> {
    use renewal::snapshot::{self, FOLDER};
    snapshot::check_name(name).map_err(|m| fail(2, &m))?;
    let snapshot::Archive {
        snapshots,
        problems,
    } = snapshot::snapshots(root);
    let Some((_, dir)) = snapshots.iter().find(|(n, _)| n == name) else {
        // The folder is there but is not a snapshot that can be read.
        let folder = format!("{FOLDER}/{name}");
        let about: Vec<_> = (problems.iter())
            .filter(|(p, _)| *p == folder || p.starts_with(&format!("{folder}/")))
            .collect();
        if !about.is_empty() {
            for (path, message) in about {
                tell!("{path}: {message}");
            }
            return Err(fail(1, &say!("warc-unreadable", folder = &folder)));
        }
        let names: Vec<&str> = snapshots.iter().map(|(n, _)| n.as_str()).collect();
        let none = match names.is_empty() {
            true => say!("warc-none-there", folder = FOLDER, name = name),
            false => say!(
                "warc-others",
                folder = FOLDER,
                name = name,
                names = names.join(", ")
            ),
        };
        return Err(fail(2, &none));
    };
    let file = match output {
        Some(file) => {
            renewal::load::source::refuse_writing(root, file).map_err(|m| fail(3, &m))?;
            file.to_path_buf()
        }
        None => root.join(FOLDER).join(format!("{name}.warc.gz")),
    };
    if file.is_dir() {
        return Err(fail(3, &say!("warc-folder", path = shown(&file))));
    }
    let bytes = snapshot::warc(dir).map_err(|m| fail(1, &m))?;
    // Written beside it and moved over it, so that a failed write leaves
    // whatever was there as it was.
    let temporary = file.with_file_name(format!(
        ".{}.renewal-new",
        file.file_name().unwrap_or_default().to_string_lossy()
    ));
    let written =
        std::fs::write(&temporary, bytes).and_then(|()| std::fs::rename(&temporary, &file));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(fail(3, &format!("{}: {e}", file.display())));
    }
    show!("{}", say!("warc-wrote", path = shown(&file)));
    Ok(())
}

/// `renewal sheet export`: the workbook for a report, or for a new
/// progress report on a plan, written to `output` (by default
/// `<slug>.xlsx`, or `<slug>-progress.xlsx`, in the current folder).
fn sheet_export(
    root: &Path,
    report: &str,
    progress: bool,
    output: Option<PathBuf>,
) -> Result<(), ExitCode> {
    let exported =
        renewal::sheet::export::export(root, report, progress).map_err(|m| fail(2, &m))?;
    let output = output.unwrap_or_else(|| {
        let stem = Path::new(&exported.report_file).file_stem().map_or_else(
            || "report".to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
        PathBuf::from(format!("{stem}.xlsx"))
    });
    if let Err(message) = renewal::load::source::refuse_writing(root, &output) {
        return Err(fail(3, &message));
    }
    // A workbook already there may be one being filled in.
    if output.exists() {
        return Err(fail(2, &say!("sheet-output-exists", path = shown(&output))));
    }
    renewal::sheet::write_atomically(&output, &exported.bytes)
        .map_err(|e| sheet_write_failed(&output, &e))?;
    show!(
        "{}",
        say!(
            "sheet-exported",
            path = shown(&output),
            rows = exported.rows,
            report = exported.report_file
        )
    );
    Ok(())
}

/// `renewal sheet import`: the workbook's figures into the report it
/// names, or with `dry_run` the lines that would change.
fn sheet_import(root: &Path, file: &Path, dry_run: bool, strict: bool) -> Result<(), ExitCode> {
    let imported = renewal::sheet::import::import(root, file, &shown(file))
        .map_err(|problems| report_errors(&problems))?;
    for warning in &imported.warnings {
        tell!("{warning}");
    }
    if strict && !imported.warnings.is_empty() {
        let mut denied = imported.warnings.clone();
        denied.iter_mut().for_each(|w| w.denied());
        return Err(report_errors(&denied));
    }
    if imported.before.as_deref() == Some(imported.after.as_str()) {
        show!("{}", say!("sheet-unchanged", report = &imported.file));
        return Ok(());
    }
    if dry_run {
        show!("{}", say!("sheet-would-change", report = &imported.file));
        show!("{}", imported.changes().trim_end());
        return Ok(());
    }
    let path = root.join(&imported.file);
    let written = path
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| renewal::sheet::write_atomically(&path, imported.after.as_bytes()));
    written.map_err(|e| sheet_write_failed(&path, &e))?;
    let said = match imported.before {
        Some(_) => say!("sheet-imported", report = &imported.file),
        None => say!("sheet-created", report = &imported.file),
    };
    show!("{said}");
    Ok(())
}

/// Exit 3 for a file `renewal sheet` could not write, naming it.
fn sheet_write_failed(path: &Path, error: &std::io::Error) -> ExitCode {
    let reason = renewal::i18n::messages::reason(error);
    fail(
        3,
        &say!("sheet-write-failed", path = shown(path), error = reason),
    )
}

fn output_dir(root: &Path, output: Option<PathBuf>) -> PathBuf {
    output.unwrap_or_else(|| root.join("output"))
}

/// A path as the person running renewal wrote it.
fn shown(path: &Path) -> String {
    path.display().to_string()
}

fn fail(code: u8, message: &str) -> ExitCode {
    tell!("{}", say!("error", message = message));
    ExitCode::from(code)
}

/// Prints the build's problems and says how many; nothing was written.
fn report_errors(problems: &[renewal::diagnostic::Diagnostic]) -> ExitCode {
    for problem in problems {
        tell!("{problem}");
    }
    let errors: Vec<_> = problems.iter().filter(|p| !p.warning).collect();
    // A workbook's cells (`q3.xlsx:填报!I7`) are all one file.
    let file_of = |file: &str| match file.rsplit_once(':') {
        Some((path, cell)) if cell.contains('!') => path.to_string(),
        _ => file.to_string(),
    };
    let files: std::collections::BTreeSet<String> =
        errors.iter().map(|e| file_of(&e.file)).collect();
    let warnings = problems.len() - errors.len();
    let (errors, files) = (errors.len(), files.len());
    let found = match warnings {
        0 => say!("problems-found", errors = errors, files = files),
        _ => say!(
            "problems-found-warnings",
            errors = errors,
            files = files,
            warnings = warnings
        ),
    };
    tell!("{found}");
    ExitCode::from(1)
}

/// Lists the warnings of a build that succeeded; "" or "; 2 warning(s)
/// above" for its summary line.
fn list_warnings(summary: &Summary) -> String {
    for warning in &summary.warnings {
        tell!("{warning}");
    }
    match summary.warnings.len() {
        0 => String::new(),
        n => say!("warnings-above", n = n),
    }
}

fn failed(failure: Failure) -> ExitCode {
    match failure {
        Failure::Content(errors) => report_errors(&errors),
        Failure::Write(message) => fail(3, &say!("output-unchanged", message = message)),
    }
}

/// The size of what a build made, in MiB to a tenth: "1.6".
fn mebibytes(summary: &Summary) -> String {
    format!("{:.1}", summary.bytes as f64 / (1024.0 * 1024.0))
}

/// Runs `work` with a progress bar on stderr. The bar appears only when
/// stderr is a terminal and the pages have been rendering for a second, so
/// short builds and CI logs stay clean.
fn with_progress<T>(work: impl FnOnce(&Progress) -> T) -> T {
    let bar = ProgressBar::hidden();
    let template = say!(
        "progress-pages",
        bar = "{bar:40}",
        pos = "{pos}",
        len = "{len}",
        eta = "{eta}"
    );
    bar.set_style(
        ProgressStyle::with_template(&template).unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let terminal = std::io::stderr().is_terminal();
    let shown = AtomicBool::new(false);
    let started = Instant::now();
    let start = |pages: usize| bar.set_length(pages as u64);
    let tick = || {
        bar.inc(1);
        if terminal
            && started.elapsed() > Duration::from_secs(1)
            && !shown.swap(true, Ordering::Relaxed)
        {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    };
    let result = work(&Progress {
        start: &start,
        tick: &tick,
    });
    bar.finish_and_clear();
    result
}

fn build(root: &Path, output: &Path, strict: bool) -> Result<(), ExitCode> {
    let started = Instant::now();
    let summary =
        with_progress(|progress| site::build(root, output, strict, progress)).map_err(failed)?;
    print_built(&summary, output, started);
    Ok(())
}

/// "built … into DIR in T ms (N written, the rest unchanged)", after the
/// warnings; for a build that made only what changed, "built 9 reports,
/// 79 metrics, 132 files into DIR in T ms (1 report file changed: 40 files
/// made again, N written, the rest unchanged)".
fn print_built(summary: &Summary, output: &Path, started: Instant) {
    let warnings = list_warnings(summary);
    let (output, ms) = (shown(output), started.elapsed().as_millis());
    let built = match summary.remade {
        None => say!(
            "built-whole",
            reports = summary.reports,
            metrics = summary.metrics,
            files = summary.files,
            size = mebibytes(summary),
            output = output,
            ms = ms,
            written = summary.written,
            warnings = warnings,
        ),
        Some((changed, remade)) => say!(
            "built-changes",
            reports = summary.reports,
            metrics = summary.metrics,
            files = summary.files,
            output = output,
            ms = ms,
            changed = changed,
            remade = remade,
            written = summary.written,
            warnings = warnings,
        ),
    };
    show!("{built}");
}

fn check(root: &Path, strict: bool) -> Result<(), ExitCode> {
    let summary = with_progress(|progress| site::check(root, strict, progress)).map_err(failed)?;
    let warnings = list_warnings(&summary);
    let ok = say!(
        "check-ok",
        reports = summary.reports,
        metrics = summary.metrics,
        files = summary.files,
        size = mebibytes(&summary),
        warnings = warnings,
    );
    show!("{ok}");
    Ok(())
}

fn serve(root: &Path, output: &Path, bind: &str, port: u16, strict: bool) -> Result<(), ExitCode> {
    let mut preview = Preview::default();
    let started = Instant::now();
    let summary = with_progress(|progress| preview.build(root, output, strict, &[], progress))
        .map_err(failed)?;
    print_built(&summary, output, started);
    let base_path = preview.base_path().unwrap_or("/").to_string();
    let server = renewal::serve::bind(&format!("{bind}:{port}")).map_err(|m| fail(3, &m))?;
    let address = server
        .server_addr()
        .to_ip()
        .map(|a| a.to_string())
        .unwrap_or_else(|| format!("{bind}:{port}"));
    let live = Arc::new(Live::default());
    let pending = Arc::new(AtomicBool::new(false));
    preview.superseded = Some(Arc::clone(&pending));
    preview.rewritten = Some({
        let live = Arc::clone(&live);
        Box::new(move |pages: Option<&[String]>| live.reload(pages))
    });
    let watching = {
        let (live, root, output) = (Arc::clone(&live), root.to_path_buf(), output.to_path_buf());
        live::watch(&root.clone(), &output.clone(), pending, move |changed| {
            rebuild(&root, &output, strict, &changed, &live, &mut preview);
            preview.owes()
        })
    };
    if let Err(message) = watching {
        tell!("{}", say!("not-watching", message = message));
    }
    let serving = say!(
        "serving",
        output = shown(output),
        address = address,
        path = &base_path
    );
    show!("{serving}");
    renewal::serve::run(&server, output, &base_path, Some(live));
    Ok(())
}

/// Rebuilds after `changed` (paths from the site root) and tells open
/// pages: reload, or show the problems while the last good site is served.
fn rebuild(
    root: &Path,
    output: &Path,
    strict: bool,
    changed: &[String],
    live: &Live,
    preview: &mut Preview,
) {
    let started = Instant::now();
    let quiet = |_: usize| {};
    let tick = || {};
    let progress = Progress {
        start: &quiet,
        tick: &tick,
    };
    let what = match changed {
        [] => say!("changed-nothing"),
        [one] => one.clone(),
        many => say!("changed-many", n = many.len()),
    };
    match preview.build(root, output, strict, changed, &progress) {
        Ok(summary) => {
            let rebuilt = say!(
                "rebuilt",
                what = &what,
                ms = started.elapsed().as_millis(),
                files = summary.files,
                written = summary.written
            );
            show!("{rebuilt}");
            live.built(Vec::new());
        }
        Err(Failure::Content(problems)) => {
            for problem in &problems {
                tell!("{problem}");
            }
            let errors = problems.iter().filter(|p| !p.warning).count();
            tell!("{}", say!("rebuild-problems", what = &what, n = errors));
            live.built(problems.iter().map(|p| p.to_string()).collect());
        }
        Err(Failure::Write(message)) => {
            let unwritable = say!("rebuild-unwritable", what = &what, message = &message);
            tell!("{unwritable}");
            live.built(vec![message]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every default and every choice the parser holds is the one `--help`
    /// states (English here; the catalogue test holds the other languages
    /// to the same defaults).
    #[test]
    fn help_states_the_defaults_and_choices_the_parser_uses() {
        let top = Cli::command();
        let mut commands = vec![top.clone()];
        let mut checked = 0;
        while let Some(command) = commands.pop() {
            commands.extend(command.get_subcommands().cloned());
            let name = command.get_name().to_string();
            // A switch's own `false` is no default an editor chooses.
            for arg in (command.get_arguments()).filter(|a| a.get_action().takes_values()) {
                let id = arg.get_id().to_string();
                let Some(help) = help_of(&name, &id) else {
                    continue;
                };
                for default in arg.get_default_values() {
                    let default = default.to_string_lossy();
                    assert!(
                        help.contains(&format!("[default: {default}]")),
                        "{name} --{id}: {help}"
                    );
                    checked += 1;
                }
                for choice in arg.get_possible_values() {
                    assert!(help.contains(choice.get_name()), "{name} --{id}: {help}");
                    checked += 1;
                }
            }
        }
        assert!(checked >= 6, "{checked}");
    }
}
