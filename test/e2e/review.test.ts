import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/serve.ts";
import { ARTIFACTS, openCorpusWorkbench, recordProblems, type CorpusWorkbench } from "./harness.ts";

// Accept and reject from the event tables, on the bundled corpus: each posts
// a correction (stored with who and when), an accepted row says so, a
// rejected one leaves the table, and the undo bar brings it back.

interface CorrectionStatus {
  readonly id: number;
  readonly action: string;
  readonly state: string;
  readonly record: string | null;
  readonly by: string;
}

let workbench: CorpusWorkbench;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  workbench = await openCorpusWorkbench("review");
  ({ server, browser } = workbench);
});

afterAll(() => workbench.close());

async function corrections(): Promise<CorrectionStatus[]> {
  const response = await fetch(`${server.url}/api/corrections`);
  return ((await response.json()) as { items: CorrectionStatus[] }).items;
}

describe("review from the event tables", () => {
  it("accepts a row, rejects another out of the table, and undoes the reject", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const problems: string[] = [];
    recordProblems(page, problems);
    try {
      await page.goto(`${server.url}/network?edge=AZE~IRN`);
      const rows = page.getByTestId("edge-events").getByTestId("event-row");
      await rows.first().waitFor();
      const idOf = async (i: number) => (await rows.nth(i).getAttribute("data-event")) ?? "";

      // Accept the first row: stored, and the row says so.
      const accepted = await idOf(0);
      await rows.nth(0).getByTestId("row-accept").click();
      await expect.poll(() => page.getByTestId("undo-bar").innerText()).toMatch(/^Accepted: /);
      const acceptedRow = page.locator(`[data-testid=edge-events] [data-event="${accepted}"]`);
      await expect.poll(() => acceptedRow.getByTestId("row-accepted").count()).toBe(1);
      expect(
        (await corrections()).filter((c) => c.action === "accept" && c.state === "applied"),
      ).toHaveLength(1);

      // Reject the second row: it leaves the table, and the bar offers the way back.
      const rejected = await idOf(1);
      const rejectedRow = page.locator(`[data-testid=edge-events] [data-event="${rejected}"]`);
      await rows.nth(1).getByTestId("row-reject").click();
      await expect.poll(() => page.getByTestId("undo-bar").innerText()).toMatch(/^Rejected: /);
      await expect.poll(() => rejectedRow.count()).toBe(0);
      // The pair's count drops with it: the caption counts the reports still standing.
      const caption = page.getByTestId("edge-events").locator("caption");
      const standing = Number(/^(\d+) reports/.exec(await caption.innerText())?.[1]);
      const reject = (await corrections()).find((c) => c.action === "reject");
      expect(reject?.state).toBe("applied");
      expect(reject?.by).toBe("analyst");
      await page.screenshot({ path: join(ARTIFACTS, "review-rejected.png") });

      await page.getByTestId("undo-correction").click();
      await expect.poll(() => rejectedRow.count()).toBe(1);
      expect(await caption.innerText()).toMatch(new RegExp(`^${standing + 1} reports`));
      expect(await page.getByTestId("undo-bar").count()).toBe(0);
      expect((await corrections()).find((c) => c.id === reject?.id)?.state).toBe("undone");
      // The accept stands.
      await expect.poll(() => acceptedRow.getByTestId("row-accepted").count()).toBe(1);
      await page.screenshot({ path: join(ARTIFACTS, "review-undone.png") });
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
