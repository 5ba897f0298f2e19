//! The site configuration, `site.yaml`: the site's name and address, and
//! the places and topics that reports may refer to.
//!
//! Places and topics are declared once here, each with an ASCII id, because
//! the ids become URLs (`/cities/dongying/kenli/`). Chinese names are shown
//! to readers but never put in paths: transliteration is ambiguous (多音字)
//! and percent-encoded paths are unreadable when shared. Declaring them also
//! lets the build catch a misspelt district in a report.

use crate::diagnostic::Diagnostic;
use crate::model::Language;
use crate::yaml;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

pub const CONFIG_FILE: &str = "site.yaml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: String,
    description: Option<String>,
    base_url: Spanned<String>,
    language: Option<Language>,
    theme: Option<String>,
    charts: Option<bool>,
    cities: Vec<RawCity>,
    #[serde(default)]
    topics: Vec<RawTopic>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCity {
    id: Spanned<String>,
    name: String,
    province: Option<String>,
    #[serde(default)]
    fictional: bool,
    #[serde(default)]
    districts: Vec<RawDistrict>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDistrict {
    id: Spanned<String>,
    name: String,
    #[serde(default)]
    other_names: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    id: Spanned<String>,
    name: String,
    description: Option<String>,
}

/// The validated site configuration.
#[derive(Debug, Clone, Serialize)]
pub struct Config {
    pub title: String,
    pub description: Option<String>,
    /// Absolute address the site is published at, ending in `/`.
    pub base_url: String,
    /// The path part of `base_url` (`/` or `/renewal/`), prefixed to every link.
    pub base_path: String,
    pub language: Language,
    pub theme: String,
    /// Whether pages carry SVG charts (on unless `charts: false`).
    pub charts: bool,
    pub cities: Vec<City>,
    pub topics: Vec<Topic>,
}

#[derive(Debug, Clone, Serialize)]
pub struct City {
    pub id: String,
    pub name: String,
    pub province: Option<String>,
    pub fictional: bool,
    pub districts: Vec<District>,
}

#[derive(Debug, Clone, Serialize)]
pub struct District {
    pub id: String,
    pub name: String,
    pub other_names: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Topic {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
}

impl Config {
    /// Reads and validates `site.yaml` text; every problem is returned.
    pub fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        let raw: RawConfig = yaml::parse(text, CONFIG_FILE, 0).map_err(|d| vec![d])?;
        let mut errors = Vec::new();
        let mut check_id = |id: &Spanned<String>, field: String, seen: &mut Vec<String>| {
            let place = yaml::place(id, 0);
            let problem = if let Err(problem) = check_slug(&id.value) {
                Some(problem)
            } else if seen.contains(&id.value) {
                Some(format!("id `{}` is declared twice", id.value))
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
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut base_url = raw.base_url.value.trim().to_string();
        if !base_url.ends_with('/') {
            base_url.push('/');
        }
        Ok(Config {
            title: raw.title,
            description: raw.description,
            base_url,
            base_path,
            language: raw.language.unwrap_or(Language::ZhHans),
            theme: raw.theme.unwrap_or_else(|| "default".into()),
            charts: raw.charts.unwrap_or(true),
            cities: raw
                .cities
                .into_iter()
                .map(|c| City {
                    id: c.id.value,
                    name: c.name,
                    province: c.province,
                    fictional: c.fictional,
                    districts: c
                        .districts
                        .into_iter()
                        .map(|d| District {
                            id: d.id.value,
                            name: d.name,
                            other_names: d.other_names,
                        })
                        .collect(),
                })
                .collect(),
            topics: raw
                .topics
                .into_iter()
                .map(|t| Topic {
                    id: t.id.value,
                    name: t.name,
                    description: t.description,
                })
                .collect(),
        })
    }

    /// Finds a city by id or name.
    pub fn city(&self, key: &str) -> Option<&City> {
        self.cities.iter().find(|c| c.id == key || c.name == key)
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }
}

impl City {
    /// Finds a district of this city by id, name or another declared name.
    pub fn district(&self, key: &str) -> Option<&District> {
        self.districts
            .iter()
            .find(|d| d.id == key || d.name == key || d.other_names.iter().any(|n| n == key))
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
        Err(format!(
            "`{id}` cannot be used in addresses: use lowercase letters a-z, digits and `-` (e.g. `dongying-2022-gas-lines`); Chinese names go in `name`/`label`"
        ))
    }
}

fn base_path_of(base_url: &str) -> Result<String, String> {
    let url = base_url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| {
            format!("`{url}` must be an absolute address starting with https:// or http://")
        })?;
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if host.is_empty() || url.contains(['?', '#', ' ']) {
        return Err(format!(
            "`{url}` is not a site address like https://example.gov.cn/renewal/"
        ));
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
        let errors = Config::parse(text).unwrap_err();
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
