import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runBin, startServe, tempDir } from "./harness.ts";

// The README's "Using it" examples, run as written (`npx triangulate` is the
// bin) in a folder holding a copy of the clone's corpus: a fresh clone's
// user gets no missing path and one knowledge base across them.

const README = readFileSync(join(ROOT, "README.md"), "utf8");
const block = /## Using it\n\n```sh\n([\s\S]*?)```/.exec(README)?.[1] ?? "";
const lines = block
  .split("\n")
  .filter((line) => line.startsWith("npx triangulate "))
  .map((line) => line.replace(/^npx triangulate /, "").split(" "));

let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  dir = tempDir();
  cpSync(join(ROOT, "corpus"), join(dir.path, "corpus"), { recursive: true });
});
afterAll(() => {
  dir.remove();
});

describe("the README's usage examples", () => {
  it("has them", () => {
    expect(lines.map((args) => args[0])).toEqual([
      "ingest",
      "stats",
      "export",
      "claims",
      "events",
      "dyads",
      "corrections",
      "corrections",
      "corrections",
      "serve",
    ]);
  });

  it("run one after another from a clone, each exiting 0 with output", async () => {
    for (const args of lines.filter((args) => args[0] !== "serve")) {
      const run = await runBin(args, { cwd: dir.path });
      expect({ args, code: run.code, stderr: run.code === 0 ? "" : run.stderr }).toEqual({
        args,
        code: 0,
        stderr: "",
      });
      if (args[0] !== "export") expect(run.stdout.trim(), args.join(" ")).not.toBe("");
    }
    expect(readFileSync(join(dir.path, "kb.jsonl"), "utf8")).toContain('"type":"document"');
  });

  it("serves the same knowledge base (on a free port rather than 9000)", async () => {
    const args = lines.find((line) => line[0] === "serve") ?? [];
    const port = args.indexOf("--port");
    const server = await startServe(
      args.map((arg, i) => (i === port + 1 ? "0" : arg)),
      dir.path,
    );
    try {
      const stats = (await (await fetch(`${server.url}/api/stats`)).json()) as { documents: number };
      expect(stats.documents).toBe(20);
    } finally {
      await server.stop();
    }
  });
});
