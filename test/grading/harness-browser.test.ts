/**
 * The browser half of "one test file, two runners", by the CLI's road (`ticklab grade
 * --browser`): an exercise is bundled with the shared harness (vitest's runner and expect,
 * as in Node) into one self-contained script and run in a Web Worker of a
 * cross-origin-isolated page in Debian's Chromium. Its solution must pass every test the
 * browser runs, and its starting file and every known-wrong solution must fail (a wrong
 * answer caught in Node but passed in the page would be a verdict a student cannot
 * trust), with results in the same schema the CLI reports.
 *
 * Here for the three pilot exercises, one of each kind (ownership, SIMD kernels, a ring
 * across threads whose two-thread tests the browser skips). Every exercise, its known-wrong
 * solutions included, is graded in the page by the site's runner in test/e2e/parity.test.ts.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../cli/catalog.ts';
import { KnownWrongFiles, readKnownWrong } from '../../cli/check/known-wrong.ts';
import { chromiumAvailable, runInChromium } from '../../cli/grader/browser.ts';
import { bundleForSandbox } from '../../cli/grader/bundle.ts';
import { shutdown } from '../../cli/grader/shutdown.ts';
import { testResultSchema } from '../../grading/result-schema.ts';
import { REPO } from '../cli/helpers.ts';

const PILOTS = ['borrow-tracker', 'lanewise-vwap', 'spsc-push-pop'];
const exercises = loadCatalog(REPO).exercises.filter((e) => PILOTS.includes(e.slug));

async function runInBrowser(testFile: string, codeFile: string) {
  const bundled = await bundleForSandbox({ testFile, codeFile, codeLabel: 'exercise.ts', testTimeoutMs: 20_000, target: 'browser' });
  if (!bundled.ok) throw new Error(JSON.stringify(bundled.problems));
  return runInChromium(bundled.code, 60_000);
}

// Skipped (and said so) without Chromium on a developer's machine; in CI, .ci/run installs it.
describe.skipIf(!chromiumAvailable() && !process.env.CI)('exercises in Chromium', () => {
  const sources = new KnownWrongFiles();
  afterAll(async () => {
    sources.remove();
    await shutdown();
  });

  it('finds the pilot exercises', () => expect(exercises.map((e) => e.slug).sort()).toEqual(PILOTS));

  it.each(exercises.map((e) => [e.slug, e] as const))('%s: the solution passes; the starting file and every known-wrong solution fail', async (_slug, e) => {
    const solution = await runInBrowser(e.files.test, e.files.solution);
    expect(solution.problems).toEqual([]);
    for (const t of solution.tests) testResultSchema.parse(t);
    const ran = solution.tests.filter((t) => t.status !== 'skip');
    expect(ran.length).toBeGreaterThan(0);
    expect(ran.filter((t) => t.status !== 'pass')).toEqual([]);

    const starter = await runInBrowser(e.files.test, e.files.exercise);
    expect(starter.tests.some((t) => t.status === 'fail'), 'the starting file fails a test').toBe(true);

    const wrong = await Promise.all(
      e.files.wrong.map(async (file) => ({ file: path.relative(REPO, file), run: await runInBrowser(e.files.test, sources.write(e.slug, readKnownWrong(file, e.files.solution))) })),
    );
    const passed = wrong.filter((w) => !w.run.tests.some((t) => t.status === 'fail' || t.status === 'timeout')).map((w) => w.file);
    expect(passed, 'known-wrong solutions that no test catches in the browser').toEqual([]);
  }, 180_000);
});
