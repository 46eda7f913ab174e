/**
 * Resolves at the first SIGINT (Ctrl-C) or SIGTERM: long-running commands
 * (watch, worker) finish the work in hand, then stop. A second signal,
 * with the handlers gone, ends the process at once as Node does.
 */
export function processStopSignal(): Promise<void> {
  return new Promise((done) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      done();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
