// The built example site as real clients see it. Usage:
//   node check.mjs SITE_DIR [SCREENSHOT_DIR]
// 1. The W3C Nu Html Checker (vnu-jar, run with Java) on every page of
//    both editions: any error fails.
// 2. axe-core (WCAG 2.1 A and AA) in headless Chromium on every page type,
//    at 390 px and 1280 px, each in normal and in elder mode: any
//    violation fails.
// 3. At 390 px, no table cell with a figure lies outside the screen, and
//    no page scrolls sideways.
// 4. With JavaScript off, the text-size switch and elder mode still work;
//    without :has() (its rules removed) they work through the script's
//    classes; the choice is remembered on the next page.
// 5. In print, navigation and controls are hidden; the address and its
//    QR code are shown on the first page.
// 6. The search page finds reports from queries in either script, in
//    both editions, shows where the words stand in each report with them
//    marked, and says what to do without JavaScript.
// Chromium is Debian's (/usr/bin/chromium, or CHROMIUM); nothing is
// downloaded. A missing tool is a failure, never a skip.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { launchChromium, serveSite } from "./serve.mjs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const site = resolve(process.argv[2] ?? "");
const shots = process.argv[3] ? resolve(process.argv[3]) : null;
if (!process.argv[2] || !existsSync(join(site, "index.html"))) {
  console.error("usage: node check.mjs SITE_DIR [SCREENSHOT_DIR] (no index.html in the site)");
  process.exit(2);
}
let failures = 0;
const fail = (message) => {
  failures += 1;
  console.error(`FAIL ${message}`);
};

// 1. The Nu Html Checker.
const vnu = require.resolve("vnu-jar/build/dist/vnu.jar");
const checked = spawnSync("java", ["-jar", vnu, "--errors-only", "--skip-non-html", "--format", "text", site], {
  encoding: "utf8",
});
if (checked.error) {
  fail(`vnu could not run: ${checked.error.message}`);
} else if (checked.status !== 0) {
  fail(`the Nu Html Checker found errors:\n${checked.stdout}${checked.stderr}`);
} else {
  console.log("vnu: no errors in any page");
}

// A static server for the site, as a web server would serve it.
const { server, origin } = await serveSite(site);

// Every kind of page, in both editions where it matters.
const pages = {
  home: "/",
  "home-zh-hant": "/zh-hant/",
  reports: "/reports/",
  report: "/reports/dezhou-2022-review/",
  "report-converted": "/reports/laoshan-2023-mobilisation/",
  "report-original-zh-hant": "/zh-hant/reports/laoshan-2023-mobilisation/",
  "report-english": "/reports/mingchuan-2025-q3/",
  cities: "/cities/",
  city: "/cities/mingchuan/",
  district: "/cities/mingchuan/donghu/",
  years: "/years/",
  year: "/years/2025/",
  topics: "/topics/",
  topic: "/topics/gas/",
  metric: "/metrics/mingchuan-2025-gas-mains/",
  "metric-zh-hant": "/zh-hant/metrics/dongying-2022-waste-sorting-model-areas/",
  search: "/search/",
  data: "/data/",
  "data-zh-hant": "/zh-hant/data/",
  "not-found": "/no/such/page/",
};

const browser = await launchChromium();
if (!browser) process.exit(1);
const axe = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
if (shots) mkdirSync(shots, { recursive: true });

async function open(context, path) {
  const page = await context.newPage();
  const response = await page.goto(origin + path);
  const expected = path.startsWith("/no/") ? 404 : 200;
  if (response.status() !== expected) fail(`${path}: HTTP ${response.status()}`);
  return page;
}

