import { mkdirSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/command.ts";
import { createServeCommand } from "../../src/cli/commands/serve.ts";
import { main } from "../../src/cli/main.ts";
import type { RunningServer } from "../../src/server/serve.ts";
import { sampleCorpus } from "../../src/store/testing/fixtures.ts";
import { createKnowledgeBase, tempDir } from "../cli/harness.ts";

// `triangulate serve` through the CLI's `main`, on real ports and real stores;
// `until` stands in for Ctrl-C: it runs requests against the live server.

let dir: ReturnType<typeof tempDir>;
let webDir: string;

beforeAll(async () => {
  dir = tempDir();
  webDir = join(dir.path, "web");
  mkdirSync(webDir);
  writeFileSync(join(webDir, "index.html"), "<!doctype html><title>Workbench</title>");
  await createKnowledgeBase(join(dir.path, "kb.db"), sampleCorpus());
  const corpus = join(dir.path, "corpus");
  mkdirSync(corpus);
  writeFileSync(
    join(corpus, "brief.txt"),
    "Azerbaijan expelled four Iranian diplomats on April 6, 2023. Trade fell 40 percent that year.\n",
  );
  writeFileSync(
    join(corpus, "manifest.json"),
    JSON.stringify([
      { file: "brief.txt", published: "2023-04-08", outlet: "Test Wire", title: "Expulsions" },
    ]),
  );
});

afterAll(() => {
  dir.remove();
});

async function serve(
  args: readonly string[],
  during: (server: RunningServer) => Promise<void> = () => Promise.resolve(),
  env: Record<string, string> = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        into.push(chunk.toString());
        callback();
      },
    });
  const io: CliIo = {
    stdin: Readable.from([""]),
    stdout: sink(out),
    stderr: sink(err),
    env,
    cwd: dir.path,
    interactive: false,
  };
  const command = createServeCommand({ until: during, webDir });
  const code = await main(["serve", ...args], io, { serve: () => Promise.resolve(command) });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

describe("triangulate serve", () => {
  it("serves the API and the UI on the port it prints", async () => {
    let stats: unknown;
    let page = "";
    const run = await serve(["--db", "kb.db", "--port", "0"], async (server) => {
      stats = await (await fetch(`${server.url}/api/stats`)).json();
      page = await (await fetch(`${server.url}/claims`)).text();
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Serving http:\/\/127\.0\.0\.1:\d+$/m);
    expect(stats).toMatchObject({ documents: 3, events: 6, claims: 4 });
    expect(page).toContain("<title>Workbench</title>");
  });

  it("takes the port from PORT when --port is not given", async () => {
    let url = "";
    const run = await serve(
      ["--db", "kb.db"],
      (server) => {
        url = server.url;
        return Promise.resolve();
      },
      { PORT: "0" },
    );
    expect(run.code).toBe(0);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toMatch(/:8080$/);
  });

  it("loads a corpus into an empty knowledge base, once", async () => {
    const counts: unknown[] = [];
    const during = async (server: RunningServer) => {
      counts.push(await (await fetch(`${server.url}/api/stats`)).json());
    };
    const first = await serve(["--db", "fresh.db", "--port", "0", "--corpus", "corpus"], during);
    const second = await serve(["--db", "fresh.db", "--port", "0", "--corpus", "corpus"], during);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(first.stderr).toContain("Loaded the corpus in corpus: ");
    expect(second.stderr).not.toContain("Loaded the corpus");
    expect(counts).toMatchObject([{ documents: 1 }, { documents: 1 }]);
  });

  it("reports a busy port", async () => {
    let busy = 0;
    await serve(["--db", "kb.db", "--port", "0"], async (server) => {
      busy = server.port;
      const run = await serve(["--db", "kb.db", "--port", String(server.port)]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`port ${busy} is in use`);
    });
    expect(busy).toBeGreaterThan(0);
  });

  it.each([
    [["--port", "http"], {}, 2, "--port must be a port number"],
    [["--port", "70000"], {}, 2, "--port must be a port number"],
    [[], { PORT: "eighty" }, 2, "PORT must be a port number"],
    [["--host", ""], {}, 2, "--host needs an address"],
    [["--verbose"], {}, 2, "--verbose"],
    [["--db", "missing.db", "--port", "0"], {}, 1, "no knowledge base"],
  ] as const)("refuses %j %j with exit %i", async (args, env, code, message) => {
    const run = await serve(["--db", "kb.db", ...args], undefined, env);
    expect(run.code).toBe(code);
    expect(run.stderr).toContain(message);
  });

  it("refuses to listen beyond this machine without a token", async () => {
    let listened = false;
    const run = await serve(["--db", "kb.db", "--port", "0", "--host", "0.0.0.0"], () => {
      listened = true;
      return Promise.resolve();
    });
    expect(run.code).toBe(2);
    expect(listened).toBe(false);
    expect(run.stderr).toMatch(
      /^triangulate serve: --host 0\.0\.0\.0 lets other machines reach the workbench: give --token TOKEN \(or TRIANGULATE_TOKEN\)/,
    );
  });

  it("refuses a short token", async () => {
    const run = await serve(["--db", "kb.db", "--port", "0", "--token", "short"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the token must have 16 characters or more/);
  });

  it("beyond this machine with a token, warns and answers only requests that carry it", async () => {
    const token = "a-token-of-enough-length";
    const statuses: number[] = [];
    const run = await serve(
      ["--db", "kb.db", "--port", "0", "--host", "0.0.0.0"],
      async (server) => {
        const url = `http://127.0.0.1:${server.port}/api/stats`;
        statuses.push((await fetch(url)).status);
        statuses.push((await fetch(url, { headers: { authorization: `Bearer ${token}` } })).status);
        // A rebinding page names its own host: refused whatever it carries (fetch cannot set Host; node:http can).
        statuses.push(
          await new Promise<number>((done, fail) => {
            const headers = { host: "rebind.attacker.example", authorization: `Bearer ${token}` };
            get(url, { headers }, (response) => {
              response.resume();
              done(response.statusCode ?? 0);
            }).on("error", fail);
          }),
        );
      },
      { TRIANGULATE_TOKEN: token },
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/other machines can reach this workbench; each request needs the token/);
    expect(statuses).toEqual([401, 200, 403]);
  });
});
