// The zero-cost benchmark runs end to end (quick sizes) and returns its documented JSON
// shape, every variant at both sizes. It measures nothing: no timing is asserted.
import { describe, expect, it } from 'vitest';
import { run, ZERO_COST_VARIANTS } from '../../../cli/bench/zero-cost.ts';

describe('bench zero-cost (quick)', () => {
  it('returns {"bench":"zero-cost","results":[...],"ratios":{...}} with every variant at both sizes', async () => {
    const lines: string[] = [];
    const report = await run({ json: true, quick: true, log: (l) => lines.push(l) });
    expect(report.bench, 'bench name').toBe('zero-cost');
    for (const size of [report.sizes.small, report.sizes.large]) {
      for (const variant of ZERO_COST_VARIANTS) {
        const row = report.results.find((r) => r.trades === size && r.variant === variant);
        expect(row, `${variant} at ${size} trades`).toBeDefined();
        expect(row!.ns_per_call, `${variant} at ${size}: time per call`).toBeGreaterThan(0);
      }
    }
    for (const which of ['small', 'large'] as const) {
      expect(report.ratios[which].loop, `${which}: the loop is the baseline`).toBe(1);
      expect(report.chain_over_simd[which], `${which}: chain over SIMD`).toBeGreaterThan(0);
    }
    expect(lines.some((l) => l.includes('chain / loop')), 'the ratios are printed').toBe(true);
  });
});
