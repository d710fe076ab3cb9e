/**
 * The mutation score of one exercise: of its solution's mutants that load, the share the
 * tests kill, less the mutants meta.json marks equivalent (`equivalentMutants`), each of
 * which must still match a surviving mutant, so the list cannot go stale unseen.
 */
import type { EquivalentMutant } from '../../content/schemas/exercise.ts';
import type { MutantOutcome } from './outcome.ts';

export interface MutationScore {
  /** Killed (or timed out) over killed plus survived, equivalents left out; 100 when there is nothing to kill. */
  score: number;
  killed: number;
  /** Mutants that load and are not marked equivalent. */
  counted: number;
  /** The surviving mutants not marked equivalent: each is a test to write or a mark to add. */
  survivors: MutantOutcome[];
  /** Marked equivalent and matched. */
  equivalent: number;
  /** The index in equivalentMutants of each mark that matches no surviving mutant. */
  staleMarks: number[];
  /** Mutants that did not load (a syntax or runtime error Stryker reports as invalid). */
  invalid: number;
}

/** Whether a meta.json mark names this mutant: its line, its operator and, if given, its replacement. */
export function marks(mark: EquivalentMutant, m: MutantOutcome): boolean {
  return mark.line === m.start.line && mark.mutator === m.mutator && (mark.replacement === undefined || mark.replacement === m.replacement);
}

export function scoreMutants(mutants: readonly MutantOutcome[], equivalents: readonly EquivalentMutant[]): MutationScore {
  const alive = (m: MutantOutcome) => m.status === 'survived' || m.status === 'no-coverage';
  const used = new Set<number>();
  let killed = 0;
  let counted = 0;
  let equivalent = 0;
  let invalid = 0;
  const survivors: MutantOutcome[] = [];
  for (const m of mutants) {
    if (m.status === 'invalid') {
      invalid++;
      continue;
    }
    const mark = alive(m) ? equivalents.findIndex((e) => marks(e, m)) : -1;
    if (mark >= 0) {
      used.add(mark);
      equivalent++;
      continue;
    }
    counted++;
    if (alive(m)) survivors.push(m);
    else killed++;
  }
  const staleMarks = equivalents.map((_, i) => i).filter((i) => !used.has(i));
  const score = counted === 0 ? 100 : (100 * killed) / counted;
  return { score, killed, counted, survivors, equivalent, staleMarks, invalid };
}

/** A mutant as a one-line diff of its line: where, which operator, what it became. */
export function describeMutant(source: string, m: MutantOutcome): string[] {
  const lines = source.split('\n');
  const first = lines[m.start.line - 1] ?? '';
  const last = lines[m.end.line - 1] ?? '';
  const mutated = first.slice(0, m.start.column - 1) + m.replacement + last.slice(m.end.column - 1);
  const label = `line ${m.start.line} (${m.mutator}${m.status === 'no-coverage' ? ', no test runs it' : ''})`;
  const shown = m.start.line === m.end.line ? [`- ${first.trim()}`, `+ ${mutated.trim()}`] : [`- ${first.trim()} ... (to line ${m.end.line})`, `+ ${mutated.replace(/\s+/g, ' ').trim()}`];
  return [label, ...shown];
}
