//! The `renewal` command line. Every command and flag is declared once here,
//! with the documentation `--help` prints.

use clap::{Parser, Subcommand, ValueEnum};
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

/// Exit codes: 0 success; 1 the site has errors (nothing was written);
/// 2 the command line is wrong; 3 files could not be written or served, or
/// renewal refuses to write where it was told to. README.md has the table,
/// command by command.
#[derive(Parser)]
#[command(
    name = "renewal",
    version,
    about = "Build a static website from urban-renewal plans and progress reports.",
    long_about = "Build a static website from urban-renewal plans and progress reports.\n\nA site is a folder with site.yaml, content/ (one Markdown report per file, metrics in the YAML front matter) and optionally themes/ and templates/.\n\nExit codes: 0 success; 1 the site has errors (each is printed as file:line:column: field: message, and nothing is written); 2 the command line is wrong (nothing is changed); 3 files could not be written or served, or renewal refuses to write where it was told to (the site's own folder or its sources, or a folder it did not write), and the previous output is left as it was."
)]
struct Cli {
    /// The site folder (the one holding site.yaml).
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    root: PathBuf,
    /// Treat warnings (suspicious but publishable things, such as a report
    /// file that is not read) as errors: for CI.
    #[arg(long, global = true)]
    deny_warnings: bool,
    /// The language renewal speaks to you in: zh-Hans, zh-Hant or en.
    /// Without it: RENEWAL_LANG, else the locale (LC_ALL, LC_MESSAGES,
    /// LANG), else the site's own language, else English.
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (replaced whole, only if the build succeeds).
    Build {
        /// Where to write the site [default: <root>/output].
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
    },
    /// Validate content, configuration and templates without writing anything.
    Check,
    /// Build the site, then serve the output folder over HTTP for preview.
    Serve {
        /// Where to write the site [default: <root>/output].
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
        bind: String,
        /// Port to listen on (0 picks a free port).
        #[arg(long, default_value_t = 8000)]
        port: u16,
    },
    /// Freeze what the site says about YEAR into archive/YEAR/, never to change again.
    Archive {
        /// The year whose reports and metrics the snapshot holds.
        year: i32,
        /// Keep another snapshot of a year that has one, beside it (archive/YEAR-r2/).
        #[arg(long)]
        revision: bool,
    },
    /// Write a snapshot as a WARC/1.1 file (ISO 28500), for web-archive tools.
    Warc {
        /// The snapshot's name (its folder in archive/: 2025, 2025-r2).
        snapshot: String,
        /// Where to write it [default: archive/<SNAPSHOT>.warc.gz].
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Check every snapshot against its manifest; name each changed, missing and extra file.
    Verify {
        /// Also check the snapshots published in this output folder.
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
    },
    /// Create something new from a starting file.
    #[command(subcommand)]
    New(New),
    /// Create a new site (site.yaml and a first report) in DIR.
    Init {
        /// The folder to create the site in.
        dir: PathBuf,
    },
}

#[derive(Subcommand)]
enum New {
    /// Scaffold a report at content/<year>/<name>.md. What the options do not give is left empty (check fails until it is filled in); examples are comments, published only once filled in.
    Report {
        /// The report's file name and address, e.g. qingdao-2025-plan.
        name: String,
        /// City id or name, as declared in site.yaml.
        #[arg(long)]
        city: String,
        /// District id or name within the city.
        #[arg(long)]
        district: Option<String>,
        /// What the report is.
        #[arg(long, value_enum, default_value_t = Kind::Plan)]
        kind: Kind,
        /// The year the report is about.
        #[arg(long)]
        year: i32,
        /// The report's title, as the source gives it.
        #[arg(long)]
        title: Option<String>,
        /// When the source was published (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        published: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Kind {
    Plan,
    Progress,
    Review,
}

fn main() -> ExitCode {
    without_huge_pages();
    let cli = Cli::parse();
    let root = cli.root.as_path();
    if let Err(code) = speak(cli.lang.as_deref(), root) {
        return code;
    }
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
                    println!("{}", say!("created-report", path = shown(&path)));
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
                    println!("{}", say!("archived", year = year, dir = shown(&dir)));
                    Ok(())
                }
                Err(renewal::archive::Refusal::Asked(message)) => Err(fail(2, &message)),
                Err(renewal::archive::Refusal::Site(failure)) => Err(failed(failure)),
            }
        }
        Command::Verify { output } => verify(root, output.as_deref()),
        Command::Warc { snapshot, output } => warc(root, &snapshot, output.as_deref()),
        Command::Init { dir } => match scaffold::init(&dir) {
            Ok(()) => {
                println!("{}", say!("created-site", dir = shown(&dir)));
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
        eprintln!("{path}: {message}");
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
            eprintln!("{}: {withdrawn}", shown.display());
            problems += 1;
        }
    }
    if snapshots.is_empty() && problems == 0 {
        println!("{}", say!("no-snapshots", dir = shown(&root.join(FOLDER))));
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
                        eprintln!("{shown}/{f}: {}", say!("snapshot-changed"));
                    }
                    for f in &d.missing {
                        eprintln!("{shown}/{f}: {}", say!("snapshot-missing"));
                    }
                    for f in &d.extra {
                        eprintln!("{shown}/{f}: {}", say!("snapshot-extra"));
                    }
                    for (f, what) in &d.special {
                        eprintln!("{shown}/{f}: {}", say!("snapshot-special", what = what));
                    }
                    problems += d.count();
                    if d.count() == 0 {
                        println!("{shown}: {}", say!("snapshot-intact"));
                    }
                }
                Err(message) => {
                    eprintln!("{shown}: {message}");
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
                eprintln!("{path}: {message}");
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
    println!("{}", say!("warc-wrote", path = shown(&file)));
    Ok(())
}

fn output_dir(root: &Path, output: Option<PathBuf>) -> PathBuf {
    output.unwrap_or_else(|| root.join("output"))
}

/// A path as the person running renewal wrote it.
fn shown(path: &Path) -> String {
    path.display().to_string()
}

fn fail(code: u8, message: &str) -> ExitCode {
    eprintln!("{}", say!("error", message = message));
    ExitCode::from(code)
}

/// Prints the build's problems and says how many; nothing was written.
fn report_errors(problems: &[renewal::diagnostic::Diagnostic]) -> ExitCode {
    for problem in problems {
        eprintln!("{problem}");
    }
    let errors: Vec<_> = problems.iter().filter(|p| !p.warning).collect();
    let files: std::collections::BTreeSet<&str> = errors.iter().map(|e| e.file.as_str()).collect();
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
    eprintln!("{found}");
    ExitCode::from(1)
}

/// Lists the warnings of a build that succeeded; "" or "; 2 warning(s)
/// above" for its summary line.
fn list_warnings(summary: &Summary) -> String {
    for warning in &summary.warnings {
        eprintln!("{warning}");
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
    println!("{built}");
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
    println!("{ok}");
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
        eprintln!("{}", say!("not-watching", message = message));
    }
    let serving = say!(
        "serving",
        output = shown(output),
        address = address,
        path = &base_path
    );
    println!("{serving}");
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
            println!("{rebuilt}");
            live.built(Vec::new());
        }
        Err(Failure::Content(problems)) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            let errors = problems.iter().filter(|p| !p.warning).count();
            eprintln!("{}", say!("rebuild-problems", what = &what, n = errors));
            live.built(problems.iter().map(|p| p.to_string()).collect());
        }
        Err(Failure::Write(message)) => {
            let unwritable = say!("rebuild-unwritable", what = &what, message = &message);
            eprintln!("{unwritable}");
            live.built(vec![message]);
        }
    }
}
