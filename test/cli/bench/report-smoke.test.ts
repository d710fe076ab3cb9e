import { describe, expect, it } from 'vitest';
import { run, syntheticClass } from '../../../cli/bench/report.ts';
import { gradeReportSchema, makeReport } from '../../../grading/result-schema.ts';

describe('bench report (quick smoke)', () => {
  it('makes a valid, seeded class of the size asked', () => {
    const results = syntheticClass(['a-b', 'c-d'], 50);
    expect(results).toHaveLength(100);
    gradeReportSchema.parse(makeReport(results, '0.0.0'));
    expect(syntheticClass(['a-b', 'c-d'], 50)).toEqual(results);
    expect(new Set(results.map((r) => r.status))).toEqual(new Set(['pass', 'fail', 'error', 'timeout']));
  });

  it('returns a report of the documented shape', async () => {
    const lines: string[] = [];
    const r = await run({ json: true, quick: true, log: (l) => lines.push(l) });
    expect(r.bench).toBe('report');
    expect(r.results_graded).toBe(100);
    expect((r.results as { name: string }[]).map((x) => x.name)).toEqual(['JSON.parse', 'report in-process', 'node JSON.parse process', 'ticklab report process']);
    for (const k of ['ratio_in_process', 'ratio_process']) expect(Number.isFinite(r[k] as number) && (r[k] as number) > 0).toBe(true);
    expect(lines.join('\n')).toMatch(/report \/ JSON\.parse: [\d.]+x in one process/);
  }, 120_000);
});
