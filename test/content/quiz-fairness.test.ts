/** The quiz-fairness rule `ticklab check` enforces (content/quiz-fairness.ts), on made-up quizzes and on the course's. */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../cli/catalog.ts';
import { quizSchema, type Quiz } from '../../content/schemas/quiz.ts';
import { MAX_LONGEST_SHARE, quizFairness } from '../../content/quiz-fairness.ts';
import { REPO } from '../cli/helpers.ts';

const question = (id: string, right: string, wrong: string[]) => ({
  id,
  prompt: 'Which one is right here?',
  options: [{ text: right, correct: true, why: 'Right, because it is.' }, ...wrong.map((text) => ({ text, why: 'Wrong, because it is not.' }))],
  answer: 'The full answer, long enough to satisfy the schema of a quiz.',
});
const quiz = (questions: unknown[]): Quiz => quizSchema.parse({ title: 'A quiz', lesson: 'orientation/why-rust', questions });

describe('quiz fairness', () => {
  it('counts the questions whose right option is strictly longest, and fails above the share', () => {
    const even = quizFairness(new Map([['even', quiz([question('a', 'xxxx', ['xxxx', 'yy']), question('b', 'x'.repeat(23), ['x'.repeat(20)]), question('c', 'xx', ['xxxx'])])]]));
    expect(even).toMatchObject({ single: 3, rightLongest: 1 });
    expect(even.share).toBeCloseTo(1 / 3);
    expect(even.findings).toEqual([]);
    const some = (n: number, long: boolean) => Array.from({ length: n }, (_, i) => (long ? question(`l${i}`, 'x'.repeat(23), ['x'.repeat(20)]) : question(`s${i}`, 'xx', ['xxxx'])));
    const tell = quizFairness(new Map([['tell', quiz([...some(4, true), ...some(6, false)])]]));
    expect(tell.findings).toEqual([expect.objectContaining({ file: 'content/quizzes', message: expect.stringMatching(/4 of 10 single-choice questions \(40%, at most 35%\)/) })]);
    // Below ten questions a share says nothing: one question is 0% or 100%.
    const tiny = quizFairness(new Map([['tiny', quiz(some(1, true))]]));
    expect(tiny.findings).toEqual([]);
    expect(tiny.summary).toMatch(/too few questions to judge the share/);
  });
  it('fails one question whose right option is over 1.15x the longest distractor, naming file and field', () => {
    const r = quizFairness(new Map([['q', quiz([question('a', 'x'.repeat(116), ['x'.repeat(100), 'y']), question('b', 'x'.repeat(115), ['x'.repeat(100)]), question('c', 'x', ['xx']), question('d', 'x', ['xx']), question('e', 'x', ['xx']), question('f', 'x', ['xx'])])]]));
    expect(r.findings.map((f) => [f.file, f.field])).toEqual([['content/quizzes/q.json', 'questions[0].options']]);
  });
  it('fails a numeric question that recalls a figure measured on the course machine', () => {
    const numeric = { id: 'n', kind: 'numeric', prompt: 'With npx ticklab bench simd, how many times faster was it?', value: 18, tolerance: 5, answer: 'About 18 times, in the course run on its machine.' };
    expect(quizFairness(new Map([['n', quiz([numeric])]])).findings).toEqual([expect.objectContaining({ field: 'questions[0].prompt', message: expect.stringMatching(/measured on the course's machine \("ticklab bench"\)/) })]);
  });
  it("holds for the course's quizzes", () => {
    const report = quizFairness(loadCatalog(REPO).quizzes);
    console.log(report.summary);
    expect(report.findings).toEqual([]);
    expect(report.share).toBeLessThanOrEqual(MAX_LONGEST_SHARE);
    expect(report.single).toBeGreaterThan(50);
  });
});
