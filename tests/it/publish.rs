//! What the example site publishes beside its pages: the open data holds
//! exactly the figures the pages show, the feeds and sitemap list what they
//! should, and the search index finds reports in either script.

use crate::common::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn built() -> (tempfile::TempDir, PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let result = run(&repo(), &["build", "--output", site.to_str().unwrap()]);
    assert!(result.status.success(), "{}", stderr(&result));
    (out, site)
}

fn csv_rows(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "{}: a byte-order mark",
        path.display()
    );
    assert!(
        String::from_utf8_lossy(&bytes).contains("\r\n"),
        "CRLF line ends"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// The figure cells of a page's indicator table, row by row: (place,
/// target, actual).
fn table_figures(html: &str) -> Vec<(String, String, String)> {
    let Some(start) = html.find("<table class=\"metrics cards\">") else {
        return Vec::new();
    };
    let table = &html[start..start + html[start..].find("</table>").unwrap()];
    let cell = |row: &str, label: &str| -> String {
        let at = row
            .find(&format!("data-label=\"{label}\">"))
            .map(|i| i + label.len() + 14)
            .unwrap();
        let text = &row[at..at + row[at..].find("</td>").unwrap()];
        let shown = visible(text)
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_string();
        // A figure is shown grouped (21,400) and held exactly as written
        // in its <data> element's value.
        match text.split("<data value=\"").nth(1) {
            Some(rest) => {
                let exact = rest.split('"').next().unwrap().to_string();
                assert_eq!(shown.replace(',', ""), exact, "{text}");
                exact
            }
            None => shown,
        }
    };
    table
        .split("<tr class=\"pace-")
        .skip(1)
        .map(|row| (cell(row, "地区"), cell(row, "目标"), cell(row, "完成")))
        .collect()
}

#[test]
fn the_downloads_hold_exactly_the_figures_the_pages_show() {
    let (_out, site) = built();
    let mut reports = 0;
    for entry in std::fs::read_dir(site.join("reports")).unwrap() {
        let folder = entry.unwrap().path();
        if !folder.is_dir() {
            continue;
        }
        let page = read(&folder.join("index.html"));
        let (header, rows) = csv_rows(&folder.join("data.csv"));
        let column = |name: &str| header.iter().position(|h| h == name).unwrap();
        let from_data: Vec<(String, String, String)> = rows
            .iter()
            .map(|r| {
                let place = if r[column("district")].is_empty() {
                    r[column("city")].clone()
                } else {
                    r[column("district")].clone()
                };
                (
                    place,
                    r[column("target")].clone(),
                    r[column("actual")].clone(),
                )
            })
            .collect();
        // The same figures; a report of many places groups its table's
        // rows by place, while its downloads keep the report's order.
        let sorted = |mut rows: Vec<(String, String, String)>| {
            rows.sort();
            rows
        };
        assert_eq!(
            sorted(table_figures(&page)),
            sorted(from_data),
            "{}",
            folder.display()
        );
        // The JSON holds the same rows.
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(folder.join("data.json")).unwrap()).unwrap();
        let columns: Vec<&str> = json["columns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        assert_eq!(columns, header, "the JSON names the CSV's columns");
        let json_rows = json["rows"].as_array().unwrap();
        assert_eq!(json_rows.len(), rows.len());
        for (j, c) in json_rows.iter().zip(&rows) {
            for (i, name) in header.iter().enumerate() {
                let value = match &j[i] {
                    serde_json::Value::Null => String::new(),
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                assert_eq!(value, c[i], "{name}");
            }
        }
        reports += 1;
    }
    assert_eq!(reports, 9);
    // Figures as written: the Dongying plan's 5.70 and the like keep their zeros.
    let (header, rows) = csv_rows(&site.join("data/renewal.csv"));
    assert_eq!(header.len(), 24);
    assert!(rows.iter().any(|r| r.contains(&"42.0".to_string())));
    let pages_link = read(&site.join("metrics/mingchuan-2025-gas-mains/index.html"));
    assert!(pages_link.contains("href=\"/metrics/mingchuan-2025-gas-mains/data.csv\""));
    assert!(
        pages_link.contains("图中数据："),
        "every chart says where its data is"
    );
}

#[test]
fn no_label_can_become_a_spreadsheet_formula() {
    let site = fixture("basic");
    write(
        site.path(),
        "content/2025/formula.md",
        "---\ntitle: \"=HYPERLINK(\\\"http://x\\\")\"\nkind: plan\ncity: test-city\nyear: 2025\npublished: 2025-03-01\nmetrics:\n  - id: formula-metric\n    label: \"@SUM(A1:A9)\"\n    unit: \"+个\"\n    target: 3\n    note: \"-1\"\n---\n",
    );
    let result = run(site.path(), &["build"]);
    assert!(result.status.success(), "{}", stderr(&result));
    let (header, rows) = csv_rows(&site.path().join("output/reports/formula/data.csv"));
    let row = &rows[0];
    let at = |name: &str| &row[header.iter().position(|h| h == name).unwrap()];
    assert_eq!(at("label"), "'@SUM(A1:A9)");
    assert_eq!(at("unit"), "'+个");
    assert_eq!(at("note"), "'-1");
    assert_eq!(at("report_title"), "'=HYPERLINK(\"http://x\")");
    assert_eq!(at("target"), "3");
}

#[test]
fn feeds_follow_the_site_each_city_and_each_district() {
    let (_out, site) = built();
    let all = read(&site.join("feed.xml"));
    assert_eq!(all.matches("<entry>").count(), 9);
    assert!(all.contains("<link rel=\"self\" href=\"https://renewal.example.org/feed.xml\"/>"));
    assert!(
        all.contains("<updated>2026-"),
        "updated as the newest report"
    );
    let qingdao = read(&site.join("cities/qingdao/feed.xml"));
    assert_eq!(qingdao.matches("<entry>").count(), 2, "{qingdao}");
    let laoshan = read(&site.join("cities/qingdao/laoshan/feed.xml"));
    assert!(laoshan.contains("/reports/laoshan-2023-mobilisation/"));
    let hant = read(&site.join("zh-hant/feed.xml"));
    assert!(hant.contains("xml:lang=\"zh-Hant\"") && hant.contains("/zh-hant/reports/"));
    // Pages name their feeds.
    let city = read(&site.join("cities/qingdao/index.html"));
    assert!(city.contains(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"青岛市\" href=\"/cities/qingdao/feed.xml\">"
    ));
}

#[test]
fn the_sitemap_lists_every_page_of_both_editions() {
    let (_out, site) = built();
    let sitemap = read(&site.join("sitemap.xml"));
    let listed: BTreeSet<String> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|s| s[..s.find("</loc>").unwrap()].to_string())
        .collect();
    let pages: BTreeSet<String> = walkdir::WalkDir::new(&site)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.file_name().is_some_and(|n| n == "index.html"))
        .map(|p| {
            let rel = p
                .strip_prefix(&site)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            format!(
                "https://renewal.example.org/{}",
                rel.trim_end_matches("index.html")
            )
        })
        .collect();
    assert_eq!(listed, pages);
    assert!(
        read(&site.join("robots.txt")).contains("Sitemap: https://renewal.example.org/sitemap.xml")
    );
}

