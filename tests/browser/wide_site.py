"""Writes a fictional site that stretches page layouts: one city of 60
districts, one of them with a 24-character name, and a plan and an update
that give a figure for each district. Usage: python3 wide_site.py DIR"""
import sys
from pathlib import Path

root = Path(sys.argv[1])
(root / "content").mkdir(parents=True, exist_ok=True)
long_name = "云汐市滨江新区高新技术产业开发区管理委员会直辖区"
assert len(long_name) == 24, len(long_name)
districts = [("d01", long_name)] + [(f"d{i:02}", f"第{i}街区") for i in range(2, 61)]
site = [
    "title: 布局测试站",
    "description: 检验各种宽度下的版面（虚构）",
    "base_url: https://wide.example.org/",
    "language: zh-Hans",
    "cities:",
    "  - id: yunxi",
    "    name: 云汐市",
    "    fictional: true",
    "    districts:",
]
for id_, name in districts:
    site += [f"      - id: {id_}", f"        name: {name}"]
site += ["topics:", "  - id: homes", "    name: 老旧小区"]
(root / "site.yaml").write_text("\n".join(site) + "\n", encoding="utf-8")


def report(slug, title, kind, published, values):
    lines = [
        "---",
        f"title: {title}",
        f"kind: {kind}",
        "city: yunxi",
        "year: 2025",
        f"published: {published}",
        "topics: [homes]",
        "metrics:",
    ]
    for metric, label, unit, rows in values:
        lines += [f"  - id: {metric}"]
        if kind == "plan":
            lines += [f"    label: {label}", f"    unit: {unit}", "    deadline: 2025-12-31"]
        else:
            lines += ["    as_of: 2025-09-30"]
        lines += ["    districts:"]
        for district, figure in rows:
            field = "target" if kind == "plan" else "actual"
            lines += [f"      - district: {district}", f"        {field}: {figure}"]
    lines += ["---", "", f"{title}。", ""]
    (root / "content" / f"{slug}.md").write_text("\n".join(lines), encoding="utf-8")


homes = [(d, 10 + i) for i, (d, _) in enumerate(districts)]
money = [(d, 156_000_000 * (i + 1)) for i, (d, _) in enumerate(districts)]
report("yunxi-2025-plan", "云汐市2025年老旧小区改造计划（虚构）", "plan", "2025-02-01", [
    ("yunxi-2025-homes", "老旧小区综合改造", "个", homes),
    ("yunxi-2025-investment", "完成投资", "元", money),
])
report("yunxi-2025-q3", "云汐市2025年前三季度进展（虚构）", "progress", "2025-10-10", [
    ("yunxi-2025-homes", "", "", [(d, t * (i % 3) // 2) for i, (d, t) in enumerate(homes)]),
    ("yunxi-2025-investment", "", "", [(d, t // (1 + i % 4)) for i, (d, t) in enumerate(money)]),
])
