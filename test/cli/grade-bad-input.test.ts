/**
 * The grader's promise: whatever a student's file does, the result is a clear report
 * within the time limit, never a hang or a crash, and never a pass it did not earn.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gradeReportSchema, type ExerciseResult } from '../../grading/result-schema.ts';
import { makeCourse, runCli } from './helpers.ts';

const SOLUTION = `export function sumTicks(prices: readonly number[]): number {
  let total = 0;
  for (const p of prices) total += p;
  return total;
}
`;

/** Each student's file for sum-ticks, by student name. */
const STUDENTS: Record<string, string> = {
  good: SOLUTION,
  syntax: SOLUTION.replace('let total = 0;', 'let total = 0;;; )'),
  types: SOLUTION.replace('return total;', 'return String(total);'),
  thrower: SOLUTION.replace('let total = 0;', "if (prices.length >= 0) throw new RangeError('no prices today'); let total = 0;"),
  loop: SOLUTION.replace('let total = 0;', 'let total = 0; while (prices) {}'),
  toploop: `for (;;) {}\n${SOLUTION}`,
  membomb: SOLUTION.replace('let total = 0;', 'const hog: number[][] = []; for (;;) hog.push(new Array(1e6).fill(7)); let total = 0;'),
  exits: SOLUTION.replace('let total = 0;', 'process.exit(0); let total = 0;'),
  importsSolution: `export { sumTicks } from '../../../exercises/sum-ticks/solution.ts';\n`,
  importsFs: `import { readFileSync } from 'node:fs';\nexport const sumTicks = (p: number[]) => readFileSync('x').length + p.length;\n`,
  writesFile: SOLUTION.replace('let total = 0;', "(process as any).getBuiltinModule('fs').writeFileSync('/tmp/ticklab-pwned', 'x'); let total = 0;"),
  spawns: SOLUTION.replace('let total = 0;', "(process as any).getBuiltinModule('child_process').execSync('true'); let total = 0;"),
  readsSolution: SOLUTION.replace(
    'let total = 0;',
    "const fs = (process as any).getBuiltinModule('fs'); return fs.readFileSync(" + "SOLUTION_PATH" + ", 'utf8').length;",
  ),
};

/** What a sealed realm says to code that reaches for `process`: there is none (SES makes the name undefined). */
const NO_PROCESS = /process is not defined|Cannot read properties of undefined \(reading '(exit|getBuiltinModule)'\)/;

let byStudent: Map<string, ExerciseResult>;
let root: string;

beforeAll(async () => {
  root = makeCourse();
  const dir = path.join(root, 'class');
  for (const [student, code] of Object.entries(STUDENTS)) {
    mkdirSync(path.join(dir, student, 'sum-ticks'), { recursive: true });
    const text = code.replace('SOLUTION_PATH', JSON.stringify(path.join(root, 'exercises/sum-ticks/solution.ts')));
    writeFileSync(path.join(dir, student, 'sum-ticks', 'exercise.ts'), text);
  }
  const run = await runCli(['grade', 'sum-ticks', '--submissions', dir, '--json', '--jobs', '2'], { root });
  expect(run.code).toBe(1); // not everyone passes
  const report = gradeReportSchema.parse(JSON.parse(run.stdout));
  byStudent = new Map(report.results.map((r) => [r.student!, r]));
}, 120_000);

describe('a student file that', () => {
  it('is right passes', () => {
    expect(byStudent.get('good')?.status).toBe('pass');
  });

  it('has a syntax error is an error naming the file and line', () => {
    const r = byStudent.get('syntax')!;
    expect(r.status).toBe('error');
    expect(r.problems[0]).toMatchObject({ kind: 'syntax', file: 'syntax/sum-ticks/exercise.ts', line: 2 });
  });

  it('has a type error is an error naming the file and line', () => {
    const r = byStudent.get('types')!;
    expect(r.status).toBe('error');
    expect(r.problems).toContainEqual(expect.objectContaining({ kind: 'type', file: 'types/sum-ticks/exercise.ts', line: 4 }));
  });

  it('throws fails the tests with the exception\'s message and the line it came from', () => {
    const r = byStudent.get('thrower')!;
    expect(r.status).toBe('fail');
    expect(r.tests.every((t) => t.status === 'fail' && /RangeError: no prices today \(at exercise\.ts:2:\d+\)/.test(t.message ?? ''))).toBe(true);
  });

  it('loops forever in a test times out, naming the test', () => {
    const r = byStudent.get('loop')!;
    expect(r.status).toBe('timeout');
    expect(r.tests).toContainEqual(expect.objectContaining({ name: 'sumTicks > is 0 for no prices', status: 'timeout' }));
  });

  it('loops forever when loaded times out', () => {
    const r = byStudent.get('toploop')!;
    expect(r.status).toBe('timeout');
    expect(r.problems[0]?.message).toMatch(/while loading/);
  });

  it('allocates without end is stopped at the memory limit', () => {
    const r = byStudent.get('membomb')!;
    expect(r.status).toBe('error');
    expect(r.problems[0]).toMatchObject({ kind: 'memory' });
  });

  it('exits the process finds no process to exit: the sealed realm has none', () => {
    const r = byStudent.get('exits')!;
    expect(r.status).toBe('fail');
    expect(r.tests.every((t) => NO_PROCESS.test(t.message ?? ''))).toBe(true);
  });

  it('imports the reference solution does not pass', () => {
    const r = byStudent.get('importsSolution')!;
    expect(r.status).toBe('error');
    expect(r.problems[0]).toMatchObject({ kind: 'import' });
  });

  it('imports node:fs is refused', () => {
    expect(byStudent.get('importsFs')?.problems[0]?.kind).toBe('import');
  });

  it('reads the solution through a back door finds no door: the sealed realm has no process', () => {
    const r = byStudent.get('readsSolution')!;
    expect(r.status).not.toBe('pass');
    expect(r.tests.every((t) => NO_PROCESS.test(t.message ?? ''))).toBe(true);
  });
});

describe('the sandbox', () => {
  it('gives no way to write files or start processes', () => {
    for (const student of ['writesFile', 'spawns']) {
      const r = byStudent.get(student)!;
      expect(r.status, student).toBe('fail');
      expect(r.tests.every((t) => NO_PROCESS.test(t.message ?? '')), student).toBe(true);
    }
  });
});

describe('grading', () => {
  it('never writes to a student\'s file', () => {
    for (const [student, code] of Object.entries(STUDENTS)) {
      const text = readFileSync(path.join(root, 'class', student, 'sum-ticks', 'exercise.ts'), 'utf8');
      expect(text).toBe(code.replace('SOLUTION_PATH', JSON.stringify(path.join(root, 'exercises/sum-ticks/solution.ts'))));
    }
  });
});
