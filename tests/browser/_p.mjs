import { launchChromium, serveSite } from "./serve.mjs";
import { execSync } from "node:child_process";
const { server, origin } = await serveSite(process.argv[2]);
const browser = await launchChromium();
const ctx = await browser.newContext();
const page = await ctx.newPage();
for (const path of process.argv.slice(3)) {
  await page.goto(origin + path);
  const pdf = await page.pdf({ format: "A4", path: "/tmp/p.pdf" });
  const n = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  console.log(path, n, "pages");
}
await browser.close(); server.close();
