//! The search index: static files a small script on the search page reads,
//! with no server, fetching only the parts a query needs.
//!
//! Each report is a document: its title, summary, body as a reader sees
//! it (no link addresses or footnote labels), metric labels, topics, and
//! every place it gives figures for, by name and other names. Chinese has
//! no spaces, so text is indexed by single characters and overlapping
//! pairs of them (燃气 is found inside 老旧燃气管网改造, 路 wherever it
//! stands) and a query matches the documents holding every pair it has (or
//! its one character); Latin words and numbers are indexed whole,
//! lowercased.
//!
//! Both scripts find the same thing: the index holds simplified text only
//! (a report written in traditional script is converted phrase by phrase
//! first), and the script turns a query's traditional characters into
//! simplified ones with `chars.json`, a map of every traditional character
//! that can stand for one in the index (嶗 → 崂, 動 → 动). So 崂山 and 嶗山
//! find the Laoshan report, and 动员 finds 動員.
//!
//! Files, below `search/` at the site's root:
//! - `meta.json`: how many index and document files there are;
//! - `chars.json`: the traditional-to-simplified map;
//! - `i-<k>.json`: the index, cut into files by a hash of each term
//!   (FNV-1a, 32 bits, of its UTF-8 bytes, modulo the number of files):
//!   `{term: [document, …]}`, documents by number, newest first;
//! - `d-<k>.json`: documents 256 at a time: `[path, title, title in
//!   traditional script, place, place in traditional script, date,
//!   language of the report]`.

use super::File;
use crate::i18n::{Language, script};
use crate::model::Site;
use crate::output::Bytes;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Documents per `d-<k>.json` file.
pub const DOCS_PER_FILE: usize = 256;

/// FNV-1a, 32 bits: the hash `search.js` computes the same way.
pub fn hash(term: &str) -> u32 {
    term.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2ffff}')
}

/// The terms of `text`, each once: every Chinese character and every
/// pair of adjacent ones, and Latin words and numbers, lowercased. Terms
/// are slices of `text` where they can be (a pair of characters always
/// is), so that a long body costs no string per term. They are made
/// unique by hashing, which costs less than sorting them; their order
/// does not matter, as each index file puts its own in order.
pub fn terms<'a>(text: &'a str) -> Vec<std::borrow::Cow<'a, str>> {
    use std::borrow::Cow;
    let mut terms: Vec<&'a str> = Vec::with_capacity(text.len() / 2);
    // Latin words that are not lowercase, lowercased.
    let mut lowered: Vec<String> = Vec::new();
    // Where the current run of Chinese characters started, and where the
    // current word started (in bytes).
    let mut run: Option<usize> = None;
    let mut word: Option<usize> = None;
    let flush_run = |run: &mut Option<usize>, end: usize, terms: &mut Vec<&'a str>| {
        if let Some(start) = run.take() {
            let chars: Vec<usize> = (text[start..end].char_indices())
                .map(|(i, _)| start + i)
                .chain([end])
                .collect();
            // Each character alone too, so that a query of one character
            // (路) finds it anywhere.
            for w in chars.windows(2) {
                terms.push(&text[w[0]..w[1]]);
            }
            for w in chars.windows(3) {
                terms.push(&text[w[0]..w[2]]);
            }
        }
    };
    let flush_word = |word: &mut Option<usize>,
                      end: usize,
                      terms: &mut Vec<&'a str>,
                      lowered: &mut Vec<String>| {
        if let Some(start) = word.take() {
            let w = &text[start..end];
            let lower = w.chars().all(|c| {
                let mut l = c.to_lowercase();
                l.next() == Some(c) && l.next().is_none()
            });
            match lower {
                true => terms.push(w),
                false => lowered.push(w.chars().flat_map(char::to_lowercase).collect()),
            }
        }
    };
    for (at, c) in text.char_indices() {
        if is_cjk(c) {
            flush_word(&mut word, at, &mut terms, &mut lowered);
            run.get_or_insert(at);
        } else if c.is_alphanumeric() {
            flush_run(&mut run, at, &mut terms);
            word.get_or_insert(at);
        } else {
            flush_run(&mut run, at, &mut terms);
            flush_word(&mut word, at, &mut terms, &mut lowered);
        }
    }
    flush_run(&mut run, text.len(), &mut terms);
    flush_word(&mut word, text.len(), &mut terms, &mut lowered);
    let mut seen: rustc_hash::FxHashSet<&'a str> = rustc_hash::FxHashSet::default();
    seen.reserve(terms.len());
    let mut unique: Vec<Cow<'a, str>> = (terms.into_iter())
        .filter(|t| seen.insert(t))
        .map(Cow::Borrowed)
        .collect();
    lowered.sort_unstable();
    lowered.dedup();
    unique.extend(
        (lowered.into_iter())
            .filter(|w| !seen.contains(w.as_str()))
            .map(Cow::Owned),
    );
    unique
}

