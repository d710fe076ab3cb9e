import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/bench/ring.ts';

describe('bench ring (quick smoke)', () => {
  it('returns a report of the documented shape', async () => {
    const lines: string[] = [];
    const r = await run({ json: true, quick: true, log: (l) => lines.push(l) });
    expect(r.bench).toBe('ring');
    expect(r.unit).toBe('msg/s');
    const results = r.results as { name: string; median: number }[];
    expect(results).toHaveLength(5);
    for (const x of results) {
      expect(typeof x.name).toBe('string');
      expect(x.median).toBeGreaterThan(0);
    }
    expect(results.map((x) => x.name).join()).toMatch(/SpscRingBuffer.*ringbuf\.js.*postMessage/);
    for (const k of ['ratio_single', 'ratio_batch', 'false_sharing_ratio']) {
      expect(typeof r[k]).toBe('number');
      expect(Number.isFinite(r[k] as number)).toBe(true);
    }
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
