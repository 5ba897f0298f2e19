//! The example site in `content/` built by the real binary: the pages a
//! citizen opens, the figures of the five source reports, the fictional
//! city's series, working links, and byte-identical rebuilds.

use crate::common::*;
use std::path::Path;

fn build_example() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("site");
    let result = run(&repo(), &["build", "--output", target.to_str().unwrap()]);
    assert!(
        result.status.success(),
        "example site must build:\n{}",
        stderr(&result)
    );
    assert!(
        stdout(&result).contains("built 9 reports"),
        "{}",
        stdout(&result)
    );
    out
}

fn page(out: &Path, path: &str) -> String {
    read(&out.join("site").join(path))
}

#[test]
fn the_dezhou_review_shows_its_results_and_attribution() {
    let out = build_example();
    let html = page(out.path(), "reports/dezhou-2022-review/index.html");
    let text = visible(&html);
    assert!(
        text.contains("77 77 个 100% 已完成"),
        "77 of 77 compounds, 100%: {text}"
    );
    assert!(text.contains("3553"), "parking spaces");
    assert!(text.contains("12.8"), "water mains");
    assert!(
        text.contains("记者 ： 蔡新雨") || text.contains("记者 蔡新雨"),
        "reporter: {text}"
    );
    assert!(text.contains("霍艳英"), "responsible editor");
    assert!(text.contains("鲁网"), "outlet");
}

#[test]
fn the_laoshan_report_is_published_as_written_and_converted_for_simplified_readers() {
    let out = build_example();
    // The traditional edition shows the report exactly as written.
    let original = page(
        out.path(),
        "zh-hant/reports/laoshan-2023-mobilisation/index.html",
    );
    assert!(original.contains("<html lang=\"zh-Hant\">"));
    assert!(
        !original.contains("class=\"notice\"") && !original.contains("自動轉換"),
        "the original is not said to be converted"
    );
    let source = read(&repo().join("content/2023/laoshan-2023-mobilisation.md"));
    let paragraph = source
        .lines()
        .find(|l| l.starts_with("嶗山區把2023年定為「突破提升年」"))
        .unwrap();
    assert!(original.contains(paragraph), "the paragraph as written");
    let text = visible(&original);
    assert!(
        text.contains("194 110 個 56.7%"),
        "110 of 194 projects: {text}"
    );
    assert!(
        text.contains("100 145 % 145% 已完成"),
        "investment 145%: {text}"
    );
    assert!(text.contains("1,006 億元"), "total investment");
    assert!(
        text.contains("全部報告") && !text.contains("全部报告"),
        "{text}"
    );

    // The simplified edition converts it, says so and links the original.
    let converted = page(out.path(), "reports/laoshan-2023-mobilisation/index.html");
    assert!(converted.contains("<html lang=\"zh-Hans\">"));
    assert!(
        !converted.contains("lang=\"zh-Hant\"><"),
        "no part left in traditional"
    );
    let text = visible(&converted);
    assert!(text.contains("崂山区把2023年定为“突破提升年”"), "{text}");
    assert!(text.contains("194 110 个 56.7%"), "{text}");
    assert!(
        text.contains("本报告原文为繁体中文，此页由计算机自动转换为简体"),
        "{text}"
    );
    assert!(converted.contains(
        "<a href=\"/zh-hant/reports/laoshan-2023-mobilisation/\" hreflang=\"zh-Hant\">阅读原文</a>"
    ));
}

