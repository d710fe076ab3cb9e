/**
 * `ticklab lab`: the same labs as the site, in Node. Prints a table per chart, the
 * reading and the spread; `--json` prints one result per lab of the documented shape;
 * `--record` writes content/labs/reference.json under the course root, valid against its
 * schema, and replaces only the named lab's entry. Quick runs only; no timing asserted.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { labCommand, referenceFile } from '../../cli/commands/lab.ts';
import { labReferenceSchema } from '../../content/schemas/lab-reference.ts';
import { labResultSchema } from '../../content/schemas/lab.ts';
import { tempDir } from '../temp-dir.ts';
import { runCli } from './helpers.ts';

const saved = process.env.TICKLAB_ROOT;
afterEach(() => {
  if (saved === undefined) delete process.env.TICKLAB_ROOT;
  else process.env.TICKLAB_ROOT = saved;
});

/** Runs the command in this process, collecting its lines without colour (picocolors colours when CI is set). */
async function lab(name: string | undefined, opts: { json?: boolean; record?: boolean; quick?: boolean; machine?: string }) {
  const out: string[] = [];
  const progress: string[] = [];
  const code = await labCommand(name, { ...opts, out: (l) => out.push(stripVTControlCharacters(l)), progress: (l) => progress.push(stripVTControlCharacters(l)) });
  return { code, out, progress };
}

describe('ticklab lab', () => {
  it('prints each chart as a table, the reading and how it was measured', async () => {
    const { code, out, progress } = await lab('order-book', { quick: true });
    const text = out.join('\n');
    expect(code, 'exit code').toBe(0);
    expect(text, 'the lab').toContain('lab order-book: The order book');
    expect(text, 'a chart title').toContain('Commands per second, by resting orders');
    expect(text, 'a row per size with median and spread').toMatch(/\n {2}1,000 +[\d,.e+]+ ±\d+% +[\d,.e+]+ ±\d+%/);
    expect(text, 'the reading').toMatch(/Reading: at 1,000 resting orders the engine's book/);
    expect(text, 'the method').toContain('Medians of 2 interleaved rounds');
    expect(progress.some((l) => l.includes('%')), 'progress lines').toBe(true);
  });

  it('--json prints one result of the documented shape', async () => {
    const { code, out } = await lab('allocation', { quick: true, json: true });
    expect(code, 'exit code').toBe(0);
    expect(out.length, 'one line').toBe(1);
    const parsed = labResultSchema.safeParse(JSON.parse(out[0]!));
    expect(parsed.success ? [] : parsed.error.issues, 'schema issues').toEqual([]);
  });

  it('--record writes the reference file, valid against its schema, and replaces only the named lab', async () => {
    const root = tempDir('ticklab-lab-');
    process.env.TICKLAB_ROOT = root;
    const file = referenceFile();
    expect(file, 'under the course root').toBe(path.join(root, 'content/labs/reference.json'));
    // A full recording is long; a quick run may not be recorded, so record two labs whose full runs are short enough.
    await expect(lab('simd', { quick: true, record: true }), '--quick with --record').rejects.toThrow(/--record .* --quick/);
    expect(existsSync(file), 'nothing written by a refused run').toBe(false);

    const first = await lab('iterator-chain', { record: true, machine: 'test machine, shared' });
    expect(first.code, 'exit code').toBe(0);
    expect(first.out.at(-1), 'says where it wrote').toMatch(/recorded 1 lab in .*content\/labs\/reference\.json/);
    const one = labReferenceSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(Object.keys(one.labs), 'labs recorded').toEqual(['iterator-chain']);
    expect(one.machine, 'the machine note').toMatch(/logical cores.*test machine, shared$/);
    expect(one.command, 'the command').toBe('ticklab lab iterator-chain --record');

    await lab('order-book', { record: true });
    const two = labReferenceSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(Object.keys(two.labs), 'both labs, in course order').toEqual(['iterator-chain', 'order-book']);
    expect(two.labs['iterator-chain']?.measuredAt, 'the first lab kept').toBe(one.labs['iterator-chain']?.measuredAt);
  }, 240_000);

  it('names the labs when given an unknown one (exit code 2 from the command line)', async () => {
    const root = tempDir('ticklab-lab-');
    const r = await runCli(['lab', 'no-such-lab'], { root });
    expect(r.code, 'exit code').toBe(2);
    expect(r.stderr, 'the message').toContain('unknown lab "no-such-lab": choose one of false-sharing, simd, iterator-chain, allocation, order-book');
  });
});
