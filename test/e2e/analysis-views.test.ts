import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ingestCorpusIfEmpty } from "../../src/cli/commands/serve.ts";
import type { Store } from "../../src/core/ports.ts";
import { SILENT_REPORTER } from "../../src/pipeline/report.ts";
import type { RunningServer } from "../../src/server/serve.ts";
import { openSqliteStore } from "../../src/store/open.ts";
import { COURIER, LEDGER, OIL_COURIER, analysisArticles } from "./analysis-fixtures.ts";
import { ARTIFACTS, ROOT, ensureWebBuilt, launchBrowser, serveStore } from "./harness.ts";

// The analysis views of issue 4 (compare, dyads, triangles, sources) in a
// real browser, against the real server over a SQLite store holding the
// bundled corpus (through the real ingest) and two articles of our own from
// different outlets that give one figure differently.

let dir: string;
let store: Store;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  ensureWebBuilt();
  dir = mkdtempSync(join(tmpdir(), "triangulate-e2e-analysis-"));
  mkdirSync(ARTIFACTS, { recursive: true });
  store = openSqliteStore(join(dir, "kb.db"));
  const summary = await ingestCorpusIfEmpty(store, join(ROOT, "corpus"), SILENT_REPORTER);
  expect(summary?.failed).toBe(0);
  for (const { doc, extraction } of analysisArticles()) await store.saveDocument(doc, extraction);
  server = await serveStore(store, join(dir, "kb.db"));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens `path` in a fresh 1280-pixel window; `before` runs first (to intercept requests, say). */
async function open(path: string, before?: (page: Page) => Promise<unknown>): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    // The error-state test answers with a 500 on purpose; the browser logs it.
    if (message.type() === "error" && !message.text().includes("status of 500")) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on("request", (request) => {
    if (!request.url().startsWith(server.url) && !request.url().startsWith("data:")) {
      problems.push(`foreign request: ${request.url()}`);
    }
  });
  await before?.(page);
  await page.goto(server.url + path);
  return page;
}

async function shot(name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}

