import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup/run-setup.ts"],
    // Fails a test on an unhandled rejection or an unexpected console.error.
    setupFiles: ["test/setup/fail-on-unexpected.ts"],
    // NOTE: guards against a hang, not a measure of speed (that is npm run bench): a test that
    // spawns processes or drives the bot must pass on a 2-core machine kept busy by others.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: "forks",
    // NOTE: a worker runs file after file without loading Prisma, Bolt and the rest anew for each
    // (decision 022): about a third of the suite's CPU. No test relies on a fresh module state; the
    // setup file installs its watch once per worker.
    isolate: false,
    // NOTE: two files at a time, not vitest's default of one on a 2-core machine (cores - 1): most
    // of a file's time is spent waiting (on a child process, the stand-in, a store held busy), so
    // a second file uses what the first leaves idle. Every test waits for the state it asserts,
    // so none depends on having a core to itself.
    maxWorkers: 2,
  },
});
