//! Building into an existing output writes only the files whose bytes
//! changed, removes the ones no longer produced, and always ends with
//! exactly what a clean build writes.

use crate::common::*;

/// The files where `out` differs from a clean build of `root` (made into
/// `root/clean`).
fn differences_from_a_clean_build(root: &std::path::Path, out: &std::path::Path) -> Vec<String> {
    let clean = root.join("clean");
    let _ = std::fs::remove_dir_all(&clean);
    let fresh = run(root, &["build", "--output", clean.to_str().unwrap()]);
    assert!(fresh.status.success(), "{}", stderr(&fresh));
    let (kept, whole) = (snapshot(out), snapshot(&clean));
    let mut differ: Vec<String> = (kept.keys().chain(whole.keys()))
        .filter(|k| kept.get(*k) != whole.get(*k))
        .cloned()
        .collect();
    differ.sort();
    differ.dedup();
    differ
}

/// Dates the file at `rel` below `root` long ago, as if saved before any
/// build: only edits made after are new.
fn saved_long_ago(root: &std::path::Path, rel: &str) {
    let long_ago = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1 << 30);
    let file = std::fs::File::options()
        .write(true)
        .open(root.join(rel))
        .unwrap();
    file.set_modified(long_ago).unwrap();
}

/// "N written" from a build's summary line.
fn written(output: &std::process::Output) -> usize {
    let out = stdout(output);
    let at = out
        .find(" written")
        .unwrap_or_else(|| panic!("no count in {out}"));
    let start = out[..at].rfind([' ', '(']).unwrap() + 1;
    out[start..at].parse().unwrap()
}

/// A build of the site at `root` into its `output`, which succeeds.
fn built(root: &std::path::Path) -> std::process::Output {
    let result = run(root, &["build"]);
    assert!(result.status.success(), "{}", stderr(&result));
    result
}

/// The basic site's plan, given a new title (测试市2025年城市更新计划（修订）).
fn retitle_plan(root: &std::path::Path) {
    let plan = read(&root.join("content/2025/test-plan.md"));
    write(
        root,
        "content/2025/test-plan.md",
        plan.replace(
            "测试市2025年城市更新计划",
            "测试市2025年城市更新计划（修订）",
        ),
    );
}

#[test]
fn a_rebuild_writes_only_what_changed_and_matches_a_clean_build() {
    let site = fixture("basic");
    let root = site.path();
    let out = root.join("output");
    let build = || built(root);
    let all = written(&build());
    assert!(all >= 18, "a first build writes every file: {all}");
    build();
    assert_eq!(written(&build()), 0, "nothing changed, nothing written");

    retitle_plan(root);
    let changed = written(&build());
    assert!(changed > 0 && changed < all, "{changed} of {all}");
    // A report taken away takes its page with it.
    std::fs::remove_file(root.join("content/2025/test-midyear.md")).unwrap();
    build();
    assert!(!out.join("reports/test-midyear/index.html").exists());

    assert_eq!(
        differences_from_a_clean_build(root, &out),
        Vec::<String>::new()
    );
}

#[test]
fn an_output_taken_away_is_made_whole_again_with_what_was_kept_beside_it() {
    let site = fixture("basic");
    let root = site.path();
    let out = root.join("output");
    let build = || built(root);
    let all = written(&build());
    // The output goes, what the build kept beside it stays, and a report
    // changes meanwhile.
    std::fs::remove_dir_all(&out).unwrap();
    retitle_plan(root);
    assert_eq!(written(&build()), all, "every file is made again");
    let page = read(&out.join("reports/test-plan/index.html"));
    assert!(page.contains("测试市2025年城市更新计划（修订）"), "{page}");
    assert_eq!(
        differences_from_a_clean_build(root, &out),
        Vec::<String>::new()
    );
}

/// Gives the site at `root` a traditional-script edition, whose pages
/// follow every edit too, and one report or row a page, so that every
/// list has pages.
fn with_edition_and_short_pages(root: &std::path::Path) {
    let config = read(&root.join("site.yaml")).replace(
        "language: zh-Hans\n",
        "language: zh-Hans\neditions: [zh-Hant]\npage_size: 1\n",
    );
    write(root, "site.yaml", config);
}

