#!/usr/bin/env node
// `npm test [-- vitest options]`: the type-check, the exercises' integrity check
// (`ticklab check`), then every vitest tier. The check's grades are saved for the
// page-against-CLI parity test, so no starting file or solution is graded twice. Options
// after `--` go to vitest (`--project e2e`, a file filter); with any, the check is left
// to a full run.
//
// A full run gets a temp directory of its own (TMPDIR), which must be empty at the end:
// a test, a grader or a browser that leaves a folder behind fails the run, naming it.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const full = args.length === 0;
const tmp = full ? mkdtempSync(path.join(os.tmpdir(), 'ticklab-test-run-')) : undefined;
// Readable by the grading sandbox's unprivileged user, as the system temp directory is.
if (tmp) chmodSync(tmp, 0o755);
// tsx's compile cache (the CLI runs through tsx) is a cache, not a leftover: keep using the machine's.
const TSX_CACHE = `tsx-${os.userInfo().uid}`;
if (tmp && existsSync(path.join(os.tmpdir(), TSX_CACHE))) symlinkSync(path.join(os.tmpdir(), TSX_CACHE), path.join(tmp, TSX_CACHE));
const grades = tmp ? path.join(os.tmpdir(), `ticklab-check-grades-${process.pid}.json`) : undefined;
const env = tmp ? { ...process.env, TMPDIR: tmp, TICKLAB_CHECK_GRADES: grades } : process.env;
const failed = [];
const step = (name, argv) => {
  const started = Date.now();
  const r = spawnSync(process.execPath, argv, { stdio: 'inherit', env });
  console.log(`npm test: ${name} ${r.status === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`);
  if (r.status !== 0) failed.push(name);
};

step('type-check', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']);
if (failed.length) process.exit(1);
if (full) step('ticklab check', ['cli/bin/ticklab.mjs', 'check', '--grades-out', grades]);
step('vitest', ['node_modules/vitest/vitest.mjs', 'run', ...args]);
if (tmp) {
  rmSync(grades, { force: true });
  const left = readdirSync(tmp).filter((name) => name !== TSX_CACHE);
  rmSync(tmp, { recursive: true, force: true });
  if (left.length) {
    console.error(`npm test: ${left.length} temp folder(s) left behind: ${left.join(', ')}`);
    failed.push('temp folders');
  }
}
if (failed.length) {
  console.error(`npm test failed: ${failed.join(', ')}`);
  process.exit(1);
}
