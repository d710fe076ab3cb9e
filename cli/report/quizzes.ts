/**
 * Which quiz options the class chose, from students' exported progress files: for each
 * question, how many students answered, how many were right, how many chose each option
 * (or, for a numeric question, landed in each known-mistake range), and the wrong option
 * chosen most, the misconception that misled most. The CLI records only right or wrong,
 * so its students' answers count as answered but not as options chosen (`unrecorded`).
 */
import type { Quiz } from '../../content/schemas/quiz.ts';
import type { QuizAnswers } from './load.ts';

export interface OptionTally {
  /** The option's index in the quiz file, or the mistake's index for a numeric question. */
  index: number;
  text: string;
  correct: boolean;
  chosen: number;
  /** The quiz file's explanation: for a wrong option, the misconception it stands for. */
  why?: string;
}

export interface QuestionSummary {
  quiz: string;
  question: string;
  prompt: string;
  kind: 'single' | 'multiple' | 'numeric' | 'unknown';
  answered: number;
  right: number;
  /** Answers whose choice was not recorded (from the CLI). */
  unrecorded: number;
  options: OptionTally[];
  /** Numeric: wrong answers in no known mistake's range. */
  otherWrong?: number;
  /** The wrong option (or numeric mistake) chosen by most students, when any was. */
  mostMisleading?: { text: string; chosen: number; why?: string };
  /** The question's place in its quiz file (questions are listed in that order). */
  place: number;
}

export function summariseQuizzes(answers: readonly QuizAnswers[], quizzes: ReadonlyMap<string, Quiz>): QuestionSummary[] {
  const out = new Map<string, QuestionSummary>();
  for (const student of answers) {
    for (const [quizId, questions] of Object.entries(student.quizzes)) {
      for (const [questionId, answer] of Object.entries(questions)) {
        const k = `${quizId}\u0000${questionId}`;
        let summary = out.get(k);
        if (!summary) {
          const questions = quizzes.get(quizId)?.questions ?? [];
          const q = questions.find((x) => x.id === questionId);
          summary = {
            quiz: quizId,
            question: questionId,
            prompt: q?.prompt ?? '(not in this course\'s quizzes)',
            kind: q?.kind ?? 'unknown',
            answered: 0,
            right: 0,
            unrecorded: 0,
            options:
              q?.kind === 'numeric'
                ? q.mistakes.map((m, index) => ({ index, text: `${m.min} to ${m.max}${q.unit ? ` ${q.unit}` : ''}`, correct: false, chosen: 0, why: m.why }))
                : (q?.options ?? []).map((o, index) => ({ index, text: o.text, correct: o.correct, chosen: 0, why: o.why })),
            ...(q?.kind === 'numeric' ? { otherWrong: 0 } : {}),
            place: q ? questions.indexOf(q) : Number.MAX_SAFE_INTEGER,
          };
          out.set(k, summary);
        }
        summary.answered += 1;
        if (answer.right) summary.right += 1;
        if (answer.answer === undefined) {
          summary.unrecorded += 1;
        } else if (typeof answer.answer === 'number') {
          if (summary.kind !== 'numeric' || answer.right) continue;
          const q = quizzes.get(quizId)!.questions.find((x) => x.id === questionId)!;
          const hit = q.mistakes.findIndex((m) => answer.answer as number >= m.min && (answer.answer as number) <= m.max);
          if (hit >= 0) summary.options[hit]!.chosen += 1;
          else summary.otherWrong! += 1;
        } else {
          for (const index of new Set(answer.answer)) {
            const option = summary.options[index] ?? { index, text: `option ${index + 1} (not in this course's quiz)`, correct: false, chosen: 0 };
            if (!summary.options[index]) summary.options[index] = option;
            option.chosen += 1;
          }
        }
      }
    }
  }
  return [...out.values()]
    .map((s) => {
      s.options = s.options.filter(Boolean);
      const worst = s.options.filter((o) => !o.correct && o.chosen > 0).sort((a, b) => b.chosen - a.chosen || a.index - b.index)[0];
      return worst ? { ...s, mostMisleading: { text: worst.text, chosen: worst.chosen, ...(worst.why ? { why: worst.why } : {}) } } : s;
    })
    .sort((a, b) => (a.quiz < b.quiz ? -1 : a.quiz > b.quiz ? 1 : a.place - b.place || (a.question < b.question ? -1 : a.question > b.question ? 1 : 0)));
}
