/** `ticklab grade`: grades the student's exercises, their solutions, or a whole class. */
import { writeFileSync } from 'node:fs';
import pc from 'picocolors';
import { exerciseLabel, formatIssue, loadCatalog, pick, type Exercise } from '../catalog.ts';
import { EXERCISE_FILES } from '../../grading/exercise-format.ts';
import { UsageError } from '../errors.ts';
import { gradeExercise } from '../grader/grade-exercise.ts';
import { mapLimit } from '../grader/pool.ts';
import { gradeClass, listStudents, parseShard } from '../grader/submissions.ts';
import { makeReport, type ExerciseResult } from '../../grading/result-schema.ts';
import { loadProgress, recordResult, saveProgress } from '../progress.ts';
import { toCsv } from '../report/csv.ts';
import { formatResult } from '../report/format.ts';
import { WEAK_CONTAINMENT_WARNING } from '../grader/containment.ts';
import { toJunit } from '../report/junit.ts';
import { classroomPayload } from '../report/classroom.ts';
import { toGradescope } from '../report/gradescope.ts';
import { rulesFromMeta, unknownWeights } from '../report/points.ts';
import { toTap } from '../report/tap.ts';
import { VERSION } from '../version.ts';

export interface GradeOptions {
  json?: boolean;
  junit?: string;
  csv?: string;
  submissions?: string;
  shard?: string;
  jobs?: number;
  solution?: boolean;
  /** Gradescope's results.json for one submission, to this file. */
  gradescope?: string;
  /** GitHub Classroom's grading-reporter payload (base64 JSON), to this file. */
  classroom?: string;
  /** TAP 14: to this file, or on standard output (true). */
  tap?: boolean | string;
}

export async function gradeCommand(slugs: string[], opts: GradeOptions): Promise<number> {
  const catalog = loadCatalog();
  for (const issue of catalog.issues) process.stderr.write(pc.yellow(`warning: ${formatIssue(issue)}\n`));
  const exercises: Exercise[] = pick(catalog, slugs);
  if (exercises.length === 0) throw new UsageError('there are no exercises to grade (exercises/ is empty)');
  const jobs = opts.jobs ?? 2;
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs takes a whole number of at least 1, not "${opts.jobs}"`);
  if (opts.shard && !opts.submissions) throw new UsageError('--shard splits a class: use it with --submissions DIR');
  if (opts.json && opts.tap === true) throw new UsageError('--json and --tap both print on standard output: choose one');
  if (opts.gradescope && opts.submissions) {
    // Before grading, not after: a class takes minutes, and Gradescope reads one submission.
    const students = listStudents(opts.submissions, opts.shard ? parseShard(opts.shard) : undefined);
    if (students.length > 1) throw new UsageError(`--gradescope writes one submission's results, and ${opts.submissions} holds ${students.length} students: grade one student's folder`);
  }
  // Under --json or --tap, standard output carries the report alone; everything human goes to standard error.
  const say = (text: string) => (opts.json || opts.tap === true ? process.stderr : process.stdout).write(text + '\n');

  let results: ExerciseResult[];
  if (opts.submissions) {
    if (opts.solution) throw new UsageError('--solution and --submissions do not go together');
    results = await gradeClass({
      dir: opts.submissions,
      exercises,
      jobs,
      ...(opts.shard ? { shard: parseShard(opts.shard) } : {}),
      onResult: (r) => say(formatResult(r, false)),
    });
  } else {
    results = await mapLimit(exercises, jobs, (exercise) =>
      gradeExercise(opts.solution ? { exercise, codeFile: exercise.files.solution, codeLabel: exerciseLabel(exercise.slug, EXERCISE_FILES.solution) } : { exercise }),
    );
    for (const r of results) say(formatResult(r, true));
    if (!opts.solution) {
      const progress = loadProgress();
      for (const r of results) recordResult(progress, r.exercise, r.status === 'pass');
      saveProgress(progress);
    }
  }

  const report = makeReport(results, VERSION);
  if (opts.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  if (opts.junit) writeFileSync(opts.junit, toJunit(results));
  if (opts.csv) writeFileSync(opts.csv, toCsv(results));
  const rules = new Map(exercises.map((e) => [e.slug, rulesFromMeta(e.meta)]));
  for (const [slug, r] of rules) {
    for (const name of unknownWeights(r, results.filter((x) => x.exercise === slug))) {
      process.stderr.write(pc.yellow(`warning: ${exerciseLabel(slug, EXERCISE_FILES.meta)} (testWeights): "${name}" matches no test\n`));
    }
  }
  if (opts.gradescope) writeFileSync(opts.gradescope, JSON.stringify(toGradescope(results, rules), null, 2) + '\n');
  if (opts.classroom) writeFileSync(opts.classroom, classroomPayload(results, rules) + '\n');
  if (opts.tap === true) process.stdout.write(toTap(results, rules));
  else if (opts.tap) writeFileSync(opts.tap, toTap(results, rules));
  const s = report.summary;
  // Said once, on standard error, whenever graded code was not contained by bubblewrap.
  if (results.some((r) => r.containment === 'node-permissions')) process.stderr.write(pc.yellow(`warning: ${WEAK_CONTAINMENT_WARNING}\n`));
  say(pc.bold(`\n${s.pass}/${s.total} passed`) + pc.dim(`  (${s.fail} failed, ${s.error} errors, ${s.timeout} timed out)`));
  return s.pass === s.total ? 0 : 1;
}
