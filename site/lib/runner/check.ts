/**
 * The page's compiler: turns the student's TypeScript into a JavaScript module for the
 * grading worker, and type-checks it with the exercise's tests as the CLI does
 * (same compiler options, same declarations: the engine's, generated at build time,
 * vitest's, fast-check's, Node's). Runs in the type-check worker; it is plain code over
 * an in-memory file system, so Node's tests run it too.
 *
 * The student's file may import only the engine (`#engine/<module>`), as in the CLI; its
 * engine imports become URLs of the engine modules built at build time, the very URLs the
 * compiled tests import, so both share one instance of each engine module.
 */
import type * as TS from 'typescript';
import type { Problem } from '../../../grading/result-schema.ts';
import { importProblem } from './import-policy.ts';

export { importProblem };

/** Where the type-check puts the two files it checks, in its in-memory file system. */
export const CODE_PATH = '/exercise/exercise.ts';
export const TEST_PATH = '/exercise/exercise.test.ts';
const LIB_DIR = '/node_modules/typescript/lib';
const ENGINE_PREFIX = '#engine/';

export interface CheckerSetup {
  ts: typeof TS;
  /** Declaration files by absolute virtual path (`/node_modules/vitest/dist/index.d.ts`, `/engine/book/order-book.d.ts`). */
  files: Record<string, string>;
  /** The CLI's compiler options in tsconfig's JSON spelling. */
  compilerOptions: Record<string, unknown>;
  /** `#engine/<name>` -> its declaration file's virtual path. */
  engine: Record<string, string>;
}

export interface Transpiled {
  js: string;
  problems: Problem[];
  /** The source map's `mappings` from `js` back to the TypeScript (to report the student's lines). */
  mappings?: string;
}

export interface Checker {
  /** The student's code as a CommonJS body for the sealed realm (its engine imports kept as `require('#engine/<name>')`); syntax and import problems, if any. */
  transpile(code: string, codeLabel: string): Transpiled;
  /** Type errors in the student's code and in the tests that use it, as `ticklab grade` reports them. */
  typecheck(code: string, testSource: string, labels: { code: string; test: string }): Problem[];
  /** Milliseconds spent parsing declaration files so far (they are parsed once). */
  parseMs(): number;
}

function lineAndColumn(ts: typeof TS, file: TS.SourceFile, pos: number): { line: number; column: number } {
  const at = ts.getLineAndCharacterOfPosition(file, pos);
  return { line: at.line + 1, column: at.character + 1 };
}

/**
 * How a declaration file is parsed: without JSDoc except where it can change a type error
 * (tsc's own `ParseForTypeErrors`: only comments with `@see`/`@link` in TypeScript files)
 * and without parent links (the binder sets them): about half the parse time of the
 * declarations, which is most of a cold type-check. The two checked files are parsed as
 * the CLI parses them.
 */
function declarationParsing(ts: typeof TS, languageVersion: TS.ScriptTarget | TS.CreateSourceFileOptions): TS.CreateSourceFileOptions {
  const options = typeof languageVersion === 'object' ? languageVersion : { languageVersion };
  return { ...options, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors };
}

