//! renewal against Hugo, side by side, at the size of a city, a province and
//! a country.
//!
//! For each size N (default 1,000, 10,000 and 100,000 reports) the benchmark
//! generates a fictional site: several invented cities with districts, ten
//! years, eight topics, and programmes of one plan, eight progress updates
//! and one year-end review, so that later reports update the metrics an
//! earlier plan introduced, by id, district by district. Most reports are
//! in simplified Chinese; some are in English and some in traditional
//! script. Beside it goes an equivalent Hugo site: a page per report with
//! its metrics table, a paginated list page per district and of all
//! reports, and a home page with the newest reports.
//!
//! Both are built as whole processes, interleaved run by run (the order
//! alternates), with sources and outputs on tmpfs (`/dev/shm`) when there
//! is one. For each build it records wall time, CPU time (user + system,
//! all threads) and peak resident memory, from `wait4`. renewal builds more
//! than the Hugo site holds (city, year, topic and metric pages, and SVG
//! charts), so the comparison does not flatter it.
//!
//! ```text
//! cargo bench --bench scale
//! BENCH_SIZES=1000,10000 BENCH_RUNS=5 cargo bench --bench scale
//! ```
//!
//! - `BENCH_SIZES`: comma-separated report counts (default `1000,10000,100000`).
//! - `BENCH_RUNS`: timed runs of each tool per size (default 3).
//! - `BENCH_DIR`: where to generate and build, made if missing (default `/dev/shm`, else
//!   the temp folder).
//! - `RENEWAL_BIN`: the renewal binary to time (default: the one this benchmark was built with).
//! - `HUGO_BIN`: the Hugo binary (default `hugo` on `PATH`; skipped with a note if absent).
//! - `BENCH_CHARTS_OFF=1`: also time renewal with `charts: false`.
//! - `BENCH_EDITIONS=1`: also time renewal with `editions: [zh-Hant]`, a
//!   traditional-script edition of every page.
//! - `BENCH_KEEP=1`: keep the generated sites and the last outputs (printed at the end).
//! - `BENCH_SAME_FILES`: also time Hugo configured to publish the same files as
//!   renewal (`benches/hugo_same_files.py` makes that site from renewal's; it needs
//!   `python3`): on by default up to 10,000 reports, `0` to leave it out, `1` to time it
//!   at any size.
//! - `BENCH_PREVIEW=1`: also time the live preview, from outside: start
//!   `renewal serve`, save one report with a new title eleven times (written
//!   beside it and renamed over it, as editors save), and time each save until
//!   the served page shows the title; then time a `build` into the existing
//!   output after each of eleven more such edits (the median, and the files
//!   the last one made and wrote). Use a `BENCH_DIR` on disk for the on-disk
//!   figures.
//!
//! Every place, body and figure in the generated sites is invented.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const YEARS: std::ops::RangeInclusive<i32> = 2016..=2025;
/// Reports in one programme: a plan, its progress updates, a review.
const PROGRESS_PER_PLAN: usize = 8;
const PROGRAMME: usize = PROGRESS_PER_PLAN + 2;
/// Items per list page, the same for both tools.
const PAGE_SIZE: usize = 50;

/// Syllables the invented place names are made of: (character, pinyin).
const HEADS: [(&str, &str); 20] = [
    ("青", "qing"),
    ("柳", "liu"),
    ("白", "bai"),
    ("金", "jin"),
    ("云", "yun"),
    ("松", "song"),
    ("星", "xing"),
    ("梧", "wu"),
    ("枫", "feng"),
    ("翠", "cui"),
    ("银", "yin"),
    ("兰", "lan"),
    ("荷", "he"),
    ("石", "shi"),
    ("落", "luo"),
    ("碧", "bi"),
    ("霞", "xia"),
    ("桂", "gui"),
    ("鸣", "ming"),
    ("桃", "tao"),
];
const TAILS: [(&str, &str); 10] = [
    ("川", "chuan"),
    ("原", "yuan"),
    ("陵", "ling"),
    ("州", "zhou"),
    ("阳", "yang"),
    ("宁", "ning"),
    ("泉", "quan"),
    ("山", "shan"),
    ("江", "jiang"),
    ("湾", "wan"),
];

const TOPICS: [(&str, &str); 8] = [
    ("gas", "燃气"),
    ("water", "供排水"),
    ("heating", "供热"),
    ("old-compounds", "老旧小区改造"),
    ("roads", "道路与街巷"),
    ("parks", "公园绿地"),
    ("projects", "项目投资"),
    ("environment", "市容环境"),
];

/// How the figures of one kind of metric look.
#[derive(Clone, Copy, PartialEq)]
enum Figures {
    /// One decimal place, e.g. kilometres.
    Decimal,
    /// Whole numbers, e.g. households or compounds.
    Count,
    /// A percentage rising from a baseline; one figure for the whole place.
    Percent,
}

