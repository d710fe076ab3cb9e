import { describe, expect, it } from 'vitest';
import { FALSE_SHARING_STRIDES, counterOffsets, onDistinctLines } from '../../../engine/hardware/false-sharing.ts';

describe('false-sharing lab: counter layouts', () => {
  it('places counters `stride` bytes apart', () => {
    expect(counterOffsets(8, 2)).toEqual([0, 8]);
    expect(counterOffsets(64, 3)).toEqual([0, 64, 128]);
    expect(counterOffsets(128, 2)).toEqual([0, 128]);
  });

  it('the lab compares one shared line, own lines, and own 128-byte line pairs', () => {
    expect(FALSE_SHARING_STRIDES).toEqual([8, 64, 128]);
    expect(onDistinctLines(counterOffsets(8, 2))).toBe(false);
    expect(onDistinctLines(counterOffsets(64, 2))).toBe(true);
    expect(onDistinctLines(counterOffsets(64, 2), 128)).toBe(false); // same adjacent-line pair
    expect(onDistinctLines(counterOffsets(128, 2), 128)).toBe(true);
  });

  it('refuses strides that would misalign an int32 counter', () => {
    for (const bad of [0, 2, 6, -8, 4.5]) expect(() => counterOffsets(bad, 2)).toThrow(RangeError);
  });
});
