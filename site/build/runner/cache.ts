/**
 * Built runners kept between builds, keyed by a hash of every input: the same sources
 * give the same files, so an unchanged checkout skips the runner's build (seconds of esbuild and TypeScript).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { RunnerFiles } from './files.ts';
import { listFiles, RUNNER_SOURCE_DIRS } from './source-files.ts';

/** Builds kept: the newest few. */
const KEEP = 3;

/** Every input of the runner's build, hashed. */
export function inputsHash(root: string, base: string, minify: boolean): string {
  const hash = createHash('sha256').update(`${base}\0${minify}\0`);
  for (const dir of RUNNER_SOURCE_DIRS) {
    for (const file of listFiles(path.join(root, dir), '').sort()) hash.update(`${path.relative(root, file)}\0`).update(readFileSync(file));
  }
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json']) {
    if (existsSync(path.join(root, file))) hash.update(readFileSync(path.join(root, file)));
  }
  return hash.digest('hex').slice(0, 24);
}

/**
 * Where built runners are kept: node_modules/.cache of the checkout whose packages these
 * are (a copy of the checkout that links them shares it).
 */
export function cacheDir(): string {
  const esbuild = createRequire(import.meta.url).resolve('esbuild/package.json');
  return path.join(path.dirname(path.dirname(realpathSync(esbuild))), '.cache', 'ticklab-runner');
}

export function readCache(dir: string): RunnerFiles | undefined {
  const index = path.join(dir, 'index.json');
  if (!existsSync(index)) return undefined;
  try {
    const names = JSON.parse(readFileSync(index, 'utf8')) as string[];
    return new Map(names.map((name) => [name, readFileSync(path.join(dir, 'files', name))]));
  } catch {
    return undefined; // a cache being written or damaged: build again
  }
}

export function writeCache(dir: string, files: RunnerFiles): void {
  try {
    for (const [name, body] of files) {
      const file = path.join(dir, 'files', name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, body);
    }
    writeFileSync(path.join(dir, 'index.json'), JSON.stringify([...files.keys()]));
    const parent = path.dirname(dir);
    const builds = readdirSync(parent)
      .map((name) => ({ name, at: statSync(path.join(parent, name)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const old of builds.slice(KEEP)) rmSync(path.join(parent, old.name), { recursive: true, force: true });
  } catch {
    // no cache: the next build builds again
  }
}
