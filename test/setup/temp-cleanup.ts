// Runs before every test file (vitest.config.ts setupFiles): the file's temporary folders
// (test/temp-dir.ts) are removed after its last test, and on exit if the file is cut short.
import { afterAll } from 'vitest';
import { removeTempDirs } from '../temp-dir.ts';

afterAll(removeTempDirs);
process.once('exit', removeTempDirs);
