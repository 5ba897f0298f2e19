//! The example site's whole output, frozen.
//!
//! `tests/golden/example/` holds every file that `renewal build` writes for
//! the example site in this repository. The test builds the site again and
//! compares each file byte for byte, so a change to the engine that alters
//! any page shows up here as a readable diff of HTML. When a change to the
//! output is intended, regenerate the frozen copy and review it with git:
//!
//! ```text
//! RENEWAL_BLESS=1 cargo test --test it golden
//! git diff tests/golden/
//! ```

use crate::common::*;
use std::path::Path;

const GOLDEN: &str = "tests/golden/example";

/// The first line where `a` and `b` differ, numbered from 1, with both versions.
fn first_difference(a: &[u8], b: &[u8]) -> String {
    let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    let mut lines = a.lines().zip(b.lines()).enumerate();
    match lines.find(|(_, (x, y))| x != y) {
        Some((n, (x, y))) => format!("line {}:\n  frozen: {x}\n  built:  {y}", n + 1),
        None => format!(
            "one is longer: {} lines frozen, {} built",
            a.lines().count(),
            b.lines().count()
        ),
    }
}

#[test]
fn the_example_site_builds_exactly_as_frozen() {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let result = run(&repo(), &["build", "--output", site.to_str().unwrap()]);
    assert!(result.status.success(), "{}", stderr(&result));
    let built = snapshot(&site);
    let golden = repo().join(GOLDEN);

    if std::env::var_os("RENEWAL_BLESS").is_some() {
        let _ = std::fs::remove_dir_all(&golden);
        copy_tree(&site, &golden);
        return;
    }
    let frozen = snapshot(&golden);
    let mut problems = Vec::new();
    for path in frozen.keys().filter(|p| !built.contains_key(*p)) {
        problems.push(format!("{path}: no longer written"));
    }
    for (path, bytes) in &built {
        match frozen.get(path) {
            None => problems.push(format!("{path}: written but not frozen")),
            Some(old) if old != bytes => {
                problems.push(format!("{path}: {}", first_difference(old, bytes)))
            }
            Some(_) => {}
        }
    }
    assert!(
        problems.is_empty(),
        "the example site's output differs from {GOLDEN} in {} file(s) (if intended: RENEWAL_BLESS=1 cargo test --test it golden, then review git diff):\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(Path::new(&golden).join("index.html").is_file());
}
