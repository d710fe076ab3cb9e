import { defineConfig } from 'vitest/config';
import { E2E, INTEGRATION } from './test/tiers.ts';

// `npm test` runs the project's own tests here, every tier; the exercises' tests are run
// by `ticklab check` instead, because on a fresh clone each exercise's starting file is
// meant to fail them. Tiers (test/tiers.ts): `npm run test:unit` is the inner loop;
// `npm test -- --project integration` or `--project e2e` run one tier.
const ALL = ['test/**/*.test.ts'];
// The fixture course's exercise tests are graded by the CLI's tests, not run directly.
const NEVER = ['test/fixtures/**', 'node_modules/**'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // expect.poll waits for the page (a quiz's feedback, an IndexedDB write): up to 10 s,
    // not vitest's 1 s, because a loaded CI machine answers late, not wrongly.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
    pool: 'forks',
    // Removes the folders test/temp-dir.ts made, after each file's last test.
    setupFiles: ['test/setup/temp-cleanup.ts'],
    // Two test files at a time even on a two-core machine (Vitest's default there is one):
    // most files wait on a child process, a browser or a server more than they compute.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ALL, exclude: [...NEVER, ...INTEGRATION, ...E2E] } },
      { extends: true, test: { name: 'integration', include: INTEGRATION, exclude: NEVER } },
      // Builds the site once per run when an end-to-end test is selected.
      { extends: true, test: { name: 'e2e', include: E2E, exclude: NEVER, globalSetup: ['test/e2e/global-setup.ts'] } },
    ],
  },
});