/// An index file being made: each term's documents, by term (put in
/// order once, when written: a hash lookup per occurrence of a term is
/// cheaper than a walk down a tree of strings).
type Shard = rustc_hash::FxHashMap<String, Postings>;

/// A term's documents, in increasing order, held as the difference between
/// each and the one before, seven bits a byte (LEB128): a byte or two a
/// document where most terms are common, rather than four.
#[derive(Default, Clone)]
struct Postings {
    last: u32,
    gaps: Vec<u8>,
}

impl Postings {
    /// Adds document `d`, which comes after every one already in.
    fn push(&mut self, d: u32) {
        let mut gap = d.wrapping_sub(self.last);
        self.last = d;
        while gap >= 0x80 {
            self.gaps.push((gap & 0x7f) as u8 | 0x80);
            gap >>= 7;
        }
        self.gaps.push(gap as u8);
    }

    /// The documents, in order.
    fn docs(&self) -> impl Iterator<Item = u32> + '_ {
        let mut bytes = self.gaps.iter();
        let mut at = 0u32;
        std::iter::from_fn(move || {
            let (mut gap, mut shift) = (0u32, 0);
            loop {
                let b = *bytes.next()?;
                gap |= u32::from(b & 0x7f) << shift;
                shift += 7;
                if b < 0x80 {
                    break;
                }
            }
            at = at.wrapping_add(gap);
            Some(at)
        })
    }
}

/// An index file as published: `{"term":[document,…],…}`, compactly, as
/// `serde_json` writes a map of lists, and a line end.
fn index_file(shard: &Shard) -> Vec<u8> {
    let mut terms: Vec<(&String, &Postings)> = shard.iter().collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut out = Vec::new();
    out.push(b'{');
    for (term, list) in terms {
        push_entry(&mut out, term, list.docs());
    }
    out.extend_from_slice(b"}\n");
    out
}

/// Adds `"term":[document,…]` to an index file begun in `out` (after a
/// comma, unless it is the first).
fn push_entry<D: std::fmt::Display>(
    out: &mut Vec<u8>,
    term: &str,
    docs: impl IntoIterator<Item = D>,
) {
    use std::io::Write;
    if out.len() > 1 {
        out.push(b',');
    }
    let _ = serde_json::to_writer(&mut *out, term);
    out.extend_from_slice(b":[");
    for (n, d) in docs.into_iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        let _ = write!(out, "{d}");
    }
    out.push(b']');
}

/// The terms of each document of a batch, the first numbered `first`,
/// put in the index files of `group` (those from number `from` on): each
/// document's terms one per line, with the index file of each.
fn put_in(group: &mut [Shard], from: usize, first: usize, batch: &[Terms]) {
    for (n, (terms, files)) in batch.iter().enumerate() {
        let d = (first + n) as u32;
        let terms = terms.split('\n').filter(|t| !t.is_empty());
        for (term, &file) in terms.zip(files) {
            if let Some(shard) = (file as usize).checked_sub(from)
                && let Some(shard) = group.get_mut(shard)
            {
                match shard.get_mut(term) {
                    Some(list) => list.push(d),
                    None => {
                        let mut list = Postings::default();
                        list.push(d);
                        shard.insert(term.to_string(), list);
                    }
                }
            }
        }
    }
}

/// The entries of an index file the last build made, `{"term":[document,…],…}` as
/// it is written (a map of lists, compactly): each term with the text of
/// its list. `None` if the file is not laid out so: terms in order and
/// none escaped, lists of numbers.
fn entries(bytes: &[u8]) -> Option<Vec<(&str, &str)>> {
    let text = std::str::from_utf8(bytes).ok()?;
    let text = text.strip_suffix('\n').unwrap_or(text);
    let mut rest = text.strip_prefix('{')?.strip_suffix('}')?;
    let mut entries: Vec<(&str, &str)> = Vec::new();
    while !rest.is_empty() {
        let quoted = rest.strip_prefix('"')?;
        let (term, after) = quoted.split_once('"')?;
        if term.contains('\\') || entries.last().is_some_and(|(last, _)| *last >= term) {
            return None;
        }
        let (list, after) = after.strip_prefix(":[")?.split_once(']')?;
        if !is_list(list) {
            return None;
        }
        entries.push((term, list));
        rest = match after.strip_prefix(',') {
            Some(next) if !next.is_empty() => next,
            Some(_) => return None,
            None if after.is_empty() => after,
            None => return None,
        };
    }
    Some(entries)
}

