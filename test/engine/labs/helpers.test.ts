/** The measuring helpers every lab shares: points from rounds, the busy warning, rotation. */
import { describe, expect, it } from 'vitest';
import { BUSY_SPREAD, busyWarning, point, quantile, rotated } from '../../../engine/labs/measuring.ts';
import type { LabChart } from '../../../engine/labs/result.ts';
import { SortedArrayBook } from '../../../engine/labs/order-book.ts';

const chartOf = (spreads: number[]): LabChart => ({
  id: 'c',
  title: 't',
  kind: 'lines',
  x: { label: 'x', unit: '', scale: 'linear' },
  y: { label: 'y', unit: '', scale: 'linear', better: 'lower' },
  series: [{ id: 's', label: 's', points: spreads.map((s, i) => ({ ...point(i, [1]), spread: s })) }],
});

describe('lab measuring helpers', () => {
  it('a point is the median of the rounds, with quartiles and extremes around it', () => {
    const p = point(64, [5, 1, 4, 2, 3]);
    expect(p.median, 'median').toBe(3);
    expect([p.min, p.low, p.high, p.max], 'min, quartiles, max').toEqual([1, 2, 4, 5]);
    expect(p.spread, 'interquartile range / median').toBeCloseTo(2 / 3);
    expect(p.samples, 'rounds in the order measured').toEqual([5, 1, 4, 2, 3]);
    expect(point(1, [7]).spread, 'one round has no spread').toBe(0);
    expect(quantile([1, 2], 0.5), 'interpolated median').toBe(1.5);
  });

  it('warns that the machine was busy only when the rounds disagree', () => {
    expect(busyWarning([chartOf([0.01, 0.05, 0.1, 0.02])]).busy, 'steady rounds').toBeNull();
    expect(busyWarning([chartOf([0.01, 0.3, 0.4, 0.02])]).busy, 'half the points unsteady').toMatch(/busy/);
    expect(busyWarning([chartOf([0.01, 0.02, 0.03, 0.01, 0.02, 2 * BUSY_SPREAD + 0.1])]).busy, 'one wild point').toMatch(/up to 60%/);
  });

  it('rotates the contestants so that none always runs first', () => {
    expect(rotated(['a', 'b', 'c'], 0), 'round 0').toEqual(['a', 'b', 'c']);
    expect(rotated(['a', 'b', 'c'], 1), 'round 1').toEqual(['b', 'c', 'a']);
    expect(rotated(['a', 'b', 'c'], 5), 'round 5').toEqual(['c', 'a', 'b']);
  });

  it("the naive book keeps price-time order, matches a crossing order and cancels by id", () => {
    const b = new SortedArrayBook();
    b.limit(1, 0, 100, 5);
    b.limit(2, 0, 101, 5);
    b.limit(3, 0, 100, 5);
    expect(b.bids.map((o) => o.id), 'bids best first, then by time').toEqual([2, 1, 3]);
    expect(b.limit(4, 1, 100, 7), 'a sell at 100 fills 5 at 101 and 2 at 100').toBe(0);
    expect(b.bids.map((o) => [o.id, o.qty]), 'what rests').toEqual([[1, 3], [3, 5]]);
    expect(b.cancel(3), 'cancel a resting order').toBe(true);
    expect(b.cancel(3), 'cancel it again').toBe(false);
    expect(b.size, 'one order left').toBe(1);
  });
});
