/**
 * The engine's public surface: the modules an exercise (the student's file and its tests)
 * may import as `#engine/<name>`. One list, the `imports` map of package.json, read by
 * Node and TypeScript themselves, by the CLI's bundler and type-check, and by the site.
 */
import pkg from '../package.json' with { type: 'json' };

/** The prefix of an engine import. */
export const ENGINE_PREFIX = '#engine/';

/** Each public engine module: its name (`order-book`) and its file from the repository root (`engine/book/order-book.ts`). */
export const engineModules: ReadonlyMap<string, string> = new Map(
  Object.entries(pkg.imports as Record<string, string>)
    .filter(([specifier]) => specifier.startsWith(ENGINE_PREFIX))
    .map(([specifier, file]) => [specifier.slice(ENGINE_PREFIX.length), file.replace(/^\.\//, '')]),
);

/** The file (from the repository root) behind `#engine/<name>`, or undefined if it is not public. */
export function engineModuleFile(specifier: string): string | undefined {
  return specifier.startsWith(ENGINE_PREFIX) ? engineModules.get(specifier.slice(ENGINE_PREFIX.length)) : undefined;
}