/// Whether a build's summary says it made only what changed.
fn made_only_what_changed(output: &std::process::Output) -> bool {
    stdout(output).contains("made again")
}

#[test]
fn a_build_that_makes_only_what_changed_ends_as_a_clean_build() {
    let site = fixture("basic");
    let root = site.path();
    with_edition_and_short_pages(root);
    // A brief written in traditional script, whose characters 佈 and 儘
    // the search's script map lists only because a report holds them.
    write(
        root,
        "content/2025/test-brief.md",
        "---\ntitle: 測試市動員會\nkind: progress\ncity: 测试市\nyear: 2025\npublished: 2025-05-01\nlanguage: zh-Hant\n---\n\n會上佈置任務，儘快推進。\n",
    );
    // The reports were saved long ago: only the edits below are new.
    for name in ["test-plan.md", "test-midyear.md", "test-brief.md"] {
        saved_long_ago(root, &format!("content/2025/{name}"));
    }
    let out = root.join("output");
    let build = |step: &str| {
        let result = run(root, &["build"]);
        assert!(result.status.success(), "{step}: {}", stderr(&result));
        let differ = differences_from_a_clean_build(root, &out);
        assert!(
            differ.is_empty(),
            "{step}: differs from a clean build: {differ:?}"
        );
        result
    };
    let first = build("first build");
    assert!(!made_only_what_changed(&first), "{}", stdout(&first));
    let again = build("nothing changed");
    assert!(made_only_what_changed(&again), "{}", stdout(&again));
    assert_eq!(written(&again), 0);
    assert!(
        stdout(&again).contains("0 report files changed"),
        "{}",
        stdout(&again)
    );

    let plan = "content/2025/test-plan.md";
    let midyear = "content/2025/test-midyear.md";
    let edit = |rel: &str, from: &str, to: &str| {
        let text = read(&root.join(rel));
        assert!(text.contains(from), "{rel} has no {from}");
        write(root, rel, text.replacen(from, to, 1));
    };
    let steps: [(&str, &str, &str, &str); 5] = [
        ("a figure", midyear, "actual: 15", "actual: 17"),
        (
            "a sentence of the body, and nothing else",
            plan,
            "全年改造燃气管网和老旧小区。",
            "全年改造燃气管网和老旧小区，年底前完工。",
        ),
        (
            "a title",
            plan,
            "测试市2025年城市更新计划",
            "测试市2025年城市更新计划（修订）",
        ),
        (
            "districts' figures swapped",
            midyear,
            "district: 东区\n        actual: 6\n      - district: 西區\n        actual: 11.6",
            "district: 西區\n        actual: 6\n      - district: 东区\n        actual: 11.6",
        ),
        (
            "a date that reorders the reports",
            midyear,
            "published: 2025-07-10",
            "published: 2024-12-30",
        ),
    ];
    for (step, rel, from, to) in steps {
        edit(rel, from, to);
        let result = build(step);
        assert!(
            made_only_what_changed(&result),
            "{step}: {}",
            stdout(&result)
        );
        assert!(
            stdout(&result).contains("1 report file changed"),
            "{step}: {}",
            stdout(&result)
        );
    }

    // A mistake: nothing is written, and the fix is built as a change.
    let before = snapshot(&out);
    edit(midyear, "actual: 17", "actual: 17 公里");
    assert!(!run(root, &["build"]).status.success());
    assert!(
        snapshot(&out) == before,
        "a failed build changed the output"
    );
    edit(midyear, "actual: 17 公里", "actual: 18");
    assert!(made_only_what_changed(&build("a mistake fixed")));

    // A report added, then taken away with its pages.
    let added =
        read(&root.join(midyear)).replace("测试市2025年上半年进展", "测试市2025年三季度进展");
    write(root, "content/2025/test-q3.md", added);
    assert!(made_only_what_changed(&build("a report added")));
    assert!(out.join("reports/test-q3/index.html").is_file());
    std::fs::remove_file(root.join("content/2025/test-q3.md")).unwrap();
    assert!(made_only_what_changed(&build("a report deleted")));
    assert!(!out.join("reports/test-q3").exists());

    // A template or site.yaml makes every page again.
    write(root, "templates/partials/extra.html", "<p>x</p>");
    let result = build("a template added");
    assert!(!made_only_what_changed(&result), "{}", stdout(&result));
    let config = read(&root.join("site.yaml")).replace("editions: [zh-Hant]\n", "");
    write(root, "site.yaml", config);
    let result = build("site.yaml changed");
    assert!(!made_only_what_changed(&result), "{}", stdout(&result));
    assert!(made_only_what_changed(&build("after a whole build")));
    // Without the edition, the search index holds the brief as written.
    edit(plan, "（修订）", "（三修）");
    assert!(made_only_what_changed(&build("a title, with no edition")));

    // What was kept, damaged, means a whole build, not a wrong one: a
    // file that is not records at all, a base cut short, a record with a
    // byte more than its value.
    let kept = root.join(".output.renewal-cache");
    let base = root.join(".output.renewal-cache-base");
    assert!(kept.is_file() && base.is_file());
    write(root, ".output.renewal-cache", "not records");
    edit(plan, "（三修）", "（再修订）");
    let result = build("what was kept is not records");
    assert!(!made_only_what_changed(&result), "{}", stdout(&result));
    let bytes = std::fs::read(&base).unwrap();
    std::fs::write(&base, &bytes[..bytes.len() - 1]).unwrap();
    edit(plan, "（再修订）", "（四修）");
    let result = build("the base is cut short");
    assert!(!made_only_what_changed(&result), "{}", stdout(&result));
    let bytes = std::fs::read(&kept).unwrap();
    let head = u32::from_le_bytes(bytes[..4].try_into().unwrap());
    let mut longer = (head + 1).to_le_bytes().to_vec();
    longer.extend_from_slice(&bytes[4..4 + head as usize]);
    longer.push(0);
    longer.extend_from_slice(&bytes[4 + head as usize..]);
    std::fs::write(&kept, longer).unwrap();
    edit(plan, "（四修）", "（五修）");
    let result = build("a record has a byte more");
    assert!(!made_only_what_changed(&result), "{}", stdout(&result));
    // Whole records, but too few of them: the head and the order of
    // reports, without the pages, the index or what follows.
    edit(plan, "（五修）", "（六修）");
    assert!(made_only_what_changed(&build(
        "kept again after a whole build"
    )));
    let bytes = std::fs::read(&kept).unwrap();
    let mut end = 0;
    for _ in 0..4 {
        let len = u32::from_le_bytes(bytes[end..end + 4].try_into().unwrap()) as usize;
        end += 4 + len;
    }
    std::fs::write(&kept, &bytes[..end]).unwrap();
    edit(plan, "（六修）", "（七修）");
    let result = build("what was kept has too few records");
    assert!(!made_only_what_changed(&result), "{}", stdout(&result));
    edit(plan, "（七修）", "（八修）");
    assert!(made_only_what_changed(&build(
        "kept again after a whole build"
    )));
}