/// Whether `list` is numbers (of at most 19 digits, so that each reads as
/// a document) with a comma between each two, looked at byte by byte.
fn is_list(list: &str) -> bool {
    let mut digits = 0;
    for b in list.bytes() {
        match b {
            b'0'..=b'9' if digits < 19 => digits += 1,
            b',' if digits > 0 => digits = 0,
            _ => return false,
        }
    }
    digits > 0
}

/// For each of the `entries` of an index file's `text`, the `changed`
/// documents its list holds, in order. A few documents are looked for in
/// the text as it is (a number between `[` or `,` and `]` or `,` is a
/// document: terms hold neither); many, by reading every list.
fn holding(text: &str, entries: &[(&str, &str)], changed: &BTreeSet<usize>) -> Vec<Vec<usize>> {
    let offset = |list: &str| list.as_ptr() as usize - text.as_ptr() as usize;
    if changed.len() > 64 {
        return (entries.iter())
            .map(|(_, list)| {
                (list.split(','))
                    .filter_map(|n| n.parse().ok())
                    .filter(|n| changed.contains(n))
                    .collect()
            })
            .collect();
    }
    let starts: Vec<usize> = entries.iter().map(|(_, list)| offset(list)).collect();
    let mut holds = vec![Vec::new(); entries.len()];
    let bytes = text.as_bytes();
    for &d in changed {
        let number = d.to_string();
        for (at, _) in text.match_indices(number.as_str()) {
            let before = at.checked_sub(1).and_then(|b| bytes.get(b));
            let after = bytes.get(at + number.len());
            if matches!(before, Some(b'[' | b','))
                && matches!(after, Some(b']' | b','))
                && let Some(e) = starts.partition_point(|&s| s <= at).checked_sub(1)
            {
                holds[e].push(d);
            }
        }
    }
    holds
}

/// A published index file with the `changed` documents taken out and
/// `added` put in (term and document, sorted): its bytes, the same ones
/// when nothing in it changes, and the Chinese characters of its terms;
/// `None` if the file is not laid out as [`entries`] reads it. Every
/// list of documents stays in order; a term neither touches is copied as
/// it was.
fn update_file(
    bytes: Vec<u8>,
    changed: &BTreeSet<usize>,
    added: &[(&str, usize)],
) -> Option<(Vec<u8>, BTreeSet<char>)> {
    let old = entries(&bytes)?;
    let text = std::str::from_utf8(&bytes).unwrap_or_default();
    let holds = holding(text, &old, changed);
    let mut chars = BTreeSet::new();
    if added.is_empty() && holds.iter().all(Vec::is_empty) {
        for (term, _) in &old {
            chars.extend(term.chars().filter(|c| is_cjk(*c)));
        }
        drop(old);
        return Some((bytes, chars));
    }
    let offset = |part: &str| part.as_ptr() as usize - text.as_ptr() as usize;
    let mut out = Vec::with_capacity(bytes.len() + added.len() * 16);
    out.push(b'{');
    let (mut i, mut j) = (0, 0);
    loop {
        let term = match (old.get(i), added.get(j)) {
            (Some((a, _)), Some((b, _))) => *a.min(b),
            (Some((a, _)), None) => *a,
            (None, Some((b, _))) => *b,
            (None, None) => break,
        };
        let adds: Vec<usize> = (added[j..].iter())
            .take_while(|(t, _)| *t == term)
            .map(|&(_, d)| d)
            .collect();
        let mut docs = Vec::new();
        if let Some(&(_, list)) = old.get(i).filter(|(t, _)| *t == term) {
            // A list that loses the documents it gains is as it was: a
            // changed report that still has the term.
            let mut gains = adds.clone();
            gains.dedup();
            if holds[i] == gains {
                // `"term":[list]`, as it was.
                if out.len() > 1 {
                    out.push(b',');
                }
                let (from, to) = (offset(term) - 1, offset(list) + list.len() + 1);
                out.extend_from_slice(&bytes[from..to]);
                chars.extend(term.chars().filter(|c| is_cjk(*c)));
                i += 1;
                j += adds.len();
                continue;
            }
            docs = list.split(',').filter_map(|n| n.parse().ok()).collect();
            docs.retain(|d: &usize| !changed.contains(d));
            i += 1;
        }
        docs.extend(&adds);
        j += adds.len();
        docs.sort_unstable();
        docs.dedup();
        if docs.is_empty() {
            continue;
        }
        push_entry(&mut out, term, docs);
        chars.extend(term.chars().filter(|c| is_cjk(*c)));
    }
    out.extend_from_slice(b"}\n");
    Some((out, chars))
}

