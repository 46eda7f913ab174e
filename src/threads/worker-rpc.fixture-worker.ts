import { parentPort } from "node:worker_threads";
import { TriangulateError } from "../core/errors.ts";
import { serveRpc } from "./worker-rpc.ts";

/** Requests of the worker that `worker-rpc.test.ts` starts. */
export type FixtureRequest =
  | { readonly kind: "echo"; readonly value: string }
  | { readonly kind: "fail"; readonly coded: boolean }
  | { readonly kind: "hang" }
  | { readonly kind: "crash" };

// Answers echoes, throws on request, never answers a hang, and crashes the thread (outside the handler) on request.
if (parentPort) {
  serveRpc<FixtureRequest, string>(parentPort, (request) => {
    switch (request.kind) {
      case "echo":
        return request.value;
      case "fail":
        throw request.coded
          ? new TriangulateError("invalid_input", "bad request")
          : new Error("plain failure");
      case "hang":
        return new Promise<string>(() => undefined);
      case "crash":
        setTimeout(() => {
          throw new Error("the thread broke");
        });
        return new Promise<string>(() => undefined);
    }
  });
}
