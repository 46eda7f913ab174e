import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEB_DIST } from "../../src/cli/project-paths.ts";
import type { Store } from "../../src/core/ports.ts";
import { createApp } from "../../src/server/app.ts";
import { createDirectoryAssets } from "../../src/server/directory-assets.ts";
import type { RunningServer } from "../../src/server/serve.ts";
import { startServer } from "../../src/server/serve.ts";
import { openStore } from "../../src/store/open.ts";
import { createTestDatabase } from "../../src/store/testing/postgres.ts";
import { runMain } from "../cli/harness.ts";
import { ARTIFACTS, ensureWebBuilt, launchBrowser, recordProblems } from "./harness.ts";

// Alerts end to end: a rule in the knowledge base, the workbench open in a
// real browser, an ingest by the command line (another connection, as a
// watch loop or worker would be) that fires the rule; the badge and the
// Alerts view update over SSE, and the evidence opens in the reader. On the
// embedded SQLite store, and on a PostgreSQL database as a desk shares it.

const ARTICLE =
  "Iran expelled four Azerbaijani diplomats on 5 March 2024, the foreign ministry in Tehran said.\n\n" +
  "Baku called the decision unjustified.\n";

/** A knowledge base for the test: its `--db` location, and how to remove it. */
interface Location {
  readonly db: string;
  drop(): Promise<void>;
}

const LOCATIONS: readonly [string, (dir: string) => Promise<Location>][] = [
  ["SQLite", (dir) => Promise.resolve({ db: join(dir, "kb.db"), drop: () => Promise.resolve() })],
  [
    "PostgreSQL",
    async () => {
      const database = await createTestDatabase("alerts_e2e");
      return { db: database.url, drop: () => database.drop() };
    },
  ],
];

describe.each(LOCATIONS)("alerts in the workbench on %s", (label, createLocation) => {
  let dir: string;
  let location: Location;
  let db: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    ensureWebBuilt();
    dir = mkdtempSync(join(tmpdir(), "triangulate-alerts-e2e-"));
    mkdirSync(ARTIFACTS, { recursive: true });
    location = await createLocation(dir);
    db = location.db;
    const rule = await runMain(["alerts", "add", "--actor", "IRN", "--root", "11-20", "--db", db], {
      cwd: dir,
    });
    expect(rule.code, rule.stderr).toBe(0);
    store = await openStore(db);
    server = await startServer(
      createApp({ store, assets: createDirectoryAssets(WEB_DIST), alertPollMs: 250 }),
      { port: 0 },
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
    await store.close();
    await location.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `${name}${label === "SQLite" ? "" : `-${label}`}.png`) });
  }

  it("show a firing live: the badge, the Alerts view, and the evidence in the reader", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    recordProblems(page, problems);
    // The stream is open before anything fires.
    const streamOpen = page.waitForResponse((response) => response.url().includes("/api/alerts/stream"));
    await page.goto(`${server.url}/search`);
    await page.getByTestId("nav-alerts").waitFor();
    await streamOpen;
    expect(await page.getByTestId("alerts-badge").count()).toBe(0);

    writeFileSync(join(dir, "expulsion.txt"), ARTICLE);
    const ingest = await runMain(["ingest", "expulsion.txt", "--db", db, "--published", "2024-03-06"], {
      cwd: dir,
    });
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(ingest.stdout).toMatch(/^alert 1: 1 new event of IRN with CAMEO root 1\d/m);

    // Pushed over SSE: no reload.
    await expect.poll(() => page.getByTestId("alerts-badge").innerText()).toBe("1");
    await shot("alerts-badge");

    await page.getByTestId("nav-alerts").click();
    const firing = page.getByTestId("alert-firing");
    await firing.first().waitFor();
    expect(await firing.count()).toBe(1);
    expect(await firing.innerText()).toMatch(/1 new event of IRN with CAMEO root/);
    // Seen once the view shows it.
    await expect.poll(() => page.getByTestId("alerts-badge").count()).toBe(0);
    await shot("alerts-view");

    // A second firing arrives while the view is open.
    writeFileSync(
      join(dir, "strike.txt"),
      "Iran accused Azerbaijan of spying for Israel on 7 March 2024, officials in Tehran said.\n",
    );
    const again = await runMain(["ingest", "strike.txt", "--db", db, "--published", "2024-03-08"], {
      cwd: dir,
    });
    expect(again.code, again.stderr).toBe(0);
    await expect.poll(() => firing.count()).toBe(2);

    const evidence = page.getByTestId("alert-evidence").last();
    const quote = await evidence.innerText();
    await evidence.click();
    await page.getByTestId("article-text").waitFor();
    expect(page.url()).toMatch(/\/reader\/[0-9a-f]{16}\?span=\d+-\d+/);
    await expect
      .poll(() => page.locator('mark[aria-current="true"]').first().innerText())
      .toContain(quote.slice(0, 30));
    await shot("alerts-evidence");
    await context.close();
    expect(problems).toEqual([]);
  });
});