async function axeViolations(page) {
  await page.addScriptTag({ content: axe });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`,
    );
  });
}

let runs = 0;
for (const width of [390, 1280]) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  for (const [name, path] of Object.entries(pages)) {
    for (const elder of [false, true]) {
      const page = await open(context, path);
      // The page may remember elder mode from the last one: set it as wanted.
      if ((await page.isChecked("#elder")) !== elder) await page.click("label[for=elder]");
      if (elder) {
        const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
        if (size < 18) fail(`${name} at ${width} px: elder mode body text is ${size} px`);
      }
      const where = `${name} at ${width} px${elder ? " in elder mode" : ""}`;
      for (const v of await axeViolations(page)) fail(`${where}: axe ${v}`);
      runs += 1;
      if (width === 390) {
        const outside = await page.evaluate(() => {
          const bad = [];
          for (const cell of document.querySelectorAll("main td, main th")) {
            if (!/\d/.test(cell.textContent)) continue;
            const r = cell.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            if (r.left < 0 || r.right > window.innerWidth + 0.5) {
              bad.push(`"${cell.textContent.trim().slice(0, 30)}" at ${Math.round(r.left)}–${Math.round(r.right)}`);
            }
          }
          const wide = document.scrollingElement.scrollWidth > window.innerWidth;
          return { bad, wide, scrollWidth: document.scrollingElement.scrollWidth };
        });
        for (const b of outside.bad) fail(`${where}: a figure's cell lies outside the screen: ${b}`);
        if (outside.wide) fail(`${where}: the page scrolls sideways (${outside.scrollWidth} px wide)`);
      }
      if (shots) {
        await page.screenshot({ path: join(shots, `${name}-${width}${elder ? "-elder" : ""}.png`), fullPage: true });
      }
      await page.close();
    }
  }
  await context.close();
}
console.log(`axe: ${runs} page views checked at 390 px and 1280 px, normal and elder mode`);

// 4. Without JavaScript the controls still work; with it, they are remembered.
{
  const context = await browser.newContext({ viewport: { width: 390, height: 900 }, javaScriptEnabled: false });
  const page = await open(context, pages.report);
  const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const before = await rootSize();
  await page.click("label[for=size-large]");
  const large = await rootSize();
  await page.click("label[for=elder]");
  const elder = await rootSize();
  if (!(large > before && elder >= 20)) fail(`without JavaScript: text ${before} px, large ${large} px, elder ${elder} px`);
  else console.log(`without JavaScript: text ${before} px, large ${large} px, elder ${elder} px`);
  await context.close();
}
// Where the browser has no :has() (older Android WebViews, the browsers
// built into chat apps), the small script's classes do the work: every
// rule with :has() is removed from the stylesheet, as such a browser
// would drop it, and the controls must still change the text.
{
  const context = await browser.newContext({ viewport: { width: 390, height: 900 } });
  const page = await open(context, pages.report);
  const removed = await page.evaluate(() => {
    let n = 0;
    for (const sheet of document.styleSheets) {
      for (let i = sheet.cssRules.length - 1; i >= 0; i--) {
        if ((sheet.cssRules[i].cssText || "").includes(":has(")) { sheet.deleteRule(i); n++; }
      }
    }
    return n;
  });
  const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const before = await rootSize();
  await page.click("label[for=size-large]");
  const large = await rootSize();
  await page.click("label[for=elder]");
  const elder = await rootSize();
  const ink = await page.evaluate(() => getComputedStyle(document.body).color);
  if (!(removed >= 8 && large > before && elder >= 20 && ink === "rgb(0, 0, 0)")) {
    fail(`without :has() (${removed} rules removed): text ${before} px, large ${large} px, elder ${elder} px, ink ${ink}`);
  } else {
    console.log(`without :has() (${removed} rules removed): text ${before} px, large ${large} px, elder ${elder} px`);
  }
  await context.close();
}
{
  const context = await browser.newContext({ viewport: { width: 390, height: 900 } });
  const page = await open(context, pages.report);
  await page.click("label[for=elder]");
  await page.goto(origin + pages.city);
  const kept = await page.evaluate(() => document.getElementById("elder").checked);
  if (!kept) fail("elder mode is not remembered on the next page");
  await context.close();
}

