/**
 * A type-check is kept between processes (cli/grader/typecheck-cache.ts) and trusted only
 * while every file it read is as it was: these tests plant a marker in a kept entry, so
 * that a hit is told from a fresh check without timing anything.
 */
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { cacheDir, checkKey, prune } from '../../../cli/grader/typecheck-cache.ts';
import { stopTypechecker, typecheckBounded, TYPECHECK_LIMITS } from '../../../cli/grader/typecheck-pool.ts';
import type { TypecheckRequest } from '../../../cli/grader/typecheck.ts';
import { tempDir } from '../../temp-dir.ts';

const dir = tempDir('ticklab-typecheck-cache-');
const cache = tempDir('ticklab-typecheck-kept-');
process.env.TICKLAB_CACHE_DIR = cache;
const testFile = path.join(dir, 'exercise.test.ts');
const codeFile = path.join(dir, 'exercise.ts');
const request = (codeSource: string, codeLabel = 'alice/exercise.ts'): TypecheckRequest => ({ testFile, codeFile, codeLabel, codeSource });
const WRONG = "export const value: number = 'x';\n";
const MARKER = [{ kind: 'type' as const, message: 'planted in the kept entry' }];

/** Where `req`'s entry is kept. */
function entryPath(req: TypecheckRequest): string {
  const key = checkKey(req, TYPECHECK_LIMITS.heapLimitMb)!;
  return path.join(cacheDir()!, key.slice(0, 2), `${key}.json`);
}

/** The kept entry of `req`, as written on disk. */
function entryOf(req: TypecheckRequest): { file: string; json: { problems: unknown[]; ms: number; inputs: string } } {
  const file = entryPath(req);
  return { file, json: JSON.parse(readFileSync(file, 'utf8')) };
}

function plant(req: TypecheckRequest, change: Partial<{ problems: unknown[]; ms: number }> = { problems: MARKER }): void {
  const { file, json } = entryOf(req);
  writeFileSync(file, JSON.stringify({ ...json, ...change }));
}

beforeEach(() => {
  writeFileSync(testFile, "import { value } from './exercise.ts';\nexport const doubled: number = value * 2;\n");
});
afterAll(async () => {
  delete process.env.TICKLAB_CACHE_DIR;
  delete process.env.TICKLAB_TYPECHECK_CACHE;
  await stopTypechecker();
});

describe('kept type-checks', () => {
  it('answer the same text again from the kept entry, with the same problems', async () => {
    const first = await typecheckBounded(request(WRONG));
    expect(first.some((p) => p.file === 'alice/exercise.ts')).toBe(true);
    expect(entryOf(request(WRONG)).json.problems).toEqual(first);
    plant(request(WRONG));
    expect(await typecheckBounded(request(WRONG))).toEqual(MARKER);
  }, 90_000);

  it('are not used for another text or another label', async () => {
    await typecheckBounded(request(WRONG));
    plant(request(WRONG));
    expect(await typecheckBounded(request(`${WRONG}// edited\n`))).not.toEqual(MARKER);
    const bob = await typecheckBounded(request(WRONG, 'bob/exercise.ts'));
    expect(bob.some((p) => p.file === 'bob/exercise.ts')).toBe(true);
  }, 90_000);

  it('are checked again when a file the check read changes, even keeping its size and time', async () => {
    await typecheckBounded(request('export const value = 21;\n'));
    plant(request('export const value = 21;\n'));
    // Same length, same modification time, other text: the test file is hashed, not stamped.
    const { atime, mtime } = statSync(testFile);
    writeFileSync(testFile, readFileSync(testFile, 'utf8').replace('doubled: number', 'doubled: string'));
    utimesSync(testFile, atime, mtime);
    const again = await typecheckBounded(request('export const value = 21;\n'));
    expect(again).not.toEqual(MARKER);
    expect(again.some((p) => p.kind === 'type')).toBe(true);
  }, 90_000);

  it('are checked again when a file appears beside the code (an import could now resolve to it)', async () => {
    const code = "export const value = 21;\nexport {};\n";
    await typecheckBounded(request(code));
    plant(request(code));
    expect(await typecheckBounded(request(code))).toEqual(MARKER);
    writeFileSync(path.join(dir, 'helper.ts'), 'export const h = 1;\n');
    expect(await typecheckBounded(request(code))).toEqual([]);
  }, 90_000);

  it('are checked again when the kept check took longer than today\'s time limit', async () => {
    const code = 'export const value = 22;\n';
    await typecheckBounded(request(code));
    plant(request(code), { problems: MARKER, ms: 5_000 });
    expect(await typecheckBounded(request(code), { ...TYPECHECK_LIMITS, timeLimitMs: 60_000 })).toEqual(MARKER);
    expect(await typecheckBounded(request(code), { ...TYPECHECK_LIMITS, timeLimitMs: 4_000 })).toEqual([]);
  }, 90_000);

  it('keep nothing when turned off, and nothing of a check that was stopped', async () => {
    process.env.TICKLAB_TYPECHECK_CACHE = 'off';
    expect(cacheDir()).toBeUndefined();
    await typecheckBounded(request('export const value = 23;\n'));
    delete process.env.TICKLAB_TYPECHECK_CACHE;
    expect(existsSync(entryPath(request('export const value = 23;\n')))).toBe(false);
    // A check stopped by its time limit is that file's error, never a kept result.
    const slow = request('export const value = 24;\n', 'carol/exercise.ts');
    const stopped = await typecheckBounded(slow, { ...TYPECHECK_LIMITS, timeLimitMs: 1 });
    expect(stopped[0]?.message).toMatch(/took longer than/);
    expect(existsSync(entryPath(slow))).toBe(false);
  }, 90_000);

  it('are pruned to the newest, with the input lists no entry names', async () => {
    for (const n of [31, 32, 33, 34, 35]) await typecheckBounded(request(`export const value = ${n};\n`));
    const entries = () => readdirSync(cacheDir()!).filter((d) => d !== 'inputs').flatMap((d) => readdirSync(path.join(cacheDir()!, d)));
    const before = entries().length;
    expect(before).toBeGreaterThan(5);
    prune(cacheDir()!, 5);
    expect(entries()).toHaveLength(4);
    const named = new Set(entries().map((name) => JSON.parse(readFileSync(path.join(cacheDir()!, name.slice(0, 2), name), 'utf8')).inputs as string));
    expect(readdirSync(path.join(cacheDir()!, 'inputs')).map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...named].sort());
  }, 120_000);
});
