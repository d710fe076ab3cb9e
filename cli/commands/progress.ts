/**
 * `ticklab progress export [FILE]` and `ticklab progress import FILE [--yes]`: a student's
 * progress and code as one file, the format the course site's "Export progress" and
 * "Import progress" use too (content/schemas/progress.ts), so a student moves between the
 * terminal and the browser, or to another machine.
 *
 * - export: every exercise the student has touched (code that differs from the committed
 *   starting file, a grade, a hint) with its code from `exercises/<slug>/exercise.ts`, its
 *   last grade and hints from `.ticklab/progress.json`, and every quiz answer (the CLI
 *   keeps only whether it was right). To FILE, or to standard output without one.
 * - import: says what it would change, asks (`--yes` does not), backs up every file it
 *   overwrites into `.ticklab/backups/`, then writes the exercises' code and the progress.
 *   A file of another format or version is refused; a bad or unknown entry is skipped and named.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pc from 'picocolors';
import { parseProgressFile, progressFileSchema, PROGRESS_FORMAT, PROGRESS_VERSION, type ProgressFile } from '../../content/schemas/progress.ts';
import { exerciseLabel, loadCatalog, type Catalog } from '../catalog.ts';
import { UsageError } from '../errors.ts';
import { stateDir } from '../paths.ts';
import { loadProgress, progressFile, saveProgress, type Progress } from '../progress.ts';
import { confirm } from '../confirm.ts';
import { startingFile } from '../starting-file.ts';

type Exported = NonNullable<ProgressFile['exercises']>[string];

/** The committed starting file, or undefined outside a git checkout. */
function starter(root: string, slug: string): string | undefined {
  try {
    return startingFile(root, slug);
  } catch {
    return undefined;
  }
}

/** The progress file for this course: what `export` writes. */
export function collectProgress(catalog: Catalog, progress: Progress, now = new Date()): ProgressFile {
  const exercises: Record<string, Exported> = {};
  for (const { slug, files } of catalog.exercises) {
    const code = existsSync(files.exercise) ? readFileSync(files.exercise, 'utf8') : undefined;
    const edited = code !== undefined && code !== starter(catalog.root, slug);
    const passed = progress.passed[slug];
    const failed = progress.failed[slug];
    const hintsShown = progress.hintsShown[slug] ?? 0;
    if (!edited && !passed && !failed && hintsShown === 0) continue;
    const entry: Exported = { hintsShown, runs: 0 };
    if (code !== undefined) {
      entry.code = code;
      entry.savedAt = Math.round(statSync(files.exercise).mtimeMs);
    }
    if (passed) entry.status = 'pass';
    else if (failed) entry.status = 'fail';
    exercises[slug] = entry;
  }
  const quizzes: NonNullable<ProgressFile['quizzes']> = {};
  for (const [quiz, answers] of Object.entries(progress.quizzes)) {
    const entries = Object.entries(answers);
    if (entries.length) quizzes[quiz] = Object.fromEntries(entries.map(([question, right]) => [question, { right }]));
  }
  return { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exportedAt: now.toISOString(), exercises, quizzes };
}

export async function progressExportCommand(file: string | undefined): Promise<number> {
  const catalog = loadCatalog();
  const data = collectProgress(catalog, loadProgress(catalog.root));
  progressFileSchema.parse(data); // what we write, we can read
  const text = JSON.stringify(data, null, 2) + '\n';
  if (!file || file === '-') {
    process.stdout.write(text);
    return 0;
  }
  writeFileSync(file, text);
  const n = Object.keys(data.exercises ?? {}).length;
  const q = Object.values(data.quizzes ?? {}).reduce((sum, answers) => sum + Object.keys(answers).length, 0);
  process.stderr.write(`${pc.green('Exported')} ${n} exercise${n === 1 ? '' : 's'} and ${q} quiz answer${q === 1 ? '' : 's'} to ${file}.\n`);
  return 0;
}

/** What an import would do, worked out before anything is written. */
interface ImportPlan {
  code: { slug: string; file: string; code: string }[];
  progress: Progress;
  exercises: number;
  answers: number;
  skipped: string[];
}

