/**
 * What `ticklab report` reads: grade reports (`ticklab grade --json`, one per shard or one
 * for the class) and students' exported progress files (for quizzes), given as files or
 * folders (searched recursively for *.json). Reports are merged; the same (student,
 * exercise) in two reports is an error naming both files, since a merge must not guess.
 *
 * Reports are read leniently where the grader may grow (a problem `kind` this version does
 * not know is kept as it is), strictly everywhere else, with errors naming file and field.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { exerciseResultSchema, problemSchema, RESULTS_SCHEMA_VERSION } from '../../grading/result-schema.ts';
import type { ResultLike } from './result-like.ts';
import { PROGRESS_FORMAT } from '../../content/schemas/progress.ts';
import { parseProgressFile, type QuizAnswerFile } from '../../content/schemas/progress.ts';
import { UsageError } from '../errors.ts';

/** A problem whose kind may be one a newer grader added. */
const lenientProblem = problemSchema.extend({ kind: z.string().min(1) });
const lenientResult = exerciseResultSchema.extend({ problems: z.array(lenientProblem) });
const reportHead = z.object({ schemaVersion: z.literal(RESULTS_SCHEMA_VERSION), tool: z.literal('ticklab'), results: z.array(z.unknown()) }).passthrough();

/** A result as read: the results schema's, except that a problem's kind is any string. */
export type LoadedResult = ResultLike;

/** One student's quiz answers, from their progress file (the student is the file's name). */
export interface QuizAnswers {
  student: string;
  file: string;
  quizzes: Record<string, Record<string, QuizAnswerFile>>;
}

export interface LoadedClass {
  results: LoadedResult[];
  answers: QuizAnswers[];
  /** Files read, relative to the working directory. */
  reports: string[];
  warnings: string[];
}

function jsonFiles(input: string): string[] {
  if (!existsSync(input)) throw new UsageError(`no such file or folder "${input}"`);
  if (!statSync(input).isDirectory()) return [input];
  return readdirSync(input, { withFileTypes: true })
    .filter((d) => !d.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((d) => (d.isDirectory() ? jsonFiles(path.join(input, d.name)) : d.name.endsWith('.json') ? [path.join(input, d.name)] : []));
}

const fieldOf = (p: (string | number)[]) => p.map((x) => (typeof x === 'number' ? `[${x}]` : `.${x}`)).join('').replace(/^\./, '');

function zodMessage(file: string, error: z.ZodError, prefix: (string | number)[] = []): string {
  const first = error.issues[0]!;
  const field = fieldOf([...prefix, ...first.path]);
  return `${file}${field ? ` (${field})` : ''}: ${first.message}${error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : ''}`;
}

/** The results of one grade report's text; throws a UsageError naming the file and field. */
export function parseReport(file: string, data: unknown): LoadedResult[] {
  const head = reportHead.safeParse(data);
  if (!head.success) {
    const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (version !== undefined && version !== RESULTS_SCHEMA_VERSION) throw new UsageError(`${file}: results format version ${String(version)}; this ticklab reads version ${RESULTS_SCHEMA_VERSION}`);
    throw new UsageError(zodMessage(file, head.error));
  }
  return head.data.results.map((r, i) => {
    const parsed = lenientResult.safeParse(r);
    if (!parsed.success) throw new UsageError(zodMessage(file, parsed.error, ['results', i]));
    return parsed.data;
  });
}

const key = (r: { student?: string | undefined; exercise: string }) => `${r.student ?? ''}\u0000${r.exercise}`;

/** Reads and merges everything in `inputs`. */
export function loadClass(inputs: readonly string[]): LoadedClass {
  if (inputs.length === 0) throw new UsageError('ticklab report needs a grade report (ticklab grade --json) or a folder of them');
  const out: LoadedClass = { results: [], answers: [], reports: [], warnings: [] };
  const from = new Map<string, string>();
  for (const input of inputs) {
    const explicit = !statSync(input, { throwIfNoEntry: false })?.isDirectory();
    for (const file of jsonFiles(input)) {
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`);
      }
      const head = data as { format?: unknown; tool?: unknown } | null;
      if (head?.format === PROGRESS_FORMAT) {
        const progress = parseProgressFile(data);
        for (const skipped of progress.skipped) out.warnings.push(`${file}: skipped ${skipped}`);
        out.answers.push({ student: path.basename(file).replace(/(\.progress)?\.json$/, ''), file, quizzes: progress.quizzes });
        continue;
      }
      if (head?.tool !== 'ticklab') {
        // A folder may hold other JSON (a Gradescope results.json, say): skip it, but say so.
        if (explicit) throw new UsageError(`${file}: neither a grade report (ticklab grade --json) nor a progress file (ticklab progress export)`);
        out.warnings.push(`${file}: skipped (neither a grade report nor a progress file)`);
        continue;
      }
      out.reports.push(file);
      for (const r of parseReport(file, data)) {
        const k = key(r);
        const earlier = from.get(k);
        if (earlier) throw new UsageError(`${r.student ? `${r.student}/` : ''}${r.exercise} is graded in both ${earlier} and ${file}: merge shards of one run, not two runs`);
        from.set(k, file);
        out.results.push(r);
      }
    }
  }
  if (out.reports.length === 0) throw new UsageError(`no grade report in ${inputs.join(', ')} (make one with ticklab grade --submissions DIR --json > report.json)`);
  return out;
}
