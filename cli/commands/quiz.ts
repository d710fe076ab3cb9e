/**
 * `ticklab quiz [name]`: a quiz in the terminal. Options are shown in an order shuffled
 * for this student (stable across runs, the same order the site shows), as letters. A
 * wrong answer is explained (which misconception the chosen option stands for, and the
 * lesson that corrects it) and the student may try again before the full answer is shown;
 * numeric questions take a number within the stated tolerance. Results are kept in progress.
 */
import { createInterface } from 'node:readline';
import pc from 'picocolors';
import { loadCatalog } from '../catalog.ts';
import { UsageError } from '../errors.ts';
import type { Quiz, QuizQuestion } from '../../content/schemas/quiz.ts';
import { shuffledOrder } from '../../content/shuffle.ts';
import { loadProgress, saveProgress, studentKey } from '../progress.ts';

const LETTERS = 'abcdefghij';

/** One option as shown: its letter's place, and its index in the quiz file. */
export interface ShownOption {
  letter: string;
  index: number;
}

/** The options of `q` in the order this student sees them. */
export function shownOptions(q: QuizQuestion, key: string): ShownOption[] {
  return shuffledOrder(q.options?.length ?? 0, key).map((index, place) => ({ letter: LETTERS[place]!, index }));
}

/**
 * The option indices (in the quiz file) an answer such as "a", "b d" or "AC" chooses, or
 * undefined if it is not an answer to this question (an unknown letter, or several for a
 * single choice).
 */
export function parseAnswer(text: string, q: QuizQuestion, shown: readonly ShownOption[]): number[] | undefined {
  const letters = [...new Set(text.toLowerCase().replace(/[\s,]/g, ''))];
  if (letters.length === 0 || (q.kind === 'single' && letters.length !== 1)) return undefined;
  const picked = letters.map((c) => shown.find((o) => o.letter === c)?.index);
  return picked.every((i): i is number => i !== undefined) ? picked.sort((a, b) => a - b) : undefined;
}

/** Whether `picked` is exactly the set of right options. */
export function isRight(q: QuizQuestion, picked: readonly number[]): boolean {
  const right = (q.options ?? []).flatMap((o, i) => (o.correct ? [i] : []));
  return right.length === picked.length && right.every((i, k) => picked[k] === i);
}

