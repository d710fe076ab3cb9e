/**
 * Compiles a student's file for the sealed realm: TypeScript to a CommonJS function body
 * (evaluated in a Compartment by `grading/seal.ts`), the names it exports (so the tests'
 * `import { ... } from './exercise'` links as before), the engine modules it imports,
 * and a source map back to the TypeScript lines. esbuild reads only the text we give it
 * (never the student's path), and refuses every import but the engine's.
 */
import { build, type Message, type Plugin } from 'esbuild';
import { ENGINE_PREFIX, engineModules } from '../../grading/engine-modules.ts';
import type { Problem } from '../../grading/result-schema.ts';
import { decodeMappings, type LineMap } from '../../grading/source-map.ts';
import { reexportLines } from '../../grading/reexport.ts';

/** The compiled student module. */
export interface StudentBuild {
  /** CommonJS body: uses `require('#engine/<name>')`, `exports`, `module`. */
  code: string;
  /** Value exports, by name (`default` included when there is one). */
  exports: string[];
  /** The `#engine/<name>` specifiers it requires. */
  engineImports: string[];
  /** Generated line/column back to the TypeScript's. */
  map: LineMap;
}

export type StudentBuildResult = { ok: true; build: StudentBuild } | { ok: false; problems: Problem[] };

const PUBLIC = [...engineModules.keys()].map((n) => `${ENGINE_PREFIX}${n}`).join(', ');

/** What a student's file may import: the engine modules its starting file imports as values (undefined: any public one). */
export type EngineAllowance = ReadonlySet<string> | undefined;

function onlyEngine(label: string, used: Set<string>, allowed: EngineAllowance): Plugin {
  return {
    name: 'ticklab-import-policy',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (args.path.startsWith(ENGINE_PREFIX)) {
          if (!engineModules.has(args.path.slice(ENGINE_PREFIX.length))) {
            return { errors: [{ text: `"${args.path}" is not a public engine module; exercises may import ${PUBLIC}` }] };
          }
          // The engine holds reference implementations of what exercises ask for: a student's file
          // may use what its starting file uses, not import the answer.
          if (allowed && !allowed.has(args.path)) {
            const name = label.split('/').pop();
            const may = allowed.size ? `only ${[...allowed].map((s) => `"${s}"`).join(', ')} (what the starting file imports)` : 'nothing from the engine (the starting file imports nothing)';
            return { errors: [{ text: `${name} may import ${may}, not "${args.path}": the exercise is to write that part yourself` }] };
          }
          used.add(args.path);
          return { path: args.path, external: true };
        }
        const name = label.split('/').pop();
        return { errors: [{ text: `${name} may import only from the engine ("#engine/<module>"), not "${args.path}"` }] };
      });
    },
  };
}

function toProblem(message: Message, label: string): Problem {
  const loc = message.location;
  const fromPolicy = message.pluginName === 'ticklab-import-policy' || /Could not resolve/.test(message.text);
  return { kind: fromPolicy ? 'import' : 'syntax', message: message.text, ...(loc ? { file: label, line: loc.line, column: loc.column + 1 } : {}) };
}

/**
 * Builds `source` (the student's file, already read and size-checked) as `sourcefile`
 * (the name stack traces show, e.g. `exercise.ts`); `label` names it in problems.
 */
export async function buildStudent(source: string, sourcefile: string, label: string, resolveDir: string, allowed?: EngineAllowance): Promise<StudentBuildResult> {
  const used = new Set<string>();
  const common = {
    stdin: { contents: source, sourcefile, loader: 'ts' as const, resolveDir },
    bundle: true,
    write: false,
    platform: 'neutral' as const,
    target: 'es2022',
    logLevel: 'silent' as const,
    outdir: '/ticklab-student',
    plugins: [onlyEngine(label, used, allowed)],
  };
  try {
    const [cjs, esm] = await Promise.all([
      build({ ...common, format: 'cjs', sourcemap: 'external', sourcesContent: false }),
      build({ ...common, format: 'esm', metafile: true }),
    ]);
    const code = (cjs.outputFiles ?? []).find((f) => f.path.endsWith('.js'))?.text ?? '';
    const mapText = (cjs.outputFiles ?? []).find((f) => f.path.endsWith('.map'))?.text;
    const exports = Object.values(esm.metafile.outputs).flatMap((o) => o.exports);
    const map = mapText ? decodeMappings((JSON.parse(mapText) as { mappings: string }).mappings) : [];
    // esbuild ends the body with a source-map comment: ours is applied on the trusted side.
    return { ok: true, build: { code: code.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n'), exports, engineImports: [...used], map } };
  } catch (error) {
    const failure = error as { errors?: Message[] };
    if (!failure.errors) throw error;
    return { ok: false, problems: failure.errors.map((m) => toProblem(m, label)) };
  }
}

/**
 * The trusted module the tests import as `./exercise`: it evaluates the compiled student
 * code in the sealed realm and re-exports its names. `sealModule` and `engineModule` give
 * the import paths of `grading/seal.ts` and of each engine module.
 */
export function studentShim(student: StudentBuild, sealModule: string, engineModule: (specifier: string) => string, sourcefile: string, allowedNames?: Record<string, string[]>): string {
  const lines = [`import { evaluateStudentModule, defaultEndowments } from ${JSON.stringify(sealModule)};`];
  const imports = student.engineImports.map((specifier, i) => {
    lines.push(`import * as __engine${i} from ${JSON.stringify(engineModule(specifier))};`);
    return `${JSON.stringify(specifier)}: __engine${i}`;
  });
  const say = (level: string) => `${level}: (...args) => console.${level}(...args)`;
  lines.push(
    `const __console = { ${['log', 'info', 'warn', 'error', 'debug'].map(say).join(', ')} };`,
    `const __ns = evaluateStudentModule(${JSON.stringify(student.code)}, { ${imports.join(', ')} }, defaultEndowments(__console), ${JSON.stringify(sourcefile)}, ${allowedNames ? JSON.stringify(allowedNames) : 'undefined'});`,
  );
  lines.push(...reexportLines(student.exports, '__ns'));
  return lines.join('\n');
}
