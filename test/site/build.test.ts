/**
 * A broken content file fails the site's build with its path and the field at fault (the
 * same schemas as `ticklab check`); a lesson's component naming something that does not
 * exist fails it with the lesson's file and the prop; a course order that the outline, the
 * lessons and meta.json disagree on fails it as `ticklab check` says it. One build each proves the wiring:
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

/**
 * Makes the copy a course of one lesson, content/lessons/ownership/borrowing.mdx holding
 * `body` after a valid frontmatter: the outline lists that lesson alone, and only its own
 * exercise (borrow-tracker, embedded after the body) is kept, so the course order agrees.
 */
function oneLessonCourse(root: string, body: string): void {
  const outlineFile = path.join(root, 'content/course.json');
  const outline = JSON.parse(readFileSync(outlineFile, 'utf8')) as { modules: { slug: string; lessons: { slug: string }[] }[] };
  outline.modules = outline.modules.filter((m) => m.slug === 'ownership').map((m) => ({ ...m, lessons: m.lessons.filter((l) => l.slug === 'borrowing') }));
  writeFileSync(outlineFile, JSON.stringify(outline, null, 2));
  for (const slug of readdirSync(path.join(root, 'exercises'))) {
    if (slug !== 'borrow-tracker') rmSync(path.join(root, 'exercises', slug), { recursive: true, force: true });
  }
  rmSync(path.join(root, 'content/lessons'), { recursive: true, force: true });
  mkdirSync(path.join(root, 'content/lessons/ownership'), { recursive: true });
  const frontmatter = '---\nsummary: A lesson written by the test, to see the build fail.\noutcomes:\n  - Check the first thing.\n  - Check the second thing.\nminutes: 10\n---\n\n## A section\n\n';
  writeFileSync(path.join(root, 'content/lessons/ownership/borrowing.mdx'), `${frontmatter}${body}\n\n<Exercise slug="borrow-tracker" />\n`);
}

function build(root: string) {
  const astro = path.join(REPO, 'node_modules/astro/astro.js');
  const run = spawnSync(process.execPath, [astro, 'build', '--root', root], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { status: run.status, output: (run.stdout + run.stderr).replace(/\u001b\[[0-9;]*m/g, '') };
}

describe('the site', () => {
  it('fails on a lesson whose component names something missing, naming the lesson file and the prop', () => {
    const root = siteCopy();
    oneLessonCourse(root, '<Quiz id="ownership-borrowing" questions={["refcell-panics", "no-such-question"]} />');
    const question = build(root);
    expect(question.status).not.toBe(0);
    expect(question.output).toContain(
      '<Quiz> in content/lessons/ownership/borrowing.mdx: questions[1]: no question "no-such-question" in content/quizzes/ownership-borrowing.json; its questions are:',
    );
  }, 300_000);

  it('fails on a misspelt field and on a course order that disagrees with itself, naming each file and field', () => {
    const root = siteCopy();
    const meta = path.join(root, 'exercises/borrow-tracker/meta.json');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('"minutes"', '"minuets"'));
    // ring-sizing's meta.json names lesson concurrency/sizing-queues; embedding it in another lesson is refused too.
    const lesson = path.join(root, 'content/lessons/ownership/integer-prices.mdx');
    const lines = readFileSync(lesson, 'utf8').split('\n').length;
    writeFileSync(lesson, `${readFileSync(lesson, 'utf8')}\n<Exercise slug="ring-sizing" />\n`);
    const { status, output } = build(root);
    expect(status).not.toBe(0);
    // The content collection loads exercises through the one catalog (content/catalog/), whose
    // errors name the file, relative to the course, and the field.
    expect(output).toContain('exercises/borrow-tracker/meta.json (minutes): Required');
    expect(output).toContain("exercises/borrow-tracker/meta.json: Unrecognized key(s) in object: 'minuets'");
    // The course-order check of `ticklab check` (content/catalog/course-order.ts), in the same words.
    expect(output).toContain(
      `content/lessons/ownership/integer-prices.mdx:${lines + 1}: embeds exercise "ring-sizing", whose exercises/ring-sizing/meta.json names lesson "concurrency/sizing-queues"`,
    );
  }, 120_000);
});
