import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleCorpus } from "../../src/store/testing/fixtures.ts";
import { createKnowledgeBase, runBin, startServe, tempDir } from "./harness.ts";

// The real executable in a child process: argv, exit codes, streams and the
// file system as a user gets them. The in-process tests cover the rest.

let dir: ReturnType<typeof tempDir>;

beforeAll(async () => {
  dir = tempDir();
  await createKnowledgeBase(join(dir.path, "triangulate.db"), sampleCorpus());
});
afterAll(() => {
  dir.remove();
});

describe("bin/triangulate.js", () => {
  it("exports JSONL from ./triangulate.db and exits 0", async () => {
    const { code, stdout, stderr } = await runBin(["export", "--type", "event"], { cwd: dir.path });
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(
      stdout
        .trim()
        .split("\n")
        .map((l) => (JSON.parse(l) as { type: string }).type),
    ).toEqual(Array(6).fill("event"));
  });

  it("exits 2 with one stderr line for a bad format", async () => {
    const { code, stdout, stderr } = await runBin(["export", "--format", "yaml"], { cwd: dir.path });
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(
      /^triangulate export: unknown format "yaml" \(formats: jsonl, csv.*\) \(see triangulate export --help\)\n$/,
    );
  });

  it("prints stats --json", async () => {
    const { code, stdout } = await runBin(["stats", "--json"], { cwd: dir.path });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ documents: 3, actors: 6, events: 6, claims: 4 });
  });

  it("serves the clusters from the bundle's analysis thread, and stops on SIGTERM", async () => {
    const server = await startServe(["serve", "--port", "0"], dir.path);
    try {
      const response = await fetch(`${server.url}/api/claims/clusters`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { total: number; items: { claims: unknown[] }[] };
      expect(body.total).toBeGreaterThan(0);
      expect(body.items.flatMap((cluster) => cluster.claims)).toHaveLength(4);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
