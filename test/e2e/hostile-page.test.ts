/**
 * The page's grading worker is sealed as the CLI's sandbox is: hostile code graded by
 * the built site's runner (`/runner/grade.js`, the module <Exercise> grades with) never
 * passes, and the honest solution beside it does. The attacks build on an exercise's
 * starting file, which fails its tests: only a working attack could make it pass.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExerciseResult } from '../../grading/result-schema.ts';
import { REPO, useBrowserAndSite } from './harness.ts';

const SLUG = 'integer-prices';
const dir = path.join(REPO, 'exercises', SLUG);
const STARTER = readFileSync(path.join(dir, 'exercise.ts'), 'utf8');
const SOLUTION = readFileSync(path.join(dir, 'solution.ts'), 'utf8');
const quietly = (code: string) => `\ntry {\n${code}\n} catch {}\n`;

/** A report the worker never sent: every test passing, posted from the student's code. */
const FORGED = "{ type: 'done', outcome: { tests: [{ name: 'x', status: 'pass', durationMs: 1 }], problems: [] } }";

const ATTACKS: Record<string, string> = {
  objectIs: `${STARTER}${quietly('(Object as any).is = () => true;')}`,
  postMessage: `${STARTER}${quietly(`(globalThis as any).postMessage(${FORGED}); (self as any).postMessage(${FORGED});`)}`,
  hostGlobal: `${STARTER}${quietly(`const host = (function () {}).constructor('return this')() as any; host.postMessage(${FORGED}); host.close();`)}`,
  globalConstructor: `${STARTER}${quietly(`(globalThis as any).constructor.constructor('return this')().postMessage(${FORGED});`)}`,
  stash: `${STARTER}${quietly("const s = (globalThis as any).__ticklabStudentExports; for (const k in s) s[k] = {};")}`,
  arrayPrototype: `${STARTER}${quietly('(Array.prototype as any).includes = () => true; (Object.prototype as any).then = undefined;')}`,
  engineAnswer: `import { OrderBook } from '#engine/order-book';\nexport const unused = OrderBook;\n${SOLUTION}`,
  tsNocheck: `// @ts-nocheck\n${SOLUTION}\nconst broken: number = 'not a number';\n`,
};

const e2e = useBrowserAndSite();
let page: Page;

beforeAll(async () => {
  page = await e2e.browser.newPage();
  await page.goto(`${e2e.url}/`);
}, 120_000);

function gradeInPage(code: string): Promise<ExerciseResult> {
  return page.evaluate(`import(location.origin + '/runner/grade.js').then((runner) => runner.gradeInPage(${JSON.stringify(SLUG)}, ${JSON.stringify(code)}))`) as Promise<ExerciseResult>;
}

describe('hostile code graded in the page', () => {
  it('passes the honest solution', async () => {
    expect((await gradeInPage(SOLUTION)).status).toBe('pass');
  }, 120_000);

  it.each(Object.keys(ATTACKS))('gives %s no pass', async (name) => {
    const result = await gradeInPage(ATTACKS[name]!);
    expect(result.status, JSON.stringify(result.problems)).not.toBe('pass');
    if (name === 'engineAnswer') expect(result.problems[0]?.message).toMatch(/may import nothing from "#engine\/order-book" \(what the starting file imports\), not OrderBook/);
    else if (name === 'tsNocheck') expect(result.problems.some((p) => p.kind === 'type' && /@ts-nocheck is not allowed/.test(p.message))).toBe(true);
    else expect(result.tests.length, 'every test ran and was reported by the harness itself').toBeGreaterThan(0);
  }, 120_000);
});
