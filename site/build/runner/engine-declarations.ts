/**
 * The engine's declaration files, generated from engine/ for the page's type-check and
 * Monaco's IntelliSense, keyed by their path from the repository root (`/engine/...d.ts`).
 */
import path from 'node:path';
import type * as TS from 'typescript';
import { ts } from './typescript.ts';
import { listFiles } from './source-files.ts';

/** The engine's declarations, generated from its sources; relative imports point at the `.d.ts` siblings. */
export function engineDeclarations(root: string, options: TS.CompilerOptions): Record<string, string> {
  const engineDir = path.join(root, 'engine');
  const out: Record<string, string> = {};
  const program = ts.createProgram(listFiles(engineDir, '.ts'), {
    ...options,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    outDir: undefined,
    declarationDir: undefined,
    rootDir: root,
  });
  program.emit(undefined, (fileName, text) => {
    if (!fileName.endsWith('.d.ts') || !fileName.startsWith(engineDir)) return;
    const rel = `/${path.relative(root, fileName).split(path.sep).join('/')}`;
    out[rel] = text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\.ts\2/g, '$1$2$3.js$2');
  });
  return out;
}
