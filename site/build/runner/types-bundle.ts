/**
 * `/runner/types.json`: every declaration file the CLI's type-check reads for the
 * exercises (TypeScript's libs, vitest's, fast-check's, Node's), at virtual paths under
 * `/node_modules/`, and the engine's generated declarations, for the page's type-check and
 * Monaco's IntelliSense; plus where each `#engine/<name>` module's declarations are.
 * TypeScript's libs and Node's types, which only the type-check reads, ship without comments.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type * as TS from 'typescript';
import { ts } from './typescript.ts';
import type { ExerciseFiles } from '../../../content/catalog/exercises.ts';
import { ENGINE_PREFIX, engineModules } from '../../../grading/engine-modules.ts';
import type { TypesBundle } from '../../lib/runner/protocol.ts';
import { engineDeclarations } from './engine-declarations.ts';
import { isStripped, withoutComments } from './strip-comments.ts';

/** The virtual path of a declaration file in the types bundle: `/node_modules/...`. */
function virtualPath(file: string): string | undefined {
  const at = file.lastIndexOf('/node_modules/');
  return at >= 0 ? file.slice(at) : undefined;
}

/** The package.json of the package a file belongs to (TypeScript reads its `types` and `exports`). */
function packageJsonOf(file: string): string | undefined {
  const at = file.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const parts = file.slice(at + '/node_modules/'.length).split('/');
  const name = parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  return `${file.slice(0, at)}/node_modules/${name}/package.json`;
}

/** The declarations the page needs, and the engine module -> declaration file map for the manifest. */
export function typesBundle(
  root: string,
  options: TS.CompilerOptions,
  exercises: readonly { files: Pick<ExerciseFiles, 'exercise' | 'solution' | 'test'> }[],
): { bundle: TypesBundle; engine: Record<string, string> } {
  const files: Record<string, string> = {};
  const engine: Record<string, string> = {};
  for (const [name, file] of engineModules) engine[name] = `/${file.replace(/\.ts$/, '.d.ts')}`;
  Object.assign(files, engineDeclarations(root, options));

  // Every declaration file the CLI's type-check reads for the course's exercises.
  const roots = [
    ...exercises.flatMap(({ files: f }) => [f.test, f.solution, f.exercise]),
    ...[...engineModules.values()].map((f) => path.join(root, f)),
  ];
  const host = ts.createCompilerHost(options, true);
  host.resolveModuleNameLiterals = (literals, containingFile) =>
    literals.map((literal) => {
      const name = literal.text;
      if (name.startsWith(ENGINE_PREFIX)) {
        const file = engineModules.get(name.slice(ENGINE_PREFIX.length));
        return { resolvedModule: file ? { resolvedFileName: path.join(root, file), extension: ts.Extension.Ts } : undefined };
      }
      return { resolvedModule: ts.resolveModuleName(name, containingFile, options, host).resolvedModule };
    });
  const program = ts.createProgram(roots, options, host);
  const packages = new Set<string>();
  for (const source of program.getSourceFiles()) {
    const virtual = virtualPath(source.fileName);
    if (!virtual) continue;
    // TypeScript's libs and Node's types without comments: a third of the text to parse cold (strip-comments.ts).
    files[virtual] = isStripped(virtual) ? withoutComments(virtual, source.text) : source.text;
    const pkg = packageJsonOf(source.fileName);
    if (pkg) packages.add(pkg);
  }
  for (const pkg of packages) {
    if (existsSync(pkg)) files[virtualPath(pkg)!] = readFileSync(pkg, 'utf8');
  }
  return { bundle: { files }, engine };
}
