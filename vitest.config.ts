import { defineConfig } from "vitest/config";

/** Files that print timings: run after all the others, one at a time, on an otherwise idle machine. */
const TIMINGS = ["test/**/*.timing.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "tests",
          include: ["src/**/*.test.ts", "test/**/*.test.ts", "web/src/**/*.test.ts"],
          exclude: TIMINGS,
        },
      },
      {
        extends: true,
        test: {
          name: "timings",
          include: TIMINGS,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
