//! Pages that list: the list of all reports; the directories of cities,
//! years and topics; and the overview of each city, district, year and
//! topic with the later pages of its lists.
//!
//! Cities, districts, years and topics share one shape: an overview with a
//! tally, the first page of its reports and of its metric table, and pages
//! `reports/page/n/` and `metrics/page/n/` below it for the rest. What
//! differs (a city's districts and pace summary, a district's chart) is
//! added by [`about`].

use super::pace::{self, Chart, PaceRow};
use super::paging::{self, Pager};
use super::shared::{Crumb, MetricRow, PlaceLink, ReportLink, Tally};
use super::{List, More, Page, Plan, Shared, Values, View, bare};
use crate::charts::{self, Bar};
use crate::i18n::fill;
use crate::join::index::Listing;
use crate::model::Site;
use crate::model::config::{City, Topic};
use serde::Serialize;
use std::borrow::Cow;
use std::ops::Range;

#[derive(Serialize)]
#[serde(untagged)]
pub enum ListingPage<'a> {
    AllReports {
        reports: Vec<ReportLink<'a>>,
        reports_pager: Option<Pager>,
    },
    Cities {
        cities: Vec<CityEntry<'a>>,
    },
    Years {
        years: Vec<PlaceLink<'a>>,
    },
    Topics {
        topics: Vec<PlaceLink<'a>>,
    },
    Overview(Box<Overview<'a>>),
}

#[derive(Serialize)]
pub struct CityEntry<'a> {
    city: PlaceLink<'a>,
    districts: Vec<PlaceLink<'a>>,
}

/// A city's, district's, year's or topic's own page.
#[derive(Serialize)]
pub struct Overview<'a> {
    reports: Vec<ReportLink<'a>>,
    reports_pager: Option<Pager>,
    metrics: Vec<MetricRow<'a>>,
    metrics_pager: Option<Pager>,
    tally: Tally,
    #[serde(flatten)]
    about: About<'a>,
}

/// What one kind of overview shows besides its lists.
#[derive(Serialize)]
#[serde(untagged)]
pub enum About<'a> {
    City {
        city: &'a City,
        districts: Vec<PlaceLink<'a>>,
        summary_chart: Option<Chart>,
        pace_rows: Vec<PaceRow>,
    },
    District {
        name: &'a str,
        city_name: &'a str,
        city_url: &'a str,
        fictional: bool,
        progress_chart: Option<Chart>,
    },
    Year {
        year: i32,
    },
    Topic {
        topic: &'a Topic,
    },
}

/// The standings of metric `m` that `listing` shows as rows: a district
/// shows its own, every other listing all of them.
pub fn rows_of(site: &Site, listing: Listing, m: usize) -> Range<usize> {
    let metric = &site.metrics[m];
    match listing {
        Listing::District(c, d) => {
            let id = &site.config.cities[c].districts[d].id;
            match metric
                .standings
                .iter()
                .position(|s| s.district.as_ref() == Some(id))
            {
                Some(s) => s..s + 1,
                None => 0..0,
            }
        }
        _ => 0..metric.standings.len(),
    }
}

/// The makings of a listing's pages: its address, title and trail.
struct Owner {
    /// Address below the base path, ending in `/`.
    path: String,
    title: String,
    /// (title, path) from the home page to the listing itself.
    trail: Vec<(String, String)>,
    template: &'static str,
}

fn owner<'a>(shared: &'a Shared<'a>, listing: Listing) -> Owner {
    let config = &shared.site.config;
    match listing {
        Listing::City(c) => {
            let city = &config.cities[c];
            let path = super::path::city(&city.id);
            Owner {
                title: city.name.clone(),
                trail: vec![
                    (shared.t("cities"), "cities/".into()),
                    (city.name.clone(), path.clone()),
                ],
                path,
                template: "city.html",
            }
        }
        Listing::District(c, d) => {
            let city = &config.cities[c];
            let district = &city.districts[d];
            let path = super::path::district(&city.id, &district.id);
            Owner {
                title: format!("{} {}", city.name, district.name),
                trail: vec![
                    (shared.t("cities"), "cities/".into()),
                    (city.name.clone(), super::path::city(&city.id)),
                    (district.name.clone(), path.clone()),
                ],
                path,
                template: "district.html",
            }
        }
        Listing::Year(year) => {
            let path = super::path::year(year);
            let title = fill(&shared.t("year_title"), &[("year", year.to_string())]);
            Owner {
                trail: vec![
                    (shared.t("years"), "years/".into()),
                    (title.clone(), path.clone()),
                ],
                title,
                path,
                template: "year.html",
            }
        }
        Listing::Topic(t) => {
            let topic = &config.topics[t];
            let path = super::path::topic(&topic.id);
            Owner {
                title: topic.name.clone(),
                trail: vec![
                    (shared.t("topics"), "topics/".into()),
                    (topic.name.clone(), path.clone()),
                ],
                path,
                template: "topic.html",
            }
        }
    }
}

