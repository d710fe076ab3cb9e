/**
 * The browser half of "one test file, two runners": each exercise that runs in the
 * browser is bundled with the shared harness (vitest's runner and expect, as in Node) and
 * run in Debian's Chromium. Its solution must pass every test that the browser runs, and
 * its starting file must fail, with results in the same schema the CLI reports.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../cli/catalog.ts';
import { bundleForSandbox } from '../../cli/grader/bundle.ts';
import { testResultSchema, type TestResult } from '../../cli/harness/result-schema.ts';
import { REPO } from './helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const exercises = loadCatalog(REPO).exercises.filter((e) => e.meta.runsIn !== 'node');
let browser: Browser;

async function runInBrowser(testFile: string, codeFile: string): Promise<{ tests: TestResult[]; problems: unknown[] }> {
  const bundled = await bundleForSandbox({ testFile, codeFile, codeLabel: 'exercise.ts', testTimeoutMs: 20_000, target: 'browser' });
  if (!bundled.ok) throw new Error(JSON.stringify(bundled.problems));
  const page = await browser.newPage();
  try {
    await page.addScriptTag({ content: bundled.code });
    return (await page.evaluate('ticklabRunTests()')) as { tests: TestResult[]; problems: unknown[] };
  } finally {
    await page.close();
  }
}

// Skipped (and said so) without Chromium on a developer's machine; in CI, .ci/run installs it.
describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('exercises in Chromium', () => {
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(exercises.map((e) => [e.slug, e] as const))('%s: the solution passes and the starting file fails', async (_slug, e) => {
    const solution = await runInBrowser(e.files.test, e.files.solution);
    expect(solution.problems).toEqual([]);
    for (const t of solution.tests) testResultSchema.parse(t);
    const ran = solution.tests.filter((t) => t.status !== 'skip');
    expect(ran.length).toBeGreaterThan(0);
    expect(ran.filter((t) => t.status !== 'pass')).toEqual([]);

    const starter = await runInBrowser(e.files.test, e.files.exercise);
    expect(starter.tests.some((t) => t.status === 'fail')).toBe(true);
  }, 120_000);
});
