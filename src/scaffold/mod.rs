//! `renewal new report` and `renewal init`: files a user starts from.
//!
//! The starting files live beside this module as ordinary files
//! (`scaffold/report.md`, `scaffold/site.yaml`); a `{name}` in braces is
//! replaced by the value the command line gave, or by a comment or example
//! from the message catalogues, in the language chosen (see [`said`]).
//!
//! A scaffolded report states only what the command line gave: title, kind,
//! city, district, year and the day it was made. Everything an editor has to
//! take from the source (summary, topics, source, metrics) is written as
//! commented-out YAML, with lines in the editor's language saying to fill it in and remove
//! the `# `, and the body is left empty. So an example figure or sentence
//! the editor forgets is never published: until it is uncommented it is not
//! part of the report. The report passes `renewal check` as written, and
//! again once its examples are uncommented. `renewal init` makes its first
//! report the same way, for the fictional city of its example site.
//! Existing files are never overwritten.

use crate::load::config::{self, CONFIG_FILE};
use crate::model::ReportKind;
use std::fs;
use std::path::{Path, PathBuf};

const REPORT: &str = include_str!("report.md");
const SITE: &str = include_str!("site.yaml");

/// What to put in a new report.
pub struct NewReport<'a> {
    pub slug: &'a str,
    pub city: &'a str,
    pub district: Option<&'a str>,
    pub kind: ReportKind,
    pub year: i32,
    pub title: Option<&'a str>,
    /// When the source was published (YYYY-MM-DD); left for the editor to
    /// fill in when not given.
    pub published: Option<&'a str>,
}

