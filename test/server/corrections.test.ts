import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClaimCluster } from "../../src/analysis/types.ts";
import type { CorrectionStatus } from "../../src/core/corrections.ts";
import type { Store } from "../../src/core/ports.ts";
import type { SourcedEvent } from "../../src/core/records.ts";
import type { AnalysisRunner } from "../../src/server/analysis-runner.ts";
import { createAnalysisRunner } from "../../src/server/analysis-runner.ts";
import { createApp } from "../../src/server/app.ts";
import { STALE_HEADER } from "../../src/server/routes/analysis.ts";
import { openSqliteStore } from "../../src/store/open.ts";
import { itemAt, sampleCorpus } from "../../src/store/testing/fixtures.ts";

// The corrections API in-process over a real SQLite store of the store
// suite's sample articles, with the analysis thread reading the same file.

const NOW = "2026-12-07T04:30:00.000Z";
const corpus = sampleCorpus();
const expulsion = itemAt(corpus, 0);
const visit = itemAt(corpus, 1);
const expel = itemAt(expulsion.extraction.events, 0);
const accuse = itemAt(expulsion.extraction.events, 1);
const trade = itemAt(expulsion.extraction.claims, 1);
const oil = itemAt(visit.extraction.claims, 1);

let dir: string;
let store: Store;
let analysis: AnalysisRunner;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "triangulate-corrections-api-"));
  store = openSqliteStore(join(dir, "kb.db"));
  for (const { doc, extraction } of corpus) await store.saveDocument(doc, extraction);
  analysis = createAnalysisRunner({ source: { location: join(dir, "kb.db") }, store });
  app = createApp({ store, analysis, analyst: "desk", now: () => NOW });
});

