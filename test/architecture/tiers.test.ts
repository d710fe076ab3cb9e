/** The unit tier stays a unit tier: no file in it starts a process, a browser, workers or a build (test/tiers.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E, INTEGRATION, PROCESS_PATTERNS } from '../tiers.ts';

const REPO = path.resolve(import.meta.dirname, '../..');

function testFiles(dir: string): string[] {
  return readdirSync(path.join(REPO, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = `${dir}/${d.name}`;
    if (d.isDirectory()) return d.name === 'fixtures' ? [] : testFiles(rel);
    return d.name.endsWith('.test.ts') ? [rel] : [];
  });
}

/** A glob of test/tiers.ts as a regular expression (`*` within a folder, `**` across folders). */
const matcher = (glob: string) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\//g, '(?:.*/)?').replace(/\*/g, '[^/]*')}$`);

const tiered = [...INTEGRATION, ...E2E].map(matcher);
const unit = testFiles('test').filter((f) => !tiered.some((m) => m.test(f)));

describe('the unit tier', () => {
  it('has files in it', () => {
    expect(unit.length).toBeGreaterThan(30);
  });

  it.each(unit)('%s starts no process, browser, worker or build', (file) => {
    const found = PROCESS_PATTERNS.exec(readFileSync(path.join(REPO, file), 'utf8'));
    expect(found?.[0], `${file} uses ${found?.[0]}: list it in test/tiers.ts INTEGRATION`).toBeUndefined();
  });

  it('lists no integration glob that matches nothing', () => {
    const all = testFiles('test');
    for (const glob of INTEGRATION) expect(all.some((f) => matcher(glob).test(f)), glob).toBe(true);
  });
});
