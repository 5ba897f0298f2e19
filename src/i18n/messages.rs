//! What renewal says to the person running it (the build's summary, the
//! preview's log, the errors of the command line) in Simplified Chinese,
//! Traditional Chinese or English. Each language is one catalogue in
//! Project Fluent's syntax, `messages/<tag>.ftl`, built into the program;
//! code names a message by its id and gives its values, and never holds
//! the words. One language is chosen per process, by [`choose`], before
//! anything is said.
//!
//! The place a message is about (`file:line:column:`) is not part of any
//! message: it reads the same in every language, so that editors and CI
//! tools can jump to it.

use super::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// Each language's catalogue, as written.
pub const CATALOGUES: [(Language, &str); 3] = [
    (Language::ZhHans, include_str!("messages/zh-Hans.ftl")),
    (Language::ZhHant, include_str!("messages/zh-Hant.ftl")),
    (Language::En, include_str!("messages/en.ftl")),
];

/// The language chosen for this process.
static CHOSEN: OnceLock<Language> = OnceLock::new();

/// Says everything from now on in `language`. The first choice holds.
pub fn speak(language: Language) {
    let _ = CHOSEN.set(language);
}

/// The language messages are said in: the one chosen, or English when
/// none was (a library caller, a unit test).
pub fn language() -> Language {
    CHOSEN.get().copied().unwrap_or(Language::En)
}

/// The environment variable that names the language, after `--lang`.
pub const VARIABLE: &str = "RENEWAL_LANG";

/// Why no language could be chosen: the name given is none renewal speaks.
#[derive(Debug, PartialEq, Eq)]
pub struct Unknown {
    /// Where it was given: `--lang` or the variable.
    pub from: &'static str,
    pub value: String,
}

/// The language named `name` by `--lang` or [`VARIABLE`]: a tag (`zh-Hans`,
/// `zh-Hant`, `en`), case aside, or a region's usual name for it (`zh-CN`,
/// `zh_TW`).
pub fn named(name: &str) -> Option<Language> {
    let name = name.trim().replace('_', "-").to_ascii_lowercase();
    match name.as_str() {
        "zh-hans" | "zh-cn" | "zh-sg" | "zh" => Some(Language::ZhHans),
        "zh-hant" | "zh-tw" | "zh-hk" | "zh-mo" => Some(Language::ZhHant),
        "en" => Some(Language::En),
        _ if name.starts_with("en-") => Some(Language::En),
        _ => None,
    }
}

/// The language a POSIX locale (`zh_CN.UTF-8`, `en_GB`, `C`) asks for, if
/// it is one renewal speaks: `zh_CN`, `zh_SG` and `zh` are Simplified
/// Chinese; `zh_TW`, `zh_HK` and `zh_MO` Traditional; any `en` English.
/// `C`, `POSIX` and other languages ask for none.
pub fn of_locale(locale: &str) -> Option<Language> {
    let name = locale.split(['.', '@']).next().unwrap_or_default();
    match name.split(['_', '-']).next() {
        Some("zh") => match name.get(3..) {
            Some("TW" | "HK" | "MO") => Some(Language::ZhHant),
            _ => Some(Language::ZhHans),
        },
        Some("en") => Some(Language::En),
        _ => None,
    }
}

/// The language to speak: `flag` (`--lang`) if given, else the
/// [`VARIABLE`] in `env`, else the locale (the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set and not empty, as POSIX reads
/// them), else the `site`'s own language (looked up only then), else
/// English. A language given
/// by name that renewal does not speak is refused, not passed over.
pub fn choose(
    flag: Option<&str>,
    env: &dyn Fn(&str) -> Option<String>,
    site: &dyn Fn() -> Option<Language>,
) -> Result<Language, Unknown> {
    let given = |from: &'static str, value: &str| {
        named(value).ok_or_else(|| Unknown {
            from,
            value: value.to_string(),
        })
    };
    if let Some(flag) = flag {
        return given("--lang", flag);
    }
    if let Some(value) = env(VARIABLE).filter(|v| !v.is_empty()) {
        return given(VARIABLE, &value);
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| env(name).filter(|v| !v.is_empty()));
    Ok((locale.as_deref().and_then(of_locale))
        .or_else(site)
        .unwrap_or(Language::En))
}

