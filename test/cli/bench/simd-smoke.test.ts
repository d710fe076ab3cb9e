// The simd benchmark runs end to end (quick sizes) and returns the documented JSON
// shape. It measures nothing: no timing is asserted.
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/bench/simd.ts';

describe('bench simd (quick)', () => {
  it('returns {"bench":"simd","results":[...],"ratio_sum_l1",...}', async () => {
    const lines: string[] = [];
    const report = await run({ json: true, quick: true, log: (l) => lines.push(l) });
    const json = JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
    expect(json.bench).toBe('simd');
    for (const key of ['ratio_sum_l1', 'ratio_vwap_l1', 'bandwidth_fraction_16m', 'ratio_sum_16m', 'ratio_vwap_16m', 'probe_gb_per_s_16m']) {
      expect(typeof json[key], key).toBe('number');
      expect(json[key] as number, key).toBeGreaterThan(0);
    }
    expect(json.meets_targets).toBeNull();
    const rows = report.results;
    expect(rows).toHaveLength(18);
    for (const size of [report.sizes.l1, report.sizes.large]) {
      for (const [kernel, impls] of [['sum', ['plain', 'scalar', 'simd', 'simd-copy']], ['vwap', ['plain', 'scalar', 'simd', 'simd-copy']], ['read', ['probe']]] as const) {
        for (const impl of impls) {
          const row = rows.find((r) => r.elements === size && r.kernel === kernel && r.impl === impl);
          expect(row, `${kernel}/${impl} at ${size}`).toBeDefined();
          expect(row!.ns_per_call).toBeGreaterThan(0);
          expect(row!.gb_per_s).toBeCloseTo(row!.bytes / row!.ns_per_call, 6);
          expect(row!.runs).toBeGreaterThanOrEqual(5);
        }
      }
    }
    expect(lines.some((l) => l.includes('SIMD / plain loop'))).toBe(true);
  });
});
