/**
 * An exercise that runs only in the browser (`runsIn: "browser"`) is graded by ticklab in
 * Chromium: in a cross-origin-isolated page (SharedArrayBuffer works), in a worker that is
 * terminated at the time limit, so an endless loop is a timeout, not a hang.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createKnownWrongPatch, leadingComment } from '../../cli/check/known-wrong.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../../cli/grader/browser.ts';
import { gradeReportSchema } from '../../grading/result-schema.ts';
import { makeCourse, runCli } from './helpers.ts';

const FILES: Record<string, string> = {
  'meta.json': JSON.stringify({
    title: 'Shared ticks',
    summary: 'Store a tick in a SharedArrayBuffer, which only a cross-origin-isolated page has.',
    lesson: 'basics/ticks',
    order: 2,
    difficulty: 'intro',
    minutes: 5,
    hints: ['Store into index 0 of an Int32Array over the buffer.'],
    timeLimitMs: 5000,
    runsIn: 'browser',
  }),
  'exercise.ts': 'export function storeTick(buffer: SharedArrayBuffer, tick: number): void {\n  // TODO: store the tick atomically.\n  void buffer;\n  void tick;\n}\n',
  'solution.ts': 'export function storeTick(buffer: SharedArrayBuffer, tick: number): void {\n  Atomics.store(new Int32Array(buffer), 0, tick);\n}\n',
  'wrong/plain-store.ts': '/** Stores without Atomics into the wrong index. */\nexport function storeTick(buffer: SharedArrayBuffer, tick: number): void {\n  new Int32Array(buffer)[1] = tick;\n}\n',
  'wrong/off-by-one.ts': '/** Stores the tick plus one. */\nexport function storeTick(buffer: SharedArrayBuffer, tick: number): void {\n  Atomics.store(new Int32Array(buffer), 0, tick + 1);\n}\n',
  'exercise.test.ts': [
    "import { expect, it } from 'vitest';",
    "import { storeTick } from './exercise.ts';",
    '',
    "it('stores the tick in shared memory', () => {",
    '  expect(globalThis.crossOriginIsolated).toBe(true);',
    '  const buffer = new SharedArrayBuffer(4);',
    '  storeTick(buffer, 1001);',
    '  expect(new Int32Array(buffer)[0]).toBe(1001);',
    '});',
    '',
  ].join('\n'),
};

let root: string;

beforeAll(() => {
  root = makeCourse();
  const dir = path.join(root, 'exercises/shared-ticks');
  mkdirSync(path.join(dir, 'wrong'), { recursive: true });
  for (const [name, text] of Object.entries(FILES)) {
    // Known-wrong solutions are kept as patches of the solution (cli/check/known-wrong.ts).
    const wrong = /^wrong\/(.+)\.ts$/.exec(name)?.[1];
    if (wrong) writeFileSync(path.join(dir, 'wrong', `${wrong}.patch`), createKnownWrongPatch(leadingComment(text) ?? '', FILES['solution.ts']!, text.replace(/^\/\*\*[\s\S]*?\*\/\n/, ''), wrong));
    else writeFileSync(path.join(dir, name), text);
  }
  const student = (name: string, code: string) => {
    mkdirSync(path.join(root, 'class', name, 'shared-ticks'), { recursive: true });
    writeFileSync(path.join(root, 'class', name, 'shared-ticks', 'exercise.ts'), code);
  };
  student('right', FILES['solution.ts']!);
  student('loops', 'export function storeTick(buffer: SharedArrayBuffer, tick: number): void {\n  for (;;) {}\n}\n');
  student('syntax', 'export function storeTick(buffer: SharedArrayBuffer, tick: number): void {\n  Atomics.store(;\n}\n');
});

describe.skipIf(!chromiumAvailable() && !process.env.CI)('a browser-only exercise', () => {
  it('passes check: the starting file and the known-wrong solutions fail and the solution passes, in Chromium', async () => {
    const run = await runCli(['check', 'shared-ticks', '--json'], { root });
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, findings: [] });
  }, 120_000);

  it('grades a class: right passes, an endless loop times out naming the test, a syntax error names its line', async () => {
    const run = await runCli(['grade', 'shared-ticks', '--submissions', path.join(root, 'class'), '--json'], { root });
    const report = gradeReportSchema.parse(JSON.parse(run.stdout));
    const by = new Map(report.results.map((r) => [r.student, r]));
    expect(by.get('right')?.status).toBe('pass');
    expect(by.get('loops')?.status).toBe('timeout');
    expect(by.get('loops')?.tests).toEqual([expect.objectContaining({ name: 'stores the tick in shared memory', status: 'timeout' })]);
    expect(by.get('syntax')?.problems[0]).toMatchObject({ kind: 'syntax', file: 'syntax/shared-ticks/exercise.ts', line: 2 });
    expect(readFileSync(path.join(root, 'class/right/shared-ticks/exercise.ts'), 'utf8')).toBe(FILES['solution.ts']);
  }, 120_000);
});
