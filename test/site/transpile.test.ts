/**
 * The run path's transpiler (site/lib/runner/transpile.ts, Sucrase) against the page's
 * TypeScript transpiler (check.ts), which it stands in for before the tests: the same
 * import policy (same refusals, same messages, same places), the same exports and engine
 * requires for every exercise's starting file and solution, the same behaviour of the
 * TypeScript-only constructs the course uses, and no answer (so TypeScript is asked) for
 * a file it cannot read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../content/catalog/catalog.ts';
import { gradingCompilerOptions } from '../../site/build/runner/compiler-options.ts';
import { createChecker } from '../../site/lib/runner/check.ts';
import { transpileFast } from '../../site/lib/runner/transpile.ts';
import { decodeMappings, mapLocations } from '../../grading/source-map.ts';
import { REPO } from '../cli/helpers.ts';

const imports = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { imports: Record<string, string> }).imports;
const engine = Object.fromEntries(Object.entries(imports).map(([k, v]) => [k.slice('#engine/'.length), v]));
const typescript = createChecker({ ts, files: {}, compilerOptions: gradingCompilerOptions(REPO).json, engine });
const LABEL = 'exercises/x/exercise.ts';
const fast = (code: string) => transpileFast(code, LABEL, engine);

/** A CommonJS body evaluated with a `require` that hands out `modules`: its exports. */
function evaluate(js: string, modules: Record<string, object> = {}): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  const require = (name: string) => modules[name] ?? (() => { throw new Error(`no ${name}`); })();
  new Function('require', 'exports', 'module', js)(require, module.exports, module);
  return module.exports;
}

describe('the import policy, as TypeScript\'s transformer applies it', () => {
  const cases: Record<string, string> = {
    'a Node module': "export const a = 1;\nimport { readFileSync } from 'node:fs';\n",
    'a default import': "import fs from 'fs';\nexport const a = fs;\n",
    'a namespace import': "import * as os from 'node:os';\nexport const a = os;\n",
    'a side-effect import': "import './other.ts';\nexport const a = 1;\n",
    'a re-export': "export { x } from './other.ts';\n",
    'a whole re-export': "export * from 'node:fs';\n",
    'a namespace re-export': "export * as fs from 'node:fs';\n",
    'a dynamic import': "export async function f() {\n  return (await import('node:child_process')).execSync('id');\n}\n",
    'an engine module that is not public': "import { x } from '#engine/nosuch';\nexport const y = x;\n",
    'an engine module': "import { RING_HEAD_OFFSET } from '#engine/spsc-ring-buffer';\nexport const h = RING_HEAD_OFFSET;\n",
    'a type-only import': "import type { Foo } from 'somewhere';\nexport let f: Foo | undefined;\n",
    'type-only named imports': "import { type A, type B } from 'somewhere';\nexport let f: A | B | undefined;\n",
    'a type and a value': "import { type A, b } from 'somewhere';\nexport let f: A = b;\n",
    'a default import named type': "import type from 'somewhere';\nexport const t = type;\n",
    'a type-only re-export': "export type { Foo } from 'somewhere';\n",
    'an import type in a type': "export let f: typeof import('node:fs') | undefined;\n",
    'imports in strings, comments and templates': "// import x from 'node:fs';\n/* export * from 'os' */\nexport const s = \"import { y } from 'node:os'\";\nexport const t = `import('node:net')`;\nexport const r = /import\\('x'\\)/;\n",
    'several on one line, after CRLF lines': "export const a = 1;\r\n\r\nimport { x } from 'a'; import { y } from \"b\";\r\nexport const z = [x, y];\r\n",
  };
  it.each(Object.keys(cases))('%s', (name) => {
    const code = cases[name]!;
    const page = typescript.transpile(code, LABEL);
    const out = fast(code);
    expect(out, 'Sucrase reads it').toBeDefined();
    expect(out!.problems, `problems of ${name}`).toEqual(page.problems);
    if (page.problems.length > 0) expect(out!.js, 'no code when an import is refused').toBe('');
  });

  it('refuses with the CLI bundler\'s words at the specifier\'s place', () => {
    expect(fast(cases['a Node module']!)!.problems).toEqual([
      { kind: 'import', message: 'exercise.ts may import only from the engine ("#engine/<module>"), not "node:fs"', file: LABEL, line: 2, column: 30 },
    ]);
  });
});

