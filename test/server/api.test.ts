import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hc } from "hono/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/core/ports.ts";
import type { AppType } from "../../src/server/app.ts";
import { createApp } from "../../src/server/app.ts";
import { openSqliteStore } from "../../src/store/open.ts";
import { itemAt, sampleCorpus } from "../../src/store/testing/fixtures.ts";

// The API in-process (`app.request`) over a real SQLite store holding the
// store suite's three sample articles: 6 events, 4 claims.

let dir: string;
let store: Store;
let app: AppType;
const corpus = sampleCorpus();
const expulsion = itemAt(corpus, 0).doc;
const visit = itemAt(corpus, 1).doc;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "triangulate-api-"));
  store = openSqliteStore(join(dir, "kb.db"));
  for (const { doc, extraction } of corpus) await store.saveDocument(doc, extraction);
  app = createApp({ store });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(path: string): Promise<{ status: number; body: unknown }> {
  const response = await app.request(path);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return { status: response.status, body: await response.json() };
}

interface Listing {
  items: { id: string }[];
  total: number;
}

async function list(path: string): Promise<Listing> {
  const { status, body } = await get(path);
  expect(status).toBe(200);
  return body as Listing;
}

describe("GET /api/stats", () => {
  it("counts what the store holds", async () => {
    const { status, body } = await get("/api/stats");
    expect(status).toBe(200);
    expect(body).toMatchObject({ documents: 3, events: 6, claims: 4 });
  });
});

describe("GET /api/events", () => {
  it.each([
    ["", 6],
    ["?actor=AZE", 4],
    ["?actor=person:ilham-aliyev", 1],
    ["?source=IRN", 2],
    ["?target=ISR", 1],
    ["?source=AZE&target=IRN", 3],
    ["?root=17", 1],
    ["?from=2024", 2],
    ["?from=2023&to=2023-03", 1],
    ["?to=2023-04-06", 2],
    ["?actor=AZE&root=05", 1],
    ["?actor=USA", 0],
    ["?actor=&root=", 6],
  ])("%s finds %i events", async (query, total) => {
    const page = await list(`/api/events${query}`);
    expect(page.total).toBe(total);
    expect(page.items).toHaveLength(total);
  });

  it("filters by document, oldest first", async () => {
    const page = await list(`/api/events?doc=${expulsion.id}`);
    expect(page.items.map((e) => e.id)).toEqual([`${expulsion.id}-e1`, `${expulsion.id}-e0`]);
  });

  it("pages with limit and offset, keeping the total", async () => {
    const first = await list("/api/events?limit=2");
    const rest = await list("/api/events?limit=10&offset=2");
    expect(first.total).toBe(6);
    expect(first.items).toHaveLength(2);
    expect(rest.items).toHaveLength(4);
    expect(new Set([...first.items, ...rest.items].map((e) => e.id)).size).toBe(6);
  });

  it("gives items the export's field names, and the outlet and date of their document", async () => {
    const page = await list(`/api/events?doc=${expulsion.id}&root=17`);
    expect(itemAt(page.items, 0)).toEqual({
      type: "event",
      id: `${expulsion.id}-e0`,
      doc: expulsion.id,
      date: "2023-04-06",
      source: "IRN",
      sourceCountry: "IRN",
      target: "AZE",
      targetCountry: "AZE",
      location: null,
      cameo: "174",
      root: "17",
      plover: "REDUCE_RELATIONS",
      goldstein: -5,
      modality: "asserted",
      rule: "verb pattern: expel @T (cameo/patterns-verbs.txt:1)",
      quote: "Iran expelled four Azerbaijani diplomats on April 6.",
      start: 0,
      end: 52,
      outlet: expulsion.outlet,
      published: expulsion.published,
    });
    expect(expulsion.outlet).not.toBeNull();
  });
});

describe("GET /api/events/rows", () => {
  it("gives the events of /api/events as rows of the fields asked for", async () => {
    const { status, body } = await get(`/api/events/rows?doc=${expulsion.id}&fields=goldstein,id,date`);
    expect(status).toBe(200);
    expect(body).toEqual({
      fields: ["id", "date", "goldstein"],
      rows: [
        [`${expulsion.id}-e1`, "2023-01", -2],
        [`${expulsion.id}-e0`, "2023-04-06", -5],
      ],
      total: 2,
    });
  });

  it("gives every field by default, and filters and pages as /api/events does", async () => {
    const objects = await list("/api/events?actor=AZE&limit=2&offset=1");
    const { body } = await get("/api/events/rows?actor=AZE&limit=2&offset=1");
    const { fields, rows, total } = body as { fields: string[]; rows: unknown[][]; total: number };
    expect(total).toBe(objects.total);
    expect(
      rows.map((row) => ({ type: "event", ...Object.fromEntries(fields.map((f, i) => [f, row[i]])) })),
    ).toEqual(objects.items);
  });

  it("names an unknown field", async () => {
    const { status, body } = await get("/api/events/rows?fields=id,colour");
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: "invalid_input", parameter: "fields" } });
    expect((body as { error: { message: string } }).error.message).toContain('"colour"');
  });
});

