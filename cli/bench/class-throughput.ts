/**
 * Class throughput, before and after the sealed grader, in one run: a class of N correct
 * and N wrong submissions of one exercise, graded by `ticklab grade --submissions` of
 * this checkout and of the last unsealed grader (commit {@link BASELINE_COMMIT}, checked
 * out beside it as a git worktree), on the same machine, alternating. Both grade the
 * baseline's own copy of the course, so the work is the same; the figure is submissions
 * a second, and the ratio after / before.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.ts';
import { median } from '../../engine/shared/stats.ts';

/** The last commit whose grader ran student code unsealed (before grading-trust work). */
export const BASELINE_COMMIT = '349e504';
/** The exercise the class submits: order-book code with engine imports, a typical grade. */
const EXERCISE = 'match-limit';

export interface ClassThroughput {
  exercise: string;
  submissions: number;
  rounds: number;
  /** Median seconds to grade the class. */
  before_s?: number;
  after_s: number;
  /** Submissions graded a second. */
  before_per_s?: number;
  after_per_s: number;
  /** after / before: above 1, the sealed grader is faster. */
  ratio?: number;
  /** Why there is no "before" (no git history here, say). */
  skipped?: string;
}

function git(args: string[]): { ok: boolean; out: string } {
  const r = spawnSync('git', ['-C', PACKAGE_ROOT, ...args], { encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

function gradeClass(bin: string, course: string, classDir: string): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, 'grade', EXERCISE, '--submissions', classDir, '--json', '--jobs', '2'], {
    cwd: course,
    // No kept type-checks: the baseline has none, and this measures the sealing alone.
    env: { ...process.env, TICKLAB_ROOT: course, NO_COLOR: '1', TICKLAB_TYPECHECK_CACHE: 'off' },
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 256 * 1024 * 1024,
  });
  const elapsed = (performance.now() - t0) / 1000;
  const report = JSON.parse(r.stdout.toString() || '{}') as { summary?: { total: number } };
  if (!report.summary) throw new Error(`${bin} produced no report for the class`);
  return elapsed;
}

/** Grades a class of `perKind` correct and `perKind` wrong submissions, before and after, `rounds` times each. */
export function classThroughput(perKind: number, rounds: number, log: (line: string) => void): ClassThroughput {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'ticklab-bench-class-'));
  const baseline = path.join(scratch, 'baseline');
  let worktree = false;
  try {
    const added = git(['worktree', 'add', '--detach', baseline, BASELINE_COMMIT]);
    worktree = added.ok;
    // The course graded by both: the baseline's, so that neither grader meets files it does not know.
    const course = worktree ? baseline : PACKAGE_ROOT;
    if (worktree) symlinkSync(path.join(PACKAGE_ROOT, 'node_modules'), path.join(baseline, 'node_modules'));
    const dir = path.join(course, 'exercises', EXERCISE);
    const correct = readFileSync(path.join(dir, 'solution.ts'), 'utf8');
    const wrong = readFileSync(path.join(dir, 'exercise.ts'), 'utf8');
    const classDir = path.join(scratch, 'class');
    for (let i = 0; i < perKind * 2; i++) {
      const folder = path.join(classDir, `student-${String(i).padStart(3, '0')}`, EXERCISE);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'exercise.ts'), i % 2 === 0 ? correct : wrong);
    }
    const submissions = perKind * 2;
    log(`class throughput: ${submissions} submissions of ${EXERCISE} (${perKind} correct, ${perKind} wrong), ${rounds} round(s), --jobs 2`);
    const before: number[] = [];
    const after: number[] = [];
    for (let r = 0; r < rounds; r++) {
      if (worktree) before.push(gradeClass(path.join(baseline, 'cli/bin/ticklab.mjs'), course, classDir));
      after.push(gradeClass(path.join(PACKAGE_ROOT, 'cli/bin/ticklab.mjs'), course, classDir));
    }
    const afterS = median(after);
    const result: ClassThroughput = { exercise: EXERCISE, submissions, rounds, after_s: +afterS.toFixed(1), after_per_s: +(submissions / afterS).toFixed(2) };
    if (worktree) {
      const beforeS = median(before);
      Object.assign(result, { before_s: +beforeS.toFixed(1), before_per_s: +(submissions / beforeS).toFixed(2), ratio: +(beforeS / afterS).toFixed(2) });
      log(`  before (unsealed, ${BASELINE_COMMIT}): ${result.before_per_s} submissions/s   after (sealed): ${result.after_per_s} submissions/s   after/before: ${result.ratio}x`);
    } else {
      result.skipped = `no baseline: git could not check out ${BASELINE_COMMIT} (${added.out.trim().split('\n')[0]})`;
      log(`  after (sealed): ${result.after_per_s} submissions/s; ${result.skipped}`);
    }
    return result;
  } finally {
    if (worktree) git(['worktree', 'remove', '--force', baseline]);
    rmSync(scratch, { recursive: true, force: true });
    if (worktree) git(['worktree', 'prune']);
  }
}
