//! The guides in `docs/` against the program: every YAML and Markdown
//! example in them is built, an example of an error gets exactly its code,
//! every message line they quote is one the catalogues say, and the codes,
//! columns, defaults and limits they state are the program's. A guide that
//! drifts from the code fails here.

use crate::common::*;
use std::path::PathBuf;

/// The guides and other documents an editor or contributor reads.
fn documents() -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(repo().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    found.push(repo().join("README.md"));
    found.sort();
    found
}

/// The fenced examples of a document, in order: (info string, text).
fn fenced(document: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut open: Option<(String, String)> = None;
    for line in document.lines() {
        match (&mut open, line.strip_prefix("```")) {
            (None, Some(info)) => open = Some((info.to_string(), String::new())),
            (Some(_), Some("")) => found.extend(open.take()),
            (Some((_, text)), _) => {
                text.push_str(line);
                text.push('\n');
            }
            _ => {}
        }
    }
    assert!(open.is_none(), "a fence is left open");
    found
}

#[test]
fn every_fenced_example_in_the_documents_is_one_the_tests_build() {
    for path in documents() {
        for (info, _) in fenced(&read(&path)) {
            let mut words = info.split(' ');
            let kind = words.next().unwrap_or_default();
            let code = words.next();
            assert!(
                matches!(kind, "site" | "report")
                    && code.is_none_or(|c| renewal::i18n::messages::explain(c).is_some())
                    && words.next().is_none(),
                "{}: ```{info} is not an example kind the guide test builds \
                 (`site`, `report` or `report CODE`)",
                path.display()
            );
        }
    }
}

/// Builds a guide's examples in order on a site made by `renewal init`
/// whose report is taken away: a `site` example becomes its site.yaml, a
/// `report` one a report that must pass `check --deny-warnings`, and a
/// `report CODE` one a report that must fail with that code on every line.
fn builds_its_examples(guide: &str) {
    let path = repo().join("docs").join(guide);
    let examples = fenced(&read(&path));
    assert!(examples.len() >= 4, "{guide}: {examples:?}");
    let dir = tempfile::tempdir().unwrap();
    let site = init_site(dir.path(), "site");
    std::fs::remove_dir_all(site.join("content")).unwrap();
    std::fs::create_dir(site.join("content")).unwrap();
    for (n, (info, text)) in examples.iter().enumerate() {
        let mut words = info.split(' ');
        let (kind, code) = (words.next().unwrap_or_default(), words.next());
        let at = match kind {
            "site" => "site.yaml".to_string(),
            _ => format!("content/2025/guide-{n}.md"),
        };
        write(&site, &at, text);
        let result = run(&site, &["check", "--deny-warnings"]);
        let err = stderr(&result);
        let what = format!("{guide}, example {n} (```{info})");
        match code {
            None => assert_eq!(result.status.code(), Some(0), "{what}:\n{err}"),
            Some(code) => {
                assert_eq!(result.status.code(), Some(1), "{what}:\n{err}");
                let lines: Vec<&str> = (err.lines())
                    .filter(|l| l.starts_with(&format!("{at}:")))
                    .collect();
                assert!(!lines.is_empty(), "{what}:\n{err}");
                for line in lines {
                    assert!(line.ends_with(&format!(" [{code}]")), "{what}:\n{err}");
                }
                std::fs::remove_file(site.join(&at)).unwrap();
            }
        }
    }
}

#[test]
fn the_chinese_guide_s_examples_build_and_its_wrong_ones_fail_with_their_code() {
    builds_its_examples("guide.zh-Hans.md");
}

#[test]
fn the_english_guide_s_examples_build_and_its_wrong_ones_fail_with_their_code() {
    builds_its_examples("guide.en.md");
}

/// Every message a catalogue says with a code, in every language: the
/// pieces of its text between its `{ $value }` places.
fn said_with_codes() -> Vec<(String, Vec<String>)> {
    let mut found = Vec::new();
    use renewal::i18n::{Language, messages};
    for language in [Language::En, Language::ZhHans, Language::ZhHant] {
        for written in messages::catalogue(language) {
            let text = written.text.trim_end();
            let Some(at) = messages::code_at(text) else {
                continue;
            };
            let code = text[at + 2..text.len() - 1].to_string();
            let mut pieces = Vec::new();
            let mut rest = text;
            while let Some(open) = rest.find("{ $") {
                pieces.push(rest[..open].to_string());
                let close = rest[open..].find('}').expect("a place closes") + open;
                rest = &rest[close + 1..];
            }
            pieces.push(rest.to_string());
            found.push((code, pieces));
        }
    }
    found
}

/// Whether `line` ends with a message made of `pieces`, in order, with
/// anything (or nothing: a hint may be empty) in each place between them.
fn ends_with_message(line: &str, pieces: &[String]) -> bool {
    let Some((last, before)) = pieces.split_last() else {
        return false;
    };
    let Some(mut end) = line.strip_suffix(last.as_str()).map(str::len) else {
        return false;
    };
    for piece in before.iter().rev() {
        match line[..end].rfind(piece.as_str()) {
            Some(at) => end = at,
            _ => return false,
        }
    }
    true
}