describe('every exercise\'s starting file and solution', () => {
  const files = loadCatalog(REPO).exercises.flatMap((e) => [['exercise.ts', e.files.exercise], ['solution.ts', e.files.solution]].map(([f, file]) => [`${e.slug}/${f}`, file!] as const));
  const exportsOf = (js: string) => [...new Set([...js.matchAll(/exports\.(\w+) =/g)].map((m) => m[1]!))].filter((n) => n !== '__esModule').sort();
  const requiresOf = (js: string) => [...new Set([...js.matchAll(/require\((["'])([^"']+)\1\)/g)].map((m) => m[2]!))].sort();

  it.each(files)('%s: same problems, exports and engine requires as TypeScript\'s', (_name, file) => {
    const code = readFileSync(file, 'utf8');
    const page = typescript.transpile(code, LABEL);
    const out = fast(code);
    expect(out, 'Sucrase reads it').toBeDefined();
    expect(out!.problems, 'problems').toEqual(page.problems);
    expect(exportsOf(out!.js), 'exported names').toEqual(exportsOf(page.js));
    expect(requiresOf(out!.js), 'engine modules required').toEqual(requiresOf(page.js));
  });
});

describe('the code it gives', () => {
  it('behaves as TypeScript\'s for classes, fields, enums, parameter properties and engine imports', () => {
    const code = [
      "import { RING_HEAD_OFFSET, type Unused } from '#engine/spsc-ring-buffer';",
      "import * as stats from '#engine/stats';",
      'export enum Side { Buy, Sell = 5 }',
      'export class Book<T> {',
      '  readonly levels: T[] = [];',
      '  declare phantom: number;',
      '  count?: number;',
      '  constructor(private readonly name: string, public depth = 2) {}',
      '  label(): string { return `${this.name}:${this.depth}:${"count" in this}:${this.levels.length}`; }',
      '}',
      'export let changes = 0;',
      'export function bump(): number { changes += 1; return changes; }',
      'export const head = (): number => RING_HEAD_OFFSET + (stats as { base?: number }).base! ?? 0;',
      'let u: Unused | undefined;',
    ].join('\n');
    const engineModules = { '#engine/spsc-ring-buffer': { RING_HEAD_OFFSET: 4 }, '#engine/stats': { base: 10 } };
    const a = evaluate(typescript.transpile(code, LABEL).js, engineModules);
    const b = evaluate(fast(code)!.js, engineModules);
    const view = (m: Record<string, unknown>) => {
      const Book = m.Book as new (name: string, depth?: number) => { label(): string };
      const bump = m.bump as () => number;
      return { side: m.Side, label: new Book('b').label(), deep: new Book('c', 7).label(), bumped: [bump(), bump()], changes: m.changes, head: (m.head as () => number)() };
    };
    expect(view(b), 'Sucrase\'s module against TypeScript\'s').toEqual(view(a));
    expect(view(evaluate(fast(code)!.js, engineModules)).changes, 'a live binding of an exported let').toBe(2);
  });

  it('maps a place in the JavaScript back to the student\'s TypeScript line', () => {
    const code = "interface Order {\n  id: number;\n}\ntype Id = Order['id'];\nexport function f(): Id {\n  throw new Error('boom');\n}\n";
    const out = fast(code)!;
    const lines = out.js.split('\n');
    const jsLine = lines.findIndex((l) => l.includes('throw')) + 1;
    const jsColumn = lines[jsLine - 1]!.indexOf('throw') + 1;
    expect(mapLocations(`Error: boom (at exercise.ts:${jsLine}:${jsColumn})`, decodeMappings(out.mappings!)), 'the place, mapped').toBe('Error: boom (at exercise.ts:6:3)');
    expect(out.js, 'no source-map URL left in the module').not.toContain('sourceMappingURL');
  });

  it('gives no answer for a file it cannot read, so that TypeScript\'s syntax error is shown', () => {
    expect(fast('export function f() {\n  return 1 +;\n}\n'), 'a syntax error').toBeUndefined();
    expect(typescript.transpile('export function f() {\n  return 1 +;\n}\n', LABEL).problems[0], 'TypeScript\'s words for it').toMatchObject({ kind: 'syntax', line: 2 });
  });
});