/// Sets the modification time of the file at `rel` below `root` back to
/// what it was (`before`), as if it had not been saved.
fn dated_back(root: &std::path::Path, rel: &str, before: std::time::SystemTime) {
    let file = std::fs::File::options()
        .write(true)
        .open(root.join(rel))
        .unwrap();
    file.set_modified(before).unwrap();
}

#[test]
fn a_build_after_an_edit_reads_no_report_but_the_edited_one() {
    let site = fixture("basic");
    let root = site.path();
    // A brief in traditional script: the search's script map lists its
    // characters (佈 → 布), which a build after an edit elsewhere takes
    // from what the last build kept rather than from the file.
    let brief = "content/2025/test-brief.md";
    write(
        root,
        brief,
        "---\ntitle: 測試市動員會\nkind: progress\ncity: 测试市\nyear: 2025\npublished: 2025-05-01\nlanguage: zh-Hant\n---\n\n會上佈置任務。\n",
    );
    for name in ["test-plan.md", "test-midyear.md", "test-brief.md"] {
        saved_long_ago(root, &format!("content/2025/{name}"));
    }
    let build = || built(root);
    build();
    let chars = || read(&root.join("output/search/chars.json"));
    assert!(chars().contains("\"佈\":\"布\""), "{}", chars());
    // The brief's bytes change behind the build's back: same size, same
    // time. A build that read it would list 鬱; one that trusts what it
    // kept does not.
    let stamp = std::fs::metadata(root.join(brief))
        .unwrap()
        .modified()
        .unwrap();
    let text = read(&root.join(brief)).replace('佈', "鬱");
    write(root, brief, text);
    dated_back(root, brief, stamp);
    let plan = "content/2025/test-plan.md";
    let edited = read(&root.join(plan)).replace(
        "测试市2025年城市更新计划",
        "测试市2025年城市更新计划（修订）",
    );
    write(root, plan, edited);
    let result = build();
    assert!(made_only_what_changed(&result), "{}", stdout(&result));
    assert!(
        chars().contains("\"佈\":\"布\"") && !chars().contains('鬱'),
        "the brief was read again: {}",
        chars()
    );
    // Saved (a new time), it is read, and its characters are listed.
    write(root, brief, read(&root.join(brief)));
    let result = build();
    assert!(made_only_what_changed(&result), "{}", stdout(&result));
    assert!(
        chars().contains("\"鬱\":\"郁\"") && !chars().contains('佈'),
        "{} {}",
        chars(),
        stdout(&result)
    );
}

