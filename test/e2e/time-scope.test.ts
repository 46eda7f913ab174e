import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/serve.ts";
import { ARTIFACTS, openCorpusWorkbench, recordProblems, type CorpusWorkbench } from "./harness.ts";

// The shared time scope on the bundled corpus: set once, it narrows Timeline,
// Network, Map and Overview alike, rides along in the URL from view to view
// (through a view that ignores it), and Dyads keeps only the periods in it.
// Then a pair's counts: the same words in Overview, Network and Dyads, with
// the reasons reports and merged events differ.

const FROM = "2023-01-01";
const TO = "2023-12-31";

let workbench: CorpusWorkbench;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  workbench = await openCorpusWorkbench("scope");
  ({ server, browser } = workbench);
});

afterAll(() => workbench.close());

/** The number of events the API finds with these query parameters. */
async function apiTotal(query: string): Promise<number> {
  const response = await fetch(`${server.url}/api/events?limit=1&${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { total: number }).total;
}

/** The count the scope control states, once the view has loaded it. */
async function scopeCount(page: Page): Promise<number> {
  const count = page.getByTestId("scope-count");
  await count.waitFor();
  return Number(await count.getAttribute("data-count"));
}

async function expectScope(page: Page, view: string, inRange: number): Promise<void> {
  await page.waitForURL((url) => url.pathname === view);
  const url = new URL(page.url());
  expect([url.searchParams.get("from"), url.searchParams.get("to")]).toEqual([FROM, TO]);
  expect(await page.getByTestId("scope-from").inputValue()).toBe(FROM);
  expect(await page.getByTestId("scope-to").inputValue()).toBe(TO);
  if (view !== "/dyads") await expect.poll(() => scopeCount(page)).toBe(inRange);
}

describe("the shared time scope", () => {
  for (const size of [
    { name: "desktop", width: 1440, height: 900 },
    { name: "phone", width: 390, height: 844 },
  ]) {
    it(`${size.name}: is set once, kept in the URL across views, and filters each view's events alike`, async () => {
      const all = await apiTotal("");
      const inRange = await apiTotal(`from=${FROM}&to=${TO}`);
      expect(inRange).toBeGreaterThan(0);
      expect(inRange).toBeLessThan(all);

      const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const problems: string[] = [];
      recordProblems(page, problems);
      const go = async (view: string) => {
        const menu = page.getByTestId("menu-button");
        if (await menu.isVisible()) await menu.click();
        await page.getByTestId(`nav-${view}`).click();
      };
      try {
        await page.goto(`${server.url}/timeline`);
        expect(await scopeCount(page)).toBe(all);
        await page.getByTestId("scope-from").fill(FROM);
        await page.waitForURL(/from=2023-01-01/);
        await page.getByTestId("scope-to").fill(TO);
        await expectScope(page, "/timeline", inRange);
        expect(await page.getByTestId("timeline").getAttribute("data-count")).not.toBe(null);

        await go("network");
        await expectScope(page, "/network", inRange);
        // Every pair's events in the table are within the range: the table's sum is at most the scope's count.
        const pairCounts = await page.locator(".dyad-table tbody td.num:nth-child(2)").allInnerTexts();
        const pairTotal = pairCounts.reduce((sum, n) => sum + Number(n.replace(/\D/g, "")), 0);
        expect(pairTotal).toBeGreaterThan(0);
        expect(pairTotal).toBeLessThanOrEqual(inRange);
        await page.screenshot({ path: join(ARTIFACTS, `time-scope-network-${size.name}.png`) });

        await go("map");
        await expectScope(page, "/map", inRange);

        // Claims do not use the scope, but keep it for the next view.
        await go("claims");
        await page.waitForURL((url) => url.pathname === "/claims" && url.searchParams.get("from") === FROM);

        await go("overview");
        await expectScope(page, "/", inRange);
        expect(await page.getByTestId("stat-events").innerText()).toContain(String(inRange));
        await page.screenshot({ path: join(ARTIFACTS, `time-scope-overview-${size.name}.png`) });

        await go("dyads");
        await expectScope(page, "/dyads", inRange);
        await page.getByTestId("dyad-chart").waitFor();
        await page.locator("details.data-table summary").click();
        const periods = await page.locator("details.data-table tbody tr td:first-child").allInnerTexts();
        expect(periods.length).toBeGreaterThan(0);
        for (const period of periods) expect(period).toContain("2023");

        // Clearing the scope shows every event again.
        await go("timeline");
        await expectScope(page, "/timeline", inRange);
        await page.getByRole("button", { name: "All dates" }).click();
        await expect.poll(() => scopeCount(page)).toBe(all);
        expect(new URL(page.url()).searchParams.has("from")).toBe(false);
      } finally {
        await context.close();
      }
      expect(problems).toEqual([]);
    }, 120_000);
  }
});

describe("a pair's counts", () => {
  it("read the same in Overview, Network and Dyads, and say why reports and merged events differ", async () => {
    const pairs = (await (await fetch(`${server.url}/api/pairs?actor=AZE`)).json()) as {
      items: { a: string; b: string; reports: number; events: number }[];
    };
    const pair = pairs.items.find((p) => p.a === "AZE" && p.b === "IRN");
    expect(pair?.reports).toBeGreaterThan(pair?.events ?? Infinity);
    const summary = `${pair?.reports} reports, ${pair?.events} merged events`;

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    try {
      await page.goto(`${server.url}/`);
      const top = page.getByTestId("top-dyads").locator("li", { hasText: "Azerbaijan – Iran" });
      await expect.poll(() => top.getByTestId("top-dyad-count").innerText()).toBe(summary);

      await page.goto(`${server.url}/network?edge=AZE~IRN`);
      const row = page.locator(".dyad-table tr", { hasText: "Azerbaijan – Iran" });
      expect(await row.getByTestId("pair-reports").innerText()).toBe(String(pair?.reports));
      await expect.poll(() => row.getByTestId("pair-merged").innerText()).toBe(String(pair?.events));
      const note = page.getByTestId("pair-counts");
      expect(await note.innerText()).toContain(summary);
      expect(await note.innerText()).toMatch(/repeat an event another gives/);
      expect(await page.getByTestId("edge-events").locator("caption").innerText()).toContain(
        `${pair?.reports} reports`,
      );
      await page.screenshot({ path: join(ARTIFACTS, "pair-counts-network.png") });

      await page.goto(`${server.url}/dyads?pair=AZE-IRN&interval=year`);
      const dyadsNote = page.getByTestId("pair-counts");
      await dyadsNote.waitFor();
      expect(await dyadsNote.innerText()).toContain(summary);
      // The series' own count is the one in the pair's menu, and the note names it.
      const option = await page.getByTestId("dyad-pair").locator("option:checked").innerText();
      const inSeries = /\((\d+)\)$/.exec(option)?.[1];
      expect(await dyadsNote.innerText()).toContain(`The series counts ${inSeries}`);
      await page.screenshot({ path: join(ARTIFACTS, "pair-counts-dyads.png") });
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