/// A kind of metric plans set: its label and unit in each script and in English.
struct MetricKind {
    key: &'static str,
    label: [&'static str; 3],
    unit: [&'static str; 3],
    topic: &'static str,
    figures: Figures,
    /// Range of one district's target (or of a city-wide one).
    target: (f64, f64),
    per_district: bool,
}

/// Index into the `[simplified, traditional, English]` arrays.
#[derive(Clone, Copy, PartialEq)]
enum Lang {
    Hans = 0,
    Hant = 1,
    En = 2,
}

impl Lang {
    fn tag(self) -> &'static str {
        ["zh-Hans", "zh-Hant", "en"][self as usize]
    }
}

const KINDS: [MetricKind; 10] = [
    MetricKind {
        key: "gas-mains",
        label: [
            "老旧燃气管网改造",
            "老舊燃氣管網改造",
            "Old gas mains replaced",
        ],
        unit: ["公里", "公里", "km"],
        topic: "gas",
        figures: Figures::Decimal,
        target: (2.0, 15.0),
        per_district: true,
    },
    MetricKind {
        key: "gas-meters",
        label: [
            "更换新型燃气表的居民户",
            "更換新型燃氣表的居民戶",
            "Households given new gas meters",
        ],
        unit: ["户", "戶", "households"],
        topic: "gas",
        figures: Figures::Count,
        target: (2_000.0, 90_000.0),
        per_district: true,
    },
    MetricKind {
        key: "water-mains",
        label: ["供水管网改造", "供水管網改造", "Water mains renewed"],
        unit: ["公里", "公里", "km"],
        topic: "water",
        figures: Figures::Decimal,
        target: (1.5, 12.0),
        per_district: true,
    },
    MetricKind {
        key: "sewer-separation",
        label: [
            "雨污分流改造",
            "雨污分流改造",
            "Storm and foul sewers separated",
        ],
        unit: ["公里", "公里", "km"],
        topic: "water",
        figures: Figures::Decimal,
        target: (0.8, 9.5),
        per_district: true,
    },
    MetricKind {
        key: "heating-mains",
        label: [
            "老旧供热管网改造",
            "老舊供熱管網改造",
            "Old heating mains replaced",
        ],
        unit: ["公里", "公里", "km"],
        topic: "heating",
        figures: Figures::Decimal,
        target: (1.0, 11.0),
        per_district: true,
    },
    MetricKind {
        key: "old-compounds",
        label: [
            "老旧小区综合改造",
            "老舊小區綜合改造",
            "Old residential compounds renovated",
        ],
        unit: ["个", "個", "compounds"],
        topic: "old-compounds",
        figures: Figures::Count,
        target: (1.0, 20.0),
        per_district: true,
    },
    MetricKind {
        key: "back-streets",
        label: ["背街小巷整治", "背街小巷整治", "Back streets improved"],
        unit: ["条", "條", "streets"],
        topic: "roads",
        figures: Figures::Count,
        target: (5.0, 60.0),
        per_district: true,
    },
    MetricKind {
        key: "pocket-parks",
        label: ["新建口袋公园", "新建口袋公園", "Pocket parks built"],
        unit: ["处", "處", "parks"],
        topic: "parks",
        figures: Figures::Count,
        target: (10.0, 40.0),
        per_district: false,
    },
    MetricKind {
        key: "investment",
        label: [
            "城市更新项目投资",
            "城市更新項目投資",
            "Investment in renewal projects",
        ],
        unit: ["万元", "萬元", "10k yuan"],
        topic: "projects",
        figures: Figures::Decimal,
        target: (12_000.0, 250_000.0),
        per_district: true,
    },
    MetricKind {
        key: "waste-sorting",
        label: [
            "生活垃圾分类小区覆盖率",
            "生活垃圾分類小區覆蓋率",
            "Compounds sorting household waste",
        ],
        unit: ["%", "%", "%"],
        topic: "environment",
        figures: Figures::Percent,
        target: (85.0, 98.0),
        per_district: false,
    },
];

/// A small deterministic generator (Knuth's MMIX LCG), so every run builds
/// the same sites.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `[lo, hi)`.
    fn between(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * (self.next() as f64 / (1u64 << 31) as f64)
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

fn round_to(figures: Figures, x: f64) -> f64 {
    match figures {
        Figures::Decimal | Figures::Percent => (x * 10.0).round() / 10.0,
        Figures::Count => x.round(),
    }
}

/// A figure as a report writes it: `12.5`, `12`, `3000`.
fn figure(x: f64) -> String {
    let text = format!("{x:.1}");
    text.strip_suffix(".0").unwrap_or(&text).to_string()
}

struct District {
    id: String,
    name: String,
    english: String,
}

struct City {
    id: String,
    name: String,
    english: String,
    districts: Vec<District>,
}

/// The invented cities of a site of `n` reports: a few for a city-sized
/// site, up to fifty for a national one.
fn cities(n: usize, rng: &mut Lcg) -> Vec<City> {
    let count = (n / 2_000).clamp(3, 50);
    (0..count)
        .map(|c| {
            let (head, head_py) = HEADS[c % HEADS.len()];
            let (tail, tail_py) = TAILS[(c / HEADS.len() + c) % TAILS.len()];
            let id = format!("{head_py}{tail_py}");
            let districts = (0..5 + rng.below(5))
                .map(|d| {
                    let (dh, dh_py) = HEADS[(c * 7 + d * 3 + 1) % HEADS.len()];
                    let (dt, dt_py) = TAILS[(c + d * 3 + 2) % TAILS.len()];
                    let suffix = if d % 4 == 3 { "县" } else { "区" };
                    District {
                        id: format!("{dh_py}{dt_py}"),
                        name: format!("{dh}{dt}{suffix}"),
                        english: format!("{}{dt_py} District", capitalised(dh_py)),
                    }
                })
                .collect::<Vec<_>>();
            // Ids must be unique within the city.
            let mut seen = BTreeSet::new();
            let districts = districts
                .into_iter()
                .filter(|d| seen.insert(d.id.clone()))
                .collect();
            City {
                english: format!("{}{tail_py}", capitalised(head_py)),
                name: format!("{head}{tail}市"),
                id,
                districts,
            }
        })
        .collect()
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// One metric as a plan sets it out.
struct Planned {
    id: String,
    kind: &'static MetricKind,
    /// Per place: (district index or `None` for the programme's whole
    /// place, target, pace). A pace above 1 finishes early and ends over
    /// target; below 1 falls short.
    places: Vec<(Option<usize>, f64, f64)>,
    baseline: Option<f64>,
}

/// A plan and the reports that follow it.
struct Programme {
    city: usize,
    /// A programme of one district, or of the whole city.
    district: Option<usize>,
    year: i32,
    number: usize,
    lang: Lang,
    metrics: Vec<Planned>,
}

impl Programme {
    fn slug(&self, cities: &[City], part: &str) -> String {
        format!(
            "{}-{}-{:03}-{part}",
            cities[self.city].id, self.year, self.number
        )
    }

    /// The place the programme is about, as its reports name it.
    fn place(&self, cities: &[City]) -> String {
        let city = &cities[self.city];
        match (self.district, self.lang) {
            (Some(d), Lang::En) => format!("{}, {}", city.districts[d].english, city.english),
            (Some(d), _) => format!("{}{}", city.name, city.districts[d].name),
            (None, Lang::En) => city.english.clone(),
            (None, _) => city.name.clone(),
        }
    }

    fn topics(&self) -> Vec<&'static str> {
        let mut topics: Vec<&str> = Vec::new();
        for m in &self.metrics {
            if !topics.contains(&m.kind.topic) {
                topics.push(m.kind.topic);
            }
        }
        topics
    }
}

fn programme(p: usize, cities: &[City], rng: &mut Lcg) -> Programme {
    let years = YEARS.count();
    let city = p % cities.len();
    let year = *YEARS.start() + ((p / cities.len()) % years) as i32;
    let number = p / (cities.len() * years) + 1;
    let districts = cities[city].districts.len();
    let district = number
        .is_multiple_of(3)
        .then(|| (number / 3 + p) % districts);
    let lang = match p % 20 {
        7 | 17 => Lang::En,
        13 => Lang::Hant,
        _ => Lang::Hans,
    };
    let first = rng.below(KINDS.len());
    let count = 6 + rng.below(5);
    let metrics = (0..count)
        .map(|k| {
            let kind = &KINDS[(first + k) % KINDS.len()];
            let (lo, hi) = kind.target;
            let target = |rng: &mut Lcg| round_to(kind.figures, rng.between(lo, hi)).max(1.0);
            let places = if kind.per_district && district.is_none() {
                let spread = 3 + rng.below(districts - 2);
                let start = rng.below(districts);
                (0..spread)
                    .map(|i| {
                        let t = target(rng);
                        (Some((start + i) % districts), t, rng.between(0.7, 1.3))
                    })
                    .collect()
            } else {
                let t = target(rng);
                vec![(district, t, rng.between(0.7, 1.3))]
            };
            let baseline = (kind.figures == Figures::Percent)
                .then(|| round_to(kind.figures, rng.between(40.0, 70.0)));
            Planned {
                id: format!("{}-{year}-{number:03}-{}", cities[city].id, kind.key),
                kind,
                places,
                baseline,
            }
        })
        .collect();
    Programme {
        city,
        district,
        year,
        number,
        lang,
        metrics,
    }
}

/// One generated report, as both tools need it.
struct Report {
    slug: String,
    year: i32,
    city: usize,
    /// The district the whole report is about, as it names it.
    district: Option<String>,
    /// `YYYY-MM-DD`.
    published: String,
    title: String,
    lang: Lang,
    /// The front matter's `metrics:` block for renewal.
    renewal_metrics: String,
    /// The rows of its metrics table: label, place, target, actual, unit, as of.
    rows: Vec<[String; 6]>,
    /// Hugo taxonomy terms of the districts it concerns (`city-district`).
    districts: BTreeSet<String>,
    topics: Vec<&'static str>,
    kind: &'static str,
    summary: String,
    body: String,
}

const MONTH_DAYS: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/// The reports of programme `prog`: its plan, `steps` progress updates and,
/// when `review`, its year-end review.
fn programme_reports(
    prog: &Programme,
    cities: &[City],
    steps: usize,
    review: bool,
    rng: &mut Lcg,
) -> Vec<Report> {
    let mut out = vec![plan_report(prog, cities)];
    for step in 1..=steps {
        out.push(update_report(prog, cities, Some(step), rng));
    }
    if review {
        out.push(update_report(prog, cities, None, rng));
    }
    out
}

fn place_name(prog: &Programme, cities: &[City], district: Option<usize>) -> String {
    let city = &cities[prog.city];
    match (district, prog.lang) {
        (Some(d), Lang::En) => city.districts[d].english.clone(),
        (Some(d), _) => city.districts[d].name.clone(),
        (None, Lang::En) => city.english.clone(),
        (None, _) => city.name.clone(),
    }
}

fn plan_report(prog: &Programme, cities: &[City]) -> Report {
    let (year, l) = (prog.year, prog.lang as usize);
    let place = prog.place(cities);
    let title = match prog.lang {
        Lang::Hans => format!("{place}{year}年城市更新计划（第{}批，虚构）", prog.number),
        Lang::Hant => format!("{place}{year}年城市更新計劃（第{}批，虛構）", prog.number),
        Lang::En => format!(
            "{place}: urban renewal plan for {year}, batch {} (fictional)",
            prog.number
        ),
    };
    let mut fm = String::new();
    let mut rows = Vec::new();
    let mut districts = BTreeSet::new();
    for m in &prog.metrics {
        let unit = m.kind.unit[l];
        writeln!(fm, "  - id: {}", m.id).unwrap();
        writeln!(fm, "    label: \"{}\"", m.kind.label[l]).unwrap();
        writeln!(fm, "    unit: \"{unit}\"").unwrap();
        writeln!(fm, "    topic: {}", m.kind.topic).unwrap();
        writeln!(fm, "    deadline: {year}-12-31").unwrap();
        if let Some(b) = m.baseline {
            writeln!(fm, "    baseline: {}", figure(b)).unwrap();
        }
        let by_district = m.places.iter().any(|p| p.0 != prog.district);
        if by_district {
            let total = round_to(m.kind.figures, m.places.iter().map(|p| p.1).sum());
            writeln!(fm, "    target: {}", figure(total)).unwrap();
            rows.push(row(m.kind.label[l], &place, Some(total), None, unit, ""));
            writeln!(fm, "    districts:").unwrap();
        } else {
            writeln!(fm, "    target: {}", figure(m.places[0].1)).unwrap();
        }
        for &(d, target, _) in &m.places {
            if let Some(d) = d {
                districts.insert(format!(
                    "{}-{}",
                    cities[prog.city].id, cities[prog.city].districts[d].id
                ));
            }
            if by_district {
                let d = d.expect("a breakdown names districts");
                writeln!(fm, "      - district: {}", district_ref(prog, cities, d)).unwrap();
                writeln!(fm, "        target: {}", figure(target)).unwrap();
            }
            let name = place_name(prog, cities, d);
            rows.push(row(m.kind.label[l], &name, Some(target), None, unit, ""));
        }
    }
    let body = body(prog, cities, None, &rows);
    Report {
        slug: prog.slug(cities, "plan"),
        year,
        city: prog.city,
        district: prog.district.map(|d| district_ref(prog, cities, d)),
        published: format!("{year}-02-{:02}", 1 + prog.number % 27),
        title,
        lang: prog.lang,
        renewal_metrics: fm,
        rows,
        districts,
        topics: prog.topics(),
        kind: "plan",
        summary: summary(prog, cities, None),
        body,
    }
}

/// How a report names district `d`: by name in Chinese, by English name in English.
fn district_ref(prog: &Programme, cities: &[City], d: usize) -> String {
    let district = &cities[prog.city].districts[d];
    match prog.lang {
        Lang::En => format!("\"{}\"", district.english),
        Lang::Hant => district.id.clone(),
        Lang::Hans => district.name.clone(),
    }
}

/// Progress update `step` (actuals as of the end of month `step + 2`), or
/// the year-end review when `step` is `None`.
fn update_report(prog: &Programme, cities: &[City], step: Option<usize>, rng: &mut Lcg) -> Report {
    let (year, l) = (prog.year, prog.lang as usize);
    let place = prog.place(cities);
    let (month, share) = match step {
        Some(s) => (s as u32 + 2, s as f64 / (PROGRESS_PER_PLAN + 2) as f64),
        None => (12, 1.0),
    };
    let as_of = format!("{year}-{month:02}-{}", MONTH_DAYS[month as usize - 1]);
    let published = match step {
        Some(_) => format!("{year}-{:02}-{:02}", month + 1, 1 + prog.number % 27),
        None => format!("{}-01-{:02}", year + 1, 1 + prog.number % 27),
    };
    let title = match (prog.lang, step) {
        (Lang::Hans, Some(_)) => format!(
            "{place}{year}年第{}批城市更新任务{month}月进展（虚构）",
            prog.number
        ),
        (Lang::Hant, Some(_)) => format!(
            "{place}{year}年第{}批城市更新任務{month}月進展（虛構）",
            prog.number
        ),
        (Lang::En, Some(_)) => format!(
            "{place}: renewal batch {} of {year}, progress to month {month} (fictional)",
            prog.number
        ),
        (Lang::Hans, None) => format!(
            "{place}{year}年第{}批城市更新任务完成情况（虚构）",
            prog.number
        ),
        (Lang::Hant, None) => format!(
            "{place}{year}年第{}批城市更新任務完成情況（虛構）",
            prog.number
        ),
        (Lang::En, None) => format!(
            "{place}: renewal batch {} of {year}, year-end results (fictional)",
            prog.number
        ),
    };
    let mut fm = String::new();
    let mut rows = Vec::new();
    let mut districts = BTreeSet::new();
    // A progress update reports on some of the plan's metrics; the review on all.
    for m in &prog.metrics {
        if step.is_some() && !rng.chance(60) {
            continue;
        }
        let unit = m.kind.unit[l];
        writeln!(fm, "  - id: {}", m.id).unwrap();
        writeln!(fm, "    as_of: {as_of}").unwrap();
        let by_district = m.places.iter().any(|p| p.0 != prog.district);
        let from = m.baseline.unwrap_or(0.0);
        let actual_of = |target: f64, pace: f64| {
            round_to(
                m.kind.figures,
                from + (target - from) * (share * pace).min(1.25),
            )
        };
        if !by_district {
            let (d, target, pace) = m.places[0];
            let actual = actual_of(target, pace);
            writeln!(fm, "    actual: {}", figure(actual)).unwrap();
            rows.push(row(
                m.kind.label[l],
                &place_name(prog, cities, d),
                Some(target),
                Some(actual),
                unit,
                &as_of,
            ));
            continue;
        }
        writeln!(fm, "    districts:").unwrap();
        for (i, &(d, target, pace)) in m.places.iter().enumerate() {
            let d = d.expect("a breakdown names districts");
            // Some districts miss an update; the first always reports.
            if step.is_some() && i > 0 && rng.chance(8) {
                continue;
            }
            districts.insert(format!(
                "{}-{}",
                cities[prog.city].id, cities[prog.city].districts[d].id
            ));
            writeln!(fm, "      - district: {}", district_ref(prog, cities, d)).unwrap();
            let actual = actual_of(target, pace);
            writeln!(fm, "        actual: {}", figure(actual)).unwrap();
            let name = place_name(prog, cities, Some(d));
            rows.push(row(
                m.kind.label[l],
                &name,
                Some(target),
                Some(actual),
                unit,
                &as_of,
            ));
        }
    }
    if fm.is_empty() {
        // Every update reports at least its first metric.
        let m = &prog.metrics[0];
        let (d, target, pace) = m.places[0];
        let actual = round_to(m.kind.figures, target * share * pace);
        writeln!(fm, "  - id: {}\n    as_of: {as_of}", m.id).unwrap();
        match d {
            Some(d) if d != prog.district.unwrap_or(usize::MAX) => {
                writeln!(
                    fm,
                    "    districts:\n      - district: {}\n        actual: {}",
                    district_ref(prog, cities, d),
                    figure(actual)
                )
                .unwrap();
            }
            _ => writeln!(fm, "    actual: {}", figure(actual)).unwrap(),
        }
        rows.push(row(
            m.kind.label[l],
            &place_name(prog, cities, d),
            Some(target),
            Some(actual),
            m.kind.unit[l],
            &as_of,
        ));
    }
    let body = body(prog, cities, Some(month), &rows);
    let part = match step {
        Some(s) => format!("progress-{s}"),
        None => "review".into(),
    };
    Report {
        slug: prog.slug(cities, &part),
        year,
        city: prog.city,
        district: prog.district.map(|d| district_ref(prog, cities, d)),
        published,
        title,
        lang: prog.lang,
        renewal_metrics: fm,
        rows,
        districts,
        topics: prog.topics(),
        kind: if step.is_some() { "progress" } else { "review" },
        summary: summary(prog, cities, Some(month)),
        body,
    }
}

fn row(
    label: &str,
    place: &str,
    target: Option<f64>,
    actual: Option<f64>,
    unit: &str,
    as_of: &str,
) -> [String; 6] {
    [
        label.to_string(),
        place.to_string(),
        target.map(figure).unwrap_or_default(),
        actual.map(figure).unwrap_or_default(),
        unit.to_string(),
        as_of.to_string(),
    ]
}

fn summary(prog: &Programme, cities: &[City], month: Option<u32>) -> String {
    let place = prog.place(cities);
    let (year, n) = (prog.year, prog.metrics.len());
    match (prog.lang, month) {
        (Lang::Hans, None) => format!(
            "虚构的{place}{year}年第{}批任务，共{n}项指标，目标分解到各区县。",
            prog.number
        ),
        (Lang::Hant, None) => format!(
            "虛構的{place}{year}年第{}批任務，共{n}項指標，目標分解到各區縣。",
            prog.number
        ),
        (Lang::En, None) => {
            format!("Fictional: {place} sets {n} targets for {year}, broken down by district.")
        }
        (Lang::Hans, Some(m)) => format!("截至{m}月底，虚构的{place}第{}批任务进展。", prog.number),
        (Lang::Hant, Some(m)) => format!("截至{m}月底，虛構的{place}第{}批任務進展。", prog.number),
        (Lang::En, Some(m)) => format!("Fictional: where {place} stood at the end of month {m}."),
    }
}

/// A body of a few paragraphs, a heading or two and a table, as real
/// reports have; `month` is `None` for a plan.
fn body(prog: &Programme, cities: &[City], month: Option<u32>, rows: &[[String; 6]]) -> String {
    let place = prog.place(cities);
    let year = prog.year;
    let mut s = String::new();
    let (notice, general, detail, next, measures) = match prog.lang {
        Lang::Hans => (
            "> 本报告的城市、机构与数字均为性能测试而编造。",
            "## 总体情况",
            "## 分项指标",
            "## 下一步安排",
            [
                "坚持“先地下、后地上”，统筹管线更新与道路整治，减少重复开挖。",
                "建立周调度、月通报机制，对进度落后的区县逐项督办。",
                "公开投诉渠道，施工期间做好交通疏导与居民告知。",
                "资金按进度拨付，竣工验收后及时向社会公开结果。",
            ],
        ),
        Lang::Hant => (
            "> 本報告的城市、機構與數字均為性能測試而編造。",
            "## 總體情況",
            "## 分項指標",
            "## 下一步安排",
            [
                "堅持「先地下、後地上」，統籌管線更新與道路整治，減少重複開挖。",
                "建立周調度、月通報機制，對進度落後的區縣逐項督辦。",
                "公開投訴渠道，施工期間做好交通疏導與居民告知。",
                "資金按進度撥付，竣工驗收後及時向社會公開結果。",
            ],
        ),
        Lang::En => (
            "> The city, bodies and figures of this report are invented for a benchmark.",
            "## Overview",
            "## Targets and results",
            "## Next steps",
            [
                "Pipes go in before roads are resurfaced, so that no street is dug up twice.",
                "Districts report weekly; any district that falls behind is followed up item by item.",
                "Residents are told before works start, and complaints are answered within three days.",
                "Funds are released as work is done, and results are published once works are accepted.",
            ],
        ),
    };
    writeln!(s, "{notice}\n\n{general}\n").unwrap();
    match (prog.lang, month) {
        (Lang::En, None) => writeln!(s, "{place} sets out {} targets for {year}. Each is broken down by district where the work is shared, and every district reports its progress monthly.\n", prog.metrics.len()),
        (Lang::En, Some(m)) => writeln!(s, "By the end of month {m}, {place} had reported on {} items of its {year} programme. The figures below are as each district submitted them.\n", rows.len()),
        (Lang::Hant, None) => writeln!(s, "{place}{year}年安排城市更新任務{}項，涉及管網、小區、道路與公共空間，任務分解到各區縣，按月調度。\n", prog.metrics.len()),
        (Lang::Hant, Some(m)) => writeln!(s, "截至{m}月底，{place}{year}年城市更新任務共報送{}項數據，各區縣按計劃推進。\n", rows.len()),
        (Lang::Hans, None) => writeln!(s, "{place}{year}年安排城市更新任务{}项，涉及管网、小区、道路与公共空间，任务分解到各区县，按月调度。\n", prog.metrics.len()),
        (Lang::Hans, Some(m)) => writeln!(s, "截至{m}月底，{place}{year}年城市更新任务共报送{}项数据，各区县按计划推进。\n", rows.len()),
    }
    .unwrap();
    writeln!(s, "{detail}\n").unwrap();
    let header = match prog.lang {
        Lang::Hans => "| 指标 | 地区 | 目标 | 完成 |",
        Lang::Hant => "| 指標 | 地區 | 目標 | 完成 |",
        Lang::En => "| Item | Place | Target | Done |",
    };
    writeln!(s, "{header}\n|---|---|---:|---:|").unwrap();
    for r in rows.iter().take(12) {
        writeln!(s, "| {} | {} | {} | {} {} |", r[0], r[1], r[2], r[3], r[4]).unwrap();
    }
    writeln!(s, "\n{next}\n").unwrap();
    for m in measures {
        writeln!(s, "- {m}").unwrap();
    }
    s
}

/// Every report of a site of `n` reports, oldest programme first.
fn generate(n: usize) -> (Vec<City>, Vec<Report>) {
    let mut rng = Lcg(2025);
    let cities = cities(n, &mut rng);
    let mut reports = Vec::with_capacity(n);
    let mut p = 0;
    while reports.len() < n {
        let prog = programme(p, &cities, &mut rng);
        let left = n - reports.len();
        let steps = PROGRESS_PER_PLAN.min(left.saturating_sub(1));
        let review = left >= PROGRAMME;
        reports.extend(programme_reports(&prog, &cities, steps, review, &mut rng));
        p += 1;
    }
    (cities, reports)
}

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).unwrap();
    }
    fs::write(path, text).unwrap();
}

