/**
 * No import circles inside engine/: where two modules need each other's types, the types
 * live in a file of their own that both import (as ring-jobs.ts, order-book-types.ts and
 * kernels-types.ts do). A circle makes load order matter and keeps a module from being
 * read on its own. Imports are read with TypeScript's own pre-parser, so `import type`,
 * re-exports and imports spread over several lines all count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../..');

/** Every TypeScript file under `dir`, relative to the repository. */
function tsFiles(dir: string): string[] {
  return readdirSync(path.join(REPO, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(REPO, path.join(e.parentPath, e.name)))
    .sort();
}

/** Each file's relative imports that land on another file of the set: the arrows. */
export function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(path.join(REPO, file), 'utf8'), true, true);
      const targets = importedFiles
        .map((i) => i.fileName)
        .filter((s) => s.startsWith('.'))
        .map((s) => path.relative(REPO, path.resolve(REPO, path.dirname(file), s)))
        .filter((t) => known.has(t) && t !== file);
      return [file, [...new Set(targets)]];
    }),
  );
}

/** The circles of a graph: its strongly connected components of more than one file (Tarjan). */
export function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('import circles in engine/', () => {
  it('there are none', () => {
    const found = circles(importGraph(tsFiles('engine'))).map((c) => c.join(' <-> '));
    expect(found, 'files of engine/ that import each other, directly or round a loop: move the shared types into a file both import').toEqual([]);
  });

  it('the finder finds a circle of two, a longer loop, and none in a chain (a rule that never fires checks nothing)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['a', 'c']],
      ['c', ['d']],
      ['d', ['e']],
      ['e', ['c']],
      ['f', ['a']],
    ]);
    expect(circles(graph)).toEqual(expect.arrayContaining([['a', 'b'], ['c', 'd', 'e']]));
    expect(circles(graph)).toHaveLength(2);
    expect(circles(new Map([['x', ['y']], ['y', ['z']], ['z', []]]))).toEqual([]);
  });

  it('reads the engine as it is: type-only imports are arrows too', () => {
    const graph = importGraph(tsFiles('engine'));
    expect(graph.size, 'engine files read').toBeGreaterThan(20);
    // order-book-commands.ts imports its types with `import type` only.
    expect(graph.get(path.join('engine', 'book', 'order-book-commands.ts'))).toContain(path.join('engine', 'book', 'order-book-types.ts'));
    expect(graph.get(path.join('engine', 'book', 'order-book.ts'))).toContain(path.join('engine', 'book', 'order-book-commands.ts'));
  });
});