describe("GET /api/claims", () => {
  it.each([
    ["", 4],
    ["?subject=ISR", 1],
    ["?subject=AZE", 4],
    ["?unit=percent", 2],
    ["?q=oil", 1],
    ["?q=TRADE fell", 1],
    ["?unit=USD&subject=IRN", 1],
    ["?limit=1", 4],
  ])("%s finds %i claims", async (query, total) => {
    expect((await list(`/api/claims${query}`)).total).toBe(total);
  });

  it("adds the outlet, date and title of each claim's document", async () => {
    const page = await list("/api/claims?q=oil");
    expect(itemAt(page.items, 0)).toMatchObject({
      type: "claim",
      doc: visit.id,
      value: 40,
      valueMax: null,
      unit: "percent",
      qualifier: "approx",
      subjects: ["AZE", "ISR"],
      metric: "share of Israel's oil",
      quote: "Azerbaijan supplies about 40 percent of Israel's oil.",
      outlet: "Baku Daily",
      published: "2024-07",
      title: "Aliyev and Pezeshkian meet in Baku",
    });
  });
});

describe("GET /api/documents", () => {
  it.each([
    ["", 3],
    ["?outlet=Caspian Wire", 2],
    ["?q=Pezeshkian", 1],
    ["?limit=1", 3],
  ])("%s finds %i documents", async (query, total) => {
    expect((await list(`/api/documents${query.replace(" ", "%20")}`)).total).toBe(total);
  });

  it("returns one document with its text, mentions, events and claims", async () => {
    const { status, body } = await get(`/api/documents/${expulsion.id}`);
    expect(status).toBe(200);
    const doc = body as {
      text: string;
      events: unknown[];
      claims: unknown[];
      mentions: { start: number; end: number; text: string }[];
    };
    expect(doc).toMatchObject({
      id: expulsion.id,
      title: "Iran expels Azerbaijani diplomats",
      outlet: "Caspian Wire",
    });
    expect(doc.text).toBe(expulsion.text);
    expect(doc.events).toHaveLength(2);
    expect(doc.claims).toHaveLength(2);
    for (const m of doc.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
  });

  it.each(["0123456789abcdef", "not-an-id", "..%2F..%2Fetc"])(
    "answers 404 JSON for unknown id %s",
    async (id) => {
      const { status, body } = await get(`/api/documents/${id}`);
      expect(status).toBe(404);
      expect(body).toMatchObject({ error: { code: "not_found" } });
    },
  );
});

describe("GET /api/actors", () => {
  it("lists actors with their event counts", async () => {
    const { items } = (await list("/api/actors")) as unknown as { items: { id: string; events: number }[] };
    const counts = Object.fromEntries(items.map((a) => [a.id, a.events]));
    expect(counts).toMatchObject({ IRN: 4, "person:ilham-aliyev": 1 });
  });
});

describe("GET /api/search", () => {
  it("ranks documents by full-text match, with a snippet", async () => {
    const page = (await list("/api/search?q=diplomats")) as unknown as {
      items: { id: string; snippet: string; title: string }[];
    };
    expect(page.items.map((d) => d.id)).toEqual([expulsion.id]);
    expect(itemAt(page.items, 0).snippet).toContain("[diplomats]");
  });

  it("finds nothing for words nowhere", async () => {
    expect((await list("/api/search?q=zeppelin")).total).toBe(0);
  });
});

describe("query validation", () => {
  it.each([
    ["/api/events?limit=0", "limit"],
    ["/api/events?limit=abc", "limit"],
    ["/api/events?limit=10001", "limit"],
    ["/api/events?limit=1&limit=2", "limit"],
    ["/api/events?offset=-1", "offset"],
    ["/api/events?from=2023-13", "from"],
    ["/api/events?to=23", "to"],
    ["/api/events?root=21", "root"],
    ["/api/events?root=4", "root"],
    ["/api/events?actor=Azerbaijan!", "actor"],
    ["/api/events?source=aze", "source"],
    ["/api/events?doc=xyz", "doc"],
    ["/api/events?colour=red", "colour"],
    ["/api/events/rows?fields=id,,date", "fields"],
    ["/api/events/rows?limit=10001", "limit"],
    ["/api/claims?unit=furlong", "unit"],
    ["/api/claims?subject=az", "subject"],
    ["/api/documents?outlet=" + "x".repeat(201), "outlet"],
    ["/api/search", "q"],
    ["/api/search?q=%20%20", "q"],
    ["/api/search?q=oil&limit=101", "limit"],
    ["/api/stats?verbose=1", "verbose"],
    ["/api/actors?limit=5", "limit"],
  ])("%s is a 400 naming %s", async (path, parameter) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: "invalid_input", parameter } });
    expect((body as { error: { message: string } }).error.message).toContain(`"${parameter}"`);
  });
});

describe("unknown paths", () => {
  it.each(["/api/nope", "/api/events/extra", "/api"])("%s is a 404 JSON error", async (path) => {
    const { status, body } = await get(path);
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: { code: "not_found" } });
  });

  it("does not let API responses be cached", async () => {
    const response = await app.request("/api/stats");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("the typed client", () => {
  it("calls the API with the server's route types", async () => {
    // A loopback name: the app answers only to the names of where it is served.
    const client = hc<AppType>("http://localhost", {
      fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) => app.request(input, init),
    });
    const response = await client.api.events.$get({ query: { actor: "AZE", root: "17" } });
    expect(response.status).toBe(200);
    const page = await response.json();
    expect(page.total).toBe(1);
    expect(itemAt(page.items, 0).cameo).toBe("174");
  });
});
