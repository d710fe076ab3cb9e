/**
 * The site builds from the content collections, and a broken content file fails the
 * build with its path and the field at fault (the same schemas as `ticklab check`).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../cli/catalog.ts';
import { REPO } from '../cli/helpers.ts';

/** A copy of the site's sources in a temporary folder, sharing this checkout's node_modules. */
function siteCopy(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ticklab-site-'));
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'site', 'content', 'exercises']) {
    cpSync(path.join(REPO, entry), path.join(root, entry), { recursive: true });
  }
  symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

function build(root: string) {
  const astro = path.join(REPO, 'node_modules/astro/astro.js');
  const run = spawnSync(process.execPath, [astro, 'build', '--root', root], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { status: run.status, output: (run.stdout + run.stderr).replace(/\u001b\[[0-9;]*m/g, '') };
}

describe('the site', () => {
  it('builds a home page listing every module, exercise and quiz', () => {
    const root = siteCopy();
    const { status, output } = build(root);
    expect(output).not.toMatch(/error/i);
    expect(status).toBe(0);
    const html = readFileSync(path.join(root, 'dist/index.html'), 'utf8');
    const catalog = loadCatalog(REPO);
    for (const m of catalog.outline!.modules) expect(html).toContain(`id="module-${m.slug}"`);
    for (const e of catalog.exercises) expect(html).toContain(`data-slug="${e.slug}"`);
    for (const q of catalog.quizzes.keys()) expect(html).toContain(`data-quiz="${q}"`);
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain('name="color-scheme" content="light dark"');
  }, 120_000);

  it('quotes a marked region of a tested file with <CodeRegion>, and fails naming the page and prop when it is wrong', () => {
    const root = siteCopy();
    const page = (props: string) =>
      `---\nimport CodeRegion from '../components/CodeRegion.astro';\n---\n<CodeRegion ${props} />\n`;
    writeFileSync(path.join(root, 'site/pages/quote.astro'), page('file="exercises/borrow-tracker/solution.ts" region="guard-life"'));
    const ok = build(root);
    expect(ok.status).toBe(0);
    const html = readFileSync(path.join(root, 'dist/quote/index.html'), 'utf8');
    expect(html).toContain('exercises/borrow-tracker/solution.ts (guard-life)');
    expect(html).toMatch(/function<\/span>.*guardLife/);
    expect(html).not.toContain('#region');

    writeFileSync(path.join(root, 'site/pages/quote.astro'), page('file="exercises/borrow-tracker/solution.ts" region="guard-lives"'));
    const missing = build(root);
    expect(missing.status).not.toBe(0);
    expect(missing.output).toContain('exercises/borrow-tracker/solution.ts: no region "guard-lives"; regions are: guard-life');

    writeFileSync(path.join(root, 'site/pages/quote.astro'), page('file="../secrets.ts"'));
    const bad = build(root);
    expect(bad.status).not.toBe(0);
    expect(bad.output).toMatch(/<CodeRegion> on \/quote\/?: file: a path from the repository root/);
  }, 180_000);

  it('fails on a misspelt field, naming the file and the field', () => {
    const root = siteCopy();
    const meta = path.join(root, 'exercises/borrow-tracker/meta.json');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('"minutes"', '"minuets"'));
    const { status, output } = build(root);
    expect(status).not.toBe(0);
    expect(output).toMatch(/exercises → borrow-tracker data does not match collection schema/);
    expect(output).toMatch(/minutes: Required/);
    expect(output).toMatch(/Unrecognized key\(s\) in object: 'minuets'/);
    expect(output).toContain(`${meta}:0:0`);
  }, 120_000);
});
