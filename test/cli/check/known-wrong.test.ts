/** Known-wrong solutions as patches of solution.ts: made, applied, and refused with the file named. */
import { describe, expect, it } from 'vitest';
import { applyKnownWrong, createKnownWrongPatch, KnownWrongError } from '../../../cli/check/known-wrong.ts';

const SOLUTION = [
  '/**',
  ' * Exercise: spread (reference solution).',
  ' */',
  '',
  'export function spread(bid: number, ask: number): number {',
  '  // Never negative on an uncrossed book.',
  '  return ask - bid;',
  '}',
  '',
].join('\n');
const WRONG = ['/** Subtracts the ask from the bid: a negative spread. */', 'export function spread(bid: number, ask: number): number {', '  // Never negative on an uncrossed book.', '  return bid - ask;', '}', ''].join('\n');
const HEADER = '/** Subtracts the ask from the bid: a negative spread. */';

describe('known-wrong patches', () => {
  it('keep the mistake in a few lines: the header, then a diff that leaves the solution header alone', () => {
    const patch = createKnownWrongPatch(HEADER, SOLUTION, WRONG, 'bid-minus-ask');
    expect(patch).toBe(
      [
        HEADER,
        '--- solution.ts',
        '+++ wrong/bid-minus-ask.ts',
        '@@ -4,5 +4,5 @@',
        ' ',
        ' export function spread(bid: number, ask: number): number {',
        '   // Never negative on an uncrossed book.',
        '-  return ask - bid;',
        '+  return bid - ask;',
        ' }',
        '',
      ].join('\n'),
    );
  });

  it('apply to the solution, the solution header replaced by the mistake', () => {
    const patch = createKnownWrongPatch(HEADER, SOLUTION, WRONG, 'bid-minus-ask');
    const { header, source } = applyKnownWrong(patch, SOLUTION, 'wrong/bid-minus-ask.patch');
    expect(header).toBe(HEADER);
    expect(source).toBe(`${HEADER}\n\n${WRONG.slice(HEADER.length + 1)}`);
  });

  it('refuse a patch that no longer applies, naming the file and the hunk', () => {
    const patch = createKnownWrongPatch(HEADER, SOLUTION, WRONG, 'bid-minus-ask');
    const changed = SOLUTION.replace('return ask - bid;', 'return Math.max(0, ask - bid);');
    expect(() => applyKnownWrong(patch, changed, 'exercises/spread/wrong/bid-minus-ask.patch')).toThrow(
      /^exercises\/spread\/wrong\/bid-minus-ask\.patch: no longer applies to solution\.ts: the hunk "@@ -4,5 \+4,5 @@" does not match it/,
    );
  });

  it('refuse a file with no diff, or a diff of two files, as KnownWrongError', () => {
    const noDiff = () => applyKnownWrong(`${HEADER}\nexport const x = 1;\n`, SOLUTION, 'w.patch');
    expect(noDiff).toThrow(KnownWrongError);
    expect(noDiff).toThrow(/w\.patch: has no diff/);
    const two = createKnownWrongPatch(HEADER, SOLUTION, WRONG, 'a') + createKnownWrongPatch('', SOLUTION, WRONG, 'b').trimStart();
    expect(() => applyKnownWrong(two, SOLUTION, 'w.patch')).toThrow(/w\.patch: changes 2 files; a known-wrong patch changes solution\.ts only/);
  });
});