fn yaml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn write_renewal_site(root: &Path, cities: &[City], reports: &[Report], charts: bool) {
    let mut s = String::new();
    writeln!(s, "title: 城市更新进展公开（基准测试，虚构）").unwrap();
    writeln!(s, "base_url: https://bench.example.org/").unwrap();
    writeln!(s, "language: zh-Hans").unwrap();
    writeln!(s, "charts: {charts}").unwrap();
    writeln!(s, "cities:").unwrap();
    for c in cities {
        writeln!(
            s,
            "  - id: {}\n    name: {}\n    fictional: true\n    districts:",
            c.id, c.name
        )
        .unwrap();
        for d in &c.districts {
            writeln!(
                s,
                "      - id: {}\n        name: {}\n        other_names: [{}]",
                d.id,
                d.name,
                yaml_string(&d.english)
            )
            .unwrap();
        }
    }
    writeln!(s, "topics:").unwrap();
    for (id, name) in TOPICS {
        writeln!(s, "  - id: {id}\n    name: {name}").unwrap();
    }
    write(&root.join("site.yaml"), &s);
    for r in reports {
        let mut t = String::new();
        writeln!(
            t,
            "---\ntitle: {}\nkind: {}\ncity: {}",
            yaml_string(&r.title),
            r.kind,
            cities[r.city].id
        )
        .unwrap();
        if let Some(d) = &r.district {
            writeln!(t, "district: {d}").unwrap();
        }
        writeln!(
            t,
            "year: {}\npublished: {}\nlanguage: {}",
            r.year,
            r.published,
            r.lang.tag()
        )
        .unwrap();
        writeln!(
            t,
            "summary: {}\ntopics: [{}]",
            yaml_string(&r.summary),
            r.topics.join(", ")
        )
        .unwrap();
        writeln!(
            t,
            "source:\n  publisher: {}住房和城乡建设局（虚构）",
            cities[r.city].name
        )
        .unwrap();
        writeln!(t, "metrics:\n{}---\n\n{}", r.renewal_metrics, r.body).unwrap();
        write(
            &root.join(format!(
                "content/{}/{}/{}.md",
                r.year, cities[r.city].id, r.slug
            )),
            &t,
        );
    }
}

