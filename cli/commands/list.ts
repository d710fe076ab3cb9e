/** `ticklab list`: every exercise, in course order, with the student's status. */
import pc from 'picocolors';
import { formatIssue, loadCatalog } from '../catalog.ts';
import { lessonTitles } from '../../content/schemas/course.ts';
import { loadProgress } from '../progress.ts';
import { progressBar } from '../report/format.ts';

export function listCommand(): number {
  const catalog = loadCatalog();
  const progress = loadProgress();
  const titles = lessonTitles(catalog.outline);
  let lesson = '';
  for (const e of catalog.exercises) {
    if (e.meta.lesson !== lesson) {
      lesson = e.meta.lesson;
      process.stdout.write(`\n${pc.bold(titles.get(lesson) ?? lesson)} ${pc.dim(`(${lesson})`)}\n`);
    }
    const status = progress.passed[e.slug] ? pc.green('✓ done   ') : progress.failed[e.slug] ? pc.red('✗ failing') : pc.dim('· to do  ');
    process.stdout.write(`  ${status}  ${e.slug.padEnd(22)} ${e.meta.title} ${pc.dim(`(${e.meta.difficulty}, ~${e.meta.minutes} min)`)}\n`);
  }
  for (const issue of catalog.issues) process.stdout.write(pc.yellow(`warning: ${formatIssue(issue)}\n`));
  const done = catalog.exercises.filter((e) => progress.passed[e.slug]).length;
  process.stdout.write(`\n${progressBar(done, catalog.exercises.length)}\n`);
  return 0;
}
