import { afterEach, describe, expect, it } from "vitest";
import { TriangulateError } from "../core/errors.ts";
import { startModuleWorker } from "./module-worker.ts";
import type { FixtureRequest } from "./worker-rpc.fixture-worker.ts";
import type { WorkerRpc } from "./worker-rpc.ts";
import { ThreadStoppedError, createWorkerRpc } from "./worker-rpc.ts";

let rpc: WorkerRpc<FixtureRequest, string> | undefined;
afterEach(async () => {
  await rpc?.terminate();
});

function start(): WorkerRpc<FixtureRequest, string> {
  rpc = createWorkerRpc(startModuleWorker(import.meta.url, "worker-rpc.fixture-worker"), "fixture");
  return rpc;
}

describe("worker RPC", () => {
  it("settles each call with its own reply and counts the calls in hand", async () => {
    const thread = start();
    const calls = ["a", "b", "c"].map((value) => thread.call({ kind: "echo", value }));
    expect(thread.pending).toBe(3);
    expect(await Promise.all(calls)).toEqual(["a", "b", "c"]);
    expect(thread.pending).toBe(0);
    expect(thread.alive).toBe(true);
  });

  it("rejects with the handler's error, keeping a TriangulateError's code, and goes on serving", async () => {
    const thread = start();
    const coded = await thread.call({ kind: "fail", coded: true }).catch((error: unknown) => error);
    expect(coded).toBeInstanceOf(TriangulateError);
    expect(coded).toMatchObject({ code: "invalid_input", message: "bad request" });
    const plain = await thread.call({ kind: "fail", coded: false }).catch((error: unknown) => error);
    expect(plain).not.toBeInstanceOf(TriangulateError);
    expect(plain).toMatchObject({ message: "plain failure" });
    expect(await thread.call({ kind: "echo", value: "still here" })).toBe("still here");
  });

  it("fails every call in hand, and every later one, when the thread dies", async () => {
    const thread = start();
    const waiting = thread.call({ kind: "hang" });
    const crashing = thread.call({ kind: "crash" });
    await expect(waiting).rejects.toBeInstanceOf(ThreadStoppedError);
    await expect(crashing).rejects.toThrow(/^the fixture thread stopped: the thread broke$/);
    expect(thread.alive).toBe(false);
    expect(thread.pending).toBe(0);
    await expect(thread.call({ kind: "echo", value: "late" })).rejects.toBeInstanceOf(ThreadStoppedError);
  });

  it("fails the calls in hand when terminated", async () => {
    const thread = start();
    const waiting = expect(thread.call({ kind: "hang" })).rejects.toThrow(
      "the fixture thread stopped: terminated",
    );
    await thread.terminate();
    await waiting;
    expect(thread.alive).toBe(false);
  });
});