fn crumbs<'a>(shared: &'a Shared<'a>, trail: &[(String, String)]) -> Vec<Crumb> {
    let trail: Vec<(&str, &str)> = trail
        .iter()
        .map(|(t, p)| (t.as_str(), p.as_str()))
        .collect();
    shared.crumbs(&trail)
}

pub fn view<'a>(shared: &'a Shared<'a>, plan: &Plan, page: Page) -> View<'a> {
    match page {
        Page::AllReports(n) => all_reports(shared, n),
        Page::Cities => cities(shared),
        Page::Years => years(shared),
        Page::Topics => topics(shared),
        Page::Overview(listing) => overview(shared, plan, listing),
        Page::More(listing, list, n) => more(shared, plan, listing, list, n),
        other => unreachable!("not a listing page: {other:?}"),
    }
}

/// The reports of page `n` when a page holds `size`.
fn page_of(items: &[usize], n: usize, size: usize) -> &[usize] {
    let start = (n - 1).saturating_mul(size).min(items.len());
    &items[start..(start + size).min(items.len())]
}

fn all_reports<'a>(shared: &'a Shared<'a>, n: usize) -> View<'a> {
    let site = shared.site;
    let size = site.config.page_size;
    let all: Vec<usize> = (0..site.reports.len()).collect();
    let pages = paging::count(all.len(), size);
    let list = shared.t("reports");
    let first = shared.url("reports/");
    let mut trail = vec![(list.clone(), "reports/".to_string())];
    if n > 1 {
        let numbered = fill(
            &shared.t("page_numbered"),
            &[
                ("title", list.clone()),
                ("page", n.to_string()),
                ("pages", pages.to_string()),
            ],
        );
        trail.push((numbered, super::path::all_reports(n)));
    }
    let (title, path) = trail.last().cloned().unwrap_or_default();
    let mut view = bare(shared, &path, "reports.html", title, crumbs(shared, &trail));
    view.values = Values::Listing(ListingPage::AllReports {
        reports: shared.report_links(page_of(&all, n, size)),
        reports_pager: shared.pager(&first, &first, n, pages),
    });
    view
}

fn city_link<'a>(shared: &'a Shared<'a>, c: usize) -> PlaceLink<'a> {
    let members = &shared.index.cities[c];
    PlaceLink {
        name: Cow::Borrowed(&shared.places[c][0].name),
        url: Cow::Borrowed(&shared.places[c][0].url),
        reports: members.reports.len(),
        metrics: members.metrics.len(),
        fictional: shared.site.config.cities[c].fictional,
    }
}

fn district_links<'a>(shared: &'a Shared<'a>, c: usize) -> Vec<PlaceLink<'a>> {
    let fictional = shared.site.config.cities[c].fictional;
    shared.index.districts[c]
        .iter()
        .enumerate()
        .map(|(d, members)| PlaceLink {
            name: Cow::Borrowed(&shared.places[c][d + 1].name),
            url: Cow::Borrowed(&shared.places[c][d + 1].url),
            reports: members.reports.len(),
            metrics: members.metrics.len(),
            fictional,
        })
        .collect()
}

fn directory<'a>(shared: &'a Shared<'a>, key: &str) -> View<'a> {
    let title = shared.t(key);
    let path = format!("{key}/");
    let template = match key {
        "cities" => "cities.html",
        "years" => "years.html",
        _ => "topics.html",
    };
    bare(
        shared,
        &path,
        template,
        title.clone(),
        shared.crumbs(&[(&title, &path)]),
    )
}

fn cities<'a>(shared: &'a Shared<'a>) -> View<'a> {
    let mut view = directory(shared, "cities");
    let cities = (0..shared.site.config.cities.len())
        .map(|c| CityEntry {
            city: city_link(shared, c),
            districts: district_links(shared, c),
        })
        .collect();
    view.values = Values::Listing(ListingPage::Cities { cities });
    view
}

fn years<'a>(shared: &'a Shared<'a>) -> View<'a> {
    let mut view = directory(shared, "years");
    let years = shared
        .index
        .years
        .iter()
        .map(|(year, members)| PlaceLink {
            name: Cow::Owned(year.to_string()),
            url: Cow::Owned(shared.url(&super::path::year(*year))),
            reports: members.reports.len(),
            metrics: members.metrics.len(),
            fictional: false,
        })
        .collect();
    view.values = Values::Listing(ListingPage::Years { years });
    view
}

fn topics<'a>(shared: &'a Shared<'a>) -> View<'a> {
    let mut view = directory(shared, "topics");
    let topics = shared
        .site
        .config
        .topics
        .iter()
        .zip(&shared.index.topics)
        .map(|(topic, members)| PlaceLink {
            name: Cow::Borrowed(&topic.name),
            url: Cow::Owned(shared.url(&super::path::topic(&topic.id))),
            reports: members.reports.len(),
            metrics: members.metrics.len(),
            fictional: false,
        })
        .collect();
    view.values = Values::Listing(ListingPage::Topics { topics });
    view
}

