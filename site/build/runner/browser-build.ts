/** The esbuild options every piece of the runner shares: one ES module (or a code-split set) for the browser, kept in memory. */
import path from 'node:path';
import type { BuildOptions } from 'esbuild';

/** For a build from `root` (whose node_modules resolve packages), minified or not. */
export function browserBuild(root: string, minify = false): BuildOptions & { write: false } {
  return {
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify,
    write: false,
    logLevel: 'silent',
    nodePaths: [path.join(root, 'node_modules')],
  };
}
