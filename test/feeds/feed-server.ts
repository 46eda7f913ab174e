import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A response of the test server: a body with its type, optionally with validators, or a status. */
export type Served =
  | {
      readonly type: string;
      readonly body: string | Buffer;
      readonly etag?: string;
      readonly delayMs?: number;
    }
  | { readonly status: number };

/** A local HTTP server for feed tests: paths answered by a table the test changes as it goes. */
export interface FeedServer {
  readonly base: string;
  readonly routes: Map<string, Served>;
  /** How often each path was asked for, and how often it was answered 304. */
  readonly hits: Map<string, number>;
  readonly notModified: Map<string, number>;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Served>();
  const hits = new Map<string, number>();
  const notModified = new Map<string, number>();
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? "/", "http://x").pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const served = routes.get(path);
    if (!served) {
      response.writeHead(404).end();
      return;
    }
    if ("status" in served) {
      response.writeHead(served.status).end();
      return;
    }
    if (served.etag !== undefined && request.headers["if-none-match"] === served.etag) {
      notModified.set(path, (notModified.get(path) ?? 0) + 1);
      response.writeHead(304, { etag: served.etag }).end();
      return;
    }
    const send = (): void => {
      response.writeHead(200, { "content-type": served.type, ...(served.etag ? { etag: served.etag } : {}) });
      response.end(served.body);
    };
    if (served.delayMs) setTimeout(send, served.delayMs);
    else send();
  });
  // Idle sockets stay open for the whole test: a server closing one just as the
  // client reuses it (after a slow ingest) resets the request, which a test must not see.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    routes,
    hits,
    notModified,
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

/** An HTML article page. */
export function page(title: string, paragraphs: readonly string[]): Served {
  return {
    type: "text/html; charset=utf-8",
    body: `<!doctype html><html><head><title>${title}</title></head><body><nav>Home | World</nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</article><footer>All rights reserved.</footer></body></html>`,
  };
}

export function rss(
  items: readonly { link: string; title: string; pubDate: string }[],
  etag: string,
): Served {
  const body = `<?xml version="1.0"?><rss version="2.0"><channel><title>Caspian Wire</title><link>http://x/</link><description>News</description>${items
    .map((i) => `<item><title>${i.title}</title><link>${i.link}</link><pubDate>${i.pubDate}</pubDate></item>`)
    .join("")}</channel></rss>`;
  return { type: "application/rss+xml", body, etag };
}

export function atom(entries: readonly { link: string; title: string; published: string }[]): Served {
  const body = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Gulf Desk</title><id>urn:x</id><updated>2024-03-10T00:00:00Z</updated>${entries
    .map(
      (e) =>
        `<entry><title>${e.title}</title><id>${e.link}</id><link rel="alternate" href="${e.link}"/><published>${e.published}</published><updated>${e.published}</updated></entry>`,
    )
    .join("")}</feed>`;
  return { type: "application/atom+xml", body };
}

export function jsonFeed(items: readonly { url: string; title: string; date_published: string }[]): Served {
  const body = JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "Eurasia Notes",
    items: items.map((item) => ({ id: item.url, content_text: item.title, ...item })),
  });
  return { type: "application/feed+json", body };
}