/// One report as the index lists it.
pub struct Doc {
    pub path: String,
    pub title: String,
    pub place: String,
    pub date: String,
    pub language: Language,
}

/// The index as published, to be updated rather than made again when
/// every document keeps its number: the documents whose text may have
/// changed are taken out of it and put in again.
pub struct Last {
    /// Each index file, as published.
    pub shards: Vec<Vec<u8>>,
    /// Each document file, as published.
    pub doc_files: Vec<Vec<u8>>,
    /// The documents, by number, whose text may have changed.
    pub changed: BTreeSet<usize>,
    /// The characters of the reports written in traditional script, as
    /// the last build kept them: the unchanged ones are not read again.
    pub originals: Option<Originals>,
}

/// The Chinese characters of each report written in traditional script,
/// by document number (each set in order, as one string): what
/// `chars.json` is made from besides the index's own characters. The
/// search step keeps them for the next build, which then reads again only
/// the reports that changed.
#[derive(Serialize, Deserialize, Clone, Default, Debug, PartialEq, Eq)]
pub struct Originals(Vec<(u32, String)>);

impl Originals {
    /// Document `d`'s characters, if it was written in traditional script.
    fn of(&self, d: usize) -> Option<&str> {
        let d = u32::try_from(d).ok()?;
        let at = self.0.binary_search_by_key(&d, |(n, _)| *n).ok()?;
        Some(&self.0[at].1)
    }
}

impl Last {
    /// The index files of a site of `docs` documents as the last build
    /// made them, `read` giving a file's bytes by its path below the
    /// output (`search/i-3.json`) from what that build kept: if they are
    /// all there, with no document named changed. Whether each is laid
    /// out as this module writes them is found as it is updated (see
    /// [`files`]), so that each is read once.
    pub fn read(read: &(dyn Fn(&str) -> Option<Vec<u8>> + Sync), docs: usize) -> Option<Last> {
        let shards: Option<Vec<Vec<u8>>> = (0..index_files(docs))
            .into_par_iter()
            .map(|k| read(&format!("search/i-{k}.json")))
            .collect();
        let doc_files: Option<Vec<Vec<u8>>> = (0..docs.div_ceil(DOCS_PER_FILE))
            .map(|k| read(&format!("search/d-{k}.json")))
            .collect();
        Some(Last {
            shards: shards?,
            doc_files: doc_files?,
            changed: BTreeSet::new(),
            originals: None,
        })
    }
}

/// `search/places.json`: every city and district of `config`, for the
/// search page to offer its page when a query names it. Each is `[path,
/// name, name in traditional script, what a query is matched in]`: its
/// name and other names, simplified and lowercased, a line each, so that
/// 东湖区, 東湖區 and "donghu" all find 东湖区. A few dozen bytes a place.
pub fn places(config: &crate::model::config::Config) -> File<'static> {
    let matched = |names: &mut dyn Iterator<Item = &String>| {
        names
            .map(|n| script::convert(n, Language::ZhHans).to_lowercase())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let row = |path: String, name: &String, others: &[String]| {
        let names = matched(&mut std::iter::once(name).chain(others));
        let hant = script::convert(name, Language::ZhHant);
        serde_json::json!([path, name, hant, names])
    };
    let mut rows = Vec::new();
    for city in &config.cities {
        rows.push(row(crate::pages::path::city(&city.id), &city.name, &[]));
        for district in &city.districts {
            let path = crate::pages::path::district(&city.id, &district.id);
            rows.push(row(path, &district.name, &district.other_names));
        }
    }
    (
        "search/places.json".to_string(),
        json(&serde_json::json!(rows)),
    )
}

