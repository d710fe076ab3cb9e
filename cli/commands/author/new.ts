/**
 * `ticklab new <slug> --lesson <lesson>`: scaffolds an exercise folder. The scaffold is
 * deliberately incomplete (placeholders marked TODO, a solution that throws), so that
 * `ticklab check` rejects it until the author has filled every part in.
 *
 * `ticklab new <slug> --wrong <name>`: turns a full known-wrong copy, wrong/<name>.ts (the
 * solution with one mistake made, under a comment naming it), into wrong/<name>.patch.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pc from 'picocolors';
import { exerciseFiles, exerciseLabel, loadCatalog, SLUG_PATTERN } from '../../catalog.ts';
import { EXERCISE_FILES, knownWrongLabel, WRONG_DIR, WRONG_DRAFT_ENDING, WRONG_PATCH_ENDING } from '../../../grading/exercise-format.ts';
import { UsageError } from '../../errors.ts';
import { schemaPath } from '../../../content/schemas/slug.ts';
import { lessonIds } from '../../../content/schemas/course.ts';
import type { ExerciseMetaInput } from '../../../content/schemas/exercise.ts';
import { courseRoot } from '../../paths.ts';
import { applyKnownWrong, createKnownWrongPatch, leadingComment } from '../../check/known-wrong.ts';

const camel = (slug: string) => slug.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export function scaffold(slug: string, lesson: string, title: string, order = 1): Record<'exercise' | 'solution' | 'test' | 'meta' | 'wrong', string> {
  const fn = camel(slug);
  const meta: ExerciseMetaInput = {
    $schema: schemaPath('exercise', 2),
    title,
    summary: 'TODO: one sentence saying what the student builds.',
    lesson,
    order,
    difficulty: 'core',
    minutes: 15,
    hints: ['TODO: a first, general hint.', 'TODO: a more specific hint.', 'TODO: a hint that all but gives the answer.'],
    timeLimitMs: 10000,
    runsIn: 'both',
  };
  return {
    meta: JSON.stringify(meta, null, 2) + '\n',
    exercise: `/**
 * Exercise: ${slug}.
 *
 * Say here what the student builds, its contract (inputs, outputs, errors), and which
 * lesson explains the idea. The tests in exercise.test.ts are the precise statement.
 */

export function ${fn}(input: number): number {
  // TODO: replace this line with your code.
  return input;
}
`,
    solution: `/**
 * Exercise: ${slug} (reference solution).
 *
 * Explain in comments why the solution is right, not only what it does.
 */

export function ${fn}(input: number): number {
  throw new Error('the reference solution of ${slug} is not written yet (input: ' + input + ')');
}
`,
    wrong: `/**
 * Name the mistake in this first sentence (ticklab check prints it): a plausible answer
 * with exactly one real mistake a student makes, which the tests must fail.
 */

export function ${fn}(input: number): number {
  // TODO: copy the finished solution.ts to wrong/<name>.ts, make one real mistake, and run
  // \`ticklab new ${slug} --wrong <name>\` to keep it as a patch; then a second one.
  return input;
}
`,
    test: `import { describe, expect, it } from 'vitest';
import { ${fn} } from './exercise.ts';

