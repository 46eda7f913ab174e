#!/usr/bin/env node
// Runs the TypeScript sources directly: tsx compiles them on load, so the
// command never runs stale build output.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli/main.ts");
await runCli();
