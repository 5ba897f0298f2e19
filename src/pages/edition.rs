//! The site's editions: the main one in the site's `language`, and one per
//! script listed in `editions:`, made from the same sources by converting
//! their Chinese text phrase by phrase (see [`crate::i18n::script`]).
//!
//! A report is the source of truth in its own script: the edition in that
//! script shows it as written, and every other edition shows it converted
//! and says so. Names from `site.yaml` (cities, districts, topics, the
//! site's title) are converted for the other editions. Figures, dates,
//! ids and addresses never change, so every page has the same address
//! below each edition's folder, and the index serves every edition.

use crate::i18n::{Language, script};
use crate::model::{Metric, Report, Site, Source};
use rayon::prelude::*;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

/// One edition of the site.
#[derive(Debug, Clone, Serialize)]
pub struct Edition {
    /// The BCP 47 tag of its script (`zh-Hans`, `zh-Hant`).
    pub lang: &'static str,
    #[serde(skip)]
    pub language: Language,
    /// The edition's name in its own script, for the switch on every page.
    pub name: &'static str,
    /// Its folder below the output and below the base path: empty for the
    /// main edition, `zh-hant/` for the others.
    pub folder: String,
    /// Its address path (`/` or `/zh-hant/`, below the site's base path).
    pub base_path: String,
    /// Its full address (`https://example.org/zh-hant/`).
    pub base_url: String,
}

/// The editions of a site with `config`, the main one first.
pub fn all(config: &crate::model::config::Config) -> Vec<Edition> {
    std::iter::once(config.language)
        .chain(config.editions.iter().copied())
        .enumerate()
        .map(|(i, language)| {
            let folder = if i == 0 {
                String::new()
            } else {
                format!("{}/", language.tag().to_ascii_lowercase())
            };
            Edition {
                lang: language.tag(),
                language,
                name: match language {
                    Language::ZhHans => "简体中文",
                    Language::ZhHant => "繁體中文",
                    Language::En => "English",
                },
                base_path: format!("{}{folder}", config.base_path),
                base_url: format!("{}{folder}", config.base_url),
                folder,
            }
        })
        .collect()
}

/// Reports and metrics already shown in one edition, by the report or
/// metric they were made from: a preview keeps them from one build to the
/// next, so that only what an edit changed is converted again. Each entry
/// holds its source, so that no other report can take its address.
#[derive(Default)]
pub struct Converted {
    reports: Made<Report>,
    metrics: Made<Metric>,
}

/// Converted copies by the address of their source: (source, copy).
type Made<T> = HashMap<usize, (Arc<T>, Arc<T>)>;

/// `items` as an edition shows them, each made by `convert` unless `kept`
/// has it from before; `kept` then holds exactly these.
fn converted<T: Clone + Send + Sync>(
    items: &[Arc<T>],
    kept: Option<&mut Made<T>>,
    convert: impl Fn(&mut T) + Sync,
) -> Vec<Arc<T>> {
    let before = kept.as_deref();
    let made: Vec<Arc<T>> = items
        .par_iter()
        .map(
            |item| match before.and_then(|k| k.get(&(Arc::as_ptr(item) as usize))) {
                Some((source, done)) if Arc::ptr_eq(source, item) => Arc::clone(done),
                _ => {
                    let mut copy = T::clone(item);
                    convert(&mut copy);
                    Arc::new(copy)
                }
            },
        )
        .collect();
    if let Some(kept) = kept {
        *kept = items
            .iter()
            .zip(&made)
            .map(|(item, done)| {
                (
                    Arc::as_ptr(item) as usize,
                    (Arc::clone(item), Arc::clone(done)),
                )
            })
            .collect();
    }
    made
}

/// `site` as `edition` shows it: the same site when nothing needs
/// converting (a site with one edition shows every report as written),
/// otherwise a copy in the edition's script. With `kept`, the reports and
/// metrics converted last time are taken from there.
pub fn site_for<'a>(
    site: &'a Site,
    edition: &Edition,
    main: bool,
    kept: Option<&mut Converted>,
) -> Cow<'a, Site> {
    let to = edition.language;
    if site.config.editions.is_empty() {
        return Cow::Borrowed(site);
    }
    let (reports, metrics) = match kept {
        Some(kept) => (Some(&mut kept.reports), Some(&mut kept.metrics)),
        None => (None, None),
    };
    let mut copy = Site {
        config: site.config.clone(),
        reports: converted(&site.reports, reports, |r| report_in(r, to)),
        metrics: converted(&site.metrics, metrics, |m| {
            if script::converts(m.language, to) {
                m.label = script::convert(&m.label, to);
                m.language = to;
            }
            m.unit = script::convert(&m.unit, to);
            convert_opt(&mut m.note, to);
            for s in &mut m.standings {
                convert_opt(&mut s.note, to);
            }
        }),
    };
    if !main {
        let config = &mut copy.config;
        config.language = to;
        config.base_path.clone_from(&edition.base_path);
        config.base_url.clone_from(&edition.base_url);
        config.title = script::convert(&config.title, to);
        convert_opt(&mut config.description, to);
        // Who runs the site, in every page's footer and `Author`; the ICP
        // record number is an official identifier, shown as issued (and
        // marked with its own language).
        let about = &mut config.about;
        for field in [
            &mut about.publisher,
            &mut about.contact,
            &mut about.copyright,
        ] {
            convert_opt(field, to);
        }
        for city in &mut config.cities {
            city.name = script::convert(&city.name, to);
            convert_opt(&mut city.province, to);
            for d in &mut city.districts {
                d.name = script::convert(&d.name, to);
                for name in &mut d.other_names {
                    *name = script::convert(name, to);
                }
            }
        }
        for topic in &mut config.topics {
            topic.name = script::convert(&topic.name, to);
            convert_opt(&mut topic.description, to);
        }
    }
    Cow::Owned(copy)
}

/// Converts `report` to script `to` unless it is written in it. A report
/// in a language that is not Chinese stays as written, but for the names
/// of its source and its units, which pages show among the edition's own
/// text (and a Chinese name in an English report is in one script).
fn report_in(report: &mut Report, to: Language) {
    if let Some(Source {
        publisher,
        outlet,
        title,
        reporter,
        editor,
        ..
    }) = &mut report.source
        && report.language != to
    {
        for field in [publisher, outlet, title, reporter, editor] {
            convert_opt(field, to);
        }
    }
    if !script::converts(report.language, to) {
        if report.language != to {
            for entry in &mut report.metrics {
                convert_opt(&mut entry.unit, to);
            }
        }
        return;
    }
    report.converted_from = Some(report.language);
    report.language = to;
    report.title = script::convert(&report.title, to);
    convert_opt(&mut report.summary, to);
    for entry in &mut report.metrics {
        convert_opt(&mut entry.label, to);
        convert_opt(&mut entry.unit, to);
        convert_opt(&mut entry.note, to);
        for value in &mut entry.values {
            convert_opt(&mut value.note, to);
        }
    }
}

fn convert_opt(text: &mut Option<String>, to: Language) {
    if let Some(t) = text {
        *t = script::convert(t, to);
    }
}

/// A report's Markdown body as `report` (as an edition shows it) reads.
pub fn body_in(report: &Report, body: String) -> String {
    match report.converted_from {
        Some(_) => script::convert(&body, report.language),
        None => body,
    }
}