async function api<T>(path: string): Promise<T> {
  const response = await fetch(server.url + path);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

afterEach(async () => {
  await context.close();
  expect(problems.splice(0)).toEqual([]);
});

describe("the compare view", () => {
  it("lists clusters with their status, filters them, and compares a cluster's figures side by side", async () => {
    await open("/compare");
    const rows = page.getByTestId("claim-cluster");
    await rows.first().waitFor();
    const total = await rows.count();
    expect(total).toBeGreaterThan(20);
    // Each row says its status in words as well as colour.
    expect(await rows.first().innerText()).toMatch(/Conflict|Agree|Single source/);
    await shot("compare-list");

    await page.getByTestId("compare-status").selectOption("conflict");
    await page.waitForURL(/status=conflict/);
    await expect.poll(() => rows.count()).toBeLessThan(total);
    const statuses = await Promise.all((await rows.all()).map((row) => row.getAttribute("data-status")));
    expect(new Set(statuses)).toEqual(new Set(["conflict"]));

    await page.getByTestId("compare-filter").fill(COURIER);
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await rows.filter({ hasText: "crude oil" }).first().getByRole("link").click();
    await page.waitForURL(/cluster=/);
    const view = page.getByTestId("compare-view");
    await view.waitFor();
    await expectOilComparison(page);
    await shot("compare-cluster");

    // The deep link survives a reload.
    const url = page.url();
    await page.reload();
    await page.getByTestId("compare-view").waitFor();
    expect(page.url()).toBe(url);
    await expectOilComparison(page);
  });

  it("opens a figure's source in the reader with a mark on its quote", async () => {
    await open("/compare?q=crude");
    await page
      .getByTestId("claim-cluster")
      .filter({ hasText: "crude oil" })
      .first()
      .getByRole("link")
      .click();
    const figure = page.getByTestId("compared-figure").filter({ hasText: COURIER });
    await figure.getByTestId("figure-source").click();
    await page.waitForURL(/\/reader\/[0-9a-f]{16}\?span=\d+-\d+&of=claim/);
    const mark = page.getByTestId("reader").locator("mark.selected");
    await mark.first().waitFor();
    expect(await mark.first().innerText()).toBe(OIL_COURIER);
    await expect.poll(() => page.locator('[data-testid="panel-claim"][aria-pressed="true"]').count()).toBe(1);
    await shot("compare-reader");
  });

  it("says so when a linked cluster is gone", async () => {
    await open("/compare?cluster=cc-nothing-here");
    await page.getByText("There is no cluster cc-nothing-here").waitFor();
  });
});

async function expectOilComparison(p: Page): Promise<void> {
  const view = p.getByTestId("compare-view");
  expect(await view.innerText()).toContain("Conflict");
  const figures = view.getByTestId("compared-figure");
  expect(await figures.count()).toBeGreaterThanOrEqual(2);
  const ledger = figures.filter({ hasText: LEDGER });
  const courier = figures.filter({ hasText: COURIER });
  expect(await ledger.locator(".figure-value").innerText()).toBe("≈ 40%");
  expect(await courier.locator(".figure-value").innerText()).toBe("60%");
  // Side by side: the cards fill rows, at least two to a row.
  const [a, b] = [await figures.nth(0).boundingBox(), await figures.nth(1).boundingBox()];
  expect(a && b && Math.abs(a.y - b.y) < 2 && b.x > a.x + a.width).toBe(true);
  expect(await view.locator("svg").count()).toBeGreaterThan(0);
}

interface Listing<T> {
  readonly items: T[];
}

describe("the dyad chart", () => {
  it("draws the series with its episodes shaded, and a period lists its events", async () => {
    const episodes = await api<Listing<{ a: string; b: string }>>("/api/episodes?interval=month");
    const ours = episodes.items.filter((e) => e.a === "AZE" && e.b === "IRN").length;
    expect(ours).toBeGreaterThan(0);

    await open("/dyads");
    const chart = page.getByTestId("dyad-chart");
    await chart.locator("svg").first().waitFor();
    expect(await page.getByTestId("dyad-pair").inputValue()).toBe("AZE-IRN");
    const goldstein = chart.locator("svg").first();
    expect(await goldstein.locator("g.episode rect").count()).toBe(ours);
    expect(await goldstein.locator("g.goldstein-bars rect").count()).toBeGreaterThan(3);
    expect(await chart.locator("g.quad-bars rect").count()).toBeGreaterThan(3);
    expect(await page.getByTestId("episode").count()).toBe(ours);
    await shot("dyads", true);

    // A click on a bar lists the events of its period, each report linked to the reader.
    const bar = goldstein.locator("g.goldstein-bars rect").first();
    const box = await bar.boundingBox();
    if (!box) throw new Error("the bar has no box");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(/period=\d{4}-\d{2}/);
    const events = page.getByTestId("period-events");
    await events.getByTestId("event-row").first().waitFor();
    await shot("dyads-period", true);
    await events.getByTestId("report-link").first().click();
    await page.waitForURL(/\/reader\/[0-9a-f]{16}\?span=\d+-\d+&of=event/);
    await page.getByTestId("reader").locator("mark.selected").first().waitFor();
  });

  it("lists one event with two reports once for the month of the expulsion", async () => {
    await open("/dyads?pair=AZE-IRN&period=2023-04");
    const row = page
      .getByTestId("period-events")
      .getByTestId("event-row")
      .filter({ hasText: COURIER })
      .filter({ hasText: LEDGER });
    await row.waitFor();
    expect(await row.getByTestId("report-link").count()).toBeGreaterThanOrEqual(2);
  });

  it("changes interval and direction, keeps them on reload, and moves between periods by keyboard", async () => {
    await open("/dyads?pair=AZE-IRN");
    const chart = page.getByTestId("dyad-chart");
    await chart.locator("svg").first().waitFor();
    await page.getByRole("radio", { name: "quarter" }).check();
    await page.waitForURL(/interval=quarter/);
    await page.getByTestId("dyad-directed").check();
    await page.waitForURL(/directed=1/);
    await page.reload();
    await chart.locator("svg").first().waitFor();
    expect(await page.getByRole("radio", { name: "quarter" }).isChecked()).toBe(true);
    expect(await page.getByTestId("dyad-directed").isChecked()).toBe(true);
    expect(await page.locator(".legend").innerText()).toContain("Azerbaijan → Iran");
    await shot("dyads-directed-quarter", true);

    await chart.focus();
    await page.keyboard.press("Home");
    await page.waitForURL(/period=\d{4}-Q[1-4]/);
    const first = new URL(page.url()).searchParams.get("period");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => new URL(page.url()).searchParams.get("period")).not.toBe(first);
    await page.getByTestId("period-events").getByTestId("event-row").first().waitFor();
  });
});

