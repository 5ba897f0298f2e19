//! How much SVG charts add to a build.
//!
//! Generates a fictional site (the invented city 基准市, `bench`) with 1,000
//! reports: 100 plans that each introduce 10 metrics with per-district
//! targets, and 900 progress reports that give dated actuals for them, so
//! every metric has a series of values per district. The same content is
//! built twice, once with `charts: true` and once with `charts: false` in
//! `site.yaml`, and the two builds are timed in alternation:
//!
//! - `render_site`: the whole build in memory (read, validate, join, render),
//!   which is what charts change;
//! - `build`: the same plus writing the output folder.
//!
//! Run it with
//!
//! ```text
//! cargo bench --bench build
//! BENCH_RUNS=20 cargo bench --bench build
//! ```
//!
//! `BENCH_RUNS` is the number of timed runs of each variant (default 10).

use renewal::model::Site;
use renewal::render::OutputFile;
use renewal::site::{build, render_site};
use std::fmt::Write as _;
use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const YEARS: std::ops::RangeInclusive<i32> = 2016..=2025;
const PLANS_PER_YEAR: usize = 10;
const PROGRESS_PER_PLAN: usize = 9;
const DEFAULT_RUNS: usize = 10;

/// The districts of 基准市: (id, name). All invented.
const DISTRICTS: [(&str, &str); 30] = [
    ("qingshi", "青石区"),
    ("liuan", "柳岸区"),
    ("baisha", "白沙区"),
    ("jinqiao", "金桥区"),
    ("yuntai", "云台区"),
    ("songtao", "松涛区"),
    ("xinghu", "星湖区"),
    ("wutong", "梧桐区"),
    ("fenglin", "枫林区"),
    ("cuiping", "翠屏区"),
    ("yintan", "银滩区"),
    ("lanxi", "兰溪区"),
    ("heye", "荷叶区"),
    ("shiqiao", "石桥区"),
    ("luoyue", "落月区"),
    ("bihai", "碧海区"),
    ("xiagu", "霞谷区"),
    ("guihua", "桂花区"),
    ("mingsha", "鸣沙区"),
    ("taoyuan", "桃源区"),
    ("jinsha", "金沙区"),
    ("yueya", "月牙区"),
    ("fengming", "凤鸣区"),
    ("wanliu", "万柳区"),
    ("xingtan", "杏坛区"),
    ("yanhui", "雁回区"),
    ("ludang", "芦荡区"),
    ("wangchao", "望潮区"),
    ("tingtao", "听涛区"),
    ("qingchuan", "晴川区"),
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
    /// A percentage rising from a baseline; city-wide only.
    Percent,
}

struct MetricKind {
    key: &'static str,
    label: &'static str,
    unit: &'static str,
    topic: &'static str,
    figures: Figures,
    /// Range of a district's target (or of the city-wide target).
    target: (f64, f64),
    /// Broken down by district, or one city-wide figure.
    per_district: bool,
}

/// The ten metrics every plan introduces, under ids of its own.
const METRIC_KINDS: [MetricKind; 10] = [
    MetricKind {
        key: "gas-mains",
        label: "老旧燃气管网改造",
        unit: "公里",
        topic: "gas",
        figures: Figures::Decimal,
        target: (2.0, 15.0),
        per_district: true,
    },
    MetricKind {
        key: "gas-meters",
        label: "更换新型燃气表的居民户",
        unit: "户",
        topic: "gas",
        figures: Figures::Count,
        target: (2_000.0, 90_000.0),
        per_district: true,
    },
    MetricKind {
        key: "water-mains",
        label: "供水管网改造",
        unit: "公里",
        topic: "water",
        figures: Figures::Decimal,
        target: (1.5, 12.0),
        per_district: true,
    },
    MetricKind {
        key: "sewer-separation",
        label: "雨污分流改造",
        unit: "公里",
        topic: "water",
        figures: Figures::Decimal,
        target: (0.8, 9.5),
        per_district: true,
    },
    MetricKind {
        key: "heating-mains",
        label: "老旧供热管网改造",
        unit: "公里",
        topic: "heating",
        figures: Figures::Decimal,
        target: (1.0, 11.0),
        per_district: true,
    },
    MetricKind {
        key: "old-compounds",
        label: "老旧小区综合改造",
        unit: "个",
        topic: "old-compounds",
        figures: Figures::Count,
        target: (1.0, 20.0),
        per_district: true,
    },
    MetricKind {
        key: "back-streets",
        label: "背街小巷整治",
        unit: "条",
        topic: "roads",
        figures: Figures::Count,
        target: (5.0, 60.0),
        per_district: true,
    },
    MetricKind {
        key: "pocket-parks",
        label: "新建口袋公园",
        unit: "处",
        topic: "parks",
        figures: Figures::Count,
        target: (10.0, 40.0),
        per_district: false,
    },
    MetricKind {
        key: "investment",
        label: "城市更新项目投资",
        unit: "万元",
        topic: "projects",
        figures: Figures::Decimal,
        target: (12_000.0, 2_500_000.0),
        per_district: true,
    },
    MetricKind {
        key: "waste-sorting",
        label: "生活垃圾分类小区覆盖率",
        unit: "%",
        topic: "environment",
        figures: Figures::Percent,
        target: (85.0, 98.0),
        per_district: false,
    },
];

