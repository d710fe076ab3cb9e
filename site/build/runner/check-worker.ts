/** `/runner/check-worker.js`: TypeScript in a worker, for the page's transpiling and type-check (site/lib/runner/check-worker.ts). */
import { build } from 'esbuild';
import path from 'node:path';
import { browserBuild } from './browser-build.ts';

export async function buildCheckWorker(root: string, minify: boolean): Promise<string> {
  const out = await build({
    ...browserBuild(root, minify),
    entryPoints: [path.join(root, 'site/lib/runner/check-worker.ts')],
    // TypeScript reaches for Node's modules only when it runs in Node.
    external: ['fs', 'path', 'os', 'crypto', 'inspector', 'perf_hooks', 'buffer', 'module', 'source-map-support', 'node:*'],
  });
  return out.outputFiles[0]!.text;
}
