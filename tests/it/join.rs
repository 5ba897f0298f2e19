//! Joining again only the metrics that edited reports state gives exactly
//! what joining every report gives.

use crate::common::*;
use renewal::join::{join, join_again};
use renewal::load::{self, Unread};
use std::sync::Arc;

/// A change to one report.
type Edit = dyn Fn(&mut renewal::model::Report);

#[test]
fn joining_again_after_each_kind_of_edit_matches_a_whole_join() {
    let root = repo();
    let (config, _) = load::read_config(&root);
    let config = config.expect("the example site's configuration");
    let loaded = load::reports(&root, &config, None, None);
    assert!(loaded.problems.iter().all(|p| p.warning));
    let before = join(&loaded.reports, &config, &Unread::None).expect("the example joins");
    // An update's entry: it states a metric that a plan introduces.
    let elsewhere = (loaded.reports.iter())
        .flat_map(|r| &r.metrics)
        .find(|e| e.label.is_none())
        .cloned();
    assert!(elsewhere.is_some(), "the example has updates");
    let edits: Vec<(&str, Box<Edit>)> = vec![
        (
            "a figure's note",
            Box::new(|r| {
                if let Some(e) = r.metrics.last_mut() {
                    e.note = Some("改过的说明".into());
                }
            }),
        ),
        (
            "one entry fewer",
            Box::new(|r| {
                r.metrics.pop();
            }),
        ),
        (
            "a value fewer",
            Box::new(|r| {
                if let Some(e) = r.metrics.iter_mut().find(|e| e.values.len() > 1) {
                    e.values.pop();
                }
            }),
        ),
        (
            "an entry with a new id",
            Box::new(|r| {
                if let Some(e) = r.metrics.first().cloned() {
                    let mut e = e;
                    e.id = format!("{}-copy", e.id);
                    e.label = Some("新指标".into());
                    e.unit = Some("个".into());
                    r.metrics.push(e);
                }
            }),
        ),
        (
            "an entry for a metric that another report states",
            Box::new(move |r| {
                if let Some(e) = elsewhere.clone() {
                    r.metrics.push(e);
                }
            }),
        ),
    ];
    let mut checked = 0;
    for (what, edit) in &edits {
        for r in 0..loaded.reports.len() {
            let mut reports = loaded.reports.clone();
            let mut report = (*reports[r]).clone();
            edit(&mut report);
            if report == *reports[r] {
                continue;
            }
            reports[r] = Arc::new(report);
            let whole = join(&reports, &config, &Unread::None);
            let again = join_again(&reports, &config, &loaded.reports, &before);
            assert!(
                whole == again,
                "{what} in {}: joining again differs from a whole join",
                reports[r].file
            );
            checked += 1;
        }
    }
    assert!(checked > 20, "only {checked} edits made");
}