/// A small deterministic generator (Knuth's MMIX LCG), so every run builds
/// the same site.
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

fn fmt_number(figures: Figures, x: f64) -> String {
    match figures {
        Figures::Decimal | Figures::Percent => format!("{x:.1}"),
        Figures::Count => format!("{x:.0}"),
    }
}

/// One metric as a plan sets it out.
struct PlannedMetric {
    id: String,
    kind: &'static MetricKind,
    /// Per district: (district index, target, pace). A pace above 1 finishes
    /// early and ends over target; below 1 falls short.
    districts: Vec<(usize, f64, f64)>,
    /// City-wide target, and its pace, for metrics not broken down.
    city: Option<(f64, f64)>,
    baseline: Option<f64>,
}

struct Plan {
    year: i32,
    number: usize,
    slug: String,
    metrics: Vec<PlannedMetric>,
}

fn plan(year: i32, number: usize, rng: &mut Lcg) -> Plan {
    let metrics = METRIC_KINDS
        .iter()
        .map(|kind| {
            let (lo, hi) = kind.target;
            let id = format!("bench-{year}-{number:02}-{}", kind.key);
            if kind.per_district {
                let count = 4 + rng.below(9);
                let first = rng.below(DISTRICTS.len());
                let districts = (0..count)
                    .map(|i| {
                        let target = round_to(kind.figures, rng.between(lo, hi)).max(1.0);
                        ((first + i) % DISTRICTS.len(), target, rng.between(0.7, 1.3))
                    })
                    .collect();
                PlannedMetric {
                    id,
                    kind,
                    districts,
                    city: None,
                    baseline: None,
                }
            } else {
                let target = round_to(kind.figures, rng.between(lo, hi));
                let baseline = (kind.figures == Figures::Percent)
                    .then(|| round_to(kind.figures, rng.between(40.0, 70.0)));
                PlannedMetric {
                    id,
                    kind,
                    districts: Vec::new(),
                    city: Some((target, rng.between(0.8, 1.15))),
                    baseline,
                }
            }
        })
        .collect();
    Plan {
        year,
        number,
        slug: format!("bench-{year}-plan-{number:02}"),
        metrics,
    }
}

fn topics_line(plan: &Plan) -> String {
    let mut topics: Vec<&str> = Vec::new();
    for m in &plan.metrics {
        if !topics.contains(&m.kind.topic) {
            topics.push(m.kind.topic);
        }
    }
    format!("[{}]", topics.join(", "))
}

const DISCLAIMER: &str = "> 基准市是为性能测试编造的城市，本页的机构、数字和日期都是虚构的。\n";

