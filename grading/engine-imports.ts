/**
 * Which names of which engine modules a file imports as values, read from its import
 * declarations. The engine holds reference implementations of what the exercises ask for,
 * so a student's file may import only what its starting file imports, name by name (a
 * ring's layout constants, not the ring). Read from TypeScript source; browser-safe.
 */
import { EXERCISE_FILES } from './exercise-format.ts';

/** Engine specifier -> the names imported from it as values. */
export type EngineImports = Map<string, Set<string>>;

const IMPORT = /^\s*import\s+(?!type\s)([^'";]*?)\s+from\s+['"](#engine\/[a-z0-9-]+)['"]/gm;

/** The value imports of `source` from the engine (`import type` and `type X` specifiers left out; `* as ns` is "*"). */
export function engineValueImports(source: string): EngineImports {
  const found: EngineImports = new Map();
  for (const m of source.matchAll(IMPORT)) {
    const clause = m[1]!;
    const names = found.get(m[2]!) ?? new Set<string>();
    if (/\*\s+as\s+/.test(clause)) names.add('*');
    const braces = /\{([^}]*)\}/.exec(clause)?.[1];
    for (const part of braces?.split(',') ?? []) {
      const spec = part.trim();
      if (!spec || spec.startsWith('type ')) continue;
      names.add(spec.split(/\s+as\s+/)[0]!.trim());
    }
    const head = clause.replace(/\{[^}]*\}/, '').replace(/\*\s+as\s+\w+/, '').replace(/,/g, '').trim();
    if (head) names.add('default');
    if (names.size) found.set(m[2]!, names);
  }
  return found;
}

/** What `student` imports from the engine beyond `allowed` (the starting file's), as messages; empty when within. */
export function importsBeyond(student: EngineImports, allowed: EngineImports, file: string = EXERCISE_FILES.exercise): string[] {
  const problems: string[] = [];
  for (const [specifier, names] of student) {
    const may = allowed.get(specifier);
    for (const name of names) {
      if (may?.has(name)) continue;
      const list = may && may.size ? `only ${[...may].join(', ')} from "${specifier}"` : `nothing from "${specifier}"`;
      problems.push(`${file} may import ${list} (what the starting file imports), not ${name === '*' ? 'the whole module' : name}: the exercise is to write that part yourself`);
    }
  }
  return problems;
}

/** The allowance as plain data (for a worker message or a generated module): specifier -> names. */
export function allowanceRecord(allowed: EngineImports): Record<string, string[]> {
  return Object.fromEntries([...allowed].map(([s, names]) => [s, [...names]]));
}