#[test]
fn every_page_has_a_traditional_edition_linked_both_ways() {
    let out = build_example();
    let site = out.path().join("site");
    let pages: Vec<String> = walkdir::WalkDir::new(&site)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| {
            p.strip_prefix(&site)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|p| !p.starts_with("zh-hant/"))
        .collect();
    assert!(pages.len() > 100);
    for path in &pages {
        let hans = read(&site.join(path));
        let hant = read(&site.join("zh-hant").join(path));
        assert!(hant.contains("<html lang=\"zh-Hant\">"), "{path}");
        let address = path
            .trim_end_matches("index.html")
            .trim_end_matches("404.html");
        for html in [&hans, &hant] {
            for (lang, prefix) in [("zh-Hans", ""), ("zh-Hant", "zh-hant/")] {
                let alternate = format!(
                    "<link rel=\"alternate\" hreflang=\"{lang}\" href=\"https://renewal.example.org/{prefix}{address}\">"
                );
                assert!(html.contains(&alternate), "{path}: {alternate}");
            }
        }
        assert!(
            hant.contains("繁體中文") && hant.contains("简体中文"),
            "{path}: the switch"
        );
        // The interface is in traditional script throughout.
        for simplified in ["全部报告", "城市与区县", "按领域", "数据来自"] {
            assert!(!hant.contains(simplified), "{path}: {simplified}");
        }
        // Figures never change between editions.
        let figures = |html: &str| -> Vec<String> {
            html.split("<td class=\"num\"")
                .skip(1)
                .map(|cell| {
                    let value = &cell[cell.find('>').unwrap() + 1..];
                    value.split(['<', ' ']).next().unwrap().to_string()
                })
                .collect()
        };
        assert_eq!(figures(&hans), figures(&hant), "{path}");
    }
    let dezhou = visible(&read(
        &site.join("zh-hant/reports/dezhou-2022-review/index.html"),
    ));
    assert!(
        dezhou.contains("本報告原文為簡體中文，此頁由電腦自動轉換為繁體"),
        "{dezhou}"
    );
    assert!(
        dezhou.contains("本繁體版由簡體版經電腦自動轉換而成"),
        "{dezhou}"
    );
}

#[test]
fn dongying_waste_sorting_is_broken_down_by_district() {
    let out = build_example();
    let text = visible(&page(
        out.path(),
        "metrics/dongying-2022-waste-sorting-model-areas/index.html",
    ));
    for row in [
        "东营区 2 个",
        "垦利区 2 个",
        "河口区 1 个",
        "广饶县 1 个",
        "利津县 1 个",
        "东营开发区 1 个",
    ] {
        assert!(text.contains(row), "{row} in: {text}");
    }
    let district = visible(&page(out.path(), "cities/dongying/kenli/index.html"));
    assert!(
        district.contains("生活垃圾分类模范片区"),
        "the district page lists its metric"
    );
}

#[test]
fn the_fictional_city_has_a_series_and_says_it_is_fictional() {
    let out = build_example();
    let metric = visible(&page(
        out.path(),
        "metrics/mingchuan-2025-gas-mains/index.html",
    ));
    for date in ["2025-02-20", "2025-06-30", "2025-09-30", "2025-12-31"] {
        assert!(metric.contains(date), "series point {date}: {metric}");
    }
    let report = visible(&page(
        out.path(),
        "reports/mingchuan-2025-review/index.html",
    ));
    assert!(report.contains("虚构示例"), "fictional notice");
    let real = visible(&page(out.path(), "reports/dezhou-2022-review/index.html"));
    assert!(
        !real.contains("虚构示例"),
        "no fictional notice on a real city's report"
    );
}

#[test]
fn every_page_kind_exists_with_readable_addresses() {
    let out = build_example();
    for path in [
        "index.html",
        "404.html",
        "style.css",
        "reports/index.html",
        "reports/dongying-2022-plan/index.html",
        "reports/qingdao-2024-city-management/index.html",
        "reports/dongchangfu-2023-work-report/index.html",
        "cities/index.html",
        "cities/qingdao/index.html",
        "cities/qingdao/laoshan/index.html",
        "cities/liaocheng/dongchangfu/index.html",
        "cities/mingchuan/jingkai/index.html",
        "years/index.html",
        "years/2022/index.html",
        "years/2024/index.html",
        "topics/index.html",
        "topics/gas/index.html",
        "metrics/dongying-2022-gas-lines/index.html",
    ] {
        assert!(
            out.path().join("site").join(path).is_file(),
            "{path} missing"
        );
    }
    let home = visible(&page(out.path(), "index.html"));
    assert!(home.contains("最新报告"), "home lists latest reports");
    assert!(
        home.contains("东营市") && home.contains("明川市"),
        "home lists cities"
    );
}

