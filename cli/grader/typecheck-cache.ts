/**
 * Type-check results kept on disk between grading processes: a type-check is a pure
 * function of the files it reads, and a class, a re-grade or `npm test` checks the same
 * text many times (a starting file handed in unchanged, the reference solution, a re-run
 * after one student's fix). A cold check costs 1.5-3 s (parsing TypeScript's libraries);
 * a hit costs a hash and a few hundred `stat`s.
 *
 * Key: the checked text, its label, the test file, the working folder (messages name files
 * relative to it), the heap limit and TypeScript's version. Entry: the problems, how long
 * the check took, and the stamps of every other file the program read, each checked again
 * on a hit: the content hash of course files, size and modification time of installed
 * packages, and the entries of the folders a new file could be resolved from. Any
 * difference, a check slower than today's time limit, or any error reading the cache is a
 * miss. Only a check that ended by itself is kept (a time-out or an out-of-memory is not).
 *
 * `TICKLAB_TYPECHECK_CACHE=off` turns it off; `TICKLAB_CACHE_DIR` moves it (default:
 * node_modules/.cache/ticklab in this checkout, where the tools' caches live).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Problem } from '../../grading/result-schema.ts';
import { PACKAGE_ROOT } from '../paths.ts';
import type { TypecheckRequest } from './typecheck.ts';

/** A file's identity when it was read: a content hash, or `size:mtime` for an installed package's file, or a folder's sorted entries. */
export type FileStamp = [file: string, stamp: string];

/** What a finished check leaves. */
export interface CachedCheck {
  problems: Problem[];
  /** How long the check took, so a later, shorter time limit re-checks rather than trusts it. */
  ms: number;
  inputs: FileStamp[];
}

/** On disk, the inputs are kept once for all the checks that share them (one exercise's students). */
interface Entry {
  problems: Problem[];
  ms: number;
  inputs: string;
}

/** Bumped when the entry format or what a check reports changes. */
const FORMAT = 1;
const MAX_ENTRIES = 5000;

const TS_VERSION: string = createRequire(import.meta.url)('typescript/package.json').version;

export function cacheDir(): string | undefined {
  if (/^(0|off|false|no)$/i.test(process.env.TICKLAB_TYPECHECK_CACHE ?? '')) return undefined;
  return path.join(process.env.TICKLAB_CACHE_DIR ?? path.join(PACKAGE_ROOT, 'node_modules', '.cache', 'ticklab'), 'typecheck');
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** The entry's name: everything that decides the result besides the files it reads. */
export function checkKey(request: TypecheckRequest, heapLimitMb: number): string | undefined {
  const source = request.codeSource ?? readOrUndefined(request.codeFile);
  if (source === undefined) return undefined;
  return sha256(JSON.stringify([FORMAT, TS_VERSION, process.cwd(), path.resolve(request.testFile), path.resolve(request.codeFile), request.codeLabel, heapLimitMb, source]));
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

const INSTALLED = `${path.sep}node_modules${path.sep}`;

/** The stamp of one input as it is now (undefined: gone). */
function stampOf(file: string): string | undefined {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return `dir:${sha256(readdirSync(file).sort().join('\n'))}`;
    // Installed packages change as a whole, by npm: their size and time say so without reading megabytes.
    if (file.includes(INSTALLED)) return `${stat.size}:${stat.mtimeMs}`;
    return sha256(readFileSync(file));
  } catch {
    return undefined;
  }
}

/**
 * The stamps of what a check read: every file of the program but the checked one, the
 * course's compiler settings, and the folders where a file not there today could be
 * resolved from tomorrow (beside the code, beside the tests, the installed packages).
 */
export function stampInputs(request: TypecheckRequest, programFiles: readonly string[]): FileStamp[] | undefined {
  const code = path.resolve(request.codeFile);
  const files = new Set(programFiles.map((f) => path.resolve(f)).filter((f) => f !== code));
  files.add(path.join(PACKAGE_ROOT, 'tsconfig.json'));
  files.add(path.dirname(code));
  files.add(path.dirname(path.resolve(request.testFile)));
  files.add(path.join(PACKAGE_ROOT, 'node_modules'));
  const stamps: FileStamp[] = [];
  for (const file of [...files].sort()) {
    const stamp = stampOf(file);
    if (stamp === undefined) return undefined;
    stamps.push([file, stamp]);
  }
  return stamps;
}

const entryFile = (dir: string, key: string) => path.join(dir, key.slice(0, 2), `${key}.json`);
const inputsFile = (dir: string, id: string) => path.join(dir, 'inputs', `${id}.json`);

/** The cached problems of `key`, if every input is as it was and the check fits in `timeLimitMs`. */
export function lookup(key: string, timeLimitMs: number): Problem[] | undefined {
  const dir = cacheDir();
  if (!dir) return undefined;
  try {
    const entry = JSON.parse(readFileSync(entryFile(dir, key), 'utf8')) as Entry;
    if (!(entry.ms <= timeLimitMs) || !Array.isArray(entry.problems) || !/^[0-9a-f]{64}$/.test(entry.inputs)) return undefined;
    const inputs = JSON.parse(readFileSync(inputsFile(dir, entry.inputs), 'utf8')) as FileStamp[];
    for (const [file, stamp] of inputs) if (stampOf(file) !== stamp) return undefined;
    return entry.problems;
  } catch {
    return undefined;
  }
}

/** Keeps a finished check; never throws (a cache that cannot be written is only slower). */
export function store(key: string, entry: CachedCheck): void {
  const dir = cacheDir();
  if (!dir) return;
  try {
    const inputs = JSON.stringify(entry.inputs);
    const id = sha256(inputs);
    writeAtomically(inputsFile(dir, id), inputs);
    writeAtomically(entryFile(dir, key), JSON.stringify({ problems: entry.problems, ms: entry.ms, inputs: id } satisfies Entry));
    if (Math.random() < 0.02) prune(dir, MAX_ENTRIES);
  } catch {
    // best effort
  }
}

/** Written aside, then renamed: a reader in another process sees the old file or the whole new one. */
function writeAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(aside, text);
  renameSync(aside, file);
}

/** Deletes the oldest entries once there are more than `max` (test runs add some each time), and the input lists no entry names. */
export function prune(dir: string, max: number): void {
  const entries: Array<[string, number]> = [];
  for (const shard of readdirSync(dir)) {
    if (shard === 'inputs') continue;
    const folder = path.join(dir, shard);
    for (const name of readdirSync(folder)) entries.push([path.join(folder, name), statSync(path.join(folder, name)).mtimeMs]);
  }
  if (entries.length <= max) return;
  const keep = Math.floor(max * 0.8);
  entries.sort((a, b) => a[1] - b[1]);
  for (const [file] of entries.slice(0, entries.length - keep)) rmSync(file, { force: true });
  const named = new Set<string>();
  for (const [file] of entries.slice(entries.length - keep)) {
    try {
      named.add((JSON.parse(readFileSync(file, 'utf8')) as Entry).inputs);
    } catch {
      // written or removed meanwhile
    }
  }
  for (const name of readdirSync(path.join(dir, 'inputs'))) if (!named.has(name.replace(/\.json$/, ''))) rmSync(path.join(dir, 'inputs', name), { force: true });
}