fn plan_markdown(plan: &Plan) -> String {
    let (year, number) = (plan.year, plan.number);
    let mut s = String::new();
    let total = |m: &PlannedMetric| m.districts.iter().map(|d| d.1).sum::<f64>();
    writeln!(s, "---").unwrap();
    writeln!(s, "title: 基准市{year}年城市更新计划（第{number}批，虚构）").unwrap();
    writeln!(s, "kind: plan").unwrap();
    writeln!(s, "city: bench").unwrap();
    writeln!(s, "year: {year}").unwrap();
    writeln!(s, "published: {year}-02-{:02}", 10 + number).unwrap();
    writeln!(
        s,
        "summary: 虚构城市基准市{year}年第{number}批城市更新任务，目标分解到各区。"
    )
    .unwrap();
    writeln!(s, "topics: {}", topics_line(plan)).unwrap();
    writeln!(
        s,
        "source:\n  publisher: 基准市住房和城乡建设局\n  outlet: 基准日报"
    )
    .unwrap();
    writeln!(s, "metrics:").unwrap();
    for m in &plan.metrics {
        let figures = m.kind.figures;
        writeln!(s, "  - id: {}", m.id).unwrap();
        writeln!(s, "    label: {}（第{number}批）", m.kind.label).unwrap();
        writeln!(s, "    unit: '{}'", m.kind.unit).unwrap();
        writeln!(s, "    topic: {}", m.kind.topic).unwrap();
        writeln!(s, "    deadline: {year}-12-31").unwrap();
        if let Some(baseline) = m.baseline {
            writeln!(s, "    baseline: {}", fmt_number(figures, baseline)).unwrap();
        }
        if let Some((target, _)) = m.city {
            writeln!(s, "    target: {}", fmt_number(figures, target)).unwrap();
        } else {
            writeln!(s, "    target: {}", fmt_number(figures, total(m))).unwrap();
            writeln!(s, "    districts:").unwrap();
            for &(d, target, _) in &m.districts {
                writeln!(s, "      - district: {}", DISTRICTS[d].1).unwrap();
                writeln!(s, "        target: {}", fmt_number(figures, target)).unwrap();
            }
        }
    }
    writeln!(s, "---\n").unwrap();
    s.push_str(DISCLAIMER);
    writeln!(s, "\n## 总体安排\n").unwrap();
    writeln!(
        s,
        "{year}年第{number}批任务共{}项指标，完成期限为{year}年12月31日。\n",
        plan.metrics.len()
    )
    .unwrap();
    writeln!(s, "| 指标 | 单位 | 目标 |\n|---|---|---:|").unwrap();
    for m in &plan.metrics {
        let target = m.city.map_or_else(|| total(m), |c| c.0);
        writeln!(
            s,
            "| {} | {} | {} |",
            m.kind.label,
            m.kind.unit,
            fmt_number(m.kind.figures, target)
        )
        .unwrap();
    }
    s
}

const MONTH_DAYS: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/// Progress report `step` (1-based) of a plan: actuals as of the end of
/// month `step + 2`, published early the next month.
fn progress_markdown(plan: &Plan, step: usize, rng: &mut Lcg) -> String {
    let (year, number) = (plan.year, plan.number);
    let month = step as u32 + 2;
    let last_day = MONTH_DAYS[month as usize - 1];
    let share = step as f64 / PROGRESS_PER_PLAN as f64;
    let mut s = String::new();
    writeln!(s, "---").unwrap();
    writeln!(
        s,
        "title: 基准市{year}年第{number}批城市更新任务{month}月进展（虚构）"
    )
    .unwrap();
    writeln!(s, "kind: progress").unwrap();
    writeln!(s, "city: bench").unwrap();
    writeln!(s, "year: {year}").unwrap();
    writeln!(s, "published: {year}-{:02}-{:02}", month + 1, 5 + number).unwrap();
    writeln!(s, "topics: {}", topics_line(plan)).unwrap();
    writeln!(s, "metrics:").unwrap();
    let mut lagging = 0;
    for m in &plan.metrics {
        let figures = m.kind.figures;
        writeln!(s, "  - id: {}", m.id).unwrap();
        writeln!(s, "    as_of: {year}-{month:02}-{last_day}").unwrap();
        if let Some((target, pace)) = m.city {
            let from = m.baseline.unwrap_or(0.0);
            let actual = from + (target - from) * (share * pace).min(1.2);
            writeln!(
                s,
                "    actual: {}",
                fmt_number(figures, round_to(figures, actual))
            )
            .unwrap();
            continue;
        }
        let mut districts = String::new();
        let mut total = Some(0.0);
        for &(d, target, pace) in &m.districts {
            // Some districts miss a report; a few send a note instead of a figure.
            if rng.chance(6) {
                total = None;
                continue;
            }
            writeln!(districts, "      - district: {}", DISTRICTS[d].1).unwrap();
            if rng.chance(3) {
                writeln!(districts, "        note: 数据待核对").unwrap();
                total = None;
                continue;
            }
            let actual = round_to(figures, target * share * pace);
            if actual < target * share {
                lagging += 1;
            }
            total = total.map(|t| t + actual);
            writeln!(districts, "        actual: {}", fmt_number(figures, actual)).unwrap();
            if rng.chance(5) {
                writeln!(
                    districts,
                    "        as_of: {year}-{month:02}-{:02}",
                    last_day - 10
                )
                .unwrap();
            }
        }
        // The city-wide total is given only when every district reported.
        if let Some(total) = total {
            writeln!(
                s,
                "    actual: {}",
                fmt_number(figures, round_to(figures, total))
            )
            .unwrap();
        }
        writeln!(s, "    districts:").unwrap();
        s.push_str(&districts);
    }
    writeln!(s, "---\n").unwrap();
    s.push_str(DISCLAIMER);
    writeln!(s, "\n## 进展\n").unwrap();
    writeln!(
        s,
        "截至{year}年{month}月{last_day}日，第{number}批任务按计划推进，{lagging}项分区指标进度落后于时序。"
    )
    .unwrap();
    s
}

