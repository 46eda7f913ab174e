import type { MessagePort, Transferable, Worker } from "node:worker_threads";
import type { ErrorCode } from "../core/errors.ts";
import { TriangulateError, errorMessage, isTriangulateError } from "../core/errors.ts";

/**
 * Request and reply over a worker thread, both ends: `createWorkerRpc` on the
 * thread that starts the worker, `serveRpc` in the worker. Each request
 * carries an id; its reply settles that call's promise. The protocols (what
 * a request and a reply hold) are in the `*-protocol.ts` files beside each
 * worker.
 */

interface Request<T> {
  readonly id: number;
  readonly body: T;
}

/** A reply, or the error the handler threw (an error's class does not cross threads: its code does). */
type Reply<T> =
  | { readonly id: number; readonly ok: true; readonly body: T }
  | { readonly id: number; readonly ok: false; readonly code: ErrorCode | null; readonly message: string };

/** The thread of a call failed or exited before it answered; the call itself may be sent elsewhere. */
export class ThreadStoppedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ThreadStoppedError";
  }
}

export interface WorkerRpc<Req, Rep> {
  /**
   * Sends a request; resolves with the reply, rejects with the handler's
   * error (a `TriangulateError` when it was one), or with
   * `ThreadStoppedError` when the thread stops first or has stopped.
   */
  call(request: Req): Promise<Rep>;
  /** Calls sent and not yet answered. */
  readonly pending: number;
  /** False once the thread has failed, exited or been terminated. */
  readonly alive: boolean;
  /** Stops the thread; calls still pending fail with `ThreadStoppedError`. */
  terminate(): Promise<void>;
}

interface Pending<Rep> {
  readonly resolve: (reply: Rep) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The calling end over `worker`, whose module runs `serveRpc`. `name` is
 * how errors speak of the thread ("the writer thread stopped: ...").
 */
export function createWorkerRpc<Req, Rep>(worker: Worker, name: string): WorkerRpc<Req, Rep> {
  const pending = new Map<number, Pending<Rep>>();
  let nextId = 0;
  let stopped: ThreadStoppedError | null = null;

  const stop = (reason: string): void => {
    stopped ??= new ThreadStoppedError(`the ${name} thread stopped: ${reason}`);
    const calls = [...pending.values()];
    pending.clear();
    for (const call of calls) call.reject(stopped);
  };
  worker.on("message", (reply: Reply<Rep>) => {
    const call = pending.get(reply.id);
    if (!call) return;
    pending.delete(reply.id);
    if (reply.ok) call.resolve(reply.body);
    else call.reject(reply.code ? new TriangulateError(reply.code, reply.message) : new Error(reply.message));
  });
  worker.on("error", (error) => {
    stop(error.message);
  });
  worker.on("exit", (code) => {
    stop(`exit code ${code}`);
  });

  return {
    call(body) {
      if (stopped) return Promise.reject(stopped);
      const id = nextId++;
      return new Promise<Rep>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, body } satisfies Request<Req>);
      });
    },
    get pending() {
      return pending.size;
    },
    get alive() {
      return stopped === null;
    },
    async terminate() {
      stop("terminated");
      await worker.terminate();
    },
  };
}

export interface ServeOptions<Rep> {
  /** Buffers of a reply to move to the caller rather than copy. */
  readonly transfer?: (reply: Rep) => readonly Transferable[];
}

/**
 * The worker's end: answers each request on `port` with `handle`'s result,
 * or with the error it threw. Requests are started in the order they come.
 */
// Req is named at the call site so that the handler's parameter takes the protocol's request type.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function serveRpc<Req, Rep>(
  port: MessagePort,
  handle: (request: Req) => Rep | Promise<Rep>,
  options: ServeOptions<Rep> = {},
): void {
  port.on("message", (request: Request<Req>) => {
    const answer = async (): Promise<void> => {
      try {
        const body = await handle(request.body);
        const reply: Reply<Rep> = { id: request.id, ok: true, body };
        port.postMessage(reply, options.transfer?.(body));
      } catch (error) {
        const code = isTriangulateError(error) ? error.code : null;
        const reply: Reply<Rep> = { id: request.id, ok: false, code, message: errorMessage(error) };
        port.postMessage(reply);
      }
    };
    void answer();
  });
}
