/** The report reader in isolation: what it believes of a stream of signed messages. */
import { describe, expect, it } from 'vitest';
import { makeNonce, ReportReader } from '../../grading/report-check.ts';

const pass = (name: string) => ({ name, status: 'pass' as const, durationMs: 1 });

function reader(nonce = 'n') {
  const r = new ReportReader(nonce);
  const ran = (name: string) => {
    r.accept({ nonce, type: 'event', event: { type: 'test-start', name } });
    r.accept({ nonce, type: 'event', event: { type: 'test-end', result: pass(name) } });
  };
  return { r, ran };
}

describe('ReportReader', () => {
  it('rebuilds results from the events, not from done', () => {
    const { r, ran } = reader();
    ran('x');
    r.accept({ nonce: 'n', type: 'done', outcome: { tests: [pass('x')], problems: [] } });
    expect(r.judge(['x'], true)).toEqual({ tests: [pass('x')], problems: [] });
  });

  it('flags a message from anyone without the nonce, whatever it says', () => {
    const { r } = reader();
    r.accept({ type: 'done', outcome: { tests: [], problems: [] } });
    r.accept(null);
    r.accept('done');
    expect(r.forged).toHaveLength(3);
    expect(r.done).toBeUndefined();
  });

  it('skips the list check only when the test file could not be listed', () => {
    const { r, ran } = reader();
    ran('anything');
    r.accept({ nonce: 'n', type: 'done', outcome: { tests: [pass('anything')], problems: [] } });
    expect(r.judge(undefined, true).problems).toEqual([]);
    expect(r.judge(['other'], true).problems.map((p) => p.message)).toEqual(['test "anything" is not in the test file', '1 test of the test file never ran: "other"']);
  });

  it('makes fresh 128-bit nonces', () => {
    const a = makeNonce();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(makeNonce()).not.toBe(a);
  });
});
