/**
 * The types bundle ships TypeScript's libs and Node's types without comments
 * (site/build/runner/strip-comments.ts), for a quicker cold type-check in the page: each
 * stripped file must declare exactly what the original declares. Both are parsed
 * (JSDoc ignored: the type-check of a TypeScript file ignores it too, but for
 * `@see`/`@link`, which only count in the checked files) and compared node by node, with
 * every name and literal, and their directives (`/// <reference .../>`, no-default-lib).
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../content/catalog/catalog.ts';
import { gradingCompilerOptions } from '../../site/build/runner/compiler-options.ts';
import { isStripped, withoutComments } from '../../site/build/runner/strip-comments.ts';
import { typesBundle } from '../../site/build/runner/types-bundle.ts';
import { createChecker } from '../../site/lib/runner/check.ts';
import { typecheck as cliTypecheck } from '../../cli/grader/typecheck.ts';
import { REPO } from '../cli/helpers.ts';

/** A file's syntax as a list: every node's kind, and the text of names and literals. */
function shape(fileName: string, text: string): { nodes: string[]; directives: unknown } {
  const file = ts.createSourceFile(fileName, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, ts.ScriptKind.TS);
  const nodes: string[] = [];
  const visit = (node: ts.Node): void => {
    const named = ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isStringLiteralLike(node) || ts.isNumericLiteral(node) || ts.isBigIntLiteral(node) || ts.isTemplateLiteralToken(node);
    nodes.push(named ? `${ts.SyntaxKind[node.kind]} ${(node as ts.Identifier | ts.LiteralLikeNode).text}` : ts.SyntaxKind[node.kind]!);
    ts.forEachChild(node, visit);
  };
  visit(file);
  const refs = (list: readonly ts.FileReference[]) => list.map((r) => [r.fileName, r.resolutionMode, r.preserve]);
  const directives = {
    noDefaultLib: file.hasNoDefaultLib,
    files: refs(file.referencedFiles),
    types: refs(file.typeReferenceDirectives),
    libs: refs(file.libReferenceDirectives),
  };
  return { nodes, directives };
}

let files: Record<string, string>;
let engine: Record<string, string>;
let originals: Record<string, string>;

beforeAll(() => {
  const compiler = gradingCompilerOptions(REPO);
  const bundle = typesBundle(REPO, compiler.options, loadCatalog(REPO).exercises);
  files = bundle.bundle.files;
  engine = bundle.engine;
  // The originals, as TypeScript reads them from this checkout's node_modules.
  originals = Object.fromEntries(Object.keys(files).filter(isStripped).map((virtual) => [virtual, ts.sys.readFile(`${REPO}${virtual.slice(1)}`)!]));
}, 120_000);

describe('the types bundle without comments', () => {
  it('strips TypeScript\'s libs and Node\'s types, which only the type-check reads, to less than half their size', () => {
    const stripped = Object.keys(originals);
    expect(stripped.some((f) => f.endsWith('/lib.dom.d.ts')), 'lib.dom is stripped').toBe(true);
    expect(stripped.some((f) => f.startsWith('/node_modules/@types/node/')), 'Node\'s types are stripped').toBe(true);
    const size = (record: Record<string, string>) => stripped.reduce((n, f) => n + record[f]!.length, 0);
    expect(size(files), 'bytes after, against before').toBeLessThan(size(originals) / 2);
    // The declarations Monaco shows (vitest's, fast-check's, the engine's) keep their documentation.
    const kept = Object.keys(files).filter((f) => f.endsWith('.d.ts') && !isStripped(f));
    expect(kept.some((f) => f.includes('/vitest/')) && kept.some((f) => f.startsWith('/engine/')), 'vitest and the engine kept').toBe(true);
  });

  it('declares in each stripped file exactly what the original declares, with the same directives', () => {
    const differ: string[] = [];
    for (const [virtual, original] of Object.entries(originals)) {
      expect(original, `${virtual} read from node_modules`).toBeTypeOf('string');
      const before = shape(virtual, original);
      const after = shape(virtual, files[virtual]!);
      expect(after.directives, `${virtual}: directives`).toEqual(before.directives);
      if (after.nodes.length !== before.nodes.length || after.nodes.some((n, i) => n !== before.nodes[i])) differ.push(virtual);
    }
    expect(differ, 'files whose syntax changed').toEqual([]);
    expect(Object.keys(originals).length, 'files compared').toBeGreaterThan(50);
  });

  it('has no comment left but the licence comments TypeScript\'s printer pins', () => {
    const text = withoutComments('/x.d.ts', '/// <reference lib="es2022" />\n/** A doc. */\ndeclare const a: number; // trailing\n/* block */ declare function f(): void;\n');
    expect(text).toBe('/// <reference lib="es2022" />\ndeclare const a: number;\ndeclare function f(): void;\n');
  });
});

describe('type errors that quote the stripped declarations', () => {
  // Misuses of TypeScript's libs (ES2017 to ES2023, DOM, disposables) and of Node's types,
  // appended to a solution: each message quotes the declarations (overloads, parameter types).
  const probes = [
    "export const timer: number = setTimeout(() => {}, 1);",
    "export const buffer = Buffer.from(1);",
    "export const padded = 'abc'.padStart('x');",
    "export const element = document.createElement(5);",
    "export const sorted = [1, 2].toSorted((a: string) => 0);",
    "export function disposes(): void { using held = { [Symbol.dispose]: 1 }; void held; }",
    "export const read = process.memoryUsage().heap;",
  ];

  it('are the CLI\'s, word for word and place for place, with the bundle\'s declarations', () => {
    const slug = 'borrow-tracker';
    const dir = `${REPO}exercises/${slug}`;
    const code = `${readFileSync(`${dir}/solution.ts`, 'utf8')}\n${probes.join('\n')}\n`;
    const labels = { code: `exercises/${slug}/exercise.ts`, test: `exercises/${slug}/exercise.test.ts` };
    const cli = cliTypecheck({ testFile: `${dir}/exercise.test.ts`, codeFile: `${dir}/exercise.ts`, codeLabel: labels.code, codeSource: code });
    const page = createChecker({ ts, files, compilerOptions: gradingCompilerOptions(REPO).json, engine }).typecheck(code, readFileSync(`${dir}/exercise.test.ts`, 'utf8'), labels);
    expect(cli.length, 'one type error per probe at least').toBeGreaterThanOrEqual(probes.length);
    expect(page).toEqual(cli);
  });
});