const HUGO_BASEOF: &str = r#"<!DOCTYPE html>
<html lang="zh-Hans">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} - {{ .Site.Title }}</title></head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav><a href="{{ "/reports/" | relURL }}">全部报告</a> <a href="{{ "/districts/" | relURL }}">区县</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"#;

const HUGO_SINGLE: &str = r#"{{ define "main" }}<article lang="{{ .Params.lang }}">
<h1>{{ .Title }}</h1>
<p>{{ .Params.kind }} · {{ .Params.place }} · <time>{{ .Date.Format "2006-01-02" }}</time></p>
<p>{{ .Summary }}</p>
{{ .Content }}
<h2>本报告的指标</h2>
<table><thead><tr><th>指标</th><th>地区</th><th>目标</th><th>完成</th><th>单位</th><th>截至</th></tr></thead><tbody>
{{ range .Params.metrics }}<tr><td>{{ .label }}</td><td>{{ .place }}</td><td>{{ .target }}</td><td>{{ .actual }}</td><td>{{ .unit }}</td><td>{{ .as_of }}</td></tr>
{{ end }}</tbody></table>
<p>{{ range .GetTerms "districts" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
</article>{{ end }}
"#;

const HUGO_LIST: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.kind }} · {{ .Params.place }} · {{ .Date.Format "2006-01-02" }}</li>
{{ end }}</ul>
{{ template "_internal/pagination.html" . }}{{ end }}
"#;

