import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseManifest, readManifest } from "./manifest.ts";

const PATH = "data/manifest.json";
const CWD = "/work";

describe("parseManifest", () => {
  it("resolves files against the manifest's folder and keeps the date's precision", () => {
    const json = JSON.stringify([
      { file: "a.txt", published: "2026", outlet: "Wire", title: "A" },
      { file: "sub/b.md", published: "2026-03", outlet: null, title: null },
      { url: "https://example.org/c", published: "2026-03-05" },
      { file: "d.html", extra: "ignored" },
    ]);
    expect(parseManifest(json, PATH, CWD)).toEqual([
      {
        kind: "file",
        uri: "data/a.txt",
        path: "/work/data/a.txt",
        address: null,
        published: "2026",
        outlet: "Wire",
        title: "A",
      },
      {
        kind: "file",
        uri: "data/sub/b.md",
        path: "/work/data/sub/b.md",
        address: null,
        published: "2026-03",
        outlet: null,
        title: null,
      },
      { kind: "url", url: "https://example.org/c", published: "2026-03-05", outlet: null, title: null },
      {
        kind: "file",
        uri: "data/d.html",
        path: "/work/data/d.html",
        address: null,
        published: null,
        outlet: null,
        title: null,
      },
    ]);
  });

  it("keeps an absolute path, and takes a file with a url for a saved page at that address", () => {
    const json = JSON.stringify([
      { file: "/archive/a.txt" },
      { file: "saved/b.html", url: "https://example.org/b", outlet: "Example" },
    ]);
    expect(parseManifest(json, PATH, CWD)).toMatchObject([
      { kind: "file", uri: "/archive/a.txt", path: "/archive/a.txt", address: null },
      {
        kind: "file",
        uri: "data/saved/b.html",
        path: "/work/data/saved/b.html",
        address: "https://example.org/b",
        outlet: "Example",
      },
    ]);
  });

  it("reads empty strings as unknown", () => {
    expect(
      parseManifest('[{"file": "a.txt", "published": "", "outlet": " ", "title": ""}]', PATH, CWD),
    ).toEqual([
      {
        kind: "file",
        uri: "data/a.txt",
        path: "/work/data/a.txt",
        address: null,
        published: null,
        outlet: null,
        title: null,
      },
    ]);
  });

  it.each([
    ["not JSON", "[{", /^data\/manifest\.json: not JSON: /],
    ["not an array", '{"file": "a.txt"}', /^data\/manifest\.json: must be a JSON array of entries$/],
    ["an entry that is not an object", '[{"file": "a.txt"}, 3]', /^data\/manifest\.json: entry 1: /],
    [
      "a bad date",
      '[{"file": "a.txt"}, {"file": "b.txt", "published": "2026-13"}]',
      /^data\/manifest\.json: entry 1, published: must be a date as YYYY, YYYY-MM or YYYY-MM-DD$/,
    ],
    [
      "a date of the wrong type",
      '[{"file": "a.txt", "published": 2026}]',
      /^data\/manifest\.json: entry 0, published: /,
    ],
    [
      "neither file nor url",
      '[{"title": "T"}]',
      /^data\/manifest\.json: entry 0, file: needs a file or a url \(or both: a saved page\)$/,
    ],
    [
      "a URL that is not http(s)",
      '[{"url": "ftp://x.org/a"}]',
      /^data\/manifest\.json: entry 0, url: must be an http\(s\) URL$/,
    ],
    ["an empty file name", '[{"file": ""}]', /^data\/manifest\.json: entry 0, file: must not be empty$/],
    [
      "a title of the wrong type",
      '[{"file": "a.txt", "title": 5}]',
      /^data\/manifest\.json: entry 0, title: /,
    ],
  ])("names the manifest, entry and field for %s", (_, json, message) => {
    expect(() => parseManifest(json, PATH, CWD)).toThrow(message);
  });

  it("throws a TriangulateError with code invalid_input", () => {
    expect(() => parseManifest("{}", PATH, CWD)).toThrow(expect.objectContaining({ code: "invalid_input" }));
  });
});

describe("readManifest", () => {
  const folder = mkdtempSync(join(tmpdir(), "triangulate-manifest-"));
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it("reads a manifest relative to the working folder", async () => {
    writeFileSync(join(folder, "manifest.json"), '[{"file": "a.txt", "published": "2025-02"}]');
    await expect(readManifest("manifest.json", folder)).resolves.toEqual([
      {
        kind: "file",
        uri: "a.txt",
        path: join(folder, "a.txt"),
        address: null,
        published: "2025-02",
        outlet: null,
        title: null,
      },
    ]);
  });

  it("names a missing manifest", async () => {
    await expect(readManifest("missing.json", folder)).rejects.toThrow("missing.json: no such file");
  });
});
