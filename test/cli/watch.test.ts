/** The watch mode: shows the current exercise, re-grades on save, moves on when it passes, answers keys. */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, makeCourse } from './helpers.ts';

/** A running `ticklab` whose output can be awaited. */
function startWatch(root: string) {
  const child = spawn(process.execPath, [BIN], { cwd: root, env: { ...process.env, TICKLAB_ROOT: root, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    key: (k: string) => child.stdin.write(`${k}\n`),
    /** Waits until the output written after `from` matches. */
    async until(pattern: RegExp, from = 0, timeoutMs = 30_000): Promise<number> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const m = pattern.exec(output.slice(from));
        if (m) return from + m.index + m[0].length;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no ${pattern} in the output after ${timeoutMs} ms:\n${output.slice(from)}`);
    },
    get output() {
      return output;
    },
    exited,
  };
}

describe('ticklab (watch mode)', () => {
  it('grades on save, moves on when the exercise passes, shows hints and quits on q', async () => {
    const root = makeCourse();
    const w = startWatch(root);
    let at = await w.until(/\] 0\/2 exercises passed[\s\S]*1\. Sum of ticks[\s\S]*✗ fail\s+sum-ticks\s+1\/2 tests/);
    expect(w.output).toMatch(/h hint · l list · n next · p previous · r re-run · q quit/);

    w.key('h');
    at = await w.until(/Hint 1\/2: Start from zero/, at);

    // The student saves a right answer: it is graded and the next exercise comes up.
    const file = path.join(root, 'exercises/sum-ticks/exercise.ts');
    writeFileSync(file, readFileSync(path.join(root, 'exercises/sum-ticks/solution.ts'), 'utf8'));
    at = await w.until(/✓ sum-ticks passes\. On to the next exercise\.[\s\S]*\] 1\/2 exercises passed/, at);
    at = await w.until(/2\. Mid price[\s\S]*✗ fail\s+mid-price/, at);

    w.key('l');
    at = await w.until(/✓ sum-ticks\s+Sum of ticks\n› · mid-price/, at);

    w.key('q');
    expect(await w.exited).toBe(0);
    expect(w.output).toMatch(/Progress saved/);
    const progress = JSON.parse(readFileSync(path.join(root, '.ticklab/progress.json'), 'utf8'));
    expect(Object.keys(progress.passed)).toEqual(['sum-ticks']);
    expect(progress.hintsShown).toEqual({ 'sum-ticks': 1 });
  }, 90_000);

  it('reports a syntax error on save without stopping, and starts where the student left off', async () => {
    const root = makeCourse();
    writeFileSync(path.join(root, 'exercises/sum-ticks/exercise.ts'), readFileSync(path.join(root, 'exercises/sum-ticks/solution.ts'), 'utf8'));
    const first = startWatch(root);
    await first.until(/2\. Mid price/); // sum-ticks passes at once, so it moves on
    first.key('q');
    await first.exited;

    const w = startWatch(root);
    let at = await w.until(/2\. Mid price[\s\S]*✗ fail/);
    writeFileSync(path.join(root, 'exercises/mid-price/exercise.ts'), 'export function midInHalfTicks(bid: number, ask: number): number {\n  return bid + ask +;\n}\n');
    at = await w.until(/! error\s+mid-price[\s\S]*syntax exercises\/mid-price\/exercise.ts:2:\d+/, at);
    w.key('q');
    expect(await w.exited).toBe(0);
  }, 90_000);
});