/// `value` as a file of compact JSON, ending in a line break.
fn json(value: &serde_json::Value) -> Bytes<'static> {
    let mut bytes = serde_json::to_vec(value).unwrap_or_default();
    bytes.push(b'\n');
    Bytes::Whole(bytes)
}

/// How many index files a site of `docs` documents has.
fn index_files(docs: usize) -> usize {
    (docs / 64).next_power_of_two().clamp(8, 4096)
}

/// The report documents of `site`, newest first.
pub fn docs(site: &Site, places: &(dyn Fn(usize) -> String + Sync)) -> Vec<Doc> {
    site.reports
        .par_iter()
        .enumerate()
        .map(|(r, report)| Doc {
            path: crate::pages::path::report(&report.slug),
            title: report.title.clone(),
            place: places(r),
            date: report.published.to_string(),
            language: report.language,
        })
        .collect()
}

/// Everything report `r` of `site` is found by, in its own script: its
/// title, summary, metric labels, `place`, topics and `body`.
pub fn text(site: &Site, r: usize, place: &str, body: &str) -> String {
    let report = &site.reports[r];
    let mut text = format!(
        "{}\n{}\n",
        report.title,
        report.summary.as_deref().unwrap_or("")
    );
    for entry in &report.metrics {
        if let Some(m) = site.metric(&entry.id) {
            text.push_str(&site.metrics[m].label);
            text.push('\n');
        }
    }
    text.push_str(place);
    text.push('\n');
    // Every place it gives figures for, by its name and its other names
    // (崂山区 as 嶗山區 and Laoshan), so that a district's name finds the
    // updates that report on it.
    if let Some(city) = site.config.city(&report.city) {
        text.push_str(&city.name);
        text.push('\n');
        let stated = |id: &str| {
            report.district.as_deref() == Some(id)
                || report.value_districts.iter().any(|d| &**d == id)
        };
        for district in city.districts.iter().filter(|d| stated(&d.id)) {
            text.push_str(&district.name);
            text.push('\n');
            for other in &district.other_names {
                text.push_str(other);
                text.push('\n');
            }
        }
    }
    for topic in &report.topics {
        if let Some(t) = site.config.topics.iter().find(|t| &t.id == topic) {
            text.push_str(&t.name);
            text.push('\n');
        }
    }
    text.push_str(body);
    text
}

/// A document's terms in one string, one per line, and the index file of
/// each.
type Terms = (String, Vec<u32>);

/// Documents whose text is read and indexed at once: the index grows a
/// batch at a time, and no more than a batch's text is held.
const BATCH: usize = 2048;

