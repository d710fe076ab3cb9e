/**
 * A class of hostile submissions, graded by `ticklab grade --submissions` in one run:
 * each student tries one way to get a grade without the work (or to hurt the grader),
 * beside an honest student who must still pass. Every attack must end as fail or error,
 * never pass; the report must list every student folder; the grader must exit with a
 * complete report whatever the students did. The attacks build on the fixture course's
 * sum-ticks, whose starting file fails its tests: an attack that worked would turn it
 * into a pass.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gradeReportSchema, type ExerciseResult } from '../../../grading/result-schema.ts';
import { makeCourse, runCli } from '../helpers.ts';

/** The starting file's shape (it fails both tests: it returns -1). */
const STARTER = `export function sumTicks(prices: readonly number[]): number {
  return -1 + prices.length * 0;
}
`;
const SOLUTION = `export function sumTicks(prices: readonly number[]): number {
  let total = 0;
  for (const p of prices) total += p;
  return total;
}
`;

/** Runs `code` at load time, swallowing its errors: only success could change the grade. */
const quietly = (code: string) => `try {\n${code}\n} catch {}\n`;

/** Each attacker's exercise.ts for sum-ticks, by student name; `honest` is the control. */
export const SOURCES: Record<string, string> = {
  honest: SOLUTION,
  objectIs: `${STARTER}${quietly('(Object as any).is = () => true;')}`,
  objectIsDefine: `${STARTER}${quietly("Object.defineProperty(Object, 'is', { value: () => true });")}`,
  prototypePollution: `${STARTER}${quietly("(Object.prototype as any).pass = true; (Array.prototype as any).includes = () => true;")}`,
  expectGlobal: `${STARTER}${quietly(`
    const g = globalThis as any;
    for (const k of Object.getOwnPropertySymbols(g)) { const v = g[k]; if (v && typeof v === 'object') for (const m of Object.keys(v)) v[m] = () => ({ pass: true }); }
    const ex = g[Symbol.for('expect-global')]; if (ex) ex.extend({ toBe: () => ({ pass: true, message: () => '' }) });
    const mo = g[Symbol.for('$$jest-matchers-object')]; if (mo) mo.matchers.toBe = () => ({ pass: true, message: () => '' });`)}`,
  functionConstructor: `${STARTER}${quietly(`
    const host = (function () {}).constructor('return this')() as any;
    host.process.send({ type: 'done', outcome: { tests: [{ name: 'sumTicks > is 0 for no prices', status: 'pass', durationMs: 1 }], problems: [] } });`)}`,
  globalConstructor: `${STARTER}${quietly(`
    const host = (globalThis as any).constructor.constructor('return this')();
    host.process.exit(0);`)}`,
  processSend: `${STARTER}${quietly(`
    const p = (globalThis as any).process ?? eval('process');
    const done = { type: 'done', outcome: { tests: [{ name: 'sumTicks > is 0 for no prices', status: 'pass', durationMs: 1 }, { name: 'sumTicks > adds prices', status: 'pass', durationMs: 1 }], problems: [] } };
    p._send?.(done); p.send?.(done); p.exit(0);`)}`,
  fdThree: `${STARTER}${quietly(`
    const fs = (globalThis as any).process.getBuiltinModule('fs');
    fs.writeSync(3, JSON.stringify({ type: 'done', outcome: { tests: [], problems: [] } }) + '\\n'); (globalThis as any).process.exit(0);`)}`,
  killsGrader: `${STARTER}${quietly("(globalThis as any).process.kill((globalThis as any).process.ppid, 'SIGKILL');")}`,
  stackFrames: `${STARTER}${quietly(`
    (Error as any).prepareStackTrace = (_e: unknown, frames: any[]) => frames;
    const frames = new Error().stack as unknown as any[];
    for (const f of frames) { const fn = f.getFunction?.(); const self = f.getThis?.(); (self ?? fn)?.process?.exit(0); }`)}`,
  dynamicImport: `${STARTER}export const loaded = import('node:child_process').then((cp: any) => cp.execSync('kill -9 ' + process.ppid));\n`,
  requireCall: `${STARTER}${quietly("(globalThis as any).require('node:fs').writeFileSync('/tmp/ticklab-pwned', 'x');")}`,
  fetchOut: `${STARTER}${quietly("void (globalThis as any).fetch('http://127.0.0.1:9/').catch(() => {});")}`,
  consoleSwap: `${STARTER}${quietly("(console as any).log = () => {}; (console as any).constructor.prototype.log = () => {};")}`,
  timerObject: `${STARTER}${quietly("const t: any = setTimeout(() => {}, 1); Object.getPrototypeOf(t).refresh = () => {}; Object.getPrototypeOf(t).constructor.prototype.unref = () => {};")}`,
  symbolRegistry: `${STARTER}${quietly("(Symbol as any).for = () => Symbol('x'); const s = Symbol.for('tinyspy:spy'); (Object.prototype as any)[s] = true;")}`,
  engineAnswer: `import { median } from '#engine/stats';\nexport function sumTicks(prices: readonly number[]): number {\n  return median([...prices]) * prices.length;\n}\n`,
  tsNocheck: `// @ts-nocheck\n${SOLUTION}const broken: number = 'not a number';\n`,
  tsIgnore: `${SOLUTION}// @ts-ignore\nconst broken: number = 'not a number';\n`,
  tsExpectError: `${SOLUTION}// @ts-expect-error\nconst broken: number = 'not a number';\n`,
  topLevelLoop: `for (;;) {}\n${SOLUTION}`,
  microtaskLoop: `${SOLUTION}const spin = (): void => queueMicrotask(spin); spin();\n`,
  arrayBuffers: `${SOLUTION}const hog: ArrayBuffer[] = []; for (let i = 0; i < 40; i++) { const b = new ArrayBuffer(100 * 1024 * 1024); new Uint8Array(b).fill(1); hog.push(b); }\n`,
  nulBytes: `${SOLUTION}\u0000\n`,
  huge: `${SOLUTION}${'// padding padding padding padding padding padding padding padding\n'.repeat(20_000)}`,
};