export function createChecker(setup: CheckerSetup): Checker {
  const { ts, files, engine } = setup;
  const converted = ts.convertCompilerOptionsFromJson(setup.compilerOptions, '/');
  const options: TS.CompilerOptions = { ...converted.options, noEmit: true };

  const directories = new Set<string>(['/']);
  for (const file of Object.keys(files)) {
    for (let dir = file.slice(0, file.lastIndexOf('/')); dir.length > 0; dir = dir.slice(0, dir.lastIndexOf('/'))) directories.add(dir);
  }
  directories.add('/exercise');

  /** Parsed declaration files, kept across runs: only the two checked files change. */
  const parsed = new Map<string, TS.SourceFile>();
  let parseMs = 0;
  let previous: TS.Program | undefined;
  /** The tests' type errors at the last check, and the declarations of the student's file they were checked against. */
  let testProblems: { key: string; problems: Problem[] } | undefined;
  // Declarations are emitted (in memory) only to tell whether the student's file changed shape.
  const checkOptions: TS.CompilerOptions = { ...options, noEmit: false, declaration: true, emitDeclarationOnly: true };

  function transpile(code: string, codeLabel: string): Transpiled {
    const problems: Problem[] = [];
    const source = ts.createSourceFile(CODE_PATH, code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    // The imports: only the engine, as the CLI's bundler enforces.
    const checkImport = (specifier: TS.Expression): TS.Expression => {
      if (!ts.isStringLiteral(specifier)) return specifier;
      const name = specifier.text;
      const bad = importProblem(name, engine, codeLabel);
      if (bad) {
        const original = ts.getOriginalNode(specifier);
        const at = original.pos >= 0 ? lineAndColumn(ts, source, original.getStart(source)) : {};
        problems.push({ kind: 'import', message: bad, file: codeLabel, ...at });
        return specifier;
      }
      // Kept as written: the sealed realm's `require` maps `#engine/<name>` to the engine
      // module the tests share (grading/seal.ts).
      return specifier;
    };
    // Checked before the CommonJS transform, on the imports as written (the course compiles
    // with verbatimModuleSyntax: an import is a runtime import unless it says `type`).
    const typeOnly = (clause: TS.ImportClause | undefined) =>
      !!clause && (clause.isTypeOnly || (!clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
    const policy: TS.TransformerFactory<TS.SourceFile> = (context) => {
      const visit = (node: TS.Node): TS.Node => {
        if (ts.isImportDeclaration(node) && !typeOnly(node.importClause)) checkImport(node.moduleSpecifier);
        else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) checkImport(node.moduleSpecifier);
        else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0]) checkImport(node.arguments[0]);
        return ts.visitEachChild(node, visit, context);
      };
      return (file) => ts.visitNode(file, visit) as TS.SourceFile;
    };
    const out = ts.transpileModule(code, {
      fileName: CODE_PATH,
      reportDiagnostics: true,
      // CommonJS: the grading worker evaluates it as a function in a Compartment, not as a module.
      compilerOptions: { ...options, noEmit: false, declaration: false, sourceMap: true, inlineSourceMap: false, module: ts.ModuleKind.CommonJS, verbatimModuleSyntax: false, esModuleInterop: false },
      transformers: { before: [policy] },
    });
    // Syntax errors first: what esbuild refuses to bundle in the CLI.
    const syntax: Problem[] = [];
    for (const d of out.diagnostics ?? []) {
      if (d.category !== ts.DiagnosticCategory.Error || d.start === undefined) continue;
      syntax.push({ kind: 'syntax', message: ts.flattenDiagnosticMessageText(d.messageText, '\n'), file: codeLabel, ...lineAndColumn(ts, source, d.start) });
    }
    if (syntax.length > 0) return { js: '', problems: syntax };
    if (problems.length > 0) return { js: '', problems };
    // Stack traces name the file as in the CLI ("at ... exercise.ts:12:5"); the map turns
    // their lines into the TypeScript's.
    const js = out.outputText.replace(/\n?\/\/# sourceMappingURL=\S*\s*$/, '');
    const mappings = out.sourceMapText ? (JSON.parse(out.sourceMapText) as { mappings: string }).mappings : undefined;
    return { js, problems, ...(mappings ? { mappings } : {}) };
  }

  function typecheck(code: string, testSource: string, labels: { code: string; test: string }): Problem[] {
    const own: Record<string, string> = { [CODE_PATH]: code, [TEST_PATH]: testSource };
    const read = (path: string): string | undefined => own[path] ?? files[path];
    const host: TS.CompilerHost = {
      getSourceFile(path, languageVersion) {
        if (path in own) return ts.createSourceFile(path, own[path]!, languageVersion, true);
        const hit = parsed.get(path);
        if (hit) return hit;
        const text = files[path];
        if (text === undefined) return undefined;
        const started = performance.now();
        const file = ts.createSourceFile(path, text, declarationParsing(ts, languageVersion), false);
        parseMs += performance.now() - started;
        parsed.set(path, file);
        return file;
      },
      getDefaultLibFileName: (o) => `${LIB_DIR}/${ts.getDefaultLibFileName(o)}`,
      getDefaultLibLocation: () => LIB_DIR,
      writeFile: () => undefined,
      getCurrentDirectory: () => '/',
      getCanonicalFileName: (f) => f,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
      fileExists: (path) => read(path) !== undefined,
      readFile: read,
      directoryExists: (dir) => directories.has(dir.replace(/\/$/, '') || '/'),
      getDirectories: (dir) => [...directories].filter((d) => d.startsWith(`${dir.replace(/\/$/, '')}/`) && !d.slice(dir.length + 1).includes('/')).map((d) => d.slice(d.lastIndexOf('/') + 1)),
      realpath: (p) => p,
    };
    host.resolveModuleNameLiterals = (literals, containingFile) =>
      literals.map((literal) => {
        const name = literal.text;
        if (containingFile === TEST_PATH && /^\.\/exercise(\.ts)?$/.test(name)) {
          return { resolvedModule: { resolvedFileName: CODE_PATH, extension: ts.Extension.Ts } };
        }
        if (name.startsWith(ENGINE_PREFIX)) {
          const file = engine[name.slice(ENGINE_PREFIX.length)];
          return { resolvedModule: file ? { resolvedFileName: file, extension: ts.Extension.Dts } : undefined };
        }
        return { resolvedModule: ts.resolveModuleName(name, containingFile, options, host).resolvedModule };
      });
    const program = ts.createProgram({ rootNames: [TEST_PATH, CODE_PATH], options: checkOptions, host, ...(previous ? { oldProgram: previous } : {}) });
    previous = program;
    const diagnose = (source: TS.SourceFile, label: string): Problem[] =>
      [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => ({
        kind: 'type',
        message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
        file: label,
        ...(d.file && d.start !== undefined ? lineAndColumn(ts, d.file, d.start) : {}),
      }));
    const codeSource = program.getSourceFile(CODE_PATH);
    const testFile = program.getSourceFile(TEST_PATH);
    const problems = codeSource ? diagnose(codeSource, labels.code) : [];
    if (!testFile) return problems;
    // The tests see the student's file only through its declarations: when they are what
    // they were last time (a change inside a function body), so are the tests' errors.
    let declarations: string | undefined;
    if (codeSource && program.getDeclarationDiagnostics(codeSource).length === 0) {
      program.emit(codeSource, (_name, text) => (declarations = text), undefined, true);
    }
    const key = declarations === undefined ? undefined : `${labels.test}\0${testSource}\0${declarations}`;
    if (key !== undefined && testProblems?.key === key) return [...problems, ...testProblems.problems];
    const fromTests = diagnose(testFile, labels.test);
    testProblems = key === undefined ? undefined : { key, problems: fromTests };
    problems.push(...fromTests);
    return problems;
  }

  return { transpile, typecheck, parseMs: () => parseMs };
}
