import { createHash, timingSafeEqual } from "node:crypto";
import { hostname, networkInterfaces } from "node:os";
import { Hono } from "hono";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { TriangulateError } from "../core/errors.ts";
import { errorResponse } from "./errors.ts";

/**
 * Who may talk to the server. Three checks, in order, on every request:
 *
 * 1. **Host**: the `Host` header must name this server (DNS rebinding points
 *    a foreign name at 127.0.0.1; the browser then calls that name's pages
 *    same-origin, and sends that name as Host).
 * 2. **Origin**: a request that changes state (anything but GET, HEAD and
 *    OPTIONS) from a page of another site is refused. No response carries
 *    CORS headers, so other sites cannot read any answer either.
 * 3. **Token** (when the server has one): `Authorization: Bearer TOKEN`, or
 *    the session cookie that `/login` sets (HttpOnly, SameSite=Strict).
 */
export interface AccessOptions {
  /**
   * The host names and addresses (no port) that requests may name in `Host`;
   * `"*"` admits any, for a server whose token is its only guard.
   */
  readonly hosts: readonly string[];
  /** When set, every request but the login page's must carry it. */
  readonly token?: string | undefined;
}

/** The names of this machine's loopback interface: what a local server answers to by default. */
export const LOOPBACK_HOSTS: readonly string[] = ["localhost", "127.0.0.1", "::1"];

/** The cookie of a browser that has logged in: a digest of the token, never the token itself. */
const SESSION_COOKIE = "triangulate_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The host of a `Host` header or URL authority, lower case, without port or IPv6 brackets. */
export function hostName(authority: string): string {
  const host = authority.trim().toLowerCase();
  if (host.startsWith("[")) return host.slice(1, host.indexOf("]"));
  const colon = host.lastIndexOf(":");
  return colon >= 0 ? host.slice(0, colon) : host;
}

function sessionOf(token: string): string {
  return createHash("sha256").update(`triangulate session\0${token}`).digest("hex");
}

/** Compares secrets in time that does not depend on where they differ. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

function refuse(c: Context, error: TriangulateError): Response {
  const { status, body } = errorResponse(error);
  return c.json(body, status);
}

/** The middleware that applies `options` to every request (see `AccessOptions`). */
export function accessControl(options: AccessOptions): MiddlewareHandler {
  const hosts = new Set(options.hosts.map((host) => host.toLowerCase()));
  const anyHost = hosts.has("*");
  const { token } = options;
  const session = token === undefined ? null : sessionOf(token);
  return async (c, next) => {
    const host = c.req.header("host") ?? new URL(c.req.url).host;
    if (!anyHost && !hosts.has(hostName(host))) {
      return refuse(c, new TriangulateError("forbidden", `this server does not answer to the host ${host}`));
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header("origin");
      // Browsers name the page's origin on every such request; other clients send none and cannot be made to by a page.
      if (origin !== undefined && (!URL.canParse(origin) || new URL(origin).host !== host.toLowerCase())) {
        return refuse(
          c,
          new TriangulateError("forbidden", `requests from ${origin} may not change anything here`),
        );
      }
    }
    if (token !== undefined && session !== null && c.req.path !== LOGIN_PATH) {
      const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
      const cookie = getCookie(c, SESSION_COOKIE);
      const allowed =
        (bearer !== undefined && sameSecret(bearer, token)) ||
        (cookie !== undefined && sameSecret(cookie, session));
      if (!allowed) {
        // A person in a browser is sent to the login page; a program gets the error.
        if (c.req.method === "GET" && !c.req.path.startsWith("/api/") && acceptsHtml(c)) {
          return c.redirect(`${LOGIN_PATH}?next=${encodeURIComponent(c.req.path)}`, 303);
        }
        return refuse(
          c,
          new TriangulateError(
            "unauthorized",
            "this server needs its token: Authorization: Bearer TOKEN, or log in at /login",
          ),
        );
      }
    }
    await next();
    return undefined;
  };
}

function acceptsHtml(c: Context): boolean {
  return (c.req.header("accept") ?? "").includes("text/html");
}

export const LOGIN_PATH = "/login";

/** Only a path of this server may follow a login, never another site. */
function safeNext(next: string | undefined): string {
  return next !== undefined && /^\/(?![/\\])/.test(next) ? next : "/";
}

function loginPage(next: string, failed: boolean): string {
  const escape = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Log in · Triangulate</title>
<style>body{font:16px system-ui,sans-serif;max-width:24rem;margin:15vh auto;padding:0 1rem;color:#222}
input,button{font:inherit;padding:.4rem .6rem}input{width:100%;box-sizing:border-box;margin:.5rem 0}
.error{color:#a40000}</style></head>
<body>
<h1>Triangulate</h1>
<form method="post" action="${LOGIN_PATH}">
<label for="token">This workbench needs its access token.</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<input type="hidden" name="next" value="${escape(next)}">
${failed ? '<p class="error" role="alert">That is not the token.</p>' : ""}
<button type="submit">Log in</button>
</form>
</body>
</html>
`;
}

/**
 * The login page of a server with a token: a form (no script) that posts the
 * token and, when it is right, gets the session cookie and goes on to `next`.
 */
export function createLoginRoutes(token: string) {
  const session = sessionOf(token);
  return new Hono()
    .get(LOGIN_PATH, (c) => c.html(loginPage(safeNext(c.req.query("next")), false)))
    .post(LOGIN_PATH, async (c) => {
      const form = await c.req.parseBody();
      const given = typeof form.token === "string" ? form.token : "";
      const next = safeNext(typeof form.next === "string" ? form.next : undefined);
      if (!sameSecret(given, token)) return c.html(loginPage(next, true), 401);
      setCookie(c, SESSION_COOKIE, session, { httpOnly: true, sameSite: "Strict", path: "/" });
      return c.redirect(next, 303);
    });
}

/** Whether `host` is this machine alone: a loopback name or address. */
export function isLoopback(host: string): boolean {
  const name = hostName(host.includes("]") || !host.includes(":") ? host : `[${host}]`);
  return name === "localhost" || name === "::1" || /^127(?:\.\d{1,3}){3}$/.test(name);
}

/**
 * The names a server bound to `bound` answers to: the loopback names, the
 * bound address, `extra` (names a proxy or DNS gives it); on a wildcard
 * address (`0.0.0.0`, `::`) also every address of this machine and its host name.
 */
export function hostsFor(bound: string, extra: readonly string[] = []): string[] {
  const hosts = new Set([...LOOPBACK_HOSTS, hostName(bound.includes(":") ? `[${bound}]` : bound), ...extra]);
  if (bound === "0.0.0.0" || bound === "::") {
    hosts.add(hostname().toLowerCase());
    for (const addresses of Object.values(networkInterfaces())) {
      for (const address of addresses ?? []) hosts.add(address.address.toLowerCase());
    }
  }
  return [...hosts].map((host) => host.toLowerCase());
}