const HUGO_TERMS: &str = r#"{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>
{{ end }}</ul>{{ end }}
"#;

const HUGO_HOME: &str = r#"{{ define "main" }}<h1>{{ .Site.Title }}</h1>
<h2>最新报告</h2>
<ul>{{ range first 10 (where .Site.RegularPages "Section" "reports").ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.place }} · {{ .Date.Format "2006-01-02" }}</li>
{{ end }}</ul>{{ end }}
"#;

fn write_hugo_site(root: &Path, cities: &[City], reports: &[Report]) {
    write(
        &root.join("config.toml"),
        &format!(
            "baseURL = \"https://bench.example.org/\"\ntitle = \"城市更新进展公开（基准测试，虚构）\"\nlanguageCode = \"zh-Hans\"\npaginate = {PAGE_SIZE}\ndisableKinds = [\"RSS\", \"sitemap\", \"robotsTXT\"]\n[taxonomies]\n  district = \"districts\"\n"
        ),
    );
    write(&root.join("layouts/_default/baseof.html"), HUGO_BASEOF);
    write(&root.join("layouts/_default/single.html"), HUGO_SINGLE);
    write(&root.join("layouts/_default/list.html"), HUGO_LIST);
    write(&root.join("layouts/_default/terms.html"), HUGO_TERMS);
    write(&root.join("layouts/index.html"), HUGO_HOME);
    for c in cities {
        for d in &c.districts {
            write(
                &root.join(format!("content/districts/{}-{}/_index.md", c.id, d.id)),
                &format!("---\ntitle: {}{}\n---\n", c.name, d.name),
            );
        }
    }
    for r in reports {
        let mut t = String::new();
        writeln!(
            t,
            "---\ntitle: {}\ndate: {}\nkind: {}\nlang: {}",
            yaml_string(&r.title),
            r.published,
            r.kind,
            r.lang.tag()
        )
        .unwrap();
        writeln!(
            t,
            "place: {}\nsummary: {}",
            cities[r.city].name,
            yaml_string(&r.summary)
        )
        .unwrap();
        let terms: Vec<&str> = r.districts.iter().map(String::as_str).collect();
        writeln!(t, "districts: [{}]\nmetrics:", terms.join(", ")).unwrap();
        for row in &r.rows {
            writeln!(t, "  - {{label: {}, place: {}, target: \"{}\", actual: \"{}\", unit: {}, as_of: \"{}\"}}", yaml_string(&row[0]), yaml_string(&row[1]), row[2], row[3], yaml_string(&row[4]), row[5]).unwrap();
        }
        writeln!(t, "---\n\n{}", r.body).unwrap();
        write(&root.join(format!("content/reports/{}.md", r.slug)), &t);
    }
}

