import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "../open.ts";
import { sampleCorpus } from "../testing/fixtures.ts";
import { describeStore } from "../testing/store-suite.ts";

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
