//! The site configuration as plain data: the site's name and address, and
//! the places and topics that reports may refer to.
//!
//! Places and topics are declared once, each with an ASCII id, because the
//! ids become URLs (`/cities/dongying/kenli/`). Chinese names are shown to
//! readers but never put in paths: transliteration is ambiguous (多音字)
//! and percent-encoded paths are unreadable when shared. Reading and
//! checking `site.yaml` belongs to `load::config`.

use super::DistrictId;
use crate::diagnostic::Place;
use crate::i18n::Language;
use serde::Serialize;

/// The validated site configuration.
#[derive(Debug, Clone, Serialize)]
pub struct Config {
    pub title: String,
    pub description: Option<String>,
    /// Absolute address the site is published at, ending in `/`.
    pub base_url: String,
    /// The path part of `base_url` (`/` or `/renewal/`), prefixed to every link.
    pub base_path: String,
    /// The main edition's `base_path`, the same in every edition: where the
    /// files only the main edition has (the open data) are.
    pub root_path: String,
    pub language: Language,
    /// The site's editions in other scripts, converted by machine from the
    /// same sources, each below `<base_path><tag>/` (see [`Config::edition_path`]).
    pub editions: Vec<Language>,
    /// Who runs the site, for the footer and the `<meta>` tags.
    pub about: About,
    /// The licence the open data is published under (`data_license`).
    pub data_license: License,
    pub theme: String,
    /// Where `site.yaml` names the theme (line 0 when it does not).
    #[serde(skip)]
    pub theme_place: Place,
    /// Whether pages carry SVG charts (on unless `charts: false`).
    pub charts: bool,
    /// How many reports, table rows or data points a list shows per page.
    pub page_size: usize,
    pub cities: Vec<City>,
    pub topics: Vec<Topic>,
    /// Whether every city and district declared in `site.yaml` could be
    /// read: when one could not, a place a report names may be that one,
    /// so an unknown place is not reported until `site.yaml` is fixed.
    #[serde(skip)]
    pub places_complete: bool,
    /// The same for topics.
    #[serde(skip)]
    pub topics_complete: bool,
    /// The day the site is built for (see [`crate::model::date::build_date`]).
    pub built: crate::model::date::Date,
    /// The snapshots in `archive/` that the site publishes, oldest first.
    #[serde(skip)]
    pub archive: Vec<crate::snapshot::Listed>,
}

/// A licence the open data is published under: a known open licence by
/// its SPDX id (`CC-BY-4.0`), or any licence by its address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct License {
    /// Its SPDX id, for a known licence.
    pub id: Option<String>,
    pub title: String,
    pub url: String,
}

/// The open licences `data_license` knows by their SPDX id: id, title,
/// address. Another licence is given by its address.
pub const LICENSES: [(&str, &str, &str); 6] = [
    (
        "CC-BY-4.0",
        "Creative Commons Attribution 4.0 International",
        "https://creativecommons.org/licenses/by/4.0/",
    ),
    (
        "CC0-1.0",
        "Creative Commons Zero v1.0 Universal",
        "https://creativecommons.org/publicdomain/zero/1.0/",
    ),
    (
        "CC-BY-SA-4.0",
        "Creative Commons Attribution Share Alike 4.0 International",
        "https://creativecommons.org/licenses/by-sa/4.0/",
    ),
    (
        "ODC-By-1.0",
        "Open Data Commons Attribution License v1.0",
        "https://opendatacommons.org/licenses/by/1-0/",
    ),
    (
        "ODbL-1.0",
        "Open Data Commons Open Database License v1.0",
        "https://opendatacommons.org/licenses/odbl/1-0/",
    ),
    (
        "PDDL-1.0",
        "Open Data Commons Public Domain Dedication & License 1.0",
        "https://opendatacommons.org/licenses/pddl/1-0/",
    ),
];

/// The licence of a site that names none, the first of [`LICENSES`]:
/// reuse by anyone, for any purpose, with the source credited.
impl Default for License {
    fn default() -> License {
        License::known(&LICENSES[0])
    }
}

impl License {
    /// A licence of [`LICENSES`].
    fn known(&(id, title, url): &(&str, &str, &str)) -> License {
        License {
            id: Some(id.to_string()),
            title: title.to_string(),
            url: url.to_string(),
        }
    }

    /// The licence `written` names: a known SPDX id (matched without
    /// regard to case, as SPDX says), or an http(s) address; `None` for
    /// anything else.
    pub fn named(written: &str) -> Option<License> {
        let written = written.trim();
        if let Some(known) = LICENSES
            .iter()
            .find(|(id, _, _)| id.eq_ignore_ascii_case(written))
        {
            return Some(License::known(known));
        }
        // An address as a browser would take it from a link: no spaces,
        // quotes, angle brackets or control characters.
        let address = (written.starts_with("https://") || written.starts_with("http://"))
            && written.len() > "https://".len()
            && !(written.chars())
                .any(|c| c.is_whitespace() || c.is_control() || "\"'<>\\`{}|^".contains(c));
        address.then(|| License {
            id: None,
            title: written.to_string(),
            url: written.to_string(),
        })
    }
}

/// Who publishes the site and how to reach them: every page's footer.
#[derive(Debug, Clone, Default, Serialize)]
pub struct About {
    /// The body that runs the site (主办单位).
    pub publisher: Option<String>,
    /// An address, telephone or e-mail for readers (联系方式).
    pub contact: Option<String>,
    pub copyright: Option<String>,
    /// The ICP record number Chinese sites show (京ICP备…号), linked to
    /// the MIIT record system.
    pub icp: Option<String>,
    /// The government website code (政府网站标识码), for `SiteIDCode`.
    pub site_id_code: Option<String>,
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
    pub id: DistrictId,
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
    /// Finds a city by id or name.
    pub fn city(&self, key: &str) -> Option<&City> {
        self.cities.iter().find(|c| c.id == key || c.name == key)
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// The position of the topic with `id` in the order site.yaml declares.
    pub fn topic_position(&self, id: &str) -> Option<usize> {
        self.topics.iter().position(|t| t.id == id)
    }
}

impl City {
    /// The position of the district with `id` in the order site.yaml
    /// declares (ids only; reports' spellings are resolved at load time).
    pub fn district_position(&self, id: &str) -> Option<usize> {
        self.districts.iter().position(|d| &*d.id == id)
    }

    /// Finds a district of this city by id, name or another declared name.
    pub fn district(&self, key: &str) -> Option<&District> {
        self.districts
            .iter()
            .find(|d| &*d.id == key || d.name == key || d.other_names.iter().any(|n| n == key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_licence_is_a_known_id_or_a_plain_address() {
        assert_eq!(
            License::named("CC0-1.0").and_then(|l| l.id),
            Some("CC0-1.0".into())
        );
        assert_eq!(
            License::named("cc-by-4.0").and_then(|l| l.id),
            Some("CC-BY-4.0".into())
        );
        let own = License::named("https://example.gov.cn/open-data-terms").unwrap();
        assert_eq!(
            (own.id, own.url.as_str()),
            (None, "https://example.gov.cn/open-data-terms")
        );
        for refused in [
            "署名",
            "https://",
            "https://x.example/\"><script>alert(1)</script>",
            "https://x.example/a b",
            "javascript:alert(1)",
            "ftp://x.example/",
        ] {
            assert_eq!(License::named(refused), None, "{refused}");
        }
    }
}
