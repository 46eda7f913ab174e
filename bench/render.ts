// `npm run bench:render`: how long each event view of the workbench takes to
// first render a knowledge base of 10,000 events, in Chromium, from
// navigation in a fresh browser context to the drawn chart (the page's
// `performance.now()` when it has drawn; target < 1.5 s).
//   npm run bench:render                     5 runs of each view
//   npm run bench:render -- --runs 10        more runs
//   npm run bench:render -- --events 20000   another size
// The knowledge base is written through the Store port (synthetic-events.ts)
// and served by the real app with the built UI; the views run in turn, each
// in a fresh context, after one page has started the browser's processes (a
// user's browser is running before they open the workbench). Run it on an
// otherwise idle machine: the server, the browser and its scripts share it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openSqliteStore } from "../src/store/open.ts";
import { LARGE_STORE_VIEWS, ensureWebBuilt, launchBrowser, serveStore } from "../test/e2e/harness.ts";
import { percentile } from "./event-queries.ts";
import { writeSyntheticEvents } from "./synthetic-events.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    events: { type: "string", default: "10000" },
  },
});
/** A whole number of at least `min` from a flag, or an error naming it. */
function count(flag: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min)
    throw new Error(`--${flag}: not a whole number >= ${min}: ${raw}`);
  return value;
}
const runs = count("runs", values.runs, 1);
const events = count("events", values.events, 1);

ensureWebBuilt();
const dir = mkdtempSync(join(tmpdir(), "triangulate-bench-render-"));
const path = join(dir, "kb.db");
const store = openSqliteStore(path);
const server = await serveStore(store, path);
const browser = await launchBrowser();
try {
  await writeSyntheticEvents(store, { events, eventsPerDocument: 25 });
  const warm = await browser.newContext();
  await (await warm.newPage()).goto(`${server.url}/search`);
  await warm.close();

  console.log(
    `first render with ${events.toLocaleString("en")} events, ${runs} runs of each view (target < 1500 ms)`,
  );
  for (const [view, drawn] of LARGE_STORE_VIEWS) {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      // Evaluating the test of what is drawn in the page needs the Content-Security-Policy bypassed.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      try {
        const page = await context.newPage();
        await page.goto(server.url + view);
        await page.waitForFunction(drawn, undefined, { timeout: 60_000 });
        times.push(await page.evaluate<number>("performance.now()"));
      } finally {
        await context.close();
      }
    }
    times.sort((a, b) => a - b);
    const ms = (value: number): string => `${Math.round(value)} ms`;
    console.log(
      `${view.padEnd(10)} min ${ms(times[0] ?? 0)}, median ${ms(percentile(times, 0.5))}, max ${ms(times.at(-1) ?? 0)}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
