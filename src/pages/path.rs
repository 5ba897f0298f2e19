//! The site's URL scheme, written once: the path of each kind of page
//! and file below the site's (or an edition's) base path. Every address
//! a page, a feed, the sitemap, the search index, the link check or a
//! snapshot names is made here.
//!
//! All ASCII, from ids declared in site.yaml or file names:
//! `reports/<slug>/`, `cities/<city>/`, `cities/<city>/<district>/`,
//! `years/<year>/`, `topics/<topic>/`, `metrics/<id>/`; later pages of a
//! list at `page/<n>/` below it.

use crate::join::index::Listing;
use crate::model::config::Config;

pub fn report(slug: &str) -> String {
    format!("reports/{slug}/")
}

/// Page `n` of the list of all reports.
pub fn all_reports(n: usize) -> String {
    match n {
        1 => "reports/".into(),
        n => format!("reports/page/{n}/"),
    }
}

pub fn metric(id: &str) -> String {
    format!("metrics/{id}/")
}

/// Page `n` (from 2) of a metric's series.
pub fn series(id: &str, n: usize) -> String {
    format!("metrics/{id}/series/page/{n}/")
}

/// Where a metric's later pages of its series begin (`…/series/`).
pub fn series_root(id: &str) -> String {
    format!("metrics/{id}/series/")
}

pub fn city(city: &str) -> String {
    format!("cities/{city}/")
}

pub fn district(city: &str, district: &str) -> String {
    format!("cities/{city}/{district}/")
}

pub fn year(year: i32) -> String {
    format!("years/{year}/")
}

pub fn topic(id: &str) -> String {
    format!("topics/{id}/")
}

/// The overview of a city, district, year or topic of a site with `config`.
pub fn listing(config: &Config, listing: Listing) -> String {
    match listing {
        Listing::City(c) => city(&config.cities[c].id),
        Listing::District(c, d) => {
            district(&config.cities[c].id, &config.cities[c].districts[d].id)
        }
        Listing::Year(y) => year(y),
        Listing::Topic(t) => topic(&config.topics[t].id),
    }
}

/// Page `n` (from 2) of the list `list` (`reports`, `metrics`) of the
/// page at `owner`.
pub fn list_page(owner: &str, list: &str, n: usize) -> String {
    format!("{owner}{list}/page/{n}/")
}
