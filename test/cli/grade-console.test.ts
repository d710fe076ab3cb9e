/**
 * `ticklab grade` shows the student's console by test, as the page's console pane does:
 * each line under the test that printed it, objects formatted as Node prints them
 * (grading/console-format.ts), warnings marked, and a flood capped with "output truncated"
 * (grading/console-capture.ts), in the terminal and in the --json report. The lines come
 * from the sealed sandbox, signed with the run's secret.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeReportSchema } from '../../grading/result-schema.ts';
import { makeCourse, runCli } from './helpers.ts';

const LOGGING = `console.log('loading');
export function sumTicks(prices: readonly number[]): number {
  let total = 0;
  for (const p of prices) total += p;
  console.log('sum of', prices.length, { prices: [...prices], nested: { deeper: { deepest: 1 } } });
  if (prices.length === 0) console.warn('no prices');
  return total + (prices.length > 2 ? 1 : 0);
}
`;

const FLOOD = `export function sumTicks(prices: readonly number[]): number {
  for (let i = 0; i < 2000; i++) console.log('line', i);
  return prices.reduce((a, b) => a + b, 0);
}
`;

describe('ticklab grade: the console by test', () => {
  it('prints each line under its test, formatted as Node does, and keeps them in the report', async () => {
    const root = makeCourse();
    writeFileSync(path.join(root, 'exercises/sum-ticks/exercise.ts'), LOGGING);
    const run = await runCli(['grade', 'sum-ticks', '--json'], { root });
    const report = gradeReportSchema.parse(JSON.parse(run.stdout));
    const lines = report.results[0]!.console ?? [];
    expect(lines, 'the console kept by test').toEqual([
      { level: 'log', text: 'loading' },
      { level: 'log', text: "sum of 0 { prices: [], nested: { deeper: { deepest: 1 } } }", test: 'sumTicks > is 0 for no prices' },
      { level: 'warn', text: 'no prices', test: 'sumTicks > is 0 for no prices' },
      { level: 'log', text: "sum of 3 { prices: [ 100, 101, 99 ], nested: { deeper: { deepest: 1 } } }", test: 'sumTicks > adds prices' },
    ]);
    // The terminal report (standard error under --json): the lines under their tests.
    expect(run.stderr, 'the terminal report').toMatch(
      /console \(4 lines\):\n\s+outside the tests\n\s+│ loading\n\s+sumTicks > is 0 for no prices\n\s+│ sum of 0 \{ prices: \[\], nested: \{ deeper: \{ deepest: 1 \} \} \}\n\s+│ warn no prices\n\s+sumTicks > adds prices\n\s+│ sum of 3 \{ prices: \[ 100, 101, 99 \]/,
    );
  }, 120_000);

  it('caps a flood as the page does, saying so', async () => {
    const root = makeCourse();
    writeFileSync(path.join(root, 'exercises/sum-ticks/exercise.ts'), FLOOD);
    const run = await runCli(['grade', 'sum-ticks', '--json'], { root });
    const lines = gradeReportSchema.parse(JSON.parse(run.stdout)).results[0]!.console ?? [];
    expect(lines.length, 'lines kept: the cap, and the one that says so').toBe(501);
    expect(lines.at(-1), 'the last line').toMatchObject({ truncated: true, text: expect.stringMatching(/^output truncated: only the first 500 lines/) });
    expect(run.stderr, 'the terminal report').toMatch(/… output truncated: only the first 500 lines or 20,?000 characters are kept/);
  }, 120_000);
});
