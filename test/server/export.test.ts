import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/core/ports.ts";
import { createApp } from "../../src/server/app.ts";
import { openSqliteStore } from "../../src/store/open.ts";
import { itemAt, sampleCorpus } from "../../src/store/testing/fixtures.ts";

// POST /api/export/stix in-process over a real SQLite store holding the
// sample articles: the bundle of a selection of events and claims.

let dir: string;
let store: Store;
let app: ReturnType<typeof createApp>;
const corpus = sampleCorpus();
const expulsion = itemAt(corpus, 0);
const visit = itemAt(corpus, 1);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "triangulate-export-api-"));
  store = openSqliteStore(join(dir, "kb.db"));
  for (const { doc, extraction } of corpus) await store.saveDocument(doc, extraction);
  app = createApp({ store });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

interface StixObject {
  type: string;
  id: string;
  name?: string;
  description?: string;
  content?: string;
  external_references?: { external_id: string }[];
}

async function post(body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await app.request("/api/export/stix", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe("POST /api/export/stix", () => {
  it("bundles the selected events and claims with their reports and identities, and nothing else", async () => {
    const event = itemAt(expulsion.extraction.events, 0);
    const claim = itemAt(visit.extraction.claims, 0);
    const { status, body } = await post({ ids: [event.id, claim.id] });
    expect(status).toBe(200);
    const bundle = body as { type: string; objects: StixObject[] };
    expect(bundle.type).toBe("bundle");
    const byType = (type: string) => bundle.objects.filter((o) => o.type === type);
    expect(byType("relationship").map((o) => o.description)).toEqual([event.quote]);
    expect(byType("note").map((o) => o.content)).toEqual([claim.quote]);
    // One report per document the selection comes from.
    expect(
      byType("report")
        .map((o) => o.external_references?.[0]?.external_id)
        .sort(),
    ).toEqual([expulsion.doc.id, visit.doc.id].sort());
    // The event's two sides, plus the claim's subject states.
    const names = byType("identity").map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(["Iran", "Azerbaijan"]));
    // Evidence: each points at its document and character offsets.
    const [relationship] = byType("relationship");
    expect(relationship?.external_references?.[0]?.external_id).toBe(
      `${event.doc}:${event.start}-${event.end}`,
    );
  });

  it.each([
    [{ ids: [] }, "ids", "at least one"],
    [{ ids: ["not-an-id"] }, "ids.0", "event or claim ids"],
    [{ ids: ["0123456789abcdef-e0"], extra: 1 }, "extra", ""],
    [{}, "ids", ""],
  ])("refuses %j, naming %s", async (body, parameter, message) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const error = (response.body as { error: { parameter: string; message: string } }).error;
    expect(error.parameter).toBe(parameter);
    expect(error.message).toContain(message);
  });

  it("answers 404 naming ids that are not stored", async () => {
    const { status, body } = await post({ ids: [`${expulsion.doc.id}-e99`, "0123456789abcdef-c0"] });
    expect(status).toBe(404);
    expect((body as { error: { message: string } }).error.message).toBe(
      `no event or claim with id ${expulsion.doc.id}-e99, 0123456789abcdef-c0`,
    );
  });

  it("refuses a body that is not JSON", async () => {
    const response = await app.request("/api/export/stix", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{ids",
    });
    expect(response.status).toBe(400);
  });
});
