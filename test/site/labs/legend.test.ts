/** A lab legend says whose each series is and shows a value with the pointer away from the plot. */
import { describe, expect, it } from 'vitest';
import { legendLabel, legendValue, machineDescription } from '../../../site/lib/labs/legend.ts';

const fmt = (v: number) => v.toFixed(1);

describe('lab legends', () => {
  it('name the student\'s series "you" and the other "reference"', () => {
    expect(legendLabel('you', 'padded')).toBe('you: padded');
    expect(legendLabel('reference', 'padded')).toBe('reference: padded');
  });

  it('show the value under the pointer, else the last measured point with its x', () => {
    const column = [1, 2.25, null];
    expect(legendValue(2.25, 1, column, ['1', '2', '4'], 'µs', fmt)).toBe('2.3 µs');
    expect(legendValue(null, 2, column, ['1', '2', '4'], 'µs', fmt)).toBe('no figure here');
    expect(legendValue(null, null, column, ['1', '2', '4'], 'µs', fmt)).toBe('2.3 µs at 2');
    expect(legendValue(null, null, [null, null], ['1', '2'], 'µs', fmt)).toBe('no figure');
  });

  it('print a machine note\'s repeated sentences once', () => {
    expect(machineDescription('AMD EPYC, 2 cores. Node v20. AMD EPYC, 2 cores. Node v20. A shared VM.')).toBe('AMD EPYC, 2 cores. Node v20. A shared VM.');
  });
});
