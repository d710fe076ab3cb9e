/**
 * The grader believes only a report it can check (grading/report-check.ts): signed with
 * the run's nonce, the test file's own tests each started and ended once, a `done` that
 * agrees with the stream, and a clean exit after it. These scripts stand in for a sandbox
 * whose harness was subverted: each writes one kind of lie, and none may come out a pass.
 */
import { describe, expect, it } from 'vitest';
import { runSandbox } from '../../../cli/grader/sandbox.ts';

const EXPECTED = ['a', 'b'];

/** A sandbox script: `body` runs with `nonce` (the real one, unless the script forges its own) and `send`. */
const script = (body: string) => `
process.once('message', ({ nonce }) => {
  const send = (m, cb) => process.send(m, undefined, {}, cb);
  const pass = (name) => ({ name, status: 'pass', durationMs: 1 });
  const ran = (name, n = nonce) => { send({ nonce: n, type: 'event', event: { type: 'test-start', name } }); send({ nonce: n, type: 'event', event: { type: 'test-end', result: pass(name) } }); };
  send({ nonce, type: 'started' });
  ${body}
});
`;

async function outcomeOf(body: string) {
  return runSandbox(script(body), { timeLimitMs: 5_000, memoryLimitMb: 64 }, {}, { mode: 'run', expected: EXPECTED });
}

describe('the trusted reading of a sandbox report', () => {
  it('believes an honest report', async () => {
    const outcome = await outcomeOf("ran('a'); ran('b'); send({ nonce, type: 'done', outcome: { tests: [pass('a'), pass('b')], problems: [] } }, () => process.exit(0));");
    expect(outcome.problems).toEqual([]);
    expect(outcome.tests.map((t) => `${t.name}:${t.status}`)).toEqual(['a:pass', 'b:pass']);
  }, 30_000);

  it.each([
    ['a report without the nonce', "send({ type: 'done', outcome: { tests: [pass('a'), pass('b')], problems: [] } }, () => process.exit(0));", /did not carry this run's secret/],
    ['a report with a guessed nonce', "ran('a', 'guess'); ran('b', 'guess'); send({ nonce: 'guess', type: 'done', outcome: { tests: [pass('a'), pass('b')], problems: [] } }, () => process.exit(0));", /did not carry this run's secret/],
    ['a done with no tests run', "send({ nonce, type: 'done', outcome: { tests: [pass('a'), pass('b')], problems: [] } }, () => process.exit(0));", /final report does not match|never ran/],
    ['a test missing', "ran('a'); send({ nonce, type: 'done', outcome: { tests: [pass('a')], problems: [] } }, () => process.exit(0));", /1 test of the test file never ran: "b"/],
    ['an extra test', "ran('a'); ran('b'); ran('c'); send({ nonce, type: 'done', outcome: { tests: [pass('a'), pass('b'), pass('c')], problems: [] } }, () => process.exit(0));", /test "c" is not in the test file/],
    ['a renamed test', "ran('a'); ran('B'); send({ nonce, type: 'done', outcome: { tests: [pass('a'), pass('B')], problems: [] } }, () => process.exit(0));", /test "B" is not in the test file/],
    ['a repeated test', "ran('a'); ran('a'); ran('b'); send({ nonce, type: 'done', outcome: { tests: [pass('a'), pass('a'), pass('b')], problems: [] } }, () => process.exit(0));", /reported more than once/],
    ['a second done', "ran('a'); ran('b'); const d = { nonce, type: 'done', outcome: { tests: [pass('a'), pass('b')], problems: [] } }; send(d); send(d, () => process.exit(0));", /after the run reported it was done/],
    ['a done that contradicts the stream', "ran('a'); send({ nonce, type: 'event', event: { type: 'test-start', name: 'b' } }); send({ nonce, type: 'event', event: { type: 'test-end', result: { name: 'b', status: 'fail', durationMs: 1 } } }); send({ nonce, type: 'done', outcome: { tests: [pass('a'), pass('b')], problems: [] } }, () => process.exit(0));", /final report does not match/],
    ['a good report, then an unclean exit', "ran('a'); ran('b'); send({ nonce, type: 'done', outcome: { tests: [pass('a'), pass('b')], problems: [] } }, () => process.exit(3));", /ended uncleanly after its report \(exit code 3\)/],
    ['an exit before the tests finished', "ran('a'); send({ nonce, type: 'event', event: { type: 'test-start', name: 'b' } }, () => process.exit(0));", /ended before its tests finished/],
  ])('makes %s an error', async (_what, body, message) => {
    const outcome = await outcomeOf(body);
    expect(outcome.problems.length, 'problems').toBeGreaterThan(0);
    expect(outcome.problems.map((p) => p.message).join('\n')).toMatch(message);
  }, 30_000);
});
