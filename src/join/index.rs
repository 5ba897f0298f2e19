//! The index: what every page asks of the site, answered once.
//!
//! Built right after the join, in one pass over the reports and one over
//! the metrics, it lists the reports and metrics of every city, district,
//! year and topic, counts each place's metrics by pace, and knows which
//! pages each report feeds. Pages look things up here; no page scans all
//! reports or all metrics, so the build grows linearly with the site.

use crate::model::{Basis, Site};
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};

/// Something whose page lists reports and metrics: a city, one of its
/// districts, a year or a topic. Cities, districts and topics are numbered
/// in the order `site.yaml` declares them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Listing {
    City(usize),
    District(usize, usize),
    Year(i32),
    Topic(usize),
}

/// The reports and metrics of one [`Listing`].
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Members {
    /// Indices in `site.reports`, newest first.
    pub reports: Vec<usize>,
    /// Indices in `site.metrics`, by metric id.
    pub metrics: Vec<usize>,
}

/// How many metric places are at each pace, in [`crate::model::Pace::ALL`] order.
pub type PaceCounts = [usize; crate::model::PACES];

/// Everything pages read, computed once.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Index {
    /// Per city, in config order.
    pub cities: Vec<Members>,
    /// Per city, per district, in config order. A district lists the
    /// reports about it or with a figure for it, and the metrics with a
    /// figure for it.
    pub districts: Vec<Vec<Members>>,
    /// Per year that any report or metric is about, newest first.
    pub years: Vec<(i32, Members)>,
    /// Per topic, in config order. A topic lists the reports filed under it
    /// or with a metric of it, and its metrics.
    pub topics: Vec<Members>,
    /// Per city: the metrics of the city as a whole, then of each district,
    /// counted by pace.
    pub paces: Vec<Vec<PaceCounts>>,
    /// Per metric, the city it belongs to (its position in the config).
    pub metric_city: Vec<usize>,
    /// Per report, the city it is about (its position in the config).
    pub report_city: Vec<usize>,
    /// Every place of every metric counted by pace: the sum of `paces`.
    pub pace_total: PaceCounts,
    /// The most recently measured standings that have a share of their
    /// target, newest first: (metric, standing), at most [`HEADLINE`].
    pub headline: Vec<(usize, usize)>,
}

/// How many standings the home page headlines.
pub const HEADLINE: usize = 12;

/// The pages an edit of one report can change, besides the site-wide ones
/// (home, the list of all reports, and the lists of cities, years and
/// topics with their counts).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Feeds {
    /// Report pages: its own, and those of the reports whose figures are
    /// measured against its targets or share a metric with it.
    pub reports: BTreeSet<usize>,
    /// Metric pages: the metrics it states.
    pub metrics: BTreeSet<usize>,
    /// City, district, year and topic pages that list it or one of its
    /// metrics.
    pub listings: BTreeSet<Listing>,
}

impl Index {
    /// Only where each report and metric is (`report_city`, `metric_city`),
    /// which is all a report's own page and files read: made in a moment,
    /// so that a preview can show an edited report before the whole index
    /// is built again. Every list in it is empty.
    pub fn placed(site: &Site) -> Index {
        let cities = &site.config.cities;
        let city_of = |id: &str| cities.iter().position(|c| c.id == id).unwrap_or(0);
        Index {
            report_city: site.reports.iter().map(|r| city_of(&r.city)).collect(),
            metric_city: site.metrics.iter().map(|m| city_of(&m.city)).collect(),
            ..Index::default()
        }
    }