// Grade against the engine where it makes sense (import from '#engine/<module>'), on
// seeded random inputs with fast-check, not against hard-coded answers alone.
describe('${slug}', () => {
  it('replace this example with the exercise\\'s real tests', () => {
    expect(${fn}(2)).toBe(4);
  });
});
`,
  };
}

/** `--wrong <name>`: wrong/<name>.ts becomes wrong/<name>.patch, checked to apply back to the same source. */
function wrongToPatch(slug: string, name: string): number {
  if (!SLUG_PATTERN.test(name)) throw new UsageError(`"${name}" is not a valid known-wrong name: use lower-case words joined by hyphens, e.g. "off-by-one"`);
  const files = exerciseFiles(courseRoot(), slug);
  const draft = path.join(files.dir, WRONG_DIR, `${name}${WRONG_DRAFT_ENDING}`);
  const label = knownWrongLabel(slug, name, true);
  if (!existsSync(files.solution)) throw new UsageError(`${exerciseLabel(slug, EXERCISE_FILES.solution)} does not exist: a known-wrong patch is a diff against the solution`);
  if (!existsSync(draft)) throw new UsageError(`no file ${label}: copy solution.ts there, make one real mistake under a /** ... */ comment naming it, then run this again`);
  const source = readFileSync(draft, 'utf8');
  const header = leadingComment(source);
  if (!header) throw new UsageError(`${label} starts with no /** ... */ comment saying what mistake it makes`);
  const solution = readFileSync(files.solution, 'utf8');
  const patch = createKnownWrongPatch(header, solution, source, name);
  const out = path.join(files.dir, WRONG_DIR, `${name}${WRONG_PATCH_ENDING}`);
  applyKnownWrong(patch, solution, out); // a patch made here always applies; this is the proof
  writeFileSync(out, patch);
  rmSync(draft);
  const changed = patch.split('\n').filter((l) => /^[-+](?![-+]{2} )/.test(l)).length;
  process.stdout.write(`${pc.green('Wrote')} ${knownWrongLabel(slug, name)} (${changed} changed line${changed === 1 ? '' : 's'} against solution.ts) and removed ${label}.\n`);
  return 0;
}

export function newCommand(slug: string, opts: { lesson?: string; title?: string; wrong?: string }): number {
  if (opts.wrong !== undefined) return wrongToPatch(slug, opts.wrong);
  const root = courseRoot();
  if (!SLUG_PATTERN.test(slug)) throw new UsageError(`"${slug}" is not a valid slug: use lower-case words joined by hyphens, e.g. "ring-sizing"`);
  if (!opts.lesson) throw new UsageError('say which lesson the exercise belongs to: --lesson <module>/<lesson> (see content/course.json)');
  const catalog = loadCatalog(root);
  const outline = catalog.outline;
  if (!outline) {
    const broken = catalog.issues.filter((i) => i.file === 'content/course.json');
    throw new UsageError(`content/course.json is broken: ${broken.map((i) => `${i.field ? `${i.field}: ` : ''}${i.message}`).join('; ')}`);
  }
  const lessons = lessonIds(outline);
  if (!lessons.includes(opts.lesson)) {
    throw new UsageError(`"${opts.lesson}" is not a lesson in content/course.json; lessons are: ${lessons.join(', ')}`);
  }
  const files = exerciseFiles(root, slug);
  if (existsSync(files.dir)) throw new UsageError(`${exerciseLabel(slug, '')} exists already: choose another slug`);
  // The next free place in the lesson, so the scaffold does not collide with an existing exercise.
  const order = 1 + Math.max(0, ...catalog.exercises.filter((e) => e.meta.lesson === opts.lesson).map((e) => e.meta.order));
  const text = scaffold(slug, opts.lesson, opts.title ?? slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()), order);
  mkdirSync(files.dir, { recursive: true });
  writeFileSync(files.meta, text.meta);
  writeFileSync(files.exercise, text.exercise);
  writeFileSync(files.solution, text.solution);
  writeFileSync(files.test, text.test);
  mkdirSync(path.join(files.dir, WRONG_DIR));
  writeFileSync(path.join(files.dir, WRONG_DIR, `first-mistake${WRONG_PATCH_ENDING}`), createKnownWrongPatch(leadingComment(text.wrong)!, text.solution, text.wrong, 'first-mistake'));
  const rel = (f: string) => path.relative(process.cwd(), f);
  process.stdout.write(
    [
      `${pc.green('Created')} ${rel(files.dir)}/ with meta.json, exercise.ts, solution.ts, exercise.test.ts and wrong/first-mistake.patch.`,
      'Next: write the tests, the solution, the starting file (with a // TODO where the student edits), the metadata',
      'and at least two known-wrong solutions in wrong/ (plausible answers with one real mistake each: copy solution.ts',
      `to wrong/<name>.ts, make the mistake, then ${pc.bold(`ticklab new ${slug} --wrong <name>`)} keeps it as a patch),`,
      `then run ${pc.bold(`ticklab check`)} until it passes. The authoring guide is docs/authoring.md.`,
    ].join('\n') + '\n',
  );
  return 0;
}
