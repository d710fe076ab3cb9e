import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../temp-dir.ts';
import { tapeGenCommand } from '../../../cli/commands/tape-gen.ts';
import { OrderBook } from '../../../engine/book/order-book.ts';
import { generateCommands, generateTape, mulberry32 } from '../../../engine/book/tape-gen.ts';

describe('tape generator', () => {
  it('is reproducible: the same seed gives the same tape, another seed another', () => {
    expect(generateTape({ seed: 5, count: 2000, badRate: 0.1 })).toEqual(generateTape({ seed: 5, count: 2000, badRate: 0.1 }));
    expect(generateTape({ seed: 6, count: 2000 })).not.toEqual(generateTape({ seed: 5, count: 2000 }));
    expect(mulberry32(1)()).toBe(mulberry32(1)());
  });

  it('follows the mix (55/10/20/15), keeps limit prices within ±12 ticks of the mid, and every command is accepted', () => {
    const cmds = generateCommands({ seed: 11, count: 50_000 });
    const n = (op: string) => cmds.filter((c) => c.op === op).length / cmds.length;
    expect(n('limit')).toBeCloseTo(0.55, 1);
    expect(n('market')).toBeCloseTo(0.1, 1);
    expect(n('cancel')).toBeCloseTo(0.2, 1);
    expect(n('modify')).toBeCloseTo(0.15, 1);
    for (const c of cmds) if (c.op === 'limit' || (c.op === 'modify' && c.price !== undefined)) expect(Math.abs(c.price! - 10_000)).toBeLessThanOrEqual(12);
    const book = new OrderBook();
    let rejects = 0;
    for (const c of cmds) if (book.execute(c) !== 0) rejects++;
    expect(rejects).toBeLessThan(10);
    expect(book.size).toBeGreaterThan(200);
  });

  it('places the resting preload in one deep level per side', () => {
    const cmds = generateCommands({ seed: 3, count: 0, resting: 1000 });
    const book = new OrderBook();
    for (const c of cmds) expect(book.execute(c)).toBe(0);
    expect(book.snapshot().bids.map((l) => [l[0], l[2]])).toEqual([[9987, 500]]);
    expect(book.snapshot().asks.map((l) => [l[0], l[2]])).toEqual([[10013, 500]]);
  });

  it('bad lines come at the requested rate and every one is rejected or blank', () => {
    const good = generateTape({ seed: 9, count: 20_000 });
    const mixed = generateTape({ seed: 9, count: 20_000, badRate: 0.2 });
    const book = new OrderBook();
    let rejects = 0;
    let blanks = 0;
    for (const l of mixed) {
      if (l.trim() === '') blanks++;
      for (const e of book.applyLine(l)) if (e.type === 'reject') rejects++;
    }
    expect((rejects + blanks) / mixed.length).toBeGreaterThan(0.17);
    expect((rejects + blanks) / mixed.length).toBeLessThan(0.23);
    const clean = new OrderBook();
    for (const l of good) for (const e of clean.applyLine(l)) expect(e.type).toBe('trade');
  });

  it('tapeGenCommand writes the tape to stdout and rejects bad options', async () => {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await tapeGenCommand({ seed: 1, count: 10_000, badRate: 0.05 })).toBe(0);
    expect(await tapeGenCommand({ seed: 1, count: -1, badRate: 0 })).toBe(2);
    expect(await tapeGenCommand({ seed: 1, count: 5, badRate: 2 })).toBe(2);
    vi.restoreAllMocks();
    expect(err).toHaveBeenCalledTimes(2);
    expect(out).toBe(generateTape({ seed: 1, count: 10_000, badRate: 0.05 }).join('\n') + '\n');
  });

  it('tapeGenCommand writes to --out, and reports an unwritable path with exit code 1', async () => {
    const dir = tempDir('ticklab-tape-');
    const file = join(dir, 't.tape');
    expect(await tapeGenCommand({ seed: 4, count: 500, badRate: 0.1, out: file })).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(generateTape({ seed: 4, count: 500, badRate: 0.1 }).join('\n') + '\n');
    let err = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
    const code = await tapeGenCommand({ seed: 4, count: 5, badRate: 0, out: join(dir, 'no', 'such', 'dir', 't.tape') });
    vi.restoreAllMocks();
    expect(code).toBe(1);
    expect(err).toMatch(/cannot write/);
  });
});
