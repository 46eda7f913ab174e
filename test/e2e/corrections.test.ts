import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/core/ports.ts";
import type { RunningServer } from "../../src/server/serve.ts";
import { openSqliteStore } from "../../src/store/open.ts";
import { runMain } from "../cli/harness.ts";
import { ARTIFACTS, ensureWebBuilt, launchBrowser, serveStore, recordProblems } from "./harness.ts";

// Corrections end to end: an article ingested by the command line, an event
// rejected and another edited in the reader of a real browser, the article
// ingested again with a new date (its extraction redone), the corrections
// still applied; one undone from the Corrections view; then exported as gold.

const ARTICLE =
  "Iran expelled four Azerbaijani diplomats on 6 April 2023.\n\n" +
  "Azerbaijan accused Iran of hostile acts against its embassy in Tehran.\n\n" +
  "Trade between Azerbaijan and Iran fell 40 percent in 2023.\n";

describe("corrections in the workbench", () => {
  let dir: string;
  let db: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  async function ingest(published: string): Promise<void> {
    const run = await runMain(
      ["ingest", "embassy.txt", "--db", db, "--published", published, "--outlet", "Caspian Wire"],
      {
        cwd: dir,
      },
    );
    expect(run.code, run.stderr).toBe(0);
  }

  beforeAll(async () => {
    ensureWebBuilt();
    dir = mkdtempSync(join(tmpdir(), "triangulate-corrections-e2e-"));
    mkdirSync(ARTIFACTS, { recursive: true });
    db = join(dir, "kb.db");
    writeFileSync(join(dir, "embassy.txt"), ARTICLE);
    await ingest("2023-04-08");
    store = openSqliteStore(db);
    server = await serveStore(store, db);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  }

  it("makes corrections in the reader, keeps them through a re-ingest, undoes one and exports them", async () => {
    const { items: events } = await store.listEvents({ limit: 100, offset: 0 });
    const expelled = events.find((e) => e.quote.includes("expelled"));
    const accused = events.find((e) => e.quote.includes("accused"));
    if (!expelled || !accused) throw new Error(`extraction changed: ${JSON.stringify(events)}`);
    const doc = expelled.doc;

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    recordProblems(page, problems);

    // Reject the accusation.
    await page.goto(`${server.url}/reader/${doc}?sel=${accused.id}`);
    const panel = page.getByTestId("correction-panel");
    await panel.waitFor();
    await panel.getByRole("button", { name: "Reject" }).click();
    await page.getByTestId("rejected").waitFor();
    await expect.poll(() => page.getByTestId("panel-event").count()).toBe(events.length - 1);

    // Edit the expulsion's code.
    await page.goto(`${server.url}/reader/${doc}?sel=${expelled.id}`);
    await panel.waitFor();
    await panel.getByRole("button", { name: "Edit…" }).click();
    const form = page.getByTestId("correction-form");
    await form.getByLabel("CAMEO code").fill("172");
    await shot("corrections-edit-form");
    await form.getByRole("button", { name: "Save correction" }).click();
    await expect.poll(() => page.getByTestId("correction-status").innerText()).toMatch(/Edited by/);
    expect(await page.getByTestId("correction-status").innerText()).toMatch(
      new RegExp(`cameo\\s+${expelled.cameo}\\s+→\\s+172`),
    );
    await shot("corrections-reader");

    // Ingested again with a new date: the extraction is redone, the corrections stay.
    await ingest("2023-04-09");
    await page.goto(`${server.url}/reader/${doc}?sel=${expelled.id}`);
    await page.getByTestId("rejected").waitFor();
    await expect.poll(() => page.getByTestId("correction-status").innerText()).toMatch(/Edited by/);
    expect(await page.getByTestId("panel-event").count()).toBe(events.length - 1);
    const stats = (await store.stats()).events;
    expect(stats).toBe(events.length - 1);

    // The Corrections view lists both; undo the rejection.
    await page.goto(`${server.url}/corrections`);
    const rows = page.getByTestId("correction-row");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    await shot("corrections-view");
    await rows.filter({ hasText: "rejected" }).getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => rows.count()).toBe(3);
    await expect
      .poll(() => page.locator('[data-testid="correction-row"][data-state="undone"]').count())
      .toBe(2);
    await shot("corrections-view-undone");
    await page.goto(`${server.url}/reader/${doc}`);
    await expect.poll(() => page.getByTestId("panel-event").count()).toBe(events.length);

    // Exported as the eval's gold: the edit is required, with its new root.
    const exported = await runMain(["corrections", "export", "--out", "gold", "--db", db], { cwd: dir });
    expect(exported.code, exported.stderr).toBe(0);
    const gold = readFileSync(join(dir, "gold", "embassy.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(gold.find((r) => r.quote === expelled.quote)).toMatchObject({ roots: ["17"], source: "IRN" });
    expect(gold.find((r) => r.quote === expelled.quote)).not.toHaveProperty("optional");
    await context.close();
    expect(problems).toEqual([]);
  });
});
