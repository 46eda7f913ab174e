import { readFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import type { Download } from "playwright-core";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AxeResults } from "axe-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestCorpusIfEmpty } from "../../src/cli/commands/serve.ts";
import type { Store } from "../../src/core/ports.ts";
import { SILENT_REPORTER } from "../../src/pipeline/report.ts";
import type { RunningServer } from "../../src/server/serve.ts";
import { openSqliteStore } from "../../src/store/open.ts";
import { analysisArticles } from "./analysis-fixtures.ts";
import { ARTIFACTS, ROOT, ensureWebBuilt, launchBrowser, serveStore } from "./harness.ts";

// Every view on a desktop window and a phone, in the light and the dark
// palette: nothing scrolls sideways on the phone, no control is drawn over,
// the navigation folds into a menu there, axe-core finds no serious or
// critical violation, and nothing is logged as an error. Screenshots of each go to artifacts/e2e/views/. Then the
// downloads (CSV, JSON, STIX of tables; PNG and SVG of charts) and the copied
// link, checked against what the page shows.

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SHOTS = join(ARTIFACTS, "views");

const SIZES = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;
const SCHEMES = ["light", "dark"] as const;

let dir: string;
let store: Store;
let server: RunningServer;
let browser: Browser;
/** Each view's path, the reader's on a document with events and claims. */
let views: { name: string; path: string }[];

beforeAll(async () => {
  ensureWebBuilt();
  dir = mkdtempSync(join(tmpdir(), "triangulate-e2e-a11y-"));
  mkdirSync(SHOTS, { recursive: true });
  store = openSqliteStore(join(dir, "kb.db"));
  const summary = await ingestCorpusIfEmpty(store, join(ROOT, "corpus"), SILENT_REPORTER);
  expect(summary?.failed).toBe(0);
  const articles = analysisArticles();
  for (const { doc, extraction } of articles) await store.saveDocument(doc, extraction);
  server = await serveStore(store, join(dir, "kb.db"));
  browser = await launchBrowser();
  const article = articles.find((a) => a.extraction.events.length > 0 && a.extraction.claims.length > 0);
  if (!article) throw new Error("no fixture article with events and claims");
  views = [
    { name: "overview", path: "/" },
    { name: "timeline", path: "/timeline" },
    { name: "network", path: "/network" },
    { name: "map", path: "/map" },
    { name: "claims", path: "/claims" },
    { name: "compare", path: "/compare" },
    { name: "dyads", path: "/dyads" },
    { name: "triangles", path: "/triangles" },
    { name: "sources", path: "/sources" },
    { name: "search", path: "/search?q=diplomats" },
    { name: "alerts", path: "/alerts" },
    { name: "reader", path: `/reader/${article.doc.id}` },
  ];
});

