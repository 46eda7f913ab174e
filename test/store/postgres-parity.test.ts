// The same articles into SQLite and into PostgreSQL through the real CLI: the
// two stores must answer alike, on the command line and through the API.
// Only what legitimately differs is left out: search ranks and snippets (FTS5's
// bm25 and snippet against ts_rank and ts_headline) and the clock's timestamps.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/core/ports.ts";
import { createApp } from "../../src/server/app.ts";
import { openPostgresStore, openSqliteStore } from "../../src/store/open.ts";
import type { TestDatabase } from "../../src/store/testing/postgres.ts";
import { createTestDatabase } from "../../src/store/testing/postgres.ts";
import { ROOT, runBin, tempDir } from "../cli/harness.ts";

const MANIFEST = join(ROOT, "corpus", "manifest.json");

let dir: ReturnType<typeof tempDir>;
let database: TestDatabase;
/** The two knowledge bases, as `--db` takes them. */
let locations: { sqlite: string; postgres: string };
let stores: Store[] = [];

/** Runs `triangulate ARGS --db LOCATION` on both stores: [sqlite, postgres]. */
async function onBoth(args: readonly string[]): Promise<[string, string]> {
  const run = async (db: string): Promise<string> => {
    const result = await runBin([...args, "--db", db], { cwd: dir.path });
    expect([result.code, result.stderr]).toEqual([0, ""]);
    return result.stdout;
  };
  return [await run(locations.sqlite), await run(locations.postgres)];
}

beforeAll(async () => {
  dir = tempDir();
  database = await createTestDatabase("parity");
  locations = { sqlite: join(dir.path, "kb.db"), postgres: database.url };
  // Rules first, so that both ingests evaluate them.
  await onBoth(["alerts", "add", "--dyad", "AZE-IRN", "--goldstein-below=-1", "--window", "365d"]);
  await onBoth(["alerts", "add", "--actor", "ISR", "--root", "1-20"]);
  await onBoth(["alerts", "add", "--new-conflict"]);
  const [sqliteIngest, postgresIngest] = await onBoth(["ingest", "--manifest", MANIFEST]);
  expect(postgresIngest).toBe(sqliteIngest);
  stores = [openSqliteStore(locations.sqlite), await openPostgresStore(locations.postgres)];
}, 240_000);

afterAll(async () => {
  for (const store of stores) await store.close();
  await database.drop();
  dir.remove();
});

/** Firings and rules without the time they were made. */
function withoutTimes(json: string): unknown {
  return JSON.parse(json, (key, value: unknown) =>
    key === "firedAt" || key === "created" ? "(time)" : value,
  );
}

describe("SQLite and PostgreSQL stores of the same articles", () => {
  it("export the same records, in the same order", async () => {
    const [sqlite, postgres] = await onBoth([
      "export",
      "--format",
      "jsonl",
      "--type",
      "document,actor,mention,event,claim",
      "--include-text",
    ]);
    expect(sqlite.split("\n").length).toBeGreaterThan(400);
    expect(postgres).toBe(sqlite);
  });

  it.each([
    ["stats", "--json"],
    ["claims", "--json"],
    ["events", "--json"],
    ["dyads", "--json"],
    ["sources", "--json"],
  ])("give the same triangulate %s %s", { timeout: 60_000 }, async (...args) => {
    const [sqlite, postgres] = await onBoth(args);
    expect(JSON.parse(postgres)).toEqual(JSON.parse(sqlite));
  });

  it("fired the same alerts on the same evidence", async () => {
    const [sqlite, postgres] = await onBoth(["alerts", "firings", "--limit", "100", "--json"]);
    expect((withoutTimes(sqlite) as { total: number }).total).toBeGreaterThan(0);
    expect(withoutTimes(postgres)).toEqual(withoutTimes(sqlite));
  });

  it.each([
    "/api/stats",
    "/api/documents?limit=100",
    "/api/documents?outlet=Trend&limit=5",
    "/api/actors",
    "/api/events?limit=500",
    "/api/events?actor=AZE&from=2020&to=2023-06&limit=50&offset=3",
    "/api/events?source=ISR&root=04",
    "/api/events/rows?limit=500",
    "/api/claims?limit=200",
    "/api/claims?q=billion&unit=USD",
    "/api/claims?subject=ISR",
    // The analyses are answered on a thread that opens the store by its location (the CLI's analyses are compared above).
    "/api/alerts/rules",
    "/api/alerts/firings?limit=50",
  ])("answer GET %s alike", async (path) => {
    const [sqlite, postgres] = await Promise.all(
      stores.map(async (store) => {
        const response = await createApp({ store }).request(path);
        expect(response.status).toBe(200);
        return withoutTimes(await response.text());
      }),
    );
    expect(postgres).toEqual(sqlite);
  });

  it("answer a document with its extraction alike", async () => {
    const { items } = (await stores[0]?.listDocuments({ limit: 100, offset: 0 })) ?? { items: [] };
    expect(items.length).toBeGreaterThan(10);
    for (const { id } of items) {
      const [sqlite, postgres] = await Promise.all(
        stores.map(async (store) => (await createApp({ store }).request(`/api/documents/${id}`)).json()),
      );
      expect(postgres).toEqual(sqlite);
    }
  });

  it.each(["embassy", "Aliyev Netanyahu", "drone*", "gas pipeline", "Erdoğan"])(
    "find the same documents for %j, with marked snippets",
    async (q) => {
      const [sqlite = [], postgres = []] = await Promise.all(stores.map((store) => store.search(q, 100)));
      const ids = (hits: typeof sqlite): string[] => hits.map((hit) => hit.document.id).sort();
      expect(ids(postgres)).toEqual(ids(sqlite));
      for (const hit of postgres) expect(hit.snippet).toMatch(/\[[^\]]+\]/);
    },
  );
});
