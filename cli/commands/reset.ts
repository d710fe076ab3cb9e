/**
 * `ticklab reset <slug>`: puts the starting file back. The starting file is the one the
 * course committed (read from git), and the student's current file is first copied to
 * `.ticklab/backups/`, so even a reset loses nothing.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import pc from 'picocolors';
import { exerciseLabel, loadCatalog, pick } from '../catalog.ts';
import { UsageError } from '../errors.ts';
import { stateDir } from '../paths.ts';

/** The committed starting file, from git's HEAD. */
export function startingFile(root: string, slug: string): string {
  const rel = exerciseLabel(slug);
  try {
    return execFileSync('git', ['show', `HEAD:${rel}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    throw new UsageError(`cannot find the starting file of ${slug}: ${rel} is not committed in a git checkout at ${root}`);
  }
}

export async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(`${question} [y/N] `);
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}

export async function resetCommand(slug: string, opts: { yes?: boolean }): Promise<number> {
  const catalog = loadCatalog();
  const [exercise] = pick(catalog, [slug]);
  const starter = startingFile(catalog.root, slug);
  if (!opts.yes && !(await confirm(`Replace ${path.relative(process.cwd(), exercise!.files.exercise)} with its starting file? (a backup is kept)`))) {
    process.stdout.write(process.stdin.isTTY ? 'Nothing changed.\n' : 'Nothing changed: confirm with --yes when not at a terminal.\n');
    return 1;
  }
  const backups = path.join(stateDir(catalog.root), 'backups');
  mkdirSync(backups, { recursive: true });
  const backup = path.join(backups, `${slug}-${new Date().toISOString().replace(/[:.]/g, '-')}.ts`);
  const had = existsSync(exercise!.files.exercise);
  if (had) copyFileSync(exercise!.files.exercise, backup);
  writeFileSync(exercise!.files.exercise, starter);
  process.stdout.write(`${pc.green('Reset')} ${slug}.${had ? ` Your previous file is kept at ${path.relative(process.cwd(), backup)}` : ''}\n`);
  return 0;
}
