//! `renewal check`'s link check: every link inside the site, in a report's
//! body or written into a template, must lead to a page or file the build
//! makes, and a `#anchor` on a report's page to one of its headings (or
//! the page's own sections). Each broken link is a warning naming the
//! file, the line and the link.

use super::{Plan, Shared};
use crate::diagnostic::Diagnostic;
use crate::load::body::Prepared;
use crate::model::Site;
use std::collections::{BTreeMap, BTreeSet};

/// Sections every report page has, besides its body's headings.
const REPORT_SECTIONS: [&str; 3] = ["main", "metrics-heading", "source-heading"];

/// What links may lead to: addresses below the base path (`reports/x/`,
/// `data/renewal.csv`), and the anchors of report pages by address.
struct Targets {
    paths: BTreeSet<String>,
    anchors: BTreeMap<String, BTreeSet<String>>,
}

/// `%E7%87%83` → the text it encodes; anything malformed as it was.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(hex) = std::str::from_utf8(&bytes[i + 1..i + 3])
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// Where `link`, written on the page at `page` (below the base path),
/// leads: (address below the base path, anchor), or `None` when it leaves
/// the site or is not a plain address.
fn resolve(link: &str, page: &str, base: &str) -> Option<(String, Option<String>)> {
    let link = link.trim();
    if link.is_empty() || link.contains("://") || link.starts_with("//") || link.contains(':') {
        return None;
    }
    let (path, anchor) = match link.split_once('#') {
        Some((p, a)) => (p, Some(percent_decoded(a))),
        None => (link, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let path = percent_decoded(path);
    let joined = if path.is_empty() {
        page.to_string()
    } else if let Some(absolute) = path.strip_prefix('/') {
        match format!("/{absolute}").strip_prefix(base) {
            Some(rest) => rest.to_string(),
            None => format!("\u{0}{absolute}"),
        }
    } else {
        format!("{}{path}", page)
    };
    // Fold `.` and `..`.
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let mut folded = parts.join("/");
    let is_file = parts.last().is_some_and(|p| p.contains('.'));
    if !folded.is_empty() && !is_file {
        folded.push('/');
    }
    let folded = folded
        .strip_suffix("index.html")
        .unwrap_or(&folded)
        .to_string();
    Some((folded, anchor))
}

/// The broken internal links of a site: in report bodies (each report's
/// prepared body by `body`, none for one that cannot be read) and in the
/// theme's templates (`templates`: name → (origin, text)).
pub fn check(
    body: &(dyn Fn(usize) -> Option<Prepared> + Sync),
    shared: &Shared,
    plan: &Plan,
    extra: &[String],
    templates: &BTreeMap<String, (String, String)>,
) -> Vec<Diagnostic> {
    let site: &Site = shared.site;
    let base = &site.config.base_path;
    let mut targets = Targets {
        paths: plan.pages.iter().filter_map(|&p| p.address(site)).collect(),
        anchors: BTreeMap::new(),
    };
    targets.paths.extend(extra.iter().cloned());
    // Each report's links, its anchors taken in as they are read: every
    // body at once is never held.
    let mut links: Vec<Vec<(usize, usize, String)>> = Vec::with_capacity(site.reports.len());
    for (r, report) in site.reports.iter().enumerate() {
        let Some(prepared) = body(r) else {
            links.push(Vec::new());
            continue;
        };
        let mut anchors: BTreeSet<String> = prepared.anchors.into_iter().collect();
        anchors.extend(REPORT_SECTIONS.iter().map(|s| s.to_string()));
        targets
            .anchors
            .insert(super::path::report(&report.slug), anchors);
        links.push(prepared.links);
    }
    let broken = |link: &str, page: &str| -> Option<String> {
        let (path, anchor) = resolve(link, page, base)?;
        if path.starts_with('\u{0}') {
            return Some(crate::say!("link-outside-site", link = link, base = base));
        }
        if !targets.paths.contains(&path) {
            return Some(crate::say!("link-nowhere", link = link));
        }
        match (anchor, targets.anchors.get(&path)) {
            (Some(a), Some(known)) if !a.is_empty() && !known.contains(&a) => {
                let page = format!("/{path}");
                Some(crate::say!(
                    "link-no-anchor",
                    link = link,
                    page = page,
                    anchor = a
                ))
            }
            _ => None,
        }
    };
    let mut problems = Vec::new();
    for (report, links) in site.reports.iter().zip(&links) {
        let page = super::path::report(&report.slug);
        for (line, column, link) in links {
            if let Some(message) = broken(link, &page) {
                problems
                    .push(Diagnostic::at(&report.file, *line, *column, None, message).warning());
            }
        }
    }
    for (origin, text) in templates.values() {
        for value in crate::markup::link_values(text, false) {
            let link = &text[value.clone()];
            // Only addresses written out whole; the theme builds the rest.
            if link.contains("{{") || link.contains("{%") {
                continue;
            }
            if let Some(message) = broken(link, "") {
                let before = &text[..value.start];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                problems.push(Diagnostic::at(origin, line, column, None, message).warning());
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_as_a_browser_would() {
        let page = "reports/a/";
        let r = |link| resolve(link, page, "/");
        assert_eq!(r("/reports/b/"), Some(("reports/b/".into(), None)));
        assert_eq!(r("../b/#x"), Some(("reports/b/".into(), Some("x".into()))));
        assert_eq!(
            r("#%E6%88%90%E7%BB%A9"),
            Some(("reports/a/".into(), Some("成绩".into())))
        );
        assert_eq!(
            r("/reports/b/index.html"),
            Some(("reports/b/".into(), None))
        );
        assert_eq!(
            r("/data/renewal.csv"),
            Some(("data/renewal.csv".into(), None))
        );
        assert_eq!(r("https://example.org/"), None);
        assert_eq!(r("mailto:a@b.c"), None);
        assert_eq!(
            resolve("/other/", page, "/gxgz/").map(|(p, _)| p.starts_with('\u{0}')),
            Some(true)
        );
    }
}
