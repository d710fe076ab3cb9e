/** `ticklab grade --submissions`: a whole class, its shards, and the JSON, JUnit and CSV reports. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gradeReportSchema } from '../../grading/result-schema.ts';
import { CSV_HEADER } from '../../cli/report/csv.ts';
import { makeCourse, runCli } from './helpers.ts';

let root: string;
let classDir: string;
const STUDENTS = ['ada', 'bob', 'cy', 'dee', 'eve'];

beforeAll(() => {
  root = makeCourse();
  classDir = path.join(root, 'class');
  const solution = readFileSync(path.join(root, 'exercises/sum-ticks/solution.ts'), 'utf8');
  const starter = readFileSync(path.join(root, 'exercises/sum-ticks/exercise.ts'), 'utf8');
  STUDENTS.forEach((student, i) => {
    mkdirSync(path.join(classDir, student, 'sum-ticks'), { recursive: true });
    // Even-numbered students solved it; odd-numbered ones handed in the starting file.
    writeFileSync(path.join(classDir, student, 'sum-ticks', 'exercise.ts'), i % 2 === 0 ? solution : starter);
    // Only ada did mid-price; the others' is missing.
    if (student === 'ada') {
      mkdirSync(path.join(classDir, student, 'mid-price'), { recursive: true });
      writeFileSync(path.join(classDir, student, 'mid-price', 'exercise.ts'), readFileSync(path.join(root, 'exercises/mid-price/solution.ts'), 'utf8'));
    }
  });
});

describe('grading a class', () => {
  it('reports every student\'s every exercise, with JSON, JUnit and CSV', async () => {
    const junit = path.join(root, 'class.xml');
    const csv = path.join(root, 'class.csv');
    const run = await runCli(['grade', '--submissions', classDir, '--json', '--junit', junit, '--csv', csv], { root });
    expect(run.code).toBe(1);
    const report = gradeReportSchema.parse(JSON.parse(run.stdout));
    expect(report.results).toHaveLength(STUDENTS.length * 2);
    const status = (student: string, slug: string) => report.results.find((r) => r.student === student && r.exercise === slug)?.status;
    expect(status('ada', 'sum-ticks')).toBe('pass');
    expect(status('bob', 'sum-ticks')).toBe('fail');
    expect(status('cy', 'sum-ticks')).toBe('pass');
    expect(status('ada', 'mid-price')).toBe('pass');
    const missing = report.results.find((r) => r.student === 'bob' && r.exercise === 'mid-price')!;
    expect(missing.status).toBe('error');
    expect(missing.problems[0]).toMatchObject({ kind: 'missing', file: 'bob/mid-price/exercise.ts' });
    expect(report.summary).toEqual({ total: 10, pass: 4, fail: 2, error: 4, timeout: 0 });
    // Each test's own result is there too.
    const bob = report.results.find((r) => r.student === 'bob' && r.exercise === 'sum-ticks')!;
    expect(bob.tests.map((t) => [t.name, t.status])).toEqual([
      ['sumTicks > is 0 for no prices', 'pass'], // the starting file's length happens to be right for no prices
      ['sumTicks > adds prices', 'fail'],
    ]);

    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('<testsuite name="bob/sum-ticks" tests="2" failures="1" errors="0"');
    expect(xml).toContain('<testcase classname="ada/sum-ticks" name="sumTicks &gt; adds prices"');
    expect(xml).toMatch(/<error type="missing"/);

    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows[0]).toBe(CSV_HEADER.join(','));
    expect(rows).toContain('bob,sum-ticks,fail,1,2,' + bob.durationMs + ',');
    expect(rows).toHaveLength(11);
  }, 120_000);

  it('splits the class into disjoint shards that cover it', async () => {
    const students: string[][] = [];
    for (const shard of ['1/2', '2/2']) {
      const run = await runCli(['grade', 'mid-price', '--submissions', classDir, '--shard', shard, '--json'], { root });
      students.push(gradeReportSchema.parse(JSON.parse(run.stdout)).results.map((r) => r.student!));
    }
    expect(students[0]).toEqual(['ada', 'cy', 'eve']);
    expect(students[1]).toEqual(['bob', 'dee']);
  }, 120_000);

  it('rejects a malformed shard with a clear message', async () => {
    const run = await runCli(['grade', '--submissions', classDir, '--shard', '3/2'], { root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--shard takes "i\/n" with 1 <= i <= n/);
  });
});