/// (metric, standing) of each row on page `n` of `listing`'s metric table.
fn page_rows(shared: &Shared, plan: &Plan, listing: Listing, n: usize) -> Vec<(usize, usize)> {
    let site = shared.site;
    let metrics = &shared.index.members(listing).metrics;
    let starts = &plan.table_starts[&listing];
    let (first_item, first_row) = starts[n - 1];
    let end = starts.get(n).copied();
    let mut rows = Vec::new();
    for (i, &m) in metrics.iter().enumerate().skip(first_item) {
        for (k, s) in rows_of(site, listing, m).enumerate() {
            if i == first_item && k < first_row {
                continue;
            }
            if end == Some((i, k)) {
                return rows;
            }
            rows.push((m, s));
        }
    }
    rows
}

/// The progress chart of a district's table rows, given as (metric,
/// standing): one bar per metric.
fn district_chart<'a>(
    shared: &'a Shared<'a>,
    place: &str,
    rows: &[(usize, usize)],
) -> Option<Chart> {
    let site = shared.site;
    let title = fill(
        &shared.t("chart_district_title"),
        &[("place", place.to_string())],
    );
    shared.chart(title, |title| {
        let bars: Vec<Bar> = rows
            .iter()
            .map(|&(m, s)| {
                let metric = &site.metrics[m];
                Bar::of(metric, &metric.standings[s], metric.label.clone())
            })
            .collect();
        charts::progress("chart-district", title, &bars, shared.strings)
    })
}

fn overview<'a>(shared: &'a Shared<'a>, plan: &Plan, listing: Listing) -> View<'a> {
    let site = shared.site;
    let size = site.config.page_size;
    let own = owner(shared, listing);
    let mut view = bare(
        shared,
        &own.path,
        own.template,
        own.title.clone(),
        crumbs(shared, &own.trail),
    );
    let members = shared.index.members(listing);
    let first = shared.url(&own.path);
    let list_url = |list: List| format!("{first}{}/", list.name());
    let rows = page_rows(shared, plan, listing, 1);
    let tally = Tally::of(
        members.metrics.len(),
        members.metrics.iter().flat_map(|&m| {
            let standings = &site.metrics[m].standings;
            standings[rows_of(site, listing, m)].iter()
        }),
    );
    let about = match listing {
        Listing::City(c) => {
            let pace_rows = pace::rows(shared, c);
            About::City {
                city: &site.config.cities[c],
                districts: district_links(shared, c),
                summary_chart: pace::chart(shared, &pace_rows),
                pace_rows,
            }
        }
        Listing::District(c, d) => {
            let city = &site.config.cities[c];
            About::District {
                name: &city.districts[d].name,
                city_name: &city.name,
                city_url: &shared.places[c][0].url,
                fictional: city.fictional,
                progress_chart: district_chart(shared, &own.title, &rows),
            }
        }
        Listing::Year(year) => About::Year { year },
        Listing::Topic(t) => About::Topic {
            topic: &site.config.topics[t],
        },
    };
    view.values = Values::Listing(ListingPage::Overview(Box::new(Overview {
        reports: shared.report_links(page_of(&members.reports, 1, size)),
        reports_pager: shared.pager(
            &first,
            &list_url(List::Reports),
            1,
            paging::count(members.reports.len(), size),
        ),
        metrics_pager: shared.pager(
            &first,
            &list_url(List::Metrics),
            1,
            plan.table_starts[&listing].len(),
        ),
        metrics: rows.iter().map(|&(m, s)| shared.row(m, s)).collect(),
        tally,
        about,
    })));
    view
}

fn more<'a>(
    shared: &'a Shared<'a>,
    plan: &Plan,
    listing: Listing,
    list: List,
    n: usize,
) -> View<'a> {
    let site = shared.site;
    let size = site.config.page_size;
    let own = owner(shared, listing);
    let members = shared.index.members(listing);
    let first = shared.url(&own.path);
    let list_path = format!("{}{}/", own.path, list.name());
    let pages = match list {
        List::Reports => paging::count(members.reports.len(), size),
        List::Metrics => plan.table_starts[&listing].len(),
    };
    let list_name = match list {
        List::Reports => shared.t("report"),
        List::Metrics => shared.t("metrics"),
    };
    let title = shared.list_title(&own.title, &list_name, n, pages);
    let path = format!("{list_path}page/{n}/");
    let mut trail = own.trail.clone();
    trail.push((title.clone(), path.clone()));
    let mut view = bare(shared, &path, "list.html", title, crumbs(shared, &trail));
    let pager = shared.pager(&first, &shared.url(&list_path), n, pages);
    let owner = Crumb {
        title: own.title.clone(),
        url: first.clone(),
        lang: None,
    };
    let mut more = More {
        list: list.name(),
        owner,
        pager,
        reports: Vec::new(),
        metrics: Vec::new(),
        progress_chart: None,
        points: Vec::new(),
        unit: None,
    };
    match list {
        List::Reports => more.reports = shared.report_links(page_of(&members.reports, n, size)),
        List::Metrics => {
            let rows = page_rows(shared, plan, listing, n);
            more.metrics = rows.iter().map(|&(m, s)| shared.row(m, s)).collect();
            if let Listing::District(..) = listing {
                more.progress_chart = district_chart(shared, &own.title, &rows);
            }
        }
    }
    view.values = Values::More(more);
    view
}
