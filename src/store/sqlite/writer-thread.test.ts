import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "../open.ts";
import { sampleCorpus } from "../testing/fixtures.ts";
import { describeStore } from "../testing/store-suite.ts";
import { openDatabase } from "./connection.ts";
import { createSqliteStore } from "./sqlite-store.ts";

// The store contract's writes again, each crossing to the writer thread and
// its own connection, and read back on this one.
describeStore(
  "SQLite, writes on their own thread",
  () => {
    const dir = mkdtempSync(join(tmpdir(), "triangulate-writer-"));
    const path = join(dir, "kb.db");
    return Promise.resolve({
      open: () => Promise.resolve(openSqliteStore(path, { writerThread: true })),
      dispose: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    });
  },
  { writesOnly: true },
);

describe("withWriterThread", () => {
  it("fails a write it cannot make as store_failed, and the store still closes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "triangulate-writer-"));
    const store = openSqliteStore(join(dir, "kb.db"), { writerThread: true });
    // The writer opens its own connection at its first write: by then the folder is gone.
    rmSync(dir, { recursive: true, force: true });
    const [document] = sampleCorpus();
    if (!document) throw new Error("no sample document");
    await expect(store.saveDocuments([document])).rejects.toMatchObject({
      code: "store_failed",
      message: expect.stringMatching(/^cannot open database .*kb\.db: /) as unknown,
    });
    await store.close();
  });
});

describe("two writers on one file", () => {
  it("a batch waits for the other connection's write lock, then saves every document", async () => {
    const dir = mkdtempSync(join(tmpdir(), "triangulate-writer-"));
    const path = join(dir, "kb.db");
    const store = openSqliteStore(path, { writerThread: true });
    const otherDb = openDatabase(path);
    const other = createSqliteStore(otherDb);
    try {
      const [first, second, third] = sampleCorpus();
      if (!first || !second || !third) throw new Error("the sample corpus has three documents");
      // The writer thread starts and opens its connection.
      expect(await store.saveDocuments([])).toEqual([]);
      // Another writer (as another ingest process would) holds the lock while the batch arrives, then commits.
      otherDb.exec("BEGIN IMMEDIATE");
      expect(await other.saveDocuments([first])).toEqual([{ ok: true, outcome: "added" }]);
      const waiting = store.saveDocuments([second, third]);
      await sleep(500);
      otherDb.exec("COMMIT");
      // A deferred transaction would have read before the commit and failed at its first write.
      expect(await waiting).toEqual([
        { ok: true, outcome: "added" },
        { ok: true, outcome: "added" },
      ]);
      expect((await store.stats()).documents).toBe(3);
    } finally {
      await other.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
