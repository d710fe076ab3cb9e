/**
 * A broken content file fails the site's build with its path and the field at fault (the
 * same schemas as `ticklab check`); a lesson's component naming something that does not
 * exist fails it with the lesson's file and the prop. One build each proves the wiring:
 * every message a component gives is test/site/component-refs.test.ts and
 * components.test.ts, without a build. (That the course as it stands builds, quotes its
 * regions and lists its lessons is test/e2e/, on the build every end-to-end test uses.)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../cli/helpers.ts';
import { tempDir } from '../temp-dir.ts';

/** A copy of the checkout's sources in a temporary folder (removed after the file), sharing its node_modules. */
function siteCopy(): string {
  const root = tempDir('ticklab-site-');
  for (const entry of readdirSync(REPO)) {
    if (['node_modules', 'dist', '.git', '.astro', '.ticklab', 'test'].includes(entry)) continue;
    cpSync(path.join(REPO, entry), path.join(root, entry), { recursive: true });
  }
  // The checkout's packages, linked one by one: the copy gets its own node_modules/.vite
  // (Vite's dependency cache), so builds running at the same time never share one.
  mkdirSync(path.join(root, 'node_modules'));
  for (const pkg of readdirSync(path.join(REPO, 'node_modules'))) {
    if (pkg === '.vite' || pkg === '.astro') continue;
    symlinkSync(path.join(REPO, 'node_modules', pkg), path.join(root, 'node_modules', pkg));
  }
  return root;
}

/** Makes `body` the copy's only lesson (content/lessons/ownership/borrowing.mdx), after a valid frontmatter. */
function onlyLesson(root: string, body: string): void {
  rmSync(path.join(root, 'content/lessons'), { recursive: true, force: true });
  mkdirSync(path.join(root, 'content/lessons/ownership'), { recursive: true });
  const frontmatter = '---\nsummary: A lesson written by the test, to see the build fail.\noutcomes:\n  - Check the first thing.\n  - Check the second thing.\nminutes: 10\n---\n\n## A section\n\n';
  writeFileSync(path.join(root, 'content/lessons/ownership/borrowing.mdx'), frontmatter + body + '\n');
}

function build(root: string) {
  const astro = path.join(REPO, 'node_modules/astro/astro.js');
  const run = spawnSync(process.execPath, [astro, 'build', '--root', root], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { status: run.status, output: (run.stdout + run.stderr).replace(/\u001b\[[0-9;]*m/g, '') };
}

describe('the site', () => {
  it('fails on a lesson whose component names something missing, naming the lesson file and the prop', () => {
    const root = siteCopy();
    onlyLesson(root, '<Quiz id="ownership-borrowing" questions={["refcell-panics", "no-such-question"]} />');
    const question = build(root);
    expect(question.status).not.toBe(0);
    expect(question.output).toContain(
      '<Quiz> in content/lessons/ownership/borrowing.mdx: questions[1]: no question "no-such-question" in content/quizzes/ownership-borrowing.json; its questions are:',
    );
  }, 300_000);

  it('fails on a misspelt field, naming the file and the field', () => {
    const root = siteCopy();
    const meta = path.join(root, 'exercises/borrow-tracker/meta.json');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('"minutes"', '"minuets"'));
    const { status, output } = build(root);
    expect(status).not.toBe(0);
    // The content collection loads exercises through the one catalog (content/catalog/), whose
    // errors name the file, relative to the course, and the field.
    expect(output).toContain('exercises/borrow-tracker/meta.json (minutes): Required');
    expect(output).toContain("exercises/borrow-tracker/meta.json: Unrecognized key(s) in object: 'minuets'");
  }, 120_000);
});
