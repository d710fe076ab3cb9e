/**
 * Known-wrong solutions kept as patches: `exercises/<slug>/wrong/<name>.patch` is a
 * comment block naming the mistake, then a unified diff against the exercise's
 * solution.ts. A patch keeps the mistake visible in a few lines, and a change to the
 * solution's API is made once, not once per known-wrong copy. `ticklab check`, the
 * known-wrong tests and the page's parity test all build the graded source here, so they
 * grade the same code.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyPatch, createTwoFilesPatch, parsePatch, type StructuredPatch } from 'diff';
import { EXERCISE_FILES, WRONG_DIR, WRONG_DRAFT_ENDING, WRONG_PATCH_ENDING } from '../../grading/exercise-format.ts';

/** A known-wrong patch that cannot be read or applied, naming the file. */
export class KnownWrongError extends Error {
  constructor(
    readonly file: string,
    /** What is wrong with it, without the file's name. */
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'KnownWrongError';
  }
}

/** A known-wrong solution, read and applied. */
export interface KnownWrong {
  /** The patch file. */
  file: string;
  /** Its name: `wrong/<name>.patch`. */
  name: string;
  /** The comment block before the diff: the mistake, in words. */
  header: string;
  /** The graded source: solution.ts with the diff applied, under the patch's header. */
  source: string;
}

/** Where the diff starts: its first `--- ` file header. */
const DIFF_START = /^--- /m;
/** A file's leading block comment and the blank lines after it. */
const LEADING_COMMENT = /^\s*\/\*[\s\S]*?\*\/[ \t]*\n(\s*\n)*/;

/** Splits a patch file into its header comment and its diff. */
export function splitPatch(text: string, file: string): { header: string; diff: string } {
  const start = DIFF_START.exec(text);
  if (!start) throw new KnownWrongError(file, 'has no diff: after the comment naming the mistake, a unified diff against solution.ts ("--- solution.ts", "+++ ...", "@@ ... @@" hunks)');
  return { header: text.slice(0, start.index).trim(), diff: text.slice(start.index) };
}

function parseOne(diff: string, file: string): StructuredPatch {
  let patches: StructuredPatch[];
  try {
    patches = parsePatch(diff);
  } catch (error) {
    throw new KnownWrongError(file, `is not a unified diff: ${(error as Error).message}`);
  }
  if (patches.length !== 1) throw new KnownWrongError(file, `changes ${patches.length} files; a known-wrong patch changes solution.ts only`);
  if (patches[0]!.hunks.length === 0) throw new KnownWrongError(file, 'has no hunks: a known-wrong solution differs from solution.ts somewhere');
  return patches[0]!;
}

/**
 * The known-wrong source a patch makes of a solution: the diff applied, and the solution's
 * leading comment (which explains the right answer) replaced by the patch's header.
 */
export function applyKnownWrong(patchText: string, solution: string, file: string): { header: string; source: string } {
  const { header, diff } = splitPatch(patchText, file);
  const patch = parseOne(diff, file);
  const applied = applyPatch(solution, patch);
  if (applied === false) {
    // Say which hunk no longer matches: the first that does not apply on its own.
    const stale = patch.hunks.find((h) => applyPatch(solution, { ...patch, hunks: [h] }) === false) ?? patch.hunks[0]!;
    throw new KnownWrongError(
      file,
      `no longer applies to solution.ts: the hunk "@@ -${stale.oldStart},${stale.oldLines} +${stale.newStart},${stale.newLines} @@" does not match it. Rewrite the patch against today's solution.ts (copy solution.ts to wrong/<name>.ts, make the mistake, and run \`ticklab new <slug> --wrong <name>\`)`,
    );
  }
  const body = applied.replace(LEADING_COMMENT, '');
  return { header, source: header ? `${header}\n\n${body}` : body };
}

/** Reads and applies one `wrong/<name>.patch` against the exercise's solution.ts. */
export function readKnownWrong(file: string, solutionFile: string): KnownWrong {
  const { header, source } = applyKnownWrong(readFileSync(file, 'utf8'), readFileSync(solutionFile, 'utf8'), file);
  return { file, name: path.basename(file, WRONG_PATCH_ENDING), header, source };
}

/**
 * A patch of `wrong` against `solution`: `header` (the mistake, a comment block), then the
 * diff. The solution's leading comment is kept as the diff's context, never changed.
 */
export function createKnownWrongPatch(header: string, solution: string, wrong: string, name: string): string {
  const kept = LEADING_COMMENT.exec(solution)?.[0] ?? '';
  const target = kept + wrong.replace(LEADING_COMMENT, '');
  const diff = createTwoFilesPatch(EXERCISE_FILES.solution, `${WRONG_DIR}/${name}${WRONG_DRAFT_ENDING}`, solution, target, undefined, undefined, { context: 3 });
  // createTwoFilesPatch starts with an "====" separator line; the file headers say enough.
  return `${header.trim()}\n${diff.slice(diff.indexOf('--- '))}`;
}

/** The leading comment block of a source file: the mistake a full known-wrong file names. */
export function leadingComment(source: string): string | undefined {
  return /^\s*(\/\*[\s\S]*?\*\/)/.exec(source)?.[1];
}

/**
 * A folder of materialised known-wrong sources for the graders (which read files), one per
 * process, removed by {@link KnownWrongFiles.remove}. The files keep the `.ts` name of the
 * patch; the engine is imported by `#engine/...`, which the graders resolve wherever the file is.
 */
export class KnownWrongFiles {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'ticklab-known-wrong-'));
  private count = 0;

  /** Writes one known-wrong source and returns its path. */
  write(slug: string, wrong: KnownWrong): string {
    const file = path.join(this.dir, `${this.count++}-${slug}-${wrong.name}.ts`);
    writeFileSync(file, wrong.source);
    return file;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
