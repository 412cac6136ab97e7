// Accessibility and reader checks of a served Dateline site, in Debian's chromium.
//
// Usage: node axe.mjs BASE_URL [SCREENSHOT_DIR]
//
// For the home page, a brief, the timeline, an entity page (and the indexes, search
// and 404 around them), in light and dark colour schemes, this runs axe-core
// (WCAG 2.x A/AA and best practices) and fails on serious or critical violations.
// It also fails on any request to another host than the site's (no CDN fonts or
// scripts), on script errors, when the timeline or the home page shows nothing
// without JavaScript, and when the timeline filter or the search do not work. With SCREENSHOT_DIR it saves full-page screenshots of the four
// main pages at desktop (1280) and phone (390) widths, light and dark (SHOTS_ONLY=1:
// only those).
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [base, shotDir] = process.argv.slice(2);
if (!base) {
  console.error("usage: node axe.mjs BASE_URL [SCREENSHOT_DIR]");
  process.exit(2);
}
const origin = new URL(base).origin;
const failures = new Set();
const notes = [];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

// A fresh page that records third-party requests and script errors against `label`.
async function openPage(ctx, label) {
  const page = await ctx.newPage();
  page.on("request", (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("about:")) {
      failures.add(`${label}: request to another host: ${u}`);
    }
  });
  page.on("pageerror", (err) => failures.add(`${label}: script error: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error" && !/status of 404/.test(msg.text())) {
      failures.add(`${label}: console error: ${msg.text()}`);
    }
  });
  return page;
}

// The paths to check: fixed ones and the first brief, entity and tag found by following links.
async function discover() {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const firstLink = async (path, selector) => {
    const resp = await page.goto(origin + path);
    if (!resp || !resp.ok()) return null;
    const href = await page.locator(selector).first().getAttribute("href", { timeout: 1000 }).catch(() => null);
    return href ? new URL(href, origin + path).pathname : null;
  };
  const pages = [["home", "/"]];
  const brief = await firstLink("/", ".card-title a");
  if (brief) pages.push(["brief", brief]); else failures.add("no brief linked from the home page");
  pages.push(["timeline", "/timeline/"]);
  let entity = null;
  for (const kind of ["/people/", "/places/", "/organizations/"]) {
    entity = entity || (await firstLink(kind, ".entity-index a"));
  }
  if (entity) pages.push(["entity", entity]);
  else notes.push("no entity pages in this site (nothing extracted yet?): only the indexes are checked");
  pages.push(["people", "/people/"], ["tags", "/tags/"]);
  const tag = await firstLink("/tags/", ".tag-cloud a");
  if (tag) pages.push(["tag", tag]);
  pages.push(["search", "/search/?q=the"], ["404", "/404.html"]);
  await ctx.close();
  return pages;
}

async function runAxe(pages) {
  for (const scheme of ["light", "dark"]) {
    const ctx = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    for (const [name, path] of pages) {
      const label = `${name} ${path} (${scheme})`;
      const page = await openPage(ctx, label);
      await page.goto(origin + path, { waitUntil: "networkidle" });
      if (name === "search") {
        await page.waitForFunction(() => !/Loading/.test(document.querySelector(".search-status")?.textContent || ""), null, { timeout: 5000 }).catch(() => failures.add(`${label}: the search index did not load`));
      }
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        return await axe.run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
          resultTypes: ["violations"],
        });
      });
      for (const v of result.violations) {
        const where = v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ");
        const line = `${label}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length}×: ${where})`;
        if (v.impact === "serious" || v.impact === "critical") failures.add(line); else notes.push(line);
      }
      await page.close();
    }
    await ctx.close();
  }
}

// Without JavaScript the lists must be there: the timeline and home page show briefs.
async function checkWithoutJs() {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await openPage(ctx, "no-JS");
  for (const [path, selector] of [["/", ".card"], ["/timeline/", ".tl-brief"]]) {
    await page.goto(origin + path);
    const shown = await page.locator(`${selector}:visible`).count();
    if (shown === 0) failures.add(`no-JS ${path}: no ${selector} visible without JavaScript`);
  }
  await page.goto(origin + "/search/");
  if (!(await page.locator("noscript").count())) failures.add("no-JS /search/: no <noscript> alternative");
  await ctx.close();
}

// The enhancements work: the timeline filter narrows the lists, search finds briefs.
async function checkScripts() {
  const ctx = await browser.newContext();
  const page = await openPage(ctx, "scripts");
  await page.goto(origin + "/timeline/", { waitUntil: "networkidle" });
  const select = page.locator("[data-filter-select]").first();
  if (await select.count()) {
    const all = await page.locator("[data-filter]:visible").count();
    const value = await select.locator("option").nth(1).getAttribute("value");
    await select.selectOption(value);
    const shown = await page.locator("[data-filter]:visible").count();
    const said = (await page.locator(".filter-count").textContent()) || "";
    if (!(shown > 0 && shown < all)) failures.add(`timeline filter ${value}: ${shown} of ${all} items shown`);
    if (!said.includes(String(shown))) failures.add(`timeline filter ${value}: counter says "${said}", ${shown} shown`);
    await select.selectOption("");
    if ((await page.locator("[data-filter]:visible").count()) !== all) failures.add("timeline filter: clearing it does not show everything again");
  } else {
    notes.push("the timeline has no filter (nothing to filter by)");
  }
  await page.goto(origin + "/search/?q=the", { waitUntil: "networkidle" });
  await page.waitForSelector(".search-results li", { timeout: 5000 }).catch(() => failures.add("search for \"the\" shows no results"));
  await ctx.close();
}

async function screenshots(pages) {
  mkdirSync(shotDir, { recursive: true });
  const main = pages;
  for (const scheme of ["light", "dark"]) {
    for (const [wname, width, height] of [["desktop", 1280, 1600], ["phone", 390, 844]]) {
      const ctx = await browser.newContext({ colorScheme: scheme, viewport: { width, height }, deviceScaleFactor: 1 });
      for (const [name, path] of main) {
        const page = await ctx.newPage();
        await page.goto(origin + path, { waitUntil: "networkidle" });
        const file = `${shotDir}/${name}-${wname}-${scheme}.png`;
        await page.screenshot({ path: file, fullPage: true });
        await page.close();
      }
      await ctx.close();
    }
  }
  // The print stylesheet, as the screen shows it with print media emulated.
  const ctx = await browser.newContext({ viewport: { width: 800, height: 1100 }, deviceScaleFactor: 1 });
  for (const [name, path] of main.filter(([n]) => n === "brief" || n === "timeline")) {
    const page = await ctx.newPage();
    await page.emulateMedia({ media: "print" });
    await page.goto(origin + path, { waitUntil: "networkidle" });
    await page.screenshot({ path: `${shotDir}/${name}-print.png`, fullPage: true });
    await page.close();
  }
  await ctx.close();
  notes.push(`screenshots in ${shotDir}`);
}

try {
  const pages = await discover();
  console.log(`axe: checking ${pages.map(([n, p]) => `${n} ${p}`).join(", ")}; light and dark`);
  if (!process.env.SHOTS_ONLY) {
    await runAxe(pages);
    await checkWithoutJs();
    await checkScripts();
  }
  if (shotDir) await screenshots(pages);
} catch (e) {
  failures.add(`the browser check itself failed: ${e.stack || e}`);
} finally {
  await browser.close();
}
for (const n of notes) console.log(`  ${n}`);
if (failures.size) {
  console.log(`accessibility (axe-core): ${failures.size} problem(s)`);
  for (const f of failures) console.log(`  FAIL ${f}`);
  process.exit(1);
}
console.log("accessibility (axe-core): ok");
