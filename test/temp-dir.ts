/** Temporary folders for tests that are removed when the test file ends, so a run leaves nothing in the system's temp directory. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];
let registered = false;

/** A fresh folder under the system's temp directory, removed after the calling test file's last test. */
export function tempDir(prefix: string): string {
  if (!registered) {
    registered = true;
    afterAll(() => {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    });
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}
