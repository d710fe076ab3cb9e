/**
 * One grading core, two front ends, the same verdicts: for every exercise in exercises/
 * (listed when the test runs, so a new one is covered at once), its reference solution
 * and its starting file graded in the page (the built site's runner, `/runner/grade.js`,
 * the module <Exercise> grades with) give the same per-test statuses, and the same
 * exercise status, as `ticklab grade <slug> --json` (and `--solution`).
 *
 * Then every known-wrong solution (wrong/*.patch, applied to solution.ts as `ticklab check`
 * applies it) graded in the page fails, as it does in `ticklab check`.
 *
 * Two differences are by design and checked as such: an exercise whose meta.json says
 * `runsIn: "node"` is not graded in the page, which says why; and a test that skips
 * itself outside Node (`describe.skipIf(!process.versions?.node)`, e.g. tests across
 * worker_threads) is `skip` in the page where the CLI ran it. And a test that races real
 * threads (meta.json `racyTests`) is compared on the solution only: on a starting file its
 * result depends on the scheduler of each run.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { caughtDeterministically } from '../../cli/check/graded-checks.ts';
import { readCheckGrades } from '../../cli/check/check-grades.ts';
import { readKnownWrong } from '../../cli/check/known-wrong.ts';
import { gradeReportSchema, type ExerciseResult, type GradeReport } from '../../grading/result-schema.ts';
import { loadCatalog } from '../../content/catalog/catalog.ts';
import { REPO, useBrowserAndSite } from './harness.ts';

const exercises = loadCatalog(REPO).exercises;
const e2e = useBrowserAndSite();
let page: Page;
const cli: Record<'starter' | 'solution', Map<string, ExerciseResult>> = { starter: new Map(), solution: new Map() };

function gradeWithCli(solution: boolean): GradeReport {
  const run = spawnSync(process.execPath, [path.join(REPO, 'cli/bin/ticklab.mjs'), 'grade', ...exercises.map((e) => e.slug), '--json', ...(solution ? ['--solution'] : [])], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (!run.stdout.trim()) throw new Error(`ticklab grade --json${solution ? ' --solution' : ''} printed nothing (exit ${run.status}): ${run.stderr.slice(-4000)}`);
  return gradeReportSchema.parse(JSON.parse(run.stdout));
}

/**
 * The CLI's grades: those `npm test`'s own `ticklab check` made (test/run-all.mjs passes
 * their file in TICKLAB_CHECK_GRADES), when they cover every exercise; else graded here,
 * every exercise twice (starting files, solutions).
 */
function cliGrades(): void {
  const saved = process.env.TICKLAB_CHECK_GRADES ? readCheckGrades(process.env.TICKLAB_CHECK_GRADES).exercises : {};
  if (exercises.every((e) => saved[e.slug])) {
    for (const e of exercises) {
      cli.starter.set(e.slug, saved[e.slug]!.starter);
      cli.solution.set(e.slug, saved[e.slug]!.solution);
    }
    return;
  }
  for (const [which, report] of [['starter', gradeWithCli(false)], ['solution', gradeWithCli(true)]] as const) {
    for (const r of report.results) cli[which].set(r.exercise, r);
  }
}

beforeAll(async () => {
  cliGrades();
  page = await e2e.browser.newPage();
  await page.goto(`${e2e.url}/`);
  expect(await page.evaluate(() => crossOriginIsolated), 'the page is cross-origin isolated').toBe(true);
}, 900_000);


/** Grades in the page with the module <Exercise> grades with (a string: vitest would rewrite a dynamic import). */
async function gradeInPage(slug: string, code: string): Promise<ExerciseResult> {
  return page.evaluate(`import(location.origin + '/runner/grade.js').then((runner) => runner.gradeInPage(${JSON.stringify(slug)}, ${JSON.stringify(code)}))`) as Promise<ExerciseResult>;
}

const statuses = (r: ExerciseResult) => Object.fromEntries(r.tests.map((t) => [t.name, t.status]));

describe('the page grades as ticklab grade does', () => {
  it.each(exercises.flatMap((e) => (['solution', 'starter'] as const).map((which) => [`${e.slug} (${which})`, e, which] as const)))(
    '%s',
    async (_name, e, which) => {
      const codeFile = which === 'solution' ? e.files.solution : e.files.exercise;
      const file = path.basename(codeFile);
      const code = readFileSync(codeFile, 'utf8');
      const fromCli = cli[which].get(e.slug);
      expect(fromCli, `the CLI's result for ${e.slug}`).toBeDefined();
      const inPage = await gradeInPage(e.slug, code);

      if (e.meta.runsIn === 'node') {
        expect(inPage.tests, 'tests run in the page for a Node-only exercise').toEqual([]);
        expect(inPage.problems.map((p) => p.message).join(' '), 'why the page does not grade it').toMatch(/graded only by the command line.*runsIn: "node"/);
        return;
      }
      const page = statuses(inPage);
      const terminal = statuses(fromCli!);
      // Tests that skip themselves outside Node: skipped in the page, run by the CLI.
      const nodeOnly = Object.keys(terminal).filter((name) => page[name] === 'skip' && terminal[name] !== 'skip');
      for (const name of nodeOnly) delete terminal[name];
      for (const name of nodeOnly) delete page[name];
      // Tests that race real threads (meta.json racyTests) may go either way on a starting
      // file; ticklab check proves a deterministic test fails it too, which is compared here.
      if (which === 'starter') {
        for (const name of e.meta.racyTests) {
          delete terminal[name];
          delete page[name];
        }
      }
      expect(Object.keys(page).length, 'tests that ran in the page').toBeGreaterThan(0);
      expect(page, `per-test statuses of ${e.slug}'s ${file} in the page, against the CLI's`).toEqual(terminal);
      const problems = (r: ExerciseResult) => r.problems.map((p) => `${p.kind} at line ${p.line ?? '-'}`).sort();
      expect(problems(inPage), `problems of ${e.slug}'s ${file} in the page, against the CLI's`).toEqual(problems(fromCli!));
      // The exercise's status follows, except where only a Node-only test decided it.
      if (nodeOnly.length === 0) expect(inPage.status, `status of ${e.slug}'s ${file}`).toBe(fromCli!.status);
    },
    180_000,
  );
});

/**
 * A known-wrong solution must fail in the page as it fails in `ticklab check`, by a test
 * that does not race real threads: where the page skips the Node-only tests, the tests it
 * does run must still catch the mistake, or a student in the browser would see a wrong
 * answer pass.
 */
describe('the page fails every known-wrong solution', () => {
  const cases = exercises
    .filter((e) => e.meta.runsIn !== 'node')
    .flatMap((e) => e.files.wrong.map((patch) => [`${e.slug}/wrong/${path.basename(patch)}`, e, patch] as const));

  it('has known-wrong solutions to grade', () => expect(cases.length).toBeGreaterThan(exercises.length));

  it.each(cases)(
    '%s',
    async (_name, e, patch) => {
      const file = path.basename(patch);
      const result = await gradeInPage(e.slug, readKnownWrong(patch, e.files.solution).source);
      const caught = caughtDeterministically(result, e.meta.racyTests);
      const summary = `${result.status}; tests: ${result.tests.map((t) => `${t.name}: ${t.status}`).join('; ')}; problems: ${result.problems.map((p) => p.message).join('; ')}`;
      expect(result.problems, `problems grading ${file} in the page (a known-wrong solution type-checks and loads): ${summary}`).toEqual([]);
      expect(caught.length, `deterministic tests that catch ${e.slug}/wrong/${file} in the page: ${summary}`).toBeGreaterThan(0);
    },
    180_000,
  );
});