afterAll(async () => {
  await analysis.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function send(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** An analysis endpoint's answer once the analysis has caught up with the corrections made. */
async function fresh<T>(path: string): Promise<T> {
  for (let tries = 0; ; tries += 1) {
    const response = await app.request(path);
    expect(response.status).toBe(200);
    if (response.headers.get(STALE_HEADER) === null || tries > 200) return (await response.json()) as T;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function get<T>(path: string): Promise<T> {
  const response = await app.request(path);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const events = (query: string): Promise<{ items: SourcedEvent[]; total: number }> =>
  get(`/api/events${query}`);

describe("POST /api/corrections", () => {
  it("rejects an event: gone from the events, the counts and the analyses; an undo brings it back", async () => {
    const before = await get<{ events: number }>("/api/stats");
    const made = await send(
      "/api/corrections",
      { doc: expulsion.doc.id, record: expel.id, action: "reject" },
      { "Triangulate-Analyst": "Leyla" },
    );
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ action: "reject", by: "Leyla", at: NOW, original: { cameo: "174" } });
    expect((await events("?actor=IRN")).items.map((e) => e.id)).not.toContain(expel.id);
    expect((await get<{ events: number }>("/api/stats")).events).toBe(before.events - 1);
    const clusters = await fresh<{ items: { reports: { event: string }[] }[] }>("/api/events/clusters");
    expect(clusters.items.flatMap((c) => c.reports.map((r) => r.event))).not.toContain(expel.id);

    const listed = await get<{ items: CorrectionStatus[] }>("/api/corrections");
    expect(listed.items.at(-1)).toMatchObject({ id: made.body.id, state: "applied", record: expel.id });

    const undo = await send(`/api/corrections/${String(made.body.id)}/undo`, {});
    expect(undo.status).toBe(201);
    expect(undo.body).toMatchObject({ action: "undo", undoes: made.body.id, by: "desk" });
    expect((await events("?actor=IRN")).items.map((e) => e.id)).toContain(expel.id);
    const again = await send(`/api/corrections/${String(made.body.id)}/undo`, {});
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({
      error: { parameter: "id", message: expect.stringContaining("undone already") as string },
    });
    expect((await send("/api/corrections/99999/undo", {})).status).toBe(404);
  });

  it("edits an event's code, side and date: the table's root and Goldstein score follow the code", async () => {
    const made = await send("/api/corrections", {
      doc: expulsion.doc.id,
      record: accuse.id,
      action: "edit",
      changes: { cameo: "1246", source: "TUR", date: "2023-02-14" },
    });
    expect(made.status).toBe(201);
    const [edited] = (await events(`?root=12&doc=${expulsion.doc.id}`)).items;
    expect(edited).toMatchObject({
      id: accuse.id,
      cameo: "1246",
      root: "12",
      source: "TUR",
      sourceCountry: "TUR",
      date: "2023-02-14",
      correction: {
        status: "edited",
        by: "desk",
        original: { cameo: "112", source: "AZE", date: "2023-01" },
      },
    });
    expect(edited?.goldstein).not.toBe(accuse.goldstein);
    expect((await events(`?root=11&doc=${expulsion.doc.id}`)).total).toBe(0);
    const document = await get<{ events: SourcedEvent[] }>(`/api/documents/${expulsion.doc.id}`);
    expect(document.events.find((e) => e.id === accuse.id)?.cameo).toBe("1246");
  });

  it("merges two figures into one cluster and splits one out again", async () => {
    const clusterOf = async (quote: string): Promise<ClaimCluster | undefined> =>
      (await fresh<{ items: ClaimCluster[] }>("/api/claims/clusters")).items.find((c) =>
        c.claims.some((claim) => claim.quote === quote),
      );
    expect((await clusterOf(trade.quote))?.claims).toHaveLength(1);
    const merged = await send("/api/corrections", {
      doc: expulsion.doc.id,
      record: trade.id,
      action: "merge",
      with: { doc: visit.doc.id, record: oil.id },
    });
    expect(merged.status).toBe(201);
    const cluster = await clusterOf(trade.quote);
    expect(cluster?.claims.map((c) => c.quote).sort()).toEqual([oil.quote, trade.quote].sort());
    expect(cluster?.sources).toBe(2);

    const split = await send("/api/corrections", { doc: visit.doc.id, record: oil.id, action: "split" });
    expect(split.status).toBe(201);
    // The split came after the merge: the analyst's latest word takes the figure out.
    await send(`/api/corrections/${String(merged.body.id)}/undo`, {});
    expect((await clusterOf(oil.quote))?.claims).toHaveLength(1);
    expect((await clusterOf(trade.quote))?.claims).toHaveLength(1);
  });

  it("edits a claim's value and unit", async () => {
    const deal = itemAt(visit.extraction.claims, 0);
    const made = await send("/api/corrections", {
      doc: visit.doc.id,
      record: deal.id,
      action: "edit",
      changes: { value: 2.5e9, unit: "EUR" },
    });
    expect(made.status).toBe(201);
    const claims = await get<{ items: { id: string; value: number; correction?: unknown }[] }>(
      "/api/claims?unit=EUR",
    );
    expect(claims.items.map((c) => c.id)).toEqual([deal.id]);
    expect(claims.items[0]).toMatchObject({
      value: 2.5e9,
      correction: { original: { value: 2e9, unit: "USD" } },
    });
  });

  it.each([
    ["a body that is not JSON", "{", "body", "must be a JSON object"],
    [
      "an unknown action",
      { doc: expulsion.doc.id, record: expel.id, action: "delete" },
      "action",
      "must be accept",
    ],
    ["a bad document id", { doc: "nope", record: expel.id, action: "reject" }, "doc", "document id"],
    [
      "an unknown field",
      { doc: expulsion.doc.id, record: expel.id, action: "reject", note: "x" },
      "note",
      "unknown field",
    ],
    [
      "an edit without changes",
      { doc: expulsion.doc.id, record: expel.id, action: "edit", changes: {} },
      "changes",
      "must change a field",
    ],
    [
      "an unknown CAMEO code",
      { doc: expulsion.doc.id, record: expel.id, action: "edit", changes: { cameo: "999" } },
      "changes.cameo",
      "no CAMEO code 999",
    ],
    [
      "a bad date",
      { doc: expulsion.doc.id, record: expel.id, action: "edit", changes: { date: "2023-13" } },
      "changes.date",
      "YYYY",
    ],
    [
      "a claim's field on an event",
      { doc: expulsion.doc.id, record: expel.id, action: "edit", changes: { value: 3 } },
      "changes.value",
      "not a field of an event",
    ],
    [
      "an unknown actor",
      { doc: expulsion.doc.id, record: expel.id, action: "edit", changes: { target: "person:nobody" } },
      "changes.target",
      "no actor person:nobody",
    ],
    [
      "a merge of events",
      {
        doc: expulsion.doc.id,
        record: expel.id,
        action: "merge",
        with: { doc: expulsion.doc.id, record: accuse.id },
      },
      "action",
      "for claims",
    ],
    [
      "a range upside down",
      { doc: expulsion.doc.id, record: trade.id, action: "edit", changes: { valueMax: 10 } },
      "changes.valueMax",
      "below value",
    ],
  ])("answers 400 naming the field for %s", async (_, body, parameter, message) => {
    const answer = await send("/api/corrections", body);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: { code: "invalid_input", parameter, message: expect.stringContaining(message) as string },
    });
  });

  it("answers 404 for a record the document does not have", async () => {
    const answer = await send("/api/corrections", {
      doc: expulsion.doc.id,
      record: "nope-e9",
      action: "reject",
    });
    expect(answer.status).toBe(404);
  });

  it("refuses a correction from another site's page, and one without the token when there is one", async () => {
    const foreign = await send(
      "http://127.0.0.1/api/corrections",
      { doc: expulsion.doc.id, record: expel.id, action: "reject" },
      { origin: "http://attacker.example" },
    );
    expect(foreign.status).toBe(403);
    const guarded = createApp({
      store,
      access: { hosts: ["127.0.0.1"], token: "correct-horse-battery-staple" },
    });
    const response = await guarded.request("http://127.0.0.1/api/corrections", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ doc: expulsion.doc.id, record: expel.id, action: "reject" }),
    });
    expect(response.status).toBe(401);
    expect(
      (await store.listCorrections()).filter((c) => c.record === expel.id && c.action === "reject"),
    ).toHaveLength(1);
  });
});
