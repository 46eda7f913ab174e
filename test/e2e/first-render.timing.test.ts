import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { writeSyntheticEvents } from "../../bench/synthetic-events.ts";
import type { Store } from "../../src/core/ports.ts";
import type { RunningServer } from "../../src/server/serve.ts";
import { openSqliteStore } from "../../src/store/open.ts";
import { ARTIFACTS, ensureWebBuilt, launchBrowser, serveStore } from "./harness.ts";

// Prints how long each event view takes to first render 10,000 events, from
// navigation in a fresh browser context to the drawn chart (a figure to read,
// not a timed assertion).
// Its vitest project runs after every other test file, alone, so that the
// figure is not the load of the rest of the suite (see vitest.config.ts).

let dir: string;
let store: Store;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), "triangulate-e2e-big-"));
  store = openSqliteStore(join(dir, "kb.db"));
  await writeSyntheticEvents(store, { events: 10_000, eventsPerDocument: 25 });
  server = await serveStore(store, join(dir, "kb.db"));
  browser = await launchBrowser();
  // A user's browser is running before they open the workbench: one page of
  // it (search, which loads no events) starts the browser's processes first.
  const warm = await browser.newContext();
  await (await warm.newPage()).goto(`${server.url}/search`);
  await warm.close();
});

afterAll(async () => {
  await browser.close();
  await server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

it.each([
  [
    "/timeline",
    "Number(document.querySelector('[data-testid=timeline] canvas')?.getAttribute('data-dots') ?? 0) >= 9000",
  ],
  [
    "/",
    "document.querySelectorAll('[data-testid=top-dyads] li').length > 0 && !!document.querySelector('[data-testid=overview] svg')",
  ],
  [
    "/network",
    "document.querySelectorAll('[data-testid=network-graph] [data-testid=network-edge]').length > 0",
  ],
])("prints the time to render %s with 10,000 events", async (path, ready) => {
  // Evaluating the readiness test in the page needs the Content-Security-Policy bypassed.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(server.url + path);
    await page.waitForFunction(ready, undefined, { timeout: 20_000 });
    const ms = await page.evaluate<number>("performance.now()");
    console.log(`first render of ${path} with 10,000 events: ${Math.round(ms)} ms (target < 1500 ms)`);
    await page.screenshot({ path: join(ARTIFACTS, `10k${path.replace(/\//g, "-")}.png`) });
    expect(ms).toBeGreaterThan(0);
  } finally {
    await context.close();
  }
});
