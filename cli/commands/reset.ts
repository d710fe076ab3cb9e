/**
 * `ticklab reset <slug>`: puts the starting file back. The starting file is the one the
 * course committed (read from git), and the student's current file is first copied to
 * `.ticklab/backups/`, so even a reset loses nothing.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pc from 'picocolors';
import { exerciseLabel, loadCatalog, pick } from '../catalog.ts';
import { UsageError } from '../errors.ts';
import { stateDir } from '../paths.ts';
import { confirm } from '../confirm.ts';
import { startingFile } from '../starting-file.ts';


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