#[test]
fn every_kind_of_edit_built_as_a_change_ends_as_a_clean_build() {
    let site = fixture("basic");
    let root = site.path();
    with_edition_and_short_pages(root);
    let out = root.join("output");
    let plan = "content/2025/test-plan.md";
    let midyear = "content/2025/test-midyear.md";
    let replace = |rel: &str, from: &str, to: &str| {
        let text = read(&root.join(rel));
        assert!(text.contains(from), "{rel} has no {from:?}");
        write(root, rel, text.replacen(from, to, 1));
    };
    let rename = |from: &str, to: &str| {
        std::fs::create_dir_all(root.join(to).parent().unwrap()).unwrap();
        std::fs::rename(root.join(from), root.join(to)).unwrap();
    };
    let first = run(root, &["build"]);
    assert!(first.status.success(), "{}", stderr(&first));
    // Each edit, as an editor makes it, then a build of what changed,
    // which must write what a clean build writes.
    type Edit<'a> = (&'a str, Box<dyn Fn() + 'a>);
    let edits: Vec<Edit> = vec![
        (
            "a summary added",
            Box::new(|| {
                replace(
                    midyear,
                    "kind: progress\n",
                    "kind: progress\nsummary: 上半年完成过半\n",
                )
            }),
        ),
        (
            "a topic added",
            Box::new(|| replace(plan, "topics: [gas]", "topics: [gas, old-compounds]")),
        ),
        (
            "a note on a figure",
            Box::new(|| {
                replace(
                    midyear,
                    "    actual: 15\n",
                    "    actual: 15\n    note: 含两个片区\n",
                )
            }),
        ),
        (
            "the source's reporter",
            Box::new(|| replace(plan, "reporter: 张三", "reporter: 王五")),
        ),
        (
            "a unit",
            Box::new(|| replace(plan, "unit: 公里", "unit: 千米")),
        ),
        (
            "a metric's label",
            Box::new(|| replace(plan, "label: 改造老旧小区", "label: 老旧小区改造")),
        ),
        (
            "a link to another report in the body",
            Box::new(|| {
                replace(
                    midyear,
                    "上半年进展顺利。",
                    "上半年进展顺利，见[年度计划](/reports/test-plan/)。",
                )
            }),
        ),
        (
            "written in traditional script",
            Box::new(|| {
                replace(
                    midyear,
                    "kind: progress\n",
                    "kind: progress\nlanguage: zh-Hant\n",
                )
            }),
        ),
        (
            "an address given",
            Box::new(|| {
                replace(
                    midyear,
                    "kind: progress\n",
                    "kind: progress\nslug: midyear-2025\n",
                )
            }),
        ),
        (
            "the file renamed",
            Box::new(|| rename(midyear, "content/2025/h1.md")),
        ),
        (
            "the file moved to another folder",
            Box::new(|| rename("content/2025/h1.md", "content/archive/h1.md")),
        ),
        (
            "the address taken back: the file name gives it",
            Box::new(|| replace("content/archive/h1.md", "slug: midyear-2025\n", "")),
        ),
        (
            "saved unchanged",
            Box::new(|| write(root, plan, read(&root.join(plan)))),
        ),
        (
            "a district's target added",
            Box::new(|| {
                replace(
                    plan,
                    "    target: 40\n",
                    "    districts:\n      - district: east\n        target: 25\n      - district: west\n        target: 15\n",
                )
            }),
        ),
        (
            "a metric added to the plan",
            Box::new(|| {
                let text = read(&root.join(plan));
                let end = text.find("---\n\n##").unwrap();
                let metric =
                    "  - id: test-lifts\n    label: 加装电梯\n    unit: 部\n    target: 9\n";
                write(
                    root,
                    plan,
                    format!("{}{metric}{}", &text[..end], &text[end..]),
                );
            }),
        ),
        (
            "a metric no report has any more",
            Box::new(|| {
                replace(
                    plan,
                    "  - id: test-lifts\n    label: 加装电梯\n    unit: 部\n    target: 9\n",
                    "",
                )
            }),
        ),
        (
            "a stylesheet of the site's own",
            Box::new(|| write(root, "static/extra.css", "p { margin: 0 }\n")),
        ),
    ];
    for (step, edit) in edits {
        edit();
        let result = run(root, &["build"]);
        assert!(result.status.success(), "{step}: {}", stderr(&result));
        let differ = differences_from_a_clean_build(root, &out);
        assert!(
            differ.is_empty(),
            "{step}: differs from a clean build: {differ:?}\n{}",
            stdout(&result)
        );
    }
}

