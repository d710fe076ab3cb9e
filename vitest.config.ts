import { defineConfig } from 'vitest/config';

// `npm test` runs the project's own tests here; the exercises' tests are run by
// `ticklab check` instead, because on a fresh clone each exercise's starting file
// is meant to fail them.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The fixture course's exercise tests are graded by the CLI's tests, not run directly.
    exclude: ['test/fixtures/**', 'node_modules/**'],
    testTimeout: 60_000,
    // expect.poll waits for the page (a quiz's feedback, an IndexedDB write): up to 10 s,
    // not vitest's 1 s, because a loaded CI machine answers late, not wrongly.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
    pool: 'forks',
    // Two test files at a time even on a two-core machine (Vitest's default there is one):
    // most files wait on a child process, a browser or a server more than they compute.
    maxWorkers: 2,
    // Builds the site once per run when an end-to-end test (test/e2e/) is selected.
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
