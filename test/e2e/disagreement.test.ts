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
import { ARTIFACTS, ROOT, ensureWebBuilt, launchBrowser, serveStore } from "./harness.ts";
import { OIL_SHARE_OUTLETS, writeOilShareCorpus } from "./oil-share-fixtures.ts";

// Issue 16's first question, "do the sources agree on how much oil
// Azerbaijan sells Israel?", in a real browser against the real server:
// three outlets' figures for one quantity (articles of our own, through the
// real ingest) opened in Compare, and the bundled corpus's 25 % against
// 40 % as a conflict that time may explain.

interface Served {
  readonly store: Store;
  readonly server: RunningServer;
}

let dir: string;
let oilShare: Served;
let corpus: Served;
let browser: Browser;
let context: BrowserContext;
const problems: string[] = [];

async function serveCorpus(corpusDir: string, name: string): Promise<Served> {
  const store = openSqliteStore(join(dir, `${name}.db`));
  const summary = await ingestCorpusIfEmpty(store, corpusDir, SILENT_REPORTER);
  expect(summary?.failed).toBe(0);
  return { store, server: await serveStore(store, join(dir, `${name}.db`)) };
}

beforeAll(async () => {
  ensureWebBuilt();
  dir = mkdtempSync(join(tmpdir(), "triangulate-e2e-disagreement-"));
  mkdirSync(ARTIFACTS, { recursive: true });
  writeOilShareCorpus(join(dir, "oil-share"));
  oilShare = await serveCorpus(join(dir, "oil-share"), "oil-share");
  corpus = await serveCorpus(join(ROOT, "corpus"), "corpus");
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  for (const { server, store } of [oilShare, corpus]) {
    await server.close();
    await store.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

afterEach(async () => {
  await context.close();
  expect(problems.splice(0)).toEqual([]);
});

/** Opens `path` of `served` at 1440×900, recording console errors and page errors. */
async function open(served: Served, path: string): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  await page.goto(served.server.url + path);
  return page;
}

describe("Compare, leading with how the figures relate", () => {
  it("gathers 40%, about 40 percent and 40–65% from three outlets into one agreeing quantity", async () => {
    const page = await open(oilShare, "/compare");
    const view = page.getByTestId("compare-view");
    await view.waitFor();
    expect(await view.locator("h2").innerText()).toMatch(/oil/);
    const figures = view.getByTestId("compared-figure");
    expect(await figures.count()).toBe(3);
    expect(await figures.locator(".figure-value").allInnerTexts()).toEqual(["40%", "≈ 40%", "40–65%"]);
    for (const outlet of OIL_SHARE_OUTLETS) expect(await figures.filter({ hasText: outlet }).count()).toBe(1);
    const summary = await view.getByTestId("compare-summary").innerText();
    expect(summary).toBe("3 sources agree: 40 %, about 40 % and 40–65 % all allow 40 %.");
    expect(await view.getByTestId("compare-status-line").innerText()).toContain("Agree");
    await page.screenshot({ path: join(ARTIFACTS, "compare-oil-share.png") });
  });

  it("opens the corpus's 25 % against 40 % as a conflict that time may explain", async () => {
    const page = await open(corpus, "/compare?status=conflict");
    const row = page.getByTestId("claim-cluster").filter({ hasText: "≈ 25% vs ≈ 40%" }).first();
    await row.getByRole("link").click();
    await page.waitForURL(/cluster=/);
    const disagreement = page.getByTestId("disagreement");
    await disagreement.waitFor();
    const sides = disagreement.getByTestId("disagreement-side");
    expect(await sides.count()).toBe(2);
    expect(await sides.nth(0).innerText()).toMatch(/≈ 25%[\s\S]*Today\.az/);
    const higher = await sides.nth(1).innerText();
    expect(higher).toMatch(/≈ 40%/);
    expect(higher).toMatch(/Eurasianet/);
    expect(higher).toMatch(/Sputnik/);
    expect(await disagreement.getAttribute("data-time")).toBe("publication");
    expect(await disagreement.innerText()).toMatch(/15 percentage points[\s\S]*Time may explain/);
    expect(await page.getByTestId("compare-status-line").innerText()).toContain("Conflict");
    await page.screenshot({ path: join(ARTIFACTS, "compare-oil-conflict.png") });
  });
});

// Issue 16's second question, "what happened between Azerbaijan and Iran in
// 2023, and who says so?": every event table names the outlet and date of
// each report and how many independent sources the event has.
describe("who says so, in every event table", () => {
  /** The "who says so" lines of the rows of `table`: an outlet and a date each. */
  async function sourcesOf(page: Page, table: string): Promise<string[]> {
    const rows = page.locator(table).getByTestId("event-row");
    await rows.first().waitFor();
    const cells = rows.getByTestId("event-sources");
    // The merged events load after the table: wait until every row counts its sources.
    await expect.poll(() => cells.filter({ hasText: /sources?|report/ }).count()).toBe(await rows.count());
    return cells.allInnerTexts();
  }

  it.each([
    ["Timeline", "/timeline?actor=IRN&zoom=2023-01-01..2023-12-31", ".table-wrap"],
    ["Network", "/network?edge=AZE~IRN", "[data-testid=edge-events]"],
    ["Overview", "/", ".table-wrap"],
  ])("%s: each report's outlet, date and independent sources", async (view, path, table) => {
    const page = await open(corpus, path);
    const lines = await sourcesOf(page, table);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toMatch(/^Unknown outlet/);
      expect(line).toMatch(/ · \d{1,2} \w{3} \d{4}| · \w{3} \d{4}| · \d{4}/);
    }
    if (view !== "Overview") expect(lines.some((line) => /Reuters|AP via|Eurasianet/.test(line))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, `sources-${view.toLowerCase()}.png`) });
  });

  it("Dyads: the AZE–IRN crisis of 2023 with its outlets, and a lone source marked", async () => {
    const page = await open(corpus, "/dyads?pair=AZE-IRN&interval=year&period=2023");
    const table = page.getByTestId("cluster-events");
    const rows = table.getByTestId("event-row");
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(5);
    const text = await table.innerText();
    expect(text).toMatch(/Apr 2023/);
    expect(text).toMatch(/1 source only/);
    for (const row of await rows.all())
      expect(await row.locator(".reports .meta").first().innerText()).toMatch(/\S · /);
    await page.screenshot({ path: join(ARTIFACTS, "sources-dyads.png") });
  });

  it("Dyads: the January 2023 attack on the embassy in Tehran on AZE–IRN, its attacker unknown", async () => {
    const page = await open(corpus, "/dyads?pair=AZE-IRN&period=2023-01");
    const table = page.getByTestId("cluster-events");
    await table.getByTestId("event-row").first().waitFor();
    expect(await table.innerText()).toMatch(/attacked Azerbaijan's embassy in Tehran/);
    await page.getByText("The series as a table").click();
    const note = page.getByRole("row", { name: /Jan 2023/ }).getByTestId("dyad-note");
    expect(await note.innerText()).toBe("attacker unknown, in IRN");
    await page.screenshot({ path: join(ARTIFACTS, "dyads-unknown-attacker.png"), fullPage: true });
  });
});