#[test]
fn every_message_the_documents_quote_is_one_renewal_says() {
    let messages = said_with_codes();
    assert!(messages.len() > 300, "{}", messages.len());
    let mut quoted = 0;
    for path in documents() {
        for line in read(&path).lines() {
            let line = line.trim_start();
            // A quoted problem: `file:line:column: … [CODE]`.
            let located = line
                .split(':')
                .nth(1)
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            let Some(at) = renewal::i18n::messages::code_at(line).filter(|_| located) else {
                continue;
            };
            let code = &line[at + 2..line.len() - 1];
            quoted += 1;
            assert!(
                (messages.iter()).any(|(c, pieces)| c == code && ends_with_message(line, pieces)),
                "{}: no message with code {code} reads like this:\n{line}",
                path.display()
            );
        }
    }
    assert!(quoted >= 8, "{quoted}");
}

#[test]
fn the_guide_lists_every_code_and_no_other() {
    let guide = read(&repo().join("docs/guide.en.md"));
    let listed: std::collections::BTreeSet<String> = (guide.lines())
        .filter_map(|l| l.strip_prefix("| "))
        .filter_map(|l| l.split(' ').next())
        .filter(|c| {
            c.len() == 5 && c.starts_with(['E', 'W']) && c[1..].bytes().all(|b| b.is_ascii_digit())
        })
        .map(str::to_string)
        .collect();
    let codes: std::collections::BTreeSet<String> = (renewal::i18n::messages::examples()
        .into_iter())
    .map(|e| e.code)
    .collect();
    assert_eq!(listed, codes);
}
#[test]
fn the_guide_names_every_open_data_column_in_order() {
    let guide = read(&repo().join("docs/guide.en.md"));
    let start = guide
        .find("| column | meaning |")
        .expect("the guide has the table of columns");
    let named: Vec<String> = guide[start..]
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .flat_map(|l| {
            let cell = l
                .trim_start_matches("| ")
                .split(" |")
                .next()
                .unwrap_or_default();
            cell.split(", ")
                .map(|c| c.trim_matches('`').to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    let declared: Vec<String> = (renewal::publish::data::COLUMNS.iter())
        .map(|c| c.name.to_string())
        .collect();
    assert_eq!(named, declared);
}

#[test]
fn the_defaults_and_limits_the_guide_states_are_the_program_s() {
    let guide = read(&repo().join("docs/guide.en.md"));
    let page_size = renewal::load::config::DEFAULT_PAGE_SIZE;
    assert!(
        guide.contains(&format!("(default {page_size})"))
            && guide.contains(&format!("({page_size} unless")),
        "the default page size is {page_size}"
    );
    let most = renewal::load::source::MAX_REPORT_BYTES / (1024 * 1024);
    assert!(
        guide.contains(&format!("a report over {most} MiB")),
        "a report may be at most {most} MiB"
    );
}

#[test]
fn the_preview_address_the_guides_give_is_the_one_serve_listens_on() {
    let dir = tempfile::tempdir().unwrap();
    let help = stdout(&run(dir.path(), &["serve", "--help"]));
    let default = |flag: &str| -> String {
        let line = (help.lines())
            .find(|l| l.trim_start().starts_with(flag))
            .unwrap_or_else(|| panic!("{flag} in:\n{help}"));
        let rest = &line[line.find("[default: ").expect(line) + 10..];
        rest[..rest.find(']').unwrap()].to_string()
    };
    let address = format!("{}:{}", default("--bind"), default("--port"));
    let english = read(&repo().join("docs/guide.en.md"));
    assert!(english.contains(&format!("(default `{address}`;")));
    let chinese = read(&repo().join("docs/guide.zh-Hans.md"));
    assert!(chinese.contains(&format!("<http://{address}/>")));
    let readme = read(&repo().join("README.md"));
    assert!(readme.contains(&format!("http://{address}/")), "README");
}

/// The error reference in each language, `docs/errors.<tag>.md`: every
/// code with its explanation and its wrong and right example, exactly as
/// `renewal explain` says them, so the reference and the program cannot
/// disagree. `RENEWAL_BLESS=1 cargo test --test it error_reference`
/// writes it anew after a catalogue changes.
#[test]
fn the_error_reference_is_what_renewal_explain_says() {
    let dir = tempfile::tempdir().unwrap();
    let explain = |tag: &str, code: Option<&str>| {
        let output = std::process::Command::new(BIN)
            .env("RENEWAL_LANG", tag)
            .current_dir(dir.path())
            .arg("explain")
            .args(code)
            .output()
            .unwrap();
        assert!(output.status.success(), "{tag} {code:?}");
        stdout(&output)
    };
    let mut stale = Vec::new();
    for (tag, title, intro) in [
        (
            "en",
            "# renewal: every problem by its code",
            "What each code at the end of a problem's line means, with a report that has the \
             problem and the same report put right. This file is what `renewal --lang en explain \
             CODE` prints for every code, and a test holds it to that; the examples are built on \
             the site `renewal init` makes (示例市, with 东区 and 西区). The guide is \
             [guide.en.md](guide.en.md).",
        ),
        (
            "zh-Hans",
            "# renewal 问题代码一览",
            "每处问题那一行末尾的代码是什么意思，并附一篇有这个问题的报告和改正后的同一篇报告。\
             本文件就是 `renewal --lang zh-Hans explain 代码` 对每个代码的输出，由测试核对；\
             示例都在 `renewal init` 生成的网站（示例市，含东区、西区）上检查过。\
             使用指南见 [guide.zh-Hans.md](guide.zh-Hans.md)。",
        ),
        (
            "zh-Hant",
            "# renewal 問題代碼一覽",
            "每處問題那一行末尾的代碼是什麼意思，並附一篇有這個問題的報告和改正後的同一篇報告。\
             本檔案就是 `renewal --lang zh-Hant explain 代碼` 對每個代碼的輸出，由測試核對；\
             示例都在 `renewal init` 產生的網站（示例市，含兩個區：东区、西区）上檢查過。\
             使用指南見 [guide.zh-Hans.md](guide.zh-Hans.md)（簡體中文）。",
        ),
    ] {
        let mut text = format!("{title}\n\n{intro}\n");
        let codes = explain(tag, None);
        assert!(codes.lines().count() > 100, "{codes}");
        for line in codes.lines() {
            let code = &line[..5];
            let said = explain(tag, Some(code));
            let (heading, rest) = said.split_once('\n').unwrap_or((&said, ""));
            text.push_str(&format!("\n## {heading}\n\n{}\n", rest.trim_end()));
        }
        let path = repo().join(format!("docs/errors.{tag}.md"));
        if std::env::var_os("RENEWAL_BLESS").is_some() {
            std::fs::write(&path, &text).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "{stale:?} differ from what renewal explain says (if intended: RENEWAL_BLESS=1 cargo test --test it error_reference, then review git diff)"
    );
}

/// Every field renewal reads, in site.yaml, a report, its source, a metric
/// and a metric's district entry, is named in both guides: as renewal
/// itself lists them when it meets a field it does not know.
#[test]
fn both_guides_name_every_field_renewal_reads() {
    let site = fixture("basic");
    let config = read(&site.path().join("site.yaml"));
    write(site.path(), "site.yaml", format!("{config}zzz: 1\n"));
    write(
        site.path(),
        "content/zzz.md",
        "---\ntitle: 坏报告\nkind: plan\ncity: test-city\nyear: 2025\npublished: 2025-03-01\n\
         zzz: 1\nsource:\n  zzz: 1\nmetrics:\n  - id: test-gas-mains\n    zzz: 1\n    districts:\n\
         \x20     - district: east\n        zzz: 1\n        actual: 1\n---\n",
    );
    let err = stderr(&run(site.path(), &["check"]));
    let mut fields = std::collections::BTreeSet::new();
    for line in err.lines().filter(|l| l.contains("unknown field `zzz`")) {
        let allowed = line
            .split("the fields allowed here are: ")
            .nth(1)
            .expect(line);
        let allowed = allowed.trim_end_matches(" [E0501]");
        fields.extend(allowed.split(", ").map(str::to_string));
    }
    assert_eq!(
        err.matches("unknown field `zzz`").count(),
        5,
        "one unknown field in each block:\n{err}"
    );
    assert!(fields.len() > 30, "{fields:?}");
    for guide in ["guide.zh-Hans.md", "guide.en.md"] {
        let text = read(&repo().join("docs").join(guide));
        let missing: Vec<&String> = (fields.iter())
            .filter(|f| {
                let key = format!("{f}:");
                !text.contains(&format!("`{f}`"))
                    && !(text.lines())
                        .any(|l| l.trim_start().trim_start_matches("- ").starts_with(&key))
            })
            .collect();
        assert!(missing.is_empty(), "{guide} does not name {missing:?}");
    }
}

/// Every link from the README or a guide to a file of the repository (a
/// guide, the picture of a page) leads to a file that is there.
#[test]
fn every_link_between_the_documents_leads_to_a_file() {
    let mut links = 0;
    for path in documents() {
        let whole = read(&path);
        let dir = path.parent().unwrap();
        // Not the examples: an indented block is a report's own text.
        let text: String = (whole.lines())
            .filter(|l| !l.starts_with("    "))
            .map(|l| format!("{l}\n"))
            .collect();
        for (at, _) in text.match_indices("](") {
            let rest = &text[at + 2..];
            let target = &rest[..rest.find(')').unwrap_or(0)];
            let target = target.split('#').next().unwrap_or_default();
            if target.is_empty() || target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            links += 1;
            assert!(
                dir.join(target).exists(),
                "{}: a link to {target}, which is not there",
                path.display()
            );
        }
    }
    assert!(links >= 8, "{links}");
}
