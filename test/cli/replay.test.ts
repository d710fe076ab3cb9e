import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { replayCommand } from '../../cli/commands/replay.ts';
import { replayTape } from '../../engine/book/tape.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/book/${name}`, import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `fn` while capturing what it writes to stdout and stderr. */
async function capture(fn: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  const code = await fn();
  vi.restoreAllMocks();
  return { code, out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('ticklab replay', () => {
  it('prints the checked-in expected output for the fixed tape', async () => {
    const { code, out, err } = await capture(() => replayCommand(fixture('small.tape')));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toBe(readFileSync(fixture('small.expected'), 'utf8'));
  });

  it('the browser-side replayTape gives the same output', () => {
    expect(replayTape(readFileSync(fixture('small.tape'), 'utf8'))).toBe(readFileSync(fixture('small.expected'), 'utf8'));
  });

  it('reports an unreadable file on stderr with exit code 1 and prints nothing on stdout', async () => {
    const { code, out, err } = await capture(() => replayCommand(fixture('no-such.tape')));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/cannot read .*no-such\.tape/);
  });

  it('reports a directory on stderr with exit code 1', async () => {
    const { code, err } = await capture(() => replayCommand(fixture('')));
    expect(code).toBe(1);
    expect(err).toMatch(/ticklab replay/);
  });

  it('reads standard input for "-"', () => {
    const tape = readFileSync(fixture('small.tape'), 'utf8');
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', '-e', "import('./cli/commands/replay.ts').then(async (m) => { process.exitCode = await m.replayCommand('-'); })"],
      { cwd: root, input: tape, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(fixture('small.expected'), 'utf8'));
  });

  it('stops quietly when the reader goes away (EPIPE), with exit code 0', () => {
    const r = spawnSync(
      'sh',
      ['-c', `${JSON.stringify(process.execPath)} --import tsx -e "import('./cli/commands/tape-gen.ts').then(async (g) => { await g.tapeGenCommand({ seed: 2, count: 200000, badRate: 0.01 }); })" | ${JSON.stringify(process.execPath)} --import tsx -e "import('./cli/commands/replay.ts').then(async (m) => { process.exitCode = await m.replayCommand('-'); })" | head -n 3`],
      { cwd: root, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('{'))).toHaveLength(3);
  });
});