describe("the triangle view", () => {
  it("shows the Azerbaijan–Iran–Israel triangle per window, its balance in words, and an edge's events", async () => {
    await open("/triangles");
    const view = page.getByTestId("triangle-view");
    await view.getByTestId("triangle-window").first().waitFor();
    expect(await page.getByTestId("triangle-choice").inputValue()).toBe("AZE-IRN-ISR");
    const windows = view.getByTestId("triangle-window");
    const count = await windows.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      expect(await windows.nth(i).innerText()).toMatch(/Balanced|Unbalanced|Undetermined/);
      expect(await windows.nth(i).getByTestId("triangle-edge").count()).toBe(3);
    }
    await shot("triangles", true);

    const edge = windows.first().getByTestId("triangle-edge").first();
    await edge.click();
    await page.waitForURL(/window=.+&edge=[A-Z]{3}-[A-Z]{3}/);
    const events = page.getByTestId("triangle-edge-events");
    await events.getByTestId("event-row").first().waitFor();
    await shot("triangles-edge", true);

    // The same from the keyboard: the sign table's buttons, and Enter on an edge.
    const url = page.url();
    await page.reload();
    await page.getByTestId("triangle-edge-events").getByTestId("event-row").first().waitFor();
    expect(page.url()).toBe(url);
    await windows.last().getByTestId("triangle-edge").last().focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.url()).not.toBe(url);
  });
});

describe("the sources view", () => {
  it("profiles each outlet: articles, framing by actor, and how its figures hold up", async () => {
    await open("/sources");
    const rows = page.getByTestId("source-row");
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    const courier = rows.filter({ hasText: COURIER });
    expect(await courier.innerText()).toMatch(/1 contradicted/);
    // The outlet with most articles comes first, with how it frames the actors it reports.
    expect(await rows.first().locator(".framing li").count()).toBeGreaterThan(0);
    // The chart is drawn once its width is known, a frame or two after the rows.
    await expect.poll(() => page.getByRole("figure").locator("svg circle").count()).toBeGreaterThan(3);
    await shot("sources", true);
  });
});

describe("loading errors", () => {
  it.each([
    ["/compare", "**/api/claims/clusters*", "claim-cluster"],
    ["/dyads", "**/api/dyads*", "dyad-chart"],
    ["/triangles", "**/api/triads*", "triangle-window"],
    ["/sources", "**/api/sources*", "source-row"],
  ])("%s says what failed and tries again on request", async (path, api, testId) => {
    let fail = true;
    await open(path, (p) =>
      p.route(api, (route) =>
        fail
          ? route.fulfill({
              status: 500,
              contentType: "application/json",
              body: JSON.stringify({ error: { code: "internal", message: "the analysis broke" } }),
            })
          : route.continue(),
      ),
    );
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toContain("the analysis broke");
    fail = false;
    await alert.getByRole("button", { name: "Try again" }).click();
    await page.getByTestId(testId).first().waitFor();
  });
});

describe("navigation", () => {
  it.each([
    ["nav-compare", /\/compare$/, "compare"],
    ["nav-dyads", /\/dyads$/, "dyad-chart"],
    ["nav-triangles", /\/triangles$/, "triangle-view"],
    ["nav-sources", /\/sources$/, "sources"],
  ])("%s opens its view", async (link, url, testId) => {
    await open("/");
    await page.getByTestId(link).click();
    await page.waitForURL(url);
    await page.getByTestId(testId).waitFor();
  });
});
