/**
 * Every lab runs to completion in Node in quick mode and returns a result of the
 * documented shape (content/schemas/lab.ts): charts with a point per size and
 * contestant, medians within their spread, a reading, figures. No timing is asserted.
 */
import { describe, expect, it } from 'vitest';
import { labResultSchema } from '../../../content/schemas/lab.ts';
import { LAB_NAMES, loadLab, runLab, type LabResult } from '../../../engine/labs/index.ts';
import { LAB_CATALOG } from '../../../engine/labs/catalog.ts';
import { bookSizes } from '../../../engine/labs/order-book.ts';
import { simdSizes } from '../../../engine/labs/simd.ts';
import { chainSizes } from '../../../engine/labs/iterator-chain.ts';
import { ALLOCATION_PERCENTILES } from '../../../engine/labs/allocation.ts';

/** What each lab's quick run must plot: chart id -> series ids and the x of every point. */
const EXPECTED: Record<(typeof LAB_NAMES)[number], Record<string, { series: string[]; xs: number[] }>> = {
  'false-sharing': { 'time-per-increment': { series: ['atomic-add'], xs: [8, 64, 128] } },
  simd: {
    sum: { series: ['loop', 'scalar', 'simd'], xs: simdSizes(true) },
    vwap: { series: ['loop', 'scalar', 'simd'], xs: simdSizes(true) },
  },
  'iterator-chain': { 'ns-per-trade': { series: ['chain', 'loop', 'soa-scalar', 'soa-simd'], xs: chainSizes(true) } },
  allocation: { 'batch-latency': { series: ['allocate', 'pool'], xs: [...ALLOCATION_PERCENTILES] } },
  'order-book': {
    'commands-per-second': { series: ['engine', 'naive'], xs: bookSizes(true) },
    latency: { series: ['engine-p50', 'engine-p99', 'naive-p50', 'naive-p99'], xs: bookSizes(true) },
  },
};

describe('labs in Node (quick)', () => {
  for (const name of LAB_NAMES) {
    it(`${name}: runs to completion, reports progress, and returns a result of the documented shape`, async () => {
      const fractions: number[] = [];
      const result: LabResult = await runLab(name, { quick: true, onProgress: (f) => fractions.push(f) });
      const parsed = labResultSchema.safeParse(result);
      expect(parsed.success ? [] : parsed.error.issues, `${name}: schema issues`).toEqual([]);
      expect(result.lab, 'the lab named').toBe(name);
      expect(result.quick, 'quick flag').toBe(true);
      expect(result.title, 'title from the catalog').toBe(LAB_CATALOG[name].title);
      const charts = Object.fromEntries(result.charts.map((c) => [c.id, c]));
      expect(Object.keys(charts).sort(), 'chart ids').toEqual(Object.keys(EXPECTED[name]).sort());
      for (const [id, want] of Object.entries(EXPECTED[name])) {
        const chart = charts[id]!;
        expect(chart.series.map((s) => s.id), `${id}: series`).toEqual(want.series);
        for (const s of chart.series) {
          expect(s.points.map((p) => p.x), `${id}/${s.id}: a point per x`).toEqual(want.xs);
          for (const p of s.points) {
            expect(p.samples.length, `${id}/${s.id}@${p.x}: a sample per round`).toBe(result.rounds);
            expect(p.median, `${id}/${s.id}@${p.x}: a positive median`).toBeGreaterThan(0);
          }
        }
      }
      expect(result.reading.length, 'a one-line reading').toBeGreaterThan(20);
      expect(result.reading, 'one line').not.toContain('\n');
      expect(fractions.length, 'progress reported').toBeGreaterThan(0);
      expect(fractions.at(-1), 'progress ends at 1').toBe(1);
      expect(fractions.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= fractions[i - 1]!)), 'progress rises within [0, 1]').toBe(true);
      expect(JSON.parse(JSON.stringify(result)), 'the result survives JSON').toEqual(result);
    });
  }

  it('an aborted lab rejects with an AbortError and stops', async () => {
    const controller = new AbortController();
    const run = runLab('order-book', { quick: true, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run, 'aborted run').rejects.toMatchObject({ name: 'AbortError' });
    const before = new AbortController();
    before.abort();
    await expect(runLab('simd', { quick: true, signal: before.signal }), 'aborted before it starts').rejects.toMatchObject({ name: 'AbortError' });
  });

  it('names every lab in the catalog, each with a description that says what to expect', async () => {
    expect(Object.keys(LAB_CATALOG), 'catalog order').toEqual([...LAB_NAMES]);
    for (const name of LAB_NAMES) {
      expect(LAB_CATALOG[name].description, `${name}: what to expect`).toMatch(/Expect/);
      expect((await loadLab(name)).name, `${name}: module`).toBe(name);
    }
    await expect(loadLab('no-such-lab'), 'an unknown lab').rejects.toThrow(/the labs are false-sharing, simd/);
  });
});
