import { serve } from "@hono/node-server";

/** Anything with a fetch handler: the app of `createApp`. */
export interface Fetchable {
  fetch(request: Request): Response | Promise<Response>;
}

export interface ServeOptions {
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** The interface to bind; `127.0.0.1` unless told otherwise. */
  readonly host?: string | undefined;
}

export interface RunningServer {
  /** `http://127.0.0.1:8080` (with the port actually bound). */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Binds the app to a port. The only place in the project that listens on a
 * socket; everything else gets the app itself.
 */
export function startServer(app: Fetchable, options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  return new Promise((resolvePromise, reject) => {
    const server = serve(
      { fetch: (request) => app.fetch(request), port: options.port, hostname: host },
      (info) => {
        const { port } = info;
        const shown = host.includes(":") ? `[${host}]` : host;
        resolvePromise({
          url: `http://${shown}:${port}`,
          port,
          close: () =>
            new Promise<void>((done, fail) => {
              server.close((error) => {
                if (error) fail(error);
                else done();
              });
              // Keep-alive connections (browsers) would otherwise hold close() open.
              if ("closeAllConnections" in server) server.closeAllConnections();
            }),
        });
      },
    );
    server.once("error", reject);
  });
}
