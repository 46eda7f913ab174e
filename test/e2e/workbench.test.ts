import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ingestCorpusIfEmpty } from "../../src/cli/commands/serve.ts";
import type { Store } from "../../src/core/ports.ts";
import { SILENT_REPORTER } from "../../src/pipeline/report.ts";
import type { RunningServer } from "../../src/server/serve.ts";
import { openSqliteStore } from "../../src/store/open.ts";
import { itemAt, sampleCorpus } from "../../src/store/testing/fixtures.ts";
import { ARTIFACTS, corpusWith, ensureWebBuilt, launchBrowser, serveStore } from "./harness.ts";

// The workbench in a real browser (Debian's Chromium through playwright-core)
// against the real server and a real SQLite store: the bundled corpus and an
// article full of markup, both through the real ingest, plus the store
// suite's hand-made sample articles so that every view has known data.

const XSS_TEXT =
  "Cyber officials in Baku warned about malicious code on March 3, 2024.\n" +
  "The warning quoted the string <script>alert(1)</script> and the tag <img src=x onerror=alert(1)> as examples of what attackers send.\n" +
  "Azerbaijan and Israel signed an agreement on cyber security in Baku on March 2, 2024.\n";

const samples = sampleCorpus();
const visit = itemAt(samples, 1);
const oilClaim = itemAt(visit.extraction.claims, 1);

let dir: string;
let store: Store;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  ensureWebBuilt();
  dir = mkdtempSync(join(tmpdir(), "triangulate-e2e-"));
  mkdirSync(ARTIFACTS, { recursive: true });
  store = openSqliteStore(join(dir, "kb.db"));
  const corpus = corpusWith(join(dir, "corpus"), [
    {
      file: "zz-markup.txt",
      text: XSS_TEXT,
      published: "2024-03-04",
      outlet: "Test <i>Wire</i>",
      title: "Warning about <b>markup</b> <img src=x onerror=alert(2)>",
    },
  ]);
  const summary = await ingestCorpusIfEmpty(store, corpus, SILENT_REPORTER);
  expect(summary?.failed).toBe(0);
  for (const { doc, extraction } of samples) await store.saveDocument(doc, extraction);
  server = await serveStore(store, join(dir, "kb.db"));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(path: string, options: { evaluate?: boolean } = {}): Promise<Page> {
  context = await newContext(options.evaluate ?? false);
  page = await context.newPage();
  // Fail at the step that hangs, well before the test's own timeout.
  page.setDefaultTimeout(10_000);
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    // A 404 from the API is logged by the browser; the error-state test asks for one on purpose.
    if (message.type() === "error" && !message.text().includes("status of 404")) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  // Offline: nothing may be fetched from anywhere but the workbench itself.
  page.on("request", (request) => {
    if (!request.url().startsWith(server.url) && !request.url().startsWith("data:")) {
      problems.push(`foreign request: ${request.url()}`);
    }
  });
  await page.goto(server.url + path);
  return page;
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/**
 * A 1280-pixel window under the server's Content-Security-Policy (a
 * violation is a console error, which fails the test), unless the test
 * evaluates expressions in the page, which the policy forbids.
 */
function newContext(evaluate: boolean): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: evaluate });
}

afterEach(async () => {
  await context.close();
  const seen = problems.splice(0);
  expect(seen).toEqual([]);
});

