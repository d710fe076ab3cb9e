/**
 * The trusted side's reading of a run's report. A grading process (or worker) streams
 * progress events and ends with `done`; this module decides what of that is believed.
 * Every message must carry the run's nonce (a secret the sealed realm never sees); the
 * results are rebuilt from the ordered test-start / test-end events, never taken from
 * the `done` payload; and the tests reported must be exactly the test file's own, as
 * collected by the trusted side, each once. Anything else is a `report`
 * problem that names what was wrong, and the run is an error, never a pass.
 * Browser-safe.
 */
import type { HarnessEvent, HarnessOutcome } from './run-tests.ts';
import type { Problem, TestResult } from './result-schema.ts';

/** A message on the grading channel, as sent by the sandbox's trusted entry. */
export type SignedMessage =
  | { nonce: string; type: 'event'; event: HarnessEvent }
  | { nonce: string; type: 'done'; outcome: HarnessOutcome }
  | { nonce: string; type: 'collected'; names: string[] };

/** A fresh secret for one run (128 random bits, hex). */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Collects a run's messages and judges them. One instance per run. */
export class ReportReader {
  readonly events: HarnessEvent[] = [];
  done: HarnessOutcome | undefined;
  collected: string[] | undefined;
  private readonly problems: Problem[] = [];

  constructor(private readonly nonce: string) {}

  /** Takes one message off the channel; a message without the nonce, or after `done`, is recorded as forged. */
  accept(message: unknown): void {
    const m = message as Partial<SignedMessage> | null;
    if (!m || typeof m !== 'object' || m.nonce !== this.nonce) return this.flag('a message on the grading channel did not carry this run\'s secret: something other than the harness wrote it');
    if (this.done) return this.flag('a message arrived after the run reported it was done');
    if (m.type === 'event' && m.event) this.events.push(m.event);
    else if (m.type === 'done' && m.outcome) this.done = m.outcome;
    else if (m.type === 'collected' && Array.isArray(m.names)) this.collected = m.names;
    else if ((m as { type?: string }).type === 'console') return; // printed output, not part of the report
    else this.flag(`an unknown message on the grading channel (type ${JSON.stringify(m.type)})`);
  }

  private flag(message: string): void {
    if (this.problems.length < 5) this.problems.push({ kind: 'report', message });
  }

  /** Problems found so far (forged or late messages). */
  get forged(): readonly Problem[] {
    return this.problems;
  }

  /**
   * The tests and problems to believe, from the events, checked against `expected` (the
   * test file's own names, in order; undefined when they could not be collected). With
   * `complete`, the run claims to have finished: every expected test must have ended.
   */
  judge(expected: readonly string[] | undefined, complete: boolean): { tests: TestResult[]; problems: Problem[] } {
    const problems = [...this.problems];
    const tests: TestResult[] = [];
    const seen = new Set<string>();
    const report = (message: string) => problems.length < 8 && problems.push({ kind: 'report', message });
    let open: string | undefined;
    for (const event of this.events) {
      if (event.type === 'test-start') {
        if (open !== undefined) report(`test "${event.name}" started before "${open}" ended`);
        if (seen.has(event.name)) report(`test "${event.name}" was reported more than once`);
        else if (expected && !expected.includes(event.name)) report(`test "${event.name}" is not in the test file`);
        seen.add(event.name);
        open = event.name;
      } else if (event.type === 'test-end') {
        if (open !== event.result.name) report(`test "${event.result.name}" ended without starting`);
        else tests.push(event.result);
        open = undefined;
      }
    }
    if (complete && this.done) {
      // The same tests with the same statuses (the summary lists them in the file's order; a
      // skipped suite's tests are streamed at the end, so the order may differ).
      const claimed = this.done.tests.map((t) => `"${t.name}" ${t.status}`).sort();
      const streamed = tests.map((t) => `"${t.name}" ${t.status}`).sort();
      const at = claimed.findIndex((c, i) => c !== streamed[i]);
      if (at >= 0 || claimed.length !== streamed.length) {
        const i = at >= 0 ? at : Math.min(claimed.length, streamed.length);
        report(`the final report does not match the tests as they ran: it says ${claimed[i] ?? 'nothing more'} where the run showed ${streamed[i] ?? 'nothing more'}`);
      } else {
        // Shown in the test file's order.
        const rank = new Map(this.done.tests.map((t, i) => [t.name, i]));
        tests.sort((a, b) => (rank.get(a.name) ?? 0) - (rank.get(b.name) ?? 0));
      }
      problems.push(...this.done.problems);
      const loadFailed = this.done.problems.some((p) => p.kind === 'load' || p.kind === 'no-tests');
      if (expected && !loadFailed) {
        const missing = expected.filter((name) => !seen.has(name));
        if (missing.length) report(`${missing.length} test${missing.length === 1 ? '' : 's'} of the test file never ran: "${missing.slice(0, 3).join('", "')}"${missing.length > 3 ? ', ...' : ''}`);
      }
    }
    return { tests, problems };
  }
}
