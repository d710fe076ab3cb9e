/**
 * Hardens an engine file's classes and functions where they are declared, when the file
 * is bundled for grading. Hardening a module's exports is not enough: the engine returns
 * objects whose classes it never exports (a price level, a ring's view), and a student
 * who is handed one could patch its prototype, and with it what the tests compare
 * against. Appending `harden(...)` for every top-level class and function freezes those
 * prototypes too. Browser-safe (a source-to-source step used by both bundlers).
 *
 * `globalThis.harden` exists only in a sealed realm (after `sealRealm`), so the same
 * bundle also runs unchanged where nothing is sealed (a lab, a benchmark).
 */

const DECLARATION = /^(?:export\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(class|function\*?)\s+([A-Za-z_$][\w$]*)/gm;

/** The names of `source`'s top-level class and function declarations. */
export function declaredNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(DECLARATION)) names.add(m[2]!);
  return [...names];
}

/** `source` with a statement at its end that hardens each top-level class and function. */
export function hardenDeclarations(source: string): string {
  const names = declaredNames(source);
  if (names.length === 0) return source;
  return `${source}\n;(globalThis as { harden?: (x: unknown) => unknown }).harden?.([${names.join(', ')}]);\n`;
}