/// What one build cost.
#[derive(Clone, Copy)]
struct Sample {
    wall: Duration,
    cpu: Duration,
    /// Peak resident memory in bytes.
    peak: u64,
}

/// Runs `command` to the end and measures it with `wait4`, which reaps
/// the child itself (so `Child::wait` is not called).
#[allow(clippy::zombie_processes)]
fn measure(command: &mut Command) -> Sample {
    let start = Instant::now();
    let child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {command:?}: {e}"));
    let pid = child.id() as libc::pid_t;
    let mut stderr = child.stderr.expect("stderr");
    let mut errors = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut errors).ok();
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills in for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    assert_eq!(waited, pid, "wait4 failed for {command:?}");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{command:?} failed:\n{errors}"
    );
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Sample {
        wall,
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
        peak: usage.ru_maxrss as u64 * 1024,
    }
}

/// One tool building one site.
struct Contender {
    name: String,
    output: PathBuf,
    command: Command,
    samples: Vec<Sample>,
}

impl Contender {
    /// Hugo building the site in `dir/<site>` into `dir/<site>-output`,
    /// with the cache every Hugo run of `dir` shares.
    fn hugo(hugo: &Path, dir: &Path, site: &str, name: &str) -> Contender {
        let output = dir.join(format!("{site}-output"));
        let mut command = Command::new(hugo);
        command
            .arg("--source")
            .arg(dir.join(site))
            .arg("--destination")
            .arg(&output)
            .arg("--cacheDir")
            .arg(dir.join("hugo-cache"))
            .arg("--quiet");
        Contender {
            name: name.into(),
            output,
            command,
            samples: Vec::new(),
        }
    }

    fn run(&mut self) {
        let _ = fs::remove_dir_all(&self.output);
        self.samples.push(measure(&mut self.command));
    }

    fn median(&self, of: impl Fn(&Sample) -> f64) -> f64 {
        let mut values: Vec<f64> = self.samples.iter().map(of).collect();
        values.sort_by(f64::total_cmp);
        let n = values.len();
        if n % 2 == 1 {
            values[n / 2]
        } else {
            (values[n / 2 - 1] + values[n / 2]) / 2.0
        }
    }

    fn wall(&self) -> f64 {
        self.median(|s| s.wall.as_secs_f64())
    }

    fn cpu(&self) -> f64 {
        self.median(|s| s.cpu.as_secs_f64())
    }

    fn peak(&self) -> f64 {
        self.median(|s| s.peak as f64)
    }
}

/// Files, total bytes and the largest file below `dir`.
/// Files, bytes, and the size and path of the largest page (HTML) below
/// `dir`.
fn output_stats(dir: &Path) -> (usize, u64, u64, String) {
    let mut files = 0;
    let mut bytes = 0;
    let mut largest = (0, String::new());
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).into_iter().flatten().flatten() {
            let meta = entry.metadata().unwrap();
            if meta.is_dir() {
                stack.push(entry.path());
            } else {
                files += 1;
                bytes += meta.len();
                let page = entry.path().extension().is_some_and(|e| e == "html");
                if page && meta.len() > largest.0 {
                    let rel = entry
                        .path()
                        .strip_prefix(dir)
                        .unwrap()
                        .display()
                        .to_string();
                    largest = (meta.len(), rel);
                }
            }
        }
    }
    (files, bytes, largest.0, largest.1)
}

fn mib(bytes: f64) -> f64 {
    bytes / (1024.0 * 1024.0)
}

fn env_list(name: &str, default: &str) -> Vec<usize> {
    std::env::var(name)
        .unwrap_or_else(|_| default.into())
        .split(',')
        .map(|s| {
            s.trim()
                .replace('_', "")
                .parse()
                .unwrap_or_else(|_| panic!("{name}: `{s}` is not a whole number"))
        })
        .collect()
}

