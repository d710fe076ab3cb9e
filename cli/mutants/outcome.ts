/**
 * One mutant of a solution and what the tests made of it, whichever way it was run
 * (Stryker's mutant schemata, or one mutant at a time through the grader).
 */

export type MutantStatus = 'killed' | 'timeout' | 'survived' | 'no-coverage' | 'invalid';

export interface MutantOutcome {
  /** Stryker's mutation operator, e.g. "ConditionalExpression". */
  mutator: string;
  /** The code that replaces the original span. */
  replacement: string;
  /** The span replaced, 1-based lines and columns, end exclusive. */
  start: { line: number; column: number };
  end: { line: number; column: number };
  /** killed and timeout count as caught; invalid (the mutant did not load) counts for nothing. */
  status: MutantStatus;
}

/** Stryker's status names in ours. */
export function fromStrykerStatus(status: string): MutantStatus {
  switch (status) {
    case 'Killed':
      return 'killed';
    case 'Timeout':
      return 'timeout';
    case 'Survived':
      return 'survived';
    case 'NoCoverage':
      return 'no-coverage';
    default:
      return 'invalid'; // CompileError, RuntimeError, Ignored, Pending
  }
}

/**
 * Whether every test that killed a mutant races real threads (meta.json `racyTests`, named
 * "describe > it"; Stryker's ids are "<file>#<describe> <it>"): a kinder schedule would pass it.
 */
export function killedOnlyByRacyTests(killedBy: readonly string[], racyTests: readonly string[]): boolean {
  if (racyTests.length === 0 || killedBy.length === 0) return false;
  const racy = racyTests.map((name) => name.split(' > ').join(' '));
  return killedBy.every((id) => racy.some((name) => id === name || id.endsWith(`#${name}`) || id.endsWith(` ${name}`)));
}
