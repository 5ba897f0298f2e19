//! schema.org `Dataset` descriptions, as JSON-LD, of the pages that offer
//! downloads: the open-data page and the pages that list metrics (the
//! site-wide files), and each report's and metric's page (its own files). Each describes exactly the
//! files its page links, with who publishes them, under which licence,
//! and the years, places and quantities they cover.

use super::{Page, Shared};
use serde_json::{Value, json};

/// What one page's `Dataset` says of its own; the rest (publisher,
/// licence, date) is the site's.
struct Described<'a> {
    name: String,
    description: String,
    url: String,
    /// `2025`, or `2022/2025` for a span of years.
    years: Option<String>,
    /// Each place's label (`明川市 东湖区`).
    places: Vec<&'a str>,
    variables: Vec<Value>,
    /// Each download's path below the main edition's base path, and its
    /// media type.
    downloads: Vec<(String, &'static str)>,
}

/// Who publishes the site's data: its `publisher`, else the site itself.
pub fn publisher(shared: &Shared) -> String {
    let config = &shared.site.config;
    (config.about.publisher.clone()).unwrap_or_else(|| config.title.clone())
}

/// The `Dataset` of the open-data page, named `name`: every site-wide
/// file in `files` (path below the base path, media type), every year and
/// place of the site, and every column of the data as its variables.
pub fn site(shared: &Shared, name: &str, files: &[(String, &'static str)]) -> String {
    let site = shared.site;
    let config = &site.config;
    let first = site.metrics.iter().map(|m| m.year).min();
    let last = site.metrics.iter().map(|m| m.year).max();
    let variables = (crate::model::open_data::COLUMNS.iter())
        .map(|c| {
            json!({
                "@type": "PropertyValue",
                "name": c.name,
                "description": shared.t(&format!("column_{}", c.name)),
            })
        })
        .collect();
    described(
        shared,
        Described {
            name: format!("{name} - {}", config.title),
            description: (config.description.clone()).unwrap_or_else(|| shared.t("data_intro")),
            url: format!("{}{}data/", shared.origin, shared.base),
            years: first.zip(last).map(|(a, b)| format!("{a}/{b}")),
            places: shared
                .places
                .iter()
                .flatten()
                .map(|p| p.label.as_str())
                .collect(),
            variables,
            downloads: files.to_vec(),
        },
    )
}

/// The `Dataset` of a report's or a metric's page (and a metric's later
/// series pages), whose title, description and address are given: its
/// own files, the year and places its figures are for, and each metric it
/// holds with its unit; of a page that lists metrics, the site's (see
/// [`site`]) with the site-wide files it links. `None` for another page,
/// and for a report with no figures, whose page links no downloads.
pub fn page(
    shared: &Shared,
    page: Page,
    (title, description, url): (&str, &str, &str),
    files: &super::Downloads,
) -> Option<String> {
    let site = shared.site;
    let (year, city, metrics, districts): (i32, usize, Vec<usize>, Vec<&str>) = match page {
        Page::Report(r) => {
            let report = &site.reports[r];
            let metrics = (report.metrics.iter())
                .filter_map(|entry| site.metric(&entry.id))
                .collect();
            let districts = report.value_districts.iter().map(|d| &**d).collect();
            (report.year, shared.index.report_city[r], metrics, districts)
        }
        Page::Metric(m) | Page::Series(m, _) => {
            let metric = &site.metrics[m];
            let districts = (metric.standings.iter())
                .filter_map(|s| s.district.as_deref())
                .collect();
            (metric.year, shared.index.metric_city[m], vec![m], districts)
        }
        // The pages that list metrics link the site-wide files: the site's
        // Dataset, as the open-data page describes it, with those files.
        Page::Home | Page::Overview(_) | Page::More(..) => {
            let made = shared.site_dataset.get_or_init(|| {
                let (name, files) = (shared.t("data_title"), downloads(files));
                self::site(shared, &name, &files)
            });
            return Some(made.clone());
        }
        _ => return None,
    };
    if metrics.is_empty() {
        return None;
    }
    let places = std::iter::once(shared.places[city][0].label.as_str())
        .chain(
            districts
                .iter()
                .map(|&d| shared.place(city, Some(d)).label.as_str()),
        )
        .collect();
    let variables = (metrics.iter())
        .map(|&m| {
            let metric = &site.metrics[m];
            json!({"@type": "PropertyValue", "name": metric.label, "unitText": metric.unit})
        })
        .collect();
    Some(described(
        shared,
        Described {
            name: format!("{title} - {}", shared.t("data_title")),
            description: description.to_string(),
            url: url.to_string(),
            years: Some(year.to_string()),
            places,
            variables,
            downloads: downloads(files),
        },
    ))
}

/// `described` with the site's publisher, licence and date, as JSON-LD
/// whose `<` are written `\u003c`, so that no name can close the script
/// the page puts it in.
fn described(shared: &Shared, d: Described) -> String {
    let config = &shared.site.config;
    // The downloads are the main edition's, whichever edition the page is in.
    let download = |path: &str| format!("{}{}{path}", shared.origin, config.root_path);
    let places: Vec<Value> = (d.places.iter())
        .map(|name| json!({"@type": "Place", "name": name}))
        .collect();
    let distribution: Vec<Value> = (d.downloads.iter())
        .map(|(path, kind)| {
            json!({"@type": "DataDownload", "name": path, "encodingFormat": kind, "contentUrl": download(path)})
        })
        .collect();
    let mut dataset = json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": d.name,
        "description": d.description,
        "url": d.url,
        "publisher": {"@type": "Organization", "name": publisher(shared)},
        "license": config.data_license.url,
        "isAccessibleForFree": true,
        "dateModified": config.built.to_string(),
        "spatialCoverage": places,
        "variableMeasured": d.variables,
        "distribution": distribution,
    });
    if let Some(years) = d.years {
        dataset["temporalCoverage"] = years.into();
    }
    let text = serde_json::to_string(&dataset).unwrap_or_default();
    text.replace('<', "\\u003c")
}

/// A page's downloads with their media types.
pub fn downloads(files: &super::Downloads) -> Vec<(String, &'static str)> {
    let paths = [Some(&files.csv), Some(&files.json), files.xlsx.as_ref()];
    (paths.into_iter().flatten())
        .map(|path| (path.clone(), media(path)))
        .collect()
}

/// The media type of a data file, by its name: CSV, a workbook, or JSON
/// (the data, its schemas and its package).
pub fn media(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, extension)| extension) {
        Some("csv") => "text/csv",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/json",
    }
}
