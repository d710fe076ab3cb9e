/**
 * Fills in the student's progress wherever a page lists exercises and quizzes (home,
 * module pages, the exercises page): `[data-exercise-status="<slug>"]` becomes a status
 * badge, `[data-quiz-status="<quiz id>"][data-questions="<n>"]` a score, and
 * `[data-progress-summary]` the totals. Updates live when progress changes (this tab or another).
 */
import { listExercises, loadQuiz, type ExerciseProgress } from './progress/store.ts';
import { onProgress } from './progress/events.ts';

const LABEL: Record<string, string> = {
  pass: 'passed',
  fail: 'failing',
  error: 'error',
  timeout: 'timed out',
  started: 'started',
  new: 'not started',
};

/** The badge of an exercise: its last grade, "started" if edited or run, else "not started". */
export function exerciseStatus(p: ExerciseProgress | undefined): keyof typeof LABEL {
  if (p?.status) return p.status;
  return p && (p.code !== undefined || p.runs > 0 || p.hintsShown > 0) ? 'started' : 'new';
}

async function refresh(): Promise<void> {
  const exercises = await listExercises();
  let passed = 0;
  const slugs = new Set<string>();
  document.querySelectorAll<HTMLElement>('[data-exercise-status]').forEach((el) => {
    const slug = el.dataset.exerciseStatus!;
    const status = exerciseStatus(exercises[slug]);
    el.dataset.status = status;
    el.textContent = LABEL[status]!;
    if (!slugs.has(slug)) {
      slugs.add(slug);
      if (status === 'pass') passed += 1;
    }
  });
  let right = 0;
  let questions = 0;
  const quizIds = new Set<string>();
  for (const el of document.querySelectorAll<HTMLElement>('[data-quiz-status]')) {
    const id = el.dataset.quizStatus!;
    const total = Number(el.dataset.questions ?? 0);
    const answers = await loadQuiz(id);
    const ok = Object.values(answers).filter((a) => a.right).length;
    const answered = Object.keys(answers).length;
    el.dataset.status = answered === 0 ? 'new' : ok === total ? 'pass' : 'started';
    el.textContent = answered === 0 ? 'not started' : `${ok} of ${total} right`;
    if (!quizIds.has(id)) {
      quizIds.add(id);
      right += ok;
      questions += total;
    }
  }
  document.querySelectorAll<HTMLElement>('[data-progress-summary]').forEach((el) => {
    const parts = [`${passed} of ${slugs.size} exercise${slugs.size === 1 ? '' : 's'} passed`];
    if (questions > 0) parts.push(`${right} of ${questions} quiz question${questions === 1 ? '' : 's'} answered right`);
    el.textContent = `${parts.join(' · ')}.`;
  });
}

export function initStatuses(): void {
  refresh().catch((error) => console.error(error));
  onProgress(() => void refresh().catch((error) => console.error(error)));
}
