/**
 * The type-check runs in a worker thread with a heap limit and a time limit: types that
 * take the checker too long or too much memory are the submission's `type` error, and the
 * next check still works (the worker is replaced).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stopTypechecker, typecheckBounded } from '../../../cli/grader/typecheck-pool.ts';
import { tempDir } from '../../temp-dir.ts';

const dir = tempDir('ticklab-typecheck-');
const testFile = path.join(dir, 'exercise.test.ts');
writeFileSync(testFile, "import { value } from './exercise.ts';\nexport const doubled: number = value * 2;\n");
const codeFile = path.join(dir, 'exercise.ts');

/** Types whose checking grows exponentially with N: a union of all N-bit strings. */
const EXPONENTIAL = `
type Bits<N extends number, Acc extends unknown[] = []> = Acc['length'] extends N ? '' : \`\${'0' | '1'}\${Bits<N, [...Acc, 0]>}\`;
type Many = Bits<18>;
const pick = (x: Many): Many => x;
export const value: number = pick('0' as Many).length;
`;

afterAll(() => stopTypechecker());

describe('the bounded type-check', () => {
  it('reports a type error as before', async () => {
    const problems = await typecheckBounded({ testFile, codeFile, codeLabel: 'alice/exercise.ts', codeSource: "export const value: number = 'x';\n" }, { timeLimitMs: 60_000, heapLimitMb: 1536 });
    expect(problems.some((p) => p.kind === 'type' && p.file === 'alice/exercise.ts')).toBe(true);
  }, 90_000);

  it('stops types that take too long, as that file\'s error, and checks the next file', async () => {
    const slow = await typecheckBounded({ testFile, codeFile, codeLabel: 'bob/exercise.ts', codeSource: EXPONENTIAL }, { timeLimitMs: 1_000, heapLimitMb: 1536 });
    expect(slow.map((p) => p.message).join('\n')).toMatch(/took longer than 1 s: simplify its types|Expression produces a union type that is too complex/);
    const next = await typecheckBounded({ testFile, codeFile, codeLabel: 'carol/exercise.ts', codeSource: 'export const value = 21;\n' }, { timeLimitMs: 60_000, heapLimitMb: 1536 });
    expect(next).toEqual([]);
  }, 120_000);

  it('stops a check that runs out of its heap, as that file\'s error', async () => {
    const hungry = await typecheckBounded({ testFile, codeFile, codeLabel: 'dave/exercise.ts', codeSource: EXPONENTIAL }, { timeLimitMs: 60_000, heapLimitMb: 24 });
    expect(hungry.map((p) => p.message).join('\n')).toMatch(/ran out of memory|took longer|too complex/);
    await stopTypechecker();
  }, 120_000);
});