/// What the search page does, in Rust: the terms of a query, after its
/// traditional characters are made simplified, and the reports holding all.
fn search(site: &Path, query: &str) -> Vec<String> {
    let json = |name: &str| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(site.join("search").join(name)).unwrap()).unwrap()
    };
    let meta = json("meta.json");
    let chars = json("chars.json");
    let simplified: String = query
        .chars()
        .map(|c| {
            chars[c.to_string()]
                .as_str()
                .map(String::from)
                .unwrap_or(c.to_string())
        })
        .collect();
    let chars: Vec<char> = simplified.chars().collect();
    let terms: Vec<String> = if simplified.is_ascii() {
        simplified
            .split_whitespace()
            .map(str::to_lowercase)
            .collect()
    } else if chars.len() == 1 {
        vec![simplified.clone()]
    } else {
        chars.windows(2).map(|w| w.iter().collect()).collect()
    };
    let files = meta["index_files"].as_u64().unwrap() as u32;
    let mut hits: Option<BTreeSet<u64>> = None;
    for term in &terms {
        let hash = term.bytes().fold(0x811c_9dc5_u32, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        });
        let shard = json(&format!("i-{}.json", hash % files));
        let docs: BTreeSet<u64> = shard[term.as_str()]
            .as_array()
            .map(|a| a.iter().map(|d| d.as_u64().unwrap()).collect())
            .unwrap_or_default();
        hits = Some(match hits {
            None => docs,
            Some(h) => h.intersection(&docs).copied().collect(),
        });
    }
    let per_file = meta["docs_per_file"].as_u64().unwrap();
    hits.unwrap_or_default()
        .into_iter()
        .map(|d| {
            json(&format!("d-{}.json", d / per_file))[(d % per_file) as usize][0]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn search_finds_chinese_inside_words_in_either_script() {
    let (_out, site) = built();
    let laoshan = "reports/laoshan-2023-mobilisation/".to_string();
    assert!(search(&site, "燃气").contains(&"reports/dongying-2022-plan/".to_string()));
    assert!(search(&site, "燃氣").contains(&"reports/dongying-2022-plan/".to_string()));
    assert_eq!(search(&site, "崂山"), search(&site, "嶗山"));
    assert!(search(&site, "崂山").contains(&laoshan));
    assert!(search(&site, "动员").contains(&laoshan));
    assert!(search(&site, "動員").contains(&laoshan));
    assert!(search(&site, "没有这个词组合").is_empty());
}

#[test]
fn search_finds_places_single_characters_and_only_what_readers_see() {
    let (_out, site) = built();
    // A district's name finds every report that gives figures for it,
    // as does its other name.
    let donghu = search(&site, "东湖区");
    for report in [
        "mingchuan-2025-plan",
        "mingchuan-2025-midyear",
        "mingchuan-2025-review",
    ] {
        assert!(
            donghu.contains(&format!("reports/{report}/")),
            "{report}: {donghu:?}"
        );
    }
    let english = search(&site, "Donghu");
    assert!(
        english.contains(&"reports/mingchuan-2025-midyear/".to_string()),
        "{english:?}"
    );
    // The search page offers a place's own page when a query names it:
    // the list it matches names in, each simplified and lowercased.
    let places: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("search/places.json")).unwrap()).unwrap();
    let donghu = places
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p[0] == "cities/mingchuan/donghu/")
        .expect("東湖区 in places.json");
    assert_eq!(donghu[1], "东湖区");
    assert_eq!(donghu[2], "東湖區");
    assert_eq!(donghu[3], "东湖区\ndonghu district");
    // One character finds the reports that hold it anywhere.
    let one = search(&site, "燃");
    assert!(
        one.contains(&"reports/dongying-2022-plan/".to_string()),
        "{one:?}"
    );
    assert!(search(&site, "燃气").iter().all(|r| one.contains(r)));

    // A footnote's label and a link's address are not text a reader sees.
    let fixture = fixture("basic");
    write(
        fixture.path(),
        "content/2025/notes.md",
        "---\ntitle: 附注\nkind: progress\ncity: test-city\nyear: 2025\npublished: 2025-08-01\n---\n\n管网长度[^meters]，详见[公告](https://example.org/hiddenword)。\n\n[^meters]: 以米计。\n",
    );
    let result = run(fixture.path(), &["build"]);
    assert!(result.status.success(), "{}", stderr(&result));
    let out = fixture.path().join("output");
    assert!(search(&out, "meters").is_empty());
    assert!(search(&out, "hiddenword").is_empty());
    assert_eq!(search(&out, "以米计"), ["reports/notes/"]);
    assert_eq!(search(&out, "公告"), ["reports/notes/"]);
}