    /// Builds the index of `site`, whose reports and metrics have been joined.
    pub fn build(site: &Site) -> Index {
        let config = &site.config;
        let districts_of: Vec<HashMap<&str, usize>> = config
            .cities
            .iter()
            .map(|c| {
                c.districts
                    .iter()
                    .enumerate()
                    .map(|(i, d)| (&*d.id, i))
                    .collect()
            })
            .collect();
        let district_of =
            |city: usize, id: &str| districts_of.get(city).and_then(|d| d.get(id)).copied();
        // Each metric's topic, by id: looked up for every entry of every
        // report.
        let topic_by_metric: HashMap<&str, usize> = site
            .metrics
            .iter()
            .filter_map(|m| {
                let t = config.topic_position(m.topic.as_deref()?)?;
                Some((m.id.as_str(), t))
            })
            .collect();
        let topic_of: BTreeMap<&str, usize> = config
            .topics
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.as_str(), i))
            .collect();
        let placed = Index::placed(site);
        let mut index = Index {
            cities: vec![Members::default(); config.cities.len()],
            districts: config
                .cities
                .iter()
                .map(|c| vec![Members::default(); c.districts.len()])
                .collect(),
            topics: vec![Members::default(); config.topics.len()],
            paces: config
                .cities
                .iter()
                .map(|c| vec![[0; crate::model::PACES]; c.districts.len() + 1])
                .collect(),
            report_city: placed.report_city,
            metric_city: placed.metric_city,
            ..Index::default()
        };
        let mut years: BTreeMap<i32, Members> = BTreeMap::new();

        // What each report is about, found on every core; then listed in
        // order.
        let about: Vec<(usize, BTreeSet<usize>, BTreeSet<usize>)> = site
            .reports
            .par_iter()
            .zip(&index.report_city)
            .map(|(report, &city)| {
                let mut districts: BTreeSet<usize> = BTreeSet::new();
                let mut topics: BTreeSet<usize> = BTreeSet::new();
                districts.extend(
                    report
                        .district
                        .as_deref()
                        .and_then(|d| district_of(city, d)),
                );
                topics.extend(
                    report
                        .topics
                        .iter()
                        .filter_map(|t| topic_of.get(t.as_str())),
                );
                for d in &report.value_districts {
                    districts.extend(district_of(city, d));
                }
                for entry in &report.metrics {
                    topics.extend(topic_by_metric.get(entry.id.as_str()));
                }
                (city, districts, topics)
            })
            .collect();
        for (r, (report, (city, districts, topics))) in site.reports.iter().zip(about).enumerate() {
            index.cities[city].reports.push(r);
            years.entry(report.year).or_default().reports.push(r);
            for d in districts {
                index.districts[city][d].reports.push(r);
            }
            for t in topics {
                index.topics[t].reports.push(r);
            }
        }

        let mut measured = Vec::new();
        for (m, metric) in site.metrics.iter().enumerate() {
            let city = index.metric_city[m];
            for (s, standing) in metric.standings.iter().enumerate() {
                if standing.progress.is_some() {
                    measured.push((standing.as_of, m, s));
                }
            }
            index.cities[city].metrics.push(m);
            years.entry(metric.year).or_default().metrics.push(m);
            if let Some(t) = metric.topic.as_deref().and_then(|t| topic_of.get(t)) {
                index.topics[*t].metrics.push(m);
            }
            for standing in &metric.standings {
                let place = match standing.district.as_deref() {
                    None => Some(0),
                    Some(d) => district_of(city, d).map(|d| {
                        index.districts[city][d].metrics.push(m);
                        d + 1
                    }),
                };
                if let Some(place) = place
                    && standing.basis != Basis::InDistricts
                {
                    index.paces[city][place][standing.pace as usize] += 1;
                    index.pace_total[standing.pace as usize] += 1;
                }
            }
        }
        index.years = years.into_iter().rev().collect();
        // Newest first; among equal dates, by metric id, then place.
        measured.sort_by(|a, b| b.0.cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
        index.headline = measured
            .into_iter()
            .take(HEADLINE)
            .map(|(_, m, s)| (m, s))
            .collect();
        index
    }

    /// The reports and metrics of `listing`.
    pub fn members(&self, listing: Listing) -> &Members {
        static NONE: Members = Members {
            reports: Vec::new(),
            metrics: Vec::new(),
        };
        match listing {
            Listing::City(c) => &self.cities[c],
            Listing::District(c, d) => &self.districts[c][d],
            Listing::Year(y) => self
                .years
                .iter()
                .find(|(year, _)| *year == y)
                .map_or(&NONE, |(_, m)| m),
            Listing::Topic(t) => &self.topics[t],
        }
    }

    /// The pages that report `r` feeds, found through its own entries: in
    /// time proportional to the report and the metrics it states, not to
    /// the site.
    pub fn feeds(&self, site: &Site, r: usize) -> Feeds {
        let report = &site.reports[r];
        let city = self.report_city[r];
        let config = &site.config.cities[city];
        let district_of = |id: &str| config.district_position(id);
        let topic_of = |id: &str| site.config.topic_position(id);
        let mut feeds = Feeds::default();
        feeds.reports.insert(r);
        feeds.listings.insert(Listing::City(city));
        feeds.listings.insert(Listing::Year(report.year));
        if let Some(d) = report.district.as_deref().and_then(district_of) {
            feeds.listings.insert(Listing::District(city, d));
        }
        for topic in report.topics.iter().filter_map(|t| topic_of(t)) {
            feeds.listings.insert(Listing::Topic(topic));
        }
        for entry in &report.metrics {
            for d in entry.values.iter().filter_map(|v| v.district.as_deref()) {
                feeds
                    .listings
                    .extend(district_of(d).map(|d| Listing::District(city, d)));
            }
            let Some(m) = site.metric(&entry.id) else {
                continue;
            };
            let metric = &site.metrics[m];
            feeds.metrics.insert(m);
            feeds
                .reports
                .extend(metric.reports.iter().map(|&r| r as usize));
            feeds.listings.insert(Listing::Year(metric.year));
            if let Some(t) = metric.topic.as_deref().and_then(topic_of) {
                feeds.listings.insert(Listing::Topic(t));
            }
            for d in metric
                .standings
                .iter()
                .filter_map(|s| s.district.as_deref())
            {
                feeds
                    .listings
                    .extend(district_of(d).map(|d| Listing::District(city, d)));
            }
        }
        feeds
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn fixture() -> Site {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
        let mut config = crate::load::load_config(&root).expect("the fixture's site.yaml");
        // Built before the fixture's deadlines.
        config.built = crate::model::date::Date::parse("2025-07-31").unwrap();
        let loaded = crate::load::reports(&root, &config, None, None);
        assert_eq!(loaded.problems, []);
        let reports = loaded.reports;
        let metrics =
            crate::join::join(&reports, &config, &loaded.unread_ids).expect("the fixture joins");
        Site {
            config,
            reports,
            metrics,
        }
    }

    fn slugs(site: &Site, reports: &[usize]) -> Vec<String> {
        reports
            .iter()
            .map(|&r| site.reports[r].slug.clone())
            .collect()
    }

    fn ids(site: &Site, metrics: &[usize]) -> Vec<String> {
        metrics
            .iter()
            .map(|&m| site.metrics[m].id.clone())
            .collect()
    }

    #[test]
    fn every_listing_knows_its_reports_and_metrics() {
        let site = fixture();
        let index = Index::build(&site);
        // Newest first: the midyear update, then the plan.
        assert_eq!(
            slugs(&site, &index.cities[0].reports),
            ["test-midyear", "test-plan"]
        );
        assert_eq!(
            ids(&site, &index.cities[0].metrics),
            ["test-compounds", "test-gas-mains"]
        );
        // Both reports give a figure for each district; only gas mains is
        // broken down by district.
        for district in &index.districts[0] {
            assert_eq!(
                slugs(&site, &district.reports),
                ["test-midyear", "test-plan"]
            );
            assert_eq!(ids(&site, &district.metrics), ["test-gas-mains"]);
        }
        // The plan is filed under gas; the update states a gas metric.
        assert_eq!(
            slugs(&site, &index.topics[0].reports),
            ["test-midyear", "test-plan"]
        );
        assert_eq!(ids(&site, &index.topics[1].metrics), ["test-compounds"]);
        assert_eq!(index.years.len(), 1);
        assert_eq!(index.years[0].0, 2025);
        assert_eq!(index.members(Listing::Year(2024)), &Members::default());
        // The city as a whole: compounds 15 of 40 by 30 June is behind an
        // even pace; east 6 of 12.5 is behind, west 11.6 of 8 is done.
        assert_eq!(
            index.paces[0],
            [[0, 0, 1, 0, 0, 0], [0, 0, 1, 0, 0, 0], [1, 0, 0, 0, 0, 0]]
        );
        assert_eq!(index.pace_total, [1, 0, 2, 0, 0, 0]);
        assert_eq!(index.headline.len(), 3);
    }

    #[test]
    fn a_plan_feeds_the_updates_measured_against_it() {
        let site = fixture();
        let index = Index::build(&site);
        let plan = site
            .reports
            .iter()
            .position(|r| r.slug == "test-plan")
            .unwrap();
        let update = site
            .reports
            .iter()
            .position(|r| r.slug == "test-midyear")
            .unwrap();
        let feeds = index.feeds(&site, plan);
        assert_eq!(feeds.reports, BTreeSet::from([plan, update]));
        assert_eq!(
            ids(&site, &feeds.metrics.iter().copied().collect::<Vec<_>>()),
            ["test-compounds", "test-gas-mains"]
        );
        assert_eq!(
            feeds.listings,
            BTreeSet::from([
                Listing::City(0),
                Listing::District(0, 0),
                Listing::District(0, 1),
                Listing::Year(2025),
                Listing::Topic(0),
                Listing::Topic(1),
            ])
        );
    }
}
