/**
 * The page's import policy for the student's file, worded as the CLI's bundler words it:
 * only the engine (`#engine/<module>`), and only its public modules. One rule for both of
 * the page's transpilers (TypeScript's in check.ts, the fast one in transpile.ts), so both
 * refuse the same imports with the same messages.
 */
const ENGINE_PREFIX = '#engine/';

/** Why `specifier` may not be imported by the file labelled `codeLabel`, or undefined when it may. */
export function importProblem(specifier: string, engine: Record<string, string>, codeLabel: string): string | undefined {
  const base = codeLabel.split('/').at(-1) ?? codeLabel;
  if (specifier.startsWith(ENGINE_PREFIX)) {
    return specifier.slice(ENGINE_PREFIX.length) in engine ? undefined : `"${specifier}" is not part of the engine (see engine/ for the modules there are)`;
  }
  return `${base} may import only from the engine ("#engine/<module>"), not "${specifier}"`;
}
