/**
 * The machine-level containment under the sealed realm, tested from inside a sandbox as
 * if the realm had been escaped (these scripts run with the whole of Node): with
 * bubblewrap, no network, no signal reaches the grader, nothing of the machine is
 * readable but the system's binaries and the bundle, the user is unprivileged, and
 * writable memory is limited by the kernel, ArrayBuffers included.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { containment } from '../../../cli/grader/containment.ts';
import { runSandbox } from '../../../cli/grader/sandbox.ts';

const available = containment() === 'bubblewrap';

/** A sandbox script that runs `probe` (an async function body returning a string) and prints its answer. */
const script = (probe: string) => `
process.once('message', async ({ nonce }) => {
  process.send({ nonce, type: 'started' });
  let answer;
  try { answer = await (async () => { ${probe} })(); } catch (e) { answer = 'threw ' + (e.code ?? e.message); }
  process.stdout.write('ANSWER ' + answer + '\\n', () => process.exit(0));
});
`;

async function ask(probe: string, memoryLimitMb = 128): Promise<string> {
  const outcome = await runSandbox(script(probe), { timeLimitMs: 20_000, memoryLimitMb }, {}, { mode: 'run' });
  expect(outcome.containment).toBe('bubblewrap');
  return /ANSWER (.*)/.exec(outcome.output)?.[1] ?? `no answer: ${outcome.output}`;
}

describe.runIf(available || process.env.CI)('bubblewrap containment', () => {
  it('is available (CI installs bubblewrap)', () => {
    expect(containment()).toBe('bubblewrap');
  });

  it('has no network: not even the grader\'s loopback', async () => {
    const server = createServer((s) => s.end('secret')).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const answer = await ask(`const net = await import('node:net'); return await new Promise((res) => { const s = net.connect(${port}, '127.0.0.1'); s.on('data', (d) => res('read ' + d)); s.on('error', (e) => res('refused ' + e.code)); });`);
      expect(answer).toMatch(/^refused (ECONNREFUSED|ENETUNREACH)/);
    } finally {
      server.close();
    }
  }, 60_000);

  it('cannot signal the grader or see its processes', async () => {
    const answer = await ask("process.kill(process.ppid, 'SIGKILL'); return 'ppid ' + process.ppid + ' pid ' + process.pid;");
    expect(answer).toMatch(/^ppid 1 pid \d+$|^threw/);
    expect(process.pid, 'the grader is still here').toBeGreaterThan(0);
  }, 60_000);

  it('runs as nobody and reads nothing of the machine but its bundle', async () => {
    expect(await ask('return String(process.getuid());')).toBe('65534');
    expect(await ask("return (await import('node:fs')).readdirSync('/').sort().join(',');")).not.toMatch(/\b(root|home|work|etc)\b/);
  }, 60_000);

  it('stops ArrayBuffers at the kernel\'s memory limit', async () => {
    const answer = await ask('const keep = []; for (let i = 0; i < 30; i++) { const b = new ArrayBuffer(100 * 1024 * 1024); new Uint8Array(b).fill(1); keep.push(b); } return "allocated 3 GiB";', 128);
    expect(answer).not.toBe('allocated 3 GiB');
  }, 60_000);
});
