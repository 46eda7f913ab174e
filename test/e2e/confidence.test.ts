import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/serve.ts";
import { ARTIFACTS, openCorpusWorkbench, recordProblems, type CorpusWorkbench } from "./harness.ts";

// Confidence, shown, on the bundled corpus: the reader explains its colours,
// names the outlet and date (not a file path), marks the words of the search
// it was opened from, and lists the other outlets that report the selected
// event (or says it rests on one source); a triangle's verdict that rests on
// an edge of one or two events says so.

interface Report {
  readonly event: string;
  readonly doc: string;
  readonly outlet: string | null;
}
interface Cluster {
  readonly sources: number;
  readonly reports: readonly Report[];
}
interface Triad {
  readonly actors: readonly string[];
  readonly window: string;
  readonly edges: readonly { events: number }[];
}

let workbench: CorpusWorkbench;
let server: RunningServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  workbench = await openCorpusWorkbench("confidence");
  ({ server, browser } = workbench);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  recordProblems(page, problems);
});

afterAll(() => workbench.close());

async function api<T>(path: string): Promise<T> {
  const response = await fetch(server.url + path);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe("confidence, shown", () => {
  it("opens the reader from a search with the words marked, the outlet and date, and a legend", async () => {
    await page.goto(`${server.url}/search?q=embassy`);
    const hit = page.getByTestId("search-hit").first();
    await hit.click();
    await page.getByTestId("article-text").waitFor();
    expect(new URL(page.url()).searchParams.get("q")).toBe("embassy");
    const marks = page.locator("[data-testid=article-text] mark.hl-search");
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    for (const word of await marks.allInnerTexts()) expect(word.toLowerCase()).toMatch(/^embass/);
    expect(await page.getByTestId("search-note").innerText()).toMatch(/\d+ match(es)? of “embassy” marked/);
    const legend = await page.getByTestId("reader-legend").innerText();
    for (const meaning of ["an event's sentence", "a figure's sentence", "an actor named", "a searched word"])
      expect(legend).toContain(meaning);
    const meta = await page.getByTestId("doc-meta").innerText();
    expect(meta).not.toMatch(/\.txt|\/corpus\//);
    expect(meta).toMatch(/ · \d{1,2} \w{3} \d{4}/);
    await page.screenshot({ path: join(ARTIFACTS, "reader-from-search.png") });
    expect(problems).toEqual([]);
  });

  it("lists the other outlets that report the selected event, and says when it rests on one source", async () => {
    const clusters = await api<{ items: Cluster[] }>("/api/events/clusters?limit=1000");
    const shared = clusters.items.find(
      (c) => c.sources >= 2 && new Set(c.reports.map((r) => r.outlet)).size >= 2,
    );
    const lone = clusters.items.find((c) => c.sources === 1 && c.reports.length === 1);
    if (!shared || !lone) throw new Error("the corpus has no event reported by two outlets, or none by one");
    const [first] = shared.reports;
    if (!first) throw new Error("a merged event without reports");
    await page.goto(`${server.url}/reader/${first.doc}?sel=${first.event}`);
    const also = page.getByTestId("also-reported");
    await also.waitFor();
    const outlets = await also.getByTestId("also-report").allInnerTexts();
    const others = shared.reports.filter((r) => r.doc !== first.doc);
    expect(outlets).toHaveLength(others.length);
    for (const report of others) expect(outlets.join("\n")).toContain(report.outlet ?? "Unknown outlet");
    await page.screenshot({ path: join(ARTIFACTS, "reader-also-reported.png") });
    // The link opens the other outlet's sentence.
    await also.getByTestId("also-report").first().click();
    await page.waitForURL(/\/reader\/[0-9a-f]{16}\?span=\d+-\d+&of=event/);
    await page.getByTestId("article-text").waitFor();

    const [single] = lone.reports;
    if (!single) throw new Error("a merged event without reports");
    await page.goto(`${server.url}/reader/${single.doc}?sel=${single.event}`);
    await expect
      .poll(() => page.getByTestId("also-reported").innerText())
      .toContain("rests on this one source");
    expect(problems).toEqual([]);
  });

  it("puts a caveat under a triangle verdict that rests on an edge of one or two events", async () => {
    const triads = await api<{ items: Triad[] }>("/api/triads?interval=year");
    const thin = triads.items.find(
      (t) => t.actors.join("-") === "AZE-IRN-ISR" && t.edges.some((e) => e.events <= 2),
    );
    const solid = triads.items.find(
      (t) => t.actors.join("-") === "AZE-IRN-ISR" && t.edges.every((e) => e.events > 2),
    );
    if (!thin) throw new Error("no thin verdict for Azerbaijan, Iran and Israel in the corpus");
    await page.goto(`${server.url}/triangles`);
    const card = page.locator(`[data-testid=triangle-window][data-window="${thin.window}"]`);
    expect(await card.getByTestId("verdict-caveat").innerText()).toMatch(
      /^Rests on [12] events? between .+: a hint, not a finding\.$/,
    );
    if (solid) {
      const sure = page.locator(`[data-testid=triangle-window][data-window="${solid.window}"]`);
      expect(await sure.getByTestId("verdict-caveat").count()).toBe(0);
    }
    expect(await page.getByTestId("thin-verdicts").innerText()).toMatch(
      /verdicts? rests? on an edge of at most 2/,
    );
    await page.screenshot({ path: join(ARTIFACTS, "triangles-caveat.png") });
    expect(problems).toEqual([]);
  });
});