/** Students whose submission is not a plain file (made in beforeAll). */
const SPECIAL = ['linksSolution', 'linksDevZero', 'fifo', 'directory', 'linkedExerciseFolder', 'linkedStudentFolder', '.hidden'];

let byStudent: Map<string, ExerciseResult>;
let exitCode: number | null;

beforeAll(async () => {
  const root = makeCourse();
  const dir = path.join(root, 'class');
  for (const [student, code] of Object.entries(SOURCES)) {
    mkdirSync(path.join(dir, student, 'sum-ticks'), { recursive: true });
    writeFileSync(path.join(dir, student, 'sum-ticks', 'exercise.ts'), code);
  }
  const at = (student: string) => {
    mkdirSync(path.join(dir, student, 'sum-ticks'), { recursive: true });
    return path.join(dir, student, 'sum-ticks', 'exercise.ts');
  };
  symlinkSync(path.join(root, 'exercises/sum-ticks/solution.ts'), at('linksSolution'));
  symlinkSync('/dev/zero', at('linksDevZero'));
  execFileSync('mkfifo', [at('fifo')]);
  mkdirSync(at('directory'));
  mkdirSync(path.join(dir, 'linkedExerciseFolder'));
  symlinkSync(path.join(dir, 'honest', 'sum-ticks'), path.join(dir, 'linkedExerciseFolder', 'sum-ticks'));
  symlinkSync(path.join(dir, 'honest'), path.join(dir, 'linkedStudentFolder'));
  writeFileSync(at('.hidden'), SOLUTION);
  const run = await runCli(['grade', 'sum-ticks', '--submissions', dir, '--json', '--jobs', '2'], { root });
  exitCode = run.code;
  const report = gradeReportSchema.parse(JSON.parse(run.stdout));
  byStudent = new Map(report.results.map((r) => [r.student!, r]));
}, 240_000);

