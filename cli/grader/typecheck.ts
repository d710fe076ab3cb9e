/**
 * Type-checks a student's file together with the exercise's tests, as `tsc` would with
 * the course's settings. A TypeScript type error is this course's "does not compile":
 * the grade is an error even if the tests would run. Runs in a worker thread of the grader
 * (typecheck-pool.ts: bounded heap, time limit), with parsed library files cached across
 * calls so that a watch session or a class re-checks in a fraction of the first time.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TS from 'typescript';
import type { Problem } from '../../grading/result-schema.ts';
import { engineFile } from './bundle.ts';
import { PACKAGE_ROOT } from '../paths.ts';

// `require`, not `import`: Node's ESM loader first scans all 9 MB of TypeScript's
// CommonJS source for export names, which adds about 250 ms to every cold grade.
const ts: typeof TS = createRequire(import.meta.url)('typescript');

export interface TypecheckRequest {
  testFile: string;
  codeFile: string;
  codeLabel: string;
  /** The code file's text as read (and checked) by the grader: the file itself is not read again. */
  codeSource?: string;
}

/**
 * The course's own compiler options (tsconfig.json: one home), with what grading changes:
 * only Node's types (the site's are not needed), from this checkout, because the course
 * may live outside it (TICKLAB_ROOT, a class folder).
 */
function courseOptions(): TS.CompilerOptions {
  const configFile = path.join(PACKAGE_ROOT, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(configFile, ts.sys.readFile);
  if (error) throw new Error(`cannot read ${configFile}: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, PACKAGE_ROOT, undefined, configFile);
  return { ...parsed.options, noEmit: true, types: ['node'], typeRoots: [path.join(PACKAGE_ROOT, 'node_modules', '@types')] };
}

const options = courseOptions();

/** Bare imports (vitest, fast-check) resolve from this checkout when the file's own folder has no node_modules. */
const FALLBACK_IMPORTER = path.join(PACKAGE_ROOT, 'cli', 'index.ts');

/** Parsed source files, by path and modification time: libs and the engine rarely change. */
const cache = new Map<string, { mtimeMs: number; file: TS.SourceFile }>();
let previous: TS.Program | undefined;

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

function createHost(req: TypecheckRequest): TS.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  // As tsc itself parses: JSDoc only where it can change a type error (a tenth less parse time cold).
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (req.codeSource !== undefined && path.resolve(fileName) === path.resolve(req.codeFile)) {
      return ts.createSourceFile(fileName, req.codeSource, languageVersion, true);
    }
    const stamp = mtime(fileName);
    const hit = cache.get(fileName);
    if (hit && hit.mtimeMs === stamp) return hit.file;
    const file = read(fileName, languageVersion, onError, shouldCreate);
    if (file) cache.set(fileName, { mtimeMs: stamp, file });
    return file;
  };
  host.resolveModuleNameLiterals = (literals, containingFile) =>
    literals.map((literal) => {
      const name = literal.text;
      if (containingFile === req.testFile && /^\.\/exercise(\.ts)?$/.test(name)) {
        return { resolvedModule: { resolvedFileName: req.codeFile, extension: ts.Extension.Ts } };
      }
      if (name.startsWith('#engine/')) {
        const file = engineFile(name);
        return { resolvedModule: file ? { resolvedFileName: file, extension: ts.Extension.Ts } : undefined };
      }
      const own = ts.resolveModuleName(name, containingFile, options, host).resolvedModule;
      if (own || name.startsWith('.')) return { resolvedModule: own };
      return { resolvedModule: ts.resolveModuleName(name, FALLBACK_IMPORTER, options, host).resolvedModule };
    });
  return host;
}

function label(file: string, req: TypecheckRequest): string {
  if (path.resolve(file) === path.resolve(req.codeFile)) return req.codeLabel;
  return path.relative(process.cwd(), file);
}

/** A check's findings, and every file its program read (for typecheck-cache.ts). */
export interface TypecheckOutcome {
  problems: Problem[];
  files: string[];
}

/** Type errors in the code under test and in the tests that use it (engine and libraries are trusted). */
export function typecheck(req: TypecheckRequest): Problem[] {
  return typecheckWithInputs(req).problems;
}

export function typecheckWithInputs(req: TypecheckRequest): TypecheckOutcome {
  const program = ts.createProgram({ rootNames: [req.testFile, req.codeFile], options, host: createHost(req), oldProgram: previous });
  previous = program;
  const problems: Problem[] = [];
  for (const file of [req.codeFile, req.testFile]) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    for (const d of diagnostics) {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
      problems.push({
        kind: 'type',
        message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
        file: label(file, req),
        ...(where ? { line: where.line + 1, column: where.character + 1 } : {}),
      });
    }
  }
  return { problems, files: program.getSourceFiles().map((f) => f.fileName) };
}