describe("the workbench", () => {
  it("opens on the overview with counts, dyads and latest events", async () => {
    await open("/");
    await page.getByTestId("stat-documents").waitFor();
    const documents = Number((await page.getByTestId("stat-documents").innerText()).split("\n")[0]);
    expect(documents).toBeGreaterThanOrEqual(21 + 3);
    expect(await page.getByTestId("top-dyads").locator("li").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("event-row").count()).toBeGreaterThan(0);
    await shot("overview");
  });

  it("draws the timeline, filters it by actor and root, zooms, and opens an event's source", async () => {
    await open("/timeline");
    const timeline = page.getByTestId("timeline");
    const all = await drawnDots(timeline);
    expect(all).toBeGreaterThan(10);
    await shot("timeline");

    await page.getByTestId("timeline-actor").selectOption("AZE");
    await page.waitForURL(/actor=AZE/);
    await expect.poll(() => timeline.getAttribute("data-state")).toBe("ready");
    await expect.poll(() => drawnDots(timeline)).toBeLessThan(all);
    expect(await drawnDots(timeline)).toBeGreaterThan(0);

    await page.getByTestId("timeline-root").selectOption("17");
    await page.waitForURL(/root=17/);
    await expect.poll(() => timeline.getAttribute("data-state")).toBe("ready");

    await page.goto(`${server.url}/timeline`);
    await drawnDots(timeline);
    await page.getByRole("button", { name: "Zoom in" }).click();
    await page.waitForURL(/zoom=\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}/);
    const zoomed = page.url();
    await page.reload();
    await timeline.locator("svg").first().waitFor();
    expect(page.url()).toBe(zoomed);
    await expect.poll(() => page.getByRole("button", { name: "Show all" }).isEnabled()).toBe(true);

    // A click on a dot opens its sentence in the reader: the pointer, moved over
    // the chart, rings the nearest dot, and a click there opens it.
    await page.goto(`${server.url}/timeline?actor=person:ilham-aliyev`);
    await drawnDots(timeline);
    const box = await timeline.locator(".dot-layer svg").boundingBox();
    if (!box) throw new Error("the chart has no box");
    const ring = timeline.locator(".dot-layer svg circle");
    let ringed = false;
    for (let y = box.y + 20; y < box.y + box.height && !ringed; y += 40) {
      for (let x = box.x + 60; x < box.x + box.width && !ringed; x += 40) {
        await page.mouse.move(x, y);
        ringed = (await ring.count()) > 0;
      }
    }
    expect(ringed).toBe(true);
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForURL(/\/reader\/[0-9a-f]{16}\?sel=/);
    await page.getByTestId("reader").locator("mark.selected").waitFor();
  });

  it("draws the network and lists the events of a pair", async () => {
    await open("/network");
    const graph = page.getByTestId("network-graph");
    await graph.getByTestId("network-edge").first().waitFor();
    await shot("network");
    // An edge is a link, reached with the keyboard too; following it lists the pair's events.
    const edge = graph.getByTestId("network-edge").last();
    await edge.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/edge=/);
    await expect.poll(() => edge.getAttribute("class")).toContain("selected");
    expect(await page.getByTestId("edge-events").getByTestId("event-row").count()).toBeGreaterThan(0);
    await shot("network-edge");
    await page.getByTestId("dyad-link").first().click();
    await page.waitForURL(/edge=/);
    expect(await page.getByTestId("edge-events").getByTestId("event-row").count()).toBeGreaterThan(0);
  });

  it("draws the world map from Natural Earth shapes with arcs between pairs", async () => {
    await open("/map");
    const map = page.getByTestId("map");
    await map.locator('svg g[aria-label="geo"] path').first().waitFor();
    expect(await map.locator('svg g[aria-label="geo"] path').count()).toBeGreaterThan(150);
    expect(await map.locator('svg g[aria-label="arrow"] path').count()).toBeGreaterThan(0);
    await shot("map");
    await page.getByRole("button", { name: "World" }).click();
    await page.waitForURL(/scope=world/);
    await shot("map-world");
  });

  it("lists claims, sorts and filters them, and a row opens the reader with a mark on its quote", async () => {
    await open("/claims");
    const rows = page.getByTestId("claim-row");
    await rows.first().waitFor();
    const total = await rows.count();
    expect(total).toBeGreaterThanOrEqual(4);
    await shot("claims");

    await page.getByRole("button", { name: /^Value/ }).click();
    await expect.poll(() => page.locator('th[aria-sort="descending"]').innerText()).toContain("Value");
    await page.reload();
    await rows.first().waitFor();
    expect(await page.locator('th[aria-sort="descending"]').innerText()).toContain("Value");

    await page.getByTestId("claims-filter").fill("Israel's oil");
    await expect.poll(() => rows.count()).toBeLessThan(total);
    const row = rows.filter({ hasText: "Baku Daily" });
    await row.getByRole("cell", { name: "share of Israel's oil" }).click();
    await page.waitForURL(new RegExp(`/reader/${visit.doc.id}\\?sel=${oilClaim.id}`));
    const mark = page.getByTestId("reader").locator(`mark[data-ids~="${oilClaim.id}"]`);
    await mark.waitFor();
    expect(await mark.innerText()).toBe(oilClaim.quote);
    expect(await mark.getAttribute("class")).toContain("selected");
    await shot("reader-claim");
  });

  it("scrolls the selected extraction of a long article into view", async () => {
    const docs = (await (await fetch(`${server.url}/api/documents?limit=100`)).json()) as {
      items: { id: string }[];
    };
    // The longest document, and the last event in it.
    let best: { id: string; length: number; last: string } | null = null;
    for (const { id } of docs.items) {
      const doc = (await (await fetch(`${server.url}/api/documents/${id}`)).json()) as {
        text: string;
        events: { id: string }[];
      };
      const last = doc.events.at(-1);
      if (last && (!best || doc.text.length > best.length))
        best = { id, length: doc.text.length, last: last.id };
    }
    if (!best) throw new Error("no document with events");
    await open(`/reader/${best.id}?sel=${best.last}`);
    const mark = page.locator(`mark[data-ids~="${best.last}"]`);
    await mark.waitFor();
    await expect
      .poll(async () => {
        const box = await mark.boundingBox();
        return box !== null && box.y >= 0 && box.y + box.height <= 900;
      })
      .toBe(true);
    // Each event says what coded it, in its tooltip.
    expect(await page.getByTestId("panel-event").first().getAttribute("title")).toMatch(
      /^Coded by \w+ pattern: /,
    );
    // The side panel selects another extraction.
    await page.getByTestId("panel-event").first().click();
    await page.waitForURL(/sel=/);
    expect(await page.locator("mark.selected").count()).toBeGreaterThan(0);
  });

  it("finds an article by its words and opens it", async () => {
    await open("/search");
    await page.getByTestId("search-input").fill("diplomats");
    await page.keyboard.press("Enter");
    const results = page.getByTestId("search-result");
    await results.first().waitFor();
    expect(await results.count()).toBeGreaterThan(0);
    await expect.poll(() => results.filter({ hasText: "Iran expels Azerbaijani diplomats" }).count()).toBe(1);
    await shot("search");
    await results.filter({ hasText: "Iran expels Azerbaijani diplomats" }).getByRole("link").click();
    await page.waitForURL(/\/reader\//);
    await page.getByTestId("article-text").waitFor();
    expect(await page.getByTestId("article-text").innerText()).toContain(
      "Iran expelled four Azerbaijani diplomats",
    );
  });

  it("shows an article's markup as inert text", async () => {
    await open("/search?q=alert");
    const result = page.getByTestId("search-result").first();
    await result.waitFor();
    await result.getByRole("link").click();
    const text = page.getByTestId("article-text");
    await text.waitFor();
    expect(await text.innerText()).toContain("<script>alert(1)</script>");
    expect(await text.innerText()).toContain("<img src=x onerror=alert(1)>");
    expect(await page.locator("h1").innerText()).toBe(
      "Warning about <b>markup</b> <img src=x onerror=alert(2)>",
    );
    expect(await page.locator("main script, main img, main b, main i").count()).toBe(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.waitForTimeout(300);
    await shot("reader-markup");
    // afterEach checks that no dialog opened.
  });

  it("shows empty and error states", async () => {
    await open("/search?q=zeppelinquartz");
    await page.getByText("No article matches").waitFor();
    await page.goto(`${server.url}/reader/0123456789abcdef`);
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").innerText()).toContain("no document with id 0123456789abcdef");
    await page.goto(`${server.url}/no/such/view`);
    await page.getByRole("heading", { name: "Not found" }).waitFor();
  });

  it("is usable with the keyboard", async () => {
    await open("/", { evaluate: true });
    await page.getByTestId("stat-documents").waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement.textContent")).toBe("Skip to content");
    // Skip link, brand, then the views: Tab to "Claims" and follow it.
    for (let i = 0; i < 6; i++) await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement.textContent")).toBe("Claims");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/claims$/);
    await page.getByTestId("claim-row").first().waitFor();
    expect(await page.evaluate("document.activeElement.id")).toBe("main");
  });
});

/** The number of dots the timeline has drawn, once it has drawn them. */
async function drawnDots(timeline: Locator): Promise<number> {
  const canvas = timeline.locator("canvas[data-dots]");
  await canvas.waitFor();
  return Number(await canvas.getAttribute("data-dots"));
}
