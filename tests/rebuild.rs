//! Building into an existing output writes only the files whose bytes
//! changed, removes the ones no longer produced, and always ends with
//! exactly what a clean build writes.

mod common;
use common::*;

/// "N written" from a build's summary line.
fn written(output: &std::process::Output) -> usize {
    let out = stdout(output);
    let at = out
        .find(" written")
        .unwrap_or_else(|| panic!("no count in {out}"));
    let start = out[..at].rfind('(').unwrap() + 1;
    out[start..at].parse().unwrap()
}

#[test]
fn a_rebuild_writes_only_what_changed_and_matches_a_clean_build() {
    let site = fixture("basic");
    let root = site.path();
    let out = root.join("output");
    let build = || {
        let result = run(root, &["build"]);
        assert!(result.status.success(), "{}", stderr(&result));
        result
    };
    let all = written(&build());
    assert!(all >= 18, "a first build writes every file: {all}");
    build();
    assert_eq!(written(&build()), 0, "nothing changed, nothing written");

    let plan = read(&root.join("content/2025/test-plan.md"));
    write(
        root,
        "content/2025/test-plan.md",
        plan.replace(
            "测试市2025年城市更新计划",
            "测试市2025年城市更新计划（修订）",
        ),
    );
    let changed = written(&build());
    assert!(changed > 0 && changed < all, "{changed} of {all}");
    // A report taken away takes its page with it.
    std::fs::remove_file(root.join("content/2025/test-midyear.md")).unwrap();
    build();
    assert!(!out.join("reports/test-midyear/index.html").exists());

    let clean = root.join("clean");
    let result = run(root, &["build", "--output", clean.to_str().unwrap()]);
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(
        snapshot(&out) == snapshot(&clean),
        "the rebuilt output differs from a clean build"
    );
}
