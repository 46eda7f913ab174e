import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseManifest } from "../ingest/manifest.ts";
import { planIngest } from "./ingest.ts";

const folder = mkdtempSync(join(tmpdir(), "triangulate-plan-"));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("planIngest with a manifest", () => {
  it("reads a file named by its absolute path, and a saved page under its URL", async () => {
    writeFileSync(join(folder, "a.txt"), "Iran and Azerbaijan held talks in Baku.\n");
    writeFileSync(join(folder, "page.html"), "<p>Azerbaijan expelled four Iranian diplomats.</p>\n");
    const manifest = parseManifest(
      JSON.stringify([
        { file: join(folder, "a.txt"), title: "Talks" },
        { file: "page.html", url: "https://example.org/expulsions", outlet: "Example" },
      ]),
      join(folder, "manifest.json"),
      folder,
    );
    const planned = await planIngest([], { manifest, cwd: "/" });
    expect(planned.map(({ item, given }) => [item, given.title ?? given.outlet])).toMatchObject([
      [
        { kind: "read", source: { kind: "file", path: join(folder, "a.txt"), uri: join(folder, "a.txt") } },
        "Talks",
      ],
      [
        {
          kind: "read",
          source: { kind: "file", path: join(folder, "page.html"), uri: "https://example.org/expulsions" },
        },
        "Example",
      ],
    ]);
  });
});