// 5. Print.
{
  const context = await browser.newContext({ viewport: { width: 794, height: 1123 } });
  for (const name of ["report", "metric", "home"]) {
    const page = await open(context, pages[name]);
    await page.emulateMedia({ media: "print" });
    const shown = await page.evaluate(() => {
      const visible = (selector) => {
        const e = document.querySelector(selector);
        return !!e && getComputedStyle(e).display !== "none";
      };
      return {
        nav: visible(".site-header nav"),
        tools: visible(".tools"),
        qr: visible(".print-address") && !!document.querySelector(".print-address svg path"),
        address: document.querySelector(".print-address .address")?.textContent ?? "",
        // On the first A4 page (1,123 px at 96 dpi, less the margins).
        top: document.querySelector(".print-address")?.getBoundingClientRect().bottom ?? Infinity,
      };
    });
    if (shown.nav || shown.tools) fail(`${name} in print: navigation or controls are printed`);
    if (!shown.qr || !shown.address.startsWith("https://")) fail(`${name} in print: no address and QR code`);
    if (shown.top > 1000) fail(`${name} in print: the QR code ends ${Math.round(shown.top)} px down, past the first page`);
    if (shots) await page.screenshot({ path: join(shots, `${name}-print.png`), fullPage: true });
    await page.close();
  }
  await context.close();
  console.log("print: controls hidden, address and QR code shown on the first page");
}

// 6. Search, in both editions, with simplified and traditional queries.
{
  const context = await browser.newContext({ viewport: { width: 390, height: 900 } });
  const cases = [
    ["/search/", "燃气", "/reports/dongying-2022-plan/", ["燃气"]],
    ["/search/", "崂山", "/reports/laoshan-2023-mobilisation/"],
    ["/search/", "嶗山", "/reports/laoshan-2023-mobilisation/", ["崂山"]],
    ["/search/", "动员", "/reports/laoshan-2023-mobilisation/"],
    ["/zh-hant/search/", "燃氣", "/zh-hant/reports/dongying-2022-plan/", ["燃氣"]],
    ["/zh-hant/search/", "崂山", "/zh-hant/reports/laoshan-2023-mobilisation/", ["嶗山"]],
    ["/search/", "Donghu", "/reports/mingchuan-2025-q3/"],
    ["/search/", "燃", "/reports/dongying-2022-plan/", ["燃"]],
    ["/search/", "东湖区", "/reports/mingchuan-2025-midyear/", ["东湖", "湖区"]],
    ["/search/", "东湖区", "/cities/mingchuan/donghu/"],
    ["/zh-hant/search/", "東湖區", "/zh-hant/cities/mingchuan/donghu/"],
    ["/search/", "Donghu District", "/cities/mingchuan/donghu/"],
    ["/search/", "2025", "/reports/mingchuan-2025-midyear/", ["2025"]],
  ];
  let snippets = 0;
  for (const [path, query, expected, marked] of cases) {
    const page = await open(context, path);
    await page.fill("#q", query);
    await page.click(".search button");
    try {
      await page.waitForSelector(`#search-results a[href="${expected}"]`, { timeout: 10000 });
    } catch {
      const found = await page.evaluate(() => document.getElementById("search-results").textContent);
      fail(`search on ${path} for ${query} does not find ${expected}: ${found}`);
    }
    // The result shows where the query stands in the report, in the
    // page's own script, each of its terms marked.
    if (marked) {
      const at = `#search-results li:has(> a[href="${expected}"]) .snippet`;
      try {
        await page.waitForSelector(`${at} mark`, { timeout: 10000 });
        const shown = await page.$$eval(`${at} mark`, (all) => all.map((m) => m.textContent));
        const words = await page.$eval(at, (p) => p.textContent);
        if (!shown.every((m) => marked.some((w) => m.includes(w) || w.includes(m))) || !marked.some((w) => shown.join("").includes(w))) {
          fail(`search on ${path} for ${query}: marks ${JSON.stringify(shown)} in "${words}"`);
        }
        if (words.length > 110) fail(`search on ${path} for ${query}: a snippet of ${words.length} characters`);
        snippets += 1;
      } catch {
        fail(`search on ${path} for ${query}: no snippet with the query marked for ${expected}`);
      }
    }
    await page.close();
  }
  // Without JavaScript the search page says so and links the lists.
  const off = await browser.newContext({ javaScriptEnabled: false });
  const page = await open(off, "/search/");
  const text = await page.evaluate(() => document.body.innerText);
  if (!text.includes("JavaScript") || !(await page.$("noscript"))) fail("the search page without JavaScript");
  await off.close();
  await context.close();
  console.log(`search: ${cases.length} queries found their reports, ${snippets} with the words marked in context`);
}

await browser.close();
server.close();
if (failures > 0) {
  console.error(`${failures} failure(s)`);
  process.exit(1);
}
console.log("browser checks passed");