#[test]
fn every_internal_link_leads_to_a_page() {
    let out = build_example();
    let broken = broken_links(&out.path().join("site"));
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn two_builds_are_byte_identical() {
    let a = build_example();
    let b = build_example();
    let (sa, sb) = (
        snapshot(&a.path().join("site")),
        snapshot(&b.path().join("site")),
    );
    assert_eq!(sa.keys().collect::<Vec<_>>(), sb.keys().collect::<Vec<_>>());
    for (path, bytes) in &sa {
        assert!(sb[path] == *bytes, "{path} differs between builds");
    }
}

#[test]
fn check_validates_without_writing() {
    let site = example_site();
    let result = run(site.path(), &["check"]);
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(
        stdout(&result).starts_with("ok: 9 reports"),
        "{}",
        stdout(&result)
    );
    assert!(
        !site.path().join("output").exists(),
        "check must not write output"
    );
}

/// The number after `label` in `text` ("已完成3项" → 3).
fn count_after(text: &str, label: &str) -> usize {
    let at = text
        .find(label)
        .unwrap_or_else(|| panic!("{label} in {text}"))
        + label.len();
    let digits: String = text[at..]
        .chars()
        .skip_while(|c| c.is_whitespace())
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("a count after {label}: {text}"))
}

#[test]
fn every_count_agrees_with_the_rows_it_counts() {
    let out = build_example();
    let site = out.path().join("site");
    let paces = ["done", "on-track", "behind", "no-data", "no-target"];
    let mut checked = 0;
    let pages = walkdir::WalkDir::new(&site)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"));
    for path in pages {
        let html = read(&path);
        // The traditional-script edition counts in its own words.
        let hant = path.starts_with(site.join("zh-hant"));
        let (words, elsewhere, zero) = if hant {
            (
                ["已完成", "按期推進", "進度落後", "暫無數據", "無目標"],
                "見各區縣",
                "目標為0",
            )
        } else {
            (
                ["已完成", "按期推进", "进度落后", "暂无数据", "无目标"],
                "见各区县",
                "目标为0",
            )
        };
        let Some(svg) = chart(&html, "chart-progress").or_else(|| chart(&html, "chart-district"))
        else {
            continue;
        };
        let desc = &svg[svg.find("<desc").unwrap()..svg.find("</desc>").unwrap()];
        let table = &html[html.find("<table class=\"metrics").unwrap()..];
        let table = &table[..table.find("</table>").unwrap()];
        for (pace, word) in paces.iter().zip(words) {
            let rows = table
                .split("<tr class=\"pace-")
                .skip(1)
                .filter(|row| row.starts_with(&format!("{pace}\"")))
                .filter(|row| !row.contains(elsewhere))
                .count();
            assert_eq!(count_after(desc, word), rows, "{word} in {desc}");
            // Each row names its pace in the same words as the chart.
            for row in table.split("<tr class=\"pace-").skip(1) {
                if row.starts_with(&format!("{pace}\"")) && !row.contains(zero) {
                    assert!(row.contains(word), "{row}");
                }
            }
        }
        checked += 1;
    }
    assert!(checked > 10, "only {checked} pages have a progress chart");

    // The home page's boxes count what its summary chart counts.
    let home = read(&site.join("index.html"));
    let svg = chart(&home, "chart-summary").expect("summary chart");
    let desc = &svg[svg.find("<desc").unwrap()..svg.find("</desc>").unwrap()];
    let tally = visible(&home[home.find("class=\"tally-counts\"").unwrap()..]);
    assert_eq!(
        count_after(&tally, "按地区计（城市整体和各区县分别计）："),
        count_after(desc, "按地区计共")
    );
    for word in ["已完成", "按期推进", "进度落后", "暂无数据", "无目标"] {
        assert_eq!(count_after(&tally, word), count_after(desc, word), "{word}");
    }
}

