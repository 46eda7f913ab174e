import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, it } from "vitest";
import { writeSyntheticEvents } from "../../bench/synthetic-events.ts";
import type { Store } from "../../src/core/ports.ts";
import type { RunningServer } from "../../src/server/serve.ts";
import { openSqliteStore } from "../../src/store/open.ts";
import { ARTIFACTS, LARGE_STORE_VIEWS, ensureWebBuilt, launchBrowser, serveStore } from "./harness.ts";

// Each event view draws a knowledge base of 10,000 events: the timeline
// nearly every dot, the overview its chart and top pairs, the network its
// edges. How long they take is `npm run bench:render`'s to print.

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
});

afterAll(async () => {
  await browser.close();
  await server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

it.each(LARGE_STORE_VIEWS)("draws %s with 10,000 events", async (path, drawn) => {
  // Evaluating the test of what is drawn in the page needs the Content-Security-Policy bypassed.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(server.url + path);
    await page.waitForFunction(drawn, undefined, { timeout: 20_000 });
    await page.screenshot({ path: join(ARTIFACTS, `10k${path.replace(/\//g, "-")}.png`) });
  } finally {
    await context.close();
  }
});
