/**
 * Vitest global setup: builds the site (`astro build`, Pagefind index included) once per
 * `vitest run`, before any end-to-end test starts, and only when at least one test of
 * test/e2e/ is selected (a run of one unit test file pays nothing).
 *
 * TICKLAB_E2E_BUILD=0 reuses an existing dist/ (quicker while writing a test; a stale build
 * gives stale pages, so CI never sets it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { DIST, REPO } from './harness.ts';

export default async function setup(project: TestProject): Promise<void> {
  // The file filters given on the command line (`vitest run test/site`); none means every file.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern ?? [];
  const specs = await project.vitest.globTestSpecifications(filters);
  const e2e = `${path.sep}test${path.sep}e2e${path.sep}`;
  if (!specs.some((s) => s.moduleId.includes(e2e))) return;
  if (process.env.TICKLAB_E2E_BUILD === '0' && existsSync(path.join(DIST, 'index.html'))) return;

  const started = Date.now();
  const astro = path.join(REPO, 'node_modules/astro/astro.js');
  const run = spawnSync(process.execPath, [astro, 'build'], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    throw new Error(`the end-to-end tests need the built site, and "astro build" failed (exit ${run.status}):\n${(run.stdout + run.stderr).slice(-8000)}`);
  }
  console.log(`e2e: built the site into dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
