// Several `triangulate ingest` processes into one PostgreSQL database at once,
// as a desk's analysts and workers run them, over overlapping files: each
// document is stored once and whole, and a process killed mid-run leaves no
// half of a document behind.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/core/ports.ts";
import { openPostgresStore, openSqliteStore } from "../../src/store/open.ts";
import type { TestDatabase } from "../../src/store/testing/postgres.ts";
import { createTestDatabase } from "../../src/store/testing/postgres.ts";
import { BIN, runBin, tempDir } from "../cli/harness.ts";
import { recordsByDocument } from "./kb-records.ts";

const STATES = ["Georgia", "Armenia", "Turkey", "Iran", "Israel", "Azerbaijan", "Russia"];
const FOLDERS = ["a", "b", "c"];
/** Documents each process has alone; every process also ingests `SHARED` identical ones. */
const EACH = 80;
const SHARED = 30;
const TOTAL = FOLDERS.length * EACH + SHARED;

let dir: ReturnType<typeof tempDir>;
/** Each document's records as one process storing everything into SQLite gives them. */
let reference: Map<string, string[]>;
const databases: TestDatabase[] = [];

/** Writes `count` articles, distinct by `tag`, into `folder`. */
function writeArticles(folder: string, tag: string, count: number): void {
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) {
    const [a, b] = [STATES[i % 7], STATES[(i + 3) % 7]];
    writeFileSync(
      join(folder, `${tag}-${i}.txt`),
      `${a} and ${b} signed ${i + 2} agreements on trade in ${1900 + (i % 120)}, officials in ${tag} said.\n` +
        `${b} expelled ${i + 1} diplomats of ${a} on Monday, the ministry said.`,
    );
  }
}

async function withStore<T>(store: Store, read: (store: Store) => Promise<T>): Promise<T> {
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

async function documentCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::integer AS n FROM documents");
    return rows[0]?.n ?? 0;
  } catch {
    return 0; // Not migrated yet.
  } finally {
    await client.end();
  }
}

/** `ingest` of one folder and the shared one, extraction on the main thread: short, frequent batches. */
const ingestArgs = (url: string, folder: string): string[] => [
  "ingest",
  "--db",
  url,
  "--threads",
  "0",
  folder,
  "shared",
];

beforeAll(async () => {
  dir = tempDir();
  for (const folder of FOLDERS) writeArticles(join(dir.path, folder), `desk-${folder}`, EACH);
  writeArticles(join(dir.path, "shared"), "shared", SHARED);
  const single = await runBin(["ingest", "--db", "reference.db", ...FOLDERS, "shared"], { cwd: dir.path });
  expect(single.code).toBe(0);
  reference = await withStore(openSqliteStore(join(dir.path, "reference.db")), recordsByDocument);
  expect(reference.size).toBe(TOTAL);
}, 180_000);

afterAll(async () => {
  for (const database of databases) await database.drop();
  dir.remove();
});

describe("several ingest processes into one PostgreSQL store", () => {
  it("store every document once and whole, and none reports a failure", { timeout: 240_000 }, async () => {
    const database = await createTestDatabase("writers");
    databases.push(database);
    const runs = await Promise.all(
      FOLDERS.map((folder) => runBin(ingestArgs(database.url, folder), { cwd: dir.path })),
    );
    expect(runs.map((run) => run.stderr)).toEqual(FOLDERS.map(() => ""));
    expect(runs.map((run) => run.code)).toEqual(FOLDERS.map(() => 0));
    // Each shared document is added by one process and found unchanged by the others.
    const added = runs.map((run) => Number(/(\d+) added/.exec(run.stdout)?.[1]));
    expect(added.reduce((a, b) => a + b, 0)).toBe(TOTAL);
    const stored = await withStore(await openPostgresStore(database.url), recordsByDocument);
    expect(stored).toEqual(reference);
  });

  it("keep going when one is killed, which leaves no half of a document", { timeout: 240_000 }, async () => {
    const database = await createTestDatabase("killed");
    databases.push(database);
    const [victim, ...others] = FOLDERS as [string, ...string[]];
    const child = spawn(process.execPath, [BIN, ...ingestArgs(database.url, victim)], {
      cwd: dir.path,
      stdio: "ignore",
    });
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      child.on("exit", (_, signal) => {
        done(signal);
      }),
    );
    const survivors = Promise.all(
      others.map((folder) => runBin(ingestArgs(database.url, folder), { cwd: dir.path })),
    );
    // Killed once documents are going in (by it or the others): mid-batch, with writes in flight.
    while ((await documentCount(database.url)) < 20) await new Promise((wait) => setTimeout(wait, 50));
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    const runs = await survivors;
    expect(runs.map((run) => [run.code, run.stderr])).toEqual(others.map(() => [0, ""]));

    const partial = await withStore(await openPostgresStore(database.url), recordsByDocument);
    expect(partial.size).toBeLessThan(TOTAL);
    for (const [doc, records] of partial) expect(records).toEqual(reference.get(doc));

    // The killed run, started again, stores what it had not.
    const again = await runBin(ingestArgs(database.url, victim), { cwd: dir.path });
    expect([again.code, again.stderr]).toEqual([0, ""]);
    const stored = await withStore(await openPostgresStore(database.url), recordsByDocument);
    expect(stored).toEqual(reference);
  });
});
