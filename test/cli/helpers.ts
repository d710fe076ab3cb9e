/** Shared helpers for the CLI's tests: a private copy of the fixture course, and running `ticklab` on it. */
import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../temp-dir.ts';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = path.join(REPO, 'cli/bin/ticklab.mjs');
export const FIXTURE = path.join(REPO, 'test/fixtures/course');

/** A fresh, writable copy of the fixture course (tests never touch the checked-in one), removed after the test file. */
export function makeCourse(): string {
  const dir = tempDir('ticklab-course-');
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `ticklab args...` against the course at `root`, optionally feeding standard input. */
export function runCli(args: string[], options: { root: string; input?: string; cwd?: string }): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? options.root,
      env: { ...process.env, TICKLAB_ROOT: options.root, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdin.end(options.input ?? '');
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
