/**
 * The runtime imports of a TypeScript file, read from Sucrase's tokens (a real parser, so
 * strings, comments, templates and regular expressions are never taken for imports):
 * the module specifiers the import policy must judge, where they stand. The same
 * statements as check.ts's TypeScript transformer judges: import declarations that are
 * not type-only, `export ... from` that is not `export type`, and `import("...")` calls;
 * not `import x = require()` (the sealed realm's `require` refuses those at run time).
 */
import { parse } from 'sucrase/dist/parser/index.js';
import { TokenType as tt } from 'sucrase/dist/parser/tokenizer/types.js';
import { ContextualKeyword as kw } from 'sucrase/dist/parser/tokenizer/keywords.js';

/** One imported module: its specifier as written, and the 1-based place of its opening quote. */
export interface ImportSite {
  specifier: string;
  line: number;
  column: number;
}

type Token = ReturnType<typeof parse>['tokens'][number];

/** A 1-based line and column from an offset, counting line breaks as TypeScript does (\n, \r\n, \r, U+2028, U+2029). */
function placeOf(code: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (const m of code.matchAll(/\r\n|[\n\r\u2028\u2029]/g)) starts.push(m.index + m[0].length);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/**
 * The runtime imports of `code`, in source order. Throws Sucrase's SyntaxError when the
 * file does not parse (the caller then asks TypeScript, whose messages the page shows).
 */
export function runtimeImports(code: string): ImportSite[] {
  const tokens = parse(code, false, true, false).tokens;
  const place = placeOf(code);
  const sites: ImportSite[] = [];
  const at = (i: number): Token | undefined => tokens[i];
  const is = (i: number, type: number, keyword?: number) => at(i)?.type === type && (keyword === undefined || at(i)!.contextualKeyword === keyword);
  const add = (i: number) => {
    const token = at(i)!;
    // The string token holds the quotes: the specifier is its text between them (no escapes in module names the policy would allow).
    sites.push({ specifier: code.slice(token.start + 1, token.end - 1), ...place(token.start) });
  };
  /** The index of the specifier in `... from "x"` from `i` to the statement's end, if any. */
  const fromClause = (i: number): number | undefined => {
    for (let j = i; j < tokens.length && !is(j, tt.semi); j++) {
      if (is(j, tt.eq)) return undefined; // import x = require("y")
      if (is(j, tt.name, kw._from) && is(j + 1, tt.string)) return j + 1;
    }
    return undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.isType) continue; // `typeof import("x")` and the like: erased
    if (token.type === tt._import) {
      if (is(i + 1, tt.parenL)) {
        if (is(i + 2, tt.string)) add(i + 2); // import("x"); a computed specifier is the sealed require's to refuse
        continue;
      }
      if (is(i + 1, tt.string)) {
        add(i + 1); // import "x"
        continue;
      }
      // `import type X from`, `import type { X } from`: type-only (but `import type from "x"` imports a default named type).
      if (is(i + 1, tt.name, kw._type) && !is(i + 2, tt.comma) && !(is(i + 2, tt.name, kw._from) && is(i + 3, tt.string))) continue;
      // `import { type A, type B } from`: every named import a type, and nothing else, is erased too.
      if (is(i + 1, tt.braceL)) {
        let names = 0;
        let values = 0;
        let j = i + 2;
        for (; j < tokens.length && !is(j, tt.braceR); j++) {
          if (!is(j, tt.name)) continue;
          names++;
          if (!tokens[j]!.isType) values++;
        }
        if (names > 0 && values === 0 && is(j + 1, tt.name, kw._from)) continue;
      }
      const specifier = fromClause(i + 1);
      if (specifier !== undefined) add(specifier);
      continue;
    }
    if (token.type === tt._export) {
      if (is(i + 1, tt.name, kw._type)) continue; // export type { X } from "x", export type * from "x"
      let j = i + 1;
      if (is(j, tt.braceL)) while (j < tokens.length && !is(j, tt.braceR)) j++; // export { a, b as c } from "x"
      else if (is(j, tt.star) && (is(j + 1, tt._as) || is(j + 1, tt.name, kw._as))) j += 2; // export * as ns from "x" (Sucrase reads this `as` as a keyword)
      else if (!is(j, tt.star)) continue; // export * from "x"; anything else exports a declaration
      if (is(j + 1, tt.name, kw._from) && is(j + 2, tt.string)) add(j + 2);
    }
  }
  return sites;
}
