/**
 * Quizzes in the page (the markup is site/components/Quiz.astro): shuffles each
 * question's options for this student (`shuffledOrder`, keyed by the student key, the
 * quiz and the question, so the order is stable across visits), checks an answer when
 * submitted, explains every chosen option (its `why` and a link to the section that
 * corrects it), lets the student retry, keeps a score, and saves and restores answers
 * (site/lib/progress/store.ts). Answers are option indices in the quiz file's order.
 */
import { shuffledOrder } from '../../content/shuffle.ts';
import { parseNumber, readNumericAnswer } from './quiz/numeric-answer.ts';
import { loadQuiz, saveQuizAnswer, studentKey, type QuizAnswer } from './progress/store.ts';
import { onProgress } from './progress/events.ts';

interface Link {
  href: string;
  label: string;
  written: boolean;
}

/** What the page needs to check answers, rendered at build time (HTML fields are escaped there). */
export interface QuizData {
  quizId: string;
  questions: {
    id: string;
    kind: 'single' | 'multiple' | 'numeric';
    options: { correct: boolean; why: string; see: Link | null }[];
    value: number | null;
    tolerance: number | null;
    unit: string | null;
    mistakes: { min: number; max: number; why: string; see: Link | null }[];
    explanation: string | null;
    see: Link | null;
    answer: string;
  }[];
}

type Question = QuizData['questions'][number];

/** Kept here for the callers that read a bare number. */
export { parseNumber };

/** Whether `answer` is right for `q`. */
export function isRight(q: Question, answer: number[] | number): boolean {
  if (q.kind === 'numeric') return typeof answer === 'number' && Math.abs(answer - q.value!) <= q.tolerance! + 1e-12;
  if (!Array.isArray(answer)) return false;
  const chosen = new Set(answer);
  return q.options.every((o, i) => o.correct === chosen.has(i));
}

const readLink = (see: Link | null) => (see ? ` <a class="see" href="${see.href}">Read: ${see.label}</a>` : '');

/** The feedback for an answer, as HTML from the build-time (escaped) fields. */
export function feedbackHtml(q: Question, answer: number[] | number, attempts: number, optionText: (i: number) => string): { right: boolean; html: string } {
  const unrecorded = Array.isArray(answer) && answer.length === 0;
  const right = unrecorded ? false : isRight(q, answer);
  const full = `<p><strong>The full answer:</strong> ${q.answer}</p>`;
  const parts: string[] = [];
  if (q.kind === 'numeric') {
    const value = answer as number;
    const unit = q.unit ? ` ${q.unit}` : '';
    if (right) {
      parts.push(`<p class="verdict"><strong>✔ Right.</strong> ${value}${unit} is within ±${q.tolerance}${unit} of ${q.value}${unit}.</p>`);
      if (q.explanation) parts.push(`<p>${q.explanation}</p>`);
      parts.push(full);
    } else {
      parts.push(`<p class="verdict"><strong>✘ Not right yet.</strong> ${value}${unit} is not within ±${q.tolerance}${unit} of the answer. Read why, then try again.</p>`);
      const mistake = q.mistakes.find((m) => value >= m.min && value <= m.max);
      if (mistake) parts.push(`<p>${mistake.why}${readLink(mistake.see)}</p>`);
      else if (q.see) parts.push(`<p>${readLink(q.see).trim()}</p>`);
    }
  } else {
    const chosen = answer as number[];
    parts.push(right ? '<p class="verdict"><strong>✔ Right.</strong></p>' : '<p class="verdict"><strong>✘ Not right yet.</strong> Read why, then try again.</p>');
    parts.push(
      '<ul class="whys">' +
        chosen
          .map((i) => {
            const o = q.options[i]!;
            return `<li><strong>${o.correct ? '✔' : '✘'} You chose:</strong> ${optionText(i)}<br>${o.why}${readLink(o.see)}</li>`;
          })
          .join('') +
        '</ul>',
    );
    if (!right && q.kind === 'multiple' && chosen.every((i) => q.options[i]!.correct)) {
      parts.push('<p>Each option you chose is right, but not every right option is chosen.</p>');
    }
    if (right) parts.push(full);
  }
  if (!right && attempts >= 2) parts.push(`<details><summary>Show the full answer</summary>${full}</details>`);
  return { right, html: parts.join('') };
}

/** Whether a saved answer still fits the question (the quiz file may have changed since). */
function fits(q: Question, answer: number[] | number): boolean {
  if (q.kind === 'numeric') return typeof answer === 'number' || (Array.isArray(answer) && answer.length === 0);
  return Array.isArray(answer) && answer.every((i) => i < q.options.length) && (q.kind === 'multiple' || answer.length <= 1);
}