/// The catalogues, read once, by language.
fn bundles() -> &'static [(Language, FluentBundle<FluentResource>)] {
    static BUNDLES: OnceLock<Vec<(Language, FluentBundle<FluentResource>)>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        CATALOGUES
            .iter()
            .map(|&(language, text)| {
                // A catalogue that does not read whole keeps what it could
                // read; the tests see that every one reads whole.
                let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
                let id = language
                    .tag()
                    .parse()
                    .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                // The values are shown as they are, with no marks around
                // them for text running the other way.
                bundle.set_use_isolating(false);
                let _ = bundle.add_resource(resource);
                (language, bundle)
            })
            .collect()
    })
}

/// A value a message shows: a count (which may choose the message's
/// wording: 1 file, 2 files) or text, shown as given.
pub enum Value<'a> {
    Count(u64),
    Text(std::borrow::Cow<'a, str>),
}

impl From<usize> for Value<'_> {
    fn from(n: usize) -> Self {
        Value::Count(n as u64)
    }
}

impl From<u64> for Value<'_> {
    fn from(n: u64) -> Self {
        Value::Count(n)
    }
}

impl From<u128> for Value<'_> {
    fn from(n: u128) -> Self {
        Value::Count(u64::try_from(n).unwrap_or(u64::MAX))
    }
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(text: &'a str) -> Self {
        Value::Text(text.into())
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(text: &'a String) -> Self {
        Value::Text(text.as_str().into())
    }
}

impl From<String> for Value<'_> {
    fn from(text: String) -> Self {
        Value::Text(text.into())
    }
}

/// Message `id` in `language`, with `values` in its places; the id itself
/// when the catalogue lacks it (which the tests rule out).
pub fn message_in(language: Language, id: &str, values: &[(&str, Value)]) -> String {
    let Some((_, bundle)) = bundles().iter().find(|(l, _)| *l == language) else {
        return id.to_string();
    };
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut args = FluentArgs::new();
    for (name, value) in values {
        let value = match value {
            // Counts as plain digits: a count has no grouping marks in
            // any of the three languages' messages.
            Value::Count(n) => FluentValue::from(*n),
            Value::Text(text) => FluentValue::from(text.as_ref()),
        };
        args.set(*name, value);
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&args), &mut errors)
        .into_owned()
}

/// Why the system could not read, write or serve, in the language chosen:
/// the common reasons an editor can act on (no such file, no permission,
/// a full or read-only disk, an address in use) from the catalogue, found
/// anywhere in the error's chain of causes; the rest in the system's own
/// words.
pub fn reason(error: &(dyn std::error::Error + 'static)) -> String {
    use std::io::ErrorKind as K;
    let mut cause = Some(error);
    while let Some(error) = cause {
        if let Some(io) = error.downcast_ref::<std::io::Error>() {
            return match io.kind() {
                K::NotFound => crate::say!("io-not-found"),
                K::PermissionDenied => crate::say!("io-permission"),
                K::AlreadyExists => crate::say!("io-exists"),
                K::StorageFull | K::QuotaExceeded => crate::say!("io-full"),
                K::ReadOnlyFilesystem => crate::say!("io-read-only"),
                K::NotADirectory => crate::say!("io-not-folder"),
                K::IsADirectory => crate::say!("io-is-folder"),
                K::AddrInUse => crate::say!("io-address-in-use"),
                K::AddrNotAvailable => crate::say!("io-address-unavailable"),
                _ => io.to_string(),
            };
        }
        cause = error.source();
    }
    error.to_string()
}

/// The example texts `renewal new report` writes in a new report's
/// comments in `language` (see `scaffold`): the summary, the source's
/// publisher and title, and the metric's label. A report that still holds
/// one, uncommented, in any language, fails `check` until it is replaced.
pub fn example_texts(language: Language) -> [String; 4] {
    [
        "scaffold-example-summary",
        "scaffold-example-publisher",
        "scaffold-example-title",
        "scaffold-example-label",
    ]
    .map(|id| message_in(language, id, &[]))
}

/// Message `id` in the chosen language (see [`message_in`]).
pub fn message(id: &str, values: &[(&str, Value)]) -> String {
    message_in(language(), id, values)
}

/// `say!("id", name = value, …)`: message `id` in the chosen language,
/// each value in its place.
#[macro_export]
macro_rules! say {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::messages::message(
            $id,
            &[$((stringify!($name), $crate::i18n::messages::Value::from($value))),*],
        )
    };
}