afterAll(async () => {
  await browser.close();
  await server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Window {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: string[];
}

/**
 * A window of the given size and colour scheme. The policy is bypassed so
 * that axe-core can be injected (the workbench tests check the policy).
 */
async function openWindow(size: (typeof SIZES)[number], scheme: (typeof SCHEMES)[number]): Promise<Window> {
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    colorScheme: scheme,
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}

/** Goes to `path` and waits until nothing in the view is loading and the charts have settled. */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(server.url + path);
  await page.locator("main h1").first().waitFor();
  await expect.poll(() => page.locator("main .state-loading").count(), { timeout: 20_000 }).toBe(0);
  // Charts draw on the frame after their width is known.
  await page.waitForTimeout(250);
}

/**
 * The page's controls in the window that something else is drawn over: at the
 * centre of each, the page's topmost element is neither it nor inside it (nor
 * the box that clips it, for a control scrolled out of a table's view).
 */
async function coveredControls(page: Page): Promise<string[]> {
  return page.evaluate<
    string[]
  >(`[...document.querySelectorAll("button, a[href], select, input, [tabindex='0']")]
    .filter((control) => {
      // Links drawn in charts (the network's edges) cross each other by design.
      if (!(control instanceof HTMLElement)) return false;
      const box = control.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      if (box.width < 2 || box.height < 2 || x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
      const top = document.elementFromPoint(x, y);
      return top !== null && !control.contains(top) && !top.contains(control);
    })
    .map((control) => control.outerHTML.slice(0, 100))`);
}

/** The axe-core violations of the page that are serious or critical, as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate("typeof axe !== 'undefined'"))) await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate<AxeResults>("axe.run(document, { resultTypes: ['violations'] })");
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact ?? "?"}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")}`,
    );
}

describe("every view, on a desktop and a phone, light and dark", () => {
  for (const size of SIZES) {
    for (const scheme of SCHEMES) {
      it(`${size.name} ${scheme}: no sideways scroll, no covered control, no serious axe violation, no console error`, async () => {
        const { context, page, problems } = await openWindow(size, scheme);
        const found: string[] = [];
        try {
          for (const view of views) {
            await visit(page, view.path);
            await page.screenshot({ path: join(SHOTS, `${view.name}-${size.name}-${scheme}.png`) });
            const overflow = await page.evaluate<[number, number]>(
              "[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]",
            );
            if (overflow[0] > overflow[1])
              found.push(`${view.name}: scrolls sideways (${overflow.join(" > ")})`);
            for (const control of await coveredControls(page))
              found.push(`${view.name}: covered: ${control}`);
            for (const line of await seriousViolations(page)) found.push(`${view.name}: ${line}`);
            for (const line of problems.splice(0)) found.push(`${view.name}: ${line}`);
          }
        } finally {
          await context.close();
        }
        expect(found).toEqual([]);
      }, 240_000);
    }
  }
});

describe("the phone's menu", () => {
  it("folds the views behind a button that the keyboard reaches, and closes on a choice or Escape", async () => {
    const { context, page, problems } = await openWindow(SIZES[1], "light");
    try {
      await visit(page, "/");
      const list = page.locator("#view-list");
      expect(await list.isVisible()).toBe(false);
      // Skip link, brand, then the menu button.
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      expect(await page.evaluate("document.activeElement.dataset.testid")).toBe("menu-button");
      await page.keyboard.press("Enter");
      expect(await list.isVisible()).toBe(true);
      expect(await page.getByTestId("menu-button").getAttribute("aria-expanded")).toBe("true");
      await page.keyboard.press("Escape");
      expect(await list.isVisible()).toBe(false);
      expect(await page.evaluate("document.activeElement.dataset.testid")).toBe("menu-button");
      await page.keyboard.press("Enter");
      await page.getByTestId("nav-claims").click();
      await page.waitForURL(/\/claims$/);
      expect(await list.isVisible()).toBe(false);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("exports", () => {
  let window: Window;

  beforeAll(async () => {
    window = await openWindow(SIZES[0], "light");
    await window.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  });

  afterAll(async () => {
    await window.context.close();
    expect(window.problems).toEqual([]);
  });

  /** Clicks the button called `name` inside `scope` and returns the file it downloads. */
  async function download(
    scope: ReturnType<Page["locator"]>,
    name: string,
  ): Promise<{ file: Download; text: string }> {
    const [file] = await Promise.all([
      window.page.waitForEvent("download"),
      scope.getByRole("button", { name, exact: true }).click(),
    ]);
    const path = await file.path();
    return { file, text: readFileSync(path, "latin1") };
  }

  it("downloads the overview's latest events as CSV, JSON and STIX, the rows the table shows", async () => {
    const { page } = window;
    await visit(page, "/");
    const table = page.locator("section[aria-labelledby='latest-title']");
    const rows = table.getByTestId("event-row");
    // The table's events, by the ids its links to the reader carry.
    const ids: (string | null)[] = [];
    for (const link of await rows.locator("td.quote a").all()) {
      ids.push(new URLSearchParams((await link.getAttribute("href"))?.split("?")[1]).get("sel"));
    }
    expect(ids.length).toBe(10);

    const csv = await download(table, "CSV");
    expect(csv.file.suggestedFilename()).toMatch(/^triangulate-events-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "id,date,source,sourceName,cameo,action,target,targetName,goldstein,modality,doc,quote",
    );
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(ids);

    const json = await download(table, "JSON");
    const records = JSON.parse(json.text) as { id: string; date: string }[];
    expect(records.map((r) => r.id)).toEqual(ids);
    const shownDates = await rows.locator("td:first-child").allInnerTexts();
    expect(shownDates.length).toBe(records.length);

    const stix = await download(table, "STIX");
    expect(stix.file.suggestedFilename()).toMatch(/\.stix\.json$/);
    const bundle = JSON.parse(Buffer.from(stix.text, "latin1").toString("utf8")) as {
      type: string;
      objects: { type: string; spec_version: string; external_references?: { external_id: string }[] }[];
    };
    expect(bundle.type).toBe("bundle");
    expect(bundle.objects.every((o) => o.spec_version === "2.1")).toBe(true);
    // A relationship per event with a target; the others stay in their report.
    const withTarget = (await rows.locator("td:nth-child(4)").allInnerTexts()).filter(
      (t) => t !== "—",
    ).length;
    expect(bundle.objects.filter((o) => o.type === "relationship").length).toBe(withTarget);
    const docs = new Set(ids.map((id) => id?.split("-")[0]));
    expect(
      new Set(
        bundle.objects.filter((o) => o.type === "report").map((o) => o.external_references?.[0]?.external_id),
      ),
    ).toEqual(docs);
  });

  it("downloads the filtered claims, all of them and only them", async () => {
    const { page } = window;
    await visit(page, "/claims?q=oil");
    const shown = await page.getByTestId("claim-row").count();
    expect(shown).toBeGreaterThan(1);
    const { text } = await download(page.locator("main"), "JSON");
    const claims = JSON.parse(Buffer.from(text, "latin1").toString("utf8")) as {
      metric: string;
      quote: string;
      outlet: string;
    }[];
    expect(claims.length).toBe(shown);
    for (const claim of claims)
      expect(`${claim.metric} ${claim.quote} ${claim.outlet}`.toLowerCase()).toContain("oil");
  });

  it("saves a chart as SVG and as PNG at twice its size", async () => {
    const { page } = window;
    await visit(page, "/");
    const figure = page.getByRole("figure", { name: "Events by CAMEO root" });
    const bars = await figure.locator("svg g[aria-label='bar'] rect").count();
    expect(bars).toBeGreaterThan(5);
    const svg = await download(figure, "SVG");
    expect(svg.text).toMatch(/^<svg[^>]* xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    // Every bar, plus the background.
    expect(svg.text.match(/<rect /g)?.length).toBe(bars + 1);
    const width = Number(/ width="(\d+)"/.exec(svg.text)?.[1]);

    const png = await download(figure, "PNG");
    const bytes = Buffer.from(png.text, "latin1");
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(bytes.readUInt32BE(16)).toBe(width * 2);
  });

  it("saves the timeline with its dots, which are drawn on a canvas", async () => {
    const { page } = window;
    await visit(page, "/timeline");
    await page.locator("canvas[data-dots]").waitFor();
    const { text } = await download(page.getByRole("figure").first(), "SVG");
    expect(text).toContain("<image ");
    expect(text).toContain('href="data:image/png;base64,');
  });

  it("saves the network, its stylesheet colours written into the file", async () => {
    const { page } = window;
    await visit(page, "/network");
    const graph = page.getByTestId("network-graph");
    const nodes = await graph.locator(".node circle").count();
    const { text } = await download(graph, "SVG");
    expect(text.match(/<circle /g)?.length).toBe(nodes);
    // The nodes' fill comes from the stylesheet, which the file has not got: it is written on each.
    expect(text).toMatch(/<circle [^>]*style="[^"]*fill: rgb\(70, 84, 107\)/);
  });

  it("copies the link of the view, with its state", async () => {
    const { page } = window;
    await visit(page, "/claims?q=oil&sort=value");
    await page.getByTestId("copy-link").click();
    await expect.poll(() => page.getByTestId("copy-link").innerText()).toBe("Link copied");
    expect(await page.evaluate("navigator.clipboard.readText()")).toBe(
      `${server.url}/claims?q=oil&sort=value`,
    );
  });
});
