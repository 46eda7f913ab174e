import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Command } from "../../src/cli/command.ts";
import { EXIT } from "../../src/cli/command.ts";
import { COMMANDS, main } from "../../src/cli/main.ts";
import { TriangulateError } from "../../src/core/errors.ts";
import { runMain, tempDir } from "./harness.ts";

const cwd = "/";

describe("triangulate --help", () => {
  it.each([["--help"], ["-h"], ["help"]])("%s lists every command and exits 0", async (flag) => {
    const { code, stdout, stderr } = await runMain([flag], { cwd });
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toMatch(/^Usage: triangulate <command>/);
    for (const name of Object.keys(COMMANDS)) expect(stdout).toMatch(new RegExp(`^ {2}${name} +\\S`, "m"));
  });

  it("without a command prints the help on stderr and exits 2", async () => {
    const { code, stdout, stderr } = await runMain([], { cwd });
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(/^Usage: triangulate <command>/);
  });

  it.each(Object.keys(COMMANDS))("%s --help prints the command's usage", async (name) => {
    const { code, stdout } = await runMain([name, "--help"], { cwd });
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: triangulate ${name}`));
    // Help wins over anything else on the line, even flags the command does not know.
    expect((await runMain([name, "--bogus", "-h"], { cwd })).code).toBe(0);
  });

  it("prints the version", async () => {
    expect((await runMain(["--version"], { cwd })).stdout).toMatch(/^triangulate \d+\.\d+\.\d+\n$/);
  });
});

describe("errors and exit codes", () => {
  it.each([
    [["frobnicate"], 'triangulate: unknown command "frobnicate" (see triangulate --help)\n'],
    [["--frobnicate"], 'triangulate: unknown option "--frobnicate" (see triangulate --help)\n'],
    [
      ["stats", "--frobnicate"],
      "triangulate stats: unknown option '--frobnicate' (see triangulate stats --help)\n",
    ],
    [["stats", "extra"], "triangulate stats: unexpected argument 'extra' (see triangulate stats --help)\n"],
    [
      ["stats", "--db", ""],
      "triangulate stats: --db needs a file name or a postgres:// URL (see triangulate stats --help)\n",
    ],
  ])("%j is a usage error: one stderr line, exit 2", async (args, message) => {
    const { code, stdout, stderr } = await runMain(args, { cwd });
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: "", stderr: message });
  });

  const failing = (error: unknown): Command => ({
    name: "fail",
    summary: "fails",
    help: "Usage: triangulate fail\n",
    run: () => Promise.reject(error instanceof Error ? error : new Error(String(error))),
  });
  const io = () => {
    const out: string[] = [];
    const sink = { write: (s: string) => out.push(s) > 0 } as unknown as NodeJS.WritableStream;
    return {
      out,
      io: { stdin: process.stdin, stdout: sink, stderr: sink, env: {}, cwd, interactive: false },
    };
  };

  it.each([
    [
      new TriangulateError("usage", "bad flag"),
      EXIT.usage,
      "triangulate fail: bad flag (see triangulate fail --help)\n",
    ],
    [new TriangulateError("store_failed", "disk on fire"), EXIT.failed, "triangulate fail: disk on fire\n"],
    [new TriangulateError("not_found", "no such\nthing"), EXIT.failed, "triangulate fail: no such thing\n"],
    [new Error("boom"), EXIT.failed, "triangulate fail: internal error: boom\n"],
    [Object.assign(new Error("write EPIPE"), { code: "EPIPE" }), EXIT.ok, undefined],
  ])("maps %s to its exit code and one line", async (error, exit, line) => {
    const { out, io: testIo } = io();
    const code = await main(["fail"], testIo as never, { fail: () => Promise.resolve(failing(error)) });
    expect(code).toBe(exit);
    expect(out[0]).toBe(line);
  });

  it("does not create a knowledge base for a command that only reads", async () => {
    const dir = tempDir();
    try {
      const { code } = await runMain(["export", "--db", "missing.db"], { cwd: dir.path });
      expect(code).toBe(1);
      expect(readdirSync(dir.path)).toEqual([]);
    } finally {
      dir.remove();
    }
  });
});
