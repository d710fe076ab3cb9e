/**
 * `/runner/editor/`: Monaco (site/lib/editor/monaco.ts) with its stylesheet and its two
 * workers, bundled here so that the site's own build stays quick; the page loads it only
 * when a student starts editing.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { browserBuild } from './browser-build.ts';
import type { RunnerFiles } from './files.ts';

export async function buildEditor(root: string, base: string, minify: boolean): Promise<RunnerFiles> {
  const monaco = path.join(root, 'node_modules/monaco-editor/esm/vs');
  const out = await build({
    entryPoints: [
      { in: path.join(root, 'site/lib/editor/monaco.ts'), out: 'monaco' },
      { in: path.join(monaco, 'editor/editor.worker.js'), out: 'editor.worker' },
      { in: path.join(monaco, 'language/typescript/ts.worker.js'), out: 'ts.worker' },
    ],
    ...browserBuild(root, minify),
    splitting: true,
    outdir: '/runner/editor',
    chunkNames: 'chunks/[name]-[hash]',
    assetNames: 'assets/[name]-[hash]',
    loader: { '.ttf': 'file' },
    define: { 'import.meta.env.BASE_URL': JSON.stringify(base) },
  });
  const files: RunnerFiles = new Map();
  for (const f of out.outputFiles) files.set(path.posix.join('runner/editor', path.relative('/runner/editor', f.path)), f.contents);
  return files;
}
