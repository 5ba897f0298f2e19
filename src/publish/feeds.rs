//! Atom feeds of reports (RFC 4287): the whole site's, and each city's and
//! district's, newest first, so that other sites and readers can follow
//! updates. Dates are the reports' own, so a feed changes only when its
//! reports do.

use crate::join::index::Listing;
use crate::markup::escape;
use crate::pages::Shared;
use std::fmt::Write as _;

/// How many reports a feed carries.
pub const ENTRIES: usize = 50;

pub use crate::pages::feed_path as path;

/// The Atom feed of `listing` (or of the whole site), titled `title`.
pub fn atom(shared: &Shared, listing: Option<Listing>, title: &str) -> Option<String> {
    let site = shared.site;
    let feed_path = path(shared, listing)?;
    let reports: &[usize] = match listing {
        None => &[],
        Some(l) => &shared.index.members(l).reports,
    };
    let all: Vec<usize>;
    let reports = if listing.is_none() {
        all = (0..site.reports.len()).collect();
        &all[..]
    } else {
        reports
    };
    let base = format!("{}{}", shared.origin, shared.base);
    let feed_url = format!("{base}{feed_path}");
    let page_url = match feed_path.strip_suffix("feed.xml") {
        Some(folder) => format!("{base}{folder}"),
        None => base.clone(),
    };
    let updated = reports
        .first()
        .map(|&r| site.reports[r].published.to_string())
        .unwrap_or_else(|| "1970-01-01".into());
    let author = site
        .config
        .about
        .publisher
        .as_deref()
        .unwrap_or(&site.config.title);
    let mut xml = String::with_capacity(4096);
    let _ = write!(
        xml,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n<title>{}</title>\n<id>{}</id>\n<link rel=\"self\" href=\"{}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<updated>{}</updated>\n<author><name>{}</name></author>\n",
        site.config.language.tag(),
        escape(title),
        escape(&feed_url),
        escape(&feed_url),
        escape(&page_url),
        timestamp(&updated),
        escape(author),
    );
    for &r in reports.iter().take(ENTRIES) {
        let report = &site.reports[r];
        let url = format!("{}{}", shared.origin, shared.report_urls[r]);
        let published = timestamp(&report.published.to_string());
        let _ = write!(
            xml,
            "<entry>\n<title>{}</title>\n<id>{}</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<published>{published}</published>\n<updated>{published}</updated>\n",
            escape(&report.title),
            escape(&url),
            escape(&url),
        );
        if let Some(publisher) = report.source.as_ref().and_then(|s| s.publisher.as_deref()) {
            let _ = writeln!(xml, "<author><name>{}</name></author>", escape(publisher));
        }
        for topic in &report.topics {
            if let Some(t) = site.config.topics.iter().find(|t| &t.id == topic) {
                let _ = writeln!(
                    xml,
                    "<category term=\"{}\" label=\"{}\"/>",
                    escape(&t.id),
                    escape(&t.name)
                );
            }
        }
        if let Some(summary) = &report.summary {
            let _ = writeln!(xml, "<summary>{}</summary>", escape(summary));
        }
        xml.push_str("</entry>\n");
    }
    xml.push_str("</feed>\n");
    Some(xml)
}

/// An Atom timestamp for a report date (`2025`, `2025-06`, `2025-06-30`):
/// midnight UTC of its first day.
fn timestamp(date: &str) -> String {
    let mut parts = date.split('-');
    let year = parts.next().unwrap_or("1970");
    let month = parts.next().unwrap_or("01");
    let day = parts.next().unwrap_or("01");
    format!("{year}-{month}-{day}T00:00:00Z")
}