/// `message` without the code that ends it (`… [E0701]`), for a message
/// said inside another, which has its own.
pub fn without_code(message: &str) -> &str {
    match code_at(message) {
        Some(at) => &message[..at],
        None => message,
    }
}

/// Where the code that ends `message` starts (the space before `[E0108]`),
/// if it ends with one: E or W and four digits.
pub fn code_at(message: &str) -> Option<usize> {
    let at = message.rfind(" [")?;
    let code = message[at + 2..].strip_suffix(']')?;
    let well_formed = code.len() == 5
        && code.starts_with(['E', 'W'])
        && code[1..].bytes().all(|b| b.is_ascii_digit());
    well_formed.then_some(at)
}

/// A report with each code's problem and the same report put right, as
/// `renewal explain` shows them (the same in every language).
const EXAMPLES: &str = include_str!("messages/examples.txt");

/// A code's examples: a report that has the problem and the same report
/// put right.
pub struct Example {
    pub code: String,
    pub wrong: String,
    pub right: String,
    /// Where below the site the wrong one is written, when its place is
    /// the problem (a hidden folder, a file not named `.md`) or it is
    /// `site.yaml` (where the right one is written too); else
    /// `content/2025/example.md`, where the right one always is.
    pub wrong_at: Option<String>,
    /// Told in words, not built: a problem of a file's kind or encoding,
    /// which a text cannot show.
    pub described: bool,
}

/// Each code with its examples, in the order written.
pub fn examples() -> Vec<Example> {
    let mut found: Vec<Example> = Vec::new();
    let mut right = false;
    for line in EXAMPLES.lines() {
        if let Some(head) = line.strip_prefix("== ") {
            let mut words = head.split(' ');
            let code = words.next().unwrap_or_default();
            right = words.next() == Some("right");
            let rest = words.next();
            if found.last().is_none_or(|e| e.code != code) {
                found.push(Example {
                    code: code.to_string(),
                    wrong: String::new(),
                    right: String::new(),
                    wrong_at: None,
                    described: false,
                });
            }
            if let (Some(last), false) = (found.last_mut(), right) {
                last.described = rest == Some("described");
                last.wrong_at = rest.filter(|r| *r != "described").map(str::to_string);
            }
            continue;
        }
        if let Some(last) = found.last_mut() {
            let text = if right {
                &mut last.right
            } else {
                &mut last.wrong
            };
            text.push_str(line);
            text.push('\n');
        }
    }
    found
}

/// The explanation of problem `code` (`E0108`, in any case) in the
/// language chosen, with a report that has the problem and the same
/// report put right; `None` for a code no problem has.
pub fn explain(code: &str) -> Option<String> {
    let code = code.trim().to_ascii_uppercase();
    let example = examples().into_iter().find(|e| e.code == code)?;
    let id = format!("explain-{code}");
    let text = message(&id, &[]);
    if text == id {
        return None;
    }
    let indented =
        |example: &str| -> String { example.lines().map(|l| format!("    {l}\n")).collect() };
    // A problem of where a file is shows where it was written.
    let wrong = match &example.wrong_at {
        Some(at) => format!("# {at}\n{}", example.wrong),
        None => example.wrong.clone(),
    };
    // The right one is written where the wrong one was, for site.yaml;
    // for a report, at the usual place.
    let right = match example.wrong_at.as_deref() {
        Some("site.yaml") => format!("# site.yaml\n{}", example.right),
        Some(_) => format!("# content/2025/example.md\n{}", example.right),
        None => example.right.clone(),
    };
    let right = format!("{}\n\n{}", message("explain-right", &[]), indented(&right));
    Some(match example.described {
        // The explanation's words say what is wrong, and what is right
        // when no file can show it (a snapshot's folder).
        true if example.right.is_empty() => format!("{text}\n"),
        true => format!("{text}\n\n{right}"),
        false => format!(
            "{text}\n\n{}\n\n{}\n{right}",
            message("explain-wrong", &[]),
            indented(&wrong)
        ),
    })
}

/// A message of a catalogue as it is written: its id, its text with the
/// place of each value written `{ $name }` (a choice by a value written as
/// its default case), and the names of the values it uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub id: String,
    pub text: String,
    pub values: std::collections::BTreeSet<String>,
}

