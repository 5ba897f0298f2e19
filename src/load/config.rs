//! Reading `site.yaml` into a [`Config`]: every id checked, every problem
//! located.
//!
//! Ids become URL segments, so each must be an ASCII slug and unique where
//! it is declared. Declaring places also lets the build catch a misspelt
//! district in a report.

use super::yaml;
use crate::diagnostic::Diagnostic;
use crate::i18n::{Language, script};
use crate::model::config::{About, City, Config, District, LICENSES, License, Topic};
use serde::Deserialize;
use serde_saphyr::Spanned;

pub const CONFIG_FILE: &str = "site.yaml";

/// Items per list page when `site.yaml` sets no `page_size`.
pub const DEFAULT_PAGE_SIZE: usize = 50;

/// District ids that would clash with a city's list pages
/// (`/cities/<city>/reports/page/2/`).
const RESERVED_DISTRICT_IDS: [&str; 2] = ["reports", "metrics"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: Spanned<String>,
    description: Option<Spanned<String>>,
    base_url: Spanned<String>,
    language: Option<Language>,
    #[serde(default)]
    editions: Vec<Spanned<Language>>,
    publisher: Option<Spanned<String>>,
    contact: Option<Spanned<String>>,
    copyright: Option<Spanned<String>>,
    icp: Option<Spanned<String>>,
    site_id_code: Option<Spanned<String>>,
    data_license: Option<Spanned<String>>,
    theme: Option<Spanned<String>>,
    charts: Option<bool>,
    page_size: Option<Spanned<i64>>,
    cities: Vec<RawCity>,
    #[serde(default)]
    topics: Vec<RawTopic>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCity {
    id: Spanned<String>,
    name: Spanned<String>,
    province: Option<Spanned<String>>,
    #[serde(default)]
    fictional: bool,
    #[serde(default)]
    districts: Vec<RawDistrict>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDistrict {
    id: Spanned<String>,
    name: Spanned<String>,
    #[serde(default)]
    other_names: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    id: Spanned<String>,
    name: Spanned<String>,
    description: Option<Spanned<String>>,
}

/// Reads and validates `site.yaml` text; every problem is returned.
pub fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
    match parse_all(text) {
        (Some(config), problems) if problems.is_empty() => Ok(config),
        (_, problems) => Err(problems),
    }
}

/// Reads `site.yaml` text into a configuration whenever its YAML can be
/// read, together with every problem found in it: reports are still
/// checked against what it declares, so that a mistake in `site.yaml`
/// does not hide the mistakes in reports.
pub fn parse_all(text: &str) -> (Option<Config>, Vec<Diagnostic>) {
    let (raw, mut errors) = yaml::read_recovering::<RawConfig>(text, CONFIG_FILE, 0);
    let Some(mut raw) = raw else {
        return (None, errors);
    };
    let mut decoded = yaml::Decoded::new(text, CONFIG_FILE, 0);
    check_decoded(&mut raw, &mut decoded);
    errors.append(&mut decoded.problems);
    let mut check_id = |id: &Spanned<String>, field: String, seen: &mut Vec<String>| {
        let place = yaml::place(id, 0);
        let problem = if let Err(problem) = check_slug(&id.value) {
            Some(problem)
        } else if seen.contains(&id.value) {
            Some(crate::say!("id-twice", id = &id.value))
        } else {
            None
        };
        if let Some(message) = problem {
            errors.push(Diagnostic::at(
                CONFIG_FILE,
                place.line,
                place.column,
                Some(field),
                message,
            ));
        }
        seen.push(id.value.clone());
    };
    let mut city_ids = Vec::new();
    for (c, city) in raw.cities.iter().enumerate() {
        check_id(&city.id, format!("cities[{c}].id"), &mut city_ids);
        let mut district_ids = Vec::new();
        for (d, district) in city.districts.iter().enumerate() {
            check_id(
                &district.id,
                format!("cities[{c}].districts[{d}].id"),
                &mut district_ids,
            );
        }
    }
    let mut topic_ids = Vec::new();
    for (t, topic) in raw.topics.iter().enumerate() {
        check_id(&topic.id, format!("topics[{t}].id"), &mut topic_ids);
    }
    // A name, or another name, that two districts of a city share would
    // make a report's district ambiguous.
    for (c, city) in raw.cities.iter().enumerate() {
        let mut seen: Vec<(&str, usize)> = Vec::new();
        for (d, district) in city.districts.iter().enumerate() {
            let names = std::iter::once(district.name.value.as_str())
                .chain(district.other_names.iter().map(|n| n.value.as_str()));
            for name in names {
                if let Some(&(_, other)) = seen.iter().find(|(n, o)| *n == name && *o != d) {
                    let place = yaml::place(&district.id, 0);
                    errors.push(Diagnostic::at(
                        CONFIG_FILE,
                        place.line,
                        place.column,
                        Some(format!("cities[{c}].districts[{d}]")),
                        crate::say!(
                            "district-names-collide",
                            name = name,
                            other = &city.districts[other].id.value
                        ),
                    ));
                }
                seen.push((name, d));
            }
        }
    }
    for (c, city) in raw.cities.iter().enumerate() {
        for (d, district) in city.districts.iter().enumerate() {
            if RESERVED_DISTRICT_IDS.contains(&district.id.value.as_str()) {
                let place = yaml::place(&district.id, 0);
                errors.push(Diagnostic::at(
                    CONFIG_FILE,
                    place.line,
                    place.column,
                    Some(format!("cities[{c}].districts[{d}].id")),
                    crate::say!(
                        "district-id-reserved",
                        id = &district.id.value,
                        city = &city.id.value
                    ),
                ));
            }
        }
    }
    if let Some(theme) = &raw.theme
        && !is_folder_name(&theme.value)
    {
        let place = yaml::place(theme, 0);
        errors.push(Diagnostic::at(
            CONFIG_FILE,
            place.line,
            place.column,
            Some("theme".into()),
            crate::say!("theme-name", theme = &theme.value),
        ));
    }
    let data_license = match &raw.data_license {
        None => Some(License::default()),
        Some(written) => {
            let license = License::named(&written.value);
            if license.is_none() {
                let place = yaml::place(written, 0);
                let known: Vec<&str> = LICENSES.iter().map(|(id, _, _)| *id).collect();
                errors.push(Diagnostic::at(
                    CONFIG_FILE,
                    place.line,
                    place.column,
                    Some("data_license".into()),
                    crate::say!(
                        "data-license-unknown",
                        written = &written.value,
                        known = known.join(", ")
                    ),
                ));
            }
            license
        }
    };
    let page_size = match &raw.page_size {
        None => DEFAULT_PAGE_SIZE,
        Some(size) if size.value >= 1 => size.value as usize,
        Some(size) => {
            let place = yaml::place(size, 0);
            errors.push(Diagnostic::at(
                CONFIG_FILE,
                place.line,
                place.column,
                Some("page_size".into()),
                crate::say!(
                    "page-size",
                    size = size.value.to_string(),
                    default = DEFAULT_PAGE_SIZE
                ),
            ));
            DEFAULT_PAGE_SIZE
        }
    };
    let base_path = match base_path_of(&raw.base_url.value) {
        Ok(path) => path,
        Err(message) => {
            let place = yaml::place(&raw.base_url, 0);
            errors.push(Diagnostic::at(
                CONFIG_FILE,
                place.line,
                place.column,
                Some("base_url".into()),
                message,
            ));
            "/".into()
        }
    };
    let language = raw.language.unwrap_or(Language::ZhHans);
    let mut editions = Vec::new();
    for (i, edition) in raw.editions.iter().enumerate() {
        let problem = if !script::converts(language, edition.value) {
            Some(
                if language == Language::En || edition.value == Language::En {
                    crate::say!("edition-english")
                } else {
                    crate::say!("edition-own-language", tag = edition.value.tag())
                },
            )
        } else if editions.contains(&edition.value) {
            Some(crate::say!("edition-twice", tag = edition.value.tag()))
        } else {
            None
        };
        match problem {
            Some(message) => {
                let place = yaml::place(edition, 0);
                errors.push(Diagnostic::at(
                    CONFIG_FILE,
                    place.line,
                    place.column,
                    Some(format!("editions[{i}]")),
                    message,
                ));
            }
            None => editions.push(edition.value),
        }
    }
    let mut base_url = raw.base_url.value.trim().to_string();
    if !base_url.ends_with('/') {
        base_url.push('/');
    }
    // A problem about a place or topic, or one that names no field, may
    // have cost a declaration.
    let touches = |section: &str| {
        errors
            .iter()
            .any(|e| e.field.as_deref().is_none_or(|f| f.starts_with(section)))
    };
    let (places_complete, topics_complete) = (!touches("cities"), !touches("topics"));
    let config = Config {
        places_complete,
        topics_complete,
        built: crate::model::date::today(),
        archive: Vec::new(),
        title: raw.title.value,
        description: raw.description.map(|d| d.value),
        base_url,
        root_path: base_path.clone(),
        base_path,
        language,
        editions,
        about: About {
            publisher: raw.publisher.map(|t| t.value),
            contact: raw.contact.map(|t| t.value),
            copyright: raw.copyright.map(|t| t.value),
            icp: raw.icp.map(|t| t.value),
            site_id_code: raw.site_id_code.map(|t| t.value),
        },
        data_license: data_license.unwrap_or_default(),
        theme_place: raw
            .theme
            .as_ref()
            .map(|t| yaml::place(t, 0))
            .unwrap_or_default(),
        // A name that is refused above is not looked for on disk.
        theme: raw
            .theme
            .map(|t| t.value)
            .filter(|t| is_folder_name(t))
            .unwrap_or_else(|| "default".into()),
        charts: raw.charts.unwrap_or(true),
        page_size,
        cities: raw
            .cities
            .into_iter()
            .map(|c| City {
                id: c.id.value,
                name: c.name.value,
                province: c.province.map(|p| p.value),
                fictional: c.fictional,
                districts: c
                    .districts
                    .into_iter()
                    .map(|d| District {
                        id: d.id.value.into(),
                        name: d.name.value,
                        other_names: d.other_names.into_iter().map(|n| n.value).collect(),
                    })
                    .collect(),
            })
            .collect(),
        topics: raw
            .topics
            .into_iter()
            .map(|t| Topic {
                id: t.id.value,
                name: t.name.value,
                description: t.description.map(|d| d.value),
            })
            .collect(),
    };
    (Some(config), errors)
}

/// Checks every text value of `raw` as YAML decoded it (see
/// [`yaml::Decoded`]), leaving out of each the characters it refuses.
fn check_decoded(raw: &mut RawConfig, decoded: &mut yaml::Decoded) {
    // Words shown to readers, which cannot be blank.
    let mut text = |value: &mut Option<Spanned<String>>, field: &str| {
        if let Some(value) = value {
            decoded.shown(value, || field.to_string());
        }
    };
    text(&mut raw.description, "description");
    text(&mut raw.publisher, "publisher");
    text(&mut raw.contact, "contact");
    text(&mut raw.copyright, "copyright");
    text(&mut raw.icp, "icp");
    text(&mut raw.site_id_code, "site_id_code");
    text(&mut raw.data_license, "data_license");
    if let Some(theme) = &mut raw.theme {
        decoded.text(theme, || "theme".into());
    }
    decoded.shown(&mut raw.title, || "title".into());
    decoded.text(&mut raw.base_url, || "base_url".into());
    for (c, city) in raw.cities.iter_mut().enumerate() {
        decoded.text(&mut city.id, || format!("cities[{c}].id"));
        decoded.shown(&mut city.name, || format!("cities[{c}].name"));
        if let Some(province) = &mut city.province {
            decoded.shown(province, || format!("cities[{c}].province"));
        }
        for (d, district) in city.districts.iter_mut().enumerate() {
            let field = |name: &'static str| move || format!("cities[{c}].districts[{d}].{name}");
            decoded.text(&mut district.id, field("id"));
            decoded.shown(&mut district.name, field("name"));
            for (n, name) in district.other_names.iter_mut().enumerate() {
                decoded.shown(name, || {
                    format!("cities[{c}].districts[{d}].other_names[{n}]")
                });
            }
        }
    }
    for (t, topic) in raw.topics.iter_mut().enumerate() {
        decoded.text(&mut topic.id, || format!("topics[{t}].id"));
        decoded.shown(&mut topic.name, || format!("topics[{t}].name"));
        if let Some(description) = &mut topic.description {
            decoded.shown(description, || format!("topics[{t}].description"));
        }
    }
}

/// Ids that become URL segments: lowercase ASCII letters, digits and `-`.
pub fn check_slug(id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id.len() <= 100
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-');
    if ok {
        Ok(())
    } else {
        Err(crate::say!("slug-invalid", id = id))
    }
}

/// A name that can only be a folder directly inside another: no path
/// separators, no `..`, nothing hidden.
fn is_folder_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn base_path_of(base_url: &str) -> Result<String, String> {
    let url = base_url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| crate::say!("base-url-relative", url = url))?;
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if host.is_empty() || url.contains(['?', '#', ' ']) {
        return Err(crate::say!("base-url-invalid", url = url));
    }
    let mut path = path.to_string();
    if !path.ends_with('/') {
        path.push('/');
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_comes_from_the_address() {
        assert_eq!(base_path_of("https://example.gov.cn").unwrap(), "/");
        assert_eq!(
            base_path_of("https://example.gov.cn/gxgz").unwrap(),
            "/gxgz/"
        );
        assert!(base_path_of("example.gov.cn").is_err());
    }

    #[test]
    fn every_bad_id_is_reported() {
        let text = "title: t\nbase_url: https://x.cn/\ncities:\n  - id: 东营\n    name: 东营市\n  - id: a\n    name: A\n    districts:\n      - id: b\n        name: B\n      - id: b\n        name: C\n";
        let errors = parse(text).unwrap_err();
        let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(
            shown[0].starts_with("site.yaml:4:9: field `cities[0].id`: `东营` cannot be used"),
            "{}",
            shown[0]
        );
        assert!(
            shown[1].contains("cities[1].districts[1].id") && shown[1].contains("declared twice"),
            "{}",
            shown[1]
        );
    }
}