export function planImport(catalog: Catalog, current: Progress, input: unknown, now = new Date()): ImportPlan {
  const parsed = parseProgressFile(input);
  const skipped = [...parsed.skipped];
  const progress: Progress = structuredClone(current);
  const code: ImportPlan['code'] = [];
  let exercises = 0;
  for (const [slug, entry] of Object.entries(parsed.exercises)) {
    const exercise = catalog.exercises.find((e) => e.slug === slug);
    if (!exercise) {
      skipped.push(`exercises.${slug}: no exercise "${slug}" in this course`);
      continue;
    }
    exercises += 1;
    const when = new Date(entry.savedAt ?? now.getTime()).toISOString();
    if (entry.status === 'pass') {
      progress.passed[slug] = when;
      delete progress.failed[slug];
    } else if (entry.status) {
      progress.failed[slug] = when;
      delete progress.passed[slug];
    }
    if (entry.hintsShown > 0) progress.hintsShown[slug] = entry.hintsShown;
    else delete progress.hintsShown[slug];
    const file = exercise.files.exercise;
    if (entry.code !== undefined && (!existsSync(file) || readFileSync(file, 'utf8') !== entry.code)) code.push({ slug, file, code: entry.code });
  }
  let answers = 0;
  for (const [quiz, entries] of Object.entries(parsed.quizzes)) {
    if (!catalog.quizzes.has(quiz)) {
      skipped.push(`quizzes.${quiz}: no quiz "${quiz}" in this course`);
      continue;
    }
    const questions = new Set(catalog.quizzes.get(quiz)!.questions.map((q) => q.id));
    for (const [question, answer] of Object.entries(entries)) {
      if (!questions.has(question)) {
        skipped.push(`quizzes.${quiz}.${question}: no question "${question}" in content/quizzes/${quiz}.json`);
        continue;
      }
      (progress.quizzes[quiz] ??= {})[question] = answer.right;
      answers += 1;
    }
  }
  return { code, progress, exercises, answers, skipped };
}

export async function progressImportCommand(file: string | undefined, opts: { yes?: boolean }): Promise<number> {
  if (!file) throw new UsageError('ticklab progress import FILE: name the progress file to import (one that "Export progress" or `ticklab progress export` wrote)');
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(existsSync(file) ? `${file} is not a progress file: not valid JSON (${(error as Error).message})` : `no file ${file}`);
  }
  const catalog = loadCatalog();
  let plan: ImportPlan;
  try {
    plan = planImport(catalog, loadProgress(catalog.root), input);
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
  const rel = (p: string) => path.relative(process.cwd(), p) || p;
  const progressPath = progressFile(catalog.root);
  const overwritten = [...plan.code.map((c) => c.file).filter((f) => existsSync(f)), ...(existsSync(progressPath) ? [progressPath] : [])];

  process.stdout.write(`${file}: ${plan.exercises} exercise${plan.exercises === 1 ? '' : 's'} (code for ${plan.code.length}), ${plan.answers} quiz answer${plan.answers === 1 ? '' : 's'}.\n`);
  for (const s of plan.skipped) process.stdout.write(`  ${pc.yellow('skipped')} ${s}\n`);
  if (plan.exercises === 0 && plan.answers === 0) {
    process.stdout.write('Nothing to import.\n');
    return plan.skipped.length ? 1 : 0;
  }
  if (overwritten.length) process.stdout.write(`This overwrites (each is backed up first to ${rel(path.join(stateDir(catalog.root), 'backups'))}/):\n${overwritten.map((f) => `  ${rel(f)}\n`).join('')}`);
  if (!opts.yes && !(await confirm('Import it?'))) {
    process.stdout.write(process.stdin.isTTY ? 'Nothing changed.\n' : 'Nothing changed: confirm with --yes when not at a terminal.\n');
    return 1;
  }

  const backups = path.join(stateDir(catalog.root), 'backups');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  if (overwritten.length) mkdirSync(backups, { recursive: true });
  for (const c of plan.code) {
    if (existsSync(c.file)) copyFileSync(c.file, path.join(backups, `${c.slug}-${stamp}.ts`));
  }
  if (existsSync(progressPath)) copyFileSync(progressPath, path.join(backups, `progress-${stamp}.json`));
  for (const c of plan.code) {
    mkdirSync(path.dirname(c.file), { recursive: true });
    writeFileSync(c.file, c.code);
  }
  saveProgress(plan.progress, catalog.root);
  process.stdout.write(
    `${pc.green('Imported')} ${plan.exercises} exercise${plan.exercises === 1 ? '' : 's'} and ${plan.answers} quiz answer${plan.answers === 1 ? '' : 's'}` +
      (plan.code.length ? `; new code in ${plan.code.map((c) => exerciseLabel(c.slug)).join(', ')}` : '') +
      '.\n',
  );
  return 0;
}

/** `ticklab progress <export|import> [FILE]`. */
export async function progressCommand(action: string, file: string | undefined, opts: { yes?: boolean }): Promise<number> {
  if (action === 'export') return progressExportCommand(file);
  if (action === 'import') return progressImportCommand(file, opts);
  throw new UsageError(`ticklab progress ${action}: the actions are "export [FILE]" and "import FILE"`);
}
