import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorCode } from "../../src/core/errors.ts";
import { TriangulateError } from "../../src/core/errors.ts";
import type { Store } from "../../src/core/ports.ts";
import { createApp } from "../../src/server/app.ts";
import { createDirectoryAssets } from "../../src/server/directory-assets.ts";
import { ParameterError, errorResponse } from "../../src/server/errors.ts";
import { openSqliteStore } from "../../src/store/open.ts";

let dir: string;
let store: Store;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "triangulate-ui-"));
  const web = join(dir, "web");
  mkdirSync(join(web, "assets"), { recursive: true });
  writeFileSync(join(web, "index.html"), "<!doctype html><title>Triangulate</title>");
  writeFileSync(join(web, "assets", "index-abc123.js"), "console.log(1)");
  writeFileSync(join(dir, "secret.txt"), "not for the browser");
  writeFileSync(join(web, ".env"), "SECRET=1");
  store = openSqliteStore(join(dir, "kb.db"));
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the built UI", () => {
  const app = () => createApp({ store, assets: createDirectoryAssets(join(dir, "web")) });

  it.each([
    ["/", "text/html", "<title>Triangulate</title>"],
    ["/timeline", "text/html", "<title>Triangulate</title>"],
    ["/reader/0123456789abcdef?sel=x", "text/html", "<title>Triangulate</title>"],
    ["/assets/index-abc123.js", "text/javascript", "console.log(1)"],
  ])("serves %s", async (path, type, content) => {
    const response = await app().request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain(type);
    expect(await response.text()).toContain(content);
  });

  it("lets fingerprinted assets be cached for good, and index.html never", async () => {
    expect((await app().request("/assets/index-abc123.js")).headers.get("cache-control")).toContain(
      "immutable",
    );
    expect((await app().request("/network")).headers.get("cache-control")).toBe("no-cache");
  });

  it("sends a content security policy that allows no inline or foreign scripts", async () => {
    const csp = (await app().request("/")).headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
  });

  it.each(["/assets/missing.js", "/favicon.ico", "/../secret.txt", "/%2e%2e/secret.txt", "/.env"])(
    "answers 404 for %s",
    async (path) => {
      const response = await app().request(path);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("not for the browser");
    },
  );

  it("says how to build the UI when there is none", async () => {
    const response = await createApp({ store }).request("/");
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("npm run build:web");
  });
});

describe("createDirectoryAssets", () => {
  it("keeps fingerprinted files from the start, and reads the page afresh", async () => {
    const web = join(dir, "kept-web");
    mkdirSync(join(web, "assets"), { recursive: true });
    writeFileSync(join(web, "index.html"), "<title>one</title>");
    writeFileSync(join(web, "assets", "view-1a2b.js"), "export {}");
    const assets = createDirectoryAssets(web);
    rmSync(join(web, "assets", "view-1a2b.js"));
    writeFileSync(join(web, "index.html"), "<title>two</title>");
    const kept = await assets.get("/assets/view-1a2b.js");
    expect(new TextDecoder().decode(kept?.body)).toBe("export {}");
    expect(new TextDecoder().decode((await assets.get("/index.html"))?.body)).toBe("<title>two</title>");
    // A rebuild's new file is read when first asked for.
    writeFileSync(join(web, "assets", "view-3c4d.js"), "export const rebuilt = 1;");
    expect(new TextDecoder().decode((await assets.get("/assets/view-3c4d.js"))?.body)).toContain("rebuilt");
  });

  it.each(["/../secret.txt", "/assets/../../secret.txt", "/%00.js", "/%E0%A4%A.js"])(
    "refuses %s",
    async (path) => {
      expect(await createDirectoryAssets(join(dir, "web")).get(path)).toBeNull();
    },
  );
});

describe("errorResponse", () => {
  it.each([
    ["usage", 400],
    ["invalid_input", 400],
    ["invalid_id", 400],
    ["invalid_date", 400],
    ["not_found", 404],
    ["too_large", 413],
    ["fetch_failed", 502],
    ["store_failed", 500],
    ["invalid_data", 500],
  ] satisfies [ErrorCode, number][])("maps %s to %i", (code, status) => {
    const { status: actual, body } = errorResponse(new TriangulateError(code, "details"));
    expect(actual).toBe(status);
    expect(body.error.code).toBe(code);
    // Server-side failures keep their details (SQL, paths) out of the response.
    expect(body.error.message).toBe(status >= 500 ? "internal server error" : "details");
  });

  it("names the parameter of a validation error", () => {
    expect(errorResponse(new ParameterError("limit", "must be a number")).body.error).toEqual({
      code: "invalid_input",
      message: 'invalid parameter "limit": must be a number',
      parameter: "limit",
    });
  });

  it("turns anything else into a bare 500", () => {
    expect(errorResponse(new Error("SQLITE_CORRUPT at /home/x/kb.db"))).toEqual({
      status: 500,
      body: { error: { code: "internal", message: "internal server error" } },
    });
  });
});
