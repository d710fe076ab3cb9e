/**
 * Temporary folders for tests, removed when the test file ends, so a run leaves nothing in
 * the system's temp directory. The removal is registered by test/setup/temp-cleanup.ts
 * (a vitest setup file): a hook registered from inside a running test or hook is never
 * called, so registering it on first use left every folder made inside a test behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

/** A fresh folder under the system's temp directory, removed after the calling test file's last test. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder tempDir made so far in this test file (the setup file calls it after the file's last test). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
