import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleCorpus } from "../../src/store/testing/fixtures.ts";
import { createKnowledgeBase, runMain, tempDir } from "./harness.ts";

let dir: ReturnType<typeof tempDir>;
let db: string;

beforeAll(async () => {
  dir = tempDir();
  db = join(dir.path, "kb.db");
  await createKnowledgeBase(db, sampleCorpus());
});
afterAll(() => {
  dir.remove();
});

describe("triangulate stats", () => {
  it("prints the counts as JSON with --json", async () => {
    const { code, stdout, stderr } = await runMain(["stats", "--db", db, "--json"], { cwd: dir.path });
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const stats = JSON.parse(stdout) as Record<string, unknown>;
    expect(stats).toMatchObject({ documents: 3, actors: 6, events: 6, claims: 4 });
    expect(stats.eventsByRoot).toContainEqual({ root: "17", events: 1 });
    expect(stats.documentsByOutlet).toEqual([
      { outlet: "Caspian Wire", documents: 2 },
      { outlet: "Baku Daily", documents: 1 },
    ]);
  });

  it("prints a readable report with root names and outlets", async () => {
    const { code, stdout } = await runMain(["stats", "--db", db], { cwd: dir.path });
    expect(code).toBe(0);
    expect(stdout).toContain(`Knowledge base ${db}`);
    expect(stdout).toMatch(/^ {2}documents\s+3$/m);
    expect(stdout).toMatch(/^ {2}claims\s+4$/m);
    expect(stdout).toMatch(/^ {2}17 coerce\s+1$/m);
    expect(stdout).toMatch(/^ {2}Caspian Wire\s+2$/m);
  });

  it("finds the knowledge base through TRIANGULATE_DB, and --db wins over it", async () => {
    const viaEnv = await runMain(["stats", "--json"], { cwd: "/", env: { TRIANGULATE_DB: db } });
    expect(JSON.parse(viaEnv.stdout)).toMatchObject({ documents: 3 });
    const viaFlag = await runMain(["stats", "--json", "--db", "kb.db"], {
      cwd: dir.path,
      env: { TRIANGULATE_DB: "/nowhere.db" },
    });
    expect(JSON.parse(viaFlag.stdout)).toMatchObject({ documents: 3 });
    const byDefault = await runMain(["stats"], { cwd: dir.path });
    expect(byDefault.code).toBe(1);
    expect(byDefault.stderr).toBe(
      `triangulate stats: no knowledge base at ${join(dir.path, "triangulate.db")} (ingest articles first, or name one with --db FILE|URL or TRIANGULATE_DB)\n`,
    );
  });
});