describe('a class of hostile submissions', () => {
  it('grades every student folder, the odd ones included, and exits with the report', () => {
    expect(exitCode, 'not everyone passed: exit 1, with a complete report').toBe(1);
    expect([...byStudent.keys()].sort()).toEqual([...Object.keys(SOURCES), ...SPECIAL].sort());
  });

  it('passes the honest student', () => {
    expect(byStudent.get('honest')?.status).toBe('pass');
  });

  it.each(Object.keys(SOURCES).filter((s) => s !== 'honest'))('gives %s no pass', (student) => {
    const result = byStudent.get(student)!;
    expect(result.status, JSON.stringify(result.problems.concat(result.tests as never))).not.toBe('pass');
  });

  it('names the frozen built-in a patch tried to change', () => {
    for (const student of ['objectIs', 'objectIsDefine', 'prototypePollution']) {
      expect(byStudent.get(student)!.status, student).toBe('fail'); // the patch threw and was swallowed: the starter's own failures remain
    }
  });

  it('finds no process, require, fetch or host global in the sealed realm', () => {
    expect(JSON.stringify(byStudent.get('processSend')!.problems)).toMatch(/eval\(\) is not available to graded code/);
    for (const student of ['functionConstructor', 'globalConstructor', 'fdThree', 'killsGrader', 'requireCall', 'fetchOut', 'stackFrames']) {
      const result = byStudent.get(student)!;
      expect(result.status, student).toBe('fail');
      expect(result.tests.length, student).toBe(2); // both tests ran and reported: nothing was forged or cut short
    }
  });

  it('refuses a dynamic import of a Node module with a message that says so', () => {
    const result = byStudent.get('dynamicImport')!;
    expect(result.status).toBe('error');
    expect(result.problems.map((p) => p.message).join('\n')).toMatch(/may import only from the engine \("#engine\/<module>"\), not "node:child_process"/);
  });

  it('refuses an engine import the starting file does not make: the engine holds the answers', () => {
    const result = byStudent.get('engineAnswer')!;
    expect(result.status).toBe('error');
    expect(result.problems[0]).toMatchObject({ kind: 'import', message: expect.stringMatching(/may import nothing from "#engine\/stats" \(what the starting file imports\), not median/) });
  });

  it('reports each comment that switches the type-checker off', () => {
    for (const student of ['tsNocheck', 'tsIgnore', 'tsExpectError']) {
      const result = byStudent.get(student)!;
      expect(result.status, student).toBe('error');
      expect(result.problems.some((p) => p.kind === 'type' && /@ts-(nocheck|ignore|expect-error) is not allowed/.test(p.message)), student).toBe(true);
    }
  });

  it('stops loops and memory bombs at their limits, as the student\'s own result', () => {
    expect(byStudent.get('topLevelLoop')!.status).toBe('timeout');
    const starving = byStudent.get('microtaskLoop')!;
    expect(starving.status).toBe('error');
    expect(starving.problems.map((p) => p.message).join('\n')).toMatch(/kept the grading process busy after its tests had ended/);
    const memory = byStudent.get('arrayBuffers')!;
    expect(memory.status).toBe('error');
    expect(memory.problems.some((p) => p.kind === 'memory' || /Array buffer allocation failed|memory/i.test(p.message))).toBe(true);
  });

  it('refuses files that are not plain text files of a sane size, saying why', () => {
    const expectations: Record<string, RegExp> = {
      linksSolution: /exercise\.ts is a symbolic link; submit the file itself/,
      linksDevZero: /exercise\.ts is a symbolic link/,
      fifo: /exercise\.ts is a named pipe/,
      directory: /exercise\.ts is a folder/,
      linkedExerciseFolder: /sum-ticks is a symbolic link/,
      huge: /over the limit of 1048576 bytes/,
      nulBytes: /not a text file/,
    };
    for (const [student, message] of Object.entries(expectations)) {
      const result = byStudent.get(student)!;
      expect(result.status, student).toBe('error');
      expect(result.problems[0]?.kind, student).toBe('submission');
      expect(result.problems[0]?.message, student).toMatch(message);
    }
  });

  it('gives a linked or dot-named student folder an error saying why', () => {
    expect(byStudent.get('linkedStudentFolder')).toMatchObject({ status: 'error', problems: [expect.objectContaining({ kind: 'submission', message: expect.stringMatching(/symbolic link/) })] });
    expect(byStudent.get('.hidden')).toMatchObject({ status: 'error', problems: [expect.objectContaining({ kind: 'submission', message: expect.stringMatching(/starts with "\."/) })] });
  });
});
