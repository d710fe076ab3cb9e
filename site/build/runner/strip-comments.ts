/**
 * Declaration files without their comments, for the page's type-check only. TypeScript's
 * libs and Node's types are two thirds comments (lib.dom carries MDN's documentation,
 * @types/node Node's), and a cold type-check reads every character of them in a worker
 * whose compiler is not yet optimised by the JavaScript engine: without comments the
 * declarations the check parses shrink from 4.7 MB to 1.6 MB.
 *
 * TypeScript's printer prints the file from its syntax tree, so the declarations are the
 * ones parsed; it keeps the leading directives (`/// <reference lib|path|types>`,
 * `no-default-lib`), which say which files and libs a file needs, and pinned `/*!`
 * licence comments. test/site/runner-declarations.test.ts proves, for every file the
 * bundle strips, that the printed text parses to the same tree and directives.
 *
 * Only files Monaco does not read are stripped (site/lib/editor/monaco.ts loads neither
 * TypeScript's libs, which it has, nor Node's types): the hover documentation of vitest's
 * and fast-check's declarations stays.
 */
import type * as TS from 'typescript';
import { ts } from './typescript.ts';

/** Virtual paths (types-bundle.ts) of the declaration files the bundle ships without comments. */
export const STRIPPED_PREFIXES = ['/node_modules/typescript/lib/', '/node_modules/@types/node/'] as const;

export const isStripped = (virtualPath: string): boolean => virtualPath.endsWith('.d.ts') && STRIPPED_PREFIXES.some((p) => virtualPath.startsWith(p));

const printer: TS.Printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

/** `text` (a declaration file) printed without comments, its leading directives kept. */
export function withoutComments(fileName: string, text: string): string {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return printer.printFile(source);
}