fn site_yaml(charts: bool) -> String {
    let mut s = String::new();
    writeln!(s, "title: 城市更新进展公开（基准测试）").unwrap();
    writeln!(s, "base_url: https://bench.example.org/").unwrap();
    writeln!(s, "language: zh-Hans").unwrap();
    writeln!(s, "charts: {charts}").unwrap();
    writeln!(
        s,
        "cities:\n  - id: bench\n    name: 基准市\n    fictional: true"
    )
    .unwrap();
    writeln!(s, "    districts:").unwrap();
    for (id, name) in DISTRICTS {
        writeln!(s, "      - id: {id}\n        name: {name}").unwrap();
    }
    writeln!(s, "topics:").unwrap();
    for (id, name) in TOPICS {
        writeln!(s, "  - id: {id}\n    name: {name}").unwrap();
    }
    s
}

/// The generated reports: (path under `content/`, text).
fn reports() -> Vec<(String, String)> {
    let mut rng = Lcg(2025);
    let mut files = Vec::new();
    for year in YEARS {
        for number in 1..=PLANS_PER_YEAR {
            let plan = plan(year, number, &mut rng);
            files.push((format!("{year}/{}.md", plan.slug), plan_markdown(&plan)));
            for step in 1..=PROGRESS_PER_PLAN {
                files.push((
                    format!("{year}/bench-{year}-{number:02}-progress-{step}.md"),
                    progress_markdown(&plan, step, &mut rng),
                ));
            }
        }
    }
    files
}

fn write_site(root: &Path, charts: bool, reports: &[(String, String)]) {
    fs::create_dir_all(root).unwrap();
    fs::write(root.join("site.yaml"), site_yaml(charts)).unwrap();
    for (path, text) in reports {
        let path = root.join("content").join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
}

fn render_checked(root: &Path) -> (Site, Vec<OutputFile>) {
    match render_site(root) {
        Ok(built) => built,
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            panic!(
                "the generated site at {} has {} problem(s)",
                root.display(),
                problems.len()
            );
        }
    }
}

struct Variant {
    name: &'static str,
    root: PathBuf,
    output: PathBuf,
    site: Site,
    files: Vec<OutputFile>,
    render: Vec<Duration>,
    build: Vec<Duration>,
}

/// Times `runs` rounds of `time` on both variants, alternating which goes
/// first so neither always runs on a warmer cache.
fn alternate(on: &mut Variant, off: &mut Variant, runs: usize, time: fn(&mut Variant)) {
    for run in 0..runs {
        if run % 2 == 0 {
            time(on);
            time(off);
        } else {
            time(off);
            time(on);
        }
    }
}

impl Variant {
    fn new(name: &'static str, dir: &Path, charts: bool, reports: &[(String, String)]) -> Self {
        let root = dir.join(name).join("site");
        write_site(&root, charts, reports);
        let (site, files) = render_checked(&root);
        Variant {
            name,
            output: dir.join(name).join("output"),
            root,
            site,
            files,
            render: Vec::new(),
            build: Vec::new(),
        }
    }

    fn time_render(&mut self) {
        let start = Instant::now();
        let result = render_site(&self.root);
        self.render.push(start.elapsed());
        assert!(result.is_ok(), "{}: render_site failed", self.name);
        black_box(result.ok());
    }

    fn time_build(&mut self) {
        let start = Instant::now();
        let result = build(&self.root, &self.output);
        self.build.push(start.elapsed());
        assert!(result.is_ok(), "{}: build failed", self.name);
    }

    fn bytes(&self) -> usize {
        self.files.iter().map(|f| f.bytes.len()).sum()
    }

    fn svg_files(&self) -> usize {
        self.files
            .iter()
            .filter(|f| f.path.ends_with(".svg"))
            .count()
    }

    fn pages_with_svg(&self) -> usize {
        self.files
            .iter()
            .filter(|f| f.path.ends_with(".html") && contains(&f.bytes, b"<svg"))
            .count()
    }

