/**
 * The layout's promises, enforced: the engine and the grading core run in browsers, so
 * they import no Node modules and nothing of the front ends; the two front ends (the
 * `ticklab` CLI and the Astro site) never import each other. A broken rule fails with
 * the file, the line and the import, like Starlight's no-internal-barrel-imports test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../..');
const SOURCE = /\.(ts|mts|mjs|js|astro)$/;

/** Every source file under `dir` (relative to the repository). */
function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(REPO, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(child);
      } else if (SOURCE.test(entry.name)) out.push(child);
    }
  };
  walk(dir);
  return out;
}

export interface ImportSite {
  file: string;
  line: number;
  specifier: string;
  /** `import('x')`: loaded only when the code runs, so a platform check can guard it. */
  dynamic: boolean;
}

const STATIC = /^\s*(?:import|export)\b[^'"`]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The imports of one file, with their lines. Comments are skipped line by line. */
export function importsOf(file: string): ImportSite[] {
  const found: ImportSite[] = [];
  readFileSync(path.join(REPO, file), 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (/^\s*(\/\/|\*|\/\*)/.test(text)) return;
      const s = STATIC.exec(text);
      if (s) found.push({ file, line: i + 1, specifier: (s[1] ?? s[2])!, dynamic: false });
      for (const d of text.matchAll(DYNAMIC)) found.push({ file, line: i + 1, specifier: d[1]!, dynamic: true });
    });
  return found;
}

/** The repository folder an import lands in ("cli", "site", ...), or undefined for a package. */
function landsIn(site: ImportSite): string | undefined {
  if (!site.specifier.startsWith('.')) return undefined;
  return path.relative(REPO, path.resolve(REPO, path.dirname(site.file), site.specifier)).split(path.sep)[0];
}

const NODE_BUILTINS = new Set(builtinModules);
const isNode = (s: string) => s.startsWith('node:') || NODE_BUILTINS.has(s.split('/')[0]!);
const isAstro = (s: string) => s === 'astro' || s.startsWith('astro:') || s.startsWith('astro/') || s.startsWith('@astrojs/');

const where = (s: ImportSite) => `${s.file}:${s.line} imports "${s.specifier}"`;

/** The imports of `dirs` that break `rule`, as "file:line imports x" lines. */
function violations(dirs: string[], rule: (s: ImportSite) => boolean): string[] {
  return dirs.flatMap(sources).flatMap(importsOf).filter(rule).map(where);
}

describe('architecture boundaries', () => {
  it('the engine and the grading core import no Node module statically (they run in browsers; Node-only code loads it with import() behind a platform check)', () => {
    expect(violations(['engine', 'grading'], (s) => !s.dynamic && isNode(s.specifier)), 'Node imports in browser-safe code').toEqual([]);
  });

  it('the engine and the grading core import neither front end (cli/, site/)', () => {
    expect(violations(['engine', 'grading'], (s) => ['cli', 'site'].includes(landsIn(s) ?? '')), 'imports of a front end').toEqual([]);
  });

  it('the engine does not import the grading core (graders stand on the engine, not the other way)', () => {
    expect(violations(['engine'], (s) => landsIn(s) === 'grading'), 'engine imports of grading/').toEqual([]);
  });

  it('the CLI imports neither Astro nor the site', () => {
    expect(violations(['cli'], (s) => isAstro(s.specifier) || landsIn(s) === 'site'), 'CLI imports of the site').toEqual([]);
  });

  it('the site does not import the CLI', () => {
    expect(violations(['site'], (s) => landsIn(s) === 'cli'), 'site imports of cli/').toEqual([]);
  });

  it('the checker finds what it looks for (a rule that never fires checks nothing)', () => {
    const cli = sources('cli').flatMap(importsOf);
    expect(cli.some((s) => isNode(s.specifier)), 'the CLI is seen importing Node modules').toBe(true);
    expect(cli.some((s) => landsIn(s) === 'grading'), 'the CLI is seen importing the grading core').toBe(true);
    expect(sources('engine').flatMap(importsOf).some((s) => s.dynamic && isNode(s.specifier)), 'the engine is seen loading Node modules dynamically').toBe(true);
  });
});
