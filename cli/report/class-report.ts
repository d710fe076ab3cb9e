/**
 * `ticklab report --json`: the class analysis and the quiz summary as one object, the
 * format an instructor's own tools read. Versioned like the results format.
 */
import type { Quiz } from '../../content/schemas/quiz.ts';
import { analyse, type AnalyseOptions, type ClassAnalysis } from './analyse.ts';
import type { LoadedClass } from './load.ts';
import { summariseQuizzes, type QuestionSummary } from './quizzes.ts';

export const CLASS_REPORT_FORMAT = 'ticklab-class-report';
export const CLASS_REPORT_VERSION = 1;

export interface ClassReport extends ClassAnalysis {
  format: typeof CLASS_REPORT_FORMAT;
  version: typeof CLASS_REPORT_VERSION;
  quizzes: QuestionSummary[];
}

export function classReport(loaded: Pick<LoadedClass, 'results' | 'answers'>, quizzes: ReadonlyMap<string, Quiz>, options: AnalyseOptions = {}): ClassReport {
  return { format: CLASS_REPORT_FORMAT, version: CLASS_REPORT_VERSION, ...analyse(loaded.results, options), quizzes: summariseQuizzes(loaded.answers, quizzes) };
}