/** The answer in the form, or the sentence saying why there is none yet. */
function answerOf(form: HTMLFormElement, q: Question): { answer: number[] | number } | { error: string } {
  if (q.kind === 'numeric') {
    const read = readNumericAnswer((form.querySelector('input[type="text"]') as HTMLInputElement).value, q.unit);
    return 'error' in read ? read : { answer: read.value };
  }
  const chosen = [...form.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => Number(i.value));
  return chosen.length ? { answer: chosen.sort((a, b) => a - b) } : { error: 'Choose an option first.' };
}

function showAnswer(form: HTMLFormElement, q: Question, saved: QuizAnswer, fresh: boolean): void {
  const feedback = form.querySelector<HTMLElement>('[data-feedback]')!;
  const text = (i: number) => form.querySelector(`li[data-option="${i}"] label span`)?.innerHTML ?? '';
  form.querySelectorAll('li[data-option]').forEach((li) => li.classList.remove('chosen-right', 'chosen-wrong'));
  if (Array.isArray(saved.answer) && saved.answer.length === 0) {
    // Imported from the CLI, which records only whether the answer was right.
    feedback.className = `feedback ${saved.right ? 'right' : 'wrong'}`;
    feedback.innerHTML = saved.right
      ? `<p class="verdict"><strong>✔ Answered right</strong> (in the terminal).</p><p><strong>The full answer:</strong> ${q.answer}</p>`
      : '<p class="verdict"><strong>✘ Answered wrong</strong> (in the terminal). Try it here.</p>';
    return;
  }
  if (!fresh) {
    // Restore the inputs to the saved answer.
    if (q.kind === 'numeric') (form.querySelector('input[type="text"]') as HTMLInputElement).value = String(saved.answer);
    else form.querySelectorAll<HTMLInputElement>('input').forEach((input) => (input.checked = (saved.answer as number[]).includes(Number(input.value))));
  }
  if (q.kind !== 'numeric') {
    for (const i of saved.answer as number[]) form.querySelector(`li[data-option="${i}"]`)?.classList.add(q.options[i]?.correct ? 'chosen-right' : 'chosen-wrong');
  }
  const { right, html } = feedbackHtml(q, saved.answer, saved.attempts, text);
  feedback.className = `feedback ${right ? 'right' : 'wrong'}`;
  feedback.innerHTML = html;
}

function showScore(section: HTMLElement, data: QuizData, answers: Record<string, QuizAnswer>): void {
  const score = section.querySelector<HTMLElement>('[data-quiz-score]');
  if (!score) return;
  const answered = data.questions.filter((q) => answers[q.id]);
  const right = answered.filter((q) => answers[q.id]!.right).length;
  const total = data.questions.length;
  score.textContent = answered.length === 0 ? `${total} question${total === 1 ? '' : 's'}. Your answers are saved in this browser.` : `Score: ${right} of ${total} right${answered.length < total ? ` (${answered.length} answered)` : ''}.`;
  section.dataset.score = `${right}/${total}`;
}

async function initQuiz(section: HTMLElement): Promise<void> {
  const data = JSON.parse(section.querySelector('[data-quiz-data]')!.textContent!) as QuizData;
  const [key, saved] = await Promise.all([studentKey(), loadQuiz(data.quizId)]);
  let answers = saved;
  for (const q of data.questions) {
    const form = section.querySelector<HTMLFormElement>(`form[data-question="${q.id}"]`);
    if (!form) continue;
    const list = form.querySelector('.options');
    if (list) {
      // Stable per student and question: the same order on every visit.
      const items = [...list.querySelectorAll<HTMLElement>(':scope > li')];
      for (const i of shuffledOrder(items.length, `${key}:${data.quizId}/${q.id}`)) list.append(items[i]!);
    }
    const previous = answers[q.id];
    if (previous && fits(q, previous.answer)) showAnswer(form, q, previous, false);
    else if (previous) delete answers[q.id]; // the question changed since (other options): start it afresh
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const read = answerOf(form, q);
      const feedback = form.querySelector<HTMLElement>('[data-feedback]')!;
      if ('error' in read) {
        feedback.className = 'feedback wrong';
        const p = document.createElement('p');
        p.textContent = read.error;
        feedback.replaceChildren(p);
        return;
      }
      const { answer } = read;
      const entry: QuizAnswer = { answer, right: isRight(q, answer), attempts: (answers[q.id]?.attempts ?? 0) + 1, at: Date.now() };
      answers = { ...answers, [q.id]: entry };
      showAnswer(form, q, entry, true);
      showScore(section, data, answers);
      await saveQuizAnswer(data.quizId, q.id, entry);
    });
  }
  showScore(section, data, answers);
  section.dataset.ready = 'true';
  onProgress(async () => {
    answers = await loadQuiz(data.quizId);
    showScore(section, data, answers);
  });
}

/** Starts every quiz on the page that has not been started. */
export function initQuizzes(): void {
  document.querySelectorAll<HTMLElement>('section.quiz[data-quiz]:not([data-started])').forEach((section) => {
    section.dataset.started = 'true';
    initQuiz(section).catch((error) => {
      console.error(error);
      section.dataset.ready = 'error';
    });
  });
}
