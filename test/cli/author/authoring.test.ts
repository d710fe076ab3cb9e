/**
 * `ticklab new`: the scaffold is rejected by `ticklab check` until an author fills it in, then
 * accepted. check grades the new exercise alone (its static checks still read the whole
 * course); grading the fixture's other exercises is check.test.ts's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCourse, runCli } from '../helpers.ts';

describe('ticklab new', () => {
  it('scaffolds an exercise that check rejects until it is filled in', async () => {
    const root = makeCourse();
    const made = await runCli(['new', 'spread-ticks', '--lesson', 'basics/quotes', '--title', 'Spread in ticks'], { root });
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/Created exercises\/spread-ticks\//);

    const before = JSON.parse((await runCli(['check', 'spread-ticks', '--json'], { root })).stdout) as { findings: { file: string; field?: string; message: string }[] };
    const about = (file: string) => before.findings.filter((f) => f.file === `exercises/spread-ticks/${file}`);
    expect(about('meta.json').map((f) => f.field)).toEqual(['summary', 'hints[0]', 'hints[1]', 'hints[2]']);
    expect(about('solution.ts').map((f) => f.message)).toEqual([expect.stringMatching(/the solution does not pass its tests \(fail\).*not written yet/)]);
    expect(about('exercise.ts')).toEqual([]); // its TODO is there and it fails the example test
    expect(before.findings.filter((f) => f.file === 'exercises/spread-ticks').map((f) => f.field), 'too few known-wrong solutions').toEqual(['wrong/']);
    expect(about('wrong/first-mistake.patch').map((f) => f.message), 'the known-wrong scaffold').toEqual([expect.stringMatching(/still has a "\/\/ TODO"/)]);

    // The author fills it in.
    const dir = path.join(root, 'exercises/spread-ticks');
    const meta = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8'));
    meta.summary = 'The spread between the best bid and the best ask, in ticks.';
    expect(meta.order).toBe(2); // after mid-price in basics/quotes
    meta.hints = ['The spread is never negative on an uncrossed book.', 'Subtract the bid from the ask.'];
    writeFileSync(path.join(dir, 'meta.json'), JSON.stringify(meta, null, 2));
    writeFileSync(path.join(dir, 'solution.ts'), 'export function spreadTicks(bid: number, ask: number): number {\n  return ask - bid;\n}\n');
    writeFileSync(path.join(dir, 'exercise.ts'), 'export function spreadTicks(bid: number, ask: number): number {\n  // TODO: the spread, in ticks.\n  return bid * 0 + ask * 0;\n}\n');
    writeFileSync(
      path.join(dir, 'exercise.test.ts'),
      "import { expect, it } from 'vitest';\nimport { spreadTicks } from './exercise.ts';\n\nit('is ask - bid', () => {\n  expect(spreadTicks(100, 103)).toBe(3);\n});\n",
    );
    writeFileSync(path.join(dir, 'wrong/first-mistake.ts'), '/** Subtracts the ask from the bid: a negative spread. */\nexport function spreadTicks(bid: number, ask: number): number {\n  return bid - ask;\n}\n');
    writeFileSync(path.join(dir, 'wrong/sum.ts'), '/** Adds the prices instead of subtracting them. */\nexport function spreadTicks(bid: number, ask: number): number {\n  return bid + ask;\n}\n');
    const drafts = JSON.parse((await runCli(['check', '--json', '--no-grade'], { root })).stdout) as typeof before;
    expect(drafts.findings.filter((f) => f.file === 'exercises/spread-ticks/wrong/sum.ts').map((f) => f.message), 'a full copy in wrong/').toEqual([expect.stringMatching(/ticklab new spread-ticks --wrong sum/)]);
    for (const name of ['first-mistake', 'sum']) {
      const made = await runCli(['new', 'spread-ticks', '--wrong', name], { root });
      expect(made.stdout, `ticklab new --wrong ${name}`).toMatch(new RegExp(`Wrote exercises/spread-ticks/wrong/${name}\\.patch \\(2 changed lines against solution\\.ts\\) and removed exercises/spread-ticks/wrong/${name}\\.ts`));
    }
    expect(readFileSync(path.join(dir, 'wrong/sum.patch'), 'utf8')).toBe(
      '/** Adds the prices instead of subtracting them. */\n--- solution.ts\n+++ wrong/sum.ts\n@@ -1,3 +1,3 @@\n export function spreadTicks(bid: number, ask: number): number {\n-  return ask - bid;\n+  return bid + ask;\n }\n',
    );
    const after = await runCli(['check', 'spread-ticks', '--json'], { root });
    expect(JSON.parse(after.stdout)).toEqual({ ok: true, exercises: 3, findings: [] });
    expect(after.code).toBe(0);
  }, 120_000);

  it('refuses a bad slug, an unknown lesson and an existing folder, saying how to fix it', async () => {
    const root = makeCourse();
    const bad = await runCli(['new', 'Spread_Ticks', '--lesson', 'basics/quotes'], { root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a valid slug: use lower-case words joined by hyphens/);
    const lesson = await runCli(['new', 'spread', '--lesson', 'basics/nope'], { root });
    expect(lesson.stderr).toMatch(/"basics\/nope" is not a lesson in content\/course.json; lessons are: basics\/ticks, basics\/quotes/);
    const exists = await runCli(['new', 'sum-ticks', '--lesson', 'basics/ticks'], { root });
    expect(exists.stderr).toMatch(/exercises\/sum-ticks exists already/);
  }, 60_000);
});
