/**
 * The shape the report's writers read: a results-schema result whose problem `kind` may be
 * one this version does not know (a newer grader's), so reports stay readable as kinds grow.
 */
import type { ExerciseResult, Problem } from '../../grading/result-schema.ts';

export type ProblemLike = Omit<Problem, 'kind'> & { kind: string };
export type ResultLike = Omit<ExerciseResult, 'problems'> & { problems: ProblemLike[] };
