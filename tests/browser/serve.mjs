// What the browser checks share: the built site served over HTTP as a web
// server would serve it (a folder's index.html, the site's 404 page), and
// Debian's Chromium (/usr/bin/chromium, or CHROMIUM), launched once.
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";

const types = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
};

// Serves the folder `site` on a free port of 127.0.0.1: { server, origin }.
export async function serveSite(site) {
  const server = createServer((request, response) => {
    let path = join(site, decodeURIComponent(new URL(request.url, "http://x").pathname));
    if (!path.startsWith(site)) path = join(site, "404.html");
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
    const found = existsSync(path);
    if (!found) path = join(site, "404.html");
    response.writeHead(found ? 200 : 404, { "content-type": types[extname(path)] ?? "application/octet-stream" });
    response.end(readFileSync(path));
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

// Debian's Chromium, or null (with the reason printed) when it is missing:
// a failure for the caller, never a skip.
export async function launchChromium() {
  const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    console.error(`FAIL no Chromium at ${executablePath}`);
    return null;
  }
  return chromium.launch({ executablePath, args: ["--no-sandbox"] });
}
