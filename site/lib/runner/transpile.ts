/**
 * The run path's transpiler: the student's TypeScript to a CommonJS body for the sealed
 * realm with Sucrase, in milliseconds and without TypeScript's compiler (megabytes to load
 * and compile before a first run could start). Types are only erased here; the full
 * type-check runs beside the tests in its own worker (check.ts) and its errors join the
 * result. The import policy is check.ts's, judged on the same statements
 * (import-scan.ts, import-policy.ts), with the same messages at the same places.
 *
 * When Sucrase cannot read the file, the answer is undefined: the caller asks
 * TypeScript's transpiler, whose syntax errors the page shows (and which reads anything
 * TypeScript reads).
 */
import { transform } from 'sucrase/dist/index.js';
import type { Problem } from '../../../grading/result-schema.ts';
import type { Transpiled } from './check.ts';
import { runtimeImports } from './import-scan.ts';
import { importProblem } from './import-policy.ts';

/**
 * `code` as check.ts's `transpile` gives it: CommonJS (engine imports kept as
 * `require('#engine/<name>')`), the source map's mappings, or the import problems and no
 * code; undefined when Sucrase does not parse it.
 */
export function transpileFast(code: string, codeLabel: string, engine: Record<string, string>): Transpiled | undefined {
  let out: ReturnType<typeof transform>;
  const problems: Problem[] = [];
  try {
    for (const site of runtimeImports(code)) {
      const bad = importProblem(site.specifier, engine, codeLabel);
      if (bad) problems.push({ kind: 'import', message: bad, file: codeLabel, line: site.line, column: site.column });
    }
    if (problems.length > 0) return { js: '', problems };
    out = transform(code, {
      transforms: ['typescript', 'imports'],
      // As the course compiles (target ES2022): class fields, `??` and `?.` stay as written.
      disableESTransforms: true,
      // As check.ts's transpile (esModuleInterop off): `import * as x` is the required module itself.
      enableLegacyTypeScriptModuleInterop: true,
      filePath: 'exercise.ts',
      sourceMapOptions: { compiledFilename: 'exercise.js' },
    });
  } catch {
    return undefined;
  }
  return { js: out.code, problems, ...(out.sourceMap ? { mappings: out.sourceMap.mappings } : {}) };
}
