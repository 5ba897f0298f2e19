// Page layouts at every width a reader may have, in every text size and
// in elder mode. Usage:
//   node layout.mjs SITE_DIR PATH... [--shots DIR]
// For each page, at 320, 390, 800, 1,024 and 1,280 px, in small, medium
// and large text, each with and without elder mode: no cell with a figure
// lies outside its table's visible box or the screen, no text overflows
// the box it is in, the page never scrolls sideways, every progress chart
// opens with its legend, and each chart
// shows one of its two frames with its words at 70% of the chosen text
// size or more (one frame alone drew them at 56% on a 320 px phone in
// elder mode). Chromium is
// Debian's (/usr/bin/chromium, or CHROMIUM); a missing tool fails.
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { launchChromium, serveSite } from "./serve.mjs";

const args = process.argv.slice(2);
const shotsAt = args.indexOf("--shots");
const shots = shotsAt >= 0 ? resolve(args.splice(shotsAt, 2)[1]) : null;
const [siteArg, ...paths] = args;
const site = resolve(siteArg ?? "");
if (!siteArg || paths.length === 0 || !existsSync(join(site, "index.html"))) {
  console.error("usage: node layout.mjs SITE_DIR PATH... [--shots DIR]");
  process.exit(2);
}
let failures = 0;
const fail = (message) => {
  failures += 1;
  console.error(`FAIL ${message}`);
};

const { server, origin } = await serveSite(site);
const browser = await launchChromium();
if (!browser) process.exit(1);
if (shots) mkdirSync(shots, { recursive: true });

let views = 0;
for (const width of [320, 390, 800, 1024, 1280]) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  for (const path of paths) {
    const response = await page.goto(origin + path);
    if (response.status() !== 200) fail(`${path}: HTTP ${response.status()}`);
    for (const size of ["small", "medium", "large"]) {
      for (const elder of [false, true]) {
        if (!(await page.isChecked(`#size-${size}`))) await page.click(`label[for=size-${size}]`);
        if ((await page.isChecked("#elder")) !== elder) await page.click("label[for=elder]");
        const where = `${path} at ${width} px, ${size} text${elder ? ", elder mode" : ""}`;
        const found = await page.evaluate(() => {
          const bad = [];
          const screen = window.innerWidth + 0.5;
          for (const cell of document.querySelectorAll("main td, main th")) {
            const head = cell.closest("thead");
            if (head && getComputedStyle(head).position === "absolute") continue;
            const r = cell.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            const wrap = cell.closest(".table-wrap")?.getBoundingClientRect();
            const right = Math.min(screen, wrap ? wrap.right + 0.5 : screen);
            const left = Math.max(-0.5, wrap ? wrap.left - 0.5 : -0.5);
            if (r.left < left || r.right > right) {
              bad.push(`cell "${cell.textContent.trim().slice(0, 24)}" at ${Math.round(r.left)}–${Math.round(r.right)} px, visible ${Math.round(left)}–${Math.round(right)}`);
            }
          }
          // Text that runs out of its box: a name wider than its card.
          for (const box of document.querySelectorAll("main td, main th, main li, main dd, main dt, main p, main h1, main h2, main a")) {
            const style = getComputedStyle(box);
            if (style.display === "inline" || style.overflowX !== "visible") continue;
            // A table's head kept for screen readers only, off the page.
            const head = box.closest("thead");
            if (head && getComputedStyle(head).position === "absolute") continue;
            if (box.scrollWidth > box.clientWidth + 1 && box.clientWidth > 0) {
              bad.push(`"${box.textContent.trim().slice(0, 24)}" is ${box.scrollWidth} px wide in a box of ${box.clientWidth} px`);
            }
          }
          // Charts: one frame of each shows, and its words follow the
          // chosen text size (a chart's labels are 16 of its units).
          const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
          const statuses = ["已完成", "按期推进", "按期推進", "进度落后", "進度落後", "逾期未完成", "暂无数据", "暫無數據"];
          for (const figure of document.querySelectorAll("main figure.chart")) {
            const shown = [...figure.querySelectorAll("svg.chart-svg")].filter((svg) => svg.getBoundingClientRect().width > 0);
            if (shown.length !== 1) {
              bad.push(`a chart shows ${shown.length} of its frames`);
              continue;
            }
            const svg = shown[0];
            const label = (16 * svg.getBoundingClientRect().width) / svg.viewBox.baseVal.width;
            if (label < 0.7 * rem) bad.push(`chart labels are ${label.toFixed(1)} px at a text size of ${rem} px`);
            // A progress chart opens with its legend: the status of each
            // kind of bar it draws, by name.
            const id = svg.getAttribute("aria-labelledby") ?? "";
            if (/^chart-(progress|district)/.test(id)) {
              const first = svg.querySelector("text")?.textContent.trim() ?? "";
              if (!statuses.includes(first)) bad.push(`progress chart ${id} has no legend (its first words: "${first}")`);
            }
            // Every word inside the chart, as the font really sets it.
            const frame = svg.viewBox.baseVal.width;
            for (const text of svg.querySelectorAll("text")) {
              const box = text.getBBox();
              if (box.x < -0.5 || box.x + box.width > frame + 0.5) {
                bad.push(`chart text "${text.textContent.slice(0, 24)}" runs ${Math.round(box.x)}–${Math.round(box.x + box.width)} in a frame of ${frame}`);
              }
            }
          }
          const scrollWidth = document.scrollingElement.scrollWidth;
          if (scrollWidth > window.innerWidth) bad.push(`the page scrolls sideways (${scrollWidth} px wide)`);
          return bad;
        });
        for (const b of found.slice(0, 5)) fail(`${where}: ${b}`);
        if (found.length > 5) fail(`${where}: and ${found.length - 5} more`);
        if (shots && (size === "medium" || elder)) {
          const name = `${path.replace(/\W+/g, "-").replace(/^-|-$/g, "") || "home"}-${width}-${size}${elder ? "-elder" : ""}.png`;
          await page.screenshot({ path: join(shots, name), fullPage: false });
        }
        views += 1;
      }
    }
  }
  await context.close();
}
await browser.close();
server.close();
if (failures > 0) {
  console.error(`layout: ${failures} failure(s) in ${views} page views`);
  process.exit(1);
}
console.log(`layout: ${views} page views at 320 to 1,280 px, in every text size and elder mode, nothing cut and nothing scrolls sideways`);
