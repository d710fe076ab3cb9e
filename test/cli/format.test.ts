/** The terminal view of results: compact where vitest's diff only repeats the assertion. */
import { describe, expect, it } from 'vitest';
import { compactMessage, progressBar } from '../../cli/report/format.ts';

describe('compactMessage', () => {
  it('drops a diff of two plain values', () => {
    expect(compactMessage('expected 7 to be 3 // Object.is equality\n- Expected\n+ Received\n\n- 3\n+ 7')).toBe('expected 7 to be 3 // Object.is equality');
    expect(compactMessage("expected 'ok' to be 'x'\nExpected: \"x\"\nReceived: \"ok\"")).toBe("expected 'ok' to be 'x'");
  });

  it('keeps a diff that shows structure', () => {
    const message = 'expected [ 1, 2 ] to deeply equal [ 1, 3 ]\n- Expected\n+ Received\n\n  [\n    1,\n-   3,\n+   2,\n  ]';
    expect(compactMessage(message)).toBe(message);
  });
});

describe('progressBar', () => {
  it('fills in proportion', () => {
    expect(progressBar(1, 4, 8).replace(/\u001b\[[0-9;]*m/g, '')).toBe('[##------] 1/4');
    expect(progressBar(0, 0, 4).replace(/\u001b\[[0-9;]*m/g, '')).toBe('[----] 0/0');
  });
});
