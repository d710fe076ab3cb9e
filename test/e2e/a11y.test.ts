/**
 * An axe-core audit of the built site: every page template fully (each kind of page, and
 * lessons chosen so that every component a lesson can hold is audited at least once), then
 * the rules a page's own colours can break (contrast) on every page in both themes, and a
 * lesson with its quiz answered (feedback shown): no serious or critical violation
 * (contrast, names and labels, landmarks, focusable scrolling regions, ...). Structure,
 * names and labels come from the templates and components, so one page of each shows them;
 * colours also come from the content (a link in a sentence, a code theme), so every page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST, useBrowserAndSite } from './harness.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Every page of the build, as the address it is served at. */
function sitePages(dir = DIST, prefix = '/'): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (prefix === '/' && ['_astro', 'pagefind', 'runner'].includes(entry.name)) continue;
      found.push(...sitePages(path.join(dir, entry.name), `${prefix}${entry.name}/`));
    } else if (entry.name === 'index.html') found.push(prefix);
    else if (entry.name === '404.html' && prefix === '/') found.push('/404.html');
  }
  return found.sort();
}

const e2e = useBrowserAndSite();

/** The kind of page an address is: its template. */
function templateOf(address: string): string {
  if (address === '/' || address === '/404.html') return address;
  const depth = address.split('/').filter(Boolean).length;
  const first = address.split('/')[1]!;
  if (['glossary', 'search', 'exercises'].includes(first)) return `/${first}/${depth > 1 ? '*/' : ''}`;
  return depth === 1 ? 'module' : 'lesson';
}

/** The components a built page holds, by the class names they render (each page read once). */
const COMPONENTS = ['quiz', 'exercise-toolbar', 'lab', 'code-region', 'callout', 'term', 'solution-wrap', 'rust-playground', 'module-outline'];
const componentsSeen = new Map<string, string[]>();
function componentsOf(address: string): string[] {
  const known = componentsSeen.get(address);
  if (known) return known;
  const file = address === '/404.html' ? path.join(DIST, '404.html') : path.join(DIST, address, 'index.html');
  const html = readFileSync(file, 'utf8');
  const found = COMPONENTS.filter((c) => new RegExp(`class="[^"]*\\b${c}\\b`).test(html));
  componentsSeen.set(address, found);
  return found;
}

/**
 * The pages audited fully: one of each template, and for each template more pages until
 * every component found on pages of that template is on a chosen one (greedy, in address order).
 */
function templatePages(all: readonly string[]): string[] {
  const chosen: string[] = [];
  const byTemplate = new Map<string, string[]>();
  for (const a of all) byTemplate.set(templateOf(a), [...(byTemplate.get(templateOf(a)) ?? []), a]);
  for (const addresses of byTemplate.values()) {
    const features = new Map(addresses.map((a) => [a, componentsOf(a)]));
    const missing = new Set([...features.values()].flat());
    chosen.push(addresses[0]!);
    for (const c of features.get(addresses[0]!)!) missing.delete(c);
    while (missing.size) {
      const best = addresses.reduce((b, a) => (features.get(a)!.filter((c) => missing.has(c)).length > features.get(b)!.filter((c) => missing.has(c)).length ? a : b));
      chosen.push(best);
      for (const c of features.get(best)!) missing.delete(c);
    }
  }
  return [...new Set(chosen)].sort();
}


/**
 * The rules a theme can change: a theme changes colours only, so in the second theme the
 * audit runs these (the structure, names and labels were audited in the first).
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** The serious and critical violations on the page as it is now, one line each (`rules`: only these). */
async function audit(page: Page, label: string, rules?: string[]): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (rules) => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'], ...(rules ? { runOnly: { type: 'rule', values: rules } } : {}) });
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, rules);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}): ${v.help}; at ${v.targets.join(', ')}`);
}

async function settle(page: Page): Promise<void> {
  // Scripts that fill in progress and quizzes run after load; audit what the student sees.
  await page.waitForLoadState('load');
  await page
    .waitForFunction(() => [...document.querySelectorAll<HTMLElement>('section.quiz')].every((q) => q.dataset.ready), undefined, { timeout: 10_000 })
    .catch(() => {});
}

describe('accessibility', () => {
  const pages = sitePages();

  const templates = templatePages(pages);

  it('finds the pages to audit, and a page of every template holding every component', () => {
    expect(templates).toEqual(expect.arrayContaining(['/', '/404.html', '/glossary/']));
    expect(templates.filter((a) => templateOf(a) === 'lesson').length, 'lessons audited fully').toBeGreaterThan(0);
    const covered = new Set(templates.flatMap(componentsOf));
    expect([...new Set(pages.flatMap(componentsOf))].filter((c) => !covered.has(c)), 'components on no fully audited page').toEqual([]);
    expect(pages).toContain('/');
    expect(pages).toContain('/ownership/borrowing/');
    expect(pages).toContain('/glossary/');
    expect(pages).toContain('/404.html');
  });

  // One visit a page: audited in the light theme (fully on a template page, else the colour
  // rules), then switched to the dark theme in place and audited for the colour rules.
  it('has no serious or critical axe violation: every template fully, every page for colour in both themes', async () => {
    const context = await e2e.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const address of pages) {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(e2e.url + address);
      await settle(page);
      problems.push(...(await audit(page, `${address} (light)`, templates.includes(address) ? undefined : COLOUR_RULES)));
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), 'the page is in the dark theme').toBe(true);
      problems.push(...(await audit(page, `${address} (dark)`, COLOUR_RULES)));
    }
    await context.close();
    expect(problems).toEqual([]);
  }, 900_000);

  it('has none on a lesson with quiz feedback and a glossary definition showing', async () => {
    const context = await e2e.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(e2e.url + '/ownership/borrowing/');
    await settle(page);
    const q1 = page.locator('form[data-question="e0502-push-while-reading"]');
    await q1.getByLabel(/Two threads could touch/).check();
    await q1.getByRole('button', { name: 'Check answer' }).click();
    await q1.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => q1.locator('details').count()).toBe(1);
    await page.locator('.term a').first().focus();
    expect(await page.locator('.term-tip').first().isVisible(), 'the definition shows on focus').toBe(true);
    const problems = await audit(page, 'lesson with feedback');
    await context.close();
    expect(problems).toEqual([]);
  });
});