/// Writes `content/<year>/<slug>.md` under `root`; returns its path.
pub fn new_report(root: &Path, new: &NewReport) -> Result<PathBuf, String> {
    crate::load::report::check_report_slug(new.slug)
        .map_err(|e| crate::say!("new-report-name", message = e))?;
    if let Some(title) = new.title
        && (title.trim().is_empty() || title.chars().any(char::is_control))
    {
        return Err(crate::say!("new-report-title"));
    }
    if let Some(published) = new.published {
        crate::model::date::Date::parse(published)
            .map_err(|e| crate::say!("new-report-published", message = e))?;
    }
    let config_text = fs::read_to_string(root.join(CONFIG_FILE)).map_err(|e| {
        let path = root.join(CONFIG_FILE).display().to_string();
        crate::say!(
            "new-report-no-site",
            path = path,
            error = crate::i18n::messages::reason(&e)
        )
    })?;
    let config = config::parse(&config_text).map_err(|errors| {
        errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let city = config.city(new.city).ok_or_else(|| {
        let known: Vec<&str> = config.cities.iter().map(|c| c.id.as_str()).collect();
        crate::say!("new-report-city", city = new.city, known = known.join(", "))
    })?;
    let district =
        match new.district {
            Some(d) => Some(city.district(d).ok_or_else(|| {
                crate::say!("new-report-district", district = d, city = &city.name)
            })?),
            None => None,
        };
    let path = root
        .join("content")
        .join(new.year.to_string())
        .join(format!("{}.md", new.slug));
    if path.exists() {
        return Err(crate::say!(
            "new-report-exists",
            path = path.display().to_string()
        ));
    }
    let kind = match new.kind {
        ReportKind::Plan => "plan",
        ReportKind::Progress => "progress",
        ReportKind::Review => "review",
    };
    // What the command line does not give is left empty, with a comment
    // saying what to write: `check` fails on an empty field, so nothing
    // made up is published.
    let title = match new.title {
        Some(title) => format!(
            "title: \"{}\"",
            title.replace('\\', "\\\\").replace('"', "\\\"")
        ),
        None => format!("title:   # {}", crate::say!("scaffold-title")),
    };
    let published = match new.published {
        Some(date) => format!("published: {date}"),
        None => format!(
            "published:   # {}",
            crate::say!("scaffold-published", today = today())
        ),
    };
    let text = said(REPORT)
        .replace("{title}", &title)
        .replace("{kind}", kind)
        .replace("{city}", &city.id)
        .replace(
            "{district}",
            &district
                .map(|d| format!("district: {}\n", d.id))
                .unwrap_or_default(),
        )
        .replace("{year}", &new.year.to_string())
        .replace("{published}", &published)
        .replace("{today}", &today())
        .replace("{slug}", new.slug);
    write_new(&path, &text)?;
    Ok(path)
}

/// `template` with each `{comment}` and `{example-…}` in it said in the
/// language chosen.
fn said(template: &str) -> String {
    let comments = [
        ("{header}", crate::say!("scaffold-site-header")),
        ("{editions}", crate::say!("scaffold-editions")),
        ("{publisher}", crate::say!("scaffold-publisher")),
        ("{contact}", crate::say!("scaffold-contact")),
        ("{icp}", crate::say!("scaffold-icp")),
        ("{site-id-code}", crate::say!("scaffold-site-id-code")),
        ("{fictional}", crate::say!("scaffold-fictional")),
        ("{unfilled}", crate::say!("scaffold-unfilled")),
        ("{topics}", crate::say!("scaffold-topics")),
        ("{metrics}", crate::say!("scaffold-metrics")),
        ("{body}", crate::say!("scaffold-body")),
        ("{example-summary}", crate::say!("scaffold-example-summary")),
        (
            "{example-publisher}",
            crate::say!("scaffold-example-publisher"),
        ),
        ("{example-title}", crate::say!("scaffold-example-title")),
        ("{example-label}", crate::say!("scaffold-example-label")),
    ];
    (comments.iter()).fold(template.to_string(), |text, (marker, said)| {
        text.replace(marker, said)
    })
}

/// Creates a new site in `dir` with a config and one report.
pub fn init(dir: &Path) -> Result<(), String> {
    let config = dir.join(CONFIG_FILE);
    if config.exists() {
        let (path, dir) = (config.display().to_string(), dir.display().to_string());
        return Err(crate::say!("init-exists", path = path, dir = dir));
    }
    write_new(&config, &said(SITE))?;
    let year: i32 = today()[..4].parse().unwrap_or(2026);
    new_report(
        dir,
        &NewReport {
            slug: "first-report",
            city: "example-city",
            district: None,
            kind: ReportKind::Plan,
            year,
            title: Some("示例市城市更新计划（示例）"),
            published: Some(&today()),
        },
    )?;
    Ok(())
}

fn write_new(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| {
            crate::say!(
                "write-create",
                path = dir.display().to_string(),
                error = crate::i18n::messages::reason(&e)
            )
        })?;
    }
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()))
        .map_err(|e| {
            crate::say!(
                "write-file",
                path = path.display().to_string(),
                error = crate::i18n::messages::reason(&e)
            )
        })
}

/// Today's date (UTC) as YYYY-MM-DD, for the `published` field of a new report.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    crate::model::date::Date::from_days((secs / 86_400) as i64).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    #[test]
    fn a_new_report_carries_the_examples_check_refuses_and_every_marker_is_said() {
        // Unit tests speak English (no language is chosen).
        let report = said(REPORT);
        for text in crate::i18n::messages::example_texts(Language::En) {
            assert!(report.contains(&format!(": {text}\n")), "{text}\n{report}");
        }
        for language in [Language::ZhHans, Language::ZhHant] {
            for text in crate::i18n::messages::example_texts(language) {
                assert!(!text.is_empty() && !report.contains(&text), "{text}");
            }
        }
        let site = said(SITE);
        for text in [&report, &site] {
            let left = (text.match_indices('{'))
                .map(|(at, _)| &text[at..at + text[at..].find('}').unwrap_or(0) + 1])
                .filter(|m| !["{title}", "{kind}", "{city}", "{district}", "{year}"].contains(m))
                .filter(|m| !["{published}", "{today}", "{slug}"].contains(m))
                .collect::<Vec<_>>();
            assert!(left.is_empty(), "{left:?}");
        }
    }
}