#[test]
fn a_page_made_again_with_fewer_files_leaves_none_behind() {
    let site = fixture("basic");
    let root = site.path();
    // The search index lists 256 reports a file: one report more takes a
    // second file, and deleting it takes that file away.
    let report = |n: usize| {
        format!(
            "---\ntitle: 测试市第{n}号简报\nkind: progress\ncity: test-city\nyear: 2025\npublished: 2025-03-01\nmetrics:\n  - id: test-compounds\n    actual: {n}\n    as_of: 2025-03-01\n---\n\n第{n}号。\n"
        )
    };
    for n in 0..255 {
        write(root, &format!("content/2025/brief-{n:03}.md"), report(n));
    }
    let out = root.join("output");
    let build = || built(root);
    build();
    assert!(out.join("search/d-1.json").is_file());
    std::fs::remove_file(root.join("content/2025/brief-254.md")).unwrap();
    let result = build();
    assert!(made_only_what_changed(&result), "{}", stdout(&result));
    assert!(
        !out.join("search/d-1.json").exists(),
        "a file the index no longer has"
    );
    assert_eq!(
        differences_from_a_clean_build(root, &out),
        Vec::<String>::new()
    );
}

#[test]
fn what_a_build_keeps_is_written_again_only_when_much_has_changed() {
    let site = fixture("basic");
    let root = site.path();
    let brief = |n: usize, actual: usize| {
        format!(
            "---\ntitle: 测试市第{n}号简报\nkind: progress\ncity: test-city\nyear: 2025\npublished: 2025-03-{:02}\nmetrics:\n  - id: test-compounds\n    actual: {actual}\n    as_of: 2025-03-01\n---\n\n第{n}号。\n",
            n % 28 + 1
        )
    };
    let save = |n: usize, actual: usize| {
        let rel = format!("content/2025/brief-{n:02}.md");
        write(root, &rel, brief(n, actual));
        saved_long_ago(root, &rel);
    };
    for n in 0..40 {
        save(n, n);
    }
    for name in ["test-plan.md", "test-midyear.md"] {
        saved_long_ago(root, &format!("content/2025/{name}"));
    }
    let out = root.join("output");
    let base = root.join(".output.renewal-cache-base");
    let base_id = || {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(&base).expect("the base of what is kept");
        (meta.ino(), meta.modified().unwrap())
    };
    let build = |step: &str| {
        let result = run(root, &["build"]);
        assert!(result.status.success(), "{step}: {}", stderr(&result));
        assert_eq!(
            differences_from_a_clean_build(root, &out),
            Vec::<String>::new(),
            "{step}"
        );
        result
    };
    build("first build");
    let first = base_id();
    // One report at a time: each is kept beside the base, which stays.
    let steps: [(&str, &dyn Fn()); 5] = [
        ("a figure", &|| save(1, 100)),
        ("another report's figure", &|| save(2, 200)),
        ("the first report again", &|| save(1, 101)),
        ("a report taken away", &|| {
            std::fs::remove_file(root.join("content/2025/brief-03.md")).unwrap()
        }),
        ("a report added", &|| save(40, 40)),
    ];
    for (step, change) in steps {
        change();
        let result = build(step);
        assert!(
            made_only_what_changed(&result),
            "{step}: {}",
            stdout(&result)
        );
        assert_eq!(base_id(), first, "{step}: the base was written again");
    }
    let again = build("nothing changed");
    assert!(
        stdout(&again).contains("0 report files changed"),
        "{}",
        stdout(&again)
    );
    // Many reports changed: the base is written again, with them.
    for n in 10..30 {
        save(n, n + 1000);
    }
    let result = build("many reports changed");
    assert!(made_only_what_changed(&result), "{}", stdout(&result));
    assert_ne!(base_id(), first, "a base of many changed reports");
    let renewed = base_id();
    save(5, 500);
    let result = build("one more after the new base");
    assert!(made_only_what_changed(&result), "{}", stdout(&result));
    assert_eq!(base_id(), renewed);
    // Many reports gone: the base is written again without them.
    for n in 30..40 {
        std::fs::remove_file(root.join(format!("content/2025/brief-{n:02}.md"))).unwrap();
    }
    let result = build("many reports taken away");
    assert!(made_only_what_changed(&result), "{}", stdout(&result));
    assert_ne!(base_id(), renewed, "a base of many reports gone");
}

