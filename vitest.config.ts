import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup/global-setup.ts", "test/setup/postgres-global-setup.ts"],
    // Fails a test on an unhandled rejection or an unexpected console.error.
    setupFiles: ["test/setup/fail-on-unexpected.ts"],
    // NOTE: guards against a hang, not a measure of speed (that is npm run bench): a test that
    // spawns processes or drives the bot must pass on a 2-core machine kept busy by others.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