/// Every message of `language`'s catalogue, in order, as Fluent's own
/// parser reads it: the one reader of the catalogues' text for the
/// checks that hold the documents and the languages to them.
pub fn catalogue(language: Language) -> Vec<Written> {
    use fluent_syntax::ast;
    let source = (CATALOGUES.iter())
        .find(|(l, _)| *l == language)
        .map_or("", |(_, text)| text);
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(resource, _)| resource);
    let mut written = Vec::new();
    for entry in &resource.body {
        let ast::Entry::Message(message) = entry else {
            continue;
        };
        let mut message_written = Written {
            id: message.id.name.to_string(),
            text: String::new(),
            values: Default::default(),
        };
        if let Some(pattern) = &message.value {
            write_pattern(pattern, &mut message_written);
        }
        written.push(message_written);
    }
    written
}

/// A pattern's text onto `written` (see [`Written`]).
fn write_pattern(pattern: &fluent_syntax::ast::Pattern<&str>, written: &mut Written) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => written.text.push_str(value),
            PatternElement::Placeable { expression } => match expression {
                Expression::Inline(InlineExpression::VariableReference { id }) => {
                    written.text.push_str(&format!("{{ ${} }}", id.name));
                    written.values.insert(id.name.to_string());
                }
                Expression::Inline(_) => written.text.push_str("{ … }"),
                Expression::Select { selector, variants } => {
                    if let InlineExpression::VariableReference { id } = selector {
                        written.values.insert(id.name.to_string());
                    }
                    for variant in variants {
                        let mut case = Written {
                            id: String::new(),
                            text: String::new(),
                            values: Default::default(),
                        };
                        write_pattern(&variant.value, &mut case);
                        written.values.extend(case.values);
                        if variant.default {
                            written.text.push_str(&case.text);
                        }
                    }
                }
            },
        }
    }
}

