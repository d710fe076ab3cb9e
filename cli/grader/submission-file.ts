/**
 * Reads a student's file the way an untrusted file must be read: `lstat` first (a link,
 * a pipe, a device or a folder where `exercise.ts` should be is refused, with a message
 * that says what to do), every folder between the class folder and the file checked too
 * (a linked exercise folder is another student's or the solution's), the size limited
 * before and while reading, and the file opened without following links and without
 * blocking, so that nothing a student puts there can hang or flood the grader.
 */
import { constants, lstatSync, openSync, closeSync, readSync, fstatSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../../grading/result-schema.ts';

/** The largest submission graded: far beyond any exercise, far below what hurts a bundler. */
export const MAX_SUBMISSION_BYTES = 1024 * 1024;

export type SubmissionRead = { ok: true; source: string } | { ok: false; problem: Problem };

function kindOf(stat: import('node:fs').Stats): string | undefined {
  if (stat.isSymbolicLink()) return 'a symbolic link';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isDirectory()) return 'a folder';
  return stat.isFile() ? undefined : 'not a regular file';
}

/**
 * Reads `file` as a submission named `label`. `within` is the folder it must stay inside
 * (the class folder): each path component below it must be a real folder, not a link.
 */
export function readSubmission(file: string, label: string, within?: string): SubmissionRead {
  const refuse = (kind: Problem['kind'], message: string): SubmissionRead => ({ ok: false, problem: { kind, message, file: label } });
  const name = path.basename(file);
  if (within) {
    const parts = path.relative(within, path.dirname(file)).split(path.sep).filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const dir = path.join(within, ...parts.slice(0, i));
      let stat;
      try {
        stat = lstatSync(dir);
      } catch {
        return refuse('missing', `no file ${label}`);
      }
      if (stat.isSymbolicLink()) return refuse('submission', `${parts.slice(0, i).join('/')} is a symbolic link; submit the folder itself, not a link to one`);
      if (!stat.isDirectory()) return refuse('submission', `${parts.slice(0, i).join('/')} is not a folder`);
    }
  }
  let stat;
  try {
    stat = lstatSync(file);
  } catch {
    return refuse('missing', `no file ${label}`);
  }
  const kind = kindOf(stat);
  if (kind === 'a symbolic link') return refuse('submission', `${name} is a symbolic link; submit the file itself`);
  if (kind) return refuse('submission', `${name} is ${kind}, not a file; submit the file itself`);
  if (stat.size > MAX_SUBMISSION_BYTES) return refuse('submission', `${name} is ${stat.size} bytes, over the limit of ${MAX_SUBMISSION_BYTES} bytes (1 MiB)`);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    return refuse('submission', `${name} cannot be opened: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  try {
    // The file may have been swapped between lstat and open: check what was opened.
    if (!fstatSync(fd).isFile()) return refuse('submission', `${name} is not a regular file; submit the file itself`);
    const buffer = Buffer.alloc(MAX_SUBMISSION_BYTES + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
    if (length > MAX_SUBMISSION_BYTES) return refuse('submission', `${name} is over the limit of ${MAX_SUBMISSION_BYTES} bytes (1 MiB)`);
    const source = buffer.subarray(0, length).toString('utf8');
    if (source.includes('\u0000')) return refuse('submission', `${name} is not a text file (it contains NUL bytes)`);
    return { ok: true, source };
  } finally {
    closeSync(fd);
  }
}
