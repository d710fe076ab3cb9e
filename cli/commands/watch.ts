/**
 * `ticklab` alone: the watch mode, as in rustlings. It shows the current exercise (the
 * first not yet passed, in course order) and a progress bar, re-grades on every save,
 * and moves on when the exercise passes. Keys: h hint, l list, n next, p previous,
 * r re-run, q quit. At a terminal keys act at once; from a pipe, one key per line.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pc from 'picocolors';
import { loadCatalog, pick, type Exercise } from '../catalog.ts';
import { UsageError } from '../errors.ts';
import { lessonTitles } from '../../content/schemas/course.ts';
import { gradeExercise } from '../grader/grade-exercise.ts';
import type { ExerciseResult } from '../../grading/result-schema.ts';
import { loadProgress, recordResult, saveProgress, type Progress } from '../progress.ts';
import { formatResult, progressBar } from '../report/format.ts';
import { formatHints, revealHint } from '../hints.ts';

const KEYS = `${pc.bold('h')} hint · ${pc.bold('l')} list · ${pc.bold('n')} next · ${pc.bold('p')} previous · ${pc.bold('r')} re-run · ${pc.bold('q')} quit`;

export interface WatchOptions {
  /** Start at this exercise instead of the first one not yet passed. */
  start?: string;
  /** Milliseconds to wait after a change before grading (editors write in several steps). */
  debounceMs?: number;
}

export async function watchCommand(opts: WatchOptions = {}): Promise<number> {
  const catalog = loadCatalog();
  const exercises = catalog.exercises;
  if (exercises.length === 0) throw new UsageError('there are no exercises in exercises/');
  const progress: Progress = loadProgress();
  const titles = lessonTitles(catalog.outline);
  const firstOpen = () => Math.max(0, exercises.findIndex((e) => !progress.passed[e.slug]));
  let index = opts.start ? exercises.indexOf(pick(catalog, [opts.start])[0]!) : firstOpen();
  let last: ExerciseResult | undefined;
  let notice = '';
  let grading = false;
  let again = false;
  let watcher: FSWatcher | undefined;
  let debounce: NodeJS.Timeout | undefined;
  const tty = Boolean(process.stdout.isTTY);

  const current = (): Exercise => exercises[index]!;
  const allDone = () => exercises.every((e) => progress.passed[e.slug]);

  const render = () => {
    const e = current();
    const done = exercises.filter((x) => progress.passed[x.slug]).length;
    const out = [
      tty ? '\u001b[2J\u001b[H' : '',
      `${pc.bold('TickLab')}  ${progressBar(done, exercises.length)} exercises passed`,
      '',
      `${pc.bold(`${index + 1}. ${e.meta.title}`)} ${pc.dim(`(${e.slug} · ${e.meta.difficulty} · ~${e.meta.minutes} min)`)}`,
      `   ${pc.dim(`Lesson: ${titles.get(e.meta.lesson) ?? e.meta.lesson}`)}`,
      `   ${e.meta.summary}`,
      `   Edit ${pc.cyan(path.relative(process.cwd(), e.files.exercise))}: it is graded again on every save.`,
      '',
      grading && !last ? pc.dim('grading…') : last ? formatResult(last) : '',
      notice ? `\n${notice}` : '',
      allDone() ? pc.green(pc.bold('\nEvery exercise passes. Well done! Keep going with the lessons, or q to quit.')) : '',
      '',
      pc.dim(KEYS),
    ];
    process.stdout.write(out.join('\n') + '\n');
  };

  const select = (i: number) => {
    index = (i + exercises.length) % exercises.length;
    last = undefined;
    follow();
    void grade();
  };

  const grade = async (): Promise<void> => {
    if (grading) {
      again = true;
      return;
    }
    grading = true;
    render();
    const e = current();
    const result = await gradeExercise({ exercise: e });
    grading = false;
    if (e !== current()) return grade(); // the student moved on meanwhile
    last = result;
    const passed = result.status === 'pass';
    const wasPassed = Boolean(progress.passed[e.slug]);
    recordResult(progress, e.slug, passed);
    saveProgress(progress);
    if (again) {
      again = false;
      return grade();
    }
    if (passed && !wasPassed && !allDone()) {
      notice = pc.green(`✓ ${e.slug} passes. On to the next exercise.`);
      const next = exercises.findIndex((x, i) => i > index && !progress.passed[x.slug]);
      select(next >= 0 ? next : firstOpen());
      return;
    }
    render();
    notice = '';
  };

  // Watch the folder, not the file: editors often save by writing a new file and renaming it.
  const follow = () => {
    watcher?.close();
    const file = current().files.exercise;
    watcher = watch(path.dirname(file), (_event, name) => {
      if (name !== path.basename(file)) return;
      clearTimeout(debounce);
      debounce = setTimeout(() => void grade(), opts.debounceMs ?? 150);
    });
  };

  return new Promise<number>((resolve) => {
    let lines: ReturnType<typeof createInterface> | undefined;
    let quitting = false;
    const quit = () => {
      if (quitting) return;
      quitting = true;
      lines?.close();
      watcher?.close();
      clearTimeout(debounce);
      if (process.stdin.isTTY) process.stdin.setRawMode(false);
      process.stdin.destroy(); // release the terminal or pipe so the process can end
      process.stdout.write('Progress saved. Bye!\n');
      resolve(0);
    };
    const onKey = (key: string) => {
      notice = '';
      switch (key) {
        case 'q':
        case '\u0003': // Ctrl-C in raw mode
          quit();
          return;
        case 'h': {
          const { shown, total } = revealHint(progress, current().slug, current().meta.hints);
          saveProgress(progress);
          notice = formatHints(shown, total);
          render();
          return;
        }
        case 'l':
          notice = exercises
            .map((e, i) => `${i === index ? pc.bold('›') : ' '} ${progress.passed[e.slug] ? pc.green('✓') : pc.dim('·')} ${e.slug.padEnd(22)} ${e.meta.title}`)
            .join('\n');
          render();
          return;
        case 'n':
          select(index + 1);
          return;
        case 'p':
          select(index - 1);
          return;
        case 'r':
          void grade();
          return;
        default:
          return;
      }
    };
    if (process.stdin.isTTY) {
      process.stdin.setRawMode(true);
      process.stdin.setEncoding('utf8');
      process.stdin.on('data', (chunk: string) => {
        for (const key of chunk) onKey(key.toLowerCase());
      });
    } else {
      lines = createInterface({ input: process.stdin });
      lines.on('line', (line) => onKey(line.trim().toLowerCase()));
      lines.on('close', quit);
    }
    follow();
    void grade();
  });
}
