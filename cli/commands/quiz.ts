/**
 * `ticklab quiz [name]`: a quiz in the terminal. Each question shows its options as
 * letters; after an answer the student sees, for every option chosen, why it is right or
 * which misconception it stands for, then the full answer. Results are kept in progress.
 */
import { createInterface } from 'node:readline';
import pc from 'picocolors';
import { loadCatalog } from '../catalog.ts';
import { UsageError } from '../errors.ts';
import type { Quiz, QuizQuestion } from '../../content/schemas/quiz.ts';
import { loadProgress, saveProgress } from '../progress.ts';

const LETTERS = 'abcdefghij';

/**
 * The option indices an answer such as "a", "b d" or "AC" chooses, or undefined if it is
 * not an answer to this question (an unknown letter, or several for a single choice).
 */
export function parseAnswer(text: string, q: QuizQuestion): number[] | undefined {
  const letters = text.toLowerCase().replace(/[\s,]/g, '');
  if (!letters) return undefined;
  const picked = [...new Set(letters)].map((c) => LETTERS.indexOf(c));
  if (q.kind === 'single' && picked.length !== 1) return undefined;
  return picked.every((i) => i >= 0 && i < (q.options ?? []).length) ? picked.sort((a, b) => a - b) : undefined;
}

/** Whether `picked` is exactly the set of right options. */
export function isRight(q: QuizQuestion, picked: readonly number[]): boolean {
  const right = (q.options ?? []).flatMap((o, i) => (o.correct ? [i] : []));
  return right.length === picked.length && right.every((i, k) => picked[k] === i);
}

function ask(q: QuizQuestion, n: number, total: number): string {
  const how = q.kind === 'multiple' ? 'choose every right option, e.g. "ac"' : 'choose one letter';
  return [
    '',
    pc.bold(`Question ${n}/${total}. ${q.prompt}`),
    ...(q.options ?? []).map((o, i) => `  ${pc.cyan(LETTERS[i]!)}) ${o.text}`),
    pc.dim(`(${how}; q to stop)`),
  ].join('\n');
}

function feedback(q: QuizQuestion, picked: readonly number[]): string {
  const right = isRight(q, picked);
  const lines = [right ? pc.green('✓ Right.') : pc.red('✗ Not quite.')];
  for (const i of picked) {
    const o = (q.options ?? [])[i]!;
    lines.push(`  ${LETTERS[i]}) ${o.correct ? pc.green(o.why) : pc.yellow(o.why)}${o.see ? pc.dim(` (see ${o.see})`) : ''}`);
  }
  if (!right) {
    const missed = (q.options ?? []).flatMap((o, i) => (o.correct && !picked.includes(i) ? [LETTERS[i]] : []));
    if (missed.length) lines.push(`  The right option${missed.length > 1 ? 's are' : ' is'} ${missed.join(', ')}.`);
  }
  lines.push('', q.answer);
  return lines.join('\n');
}

function listQuizzes(quizzes: Map<string, Quiz>): number {
  if (quizzes.size === 0) throw new UsageError('there are no quizzes in content/quizzes/');
  process.stdout.write('Quizzes (take one with `ticklab quiz <name>`):\n');
  for (const [name, quiz] of quizzes) process.stdout.write(`  ${name.padEnd(24)} ${quiz.title} ${pc.dim(`(${quiz.questions.length} question${quiz.questions.length === 1 ? "" : "s"})`)}\n`);
  return 0;
}

export async function quizCommand(name: string | undefined): Promise<number> {
  const { quizzes } = loadCatalog();
  if (!name) return listQuizzes(quizzes);
  const quiz = quizzes.get(name);
  if (!quiz) throw new UsageError(`unknown quiz "${name}"; quizzes are: ${[...quizzes.keys()].join(', ') || 'none'}`);

  const progress = loadProgress();
  const results = (progress.quizzes[name] ??= {});
  const lines = createInterface({ input: process.stdin });
  const answers = lines[Symbol.asyncIterator]();
  let score = 0;
  let asked = 0;
  process.stdout.write(pc.bold(quiz.title) + '\n');
  try {
    for (const [k, q] of quiz.questions.entries()) {
      process.stdout.write(ask(q, k + 1, quiz.questions.length) + '\n> ');
      let picked: number[] | undefined;
      while (!picked) {
        const next = await answers.next();
        if (next.done || next.value.trim().toLowerCase() === 'q') {
          process.stdout.write(`\nStopped after ${asked} question${asked === 1 ? '' : 's'}: ${score} right.\n`);
          return 0;
        }
        picked = parseAnswer(next.value, q);
        if (!picked) {
          const range = `a to ${LETTERS[(q.options ?? []).length - 1]}`;
          process.stdout.write(`${q.kind === 'single' ? `Answer with one letter from ${range}` : `Answer with letters from ${range}`}.\n> `);
        }
      }
      asked += 1;
      const right = isRight(q, picked);
      if (right) score += 1;
      results[q.id] = right;
      saveProgress(progress); // after every answer: stopping midway loses nothing
      process.stdout.write(feedback(q, picked) + '\n');
    }
  } finally {
    lines.close();
  }
  process.stdout.write(pc.bold(`\nScore: ${score}/${quiz.questions.length}.`) + (score === quiz.questions.length ? ' All right!\n' : ' Read the answers above, and try again later.\n'));
  return 0;
}
