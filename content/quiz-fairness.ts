/**
 * Quizzes that reward understanding, not test-taking: a student who always picks the longest
 * option must not pass. `ticklab check` fails (not warns) when, across the course,
 *
 *  - the right option is the strictly longest in more than 35% of single-choice questions
 *    (with four options, chance is 25%; a little above that is noise, far above is a tell;
 *    judged from 10 questions up, below which a share is noise);
 *  - in any single-choice question the right option is over 1.15x the longest distractor;
 *  - a numeric question asks to recall a figure measured on the course's machine (a student
 *    who answers 200 where the lesson showed 67x-700x has not misunderstood anything).
 */
import type { Quiz, QuizQuestion } from './schemas/quiz.ts';

/** The most single-choice questions whose right option may be the strictly longest. */
export const MAX_LONGEST_SHARE = 0.35;
/** Below this many single-choice questions a share is noise (one question is 0% or 100%), so only the ratio rule applies. */
export const MIN_QUESTIONS_FOR_SHARE = 10;
/** How much longer than the longest distractor a right option may be. */
export const MAX_RIGHT_RATIO = 1.15;
/** Words in a numeric prompt that point at a measurement of the course's own machine. */
const MEASURED = /ticklab bench|course'?s (?:vm|machine)|lesson'?s measurement|(?:took|measured) \d/i;

/** A quiz's problem, by file and field, as `ticklab check` reports it. */
export interface FairnessFinding {
  file: string;
  field?: string;
  message: string;
}

export interface FairnessReport {
  /** Single-choice questions across the course. */
  single: number;
  /** Of them, those whose right option is strictly the longest. */
  rightLongest: number;
  share: number;
  findings: FairnessFinding[];
  /** One line for the check's output: the counts and the limit. */
  summary: string;
}

const length = (text: string) => text.trim().length;

/** The right option's length over the longest distractor's, for a single-choice question. */
export function rightRatio(q: QuizQuestion): number | undefined {
  if (q.kind !== 'single' || !q.options) return undefined;
  const right = q.options.find((o) => o.correct);
  const wrong = q.options.filter((o) => !o.correct).map((o) => length(o.text));
  if (!right || wrong.length === 0) return undefined;
  return length(right.text) / Math.max(1, ...wrong);
}

/** Checks every quiz (by name, as content/quizzes/<name>.json) against the rules above. */
export function quizFairness(quizzes: ReadonlyMap<string, Quiz>): FairnessReport {
  const findings: FairnessFinding[] = [];
  let single = 0;
  let rightLongest = 0;
  for (const [name, quiz] of quizzes) {
    const file = `content/quizzes/${name}.json`;
    quiz.questions.forEach((q, i) => {
      if (q.kind === 'numeric') {
        if (MEASURED.test(q.prompt)) {
          findings.push({ file, field: `questions[${i}].prompt`, message: `asks to recall a figure measured on the course's machine ("${MEASURED.exec(q.prompt)![0]}"); ask the student to compute or reason from figures the prompt gives` });
        }
        return;
      }
      const ratio = rightRatio(q);
      if (ratio === undefined) return;
      single++;
      if (ratio > 1) rightLongest++;
      if (ratio > MAX_RIGHT_RATIO) {
        findings.push({ file, field: `questions[${i}].options`, message: `the right option is ${ratio.toFixed(2)}x the longest distractor (at most ${MAX_RIGHT_RATIO}x): a student who picks the longest option passes; shorten it or make the distractors as full` });
      }
    });
  }
  const share = single === 0 ? 0 : rightLongest / single;
  const percent = (x: number) => `${Math.round(x * 100)}%`;
  if (share > MAX_LONGEST_SHARE && single >= MIN_QUESTIONS_FOR_SHARE) {
    findings.push({ file: 'content/quizzes', message: `the right option is the strictly longest in ${rightLongest} of ${single} single-choice questions (${percent(share)}, at most ${percent(MAX_LONGEST_SHARE)}): picking the longest option would pass too often` });
  }
  const tooLong = findings.filter((f) => f.field?.endsWith('.options')).length;
  const limit = single >= MIN_QUESTIONS_FOR_SHARE ? `limit ${percent(MAX_LONGEST_SHARE)}` : `too few questions to judge the share, under ${MIN_QUESTIONS_FOR_SHARE}`;
  const summary = `quiz fairness: the right option is the strictly longest in ${rightLongest} of ${single} single-choice questions (${percent(share)}; ${limit}); ${tooLong} over ${MAX_RIGHT_RATIO}x the longest distractor`;
  return { single, rightLongest, share, findings, summary };
}