fn on_path(program: &str) -> Option<PathBuf> {
    if program.contains('/') {
        return Path::new(program).is_file().then(|| program.into());
    }
    std::env::var_os("PATH")
        .map(|p| {
            std::env::split_paths(&p)
                .map(|d| d.join(program))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .into_iter()
        .find(|p| p.is_file())
}

/// The child process that writes the sites of `n` reports into `dir`,
/// and prints what they hold.
fn generate_sites(args: &[String]) {
    let n: usize = args[0].parse().expect("a number of reports");
    let dir = Path::new(&args[1]);
    let (cities, reports) = generate(n);
    write_renewal_site(&dir.join("renewal"), &cities, &reports, true);
    if args[2] == "charts-off" {
        write_renewal_site(&dir.join("renewal-no-charts"), &cities, &reports, false);
    }
    if args[3] == "hugo" {
        write_hugo_site(&dir.join("hugo"), &cities, &reports);
    }
    let metrics: usize = reports
        .iter()
        .map(|r| r.renewal_metrics.matches("  - id: ").count())
        .sum();
    let districts: usize = cities.iter().map(|c| c.districts.len()).sum();
    let markdown: usize = reports
        .iter()
        .map(|r| r.body.len() + r.renewal_metrics.len())
        .sum();
    println!(
        "{} cities, {districts} districts, {metrics} metric entries, {:.1} MiB of Markdown",
        cities.len(),
        mib(markdown as f64)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--generate") {
        generate_sites(&args[at + 1..]);
        return;
    }
    let sizes = env_list("BENCH_SIZES", "1000,10000,100000");
    let runs = env_list("BENCH_RUNS", "3")[0].max(1);
    let renewal =
        std::env::var("RENEWAL_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_renewal").into());
    let hugo = on_path(&std::env::var("HUGO_BIN").unwrap_or_else(|_| "hugo".into()));
    let charts_off = std::env::var_os("BENCH_CHARTS_OFF").is_some();
    let base = std::env::var_os("BENCH_DIR")
        .map(PathBuf::from)
        .or_else(|| Path::new("/dev/shm").is_dir().then(|| "/dev/shm".into()))
        .unwrap_or_else(std::env::temp_dir);
    let keep = std::env::var_os("BENCH_KEEP").is_some();
    if let Err(e) = std::fs::create_dir_all(&base) {
        panic!("cannot make BENCH_DIR {}: {e}", base.display());
    }
    let work = tempfile::Builder::new()
        .prefix("renewal-bench-")
        .tempdir_in(&base)
        .expect("a folder to build in");

    println!("renewal against Hugo: sites of {sizes:?} reports, {runs} interleaved run(s) each");
    println!("  renewal: {renewal}");
    match &hugo {
        Some(h) => {
            let version = Command::new(h)
                .arg("version")
                .output()
                .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
                .unwrap_or_default();
            println!("  hugo: {} ({version})", h.display());
        }
        None => {
            println!("  hugo: not installed; Hugo is skipped (install Debian's `hugo` to compare)")
        }
    }
    println!("  sources and outputs in {}", base.display());
    println!(
        "  cores: {}",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );

    let mut summary = Vec::new();
    for &n in &sizes {
        let dir = work.path().join(n.to_string());
        let started = Instant::now();
        // The sites are generated by a child process: a process's peak
        // memory as `wait4` reports it includes the memory of the process
        // it was started from, so the one that starts the builds must stay
        // small.
        let generated = Command::new(std::env::current_exe().expect("this benchmark"))
            .arg("--generate")
            .arg(n.to_string())
            .arg(&dir)
            .arg(if charts_off {
                "charts-off"
            } else {
                "charts-on"
            })
            .arg(if hugo.is_some() { "hugo" } else { "no-hugo" })
            .output()
            .expect("the generator");
        assert!(
            generated.status.success(),
            "generating the sites failed:\n{}",
            String::from_utf8_lossy(&generated.stderr)
        );
        let renewal_site = dir.join("renewal");
        let mut contenders = vec![Contender {
            name: "renewal".into(),
            output: dir.join("renewal-output"),
            command: {
                let mut c = Command::new(&renewal);
                c.arg("--root")
                    .arg(&renewal_site)
                    .arg("build")
                    .arg("--output")
                    .arg(dir.join("renewal-output"));
                c
            },
            samples: Vec::new(),
        }];
        if charts_off {
            let site = dir.join("renewal-no-charts");
            let mut c = Command::new(&renewal);
            c.arg("--root")
                .arg(&site)
                .arg("build")
                .arg("--output")
                .arg(dir.join("renewal-no-charts-output"));
            contenders.push(Contender {
                name: "renewal, charts off".into(),
                output: dir.join("renewal-no-charts-output"),
                command: c,
                samples: Vec::new(),
            });
        }
        if std::env::var_os("BENCH_EDITIONS").is_some() {
            let site = dir.join("renewal-editions");
            let copied = Command::new("cp")
                .arg("-r")
                .arg(&renewal_site)
                .arg(&site)
                .status()
                .expect("cp");
            assert!(copied.success(), "copying the site failed");
            let config = fs::read_to_string(site.join("site.yaml")).expect("site.yaml");
            let config = config.replace(
                "language: zh-Hans\n",
                "language: zh-Hans\neditions: [zh-Hant]\n",
            );
            fs::write(site.join("site.yaml"), config).expect("site.yaml");
            let mut c = Command::new(&renewal);
            c.arg("--root")
                .arg(&site)
                .arg("build")
                .arg("--output")
                .arg(dir.join("renewal-editions-output"));
            contenders.push(Contender {
                name: "renewal, 2 editions".into(),
                output: dir.join("renewal-editions-output"),
                command: c,
                samples: Vec::new(),
            });
        }
        if let Some(hugo) = &hugo {
            contenders.push(Contender::hugo(hugo, &dir, "hugo", "hugo"));
        }
        // Hugo configured to publish the same files as renewal (see
        // benches/hugo_same_files.py), up to 10,000 reports unless asked
        // for: it takes about ten times as long as the plain Hugo site.
        let same_files = match std::env::var("BENCH_SAME_FILES").ok().as_deref() {
            Some("0") => false,
            Some(_) => true,
            None => n <= 10_000,
        };
        if let (Some(hugo), true) = (&hugo, same_files) {
            let site = dir.join("hugo-same-files");
            let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/hugo_same_files.py");
            let made = Command::new("python3")
                .arg(&script)
                .arg(&renewal_site)
                .arg(&site)
                .output();
            match made {
                Ok(made) if made.status.success() => {
                    let same = Contender::hugo(hugo, &dir, "hugo-same-files", "hugo, same files");
                    contenders.push(same);
                }
                other => println!(
                    "  the Hugo site publishing the same files could not be made (python3 {}): {other:?}",
                    script.display()
                ),
            }
        }
        println!();
        println!(
            "N = {n}: {}; generated in {:.1} s",
            String::from_utf8_lossy(&generated.stdout).trim(),
            started.elapsed().as_secs_f64()
        );

        let mut outputs = Vec::new();
        for run in 0..runs {
            let order: Vec<usize> = if run % 2 == 0 {
                (0..contenders.len()).collect()
            } else {
                (0..contenders.len()).rev().collect()
            };
            for i in order {
                contenders[i].run();
                if run == 0 {
                    outputs.push((i, output_stats(&contenders[i].output)));
                }
                if !(keep && run + 1 == runs) {
                    let _ = fs::remove_dir_all(&contenders[i].output);
                }
            }
        }
        outputs.sort_by_key(|(i, _)| *i);
        println!(
            "  {:<22}{:>10}{:>10}{:>10}{:>12}{:>10}{:>11}{:>14}",
            "", "wall", "CPU", "CPU/wall", "peak mem", "files", "output", "largest page"
        );
        for (c, (_, (files, bytes, largest, largest_path))) in contenders.iter().zip(&outputs) {
            println!(
                "  {:<22}{:>8.2} s{:>8.2} s{:>10.2}{:>8.0} MiB{:>10}{:>7.0} MiB{:>10.0} KiB  {largest_path}",
                c.name,
                c.wall(),
                c.cpu(),
                c.cpu() / c.wall(),
                mib(c.peak()),
                files,
                mib(*bytes as f64),
                *largest as f64 / 1024.0,
            );
        }
        let walls: Vec<String> = contenders[0]
            .samples
            .iter()
            .map(|s| format!("{:.2}", s.wall.as_secs_f64()))
            .collect();
        println!("  renewal wall times (s): {}", walls.join(", "));
        for (name, what) in [
            ("hugo", "Hugo (report and district pages)"),
            ("hugo, same files", "Hugo publishing the same files"),
        ] {
            if let Some(h) = contenders.iter().find(|c| c.name == name) {
                println!(
                    "  {what} takes {:.2}x renewal's wall time and {:.2}x its CPU time",
                    h.wall() / contenders[0].wall(),
                    h.cpu() / contenders[0].cpu()
                );
            }
        }
        if std::env::var_os("BENCH_PREVIEW").is_some() {
            preview(&renewal, &renewal_site, &dir);
        }
        summary.push((
            n,
            contenders[0].wall(),
            contenders[0].peak(),
            outputs[0].1.2,
        ));
        if !keep {
            let _ = fs::remove_dir_all(&dir);
        }
    }
    println!();
    for pair in summary.windows(2) {
        let ((n0, w0, _, _), (n1, w1, _, _)) = (pair[0], pair[1]);
        println!(
            "renewal from {n0} to {n1} reports ({:.0}x): wall time {:.1}x",
            n1 as f64 / n0 as f64,
            w1 / w0
        );
    }
    if keep {
        println!("kept in {}", work.keep().display());
    }
}

/// The live preview of the site at `site`, timed from outside (see
/// `BENCH_PREVIEW` above).
fn preview(renewal: &str, site: &Path, dir: &Path) {
    use std::io::{BufRead, BufReader, Read, Write};
    let report = walk_first_report(&site.join("content")).expect("a report to edit");
    let slug = report.file_stem().unwrap().to_string_lossy().into_owned();
    let original = fs::read_to_string(&report).unwrap();
    let retitled = |marker: &str| {
        original
            .lines()
            .map(|l| {
                if l.starts_with("title: ") {
                    format!("title: \"{marker}\"")
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    };
    let save = |text: &str| {
        let temp = report.with_extension("saving");
        fs::write(&temp, text).unwrap();
        fs::rename(&temp, &report).unwrap();
    };
    let output = dir.join("preview-output");
    let mut child = Command::new(renewal)
        .env("RENEWAL_LANG", "en")
        .arg("--root")
        .arg(site)
        .args(["serve", "--port", "0", "--output"])
        .arg(&output)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("renewal serve");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let address = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|l| {
            l.split("http://")
                .nth(1)
                .and_then(|r| r.split('/').next())
                .map(str::to_string)
        })
        .expect("serve prints its address");
    std::thread::spawn(move || for _ in lines {});
    let page = |address: &str| -> String {
        let Ok(mut stream) = std::net::TcpStream::connect(address) else {
            return String::new();
        };
        let _ = write!(
            stream,
            "GET /reports/{slug}/ HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
        );
        let mut body = String::new();
        let _ = stream.read_to_string(&mut body);
        body
    };
    let mut times = Vec::new();
    for i in 0..11 {
        let marker = format!("预览第{i}次");
        let started = Instant::now();
        save(&retitled(&marker));
        while !page(&address).contains(&marker) {
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "the edit never showed"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        times.push(started.elapsed().as_secs_f64());
        std::thread::sleep(Duration::from_millis(300));
    }
    let _ = child.kill();
    let _ = child.wait();
    let shown: Vec<String> = times.iter().map(|t| format!("{t:.3}")).collect();
    times.sort_by(f64::total_cmp);
    println!(
        "  preview: saving a report to its page served, median {:.3} s of {} edits ({} s)",
        times[times.len() / 2],
        times.len(),
        shown.join(", ")
    );
    // Builds into the output the preview left: two to settle it and the
    // copy kept beside it, then one after each of eleven more edits, timed.
    let build = || {
        Command::new(renewal)
            .env("RENEWAL_LANG", "en")
            .arg("--root")
            .arg(site)
            .args(["build", "--output"])
            .arg(&output)
            .output()
            .expect("renewal build")
    };
    build();
    build();
    let mut times = Vec::new();
    let mut said = String::new();
    for n in 0..11 {
        save(&retitled(&format!("构建{n}")));
        let started = Instant::now();
        let built = build();
        times.push(started.elapsed().as_secs_f64());
        said = String::from_utf8_lossy(&built.stdout).into_owned();
    }
    // "(1 report file changed: 399 files made again, 66 written, …)"
    let counts = said
        .rsplit_once(" written")
        .and_then(|(before, _)| before.rsplit_once('('))
        .map_or("?", |(_, counts)| counts);
    let shown: Vec<String> = times.iter().map(|t| format!("{t:.2}")).collect();
    times.sort_by(f64::total_cmp);
    println!(
        "  build after a one-report change into the existing output: median {:.2} s of {} edits ({} s); last: {counts} written",
        times[times.len() / 2],
        times.len(),
        shown.join(", ")
    );
    save(&original);
}

/// The first report file below `dir`, in sorted order.
fn walk_first_report(dir: &Path) -> Option<PathBuf> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if let Some(found) = walk_first_report(&path) {
                return Some(found);
            }
        } else if path.extension().is_some_and(|e| e == "md") {
            return Some(path);
        }
    }
    None
}
