import { describe, expect, it } from "vitest";
import type { CliIo } from "./command.ts";
import { resolveDbPath } from "./db-path.ts";

const io = (env: Record<string, string>): CliIo => ({
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env,
  cwd: "/work/here",
  interactive: false,
});

describe("resolveDbPath", () => {
  it.each([
    [undefined, {}, "/work/here/triangulate.db"],
    [undefined, { TRIANGULATE_DB: "kb.db" }, "/work/here/kb.db"],
    [undefined, { TRIANGULATE_DB: "/data/kb.db" }, "/data/kb.db"],
    [undefined, { TRIANGULATE_DB: "  " }, "/work/here/triangulate.db"],
    ["flag.db", { TRIANGULATE_DB: "/data/kb.db" }, "/work/here/flag.db"],
    ["../up.db", {}, "/work/up.db"],
    [":memory:", {}, ":memory:"],
    ["postgres://desk@db.example/kb", {}, "postgres://desk@db.example/kb"],
    [undefined, { TRIANGULATE_DB: "postgresql://127.0.0.1/kb" }, "postgresql://127.0.0.1/kb"],
  ])("--db %j with env %j is %s", (flag, env, expected) => {
    expect(resolveDbPath(flag, io(env))).toBe(expected);
  });

  it("refuses an empty --db", () => {
    expect(() => resolveDbPath("", io({}))).toThrow(expect.objectContaining({ code: "usage" }) as Error);
  });
});