/** A number typed for a numeric question ("80", "1e3", "2,500", "0.5 ns"), or undefined. */
export function parseNumber(text: string): number | undefined {
  const cleaned = text.trim().replace(/,/g, '').replace(/\s*[a-zµ%×x]+$/i, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return undefined;
  return Number(cleaned);
}

/** Whether `value` answers numeric question `q`. */
export function isRightNumber(q: QuizQuestion, value: number): boolean {
  return Math.abs(value - q.value!) <= q.tolerance!;
}

function ask(q: QuizQuestion, shown: readonly ShownOption[], n: number, total: number): string {
  const lines = ['', pc.bold(`Question ${n}/${total}. ${q.prompt}`)];
  if (q.kind === 'numeric') {
    lines.push(pc.dim(`(type a number${q.unit ? ` in ${q.unit}` : ''}; right within ±${q.tolerance}${q.unit ? ` ${q.unit}` : ''}; q to stop)`));
  } else {
    lines.push(...shown.map((o) => `  ${pc.cyan(o.letter)}) ${q.options![o.index]!.text}`));
    lines.push(pc.dim(`(${q.kind === 'multiple' ? 'choose every right option, e.g. "ac"' : 'choose one letter'}; q to stop)`));
  }
  return lines.join('\n');
}

const see = (link: string | undefined) => (link ? pc.dim(` (see ${link})`) : '');

/** What the student reads after an answer: each chosen option's why, right or wrong. */
function feedbackOptions(q: QuizQuestion, shown: readonly ShownOption[], picked: readonly number[]): string {
  const right = isRight(q, picked);
  const lines = [right ? pc.green('✓ Right.') : pc.red('✗ Not quite.')];
  for (const i of picked) {
    const o = q.options![i]!;
    const letter = shown.find((s) => s.index === i)!.letter;
    lines.push(`  ${letter}) ${o.correct ? pc.green(o.why) : pc.yellow(o.why)}${see(o.see)}`);
  }
  if (!right && q.kind === 'multiple' && picked.every((i) => q.options![i]!.correct)) lines.push('  Those are right, but one or more right options are missing.');
  return lines.join('\n');
}

function feedbackNumber(q: QuizQuestion, value: number): string {
  if (isRightNumber(q, value)) return [pc.green('✓ Right.'), q.explanation ? `  ${pc.green(q.explanation)}` : ''].filter(Boolean).join('\n');
  const mistake = q.mistakes.find((m) => value >= m.min && value <= m.max);
  const direction = value > q.value! ? 'too high' : 'too low';
  return [pc.red(`✗ Not quite: ${value}${q.unit ? ` ${q.unit}` : ''} is ${direction}.`), mistake ? `  ${pc.yellow(mistake.why)}${see(mistake.see)}` : see(q.see).trim() && `  ${see(q.see).trim()}`]
    .filter(Boolean)
    .join('\n');
}

function revealRight(q: QuizQuestion, shown: readonly ShownOption[]): string {
  if (q.kind === 'numeric') return `  The answer is ${q.value}${q.unit ? ` ${q.unit}` : ''} (±${q.tolerance}).`;
  const right = shown.filter((o) => q.options![o.index]!.correct).map((o) => o.letter);
  return `  The right option${right.length > 1 ? 's are' : ' is'} ${right.join(', ')}.`;
}

/** Judges one typed answer: undefined when it is not an answer to this question at all. */
function judge(q: QuizQuestion, shown: readonly ShownOption[], text: string): { right: boolean; feedback: string } | undefined {
  if (q.kind === 'numeric') {
    const value = parseNumber(text);
    return value === undefined ? undefined : { right: isRightNumber(q, value), feedback: feedbackNumber(q, value) };
  }
  const picked = parseAnswer(text, q, shown);
  return picked ? { right: isRight(q, picked), feedback: feedbackOptions(q, shown, picked) } : undefined;
}

function invalidAnswer(q: QuizQuestion, shown: readonly ShownOption[]): string {
  if (q.kind === 'numeric') return `Answer with a number${q.unit ? ` in ${q.unit}` : ''}.`;
  const range = `a to ${shown.at(-1)!.letter}`;
  return q.kind === 'single' ? `Answer with one letter from ${range}.` : `Answer with letters from ${range}.`;
}

function listQuizzes(quizzes: Map<string, Quiz>): number {
  if (quizzes.size === 0) throw new UsageError('there are no quizzes in content/quizzes/');
  process.stdout.write('Quizzes (take one with `ticklab quiz <name>`):\n');
  for (const [name, quiz] of quizzes) process.stdout.write(`  ${name.padEnd(24)} ${quiz.title} ${pc.dim(`(${quiz.questions.length} question${quiz.questions.length === 1 ? '' : 's'})`)}\n`);
  return 0;
}

export async function quizCommand(name: string | undefined): Promise<number> {
  const { quizzes } = loadCatalog();
  if (!name) return listQuizzes(quizzes);
  const quiz = quizzes.get(name);
  if (!quiz) throw new UsageError(`unknown quiz "${name}"; quizzes are: ${[...quizzes.keys()].join(', ') || 'none'}`);

  const progress = loadProgress();
  const student = studentKey(progress);
  const results = (progress.quizzes[name] ??= {});
  saveProgress(progress); // keeps the student key: the same order next time
  const lines = createInterface({ input: process.stdin });
  const input = lines[Symbol.asyncIterator]();
  /** The next line, or undefined when the student stops (q or end of input). */
  const next = async () => {
    const line = await input.next();
    return line.done || line.value.trim().toLowerCase() === 'q' ? undefined : line.value;
  };
  let score = 0;
  let asked = 0;
  const stop = () => {
    process.stdout.write(`\nStopped after ${asked} question${asked === 1 ? '' : 's'}: ${score} right at the first try.\n`);
    return 0;
  };
  process.stdout.write(pc.bold(quiz.title) + '\n');
  try {
    for (const [k, q] of quiz.questions.entries()) {
      const shown = shownOptions(q, `${student}:${name}/${q.id}`);
      process.stdout.write(ask(q, shown, k + 1, quiz.questions.length) + '\n> ');
      asked += 1;
      for (let attempts = 0; ; ) {
        const text = await next();
        if (text === undefined) return stop();
        if (attempts > 0 && text.trim().toLowerCase() === 's') {
          process.stdout.write(revealRight(q, shown) + '\n');
          break;
        }
        const judged = judge(q, shown, text);
        if (!judged) {
          process.stdout.write(invalidAnswer(q, shown) + '\n> ');
          continue;
        }
        attempts += 1;
        process.stdout.write(judged.feedback + '\n');
        if (attempts === 1) {
          results[q.id] = judged.right;
          if (judged.right) score += 1;
          saveProgress(progress); // after every first answer: stopping midway loses nothing
        }
        if (judged.right) break;
        process.stdout.write(pc.dim('Try again, or type s to see the answer.') + '\n> ');
      }
      process.stdout.write('\n' + q.answer + '\n');
    }
  } finally {
    lines.close();
  }
  const total = quiz.questions.length;
  process.stdout.write(pc.bold(`\nScore: ${score}/${total} right at the first try.`) + (score === total ? ' All right!\n' : ' Read the answers above, and try again later.\n'));
  return 0;
}
