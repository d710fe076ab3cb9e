/** The exercises' test files are plain vitest: they pass under vitest itself on the solutions. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadCatalog } from '../../cli/catalog.ts';
import { REPO } from '../cli/helpers.ts';

it('runs every exercise\'s tests unchanged under vitest, passing on the solutions', () => {
  const vitest = path.join(REPO, 'node_modules/vitest/vitest.mjs');
  const run = spawnSync(process.execPath, [vitest, 'run', '--config', 'test/grading/vitest-solutions.config.ts', '--reporter', 'json'], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const report = JSON.parse(run.stdout) as { numTotalTestSuites: number; numTotalTests: number; numPassedTests: number; testResults: { name: string }[] };
  const files = report.testResults.map((r) => path.relative(REPO, r.name)).sort();
  expect(files).toEqual(loadCatalog(REPO).exercises.map((e) => `exercises/${e.slug}/exercise.test.ts`).sort());
  expect(report.numPassedTests).toBe(report.numTotalTests);
  expect(report.numTotalTests).toBeGreaterThan(20);
  expect(run.status).toBe(0);
}, 120_000);