/// The index files of `docs` (below `search/`), document `d`'s text
/// being `text(d)`: made, or with `last`, the published index updated for
/// the documents it names (the text of the others, but for those written
/// in traditional script, whose characters the script map lists, is not
/// read). Once `stop` says so, the rest is not indexed and what comes back
/// is to be thrown away. The index files made afresh are written out of
/// their terms when written, each then freed.
pub fn files(
    docs: &[Doc],
    text: &(dyn Fn(usize) -> String + Sync),
    stop: &(dyn Fn() -> bool + Sync),
    last: Option<Last>,
) -> (Vec<File<'static>>, Originals) {
    let simplified = |text: &str, language: Language| {
        if language == Language::ZhHant {
            script::convert(text, Language::ZhHans)
        } else {
            text.to_string()
        }
    };
    let shards = index_files(docs.len());
    let mut last = last.filter(|l| {
        l.shards.len() == shards && l.doc_files.len() == docs.len().div_ceil(DOCS_PER_FILE)
    });
    let indexed = |d: usize| last.as_ref().is_none_or(|l| l.changed.contains(&d));
    let kept_originals = |d: usize| {
        let originals = last.as_ref()?.originals.as_ref()?;
        originals.of(d).filter(|_| !indexed(d))
    };
    // Made afresh: the index files in as many groups as there are cores,
    // each group filled from every document's terms that fall in it.
    let groups = rayon::current_num_threads().clamp(1, shards);
    let per_group = shards.div_ceil(groups);
    let mut made: Vec<Vec<Shard>> = match last {
        Some(_) => Vec::new(),
        None => (0..groups)
            .map(|g| vec![Shard::default(); per_group.min(shards.saturating_sub(g * per_group))])
            .collect(),
    };
    // Updated: the changed documents' terms, by index file.
    let mut added: Vec<Vec<(String, usize)>> = vec![Vec::new(); shards];
    // Every character of a report written in traditional script, and
    // each such report's, to keep.
    let mut originals: BTreeSet<char> = BTreeSet::new();
    let mut kept = Vec::new();
    for first in (0..docs.len()).step_by(BATCH) {
        if stop() {
            return Default::default();
        }
        let batch = first..docs.len().min(first + BATCH);
        // Each document's terms in one string, one per line (a few
        // thousand strings to free instead of millions), with the index
        // file of each; and its characters, if written in traditional
        // script.
        let read: Vec<(Terms, Option<String>)> = batch
            .into_par_iter()
            .map(|n| {
                let language = docs[n].language;
                let traditional = language == Language::ZhHant;
                if stop() || !(indexed(n) || traditional) {
                    return Default::default();
                }
                if let Some(chars) = kept_originals(n) {
                    return (Default::default(), Some(chars.to_string()));
                }
                let original = text(n);
                let chars = traditional.then(|| {
                    let mut chars: Vec<char> = original.chars().filter(|c| is_cjk(*c)).collect();
                    chars.sort_unstable();
                    chars.dedup();
                    chars.into_iter().collect()
                });
                if !indexed(n) {
                    return (Default::default(), chars);
                }
                let text = simplified(&original, language);
                let terms = terms(&text);
                let files = terms
                    .iter()
                    .map(|t| (hash(t) as usize % shards) as u32)
                    .collect();
                ((terms.join("\n"), files), chars)
            })
            .collect();
        let (terms, chars): (Vec<_>, Vec<_>) = read.into_iter().unzip();
        for (n, chars) in (first as u32..).zip(chars) {
            if let Some(chars) = chars {
                originals.extend(chars.chars());
                kept.push((n, chars));
            }
        }
        match &last {
            Some(last) => {
                for &d in last.changed.range(first..first + terms.len()) {
                    let (words, files) = &terms[d - first];
                    let words = words.split('\n').filter(|t| !t.is_empty());
                    for (word, &file) in words.zip(files) {
                        if let Some(added) = added.get_mut(file as usize) {
                            added.push((word.to_string(), d));
                        }
                    }
                }
            }
            None => made
                .par_iter_mut()
                .enumerate()
                .for_each(|(g, group)| put_in(group, g * per_group, first, &terms)),
        }
    }
    if stop() {
        return Default::default();
    }
    // Each index file, and the Chinese characters of its terms.
    let made: Vec<(Bytes<'static>, BTreeSet<char>)> = match last.as_mut() {
        Some(last) => {
            let changed = &last.changed;
            let updated: Option<Vec<_>> = std::mem::take(&mut last.shards)
                .into_par_iter()
                .zip(added.par_iter_mut())
                .map(|(bytes, added)| {
                    added.sort_unstable();
                    let added: Vec<(&str, usize)> =
                        added.iter().map(|(t, d)| (t.as_str(), *d)).collect();
                    let (bytes, chars) = update_file(bytes, changed, &added)?;
                    Some((Bytes::Whole(bytes), chars))
                })
                .collect();
            match updated {
                Some(updated) => updated,
                // A kept file not laid out as written (damaged, or by
                // another version): the index is made afresh.
                None => return files(docs, text, stop, None),
            }
        }
        None => (made.into_iter().flatten().collect::<Vec<_>>())
            .into_par_iter()
            .map(|shard| {
                let chars = (shard.keys())
                    .flat_map(|term| term.chars().filter(|c| is_cjk(*c)))
                    .collect();
                let bytes = move || Ok(index_file(&shard));
                (Bytes::Stream(Box::new(std::iter::once_with(bytes))), chars)
            })
            .collect(),
    };
    let chars: BTreeSet<char> = made.iter().flat_map(|(_, c)| c).copied().collect();
    // Every traditional form of a character in the index, and every
    // character of a report written in traditional script.
    let mut map: BTreeMap<String, String> = BTreeMap::new();
    let chars: Vec<char> = chars.into_iter().collect();
    let traditional: Vec<(char, String)> = chars
        .par_iter()
        .map(|&c| match stop() {
            true => (c, String::new()),
            false => (c, script::convert(&c.to_string(), Language::ZhHant)),
        })
        .collect();
    for (c, t) in traditional {
        if t.chars().count() == 1 && t != c.to_string() {
            map.insert(t, c.to_string());
        }
    }
    for c in originals {
        let s = script::convert(&c.to_string(), Language::ZhHans);
        if s.chars().count() == 1 && s != c.to_string() {
            map.entry(c.to_string()).or_insert(s);
        }
    }

    if stop() {
        return Default::default();
    }
    let mut files = Vec::with_capacity(shards + docs.len() / DOCS_PER_FILE + 3);
    let doc_files = docs.len().div_ceil(DOCS_PER_FILE);
    files.push((
        "search/meta.json".to_string(),
        json(&serde_json::json!({
            "version": 1,
            "index_files": shards,
            "doc_files": doc_files,
            "docs_per_file": DOCS_PER_FILE,
            "docs": docs.len(),
        })),
    ));
    files.push((
        "search/chars.json".to_string(),
        json(&serde_json::json!(map)),
    ));
    // Past `stop`, the files are left empty: they are thrown away.
    files.extend(
        (made.into_iter().enumerate()).map(|(k, (bytes, _))| (format!("search/i-{k}.json"), bytes)),
    );
    let chunks: Vec<&[Doc]> = docs.chunks(DOCS_PER_FILE).collect();
    files.par_extend(chunks.par_iter().enumerate().map(|(k, chunk)| {
        if stop() {
            return (String::new(), Vec::new().into());
        }
        // A file of documents none of which changed is as published.
        if let Some(last) = &last
            && !(k * DOCS_PER_FILE..(k + 1) * DOCS_PER_FILE).any(|d| last.changed.contains(&d))
        {
            return (
                format!("search/d-{k}.json"),
                last.doc_files[k].clone().into(),
            );
        }
        let rows: Vec<serde_json::Value> = chunk
            .iter()
            .map(|d| {
                let (title_hant, place_hant) = if d.language == Language::ZhHant {
                    (d.title.clone(), d.place.clone())
                } else {
                    (
                        script::convert(&d.title, Language::ZhHant),
                        script::convert(&d.place, Language::ZhHant),
                    )
                };
                let title = simplified(&d.title, d.language);
                let place = simplified(&d.place, d.language);
                serde_json::json!([
                    d.path,
                    title,
                    title_hant,
                    place,
                    place_hant,
                    d.date,
                    d.language.tag()
                ])
            })
            .collect();
        (format!("search/d-{k}.json"), json(&serde_json::json!(rows)))
    }));
    (files, Originals(kept))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(entries: &[(&str, &[usize])]) -> Vec<u8> {
        let map: BTreeMap<String, Vec<usize>> = (entries.iter())
            .map(|(t, d)| (t.to_string(), d.to_vec()))
            .collect();
        let mut bytes = serde_json::to_vec(&map).unwrap();
        bytes.push(b'\n');
        bytes
    }

    #[test]
    fn an_index_file_is_written_as_a_map_of_lists() {
        let lists: [(&str, &[u32]); 4] = [
            ("燃气", &[0, 1, 2, 127, 128, 300, 16_384, 70_000, u32::MAX]),
            ("a\"b\\c\u{1}", &[5]),
            ("gas", &[0]),
            ("改造", &[3, 1_000_000]),
        ];
        let mut shard = Shard::default();
        let mut expected: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (term, docs) in lists {
            let list = shard.entry(term.to_string()).or_default();
            for &d in docs {
                list.push(d);
            }
            expected.insert(term.to_string(), docs.to_vec());
        }
        let mut bytes = serde_json::to_vec(&expected).unwrap();
        bytes.push(b'\n');
        assert_eq!(
            String::from_utf8(index_file(&shard)).unwrap(),
            String::from_utf8(bytes).unwrap()
        );
        assert_eq!(index_file(&Shard::default()), b"{}\n");
    }

    #[test]
    fn an_index_file_updated_in_place_is_the_file_made_afresh() {
        let published = file(&[("燃气", &[0, 2, 5]), ("改造", &[2]), ("gas", &[1, 2])]);
        let changed: BTreeSet<usize> = [2].into();
        // Document 2 now says 燃气 (as it did: its list is copied) and
        // 管网, not 改造 or gas.
        let added = [("燃气", 2), ("管网", 2)];
        let (bytes, chars) = update_file(published, &changed, &added).unwrap();
        let expected = file(&[("燃气", &[0, 2, 5]), ("管网", &[2]), ("gas", &[1])]);
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            String::from_utf8(expected).unwrap()
        );
        assert_eq!(chars, "燃气管网".chars().collect());
    }

    #[test]
    fn an_index_file_nothing_changed_in_comes_back_as_it_was() {
        let published = file(&[("燃气", &[0, 5]), ("gas", &[1])]);
        let changed: BTreeSet<usize> = [2].into();
        let (bytes, _) = update_file(published.clone(), &changed, &[]).unwrap();
        assert_eq!(bytes, published);
        let emptied = update_file(file(&[("改造", &[2])]), &changed, &[])
            .unwrap()
            .0;
        assert_eq!(emptied, b"{}\n");
    }

    #[test]
    fn a_text_gives_each_character_pair_and_word_once() {
        let mut found: Vec<String> = terms("老旧小区 Road road 2025 老旧，ROAD")
            .into_iter()
            .map(|t| t.into_owned())
            .collect();
        found.sort();
        let expected = [
            "2025", "road", "区", "小", "小区", "旧", "旧小", "老", "老旧",
        ];
        assert_eq!(found, expected);
    }

    #[test]
    fn a_document_is_found_in_lists_never_in_terms() {
        let bytes = file(&[
            ("2021", &[1, 12]),
            ("a2", &[3]),
            ("b", &[2, 21]),
            ("c", &[20]),
        ]);
        let text = std::str::from_utf8(&bytes).unwrap();
        let old = entries(&bytes).unwrap();
        let few: BTreeSet<usize> = [2, 20].into();
        let expected: [&[usize]; 4] = [&[], &[], &[2], &[20]];
        assert_eq!(holding(text, &old, &few), expected);
        // Past 64 documents every list is read: the same answer.
        let many: BTreeSet<usize> = (100..200).chain([2, 20]).collect();
        assert_eq!(holding(text, &old, &many), expected);
    }

    #[test]
    fn a_damaged_kept_index_file_makes_the_index_afresh() {
        let texts = ["改造燃气管网", "燃气表", "Donghu 路"];
        let docs: Vec<Doc> = (0..texts.len())
            .map(|n| Doc {
                path: format!("/reports/r{n}/"),
                title: format!("报告{n}"),
                place: "明川市".into(),
                date: "2025-01-01".into(),
                language: Language::ZhHans,
            })
            .collect();
        let text = |d: usize| texts[d].to_string();
        let never = || false;
        let bytes = |files: Vec<File<'static>>| -> Vec<(String, Vec<u8>)> {
            files
                .into_iter()
                .map(|(path, bytes)| match bytes {
                    Bytes::Whole(b) => (path, b),
                    Bytes::Stream(parts) => (path, parts.flat_map(Result::unwrap).collect()),
                    Bytes::Joined(_) => unreachable!("the index is made whole or streamed"),
                })
                .collect()
        };
        let fresh = bytes(files(&docs, &text, &never, None).0);
        let shards: Vec<Vec<u8>> = (fresh.iter())
            .filter(|(path, _)| path.starts_with("search/i-"))
            .map(|(_, b)| b.clone())
            .collect();
        let doc_files: Vec<Vec<u8>> = (fresh.iter())
            .filter(|(path, _)| path.starts_with("search/d-"))
            .map(|(_, b)| b.clone())
            .collect();
        let kept = |shards: Vec<Vec<u8>>| Last {
            shards,
            doc_files: doc_files.clone(),
            changed: [1].into(),
            originals: None,
        };
        // Kept as written: updated, the same bytes.
        assert_eq!(
            bytes(files(&docs, &text, &never, Some(kept(shards.clone()))).0),
            fresh
        );
        // One kept file damaged: made afresh, the same bytes.
        let mut damaged = shards.clone();
        let at = damaged.iter().position(|s| s.len() > 4).unwrap();
        damaged[at] = b"{\"b\":[1],\"a\":[2]}\n".to_vec();
        assert_eq!(
            bytes(files(&docs, &text, &never, Some(kept(damaged))).0),
            fresh
        );
    }

    #[test]
    fn only_index_files_laid_out_as_written_are_updated() {
        assert!(entries(&file(&[("a", &[1]), ("b", &[2, 3])])).is_some());
        assert!(entries(b"{}\n").is_some());
        for damaged in [
            &b"{\"b\":[1],\"a\":[2]}"[..],
            b"{\"a\":[1],}",
            b"{\"a\":[]}",
            b"{\"a\":[1,,2]}",
            b"{\"a\\\"b\":[1]}",
            b"{\"a\":[1]",
            b"[\"a\"]",
            b"{\"a\":[-1]}",
        ] {
            assert!(
                entries(damaged).is_none(),
                "{}",
                String::from_utf8_lossy(damaged)
            );
        }
    }
}
