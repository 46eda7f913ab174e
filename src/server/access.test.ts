import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../core/ports.ts";
import { openSqliteStore } from "../store/open.ts";
import { sampleCorpus } from "../store/testing/fixtures.ts";
import { hostName, hostsFor, isLoopback } from "./access.ts";
import { createApp } from "./app.ts";

const TOKEN = "correct-horse-battery-staple";

let store: Store;
beforeAll(async () => {
  store = openSqliteStore(":memory:");
  await store.saveDocuments(sampleCorpus());
});
afterAll(async () => {
  await store.close();
});

/** A request as a browser or a program would send it to the server at `host`. */
function call(
  app: ReturnType<typeof createApp>,
  path: string,
  { host = "127.0.0.1:8080", ...init }: RequestInit & { host?: string } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("host", host);
  return Promise.resolve(app.request(`http://${host}${path}`, { ...init, headers }));
}

describe("the Host check (against DNS rebinding)", () => {
  it.each(["127.0.0.1:8080", "localhost:9000", "LOCALHOST", "[::1]:8080"])("answers %s", async (host) => {
    expect((await call(createApp({ store }), "/api/stats", { host })).status).toBe(200);
  });

  it.each(["rebind.attacker.example", "rebind.attacker.example:8080", "127.0.0.1.attacker.example"])(
    "refuses %s with 403 and says why",
    async (host) => {
      const response = await call(createApp({ store }), "/api/documents", { host });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        error: { code: "forbidden", message: `this server does not answer to the host ${host}` },
      });
    },
  );

  it("answers the names it is given, and any with '*'", async () => {
    const named = createApp({ store, access: { hosts: ["kb.desk.example"] } });
    expect((await call(named, "/api/stats", { host: "kb.desk.example:8080" })).status).toBe(200);
    expect((await call(named, "/api/stats", { host: "127.0.0.1" })).status).toBe(403);
    const any = createApp({ store, access: { hosts: ["*"], token: TOKEN } });
    const authorization = `Bearer ${TOKEN}`;
    expect((await call(any, "/api/stats", { host: "10.1.2.3", headers: { authorization } })).status).toBe(
      200,
    );
  });
});

describe("cross-origin requests", () => {
  it("get no CORS headers, so another site's page cannot read an answer", async () => {
    const app = createApp({ store });
    const origin = "http://attacker.example";
    const read = await call(app, "/api/documents", { headers: { origin } });
    expect(read.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await call(app, "/api/documents", {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.headers.get("access-control-allow-methods")).toBeNull();
  });

  it("may not change anything: a POST from another origin is refused, one from the page's own is not", async () => {
    const app = createApp({ store });
    const foreign = await call(app, "/api/documents", {
      method: "POST",
      headers: { origin: "http://attacker.example" },
    });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: "forbidden" } });
    const own = await call(app, "/api/documents", {
      method: "POST",
      headers: { origin: "http://127.0.0.1:8080" },
    });
    // Past the guard: there is no such endpoint.
    expect(own.status).toBe(404);
  });
});

describe("a server with a token", () => {
  const app = (): ReturnType<typeof createApp> =>
    createApp({ store, access: { hosts: ["127.0.0.1"], token: TOKEN } });

  it("refuses a request without the token, or with another, as 401", async () => {
    for (const headers of [
      {},
      { authorization: "Bearer not-the-token-at-all" },
      { cookie: `triangulate_session=${TOKEN}` },
    ]) {
      const response = await call(app(), "/api/stats", { headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
    }
  });

  it("answers a program that sends Authorization: Bearer", async () => {
    const response = await call(app(), "/api/stats", { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ documents: 3 });
  });

  it("sends a browser to the login page, whose cookie (HttpOnly, SameSite=Strict) then opens the API", async () => {
    const page = await call(app(), "/reader/abc", { headers: { accept: "text/html" } });
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe("/login?next=%2Freader%2Fabc");
    const form = await call(app(), "/login?next=%2Freader%2Fabc");
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('<input type="hidden" name="next" value="/reader/abc">');

    const post = (token: string, next = "/reader/abc") =>
      call(app(), "/login", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://127.0.0.1:8080" },
        body: new URLSearchParams({ token, next }).toString(),
      });
    const wrong = await post("not-the-token-at-all");
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("set-cookie")).toBeNull();
    expect(await wrong.text()).toContain("That is not the token.");

    const right = await post(TOKEN);
    expect(right.status).toBe(303);
    expect(right.headers.get("location")).toBe("/reader/abc");
    const cookie = right.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^triangulate_session=[0-9a-f]{64}; Path=\/; HttpOnly; SameSite=Strict$/);
    // The cookie holds a digest, never the token itself.
    expect(cookie).not.toContain(TOKEN);
    const session = cookie.split(";")[0] ?? "";
    expect((await call(app(), "/api/stats", { headers: { cookie: session } })).status).toBe(200);

    // After logging in, only a path of this server is followed, never another site.
    expect((await post(TOKEN, "//attacker.example/")).headers.get("location")).toBe("/");
  });

  it("refuses a login posted from another site's page", async () => {
    const response = await call(app(), "/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://attacker.example" },
      body: new URLSearchParams({ token: TOKEN }).toString(),
    });
    expect(response.status).toBe(403);
  });
});

describe("host names", () => {
  it.each([
    ["127.0.0.1:8080", "127.0.0.1"],
    ["[::1]:8080", "::1"],
    ["Example.ORG", "example.org"],
  ])("reads %s as %s", (authority, name) => {
    expect(hostName(authority)).toBe(name);
  });

  it.each([
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["localhost", true],
    ["::1", true],
    ["0.0.0.0", false],
    ["::", false],
    ["192.168.1.5", false],
  ])("takes %s for loopback: %s", (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback);
  });

  it("answers to a bound address, the loopback names and the names given", () => {
    expect(hostsFor("192.168.1.5", ["kb.desk.example"]).sort()).toEqual(
      ["127.0.0.1", "192.168.1.5", "::1", "kb.desk.example", "localhost"].sort(),
    );
    expect(hostsFor("0.0.0.0")).toContain("127.0.0.1");
  });
});