/// Every code, each with the first line of its explanation, for
/// `renewal explain` without a code.
pub fn codes() -> Vec<String> {
    examples()
        .into_iter()
        .map(|Example { code, .. }| {
            let text = message(&format!("explain-{code}"), &[]);
            text.lines().next().unwrap_or_default().to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// Each message of a catalogue, by id, with the `$values` it uses.
    fn messages(text: &str) -> BTreeMap<String, BTreeSet<String>> {
        let language = (CATALOGUES.iter())
            .find(|(_, t)| *t == text)
            .map(|(l, _)| *l)
            .expect("a catalogue");
        (catalogue(language).into_iter())
            .map(|w| (w.id, w.values))
            .collect()
    }

    /// [`messages`] as the catalogue's lines read, to hold the parser's
    /// reading to: every id and every `$value` written.
    fn messages_by_line(text: &str) -> BTreeMap<String, BTreeSet<String>> {
        let mut found: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut current: Option<String> = None;
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !line.starts_with(char::is_whitespace) {
                let (id, _) = line.split_once(" =").expect("a message starts `id =`");
                current = Some(id.to_string());
                found.entry(id.to_string()).or_default();
            }
            let id = current.clone().expect("a message's lines follow its id");
            let values = found.entry(id).or_default();
            let mut rest = line;
            while let Some(at) = rest.find('$') {
                rest = &rest[at + 1..];
                let end = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                    .unwrap_or(rest.len());
                values.insert(rest[..end].to_string());
                rest = &rest[end..];
            }
        }
        found
    }

    /// The code that ends a message, if it has one (`[E0108]`).
    fn code_of(text: &str) -> Option<&str> {
        let text = text.trim_end();
        code_at(text).map(|at| &text[at + 2..text.len() - 1])
    }

    #[test]
    fn a_problem_has_the_same_code_in_every_language_and_every_code_is_explained() {
        let codes = |language: Language| -> BTreeMap<String, String> {
            let text = CATALOGUES.iter().find(|(l, _)| *l == language).unwrap().1;
            (messages(text).into_keys())
                .filter(|id| !id.starts_with("explain-"))
                .filter_map(|id| {
                    let said = message_in(language, &id, &[]);
                    code_of(&said).map(|c| (id, c.to_string()))
                })
                .collect()
        };
        let english = codes(Language::En);
        assert!(english.len() >= 20, "{english:?}");
        for language in [Language::ZhHans, Language::ZhHant] {
            assert_eq!(codes(language), english, "{}", language.tag());
        }
        let used: BTreeSet<&String> = english.values().collect();
        let with_examples: BTreeSet<String> = examples().into_iter().map(|e| e.code).collect();
        assert_eq!(
            used,
            with_examples.iter().collect(),
            "every code, and only those, has a wrong and a right example"
        );
        for language in [Language::En, Language::ZhHans, Language::ZhHant] {
            let ids: BTreeSet<String> =
                (messages(CATALOGUES.iter().find(|(l, _)| *l == language).unwrap().1).into_keys())
                    .filter_map(|id| id.strip_prefix("explain-").map(str::to_string))
                    .filter(|id| code_of(&format!("x [{id}]")).is_some())
                    .collect();
            assert_eq!(
                ids,
                with_examples,
                "{}: an explanation for every code",
                language.tag()
            );
        }
    }

    /// `--help` states a flag's default in every language, and the same one.
    #[test]
    fn a_flag_s_default_is_the_same_in_every_language() {
        let default = |said: &str| -> Option<String> {
            ["[default: ", "［默认：", "［預設："]
                .iter()
                .find_map(|open| {
                    let rest = &said[said.find(open)? + open.len()..];
                    let end = rest.find([']', '］'])?;
                    Some(rest[..end].to_string())
                })
        };
        let english = messages(CATALOGUES[2].1);
        let mut stated = 0;
        for id in english.keys().filter(|id| id.starts_with("help-")) {
            let said = |language| default(&message_in(language, id, &[]));
            let en = said(Language::En);
            stated += usize::from(en.is_some());
            for language in [Language::ZhHans, Language::ZhHant] {
                assert_eq!(said(language), en, "{id} in {}", language.tag());
            }
        }
        assert!(stated >= 5, "{stated}");
    }

    #[test]
    fn the_parser_reads_every_message_and_value_the_lines_show() {
        for (language, text) in CATALOGUES {
            assert_eq!(messages(text), messages_by_line(text), "{}", language.tag());
        }
        let built = catalogue(Language::En);
        let built = built.iter().find(|w| w.id == "built-changes").unwrap();
        assert!(
            built.text.contains("{ $reports } reports"),
            "{}",
            built.text
        );
        assert!(built.values.contains("changed"));
    }

    #[test]
    fn every_catalogue_reads_whole() {
        for (language, text) in CATALOGUES {
            if let Err((_, errors)) = FluentResource::try_new(text.to_string()) {
                panic!("{}: {errors:?}", language.tag());
            }
        }
    }

    #[test]
    fn every_language_has_every_message_with_the_same_values() {
        let english = messages(CATALOGUES[2].1);
        assert!(english.len() > 20, "{}", english.len());
        for (language, text) in &CATALOGUES[..2] {
            let other = messages(text);
            let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", language.tag());
            assert!(extra.is_empty(), "{} has more: {extra:?}", language.tag());
            for (id, values) in &english {
                assert_eq!(&other[id], values, "{}: {id}", language.tag());
            }
        }
    }

    /// Every `say!("id"`, `message("id"`, `message_in(language, "id"`
    /// and `cannot("id"` in the
    /// program's sources (the id may start the next line).
    fn used() -> BTreeSet<String> {
        let mut used = BTreeSet::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        for entry in walkdir::WalkDir::new(root) {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for call in ["say!(", "message(", "cannot(", "message_in("] {
                for (at, _) in text.match_indices(call) {
                    let rest = text[at + call.len()..].trim_start();
                    // `message_in(language, "id", …)`: the id comes second.
                    let rest = match call {
                        "message_in(" => rest.split_once(',').map_or("", |(_, r)| r.trim_start()),
                        _ => rest,
                    };
                    let id = (rest.strip_prefix('"'))
                        .and_then(|r| r.split_once('"'))
                        .map(|(id, _)| id)
                        .filter(|id| {
                            id.starts_with(|c: char| c.is_ascii_lowercase())
                                && id.chars().all(|c| {
                                    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
                                })
                        });
                    used.extend(id.map(str::to_string));
                }
            }
        }
        used.remove("id");
        used
    }

    #[test]
    fn every_message_said_is_in_the_catalogues_and_every_one_there_is_said() {
        let english: BTreeSet<String> = messages(CATALOGUES[2].1).into_keys().collect();
        let used = used();
        let unknown: Vec<_> = used.difference(&english).collect();
        // Explanations are looked up by code (see [`explain`]).
        let unused: Vec<_> = (english.difference(&used))
            .filter(|id| !id.starts_with("explain-E") && !id.starts_with("explain-W"))
            // Looked up by a field's name (see `diagnostic::gloss`).
            .filter(|id| !id.starts_with("field-name-"))
            // Named by the slips' tables of look-alike characters and
            // syntax (see `load::slips`).
            .filter(|id| !id.starts_with("char-") && !id.starts_with("syntax-"))
            // A workbook's headings, notes and fields, looked up by the
            // column's or field's key (see `sheet::Column`).
            .filter(|id| {
                !["sheet-heading-", "sheet-note-", "sheet-field-"]
                    .iter()
                    .any(|p| id.starts_with(p))
            })
            .collect();
        assert!(
            unknown.is_empty(),
            "said but not in the catalogues: {unknown:?}"
        );
        assert!(
            unused.is_empty(),
            "in the catalogues but never said: {unused:?}"
        );
    }

    #[test]
    fn counts_choose_the_english_wording_and_chinese_has_one() {
        let changed = |language, n: usize| {
            message_in(
                language,
                "built-changes",
                &[
                    ("reports", 2usize.into()),
                    ("metrics", 3usize.into()),
                    ("files", 40usize.into()),
                    ("output", "out".into()),
                    ("ms", 12usize.into()),
                    ("changed", n.into()),
                    ("remade", 5usize.into()),
                    ("written", 1usize.into()),
                    ("warnings", "".into()),
                ],
            )
        };
        assert!(
            changed(Language::En, 1)
                .contains("(1 report file changed: 5 files made again, 1 written")
        );
        assert!(changed(Language::En, 2).contains("(2 report files changed:"));
        assert!(changed(Language::En, 0).contains("(0 report files changed:"));
        let chinese = changed(Language::ZhHans, 2);
        assert!(
            chinese.contains('2') && chinese.contains("报告"),
            "{chinese}"
        );
        assert!(
            !chinese.contains('\u{2068}'),
            "no isolation marks: {chinese:?}"
        );
    }

    #[test]
    fn the_language_is_the_flag_then_the_variable_then_the_locale_then_the_site() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                (pairs.iter())
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        let none = env(&[]);
        use Language::*;
        assert_eq!(
            choose(Some("en"), &env(&[("RENEWAL_LANG", "zh-Hant")]), &|| Some(
                ZhHans
            )),
            Ok(En)
        );
        assert_eq!(choose(Some("zh_TW"), &none, &|| None), Ok(ZhHant));
        assert_eq!(
            choose(
                None,
                &env(&[("RENEWAL_LANG", "zh-Hant"), ("LANG", "en_US.UTF-8")]),
                &|| None
            ),
            Ok(ZhHant)
        );
        assert_eq!(
            choose(None, &env(&[("LANG", "zh_CN.UTF-8")]), &|| Some(En)),
            Ok(ZhHans)
        );
        assert_eq!(
            choose(None, &env(&[("LANG", "zh_HK.UTF-8")]), &|| None),
            Ok(ZhHant)
        );
        // LC_ALL before LC_MESSAGES before LANG; an empty one is not set.
        let ordered = env(&[
            ("LC_ALL", ""),
            ("LC_MESSAGES", "en_GB.UTF-8"),
            ("LANG", "zh_CN.UTF-8"),
        ]);
        assert_eq!(choose(None, &ordered, &|| None), Ok(En));
        // A locale of no language renewal speaks leaves it to the site.
        assert_eq!(
            choose(None, &env(&[("LANG", "C.UTF-8")]), &|| Some(ZhHant)),
            Ok(ZhHant)
        );
        assert_eq!(
            choose(None, &env(&[("LANG", "fr_FR.UTF-8")]), &|| Some(ZhHans)),
            Ok(ZhHans)
        );
        assert_eq!(choose(None, &none, &|| None), Ok(En));
        // A language asked for by name that renewal does not speak is refused.
        assert_eq!(
            choose(Some("fr"), &none, &|| None),
            Err(Unknown {
                from: "--lang",
                value: "fr".into()
            })
        );
        assert!(choose(None, &env(&[("RENEWAL_LANG", "klingon")]), &|| None).is_err());
    }
}