/// `html` without its charts (`<svg class="chart-svg …">…</svg>`).
fn without_charts(html: &str) -> String {
    let mut rest = html;
    let mut out = String::new();
    while let Some(start) =
        rest.find("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg ")
    {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("</svg>").expect("a closed chart") + start + "</svg>".len();
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn the_home_page_and_every_report_page_stay_light() {
    let out = build_example();
    let site = out.path().join("site");
    let css = std::fs::metadata(site.join("style.css")).unwrap().len() as usize;
    let mut pages = vec!["index.html".to_string(), "zh-hant/index.html".to_string()];
    for entry in std::fs::read_dir(site.join("reports")).unwrap() {
        let slug = entry.unwrap().file_name().to_string_lossy().into_owned();
        if slug != "index.html" {
            pages.push(format!("reports/{slug}/index.html"));
            pages.push(format!("zh-hant/reports/{slug}/index.html"));
        }
    }
    for page in &pages {
        // The only script is inline, so the page and the stylesheet are all
        // a reader downloads besides the charts.
        let html = read(&site.join(page));
        let weight = without_charts(&html).len() + css;
        assert!(weight < 50 * 1024, "{page}: {weight} bytes of HTML and CSS");
    }
}

#[test]
fn every_page_has_a_description_of_its_own() {
    let out = build_example();
    let site = out.path().join("site");
    let mut seen: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
    for path in walkdir::WalkDir::new(&site)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        let html = read(&path);
        let at = html
            .find("<meta name=\"description\" content=\"")
            .expect("a description")
            + "<meta name=\"description\" content=\"".len();
        let description = html[at..at + html[at..].find('"').unwrap()].to_string();
        assert!(!description.is_empty(), "{}", path.display());
        let name = path.strip_prefix(&site).unwrap().display().to_string();
        // Within one edition: an English report reads the same in both.
        let edition = name.starts_with("zh-hant/");
        if let Some(other) = seen.insert(format!("{edition} {description}"), name.clone()) {
            panic!("{name} and {other} share the description {description}");
        }
    }
}

/// Every text a page of the traditional edition shows is in traditional
/// script, unless it is marked with a language of its own: the site's
/// publisher, contact and copyright from site.yaml, the `Author` tag, a
/// report's source, and the names in an English report, too.
#[test]
fn every_text_of_the_traditional_edition_is_in_its_script_unless_marked_otherwise() {
    use renewal::i18n::{Language, script};
    let site = example_site();
    let root = site.path();
    // An English report (on the invented city) that names its Chinese
    // source as written.
    write(
        root,
        "content/2025/mingchuan-2025-english.md",
        "---\ntitle: Mingchuan in 2025, a note in English\nkind: progress\ncity: mingchuan\nyear: 2025\npublished: 2025-12-20\nlanguage: en\nsource:\n  publisher: 明川市住房和城乡建设局\n  title: 明川市城市更新进展\n---\nA note without figures.\n",
    );
    let result = run(root, &["build"]);
    assert!(result.status.success(), "{}", stderr(&result));
    let hant = root.join("output/zh-hant");
    let mut leaks = Vec::new();
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(&hant)
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        pages += 1;
        let html = read(entry.path());
        for (lang, text) in texts_with_lang(&html) {
            if lang == "zh-Hant" && script::convert(&text, Language::ZhHant) != text {
                leaks.push(format!("{}: {text}", entry.path().display()));
            }
        }
    }
    assert!(pages > 100, "{pages}");
    leaks.sort();
    leaks.dedup();
    assert!(
        leaks.is_empty(),
        "{} texts in simplified script:\n{}",
        leaks.len(),
        leaks[..leaks.len().min(40)].join("\n")
    );
    let english = read(&hant.join("reports/mingchuan-2025-english/index.html"));
    assert!(
        english.contains("明川市住房和城鄉建設局"),
        "the English report's source, converted"
    );
    let home = read(&hant.join("index.html"));
    assert!(
        home.contains("<meta name=\"Author\" content=\"renewal 示例站點\">"),
        "{home}"
    );
}