    fn inline_svgs(&self) -> usize {
        self.files
            .iter()
            .filter(|f| f.path.ends_with(".html"))
            .map(|f| f.bytes.windows(4).filter(|w| w == b"<svg").count())
            .sum()
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn print_times(title: &str, on: &[Duration], off: &[Duration]) {
    let (on_median, off_median) = (ms(median(on)), ms(median(off)));
    let (on_min, off_min) = (
        ms(*on.iter().min().unwrap()),
        ms(*off.iter().min().unwrap()),
    );
    println!("{title}");
    println!(
        "  {:<22}{on_median:>12.1} ms{off_median:>12.1} ms",
        "median"
    );
    println!("  {:<22}{on_min:>12.1} ms{off_min:>12.1} ms", "min");
    println!(
        "  {:<22}{:>12.1} ms{:>12.1} ms",
        "max",
        ms(*on.iter().max().unwrap()),
        ms(*off.iter().max().unwrap())
    );
    for (label, a, b) in [
        ("charts add (median)", on_median, off_median),
        ("charts add (min)", on_min, off_min),
    ] {
        println!(
            "  {label:<22}{:>+12.1} ms ({:+.1}%)",
            a - b,
            (a - b) / b * 100.0
        );
    }
}

fn main() {
    let runs = match std::env::var("BENCH_RUNS") {
        Ok(v) => v
            .parse::<usize>()
            .ok()
            .filter(|&n| n > 0)
            .unwrap_or_else(|| panic!("BENCH_RUNS must be a positive whole number, not `{v}`")),
        Err(_) => DEFAULT_RUNS,
    };

    let dir = tempfile::tempdir().expect("a temporary folder");
    let start = Instant::now();
    let reports = reports();
    let content_bytes: usize = reports.iter().map(|(_, text)| text.len()).sum();
    let mut on = Variant::new("charts-on", dir.path(), true, &reports);
    let mut off = Variant::new("charts-off", dir.path(), false, &reports);
    let setup = start.elapsed();

    let site = &on.site;
    let points: usize = site.metrics.iter().map(|m| m.points.len()).sum();
    let plans = YEARS.count() * PLANS_PER_YEAR;
    println!("renewal build benchmark (fictional city 基准市, charts on vs off)");
    println!(
        "  site: {} reports ({plans} plans, {} progress reports), {} metrics, {points} data points, {} districts, {} topics",
        site.reports.len(),
        plans * PROGRESS_PER_PLAN,
        site.metrics.len(),
        DISTRICTS.len(),
        TOPICS.len(),
    );
    println!(
        "  content: {:.1} MiB of Markdown; generated, written and checked in {:.0} ms",
        content_bytes as f64 / (1024.0 * 1024.0),
        ms(setup)
    );
    println!("  timed runs per variant: {runs} (BENCH_RUNS), after one warm-up, interleaved");
    println!();

    println!("{:<24}{:>15}{:>15}", "", on.name, off.name);
    println!(
        "{:<24}{:>15}{:>15}",
        "output files",
        on.files.len(),
        off.files.len()
    );
    println!(
        "{:<24}{:>15}{:>15}",
        "  of which .svg",
        on.svg_files(),
        off.svg_files()
    );
    println!(
        "{:<24}{:>15}{:>15}",
        "HTML pages with <svg>",
        on.pages_with_svg(),
        off.pages_with_svg()
    );
    println!(
        "{:<24}{:>15}{:>15}",
        "<svg> elements in HTML",
        on.inline_svgs(),
        off.inline_svgs()
    );
    println!(
        "{:<24}{:>15}{:>15}",
        "output bytes",
        on.bytes(),
        off.bytes()
    );
    println!(
        "{:<24}{:>11.1} MiB{:>11.1} MiB",
        "output size",
        on.bytes() as f64 / (1024.0 * 1024.0),
        off.bytes() as f64 / (1024.0 * 1024.0)
    );
    let identical = on.files.len() == off.files.len()
        && on
            .files
            .iter()
            .zip(&off.files)
            .all(|(a, b)| a.path == b.path && a.bytes == b.bytes);
    if identical {
        println!("note: both variants produce identical output, so this build renders no charts");
    }
    println!();

    // Warm-up: the checked renders above covered render_site; build once each.
    on.time_build();
    off.time_build();
    on.build.clear();
    off.build.clear();

    alternate(&mut on, &mut off, runs, Variant::time_render);
    print_times("render_site (in memory)", &on.render, &off.render);
    println!();

    alternate(&mut on, &mut off, runs, Variant::time_build);
    print_times("build (render + write output)", &on.build, &off.build);
}
