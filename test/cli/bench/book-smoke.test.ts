import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/bench/book.ts';

describe('bench book (quick smoke)', () => {
  it('returns a report of the documented shape', async () => {
    const lines: string[] = [];
    const r = await run({ json: true, quick: true, log: (l) => lines.push(l) });
    expect(r.bench).toBe('book');
    expect(r.unit).toBe('ops/s');
    expect(typeof r.ratio).toBe('number');
    const results = r.results as Record<string, unknown>[];
    expect(results.map((x) => x.name)).toEqual(['ticklab', 'nodejs-order-book']);
    for (const x of results) {
      for (const k of ['median', 'p50_ns', 'p99_ns', 'p999_ns', 'max_ns', 'mem_bytes']) expect(typeof x[k]).toBe('number');
      expect(x.median as number).toBeGreaterThan(0);
      expect(x.p50_ns as number).toBeLessThanOrEqual(x.p999_ns as number);
    }
    const deep = r.deep as { resting: number; results: unknown[]; ratio: number };
    expect(deep.results).toHaveLength(2);
    expect(typeof deep.ratio).toBe('number');
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