#[test]
fn a_first_build_that_fails_leaves_nothing_beside_the_site() {
    let site = fixture("basic");
    let root = site.path();
    write(root, "content/2025/broken.md", "---\ntitle: [unclosed\n");
    let result = run(root, &["build"]);
    assert!(!result.status.success());
    let mut names: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["content", "site.yaml"]);
}

/// A build of what changed takes the unchanged parts of the site-wide
/// open data and search index from what the last build kept, never from
/// the published output: a published file replaced by other bytes of the
/// same size, or changed where it lies, does not reach the next build.
#[test]
fn a_build_of_what_changed_never_takes_parts_from_the_published_output() {
    let site = fixture("basic");
    let root = site.path();
    let out = root.join("output");
    for name in ["test-plan.md", "test-midyear.md"] {
        saved_long_ago(root, &format!("content/2025/{name}"));
    }
    let build = || built(root);
    build();
    // Same size, other bytes, as a new file in the file's place (which
    // leaves what was kept as it was), and then in place.
    let garble = |path: &str, in_place: bool| {
        let file = out.join(path);
        let bytes = std::fs::read(&file).unwrap();
        let garbled: Vec<u8> = bytes
            .iter()
            .map(|&b| if b.is_ascii_digit() { b'7' } else { b })
            .collect();
        assert_ne!(bytes, garbled, "{path}");
        if in_place {
            std::fs::write(&file, &garbled).unwrap();
        } else {
            let beside = file.with_extension("new");
            std::fs::write(&beside, &garbled).unwrap();
            std::fs::rename(&beside, &file).unwrap();
        }
    };
    for (step, in_place) in [("a new file", false), ("in place", true)] {
        for path in [
            "data/renewal.csv",
            "data/renewal.json",
            "search/i-0.json",
            "search/d-0.json",
        ] {
            garble(path, in_place);
        }
        let plan = read(&root.join("content/2025/test-plan.md"));
        let edited = match plan.contains("target: 40\n") {
            true => plan.replace("target: 40\n", "target: 41\n"),
            false => plan.replace("target: 41\n", "target: 40\n"),
        };
        write(root, "content/2025/test-plan.md", edited);
        let result = build();
        assert!(
            made_only_what_changed(&result),
            "{step}: {}",
            stdout(&result)
        );
        assert_eq!(
            differences_from_a_clean_build(root, &out),
            Vec::<String>::new(),
            "{step}"
        );
    }
}
