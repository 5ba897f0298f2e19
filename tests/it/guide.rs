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
    for language in ["en", "zh-Hans", "zh-Hant"] {
        let catalogue = read(&repo().join(format!("src/i18n/messages/{language}.ftl")));
        for line in catalogue.lines() {
            let Some((_, text)) = line.split_once(" = ") else {
                continue;
            };
            let Some(at) = renewal::i18n::messages::code_at(text) else {
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
