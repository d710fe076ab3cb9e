/**
 * The page's compiler (site/lib/runner/check.ts), run in Node over the declarations the
 * build ships: it must say what the CLI says. Every exercise's starting file and solution
 * get the same type errors from the page's type-check as from
 * `ticklab grade`'s; the transpiler keeps the CLI's import policy and reports a syntax
 * error at its line. Plus the pieces of the page that are plain functions: the
 * instructions taken from a starter's header, and how a result reads.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { typecheck as cliTypecheck } from '../../cli/grader/typecheck.ts';
import type { ExerciseResult } from '../../grading/result-schema.ts';
import { loadCatalog } from '../../content/catalog/catalog.ts';
import { gradingCompilerOptions } from '../../site/build/runner/compiler-options.ts';
import { typesBundle } from '../../site/build/runner/types-bundle.ts';
import { instructionsHtml } from '../../site/components/exercise/instructions.ts';
import { resultsHtml, summary } from '../../site/components/exercise/results.ts';
import { createChecker, type Checker } from '../../site/lib/runner/check.ts';
import { decodeMappings, mapLocations } from '../../grading/source-map.ts';
import { REPO } from '../cli/helpers.ts';

const exercises = loadCatalog(REPO).exercises;
let checker: Checker;

beforeAll(() => {
  const compiler = gradingCompilerOptions(REPO);
  const { bundle, engine } = typesBundle(REPO, compiler.options, exercises);
  checker = createChecker({ ts, files: bundle.files, compilerOptions: compiler.json, engine });
}, 120_000);

describe('transpiling the student code', () => {
  it('keeps each engine import as a require the sealed realm answers with the engine module the tests import', () => {
    const out = checker.transpile("import { SpscRingBuffer } from '#engine/spsc-ring-buffer';\nexport const x: number = SpscRingBuffer.length;\n", 'exercise.ts');
    expect(out.problems, 'problems of a file importing the engine').toEqual([]);
    expect(out.js, 'the engine import, as CommonJS').toContain('require("#engine/spsc-ring-buffer")');
    expect(out.js, 'types are gone').not.toContain(': number');
  });

  it('refuses an import outside the engine with the CLI bundler\'s words, at its line', () => {
    const out = checker.transpile("export const a = 1;\nimport { readFileSync } from 'node:fs';\n", 'exercises/x/exercise.ts');
    expect(out.problems, 'the refused import').toEqual([
      { kind: 'import', message: 'exercise.ts may import only from the engine ("#engine/<module>"), not "node:fs"', file: 'exercises/x/exercise.ts', line: 2, column: 30 },
    ]);
  });

  it('refuses an engine module that is not public', () => {
    const out = checker.transpile("import { x } from '#engine/nosuch';\nexport const y = x;\n", 'exercise.ts');
    expect(out.problems.map((p) => p.message), 'the unknown engine module').toEqual(['"#engine/nosuch" is not part of the engine (see engine/ for the modules there are)']);
  });

  it('keeps a type-only import out of the policy (it is erased)', () => {
    const out = checker.transpile("import type { Foo } from 'somewhere';\nexport let f: Foo | undefined;\n", 'exercise.ts');
    expect(out.problems, 'problems of a type-only import').toEqual([]);
  });

  it('reports a syntax error at its line and column, and no code', () => {
    const out = checker.transpile('export function f() {\n  return 1 +;\n}\n', 'exercises/x/exercise.ts');
    expect(out.js, 'code of a file that does not parse').toBe('');
    expect(out.problems.length, 'syntax problems').toBeGreaterThan(0);
    expect(out.problems[0], 'the first syntax problem').toMatchObject({ kind: 'syntax', file: 'exercises/x/exercise.ts', line: 2 });
  });

  it('maps a place in the JavaScript back to the student\'s TypeScript line, as the CLI\'s source maps do', () => {
    const code = "interface Order {\n  id: number;\n}\ntype Id = Order['id'];\nexport function f(): Id {\n  throw new Error('boom');\n}\n";
    const out = checker.transpile(code, 'exercise.ts');
    const jsLine = out.js.split('\n').findIndex((l) => l.includes('throw')) + 1;
    const jsColumn = out.js.split('\n')[jsLine - 1]!.indexOf('throw') + 1;
    expect(jsLine, 'the throw\'s line in the JavaScript').toBeLessThan(6);
    const map = decodeMappings(out.mappings!);
    expect(mapLocations(`Error: boom (at exercise.ts:${jsLine}:${jsColumn})`, map), 'the place, mapped').toBe('Error: boom (at exercise.ts:6:3)');
    expect(out.js, 'no source-map URL left in the module').not.toContain('sourceMappingURL');
  });

  it('is a CommonJS body, which the sealed realm evaluates as a function (it names the file exercise.ts)', () => {
    const js = checker.transpile('export const a = 1;\n', 'exercise.ts').js;
    expect(js, 'the export, as CommonJS').toMatch(/exports\.a = 1/);
    expect(js, 'no ES module syntax left').not.toMatch(/^export /m);
  });
});

describe('type-checking in the page gives the CLI\'s type errors', () => {
  // The starting file and the solution of every exercise. (Known-wrong solutions type-check
  // by rule: ticklab check proves it in the CLI, and test/e2e/parity.test.ts grades each in
  // the page, where a type error would be a problem.)
  const cases = exercises.flatMap((e) => [e.files.exercise, e.files.solution].map((codeFile) => [`${e.slug}/${path.basename(codeFile)}`, e, codeFile] as const));

  it.each(cases)('%s', (_name, e, codeFile) => {
    const file = path.basename(codeFile);
    const testFile = e.files.test;
    const labels = { code: `exercises/${e.slug}/exercise.ts`, test: `exercises/${e.slug}/exercise.test.ts` };
    const cli = cliTypecheck({ testFile, codeFile, codeLabel: labels.code });
    const page = checker.typecheck(readFileSync(codeFile, 'utf8'), readFileSync(testFile, 'utf8'), labels);
    expect(page, `type errors of ${file} in the page, against the CLI's`).toEqual(cli);
  });

  it('finds a type error the tests see through the student\'s declarations, and again when only a body changes', () => {
    const e = exercises.find((x) => x.slug === 'borrow-tracker')!;
    const test = readFileSync(e.files.test, 'utf8');
    const solution = readFileSync(e.files.solution, 'utf8');
    const labels = { code: 'exercises/borrow-tracker/exercise.ts', test: 'exercises/borrow-tracker/exercise.test.ts' };
    // The cell's constructor now wants two arguments: the tests no longer type-check.
    const broken = solution.replace(/constructor\(value: T\)/, 'constructor(value: T, label: string)');
    expect(broken, 'the edit applied').not.toBe(solution);
    const first = checker.typecheck(broken, test, labels);
    expect(first.some((p) => p.file === labels.test && p.kind === 'type'), 'a type error in the tests').toBe(true);
    // Same declarations, another body: the cached errors of the tests still apply.
    const bodyOnly = broken.replace('super(message);', "super(`${message}`);");
    expect(bodyOnly, 'the body-only edit applied').not.toBe(broken);
    const again = checker.typecheck(bodyOnly, test, labels);
    expect(again.filter((p) => p.file === labels.test), 'the tests\' type errors after a body-only edit').toEqual(first.filter((p) => p.file === labels.test));
    expect(checker.typecheck(solution, test, labels), 'type errors once fixed').toEqual([]);
  });
});

describe('the page\'s words', () => {
  it('takes the instructions from the starter\'s header, without the title line and the terminal hint command', () => {
    const html = instructionsHtml('/**\n * Exercise: x.\n *\n * Build `A<T>`:\n *\n * - one\n *   more\n * - two <b>\n *\n * Run `ticklab hint x` if you are stuck.\n */\nexport {};\n');
    expect(html, 'the instructions').toBe('<p>Build <code>A&lt;T&gt;</code>:</p>\n<ul><li>one more</li><li>two &lt;b&gt;</li></ul>');
  });

  const base: ExerciseResult = { exercise: 'x', status: 'pass', durationMs: 5, tests: [], problems: [] };
  it('says where an endless loop was stopped: "timed out after N s in <test>"', () => {
    const result: ExerciseResult = {
      ...base,
      status: 'timeout',
      tests: [
        { name: 'a > first', status: 'pass', durationMs: 1 },
        { name: 'a > loops', status: 'timeout', durationMs: 10_000, message: 'still running after 10000 ms: an endless loop?' },
      ],
      problems: [{ kind: 'timeout', message: 'stopped after the time limit of 10000 ms while running "a > loops"' }],
    };
    expect(summary(result, 10_000), 'the summary of a time-out').toMatch(/^Timed out after 10 s in "a > loops"/);
  });

  it('shows each test with its status in words and the assertion\'s message, escaped', () => {
    const result: ExerciseResult = {
      ...base,
      status: 'fail',
      tests: [
        { name: 'adds <two>', status: 'fail', durationMs: 1, message: 'readers after two borrows: expected 1 to be 2\n- Expected\n+ Received' },
        { name: 'keeps', status: 'pass', durationMs: 1 },
      ],
    };
    const html = resultsHtml(result, { codeLabel: 'exercises/x/exercise.ts' });
    expect(summary(result, 1000), 'the summary of a failing run').toBe('1 of 2 tests failed.');
    expect(html, 'a failed test').toContain('failed</span> <span class="test-name">adds &lt;two&gt;</span><pre>readers after two borrows: expected 1 to be 2\n- Expected\n+ Received</pre>');
    expect(html, 'a passed test').toContain('passed</span> <span class="test-name">keeps</span>');
  });

  it('offers to go to the line of a problem in the student\'s file', () => {
    const result: ExerciseResult = { ...base, status: 'error', problems: [{ kind: 'syntax', message: "',' expected.", file: 'exercises/x/exercise.ts', line: 7, column: 3 }] };
    const html = resultsHtml(result, { codeLabel: 'exercises/x/exercise.ts' });
    expect(html, 'the syntax error\'s place').toContain('Syntax error</strong> in exercise.ts, line 7, column 3');
    expect(html, 'the go-to-line button').toContain('data-goto-line="7"');
    expect(summary(result, 1000), 'the summary of a syntax error').toMatch(/does not parse/);
  });

  it('tells a type error apart from failing tests, as the CLI counts it: an error', () => {
    const result: ExerciseResult = {
      ...base,
      status: 'error',
      tests: [{ name: 't', status: 'pass', durationMs: 1 }],
      problems: [{ kind: 'type', message: "Type 'string' is not assignable to type 'number'.", file: 'exercises/x/exercise.ts', line: 3, column: 9 }],
    };
    expect(summary(result, 1000), 'the summary of passing tests with a type error').toBe('The tests pass, but the code has 1 type error: `ticklab grade` counts that as an error too.');
  });
});
