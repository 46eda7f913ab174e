import { defineConfig } from "vitest/config";

/** Date resolution must not depend on the machine's zone: its tests run again east of UTC+12. */
const DATES = ["src/extract/dates/**/*.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // One zone for every test (charts and dates print the same anywhere); the dates project overrides it.
    env: { TZ: "UTC" },
    projects: [
      {
        extends: true,
        test: {
          name: "tests",
          include: ["src/**/*.test.ts", "test/**/*.test.ts", "web/src/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "dates east of UTC+12",
          include: DATES,
          env: { TZ: "Pacific/Kiritimati" },
        },
      },
    ],
  },
});
