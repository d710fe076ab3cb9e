/** `/runner/check-worker.js`: TypeScript in a worker, for the page's transpiling and type-check (site/lib/runner/check-worker.ts). */
import { build } from 'esbuild';
import path from 'node:path';

export async function buildCheckWorker(root: string, minify: boolean): Promise<string> {
  const out = await build({
    entryPoints: [path.join(root, 'site/lib/runner/check-worker.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify,
    write: false,
    logLevel: 'silent',
    nodePaths: [path.join(root, 'node_modules')],
    // TypeScript reaches for Node's modules only when it runs in Node.
    external: ['fs', 'path', 'os', 'crypto', 'inspector', 'perf_hooks', 'buffer', 'module', 'source-map-support', 'node:*'],
  });
  return out.outputFiles[0]!.text;
}
