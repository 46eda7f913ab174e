import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlannedItem } from "./sources.ts";
import { formatOfPath, isUrl, planInputs } from "./sources.ts";

/** Items as `kind uri` lines, with the format of reads and the message of failures. */
function summary(items: readonly PlannedItem[]): string[] {
  return items.map((item) => {
    switch (item.kind) {
      case "read":
        return `read ${item.source.uri}${item.source.kind === "file" ? ` (${item.source.format})` : ` (${item.source.kind})`}`;
      case "failed":
        return `failed ${item.uri}: ${item.failure.kind}`;
      case "skipped":
        return `skipped ${item.uri}`;
    }
  });
}

describe("planInputs", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "triangulate-sources-"));
    mkdirSync(join(root, "news", "deep", "deeper"), { recursive: true });
    mkdirSync(join(root, "news", ".git"));
    const files: [string, string][] = [
      ["news/b.txt", "b"],
      ["news/a.md", "a"],
      ["news/c.HTML", "c"],
      ["news/manifest.json", "[]"],
      ["news/photo.jpg", "x"],
      ["news/deep/d.htm", "d"],
      ["news/deep/deeper/e.markdown", "e"],
      ["news/.hidden.txt", "h"],
      ["news/.git/config.txt", "g"],
      ["single.txt", "s"],
      ["notes.docx", "p"],
    ];
    for (const [path, text] of files) {
      writeFileSync(join(root, path), text);
    }
    // A link back up the tree must not make the walk endless.
    symlinkSync(join(root, "news"), join(root, "news", "deep", "loop"));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it("walks folders in name order, skipping other files, hidden entries and manifest.json", async () => {
    expect(summary(await planInputs(["news"], root))).toEqual([
      "read news/a.md (markdown)",
      "read news/b.txt (text)",
      "read news/c.HTML (html)",
      "read news/deep/d.htm (html)",
      "read news/deep/deeper/e.markdown (markdown)",
      "skipped news/photo.jpg",
    ]);
  });

  it("skips a folder's README and licence, and reads one named on its own", async () => {
    mkdirSync(join(root, "briefs"));
    for (const name of ["README.md", "LICENSE.txt", "licence.md", "readme-first.txt", "01-talks.txt"]) {
      writeFileSync(join(root, "briefs", name), "text");
    }
    expect(summary(await planInputs(["briefs"], root))).toEqual([
      "read briefs/01-talks.txt (text)",
      "skipped briefs/LICENSE.txt",
      "skipped briefs/README.md",
      "skipped briefs/licence.md",
      "read briefs/readme-first.txt (text)",
    ]);
    expect(summary(await planInputs(["briefs/README.md"], root))).toEqual([
      "read briefs/README.md (markdown)",
    ]);
  });

  it("keeps the inputs' order and reads each file once, however it is reached", async () => {
    expect(
      summary(
        await planInputs(["single.txt", "news/deep", "news", "single.txt", join(root, "single.txt")], root),
      ),
    ).toEqual([
      "read single.txt (text)",
      "read news/deep/d.htm (html)",
      "read news/deep/deeper/e.markdown (markdown)",
      // Through the link back to news/; the walk of news/ itself then finds nothing new.
      "read news/deep/loop/a.md (markdown)",
      "read news/deep/loop/b.txt (text)",
      "read news/deep/loop/c.HTML (html)",
      "skipped news/deep/loop/photo.jpg",
    ]);
  });

  it("fails a missing path and a named file of another type", async () => {
    expect(summary(await planInputs(["nope.txt", "notes.docx"], root))).toEqual([
      "failed nope.txt: missing",
      "failed notes.docx: unsupported",
    ]);
  });

  it("takes - as stdin and http(s) addresses as URLs, once each", async () => {
    expect(
      summary(
        await planInputs(
          ["-", "https://example.org/a", "HTTP://example.org/b", "-", "https://example.org/a"],
          root,
        ),
      ),
    ).toEqual(["read - (stdin)", "read https://example.org/a (url)", "read HTTP://example.org/b (url)"]);
  });

  it("gives absolute paths to files", async () => {
    const [item] = await planInputs(["single.txt"], root);
    expect(item).toMatchObject({
      kind: "read",
      source: { uri: "single.txt", path: join(root, "single.txt") },
    });
  });
});

describe("formatOfPath and isUrl", () => {
  it.each([
    ["a.txt", "text"],
    ["a.TXT", "text"],
    ["a.md", "markdown"],
    ["a.htm", "html"],
    ["report.PDF", "pdf"],
    ["a.json", null],
    ["README", null],
  ])("%s -> %s", (path, format) => {
    expect(formatOfPath(path)).toBe(format);
  });

  it.each([
    ["https://x.org", true],
    ["http://x.org/a.txt", true],
    ["file:///tmp/a.txt", false],
    ["x.org/a", false],
  ])("%s is a URL: %s", (input, expected) => {
    expect(isUrl(input)).toBe(expected);
  });
});
