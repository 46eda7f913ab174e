// Two `triangulate ingest` processes into one SQLite file at once, as two
// analysts (or a cron job and an analyst) would run them.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/open.ts";
import { runBin, tempDir } from "../cli/harness.ts";

const STATES = ["Georgia", "Armenia", "Turkey", "Iran", "Israel", "Azerbaijan", "Russia"];
/** Documents each process has alone; both also ingest `SHARED` identical ones. */
const EACH = 200;
const SHARED = 20;

let dir: ReturnType<typeof tempDir>;

/** Writes `count` one-sentence articles, distinct by `tag`, into `folder`. */
function writeArticles(folder: string, tag: string, count: number): void {
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) {
    const [a, b] = [STATES[i % 7], STATES[(i + 3) % 7]];
    writeFileSync(
      join(folder, `${tag}-${i}.txt`),
      `${a} and ${b} signed ${i + 2} agreements on trade in ${1900 + (i % 120)}, officials in ${tag} said on Monday ${i}.`,
    );
  }
}

beforeAll(() => {
  dir = tempDir();
  writeArticles(join(dir.path, "a"), "alpha", EACH);
  writeArticles(join(dir.path, "b"), "beta", EACH);
  writeArticles(join(dir.path, "shared"), "shared", SHARED);
});
afterAll(() => {
  dir.remove();
});

describe("two ingest processes into one SQLite store", () => {
  it("store every document once, and neither reports a failure", { timeout: 180_000 }, async () => {
    // Extraction on the main thread makes each process's batches short and frequent: the most lock turns.
    const run = (folder: string) =>
      runBin(["ingest", "--db", "kb.db", "--threads", "0", folder, "shared"], { cwd: dir.path });
    const [first, second] = await Promise.all([run("a"), run("b")]);
    expect([first.stderr, second.stderr]).toEqual(["", ""]);
    expect([first.code, second.code]).toEqual([0, 0]);
    // Each shared document is added by one process and found unchanged by the other.
    const added = (stdout: string): number => Number(/(\d+) added/.exec(stdout)?.[1]);
    expect(added(first.stdout) + added(second.stdout)).toBe(2 * EACH + SHARED);
    const store = openSqliteStore(join(dir.path, "kb.db"));
    try {
      expect((await store.stats()).documents).toBe(2 * EACH + SHARED);
    } finally {
      await store.close();
    }
  });
});