/// The Frictionless Data Package lists every CSV the site publishes, once,
/// at its address, with the Table Schema whose fields are each CSV's
/// columns in order, and the site's data licence (CC BY 4.0 when site.yaml
/// names none; the one it names otherwise).
#[test]
fn the_data_package_describes_every_csv_with_its_columns_and_the_licence() {
    let (_dir, out) = built();
    let package: serde_json::Value =
        serde_json::from_str(&read(&out.join("data/datapackage.json"))).unwrap();
    let base = "https://renewal.example.org/";
    let listed: BTreeSet<String> = (package["resources"].as_array().unwrap().iter())
        .map(|r| {
            assert_eq!(r["schema"], "tableschema.json", "{r}");
            assert_eq!(r["format"], "csv", "{r}");
            let path = r["path"].as_str().unwrap();
            match path.strip_prefix(base) {
                Some(below) => below.to_string(),
                None => format!("data/{path}"),
            }
        })
        .collect();
    assert_eq!(
        listed.len(),
        package["resources"].as_array().unwrap().len(),
        "each CSV once"
    );
    let written: BTreeSet<String> = walkdir::WalkDir::new(&out)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .map(|p| {
            p.strip_prefix(&out)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .filter(|p| !p.starts_with("zh-hant/") && !p.starts_with("archive/"))
        .collect();
    assert!(written.len() > 50, "{written:?}");
    assert_eq!(listed, written);

    let schema: serde_json::Value =
        serde_json::from_str(&read(&out.join("data/tableschema.json"))).unwrap();
    let fields: Vec<&str> = (schema["fields"].as_array().unwrap().iter())
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    for csv in &written {
        let (header, _) = csv_rows(&out.join(csv));
        assert_eq!(header, fields, "{csv}");
    }
    let licence = &package["licenses"][0];
    assert_eq!(licence["name"], "CC-BY-4.0");
    assert_eq!(
        licence["path"],
        "https://creativecommons.org/licenses/by/4.0/"
    );

    let site = fixture("basic");
    let config = read(&site.path().join("site.yaml"));
    write(
        site.path(),
        "site.yaml",
        format!("{config}data_license: https://example.gov.cn/open-data-terms\n"),
    );
    let result = run(site.path(), &["build"]);
    assert!(result.status.success(), "{}", stderr(&result));
    let package: serde_json::Value =
        serde_json::from_str(&read(&site.path().join("output/data/datapackage.json"))).unwrap();
    assert_eq!(
        package["licenses"][0]["path"],
        "https://example.gov.cn/open-data-terms"
    );
}

/// The open-data page, in both editions: every site-wide download linked,
/// every column of the data with its meaning in the edition's language,
/// the licence, a citation and the data's date, and a schema.org
/// `Dataset` in JSON-LD that describes exactly the files the page links.
#[test]
fn the_data_page_explains_every_download_and_column_and_describes_them_as_a_dataset() {
    let (_dir, out) = built();
    for (folder, column, licence) in [("", "列名", "许可协议"), ("zh-hant/", "欄名", "授權條款")]
    {
        let html = read(&out.join(format!("{folder}data/index.html")));
        assert!(html.contains(column) && html.contains(licence), "{folder}");
        let linked: BTreeSet<String> = (html.match_indices("href=\"/data/"))
            .map(|(at, _)| {
                let rest = &html[at + 6..];
                rest[..rest.find('"').unwrap()].to_string()
            })
            .filter(|href| href != "/data/")
            .collect();
        for file in &linked {
            assert!(out.join(&file[1..]).is_file(), "{folder}: {file}");
        }
        for file in [
            "renewal.csv",
            "renewal.json",
            "renewal.xlsx",
            "datapackage.json",
            "tableschema.json",
        ] {
            assert!(
                linked.contains(&format!("/data/{file}")),
                "{folder}: {file} in {linked:?}"
            );
        }
        for c in renewal::publish::data::COLUMNS.iter() {
            // Its name, its heading in the workbooks, what it means.
            let row = format!("<tr><th scope=\"row\"><code>{}</code><br>", c.name);
            let at = html
                .find(&row)
                .unwrap_or_else(|| panic!("{folder}: {}", c.name));
            let cells = &html[at + row.len()..];
            let cells = &cells[..cells.find("</tr>").unwrap()];
            let (heading, meaning) = cells.split_once("</th><td>").unwrap();
            for text in [heading, meaning.trim_end_matches("</td>")] {
                assert!(
                    !text.trim().is_empty()
                        && !text.contains("column_")
                        && !text.contains("heading_"),
                    "{folder}: {}: {text}",
                    c.name
                );
            }
        }
        assert!(html.contains("https://creativecommons.org/licenses/by/4.0/"));

        let blocks = jsonld_blocks(&html);
        assert_eq!(blocks.len(), 1, "{folder}");
        let dataset: serde_json::Value = serde_json::from_str(blocks[0]).unwrap();
        assert_eq!(dataset["@type"], "Dataset");
        for property in [
            "name",
            "description",
            "publisher",
            "license",
            "temporalCoverage",
            "spatialCoverage",
            "variableMeasured",
            "dateModified",
            "distribution",
        ] {
            assert!(!dataset[property].is_null(), "{folder}: {property}");
        }
        assert_eq!(
            dataset["variableMeasured"].as_array().unwrap().len(),
            renewal::publish::data::COLUMNS.len()
        );
        let described: BTreeSet<String> = (dataset["distribution"].as_array().unwrap().iter())
            .map(|d| {
                let url = d["contentUrl"].as_str().unwrap();
                url.strip_prefix("https://renewal.example.org")
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(
            described, linked,
            "{folder}: the Dataset describes what the page links"
        );
    }
}

/// The pages that list metrics (home, a city, a district, a year, a topic)
/// link the site-wide files, and describe exactly those as the site's
/// `Dataset`, the one the open-data page describes.
#[test]
fn the_pages_that_list_metrics_describe_the_site_wide_files_they_link() {
    let (_dir, out) = built();
    for page in [
        "index.html",
        "cities/dongying/index.html",
        "cities/dongying/kenli/index.html",
        "zh-hant/cities/dezhou/index.html",
    ] {
        let html = read(&out.join(page));
        let blocks = jsonld_blocks(&html);
        assert_eq!(blocks.len(), 1, "{page}");
        let dataset: serde_json::Value = serde_json::from_str(blocks[0]).unwrap();
        // Its landing page is the open-data page of the page's edition.
        let edition = if page.starts_with("zh-hant/") {
            "zh-hant/"
        } else {
            ""
        };
        let data_page = format!("https://renewal.example.org/{edition}data/");
        assert_eq!(dataset["url"].as_str(), Some(data_page.as_str()), "{page}");
        let described: BTreeSet<&str> = (dataset["distribution"].as_array().unwrap().iter())
            .map(|d| d["contentUrl"].as_str().unwrap())
            .collect();
        let linked: BTreeSet<String> = ["csv", "json", "xlsx"]
            .iter()
            .map(|ext| format!("https://renewal.example.org/data/renewal.{ext}"))
            .collect();
        assert_eq!(
            described,
            linked.iter().map(String::as_str).collect(),
            "{page}"
        );
        for file in &linked {
            let path = file.strip_prefix("https://renewal.example.org").unwrap();
            assert!(html.contains(&format!("href=\"{path}\"")), "{page}: {path}");
        }
    }
}

/// Every report's and metric's page, in both editions, carries a
/// schema.org `Dataset` in JSON-LD with the properties data portals read,
/// whose downloads are exactly the data files the page links.
#[test]
fn each_report_and_metric_page_describes_its_own_downloads_as_a_dataset() {
    let (_dir, out) = built();
    let mut pages = 0;
    for folder in ["reports", "metrics", "zh-hant/reports", "zh-hant/metrics"] {
        for entry in std::fs::read_dir(out.join(folder)).unwrap() {
            let page = entry.unwrap().path().join("index.html");
            if !page.is_file() || page.parent().unwrap().ends_with("page") {
                continue;
            }
            let html = read(&page);
            let blocks = jsonld_blocks(&html);
            assert_eq!(blocks.len(), 1, "{}", page.display());
            let dataset: serde_json::Value = serde_json::from_str(blocks[0]).unwrap();
            for property in [
                "name",
                "description",
                "publisher",
                "license",
                "temporalCoverage",
                "spatialCoverage",
                "variableMeasured",
                "dateModified",
            ] {
                assert!(
                    !dataset[property].is_null(),
                    "{}: {property}",
                    page.display()
                );
            }
            assert!(
                !dataset["variableMeasured"].as_array().unwrap().is_empty(),
                "{}",
                page.display()
            );
            let described: BTreeSet<String> = (dataset["distribution"].as_array().unwrap().iter())
                .map(|d| {
                    let url = d["contentUrl"].as_str().unwrap();
                    url.strip_prefix("https://renewal.example.org")
                        .unwrap()
                        .to_string()
                })
                .collect();
            let linked: BTreeSet<String> = (html.match_indices("href=\"/"))
                .map(|(at, _)| {
                    let rest = &html[at + 6..];
                    rest[..rest.find('"').unwrap()].to_string()
                })
                .filter(|href| {
                    [".csv", ".json", ".xlsx"]
                        .iter()
                        .any(|ext| href.ends_with(&format!("/data{ext}")))
                })
                .collect();
            assert!(!linked.is_empty(), "{}", page.display());
            assert_eq!(described, linked, "{}", page.display());
            pages += 1;
        }
    }
    assert!(pages > 150, "{pages}");
}

/// The entries of a ZIP package (an XLSX workbook) by name, each checked
/// against the CRC-32 its directory gives: read from the central
/// directory, as spreadsheet programs read them.
pub fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, Vec<u8>> {
    use std::io::Read;
    let u16_at = |at: usize| u16::from_le_bytes([bytes[at], bytes[at + 1]]) as usize;
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
    let end = bytes.len() - 22;
    assert_eq!(u32_at(end), 0x0605_4b50, "the directory's end");
    let (count, mut at) = (u16_at(end + 10), u32_at(end + 16));
    let mut entries = std::collections::BTreeMap::new();
    for _ in 0..count {
        assert_eq!(u32_at(at), 0x0201_4b50, "a directory record");
        let (method, crc) = (u16_at(at + 10), u32_at(at + 16) as u32);
        let (compressed, len) = (u32_at(at + 20), u32_at(at + 24));
        let name_len = u16_at(at + 28);
        let skip = name_len + u16_at(at + 30) + u16_at(at + 32);
        let name = String::from_utf8(bytes[at + 46..at + 46 + name_len].to_vec()).unwrap();
        let local = u32_at(at + 42);
        assert_eq!(u32_at(local), 0x0403_4b50, "{name}: its local header");
        let data = local + 30 + u16_at(local + 26) + u16_at(local + 28);
        assert_eq!(method, 8, "{name}: deflated");
        let mut xml = Vec::new();
        flate2::read::DeflateDecoder::new(&bytes[data..data + compressed])
            .read_to_end(&mut xml)
            .unwrap();
        assert_eq!(xml.len(), len, "{name}: its length");
        let mut hasher = crc32fast::Hasher::new();
        hasher.update(&xml);
        assert_eq!(hasher.finalize(), crc, "{name}: its checksum");
        entries.insert(name, xml);
        at += 46 + skip;
    }
    entries
}

/// The rows of a workbook's first sheet as a reader sees them, each cell
/// as text: a number as the decimals its format shows, a true or false
/// as the CSV writes it, an empty cell as "".
fn sheet_rows(workbook: &[u8]) -> Vec<Vec<String>> {
    let entries = unzip(workbook);
    let styles = String::from_utf8(entries["xl/styles.xml"].clone()).unwrap();
    let styles = roxmltree::Document::parse(&styles).unwrap();
    let formats: std::collections::BTreeMap<String, String> = (styles.descendants())
        .filter(|n| n.has_tag_name("numFmt"))
        .map(|n| {
            let id = n.attribute("numFmtId").unwrap().to_string();
            (id, n.attribute("formatCode").unwrap().to_string())
        })
        .collect();
    let cell_formats: Vec<Option<String>> = (styles.descendants())
        .find(|n| n.has_tag_name("cellXfs"))
        .unwrap()
        .children()
        .filter(|n| n.has_tag_name("xf"))
        .map(|xf| formats.get(xf.attribute("numFmtId").unwrap()).cloned())
        .collect();
    let sheet = String::from_utf8(entries["xl/worksheets/sheet1.xml"].clone()).unwrap();
    let sheet = roxmltree::Document::parse(&sheet).unwrap();
    (sheet.descendants())
        .filter(|n| n.has_tag_name("row"))
        .map(|row| {
            (row.children())
                .filter(|c| c.has_tag_name("c"))
                .map(|c| {
                    let text = |tag: &str| {
                        (c.descendants().find(|n| n.has_tag_name(tag)))
                            .and_then(|n| n.text())
                            .unwrap_or_default()
                            .to_string()
                    };
                    match c.attribute("t") {
                        Some("inlineStr") => text("t"),
                        Some("b") => (text("v") == "1").to_string(),
                        _ if c.children().next().is_none() => String::new(),
                        _ => {
                            // A number, shown in its format's decimals.
                            let value: f64 = text("v").parse().unwrap();
                            let style: usize = c.attribute("s").unwrap_or("0").parse().unwrap();
                            let decimals = match &cell_formats[style] {
                                Some(code) => code.split_once('.').map_or(0, |(_, d)| d.len()),
                                None => 0,
                            };
                            format!("{value:.decimals$}")
                        }
                    }
                })
                .collect()
        })
        .collect()
}

/// Every workbook (the site's and each metric's) holds exactly the rows
/// of the CSV beside it, cell by cell, compared as text: each figure
/// shown as the report wrote it (`5.70` as 5.70), headed in the site's
/// language.
#[test]
fn the_workbooks_hold_every_figure_of_the_csv_cell_by_cell() {
    let (_dir, out) = built();
    let mut workbooks = vec![out.join("data/renewal.xlsx")];
    for entry in std::fs::read_dir(out.join("metrics")).unwrap() {
        let workbook = entry.unwrap().path().join("data.xlsx");
        if workbook.is_file() {
            workbooks.push(workbook);
        }
    }
    assert!(workbooks.len() > 50, "a workbook for each metric");
    let (mut figures, mut decimals) = (0, 0);
    for workbook in &workbooks {
        let rows = sheet_rows(&std::fs::read(workbook).unwrap());
        let (header, records) = csv_rows(&workbook.with_extension("csv"));
        assert_eq!(rows[0].len(), header.len(), "{}", workbook.display());
        assert_eq!(
            (&rows[0][0], &rows[0][11]),
            (&"指标编号".to_string(), &"目标".to_string()),
            "headed in the site's language"
        );
        assert_eq!(rows.len() - 1, records.len(), "{}", workbook.display());
        for (row, record) in rows[1..].iter().zip(&records) {
            for ((cell, csv), name) in row.iter().zip(record).zip(&header) {
                // The CSV guards a text that a spreadsheet would take for a
                // formula; a workbook's text cell never is one.
                let csv = match csv.strip_prefix('\'') {
                    Some(text) if text.starts_with(['=', '+', '-', '@']) => text,
                    _ => csv.as_str(),
                };
                assert_eq!(cell, csv, "{}: {name}", workbook.display());
                if ["target", "actual", "baseline"].contains(&name.as_str()) && !csv.is_empty() {
                    figures += 1;
                    decimals += usize::from(csv.ends_with('0') && csv.contains('.'));
                }
            }
        }
    }
    assert!(figures > 500, "{figures} figures compared");
    assert!(decimals > 0, "a figure such as 5.70 keeps its last 0");
}
