/** `ticklab check`: the instructor's integrity check; exit code 1 if anything is wrong. */
import pc from 'picocolors';
import { runChecks } from '../../check/checks.ts';
import { caughtBy } from '../../check/graded-checks.ts';
import { contractOf } from '../../check/static-checks.ts';
import { quizFairness } from '../../../content/quiz-fairness.ts';
import { writeCheckGrades } from '../../check/check-grades.ts';

export async function checkCommand(opts: { exercises?: string[]; jobs?: number; quiet?: boolean; json?: boolean; grade?: boolean; gradesOut?: string }): Promise<number> {
  const grade = opts.grade !== false;
  const say = (text: string) => (opts.json ? process.stderr : process.stdout).write(text + '\n');
  const report = await runChecks({
    jobs: opts.jobs ?? 2,
    grade,
    ...(opts.exercises?.length ? { slugs: opts.exercises } : {}),
    onExercise: (slug, ok, grades, exercise) => {
      if (opts.quiet) return;
      say(`${ok ? pc.green('✓') : pc.red('✗')} ${slug}`);
      for (const w of grades.wrong) {
        const tests = caughtBy(w.result);
        const by = w.result.status === 'pass' ? pc.red('NOT CAUGHT') : tests.length ? `caught by ${tests.map((t) => `"${t}"`).join(', ')}` : `caught (${w.result.status})`;
        say(pc.dim(`    ${w.file}: ${w.mistake} ${pc.reset('→')} ${by}`));
      }
      // The contract the tests pin in text, beside what the exercise text says of errors.
      const contract = contractOf(exercise);
      if (contract.assertions.length) {
        say(pc.dim(`    the tests pin: ${contract.assertions.map((a) => `${a.matcher}(${a.source}) at line ${a.line}`).join('; ')}`));
        say(pc.dim(`    the exercise text says: ${contract.sentences.map((t) => `"${t.length > 160 ? `${t.slice(0, 157)}...` : t}"`).join(' ') || 'nothing of errors'}`));
      }
    },
  });
  const { catalog } = report;
  if (opts.gradesOut && grade) writeCheckGrades(opts.gradesOut, report.grades);
  const warnings = report.findings.filter((f) => f.severity === 'warning');
  const findings = report.findings.filter((f) => f.severity !== 'warning');
  if (opts.json) {
    process.stdout.write(JSON.stringify({ ok: findings.length === 0, exercises: catalog.exercises.length, ...(grade ? {} : { graded: false }), findings, ...(warnings.length ? { warnings } : {}) }, null, 2) + '\n');
  }
  if (!opts.quiet) say(quizFairness(catalog.quizzes).summary);
  for (const f of warnings) say(`${pc.yellow('warning')} ${pc.cyan(f.file)}${f.field ? pc.dim(` (${f.field})`) : ''}: ${f.message}`);
  for (const f of findings) say(`${pc.red('error')} ${pc.cyan(f.file)}${f.field ? pc.dim(` (${f.field})`) : ''}: ${f.message}`);
  const n = report.grades.size; // the exercises checked (all, or those named)
  const badExercises = new Set(findings.flatMap((f) => (f.exercise ? [f.exercise] : [])));
  const badFiles = new Set(findings.filter((f) => !f.exercise).map((f) => f.file));
  const quizzes = `${catalog.quizzes.size} quiz${catalog.quizzes.size === 1 ? '' : 'zes'}`;
  const exercises = `${n} exercise${n === 1 ? '' : 's'}`;
  if (!grade) {
    const files = `${catalog.exercises.length} exercise${catalog.exercises.length === 1 ? '' : 's'} and ${quizzes}`;
    say(findings.length === 0 ? pc.green(`check passed for the files of ${files}; nothing was graded (--no-grade).`) : pc.red(`check failed: ${findings.length} problem${findings.length === 1 ? '' : 's'} in the files of ${files}; nothing was graded (--no-grade).`));
    say(`check: files only, ${badExercises.size + badFiles.size} failed`);
    return findings.length === 0 ? 0 : 1;
  }
  if (findings.length === 0) say(pc.green(`check passed: ${exercises} and ${quizzes}; every starting file and every known-wrong solution fails its tests, every solution passes them.`));
  else say(pc.red(`check failed: ${findings.length} problem${findings.length === 1 ? '' : 's'} in ${exercises} and ${quizzes}.`));
  // Last, a plain closing line of the kind CI systems read: exercises passed, exercises and other files failed.
  say(`check: ${n - badExercises.size} passed, ${badExercises.size + badFiles.size} failed`);
  return findings.length === 0 ? 0 : 1;
}
