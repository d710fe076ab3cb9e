/**
 * How a grading process is contained on the machine. With Debian's bubblewrap (`bwrap`)
 * present: new user, PID, network, IPC, UTS and mount namespaces (`--unshare-all`): no
 * network at all, no view of the grader or of other processes, a read-only view of the
 * system's binaries and of its own bundle folder only, a fresh /tmp, and, when the grader
 * runs as root, the unprivileged user `nobody`. Under `prlimit`, kernel limits on the
 * whole process: writable memory (RLIMIT_DATA, which counts ArrayBuffers and wasm memory
 * as they are committed, unlike RLIMIT_AS, which V8's large reservations would trip),
 * processes and file size. Without bwrap (a student's laptop), Node's permission model
 * alone, and the report says so.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Which containment a run gets: `bubblewrap` (namespaces, kernel limits) or `node-permissions` only. */
export type Containment = 'bubblewrap' | 'node-permissions';

const BWRAP = '/usr/bin/bwrap';
const PRLIMIT = '/usr/bin/prlimit';
/** The unprivileged user and group a root grader runs graded code as. */
export const NOBODY = 65534;
/** Where the bundle folder appears inside the sandbox. */
export const SANDBOX_DIR = '/sandbox';

let probed: Containment | undefined;

/** The system folders the Node binary needs, read-only; `/lib` and friends may be links into /usr. */
function systemBinds(): string[] {
  const binds = ['--ro-bind', '/usr', '/usr'];
  for (const dir of ['/lib', '/lib64', '/bin']) {
    if (!existsSync(dir)) continue;
    if (lstatSync(dir).isSymbolicLink()) binds.push('--symlink', readlinkSync(dir), dir);
    else binds.push('--ro-bind', dir, dir);
  }
  const nodeDir = path.dirname(process.execPath);
  if (!nodeDir.startsWith('/usr/')) binds.push('--ro-bind', nodeDir, nodeDir);
  return binds;
}

/** The process (and its options) that runs `nodeArgs` for one grading, contained as well as this machine allows. */
export function containedCommand(kind: Containment, bundleDir: string, nodeArgs: string[], memoryLimitMb: number): { command: string; args: string[]; uid?: number; gid?: number } {
  if (kind === 'node-permissions') return { command: process.execPath, args: nodeArgs };
  const asRoot = process.getuid?.() === 0;
  const bwrap = [
    BWRAP,
    '--unshare-all',
    '--die-with-parent',
    '--new-session',
    ...systemBinds(),
    '--proc', '/proc',
    '--dev', '/dev',
    '--tmpfs', '/tmp',
    '--ro-bind', bundleDir, SANDBOX_DIR,
    '--chdir', SANDBOX_DIR,
    '--',
    process.execPath,
    ...nodeArgs,
  ];
  const limits = [
    `--data=${memoryLimitMb * 1024 * 1024}`,
    `--fsize=${1024 * 1024}`,
    // Threads count as processes; Node starts about a dozen. Only meaningful for a user of our own.
    ...(asRoot ? ['--nproc=4096'] : []),
    '--core=0',
  ];
  const wrapped = existsSync(PRLIMIT) ? [PRLIMIT, ...limits, '--', ...bwrap] : bwrap;
  return { command: wrapped[0]!, args: wrapped.slice(1), ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}) };
}

/**
 * The containment this machine gives: bubblewrap when it is installed and works here
 * (namespaces can be refused, inside some containers), else Node's permission model.
 * `TICKLAB_CONTAINMENT=node-permissions` forces the fallback (tests, the benchmark's peer).
 */
export function containment(): Containment {
  if (process.env.TICKLAB_CONTAINMENT === 'node-permissions') return 'node-permissions';
  if (probed) return probed;
  probed = 'node-permissions';
  if (existsSync(BWRAP)) {
    // The probe runs a script from a folder made as the sandboxes' are, mounted as theirs are:
    // a temp dir the unprivileged user cannot reach would fail here, not in every grade.
    const dir = bundleFolder('ticklab-probe-', { 'probe.mjs': 'process.exit(0);\n' });
    try {
      const { command, args, uid, gid } = containedCommand('bubblewrap', dir, [path.join(SANDBOX_DIR, 'probe.mjs')], 512);
      const probe = spawnSync(command, args, { stdio: 'ignore', timeout: 10_000, ...(uid !== undefined ? { uid, gid } : {}) });
      if (probe.status === 0) probed = 'bubblewrap';
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return probed;
}

/**
 * A fresh folder holding `files` (name -> text), made readable by the unprivileged user a
 * contained process runs as; nothing else of the machine is mounted beside it. The caller removes it.
 */
export function bundleFolder(prefix: string, files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text, { mode: 0o644 });
  return dir;
}

/** The one-line warning a report carries when graded code was not contained by bubblewrap. */
export const WEAK_CONTAINMENT_WARNING =
  'bubblewrap (bwrap) is not available here: graded code ran under Node\'s permission model only, with network access and no kernel memory limit; install bubblewrap to grade untrusted code';
