/** `ticklab report`'s analysis in-process: grouping, rates, kinds, quizzes, anonymity, reading and merging reports. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../cli/report/analyse.ts';
import { anonymise } from '../../../cli/report/anonymise.ts';
import { classReport } from '../../../cli/report/class-report.ts';
import { loadClass, type QuizAnswers } from '../../../cli/report/load.ts';
import { normaliseMessage } from '../../../cli/report/normalise.ts';
import { DEFAULT_RULES } from '../../../cli/report/points.ts';
import { summariseQuizzes } from '../../../cli/report/quizzes.ts';
import type { Quiz } from '../../../content/schemas/quiz.ts';
import { tempDir } from '../../temp-dir.ts';
import { result } from './synthetic.ts';

const report = (results: unknown[]) => ({ schemaVersion: 1, tool: 'ticklab', version: '0.1.0', createdAt: '2026-12-01T00:00:00.000Z', results, summary: { total: 0, pass: 0, fail: 0, error: 0, timeout: 0 } });

describe('normaliseMessage', () => {
  it('puts messages that differ only in their values together', () => {
    expect(normaliseMessage('expected 5, received 4')).toBe(normaliseMessage('expected 7, received 6'));
    expect(normaliseMessage('expected -1.5e3 to be 0x1F')).toBe('expected <n> to be <n>');
    expect(normaliseMessage('order 3f2b8c1e-1a2b-4c3d-9e8f-0123456789ab is unknown')).toBe('order <id> is unknown');
    expect(normaliseMessage('no file kai/sum/exercise.ts', 'kai')).toBe('no file <student>/sum/exercise.ts');
  });

  it('keeps names with digits in them and the first line only', () => {
    expect(normaliseMessage('expected Float64Array [ 1, 2 ] to equal int32 3\n- Expected\n+ Received')).toBe('expected Float64Array [ <n>, <n> ] to equal int32 <n>');
  });
});

describe('analyse', () => {
  const results = [
    result('sum', 'ada', [['sum > empty', 'pass'], ['sum > adds', 'pass']]),
    result('sum', 'bo', [['sum > empty', 'pass'], ['sum > adds', 'fail', 'expected 5, received 4']]),
    result('sum', 'cy', [['sum > empty', 'fail', 'expected 0, received 1'], ['sum > adds', 'fail', 'expected 7, received 6']]),
    result('sum', 'dee', [['sum > empty', 'pass'], ['sum > adds', 'fail', 'expected 9, received 8']]),
    result('mid', 'ada', [], [{ kind: 'missing', message: 'no file ada/mid/exercise.ts' }]),
    result('mid', 'bo', [], [{ kind: 'timeout', message: 'stopped after the time limit of 5000 ms' }]),
    result('mid', 'cy', [], [{ kind: 'gpu-fault', message: 'a kind added by a newer grader' }]),
  ];
  const rules = new Map([['sum', { ...DEFAULT_RULES, points: 4, testWeights: { 'sum > adds': 3 } }]]);

  it('counts pass rates, failure rates and the commonest first failure', () => {
    const a = analyse(results, { rules, order: ['sum', 'mid'] });
    expect(a.students).toEqual(['ada', 'bo', 'cy', 'dee']);
    expect(a.exercises.map((e) => [e.exercise, e.graded, e.pass, e.passRate, e.missing, e.meanScore])).toEqual([
      ['sum', 4, 1, 0.25, 0, 1.5], // (4 + 1 + 0 + 1) / 4: adds is worth 3 of sum's 4 points
      ['mid', 3, 0, 0, 1, 0],
    ]);
    expect(a.tests.map((t) => [t.test, t.failures, t.runs, t.failureRate])).toEqual([
      ['sum > adds', 3, 4, 0.75],
      ['sum > empty', 1, 4, 0.25],
    ]);
    // bo's and dee's first failures are one mistake; cy failed first elsewhere.
    expect(a.messages[0]).toEqual({ exercise: 'sum', test: 'sum > adds', pattern: 'expected <n>, received <n>', count: 2, example: 'expected 5, received 4' });
    expect(a.messages.find((m) => m.test === 'sum > empty')?.count).toBe(1);
    expect(a.messages.find((m) => m.test === '[missing]')?.pattern).toBe('missing: no file <student>/mid/exercise.ts');
  });

  it('lists problems by kind, known kinds first and a kind it does not know after them', () => {
    const a = analyse(results, { rules });
    expect(a.problems.map((p) => [p.kind, p.count, p.byExercise])).toEqual([
      ['missing', 1, { mid: 1 }],
      ['timeout', 1, { mid: 1 }],
      ['gpu-fault', 1, { mid: 1 }],
    ]);
  });

  it('gives each student a row of verdicts and points, marking what was not handed in and not graded', () => {
    const a = analyse(results, { rules, order: ['sum', 'mid'] });
    expect(a.grid.find((r) => r.student === 'ada')).toEqual({
      student: 'ada',
      score: 4,
      max: 5,
      cells: [
        { exercise: 'sum', status: 'pass', score: 4 },
        { exercise: 'mid', status: 'missing', score: 0 },
      ],
    });
    expect(a.grid.find((r) => r.student === 'dee')!.cells[1]).toEqual({ exercise: 'mid', status: 'none', score: 0 });
  });

  it('does not depend on the order of the results', () => {
    const shuffled = [results[5], results[2], results[0], results[6], results[3], results[1], results[4]].map((r) => r!);
    expect(analyse(shuffled, { rules, order: ['sum', 'mid'] })).toEqual(analyse(results, { rules, order: ['sum', 'mid'] }));
  });
});

describe('quizzes', () => {
  const quiz: Quiz = {
    title: 'Orders',
    lesson: 'basics/quotes',
    questions: [
      {
        id: 'market',
        kind: 'single',
        prompt: 'What does a market buy pay?',
        options: [
          { text: 'Walks the book', correct: true, why: 'Right, it walks the book.' },
          { text: 'The best ask for all', correct: false, why: 'Misconception: there is not enough there.' },
          { text: 'The mid', correct: false, why: 'Misconception: nobody offers the mid.' },
        ],
        mistakes: [],
        answer: 'It fills from the best ask upward until the quantity is done, level by level.',
      },
      { id: 'dram', kind: 'numeric', prompt: 'How many ns is a DRAM read?', value: 80, tolerance: 40, mistakes: [{ min: 0, max: 10, why: 'That is a cache hit.' }], answer: 'Roughly fifty to a hundred and twenty nanoseconds for a read that misses every cache.' },
    ],
  };
  const answers: QuizAnswers[] = [
    { student: 'a', file: 'a.json', quizzes: { orders: { market: { answer: [1], right: false, attempts: 1, at: 0 }, dram: { answer: 4, right: false, attempts: 1, at: 0 } } } },
    { student: 'b', file: 'b.json', quizzes: { orders: { market: { answer: [1], right: false, attempts: 1, at: 0 }, dram: { answer: 500, right: false, attempts: 1, at: 0 } } } },
    { student: 'c', file: 'c.json', quizzes: { orders: { market: { answer: [0], right: true, attempts: 1, at: 0 }, dram: { answer: 90, right: true, attempts: 1, at: 0 } } } },
    { student: 'd', file: 'd.json', quizzes: { orders: { market: { right: false, attempts: 1, at: 0 } } } },
  ];

  it('counts the options chosen and names the misconception that misled most', () => {
    // In the quiz file's order.
    const [market, dram] = summariseQuizzes(answers, new Map([['orders', quiz]]));
    expect(market).toMatchObject({ question: 'market', answered: 4, right: 1, unrecorded: 1, mostMisleading: { text: 'The best ask for all', chosen: 2, why: 'Misconception: there is not enough there.' } });
    expect(market!.options.map((o) => o.chosen)).toEqual([1, 2, 0]);
    expect(dram).toMatchObject({ question: 'dram', kind: 'numeric', answered: 3, right: 1, otherWrong: 1, mostMisleading: { chosen: 1 } });
    expect(dram!.options[0]).toMatchObject({ text: '0 to 10', why: 'That is a cache hit.', chosen: 1 });
  });

  it('reports a quiz the course does not have by option number', () => {
    const q = summariseQuizzes([answers[0]!], new Map()).find((x) => x.question === 'market');
    expect(q).toMatchObject({ kind: 'unknown', prompt: expect.stringContaining('not in this course'), options: [{ index: 1, chosen: 1, text: expect.stringMatching(/^option 2/) }] });
  });
});

describe('anonymise', () => {
  it('replaces every name, in results, messages and files, and drops printed output', () => {
    const withOutput = { ...result('mid', 'ada', [], [{ kind: 'missing', message: 'no file ada/mid/exercise.ts', file: 'ada/mid/exercise.ts' }]), output: 'hello from ada' };
    const out = anonymise({ results: [withOutput, result('sum', 'bo', [['t', 'fail', 'bo was here']])], answers: [{ student: 'cy', file: 'progress/cy.json', quizzes: {} }] });
    const text = JSON.stringify({ results: out.results, answers: out.answers });
    for (const name of ['ada', 'bo', 'cy']) expect(text).not.toMatch(new RegExp(`\\b${name}\\b`));
    expect(out.results.map((r) => r.student)).toEqual(['student-01', 'student-02']);
    expect(out.answers[0]!.student).toBe('student-03');
  });
});

describe('reading reports', () => {
  const rows = [
    result('sum', 'ada', [['sum > adds', 'pass']]),
    result('sum', 'bo', [['sum > adds', 'fail', 'expected 5, received 4']]),
    result('sum', 'cy', [['sum > adds', 'fail', 'expected 7, received 6']]),
    result('sum', 'dee', [], [{ kind: 'missing', message: 'no file dee/sum/exercise.ts' }]),
  ];

  it('merges shards in a folder into the report of one run, and reads progress files beside them', () => {
    const dir = tempDir('ticklab-report-');
    mkdirSync(path.join(dir, 'shards'));
    rows.forEach((r, i) => writeFileSync(path.join(dir, 'shards', `shard-${i + 1}.json`), JSON.stringify(report([r]))));
    writeFileSync(path.join(dir, 'shards', 'cy.json'), JSON.stringify({ format: 'ticklab-progress', version: 1, exportedAt: '2026-12-01T00:00:00.000Z', quizzes: { orders: { market: { answer: [1], right: false } } } }));
    writeFileSync(path.join(dir, 'one.json'), JSON.stringify(report(rows)));
    const merged = loadClass([path.join(dir, 'shards')]);
    expect(merged.reports).toHaveLength(4);
    expect(merged.answers.map((a) => a.student)).toEqual(['cy']);
    const single = loadClass([path.join(dir, 'one.json')]);
    expect(classReport({ ...merged, answers: [] }, new Map())).toEqual(classReport(single, new Map()));
  });

  it('refuses the same result in two reports, and names the file and field of a bad one', () => {
    const dir = tempDir('ticklab-report-');
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify(report(rows)));
    writeFileSync(path.join(dir, 'b.json'), JSON.stringify(report([rows[1]])));
    expect(() => loadClass([dir])).toThrow(/bo\/sum is graded in both .*a\.json and .*b\.json/);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(report([{ ...rows[0], status: 'great' }])));
    expect(() => loadClass([bad])).toThrow(/bad\.json \(results\[0\]\.status\): Invalid enum value/);
    writeFileSync(bad, JSON.stringify({ ...report([]), schemaVersion: 2 }));
    expect(() => loadClass([bad])).toThrow(/bad\.json: results format version 2; this ticklab reads version 1/);
    writeFileSync(bad, '{"score": 3}');
    expect(() => loadClass([bad])).toThrow(/bad\.json: neither a grade report/);
  });
});
