//! The `renewal` command line. Every command and flag is declared once here,
//! with the documentation `--help` prints.

use clap::{Parser, Subcommand, ValueEnum};
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use renewal::model::ReportKind;
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
                    println!("created {}", path.display());
                    Ok(())
                }
                Err(message) => Err(fail(2, &message)),
            }
        }
        Command::Archive { year, revision } => {
            let today = today();
            match renewal::archive::take(root, year, revision, &today) {
                Ok(dir) => {
                    println!(
                        "archived {year} into {}; build to publish it, and commit it with the sources",
                        dir.display()
                    );
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
                println!(
                    "created a new site in {}; build it with: renewal --root {} build",
                    dir.display(),
                    dir.display()
                );
                Ok(())
            }
            Err(message) => Err(fail(2, &message)),
        },
    }
    .err()
    .unwrap_or(ExitCode::SUCCESS)
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
            eprintln!(
                "{}: published, but {FOLDER}/ holds no snapshot {name}; build again to withdraw it",
                shown.display()
            );
            problems += 1;
        }
    }
    if snapshots.is_empty() && problems == 0 {
        println!("no snapshots in {}", root.join(FOLDER).display());
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
                        eprintln!("{shown}/{f}: changed since the snapshot was taken");
                    }
                    for f in &d.missing {
                        eprintln!("{shown}/{f}: missing");
                    }
                    for f in &d.extra {
                        eprintln!("{shown}/{f}: not in the snapshot's manifest");
                    }
                    for (f, what) in &d.special {
                        eprintln!(
                            "{shown}/{f}: is {what}; a snapshot holds only the files it was taken with"
                        );
                    }
                    problems += d.count();
                    if d.count() == 0 {
                        println!("{shown}: every file as taken");
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
        return Err(fail(
            1,
            &format!("{problems} problem(s) with the snapshots"),
        ));
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
            return Err(fail(1, &format!("{folder} cannot be written as WARC")));
        }
        let names: Vec<&str> = snapshots.iter().map(|(n, _)| n.as_str()).collect();
        let known = match names.is_empty() {
            true => "there are none".to_string(),
            false => format!("there are {}", names.join(", ")),
        };
        return Err(fail(
            2,
            &format!("{FOLDER}/ holds no snapshot {name} ({known})"),
        ));
    };
    let file = match output {
        Some(file) => {
            renewal::load::source::refuse_writing(root, file).map_err(|m| fail(3, &m))?;
            file.to_path_buf()
        }
        None => root.join(FOLDER).join(format!("{name}.warc.gz")),
    };
    if file.is_dir() {
        return Err(fail(
            3,
            &format!(
                "{} is a folder; give the WARC file's own name",
                file.display()
            ),
        ));
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
    println!("wrote {}", file.display());
    Ok(())
}

fn output_dir(root: &Path, output: Option<PathBuf>) -> PathBuf {
    output.unwrap_or_else(|| root.join("output"))
}

fn fail(code: u8, message: &str) -> ExitCode {
    eprintln!("error: {message}");
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
    let also = if warnings > 0 {
        format!(" (and {warnings} warning(s))")
    } else {
        String::new()
    };
    eprintln!(
        "error: {} problem(s) in {} file(s){also}; nothing was written",
        errors.len(),
        files.len()
    );
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
        n => format!("; {n} warning(s) above (--deny-warnings makes them errors)"),
    }
}

fn failed(failure: Failure) -> ExitCode {
    match failure {
        Failure::Content(errors) => report_errors(&errors),
        Failure::Write(message) => fail(3, &format!("{message}; the previous output is unchanged")),
    }
}

/// "9 reports, 79 metrics, 132 files (1.6 MiB)".
fn described(summary: &Summary) -> String {
    format!(
        "{} reports, {} metrics, {} files ({:.1} MiB)",
        summary.reports,
        summary.metrics,
        summary.files,
        summary.bytes as f64 / (1024.0 * 1024.0)
    )
}

/// Runs `work` with a progress bar on stderr. The bar appears only when
/// stderr is a terminal and the pages have been rendering for a second, so
/// short builds and CI logs stay clean.
fn with_progress<T>(work: impl FnOnce(&Progress) -> T) -> T {
    let bar = ProgressBar::hidden();
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} pages, {eta} left")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
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
    let (what, made) = match summary.remade {
        None => (described(summary), String::new()),
        Some((reports, files)) => (
            format!(
                "{} reports, {} metrics, {} files",
                summary.reports, summary.metrics, summary.files
            ),
            format!(
                "{reports} report file{} changed: {files} files made again, ",
                if reports == 1 { "" } else { "s" }
            ),
        ),
    };
    println!(
        "built {what} into {} in {} ms ({made}{} written, the rest unchanged){warnings}",
        output.display(),
        started.elapsed().as_millis(),
        summary.written
    );
}

fn check(root: &Path, strict: bool) -> Result<(), ExitCode> {
    let summary = with_progress(|progress| site::check(root, strict, progress)).map_err(failed)?;
    let warnings = list_warnings(&summary);
    println!("ok: {} would be written{warnings}", described(&summary));
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
        eprintln!("warning: {message}; pages will not rebuild on their own");
    }
    println!(
        "serving {} at http://{address}{base_path} (press Ctrl-C to stop); rebuilding on every saved change",
        output.display()
    );
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
    let shown = match changed {
        [] => "nothing new".to_string(),
        [one] => one.clone(),
        many => format!("{} files", many.len()),
    };
    match preview.build(root, output, strict, changed, &progress) {
        Ok(summary) => {
            println!(
                "{shown} changed: rebuilt in {} ms ({} files made, {} written)",
                started.elapsed().as_millis(),
                summary.files,
                summary.written
            );
            live.built(Vec::new());
        }
        Err(Failure::Content(problems)) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            eprintln!(
                "{shown} changed: {} problem(s); still serving the last good build",
                problems.iter().filter(|p| !p.warning).count()
            );
            live.built(problems.iter().map(|p| p.to_string()).collect());
        }
        Err(Failure::Write(message)) => {
            eprintln!("{shown} changed: {message}; still serving the last good build");
            live.built(vec![message]);
        }
    }
}
